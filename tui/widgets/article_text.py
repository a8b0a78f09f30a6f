"""An article's sentences as lines, drawn on demand: the text of a pane.

One widget per pane, not one per sentence. Textual's line API asks only for
the rows on screen (:meth:`ArticleText.render_line`), and keeps them: the pane
scrolls this one tall widget, so scrolling draws only rows not drawn before.
Each sentence is wrapped once per width; moving the current passage redraws
the rows of the passage left and the passage reached, with no widget mounted
and no layout pass (the gap line's row is kept, so the height never changes).

The pane decides what is shown (:meth:`ArticleText.lay_out`: which sentences,
where paragraphs break, how many lie outside) and what is marked
(:meth:`ArticleText.mark`: the current sentences, or the gap line where a
passage this outlet lacks would stand); this widget turns that into rows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual
from textual.widget import Widget

BAR = "█"  # the current passage's left edge (as Textual draws a thick outline)

RowKind = Literal["text", "blank", "gap", "earlier", "later"]


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the text: a line of a sentence, or a row between them."""

    kind: RowKind
    sentence: int = -1  # the sentence a text row belongs to (or that a gap line precedes)
    line: int = 0  # which of its wrapped lines


BLANK = Row("blank")


@dataclass(frozen=True, slots=True)
class RowStyles:
    """The styles a row is drawn in: the widget's, the current passage's and its edge's,
    the gap line's and its edge's, and the notes' at either end of the window."""

    base: Style
    current: Style
    bar: Style
    gap: Style
    gap_bar: Style
    more: Style


class ArticleText(Widget, can_focus=False):
    """The sentences of a window of one article, wrapped to the pane's width.

    Every row is one column of edge (the current passage's bar), the text, one
    column of padding. The styles are component classes of ``app.tcss``. After
    the text come as many blank rows as the pane is high, so that the last
    passage can be lined up too.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-text--current",
        "article-text--bar",
        "article-text--gap",
        "article-text--gap-bar",
        "article-text--more",
    }

    @dataclass
    class Selected(Message):
        """The user clicked a sentence."""

        article: int
        sentence: int

    class Relaid(Message):
        """The text was wrapped again at a new width: rows have moved."""

    def __init__(self, article: int, content: Callable[[int], Content], *, classes: str) -> None:
        super().__init__(classes=classes)
        # article text never holds a link: no link style to look up and lay over every
        # wrapped line (a quarter of the wrapping), no repaint when the mouse moves over
        self.set_reactive(Widget.auto_links, False)
        self.article = article
        self.content = content  # sentence index -> its Content (gutter and highlights)
        self.sentences = range(0)
        self.breaks: Collection[int] = ()  # sentences that open a paragraph: a blank row first
        self.hidden = (0, 0)  # sentences before and after the window
        self.current: frozenset[int] = frozenset()
        self.gap: int | None = None  # the gap line stands before this sentence (or at the end)
        self.gap_text = ""  # what the gap line says (the pane words it: ``render.absent``)
        self._wrapped: dict[int, list[Strip]] = {}  # sentence -> its lines, at _width
        self._drawn: dict[tuple[Row, bool], Strip] = {}  # finished rows (edge, padding, style)
        self._rows: list[Row] | None = None  # None: to be laid out at the next use
        self._starts: dict[int, int] = {}  # sentence -> its first row
        self._row_styles: RowStyles | None = None  # None: to be read at the next use
        self._width = 0  # the text's width (the widget's less the edge and the padding)

    # what is shown

    def lay_out(self, sentences: range, breaks: Collection[int], hidden: tuple[int, int]) -> None:
        """Show ``sentences``; a blank row before each of ``breaks``; ``hidden`` (before,
        after): how many sentences lie outside, said in a note at either end."""
        self.sentences, self.breaks, self.hidden = sentences, breaks, hidden
        self._wrapped = {i: lines for i, lines in self._wrapped.items() if i in sentences}
        notes = ("earlier", "later")  # their counts change with the window
        self._drawn = {key: row for key, row in self._drawn.items() if key[0].kind not in notes}
        self._relayout()

    def mark(self, current: Collection[int], gap: int | None, gap_text: str = "") -> None:
        """Draw ``current`` as the current passage, or the gap line before sentence ``gap``
        saying ``gap_text``."""
        current = frozenset(current)
        if current == self.current and gap == self.gap and gap_text == self.gap_text:
            return
        changed = self.current ^ current
        moved = gap != self.gap or gap_text != self.gap_text
        self.current, self.gap, self.gap_text = current, gap, gap_text
        if moved:  # the rows after the gap line shift by one: all of them are drawn again
            self._drawn = {key: row for key, row in self._drawn.items() if key[0].kind != "gap"}
            self._relayout()
        elif self._layout() is not None:  # only the passage left and the one reached
            for index in changed:
                start = self._starts.get(index)
                if start is not None:
                    height = len(self._lines(index))
                    self.refresh(Region(0, start, self.size.width, height))

    def redraw(self, index: int) -> None:
        """Sentence ``index`` is styled anew, its words unchanged (a clause marked or
        unmarked): wrap and draw its rows again, without laying the text out again."""
        self._wrapped.pop(index, None)
        self._drawn = {key: row for key, row in self._drawn.items() if key[0].sentence != index}
        start = self._starts.get(index)
        if start is not None and self._layout() is not None:
            self.refresh(Region(0, start, self.size.width, len(self._lines(index))))

    def rewrap(self) -> None:
        """Wrap every sentence again (its content changed, e.g. an annotation mark)."""
        self._wrapped.clear()
        self._drawn.clear()
        self._relayout()

    def fit(self) -> None:
        """The terminal was resized: the blank rows after the text follow its height."""
        self._relayout()
        self.refresh(layout=True)

    def anchor_row(self) -> int | None:
        """The row of the first current sentence or of the gap line; None before the first
        layout (the width is not known yet) or when neither is shown."""
        rows = self._layout()
        if rows is None:
            return None
        if self.gap is not None:
            return next((y for y, row in enumerate(rows) if row.kind == "gap"), None)
        first = min((i for i in self.current if i in self._starts), default=None)
        return None if first is None else self._starts[first]

    def row_of(self, sentence: int) -> int | None:
        """The first row of ``sentence``, if it is laid out."""
        return self._starts.get(sentence) if self._layout() is not None else None

    def lines_of(self, sentence: int) -> list[Strip]:
        """The rows of ``sentence`` as drawn (edge, text and padding), for tests and tools."""
        rows = self._layout() or []
        start = self._starts.get(sentence)
        if start is None:
            return []
        return [self._draw(row) for row in rows[start : start + len(self._lines(sentence))]]

    # layout

    def _relayout(self) -> None:
        """Lay the rows out again (drawn rows are kept: they do not depend on their place);
        a new number of rows asks for a layout pass, the same number only a redraw."""
        before = len(self._rows) if self._rows is not None else None
        self._rows = None
        rows = self._layout()
        if rows is not None:  # else the first layout pass lays them out
            self.refresh(layout=len(rows) != before)

    def _layout(self, width: int | None = None) -> list[Row] | None:
        """The rows at the widget's width (or at ``width``), laid out once after each change."""
        width = self.size.width if width is None else width
        if not width:
            return None
        text_width = max(1, width - 2)
        if text_width != self._width:
            self._width = text_width
            self._wrapped.clear()
            self._drawn.clear()
            self._rows = None
        if self._rows is None:
            self._rows = self._rows_now()
        return self._rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows of the text at ``width``, then a terminal's height of blank rows, so
        that the last passage can be lined up too.

        Asked at each layout pass; only a new number of rows asks for one (the height
        is not set from here: setting a style during the layout made Textual lay the
        whole screen out again inside it, once per pane)."""
        return len(self._layout(width) or ()) + self.app.size.height

    def _rows_now(self) -> list[Row]:
        rows: list[Row] = []
        starts: dict[int, int] = {}
        if self.hidden[0]:
            rows.append(Row("earlier"))
        for index in self.sentences:
            if index == self.gap:
                rows.append(Row("gap", index))
            if index in self.breaks:
                rows.append(BLANK)
            starts[index] = len(rows)
            rows.extend(Row("text", index, n) for n in range(len(self._lines(index))))
        if self.gap is None:  # the gap line's row, parked: the height stays, so no layout pass
            rows.append(BLANK)
        elif self.gap not in starts:
            rows.append(Row("gap", self.gap))
        if self.hidden[1]:
            rows.append(Row("later"))
        self._starts = starts
        return rows

    def _lines(self, index: int) -> list[Strip]:
        """Sentence ``index`` wrapped to the text width, styled but without a background."""
        lines = self._wrapped.get(index)
        if lines is None:
            content = self.content(index)
            lines = Visual.to_strips(self, content, self._width, None, VisualStyle())
            self._wrapped[index] = lines = lines or [Strip([])]
        return lines

    def on_resize(self, event: events.Resize) -> None:
        """Laid out at a new size (wrapped again at a new width): the screen lines the panes
        up again."""
        self.post_message(self.Relaid())

    def notify_style_update(self) -> None:
        """A new theme: the colours baked into the wrapped lines change."""
        super().notify_style_update()
        self._wrapped.clear()
        self._rows = None
        self._drawn.clear()
        self._row_styles = None

    # drawing

    def render_line(self, y: int) -> Strip:
        rows = self._layout()
        if rows is None:
            return Strip.blank(self.size.width, self.rich_style)
        return self._draw(rows[y] if 0 <= y < len(rows) else BLANK)

    def _draw(self, row: Row) -> Strip:
        current = row.sentence in self.current and row.kind == "text"
        key = (row, current)
        strip = self._drawn.get(key)
        if strip is None:
            strip = self._drawn[key] = self._compose_row(row, current)
        return strip

    def _compose_row(self, row: Row, current: bool) -> Strip:
        """A row: one cell of edge, the text padded to the width, one cell of padding."""
        styles = self._styles()
        style = styles.current if current else styles.base
        edge = Segment(BAR, styles.bar) if current else Segment(" ", style)
        if row.kind == "text":
            text = self._lines(row.sentence)[row.line]
        elif row.kind == "gap":
            style = styles.gap
            edge = Segment(BAR, styles.gap_bar)
            text = Strip([Segment(self.gap_text)])
        elif row.kind in ("earlier", "later"):
            count = self.hidden[0] if row.kind == "earlier" else self.hidden[1]
            style = styles.more
            text = Strip([Segment(f"… {count} {row.kind} sentences (move on to see them)")])
        else:
            text = Strip([])
        text = text.crop(0, self._width).extend_cell_length(self._width).apply_style(style)
        return Strip.join([Strip([edge]), text, Strip([Segment(" ", style)])])

    def _styles(self) -> RowStyles:
        """The rows' styles, read from the stylesheet once per style change (reading a
        widget's style walks up the DOM: per row it was a third of the drawing)."""
        if self._row_styles is None:
            base = self.rich_style
            current = self.get_component_rich_style("article-text--current")
            self._row_styles = RowStyles(
                base=base,
                current=current,
                bar=self._bar_style("article-text--bar", current),
                gap=self.get_component_rich_style("article-text--gap"),
                gap_bar=self._bar_style("article-text--gap-bar", base),
                more=self.get_component_rich_style("article-text--more"),
            )
        return self._row_styles

    def _bar_style(self, name: str, under: Style) -> Style:
        """The edge's colour from component ``name``, over the row's background."""
        colour = self.get_component_rich_style(name).color
        return under + Style(color=colour)

    # clicks

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which sentence was clicked."""
        rows = self._layout()
        if rows is not None and 0 <= event.y < len(rows) and rows[event.y].kind == "text":
            event.stop()
            self.post_message(self.Selected(self.article, rows[event.y].sentence))
