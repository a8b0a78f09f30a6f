"""Facts: a sentence that carries two facts joins every passage whose fact it carries.

Grouping puts each sentence in one passage (its *home*). Some sentences report
two facts ("Nearly a million civilians have fled their homes ... and dozens of
Turkish soldiers have been killed"): the second fact then looks like one
outlet's alone wherever other outlets report it. This stage, run after the
claims ledger, lets such a sentence *also* join the other fact's passage with
the clause that carries it (``Member.role == "also"``, ``Member.span``).

Evidence: figures of one measured quantity (a row of the ledger, ``Measured``)
are strong evidence that two clauses report the same fact. A sentence's claim
joins another passage when

* the sentence has at least two clauses (``clauses``): one sentence, one
  clause, one fact, and its home is where it belongs;
* no other outlet's claim of that quantity sits in the sentence's home
  passage (there the fact is already shared: nothing is missing);
* every outlet in the other passage states that quantity, and the claim
  relates to one of theirs (``Measured.related``) and is comparable with
  each of theirs (``figures.comparable``: three times another figure, or a
  figure over another period, is another fact) and, when it names a place
  ("92 deaths in Jajarkot alone"), theirs name the same place (else it is
  part of their figure);
* the sentence's article has no member in that passage (a passage holds at
  most one member per article).

Only claims in the ledger are read, so the work grows with the figures of the
story, never with pairs of sentences.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from .figures import comparable
from .model import Article, Claim, Measured, Member
from .normalize import STOPWORDS, stem, tokens

# Where a clause ends: a semicolon or a dash, or a comma before a word that
# opens a new clause ("..., with 1 million displaced", "..., as hundreds of
# thousands have fled", "..., while almost one million ...").
_HARD = re.compile(r"\s*(?:;|\s[\u2014\u2013]\s|\s--\s)\s*")
_COMMA = re.compile(
    r",\s+(?=(?:with|as(?!\s+well\b)|while|whereas|and|but|which|after)\b)", re.IGNORECASE
)
# "... due to the violence and dozens of Turkish soldiers have been killed":
# "and"/"but"/"while" opens a clause when a verb follows within a few words and
# the words before it already hold one ("Putin and Erdogan have agreed" is one clause).
_JOIN = re.compile(r"\s+(?=(?:and|but|while|whereas)\s)", re.IGNORECASE)
_VERB_AHEAD = re.compile(
    r"\s*\w+\s+(?:[\w'’-]+\s+){0,5}?(?:have|has|had|was|were|is|are|will|would)\b",
    re.IGNORECASE,
)
_VERB = re.compile(
    r"\b(?:have|has|had|was|were|is|are|will|would|said|says|\w{3,}ed)\b", re.IGNORECASE
)
_OPENER = re.compile(r"^(?:with|as|while|whereas|and|but|which|after)\s+", re.IGNORECASE)


def _cuts(text: str) -> list[tuple[int, int]]:
    """The separators between clauses, as (start, end) of each. A conjunction joins
    two clauses when a verb stands between it and the separator before it."""
    cuts = [(m.start(), m.end()) for m in _HARD.finditer(text)]
    cuts += [(m.start(), m.end()) for m in _COMMA.finditer(text)]
    ends = sorted(e for _, e in cuts)  # where the punctuation's clauses start
    joined = 0  # the end of the last conjunction taken as a separator
    for m in _JOIN.finditer(text):
        if not _VERB_AHEAD.match(text, m.end()):
            continue
        k = bisect_right(ends, m.start())
        before = max(ends[k - 1] if k else 0, joined)
        if _VERB.search(text, before, m.start()):
            cuts.append((m.start(), m.end()))
            joined = m.end()
    return sorted(cuts)


@lru_cache(maxsize=256)  # every figure of a sentence asks for its clause
def clauses(text: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a sentence as local (start, end) spans, in order.

    A clause starts after its opening conjunction ("with", "as", "and", ...)
    and ends before the punctuation that closes it; a sentence of one clause
    gives one span (its text without the final stop).
    """
    out: list[tuple[int, int]] = []
    start = 0
    for cut_start, cut_end in [*_cuts(text), (len(text), len(text))]:
        if cut_start < start:
            continue
        piece = text[start:cut_start]
        opener = _OPENER.match(piece)
        lead = opener.end() if opener else 0
        body = piece[lead:].rstrip(" .,;:!?\"'”’")
        begin = start + lead + (len(piece[lead:]) - len(piece[lead:].lstrip()))
        end = start + lead + len(body)
        if end > begin:
            out.append((begin, end))
        start = cut_end
    return tuple(out)


def clause_of(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The clause holding the local span ``[start, end)`` when the sentence has two
    clauses or more (None for a sentence of one clause, or a span across clauses)."""
    found = clauses(text)
    if len(found) < 2:
        return None
    for begin, stop in found:
        if begin <= start and end <= stop:
            return begin, stop
    return None


def _words(text: str) -> set[str]:
    return {stem(t.norm) for t in tokens(text) if t.norm not in STOPWORDS}


def _overlap(a: set[str], b: set[str]) -> float:
    """Cosine of two sets of words (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return round(len(a & b) / math.sqrt(len(a) * len(b)), 4)


RANK = {"same": 0, "precision": 1, "conflict": 2}

# A candidate: (passage, claim) with how strongly the passage backs it
# (more outlets stating the quantity there first, then the closest relation).
Candidate = tuple[tuple[int, int, int], int, Claim]


def _candidates(present: Sequence[set[int]], row: Measured) -> list[Candidate]:
    """The passages a claim of one ledger row may also join, with a sort key (best first).

    ``present``: each passage's articles."""
    carriers: dict[int, set[int]] = defaultdict(set)  # passage -> articles stating the row
    for claim in row.claims:
        carriers[claim.group].add(claim.article)
    out = []
    for index, claim in enumerate(row.claims):
        if carriers[claim.group] - {claim.article}:
            continue  # the fact is shared where the sentence lives
        closest: dict[int, int] = {}
        for j, relation in row.related(index):
            group = row.claims[j].group
            closest[group] = min(closest.get(group, 2), RANK[relation])
        for group, rank in sorted(closest.items()):
            if group == claim.group or claim.article in present[group]:
                continue
            if not present[group] <= carriers[group]:
                continue  # every outlet of the passage states the quantity
            theirs = [c.quantity for c in row.claims if c.group == group]
            if not all(comparable(claim.quantity, q) for q in theirs):
                continue  # three times another figure, or over another scope: another fact
            place = claim.quantity.scope.place
            if place and any(q.scope.place != place for q in theirs):
                continue  # "92 deaths in Jajarkot alone" is part of the toll, not the toll
            out.append(((-len(present[group]), rank, group), group, claim))
    return out


def _joins(
    articles: Sequence[Article], drafts: Sequence[Sequence[Member]], rows: Sequence[Measured]
) -> dict[tuple[int, int], tuple[int, tuple[int, int]]]:
    """(passage, article) -> (sentence, clause) of each "also" membership.

    Each claim joins its best passage only; a passage takes one clause per
    article (the best backed, then the earliest); of two sentences that would
    each join the other's passage (two lone passages stating one figure), only
    the join into the lower passage stays.
    """
    present = [{m.article for m in ms} for ms in drafts]
    Found = tuple[tuple[int, int, int], int, tuple[int, int], int]  # key, group, span, home
    best: dict[tuple[int, int, int], Found] = {}
    for row in rows:
        for key, group, claim in _candidates(present, row):
            text = articles[claim.article].sentences[claim.sentence].text
            span = clause_of(text, claim.quantity.start, claim.quantity.end)
            if span is None:
                continue
            at = (claim.article, claim.sentence, claim.quantity.start)
            if at not in best or (key, group) < best[at][:2]:
                best[at] = (key, group, span, claim.group)
    chosen: dict[tuple[int, int], tuple[tuple[int, int, int], int, tuple[int, int], int]] = {}
    for (article, index, _), (key, group, span, source) in sorted(best.items()):
        found = (key, index, span, source)
        if (group, article) not in chosen or found < chosen[(group, article)]:
            chosen[(group, article)] = found
    moves = {(source, g) for (g, _), (*_, source) in chosen.items()}
    out = {}
    for (group, article), (_, index, span, source) in chosen.items():
        if (group, source) in moves and group > source:
            continue
        out[(group, article)] = (index, span)
    return out


def also_members(
    articles: Sequence[Article], drafts: Sequence[Sequence[Member]], rows: Sequence[Measured]
) -> list[tuple[Member, ...]]:
    """The passages with every "also" member added (see the module docstring and
    ``_joins``). ``drafts`` are grouping's passages (their index is the group id the
    ledger's claims name), ``rows`` the ledger's."""
    chosen = _joins(articles, drafts, rows)
    out = [tuple(ms) for ms in drafts]
    for (group, article), (s, span) in sorted(chosen.items()):
        text = articles[article].sentences[s].text
        others = set().union(
            *(
                _words(articles[m.article].sentences[i].text)
                for m in drafts[group]
                for i in m.sentences
            )
        )
        score = _overlap(_words(text[span[0] : span[1]]), others)
        also = Member(article, (s,), score, role="also", span=span)
        out[group] = tuple(sorted((*out[group], also), key=lambda m: m.article))
    return out
