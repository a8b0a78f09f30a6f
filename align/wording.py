"""Wording: where members of one group say the same thing in different words.

Two kinds of marks, both placed on the words as the outlet wrote them. A user
who sees one should find a real difference in what is said, so both are
deliberately conservative: paraphrase noise is worse than a missed mark.

* ``wording``: a word diff between two members means something only when
  their sentences run in parallel, so each member is compared with the member
  whose wording is closest to its own (not with one global reference), and
  only when the two are *close paraphrases*. Members worded alike are
  compared once, as one wording; a large group is compared N-way, each
  wording with the group's reference wording and the few wordings its
  differences from the reference put nearest (``nearest_wordings``), so the
  cost grows with the group, not with its pairs:

  - the diff (a longest common subsequence, rapidfuzz's ``Indel``, on the
    comparison keys of content words: case, diacritics, quote marks,
    hyphens, plural/verb endings and spelling variants of names do not
    count; function words are left out, negations kept) aligns at least
    ``MIN_SHARE`` of the content words of *each* side. Requiring it of both
    sides also bounds the length ratio, so a short sentence that matches
    one clause of a long one is not diffed;
  - at most ``MAX_RUNS`` stretches differ, and no word was moved across
    more than ``MAX_JUMP`` matched words (a date moved from the end of the
    sentence to its verb means another sentence structure; "Canada and
    Mexico" for "Mexico and Canada" does not).

  In such a pair each changed run of the member's words is marked when it
  holds content words, at most ``MAX_RUN_WORDS`` of them on either side, is
  bounded by matched content on at least one side, and is not merely words
  the other side has elsewhere. Numbers, and the word straight after a number
  ("six hours"), are left to the number comparison; dates and a few other
  words that frame a statement (``FRAME_WORDS``) are never marked either.
  The detail names the other outlet: ``reworded: "accepted" where Al Jazeera
  has "announced"`` or ``added: "strategic" (not in The Hill's version)``.
* ``quote``: a direct quotation (inside straight, curly or doubled quote
  marks; one sentence of it at a time) that another member quotes too,
  recognisably the same quotation (most distinctive words shared), but not
  word for word the same after normalisation (case, diacritics, quote marks,
  spelling variants, numbers). When one outlet quotes only part of the
  other's quotation, only the part they share is compared and marked:
  quoting less is not drift. Both quotations are marked; the detail lists
  the changed words, or quotes both versions when they are too far apart
  for that. A wording mark that overlaps a quotation marked as reworded is
  dropped. Quotations are clustered by wording, and each pair of wordings
  that share a distinctive word is compared once (``quote_drift``).

All functions are pure and deterministic; input size is bounded per member
(``MAX_TOKENS``, ``MAX_QUOTES``) so a pathological sentence cannot make the
diff quadratic.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Container, Hashable, Iterator, Mapping, Sequence
from itertools import count, islice
from typing import NamedTuple

from rapidfuzz.distance import Indel

from .figures.lexicon import MONTHS, WEEKDAYS
from .grouping.speakers import (
    Office,
    named_speakers,
    office_holders,
    office_speakers,
    office_words,
    other_speakers,
)
from .model import Article, Divergence, Member, Sentence
from .normalize import (
    STOPWORDS,
    Token,
    VariantMap,
    american,
    stem,
    tokens,
    variant_map_of_texts,
    word_parts,
)
from .text import shorten

# Two members are close paraphrases when the diff aligns at least this share
# of the content words of each of them ...
MIN_SHARE = 0.6
# ... no more than this many stretches of content words differ ...
MAX_RUNS = 3
# ... and no reordered word moves across more than this many matched words.
MAX_JUMP = 1
# A changed run with more content words than this on either side is a
# different clause, not a rewording: not marked.
MAX_RUN_WORDS = 4
# Members longer than this many words are not word-diffed (bounded cost).
MAX_TOKENS = 400
# A member worded unlike every other member is diffed with the group's
# reference wording and with at most this many other wordings, the nearest to
# its own by their differences from the reference (see ``nearest_wordings``).
NEAREST = 4
MAX_QUOTES = 20
# Two quotations are "the same" from this Dice overlap of their distinctive
# words on (see ``same_quotation``).
QUOTE_SAME = 0.5
# Where only a part of two quotations corresponds, it must share this many
# distinctive words, or this share of the shorter quotation's: two ("work
# together") are what two remarks on one topic share, and the part's overlap is
# high only because the part was cut around them; but two of a short quotation's
# three ("The dam burst at night") are most of it.
PART_SHARED = 3
PART_SHARE = 0.6
# Quotations (one sentence of one) are compared when they have this many words
# and at most the maximum (a longer one is not a quotation but debris).
QUOTE_MIN_WORDS = 2
QUOTE_MAX_WORDS = 150
NUMBER_KEY = "<number>"
# Below this difflib ratio a word-by-word list of changes is unreadable: the
# detail quotes both versions instead.
QUOTE_DIFF_READABLE = 0.6
# A reworded opening or ending of a shared quotation may be this many words
# longer on one side than on the other (see ``shared_parts``).
QUOTE_WIDEN = 2
# Function words that change what a sentence says: kept as content.
NEGATIONS = frozenset({"no", "not", "nor"})
# Words that frame a statement rather than make it: when (dates and times of
# day are the number comparison's), the kind of place before a name ("the
# town of Selby"), and who was told ("told reporters"). Like numbers they
# anchor the diff but are never a difference by themselves.
FRAME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday
    tomorrow morning afternoon evening night overnight midnight noon midday
    january february march april may june july august september october november december
    town city village province region district reporters journalists
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

# Pairs of quote marks: straight, curly, doubled singles (''...'' and ‘‘...’’),
# guillemets. The text between is the quotation.
_QUOTE_RE = re.compile(
    r"“([^”“]+)”|\"([^\"]+)\"|‘‘(.+?)’’|''(.+?)''|«([^»]+)»|„([^“”]+)[“”]", re.DOTALL
)
# One sentence of a quotation: up to a full stop, question or exclamation mark
# followed by a space and a capital (or up to the end of the quotation); not
# after a lone capital or a short title ("U.S. Army", "Mr. Vance").
_QUOTE_SENTENCE_RE = re.compile(
    r".+?(?:[.!?](?<!\b[A-Z]\.)(?<!\b[A-Z][a-z]\.)(?=\s+[A-Z])|$)", re.DOTALL
)


Opcode = tuple[str, int, int, int, int]


class Word(NamedTuple):
    """A word of a member's passage that takes part in the diff."""

    sentence: Sentence
    token: Token
    key: str  # comparison key (see ``compare_key``)
    minor: bool  # a number, the word it qualifies, a frame word: an anchor, not a difference


class Run(NamedTuple):
    """A changed stretch: ``mine[i1:i2]`` stands where ``theirs[j1:j2]`` stands."""

    i1: int
    i2: int
    j1: int
    j2: int
    anchored: bool  # next to a matched content word on at least one side

    def flipped(self) -> Run:
        return Run(self.j1, self.j2, self.i1, self.i2, self.anchored)


class Diff(NamedTuple):
    """How one member's words line up with another's."""

    mine: float  # share of my content words the diff aligns
    theirs: float  # share of theirs
    runs: tuple[Run, ...]  # stretches with content words on either side
    jump: int = 0  # most matched content words a reordered word moves across

    @property
    def close(self) -> bool:
        """Close paraphrases: a word diff between them means something."""
        return (
            min(self.mine, self.theirs) >= MIN_SHARE
            and len(self.runs) <= MAX_RUNS
            and self.jump <= MAX_JUMP
        )

    def flipped(self) -> Diff:
        runs = tuple(r.flipped() for r in self.runs)
        return Diff(self.theirs, self.mine, runs, self.jump)


class Quote(NamedTuple):
    """A direct quotation inside one sentence (local offsets of its text)."""

    sentence: Sentence
    start: int
    end: int
    words: tuple[Token, ...]  # offsets relative to ``start``
    keys: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]

    def part(self, i: int, j: int) -> Quote:
        """Words ``i`` to ``j - 1`` as a quotation of their own (requires i < j)."""
        start, end = self.start + self.words[i].start, self.start + self.words[j - 1].end
        words = tuple(
            Token(t.start - self.words[i].start, t.end - self.words[i].start, t.surface, t.norm)
            for t in self.words[i:j]
        )
        return Quote(self.sentence, start, end, words, self.keys[i:j])


# ---------------------------------------------------------------- words


def compare_key(token: Token, variants: VariantMap) -> str:
    """What two words must share to count as the same wording.

    Numbers, and compounds led by one ("six-hour", "30-day"), share one key:
    they anchor the diff but their values are the number comparison's job. A
    word's British and American spellings share one ("defence", "defense").
    """
    if token.is_number:
        return NUMBER_KEY
    parts = word_parts(token)
    if parts and parts[0][:1].isdigit():
        return NUMBER_KEY
    return stem(american(variants(token.norm)))


def member_sentences(articles: Sequence[Article], member: Member) -> list[Sentence]:
    sentences = articles[member.article].sentences
    return [sentences[i] for i in member.sentences]


def group_variants(articles: Sequence[Article], members: Sequence[Member]) -> VariantMap:
    """Spelling variants among the group's own passages (one document per member)."""
    return variant_map_of_texts([[s.text for s in member_sentences(articles, m)] for m in members])


Keyed = list[tuple[Token, str, bool]]  # a text's diffable words: token, key, minor


def keyed_words(text: str, variants: VariantMap) -> Keyed:
    """A text's content words, negations and numbers (function words skipped)."""
    out = []
    after_number = False
    for token in tokens(text):
        norm = token.norm
        if norm in NEGATIONS or norm not in STOPWORDS:
            key = compare_key(token, variants)  # (pure: only the words kept need it)
            out.append((token, key, key == NUMBER_KEY or after_number or norm in FRAME_WORDS))
        after_number = token.is_number  # "six hours", not "six-hour meeting"
    return out


def sentence_words(
    sentence: Sentence, variants: VariantMap, known: dict[str, Keyed] | None = None
) -> list[Word]:
    """The sentence's diffable words (``keyed_words``); ``known``: texts already keyed
    with these variants (reprints repeat sentences)."""
    keyed = None if known is None else known.get(sentence.text)
    if keyed is None:
        keyed = keyed_words(sentence.text, variants)
        if known is not None:
            known[sentence.text] = keyed
    return [Word(sentence, token, key, minor) for token, key, minor in keyed]


def passage_words(
    articles: Sequence[Article],
    member: Member,
    variants: VariantMap,
    known: dict[str, Keyed] | None = None,
) -> list[Word]:
    """The member's diffable words in reading order, across its sentences."""
    return [
        w for s in member_sentences(articles, member) for w in sentence_words(s, variants, known)
    ]


def _content(words: Sequence[Word]) -> int:
    return sum(1 for w in words if not w.minor)


# ---------------------------------------------------------------- diff


def content_before(words: Sequence[Word]) -> list[int]:
    """``out[i]``: the content words among ``words[:i]`` (so a slice counts in O(1)).

    ``out[i2] - out[i1] == _content(words[i1:i2])``: the diff below asks this
    for every opcode, and slicing each time cost more than the matching.
    """
    out = [0]
    total = 0
    for w in words:
        total += not w.minor
        out.append(total)
    return out


def word_opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """Opcodes of a longest common subsequence of two key sequences (rapidfuzz, in C).

    ``Indel`` knows no substitution: a deletion next to an insertion is merged
    into one ``replace``, as ``difflib`` reports it, so each changed stretch
    between two matched ones is one opcode.
    """
    out: list[Opcode] = []
    for op in Indel.opcodes(a, b):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag != "equal" and out and out[-1][0] != "equal":
            _, i1, _, j1, _ = out.pop()
            tag = "replace" if i1 < i2 and j1 < j2 else tag
        out.append((tag, i1, i2, j1, j2))
    return out


def diff(mine: Sequence[Word], theirs: Sequence[Word]) -> Diff:
    """Align two members' words: shares of content aligned and the changed runs."""
    ops = word_opcodes([w.key for w in mine], [w.key for w in theirs])
    return diff_of_ops(ops, mine, theirs)


def diff_of_ops(ops: Sequence[Opcode], mine: Sequence[Word], theirs: Sequence[Word]) -> Diff:
    """The ``Diff`` of two members' words, given the opcodes of their keys."""
    cm, ct = content_before(mine), content_before(theirs)
    same_mine = sum(cm[i2] - cm[i1] for op, i1, i2, _, _ in ops if op == "equal")
    same_theirs = sum(ct[j2] - ct[j1] for op, _, _, j1, j2 in ops if op == "equal")
    runs = tuple(
        Run(i1, i2, j1, j2, _anchored(ops, k, cm))
        for k, (op, i1, i2, j1, j2) in enumerate(ops)
        if op != "equal" and cm[i2] - cm[i1] + ct[j2] - ct[j1]
    )
    jump = _jump(ops, mine, theirs, cm)
    return Diff(_fraction(same_mine, cm[-1]), _fraction(same_theirs, ct[-1]), runs, jump)


def _jump(
    ops: Sequence[Opcode], mine: Sequence[Word], theirs: Sequence[Word], cm: Sequence[int]
) -> int:
    """How far the furthest reordered word moves, in matched content words.

    A word (not a number; dates count) unmatched on both sides was moved;
    the number of matched content words before it on each side tells how
    many anchors it jumped over
    ("Canada and Mexico" / "Mexico and Canada" jumps one; a date moved from
    the end of a sentence to its verb jumps several: another structure).
    ``cm`` is ``content_before(mine)``.
    """
    seen = 0
    where_mine: dict[str, list[int]] = {}
    where_theirs: dict[str, list[int]] = {}
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            seen += cm[i2] - cm[i1]
            continue
        for w in mine[i1:i2]:
            if w.key != NUMBER_KEY:
                where_mine.setdefault(w.key, []).append(seen)
        for w in theirs[j1:j2]:
            if w.key != NUMBER_KEY:
                where_theirs.setdefault(w.key, []).append(seen)
    return max(
        (
            min(abs(a - b) for a in where_mine[k] for b in where_theirs[k])
            for k in where_mine.keys() & where_theirs.keys()
        ),
        default=0,
    )


def _fraction(same: int, total: int) -> float:
    return same / total if total else 0.0


def _anchored(ops: Sequence[Opcode], k: int, cm: Sequence[int]) -> bool:
    """Whether the opcode ``k`` touches an equal stretch holding a content word.

    ``cm`` is ``content_before`` of my words.
    """
    return any(
        0 <= n < len(ops) and ops[n][0] == "equal" and cm[ops[n][2]] - cm[ops[n][1]] > 0
        for n in (k - 1, k + 1)
    )


def closest(diffs: dict[int, Diff], members: Sequence[Member]) -> tuple[int, Diff] | None:
    """The member (index) whose wording is closest among the close paraphrases.

    Closest: the highest aligned share on the weaker side, then fewer changed
    runs, then the lower article index (deterministic).
    """
    close = [(k, d) for k, d in diffs.items() if d.close]
    if not close:
        return None
    return min(
        close,
        key=lambda kd: (-min(kd[1].mine, kd[1].theirs), len(kd[1].runs), members[kd[0]].article),
    )


# ---------------------------------------------------------------- wording


def marked_runs(mine: Sequence[Word], theirs: Sequence[Word], d: Diff) -> list[Run]:
    """The runs of a close pair worth marking on my side (trimmed of numbers)."""
    mine_keys = {w.key for w in mine}
    their_keys = {w.key for w in theirs}
    out = []
    for run in d.runs:
        r = _trim_run(mine, theirs, run)
        a, b = mine[r.i1 : r.i2], theirs[r.j1 : r.j2]
        if (
            r.anchored
            and _content(a)
            and max(_content(a), _content(b)) <= MAX_RUN_WORDS
            and not _moved(a, b, mine_keys, their_keys)
        ):
            out.append(r)
    return out


def _trim_run(mine: Sequence[Word], theirs: Sequence[Word], run: Run) -> Run:
    """Drop numbers (and the words they qualify) at either end of both sides."""
    i1, i2 = _trim(mine, run.i1, run.i2)
    j1, j2 = _trim(theirs, run.j1, run.j2)
    return Run(i1, i2, j1, j2, run.anchored)


def _trim(words: Sequence[Word], i: int, j: int) -> tuple[int, int]:
    while i < j and words[i].minor:
        i += 1
    while j > i and words[j - 1].minor:
        j -= 1
    return i, j


def _moved(a: Sequence[Word], b: Sequence[Word], mine_keys: set[str], their_keys: set[str]) -> bool:
    """Same words in another order ("Russia and Turkey" / "Turkey and Russia")."""
    return all(w.key in their_keys for w in a if not w.minor) and all(
        w.key in mine_keys for w in b if not w.minor
    )


def span_text(words: Sequence[Word]) -> str:
    """The original text from the first to the last word (same sentence assumed)."""
    first, last = words[0], words[-1]
    if first.sentence is not last.sentence:
        return " ".join(w.token.surface for w in words)
    return first.sentence.text[first.token.start : last.token.end]


def by_sentence(words: Sequence[Word]) -> list[list[Word]]:
    """Split a run of words at sentence boundaries."""
    out: list[list[Word]] = []
    for w in words:
        if out and out[-1][-1].sentence is w.sentence:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def wording_marks(
    article: int, mine: Sequence[Word], theirs: Sequence[Word], d: Diff, their_label: str
) -> list[Divergence]:
    """Wording divergences of one member against its closest paraphrase."""
    out = []
    for r in marked_runs(mine, theirs, d):
        other = span_text(theirs[r.j1 : r.j2]) if r.j2 > r.j1 else ""
        for part in by_sentence(mine[r.i1 : r.i2]):
            text = span_text(part)
            if other:
                detail = f'reworded: "{quoted(text)}" where {their_label} has "{quoted(other)}"'
            else:
                detail = f'added: "{quoted(text)}" (not in {their_label}\'s version)'
            out.append(_wording_divergence(article, part, detail))
    return out


def _wording_divergence(article: int, part: Sequence[Word], detail: str) -> Divergence:
    sentence = part[0].sentence
    start, end = part[0].token.start, part[-1].token.end
    return Divergence(
        "wording", article, sentence.index, start, end, sentence.text[start:end], detail
    )


Form = tuple[tuple[str, bool], ...]  # a wording: (key, minor) of each word


def wordings(words: Sequence[Sequence[Word]], members: Sequence[Member]) -> list[list[int]]:
    """Members grouped by wording (same keys, same minor words), members in order.

    Members longer than ``MAX_TOKENS`` words are left out (never diffed). The
    first member of each list has the lowest article: it stands for the
    wording, as ``closest`` breaks ties by article.
    """
    forms: dict[Form, list[int]] = {}
    for x, ws in enumerate(words):
        if len(ws) <= MAX_TOKENS:
            forms.setdefault(tuple((w.key, w.minor) for w in ws), []).append(x)
    return [sorted(xs, key=lambda x: members[x].article) for xs in forms.values()]


def nearest_wordings(words: Sequence[Sequence[Word]], reps: Sequence[int]) -> dict[int, list[int]]:
    """For each wording (by its representative member), the wordings to diff it with.

    With few wordings, every other one. Otherwise, N-way as collation tools
    do: every wording is aligned once with the reference (the first, which
    is the most shared: see ``wording_only``). Its edits place it: the
    stretches it changes (where in the reference, and what stands there) and,
    order aside, the words it adds to or takes from the reference's words
    (an alignment may read a moved word at either of its places). Two
    wordings whose edits mostly agree are near. Each wording gets the
    reference and the ``NEAREST`` nearest others by either kind of edit,
    found through an index, so the cost grows linearly with the group.
    """
    if len(reps) <= NEAREST + 1:
        return {x: [y for y in reps if y != x] for x in reps}
    reference = [w.key for w in words[reps[0]]]
    stretches = {x: _stretches(reference, words[x]) for x in reps}
    counts = Counter(reference)
    added = {x: _added(counts, words[x]) for x in reps}
    out: dict[int, list[int]] = {}
    near_by_stretch = _nearest(reps, stretches)
    near_by_words = _nearest(reps, added)
    for x in reps:
        chosen = dict.fromkeys([reps[0], *near_by_stretch[x], *near_by_words[x]])
        out[x] = [y for y in chosen if y != x]
    return out


Edit = Hashable


def _nearest(reps: Sequence[int], edits: dict[int, set[Edit]]) -> dict[int, list[int]]:
    """The ``NEAREST`` wordings (besides the reference) with fewest edits apart from each.

    Apart: edits one has and the other has not, counted through an index of
    who holds each edit; ties in member order.
    """
    holders: dict[Edit, list[int]] = {}
    for x in reps:
        for e in edits[x]:
            holders.setdefault(e, []).append(x)
    fewest = sorted(reps[1:], key=lambda x: len(edits[x]))  # stable: ties in member order
    position = {x: k for k, x in enumerate(reps)}
    out: dict[int, list[int]] = {}
    for x in reps:
        shared: dict[int, int] = {}
        for e in edits[x]:
            for y in holders[e]:
                shared[y] = shared.get(y, 0) + 1
        options = {*shared, *islice((y for y in fewest if y not in shared), NEAREST + 2)}
        options -= {x, reps[0]}
        apart = {y: len(edits[x]) + len(edits[y]) - 2 * shared.get(y, 0) for y in options}
        out[x] = sorted(apart, key=lambda y: (apart[y], position[y]))[:NEAREST]
    return out


def _stretches(reference: Sequence[str], words: Sequence[Word]) -> set[Edit]:
    """The stretches a wording changes: (start, end in the reference, its words there)."""
    keys = [w.key for w in words]
    return {
        (i1, i2, tuple(keys[j1:j2]))
        for op, i1, i2, j1, j2 in word_opcodes(reference, keys)
        if op != "equal"
    }


def _added(reference: Counter[str], words: Sequence[Word]) -> set[Edit]:
    """What a wording adds to (+n) or takes from (-n) the reference's words, by key."""
    counts = Counter(w.key for w in words)
    counts.subtract(reference)
    return {(key, n) for key, n in counts.items() if n}


def wording_only(
    articles: Sequence[Article], members: Sequence[Member], variants: VariantMap
) -> list[Divergence]:
    """Wording marks of every member against its closest paraphrase, if any.

    A member worded like another has its closest paraphrase in that member,
    with nothing to mark; only members worded like no other are diffed, each
    with the wordings ``nearest_wordings`` names. Wordings are ordered most
    shared first (ties in member order), so the reference is the commonest.
    """
    known: dict[str, Keyed] = {}  # each sentence text keyed once
    words = [passage_words(articles, m, variants, known) for m in members]
    forms = sorted(wordings(words, members), key=lambda xs: (-len(xs), min(xs)))
    reps = [xs[0] for xs in forms]
    lone = [xs[0] for xs in forms if len(xs) == 1]
    if not lone or len(reps) < 2:
        return []
    nearest = nearest_wordings(words, reps)
    marks: list[Divergence] = []
    for x in sorted(lone):
        best = closest({y: diff(words[x], words[y]) for y in nearest[x]}, members)
        if best is not None:
            y, d = best
            label = articles[members[y].article].label
            marks.extend(wording_marks(members[x].article, words[x], words[y], d, label))
    return marks


# ---------------------------------------------------------------- quotations


def quotations(
    sentence: Sentence, variants: VariantMap, known: dict[str, list[Quote]] | None = None
) -> list[Quote]:
    """The direct quotations of a sentence (at most ``MAX_QUOTES``).

    A quotation of several sentences gives one ``Quote`` per sentence: outlets
    often quote different sentences of one statement, and each is compared
    (and marked) on its own. ``known``: the quotations of texts already read
    with these variants (reprints repeat sentences), by text.
    """
    found = None if known is None else known.get(sentence.text)
    if found is None:
        found = list(islice(_quotes(sentence, variants), MAX_QUOTES))
        if known is not None:
            known[sentence.text] = found
    return [q._replace(sentence=sentence) for q in found]


def _quotes(sentence: Sentence, variants: VariantMap) -> Iterator[Quote]:
    for match in _QUOTE_RE.finditer(sentence.text):
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        for start, end in _quote_sentences(sentence.text, *match.span(group)):
            words = tokens(sentence.text[start:end])
            if QUOTE_MIN_WORDS <= len(words) <= QUOTE_MAX_WORDS:
                keys = tuple(compare_key(t, variants) for t in words)
                yield Quote(sentence, start, end, words, keys)


def _quote_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The trimmed spans of the sentences of the quotation ``text[start:end]``."""
    for m in _QUOTE_SENTENCE_RE.finditer(text, start, end):
        i, j = _trim_span(text, *m.span())
        if i < j:
            yield i, j


def _trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding spaces and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


Keys = tuple[str, ...]
Spans = tuple[int, int, int, int]  # words a1:a2 of one quotation, b1:b2 of the other


def same_quotation(a: Quote, b: Quote) -> bool:
    """Recognisably one quotation (as a whole, or in the parts that correspond).

    Judged on distinctive words (not function words or numbers), as a set so
    that reordered clauses still count: at least two shared (one when a side
    has only one) and a Dice overlap of at least ``QUOTE_SAME``, so that two
    remarks on one topic sharing a word or two are not taken for one.
    """
    return _same(a.keys, b.keys)


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    mine, theirs = _distinctive(a), _distinctive(b)
    shared = len(mine & theirs)
    if not shared or shared < min(2, len(mine), len(theirs)):
        return False
    return 2 * shared >= QUOTE_SAME * (len(mine) + len(theirs))


def _same_part(a: Keys, b: Keys, whole_a: Keys, whole_b: Keys) -> bool:
    """``_same`` for the corresponding parts ``a`` and ``b`` of two quotations, which
    must also share ``PART_SHARED`` distinctive words, or ``PART_SHARE`` of the
    shorter whole quotation's (however short the parts were cut)."""
    shared = len(_distinctive(a) & _distinctive(b))
    shorter = min(len(_distinctive(whole_a)), len(_distinctive(whole_b)))
    return (shared >= PART_SHARED or shared >= PART_SHARE * shorter) and _same(a, b)


def _distinctive(keys: Sequence[str]) -> set[str]:
    return {k for k in keys if k not in STOPWORDS and k != NUMBER_KEY}


def shared_parts(a: Quote, b: Quote) -> tuple[Quote, Quote]:
    """The parts of two quotations that correspond (see ``shared_spans``)."""
    a1, a2, b1, b2 = shared_spans(a.keys, b.keys)
    return a.part(a1, a2), b.part(b1, b2)


def shared_spans(a: Keys, b: Keys) -> Spans:
    """Where two quotations (their keys) correspond.

    From the first to the last word the diff aligns, widened at each end when
    both sides go on there (a reworded opening or ending): each side by up to
    the other's count plus ``QUOTE_WIDEN`` words. A side that stops at the
    aligned words stops the other too, so a quotation one outlet gives only in
    part is compared with that part. No aligned word: the whole of both.

    ``difflib`` (longest matching blocks first), not a longest common
    subsequence: the thresholds were set on its alignment, and the LCS takes
    scattered single words ("who", "this") where difflib keeps the blocks a
    reader sees. Quotations are compared once per pair of wordings, few.
    """
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return 0, len(a), 0, len(b)
    first, last = blocks[0], blocks[-1]
    la, lb = last.a + last.size, last.b + last.size
    a1, a2 = _widen(first.a, first.b, la, lb, len(a), len(b))
    b1, b2 = _widen(first.b, first.a, lb, la, len(b), len(a))
    return a1, a2, b1, b2


def _widen(
    start: int, other_start: int, end: int, other_end: int, size: int, other_size: int
) -> tuple[int, int]:
    """One side's widened span (see ``shared_spans``)."""
    lead = min(start, other_start + QUOTE_WIDEN) if other_start else 0
    tail, other_tail = size - end, other_size - other_end
    trail = min(tail, other_tail + QUOTE_WIDEN) if other_tail else 0
    return start - lead, end + trail


class Spoken(NamedTuple):
    """Where one quotation occurs: the member quoting it and the quotation."""

    order: int  # position among all quotations of the group (by member, then in the text)
    member: int
    quote: Quote
    speaker: frozenset[str]  # who its sentence says said it, if named (``named_speakers``)


def quote_drift(
    articles: Sequence[Article],
    members: Sequence[Member],
    variants: VariantMap,
    holders: Mapping[Office, str] | None = None,
) -> list[Divergence]:
    """Quote divergences: quotations shared by two members but reworded.

    Quotations are clustered by wording (their keys): reprints quote alike,
    so a group of many members holds few wordings. Each wording is compared
    with the wordings sharing a distinctive word with it, once per pair (in
    the order of the members quoting them: ``drift_spans`` is not quite
    symmetric), never each pair of quotations of each pair of members. A
    quotation is marked against the first member (in member order) whose
    quotation of it is reworded; that member names the detail.
    """
    said: dict[Keys, list[Spoken]] = {}
    known: dict[str, list[Quote]] = {}  # each sentence text read once
    speakers: dict[str, frozenset[str]] = {}
    if holders is None:
        holders = input_holders(articles)
    order = count()
    for x, m in enumerate(members):
        for s in member_sentences(articles, m):
            for q in quotations(s, variants, known):
                if s.text not in speakers:
                    speakers[s.text] = quote_speakers(s.text, holders)
                said.setdefault(q.keys, []).append(Spoken(next(order), x, q, speakers[s.text]))
    by_word: dict[str, list[Keys]] = {}
    for keys in said:
        for k in _distinctive(keys):
            by_word.setdefault(k, []).append(keys)
    found: dict[tuple[Keys, Keys], Spans | None] = {}
    # names of parties, not of days or months ("on Sunday" vs "on Monday" is rewording)
    names = frozenset(
        stem(american(n)) for n in variants.names if n not in MONTHS and n not in WEEKDAYS
    )
    marks: list[Divergence] = []
    for keys, spoken in said.items():
        others = {o for k in _distinctive(keys) for o in by_word[k] if o != keys}
        for here in spoken:
            match = _first_drift(here, others, said, found, names)
            if match is not None:
                other, (a1, a2, b1, b2) = match
                parts = here.quote.part(a1, a2), other.quote.part(b1, b2)
                label = articles[members[other.member].article].label
                marks.append(_quote_mark(members[here.member].article, parts, label))
    return marks


def input_holders(articles: Sequence[Article]) -> dict[Office, str]:
    """The holders of the offices the input names (``office_holders``), in one pass."""
    return office_holders(s.text for a in articles for s in a.sentences)


def quote_speakers(text: str, holders: Mapping[Office, str]) -> frozenset[str]:
    """Who a sentence says said its quotation: the names it gives (``named_speakers``),
    else the holders of the offices it gives, as the input names them (``holders``:
    '"...," the Turkish president said' beside "Turkish President Recep Tayyip
    Erdogan" is "erdogan")."""
    named = office_words(named_speakers(text))  # "the Turkish President said" names no one
    if named:
        return named
    found = (holders.get(office) for office in office_speakers(text))
    return frozenset(name for name in found if name)  # already normalised


def _first_drift(
    here: Spoken,
    wordings: set[Keys],
    said: dict[Keys, list[Spoken]],
    found: dict[tuple[Keys, Keys], Spans | None],
    names: Container[str] = frozenset(),
) -> tuple[Spoken, Spans] | None:
    """The first quotation of another member that rewords ``here``, with the spans to mark.

    The spans are (mine, theirs); each wording pair is compared once (``found``);
    ``names``: the keys of the input's names (``drift_spans``).
    """
    best: tuple[Spoken, Spans] | None = None
    for other in wordings:
        for there in said[other]:
            if there.member == here.member or other_speakers(here.speaker, there.speaker):
                continue  # "..., Putin said" is not "..., UN spokesman Dujarric told reporters"
            first, second = (
                (other, here.quote.keys) if there.member < here.member else (here.quote.keys, other)
            )
            if (first, second) not in found:
                found[first, second] = drift_spans(first, second, names)
            spans = found[first, second]
            if spans is not None:
                if first == other:
                    spans = (spans[2], spans[3], spans[0], spans[1])
                if best is None or there.order < best[0].order:
                    best = (there, spans)
                break
    return best


def drifted(a: Quote, b: Quote) -> tuple[Quote, Quote] | None:
    """The parts to mark when ``a`` and ``b`` are one quotation reworded, else None."""
    spans = drift_spans(a.keys, b.keys)
    return None if spans is None else (a.part(spans[0], spans[1]), b.part(spans[2], spans[3]))


def drift_spans(a: Keys, b: Keys, names: Container[str] = frozenset()) -> Spans | None:
    """The spans to mark when ``a`` and ``b`` are one quotation reworded, else None.

    Not drift: no shared distinctive word (a cheap test first), word for word
    the same where the two overlap, not recognisably one quotation, as a
    whole or in the parts that correspond (``_same_part``), or each naming
    someone or somewhere the other does not (``names``: "Turkey reserves the
    right to respond" and "Syria reserves the right to respond" are two
    statements). The spans are the overlap, or the whole quotations when the
    overlap is too reworded for a word-by-word account.
    """
    if not _distinctive(a) & _distinctive(b):
        return None
    a1, a2, b1, b2 = shared_spans(a, b)
    pa, pb = a[a1:a2], b[b1:b2]
    if pa == pb or not (_same(a, b) or _same_part(pa, pb, a, b)):
        return None
    if _other_names(set(pa) - set(pb), set(pb) - set(pa), names):
        return None
    if _readable(pa, pb) >= QUOTE_DIFF_READABLE:
        return a1, a2, b1, b2
    return 0, len(a), 0, len(b)


NAME_STEM = 4  # letters two forms of one name share ("turkey", "turkish", "turks")


def _other_names(mine: set[str], theirs: set[str], names: Container[str]) -> bool:
    """Whether each side names someone or somewhere (``names``) that the other does not,
    in no form of theirs ("syria" and "turkey"; not "turkish" and "turks")."""
    a = {k[:NAME_STEM] for k in mine if k in names}
    b = {k[:NAME_STEM] for k in theirs if k in names}
    return bool(a and b) and not a & b


def _readable(a: Keys, b: Keys) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def _quote_mark(article: int, parts: tuple[Quote, Quote], their_label: str) -> Divergence:
    """The divergence marking ``parts[0]``, reworded as ``parts[1]`` in ``their_label``."""
    quote, other = parts
    detail = f"quotation reworded: {quote_changes(quote, other)} ({their_label})"
    index = quote.sentence.index
    return Divergence("quote", article, index, quote.start, quote.end, quote.text, detail)


def quote_changes(quote: Quote, other: Quote, limit: int = 3) -> str:
    """The differing parts of two quotations: '"is unable to" vs "cannot"; ...'."""
    matcher = difflib.SequenceMatcher(None, quote.keys, other.keys, autojunk=False)
    if matcher.ratio() < QUOTE_DIFF_READABLE:
        return f'"{quoted(quote.text)}" vs "{quoted(other.text)}"'
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2 or j1 == j2:  # a pure addition: show it with the word before
            i1, j1 = (i1 - 1, j1 - 1) if i1 and j1 else (i1, j1)
            i2, j2 = (i2 + 1, j2 + 1) if i1 == i2 or j1 == j2 else (i2, j2)
        parts.append(f'"{quoted(_cut(quote, i1, i2))}" vs "{quoted(_cut(other, j1, j2))}"')
    shown = "; ".join(parts[:limit])
    return shown + ("; ..." if len(parts) > limit else "")


QUOTED = 80  # characters of an outlet's words quoted in a detail line


def quoted(text: str) -> str:
    """Words quoted in a detail line: on one line, shortened to ``QUOTED`` characters."""
    return shorten(text, QUOTED)


def _cut(quote: Quote, i: int, j: int) -> str:
    """The quotation's text from word i to word j - 1 (empty when there is none)."""
    i, j = max(0, i), min(len(quote.words), j)
    return quote.text[quote.words[i].start : quote.words[j - 1].end] if i < j else ""


# ---------------------------------------------------------------- entry point


def _overlaps(d: Divergence, quotes: dict[tuple[int, int], list[Divergence]]) -> bool:
    """Whether ``d`` overlaps a quote mark (``quotes``: by article and sentence)."""
    return any(d.start < q.end and q.start < d.end for q in quotes.get((d.article, d.sentence), ()))


def wording_divergences(
    articles: Sequence[Article],
    group_id: int,
    members: Sequence[Member],
    holders: Mapping[Office, str] | None = None,
) -> tuple[Divergence, ...]:
    """Wording and quotation divergences inside one group (none for a group of one).
    ``holders``: the input's ``input_holders``, read once for all groups (else here)."""
    if len(members) < 2:
        return ()
    variants = group_variants(articles, members)
    drift = quote_drift(articles, members, variants, holders)
    where: dict[tuple[int, int], list[Divergence]] = {}
    for q in drift:
        where.setdefault((q.article, q.sentence), []).append(q)
    kept = [d for d in wording_only(articles, members, variants) if not _overlaps(d, where)]
    return tuple(
        sorted([*kept, *drift], key=lambda d: (d.article, d.sentence, d.start, d.kind, d.end))
    )
