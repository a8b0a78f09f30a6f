"""A hostile article (markup, click actions, ANSI escapes, a 1 MB paragraph) through
every display path: it shows literally, runs no action, and does not crash."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pilot import SIZES, WIDE, make_app, reader, sentences, settle, shown, stacked_text
from textual.widget import Widget
from textual.widgets import DataTable, OptionList, Static
from tui_factory import hostile

from tui.safe import sanitize
from tui.widgets.article_pane import ArticlePane


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """Everything on screen, as text."""
    return "\n".join(shown(w) for w in app.screen.query(Widget) if w.size.height and not w.children)


def assert_literal(text: str) -> None:
    """No raw control byte reached the screen; brackets were not eaten."""
    assert "\x1b" not in text and "\x07" not in text


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_panes_and_stacked(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for _ in range(2):  # both layouts
            text = screen_text(app)
            assert_literal(text)
            assert "[@click=app.quit]" in text and "[Reuters]" in text
            await pilot.press("l")
            await settle(pilot)
        for key in ["j", "j", "j", "k", "g", "G", "n", "N", "c", "f", "f", "f", "f"]:
            await pilot.press(key)
        await settle(pilot)
        assert app.is_running
        assert_literal(screen_text(app))


async def test_hostile_sentence_click_runs_no_action(tmp_path: Path) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = sentences(reader(app))[(0, 0)]
        assert "[@click=app.quit]x[/]" in shown(view)
        pane = reader(app).query_one("#pane-0", ArticlePane)
        row, body = pane.text.row_of(0), pane.body
        assert row is not None
        for x in range(0, 20):
            await pilot.click(body, offset=(x, row - body.scroll_offset.y))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, type(reader(app)))


async def test_hostile_huge_sentence_is_cut_and_fast(tmp_path: Path) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        view = sentences(reader(app))[(0, 2)]
        assert "more characters: press r for the original" in shown(view).replace("\n", " ")
        assert view.size.height < 200
        started = time.perf_counter()
        for key in "jjkjk":
            await pilot.press(key)
        await settle(pilot)
        assert time.perf_counter() - started < 5.0


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_dialogs(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("d")
        details = str(app.screen.query_one("#details-text", Static).content)
        assert "[@click=app.quit]reworded[/]" in details and "\x1b" not in details
        await pilot.press("escape", "r")
        original = str(app.screen.query_one("#original-text", Static).content)
        assert "[nav]" in original and "␛]0;pwned␇" in original
        assert "[@click=app.quit]x[/] said [Reuters]" in original
        await pilot.press("escape", "j", "j", "r")
        original = str(app.screen.query_one("#original-text", Static).content)
        assert len(original) < 10_000 and "characters after" in original
        await pilot.press("escape", "slash", *"[/]")
        await settle(pilot)
        results = app.screen.query_one(OptionList)
        assert results.option_count == 2
        assert "[/] b" in str(results.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and reader(app).current == 0
        assert_literal(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_hostile_ledger(tmp_path: Path, size: tuple[int, int]) -> None:
    """Labels, figures and their sentences in the ledger: literal, no control byte, no action."""
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        label, evil, plain = (str(c) for c in table.get_row_at(0))
        assert label.startswith("! [@click=app.qui")
        assert evil == "![b]12[/b]\n~␛[1m, 13␇"  # two figures, each marked, bytes made visible
        assert plain == "!Twelve"
        heads = "".join(seg.text for seg in table.render_line(0))
        assert "1 [@click" in heads
        legend = shown(app.screen.query_one("#ledger-outlets"))
        assert "[@click=app.quit]Evil[/] [Reuters]" in legend.replace("\n", " ")
        await pilot.press("right")
        detail = str(app.screen.query_one("#ledger-cell", Static).content)
        assert detail.startswith("[@click=app.quit]casualty[/] · [@click=app.quit]Evil[/]")
        assert "“Casualties were [b]12[/b] ␛[1m, 13␇ total.”" in detail
        assert_literal(screen_text(app))
        x = table.ordered_columns[0].get_render_width(table) + 2
        await pilot.click(table, offset=(x, 1))  # on a figure: jumps to its passage, no action
        await settle(pilot)
        assert app.is_running and reader(app).current == 1
        assert_literal(screen_text(app))


async def test_hostile_notifications_titles_and_palette(tmp_path: Path) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        heading = shown(app.screen.query_one("#pane-0 .heading"))
        assert "[@click=app.quit]Evil[/] [Reuters]" in heading
        assert "a [/] b ␛[2J title" in heading
        await pilot.press("1")
        await settle(pilot)
        assert any("[@click=app.quit]Evil[/]" in str(n.message) for n in app._notifications)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Hide or show pane 1: [@click=app.quit]Evil[/] [Reuters]" in titles
        await pilot.press("ctrl+p", *"pane 1")
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert app.is_running
        assert_literal(screen_text(app))


def test_sanitize_keeps_length_and_offsets() -> None:
    text = "a\x1b[31mb\x00c\td\ne\x9bf\u202eg\rh\x7f"
    clean = sanitize(text)
    assert len(clean) == len(text)
    assert clean == "a␛[31mb␀c\td\ne\ufffdf\ufffdg h␡"


async def test_hostile_narrow_layout_is_stacked(tmp_path: Path) -> None:
    app = make_app(hostile(), tmp_path)
    async with app.run_test(size=(50, 24)) as pilot:  # two panes of 25 columns: stacked
        await settle(pilot)
        text = shown(stacked_text(app.screen))
        assert "[@click=app.quit]Evil[/] [Reuters]" in text
        assert "[@click=app.quit]x[/] said [Reuters] that a [/] b ␛[31mred" in text.replace(
            "\n", " "
        )
