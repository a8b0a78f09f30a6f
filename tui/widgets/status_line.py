"""The status line: where you are, who carries the passage, what differs, what is saved.

It is one line at any width: when the full wording does not fit, a compact one
is used (short labels, the note about annotations in a few words before the
divergences); if even that is too wide, the last divergences are counted
("+2 more (d)"), or only their number ("2 diffs (d)"), instead of cut
mid-word; ``d`` lists them all.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.content import Content
from textual.widgets import Static


@dataclass(frozen=True, slots=True)
class Status:
    """Everything the status line says, computed by the screen."""

    position: int  # 1-based position within the filtered passages
    shown: int  # how many passages pass the filter
    filter_label: str
    outlets: int  # how many outlets carry the passage
    of_outlets: int
    divergences: str  # "no divergences", "conflicting number ×2"
    annotated: bool
    saved: str  # "saved", "unsaved changes", "save failed: …", "" when nothing to save
    save_failed: bool = False
    number: int = 0  # the passage's own number (as in details and the ledger), 0: = position
    short_divergences: str = ""  # the same with short labels ("conflict ×2"), "": divergences
    short_saved: str = ""  # the note in a few words ("⚠ notes unreadable"), "": saved
    note: str = ""  # where the o key leads: "↔ o: passages 3, 4"
    short_note: str = ""  # the same in a few words ("↔ o: 3, 4"), "": note


def status_content(status: Status, width: int = 0) -> Content:
    """The status line as styled content, compact when the full one is wider than ``width``.

    The save error comes from our own code (file names are in it, never as markup).
    """
    full = _line(status, compact=False)
    if width <= 0 or full.cell_length <= width:
        return full
    kinds = (status.short_divergences or status.divergences).split(", ")
    shorter = [
        ", ".join(kinds[:keep]) + (f", +{len(kinds) - keep} more (d)" if keep < len(kinds) else "")
        for keep in range(len(kinds), 0, -1)
    ]
    if status.divergences != "no divergences":  # last: only how many, d says which
        shorter.append(counted_divergences(len(kinds)))
    for shown in shorter:
        line = _line(status, compact=True, divergences=shown)
        if line.cell_length <= width:
            break
    return line


def counted_divergences(count: int) -> str:
    """The divergences said by their number alone, in the footer's word: "1 diff (d)"."""
    return f"{count} diff{'' if count == 1 else 's'} (d)"


def _line(status: Status, compact: bool, divergences: str = "") -> Content:
    sep = "/" if compact else " of "
    where = f"Passage {status.position}{sep}{status.shown}"
    if status.filter_label != "all passages":  # keep the number the other views use
        number = status.number or status.position
        where = f"Passage {number} · {status.position}{sep}{status.shown} {status.filter_label}"
    carried = Content(f"{status.outlets}{sep}{status.of_outlets} outlets")
    text = (divergences or status.short_divergences or status.divergences) if compact else ""
    text = text or status.divergences
    said = Content.styled(text, "dim" if text == "no divergences" else "bold")
    parts: list[Content] = [Content.styled(where, "bold"), carried]
    note = (status.short_note or status.note) if compact else status.note
    if note:  # before the divergences: short, and d lists those in full
        parts.append(Content.styled(note, "bold $accent"))
    if not compact:
        parts.append(said)
    if status.annotated:
        parts.append(Content.styled("✎" if compact else "✎ annotated", "bold $accent"))
    saved = (status.short_saved or status.saved) if compact else status.saved
    if saved:
        parts.append(Content.styled(saved, "bold reverse $error" if status.save_failed else "dim"))
    if compact:  # last: if anything is shortened, it is the list of divergences
        parts.append(said)
    return Content(" · ").join(parts)


class StatusLine(Static):
    """One line above the footer."""

    status: Status | None = None

    def show(self, status: Status) -> None:
        self.status = status
        self.update(status_content(status, self._width()), layout=False)  # one line, fixed

    def _width(self) -> int:
        """Cells for the text (before the first layout: the terminal's width less padding)."""
        return self.content_region.width or max(0, self.app.size.width - 2)

    def on_resize(self, event: events.Resize) -> None:
        if self.status is not None:
            self.update(status_content(self.status, self._width()), layout=False)
