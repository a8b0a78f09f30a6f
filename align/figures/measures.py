"""Measures: a number with its hedge, unit and what it counts, read as one claim.

* Hedges, on the nominal value x, exclude or include the figure itself:
  "more than"/"over"/"above" give (x, inf), "at least"/"or more" [x, inf),
  "nearly"/"almost"/"close to" [0.9x, x), "under"/"fewer than" [0, x),
  "up to"/"as many as"/"no more than" [0, x], and "about"/"around"/"roughly"/
  "some"/"an estimated"/"or so" widen to at least [0.93x, 1.07x].
* Measurements (lengths, areas, speeds, durations, money, percent) are read to
  their last stated digit, so a rounded conversion such as "6 km (3.7 miles)"
  agrees with "6 km" while "6 km" and "7 km" stay disjoint.
* Ranges are one interval ("200-300", "5 to 6 hours", "between 50 and 60");
  compound durations add up ("3 hours 20 minutes", "two and a half days").
* A figure with its conversion in brackets is one claim ("20-kilometre
  (12-mile)"). An extent on both sides of a line ("6 km to the north and 6 km
  south", "6 km north and south of the road", "two miles either side of the
  river") is one width of the total.
* Fractions and ratios are percent of what follows: "half of the residents"
  50, "one in five adults" 20. Standalone years (1900-2100) are unit "year".
* Not claims: ages ("65-year-old", "aged 65"), ordinals ("12th").
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import QuantityKind
from .lexicon import (
    AGE_LIST,
    AREA,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DIMENSIONS,
    DURATION,
    FRACTIONS,
    FUNCTION,
    HALF,
    HEDGES,
    LENGTH,
    MONTHS,
    ONES,
    OPPOSITE,
    SAY_VERBS,
    SENTENCE_ENDS,
    SPEED,
    TENS,
    WEEKDAYS,
    YEAR_PREPS,
)
from .numerals import (
    Core,
    and_a_half,
    digit_core,
    hedged,
    is_year,
    range_core,
    sign_start,
    word_core,
)
from .subject import counted, noun_after, noun_before, noun_phrase, plural
from .tokens import Hit, Stream

COMPASS_POINTS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"}
)


class Unit(NamedTuple):
    """What follows a number: its kind, factor to the canonical unit, and extent."""

    kind: QuantityKind
    factor: float
    unit: str
    end: int


def fraction_at(s: Stream, i: int) -> Hit | None:
    """ "half of", "two-thirds of", "one in five", "3 out of 10": a percent."""
    part = fraction(s, i)
    found = part or ratio(s, i)
    if found is None:
        return None
    value, end = found
    hit = build(s, i, i, Core(value, 0.0, end), Unit("percent", 1.0, "%", end))
    if hit is None or part is not None:
        return hit
    return hit._replace(counted=noun_phrase(s, hit.end))  # "one in five adults"


def ratio(s: Stream, i: int) -> tuple[float, int] | None:
    """ "one in five" / "3 out of 10" as a percent, and the token after it."""
    first = digit_core(s, i) or word_core(s, i)
    if first is None or first.vague is not None:
        return None
    j = first.end
    k = j + 2 if s.seq(j, ("out", "of")) else j + 1 if s.low(j) == "in" else -1
    second = (digit_core(s, k) or word_core(s, k)) if k > 0 else None
    if second is None or second.vague is not None or is_year(s.low(k)):
        return None
    if not 0 < first.value <= second.value <= 1000:
        return None
    return 100 * first.value / second.value, second.end


def fraction(s: Stream, i: int) -> tuple[float, int] | None:
    """The percent a fraction word stands for, and the token after it."""
    w = s.low(i)
    if w == "half":
        count, j = 1, i
    elif w in ("a", "one"):
        count, j = 1, i + 1
    elif w in ONES and ONES[w] < 10:
        count, j = ONES[w], s.skip_hyphen(i + 1)
    else:
        return None
    name = FRACTIONS.get(s.low(j).removesuffix("s"))
    if name is None or s.low(j + 1) != "of" or (w == "half") != (j == i):
        return None
    if s.low(j + 2) in ("a", "an") and s.low(j + 3) in DURATION:
        return None  # "a quarter of an hour" is a duration, left to the next word
    return count * name, j + 1


def measure_at(s: Stream, i: int) -> Hit | None:
    core = digit_core(s, i) or word_core(s, i)
    if core is None:
        return None
    core = and_a_half(s, range_core(s, i, core))
    unit = unit_at(s, core.end, i)
    if unit is None:
        return None
    half = s.seq(unit.end, ("and", "a", "half")) and s.low(unit.end + 3) != "-"  # "a half-day"
    if unit.kind == "duration" and core.vague is None and half:
        # "an hour and a half", "two days and a half": the half is stated, after the unit
        core = core._replace(value=core.value + 0.5, half=HALF * 0.5)  # a spoken fraction
        unit = unit._replace(end=unit.end + 3)
    if unit.kind == "duration":
        core, unit = compound_duration(s, core, unit)
    return build(s, sign_start(s, i), i, core, unit)


def compound_duration(s: Stream, core: Core, unit: Unit) -> tuple[Core, Unit]:
    """ "3 hours 20 minutes", "2 hours and 30 minutes": one duration, in hours.

    The total is precise to the smaller unit's stated digit.
    """
    j = unit.end + int(s.low(unit.end) in ("and", ","))
    if core.vague is not None:
        return core, unit
    second = digit_core(s, j) or word_core(s, j)
    tail = unit_at(s, second.end, j) if second is not None else None
    if second is None or tail is None or tail.kind != "duration" or tail.factor >= unit.factor:
        return core, unit
    hours = core.value * unit.factor + second.value * tail.factor
    total = Core(hours, second.half * tail.factor, second.end)
    return total, Unit("duration", 1.0, "h", tail.end)


def unit_at(s: Stream, j: int, first: int) -> Unit | None:
    """The unit after a number (None for an age); a bare number is a count."""
    if sign_start(s, first) < first:
        sign = s.low(first - 1)
        return Unit("money", 1.0, CURRENCY_SIGNS.get(sign) or CURRENCY_CODES[sign], j)
    k = s.skip_hyphen(j)
    w = s.low(k)
    if w in ("%", "percent", "pct") or s.seq(k, ("per", "cent")):
        return Unit("percent", 1.0, "%", k + (2 if w == "per" else 1))
    if w in CURRENCY_WORDS:
        return Unit("money", 1.0, CURRENCY_WORDS[w], k + 1)
    measured = speed_or_area(s, k)
    if measured is not None:
        return measured
    if w in LENGTH and (w not in ("m", "mi", "ft") or s.glued(k) or k == j):
        return Unit("length", LENGTH[w], "km", k + 1)
    if w in DURATION:
        if w.startswith("year") and (is_age_tail(s, k + 1) or after_aged(s, first)):
            return None
        return Unit("duration", DURATION[w], "h", k + 1)
    if after_aged(s, first) and not plural(s.low(j)):
        return None
    return Unit("count", 1.0, "", j)


def speed_or_area(s: Stream, k: int) -> Unit | None:
    """ "45 mph", "72 km/h", "30 miles per hour", "12 knots"; "40 sq km", "300 hectares"."""
    w = s.low(k)
    if w in SPEED:
        return Unit("speed", SPEED[w], "km/h", k + 1)
    if w in LENGTH and s.low(k + 1) == "/" and s.low(k + 2) in ("h", "hr", "hour"):
        return Unit("speed", LENGTH[w], "km/h", k + 3)
    if w in LENGTH and (s.seq(k + 1, ("per", "hour")) or s.seq(k + 1, ("an", "hour"))):
        return Unit("speed", LENGTH[w], "km/h", k + 3)
    if w in AREA:
        return Unit("area", AREA[w], "km2", k + 1)
    if w in ("square", "sq") and s.low(k + 1 + int(s.low(k + 1) == ".")) in LENGTH:
        side = k + 1 + int(s.low(k + 1) == ".")
        return Unit("area", LENGTH[s.low(side)] ** 2, "km2", side + 1)
    if w in LENGTH and s.low(k + 1) in ("2", "²") and s.glued(k + 1):
        return Unit("area", LENGTH[w] ** 2, "km2", k + 2)
    return None


def build(s: Stream, lead: int, i: int, core: Core, unit: Unit) -> Hit | None:
    """Assemble hedge, interval and counted noun into a claim (``lead``: sign or number)."""
    n = s.hedge_before(lead, HEDGES)
    words, how = HEDGES[n] if n >= 0 else ((), None)
    end, how, post = post_hedge(s, unit.end, how)
    hedge = " ".join(words) or post or None
    if unit.kind == "count" and hedge is None and core.vague is None:
        year = year_hit(s, i, core, end)
        if year is not None:
            return year
    value = hedged(core, how, unit.kind != "count")
    if core.vague is not None and not core.is_range:
        hedge = hedge or s.low(i)  # "dozens", "thousands" say how vague they are
    hit = Hit(
        first=lead - len(words),
        end=end,
        kind=unit.kind,
        low=value.low * unit.factor,
        high=value.high * unit.factor,
        unit=unit.unit,
        hedge=hedge,
        counted="",
        precise=hedge is None and core.vague is None,
        low_open=value.low_open,
        high_open=value.high_open,
    )
    if unit.kind == "length":
        return length_hit(s, hit)
    return hit._replace(counted=counted(s, end, unit.kind))


def post_hedge(s: Stream, j: int, how: str | None) -> tuple[int, str | None, str | None]:
    """ "300 or more", "300 or so", "97 dead and counting": a hedge after the number."""
    if how is None and s.seq(j, ("or", "more")):
        return j + 2, "min", "or more"
    if how is None and s.seq(j + 1, ("and", "counting")):
        return j, "min", "and counting"
    if how is None and s.seq(j, ("or", "so")):
        return j + 2, "about", "or so"
    return j, how, None


def after_aged(s: Stream, first: int) -> bool:
    """An age: "aged 65", "ages 5 to 12", "aged 24, 31 and 45", "aged sixty five" (its
    second word too), "at the age of 84"."""
    k = first - 1
    while k >= max(s.floor, first - 12) and (
        s.low(k) in AGE_LIST or s.kind(k) == "num" or s.low(k) in ONES or s.low(k) in TENS
    ):
        k -= 1
    while k > first - 4 and s.low(k) in AGE_HEDGES:  # "aged over sixty five", "aged at least 70"
        k -= 1
    return s.low(k) in ("aged", "age", "ages") or (s.low(k) == "of" and s.low(k - 1) == "age")


AGE_HEDGES = frozenset({"over", "under", "about", "around", "nearly", "almost", "at", "least"})


def year_hit(s: Stream, i: int, core: Core, end: int) -> Hit | None:
    """A bare "2018" is a year, not a count; so is "in 1850" after a time preposition."""
    text = s.toks[i].text
    early = len(text) == 4 and text.isdigit() and s.low(i - 1) in YEAR_PREPS
    if end != i + 1 or not (is_year(text) or (early and 1000 <= core.value < 1900)):
        return None
    year = core.value
    return Hit(i, end, "date", year, year, "year", None, "", True)


def length_hit(s: Stream, hit: Hit) -> Hit:
    """A length, with its bracketed conversion, dimension and two-sided total."""
    end = conversion_end(s, hit.end)
    dim_end, dim = dimension(s, end)
    noun = ""
    if dim != "distance":  # "a corridor 4 miles wide", "a 12-km-wide zone"
        noun = noun_before(s, hit.first) or noun_after(s, dim_end)
    else:  # "84 miles northeast of Kansas City": a distance from a named place
        noun = reference_place(s, dim_end)
    hit = hit._replace(end=dim_end, counted=f"{noun} {dim}".strip())
    return both_sides(s, hit, noun) or hit


def reference_place(s: Stream, j: int) -> str:
    """The named place a distance is measured from: "from Kansas City", "(to the)
    northeast of Kunming", "outside Kanpur"; "" when none follows."""
    j += int(s.low(j) in ("to", "away"))
    j += int(s.low(j) == "the")
    j += int(s.low(j).removesuffix("ern").replace("-", "") in COMPASS_POINTS)
    if s.low(j) in ("-",):
        j += 2  # "north-east" read as three tokens
    if s.low(j) not in ("of", "from", "outside"):
        return ""
    j += 1 + int(s.low(j + 1) == "the")
    words: list[str] = []
    while s.capital(j) and len(words) < 4:
        words.append(s.low(j))
        j += 1
    return " ".join(words)


LOCATED_REACH = 12  # words before a distance read for the place it locates
LOCATED_WORDS = 4  # words of that place kept ("Mendon, Missouri"), nearest first


def located_place(s: Stream, first: int) -> str:
    """The place a distance from a named place locates: the nearest name before the
    figure in its sentence, its words in a row or a comma apart ("in Mendon,
    Missouri, about 84 miles northeast of Kansas City": "mendon missouri"; "the
    village of Behun, about 30 km south of Idlib": "behun"); "" when no name
    stands within ``LOCATED_REACH`` words ("The crash occurred about 100 miles
    ...": its first word is a name only when it is not a function word)."""
    stop = max(-1, first - 1 - LOCATED_REACH)
    k = first - 1
    while k > stop and not _name_at(s, k):
        if s.low(k) in SENTENCE_ENDS:
            return ""
        k -= 1
    words: list[str] = []
    while k > stop and (_name_at(s, k) or (s.low(k) == "," and _name_at(s, k - 1))):
        if s.low(k) != ",":
            words.append(s.low(k))
        k -= 1
    return " ".join(reversed(words[:LOCATED_WORDS]))  # the nearest words: places meet word by word


def _name_at(s: Stream, k: int) -> bool:
    """Token k is a word of a name a distance may locate: capitalised, not a month or
    weekday, nor the sentence's first word when that is a function word ("The"); not
    a source ("The USGS said the epicentre was 71 km ...", "Police said") nor an
    owner ("Morocco's institute put the epicentre 56 km ...")."""
    low = s.low(k)
    if not s.capital(k) or low in MONTHS or low in WEEKDAYS or (k == 0 and low in FUNCTION):
        return False
    owner = s.toks[k].text.endswith(("'s", "’s"))
    return not owner and s.low(k + 1) not in SAY_VERBS


def conversion_end(s: Stream, j: int) -> int:
    """Past "(3.7 miles)" right after a length: a conversion is not a second claim."""
    if s.low(j) != "(":
        return j
    k = j + 1
    while k < min(len(s.toks), j + 6) and s.low(k) != ")":
        k += 1
    inside = range(j + 1, k)
    has_unit = any(s.low(t) in LENGTH for t in inside)
    return k + 1 if s.low(k) == ")" and has_unit else j


def dimension(s: Stream, j: int) -> tuple[int, str]:
    """ "wide" / "-wide" / "long" after a length; else it is a distance."""
    k = s.skip_hyphen(j)
    if s.low(k) in DIMENSIONS:
        return k + 1, DIMENSIONS[s.low(k)]
    return j, "distance"


def both_sides(s: Stream, hit: Hit, noun: str) -> Hit | None:
    """One total width for an extent on both sides of a line.

    "6 km on each side", "two miles either side of the river", "6 km north and
    south of the road" are twice the figure; "6 km to the north and 5 km
    south" is the sum of both.
    """
    width = hit._replace(counted=f"{noun} width".strip(), precise=False)
    # a zone's depth ("a corridor six kilometres deep"), not a hole's or the snow's
    zone = hit.counted.endswith("depth") and noun in ZONES
    each = each_side(s, hit.end, EACH_SIDE_REACH if zone else 1)
    if each is not None:
        return width._replace(end=each, low=2 * hit.low, high=2 * hit.high)
    after = hit.end + int(zone and noun_at(s, hit.end, noun))  # "a 6-km-deep corridor north"
    first = direction(s, after)
    if first is None or s.low(first[1]) != "and":
        return None
    opposite = direction(s, first[1] + 1)
    if opposite is not None and opposite[0] == OPPOSITE[first[0]]:
        return width._replace(end=opposite[1], low=2 * hit.low, high=2 * hit.high)
    second = second_side(s, first[1] + 1, OPPOSITE[first[0]])
    if second is None:
        return None
    return width._replace(end=second[2], low=hit.low + second[0], high=hit.high + second[1])


def each_side(s: Stream, j: int, reach: int) -> int | None:
    """The end of "on each side" ("either side", "both sides") at token j, or for a
    zone's depth (``reach`` > 1) a few words of its verb later, "on" a side "of" what it
    flanks ("six kilometres deep is to be created on each side of the road"; not "after
    both sides exchanged fire"), before any clause's end or other figure."""
    for k in range(j, min(s.count, j + reach)):
        m = k + int(s.low(k) in ("on", "to", "along", "at"))
        if s.low(m) in ("each", "either", "both") and s.low(m + 1) in ("side", "sides"):
            flanks = m > k and s.low(m + 2) == "of"
            return m + 2 if k == j or flanks else None
        if s.kind(k) != "word" or s.low(k) in ("and", "or", "but", "while", "with"):
            return None
    return None


EACH_SIDE_REACH = 6  # words between a zone's depth and "on each side of", at most
# What a depth on both sides of a line makes a width of: a zone's ground, not a hole's
ZONES = frozenset({"corridor", "zone", "area", "strip", "belt", "buffer", "band", "region"})


def noun_at(s: Stream, k: int, noun: str) -> bool:
    """Token k is the measured thing's noun ("corridor" of "a 6-km-deep corridor")."""
    return s.low(k) == noun or s.low(k).rstrip("s") == noun


def second_side(s: Stream, j: int, towards: str) -> tuple[float, float, int] | None:
    """ "6 km south" after "6 km to the north and" (or "6 km deep to the south" after "6
    km deep to the north and"): its interval (km) and end."""
    core = digit_core(s, j) or word_core(s, j)
    unit = unit_at(s, core.end, j) if core else None
    if core is None or unit is None or unit.kind != "length":
        return None
    value = hedged(core, None, True)
    end = conversion_end(s, unit.end)
    side = direction(s, end + int(s.low(end) == "deep"))  # "and six km deep to the south"
    if side is None or side[0] != towards:
        return None
    return value.low * unit.factor, value.high * unit.factor, side[1]


def direction(s: Stream, j: int) -> tuple[str, int] | None:
    """ "to the north", "north", "northwards": the compass point and its end."""
    if s.low(j) in ("to", "on"):
        j += 1
    if s.low(j) in ("the", "its"):
        j += 1
    w = s.low(j).removesuffix("s").removesuffix("ward")
    return (w, j + 1) if w in OPPOSITE else None


def skip_at(s: Stream, i: int) -> int:
    """Past an age ("65-year-old") so its parts are not read; else i + 1."""
    j = s.skip_hyphen(i + 1)
    if s.low(j) in ("year", "years") and is_age_tail(s, j + 1):
        return j + 1
    return i + 1


def is_age_apposition(s: Stream, i: int) -> bool:
    """ "Putin, 67, said": a small whole number set off by commas after a name is an
    age, not a count of anything."""
    return (
        s.low(i - 1) == ","
        and s.low(i + 1) == ","
        and s.capital(i - 2)
        and s.low(i - 2) not in MONTHS
        and s.low(i - 2) not in WEEKDAYS
        and s.low(i).isdigit()
        and 0 < int(s.low(i)) < 120
    )


def is_age_tail(s: Stream, j: int) -> bool:
    return s.low(j) == "old" or (s.low(j) == "-" and s.low(j + 1) == "old")


# --- figures that are not the story's ----------------------------------------------

KIN = frozenset(
    {"father", "mother", "parent", "grandfather", "grandmother", "grandparent", "mum", "dad"}
)
CHILDREN = frozenset({"children", "kids", "sons", "daughters", "boys", "girls", "babies"})


def is_kin_count(s: Stream, i: int) -> bool:
    """ "Ahmed, 34, a father of three", "Father-of-three George": how many children one
    person has, not a count of the story. "the mother of three children killed in the
    strike" counts the children killed."""
    of = i - 1 - int(s.low(i - 1) == "-")
    parent = of - 1 - int(s.low(of - 1) == "-")
    return s.low(of) == "of" and s.low(parent) in KIN and s.low(i + 1) not in CHILDREN


# A match's score: "lost 3-2", "a 2-1 win", "drew 0-0 with"
SCORE_BEFORE = frozenset(
    {"lost", "won", "beat", "defeated", "drew", "led", "trailed", "thrashed", "edged", "tied"}
    | {"lose", "win", "beating", "losing", "winning", "leading", "trailing", "scoreline"}
    | {"ended", "finished"}
)
# What follows a score after its verb: no noun or unit ("won 40-45% of the vote", "win
# 60-70 seats" are ranges)
SCORE_FOLLOWERS = frozenset(
    {"to", "in", "at", "against", "on", "with", "over", "after", "and", "but", "for", "from"}
    | {"as", "when", "while", "before", "thanks", "", ",", ".", ";", ":", "(", "-", "–", "—"}
)
SCORE_AFTER = frozenset({"loss", "win", "victory", "defeat", "draw", "lead", "scoreline"})


def is_score(s: Stream, i: int) -> bool:
    """A number of a match's score ("Arema lost 3-2 to Persebaya", "after their 3-2 home
    loss"): two small numbers joined by a dash, after a verb of the match or before its
    noun; not a count of the story, nor a range."""
    first = i - 2 if s.low(i - 1) in ("-", "–") and s.glued(i - 1) else i
    second = first + 2
    if not (s.low(first + 1) in ("-", "–") and s.glued(first + 1) and s.glued(second)):
        return False
    if not all(s.low(k).isdigit() and len(s.low(k)) <= 2 for k in (first, second)):
        return False
    after = second + 1 + int(s.low(second + 1) in ("home", "away"))
    if s.low(after) in SCORE_AFTER:
        return True
    return s.low(first - 1) in SCORE_BEFORE and s.low(second + 1) in SCORE_FOLLOWERS


def is_page_measure(s: Stream, i: int) -> bool:
    """A number of no claim of the story: a page's reading time ("6 min read", "a
    5-minute read") or a temperature ("minus 7 degrees Celsius", "40°C"), whose degrees
    were counted as killed beside the cold's deaths."""
    k = s.skip_hyphen(i + 1)
    if s.low(k) in READ_MINUTES and s.low(s.skip_hyphen(k + 1)) == "read":
        return True
    if s.low(k) in ("–", "to", "and") and s.kind(k + 1) == "num":  # "38 to 41 degrees"
        k += 2
    elif s.kind(k) == "num" and k > i + 1:  # "38-41 degrees": past the hyphen already
        k += 1
    return s.low(k) in DEGREES


READ_MINUTES = frozenset({"min", "mins", "minute", "minutes"})
DEGREES = frozenset({"degree", "degrees", "°", "°c", "°f", "ºc", "ºf"})


# A forecast: a tally's word, a modal (or "expected to"), a verb of growth and the figure
SPECULATIVE = frozenset({"could", "may", "might"})  # "2,000 more could be displaced"
FORECASTING = SPECULATIVE | {"will", "'ll", "’ll"}  # "would": narrative
EXPECTED = frozenset({"expected", "likely", "set", "feared", "projected", "forecast"})
GROWTH = frozenset(
    {"rise", "climb", "reach", "top", "exceed", "hit", "grow", "increase", "swell", "double"}
    | {"surpass", "soar", "jump", "mount"}
)
ADVERBS = frozenset({"even", "further", "eventually", "well", "soon", "still", "yet"})
TALLY = frozenset({"toll", "number", "tally", "figure", "count", "total", "casualties"})
TOLLS = frozenset({"toll", "tally", "casualties"})  # what "will rise to" forecasts, not plans
TALLY_GAP = 6  # words between a tally's word and its modal ("the number of the displaced could")


def is_forecast(s: Stream, hit: Hit) -> bool:
    """A figure a tally is forecast to reach: "the toll could rise to 150", "the number of
    displaced may reach 1.5 million", "the toll is expected to climb above 300", "expect
    the toll to climb to 300", "the toll will rise to 40"; or a count of more to come,
    "2,000 more could be displaced". Another outlet's count of what has happened is no
    answer to it. Plans keep their figures ("aid will reach 40,000 people", "the number
    of monitors will rise to 500"), as do "would climb" (past narrative) and "may have
    died" (what happened, uncertainly)."""
    k = hit.first - 1 - int(s.low(hit.first - 1) == "to")
    if s.low(k) in GROWTH:
        k -= 1
        while s.low(k) in ADVERBS:
            k -= 1
        tallies = TALLY if _speculates(s, k) else TOLLS  # "the number ... will rise": a plan
        forecast = _speculates(s, k, FORECASTING) or (
            s.low(k) == "to" and (s.low(k - 1) in EXPECTED or s.low(k - 1) in TALLY)
        )
        return forecast and any(s.low(j) in tallies for j in range(k - TALLY_GAP, k))
    if hit.kind != "count" or s.low(hit.end) != "more":
        return False
    modal = next((j for j in (hit.end + 1, hit.end + 2) if _speculates(s, j)), -1)
    return modal >= 0 and s.low(modal + 1) not in ("have", "not")


def _speculates(s: Stream, j: int, modals: frozenset[str] = SPECULATIVE) -> bool:
    """Token j is one of ``modals`` ("May", inside a sentence, is the month)."""
    return s.low(j) in modals and not (s.low(j) == "may" and s.capital(j) and j > 0)
