"""Annotations: a reader's notes on passage groups, stored in a YAML file.

Pure Python (no Textual, no Rich), so the export command and the tests use it
without a terminal. The reader app and the export command use it like this::

    store = AnnotationStore.open(Path("idlib-annotations.yaml"))  # never raises
    if store.load_error:              # file unreadable / not YAML / not an annotation file
        show(store.status_message)    # the problem (file and line) + where notes go now
    store.attach(alignment)           # find each annotation's group in this alignment
    store.for_group(group.id)         # -> Annotation | None   (mark annotated groups)
    store.group_of(ann.id)            # -> int | None          (None: detached)
    store.entries()                   # -> [(Annotation, group | None)] for the list modal
    result = store.apply_edit(group, edit, existing)  # editor result -> upsert/delete + save
    result = store.apply_edit(None, edit, ann)        # the same for a detached annotation
    result = store.save()             # -> SaveResult(ok, message, merged); never raises
    store.to_export(alignment)        # -> list of JSON-ready dicts for `idlib-read export`

Lower level: ``store.upsert(ann)`` and ``store.delete(ann_id)`` change the store
in memory (and mark it dirty); ``store.anchors_for(alignment, group)`` makes the
anchors of a new annotation; ``Annotation.new(...)`` / ``ann.edited(...)`` make
and update annotations (they are frozen). The store does not save by itself:
the reader calls ``save()`` after each change (autosave) and on ``s``.
The package's modules, in the order a note travels: ``format`` (the data and
the YAML file's schema), ``anchors`` (which sentences a note is about, and
finding them again), ``storage`` (atomic writes, backups, the side file of a
broken file) and ``store`` (``AnnotationStore``: the notes of one file in
memory, attached to the current alignment, saved and merged).
"""

from __future__ import annotations

from .anchors import (
    EXCERPT_CHARS,
    FUZZY_MIN_CHARS,
    FUZZY_THRESHOLD,
    anchor_text,
    anchors_for,
    attach_one,
    excerpt,
    locate,
    sentence_hash,
)
from .format import (
    DEFAULT_TAGS,
    FORMAT,
    STATUSES,
    VERSION,
    Anchor,
    Annotation,
    AnnotationEdit,
    AnnotationFileError,
    AnnotationStatus,
    Document,
    document_data,
    dump_document,
    new_id,
    parse_document,
    parse_tags,
    utc_now,
)
from .storage import backup_path, recovered_path, sweep_stale_temps, write_atomic
from .store import AnnotationStore, SaveResult, merge

__all__ = [
    "DEFAULT_TAGS",
    "EXCERPT_CHARS",
    "FORMAT",
    "FUZZY_MIN_CHARS",
    "FUZZY_THRESHOLD",
    "STATUSES",
    "VERSION",
    "Anchor",
    "Annotation",
    "AnnotationEdit",
    "AnnotationFileError",
    "AnnotationStatus",
    "AnnotationStore",
    "Document",
    "SaveResult",
    "anchor_text",
    "anchors_for",
    "attach_one",
    "backup_path",
    "document_data",
    "dump_document",
    "excerpt",
    "locate",
    "merge",
    "new_id",
    "parse_document",
    "parse_tags",
    "recovered_path",
    "sentence_hash",
    "sweep_stale_temps",
    "utc_now",
    "write_atomic",
]
