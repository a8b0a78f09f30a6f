"""The first screenful: panes lay out what fills the screen first, then the rest of their window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import current, marked_rows, pane_text
from tui_factory import make_alignment, make_article

from align.model import Alignment
from tui.app import IdlibReadApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_pane import WINDOW, ArticlePane, screenful, window_around


def test_screenful_counts_rows_each_sentence_takes_at_least() -> None:
    # 40 characters at most 20 wide: at least 2 rows each; 10 rows below need 5 sentences
    assert screenful([40] * 30, 0, 20, 10) == (0, 5)
    # above too, around the middle; short sentences take one row each
    assert screenful([40] * 30, 15, 20, 10) == (10, 20)
    assert screenful([3] * 30, 15, 20, 4) == (11, 19)
    # clipped at both ends; the current sentence is always in it
    assert screenful([40] * 3, 1, 20, 100) == (0, 3)
    assert screenful([10_000], 0, 1, 0) == (0, 1)


def test_window_around_is_centred_and_fits() -> None:
    assert window_around(0, 10) == (0, 10)
    assert window_around(500, 1000) == (500 - WINDOW // 2, 500 + WINDOW // 2)
    assert window_around(999, 1000) == (1000 - WINDOW, 1000)


def long_pair(sentences: int) -> Alignment:
    """Two articles of ``sentences`` one-paragraph sentences, aligned one to one."""
    text = "Sentence {} says the same thing in a few more words than it needs."
    articles = [
        make_article(label, label, [[text.format(i) for i in range(sentences)]])
        for label in ("North Post", "South Wire")
    ]
    return make_alignment(articles, [[(0, [i]), (1, [i])] for i in range(sentences)])


async def test_first_frame_lays_out_a_screenful_then_the_window(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before_fill: list[int] = []
    fill = ArticlePane.fill

    def counted(pane: ArticlePane) -> bool:
        before_fill.append(len(pane.text.sentences))
        return fill(pane)

    monkeypatch.setattr(ArticlePane, "fill", counted)
    app = IdlibReadApp([], tmp_path / "notes.yaml", alignment=long_pair(200))
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # 50 rows, a sentence takes at least one: 50 to 60 sentences, not the window
        assert len(before_fill) == 2 and all(50 <= n <= 60 for n in before_fill), before_fill
        assert [len(p.text.sentences) for p in screen.panes()] == [WINDOW, WINDOW]
        assert not any(p.partial for p in screen.panes())
        await pilot.press(*"jjj")
        await pilot.pause(0.3)
        assert current(screen) == {0: [3], 1: [3]}
        assert len(marked_rows(screen)) == 1
        pane = next(screen.panes())
        last = pane.text.size.height - app.size.height - 1  # then a screen of blank rows
        pane.body.scroll_to(y=last, animate=False, immediate=True)
        await pilot.pause()
        assert f"{200 - WINDOW} later sentences" in pane_text(pane).splitlines()[0]
