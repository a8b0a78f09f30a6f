"""Shown while the engine aligns the articles in a worker thread."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.widgets import ProgressBar, Static


class LoadingScreen(Screen[None]):
    """A progress bar and the name of the stage the engine is in.

    No spinner: its animation would repaint many times a second and compete
    with the engine thread for the interpreter.
    """

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(
                Content.styled(f"Aligning {self.count} articles…", "bold"), id="loading-title"
            )
            yield ProgressBar(total=1.0, show_eta=False, show_percentage=False, id="loading-bar")
            yield Static(Content("starting"), id="loading-stage")

    def progress(self, stage: str, fraction: float) -> None:
        """Show the engine's stage name and how far it is through it.

        Queries, not query_one: a late report may arrive while the app closes.
        """
        for label in self.query("#loading-stage").results(Static):
            label.update(Content(stage))
        for bar in self.query(ProgressBar):
            bar.update(progress=max(0.0, min(1.0, fraction)))
