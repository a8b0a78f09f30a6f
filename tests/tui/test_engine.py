"""The engine off the UI (tui.engine): a forked child gives what the engine gives in
process, refuses what it refuses, stops when told, and leaves no process behind."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from pilot import aligned, reader, settle, status

import tui.app
from align import bundled_seeds, load_sources
from align.export import to_json
from align.model import InputError
from align.pipeline import build_from_sources
from tui.app import IdlibReadApp
from tui.cli import main
from tui.engine import Engine, can_fork

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from synth import write_corpus

pytestmark = pytest.mark.skipif(not can_fork(), reason="needs fork and two cores")


class Stop(Exception):
    pass


def quiet(stage: str, fraction: float) -> None:
    pass


def gone(pid: int) -> bool:
    """Whether ``pid`` is no child of this process any more (reaped)."""
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_child_gives_the_alignment_the_engine_gives_in_process() -> None:
    sources = load_sources([bundled_seeds()])
    engine = Engine.start(sources, fork=True)
    pid = engine.pid
    assert pid > 0
    heard: list[tuple[str, float]] = []
    alignment = engine.result(lambda stage, fraction: heard.append((stage, fraction)))
    assert to_json(alignment) == to_json(build_from_sources(sources))
    assert heard and all(0.0 <= f <= 1.0 for _, f in heard)
    assert gone(pid)


def test_the_child_refuses_what_the_engine_refuses(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Officials said 12 people were hurt.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("https://example.com/a\n\n[Read more](x)\n", encoding="utf-8")
    sources = load_sources([tmp_path / "a.txt", tmp_path / "b.txt"])
    with pytest.raises(InputError) as alone:
        build_from_sources(sources)
    engine = Engine.start(sources, fork=True)
    pid = engine.pid
    with pytest.raises(InputError) as forked:
        engine.result(quiet)
    assert str(forked.value) == str(alone.value)
    assert forked.value.path == alone.value.path
    assert gone(pid)


def test_a_stop_kills_the_child_and_leaves_nothing_behind() -> None:
    engine = Engine.start(load_sources([bundled_seeds()]), fork=True)
    pid = engine.pid
    engine.kill()

    def stopped(stage: str, fraction: float) -> None:
        raise Stop

    with pytest.raises(Stop):
        engine.result(stopped)
    assert gone(pid)


def test_a_child_that_dies_is_replaced_by_the_engine_in_process() -> None:
    sources = load_sources([bundled_seeds()])
    engine = Engine.start(sources, fork=True)
    os.kill(engine.pid, signal.SIGKILL)  # e.g. killed by the system for its memory
    alignment = engine.result(quiet)
    assert to_json(alignment) == to_json(build_from_sources(sources))


def test_a_large_input_is_aligned_in_the_callers_thread(tmp_path: Path) -> None:
    """Handing a large alignment back would hold the UI's interpreter for long."""
    lines = (f"Officials said {n} people were hurt on the road." for n in range(12_000))
    (tmp_path / "big.txt").write_text("A report\n\n" + "\n\n".join(lines), encoding="utf-8")
    large = Engine.start(load_sources([bundled_seeds(), tmp_path / "big.txt"]))
    small = Engine.start(load_sources([bundled_seeds()]))
    assert not large.forked and small.forked
    pid = small.pid
    small.close()
    assert gone(pid)


def test_the_command_starts_the_engine_before_the_reader_and_reaps_it(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """``idlib-read`` forks the engine before Textual loads, hands it to the reader, and
    leaves no process behind even when the reader never asked for its result."""
    started: list[int] = []

    def fake(sources: object, path: Path, notices: object = (), engine: Any = None) -> int:
        assert isinstance(engine, Engine) and engine.forked
        started.append(engine.pid)
        return 0

    monkeypatch.setattr(tui.app, "run_reader", fake)
    assert main(["--annotations", str(tmp_path / "n.yaml")]) == 0
    (pid,) = started
    assert gone(pid)


async def test_the_reader_opens_on_a_forked_engine_as_on_its_own(tmp_path: Path) -> None:
    sources = load_sources([bundled_seeds()])
    engine = Engine.start(sources, fork=True)
    pid = engine.pid
    app = IdlibReadApp(sources, tmp_path / "notes.yaml", engine=engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await aligned(app)
        await settle(pilot)
        total = len(build_from_sources(sources).groups)
        assert f"Passage 1 of {total}" in status(reader(app))
        await pilot.press("q")
    assert app.return_code == 0 and gone(pid)


async def test_q_while_the_child_aligns_kills_it_at_once(tmp_path: Path) -> None:
    sources = load_sources(write_corpus(tmp_path / "set", 40))  # seconds to align
    engine = Engine.start(sources)
    assert engine.forked
    pid = engine.pid
    app = IdlibReadApp(sources, tmp_path / "notes.yaml", engine=engine)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        assert app.engine_running
        quit_at = time.monotonic()
        await pilot.press("q")
        await aligned(app, timeout=5)
    assert time.monotonic() - quit_at < 1.0
    assert app.alignment is None and app.return_code == 0
    await asyncio.sleep(0)
    assert gone(pid)
