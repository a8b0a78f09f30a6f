"""The character classes of untrusted text (align.text) and every place that applies them:
cleaning, the Markdown report, annotation anchors and excerpts."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from align.annotations import anchor_text, excerpt
from align.clean import clean
from align.export import md_escape
from align.text import (
    BIDI_CODES,
    CONTROL_CODES,
    INVISIBLE_CODES,
    LINE_CODES,
    char_class,
    is_control,
)

HIDDEN = sorted((CONTROL_CODES - LINE_CODES) | BIDI_CODES | INVISIBLE_CODES)


def test_a_control_character_is_unicode_category_cc() -> None:
    for code in range(0x10000):
        if not 0xD800 <= code <= 0xDFFF:
            assert is_control(chr(code)) == (unicodedata.category(chr(code)) == "Cc")


def test_bidi_and_invisible_characters_are_format_characters_not_controls() -> None:
    for code in BIDI_CODES | INVISIBLE_CODES:
        assert unicodedata.category(chr(code)) == "Cf" and not is_control(chr(code))


@given(st.sets(st.integers(0, 0x10FFFF), max_size=40), st.integers(0, 0x10FFFF))
def test_char_class_matches_exactly_its_code_points(codes: set[int], probe: int) -> None:
    if not codes:
        return
    pattern = re.compile(char_class(codes))
    for code in {*codes, probe, *(c + 1 for c in codes if c < 0x10FFFF)}:
        assert bool(pattern.fullmatch(chr(code))) == (code in codes)


def test_cleaning_drops_every_hidden_character_and_keeps_line_breaks() -> None:
    for code in HIDDEN:
        cleaned = clean(f"Crews reached the{chr(code)} valley.")
        assert cleaned.text == "Crews reached the valley.", hex(code)
        assert [d.reason for d in cleaned.dropped] == ["control characters"]
    kept = clean("Crews\treached\r\nthe valley.")
    assert kept.text == "Crews reached the valley." and kept.dropped == ()


def test_the_report_drops_controls_and_keeps_everything_else() -> None:
    text = "".join(map(chr, range(0x300)))
    escaped = md_escape(text)
    assert not any(is_control(ch) for ch in escaped)
    assert set(escaped) >= {chr(c) for c in range(0x20, 0x300) if not is_control(chr(c))}


def test_anchors_and_excerpts_read_controls_as_spaces() -> None:
    for code in CONTROL_CODES:
        assert anchor_text(f"two{chr(code)}words") == "two words", hex(code)
        assert excerpt(f"two{chr(code)}words") == "two words", hex(code)
