"""Segment: PLACEHOLDER, being replaced by the real stage."""

from __future__ import annotations

import re

from .model import Cleaned, Sentence


def segment(cleaned: Cleaned) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for para, pm in enumerate(re.finditer(r"[^\n]+", cleaned.text)):
        for m in re.finditer(r"[^.!?]+[.!?]*", pm.group()):
            s, e = pm.start() + m.start(), pm.start() + m.end()
            text = cleaned.text[s:e].strip()
            if not text:
                continue
            s = cleaned.text.index(text, s)
            e = s + len(text)
            origin = cleaned.origin[s:e]
            out.append(Sentence(len(out), text, origin[0], origin[-1] + 1, para, origin))
    return tuple(out)
