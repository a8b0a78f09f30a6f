"""One article in a column: heading, then its sentences around the current passage.

Only a window of sentences around the current passage is mounted (at most
``WINDOW``), so an article of thousands of sentences costs no more than a
short one; the window moves when the current passage nears its edge.

A pane's first window is only a screenful (:func:`screenful`): the sentences
sure to fill the pane's height above and below the current one. The reader
shows that first, then calls :meth:`ArticlePane.fill` to mount the rest of the
window, so the user does not wait for the layout of text they cannot see yet.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from align.model import Alignment, Group

from ..passages import gap_index
from ..render import DISPLAY_LIMIT, gutter, heading, sentence_content
from .sentence_view import SentenceView

WINDOW = 160
MARGIN = 30
NOT_HERE = "— not reported here —"


def window_around(index: int, total: int, size: int = WINDOW) -> tuple[int, int]:
    """The window of ``size`` sentences centred on ``index`` (shifted to fit in 0..total)."""
    lo = max(0, min(index - size // 2, total - size))
    return lo, min(total, lo + size)


def screenful(lengths: Sequence[int], index: int, width: int, rows: int) -> tuple[int, int]:
    """The fewest sentences around ``index`` sure to fill ``rows`` rows above and below it.

    ``lengths`` are the sentences' lengths in characters; a sentence of n characters
    takes at least ceil(n / width) rows in a column at most ``width`` wide (wrapping
    at words only adds rows), so the window is never short of a screen.
    """
    width = max(1, width)

    def height(i: int) -> int:
        return max(1, -(-min(lengths[i], DISPLAY_LIMIT) // width))

    lo, above = index, 0
    while lo > 0 and above < rows:
        lo -= 1
        above += height(lo)
    hi, below = index, 0
    while hi < len(lengths) and below < rows:
        below += height(hi)
        hi += 1
    return lo, max(hi, min(index + 1, len(lengths)))


class PaneBody(VerticalScroll, can_focus=False):
    """The scrolling part of a pane; never takes focus, so keys reach the screen."""


class ArticlePane(Vertical):
    """An article's column. ``show(group)`` marks the group's member (or a gap line)."""

    def __init__(
        self,
        alignment: Alignment,
        article: int,
        running_max: list[int],
        annotated: Collection[int] = (),
    ) -> None:
        super().__init__(id=f"pane-{article}", classes="pane")
        self.alignment = alignment
        self.article = article
        self.running_max = running_max
        self.window = (0, 0)
        self.anchor = 0  # the sentence index the current passage is at (or would be)
        self.members: tuple[int, ...] = ()  # the current passage's sentences here
        self.clause: tuple[int, tuple[int, int]] | None = None  # an "also" member's, marked
        self.partial = False  # the window is a first screenful: fill() mounts the rest
        self.views: dict[int, SentenceView] = {}
        self.current: list[SentenceView] = []
        self.marker: Widget | None = None  # the current member or the gap line
        self.annotated = annotated
        self.body = PaneBody(classes="body")
        self.more_before = Static("", classes="more -before")
        self.gap = Static(Content(""), classes="gap -parked")
        self.more_after = Static("", classes="more -after")
        self.spacer = Static("", classes="spacer")

    def compose(self) -> ComposeResult:
        yield Static(
            heading(self.alignment.articles[self.article], self.article + 1), classes="heading"
        )
        with self.body:
            yield self.more_before
            yield self.gap
            yield self.more_after
            yield self.spacer

    def _content(self, index: int, clause: tuple[int, int] | None = None) -> Content:
        """Sentence ``index`` with its gutter and its group's highlights (``clause``:
        the span by which it joins the current passage, marked)."""
        sentence = self.alignment.articles[self.article].sentences[index]
        gid = self.alignment.group_of(self.article, index)
        group = self.alignment.groups[gid]
        marks = gutter(group.is_single, gid in self.annotated)
        return marks + sentence_content(sentence, self.article, group, clause=clause)

    def _mark_clause(self, index: int | None, span: tuple[int, int] | None) -> None:
        """Mark the clause of sentence ``index`` (an "also" member of the current passage),
        after unmarking the one marked before."""
        old = self.clause[0] if self.clause else None
        self.clause = (index, span) if index is not None and span is not None else None
        if old is not None and old != index and old in self.views:
            self.views[old].update(self._content(old))
        if self.clause and index in self.views:
            self.views[index].update(self._content(index, span))

    def _view(self, index: int) -> SentenceView:
        """A new view of sentence ``index``."""
        sentences = self.alignment.articles[self.article].sentences
        gid = self.alignment.group_of(self.article, index)
        classes = "-single" if self.alignment.groups[gid].is_single else ""
        if index > 0 and sentences[index].paragraph != sentences[index - 1].paragraph:
            classes += " -para"
        span = self.clause[1] if self.clause and self.clause[0] == index else None
        return SentenceView(self._content(index, span), self.article, index, classes=classes)

    def _needs_window(self, index: int) -> bool:
        lo, hi = self.window
        total = len(self.alignment.articles[self.article].sentences)
        if not lo <= index < hi or lo == hi:
            return True
        return (index - lo < MARGIN and lo > 0) or (hi - index <= MARGIN and hi < total)

    async def _rebuild(self, index: int, first: tuple[int, int] | None) -> None:
        """Mount the sentences in a window centred on ``index``.

        ``first`` (width, rows): mount only a screenful of that size for now.
        """
        sentences = self.alignment.articles[self.article].sentences
        total = len(sentences)
        lo, hi = window_around(index, total)
        self.partial = False
        if first is not None:
            lengths = [len(s.text) for s in sentences[lo:hi]]
            a, b = screenful(lengths, index - lo, *first)
            self.partial = (a, b) != (0, hi - lo)
            lo, hi = lo + a, lo + b
        body = self.body
        body.move_child(self.gap, before=self.more_after)
        await body.remove_children(SentenceView)
        self.views = {i: self._view(i) for i in range(lo, hi)}
        self.current = []
        await body.mount_all(self.views.values(), after=self.more_before)
        self.window = (lo, hi)
        self._note_hidden(lo, total - hi)

    async def fill(self) -> bool:
        """Mount the rest of the window after a first screenful; True if any was mounted.

        New sentences go before the first and after the last mounted one, so a gap
        line between them stays where it is.
        """
        if not self.partial or not self.body.is_attached:
            return False
        self.partial = False
        total = len(self.alignment.articles[self.article].sentences)
        lo, hi = self.window
        full_lo, full_hi = window_around(self.anchor, total)
        full_lo, full_hi = min(full_lo, lo), max(full_hi, hi)
        before = [self._view(i) for i in range(full_lo, lo)]
        after = [self._view(i) for i in range(hi, full_hi)]
        for view in before + after:
            self.views[view.sentence] = view
            if view.sentence in self.members:  # a long passage cut by the screenful
                view.add_class("-current")
                self.current.append(view)
        self.current.sort(key=lambda view: view.sentence)
        if before:
            await self.body.mount_all(before, after=self.more_before)
        if after:
            await self.body.mount_all(after, before=self.more_after)
        self.window = (full_lo, full_hi)
        self._note_hidden(full_lo, total - full_hi)
        return bool(before or after)

    def _note_hidden(self, before: int, after: int) -> None:
        """Say how many sentences lie outside the window."""
        notes = ((self.more_before, before, "earlier"), (self.more_after, after, "later"))
        for more, count, where in notes:
            more.display = count > 0
            more.update(Content(f"… {count} {where} sentences (move on to see them)"))

    async def show(self, group: Group, first: tuple[int, int] | None = None) -> int | None:
        """Mark ``group``'s member as current, or place the gap line where it would be.

        Returns where the anchor (member or gap line) will sit in the body once
        laid out, predicted from the present layout, so the screen can line the
        panes up before the next frame; None when new sentences were mounted
        and only a layout pass can tell. ``first`` (width, rows): when nothing is
        mounted yet, mount a screenful of that size first (see :meth:`fill`).
        """
        member = group.member_for(self.article)
        index = member.sentences[0] if member else gap_index(self.running_max, group.id)
        total = len(self.alignment.articles[self.article].sentences)
        self.anchor = min(index, total - 1)
        self.members = tuple(member.sentences) if member else ()
        rebuilt = self._needs_window(self.anchor)
        if rebuilt:
            await self._rebuild(self.anchor, first if self.window == (0, 0) else None)
        if not self.body.is_attached:  # the app closed while sentences were mounting
            return None
        old_gap = self._gap_extent()
        for view in self.current:
            view.remove_class("-current")
        self.current = (
            [self.views[i] for i in member.sentences if i in self.views] if member else []
        )
        for view in self.current:
            view.add_class("-current")
        also = member is not None and member.role == "also"
        self._mark_clause(
            *((member.sentences[0], member.span) if member and also else (None, None))
        )
        if member:
            self._hide_gap()
            self.marker = self.current[0] if self.current else None
            return None if rebuilt or self.marker is None else _shifted(self.marker, old_gap)
        before = self._place_gap(index)
        self.marker = self.gap
        return None if rebuilt else _shifted(before, old_gap) - before.styles.margin.top

    def _gap_extent(self) -> tuple[int, int] | None:
        """(y, height) of the gap line as laid out now.

        The gap line is never removed from the layout, only drawn in no colour
        (class ``-parked``) after the last sentence, so the body's height stays constant and
        moving between passages costs one layout pass.
        """
        region = self.gap.virtual_region
        return (region.y, region.height) if region.height else None

    def _hide_gap(self) -> None:
        self.gap.add_class("-parked")
        self.gap.update(Content(""), layout=False)  # one row, with or without its words
        self._move_gap_before(self.spacer)

    def _move_gap_before(self, widget: Widget) -> None:
        """Put the gap line just before ``widget``, unless it is there already.

        Moving costs a layout pass, so it is skipped when nothing changes; a
        widget no longer in the body (the app is closing) is ignored.
        """
        nodes = list(self.body.children)
        if widget not in nodes or self.gap not in nodes:
            return
        if nodes.index(self.gap) != nodes.index(widget) - 1:
            self.body.move_child(self.gap, before=widget)

    def _place_gap(self, index: int) -> Widget:
        """Show the gap line before sentence ``index``; the widget it now precedes."""
        before: Widget = self.views.get(index) or self.more_after
        if not before.display:
            before = self.spacer
        self.gap.remove_class("-parked")
        self.gap.update(Content(NOT_HERE), layout=False)
        self._move_gap_before(before)
        return before

    def refresh_marks(self, annotated: Collection[int]) -> None:
        """Redraw the gutters after annotations changed."""
        self.annotated = annotated
        for index, view in self.views.items():
            span = self.clause[1] if self.clause and self.clause[0] == index else None
            view.update(self._content(index, span))


def _shifted(widget: Widget, old_gap: tuple[int, int] | None) -> int:
    """``widget``'s y once a gap line shown above it at ``old_gap`` is taken away."""
    y = widget.virtual_region.y
    return y - old_gap[1] if old_gap and old_gap[0] < y else y
