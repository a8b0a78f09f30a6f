"""Clean: drop scraping debris from an article and remember where every character came from.

``clean(raw)`` returns a ``Cleaned``: the kept text, ``origin`` (the raw offset
of every cleaned character) and ``dropped`` (every span removed or rewritten,
with its reason). The rules look for general signals of debris, never for
particular sentences or outlets.

Reasons (the fixed vocabulary of ``Dropped.reason``, see ``REASONS``):

``control characters``  C0/C1 control bytes, ANSI escape sequences, bidi and
                        zero-width format characters (article text goes to a terminal)
``template token``      unexpanded page-template placeholders (``%MINIFYHTML0a31...%``, ``{{x}}``)
``url``                 bare URL lines (``<https://...>``), "Original url:" and
                        "Permalink <url>" style lines
``related link``        "Related article: ...", "Read more: ...", "Also Read | ...", "READ |
                        ...", "RECOMMENDED: ..." lines; a site's most read stories run
                        onto one numbered line ("Popular Now 1 ... 2 ... 3 ..."); a
                        "Topics" / "Related" / "More stories" / "Most popular" / "Trending
                        Stories" / "Don't Miss" label line with short link lines under it,
                        or with link paragraphs after it that close the article
``byline``              "By Name", "BySommer Brokaw", "By Name | May 14, 2024" (a byline with
                        its date), "With reports by Name in Place.",
                        "Reporting by ...; Editing by ...", "Name contributed to this report.",
                        "Author Jane Doe", a line of names ("Jane Doe in Kestrel and Ali
                        Khan in Harlow") directly above a date line, in its paragraph or
                        alone in the one above; a wire's sign-off after a paragraph's last
                        sentence ("... officials said. (AFP)", "... — PTI")
``date line``           a line of dates, times and date words, a date among them
                        ("Published: 5 March 2020, 10:30 GMT", "5 March 2020 • 7:12pm",
                        "Last update: 1 year 2 months ago"), "date 2020-03-05"
                        metadata, or a lone "Published" / "Updated" label, also in emphasis
                        ("*Published 2024-05-14*"); a live blog's stamp ("20.41 GMT",
                        "Updated at 18.11 GMT"); such a date fused onto the start of
                        the first line ("date 2020-03-05 Turkey, Russia agree ...")
``headline``            the first line when it is the title (it goes to ``Cleaned.headline``),
                        and its duplicates at the top, or a top line that it ends with
                        after a path or date fused before it
``photo credit``        "© Getty Images", "Photo by Name/", "(Name / Agency)", "**Name / Agency**",
                        "(AP Photo)", "... via Agency, Pool" fused onto a caption
``caption``             a photo caption: a paragraph ending in a credit, a paragraph with
                        position markers ("(R)", "(L)", ", left," with a credit), a line
                        repeated with a credit fused on, a short one ending in an agency
                        ("... on 3 March (AFP)"), a line just before a credit line,
                        an "Image caption ..." line, the line after a lone "Image caption," label
``duplicate``           a line repeated verbatim right after itself
``boilerplate``         page furniture on a line of its own: "Advertisement", "Share this article",
                        share bars ("Share Facebook Twitter E-Mail"), "Sign up for ...",
                        newsletter and "available in French" lines, "Copyright 2020 ... All
                        rights reserved", "3 min read", "Comments: 112", "Feedback: Send us
                        ...", tag lines ("Topics: ...", "Keywords Idlib, ..."), a site's
                        path ("Home » World") or menu ("Live Radio | Live TV | Languages"),
                        a navigation block above the story or below it, a telephone
                        number, a postal address, counters ("1,024 comments"); a print
                        page's "Continued on page 4", "Page 3" and running head ("4
                        KESTREL TIMES Friday 6 March 2020"); a newsletter's e-mail
                        headers ("From: Jane Doe <jane@x.org>", "Subject: ..."), "View
                        in browser" and footer ("You received this email because ...")
``embed``               a social-media embed paragraph ("pic.twitter.com/...",
                        "(@handle) March 5, 2020")
``dateline``            "MOSCOW — " at the start of a paragraph
``subhead``             a paragraph of one short line that ends no sentence (or asks: "What
                        led to the talks?"), between paragraphs of prose
``hover card``          a related-links widget fused into a name: from the lowercase→Uppercase
                        fusion ("PutinVladimir") up to the token "MORE"
``markdown``            link and emphasis syntax (``[``, ``](url)``, ``**``, ``_``), heading and
                        quote markers; the words inside are kept; a table's rule, header
                        row and cell bars (a bar between two cells reads as a colon)
``entity``              HTML entities, real (``&amp;``) or broken (``,quot;``); the decoded
                        character is the ``replacement``
``stray punctuation``   full stops repeated after a sentence's end ("Monday. . Then",
                        "lost . ."); a spaced ellipsis ("paused . . . then") is kept
``hyphenation``         a word broken at a line's end by a hyphen, as print columns break
                        them ("joint pa-" over "trols"): the hyphen and the break go; a
                        compound keeps its hyphen ("Russian-" over "backed": only the break)
``footnote mark``       a reference's mark: in brackets after a word or sentence ("[11]",
                        "[a]", "[citation needed]", Markdown's "[^2]"), or digits run onto a
                        sentence's end before the next one ("... the two sides.2 Joint
                        patrols ..."); the mark opening a Markdown footnote's line ("[^2]: ...")

Rules run in a fixed order (see ``clean``): control characters and template
tokens, whole-line debris, navigation blocks, embeds and labels, a date fused onto
the first line, the headline, captions, credits and sign-offs, datelines, hover
cards, markdown, entities, footnote marks, stray full stops. A later rule only gets
what earlier ones left, so dropped spans never overlap. Line rules look only
at lines of at most ``MAX_RULE_LINE`` characters and caption rules only at
short paragraphs, so long prose is never swallowed and time stays linear.

Whitespace is normalised without ``Dropped`` entries, because it is not
debris: inside a paragraph every run of whitespace (spaces, tabs,
non-breaking and other Unicode spaces, single line breaks, ``\\r``) becomes
one space whose origin is the first whitespace character of the run;
paragraphs (separated by blank lines, or by lines that cleaning emptied) are
joined by ``"\\n\\n"`` whose origins are two real line-break characters. In text
that parts its paragraphs with single line breaks (``_one_per_line``: long lines
of prose that end a sentence) each such break is a paragraph break too, both of
its characters from that one line break; the rules still read such a run as one
paragraph.
So every cleaned character equals its raw character, or both are
whitespace, or the character comes from a ``Dropped`` replacement.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import groupby, islice, pairwise
from typing import NamedTuple

from .figures.lexicon import MONTHS, NUMBER_WORDS, TIME_ZONES, VAGUE_WORDS, WEEKDAYS
from .model import Cleaned, Dropped, Origins, Run
from .normalize import tokens
from .text import BIDI_CODES, CONTROL_CODES, INVISIBLE_CODES, LINE_CODES, char_class

REASONS = frozenset(
    {
        "control characters", "template token", "url", "related link", "byline",
        "date line", "headline", "photo credit", "caption", "duplicate", "dateline",
        "hover card", "markdown", "entity", "boilerplate", "embed", "stray punctuation",
        "subhead", "hyphenation", "footnote mark",
    }
)  # fmt: skip

Span = tuple[int, int]

# --- the drop list -----------------------------------------------------------------


class Drops(NamedTuple):
    """Disjoint dropped spans sorted by start, with their ends for bisection."""

    items: tuple[Dropped, ...] = ()
    ends: tuple[int, ...] = ()

    def first_after(self, pos: int) -> int:
        """Index of the first drop ending after ``pos``."""
        return bisect_right(self.ends, pos)


def _merge(existing: Drops, new: Iterable[Dropped]) -> Drops:
    """Add ``new`` drops to ``existing`` ones; what is already dropped wins.

    A new span overlapping earlier drops is cut into its uncovered pieces (a
    replacement cannot be cut, so it is skipped). Linear after sorting.
    """
    old = existing.items
    added: list[Dropped] = []
    frontier = 0  # end of the last added span
    i = 0
    for drop in sorted(new, key=lambda d: (d.start, -d.end)):
        while i < len(old) and old[i].end <= drop.start:
            i += 1
        pieces = list(_uncovered(max(drop.start, frontier), drop.end, old, i))
        if not pieces or (drop.replacement and pieces != [(drop.start, drop.end)]):
            continue
        added += [_piece(drop, a, b) for a, b in pieces]
        frontier = max(frontier, drop.end)
    items = tuple(sorted((*old, *added), key=lambda d: d.start))
    return Drops(items, tuple(d.end for d in items))


def _piece(drop: Dropped, start: int, end: int) -> Dropped:
    """The part [start, end) of a drop."""
    text = drop.text[start - drop.start : end - drop.start]
    return Dropped(start, end, text, drop.reason, drop.replacement)


def _uncovered(start: int, end: int, old: Sequence[Dropped], i: int) -> Iterator[Span]:
    """Pieces of [start, end) not covered by ``old[i:]`` (sorted, disjoint)."""
    pos = start
    while i < len(old) and old[i].start < end and pos < end:
        if old[i].start > pos:
            yield pos, old[i].start
        pos = max(pos, old[i].end)
        i += 1
    if pos < end:
        yield pos, end


def _drop(raw: str, start: int, end: int, reason: str, replacement: str = "") -> Dropped:
    return Dropped(start, end, raw[start:end], reason, replacement)


class View(NamedTuple):
    """The kept characters of a raw span: their text, and where each kept piece starts.

    ``offsets[k]`` is where piece k starts in ``text`` and ``starts[k]`` where it
    starts in the raw text; a piece is a run of consecutive raw characters.
    """

    text: str
    offsets: tuple[int, ...]
    starts: tuple[int, ...]

    def raw(self, i: int) -> int:
        """Raw offset of ``text[i]``."""
        k = bisect_right(self.offsets, i) - 1
        return self.starts[k] + i - self.offsets[k]

    def span(self, i: int, j: int) -> Span:
        """Raw span covering ``text[i:j]`` (requires i < j)."""
        return self.raw(i), self.raw(j - 1) + 1


def _view(raw: str, start: int, end: int, drops: Drops) -> View:
    """What is left of ``raw[start:end]`` after the drops (replacements ignored)."""
    k = drops.first_after(start)
    if k == len(drops.items) or drops.items[k].start >= end:
        return View(raw[start:end], (0,), (start,))
    pieces = list(_uncovered(start, end, drops.items, k))
    if len(pieces) == 1:
        a, b = pieces[0]
        return View(raw[a:b], (0,), (a,))
    offsets, at = [], 0
    for a, b in pieces:
        offsets.append(at)
        at += b - a
    return View("".join(raw[a:b] for a, b in pieces), tuple(offsets), tuple(a for a, _ in pieces))


# --- lines and paragraphs ----------------------------------------------------------


class Line(NamedTuple):
    """One raw line: its content span, without the line break."""

    number: int
    start: int
    end: int


LINE_END = re.compile(r"\r\n|\r|\n")
NEWLINE = re.compile("\n")  # LINE_END in text without carriage returns, found much faster


def _lines(raw: str) -> list[Line]:
    """Raw lines split at \\n, \\r\\n or a lone \\r."""
    out: list[Line] = []
    pos = 0
    for m in (LINE_END if "\r" in raw else NEWLINE).finditer(raw):
        out.append(Line(len(out), pos, m.start()))
        pos = m.end()
    out.append(Line(len(out), pos, len(raw)))
    return out


def _paragraphs(raw: str, lines: Sequence[Line]) -> list[list[Line]]:
    """Runs of lines that are not blank in the raw text."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if raw[line.start : line.end].strip():
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return paragraphs


LINE_PARAGRAPHS = 3  # lines of a run that may be a paragraph each
PROSE_LINE = 8  # words of a line of prose, at least (headings and links are shorter)
WRAP = 100  # characters: hard-wrapped prose breaks its lines before this


def _one_per_line(raw: str, run: Sequence[Line]) -> bool:
    """Whether each line of a run is a paragraph of its own (text that parts its
    paragraphs with single line breaks): ``LINE_PARAGRAPHS`` lines or more, two of
    them prose (``PROSE_LINE`` words or more), and of its prose lines half end a
    sentence and half are longer than ``WRAP`` characters. Hard-wrapped prose breaks
    short lines inside its sentences; a caption over its credit is two lines."""
    if len(run) < LINE_PARAGRAPHS:
        return False
    prose = [raw[x.start : x.end].strip() for x in run]
    prose = [text for text in prose if len(text.split()) >= PROSE_LINE]
    ends = sum(_ends_sentence(text) for text in prose)
    long = sum(len(text) > WRAP for text in prose)
    return len(prose) >= 2 and ends * 2 >= len(prose) and long * 2 >= len(prose)


def _single_breaks(raw: str, paragraphs: Sequence[list[Line]]) -> frozenset[int]:
    """Where a single line break parts two paragraphs, its raw offset: in a paragraph
    whose lines are paragraphs (``_one_per_line``), after a line that ends a sentence,
    or after a title or subhead before a capital; prose wrapped at a longer width ("...
    while the" over "lines agreed ...") still runs on over its breaks; in a list, before
    each item (``_listed``, ``ITEM_MARK``). The rules read such a run as one paragraph, as
    before; the cleaned text breaks it."""
    return (
        frozenset(
            line.end
            for run in paragraphs
            if _one_per_line(raw, run)
            for line, after in pairwise(run)
            if _ends_sentence(text := raw[line.start : line.end])
            or (_looks_like_title(text) and raw[after.start : after.end].lstrip()[:1].isupper())
        )
        | frozenset(
            line.end
            for run in paragraphs
            if _listed(raw, run) or _table(raw, run) or _rows(raw, run)
            for line in run[:-1]
        )
        | frozenset(line.end for run in paragraphs for line in _items_end(raw, run))
    )


# A list item's mark opening a line: "- ", "• ", "* "
ITEM_MARK = re.compile(r"[ \t]*[-•*·–][ \t]+(?=\S)")


def _items_end(raw: str, run: Sequence[Line]) -> list[Line]:
    """The lines of a marked list (two items or more) after which a paragraph ends:
    items often end no sentence, and read as one paragraph they ran into one. An item
    is a line opening with a mark (``ITEM_MARK``) before a word not in lower case, or
    in any case after a lead-in ("Key points:"): "- well below inflation -" is a dash of
    wrapped prose. A paragraph ends before each item, and after an item's lines before
    a line flush left that opens in a capital, unless the item runs on to it (a joining
    word, a comma, or a name broken over the line's end: "... the captain, Nikos" over
    "Papadopoulos, were killed.")."""
    lead = raw[run[0].start : run[0].end].strip()
    any_case = lead.endswith(":") or SUMMARY_LABEL.fullmatch(lead) is not None
    marks = [ITEM_MARK.match(raw, x.start, x.end) for x in run]
    marked = [m is not None and (any_case or not raw[m.end()].islower()) for m in marks]
    if sum(marked) < 2:
        return []
    ends = []
    in_item = False
    for k, (line, after) in enumerate(pairwise(run)):
        in_item = in_item or marked[k]
        text = raw[line.start : line.end].rstrip()
        words = text.split()
        name_broken = bool(words) and words[-1][:1].isupper()  # "... the captain, Nikos"
        opens = raw[after.start : after.start + 1].isupper()
        if marked[k + 1] or (in_item and opens and not _runs_on(text) and not name_broken):
            ends.append(line)
            in_item = False
    return ends


# A Markdown table's row ("| Joint patrols begin | 15 March |") and its rule ("|---|:-:|")
TABLE_ROW = re.compile(r"[ \t]*\|[^\n]*\|[ \t]*")
TABLE_RULE = re.compile(r"[ \t]*\|(?:[ \t]*:?-{3,}:?[ \t]*\|)+[ \t]*")


def _table(raw: str, run: Sequence[Line]) -> bool:
    """Whether a run of lines is a Markdown table: its rows, a rule under the first."""
    return (
        len(run) >= 3
        and TABLE_RULE.fullmatch(raw, run[1].start, run[1].end) is not None
        and all(TABLE_ROW.fullmatch(raw, line.start, line.end) for line in run)
    )


def _tables(raw: str, paragraphs: Sequence[list[Line]]) -> list[Dropped]:
    """A Markdown table's rows read as lines of their own, a label and its value: the
    rule and the header row above it go, and so do the bars around the cells; a bar
    between two cells reads as a colon ("Joint patrols begin: 15 March")."""
    out: list[Dropped] = []
    for run in paragraphs:
        if not _table(raw, run):
            continue
        out += [_drop(raw, line.start, line.end, "markdown") for line in run[:2]]
        for line in run[2:]:
            row = raw[line.start : line.end]
            bars = [m.start() for m in re.finditer(r"\|", row)]
            out.append(_drop(raw, line.start, line.start + bars[0] + 1, "markdown"))
            for b in bars[1:-1]:  # with the space before it: "Length of talks: about 6 hours"
                gap = len(row[:b]) - len(row[:b].rstrip())
                colon = ":" if row[b + 1 : b + 2].isspace() else ": "
                out.append(_drop(raw, line.start + b - gap, line.start + b + 1, "markdown", colon))
            out.append(_drop(raw, line.start + bars[-1], line.end, "markdown"))
    return out


LEAD_IN_WORDS = 6  # "Key points:", "What we know so far:"
# A summary box's label, a list's lead-in with or without its colon ("Key points")
SUMMARY = r"(?i:key\s+(?:points|facts|takeaways)|highlights|at\s+a\s+glance|in\s+brief)"
SUMMARY_LABEL = re.compile(rf"\s*{SUMMARY}\s*:?\s*")
ITEM_WORDS = 30


def _listed(raw: str, run: Sequence[Line]) -> bool:
    """Whether a run is a list after its lead-in, a line each: a short line that ends with
    a colon ("Key points:") or a summary's label ("Key points"), then two lines or more
    that each open with a capital or a digit, each of at most ``ITEM_WORDS`` words. Its
    items often end no sentence, so read as one paragraph they ran into one sentence.
    Prose wrapped after a colon runs on in lower case, or from a line that ends in a
    joining word or a comma ("... observation posts in" over "Idlib until ...")."""
    if len(run) < 3:
        return False
    lines = [raw[x.start : x.end].strip() for x in run]
    lead, items = lines[0], lines[1:]
    return (
        (lead.endswith(":") or SUMMARY_LABEL.fullmatch(lead) is not None)
        and len(lead.split()) <= LEAD_IN_WORDS
        and all(item[:1].isupper() or item[:1].isdigit() for item in items)
        and all(len(item.split()) <= ITEM_WORDS for item in items)
        and not any(_runs_on(item) for item in items[:-1])
    )


ROW_VALUE_WORDS = 6  # words of a row's value beside a label of up to ``ITEM_WORDS``


def _rows(raw: str, run: Sequence[Line]) -> bool:
    """Whether a run is a table's or a list's rows, a line each, with no marks: two lines
    or more of "label: value" with a figure in the value ("Turkish soldiers killed since
    early February: 59") or the figure first ("59: Turkish soldiers killed ..."), maybe
    under a title ("The week in numbers"). Read as one paragraph, each row's value ran
    into the next row's label."""
    lines = [raw[x.start : x.end].strip() for x in run]
    if len(lines) >= 3 and not _is_row(lines[0]) and len(lines[0].split()) <= LEAD_IN_WORDS:
        lines = lines[1:]  # a title over the rows
    return (
        len(lines) >= 2
        and all(_is_row(line) for line in lines)
        and not any(_runs_on(line) for line in lines[:-1])
    )


def _is_row(line: str) -> bool:
    """ "label: value" with a figure in a short value, or a short figure and a label."""
    label, colon, value = ITEM_MARK.sub("", line, count=1).partition(": ")
    if not colon or ":" in value or not label or not value or label[0].islower():
        return False  # (a row opens as an item does: not "and 120 injured ...: 50 dead")
    label_words, value_words = len(label.split()), len(value.split())
    figure_after = any(c.isdigit() for c in value) and value_words <= ROW_VALUE_WORDS
    figure_first = label[:1].isdigit() and label_words <= 2
    return (figure_after or figure_first) and max(label_words, value_words) <= ITEM_WORDS


JOINING = frozenset(
    {"a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or"}
    | {"but", "as", "that", "its", "their", "his", "her", "our", "into", "than", "who"}
)


def _runs_on(line: str) -> bool:
    """A line that breaks its sentence: it ends in a joining word or a comma."""
    words = line.split()
    return line.endswith(",") or (bool(words) and words[-1].lower() in JOINING)


def _drop_view(
    view: View, reason: str, raw: str, i: int = 0, j: int | None = None
) -> list[Dropped]:
    """Drop ``view.text[i:j]`` (stripped of surrounding whitespace)."""
    j = len(view.text) if j is None else j
    while i < j and view.text[i].isspace():
        i += 1
    while j > i and view.text[j - 1].isspace():
        j -= 1
    return [_drop(raw, *view.span(i, j), reason)] if i < j else []


# --- 1. control characters and template tokens -------------------------------------

# Control, bidi and invisible characters (``align.text``), tab and line breaks
# kept; every CONTROL match starts with one (ESC, 0x1b, is a control code).
CONTROL_CLASS = char_class((CONTROL_CODES - LINE_CODES) | BIDI_CODES | INVISIBLE_CODES)
CONTROL = re.compile(
    r"\x1b\[[0-?]{0,32}[ -/]{0,8}[@-~]?"  # ANSI CSI sequence
    r"|\x1b\][^\x07\x1b\n]{0,256}(?:\x07|\x1b\\)?"  # OSC sequence (window titles, links)
    r"|\x1b[@-Z\\-_]?"  # other escapes
    rf"|{CONTROL_CLASS}+"
)
# Where a CONTROL match may start: a one-character class that ``search`` scans
# about four times faster than CONTROL's alternatives (most articles hold none).
CONTROL_START = re.compile(CONTROL_CLASS)
TEMPLATE = re.compile(r"%[A-Z][A-Z_]{2,40}[0-9A-Za-z]{0,64}%|\{\{[^{}\n]{1,80}\}\}")


def _control(raw: str) -> list[Dropped]:
    first = CONTROL_START.search(raw)
    if first is None:
        return []
    return [
        _drop(raw, m.start(), m.end(), "control characters")
        for m in CONTROL.finditer(raw, first.start())
    ]


def _templates(raw: str) -> list[Dropped]:
    return [_drop(raw, m.start(), m.end(), "template token") for m in TEMPLATE.finditer(raw)]


# --- 2. whole-line debris -----------------------------------------------------------

MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
WEEKDAY = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?"
DATE = (
    rf"(?:{WEEKDAY}\s*)?(?:\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.]+z?)?"
    # (an Arabic page's comma, "5 March، 2020", as a translation keeps it)
    rf"|{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?[,،]?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH}[,،]?\s+\d{{4}}"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}"
    # a day with no year before its time: "5 MAR, 21:48", "March 5, 10.30 GMT"
    rf"|(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}})(?=,?\s*\d{{1,2}}[:.]\d{{2}}\b)"
    # a live blog's day heading, with its weekday and no year: "Thursday, March 5"
    rf"|(?<![\w,] ){WEEKDAY}\s*(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?!\w|,?\s*\d))"
)
# A time zone's abbreviation: GMT, ET, EST, AEDT, IST, MSK... (any case; "Oct", after a
# time, is the month): the figure reader's, with GMT, UTC, MT and UK ("22:41, UK")
ZONES = (
    "(?:"
    + "|".join(sorted(TIME_ZONES | {"gmt", "utc", "mt", "uk"}, key=lambda z: (-len(z), z)))
    + ")"
)
TIME = (  # "10:30", "10.30 p.m.", "11 p.m.", "1804 GMT"
    rf"(?:\d{{1,2}}(?:[:.]\d{{2}}(?::\d{{2}})?(?:\s*[ap]\.?m\.?)?|\s*[ap]\.?m\.?)"
    rf"|(?:[01]\d|2[0-3])[0-5]\d(?=\s*{ZONES}\b))"
    # "22:41, UK", "8:41 pm GMT+3"
    rf"(?:,?\s*(?:{ZONES}(?:\s?[+-]\d{{1,2}}(?::?\d{{2}})?)?|[+-]\d{{2}}:?\d{{2}}))?"
)
# The labels of a date line ("Published date:", "Last update"), alone a line of their own.
LABEL_WORD = (
    r"(?:published(?:\s+(?:date|time))?|updated|update|last\s+(?:updated|modified|update)"
    r"|posted|first\s+published|edited(?:\s+time)?)"
)
META_WORD = (  # "March 5, 2020 GMT", "As of 5 March 2020"
    rf"(?:{LABEL_WORD}|modified|dated|date|issued|on|at|gmt|utc|as\s+of"
    r"|issue\s+(?:no\.?|number)\s*\[?\d{1,6}\]?)"  # a paper's issue: "... Issue No. [15073]"
)
AGE = (  # "2 hours ago", "1 year 2 months ago"; a reading time beside a date, "4 min read"
    r"(?:(?:\d{1,2}\s*(?:y|yrs?|years?|months?|w|weeks?|h|hrs?|hours?|m|mins?|minutes?|d|days?)"
    r"\s+){1,2}ago|\d{1,2}\s*min(?:ute)?s?\s+read)"
)
# An Arabic page's dates, as a translation gives them: the era after a date ("5 March 2020
# AD"), a Hijri date, which always names its era ("10 Rajab 1441 AH", "1441/7/11 AH"),
# and the words joining them ("corresponding to", "Mecca time").
ERA = r"(?:a\.?d|a\.?h|c\.?e)\b\.?"
HIJRI_MONTH = (
    r"(?:muharram|safar|rajab|sha['’]?ban|ramadh?an|shawwal"
    r"|(?:rabi|jumad[ae]|dhu)[\w'’-]*\s+al[\w'’-]*)"
)
HIJRI_DATE = (
    rf"(?:\d{{1,2}}\s+{HIJRI_MONTH}[,،]?\s+\d{{4}}|\d{{4}}/\d{{1,2}}/\d{{1,2}})\s*a\.?h\b\.?"
)
# One part of a date line: a date, a time, a metadata word, or a separator.
DATE_PART = re.compile(
    rf"\s*(?:(?P<date>{DATE}(?:\s*{ERA})?|{HIJRI_DATE})|(?P<time>{TIME})"
    rf"|(?P<word>{META_WORD}|{AGE}|corresponding\s+to|(?:mecca|makkah)\s+time|{WEEKDAY}(?!\w)"
    # a page's reading or playing time, a newsletter's issue: "6 min read", "Issue #212"
    r"|\d{1,3}\s?mins?(?:\s+read)?(?!\w)|\d{1,3}\s+minutes?\s+read|issue\s+(?:no\.?\s*|#)?\d{1,5})"
    r"(?:\s*:)?"
    r"|(?P<sep>[,|;/•·\[\]()-]))",
    re.IGNORECASE,
)
PREPOSITIONS = frozenset({"on", "at"})
# A label alone ("Published", "Updated:") or with an age ("Updated 5 hours ago").
DATE_LABEL = re.compile(  # (its date taken out by the scrape: "Posted" / "and last updated")
    rf"(?:published|updated|posted)\s+{AGE}|(?:and\s+)?{LABEL_WORD}\s*:?",
    re.IGNORECASE,
)


def is_date_line(text: str) -> bool:
    """A line made only of dates, times, metadata words ("Published", "Updated on",
    "at") and separators, a date among them ("Published: 5 March 2020, 10:30 GMT |
    Updated 6 March 2020"), or a date label alone.

    It opens with a label or a date, maybe after "on"/"at" and a time ("at 3:12 PM
    ET March 5, 2020"), and ends with no separator but "|": "at 10:30 GMT on 5
    March 2020," is a line of a wrapped sentence, and "At 00:01 on 6 March 2020" a
    heading. A time alone is a live blog's stamp when it names its zone ("20.41
    GMT"; "00:01" alone may head a timeline's entry). Read one part at a time, so no
    line makes the work grow faster than its length.
    """
    if DATE_LABEL.fullmatch(text):
        return True
    kinds, pos = [], 0
    while pos < len(text):
        m = DATE_PART.match(text, pos)
        if m is None:
            return False
        word = (m.group("word") or "").lower()
        kinds.append("preposition" if word in PREPOSITIONS else m.lastgroup)
        pos = m.end()
    if not kinds:
        return False
    if kinds == ["time"]:
        return ZONE.search(text) is not None  # "20.41 GMT": a live blog's stamp
    opening = kinds[1:] if kinds[0] == "preposition" else kinds
    if opening[:1] == ["time"]:
        opening = opening[2:] if opening[1:2] == ["sep"] else opening[1:]
        if opening[:1] != ["date"]:
            return False
    ends = kinds[-1] != "sep" or text.endswith(("|", "]", ")"))  # a "," or "-" continues
    timed = [kind for kind in kinds[1:] if kind != "preposition"][:1] == ["time"]
    if LABEL_START.match(text) and timed and "date" not in kinds:
        return ends  # "Updated 8:12 p.m. ET", "Updated at 20.52 GMT": the day is the page's
    return opening[:1] in (["date"], ["word"]) and ends and "date" in kinds


LABEL_START = re.compile(LABEL_WORD, re.IGNORECASE)
ZONE = re.compile(rf"(?i:{ZONES})\b")
# A date with its year in a date line: "2020-03-05", "March 5, 2020", "5 March 2020"
# (not "05/03/2020": the day and month could be either way round).
DAY_OF_LINE = re.compile(
    r"(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?[,،]?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>{MONTH})[,،]?\s+(?P<year2>\d{{4}})"
    # "05.03.2020": day, month, year; "5/3/2020 AD": an Arabic page's, day first (a Hijri
    # date's year is no year of ours: "10.07.1441 AH")
    r"|(?P<dotted>\d{1,2}\.\d{1,2}\.(?:19|20)\d\d)"
    r"|(?P<era>\d{1,2}/\d{1,2}/(?:19|20)\d\d)\s*a\.?d\b",
    re.IGNORECASE,
)


def page_date(
    dropped: Iterable[Dropped],
    header_end: int,
    below: int | None = None,
    labelled: int | None = None,
) -> str | None:
    """The page's own date, as a plain text copy gives it on a date line above
    ``header_end`` (a raw offset: where its story starts), or else above ``below`` (a
    standfirst may stand over it), or else a "Published" one above ``labelled`` (a
    standfirst and a byline may), or None. Of several, a "Published" one first and an
    "Updated" one last, then one above ``header_end``, then the earliest (a related
    item's date below the story, or a live page's day headings, are not the page's)."""
    found: list[tuple[int, int, str]] = []  # (0 published, 1 alone, 2 updated; window; ISO)
    lower: list[tuple[int, int, str]] = []  # "Published" ones above ``labelled`` only
    for d in dropped:
        if d.reason != "date line":
            continue
        published = PUBLISHED.search(d.text)  # "Updated 9 March | Published 5 March"
        window = 0 if d.start < header_end else 1 if below is not None and d.start < below else 2
        lower_labelled = published and labelled is not None and d.start < labelled
        into = found if window < 2 else lower if lower_labelled else None
        if into is None:
            continue
        rank = 0 if published else 2 if UPDATED.search(d.text) else 1
        for m in DAY_OF_LINE.finditer(d.text, published.end() if published else 0):
            day = _day(m)
            if day is not None:
                into.append((rank, window, day))
    found = found or lower  # a lower one only where none stands above the story
    return min(found)[2] if found else None


# A byline's opening: "By" and a name ("By Nikos Varvaris", "By Rojava Voice reporter"),
# not "By the numbers" or "By appointment only"
BY_NAME = re.compile(r"(?i:by)\s+[A-Z][\w'’.-]+\s+[A-Z]")


def signed_date(raw: str, dropped: Sequence[Dropped], above: int) -> str | None:
    """The page's date from a date line above raw offset ``above`` (the story's first
    sentence of prose, where lines of a page's furniture kept stand over it) that is
    signed as the page's: labelled ("Updated 9:18 PM ET, Thu March 5, 2020") or right
    under its byline or agency ("By Nikos Varvaris" / "06.03.2020 • 09:14", "Agencies" /
    "March 06, 2020"); not an event's or a fixture's date line ("Next match" / "Saturday
    21 March 2026, 3pm")."""
    bylines = {d.end for d in dropped if d.reason == "byline"}
    for d in dropped:
        if d.start >= above:
            break
        if d.reason != "date line":
            continue
        line_start = raw.rfind("\n", 0, d.start) + 1
        above_end = max(0, line_start - 1)  # the line above it
        before = raw[raw.rfind("\n", 0, above_end) + 1 : above_end].strip()
        signed = (
            PUBLISHED.search(d.text) is not None
            or UPDATED.search(d.text) is not None
            or BY_NAME.match(before) is not None
            or AGENCY_LINE.fullmatch(before) is not None
            or before.lower() in ("agencies", "staff", "wire services")
            or any(line_start - 2 <= end <= line_start for end in bylines)
        )
        if signed:
            day = next((_day(m) for m in DAY_OF_LINE.finditer(d.text)), None)
            if day is not None:
                return day
    return None


UPDATED = re.compile(r"(?i:updated|modified|last\s+update)")
PUBLISHED = re.compile(r"(?i:published|posted)")


def _day(m: re.Match[str]) -> str | None:
    """The ISO date a ``DAY_OF_LINE`` match names, if it is a day of the calendar."""
    if m["iso"]:
        year, month, day = map(int, m["iso"].split("-"))
    elif m["dotted"] or m["era"]:
        day, month, year = map(int, re.split(r"[./]", m["dotted"] or m["era"]))
    else:
        month = MONTHS[(m["month"] or m["month2"]).lower().rstrip(".")]
        year, day = int(m["year"] or m["year2"]), int(m["day"] or m["day2"])
    return f"{year:04d}-{month:02d}-{day:02d}" if _valid(year, month, day) else None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


URL = r"<?(?:https?://|www\.)[^\s<>]+>?"
URL_LINE = re.compile(
    rf"{URL}|(?:(?:original|source|canonical|article|story)\s+)?(?:url|link|source)\s*:\s*(?:{URL})?"
    rf"|(?:permalink|short\s+link)\s*:?\s*(?:{URL})?"
    rf"|[^\n]{{1,120}}:\s*{URL}",  # "Follow our coverage of the war: https://..."
    re.IGNORECASE,
)
RELATED_LINE = re.compile(
    r"(?:related(?:\s+(?:articles?|stories|story|coverage|content|links?|reading|news|topics"
    r"|videos?))?"
    r"|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+on\s+this(?:\s+story)?"
    # "READ | ...", "Recommended: ..." (capitalised: a wrapped line may open "read: 34 ...")
    r"|(?-i:Read|READ)|(?-i:Recommended|RECOMMENDED)(?:\s+(?:for\s+you|stories|reading))?)"
    r"(?:\s*(?::|$)|\s+[|–—-]\s)"  # "Also Read | ...", "Read more - ...", "READ | ..."
    r"|(?-i:(?:RELATED|READ\s+MORE|ALSO\s+READ)\s+(?=[\"“‘'A-Z]))",  # "RELATED Turkey says ..."
    re.IGNORECASE,
)
NAME_WORD = r"(?:[A-Z][\w.'’-]*|and|&|for|of|in|at|the|de|del|da|van|von|al|bin|le|la|with|,|\|)"
# "Jane Doe", "Jane Doe and Ali Khan", "Jane Doe in Kestrel City and Ali Khan in Harlow":
# capitalised words and the words that join names
NAME_LINE = re.compile(  # a capital of any script ("Yeni Şafak")
    r"[^\W\d_a-z][\w.'’-]*(?:,?\s+(?:[^\W\d_a-z][\w.'’-]*|and|&|in|de|van|von|al|bin)){1,14}"
)
# A list of people's names, each of at most four words and maybe with its place
# ("Jane Doe", "Jane Doe in Port Ellis and Ali Khan", "Jan van der Berg, Ali Khan"), not a
# headline in title case ("Russia And Turkey Agree To Cease-Fire In Syria's Idlib Province")
CAPITAL_WORD = r"[^\W\d_a-z][\w.'’-]*"
PARTICLE = r"(?:de|van|von|der|al|bin|da|del|le|la)\s+"
# two to four words, the last no initial and no sentence's end ("Jane A. Doe", not "The End.")
PERSON = rf"(?:{CAPITAL_WORD}\s+(?:{PARTICLE})*){{1,3}}[^\W\d_a-z][\w'’-]*"
PLACED = rf"{PERSON}(?:\s+in\s+{CAPITAL_WORD}(?:\s+{CAPITAL_WORD}){{0,2}})?"
NAMES = re.compile(
    rf"{PLACED}(?:(?:\s*,\s*|,?\s+(?:and|&)\s+){PLACED}){{0,5}}"
    rf"(?:\s*,\s*{CAPITAL_WORD}(?:\s+{CAPITAL_WORD}){{0,2}})?"  # "Jane Doe, AP", "..., Indonesia"
)
AUTHOR = re.compile(r"(?i:authors?)\s*:?\s+")  # "Author Jane Doe", "Authors: ..."


AUTHOR_WORDS = 4  # "Author Jane van Doe"; "Author Salman Rushdie Stabbed In New York" is a title


def is_author_line(text: str) -> bool:
    """ "Author" and a line of names: after "Author:", or of at most ``AUTHOR_WORDS``."""
    label = AUTHOR.match(text)
    if label is None or NAME_LINE.fullmatch(text, label.end()) is None:
        return False
    return ":" in label.group() or len(text[label.end() :].split()) <= AUTHOR_WORDS


# A section's name before a date line that says when the page was updated: "World News
# 5 March 2020 | Updated 6 March 2020"
SECTION_WORD = re.compile(r"(?:[A-Z][\w'’-]*|&|and)\s+")
SECTION_WORDS = 5
UPDATE_WORD = re.compile(r"\b(?:Updated|Published|Posted|Modified|UPDATED|PUBLISHED|POSTED)\b")


def is_section_date_line(text: str) -> bool:
    """A section's name (up to ``SECTION_WORDS`` capitalised words) and a date line that
    names an update or publication as a label does ("Updated", "PUBLISHED"; "the UN Office
    updated on 5 March 2020" is a sentence's words)."""
    if not text[:1].isupper() or not UPDATE_WORD.search(text):
        return False
    *labels, last = text.split(" | ")
    if labels and is_date_line(last.strip()) and all(_is_label(x) for x in labels):
        return True  # "World News | Press Trust of India | Updated: March 06, 2020 08:12 am IST"
    pos = 0
    for _ in range(SECTION_WORDS):
        word = SECTION_WORD.match(text, pos)
        if word is None:
            return False
        pos = word.end()
        if UPDATE_WORD.search(text, pos) and is_date_line(text[pos:]):
            return True
    return False


def _is_label(text: str) -> bool:
    """A section's or an agency's name: up to ``SECTION_WORDS`` words, each capitalised
    or joining ("Press Trust of India")."""
    words = text.split()
    return 0 < len(words) <= SECTION_WORDS and all(
        w[:1].isupper() or w in ("of", "and", "&", "the") for w in words
    )


# A byline's name, two to four words of letters ("By Jane Doe", "James Morris")
NAME_OF_LETTERS = r"[A-Z](?:[^\W\d_]|[.'’-])*"
NAME_OF_LETTERS_RE = re.compile(NAME_OF_LETTERS)
BYLINE_BY = re.compile(r"(?:By|BY):?\s+")
BYLINE_NAME_WORDS = 4


def is_dated_byline(text: str) -> bool:
    """A byline and its date with no separator between: after "By" ("By Jane Doe 5 March
    2020", "By Jane Doe May 14, 2021"), or fused by the scrape ("James Morris18 August
    2018"). A name and a date after a space alone may be a headline's words ("Talks
    Resume 5 March 2020"), and stays; so does a line that starts "by" in lower case (a
    wrapped sentence's)."""
    by = BYLINE_BY.match(text)
    pos = by.end() if by else 0
    for count in range(BYLINE_NAME_WORDS):
        word = NAME_OF_LETTERS_RE.match(text, pos)
        if word is None:
            return False
        pos = word.end()
        rest = text[pos:]
        fused = rest[:1].isdigit() and text[pos - 1].islower()
        if count and (by or fused) and is_date_line(rest.lstrip(" ,")):
            return True
        pos += len(rest) - len(rest.lstrip())
    return False


# a reporter's beat before the name or closing the line, and the wires after it: "By
# Middle East correspondent Jane Doe and wires", "By Jane Doe, Moscow correspondent"
# ("By Friday, the editor" is a sentence's opening)
BYLINE_ROLE = (
    r"(?:(?<!the\s)(?:correspondent|editor|reporter|writer)(?=\s+[A-Z]|[.,]?$)"
    r"|(?<=and\s)(?:wires|agencies))"
)
# A month glued to the word before it by the scrape: "todayMarch 27, 2024", "by
# KestrelTVMarch 26, 2024, 11 p.m."
FUSED_MONTH = re.compile(
    r"(?<=[A-Za-z])(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
TRAILING_COUNT = re.compile(r"\s+\d{1,4}$")  # a counter after a date line ("... 11 p.m. 20")


def is_fused_date_line(text: str) -> bool:
    """A few words (a label or a byline, at most ``BYLINE_NAME_WORDS``, no sentence's end)
    fused to a date line (``FUSED_MONTH``), maybe with a counter after it."""
    m = FUSED_MONTH.search(text)
    if m is None or len(text[: m.start()].split()) > BYLINE_NAME_WORDS:
        return False
    if TERMINAL_END.search(text[: m.start()]):
        return False
    rest = text[m.start() :]
    return is_date_line(rest) or is_date_line(TRAILING_COUNT.sub("", rest))


BYLINE = re.compile(
    rf"(?:[Bb]y|BY):?(?:\s+|(?=[A-Z]))[A-Z][\w.'’-]*(?:,?\s+(?:{NAME_WORD}|{BYLINE_ROLE}))"
    r"{0,12}[.,]?"
)
HANDLE_LINE = re.compile(r"@\w{1,30}")  # a byline's account alone on its line
# A blog's author with its button: "Jane Doe · Follow"
FOLLOW_BYLINE = re.compile(rf"{NAME_OF_LETTERS}(?:\s+{NAME_OF_LETTERS}){{0,3}}\s*[·•|]\s*Follow")
# A name and the account it writes from: "Jane Doe in Harlow @janedoe_news"
HANDLE_BYLINE = re.compile(
    rf"{NAME_OF_LETTERS}(?:\s+{NAME_OF_LETTERS}){{1,3}}"
    rf"(?:\s+in\s+{NAME_OF_LETTERS}(?:\s+{NAME_OF_LETTERS})?)?\s+@\w{{1,30}}"
)
# "Reporting by Jane Doe; Editing by Ali Khan", "With reports by Jane Doe in Antakya.",
# "AP writer Jane Doe contributed to this report.": after "reporting by" and the like
# only names may follow, so prose such as "Reports from Idlib said ..." is kept.
# "Dubai newsroom", "Moscow bureau", "Wire staff": a desk credited instead of a name
DESK = r"(?:staff|newsroom|bureaus?|desk|team|reporters|correspondents?)"
CREDIT_NAMES = rf"[A-Z][\w.'’-]*(?:,?\s+(?:{NAME_WORD}|{DESK})){{0,12}}"
CREDIT_PART = (
    r"(?i:(?:with\s+)?(?:additional\s+)?(?:reporting|reports|writing|editing|input)"
    rf"|written|compiled|edited|translated)\s+(?i:by|from)\s+{CREDIT_NAMES}"
)
CREDIT_BYLINE = re.compile(
    rf"\(?{CREDIT_PART}(?:\s*[;,]\s*{CREDIT_PART})*[.;]?\)?"
    r"|[^\n]{1,120}\b(?i:contributed(?:\s+reporting)?\s+(?:to|from)\s+(?:this|the)\s+"
    r"(?:report|story|article))(?:\s+(?i:from|in)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\.?"
    # "Associated Press writers Jane Doe in Ankara and Ali Khan in Beirut contributed."
    r"|[^\n]{0,60}\b(?i:writers?|reporters?|correspondents?)\s+[A-Z][^\n]{1,120}"
    r"\b(?i:contributed)(?:\s+(?i:reporting))?\.?"
)
# "Photo by Name", "Image: Name/Agency", "Photograph credit: ..." (a name follows, not prose).
PHOTO_BY = (
    r"\b(?i:photo(?:graph)?s?|images?|pictures?|pictured|video|credits?)"
    r"\s*(?:(?i:by|credit|copyright|source)(?:\b|(?=[A-Z]))[:,]?|:)\s*"  # "image copyrightAFP"
    r"[A-Z©(](?:[^.!?\n]|(?<=[A-Z])\.){0,80}"
)
CREDIT_LINE = re.compile(
    rf"(?:©|\([Cc]\)|(?i:copyright)\s*(?:©|\([Cc]\)|\d{{4}}))[^\n]{{0,100}}|{PHOTO_BY}"
    # Name / Agency, "EFE/EPA/JANE DOE / POOL"
    r"|\**\(?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4}\s?/\s?"
    r"[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,4}"
    r"(?:\s?/\s?[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}){0,3}\)?\**"
    # in brackets, with the agency after a dash: "( Presidency / Jane Doe - Anadolu Agency )"
    r"|\(\s?[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,4}\s?/\s?[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,4}"
    r"\s[-–]\s[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,3}\s?\)"
    r"|(?:[A-Z][\w.'’/-]*\s){1,4}via\s[A-Z][\w.'’&-]*(?:\s[A-Z][\w.'’&-]*){0,4}"  # AFP via Agency
    r"(?:,\s*(?:Pool|File))?"
)
# News agencies and wire services, as credits and datelines name them (any case).
AGENCIES = (
    r"(?:reuters|afp|ap|(?:the\s+)?associated\s+press|agence\s+france[-\s]presse"
    r"|anadolu(?:\s+agency)?|aa|tass|ria(?:\s+novosti)?|sputnik|sana|xinhua|dpa|efe|pti|ians"
    r"|ani|upi|cnn|bernama)"
)
SOCIAL = (
    r"(?:facebook|twitter|tweet|whatsapp|e-?mail|linkedin|reddit|telegram|messenger|pinterest"
    r"|print)"
)
SOCIAL_SITE = r"(?:facebook|twitter|x|instagram|youtube|tiktok|telegram|whatsapp|linkedin|rss)"
BOILERPLATE_LINE = re.compile(
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad"
    r"|share(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+(?:on|via|with)\s+[\w ,]{1,100})?"
    r"|reuse\s+this\s+content"
    # calls to action are short: a longer line starting "Sign up for ..." is prose
    r"|follow\s+(?:us|@\w+)(?:\s+on\s+[\w ,]{1,60})?(?:\s+@\w+)?"
    rf"|follow\s+us\s*:?(?:\s*{SOCIAL_SITE}[\s,|]*){{1,6}}"  # "Follow us: Facebook Twitter"
    r"|[^\n|]{1,40}\|\s*follow\s+(?:us|@\w+)\s+on\s+(?:twitter|facebook|instagram|youtube|x)\b.{0,80}"
    r"|follow\s+(?:\S+\s+){1,3}?on\s+(?:twitter|facebook|telegram|instagram|youtube|tiktok"
    r"|whatsapp)\b.{0,40}"
    r"|sign\s+up(?:\s+(?:for|to)\b(?:\s+\S+){0,6})?"
    r"|(?:sign\s+up|subscribe)\s+(?:for|to)\b[^.!?]{0,80}\bnewsletters?\b.{0,80}"
    r"|[^.!?\n]{0,60}\bnewsletters?\s*:.{0,150}"  # "DW's ... newsletter: sign up here ..."
    r"|[^\n]{0,150}\b(?:sign\s+up\s+here|delivered\s+(?:daily\s+)?to\s+your\s+inbox)\b.{0,40}"
    r"|get\s+(?:the\s+latest\s+)?updates\s+direct(?:ly)?\s+to\s+your\s+inbox\b.{0,40}"
    r"|get\s+the\s+best\s+of\s+[\w'’& ]{1,40}\s+(?:direct(?:ly)?\s+)?to\s+your\s+inbox\b.{0,40}"
    # an app's or a form's call that closes its line: "... News App. Click here to
    # download it for your device.", "By registering, you agree to our T&C ..."
    r"|[^\n\"“”]{0,150}\bclick\s+here\s+to\s+(?:download|subscribe|install|sign\s+up|read\s+more"
    r"|watch|listen|follow)\b[^.!?\n\"“”]{0,60}"
    r"|keep\s+up\s+to\s+date\b[^\n]{0,200}[.!]\s*(?:subscribe|sign\s+up)\b.{0,40}"
    r"|you\s+can\s+unsubscribe\s+at\s+any\s+time\b.{0,300}|this\s+site\s+is\s+protected\s+by\s+recaptcha\b.{0,200}"
    r"|back\s+to\s+top(?:\s+(?:close|[↑^]))*"
    r"|(?:[^\n]{0,60}\s)?by\s+(?:registering|subscribing|signing\s+up),?\s+you\s+(?:agree|are\s+agreeing)\s+to"
    r"\s+(?:[\w'’&]+\s+){1,3}?(?:t&c|terms|privacy)\b.{0,80}"
    r"|[^\n]{0,60}\bwebsite\s+can\s+also\s+be\s+accessed\s+at\s+the\s+following\b.{0,60}"
    # an automatic translation's notice: "This text has been translated automatically."
    r"|this\s+(?:text|article|story|page|content)\s+(?:has\s+been|was|is)\s+(?:automatically"
    r"\s+|machine[-\s])?translated(?:\s+automatically|\s+by\s+machine)?\b.{0,100}"
    r"|download\s+(?:the|our)\s+(?:[\w'’&]+\s+){0,3}app\b.{0,60}"
    r"|(?:app\s+store|google\s+play)(?:\s*[|·•]\s*(?:app\s+store|google\s+play))?"
    r"|that'?s\s+(?:the\s+end\s+of|all\s+(?:from|for))\s+(?:our|this|today)\b.{0,80}"
    r"|that'?s\s+it\s+for\s+(?:our|this|today'?s)\s+(?:live\s+)?(?:coverage|blog|updates)\b.{0,80}"
    r"|video(?:\s*player)?(?:\s*close)?|enditem|\[?editor\s*:\s*[\w .]{1,30}\]?"
    # a photo's buttons, a page's and a dialog's: "Enlarge this image", "hide caption"
    r"|enlarge\s+this\s+image|(?:hide|show|toggle)\s+caption|reuse\s+(?:this\s+)?content"
    r"|accept(?:\s+(?:all|cookies|and\s+close))?|reject\s+all"
    r"|view\s+(?:full|desktop|mobile)\s+(?:site|version)|unlock\s+exclusive\b.{0,100}"
    r"|\d{1,3}\s+of\s+\d{1,3}"  # a gallery's "1 of 7"
    r"|media\s+playback\s+is\s+unsupported\s+on\s+your\s+device"
    r"|(?:already\s+(?:a\s+subscriber|registered|have\s+an\s+account)\s*\??\s*)?(?:log|sign)\s*(?:in|out)"
    r"|this\s+(?:article|story|content)\s+is\s+(?:more\s+than|over)\s+\w+\s+(?:years?|months?)"
    r"\s+old"  # an archive's notice
    r"|[^\s/]{1,150}(?:\s\(\d{1,3}\))?\.(?:jpe?g|png|gif|webp)"  # an image's file name
    r"|our\s+standards\s*:.{0,80}|comments?\s*:?\s*(?:\(\d+\)|\d+)?"
    r"|(?:send\s+us\s+your\s+)?feedback(?:\s*:\s*(?:send|share|tell|write|give|contact)\b.{0,60})?"
    r"|this\s+(?:article|story)\s+(?:was\s+)?(?:originally|first)\s+(?:published|appeared)\b.{0,100}"
    r"|this\s+(?:article|story)\s+is\s+(?:also\s+)?available\s+in\s+(?-i:[A-Z])\w+\b.{0,80}"
    r"|subscribe(?:\s+(?:to|for|now)\b(?:\s+\S+){0,6})?|click\s+here\b(?:\s+\S+){0,6}"
    r"|continue\s+reading\b.{0,60}"
    r"|scroll\s+(?:down\s+)?to\s+continue.{0,60}|skip\s+(?:to\s+)?(?:main\s+)?content"
    r"|(?:(?:copyright|©)\s*(?:(?:\(c\)|©)\s*)?\d{4}.{0,250}"  # "Copyright © 2020 NPR."
    r"|©\s*[^\d\n]{1,40}?\s\d{4}\b.{0,250}"  # "© Kestrel 2021. Redistribution ..."
    # an owner in capitals before the year: "Copyright Reuters 2020. This material ..."
    r"|copyright\s+(?-i:[A-Z])[\w&.'’-]*(?:\s+(?-i:[A-Z])[\w&.'’-]*){0,2}\s+\d{4}\b.{0,250}"
    r"|.{0,100}\ball\s+rights\s+reserved)"
    r"(?:\W+(?:this\s+material\s+may\s+not\s+be|[\w ]{1,40}\s+is\s+not\s+responsible\s+for)"
    r"\s+.{0,100})?"
    r"|\d{1,2}\s*min(?:ute)?s?\s+read|listen\s+to\s+(?:this\s+)?(?:article|story).{0,40}"
    # share buttons, widgets and page labels, each a line of its own
    r"|e-?mail|print|tweet|whatsapp|facebook|twitter|linkedin|reddit|telegram|copy\s+link"
    r"|flipboard|pinterest|download|embed|transcript|search"
    r"|see\s+(?:more\s+|all\s+)?subscription\s+options"
    # a list's lead-in of a summary: "Key points:", "At a glance"
    rf"|{SUMMARY}\s*:?"
    r"|contact\s+(?:us|the\s+newsroom|(?-i:[A-Z])[\w&'’.]*(?:\s+(?-i:[A-Z])[\w&'’.]*){0,2}\s+news)"
    # a wire's sign-off: "mos-ist/fpa/ig", "mm/rt (AFP, Reuters)"
    r"|[a-z]{2,4}(?:-[a-z]{2,4})?(?:/[a-z]{2,4}(?:-[a-z]{2,4})?){1,4}"
    r"(?:\s*\([\w.& ]{1,25}(?:[,/][\w.& ]{1,25}){0,3}\))?"
    # share bars: "Share Facebook Twitter Whatsapp E-Mail", "Share on Facebook | Tweet | Email"
    rf"|(?:(?:share(?:\s+(?:on|via))?\s*:?\s+)?{SOCIAL}[\s,|]*){{2,}}(?:[\d.,]+[km]?\s+shares?)?"
    r"|share\s+via|(?:#\w+\s*){1,6}"  # a share bar's label alone, hashtags alone
    # tags that run on in capitals: "#IDLIB #OPERATION SPRING SHIELD" (not "#UPDATE TURKEY SAYS")
    r"|#\w+(?:\s+(?-i:[A-Z]{2,})){0,2}(?:\s+#\w+(?:\s+(?-i:[A-Z]{2,})){0,2}){1,7}"
    r"|loading|play\s+video|join\s+the\s+conversation|most\s+(?:read|popular|viewed|shared)"
    r"|click\s+to\s+(?:share|email|print|tweet)\b.{0,80}|video\s+duration\b.{0,60}"
    r"|(?:topics|tags|filed\s+under|categories|found\s+in)\s*:.{0,150}"
    r"|(?:[\w'’&]+\s+){0,4}newsletters?"  # "Euronews Newsletter"
    r"|.{0,80}\bctrl\s*\+\s*enter\b.{0,40}"  # "If you find a mistake, ... press Ctrl+Enter"
    # an agency's or a site's notice: "Anadolu Agency website contains only a portion of
    # the news stories ...", "Kestrel News is not responsible for the content of external sites"
    # (a name's words apart by one space each: a run of spaces is not tried every way)
    r"|(?:[\w.&'’]+ ){1,8}website\s+contains\s+only\s+a\s+portion\s+of\b.{0,250}"
    r"|(?:[\w.&'’]+ ){1,8}is\s+not\s+responsible\s+for\s+(?:the\s+content\s+of\s+external"
    r"(?:\s+internet)?\s+(?:sites|websites|links)|(?:the\s+)?material\s+quoted\s+from\s+other"
    r"\s+media(?:\s+outlets)?)\.?"
    # "Source: Al Jazeera and news agencies", "Source: Al Jazeera + agencies", "Source: AFP"
    r"|source\s*:\s*(?:[\w&'’.-]+\s+){0,4}(?:(?:and|\+)\s+)?(?:news\s+)?agenc(?:y|ies)"
    rf"|source\s*:\s*{AGENCIES}(?:\s*(?:,|and|\+|&|/)\s*{AGENCIES})*(?:/[a-z]{{2,4}})?"
    # credits and promos: "Some information for this report came from AP and Reuters.",
    # "Get latest World News on Kestrel Times"
    r"|some\s+information\s+for\s+this\s+report\s+came\s+from\b.{0,100}"
    r"|get\s+(?:the\s+)?latest\s+[\w ]{0,40}\bon\s+[\w .]{1,40}"
    # page labels: "Supported by", "Top Stories", "Text size Aa Aa", "MORE FROM THE TIMES"
    r"|supported\s+by|top\s+stories|community\s+(?:standards|guidelines)|text\s+size(?:\s+aa)*"
    r"|browse\s+today'?s\s+tags|more\s+(?:stories\s+)?from\s+(?:the\s+)?\w+(?:\s+\w+){0,2}"
    r"|here\s+are\s+the\s+latest\s+updates\s*:?|photographer\s*:\s*[^.!?\n]{1,80}"
    r"|a\s+version\s+of\s+this\s+article\s+appears\s+in\s+print\b.{0,200}"
    r"|this\s+(?:article|story)\s+appeared\s+in\s+[^\n]{0,80}\bprint\s+edition"
    r"\s+(?:as|with\s+the\s+headline)\s*:.{0,200}"
    # a cookie notice asks to accept or agree, or takes browsing on for consent
    r"|if\s+you\s+continue\s+(?:browsing|navigating|to\s+(?:browse|use))\b[^\n]{0,60}"
    r"\b(?:accept|agree\s+to|consent\s+to)\s+(?:its|their|our|the)\s+use\b.{0,60}"
    r"|more\s+info(?:rmation)?"
    # a live page's and a comment box's buttons and tabs: "Load more posts", "Login to
    # comment", "Sort by: Newest", "Live Latest Key events", "View Full Gallery"
    r"|load\s+more(?:\s+(?:posts|stories|articles|comments|updates|news))?"
    r"|(?:log\s*in|sign\s*in|register)(?:\s+or\s+(?:create\s+(?:an|your)\s+(?:[\w'’-]+\s+)?account|register"
    r"|sign\s*up))?\s+to\s+(?:comment|reply|post|vote|join\s+the\s+(?:discussion|conversation))"
    r"\b.{0,40}"
    r"|(?:please\s+)?(?:turn\s+on|enable)\s+javascript\b.{0,100}|show\s+key\s+events(?:\s+only)?"
    r"|you\s+(?:may|might)\s+also\s+(?:like|enjoy|be\s+interested\s+in)\s*:?"
    r"|sort\s+by\s*:?\s*(?:newest|oldest|most\s+recent|latest|top|best|popular)"
    r"|(?:live|latest|key\s+events?|pinned(?:\s+post)?)(?:\s+(?:live|latest|key\s+events?)){0,3}"
    r"|view\s+(?:full\s+)?gallery|share\s+this\s+with"
    r"|update\s+\d{1,3}|refresh\s+for\s+(?:the\s+)?latest(?:\s+updates)?"  # "UPDATE 4"
    r"|story\s+continues(?:\s+(?:below|after\s+(?:this\s+)?(?:advertisement|ad)))?"
    r"|link\s+copied!?|click\s+to\s+copy(?:\s+link)?|copy\s+link"
    r"|\d{1,3}\s*/\s*\d{1,3}\s+slides?(?:\s*(?:©|(?:photo|image|credit)\b).{0,80})?"
    r"|(?:(?:enter|type)\s+)?`?your\s+e-?mail(?:\s+address)?`?(?:\.{3}|…)?(?:\s+subscribe)?"
    # a syndicated copy's notice: "(Except for the headline, this story has not been edited
    # by NDTV staff and is published from a syndicated feed.)"
    r"|\(?except\s+for\s+the\s+headline,?\s+this\s+story\s+has\s+not\s+been\s+edited\b.{0,150}"
    r"|thanks\s+for\s+reading(?:\s+(?-i:[A-Z])[\w'’&.-]*){0,5}[.!]?|loading\s+comments\b.{0,40}"
    r"|(?:oldest|newest)\s+(?:oldest|newest)(?:\s+recommendations)?"
    r"|issue\s+(?:no\.?|number)\s*\[?\d{1,6}\]?"  # a paper's issue alone
    # a licence's notice, a paywall's counter, a statement's heading alone
    r"|(?:(?:all\s+)?(?:content|material|text)\s+on\s+this\s+(?:site|website|page)"
    r"|this\s+(?:work|article|story|page|site|website))\s+is\s+licensed\s+under\b.{0,150}"
    r"|you\s+have\s+read\s+\d{1,3}\s+of\s+(?:your\s+)?\d{1,3}\s+free\s+(?:articles?|stories)\b.{0,80}"
    # a transcript's notes: "(APPLAUSE)", "(END VIDEO CLIP)", "Transcript provided by ..."
    r"|\(\s*(?:applause|laughter|crosstalk|inaudible|(?:begin|end)\s+video(?:\s+clip)?)\.?\s*\)"
    r"|transcript\s+(?:provided|produced)\s+by(?:\s+\S+){1,5}"
    r"|transcript\s*\(auto-generated[^)\n]{0,60}\)"
    # a UN press release's notices and its symbol: "For information media. Not an official
    # record.", "SG/SM/20001"
    r"|(?:for\s+information\s+media\.?\s*)?(?:[-–—]\s*)?not\s+an\s+official\s+record\.?"
    r"|for\s+information\s+media\.?|(?-i:[A-Z]{1,5}(?:/[A-Z]{1,5}){1,3}/\d{1,6})"
    r"|direct\s+link\s*:\s*\S{1,200}"
    r"|(?:▶\s*)?(?:watch|listen)\s+live(?:\s+(?:tv|radio))?"
    r"(?:\s*[|·•]\s*(?:watch|listen)\s+live(?:\s+(?:tv|radio))?)?"
    r"|why\s+you\s+can\s+trust\s+[\w .'’&]{1,30}"
    r"|please\s+use\s+[\w ]{1,30}\s+browser\b.{0,80}"
    r"|(?:this|the)\s+(?:story|article|report)\s+has\s+been\s+updated\.?"
    # a correction's notice: of an earlier version, not the story's figures
    r"|(?:corrections?|clarification)\s*:\s*[^\n]{10,280}"
    r"|editor['’]?s\s+note\s*:\s*(?=an\s+earlier|a\s+previous|this\s+(?:story|article))[^\n]{10,280}"
    r"|an\s+earlier\s+version\s+of\s+this\s+(?:story|article|report)\b[^\n]{0,250}"
    r"|an\s+earlier\s+version\s+(?:said|stated|misstated|reported|gave)\b[^\n]{0,250}"
    r"\b(?:(?:has|have)\s+been|was|were)\s+(?:corrected|amended)\b[^\n]{0,100}"
    # "This article was amended on 6 March 2020. An earlier version said ..."
    rf"|this\s+(?:article|story)\s+was\s+(?:amended|corrected)\s+on\s+(?:\d{{1,2}}\s+{MONTH}"
    rf"|{MONTH}\s+\d)[^\n]{{0,400}}"
    # an Indian agency credit: "(With inputs from Reuters and AFP)", "With inputs from PTI"
    rf"|\(?with\s+inputs?\s+from\s+(?:agencies|{AGENCIES})(?:\s*(?:,|and|&)\s*(?:agencies|{AGENCIES}))*\)?"
    # a consent dialog's notice: "We and our 648 partners store and/or access information ..."
    r"|we\s+and\s+our\s+(?:[\d,]+\s+)?(?:partners|vendors)\s+(?:store\s+and/or\s+access"
    r"|use\s+(?:cookies|technologies)|process\s+(?:your\s+)?personal\s+data)\b.{0,600}"
    # (the site says it: "We use cookies", "This website uses cookies", not "... said 40
    # sites that use cookies had to ask consent")
    r"|(?:we\s+value\s+your\s+privacy\b"
    # (not what a regulator or a court found: "The regulator said Meta uses cookies ...")
    r"|(?![^\n]{0,60}\b(?:said|says|found|ruled|heard|told|claims|alleges|argued?)\b)"
    r"(?:[\w.'’&-]+\s+){0,5}uses?\s+cookies\b"
    # "This website uses its own and third-party cookies ..."
    r"|(?:this|our)\s+(?:web\s?)?(?:site|page)\s+uses\s+(?:[\w'’-]+\s+){1,4}?cookies\b)"
    r"[^\n]{0,300}\b(?:accept|agree|consent|cookie\s+policy|manage\s+settings|privacy\s+settings"
    r"|change\s+your\s+choices)\b.{0,100}"
    # an encyclopedia's page: "Jump to navigation Jump to search", "From Wikipedia, the
    # free encyclopedia", its references ("1. ^ "Title". Site. 5 March 2020. Retrieved
    # 6 March 2020.")
    r"|(?:jump\s+to\s+(?:navigation|search|content)\s*){1,3}"
    r"|from\s+(?:wikipedia,?\s+)?the\s+free\s+encyclopedia"
    r"|(?:\d{1,3}\.\s*)?\^\s.{0,500}"
    # a newsletter's link to itself, a podcast's rating ("★★★★★ 4.8 (2,314 ratings)")
    r"|view\s+(?:this\s+(?:email|newsletter)\s+)?in\s+(?:your\s+)?browser"
    r"|[★☆]{1,5}\s*(?:\d(?:\.\d)?(?:\s*/\s*5)?)?\s*\(?[\d,.]+[kK]?\s+(?:ratings?|reviews?)\)?"
    r"|\d{1,2}"  # a list's number alone ("Most read": 1, 2, ...)
    r"|\d{16,})\W*",  # a page's tracking code
    re.IGNORECASE,
)
# Page furniture that a wrapped line of prose can resemble ("heard on Monday by the
# court", "more about Ankara's plans"): tested only on a line that stands alone.
LONE_BOILERPLATE = re.compile(
    r"heard\s+on\s+(?-i:[A-Z])[^.!?\n]{0,60}"  # a programme's label: "Heard on Morning Edition"
    r"|article\s+\d{1,3}\.?"  # a statement's heading alone: "Article 3."
    r"|more\s+about\s+(?-i:[A-Z])[^.!?\n]{0,150}"  # tags: "More about Floods Kestrel Valley"
    # a form's field after its call: "... sent every weekday. E-Mail Address"
    r"|(?:[^\n]{0,200}[.!?:]\s+)?e-?mail\s+address"
    r"|i\s+would\s+like\s+to\s+(?:be\s+emailed|receive\s+(?:emails|offers|updates))\b.{0,200}"
    # a newsletter's pitch: "Catch up on the latest headlines ..., sent every weekday."
    r"|(?:catch\s+up\s+on|get|receive)\s[^\n]{0,150}\b(?:sent|delivered)\s+(?:to\s+your\s+inbox\s+)?"
    r"every\s+(?:weekday|day|morning|evening|week)\b.{0,20}"
    r"|(?-i:[A-Z])[\w'’&]*\s+(?-i:Premium)"  # "Herald Premium" (a site's paid edition)
    # a video player's and a live page's labels, a text-size control, a teaser's label
    r"|now\s+playing|trending(?:\s+now)?|font\s+size\s*:?(?:\s*a){0,3}"
    r"|scroll\s+(?:down\s+)?(?:to\s+see|for)\s+more(?:\s+updates)?"
    r"|(?-i:EDITOR['’]?S\s+PICKS?)\s*:\s*[^.!?\n]{1,120}"  # a teaser's label, in capitals
    # an encyclopedia's notices: "This page was last edited on 7 March 2020, at 14:02.",
    # "Retrieved 6 March 2020."
    rf"|this\s+page\s+was\s+last\s+(?:edited|modified)\s+on\s+\d{{1,2}}\s+{MONTH}\s+\d{{4}}"
    r"(?:,?\s+at\s+\d{1,2}:\d{2}(?:\s*\([A-Z]{2,5}\))?)?\.?"
    rf"|retrieved\s+(?:on\s+)?(?:\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}},?)\s+\d{{4}}\.?"
    # a podcast's and a newsletter's links and notices
    r"|show\s+notes|read\s+the\s+full\s+(?:story|article)|listen\s+to\s+the\s+(?:podcast|episode)"
    r"|subscribe\s+on\s+(?:apple\s+podcasts|spotify|google\s+podcasts)"
    r"(?:\s*[|,·]\s*[\w ]{1,20}){0,4}"
    r"|this\s+transcript\s+(?:was|has\s+been)\s+(?:automatically\s+generated|generated"
    r"\s+automatically|machine-generated)(?:\s+and\s+may\s+contain\s+errors)?\.?"
    r"|this\s+(?:episode|podcast)\s+is\s+(?:sponsored|brought\s+to\s+you)\s+by\s+[^,.!?:\n]{1,60}"
    r"(?::\s*(?:use|visit|go\s+to|get|try)\b[^\n]{0,80})?[.!]?"
    # a cookie notice that asks nothing
    r"|(?:this|our)\s+(?:web\s?)?site\s+uses\s+cookies\s+to\s+(?:ensure\s+you\s+get|give\s+you)"
    r"\s+the\s+best\s+(?:possible\s+)?(?:browsing\s+)?experience(?:\s+on\s+our\s+(?:web\s?)?site)?\.?",
    re.IGNORECASE,
)
# A video or audio teaser: a label and a short title without a sentence's end.
MEDIA_TEASER = re.compile(
    r"(?i:watch|video|listen|live|gallery|in\s+pictures|photos)\s*[:|]\s*[^.!?\n]{1,100}"
)
# A title and its kind: "Italy mourns bridge victims - video", "Floods - in pictures"
MEDIA_TITLE = re.compile(
    r"[^.!?\n]{1,150}\s[-–—]\s(?i:video(?:\s+report)?|audio|podcast|gallery|in\s+(?:pictures|photos))"
)
# An outlet "with agencies" alone on a line ("Euronews with AFP, AP"): the story's credit.
WITH_AGENCIES = re.compile(  # "DAILY SABAH WITH AGENCIES", "FRANCE 24 with AFP"
    r"[A-Z][\w.'’&-]*(?:\s+[A-Z0-9][\w.'’&-]*){0,3}\s+(?i:with)\s+"
    rf"(?i:agencies|wires|{AGENCIES})(?:(?:,|\s+and)\s+(?i:{AGENCIES}))*"
    r"(?:\s+[A-Z][A-Z.'’-]+){0,3}"  # and a dateline's place
    r"|[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,2}\s*/\s*(?i:wires|agencies)"  # "ABC/wires"
)
# A news agency's name alone on a line: the wire credit of the story.
AGENCY_LINE = re.compile(rf"\W*(?i:{AGENCIES})\W*")
# "Text by: FRANCE 24", "Video by: Jane Doe | 02:14": a credit label and names
BY_LABEL = re.compile(
    r"(?i:text|words|video|photos?|pictures?)\s+by\s*:\s*[^.!?\n]{1,80}"
    # "Video editor • Jane Doe", "Producer: Ali Khan": a role and a name
    r"|(?i:(?:video\s+)?editor|producer|photographer|videographer|reporter|correspondent)"
    r"\s*[•·|:]\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    # "Author Jane Doe (with Reuters, AFP, dpa)": a page's author field
    r"|(?i:authors?)\s*:?\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*\((?i:with)\s+[^()\n]{1,60}\))?"
)
# "Keywords Idlib, Recep Tayyip Erdogan, ceasefire": a list that opens with a name, no
# sentence's end
TAG_LINE = re.compile(
    r"(?i:keywords|related\s+(?:subjects|topics))\s*:?\s+[A-Z][^.!?\n]{0,150}"
    r"|(?i:more\s+about)\s*:\s+[A-Z][^.!?\n]{0,150}"  # "More about: Floods, Kestrel"
    r"|(?i:topics?|tags?)\s*\|\s*[A-Z][^.!?\n]{0,150}"  # "Topic | Syria conflict"
)
# A photographer's name, of two or three words, after an agency or an outlet and a colon
PHOTOGRAPHER = r"\s*:\s*[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w.'’-]*){1,2}\)"
# A caption's closing credit: an agency and the photographer ("(AP: Jane Doe)"), Getty's
# ("(AFP via Getty Images)"), "(Supplied)"; any outlet's ("(ABC News: Jane Doe)") only
# after a "Photo:" label: "... (Source: Syrian Observatory)" closes a sentence.
CREDITED_CAPTION = re.compile(
    rf"(?:(?P<label>(?i:photo|picture|image)\s*:\s*))?[^\n]{{1,300}}?\s*\("
    rf"(?:(?P<agency>(?i:{AGENCIES}|getty(?:\s+images)?|epa|aap)){PHOTOGRAPHER}"
    rf"|[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){{0,2}}{PHOTOGRAPHER}"
    r"|(?:[A-Z][\w.'’&-]*\s+){1,4}via\s+Getty\s+Images\)|Getty\s+Images\)|Supplied\))"
)
# words of an organisation's name, never a photographer's: "(SANA: Syrian Arab News Agency)"
ORGANISATION = re.compile(
    r"\b(?:News|Agency|Press|Service|Media|Times|Post|Radio|TV|Ministry|Observatory|Forces"
    r"|Units|Helmets|Council|Committee|Army|Party|Front|Office|Commission|Institute)\b"
)
CAPTION_WORDS = 45  # a caption with its credit is at most this long; a paragraph is prose


def is_credited_caption(text: str) -> bool:
    """A caption closed by its photo's credit (``CREDITED_CAPTION``), maybe after "Photo:": "Photo:
    Displaced Syrians at a camp. (Reuters: Ali Khan)", "Leaders meet in Moscow (AFP via
    Getty Images)". A longer line is a paragraph of prose, whatever closes it, and a name
    after the colon that is an organisation's spells out an abbreviation."""
    if not text.endswith(")") or len(text.split()) > CAPTION_WORDS:
        return False
    m = CREDITED_CAPTION.fullmatch(text)
    if m is None or (":" in text[text.rfind("(") :] and not (m["label"] or m["agency"])):
        return False
    photographer = text[text.rfind("(") :].partition(":")[2]
    return ORGANISATION.search(photographer) is None


# A telephone number: "(717) 555-0188", "+44 20 7946 0958", "(+34) 91 346 71 00"
PHONE_NUMBER = r"\+?(?:\d[\s.-]?){0,3}(?:\(\+?\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{1,5}){1,4}"
# A footer's or a box's telephone number closing its line, labelled with a capital or
# "Tel.": "Contact us: Tel +98 21 2216 4500", "Got a news tip? Call 1300 722 742",
# "Kestrel S.A. - Harbour Road, 8, Port Ellis - Tel. (+34) 91 346 71 00". Prose asks
# readers "to call 0800 555 0188." with a full stop, in lower case.
CONTACT_TAIL = re.compile(
    rf"(?:\b(?:Tel|TEL|Phone|PHONE|Call|CALL|Fax|FAX)\b(?:\s+us(?:\s+on)?)?|\b[Tt]el\.)"
    rf"\s*[.:]?\s*{PHONE_NUMBER}$"
)
CONTACT_WORDS = 25


def is_contact_line(text: str) -> bool:
    """A short line that ends with a labelled telephone number (``CONTACT_TAIL``) of at
    least ``PHONE_DIGITS`` digits."""
    tail = CONTACT_TAIL.search(text) if text[-1:].isdigit() else None
    return (
        tail is not None
        and len(text.split()) <= CONTACT_WORDS
        and sum(c.isdigit() for c in tail.group()) >= PHONE_DIGITS
    )


# A box of markets after its label: "Market data ASX 200 -2.8% 6,144.8 AUD 65.89 US cents"
MARKET_LABEL = re.compile(r"(?i:market\s+data)\s*:?\s+[A-Z]")


def is_market_data(text: str) -> bool:
    """A box of markets: its label, a signed change among its quotes (``SIGNED_PERCENT``,
    as a ticker's), and no sentence's end ("Market data show prices rose 2.8%." is
    prose)."""
    return (
        MARKET_LABEL.match(text) is not None
        and SIGNED_PERCENT.search(text) is not None
        and not TERMINAL_END.search(text)
    )


# A ticker's line: a name, its price and its signed change ("USD/TRY 6.1542 +0.45%",
# "BIST 100 110,482.31 -1.21%", "Brent Crude 51.13 -0.97%")
TICKER_NAME = r"(?:[A-Z][\w/&.'’-]*|\d{2,4})"
TICKER_LINE = re.compile(
    rf"{TICKER_NAME}(?:\s+{TICKER_NAME}){{0,3}}\s+\d[\d,]*(?:\.\d+)?\s+[+\-−]\d+(?:\.\d+)?%"
)


# An appeal for money: "Support public radio. Donate now: $8 a month keeps ..."
DONATE = re.compile(
    r"(?:[^\n\d.!?]{1,40}[.!]\s+)?(?i:donate)(?:\s+(?i:now|today))?"
    # "Donate now, its appeal said, ..." is prose
    r"(?:\s*[:!]\s*[^\n]{0,100}|\s+to\s+(?i:support|keep|help)\b[^\n]{0,80})?"
)
CAPTION_LINE = re.compile(
    # "Image caption The mayor ...", and as BBC pages scrape: "image copyrightReuters image
    # captionPresidents Putin ...", "Media playback is unsupported on your device Media
    # captionWhy is Idlib so important?"
    r"(?:(?i:image|media)\s*(?i:copyright)\s*[^\n]{1,60}?\s+"
    r"|(?i:media\s+playback\s+is\s+unsupported\s+on\s+your\s+device)\s*)?"
    r"(?i:image|media|video|photo)\s*(?i:caption)(?:\b|(?=[A-Z])).{0,300}"
    r"|(?i:photo|image|picture|slide)\s+\d{1,3}\s+(?i:of)\s+\d{1,3}\b.{0,300}"  # "Photo 2 of 5 ..."
    r"|\[(?i:photo|image|picture|caption|(?:photo|image)\s+caption)\]\s*.{0,300}"  # "[Photo] ..."
    # "Photo: A displaced family near the camp": a caption's length, telling no one's words
    r"|(?i:photo|photograph|picture|image)\s*:\s*(?![^\n]*\b(?i:said|says|told|according)\b)"
    r"\S+(?:\s+\S+){0,29}\s*"
)
# A video's length after its title ("Turkey loses 33 soldiers in airstrike 02:14"), or
# alone; "Talks end at 17:45" (a time after a preposition) is a heading, not a video.
VIDEO_LENGTH = re.compile(r"(?:(.{1,150})\s)?\d{1,2}:[0-5]\d")
TIME_WORDS = frozenset({"at", "from", "until", "till", "by", "to", "after", "before", "around"})


# "Video, 1:46", "Video. 01:32", "VIDEO | 6:02 | Leaders speak after the talks" (a title
# after a bar only: "VIDEO 14:32 — Rescuers said ..." is a live blog's entry)
VIDEO_LABEL = re.compile(r"(?i:video)\s*[|.,:–—-]?\s*\d{1,2}:[0-5]\d(?:\s*\|\s*(.{1,150}))?")


def is_video_teaser(text: str) -> bool:
    """A video's title and its length (``VIDEO_LENGTH``), or the length alone, or the
    length after the word "Video" and maybe a title (``VIDEO_LABEL``). A title is
    short and no sentence: "VIDEO 14:32 — Rescuers said 40 more were pulled alive."
    is a live blog's entry."""
    m = VIDEO_LABEL.fullmatch(text.strip()) or VIDEO_LENGTH.fullmatch(text.strip())
    if m is None:
        return False
    title = m.group(1)
    if title is None:
        return True
    words = title.split()
    return (
        len(words) <= MAX_LINK_WORDS
        and words[-1].lower() not in TIME_WORDS
        and not TERMINAL_END.search(title)
    )


# Words of a page's buttons and counters: a line of nothing else is furniture ("Share
# Comments (4) Print Reading time: 6 min", "Share this article: Facebook Twitter Email")
FURNITURE = frozenset(
    {"share", "comments", "comment", "print", "email", "mail", "tweet", "facebook", "twitter"}
    | {"whatsapp", "linkedin", "reddit", "telegram", "messenger", "pinterest", "flipboard"}
    | {"reading", "time", "min", "mins", "minute", "minutes", "read", "copy", "link", "save"}
    | {"listen", "this", "article", "story", "font", "size", "e", "download", "embed"}
    | {"transcript"}
)
FURNITURE_WORD = re.compile(r"[^\W\d_]+")


def is_furniture(text: str) -> bool:
    """A line of three to twelve words, each a button's or a counter's (``FURNITURE``)."""
    words = FURNITURE_WORD.findall(text.lower())
    return 3 <= len(words) <= 12 and all(w in FURNITURE for w in words)


# Words of a cookie or consent dialog's buttons and prompt: a line of nothing else, one
# of them a choice, is the dialog ("Yes, I agree No, take me to settings", "AGREE MORE
# OPTIONS")
CONSENT = frozenset(
    {"yes", "no", "ok", "i", "agree", "accept", "reject", "decline", "allow", "all", "more"}
    | {"options", "manage", "settings", "preferences", "choices", "take", "me", "to", "and"}
    | {"continue", "cookies", "you", "may", "can", "or", "your", "below", "got", "it", "close"}
)
CONSENT_CHOICES = frozenset({"agree", "accept", "reject", "decline"})


def is_consent_dialog(text: str) -> bool:
    """A line of two to sixteen words, each a consent dialog's (``CONSENT``), a choice among
    them, ending no sentence ("I agree." is a reply)."""
    words = FURNITURE_WORD.findall(text.lower())
    return (
        2 <= len(words) <= 16
        and set(words) <= CONSENT
        and bool(CONSENT_CHOICES & set(words))
        and not _ends_sentence(text)
    )


# A market ticker: "BIST 100 105.472,87 -1,37% USD/TRY 6,1231 +0,42%" (signed changes)
SIGNED_PERCENT = re.compile(r"(?<![\w.,])[+−-]\d[\d.,]*\s?%")
LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


def is_ticker(text: str) -> bool:
    """A line of quotes: two signed percentage changes or more among symbols and numbers
    (a word in lower case at most), ending no sentence. "Shares in BP rose +2.1% ..." or
    an election's "Labour 41% (+8%), ..." after "The final result:" is prose."""
    return (
        len(SIGNED_PERCENT.findall(text)) >= 2
        and len(LOWER_WORD.findall(text)) <= 1
        and not TERMINAL_END.search(text)
    )


# A gallery's counter: "1/27", "3 / 12" (the first no more than the second: "24/7" is no
# counter)
COUNTER = re.compile(r"(\d{1,3})\s*/\s*(\d{1,3})")


def is_gallery_counter(text: str) -> bool:
    m = COUNTER.fullmatch(text.strip())
    return m is not None and 0 < int(m[1]) <= int(m[2])


# A telephone number alone, maybe labelled: a footer's ("(717) 555-0188", "Tel: +44 20 7946 0958")
PHONE_LINE = re.compile(
    rf"(?i:(?:tel(?:ephone)?|phone|call(?:\s+us)?|fax)\s*[.:]?\s*)?{PHONE_NUMBER}"
)
PHONE_DIGITS = 7


def is_phone_line(text: str) -> bool:
    """A telephone number alone (``PHONE_LINE``) of at least ``PHONE_DIGITS`` digits, not a
    number grouped in thousands ("1 000 000"), years ("2014-2016") or a date ("06.03.2020")."""
    if PHONE_LINE.fullmatch(text) is None or sum(c.isdigit() for c in text) < PHONE_DIGITS:
        return False
    groups = re.findall(r"\d+", text)
    thousands = all(len(g) == 3 for g in groups[1:])
    years = all(len(g) == 4 and g[:2] in ("19", "20") for g in groups)
    return not thousands and not years and not is_date_line(text)


# A counter alone: "1,024 comments", "View reactions (1,247)", "3.2K shares"
# A post's or a poll's counters, with the buttons beside them: "1.1K Retweets 2.6K Likes",
# "Reply · 12 likes", "(36) Comments Share Via", "2,317 votes"
ENGAGED = (
    r"(?:[\u2600-\u27bf\U0001f300-\U0001faff]\s*)?"  # "👏 1.2K claps"
    r"\(?[\d,.]+[KkMm]?\)?\s*(?i:comments?|shares?|reactions?|views?|likes?|replies|retweets?"
    r"|quote\s+tweets?|claps?|upvotes?)"
)
BUTTON = r"(?i:reply|share(?:\s+via)?|like|retweet|report)"
COUNTER_LINE = re.compile(  # (responses only beside another counter: a survey's "2,317")
    rf"(?:{BUTTON}[\s·|•]+)*{ENGAGED}(?:[\s·|•]+(?:{ENGAGED}|{BUTTON}|[\d,.]+[KkMm]?\s*responses?))*"
    r"|(?i:view|show|read)\s+(?i:comments?|reactions?|replies)\s*\(?[\d,.]+[KkMm]?\)?"
    r"|(?i:shares|comments|views|likes)\s*+(?::\s*+)?[\d,.]+[KkMm]?"  # "Shares 312"
)
# A share bar's words: its buttons, networks, counters' names and comment sorting
SHARE_BAR_WORDS = frozenset(
    {"share", "shares", "shared", "tweet", "tweets", "email", "e-mail", "mail", "print"}
    | {"comment", "comments", "reply", "replies", "reaction", "reactions", "like", "likes"}
    | {"view", "views", "facebook", "twitter", "whatsapp", "linkedin", "reddit", "telegram"}
    | {"pinterest", "messenger", "flipboard", "copy", "link", "save", "summary", "this"}
    | {"article", "story", "page", "post", "sort", "by", "newest", "oldest", "top", "best"}
    | {"most", "popular", "first", "pin"}
)
SHARE_BAR_ANCHORS = frozenset({"share", "shares", "tweet", "comment", "comments"})
SHARE_NETWORKS = frozenset(
    {"facebook", "twitter", "whatsapp", "linkedin", "reddit", "telegram", "pinterest"}
    | {"messenger", "flipboard", "email", "e-mail", "print", "pin"}
)
MONEY_OR_SHARE = frozenset("%$£€¥+")  # a stock's or a vote's share, not a counter
SHARE_BAR_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*[KkMm]?")
SHARE_BAR_WORDS_MAX = 10


def is_share_bar(text: str) -> bool:
    """A share bar and its counters, whatever their order and marks ("Share: 318
    Comments: 12", "Summary⎙ Print Share 412 Comments 7", "0 Comments Sort by: Newest",
    "Share Facebook 1.6K Twitter WhatsApp Email"): at most ``SHARE_BAR_WORDS_MAX``
    words, every one a share bar's (``SHARE_BAR_WORDS``), one of them sharing or
    comments, and counters or the buttons of two networks; no share of a vote or a
    stock ("Share: 48.2%", "Shares $12.50"). Its counts are no figures of the story."""
    tokens = SHARE_BAR_TOKEN.findall(text)
    words = {t.lower() for t in tokens if not t[0].isdigit()}
    counted = any(t[0].isdigit() for t in tokens)  # a counter, or the buttons of two networks
    return (
        0 < len(tokens) <= 2 * SHARE_BAR_WORDS_MAX
        and len(words) <= SHARE_BAR_WORDS_MAX
        and words <= SHARE_BAR_WORDS
        and bool(words & SHARE_BAR_ANCHORS)
        and (counted or len(words & SHARE_NETWORKS) >= 2)
        and not MONEY_OR_SHARE & set(text)
    )


# A postal address: a number and a street, or a town, a US state and a ZIP code
# ("1200 Broadcast Way", "Harrisburg, PA 17110", "Barbaros Bulvarı No:153 Beşiktaş 34349")
STREET = re.compile(  # a line that opens with the number, or a Turkish "Bulvarı No:153"
    r"\d{1,5}[A-Za-z]?\s+(?:[A-Z][\w.'-]*\s+){1,3}"
    r"(?:Street|St|Road|Rd|Avenue|Ave|Way|Boulevard|Blvd|Lane|Drive|Plaza|Square)\b\.?(?:,.*)?$"
    r"|.*\b(?:Bulvar[ıi]|Caddesi|Cad\.|Sokak|Sok\.)\s+No\s*[:.]?\s*\d"
)
US_TOWN = re.compile(r"[A-Z][\w .'-]{1,40},\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?")
# A post-office box: "Al Quds Street, PO Box 6519, Dubai"
PO_BOX = re.compile(r"\b(?:P\.?\s?O\.?\s+Box|POB)\s*\d{1,6}\b")
ADDRESS_WORDS = 8
PO_BOX_WORDS = 14


def is_address(text: str) -> bool:
    """A line of at most ``ADDRESS_WORDS`` words, no sentence, that opens with a number
    and ends with its street (``STREET``), or gives a US town, state and ZIP code: a
    footer's address; or of at most ``PO_BOX_WORDS`` with a post-office box. "Crowds
    gather outside 10 Downing Street" is a headline."""
    if _ends_sentence(text):
        return False
    if len(text.split()) <= PO_BOX_WORDS and PO_BOX.search(text):
        return True
    if len(text.split()) > ADDRESS_WORDS:
        return False
    return US_TOWN.fullmatch(text) is not None or STREET.match(text) is not None


# A site's path ("Home » World » Middle East", "News > World > Asia") or menu ("Live
# Radio | Live TV | Languages"): short items, none a sentence, joined by marks prose
# does not join words with.
# (each match starts where a run of spaces starts, as BYLINE_SEPARATOR's)
CRUMB_MARK = re.compile(r"(?<!\s)\s*[»›]\s*|(?<!\s)\s+>\s+")
MENU_MARK = re.compile(r"(?<!\s)\s+\|\s+")
MAX_ITEM_WORDS = 4  # words of an item of a path
MENU_ITEM_WORDS = 3  # words of an item of a menu


# A site's sections, as its menus name them
MENU_ITEMS = frozenset(
    {"home", "news", "world", "local", "national", "politics", "business", "economy"}
    | {"markets", "opinion", "sport", "sports", "weather", "culture", "arts", "life"}
    | {"lifestyle", "entertainment", "science", "tech", "technology", "health", "travel"}
    | {"video", "videos", "photos", "podcasts", "newsletters", "live", "live tv", "tv"}
    | {"radio", "live radio", "languages", "search", "menu", "sign in", "log in"}
    | {"subscribe", "contact", "contact us", "about us", "climate", "environment"}
    | {"education", "media", "latest", "world news", "local news", "top stories"}
    | {"africa", "americas", "asia", "europe", "middle east", "latin america", "australia"}
    | {"us & canada", "uk", "us", "asia pacific", "asia-pacific"}
    | {"features", "newsletter", "discover", "analysis", "investigations", "explainers"}
    # a site's editions in other languages, each named in its own
    | {"english", "français", "español", "deutsch", "türkçe", "русский", "العربية", "فارسی"}
)


# A site's pages and buttons, as a menu parted by bars names them ("About | Donate",
# "Terms | Privacy | Cookies", "Most Viewed | Most Commented"): words a title may
# hold too, so only between bars
BAR_MENU_ITEMS = MENU_ITEMS | {
    *("about", "donate", "interviews", "classifieds", "obituaries", "terms", "privacy"),
    *("cookies", "settings", "most read", "most viewed", "most commented", "most shared"),
    *("newest first", "oldest first", "refresh", "accept all", "reject all", "advertise"),
    *("careers", "terms of use", "terms and conditions", "privacy policy", "cookie policy"),
    *("cookie preferences", "cookie settings", "code of ethics", "accessibility"),
    "adchoices",
}


def is_breadcrumb(text: str) -> bool:
    """Items of a site's path: two or more joined by "»" or "›", three or more by " > "
    ("Die »Zeitenwende« bleibt aus", "›Nein‹" quote, with their "«" or "‹")."""
    needed = 2 if "»" in text or "›" in text else 3 if ">" in text else 0
    if not needed or "«" in text or "‹" in text:
        return False
    items = CRUMB_MARK.split(text)
    return len(items) >= needed and all(_is_item(item, MAX_ITEM_WORDS) for item in items)


RUN_MENU_ITEMS = 6  # a site's sections run together on one line, at least


def is_run_menu(text: str) -> bool:
    """A site's sections run together on one line without separators ("Sky News - ...
    Home UK World Politics US Climate Science & Tech Business ..."): ``RUN_MENU_ITEMS``
    or more of its words are sections (``MENU_ITEMS``), two in five of all, hardly any
    in lower case (a sentence's), no comma or colon between them (a title's list of
    places), and it ends no sentence."""
    if "," in text or ":" in text:
        return False  # a title that lists places ("Markets Live: US, Europe, Asia ...")
    words = FURNITURE_WORD.findall(text)
    sections = sum(word.lower() in MENU_ITEMS for word in words)
    lower = sum(word[:1].islower() for word in words)  # "of" in the site's motto
    return (
        sections >= RUN_MENU_ITEMS
        and sections * 5 >= len(words) * 2
        and lower * 8 <= len(words)
        and not TERMINAL_END.search(text)
    )


def is_menu(text: str, least: int = 3) -> bool:
    """``least`` or more items of a menu, each of at most three words and no digit,
    joined by " | ", half of them a site's sections (``MENU_ITEMS``: "Live Radio | Live
    TV | Languages"); of two, the second a section ("The Kestrel Herald | World", "World
    | Middle East": a site's or a path's label). Names ("Ali Khan | Jane Doe | ...") or
    a table's header are no menu, and a title's "| Site" is read elsewhere."""
    items = MENU_MARK.split(text) if "|" in text else []
    if len(items) < least or not all(map(_menu_item, items)):
        return False
    sections = [_is_section(i) for i in items]
    if len(items) == 2:
        return sections[1]
    return sum(sections) * 2 >= len(items)


def _menu_item(item: str) -> bool:
    """An item of a site's menu: at most ``MENU_ITEM_WORDS`` words, no digit."""
    return _is_item(item, MENU_ITEM_WORDS) and not any(c.isdigit() for c in item)


def _is_section(item: str) -> bool:
    """One of a site's sections or pages, as its menus name them (``BAR_MENU_ITEMS``)."""
    return " ".join(item.lower().split()) in BAR_MENU_ITEMS


def _site_labels(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A site's or a path's label of two items alone in its paragraph ("The Kestrel
    Herald | World", ``is_menu``), where the paragraphs around it are no rows of the
    same kind: a table's ("Maria Jensen | Economy" over "Lars Holm | Health") stay."""
    live = [list(_live_lines(raw, p, drops)) for p in paragraphs]
    barred = [any("|" in v.text for _, v in lines) for lines in live]
    out: list[Dropped] = []
    for k, lines in enumerate(live):
        if len(lines) != 1 or any(barred[k - 1 : k]) or any(barred[k + 1 : k + 2]):
            continue
        view = lines[0][1]
        if is_menu(" ".join(view.text.split()), least=2):
            out += _drop_view(view, "boilerplate", raw)
    return out


def _is_item(item: str, most: int) -> bool:
    """A menu's or a path's item: at most ``most`` words, the first capitalised, without
    a sentence's marks."""
    words = item.split()
    first = item[:1]
    capital = first.isupper() or (first.isalpha() and not first.islower())  # "العربية"
    return 0 < len(words) <= most and capital and not TERMINAL_END.search(item)


# An agency before a date line ("PTI | Updated: ..."), or a dateline's city in capitals
# ("ISTANBUL Mar 05, 2020 - 8:41 pm GMT+3")
AGENCY_PREFIX = re.compile(
    rf"(?i:{AGENCIES})\s*\|\s*|[A-Z]{{3,}}(?:\s+[A-Z]{{3,}})?\s+(?=\d|[A-Z][a-z])"
)


def is_agency_date_line(text: str) -> bool:
    """ "PTI | Updated: Mar 6, 2020, 02:14 IST": an agency's name before a date line, or a
    city's in capitals ("ISTANBUL Mar 05, 2020 - 8:41 pm")."""
    m = AGENCY_PREFIX.match(text)
    return m is not None and is_date_line(text[m.end() :])


# A related story's title and its date after a wide gap, a line standing alone ("Syria
# says drones killed 3 soldiers  2020-03-04"); one a list of links gives is read from its
# markup (``_dated_links``). A title ends no sentence. (The gap after its last word: a run
# of spaces is tried once, not from each space.)
DATED_TITLE = re.compile(r"(?:(?![.!?]\s)[^\n]){5,200}?(?<=\S)\s{2,}+\d{4}-\d{2}-\d{2}")
# "Related Three regime jets downed as ...": a headline after the label, on its own line
RELATED_TITLE = re.compile(r"Related\s+(?!Subjects\b|Topics\b)[\"“‘'A-Z][^\n]*(?<![.!?\"”’'])")


LISTED = r"[A-Z]\S*(?:[ \t]+\S+){2,30}"  # a listed story's title: three words at least
# A site's list of its most read stories run onto one line, numbered, with or without
# its label: "Popular Now in News 1 Ontario reports 3 new cases 2 Toronto man, 52, ..."
FUSED_LIST = re.compile(
    r"(?:(?i:most\s+(?:read|popular|viewed)|popular\s+now|trending(?:\s+now)?|top\s+stories)"
    r"(?:\s+in\s+[\w ]{1,20}?)?\s*:?\s*)?"
    rf"1\.?\s+{LISTED}?\s+2\.?\s+{LISTED}?\s+3\.?\s+{LISTED}(?<![.?!])"
)  # (a sentence of prose ends with its full stop; a headline's items are words)
# A blog's widgets, one a line or run together: "Like this: Like Loading...", "Prev Post
# Next Post", "Leave a Reply Cancel reply", "Your email address will not be published.
# Required fields are marked *"
BLOG_ITEM = (
    r"(?:like\s+this:|like\s+loading(?:\.{3}|…)?|(?:prev(?:ious)?|next)\s+(?:post|article)"
    r"|leave\s+a\s+(?:reply|comment)|cancel\s+reply"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published\.?"
    r"|required\s+fields\s+are\s+marked\s*\*?)"
)
BLOG_LINE = re.compile(rf"(?i:{BLOG_ITEM}(?:\s*{BLOG_ITEM})*)")
# A page's prompts and credits on a line of their own: "Loading ...", "Ad Choices", "For
# further information, please contact:", "Follow AP's coverage of Syria at https://...",
# "(Source: Agencies)"
PAGE_PROMPT = re.compile(
    r"(?i:(?:comments?\s+)?loading\s*(?:\.{3}|…)|ad\s+choices"
    # (what follows is an address, not prose: "please visit the FEMA website; 40,000 ...")
    r"|for\s+(?:further|more)\s+information,?\s+please\s+(?:contact|visit|see)"
    r"(?:\s*:|(?:\s+(?:www\.|https?://)\S+)+)"
    r"|follow\s+[\w'’.]{1,30}\s+coverage\s+of\s+[^\n]{1,80}"
    r"|\(\s*source\s*:\s*[\w .,&+]{1,60}\)"
    r"|(?:now\s+playing|up\s+next)\s*:?\s+[^.!?\n]{1,100}"  # a video player's queue
    # a portal's comments and a feed's links: "Start the conversation 1,204 people
    # reacted", "Read the full story at Associated Press" (no sentence after it: "on
    # page 4. Police say 12 were hurt"), "More coverage of this story (12 sources) →",
    # "·4 min read"
    r"|(?:start|join)\s+the\s+conversation\s+[\d,.]+[km]?\s+people\s+reacted"
    r"|read\s+the\s+full\s+(?:story|article)\s+(?:at|on)\s+[\w &'’-]{1,40}"
    r"|more\s+coverage\s+of\s+this\s+story\s*(?:\(\s*\d+\s+sources?\s*\))?\s*[→»>]?"
    r"|[·•]\s*\d{1,2}\s*min(?:ute)?s?\s+read)"
)
# "Like this story? Share it with a friend!"
SHARE_PROMPT = re.compile(r"(?i:like\s+this\s+(?:story|article)\s*\?[^\n]{0,80})")
# An e-mail's furniture, as a newsletter's copy keeps it: "View in browser", and its
# footer ("Was this email forwarded to you? ...", "You received this email because ...").
# Its headers are read at the top (``_email_headers``).
EMAIL_ITEM = (
    r"(?i:forward\s+(?:this\s+)?to\s+a\s+friend|unsubscribe|privacy\s+policy"
    r"|(?:update|manage)\s+(?:your\s+)?(?:preferences|subscriptions?))"
)
EMAIL_LINE = re.compile(
    r"(?:View|VIEW)\s+(?i:(?:this\s+(?:e-?mail|newsletter)\s+)?(?:in\s+(?:your\s+)?browser|online))"
    rf"(?:\s*[|•·]\s*{EMAIL_ITEM})*"  # "View in browser | Forward to a friend"
    r"|(?:Unsubscribe|UNSUBSCRIBE)\s*[|•·]\s*[^\n]{0,300}"  # a footer's row, an address after it
    r"|(?i:(?:[^\n]{0,40}\s)?was\s+this\s+(?:e-?mail|newsletter)\s+forwarded\s+to\s+you\b[^\n]{0,200})"
    r"|(?i:you\s+(?:are\s+)?receiv(?:ed|ing)\s+this\s+(?:e-?mail|newsletter|message)\b[^\n]{0,300})"
)
# A print page's furniture: "Continued on page 4", "Continued on A9", "Page 3", an
# index's "Lex Page 12"
PAGE_LINE = re.compile(
    r"(?i:continued\s+(?:on|from)\s+page|(?:see\s+)?page)\s+\d{1,3}"
    r"|(?:Continued|CONTINUED)\s+(?:on|from|ON|FROM)\s+[A-H]\d{1,2}"  # a section's page
    r"|(?:[A-Z][\w'’&]*\s+){1,3}Page\s+\d{1,3}"
)
# A print page's running head: a masthead in capitals and the day's date, with the
# page's number ("4   FINANCIAL TIMES   Friday 6 March 2020", "A7 THE DAILY STAR ...")
RUNNING_HEAD = re.compile(
    r"(?:\d{1,3}\s+|[A-H]\d{1,2}\s{2,})?"  # a page's number, or a section's lettered one
    r"((?:[A-Z][A-Z&'’.-]+\s+){1,4})(.+?)"
    r"(?:\s+\d{1,3}|\s{2,}[A-H]\d{1,2})?"
)


def is_running_head(text: str) -> bool:
    """A print page's running head (``RUNNING_HEAD``): what follows the masthead is a
    date line."""
    m = RUNNING_HEAD.fullmatch(text.strip())
    return m is not None and is_date_line(m[2])


# Each rule tests a whole line (markup removed); "Related ...: <a headline>" only its start.
LINE_RULES: tuple[tuple[Callable[[str], object], str], ...] = (
    (URL_LINE.fullmatch, "url"),
    (RELATED_LINE.match, "related link"),
    (CREDIT_BYLINE.fullmatch, "byline"),
    (is_author_line, "byline"),
    (BY_LABEL.fullmatch, "byline"),
    (is_date_line, "date line"),
    (is_agency_date_line, "byline"),
    (PAGE_LINE.fullmatch, "boilerplate"),
    (EMAIL_LINE.fullmatch, "boilerplate"),
    (FUSED_LIST.fullmatch, "related link"),
    (SHARE_PROMPT.fullmatch, "boilerplate"),
    (BLOG_LINE.fullmatch, "boilerplate"),
    (PAGE_PROMPT.fullmatch, "boilerplate"),
    (is_running_head, "boilerplate"),
    (BOILERPLATE_LINE.fullmatch, "boilerplate"),
    (is_furniture, "boilerplate"),
    (is_breadcrumb, "boilerplate"),
    (is_menu, "boilerplate"),
    (is_run_menu, "boilerplate"),
    (is_phone_line, "boilerplate"),
    (COUNTER_LINE.fullmatch, "boilerplate"),
    (is_share_bar, "boilerplate"),
    (is_address, "boilerplate"),
    (TAG_LINE.fullmatch, "boilerplate"),
    (is_video_teaser, "related link"),
    (MEDIA_TEASER.fullmatch, "boilerplate"),
    (AGENCY_LINE.fullmatch, "byline"),
    (WITH_AGENCIES.fullmatch, "byline"),
    (CAPTION_LINE.fullmatch, "caption"),
    (CREDIT_LINE.fullmatch, "photo credit"),
    (is_credited_caption, "caption"),
    (HANDLE_BYLINE.fullmatch, "byline"),
    (HANDLE_LINE.fullmatch, "byline"),
    (FOLLOW_BYLINE.fullmatch, "byline"),
    (is_contact_line, "boilerplate"),
    (is_market_data, "boilerplate"),
    (TICKER_LINE.fullmatch, "boilerplate"),
    (DONATE.fullmatch, "boilerplate"),
)
# Rules whose debris a line of wrapped prose can resemble ("... closed -1.2% and the DAX
# -0.9%, while", "by Prime Minister Boris Johnson on 23 March 2020"): they test only a
# line that does not run on from the line before or into the next (one that starts in
# lower case continues the sentence of the line above).
ALONE_RULES: tuple[tuple[Callable[[str], object], str], ...] = (
    (RELATED_TITLE.fullmatch, "related link"),
    (DATED_TITLE.fullmatch, "related link"),
    (is_section_date_line, "date line"),
    (is_dated_byline, "byline"),
    (is_fused_date_line, "byline"),
    (is_consent_dialog, "boilerplate"),
    (is_ticker, "boilerplate"),
    (is_gallery_counter, "boilerplate"),
    (MEDIA_TITLE.fullmatch, "boilerplate"),
    (LONE_BOILERPLATE.fullmatch, "boilerplate"),
)
MAX_RULE_LINE = 300  # longer lines are prose, never line debris


MARKUP_LINK = re.compile(r"!?\[([^\[\]\n]{0,300})\]\([^()\s]{0,500}\)")
MARKUP_MARK = re.compile(r"\*\*|__|^#{1,6}\s+|^>\s?")
MARKUP_WRAP = re.compile(r"([*_])(?=\S)(.*?\S)\1")  # a line wholly in *emphasis*


def _markup_free(text: str) -> str:
    """Line text for matching rules: markdown links and emphasis reduced to their words."""
    if "[" in text:
        text = MARKUP_LINK.sub(r"\1", text)
    if any(c in text for c in "*_#>"):
        text = MARKUP_MARK.sub("", text).strip()
        wrapped = MARKUP_WRAP.fullmatch(text)
        text = wrapped.group(2) if wrapped else text
    return text.strip()


BULLET = re.compile(r"^(?:[-•]\s+|\*(?!\*))")  # a list's "- " or "• ", a footnote's "*"
CREDIT_WORD = re.compile(r"(?i:copyright|©|photo|image|credit)")


def _line_reason(text: str, alone: bool = True) -> str | None:
    """The reason a whole line is debris, or None (``alone``: it runs on from no line and
    into none, so ``ALONE_RULES`` apply too)."""
    if len(text) > MAX_MARKUP_LINE:
        return None
    if IMAGE_LINE.fullmatch(text):
        return "markdown"  # an image alone, or a logo's inside its link: no words of the page's
    plain = _markup_free(text)
    if not plain or len(plain) > MAX_RULE_LINE:
        return None
    bullet = BULLET.match(plain)
    if bullet:  # a list's item is debris only as a date, a credit or a byline
        return _bulleted_reason(plain[bullet.end() :])
    if _is_byline(plain):
        return "byline"
    rules = (*LINE_RULES, *ALONE_RULES) if alone else LINE_RULES
    return next((reason for test, reason in rules if test(plain)), None)


def _bulleted_reason(item: str) -> str | None:
    """A list's item ("- Copyright Jane Doe/AP", "• Published 5 March 2020", "*Writing by
    Jane Doe") that is a date line, a credit naming itself one, or a byline; "- Pfizer/
    BioNTech" is no credit."""
    if is_date_line(item):
        return "date line"
    if CREDIT_WORD.search(item) and CREDIT_LINE.fullmatch(item):
        return "photo credit"
    if CREDIT_BYLINE.fullmatch(item) or BY_LABEL.fullmatch(item) or _is_byline(item):
        return "byline"
    return None


# (each match starts where a run of spaces starts: trying every space of a long run
# made splitting a line grow with the square of the run)
BYLINE_SEPARATOR = re.compile(r"(?<!\s)\s+[|·•—–-]\s+|(?<!\s)\s*\|\s*")
AGENCY = re.compile(r"[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3}")


def _is_byline(text: str) -> bool:
    """ "By Name", or "By Name | May 14, 2024 | Agency", "Name | 05.03.2020 - 09:14" and
    "Source: Agency | 2020-03-06 03:41:27 | Editor: name": a byline, a name or a source,
    then dates, times, agency names, an editor, a reading time or a count of views
    (``PAGE_META``), a date among them."""
    if text.startswith(("By", "by", "BY")) and BYLINE.fullmatch(text):
        return True
    head, *rest = BYLINE_SEPARATOR.split(text)
    if not rest or not (BYLINE.fullmatch(head) or NAME_LINE.fullmatch(head) or _labelled(head)):
        return False
    dated = [is_date_line(part) for part in rest]
    named = (
        d or AGENCY.fullmatch(p) or _labelled(p) or PAGE_META.fullmatch(p)
        for p, d in zip(rest, dated, strict=True)
    )
    return any(dated) and all(named)


# A page's reading time and count of views beside its byline and date ("Reading time: 4
# min", "5 min read", "👁 2,341", "1,204 views")
PAGE_META = re.compile(
    r"(?i:reading\s+time\s*:?\s*\d{1,3}\s*min(?:ute)?s?|\d{1,3}\s*min(?:ute)?s?\s+read)"
    r"|👁\ufe0f?\s*[\d,.]{1,12}[KkMm]?|[\d,.]{1,12}[KkMm]?\s+(?i:views?|reads?)"
)
SOURCE_LABEL = re.compile(r"(?i:source|editor)\s*:\s*[\w .]{1,40}")


def _labelled(part: str) -> bool:
    """A source or editor label, or a time alone ("09:14", split from its date by " - ")."""
    time = DATE_PART.fullmatch(part)
    return SOURCE_LABEL.fullmatch(part) is not None or (
        time is not None and time["time"] is not None
    )


# A site's navigation: a block of short lines, one of them a menu's own word.
NAV_WORDS = frozenset(
    {"home", "search", "menu", "navigation", "sign in", "log in", "login", "register"}
    | {"toggle menu", "open navigation", "close navigation", "main menu", "site navigation"}
)
NAV_LINES = 5  # lines of a navigation block, at least
LINK_ITEM = re.compile(r"\s*(?:[-*+]\s+)?\[[^\[\]\n]{1,60}\]\([^()\s]{0,500}\)\s*")  # a menu's link
NAV_ITEM = 6  # words of a line dropped with its block, at most (a longer one may be the title)


def _navigation(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A block of ``NAV_LINES`` lines or more, or a path of them from "Home" (a breadcrumb
    trail a line each), four in five of them menu items (at most ``MENU_ITEM_WORDS``
    words, no sentence's end), one a navigation word ("Home", "Search", "Sign in") or a
    "Skip to ..." link or all of them a list's links ("* [News](/news)"), above the
    story's first sentence or below its last (a line of more than ``NAV_ITEM`` words
    that ends a sentence): a site's menu. A block is a paragraph, or in text that parts
    its paragraphs with single line breaks (``_one_per_line``) a run of its menu items.
    The block's lines of at most ``NAV_ITEM`` words go; a longer one stays (a headline
    the block runs into). A list inside the story (a match's "Home" side, a dish of a
    "Menu") stays."""
    out: list[Dropped] = []
    story: tuple[int, int] | None = None  # the story's first and last sentence's line
    for block in _blocks(raw, paragraphs, drops):
        if len(block) < 2:
            continue
        views = [v for _, v in _live_lines(raw, block, drops)]
        texts = [" ".join(v.text.split()) for v in views]
        written = [" ".join(raw[x.start : x.end].split()).lower() for x in block]
        trail = written[0] == "home" and len(texts) > 1  # a path: "Home", "West Asia", "Syria"
        if not (len(block) >= NAV_LINES or trail):
            continue
        linked = all(LINK_ITEM.fullmatch(raw[x.start : x.end]) for x in block)  # "* [News](/news)"
        if sum(map(_is_menu_item, texts)) * 5 < len(texts) * 4 or not (
            linked or any(t in NAV_WORDS or t.startswith("skip ") for t in written)
        ):
            continue
        story = story or _story_lines(raw, paragraphs, drops)
        if story[0] < block[-1].number and block[0].number < story[1]:
            continue  # inside the story
        if linked and not block[-1].number < story[0]:
            continue  # links without a menu's word: only above the story (a list may end it)
        for view, text in zip(views, texts, strict=True):
            if len(text.split()) <= NAV_ITEM:
                out += _drop_view(view, "boilerplate", raw)
    return out


def _story_lines(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> tuple[int, int]:
    """The numbers of the first and the last line of prose (more than ``NAV_ITEM`` words,
    ending a sentence); (a line after the last, -1) for a text without one."""
    said = [
        line.number
        for paragraph in paragraphs
        for line, view in _live_lines(raw, paragraph, drops)
        if len(view.text.split()) > NAV_ITEM and _ends_sentence(view.text)
    ]
    return (said[0], said[-1]) if said else (len(raw), -1)


def _is_menu_item(text: str) -> bool:
    return len(text.split()) <= MENU_ITEM_WORDS and not _ends_sentence(text)


def _blocks(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> Iterator[list[Line]]:
    """The paragraphs, and in one whose lines are paragraphs its runs of menu items (lines
    already dropped among them, such as "Skip to content", kept in the run)."""
    for paragraph in paragraphs:
        if not _one_per_line(raw, paragraph):
            yield paragraph
            continue
        run: list[Line] = []
        for line in paragraph:
            text = _view(raw, line.start, line.end, drops).text
            if not text.strip() or _is_menu_item(" ".join(text.split())):
                run.append(line)
            else:
                yield run
                run = []
        yield run


def _line_debris(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    out: list[Dropped] = []
    title: str | None = None  # the first line with words, and the lines that repeat it
    running = _running_lines(raw, lines)
    for line in lines:
        view = _view(raw, line.start, line.end, drops)
        title = view.text.strip() if title is None and view.text.strip() else title
        reason = _line_reason(view.text, line.number not in running)
        if reason and not (view.text.strip() == title and MEDIA_TEASER.fullmatch(title)):
            out += _drop_view(view, reason, raw)  # "LIVE: ..." at the top is the title
    return out


def _running_lines(raw: str, lines: Sequence[Line]) -> set[int]:
    """The numbers of the lines a sentence runs across: a line that starts in lower case
    (after its spaces) and the line just above it, when that is not blank."""
    out: set[int] = set()
    for above, line in pairwise(lines):
        text = raw[line.start : line.end].lstrip()
        if text[:1].islower() and raw[above.start : above.end].strip():
            out |= {above.number, line.number}
    return out


# A date with a metadata word ("date 2020-03-05", "Published: May 14, 2024 10:30 GMT")
# or an ISO date, fused onto the start of the first line; a capital (the headline or
# the first sentence) must follow, so prose opening with "On March 5, 2020" is kept.
META_PREFIX = r"(?:published|updated|last\s+(?:updated|modified)|modified|posted|date|dated)"
DATE_PREFIX = re.compile(
    rf"\s*(?i:(?:{META_PREFIX}(?:\s*:)?\s*)+{DATE}|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.]+z?)?)"
    rf"(?i:(?:\s*(?:,|at|\|))?\s*{TIME})?(?:\s*[|·•—–,:-])?\s+(?=[\"“‘'(]?[A-Z])"
)


# A label the page set before a line and the scrape fused onto it: "Key event Idlib truce
# now in force" (a live blog's), "Advertisement Russia in turn warned ..." (an inline ad's)
FUSED_LABEL = re.compile(
    r"\s*(?:Key\s+[Ee]vents?|Pinned\s+post|Advertisement|ADVERTISEMENT)(?:\s*[-–—:|])?\s+"
    r"(?=[\"“‘'(]?[A-Z])"
)


# An e-mail's headers: "From: Jane Doe <jane@x.org>", "Subject: ...", "Date: Fri, 6 Mar
# 2020 06:02:11 -0500"
EMAIL_FROM = re.compile(r"(?:From|FROM)\s*:\s*[^\n@]{0,80}@[^\n]{1,120}")
EMAIL_HEADER = re.compile(r"(?:From|To|Cc|Bcc|Reply-To|Subject|Date|Sent)\s*:[^\n]{1,200}")
EMAIL_TOP = 8  # lines at the top of a copy where an e-mail's headers stand


def _email_headers(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A newsletter's e-mail headers at the top of its copy, where one says who it is
    from with an address ("From: Jane Doe <jane@x.org>"); a memo's "Subject:" quoted
    in a story stays."""
    top = list(islice(_live_lines(raw, lines, drops), EMAIL_TOP))
    if not any(EMAIL_FROM.fullmatch(view.text.strip()) for _, view in top):
        return []
    return [
        d
        for _, view in top
        if EMAIL_HEADER.fullmatch(view.text.strip())
        for d in _drop_view(view, "boilerplate", raw)
    ]


def _fused_labels(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A page's label fused onto the start of a line (``FUSED_LABEL``)."""
    out: list[Dropped] = []
    for _, view in _live_lines(raw, lines, drops):
        m = FUSED_LABEL.match(view.text)
        if m is not None:
            out += _drop_view(view, "boilerplate", raw, 0, m.end())
    return out


# An author's note that closes with where to follow them: "Jane Doe is the Herald's
# correspondent in ... Follow her on Twitter @janedoe"
AUTHOR_BIO = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}\s+(?:is|was)\s+[^\n]{10,400}?"
    r"\b(?i:follow)\s+(?:him|her|them)\s+on\s+(?i:twitter|x|instagram|facebook|linkedin|threads"
    r"|bluesky)\b[^\n]{0,60}"
)
# A reader's comment under its author's name and age: "Abu Faisal · 8 hours ago"
COMMENT_HEAD = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*[·•|]\s*\d{1,2}\s+"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago"
)


# The same head on two lines, the name over the age ("Dan K.", "2 hours ago"), is a
# comment's where its readers' actions close it ("Like 17 · Reply") within a few lines,
# before any other name over an age (a live page's entry has a heading over its age).
COMMENT_AGE = re.compile(
    r"\d{1,2}\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
)
COMMENT_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}")
COMMENT_ACTIONS = re.compile(
    r"(?:(?:likes?|dislikes?|repl(?:y|ies)|report|share|\d{1,6})\s*[·•|]?\s*)+", re.IGNORECASE
)
COMMENT_LINES = 6  # lines of a comment's text at most, between its age and its actions
# A commenter over a comment's date line: a handle ("Mira_K", "kestrel1984") or a name of
# two words ("Dan K.", "Mira Halden"); not a live entry's heading or an organisation
NOT_COMMENTER = re.compile(
    r"\b(?:Cross|Update|Updates|Live|Breaking|Crescent)\b|" + ORGANISATION.pattern
)
COMMENTER = re.compile(r"[\w.-]*[_\d][\w.-]*|[A-Z][\w'’-]*\s[A-Z][\w'’.-]*|[A-Z][a-z]+")


def _comment_end(live: Sequence[tuple[Line, View]], n: int, dated: set[int]) -> int:
    """Where the reader's comment opened by line ``n`` ends (the index after its last
    line), or 0 where none opens there: "Name · 3 hours ago" (``COMMENT_HEAD``) runs to
    the paragraph's end; a name over its age, or over a date line already dropped
    (``dated``: their line numbers), to its readers' actions."""
    text = live[n][1].text.strip()
    if COMMENT_HEAD.fullmatch(text):
        return len(live)
    first = _comment_text(live, n, dated)
    if not first:
        return 0
    for k in range(first, min(len(live), first + 1 + COMMENT_LINES)):
        line = live[k][1].text.strip()
        if COMMENT_ACTIONS.fullmatch(line) and "repl" in line.lower():
            k += 1  # and the actions under it: "Reply" / "Share" / "Report"
            while k < len(live) and COMMENT_ACTIONS.fullmatch(live[k][1].text.strip()):
                k += 1
            return k
        if _comment_text(live, k, dated):
            return 0  # another head first: a live page's entries
    return 0


def _comment_text(live: Sequence[tuple[Line, View]], n: int, dated: set[int]) -> int:
    """Where the text of a comment headed by line ``n`` starts, or 0: a name over its age
    ("Dan K." / "2 hours ago"), or over its date line ("Mira_K" / "5 Mar 2020 22:48")."""
    name = live[n][1].text.strip()
    if n + 1 >= len(live) or COMMENT_NAME.fullmatch(name) is None:
        return 0
    if COMMENT_AGE.fullmatch(live[n + 1][1].text.strip()):
        return n + 2
    number = live[n][0].number
    handle = COMMENTER.fullmatch(name) is not None and not NOT_COMMENTER.search(name)
    return n + 1 if handle and number + 1 in dated and live[n + 1][0].number == number + 2 else 0


def _comments(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A reader's comment: its head and its lines (``_comment_end``); and an author's
    note that closes with where to follow them."""
    out: list[Dropped] = []
    date_lines = {d.start: d.end for d in drops.items if d.reason == "date line"}
    dated = {
        line.number
        for run in paragraphs
        for line in run
        if (text := raw[line.start : line.end]).strip()
        and date_lines.get(line.start + len(text) - len(text.lstrip()), -1)
        >= line.start + len(text.rstrip())
    }
    for paragraph in paragraphs:
        live = list(_live_lines(raw, paragraph, drops))
        n = 0
        while n < len(live):
            end = _comment_end(live, n, dated)
            if end:
                out += [d for _, v in live[n:end] for d in _drop_view(v, "boilerplate", raw)]
                n = end
                continue
            text = live[n][1].text.strip()
            if len(text) <= MAX_RULE_LINE * 2 and AUTHOR_BIO.fullmatch(text):
                out += _drop_view(live[n][1], "byline", raw)
            n += 1
    return out


# A poll: its label, its question, its answers and their shares ("Poll", "Will the
# ceasefire hold?", "Yes", "41%", "Can't say", "12%", "2,317 votes")
POLL_LABEL = re.compile(r"\s*(?i:poll|quick\s+poll|readers?'?\s+poll|have\s+your\s+say)\b\s*:?\s*")
POLL_SHARE = re.compile(r"\s*\d{1,3}(?:[.,]\d+)?\s?%\s*|\s*[\d,.]+\s+(?i:votes?)\s*")
POLL_ANSWER_WORDS = 4


def _polls(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A poll's label line over its question (ending "?"), and the answers under them
    (short lines that end no sentence), their shares and counts, in one paragraph."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        live = [view for _, view in _live_lines(raw, paragraph, drops)]
        for n, view in enumerate(live[:-1]):
            label = POLL_LABEL.match(view.text)
            if label is None:
                continue
            question = view.text[label.end() :].strip() or live[n + 1].text.strip()
            if not question.endswith("?"):
                continue
            end = n + 1 if view.text[label.end() :].strip() else n + 2
            while end < len(live) and _is_poll_answer(live[end].text):
                end += 1
            out += [d for v in live[n:end] for d in _drop_view(v, "boilerplate", raw)]
    return out


def _is_poll_answer(text: str) -> bool:
    words = text.split()
    if POLL_SHARE.fullmatch(text) or COUNTER_LINE.fullmatch(text.strip()):
        return True
    return 0 < len(words) <= POLL_ANSWER_WORDS and not _ends_sentence(text)


def _fused_date(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A metadata date opening the article's first readable line, before its headline."""
    first = next(_live_lines(raw, lines, drops), None)
    if first is None:
        return []
    view = first[1]
    m = DATE_PREFIX.match(view.text)
    return _drop_view(view, "date line", raw, 0, m.end()) if m else []


# --- 3. headline -------------------------------------------------------------------

TERMINAL_END = re.compile(r"[.!?:;,…][\"”’')\]]*$")
MAX_HEADLINE_WORDS = 25


def _live_lines(raw: str, lines: Iterable[Line], drops: Drops) -> Iterator[tuple[Line, View]]:
    """Lines with something left to read, and what is left."""
    for line in lines:
        view = _view(raw, line.start, line.end, drops)
        if view.text.strip():
            yield line, view


def _norm(text: str) -> str:
    return " ".join(_markup_free(text).split()).casefold()


# A page's title: the headline, then the site's name after a bar or dash ("... | Euronews",
# "... - Turkey News"), which a masthead line may repeat alone.
SITE_MARKS = (" | ", " - ", " – ", " — ")
SITE_WORDS = 5
TOP_LINES = 8  # live lines at the top where the headline's copies are looked for


def _site_suffix(text: str) -> int:
    """Where a page title's site name starts ("... | Euronews", "... | France 24",
    "... - News24", "... | euronews": at the mark), or -1: a name of at most
    ``SITE_WORDS`` words, no longer than the headline before it, each word
    capitalised, a number or a short word ("of", "the"), or one word alone.
    "Kabul - Taliban say 12 killed" and "Quake toll rises - 150 dead" have none."""
    at = max(text.rfind(mark) for mark in SITE_MARKS)
    name = text[at + 3 :].split()
    if at <= 0 or not 0 < len(name) <= SITE_WORDS or len(name) > len(text[:at].split()):
        return -1
    if name[0][:1].isdigit():
        return -1  # "Ferry toll rises to 136 - 44 still missing": a dek, not a site
    if len(name) == 1:
        return at
    named = all(w[:1].isupper() or w.isdigit() or (w.islower() and len(w) <= 3) for w in name)
    return at if named else -1


MENU_WORDS = 10  # words of a masthead's or a menu's line, at most


def _headline(
    raw: str, lines: Sequence[Line], drops: Drops, breaks: frozenset[int] = frozenset()
) -> tuple[str | None, list[Dropped]]:
    """The page's title (``_title``), below its masthead and menus (``_menu_block``),
    which go as page furniture."""
    menu = _menu_block(raw, lines, drops) or _above_copied_title(raw, lines, drops)
    masthead = [
        d
        for _, view in _live_lines(raw, lines[:menu], drops)
        for d in _drop_view(view, "boilerplate", raw)
    ]
    title, found = _title(raw, lines, drops, breaks, below=menu)
    return title, masthead + found


def _menu_block(raw: str, lines: Sequence[Line], drops: Drops) -> int:
    """The page's masthead and menus, as the number of lines they take at its top (0:
    none): its first lines up to the first blank one, when they are two or more, none
    repeated (not a title over its copy), one of them a menu's (page furniture already
    dropped, or items parted by bars: "Home | News | World") and the others no prose
    (of ``MENU_WORDS`` words at most, ending no sentence), and a title stands alone
    below them (a line, maybe over its copy, then a blank one)."""
    block: list[Line] = []
    for line in lines:
        if raw[line.start : line.end].strip():
            block.append(line)
        elif block:
            break
    texts = [raw[line.start : line.end].strip() for line in block]
    if len(block) < 2 or len({_norm(t) for t in texts}) < len(texts):
        return 0
    furniture = {d.start for d in drops.items if d.reason == "boilerplate"}
    menus = [
        _menu_bar(t) or line.start + raw[line.start : line.end].find(t) in furniture
        for line, t in zip(block, texts, strict=True)
    ]
    prose = [len(t.split()) > MENU_WORDS or _ends_sentence(t) for t in texts]
    if not any(menus) or any(p and not m for p, m in zip(prose, menus, strict=True)):
        return 0
    if not (menus[-1] or len(texts[-1].split()) <= 2):
        return 0  # its last line is the title: "World | Syria" over "Russia and Turkey agree ..."
    after = list(islice(_live_lines(raw, lines[block[-1].number + 1 :], drops), 3))
    if len(after) > 2 and _is_kicker(after[0][1].text, after[1][1].text):
        after = after[1:]  # a section's name over the title ("WORLD", "NATION & WORLD")
    after = after[:2]
    if not after:
        return 0
    title = [view.text.strip() for _, view in after]
    alone = len(after) == 1 or after[1][0].number > after[0][0].number + 1 or title[0] == title[1]
    if not alone or len(title[0].split()) < 4 or not _looks_like_title(title[0]):
        return 0
    return block[-1].number + 1


COPIED_TITLE_REACH = 24  # live lines at the top where a title and its copy are looked for
FURNITURE_WORDS = 6  # words of a masthead's line (a site's name, its motto), at most
SHORT_ITEMS = 3  # menus one item a line: at least this many lines of a few words


def _above_copied_title(raw: str, lines: Sequence[Line], drops: Drops) -> int:
    """The masthead, menus and section labels above a title the page gives twice on
    two lines running ("Al-Monitor", "Originals  Gulf  Iran  Israel", "TURKEY PULSE"
    over the title and its copy, as a scraper takes the page's title and its heading),
    as the number of lines they take (0: none). Only the first line of the top
    ``COPIED_TITLE_REACH`` that its copy follows is the title, and every line above
    must be furniture: a menu's items, or a few words with no figure, no sentence and
    no opening quotation, and among them a menu or ``SHORT_ITEMS`` lines of at most
    three words (a site's sections one to a line); a title and its copy a blank line
    apart only under two lines or more of a word each ("News", "Actions": a page's
    labels and buttons). A caption given twice below a
    headline and its standfirst, a recipe's repeated step or a poem's refrain is no
    title."""
    live = list(islice(_live_lines(raw, lines, drops), COPIED_TITLE_REACH))
    for n, ((line, view), (below, copy)) in enumerate(pairwise(live)):
        text = view.text.strip()
        apart = below.number - line.number  # 2: a blank line between
        if apart <= 2 and _norm(text) == _norm(copy.text):
            if n == 0 or len(text.split()) < TAIL_WORDS or not _looks_like_title(text):
                return 0
            above = [v.text.strip() for _, v in live[:n]]
            menus = sum(_menu_bar(a) for a in above)
            short = sum(len(a.split()) <= 3 for a in above)
            furniture = all(_menu_bar(a) or _masthead_words(a) for a in above)
            # a page's labels and buttons, a word each: "News" / "Actions" over the title
            labels = len(above) >= 2 and all(len(a.split()) == 1 for a in above)
            if apart == 2:  # a title and its copy as paragraphs: only under such labels
                return line.number if furniture and labels else 0
            return line.number if furniture and (menus or short >= SHORT_ITEMS) else 0
    return 0


def _masthead_words(text: str) -> bool:
    """A few words of a masthead: a site's name or motto, a section's name."""
    return (
        len(text.split()) <= FURNITURE_WORDS
        and not any(c.isdigit() for c in text)
        and not _ends_sentence(text)
        and not text.endswith(":")
        and text[:1] not in "\"“‘«„'"
    )


TABLE_CELL = re.compile(r"\s*[\d.,]+\s*%?\s*")
SPACED_ITEMS = re.compile(r"\s{2,}")
SPACED_MENU_ITEMS = 4  # a menu's items parted by runs of spaces, at least


def _menu_bar(text: str) -> bool:
    """A menu's items parted by bars ("Home | News | World") or by runs of spaces ("News
    Weather   Traffic   Sports", each of at most ``MENU_ITEM_WORDS`` words), not a
    table's row of figures ("Labour | 412 | 34%")."""
    cells = text.split("|")
    if len(cells) >= 3:
        return sum(bool(TABLE_CELL.fullmatch(c)) for c in cells) < 2
    # (an abbreviation's dots are no sentence's end: "World   U.S.   Tech")
    items = [i.rstrip(".") if "." in i[:-1] else i for i in SPACED_ITEMS.split(text.strip())]
    return (
        len(items) >= SPACED_MENU_ITEMS
        and sum(map(_is_section, items)) * 2 >= len(items)  # not a line-up or a verse
        and all(map(_menu_item, items))
    )


def _title(
    raw: str,
    lines: Sequence[Line],
    drops: Drops,
    breaks: frozenset[int] = frozenset(),
    below: int = 0,
) -> tuple[str | None, list[Dropped]]:
    """The first readable line (from line ``below`` on) when it is the title: repeated
    at the top (maybe there without the site's name the title ends with), or a short
    line alone. The site's name on a line of its own there is dropped with it."""
    readable = (x for x in _live_lines(raw, lines, drops) if x[0].number >= below)
    live = list(islice(readable, TOP_LINES + 1))
    kicker: list[Dropped] = []
    if len(live) > 2 and _is_kicker(live[0][1].text, live[1][1].text):
        kicker = _drop_view(live[0][1], "boilerplate", raw)
        live = live[1:]
    live = live[:TOP_LINES]
    if len(live) < 2:
        return None, []
    (first, view), rest = live[0], live[1:]
    above = lines[first.number - 1] if first.number > 0 else None
    if above is not None and SUMMARY_LABEL.fullmatch(raw[above.start : above.end]):
        return None, []  # a summary's first point ("Key points" over it), not a title
    key = _norm(view.text)
    site = _site_suffix(view.text)
    bare = _norm(view.text[:site]) if site > 0 else key
    norms = [_norm(v.text) for _, v in rest]
    copies = [v for (_, v), norm in zip(rest, norms, strict=True) if norm in (key, bare)]
    plain = _norm(html.unescape(view.text))  # as ``_is_tail`` reads them: "&#39;" is "'"
    ends = [v for _, v in rest if plain.endswith(" " + _norm(html.unescape(v.text)))]
    tail = next((v for v in ends if _is_tail(_plain(view.text), _plain(v.text))), None)
    tail = tail if tail is not None and _looks_like_title(view.text) else None
    if not copies and tail is not None:  # the title below a line that fuses debris before it
        return _plain(tail.text), kicker + _drop_view(view, "headline", raw) + _drop_view(
            tail, "headline", raw
        )
    # a blank or emptied line follows, or a single break that parts paragraphs (``breaks``)
    alone = rest[0][0].number > first.number + 1 or first.end in breaks
    under = "" if copies or alone else _under_title(first, rest, view.text)
    if not copies and not ((alone or under) and _looks_like_title(view.text)):
        return None, []
    out = kicker + _drop_view(view, "headline", raw)
    if under == "site":
        out += _drop_view(rest[0][1], "boilerplate", raw)
    for copy in copies:
        out += _drop_view(copy, "headline", raw)
    if site > 0 and any(_norm(v.text) == bare for v in copies):
        name = _norm(view.text[site + 3 :])
        for _, masthead in rest:
            if _norm(masthead.text) == name:
                out += _drop_view(masthead, "boilerplate", raw)
        return _plain(view.text[:site]), out
    return _plain(view.text), out


def _under_title(first: Line, rest: Sequence[tuple[Line, View]], title: str) -> str:
    """What the line under a title of ``TAIL_WORDS`` words or more is, alone above a
    blank or emptied line (a date line's, a menu's): "site", the site's or the desk's
    name ("First patrol on the highway cut short" / "Bosphorus Courier" / "Monday, March
    16, 2020"), which goes; "deck", a short line in sentence case under a title of a
    headline's length ("Ceasefire takes hold in the valley" / "Guns fall silent"), which
    stays a paragraph of its own, not the title's words; or ""."""
    if len(rest) < 2 or len(title.split()) < TAIL_WORDS:
        return ""
    (line, view), (after, _) = rest[0], rest[1]
    text = view.text.strip()
    if line.number != first.number + 1 or after.number <= line.number + 1:
        return ""
    if _masthead_words(text) and all(w[:1].isupper() or w in MASTHEAD_WORDS for w in text.split()):
        return "site"
    # (a lead wrapped over two lines ends its sentence on the second, or runs on with commas)
    deck = (
        text[:1].isupper()
        and len(text.split()) <= DECK_WORDS
        and not _ends_sentence(text)
        and (not any(c in text for c in ",:;") or DECK_ATTRIBUTION.fullmatch(text) is not None)
    )
    return "deck" if deck and len(title.split()) <= DECK_TITLE_WORDS and not _runs_on(title) else ""


# A deck's comma before who says it, in a headline's present tense ("Hundreds still
# trapped, officials say"); a lead's line runs on with commas, or says "said".
DECK_ATTRIBUTION = re.compile(
    r"[^,:;]+,\s(?:[\w'’.-]+\s){1,3}(?:says?|warns?|claims?|reports?|confirms?|fears?)"
)


# Words of a desk's or a site's name that are not capitalised: "Levant Ledger live desk"
MASTHEAD_WORDS = frozenset({"live", "desk", "news", "online", "staff", "team", "|", "&", "and"})


TAIL_WORDS = 4
KICKER_WORDS = 2
DECK_WORDS = 10  # a deck under a title, at most
DECK_TITLE_WORDS = 14  # a title over a deck, at most: a longer line is a lead's


def _is_kicker(line: str, below: str) -> bool:
    """Whether ``line``, the first, is a section's name over the title ("World", "Middle
    East", "Asia-Pacific" over "Russia And Turkey Agree To ..."): at most
    ``KICKER_WORDS`` capitalised words over a title of ``TAIL_WORDS`` or more (three,
    "Kanjuruhan Stadium Disaster", may be the title itself)."""
    words = [w for w in _markup_free(line).split() if w != "&"]
    return (
        len(words) <= KICKER_WORDS
        and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
        and len(below.split()) >= TAIL_WORDS  # a title, not a path ("Home News World")
        and _looks_like_title(below)
    )


def _is_tail(first: str, line: str) -> bool:
    """Whether the first line ends with ``line``, a title of ``TAIL_WORDS`` words or more,
    after a path, a label or a date fused before it ("India All India 20 Nov 2016 97 dead
    and counting as ..." over "97 dead and counting as ...", "Live: ..."): words that
    are capitalised or numbers. "Erdogan says Turkey will ..." over "Turkey will ..."
    is a title that quotes."""
    if len(line.split()) < TAIL_WORDS or not first.endswith(" " + line):
        return False
    fused = first[: -len(line)].split()
    return all(not word[:1].isalpha() or word[:1].isupper() for word in fused)


ASKING_TITLE = re.compile(r"[A-Z][\w'’&.]*(?:[ -][\w'’&.]+){0,3}\s*(?:[:–—]\s*|-)[A-Z]")


def _looks_like_title(text: str) -> bool:
    plain = _markup_free(text)
    return (
        (
            len(plain.split()) <= MAX_HEADLINE_WORDS
            # a title may ask after its label ("FACTBOX-What is in the deal?", "Idlib
            # ceasefire: What did they agree?"), not as a story's opening question does
            and not TERMINAL_END.search(
                plain.removesuffix("?") if ASKING_TITLE.match(plain) else plain
            )
            and bool(re.match(r"[\"“‘'(\d]*[^\W\d_]", plain))
            and plain[:1].upper() == plain[:1]
        )
        or text.lstrip().startswith("# ")
    )


def _plain(text: str) -> str:
    """Readable text of a line (for the headline): markup, entities and escapes removed."""
    text = CONTROL.sub("", TEMPLATE.sub("", _markup_free(text)))
    return re.sub(r"\s+", " ", html.unescape(text).replace(",quot;", '"')).strip()


# --- 4. captions, credits and duplicates -------------------------------------------

END_CREDIT = re.compile(
    r"(?:\(\s?(?i:photo:?\s*)?[A-Z][^()\n/]{1,60}/\s*[A-Z][^()\n]{1,40}\)"  # (Name / Agency)
    r"|\((?:[A-Z][\w.&-]*\s+){1,4}(?i:photos?)\)"  # (AP Photo), (File photo)
    r"|\*\*[^*\n]{1,60}/[^*\n]{1,40}\*\*"  # **Name / Agency**
    rf"|{PHOTO_BY}"
    r"|©[^\n]{0,100}"
    r"|(?<=[.!?\"”])[A-Z][^.!?\n]{0,80}\svia\s[^.!?\n]{1,60}"  # fused "... via Agency, Pool"
    # "... the meeting. EFE/EPA/JANE DOE / POOL"
    r"|(?<=[.!?]\s)[A-Z]{2,}(?:\s[A-Z]{2,})?/[A-Z][\w.'’ -]{1,40}"
    r"(?:\s?/\s?[A-Z][\w.'’ ]{1,20}){0,3}"
    r"|,\s*Pool)\s*$"
)
POSITION_PAREN = re.compile(
    r"\((?:[LRC]|\d(?:st|nd|rd|th)?\s?[LR]|[LR]\s?-\s?[LR]|left|right|cent(?:er|re)|top|bottom"
    r"|from\s+(?:left|right))\)"
)
POSITION_COMMA = re.compile(r",\s(?:left|right|cent(?:er|re)|second\s+(?:left|right))\s?,")
CREDIT_INSIDE = re.compile(rf"©|{PHOTO_BY}|\([A-Z][^()/\n]+/[^()\n]+\)")
MAX_CAPTION_WORDS = 80
MAX_CAPTION_CHARS = 1500


# Every END_CREDIT alternative needs one of these marks, or (case-insensitively,
# through PHOTO_BY) one of the photo words.
CREDIT_MARKS = ("(", "*", "/", "via", "Pool", "©")
PHOTO_WORDS = ("photo", "image", "picture", "video", "credit")
# The only characters that ignoring case matches to a letter of the photo words
# but that ``lower()`` does not turn into it: "İ" and "ı" match "i".
ODD_CASE_I = ("İ", "ı")


def may_end_in_credit(text: str) -> bool:
    """False only when END_CREDIT cannot match: a cheap test before the costly search.

    Ignoring case is ``lower()`` here, but for the two odd forms of "i". Measured:
    the search costs about 170 ns a character, so on every line of a 3 MB article
    about 0.3 s (6 % of that article's whole export); on the paragraphs of 100
    articles of 50 sentences, which hold curly quotes, about 15 % of cleaning.
    """
    if any(mark in text for mark in CREDIT_MARKS):
        return True
    low = text.lower()
    return any(word in low for word in PHOTO_WORDS) or any(i in text for i in ODD_CASE_I)


def _credit_span(text: str) -> Span | None:
    m = END_CREDIT.search(text) if may_end_in_credit(text) else None
    return (m.start(), m.end()) if m else _agency_credit(text)


AGENCY_CAPTION_WORDS = 30


def _agency_credit(text: str) -> Span | None:
    """ "Soldiers patrol near Ariha on 3 March (AFP)": an agency in brackets right after
    the last word ("... said on Monday. (AFP)", after a sentence, is a wire's sign-off)."""
    end = len(text.rstrip())
    start = text.rfind(" (", 0, end)
    if start < 1 or text[end - 1 : end] != ")" or not text[start - 1].isalnum():
        return None
    agency, words = text[start + 2 : end - 1], text[:start].split()
    if len(words) >= AGENCY_CAPTION_WORDS or not is_wire_name(agency):
        return None  # prose a caption's length would not reach; a name ("Sana")
    if "".join(w[0] for w in words[-len(agency) :]) == agency:
        return None  # "... told the Associated Press (AP)": the name spelled out before
    return (start + 1, end) if AGENCY_LINE.fullmatch(text, start + 1, end) else None


def _is_caption(text: str) -> bool:
    """A paragraph is a caption when it ends in a credit or marks who stands where."""
    if len(text.split()) > MAX_CAPTION_WORDS:
        return False
    if _credit_span(text):
        return True
    # Distinct positions ("(L)" and "(R)"): "Graham (R) and Rubio (R)" names parties.
    markers = len(set(POSITION_PAREN.findall(text)) | set(POSITION_COMMA.findall(text)))
    return markers >= 2 or (markers == 1 and bool(CREDIT_INSIDE.search(text)))


def _drop_caption(view: View, raw: str) -> list[Dropped]:
    """A caption line: its credit (if any) as "photo credit", the rest as "caption"."""
    credit = _credit_span(view.text)
    if credit is None:
        inside = CREDIT_INSIDE.search(view.text)
        credit = (inside.start(), len(view.text)) if inside else None
    if credit is None:
        return _drop_view(view, "caption", raw)
    out = _drop_view(view, "caption", raw, 0, credit[0])
    return out + _drop_view(view, "photo credit", raw, *credit)


def _captions(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """Caption paragraphs: short paragraphs ending in a credit or with position markers."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        if paragraph[-1].end - paragraph[0].start > MAX_CAPTION_CHARS:
            continue
        live = list(_live_lines(raw, paragraph, drops))
        if live and _is_caption(" ".join(v.text.strip() for _, v in live)):
            for _, view in live:
                out += _drop_caption(view, raw)
    return out


def is_wire_name(text: str) -> bool:
    """How a credit writes a news agency: in capitals ("AFP", "PTI") or "Reuters"; "Sana"
    or "Ani" written so is a person's name."""
    return text.isupper() or text == "Reuters"


SIGN_OFF_MARKS = ("(", "—", "–", " -")  # what sets a sign-off off its sentence


END_ITEM = re.compile(r"(?<=\s)(?i:enditem)\s*$")  # a wire's mark after a story's last word


def _sign_offs(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A news agency in brackets or after a dash, following a paragraph's last sentence
    ("... officials said. (AFP)", "... the hospital. — PTI", "said.—PTI", "-- AP"), or
    Xinhua's "Enditem": the wire's sign-off, dropped as a credit; the sentence stays. The
    agency is written in capitals (or "Reuters"): "'It will not last.' - Sana" names a
    speaker."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        view = _view(raw, paragraph[-1].start, paragraph[-1].end, drops)
        end = len(view.text.rstrip())
        closing = END_ITEM.search(view.text, 0, end)  # Xinhua's "... the agreement. Enditem"
        if closing is not None and _ends_sentence(view.text[: closing.start()]):
            out += _drop_view(view, "byline", raw, closing.start(), end)
            continue
        start = max(view.text.rfind(mark, 0, end) for mark in SIGN_OFF_MARKS)
        agency = view.text[start:end].strip("()—–- ")
        if (
            start > 0
            and is_wire_name(agency)
            and _ends_sentence(view.text[:start])
            and AGENCY_LINE.fullmatch(view.text, start, end)
        ):
            out += _drop_view(view, "byline", raw, start, end)
    return out


def _lines_above(
    raw: str, paragraphs: Sequence[list[Line]], drops: Drops, below: set[int]
) -> Iterator[View]:
    """What is left of each line directly above one of the ``below`` lines (same paragraph)."""
    for paragraph in paragraphs if below else ():
        for above, line in pairwise(paragraph):
            if line.number in below:
                yield _view(raw, above.start, above.end, drops)


def _gallery_captions(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """The line right under a gallery's counter ("2/12") in its paragraph is that
    photo's caption ("Tents of displaced Syrians near Atmeh. (REUTERS)")."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        for above, line in pairwise(paragraph):
            if not is_gallery_counter(raw[above.start : above.end]):
                continue
            view = _view(raw, line.start, line.end, drops)
            if len(view.text.split()) <= MAX_CAPTION_WORDS:
                out += _drop_view(view, "caption", raw)
    return out


# A caption in emphasis: one mark each side and none inside, no quotation, no question
# (a pull quote, an interview's question and prose with names in italics are no caption)
IMAGE_CAPTION = re.compile(r"([*_])(?![*_\s\"“‘'])[^*_?\n]{1,300}(?<![*_\s])\1")
IMAGE_CAPTION_WORDS = 30


def _image_captions(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A line wholly in emphasis right under an image alone on its line (blank lines
    between) is the image's caption ("![...](photo.jpg)" over "*Putin and Erdogan in
    Moscow (Kremlin)*"): ``IMAGE_CAPTION``, ``IMAGE_CAPTION_WORDS`` words at most."""
    out: list[Dropped] = []
    image = False
    for line in lines:
        text = raw[line.start : line.end].strip()
        if not text:
            continue
        if image and IMAGE_CAPTION.fullmatch(text) and len(text.split()) <= IMAGE_CAPTION_WORDS:
            out += _drop_view(_view(raw, line.start, line.end, drops), "caption", raw)
        image = IMAGE_LINE.fullmatch(text) is not None
    return out


def _captions_above_credits(
    raw: str, paragraphs: Sequence[list[Line]], drops: Drops
) -> list[Dropped]:
    """A line directly above a credit line ("© Agency") is the photo's caption."""
    out: list[Dropped] = []
    credits = _lines_dropped_for(raw, drops, "photo credit")
    for view in _lines_above(raw, paragraphs, drops, credits):
        if len(view.text.split()) <= MAX_CAPTION_WORDS:
            out += _drop_view(view, "caption", raw)
    return out


def _names_by_dates(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A line of people's names (``NAMES``) is a byline directly above a date line or a
    lone account ("@janedoe_news"), in its paragraph or as a paragraph of its own above
    the date's; and below a date line, with only lines already dropped or other names
    between (NPR: "March 5, 2020 4:38 PM ET", "Heard on All Things Considered", then a
    name a paragraph)."""
    dates = _lines_dropped_for(raw, drops, "date line")
    above = dates | {
        line.number
        for paragraph in paragraphs
        for line in paragraph
        if HANDLE_LINE.fullmatch(raw[line.start : line.end].strip())
    }
    alone = [
        _view(raw, top[0].start, top[0].end, drops)
        for top, below in pairwise(paragraphs)
        if len(top) == 1 and below[0].number in above
    ]
    views = [
        view
        for view in [*_lines_above(raw, paragraphs, drops, above), *alone]
        if NAMES.fullmatch(_markup_free(view.text))  # "[Jane Doe](/authors/jane-doe)"
    ]
    views += _names_after(
        raw, [line for paragraph in paragraphs for line in paragraph], drops, dates
    )
    return [drop for view in views for drop in _drop_view(view, "byline", raw)]


def _names_after(raw: str, lines: Sequence[Line], drops: Drops, dates: set[int]) -> list[View]:
    """The lines of names after a date line, past the lines already dropped: one walk,
    which a line with words that are no names ends."""
    out: list[View] = []
    after = False  # a date line above, and only dropped lines or names since
    for line in lines:
        if line.number in dates:
            after = True
            continue
        view = _view(raw, line.start, line.end, drops)
        if not view.text.strip():
            continue
        after = after and NAMES.fullmatch(_markup_free(view.text)) is not None
        if after:
            out.append(view)
    return out


CAPTION_LABEL = re.compile(r"\s*(?i:(?:image|media|video|photo)\s+caption|caption)\s*[:,]?\s*")
LIST_LABEL = re.compile(
    r"\s*(?i:topics|tags|keywords"
    r"|related(?:\s+(?:topics|stories|articles|links|content|subjects|coverage|news))?"
    r"|more\s+(?:on\s+this\s+story|stories|news|(?:stories\s+)?from(?:\s+\w+){1,3}|about)"
    r"|most\s+(?:popular|read|viewed)|market\s+data"
    r"|read\s+more|see\s+also|you\s+(?:may|might)\s+also\s+like"
    # widgets of other stories: "Trending Stories", "Don't Miss", "Editor's Picks"
    r"|trending(?:\s+(?:stories|now|news|topics))?|don.?t\s+miss|editor.?s\s+picks"
    r"|(?:recent|top|latest|popular|recommended)\s+(?:stories|news|articles)"
    r"|recommended\s+for\s+you"
    # a site's own: "DW RECOMMENDS", "Audios and videos on the topic"
    r"|[\w'’]{2,20}\s+recommends|audios?\s+and\s+videos?\s+on\s+the\s+topic)\s*:?\s*"
)
MAX_LINK_WORDS = 20


def _labelled_lines(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """Lines under a label line: the caption after "Image caption,", the links after
    "Topics". A caption label alone in its paragraph labels the next paragraph when that
    is one line of a caption's length (``MAX_CAPTION_WORDS``) that ends no sentence (a
    caption's words; a sentence there may be the story's, its caption missing)."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        for label, line in pairwise(paragraph):
            if CAPTION_LABEL.fullmatch(raw[label.start : label.end]):
                out += _drop_view(_view(raw, line.start, line.end, drops), "caption", raw)
    for above, below in pairwise(paragraphs):
        label, line = above[-1], below[0]
        if len(above) == len(below) == 1 and CAPTION_LABEL.fullmatch(raw[label.start : label.end]):
            view = _view(raw, line.start, line.end, drops)
            if len(view.text.split()) <= MAX_CAPTION_WORDS and not _ends_sentence(view.text):
                out += _drop_view(view, "caption", raw)
    return out + _link_lists(raw, paragraphs, drops)


def _link_lists(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """A label line ("Topics", "Read more:", "More stories", "Most popular") and the
    short link lines after it ("1. Greek police fire tear gas as 13,000 gather",
    "Greece: 35,000 stopped at the border 04.03.2020"): all of it.

    The links are the label's paragraph's other lines, or, when the label stands
    alone, the paragraphs of link lines that follow it, up to the first that holds
    a line that is not a link; then the list must close the article (no later paragraph
    ends as a sentence does), since a standfirst or a quotation inside the story
    can look like a link."""
    out: list[Dropped] = []
    prose = [any(_ends_sentence(v.text) for _, v in _live_lines(raw, p, drops)) for p in paragraphs]
    closing = len(prose) - prose[::-1].index(True) if True in prose else 0  # paragraphs after
    k = 0
    while k < len(paragraphs):
        label, *lines = paragraphs[k]
        alone = not lines and k >= closing
        k += 1
        if not LIST_LABEL.fullmatch(raw[label.start : label.end]):
            continue
        while alone and k < len(paragraphs):
            links = paragraphs[k]  # "Middle East" over "Greek police fire tear gas ...", or
            # a list's lines ("1. Lady Cougars fall 68-61", "2. Weekend forecast: ...")
            if not all(_is_link_title(_view(raw, x.start, x.end, drops).text) for x in links):
                break
            lines += links
            k += 1  # read once: a label among the links does not start another list
        views = [_view(raw, line.start, line.end, drops) for line in [label, *lines]]
        if lines and all(_is_link_title(v.text) for v in views[1:]):
            out += [d for view in views for d in _drop_view(view, "related link", raw)]
    return out


def _ends_sentence(text: str) -> bool:
    return SENTENCE_END.search(text.rstrip()) is not None


# A related-story teaser ends in its section's name and a dangling separator
# ("... after a train derailed in Galicia World News -"): prose never ends so.
TEASER_END = re.compile(r"\S+(?:\s+\S+){2,}?\s+[A-Z][\w'’&.]*(?:\s+[A-Z][\w'’&.]*){0,3}\s+[-–]")
SEPARATOR_LINE = re.compile(r"[-–—•·]")


def _teasers(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """Related-story teasers: a line ending in a section name and a dangling dash, with
    the story's title on the readable line above it, and a line of a lone dash."""
    out: list[Dropped] = []
    above: View | None = None
    for _, view in _live_lines(raw, lines, drops):
        text = view.text.strip()
        if SEPARATOR_LINE.fullmatch(text):
            out += _drop_view(view, "related link", raw)
        elif _is_teaser(text):
            out += _drop_view(view, "related link", raw)
            if above is not None and _is_title_line(above.text):
                out += _drop_view(above, "related link", raw)
        above = view
    return out


# A list's link to a related story and its date: "2. [2 more soldiers killed in Idlib](/a) -
# Mar 05, 2020" (a raw line, its markup still there)
DATED_LINK = re.compile(
    r"[ \t]*(?:\d{1,2}[.)]|[-*+])?[ \t]*\[[^\[\]\n]{3,200}\]\([^()\s]{0,500}\)[ \t]*[-–—|·]"
    rf"[ \t]*(?i:{DATE})[ \t]*"
)


def _dated_links(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """Two or more lines in a row, each a related story's title and date: a link and its
    date (``DATED_LINK``), or a title and a date after a wide gap (``DATED_TITLE``). A
    line alone is read so only as a title and a date after a gap: a story's own timeline
    may link an entry."""

    def dated(live: tuple[Line, View]) -> bool:
        line, view = live
        text = view.text.strip()
        return len(text) <= MAX_RULE_LINE and bool(
            DATED_LINK.fullmatch(raw, line.start, line.end) or DATED_TITLE.fullmatch(text)
        )

    out: list[Dropped] = []
    for is_dated, run in groupby(_live_lines(raw, lines, drops), key=dated):
        found = list(run) if is_dated else []
        if len(found) >= 2:
            for _, view in found:
                out += _drop_view(view, "related link", raw)
    return out


def _is_teaser(text: str) -> bool:
    """A line that ends as a related story's teaser does (``TEASER_END``); the dash is
    looked for first, so a line of prose costs no search."""
    return (
        text.endswith(("-", "–"))
        and len(text) <= 2 * MAX_RULE_LINE
        and "|" not in text
        and TEASER_END.fullmatch(text) is not None
    )


def _is_title_line(text: str) -> bool:
    """A line short enough for a title and without a sentence's end."""
    plain = _markup_free(text)
    return len(plain.split()) <= MAX_HEADLINE_WORDS and not TERMINAL_END.search(plain)


def _is_link_title(text: str) -> bool:
    """A short line without a full stop: a link or tag, not a sentence."""
    return len(text.split()) <= MAX_LINK_WORDS and not text.rstrip().endswith(".")


def _duplicates(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A line the next line repeats: verbatim (duplicate) or with a credit fused on (caption).

    "Fused" means no space at the seam ("...on Thursday.Presidential Press Service"),
    or only a photo's credit after it ("... on March 5. (AP Photo)"): that is a
    caption printed twice. After only an agency ("... on Monday. (AFP)") the second
    line is the duplicate and the first stays: it may be prose. A line that merely
    begins like the previous one is prose.
    """
    out: list[Dropped] = []
    for (_, a), (_, b) in pairwise(_live_lines(raw, lines, drops)):
        first, second = a.text.strip(), b.text.strip()
        if len(first) < 20 or not second.startswith(first):
            continue
        if second == first:
            out += _drop_view(b, "duplicate", raw)
            continue
        cut = b.text.index(first) + len(first)
        rest = b.text[cut:].strip()
        agency = is_wire_name(rest.strip("()"))
        fused = not b.text[cut].isspace() and rest[:1].isupper()  # "...Thursday.Presidential"
        if b.text[cut].isspace() and agency and AGENCY_LINE.fullmatch(rest):
            out += _drop_view(b, "duplicate", raw, 0, cut) + _drop_view(b, "byline", raw, cut)
        elif fused or _credit_span(rest) == (0, len(rest)):
            out += _drop_view(a, "caption", raw) + _drop_view(b, "caption", raw, 0, cut)
            out += _drop_view(b, "photo credit", raw, cut)
    return out


EMBED = re.compile(
    rf"pic\.twitter\.com/\w+|\(@\w{{1,30}}\)\s*{MONTH}\s+\d{{1,2}},?\s+\d{{4}}", re.IGNORECASE
)


EMBED_MARKS = ("/", "(@")  # every EMBED match holds one: a cheap test before the search


def _is_embed(text: str) -> bool:
    return any(mark in text for mark in EMBED_MARKS) and EMBED.search(text) is not None


def _embeds(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """Social-media embeds: a short paragraph with "pic.twitter.com/..." or "(@x) March 5, 2020"."""
    out: list[Dropped] = []
    for paragraph in paragraphs:
        if paragraph[-1].end - paragraph[0].start > MAX_CAPTION_CHARS:
            continue
        live = list(_live_lines(raw, paragraph, drops))
        if any(_is_embed(view.text) for _, view in live):
            for _, view in live:
                out += _drop_view(view, "embed", raw)
    return out


def _lines_dropped_for(raw: str, drops: Drops, reason: str) -> set[int]:
    """Numbers of the lines that cleaning emptied and that hold a drop for ``reason``."""
    found = [drop for drop in drops.items if drop.reason == reason]
    if not found:
        return set()
    lines = _lines(raw)
    starts = [line.start for line in lines]
    out: set[int] = set()
    for drop in found:
        line = lines[bisect_right(starts, drop.start) - 1]
        if not _view(raw, line.start, line.end, drops).text.strip():
            out.add(line.number)
    return out


# --- 5. inline debris --------------------------------------------------------------

DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}"  # PLACE in capitals
    r"(?:,\s[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+)?)?"  # optional ", Country"
    rf"(?:,\s(?i:{MONTH})\s\d{{1,2}}|,\s\d{{1,2}}\s(?i:{MONTH}))?"  # optional ", March 5"
    r"(?:\s\([A-Za-z .]{1,30}\))?"  # optional (Agency)
    r"(?:(?:(?:\s*[—–]|\s--?)\s+|\.\s/[A-Z]{2,10}/\.\s+)"  # a dash, or ". /TASS/. "
    r"(?=[A-Z0-9\"“‘'])"  # a sentence starts after it
    r"|\s*$)"  # or nothing does: the dateline alone on its line
    rf"|[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){{0,2}}\s\((?i:{AGENCIES})\)\s?(?=[A-Z])"  # Moscow (CNN)
)


SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*$")


# A subhead: a paragraph of one short line with no sentence's end (or a question: "What
# led to the talks?"), between paragraphs of prose (``_subheads``, ``is_subhead``). A
# figure the outlet states ("Nearly 70 killed in Nepal") is its claim, compared as a
# sentence's; a line with an aside or a credit ("Crews left at dawn - AP") is no plain
# phrase.
SUBHEAD_WORDS = 8
STORY_WORDS = 15  # a paragraph of the story itself, not a page's prompt ("Leave a comment.")
INTERVIEW = re.compile(r"(?i:q)\s*[:.]")
ADDRESSED = frozenset({"you", "your", "you?", "your?"})
LIST_ITEM = re.compile(r"\s*(?:\d{1,2}[.)]|[-–—•·*])\s")
# A quotation mark: double or angled, or single but not inside a word ("Turkey's")
QUOTATION_MARK = re.compile(r"[\"“”«»„]|(?<!\w)['‘’]|['‘’](?!\w)")
ASIDE = re.compile(r"[()\[\]]|\s[-–—]\s")


def _subheads(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """Subheads: short one-line paragraphs (``is_subhead``) once the story has begun (a
    paragraph of ``STORY_WORDS`` words or more has ended a sentence), right after a
    paragraph that ends a sentence and before one of prose, or a Markdown heading below
    the title (``_is_md_subhead``); not a speaker's line. A lead-in ("His answer:",
    "... the mayor replied") introduces the line after it, and a run of short lines is a
    list: their lines stay; so do the page's top and end."""
    live = [lines for p in paragraphs if (lines := list(_live_lines(raw, p, drops)))]
    text = [" ".join(v.text.strip() for _, v in lines) for lines in live]
    prose = [any(_ends_sentence(v.text) for _, v in lines) for lines in live]
    out: list[Dropped] = []
    heads: list[View] = []
    begun = False
    for k, lines in enumerate(live):  # (paragraphs that earlier rules emptied left out)
        after_sentence = k > 0 and prose[k - 1] and _ends_sentence(text[k - 1])
        line = lines[0][0]
        spoken = SPEAKER.match(raw, line.start, line.end) is not None  # "INSKEEP: So?"
        if (
            begun
            and not spoken
            and len(lines) == 1
            and (
                (after_sentence and any(prose[k + 1 : k + 2]) and is_subhead(text[k]))
                or _is_md_subhead(text[k])
            )
        ):
            out += _drop_view(lines[0][1], "subhead", raw)
            continue
        if begun and not spoken and after_sentence and _heading_over(lines):
            heads.append(lines[0][1])
        begun = begun or (prose[k] and len(text[k].split()) >= STORY_WORDS)
    # a page's sections, each heading over its prose: in capitals, or two or more alike
    capitals = [v for v in heads if v.text.isupper()]
    for view in heads if len(heads) >= HEADINGS else capitals:
        out += _drop_view(view, "subhead", raw)
    return out


HEADINGS = 2  # headings over their paragraphs' prose in a page, at least (but capitals)


def _heading_over(lines: Sequence[tuple[Line, View]]) -> bool:
    """A subhead on the line right over its paragraph's one line of prose ("SITUATION
    OVERVIEW" over "The humanitarian community welcomes ..."), which it had run into: not
    a sentence wrapped after a short line (it runs on in lower case, after a joining word
    or a comma), nor a speaker's name or lead-in over what they say ("Jane Doe" / "I
    have lived here ...", "The statement read" / "We ..."). ``_subheads`` takes them only
    in capitals, or where a page has two or more."""
    if len(lines) != 2:
        return False
    head, body = lines[0][1].text.strip(), lines[1][1].text.strip()
    words = head.split()
    return (
        is_subhead(head)
        and "," not in head
        and words[-1].lower() not in JOINING
        and words[-1].lower() not in SAY_WORDS
        and body[:1].isupper()
        and body.split()[0] not in SPEAKING_STARTS
        and _ends_sentence(body)
        and len(body.split()) >= STORY_WORDS
    )


SAY_WORDS = frozenset({"said", "says", "read", "reads", "replied", "added", "wrote", "simple"})
SPEAKING_STARTS = frozenset({"I", "I'm", "I’m", "We", "We're", "We’re", "My", "Our"})


MD_SUBHEAD = re.compile(r"#{2,6}\s+\S[^\n]*")  # "## What the protocol says"


def _is_md_subhead(text: str) -> bool:
    """A Markdown heading below the title ("## ...") that reads as a subhead
    (``is_subhead``), in quotation marks or not: "## 'Regime is responsible'"."""
    if MD_SUBHEAD.fullmatch(text) is None:
        return False
    return is_subhead(text.lstrip("#").strip().strip("'\"“”‘’"))


def is_subhead(text: str) -> bool:
    """A short plain phrase (``SUBHEAD_WORDS`` words at most) that ends no sentence, or
    asks the reader a question ("What led to the talks?"): not a list's item, a
    quotation or a line quoting anyone, a figure ("Nearly 70 killed", "Dozens
    evacuated"), a line with an aside or credit, or an interview's question ("Q: ...",
    "Do you regret it?")."""
    words = text.split()
    question = text.endswith("?")
    return (
        0 < len(words) <= SUBHEAD_WORDS
        and not TERMINAL_END.search(text[:-1] if question else text)
        and not QUOTATION_MARK.search(text)
        and not LIST_ITEM.match(text)
        and not ASIDE.search(text)
        and not any(t.is_number or t.norm in VAGUE_WORDS for t in tokens(text))
        and not (question and (INTERVIEW.match(text) or ADDRESSED & {w.lower() for w in words}))
    )


def _datelines(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """ "PLACE — " opening a paragraph, and "PLACE" alone on a line above the story's
    first sentence, as agencies' pages set it: only a headline, standfirst or byline
    (no sentence end) comes before it. Capitals alone once a sentence has ended are a
    heading: kept."""
    out: list[Dropped] = []
    begun = False  # a line that ends as a sentence does has been read
    for paragraph in paragraphs:
        lines = _live_lines(raw, paragraph, drops)
        live = [view for _, view in islice(lines, 1 if begun else None)]  # all, until begun
        if not live:
            continue
        view = live[0]
        lead = len(view.text) - len(view.text.lstrip())
        m = DATELINE.match(view.text, lead)
        alone = m is not None and m.end() == len(view.text)
        if m and not (alone and begun):
            end = lead + len(m.group().rstrip()) if alone else m.end()
            out.append(_drop(raw, *view.span(m.start(), end), "dateline"))
        begun = begun or any(_ends_sentence(v.text) for v in live)
    return out


# A live blog's entry time with its zone, opening a paragraph ("17:45 GMT: Deal
# announced"): when it was posted, not when anything happened. A time without a zone
# ("00:01 - the ceasefire takes effect") may be the event's, and is kept.
# A transcript's speaker opening a line, in capitals: "STEVE INSKEEP, HOST:", "KENYON:",
# "PRESIDENT RECEP TAYYIP ERDOGAN:"; and its cues: "(SOUNDBITE OF ARCHIVED RECORDING)",
# "(LAUGHTER)", "(Speaking Turkish)."
# A recording's time before a speaker or a cue: "[00:03:12]", "(12:04)"
STAMP = r"[\[(]\d{1,2}:\d{2}(?::\d{2})?[\])][ \t]*"
SPEAKER = re.compile(
    rf"[ \t]*(?P<stamp>{STAMP})?(?P<name>(?:[A-Z][A-Z.'’-]*[ \t]+){{0,3}}[A-Z][A-Z'’-]{{2,}}"
    r"(?:,[ \t]*[A-Z][A-Z'’-]+(?:[ \t]+[A-Z][A-Z'’-]+){0,2})?):(?:[ \t]+|$)"
)
CUE = re.compile(
    rf"[ \t]*(?:{STAMP})?(?:\((?:SOUNDBITE|BEGIN|END|LAUGHTER|APPLAUSE|CROSSTALK|MUSIC|INAUDIBLE"
    r"|UNINTELLIGIBLE|Speaking)\b[^()\n]{0,100}\)\.?|\[[A-Z][A-Z -]{1,30}\])[ \t]*"
)
TURNS = 3  # speakers' lines in a transcript, at least (a line "US: 3.2%" is no speaker's)


def _transcript(raw: str, lines: Sequence[Line], drops: Drops) -> list[Dropped]:
    """A transcript's speakers opening its lines (``SPEAKER``), where ``TURNS`` lines or
    more open so and they are a broadcast's: a speaker named with a role ("STEVE
    INSKEEP, HOST:"), one named again by the surname alone ("INSKEEP:"), or a cue
    (``CUE``: "(SOUNDBITE OF ...)"); and its cues alone on a line or after a speaker:
    who speaks and what is heard, not what is said. Labels of a story's lines
    ("MONDAY:", "NATO:", "LABOUR HOLD:", "GOAL:") are its subjects."""
    live = list(_live_lines(raw, lines, drops))
    heads = [(view, SPEAKER.match(view.text)) for _, view in live]
    labels = [m["name"] for _, m in heads if m]
    if len(labels) < TURNS:
        return []
    if not (_broadcast(labels, [v.text for v, _ in heads]) or _recording(heads)):
        return []
    out: list[Dropped] = []
    for view, m in heads:
        start = 0
        if m:
            out.append(_drop(raw, *view.span(0, len(m.group().rstrip())), "byline"))
            start = m.end()
        cue = CUE.fullmatch(view.text, start)
        if cue and start < len(view.text):
            out.extend(_drop_view(view, "boilerplate", raw, start))
    return out


def _recording(heads: Sequence[tuple[View, re.Match[str] | None]]) -> bool:
    """A recording's turns: timed lines ("[00:01:34] DENIZ ARSLAN:") where two speakers
    named in full speak twice or more each (a live blog's "[09:40] TURKEY:", "(12:31)
    UPDATE:" are its subjects)."""
    timed = Counter(m["name"] for _, m in heads if m and m["stamp"] and " " in m["name"].strip())
    return sum(1 for turns in timed.values() if turns >= 2) >= 2


def _broadcast(labels: Sequence[str], texts: Sequence[str]) -> bool:
    """Are a text's line labels a broadcast's speakers: one named with a role ("STEVE
    INSKEEP, HOST"), one named again by the surname alone, or a cue on a line?"""
    names = [label.split(",")[0].split() for label in labels]
    surnames = {name[-1] for name in names if len(name) > 1}
    return (
        any("," in label for label in labels)
        or any(len(name) == 1 and name[0] in surnames for name in names)
        or any(CUE.fullmatch(text) for text in texts)
    )


LIVE_STAMP = re.compile(
    rf"\s*\d{{1,2}}[:.]\d{{2}}\s*(?:(?:GMT|UTC)(?:\s?[+−-]\d{{1,2}}(?::?\d{{2}})?)?|(?i:{ZONES}))"
    r"\s*[:–—-]\s+(?=\S)"
)
# A live page's stamp: "5h ago", "35 min ago", "2 days ago" ("30 years ago" may head prose)
AGE_LINE = re.compile(
    r"\s*\d{1,2}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)\s+ago\s*",
    re.IGNORECASE,
)


# A page's date run into the story's first word by a scraper that lost the line break
# between them: "August 3, 2014Chinese officials announced ...". No sentence writes a
# year against a capital; the date is the page's, not its first sentence's.
FUSED_DATE = re.compile(
    rf"\s*(?:(?i:{MONTH})\s\d{{1,2}},?\s|\d{{1,2}}\s(?i:{MONTH}),?\s)\d{{4}}(?=[A-Z][a-z])"
)


def _live_stamps(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """Live-blog entry times (``LIVE_STAMP``) opening a paragraph, and ages alone on a
    line ("5h ago"; a reader's comment under its name and age has gone by now); and a
    page's date run into the story (``FUSED_DATE``) opening a paragraph above the story's
    first of ``STORY_WORDS`` words or more (a standfirst may come first); below, a date
    run into a timeline's entry is the entry's ("July 21, 2012Floods killed 79")."""
    out: list[Dropped] = []
    begun = False  # a paragraph of the story has been read (not a standfirst)
    alone: list[tuple[View, int]] = []  # times alone over an entry's heading, in minutes
    for paragraph in paragraphs:
        lines = list(_live_lines(raw, paragraph, drops))
        out += [
            _drop(raw, *v.span(0, len(v.text)), "date line")
            for _, v in lines
            if AGE_LINE.fullmatch(v.text)
        ]
        if not lines:
            continue
        view = lines[0][1]
        m = LIVE_STAMP.match(view.text) or (None if begun else FUSED_DATE.match(view.text))
        if m:
            out.append(_drop(raw, *view.span(0, m.end()), "date line"))
        elif len(lines) > 1 and (time := TIME_ALONE.fullmatch(view.text)):
            alone.append((view, _minutes(time)))
        text = " ".join(v.text for _, v in lines)
        begun = begun or (_ends_sentence(text) and len(text.split()) >= STORY_WORDS)
    # each entry earlier than the one above it, by less than half a day (a timeline that
    # runs forward past midnight, "11:40 pm" then "12:15 am", is no live page's)
    pairs = pairwise(minutes for _, minutes in alone)
    back = all(0 < (a - b) % DAY_MINUTES < DAY_MINUTES // 2 for a, b in pairs)
    if len(alone) >= LIVE_ENTRIES and back:
        out += [_drop(raw, *v.span(0, len(v.text)), "date line") for v, _ in alone]
    return out


# A time alone on the line over an entry's heading ("11:55 pm" over "Ceasefire to take
# effect at 12:01 a.m."): a live page's, newest first, when ``LIVE_ENTRIES`` or more
# entries have one (a timeline's times run forward: its events')
TIME_ALONE = re.compile(  # a clock's time; with a dot only before "am" or "pm" (not "8.95")
    rf"\s*([01]?\d|2[0-3]):([0-5]\d)\s*(?i:([ap])\.?m\.?)?\s*(?:(?:GMT|UTC)|(?i:{ZONES}))?\s*"
    r"|\s*(1[0-2]|0?[1-9])\.([0-5]\d)\s*(?i:([ap])\.?m\.?)\s*"
)
LIVE_ENTRIES = 2


DAY_MINUTES = 24 * 60


def _minutes(m: re.Match[str]) -> int:
    """Minutes after midnight of a time alone (``TIME_ALONE``: "11:55 pm" is 1435)."""
    hour, minute, half = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
    if half:
        return (int(hour) % 12 + (12 if half.lower() == "p" else 0)) * 60 + int(minute)
    return int(hour) * 60 + int(minute)


# A podcast's chapters: "00:00 Intro", "02:45 What was agreed", ... from the start, in
# order, none a sentence (a list's mark before each may stay)
CHAPTER = re.compile(r"\s*(?:[-•*]\s+)?(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)\s+[^\W\d_][^.!?\n]{0,80}")
CHAPTERS = 3  # chapters in a row, at least


def _chapters(raw: str, lines: Iterable[Line], drops: Drops) -> list[Dropped]:
    """A podcast's or a video's chapters (``CHAPTER``), ``CHAPTERS`` or more lines in a
    row, the first at 00:00, each later than the one before: its contents, not the
    story's times nor its sentences."""
    out: list[Dropped] = []
    run: list[tuple[View, re.Match[str]]] = []

    labelled = False  # a "Chapters" or "Show notes" line right above the run

    def flush() -> None:
        first = run[0][0].text[run[0][1].end(3) :].strip().lower() if run else ""
        opens = labelled or first in CHAPTER_OPENINGS  # "00:00 Intro"
        if len(run) >= CHAPTERS and _stamp(run[0][1]) == 0 and opens:
            out.extend(_drop(raw, *v.span(0, len(v.text)), "boilerplate") for v, _ in run)
        run.clear()

    previous = ""
    for _, view in _live_lines(raw, lines, drops):
        m = CHAPTER.fullmatch(view.text)
        if m is None or (run and _stamp(m) <= _stamp(run[-1][1])):
            flush()
        if m is not None:
            labelled = labelled if run else CHAPTER_LABEL.fullmatch(previous) is not None
            run.append((view, m))
        previous = view.text
    flush()
    return out


CHAPTER_OPENINGS = frozenset({"intro", "introduction", "start", "opening", "welcome", "cold open"})
CHAPTER_LABEL = re.compile(r"\W*(?i:chapters|timestamps|show\s+notes|in\s+this\s+episode)\W*")


# A video transcript's or a caption track's time opening a line: "00:15 The truce begins"
TRACK_STAMP = re.compile(r"\s*(?:(\d{1,2}):)?(\d{1,2}):([0-5]\d)\s+(?![ap]\.?m\b|[AP]\.?M\b)(?=\S)")
TRACK_LINES = 3  # stamped lines in a row, at least
TRACK_STEP = 120  # units (seconds of m:ss) between two lines' stamps, at most
TRACK_START = 600  # a track starts within its first ten minutes (a timeline's "21:38" no)


def _track_stamps(raw: str, paragraphs: Sequence[list[Line]], drops: Drops) -> list[Dropped]:
    """The times opening ``TRACK_LINES`` or more lines in a row, each later than the one
    before by at most ``TRACK_STEP``, the first within ``TRACK_START``, one line at least
    unfinished (a transcript's "00:03 Leaders have agreed a truce / 00:07 after six hours
    of talks."): where in a video each line is said, not a time of the story. A lone
    "00:01 - The ceasefire takes effect." or a timeline ("21:38 ... 21:52 ...") stays."""
    out: list[Dropped] = []
    run: list[tuple[View, re.Match[str]]] = []

    def flush() -> None:
        # a track's lines are the cues of what is said: one at least runs on unfinished
        unfinished = any(not _ends_sentence(v.text) for v, _ in run)
        if len(run) >= TRACK_LINES and _stamp(run[0][1]) < TRACK_START and unfinished:
            out.extend(_drop(raw, *v.span(0, m.end()), "date line") for v, m in run)
        run.clear()

    lines = (line for paragraph in paragraphs for line in paragraph)
    for _, view in _live_lines(raw, lines, drops):
        m = TRACK_STAMP.match(view.text)
        if m is None or (run and not 0 < _stamp(m) - _stamp(run[-1][1]) <= TRACK_STEP):
            flush()  # the run ends here (a stamp out of step starts the next)
        if m is not None:
            run.append((view, m))
    flush()
    return out


def _stamp(m: re.Match[str]) -> int:
    hours, minutes, seconds = m.group(1), m.group(2), m.group(3)
    return (int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)


FUSION = re.compile(r"(?<=[a-z])(?=[A-Z])")
MORE = re.compile(r"MORE\b(?<=\sMORE)")  # literal first: found fast
HOVER_WINDOW = 600  # longest hover-card run looked for


def _hover_cards(raw: str) -> list[Dropped]:
    """Related-links widget text fused into a name: from the fusion to "MORE".

    "Jane DoeJane Marie DoeDoe says ... MORE said" keeps "Jane Doe said". The
    run must start at a lowercase→Uppercase fusion whose word reappears early
    in the run (the card repeats the name), stay on one line and end at MORE.
    Linear: each fusion and each MORE is looked at once.
    """
    ends = [m.end() for m in MORE.finditer(raw)]
    if not ends:
        return []
    fusions = [m.start() for m in FUSION.finditer(raw) if _repeats_name(raw, m.start())]
    breaks = [m.start() for m in re.finditer(r"[\r\n]", raw)]
    out: list[Dropped] = []
    taken = 0
    for end in ends:
        b = bisect_right(breaks, end) - 1
        line_start = breaks[b] + 1 if b >= 0 else 0
        first = max(taken, end - HOVER_WINDOW, line_start)
        k = bisect_right(fusions, first - 1)
        if k < len(fusions) and fusions[k] < end - len("MORE"):
            out.append(_drop(raw, fusions[k], end, "hover card"))
            taken = end
    return out


def _repeats_name(raw: str, fusion: int) -> bool:
    """Whether the word fused at ``fusion`` ("Putin" in "PutinVladimir") comes again soon."""
    word = re.search(r"[A-Za-z]{2,}$", raw[max(0, fusion - 40) : fusion])
    return word is not None and word.group() in raw[fusion : fusion + 120]


MAX_MARKUP_LINE = 3000  # a line of links may be this long; its words, ``MAX_RULE_LINE``
IMAGE = r"!\[[^\[\]\n]{0,300}\]\([^()\s]{0,500}\)"  # "![alt](photo.jpg)"
LINKED_IMAGE = re.compile(rf"\[{IMAGE}\]\([^()\s]{{0,500}}\)")  # a logo inside its link
IMAGE_LINE = re.compile(rf"\s*(?:{LINKED_IMAGE.pattern}|{IMAGE})\s*")  # alone on its line
MD_LINK = re.compile(r"\[([^\[\]\n]{1,300})\](\((?:[^()\s]{0,500})(?:\s+\"[^\"\n]{0,200}\")?\))")
MD_EMPHASIS = re.compile(
    r"(\*\*)(?=\S)[^*\n]{1,500}?(?<=\S)\*\*|(__)(?=\S)[^_\n]{1,500}?(?<=\S)__"
    r"|(\*)(?<![\w*]\*)(?=[^\s*])[^*\n]{1,500}?(?<=[^\s*])\*(?![\w*])"
    r"|(_)(?<![\w_]_)(?=[^\s_])[^_\n]{1,500}?(?<=[^\s_])_(?![\w_])"
)
# Each match of these two lies within one line: they are tried at line starts only.
MD_LINE_MARK = re.compile(r"^[ \t]{0,3}(?:#{1,6}[ \t]+|>[ \t]?|[-*+][ \t]+(?=\S))", re.MULTILINE)
MD_RULE = re.compile(
    r"^[ \t]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", re.MULTILINE
)


def _markdown(raw: str) -> list[Dropped]:
    """Markdown syntax; the words it wraps are kept (an image is dropped whole)."""
    out = [_drop(raw, m.start(), m.end(), "markdown") for m in LINKED_IMAGE.finditer(raw)]
    for m in MD_LINK.finditer(raw):
        if raw[m.start() - 1 : m.start()] == "!":
            out.append(_drop(raw, m.start() - 1, m.end(), "markdown"))
            continue
        out.append(_drop(raw, m.start(), m.start() + 1, "markdown"))
        out.append(_drop(raw, m.start(2) - 1, m.end(), "markdown"))
    for m in MD_EMPHASIS.finditer(raw) if "*" in raw or "_" in raw else ():
        size = len(next(g for g in m.groups() if g))
        out.append(_drop(raw, m.start(), m.start() + size, "markdown"))
        out.append(_drop(raw, m.end() - size, m.end(), "markdown"))
    starts = [0, *(m.end() for m in NEWLINE.finditer(raw))]
    for rule in (MD_LINE_MARK, MD_RULE):
        found = (rule.match(raw, start) for start in starts)
        out += [_drop(raw, m.start(), m.end(), "markdown") for m in found if m]
    return out


ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BROKEN_ENTITY = re.compile(r",(?:quot|amp|apos|lt|gt|nbsp|#\d{2,5});")


def _entities(raw: str) -> list[Dropped]:
    """HTML entities, real or with the & mangled into a comma, decoded into a replacement."""
    out: list[Dropped] = []
    for m in ENTITY.finditer(raw):
        out += _entity(raw, m.start(), m.end(), m.group())
    for m in BROKEN_ENTITY.finditer(raw):
        out += _entity(raw, m.start(), m.end(), "&" + m.group()[1:])
    return out


def _entity(raw: str, start: int, end: int, entity: str) -> list[Dropped]:
    decoded = html.unescape(entity)
    if decoded == entity:
        return []
    if not decoded or CONTROL.fullmatch(decoded):
        return [_drop(raw, start, end, "control characters")]
    return [_drop(raw, start, end, "entity", re.sub(r"\s", " ", decoded))]


# A reference's mark in brackets: "[11]" or "[citation needed]" run onto the word or
# stop before, "[a]" only after a stop or a closing mark and before no letter (not "[t]he
# ferry", "attacker[s]"); not a Markdown link's text ("[1](https://...)").
BRACKET_MARK = re.compile(
    r"(?:(?<=[\w.,;:!?”’)\]])\[(?:[1-9]\d{0,2}|citation needed|edit|note \d{1,3}|\^[\w-]{1,20})\]"
    r"|(?<=[.,;:!?”’)\]])\[[a-z]\](?![A-Za-z]))(?!\()"
)
# A Markdown footnote's mark opening its own line, below the story: "[^2]: Ministry
# statement of 28 May." (the note's words stay: a note may correct the story)
MD_NOTE = re.compile(r"^[ \t]*\[\^[\w-]{1,20}\]:[ \t]*", re.MULTILINE)
# A note's digits run onto a sentence's end before the next sentence ("soldiers.12 Of
# these", "Idlib.1 The"), after a word of three letters or more that is no abbreviation
# ("no.1", "fig.2", "art.5" stay).
NOTE_DIGITS = re.compile(r"(?<=[a-z]{3}\.)\d{1,3}(?=[ \t]+[\"“‘A-Z]|[ \t]*$)", re.MULTILINE)
ABBREVIATED = frozenset({"fig", "art", "sec", "vol", "gen", "approx", "para", "ref", "tab", "chap"})


def _footnote_marks(raw: str) -> list[Dropped]:
    """References' marks in the text: in brackets (``BRACKET_MARK``), and notes' digits
    (``NOTE_DIGITS``) where the text numbers its notes so, two or more rising in reading
    order ("... in Idlib.34 Turkish soldiers were killed", alone, is a count run on)."""
    out = [_drop(raw, m.start(), m.end(), "footnote mark") for m in BRACKET_MARK.finditer(raw)]
    out += [_drop(raw, m.start(), m.end(), "footnote mark") for m in MD_NOTE.finditer(raw)]
    notes, last = [], 0
    for m in NOTE_DIGITS.finditer(raw):
        word = raw[max(0, m.start() - 8) : m.start() - 1].rsplit(None, 1)[-1:]
        if int(m.group()) > last and not (word and word[0].lower() in ABBREVIATED):
            notes.append(m)
            last = int(m.group())
    if len(notes) >= 2:
        out += [_drop(raw, m.start(), m.end(), "footnote mark") for m in notes]
    return out


STRAY_STOPS = re.compile(r"(?<=[^\s.!?])([ \t]*)[.!?…]((?:[ \t]+\.)+)(?![\w.])")


def _stray_stops(raw: str) -> list[Dropped]:
    """Full stops repeated after a sentence's end: "Monday. . Then" keeps "Monday. Then".

    A space before the first mark goes too ("lost . ." -> "lost."). A spaced ellipsis
    is punctuation, not debris: three stops after a space ("paused . . . then") or
    four after a word ("ended. . . . Then").
    """
    out: list[Dropped] = []
    for m in STRAY_STOPS.finditer(raw) if " ." in raw or "\t." in raw else ():
        stops = m.group(2).count(".") + (raw[m.end(1)] == ".")
        if stops >= 4 or (stops == 3 and m.group(1)):
            continue
        if m.group(1):
            out.append(_drop(raw, m.start(1), m.end(1), "stray punctuation"))
        out.append(_drop(raw, m.start(2), m.end(2), "stray punctuation"))
    return out


# A word broken at a line's end by a hyphen ("joint pa-" over "trols along the road"):
# the break, then the halves around it.
LINE_END_HYPHEN = re.compile(r"-[ \t]*\r?\n[ \t]*")
LEFT_HALF = re.compile(r"[^\W\d_]+$")
RIGHT_HALF = re.compile(r"[^\W\d_]+")
WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
# Endings that are no words of their own ("seek-" over "ing"), and first halves that
# make compounds ("well-" over "known", "self-" over "defence")
SUFFIXES = frozenset(
    {"ing", "ings", "ed", "ly", "tion", "tions", "sion", "sions", "ment", "ments", "ness"}
    | {"ity", "ities", "ies", "ties", "ish", "ous", "able", "ible", "ence", "ance", "ers"}
    | {"est", "ful", "less", "al", "ally", "ive", "ure"}
)
CALENDAR_NAMES = MONTHS.keys() | WEEKDAYS.keys()
COMPOUND_FIRST = frozenset(  # (not "pro", "pre", "ex": "pro-" over "tection" is a word)
    {"well", "self", "long", "short", "high", "low", "half", "all", "so", "first", "never"}
    | {"non", "anti", "cross", "far", "full", "hard", "near", "over", "under", "wide"}
    | {"front", "ill", "cease", "two"}
)


def _hyphenation(raw: str, drops: Drops) -> list[Dropped]:
    """A word broken over two lines of a paragraph by a hyphen is whole again
    (``_broken_word``); a compound keeps its hyphen and only the break goes, as does
    each part of a chain ("four-year-" over "old"). Lines that other rules dropped,
    and addresses ("https://x.org/syria-"), are left alone."""
    out: list[Dropped] = []
    counts: Counter[str] | None = None
    for m in LINE_END_HYPHEN.finditer(raw):
        left = LEFT_HALF.search(raw, max(0, m.start() - 40), m.start())
        right = RIGHT_HALF.match(raw, m.end())
        if left is None or right is None or raw[left.start() - 1 : left.start()] in ("/", ".", "@"):
            continue
        n = drops.first_after(left.start())
        if n < len(drops.items) and drops.items[n].start < right.end():
            continue
        if counts is None:
            counts = Counter(WORDS.findall(raw.lower()))
        before = raw[max(0, left.start() - 8) : left.start()].rstrip()
        chained = before.endswith("-")  # "four-year-" over "old", "four-" over "year-"
        calendar = _calendar_name(left[0] + right[0])  # "mid-Febru-" over "ary" too
        joined = True if calendar else False if chained else _broken_word(left[0], right[0], counts)
        if joined is not None:
            out.append(_drop(raw, m.start() + int(not joined), m.end(), "hyphenation"))
    return out


def _calendar_name(word: str) -> bool:
    """A month's or a weekday's name, though capitalised: "Febru-" over "ary", "Wednes-"
    over "day", "Sun-" over "days" are one word ("Kestrel-" over "backed" is not)."""
    low = word.lower()
    return len(low) > 4 and (low in CALENDAR_NAMES or low.removesuffix("s") in WEEKDAYS)


def _broken_word(left: str, right: str, counts: Counter[str]) -> bool | None:
    """Is the word split at a line's end one word (True), a compound that keeps its
    hyphen (False), or neither (None: "Turkish-" over "Syrian" keeps its space)?

    One word where the text writes it so elsewhere ("Turk-" over "ish"), or where the
    second half is an ending ("seek-" over "ing"), or where neither half is a word of the
    text ("pa-" over "trols"); a compound where the text writes it so elsewhere, or its
    first half makes compounds ("well-" over "known"), or either half is a word of the
    text ("to-" over "gether": the compound's words compare as one word), or it opens
    with a capital or a number ("Russian-" over "backed", "nine-" over "year"). Before a
    capital, a particle keeps its hyphen ("al-" over "Numan")."""
    low_left, low_right = left.lower(), right.lower()
    if right[0].isupper():
        return False if len(left) <= 3 and left.islower() else None
    if counts[low_left + low_right]:
        return True
    if counts[f"{low_left}-{low_right}"] or low_left in COMPOUND_FIRST:
        return False
    if low_right in SUFFIXES:
        return True
    elsewhere = counts[low_left] > 1 or counts[low_right] > 1
    return not (elsewhere or left[0].isupper() or low_left in NUMBER_WORDS)


# --- 6. building the cleaned text --------------------------------------------------


def _kept(raw: str, drops: Drops) -> tuple[str, Origins]:
    """The kept raw text with the replacements put in, and the origin of each character."""
    parts: list[str] = []
    runs: list[Run] = []  # two a drop: drops are few beside the characters
    pos = 0
    for drop in drops.items:
        parts += [raw[pos : drop.start], drop.replacement]
        runs += [(pos, drop.start - pos, 1), (drop.start, len(drop.replacement), 0)]
        pos = drop.end
    parts.append(raw[pos:])
    runs.append((pos, len(raw) - pos, 1))
    return "".join(parts), Origins(runs)


# Any whitespace but a lone space (``\s{2,}|[^\S ]``), written to start with
# one character class, which ``finditer`` scans several times faster.
ODD_WHITESPACE = re.compile(r"\s(?:\s+|(?<! ))")
LINE_BREAK = re.compile(r"\r\n?|\n")


def _assemble(raw: str, drops: Drops, breaks: frozenset[int] = frozenset()) -> tuple[str, Origins]:
    """Cleaned text and origins: whitespace runs become one space, blank lines and the
    single line breaks at ``breaks`` (raw offsets) "\\n\\n"."""
    kept, origin = _kept(raw, drops)
    start, end = _strip_span(kept)
    chars: list[str] = []

    def runs() -> Iterator[Run]:  # (and the text's pieces into ``chars``, as it goes)
        pos = start
        for m in ODD_WHITESPACE.finditer(kept, start, end):
            chars.append(kept[pos : m.start()])
            yield from origin.runs(pos, m.start())
            sep, where = _separator(m)
            if sep == "\n\n" and _broken_by_drop(raw, kept, origin, m):
                sep, where = " ", (m.start(),)
            if sep == " " and breaks:
                parting = [i for i in range(m.start(), m.end()) if origin[i] in breaks]
                sep, where = ("\n\n", (parting[0], parting[0])) if parting else (sep, where)
            chars.append(sep)
            yield from ((origin[w], 1, 1) for w in where)
            pos = m.end()
        chars.append(kept[pos:end])
        yield from origin.runs(pos, end)

    origins = Origins(runs())
    return "".join(chars), origins


NAME_PARTICLES = frozenset({"al", "de", "di", "da", "del", "der", "du", "la", "le", "van", "von"})


def _broken_by_drop(raw: str, kept: str, origin: Origins, gap: re.Match[str]) -> bool:
    """A sentence that a dropped line broke in two runs on over the blank lines left:
    "... met for six hours in the Kremlin" / Advertisement / "before announcing ...".
    A line of words was dropped inside the gap (not a list's marker), the text before it
    is more than a subhead's words and ends no sentence, and the text after it goes on
    with a word in lower case (not a name's: "al-Qaeda", "de Mistura", "eBay")."""
    a, b = gap.start(), gap.end()
    if origin[b] - origin[a] <= b - a or SENTENCE_END.search(kept, max(0, a - 4), a):
        return False
    word = kept[b : b + 30].split(maxsplit=1)[0] if kept[b:] else ""
    if not (word.isalpha() and word.islower()) or word in NAME_PARTICLES:
        return False
    before = kept[kept.rfind("\n", 0, a) + 1 : a].split()
    return (
        len(before) > SUBHEAD_WORDS
        and re.search(r"[A-Za-z]{3}", raw[origin[a] : origin[b]]) is not None
    )


def _strip_span(text: str) -> Span:
    """Bounds of ``text`` without leading and trailing whitespace."""
    body = text.strip()
    if not body:
        return 0, 0
    start = len(text) - len(text.lstrip())
    return start, start + len(body)


def _separator(run: re.Match[str]) -> tuple[str, tuple[int, ...]]:
    """What a whitespace run between two visible characters becomes, and where it comes from.

    Two or more line breaks (a blank line) make a paragraph break "\\n\\n" whose
    characters come from the first two breaks; anything else is one space.
    """
    breaks = [run.start() + b.end() - 1 for b in islice(LINE_BREAK.finditer(run.group()), 2)]
    if len(breaks) == 2:
        return "\n\n", tuple(breaks)
    return " ", (run.start(),)


# --- the stage ---------------------------------------------------------------------


def clean(raw: str, step: Callable[[float], None] = lambda fraction: None) -> Cleaned:
    """Drop debris from ``raw``; keep paragraphs; map every kept character to its raw offset.

    ``step`` hears the fraction done between passes (a 3 MB article takes seconds),
    and may raise to stop the work.
    """
    lines = _lines(raw)
    paragraphs = _paragraphs(raw, lines)
    drops = _merge(Drops(), _control(raw) + _templates(raw))
    step(0.1)
    drops = _merge(drops, _line_debris(raw, lines, drops))
    drops = _merge(drops, _navigation(raw, paragraphs, drops))
    drops = _merge(drops, _site_labels(raw, paragraphs, drops))
    step(0.2)
    drops = _merge(drops, _embeds(raw, paragraphs, drops))
    drops = _merge(drops, _teasers(raw, lines, drops))
    drops = _merge(drops, _dated_links(raw, lines, drops))
    drops = _merge(drops, _labelled_lines(raw, paragraphs, drops))
    drops = _merge(drops, _fused_date(raw, lines, drops))
    drops = _merge(drops, _fused_labels(raw, lines, drops))
    drops = _merge(drops, _email_headers(raw, lines, drops))
    drops = _merge(drops, _polls(raw, paragraphs, drops))
    drops = _merge(drops, _comments(raw, paragraphs, drops))
    breaks = _single_breaks(raw, paragraphs)
    headline, found = _headline(raw, lines, drops, breaks)
    drops = _merge(drops, found)
    step(0.3)
    drops = _merge(drops, _captions_above_credits(raw, paragraphs, drops))
    drops = _merge(drops, _image_captions(raw, lines, drops))
    drops = _merge(drops, _gallery_captions(raw, paragraphs, drops))
    drops = _merge(drops, _names_by_dates(raw, paragraphs, drops))
    drops = _merge(drops, _duplicates(raw, lines, drops))
    step(0.4)
    drops = _merge(drops, _captions(raw, paragraphs, drops))
    drops = _merge(drops, _sign_offs(raw, paragraphs, drops))
    drops = _merge(drops, _datelines(raw, paragraphs, drops))
    drops = _merge(drops, _transcript(raw, lines, drops))
    drops = _merge(drops, _subheads(raw, paragraphs, drops))
    drops = _merge(drops, _live_stamps(raw, paragraphs, drops))
    drops = _merge(drops, _track_stamps(raw, paragraphs, drops))
    drops = _merge(drops, _chapters(raw, (line for p in paragraphs for line in p), drops))
    drops = _merge(drops, _hover_cards(raw))
    step(0.5)
    drops = _merge(drops, _tables(raw, paragraphs))
    drops = _merge(drops, _markdown(raw))
    drops = _merge(drops, _entities(raw))
    drops = _merge(drops, _footnote_marks(raw))
    step(0.6)
    drops = _merge(drops, _stray_stops(raw))
    drops = _merge(drops, _hyphenation(raw, drops))
    step(0.7)
    text, origin = _assemble(raw, drops, breaks)
    return Cleaned(text=text, origin=origin, dropped=drops.items, headline=headline)
