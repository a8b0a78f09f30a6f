"""What the reader's pilot tests share: the two terminal sizes, an app on an
alignment, and what the screen shows read back as text and styled runs.

A module of its own, not a conftest: ``tests/conftest.py`` and a
``tests/tui/conftest.py`` would both be importable only as ``conftest``.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from textual.geometry import Size
from textual.strip import Strip

from align.model import Alignment
from tui.app import IdlibReadApp
from tui.screens.reader import ReaderScreen
from tui.widgets.article_pane import ArticlePane
from tui.widgets.article_text import BAR
from tui.widgets.stacked_view import StackedView

NARROW = (80, 24)
WIDE = (200, 50)
SIZES = [NARROW, WIDE]


def make_app(alignment: Alignment, tmp_path: Path) -> IdlibReadApp:
    return IdlibReadApp([], tmp_path / "notes.yaml", alignment=alignment)


def reader(app: IdlibReadApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


class Drawable(Protocol):
    """Anything drawn line by line: a widget, or the rows of one sentence."""

    @property
    def size(self) -> Size: ...

    def render_line(self, y: int) -> Strip: ...


@dataclass
class Drawn:
    """The rows a pane draws for one sentence, without the edge cell (gutter and text)."""

    article: int
    sentence: int
    rows: list[Strip]

    @property
    def size(self) -> Size:
        return Size(0, len(self.rows))

    def render_line(self, y: int) -> Strip:
        return self.rows[y].crop(1)

    @property
    def is_current(self) -> bool:
        """Drawn with the current passage's bar at its left edge."""
        return bool(self.rows) and self.rows[0].text.startswith(BAR)


def sentences(screen: ReaderScreen) -> dict[tuple[int, int], Drawn]:
    """Every sentence laid out in the displayed panes, as drawn, by (article, sentence)."""
    return {
        (p.article, i): Drawn(p.article, i, p.text.lines_of(i))
        for p in screen.panes()
        for i in p.text.sentences
    }


def current(screen: ReaderScreen) -> dict[int, list[int]]:
    """Per displayed pane, the indices of the sentences drawn as current."""
    drawn = sentences(screen)
    return {
        p.article: [i for i in p.text.sentences if drawn[(p.article, i)].is_current]
        for p in screen.panes()
    }


def marked_rows(screen: ReaderScreen) -> set[int]:
    """The screen rows where each pane's current passage (or gap line) starts, as drawn."""
    rows = set()
    for pane in screen.panes():
        top = pane.body.scroll_offset.y
        drawn = [pane.text.render_line(top + y).text for y in range(pane.body.size.height)]
        rows.add(pane.body.region.y + next(y for y, line in enumerate(drawn) if line[:1] == BAR))
    return rows


def pane_text(pane: ArticlePane) -> str:
    """What a pane's text shows on screen, lines joined by newlines."""
    top = pane.body.scroll_offset.y
    lines = (pane.text.render_line(top + y) for y in range(pane.body.size.height))
    return "\n".join(line.text.rstrip() for line in lines)


async def click_sentence(pilot, screen: ReaderScreen, article: int, sentence: int) -> None:  # type: ignore[no-untyped-def]
    """Click the middle of the first row of a sentence, as drawn on screen."""
    pane = screen.query_one(f"#pane-{article}", ArticlePane)
    row = pane.text.row_of(sentence)
    assert row is not None
    body = pane.body
    await pilot.click(body, offset=(body.size.width // 2, row - body.scroll_offset.y))


def shown(widget: Drawable) -> str:
    """The widget's rendered text, lines joined by newlines."""
    lines = (widget.render_line(y) for y in range(widget.size.height))
    return "\n".join("".join(seg.text for seg in line).rstrip() for line in lines)


def styled(widget: Drawable, **attrs: bool) -> list[str]:
    """Runs of rendered text whose style has all the given attributes (bold=True, ...)."""
    runs: list[str] = []
    for y in range(widget.size.height):
        run = ""
        for seg in widget.render_line(y):
            style = seg.style
            if style and all(getattr(style, k) == v for k, v in attrs.items()) and seg.text.strip():
                run += seg.text
            elif run:
                runs.append(run.strip())
                run = ""
        if run:
            runs.append(run.strip())
    return runs


def footer(screen: ReaderScreen) -> str:
    """The keys the footer shows, as drawn ("jNext nDiff …")."""
    return " ".join(shown(key).strip() for key in screen.query("FooterKey"))


def status(screen: ReaderScreen) -> str:
    return shown(screen.query_one("#status"))


@dataclass
class Stack:
    """The stacked layout's rows as drawn, all of them (scrolled into view or not)."""

    view: StackedView

    @property
    def size(self) -> Size:
        return Size(self.view.size.width, len(self.view.lines()))

    def render_line(self, y: int) -> Strip:
        return self.view.lines()[y]


def stacked_text(screen: ReaderScreen) -> Stack:
    return Stack(screen.query_one(StackedView))


async def aligned(app: IdlibReadApp, timeout: float = 120.0) -> None:
    """Wait until the app's engine thread has finished (or failed, or stopped)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not app.engine_done.is_set():
        assert loop.time() < deadline, "the engine did not finish"
        await asyncio.sleep(0.01)


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.pause()
    await pilot.pause()
