"""The annotation editor: a note, tags and a status for one passage group.

Wiring it into the reader (``a`` on the current group)::

    existing = store.for_group(group.id)
    screen = AnnotateScreen(
        f"Passage {group.id + 1}", note_excerpt(alignment, group), existing,
        suggestions=store.suggestions(),
    )
    app.push_screen(screen, callback)   # callback(edit: AnnotationEdit | None)

    def callback(edit):                 # None: cancelled, nothing to do
        if edit is not None:
            result = store.apply_edit(group, edit, existing)   # upsert/delete + save
            show(result.message)        # "saved" or the one-line error

For a detached annotation (its passages are gone) pass ``detached_passage(ann)``
as the passage and apply the result with ``store.apply_edit(None, edit, ann)``:
its note, tags and status can be edited, or it can be deleted.

Keys: ctrl+s saves, Escape cancels (asking first when something was typed).
Article text and notes reach widgets only as ``Content`` or as widget values
(TextArea, Input), never as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Footer, Input, Label, RadioButton, RadioSet, Static, TextArea

from align.annotations import (
    DEFAULT_TAGS,
    STATUSES,
    Annotation,
    AnnotationEdit,
    AnnotationStatus,
    parse_tags,
)
from align.model import Alignment, Group
from align.text import shorten

from ..safe import plain
from .confirm import ConfirmScreen

__all__ = [
    "DEFAULT_TAGS",
    "AnnotateScreen",
    "AnnotationEdit",
    "TagSuggester",
    "detached_passage",
    "note_excerpt",
]


PASSAGE_CHARS = 1200  # per outlet: enough to recognise the passage, bounded for huge lines


def note_excerpt(alignment: Alignment, group: Group) -> Content:
    """The group's passages, one paragraph per outlet: "Label: sentence text"
    (sanitized, never markup; long passages are cut with an ellipsis)."""
    lines = []
    for member, sentences in alignment.passages(group):
        label = plain(alignment.articles[member.article].label, "bold")
        text = shorten(" ".join(s.text[: PASSAGE_CHARS + 1] for s in sentences), PASSAGE_CHARS)
        lines.append(label + Content(": ") + plain(text))
    return Content("\n").join(lines)


def detached_passage(annotation: Annotation) -> Content:
    """What a detached annotation was about: its anchors' file names and excerpts."""
    lines = [Content.styled("These passages are no longer in the articles:", "italic")]
    for anchor in annotation.anchors:
        lines.append(plain(anchor.source, "bold") + Content(": ") + plain(anchor.excerpt))
    return Content("\n").join(lines)


class TagSuggester(SuggestFromList):
    """Completes the tag after the last comma from the suggestions, skipping tags
    already typed; matching ignores case, the typed text keeps its own."""

    def __init__(self, suggestions: Sequence[str]) -> None:
        super().__init__(suggestions, case_sensitive=True)  # we fold case ourselves
        self.tags = list(suggestions)

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        word = last.lstrip().casefold()
        if not word:
            return None
        used = {t.casefold() for t in parse_tags(head)}
        for tag in self.tags:
            folded = tag.casefold()
            if folded.startswith(word) and folded not in used and folded != word:
                return value + tag[len(word) :]
        return None


class AnnotateScreen(ModalScreen[AnnotationEdit | None]):
    """Write or edit the annotation of one passage group.

    Returns an ``AnnotationEdit`` (``delete=True`` when Delete was confirmed),
    or None when cancelled.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel"),
        # Priority: the app moves focus before it hands the next key to a widget.
        # Without it, Tab reaches the note field first and the app has already
        # queued the keys typed after it for the note field (still focused).
        Binding("tab", "app.focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "app.focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(
        self,
        title: str,
        passage: Content,
        existing: Annotation | None,
        suggestions: Sequence[str] = DEFAULT_TAGS,
    ) -> None:
        super().__init__()
        self.title_text = title
        self.passage = passage
        self.existing = existing
        self.suggestions = tuple(suggestions)
        self.initial = self._initial_values(existing)

    @staticmethod
    def _initial_values(
        existing: Annotation | None,
    ) -> tuple[str, tuple[str, ...], AnnotationStatus]:
        if existing is None:
            return "", (), "open"
        return existing.note, existing.tags, existing.status

    def compose(self) -> ComposeResult:
        note, tags, status = self.initial
        with Vertical(classes="dialog"):
            yield Static(self._title(), classes="dialog-title")
            with VerticalScroll(id="annotate-passage"):
                yield Static(self.passage)
            yield Label("Note", classes="field-label")
            yield TextArea(note, id="annotate-note", soft_wrap=True, tab_behavior="focus")
            yield Label(self._tags_label(), classes="field-label")
            yield Input(
                ", ".join(tags),
                id="annotate-tags",
                placeholder="comma-separated, e.g. conflict, needs-source",
                suggester=TagSuggester(self.suggestions),
            )
            yield Static("", id="annotate-problem")
            with Horizontal(id="annotate-bottom"):
                yield Label("Status", classes="field-label")
                with RadioSet(id="annotate-status"):
                    for value in STATUSES:
                        yield RadioButton(
                            status_label(value, value == status),
                            value=value == status,
                            id=f"annotate-{value}",
                            name=value,
                        )
                yield Static("", id="annotate-spacer")
                yield Button("Save", id="annotate-save", variant="primary")
                if self.existing is not None:
                    yield Button("Delete", id="annotate-delete", variant="error")
                yield Button("Cancel", id="annotate-cancel")
        yield Footer()

    def _title(self) -> Content:
        """The title line: "Annotate · Passage 3" or "Edit the annotation · … · updated …"."""
        verb = "Edit the annotation" if self.existing else "Annotate"
        title = Content.styled(verb, "bold") + Content(" · ") + plain(self.title_text)
        if self.existing is not None and self.existing.updated:
            title += Content.styled(f" · updated {plain(self.existing.updated).plain}", "dim")
        return title

    def _tags_label(self) -> Content:
        shown = shorten(", ".join(self.suggestions), 60)
        return Content("Tags") + Content.styled(f"  suggested (→ completes): {shown}", "dim")

    def on_mount(self) -> None:
        self.query_one("#annotate-note", TextArea).focus()

    @on(RadioSet.Changed, "#annotate-status")
    def _mark_status(self) -> None:
        """The chosen status carries a text mark, not only the radio button's colour."""
        for button in self.query_one("#annotate-status", RadioSet).query(RadioButton):
            button.label = status_label(button.name or "", button.value)

    # -- the values in the form --------------------------------------------

    def current(self) -> tuple[str, tuple[str, ...], AnnotationStatus]:
        """The note, tags and status as they are in the form now."""
        note = self.query_one("#annotate-note", TextArea).text
        tags = parse_tags(self.query_one("#annotate-tags", Input).value)
        pressed = self.query_one("#annotate-status", RadioSet).pressed_button
        name = pressed.name if pressed is not None else "open"
        status: AnnotationStatus = "checked" if name == "checked" else "open"
        return note, tags, status

    @property
    def changed(self) -> bool:
        """True when the form differs from what it was opened with."""
        return self.current() != self.initial

    # -- actions -----------------------------------------------------------

    def action_save(self) -> None:
        note, tags, status = self.current()
        if not note.strip() and not tags:
            hint = "use Delete to remove it" if self.existing else "Escape cancels"
            self._problem(f"Write a note or a tag first ({hint}).")
            return
        self.dismiss(AnnotationEdit(_tidy(note), tags, status))

    def action_cancel(self) -> None:
        if not self.changed:
            self.dismiss(None)
            return
        question = "Discard what you typed in this annotation?"
        self.app.push_screen(ConfirmScreen(question, "Discard", "Keep editing"), self._discard)

    def _discard(self, yes: bool | None) -> None:
        if yes:
            self.dismiss(None)

    def action_delete(self) -> None:
        if self.existing is None:
            return
        self.app.push_screen(
            ConfirmScreen("Delete this annotation?", "Delete", "Keep it"), self._delete
        )

    def _delete(self, yes: bool | None) -> None:
        if yes:
            note, tags, status = self.current()
            self.dismiss(AnnotationEdit(note, tags, status, delete=True))

    def _problem(self, text: str) -> None:
        self.query_one("#annotate-problem", Static).update(Content(text))

    @on(Button.Pressed, "#annotate-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#annotate-delete")
    def _delete_pressed(self) -> None:
        self.action_delete()

    @on(Button.Pressed, "#annotate-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()


CHOSEN = "✓"


def status_label(status: str, chosen: bool) -> str:
    """A status choice's label: "open ✓" when chosen, so it reads without colour."""
    return f"{status} {CHOSEN}" if chosen else f"{status}  "


def _tidy(note: str) -> str:
    """The note without trailing spaces on its lines or blank lines at its end,
    so it is written as a readable block in the file."""
    return "\n".join(line.rstrip() for line in note.splitlines()).rstrip("\n")
