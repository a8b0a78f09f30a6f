"""The claims ledger: one row per measured quantity, one column per outlet.

It reads ``Alignment.ledger`` (computed once by the engine) and compares
nothing itself. Every outlet gets a column that fits the terminal (a numbered
short name over the column, the full names on a legend line); the quantity
column stays put while the table scrolls sideways. A figure or a quantity's
name longer than its column wraps onto more lines (the row grows), so every
cell reads in full at 80 columns too. Each figure in a cell carries its own
mark: ``!`` and the conflict style when another outlet's figure contradicts
it, ``~`` and the precision style when it is stated with different precision.
The line under the table says in full what the cell under the cursor holds.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterable
from functools import partial
from typing import ClassVar

from rich.style import Style as RichStyle
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.containers import Vertical
from textual.content import Content
from textual.coordinate import Coordinate
from textual.events import Resize
from textual.style import Style
from textual.widgets import DataTable, Footer, Static

from align.model import Alignment, Claim, Measured, Relation
from align.text import counted, shorten

from ..claims import (
    EMPTY,
    MARK_KINDS,
    MARKS,
    RELATION_WORDS,
    first_passage,
    in_cell,
    set_against,
    short_outlet,
    visible_rows,
)
from ..highlights import HIGHLIGHTS
from ..safe import plain, sanitize
from .modal import Dialog

CHROME = 5  # the dialog's border and padding (4) and the table's scrollbar (1)
PADDING = 2  # a DataTable cell's padding, both sides
MIN_LABEL, MIN_CELL, MAX_CELL = 12, 7, 40
EXCERPT = 160  # characters of a figure's sentence shown under the table
MAX_FIGURE = 120  # a figure or a name longer than this is cut (the line under the table has it)


def column_widths(total: int, outlets: int, label: int, figure: int) -> tuple[int, int]:
    """(quantity column, outlet column) widths for ``total`` cells of table.

    The quantity column takes up to a quarter; the outlets share the rest
    evenly, no wider than the widest figure or head needs and no narrower than
    ``MIN_CELL`` (then the table scrolls sideways, the quantities staying).
    """
    label_width = max(MIN_LABEL, min(label, total // 4))
    share = (total - label_width - PADDING) // max(1, outlets) - PADDING
    return label_width, max(MIN_CELL, min(share, figure, MAX_CELL))


def mark_style(relation: Relation | None) -> RichStyle:
    """The rich style of a marked figure: the reader's highlight of the same kind."""
    kind = MARK_KINDS.get(relation) if relation else None
    return Style.parse(HIGHLIGHTS[kind].style).rich_style if kind else RichStyle()


def wrapped(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` on lines of at most ``width`` cells, broken at spaces (inside a word only
    when the word is longer than a line); lines after the first start with ``indent``."""
    width = max(2, width)
    lines = textwrap.wrap(
        " ".join(text.split()),
        width,
        subsequent_indent=indent,
        break_long_words=False,  # a word too long for a line gets lines of its own
        break_on_hyphens=False,  # "M-4" and "5-6" stay whole
    )
    return [line[i : i + width] for line in lines for i in range(0, len(line), width)] or [""]


def figure_lines(row: Measured, index: int, width: int) -> Text:
    """One figure in a cell: its mark and words, wrapped to the cell, the whole span styled."""
    relation = row.relation_of(index)
    mark = MARKS[relation] if relation else ""
    words = sanitize(shorten(row.claims[index].quantity.text, MAX_FIGURE))
    lines = Text("\n".join(wrapped(mark + words, width, " " * len(mark))), no_wrap=True, end="")
    lines.stylize(mark_style(relation), 0, len(lines))
    return lines


def cell_text(row: Measured, article: int, width: int) -> Text:
    """An outlet's cell: each of its figures on lines of its own, each marked on its own."""
    indices = in_cell(row, article)
    if not indices:
        return Text(EMPTY, style="dim", end="")
    return Text("\n", end="").join(figure_lines(row, i, width) for i in indices)


def label_text(row: Measured, width: int) -> Text:
    """The quantity's name, after the row's worst mark ("! talks duration"), wrapped."""
    mark = MARKS[row.worst] if row.worst else " "
    name = sanitize(shorten(row.label, MAX_FIGURE))
    lines = "\n  ".join(wrapped(name, width - 2))  # under the name, not under the mark
    return Text(f"{mark} {lines}", style="bold", no_wrap=True, end="")


def lines_in(text: Text) -> int:
    """How many lines a cell's text takes (its lines are broken already)."""
    return text.plain.count("\n") + 1


def outlets_legend(alignment: Alignment) -> Content:
    """ "1 The Hill · 2 UPI · …": the column heads' numbers, with full names."""
    names = [
        Content.styled(f"{a + 1} ", "bold") + plain(shorten(article.label, 48))
        for a, article in enumerate(alignment.articles)
    ]
    return Content("Outlets: ") + Content(" · ").join(names)


def marks_legend() -> Content:
    """The key to the marks, each shown as it appears in a cell."""
    return Content.assemble(
        ("Key: ", "dim"),
        Content.styled(f"{MARKS['conflict']}59", HIGHLIGHTS["conflict"].style),
        " conflict  ",
        Content.styled(f"{MARKS['precision']}nearly 6", HIGHLIGHTS["precision"].style),
        " different precision  ",
        (EMPTY, "dim"),
        " not given",
    )


def excerpt(claim: Claim, alignment: Alignment, style: str) -> Content:
    """The figure's sentence around it, the figure styled (article text: plain Content)."""
    text = alignment.articles[claim.article].sentences[claim.sentence].text
    q = claim.quantity
    lo, hi = max(0, q.start - EXCERPT // 3), min(len(text), q.end + EXCERPT)
    if lo:  # start at a word
        space = text.find(" ", lo, q.start)
        lo = space + 1 if space >= 0 else lo
    piece = sanitize(text[lo:hi].replace("\n", " "))  # both keep offsets
    body = Content(piece).stylize(style, q.start - lo, q.end - lo)
    return Content.assemble("“", "…" if lo else "", body, "…" if hi < len(text) else "", "”")


def outlet_name(alignment: Alignment, claim: Claim) -> str:
    return f"{claim.article + 1} {short_outlet(alignment.articles[claim.article].label)}"


def figure_detail(alignment: Alignment, row: Measured, index: int) -> Content:
    """One figure in full: its sentence, its passage, what the engine set it against."""
    claim = row.claims[index]
    relation = row.relation_of(index)
    kind = MARK_KINDS.get(relation) if relation else None
    mark = Content.styled(MARKS[relation] if relation else "", "bold")
    said = excerpt(claim, alignment, HIGHLIGHTS[kind].style if kind else "bold")
    lines = [Content.assemble(mark, said, f" (passage {claim.group + 1})")]
    others = set_against(row, index)
    if not others:
        lines.append(Content("  No other outlet gives this quantity."))
    for other, how in others:
        where = plain(f"{outlet_name(alignment, other)}, passage {other.group + 1}")
        figure = plain(shorten(other.quantity.text, 40))
        lines.append(Content.assemble(f"  {RELATION_WORDS[how]} ", figure, " (", where, ")"))
    return Content("\n").join(lines)


def cell_detail(alignment: Alignment, row: Measured, column: int) -> Content:
    """What the cell under the cursor holds, in full (column 0: the quantity itself)."""
    name = plain(shorten(row.label, 80), "bold")
    if column == 0:
        outlets = len(row.articles)
        figures = counted(len(row.claims), "figure")
        return name + Content(
            f": {figures} from {outlets} of {len(alignment.articles)} outlets;"
            f" first in passage {first_passage(row) + 1}, where Enter goes."
        )
    article = column - 1
    head = name + Content(" · ") + plain(shorten(alignment.articles[article].label, 60))
    indices = in_cell(row, article)
    if not indices:
        return head + Content(": gives no figure for this quantity.")
    lines = [figure_detail(alignment, row, i) for i in indices]
    return head + Content("\n") + Content("\n").join(lines)


class LedgerCommands(Provider):
    """The ledger's keys in the command palette."""

    def entries(self) -> Iterable[tuple[str, str, str]]:
        for binding in LedgerScreen.BINDINGS:
            if isinstance(binding, Binding):
                yield f"Ledger {binding.description}", binding.tooltip, binding.action

    async def discover(self) -> Hits:
        for title, help_text, action in self.entries():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, help_text, action in self.entries():
            score = matcher.match(title)
            if score > 0:
                command = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(title), command, help=help_text)


class LedgerScreen(Dialog[int]):
    """Modal table of the claims ledger; Enter on a figure jumps to its passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "enter",
            "jump",
            "Jump",
            priority=True,  # before the table's own Enter, so that the footer shows it
            tooltip="Go to the passage of the figure under the cursor",
        ),
        Binding(
            "f",
            "toggle_conflicts",
            "Conflicts only",
            tooltip="Show only quantities in conflict, or all",
        ),
        Binding("escape", "close", "Close", tooltip="Back to the reader"),
    ]
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {LedgerCommands}

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.conflicts_only = False
        self.rows = visible_rows(alignment, False)
        self.width = 0  # the terminal width the table was laid out for

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -ledger"):
            yield Static(self.title_content(), id="ledger-title", classes="dialog-title")
            yield Static(outlets_legend(self.alignment), id="ledger-outlets")
            yield Static(marks_legend(), id="ledger-key")
            yield DataTable(cursor_type="cell", zebra_stripes=True, fixed_columns=1)
            yield Static(id="ledger-cell")
        yield Footer()

    def title_content(self) -> Content:
        total = len(self.alignment.ledger)
        outlets = len(self.alignment.articles)
        if self.conflicts_only:
            text = (
                f"Claims ledger · conflicts only: {len(self.rows)} of {total} quantities (f: all)"
            )
        else:
            text = f"Claims ledger · {total} measured quantities, {outlets} outlets"
            text = text.replace(" 1 measured quantities", " 1 measured quantity")
        return Content.styled(text, "bold")

    def on_mount(self) -> None:
        self.fill()
        self.query_one(DataTable).focus()

    def on_resize(self, event: Resize) -> None:
        if event.size.width != self.width:
            self.fill()

    def fill(self) -> None:
        """Lay the table out for the terminal's width, keeping the cursor where it was."""
        table = self.query_one(DataTable)
        cursor = table.cursor_coordinate
        self.width = self.app.size.width
        longest_label = max((len(r.label) for r in self.rows), default=0) + 2
        articles = self.alignment.articles
        heads = [f"{a + 1} {short_outlet(article.label)}" for a, article in enumerate(articles)]
        figures = (len(c.quantity.text) + 1 for r in self.rows for c in r.claims)
        widest = max(max(figures, default=0), *(len(h) for h in heads))
        label_w, cell_w = column_widths(self.width - CHROME, len(articles), longest_label, widest)
        table.clear(columns=True)
        table.add_column(Text("quantity", style="bold"), width=label_w, key="quantity")
        for a, head in enumerate(heads):
            shown = Text(sanitize(shorten(head, cell_w)), style="bold")
            table.add_column(shown, width=cell_w, key=str(a))
        for row in self.rows:
            cells = [label_text(row, label_w)]
            cells += [cell_text(row, a, cell_w) for a in range(len(articles))]
            height = max(lines_in(cell) for cell in cells)
            table.add_row(*cells, key=str(row.id), height=height)
        if self.rows:
            table.cursor_coordinate = Coordinate(min(cursor.row, len(self.rows) - 1), cursor.column)
        self.show_cell()

    def show_cell(self) -> None:
        """Say in full what the cell under the cursor holds."""
        table = self.query_one(DataTable)
        detail = self.query_one("#ledger-cell", Static)
        if not self.rows:
            detail.update(Content("No numeric claims were found in these articles."))
            return
        row = self.rows[table.cursor_row]
        detail.update(cell_detail(self.alignment, row, table.cursor_column))

    @on(DataTable.CellHighlighted)
    def highlighted(self) -> None:
        self.show_cell()

    def action_jump(self) -> None:
        """Dismiss with the passage of the first figure in the cell (the row's first passage
        from the quantity column); an empty cell says why nothing happens."""
        table = self.query_one(DataTable)
        if not self.rows:
            self.notify("The ledger is empty: no numeric claims were found.", timeout=3)
            return
        row = self.rows[table.cursor_row]
        if table.cursor_column == 0:
            self.dismiss(first_passage(row))
            return
        indices = in_cell(row, table.cursor_column - 1)
        if not indices:
            outlet = shorten(self.alignment.articles[table.cursor_column - 1].label, 40)
            note = f"{outlet} gives no figure for this quantity: nothing to jump to."
            self.notify(note, timeout=3, markup=False)
            return
        self.dismiss(row.claims[indices[0]].group)

    @on(DataTable.CellSelected)
    def cell_selected(self) -> None:
        self.action_jump()

    def action_toggle_conflicts(self) -> None:
        if not self.conflicts_only and not visible_rows(self.alignment, True):
            self.notify("No quantity is in conflict: nothing to filter.", timeout=3)
            return
        self.conflicts_only = not self.conflicts_only
        self.rows = visible_rows(self.alignment, self.conflicts_only)
        self.query_one("#ledger-title", Static).update(self.title_content())
        self.fill()
