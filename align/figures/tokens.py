"""Tokens of one sentence and the cursor every reader of figures walks with.

A sentence is tokenised once (numbers, words, single punctuation marks, each
with character offsets); the readers in ``numerals``, ``clock`` and
``measures`` look a bounded number of tokens around a position through a
``Stream``, and report what they found as a ``Hit`` in token terms.
"""

from __future__ import annotations

from typing import NamedTuple

from ..model import QuantityKind
from .lexicon import HEDGE_ENDS, TOKEN

Hedges = tuple[tuple[tuple[str, ...], str], ...]


class Tok(NamedTuple):
    """One token: kind "num", "word" or "p" (punctuation), with its offsets."""

    kind: str
    text: str
    low: str  # lower case, a possessive "'s" removed
    start: int
    end: int


def tokenize(text: str) -> list[Tok]:
    """Numbers, words (with an apostrophe part) and single punctuation marks; pictographs
    are passed over ("34 🇹🇷 soldiers" are 34 soldiers)."""
    out: list[Tok] = []
    for m in TOKEN.finditer(text):
        kind = m.lastgroup or "p"
        word = m.group()
        if kind == "p" and is_pictograph(word):
            continue
        low = "—" if word == "--" else word.lower()  # a dash typed as two hyphens
        if kind == "word" and low.endswith(("'s", "’s")):
            low = low[:-2]
        out.append(Tok(kind, word, low, m.start(), m.end()))
    return out


class Hit(NamedTuple):
    """A figure found in token terms, before it becomes a ``Quantity``.

    ``low``/``high`` are in the kind's canonical unit; an open bound excludes
    the value itself ("more than 6" is (6, inf), "nearly 6" is [5.4, 6)).
    """

    first: int  # first token index
    end: int  # token index after the figure
    kind: QuantityKind
    low: float
    high: float
    unit: str
    hedge: str | None
    counted: str
    precise: bool
    low_open: bool = False
    high_open: bool = False


def is_pictograph(char: str) -> bool:
    """An emoji, a flag's letter, a skin tone, or what joins or varies them; not a
    shape or a sign a table sets between its cells ("Dead 34 ▪ Rescued 120", "Brazil 3
    ⚽ Argentina 1")."""
    return "\U0001f000" <= char <= "\U0001faff" or char in ("\ufe0f", "\u200d", "\u20e3")


class Stream:
    """The tokens of one sentence, with the look-ups every reader needs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.lows = [t.low for t in self.toks]
        self.count = len(self.toks)
        self.floor = 0  # no figure may reach back before this token
        # nor a tally's words ("the number of ...") before the last count: a date or time
        # between is the tally's span ("the toll since February 3 rose to 59")
        self.count_floor = 0

    def low(self, i: int) -> str:
        """Lower-cased token i, or "" outside the sentence."""
        return self.lows[i] if 0 <= i < self.count else ""

    def kind(self, i: int) -> str:
        return self.toks[i].kind if 0 <= i < self.count else ""

    def glued(self, i: int) -> bool:
        """Token i touches token i-1 (no space between)."""
        return 0 < i < self.count and self.toks[i].start == self.toks[i - 1].end

    def capital(self, i: int) -> bool:
        return self.kind(i) == "word" and self.toks[i].text[:1].isupper()

    def seq(self, i: int, words: tuple[str, ...]) -> bool:
        """Tokens from i spell ``words``."""
        return all(self.low(i + k) == w for k, w in enumerate(words))

    def hedge_before(self, i: int, table: Hedges) -> int:
        """Index into ``table`` of the hedge ending right before token i, or -1."""
        if self.low(i - 1) not in HEDGE_ENDS:
            return -1
        for n, (words, _) in enumerate(table):
            start = i - len(words)
            if start >= self.floor and self.seq(start, words):
                return n
            if start == 0 and self.lost_capital(words):
                return n
        return -1

    def lost_capital(self, words: tuple[str, ...]) -> bool:
        """Do ``words`` (two or more: one alone may be another word, "early" of "nearly")
        open the sentence less their first letter, a drop capital the page drew apart
        ("t least 125 people were killed": "At least")?"""
        first = self.toks[0].text if self.toks else ""
        return (
            len(words) > 1
            and first[:1].islower()
            and first == words[0][1:]
            and self.seq(1, words[1:])
        )

    def one_on_one(self, k: int) -> bool:
        """Is token k the first or last "one" of "one-on-one" or "one-to-one"?"""
        return any(
            self.low(i) == "one"
            and self.skip_hyphen(i + 1) == i + 2
            and self.low(i + 2) in ("on", "to")
            and self.skip_hyphen(i + 3) == i + 4
            and self.low(i + 4) == "one"
            for i in (k, k - 4)
        )

    def skip_hyphen(self, j: int) -> int:
        """Step over a hyphen glued on both sides ("six-hour", "12-km")."""
        if self.low(j) in ("-", "‑") and self.glued(j) and self.glued(j + 1):
            return j + 1
        return j


def is_list_marker(s: Stream, i: int) -> bool:
    """ "1." at the very start, or "(2)"."""
    nxt = s.low(i + 1)
    if i == 0 and nxt in (".", ")") and s.glued(i + 1):
        return True
    return s.low(i - 1) == "(" and nxt == ")" and s.glued(i) and s.glued(i + 1)


def possessive_form(s: Stream, j: int) -> bool:
    """Token j ends in "'s", a name's or a noun's ("military's", "Turkey's", "March's")."""
    return s.toks[j].text.endswith(("'s", "’s")) if 0 <= j < s.count else False
