"""Grouping: which passages of N articles report the same fact.

Method
------
1. Features. Each sentence becomes a bag of match keys (``normalize``: folded,
   light-stemmed, spelling variants of names unified across the input) minus
   stopwords, plus its numbers (weighted double: a figure is distinctive), the
   parts of hyphenated words, adjacent words joined ("air strikes" meets
   "airstrikes"), adjacent key pairs (bigrams: "joint patrol") and what its
   figures measure (``claim_features``: "about 4 miles wide" and "6 km to the
   north and 6 km south" both measure a width, 59 and 58 both count
   soldiers), so a figure about the same thing links in other units and
   other words; weekdays, years, "midnight" and bare counts are left out.
2. Weights. TF-IDF with the IDF taken over the sentences of all articles, so
   what every outlet repeats (the two leaders, the province, "ceasefire")
   weighs little and rare words, names and figures weigh much. Cosine between
   L2-normalised vectors; only features found in at least two articles get a
   dimension (others cannot link articles, but still count in the norm).
3. Scoring. Sentences with the same text (reprints repeat them) share one
   *form*, scored once. Exact cosines of every form with every form, block by
   block (a few hundred forms at a time): the background features
   (``COMMON_PER_ARTICLE``, few) as a small dense matrix product, all others
   sparse: each form's features are looked up in an inverted index (feature
   -> forms), so only pairs sharing a feature cost anything, and the
   products are summed with ``numpy.bincount`` (no Python loop over pairs).
   Each form's best score in every article is then read off its row of
   scores (forms x sentences, not sentences x sentences: 100 articles of 50
   sentences drawn from one story hold about 300 forms), and every sentence
   takes its form's best matches. A form found in one article only is never
   scored against that article (its own forms are numbered in one run), so a
   single long article costs its sentences x the others', not its square.
4. Links. A pair from two articles is a link when each is the other's best
   match in that article (mutual best match, the main precision guard), the
   cosine reaches ``LINK_MIN``, and part of it (``DISTINCT_MIN``) comes from
   features that are not the story's background (see ``COMMON_PER_ARTICLE``).
   A shared phrase (words in the same order in both) counts as its heaviest
   word when a link is checked (``phrase_score``): a pair that shares little
   but an epithet or a title ("the last rebel stronghold in Syria") falls
   below ``PHRASE_MIN`` and is only a weak link.
5. Clusters. Links merge strongest first (union-find) under four
   constraints: a group never holds two passages of one article; the average
   cosine between the two clusters must reach ``AVERAGE_MIN`` (no chains
   A~B~C where A and C share nothing); no two members may state figures
   about the same thing that differ by ``FAR_RATIO`` or more (two facts, not
   a discrepancy); and no two may be statements attributed to different
   people (``speakers_of``: "Erdogan told reporters ... that" is not "Putin
   said ... that", whatever words they share). A number shared by figures of
   different kinds ("4,000 households", "4,000 hectares"), or a small one in
   no figure ("B1/2/3"), is taken out of a link's and a vote's score
   (``unlike_numbers``), and so is what both sentences hold only in their
   attribution (``source_only``: "..., said Cpl. Justin Dunn of the highway
   patrol" in two facts from one spokesman); a link that rests on one shared
   word turns weak (``one_word``). Then the sentences whose best match sits
   in a group that already holds a sentence of their own article (a
   headline, a summary line) look again without it (``freed``): mutual best
   among the free sentences links, and the next best is their vote. Then
   weaker evidence: when a sentence's best matches in ``SUPPORT`` other articles (each at least
   ``SUPPORT_MIN``) sit in one cluster, agreement between articles stands in
   for strength and the clusters merge under the same constraints. Last, context: a weak mutual
   best pair (``CONTEXT_LINK_MIN``) links when the sentences next to both are
   aligned to each other (already grouped, or themselves a weak mutual pair;
   parallel or crossed; read with the paragraphs in the order given and in the
   reverse order, the better of the two, so the order of an outlet's paragraphs
   does not decide), each aligned neighbour pair adding
   ``CONTEXT_WEIGHT`` to its similarity (reports tell a story in roughly the
   same order, as sentence aligners of translations exploit).
6. Split sentences. One outlet may say in two or three adjacent sentences what
   another says in one. A sentence left alone joins the neighbouring sentence's
   member (at most three sentences) when it resembles the rest of the group
   by itself (``ABSORB_MIN``) and the joined passage matches the group about
   as well as before (``ABSORB_SLACK``). It must sit in the same paragraph,
   unless it measures something another member measures too (a shared claim
   key): outlets that give each sentence its own paragraph split a fact over
   paragraphs, and the figure is what ties the continuation to the passage.
7. Scores. ``Member.score`` is the cosine between the member's passage vector
   and the sum of the other members' vectors (1.0 for a group of one).

Thresholds were tuned on the hand-made gold alignments in ``tests/gold``
(``python tests/bench/gold_eval.py --all``): the seeds and two invented sets
on other topics; the values and the reasons are noted next to each constant.

Reading order
-------------
Groups with several members are ordered by the consensus story position: the
median over members of the relative position (sentence index + 0.5) / article
length of the member's first sentence; ties by the first member's article and
sentence index. A group of one follows the group holding the nearest earlier
sentence of its own article (so an outlet's unique sentences stay next to
their context), after any earlier such groups, by article then sentence index;
a unique sentence with no matched sentence before it comes first.

Determinism: every tie is broken by content (a fingerprint of each article's
sentences), never by hash order, and similarities are rounded before they are
compared, so the same input always gives the same groups and reordering the
input articles gives the same groups up to relabelling.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from statistics import median
from typing import TYPE_CHECKING, Any, NamedTuple

from .figures import relate, same_thing, sentence_figures
from .model import Article, Member, Quantity
from .normalize import (
    STOPWORDS,
    Token,
    VariantMap,
    normalise_word,
    stem,
    tokens,
    variant_map_of_texts,
    word_parts,
)

# numpy is imported by the functions that use it, so a small input, scored by
# ``align.small`` in plain Python, never loads it (about 0.15 s of start-up).
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    FloatArray = npt.NDArray[np.float32]
    IntArray = npt.NDArray[np.int64]

# Cosine a mutual-best pair needs to become a link. Seed-gold F1 by value:
# 0.08: 0.67, 0.10: 0.67, 0.12: 0.69, 0.15: 0.68, 0.18: 0.66, 0.22: 0.65,
# 0.30: 0.56 (the invented sets start losing pairs above 0.12). Lower admits
# background sentences sharing only common words; higher loses paraphrases,
# which share only one or two distinctive keys in long sentences.
LINK_MIN = 0.12
# A link needs this much similarity from features that are not common (found
# in more sentences than COMMON_PER_ARTICLE per article: a fact's words turn
# up about once per article). Sharing only the protagonists' names and the
# place is not a fact in common. Neutral on the golds, a guard for small inputs.
COMMON_PER_ARTICLE = 1.5
DISTINCT_MIN = 0.03
# Best-match votes: a sentence whose best matches (each >= SUPPORT_MIN) in
# SUPPORT other articles sit in one cluster joins it. 0.08 is the lowest value
# that adds no false pair on the invented golds (0.06 adds one; 0.10 loses
# seed recall 0.61 -> 0.54).
SUPPORT_MIN = 0.08
SUPPORT = 2
# Context pass: a weak mutual-best pair (cosine >= CONTEXT_LINK_MIN, which is
# AVERAGE_MIN: a lower pair could not merge anyway) links when CONTEXT_WEIGHT
# per aligned pair of neighbours lifts it to LINK_MIN; a neighbour pair that
# is itself a weak mutual pair counts WEAK_CONTEXT. Seed F1 by weight (with
# WEAK_CONTEXT 1.0): 0 -> 0.719, 0.04 -> 0.718, 0.05/0.06 -> 0.726 (+claim
# continuations 0.735); WEAK_CONTEXT 0 or 0.5 -> 0.716. Invented sets unchanged.
CONTEXT_LINK_MIN = 0.05
CONTEXT_WEIGHT = 0.05
WEAK_CONTEXT = 1.0
# A link needs this much similarity when each phrase the two sentences share
# (two or more words in the same order) counts as its heaviest word
# (``phrase_score``): "the last rebel stronghold in Syria" or "Cpl. Justin
# Dunn of the Missouri State Highway Patrol" in both is not a fact in common.
# Below it a link turns weak (its context may still back it). F1 (P) by value,
# seeds / reversed: off 0.845 (0.896) / 0.797 (0.914); 0.04 and 0.045 0.878
# (0.953) / 0.809 (0.946); 0.06 0.884 / 0.815 but the reversed ferry loses a
# pair; 0.07 0.826. Nepal P 0.771 -> 0.833 at 0.045; at 0.05 Kanpur's P falls.
PHRASE_MIN = 0.045
# Average cosine two clusters need to be merged (anti-chaining guard).
AVERAGE_MIN = 0.05
# A neighbouring single sentence must resemble the group this much by itself
# (0.10-0.15 equal on the seeds; 0.15+ misses a split sentence in the ferry set).
ABSORB_MIN = 0.10
# ... and the joined passage may match the group at most this much worse
# (a longer passage has a larger norm, so a true continuation dips a little).
ABSORB_SLACK = 0.1
# Feature weights relative to a word: figures are distinctive, bigrams confirm.
NUMBER_WEIGHT = 2.0
BIGRAM_WEIGHT = 0.5
PART_WEIGHT = 0.5
# Two adjacent words written as one elsewhere ("air strikes" / "airstrikes").
COMPOUND_WEIGHT = 1.0
# A measured claim (figures.extract) becomes a feature naming what it
# measures ("length of a width", "count of soldiers"): two outlets that state
# a figure about the same thing share it even in other units or other words.
# Seed F1 by weight: 0 -> 0.688, 0.5 -> 0.688, 1.0 -> 0.719, 1.5 -> 0.712,
# 2.0 -> 0.700 (wildfire 0.92), 3.0 -> 0.671 (ferry and wildfire lose pairs).
CLAIM_WEIGHT = 1.0
# Two clusters never merge when their members state figures about the same
# thing (figures.relate: conflict) whose nominal values differ by this factor
# or more: that is two facts, and grouping them shows a false conflict. Real
# discrepancies are closer (59 vs 58 soldiers; a corridor "4 miles wide" vs
# 6 km either side, 1.9x). Seed F1: off 0.735, 2.0-3.0 0.746, 4.0 0.735.
FAR_RATIO = 2.5
# Who a statement is attributed to, when the sentence gives it as a statement:
# reported speech ("Putin said Thursday that ...", "Erdogan told reporters ...
# that ...") or a quotation's attribution ('"...," Erdogan said', '"...," said
# Fire Chief Lena Marković': the last word). Two clusters whose statements are
# attributed to different people never merge: "Erdogan told reporters ... that
# the Syrian regime is the main reason for civilian suffering" is not "Putin said
# ... that the agreement will end civilian suffering", however many words they
# share. Only names count (``VariantMap.names``: "Survivors said" names no one), and a
# fact reported with its source ("Seven cars derailed, said Cpl. Justin Dunn")
# is not a statement: outlets cite different sources for one fact.
_VERBS = ("said", "says", "told", "added", "warned")
_NAME = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][\w’'-]+")  # "Putin", "al-Assad"
_THAT = re.compile(r"[^.;\"“”]{0,80}?\bthat\b")  # "... that": reported speech
_AFTER = re.compile(r"\s+(?:[A-Z][\w’'-]*\.?\s+)*((?:[a-z]{1,3}-)?[A-Z][\w’'-]+)")
_QUOTES = '"”’'
# Attribution (``attribution``): verbs of saying, how far a trailing one may reach
# and how far into the sentence a leading one may stand.
_SAYING = re.compile(r"\b(?:said|says|told|added|confirmed|reported|tweeted|wrote|stated)\b")
_ACCORDING = re.compile(r"\baccording to\b[^,;]*")
_THAT_AFTER = re.compile(r"(?:\s+[\w.'’-]+){0,6}?\s+that\b")
_TAIL_WORDS = 4
_CLAUSE = re.compile(
    r"\b(?:that|is|are|was|were|will|would|has|have|had|could|can|though|but|while)\b"
)
_LEAD_WORDS = 16
_LEAD_SHORT = 4
_REACH = 120  # characters before a verb read for its speaker
BLOCK_ROWS = 512  # forms (distinct sentence texts) scored per block ...
BLOCK_CELLS = 2_000_000  # ... and at most this many similarities (forms x sentences) at once
# Most features of a part of the similarity scored as a dense matrix (the
# most frequent; see ``Part``): bounds its memory to this many floats a row.
DENSE_MAX = 256
# Most (sentence, sentence, feature) products expanded at once: bounds the
# memory of scoring (about 40 bytes each).
EXPAND_BUDGET = 250_000
MAX_PASSAGE = 3
# A small number in no figure on either side ("S1 and S2", "B1/2/3", "one of
# the") is no evidence of a fact in common (``unlike_numbers``).
SMALL_NUMBER = 10
IDF_FLOOR = 1.0  # added to log(n / df), so a feature in every sentence still counts
ROUND = 5  # decimals kept of a similarity before comparing

Ref = tuple[int, int]  # (article, sentence index)
Step = Callable[[float], None]  # told how far grouping is (0..1); may raise to stop it


def _silent(fraction: float) -> None:
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


@dataclass(frozen=True, slots=True)
class Corpus:
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
    (``align.small``) is scored from ``vectors`` and ``common`` alone: it has
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
    claims: tuple[frozenset[str], ...] = ()  # row -> claim keys (``claim_features``)
    quantities: tuple[tuple[Quantity, ...], ...] = ()  # row -> its claims (``claims_of``)
    common: frozenset[int] = frozenset()  # the background features' ids
    speakers: dict[int, frozenset[str]] = field(default_factory=dict)  # row -> who says it
    phrases: tuple[tuple[tuple[str, str], ...], ...] = ()  # row -> ``phrase_keys``
    ids: dict[str, int] = field(default_factory=dict)  # shared feature -> its id in ``vectors``
    kinds: tuple[dict[str, frozenset[str]], ...] = ()  # row -> ``number_kinds``
    sourced: tuple[frozenset[str], ...] = ()  # row -> ``source_features``
    figured: frozenset[int] = frozenset()  # ids of number and claim features ("#59", "=count ...")

    def row(self, ref: Ref) -> int:
        return self.rows[ref[0]][ref[1]]


# ---------------------------------------------------------------- features


def phrase_keys(words: Sequence[Token], variants: VariantMap) -> tuple[tuple[str, str], ...]:
    """The sentence's words in order as (key, compound with the next word), for ``phrase_score``.

    The words ``sentence_features`` keys, compounds and bigrams are made of:
    numbers and stopwords left out.
    """
    spellings = [variants(t.norm) for t in words if not t.is_number and t.norm not in STOPWORDS]
    compounds = [stem(a + b) for a, b in pairwise(spellings)] + [""]
    return tuple(zip([stem(w) for w in spellings], compounds[: len(spellings)], strict=True))


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
    for token in words:
        if token.is_number:
            kinds = out["#" + token.norm]
            for q in figures:
                if q.start <= token.start and token.end <= q.end:
                    kinds.add(q.kind)
    return {key: frozenset(kinds) for key, kinds in out.items()}


def attribution(text: str) -> list[tuple[int, int]]:
    """Spans of the sentence that say where its facts come from, not what they are.

    * A trailing attribution: a verb of saying after a comma, followed by a name
      or the end of the sentence ("..., said Cpl. Justin Dunn, public information
      officer with the Missouri State Highway Patrol", "..., the patrol said."):
      from that comma to the end.
    * A leading one: a verb of saying after a few words or a name (``_leads``),
      followed by what was said ("Highway patrol officials said investigators ...", "Corporal
      Justin Dunn, a spokesman for the Missouri State Highway Patrol, told
      reporters on the scene that ..."): from the start to the verb (to "that").
    * "according to ...": to the end of its clause.
    """
    out: list[tuple[int, int]] = []
    for m in _ACCORDING.finditer(text):
        out.append((m.start(), m.end()))
    for m in _SAYING.finditer(text):
        after = text[m.end() :].lstrip(" \u201d\"'")
        comma = text.rfind(",", 0, m.start())
        if comma >= 0 and len(text[:comma].split()) < 2:
            comma = -1  # "Elsewhere, Erdogan said ...": an opening word, not a fact
        quoted = comma >= 0 and text[comma + 1 : comma + 2] in _QUOTES + "\u201d"
        reach = _TAIL_WORDS * (2 if quoted else 1)  # '"...," X told the Y News Agency.'
        short = len(after.split()) <= reach and not _CLAUSE.search(after)
        if comma >= 0 and after[:1] in ",;":  # '"...," Erdogan said, though he added'
            out.append((comma, m.end()))
        elif comma >= 0 and (not after.strip(" .") or short or after[:1].isupper()):
            more = _CLAUSE.search(text, m.end()) if after[:1].isupper() else None
            out.append((comma, more.start() if more else len(text)))
        elif _leads(text[: m.start()].split()):
            that = _THAT_AFTER.match(text, m.end())
            out.append((0, that.end() if that else m.end()))
    return out


def _leads(words: Sequence[str]) -> bool:
    """Whether the words before a verb of saying read as who says it: a few words
    ("Police officials"), or a name or title among the first ``_LEAD_WORDS``
    ("Corporal Justin Dunn, a spokesman for the ... Patrol")."""
    if any(_SAYING.fullmatch(w.strip(",")) or any(q in w for q in '"“”') for w in words):
        return False  # a quotation or another verb of saying: what was said, not who
    if len(words) <= _LEAD_SHORT:
        return True
    return len(words) <= _LEAD_WORDS and any(w[:1].isupper() for w in words[1:])


def source_features(words: Sequence[Token], text: str, variants: VariantMap) -> frozenset[str]:
    """The features a sentence holds only in its attribution (``attribution``): who
    said it, not what happened."""
    spans = attribution(text)
    if not spans:
        return frozenset()
    inside = [t for t in words if any(a <= t.start and t.end <= b for a, b in spans)]
    rest = [t for t in words if not any(a <= t.start and t.end <= b for a, b in spans)]
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
    return replace(q, start=0, end=0, text="")


def claim_features(figures: Sequence[Quantity]) -> tuple[str, ...]:
    """Keys naming what a sentence's quantities measure (see ``claim_key``)."""
    return tuple(sorted({claim_key(q) for q in claims_of(figures)}))


def speakers_of(text: str, names: Container[str]) -> frozenset[str]:
    """The normalised names a sentence attributes a statement to, of those in
    ``names``: each verb of saying (``_VERBS``, as a whole word) is read with the
    words around it."""
    found = []
    for verb in _VERBS:
        start = text.find(verb)
        while start >= 0:
            end = start + len(verb)
            if _whole_word(text, start, end):
                found += _speaker_at(text, start, end)
            start = text.find(verb, end)
    return frozenset(n for n in map(normalise_word, found) if n in names)


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _speaker_at(text: str, start: int, end: int) -> list[str]:
    """The name a verb of saying at ``text[start:end]`` attributes its statement to, if
    any: "Putin said ... that", '"...," Erdogan said', '"...," fire chief Lena
    Markovic said' (at most four words after the quotation), '"...," said Fire
    Chief Lena Marković' (the last of the capitalised words after the verb)."""
    before = text[max(0, start - _REACH) : start]
    words = before.split()
    if words and words[-1] in ("has", "had"):
        words.pop()
    name = words[-1] if words and _NAME.fullmatch(words[-1]) else None
    if name and _THAT.match(text, end):
        return [name]
    quote = max(before.rfind(q) for q in _QUOTES)
    closing = quote >= 0 and before[quote + 1 : quote + 2].isspace()  # not "Turkey’s"
    if closing and name and len(before[quote + 1 :].split()) <= 5:
        return [name]
    if before.rstrip().rstrip(",").rstrip()[-1:] in tuple(_QUOTES):
        after = _AFTER.match(text, end)
        return [after.group(1)] if after else []
    return []


def other_speakers(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether both sides name speakers and none of one is one of the other's
    ("alassad" and "assad" are one; "erdogan" and "putin" are two)."""
    if not x or not y:
        return False
    return not any(a.endswith(b) or b.endswith(a) for a in x for b in y)


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


def shared_features(bags: Sequence[Bag], owners: Sequence[set[int]]) -> list[str]:
    """Features found in at least two articles, sorted (they alone link articles).

    ``owners``: the articles holding each bag.
    """
    first_owner: dict[str, int] = {}
    shared: set[str] = set()
    for bag, where in zip(bags, owners, strict=True):
        if len(where) > 1:
            shared.update(bag)
            continue
        owner = min(where)
        for f in bag:
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
    times = [0] * len(bags)
    where: list[set[int]] = [set() for _ in bags]
    for row, f in enumerate(form):
        times[f] += 1
        where[f].add(owners[row])
    df = sentence_frequency(bags, times)
    n = len(form)
    idf = {f: IDF_FLOOR + math.log(n / d) for f, d in df.items()}
    shared = shared_features(bags, where)
    ids = {f: i for i, f in enumerate(shared)}
    vectors, norms = [], []
    for bag in bags:
        weights = {f: tf * idf[f] for f, tf in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values()))
        scale = 1.0 / norm if norm > 0 else 0.0
        vectors.append({ids[f]: w * scale for f, w in weights.items() if f in ids})
        norms.append(norm)
    limit = max(2.0, COMMON_PER_ARTICLE * len(set(owners)))
    background = frozenset(i for i, f in enumerate(shared) if df[f] > limit)
    by_row = tuple(vectors[f] for f in form), tuple(norms[f] for f in form)
    if not arrays:
        return Weighted(*by_row, None, None, background, ids)
    import numpy as np

    frequency = np.asarray([df[f] for f in shared], dtype=np.int64)
    common = frequency > limit
    dense = np.zeros(len(shared), dtype=bool)
    dense[np.argsort(-frequency, kind="stable")[: min(DENSE_MAX, int(common.sum()))]] = True
    entries = Entries.of(vectors)
    return Weighted(
        *by_row,
        Part(entries.columns(dense), entries.postings(common & ~dense)),
        Part(entries.columns(dense & ~common), entries.postings(~common)),
        background,
        ids,
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


def fingerprint(article: Article) -> str:
    """A content hash of an article's sentences (order-free tie-breaking)."""
    digest = hashlib.sha1()
    for s in article.sentences:
        digest.update(s.text.encode("utf-8", "surrogatepass") + b"\x00")
    return digest.hexdigest()


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


def build_corpus(articles: Sequence[Article], step: Step = _silent, arrays: bool = True) -> Corpus:
    """Tokenise, weigh and normalise every sentence of the input (``step``: per article).

    Sentences with the same text (reprints repeat them) are one form: its
    features and claims are found once. Without ``arrays`` (a small input,
    see ``align.small``) the numpy parts and forms are left out.
    """
    words = [[tokens(s.text) for s in a.sentences] for a in articles]
    variants = variant_map_of_texts([[s.text for s in a.sentences] for a in articles])
    refs: list[Ref] = []
    rows: list[tuple[int, ...]] = []
    texts: list[int] = []  # row -> its text
    bags: list[Bag] = []  # by text
    keys: list[frozenset[str]] = []  # by text
    phrases: list[tuple[tuple[str, str], ...]] = []  # by text
    found: list[tuple[Quantity, ...]] = []  # by text
    said: list[frozenset[str]] = []  # by text: who its statement is attributed to
    kinds: list[dict[str, frozenset[str]]] = []  # by text: its numbers' kinds
    sourced: list[frozenset[str]] = []  # by text: features of its attribution only
    seen: dict[str, int] = {}  # sentence text -> its number
    for a, article in enumerate(articles):
        step(a / len(articles))
        rows.append(tuple(range(len(refs), len(refs) + len(article.sentences))))
        for s, ws in zip(article.sentences, words[a], strict=True):
            refs.append((a, s.index))
            t = seen.setdefault(s.text, len(bags))
            texts.append(t)
            if t < len(bags):
                continue
            figures = sentence_figures(s)
            claims = claim_features(figures)
            bag = sentence_features(ws, variants)
            for key in claims:
                bag[key] += CLAIM_WEIGHT
            bags.append(bag)
            keys.append(frozenset(claims))
            phrases.append(phrase_keys(ws, variants))
            found.append(claims_of(figures))
            said.append(speakers_of(s.text, variants.names))
            kinds.append(number_kinds(figures, ws))
            sourced.append(source_features(ws, s.text, variants))
    owners = [r[0] for r in refs]
    form, order, exclusive = form_layout(texts, owners, len(articles))
    weighted = weigh([bags[t] for t in order], owners, form, arrays)
    prints = [fingerprint(a) for a in articles]
    ranked = sorted(range(len(articles)), key=lambda a: (prints[a], a))
    rank = [0] * len(articles)
    for position, a in enumerate(ranked):
        rank[a] = position
    paragraphs = tuple(s.paragraph for a in articles for s in a.sentences)
    return Corpus(
        tuple(refs),
        tuple(rows),
        paragraphs,
        weighted.vectors,
        weighted.norms,
        weighted.background,
        weighted.distinct,
        tuple(form),
        exclusive,
        tuple(rank),
        tuple(keys[t] for t in texts),
        tuple(found[t] for t in texts),
        weighted.common,
        {row: said[t] for row, t in enumerate(texts) if said[t]},
        tuple(phrases[t] for t in texts),
        weighted.ids,
        tuple(kinds[t] for t in texts),
        tuple(sourced[t] for t in texts),
        frozenset(i for f, i in weighted.ids.items() if f[:1] in "#="),
    )


# ---------------------------------------------------------------- links


class Link(NamedTuple):
    """A candidate pair; sorts strongest first, ties by content rank (tuple order)."""

    neg_score: float
    key: tuple[int, int, int, int]
    a: int  # row
    b: int  # row


if TYPE_CHECKING:
    Scored = tuple[FloatArray, IntArray, IntArray]  # similarities, rows, columns


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


def candidate_links(corpus: Corpus, step: Step = _silent) -> tuple[Ranked, Scored]:
    """Mutual-best links (strongest first) and one-sided best links (arrays).

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
        return Ranked(np.zeros((0, 2), dtype=np.int64), []), (
            np.zeros(0, dtype=np.float32),
            empty,
            empty,
        )
    forms = Forms.of(corpus, owner)
    count = forms.ptr.size - 1
    runs: list[tuple[int, int, int | None]] = [  # each article's own forms, then the shared
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
    return sorted_links(corpus, [(scores[mutual], a[mutual], b[mutual])]), votes


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
    mine, theirs = corpus.phrases[a], corpus.phrases[b]
    if mine == theirs:
        return cosine
    at: dict[str, list[int]] = defaultdict(list)
    for j, (key, _) in enumerate(theirs):
        at[key].append(j)
    found: set[str] = set()  # features of the shared phrases
    heaviest = 0.0
    va, vb, ids = corpus.vectors[a], corpus.vectors[b], corpus.ids

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
            words = [k for k, _ in mine[i : i + n]]
            found.update(words)
            found.update(c for _, c in mine[i : i + n - 1])
            found.update(f"{x} {y}" for x, y in pairwise(words))
            heaviest += max(product(w) for w in words)
    if not found:
        return cosine
    return round(cosine - sum(product(f) for f in found) + heaviest, ROUND)


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
    word (``one_word``)."""
    unlike = unsupported(corpus, a, b)
    if unlike and cosine - unlike < LINK_MIN:
        return round(cosine - unlike, ROUND)
    if corpus.phrases and one_word(corpus, a, b):
        return round(min(cosine, LINK_MIN - 0.1**ROUND), ROUND)
    found = phrase_score(corpus, a, b, cosine)
    return found if found < PHRASE_MIN else cosine


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
    checked: dict[tuple[int, int], float] = {}  # by pair of forms: reprints repeat them
    for k in np.flatnonzero(scores.astype(np.float64) >= LINK_MIN).tolist():
        ra, rb = int(a[k]), int(b[k])
        pair = (corpus.form[ra], corpus.form[rb])
        if pair not in checked:
            checked[pair] = phrase_checked(corpus, ra, rb, float(scores[k]))
        scores[k] = checked[pair]
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


# ---------------------------------------------------------------- clusters


class Clusters:
    """Clusters of rows with per-cluster article sets and vector sums.

    ``root[row]`` is the row's cluster (its lowest row), kept as an array and
    relabelled on each merge, so whole batches of links inside one cluster
    are set aside at once (reprints give many). ``align.small`` keeps it in a
    list (``_labels``, ``_relabel``).
    """

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.root: Any = self._labels(len(corpus.refs))  # an int64 array (or a list)
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(corpus.refs))}
        self.articles: dict[int, set[int]] = {i: {r[0]} for i, r in enumerate(corpus.refs)}
        self.sums: dict[int, SparseVector] = {}
        self.figures: dict[int, set[Quantity]] = {
            i: {figure(q) for q in qs} for i, qs in enumerate(corpus.quantities)
        }
        self.speakers = dict(corpus.speakers)  # cluster root -> its speakers, if any

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
    corpus = clusters.corpus
    if corpus.kinds:  # a vote that rests on the same digits in unlike figures is no vote
        numbered = np.asarray([bool(k) for k in corpus.kinds], dtype=bool)
        both = np.flatnonzero(numbered[lo] & numbered[hi])
        form = np.asarray(corpus.form, dtype=np.int64)
        pairs = form[lo[both]] * (int(form.max()) + 1) + form[hi[both]]
        _, first_of, inverse = np.unique(pairs, return_index=True, return_inverse=True)
        unlike = np.asarray(  # once per pair of forms: reprints repeat them
            [unlike_numbers(corpus, int(lo[both[k]]), int(hi[both[k]])) for k in first_of.tolist()],
            dtype=np.float64,
        )[inverse]
        for k in both[np.flatnonzero(unlike)].tolist():
            scores[k] = round(float(scores[k]) - unlike[np.searchsorted(both, k)], ROUND)
        keep = scores >= SUPPORT_MIN
        lo, hi, scores = lo[keep], hi[keep], scores[keep]
        if scores.size == 0:
            return []
    rx, ry = np.minimum(roots[lo], roots[hi]), np.maximum(roots[lo], roots[hi])
    pair_id = rx * len(roots) + ry
    _, inverse, counts = np.unique(pair_id, return_inverse=True, return_counts=True)
    totals = np.bincount(inverse, weights=scores)
    chosen = np.flatnonzero(counts >= SUPPORT)
    if chosen.size == 0:
        return []
    _, first_of = np.unique(inverse, return_index=True)
    lo, hi = lo[first_of], hi[first_of]
    rank = [_ref_key(clusters.corpus, r) for r in range(len(roots))]
    order = sorted(
        chosen.tolist(),
        key=lambda k: (
            -round(float(totals[k]), ROUND),
            min(rank[lo[k]], rank[hi[k]]),
            max(rank[lo[k]], rank[hi[k]]),
        ),
    )
    return [Link(0.0, (0, 0, 0, 0), int(lo[k]), int(hi[k])) for k in order]


class Freed(NamedTuple):
    """What ``freed`` finds: links among free sentences and votes (cosine, row, row)."""

    links: list[Link]
    votes: list[tuple[float, int, int]]


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
      more) is its vote for the support pass, in place of the one it cannot join.

    ``best`` holds the free sentences' best matches (row, its best row in an
    article; ``SUPPORT_MIN`` or more, as votes): only a sentence whose best match
    there is held apart is read again, and only pairs that share a distinct (not
    background) feature are scored, so the work grows with those, never with all
    pairs of sentences. Links strongest first, ties by content (``Link``); votes
    in row order.
    """
    corpus = clusters.corpus
    owner = [a for a, _ in corpus.refs]
    roots = list(clusters.root.tolist() if hasattr(clusters.root, "tolist") else clusters.root)
    alone = [len(clusters.members[r]) == 1 for r in roots]
    if not any(alone):
        return Freed([], [])
    common, form = corpus.common, corpus.form
    holders: dict[int, set[int]] = defaultdict(set)  # distinct feature -> forms holding it
    placed: dict[tuple[int, int], list[int]] = defaultdict(list)  # (form, article) -> rows
    first: dict[int, int] = {}  # form -> a row of it
    for row, vector in enumerate(corpus.vectors):
        placed[(form[row], owner[row])].append(row)
        if form[row] not in first:
            first[form[row]] = row
            for f in vector:
                if f not in common:
                    holders[f].add(form[row])
    similar: dict[int, list[tuple[int, float]]] = {}  # form -> (form, cosine), distinct enough

    def scores_of(row: int, article: int) -> list[tuple[float, int]]:
        """(cosine, row) of the rows of ``article`` that share a distinct feature with
        ``row`` and hold ``DISTINCT_MIN`` of their similarity outside the background
        (scored once per pair of texts: reprints repeat them)."""
        mine = form[row]
        if mine not in similar:
            vector = corpus.vectors[row]
            found = []
            for other in sorted({g for f in vector if f not in common for g in holders[f]}):
                theirs = corpus.vectors[first[other]]
                total = round(sparse_dot(vector, theirs), ROUND)
                background = sum(w * theirs.get(f, 0.0) for f, w in vector.items() if f in common)
                if total - background >= DISTINCT_MIN:
                    found.append((other, total))
            similar[mine] = found
        return [(total, o) for g, total in similar[mine] for o in placed.get((g, article), ())]

    held: dict[int, dict[int, list[int]]] = {}  # cluster root -> article -> its rows there

    def held_apart(row: int, other: int) -> bool:
        """Whether ``other``'s group holds a sentence of ``row``'s article that is not
        next to ``row`` in its paragraph (next to it, ``row`` may be that sentence's
        second half, which absorbing neighbours decides)."""
        root = roots[other]
        if owner[row] not in clusters.articles[root]:
            return False
        if root not in held:
            held[root] = defaultdict(list)
            for r in clusters.members[root]:
                held[root][owner[r]].append(r)
        mine = held[root][owner[row]]
        para = corpus.paragraphs
        return bool(mine) and all(abs(r - row) > 1 or para[r] != para[row] for r in mine)

    def top_of(found: list[tuple[float, int]]) -> tuple[float, list[int]]:
        if not found:
            return 0.0, []
        top = max(c for c, _ in found)
        return top, [o for c, o in found if c == top]

    candidates = sorted(
        {
            (row, owner[other])
            for row, other in best
            if alone[row]
            and owner[row] in clusters.articles[roots[other]]
            and held_apart(row, other)
        }
    )
    links: set[Link] = set()
    votes: list[tuple[float, int, int]] = []
    for row, article in candidates:
        found = scores_of(row, article)
        top, _ = top_of(found)
        if not any(c == top and held_apart(row, o) for c, o in found):
            continue  # its best match could join it: the first pass judged that pair
        open_ = [(c, o) for c, o in found if not held_apart(row, o)]
        score, chosen = top_of(open_)
        if score >= SUPPORT_MIN:
            votes += [(score, row, o) for o in chosen]
        score, chosen = top_of([(c, o) for c, o in open_ if alone[o]])
        if score < LINK_MIN or any(c > score for c, _ in open_):
            continue  # a better match is free to join it in another way
        for other in chosen:
            back = [(c, o) for c, o in scores_of(other, owner[row]) if not held_apart(other, o)]
            if row not in top_of(back)[1] or any(c > score for c, o in back if not alone[o]):
                continue
            checked = phrase_checked(corpus, row, other, score)
            if checked >= LINK_MIN:
                lo, hi = sorted((row, other), key=lambda r: _ref_key(corpus, r))
                links.add(Link(-checked, (*_ref_key(corpus, lo), *_ref_key(corpus, hi)), lo, hi))
    return Freed(sorted(links), votes)


def cluster(corpus: Corpus, step: Step = _silent) -> list[list[int]]:
    """Clusters of rows (each a list of rows, at most one per article).

    Strong mutual-best links merge first; then best-match votes merge clusters
    they jointly support. ``step`` hears of scoring (to 0.8) and merging.
    """
    clusters = Clusters(corpus)
    mutual, votes = candidate_links(corpus, lambda f: step(0.8 * f))
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
    for link in context_links(clusters, mutual.weak):
        clusters.try_merge(link.a, link.b)
    return [sorted(rows) for rows in clusters.members.values()]


def context_links(clusters: Clusters, weak: Sequence[Link]) -> list[Link]:
    """Weak mutual-best links that the alignment of their neighbours backs.

    Reports tell a story in roughly the same order, so when the sentences
    around two weakly similar sentences are already grouped with each other
    (before/before, after/after, or crossed when an outlet swapped two
    sentences), the pair itself probably reports the same fact. Each aligned
    neighbour pair adds ``CONTEXT_WEIGHT`` to the similarity; the link is kept
    when the total reaches ``LINK_MIN``. Strongest first, as for the links.
    """
    scored = []
    paired = {(link.a, link.b) for link in weak} | {(link.b, link.a) for link in weak}
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


# ---------------------------------------------------------------- passages


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
    corpus: Corpus, groups: list[list[int]], step: Step = _silent
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

    def claims_of_passage(passage: list[int]) -> set[str]:
        return {key for r in passage for key in corpus.claims[r]}

    out: list[Passages] = []
    for done, group in enumerate(multi):
        step(done / len(multi))
        passages = [[row] for row in group]
        vectors = [vector_of(p) for p in passages]
        total = sparse_sum(vectors)
        square = sparse_dot(total, total)
        held = Counter(key for p in passages for key in claims_of_passage(p))  # by passages
        rests: dict[tuple[int, ...], tuple[Rest, float]] = {}  # texts -> the rest, cosine
        grew = False
        for k in range(len(passages)):
            own = claims_of_passage(passages[k])
            claims = frozenset(key for key, n in held.items() if n > (key in own))
            texts = texts_of(corpus, passages[k])
            if texts not in rests:
                others = Rest.of(total, vectors[k], square)
                rests[texts] = others, others.cosine(vectors[k])
            others, current = rests[texts]
            grown = grow(corpus, passages[k], others, free, claims, current)
            if grown != passages[k]:
                held.subtract(own)
                held.update(claims_of_passage(grown))
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
        out.append(Passages(passages, vectors, total, square))
    out.extend(
        Passages([[row]], [], {}, 0.0) for row in sorted(free, key=lambda r: _ref_key(corpus, r))
    )
    return out


def _ref_key(corpus: Corpus, row: int) -> tuple[int, int]:
    article, sentence = corpus.refs[row]
    return corpus.rank[article], sentence


def _group_key(corpus: Corpus, rows: Sequence[int]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted(_ref_key(corpus, r) for r in rows))


# ---------------------------------------------------------------- output


def to_members(corpus: Corpus, group: Passages) -> tuple[Member, ...]:
    """Members of one group, ordered by article, each scored against the others.

    A group of one scores 1.0 and needs no vectors (most groups are single).
    """
    passages = group.rows
    if len(passages) == 1:
        return (_member(corpus, passages[0], 1.0),)
    scores: dict[tuple[int, ...], float] = {}  # texts -> score: reprints score alike
    members = []
    for passage, vector in zip(passages, group.vectors, strict=True):
        texts = texts_of(corpus, passage)
        if texts not in scores:
            scores[texts] = Rest.of(group.total, vector, group.square).cosine(vector)
        members.append(_member(corpus, passage, scores[texts]))
    return tuple(sorted(members, key=lambda m: m.article))


def _member(corpus: Corpus, passage: Sequence[int], score: float) -> Member:
    """The member for a passage (rows of one article) with its score."""
    article = corpus.refs[passage[0]][0]
    sentences = tuple(sorted(corpus.refs[r][1] for r in passage))
    return Member(article, sentences, score)


def reading_order(
    articles: Sequence[Article], groups: Sequence[tuple[Member, ...]]
) -> list[tuple[Member, ...]]:
    """Groups in reading order (see the module docstring)."""
    where: dict[Ref, int] = {}
    for g, members in enumerate(groups):
        for m in members:
            for s in m.sentences:
                where[(m.article, s)] = g
    keys: dict[int, tuple[float, int, int, int, int, int]] = {}
    for g, members in enumerate(groups):
        if len(members) > 1:
            keys[g] = _consensus_key(articles, members)
    before = _shared_before(articles, where, keys)
    for g, members in enumerate(groups):
        if len(members) == 1:
            keys[g] = _single_key(members[0], before)
    return [groups[g] for g in sorted(keys, key=lambda g: keys[g])]


def _consensus_key(
    articles: Sequence[Article], members: Sequence[Member]
) -> tuple[float, int, int, int, int, int]:
    positions = [
        (m.sentences[0] + 0.5) / max(1, len(articles[m.article].sentences)) for m in members
    ]
    first = members[0]
    return round(median(positions), ROUND), first.article, first.sentences[0], 0, 0, 0


Anchor = tuple[float, int, int]


def _shared_before(
    articles: Sequence[Article],
    where: dict[Ref, int],
    keys: dict[int, tuple[float, int, int, int, int, int]],
) -> dict[Ref, Anchor | None]:
    """For each sentence, the order key of the nearest earlier sentence of its article
    that is in a shared group (``keys`` holds only shared groups' keys here).

    One pass per article, so reading order stays linear in the number of sentences.
    """
    out: dict[Ref, Anchor | None] = {}
    for a, article in enumerate(articles):
        last: Anchor | None = None
        for s in range(len(article.sentences)):
            out[(a, s)] = last
            key = keys.get(where.get((a, s), -1))
            if key is not None:
                last = (key[0], key[1], key[2])
    return out


def _single_key(
    member: Member, before: dict[Ref, Anchor | None]
) -> tuple[float, int, int, int, int, int]:
    """A one-outlet group goes right after the shared group that precedes it in its article."""
    first = member.sentences[0]
    anchor = before.get((member.article, first))
    if anchor is None:
        return -1.0, 0, 0, 1, member.article, first
    return anchor[0], anchor[1], anchor[2], 1, member.article, first


def group_sentences(articles: Sequence[Article], step: Step = _silent) -> list[tuple[Member, ...]]:
    """Passage groups over all articles, in reading order.

    Every sentence is in exactly one group; a group holds at most one passage
    (one to three adjacent sentences) per article. ``step`` is told how far
    the work is, many times a second on a large input (it may raise to stop).
    """
    from . import small  # scoring in plain Python: no numpy for a small input

    arrays = not small.is_small([len(a.sentences) for a in articles])
    corpus = build_corpus(articles, lambda f: step(0.2 * f), arrays)
    clusters = (cluster if arrays else small.cluster)(corpus, lambda f: step(0.2 + 0.6 * f))
    groups = absorb_neighbours(corpus, clusters, lambda f: step(0.8 + 0.2 * f))
    drafts = [to_members(corpus, group) for group in groups]
    return reading_order(articles, drafts)
