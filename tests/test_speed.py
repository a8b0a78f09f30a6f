"""Fast paths of the engine give exactly what the general code gives.

Speed work replaced some steps with quicker equivalents (an ASCII shortcut in
``fold``, a Python Indel ratio instead of importing rapidfuzz, claims tried
only at tokens that can start one). These tests pin the equivalence, so a
later change to one side cannot silently change the output.
"""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from align.normalize import fold, similarity

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


@settings(max_examples=500)
@given(NAMEISH, NAMEISH)
def test_similarity_equals_rapidfuzz_ratio_exactly(a: str, b: str) -> None:
    assert similarity(a, b) == fuzz.ratio(a, b)


def test_similarity_on_long_strings_equals_rapidfuzz() -> None:
    a, b = "ab" * 3000 + "c", "ba" * 2999 + "cc"
    assert similarity(a, b) == fuzz.ratio(a, b)


def test_similarity_known_values() -> None:
    assert similarity("masrin", "misrin") == fuzz.ratio("masrin", "misrin")
    assert similarity("", "") == 100.0
    assert similarity("abc", "") == 0.0
    assert similarity("marat", "maaret") >= 70
