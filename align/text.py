"""Untrusted text, defined once for the engine and the reader: its character
classes, and how a long text is shortened to one line (``shorten``).

Article text, file names and annotation notes come from outside. Three kinds
of characters in them must never reach a terminal or a report as they are:

``CONTROL_CODES``
    C0 and C1 control characters and DEL (Unicode category Cc): escape
    sequences start with one. Cleaning drops them (tab and line breaks
    excepted), the reader shows a visible stand-in, the Markdown report drops
    them, and annotation anchors read them as spaces.
``BIDI_CODES``
    Bidirectional embeddings, overrides and isolates: they reorder the text
    that follows on screen. Cleaning drops them, the reader shows a stand-in.
``INVISIBLE_CODES``
    Characters that show nothing but split or join words: soft hyphen,
    zero-width space, the left-to-right and right-to-left marks, the word
    joiner and invisible operators, the byte-order mark, the interlinear
    annotation marks. Cleaning drops them.
"""

from __future__ import annotations

from collections.abc import Iterable

CONTROL_CODES: frozenset[int] = frozenset((*range(0x20), *range(0x7F, 0xA0)))
BIDI_CODES: frozenset[int] = frozenset((*range(0x202A, 0x202F), *range(0x2066, 0x206A)))
INVISIBLE_CODES: frozenset[int] = frozenset(
    (0xAD, 0x200B, 0x200E, 0x200F, *range(0x2060, 0x2065), 0xFEFF, *range(0xFFF9, 0xFFFC))
)
LINE_CODES: frozenset[int] = frozenset(map(ord, "\t\n\r"))  # control codes that lay text out


def is_control(ch: str) -> bool:
    """Whether the character is a C0 or C1 control character or DEL."""
    return ord(ch) in CONTROL_CODES


def char_class(codes: Iterable[int]) -> str:
    """A regular-expression character class matching exactly the code points ``codes``
    (runs of consecutive code points as ranges)."""
    runs: list[list[int]] = []
    for code in sorted(set(codes)):
        if runs and code == runs[-1][1] + 1:
            runs[-1][1] = code
        else:
            runs.append([code, code])
    parts = (f"\\U{a:08x}" if a == b else f"\\U{a:08x}-\\U{b:08x}" for a, b in runs)
    return "[" + "".join(parts) + "]"


ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """``text`` on one line of at most ``limit`` characters.

    Every run of whitespace (line breaks too) becomes one space. A longer text
    is cut after its last whole word that leaves room for an ellipsis ("…"),
    or inside a word when that would keep less than half the room (a long
    address, a word in a narrow column).
    """
    room = 4 * limit + 4  # enough raw text for ``limit`` characters of most texts
    flat = " ".join(text[:room].split())
    if len(flat) <= limit and len(text) > room:  # mostly whitespace: read it all
        flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] if " " in flat[:limit] else ""
    if len(cut) < limit // 2:
        cut = flat[: limit - 1].rstrip()
    return cut + ELLIPSIS


def counted(n: int, noun: str) -> str:
    """ "1 figure", "4 figures", "0 sentences": a count with its noun in the right number."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
