"""Compare: everything that differs inside one passage group.

Numbers (``claims``: values, units, hedges, dates and times as intervals) and
wording (``wording``: reworded words and reworded quotations) are compared by
their own stages; this module puts their findings together in one stable
order: by article, then by position, numbers before wording at one place.
"""

from __future__ import annotations

from collections.abc import Sequence

from .claims import number_divergences
from .model import Article, Claim, Divergence, Member
from .wording import wording_divergences

_KIND_ORDER = {"number": 0, "quote": 1, "wording": 2}


def _order(d: Divergence) -> tuple[int, int, int, int]:
    return d.article, d.start, _KIND_ORDER[d.kind], d.end


def compare_group(
    articles: Sequence[Article], group_id: int, members: Sequence[Member]
) -> tuple[tuple[Divergence, ...], tuple[Claim, ...]]:
    """Divergences (sorted) and numeric claims of one group."""
    numbers, claims = number_divergences(articles, group_id, members)
    wording = wording_divergences(articles, group_id, members)
    return tuple(sorted((*numbers, *wording), key=_order)), claims
