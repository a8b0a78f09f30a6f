"""Article text as styled ``Content``: highlights applied by offset, never by markup.

The highlights' styles are defined in ``tui.highlights``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from textual.content import Content

from align.model import Alignment, Article, Group, Sentence

from .highlights import HIGHLIGHTS, MarkKind
from .passages import Mark, sentence_marks
from .safe import plain, sanitize

# A sentence longer than this is shown cut, with a note; the original-text view
# (key r) shows any part of it. Keeps a 1 MB paragraph from stalling layout.
DISPLAY_LIMIT = 3000

ONLY_HERE = "+"
ANNOTATED = "✎"
# A search's match: reversed and underlined, not bold, so that a match on a conflicting
# figure (bold, reversed) is told from the conflict without colour.
SEARCH_STYLE = "reverse underline $accent"
# The clause by which a sentence joins a passage that is not its home (Member.role
# "also"): the rest of the sentence belongs to another passage.
CLAUSE_STYLE = "bold italic $secondary"


def styled(text: str, marks: Iterable[Mark], limit: int = DISPLAY_LIMIT) -> Content:
    """``text`` with each mark styled, cut at ``limit`` characters with a note."""
    shown = sanitize(text[:limit])
    content = Content(shown)
    for mark in marks:
        content = content.stylize(
            HIGHLIGHTS[mark.kind].style, mark.start, min(mark.end, len(shown))
        )
    if len(text) > limit:
        more = f" … ({len(text) - limit:,} more characters: press r for the original)"
        content = content + Content.styled(more, "dim italic")
    return content


def sentence_content(
    sentence: Sentence,
    article: int,
    group: Group,
    limit: int = DISPLAY_LIMIT,
    clause: tuple[int, int] | None = None,
    found: tuple[int, int] | None = None,
) -> Content:
    """One sentence with the divergences of its group highlighted, ``clause`` (local
    offsets) marked when the sentence joins the current passage by it, and ``found``
    marked: what the last search matched here."""
    content = styled(sentence.text, sentence_marks(sentence, article, group.divergences), limit)
    for span, style in ((clause, CLAUSE_STYLE), (found, SEARCH_STYLE)):
        if span is not None and span[0] < min(span[1], limit):
            content = content.stylize(style, span[0], min(span[1], limit))
    return content


def gutter(single: bool, annotated: bool) -> Content:
    """Two cells before a sentence: ``+`` only this outlet has it, ``✎`` annotated."""
    first = Content.styled(ONLY_HERE, "bold $success") if single else Content(" ")
    second = Content.styled(ANNOTATED, "bold $accent") if annotated else Content(" ")
    return first + second


Matches = Mapping[tuple[int, int], tuple[int, int]]  # (article, sentence) -> the search's match


def passage_content(
    alignment: Alignment, group: Group, article: int, found: Matches | None = None
) -> Content | None:
    """The member of ``article`` in ``group`` as one paragraph, or None if it has none;
    ``found``: what the last search matched, marked."""
    member = group.member_for(article)
    if member is None:
        return None
    found = found or {}
    sentences = alignment.articles[article].sentences
    if member.role == "also":  # the sentence lives in its home passage: marks from there
        index = member.sentences[0]
        home = alignment.groups[alignment.group_of(article, index)]
        return sentence_content(
            sentences[index], article, home, clause=member.span, found=found.get((article, index))
        )
    parts = [
        sentence_content(sentences[i], article, group, found=found.get((article, i)))
        for i in member.sentences
    ]
    return Content(" ").join(parts)


def absent(group: Group, article: int) -> str:
    """What stands where an outlet has no member: the fact not found there, or no match
    and where the outlet gives one of the passage's figures or its nearest wording
    (the engine links only on strong evidence: it may be the same fact)."""
    closest = group.closest_in(article)
    if closest is None:
        return "not reported here"
    where = "figure in" if closest.by == "figure" else "nearest:"  # fits a pane of 36 columns
    return f"no match · {where} passage {closest.group + 1}"


def heading(article: Article, number: int) -> Content:
    """A pane's heading: pane number, the outlet in bold and the date dimmed, then the
    headline in italics."""
    label = plain(article.label, "bold")
    date = article.source.date
    when = Content.assemble(("  ", ""), plain(date, "dim")) if date else Content("")
    return Content.assemble(
        (f"{number} ", "dim"), label, when, "\n", plain(article.title, "italic")
    )


def legend(kinds: Sequence[MarkKind] = tuple(HIGHLIGHTS)) -> Content:
    """A one-line key to the highlights, each sample styled as it appears."""
    samples = [Content.styled(HIGHLIGHTS[k].short, HIGHLIGHTS[k].style) for k in kinds]
    only = Content.assemble((ONLY_HERE, "bold $success"), " only here")
    note = Content.assemble((ANNOTATED, "bold $accent"), " annotated")
    return Content.styled("Key: ", "dim") + Content("  ").join([*samples, only, note])
