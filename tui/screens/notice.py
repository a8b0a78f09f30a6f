"""A notice that stays until the user closes it: for problems with the user's own notes."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Static

from ..safe import plain
from .modal import Dialog


class NoticeScreen(Dialog[None]):
    """A title and a message (plain text, never markup); Enter or Escape closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "close", "OK")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.title_text = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("⚠ " + self.title_text, "bold"), classes="dialog-title")
            yield Static(plain(self.message), id="notice-text")
            yield Static(Content.styled("Enter or Escape: close", "dim"), id="notice-keys")
        yield Footer()
