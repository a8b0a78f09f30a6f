"""The original text around the passage, with what cleaning dropped struck through."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from align.model import Alignment, Article, Dropped, Group
from align.text import shorten

from ..safe import plain, sanitize
from .modal import PassageDialog

BEFORE = 300  # raw characters shown before the passage (so it is on the first screen)
AFTER = 700  # and after it
MAX_SPAN = 6000  # never show more than this much of one article
PASSAGE_STYLE = "bold underline"
DROPPED_STYLE = "strike dim"


def window(raw: str, start: int, end: int) -> tuple[int, int]:
    """Raw offsets to show around ``[start, end)``: whole lines where possible, bounded."""
    lo = max(0, start - BEFORE)
    newline = raw.find("\n", lo, start)
    lo = newline + 1 if lo > 0 and newline >= 0 else lo
    hi = min(len(raw), max(end, start) + AFTER, lo + MAX_SPAN)
    newline = raw.rfind("\n", max(end, lo), hi)
    return lo, (newline if hi < len(raw) and newline > end else hi)


def dropped_in(dropped: Sequence[Dropped], lo: int, hi: int) -> list[Dropped]:
    """The dropped spans overlapping ``[lo, hi)``."""
    return [d for d in dropped if d.start < hi and lo < d.end]


def original_content(article: Article, start: int, end: int) -> Content:
    """The raw text around ``[start, end)``: passage bold underlined, dropped spans struck."""
    raw = article.source.raw
    lo, hi = window(raw, start, end)
    text = Content(sanitize(raw[lo:hi]))
    drops = dropped_in(article.dropped, lo, hi)
    for d in drops:
        text = text.stylize(DROPPED_STYLE, max(0, d.start - lo), d.end - lo)
    text = text.stylize(PASSAGE_STYLE, max(0, start - lo), end - lo)
    parts = []
    if lo > 0:
        parts.append(Content.styled(f"… {lo:,} characters before", "dim italic"))
    parts.append(text)
    if hi < len(raw):
        parts.append(Content.styled(f"… {len(raw) - hi:,} characters after", "dim italic"))
    if drops:
        parts.append(Content.styled("Dropped by cleaning here:", "bold"))
        parts.extend(drop_line(d) for d in drops[:50])
    return Content("\n").join(parts)


def drop_line(dropped: Dropped) -> Content:
    """ "  - <reason>: “text”" (text on one line, clipped)."""
    shown = plain(shorten(dropped.text, 70), DROPPED_STYLE)
    return Content.assemble("  - ", plain(dropped.reason, "italic"), ": “", shown, "”")


def member_span(alignment: Alignment, group: Group, article: int) -> tuple[int, int]:
    """Raw offsets from the first to the last sentence of the article's member."""
    member = group.member_for(article)
    assert member is not None
    sentences = alignment.articles[article].sentences
    return sentences[member.sentences[0]].start, sentences[member.sentences[-1]].end


def originals(alignment: Alignment, group: Group) -> Content:
    """The original text around the passage for every outlet that carries it."""
    blocks = []
    for member in group.members:
        article = alignment.articles[member.article]
        start, end = member_span(alignment, group, member.article)
        head = (
            plain(article.label, "bold reverse") + Content("  ") + plain(article.source.path, "dim")
        )
        blocks.append(head + Content("\n") + original_content(article, start, end))
    return Content("\n\n").join(blocks)


class OriginalScreen(PassageDialog):
    """Modal with the raw text around the current passage."""

    HEADING = "Original text · passage underlined · struck through: dropped by cleaning"
    BODY_ID = "original-text"

    def body(self) -> Content:
        return originals(self.alignment, self.group)
