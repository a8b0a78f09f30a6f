"""The status line: where you are, who carries the passage, what differs, what is saved."""

from __future__ import annotations

from dataclasses import dataclass

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
    note: str = ""  # where the o key leads: "↔ figures set against passage 36 (o)"


def status_content(status: Status) -> Content:
    """The status line as styled content (the save error comes from our own code)."""
    where = f"Passage {status.position} of {status.shown}"
    if status.filter_label != "all passages":  # keep the number the other views use
        number = status.number or status.position
        where = f"Passage {number} · {status.position} of {status.shown} {status.filter_label}"
    carried = f"{status.outlets} of {status.of_outlets} outlets"
    parts: list[Content] = [Content.styled(where, "bold"), Content(carried)]
    if status.note:  # before the divergences: short, and d lists those in full
        parts.append(Content.styled(status.note, "bold $accent"))
    parts.append(
        Content.styled(
            status.divergences, "dim" if status.divergences == "no divergences" else "bold"
        )
    )
    if status.annotated:
        parts.append(Content.styled("✎ annotated", "bold $accent"))
    if status.saved:
        parts.append(
            Content.styled(status.saved, "bold reverse $error" if status.save_failed else "dim")
        )
    return Content(" · ").join(parts)


class StatusLine(Static):
    """One line above the footer."""

    def show(self, status: Status) -> None:
        self.update(status_content(status), layout=False)  # one line, fixed size
