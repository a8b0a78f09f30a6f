"""Reader benchmarks: launch time against a bare Textual app, key latency, peak memory.

Run: ``python tests/bench/bench_tui.py`` (``--repeats N``, ``--quick``).

- launch: from constructing the app to the first full frame of the reader
  (engine run in the worker, panes mounted and lined up), headless with
  ``run_test``; the same clock around a bare app that shows one Static. The
  two are interleaved in one run and the medians compared.
- cold launch: the same, but from spawning a fresh interpreter, so the imports a
  user waits for count too (the reader's child imports ``tui.cli`` and loads the
  seeds as the ``idlib-read`` command does; the bare app's imports Textual); and
  from spawning to the reader's first passage, started as the command starts it
  (the engine's child forked before Textual is imported).
- key: from a ``j`` keypress to the updated frame (press, then one refresh).
- memory: peak RSS of a fresh interpreter (and its engine child) that opens the reader and
  walks a few passages, on the seeds and on 50 articles (seed copies with numbers changed).
"""

from __future__ import annotations

import argparse
import asyncio
import inspect
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from textual import __version__ as textual_version  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding, BindingType  # noqa: E402
from textual.containers import Horizontal, VerticalScroll  # noqa: E402
from textual.widgets import Static  # noqa: E402

from align import bundled_seeds, load_sources  # noqa: E402
from tui.app import IdlibReadApp  # noqa: E402
from tui.screens.reader import ReaderScreen  # noqa: E402

SIZES = [(80, 24), (200, 50)]


class FrameClock:
    """Timestamps of the frames an app writes (``App._display``), headless or not."""

    def __init__(self, app: App[object]) -> None:
        self.frames: list[float] = []
        self.passage: float | None = None  # the first frame showing the reader's first passage
        display = app._display

        def stamped(screen, renderable):  # type: ignore[no-untyped-def]
            display(screen, renderable)
            self.frames.append(time.perf_counter())
            if self.passage is None and getattr(screen, "ready", False) is True:  # the reader
                self.passage = self.frames[-1]

        app._display = stamped  # type: ignore[method-assign]

    def last_since(self, started: float) -> float:
        """Seconds from ``started`` to the last frame drawn since (0 if none)."""
        after = [t for t in self.frames if t >= started]
        return (after[-1] - started) if after else 0.0


class BareApp(App[None]):
    """The yardstick: a Textual app that only shows a Static."""

    def compose(self) -> ComposeResult:
        yield Static("hello")


class ColumnsApp(App[None]):
    """The yardstick for key latency: five columns of Statics that all scroll on j."""

    CSS = "VerticalScroll { width: 1fr; }"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("j", "down")]

    def compose(self) -> ComposeResult:
        text = "The quick brown fox jumps over the lazy dog, again and again. " * 3
        with Horizontal():
            for _ in range(5):
                with VerticalScroll():
                    yield from (Static(f"{i} {text}") for i in range(40))

    def action_down(self) -> None:
        for column in self.query(VerticalScroll):
            column.scroll_to(y=column.scroll_y + 7, animate=False, immediate=True)


def write_copies(folder: Path, count: int) -> Path:
    """``count`` articles: the seeds copied round-robin, every number shifted per copy."""
    seeds = sorted(bundled_seeds().glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        raw = seeds[i % len(seeds)].read_text(encoding="utf-8")
        bump = i // len(seeds)
        text = re.sub(r"\b\d+\b", lambda m, bump=bump: str(int(m.group()) + bump), raw)
        (folder / f"copy_{i:02d}_{seeds[i % len(seeds)].name}").write_text(text, encoding="utf-8")
    return folder


async def reader_ready(app: IdlibReadApp, pilot) -> ReaderScreen:  # type: ignore[no-untyped-def]
    """Wait until the reader shows its first passage, then let it settle."""
    while not (isinstance(app.screen, ReaderScreen) and app.screen.ready):
        await asyncio.sleep(0.001)
    await pilot.pause(SETTLE)
    return app.screen


SETTLE = 0.3  # seconds to wait for the frames that follow an input


async def launch_reader(paths: list[Path], size: tuple[int, int]) -> tuple[float, float, float]:
    """(first frame, first passage, reader settled) in seconds from constructing the app.

    The first passage is the first frame drawn once the reader has shown its first
    passage (the loading view's frames before it do not count).
    """
    started = time.perf_counter()
    app = IdlibReadApp(load_sources(paths), Path(tempfile.mkdtemp()) / "notes.yaml")
    clock = FrameClock(app)
    async with app.run_test(size=size) as pilot:
        await reader_ready(app, pilot)
    assert clock.passage is not None
    return clock.frames[0] - started, clock.passage - started, clock.last_since(started)


async def launch_bare(size: tuple[int, int]) -> float:
    started = time.perf_counter()
    app = BareApp()
    clock = FrameClock(app)
    async with app.run_test(size=size) as pilot:
        await pilot.pause(SETTLE)
    return clock.frames[0] - started


async def key_latency(
    paths: list[Path] | None, size: tuple[int, int], presses: int, keys: str = "j"
) -> list[float]:
    """Seconds from each key press (cycling through ``keys``) to the last frame it caused.

    ``paths`` None measures the yardstick app.
    """
    if paths is None:
        app: App[object] = ColumnsApp()
    else:
        app = IdlibReadApp(load_sources(paths), Path(tempfile.mkdtemp()) / "notes.yaml")
    clock = FrameClock(app)
    times = []
    async with app.run_test(size=size) as pilot:
        if isinstance(app, IdlibReadApp):
            await reader_ready(app, pilot)
        else:
            await pilot.pause(SETTLE)
        for i in range(presses):
            started = time.perf_counter()
            await pilot.press(keys[i % len(keys)])
            await pilot.pause(SETTLE)
            times.append(clock.last_since(started))
    return times


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


async def launch_figures(repeats: int) -> None:
    seeds = [bundled_seeds()]
    for size in SIZES:
        first, passage, settled, bare = [], [], [], []
        for _ in range(repeats):  # interleaved, so drift hits both alike
            bare.append(await launch_bare(size))
            ours = await launch_reader(seeds, size)
            first.append(ours[0])
            passage.append(ours[1])
            settled.append(ours[2])
        ratio = statistics.median(first) / statistics.median(bare)
        print(
            f"launch {size[0]}x{size[1]}: first frame {median_ms(first):.0f} ms vs bare app "
            f"{median_ms(bare):.0f} ms (ratio {ratio:.2f}); first passage on screen "
            f"{median_ms(passage):.0f} ms; last frame of the start-up (settled) "
            f"{median_ms(settled):.0f} ms (median of {repeats})"
        )


COLD_CLOCK = """
from __future__ import annotations
import asyncio, sys, time
sys.path.insert(0, {root!r})
"""  # FrameClock's source is added: importing this module would import the reader

COLD_READER = (
    COLD_CLOCK
    + """
import tempfile
from pathlib import Path
import tui.cli  # what the idlib-read command imports first
from align import bundled_seeds, load_sources
from tui.app import IdlibReadApp
def make():
    return IdlibReadApp(load_sources([bundled_seeds()]), Path(tempfile.mkdtemp()) / "n.yaml")
"""
)

COLD_CLI = (
    COLD_CLOCK
    + """
import tempfile
from pathlib import Path
import tui.cli  # what the idlib-read command imports first
from align import bundled_seeds, load_sources
from tui.engine import Engine
def make():
    sources = load_sources([bundled_seeds()])
    engine = Engine.start(sources)  # as the command does, before Textual is imported
    from tui.app import IdlibReadApp
    return IdlibReadApp(sources, Path(tempfile.mkdtemp()) / "n.yaml", engine=engine)
"""
)

COLD_BARE = (
    COLD_CLOCK
    + """
from textual.app import App
from textual.widgets import Static
class BareApp(App):
    def compose(self):
        yield Static("hello")
def make():
    return BareApp()
"""
)

COLD_RUN = """
async def main():
    app = make()
    clock = FrameClock(app)
    async with app.run_test(size={size!r}):
        while not clock.frames:
            await asyncio.sleep(0.001)
    print(time.time() - time.perf_counter() + clock.frames[0])
asyncio.run(main())
"""


COLD_PASSAGE = """
async def main():
    app = make()
    clock = FrameClock(app)
    async with app.run_test(size={size!r}):
        while clock.passage is None:
            await asyncio.sleep(0.001)
    print(time.time() - time.perf_counter() + clock.passage)
asyncio.run(main())
"""


def cold_first_frame(code: str, size: tuple[int, int], run: str = COLD_RUN) -> float:
    """Seconds from spawning an interpreter running ``code`` to its first frame (``run``:
    ``COLD_PASSAGE``, to the first frame of the reader's first passage)."""
    clock = inspect.getsource(FrameClock)
    script = code.format(root=str(ROOT)) + clock + run.format(size=size)
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(out.stdout.strip().splitlines()[-1]) - started


def cold_figures(repeats: int) -> None:
    """Launch from a fresh interpreter, reader against bare app, interleaved."""
    for size in SIZES:
        ours, bare = [], []
        for _ in range(repeats):
            bare.append(cold_first_frame(COLD_BARE, size))
            ours.append(cold_first_frame(COLD_READER, size))
        ratio = statistics.median(ours) / statistics.median(bare)
        print(
            f"cold launch {size[0]}x{size[1]}: first frame {median_ms(ours):.0f} ms vs bare app "
            f"{median_ms(bare):.0f} ms (ratio {ratio:.2f}; median of {repeats})"
        )
    for size in SIZES:
        passage = [cold_first_frame(COLD_CLI, size, COLD_PASSAGE) for _ in range(repeats)]
        print(
            f"cold launch {size[0]}x{size[1]}, as idlib-read starts: first passage on screen "
            f"{median_ms(passage):.0f} ms (median of {repeats})"
        )


def write_huge(folder: Path) -> Path:
    """Two articles, one with a 1 MB paragraph of short sentences, to time long input."""
    folder.mkdir(parents=True, exist_ok=True)
    sentence = " ".join(["word"] * 19) + "."
    huge = " ".join([sentence] * 10_000)
    text = f"Long report\n\n59 soldiers died on Monday.\n\n{huge}\n\nTwelve people were hurt.\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    short = "Short report\n\n58 soldiers died on Monday.\n\nTwelve people were hurt.\n"
    (folder / "short.txt").write_text(short, encoding="utf-8")
    return folder


async def key_figures(presses: int, many: Path, huge: Path) -> None:
    cases: list[tuple[str, list[Path] | None, str]] = [
        ("yardstick: 5 scrolling columns of Statics", None, "j"),
        ("seeds", [bundled_seeds()], "j"),
        ("50 articles", [many], "j"),
        ("a 1 MB paragraph (j and k in turn)", [huge], "jk"),
    ]
    for label, paths, keys in cases:
        for size in SIZES:
            times = await key_latency(paths, size, presses, keys)
            worst = max(times) * 1000
            print(
                f"key -> last frame, {label}, {size[0]}x{size[1]}: "
                f"median {median_ms(times):.1f} ms, max {worst:.1f} ms ({presses} presses)"
            )


PEAK = """
import resource
def peak_kb():
    # VmHWM: this process's own peak RSS (ru_maxrss would include the parent's at fork),
    # plus the peak of the engine's child, if the reader forked one: an upper bound,
    # as the pages they share count twice
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) + children
"""

CHILD = (
    PEAK
    + """
import asyncio, json, sys, tempfile
from pathlib import Path
sys.path.insert(0, {root!r})
from align import load_sources
from tui.engine import Engine

async def main():
    sources = load_sources([Path(p) for p in {paths!r}])
    engine = Engine.start(sources)  # as the command does, before Textual is imported
    from tui.app import IdlibReadApp
    from tests.bench.bench_tui import reader_ready
    app = IdlibReadApp(sources, Path(tempfile.mkdtemp()) / "n.yaml", engine=engine)
    async with app.run_test(size=(200, 50)) as pilot:
        await reader_ready(app, pilot)
        for key in "jjjjjnnGgl":
            await pilot.press(key)
        await pilot.pause()
asyncio.run(main())
print(json.dumps(peak_kb()))
"""
)

BARE_CHILD = (
    PEAK
    + """
import asyncio, json
from textual.app import App
from textual.widgets import Static
class Bare(App):
    def compose(self):
        yield Static("hello")
async def main():
    async with Bare().run_test(size=(200, 50)) as pilot:
        await pilot.pause()
asyncio.run(main())
print(json.dumps(peak_kb()))
"""
)


def peak_rss_mb(code: str) -> float:
    """Peak RSS (MB) of a fresh interpreter running ``code`` (VmHWM, Linux)."""
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1])) / 1024


def memory_figures(many: Path) -> None:
    bare = peak_rss_mb(BARE_CHILD)
    print(f"peak RSS, bare Textual app: {bare:.0f} MB")
    for label, paths in (("seeds", [str(bundled_seeds())]), ("50 articles", [str(many)])):
        rss = peak_rss_mb(CHILD.format(root=str(ROOT), paths=paths))
        print(f"peak RSS, reader on {label} (with its engine child): {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7, help="launches per variant")
    parser.add_argument("--presses", type=int, default=30, help="j presses per key measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        many = write_copies(Path(tmp) / "many", 50)
        huge = write_huge(Path(tmp) / "huge")
        print(f"Python {sys.version.split()[0]}, Textual {textual_version}")
        asyncio.run(launch_figures(args.repeats))
        cold_figures(args.repeats)
        asyncio.run(key_figures(args.presses, many, huge))
        memory_figures(many)


if __name__ == "__main__":
    main()
