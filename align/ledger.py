"""Ledger: the numeric claims of the whole story, compared wherever they sit.

Every figure of every sentence becomes a ``Claim``. Claims of two outlets are
compared when they measure the same thing over a compatible scope
(``figures.comparable``), whether their sentences share a passage or not: a
toll given in one outlet's opening and in another's last paragraph is still
one toll. Per pair of outlets each claim is paired at most once, best pairs
first (equal values before compatible ones before disjoint ones, pairs in one
passage before pairs across passages, closer values first), so "more than 300
civilians ... more than 100 children" in one outlet meets the same two figures
in another instead of crossing them.

Paired claims form the rows of the ledger (``Measured``): one row per measured
quantity, whatever the wording. A claim that another outlet contradicts or
states less precisely gets a number ``Divergence`` in its own passage, which
names the claims it is set against (``against``) and where they sit.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations, pairwise
from typing import TYPE_CHECKING, NamedTuple

from rapidfuzz import fuzz

from .figures import comparable, measure_key, relate, sentence_figures
from .figures.lexicon import INCIDENT_WORDS, VAGUE_WORDS
from .figures.relate import RECURRING, MeasureKey, head_and_mods, name_words, same_place
from .figures.scope import another_months, on_the_day, published_on, to_the_page
from .model import (
    WORST_FIRST,
    Article,
    Claim,
    Divergence,
    Measured,
    Pairing,
    Quantity,
    Relation,
)

# numpy is imported by the functions that use it (only large sets need it).
if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    IntArray = npt.NDArray[np.int64]

RANK: dict[Relation, int] = {"same": 0, "precision": 1, "conflict": 2}
# Pairing is quadratic in the claims one quantity has in two outlets; past this
# many (a table, not prose) only the first ones are compared.
MAX_COMPARED = 200
# A divergence names at most this many claims it is set against (one of each
# reading first): with fifty reprints the detail line counts the rest, and the
# ledger row holds them all.
MAX_AGAINST = 12
# An article with more figures than this is a table or junk, not prose: its
# first figures are compared and a warning says so (bounds time and memory).
MAX_ARTICLE_CLAIMS = 2000

GroupOf = Callable[[int, int], int]  # (article, sentence) -> group id


class Ledger(NamedTuple):
    """The ledger's rows, every claim by passage, and number divergences by passage."""

    rows: tuple[Measured, ...]
    claims: dict[int, tuple[Claim, ...]]  # group id -> its claims, in reading order
    divergences: dict[int, tuple[Divergence, ...]]  # group id -> number divergences
    warnings: tuple[str, ...] = ()
    # claims of one measure in rows kept apart for want of a place (``unplaced_between``):
    # where a reader looks for an outlet's figure all the same
    families: tuple[tuple[Claim, ...], ...] = ()


def locate(articles: Sequence[Article], group_of: GroupOf) -> tuple[list[Claim], list[str]]:
    """Every figure of every sentence, as claims in article and reading order, and a
    warning for each article with more than ``MAX_ARTICLE_CLAIMS`` figures (a table or
    junk, not prose), of which only the first are compared."""
    claims: list[Claim] = []
    warnings: list[str] = []
    story = story_date(articles)
    for a, article in enumerate(articles):
        date = article.source.date or story
        count = 0
        for sentence in article.sentences:
            if count >= MAX_ARTICLE_CLAIMS:
                warnings.append(
                    f"{article.source.path}: more than {MAX_ARTICLE_CLAIMS:,} figures; "
                    f"only the first {MAX_ARTICLE_CLAIMS:,} are compared"
                )
                break
            group = group_of(a, sentence.index)
            figures = attack_days(sentence.text, sentence_figures(sentence))
            for q in figures[: MAX_ARTICLE_CLAIMS - count]:
                claims.append(Claim(group, a, sentence.index, undated(q, date)))
                count += 1
    return claims, warnings


MIN_ATTACK_TOLL = 20  # a toll that names its attack (see ``attack_days``)
# Words that part an attack from a day that is not its own ("the strike, the ministry
# said on Feb. 28", "killed in the strike were buried on Feb. 29")
NOT_ATTACK_DAY = frozenset(
    {"was", "were", "is", "are", "had", "has", "have", "been", "be", "after", "before"}
    | {"that", "which", "who", "and", "but", "said", "says", "told"}
)


def attack_days(text: str, figures: Sequence[Quantity]) -> Sequence[Quantity]:
    """A sentence's figures (``text`` its words), the day of an attack it gives with the
    attack's toll ("34 Turkish soldiers were killed in an air strike on Feb. 28") read
    as the day of the attack that killed them: met by another outlet's day of an attack
    with that toll at that place ("on February 27"), where an attack's day alone meets
    none (a story tells of many attacks). One day and one toll in the sentence, the day
    said of the attack itself ("a strike ... on Feb. 28", "the Feb. 27 strike", not "On
    Feb. 28, the ministry said ..."), and a toll of ``MIN_ATTACK_TOLL`` or more (two
    attacks of one story may each kill twelve), or none is read so."""
    days = [q for q in figures if q.kind == "date" and q.event in RECURRING and not q.role]
    tolls = [
        q
        for q in figures
        if q.kind == "count"
        and q.role == "killed"
        and q.counted
        and q.low == q.high
        and q.low >= MIN_ATTACK_TOLL
        and q.scope.kind == "incident"
    ]
    if len(days) != 1 or len(tolls) != 1:
        return figures
    if not (said_of_attack(text, days[0]) or opens_toll(text, days[0], tolls[0])):
        return figures
    toll = tolls[0]
    day = days[0]._replace(
        counted=f"killing {toll.low:g} {toll.counted}",
        role="day",
        scope=days[0].scope._replace(place=toll.scope.place),
    )
    return [day if q is days[0] else q for q in figures]


OPENING_DAY = re.compile(r"\W*(?:(?i:on)\s+)?")
# The toll's own verb, the sentence's: "34 Turkish soldiers were killed", "... died"
KILLED_MAIN = re.compile(
    r"(?:\s+[\w'’-]+){1,4}?\s+(?:(?:were|was|have\s+been|had\s+been)\s+killed|died|perished)\b"
)


def opens_toll(text: str, day: Quantity, toll: Quantity) -> bool:
    """The day opens the sentence, the toll comes right after it, and the toll's verb of
    killing is the sentence's: "On 27 February, 34 Turkish soldiers were killed in an
    air strike" (not "On Feb. 28, the ministry said 34 ...", nor "On 17 March, 41
    soldiers killed in the strike were buried": the day of their funeral)."""
    return (
        OPENING_DAY.fullmatch(text, 0, day.start) is not None
        and text[day.end : toll.start].strip(" ,") == ""
        and KILLED_MAIN.match(text, toll.end) is not None
    )


def said_of_attack(text: str, day: Quantity) -> bool:
    """Does the attack's own phrase give the day: "an air strike by regime forces on Feb.
    28" (a few words of place or agent between), "the Feb. 27 air strike"?"""
    words = text[max(0, day.start - 60) : day.start].lower().split()
    for k in range(len(words) - 1, max(-1, len(words) - 8), -1):
        if words[k].strip(",.") in INCIDENT_WORDS:
            between = words[k + 1 :]
            return "," not in " ".join(between) and not any(
                w in NOT_ATTACK_DAY or w.endswith("ed") for w in between
            )
    after = text[day.end : day.end + 20].lower().split()
    return any(w.strip(",.") in INCIDENT_WORDS for w in after[:2])


def story_date(articles: Sequence[Article]) -> str | None:
    """The date most of the dated articles carry (the earliest of equals), or None: the
    date of the story an undated article tells, as the others tell it."""
    dates = Counter(d for a in articles if (d := published_on(a.source.date)) is not None)
    if not dates:
        return None
    return min(dates, key=lambda d: (-dates[d], d)).isoformat()


def undated(q: Quantity, date: str | None) -> Quantity:
    """A figure dated to the year of the article (``date``: its own, else the story's)
    belongs to its story; an incident's day named from that date is that date
    (``on_the_day``); a total since a day runs to it (``to_the_page``); a month long
    before it, another event's (``another_months``)."""
    year = (date or "")[:4]
    if q.scope.kind == "dated" and year and q.scope.anchor == year:
        return q._replace(scope=q.scope._replace(kind="", anchor=""))
    published = published_on(date)
    scope = on_the_day(to_the_page(q.scope, published), published)
    scope = another_months(scope, published)
    return q if scope is q.scope else q._replace(scope=scope)


def distance(a: Quantity, b: Quantity) -> float:
    """Relative distance between two figures' representative values."""

    def centre(q: Quantity) -> float:
        return q.low if math.isinf(q.high) else (q.low + q.high) / 2

    ca, cb = centre(a), centre(b)
    return abs(ca - cb) / max(abs(ca), abs(cb), 1.0)


# How two claims relate, the order an outlet's claims pair in (``pairing_order``) and how
# far apart their values are; None: not comparable.
Judge = Callable[[int, int], tuple[Relation, int, float] | None]


def pairing_order(relation: Relation, a: Quantity, b: Quantity) -> int:
    """Which pairs two outlets' claims of one measure make first: the same value, then a
    compatible one, then a conflicting one. A vague figure's agreement ("dozens",
    "hundreds of thousands") comes after a near miss of two precise figures (59 against
    60), and a vague figure's conflict last: its agreement says little, and it would
    take the place of a figure of the outlet's that conflicts ("dozens of Turkish
    troops" and "60 Turkish soldiers" against another outlet's 59). Two precise figures
    far apart are as often a part and a whole ("14 polling stations in the capital"
    against 40): they still pair after the vague figure's agreement."""
    if relation == "same":
        return PAIRING["same"]
    if vague(a) or vague(b):
        return PAIRING["vague " + relation]
    if relation == "conflict" and not near_miss(a, b):
        return PAIRING["far conflict"]
    return PAIRING[relation]


PAIRING = {
    "same": 0,
    "precision": 1,
    "conflict": 2,  # a near miss
    "vague precision": 3,
    "far conflict": 4,
    "vague conflict": 5,
}


def vague(q: Quantity) -> bool:
    """A figure a vague word gives ("dozens", "hundreds of thousands", "several")."""
    return not q.precise and q.hedge in VAGUE_WORDS


NEAR_MISS = 0.1  # two precise figures this close (a tenth of the larger) are one count


def near_miss(a: Quantity, b: Quantity) -> bool:
    """Two figures within ``NEAR_MISS`` of each other: 59 and 60, 381 and 398."""
    return distance(a, b) <= NEAR_MISS


def signature(q: Quantity) -> tuple[object, ...]:
    """What comparing a figure looks at (not where it is written or who says so)."""
    return (
        q.kind,
        q.unit,
        q.low,
        q.high,
        q.low_open,
        q.high_open,
        q.counted,
        q.role,
        q.event,
        q.scope,
        q.listed,
    )


def judge_for(claims: Sequence[Claim]) -> tuple[Judge, list[int]]:
    """How two claims relate, and how far apart they are (None: not comparable).

    Many claims say the same thing the same way (a wire story reprinted fifty
    times), so each distinct pair of signatures is judged once. Also returns each
    claim's reading: the number of its signature.
    """
    ids: dict[tuple[object, ...], int] = {}
    reading_of = [ids.setdefault(signature(c.quantity), len(ids)) for c in claims]
    memo: dict[tuple[int, int], tuple[Relation, int, float] | None] = {}

    def judge(i: int, j: int) -> tuple[Relation, int, float] | None:
        key = (reading_of[i], reading_of[j])
        if key not in memo:
            a, b = claims[i].quantity, claims[j].quantity
            if comparable(a, b):
                relation = relate(a, b)
                memo[key] = (relation, pairing_order(relation, a, b), distance(a, b))
            else:
                memo[key] = None
        return memo[key]

    return judge, reading_of


# Readings of one measure that name a place, read for two incidents: more are a table
# or junk, whose figures stay compared as before (the work grows with their square).
MAX_PLACED = 64


class Stated(NamedTuple):
    """One way a measure is given, with where it is given: its figure, its outlets
    and its passages."""

    quantity: Quantity
    articles: frozenset[int]
    groups: frozenset[int]


def unplaced_between(
    buckets: Iterable[dict[int, list[int]]],
    claims: Sequence[Claim],
    judge: Judge,
    reading_of: Sequence[int],
    articles: Sequence[Article],
) -> tuple[Judge, list[tuple[int, int]]]:
    """``judge``, but a figure that names no place meets no figure that names one where
    it would meet figures of two places that are two incidents (``two_incidents``):
    "six killed in Aleppo on Thursday" and "15 killed in Maarat Misrin on Thursday",
    and "at least 15 killed on Thursday", which names neither, may count either (or
    both: "157 dead" in a quake against "92 in Jajarkot" and "37 in Rukum West"). It
    still meets other figures with no place. Judged once per reading (``reading_of``):
    reprints repeat them. Also returns the pairs of claims it keeps apart (for
    ``families``)."""
    texts: dict[int, str] = {}

    def text(article: int) -> str:
        if article not in texts:
            texts[article] = " ".join(s.text for s in articles[article].sentences).lower()
        return texts[article]

    unclear: set[int] = set()  # readings
    apart: list[tuple[int, int]] = []
    for by_article in buckets:
        held: dict[int, list[int]] = defaultdict(list)  # reading -> its claims
        for ns in by_article.values():
            for n in ns:
                held[reading_of[n]].append(n)
        placed = [r for r, ns in held.items() if claims[ns[0]].quantity.scope.place]
        if not 2 <= len(placed) <= MAX_PLACED:
            continue
        where = {r: stated(held[r], claims) for r in placed}
        incidents = [
            (held[x][0], held[y][0])
            for x, y in combinations(placed, 2)
            if two_incidents(where[x], where[y], text)
        ]
        for r, ns in held.items() if incidents else ():
            n = ns[0]
            if r not in where and any(
                judge(n, p) is not None and judge(n, q) is not None for p, q in incidents
            ):
                unclear.add(r)
                apart += [(n, held[p][0]) for p in placed if judge(n, held[p][0]) is not None]
    if not unclear:
        return judge, []

    def judged(i: int, j: int) -> tuple[Relation, int, float] | None:
        one_placed = bool(claims[i].quantity.scope.place) != bool(claims[j].quantity.scope.place)
        if one_placed and (reading_of[i] in unclear or reading_of[j] in unclear):
            return None
        return judge(i, j)

    return judged, apart


def stated(ns: Sequence[int], claims: Sequence[Claim]) -> Stated:
    return Stated(
        claims[ns[0]].quantity,
        frozenset(claims[n].article for n in ns),
        frozenset(claims[n].group for n in ns),
    )


def two_incidents(a: Stated, b: Stated, text: Callable[[int], str]) -> bool:
    """Do two figures of other places that disagree count two incidents? Yes where one
    outlet gives both ("92 died in Jajarkot ... 37 in Rukum West"), or where no outlet
    of either names the other's place (``text``: an article's text, in lower case) and
    no passage holds both under names spelled alike: an outlet may name the town where
    another names the district around it, or spell it another way ("Kyiv", "Kiev"), with
    a later count, in sentences alike."""
    qa, qb = a.quantity, b.quantity
    if same_place(qa.scope.place, qb.scope.place) or relate(qa, qb) != "conflict":
        return False
    if a.articles & b.articles:
        return True
    if a.groups & b.groups and spelled_alike(qa.scope.place, qb.scope.place):
        return False  # "Kyiv", "Kiev" in one passage; not "Binnish", "Sarmin"
    named = any(names(text(x), qb.scope.place) for x in a.articles) or any(
        names(text(x), qa.scope.place) for x in b.articles
    )
    return not named


SPELLED_ALIKE = 50.0  # rapidfuzz ratio of two spellings of a name at least ("kyiv", "kiev")


def spelled_alike(a: str, b: str) -> bool:
    """Could two places' names be one name spelled two ways?"""
    return any(fuzz.ratio(x, y) >= SPELLED_ALIKE for x in a.split() for y in b.split())


def names(text: str, place: str) -> bool:
    """Does the text name the place (each of its longer words but compass words: "Maarat
    al-Numan" does not name Maarat Misrin)?"""
    words = name_words(place)
    return bool(words) and all(word in text for word in words)


def pair_outlets(
    left: Sequence[int], right: Sequence[int], judge: Judge
) -> list[tuple[int, int, Relation]]:
    """One-to-one pairs of comparable claims of two outlets, best first (``pairing_order``;
    closer values first; then reading order)."""
    candidates: list[tuple[int, float, int, int, Relation]] = []
    for x, i in enumerate(left[:MAX_COMPARED]):
        for y, j in enumerate(right[:MAX_COMPARED]):
            found = judge(i, j)
            if found is not None:
                candidates.append((found[1], found[2], x, y, found[0]))
    candidates.sort()
    used_left: set[int] = set()
    used_right: set[int] = set()
    out = []
    for *_, x, y, relation in candidates:
        if x not in used_left and y not in used_right:
            used_left.add(x)
            used_right.add(y)
            out.append((left[x], right[y], relation))
    return out


# Outlets that give one measure in several readings are paired all at once
# (``pair_many``) when they make at least this many pairs, each of at most
# MANY_CLAIMS claims of the measure (the work grows with its cube), in chunks
# of at most MANY_CELLS candidate pairs of claims; others one pair at a time.
MANY_PAIRS = 200
# An outlet's claims of one measure paired claim by claim (the work grows with the
# square of their number): prose gives a handful; past this many, a table or junk.
MAX_PAIRED = 64
MANY_CLAIMS = 16
MANY_CELLS = 1_000_000


def pair_many(
    outlets: Sequence[Sequence[int]], judge: Judge, reading_of: Sequence[int]
) -> dict[tuple[int, int], list[tuple[int, int, Relation]]]:
    """``pair_outlets`` of every two ``outlets`` of at most ``MANY_CLAIMS`` claims,
    all pairs at once: (first, second) by position -> its pairs, in the same order.

    Two claims relate as their readings do, so each two readings are judged
    once, into a table that also ranks them as ``pair_outlets`` sorts
    candidates (relation, then distance). A candidate's key is its table rank,
    then its place in the outlets (reading order); each pair of outlets takes,
    step by step, its least key whose claims are both still free, which is the
    greedy pass of ``pair_outlets`` over its sorted candidates.
    """
    import numpy as np  # only for large sets: a small one never needs it

    short = [k for k, ns in enumerate(outlets) if len(ns) <= MANY_CLAIMS]
    if len(short) < 2:
        return {}
    kept = [outlets[k] for k in short]
    local, first = _distinct_readings(kept, reading_of)
    relation, table = _judged_readings(first, judge)
    width = max(len(ns) for ns in kept)
    key, none = _candidate_keys(relation, table, width)
    held = np.full((len(kept), width), len(first), dtype=np.int64)  # last row: padding
    for row, ns in enumerate(kept):
        held[row, : len(ns)] = [local[reading_of[n]] for n in ns]
    lefts, rights = np.triu_indices(len(kept), 1)
    names: list[Relation] = list(RANK)
    out: dict[tuple[int, int], list[tuple[int, int, Relation]]] = {}
    chunk = max(1, MANY_CELLS // (width * width))
    for start in range(0, lefts.size, chunk):
        ls, rs = lefts[start : start + chunk], rights[start : start + chunk]
        taken = _greedy_pairs(key, none, relation, held[ls], held[rs])
        for u, v, pairs in zip(ls.tolist(), rs.tolist(), taken, strict=True):
            left, right = kept[u], kept[v]
            out[(short[u], short[v])] = [(left[i], right[j], names[k]) for i, j, k in pairs]
    return out


def _distinct_readings(
    outlets: Sequence[Sequence[int]], reading_of: Sequence[int]
) -> tuple[dict[int, int], list[int]]:
    """Each reading's row in the table (reading -> row), and a claim of each row."""
    local: dict[int, int] = {}
    first: list[int] = []
    for ns in outlets:
        for n in ns:
            if local.setdefault(reading_of[n], len(first)) == len(first):
                first.append(n)
    return local, first


def _judged_readings(first: Sequence[int], judge: Judge) -> tuple[IntArray, IntArray]:
    """Every two readings judged once: the ``RANK`` of their relation (``len(RANK)``:
    not comparable; the last row and column are padding), and their rank as
    ``pair_outlets`` sorts candidates (equal relation and distance: equal rank)."""
    import numpy as np

    count = len(first)
    rank = np.full((count + 1, count + 1), len(RANK), dtype=np.int64)
    first_by = np.full((count + 1, count + 1), len(PAIRING), dtype=np.int64)
    far = np.zeros((count + 1, count + 1), dtype=np.float64)
    for u in range(count):
        for v in range(count):
            found = judge(first[u], first[v])
            if found is not None:
                rank[u, v], first_by[u, v], far[u, v] = RANK[found[0]], found[1], found[2]
    order = np.lexsort((far.ravel(), first_by.ravel()))
    step = np.concatenate(
        [[0], (np.diff(first_by.ravel()[order]) != 0) | (np.diff(far.ravel()[order]) != 0)]
    )
    table = np.empty(order.size, dtype=np.int64)
    table[order] = np.cumsum(step)
    return rank, table.reshape(rank.shape)


def _candidate_keys(rank: IntArray, table: IntArray, width: int) -> tuple[IntArray, int]:
    """Each two readings' key, spaced to leave room for a place among ``width`` x
    ``width`` claims, and the key past every candidate's (not comparable)."""
    import numpy as np

    cells = width * width
    none = int(table.max() + 1) * cells
    return np.where(rank < len(RANK), table * cells, none), none


def _greedy_pairs(
    key: IntArray, none: int, rank: IntArray, lefts: IntArray, rights: IntArray
) -> list[list[tuple[int, int, int]]]:
    """For each two outlets (their readings' rows, ``lefts[p]`` and ``rights[p]``), its
    pairs in the order taken: least key first among claims both still free, as
    (place in the left outlet, place in the right, ``RANK`` of the relation)."""
    import numpy as np

    size, width = lefts.shape
    cells = width * width
    a, b = lefts[:, :, None], rights[:, None, :]
    keys = (key[a, b] + np.arange(cells).reshape(width, width)).reshape(size, cells)
    keys[key[a, b].reshape(size, cells) == none] = none
    taken: list[list[tuple[int, int, int]]] = [[] for _ in range(size)]
    live = np.arange(size)
    for _ in range(width):
        best = keys[live].argmin(axis=1)
        found = keys[live, best] < none
        live, best = live[found], best[found]
        if live.size == 0:
            break
        x, y = best // width, best % width
        rows = keys[live].reshape(live.size, width, width)
        rows[np.arange(live.size), x, :] = none  # the claims are taken
        rows[np.arange(live.size), :, y] = none
        keys[live] = rows.reshape(live.size, cells)
        relations = rank[lefts[live, x], rights[live, y]].tolist()
        for p, i, j, r in zip(live.tolist(), x.tolist(), y.tolist(), relations, strict=True):
            taken[p].append((i, j, r))
    return taken


def families(
    pairs: Sequence[tuple[int, int]], tally: Tally, claims: Sequence[Claim]
) -> tuple[tuple[Claim, ...], ...]:
    """The claims of the rows that ``pairs`` (claims kept apart for want of a place)
    would have joined, each such set of rows as one family."""
    parent: dict[int, int] = {}

    def root(row: int) -> int:
        while parent.setdefault(row, row) != row:
            row = parent[row]
        return row

    for i, j in pairs:
        a, b = root(find(tally.parent, i)), root(find(tally.parent, j))
        parent[max(a, b)] = min(a, b)
    found: dict[int, list[Claim]] = defaultdict(list)
    for n, claim in enumerate(claims):
        row = find(tally.parent, n)
        if row in parent:
            found[root(row)].append(claim)
    return tuple(tuple(family) for family in found.values())


def find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


class Tally:
    """What comparing finds: the rows (claims joined by union-find), one pairing per two
    readings and relation, and for each claim the other readings it disagrees with."""

    def __init__(self, count: int, reading_of: Sequence[int]) -> None:
        self.parent = list(range(count))
        self.reading_of = reading_of
        self.pairs: list[tuple[int, int, Relation]] = []
        self.paired: set[int] = set()  # claims another outlet's claim relates to
        self.seen: set[tuple[int, int, Relation]] = set()
        # claim -> (relation, the other reading) -> [up to MAX_AGAINST claims, how many]
        self.notes: dict[int, dict[tuple[Relation, int], tuple[list[int], list[int]]]] = (
            defaultdict(dict)
        )

    def join(self, i: int, j: int) -> None:
        self.parent[find(self.parent, i)] = find(self.parent, j)

    def relate(
        self, i: int, j: int, relation: Relation, i_side: Sequence[int], j_side: Sequence[int]
    ) -> None:
        """Claims i and j relate so, standing for the claims of ``i_side`` and ``j_side``."""
        self.join(i, j)
        self.paired.update(i_side)
        self.paired.update(j_side)
        key = (self.reading_of[i], self.reading_of[j], relation)
        if key not in self.seen:  # a pairing per two readings: fifty reprints make one
            self.seen.add(key)
            self.pairs.append((i, j, relation))
        if relation != "same":
            for n in i_side:
                self.note(n, relation, j_side)
            for n in j_side:
                self.note(n, relation, i_side)

    def note(self, n: int, relation: Relation, others: Sequence[int]) -> None:
        kept, total = self.notes[n].setdefault((relation, self.reading_of[others[0]]), ([], [0]))
        kept.extend(others[: MAX_AGAINST - len(kept)])
        total[0] += len(others)


def restated(ns: Sequence[int], claims: Sequence[Claim]) -> dict[int, int]:
    """Claims of one outlet that restate another of its claims without the hedge
    ("115 dead" in a headline over "at least 115 people were killed"): claim ->
    the hedged claim it stands for. The outlet's statement is the hedged one."""
    out: dict[int, int] = {}
    for n in ns:
        q = claims[n].quantity
        if q.low != q.high or q.hedge:
            continue
        for m in ns:
            h = claims[m].quantity
            if m != n and h.hedge and (h.low == q.low or h.high == q.high):
                out[n] = m
                break
    return out


def join_restatements(
    by_article: dict[int, list[int]], claims: Sequence[Claim], judge: Judge, tally: Tally
) -> None:
    """An outlet that gives one measure twice in a sentence, compatibly ("at 0001
    tonight, as in, from midnight"), says one thing: its two claims share a row."""
    for ns in by_article.values():
        for i, j in pairwise(ns):
            if claims[i].sentence == claims[j].sentence:
                found = judge(i, j)
                if found is not None and found[0] != "conflict":
                    tally.join(i, j)


def compare_bucket(
    by_article: dict[int, list[int]],
    claims: Sequence[Claim],
    judge: Judge,
    reading_of: Sequence[int],
    tally: Tally,
) -> None:
    """Compare the claims of one measure across outlets, into ``tally``.

    An outlet whose claims of the measure all read alike (the usual case) is
    compared by that reading (``reading_of``): each two readings are judged once, so
    fifty copies of a wire story cost what one does, and a reading stands for
    every outlet that gives it. An outlet that gives the measure in several
    readings has each of its claims paired one-to-one with the others'
    (``pair_outlets``); outlets whose readings are alike pair alike, and many
    such outlets are paired all at once (``pair_many``).
    """
    by_article = dict(by_article)
    readings, holders, several = _outlet_readings(by_article, claims, reading_of, tally)
    _relate_readings(readings, holders, judge, tally)
    for a in several:  # against each reading of the one-reading outlets
        for reading, ns in readings.items():
            for i, j, relation in pair_outlets(by_article[a][:MAX_PAIRED], ns[:1], judge):
                tally.relate(i, j, relation, (i,), holders[reading])
    _pair_several([by_article[a][:MAX_PAIRED] for a in several], judge, reading_of, tally)


def _outlet_readings(
    by_article: dict[int, list[int]],
    claims: Sequence[Claim],
    reading_of: Sequence[int],
    tally: Tally,
) -> tuple[dict[int, list[int]], dict[int, list[int]], list[int]]:
    """Sort the outlets by how they read (their restating claims joined and dropped from
    ``by_article``): reading -> one claim per outlet that reads only so, reading ->
    every claim of those outlets that reads so, and the outlets of several readings."""
    readings: dict[int, list[int]] = defaultdict(list)
    holders: dict[int, list[int]] = defaultdict(list)
    several = []
    for article in sorted(by_article):
        restating = restated(by_article[article], claims)
        for n, hedged in restating.items():  # the same statement: the same row, no marks
            tally.join(n, hedged)
        ns = by_article[article] = [n for n in by_article[article] if n not in restating]
        if len({reading_of[n] for n in ns}) == 1:
            readings[reading_of[ns[0]]].append(ns[0])
            holders[reading_of[ns[0]]] += ns
            for n in ns[1:]:  # the same figure again in the same outlet: the same row
                tally.join(n, ns[0])
        else:
            several.append(article)
    return readings, holders, several


def _relate_readings(
    readings: dict[int, list[int]], holders: dict[int, list[int]], judge: Judge, tally: Tally
) -> None:
    """Relate the one-reading outlets: alike within a reading, each two readings judged once."""
    for reading, ns in readings.items():
        for n in ns[1:]:
            tally.relate(ns[0], n, "same", holders[reading], holders[reading])
    kept = list(readings)
    for x, first in enumerate(kept):
        for second in kept[x + 1 :]:
            found = judge(readings[first][0], readings[second][0])
            if found is not None:
                i, j = readings[first][0], readings[second][0]
                tally.relate(i, j, found[0], holders[first], holders[second])


def _pair_several(
    outlets: Sequence[Sequence[int]], judge: Judge, reading_of: Sequence[int], tally: Tally
) -> None:
    """Pair the outlets of several readings with each other, claim by claim: outlets
    that read alike pair alike, and many outlets are paired at once (``pair_many``)."""
    pairs = len(outlets) * (len(outlets) - 1) // 2
    many = pair_many(outlets, judge, reading_of) if pairs >= MANY_PAIRS else {}
    matched: dict[tuple[tuple[int, ...], tuple[int, ...]], list[tuple[int, int, Relation]]] = {}
    for x, left in enumerate(outlets):
        for y in range(x + 1, len(outlets)):
            right = outlets[y]
            if (x, y) in many:
                for i, j, relation in many[(x, y)]:
                    tally.relate(i, j, relation, (i,), (j,))
                continue
            key = (tuple(reading_of[n] for n in left), tuple(reading_of[n] for n in right))
            if key not in matched:
                paired = pair_outlets(left, right, judge)
                matched[key] = [(left.index(i), right.index(j), rel) for i, j, rel in paired]
            for x_, y_, relation in matched[key]:
                i, j = left[x_], right[y_]
                tally.relate(i, j, relation, (i,), (j,))


def build_ledger(articles: Sequence[Article], group_of: GroupOf) -> Ledger:
    """Compare every claim of the story with the other outlets' claims of its quantity."""
    claims, warnings = locate(articles, group_of)
    buckets: dict[MeasureKey, dict[int, list[int]]] = defaultdict(lambda: defaultdict(list))
    for n, claim in enumerate(claims):
        key = measure_key(claim.quantity)
        if key is not None:
            buckets[key][claim.article].append(n)
    alone: list[int] = []  # counts compared with nothing: rows of their own
    for measure, by_article in buckets.items():
        apart = set(unowned(measure, by_article, claims))
        for article, ns in by_article.items() if apart else ():
            by_article[article] = [n for n in ns if n not in apart]
        alone += sorted(apart)
    judge, reading_of = judge_for(claims)
    judge, unmarked = unplaced_between(buckets.values(), claims, judge, reading_of, articles)
    tally = Tally(len(claims), reading_of)
    for by_article in buckets.values():
        join_restatements(by_article, claims, judge, tally)
        compare_bucket(by_article, claims, judge, reading_of, tally)
    keyed = [n for by_article in buckets.values() for ns in by_article.values() for n in ns]
    rows = ledger_rows(claims, [*keyed, *alone], tally)
    by_group: dict[int, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_group[claim.group].append(claim)
    return Ledger(
        rows=rows,
        claims={g: tuple(cs) for g, cs in by_group.items()},
        divergences=number_divergences(claims, tally, articles),
        warnings=tuple(warnings),
        families=families(unmarked, tally, claims),
    )


def unowned(
    measure: MeasureKey, by_article: dict[int, list[int]], claims: Sequence[Claim]
) -> list[int]:
    """The counts of a measure that name no side ("33 soldiers were killed") where two
    sides or more are each counted by two outlets or more ("Turkish soldiers", "Syrian
    soldiers"): whose they are is unknown, so they are compared with nothing. A side
    one outlet names ("three Chinese miners were among those killed") splits nothing;
    people in general are never split by side ("Syrian civilians" and "civilians")."""
    if measure[0] != "count" or measure[2] == "people":
        return []
    outlets: dict[frozenset[str], set[int]] = defaultdict(set)
    for article, ns in by_article.items():
        for n in ns:
            outlets[head_and_mods(claims[n].quantity.counted)[1]].add(article)
    sides = [mods for mods, named in outlets.items() if mods and len(named) >= 2]
    if len(sides) < 2:
        return []
    held = [n for ns in by_article.values() for n in ns]
    return [n for n in held if not head_and_mods(claims[n].quantity.counted)[1]]


def ledger_rows(
    claims: Sequence[Claim], keyed: Sequence[int], tally: Tally
) -> tuple[Measured, ...]:
    """One row per connected set of paired claims (a lone claim is a row of its own),
    in the order the story first gives them (passage, then outlet)."""
    members: dict[int, list[int]] = defaultdict(list)
    for n in keyed:
        members[find(tally.parent, n)].append(n)
    row_pairs: dict[int, list[tuple[int, int, Relation]]] = defaultdict(list)
    for i, j, relation in tally.pairs:
        row_pairs[find(tally.parent, i)].append((i, j, relation))
    ordered = sorted(
        members.items(), key=lambda item: min((claims[n].group, claims[n].article) for n in item[1])
    )
    rows = [
        measured_row(row_id, ns, row_pairs[root], claims, tally)
        for row_id, (root, ns) in enumerate(ordered)
    ]
    return tuple(told_apart(rows))


def told_apart(rows: Sequence[Measured]) -> list[Measured]:
    """Rows that would read alike ("civilian killed" twice: one "since the offensive",
    one "since last December", scopes the engine cannot equate; or one near Binnish,
    one near Maarat Misrin) say the scope or the place their claims share, so a
    reader sees why they are not compared."""
    count = Counter(row.label for row in rows)
    out = []
    for row in rows:
        figures = [c.quantity for c in row.claims]
        told = [t for t in (shared_scope(figures), shared_place(figures)) if t]
        if count[row.label] > 1 and told:
            row = row._replace(label=" · ".join([row.label, *told]))
        out.append(row)
    return out


def shared_place(figures: Sequence[Quantity]) -> str:
    """The place every figure names ("Maarat Misrin"), or ""."""
    places = {q.scope.place for q in figures}
    return places.pop().title() if len(places) == 1 else ""


def shared_scope(figures: Sequence[Quantity]) -> str:
    """The scope every figure states, as the first one words it ("since the
    offensive", "Since last December"), or as one names it where they word it
    otherwise ("Thursday", not "overnight": ``on_the_day``), or "" when one states
    none or they differ."""
    anchors = {(q.scope.kind, q.scope.anchor) for q in figures}
    named = (q.scope for q in figures if q.scope.text.lower() == q.scope.anchor)
    first = next(named, figures[0].scope)
    if len(anchors) != 1 or not first.anchor or first.kind == "dated":
        return ""  # a dated row already says its year
    return first.text.rstrip(" .,;:")


def measured_row(
    row_id: int,
    ns: list[int],
    pairs: Sequence[tuple[int, int, Relation]],
    claims: Sequence[Claim],
    tally: Tally,
) -> Measured:
    """The ledger row of claims ``ns`` (sorted here into reading order) and their ``pairs``."""
    ns.sort(key=lambda n: (claims[n].article, claims[n].sentence, claims[n].quantity.start))
    index = {n: k for k, n in enumerate(ns)}
    numbers: dict[int, int] = {}
    first = claims[ns[0]].quantity
    return Measured(
        row_id,
        row_label([claims[n].quantity for n in ns]),
        first.kind,
        first.unit,
        tuple(claims[n] for n in ns),
        tuple(Pairing(index[i], index[j], rel) for i, j, rel in pairs),
        tuple(worst_of(tally, n) for n in ns),
        tuple(numbers.setdefault(tally.reading_of[n], len(numbers)) for n in ns),
    )


def row_label(figures: Sequence[Quantity]) -> str:
    """What a row measures: its figures' most common subject, and the date when all
    its dated figures name one (another event than the story's: say when)."""
    label = Counter(q.subject for q in figures).most_common(1)[0][0]
    dated = {q.scope.anchor for q in figures if q.scope.kind == "dated"}
    if len(dated) == 1:
        label += f" ({dated.pop()})"
    return label


def worst_of(tally: Tally, n: int) -> Relation | None:
    """The worst relation of a claim: from its notes, "same" if only agreed with, None if
    no other outlet gives its quantity."""
    relations = {relation for relation, _ in tally.notes.get(n, {})}
    found = next((r for r in WORST_FIRST if r in relations), None)
    return found or ("same" if n in tally.paired else None)


# ---------------------------------------------------------------- divergences


Reading = tuple[Relation, tuple[int, ...], int]  # relation, some claims of it, how many


def number_divergences(
    claims: Sequence[Claim], tally: Tally, articles: Sequence[Article]
) -> dict[int, tuple[Divergence, ...]]:
    """A divergence for each claim another outlet contradicts or states less precisely."""
    out: dict[int, list[Divergence]] = defaultdict(list)
    noted = sorted(
        tally.notes, key=lambda n: (claims[n].article, claims[n].sentence, claims[n].quantity.start)
    )
    for n in noted:
        claim = claims[n]
        readings: list[Reading] = sorted(
            ((rel, tuple(kept), total[0]) for (rel, _), (kept, total) in tally.notes[n].items()),
            key=lambda r: claims[r[1][0]].article,
        )
        worst = next(r for r in WORST_FIRST if any(rel == r for rel, _, _ in readings))
        # one claim of each reading first, then the rest, up to MAX_AGAINST in all
        firsts = [ks[0] for _, ks, _ in readings]
        rest = [k for _, ks, _ in readings for k in ks[1:]]
        against = list(dict.fromkeys([*firsts, *rest]))[:MAX_AGAINST]
        out[claim.group].append(
            Divergence(
                kind="number",
                article=claim.article,
                sentence=claim.sentence,
                start=claim.quantity.start,
                end=claim.quantity.end,
                text=claim.quantity.text,
                detail=detail(claim, readings, worst, claims, articles),
                relation=worst,
                against=tuple(claims[k] for k in sorted(against, key=lambda k: claims[k].article)),
            )
        )
    return {g: tuple(ds) for g, ds in out.items()}


def short(x: float) -> str:
    """A value for the detail line: two significant digits, whole numbers from 100 up."""
    return f"{x:.0f}" if abs(x) >= 100 else f"{x:.2g}"


def in_unit(q: Quantity) -> str:
    """A measure in its canonical unit as a short range ("5.6-7.2 km", "from 3 km")."""
    if math.isinf(q.high):
        return f"from {short(q.low)} {q.unit}"
    lo, hi = short(q.low), short(q.high)
    return f"{lo} {q.unit}" if lo == hi else f"{lo}-{hi} {q.unit}"


CONVERTED = ("length", "area", "speed")


NAMED = 3  # outlets named for one reading in a detail line; the rest are counted


def detail(
    claim: Claim,
    readings: Sequence[Reading],
    worst: Relation,
    claims: Sequence[Claim],
    articles: Sequence[Article],
) -> str:
    """ "conflict: 58 vs 59 (The Hill, Al Jazeera), dozens (The Moscow Times, precision) —
    turkish soldier killed"; a reading many outlets give names three and counts the rest."""
    q = claim.quantity
    own = f"{q.text} ({in_unit(q)})" if q.kind in CONVERTED else q.text
    parts = []
    for relation, ks, total in readings:
        other = claims[ks[0]]
        names = [articles[claims[k].article].label for k in ks[:NAMED]]
        if total > len(names):
            names[-1] += f" and {total - len(names)} more"
        extras = [", ".join(names)]
        if other.quantity.kind in CONVERTED and other.quantity.text != q.text:
            extras.append(in_unit(other.quantity))
        if all(claims[k].group != claim.group for k in ks):
            extras.append(f"passage {other.group + 1}")
        if relation != worst:
            extras.append(relation)
        parts.append(f"{other.quantity.text} ({', '.join(extras)})")
    return f"{worst}: {own} vs {', '.join(parts)} — {q.subject}"
