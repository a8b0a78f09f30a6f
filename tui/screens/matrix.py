"""The claims matrix: numeric claims by what they count (rows) and outlet (columns)."""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Footer, Static

from align.model import Alignment

from ..passages import Cell, Matrix, claims_matrix
from ..safe import clip, sanitize
from .modal import Dialog

CELL_WIDTH = 28


def cell_text(cell: Cell | None, styles: dict[str, Style]) -> Text:
    """One cell as the outlet words it; conflicts and precision differences styled.

    A rich ``Text`` (DataTable measures it correctly) built from plain strings,
    so the words are never parsed as markup.
    """
    if cell is None:
        return Text("·", style=styles["muted"])
    words = "; ".join(sanitize(clip(c.quantity.text, CELL_WIDTH)) for c in cell.claims)
    if cell.conflict:
        return Text(words, style=styles["conflict"])
    return Text(words, style=styles["precision"] if cell.precision else "")


class MatrixScreen(Dialog[int]):
    """Modal DataTable of claims; Enter on a cell jumps to that passage."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "jump", "Jump to passage", show=True)]

    def __init__(self, alignment: Alignment) -> None:
        super().__init__()
        self.alignment = alignment
        self.matrix: Matrix = claims_matrix(alignment)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            title = "Numeric claims by what they count · reversed: conflict · underlined: precision"
            yield Static(Content.styled(title, "bold"), classes="dialog-title")
            if not self.matrix.rows:
                yield Static(Content("No numeric claims were found in these articles."))
            yield DataTable(cursor_type="cell", zebra_stripes=True)
        yield Footer()

    def _styles(self) -> dict[str, Style]:
        """Highlight styles from the theme (rich Text cannot read CSS variables)."""
        colors = self.app.theme_variables
        return {
            "conflict": Style(bold=True, reverse=True, color=colors.get("error")),
            "precision": Style(bold=True, underline=True, color=colors.get("warning")),
            "muted": Style(dim=True),
        }

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        styles = self._styles()
        table.add_column(Text("counted"), key="counted")
        for a, article in enumerate(self.alignment.articles):
            table.add_column(Text(sanitize(clip(article.label, CELL_WIDTH))), key=str(a))
        for row in self.matrix.rows:
            cells = [self.matrix.cells.get((row, a)) for a in range(len(self.alignment.articles))]
            table.add_row(
                Text(sanitize(clip(row, CELL_WIDTH)), style="bold"),
                *(cell_text(c, styles) for c in cells),
                key=row,
            )
        table.focus()

    def selected_group(self) -> int | None:
        """The passage of the cell under the cursor, or of the row's first claim."""
        table = self.query_one(DataTable)
        if not self.matrix.rows:
            return None
        row = self.matrix.rows[table.cursor_row]
        column = table.cursor_column - 1
        cell = self.matrix.cells.get((row, column))
        if cell is None:
            cell = next(c for (r, _), c in sorted(self.matrix.cells.items()) if r == row)
        return cell.group

    def action_jump(self) -> None:
        self.dismiss(self.selected_group())

    @on(DataTable.CellSelected)
    def cell_selected(self) -> None:
        self.action_jump()
