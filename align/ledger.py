"""Ledger: the numeric claims of the whole story, compared wherever they sit.

Every figure of every sentence becomes a ``Claim``. Claims of two outlets are
compared when they measure the same thing over a compatible scope
(``figures.comparable``), whether their sentences share a passage or not: a
toll given in one outlet's opening and in another's last paragraph is still
one toll. Per pair of outlets each claim is paired at most once, best pairs
first (equal values before compatible ones before disjoint ones, pairs in one
passage before pairs across passages, closer values first), so "more than 300
civilians ... more than 100 children" in one outlet meets the same two figures
in another instead of crossing them.

Paired claims form the rows of the ledger (``Measured``): one row per measured
quantity, whatever the wording. A claim that another outlet contradicts or
states less precisely gets a number ``Divergence`` in its own passage, which
names the claims it is set against (``against``) and where they sit.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from .figures import comparable, extract, measure_key, relate
from .model import (
    WORST_FIRST,
    Article,
    Claim,
    Divergence,
    Measured,
    Pairing,
    Quantity,
    Relation,
    Sentence,
)

RANK: dict[Relation, int] = {"same": 0, "precision": 1, "conflict": 2}
# Pairing is quadratic in the claims one quantity has in two outlets; past this
# many (a table, not prose) only the first ones are compared.
MAX_COMPARED = 200

GroupOf = Callable[[int, int], int]  # (article, sentence) -> group id


@dataclass(frozen=True, slots=True)
class Ledger:
    """The ledger's rows, every claim by passage, and number divergences by passage."""

    rows: tuple[Measured, ...]
    claims: dict[int, tuple[Claim, ...]]  # group id -> its claims, in reading order
    divergences: dict[int, tuple[Divergence, ...]]  # group id -> number divergences


def raw_span(sentence: Sentence, q: Quantity) -> tuple[int, int]:
    """Raw offsets of a figure (from the sentence start when there is no origin map)."""
    if len(sentence.origin) >= q.end > q.start:
        return sentence.raw_span(q.start, q.end)
    return sentence.start + q.start, sentence.start + q.end


def locate(articles: Sequence[Article], group_of: GroupOf) -> list[Claim]:
    """Every figure of every sentence, as claims in article and reading order."""
    claims: list[Claim] = []
    for a, article in enumerate(articles):
        for sentence in article.sentences:
            group = group_of(a, sentence.index)
            for q in extract(sentence.text):
                start, end = raw_span(sentence, q)
                claims.append(Claim(group, a, sentence.index, start, end, q))
    return claims


def distance(a: Quantity, b: Quantity) -> float:
    """Relative distance between two figures' representative values."""

    def centre(q: Quantity) -> float:
        return q.low if math.isinf(q.high) else (q.low + q.high) / 2

    ca, cb = centre(a), centre(b)
    return abs(ca - cb) / max(abs(ca), abs(cb), 1.0)


def pair_outlets(
    left: Sequence[int], right: Sequence[int], claims: Sequence[Claim]
) -> Iterable[tuple[int, int, Relation]]:
    """One-to-one pairs of comparable claims of two outlets, best first."""
    candidates: list[tuple[int, int, float, int, int, Relation]] = []
    for i in left[:MAX_COMPARED]:
        for j in right[:MAX_COMPARED]:
            a, b = claims[i], claims[j]
            if comparable(a.quantity, b.quantity):
                relation = relate(a.quantity, b.quantity)
                apart = int(a.group != b.group)
                gap = distance(a.quantity, b.quantity)
                candidates.append((RANK[relation], apart, gap, i, j, relation))
    candidates.sort()
    used: set[int] = set()
    for *_, i, j, relation in candidates:
        if i not in used and j not in used:
            used.update((i, j))
            yield i, j, relation


def find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def build_ledger(articles: Sequence[Article], group_of: GroupOf) -> Ledger:
    """Compare every claim of the story with the other outlets' claims of its quantity."""
    claims = locate(articles, group_of)
    buckets: dict[object, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n, claim in enumerate(claims):
        key = measure_key(claim.quantity)
        if key is not None:
            buckets[key][claim.article].append(n)
    parent = list(range(len(claims)))
    pairs: list[tuple[int, int, Relation]] = []
    for by_article in buckets.values():
        outlets = sorted(by_article)
        for x, a in enumerate(outlets):
            for b in outlets[x + 1 :]:
                for i, j, relation in pair_outlets(by_article[a], by_article[b], claims):
                    pairs.append((i, j, relation))
                    parent[find(parent, i)] = find(parent, j)
    keyed = [n for n, c in enumerate(claims) if measure_key(c.quantity) is not None]
    rows = ledger_rows(claims, keyed, pairs, parent)
    by_group: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_group[claim.group].append(claim)
    return Ledger(
        rows=rows,
        claims={g: tuple(cs) for g, cs in by_group.items()},
        divergences=number_divergences(claims, pairs, articles),
    )


def ledger_rows(
    claims: Sequence[Claim],
    keyed: Sequence[int],
    pairs: Sequence[tuple[int, int, Relation]],
    parent: list[int],
) -> tuple[Measured, ...]:
    """One row per connected set of paired claims (a lone claim is a row of its own),
    in the order the story first gives them (passage, then outlet)."""
    members: dict[int, list[int]] = defaultdict(list)
    for n in keyed:
        members[find(parent, n)].append(n)
    ordered = sorted(
        members.values(), key=lambda ns: min((claims[n].group, claims[n].article) for n in ns)
    )
    rows: list[Measured] = []
    for row_id, ns in enumerate(ordered):
        ns.sort(key=lambda n: (claims[n].article, claims[n].sentence, claims[n].start))
        index = {n: k for k, n in enumerate(ns)}
        pairings = tuple(
            Pairing(index[i], index[j], rel) for i, j, rel in pairs if i in index and j in index
        )
        first = claims[ns[0]].quantity
        label = Counter(claims[n].quantity.subject for n in ns).most_common(1)[0][0]
        rows.append(
            Measured(row_id, label, first.kind, first.unit, tuple(claims[n] for n in ns), pairings)
        )
    return tuple(rows)


# ---------------------------------------------------------------- divergences


def number_divergences(
    claims: Sequence[Claim],
    pairs: Sequence[tuple[int, int, Relation]],
    articles: Sequence[Article],
) -> dict[int, tuple[Divergence, ...]]:
    """A divergence for each claim another outlet contradicts or states less precisely."""
    notes: dict[int, list[tuple[Relation, int]]] = defaultdict(list)
    for i, j, relation in pairs:
        if relation != "same":
            notes[i].append((relation, j))
            notes[j].append((relation, i))
    out: dict[int, list[Divergence]] = defaultdict(list)
    for n in sorted(notes, key=lambda n: (claims[n].article, claims[n].sentence, claims[n].start)):
        claim = claims[n]
        others = sorted(notes[n], key=lambda note: claims[note[1]].article)
        worst = next(r for r in WORST_FIRST if any(rel == r for rel, _ in others))
        out[claim.group].append(
            Divergence(
                kind="number",
                article=claim.article,
                sentence=claim.sentence,
                start=claim.start,
                end=claim.end,
                text=claim.quantity.text,
                detail=detail(claim, [(rel, claims[k]) for rel, k in others], worst, articles),
                relation=worst,
                against=tuple(claims[k] for _, k in others),
            )
        )
    return {g: tuple(ds) for g, ds in out.items()}


def short(x: float) -> str:
    """A value for the detail line: two significant digits, whole numbers from 100 up."""
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.2g}"


def in_unit(q: Quantity) -> str:
    """A measure in its canonical unit as a short range ("5.6-7.2 km", "from 3 km")."""
    if math.isinf(q.high):
        return f"from {short(q.low)} {q.unit}"
    lo, hi = short(q.low), short(q.high)
    return f"{lo} {q.unit}" if lo == hi else f"{lo}-{hi} {q.unit}"


CONVERTED = ("length", "area", "speed")


def detail(
    claim: Claim,
    others: Sequence[tuple[Relation, Claim]],
    worst: Relation,
    articles: Sequence[Article],
) -> str:
    """ "conflict: 59 vs 58 (The Washington Post) — turkish soldier killed"."""
    q = claim.quantity
    own = f"{q.text} ({in_unit(q)})" if q.kind in CONVERTED else q.text
    parts = []
    for relation, other in others:
        extras = [articles[other.article].label]
        if other.quantity.kind in CONVERTED and other.quantity.text != q.text:
            extras.append(in_unit(other.quantity))
        if other.group != claim.group:
            extras.append(f"passage {other.group + 1}")
        if relation != worst:
            extras.append(relation)
        parts.append(f"{other.quantity.text} ({', '.join(extras)})")
    return f"{worst}: {own} vs {', '.join(parts)} — {q.subject}"
