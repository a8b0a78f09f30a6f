"""Help: every key of the reader and what each highlight means."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from ..claims import MARKS
from ..highlights import HIGHLIGHTS
from ..render import ANNOTATED, CLAUSE_STYLE, ONLY_HERE, SEARCH_STYLE
from .modal import Dialog

EXTRA_KEYS = [
    ("ledger: enter", "Go to the passage of the figure under the cursor"),
    ("ledger: f", "Show only the quantities in conflict, or all of them"),
    ("q", "Quit"),
    ("ctrl+p", "Command palette: every action by name"),
    ("click", "Make the clicked sentence's passage current"),
    ("escape", "Close a dialog"),
]


def key_name(binding: Binding) -> str:
    """ "j / down" from "j,down"; "?" for question_mark; "/" for slash."""
    names = {
        "question_mark": "?",
        "slash": "/",
        "right_square_bracket": "]",
        "left_square_bracket": "[",
    }
    return " / ".join(names.get(k, k) for k in binding.key.split(","))


def keys_content(bindings: Sequence[Binding]) -> Content:
    """One line per key: the key in bold, then what it does."""
    rows = [(key_name(b), b.tooltip or b.description) for b in bindings if not b.key.isdigit()]
    rows.append(("1 … 9", "Hide or show the outlet's pane"))
    rows.extend(EXTRA_KEYS)
    width = max(len(k) for k, _ in rows) + 2
    return Content("\n").join(Content.styled(k.ljust(width), "bold") + Content(d) for k, d in rows)


def legend_content() -> Content:
    """What each highlight means, each shown in its own style."""
    lines = [
        Content.styled(h.label, h.style) + Content(f": {h.meaning}") for h in HIGHLIGHTS.values()
    ]
    lines.append(
        Content.styled(ONLY_HERE, "bold $success")
        + Content(" in the margin: only this outlet has the passage")
    )
    lines.append(
        Content.styled(ANNOTATED, "bold $accent")
        + Content(" in the margin: the passage is annotated")
    )
    lines.append(
        Content(
            "The current passage has a bar on its left; a pane without it says “not reported"
            " here”, or “no match” and the passage where that outlet gives one of its figures"
            " (“figure in”) or comes nearest in wording (“nearest”)."
        )
    )
    lines.append(
        Content.assemble(
            "A sentence whose other clause belongs elsewhere shows the clause of this passage ",
            Content.styled("like this", CLAUSE_STYLE),
            ".",
        )
    )
    lines.append(
        Content.assemble(
            "What the last search (/) matched is marked ",
            Content.styled("like this", SEARCH_STYLE),
            " (reversed and underlined, not bold), in the list of hits and in the text.",
        )
    )
    lines.append(
        Content.assemble(
            "In the claims ledger (m) each figure is marked on its own: ",
            Content.styled(f"{MARKS['conflict']}59", HIGHLIGHTS["conflict"].style),
            " conflicts with another outlet's, ",
            Content.styled(f"{MARKS['precision']}nearly 6", HIGHLIGHTS["precision"].style),
            " is given with different precision; the mark by a quantity is its worst.",
        )
    )
    lines.append(
        Content.assemble(
            Content.styled("↔ o: passage 36", "bold $accent"),
            " in the status line: a figure here is set against one in passage 36; o goes there"
            " (again: the next such passage, then back).",
        )
    )
    return Content("\n").join(lines)


class HelpScreen(Dialog[None]):
    """Modal with the keys and the legend."""

    def __init__(self, bindings: Sequence[Binding]) -> None:
        super().__init__()
        self.bindings = bindings

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(
                Content.styled("idlib-read: keys and highlights", "bold"), classes="dialog-title"
            )
            with VerticalScroll():
                yield Static(legend_content(), id="help-legend", classes="help-section")
                yield Static(keys_content(self.bindings), id="help-keys")
        yield Footer()
