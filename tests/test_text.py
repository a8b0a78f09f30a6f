"""Untrusted text (align.text): its character classes and every place that applies
them (cleaning, the Markdown report, annotation anchors and excerpts), and the one
way a text is shortened to a line (detail lines, excerpts, the reader)."""

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
    ELLIPSIS,
    INVISIBLE_CODES,
    LINE_CODES,
    char_class,
    is_control,
    shorten,
)
from align.wording import QUOTED, quoted

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


# ---------------------------------------------------------------- shortening


def test_shorten_cuts_after_the_last_whole_word_that_leaves_room() -> None:
    assert shorten("Turkish and  Russian\nleaders", 80) == "Turkish and Russian leaders"
    assert shorten("the quick brown fox jumps", 16) == "the quick brown…"
    assert shorten("the quick brown fox jumps", 15) == "the quick…"  # "brown…" would be 16
    assert shorten("", 5) == ""


def test_shorten_cuts_inside_a_word_rather_than_lose_half_the_room() -> None:
    assert shorten("https://example.org/a/very/long/address", 12) == "https://exa…"
    assert shorten("Al Jazeera's correspondent", 20) == "Al Jazeera's…"
    assert shorten("Al Internationalisation", 12) == "Al Internat…"


def test_shorten_reads_only_the_start_of_a_long_text() -> None:
    assert shorten("a  b\n c", 10) == "a b c"
    assert shorten("abcdefghij", 5) == "abcd…"
    assert shorten("x " * 1_000_000, 20) == "x " * 9 + "x…"


def test_shorten_reads_past_a_long_run_of_whitespace() -> None:
    assert shorten("a" + " " * 500 + "b" * 30, 10) == "a bbbbbbb…"
    assert shorten(" " * 500 + "end", 10) == "end"


@given(st.text(alphabet=st.sampled_from("ab \n\t…"), max_size=300), st.integers(1, 60))
def test_shorten_gives_one_line_within_the_limit(text: str, limit: int) -> None:
    out = shorten(text, limit)
    flat = " ".join(text.split())
    assert len(out) <= limit and "\n" not in out and "  " not in out
    if len(flat) <= limit:
        assert out == flat
    else:
        kept = out.removesuffix(ELLIPSIS)
        assert out.endswith(ELLIPSIS) and flat.startswith(kept)
        at_word = flat[len(kept)] == " "
        assert at_word or " " not in flat[limit // 2 : limit]


def test_detail_lines_and_excerpts_shorten_alike() -> None:
    long = "The ministry said the corridor would run six kilometres north and south " * 3
    assert quoted(long) == shorten(long, QUOTED) and len(quoted(long)) <= QUOTED
    assert excerpt(long) == shorten(long, 80)
