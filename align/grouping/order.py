"""Output: members with their scores, and the consensus reading order of the groups."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Article, Member
from .corpus import Corpus, Ref
from .passages import Passages, Rest, texts_of
from .thresholds import ROUND


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


def median(values: Sequence[float]) -> float:
    """The middle value, or the mean of the two middle ones (``statistics.median``,
    whose import, with ``decimal`` and ``fractions``, costs the export a few ms)."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


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
