"""The real engine on the bundled seeds, through the worker, at both sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import SIZES, aligned, reader, settle, status

from align import bundled_seeds, load_sources
from align.model import Source
from tui.app import IdlibReadApp
from tui.screens.reader import ReaderScreen


@pytest.mark.parametrize("size", SIZES)
async def test_seeds_open_and_every_key_works(tmp_path: Path, size: tuple[int, int]) -> None:
    app = IdlibReadApp(load_sources([bundled_seeds()]), tmp_path / "notes.yaml")
    async with app.run_test(size=size) as pilot:
        await aligned(app)
        await settle(pilot)
        screen = reader(app)
        total = len(screen.alignment.groups)
        assert f"Passage 1 of {total}" in status(screen)
        for key in ["j", "n", "N", "G", "g", "f", "f", "f", "f", "l", "c", "l", "2", "2"]:
            await pilot.press(key)
        for key in ["d", "r", "m", "slash", "question_mark", "A"]:
            await pilot.press(key)
            await settle(pilot)
            assert not isinstance(app.screen, ReaderScreen), key
            await pilot.press("escape")
            assert isinstance(app.screen, ReaderScreen), key
        await pilot.press("q")
    assert app.return_code == 0


async def test_input_error_in_worker_exits_with_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = Source("/tmp/x.txt", "x.txt", "Only one.", "x", "X")
    app = IdlibReadApp([one], tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await aligned(app)
        await settle(pilot)
    assert app.return_code == 2
    assert "x.txt: need at least two articles" in capsys.readouterr().err


@pytest.mark.parametrize("delay", [0.0, 0.05, 0.2, 0.4])
async def test_quitting_at_any_moment_of_startup_is_clean(tmp_path: Path, delay: float) -> None:
    app = IdlibReadApp(load_sources([bundled_seeds()]), tmp_path / "notes.yaml")
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause(delay)
        await pilot.press("q")
    assert app.return_code == 0


async def test_ctrl_c_quits_while_the_engine_aligns(tmp_path: Path) -> None:
    app = IdlibReadApp(load_sources([bundled_seeds()]), tmp_path / "notes.yaml")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
    assert app.return_code == 0 and app.alignment is None
