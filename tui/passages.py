"""What the reader shows, computed from an Alignment without any widget.

Navigation over filtered passages, highlight marks in sentence-local offsets,
gap positions for outlets that do not carry a passage, search (the claims
ledger's view is in ``claims``). Pure functions, so they are tested without a
terminal; the screens only turn their results into widgets.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from align.model import Alignment, Divergence, Group, Sentence
from align.normalize import tokens

from .highlights import HIGHLIGHTS, MarkKind

FilterName = Literal["all", "divergent", "numbers", "single"]
FILTERS: tuple[FilterName, ...] = ("all", "divergent", "numbers", "single")
FILTER_LABELS: dict[FilterName, str] = {
    "all": "all passages",
    "divergent": "divergent only",
    "numbers": "numbers only",
    "single": "single-outlet passages",
}


def matches(group: Group, name: FilterName) -> bool:
    """Whether ``group`` passes the filter ``name``."""
    if name == "divergent":
        return bool(group.divergences)
    if name == "numbers":
        return bool(group.claims) or any(d.kind == "number" for d in group.divergences)
    if name == "single":
        return group.is_single
    return True


def filtered(groups: Sequence[Group], name: FilterName) -> tuple[int, ...]:
    """Ids of the groups passing the filter, in reading order."""
    return tuple(g.id for g in groups if matches(g, name))


def step(ids: Sequence[int], current: int, delta: int) -> int:
    """The id ``delta`` places from ``current`` within ``ids`` (clamped at both ends).

    When ``current`` is not in ``ids`` (the filter just changed), moving forward
    lands on the first id after it and moving back on the last id before it.
    """
    if not ids:
        return current
    pos = bisect_left(ids, current)
    if pos < len(ids) and ids[pos] == current:
        return ids[max(0, min(len(ids) - 1, pos + delta))]
    target = pos + delta - 1 if delta > 0 else pos + delta
    return ids[max(0, min(len(ids) - 1, target))]


def nearest(ids: Sequence[int], current: int) -> int:
    """``current`` if it is in ``ids``, else the next id after it (or the last one)."""
    if not ids:
        return current
    pos = bisect_left(ids, current)
    return ids[min(pos, len(ids) - 1)]


def next_divergent(
    groups: Sequence[Group], ids: Sequence[int], current: int, forward: bool
) -> int | None:
    """The next (or previous) id in ``ids`` whose group has a divergence, if any."""
    order = [i for i in ids if (i > current if forward else i < current)]
    if not forward:
        order.reverse()
    return next((i for i in order if groups[i].divergences), None)


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlight inside one sentence, in sentence-local offsets."""

    start: int
    end: int
    kind: MarkKind


def mark_kind(divergence: Divergence) -> MarkKind:
    """How a divergence is highlighted."""
    if divergence.kind == "number":
        return "precision" if divergence.relation == "precision" else "conflict"
    return "quote" if divergence.kind == "quote" else "wording"


def sentence_marks(
    sentence: Sentence, article: int, divergences: Sequence[Divergence]
) -> tuple[Mark, ...]:
    """The divergences located in this sentence (their spans are local offsets already)."""
    return tuple(
        Mark(d.start, d.end, mark_kind(d))
        for d in divergences
        if d.article == article and d.sentence == sentence.index and d.start < d.end
    )


def summary(group: Group, short: bool = False) -> str:
    """One phrase for the status line: "no divergences" or "conflicting number ×2, reworded"
    (``short``: the highlights' short names, for a narrow line)."""
    if not group.divergences:
        return "no divergences"
    counts: dict[MarkKind, int] = {}
    for d in group.divergences:
        counts[mark_kind(d)] = counts.get(mark_kind(d), 0) + 1
    names = {k: h.short if short else h.label for k, h in HIGHLIGHTS.items()}
    return ", ".join(names[k] + (f" ×{n}" if n > 1 else "") for k, n in counts.items())


def reach(alignment: Alignment) -> list[list[int]]:
    """Per article, the running maximum of the group id of each sentence.

    Non-decreasing, so :func:`gap_index` can bisect it: the place where a
    passage this article lacks would have stood.
    """
    return [
        list(accumulate((alignment.group_of(a, s.index) for s in art.sentences), max))
        for a, art in enumerate(alignment.articles)
    ]


def gap_index(running_max: Sequence[int], group: int) -> int:
    """The sentence index before which a missing passage ``group`` belongs."""
    return bisect_right(running_max, group)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A sentence containing the query, with the match in local offsets."""

    article: int
    sentence: int
    group: int
    start: int
    end: int


SEARCH_LIMIT = 200  # hits a search returns at most


def search(alignment: Alignment, query: str, limit: int = SEARCH_LIMIT) -> list[SearchHit]:
    """Sentences of all articles matching ``query``, in reading order (see :func:`find`)."""
    words = query_words(query)
    literal = query.strip().casefold()
    hits: list[SearchHit] = []
    if not literal:
        return hits
    for group in alignment.groups:
        for member, sentences in alignment.passages(group):
            for sentence in sentences:
                span = find(sentence.text, words, literal)
                if span is not None and len(hits) < limit:
                    hits.append(SearchHit(member.article, sentence.index, group.id, *span))
    return hits


def query_words(query: str) -> tuple[str, ...]:
    """The query's words normalised as grouping normalises text ("M-4" -> "m4")."""
    return tuple(token.norm for token in tokens(query))


def find(text: str, words: Sequence[str], literal: str = "") -> tuple[int, int] | None:
    """Where ``text`` matches the query: as typed, else as grouping reads words.

    ``literal`` (the casefolded query) is looked for as it stands first, for
    symbols and parts of words ("£3", "fire" in "ceasefire"), except a bare
    number, which must be a whole number ("5" does not find "59"). Then the
    query's ``words`` compare normalised as grouping compares them (case,
    accents, inner hyphens and apostrophes, number words: "m4" finds "M-4",
    "erdogan" finds "Erdoğan", "59" finds "fifty-nine"); the last may be the
    start of a word, so a search finds as it is typed, unless it is a number.
    The span is in ``text``'s own offsets.
    """
    if literal and not BARE_NUMBER.fullmatch(literal):
        folded = text.casefold()
        at = folded.find(literal) if len(folded) == len(text) else -1  # offsets must hold
        if at >= 0:
            return at, at + len(literal)
    if not words:
        return None
    found = tokens(text)
    last, n = words[-1], len(words)
    for i in range(len(found) - n + 1):
        end = found[i + n - 1].norm
        if (end == last or (not last[:1].isdigit() and end.startswith(last))) and all(
            found[i + k].norm == words[k] for k in range(n - 1)
        ):
            return found[i].start, found[i + n - 1].end
    return None


BARE_NUMBER = re.compile(r"[\d.,\s]+")


def step_hit(hits: Sequence[SearchHit], at: int, delta: int) -> tuple[int, bool]:
    """The hit ``delta`` (1 or -1) passages away from hit ``at``, and whether the search
    wrapped around an end to reach it.

    Hits in the passage of hit ``at`` are passed over (the passage shows them
    all); with hits in one passage only, ``at`` itself.
    """
    group = hits[at].group
    for k in range(1, len(hits) + 1):
        i = (at + delta * k) % len(hits)
        if hits[i].group != group:
            return i, (i < at) if delta > 0 else (i > at)
    return at, False
