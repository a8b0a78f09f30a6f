"""Saved web pages in the reader: the pane heading shows outlet, date and title from the
page's metadata, and inputs that were left out are listed in a notice."""

from __future__ import annotations

from pathlib import Path

from pilot import aligned, settle, shown

from align import load_sources
from tui.app import IdlibReadApp

WEB = Path(__file__).resolve().parents[1] / "fixtures" / "web"


async def test_heading_shows_outlet_date_and_title_and_left_out_inputs(tmp_path: Path) -> None:
    pages = [WEB / "courier-modern.html", WEB / "herald-legacy.html"]
    notice = "Not read: https://gone.example/story: HTTP error 404 Not Found [/]"
    app = IdlibReadApp(load_sources(pages), tmp_path / "notes.yaml", notices=[notice])
    async with app.run_test(size=(200, 40)) as pilot:
        await aligned(app)
        await settle(pilot)
        first = shown(app.screen.query_one("#pane-0 .heading")).splitlines()
        second = shown(app.screen.query_one("#pane-1 .heading")).splitlines()
        assert first == [
            "1 Northern Courier  2024-04-16",
            "Bridge collapse in Vellmark leaves four dead and dozens injured",
        ]
        assert second[0] == "2 Vellmark Herald  2024-04-16"
        assert second[1].startswith("Harlow Street bridge falls into the Ossen")
        messages = [str(n.message) for n in app._notifications]
        assert notice in messages  # literally, markup-like text included
