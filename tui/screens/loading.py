"""Shown while the engine aligns the articles in a worker thread.

It is the first screen a user sees, so it is deliberately light: one Static,
no containers, no ProgressBar (whose bar, status widgets and timers cost a
bare app's whole start-up again). The progress bar is drawn as text.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

BAR_WIDTH = 30


def progress_bar(fraction: float, width: int = BAR_WIDTH) -> Content:
    """A text progress bar ``width`` cells wide, ``fraction`` (clamped to 0..1) filled."""
    filled = round(max(0.0, min(1.0, fraction)) * width)
    done = Content.styled("━" * filled, "$accent")
    return done + Content.styled("━" * (width - filled), "$panel-lighten-2")


def loading_text(count: int, stage: str, fraction: float) -> Content:
    """The loading view's three lines: what is happening, how far, which stage."""
    title = Content.styled(f"Aligning {count} articles…", "bold")
    return Content("\n\n").join([title, progress_bar(fraction), Content(stage)])


class LoadingScreen(Screen[None]):
    """How many articles are being aligned, a progress bar and the engine's stage.

    No spinner: its animation would repaint many times a second and compete
    with the engine thread for the interpreter.
    """

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        yield Static(loading_text(self.count, "starting", 0.0), id="loading")

    def progress(self, stage: str, fraction: float) -> None:
        """Show the engine's stage name and how far it is through it.

        A query, not query_one: a late report may arrive while the app closes.
        """
        for view in self.query("#loading").results(Static):
            view.update(loading_text(self.count, stage, fraction))
