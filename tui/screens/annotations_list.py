"""Every annotation in one list (``A``); Enter returns the chosen annotation's id.

Wiring it into the reader::

    screen = AnnotationListScreen(list_entries(store, alignment))
    app.push_screen(screen, callback)   # callback(ann_id: str | None)

    def callback(ann_id):
        if ann_id is None:
            return                       # closed with Escape
        group = store.group_of(ann_id)
        if group is not None:
            jump_to(group)               # attached: go to its passage
        else:                            # detached: open the editor on it to read or delete
            ann = store.get(ann_id)
            push AnnotateScreen("detached", detached_passage(ann), ann)
            # then: store.apply_edit(None, edit, ann)

Attached annotations come first in reading order, then the detached ones,
which are marked. Notes reach the list only as ``Content``.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from align.annotations import Annotation, AnnotationStore
from align.model import Alignment
from align.text import counted, shorten

from ..safe import plain
from .modal import Dialog

Entry = tuple[Annotation, int | None, str]  # annotation, group id (None: detached), label

DETACHED = "detached"


def group_label(alignment: Alignment, group_id: int) -> str:
    """The group's number as shown and its outlets: "Passage 12 · The Hill, UPI"."""
    group = alignment.groups[group_id]
    outlets = ", ".join(alignment.articles[m.article].label for m in group.members)
    return f"Passage {group_id + 1} · {outlets}"


def detached_label(annotation: Annotation) -> str:
    """The files the annotation's passages were in: "detached · 001_reuters.txt"."""
    sources = dict.fromkeys(a.source for a in annotation.anchors)
    return f"{DETACHED} · " + ", ".join(sources)


def list_entries(store: AnnotationStore, alignment: Alignment) -> list[Entry]:
    """The store's annotations with their groups and labels, ready for the list."""
    out: list[Entry] = []
    for ann, group in store.entries():
        label = detached_label(ann) if group is None else group_label(alignment, group)
        out.append((ann, group, label))
    return out


def entry_content(entry: Entry, width: int = 100) -> Content:
    """Two lines: label, status and tags; then the start of the note."""
    ann, group, label = entry
    style = "bold $warning" if group is None else "bold"
    status = Content.styled(f"[{ann.status}]", "$success" if ann.status == "checked" else "$accent")
    tags = plain(shorten(", ".join(ann.tags), 40), "italic") if ann.tags else Content("")
    first = Content.assemble(plain(shorten(label, 60), style), " ", status, " ", tags)
    note = ann.note.strip().splitlines()[0] if ann.note.strip() else "(no note)"
    return first + Content("\n  ") + plain(shorten(note, width), "dim")


class AnnotationListScreen(Dialog[str]):
    """All annotations; Enter (or a click) returns the chosen annotation's id."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        super().__init__()
        self.entries = list(entries)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(self._title(), classes="dialog-title")
            if self.entries:
                yield OptionList(*self._options(), id="annotation-list")
            else:
                yield Static(Content("No annotations yet. Press a on a passage to write one."))
        yield Footer()

    def _title(self) -> Content:
        detached = sum(1 for _, group, _ in self.entries if group is None)
        count = counted(len(self.entries), "annotation") + (
            f", {detached} detached" if detached else ""
        )
        hint = "Enter jumps to the passage, Escape closes"
        return Content.assemble(("Annotations", "bold"), f" · {count} · ", (hint, "dim"))

    def _options(self) -> list[Option]:
        return [Option(entry_content(e), id=e[0].id) for e in self.entries]

    def on_mount(self) -> None:
        if self.entries:
            self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
