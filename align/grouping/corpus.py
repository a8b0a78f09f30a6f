"""Features: each sentence as weighted match keys, and the corpus every later step reads."""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from ..figures import relate, same_thing, sentence_figures
from ..model import Article, Quantity, Sentence
from ..normalize import STOPWORDS, Token, VariantMap, stem, tokens, variant_map_of_texts, word_parts
from ..segment import quote_spans
from .speakers import attribution, speakers_of
from .thresholds import (
    BIGRAM_WEIGHT,
    CLAIM_WEIGHT,
    COMMON_PER_ARTICLE,
    COMPOUND_WEIGHT,
    DENSE_MAX,
    FAR_RATIO,
    IDF_FLOOR,
    NUMBER_WEIGHT,
    PART_WEIGHT,
)

# numpy is imported by the functions that use it, so a small input, scored by
# ``grouping.small`` in plain Python, never loads it (about 0.15 s of start-up).
# The array types of the whole package are named here.
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]
    IntArray = npt.NDArray[np.int64]
    Scored = tuple[FloatArray, IntArray, IntArray]  # similarities, rows, columns


Ref = tuple[int, int]  # (article, sentence index)
Step = Callable[[float], None]  # told how far grouping is (0..1); may raise to stop it


def silent(fraction: float) -> None:
    """Default ``Step``: says nothing."""


Bag = dict[str, float]  # feature -> weight
SparseVector = dict[int, float]  # feature id -> weight


class Postings(NamedTuple):
    """The weights of the distinctive (not background) features, sparse.

    By row: entries ``row_ptr[r]:row_ptr[r + 1]`` of ``entry_row``,
    ``entry_feature`` and ``entry_weight`` are row ``r``'s. By feature: entries
    ``feature_ptr[f]:feature_ptr[f + 1]`` of ``feature_rows`` and
    ``feature_weights`` are the rows holding ``f`` (an inverted index).
    """

    row_ptr: IntArray
    entry_row: IntArray
    entry_feature: IntArray
    entry_weight: FloatArray
    feature_ptr: IntArray
    feature_rows: IntArray
    feature_weights: FloatArray
    products: IntArray  # products[r]: pairs (entry, row holding its feature) of rows before r
    keys: IntArray  # feature * rows + row of each entry, by feature (sorted)


class Part(NamedTuple):
    """One part of the similarity: its most frequent features dense, the others sparse.

    Its rows are the corpus's forms (one per distinct sentence text).
    """

    dense: FloatArray  # rows x frequent features: unit weights
    postings: Postings


class Corpus(NamedTuple):
    """All sentences of the input as sparse unit vectors, plus what scoring needs.

    Sentences with the same text (reprints repeat them) share one *form* and
    are scored once. Cosine similarity between two forms is the
    ``background`` part (common features) plus the ``distinct`` part (all
    other features). In each part the most frequent features (at most
    ``DENSE_MAX``) are a dense matrix, the others go through an inverted
    index: only forms sharing a feature meet. Forms found in one article only
    are numbered together by article, so an article's own forms skip each
    other in one contiguous run. Together this is the exact cosine, at a cost
    that stays small when thousands of sentences are aligned. A small input
    (``grouping.small``) is scored from ``vectors`` and ``common`` alone: it has
    no parts or forms.
    """

    refs: tuple[Ref, ...]  # row -> (article, sentence index)
    rows: tuple[tuple[int, ...], ...]  # article -> its rows, in sentence order
    paragraphs: tuple[int, ...]  # row -> paragraph index
    vectors: tuple[SparseVector, ...]  # row -> shared feature id -> unit weight
    norms: tuple[float, ...]  # row -> L2 norm of the raw tf-idf vector (all features)
    background: Part | None  # common features (the story's background), by form
    distinct: Part | None  # all other shared features, by form
    form: tuple[int, ...]  # row -> its form (sentences of one text share one)
    exclusive: tuple[tuple[int, int], ...]  # article -> its own forms (first, last + 1)
    rank: tuple[int, ...]  # article -> content rank, for order-free tie-breaks
    claims: tuple[frozenset[str], ...]  # row -> claim keys (``claim_features``)
    quantities: tuple[tuple[Quantity, ...], ...]  # row -> its claims (``claims_of``)
    common: frozenset[int]  # the background features' ids
    speakers: dict[int, frozenset[str]]  # row -> who says it
    phrases: tuple[tuple[tuple[str, str], ...], ...]  # row -> ``phrase_keys``
    ids: dict[str, int]  # shared feature -> its id in ``vectors``
    kinds: tuple[dict[str, frozenset[str]], ...]  # row -> ``number_kinds``
    sourced: tuple[frozenset[str], ...]  # row -> ``source_features``
    figured: frozenset[int]  # ids of number and claim features ("#59", "=count ...")
    titled: tuple[frozenset[int], ...]  # row -> ``titled_keys``
    quoted: tuple[frozenset[int], ...] = ()  # row -> ``quoted_keys``

    def row(self, ref: Ref) -> int:
        return self.rows[ref[0]][ref[1]]


def phrase_keys(words: Sequence[Token], variants: VariantMap) -> tuple[tuple[str, str], ...]:
    """The sentence's words in order as (key, compound with the next word), for ``phrase_score``.

    The words ``sentence_features`` keys, compounds and bigrams are made of:
    numbers and stopwords left out.
    """
    spellings = [variants(t.norm) for t in words if not t.is_number and t.norm not in STOPWORDS]
    compounds = [stem(a + b) for a, b in pairwise(spellings)] + [""]
    return tuple(zip([stem(w) for w in spellings], compounds[: len(spellings)], strict=True))


# Words that attribute a quotation to someone ("..., Putin said", "he noted"): quoted words
# in a sentence without one may be a title or an epithet in scare quotes
SAYING = frozenset(
    {"said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed"}
    | {"warned", "warns", "declared", "insisted", "asked", "replied", "wrote", "tweeted"}
)


def quoted_keys(text: str, words: Sequence[Token]) -> frozenset[int]:
    """The places in ``phrase_keys`` of the words inside a quotation the sentence
    attributes to someone ("“We do not always agree with our Turkish partners ...,” he
    noted"), for ``phrase_parts``; a quotation's marks must open and close in it, any
    marks a page quotes with ("‘‘...’’", "‘...’", "«...»": ``segment.quote_spans``)."""
    spans = quote_spans(text, 0, len(text))  # in order, apart
    if not spans or not any(t.norm in SAYING for t in words):
        return frozenset()
    starts = [a for a, _ in spans]
    keyed = [t for t in words if not t.is_number and t.norm not in STOPWORDS]
    inside = ((k, bisect_right(starts, t.start) - 1, t.start) for k, t in enumerate(keyed))
    return frozenset(k for k, n, at in inside if n >= 0 and at < spans[n][1])


def titled_keys(words: Sequence[Token]) -> frozenset[int]:
    """The places in ``phrase_keys`` of the words written with a capital ("Syrian",
    "President", "al-Assad"), the sentence's first word left out (any word has one
    there): the words of names and titles, for ``phrase_parts``."""
    keyed = [t for t in words if not t.is_number and t.norm not in STOPWORDS]
    first = words[0] if words else None
    return frozenset(
        k for k, t in enumerate(keyed) if t is not first and any(c.isupper() for c in t.surface)
    )


def sentence_features(words: Sequence[Token], variants: VariantMap) -> Bag:
    """Weighted features of one sentence: words, numbers, hyphen parts, compounds, bigrams."""
    feats: Bag = defaultdict(float)
    keys: list[str] = []
    norms: list[str] = []
    for token in words:
        norm = token.norm
        if token.is_number:
            feats["#" + norm] += NUMBER_WEIGHT
            continue
        if norm in STOPWORDS:
            continue
        spelling = variants(norm)
        key = stem(spelling)
        feats[key] += 1.0
        keys.append(key)
        norms.append(spelling)
        for part in word_parts(token):
            feats[stem(variants(part))] += PART_WEIGHT
    for a, b in pairwise(norms):
        feats[stem(a + b)] += COMPOUND_WEIGHT
    for a, b in pairwise(keys):
        feats[a + " " + b] += BIGRAM_WEIGHT
    return feats


def number_kinds(figures: Sequence[Quantity], words: Sequence[Token]) -> dict[str, frozenset[str]]:
    """The sentence's number features ("#4000") -> the kinds of the figures that hold
    them ("count", "area", "date"...); none for a number in no figure ("S1/2/3").

    "4,000 households" and "4,000 hectares" share the feature "#4000", weighted as
    a distinctive word, though one counts and the other measures an area."""
    out: dict[str, set[str]] = defaultdict(set)
    ahead = sorted(figures, key=lambda q: q.start)  # read left to right with the words
    reached: list[Quantity] = []  # the figures starting at or before the word, not yet ended
    k = 0
    for token in words:
        if token.is_number:
            while k < len(ahead) and ahead[k].start <= token.start:
                reached.append(ahead[k])
                k += 1
            reached = [q for q in reached if q.end > token.start]
            kinds = out["#" + token.norm]
            kinds.update(q.kind for q in reached if token.end <= q.end)
    return {key: frozenset(kinds) for key, kinds in out.items()}


def inside_any(words: Sequence[Token], spans: Sequence[tuple[int, int]]) -> list[bool]:
    """For words in reading order: whether each lies wholly inside one of ``spans``.
    One pass over both (a word is inside when the furthest end of the spans that
    start at or before it reaches its end), not every word against every span."""
    by_start = sorted(spans)
    out = []
    k, furthest = 0, -1
    for t in words:
        while k < len(by_start) and by_start[k][0] <= t.start:
            furthest = max(furthest, by_start[k][1])
            k += 1
        out.append(t.end <= furthest)
    return out


def source_features(words: Sequence[Token], text: str, variants: VariantMap) -> frozenset[str]:
    """The features a sentence holds only in its attribution (``attribution``): who
    said it, not what happened."""
    spans = attribution(text)
    if not spans:
        return frozenset()
    held = inside_any(words, spans)
    inside = [t for t, i in zip(words, held, strict=True) if i]
    rest = [t for t, i in zip(words, held, strict=True) if not i]
    return frozenset(sentence_features(inside, variants)) - frozenset(
        sentence_features(rest, variants)
    )


def claims_of(figures: Sequence[Quantity]) -> tuple[Quantity, ...]:
    """A sentence's quantities that say what they measure (``claim_key`` not empty)."""
    return tuple(q for q in figures if claim_key(q))


def figure(q: Quantity) -> Quantity:
    """What a quantity states, wherever and however it is written (offsets and text blanked).

    ``figures.relate`` and ``figures.same_thing`` read only this, so equal figures relate alike.
    """
    return q._replace(start=0, end=0, text="")


def claim_features(figures: Sequence[Quantity]) -> tuple[str, ...]:
    """Keys naming what a sentence's quantities measure (see ``claim_key``)."""
    return tuple(sorted({claim_key(q) for q in claims_of(figures)}))


def far_apart(a: Quantity, b: Quantity) -> bool:
    """Two figures about the same thing whose values differ by ``FAR_RATIO`` or more.

    Outlets disagree on a toll by a few, or round a width differently; a
    figure three times another is a different fact ("1 million displaced" on
    the border vs "3 million" already in the country), and grouping them
    would show a false conflict.
    """
    if not same_thing(a, b) or relate(a, b) != "conflict":
        return False
    x, y = _nominal(a), _nominal(b)
    return min(x, y) > 0 and max(x, y) >= FAR_RATIO * min(x, y)


def _nominal(q: Quantity) -> float:
    """The value a quantity states: the middle of its interval, or its bound if open."""
    if math.isinf(q.high):
        return q.low
    return (q.low + q.high) / 2


def claim_key(q: Quantity) -> str:
    """What a quantity measures, as a feature; "" for claims too generic to link.

    Keyed like ``figures.same_thing`` compares (kind, unit, head noun), not by
    value, so "about 4 miles wide" meets "6 km ... north and south" and 59
    meets 58 soldiers. Generic claims give no key: weekdays and years (every
    report names the day), imprecise clock times ("midnight"), and counts
    with no noun. A duration with no noun ("a week") is keyed by its order of
    magnitude, so "a week" meets "seven days" but not "six hours".
    """
    head = q.counted.split()[-1] if q.counted else ""
    if q.kind == "date":
        return f"=date {q.low:g}" if q.unit == "day" else ""
    if q.kind == "time":
        return f"=time {q.low:g}" if q.low == q.high else ""
    if q.kind == "duration" and not head:
        middle = (q.low + q.high) / 2 if math.isfinite(q.high) else q.low
        return f"=duration ~{round(math.log2(max(middle, 1e-3)))}"
    if q.kind == "count" and not head:
        return ""
    return f"={q.kind} {q.unit} {head}"


def sentence_frequency(bags: Sequence[Bag], times: Sequence[int]) -> Counter[str]:
    """How many sentences hold each feature (``times``: how many sentences each bag stands for)."""
    df: Counter[str] = Counter()
    for bag, n in zip(bags, times, strict=True):
        for f in bag:
            df[f] += n
    return df


def shared_features(bags: Sequence[Bag], owners: Sequence[set[int]], df: Counter[str]) -> list[str]:
    """Features found in at least two articles, sorted (they alone link articles).

    ``owners``: the articles holding each bag; ``df``: each feature's sentences. A
    feature of one sentence (most compounds and bigrams) is in one article: only
    the others' first article is kept (not one entry per feature of the input).
    """
    first_owner: dict[str, int] = {}
    shared: set[str] = set()
    for bag, where in zip(bags, owners, strict=True):
        if len(where) > 1:
            shared.update(bag)
            continue
        owner = min(where)
        for f in bag:
            if df[f] < 2:
                continue
            seen = first_owner.setdefault(f, owner)
            if seen != owner:
                shared.add(f)
    return sorted(shared)


class Weighted(NamedTuple):
    """The weighing stage's output (see ``Corpus``)."""

    vectors: tuple[SparseVector, ...]  # by row
    norms: tuple[float, ...]  # by row
    background: Part | None  # by form (None without ``arrays``)
    distinct: Part | None  # by form
    common: frozenset[int]  # the background features' ids
    ids: dict[str, int]  # shared feature -> id


def weigh(
    bags: Sequence[Bag], owners: Sequence[int], form: Sequence[int], arrays: bool = True
) -> Weighted:
    """Unit tf-idf vectors over the shared features, split for fast exact scoring.

    ``bags``: each form's features; ``owners`` and ``form``: each row's article
    and form. A form is weighed once, however many rows print it.

    Features in more sentences than ``COMMON_PER_ARTICLE`` per article are the
    story's background (the leaders' names, the place, "ceasefire"): a fact's
    words turn up about once per article that reports it. Their part of the
    similarity is kept apart (``common``) because it alone is no evidence that
    two sentences report the same fact. Without ``arrays`` (a small input)
    the numpy parts are left out.
    """
    times, where = form_spread(len(bags), owners, form)
    df = sentence_frequency(bags, times)
    shared = shared_features(bags, where, df)
    ids = {f: i for i, f in enumerate(shared)}
    vectors, norms = unit_vectors(bags, df, len(form), ids)
    limit = max(2.0, COMMON_PER_ARTICLE * len(set(owners)))
    background = frozenset(i for i, f in enumerate(shared) if df[f] > limit)
    by_row = tuple(vectors[f] for f in form), tuple(norms[f] for f in form)
    if not arrays:
        return Weighted(*by_row, None, None, background, ids)
    in_background, distinct = split_parts(vectors, [df[f] for f in shared], limit)
    return Weighted(*by_row, in_background, distinct, background, ids)


def form_spread(
    count: int, owners: Sequence[int], form: Sequence[int]
) -> tuple[list[int], list[set[int]]]:
    """For each of ``count`` forms: how many rows print it, and the articles they are in."""
    times = [0] * count
    where: list[set[int]] = [set() for _ in range(count)]
    for row, f in enumerate(form):
        times[f] += 1
        where[f].add(owners[row])
    return times, where


def unit_vectors(
    bags: Sequence[Bag], df: Counter[str], n: int, ids: dict[str, int]
) -> tuple[list[SparseVector], list[float]]:
    """Each bag's tf-idf vector scaled to unit length, over the features in ``ids``
    (feature -> id), and the norm it was scaled by (0: an empty vector). ``df``:
    each feature's sentences, of ``n``; the idf is worked out where it is used (a
    dictionary of it, one float per feature of the input, took 60 MB at 25,000
    sentences)."""
    vectors, norms = [], []
    for bag in bags:
        weights = {f: tf * (IDF_FLOOR + math.log(n / df[f])) for f, tf in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        scale = 1.0 / norm if norm > 0 else 0.0
        vectors.append({ids[f]: w * scale for f, w in weights.items() if f in ids})
        norms.append(norm)
    return vectors, norms


def split_parts(
    vectors: Sequence[SparseVector], frequencies: Sequence[int], limit: float
) -> tuple[Part, Part]:
    """The vectors' background part (features in more than ``limit`` sentences) and
    distinct part; the ``DENSE_MAX`` most frequent background features are dense columns."""
    import numpy as np

    frequency = np.asarray(frequencies, dtype=np.int64)
    common = frequency > limit
    dense = np.zeros(len(frequencies), dtype=bool)
    dense[np.argsort(-frequency, kind="stable")[: min(DENSE_MAX, int(common.sum()))]] = True
    entries = Entries.of(vectors)
    return (
        Part(entries.columns(dense), entries.postings(common & ~dense)),
        Part(entries.columns(dense & ~common), entries.postings(~common)),
    )


class Entries(NamedTuple):
    """Every (row, feature, weight) of the unit vectors, by row: arrays for the parts."""

    row: IntArray
    feature: IntArray
    weight: FloatArray
    rows: int

    @classmethod
    def of(cls, vectors: Sequence[SparseVector]) -> Entries:
        import numpy as np

        sizes = [len(v) for v in vectors]
        feature = np.fromiter((f for v in vectors for f in v), dtype=np.int64, count=sum(sizes))
        weight = np.fromiter(
            (w for v in vectors for w in v.values()), dtype=np.float32, count=sum(sizes)
        )
        row = np.repeat(np.arange(len(vectors), dtype=np.int64), sizes)
        return cls(row, feature, weight, len(vectors))

    def columns(self, wanted: npt.NDArray[np.bool_]) -> FloatArray:
        """A dense rows x wanted features matrix of their weights (features in id order)."""
        import numpy as np

        keep = wanted[self.feature] if self.feature.size else np.zeros(0, dtype=bool)
        position = np.cumsum(wanted) - 1
        out = np.zeros((self.rows, int(wanted.sum())), dtype=np.float32)
        out[self.row[keep], position[self.feature[keep]]] = self.weight[keep]
        return out

    def postings(self, wanted: npt.NDArray[np.bool_]) -> Postings:
        """The wanted features' weights, by row and by feature."""
        import numpy as np

        keep = wanted[self.feature] if self.feature.size else np.zeros(0, dtype=bool)
        entry_row, entry_feature = self.row[keep], self.feature[keep]
        entry_weight = self.weight[keep]
        by_feature = np.argsort(entry_feature, kind="stable")
        row_ptr = np.searchsorted(entry_row, np.arange(self.rows + 1))
        feature_ptr = np.searchsorted(entry_feature[by_feature], np.arange(wanted.size + 1))
        per_entry = np.diff(feature_ptr)[entry_feature]
        products = np.concatenate([[0], np.cumsum(per_entry)])[row_ptr]
        return Postings(
            row_ptr,
            entry_row,
            entry_feature,
            entry_weight,
            feature_ptr,
            entry_row[by_feature],
            entry_weight[by_feature],
            products,
            entry_feature[by_feature] * self.rows + entry_row[by_feature],
        )


def form_layout(
    texts: Sequence[int], owners: Sequence[int], articles: int
) -> tuple[list[int], list[int], tuple[tuple[int, int], ...]]:
    """Number the forms (``texts``: each row's text, numbered in order of first appearance).

    Forms found in one article only come first, article by article, then the
    forms several articles share. Returns row -> form, form -> its text, and
    article -> the range of its own forms.
    """
    found_in: dict[int, set[int]] = {}
    for row, text in enumerate(texts):
        found_in.setdefault(text, set()).add(owners[row])
    own = sorted((min(where), t) for t, where in found_in.items() if len(where) == 1)
    shared = sorted(t for t, where in found_in.items() if len(where) > 1)
    order = [t for _, t in own] + shared
    number = {t: k for k, t in enumerate(order)}
    counts = Counter(a for a, _ in own)
    bounds, start = [], 0
    for a in range(articles):
        bounds.append((start, start + counts[a]))
        start += counts[a]
    return [number[t] for t in texts], order, tuple(bounds)


class TextFeatures:
    """What ``build_corpus`` finds in each distinct sentence text, listed by the text's number."""

    def __init__(self) -> None:
        self.bags: list[Bag] = []
        self.keys: list[frozenset[str]] = []
        self.phrases: list[tuple[tuple[str, str], ...]] = []
        self.titled: list[frozenset[int]] = []  # its names' places in phrases
        self.quoted: list[frozenset[int]] = []  # its quotations' places in phrases
        self.found: list[tuple[Quantity, ...]] = []
        self.said: list[frozenset[str]] = []  # who its statement is by
        self.kinds: list[dict[str, frozenset[str]]] = []  # numbers' kinds
        self.sourced: list[frozenset[str]] = []  # its attribution's features

    def add(self, sentence: Sentence, words: Sequence[Token], variants: VariantMap) -> None:
        """Find the features and claims of one more text (``words``: its tokens)."""
        figures = sentence_figures(sentence)
        claims = claim_features(figures)
        bag = sentence_features(words, variants)
        for key in claims:
            bag[key] += CLAIM_WEIGHT
        self.bags.append(bag)
        self.keys.append(frozenset(claims))
        self.phrases.append(phrase_keys(words, variants))
        self.titled.append(titled_keys(words))
        self.quoted.append(quoted_keys(sentence.text, words))
        self.found.append(claims_of(figures))
        self.said.append(speakers_of(sentence.text, variants.names))
        self.kinds.append(number_kinds(figures, words))
        self.sourced.append(source_features(words, sentence.text, variants))


def build_corpus(articles: Sequence[Article], step: Step = silent, arrays: bool = True) -> Corpus:
    """Tokenise, weigh and normalise every sentence of the input (``step``: per article).

    Sentences with the same text (reprints repeat them) are one form: its
    features and claims are found once. Without ``arrays`` (a small input,
    see ``grouping.small``) the numpy parts and forms are left out.
    """
    refs, rows, texts, by_text = read_rows(articles, step)
    owners = [r[0] for r in refs]
    form, order, exclusive = form_layout(texts, owners, len(articles))
    weighted = weigh([by_text.bags[t] for t in order], owners, form, arrays)
    return Corpus(
        tuple(refs),
        tuple(rows),
        tuple(s.paragraph for a in articles for s in a.sentences),
        weighted.vectors,
        weighted.norms,
        weighted.background,
        weighted.distinct,
        tuple(form),
        exclusive,
        content_ranks(articles),
        tuple(by_text.keys[t] for t in texts),
        tuple(by_text.found[t] for t in texts),
        weighted.common,
        {row: by_text.said[t] for row, t in enumerate(texts) if by_text.said[t]},
        tuple(by_text.phrases[t] for t in texts),
        weighted.ids,
        tuple(by_text.kinds[t] for t in texts),
        tuple(by_text.sourced[t] for t in texts),
        frozenset(i for f, i in weighted.ids.items() if f[:1] in "#="),
        tuple(by_text.titled[t] for t in texts),
        tuple(by_text.quoted[t] for t in texts),
    )


def read_rows(
    articles: Sequence[Article], step: Step
) -> tuple[list[Ref], list[tuple[int, ...]], list[int], TextFeatures]:
    """Every sentence as a row: each row's reference, each article's rows, each row's
    text by number, and the features of each distinct text (found once)."""
    variants = variant_map_of_texts([[s.text for s in a.sentences] for a in articles])
    refs: list[Ref] = []
    rows: list[tuple[int, ...]] = []
    texts: list[int] = []  # row -> its text
    by_text = TextFeatures()
    seen: dict[str, int] = {}  # sentence text -> its number
    for a, article in enumerate(articles):
        step(a / len(articles))
        rows.append(tuple(range(len(refs), len(refs) + len(article.sentences))))
        for s in article.sentences:
            refs.append((a, s.index))
            t = seen.setdefault(s.text, len(by_text.bags))
            texts.append(t)
            if t == len(by_text.bags):  # tokens one text at a time: 25,000 at once held 70 MB
                by_text.add(s, tokens(s.text), variants)
    return refs, rows, texts, by_text


def content_ranks(articles: Sequence[Article]) -> tuple[int, ...]:
    """Each article's place when the articles are sorted by their sentences' texts (then
    input order): a tie-break that does not depend on the order they were given in."""
    texts = [[s.text for s in a.sentences] for a in articles]
    ranked = sorted(range(len(articles)), key=lambda a: (texts[a], a))
    rank = [0] * len(articles)
    for position, a in enumerate(ranked):
        rank[a] = position
    return tuple(rank)
