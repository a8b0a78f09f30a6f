"""Fast paths of the engine give exactly what the general code gives.

Speed work replaced some steps with quicker equivalents (an ASCII shortcut in
``fold``, a Python Indel ratio instead of importing rapidfuzz, claims tried
only at tokens that can start one). These tests pin the equivalence, so a
later change to one side cannot silently change the output.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from align.clean import (
    CONTROL,
    CONTROL_CHAR,
    EMBED,
    END_CREDIT,
    MD_EMPHASIS,
    MORE,
    _control,
    _credit_span,
    _drop,
    _is_embed,
    emphasis,
    may_end_in_credit,
)
from align.model import Sentence
from align.normalize import (
    Token,
    _proper_names,
    fold,
    tokens,
)
from align.wording import Word, content_before

NUMBER_WORDS = [
    "a",
    "an",
    "half",
    "two",
    "twenty",
    "-",
    "one",
    "dozen",
    "dozens",
    "of",
    "million",
    "few",
    "hours",
    "km",
    "at",
    "noon",
    "in",
    "3",
]
NAMEISH = st.text(alphabet="aeiouybcdklmnrstáéğ", max_size=16)


def slow_fold(text: str) -> str:
    """``fold`` without its ASCII shortcut."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@given(st.text(max_size=40))
def test_fold_matches_the_general_path(text: str) -> None:
    assert fold(text) == slow_fold(text)


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_fold_of_ascii_matches_the_general_path(text: str) -> None:
    assert fold(text) == slow_fold(text)


def test_fold_strips_diacritics_and_case() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert fold("MARAT") == "marat"


@given(st.lists(st.booleans(), max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_content_before_counts_slices_like_content(minors: list[bool], i: int, j: int) -> None:
    """``content_before`` differences count the content words of the slice they replace."""
    sentence = Sentence(0, "w", 0, 1, 0, (0,))
    token = Token(0, 1, "w", "w")
    words = [Word(sentence, token, "w", minor) for minor in minors]
    i, j = sorted((min(i, len(words)), min(j, len(words))))
    before = content_before(words)
    assert before[j] - before[i] == sum(not w.minor for w in words[i:j])


CREDITISH = st.text(alphabet="aPhotVdeiCrgmvl ()*/©_.:,\nAB", max_size=60)


@settings(max_examples=400)
@given(CREDITISH)
def test_credit_precheck_never_hides_a_credit(text: str) -> None:
    """Where END_CREDIT matches, ``may_end_in_credit`` says it may."""
    if END_CREDIT.search(text):
        assert may_end_in_credit(text)


def test_credit_span_finds_credits_the_full_search_finds() -> None:
    for text in (
        "Soldiers patrol the road. (Jane Roe / Wire Photos)",
        "Smoke rises over the town. PHOTO BY Ann Lee",
        "Crowds gathered.Leaders meet via Pool",
        "A quiet street at dawn",
        "Tanks on the highway, Pool",
    ):
        m = END_CREDIT.search(text)
        assert _credit_span(text) == ((m.start(), m.end()) if m else None)
    assert _credit_span("A quiet street at dawn") is None


@settings(max_examples=400)
@given(st.text(alphabet="ab *_\n", max_size=40))
def test_emphasis_scan_equals_finditer(raw: str) -> None:
    """Trying MD_EMPHASIS only at '*' and '_' finds exactly what finditer finds."""
    assert [m.span() for m in emphasis(raw)] == [m.span() for m in MD_EMPHASIS.finditer(raw)]


def test_every_control_match_starts_at_a_control_char() -> None:
    """``_control`` returns early when CONTROL_CHAR finds nothing; CONTROL starts no match then."""
    starts = [chr(i) for i in range(0x110000) if CONTROL.match(chr(i) + "[x")]
    assert starts and all(CONTROL_CHAR.fullmatch(ch) for ch in starts)
    assert not CONTROL_CHAR.search("Plain text, with café and “quotes”.")


@given(st.text(alphabet="MORE ab\n\x00\u200b", max_size=40))
def test_hover_cards_and_controls_keep_their_results(raw: str) -> None:
    """The early returns give what the full scans give."""
    assert _control(raw) == [
        _drop(raw, m.start(), m.end(), "control characters") for m in CONTROL.finditer(raw)
    ]
    if "MORE" not in raw:
        assert not list(MORE.finditer(raw))


def slow_proper_names(docs: list[list[Token]]) -> tuple[Counter[str], dict[str, set[int]]]:
    """``_proper_names`` as first written, with a Counter and setdefault."""
    counts: Counter[str] = Counter()
    seen_in: dict[str, set[int]] = {}
    lower: set[str] = set()
    for doc_index, doc in enumerate(docs):
        for token in doc:
            if len(token.norm) < 5 or not token.norm.isalpha():
                continue
            if not token.surface[:1].isupper():
                lower.add(token.norm)
            counts[token.norm] += 1
            seen_in.setdefault(token.norm, set()).add(doc_index)
    for word in lower:
        del counts[word]
    return counts, seen_in


@given(
    st.lists(st.text(alphabet="Masrin Misrin masrin Putin 12 Erdoğan.", max_size=60), max_size=5)
)
def test_proper_names_equal_the_counter_version(texts: list[str]) -> None:
    docs = [list(tokens(t)) for t in texts]
    fast_counts, fast_seen = _proper_names(docs)
    slow_counts, slow_seen = slow_proper_names(docs)
    assert list(fast_counts.items()) == list(slow_counts.items())
    assert fast_seen == slow_seen


@settings(max_examples=300)
@given(st.text(alphabet="PIC.twiter.com/ab(@)March 5, 2020é", max_size=50))
def test_embed_precheck_equals_the_search(text: str) -> None:
    assert _is_embed(text) == bool(EMBED.search(text))


def test_embed_precheck_known_cases() -> None:
    assert _is_embed("Look pic.twitter.com/abc123")
    assert _is_embed("— Office (@office) March 5, 2020")
    assert _is_embed("PIC.TWITTER.COM/X1")
    assert not _is_embed("A plain paragraph about the ceasefire.")
