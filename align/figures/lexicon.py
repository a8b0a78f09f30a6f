"""Word tables for reading figures: number words, units, months, hedges."""

from __future__ import annotations

import re

ONES = {
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
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100.0,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,  # Indian English: "10 lakh people" is a million
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
FRACTIONS = {"half": 50.0, "third": 100 / 3, "quarter": 25.0, "fifth": 20.0, "tenth": 10.0}
SUFFIX_SCALES = {"k": 1e3, "bn": 1e9, "mn": 1e6}
VAGUE = {
    "dozens": (24.0, 199.0),  # loose: "dozens" and 141 injured are both said; "hundreds" is next
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2000.0, 9999.0),
    "millions": (2e6, 999e6),
    "billions": (2e9, 999e9),
}
NUMBER_WORDS = frozenset(ONES.keys() | TENS.keys())  # "Thirty-four soldiers ..." opens no name
TENS_OF = {
    ("tens", "of", "thousands"): (2e4, 99999.0),
    ("hundreds", "of", "thousands"): (2e5, 999999.0),
    ("tens", "of", "millions"): (2e7, 99e6),
    ("hundreds", "of", "millions"): (2e8, 999e6),
}
FEW = {"several": (3.0, 9.0), "few": (2.0, 5.0)}

LENGTH = {
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
DURATION = {
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
CURRENCY_WORDS = {
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
CURRENCY_CODES = {"usd": "USD", "eur": "EUR", "gbp": "GBP", "try": "TRY", "rub": "RUB"}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₺": "TRY"}
DIMENSIONS = {
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
MONTHS = {
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
RELATIVE_DAYS = frozenset({"yesterday", "today", "overnight", "tonight"})  # no count's noun
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}

# Hedges, longest first; each maps to how the interval is built (``numerals.hedged``):
# "above" (x, inf) and "below" [0, x) exclude the figure; "min" [x, inf) and
# "max" [0, x] include it; "near" [0.9x, x) approaches it from below; "about"
# widens it to at least 7% either side (numerals.ABOUT); "range" is read by the range reader.
HEDGES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("no", "fewer", "than"), "min"),
    (("no", "less", "than"), "min"),
    (("no", "more", "than"), "max"),
    (("in", "excess", "of"), "above"),
    (("a", "minimum", "of"), "min"),
    (("a", "maximum", "of"), "max"),
    (("as", "many", "as"), "max"),
    (("as", "much", "as"), "max"),
    (("more", "than"), "above"),
    (("at", "least"), "min"),
    (("upwards", "of"), "above"),
    (("just", "over"), "above"),
    (("well", "over"), "above"),
    (("close", "to"), "near"),
    (("just", "under"), "near"),
    (("an", "estimated"), "about"),
    (("up", "to"), "max"),
    (("fewer", "than"), "below"),
    (("less", "than"), "below"),
    (("at", "most"), "max"),
    (("over",), "above"),
    (("above",), "above"),
    (("nearly",), "near"),
    (("almost",), "near"),
    (("about",), "about"),
    (("around",), "about"),
    (("roughly",), "about"),
    (("some",), "about"),
    (("approximately",), "about"),
    (("estimated",), "about"),
    (("under",), "below"),
    (("between",), "range"),
    (("below",), "below"),
)
TIME_HEDGES: tuple[tuple[tuple[str, ...], str], ...] = (
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
HEDGE_ENDS = frozenset(w[-1] for w, _ in HEDGES + TIME_HEDGES)
# Days of the month in words, as a speaker or a translation says them ("the fifteenth of
# March"); "twenty-first" is "twenty", "-", "first".
ORDINAL_DAYS = dict(
    zip(
        [
            "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
            "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth",
        ],
        [*range(1, 21), 30],
        strict=True,
    )
)  # fmt: skip
STARTS = frozenset(
    {"a", "an", "half", "tens", "several", "midnight", "noon", "midday"}
    | ORDINAL_DAYS.keys()
    | ONES.keys()
    | TENS.keys()
    | VAGUE.keys()
    | MONTHS.keys()
    | WEEKDAYS.keys()
)
MEASURE_VERBS = frozenset({"extend", "stretch", "run", "reach", "cover", "measure", "span"})
YEAR_PREPS = frozenset({"in", "since", "by", "from", "until", "till", "before", "after", "of"})
AGE_LIST = frozenset({",", "and", "or", "to", "-", "–", "between"})
TIME_PREPS = {"at", "from", "until", "till", "by", "since", "before", "after", "to"}
TIME_MARKS = {"gmt", "utc", "hrs", "hours", "local", "tonight", "pm", "am"}
# Time zones written after a clock time, in capitals ("9:01am AEDT", "8 p.m. EST"): a
# time in a named zone is compared only with times in that zone. GMT and UTC are read
# with their offsets ("GMT+3"); the others are not converted (IST, CST and AST each
# name more than one zone).
TIME_ZONES = frozenset(
    {"bst", "ist", "wet", "west", "cet", "cest", "eet", "eest", "msk", "trt", "gst", "irst"}
    | {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "ct", "pt", "ast", "adt"}
    | {"aest", "aedt", "acst", "acdt", "awst", "nzst", "nzdt", "jst", "kst", "hkt", "sgt"}
    | {"pkt", "npt", "ict", "wib", "pht", "myt", "sast", "eat", "cat", "wat", "akst", "hst"}
)
DAYPARTS = {"morning": 0, "afternoon": 12, "evening": 12, "night": 12}


def words(text: str) -> frozenset[str]:
    """A word set written as one string."""
    return frozenset(text.split())


# Function words: they end a counted-noun phrase and never name a code.
FUNCTION = words(
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
SKIPPABLE = frozenset({"other", "more", "additional", "further", "new", "extra", "some"})
DETERMINERS = frozenset(
    {"the", "these", "those", "both", "its", "their", "his", "her", "our", "your", "my", "all"}
)
PRONOUN_ONE = frozenset({"no", "the", "this", "that", "any", "every", "each", "which", "another"})
SYNONYMS = {
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
    "warplane": "plane",
    "jet": "plane",
}
IRREGULAR = {
    "children": "child",
    "people": "people",
    "men": "man",
    "women": "woman",
    "servicemen": "serviceman",
    "feet": "foot",
    "talks": "talks",
    "news": "news",
    "lives": "life",
}
GLUED_OK = frozenset({"k", "bn", "mn", "m", "st", "nd", "rd", "th", "s", "pm", "am", "h"})
WILDCARD_KINDS = frozenset({"duration", "time", "money", "percent"})
# "380 000" (space-grouped thousands, as in French or ISO style) is one number; a
# four-digit lead cannot start a group, so "in 2011 300 people" stays two numbers, nor
# can a group run into more digits ("March 1 2020").
TOKEN = re.compile(
    r"(?P<num>(?<!\d)\d{1,3}(?: \d{3})+(?!\d|[.,:]\d)|\d+(?:[.,:]\d+)*)"
    r"|(?P<word>[^\W\d_]+(?:['’][^\W\d_]+)?)|(?P<p>--|\S)"  # "--": a typed dash
)
MAX_DIGITS = 15
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+|\d+(?:\.\d+)?")  # "3,200"
CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})|(\d{2})(\d{2})")  # "00:01", "00.01", "0001"
# A "sentence" with more figures than this is a table or junk, not prose: reading
# stops there, which bounds the work on hostile input (a 1 MB line of digits).
MAX_CLAIMS = 5000
HALF = 0.49  # half a stated digit, kept under 0.5 so neighbouring values never touch
# Speeds in km/h per unit ("km/h" and "miles per hour" are read from a length unit).
SPEED = {"mph": 1.609344, "kph": 1.0, "kmh": 1.0, "kmph": 1.0, "knot": 1.852, "knots": 1.852}
# Areas in square km per unit ("square miles", "sq km" and "km2" from a length unit).
AREA = {"hectare": 0.01, "hectares": 0.01, "ha": 0.01, "acre": 0.0040468564, "acres": 0.0040468564}

# What happened to what a figure counts: the words that say it, by role.
ROLES = {
    "killed": "killed killing kill kills died die dies dying dead death deaths slain "
    "perished fatalities fatality massacred drowned executed lost losing martyred",
    "injured": "injured injuring injure injures wounded wounding wound injuries hurt "
    "hospitalised hospitalized",
    "displaced": "displaced displacing displacement fled flee flees fleeing uprooted homeless",
    "evacuated": "evacuated evacuate evacuating evacuation evacuations evacuees",
    "arrested": "arrested arresting arrests detained detaining detention",
    # an army's tally of enemies killed, wounded or captured ("neutralized 3,138")
    "neutralized": "neutralized neutralised neutralizing neutralising neutralize neutralise",
    "missing": "missing unaccounted",
    "rescued": "rescued rescuing rescue saved",
    "deployed": "deployed deploying deployment sent sending entering stationed dispatched",
    "hosted": "hosts hosting host hosted",
    "aboard": "aboard board onboard carrying",
    "population": "inhabitants population live living lives reside",
    "derailed": "derailed derail derails derailing",
    "destroyed": "destroyed collapsed collapse razed flattened",
    "damaged": "damaged",
    "recovered": "recovered recovering retrieved retrieving collected",
    "identified": "identified identifying identification",
}
ROLE_OF = {word: role for role, words in ROLES.items() for word in words.split()}
# Roles only the dead's bodies have: "seven people were recovered alive", "police have
# identified five suspects" are no bodies recovered or identified
BODY_ROLES = frozenset({"recovered", "identified"})
BODY_NOUNS = frozenset({"body", "remains", "corpse", "victim"})
# An illness a sentence names: its deaths are the illness's, not an attack's or a
# disaster's ("Italy's coronavirus death toll rises to 148" beside a war's tolls).
DISEASES = frozenset(
    {"coronavirus", "covid", "virus", "pandemic", "epidemic", "ebola", "cholera", "measles"}
    | {"malaria", "influenza", "flu", "sars", "mers", "dengue", "tuberculosis", "typhoid"}
    | {"mpox", "illness", "disease", "diseases", "infection", "infections", "infected"}
)
# Nouns that say the role themselves ("59 deaths" counts people killed).
ROLE_NOUNS = {
    "death": ("people", "killed"),
    "life": ("people", "killed"),  # "claimed 129 lives", "the loss of 129 lives"
    "fatality": ("people", "killed"),
    "dead": ("people", "killed"),
    "casualty": ("people", "casualties"),
    "injury": ("people", "injured"),
    "evacuee": ("people", "evacuated"),
}
# Nouns for people in general: "1,200 residents" and "3,000 people" evacuated
# count the same crowd; soldiers, children or refugees are told apart.
PEOPLE = frozenset(
    [
        "people",
        "person",
        "civilian",
        "resident",
        "inhabitant",
        "individual",
        "villager",
        "local",
        "other",
        "passenger",
        "citizen",
    ]
)
# Words for people of a kind: one of them, with nothing said to befall them, after a verb
# or a preposition is a scene's ("said one elderly woman"), not a figure of the story
# ("Rescuers found seven children", "Eight workers were fixing potholes")
PERSONS = frozenset(
    {"woman", "man", "child", "girl", "boy", "baby", "miner", "worker", "soldier", "troop"}
    | {"officer", "policeman", "fighter", "rebel", "militant", "journalist", "student"}
    | {"doctor", "nurse", "teacher", "farmer", "refugee", "migrant", "crew", "victim"}
    | {"survivor", "protester", "prisoner", "detainee", "hostage", "pilgrim"}
    | {"tourist", "fan", "spectator", "player", "voter", "member", "relative", "mourner"}
)
SCENE_PEOPLE = 2  # fewer than this
# Events a time, date or duration belongs to, by the words that name them.
EVENTS = {
    "ceasefire": "ceasefire truce cease-fire armistice",
    "talks": "talks talk meeting meetings summit negotiation negotiations discussion "
    "discussions conference met",
    "patrols": "patrol patrols",
    "attack": "attack attacks strike strikes airstrike airstrikes raid raids bombing "
    "bombardment shelling assault",
    "agreement": "agreement agreed deal accord",
    "announcement": "announced announcement",
    "crash": "crash crashed crashing collision collided colliding derailment derailed derailing",
    "sinking": "sank sink sinks sinking capsized capsize capsizes capsizing overturned",
    "election": "election vote polls ballot",
    "war": "war conflict",
    "offensive": "offensive campaign operation",
    "flight": "flight",
    "storm": "storm hurricane typhoon cyclone",
    "earthquake": "earthquake quake tremor",
    "fire": "fire wildfire blaze",
    "explosion": "explosion blast",
}
EVENT_OF = {word: event for event, words in EVENTS.items() for word in words.split()}
# The phase of an event a time or date names.
PHASES = {
    "start": "begin begins began beginning start starts starting started effect force "
    "place established launch launched effective from commence commences commenced "
    "commencing",
    "end": "end ends ended ending expire expires expired until",
}
PHASE_OF = {word: phase for phase, words in PHASES.items() for word in words.split()}
# Words that end the clause a figure sits in.
CLAUSE_ENDS = frozenset({",", ";", ":", "—", "–", "(", ")", '"', "“", "”", "?", "!"})
SENTENCE_ENDS = frozenset({";", ".", "?", "!", "—"})
# Verbs of saying that follow a source ("the ministry said").
SAY_VERBS = frozenset(
    [
        "said",
        "says",
        "say",
        "reported",
        "reports",
        "told",
        "shows",
        "showed",
        "show",
        "estimated",
        "estimates",
        "announced",
        "confirmed",
        "stated",
    ]
)
# Incidents a count may be scoped to ("in one attack", "in a single strike").
INCIDENTS = frozenset(
    [
        "attack",
        "strike",
        "airstrike",
        "raid",
        "bombing",
        "blast",
        "explosion",
        "crash",
        "ambush",
        "incident",
        "shelling",
        "collision",
        "derailment",
        "accident",
    ]
)
# The incidents' words and plurals ("strikes", "crashes"), looked up token by token.
INCIDENT_WORDS = INCIDENTS | {w + "s" for w in INCIDENTS} | {w + "es" for w in INCIDENTS}
TIME_UNITS = {
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
}
# Vague amounts that take "of" before what they count ("dozens of soldiers"),
# which is not a part of a group ("12 of the soldiers").
VAGUE_WORDS = frozenset({*VAGUE, "tens", "hundreds", "several", "few", "a few"})
