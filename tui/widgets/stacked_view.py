"""The narrow layout: the current passage as each outlet words it, one under the other."""

from __future__ import annotations

from collections.abc import Collection

from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from align.model import Alignment, Group

from ..render import DISPLAY_LIMIT, ONLY_HERE, absent, passage_content
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


def outlet_block(alignment: Alignment, group: Group, article: int, context: bool) -> Content:
    """One outlet's wording of the passage, with a sentence either side on demand."""
    label = Content.styled(f"{article + 1} ", "dim") + plain(
        alignment.articles[article].label, "bold"
    )
    text = passage_content(alignment, group, article)
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
    alignment: Alignment, group: Group, articles: Collection[int], context: bool
) -> Content:
    """Every shown outlet's block, separated by blank lines."""
    blocks = [outlet_block(alignment, group, a, context) for a in sorted(articles)]
    return Content("\n\n").join(blocks)


class StackedView(VerticalScroll, can_focus=False):
    """Scrollable stack of the current passage across outlets."""

    def compose(self):  # type: ignore[no-untyped-def]
        yield Static("", id="stacked-text")

    def show(
        self, alignment: Alignment, group: Group, articles: Collection[int], context: bool
    ) -> None:
        """Show ``group`` for the given articles."""
        self.query_one("#stacked-text", Static).update(
            stacked_content(alignment, group, articles, context)
        )
        self.scroll_home(animate=False)
