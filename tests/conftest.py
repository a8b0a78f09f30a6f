"""Shared fixtures: the bundled seed articles and the hand-made sample articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import Source, bundled_seeds, load_sources

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seed_sources() -> dict[str, Source]:
    """The bundled seeds, read once, keyed by manifest id (hill, upi, wapo, moscowtimes, ...)."""
    return {source.id: source for source in load_sources([bundled_seeds()])}


@pytest.fixture(scope="session")
def text_fixtures() -> Path:
    """Folder of hand-made sample articles with invented debris (tests/fixtures/text)."""
    return FIXTURES / "text"
