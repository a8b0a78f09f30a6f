"""The reader's pilot tests are the slow tier: each runs the Textual app headless.

Every test under ``tests/tui`` is marked ``pilot``, so the engine tier runs
alone with ``pytest -m "not pilot"`` (the helpers they share are in
``pilot.py`` and the alignments they read in ``tui_factory.py``).
"""

from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in item.path.parents:
            item.add_marker(pytest.mark.pilot)
