"""Compare: everything that differs inside one passage group.

Numbers are compared across the whole story by ``ledger``; wording (reworded
words and reworded quotations) inside the group by ``wording``. This module
puts both together in one stable order: by article, then by position, numbers
before wording at one place.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .grouping.speakers import Office
from .model import Article, Divergence, Member
from .wording import wording_divergences

_KIND_ORDER = {"number": 0, "quote": 1, "wording": 2}


def _order(d: Divergence) -> tuple[int, int, int, int, int]:
    return d.article, d.sentence, d.start, _KIND_ORDER[d.kind], d.end


def compare_group(
    articles: Sequence[Article],
    group_id: int,
    members: Sequence[Member],
    numbers: Sequence[Divergence] = (),
    holders: Mapping[Office, str] | None = None,
) -> tuple[Divergence, ...]:
    """The group's divergences, sorted: its number divergences (from the ledger) and
    its wording (``holders``: ``wording.input_holders``, read once per input)."""
    wording = wording_divergences(articles, group_id, members, holders)
    return tuple(sorted((*numbers, *wording), key=_order))
