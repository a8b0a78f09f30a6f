"""The reader application: waits for the engine (``tui.engine``), then opens the reader.

Start-up is kept close to a bare Textual app's: the first screen is the light
loading view, and the reader (its screens, widgets and stylesheet) is imported
only after that first frame is drawn. The engine aligns meanwhile: in a child
process on the second core, started by the command line before Textual is
imported, or else in the app's engine thread. (The app does not fork one
itself: once Textual is loaded, the pages each side of a fork then writes are
copied, and in a warm process that cost as much as it saved.)
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from align.model import Alignment, InputError, Source

from .engine import Engine
from .safe import sanitize
from .screens.loading import LoadingScreen

if TYPE_CHECKING:
    from .screens.reader import ReaderScreen


def reader_in(stack: Iterable[Screen[object]]) -> ReaderScreen | None:
    """The reader screen in ``stack``, if it was opened (its module is loaded only then)."""
    from .screens.reader import ReaderScreen

    return next((s for s in stack if isinstance(s, ReaderScreen)), None)


DEFAULT_SWITCH_INTERVAL = sys.getswitchinterval()
ENGINE_SWITCH_INTERVAL = 0.0005  # seconds; see ``start_engine``
PROGRESS_INTERVAL = 0.1  # seconds between two progress reports shown while aligning


class _Stopped(Exception):
    """Raised inside the engine's progress report when the user quit: stops the work."""


class IdlibReadApp(App[int]):
    """idlib-read: several reports of one event side by side, differences marked."""

    TITLE = "idlib-read"
    CSS_PATH = "app.tcss"  # every screen's styles, in one stylesheet
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", tooltip="Leave idlib-read"),
        # What a terminal user presses to leave; Textual would only say "press ctrl+q".
        # A text field keeps ctrl+c for copying (its own binding comes first).
        Binding("ctrl+c", "quit", show=False),
    ]

    @dataclass
    class Built(Message):
        """The engine finished."""

        alignment: Alignment

    @dataclass
    class Failed(Message):
        """The engine refused the input (InputError) or broke (anything else)."""

        error: Exception

    @dataclass
    class Progressed(Message):
        """The engine reached a stage."""

        stage: str
        fraction: float

    def __init__(
        self,
        sources: Sequence[Source],
        annotations_path: Path,
        *,
        alignment: Alignment | None = None,
        notices: Sequence[str] = (),
        engine: Engine | None = None,
    ) -> None:
        super().__init__()
        self.engine = engine  # started by the command line, else by ``start_engine``
        self.sources = list(sources)
        self.notices = list(notices)  # e.g. web addresses that could not be read
        self.annotations_path = annotations_path
        self.alignment = alignment
        self.quit_anyway = False
        self.engine_running = False  # the engine's thread is aligning (``start_engine``)
        self.stop = threading.Event()  # set on quit: the engine stops at its next step
        self.engine_done = threading.Event()  # the engine finished, failed or stopped

    def get_default_screen(self) -> Screen[Any]:
        """The loading view is the first screen, unless the alignment is already built."""
        if self.alignment is None:
            return LoadingScreen(len(self.sources))
        return super().get_default_screen()

    def on_mount(self) -> None:
        with suppress(NotImplementedError, RuntimeError, ValueError):  # no signals here
            loop = asyncio.get_running_loop()
            for name in ("SIGTERM", "SIGHUP"):  # Windows has no SIGHUP
                number = getattr(signal, name, None)
                if number is not None:
                    loop.add_signal_handler(number, self.terminated, number)
        if self.alignment is not None:
            self.open_reader(self.alignment)
            return
        self.call_after_refresh(self.start_engine)  # the first frame is drawn first

    def start_engine(self) -> None:
        """Wait for the engine (or run it: ``Engine``) in a daemon thread of its own.

        Not a Textual thread worker: those run in asyncio's default executor,
        which the app waits for on exit, and one step of the engine (cleaning
        a 3 MB article) takes seconds. A daemon thread is not waited for, so
        ``q`` leaves at once; quitting also kills the engine's child, or asks
        the engine to stop at its next progress report (``stop``).
        """
        self.engine_running = True
        if self.engine is None:  # not started by the command line: align in this thread
            self.engine = Engine.start(self.sources, fork=False)
        # The engine holds the interpreter lock in long runs; the UI thread gets it back
        # every half millisecond instead of every 5 (Python's default), so keys are read
        # while it works.
        sys.setswitchinterval(ENGINE_SWITCH_INTERVAL)
        threading.Thread(target=self.build, name="idlib-read engine", daemon=True).start()

    def build(self) -> None:
        """Align the sources; report progress and the result as messages (thread-safe)."""

        shown_at = time.monotonic()  # the loading view says "starting" until then

        def report(stage: str, fraction: float) -> None:
            nonlocal shown_at
            if self.stop.is_set():
                raise _Stopped
            # At most every PROGRESS_INTERVAL: each report repaints the loading view on
            # the UI thread, which takes the interpreter from the engine (a report per
            # stage and per percent made aligning the seeds take twice as long).
            now = time.monotonic()
            if now - shown_at >= PROGRESS_INTERVAL:
                shown_at = now
                self.post_message(self.Progressed(stage, fraction))

        try:
            assert self.engine is not None  # set by ``start_engine``
            alignment = self.engine.result(report)
        except _Stopped:
            return
        except Exception as error:  # reported on screen exit, never a traceback
            self.post_message(self.Failed(error))
        else:
            self.post_message(self.Built(alignment))
        finally:
            self.engine_running = False
            sys.setswitchinterval(DEFAULT_SWITCH_INTERVAL)
            self.engine_done.set()

    @on(Progressed)
    def show_progress(self, event: Progressed) -> None:
        if self.screen_stack and isinstance(self.screen, LoadingScreen):
            self.screen.progress(event.stage, event.fraction)

    @on(Built)
    def built(self, event: Built) -> None:
        if not self.screen_stack or self.stop.is_set():  # quit before the engine finished
            return
        self.alignment = event.alignment
        self.open_reader(event.alignment)

    @on(Failed)
    def failed(self, event: Failed) -> None:
        """Leave with status 2 for bad input, 1 for an internal error; say why on exit."""
        error = event.error
        if isinstance(error, InputError):
            self.exit(2, return_code=2, message=Text(sanitize(f"idlib-read: {error}")))
        else:
            text = f"idlib-read: internal error: {type(error).__name__}: {error}"
            self.exit(1, return_code=1, message=Text(sanitize(text)))

    def open_reader(self, alignment: Alignment) -> None:
        """Open the reader over the loading view (the base screen, which cannot be switched)."""
        from align.annotations import AnnotationStore

        from .screens.reader import ReaderScreen

        store = AnnotationStore.open(self.annotations_path)
        store.attach(alignment)
        self.push_screen(ReaderScreen(alignment, store))
        for warning in alignment.warnings:  # e.g. a file read with a fallback encoding
            self.notify(sanitize(warning), severity="warning", timeout=10, markup=False)
        if self.notices:  # inputs left out, listed in one notice
            text = sanitize("\n".join(self.notices))
            self.notify(text, title="Left out", severity="error", timeout=20, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every reader action by name, besides Textual's own."""
        yield from super().get_system_commands(screen)
        reader = reader_in([screen])
        if reader is not None:
            for title, help_text, action in reader.palette():
                yield SystemCommand(title, help_text, partial(reader.run_from_palette, action))

    def terminated(self, number: int) -> None:
        """SIGTERM or SIGHUP (``kill``, a closed terminal): save pending notes, stop
        the engine and leave as ``q`` does, restoring the terminal, with 128 + the
        signal's number (Python's default handler would leave the screen as it was,
        the terminal in raw mode and the notes unsaved)."""
        reader = reader_in(self.screen_stack)
        message = None
        if reader is not None and reader.unsaved():
            text = f"idlib-read: {self.annotations_path}: pending notes could not be saved"
            message = Text(sanitize(text))
        self.leave(128 + number, message)

    def action_quit(self) -> None:  # type: ignore[override]
        """Quit, saving pending notes; if that fails, warn once and quit on the next q."""
        reader = reader_in(self.screen_stack)
        if reader is not None and not self.quit_anyway and reader.unsaved():
            self.quit_anyway = True
            warning = "Annotations could not be saved (see status line). Press q again to quit."
            self.notify(warning, severity="error", timeout=8)
            return
        self.leave(0)

    def leave(self, code: int, message: Text | None = None) -> None:
        """Stop the engine, if still aligning (at its next step, or its child at once),
        and exit with ``code``."""
        self.stop.set()
        if self.engine is not None:
            self.engine.kill()
        self.exit(code, return_code=code, message=message)


def run_reader(
    sources: Sequence[Source],
    annotations_path: Path,
    notices: Sequence[str] = (),
    engine: Engine | None = None,
) -> int:
    """Run the reader on loaded sources; the exit status (0, 1 or 2). ``notices`` (inputs
    that were left out) are listed in a notice when the reader opens; ``engine``: already
    aligning them (``Engine.start``)."""
    app = IdlibReadApp(sources, annotations_path, notices=notices, engine=engine)
    app.run()
    code = app.return_code or 0
    if app.engine_running:
        if app.engine is not None:
            app.engine.kill()  # left without q (an error, a signal): the child goes too
        # Quit while the engine was in one long step: its daemon thread would be
        # stopped in the middle of interpreter shutdown. Nothing is left to save (the
        # reader never opened) and the terminal is restored, so leave now.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    return code
