"""The claims ledger as the reader shows it, computed without any widget.

The engine compares the figures once (``Alignment.ledger``, one ``Measured``
per measured quantity; number divergences name the claims they are set
against). This module only picks from those results: which rows a filter
keeps, which claims sit in one outlet's cell, how a figure is marked, which
other passages hold the counterparts of a passage's figures. Nothing here
compares two figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from align.model import Alignment, Claim, Divergence, Group, Measured, Relation

from .highlights import MarkKind

# A text mark before each figure, so the relation reads without colour.
MARKS: dict[Relation, str] = {"conflict": "!", "precision": "~", "same": ""}
MARK_KINDS: dict[Relation, MarkKind] = {"conflict": "conflict", "precision": "precision"}
RELATION_WORDS: dict[Relation, str] = {
    "conflict": "conflicts with",
    "precision": "differs in precision from",
    "same": "agrees with",
}
EMPTY = "·"  # a cell whose outlet gives no figure for the quantity

_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_ASIDE = re.compile(r"\s*\([^)]*\)")


def visible_rows(alignment: Alignment, conflicts_only: bool) -> tuple[Measured, ...]:
    """The ledger's rows in story order; with ``conflicts_only``, those holding a conflict."""
    if not conflicts_only:
        return alignment.ledger
    return tuple(m for m in alignment.ledger if m.worst == "conflict")


def in_cell(row: Measured, article: int) -> tuple[int, ...]:
    """Indices into ``row.claims`` of the figures ``article`` gives, in reading order."""
    return tuple(i for i, c in enumerate(row.claims) if c.article == article)


def set_against(row: Measured, index: int) -> tuple[tuple[Claim, Relation], ...]:
    """The other outlets' claims the engine paired with claim ``index``, worst first."""
    found = [(row.claims[j], relation) for j, relation in row.related(index)]
    order = {"conflict": 0, "precision": 1, "same": 2}
    return tuple(sorted(found, key=lambda cr: (order[cr[1]], cr[0].article)))


def first_passage(row: Measured) -> int:
    """The passage where the story first gives the quantity."""
    return min(c.group for c in row.claims)


def short_outlet(label: str) -> str:
    """An outlet's name for a narrow column head: no leading "The", no aside in brackets.

    "The Washington Post" -> "Washington Post"; "The Moscow Times (AFP)" ->
    "Moscow Times"; the label as given when nothing would be left.
    """
    short = _ASIDE.sub("", _ARTICLE.sub("", label.strip())).strip()
    return short or label.strip()


@dataclass(frozen=True, slots=True)
class Counterpart:
    """A claim of another passage that a figure of this passage is set against."""

    divergence: Divergence  # this passage's figure
    claim: Claim  # the other outlet's claim, in passage ``claim.group``


def counterparts(group: Group, elsewhere: bool = True) -> tuple[Counterpart, ...]:
    """The claims the number divergences of ``group`` are set against, in order:
    with ``elsewhere``, only those in other passages."""
    return tuple(
        Counterpart(d, claim)
        for d in group.divergences
        if d.kind == "number"
        for claim in d.against
        if not elsewhere or claim.group != group.id
    )


def relation_between(alignment: Alignment, a: Claim, b: Claim) -> Relation | None:
    """How the engine related two claims (the ledger's pairing), or None if it did not."""
    for row in alignment.ledger:
        if a in row.claims and b in row.claims:
            i, j = row.claims.index(a), row.claims.index(b)
            return next((relation for k, relation in row.related(i) if k == j), None)
    return None


def counterpart_passages(group: Group) -> tuple[int, ...]:
    """The other passages holding counterparts of ``group``'s figures, in reading order."""
    return tuple(sorted({c.claim.group for c in counterparts(group)}))


def next_in_cycle(origin: int, targets: tuple[int, ...], current: int) -> int:
    """The passage after ``current`` in the cycle origin -> targets... -> origin."""
    cycle = (origin, *targets)
    at = cycle.index(current) if current in cycle else 0
    return cycle[(at + 1) % len(cycle)]


@dataclass(frozen=True, slots=True)
class Trail:
    """Where the ``o`` key has led: from ``origin`` through the passages holding the
    counterparts of its figures, ``at`` places along the cycle (0: back at the origin)."""

    origin: int
    targets: tuple[int, ...]
    at: int = 1

    @property
    def current(self) -> int:
        return (self.origin, *self.targets)[self.at]

    @property
    def ahead(self) -> int:
        """Where the next ``o`` leads."""
        return (self.origin, *self.targets)[(self.at + 1) % (len(self.targets) + 1)]


def follow(group: Group, trail: Trail | None) -> Trail | None:
    """The trail after ``o`` in ``group``: the next passage of the cycle when ``group``
    is where the last ``o`` led, else a new trail to the first passage holding a
    counterpart (None when no figure here is set against another passage)."""
    if trail is not None and trail.current == group.id:
        return Trail(trail.origin, trail.targets, (trail.at + 1) % (len(trail.targets) + 1))
    targets = counterpart_passages(group)
    return Trail(group.id, targets) if targets else None


def trail_note(group: Group, trail: Trail | None, short: bool = False) -> str:
    """The status line's word on other passages: where ``o`` leads from here, if anywhere.

    "↔ o: passages 3, 4" where figures here are set against figures there;
    where ``o`` has led, the next stop: "↔ o: passage 4", "↔ o: back to 2".
    ``short`` (for a compact status line) leaves out the word "passage": "↔ o: 3, 4".
    """
    if trail is not None and trail.current == group.id and trail.at:
        if trail.ahead == trail.origin:
            return f"↔ o: back to {trail.origin + 1}"
        return f"↔ o: {'' if short else 'passage '}{trail.ahead + 1}"
    targets = counterpart_passages(group)
    if not targets:
        return ""
    names = ", ".join(str(t + 1) for t in targets[:3]) + (", …" if len(targets) > 3 else "")
    if short:
        return f"↔ o: {names}"
    return f"↔ o: passage{'s' if len(targets) > 1 else ''} {names}"
