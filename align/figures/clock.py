"""Times and dates: clock times, named times, calendar dates, weekdays and years.

* Times of day are minutes after midnight: "0001", "00.01", "00:01" and "a
  minute after midnight" are all 1; "11:45 pm" is 1425. "Midnight" alone is
  [0, 1]: the minute after midnight is how a "from midnight" start is usually
  announced. Time hedges: "shortly after x" [x, x+60], "shortly before x"
  [x-60, x], "about x" [x-30, x+30]. A clock time's ``counted`` is "utc" for
  GMT/UTC, else "" (local time, said or not); times in GMT are not compared with
  local ones.
* Dates are month*31+day ("March 15", "15 March", "Feb. 3", "March 5, 2020",
  "2020-03-05"). Weekdays are unit "weekday" (Monday 0 .. Sunday 6).
  "Midnight on Thursday" names the boundary at either end of Thursday, so it
  reads [3, 4] and "midnight Friday" [4, 5] meets it (different precision),
  while plain "Thursday" vs "Friday" is a conflict.
"""

from __future__ import annotations

import datetime as dt
import re

from .lexicon import (
    DAYPARTS,
    DURATION,
    LENGTH,
    MONTHS,
    ONES,
    ORDINAL_DAYS,
    SCALES,
    TIME_HEDGES,
    TIME_MARKS,
    TIME_PREPS,
    TIME_ZONES,
    WEEKDAYS,
)
from .numerals import clock_value, digit_core, is_code, is_year, word_core
from .tokens import Hit, Stream, possessive_form


def time_at(s: Stream, i: int) -> Hit | None:
    found = offset_time(s, i) or named_time(s, i) or clock_time(s, i)
    if found is None:
        return None
    value, end = found
    place = place_zone(s, end)
    where = zone(s, i, end) if place is None else place[0]
    hit = time_hit(s, i, end if place is None else place[1], value)._replace(counted=where)
    return hit._replace(end=converted_time_end(s, hit.end))


PLACE_ZONE_WORDS = 2  # "UAE time", "New York time"


def place_zone(s: Stream, j: int) -> tuple[str, int] | None:
    """A zone named by its place after a time ("2am UAE time", "10pm UK time",
    "midnight Damascus time"): the place's words and "time" as the zone, and the token
    past it. Lower case "local time" is what a bare time means."""
    k = j
    while k < j + PLACE_ZONE_WORDS and s.capital(k) and s.low(k) not in WEEKDAYS:
        if s.low(k) == "time":  # "Syria Time"
            break
        k += 1
    if k == j or s.low(k) != "time":
        return None
    return " ".join(s.lows[j : k + 1]), k + 1


def converted_time_end(s: Stream, j: int) -> int:
    """Past "(2200 GMT)" right after a time: the same moment in another zone, not a
    second time."""
    if s.low(j) != "(" or s.kind(j + 1) != "num":
        return j
    if clock_value(s.low(j + 1)) is None and hour_h_minutes(s, j + 1) is None:  # "(21h01 GMT)"
        return j
    k = j + 2
    while k < min(s.count, j + 6) and s.low(k) != ")":
        k += 1
    return k + 1 if s.low(k) == ")" else j


def zone(s: Stream, i: int, end: int) -> str:
    """The time zone written with a clock time ("utc" for GMT/UTC, "utc+3" for
    "GMT+3", "aedt" for "AEDT"), else "" ("local time" is what a bare time means)."""
    for j in range(i, end):
        if s.low(j) in ("gmt", "utc"):
            offset = utc_offset(s, j + 1)
            return "utc" + (offset[0] if offset else "")
        if named_zone(s, j):
            return s.low(j)
    return ""


def named_zone(s: Stream, j: int) -> bool:
    """A zone other than GMT/UTC at ``j``, written in capitals ("AEDT", "EST"; "et" and
    "cat" in lower case are words)."""
    return s.low(j) in TIME_ZONES and s.toks[j].text.isupper()


SIGNS = {"+": "+", "-": "-", "−": "-"}


def utc_offset(s: Stream, j: int) -> tuple[str, int] | None:
    """An offset after "GMT"/"UTC" at ``j``, its sign glued to its digits ("+3",
    "+03:00", "-0530"): as written plainly ("+3", "-5:30"; "" for none) and the token
    past it. "09:30 GMT - 3 people died" has none."""
    sign, digits = SIGNS.get(s.low(j)), s.low(j + 1).replace(":", "")
    if sign is None or s.kind(j + 1) != "num" or not digits.isdigit() or len(digits) > 4:
        return None
    if not s.glued(j + 1):
        return None  # "09:30 GMT - 3 people died": a dash, then a count
    hours, minutes = (int(digits), 0) if len(digits) <= 2 else (int(digits[:-2]), int(digits[-2:]))
    if hours > 14 or minutes >= 60:
        return None
    plain = (
        "" if hours == minutes == 0 else f"{sign}{hours}" + (f":{minutes:02d}" if minutes else "")
    )
    return plain, j + 2


def time_hit(s: Stream, i: int, end: int, value: tuple[float, float]) -> Hit:
    """A time claim, widened by a time hedge right before it."""
    n = s.hedge_before(i, TIME_HEDGES)
    if n < 0:
        precise = value[0] == value[1]
        return Hit(i, end, "time", value[0], value[1], "min", None, "", precise)
    words, how = TIME_HEDGES[n]
    lo, hi = value
    lo, hi = {"after": (lo, hi + 60), "before": (lo - 60, hi)}.get(how, (lo - 30, hi + 30))
    return Hit(i - len(words), end, "time", lo, hi, "min", " ".join(words), "", False)


def offset_time(s: Stream, i: int) -> tuple[tuple[float, float], int] | None:
    """ "a minute after midnight", "ten minutes past noon"."""
    core = word_core(s, i) or digit_core(s, i)
    if core is None or core.vague is not None:
        return None
    j = core.end
    if s.low(j) not in ("minute", "minutes") or s.low(j + 1) not in (
        "after",
        "past",
        "before",
        "to",
    ):
        return None
    base = {"midnight": 0, "noon": 720, "midday": 720}.get(s.low(j + 2))
    if base is None:
        return None
    sign = 1 if s.low(j + 1) in ("after", "past") else -1
    value = float((base + sign * core.value) % 1440)
    return (value, value), j + 3


def named_time(s: Stream, i: int) -> tuple[tuple[float, float], int] | None:
    """ "midnight" (read [0, 1]) and "noon"; a following weekday is left to weekday_at."""
    word = s.low(i)
    if word not in ("midnight", "noon", "midday") or midnight_day(s, i + 1) is not None:
        return None
    return ((0.0, 1.0) if word == "midnight" else (720.0, 720.0)), i + 1


def clock_time(s: Stream, i: int) -> tuple[tuple[float, float], int] | None:
    """ "00:01", "00.01", "0001", "3 p.m.", "six in the morning"."""
    if s.kind(i) == "num" and not is_code(s, i):
        found = clock_digits(s, i)
    elif s.low(i) in ONES and ONES[s.low(i)] <= 12:
        found = daypart(s, i + 1, ONES[s.low(i)], 0)
        found = None if found is None else (found[0], time_mark_end(s, found[1]))
    else:
        found = None
    if found is None:
        return None
    minutes, end = found
    return (minutes, minutes), end


def clock_digits(s: Stream, i: int) -> tuple[float, int] | None:
    text = s.toks[i].text
    french = hour_h_minutes(s, i)
    if french is not None:
        return french[0], time_mark_end(s, french[1])
    hm = clock_value(text)
    if len(text) <= 2 and text.isdigit() and int(text) <= 12:
        found = daypart(s, i + 1, int(text), 0)
        return None if found is None else (found[0], time_mark_end(s, found[1]))
    if hm is None:
        return None
    meridiem = daypart(s, i + 1, hm[0], hm[1])
    if meridiem is not None:
        return meridiem[0], time_mark_end(s, meridiem[1])  # "10.01pm GMT"
    if not clock_context(s, i, text):
        return None
    return float((hm[0] % 24) * 60 + hm[1]), time_mark_end(s, i + 1)


def hour_h_minutes(s: Stream, i: int) -> tuple[float, int] | None:
    """A time written as the French write it, "01h00", "20h30", after a preposition of
    time ("at 20h30", "à 20h30"), with the hour's leading zero ("00h01") or its zone
    ("21h01 GMT"): minutes and end. Without any it is as often a length of time ("the
    talks took 6h30", "won the marathon in 2h01")."""
    hour, minutes = s.low(i), s.low(i + 2)
    if s.low(i + 1) != "h" or not (s.glued(i + 1) and s.glued(i + 2)):
        return None
    zoned = s.low(i + 3) in ("gmt", "utc") or named_zone(s, i + 3)
    if not (
        s.low(i - 1) in TIME_PREPS | {"à"} or (hour.startswith("0") and len(hour) == 2) or zoned
    ):
        return None
    if not (hour.isdigit() and len(hour) <= 2 and minutes.isdigit() and len(minutes) == 2):
        return None
    if int(hour) > 23 or int(minutes) > 59:
        return None
    return float(int(hour) * 60 + int(minutes)), i + 3


def clock_context(s: Stream, i: int, text: str) -> bool:
    """Is this "00.01"/"0001" a time rather than a decimal, year or count?"""
    if ":" in text:
        return True
    leading_zero = text.startswith("0") and len(text) in (4, 5)
    marked = s.low(i + 1) in TIME_MARKS or named_zone(s, i + 1)
    prep = s.low(i - 1) in TIME_PREPS
    if "." in text:
        if s.low(i - 1) == "to" and changed_to(s, i - 1):
            return leading_zero or marked  # "slid to 6.17": a rate; "moved to 5.30": a time
        nxt = s.low(i + 1)
        bare = nxt not in SCALES and nxt not in LENGTH and nxt not in DURATION
        priced = (
            s.low(i - 2) in PRICE_VERBS
            or nxt in ("per", "against", "points")
            or nxt in CURRENCIES
            or (nxt in ("to", "a") and s.low(i + 2 + int(s.low(i + 2) == "the")) in CURRENCIES)
        )
        return leading_zero or marked or (prep and bare and not priced and nxt not in PERCENT)
    return leading_zero or marked


def changed_to(s: Stream, to: int) -> bool:
    """A value's change before "to" at ``to`` ("the lira slid to 6.17", "the pound
    slipped back to 1.27", "a slide that had taken it to 6.17"): what follows is a
    value, not a time ("kick-off was moved to 5.30", "open 9.30 to 5.30"), unless what
    changed is a time ("the deadline slipped to 5.30", "sunset has crept to 8.15")."""
    k = to - 1 - int(s.low(to - 1) in CHANGE_ADVERBS)
    changed = s.low(k) in CHANGE_VERBS or (
        s.low(k) in ("it", "them") and s.low(k - 1) in ("taken", "took", "sent")
    )
    return changed and not any(s.low(m) in TIMED for m in range(max(0, k - TIMED_REACH), k))


CHANGE_VERBS = frozenset(
    {"rose", "risen", "rising", "fell", "fallen", "falling", "slid", "sliding", "slipped"}
    | {"climbed", "dropped", "jumped", "surged", "soared", "plunged", "tumbled", "sank"}
    | {"weakened", "strengthened", "firmed", "eased", "gained", "recovered", "rallied"}
    | {"dipped", "edged", "crept", "spiked", "declined", "increased", "decreased", "grew"}
)
CHANGE_ADVERBS = frozenset({"sharply", "slightly", "back", "up", "down", "further", "briefly"})
# What is a time when it changes: "the deadline slipped to 5.30"
TIMED = frozenset(
    {"deadline", "curfew", "kick", "kickoff", "sunset", "sunrise", "dawn", "dusk", "start"}
    | {"opening", "closing", "departure", "arrival", "hearing", "launch", "time", "times"}
)
TIMED_REACH = 5  # words before the verb where what changed is named


# "trading at 6.12", "closed at 6.13 per dollar": a price, not a time ("polls closed at
# 10.00" is a time: only trading says price without "per" or "against")
PRICE_VERBS = frozenset({"trading", "traded", "trades", "trade", "quoted", "priced"})
PERCENT = ("%", "percent")
# "6.25 to the dollar", "6.25 lira": a rate or a price
CURRENCIES = frozenset(
    {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "lira", "liras", "yuan"}
    | {"rouble", "roubles", "ruble", "rubles", "rupee", "rupees", "franc", "francs", "usd"}
)


def time_mark_end(s: Stream, j: int) -> int:
    """Include "GMT" (with an offset: "GMT+3"), "UTC", another zone ("AEDT"), "hrs",
    "hours" and "local time" in a clock time."""
    if s.low(j) in ("gmt", "utc"):
        offset = utc_offset(s, j + 1)
        return offset[1] if offset else j + 1
    if named_zone(s, j) or s.low(j) in ("hrs", "hours"):
        return j + 1
    if s.seq(j, ("local", "time")):
        return j + 2
    return j


def daypart(s: Stream, j: int, hour: int, minute: int) -> tuple[float, int] | None:
    """ "a.m."/"pm"/"o'clock"/"in the morning" after an hour, as minutes and end."""
    if hour > 12 or s.low(j) not in ("p", "a", "pm", "am", "o'clock", "o’clock", "in"):
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
        if s.seq(j, words) and (words[0] != "am" or spelled_am(s, j)):
            h = hour % 12 + max(shift, 0) if shift >= 0 else hour
            return float(h * 60 + minute), j + len(words)
    return in_the(s, j, hour, minute)


def spelled_am(s: Stream, j: int) -> bool:
    """ "am" after an hour at ``j - 1`` is the morning's where it cannot be the verb or
    a name ("AM stations", "3 AM candidates": Assembly Members): run into the hour
    ("3am"), after a preposition of time ("at 3 am", "around 3 AM"), or in capitals
    before no word or a name ("... 3 AM.", "3 AM Sunday")."""
    if s.glued(j) or s.low(j - 2) in TIME_PREPS | AROUND:
        return True
    return s.toks[j].text == "AM" and (s.kind(j + 1) != "word" or s.capital(j + 1))


AROUND = frozenset({"around", "about", "approximately"})


def in_the(s: Stream, j: int, hour: int, minute: int) -> tuple[float, int] | None:
    """ "six in the morning", "eight in the evening"."""
    if not s.seq(j, ("in", "the")) or s.low(j + 2) not in DAYPARTS:
        return None
    h = hour % 12 + DAYPARTS[s.low(j + 2)]
    return float(h * 60 + minute), j + 3


def date_at(s: Stream, i: int) -> Hit | None:
    """ "March 15", "Feb. 3", "15 March", with an optional ", 2020"; "2020-03-05"; after
    its weekday, "Saturday, March 14" (one figure: the weekday names the date's day)."""
    first = i
    if s.capital(i) and s.low(i) in WEEKDAYS:
        i += 1 + int(s.low(i + 1) == ",")
    found = iso_date(s, i) or dotted_date(s, i) or month_day(s, i) or day_month(s, i)
    if found is None:
        return None
    value, end = found
    if s.low(end) == "," and is_year(s.low(end + 1)):
        end += 2
    elif is_year(s.low(end)):
        end += 1
    return Hit(first, end, "date", value, value, "day", None, "", True)


DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)")


def dotted_date(s: Stream, i: int) -> tuple[float, int] | None:
    """ "15.03.2020": day, month and year, as Europe and Turkey write them (a point after
    the day: never the month first)."""
    m = DOTTED_DATE.fullmatch(s.low(i))
    if m is None:
        return None
    try:
        day = dt.date(int(m[3]), int(m[2]), int(m[1]))  # not "31.02.2024"
    except ValueError:
        return None
    return float(day.month * 31 + day.day), i + 1


def iso_date(s: Stream, i: int) -> tuple[float, int] | None:
    """ "2020-03-05": year, month and day joined by hyphens with no spaces."""
    parts = [s.low(i + k) for k in range(5)]
    if not (is_year(parts[0]) and parts[1] == parts[3] == "-"):
        return None
    if not all(s.glued(i + k) for k in range(1, 5)):
        return None
    month, day = parts[2], parts[4]
    if not (month.isdigit() and day.isdigit() and len(month) <= 2 and len(day) <= 2):
        return None
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return float(int(month) * 31 + int(day)), i + 5


def month_of(s: Stream, i: int, after_day: bool = False) -> tuple[int, int] | None:
    """The month named at token i (capitalised, abbreviation dot allowed) and its end;
    ``after_day``: also an abbreviation in lower case, as a wire's dateline writes it
    ("Moscow, 5 mar (EFE)"), but not "may" ("5 may die")."""
    if s.low(i) not in MONTHS:
        return None
    if not s.capital(i) and not (after_day and len(s.low(i)) <= 4 and s.low(i) != "may"):
        return None
    dot = s.low(i + 1) == "." and s.glued(i + 1) and len(s.low(i)) <= 4
    return MONTHS[s.low(i)], i + 1 + int(dot)


def day_of(s: Stream, i: int) -> tuple[int, int] | None:
    """A day of the month (1..31) at token i, with an optional "th" glued on."""
    t = s.low(i)
    if s.kind(i) != "num" or not t.isdigit() or len(t) > 2 or not 1 <= int(t) <= 31:
        return None
    end = i + 1
    if s.low(end) in ("st", "nd", "rd", "th") and s.glued(end):
        end += 1
    return int(t), end


def of_a_month(s: Stream, k: int) -> bool:
    """ "of" and a month's name at token k, the month owning nothing ("the second of
    March's two rallies" is no date)."""
    return s.low(k) == "of" and not possessive_form(s, k + 1)


def spelled_day(s: Stream, i: int) -> tuple[int, int] | None:
    """A day of the month in words at token i ("fifteenth", "twenty-first") and its end."""
    if s.low(i) in ORDINAL_DAYS:
        return ORDINAL_DAYS[s.low(i)], i + 1
    tens = {"twenty": 20, "thirty": 30}.get(s.low(i))
    unit = ORDINAL_DAYS.get(s.low(i + 2), 10) if s.low(i + 1) == "-" else 10
    if tens is None or unit > 9 or tens + unit > 31:
        return None
    return tens + unit, i + 3


def month_day(s: Stream, i: int) -> tuple[float, int] | None:
    """ "March 15", "Feb. 3rd", and as a speaker or a translation says it, "February
    twenty-seventh", "March the tenth" (an ordinal starting a compound is no day: "March
    first-time buyers"; nor is a number after "the": "In March the 15 guards left")."""
    month = month_of(s, i)
    day = (day_of(s, month[1]) or spelled_day(s, month[1])) if month else None
    if month is not None and day is None and s.low(month[1]) == "the" and s.low(i - 1) in DAY_PREPS:
        day = spelled_day(s, month[1] + 1) or ordinal_day(s, month[1] + 1)  # "on March the tenth"
    if (
        month is None
        or day is None
        or is_clock(s, day[1])
        or s.low(day[1]) in ("century", "centuries")
    ):
        return None
    if s.kind(month[1]) != "num" and s.low(day[1]) == "-" and s.glued(day[1]):
        return None
    return float(month[0] * 31 + day[0]), day[1]


# Words before a date said "March the tenth" ("March the first time" is no date)
DAY_PREPS = frozenset({"on", "from", "until", "till", "by", "since", "to", "before", "after"})


def ordinal_day(s: Stream, i: int) -> tuple[int, int] | None:
    """A day of the month with its ordinal's ending ("10th") at token i, and its end."""
    day = day_of(s, i)
    return day if day is not None and day[1] > i + 1 else None


def is_clock(s: Stream, k: int) -> bool:
    """A colon at token k and minutes glued to it: "March 10:30" is no date, "March 1:" is."""
    return s.low(k) == ":" and s.kind(k + 1) == "num" and s.glued(k + 1)


def day_month(s: Stream, i: int) -> tuple[float, int] | None:
    """ "15 March", "27th of February" (and a translation's "the 27 of February"); in
    words before "of" only ("the fifteenth of March": "the first March" is no date)."""
    day = day_of(s, i) or spelled_day(s, i)
    if day is not None and s.kind(i) != "num" and not of_a_month(s, day[1]):
        return None
    month = month_of(s, day[1] + int(s.low(day[1]) == "of"), after_day=True) if day else None
    if day is None or month is None or is_code(s, i):
        return None
    return float(month[0] * 31 + day[0]), month[1]


def midnight_day(s: Stream, j: int) -> tuple[int, int] | None:
    """A weekday right after "midnight" ("on Thursday", "Friday"): day and end."""
    if s.low(j) in ("on", ","):
        j += 1
    day = WEEKDAYS.get(s.low(j)) if s.capital(j) else None
    return None if day is None else (day, j + 1)


def weekday_at(s: Stream, i: int) -> Hit | None:
    """ "Thursday" [d, d]; "midnight on Thursday" / "Thursday at midnight" [d, d+1]."""
    if s.low(i) == "midnight":
        found = midnight_day(s, i + 1)
        if found is not None:
            return midnight_hit(s, i, found[1], found[0])
    if not s.capital(i) or s.low(i) not in WEEKDAYS:
        return None
    day = WEEKDAYS[s.low(i)]
    after = i + 1 + int(s.low(i + 1) in ("at", ","))
    if s.low(after) == "midnight":
        return midnight_hit(s, i, after + 1, day)
    return Hit(i, i + 1, "date", float(day), float(day), "weekday", None, "", True)


def midnight_hit(s: Stream, i: int, end: int, day: int) -> Hit:
    return Hit(i, end, "date", float(day), day + 1.0, "weekday", None, "midnight", False)
