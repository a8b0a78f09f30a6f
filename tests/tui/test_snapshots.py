"""SVG snapshots of the reader on a hand-made alignment (engine changes do not churn them).

Regenerate after a deliberate visual change with
``python -m pytest tests/tui/test_snapshots.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_factory import crossed, sample

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
    "wide-original": (WIDE, ("r",)),
    "wide-help": (WIDE, ("question_mark",)),
}
# The claims ledger on six outlets: a figure of its own per mark, two figures in a cell,
# conflicts across passages; the cursor on a cell so that its details show.
LEDGER_CASES = {
    "narrow-ledger": (NARROW, ("m", "down", "right")),
    "wide-ledger": (WIDE, ("m", "down", "right")),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_snapshot(snap_compare, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    size, keys = CASES[case]
    app = IdlibReadApp([], tmp_path / "notes.yaml", alignment=sample())
    assert snap_compare(app, press=keys, terminal_size=size)


@pytest.mark.parametrize("case", sorted(LEDGER_CASES))
def test_ledger_snapshot(snap_compare, tmp_path: Path, case: str) -> None:  # type: ignore[no-untyped-def]
    size, keys = LEDGER_CASES[case]
    app = IdlibReadApp([], tmp_path / "notes.yaml", alignment=crossed())
    assert snap_compare(app, press=keys, terminal_size=size)
