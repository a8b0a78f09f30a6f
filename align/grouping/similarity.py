"""Similarity: exact cosines form by form, each sentence's best matches, and the links they make."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from .corpus import Corpus, Part, Postings, SparseVector, Step, silent
from .thresholds import (
    BLOCK_CELLS,
    BLOCK_ROWS,
    CONTEXT_LINK_MIN,
    DISTINCT_MIN,
    EXPAND_BUDGET,
    LINK_MIN,
    PHRASE_MIN,
    ROUND,
    SMALL_NUMBER,
    SUPPORT_MIN,
)

# numpy is imported by the functions that use it (see ``corpus``).
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from .corpus import FloatArray, IntArray, Scored


class Link(NamedTuple):
    """A candidate pair; sorts strongest first, ties by content rank (tuple order)."""

    neg_score: float
    key: tuple[int, int, int, int]
    a: int  # row
    b: int  # row


def block_best(
    corpus: Corpus, first: int, last: int, forms: Forms, article: int | None
) -> tuple[Scored, FloatArray]:
    """Forms ``first:last``: their best matches in every other article, and their
    best score in each article (one column per article).

    A form (a distinct sentence text) is scored once, however many articles
    print it, and each row then takes its form's scores, so the per-article
    maxima cost forms x rows, not rows x rows. Forms of one ``article`` only
    skip that article's rows (and its other own forms); forms several
    articles share meet every row (``expand_best`` leaves out each row's own
    article). A best match must reach ``CONTEXT_LINK_MIN`` and hold
    ``DISTINCT_MIN`` of similarity outside the story's background. Returns
    the best matches as (score, form, row) and the per-article maxima (-1 for
    ``article``). A few BLAS and ``bincount`` calls per block, never a Python
    loop over sentence pairs.
    """
    import numpy as np

    n = forms.form.size
    if article is None:
        lo = hi = own_first = own_last = 0
    else:
        lo, hi = corpus.rows[article][0], corpus.rows[article][-1] + 1
        own_first, own_last = corpus.exclusive[article]
    cols = np.concatenate([np.arange(lo), np.arange(hi, n)])
    sims, distinct = form_similarity(corpus, np.arange(first, last), own_first, own_last)
    theirs = forms.form[cols]
    theirs = np.where(theirs >= own_last, theirs - (own_last - own_first), theirs)
    by_row = sims[:, theirs]
    other = forms.starts != lo if article is not None else np.ones(forms.starts.size, dtype=bool)
    at = np.where(forms.starts > lo, forms.starts - (hi - lo), forms.starts)[other]
    per_article = np.full((last - first, forms.starts.size), -1.0, dtype=np.float32)
    if cols.size:
        per_article[:, other] = np.maximum.reduceat(by_row, at, axis=1)
    best = (
        (by_row >= CONTEXT_LINK_MIN)
        & (by_row >= per_article[:, forms.column[cols]])
        & distinct[:, theirs]
    )
    i, j = np.nonzero(best)
    return (by_row[i, j], i + first, cols[j]), per_article


def form_similarity(
    corpus: Corpus, mine: IntArray, first: int = 0, last: int = 0
) -> tuple[FloatArray, npt.NDArray[np.bool_]]:
    """Cosines of forms ``mine`` with every form outside ``first:last`` (forms after
    it shift down), rounded to ``ROUND`` decimals, and whether at least
    ``DISTINCT_MIN`` of each lies outside the background."""
    import numpy as np

    assert corpus.background is not None and corpus.distinct is not None, "built without arrays"
    background = part_similarity(corpus.background, mine, first, last)
    total = np.round(background + part_similarity(corpus.distinct, mine, first, last), ROUND)
    return total, total - background >= DISTINCT_MIN


def part_similarity(part: Part, mine: IntArray, first: int, last: int) -> FloatArray:
    """One part of the cosine of forms ``mine`` with every form outside ``first:last``
    (the article's own), in form order."""
    out = sparse_similarity(part.postings, mine, first, last)
    if part.dense.shape[1]:
        dense = part.dense[mine]
        out[:, :first] += dense @ part.dense[:first].T
        out[:, first:] += dense @ part.dense[last:].T
    return out


def sparse_similarity(p: Postings, mine: IntArray, first: int, last: int) -> FloatArray:
    """The sparse features' part of the cosine of forms ``mine`` with every form
    outside ``first:last``.

    Each entry (form, feature) meets the feature's forms in the inverted
    index, skipping the article's own (a contiguous run there); the products
    are summed per pair with ``bincount``, in chunks of at most
    ``EXPAND_BUDGET`` products.
    """
    import numpy as np

    width = p.row_ptr.size - 1 - (last - first)
    out = np.zeros((mine.size, width), dtype=np.float32)
    if not p.entry_row.size:
        return out
    cost = np.cumsum(np.diff(p.products)[mine])  # products of mine[:k + 1]
    k = 0
    while k < mine.size:
        done = int(cost[k - 1]) if k else 0
        stop = min(mine.size, max(k + 1, int(np.searchsorted(cost, done + EXPAND_BUDGET, "right"))))
        out[k:stop] = _expand(p, mine[k:stop], first, last)
        k = stop
    return out


def _expand(p: Postings, forms: IntArray, first: int, last: int) -> FloatArray:
    """Sum of w_i * w_j over the features ``forms`` share with each form j outside
    ``first:last`` (forms after it shift down to close the gap)."""
    import numpy as np

    n = p.row_ptr.size - 1
    counts = p.row_ptr[forms + 1] - p.row_ptr[forms]
    entries = np.repeat(p.row_ptr[forms] - (np.cumsum(counts) - counts), counts) + np.arange(
        int(counts.sum())
    )
    features = p.entry_feature[entries]
    own_lo = np.searchsorted(p.keys, features * n + first)
    own_hi = np.searchsorted(p.keys, features * n + last)
    begin = np.concatenate([p.feature_ptr[features], own_hi])
    sizes = np.concatenate([own_lo - p.feature_ptr[features], p.feature_ptr[features + 1] - own_hi])
    rows = np.tile(np.repeat(np.arange(forms.size), counts), 2)
    weights = np.tile(p.entry_weight[entries], 2)
    width = n - (last - first)
    total = int(sizes.sum())
    if total == 0:
        return np.zeros((forms.size, width), dtype=np.float32)
    at = np.repeat(begin - (np.cumsum(sizes) - sizes), sizes) + np.arange(total)
    other = p.feature_rows[at]
    column = np.where(other >= last, other - (last - first), other)
    flat = np.repeat(rows, sizes) * width + column
    products = np.repeat(weights, sizes) * p.feature_weights[at]
    summed = np.bincount(flat, weights=products, minlength=forms.size * width)
    return summed.reshape(forms.size, width).astype(np.float32)


class Forms(NamedTuple):
    """Where each form's rows are, and the article columns scoring reads."""

    ptr: IntArray  # rows of form f: rows[ptr[f]:ptr[f + 1]]
    rows: IntArray
    starts: IntArray  # each article's first row (articles with sentences)
    column: IntArray  # row -> its article's column in ``starts``
    form: IntArray  # row -> its form (``Corpus.form`` as an array)

    @classmethod
    def of(cls, corpus: Corpus, owner: IntArray) -> Forms:
        import numpy as np

        form = np.asarray(corpus.form, dtype=np.int64)
        rows = np.argsort(form, kind="stable")
        count = np.bincount(form, minlength=int(form.max()) + 1)
        new_article = np.diff(owner, prepend=-1) != 0  # rows are numbered article by article
        ptr = np.concatenate([[0], np.cumsum(count)])
        return cls(ptr, rows, np.flatnonzero(new_article), np.cumsum(new_article) - 1, form)


def expand_best(forms: Forms, owner: IntArray, best: Scored) -> Scored:
    """Best matches of forms as best matches of rows: each row of the form takes its
    form's best matches in the other articles (as (score, row, best row), by row)."""
    import numpy as np

    scores, form, other = best
    counts = forms.ptr[form + 1] - forms.ptr[form]
    total = int(counts.sum())
    at = np.repeat(forms.ptr[form] - (np.cumsum(counts) - counts), counts) + np.arange(total)
    rows = forms.rows[at]
    scores, other = np.repeat(scores, counts), np.repeat(other, counts)
    keep = owner[rows] != owner[other]
    scores, rows, other = scores[keep], rows[keep], other[keep]
    order = np.argsort(rows * owner.size + other, kind="stable")
    return scores[order], rows[order], other[order]


def candidate_links(corpus: Corpus, step: Step = silent) -> tuple[Ranked, Scored, Scored]:
    """Mutual-best links (strongest first), one-sided best links of ``SUPPORT_MIN`` or
    more (the votes), and every best match (arrays: score, row, best row).

    A pair is a mutual best when each is the other's best match in the
    other's article: each form's best matches and best score per article are
    found form by form (``block_best``), every row takes its form's, and a
    row's best match is mutual when the row reaches the partner's best score
    in the row's article (cosine is symmetric).
    """
    import numpy as np

    owner = np.asarray([r[0] for r in corpus.refs], dtype=np.int64)
    if owner.size == 0:
        empty = np.zeros(0, dtype=np.int64)
        none: Scored = (np.zeros(0, dtype=np.float32), empty, empty)
        return Ranked(np.zeros((0, 2), dtype=np.int64), []), none, none
    forms = Forms.of(corpus, owner)
    parts = blocks_best(corpus, forms, owner, step)
    found = (
        np.concatenate([p[0][0] for p in parts]),
        np.concatenate([p[0][1] for p in parts]),
        np.concatenate([p[0][2] for p in parts]),
    )
    best = np.concatenate([p[1] for p in parts])  # form x article column
    scores, a, b = expand_best(forms, owner, found)
    mutual = (owner[b] > owner[a]) & (scores >= best[forms.form[b], forms.column[a]])
    one_sided = scores >= SUPPORT_MIN
    votes: Scored = (scores[one_sided], a[one_sided], b[one_sided])
    return sorted_links(corpus, [(scores[mutual], a[mutual], b[mutual])]), votes, (scores, a, b)


def blocks_best(
    corpus: Corpus, forms: Forms, owner: IntArray, step: Step
) -> list[tuple[Scored, FloatArray]]:
    """``block_best`` of every form, block by block: each article's own forms, then the
    shared ones, in blocks of at most ``BLOCK_ROWS`` forms and ``BLOCK_CELLS`` cells."""
    count = forms.ptr.size - 1
    runs: list[tuple[int, int, int | None]] = [
        (first, last, a) for a, (first, last) in enumerate(corpus.exclusive) if last > first
    ]
    runs.append((max((last for _, last, _ in runs), default=0), count, None))
    parts = []
    for start, end, article in runs:
        width = owner.size - (0 if article is None else len(corpus.rows[article]))
        size = max(1, min(BLOCK_ROWS, BLOCK_CELLS // max(1, width)))  # forms x rows a block
        for first in range(start, end, size):
            step(first / count)
            parts.append(block_best(corpus, first, min(end, first + size), forms, article))
    return parts


def phrase_score(corpus: Corpus, a: int, b: int, cosine: float) -> float:
    """The cosine of rows ``a`` and ``b`` with each phrase they share counted as one word.

    A phrase is a run of two or more words found in the same order in both
    sentences ("the last rebel stronghold in Syria", "Cpl. Justin Dunn of the
    Missouri State Highway Patrol", "President Bashar al-Assad"). Its words,
    their compounds and their bigrams each add to the cosine, so one shared
    epithet, name or title weighs like several shared facts. Here the phrase
    weighs as its heaviest word: a catch-phrase or the protagonists' titles
    alone are not a fact in common. Rounded like every similarity.
    """
    return phrase_parts(corpus, a, b, cosine)[0]


# Words of each sentence read for shared phrases: more than a sentence of prose holds.
# A longer "sentence" is a table or junk, and in two of them that repeat the same
# words every run would meet every other (the work grows with the square of their
# lengths: two 100 KB lines took over a minute).
PHRASE_WORDS = 300
# Content words of a run two sentences share inside quotation marks they attribute to
# someone (``quoted_keys``) from which it is one statement quoted by both ("“We do not
# always agree with our Turkish partners in our assessments ...”": seven), not a
# catch-phrase, and keeps its whole weight; a title in quotes ("the “Caesar Syria
# Civilian Protection Act”") is one still.
QUOTED_RUN = 4


def phrase_parts(corpus: Corpus, a: int, b: int, cosine: float) -> tuple[float, float]:
    """``phrase_score``, and what the two rows share outside the story's background
    (``Corpus.common``) and outside the names and titles they share (a phrase
    written with capitals in both, ``titled_keys``: "Syrian President Bashar
    al-Assad", "Regional Governor Mira Castell"): two sentences that share only
    the protagonists, named in full, and background words share no fact."""
    va, vb, ids, common = corpus.vectors[a], corpus.vectors[b], corpus.ids, corpus.common
    shorter, longer = (va, vb) if len(va) <= len(vb) else (vb, va)
    background = sum(w * longer.get(i, 0.0) for i, w in shorter.items() if i in common)
    mine, theirs = corpus.phrases[a], corpus.phrases[b]
    if mine == theirs:
        return cosine, round(cosine - background, ROUND)
    mine, theirs = mine[:PHRASE_WORDS], theirs[:PHRASE_WORDS]
    at: dict[str, list[int]] = defaultdict(list)
    for j, (key, _) in enumerate(theirs):
        at[key].append(j)
    found: set[str] = set()  # features of the shared phrases
    named: set[str] = set()  # ... of those that are names or titles
    heaviest = 0.0
    titled = corpus.titled
    caps_a = titled[a] if titled else frozenset()
    caps_b = titled[b] if titled else frozenset()
    quoted = corpus.quoted
    said_a = quoted[a] if quoted else frozenset()
    said_b = quoted[b] if quoted else frozenset()

    def product(feature: str) -> float:
        i = ids.get(feature)
        return 0.0 if i is None else va.get(i, 0.0) * vb.get(i, 0.0)

    for i, (key, _) in enumerate(mine):
        for j in at.get(key, ()):
            if i and j and mine[i - 1][0] == theirs[j - 1][0]:
                continue  # inside a run found from its start
            n = 1
            while i + n < len(mine) and j + n < len(theirs) and mine[i + n][0] == theirs[j + n][0]:
                n += 1
            if n < 2:
                continue
            titled_run = all(i + k in caps_a and j + k in caps_b for k in range(n))
            said = n >= QUOTED_RUN and bool(said_a) and bool(said_b) and not titled_run
            inside = sum(i + k in said_a and j + k in said_b for k in range(n)) if said else 0
            if inside >= QUOTED_RUN and n - inside < QUOTED_RUN:
                # a quotation both give word for word, maybe with its speaker's words
                # ("..., Putin told Erdogan"): one statement, full weight
                continue
            words = [k for k, _ in mine[i : i + n]]
            features = {*words, *(c for _, c in mine[i : i + n - 1])}
            features.update(f"{x} {y}" for x, y in pairwise(words))
            found |= features
            top = max(words, key=product)
            heaviest += product(top)
            if titled_run:
                named |= features
    if not found:
        return cosine, round(cosine - background, ROUND)
    score = cosine - sum(product(f) for f in found) + heaviest
    in_names = sum(product(f) for f in named if ids.get(f) not in common)
    return round(score, ROUND), round(cosine - background - in_names, ROUND)


def unlike_numbers(corpus: Corpus, a: int, b: int) -> float:
    """The part of the cosine of rows ``a`` and ``b`` that comes from numbers whose
    figures measure different kinds of things in the two ("4,000 households" and
    "4,000 hectares"): the same digits, not the same fact; and from small numbers
    (below ``SMALL_NUMBER``) in no figure on either side ("B1/2/3", "platforms
    2/3"). A large number in no figure on either side is kept."""
    mine, theirs = corpus.kinds[a], corpus.kinds[b]
    if not mine or not theirs:
        return 0.0
    va, vb, ids = corpus.vectors[a], corpus.vectors[b], corpus.ids
    out = 0.0
    for number, kinds in mine.items():
        other = theirs.get(number)
        i = ids.get(number)
        if other is None or i is None:
            continue
        if (kinds and other and not kinds & other) or (not kinds and not other and _small(number)):
            out += va.get(i, 0.0) * vb.get(i, 0.0)
    return out


def _small(number: str) -> bool:
    """Whether a number feature ("#2") is below ``SMALL_NUMBER``."""
    try:
        return float(number[1:]) < SMALL_NUMBER
    except ValueError:
        return False


def source_only(corpus: Corpus, a: int, b: int) -> float:
    """The part of the cosine of rows ``a`` and ``b`` that comes from features both
    hold only in their attribution (``source_features``): two facts from one
    spokesman share his name and title, not the fact. (A feature that is the
    source in one and the fact in the other still counts: discounting those too
    raised precision on the real golds but cost the seeds 0.03 recall.)"""
    if not corpus.sourced:
        return 0.0
    found = corpus.sourced[a] & corpus.sourced[b]
    if not found:
        return 0.0
    va, vb, ids = corpus.vectors[a], corpus.vectors[b], corpus.ids
    out = 0.0
    for feature in found:
        i = ids.get(feature)
        if i is not None:
            out += va.get(i, 0.0) * vb.get(i, 0.0)
    return out


def unsupported(corpus: Corpus, a: int, b: int) -> float:
    """What of the cosine of rows ``a`` and ``b`` is no evidence of a fact in common:
    ``unlike_numbers`` and ``source_only``."""
    return (unlike_numbers(corpus, a, b) if corpus.kinds else 0.0) + source_only(corpus, a, b)


def one_word(corpus: Corpus, a: int, b: int) -> bool:
    """Whether rows ``a`` and ``b`` share one word and no number or measured claim
    ("My thoughts are with the bereaved families" and "I thought I was dead"
    share "thought"): one word is not a fact in common, however rare."""
    words = {k for k, _ in corpus.phrases[a]} & {k for k, _ in corpus.phrases[b]}
    if len(words) != 1:
        return False
    va, vb = corpus.vectors[a], corpus.vectors[b]
    if len(va) > len(vb):
        va, vb = vb, va
    return not any(i in vb for i in va if i in corpus.figured)


def phrase_checked(corpus: Corpus, a: int, b: int, cosine: float) -> float:
    """A strong link's score: its cosine, or its ``phrase_score`` when that stays
    below ``PHRASE_MIN`` (the pair shares little but a phrase: the link turns weak
    and needs the backing of its context). Numbers shared by figures of different
    kinds (``unlike_numbers``) are taken out first: what is left must still reach
    ``LINK_MIN``, or the link turns weak; so does a link that rests on one shared
    word (``one_word``), and one that shares less than ``DISTINCT_MIN`` besides the
    background and the names and titles both write out (``phrase_parts``: "Syrian
    President Bashar Assad criticized Turkey" and "Putin and Erdogan had managed
    to coordinate ... even though Moscow backed Syrian President Bashar al-Assad"
    share the protagonists, not a fact)."""
    unlike = unsupported(corpus, a, b)
    if unlike and cosine - unlike < LINK_MIN:
        return round(cosine - unlike, ROUND)
    if corpus.phrases and one_word(corpus, a, b):
        return round(min(cosine, LINK_MIN - 0.1**ROUND), ROUND)
    found, distinct = phrase_parts(corpus, a, b, cosine)
    if found < PHRASE_MIN:
        return found
    if distinct < DISTINCT_MIN:
        return round(min(found, LINK_MIN - 0.1**ROUND), ROUND)
    return cosine


class Ranked(NamedTuple):
    """Mutual-best links, strongest first: the strong as row pairs, the weak as ``Link``."""

    strong: IntArray  # pairs of rows (n x 2), cosine >= LINK_MIN
    weak: list[Link]  # below: linked only with the backing of their context


def sorted_links(corpus: Corpus, parts: Sequence[Scored]) -> Ranked:
    """Links strongest first.

    Ties are broken by content rank of the two articles, then sentence index,
    so the order does not depend on the order the articles were given in.
    """
    import numpy as np

    scores = np.concatenate([p[0] for p in parts])
    a = np.concatenate([p[1] for p in parts])
    b = np.concatenate([p[2] for p in parts])
    # Checked once per pair of forms (reprints repeat them), on its first link.
    linked = np.flatnonzero(scores.astype(np.float64) >= LINK_MIN)
    form = np.asarray(corpus.form, dtype=np.int64)
    pairs = form[a[linked]] * (int(form.max(initial=0)) + 1) + form[b[linked]]
    _, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
    checked = [
        phrase_checked(corpus, ra, rb, cosine)
        for ra, rb, cosine in zip(
            a[linked[first]].tolist(),
            b[linked[first]].tolist(),
            scores[linked[first]].astype(np.float64).tolist(),
            strict=True,
        )
    ]
    scores[linked] = np.asarray(checked, dtype=scores.dtype)[inverse.reshape(-1)]
    owner = np.asarray([r[0] for r in corpus.refs], dtype=np.int64)
    rank = np.asarray(corpus.rank, dtype=np.int64)[owner]
    sentence = np.asarray([r[1] for r in corpus.refs], dtype=np.int64)
    a_first = rank[a] < rank[b]
    lo, hi = np.where(a_first, a, b), np.where(a_first, b, a)
    keys = (rank[lo], sentence[lo], rank[hi], sentence[hi])
    order = np.lexsort((keys[3], keys[2], keys[1], keys[0], -scores))
    strong = int(np.count_nonzero(scores.astype(np.float64) >= LINK_MIN))  # they sort first
    columns = [c[order][strong:].tolist() for c in (-scores, *keys, lo, hi)]
    weak = [
        Link(neg, (k0, k1, k2, k3), ra, rb)
        for neg, k0, k1, k2, k3, ra, rb in zip(*columns, strict=True)
    ]
    return Ranked(np.stack([lo[order][:strong], hi[order][:strong]], axis=1), weak)


def sparse_dot(a: SparseVector, b: SparseVector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(f, 0.0) for f, w in a.items())


def sparse_add(a: SparseVector, b: SparseVector, sign: float = 1.0) -> SparseVector:
    out = dict(a)
    for f, w in b.items():
        out[f] = out.get(f, 0.0) + sign * w
    return out


def sparse_sum(vectors: Sequence[SparseVector]) -> SparseVector:
    out: SparseVector = {}
    for v in vectors:
        for f, w in v.items():
            out[f] = out.get(f, 0.0) + w
    return out
