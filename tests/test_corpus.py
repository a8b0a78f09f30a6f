"""Grouping's features of one sentence: work that grows with the sentence, not its square."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from helpers_align import make_article
from hypothesis import given
from hypothesis import strategies as st

from align.figures import extract
from align.grouping.corpus import build_corpus, inside_any, number_kinds, source_features
from align.grouping.similarity import phrase_score
from align.normalize import EMPTY_VARIANTS, Token, tokens


def test_number_kinds_says_which_figures_hold_each_number() -> None:
    text = "About 4,000 households and 4,000 hectares, and line S1/2/3, since March 5."
    kinds = number_kinds(extract(text), tokens(text))
    assert kinds["#4000"] == {"count", "area"}
    assert kinds["#5"] == {"date"} and kinds["#3"] == frozenset()  # "S1/2/3": no figure


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 12)), max_size=8),
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=12),
)
def test_inside_any_is_the_plain_test_of_every_word_against_every_span(
    spans: list[tuple[int, int]], words: list[tuple[int, int]]
) -> None:
    found = [(a, a + n) for a, n in spans]
    toks = [Token(s, s + n, "w", "w") for s, n in sorted(words)]
    plain = [any(a <= t.start and t.end <= b for a, b in found) for t in toks]
    assert inside_any(toks, found) == plain


def timed(work: Callable[[str], None], text: str) -> float:
    started = time.perf_counter()
    work(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "chunk",
    ["6 km ", "at 10:30 ", "according to Jane; ", "Jane said, it was so, "],
    ids=["lengths", "times", "according", "said"],
)
def test_features_of_a_sentence_of_junk_grow_linearly(chunk: str) -> None:
    """A megabyte "sentence" of figures or attributions: each number was checked
    against every figure, each word against every attribution (before: 13 s for
    100 KB of "6 km", 65 s for 300 KB of "according to ...;")."""

    def features(text: str) -> None:
        words = tokens(text)
        number_kinds(extract(text), words)
        source_features(words, text, EMPTY_VARIANTS)

    small = timed(features, chunk * (10_000 // len(chunk)))
    big = timed(features, chunk * (100_000 // len(chunk)))
    assert big < 30 * max(small, 0.05)  # 10x the text: linear costs ~10x, quadratic ~100x


def test_shared_phrases_of_two_long_repetitive_sentences_grow_linearly() -> None:
    """Two "sentences" that repeat the same three words thousands of times: every run
    of shared words met every other (two 100 KB lines took over a minute)."""

    def score(n: int) -> float:
        one = make_article("a", [["troops moved north " * n]])
        two = make_article("b", [["Soldiers " + "troops moved north " * n]])
        corpus = build_corpus([one, two], arrays=False)
        started = time.perf_counter()
        phrase_score(corpus, 0, 1, 0.5)
        return time.perf_counter() - started

    small, big = score(300), score(3000)
    assert big < 30 * max(small, 0.05)  # 10x the text: linear costs ~10x, quadratic ~100x
