"""The shape every modal shares: a framed dialog that Escape (or q) closes."""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from align.model import Alignment, Group

T = TypeVar("T")


class Dialog(ModalScreen[T]):
    """A modal closed by Escape with no result; subclasses dismiss with a value."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("q", "close", "Close", show=False),
    ]

    def action_close(self) -> None:
        self.dismiss(None)


class PassageDialog(Dialog[None]):
    """A read-only dialog about one passage: a title over scrolling text.

    Subclasses name the title and the body's id, and build the body.
    """

    HEADING: ClassVar[str] = ""
    BODY_ID: ClassVar[str] = ""

    def __init__(self, alignment: Alignment, group: Group) -> None:
        super().__init__()
        self.alignment = alignment
        self.group = group

    def body(self) -> Content:
        """The dialog's text (article text inside it is already plain Content)."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled(self.HEADING, "bold"), classes="dialog-title")
            with VerticalScroll():
                yield Static(self.body(), id=self.BODY_ID)
        yield Footer()
