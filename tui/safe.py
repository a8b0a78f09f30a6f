"""Untrusted text on its way to the screen: control bytes out, markup never parsed.

Article text reaches widgets only through :func:`plain`, which returns a
``Content`` (never parsed as markup). :func:`sanitize` replaces every C0/C1
control character (except newline and tab) and the bidirectional overrides
with a visible stand-in of the *same length*, so raw offsets computed by the
engine still point at the right characters after sanitizing.
"""

from __future__ import annotations

from textual.content import Content

REPLACEMENT = "\ufffd"


def _table() -> dict[int, str]:
    """The translation table: control picture for C0, DEL and C1 as U+FFFD."""
    table = {c: chr(0x2400 + c) for c in range(0x20) if c not in (0x09, 0x0A)}
    table[0x0D] = " "  # a stray carriage return is whitespace, not a glyph
    table[0x7F] = "\u2421"
    table.update({c: REPLACEMENT for c in range(0x80, 0xA0)})
    bidi = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
    table.update({c: REPLACEMENT for c in bidi})
    return table


_TABLE = _table()


def sanitize(text: str) -> str:
    """``text`` with control characters made visible; same length, linear time."""
    return text.translate(_TABLE)


def plain(text: str, style: str = "") -> Content:
    """Untrusted text as a ``Content``: sanitized, never parsed as markup."""
    content = Content(sanitize(text))
    return content.stylize(style) if style else content


def clip(text: str, limit: int) -> str:
    """At most ``limit`` characters of ``text`` on one line, with an ellipsis if cut."""
    flat = " ".join(text.split()) if len(text) <= 4 * limit else " ".join(text[: 4 * limit].split())
    return flat if len(flat) <= limit else flat[: max(0, limit - 1)] + "…"
