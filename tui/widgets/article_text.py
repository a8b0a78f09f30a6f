"""An article's sentences as lines, drawn on demand: the scrolling part of a pane.

One widget per pane, not one per sentence. Textual's line API asks only for
the rows on screen (:meth:`ArticleText.render_line`); each sentence is wrapped
once per width and its lines kept, so moving the current passage redraws the
rows on screen and scrolls, with no widget mounted and no layout pass.

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
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual

NOT_HERE = "— not reported here —"
BAR = "█"  # the current passage's left edge (as Textual draws a thick outline)

RowKind = Literal["text", "blank", "gap", "earlier", "later"]


@dataclass(frozen=True, slots=True)
class Row:
    """One row of the text: a line of a sentence, or a row between them."""

    kind: RowKind
    sentence: int = -1  # the sentence a text row belongs to (or that a gap line precedes)
    line: int = 0  # which of its wrapped lines


BLANK = Row("blank")


class ArticleText(ScrollView, can_focus=False):
    """The sentences of a window of one article, wrapped to the pane's width.

    Every row is one column of edge (the current passage's bar), the text, one
    column of padding. The styles are component classes of ``app.tcss``.
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
        self.article = article
        self.content = content  # sentence index -> its Content (gutter and highlights)
        self.sentences = range(0)
        self.breaks: Collection[int] = ()  # sentences that open a paragraph: a blank row first
        self.hidden = (0, 0)  # sentences before and after the window
        self.current: frozenset[int] = frozenset()
        self.gap: int | None = None  # the gap line stands before this sentence (or at the end)
        self._wrapped: dict[int, list[Strip]] = {}  # sentence -> its lines, at _width
        self._drawn: dict[tuple[Row, bool], Strip] = {}  # finished rows (edge, padding, style)
        self._rows: list[Row] | None = None  # None: to be laid out at the next use
        self._starts: dict[int, int] = {}  # sentence -> its first row
        self._width = 0

    # what is shown

    def lay_out(self, sentences: range, breaks: Collection[int], hidden: tuple[int, int]) -> None:
        """Show ``sentences``; a blank row before each of ``breaks``; ``hidden`` (before,
        after): how many sentences lie outside, said in a note at either end."""
        self.sentences, self.breaks, self.hidden = sentences, breaks, hidden
        self._wrapped = {i: lines for i, lines in self._wrapped.items() if i in sentences}
        notes = ("earlier", "later")  # their counts change with the window
        self._drawn = {key: row for key, row in self._drawn.items() if key[0].kind not in notes}
        self._relayout()

    def mark(self, current: Collection[int], gap: int | None) -> None:
        """Draw ``current`` as the current passage, or the gap line before sentence ``gap``."""
        current = frozenset(current)
        if current == self.current and gap == self.gap:
            return
        moved = gap != self.gap
        self.current, self.gap = current, gap
        if moved:
            self._relayout()
        else:
            self.refresh()

    def rewrap(self) -> None:
        """Wrap every sentence again (its content changed, e.g. an annotation mark)."""
        self._wrapped.clear()
        self._drawn.clear()
        self._relayout()

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
        """Lay the rows out again (drawn rows are kept: they do not depend on their place)."""
        self._rows = None
        if self._layout() is not None:
            self.refresh()

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width - 2)

    def _layout(self) -> list[Row] | None:
        """The rows at the present width, laid out once after each change."""
        if not self.scrollable_content_region.width:
            return None
        width = self._text_width()
        if width != self._width:
            self._width = width
            self._wrapped.clear()
            self._drawn.clear()
            self._rows = None
        if self._rows is None:
            self._rows = self._rows_now()
            height = max(1, self.scrollable_content_region.height)
            # a screen of blank rows after the text, so the last passage can be lined up too
            self.virtual_size = Size(self.scrollable_content_region.width, len(self._rows) + height)
        return self._rows

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
        """Wrap again at the new width; the screen lines the panes up again."""
        self._rows = None
        self._drawn.clear()
        self._layout()
        self.post_message(self.Relaid())

    def notify_style_update(self) -> None:
        """A new theme: the colours baked into the wrapped lines change."""
        super().notify_style_update()
        self._wrapped.clear()
        self._rows = None
        self._drawn.clear()

    # drawing

    def render_line(self, y: int) -> Strip:
        rows = self._layout()
        at = y + self.scroll_offset.y
        if rows is None:
            return Strip.blank(self.scrollable_content_region.width, self.rich_style)
        return self._draw(rows[at] if 0 <= at < len(rows) else BLANK)

    def _draw(self, row: Row) -> Strip:
        current = row.sentence in self.current and row.kind == "text"
        key = (row, current)
        strip = self._drawn.get(key)
        if strip is None:
            strip = self._drawn[key] = self._compose_row(row, current)
        return strip

    def _compose_row(self, row: Row, current: bool) -> Strip:
        """A row: one cell of edge, the text padded to the width, one cell of padding."""
        base = self.rich_style
        style = self.get_component_rich_style("article-text--current") if current else base
        edge = Segment(" ", style)
        if current:
            edge = Segment(BAR, self._bar_style("article-text--bar", style))
        if row.kind == "text":
            text = self._lines(row.sentence)[row.line]
        elif row.kind == "gap":
            style = self.get_component_rich_style("article-text--gap")
            edge = Segment(BAR, self._bar_style("article-text--gap-bar", base))
            text = Strip([Segment(NOT_HERE)])
        elif row.kind in ("earlier", "later"):
            count = self.hidden[0] if row.kind == "earlier" else self.hidden[1]
            style = self.get_component_rich_style("article-text--more")
            text = Strip([Segment(f"… {count} {row.kind} sentences (move on to see them)")])
        else:
            text = Strip([])
        text = text.crop(0, self._width).extend_cell_length(self._width).apply_style(style)
        return Strip.join([Strip([edge]), text, Strip([Segment(" ", style)])])

    def _bar_style(self, name: str, under: Style) -> Style:
        """The edge's colour from component ``name``, over the row's background."""
        colour = self.get_component_rich_style(name).color
        return under + Style(color=colour)

    # clicks

    def on_click(self, event: events.Click) -> None:
        """Tell the screen which sentence was clicked."""
        rows = self._layout()
        at = event.y + self.scroll_offset.y
        if rows is not None and 0 <= at < len(rows) and rows[at].kind == "text":
            event.stop()
            self.post_message(self.Selected(self.article, rows[at].sentence))
