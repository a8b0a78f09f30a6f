"""Number words and digits: the bare value of a figure and its stated precision.

``digit_core`` reads "59", "3,200", "380 000", "3.6 million", "80K", "$5m";
``word_core`` reads "thirteen", "twenty-one", "a dozen", "half a million",
"dozens", "hundreds of thousands", "several hundred". Both give a ``Core``:
the nominal value, half the size of its last stated digit (so "3.6 million" is
3.6 million +- 0.049 million), and for vague amounts the conventional interval
("dozens" [24, 99]). ``hedged`` turns a core and its hedge into an interval
with open or closed bounds. Digits inside names and codes ("M4", "Su-24",
"Russia 24", list markers) are not figures (``is_code``).
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from .lexicon import (
    AREA,
    CLOCK,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DETERMINERS,
    DIGITS,
    DURATION,
    FEW,
    FUNCTION,
    GLUED_OK,
    HALF,
    HEDGES,
    LENGTH,
    MAX_DIGITS,
    MONTHS,
    ONES,
    PRONOUN_ONE,
    ROLE_OF,
    SCALES,
    STARTS,
    SUFFIX_SCALES,
    TENS,
    TENS_OF,
    VAGUE,
    WEEKDAYS,
)
from .subject import plural
from .tokens import Stream, is_list_marker

# A number as European text writes it, dots between thousands and a comma before the
# decimals ("1.234.567", "1.234,5", "380.000"), or a decimal comma alone ("3,6")
EUROPEAN = re.compile(r"(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,3}))?|(\d{1,3}),(\d{1,2})")
# Plurals that measure rather than count: "3.250 points" may be a decimal in English
MEASURES = frozenset(
    {"points", "degrees", "tonnes", "tons", "kilograms", "kilos", "grams", "milligrams"}
    | {"litres", "liters", "gallons", "barrels", "hectares", "acres", "megawatts", "watts"}
    | {"dollars", "euros", "pounds", "pence", "cents", "rupees", "yen", "francs", "units"}
)


class Core(NamedTuple):
    """A bare number: nominal value, half-width of its stated precision, extent."""

    value: float
    half: float  # half-width of the stated precision (0 for an exact integer count)
    end: int  # token index after the number (and its scale word)
    vague: tuple[float, float] | None = None
    scaled: bool = False
    scale: float = 1.0  # the scale word's factor ("million": 1e6)
    is_range: bool = False  # "200-300": vague holds the two stated ends


class Interval(NamedTuple):
    """A figure's value range before unit conversion; open bounds exclude the value."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False


def digits(text: str) -> tuple[float, float] | None:
    """Value of "3,200" / "380 000" / "3.6" / "59" and the size of its last stated digit."""
    if DIGITS.fullmatch(text) is None:
        return None
    plain = text.replace(",", "").replace(" ", "")
    if len(plain) > MAX_DIGITS + 1:
        return None
    frac = plain.partition(".")[2]
    return float(plain), 10.0 ** -len(frac)


def is_year(text: str) -> bool:
    """A bare four-digit number that reads as a year."""
    return len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100


def clock_value(text: str) -> tuple[int, int] | None:
    """Hours and minutes of "00:01" / "00.01" / "0001", if valid."""
    m = CLOCK.fullmatch(text)
    if m is None:
        return None
    hh, mm = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    h, mi = int(hh), int(mm)
    return (h, mi) if h <= 24 and mi < 60 and (h < 24 or mi == 0) else None


def hull(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), max(a[1], b[1])


# How far "about" reaches either side (or the stated precision, when wider).
# "about 84 miles" and "about 100 miles" are two readings of a distance (a real
# set's gold: conflict, so under 8.7%); "about 180" and "about 200" passengers
# may be one crowd estimated twice (an invented set's gold: compatible, so at
# least 5.3%). 7% sits between.
ABOUT = 0.07
ROUND_FROM = 1000  # counts this large ending in zeros are read as rounded


def place_of(x: float) -> int:
    """The last stated place of a whole number: 1,800 -> 100, 59 -> 1."""
    n, place = int(x), 1
    while n and n % (place * 10) == 0:
        place *= 10
    return place


def rounding(x: float) -> float:
    """Half the last stated place of a round count: "12,000" homes is 12,000 - 490,
    "1,800" 1,800 - 49 (upwards a whole place: a count may be cut, not rounded), while
    "1,881" and "59" are exact."""
    if x < ROUND_FROM or x != int(x):
        return 0.0
    n, place = int(x), 1
    while n % (place * 10) == 0:
        place *= 10
    return HALF * place if place > 1 else 0.0


def round_slack(x: float) -> tuple[float, float]:
    """How far below and above a round count the count it stands for may lie
    (``rounding``): half its last stated place either way with one significant digit
    ("2,000": 1,510 to 2,490), up to a whole place above with two or more, as a count
    may be cut ("1,800": 1,751 to 1,898); none for an exact one ("59", "1,881")."""
    half = rounding(x)
    return (half, 2 * half) if x >= 10 * place_of(x) else (half, half)


def hedged(core: Core, how: str | None, measure: bool) -> Interval:
    """The interval a (possibly hedged) number stands for, before unit conversion.

    Hedges exclude or include the figure itself: "more than x" is (x, inf),
    "at least x" [x, inf), "nearly x" [0.9x, x), "under x" [0, x), "up to x"
    [0, x]; "about x" widens the stated precision to at least ``ABOUT`` either side.
    Bare counts are exact unless round (``rounding``).
    """
    x = core.value
    half = core.half if (measure or core.scaled) else 0.0
    if core.is_range and core.vague is not None:  # its ends as stated ("1,000 to 2,000")
        low, high = core.vague
        if how is None and half == 0.0:  # each round end as a round count ("380,000 to")
            return Interval(low - round_slack(low)[0], high + round_slack(high)[1])
        return Interval(low - half, high + half)
    if how is None and half == 0.0 and core.vague is None:
        # a round count is rounded, and one of two digits or more maybe cut: "1,800
        # injured" may be 1,881 (not 1,700); "1,000,000" stays 1 million +- half (cut,
        # it would reach 2)
        below, above = round_slack(x)
        if below:
            return Interval(x - below, x + above)
    stated = Interval(x - half, x + half)
    if core.vague is not None:
        return Interval(*core.vague)
    if how == "above":
        return Interval(x, math.inf, low_open=True)
    if how == "min":
        return Interval(x, math.inf)
    if how == "below":
        return Interval(0.0, x, high_open=True)
    if how == "max":
        return Interval(0.0, x)
    if how == "near":
        return Interval(0.9 * x, x, high_open=True)
    if how == "about":
        return Interval(*hull((stated.low, stated.high), ((1 - ABOUT) * x, (1 + ABOUT) * x)))
    return stated


def is_code(s: Stream, i: int) -> bool:
    """Digits that are part of a name, code, URL or list marker, not a figure."""
    if glued_to_name(s, i) or is_list_marker(s, i):
        return True
    if s.glued(i + 1) and not suffix_ok(s, i + 1):
        return True
    return after_name(s, i)


def glued_to_name(s: Stream, i: int) -> bool:
    """ "M4", "a69535", "M-4", "COVID-19", "/2020/": letters or a path glued before."""
    if not s.glued(i):
        return False
    before = s.low(i - 1)
    if s.kind(i - 1) == "word" or before in ("/", "#", "_", "\\", "["):
        return True
    return before == "-" and s.glued(i - 1) and s.kind(i - 2) == "word"


def suffix_ok(s: Stream, j: int) -> bool:
    """What may be glued after digits: units, scales, ordinals, "%", "a.m.", a comma..."""
    t = s.low(j)
    if s.kind(j) != "word":
        return t not in ("/", "_", "-") or (t == "-" and s.kind(j + 1) in ("word", "num"))
    if t in ("a", "p"):
        return s.low(j + 1) == "."
    return t in GLUED_OK or t in LENGTH or t in DURATION


def after_name(s: Stream, i: int) -> bool:
    """ "Russia 24", "Resolution 2254": a capitalised name right before the digits.

    Function words, months, weekdays and hedges are not names, and in a
    title-case line ("Turkey Says 59 Soldiers Died") the next word is
    capitalised too, so the figure is kept (unless that word is in capitals:
    "Boeing 737 MAX").
    """
    if not s.capital(i - 1) or s.low(i - 1) in FUNCTION or known_word(s, i - 1):
        return False
    following = s.toks[i + 1].text if s.kind(i + 1) == "word" else ""
    return not following[:1].isupper() or (len(following) > 1 and following.isupper())


def known_word(s: Stream, i: int) -> bool:
    """Capitalised words that may stand before a figure (month, weekday, hedge)."""
    t = s.low(i)
    if t in MONTHS or t in WEEKDAYS or t in CURRENCY_CODES:
        return True
    return any(t == w[-1] for w, _ in HEDGES)


def digit_core(s: Stream, i: int) -> Core | None:
    """ "59", "3,200", "3.6 million", "80K": digits with their scale word or suffix."""
    if s.kind(i) != "num" or is_code(s, i) or is_ordinal(s, i):
        return None
    parsed = european(s, i) or digits(s.toks[i].text)
    if parsed is None:
        return None
    return scaled(s, parsed[0], parsed[1], i + 1, sign_start(s, i) < i)


def counts_after(s: Stream, j: int) -> bool:
    """A count's plural noun at ``j``, maybe after two capitalised words ("Turkish
    soldiers"), that is no unit, scale or measure; or a role ("injured", "dead")."""
    if s.low(j) in ROLE_OF:
        return True
    units = (SCALES, LENGTH, DURATION, AREA, CURRENCY_WORDS, MEASURES)
    for k in range(j, j + 3):
        word = s.low(k)
        if any(word in unit for unit in units):
            return False  # "1.250 Million Syrians": a scale, in a headline's capitals
        if plural(word) and s.kind(k) == "word":
            return True
        if not s.capital(k):
            return False
    return False


def european(s: Stream, i: int) -> tuple[float, float] | None:
    """The value and last digit's size of a number in European notation (a translation's
    "380.000 deaths", "3,6 million refugees", "1.234.567"), else None.

    Two dot groups or more, or dots then a comma, can be nothing else. A single group
    ("380.000", "1.200 Turkish soldiers", "2.000 injured") is thousands only before a
    count's noun or its role (``counts_after``): no one counts deaths to three decimals,
    while "1.125 million", "2.125 km", "3.785 gallons" and "0.500" are decimals. A
    decimal comma ("3,6") only before a scale word: "pages 3,6 and 9" is a list.
    """
    m = EUROPEAN.fullmatch(s.toks[i].text)
    if m is None:
        return None
    nxt = s.low(i + 1)
    if m[3] is not None:
        if nxt not in SCALES:
            return None
        return float(f"{m[3]}.{m[4]}"), 10.0 ** -len(m[4])
    whole, decimals = m[1].replace(".", ""), m[2] or ""
    single = m[1].count(".") == 1 and not decimals
    if single and (m[1].startswith("0") or sign_start(s, i) < i or not counts_after(s, i + 1)):
        return None
    if len(whole) > MAX_DIGITS:
        return None
    value = float(f"{whole}.{decimals}") if decimals else float(whole)
    return value, 10.0 ** -len(decimals)


def is_ordinal(s: Stream, i: int) -> bool:
    nxt = s.low(i + 1)
    return s.glued(i + 1) and nxt in ("st", "nd", "rd", "th", "s")


def sign_start(s: Stream, i: int) -> int:
    """Index of a currency sign before token i ("$5", "US$5", "EUR 5"), else i."""
    if s.low(i - 1) in CURRENCY_CODES and s.kind(i) == "num":
        return i - 1 if s.toks[i - 1].text.isupper() else i
    if not (s.glued(i) and s.low(i - 1) in CURRENCY_SIGNS):
        return i
    return i - 2 if s.glued(i - 1) and s.low(i - 2) in ("us", "a", "c") else i - 1


def millions_of(s: Stream, k: int) -> bool:
    """ "3.6m" before a plural is millions of it ("3.6m people"), and before a name's or
    a participle's word and a plural ("3.6m Syrian refugees", "2m displaced people");
    not "a 3.6m wall", "the 100m Olympic finals" or "4m Roman walls"."""
    if plural(s.low(k)):
        return True
    modifier = s.kind(k) == "word" and (s.capital(k) or s.low(k).endswith("ed"))
    named = s.low(k - 3) not in ("a", "an", "the")  # "the 100m Olympic finals": a length
    many = s.low(k + 1)
    people = many in MILLIONS_OF or many.endswith(AGENT_PLURALS)  # "3m Kenyan farmers"
    return modifier and named and people  # (not "4m Roman walls")


# Plural endings of words for people: "migrants", "residents", "tourists", "refugees"
AGENT_PLURALS = ("ants", "ents", "ists", "ians", "ees")  # (not "barriers", "containers")
# What millions after a word of a name or a participle count: people, mostly
MILLIONS_OF = frozenset(
    {"people", "refugees", "migrants", "voters", "children", "workers", "residents"}
    | {"civilians", "citizens", "users", "viewers", "customers", "households", "families"}
    | {"passengers", "jobs", "doses", "afghans"}  # (and words in ``AGENT_PLURALS``)
    | {"farmers", "commuters", "players", "fans", "subscribers", "listeners", "readers"}
    | {"members", "pensioners", "taxpayers", "teachers", "drivers", "supporters"}
)


def scaled(s: Stream, value: float, step: float, j: int, money: bool = False) -> Core:
    """Apply a scale word or suffix after a number ("million", "80K", "$5m", "two dozen")."""
    if s.glued(j) and s.low(j) == "m" and (money or millions_of(s, j + 1)):
        return Core(value * 1e6, HALF * step * 1e6, j + 1, None, True, 1e6)
    word = s.low(s.skip_hyphen(j))
    if word in SCALES:
        scale = SCALES[word]
        end = s.skip_hyphen(j) + 1
        rest = s.low(end)
        if word == "thousand" and s.kind(end) == "num" and rest.isdigit() and len(rest) <= 3:
            # "3 thousand 138" (a translation of "3 bin 138"): 3,138, exactly
            return Core(value * scale + int(rest), 0.0, end + 1)
        return Core(value * scale, HALF * step * scale, end, None, True, scale)
    if s.glued(j) and word in SUFFIX_SCALES:
        scale = SUFFIX_SCALES[word]
        return Core(value * scale, HALF * step * scale, j + 1, None, True, scale)
    if word == "dozen":
        return Core(value * 12, 0.0, j + 1)
    return Core(value, HALF * step, j)


def word_core(s: Stream, i: int) -> Core | None:
    """Number words: "thirteen", "twenty-one", "a million", "a dozen", "half an hour"."""
    w = s.low(i)
    if w not in STARTS:
        return None
    if w in TENS or w in ONES:
        return or_compound(s, i, tens_word(s, i, w) if w in TENS else one_word(s, i, w))
    if w in ("a", "an"):
        head = article_core(s, i)
        return or_compound(s, i, head) if head is not None and head.scaled else head
    if w == "half" and s.low(i + 1) in ("a", "an"):
        inner = article_core(s, i + 1)
        if inner is None:
            return None
        # "half a million" is 0.5 million: stated to a tenth of the scale
        half = inner.half / 10
        return Core(inner.value / 2, half, inner.end, None, inner.scaled, inner.scale)
    return vague_core(s, i)


def or_compound(s: Stream, i: int, head: Core | None) -> Core | None:
    """``head``, or the number words of several parts at token i where they read further
    ("a hundred and five", not "a hundred")."""
    if head is None:
        return None
    longer = compound(s, i)
    return longer if longer is not None and longer.end > head.end else head


def tens_word(s: Stream, i: int, w: str) -> Core:
    """ "twenty", "twenty-one", "forty million"."""
    value, end = below_hundred(s, i) or (float(TENS[w]), i + 1)
    return scaled(s, value, 1.0, end)


def below_hundred(s: Stream, i: int, spaced: bool = False) -> tuple[float, int] | None:
    """ "seven", "nineteen", "forty", "forty-eight", "forty eight" (as speakers and
    transcripts write it) at token i: value and end. Not "twenty five-year-olds" (twenty
    of them), unless after "hundred and" (``spaced``)."""
    w = s.low(i)
    if w in ONES:
        return float(ONES[w]), i + 1
    if w not in TENS:
        return None
    j = s.skip_hyphen(i + 1)
    if (j > i + 1 or spaced or s.low(j + 1) != "-") and ONES.get(s.low(j), 10) < 10:
        return float(TENS[w] + ONES[s.low(j)]), j + 1
    return float(TENS[w]), i + 1


def below_thousand(s: Stream, i: int) -> tuple[float, float, int] | None:
    """ "five", "one hundred and five", "twenty-one hundred" at token i: value, the place
    of its last stated digit, end."""
    head = below_hundred(s, i)
    if head is None and s.low(i) in ("a", "an") and s.low(i + 1) in SCALES:
        head = 1.0, i + 1  # "a hundred and five", "a thousand"
    if head is None:
        return None
    value, end = head
    k = s.skip_hyphen(end)
    if s.low(k) != "hundred":
        return value, 1.0, end
    rest = below_hundred(s, k + 1 + int(s.low(k + 1) == "and"), spaced=True)
    if rest is None or s.low(s.skip_hyphen(rest[1])) == "hundred":  # "... and three hundred"
        return value * 100, 100.0, k + 1
    return value * 100 + rest[0], 1.0, rest[1]


BIG_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def compound(s: Stream, i: int) -> Core | None:
    """Number words of several parts, as a speaker or a translation says them: "one
    hundred and five", "two hundred thousand", "two thousand and twelve", "one million
    two hundred thousand", "three point six million"."""
    group = below_thousand(s, i)
    if group is None:
        return None
    value, place, end = group
    digits = decimal_words(s, end + 1) if s.low(end) == "point" and place == 1.0 else ""
    if digits:
        value, place = float(f"{int(value)}.{digits}"), 10.0 ** -len(digits)
        end += 1 + len(digits)
    total, last = 0.0, float("inf")
    while True:
        k = s.skip_hyphen(end)
        scale = BIG_SCALES.get(s.low(k), 0.0)
        if not scale or scale >= last:
            break
        total, last, end = total + value * scale, scale, k + 1
        place *= scale
        nxt = below_thousand(s, end + int(s.low(end) == "and"))
        if nxt is None:
            return Core(total, HALF * place, end, None, True, scale)
        value, after = nxt[0], nxt[2]
        then = s.low(s.skip_hyphen(after))
        if BIG_SCALES.get(then, last) < last:
            place, end = nxt[1], after  # "one million two hundred thousand"
        elif last == 1e3 and then not in SCALES:  # "two thousand and twelve"
            return Core(total + value, HALF * nxt[1], after)
        else:  # "between two thousand and three thousand"
            return Core(total, HALF * place, end, None, True, scale)
    if total:
        return Core(total + value, HALF * place, end)
    return Core(value, HALF * place, end, None, place != 1.0, place if place > 1 else 1.0)


def decimal_words(s: Stream, k: int) -> str:
    """The digits said one by one from token k ("six", "zero five" after "point")."""
    digits = ""
    while (word := s.low(k + len(digits))) == "zero" or ONES.get(word, 10) < 10:
        digits += str(ONES.get(word, 0))
    return digits


def one_word(s: Stream, i: int, w: str) -> Core | None:
    """ "one".."nineteen", except "one of", "no one", "one-on-one" and "the two"."""
    if w == "one" and (s.low(i + 1) == "of" or s.low(i - 1) in PRONOUN_ONE or s.one_on_one(i)):
        return None
    if ONES[w] <= 2 and s.low(i - 1) in DETERMINERS:
        return None
    return scaled(s, ONES[w], 1.0, i + 1)


def article_core(s: Stream, i: int) -> Core | None:
    """ "a"/"an" standing for one: before a scale word, "dozen" or a unit."""
    nxt = s.low(i + 1)
    if nxt in SCALES:
        return scaled(s, 1.0, 1.0, i + 1)
    if nxt == "dozen":
        return Core(12.0, 0.0, i + 2)
    if (nxt in DURATION and nxt != "second") or (nxt in LENGTH and len(nxt) > 2):
        return Core(1.0, HALF, i + 1)
    if nxt == "few":
        return vague_core(s, i + 1, i)
    return None


def vague_core(s: Stream, i: int, first: int | None = None) -> Core | None:
    """ "dozens (of)", "hundreds of thousands", "several hundred", "a few"."""
    w = s.low(i)
    for words, span in TENS_OF.items():
        if w == words[0] and s.seq(i, words):
            return Core(span[0], 0.0, i + 3, span)
    if w in VAGUE:
        return Core(VAGUE[w][0], 0.0, i + 1, VAGUE[w])
    if w in FEW and (w != "few" or first is not None):
        scale = SCALES.get(s.low(i + 1), 1.0)
        lo, hi = FEW[w]
        end = i + 1 + int(scale > 1)
        return Core(lo * scale, 0.0, end, (lo * scale, hi * scale))
    return None


def range_core(s: Stream, i: int, core: Core) -> Core:
    """ "200-300", "5 to 6", "between 50 and 60 million": one interval, low to high."""
    j = core.end
    if core.vague is not None or not range_separator(s, i, j):
        return core
    second = digit_core(s, j + 1) if s.kind(i) == "num" else word_core(s, j + 1)
    if second is None or second.vague is not None:
        return core
    low = core.value * (second.scale if core.scale == 1.0 else 1.0)
    if second.value <= low or is_year(s.low(i)):
        return core
    ends = (low, second.value)
    return Core(low, second.half, second.end, ends, second.scaled, second.scale, True)


def range_separator(s: Stream, i: int, j: int) -> bool:
    """A dash between glued numbers, "to" (not "from x to y"), or "between x and"."""
    sep = s.low(j)
    if sep in ("-", "–"):
        return s.glued(j) and s.glued(j + 1) and s.kind(i) == "num"
    if sep == "to":
        return s.low(i - 1) != "from"
    return sep == "and" and s.low(i - 1) == "between"


def and_a_half(s: Stream, core: Core) -> Core:
    """ "two and a half (hours)": the half is stated, so precision is a tenth."""
    if core.vague is not None or not s.seq(core.end, ("and", "a", "half")):
        return core
    return Core(core.value + 0.5, HALF * 0.1, core.end + 3)
