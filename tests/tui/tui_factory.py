"""Hand-made alignments for the reader's tests: exact groups, divergences and claims.

Tests build these directly from ``align.model`` so they assert precisely and do
not change when the engine's stages improve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from helpers_align import Paragraphs
from helpers_align import make_article as article

from align.model import (
    WORST_FIRST,
    Alignment,
    Article,
    Claim,
    Divergence,
    Group,
    Measured,
    Member,
    Pairing,
    Quantity,
    QuantityKind,
    Relation,
)


def make_article(
    label: str, title: str, paragraphs: Paragraphs, prefix: str = "", name: str = ""
) -> Article:
    """The tests' one article factory (``helpers_align.make_article``), named from the
    outlet's label; ``prefix`` stands for debris cleaning dropped."""
    key = name or label.lower().replace(" ", "-")
    return article(key, paragraphs, label, title=title, prefix=prefix, path=f"/tmp/{key}.txt")


@dataclass(frozen=True)
class Num:
    """A numeric claim to place: group, article, sentence, and the words it covers."""

    group: int
    article: int
    sentence: int
    words: str
    counted: str
    kind: QuantityKind = "count"


@dataclass(frozen=True)
class Diff:
    """A divergence to place, like Num; a number's ``against`` names the claims it is
    set against (in this passage or another)."""

    group: int
    article: int
    sentence: int
    words: str
    kind: str
    detail: str
    relation: Relation | None = None
    against: Sequence[Num] = ()


@dataclass(frozen=True)
class Row:
    """A row of the claims ledger: its claims and how pairs of them relate
    ((i, j, relation), indices into ``nums``)."""

    label: str
    nums: Sequence[Num]
    pairs: Sequence[tuple[int, int, Relation]] = ()


def _local(articles: Sequence[Article], article: int, sentence: int, words: str) -> tuple[int, int]:
    """Where ``words`` stand in the sentence's text (local offsets)."""
    at = articles[article].sentences[sentence].text.index(words)
    return at, at + len(words)


def make_alignment(
    articles: Sequence[Article],
    groups: Sequence[Sequence[tuple[int, Sequence[int]]]],
    diffs: Sequence[Diff] = (),
    nums: Sequence[Num] = (),
    rows: Sequence[Row] = (),
) -> Alignment:
    """Groups in reading order from (article, sentence indices) lists, plus marks
    and the claims ledger, all placed as given (nothing is compared here)."""
    built = []
    for gid, members in enumerate(groups):
        score = 1.0 if len(members) == 1 else 0.8
        ms = tuple(Member(a, tuple(ss), score) for a, ss in sorted(members))
        divs = tuple(
            Divergence(
                d.kind,
                d.article,
                d.sentence,
                *_local(articles, d.article, d.sentence, d.words),
                d.words,
                d.detail,
                d.relation,
                tuple(_claim(articles, n) for n in d.against),
            )  # type: ignore[arg-type]
            for d in diffs
            if d.group == gid
        )
        claims = tuple(_claim(articles, n) for n in nums if n.group == gid)
        built.append(Group(gid, ms, divs, claims))
    ledger = tuple(
        Measured(
            k,
            row.label,
            row.nums[0].kind,
            "" if row.nums[0].kind == "count" else "km",
            tuple(_claim(articles, n) for n in row.nums),
            tuple(Pairing(i, j, rel) for i, j, rel in row.pairs),
            tuple(_worst(row.pairs, n) for n in range(len(row.nums))),
        )
        for k, row in enumerate(rows)
    )
    return Alignment(tuple(articles), tuple(built), ledger=ledger)


def _worst(pairs: Sequence[tuple[int, int, Relation]], n: int) -> Relation | None:
    """A row's claim n: its worst relation among the pairs it is in (as the ledger gives it)."""
    mine = {rel for i, j, rel in pairs if n in (i, j)}
    return next((r for r in WORST_FIRST if r in mine), None)


def _claim(articles: Sequence[Article], n: Num) -> Claim:
    start, end = _local(articles, n.article, n.sentence, n.words)
    unit = "" if n.kind == "count" else "km"
    q = Quantity(start, end, n.words, n.kind, 1.0, 1.0, unit, None, n.counted, True)
    return Claim(n.group, n.article, n.sentence, q)


ALPHA = make_article(
    "Alpha News",
    "Ceasefire agreed in the north",
    [
        [
            "Leaders agreed a ceasefire on Thursday.",
            "At least 59 soldiers were killed in February.",
        ],
        ["The corridor will be 6 km wide.", "Only Alpha mentions that the night was cold."],
    ],
    prefix="Home | World | Sign in\n",
)
BETA = make_article(
    "Beta Times",
    "Truce reached after talks",
    [
        ["Leaders agreed to a ceasefire Thursday.", "58 soldiers were killed in February."],
        ["“We will respond,” the president said."],
    ],
)
GAMMA = make_article(
    "Gamma Wire",
    "Two leaders announce a truce",
    [
        ["The leaders agreed a ceasefire."],
        ["“We shall respond,” the president said.", "A corridor about 4 miles wide is planned."],
    ],
)


SOLDIERS = (Num(1, 0, 1, "At least 59", "soldier"), Num(1, 1, 1, "58", "soldier"))
CORRIDOR = (
    Num(2, 0, 2, "6 km", "corridor", "length"),
    Num(2, 2, 2, "about 4 miles", "corridor", "length"),
)


def sample() -> Alignment:
    """Three outlets, five passages: agreement with rewording, a number conflict,
    a precision difference, a reworded quotation and a single-outlet passage."""
    return make_alignment(
        [ALPHA, BETA, GAMMA],
        [
            [(0, [0]), (1, [0]), (2, [0])],
            [(0, [1]), (1, [1])],
            [(0, [2]), (2, [2])],
            [(1, [2]), (2, [1])],
            [(0, [3])],
        ],
        diffs=[
            Diff(0, 1, 0, "agreed to a", "wording", "“agreed a” reworded as “agreed to a”"),
            Diff(
                1,
                0,
                1,
                "59",
                "number",
                "59 vs 58 soldiers killed: conflict",
                "conflict",
                (SOLDIERS[1],),
            ),
            Diff(
                1,
                1,
                1,
                "58",
                "number",
                "59 vs 58 soldiers killed: conflict",
                "conflict",
                (SOLDIERS[0],),
            ),
            Diff(
                2,
                0,
                2,
                "6 km",
                "number",
                "6 km vs about 4 miles corridor: precision",
                "precision",
                (CORRIDOR[1],),
            ),
            Diff(
                2,
                2,
                2,
                "about 4 miles",
                "number",
                "6 km vs about 4 miles corridor: precision",
                "precision",
                (CORRIDOR[0],),
            ),
            Diff(3, 2, 1, "We shall respond", "quote", "quotation reworded: will / shall", None),
        ],
        nums=[*SOLDIERS, *CORRIDOR],
        rows=[
            Row("soldier killed", SOLDIERS, [(0, 1, "conflict")]),
            Row("corridor width", CORRIDOR, [(0, 1, "precision")]),
        ],
    )


DAILY = make_article(
    "The Daily Record",
    "Talks end, flood toll rises",
    [
        ["Talks in the capital lasted nearly six hours, or 350 minutes."],
        ["At least 40 people died in the flooding on Monday."],
    ],
)
NORTHERN = make_article(
    "Northern Wire (AFP)",
    "Flood toll at 40",
    [["The talks lasted more than six hours."], ["Officials said 40 people died in the flood."]],
)
COAST = make_article(
    "Coast Herald",
    "Mayor gives flood toll",
    [["Negotiators met for six hours."], ["The flood killed 38 people, the mayor said."]],
)
VALLEY = make_article("Valley Times", "Meeting ends", [["The meeting lasted six hours."]])
METRO = make_article("Metro Post", "Rescuers count the dead", [["Rescuers said 38 had died."]])
GLOBAL = make_article(
    "Global News Network",
    "Talks and floods",
    [["Talks ran for about six hours."], ["Another count put the toll at 41."]],
)
TALKS = (
    Num(0, 0, 0, "nearly six hours", "talks", "duration"),
    Num(0, 0, 0, "350 minutes", "talks", "duration"),
    Num(0, 1, 0, "more than six hours", "talks", "duration"),
    Num(0, 2, 0, "six hours", "talks", "duration"),
    Num(0, 3, 0, "six hours", "talks", "duration"),
    Num(0, 5, 0, "about six hours", "talks", "duration"),
)
TOLL = (
    Num(1, 0, 1, "At least 40", "people"),
    Num(1, 1, 1, "40", "people"),
    Num(2, 2, 1, "38", "people"),
    Num(2, 4, 0, "38", "people"),
    Num(3, 5, 1, "41", "people"),
)


def _number(num: Num, relation: Relation, against: Sequence[Num]) -> Diff:
    return Diff(num.group, num.article, num.sentence, num.words, "number", "x", relation, against)


def crossed() -> Alignment:
    """Six outlets, four passages. The talks' duration: a conflict and precision
    differences inside passage 1, one outlet giving two figures. The flood toll:
    40 (passage 2) against 38 (passage 3) and 41 (passage 4), conflicts across passages."""
    a40, b40, c38, e38, f41 = TOLL
    return make_alignment(
        [DAILY, NORTHERN, COAST, VALLEY, METRO, GLOBAL],
        [
            [(0, [0]), (1, [0]), (2, [0]), (3, [0]), (5, [0])],
            [(0, [1]), (1, [1])],
            [(2, [1]), (4, [0])],
            [(5, [1])],
        ],
        diffs=[
            _number(TALKS[0], "conflict", [TALKS[2], TALKS[3]]),
            _number(TALKS[2], "conflict", [TALKS[0], TALKS[3]]),
            _number(TALKS[3], "precision", [TALKS[0], TALKS[2]]),
            _number(a40, "conflict", [c38, e38, f41]),
            _number(b40, "conflict", [c38, e38, f41]),
            _number(c38, "conflict", [a40, b40]),
            _number(e38, "conflict", [a40, b40]),
            _number(f41, "conflict", [a40, b40]),
        ],
        nums=[*TALKS, *TOLL],
        rows=[
            Row(
                "talks duration",
                TALKS,
                [(0, 2, "conflict"), (0, 3, "precision"), (2, 3, "precision"), (3, 4, "same")],
            ),
            Row(
                "people killed",
                TOLL,
                [
                    (0, 1, "precision"),
                    (0, 2, "conflict"),
                    (0, 3, "conflict"),
                    (1, 2, "conflict"),
                    (1, 3, "conflict"),
                    (2, 3, "same"),
                    (0, 4, "precision"),
                    (1, 4, "conflict"),
                ],
            ),
        ],
    )


def many(outlets: int) -> Alignment:
    """``outlets`` outlets giving one toll in one passage; the last one disagrees."""
    articles = [
        make_article(f"Outlet Number {n + 1}", "Toll", [[f"{40 + (n == outlets - 1)} died."]])
        for n in range(outlets)
    ]
    nums = [Num(0, n, 0, str(40 + (n == outlets - 1)), "people") for n in range(outlets)]
    last = outlets - 1
    pairs = [(n, last, "conflict") for n in range(last)] + [(0, n, "same") for n in range(1, last)]
    return make_alignment(
        articles,
        [[(n, [0]) for n in range(outlets)]],
        nums=nums,
        rows=[Row("people killed", nums, pairs)],  # type: ignore[arg-type]
    )


HOSTILE_TEXT = "[@click=app.quit]x[/] said [Reuters] that a [/] b \x1b[31mred\x1b[0m and [bold]"


CASUALTIES = (
    Num(1, 0, 1, "[b]12[/b]", "[@click=app.quit]casualty[/]"),
    Num(1, 0, 1, "\x1b[1m, 13\x07", "[@click=app.quit]casualty[/]"),
    Num(1, 1, 1, "Twelve", "[@click=app.quit]casualty[/]"),
)


def hostile() -> Alignment:
    """An article built to break naive display code, next to a plain one."""
    huge = "word " * 200_000 + "[/] end"
    evil = make_article(
        "[@click=app.quit]Evil[/] [Reuters]",
        "a [/] b \x1b[2J title",
        [
            [HOSTILE_TEXT, "Casualties were [b]12[/b] \x1b[1m, 13\x07 total."],
            [huge],
            ["Tail [red]text[/red]."],
        ],
        prefix="\x1b]0;pwned\x07[nav] ",
        name="evil",
    )
    plain = make_article(
        "Plain Post", "A normal headline", [["A normal first sentence."], ["Twelve were hurt."]]
    )
    return make_alignment(
        [evil, plain],
        [
            [(0, [0]), (1, [0])],
            [(0, [1]), (1, [1])],
            [(0, [2])],
            [(0, [3])],
        ],
        diffs=[
            Diff(0, 0, 0, "[Reuters]", "wording", "[@click=app.quit]reworded[/] \x1b[31m", None),
            Diff(
                1,
                0,
                1,
                "[b]12[/b]",
                "number",
                "[b]12[/b] vs Twelve [/]: conflict",
                "conflict",
                (CASUALTIES[2],),
            ),
            Diff(2, 0, 2, "[/] end", "wording", "huge [/]", None),
        ],
        nums=list(CASUALTIES),
        rows=[
            Row(
                "[@click=app.quit]casualty[/]",
                CASUALTIES,
                [(0, 2, "conflict"), (1, 2, "precision")],
            )
        ],
    )
