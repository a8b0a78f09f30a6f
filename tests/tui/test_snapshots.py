"""SVG snapshots of the reader on a hand-made alignment (engine changes do not churn them).

Regenerate after a deliberate visual change with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_factory import sample

from tui.app import IdlibReadApp

NARROW = (80, 24)
WIDE = (200, 50)

CASES = {
    "narrow-first": (NARROW, ()),
    "narrow-conflict-context": (NARROW, ("j", "c")),
    "narrow-side-by-side": (NARROW, ("j", "l")),
    "narrow-details": (NARROW, ("j", "d")),
    "wide-first": (WIDE, ()),
    "wide-gap": (WIDE, ("j",)),
    "wide-single": (WIDE, ("G",)),
    "wide-matrix": (WIDE, ("m",)),
    "wide-original": (WIDE, ("r",)),
    "wide-help": (WIDE, ("question_mark",)),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_snapshot(snap_compare, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    size, keys = CASES[case]
    app = IdlibReadApp([], tmp_path / "notes.yaml", alignment=sample())
    assert snap_compare(app, press=keys, terminal_size=size)
