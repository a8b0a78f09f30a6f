"""Grouping's scoring for a small input, in plain Python (no numpy).

A reader opens a handful of articles: the five seeds hold 95 sentences and
about 3,600 pairs of sentences from different articles. Scoring those pairs
with dictionaries takes a few milliseconds, while importing numpy takes
about 0.15 s, a quarter of the seeds' whole ``idlib-read export``. So an
input of at most ``SMALL_PAIRS`` such pairs is scored here, and a larger one
by ``grouping``'s numpy machinery (blocks, inverted index, ``bincount``).

Both do steps 3 to 5 of ``grouping`` in the same way: the exact cosine of
every pair of sentences from different articles (with the part of it that
lies outside the story's background), mutual best matches, best-match votes
and the context pass, merged in the same order under the same constraints
(``grouping.Clusters``). numpy sums in single precision and this module in
double; both round every cosine to ``ROUND`` decimals before comparing
anything, so both give the same groups (``tests/test_grouping.py`` runs both
on the seeds, the invented golds and synthetic sets).
"""

from __future__ import annotations

from collections.abc import Sequence

from .clusters import Clusters, Vote, context_links, freed
from .corpus import Corpus, Ref, Step
from .similarity import Link, phrase_checked, unlike_numbers
from .thresholds import CONTEXT_LINK_MIN, DISTINCT_MIN, LINK_MIN, ROUND, SUPPORT, SUPPORT_MIN

# Pairs of sentences from different articles up to which an input is small
# (five articles of 50 sentences). Measured: the seeds (3,600 pairs) score
# here in about a third of numpy's time, before its 0.15 s import; five
# synthetic articles of 50 sentences in 0.15 s (numpy: 0.08 s plus the
# import); ten (225,000 pairs) take 1.1 s here and 0.15 s with numpy. The
# work grows with the pairs of sentences sharing a feature.
SMALL_PAIRS = 50_000


def is_small(sentences: Sequence[int]) -> bool:
    """Whether articles of these sentence counts are scored here."""
    total = sum(sentences)
    return sum(n * (total - n) for n in sentences) <= SMALL_PAIRS


def best_matches(corpus: Corpus) -> tuple[list[Vote], list[dict[int, float]]]:
    """Each row's best matches in every other article, and its best cosine there.

    A best match is what ``grouping.block_best`` keeps: a cosine of at least
    ``CONTEXT_LINK_MIN``, as high as any in that article, with at least
    ``DISTINCT_MIN`` of it outside the story's background. Returns the best
    matches by row, then by matched row, and per row: article -> best cosine
    (0 where it shares nothing; its own article left out).
    """
    # feature -> article -> (row, weight): inverted, by article, so that a row meets only
    # the other articles' rows (a long article's own rows would make the work quadratic)
    holders: dict[int, dict[int, list[tuple[int, float]]]] = {}
    owner = [a for a, _ in corpus.refs]
    for row, vector in enumerate(corpus.vectors):
        for f, w in vector.items():
            holders.setdefault(f, {}).setdefault(owner[row], []).append((row, w))
    articles = [a for a, rows in enumerate(corpus.rows) if rows]
    votes: list[Vote] = []
    best_in: list[dict[int, float]] = []
    for row, vector in enumerate(corpus.vectors):
        total: dict[int, float] = {}
        common: dict[int, float] = {}  # the part from background features
        for f, w in vector.items():
            part = common if f in corpus.common else total
            for article, held in holders[f].items():
                if article != owner[row]:
                    for other, v in held:
                        part[other] = part.get(other, 0.0) + w * v
        scored = []
        top = {a: 0.0 for a in articles if a != owner[row]}
        for other in sorted(total.keys() | common.keys()):
            background = common.get(other, 0.0)
            cosine = round(background + total.get(other, 0.0), ROUND)
            scored.append((cosine, other, cosine - background >= DISTINCT_MIN))
            top[owner[other]] = max(top[owner[other]], cosine)
        votes += [
            (cosine, row, other)
            for cosine, other, distinct in scored
            if distinct and cosine >= CONTEXT_LINK_MIN and cosine >= top[owner[other]]
        ]
        best_in.append(top)
    return votes, best_in


def mutual_links(
    corpus: Corpus, votes: Sequence[Vote], best_in: Sequence[dict[int, float]]
) -> tuple[list[Link], list[Link]]:
    """The mutual best matches, strongest first (``grouping.sorted_links``): those
    reaching ``LINK_MIN`` (strong), then the others (weak)."""
    owner = [a for a, _ in corpus.refs]
    links = []
    for cosine, a, b in votes:
        if owner[b] > owner[a] and cosine >= best_in[b][owner[a]]:
            if cosine >= LINK_MIN:
                cosine = phrase_checked(corpus, a, b, cosine)
            if corpus.rank[owner[b]] < corpus.rank[owner[a]]:
                a, b = b, a
            key = (*_ranked(corpus, a), *_ranked(corpus, b))
            links.append(Link(-cosine, key, a, b))
    links.sort()
    strong = [link for link in links if -link.neg_score >= LINK_MIN]
    return strong, links[len(strong) :]


def supported_merges(clusters: Clusters, votes: Sequence[Vote]) -> list[Link]:
    """``grouping.supported_merges`` over a list of votes: one link per cluster pair
    that ``SUPPORT`` best-match votes (each at least ``SUPPORT_MIN``) back, the
    pairs with most total vote first."""
    root = list(clusters.root)
    first: dict[tuple[int, int], float] = {}  # each pair of sentences once: its first vote
    corpus = clusters.corpus
    for cosine, a, b in votes:
        lo, hi = min(a, b), max(a, b)
        if cosine >= SUPPORT_MIN and root[lo] != root[hi]:
            first.setdefault((lo, hi), cosine)
    if corpus.kinds:  # a vote that rests on the same digits in unlike figures is no vote
        for pair, cosine in list(first.items()):
            if corpus.kinds[pair[0]] and corpus.kinds[pair[1]]:
                checked = round(cosine - unlike_numbers(corpus, *pair), ROUND)
                if checked < SUPPORT_MIN:
                    del first[pair]
    backing: dict[tuple[int, int], list[float]] = {}  # cluster pair -> its votes
    found: dict[tuple[int, int], tuple[int, int]] = {}  # cluster pair -> its first sentence pair
    for (lo, hi), cosine in sorted(first.items()):
        pair = (min(root[lo], root[hi]), max(root[lo], root[hi]))
        backing.setdefault(pair, []).append(cosine)
        found.setdefault(pair, (lo, hi))
    chosen = [pair for pair in sorted(backing) if len(backing[pair]) >= SUPPORT]

    def strongest(pair: tuple[int, int]) -> tuple[float, tuple[int, int], tuple[int, int]]:
        a, b = (_ranked(clusters.corpus, r) for r in found[pair])
        return -round(sum(backing[pair]), ROUND), min(a, b), max(a, b)

    return [Link(0.0, (0, 0, 0, 0), *found[pair]) for pair in sorted(chosen, key=strongest)]


class RowClusters(Clusters):
    """``grouping.Clusters`` with each row's cluster kept in a list."""

    @staticmethod
    def _labels(rows: int) -> list[int]:
        return list(range(rows))

    def _relabel(self, rows: list[int], root: int) -> None:
        for row in rows:
            self.root[row] = root


def _ranked(corpus: Corpus, row: int) -> Ref:
    """A row as (its article's content rank, sentence index): ties broken by content."""
    article, sentence = corpus.refs[row]
    return corpus.rank[article], sentence


def cluster(corpus: Corpus, step: Step) -> tuple[list[list[int]], list[Vote]]:
    """``grouping.cluster`` for a small input: strong mutual-best links merge first,
    then the clusters best-match votes jointly support, then weak links their
    context backs. Also returns the best matches that cross clusters."""
    clusters = RowClusters(corpus)
    step(0.0)
    votes, best_in = best_matches(corpus)
    strong, weak = mutual_links(corpus, votes, best_in)
    step(0.8)
    for link in strong:
        clusters.try_merge(link.a, link.b)
    free = [(a, b) for cosine, a, b in votes if cosine >= SUPPORT_MIN]
    found = freed(
        clusters, [(a, b) for a, b in free if len(clusters.members[clusters.find(a)]) == 1]
    )
    for link in found.links:
        clusters.try_merge(link.a, link.b)
    for link in supported_merges(clusters, [*votes, *found.votes]):
        clusters.try_merge(link.a, link.b)
    for link in context_links(clusters, weak, found.weak):
        clusters.try_merge(link.a, link.b)
    root = clusters.root
    crossing = [vote for vote in votes if root[vote[1]] != root[vote[2]]]
    return [sorted(rows) for rows in clusters.members.values()], crossing
