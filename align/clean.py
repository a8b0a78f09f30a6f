"""Clean: PLACEHOLDER, being replaced by the real stage."""

from __future__ import annotations

from .model import Cleaned


def clean(raw: str) -> Cleaned:
    return Cleaned(text=raw, origin=tuple(range(len(raw))), dropped=())
