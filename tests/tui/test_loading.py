"""The loading view: its text progress bar, and that it is the reader's first screen."""

from __future__ import annotations

import asyncio
import sys
import time
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from pilot import aligned

from align import bundled_seeds, load_sources
from align.clean import clean
from align.grouping import similarity
from align.grouping.similarity import block_best
from tui.app import IdlibReadApp
from tui.screens.loading import BAR_WIDTH, LoadingScreen, loading_text, progress_bar

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synth import write_corpus


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
        await aligned(app)
        await pilot.pause()
        assert type(app.screen).__name__ == "ReaderScreen"
        assert app.screen.query("ArticlePane")


async def test_progress_is_shown_at_most_ten_times_a_second(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each progress report repaints the loading view and takes the interpreter from the
    engine: they are spaced out, and the stage shown still moves on a long run."""
    shown: list[tuple[float, str]] = []

    def record(screen: LoadingScreen, stage: str, fraction: float) -> None:
        shown.append((time.monotonic(), stage))

    monkeypatch.setattr(LoadingScreen, "progress", record)
    app = IdlibReadApp(load_sources(write_corpus(tmp_path / "set", 30)), tmp_path / "n.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await aligned(app)
        await pilot.pause()
    times = [t for t, _ in shown]
    assert len(shown) >= 2, "a run of a second or more shows its progress as it goes"
    assert all(b - a >= 0.09 for a, b in pairwise(times)), times


async def test_q_while_a_large_set_aligns_stops_the_engine_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Progress moves during grouping, and quitting stops the engine thread within
    a step: no more scoring after ``q`` (a thread cannot be killed, and Python
    would wait for it before the process ends)."""
    scored: list[float] = []

    def counting(*args: Any) -> Any:
        scored.append(time.monotonic())
        return block_best(*args)

    monkeypatch.setattr(similarity, "block_best", counting)
    paths = write_corpus(tmp_path / "set", 100)
    app = IdlibReadApp(load_sources(paths), tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(1000):  # the engine reaches scoring within a few seconds
            await pilot.pause(0.02)
            if scored:
                break
        assert "aligning" in str(app.screen.query_one("#loading").render())
        quit_at = time.monotonic()
        await pilot.press("q")
    await asyncio.sleep(2.0)  # an engine left running would go on scoring meanwhile
    assert app.return_code == 0
    assert [t for t in scored if t > quit_at + 1.0] == []


async def test_q_while_a_large_article_is_cleaned_stops_the_engine_within_it(
    tmp_path: Path,
) -> None:
    """Cleaning a large article is one stage of seconds: the engine stops inside it, at
    its next pass, and the UI keeps reading keys meanwhile."""
    body = "\n\n".join(
        f"Officials in district {n} said {n % 90 + 3} people were hurt on the road to town {n}."
        for n in range(24_000)
    )
    text = "A long report\n\n" + body + "\n"
    started = time.monotonic()
    clean(text)
    cleaning = time.monotonic() - started  # about 2.5 s on a laptop
    big = tmp_path / "big.txt"
    big.write_text(text, encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Short\n\nOfficials said 12 people were hurt.\n", encoding="utf-8")
    app = IdlibReadApp(load_sources([big, small]), tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(500):
            await pilot.pause(0.02)
            if app.engine_running:
                break
        quit_at = time.monotonic()
        await pilot.press("q")
    await asyncio.to_thread(app.engine_done.wait, 60)
    assert time.monotonic() - quit_at < cleaning / 2  # it did not finish cleaning first
    assert app.alignment is None and app.return_code == 0
