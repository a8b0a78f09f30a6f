"""Clusters: links merge strongest first under the grouping constraints, then votes and context."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from ..model import Quantity
from .corpus import Corpus, SparseVector, Step, far_apart, figure, silent
from .passages import ref_key
from .similarity import Link, candidate_links, phrase_checked, sparse_dot, unlike_numbers
from .speakers import other_speakers
from .thresholds import (
    AVERAGE_MIN,
    CONTEXT_LINK_MIN,
    CONTEXT_WEIGHT,
    DISTINCT_MIN,
    LINK_MIN,
    ROUND,
    SUPPORT,
    SUPPORT_MIN,
    WEAK_CONTEXT,
)

# numpy is imported by the functions that use it (see ``corpus``).
if TYPE_CHECKING:
    from .corpus import FloatArray, IntArray, Scored


class Clusters:
    """Clusters of rows with per-cluster article sets and vector sums.

    ``root[row]`` is the row's cluster (its lowest row), kept as an array and
    relabelled on each merge, so whole batches of links inside one cluster
    are set aside at once (reprints give many). ``grouping.small`` keeps it in a
    list (``_labels``, ``_relabel``).
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.root: Any = self._labels(len(corpus.refs))  # an int64 array (or a list)
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(corpus.refs))}
        # cluster root -> its articles as a bit set (bit ``a``: article ``a``)
        self.articles: dict[int, int] = {i: 1 << r[0] for i, r in enumerate(corpus.refs)}
        self.sums: dict[int, SparseVector] = {}
        self.figures: dict[int, set[Quantity]] = {
            i: {figure(q) for q in qs} for i, qs in enumerate(corpus.quantities)
        }
        self.speakers = dict(corpus.speakers)  # cluster root -> its speakers, if any
        # (row, cluster root, matches needed, link partner) -> the cluster's size at the miss
        self.missed: dict[tuple[int, int, int, int], int] = {}

    @staticmethod
    def _labels(rows: int) -> Any:
        """Each row its own cluster."""
        import numpy as np

        return np.arange(rows, dtype=np.int64)

    def _relabel(self, rows: list[int], root: int) -> None:
        self.root[rows] = root

    def find(self, i: int) -> int:
        return int(self.root[i])

    def apart(self, links: IntArray) -> IntArray:
        """The links (rows x 2) whose two rows are in different clusters."""
        apart: IntArray = links[self.root[links[:, 0]] != self.root[links[:, 1]]]
        return apart

    def vector_sum(self, root: int) -> SparseVector:
        found = self.sums.get(root)
        return found if found is not None else self.corpus.vectors[root]

    def average(self, x: int, y: int) -> float:
        """Mean cosine between the members of two clusters."""
        dot = sparse_dot(self.vector_sum(x), self.vector_sum(y))
        return round(dot / (len(self.members[x]) * len(self.members[y])), ROUND)

    def far_conflict(self, x: int, y: int) -> bool:
        """Whether members of the two clusters state far-apart figures (``far_apart``).

        Each distinct figure is compared once: copies of one story repeat them.
        """
        return any(far_apart(a, b) for a in self.figures[x] for b in self.figures[y])

    def bridged_by_more_than_one(self, x: int, y: int, a: int, b: int) -> bool:
        """Whether the texts of a cluster of one or two joining a passage of three texts or
        more match its members, not only through one of their own: a lead that also
        gives a second fact ("agreed a ceasefire, where the offensive has displaced
        nearly a million") and another outlet's sentence on that fact must not join the
        passage of the first fact together. A text alone matches two of the passage's
        texts (cosine ``CONTEXT_LINK_MIN`` or more), each of a pair one. Texts, not
        members: reprints of one wire lead are one text, whether in the passage or in
        the cluster joining it. ``a`` and ``b`` are the rows whose link proposes the
        merge (they match)."""
        texts = {root: self.texts(root, (a, b)) for root in (x, y)}
        small, big = (x, y) if len(texts[x]) <= len(texts[y]) else (y, x)
        if len(texts[small]) > 2 or len(texts[big]) < 3:
            return True
        needed = 2 if len(texts[small]) == 1 else 1
        linked = {a: b, b: a}
        return all(self.matches(row, big, needed, linked.get(row, -1)) for row in texts[small])

    def texts(self, root: int, preferred: tuple[int, ...]) -> list[int]:
        """One member of cluster ``root`` for each distinct text (form) in it: one of
        ``preferred`` where it holds that text, else the first member holding it."""
        form = self.corpus.form
        first: dict[int, int] = {}
        for row in self.members[root]:
            first.setdefault(form[row], row)
        for row in preferred:
            if self.find(row) == root:
                first[form[row]] = row
        return list(first.values())

    def matches(self, row: int, root: int, needed: int, known: int) -> bool:
        """Whether ``row`` matches ``needed`` distinct texts among the members of cluster
        ``root`` (cosine ``CONTEXT_LINK_MIN`` or more), ``known`` (a member, or -1) among
        them. Reprints (one form) are one text: copies of a wire lead are one match, as
        is a copy of ``row`` itself. A miss is kept until the cluster grows."""
        members = self.members[root]
        key = (row, root, needed, known)
        if self.missed.get(key) == len(members):
            return False
        vectors, form = self.corpus.vectors, self.corpus.form
        mine = vectors[row]
        matched = {form[known]} if known >= 0 else set()  # the link's partner: a match
        for other in members:
            if len(matched) >= needed:
                return True
            text = form[other]
            if text not in matched and (
                text == form[row] or sparse_dot(mine, vectors[other]) >= CONTEXT_LINK_MIN
            ):
                matched.add(text)
        if len(matched) >= needed:
            return True
        self.missed[key] = len(members)
        return False

    def try_merge(self, a: int, b: int) -> bool:
        """Merge the clusters of rows ``a`` and ``b`` unless that breaks a constraint."""
        x, y = self.find(a), self.find(b)
        if x == y or self.articles[x] & self.articles[y] or self.average(x, y) < AVERAGE_MIN:
            return False
        if self.far_conflict(x, y):
            return False
        speakers = self.speakers
        if x in speakers and y in speakers and other_speakers(speakers[x], speakers[y]):
            return False
        if not self.bridged_by_more_than_one(x, y, a, b):
            return False
        keep, gone = min(x, y), max(x, y)
        total = self.sums.get(keep)
        if total is None:  # the first merge: start from a copy of the row's own vector
            total = self.sums[keep] = dict(self.corpus.vectors[keep])
        for f, w in self.vector_sum(gone).items():
            total[f] = total.get(f, 0.0) + w
        self.sums.pop(gone, None)
        self._relabel(self.members[gone], keep)
        self.members[keep] += self.members.pop(gone)
        self.articles[keep] |= self.articles.pop(gone)
        self.figures[keep] |= self.figures.pop(gone)
        if gone in self.speakers:
            self.speakers[keep] = self.speakers.get(keep, frozenset()) | self.speakers.pop(gone)
        return True


def supported_merges(clusters: Clusters, votes: Scored) -> list[Link]:
    """Links joining cluster pairs that at least ``SUPPORT`` best-match votes back.

    A sentence whose best matches in two other articles are already grouped
    together is probably the same fact even when each single match is weak.
    A vote is a sentence's best match in one other article (one-sided), so
    agreement between several articles stands in for mutual strength. Returns
    one link per supported cluster pair, the pairs with most total vote first.
    """
    import numpy as np

    scores, a, b = votes
    if scores.size == 0:
        return []
    roots = clusters.root.copy()
    lo, hi = np.minimum(a, b), np.maximum(a, b)
    keep = roots[lo] != roots[hi]
    lo, hi, scores = lo[keep], hi[keep], scores[keep]
    _, first = np.unique(lo * len(roots) + hi, return_index=True)  # each sentence pair once
    lo, hi, scores = lo[first], hi[first], scores[first]
    if clusters.corpus.kinds:
        lo, hi, scores = discount_unlike(clusters.corpus, lo, hi, scores)
        if scores.size == 0:
            return []
    return ranked_merges(clusters.corpus, roots, lo, hi, scores)


def discount_unlike(
    corpus: Corpus, lo: IntArray, hi: IntArray, scores: FloatArray
) -> tuple[IntArray, IntArray, FloatArray]:
    """The votes less what rests on the same digits in unlike figures (``unlike_numbers``,
    once per pair of forms: reprints repeat them), those under ``SUPPORT_MIN`` dropped."""
    import numpy as np

    numbered = np.asarray([bool(k) for k in corpus.kinds], dtype=bool)
    both = np.flatnonzero(numbered[lo] & numbered[hi])
    form = np.asarray(corpus.form, dtype=np.int64)
    pairs = form[lo[both]] * (int(form.max()) + 1) + form[hi[both]]
    _, first_of, inverse = np.unique(pairs, return_index=True, return_inverse=True)
    unlike = np.asarray(
        [unlike_numbers(corpus, int(lo[both[k]]), int(hi[both[k]])) for k in first_of.tolist()],
        dtype=np.float64,
    )[inverse]
    for k in both[np.flatnonzero(unlike)].tolist():
        scores[k] = round(float(scores[k]) - unlike[np.searchsorted(both, k)], ROUND)
    keep = scores >= SUPPORT_MIN
    return lo[keep], hi[keep], scores[keep]


def ranked_merges(
    corpus: Corpus, roots: IntArray, lo: IntArray, hi: IntArray, scores: FloatArray
) -> list[Link]:
    """One link per cluster pair (``roots``) with at least ``SUPPORT`` votes, most total
    vote first, then by where the pair's sentences sit (``ref_key``)."""
    import numpy as np

    rx, ry = np.minimum(roots[lo], roots[hi]), np.maximum(roots[lo], roots[hi])
    pair_id = rx * len(roots) + ry
    _, inverse, counts = np.unique(pair_id, return_inverse=True, return_counts=True)
    totals = np.bincount(inverse, weights=scores)
    chosen = np.flatnonzero(counts >= SUPPORT)
    if chosen.size == 0:
        return []
    _, first_of = np.unique(inverse, return_index=True)
    lo, hi = lo[first_of], hi[first_of]
    rank = [ref_key(corpus, r) for r in range(len(roots))]
    order = sorted(
        chosen.tolist(),
        key=lambda k: (
            -round(float(totals[k]), ROUND),
            min(rank[lo[k]], rank[hi[k]]),
            max(rank[lo[k]], rank[hi[k]]),
        ),
    )
    return [Link(0.0, (0, 0, 0, 0), int(lo[k]), int(hi[k])) for k in order]


Vote = tuple[float, int, int]  # cosine, row, the row's best match in another article


class Freed(NamedTuple):
    """What ``freed`` finds: links among free sentences, votes (cosine, row, row), and
    the weak links among free sentences (below ``LINK_MIN``: for the context pass)."""

    links: list[Link]
    votes: list[Vote]
    weak: list[Link]


def freed(clusters: Clusters, best: Sequence[tuple[int, int]]) -> Freed:
    """Links and votes of sentences whose best matches were taken.

    A sentence's best match in another article may sit in a group that already
    holds another sentence of the first one's article (its headline, a summary
    line, a second sentence on the same fact): it can never join that group, yet
    it hides the second best, so two sentences that report the same fact stay
    apart because each has a nearer twin at home. Once the strong links have
    merged, a sentence still alone whose better matches in an article all sit in
    such groups (``held_apart``; at least one does) reads that article again
    without them:

    * its best match among the sentences still alone there links with it when
      that sentence's best among the free sentences of the first article is it
      in turn, and the score reaches ``LINK_MIN`` (with the same checks as
      every link: ``phrase_checked``, ``DISTINCT_MIN``);
    * its best match among the sentences not held apart (``SUPPORT_MIN`` or
      more) is its vote for the support pass, in place of the one it cannot join;
    * a mutual best match among the free sentences below ``LINK_MIN`` (at least
      ``CONTEXT_LINK_MIN``) is a weak link, as in the first pass: its context may
      back it. (An outlet's headline kept as a line of the text takes its lead's
      best matches in the other outlets; the lead and theirs, often alike only in
      the story's background words, then pair with the backing of the headlines
      beside them, as they do when the headline is cut.)

    ``best`` holds the free sentences' best matches (row, its best row in an
    article; ``SUPPORT_MIN`` or more, as votes): only a sentence whose best match
    there is held apart is read again, and only pairs that share a distinct (not
    background) feature are scored, so the work grows with those, never with all
    pairs of sentences. Links strongest first, ties by content (``Link``); votes
    in row order.
    """
    search = FreeSearch(clusters)
    if not any(search.alone):
        return Freed([], [], [])
    links: set[Link] = set()
    weak: set[Link] = set()
    votes: list[Vote] = []
    for row, article in search.candidates(best):
        found = search.scores_of(row, article)
        top, _ = top_of(found)
        if not any(c == top and search.held_apart(row, o) for c, o in found):
            continue  # its best match could join it: the first pass judged that pair
        open_ = [(c, o) for c, o in found if not search.held_apart(row, o)]
        score, chosen = top_of(open_)
        if score >= SUPPORT_MIN:
            votes += [(score, row, o) for o in chosen]
        score, chosen = top_of([(c, o) for c, o in open_ if search.alone[o]])
        if score < CONTEXT_LINK_MIN or any(
            c > score and search.linkable(row, o, c) for c, o in open_
        ):
            continue  # a better match is free to join it in another way
        for other in chosen:
            link = search.link(row, other, score)
            if link is not None:
                (links if -link.neg_score >= LINK_MIN else weak).add(link)
    return Freed(sorted(links), votes, sorted(weak))


def top_of(found: Sequence[tuple[float, int]]) -> tuple[float, list[int]]:
    """The best score among (score, row) pairs and every row that reaches it."""
    if not found:
        return 0.0, []
    top = max(c for c, _ in found)
    return top, [o for c, o in found if c == top]


class FreeSearch:
    """What ``freed`` reads: the sentences still alone, the rows that share a distinct
    feature with a sentence (scored once per pair of texts: reprints repeat them),
    and which groups hold a sentence of a row's own article."""

    def __init__(self, clusters: Clusters) -> None:
        self.clusters = clusters
        self.corpus = corpus = clusters.corpus
        self.owner = [a for a, _ in corpus.refs]
        root = clusters.root
        self.roots = list(root.tolist() if hasattr(root, "tolist") else root)
        self.alone = [len(clusters.members[r]) == 1 for r in self.roots]
        self.holders: dict[int, set[int]] = defaultdict(set)  # distinct feature -> its forms
        self.placed: dict[tuple[int, int], list[int]] = defaultdict(list)  # (form, article)
        self.first: dict[int, int] = {}  # form -> a row of it
        for row, vector in enumerate(corpus.vectors):
            form = corpus.form[row]
            self.placed[(form, self.owner[row])].append(row)
            if form not in self.first:
                self.first[form] = row
                for f in vector:
                    if f not in corpus.common:
                        self.holders[f].add(form)
        self.similar: dict[int, list[tuple[int, float]]] = {}  # form -> (form, cosine)
        self.held: dict[int, dict[int, list[int]]] = {}  # cluster root -> article -> rows

    def candidates(self, best: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """(row, article) for each sentence alone whose best match in the article is
        held apart."""
        found = {
            (row, self.owner[other])
            for row, other in best
            if self.alone[row]
            and self.clusters.articles[self.roots[other]] >> self.owner[row] & 1
            and self.held_apart(row, other)
        }
        return sorted(found)

    def scores_of(self, row: int, article: int) -> list[tuple[float, int]]:
        """(cosine, row) of the rows of ``article`` that share a distinct feature with
        ``row`` and hold ``DISTINCT_MIN`` of their similarity outside the background."""
        corpus, mine = self.corpus, self.corpus.form[row]
        if mine not in self.similar:
            vector = corpus.vectors[row]
            found = []
            forms = {g for f in vector if f not in corpus.common for g in self.holders[f]}
            for other in sorted(forms):
                theirs = corpus.vectors[self.first[other]]
                total = round(sparse_dot(vector, theirs), ROUND)
                background = sum(
                    w * theirs.get(f, 0.0) for f, w in vector.items() if f in corpus.common
                )
                if total - background >= DISTINCT_MIN:
                    found.append((other, total))
            self.similar[mine] = found
        placed = self.placed
        return [(total, o) for g, total in self.similar[mine] for o in placed.get((g, article), ())]

    def held_apart(self, row: int, other: int) -> bool:
        """Whether ``other``'s group holds a sentence of ``row``'s article that is not
        next to ``row`` in its paragraph (next to it, ``row`` may be that sentence's
        second half, which absorbing neighbours decides)."""
        root, article = self.roots[other], self.owner[row]
        if not self.clusters.articles[root] >> article & 1:
            return False
        if root not in self.held:
            self.held[root] = defaultdict(list)
            for r in self.clusters.members[root]:
                self.held[root][self.owner[r]].append(r)
        mine = self.held[root][article]
        para = self.corpus.paragraphs
        return bool(mine) and all(abs(r - row) > 1 or para[r] != para[row] for r in mine)

    def linkable(self, row: int, other: int, score: float) -> bool:
        """Whether the pair could link (``phrase_checked`` keeps ``LINK_MIN``): a better
        match that shares only names, a catch-phrase or one word with a sentence is no
        counterpart of it, and leaves the next best free to be its mutual best."""
        return score >= LINK_MIN and phrase_checked(self.corpus, row, other, score) >= LINK_MIN

    def link(self, row: int, other: int, score: float) -> Link | None:
        """The link of ``row`` and ``other`` when ``row`` is ``other``'s best match among
        the free sentences of its article in turn, scored as every link (``phrase_checked``):
        below ``LINK_MIN`` it is weak."""
        back = [
            (c, o)
            for c, o in self.scores_of(other, self.owner[row])
            if not self.held_apart(other, o) and (c <= score or self.linkable(other, o, c))
        ]
        if row not in top_of(back)[1] or any(c > score for c, o in back if not self.alone[o]):
            return None
        checked = phrase_checked(self.corpus, row, other, score) if score >= LINK_MIN else score
        lo, hi = sorted((row, other), key=lambda r: ref_key(self.corpus, r))
        return Link(-checked, (*ref_key(self.corpus, lo), *ref_key(self.corpus, hi)), lo, hi)


def cluster(corpus: Corpus, step: Step = silent) -> tuple[list[list[int]], list[Vote]]:
    """Clusters of rows (each a list of rows, at most one per article), and the best
    matches that cross clusters (``crossing``).

    Strong mutual-best links merge first; then best-match votes merge clusters
    they jointly support. ``step`` hears of scoring (to 0.8) and merging.
    """
    clusters = Clusters(corpus)
    mutual, votes, matches = candidate_links(corpus, lambda f: step(0.8 * f))
    for start in range(0, len(mutual.strong), 512):
        step(0.8 + 0.2 * start / len(mutual.strong))
        for a, b in clusters.apart(mutual.strong[start : start + 512]).tolist():
            clusters.try_merge(a, b)
    import numpy as np

    scores, a, b = votes
    sizes = np.bincount(clusters.root, minlength=len(clusters.root))
    free = sizes[clusters.root[a]] == 1
    found = freed(clusters, list(zip(a[free].tolist(), b[free].tolist(), strict=True)))
    for link in found.links:
        clusters.try_merge(link.a, link.b)
    if found.votes:
        more = np.asarray(found.votes, dtype=np.float64)
        votes = (
            np.concatenate([scores, more[:, 0].astype(np.float32)]),
            np.concatenate([a, more[:, 1].astype(np.int64)]),
            np.concatenate([b, more[:, 2].astype(np.int64)]),
        )
    for link in supported_merges(clusters, votes):
        clusters.try_merge(link.a, link.b)
    for link in context_links(clusters, mutual.weak, found.weak):
        clusters.try_merge(link.a, link.b)
    return [sorted(rows) for rows in clusters.members.values()], crossing(clusters, matches)


def crossing(clusters: Clusters, matches: Scored) -> list[Vote]:
    """The best matches whose two rows ended in different clusters, the best one for
    each cluster and article of the match (then the earliest row): where a passage's
    nearest wording stands in an outlet its group lacks (``pipeline.closest_groups``)."""
    import numpy as np

    scores, a, b = matches
    root = clusters.root
    owner = np.asarray([r[0] for r in clusters.corpus.refs], dtype=np.int64)
    apart = root[a] != root[b]
    scores, a, b = scores[apart], a[apart], b[apart]
    order = np.lexsort((b, -scores.astype(np.float64), owner[b], root[a]))
    key = root[a][order] * (int(owner.max(initial=0)) + 1) + owner[b][order]
    first = order[np.flatnonzero(np.diff(key, prepend=-1) != 0)]
    found = scores[first].astype(np.float64).tolist(), a[first].tolist(), b[first].tolist()
    return list(zip(*found, strict=True))


def context_links(
    clusters: Clusters, weak: Sequence[Link], freed: Sequence[Link] = ()
) -> list[Link]:
    """Weak mutual-best links that the alignment of their neighbours backs.

    Reports tell a story in roughly the same order, so when the sentences
    around two weakly similar sentences are already grouped with each other
    (before/before, after/after, or crossed when an outlet swapped two
    sentences), the pair itself probably reports the same fact. Each aligned
    neighbour pair adds ``CONTEXT_WEIGHT`` to the similarity; the link is kept
    when the total reaches ``LINK_MIN``. Strongest first, as for the links.
    ``freed`` adds the weak links among free sentences (``freed``): their context
    may back them too, but a second choice backs no other pair.
    """
    scored = []
    paired = {(link.a, link.b) for link in weak} | {(link.b, link.a) for link in weak}
    weak = [*weak, *(link for link in freed if (link.a, link.b) not in paired)]
    near: dict[tuple[int, bool], list[int]] = {}  # (row, flipped) -> ``_beside``
    roots = list(clusters.root.tolist() if hasattr(clusters.root, "tolist") else clusters.root)
    for link in weak:
        support = aligned_neighbours(clusters, link.a, link.b, paired, near, roots)
        boosted = -link.neg_score + CONTEXT_WEIGHT * support
        if boosted >= LINK_MIN:
            scored.append((-round(boosted, ROUND), link))
    return [link for _, link in sorted(scored)]


def aligned_neighbours(
    clusters: Clusters,
    a: int,
    b: int,
    paired: set[tuple[int, int]] | None = None,
    near: dict[tuple[int, bool], list[int]] | None = None,
    roots: Sequence[int] | None = None,
) -> float:
    """Pairs of the rows next to ``a`` and next to ``b`` that are aligned.

    A pair sharing a cluster counts 1; a pair that is itself a weak mutual
    best match (in ``paired``) counts ``WEAK_CONTEXT``: two weak matches side
    by side support each other, as on the diagonal of an alignment. Both
    articles are read with their paragraphs in the order given and in the
    reverse order (``_beside``), and the better reading counts: reversing the
    paragraphs gives the same support. ``near`` keeps the rows next to each row
    between calls, ``roots`` each row's cluster (``Clusters.find``) while no
    cluster changes.
    """
    corpus = clusters.corpus
    near = {} if near is None else near
    find = roots.__getitem__ if roots is not None else clusters.find

    def around(row: int, flipped: bool) -> list[int]:
        if (row, flipped) not in near:
            near[(row, flipped)] = sorted(_beside(corpus, row, flipped))
        return near[(row, flipped)]

    readings = [(around(a, False), around(b, False))]
    flipped = (around(a, True), around(b, True))
    if flipped != readings[0]:  # the paragraphs' order changes who is next to whom
        readings.append(flipped)
    best = 0.0
    for xs, ys in readings:
        found = 0.0
        theirs = [find(y) for y in ys]
        for x in xs:
            root = find(x)
            for y, other in zip(ys, theirs, strict=True):
                if root == other:
                    found += 1.0
                elif paired and (x, y) in paired:
                    found += WEAK_CONTEXT
        best = max(best, found)
    return best


def _beside(corpus: Corpus, row: int, flipped: bool = False) -> list[int]:
    """The rows just before and after ``row`` in its article; ``flipped``: as if the
    article's paragraphs were read in the other order (each paragraph as it is), so
    a sentence that opens its paragraph meets the last sentence of the next one."""
    rows = corpus.rows[corpus.refs[row][0]]
    first, last = rows[0], rows[-1]
    para = corpus.paragraphs
    out = [r for r in (row - 1, row + 1) if first <= r <= last and para[r] == para[row]]
    if not flipped:
        return out + [r for r in (row - 1, row + 1) if first <= r <= last and para[r] != para[row]]
    if row == first or para[row - 1] != para[row]:  # it opens its paragraph
        k = row
        while k < last and para[k + 1] == para[row]:
            k += 1  # the paragraph's last sentence
        if k < last:
            k += 1  # the next paragraph's first: find its last
            while k < last and para[k + 1] == para[k]:
                k += 1
            out.append(k)
    if row == last or para[row + 1] != para[row]:  # it closes its paragraph
        k = row
        while k > first and para[k - 1] == para[row]:
            k -= 1  # the paragraph's first sentence
        if k > first:
            k -= 1  # the previous paragraph's last: find its first
            while k > first and para[k - 1] == para[k]:
                k -= 1
            out.append(k)
    return sorted(out)
