"""Passages: a sentence left alone joins its neighbour's member when the two read as one fact."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .corpus import Corpus, SparseVector, Step, silent
from .similarity import sparse_add, sparse_dot, sparse_sum
from .thresholds import ABSORB_MIN, ABSORB_SLACK, MAX_PASSAGE, ROUND


def passage_vector(corpus: Corpus, rows: Sequence[int]) -> SparseVector:
    """Unit vector of a passage: the normalised sum of its sentences' raw vectors.

    Features found in one article only have no id; their part of each raw
    vector still counts in the norm (taken as orthogonal between sentences).
    """
    total = sparse_sum(
        [{f: w * corpus.norms[r] for f, w in corpus.vectors[r].items()} for r in rows]
    )
    unshared = sum(corpus.norms[r] ** 2 * (1.0 - _shared_mass(corpus, r)) for r in rows)
    norm = math.sqrt(sum(w * w for w in total.values()) + unshared)
    return {f: w / norm for f, w in total.items()} if norm > 0 else total


def _shared_mass(corpus: Corpus, row: int) -> float:
    """Share of a row's squared unit norm that lies on shared features."""
    return min(1.0, sum(w * w for w in corpus.vectors[row].values()))


class Rest(NamedTuple):
    """The sum of a group's vectors but one member's (``total`` minus ``left``), not built.

    A cosine with it costs the other vector's size, not the group's: a group
    of many reprints would otherwise copy its whole sum once per member.
    """

    total: SparseVector
    left: SparseVector
    norm: float  # of total - left: |total|^2 - 2 total.left + |left|^2

    @classmethod
    def of(cls, total: SparseVector, left: SparseVector, total_square: float) -> Rest:
        square = total_square - 2 * sparse_dot(left, total) + sparse_dot(left, left)
        return cls(total, left, math.sqrt(max(0.0, square)))

    def cosine(self, vector: SparseVector) -> float:
        """Cosine between a unit vector and the rest, rounded (0 when the rest is zero)."""
        if self.norm < 1e-9:
            return 0.0
        dot = sparse_dot(vector, self.total) - sparse_dot(vector, self.left)
        return round(min(1.0, max(0.0, dot / self.norm)), ROUND)


def neighbours(corpus: Corpus, passage: Sequence[int], claims: frozenset[str]) -> list[int]:
    """Rows just before and after a passage that may join it.

    A neighbour in the same paragraph may; one across a paragraph break only
    when it states a measured claim about something the rest of the group
    also measures (``claims``): many outlets give every sentence its own
    paragraph, and a figure about the same thing ties a continuation to the
    passage where shared words are too few, while a paragraph's scene-setting
    sentence (same place, same day) stays apart.
    """
    article = corpus.refs[passage[0]][0]
    first, last = corpus.rows[article][0], corpus.rows[article][-1]
    paragraphs = {corpus.paragraphs[r] for r in passage}
    out = []
    for row in (min(passage) - 1, max(passage) + 1):
        if first <= row <= last and (
            corpus.paragraphs[row] in paragraphs or corpus.claims[row] & claims
        ):
            out.append(row)
    return out


def grow(
    corpus: Corpus,
    passage: list[int],
    others: Rest,
    free: set[int],
    claims: frozenset[str] = frozenset(),
    current: float | None = None,
) -> list[int]:
    """Extend a passage with free neighbours that make it match the group better.

    ``others`` is the sum of the other members' vectors, ``claims`` their claim
    keys, ``current`` the passage's cosine with ``others`` when already known.
    """
    if current is None:
        current = others.cosine(passage_vector(corpus, passage))
    while len(passage) < MAX_PASSAGE:
        options = []
        for row in neighbours(corpus, passage, claims):
            if row not in free or others.cosine(corpus.vectors[row]) < ABSORB_MIN:
                continue
            gain = others.cosine(passage_vector(corpus, [*passage, row]))
            if gain > current - ABSORB_SLACK:
                options.append((-gain, row))
        if not options:
            break
        neg_gain, row = min(options)
        passage, current = sorted([*passage, row]), -neg_gain
        free.discard(row)
    return passage


class Passages(NamedTuple):
    """One group's passages (rows of one article each), their vectors and their sum."""

    rows: list[list[int]]
    vectors: list[SparseVector]  # ``passage_vector`` of each; empty for a group of one
    total: SparseVector  # the sum of ``vectors``
    square: float  # its squared norm


def texts_of(corpus: Corpus, passage: Sequence[int]) -> tuple[int, ...]:
    """The forms of a passage's sentences: passages of the same texts have the same vector."""
    return tuple(corpus.form[r] for r in passage)


def absorb_neighbours(
    corpus: Corpus, groups: list[list[int]], step: Step = silent
) -> list[Passages]:
    """Turn clusters of rows into groups of passages, absorbing split sentences.

    The passage vectors and their sum are handed on with the passages
    (``to_members`` scores with them). A passage's vector, and its cosine with
    the rest of its group, are computed once per distinct text (``texts_of``):
    a group of fifty reprints holds a few. ``step`` hears how many groups are done.
    """
    free = {g[0] for g in groups if len(g) == 1}
    multi = sorted((g for g in groups if len(g) > 1), key=lambda g: _group_key(corpus, g))
    known: dict[tuple[int, ...], SparseVector] = {}

    def vector_of(passage: list[int]) -> SparseVector:
        texts = texts_of(corpus, passage)
        if texts not in known:
            known[texts] = passage_vector(corpus, passage)
        return known[texts]

    out: list[Passages] = []
    for done, group in enumerate(multi):
        step(done / len(multi))
        out.append(absorb_group(corpus, group, free, vector_of))
    out.extend(
        Passages([[row]], [], {}, 0.0) for row in sorted(free, key=lambda r: ref_key(corpus, r))
    )
    return out


def absorb_group(
    corpus: Corpus,
    group: list[int],
    free: set[int],
    vector_of: Callable[[list[int]], SparseVector],
) -> Passages:
    """One cluster's rows as passages, each grown by the ``free`` rows it absorbs (``grow``)."""
    passages = [[row] for row in group]
    vectors = [vector_of(p) for p in passages]
    total = sparse_sum(vectors)
    square = sparse_dot(total, total)
    held = Counter(key for p in passages for key in passage_claims(corpus, p))  # by passages
    rests: dict[tuple[int, ...], tuple[Rest, float]] = {}  # texts -> the rest, cosine
    grew = False
    for k in range(len(passages)):
        own = passage_claims(corpus, passages[k])
        claims = frozenset(key for key, n in held.items() if n > (key in own))
        texts = texts_of(corpus, passages[k])
        if texts not in rests:
            others = Rest.of(total, vectors[k], square)
            rests[texts] = others, others.cosine(vectors[k])
        others, current = rests[texts]
        grown = grow(corpus, passages[k], others, free, claims, current)
        if grown != passages[k]:
            held.subtract(own)
            held.update(passage_claims(corpus, grown))
            passages[k] = grown
            new = vector_of(grown)
            total = sparse_add(sparse_add(total, vectors[k], -1.0), new)
            square = sparse_dot(total, total)
            vectors[k] = new
            rests.clear()
            grew = True
    if grew:  # summed afresh, as scoring a group that did not grow does
        total = sparse_sum(vectors)
        square = sparse_dot(total, total)
    return Passages(passages, vectors, total, square)


def passage_claims(corpus: Corpus, passage: list[int]) -> set[str]:
    """The claim keys of a passage's rows."""
    return {key for r in passage for key in corpus.claims[r]}


def ref_key(corpus: Corpus, row: int) -> tuple[int, int]:
    article, sentence = corpus.refs[row]
    return corpus.rank[article], sentence


def _group_key(corpus: Corpus, rows: Sequence[int]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted(ref_key(corpus, r) for r in rows))
