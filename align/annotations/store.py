"""The store: the annotations of one file in memory, attached to the current alignment.

Saving. ``save()`` writes atomically: a temporary file in the same directory,
flush + fsync, ``os.replace``, fsync of the directory; the previous file is kept
as ``FILE.bak``; temporary files a killed save left behind are removed by a
later save once they are ten minutes old. If the file changed on disk since it
was read or last saved (its content hash differs: a mere touch is no change),
it is not overwritten blindly: the store merges by annotation id (what is on disk, plus
our changes: ours win for ids changed here since the last save, their new ids
are kept, our deletions remove only ids deleted here) and reports ``merged``.
An error (read-only directory, disk full, ...) comes back as a one-line
message; the notes stay in memory, stay dirty and the next ``save()`` retries.

A broken file is never overwritten. When the file cannot be read, is not valid
YAML (``idlib-annotations.yaml line 7: mapping values are not allowed here``),
holds a tag such as ``!!python/object`` (only ``yaml.safe_load`` is used:
nothing is executed) or is not a valid annotation file, ``load_error`` says so
in one line, and the store switches to the side file ``<stem>.recovered.yaml``
next to it: it loads that file if it exists (notes from an earlier session) and
saves new notes there. ``recovery_note`` says which file is used. Fix or remove
the broken file and the next start uses it again (merge the recovered notes by
hand, or copy the recovered file over it).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..model import Alignment, Group
from .anchors import SentenceIndex, anchors_for, attach_one, export_annotation, sentence_index
from .format import (
    DEFAULT_TAGS,
    Anchor,
    Annotation,
    AnnotationEdit,
    AnnotationFileError,
    Document,
    JsonDict,
    dump_document,
    parse_document,
    parse_tags,
)
from .storage import (
    backup_path,
    os_message,
    read_disk,
    recovered_path,
    sweep_stale_temps,
    write_atomic,
)


@dataclass(frozen=True, slots=True)
class SaveResult:
    """Outcome of ``AnnotationStore.save``: ``message`` is one line for the status bar."""

    ok: bool
    message: str
    merged: bool = False


class AnnotationStore:
    """The annotations of one file, in memory, with their groups in the current alignment.

    Open with ``AnnotationStore.open(path)``; see the module docstring for the flow.
    Attributes: ``path`` (the file asked for), ``target`` (where saves go: ``path``,
    or the recovered side file, or None when nothing can be written), ``load_error``,
    ``recovery_note``, ``dirty``.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.target: Path | None = path
        self.load_error: str | None = None
        self.recovery_note: str | None = None
        self._annotations: dict[str, Annotation] = {}
        self._extra: Mapping[str, Any] = {}
        self._disk_sha: str | None = None  # content hash when last read or written
        self._changed: set[str] = set()
        self._deleted: set[str] = set()
        self._alignment: Alignment | None = None
        self._index: SentenceIndex | None = None
        self._groups: dict[str, int | None] = {}

    # -- opening ------------------------------------------------------------

    @classmethod
    def open(cls, path: Path) -> AnnotationStore:
        """Read ``path`` (a missing file is an empty store). Never raises for a bad file:
        ``load_error`` says what is wrong and saves go to the recovered side file."""
        store = cls(Path(path))
        problem = store._load(store.path)
        if problem is None:
            return store
        store.load_error = problem
        store._recover()
        return store

    def _load(self, path: Path) -> str | None:
        """Load ``path`` into the store; the one-line problem if it cannot be used."""
        try:
            data, disk = read_disk(path)
            doc = Document() if data is None else parse_document(data, path.name)
        except OSError as exc:
            return f"{path.name}: cannot read it ({os_message(exc, path)})"
        except AnnotationFileError as exc:
            return str(exc)
        self._annotations = {a.id: a for a in doc.annotations}
        self._extra = dict(doc.extra)
        self._disk_sha = disk
        return None

    def _recover(self) -> None:
        """Switch to the side file after ``path`` failed to load; never touch ``path``."""
        side = recovered_path(self.path)
        problem = self._load(side)
        if problem is None:
            self.target = side
            verb = "read from and saved to" if side.exists() else "saved to"
            self.recovery_note = f"{self.path.name} is left untouched; notes are {verb} {side.name}"
            return
        self.target = None
        self.recovery_note = f"{side.name} cannot be used either ({problem}); notes are not saved"

    @property
    def status_message(self) -> str | None:
        """One line for the status bar after opening: the problem and what happens now."""
        if self.load_error is None:
            return None
        return f"{self.load_error} — {self.recovery_note}"

    @property
    def folder_problem(self) -> str | None:
        """Known at opening: the folder the notes would be saved in does not exist."""
        target = self.target
        if target is None or target.parent.is_dir():
            return None
        return f"{target.parent}: no such folder; notes stay in memory until saved (s retries)"

    @property
    def writable(self) -> bool:
        """False when neither the file nor its recovered side file can be written safely."""
        return self.target is not None

    @property
    def dirty(self) -> bool:
        """True when there are changes not yet saved."""
        return bool(self._changed or self._deleted)

    # -- reading ------------------------------------------------------------

    @property
    def alignment(self) -> Alignment | None:
        """The alignment given to the last ``attach`` (None before)."""
        return self._alignment

    def all(self) -> list[Annotation]:
        """Every annotation, in file order."""
        return list(self._annotations.values())

    def get(self, ann_id: str) -> Annotation | None:
        return self._annotations.get(ann_id)

    def attach(self, alignment: Alignment) -> None:
        """Work out each annotation's group in ``alignment`` (see the module docstring)."""
        self._alignment = alignment
        self._index = sentence_index(alignment)
        self._groups = {a.id: attach_one(alignment, a, self._index) for a in self.all()}

    def group_of(self, ann_id: str) -> int | None:
        """The group the annotation is attached to; None if detached or not attached yet."""
        return self._groups.get(ann_id)

    def for_group(self, group_id: int) -> Annotation | None:
        """The (first, in file order) annotation attached to the group, if any."""
        found = self.all_for_group(group_id)
        return found[0] if found else None

    def all_for_group(self, group_id: int) -> list[Annotation]:
        """Every annotation attached to the group (several after groups were merged)."""
        return [a for a in self.all() if self._groups.get(a.id) == group_id]

    def annotated_groups(self) -> set[int]:
        """Ids of the groups that carry at least one annotation."""
        return {g for g in self._groups.values() if g is not None}

    def detached(self) -> list[Annotation]:
        """Annotations whose passages are gone from the current alignment."""
        return [a for a in self.all() if self._groups.get(a.id) is None]

    def entries(self) -> list[tuple[Annotation, int | None]]:
        """Every annotation with its group (None: detached): attached ones in reading
        order, then the detached ones, each in file order."""
        pairs = [(a, self._groups.get(a.id)) for a in self.all()]
        return sorted(pairs, key=lambda p: (p[1] is None, p[1] or 0))

    def tags_in_use(self) -> list[str]:
        """Every tag used in the file, most used first (for the editor's suggestions)."""
        counts = Counter(t for a in self.all() for t in a.tags)
        return [tag for tag, _ in counts.most_common()]

    def suggestions(self) -> tuple[str, ...]:
        """The default tags, then the other tags in use."""
        return tuple(parse_tags(",".join((*DEFAULT_TAGS, *self.tags_in_use()))))

    def anchors_for(self, alignment: Alignment, group: Group) -> tuple[Anchor, ...]:
        """Anchors for the sentences of ``group`` (for a new or re-anchored annotation)."""
        return anchors_for(alignment, group)

    # -- changing -----------------------------------------------------------

    def upsert(self, ann: Annotation) -> None:
        """Add or replace an annotation (by id) and mark it changed."""
        self._annotations[ann.id] = ann
        self._changed.add(ann.id)
        self._deleted.discard(ann.id)
        if self._alignment is not None:
            self._groups[ann.id] = attach_one(self._alignment, ann, self._index)

    def delete(self, ann_id: str) -> None:
        """Remove an annotation and mark it deleted (a no-op for an unknown id)."""
        if self._annotations.pop(ann_id, None) is None:
            return
        self._groups.pop(ann_id, None)
        self._changed.discard(ann_id)
        self._deleted.add(ann_id)

    def apply_edit(
        self, group: Group | None, edit: AnnotationEdit, existing: Annotation | None = None
    ) -> SaveResult:
        """Apply the editor's result and save; returns the save's result.

        ``existing`` is the annotation that was edited (default: the group's).
        Delete removes it. Otherwise, with a ``group``, the annotation is updated
        and re-anchored to the group's current sentences, or created (this needs
        ``attach`` first); with ``group=None`` (a detached annotation) only its
        note, tags and status change.
        """
        current = existing
        if current is None and group is not None:
            current = self.for_group(group.id)
        if edit.delete:
            if current is not None:
                self.delete(current.id)
            return self.save()
        self.upsert(self._edited(group, edit, current))
        return self.save()

    def _edited(
        self, group: Group | None, edit: AnnotationEdit, current: Annotation | None
    ) -> Annotation:
        """The annotation as the edit makes it (new, updated, or re-anchored)."""
        tags = parse_tags(",".join(edit.tags))
        if group is None:
            if current is None:
                raise ValueError("apply_edit needs a group or the annotation being edited")
            return current.edited(edit.note, tags, edit.status)
        if self._alignment is None:
            raise RuntimeError("AnnotationStore.apply_edit needs attach(alignment) first")
        anchors = anchors_for(self._alignment, group)
        if current is None:
            return Annotation.new(anchors, edit.note, tags, edit.status)
        anchors = _carry_extras(current.anchors, anchors)
        return current.edited(edit.note, tags, edit.status, anchors)

    # -- saving -------------------------------------------------------------

    def save(self) -> SaveResult:
        """Write the annotations (atomically, with a .bak); never raises.

        Merges first when the file changed on disk since it was read. On failure
        the message is one line, the store stays dirty and ``save`` can be retried.
        """
        target = self.target
        if target is None:
            return SaveResult(False, f"not saved: {self.recovery_note}")
        try:
            return self._save_to(target)
        except OSError as exc:
            reason = os_message(exc, target)
            return SaveResult(False, f"not saved ({reason}); notes kept in memory, s retries")

    def _save_to(self, target: Path) -> SaveResult:
        path = target.resolve() if target.is_symlink() else target  # keep the link
        data, disk = read_disk(path)
        merged = data is not None and disk != self._disk_sha
        if merged:
            problem = self._merge_from(data, target)
            if problem is not None:
                return SaveResult(False, problem)
            self._disk_sha = disk
        if data is None and not self._annotations and not self._deleted:
            self._clear_dirty(disk)
            return SaveResult(True, "nothing to save", merged)
        payload = dump_document(Document(tuple(self.all()), self._extra))
        if payload != data:
            if data is not None:
                write_atomic(backup_path(path), data)
            write_atomic(path, payload)
        self._clear_dirty(hashlib.sha256(payload).hexdigest())
        sweep_stale_temps(path)
        return SaveResult(True, self._saved_message(target, merged), merged)

    def _saved_message(self, target: Path, merged: bool) -> str:
        where = "" if target == self.path else f" to {target.name}"
        if merged:
            return f"saved{where} (merged with changes made to {target.name} meanwhile)"
        return f"saved{where}"

    def _clear_dirty(self, disk: str | None) -> None:
        self._disk_sha = disk
        self._changed.clear()
        self._deleted.clear()

    def _merge_from(self, data: bytes | None, target: Path) -> str | None:
        """Merge what is on disk into the store; a one-line problem if it is unusable."""
        try:
            theirs = Document() if data is None else parse_document(data, target.name)
        except AnnotationFileError as exc:
            return f"not saved: {target.name} changed on disk and is now broken ({exc})"
        self._annotations = merge(
            theirs.annotations, self._annotations, self._changed, self._deleted
        )
        self._extra = dict(theirs.extra)
        if self._alignment is not None:
            self.attach(self._alignment)
        return None

    # -- export -------------------------------------------------------------

    def to_export(self, alignment: Alignment) -> list[JsonDict]:
        """JSON-ready annotations for ``alignment``: id, group (None when detached),
        detached, status, tags, note, created, updated and anchors (each with the
        article id and sentence index it matched, or None)."""
        idx = sentence_index(alignment)
        return [export_annotation(alignment, idx, a) for a in self.all()]


def _carry_extras(old: Sequence[Anchor], new: Sequence[Anchor]) -> tuple[Anchor, ...]:
    """New anchors keeping the unknown keys of old anchors for the same sentence."""
    extras = {(a.source, a.hash): a.extra for a in old if a.extra}
    return tuple(replace(a, extra=extras.get((a.source, a.hash), a.extra)) for a in new)


def merge(
    theirs: Sequence[Annotation],
    ours: Mapping[str, Annotation],
    changed: set[str],
    deleted: set[str],
) -> dict[str, Annotation]:
    """Three-way-ish merge by id: the disk's annotations, ours for ids we changed,
    minus ids we deleted, plus our new ids. Order: the disk's, then our new ones."""
    out: dict[str, Annotation] = {}
    for ann in theirs:
        if ann.id not in deleted:
            out[ann.id] = ours[ann.id] if ann.id in changed else ann
    for ann_id in ours:
        if ann_id in changed and ann_id not in out:
            out[ann_id] = ours[ann_id]
    return out
