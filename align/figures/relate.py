"""Relations: which figures measure the same thing, and how their values relate.

Two figures are *comparable* when they measure the same thing over a
compatible scope: same kind and unit, the same counted noun (people in general
- "people", "residents", "civilians", or no noun with a role - count as one),
the same role (killed, injured, displaced, ...), for times, dates and
durations the same event and phase, and scopes that fit ("since Feb. 3" and
"since the beginning of February" fit; "in recent weeks" and "in one attack"
do not; a figure with no stated scope fits any). Figures too generic to tell
what they measure (a bare count with no noun or role, a date with no event, a
distance) compare with nothing.

``relate`` then says: *same* (equal intervals), *precision* (intervals meet:
one is vaguer) or *conflict* (they cannot both hold). Open bounds exclude the
value: "nearly six hours" [5.4, 6) and "more than six hours" (6, inf) conflict,
while "six hours" [5.51, 6.49] meets both.
"""

from __future__ import annotations

import datetime as dt
import math

from rapidfuzz import fuzz

from ..model import Quantity, Relation, Scope
from .lexicon import PEOPLE, VAGUE_WORDS, WEEKDAYS
from .scope import BACK, ONE_ATTACK, SEVERAL_PLACES, is_day

MeasureKey = tuple[str, str, str, str]  # kind, unit, thing, role/event
# Figures about one thing whose nominal values differ by this factor or more
# are two facts ("1 million displaced" to the border vs "more than 3 million"
# already in Turkey), not a disagreement; outlets that disagree are closer
# (59 vs 58 soldiers, a corridor "4 miles wide" vs 12 km: 1.9x; 1,200 vs
# 3,000 evacuated: 2.5x).
FAR_RATIO = 3.0
GAP_RATIO = 1.5
EPSILON = 1e-9
# People on board may outnumber passengers by their crew: up to half as many again (a
# cruise ship's; a plane's or a ferry's are fewer: 68 passengers, 72 people on board),
# and a few more on a small craft (a helicopter's three passengers, five on board)
CREW_SHARE = 1.5
CREW = 4
# Events a story reports many of: the day of "an attack" is not the day of another.
RECURRING = frozenset({"attack"})


def head_and_mods(counted: str) -> tuple[str, frozenset[str]]:
    """The head noun and its modifiers ("turkish soldier" -> soldier, {turk}), each
    modifier as its ``nation_key``."""
    words = counted.split()
    return (words[-1], frozenset(map(nation_key, words[:-1]))) if words else ("", frozenset())


# Endings that make a country's adjective or name from one stem (longest first).
NATION_ENDINGS = ("ish", "ian", "ese", "ia", "ey", "an", "e", "i", "a")


def nation_key(word: str) -> str:
    """A country's name and adjective as one key, for what a count is of ("Turkey has
    lost 59 soldiers" and "59 Turkish soldiers"): the word less one ending, if four
    letters remain (turkish, turkey -> turk; russian, russia -> russ; syrian, syria
    -> syri; israeli -> israel); "turkmen" keeps its own."""
    for ending in NATION_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def thing(q: Quantity) -> str:
    """The counted head, with people in general as "people" (a count with a role and
    no noun counts people: "23 injured")."""
    head, _ = head_and_mods(q.counted)
    if q.kind == "count" and (head in PEOPLE or (not head and q.role)):
        return "people"
    return head


def measure_key(q: Quantity) -> MeasureKey | None:
    """What a figure measures, as a key; None for a figure too generic to compare.

    Counts need a noun, and people in general a role too; times need an event that happens once in a
    story (a ceasefire, not an attack), dates and weekdays also the phase of it
    they name ("begin", "until"); durations an event or noun; lengths a dimension other than a plain
    distance; money and percent a noun.
    """
    head = thing(q)
    if q.kind == "count":
        if head == "people" and not q.role:
            return None  # "2,500 people" and "900 people": people doing what?
        return ("count", "", head, q.role) if head else None
    if q.kind in ("time", "date"):
        if q.unit == "year" or not q.event or (q.event in RECURRING and q.role != "day"):
            return None  # an attack's day only with its toll (``ledger.attack_days``)
        if q.kind == "date" and not q.role:
            return None  # the day of what: the talks, the deal, its start? Too loose to compare
        return (q.kind, q.unit, f"{q.event} {q.counted}".strip(), q.role)  # counted: time zone
    if q.kind == "duration":
        what = q.event or head
        return ("duration", "h", what, "") if what else None
    if q.kind == "length":
        if head == "distance" and not head_and_mods(q.counted)[1]:
            return None  # a distance from where?
        return ("length", q.unit, head, "") if head else None
    if q.kind == "speed":
        return ("speed", q.unit, q.counted, "")
    return (q.kind, q.unit, head, q.role) if head else None


COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western"}
    | {"upper", "lower", "central", "new"}
)
PLACE_SIMILAR = 80.0  # rapidfuzz ratio of two spellings of one name ("Rukum", "Rukam")


def same_place(a: str, b: str) -> bool:
    """Do two place names name one place? Equal, or sharing a name word, spelled alike
    ("rukum west", "west rukum", "rukam west", "rukum paschim"), compass words aside."""
    if a == b:
        return True
    if a.startswith(SEVERAL_PLACES) or b.startswith(SEVERAL_PLACES):
        return False  # a total over places is no one place's, nor another total's
    words_b = name_words(b)
    return any(fuzz.ratio(x, y) >= PLACE_SIMILAR for x in name_words(a) for y in words_b)


def name_words(place: str) -> list[str]:
    """The words that name a place: of four letters or more, compass words aside."""
    return [w for w in place.split() if w not in COMPASS and len(w) >= 4]


def scopes_fit(a: Scope, b: Scope) -> bool:
    """Do two scopes allow their figures to be compared?

    Places must agree when both are named; a dated figure ("in 2012"), a part
    ("on the train", "at Boone Hospital") and an earlier report ("initially")
    meet only figures of the same date, part or kind; a figure with no scope
    fits any other. Two counts taken at stated moments ("as of 3am on Saturday",
    "by Friday mid-morning") meet only when the moments are one; a moment
    against a count with none stated is no scope.
    """
    if a.place and b.place and not same_place(a.place, b.place):
        return False
    if a.kind == b.kind == "moment":
        return a.anchor == b.anchor
    a, b = (x._replace(kind="", anchor="") if x.kind == "moment" else x for x in (a, b))
    if {"dated", "part", "earlier"} & {a.kind, b.kind}:
        return a.kind == b.kind and a.anchor == b.anchor
    if not a.kind or not b.kind:
        return True
    if a.kind != b.kind:
        return False
    if a.kind == "period" and BACK in (a.anchor, b.anchor):
        return True  # "since then" with no period named before: it may be any period
    if a.kind == "period":
        return same_run(a.anchor, b.anchor)
    if a.kind == "incident":  # an attack may be the day's ("in an air strike", "on Feb. 27")
        attack_day = ONE_ATTACK in (a.anchor, b.anchor) and (is_day(a) or is_day(b))
        return not a.anchor or not b.anchor or a.anchor == b.anchor or attack_day
    return a.anchor == b.anchor


RUN_SLACK = 1  # days a page's date may be off (its time zone, a morning edition)


def same_run(a: str, b: str) -> bool:
    """Two periods' anchors name one period. A total that runs to its page's day
    ("feb to 2020-03-05", ``scope.to_the_page``) meets one of the same start on a page
    at most ``RUN_SLACK`` days from it, or of a page whose day is unknown ("feb to "),
    and never a closed period ("feb": "in February")."""
    (start_a, to_a, day_a), (start_b, to_b, day_b) = a.partition(" to "), b.partition(" to ")
    if start_a != start_b or bool(to_a) != bool(to_b):
        return False
    if not (day_a and day_b):
        return True
    apart = dt.date.fromisoformat(day_a) - dt.date.fromisoformat(day_b)
    return abs(apart.days) <= RUN_SLACK


def mods_fit(a: Quantity, b: Quantity) -> bool:
    """Modifiers of the counted noun agree: "Turkish soldiers" is not "soldiers"
    killed on the other side. People in general ignore them ("Syrian civilians"
    and "civilians"), and lengths may name their object on one side only ("a
    corridor 4 miles wide" vs "6 km on each side")."""
    mods_a, mods_b = head_and_mods(a.counted)[1], head_and_mods(b.counted)[1]
    if thing(a) == "people":
        return True  # "Syrian civilians", "civilians", "Syrians": people alike
    if a.kind in ("length", "area") and thing(a) != "distance":
        return not (mods_a and mods_b) or mods_a == mods_b
    return mods_a == mods_b


def nominal(q: Quantity) -> float:
    """The value a figure states: the middle of its interval (geometric for a positive
    one, so a wide vague amount sits where its values are: "dozens" [24, 199] ~ 69),
    or its bound if open."""
    if math.isinf(q.high):
        return q.low
    if q.low > 0:
        return math.sqrt(q.low * q.high)
    return (q.low + q.high) / 2


def far_apart(a: Quantity, b: Quantity) -> bool:
    """Nominal values ``FAR_RATIO`` or more apart, with a gap of ``GAP_RATIO`` or more
    between their intervals (not for times, dates and weekdays): "dozens" (~69) and
    20 are not two facts, 24 being the least "dozens" can be."""
    if a.kind in ("time", "date"):
        return False
    x, y = abs(nominal(a)), abs(nominal(b))
    if not (min(x, y) > 0 and max(x, y) >= FAR_RATIO * min(x, y)):
        return False
    small, large = (a, b) if x < y else (b, a)
    top = small.low if math.isinf(small.high) else small.high
    return top <= 0 or large.low >= GAP_RATIO * top


def same_measure(a: Quantity, b: Quantity) -> bool:
    """Do two figures measure the same thing over a compatible scope (values aside)?"""
    key = measure_key(a)
    return (
        key is not None
        and key == measure_key(b)
        and mods_fit(a, b)
        and scopes_fit(a.scope, b.scope)
        and kinds_fit(a, b)
    )


def kinds_fit(a: Quantity, b: Quantity) -> bool:
    """A count of one kind of people in a breakdown ("68 passengers and four crew") meets
    another breakdown's people, a count of its noun, or a count of people in general that
    it agrees with ("two civilians" and "Two people were also killed"), never a total it
    is part of ("72 people on board")."""
    head_a, head_b = head_and_mods(a.counted)[0], head_and_mods(b.counted)[0]
    if head_a == head_b:
        return True
    if "aboard" == a.role == b.role and "passenger" in (head_a, head_b):
        # passengers are not all on board ("68 passengers" and "72 people on board": the
        # crew too): fewer passengers than people is no conflict where a crew could make
        # up the rest (``CREW_SHARE``), more is
        passengers, everyone = (a, b) if head_a == "passenger" else (b, a)
        crewed = passengers.high < everyone.low <= passengers.high * CREW_SHARE + CREW
        return not crewed
    return a.listed == b.listed or relate(a, b) != "conflict"


def comparable(a: Quantity, b: Quantity) -> bool:
    """Should two figures be compared: the same measure, and values not so far apart
    that they must be two facts, nor one day's count and a vague total above it?"""
    return same_measure(a, b) and not far_apart(a, b) and not a_day_in_a_vague_total(a, b)


def a_day_in_a_vague_total(a: Quantity, b: Quantity) -> bool:
    """A vague count with no scope ("shot down several planes", "dozens of soldiers")
    above the precise count of one day ("two planes on Sunday"): the day's is one part
    of it, not another count of the whole. Below it, they still conflict; and one
    incident's count ("22 died in a crash") is compared as before."""
    for whole, part in ((a, b), (b, a)):
        vague = not whole.precise and whole.hedge in VAGUE_WORDS and not whole.scope.kind
        day = is_day(part.scope) or part.scope.anchor in WEEKDAYS  # "on Feb. 27", "Sunday"
        if vague and part.precise and day and whole.low > part.high:
            return True
    return False


def same_thing(a: Quantity, b: Quantity) -> bool:
    """Same kind, unit and counted head, with modifiers that do not exclude each other:
    a looser test than ``comparable`` (no role, scope or event), for telling whether
    two sentences state figures about one thing at all."""
    if a.kind != b.kind or a.unit != b.unit:
        return False
    head_a, mods_a = head_and_mods(a.counted)
    head_b, mods_b = head_and_mods(b.counted)
    if a.kind in ("duration", "time", "money", "percent") and not (head_a and head_b):
        return True
    if head_a != head_b or (a.kind == "count" and not head_a):
        return False
    return not (mods_a and mods_b and not mods_a & mods_b)


def close(x: float, y: float) -> bool:
    if math.isinf(x) or math.isinf(y):
        return x == y
    return abs(x - y) <= EPSILON * max(1.0, abs(x), abs(y))


def meet(a: Quantity, b: Quantity, shift: float = 0.0) -> bool:
    """Do the intervals share a value (b moved by ``shift``), open bounds excluded?"""
    b_low, b_high = b.low + shift, b.high + shift
    if close(a.low, b_low):
        low, low_open = a.low, a.low_open or b.low_open
    else:
        low, low_open = (a.low, a.low_open) if a.low > b_low else (b_low, b.low_open)
    if close(a.high, b_high):
        high, high_open = a.high, a.high_open or b.high_open
    else:
        high, high_open = (a.high, a.high_open) if a.high < b_high else (b_high, b.high_open)
    if close(low, high):
        return not (low_open or high_open)
    return low < high


def relate(a: Quantity, b: Quantity) -> Relation:
    """How the values of two comparable figures relate: same, precision or conflict.

    Weekdays wrap around: "midnight on Sunday" [6, 7] meets "midnight Monday" [0, 1].
    """
    same = close(a.low, b.low) and close(a.high, b.high)
    if same and (a.low_open, a.high_open) == (b.low_open, b.high_open):
        return "same"
    shifts = (0.0, 7.0, -7.0) if "weekday" in (a.unit, b.unit) else (0.0,)
    return "precision" if any(meet(a, b, s) for s in shifts) else "conflict"
