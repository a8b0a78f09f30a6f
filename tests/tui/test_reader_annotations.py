"""The reader with the annotation store: a, A, s, the marks and the status line."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
import yaml
from pilot import NARROW, WIDE, make_app, reader, sentences, settle, shown, status
from textual.widgets import OptionList, TextArea
from tui_factory import sample

from tui.app import IdlibReadApp
from tui.screens.annotate import AnnotateScreen
from tui.screens.annotations_list import AnnotationListScreen
from tui.screens.notice import NoticeScreen
from tui.screens.reader import ReaderScreen


async def test_annotate_saves_marks_and_lists(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("j", "a")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        app.screen.query_one(TextArea).text = "Check [b]59[/b] against the ministry"
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = reader(app)
        assert screen.annotated == {1}
        line = status(screen)
        assert "✎ annotated" in line and "saved" in line
        saved = yaml.safe_load((tmp_path / "notes.yaml").read_text(encoding="utf-8"))
        assert saved["annotations"][0]["note"] == "Check [b]59[/b] against the ministry"
        marked = [v for v in sentences(screen).values() if shown(v)[1:2] == "✎"]
        assert {(v.article, v.sentence) for v in marked} == {(0, 1), (1, 1)}
        await pilot.press("g")
        await settle(pilot)
        assert "✎ annotated" not in status(screen)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, AnnotationListScreen)
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await settle(pilot)
        assert screen.current == 1
        await pilot.press("s")
        await settle(pilot)
        assert "saved" in status(screen)


async def test_detached_and_broken_annotation_files(tmp_path: Path) -> None:
    notes = tmp_path / "notes.yaml"
    notes.write_text(
        "annotations:\n  - id: abc123\n    note: gone\n    anchors:\n"
        "      - source: nowhere.txt\n        hash: 0123456789abcdef\n        excerpt: lost\n",
        encoding="utf-8",
    )
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        assert any(
            "1 annotation no longer matches a passage" in str(n.message) for n in app._notifications
        )
        assert "1 note in notes.yaml" in status(reader(app))
        await pilot.press("A")
        await settle(pilot)
        assert "detached" in str(app.screen.query_one(OptionList).get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen)
        app.screen.query_one(TextArea).text = "gone, but still worth checking"
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = yaml.safe_load(notes.read_text(encoding="utf-8"))["annotations"]
    assert [(a["id"], a["note"]) for a in saved] == [("abc123", "gone, but still worth checking")]
    assert saved[0]["anchors"][0]["source"] == "nowhere.txt", "kept, not re-anchored"
    notes.write_text("annotations: [unclosed\n", encoding="utf-8")
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("escape")  # the notice about the file (see the test below)
        await settle(pilot)
        assert "notes.yaml" in status(reader(app))
        assert reader(app).saved[1], "a load problem is shown as an error"


@pytest.mark.parametrize("size", [NARROW, WIDE])
async def test_a_broken_annotation_file_is_said_until_seen_and_again_on_s(
    tmp_path: Path, size: tuple[int, int]
) -> None:
    (tmp_path / "notes.yaml").write_text("annotations: [unclosed\n", encoding="utf-8")
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.pause(0.5)
        assert isinstance(app.screen, NoticeScreen), "a dialog, not a notice that times out"
        text = shown(app.screen.query_one("#notice-text"))
        assert "notes.yaml line 2" in text and "untouched" in text
        await pilot.press("j")  # the dialog stays until closed
        assert isinstance(app.screen, NoticeScreen)
        await pilot.press("enter")
        await settle(pilot)
        screen = reader(app)
        line = status(screen)
        assert "unreadable" in line or "notes.yaml" in line
        assert "…" not in line, line
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen), "s says it again"
        text = shown(app.screen.query_one("#notice-text"))
        assert "notes.yaml" in text and "Now: nothing to save." in text
        await pilot.press("escape")
        await settle(pilot)
        assert screen.saved[1] and "notes.yaml line 2" in screen.saved[0]  # not replaced
        assert "unreadable" in status(screen) or "notes.yaml line 2" in status(screen)


async def test_the_notice_shows_a_hostile_file_name_literally(tmp_path: Path) -> None:
    name = "[@click=app.quit]x[b] [bold].yaml"  # no "/" in a file name
    (tmp_path / name).write_text("annotations: [unclosed\n", encoding="utf-8")
    app = IdlibReadApp([], tmp_path / name, alignment=sample())
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, NoticeScreen)
        assert name in shown(app.screen.query_one("#notice-text")).replace("\n", " ")
        await pilot.click("#notice-text")
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, ReaderScreen)


async def test_ctrl_c_quits_the_reader_but_copies_in_the_editor(tmp_path: Path) -> None:
    """ctrl+c leaves as q does (Textual alone would only say "press ctrl+q"), except in
    a text field, where it copies and the note being written stays."""
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        note = app.screen.query_one(TextArea)
        note.text = "Check the toll"
        await pilot.press("ctrl+c")
        await settle(pilot)
        assert isinstance(app.screen, AnnotateScreen) and note.text == "Check the toll"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("ctrl+c")
        await settle(pilot)
    assert app.return_code == 0
    saved = yaml.safe_load((tmp_path / "notes.yaml").read_text(encoding="utf-8"))
    assert saved["annotations"][0]["note"] == "Check the toll"


async def test_sigterm_saves_pending_notes_and_leaves_as_q_does(tmp_path: Path) -> None:
    """kill (SIGTERM) or a closed terminal (SIGHUP): before, Python's default handler
    ended the process on the spot, the terminal left in raw mode showing the reader
    and pending notes unsaved. Now the reader saves them, restores the terminal and
    leaves with 128 + the signal's number."""
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        app.screen.query_one(TextArea).text = "Check the toll"
        await pilot.press("ctrl+s")
        await settle(pilot)
        store = reader(app).store
        assert store is not None
        store.delete(store.all()[0].id)  # pending: not saved yet
        assert store.dirty
        # the reader's handler, or the signal would end the test run itself
        assert signal.getsignal(signal.SIGTERM) not in (signal.SIG_DFL, signal.SIG_IGN, None)
        os.kill(os.getpid(), signal.SIGTERM)
        await pilot.pause(0.2)
    assert app.return_code == 128 + signal.SIGTERM
    saved = yaml.safe_load((tmp_path / "notes.yaml").read_text(encoding="utf-8"))
    assert not saved.get("annotations")
