"""The engine's stage list is given three times (README's "How it works", the
``align`` package docstring, ``align.model``'s hand-off table): they name the
same stages in the same order, and only modules and functions that exist."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import align
import align.model

ROOT = Path(__file__).resolve().parent.parent


def how_it_works() -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return text.split("## How it works", 1)[1].split("\n## ", 1)[0]


def readme_stages() -> list[tuple[str, str]]:
    """(name, first path) of each numbered stage."""
    return re.findall(r"^\d+\. \*\*(\w+)\*\* \(`([^`]+)`", how_it_works(), re.M)


def package_stages() -> list[str]:
    doc = align.__doc__ or ""
    listed = doc.split("The stages,", 1)[1].split(":", 1)[1].split(";", 1)[0]
    return [re.sub(r"\(.*?\)", "", name, flags=re.S).strip() for name in listed.split(",")]


def model_stages() -> list[tuple[str, str]]:
    """(module, function) of each line of the hand-off table."""
    return re.findall(r"^    (\w+)\.(\w+)\(", align.model.__doc__ or "", re.M)


def test_the_three_stage_lists_agree() -> None:
    names = [name for name, _ in readme_stages()]
    assert names[:3] == ["ingest", "clean", "segment"] and names[-1] == "export"
    assert package_stages() == names
    assert [module for module, _ in model_stages()] == names


def test_the_stage_lists_name_only_what_exists() -> None:
    for _, path in readme_stages():
        assert (ROOT / path).exists(), path
    for path in re.findall(r"`((?:align|tui)/[\w/]+(?:\.py)?)`", how_it_works()):
        assert (ROOT / path).exists(), path
    for module, function in model_stages():
        assert callable(getattr(importlib.import_module(f"align.{module}"), function))
    assert callable(align.pipeline.build)
