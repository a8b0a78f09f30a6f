"""Grouping: which passages of N articles report the same fact.

The package, in the order the work flows (``group_sentences`` below runs it):

* ``corpus``: each sentence's features and weights (steps 1 and 2 below), and
  ``speakers``: who a statement is attributed to, and what is only attribution;
* ``similarity``: scoring and the links it makes (steps 3 and 4);
* ``clusters``: links merged under the constraints, then votes and context (5);
* ``passages``: a sentence left alone joining its neighbour's member, and the
  members' scores (6 and 7);
* ``order``: members and the reading order of the groups;
* ``small``: steps 3 to 5 in plain Python for a small input (no numpy);
* ``thresholds``: every tuned value, with the measurement behind it.

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
   below ``PHRASE_MIN`` and is only a weak link; so is a pair that shares
   less than ``DISTINCT_MIN`` besides the background and the names and titles
   both write out in capitals ("Syrian President Bashar al-Assad"): the
   protagonists alone are not a fact in common.
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
   among the free sentences links (a better match that could not link, sharing
   only names or a catch-phrase, does not stand in the way), below ``LINK_MIN``
   it is a weak link for the context pass, and the next best is their vote. Then
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

Determinism: every tie is broken by content (each article's sentences, compared
as texts), never by hash order, and similarities are rounded before they are
compared, so the same input always gives the same groups and reordering the
input articles gives the same groups up to relabelling.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..model import Article, Member
from .clusters import cluster
from .corpus import Ref, Step, build_corpus, silent
from .order import reading_order, to_members
from .passages import absorb_neighbours


class Grouped(NamedTuple):
    """Passage groups in reading order, and the best matches between sentences that
    ended in different groups (cosine, sentence, its best match in another article)."""

    groups: list[tuple[Member, ...]]
    matches: list[tuple[float, Ref, Ref]]


def group_passages(articles: Sequence[Article], step: Step = silent) -> Grouped:
    """Passage groups over all articles, in reading order, with the best matches
    that cross groups.

    Every sentence is in exactly one group; a group holds at most one passage
    (one to three adjacent sentences) per article. ``step`` is told how far
    the work is, many times a second on a large input (it may raise to stop).
    """
    from . import small  # scoring in plain Python: no numpy for a small input

    arrays = not small.is_small([len(a.sentences) for a in articles])
    corpus = build_corpus(articles, lambda f: step(0.2 * f), arrays)
    clusters, matches = (cluster if arrays else small.cluster)(
        corpus, lambda f: step(0.2 + 0.6 * f)
    )
    groups = absorb_neighbours(corpus, clusters, lambda f: step(0.8 + 0.2 * f))
    drafts = [to_members(corpus, group) for group in groups]
    refs = corpus.refs
    return Grouped(reading_order(articles, drafts), [(c, refs[a], refs[b]) for c, a, b in matches])


def group_sentences(articles: Sequence[Article], step: Step = silent) -> list[tuple[Member, ...]]:
    """Passage groups over all articles, in reading order (``group_passages``)."""
    return group_passages(articles, step).groups
