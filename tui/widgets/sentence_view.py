"""One sentence of an article pane: clickable, styled by CSS classes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class SentenceView(Static):
    """A sentence shown in a pane; clicking it makes its passage current.

    State is CSS classes: ``-current`` (in the current passage), ``-para``
    (first sentence of a paragraph), ``-single`` (only this outlet has it).
    """

    @dataclass
    class Selected(Message):
        """The user clicked a sentence."""

        article: int
        sentence: int

    def __init__(self, content: Content, article: int, sentence: int, *, classes: str = "") -> None:
        super().__init__(content, classes=classes, markup=False)
        self.article = article
        self.sentence = sentence

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which sentence was clicked."""
        event.stop()
        self.post_message(self.Selected(self.article, self.sentence))
