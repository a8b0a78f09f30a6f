"""Figures: read every number-like claim of a sentence, and say how two relate.

``read_figures(articles)`` reads every sentence's figures once, right after
segmenting (one reading per distinct text: reprints repeat them), and hands
the articles on with ``Sentence.figures`` filled; grouping and the ledger take
them from there (``sentence_figures``).

``extract(text)`` returns one ``Quantity`` per figure ("more than 300
civilians", "6 km (3.7 miles) to the north and 6 km south", "At 00.01",
"March 15"), with local offsets covering hedge + number + unit as written,
the figure as an interval with open or closed bounds, and what it measures:
its counted noun, role, event, scope and source. ``relate(a, b)`` says
whether two figures about the same thing state the same value, compatible
values of different precision, or values that cannot both hold.

The parts, each small enough to read whole:

* ``tokens``: the tokens of a sentence and the cursor the readers share;
* ``numerals``: number words and digits, hedges as intervals;
* ``clock``: times of day, dates, weekdays;
* ``measures``: units, ranges, compound durations, conversions, widths;
* ``subject``: the counted noun, its role, the event of a time or date;
* ``scope``: the period or incident a figure covers, and its source;
* ``relate``: what two figures have in common, and how their values relate.

Everything runs on one tokenisation of the sentence and looks a bounded
number of tokens around each figure, so time is linear in the input; at most
``MAX_CLAIMS`` figures are read from one sentence.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence

from ..model import NO_SCOPE, Article, Quantity, Scope, Sentence
from .clock import date_at, time_at, weekday_at
from .lexicon import (
    CLAUSE_ENDS,
    DISEASES,
    FUNCTION,
    MAX_CLAIMS,
    MONTHS,
    NUMBER_WORDS,
    PEOPLE,
    PERSONS,
    SAY_VERBS,
    SCENE_PEOPLE,
    STARTS,
    VAGUE_WORDS,
    WEEKDAYS,
)
from .measures import (
    fraction_at,
    is_age_apposition,
    is_forecast,
    is_kin_count,
    is_page_measure,
    is_score,
    located_place,
    measure_at,
    skip_at,
)
from .relate import comparable, head_and_mods, measure_key, relate, same_measure, same_thing
from .scope import (
    BACK,
    ONE_ATTACK,
    Found,
    attack_nouns,
    changes,
    is_day,
    opening_stop,
    part_scopes,
    scope_at,
    scope_for,
    scopes,
    source_for,
    sources,
)
from .subject import (
    SHARE_HEDGES,
    Figures,
    event_of,
    figures_of,
    listed_with,
    loser,
    noun_phrase,
    others_of,
    plural,
    role_nouns,
    role_of,
    verb_before,
)
from .tokens import Hit, Stream

__all__ = [
    "MAX_CLAIMS",
    "comparable",
    "extract",
    "measure_key",
    "read_figures",
    "relate",
    "same_measure",
    "same_thing",
    "sentence_figures",
]

STEP_SENTENCES = 500  # sentences read between two progress reports (well under a second)

READERS = (time_at, date_at, weekday_at, fraction_at, measure_at)


def read_hits(s: Stream) -> list[Hit]:
    """All figures of the sentence, left to right, at most ``MAX_CLAIMS``.

    Only numbers and the words in ``STARTS`` can open a figure.
    """
    hits: list[Hit] = []
    i = 0
    for j, (tok, low) in enumerate(zip(s.toks, s.lows, strict=True)):
        if len(hits) >= MAX_CLAIMS:
            break
        if j < i or not (tok.kind == "num" or low in STARTS):
            continue
        if is_age_apposition(s, j) or is_kin_count(s, j) or is_score(s, j):
            continue
        if is_page_measure(s, j):
            continue
        hit = next((h for read in READERS if (h := read(s, j)) is not None), None)
        if hit is not None:
            if not is_time_conversion(s, hits, hit):
                hits.append(hit)
            s.floor = hit.end
            if hit.kind not in ("time", "date"):
                s.count_floor = hit.end
            i = hit.end
        else:
            i = skip_at(s, j)
    return hits


CONVERSION_GAP = 4  # words between a time and "(" its conversion may stand apart


def is_time_conversion(s: Stream, hits: list[Hit], hit: Hit) -> bool:
    """A time in brackets a few words after another ("midnight local time (2200 GMT)",
    "00:01 on Friday (2201 GMT)"): the same moment in another zone, not a second time."""
    if hit.kind != "time" or s.low(hit.first - 1) != "(":
        return False
    return any(h.kind == "time" and hit.first - 1 - h.end <= CONVERSION_GAP for h in hits)


def read_figures(
    articles: Sequence[Article], step: Callable[[float], None] = lambda fraction: None
) -> list[Article]:
    """The articles with every sentence's figures read (``Sentence.figures``), each
    distinct sentence text once. ``step`` is told how far the reading is every
    ``STEP_SENTENCES`` sentences (it may raise to stop the work)."""
    read: dict[str, tuple[Quantity, ...]] = {}
    total = max(1, sum(len(a.sentences) for a in articles))
    done = 0
    out = []
    for article in articles:
        sentences = []
        for s in article.sentences:
            if s.text not in read:
                read[s.text] = extract(s.text)
            sentences.append(s._replace(figures=read[s.text]))
            done += 1
            if done % STEP_SENTENCES == 0:
                step(done / total)
        out.append(article._replace(sentences=tuple(periods_back(sentences))))
    return out


# Sentences back a figure "in that time" looks for the period it means.
BACK_REACH = 2


def periods_back(sentences: Sequence[Sentence]) -> list[Sentence]:
    """An article's sentences, a figure "in that time" ("... since December. At least 470
    civilians have been killed in that time.") given the scope named last before it, in
    its sentence or the ``BACK_REACH`` sentences before, when that is a period. Where it
    is a day, a year or nothing ("took effect on March 6. Since then, 12 ..."), which
    period is meant is unknown: the figure keeps a period, which meets any period and
    figures of no stated scope, but not one day's ("It has since downed three planes" is
    no count of the two downed on Sunday)."""
    out = list(sentences)
    for k, s in enumerate(sentences):
        figures = s.figures or ()
        if not any(q.scope.anchor == BACK for q in figures):
            continue
        before = [p for t in sentences[max(0, k - BACK_REACH) : k] for _, p in named_scopes(t.text)]
        resolved = []
        for q in figures:
            if q.scope.anchor == BACK:
                named = before + [p for at, p in named_scopes(s.text) if at < q.start]
                last = named[-1] if named else NO_SCOPE
                period = last.kind == "period" and last.anchor != BACK
                # its own words ("since then"): the period's, not an event's date
                own = last._replace(place=q.scope.place, text=q.scope.text)
                q = q._replace(scope=own if period else q.scope)
            resolved.append(q)
        out[k] = s._replace(figures=tuple(resolved))
    return out


def named_scopes(text: str) -> list[tuple[int, Scope]]:
    """The scopes a text names ("since December", "in February", "on March 6"), with where
    each starts."""
    s = Stream(text)
    return [(s.toks[a].start, scope) for a, _, scope in scopes(s)]


# what an attack does to people
HARM = frozenset({"killed", "injured", "missing", "casualties"})
ILLNESS = "died of illness"  # the role of deaths near an illness's name
ILLNESS_REACH = 6  # words between a count and the illness that killed


def sentence_figures(sentence: Sentence) -> tuple[Quantity, ...]:
    """The sentence's figures as ``read_figures`` read them (read now if it did not)."""
    return extract(sentence.text) if sentence.figures is None else sentence.figures


def in_a_scope(found: list[Found], hit: Hit) -> bool:
    """Whether the figure opens inside a scope (``scope_at``: "Feb. 3" of "since Feb. 3"),
    not one read in a part of its own words ("Saturday" of "Saturday, March 14"; a
    weekday alone is its own scope, and no event's day), nor a moment's ("as of
    midnight" also times a start)."""
    n = bisect_left(found, (hit.first + 1,)) - 1
    if n < 0 or not found[n][0] <= hit.first < found[n][1]:
        return False
    first, end, scope = found[n]
    if scope.kind == "moment":
        return False
    return not (hit.first <= first and end <= hit.end and end - first < hit.end - hit.first)


BE = frozenset({"was", "were", "is", "are", "have", "has", "had"})
QUESTION_CLOSERS = " \"'”’»)]"


def extract(text: str) -> tuple[Quantity, ...]:
    """Every figure of one sentence, with local offsets into ``text``. A question claims
    none ("... at midnight their time, that's 4 p.m. here?": not the 4 p.m.). A row of a
    table or a list gives its value what its label names (``row_value``)."""
    found = read_sentence(text)
    return row_value(text, found) or found


ROW_LABEL_WORDS = 16  # words of a row's label, at most
ROW_SAYINGS = SAY_VERBS | {"replied", "asked", "answered", "added", "wrote", "announced"}
ROW_LABEL_MARKS = frozenset('?!"“”‘’«»')  # a question, an exclamation or a quotation: prose


def row_value(text: str, found: Sequence[Quantity]) -> tuple[Quantity, ...] | None:
    """A row of a table or a list, "label: value", where the value is one figure that
    names nothing ("Turkish soldiers killed since 1 February: 59", "Bodies recovered:
    44", a table's "| Displaced since 1 December | 948,000 |" as the cleaning gives it):
    the row read as if its value were written before its label ("59 Turkish soldiers
    killed since 1 February"), where that reading says what the value counts and what
    befell them (killed, recovered, displaced, living there). A label with a number of
    its own ("Round 1: 68", "Flight 370 passengers: 239") or a date gives its value no
    noun unless the reading keeps that as its scope ("since 1 February"); a saying
    ("she replied: 40"), a question or a quotation is no row. None for any other
    sentence."""
    first = value_first(text, found)
    if first is not None:
        return first
    last = found[-1] if found else None
    end = len(text.rstrip(" ."))
    if last is None or last.end != end or last.counted or last.kind in ("date", "time"):
        return None
    head = text[: last.start].rstrip()
    label = head[:-1].strip().lstrip("-–—•*· ")  # (a list's mark, where one is left)
    words = label.lower().split()
    if not head.endswith(":") or ":" in label or not 0 < len(words) <= ROW_LABEL_WORDS:
        return None
    if ROW_LABEL_MARKS & set(label) or ROW_SAYINGS & set(words):
        return None
    value = text[last.start : end]
    shift, at = len(value) + 1, text.index(label)
    turned = read_sentence(f"{value} {label}")
    read = next((q for q in turned if q.start == 0 and q.end == len(value)), None)
    if read is None or not (read.counted and read.role):
        return None
    if any(c.isdigit() for c in label) and not read.scope.kind:
        return None  # "Round 1: 68", "Deaths, 2019: 412": what the number names is not read
    moved = [q._replace(start=q.start - shift + at, end=q.end - shift + at) for q in turned]
    kept = [q for q in moved if q.start >= at]
    return (*kept, read._replace(start=last.start, end=last.end))


# Words of a clause that make a row's label a headline ("Protesters arrested as police
# clear the square"); an item's number below this, before a capital, numbers the item
HEADLINE_CLAUSE = frozenset({"as", "when", "while", "because"})
NUMBERED_ITEMS = 10
# Plurals that do not end in "s", as a count's noun may keep them ("40 gunmen", "200 cattle")
MANY = ("men", "people", "police", "staff", "personnel", "cattle", "sheep", "fish", "children")


def value_first(text: str, found: Sequence[Quantity]) -> tuple[Quantity, ...] | None:
    """A row with its value first, "value: label" ("59: Turkish soldiers killed since
    early February", "16: civilians killed in the camp strike on Thursday"), read as if
    written without the colon, where that reading says what the value counts and what
    befell them. None for any other sentence."""
    at = len(text) - len(text.lstrip("-–—•*· "))  # after a list's mark, where one is left
    value = found[0] if found else None
    if value is None or value.start != at or value.counted or value.kind in ("date", "time"):
        return None
    colon = text.find(":", value.end)
    if colon < 0 or text[value.end : colon].strip() or not text[colon + 1 : colon + 2].isspace():
        return None
    label = text[colon + 1 :].lstrip()
    if not label or ROW_LABEL_MARKS & set(label[:1]) or len(label.split()) > 2 * ROW_LABEL_WORDS:
        return None
    words = label.lower().split()
    # not a row: an item's number or a live page's minute before a headline, whose figure
    # counts nothing ("71: Protesters arrested as police clear the square", "2: Hospitals
    # evacuated in the flood zone", "12: Mayor arrested over bribes")
    nothing = (value._replace(role=""), *found[1:])
    if HEADLINE_CLAUSE & set(words):
        return nothing
    if label[:1].isupper() and value.precise and value.high < NUMBERED_ITEMS:
        return nothing
    shift = value.end + 1 - (len(text) - len(label))  # turned row's offsets past the value
    turned = read_sentence(f"{text[: value.end]} {label}")
    read = next((q for q in turned if q.start == value.start and q.end == value.end), None)
    if read is None or not (read.counted and read.role):
        return None
    head = read.counted.split()[-1]
    if read.low > 1 and head in words and not (plural(head) or head.endswith(MANY)):
        return nothing  # a count of one thing
    moved = [q._replace(start=q.start - shift, end=q.end - shift) for q in turned if q is not read]
    return (read, *(q for q in moved if q.start > colon))


def read_sentence(text: str) -> tuple[Quantity, ...]:
    """Every figure of one sentence as its words stand (``extract``)."""
    asked = question_start(text)
    if asked == 0:
        return ()
    s = Stream(text)
    hits = read_hits(s)
    if not hits:
        return ()
    found_scopes, found_sources = scopes(s), sources(s)
    # a date that opens a period ("since Feb. 3") is no event's date; a day is ("on March 15")
    bounds = [f for f in found_scopes if not is_day(f[2])]
    stop = opening_stop(s, found_scopes)
    # a moment ("as of March 15") is when a count was taken, not a date's or a time's scope
    timeless = [f for f in found_scopes if f[2].kind != "moment"]
    attacks = attack_nouns(s)
    floor = 0  # where the last count read ends
    found = figures_of(hits)
    out: list[Quantity] = []
    # the last count read, not a share of one ("nine civilians, including four children,
    # were killed and at least 20 were injured": not children)
    previous: Quantity | None = None
    ill_end = -1  # where the last count of an illness's deaths ends
    totals = partitive_totals(s, hits)
    illnesses = [k for k, low in enumerate(s.lows) if low in DISEASES]
    for n, hit in enumerate(hits):
        parent = listed_with(s, hits, n)
        # a role is listed with a figure of its kind: "ended at noon, and four civilians
        # were killed" counts no ending, while "Between 2014 and 2016, 150 died" is dated
        listed = parent >= 0 and out[parent].kind == hit.kind
        inherited = out[parent].role if listed else ""
        counted, role = counted_and_role(s, found, totals, n, inherited)
        if parent >= 0 and is_subset(s, hit, counted):
            counted, role = "", ""  # "59 soldiers, including 34 killed in one strike"
        near = (k - hit.end + 1 if k >= hit.end else hit.first - k for k in illnesses)
        ill = any(gap <= ILLNESS_REACH for gap in near) or raised_by(s, ill_end, hit)
        if role == "killed" and ill:
            # "the coronavirus has killed 3,200": no toll of a war's, nor is the toll it
            # raises ("has killed 15 more people, raising the death toll to 107")
            role = ILLNESS
        if not counted and others_of(s, hit):  # "two soldiers killed and six others wounded"
            before = previous.counted if previous else ""
            counted = "" if before in PEOPLE else before  # with a role, a count is of people
        elif not counted and previous and s.low(hit.first - 1) == "and" and s.low(hit.end) in BE:
            # "one soldier was killed and two were wounded": more of them, another harm
            harms = role in HARM and previous.role in HARM and role != previous.role
            counted = previous.counted if harms else counted
        event, phase = ("", "")
        in_scope = in_a_scope(bounds, hit)
        offset = hit.kind == "duration" and s.low(hit.end) in OFFSETS  # "a week after ..."
        if hit.kind in ("time", "date", "duration") and hit.unit != "year" and not in_scope:
            event, phase = ("", "") if offset else event_of(s, hit)  # "since Feb. 3": a scope
        if hit.kind == "speed":
            counted = speed_thing(s, hit)
        harm = hit.kind == "count" and role in HARM
        around = timeless if hit.kind in ("date", "time") else found_scopes
        scope = scope_for(s, around, hit.first, hit.end, stop, floor, attacks, harm)
        floor = hit.end if hit.kind == "count" else floor  # later counts' attacks come after it
        if parent >= 0 and not scope.kind:  # its place stays: "By Saturday, 105 in Jajarkot"
            scope = out[parent].scope._replace(place=scope.place or out[parent].scope.place)
        elif parent >= 0 and not scope.place and is_share(s, hit):
            # "in Binnish killed seven, including three children": the children's Binnish
            scope = scope._replace(place=out[parent].scope.place)
        if others_of(s, hit) and previous and not scope.kind and role != previous.role:
            # "killed 15 people on Thursday and wounded several others": another harm of
            # theirs (not "33 were killed on Thursday, while 20 others died earlier")
            scope = previous.scope
        if scope.anchor == ONE_ATTACK and hit.kind in ("duration", "time"):
            scope = NO_SCOPE  # "a week after 36 were killed in an air strike": 36's attack
        if role == "hosted" and not scope.place:
            # "Lebanon ... hosts about 1.5 million Syrian refugees" is not Turkey's 3.6 million
            scope = scope._replace(place=host_of(s, hit.first))
        if hit.kind == "length" and counted.endswith(" distance"):
            # a distance from a named place locates what its sentence names before it:
            # "Saraqib, ... 15 km from Idlib" is not "Behun, ... 30 km from Idlib"
            scope = scope._replace(place=located_place(s, hit.first) or scope.place)
        if fronted_share(s, hits, n) and previous and not counted and role:
            counted = previous.counted  # "Of the 59 soldiers killed ..., 34 died in one strike"
        # "Turkey has lost 59 soldiers, 34 of them in a single air strike": the strike's
        # count of what the total counts (with no time or attack of its own, a share);
        # only a toll's share with no verb of its own, no larger than the toll
        whole = previous if of_them(s, hit) and not counted and scope.kind else None
        if whole and scope != whole.scope and whole.role in HARM and hit.high <= whole.high:
            counted, role = whole.counted, whole.role
        source = source_for(found_sources, hit.first)
        out.append(quantity_of(s, hit, counted, role or phase, event, scope, source))
        if hit.kind == "count" and not is_share(s, hit):
            previous = out[-1]
        ill_end = hit.end if role == ILLNESS else ill_end
    for n, part in part_scopes(s, hits, [q.role for q in out]).items():
        out[n] = out[n]._replace(scope=part._replace(place=out[n].scope.place))
    for old, new in changes(s, hits):
        was, now = out[old], out[new]
        if was.scope.kind == "dated":
            continue  # "41 this monsoon, up from 34 in 2022": another year's, no earlier report
        if now.role in ("", was.role):
            # "rose from 34 to 36 soldiers": the 36 counts what the 34 did, by its own noun
            # if that says more ("the toll rose from 34 to 36 miners")
            own = now.counted and not was.counted.endswith(now.counted)
            out[new] = now._replace(counted=now.counted if own else was.counted, role=was.role)
        elif not was.role:  # "59, up from 58": the 58 counted what the 59 does
            was = was._replace(counted=now.counted, role=now.role)
        words = s.text[s.toks[hits[old].first - 1].start : was.end]
        out[old] = was._replace(scope=Scope("earlier", "", words))
    for n in kinds_listed(s, hits, out):
        out[n] = out[n]._replace(listed=True)
    # a moment a count was taken at ("As of Thursday, 136 had died") is no date of its own
    taken = {q.scope.text for q in out if q.scope.kind == "moment"}
    moments = [f for f in found_scopes if f[2].kind == "moment" and f[2].text in taken]
    # "in one air strike" is a scope, not a count of strikes; a forecast is no figure yet
    return tuple(
        q
        for q, hit in zip(out, hits, strict=True)
        if not (hit.kind == "count" and scope_at(bounds, hit.first))
        and not (hit.kind in ("date", "time") and scope_at(moments, hit.first))
        and not is_forecast(s, hit)
        and q.start < asked
    )


RAISING = frozenset({"raising", "bringing", "taking", "pushing", "lifting"})
RAISE_REACH = 16  # words from "raising" to the toll ("raising the death toll in ... to 107")


def raised_by(s: Stream, ill_end: int, hit: Hit) -> bool:
    """Is ``hit`` the toll an illness's deaths before it (ending at token ``ill_end``, -1
    for none) raise ("the virus has killed 15 more, raising the toll to 107"), not another
    harm beside them?"""
    near = range(max(ill_end, hit.first - RAISE_REACH), hit.first)
    return ill_end >= 0 and any(s.low(k) in RAISING for k in near)


QUESTION_OPENS = ",;:(—–"


def question_start(text: str) -> int:
    """Where the question a sentence ends with starts: after the last mark of a clause
    before its "?" ("33 were killed, but who ordered it?", "33 (or was it 34?)"), else
    0; ``len(text)`` when it asks nothing."""
    end = len(text.rstrip(QUESTION_CLOSERS))
    if not text[:end].endswith("?"):
        return len(text)
    return max(text.rfind(mark, 0, end) for mark in QUESTION_OPENS) + 1


def counted_and_role(
    s: Stream, found: Figures, totals: frozenset[int], n: int, inherited: str
) -> tuple[str, str]:
    """What figure ``n`` counts and what happened to it (``inherited``: the role of the
    figure it is listed with; ``totals``: the counts a partitive total follows)."""
    hits = found.hits
    counted, role = role_nouns(hits[n])
    if n in totals:  # "seven of the train's eight cars derailed": seven cars derailed
        counted, role = role_nouns(hits[n + 1])
        # "killing at least 68 of the 72 people aboard": killed, of those aboard (the verb
        # right before the share, its hedge aside: not "killed after 66 of the 72 escaped")
        role = role or verb_before(s, hits[n].first) or role_of(s, found, n + 1, "")
    elif n - 1 in totals:
        role = ""  # the eight: how many cars the train had
    elif hits[n].kind == "count" and is_part(s, hits[n]):
        # "78 of the injured", "four of them": a part; "59 of its soldiers were killed":
        # a count of its soldiers, when the sentence names whose and what happened
        owned = owned_count(s, hits[n])
        role = role_of(s, found, n, inherited) if owned else ""
        counted = owned if role else ""
    elif hits[n].kind == "count":
        if hits[n].counted.endswith("life") and verb_before(s, hits[n].first) == "rescued":
            role = "rescued"  # "saved 40 lives"
        role = role or role_of(s, found, n, inherited)
        if role == "displaced" and held_by_name(s, hits[n]):
            role = "hosted"  # "Turkey already has 3 million displaced Syrians": it hosts them
        owner = loser(s, hits[n].first)
        if owner and counted and " " not in counted:  # "Turkey has lost 59 soldiers"
            counted = f"{owner} {counted}"
        if not role and scene_people(s, hits[n], counted):
            counted = ""  # "said one elderly woman": a scene's, compared with none
    return counted, role


def scene_people(s: Stream, hit: Hit, counted: str) -> bool:
    """One person of a kind after a verb or a preposition (``PERSONS``,
    ``SCENE_PEOPLE``): "said one elderly woman", "comforted one crying man"; not a
    clause's subject ("One worker was pouring concrete")."""
    if hit.high >= SCENE_PEOPLE or counted.rsplit(" ", 1)[-1] not in PERSONS:
        return False
    k = hit.first - 1
    while k >= 0 and s.low(k) in SCENE_HEDGES:
        k -= 1
    return k >= 0 and s.low(k) not in CLAUSE_ENDS and s.low(k) not in NOT_A_SCENE


# Words before a count that make it the story's: a clause's opening, a toll's part
# ("Thirteen people were killed, including seven children")
NOT_A_SCENE = frozenset({"and", "but", "while", "including", "among", "with"})
SCENE_HEDGES = SHARE_HEDGES | {"only"}


HOLDERS_NOT_NAMED = frozenset({"it", "they", "he", "she", "we", "this", "that", "which", "who"})


def held_by_name(s: Stream, hit: Hit) -> bool:
    """The count is the displaced of another people that a named place has ("Turkey
    already has more than 3 million displaced Syrians"): those it hosts, not those
    displaced there ("Pakistan has 2 million displaced people")."""
    k = hit.first - 1
    if s.low(k) not in ("has", "have", "had"):
        return False
    k -= 1
    while s.low(k) in STILL_WORDS:
        k -= 1
    if k < 0 or not s.capital(k) or s.low(k) in HOLDERS_NOT_NAMED:
        return False
    people = next((j for j in range(hit.end, hit.end + 3) if s.capital(j)), -1)
    return people >= 0 and s.low(people)[:4] != s.low(k)[:4]


def host_of(s: Stream, first: int) -> str:
    """The place that hosts a count, named before its verb ("Turkey already hosts 3.6
    million", "Poland is hosting 1.6 million", "Turkey has more than 3 million displaced
    Syrians"), or before an aside on it ("Lebanon, which by government estimates hosts
    1.5 million", "Poland, a country of 38 million, hosts"); "" if none."""
    k = first - 1
    while k > 0 and s.low(k) in SHARE_HEDGES:
        k -= 1
    if s.low(k) not in HOST_VERBS:
        return ""
    k -= 1
    while k > 0 and s.low(k) in HOST_SKIP:
        k -= 1
    if not s.capital(k) or s.low(k) in HOLDERS_NOT_NAMED:
        commas = [m for m in range(k, max(0, k - HOST_CLAUSE), -1) if s.low(m) == ","]
        if not commas:
            return ""
        k = commas[-1] - 1  # the name before the aside's first comma
    words: list[str] = []
    while k >= 0 and s.capital(k) and s.low(k) not in FUNCTION and len(words) < HOST_WORDS:
        words.insert(0, s.low(k))  # "South Sudan", "Saudi Arabia"
        k -= 1
    return " ".join(words)


HOST_VERBS = frozenset({"hosts", "hosted", "hosting", "host", "shelters", "has", "have", "had"})
STILL_WORDS = frozenset({"already", "now", "still", "currently", "also"})
HOST_SKIP = STILL_WORDS | {"alone", "is", "are", "was", "were", "has", "have", "had", "been"}
HOST_CLAUSE = 8  # words of an aside between a host and its verb, at most
HOST_WORDS = 3  # words of a host's name, at most


def quantity_of(
    s: Stream, hit: Hit, counted: str, role: str, event: str, scope: Scope, source: str
) -> Quantity:
    """The figure ``hit`` reads, as a ``Quantity`` with local offsets into the sentence."""
    start, end = s.toks[hit.first].start, s.toks[hit.end - 1].end
    return Quantity(
        start=start,
        end=end,
        text=s.text[start:end],
        kind=hit.kind,
        low=hit.low,
        high=hit.high,
        unit=hit.unit,
        hedge=hit.hedge,
        counted=counted,
        precise=hit.precise,
        low_open=hit.low_open,
        high_open=hit.high_open,
        role=role,
        event=event,
        scope=scope,
        source=source,
    )


# A group named by a pronoun after "of": "four of them", "several of which"
PRONOUNS = frozenset({"which", "whom", "them"})


def is_share(s: Stream, hit: Hit) -> bool:
    """A count listed as a share of the one before it ("including four children")."""
    return s.low(hit.first - 1) in ("including", "among")


FRONTED_FIGURES = 4  # figures after "Of the 59 ...," that may be its share (a date between)


def fronted_share(s: Stream, hits: Sequence[Hit], n: int) -> bool:
    """Is figure ``n`` the first count after a sentence's opening "Of the 59 soldiers ...,"
    (a share of those), among its first ``FRONTED_FIGURES``?"""
    if not 0 < n < FRONTED_FIGURES or s.low(0) != "of" or hits[0].first > 2:
        return False
    if hits[0].kind != "count":
        return False
    comma = next((k for k in range(hits[0].end, hits[n].first) if s.low(k) == ","), -1)
    return comma >= 0 and all(h.kind != "count" for h in hits[1:n])


def of_them(s: Stream, hit: Hit) -> bool:
    """ "34 of them in ...", "12 of whom on ...": a share of the count before it, with
    only its time, attack or place after it (not "40 of whom were charged")."""
    return (
        s.low(hit.end) == "of"
        and s.low(hit.end + 1) in ("them", "whom")
        and s.low(hit.end + 2) in ("in", "on", "at", "during", "near", ",", ".", ";")
    )


def is_part(s: Stream, hit: Hit) -> bool:
    """A count of part of a group named after it ("78 of the injured", "four of them",
    "several of which", "three of Turkey's posts"): it measures a share, not the
    group, so it is compared with nothing."""
    if s.low(hit.end) != "of":
        return False
    group = s.low(hit.end + 1)
    if group in PRONOUNS or possessive(s, hit.end + 1):
        return True
    return hit.hedge not in VAGUE_WORDS and group in {"the", "those", "these", "its", "their"}


# Words after a duration that make it the time between two events ("a week after
# the strike", "two days later"), not how long one lasts: compared with nothing.
OFFSETS = frozenset({"after", "before", "ago", "later", "earlier"})


NAME_WORDS = 4  # words of an owner's name at most ("United Arab Emirates" has three)


def owned_count(s: Stream, hit: Hit) -> str:
    """What a count "of its/their/Turkey's NOUN" counts, with whose they are ("Turkey
    says 59 of its soldiers were killed": "turkey soldier"); "" when the sentence does
    not name the owner: for "its" and "their", the name that opens the sentence
    ("Ukraine said Russian forces killed 15 of its soldiers": Ukraine's)."""
    k = hit.end + 1
    if possessive(s, k):  # "South Korea's": the name's words before it too
        first = k
        while k - first < NAME_WORDS and s.capital(first - 1) and s.low(first - 1) not in FUNCTION:
            first -= 1
        owner = " ".join([*s.lows[first:k], s.low(k).removesuffix("'s").removesuffix("’s")])
    elif s.low(k) in ("its", "their"):
        owner = speaker_before(s, hit.first) or opening_name(s)
    else:
        return ""
    thing = noun_phrase(s, k + 1) if owner else ""
    return f"{owner} {thing}" if thing and thing != "people" else ""


def speaker_before(s: Stream, first: int) -> str:
    """The name that says the count, right before it ("..., and Ankara says 59 of its
    troops have died": Ankara's), lower case; "" when none."""
    k = first - 1 - int(s.low(first - 1) == "that")
    if s.low(k) not in SAY_VERBS:
        return ""
    start = k
    while s.capital(start - 1) and s.low(start - 1) not in FUNCTION:
        start -= 1
        if k - start > NAME_WORDS:
            return ""  # a run of capitals (a headline, a table): no one name
    return " ".join(s.lows[start:k])


def opening_name(s: Stream) -> str:
    """The name that opens the sentence, maybe after "The" ("South Korea said ...", "The
    Turkish army lost ..."), lower case; "" when it opens otherwise ("The army said",
    "On Tuesday, ...", "Officials said")."""
    start = end = int(s.low(0) == "the")
    while s.capital(end) and s.low(end) not in FUNCTION | WEEKDAYS.keys() | NUMBER_WORDS:
        end += 1
        if end - start > NAME_WORDS:
            return ""  # a run of capitals (a headline, a table): no one name
    if end == start or plural(s.low(end - 1)) or s.low(end - 1) in MONTHS:
        return ""
    return " ".join(s.lows[start:end])


def possessive(s: Stream, k: int) -> bool:
    """Token k is a name with "'s" ("Turkey's")."""
    return s.capital(k) and s.toks[k].text.lower().endswith(("'s", "’s"))


def kinds_listed(s: Stream, hits: list[Hit], out: list[Quantity]) -> list[int]:
    """The counts of people in general ("passengers", "civilians") that a list of counts
    of different nouns breaks down by kind: "68 passengers and four crew members", "33
    soldiers and two civilians were killed" (not "300 civilians, including 100 children",
    a share of the first). A count beside one under ``LISTED_SHARE`` of it stands for
    the whole ("thousands of fighters and more than 3 million civilians")."""
    found: set[int] = set()
    for n in range(1, len(hits)):
        parent = listed_with(s, hits, n)
        if parent < 0 or s.low(hits[n].first - 1) in ("including", "among"):
            continue
        pair = (parent, n)
        if out[parent].role != out[n].role:
            continue  # "68 passengers and four crew, and 72 people died": no breakdown
        if all(out[k].kind == "count" and out[k].counted for k in pair):
            heads = {k: head_and_mods(out[k].counted)[0] for k in pair}
            if heads[parent] == heads[n]:
                continue
            for k, other in (pair, pair[::-1]):
                whole = out[other].low < LISTED_SHARE * out[k].low  # it stands for the whole
                if heads[k] in PEOPLE and not whole:
                    found.add(k)
    return sorted(found)


LISTED_SHARE = 0.01  # a count beside another under this share of it hardly changes the whole


def is_subset(s: Stream, hit: Hit, counted: str) -> bool:
    """A count without a noun of its own right after "including" or "among", listed
    with the figure before it ("59 soldiers, including 34 killed in one strike"): a
    share of that figure's group, compared with nothing (as people, it met civilians)."""
    return hit.kind == "count" and not counted and s.low(hit.first - 1) in ("including", "among")


PARTITIVE_GAP = 4  # words between "of" and the total ("of the train's eight cars")


def partitive_totals(s: Stream, hits: list[Hit]) -> frozenset[int]:
    """Counts followed by the total they are part of ("seven of the train's eight cars",
    "12 of the 40 passengers"): the first counts what the sentence says happened, the
    second is the size of the whole."""
    return frozenset(
        n
        for n, hit in enumerate(hits[:-1])
        if hit.kind == "count"
        and hits[n + 1].kind == "count"
        and is_part(s, hit)
        and s.low(hit.end + 1) not in PRONOUNS  # "33 of them died in one strike": no total
        and hits[n + 1].first <= hit.end + PARTITIVE_GAP
        and hits[n + 1].counted
    )


def speed_thing(s: Stream, hit: Hit) -> str:
    """ "speed limit" when a limit is named just before the figure, else "speed"."""
    before = s.lows[max(0, hit.first - 4) : hit.first]
    return "speed limit" if "limit" in before or "limits" in before else "speed"
