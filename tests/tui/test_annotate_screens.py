"""Pilot tests of the annotation editor and list, through a tiny host app that uses the store.

Every test checks the annotation file on disk, not only the screen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import ClassVar

import yaml
from textual import events
from textual.app import App
from textual.binding import BindingType
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, RadioButton, Static, TextArea

import tui
from align.annotations import Annotation, AnnotationEdit, AnnotationStore, SaveResult, anchors_for
from align.model import Alignment, Article, Group, Member, Sentence, Source
from tui.screens.annotate import (
    AnnotateScreen,
    TagSuggester,
    detached_passage,
    note_excerpt,
)
from tui.screens.annotations_list import AnnotationListScreen, list_entries
from tui.screens.confirm import ConfirmScreen

HOSTILE = "[@click=app.quit]x[/]"
ARTICLES = {
    "east.txt": [
        f"[Reuters] The dam opened on Tuesday {HOSTILE}.",
        "Water levels fell by 2 metres.",
    ],
    "west.txt": [
        "The dam's gates were opened Tuesday.",
        "Levels dropped 3 metres, [/] officials said.",
    ],
}
SIZE = (110, 44)


def make_alignment(articles: Mapping[str, Sequence[str]]) -> Alignment:
    """Sentence k of every article in group k."""
    arts = []
    for i, (name, sentences) in enumerate(articles.items()):
        source = Source(
            path=name, name=name, raw=" ".join(sentences), id=f"a{i}", label=name.upper()
        )
        built, pos = [], 0
        for k, text in enumerate(sentences):
            built.append(
                Sentence(k, text, pos, pos + len(text), 0, tuple(range(pos, pos + len(text))))
            )
            pos += len(text) + 1
        arts.append(Article(source, tuple(built), (), name))
    groups = tuple(
        Group(k, tuple(Member(i, (k,), 1.0) for i in range(len(arts)))) for k in range(2)
    )
    return Alignment(tuple(arts), groups)


class Host(App[None]):
    """The reader's wiring in miniature: `a` annotates group `current`, `A` lists."""

    CSS_PATH = Path(tui.__file__).parent / "app.tcss"  # the reader's: dialogs lay out as there
    BINDINGS: ClassVar[list[BindingType]] = [
        ("a", "annotate", "Annotate"),
        ("A", "list", "Annotations"),
    ]

    def __init__(self, path: Path, alignment: Alignment, current: int = 0) -> None:
        super().__init__()
        self.store = AnnotationStore.open(path)
        self.alignment = alignment
        self.store.attach(alignment)
        self.current = current
        self.results: list[SaveResult] = []
        self.edits: list[AnnotationEdit | None] = []
        self.chosen: list[str | None] = []

    def action_annotate(self) -> None:
        group = self.alignment.groups[self.current]
        existing = self.store.for_group(group.id)
        passage = note_excerpt(self.alignment, group)
        screen = AnnotateScreen(
            f"passage {group.id + 1}", passage, existing, self.store.suggestions()
        )

        def done(edit: AnnotationEdit | None) -> None:
            self.edits.append(edit)
            if edit is not None:
                self.results.append(self.store.apply_edit(group, edit, existing))

        self.push_screen(screen, done)

    def action_list(self) -> None:
        screen = AnnotationListScreen(list_entries(self.store, self.alignment))
        self.push_screen(screen, self.chosen.append)


def on_disk(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return list(data["annotations"])


async def type_text(pilot: Pilot[None], text: str) -> None:
    for char in text:
        await pilot.press({" ": "space", "\n": "enter"}.get(char, char))


def seed_file(
    path: Path, alignment: Alignment, notes: Sequence[tuple[int | None, str]]
) -> list[str]:
    """Write annotations for groups (None: anchored to a sentence no longer present)."""
    store = AnnotationStore.open(path)
    store.attach(alignment)
    ids = []
    for group, note in notes:
        if group is None:
            gone = make_alignment({"east.txt": ["A sentence that was deleted from the article."]})
            anchors = anchors_for(gone, gone.groups[0])
        else:
            anchors = anchors_for(alignment, alignment.groups[group])
        ann = Annotation.new(anchors, note, ("conflict",))
        store.upsert(ann)
        ids.append(ann.id)
    assert store.save().ok
    return ids


def visible_text(widget: Static) -> str:
    content = widget.content
    assert isinstance(content, Content)
    return content.plain


async def test_create_writes_the_note_tags_and_status_to_disk(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = Host(path, make_alignment(ARTICLES), current=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AnnotateScreen)
        await type_text(pilot, "Levels differ.\nCheck " + HOSTILE)
        await pilot.press("tab")
        assert isinstance(app.focused, Input)
        await type_text(pilot, "need")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        assert app.focused.value == "needs-source"
        await type_text(pilot, ", Budget ")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotateScreen)
        assert app.is_running  # the [@click=app.quit] in the note did nothing
    assert [r.ok for r in app.results] == [True] and app.results[0].message == "saved"
    (saved,) = on_disk(path)
    assert saved["note"] == "Levels differ.\nCheck " + HOSTILE
    assert saved["tags"] == ["needs-source", "Budget"]
    assert saved["status"] == "open"
    assert [a["source"] for a in saved["anchors"]] == ["east.txt", "west.txt"]  # type: ignore[index]
    assert "note: |-" in path.read_text(encoding="utf-8")


async def test_article_text_and_title_are_shown_literally(tmp_path: Path) -> None:
    app = Host(tmp_path / "notes.yaml", make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        passage = app.screen.query_one("#annotate-passage Static", Static)
        text = visible_text(passage)
        assert "[Reuters] The dam opened" in text and HOSTILE in text
        await pilot.press("escape")
        assert app.is_running


async def test_edit_keeps_the_id_and_changes_status(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = make_alignment(ARTICLES)
    (ann_id,) = seed_file(path, alignment, [(0, "first draft")])
    app = Host(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        note = app.screen.query_one("#annotate-note", TextArea)
        assert note.text == "first draft"
        title = visible_text(app.screen.query_one(".dialog-title", Static))
        assert title.startswith("Edit the annotation · passage 1 · updated 20")
        assert app.screen.query_one("#annotate-tags", Input).value == "conflict"
        await pilot.press("end")
        await type_text(pilot, ", revised")
        await pilot.click("#annotate-checked")
        await pilot.click("#annotate-save")
        await pilot.pause()
    (saved,) = on_disk(path)
    assert (saved["id"], saved["note"], saved["status"]) == (
        ann_id,
        "first draft, revised",
        "checked",
    )
    assert saved["tags"] == ["conflict"]


async def test_delete_asks_first_then_removes_it_from_disk(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = make_alignment(ARTICLES)
    seed_file(path, alignment, [(0, "to delete"), (1, "to keep")])
    app = Host(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.click("#annotate-delete")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # changed my mind: back to the editor, nothing deleted
        assert isinstance(app.screen, AnnotateScreen)
        assert len(on_disk(path)) == 2
        await pilot.click("#annotate-delete")
        await pilot.press("y")
        await pilot.pause()
        assert not isinstance(app.screen, (AnnotateScreen, ConfirmScreen))
    assert [a["note"] for a in on_disk(path)] == ["to keep"]
    assert app.edits[-1] is not None and app.edits[-1].delete


async def test_cancel_without_typing_closes_at_once_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = Host(path, make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.press("escape")
        assert not isinstance(app.screen, (AnnotateScreen, ConfirmScreen))
    assert app.edits == [None] and not path.exists()


async def test_cancel_after_typing_asks_and_can_keep_editing(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = make_alignment(ARTICLES)
    seed_file(path, alignment, [(0, "original")])
    before = path.read_bytes()
    app = Host(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_text(pilot, "scribble ")
        await pilot.press("escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # Escape on the question means "keep editing"
        assert isinstance(app.screen, AnnotateScreen)
        assert app.screen.query_one(TextArea).text == "scribble original"
        await pilot.press("escape")
        await pilot.click("#confirm-yes")
        await pilot.pause()
        assert not isinstance(app.screen, (AnnotateScreen, ConfirmScreen))
    assert app.edits == [None]
    assert path.read_bytes() == before


async def test_an_empty_annotation_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    app = Host(path, make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await type_text(pilot, "   ")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, AnnotateScreen)
        problem = visible_text(app.screen.query_one("#annotate-problem", Static))
        assert "Write a note or a tag first" in problem
    assert not path.exists()


async def test_the_list_marks_detached_ones_and_returns_the_chosen_id(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = make_alignment(ARTICLES)
    ids = seed_file(
        path, alignment, [(None, "orphan note"), (1, HOSTILE + " second"), (0, "first")]
    )
    app = Host(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        assert isinstance(app.screen, AnnotationListScreen)
        options = app.screen.query_one(OptionList)
        prompts = [options.get_option_at_index(i).prompt for i in range(options.option_count)]
        texts = [p.plain for p in prompts if isinstance(p, Content)]
        assert len(texts) == 3
        assert texts[0].startswith("Passage 1 · EAST.TXT, WEST.TXT") and "first" in texts[0]
        assert HOSTILE + " second" in texts[1]
        assert texts[2].startswith("detached · east.txt") and "orphan note" in texts[2]
        await pilot.press("down", "enter")
        await pilot.pause()
        assert not isinstance(app.screen, AnnotationListScreen)
        await pilot.press("A", "escape")
        assert app.is_running
    assert app.chosen == [ids[1], None]
    assert len(on_disk(path)) == 3  # listing never drops the detached one


async def test_the_empty_list_says_how_to_start(tmp_path: Path) -> None:
    app = Host(tmp_path / "notes.yaml", make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("A")
        statics = [
            visible_text(s) for s in app.screen.query(Static) if isinstance(s.content, Content)
        ]
        assert any("No annotations yet" in t for t in statics)
        await pilot.press("escape")
    assert app.chosen == [None]


async def test_a_detached_annotation_can_be_opened_and_deleted(tmp_path: Path) -> None:
    path = tmp_path / "notes.yaml"
    alignment = make_alignment(ARTICLES)
    seed_file(path, alignment, [(None, "orphan")])
    app = Host(path, alignment)
    (orphan,) = app.store.detached()
    outcome: list[AnnotationEdit | None] = []
    async with app.run_test(size=SIZE) as pilot:
        app.push_screen(
            AnnotateScreen("detached", detached_passage(orphan), orphan), outcome.append
        )
        await pilot.pause()
        text = visible_text(app.screen.query_one("#annotate-passage Static", Static))
        assert "east.txt: A sentence that was deleted" in text
        await pilot.click("#annotate-delete")
        await pilot.press("y")
        await pilot.pause()
    assert outcome[0] is not None and outcome[0].delete
    assert app.store.apply_edit(None, outcome[0], orphan).ok
    assert on_disk(path) == []


async def test_tag_suggester_completes_the_last_tag_only() -> None:
    suggester = TagSuggester(["conflict", "needs-source", "Verified"])
    assert await suggester.get_suggestion("need") == "needs-source"
    assert await suggester.get_suggestion("Conflict, ve") == "Conflict, verified"
    assert await suggester.get_suggestion("conflict, con") is None  # already used
    assert await suggester.get_suggestion("conflict, ") is None
    assert await suggester.get_suggestion("conflict") is None  # already complete


async def test_hostile_article_and_note_text_is_shown_safely(tmp_path: Path) -> None:
    huge = "word " * 200_000  # a 1 MB line
    alignment = make_alignment(
        {"east.txt": [f"\x1b[31mRed\x1b[0m a [/] b\x00 {huge}", "x."], "west.txt": ["y.", "z."]}
    )
    path = tmp_path / "notes.yaml"
    seed_file(path, alignment, [(0, f"{HOSTILE}\x1b[2J [/] " + "long " * 4000)])
    app = Host(path, alignment)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        text = visible_text(app.screen.query_one("#annotate-passage Static", Static))
        assert "\x1b" not in text and "\x00" not in text
        assert "␛[31mRed␛[0m a [/] b" in text and len(text) < 3000
        await pilot.press("escape", "A")
        options = app.screen.query_one(OptionList)
        prompt = options.get_option_at_index(0).prompt
        assert isinstance(prompt, Content) and HOSTILE in prompt.plain
        assert "\x1b" not in prompt.plain and len(prompt.plain) < 400
        await pilot.press("escape")
        assert app.is_running


async def test_keys_typed_right_after_tab_go_to_the_tags(tmp_path: Path) -> None:
    """Fast typing: the app has every key queued before the focus moves (issue 11)."""
    app = Host(tmp_path / "notes.yaml", make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()
        for key, char in (("n", "n"), ("tab", None), ("x", "x"), ("y", "y")):
            app.post_message(events.Key(key, char))  # no pause in between
        await pilot.pause(0.2)
        screen = app.screen
        assert screen.query_one("#annotate-note", TextArea).text == "n"
        assert screen.query_one("#annotate-tags", Input).value == "xy"
        app.post_message(events.Key("shift+tab", None))
        app.post_message(events.Key("z", "z"))
        await pilot.pause(0.2)
        assert screen.query_one("#annotate-note", TextArea).text == "nz"


async def test_the_chosen_status_is_marked_in_text(tmp_path: Path) -> None:
    app = Host(tmp_path / "notes.yaml", make_alignment(ARTICLES))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        await pilot.pause()

        def labels() -> list[str]:
            buttons = app.screen.query(RadioButton)
            return [str(b.label).strip() for b in buttons]

        assert labels() == ["open ✓", "checked"]
        await pilot.click("#annotate-checked")
        await pilot.pause()
        assert labels() == ["open", "checked ✓"]
