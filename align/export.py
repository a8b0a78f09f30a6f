"""Export: an Alignment as JSON (for programs) or Markdown (for people).

The JSON document (``format: idlib-read/alignment``, ``version: 2``) is
documented in the README. Articles are referred to by their ``id`` everywhere
in it; sentences by their index within the article; every ``start``/``end``
is a character offset into the article's original file text (after decoding,
BOM removed), end exclusive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Hashable, Iterable, Sequence
from typing import Any

from .figures.relate import head_and_mods, thing
from .model import Alignment, Claim, Divergence, Group, Measured, Member, Sentence
from .text import is_control

_SURROGATE = re.compile("[\ud800-\udfff]")

FORMAT = "idlib-read/alignment"
VERSION = 2

JsonDict = dict[str, Any]


def to_dict(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> JsonDict:
    """The whole alignment as plain JSON-ready data."""
    ids = [a.id for a in alignment.articles]
    doc: JsonDict = {
        "format": FORMAT,
        "version": VERSION,
        "articles": [_article(a) for a in alignment.articles],
        "groups": [_group(g, ids, alignment) for g in alignment.groups],
        "quantities": [_measured(m, ids, alignment) for m in alignment.ledger],
    }
    if alignment.warnings:
        doc["warnings"] = list(alignment.warnings)
    if annotations is not None:
        doc["annotations"] = list(annotations)
    return doc


def to_json(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> str:
    """The JSON document as text: valid UTF-8, stable key order, one article,
    passage, quantity or annotation per line (see ``json_lines``)."""
    return valid_text(json_lines(to_dict(alignment, annotations)))


def json_lines(doc: JsonDict) -> str:
    """A document whose values are lists or scalars, one list item per line.

    Readable and diff-friendly at the scale of the input (a passage per
    line), and written by the json module's C encoder: ``indent`` would send
    every value through its pure-Python encoder, three times slower on the
    12 MB export of 100 articles.
    """
    fields = []
    for key, value in doc.items():
        name = "  " + json.dumps(key)
        if isinstance(value, list) and value:
            items = ",\n".join("    " + json.dumps(v, ensure_ascii=False) for v in value)
            fields.append(f"{name}: [\n{items}\n  ]")
        else:
            fields.append(f"{name}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(fields) + "\n}\n"


def valid_text(text: str) -> str:
    """``text`` with lone surrogates replaced, so it always encodes as UTF-8.

    File names that are not valid UTF-8 reach Python as lone surrogates
    (PEP 383); they are shown with U+FFFD instead of breaking the output.
    Text that encodes is returned as it is, without a search through it.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _article(article: Any) -> JsonDict:
    src = article.source
    return {
        "id": src.id,
        "label": src.label,
        "source": src.path,
        "title": article.title,
        "date": src.date,
        "author": src.author,
        "url": src.url,
        "sentences": [
            {
                "index": s.index,
                "text": s.text,
                "start": s.start,
                "end": s.end,
                "paragraph": s.paragraph,
            }
            for s in article.sentences
        ],
        "dropped": [
            {"start": d.start, "end": d.end, "text": d.text, "reason": d.reason}
            for d in article.dropped
        ],
    }


def _group(group: Group, ids: Sequence[str], alignment: Alignment) -> JsonDict:
    return {
        "id": group.id,
        "members": [_member(m, s, ids, alignment) for m in group.members for s in m.sentences],
        "divergences": [_divergence_json(d, ids, alignment) for d in group.divergences],
        "claims": [_claim(c, ids, alignment) for c in group.claims],
        "closest": [
            {"article": ids[c.article], "group": c.group, "by": c.by} for c in group.closest
        ],
    }


def _raw_span(alignment: Alignment, article: int, sentence: int, start: int, end: int) -> list[int]:
    """Raw offsets, for the document, of a local span in a sentence of the alignment."""
    return list(alignment.articles[article].sentences[sentence].raw_span(start, end))


def _member(m: Member, s: int, ids: Sequence[str], alignment: Alignment) -> JsonDict:
    """One sentence of a member; an "also" member names its role and its clause (raw offsets)."""
    out: JsonDict = {"article": ids[m.article], "sentence": s, "score": round(m.score, 4)}
    if m.role == "also" and m.span is not None:
        out["role"] = "also"
        out["span"] = _raw_span(alignment, m.article, s, *m.span)
    return out


def _divergence_json(d: Divergence, ids: Sequence[str], alignment: Alignment) -> JsonDict:
    start, end = _raw_span(alignment, d.article, d.sentence, d.start, d.end)
    out: JsonDict = {
        "kind": d.kind,
        "article": ids[d.article],
        "sentence": d.sentence,
        "start": start,
        "end": end,
        "text": d.text,
        "detail": d.detail,
    }
    if d.relation is not None:
        out["relation"] = d.relation
    if d.against:
        out["with"] = [
            {
                "article": ids[c.article],
                "sentence": c.sentence,
                "group": c.group,
                "text": c.quantity.text,
            }
            for c in d.against
        ]
    return out


def _claim(c: Claim, ids: Sequence[str], alignment: Alignment) -> JsonDict:
    q = c.quantity
    start, end = _raw_span(alignment, c.article, c.sentence, q.start, q.end)
    return {
        "article": ids[c.article],
        "sentence": c.sentence,
        "group": c.group,
        "start": start,
        "end": end,
        "text": q.text,
        "kind": q.kind,
        "measures": q.subject,
        "counted": q.counted,
        "role": q.role,
        "event": q.event,
        "low": _finite(q.low),
        "high": _finite(q.high),
        "low_open": q.low_open,
        "high_open": q.high_open,
        "unit": q.unit,
        "hedge": q.hedge,
        "scope": q.scope.text or None,
        "source": q.source or None,
    }


def _measured(m: Measured, ids: Sequence[str], alignment: Alignment) -> JsonDict:
    return {
        "id": m.id,
        "label": m.label,
        "kind": m.kind,
        "unit": m.unit,
        "claims": [_claim(c, ids, alignment) for c in m.claims],
        "relations": [{"a": p.a, "b": p.b, "relation": p.relation} for p in m.pairings],
    }


def _finite(x: float) -> float | None:
    """JSON has no infinity: an open bound is null."""
    return None if x in (float("inf"), float("-inf")) else x


# ---------------------------------------------------------------- Markdown


def to_markdown(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> str:
    """A report a fact-checker can forward: the disagreements that matter first
    (conflicts, then different precision, then reworded quotations), each linking
    to its passage, then the passages one by one, then the claims ledger."""
    parts = [_md_header(alignment), _md_summary(alignment)]
    notes = _notes_by_group(annotations or [])
    parts.append("## Passages")
    for group in alignment.groups:
        parts.append(_md_group(alignment, group, notes.get(group.id, [])))
    parts.append(_md_ledger(alignment))
    detached = notes.get(None, [])
    if detached:
        parts.append("## Detached annotations\n\n" + "\n".join(_md_note(n) for n in detached))
    return valid_text("\n\n".join(p.rstrip() for p in parts if p) + "\n")


def md_escape(text: str) -> str:
    """Escape Markdown syntax in untrusted text so it prints literally.

    Line breaks become spaces and other control characters are dropped, so
    a report shown in a terminal cannot carry escape sequences.
    """
    out = []
    for ch in text:
        if ch in "\\`*_[]<>|~":
            out.append("\\" + ch)
        elif ch in "\r\n\t":
            out.append(" ")
        elif is_control(ch):
            continue
        else:
            out.append(ch)
    return "".join(out)


LEGEND = (
    "Marks in the text: **59**≠ a figure another outlet contradicts; `nearly six`≈ a "
    "figure another outlet states with different precision; _text_ reworded wording; "
    "_“text”_ a reworded quotation. An outlet a passage does not list has no sentence "
    'like it (the reader says "not reported here"); *no match* names where an outlet '
    "gives one of its figures or its nearest wording, to check before taking the fact "
    "as unreported."
)
MARKS = {"conflict": ("**", "**≠"), "precision": ("`", "`≈")}
OPENING_QUOTES = frozenset("“\"‘'«„»")


def _md_header(alignment: Alignment) -> str:
    lines = ["# idlib-read alignment report", "", "| id | outlet | headline | sentences |"]
    lines.append("|---|---|---|---|")
    for a in alignment.articles:
        lines.append(
            f"| {md_escape(a.id)} | {md_escape(a.label)} | {md_escape(a.title)} "
            f"| {len(a.sentences)} |"
        )
    n_div = sum(1 for g in alignment.groups if g.divergences)
    lines += ["", f"{len(alignment.groups)} passages; {n_div} with divergences. {LEGEND}"]
    return "\n".join(lines)


def _link(group: int) -> str:
    return f"[passage {group + 1}](#passage-{group + 1})"


def _md_figures(alignment: Alignment, row: Measured, marked: bool = False) -> str:
    """A row's figures side by side: "59 (The Hill, passage 36) · 58 (...)"."""
    out = []
    for n, c in enumerate(row.claims):
        text = md_escape(c.quantity.text)
        if marked:
            relation = row.relation_of(n)
            if relation in MARKS:
                text = _mark(c.quantity.text, relation)
        label = md_escape(alignment.articles[c.article].label)
        out.append(f"{text} ({label}, {_link(c.group)})")
    return " · ".join(out)


Side = frozenset[tuple[str, str]]  # a pairing's side: (wording, outlet) of each claim


def _md_pairs(alignment: Alignment, row: Measured, relation: str) -> list[str]:
    """Who disagrees with whom: each two readings of the row that relate so, with the
    outlets that give each ("58 (The Washington Post) ≠ 59 (The Hill, Al Jazeera)"). A
    line that another says in full (the same wordings, its outlets among that line's:
    one outlet's "dozens" in two readings) is left out."""
    sign = "≠" if relation == "conflict" else "≈"
    readings = [read_alike(c) for c in row.claims]  # each claim's reading, read once
    alike: dict[Hashable, list[Claim]] = {}
    for claim, reading in zip(row.claims, readings, strict=True):
        alike.setdefault(reading, []).append(claim)
    seen: set[frozenset[Hashable]] = set()
    lines: list[tuple[Side, Side, str]] = []
    for p in row.pairings:
        ends = frozenset((readings[p.a], readings[p.b]))
        if p.relation == relation and ends not in seen:  # two readings once
            seen.add(ends)
            (a, left), (b, right) = (
                _md_reading(alignment, row.claims[p.a], alike[readings[p.a]]),
                _md_reading(alignment, row.claims[p.b], alike[readings[p.b]]),
            )
            lines.append((left, right, f"{a} {sign} {b}"))
    return [text for n, (left, right, text) in enumerate(lines) if not _said_by(n, lines)]


def _said_by(n: int, lines: Sequence[tuple[Side, Side, str]]) -> bool:
    """Whether another line says all that line ``n`` says: it holds both sides (either
    way round), and is wider, or the same and earlier."""
    left, right, _ = lines[n]
    for m, (x, y, _) in enumerate(lines):
        for one, two in ((x, y), (y, x)):
            if m != n and left <= one and right <= two and (left < one or right < two or m < n):
                return True
    return False


def read_alike(claim: Claim) -> Hashable:
    """What comparing reads of a figure within its row (``figures.comparable``): its
    bounds, the modifiers of its noun and its scope, not their wording ("since the
    beginning of February" is "from the beginning of February")."""
    q = claim.quantity
    mods = () if thing(q) == "people" else tuple(sorted(head_and_mods(q.counted)[1]))
    scope = (q.scope.kind, q.scope.anchor, q.scope.place)
    return (q.low, q.high, q.low_open, q.high_open, mods, scope, q.listed)


def _md_reading(alignment: Alignment, claim: Claim, alike: Sequence[Claim]) -> tuple[str, Side]:
    """A claim's figure with every outlet of its row that reads alike (``alike``: the
    row's claims of its ``read_alike``), each wording once with its outlets ("Nearly
    one million (BBC) / nearly a million (AP, Reuters)"): the pairing stands for them
    all, and for no outlet that words it alike for another period. Also the (wording,
    outlet) it names."""
    mine = claim.quantity.text.casefold()
    worded: dict[str, tuple[str, dict[str, None]]] = {}
    for c in alike:
        text = c.quantity.text
        _, outlets = worded.setdefault(text.casefold(), (text, {}))
        outlets[alignment.articles[c.article].label] = None
    first = sorted(worded, key=lambda key: key != mine)  # the claim's own words first
    named = frozenset((key, outlet) for key in first for outlet in worded[key][1])
    return " / ".join(
        f"{md_escape(worded[key][0])} ({md_escape(', '.join(worded[key][1]))})" for key in first
    ), named


def _mark(text: str, relation: str) -> str:
    """A figure marked by its relation: bold for conflict, code for precision."""
    opening, closing = MARKS[relation]
    inner = text.replace("`", "'") if opening == "`" else md_escape(text)
    return f"{opening}{inner}{closing}"


def _md_summary(alignment: Alignment) -> str:
    """The disagreements at a glance, each listed once."""
    lines = ["## Disagreements", ""]
    for relation, title in (
        ("conflict", "Conflicts: figures that cannot all be true"),
        ("precision", "Different precision: figures that agree but say more or less"),
    ):
        rows = [m for m in alignment.ledger if m.worst == relation]
        lines += [f"### {title}", ""]
        for m in rows:
            lines.append(
                f"- {relation}: {md_escape(m.label)}: {_md_figures(alignment, m, marked=True)}"
            )
            lines += [f"  - {pair}" for pair in _md_pairs(alignment, m, relation)]
        lines += ["- none found"] if not rows else []
        lines.append("")
    quotes = [g for g in alignment.groups if any(d.kind == "quote" for d in g.divergences)]
    lines += ["### Reworded quotations", ""]
    for g in quotes:
        outlets = sorted({d.article for d in g.divergences if d.kind == "quote"})
        names = ", ".join(md_escape(alignment.articles[a].label) for a in outlets)
        lines.append(f"- quotation reworded: {names} ({_link(g.id)})")
    lines += ["- none found"] if not quotes else []
    return "\n".join(lines)


def _md_group(alignment: Alignment, group: Group, notes: Sequence[JsonDict]) -> str:
    outlets = ", ".join(alignment.articles[m.article].label for m in group.members)
    sub = f"Only {outlets}" if group.is_single else f"{len(group.members)} outlets"
    lines = [f"### Passage {group.id + 1}", "", md_escape(sub), ""]
    for member, sentences in alignment.passages(group):
        label = md_escape(alignment.articles[member.article].label)
        if member.role == "also" and member.span is not None:
            clause = md_escape(sentences[0].text[member.span[0] : member.span[1]])
            where = _link(alignment.group_of(member.article, member.sentences[0]))
            lines.append(f"- **{label}** (a clause of its sentence in {where}): … {clause} …")
            continue
        marked = " ".join(_md_marked(s, group.divergences, member.article) for s in sentences)
        lines.append(f"- **{label}**: {marked}")
    for closest in group.closest:
        label = md_escape(alignment.articles[closest.article].label)
        what = "gives one of its figures" if closest.by == "figure" else "has its nearest wording"
        lines.append(f"- *{label}*: no match; {what} in {_link(closest.group)}")
    rows = _rows_in(alignment, group.id)
    others = [d for d in group.divergences if d.kind != "number"]
    if rows or others:
        lines += ["", "Divergences:", ""]
        for row in rows:
            figures = _md_figures(alignment, row, marked=True)
            lines.append(f"- {row.worst}: {md_escape(row.label)}: {figures}")
        for d in others:
            label = md_escape(alignment.articles[d.article].label)
            what = "reworded quotation" if d.kind == "quote" else "reworded"
            lines.append(f"- {what} ({label}): {md_escape(d.detail)}")
    if notes:
        lines += ["", "Annotations:", ""] + [_md_note(n) for n in notes]
    return "\n".join(lines)


def _rows_in(alignment: Alignment, group: int) -> list[Measured]:
    """Ledger rows with a disagreement that has a claim in this passage."""
    return [
        m
        for m in alignment.ledger
        if m.worst in ("conflict", "precision") and any(c.group == group for c in m.claims)
    ]


def _md_marked(sentence: Sentence, divergences: Iterable[Divergence], article: int) -> str:
    """The sentence with its divergent spans marked; overlapping marks are merged."""
    spans: list[tuple[int, int, str, str]] = []
    for d in divergences:
        if d.article == article and d.sentence == sentence.index and d.start < d.end:
            if d.kind == "number" and d.relation in MARKS:
                opening, closing = MARKS[d.relation]
            elif d.kind == "quote" and sentence.text[: d.start].rstrip()[-1:] not in OPENING_QUOTES:
                opening, closing = "_“", "”_"  # (where the text has its own marks, only "_")
            else:
                opening, closing = "_", "_"
            spans.append((d.start, d.end, opening, closing))
    spans.sort()
    out, pos = [], 0
    for i, j, opening, closing in spans:
        if i < pos:
            continue
        inner = sentence.text[i:j]
        body = inner.replace("`", "'") if opening == "`" else md_escape(inner)
        out += [md_escape(sentence.text[pos:i]), opening, body, closing]
        pos = j
    out.append(md_escape(sentence.text[pos:]))
    return "".join(out)


def _md_ledger(alignment: Alignment) -> str:
    """The claims ledger: one row per measured quantity, one column per outlet."""
    if not alignment.ledger:
        return "## Numeric claims\n\nNo numeric claims found."
    arts = alignment.articles
    lines = ["## Numeric claims by outlet", ""]
    lines.append("| quantity | " + " | ".join(md_escape(a.label) for a in arts) + " |")
    lines.append("|---" * (len(arts) + 1) + "|")
    for m in alignment.ledger:
        cells: list[list[str]] = [[] for _ in arts]
        for n, c in enumerate(m.claims):
            relation = m.relation_of(n)
            text = (
                _mark(c.quantity.text, relation)
                if relation in MARKS
                else md_escape(c.quantity.text)
            )
            cells[c.article].append(f"{text} ({_link(c.group)})")
        lines.append(f"| {md_escape(m.label)} | " + " | ".join("; ".join(x) for x in cells) + " |")
    lines += ["", LEGEND]
    return "\n".join(lines)


def _notes_by_group(annotations: Sequence[JsonDict]) -> dict[int | None, list[JsonDict]]:
    out: dict[int | None, list[JsonDict]] = {}
    for ann in annotations:
        group = ann.get("group")
        out.setdefault(group if isinstance(group, int) else None, []).append(ann)
    return out


def _md_note(ann: JsonDict) -> str:
    tags = ", ".join(str(t) for t in ann.get("tags", []))
    status = ann.get("status", "open")
    note = md_escape(str(ann.get("note", "")))
    return f"- [{status}] {note}" + (f" (tags: {md_escape(tags)})" if tags else "")
