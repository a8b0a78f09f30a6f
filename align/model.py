"""The engine's data model: the typed hand-offs between stages.

One article flows through the stages like this::

    ingest.load_sources(paths)          -> list[Source]       (raw text, metadata)
    clean.clean(source.raw)             -> Cleaned            (text + origin map + dropped spans)
    segment.segment(cleaned)            -> tuple[Sentence]    (offsets into the raw text)
    figures.read_figures(articles)      -> list[Article]      (Sentence.figures: each figure and
                                                               what it measures)
    grouping.group_sentences(articles)  -> list[tuple[Member]] (who corresponds to whom)
    ledger.build_ledger(articles, ...)  -> Ledger             (claims compared across the story)
    facts.also_members(articles, ...)   -> list[tuple[Member]] (a sentence's second fact joins too)
    compare.compare_group(...)          -> tuple[Divergence]  (numbers and wording of one group)
    export.to_json(alignment)           -> str                (local offsets made raw)

``pipeline.build(paths)`` runs them all and returns the ``Alignment``.

Offsets, ``end`` always exclusive. What bounds a sentence or a dropped span
(``Sentence``, ``Dropped``) is a character offset into ``Source.raw`` (the
decoded original file). What lies inside one sentence (a ``Quantity``, a
``Claim``'s figure, a ``Divergence``, an "also" ``Member``'s clause) is a local
offset into that sentence's cleaned ``text``. Cleaning removes or replaces
spans, so cleaned text is not a slice of the raw text; instead every cleaned
character remembers where it came from (``origin``). Raw offsets of a local span
are derived only where the original text is shown or exported, by
``Sentence.raw_span(i, j)``.

All classes are immutable records (named tuples; ``Alignment`` is made once and
only read): stages never mutate what an earlier stage produced. A record equals
another of the same fields field by field (a sentence's ``origin`` and ``figures``
included); one holding an origin map (``Cleaned``, ``Sentence``, ``Article``) is
not hashable, as the map (``Origins``) is not; an ``Alignment`` equals only itself.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Literal, NamedTuple, overload


class InputError(Exception):
    """Bad input the user can fix: the message is one line naming the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class Source(NamedTuple):
    """One article as read from disk or the web, before cleaning."""

    path: str  # the path or address as given on the command line (or the bundled seed's path)
    name: str  # the file name (a page's address), used as the stable key for annotations
    raw: str  # the decoded text; all offsets refer to this string
    id: str  # short id, unique within one run (manifest id or derived from the name)
    label: str  # the outlet as shown to the user ("The Hill")
    title: str | None = None  # headline from the manifest or the web page, if any
    date: str | None = None  # ISO date from the manifest or the web page, if any
    warnings: tuple[str, ...] = ()  # e.g. "decoded as cp1252 with replacements"
    url: str | None = None  # a web page's address (after redirects), or a saved page's own
    author: str | None = None  # the byline a web page or saved page names, if any


class Dropped(NamedTuple):
    """A span of the raw text that cleaning removed or rewrote, and why.

    ``replacement`` is what stands in the cleaned text instead ("" when the span
    was removed; '"' for a broken ``,quot;`` entity; the link text is *not*
    a replacement: the link syntax around it is dropped as separate spans).
    """

    start: int
    end: int
    text: str
    reason: str
    replacement: str = ""


Run = tuple[int, int, int]  # raw offset of its first character, its length, its step (1 or 0)


class Origins(Sequence[int]):
    """The raw offset of each character of a cleaned text, held as runs.

    Characters copied from the raw text count up by one (step 1); the characters
    of a replacement all map to the start of their dropped span (step 0). A text
    is a few runs a paragraph, not an integer a character: a 3 MB article's
    cleaning peaked at 207 MB with an integer a character, at 51 MB with runs.
    Equal to any sequence of the same offsets; not hashable, as a list is not.
    """

    __slots__ = ("_length", "_raws", "_starts", "_steps")

    def __init__(self, runs: Iterable[Run] = ()) -> None:
        # 8-byte integers: a text of a run a word (one space in two) keeps 24 bytes a word
        starts, raws, steps = array("q"), array("q"), array("b")
        length = 0
        for raw, count, step in runs:
            if count <= 0:
                continue
            step = 1 if count == 1 else step  # one character is either
            if steps and steps[-1] == step and raws[-1] + step * (length - starts[-1]) == raw:
                length += count  # it goes on where the last run stopped
                continue
            starts.append(length)
            raws.append(raw)
            steps.append(step)
            length += count
        self._starts, self._raws, self._steps = starts, raws, steps
        self._length = length

    def runs(self, start: int = 0, stop: int | None = None) -> Iterator[Run]:
        """The runs of characters ``start`` to ``stop`` (end exclusive)."""
        start, stop = max(0, start), self._length if stop is None else min(stop, self._length)
        if start >= stop:
            return
        starts, raws, steps = self._starts, self._raws, self._steps
        k = bisect_right(starts, start) - 1
        while k < len(starts) and starts[k] < stop:
            end = starts[k + 1] if k + 1 < len(starts) else self._length
            first = max(starts[k], start)
            yield raws[k] + steps[k] * (first - starts[k]), min(end, stop) - first, steps[k]
            k += 1

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> Origins: ...
    def __getitem__(self, index: int | slice) -> int | Origins:
        if isinstance(index, slice):
            start, stop, stride = index.indices(self._length)
            if stride != 1:
                raise ValueError("origins are sliced in steps of one")
            return Origins(self.runs(start, stop))
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("origin index out of range")
        k = bisect_right(self._starts, index) - 1
        return self._raws[k] + self._steps[k] * (index - self._starts[k])

    def __iter__(self) -> Iterator[int]:
        for raw, count, step in self.runs():
            yield from (range(raw, raw + count) if step else repeat(raw, count))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Origins({list(self.runs())!r})"


class Cleaned(NamedTuple):
    """The article after cleaning.

    ``origin[i]`` is the raw offset of ``text[i]``; ``len(origin) == len(text)``.
    A character produced by a replacement maps to the start of its dropped span.
    Paragraph breaks survive as blank lines ("\\n\\n") so segmentation can count them.
    """

    text: str
    origin: Sequence[int]  # ``Origins``, built by ``clean``
    dropped: tuple[Dropped, ...]
    headline: str | None = None  # the first line, when it was recognised as the headline


class Sentence(NamedTuple):
    """One sentence (or quotation plus its attribution) of an article.

    ``text`` is the cleaned text; ``start``/``end`` bound it in the raw text.
    ``origin`` maps each character of ``text`` to its raw offset. ``figures``
    are its figures, read once by ``figures.read_figures`` (None before).
    """

    # Position among the article's kept sentences, from 0. As a field of a named tuple
    # it hides tuple.index, which nothing calls on a sentence.
    index: int  # type: ignore[assignment]
    text: str
    start: int
    end: int
    paragraph: int  # paragraph index in the cleaned article, from 0
    origin: Sequence[int] = ()  # a slice of ``Cleaned.origin``
    figures: tuple[Quantity, ...] | None = None

    def raw_span(self, i: int, j: int) -> tuple[int, int]:
        """Raw offsets of ``text[i:j]`` (local, end exclusive; requires i < j).

        A sentence built without an origin map (in tests) counts from its start.
        """
        if len(self.origin) >= j > i:
            return self.origin[i], self.origin[j - 1] + 1
        return self.start + i, self.start + j


class Article(NamedTuple):
    """A source after cleaning and segmentation."""

    source: Source
    sentences: tuple[Sentence, ...]
    dropped: tuple[Dropped, ...]
    title: str  # manifest title, else the recognised headline, else the first line

    @property
    def id(self) -> str:
        return self.source.id

    @property
    def label(self) -> str:
        return self.source.label


class Member(NamedTuple):
    """One article's passage in a group: one or more adjacent sentences.

    Every sentence has exactly one *home* member, where reading order places
    it. A sentence that carries another passage's fact too (two facts in one
    sentence) also joins that group as an ``"also"`` member: exactly one
    sentence, with ``span`` the clause that carries the fact (local offsets
    into the sentence's text, end exclusive). A home member's span is None.
    """

    article: int  # index into Alignment.articles
    sentences: tuple[int, ...]  # sentence indices, ascending and adjacent
    score: float  # similarity to the rest of the group, 0..1 (1.0 for a group of one)
    role: Literal["home", "also"] = "home"
    span: tuple[int, int] | None = None  # an "also" member's clause, local offsets


QuantityKind = Literal[
    "count", "length", "area", "speed", "duration", "time", "date", "money", "percent"
]
ScopeKind = Literal["", "period", "incident", "dated", "part", "earlier", "moment"]


class Scope(NamedTuple):
    """The period or incident a figure covers, when the sentence says.

    ``period``: a span of days or more ("since Feb. 3", "in February", "in
    recent weeks", "this year"); ``incident``: one event or day ("in one
    attack", "on Thursday", "overnight"); ``dated``: a past year ("in 2012",
    "last year"), which marks another event than the story's; ``part``: one
    part of the whole the story counts ("two died on the train and one in the
    truck", "Boone Hospital Center received 28 patients"); ``earlier``: a
    figure its text gives as an earlier report ("initially", "in the first
    hours", "the previously reported 37"); ``moment``: a count taken at a
    moment ("as of 3am on Saturday", "by Friday mid-morning"), as a rising
    toll is. ``anchor`` is
    the normalised key two scopes are compared by ("feb", "recent week",
    "thursday", "2012", ""), ``text`` the words as written, ``place`` a place
    the clause names ("jajarkot"). A figure with no stated scope fits any
    undated one that is not a part, an earlier report or a moment's count.
    """

    kind: ScopeKind = ""
    anchor: str = ""
    text: str = ""
    place: str = ""


NO_SCOPE = Scope()


class Quantity(NamedTuple):
    """A figure in a sentence: an interval with its unit, and what it measures.

    ``start``/``end`` are local offsets into the sentence text. ``low``/``high``
    are in the canonical unit of the kind (count: items; length: km; area: km2;
    speed: km/h; duration: hours; time: minutes after midnight; date: day of
    year (month*31+day, comparable within one year), weekday (Monday 0) or
    year; money: units of the currency; percent: percent). An unbounded side is
    ``math.inf``. An open bound excludes the value itself: "more than 6" is
    (6, inf), "nearly 6" [5.4, 6), "at least 6" [6, inf).

    What it measures: ``counted`` (the normalised noun: "turkish soldier",
    "corridor width"), ``role`` (what happened to it: "killed", "injured",
    "displaced"; for a time or date, the phase of its event: "start", "end"),
    ``event`` (for times, dates and durations: "talks", "ceasefire"),
    ``scope`` (the period or incident it covers) and ``source`` (who says so,
    when the sentence names them: "the Turkish Defense Ministry").
    """

    start: int
    end: int
    text: str  # the words as the outlet wrote them ("more than 300")
    kind: QuantityKind
    low: float
    high: float
    unit: str  # canonical unit ("", "km", "km2", "km/h", "h", "min", "day", "USD", "%")
    hedge: str | None  # "more than", "about", "nearly", ... or None
    counted: str  # normalised head of what is counted ("soldier", "civilian", "corridor")
    precise: bool  # True when the text states an exact value
    low_open: bool = False
    high_open: bool = False
    role: str = ""
    event: str = ""
    scope: Scope = NO_SCOPE
    source: str = ""
    # One kind of people in a count its sentence breaks down by kind ("68 passengers and
    # four crew members", "33 soldiers and two civilians"): not people in general, so it
    # never meets a total it is part of ("72 people on board"; ``relate.kinds_fit``).
    listed: bool = False

    @property
    def subject(self) -> str:
        """What the figure measures, in words, for tables and reports.

        "turkish soldier killed" for a count, "corridor width" for a length,
        "talks duration", "ceasefire start (time of day)"; the kind alone
        ("date", "time of day") when the text names nothing.
        """
        if self.kind in ("time", "date") and self.unit != "year":
            # an attack's day is named by its toll ("attack killing 34 turkish soldier")
            told = (self.counted, "") if self.role == "day" else ("", self.role)
            thing = " ".join(w for w in (self.event, *told) if w)
            name = "weekday" if self.unit == "weekday" else _KIND_NAMES[self.kind]
            return f"{thing} ({name})" if thing else name
        if self.kind == "duration":
            return f"{self.event or self.counted} duration".strip()
        if self.kind == "count":
            thing = self.counted or ("people" if self.role else "")
            words = " ".join(w for w in (thing, self.role) if w)
            return words or _KIND_NAMES["count"]
        if not self.counted:
            return _KIND_NAMES[self.kind]
        return self.counted if self.kind in ("length", "speed") else f"{self.counted} ({self.kind})"


_KIND_NAMES: dict[QuantityKind, str] = {
    "count": "count of something unnamed",
    "length": "length",
    "area": "area",
    "speed": "speed",
    "duration": "duration",
    "time": "time of day",
    "date": "date",
    "money": "amount of money",
    "percent": "percentage",
}

Relation = Literal["conflict", "precision", "same"]
DivergenceKind = Literal["number", "wording", "quote"]
WORST_FIRST: tuple[Relation, ...] = ("conflict", "precision", "same")


class Claim(NamedTuple):
    """A figure located in an article: its passage and sentence. Where it stands in
    the sentence's text is the quantity's (local) ``start``/``end``."""

    group: int
    article: int
    sentence: int
    quantity: Quantity


class Divergence(NamedTuple):
    """One marked difference inside a group, located in one member's text.

    For a number, ``against`` holds the claims of other outlets it is set
    against, wherever they sit (in this passage or another one): one of each
    other reading first, at most ``ledger.MAX_AGAINST`` in all.
    """

    kind: DivergenceKind
    article: int
    sentence: int
    start: int  # local offsets into the sentence's text
    end: int
    text: str
    detail: str  # one line: "conflict: 59 vs 58 (The Washington Post) turkish soldier killed"
    relation: Relation | None = None  # for numbers: conflict or precision
    against: tuple[Claim, ...] = ()


class Pairing(NamedTuple):
    """How two claims of one measured quantity relate (indices into its ``claims``)."""

    a: int
    b: int
    relation: Relation


class Measured(NamedTuple):
    """One measured quantity of the story: a row of the claims ledger.

    Its claims are the figures outlets give for one thing over one scope
    (the corridor's width, Turkish soldiers killed since February), wherever
    they sit. ``pairings`` say how the claims of different outlets relate,
    once per two readings: claims that read alike (same value, hedge and
    scope) are paired "same" with the first of them, which stands for all of
    them against other readings. ``relations`` gives each claim's worst
    relation with any other outlet's claim.
    """

    id: int
    label: str  # what is measured, in words ("turkish soldier killed")
    kind: QuantityKind
    unit: str
    claims: tuple[Claim, ...]
    pairings: tuple[Pairing, ...] = ()
    relations: tuple[Relation | None, ...] = ()  # each claim's worst relation
    readings: tuple[int, ...] = ()  # each claim's reading: claims that read alike share one

    def related(self, index: int) -> tuple[tuple[int, Relation], ...]:
        """Every claim of another outlet that claim ``index`` relates to, with how:
        the pairings read for every claim of the readings they stand for."""
        if not self.readings:
            return tuple(
                sorted(
                    (p.b if p.a == index else p.a, p.relation)
                    for p in self.pairings
                    if index in (p.a, p.b)
                )
            )
        mine = self.readings[index]
        found: dict[int, Relation] = {}
        for p in self.pairings:
            ends = (self.readings[p.a], self.readings[p.b])
            if mine not in ends:
                continue
            other = ends[1] if ends[0] == mine else ends[0]
            for j, reading in enumerate(self.readings):
                if reading == other and self.claims[j].article != self.claims[index].article:
                    found.setdefault(j, p.relation)
        return tuple(sorted(found.items()))

    def relation_of(self, index: int) -> Relation | None:
        """The worst relation claim ``index`` has with another outlet's ("same" if only
        agreement, None when no other outlet gives this quantity)."""
        return self.relations[index] if index < len(self.relations) else None

    @property
    def worst(self) -> Relation | None:
        """The worst relation between any two of its claims."""
        relations = {p.relation for p in self.pairings}
        return next((r for r in WORST_FIRST if r in relations), None)

    @property
    def articles(self) -> frozenset[int]:
        return frozenset(c.article for c in self.claims)


class Closest(NamedTuple):
    """Where an outlet without a member in a group comes nearest to it: the group
    holding its claim of one of the group's measured quantities ("figure"), else its
    sentence best matching one of the group's ("wording")."""

    article: int
    group: int
    by: Literal["figure", "wording"]


class Group(NamedTuple):
    """Corresponding passages across articles, with what differs between them."""

    id: int  # position in reading order, from 0
    members: tuple[Member, ...]  # at most one per article, ordered by article index
    # (home and "also" members alike: an "also" member joins only where its article has none)
    divergences: tuple[Divergence, ...] = ()
    claims: tuple[Claim, ...] = ()
    # for each outlet without a member here that gives one of the passage's measured
    # quantities elsewhere, or whose sentence best matching a member's sits in another
    # group, that group: not a match, so the outlet may not report the fact, but the
    # place to check before saying so (by article). An outlet missing from it shares
    # nothing distinct with the passage.
    closest: tuple[Closest, ...] = ()

    def member_for(self, article: int) -> Member | None:
        for member in self.members:
            if member.article == article:
                return member
        return None

    @property
    def is_single(self) -> bool:
        return len(self.members) == 1

    @property
    def homes(self) -> tuple[Member, ...]:
        """The members whose sentences live here (not those that only join with a clause)."""
        return tuple(m for m in self.members if m.role == "home")

    def closest_in(self, article: int) -> Closest | None:
        """Where ``article`` gives this passage's figure or its nearest wording, if anywhere."""
        return next((c for c in self.closest if c.article == article), None)


class Alignment:
    """The engine's result: articles and their passage groups in reading order.

    Made once by the pipeline and read-only from then on (like the records
    above), with an index from each sentence to the groups holding it.
    """

    __slots__ = ("_also", "_index", "articles", "groups", "ledger", "warnings")

    def __init__(
        self,
        articles: tuple[Article, ...],
        groups: tuple[Group, ...],
        warnings: tuple[str, ...] = (),
        ledger: tuple[Measured, ...] = (),  # the claims ledger: one row per measured quantity
    ) -> None:
        self.articles = articles
        self.groups = groups
        self.warnings = warnings
        self.ledger = ledger
        self._index: dict[tuple[int, int], int] = {}
        self._also: dict[tuple[int, int], tuple[int, ...]] = {}
        for group in groups:
            for member in group.members:
                for s in member.sentences:
                    if member.role == "home":
                        self._index[(member.article, s)] = group.id
                    else:
                        key = (member.article, s)
                        self._also[key] = (*self._also.get(key, ()), group.id)

    def group_of(self, article: int, sentence: int) -> int:
        """The id of the sentence's home group (where reading order places it)."""
        return self._index[(article, sentence)]

    def groups_of(self, article: int, sentence: int) -> tuple[int, ...]:
        """Every group holding this sentence: its home first, then those it also joins."""
        return (self._index[(article, sentence)], *self._also.get((article, sentence), ()))

    def passages(self, group: Group) -> Iterator[tuple[Member, list[Sentence]]]:
        """Each member of the group with its sentences."""
        for member in group.members:
            sentences = self.articles[member.article].sentences
            yield member, [sentences[i] for i in member.sentences]
