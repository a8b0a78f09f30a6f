"""Ingest: PLACEHOLDER, being replaced by the real stage."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from .model import InputError, Source


def bundled_seeds() -> Path:
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if (candidate / "manifest.yaml").is_file():
            return candidate
    raise InputError(str(here / "seeds"), "the bundled articles are missing from this installation")


def load_sources(paths: Sequence[str | Path]) -> list[Source]:
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            files.extend(sorted(f for f in path.iterdir() if f.suffix in {".txt", ".md"}))
        else:
            files.append(path)
    out = []
    for f in files:
        raw = f.read_text(encoding="utf-8")
        out.append(Source(path=str(f), name=f.name, raw=raw, id=f.stem[:8], label=f.stem))
    return out
