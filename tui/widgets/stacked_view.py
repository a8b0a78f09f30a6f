"""The narrow layout: the current passage as each outlet words it, one under the other.

One widget of the screen's height that draws the stack as lines (Textual's line API),
as the panes do: a new passage is wrapped once and its rows drawn, and the widget's
size never changes, so moving on costs no second layout pass and no second frame
(a text that grows and shrinks with each passage made Textual lay the screen out
again after drawing it). It scrolls itself: page keys and the mouse wheel move the
rows it draws.
"""

from __future__ import annotations

from collections.abc import Collection

from textual import events
from textual.content import Content
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual
from textual.widget import Widget

from align.model import Alignment, Group

from ..render import DISPLAY_LIMIT, ONLY_HERE, Matches, absent, passage_content
from ..safe import plain

BEFORE = "↑ "  # context marks: they tell the context from the passage without colour
AFTER = "↓ "


def _context(alignment: Alignment, article: int, index: int, mark: str) -> Content | None:
    """Sentence ``index`` of ``article`` dimmed after ``mark``, or None when out of range."""
    sentences = alignment.articles[article].sentences
    if not 0 <= index < len(sentences):
        return None
    text = plain(sentences[index].text[:DISPLAY_LIMIT], "dim italic")
    return Content.styled(mark, "dim") + text


def outlet_block(
    alignment: Alignment, group: Group, article: int, context: bool, found: Matches | None = None
) -> Content:
    """One outlet's wording of the passage, with a sentence either side on demand;
    ``found``: what the last search matched, marked."""
    label = Content.styled(f"{article + 1} ", "dim") + plain(
        alignment.articles[article].label, "bold"
    )
    text = passage_content(alignment, group, article, found)
    if text is None:
        return label + Content.styled(f"  — {absent(group, article)}", "dim italic")
    if group.is_single:
        label += Content.styled(f"  {ONLY_HERE} only this outlet has this passage", "italic")
    parts = [label, text]
    member = group.member_for(article)
    if context and member:
        before = _context(alignment, article, member.sentences[0] - 1, BEFORE)
        after = _context(alignment, article, member.sentences[-1] + 1, AFTER)
        parts = [label, *([before] if before else []), text, *([after] if after else [])]
    return Content("\n").join(parts)


def stacked_content(
    alignment: Alignment,
    group: Group,
    articles: Collection[int],
    context: bool,
    found: Matches | None = None,
) -> Content:
    """Every shown outlet's block, separated by blank lines."""
    blocks = [outlet_block(alignment, group, a, context, found) for a in sorted(articles)]
    return Content("\n\n").join(blocks)


class StackedView(ScrollView, can_focus=False):
    """The current passage across outlets, wrapped to the widget's width and scrolled."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.set_reactive(Widget.auto_links, False)  # article text holds no link
        self.content = Content("")
        self._lines: list[Strip] | None = None  # the wrapped rows; None: wrap at next use
        self._width = 0  # the width they were wrapped at (the whole width, scroll bar or not)

    def show(
        self,
        alignment: Alignment,
        group: Group,
        articles: Collection[int],
        context: bool,
        found: Matches | None = None,
    ) -> None:
        """Show ``group`` for the given articles, from its top (``found``: what the last
        search matched, marked)."""
        self.content = stacked_content(alignment, group, articles, context, found)
        self._lines = None
        self._wrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def lines(self) -> list[Strip]:
        """Every row of the stack as drawn, scrolled into view or not (for tests and tools)."""
        return list(self._wrap())

    def _wrap(self) -> list[Strip]:
        """The content's rows at the widget's width, wrapped once per content and width.

        When they outgrow the widget's height a scroll bar takes columns: wrapped
        again to the width left (the scroll bar appears when the size is set)."""
        width, height = self.size
        if self._lines is not None and width == self._width:
            return self._lines
        self._width = width
        if not width:
            self._lines = None
            return []
        lines = self._to_strips(width)
        bar = self.styles.scrollbar_size_vertical
        if len(lines) > height and self.styles.overflow_y != "hidden" and 0 < bar < width:
            width -= bar
            lines = self._to_strips(width)
        self._lines = lines
        self.virtual_size = Size(width, len(lines))
        return lines

    def _to_strips(self, width: int) -> list[Strip]:
        """The content wrapped to ``width``, each row padded to it in the widget's style."""
        base = self.rich_style
        lines = Visual.to_strips(self, self.content, width, None, VisualStyle())
        return [line.extend_cell_length(width).apply_style(base) for line in lines]

    def render_line(self, y: int) -> Strip:
        lines = self._wrap()
        index = self.scroll_offset.y + y
        if 0 <= index < len(lines):
            return lines[index]
        return Strip.blank(self.scrollable_content_region.width, self.rich_style)

    def on_resize(self, event: events.Resize) -> None:
        """A new width wraps the rows again (and may bring or take the scroll bar)."""
        self._wrap()

    def notify_style_update(self) -> None:
        """A new theme: the colours baked into the wrapped rows change."""
        super().notify_style_update()
        self._lines = None
        self.refresh()
