"""One article in a column: heading, then its sentences around the current passage.

The sentences are drawn as lines by one :class:`ArticleText`, not one widget
each. Only a window of sentences around the current passage is laid out (at
most ``WINDOW``), so an article of thousands of sentences costs no more than a
short one; the window moves when the current passage nears its edge.

A pane's first window is only a screenful (:func:`screenful`): the sentences
sure to fill the pane's height above and below the current one. The reader
shows that first, then calls :meth:`ArticlePane.fill` to lay out the rest of
the window, so the user does not wait for the wrapping of text they cannot see yet.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from align.model import Alignment, Group

from ..passages import gap_index
from ..render import DISPLAY_LIMIT, Matches, absent, gutter, heading, sentence_content
from .article_text import ArticleText

WINDOW = 160
MARGIN = 30


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
        self.anchor_index = 0  # the sentence index the current passage is at (or would be)
        self.members: tuple[int, ...] = ()  # the current passage's sentences here
        self.clause: tuple[int, tuple[int, int]] | None = None  # an "also" member's, marked
        self.found: dict[int, tuple[int, int]] = {}  # sentence -> the last search's match
        self.partial = False  # the window is a first screenful: fill() lays out the rest
        self.annotated = annotated
        self.body = PaneBody(classes="body")
        self.text = ArticleText(article, self._content, classes="text")

    def compose(self) -> ComposeResult:
        yield Static(
            heading(self.alignment.articles[self.article], self.article + 1), classes="heading"
        )
        with self.body:
            yield self.text

    def _content(self, index: int) -> Content:
        """Sentence ``index`` with its gutter and its group's highlights, and the clause
        by which it joins the current passage marked (an "also" member's span)."""
        clause = self.clause[1] if self.clause and self.clause[0] == index else None
        sentence = self.alignment.articles[self.article].sentences[index]
        gid = self.alignment.group_of(self.article, index)
        group = self.alignment.groups[gid]
        marks = gutter(group.is_single, gid in self.annotated)
        found = self.found.get(index)
        return marks + sentence_content(sentence, self.article, group, clause=clause, found=found)

    def mark_found(self, found: Matches) -> None:
        """Mark what the last search matched in this article (and unmark the search before)."""
        mine = {s: span for (a, s), span in found.items() if a == self.article}
        changed = {s for s in mine.keys() | self.found.keys() if mine.get(s) != self.found.get(s)}
        self.found = mine
        for index in changed:
            self.text.redraw(index)

    def _mark_clause(self, index: int | None, span: tuple[int, int] | None) -> None:
        """Mark the clause of sentence ``index`` (an "also" member of the current passage),
        after unmarking the one marked before."""
        old = self.clause
        self.clause = (index, span) if index is not None and span is not None else None
        if old == self.clause:
            return
        for marked in {clause[0] for clause in (old, self.clause) if clause is not None}:
            self.text.redraw(marked)

    def _needs_window(self, index: int) -> bool:
        lo, hi = self.window
        total = len(self.alignment.articles[self.article].sentences)
        if not lo <= index < hi or lo == hi:
            return True
        return (index - lo < MARGIN and lo > 0) or (hi - index <= MARGIN and hi < total)

    def _lay_out(self, lo: int, hi: int) -> None:
        """Lay out sentences ``lo`` to ``hi``; a paragraph's first sentence gets a blank row."""
        sentences = self.alignment.articles[self.article].sentences
        breaks = {
            i for i in range(max(1, lo), hi) if sentences[i].paragraph != sentences[i - 1].paragraph
        }
        self.window = (lo, hi)
        self.text.lay_out(range(lo, hi), breaks, (lo, len(sentences) - hi))

    def _rebuild(self, index: int, first: tuple[int, int] | None) -> None:
        """Lay out the window centred on ``index``.

        ``first`` (width, rows): only a screenful of that size for now.
        """
        sentences = self.alignment.articles[self.article].sentences
        lo, hi = window_around(index, len(sentences))
        self.partial = False
        if first is not None:
            lengths = [len(s.text) for s in sentences[lo:hi]]
            a, b = screenful(lengths, index - lo, *first)
            self.partial = (a, b) != (0, hi - lo)
            lo, hi = lo + a, lo + b
        self._lay_out(lo, hi)

    def fill(self) -> bool:
        """Lay out the rest of the window after a first screenful; True if it grew."""
        if not self.partial:
            return False
        self.partial = False
        total = len(self.alignment.articles[self.article].sentences)
        lo, hi = self.window
        full_lo, full_hi = window_around(self.anchor_index, total)
        full_lo, full_hi = min(full_lo, lo), max(full_hi, hi)
        if (full_lo, full_hi) == (lo, hi):
            return False
        self._lay_out(full_lo, full_hi)
        return True

    def show(self, group: Group, first: tuple[int, int] | None = None) -> None:
        """Mark ``group``'s member as current, or place the gap line where it would be.

        ``first`` (width, rows): when nothing is laid out yet, lay out a screenful
        of that size first (see :meth:`fill`).
        """
        member = group.member_for(self.article)
        index = member.sentences[0] if member else gap_index(self.running_max, group.id)
        total = len(self.alignment.articles[self.article].sentences)
        self.anchor_index = min(index, total - 1)
        self.members = tuple(member.sentences) if member else ()
        if self._needs_window(self.anchor_index):
            self._rebuild(self.anchor_index, first if self.window == (0, 0) else None)
        if member:
            self.text.mark(self.members, None)
        else:
            self.text.mark((), index, f"— {absent(group, self.article)} —")
        also = member is not None and member.role == "also"
        self._mark_clause(
            *((member.sentences[0], member.span) if member and also else (None, None))
        )

    def anchor_row(self) -> int | None:
        """The body row of the current passage (or its gap line); None before layout."""
        return self.text.anchor_row()

    def refresh_marks(self, annotated: Collection[int]) -> None:
        """Redraw the gutters after annotations changed."""
        self.annotated = annotated
        self.text.rewrap()
