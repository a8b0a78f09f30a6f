"""Untrusted text on its way to the screen: control bytes out, markup never parsed.

Article text reaches widgets only through :func:`plain`, which returns a
``Content`` (never parsed as markup). :func:`sanitize` replaces every control
character (except newline and tab) and every bidirectional override
(``align.text``) with a visible stand-in of the *same length*, so offsets
computed by the engine still point at the right characters after sanitizing.
"""

from __future__ import annotations

from textual.content import Content

from align.text import BIDI_CODES, CONTROL_CODES

REPLACEMENT = "\ufffd"


def _table() -> dict[int, str]:
    """The translation table for ``align.text``'s control and bidi characters: a control
    picture for C0 and DEL (U+2400 to U+2421), U+FFFD for the others; tab and newline
    kept, a carriage return a space."""
    table = {c: chr(0x2400 + c) if c < 0x20 else REPLACEMENT for c in CONTROL_CODES | BIDI_CODES}
    table[0x7F] = "\u2421"
    table[0x0D] = " "  # a stray carriage return is whitespace, not a glyph
    del table[0x09], table[0x0A]
    return table


_TABLE = _table()


def sanitize(text: str) -> str:
    """``text`` with control characters made visible; same length, linear time."""
    return text.translate(_TABLE)


def plain(text: str, style: str = "") -> Content:
    """Untrusted text as a ``Content``: sanitized, never parsed as markup."""
    content = Content(sanitize(text))
    return content.stylize(style) if style else content
