"""Export: an Alignment as JSON (for programs) or Markdown (for people).

The JSON document (``format: idlib-read/alignment``, ``version: 1``) is
documented in the README. Articles are referred to by their ``id`` everywhere
in it; sentences by their index within the article; every ``start``/``end``
is a character offset into the article's original file text (after decoding,
BOM removed), end exclusive.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Any

from .model import Alignment, Claim, Divergence, Group, Sentence

_SURROGATE = re.compile("[\ud800-\udfff]")

FORMAT = "idlib-read/alignment"
VERSION = 1

JsonDict = dict[str, Any]


def to_dict(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> JsonDict:
    """The whole alignment as plain JSON-ready data."""
    ids = [a.id for a in alignment.articles]
    doc: JsonDict = {
        "format": FORMAT,
        "version": VERSION,
        "articles": [_article(a) for a in alignment.articles],
        "groups": [_group(g, ids) for g in alignment.groups],
    }
    if alignment.warnings:
        doc["warnings"] = list(alignment.warnings)
    if annotations is not None:
        doc["annotations"] = list(annotations)
    return doc


def to_json(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> str:
    """The JSON document as text (valid UTF-8, indented, stable key order)."""
    text = json.dumps(to_dict(alignment, annotations), ensure_ascii=False, indent=2) + "\n"
    return valid_text(text)


def valid_text(text: str) -> str:
    """``text`` with lone surrogates replaced, so it always encodes as UTF-8.

    File names that are not valid UTF-8 reach Python as lone surrogates
    (PEP 383); they are shown with U+FFFD instead of breaking the output.
    """
    return _SURROGATE.sub("\ufffd", text)


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


def _group(group: Group, ids: Sequence[str]) -> JsonDict:
    return {
        "id": group.id,
        "members": [
            {"article": ids[m.article], "sentence": s, "score": round(m.score, 4)}
            for m in group.members
            for s in m.sentences
        ],
        "divergences": [_divergence(d, ids) for d in group.divergences],
        "claims": [_claim(c, ids) for c in group.claims],
    }


def _divergence(d: Divergence, ids: Sequence[str]) -> JsonDict:
    out: JsonDict = {
        "kind": d.kind,
        "article": ids[d.article],
        "sentence": d.sentence,
        "start": d.start,
        "end": d.end,
        "text": d.text,
        "detail": d.detail,
    }
    if d.relation is not None:
        out["relation"] = d.relation
    return out


def _claim(c: Claim, ids: Sequence[str]) -> JsonDict:
    q = c.quantity
    return {
        "article": ids[c.article],
        "sentence": c.sentence,
        "start": c.start,
        "end": c.end,
        "text": q.text,
        "kind": q.kind,
        "counted": q.counted,
        "low": _finite(q.low),
        "high": _finite(q.high),
        "unit": q.unit,
        "hedge": q.hedge,
    }


def _finite(x: float) -> float | None:
    """JSON has no infinity: an open bound is null."""
    return None if x in (float("inf"), float("-inf")) else x


# ---------------------------------------------------------------- Markdown


def to_markdown(alignment: Alignment, annotations: Sequence[JsonDict] | None = None) -> str:
    """A readable report: outlets, passages with divergences marked, claims table."""
    parts = [_md_header(alignment)]
    notes = _notes_by_group(annotations or [])
    for group in alignment.groups:
        parts.append(_md_group(alignment, group, notes.get(group.id, [])))
    parts.append(_md_claims(alignment))
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
        elif _is_control(ch):
            continue
        else:
            out.append(ch)
    return "".join(out)


def _is_control(ch: str) -> bool:
    """C0 and C1 control characters and DEL."""
    code = ord(ch)
    return code < 0x20 or 0x7F <= code < 0xA0


def _md_header(alignment: Alignment) -> str:
    lines = ["# idlib-read alignment report", "", "| id | outlet | headline | sentences |"]
    lines.append("|---|---|---|---|")
    for a in alignment.articles:
        lines.append(
            f"| {md_escape(a.id)} | {md_escape(a.label)} | {md_escape(a.title)} "
            f"| {len(a.sentences)} |"
        )
    n_div = sum(1 for g in alignment.groups if g.divergences)
    lines += [
        "",
        f"{len(alignment.groups)} passages; {n_div} with divergences. "
        "Marked text: **bold** = a divergent number, _italic_ = reworded wording "
        "or a reworded quotation; each mark is explained under the passage.",
    ]
    return "\n".join(lines)


def _md_group(alignment: Alignment, group: Group, notes: Sequence[JsonDict]) -> str:
    outlets = ", ".join(alignment.articles[m.article].label for m in group.members)
    head = f"## Passage {group.id + 1}"
    sub = "only " + outlets if group.is_single else f"{len(group.members)} outlets"
    lines = [f"{head} ({md_escape(sub)})", ""]
    for member, sentences in alignment.passages(group):
        label = md_escape(alignment.articles[member.article].label)
        marked = " ".join(_md_marked(s, group.divergences, member.article) for s in sentences)
        lines.append(f"- **{label}**: {marked}")
    if group.divergences:
        lines += ["", "Divergences:", ""]
        for d in group.divergences:
            label = md_escape(alignment.articles[d.article].label)
            lines.append(f"- {d.kind} ({label}): {md_escape(d.detail)}")
    if notes:
        lines += ["", "Annotations:", ""] + [_md_note(n) for n in notes]
    return "\n".join(lines)


def _md_marked(sentence: Sentence, divergences: Iterable[Divergence], article: int) -> str:
    """The sentence with its divergent spans marked; overlapping marks are merged."""
    spans: list[tuple[int, int, str]] = []
    for d in divergences:
        if d.article == article and d.sentence == sentence.index:
            i, j = sentence.local_span(d.start, d.end)
            if i < j:
                spans.append((i, j, "**" if d.kind == "number" else "_"))
    spans.sort()
    out, pos = [], 0
    for i, j, mark in spans:
        if i < pos:
            continue
        out += [md_escape(sentence.text[pos:i]), mark, md_escape(sentence.text[i:j]), mark]
        pos = j
    out.append(md_escape(sentence.text[pos:]))
    return "".join(out)


def _md_claims(alignment: Alignment) -> str:
    """Numeric claims by what they count (rows) and outlet (columns)."""
    rows: dict[str, dict[int, list[str]]] = {}
    conflicts: set[tuple[str, int]] = set()
    for group in alignment.groups:
        for c in group.claims:
            key = c.quantity.subject
            cell = md_escape(c.quantity.text) + f" (p.{group.id + 1})"
            rows.setdefault(key, {}).setdefault(c.article, []).append(cell)
            if group.relation_of(c) == "conflict":
                conflicts.add((key, c.article))
    if not rows:
        return "## Numeric claims\n\nNo numeric claims found."
    arts = alignment.articles
    lines = ["## Numeric claims by outlet", ""]
    lines.append("| claim | " + " | ".join(md_escape(a.label) for a in arts) + " |")
    lines.append("|---" * (len(arts) + 1) + "|")
    for key in sorted(rows):
        cells = []
        for i in range(len(arts)):
            text = "; ".join(rows[key].get(i, []))
            cells.append(f"⚠ {text}" if (key, i) in conflicts else text)
        lines.append(f"| {md_escape(key)} | " + " | ".join(cells) + " |")
    lines += ["", "⚠ marks a number that conflicts with another outlet's."]
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
