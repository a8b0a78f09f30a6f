"""Input warnings (e.g. a file that is not UTF-8) reach the reader as a notice."""

from __future__ import annotations

from pathlib import Path

from pilot import aligned

from align import load_sources
from tui.app import IdlibReadApp


async def test_fallback_decoding_is_announced(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Head\n\nThe council approved 12 parks.\n", encoding="utf-8")
    (tmp_path / "[b]latin.txt").write_bytes(
        "Head\n\nThe caf\xe9 approved 13 parks.\n".encode("latin-1")
    )
    app = IdlibReadApp(load_sources([tmp_path]), tmp_path / "notes.yaml")
    async with app.run_test(size=(100, 30)) as pilot:
        await aligned(app)
        await pilot.pause()
        messages = [str(n.message) for n in app._notifications]
        assert any("[b]latin.txt" in m and "UTF-8" in m for m in messages), messages
