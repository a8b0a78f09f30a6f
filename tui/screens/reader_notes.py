"""The reader's annotations: its keys (a, A, s), its marks and its status-line note.

The store (``align.annotations``) autosaves after every change. What the
reader shows of it is two reactives, ``annotated`` (the passages with a note,
marked in the panes' gutters) and ``saved`` (the status line's note on the
last save); their watchers redraw the marks and the status line.
"""

from __future__ import annotations

from functools import partial

from textual.reactive import var
from textual.screen import Screen

from align.annotations import Annotation, AnnotationEdit, AnnotationStore
from align.model import Alignment, Group
from align.text import counted

from ..widgets.article_pane import ArticlePane
from .annotate import AnnotateScreen, detached_passage, note_excerpt
from .annotations_list import AnnotationListScreen, list_entries
from .notice import NoticeScreen

Note = tuple[str, bool, str]  # the status line's note on annotations: text, failed, short text

UNREADABLE = "⚠ notes unreadable"


def opening_note(store: AnnotationStore | None) -> Note:
    """The status line's annotation note at start: a load problem, or how many notes."""
    if store is None:
        return ("", False, "")
    if store.load_error:
        return (store.status_message or store.load_error, True, UNREADABLE)
    if store.folder_problem:
        return (store.folder_problem, True, "⚠ notes folder missing")
    count = len(store.all())
    if not count:
        return ("", False, "")
    notes = counted(count, "note")
    return (f"{notes} in {store.path.name}", False, notes)


def save_note(store: AnnotationStore | None, message: str, failed: bool) -> Note:
    """The note after a save or change; a file that could not be read stays in it."""
    if store is not None and store.load_error:
        return (f"{store.status_message} ({message})", True, UNREADABLE)
    short = "⚠ notes not saved" if failed else message.split(" (")[0].split(" to ")[0]
    return (message, failed, short)


class NotesActions(Screen[None]):
    """Annotating passages, listing the notes, saving them: mixed into the reader."""

    annotated: var[frozenset[int]] = var(frozenset(), init=False)  # watchers draw
    saved: var[Note] = var(("", False, ""), init=False)

    # what the reader provides
    alignment: Alignment
    store: AnnotationStore | None
    all_panes: list[ArticlePane]

    @property
    def group(self) -> Group:
        raise NotImplementedError

    def jump(self, group_id: int | None) -> None:
        raise NotImplementedError

    def update_status(self) -> None:
        raise NotImplementedError

    def watch_annotated(self, annotated: frozenset[int]) -> None:
        for pane in self.all_panes:
            pane.refresh_marks(annotated)
        self.update_status()

    def watch_saved(self) -> None:
        self.update_status()

    def annotations_changed(self, message: str, failed: bool) -> None:
        """Take in what the store says after it changed or saved."""
        self.saved = save_note(self.store, message, failed)
        self.annotated = frozenset(self.store.annotated_groups() if self.store else ())

    def action_annotate(self) -> None:
        if self.store is None:
            self.notify("Annotations are unavailable here.", severity="warning", timeout=3)
            return
        group, existing = self.group, self.store.for_group(self.group.id)
        screen = AnnotateScreen(
            f"Passage {group.id + 1}",
            note_excerpt(self.alignment, group),
            existing,
            suggestions=self.store.suggestions(),
        )
        self.app.push_screen(screen, partial(self.edited, group, existing))

    def edited(
        self, group: Group | None, existing: Annotation | None, edit: AnnotationEdit | None
    ) -> None:
        """Save the editor's result: a passage's note, or (``group`` None) a detached
        one, whose note, tags and status change (it has no passage to re-anchor to)."""
        if edit is None or self.store is None:
            return
        result = self.store.apply_edit(group, edit, existing)
        self.annotations_changed(result.message, not result.ok)

    def action_annotations(self) -> None:
        if self.store is None:
            self.action_annotate()
        else:
            entries = list_entries(self.store, self.alignment)
            self.app.push_screen(AnnotationListScreen(entries), self.listed)

    def listed(self, ann_id: str | None) -> None:
        """Jump to an attached annotation's passage; open a detached one to read or delete."""
        if ann_id is None or self.store is None:
            return
        group = self.store.group_of(ann_id)
        if group is not None:
            self.jump(group)
            return
        annotation = self.store.get(ann_id)
        if annotation is not None:
            screen = AnnotateScreen("Detached annotation", detached_passage(annotation), annotation)
            self.app.push_screen(screen, partial(self.edited, None, annotation))

    def action_save(self) -> None:
        if self.store is None:
            return
        result = self.store.save()
        self.annotations_changed(result.message, not result.ok)
        if self.store.load_error:  # the problem with the file is said again, not replaced
            self.warn_unreadable(f"Now: {result.message}.")
            return
        self.notify(result.message, severity="information" if result.ok else "error", markup=False)

    def warn_unreadable(self, now: str = "") -> None:
        """Say that the annotation file could not be read, in a dialog that stays until closed."""
        message = self.store.status_message if self.store else None
        if message:
            text = f"{message}.\n\n{now}".strip()
            self.app.push_screen(NoticeScreen("Your annotation file could not be read", text))

    def unsaved(self) -> bool:
        """Try to save pending notes; True if some could not be saved."""
        if self.store is None or not self.store.dirty:
            return False
        result = self.store.save()
        self.annotations_changed(result.message, not result.ok)
        return not result.ok
