"""Wording: where members of one group say the same thing in different words.

Two kinds of marks, both placed on the words as the outlet wrote them:

* ``wording``: one member is chosen as the reference (the one most similar to
  the rest, i.e. the highest ``Member.score``; ties by article index), and every
  other member is compared with it word by word (``difflib`` on normalised
  tokens: case, diacritics, quote marks, hyphens, plural/verb endings and
  spelling variants of names do not count as differences; numbers are left to
  the number comparison). Each run of differing words becomes one mark with a
  detail such as ``worded "agreed on the ceasefire" where The Hill has "accepted
  a military cease-fire"``. Runs made only of function words are ignored, and
  members too unlike the reference for a word diff to mean anything (most of
  their words differ) get no wording marks at all.
* ``quote``: a direct quotation (inside straight, curly or doubled quote marks)
  that another member quotes too, recognisably the same quotation (fuzzy
  token-set match sharing a distinctive word), but not word for word the same
  after normalisation. Both quotations are marked. A wording mark that
  overlaps a quotation already marked as reworded is dropped.

All functions are pure; input size is bounded per member (``MAX_TOKENS``,
``MAX_QUOTES``) so a pathological sentence cannot make the diff quadratic.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from .model import Article, Divergence, Member, Sentence
from .normalize import STOPWORDS, Token, VariantMap, stem, tokens, variant_map_of_tokens

# A member whose content words the diff aligns with the reference's less than
# this share is a paraphrase, not a rewording: no word diff.
MIN_ALIGNED = 0.5
# A run longer than this many tokens is a different clause, not a rewording.
MAX_RUN = 8
# Sentences longer than this (tokens) are not word-diffed (bounded cost).
MAX_TOKENS = 400
MAX_QUOTES = 20
# Two quotations are "the same" from this token-set ratio on (0-100) ...
QUOTE_SAME = 60.0
# ... when they also share a distinctive word and have at least this many words.
QUOTE_MIN_WORDS = 2
NUMBER_KEY = "<number>"
# Below this difflib ratio a word-by-word list of changes is unreadable: the
# detail quotes both versions instead.
QUOTE_DIFF_READABLE = 0.6

# Pairs of quote marks: straight, curly, doubled singles (''...'' and ‘‘...’’),
# guillemets. The text between is the quotation.
_QUOTE_RE = re.compile(
    r"“([^”“]+)”|\"([^\"]+)\"|‘‘(.+?)’’|''(.+?)''|«([^»]+)»|„([^“”]+)[“”]", re.DOTALL
)


@dataclass(frozen=True, slots=True)
class Word:
    """A token of a member's passage, with the sentence it sits in."""

    sentence: Sentence
    token: Token
    key: str  # comparison key (see ``compare_key``)

    @property
    def minor(self) -> bool:
        """A function word or a number: not a wording difference by itself."""
        return self.token.norm in STOPWORDS or self.key == NUMBER_KEY


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation inside one sentence (local offsets of its text)."""

    sentence: Sentence
    start: int
    end: int
    keys: tuple[str, ...]

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


def compare_key(token: Token, variants: VariantMap) -> str:
    """What two words must share to count as the same wording."""
    if token.is_number:
        return NUMBER_KEY
    return stem(variants(token.norm))


def member_sentences(articles: Sequence[Article], member: Member) -> list[Sentence]:
    sentences = articles[member.article].sentences
    return [sentences[i] for i in member.sentences]


def group_variants(articles: Sequence[Article], members: Sequence[Member]) -> VariantMap:
    """Spelling variants among the group's own passages (one document per member)."""
    docs = [[t for s in member_sentences(articles, m) for t in tokens(s.text)] for m in members]
    return variant_map_of_tokens(docs)


def passage_words(articles: Sequence[Article], member: Member, variants: VariantMap) -> list[Word]:
    """The member's words in reading order, across its sentences."""
    return [
        Word(s, t, compare_key(t, variants))
        for s in member_sentences(articles, member)
        for t in tokens(s.text)
    ]


def aligned_share(mine: Sequence[Word], ref: Sequence[Word]) -> float:
    """Share of the member's content words that the diff aligns with the reference."""
    content = sum(1 for w in mine if not w.minor)
    if content == 0:
        return 0.0
    matcher = difflib.SequenceMatcher(
        None, [w.key for w in mine], [w.key for w in ref], autojunk=False
    )
    same = sum(
        1
        for block in matcher.get_matching_blocks()
        for w in mine[block.a : block.a + block.size]
        if not w.minor
    )
    return same / content


# ---------------------------------------------------------------- wording


def changed_runs(mine: Sequence[Word], ref: Sequence[Word]) -> list[tuple[int, int, int, int]]:
    """Runs (i1, i2, j1, j2) where ``mine[i1:i2]`` differs from ``ref[j1:j2]``.

    Only runs with words on the member's side and at least one content word on
    either side; neighbouring runs separated by function words only are merged.
    """
    matcher = difflib.SequenceMatcher(
        None, [w.key for w in mine], [w.key for w in ref], autojunk=False
    )
    runs: list[tuple[int, int, int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or i1 == i2:
            continue
        if runs and all(w.minor for w in mine[runs[-1][1] : i1]) and i1 - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], i2, runs[-1][2], j2)
        else:
            runs.append((i1, i2, j1, j2))
    mine_keys = {w.key for w in mine}
    ref_keys = {w.key for w in ref}
    trimmed = [_trim_run(mine, ref, r) for r in runs]
    return [
        r
        for r in trimmed
        if r[0] < r[1]
        and _substantive(mine[r[0] : r[1]], ref[r[2] : r[3]])
        and not _moved(mine[r[0] : r[1]], ref[r[2] : r[3]], mine_keys, ref_keys)
    ]


def _trim_run(
    mine: Sequence[Word], ref: Sequence[Word], run: tuple[int, int, int, int]
) -> tuple[int, int, int, int]:
    """Drop function words at either end of both sides of a run."""
    i1, i2, j1, j2 = run
    while i1 < i2 and _edge(mine[i1]):
        i1 += 1
    while i2 > i1 and _edge(mine[i2 - 1]):
        i2 -= 1
    while j1 < j2 and _edge(ref[j1]):
        j1 += 1
    while j2 > j1 and _edge(ref[j2 - 1]):
        j2 -= 1
    return i1, i2, j1, j2


def _edge(word: Word) -> bool:
    return word.minor


def _substantive(mine: Sequence[Word], ref: Sequence[Word]) -> bool:
    """A run worth marking: some content word, and short enough to be a rewording."""
    if len(mine) > MAX_RUN or len(ref) > MAX_RUN:
        return False
    return any(not w.minor for w in [*mine, *ref])


def _moved(
    mine: Sequence[Word], ref: Sequence[Word], mine_keys: set[str], ref_keys: set[str]
) -> bool:
    """Same words in another order ("Russia and Turkey" / "Turkey and Russia")."""
    return all(w.key in ref_keys for w in mine if not w.minor) and all(
        w.key in mine_keys for w in ref if not w.minor
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
    article: int, mine: Sequence[Word], ref: Sequence[Word], ref_label: str
) -> list[Divergence]:
    """Wording divergences of one member against the reference."""
    out = []
    for i1, i2, j1, j2 in changed_runs(mine, ref):
        theirs = span_text(ref[j1:j2]) if j2 > j1 else ""
        for part in by_sentence(mine[i1:i2]):
            text = span_text(part)
            if theirs:
                detail = f'worded "{text}" where {ref_label} has "{theirs}"'
            else:
                detail = f'"{text}" is not in {ref_label}\'s wording'
            out.append(_divergence("wording", article, part, detail))
    return out


def _divergence(kind: str, article: int, part: Sequence[Word], detail: str) -> Divergence:
    sentence = part[0].sentence
    start, end = sentence.raw_span(part[0].token.start, part[-1].token.end)
    text = sentence.text[part[0].token.start : part[-1].token.end]
    return Divergence(
        "wording" if kind == "wording" else "quote",
        article,
        sentence.index,
        start,
        end,
        text,
        detail,
    )


# ---------------------------------------------------------------- quotations


def quotations(sentence: Sentence, variants: VariantMap) -> list[Quote]:
    """The direct quotations of a sentence (at most ``MAX_QUOTES``)."""
    out = []
    for match in _QUOTE_RE.finditer(sentence.text):
        group = next(g for g in range(1, 7) if match.group(g) is not None)
        start, end = _trim(sentence.text, *match.span(group))
        words = tokens(sentence.text[start:end])
        if len(words) >= QUOTE_MIN_WORDS:
            keys = tuple(compare_key(t, variants) for t in words)
            out.append(Quote(sentence, start, end, keys))
        if len(out) >= MAX_QUOTES:
            break
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span to exclude surrounding spaces and punctuation."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def same_quotation(a: Quote, b: Quote) -> bool:
    """Recognisably one quotation: fuzzy token-set match sharing a distinctive word."""
    distinctive = {k for k in a.keys if k not in STOPWORDS and k != NUMBER_KEY}
    if not distinctive & set(b.keys):
        return False
    return fuzz.token_set_ratio(" ".join(a.keys), " ".join(b.keys)) >= QUOTE_SAME


def quote_drift(
    articles: Sequence[Article], members: Sequence[Member], variants: VariantMap
) -> list[Divergence]:
    """Quote divergences: quotations shared by two members but reworded."""
    quotes = [
        [q for s in member_sentences(articles, m) for q in quotations(s, variants)] for m in members
    ]
    marked: dict[tuple[int, int, int], Divergence] = {}
    for x in range(len(members)):
        for y in range(x + 1, len(members)):
            for qa in quotes[x]:
                for qb in quotes[y]:
                    if qa.keys == qb.keys or not same_quotation(qa, qb):
                        continue
                    _mark_quote(marked, members[x].article, qa, qb, articles[members[y].article])
                    _mark_quote(marked, members[y].article, qb, qa, articles[members[x].article])
    return list(marked.values())


def _mark_quote(
    marked: dict[tuple[int, int, int], Divergence],
    article: int,
    quote: Quote,
    other: Quote,
    other_article: Article,
) -> None:
    """Record a reworded quotation once (the first counterpart names the detail)."""
    key = (article, quote.sentence.index, quote.start)
    if key in marked:
        return
    start, end = quote.sentence.raw_span(quote.start, quote.end)
    detail = f"quotation reworded: {quote_changes(quote, other)} ({other_article.label})"
    marked[key] = Divergence("quote", article, quote.sentence.index, start, end, quote.text, detail)


def quote_changes(quote: Quote, other: Quote, limit: int = 3) -> str:
    """The differing parts of two quotations: '"is unable to" vs "cannot"; ...'."""
    mine, theirs = tokens(quote.text), tokens(other.text)
    matcher = difflib.SequenceMatcher(None, quote.keys, other.keys, autojunk=False)
    if matcher.ratio() < QUOTE_DIFF_READABLE:
        return f'"{_shorten(quote.text)}" vs "{_shorten(other.text)}"'
    parts = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i1 == i2 or j1 == j2:  # a pure addition: show it with the word before
            i1, j1 = (i1 - 1, j1 - 1) if i1 and j1 else (i1, j1)
            i2, j2 = (i2 + 1, j2 + 1) if i1 == i2 or j1 == j2 else (i2, j2)
        parts.append(f'"{_cut(quote.text, mine, i1, i2)}" vs "{_cut(other.text, theirs, j1, j2)}"')
    shown = "; ".join(parts[:limit])
    return shown + ("; ..." if len(parts) > limit else "")


def _shorten(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _cut(text: str, words: Sequence[Token], i: int, j: int) -> str:
    """The text from word i to word j - 1 (empty when there is none)."""
    i, j = max(0, i), min(len(words), j)
    return text[words[i].start : words[j - 1].end] if i < j else ""


# ---------------------------------------------------------------- entry point


def reference(members: Sequence[Member]) -> Member:
    """The member most similar to the others (highest score; ties: lowest article)."""
    return min(members, key=lambda m: (-m.score, m.article))


def _overlaps(d: Divergence, quotes: Sequence[Divergence]) -> bool:
    return any(
        q.article == d.article and q.sentence == d.sentence and d.start < q.end and q.start < d.end
        for q in quotes
    )


def wording_divergences(
    articles: Sequence[Article], group_id: int, members: Sequence[Member]
) -> tuple[Divergence, ...]:
    """Wording and quotation divergences inside one group (none for a group of one)."""
    if len(members) < 2:
        return ()
    variants = group_variants(articles, members)
    ref = reference(members)
    ref_words = passage_words(articles, ref, variants)
    ref_label = articles[ref.article].label
    drift = quote_drift(articles, members, variants)
    marks: list[Divergence] = []
    for member in members:
        if member is ref:
            continue
        mine = passage_words(articles, member, variants)
        if max(len(mine), len(ref_words)) > MAX_TOKENS:
            continue
        if aligned_share(mine, ref_words) < MIN_ALIGNED:
            continue
        marks.extend(wording_marks(member.article, mine, ref_words, ref_label))
    kept = [d for d in marks if not _overlaps(d, drift)]
    return tuple(sorted([*kept, *drift], key=lambda d: (d.article, d.start, d.kind)))
