"""The highlight kinds of the reader, each defined once: what it is called (in
full and short), how it is drawn, and what it means.

Every style carries a non-colour attribute (bold, reverse, underline,
italic) so it reads under NO_COLOR, and its colour is a theme variable so it
reads on light and dark themes. The details view, the status line, the
legend, the help and the claims ledger all read this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MarkKind = Literal["conflict", "precision", "wording", "quote"]


@dataclass(frozen=True, slots=True)
class Highlight:
    label: str  # in full: the details view, the status line, the help
    short: str  # a narrow status line and the legend
    style: str  # Textual style, applied by offset (never as markup)
    meaning: str  # the help's explanation


HIGHLIGHTS: dict[MarkKind, Highlight] = {
    "conflict": Highlight(
        "conflicting number",
        "conflict",
        "bold reverse $error",
        "the outlets' figures cannot both be true (bold, reversed)",
    ),
    "precision": Highlight(
        "different precision",
        "precision",
        "bold underline $warning",
        "compatible figures given with different precision (bold, underlined)",
    ),
    "wording": Highlight(
        "reworded",
        "reworded",
        "underline $accent",
        "the same passage worded differently (underlined)",
    ),
    "quote": Highlight(
        "reworded quotation",
        "quote reworded",
        "italic underline $accent",
        "the same quotation worded differently (italic, underlined)",
    ),
}
