"""Hand-made alignments for the reader's tests: exact groups, divergences and claims.

Tests build these directly from ``align.model`` so they assert precisely and do
not change when the engine's stages improve.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from align.model import (
    Alignment,
    Article,
    Claim,
    Divergence,
    Dropped,
    Group,
    Member,
    Quantity,
    QuantityKind,
    Relation,
    Sentence,
    Source,
)

Paragraphs = Sequence[Sequence[str]]


def make_article(
    label: str, title: str, paragraphs: Paragraphs, prefix: str = "", name: str = ""
) -> Article:
    """An article whose raw text is ``prefix`` then the paragraphs (blank line between).

    The prefix stands for debris cleaning dropped: it is recorded as a Dropped span.
    """
    raw, sentences = prefix, []
    for p, paragraph in enumerate(paragraphs):
        if p:
            raw += "\n\n"
        for k, text in enumerate(paragraph):
            raw += " " if k else ""
            start = len(raw)
            raw += text
            origin = tuple(range(start, start + len(text)))
            sentences.append(Sentence(len(sentences), text, start, len(raw), p, origin))
    dropped = (Dropped(0, len(prefix), prefix, "site navigation"),) if prefix else ()
    key = name or label.lower().replace(" ", "-")
    source = Source(f"/tmp/{key}.txt", f"{key}.txt", raw, key[:8], label, title)
    return Article(source, tuple(sentences), dropped, title)


@dataclass(frozen=True)
class Diff:
    """A divergence to place: group, article, sentence, and the words it covers."""

    group: int
    article: int
    sentence: int
    words: str
    kind: str
    detail: str
    relation: Relation | None = None


@dataclass(frozen=True)
class Num:
    """A numeric claim to place, like Diff."""

    group: int
    article: int
    sentence: int
    words: str
    counted: str
    kind: QuantityKind = "count"


def _raw(articles: Sequence[Article], article: int, sentence: int, words: str) -> tuple[int, int]:
    s = articles[article].sentences[sentence]
    at = s.text.index(words)
    return s.raw_span(at, at + len(words))


def make_alignment(
    articles: Sequence[Article],
    groups: Sequence[Sequence[tuple[int, Sequence[int]]]],
    diffs: Sequence[Diff] = (),
    nums: Sequence[Num] = (),
) -> Alignment:
    """Groups in reading order from (article, sentence indices) lists, plus marks."""
    built = []
    for gid, members in enumerate(groups):
        score = 1.0 if len(members) == 1 else 0.8
        ms = tuple(Member(a, tuple(ss), score) for a, ss in sorted(members))
        divs = tuple(
            Divergence(
                d.kind,
                d.article,
                d.sentence,
                *_raw(articles, d.article, d.sentence, d.words),
                d.words,
                d.detail,
                d.relation,
            )  # type: ignore[arg-type]
            for d in diffs
            if d.group == gid
        )
        claims = tuple(_claim(articles, n) for n in nums if n.group == gid)
        built.append(Group(gid, ms, divs, claims))
    return Alignment(tuple(articles), tuple(built))


def _claim(articles: Sequence[Article], n: Num) -> Claim:
    start, end = _raw(articles, n.article, n.sentence, n.words)
    text = articles[n.article].sentences[n.sentence].text
    at = text.index(n.words)
    unit = "" if n.kind == "count" else "km"
    q = Quantity(at, at + len(n.words), n.words, n.kind, 1.0, 1.0, unit, None, n.counted, True)
    return Claim(n.group, n.article, n.sentence, start, end, q)


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
            Diff(1, 0, 1, "59", "number", "59 vs 58 soldiers killed: conflict", "conflict"),
            Diff(1, 1, 1, "58", "number", "59 vs 58 soldiers killed: conflict", "conflict"),
            Diff(
                2, 0, 2, "6 km", "number", "6 km vs about 4 miles corridor: precision", "precision"
            ),
            Diff(
                2,
                2,
                2,
                "about 4 miles",
                "number",
                "6 km vs about 4 miles corridor: precision",
                "precision",
            ),
            Diff(3, 2, 1, "We shall respond", "quote", "quotation reworded: will / shall", None),
        ],
        nums=[
            Num(1, 0, 1, "At least 59", "soldier"),
            Num(1, 1, 1, "58", "soldier"),
            Num(2, 0, 2, "6 km", "corridor", "length"),
            Num(2, 2, 2, "about 4 miles", "corridor", "length"),
        ],
    )


HOSTILE_TEXT = "[@click=app.quit]x[/] said [Reuters] that a [/] b \x1b[31mred\x1b[0m and [bold]"


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
            Diff(1, 0, 1, "[b]12[/b]", "number", "[b]12[/b] vs Twelve [/]: conflict", "conflict"),
            Diff(2, 0, 2, "[/] end", "wording", "huge [/]", None),
        ],
        nums=[
            Num(1, 0, 1, "[b]12[/b]", "[@click=app.quit]casualty[/]"),
            Num(1, 1, 1, "Twelve", "[@click=app.quit]casualty[/]"),
        ],
    )
