"""The loading view: its text progress bar, and that it is the reader's first screen."""

from __future__ import annotations

from pathlib import Path

from align import bundled_seeds, load_sources
from tui.app import IdlibReadApp
from tui.screens.loading import BAR_WIDTH, LoadingScreen, loading_text, progress_bar


def filled(fraction: float, width: int = BAR_WIDTH) -> int:
    """How many cells of the bar carry the accent (done) style."""
    bar = progress_bar(fraction, width)
    return sum(span.end - span.start for span in bar.spans if span.style == "$accent")


def test_bar_fills_in_proportion_and_keeps_its_width() -> None:
    assert [filled(f, 10) for f in (0.0, 0.25, 0.5, 1.0)] == [0, 2, 5, 10]
    assert all(len(progress_bar(f, 10).plain) == 10 for f in (0.0, 0.33, 1.0))


def test_bar_clamps_out_of_range_fractions() -> None:
    assert filled(-3.0) == 0
    assert filled(7.5) == BAR_WIDTH


def test_stage_text_is_shown_verbatim() -> None:
    text = loading_text(3, "[bold]clean[/]", 0.5).plain
    assert text.splitlines()[0] == "Aligning 3 articles…"
    assert text.splitlines()[-1] == "[bold]clean[/]"


async def test_loading_view_is_first_then_reader_opens(tmp_path: Path) -> None:
    app = IdlibReadApp(load_sources([bundled_seeds()]), tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen_stack[0], LoadingScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.query("ArticlePane")
