"""The reader's pure logic: navigation over filtered passages, marks, gaps, search."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tui_factory import sample

from align.model import Divergence, Sentence
from tui.passages import (
    SearchHit,
    filtered,
    gap_index,
    nearest,
    next_divergent,
    reach,
    search,
    sentence_marks,
    step,
    step_hit,
    summary,
)
from tui.safe import sanitize


def test_step_moves_within_ids_and_clamps() -> None:
    ids = (1, 4, 7)
    assert step(ids, 4, 1) == 7 and step(ids, 4, -1) == 1
    assert step(ids, 7, 1) == 7 and step(ids, 1, -1) == 1
    assert step(ids, 5, 1) == 7 and step(ids, 5, -1) == 4  # current filtered out
    assert step((), 3, 1) == 3
    assert nearest(ids, 5) == 7 and nearest(ids, 9) == 7 and nearest(ids, 4) == 4


@given(
    st.lists(st.integers(0, 50), min_size=1, unique=True), st.integers(0, 50), st.integers(-3, 3)
)
def test_step_always_lands_on_an_id(ids: list[int], current: int, delta: int) -> None:
    ordered = tuple(sorted(ids))
    assert step(ordered, current, delta) in ordered


def test_filters_and_divergent_navigation() -> None:
    a = sample()
    assert filtered(a.groups, "all") == (0, 1, 2, 3, 4)
    assert filtered(a.groups, "divergent") == (0, 1, 2, 3)
    assert filtered(a.groups, "numbers") == (1, 2)
    assert filtered(a.groups, "single") == (4,)
    ids = filtered(a.groups, "all")
    assert next_divergent(a.groups, ids, 3, True) is None
    assert next_divergent(a.groups, ids, 4, False) == 3
    assert summary(a.groups[1]) == "conflicting number ×2"
    assert summary(a.groups[4]) == "no divergences"


def test_marks_are_local_where_cleaning_removed_text() -> None:
    # raw "AB<x>CD 59 EF": cleaning dropped "<x>", so the text is "ABCD 59 EF"
    text = "ABCD 59 EF"
    origin = (0, 1, 5, 6, 7, 8, 9, 10, 11, 12)
    sentence = Sentence(0, text, 0, 13, 0, origin)
    d = Divergence("number", 0, 0, 5, 7, "59", "59 vs 58", "conflict")
    (mark,) = sentence_marks(sentence, 0, [d])
    assert text[mark.start : mark.end] == "59" and mark.kind == "conflict"
    assert sentence.raw_span(mark.start, mark.end) == (8, 10)  # "AB<x>CD 59 EF"[8:10]
    other_article = Divergence("number", 1, 0, 5, 7, "59", "x", "conflict")
    other_sentence = Divergence("number", 0, 1, 5, 7, "59", "x", "conflict")
    assert sentence_marks(sentence, 0, [other_article, other_sentence]) == ()


def test_gap_index_places_missing_passages_in_reading_order() -> None:
    a = sample()
    running = reach(a)
    assert running[2] == [0, 3, 3]  # Gamma: groups 0, 3, 2 in its own order
    assert gap_index(running[2], 1) == 1  # group 1 would sit after Gamma's first sentence
    assert gap_index(running[1], 4) == 3  # after Beta's last sentence
    assert gap_index(running[0], 3) == 3


def test_search() -> None:
    a = sample()
    hits = search(a, "  RESPOND ")
    assert [(h.article, h.sentence, h.group) for h in hits] == [(1, 2, 3), (2, 1, 3)]
    assert search(a, "   ") == []


def test_step_hit_goes_passage_by_passage_and_wraps() -> None:
    def hit(group: int) -> SearchHit:
        return SearchHit(article=0, sentence=group, group=group, start=0, end=1)

    hits = [hit(1), hit(1), hit(4), hit(7), hit(7), hit(9)]
    assert step_hit(hits, 0, 1) == (2, False)  # the other hit of passage 1 is passed over
    assert step_hit(hits, 2, 1) == (3, False)
    assert step_hit(hits, 3, 1) == (5, False)
    assert step_hit(hits, 5, 1) == (0, True)  # past the last: back to the first, said so
    assert step_hit(hits, 0, -1) == (5, True)
    assert step_hit(hits, 5, -1) == (4, False)  # the last hit of the passage before
    assert step_hit(hits, 4, -1) == (2, False)
    assert step_hit([hit(3), hit(3)], 1, 1) == (1, False)  # one passage: nowhere to go


def test_sanitize() -> None:
    assert sanitize("\x1b[2J") == "␛[2J"
