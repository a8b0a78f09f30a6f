"""Segment: split cleaned text into sentences with exact offsets into the raw text.

A sentence ends at ``.``, ``!``, ``?`` or ``…`` (with any closing quotes or
brackets after it) followed by whitespace and the start of a new sentence,
or at the end of its paragraph. It does not end:

* after an abbreviation: titles and months ("Mr.", "Gen.", "St.", "Feb. 3"),
  single initials ("J. R. Smith"), and dotted acronyms ("U.S.") unless a
  typical sentence opener follows ("... the U.S. The talks");
* inside a number or time ("3.6 million", "00.01"): no space follows;
* before a lowercase word: a stray period left by machine translation
  ("Nine years of Syria. civil war") does not split;
* before more punctuation: a lone " ." or ". ." stays with its sentence;
* inside a quotation: "“We have deployed ... Idlib. The cease-fire will
  begin tonight.”" is one unit. Quotes are paired left to right (straight,
  curly, doubled ‘‘ ’’ and guillemets); a quote left open for more than
  ``QUOTE_CAP`` characters is treated as stray, so an unbalanced quote
  cannot swallow the article.

It does end where a period is fused to the next sentence ("on
Thursday.Officials said"). A quotation followed by a short attribution
("“...” Erdogan said.") is merged with it; a unit without any letter or digit
(a stray " ." or "—" paragraph) joins the sentence before it or is dropped.
Paragraphs are the blank-line separated blocks of the cleaned text.
Everything is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence

from .model import Cleaned, Sentence

Span = tuple[int, int]

QUOTE_CAP = 800  # longest quotation (characters) kept in one unit
SINGLE_QUOTE_CAP = 400  # the same for single quotes, which apostrophes make less reliable
ATTRIBUTION_WORDS = 8  # longest attribution merged into the quotation before it
MAX_ABBREVIATION = 12  # longer words before a period are never abbreviations

# The patterns scanned through whole paragraphs begin with one character class
# or only with literals, so that ``finditer`` skips ahead to candidates fast.
# END: the punctuation run before a space or the end ("...said." "?!" ".”"), or a
# period fused to the next sentence ("Thursday.Officials": its lookbehind checks
# that the character matched first is a period).
END = re.compile(r"[.!?…](?:[.!?…]*(?:[\"”’'»)\]]|’’|'')*(?=\s|$)|(?<=[a-z][a-z]\.)(?=[A-Z][a-z]))")
TOKEN = re.compile(r"[A-Za-z](?:\.[A-Za-z])*|[A-Za-z]+")
QUOTE_END = re.compile(r"[.!?…](?:[\"”»’']|’’|'')")
# A single quote mark neither after nor before another one (or after a backtick).
SINGLE_QUOTE_MARK = re.compile(r"['‘’](?<![‘’'`].)(?![‘’'])")
LIST_MARKER = re.compile(r"\(?\d{1,3}[.)]")
QUOTE_MARK = re.compile(r"‘‘|’’|``|''|\"|“|”|«|»|„")
ALNUM = re.compile(r"[^\W_]")
WORD = re.compile(r"[A-Za-z]+")
# A clock time glued to its "a.m."/"p.m." ("1:30a.m."): the abbreviation is the letters
GLUED_TIME = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?=[AaPp]\.[Mm]$)")
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")

# Capitalised abbreviations that (almost) never end a sentence.
TITLES = frozenset(
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
        "cpl", "pvt", "adm", "cmdr", "gov", "sen", "rep", "rev", "fr", "hon", "pres", "supt",
        "insp", "det", "st", "ste", "mt", "ft", "jr", "sr", "no", "nos", "dept", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "ariz", "calif",
        "colo", "conn", "fla", "mich", "minn", "tenn", "okla",
    }
)  # fmt: skip
LOWER_ABBREVIATIONS = frozenset({"approx", "vs", "cf", "pp", "fig", "nos"})
# Words that typically open a sentence (a dotted acronym before them ends one).
OPENERS = frozenset(
    {
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on",
        "at", "this", "that", "these", "those", "his", "her", "their", "its", "there", "as",
        "after", "before", "when", "while", "if", "however", "meanwhile", "also", "some",
        "many", "most", "our", "my", "what", "why", "how",
    }
)  # fmt: skip
# Verbs of an attribution ("..." Erdogan said.).
SPEECH = frozenset(
    {
        "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stated",
        "states", "wrote", "writes", "declared", "noted", "explained", "tweeted", "insisted",
        "warned", "replied", "according", "announced", "continued", "concluded", "recalled",
        "argued", "claimed",
    }
)  # fmt: skip
OPEN_QUOTES = ("“", "«", "„", "‘‘", "``")


STEP_CHARACTERS = 200_000  # text read between two progress reports (well under a second)


def segment(
    cleaned: Cleaned, step: Callable[[float], None] = lambda fraction: None
) -> tuple[Sentence, ...]:
    """The sentences of a cleaned article, in order, with raw offsets (``step``: the
    fraction read, now and then; it may raise to stop the work)."""
    out: list[Sentence] = []
    reported = 0
    for number, (start, end) in enumerate(paragraphs(cleaned.text)):
        if start - reported >= STEP_CHARACTERS:
            step(start / len(cleaned.text))
            reported = start
        for s, e in sentence_spans(cleaned.text, start, end):
            out.append(_sentence(cleaned, len(out), s, e, number))
    return tuple(out)


def paragraphs(text: str) -> Iterator[Span]:
    """Spans of the non-blank paragraphs (separated by blank lines)."""
    pos = 0
    for m in PARAGRAPH_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            yield pos, m.start()
        pos = m.end()
    if text[pos:].strip():
        yield pos, len(text)


def _sentence(cleaned: Cleaned, index: int, start: int, end: int, paragraph: int) -> Sentence:
    origin = cleaned.origin[start:end]
    text = cleaned.text[start:end]
    return Sentence(index, text, origin[0], origin[-1] + 1, paragraph, origin)


def sentence_spans(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans (stripped, non-empty) of the paragraph ``text[start:end]``."""
    quotes = quote_spans(text, start, end)
    opens = [q[0] for q in quotes]
    spans: list[Span] = []
    pos = start
    for m in END.finditer(text, start, end):
        if _is_boundary(text, m, end, quotes, opens):
            spans.append((pos, m.end()))
            pos = m.end()
    spans.append((pos, end))
    stripped = [_strip(text, s, e) for s, e in spans]
    units = _attach_fragments(text, [s for s in stripped if s[0] < s[1]])
    units = _attach_attributions(text, _attach_list_markers(text, units))
    return [(s, e) for s, e in units if ALNUM.search(text, s, e)]  # no punctuation-only units


def _strip(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_boundary(
    text: str, m: re.Match[str], end: int, quotes: Sequence[Span], opens: Sequence[int]
) -> bool:
    """Whether the terminal punctuation matched by ``m`` ends a sentence."""
    after = _skip_space(text, m.end(), end)
    if after >= end:
        return False  # the paragraph's end closes the last sentence anyway
    nxt = text[after]
    if nxt.islower() or nxt in ".!?…,;:":
        return False
    if _inside_quote(m.start(), m.end(), quotes, opens):
        return False
    return not (m.group() == "." and _abbreviation(text, m.start(), after))


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def _abbreviation(text: str, dot: int, after: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation rather than a sentence.

    ``after`` is where the next word starts.
    """
    token = _token_before(text, dot)
    if not token:
        return False
    if (token.lower() in TITLES and token[0].isupper()) or token in LOWER_ABBREVIATIONS:
        return True
    if len(token) == 1 and token.isupper():
        return True
    if "." in token:  # a dotted acronym: U.S., a.m.
        word = WORD.match(text, after)
        return not (word and word.group().lower() in OPENERS)
    return False


def _token_before(text: str, dot: int) -> str:
    """The word or dotted acronym ending at ``dot`` ("Feb", "U.S"), or "" for anything else.

    The token starts after the last space or line break (cleaning leaves no
    other whitespace), ignoring opening brackets and quotes.
    """
    low = max(0, dot - MAX_ABBREVIATION)
    space = max(text.rfind(" ", low, dot), text.rfind("\n", low, dot))
    if space < 0 and low > 0:
        return ""
    token = text[space + 1 : dot].lstrip("([{\"“‘'«")
    glued = GLUED_TIME.match(token)
    token = token[glued.end() :] if glued else token
    return token if TOKEN.fullmatch(token) else ""


# --- quotations --------------------------------------------------------------------


def quote_spans(text: str, start: int, end: int) -> list[Span]:
    """Quotations in ``text[start:end]`` as (open, close_end) spans, sorted and disjoint.

    Double quotes and single quotes are paired separately (a single quote
    inside a word is an apostrophe); where a quotation nests in another the
    spans are merged.
    """
    double = _pair(_quote_marks(text, start, end), QUOTE_CAP)
    single = _pair(_single_quote_marks(text, start, end), SINGLE_QUOTE_CAP)
    return _union(double, single) if single else double


def _pair(marks: Iterator[tuple[int, int, bool]], cap: int) -> list[Span]:
    """Pair opening and closing marks left to right.

    Linear: each mark is looked at once; an open quote without a close within
    ``cap`` characters is dropped as stray.
    """
    spans: list[Span] = []
    opened: int | None = None
    for pos, size, is_open in marks:
        if opened is not None and pos - opened > cap:
            opened = None
        if opened is None:
            opened = pos if is_open else None
        elif not is_open:
            spans.append((opened, pos + size))
            opened = None
    return spans


def _quote_marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Every quotation mark: position, length, and whether it opens a quotation."""
    for m in QUOTE_MARK.finditer(text, start, end):
        mark, pos = m.group(), m.start()
        if mark == '"':
            before = text[pos - 1] if pos > start else " "
            yield pos, 1, before.isspace() or before in "([{—–-/"
        else:
            yield pos, len(mark), mark in OPEN_QUOTES


def _single_quote_marks(text: str, start: int, end: int) -> Iterator[tuple[int, int, bool]]:
    """Single quotation marks that open or close a quotation (apostrophes are skipped)."""
    for m in SINGLE_QUOTE_MARK.finditer(text, start, end):
        pos = m.start()
        before = text[pos - 1] if pos > start else " "
        after = text[pos + 1] if pos + 1 < end else " "
        if (before.isspace() or before in '([{—–-/"“') and not after.isspace():
            yield pos, 1, True
        elif not before.isspace() and not after.isalnum():
            yield pos, 1, False


def _union(a: Sequence[Span], b: Sequence[Span]) -> list[Span]:
    """The union of two sorted lists of spans, as sorted disjoint spans."""
    out: list[Span] = []
    for s, e in sorted((*a, *b)):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside_quote(start: int, end: int, quotes: Sequence[Span], opens: Sequence[int]) -> bool:
    """Whether punctuation at [start, end) lies inside a quotation, before its closing mark."""
    i = bisect_left(opens, start) - 1
    return i >= 0 and end < quotes[i][1]


# --- merging -----------------------------------------------------------------------


def _attach_fragments(text: str, spans: list[Span]) -> list[Span]:
    """A span without a letter or digit (a stray " .") joins the sentence before it."""
    out: list[Span] = []
    for s, e in spans:
        if out and not ALNUM.search(text, s, e):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _attach_list_markers(text: str, spans: list[Span]) -> list[Span]:
    """A bare list number ("1." or "(2)") joins the sentence after it."""
    out: list[Span] = []
    pending: int | None = None
    for s, e in spans:
        if LIST_MARKER.fullmatch(text, s, e):
            pending = s if pending is None else pending
            continue
        out.append((s if pending is None else pending, e))
        pending = None
    if pending is not None:
        out.append((pending, spans[-1][1]))
    return out


def _attach_attributions(text: str, spans: list[Span]) -> list[Span]:
    """'“...” Erdogan said.' : a short attribution joins the quotation before it."""
    out: list[Span] = []
    for s, e in spans:
        if out and _ends_with_quote(text, *out[-1]) and _is_attribution(text[s:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def _ends_with_quote(text: str, start: int, end: int) -> bool:
    if text[end - 1] not in "\"”»’'":
        return False
    return any(QUOTE_END.fullmatch(text, i, end) for i in (end - 2, end - 3) if i >= start)


def _is_attribution(sentence: str) -> bool:
    words = re.findall(r"[\w’']+", sentence)
    return (
        0 < len(words) <= ATTRIBUTION_WORDS
        and not sentence.startswith(('"', "'", "‘", *OPEN_QUOTES))
        and any(w.lower() in SPEECH for w in words)
    )
