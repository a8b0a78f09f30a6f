"""Compare: PLACEHOLDER (no divergences), being replaced by the real stage."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Article, Claim, Divergence, Member


def compare_group(
    articles: Sequence[Article], group_id: int, members: Sequence[Member]
) -> tuple[tuple[Divergence, ...], tuple[Claim, ...]]:
    return (), ()
