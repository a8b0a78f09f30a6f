"""Grouping: PLACEHOLDER (every sentence alone), being replaced by the real stage."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Article, Member


def group_sentences(articles: Sequence[Article]) -> list[tuple[Member, ...]]:
    return [
        (Member(a, (s.index,), 1.0),) for a, art in enumerate(articles) for s in art.sentences
    ]
