"""Claims: compare the numbers of one passage group across outlets.

Every figure of every member becomes a ``Claim`` (raw offsets, for the claims
matrix). Figures of two members are then paired when they measure the same
thing (``numbers.relate`` is not None: same kind, unit and counted head). Per
pair of members each figure is used at most once, and the best pairs are taken
first: equal values before compatible ones before disjoint ones, and closer
values before farther ones, so "more than 300 civilians ... more than 100
children" in one outlet meets the same two figures in another instead of
crossing them. A pair that is not "same" marks a ``Divergence`` on both sides;
a figure that differs from several outlets gets one divergence whose detail
lists each of them (its relation is the worst one: conflict over precision).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

from .model import Article, Claim, Divergence, Member, Quantity, Relation, Sentence
from .numbers import extract, relate

_RANK: dict[Relation, int] = {"same": 0, "precision": 1, "conflict": 2}
# Pairing is quadratic in the figures of two members; a passage with more than
# this many figures (a table, not prose) has only its first ones compared.
MAX_COMPARED = 200


class _Located(NamedTuple):
    """One extracted figure with where it sits (raw offsets) and who said it."""

    article: int
    sentence: int
    start: int
    end: int
    quantity: Quantity
    label: str


class _Note(NamedTuple):
    """What one figure's counterpart in another outlet says, and how they relate."""

    relation: Relation
    other: _Located


def _raw(sentence: Sentence, q: Quantity) -> tuple[int, int]:
    """Raw offsets of a quantity (falls back to sentence.start when there is no origin map)."""
    if len(sentence.origin) >= q.end > q.start:
        return sentence.raw_span(q.start, q.end)
    return sentence.start + q.start, sentence.start + q.end


def _locate(articles: Sequence[Article], member: Member) -> list[_Located]:
    """All figures of one member's sentences, in reading order."""
    article = articles[member.article]
    out: list[_Located] = []
    for index in member.sentences:
        sentence = article.sentences[index]
        for q in extract(sentence.text):
            start, end = _raw(sentence, q)
            out.append(_Located(member.article, index, start, end, q, article.label))
    return out


def _centre(q: Quantity) -> float:
    """A representative value: the middle, or the lower bound of an open interval."""
    return q.low if math.isinf(q.high) else (q.low + q.high) / 2


def _distance(a: Quantity, b: Quantity) -> float:
    """Relative distance between two figures (0 when their centres coincide)."""
    ca, cb = _centre(a), _centre(b)
    return abs(ca - cb) / max(abs(ca), abs(cb), 1.0)


def _candidates(
    left: Sequence[_Located], right: Sequence[_Located]
) -> list[tuple[int, float, int, int, Relation]]:
    """Every comparable pair of figures, best first (rank, distance, reading order)."""
    found: list[tuple[int, float, int, int, Relation]] = []
    for i, a in enumerate(left[:MAX_COMPARED]):
        for j, b in enumerate(right[:MAX_COMPARED]):
            rel = relate(a.quantity, b.quantity)
            if rel is not None:
                found.append((_RANK[rel], _distance(a.quantity, b.quantity), i, j, rel))
    found.sort()
    return found


def _match(
    left: Sequence[_Located], right: Sequence[_Located]
) -> list[tuple[_Located, _Located, Relation]]:
    """Pair figures of two members one-to-one, greedily from the best candidate."""
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs: list[tuple[_Located, _Located, Relation]] = []
    for _, _, i, j, rel in _candidates(left, right):
        if i not in used_left and j not in used_right:
            used_left.add(i)
            used_right.add(j)
            pairs.append((left[i], right[j], rel))
    return pairs


def _key(loc: _Located) -> tuple[int, int, int, int]:
    return loc.article, loc.sentence, loc.quantity.start, loc.quantity.end


def _what(q: Quantity) -> str:
    """What a figure is about, for the detail line."""
    return q.counted or {"time": "time of day", "date": "date"}.get(q.kind, q.kind)


def _short(x: float) -> str:
    """A length for the detail line: two significant digits, whole km from 100 up."""
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.2g}"


def _km(q: Quantity) -> str:
    """A length in km as a short range ("5.6-7.2 km", "12 km", "from 3 km")."""
    if math.isinf(q.high):
        return f"from {_short(q.low)} km"
    lo, hi = _short(q.low), _short(q.high)
    return f"{lo} km" if lo == hi else f"{lo}-{hi} km"


def _worst(notes: Sequence[_Note]) -> Relation:
    return max((n.relation for n in notes), key=lambda r: _RANK[r])


def _other(own: Quantity, note: _Note, worst: Relation) -> str:
    """One counterpart: "58 (The Washington Post)", with km and relation when useful."""
    other = note.other.quantity
    extras = [note.other.label]
    if other.kind == "length" and other.text != own.text:
        extras.append(_km(other))
    if note.relation != worst:
        extras.append(note.relation)
    return f"{other.text} ({', '.join(extras)})"


def _detail(loc: _Located, notes: Sequence[_Note]) -> str:
    """ "59 vs 58 (The Washington Post) turkish soldier: conflict"."""
    q = loc.quantity
    worst = _worst(notes)
    own = f"{q.text} ({_km(q)})" if q.kind == "length" else q.text
    others = ", ".join(_other(q, n, worst) for n in notes)
    return f"{own} vs {others} {_what(q)}: {worst}"


def _divergence(loc: _Located, notes: Sequence[_Note]) -> Divergence:
    return Divergence(
        kind="number",
        article=loc.article,
        sentence=loc.sentence,
        start=loc.start,
        end=loc.end,
        text=loc.quantity.text,
        detail=_detail(loc, notes),
        relation=_worst(notes),
    )


def _notes(located: Sequence[Sequence[_Located]]) -> dict[tuple[int, int, int, int], list[_Note]]:
    """For each figure, its non-"same" counterparts in every other member."""
    notes: dict[tuple[int, int, int, int], list[_Note]] = {}
    for x in range(len(located)):
        for y in range(x + 1, len(located)):
            for a, b, rel in _match(located[x], located[y]):
                if rel != "same":
                    notes.setdefault(_key(a), []).append(_Note(rel, b))
                    notes.setdefault(_key(b), []).append(_Note(rel, a))
    return notes


def number_divergences(
    articles: Sequence[Article], group_id: int, members: Sequence[Member]
) -> tuple[tuple[Divergence, ...], tuple[Claim, ...]]:
    """Number divergences (both sides of each disagreement) and all claims of one group.

    Both come out ordered by article, sentence and position.
    """
    located = [_locate(articles, m) for m in members]
    flat = sorted((loc for member in located for loc in member), key=_key)
    claims = tuple(Claim(group_id, c.article, c.sentence, c.start, c.end, c.quantity) for c in flat)
    notes = _notes(located)
    divergences = tuple(_divergence(c, notes[_key(c)]) for c in flat if _key(c) in notes)
    return divergences, claims
