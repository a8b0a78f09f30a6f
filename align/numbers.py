"""Numbers: read every number-like claim of a sentence as an interval.

``extract(text)`` returns one ``Quantity`` per claim ("more than 300 civilians",
"6 km (3.7 miles) to the north and 6 km south", "At 00.01", "March 15") with
local offsets covering hedge + number + unit as written. ``relate(a, b)`` says
whether two quantities state the same value, compatible values of different
precision, or disjoint values.

How a figure becomes an interval ``[low, high]`` (canonical units: see
``Quantity``):

* Stated precision. A bare count is exact ("59" is [59, 59]) unless it carries
  a scale word: "3.6 million" is precise to its last stated digit, so it reads
  as 3.6 million ± 0.49 × 0.1 million; "1 million" as [0.51, 1.49] million.
  Measurements (lengths, durations, money, percent) are always read to their
  last stated digit the same way, so a rounded conversion such as "6 km
  (3.7 miles)" agrees with "6 km" while "6 km" and "7 km" stay disjoint
  (± 0.49, not ± 0.5, so neighbouring values never touch).
* Hedges, on the nominal value x: "more than"/"over"/"at least"/"or more" give
  [x, inf). "More than x" is read with a closed bound on purpose: reporters
  write "more than six hours" for what another outlet rounds to "six hours",
  so the two are a precision difference, not a conflict. "nearly"/"almost"/
  "close to" give [0.9x, x]; "about"/"around"/"roughly"/"some"/
  "approximately"/"an estimated"/"or so" widen to at least [0.9x, 1.1x]
  (a 10% tolerance); "up to"/"as many as"/"fewer than"/"no more than"/"a
  maximum of" give [0, x].
* Vague amounts: "dozens" [24, 99], "hundreds" [200, 999], "thousands"
  [2000, 9999], "tens of thousands" [20000, 99999], "hundreds of thousands"
  [200000, 999999], "millions" [2e6, 999e6], "several" [3, 9], "a few" [2, 5]
  (the last two times a following scale word: "several hundred").
* Ranges are one interval: "200-300", "5 to 6 hours", "between 50 and 60"
  (not "from 5 to 10", which is a change). Compound durations add up: "2
  hours and 30 minutes", "two and a half hours".
* Fractions and ratios are percent of what follows: "half of the residents"
  50, "two-thirds of" 66.7, "one in five adults" 20, "3 out of 10 schools" 30.
* Times of day are minutes after midnight: "0001", "00.01", "00:01" and "a
  minute after midnight" are all 1. "Midnight" alone is [0, 1]: the minute
  after midnight is how a "from midnight" start is usually announced. Time
  hedges: "shortly after x" [x, x+60], "shortly before x" [x-60, x],
  "about x" [x-30, x+30].
* Dates are month*31+day ("March 15", "15 March", "Feb. 3", "March 5, 2020").
  Weekdays are unit "weekday" (Monday 0 .. Sunday 6). "Midnight on Thursday"
  names the boundary at either end of Thursday, so it reads [3, 4] counted
  "midnight" and "midnight Friday" [4, 5] overlaps it (precision), while plain
  "Thursday" vs "Friday" is a conflict. Standalone years (1900-2100) are unit
  "year". Dates, weekdays and years never compare with each other or counts.
* Not claims: ages ("65-year-old", "aged 65"), ordinals ("12th", "first"),
  numbers inside names and codes ("M4", "M-4", "Su-24", "COVID-19", "Russia
  24", URLs), list numbers ("1." at the start, "(2)"), "one of", "the two".

``counted`` is the normalised head noun after the figure ("59 Turkish
soldiers" -> "turkish soldier": capitalised modifiers are kept because they
tell Turkish from Syrian soldiers; lower-case adjectives are dropped). Lengths
get a dimension ("width", "length", "depth", "height", "distance"), prefixed by
the noun next to a wide/long/deep figure ("corridor width"). An extent on both
sides of a line ("6 km to the north and 6 km south", "6 km on each side") is
one width quantity for the total. A clock time's ``counted`` is its zone
("utc", "local"; times in two different zones are not compared). Verbs
("killed", "displaced") are not read: a noun-only head is what can be done
robustly without a parser.

Everything runs on one regex tokenisation of the text and looks a bounded
number of tokens around each figure, so time is linear in the input; at most
``MAX_CLAIMS`` figures are read from one sentence.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from .model import Quantity, QuantityKind, Relation

# ---------------------------------------------------------------- tables

_ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
_FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
_SUFFIX_SCALES = {"k": 1e3, "bn": 1e9, "mn": 1e6}
_VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
_TENS_OF = {
    ("tens", "of", "thousands"): (2e4, 99999.0),
    ("hundreds", "of", "thousands"): (2e5, 999999.0),
    ("tens", "of", "millions"): (2e7, 99e6),
    ("hundreds", "of", "millions"): (2e8, 999e6),
}
_FEW = {"several": (3.0, 9.0), "few": (2.0, 5.0)}

_LENGTH = {
    "km": 1.0,
    "kms": 1.0,
    "kilometre": 1.0,
    "kilometres": 1.0,
    "kilometer": 1.0,
    "kilometers": 1.0,
    "mile": 1.609344,
    "miles": 1.609344,
    "mi": 1.609344,
    "m": 0.001,
    "metre": 0.001,
    "metres": 0.001,
    "meter": 0.001,
    "meters": 0.001,
    "feet": 0.0003048,
    "foot": 0.0003048,
    "ft": 0.0003048,
}
_DURATION = {
    "second": 1 / 3600,
    "seconds": 1 / 3600,
    "secs": 1 / 3600,
    "minute": 1 / 60,
    "minutes": 1 / 60,
    "min": 1 / 60,
    "mins": 1 / 60,
    "hour": 1.0,
    "hours": 1.0,
    "hr": 1.0,
    "hrs": 1.0,
    "day": 24.0,
    "days": 24.0,
    "week": 168.0,
    "weeks": 168.0,
    "month": 730.5,
    "months": 730.5,
    "year": 8766.0,
    "years": 8766.0,
    "decade": 87660.0,
    "decades": 87660.0,
}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "lira": "TRY",
    "liras": "TRY",
    "rouble": "RUB",
    "roubles": "RUB",
    "ruble": "RUB",
    "rubles": "RUB",
}
_CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "try": "TRY", "rub": "RUB"}
_CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₺": "TRY"}
_DIMENSIONS = {
    "wide": "width",
    "width": "width",
    "long": "length",
    "length": "length",
    "deep": "depth",
    "depth": "depth",
    "high": "height",
    "tall": "height",
    "height": "height",
}
_MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}

# Hedges, longest first; each maps to how the interval is built.
_HEDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "fewer", "than"), "min"),
    (("no", "less", "than"), "min"),
    (("no", "more", "than"), "max"),
    (("in", "excess", "of"), "min"),
    (("a", "minimum", "of"), "min"),
    (("a", "maximum", "of"), "max"),
    (("as", "many", "as"), "max"),
    (("as", "much", "as"), "max"),
    (("more", "than"), "min"),
    (("at", "least"), "min"),
    (("upwards", "of"), "min"),
    (("just", "over"), "min"),
    (("well", "over"), "min"),
    (("close", "to"), "near"),
    (("just", "under"), "near"),
    (("an", "estimated"), "about"),
    (("up", "to"), "max"),
    (("fewer", "than"), "max"),
    (("less", "than"), "max"),
    (("at", "most"), "max"),
    (("over",), "min"),
    (("above",), "min"),
    (("nearly",), "near"),
    (("almost",), "near"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("some",), "about"),
    (("approximately",), "about"),
    (("estimated",), "about"),
    (("under",), "max"),
    (("between",), "range"),
    (("below",), "max"),
)
_TIME_HEDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("a", "little", "after"), "after"),
    (("a", "little", "before"), "before"),
    (("shortly", "after"), "after"),
    (("shortly", "before"), "before"),
    (("just", "after"), "after"),
    (("just", "before"), "before"),
    (("soon", "after"), "after"),
    (("about",), "about"),
    (("around",), "about"),
    (("approximately",), "about"),
)
_HEDGE_ENDS = frozenset(w[-1] for w, _ in _HEDGES + _TIME_HEDGES)
_STARTS = frozenset(
    {"a", "an", "half", "tens", "several", "midnight", "noon", "midday"}
    | _ONES.keys()
    | _TENS.keys()
    | _VAGUE.keys()
    | _MONTHS.keys()
    | _WEEKDAYS.keys()
)
_MEASURE_VERBS = frozenset({"extend", "stretch", "run", "reach", "cover", "measure", "span"})
_YEAR_PREPS = frozenset({"in", "since", "by", "from", "until", "till", "before", "after", "of"})
_AGE_LIST = frozenset({",", "and", "or", "to", "-", "–", "between"})
_TIME_PREPS = {"at", "from", "until", "till", "by", "since", "before", "after", "to"}
_TIME_MARKS = {"gmt", "utc", "hrs", "hours", "local", "tonight", "pm", "am"}
_DAYPARTS = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}


def _words(text: str) -> frozenset[str]:
    """A word set written as one string."""
    return frozenset(text.split())


# Function words: they end a counted-noun phrase and never name a code.
_FUNCTION = _words(
    """a an the of in on at to from by with for and or but nor as than that this these
    those which who whom whose what when where while since until after before during
    into onto over under across per each every all both some any no not more most less
    few many much other another such only just also even about around roughly nearly
    almost up down out off be been being is are was were am will would shall should can
    could may might must have has had do does did said says say according including
    it its they them their he him his she her we our us you your i me my there here
    then now so if because though although whether near between among against
    without within toward towards via amid amidst along since ago later earlier
    upon like unlike beyond despite again already still yet exactly precisely"""
)
_SKIPPABLE = frozenset({"other", "more", "additional", "further", "new", "extra", "some"})
_DETERMINERS = frozenset(
    {"the", "these", "those", "both", "its", "their", "his", "her", "our", "your", "my", "all"}
)
_PRONOUN_ONE = frozenset({"no", "the", "this", "that", "any", "every", "each", "which", "another"})
_SYNONYMS = {
    "troop": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "meeting": "talks",
    "talk": "talks",
    "negotiation": "talks",
    "discussion": "talks",
    "summit": "talks",
    "person": "people",
    "fatality": "death",
}
_IRREGULAR = {
    "children": "child",
    "people": "people",
    "men": "man",
    "women": "woman",
    "servicemen": "serviceman",
    "feet": "foot",
    "talks": "talks",
    "news": "news",
}
_GLUED_OK = frozenset({"k", "bn", "mn", "m", "st", "nd", "rd", "th", "s", "pm", "am", "h"})
_WILDCARD_KINDS = frozenset({"duration", "time", "money", "percent"})
# "380 000" (space-grouped thousands, as in French or ISO style) is one number; a
# four-digit lead cannot start a group, so "in 2011 300 people" stays two numbers.
_TOKEN = re.compile(
    r"(?P<num>(?<!\d)\d{1,3}(?: \d{3})+(?![\d.,:]\d)|\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<p>\S)"
)
_MAX_DIGITS = 15
_DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?")  # "3,200"
_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})|(\d{2})(\d{2})")  # "00:01", "00.01", "0001"
# A "sentence" with more figures than this is a table or junk, not prose: reading
# stops there, which bounds the work on hostile input (a 1 MB line of digits).
MAX_CLAIMS = 5000
_HALF = 0.49  # half a stated digit, kept under 0.5 so neighbouring values never touch


# ---------------------------------------------------------------- tokens


class _Tok(NamedTuple):
    """One token: kind "num", "word" or "p" (punctuation), with its offsets.

    A named tuple rather than a dataclass: a sentence has dozens of tokens and
    a tuple is built several times faster (internal to this module).
    """

    kind: str
    text: str
    low: str
    start: int
    end: int


def _tokenize(text: str) -> list[_Tok]:
    """Numbers, words (with an apostrophe part) and single punctuation marks.

    Hot (every token of every sentence): the tuple is built with
    ``tuple.__new__`` directly, skipping the named tuple's Python-level
    ``__new__``; the result is the same ``_Tok``.
    """
    out: list[_Tok] = []
    append = out.append
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "p"
        word = m.group()
        low = word.lower()
        if kind == "word" and low.endswith(("'s", "’s")):
            low = low[:-2]
        append(_new_tuple(_Tok, (kind, word, low, m.start(), m.end())))
    return out


_new_tuple = tuple.__new__  # builds a named tuple without its Python-level constructor


class _Core(NamedTuple):
    """A bare number: nominal value, half-width of its stated precision, extent."""

    value: float
    half: float  # half-width of the stated precision (0 for an exact integer count)
    end: int  # token index after the number (and its scale word)
    vague: tuple[float, float] | None = None
    scaled: bool = False
    scale: float = 1.0  # the scale word's factor ("million": 1e6)
    is_range: bool = False  # "200-300": vague holds the two stated ends


class _Unit(NamedTuple):
    """What follows a number: its kind, factor to the canonical unit, and extent."""

    kind: QuantityKind
    factor: float
    unit: str
    end: int


class _Hit(NamedTuple):
    """A parsed claim in token terms, before it becomes a Quantity."""

    first: int  # first token index
    end: int  # token index after the claim
    kind: QuantityKind
    low: float
    high: float
    unit: str
    hedge: str | None
    counted: str
    precise: bool


# ---------------------------------------------------------------- helpers


def _singular(word: str) -> str:
    """A simple English singular: children -> child, cities -> city, talks kept."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def _plural(word: str) -> bool:
    """Looks like a plural noun: after a figure, the first one ends the phrase."""
    if word in _IRREGULAR:
        return _IRREGULAR[word] != word or word == "people"
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _noun(word: str) -> str:
    """Normalised head noun: lower case, singular, common synonyms merged."""
    single = _singular(word.lower())
    return _SYNONYMS.get(single, single)


def _digits(text: str) -> tuple[float, float] | None:
    """Value of "3,200" / "380 000" / "3.6" / "59" and the size of its last stated digit."""
    if _DIGITS.fullmatch(text) is None:
        return None
    plain = text.replace(",", "").replace(" ", "")
    if len(plain) > _MAX_DIGITS + 1:
        return None
    frac = plain.partition(".")[2]
    return float(plain), 10.0 ** -len(frac)


def _is_year(text: str) -> bool:
    """A bare four-digit number that reads as a year."""
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def _clock(text: str) -> tuple[int, int] | None:
    """Hours and minutes of "00:01" / "00.01" / "0001", if valid."""
    m = _CLOCK.fullmatch(text)
    if m is None:
        return None
    hh, mm = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    h, mi = int(hh), int(mm)
    return (h, mi) if h <= 24 and mi < 60 and (h < 24 or mi == 0) else None


def _hull(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), max(a[1], b[1])


def _hedged(core: _Core, how: str | None, measure: bool) -> tuple[float, float]:
    """The interval a (possibly hedged) number stands for, before unit conversion."""
    x = core.value
    half = core.half if (measure or core.scaled) else 0.0
    stated = (x - half, x + half)
    if core.is_range and core.vague is not None:
        return core.vague[0] - half, core.vague[1] + half
    if core.vague is not None:
        return core.vague
    if how == "min":
        return x, math.inf
    if how == "max":
        return 0.0, x
    if how == "near":
        return 0.9 * x, x
    if how == "about":
        return _hull(stated, (0.9 * x, 1.1 * x))
    return stated


# ---------------------------------------------------------------- parser


class _Parser:
    """Walks the tokens of one sentence once, left to right, collecting claims."""

    def __init__(self, text: str) -> None:
        self.toks = _tokenize(text)
        self.lows = [t.low for t in self.toks]
        self.count = len(self.toks)
        self.floor = 0  # no claim may reach back before this token
        self.cores: dict[int, _Core | None] = {}  # the last digit_core result
        self.word_cores: dict[int, _Core | None] = {}  # word_core results by token index

    # -- token access

    def low(self, i: int) -> str:
        """Lower-cased token i, or "" outside the sentence."""
        return self.lows[i] if 0 <= i < self.count else ""

    def kind(self, i: int) -> str:
        return self.toks[i].kind if 0 <= i < self.count else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.count and self.toks[i].start == self.toks[i - 1].end

    def capital(self, i: int) -> bool:
        return self.kind(i) == "word" and self.toks[i].text[:1].isupper()

    def seq(self, i: int, words: tuple[str, ...]) -> bool:
        """Tokens from i spell ``words``."""
        return all(self.low(i + k) == w for k, w in enumerate(words))

    def hedge_before(self, i: int, table: tuple[tuple[tuple[str, ...], str], ...]) -> int:
        """Index into ``table`` of the hedge ending right before token i, or -1."""
        if self.low(i - 1) not in _HEDGE_ENDS:
            return -1
        for n, (words, _) in enumerate(table):
            start = i - len(words)
            if start >= self.floor and self.seq(start, words):
                return n
        return -1

    def skip_hyphen(self, j: int) -> int:
        """Step over a hyphen glued on both sides ("six-hour", "12-km")."""
        if self.low(j) in ("-", "‑") and self.glued(j) and self.glued(j + 1):
            return j + 1
        return j

    # -- driver

    def run(self) -> list[_Hit]:
        """All claims, left to right, at most ``MAX_CLAIMS``.

        Only tokens that can start a claim are tried (``may_start``); ``at``
        would pass over the others without effect.
        """
        hits: list[_Hit] = []
        i = 0
        for j in self.may_start():
            if len(hits) >= MAX_CLAIMS:
                break
            if j < i:
                continue
            hit, nxt = self.at(j)
            if hit is not None:
                hits.append(hit)
                self.floor = hit.end
            i = max(nxt, j + 1)
        return hits

    def may_start(self) -> list[int]:
        """Indices of the tokens a claim may start at: numbers and ``_STARTS`` words."""
        return [
            i
            for i, (tok, low) in enumerate(zip(self.toks, self.lows, strict=True))
            if tok.kind == "num" or low in _STARTS
        ]

    def at(self, i: int) -> tuple[_Hit | None, int]:
        """The claim starting at token i (or a skipped age/code), and where to go on."""
        if self.toks[i].kind != "num" and self.lows[i] not in _STARTS:
            return None, i + 1
        for attempt in (
            self.time_at,
            self.date_at,
            self.weekday_at,
            self.fraction_at,
            self.measure_at,
        ):
            hit = attempt(i)
            if hit is not None:
                return hit, hit.end
        return None, self.skip_at(i)

    def skip_at(self, i: int) -> int:
        """Past an age ("65-year-old") so its parts are not read; else i + 1."""
        j = self.skip_hyphen(i + 1)
        if self.low(j) in ("year", "years") and self.is_age_tail(j + 1):
            return j + 1
        return i + 1

    def is_age_tail(self, j: int) -> bool:
        return self.low(j) == "old" or (self.low(j) == "-" and self.low(j + 1) == "old")

    # -- times

    def time_at(self, i: int) -> _Hit | None:
        found = self.offset_time(i) or self.named_time(i) or self.clock_time(i)
        if found is None:
            return None
        value, end = found
        return self.time_hit(i, end, value)._replace(counted=self.zone(i, end))

    def zone(self, i: int, end: int) -> str:
        """The time zone written with a clock time ("utc" for GMT/UTC, "local"), else ""."""
        words = set(self.lows[i:end])
        return "utc" if words & {"gmt", "utc"} else "local" if "local" in words else ""

    def time_hit(self, i: int, end: int, value: tuple[float, float]) -> _Hit:
        """A time claim, widened by a time hedge right before it."""
        n = self.hedge_before(i, _TIME_HEDGES)
        if n < 0:
            precise = value[0] == value[1]
            return _Hit(i, end, "time", value[0], value[1], "min", None, "", precise)
        words, how = _TIME_HEDGES[n]
        lo, hi = value
        lo, hi = {"after": (lo, hi + 60), "before": (lo - 60, hi)}.get(how, (lo - 30, hi + 30))
        return _Hit(i - len(words), end, "time", lo, hi, "min", " ".join(words), "", False)

    def offset_time(self, i: int) -> tuple[tuple[float, float], int] | None:
        """ "a minute after midnight", "ten minutes past noon"."""
        core = self.word_core(i) or self.digit_core(i)
        if core is None or core.vague is not None:
            return None
        j = core.end
        if self.low(j) not in ("minute", "minutes") or self.low(j + 1) not in (
            "after",
            "past",
            "before",
            "to",
        ):
            return None
        base = {"midnight": 0, "noon": 720, "midday": 720}.get(self.low(j + 2))
        if base is None:
            return None
        sign = 1 if self.low(j + 1) in ("after", "past") else -1
        value = float((base + sign * core.value) % 1440)
        return (value, value), j + 3

    def named_time(self, i: int) -> tuple[tuple[float, float], int] | None:
        """ "midnight" (read [0, 1]) and "noon"; a following weekday is left to weekday_at."""
        word = self.low(i)
        if word not in ("midnight", "noon", "midday") or self.midnight_day(i + 1) is not None:
            return None
        return ((0.0, 1.0) if word == "midnight" else (720.0, 720.0)), i + 1

    def clock_time(self, i: int) -> tuple[tuple[float, float], int] | None:
        """ "00:01", "00.01", "0001", "3 p.m.", "six in the morning"."""
        if self.kind(i) == "num" and not self.is_code(i):
            found = self.clock_digits(i)
        elif self.low(i) in _ONES and _ONES[self.low(i)] <= 12:
            found = self.daypart(i + 1, _ONES[self.low(i)], 0)
        else:
            found = None
        if found is None:
            return None
        minutes, end = found
        return (minutes, minutes), end

    def clock_digits(self, i: int) -> tuple[float, int] | None:
        text = self.toks[i].text
        hm = _clock(text)
        if len(text) <= 2 and text.isdigit() and int(text) <= 12:
            return self.daypart(i + 1, int(text), 0)
        if hm is None:
            return None
        meridiem = self.daypart(i + 1, hm[0], hm[1])
        if meridiem is not None:
            return meridiem
        if not self.clock_context(i, text):
            return None
        return float((hm[0] % 24) * 60 + hm[1]), self.time_mark_end(i + 1)

    def clock_context(self, i: int, text: str) -> bool:
        """Is this "00.01"/"0001" a time rather than a decimal, year or count?"""
        if ":" in text:
            return True
        leading_zero = text.startswith("0") and len(text) in (4, 5)
        marked = self.low(i + 1) in _TIME_MARKS
        prep = self.low(i - 1) in _TIME_PREPS
        if "." in text:
            nxt = self.low(i + 1)
            bare = nxt not in _SCALES and nxt not in _LENGTH and nxt not in _DURATION
            return leading_zero or marked or (prep and bare and nxt not in ("%", "percent"))
        return leading_zero or marked

    def time_mark_end(self, j: int) -> int:
        """Include "GMT", "UTC", "hrs", "hours" and "local time" in a clock time."""
        if self.low(j) in ("gmt", "utc", "hrs", "hours"):
            return j + 1
        if self.seq(j, ("local", "time")):
            return j + 2
        return j

    def daypart(self, j: int, hour: int, minute: int) -> tuple[float, int] | None:
        """ "a.m."/"pm"/"o'clock"/"in the morning" after an hour, as minutes and end."""
        if hour > 12 or self.low(j) not in ("p", "a", "pm", "am", "o'clock", "o’clock", "in"):
            return None
        for words, shift in (
            (("p", ".", "m", "."), 12),
            (("a", ".", "m", "."), 0),
            (("p", ".", "m"), 12),
            (("a", ".", "m"), 0),
            (("pm",), 12),
            (("am",), 0),
            (("o'clock",), -1),
            (("o’clock",), -1),
        ):
            if self.seq(j, words) and (words[0] != "am" or self.glued(j)):
                h = hour % 12 + max(shift, 0) if shift >= 0 else hour
                return float(h * 60 + minute), j + len(words)
        return self.in_the(j, hour, minute)

    def in_the(self, j: int, hour: int, minute: int) -> tuple[float, int] | None:
        """ "six in the morning", "eight in the evening"."""
        if not self.seq(j, ("in", "the")) or self.low(j + 2) not in _DAYPARTS:
            return None
        h = hour % 12 + _DAYPARTS[self.low(j + 2)]
        return float(h * 60 + minute), j + 3

    # -- dates and weekdays

    def date_at(self, i: int) -> _Hit | None:
        """ "March 15", "Feb. 3", "15 March", with an optional ", 2020"."""
        found = self.month_day(i) or self.day_month(i)
        if found is None:
            return None
        value, end = found
        if self.low(end) == "," and _is_year(self.low(end + 1)):
            end += 2
        elif _is_year(self.low(end)):
            end += 1
        return _Hit(i, end, "date", value, value, "day", None, "", True)

    def month_of(self, i: int) -> tuple[int, int] | None:
        """The month named at token i (capitalised, abbreviation dot allowed) and its end."""
        if not self.capital(i) or self.low(i) not in _MONTHS:
            return None
        dot = self.low(i + 1) == "." and self.glued(i + 1) and len(self.low(i)) <= 4
        return _MONTHS[self.low(i)], i + 1 + int(dot)

    def day_of(self, i: int) -> tuple[int, int] | None:
        """A day of the month (1..31) at token i, with an optional "th" glued on."""
        t = self.low(i)
        if self.kind(i) != "num" or not t.isdigit() or len(t) > 2 or not 1 <= int(t) <= 31:
            return None
        end = i + 1
        if self.low(end) in ("st", "nd", "rd", "th") and self.glued(end):
            end += 1
        return int(t), end

    def month_day(self, i: int) -> tuple[float, int] | None:
        month = self.month_of(i)
        day = self.day_of(month[1]) if month else None
        if month is None or day is None or self.low(day[1]) == ":":
            return None
        return float(month[0] * 31 + day[0]), day[1]

    def day_month(self, i: int) -> tuple[float, int] | None:
        day = self.day_of(i)
        month = self.month_of(day[1]) if day else None
        if day is None or month is None or self.is_code(i):
            return None
        return float(month[0] * 31 + day[0]), month[1]

    def midnight_day(self, j: int) -> tuple[int, int] | None:
        """A weekday right after "midnight" ("on Thursday", "Friday"): day and end."""
        if self.low(j) in ("on", ","):
            j += 1
        day = _WEEKDAYS.get(self.low(j)) if self.capital(j) else None
        return None if day is None else (day, j + 1)

    def weekday_at(self, i: int) -> _Hit | None:
        """ "Thursday" [d, d]; "midnight on Thursday" / "Thursday at midnight" [d, d+1]."""
        if self.low(i) == "midnight":
            found = self.midnight_day(i + 1)
            if found is not None:
                return self.midnight_hit(i, found[1], found[0])
        if not self.capital(i) or self.low(i) not in _WEEKDAYS:
            return None
        day = _WEEKDAYS[self.low(i)]
        after = i + 1 + int(self.low(i + 1) in ("at", ","))
        if self.low(after) == "midnight":
            return self.midnight_hit(i, after + 1, day)
        return _Hit(i, i + 1, "date", float(day), float(day), "weekday", None, "", True)

    def midnight_hit(self, i: int, end: int, day: int) -> _Hit:
        return _Hit(i, end, "date", float(day), day + 1.0, "weekday", None, "midnight", False)

    # -- plain numbers

    def is_code(self, i: int) -> bool:
        """Digits that are part of a name, code, URL or list marker, not a figure."""
        if self.glued_to_name(i) or self.is_list_marker(i):
            return True
        if self.glued(i + 1) and not self.suffix_ok(i + 1):
            return True
        return self.after_name(i)

    def glued_to_name(self, i: int) -> bool:
        """ "M4", "a69535", "M-4", "COVID-19", "/2020/": letters or a path glued before."""
        if not self.glued(i):
            return False
        before = self.low(i - 1)
        if self.kind(i - 1) == "word" or before in ("/", "#", "_", "\\", "["):
            return True
        return before == "-" and self.glued(i - 1) and self.kind(i - 2) == "word"

    def suffix_ok(self, j: int) -> bool:
        """What may be glued after digits: units, scales, ordinals, "%", "a.m.", a comma..."""
        t = self.low(j)
        if self.kind(j) != "word":
            return t not in ("/", "_", "-") or (t == "-" and self.kind(j + 1) in ("word", "num"))
        if t in ("a", "p"):
            return self.low(j + 1) == "."
        return t in _GLUED_OK or t in _LENGTH or t in _DURATION

    def after_name(self, i: int) -> bool:
        """ "Russia 24", "Resolution 2254": a capitalised name right before the digits.

        Function words, months, weekdays and hedges are not names, and in a
        title-case line ("Turkey Says 59 Soldiers Died") the next word is
        capitalised too, so the figure is kept (unless that word is in capitals:
        "Boeing 737 MAX").
        """
        if not self.capital(i - 1) or self.low(i - 1) in _FUNCTION or self.known_word(i - 1):
            return False
        following = self.toks[i + 1].text if self.kind(i + 1) == "word" else ""
        return not following[:1].isupper() or (len(following) > 1 and following.isupper())

    def known_word(self, i: int) -> bool:
        """Capitalised words that may stand before a figure (month, weekday, hedge)."""
        t = self.low(i)
        if t in _MONTHS or t in _WEEKDAYS or t in _CURRENCY_CODES:
            return True
        return any(t == w[-1] for w, _ in _HEDGES)

    def is_list_marker(self, i: int) -> bool:
        """ "1." at the very start, or "(2)"."""
        nxt = self.low(i + 1)
        if i == 0 and nxt in (".", ")") and self.glued(i + 1):
            return True
        return self.low(i - 1) == "(" and nxt == ")" and self.glued(i) and self.glued(i + 1)

    def digit_core(self, i: int) -> _Core | None:
        """ "59", "3,200", "3.6 million", "80K" (remembered: several readers ask)."""
        if i not in self.cores:
            self.cores = {i: self.read_digits(i)}
        return self.cores[i]

    def read_digits(self, i: int) -> _Core | None:
        if self.kind(i) != "num" or self.is_code(i) or self.is_ordinal(i):
            return None
        parsed = _digits(self.toks[i].text)
        if parsed is None:
            return None
        return self.scaled(parsed[0], parsed[1], i + 1, self.sign_start(i) < i)

    def is_ordinal(self, i: int) -> bool:
        nxt = self.low(i + 1)
        return self.glued(i + 1) and nxt in ("st", "nd", "rd", "th", "s")

    def sign_start(self, i: int) -> int:
        """Index of a currency sign before token i ("$5", "US$5", "EUR 5"), else i."""
        if self.low(i - 1) in _CURRENCY_CODES and self.kind(i) == "num":
            return i - 1 if self.toks[i - 1].text.isupper() else i
        if not (self.glued(i) and self.low(i - 1) in _CURRENCY_SIGNS):
            return i
        return i - 2 if self.glued(i - 1) and self.low(i - 2) in ("us", "a", "c") else i - 1

    def scaled(self, value: float, step: float, j: int, money: bool = False) -> _Core:
        """Apply a scale word or suffix after a number ("million", "80K", "$5m", "two dozen")."""
        if self.glued(j) and self.low(j) == "m" and (money or _plural(self.low(j + 1))):
            return _Core(value * 1e6, _HALF * step * 1e6, j + 1, None, True, 1e6)
        word = self.low(self.skip_hyphen(j))
        if word in _SCALES:
            scale = _SCALES[word]
            end = self.skip_hyphen(j) + 1
            return _Core(value * scale, _HALF * step * scale, end, None, True, scale)
        if self.glued(j) and word in _SUFFIX_SCALES:
            scale = _SUFFIX_SCALES[word]
            return _Core(value * scale, _HALF * step * scale, j + 1, None, True, scale)
        if word == "dozen":
            return _Core(value * 12, 0.0, j + 1)
        return _Core(value, _HALF * step, j)

    def word_core(self, i: int) -> _Core | None:
        """Number words (remembered per token: the time, date, fraction and measure readers ask)."""
        if i not in self.word_cores:
            self.word_cores[i] = self.read_words(i)
        return self.word_cores[i]

    def read_words(self, i: int) -> _Core | None:
        """Number words: "thirteen", "twenty-one", "a million", "a dozen", "half an hour".

        Depends on the tokens only (not on ``floor``), so it can be remembered.
        """
        w = self.low(i)
        if w not in _STARTS:
            return None
        if w in _TENS:
            j = self.skip_hyphen(i + 1)
            if j > i + 1 and self.low(j) in _ONES and _ONES[self.low(j)] < 10:
                return self.scaled(_TENS[w] + _ONES[self.low(j)], 1.0, j + 1)
            return self.scaled(_TENS[w], 1.0, i + 1)
        if w in _ONES:
            return self.one_word(i, w)
        if w in ("a", "an"):
            return self.article_core(i)
        if w == "half" and self.low(i + 1) in ("a", "an"):
            inner = self.article_core(i + 1)
            if inner is None:
                return None
            # "half a million" is 0.5 million: stated to a tenth of the scale
            half = inner.half / 10
            return _Core(inner.value / 2, half, inner.end, None, inner.scaled, inner.scale)
        return self.vague_core(i)

    def one_word(self, i: int, w: str) -> _Core | None:
        """ "one".."nineteen", except "one of", "no one" and "the two"."""
        if w == "one" and (self.low(i + 1) == "of" or self.low(i - 1) in _PRONOUN_ONE):
            return None
        if _ONES[w] <= 2 and self.low(i - 1) in _DETERMINERS:
            return None
        return self.scaled(_ONES[w], 1.0, i + 1)

    def article_core(self, i: int) -> _Core | None:
        """ "a"/"an" standing for one: before a scale word, "dozen" or a unit."""
        nxt = self.low(i + 1)
        if nxt in _SCALES:
            return self.scaled(1.0, 1.0, i + 1)
        if nxt == "dozen":
            return _Core(12.0, 0.0, i + 2)
        if (nxt in _DURATION and nxt != "second") or (nxt in _LENGTH and len(nxt) > 2):
            return _Core(1.0, _HALF, i + 1)
        if nxt == "few":
            return self.vague_core(i + 1, i)
        return None

    def vague_core(self, i: int, first: int | None = None) -> _Core | None:
        """ "dozens (of)", "hundreds of thousands", "several hundred", "a few"."""
        w = self.low(i)
        for words, span in _TENS_OF.items():
            if w == words[0] and self.seq(i, words):
                return _Core(span[0], 0.0, i + 3, span)
        if w in _VAGUE:
            return _Core(_VAGUE[w][0], 0.0, i + 1, _VAGUE[w])
        if w in _FEW and (w != "few" or first is not None):
            scale = _SCALES.get(self.low(i + 1), 1.0)
            lo, hi = _FEW[w]
            end = i + 1 + int(scale > 1)
            return _Core(lo * scale, 0.0, end, (lo * scale, hi * scale))
        return None

    # -- fractions

    def fraction_at(self, i: int) -> _Hit | None:
        """ "half of", "two-thirds of", "one in five", "3 out of 10": a percent."""
        fraction = self.fraction(i)
        found = fraction or self.ratio(i)
        if found is None:
            return None
        value, end = found
        hit = self.build(i, i, _Core(value, 0.0, end), _Unit("percent", 1.0, "%", end))
        if hit is None or fraction is not None:
            return hit
        return hit._replace(counted=self.noun_phrase(hit.end))  # "one in five adults"

    def ratio(self, i: int) -> tuple[float, int] | None:
        """ "one in five" / "3 out of 10" as a percent, and the token after it."""
        first = self.digit_core(i) or self.word_core(i)
        if first is None or first.vague is not None:
            return None
        j = first.end
        k = j + 2 if self.seq(j, ("out", "of")) else j + 1 if self.low(j) == "in" else -1
        second = (self.digit_core(k) or self.word_core(k)) if k > 0 else None
        if second is None or second.vague is not None or _is_year(self.low(k)):
            return None
        if not 0 < first.value <= second.value <= 1000:
            return None
        return 100 * first.value / second.value, second.end

    def fraction(self, i: int) -> tuple[float, int] | None:
        """The percent a fraction word stands for, and the token after it."""
        w = self.low(i)
        if w == "half":
            count, j = 1, i
        elif w in ("a", "one"):
            count, j = 1, i + 1
        elif w in _ONES and _ONES[w] < 10:
            count, j = _ONES[w], self.skip_hyphen(i + 1)
        else:
            return None
        name = _FRACTIONS.get(self.low(j).removesuffix("s"))
        if name is None or self.low(j + 1) != "of" or (w == "half") != (j == i):
            return None
        if self.low(j + 2) in ("a", "an") and self.low(j + 3) in _DURATION:
            return None  # "a quarter of an hour" is a duration, left to the next word
        return count * name, j + 1

    # -- measure: hedge + number + unit + counted

    def measure_at(self, i: int) -> _Hit | None:
        core = self.digit_core(i) or self.word_core(i)
        if core is None:
            return None
        core = self.and_a_half(self.range_core(i, core))
        unit = self.unit_at(core.end, i)
        if unit is None:
            return None
        if unit.kind == "duration":
            core, unit = self.compound_duration(core, unit)
        return self.build(self.sign_start(i), i, core, unit)

    def and_a_half(self, core: _Core) -> _Core:
        """ "two and a half (hours)": the half is stated, so precision is a tenth."""
        if core.vague is not None or not self.seq(core.end, ("and", "a", "half")):
            return core
        return _Core(core.value + 0.5, _HALF * 0.1, core.end + 3)

    def compound_duration(self, core: _Core, unit: _Unit) -> tuple[_Core, _Unit]:
        """ "2 hours and 30 minutes": one duration, in hours, precise to the smaller unit."""
        j = unit.end
        if self.low(j) != "and" or core.vague is not None:
            return core, unit
        second = self.digit_core(j + 1) or self.word_core(j + 1)
        tail = self.unit_at(second.end, j + 1) if second is not None else None
        if second is None or tail is None or tail.kind != "duration" or tail.factor >= unit.factor:
            return core, unit
        hours = core.value * unit.factor + second.value * tail.factor
        return _Core(hours, second.half * tail.factor, second.end), _Unit(
            "duration", 1.0, "h", tail.end
        )

    def range_core(self, i: int, core: _Core) -> _Core:
        """ "200-300", "5 to 6", "between 50 and 60 million": one interval, low to high."""
        j = core.end
        if core.vague is not None or not self.range_separator(i, j):
            return core
        second = self.digit_core(j + 1) if self.kind(i) == "num" else self.word_core(j + 1)
        if second is None or second.vague is not None:
            return core
        low = core.value * (second.scale if core.scale == 1.0 else 1.0)
        if second.value <= low or _is_year(self.low(i)):
            return core
        ends = (low, second.value)
        return _Core(low, second.half, second.end, ends, second.scaled, second.scale, True)

    def range_separator(self, i: int, j: int) -> bool:
        """A dash between glued numbers, "to" (not "from x to y"), or "between x and"."""
        sep = self.low(j)
        if sep in ("-", "–"):
            return self.glued(j) and self.glued(j + 1) and self.kind(i) == "num"
        if sep == "to":
            return self.low(i - 1) != "from"
        return sep == "and" and self.low(i - 1) == "between"

    def unit_at(self, j: int, first: int) -> _Unit | None:
        """The unit after a number (None for an age); a bare number is a count."""
        if self.sign_start(first) < first:
            sign = self.low(first - 1)
            return _Unit("money", 1.0, _CURRENCY_SIGNS.get(sign) or _CURRENCY_CODES[sign], j)
        k = self.skip_hyphen(j)
        w = self.low(k)
        if w in ("%", "percent", "pct") or self.seq(k, ("per", "cent")):
            return _Unit("percent", 1.0, "%", k + (2 if w == "per" else 1))
        if w in _CURRENCY_WORDS:
            return _Unit("money", 1.0, _CURRENCY_WORDS[w], k + 1)
        if w in _LENGTH and (w not in ("m", "mi", "ft") or self.glued(k) or k == j):
            return _Unit("length", _LENGTH[w], "km", k + 1)
        if w in _DURATION:
            if w.startswith("year") and (self.is_age_tail(k + 1) or self.after_aged(first)):
                return None
            return _Unit("duration", _DURATION[w], "h", k + 1)
        if self.after_aged(first) and not _plural(self.low(j)):
            return None
        return _Unit("count", 1.0, "", j)

    def build(self, lead: int, i: int, core: _Core, unit: _Unit) -> _Hit | None:
        """Assemble hedge, interval and counted noun into a claim (``lead``: sign or number)."""
        n = self.hedge_before(lead, _HEDGES)
        words, how = _HEDGES[n] if n >= 0 else ((), None)
        end, how, post = self.post_hedge(unit.end, how)
        hedge = " ".join(words) or post or None
        if unit.kind == "count" and hedge is None and core.vague is None:
            year = self.year_hit(i, core, end)
            if year is not None:
                return year
        lo, hi = _hedged(core, how, unit.kind != "count")
        span = (lo * unit.factor, hi * unit.factor)
        if core.vague is not None and not core.is_range:
            hedge = hedge or self.low(i)  # "dozens", "thousands" say how vague they are
        first = lead - len(words)
        if unit.kind == "length":
            return self.length_hit(first, end, span, hedge, core)
        precise = hedge is None and core.vague is None
        counted = self.counted(end, unit.kind)
        return _Hit(first, end, unit.kind, *span, unit.unit, hedge, counted, precise)

    def post_hedge(self, j: int, how: str | None) -> tuple[int, str | None, str | None]:
        """ "300 or more", "300 or so": a hedge written after the number."""
        if how is None and self.seq(j, ("or", "more")):
            return j + 2, "min", "or more"
        if how is None and self.seq(j, ("or", "so")):
            return j + 2, "about", "or so"
        return j, how, None

    def after_aged(self, first: int) -> bool:
        """An age: "aged 65", "ages 5 to 12", "aged 24, 31 and 45"."""
        k = first - 1
        while k >= max(self.floor, first - 12) and (
            self.low(k) in _AGE_LIST or self.kind(k) == "num"
        ):
            k -= 1
        return self.low(k) in ("aged", "age", "ages")

    def year_hit(self, i: int, core: _Core, end: int) -> _Hit | None:
        """A bare "2018" is a year, not a count; so is "in 1850" after a time preposition."""
        text = self.toks[i].text
        early = len(text) == 4 and text.isdigit() and self.low(i - 1) in _YEAR_PREPS
        if end != i + 1 or not (_is_year(text) or (early and 1000 <= core.value < 1900)):
            return None
        year = core.value
        return _Hit(i, end, "date", year, year, "year", None, "", True)

    # -- lengths

    def length_hit(
        self, first: int, end: int, span: tuple[float, float], hedge: str | None, core: _Core
    ) -> _Hit:
        """A length, with its parenthesised conversion, dimension and two-sided total."""
        end = self.conversion_end(end)
        dim_end, dimension = self.dimension(end)
        noun = ""
        if dimension != "distance":  # "a corridor 4 miles wide", "a 12-km-wide zone"
            noun = self.noun_before(first) or self.noun_after(dim_end)
        counted = f"{noun} {dimension}".strip()
        precise = hedge is None and core.vague is None
        hit = _Hit(first, dim_end, "length", span[0], span[1], "km", hedge, counted, precise)
        return self.both_sides(hit, noun) or hit

    def conversion_end(self, j: int) -> int:
        """Past "(3.7 miles)" right after a length: a conversion is not a second claim."""
        if self.low(j) != "(":
            return j
        k = j + 1
        while k < min(len(self.toks), j + 6) and self.low(k) != ")":
            k += 1
        inside = range(j + 1, k)
        has_unit = any(self.low(t) in _LENGTH for t in inside)
        return k + 1 if self.low(k) == ")" and has_unit else j

    def dimension(self, j: int) -> tuple[int, str]:
        """ "wide" / "-wide" / "long" after a length; else it is a distance."""
        k = self.skip_hyphen(j)
        if self.low(k) in _DIMENSIONS:
            return k + 1, _DIMENSIONS[self.low(k)]
        return j, "distance"

    def noun_before(self, first: int) -> str:
        """The noun a measure applies to when it directly precedes it ("a corridor 4 km wide")."""
        k = first - 1
        if k < self.floor or self.kind(k) != "word" or not self.is_noun_like(k):
            return ""
        if _plural(self.low(k)):
            return ""  # "the zone stretches 20 km deep": a verb, most likely
        return _noun(self.low(k))

    def noun_after(self, j: int) -> str:
        """ "a 12-km-wide buffer zone": the head noun after the dimension word."""
        words = self.phrase_words(j)
        return _noun(self.low(words[-1])) if words and self.is_noun_like(words[-1]) else ""

    def is_noun_like(self, k: int) -> bool:
        t = self.low(k)
        if t in _FUNCTION or t in _WEEKDAYS or t in _MONTHS or t in _DIMENSIONS:
            return False
        return not t.endswith(("ed", "ing", "ly")) and t not in _MEASURE_VERBS

    def both_sides(self, hit: _Hit, noun: str) -> _Hit | None:
        """ "6 km to the north and 6 km south" / "6 km on each side": one total width."""
        counted = f"{noun} width".strip()
        j = hit.end
        k = j + int(self.low(j) in ("on", "to", "along", "at"))
        if self.low(k) in ("each", "either", "both") and self.low(k + 1) in ("side", "sides"):
            return _Hit(
                hit.first,
                k + 2,
                "length",
                2 * hit.low,
                2 * hit.high,
                "km",
                hit.hedge,
                counted,
                hit.precise,
            )
        return self.two_directions(hit, counted)

    def direction(self, j: int) -> tuple[str, int] | None:
        """ "to the north", "north", "northwards": the compass point and its end."""
        if self.low(j) in ("to", "on"):
            j += 1
        if self.low(j) in ("the", "its"):
            j += 1
        w = self.low(j).removesuffix("s").removesuffix("ward")
        return (w, j + 1) if w in _OPPOSITE else None

    def two_directions(self, hit: _Hit, counted: str) -> _Hit | None:
        first = self.direction(hit.end)
        if first is None or self.low(first[1]) != "and":
            return None
        start2 = first[1] + 1
        core = self.digit_core(start2) or self.word_core(start2)
        unit = self.unit_at(core.end, start2) if core else None
        if core is None or unit is None or unit.kind != "length":
            return None
        lo2, hi2 = _hedged(core, None, True)
        end2 = self.conversion_end(unit.end)
        second = self.direction(end2)
        if second is None or second[0] != _OPPOSITE[first[0]]:
            return None
        low, high = hit.low + lo2 * unit.factor, hit.high + hi2 * unit.factor
        return _Hit(hit.first, second[1], "length", low, high, "km", hit.hedge, counted, False)

    # -- counted noun

    def counted(self, j: int, kind: str) -> str:
        """Normalised head of what a figure counts, from the words after it.

        A percent only counts what follows "of" ("40% of the vote"), money what
        follows "of"/"in" ("$5m in aid"): words right after them are verbs or
        time phrases far more often than nouns.
        """
        if kind == "percent" and self.low(j) != "of":
            return ""
        if kind == "money":
            return self.noun_phrase(j + 1) if self.low(j) in ("of", "in") else ""
        head = self.noun_phrase(j)
        if head == "" and kind == "count":
            return self.number_of_before(j)
        return head

    def noun_phrase(self, j: int) -> str:
        """ "Turkish soldiers have" -> "turkish soldier"; "of the rebel fighters" -> "fighter"."""
        if self.low(j) == "of":
            j += 1 + int(self.low(j + 1) in _DETERMINERS)
        elif self.low(j) == "-" and self.glued(j) and self.glued(j + 1):
            j += 1  # "a 12-point plan"
        words = self.phrase_words(j)
        if not words:
            return ""
        head = words[-1]
        if self.low(head).endswith("ed") or _noun(self.low(head)) in _SKIPPABLE:
            return ""
        mods = [self.low(k) for k in words[:-1] if self.capital(k)]
        return " ".join([*mods, _noun(self.low(head))])

    def phrase_words(self, j: int) -> list[int]:
        """Up to four words after a figure, stopping at punctuation or a function word."""
        words: list[int] = []
        k = j
        while k < len(self.toks) and len(words) < 4 and self.kind(k) == "word":
            t = self.low(k)
            if t in _FUNCTION and t not in _SKIPPABLE:
                break
            if words and t.endswith("ed") and not self.glued(k):
                break
            if t in _WEEKDAYS or (t in _MONTHS and self.capital(k)):
                break
            if t not in _SKIPPABLE:
                words.append(k)
            if _plural(t):
                break
            k = self.skip_hyphen(k + 1)
        return words

    def number_of_before(self, j: int) -> str:
        """ "the number of Turkish soldiers killed ... to 59": the head of that phrase.

        "the death toll rose to 2,300" counts deaths.
        """
        for k in range(j - 2, max(self.floor, j - 16) - 1, -1):
            if self.low(k) in ("number", "total", "tally", "toll") and self.low(k + 1) == "of":
                return self.noun_phrase(k + 1)
            if self.low(k) == "toll" and self.low(k - 1) == "death":
                return "death"
        return ""


# ---------------------------------------------------------------- public


@lru_cache(maxsize=8192)
def extract(text: str) -> tuple[Quantity, ...]:
    """Every number-like claim of one sentence, with local offsets into ``text``.

    Cached: grouping and comparison both read each sentence's figures, and the
    result (a tuple of frozen Quantities) is safe to share.
    """
    parser = _Parser(text)
    return tuple(_quantity(text, parser.toks, hit) for hit in parser.run())


def _quantity(text: str, toks: list[_Tok], hit: _Hit) -> Quantity:
    """The public form of a parsed claim: character offsets and the words as written."""
    start, end = toks[hit.first].start, toks[hit.end - 1].end
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        kind=hit.kind,
        low=hit.low,
        high=hit.high,
        unit=hit.unit,
        hedge=hit.hedge,
        counted=hit.counted,
        precise=hit.precise,
    )


def _head_and_mods(counted: str) -> tuple[str, frozenset[str]]:
    words = counted.split()
    return (words[-1], frozenset(words[:-1])) if words else ("", frozenset())


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Do two quantities measure the same kind of thing (same unit, compatible heads)?

    Heads must match; modifiers ("turkish", "corridor") only block when both
    sides have some and they share none. Counts need a head on both sides;
    durations, times, money and percent without a head match any head.
    """
    if a.kind != b.kind or a.unit != b.unit:
        return False
    head_a, mods_a = _head_and_mods(a.counted)
    head_b, mods_b = _head_and_mods(b.counted)
    if a.kind in _WILDCARD_KINDS and (head_a == "" or head_b == ""):
        return True
    if a.kind == "count" and head_a == "":
        return False
    if head_a != head_b:
        return False
    return not (mods_a and mods_b and not mods_a & mods_b)


def _close(x: float, y: float) -> bool:
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= 1e-9 * max(1.0, abs(x), abs(y))


def _overlap(a: Quantity, b: Quantity, shift: float = 0.0) -> bool:
    """Do the intervals meet (touching counts), with b moved by ``shift``?"""
    lo, hi = b.low + shift, b.high + shift
    return (a.low <= hi and lo <= a.high) or _close(a.low, hi) or _close(lo, a.high)


def relate(a: Quantity, b: Quantity) -> Relation | None:
    """How two claims about the same thing relate: same, precision, conflict; None if apart.

    Weekdays wrap around: "midnight on Sunday" [6, 7] meets "midnight Monday" [0, 1].
    """
    if not same_thing(a, b):
        return None
    if _close(a.low, b.low) and _close(a.high, b.high):
        return "same"
    shifts = (0.0, 7.0, -7.0) if a.unit == "weekday" else (0.0,)
    return "precision" if any(_overlap(a, b, s) for s in shifts) else "conflict"
