"""Edge shapes render: a one-sentence article, a passage every outlet agrees on,
a one-outlet passage, resizing at any moment (loading, dialogs, both layouts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import (
    SIZES,
    aligned,
    current,
    make_app,
    marked_rows,
    pane_text,
    reader,
    settle,
    shown,
    stacked_text,
    status,
)
from tui_factory import make_alignment, make_article

from align import bundled_seeds, load_sources
from tui.app import IdlibReadApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_pane import ArticlePane


def edge_alignment():  # type: ignore[no-untyped-def]
    one = make_article("Solo Sentinel", "One line", [["Everyone agreed on Tuesday."]])
    two = make_article(
        "Duo Daily", "Two lines", [["Everyone agreed on Tuesday."], ["Only Duo saw rain."]]
    )
    return make_alignment([one, two], [[(0, [0]), (1, [0])], [(1, [1])]])


# The status line as each width shows it: in full, compacted, then cut with "…".
STATUS_BY_WIDTH = {
    200: "Passage 1 of 2 · 2 of 2 outlets · no divergences",
    80: "Passage 1 of 2 · 2 of 2 outlets · no divergences",
    40: "Passage 1/2 · 2/2 outlets · no diverg…",
    20: "Passage 1/2 · 2/2…",
}


@pytest.mark.parametrize("size", [*SIZES, (40, 12), (20, 8)])
async def test_single_sentence_article_and_agreement(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(edge_alignment(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        assert status(screen).startswith(STATUS_BY_WIDTH[size[0]])
        await pilot.press("j")
        await settle(pilot)
        if screen.stacked:
            text = " ".join(shown(stacked_text(screen)).split())
            assert "Only Duo saw rain." in text and "not reported here" in text
        else:
            assert current(screen) == {0: [], 1: [1]}
            solo = screen.query_one("#pane-0", ArticlePane)
            assert "not reported here" in pane_text(solo)
        await pilot.press("n", "N", "f", "f", "f", "f", "d", "escape", "r", "escape", "m", "escape")
        assert app.is_running


async def test_resize_at_any_moment(tmp_path: Path) -> None:
    app = IdlibReadApp(load_sources([bundled_seeds()]), tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        for width, height in [(30, 10), (200, 50), (81, 25)]:  # while the engine runs
            await pilot.resize_terminal(width, height)
        await aligned(app)
        await settle(pilot)
        screen = reader(app)
        for key in ["d", "m", "r", "question_mark", "slash"]:  # with each dialog open
            await pilot.press(key)
            for width, height in [(200, 50), (40, 10), (120, 30)]:
                await pilot.resize_terminal(width, height)
                await pilot.pause()
            await pilot.press("escape")
            assert isinstance(app.screen, ReaderScreen)
        await pilot.resize_terminal(200, 50)
        await settle(pilot)
        await pilot.press("j", "j")
        await settle(pilot)
        assert not screen.stacked
        assert len(marked_rows(screen)) == 1
