"""The scope and source of a figure: which period or incident it covers, who says so.

Scopes ("since Feb. 3", "in February", "in recent weeks", "this year", "on
Thursday", "overnight", "in one attack") are found once per sentence. A
figure takes the scope written in its own clause, else one that opens the
sentence ("Since last December, more than 300 civilians ... while almost one
million ..."). Sources are "according to X" and "X said/says/reported/shows";
a figure takes the nearest one in its sentence.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Sequence

from ..model import NO_SCOPE, Scope
from .clock import day_of, spelled_day, time_at
from .lexicon import (
    CLAUSE_ENDS,
    DAYPARTS,
    EVENT_OF,
    FUNCTION,
    INCIDENT_WORDS,
    INCIDENTS,
    MONTHS,
    ONES,
    RELATIVE_DAYS,
    SAY_VERBS,
    SENTENCE_ENDS,
    TENS,
    TIME_UNITS,
    WEEKDAYS,
)
from .numerals import is_year
from .subject import OPENING_MARKS, noun
from .tokens import Hit, Stream, possessive_form

Found = tuple[int, int, Scope]  # first token, end token, scope
CLAUSE_MAX = 60  # tokens a clause may reach either side of a figure
OPENING = 3  # a scope starting within this many tokens opens the sentence
RECENT = frozenset({"past", "last", "recent", "previous"})
MONTH_KEYS = {number: name[:3] for name, number in reversed(MONTHS.items())}
WEEKDAY_NAMES = {number: name for name, number in WEEKDAYS.items()}
CONTRASTS = frozenset({"but", "however", "yet", "whereas"})
STOPS = CONTRASTS | {";"}  # where an opening scope stops applying
ONE_ATTACK = "one attack"  # the anchor of a count from one attack ("in an air strike")
ONE_DAY = "one day"  # a count "in a single day", of a day not named
NOON = "720 min"  # "noon" and "midday" as a moment, as "12 p.m." is
PERFECT = frozenset({"had", "has", "have"})  # a count "by" a day tells what had happened
TALLY_NOUNS = frozenset({"count", "tally", "toll", "figures", "estimate"})  # "by Friday's count"
FUTURE = frozenset({"will", "would", "must", "should", "shall", "could", "can", "may", "might"})
OPENING_SCOPES = 3  # the scopes before a figure that may name the day of "in one day"
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "officials", "who"})


def month_key(s: Stream, k: int) -> str:
    """The month named at token k ("feb" for "Feb." and "February"), or ""."""
    if not s.capital(k) or s.low(k) not in MONTHS:
        return ""
    return MONTH_KEYS[MONTHS[s.low(k)]]


def after_start_of(s: Stream, k: int) -> int:
    """Past "the beginning of", "the start of", "early", "late", "last"."""
    if s.low(k) == "the" and s.low(k + 1) in ("beginning", "start", "end") and s.low(k + 2) == "of":
        k += 3
    return k + int(s.low(k) in ("early", "late", "mid", "last", "-"))


def month_after_day(s: Stream, j: int) -> int:
    """The token of the month after a day of the month at ``j`` ("3 February", "the 3rd
    of February", "the third of February"), else ``j``."""
    at = j + int(s.low(j) == "the")
    day = day_of(s, at) or spelled_day(s, at)
    if day is None:
        return j
    k = day[1] + int(s.low(day[1]) == "of")
    return k if month_key(s, k) else j


def past_weekday(s: Stream, j: int) -> int:
    """Past a weekday a date follows ("Thursday, March 5", "Thursday 5 March"), else ``j``."""
    if not (s.capital(j) and s.low(j) in WEEKDAYS):
        return j
    k = j + 1 + int(s.low(j + 1) == ",")
    dated = month_key(s, k) or month_key(s, month_after_day(s, k))
    return k if dated else j


def since_at(s: Stream, k: int) -> Found | None:
    """ "since Feb. 3", "since 3 February", "since the 3rd of February", "since the
    beginning of February", "since last December", "since 2011", "since the offensive",
    "from the start of this year"."""
    if s.low(k) not in ("since", "from"):
        return None
    j = after_start_of(s, k + 1)
    if s.low(k) == "from" and j == k + 1:
        return None  # "from" opens a period only as "from the beginning of ..."
    day_before = False
    if s.low(k) == "since":
        j = past_weekday(s, j)  # "since Thursday, March 5": the date names the day
        at = month_after_day(s, j)
        day_before, j = at > j, at  # "since 3 February": the month after its day
    month = month_key(s, j)
    if month:
        end = j + 1 + int(s.low(j + 1) == "." and len(s.low(j)) <= 4)  # "Feb.", not "February."
        # "since Feb. 3", "since February third"; after "since 1 March" a number is the
        # sentence's ("... 34 died")
        if not day_before:
            day = day_of(s, end) or spelled_day(s, end)
            end = day[1] if day else end
        if is_year(s.low(end + int(s.low(end) == ","))):  # "since March 1 2020", "1 March, 2020"
            end += 1 + int(s.low(end) == ",")
        return k, end, Scope("period", month, "")
    if s.capital(j) and s.low(j) in WEEKDAYS:
        return k, j + 1, Scope("period", s.low(j), "")
    if s.seq(j, ("this", "year")) or s.seq(j, ("the", "year")):
        return k, j + 2, Scope("period", "this year", "")
    if s.kind(j) == "num" and len(s.low(j)) == 4:
        return k, j + 1, Scope("period", s.low(j), "")
    if s.low(j) == "the" and s.kind(j + 1) == "word" and s.low(j + 1) not in ("same",):
        end = j + 2
        while s.kind(end) == "word" and end < j + 4 and s.low(end) not in CLAUSE_ENDS:
            if s.low(end) in ("of", "in", "on", "and", "that", "which", "when"):
                break
            end += 1
        month = month_key(s, end + 1) if s.low(end) == "in" else ""
        if month:  # "since the offensive began in December": since December
            return k, end + 2, Scope("period", month, "")
        # "since the operation began": the operation's, not every beginning's
        last = end - 1 - int(s.low(end - 1) in BEGAN and end - 1 > j + 1)
        return k, end, Scope("period", noun(s.low(last)), "")
    return None


BEGAN = frozenset({"began", "begun", "started", "erupted"})  # not "escalated": another time


def recent_at(s: Stream, k: int) -> Found | None:
    """ "in the past week", "over the last two months", "in recent weeks", "last week",
    "this year", "so far this year"."""
    j = k + int(s.low(k) in ("in", "over", "during", "within"))
    j += int(s.low(j) == "the")
    if s.low(j) in RECENT:
        m = j + 1
        m += int(s.kind(m) == "num" or s.low(m) in ("few", "two", "three", "four", "several"))
        if s.low(m) in TIME_UNITS:
            if j == k and s.low(j) != "last":
                return None
            if j == k and s.low(m) == "year":  # "last year": the calendar year before
                return k, m + 1, Scope("dated", "last year", "")
            # "the past 24 hours" is not "the past 48 hours": the count is part of the anchor
            count = s.low(m - 1) + " " if m > j + 1 else ""
            return k, m + 1, Scope("period", f"recent {count}{TIME_UNITS[s.low(m)]}", "")
    if s.low(j) == "first":  # "in the first three days of March": a span of that month
        number = s.low(j + 1)
        m = j + 1 + int(s.kind(j + 1) == "num" or number in ONES or number in TENS)
        month = month_key(s, m + 2) if s.low(m) in TIME_UNITS and s.low(m + 1) == "of" else ""
        if month:
            count = f"{ONES.get(number, TENS.get(number, number))} " if m > j + 1 else ""
            end = m + 3 + int(is_year(s.low(m + 3)))  # "of March 2019": that year's
            year = f" {s.low(m + 3)}" if end > m + 3 else ""
            span = f"first {count}{TIME_UNITS[s.low(m)]} of {month}{year} span"
            return k, end, Scope("period", span, "")
    if s.low(k) == "this" and s.low(k + 1) in ("year", "month", "week"):
        return k, k + 2, Scope("period", "this " + s.low(k + 1), "")
    return span_of_fighting(s, k)


def span_of_fighting(s: Stream, k: int) -> Found | None:
    """ "in a month of fighting", "over three weeks of clashes": a span of the story's
    own, with its length ("1 month", "3 week"): it meets the same span, not one
    strike's toll ("lost nearly 60 soldiers in a month of fighting" against 34 in one
    strike) nor another span ("in a year of fighting"). A day's ("in a day of protests
    on Saturday") is the day's; hours are no span ("1,000 hours of footage"), nor years
    "of age"."""
    if s.low(k) not in ("in", "over", "during", "within"):
        return None
    count, unit = s.low(k + 1), s.low(k + 2)
    length = "1" if count in ("a", "one") else str(ONES.get(count, count))
    if not (length.isdigit() and TIME_UNITS.get(unit) in ("week", "month", "year")):
        return None
    if s.low(k + 3) != "of" or s.low(k + 4) == "age":
        return None
    return k, k + 3, Scope("period", f"{length} {TIME_UNITS[unit]} span", "")


# A part of a year before its number: "in summer 2019", "in the spring of 2018", "in
# late 2019", "in mid-2019".
YEAR_PARTS = frozenset({"spring", "summer", "autumn", "fall", "winter", "early", "late", "mid"})


def year_in(s: Stream, k: int) -> Found | None:
    """ "In 2012, 144 people died when a ferry sank", "Already in summer 2019, 400,000
    had fled", "in the autumn of 2018", "in mid-2019": a figure of that year's."""
    if s.low(k) not in ("in", "during"):
        return None
    j = k + 1 + int(s.low(k + 1) == "the")
    part = s.low(j) if s.low(j) in YEAR_PARTS else ""
    if part:
        j += 1 + int(s.low(j + 1) in ("of", "-"))
    elif j > k + 1:
        return None  # "in the 2019 offensive": which figure of it, unknown
    if s.kind(j) != "num" or not is_year(s.low(j)) or s.low(j + 1) == "s":
        return None  # (not "in the early 2000s": a decade)
    # a part of a year is its own anchor: "in summer 2019" is not all of 2019
    return k, j + 1, Scope("dated", f"{part} {s.low(j)}".strip(), "")


def month_in(s: Stream, k: int) -> Found | None:
    """ "in February", "during March" (a month with no day after it)."""
    if s.low(k) not in ("in", "during", "throughout"):
        return None
    month = month_key(s, k + 1)
    if not month or (s.kind(k + 2) == "num" and len(s.low(k + 2)) <= 2):
        return None
    return k, k + 2, Scope("period", month, "")


def published_on(date: str | None) -> dt.date | None:
    """The day an article's date ("YYYY-MM-DD", maybe with a time) names, if it does."""
    try:
        return dt.date.fromisoformat((date or "")[:10])
    except ValueError:
        return None


def on_the_day(scope: Scope, published: dt.date | None) -> Scope:
    """A toll of the night before the article's day (``published``) as that day, by its
    weekday as "on Thursday" keys one: in an article of Thursday 5
    March, "airstrikes overnight killed more than a dozen" is Thursday's toll, not
    another day's ("Thirteen people were also killed Wednesday"). "Today" and
    "yesterday" stay as they are, days of any toll: they often date the count, not
    the deaths ("Today the death toll is 125" of deaths on Saturday night). Nor is a
    weekday made a date: a page's date may be a day off (its zone, an update). A scope
    without a date to read from stays as it is."""
    if published is None or scope.kind != "incident" or scope.anchor:
        return scope
    if scope.text.lower() != "overnight":
        return scope
    return scope._replace(anchor=WEEKDAY_NAMES[published.weekday()])


CLOSING = ("in", "during", "throughout")  # the first word of a month's period ("in February")


def to_the_page(scope: Scope, published: dt.date | None) -> Scope:
    """A total over a period that runs to the page's day is that day's: "since the
    beginning of February" takes "to" and the page's date (59 soldiers on a page of 5
    March and 61 on one of 16 March are two days' totals; ``relate.same_run`` allows a
    page's date a day off), and so does the page's own month ("in March" on a page of
    March). A month before the page's ("in February" in March) is closed: it meets no
    period that runs on. A window back from the page's day ("in the past week") and a
    calendar period ("this month") take the page's date or its month, so they meet
    only the same window or month. A period since a year ("since 2011") hardly moves
    in days, "since then" may be any, a span ("from 1 to 4 March", "in a month of
    fighting") does not run on: they stay as they are."""
    anchor = scope.anchor
    if scope.kind != "period" or not anchor or "-" in anchor or anchor.endswith(" span"):
        return scope
    if anchor == BACK or is_year(anchor):
        return scope
    if anchor.startswith("this "):  # "this week", "this month", "this year"
        if published is None:
            return scope
        week = published.isocalendar()
        unit = anchor.removeprefix("this ")
        when = {"week": f"{week[0]}-w{week[1]}", "month": published.isoformat()[:7]}
        return scope._replace(anchor=f"{anchor} {when.get(unit, published.year)}")
    if anchor.startswith("recent "):  # "in the past week", "over the last 24 hours"
        return scope if published is None else scope._replace(anchor=f"{anchor} on {published}")
    opening = scope.text.split(maxsplit=1)[0].lower() if scope.text else ""
    named = scope.text.lower().rstrip(" .").endswith(MONTH_NAMES.get(anchor, " "))
    if named and opening in CLOSING and published and MONTH_NUMBERS[anchor] != published.month:
        return scope  # "in February" on a page of March: a month gone by
    day = published.isoformat() if published is not None else ""  # unknown: any day
    return scope._replace(anchor=f"{anchor} to {day}")


MONTH_NUMBERS = {key: number for number, key in MONTH_KEYS.items()}
# a month's key and the ends of its names as written ("feb": "february" or "feb")
MONTH_NAMES = {key: tuple(n for n in MONTHS if n[:3] == key) for key in MONTH_NUMBERS}


def another_months(scope: Scope, published: dt.date | None) -> Scope:
    """A month that opens the sentence as its period ("In May, 22 people died") and is
    neither the article's month nor the one before it: another event's, dated so (it meets
    only figures of that month). "In February" in an article of 5 March stays the story's
    period, as does "began in December and has sent 1 million fleeing"."""
    named = scope.kind == "period" and scope.text.startswith(("In ", "During "))  # opening
    number = MONTH_NUMBERS.get(scope.anchor) if named else None
    if number is None or published is None:
        return scope
    if number in (published.month, (published.month - 2) % 12 + 1):
        return scope
    return scope._replace(kind="dated")


def day_told(s: Stream, found: Sequence[Found], first: int) -> Scope | None:
    """The nearest of the last ``OPENING_SCOPES`` scopes in ``found`` that names a day,
    period or year and reaches the figure at ``first`` (no semicolon or contrast
    between: "In 2015, 40 died in a single day; this year, 30 ..." is this year's 30)."""
    for f in reversed(found[-OPENING_SCOPES:]):
        if f[2].kind not in ("incident", "dated", "period") or f[2].anchor in (ONE_DAY, ONE_ATTACK):
            continue
        between = range(f[1], first) if f[1] <= first else range(first, f[0])
        if len(between) <= 2 * CLAUSE_MAX and not any(s.low(k) in STOPS for k in between):
            return f[2]
    return None


def is_day(scope: Scope) -> bool:
    """Is it one day's ("on Feb. 27", ``day_on``)?"""
    return scope.kind == "incident" and scope.anchor[-1:].isdigit()


def day_on(s: Stream, k: int) -> Found | None:
    """ "on Feb. 27", "on 27 February": one day (an incident's count, not a period's)."""
    if s.low(k) != "on":
        return None
    month = month_key(s, k + 1)
    if month:  # "on Feb. 27", "on February twenty-seventh", "on March the tenth"
        j = k + 2 + int(s.low(k + 2) == ".")
        said = spelled_day(s, j + int(s.low(j) == "the"))
        day, end = (str(said[0]), said[1]) if said else (s.low(j), j + 1)
    else:  # "on 27 February"
        day, month, end = s.low(k + 1), month_key(s, k + 2), k + 3
    if not month or not (day.isdigit() and len(day) <= 2):
        return None
    return k, end, Scope("incident", f"{month} {int(day)}", "")


HEADING_MARKS = frozenset({":", "-", "–", "—"})
BULLETS = frozenset({"-", "–", "—", "•", "*", "·"})


def day_heading(s: Stream, k: int) -> Found | None:
    """ "March 1, 2020: Turkey downs two jets", "- 27 Feb - 34 soldiers die": a day heading
    a timeline's entry is the day of what the entry says."""
    if k > int(s.low(0) in BULLETS) or (k == 1 and s.glued(1)):
        return None
    heading = month_day_at(s, k)  # "March 1", "Feb. 27", "27 February"
    if heading is None or not heading[0]:
        return None
    month, day, end = heading
    end += int(s.low(end) == ",")
    end += int(is_year(s.low(end)))
    if s.low(end) not in HEADING_MARKS or s.low(end - 1) == ",":
        return None
    last = month_day_at(s, end + 1, month) if s.low(end) != ":" else None
    after = last[2] + int(is_year(s.low(last[2]))) if last else end
    if last is not None and s.low(after) in HEADING_MARKS:
        # "Feb 27 – Mar 5: 59 were killed", "March 3-5:": the days between
        return k, after + 1, Scope("period", f"{month} {day}-{last[0]} {last[1]}", "")
    return k, end + 1, Scope("incident", f"{month} {day}", "")


def day_span(s: Stream, k: int) -> Found | None:
    """ "between 1 and 27 February", "from 1 to 4 March", "between February 1 and 27",
    "from 28 February to 4 March": a period of days, met only by the same days (its
    numbers are no count)."""
    if s.low(k) not in ("between", "from"):
        return None
    first = month_day_at(s, k + 1)
    if first is None or s.low(first[2]) not in ("and", "to", "-", "–"):
        return None
    month, day, j = first
    second = month_day_at(s, j + 1, month)
    if second is None or not second[0]:
        return None  # "between 1 and 27" alone: no days
    end = second[2] + int(is_year(s.low(second[2])))
    anchor = f"{month or second[0]} {day}-{second[0]} {second[1]}"
    return k, end, Scope("period", anchor, "")


def month_day_at(s: Stream, j: int, month: str = "") -> tuple[str, int, int] | None:
    """A day of a month at token j, its month before it ("February 1") or after it ("1
    February"), or neither (a span's first day: "between 1 and ..."): month, day, end."""
    named = month_key(s, j)
    at = j + 1 + int(s.low(j + 1) == ".") if named else j
    day = day_of(s, at)
    if day is None:
        return None
    after = month_key(s, day[1]) if not named else ""
    return named or after or month, day[0], day[1] + int(bool(after))


# Words for a part of a day a count is taken at ("by Friday evening", "mid-morning").
DAY_PARTS = frozenset(DAYPARTS) | {"noon", "midday", "dawn", "nightfall", "dusk", "late", "early"}


def moment_at(s: Stream, k: int) -> Found | None:
    """ "as of 3am on Saturday", "as at Friday noon", "by Friday mid-morning", "by 5
    March", "as of early Friday", "by the end of Thursday", "by Friday's count", "by
    which time" (of the day named before it): the moment a count was taken, as a toll
    that rises is counted; it meets no count of another moment (``relate.scopes_fit``).
    "by" is a moment only with a day, in a sentence that tells what had happened by
    then (``by_moment``): "must leave by Friday", "by midnight" are deadlines."""
    if s.seq(k, ("by", "which", "time")) or s.seq(k, ("by", "then")):
        then = day_before(s, k)  # "searched until Wednesday, by which time": Wednesday's
        end = k + 2 + int(s.low(k + 1) == "which")
        return (k, end, Scope("moment", then, "")) if then else None
    if s.low(k) == "as" and s.low(k + 1) in ("of", "at"):
        j = k + 2
    elif s.low(k) == "by":
        j = k + 1
    else:
        return None
    parts: list[str] = []
    day = False
    while True:
        at = j + int(s.low(j) in ("on", "the", "at") and bool(parts))
        at += 2 * int(s.low(at) == "mid" and s.low(at + 1) == "-")  # "mid-morning"
        if not parts and s.seq(at, ("the", "end", "of")):  # "by the end of Thursday"
            parts.append("end")
            at += 3
        elif not parts and s.low(at) in ("early", "late"):  # "as of early Friday"
            parts.append(s.low(at))
            at += 1
        date = month_day_at(s, at)
        if s.capital(at) and s.low(at) in WEEKDAYS:
            parts.append(s.low(at))
            j, day = at + 1, True
        elif date is not None and date[0]:
            parts.append(f"{date[0]} {date[1]}")
            j, day = date[2], True
        elif s.low(at) in DAY_PARTS and (parts or s.low(at) in ("noon", "midday", "dawn")):
            parts.append(NOON if s.low(at) in ("noon", "midday") else s.low(at))
            j = at + 1
        elif (hit := time_at(s, at)) is not None:
            parts.append(f"{hit.low:g} min")  # "3am", "3 a.m." and "03:00" alike
            j = hit.end
        else:
            break
    if not day and parts and parts[0] in ("end", "early", "late"):
        return None  # "by the end of the week", "as of late": no day named
    counted = day and possessive_form(s, j - 1) and s.low(j) in TALLY_NOUNS
    if not parts or (possessive_form(s, j - 1) and not counted):
        return None  # (not "cut off by Monday's rockfall": whose, not when)
    j += int(counted)
    if s.low(k) == "by" and not (day and by_moment(s, k, j, counted)):
        return None  # a deadline, a forecast or an agent: "must leave by Friday", "by midnight"
    return k, j, Scope("moment", " ".join(sorted(set(parts))), "")  # "Friday 5pm", "5pm Friday"


# What may follow a moment "by" a day within a sentence: no noun ("flooded by late Sunday
# storms" names the storms, not when).
AFTER_MOMENT = FUNCTION | {"local"}


def by_moment(s: Stream, k: int, j: int, counted: bool) -> bool:
    """Whether "by" a day (tokens k to j) is the moment a count was taken: what had
    happened by then, in a perfect tense in its clause ("By Friday, the toll, which may
    rise, had reached 58", "100 bodies had been recovered by Friday evening"), or a day's
    own count in any tense but the future ("By Friday's count, 44 bodies were
    recovered"). Not a deadline or a forecast ("must reopen 12 more by the end of
    Thursday", "have said 40 schools will reopen by Monday", "will have restored power
    to 300 homes by Friday"), nor an agent ("flooded by late Sunday storms")."""
    inside = k > 0 and s.low(k - 1) not in OPENING_MARKS | {",", ";"}
    noun = s.kind(j) == "word" and s.low(j) not in AFTER_MOMENT and not s.capital(j)
    if noun and (inside or counted):
        return False
    reach = range(j, min(s.count, j + CLAUSE_MAX))
    ahead = range(j, next((i for i in reach if s.low(i) in (";", ".")), reach.stop))
    if counted:
        return not any(s.low(i) in FUTURE and not s.capital(i) for i in ahead)
    if any(s.low(i) in PERFECT for i in ahead):
        return True
    for i in range(k - 1, max(-1, k - CLAUSE_MAX - 1), -1):
        if s.low(i) in FUTURE and not s.capital(i):  # (not the month "May")
            return False
        if s.low(i) in PERFECT:
            return s.low(i - 1) not in FUTURE  # (not "will have restored")
    return False


def incident_at(s: Stream, k: int) -> Found | None:
    """ "on Thursday", "Wednesday", "overnight", "in one attack", "in a single air strike",
    "on Feb. 27"."""
    word = s.low(k)
    if s.capital(k) and word in WEEKDAYS and s.low(k - 1) not in ("midnight", "until", "by"):
        if s.low(k - 1) in ("last", "next") and s.low(k - 2) != "the":  # another week's
            return k - 1, k + 1, Scope("incident", f"{s.low(k - 1)} {word}", "")
        return k, k + 1, Scope("incident", word, "")
    dated = day_on(s, k)
    if dated is not None:
        return dated
    if word in RELATIVE_DAYS:
        return k, k + 1, Scope("incident", "", "")
    one = k + 1 + int(s.seq(k + 1, ("a", "single")))
    if word == "in" and s.low(one) in ("one", "single") and s.low(one + 1) in ("day", "night"):
        return k, one + 2, Scope("incident", ONE_DAY, "")  # "in a single night"
    if word in ("in", "during") and s.low(k + 1) in ("a", "an", "one", "the", "that", "this"):
        j = incident_noun(s, k + 2)  # "in a single air strike", "in a Syrian government air strike"
        day = next((d for m in range(k + 2, j) if (d := month_day_at(s, m)) and d[0]), None)
        if day is not None:  # "in the 27 February air strike": that day's attack
            return k, j + 1, Scope("incident", f"{day[0]} {day[1]}", "")
        if j >= 0:
            # one attack: a part of any day's or period's count, met only by another attack's
            return k, j + 1, Scope("incident", ONE_ATTACK, "")
    return None


INCIDENT_REACH = 4  # words that may qualify an attack before its noun ("Syrian government air")
# Words that say what kind of attack or whose (with names: "a Russian", "a Syrian
# government"); not "worst" or "deadliest": "in the worst rail accident in years"
# is the story's whole toll, not one attack's part of it.
INCIDENT_MODIFIERS = frozenset(
    {"single", "air", "suicide", "drone", "missile", "car", "bomb", "rocket", "artillery"}
    | {"government", "regime", "army", "military", "rebel", "coalition", "militant"}
)


def incident_noun(s: Stream, k: int) -> int:
    """The token of the attack noun at k or after a few words qualifying it ("single air
    strike", "Syrian government air strike", "27 February air strike"), or -1."""
    j = k
    while j <= k + INCIDENT_REACH:
        if s.low(j) in INCIDENTS or noun(s.low(j)) in INCIDENTS:
            return j
        date = month_day_at(s, j)
        if date is not None and date[0]:
            j = date[2]  # its day: "the 27 February air strike", "the Feb. 27 strike"
            continue
        if not (s.low(j) in INCIDENT_MODIFIERS or s.capital(j)):
            return -1
        j += 1
    return -1


EARLY_WORDS = frozenset({"first", "early", "initial", "earliest", "earlier"})
EARLY_REPORTS = frozenset({"report", "reports", "estimate", "estimates", "figures", "toll"})
FIRST_SPANS = frozenset({"hour", "hours", "day", "days"})  # "in the first hours" ("early": a time)
REPORT_VERBS = frozenset({"reported", "announced", "given", "stated", "put", "estimated"})
REPORTERS = frozenset({"we", "i"})  # the page's own correction ("earlier they announced 20")


REPORT_REACH = 6  # words after "Earlier," in which its verb of reporting stands


def reported_after(s: Stream, k: int) -> bool:
    """ "Earlier, officials had put the figure at 174": "Earlier," opens the sentence
    and a verb of reporting follows; "Earlier, an air strike killed 22" dates an event."""
    if k != 0 or s.low(1) != ",":
        return False
    return any(s.low(j) in REPORT_VERBS for j in range(2, 2 + REPORT_REACH))


def earlier_at(s: Stream, k: int) -> Found | None:
    """A figure its text gives as an earlier report: "initially", "at first", "in the
    first hours", "early reports", "the previously reported 37", "had earlier put the
    toll at 175", "Earlier, officials had put it at 174"."""
    word = s.low(k)
    if word in ("initially", "originally"):
        return k, k + 1, Scope("earlier", "", "")
    if s.seq(k, ("at", "first")):
        return k, k + 2, Scope("earlier", "", "")
    if word == "previously" and s.low(k + 1) in REPORT_VERBS:
        return k, k + 2, Scope("earlier", "", "")
    if word == "earlier" and (s.low(k + 1) in REPORT_VERBS or reported_after(s, k)):
        return k, k + 1, Scope("earlier", "", "")  # "had earlier put the toll at 175"
    reporter = s.low(k + 1) in REPORTERS and s.low(k + 2) in REPORT_VERBS
    if word in ("earlier", "previously") and reporter:  # a correction: "earlier we reported"
        return k, k + 3, Scope("earlier", "", "")
    if word in EARLY_WORDS and s.low(k + 1) in EARLY_REPORTS:
        return k, k + 2, Scope("earlier", "", "")
    first_span = s.low(k + 2) in ("first", "initial") and s.low(k + 3) in FIRST_SPANS
    if first_span and s.seq(k, ("in", "the")):
        return k, k + 4, Scope("earlier", "", "")
    return None


# Verbs of a figure that changed: "the toll rose from 34 to 36", "revised it from 127 to 125"
CHANGE_VERBS = frozenset(
    {"rise", "rises", "rising", "rose", "risen", "climb", "climbs", "climbing", "climbed"}
    | {"increase", "increases", "increasing", "increased", "jump", "jumps", "jumped"}
    | {"grow", "grows", "growing", "grew", "grown", "soar", "soared", "soaring"}
    | {"fall", "falls", "falling", "fell", "fallen", "drop", "drops", "dropping", "dropped"}
    | {"decrease", "decreases", "decreasing", "decreased", "decline", "declines", "declined"}
    | {"revise", "revises", "revising", "revised", "raise", "raises", "raising", "raised"}
    | {"lower", "lowers", "lowering", "lowered", "update", "updates", "updating", "updated"}
)
CHANGE_REACH = 10  # words from the verb to its "from": "raising the number of soldiers killed from"
# Places a count comes from, no earlier count: "raised the evacuees to 3,000 from 12 villages"
ORIGINS = frozenset(
    {"village", "town", "city", "country", "province", "district", "region", "area", "state"}
    | {"county", "camp", "school", "hospital", "island", "site", "port", "base", "neighbourhood"}
)
CHANGE_NOUN = 3  # words between the figure before and "to": "from 34 soldiers to 36"


def changes(s: Stream, hits: Sequence[Hit]) -> list[tuple[int, int]]:
    """Counts the sentence gives as changed, as (before, after) figure indices: "the
    toll rose from 34 to 36", "went up from 34 to 36", "rose to 36 from 34", "revised
    the toll from 127 down to 125", "59, up from 58". The figure before is its text's
    earlier report; "from 6 to 8 people were injured" and "lasted from 2 pm to 8 pm"
    are spans, no change, and so is a span after another subject's verb ("the river
    rose and officials evacuated from 300 to 400 families")."""
    found = []
    for n, hit in enumerate(hits):
        if hit.kind != "count" or s.low(hit.first - 1) != "from":
            continue
        nxt = hits[n + 1] if n + 1 < len(hits) else None
        prev = hits[n - 1] if n > 0 else None
        up = s.low(hit.first - 2) in ("up", "down")
        if nxt is not None and to_after(s, hit, nxt) and (up or changed_by(s, hit.first - 2)):
            found.append((n, n + 1))  # "rose from 34 to 36", "went up from 34 to 36"
        elif prev is not None and to_after(s, prev, hit, "from") and changed_by(s, prev.first - 2):
            if hit.counted not in ORIGINS:  # not "to 3,000 from 12 villages"
                found.append((n, n - 1))  # "rose to 36 from 34", "to 45 from 38 dead"
        elif up and prev is not None and prev.kind == "count":
            found.append((n, n - 1))  # "59, up from 58 a day earlier"
    return found


def to_after(s: Stream, hit: Hit, nxt: Hit, word: str = "to") -> bool:
    """Count ``nxt`` follows count ``hit`` after ``word`` and at most ``CHANGE_NOUN``
    words of its noun ("from 34 soldiers to 36", "to 36 from 34")."""
    return (
        nxt.kind == "count"
        and s.low(nxt.first - 1) == word
        and nxt.first - hit.end <= CHANGE_NOUN + 1
    )


def changed_by(s: Stream, k: int) -> bool:
    """A verb of change ends at token k or stands before it in its clause (not across
    "and": another subject's verb)."""
    for j in range(k, max(-1, k - CHANGE_REACH), -1):
        if s.low(j) in CHANGE_VERBS:
            return True
        if ends_clause(s, j) or s.low(j) in ("and", "or"):
            return False
    return False


# "six years ago", "two decades ago": an earlier event's time, not the story's (days
# or weeks ago may be the story's own, in a follow-up report)
AGO_UNITS = frozenset({"year", "years", "decade", "decades"})
AGO_HEDGES = frozenset(
    {"about", "some", "almost", "nearly", "exactly", "just", "more", "than", "over", "roughly"}
)


def ago_at(s: Stream, k: int) -> Found | None:
    """ "Six years ago, 144 people died when a ferry sank": a figure of an earlier
    event, dated by how many years ago it was, where that opens the sentence or a
    clause ("residents who moved here 10 years ago said ..." dates no figure)."""
    if s.low(k + 2) != "ago" or s.low(k + 1) not in AGO_UNITS:
        return None
    j = k - 1
    while j >= 0 and s.low(j) in AGO_HEDGES:  # "About six years ago", "More than a decade ago"
        j -= 1
    if s.low(j) in ("and", "but") and (j == 0 or s.low(j - 1) in CLAUSE_ENDS):
        j -= 1  # ", and two years ago 150 died"
    if s.seq(j - 1, ("it", "was")):
        j -= 2  # "It was six years ago that 144 ..."
    if j >= 0 and s.low(j) not in CLAUSE_ENDS and s.low(j) not in OPENING_MARKS:
        return None
    return k, k + 3, Scope("dated", " ".join(s.lows[k : k + 3]), "")


PERIOD_NOUNS = frozenset({"time", "period", "span"})
BACK = "an earlier sentence's period"  # the anchor of "in that time": which, unknown


def period_back_at(s: Stream, k: int) -> Found | None:
    """ "in that time", "over the same period", "during this period", "since then": the
    period named before it ("since December ... At least 470 civilians have been killed
    in that time"), which ``figures.periods_back`` finds; not "over the same period last
    year" or "of 2019" (another year's, read as such)."""
    if s.seq(k, ("since", "then")):
        return k, k + 2, Scope("period", BACK, "")
    adverb = s.kind(k + 1) == "word" and not s.capital(k + 1) and s.low(k + 1) not in FUNCTION
    if s.low(k) == "since" and s.low(k - 1) in ("has", "have", "had") and adverb:
        return k, k + 1, Scope("period", BACK, "")  # "It has since downed three warplanes"
    if s.low(k) not in ("in", "over", "during", "within", "throughout"):
        return None
    j = k + 1 + int(s.seq(k + 1, ("the", "same")))
    if not ((j > k + 1 or s.low(j) in ("that", "this")) and s.low(j + 1) in PERIOD_NOUNS):
        return None
    after = j + 2
    if s.low(after) in ("last", "a", "of", "in", "from") or s.kind(after) == "num":
        return None  # "over the same period last year", "... a year earlier", "... of 2019"
    return k, after, Scope("period", BACK, "")


READERS = (
    moment_at,
    earlier_at,
    period_back_at,
    since_at,
    recent_at,
    month_in,
    year_in,
    incident_at,
    ago_at,
    day_heading,
    day_span,
)
# The words a scope can start with: the readers are tried only there.
OPENERS = frozenset(
    {"since", "from", "in", "over", "during", "within", "the", "last", "this", "throughout"}
    | {"between"}
    | {"initially", "originally", "at", "previously", "on", "as", "by"}
    | EARLY_WORDS
    | RELATIVE_DAYS
    | RECENT
    | WEEKDAYS.keys()
)


def scopes(s: Stream) -> list[Found]:
    """Every scope the sentence states, in order, with its words as written."""
    found: list[Found] = []
    k = 0
    while k < s.count:
        if k > 1 and s.low(k) not in OPENERS and s.low(k + 2) != "ago":
            k += 1
            continue
        for read in READERS:
            hit = read(s, k)
            if hit is not None:
                first, end, scope = hit
                text = s.text[s.toks[first].start : s.toks[end - 1].end]
                found.append((first, end, Scope(scope.kind, scope.anchor, text)))
                k = end
                break
        else:
            k += 1
    return found


THEN_REACH = 20  # words back from "by which time" to the day it means


def day_before(s: Stream, k: int) -> str:
    """The day named nearest before token k, within ``THEN_REACH`` words: a weekday
    or a day of a month ("searched until Wednesday, by which time"), or ""."""
    for j in range(k - 1, max(-1, k - THEN_REACH - 1), -1):
        if s.capital(j) and s.low(j) in WEEKDAYS:
            return s.low(j)
        date = month_day_at(s, j)
        if date is not None and date[0]:
            return f"{date[0]} {date[1]}"
    return ""


def scope_at(found: list[Found], k: int) -> bool:
    """Is token k part of a scope ("Feb. 3" in "since Feb. 3")?"""
    n = bisect_left(found, (k + 1,)) - 1
    return n >= 0 and found[n][0] <= k < found[n][1]


def ends_sentence(s: Stream, k: int) -> bool:
    """Token k ends a sentence: not the full stop of "Feb. 27" or "Gen. Ali" inside one."""
    if s.low(k) != ".":
        return s.low(k) in SENTENCE_ENDS
    after = s.toks[k + 1] if k + 1 < s.count else None
    abbreviation = s.glued(k) and after is not None and (after.kind == "num" or s.capital(k + 1))
    return not (abbreviation and len(s.low(k - 1)) <= 4 and s.kind(k - 1) == "word")


def ends_clause(s: Stream, k: int) -> bool:
    return s.low(k) in CLAUSE_ENDS or ends_sentence(s, k)


def clause(s: Stream, first: int, end: int) -> tuple[int, int]:
    """The token range of the clause around tokens [first, end), at most
    ``CLAUSE_MAX`` tokens either side (a clause, not a run-on table)."""
    a = first
    while a > max(0, first - CLAUSE_MAX) and not ends_clause(s, a - 1):
        a -= 1
    b = end
    while b < min(s.count, end + CLAUSE_MAX):
        if s.low(b) in DASHES and (close := aside_end(s, b)) is not None:
            b = close  # "1 million people — more than half of them children — have fled since"
        elif ends_sentence(s, b):
            break
        elif s.low(b) == "," and s.low(b + 1) in ("including", "among"):
            b = skip_list(s, b + 1)  # "300 civilians, including 100 children, have died since"
        elif s.low(b) in CLAUSE_ENDS:
            break
        else:
            b += 1
    return a, b


DASHES = frozenset({"—", "–"})


def in_aside(s: Stream, end: int, k: int) -> bool:
    """Token k, after a figure ending at ``end`` in its clause, is inside an aside
    between dashes ("12 were arrested — the most since January — in raids"): an odd
    number of dashes stands between them."""
    return sum(s.low(m) in DASHES for m in range(end, k)) % 2 == 1


def parted(s: Stream, k: int, first: int) -> bool:
    """A semicolon, a contrast or another clause's ", and" stands between tokens k and
    ``first``: what opens one clause does not scope the next ("said that since January
    ...; the force employs 1,200 officers")."""
    return any(
        s.low(m) in PARTING or (s.low(m) == "and" and s.low(m - 1) == ",") for m in range(k, first)
    )


PARTING = frozenset({";", "but", "while", "whereas", "although", "that"})


def aside_end(s: Stream, k: int) -> int | None:
    """The token after the dash that closes an aside opened by the dash at k ("— more
    than half of them children —"), within ``ASIDE_MAX`` tokens and one clause; None
    when no dash closes it (a dash before the sentence's last words)."""
    for m in range(k + 1, min(s.count, k + ASIDE_MAX)):
        if s.low(m) in DASHES:
            return m + 1
        if s.low(m) in SENTENCE_ENDS or s.low(m) in (";", ":", "(", ")"):
            return None
    return None


ASIDE_MAX = 12  # tokens of an aside between dashes, at most


def skip_list(s: Stream, k: int) -> int:
    """The token after the comma that closes a list opened at k, or the sentence's end."""
    limit = min(s.count, k + CLAUSE_MAX)
    while k < limit and s.low(k) != "," and s.low(k) not in SENTENCE_ENDS:
        k += 1
    return k + int(s.low(k) == ",")


def opening_stop(s: Stream, found: list[Found]) -> int:
    """The token where the sentence's opening scope stops applying: the first contrast
    ("Early reports said ..., but the newest says at least 12,000"), semicolon or
    the next scope (``_stops``), else the end.
    Found once per sentence, so each figure's scope costs no scan of the text."""
    if found and not opens_sentence(s, found[0]):
        return 0  # no opening scope: every figure's ``contrast`` holds
    start = found[0][1] if found else s.count
    # another scope opens another time, past the opening phrase's own ("Since the push
    # began in December, nearly 300 ...": December is the push's)
    phrase = next((k for k in range(start, s.count) if s.low(k) in CLAUSE_ENDS), s.count)
    # (not "in a single night": of the day the opening names, "Yesterday, in a single night")
    later = (f[0] for f in found[1:] if f[0] >= phrase and f[2].anchor != ONE_DAY)
    end = next(later, s.count)
    earlier = bool(found) and found[0][2].kind == "dated"  # "Six years ago, ..."
    return next((k for k in range(start, end) if _stops(s, k, earlier)), end)


def opens_sentence(s: Stream, found: Found) -> bool:
    """Does the scope open the sentence: in its first words, or a moment in its first
    clause ("As per reports as of 3am on Saturday, ..., with 92 deaths")?"""
    if found[0] < OPENING:
        return True
    return found[2].kind == "moment" and not any(ends_clause(s, k) for k in range(found[0]))


def _stops(s: Stream, k: int, earlier: bool) -> bool:
    """Does token k end the opening scope's reach: a contrast or a semicolon, and after
    an earlier event's date also "while" or ", and" ("Six years ago, 144 died, while
    this time at least 136 ...")?"""
    if s.low(k) in STOPS:
        return True
    return earlier and (s.low(k) == "while" or (s.low(k) == "and" and s.low(k - 1) == ","))


def scope_for(
    s: Stream,
    found: list[Found],
    first: int,
    end: int,
    stop: int,
    floor: int = 0,
    attacks: Sequence[int] = (),
    harm: bool = False,
) -> Scope:
    """The scope of the figure at tokens [first, end): its clause's, else the opening one
    unless a contrast ("but", "however") stands between (``stop``: ``opening_stop``);
    a year named in its clause dates it ("killed 81 people in 2012"), and a place
    named after it there ("in Jajarkot") narrows it, or else the place of the attack
    named before it (``attack_place``, which reads ``floor`` and ``attacks``). With
    none of these, a count of people the attack harmed (``harm``: killed, injured,
    missing) takes the attack's own scope (``attack_scope``); "after the attack on
    Thursday, police arrested 12" is no count of the attack's."""
    a, b = clause(s, first, end)
    lo, hi = bisect_left(found, (a,)), bisect_left(found, (b,))
    contrast = stop < first  # "Early reports said ..., but the newest says 12,000"
    near = [
        f
        for f in found[lo:hi]
        if not (f[0] < end and first < f[1])  # not its own words
        and not (f[0] >= end and in_aside(s, end, f[0]))  # nor an aside's ("— the most since")
    ]
    that = next((k for k in range(first - 1, a - 1, -1) if s.low(k) == "that"), -1)
    if that >= 0:
        # "admitted last week that 33 were killed on Feb. 27": the saying's time is not
        # the figure's, where the figure's own words give one (not a later "that ...")
        then = next((k for k in range(end, b) if s.low(k) == "that"), b)
        own = [f for f in near if that < f[0] < then]
        near = own or near
    if not near and s.low(a) == "with" and s.low(a - 1) == ",":
        # "Fighting went on on Thursday, with strikes killing 15": the day of the clause
        # it goes with (a period, which may be worded two ways, is left unsaid)
        before = bisect_left(found, (clause(s, a - 2, a - 1)[0],))
        near = [f for f in found[before:lo] if f[2].kind == "incident"]
    if not near and s.low(a - 1) == "," and s.low(a).endswith("ing"):
        near = participle_year(s, found[:lo], a)
    if not near and s.low(a) == "when":  # "in 1992, when a blast killed 263": that year's
        near = year_before_when(s, found[:lo], a)
    if not near:  # "said on Thursday that since the operation began, forces have ...": the
        # reported clause's opening, as a sentence's
        opened = [f for f in found[:lo] if s.low(f[0] - 1) == "that" and f[2].kind == "period"]
        near = [f for f in opened[-1:] if not parted(s, f[1], first)]
    # the first scope after the figure, past a day ("killed on Feb. 27 in an air strike")
    after = next((f[2] for f in near if f[0] >= end and not is_day(f[2])), NO_SCOPE)
    if after.anchor == ONE_ATTACK:  # "last week, when 34 were killed in an air strike"
        scope = after  # the count of that attack, whatever the period or day around it
    elif near:
        scope = min(near, key=lambda f: abs(f[0] - first))[2]
    elif (opens := colon_opening(s, found, first)) is not None:
        scope = opens
    elif found and found[0][1] <= first and not contrast:
        scope = found[0][2]
    else:
        scope = attack_scope(s, found, (first, end), floor, attacks) if harm else NO_SCOPE
    if scope.anchor == ONE_DAY and harm:  # "The strike, which killed 33 in a single night"
        attack = attack_scope(s, found, (first, end), floor, attacks)
        scope = attack if attack.anchor == ONE_ATTACK else scope
    if scope.anchor == ONE_DAY:  # the day, period or year its clause names ("40 homes
        # were destroyed in a single day last month"), else the sentence's opening ("On
        # Thursday, in a single night, 33 were killed", "In 2019, 40 died in a single day")
        scope = day_told(s, found[lo:hi], first) or day_told(s, found[:lo], first) or scope
    if scope.anchor == ONE_ATTACK and lists_an_attack(s, found, end):
        scope = SEVERAL_ATTACKS
    # an earlier report of a day's count is an earlier report ("earlier we reported that 33
    # were killed on Thursday"): it meets only other earlier reports
    scope = next((f[2] for f in found[lo:hi] if f[2].kind == "earlier" and f[1] <= first), scope)
    outside = [k for k in range(a, b) if not first <= k < end]
    # (a year that starts a period is no date: "displaced since ... December 2019")
    # a year that ends a month's period ("since March 1 2020"), not one that is the period
    # ("the deadliest since 2015, when 9,000 died": that year's own)
    periods = [f for f in found[lo:hi] if f[2].kind == "period" and not is_year(f[2].anchor)]
    year = next(
        (
            s.toks[k].text
            for k in outside
            if is_year(s.low(k)) and not since(s, k, end) and not scope_at(periods, k)
        ),
        "",
    )
    if year and scope.kind != "dated":
        scope = Scope("dated", year, year)
    # the place after the figure ("92 were killed in Jajarkot"): one before it is as
    # often the place of something else ("which resulted in Turkey sending thousands")
    named = next((k for k in range(end, b) if place_at(s, k)), b)
    place = place_at(s, named) if named < b else ""
    spread = next((k for k in range(end, b - 1) if spread_at(s, k)), -1)
    if 0 <= spread < named or spread == named - 2:  # "in several cities in Idlib": a total
        within = place_at(s, spread + 2)  # of places, not "in Binnish as shells hit many areas"
        place = f"{SEVERAL_PLACES} in {within}" if within else SEVERAL_PLACES
    if not place and a > 0:
        place = opening_place(s, first)  # "In the nearby Rukum West district, 37 died"
    if not place and s.low(a) == "where" and first - a <= 2:
        # "the district of Jajarkot, where 105 died" (not "..., where he said 105 died")
        place = place_before(s, a - 1)
    if not place:
        place = attack_place(s, first, floor, attacks)  # "a strike near Binnish killed nine"
    return scope._replace(place=place) if place else scope


# A total over more than one attack: "Some sixty soldiers have been killed, including 34
# in a single air strike". It meets no one attack's count, and any total of no scope.
SEVERAL_ATTACKS = Scope("period", "", "")


def lists_an_attack(s: Stream, found: list[Found], end: int) -> bool:
    """The figure ending at ``end`` goes on with a list of its parts (", including"), and
    the first part is one attack's share of it: a count with no noun of its own before
    the attack's words ("including 34 in a single air strike"), not a kind of people the
    attack killed ("including 12 children in the attack": the 30's attack is theirs)."""
    k = end
    while k < min(s.count, end + CLAUSE_MAX) and s.low(k) not in CLAUSE_ENDS:
        k += 1
    if s.low(k) != "," or s.low(k + 1) not in ("including", "among") or s.kind(k + 2) != "num":
        return False
    if s.low(k + 3) not in ("in", "on", "at", "during"):
        return False
    listed = found[bisect_left(found, (k,)) : bisect_left(found, (skip_list(s, k + 1),))]
    return any(f[2].anchor == ONE_ATTACK for f in listed)


def since(s: Stream, k: int, end: int) -> bool:
    """The year at token ``k`` ends a "since ..." phrase after the figure (which ends at
    ``end``): "displaced since the offensive resumed in December 2019", "has killed
    380,000 since 2011"; not "the deadliest since 2015, when nearly 9,000 died", where
    the year is the figure's own."""
    return any(s.low(j) == "since" for j in range(max(end, k - 8), k))


RELATIVES = frozenset({"which", "that", "who", "whom", "whose", "where", "when"})


def participle_year(s: Stream, earlier: list[Found], a: int) -> list[Found]:
    """The year of the sentence before a participle clause at token ``a`` (", killing
    22"), as its scope: "A plane crashed near Pokhara last year, killing 22". Only where
    it is the one time said before the clause, and said of the sentence, not of a
    clause or a word of its own: not "... returned on Tuesday", "the airport, which
    opened last year", "towns shelled in 2019"."""
    if len(earlier) != 1 or earlier[0][2].kind != "dated":
        return []
    if any(s.low(k) in RELATIVES for k in range(a)) or s.low(earlier[0][0] - 1).endswith("ed"):
        return []
    return earlier


def year_before_when(s: Stream, earlier: list[Found], a: int) -> list[Found]:
    """The year right before a clause opening "when" at token ``a`` ("in 1992, when a gas
    blast killed 263 workers", "the deadliest since 2015, when 9,000 died"), as its
    scope."""
    k = a - 1 - int(s.low(a - 1) == ",")
    last = earlier[-1] if earlier and earlier[-1][1] == k + 1 else None
    if last is None or not (last[2].kind == "dated" or is_year(last[2].anchor)):
        return []
    year = last[2].anchor  # ("the deadliest since 2015, when 9,000 died": 2015's own)
    return [(last[0], last[1], Scope("dated", year, last[2].text))]


def colon_opening(s: Stream, found: list[Found], first: int) -> Scope | None:
    """The scope opening the part of the sentence after a colon, before the figure at
    ``first`` and with no contrast or semicolon between: "the second attack in a week:
    on 25 February, strikes killed 21" (a sentence's own opening, after a colon)."""
    reach = range(first - 1, max(-1, first - CLAUSE_MAX - 1), -1)  # a clause's, not a table's
    colon = next((k for k in reach if s.low(k) == ":"), -1)
    if colon < 0:
        return None
    n = bisect_left(found, (colon + 1,))
    opens = found[n] if n < len(found) else None
    if opens is None or opens[0] > colon + OPENING or opens[1] > first:
        return None
    if any(_stops(s, k, True) for k in range(opens[1], first)):
        return None  # not past ", and" or "while": "... two soldiers, and in all 59 ..."
    return opens[2]


def attack_nouns(s: Stream) -> list[int]:
    """The tokens of the sentence that name an attack ("strike", "shelling"), in order:
    read once per sentence, for ``attack_place``."""
    return [k for k in range(s.count) if s.lows[k] in INCIDENT_WORDS]


def attack_place(s: Stream, first: int, floor: int, attacks: Sequence[int]) -> str:
    """The place of the attack its sentence names before the figure at ``first``
    (``attacks``: ``attack_nouns``), with no count between (``floor``: where the count
    before it ends): "a Russian air strike near Maarat Misrin, about 8 km north of
    Idlib city, killed at least 15", "an air strike on the town of Binnish killed
    nine". The count is that attack's, whatever clauses stand between. "An attack
    on" names a target, not a place (``place_at``), unless a word for a place
    follows ("the town of")."""
    k = attack_before(s, first, floor, attacks)
    return place_at(s, k + 1, ATTACK_PLACE) if k >= 0 else ""


def attack_before(s: Stream, first: int, floor: int, attacks: Sequence[int]) -> int:
    """The token of the attack noun its sentence names last before the figure at
    ``first``, with no count between (``floor``) and within ``CLAUSE_MAX`` tokens, or -1."""
    n = bisect_left(attacks, first) - 1
    k = attacks[n] if n >= 0 else -1
    if k < max(floor, first - CLAUSE_MAX) or any(ends_sentence(s, j) for j in range(k, first)):
        return -1
    return k


def attack_scope(
    s: Stream, found: list[Found], span: tuple[int, int], floor: int, attacks: Sequence[int]
) -> Scope:
    """The scope of the attack named before the figure: its day, right after its noun
    ("an attack on Thursday against a village ..., who said they killed at least 15" is
    Thursday's count, as "an attack on Thursday killed 15" is), else one attack's where
    the noun is one ("when an airstrike blamed on the army killed at least 33"). Else
    ``NO_SCOPE``. The figure at tokens ``span`` is not its own day."""
    k = attack_before(s, span[0], floor, attacks)
    if k < 0:
        return NO_SCOPE
    n = bisect_left(found, (k + 1,))
    day = found[n] if n < len(found) else None
    if day and day[0] <= k + 2 and day[1] <= span[0] and day[2].kind == "incident":
        return day[2] if day[2].anchor else NO_SCOPE
    return Scope("incident", ONE_ATTACK, "") if one_attack(s, k) else NO_SCOPE


# Attacks, of which a story reports several (an accident is usually the story's own)
ATTACKS = frozenset({"attack", "strike", "airstrike", "raid", "bombing", "shelling", "ambush"})
CAMPAIGNS = frozenset({"campaign", "campaigns", "operation", "operations", "offensive"})
# Attacks one at a time after "the" too; "the shelling" or "the bombing" may be many.
ONE_ATTACK_NOUNS = frozenset({"attack", "strike", "airstrike", "raid", "ambush"})


def one_attack(s: Stream, k: int) -> bool:
    """Is the attack noun at k one attack ("an airstrike", "a single Syrian air strike",
    "the February 27 air strike")? A crash, derailment or explosion is not: "a
    derailment killed 142" is the story's."""
    if s.low(k) not in ATTACKS or s.low(k + 1) in CAMPAIGNS:
        return False  # "a Russian air strike campaign" is many
    dated = s.low(k) in ONE_ATTACK_NOUNS  # "the strike", "the Balyun strike": one
    for j in range(k - 1, max(-1, k - INCIDENT_REACH - 4), -1):
        word = s.low(j)
        if word in ("a", "an", "one") or (word == "the" and dated):
            return True
        if word in MONTHS or word == "." or (s.kind(j) == "num" and len(word) <= 2):
            dated = True  # "the February 27 air strike": one day's
        elif not (word in INCIDENT_MODIFIERS or s.capital(j)):
            return False
    return False


# Words of a place's name at most ("Rukum West", "Democratic Republic of Congo"): a
# longer run of capitals is no place, and two places are compared word by word.
PLACE_WORDS = 4
PLACE_NOUNS = frozenset(
    {"district", "province", "county", "region", "state", "city", "town", "village"}
    | {"municipality", "area", "areas", "prefecture", "township"}
)


# A count over several places: "targeting several cities in Idlib and the Aleppo area",
# "across many towns". Its place is ``SEVERAL_PLACES`` (and the name they are in), met
# only by the same total (``relate.same_place``): one town's toll is a part of it.
SEVERAL_PLACES = "several places"
SPREAD = frozenset({"several", "many", "multiple", "various", "numerous", "different"})
PLACES = frozenset(
    {"cities", "towns", "villages", "areas", "districts", "provinces", "regions", "places"}
    | {"locations", "neighbourhoods", "neighborhoods", "communities", "settlements"}
)


def spread_at(s: Stream, k: int) -> bool:
    """Do tokens k and k + 1 name several places ("several cities", "many villages")?"""
    return s.low(k) in SPREAD and s.low(k + 1) in PLACES


def place_before(s: Stream, comma: int) -> str:
    """The place named just before the comma at ``comma`` that opens a clause about it
    ("the worst-hit district of Jajarkot, where ...", "in Rukum West district, where
    ..."): a name after a preposition or a word for a place, maybe with such a word."""
    if s.low(comma) != ",":
        return ""
    end = comma - int(s.low(comma - 1) in PLACE_NOUNS)  # "Jajarkot district"
    k = end - 1
    while k >= 0 and s.capital(k) and end - k <= PLACE_WORDS:
        k -= 1
    named = s.lows[k + 1 : end]
    if not named or any(w in MONTHS or w in WEEKDAYS for w in named):
        return ""
    if s.low(k) in PLACE_PREPOSITIONS or (s.low(k) == "of" and s.low(k - 1) in PLACE_OF):
        return " ".join(named)
    return ""


def opening_place(s: Stream, first: int) -> str:
    """The place an opening "In ..." clause names before the figure's clause ("In the
    nearby Rukum West district, 37 lives were lost"; "In the hardest-hit areas like
    Jajarkot district, ..."): a name followed by a word for a place."""
    if s.low(0) not in ("in", "at"):
        return ""
    for k in range(1, min(first, CLAUSE_MAX)):
        if s.low(k) in SENTENCE_ENDS:
            return ""
        if s.capital(k) and s.low(k) not in MONTHS and s.low(k) not in WEEKDAYS:
            j = k
            while s.capital(j) and j - k <= PLACE_WORDS:
                j += 1
            if s.low(j) in PLACE_NOUNS:
                return " ".join(s.lows[k:j])
            if s.low(j) == ",":
                return ""
    return ""


PLACE_OF = PLACE_NOUNS | {"settlement", "villages", "towns", "outskirts", "suburb"}
PLACE_PREPOSITIONS = ("in", "at", "near", "on", "of")
ATTACK_PLACE = ("outside", *PLACE_PREPOSITIONS)  # "a strike outside Kherson"


PREFIXES = frozenset({"pro", "non", "ex", "anti"})  # "pro-Turkish" names no place


def particle(s: Stream, j: int) -> bool:
    """A name's particle at ``j``, glued by a hyphen to its capitalised name ("al-Bab")."""
    return (
        s.kind(j) == "word"
        and len(s.low(j)) <= 3
        and s.low(j) not in PREFIXES
        and s.low(j + 1) == "-"
        and s.glued(j + 1)
        and s.glued(j + 2)
        and s.capital(j + 2)
    )


def place_at(s: Stream, k: int, prepositions: tuple[str, ...] = PLACE_PREPOSITIONS) -> str:
    """The place named at token k: "in Jajarkot", "in the neighbouring Rukum West",
    "in northern India", "at Mendon" (lower-case words before the name: two at most),
    "in the al-Hamdaniyah district", "near the town of Binnish", "on the town of Ariha",
    "shelling of the town of Sarmin" (after "on" and "of", only so)."""
    if s.low(k) not in prepositions or (s.low(k) == "of" and s.low(k - 1) not in INCIDENT_WORDS):
        return ""  # "of" after an attack only: "shelling of the town of Sarmin"
    j = k + 1 + int(s.low(k + 1) == "the")
    if s.low(j) in PLACE_OF and s.low(j + 1) == "of":
        j += 2
    elif s.low(k) in ("on", "of"):
        return ""  # "on" or "of" a place only as "on the town of Ariha": "on Monday", "of them"
    for _ in range(2):
        if particle(s, j):
            j += 2  # "in the al-Hamdaniyah district": in Hamdaniyah
            break
        if s.kind(j) == "word" and not s.capital(j) and s.low(j) not in FUNCTION:
            j += 1
    words: list[str] = []
    while s.capital(j) and s.low(j) not in MONTHS and s.low(j) not in WEEKDAYS:
        if len(words) == PLACE_WORDS:
            return ""  # a run of capitals (a headline, a table, junk): no one place
        words.append(s.low(j))
        j += 1
    if words and s.low(j) in EVENT_OF:
        return ""  # "in the Jajarkot earthquake": the event's name, not where it counts
    return " ".join(words)


def sources(s: Stream) -> list[tuple[int, str]]:
    """Who the sentence says the facts come from: (token position, words as written)."""
    found: list[tuple[int, str]] = []
    for k in range(s.count):
        if s.seq(k, ("according", "to")):
            a, b = k + 2, clause(s, k + 2, k + 2)[1]
        elif s.low(k) in SAY_VERBS and k > 0:
            a, b = clause(s, k - 1, k)[0], k
            a = max(a, k - 8)
        else:
            continue
        if b > a and not (b - a == 1 and s.low(a) in PRONOUNS):
            found.append((k, s.text[s.toks[a].start : s.toks[b - 1].end]))
    return found


def source_for(found: list[tuple[int, str]], first: int) -> str:
    """The source nearest to the figure at token ``first`` (``found`` in token order)."""
    k = bisect_left(found, (first,))
    near = found[max(0, k - 1) : k + 1]
    return min(near, key=lambda f: abs(f[0] - first))[1] if near else ""


# ---------------------------------------------------------------- parts of a whole

LOCATIVES = frozenset({"on", "in", "aboard", "inside", "at"})
LOCATIVE_WINDOW = 6  # words between a count and the place it is split by ("died on the train")
# A named institution that receives or holds people: a count it gives is its own share.
INSTITUTIONS = frozenset({"hospital", "clinic", "infirmary"})
INSTITUTION_PAIRS = frozenset(
    {("medical", "center"), ("medical", "centre"), ("health", "care"), ("trauma", "center")}
)


def locative_after(s: Stream, j: int, limit: int) -> tuple[str, int, int]:
    """ "died on the train", "in the dump truck": the head of a common noun after a
    figure, before token ``limit`` (the next figure) and within its clause, with the
    tokens of the phrase; ("", 0, 0) when there is none."""
    for k in range(j, min(limit, j + LOCATIVE_WINDOW, s.count)):
        word = s.low(k)
        if word in CLAUSE_ENDS or word in SENTENCE_ENDS:
            break
        if word in LOCATIVES and s.low(k + 1) in ("the", "a", "an"):
            m = k + 2
            head = ""
            while m < min(limit, k + 5) and s.kind(m) == "word" and not s.capital(m):
                if s.low(m) in FUNCTION:
                    break
                head = s.low(m)
                m += 1
            if noun(head) in INCIDENTS:  # "died in a single air strike": what, not where
                return "", 0, 0
            return (noun(head), k, m) if head else ("", 0, 0)
    return "", 0, 0


def institution(s: Stream, a: int, b: int) -> tuple[str, int, int]:
    """A named hospital in tokens [a, b): "Boone Hospital Center", "University of
    Missouri Health Care" (two words at least: "Hospital officials" names none)."""
    for k in range(a, b):
        word = s.low(k)
        if not s.capital(k):
            continue
        if word not in INSTITUTIONS and (s.low(k - 1), word) not in INSTITUTION_PAIRS:
            continue
        first = k
        while first - 1 >= a and (
            s.capital(first - 1) or (s.low(first - 1) == "of" and s.capital(first - 2))
        ):
            first -= 1
        end = k + 1
        while end < b and s.capital(end) and s.low(end) in ("center", "centre", "care"):
            end += 1
        if end - first >= 2:
            return " ".join(s.lows[first:end]), first, end
    return "", 0, 0


def part_scopes(s: Stream, hits: list[Hit], roles: list[str]) -> dict[int, Scope]:
    """Counts that measure a part of the story's whole, by figure index.

    A sentence that splits one role's count by place ("two people died on the
    train and one died in the truck") gives parts, each scoped by its place; so
    does a count a named hospital gives ("Boone Hospital Center received 28
    patients"). A part meets only the same part in another outlet, never the
    whole ("three killed").
    """
    found: dict[int, Scope] = {}
    places: dict[int, tuple[str, int, int]] = {}
    for n, hit in enumerate(hits):
        if hit.kind == "count" and roles[n]:
            limit = hits[n + 1].first if n + 1 < len(hits) else s.count
            place = locative_after(s, hit.end, limit)
            if place[0]:
                places[n] = place
    for role in {roles[n] for n in places}:
        ns = [n for n in places if roles[n] == role]
        if len({places[n][0] for n in ns}) >= 2:
            for n in ns:
                head, k, m = places[n]
                found[n] = Scope("part", head, s.text[s.toks[k].start : s.toks[m - 1].end])
    for n, hit in enumerate(hits):
        if hit.kind == "count" and n not in found:
            name, k, m = institution(s, *clause(s, hit.first, hit.end))
            if name:
                found[n] = Scope("part", name, s.text[s.toks[k].start : s.toks[m - 1].end])
    return found
