"""The ledger as the reader shows it: rows, cells, counterparts and the o key's trail,
picked from the engine's results without comparing anything."""

from __future__ import annotations

from tui_factory import crossed, sample

from align.model import Alignment
from tui.claims import (
    Trail,
    counterpart_passages,
    counterparts,
    first_passage,
    follow,
    in_cell,
    relation_between,
    set_against,
    short_outlet,
    trail_note,
    visible_rows,
)


def test_rows_and_the_conflict_filter() -> None:
    a = sample()
    assert [m.label for m in visible_rows(a, False)] == ["soldier killed", "corridor width"]
    assert [m.label for m in visible_rows(a, True)] == ["soldier killed"]
    assert visible_rows(Alignment((), ()), True) == ()


def test_cells_hold_each_outlets_figures_in_order() -> None:
    talks, toll = crossed().ledger
    assert [talks.claims[i].quantity.text for i in in_cell(talks, 0)] == [
        "nearly six hours",
        "350 minutes",
    ]
    assert in_cell(talks, 4) == ()  # Metro Post does not give the talks' duration
    assert first_passage(toll) == 1 and first_passage(talks) == 0


def test_set_against_lists_the_pairings_worst_first() -> None:
    toll = crossed().ledger[1]
    against = [(c.quantity.text, c.article, r) for c, r in set_against(toll, 0)]
    assert against == [
        ("38", 2, "conflict"),
        ("38", 4, "conflict"),
        ("40", 1, "precision"),
        ("41", 5, "precision"),
    ]
    lone = crossed().ledger[0]
    assert set_against(lone, 1) == ()  # "350 minutes" was paired with nothing


def test_relation_between_reads_the_ledger() -> None:
    a = crossed()
    a40, _, c38, _, f41 = a.ledger[1].claims
    assert relation_between(a, a40, c38) == "conflict"
    assert relation_between(a, c38, a40) == "conflict"
    assert relation_between(a, a40, f41) == "precision"
    assert relation_between(a, c38, f41) is None
    assert relation_between(a, a40, a.ledger[0].claims[0]) is None


def test_short_outlet_names() -> None:
    assert short_outlet("The Washington Post") == "Washington Post"
    assert short_outlet("The Moscow Times (AFP)") == "Moscow Times"
    assert short_outlet("Al Jazeera (machine-translated reprint)") == "Al Jazeera"
    assert short_outlet("Theatre Weekly") == "Theatre Weekly"
    assert short_outlet("(AFP)") == "(AFP)" and short_outlet("The") == "The"
    assert short_outlet("  the  Daily (x) Record  ") == "Daily Record"


def test_counterparts_in_other_passages() -> None:
    a = crossed()
    g0, g1, g2, g3 = a.groups
    assert counterpart_passages(g0) == ()  # the talks' conflict sits in one passage
    assert counterpart_passages(g1) == (2, 3)
    assert counterpart_passages(g2) == (1,) and counterpart_passages(g3) == (1,)
    texts = [(c.divergence.text, c.claim.quantity.text) for c in counterparts(g1)]
    assert texts[:3] == [("At least 40", "38"), ("At least 40", "38"), ("At least 40", "41")]
    assert len(counterparts(g0)) == 0 and len(counterparts(g0, elsewhere=False)) == 6


def test_o_cycles_through_the_other_passages_and_back() -> None:
    groups = crossed().groups
    trail = follow(groups[1], None)
    assert trail == Trail(1, (2, 3), 1) and trail.current == 2 and trail.ahead == 3
    assert trail_note(groups[2], trail) == "↔ o: passage 4"
    trail = follow(groups[2], trail)
    assert trail is not None and trail.current == 3
    assert trail_note(groups[3], trail) == "↔ o: back to 2"
    trail = follow(groups[3], trail)
    assert trail is not None and trail.current == 1 and trail.ahead == 2
    assert trail_note(groups[1], trail) == "↔ o: passages 3, 4"
    assert follow(groups[0], trail) is None  # moved away to a passage without counterparts
    fresh = follow(groups[2], Trail(1, (2, 3), 2))  # not where the trail led: start again
    assert fresh == Trail(2, (1,), 1)
    assert trail_note(groups[2], None) == "↔ o: passage 2"
    assert trail_note(groups[0], None) == ""
