"""What a new user stumbled on (issue 11): a status line that fits, keys that say why
they do nothing, states told apart without colour."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import (
    NARROW,
    SIZES,
    WIDE,
    make_app,
    reader,
    sentences,
    settle,
    shown,
    stacked_text,
    status,
    styled,
)
from textual.content import Content
from textual.widgets import Input, OptionList
from tui_factory import make_alignment, make_article, sample

from tui.passages import find, query_words
from tui.screens.reader import ReaderScreen
from tui.widgets.status_line import Status, status_content

LONG = Status(
    position=123,
    shown=456,
    filter_label="all passages",
    outlets=5,
    of_outlets=5,
    divergences="conflicting number ×2, different precision, reworded quotation",
    annotated=True,
    saved="2 note(s) in idlib-annotations.yaml",
    short_divergences="conflict ×2, precision, quote reworded",
    short_saved="2 notes",
)


def test_status_is_full_when_it_fits_and_compact_when_not() -> None:
    full = status_content(LONG, 200).plain
    assert full.startswith("Passage 123 of 456 · 5 of 5 outlets · conflicting number ×2")
    assert full.endswith("✎ annotated · 2 note(s) in idlib-annotations.yaml")
    compact = status_content(LONG, 78).plain
    assert len(compact) <= 78, compact
    assert compact == "Passage 123/456 · 5/5 outlets · ✎ · 2 notes · conflict ×2, +2 more (d)"
    assert status_content(LONG, 84).plain.endswith("conflict ×2, precision, quote reworded")


def test_a_compact_line_keeps_the_note_before_the_divergences() -> None:
    failing = Status(1, 9, "divergent only", 2, 5, "reworded", False, "not saved (disk full)",
                     True, 7, "reworded", "⚠ notes not saved")  # fmt: skip
    compact = status_content(failing, 80).plain
    assert compact == "Passage 7 · 1/9 divergent only · 2/5 outlets · ⚠ notes not saved · reworded"
    assert "⚠ notes not saved" in compact


def test_a_crowded_line_says_less_before_it_is_cut() -> None:
    crowded = Status(
        4, 88, "all passages", 4, 5, "different precision", False, "notes file unreadable",
        True, note="↔ o: passages 12, 13", short_divergences="precision",
        short_saved="⚠ notes unreadable", short_note="↔ o: 12, 13",
    )  # fmt: skip
    line = status_content(crowded, 78).plain
    assert line == "Passage 4/88 · 4/5 outlets · ↔ o: 12, 13 · ⚠ notes unreadable · precision"
    assert status_content(crowded, 200).plain.endswith(
        "different precision · notes file unreadable"
    )
    many = Status(
        4, 88, "all passages", 4, 5, "conflicting number, reworded quotation", False, "",
        note="↔ o: passages 12, 13", short_divergences="conflict, quote reworded",
        short_note="↔ o: 12, 13",
    )  # fmt: skip
    assert status_content(many, 66).plain.endswith("↔ o: 12, 13 · conflict, +1 more (d)")
    assert status_content(many, 55).plain.endswith("↔ o: 12, 13 · 2 diffs (d)")


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_status_line_is_never_cut(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        for _ in range(5):
            line = status(screen)
            assert "…" not in line and line.strip().startswith("Passage"), line
            await pilot.press("j")
            await settle(pilot)


async def test_pane_keys_beyond_the_outlets_say_why(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("9")
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("No pane 9: 3 outlets, keys 1–3" in m for m in messages), messages
        assert reader(app).hidden == set()


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_a_short_notice_hides_no_passage_text(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size, notifications=True) as pilot:  # shown on screen
        await settle(pilot)
        await pilot.press("9")
        await pilot.press("f")  # two notices at once
        await settle(pilot)
        screen = reader(app)
        toasts = list(screen.query("Toast"))
        assert len(toasts) >= 2
        text = screen.query_one("#stacked" if screen.stacked else "#panes").region
        for toast in toasts:
            assert not toast.region.overlaps(text), (toast.region, text)


async def test_context_key_in_side_by_side_layout_says_why(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert not reader(app).stacked
        await pilot.press("c")
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert any("stacked layout" in m and "press l" in m for m in messages), messages
        assert not reader(app).context


async def test_palette_says_why_too(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await reader(app).run_from_palette("toggle_context")
        await settle(pilot)
        assert any("stacked layout" in str(n.message) for n in app._notifications)


async def test_context_lines_are_marked_by_arrows(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("j", "c")
        await settle(pilot)
        text = shown(stacked_text(reader(app)))
        assert "↑ Leaders agreed a ceasefire on Thursday." in text
        assert "↓ The corridor will be 6 km wide." in text
        assert "↑ At least 59" not in text, "the passage itself carries no mark"


# --- search reads text as grouping does ------------------------------------------------


@pytest.mark.parametrize(
    ("query", "text", "matched"),
    [
        ("m4", "Traffic on the M-4 highway resumed.", "M-4"),
        ("M4 highway", "Traffic on the M‑4  highway resumed.", "M‑4  highway"),
        ("erdogan", "President Erdoğan said so.", "Erdoğan"),
        ("ERDOĞAN", "President Erdogan said so.", "Erdogan"),
        ("erdo", "President Erdoğan said so.", "Erdo"),  # as typed: the part typed
        ("erdog", "President Erdoğan said so.", "Erdoğan"),  # normalised: the word
        ("59", "At least fifty-nine soldiers died.", "fifty-nine"),
        ("twelve", "The 12 ferries sailed.", "12"),
        ("cease-fire", "A ceasefire began.", "ceasefire"),
        ("turkey's army", "Turkey’s army moved.", "Turkey’s army"),
        ("fire", "A ceasefire began.", "fire"),
        ("£3", "It cost £3 million.", "£3"),
    ],
)
def test_search_finds_what_grouping_would_match(query: str, text: str, matched: str) -> None:
    span = find(text, query_words(query), query.strip().casefold())
    assert span is not None and text[span[0] : span[1]] == matched


@pytest.mark.parametrize(
    ("query", "text"),
    [("5", "59 soldiers died."), ("59", "At 590 metres."), ("m5", "the M-4"), ("ab", "a-c")],
)
def test_search_does_not_find_other_numbers_or_words(query: str, text: str) -> None:
    assert find(text, query_words(query), query.strip().casefold()) is None


def test_search_offsets_hold_where_folding_changes_length() -> None:
    text = "Die Straße nach Idlib ist gesperrt."
    span = find(text, query_words("idlib"), "idlib")
    assert span is not None and text[span[0] : span[1]] == "Idlib"


async def test_search_dialog_highlights_the_normalised_match(tmp_path: Path) -> None:
    alpha = make_article("Alpha", "A", [["Fighting closed the M-4 highway near Saraqeb."]])
    beta = make_article("Beta", "B", [["Erdoğan said the M4 would reopen."]])
    app = make_app(make_alignment([alpha, beta], [[(0, [0])], [(1, [0])]]), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"m4")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        for i, word in ((0, "M-4"), (1, "M4")):
            prompt = options.get_option_at_index(i).prompt
            assert isinstance(prompt, Content)
            marked = [prompt.plain[s.start : s.end] for s in prompt.spans]
            assert word in marked, marked
        app.screen.query_one(Input).value = "erdogan"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).current == 1


@pytest.mark.parametrize("size", SIZES)
async def test_the_passage_a_search_jumps_to_shows_the_match_marked(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    """The match is marked where the user lands, not only in the results list; the next
    search's match replaces it."""
    alpha = make_article("Alpha", "A", [["Fighting closed the M-4 highway near Saraqeb."]])
    beta = make_article("Beta", "B", [["Erdoğan said the M4 would reopen."]])
    app = make_app(make_alignment([alpha, beta], [[(0, [0])], [(1, [0])]]), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert marked_words(screen) == set()
        await pilot.press("slash", *"m4", "enter")
        await settle(pilot)
        assert marked_words(screen) == {"M-4", "M4"}
        await pilot.press("slash")
        app.screen.query_one(Input).value = "erdogan"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert marked_words(screen) == {"Erdoğan"}


def marked_words(screen: ReaderScreen) -> set[str]:
    """The words drawn in the search's style (reversed and underlined), in the panes or
    in the stacked layout."""
    if screen.stacked:
        return set(styled(stacked_text(screen), reverse=True, underline=True))
    return {
        run
        for drawn in sentences(screen).values()
        for run in styled(drawn, reverse=True, underline=True)
    }
