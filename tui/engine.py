"""The engine off the UI: in a forked child on the second core, or in a thread.

Aligning the seeds takes about as long as importing Textual and drawing the
first frame. Started by the command line as a forked child before Textual is
imported (``Engine.start``), the engine aligns on the second core while the
reader starts on the first, and no engine step takes the interpreter from the
UI (an app given no engine aligns in its own thread). The child sends its progress and
then the alignment through a pipe, pickled: both ends are this program, and
nothing else can write to the pipe. Quitting kills it at once.

The parent unpickles the result on its engine thread, holding the interpreter
lock meanwhile (about 0.25 s per MB of input text, measured on the seeds, 50
articles and a 3 MB one). A larger input, or a platform that cannot fork or has
one core, runs the engine in the thread itself, as the thread only waited before.

The child only computes and writes to its pipe, then leaves with ``os._exit``:
it takes no lock another thread of the parent may hold, runs none of the parent's exit handlers and
flushes none of its buffers. No module here imports Textual.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import select
import signal
import time
import warnings
from collections.abc import Callable, Sequence

from align.model import Alignment, InputError, Source
from align.pipeline import build_from_sources

Progress = Callable[[str, float], None]  # may raise to stop the work

CHILD_MAX_CHARS = 400_000  # input text (all sources) aligned in a child, at most
WAIT = 0.05  # seconds between two checks for a stop while waiting for the child
CHILD_REPORTS = 0.05  # seconds between two progress messages from the child, at least
HEADER = 8  # bytes of a message's length, before it


def can_fork() -> bool:
    """Whether this process can fork and may run on at least two cores."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return (cores or 1) >= 2


class Engine:
    """One run of the engine over ``sources``: ``start`` begins it, ``result`` waits for it
    (on a thread of the caller's), ``close`` stops it."""

    def __init__(self, sources: Sequence[Source]) -> None:
        self.sources = list(sources)
        self.pid = 0  # the child's, while it may run
        self.fd = -1  # the pipe from the child
        self.buffer = bytearray()

    @classmethod
    def start(cls, sources: Sequence[Source], fork: bool | None = None) -> Engine:
        """An engine over ``sources``, in a child from now on where it should be (``fork``:
        by default when the platform can fork and the input is at most ``CHILD_MAX_CHARS``)."""
        engine = cls(sources)
        if fork is None:
            fork = can_fork() and sum(len(s.raw) for s in engine.sources) <= CHILD_MAX_CHARS
        if fork:
            engine.fork()
        return engine

    @property
    def forked(self) -> bool:
        return self.fd >= 0

    def fork(self) -> None:
        """Start the child. Ctrl-C is the parent's to handle (it kills the child): the
        child ignores it, and it is held back across the fork so that it cannot land in
        the child's start-up."""
        read, write = os.pipe()
        interrupt = {signal.SIGINT}
        signal.pthread_sigmask(signal.SIG_BLOCK, interrupt)
        try:
            with warnings.catch_warnings():  # Python 3.12+ warns of forking with threads
                warnings.simplefilter("ignore", DeprecationWarning)
                pid = os.fork()
            if pid == 0:  # the child never leaves this branch
                try:
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
                    signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)
                    os.close(read)
                    _child(self.sources, write)
                finally:
                    os._exit(1)
            os.close(write)
            self.pid, self.fd = pid, read  # known before a held-back Ctrl-C is delivered
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, interrupt)

    def result(self, progress: Progress) -> Alignment:
        """The alignment (``progress``: hears the stages, may raise to stop the work).

        Raises the engine's ``InputError``. Any other failure of the child is
        reproduced here, in this process, to raise the error itself.
        """
        if not self.forked:
            return build_from_sources(self.sources, progress)
        last: tuple[str, float] = ("starting", 0.0)
        try:
            while True:
                message = self.receive()
                if message is None:  # nothing new: told again, a chance to stop
                    progress(*last)
                elif message[0] == "progress":
                    last = (str(message[1]), float(message[2]))  # type: ignore[arg-type]
                    progress(*last)
                elif message[0] == "done" and isinstance(message[1], Alignment):
                    return message[1]
                elif message[0] == "refused":
                    raise InputError(str(message[1]), str(message[2]))
                else:  # the child failed or was killed (``kill``): find the error here
                    progress(*last)  # raises if the work was stopped
                    self.close()
                    return build_from_sources(self.sources, progress)
        finally:
            self.close()

    def receive(self) -> tuple[object, ...] | None:
        """The child's next message, None if none came within ``WAIT``; ("failed",)
        when the child left without its result."""
        while True:
            if len(self.buffer) >= HEADER:
                size = int.from_bytes(self.buffer[:HEADER], "little")
                if len(self.buffer) >= HEADER + size:
                    message: tuple[object, ...] = pickle.loads(self.buffer[HEADER : HEADER + size])
                    del self.buffer[: HEADER + size]
                    return message
            if not select.select([self.fd], [], [], WAIT)[0]:
                return None
            chunk = os.read(self.fd, 1 << 20)
            if not chunk:
                return ("failed",)
            self.buffer += chunk

    def kill(self) -> None:
        """Stop the child now (from any thread); ``result`` then returns or raises as its
        ``progress`` says, and reaps it."""
        pid = self.pid  # read once: ``close`` may set it to 0 meanwhile (0 is the group)
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)

    def close(self) -> None:
        """Kill the child if it still runs, and reap it (idempotent)."""
        pid, self.pid = self.pid, 0
        if pid:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def _child(sources: Sequence[Source], fd: int) -> None:
    """The child's side: align, send progress now and then, then the result."""
    try:
        shown = 0.0

        def report(stage: str, fraction: float) -> None:
            nonlocal shown
            now = time.monotonic()
            if now - shown >= CHILD_REPORTS:
                shown = now
                _send(fd, ("progress", stage, fraction))

        try:
            alignment = build_from_sources(sources, report)
        except InputError as error:
            _send(fd, ("refused", error.path, error.problem))
        else:
            _send(fd, ("done", alignment))
    except BaseException:
        pass
    finally:
        os._exit(0)


def _send(fd: int, message: tuple[object, ...]) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(len(data).to_bytes(HEADER, "little") + data)
    while view:
        view = view[os.write(fd, view) :]
