"""Pilot tests of the reader on hand-made alignments, at 80x24 and at 200x50.

They assert on what is shown: which sentences are current in each pane, which
words carry which highlight (read back from the rendered segments), what the
status line and the dialogs say.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import (
    NARROW,
    SIZES,
    WIDE,
    click_sentence,
    current,
    footer,
    make_app,
    marked_rows,
    pane_text,
    reader,
    sentences,
    settle,
    shown,
    stacked_text,
    status,
    styled,
)
from textual.widgets import Input, OptionList, Static
from tui_factory import sample

from tui.screens.details import DetailsScreen
from tui.screens.help import HelpScreen
from tui.screens.ledger import LedgerScreen
from tui.screens.original import OriginalScreen
from tui.screens.reader import ReaderScreen
from tui.screens.search import SearchScreen
from tui.widgets.article_pane import ArticlePane


@pytest.mark.parametrize("size", SIZES)
async def test_opens_on_first_passage_with_layout_for_width(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert screen.current == 0
        assert "Passage 1 of 5" in status(screen)
        assert "3 of 3 outlets" in status(screen)
        assert screen.stacked == (size == NARROW)  # three 26-column panes are too narrow
        if screen.stacked:
            text = shown(stacked_text(screen))
            assert "Alpha News" in text and "Leaders agreed to a ceasefire Thursday." in text
        else:
            assert current(screen) == {0: [0], 1: [0], 2: [0]}


async def test_wide_panes_line_up_current_passage_and_gap(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j")
        await settle(pilot)
        screen = reader(app)
        assert current(screen) == {0: [1], 1: [1], 2: []}
        gamma = screen.query_one("#pane-2", ArticlePane)
        assert "not reported here" in pane_text(gamma)
        assert len(marked_rows(screen)) == 1, "the passage and the gap line sit at one height"
        assert "2 of 3 outlets" in status(screen)
        assert "conflicting number ×2" in status(screen)


@pytest.mark.parametrize("size", SIZES)
async def test_navigation_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        seen = []
        for key in ["j", "down", "j", "k", "up", "G", "j", "g", "k", "n", "n", "n", "n", "N"]:
            await pilot.press(key)
            seen.append(screen.current)
        assert seen == [1, 2, 3, 2, 1, 4, 4, 0, 0, 1, 2, 3, 3, 2]
        await settle(pilot)
        assert "Passage 3 of 5" in status(screen)


@pytest.mark.parametrize("size", SIZES)
async def test_filter_cycles_and_restricts_navigation(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("f")
        assert (screen.filter_name, screen.ids) == ("divergent", (0, 1, 2, 3))
        await pilot.press("f")
        assert (screen.filter_name, screen.ids, screen.current) == ("numbers", (1, 2), 1)
        await pilot.press("j", "j")
        assert screen.current == 2
        await pilot.press("f")
        assert (screen.filter_name, screen.ids, screen.current) == ("single", (4,), 4)
        await settle(pilot)
        # the passage's own number (as details shows it), then its place in the filter
        assert "Passage 5 · 1 of 1 single-outlet passages" in status(screen)
        await pilot.press("f")
        # back to all: the passage the user chose (2), not where the filters moved
        assert screen.filter_name == "all" and screen.current == 2


@pytest.mark.parametrize("size", SIZES)
async def test_highlights_in_panes(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        if screen.stacked:
            await pilot.press("l")
            await settle(pilot)
        views = sentences(screen)
        assert styled(views[(0, 1)], bold=True, reverse=True) == ["59"]
        assert styled(views[(1, 1)], bold=True, reverse=True) == ["58"]
        assert styled(views[(0, 2)], bold=True, underline=True) == ["6 km"]
        assert "agreed to a" in styled(views[(1, 0)], underline=True)
        assert styled(views[(2, 1)], italic=True, underline=True) == ["We shall respond"]
        assert shown(views[(0, 3)]).startswith("+"), "single-outlet passage marked in the gutter"
        assert not shown(views[(0, 0)]).startswith("+")


async def test_stacked_view_highlights_and_context(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("j")
        await settle(pilot)
        text = stacked_text(screen)
        assert styled(text, bold=True, reverse=True) == ["59", "58"]
        assert "Gamma Wire  — not reported here" in shown(text)
        assert "Leaders agreed a ceasefire on Thursday." not in shown(text)
        await pilot.press("c")
        await settle(pilot)
        assert "Leaders agreed a ceasefire on Thursday." in shown(text)


async def test_layout_toggle_and_resize(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert not screen.stacked
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert screen.stacked
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        assert not screen.stacked
        await pilot.press("l")
        assert screen.stacked
        await pilot.resize_terminal(60, 20)
        await pilot.press("l")
        await settle(pilot)
        assert not screen.stacked and current(screen) == {0: [0], 1: [0], 2: [0]}


@pytest.mark.parametrize("size", SIZES)
async def test_panes_hide_and_show(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("2")
        assert screen.hidden == {1}
        await settle(pilot)
        if screen.stacked:
            assert "Beta Times" not in shown(stacked_text(screen))
        else:
            assert not screen.query_one("#pane-1").display
        await pilot.press("1", "3")
        assert screen.hidden == {0, 1}, "the last shown outlet cannot be hidden"
        await pilot.press("9")
        assert screen.hidden == {0, 1}
        await pilot.press("1", "2")
        await settle(pilot)
        assert screen.hidden == set()
        if size == NARROW:
            assert screen.stacked


@pytest.mark.parametrize("size", SIZES)
async def test_click_sentence_makes_its_passage_current(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        if screen.stacked:
            await pilot.press("l")
            await settle(pilot)
        await click_sentence(pilot, screen, 2, 1)
        await settle(pilot)
        assert screen.current == 3
        assert current(screen) == {0: [], 1: [2], 2: [1]}
        assert len(marked_rows(screen)) == 1, "lined up as after a key"


@pytest.mark.parametrize("size", SIZES)
async def test_search_jumps(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"respond")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 2
        assert "We will respond" in str(options.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).current == 3


@pytest.mark.parametrize("size", SIZES)
async def test_search_then_next_and_previous_hit(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("right_square_bracket")  # no search yet: says so, stays
        await settle(pilot)
        assert screen.current == 0
        assert any("No search yet" in str(n.message) for n in app._notifications)
        assert "]" not in footer(screen)
        await pilot.press("slash", *"the")  # hits in passages 1, 3, 4 and 5
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current == 0
        assert "] Hit" in footer(screen)
        seen = []
        for key in ["right_square_bracket"] * 4 + ["left_square_bracket"] * 2:
            await pilot.press(key)
            await settle(pilot)
            seen.append(screen.current)
        # passage 4 holds two hits: passed over as one; past the last, back to the first
        assert seen == [2, 3, 4, 0, 4, 3]
        if not screen.stacked:
            assert len(marked_rows(screen)) == 1
        await pilot.press("slash")  # the search opens on the last query
        assert app.screen.query_one(Input).value == "the"


async def test_search_typing_q_does_not_quit(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("slash", "q", "u")
        assert app.screen.query_one(Input).value == "qu"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen) and app.is_running


@pytest.mark.parametrize("size", SIZES)
async def test_details_lists_divergences(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j", "d")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        text = str(app.screen.query_one("#details-text", Static).content)
        assert "59 vs 58 soldiers killed: conflict" in text
        assert "carried by 2 of 3" in text
        await pilot.press("escape", "G", "d")
        text = str(app.screen.query_one("#details-text", Static).content)
        assert "Only Alpha News reports this passage." in text
        assert "No divergences" in text


@pytest.mark.parametrize("size", SIZES)
async def test_original_text_shows_dropped_debris(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, OriginalScreen)
        widget = app.screen.query_one("#original-text", Static)
        text = str(widget.content)
        assert "Home | World | Sign in" in text
        assert "site navigation" in text
        assert "Home | World | Sign in" in styled(widget, strike=True)
        assert "Leaders agreed a ceasefire on Thursday." in " ".join(
            styled(widget, bold=True, underline=True)
        )


@pytest.mark.parametrize("size", SIZES)
async def test_help_and_quit(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = str(app.screen.query_one("#help-keys", Static).content)
        for key in [
            "j / down",
            "n",
            "/",
            "f",
            "m",
            "d",
            "o",
            "r",
            "a",
            "A",
            "s",
            "l",
            "c",
            "1 … 9",
            "q",
        ]:
            assert f"\n{key} " in f"\n{keys}"
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("q")
    assert app.return_code == 0


async def test_command_palette_offers_every_action(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for title in [
            "Next: Go to the next passage",
            "Diff: Next passage with a divergence",
            "Find: Search the text of all articles and jump",
            "Ledger: Claims ledger: measured quantities by outlet",
            "Other passage: Go to the passage holding a figure set against one here"
            " (again: next, back)",
            "Original: The original text around this passage",
        ]:
            assert title in titles
        assert "Hide or show pane 2: Beta Times" in titles
        await pilot.press("ctrl+p")
        await pilot.press(*"Ledger")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen)


async def test_page_keys_scroll_panes_together_and_the_stack(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=(200, 12)) as pilot:
        await settle(pilot)
        screen = reader(app)
        before = [p.body.scroll_y for p in screen.panes()]
        await pilot.press("space")
        await settle(pilot)
        after = [p.body.scroll_y for p in screen.panes()]
        assert all(a > b for a, b in zip(after, before, strict=True))
        await pilot.press("b")
        await settle(pilot)
        assert [p.body.scroll_y for p in screen.panes()] == before
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=(60, 10)) as pilot:
        await settle(pilot)
        stack = reader(app).query_one("#stacked")
        assert stack.max_scroll_y > 0
        await pilot.press("pagedown")
        await settle(pilot)
        assert stack.scroll_y > 0
        top = stack.region
        await pilot.press("j")
        await settle(pilot)
        assert stack.scroll_y == 0, "the next passage is shown from its top"
        assert stack.region == top, "the stack keeps its place and size from passage to passage"
        assert "Beta Times" in shown(stacked_text(reader(app)))
