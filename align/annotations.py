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

The annotation file
-------------------

Default ``idlib-annotations.yaml`` in the current directory (``--annotations FILE``
for another). UTF-8 YAML, written with a fixed key order; a note of several
lines is a literal block scalar (``|``) so it reads as typed. Example::

    # idlib-read annotations (format documented in the README, section Annotations)
    format: idlib-read/annotations
    version: 1
    annotations:
      - id: 3f9c2a71d0e4
        status: open            # open | checked
        tags: [conflict, needs-source]
        note: |-
          Reuters says 58 soldiers, the Hill says 59.
          Check the Turkish ministry statement.
        anchors:                # the passages the note is about, one per sentence
          - source: 001_reuters.txt     # the article's file name
            hash: 5be1c0a3a2d94f07      # sha256 of the normalised sentence, 16 hex
            excerpt: Turkish and Russian leaders agreed on Thursday to a ceasefire…
        created: '2020-03-06T10:15:00Z' # ISO 8601, UTC
        updated: '2020-03-06T10:20:00Z'

Rules for hand edits: ``format`` and ``version`` may be omitted (a newer
``version`` is refused rather than misread); ``status`` defaults to ``open``,
``tags`` to none, ``note`` to empty; ``id`` and ``anchors`` are required and ids
are unique. Keys the reader does not know are kept when it writes the file back,
at the top level, per annotation and per anchor (comments are not kept).

Anchors, not group numbers. Group numbers change whenever the engine or an
article changes, so an annotation names the sentences it is about: per sentence,
the article's file name (``Source.name``), a hash of the normalised sentence text
(NFKC, casefold, diacritics stripped, quotes and dashes unified, control
characters dropped, whitespace collapsed; sha256, first 16 hex digits) and a
short excerpt. ``attach`` finds each anchor by hash in the articles with that
file name; when the hash is gone (the sentence was edited) it fuzzy-matches the
excerpt against that article's sentences (rapidfuzz ratio >= FUZZY_THRESHOLD,
excerpts of at least FUZZY_MIN_CHARS characters only). The annotation goes to
the group holding most of its matched anchors (ties: the earliest anchor's
group). An annotation nothing matches any more is *detached*: it stays in the
file and in ``detached()``, and is never dropped. Anchors are refreshed only
when the reader edits the annotation (``apply_edit``), never silently on load.

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

import contextlib
import hashlib
import os
import tempfile
import time
import unicodedata
import uuid
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, cast

import yaml
from rapidfuzz import fuzz, process
from yaml.reader import ReaderError

from .model import Alignment, Group

FORMAT = "idlib-read/annotations"
VERSION = 1
DEFAULT_FILE = "idlib-annotations.yaml"
DEFAULT_TAGS = ("conflict", "verified", "needs-source", "quote-drift")
HASH_CHARS = 16
EXCERPT_CHARS = 80
FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0..100) an edited sentence must reach
FUZZY_MIN_CHARS = 20  # shorter excerpts are too ambiguous to match fuzzily
HEADER = "# idlib-read annotations (format documented in the README, section Annotations)\n"

Status = Literal["open", "checked"]
STATUSES: tuple[Status, ...] = ("open", "checked")
JsonDict = dict[str, Any]

_UNIFIED = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
}


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character: combining
    marks and format characters (soft hyphen) vanish, control characters become
    spaces, quotes and dashes are unified; others map to themselves. Cached, so
    folding long texts runs at C speed."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if unicodedata.combining(char) or category == "Cf":
            folded = ""
        else:
            folded = " " if category == "Cc" else _UNIFIED.get(char, char)
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_CONTROLS = {c: " " for c in (*range(0x20), *range(0x7F, 0xA0))}


# ---------------------------------------------------------------------------
# Normalisation and anchors
# ---------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Text reduced to what identifies a sentence across re-scrapes and small edits.

    NFKC, casefold, diacritics stripped, quotes and dashes unified, control
    characters dropped, whitespace collapsed. Linear in the length of the text.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(unicodedata.normalize("NFD", folded).translate(_FOLD).split())


def sentence_hash(text: str) -> str:
    """The anchor hash of a sentence: sha256 of its normalised text, first 16 hex digits."""
    return _digest(normalise(text))


def _digest(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_CHARS]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short, readable, single-line start of a sentence ("…" when cut)."""
    head = text[: 4 * limit]
    flat = " ".join(head.translate(_CONTROLS).split())
    if len(flat) <= limit and len(head) == len(text):
        return flat
    return flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True, slots=True)
class Anchor:
    """One sentence an annotation is about: file name, text hash, excerpt.

    ``extra`` holds keys from the file the reader does not know (kept on write).
    """

    source: str
    hash: str
    excerpt: str
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


def anchors_for(alignment: Alignment, group: Group) -> tuple[Anchor, ...]:
    """Anchors for every sentence of every member of ``group``, in member order."""
    out: list[Anchor] = []
    for member, sentences in alignment.passages(group):
        name = alignment.articles[member.article].source.name
        out.extend(Anchor(name, sentence_hash(s.text), excerpt(s.text)) for s in sentences)
    return tuple(out)


# ---------------------------------------------------------------------------
# Annotations
# ---------------------------------------------------------------------------


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds ("2020-03-06T10:15:00Z")."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_id() -> str:
    """A short random annotation id: the first 12 hex digits of a uuid4."""
    return uuid.uuid4().hex[:12]


def parse_tags(text: str) -> tuple[str, ...]:
    """Comma-separated tags as typed: trimmed, inner whitespace collapsed, no empties,
    duplicates (ignoring case) dropped, first spelling kept."""
    out: list[str] = []
    seen: set[str] = set()
    for raw in text.split(","):
        tag = " ".join(raw.split())
        if tag and tag.casefold() not in seen:
            seen.add(tag.casefold())
            out.append(tag)
    return tuple(out)


@dataclass(frozen=True, slots=True)
class Annotation:
    """A reader's note on one passage group.

    ``extra`` holds keys from the file the reader does not know (kept on write).
    Make one with ``Annotation.new``; change one with ``edited`` (both stamp times).
    """

    id: str
    anchors: tuple[Anchor, ...]
    note: str
    tags: tuple[str, ...] = ()
    status: Status = "open"
    created: str = ""
    updated: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def new(
        cls,
        anchors: tuple[Anchor, ...],
        note: str,
        tags: tuple[str, ...] = (),
        status: Status = "open",
    ) -> Annotation:
        """A fresh annotation with a new id, created and updated now."""
        now = utc_now()
        return cls(new_id(), anchors, note, tags, status, now, now)

    def edited(
        self,
        note: str,
        tags: tuple[str, ...],
        status: Status,
        anchors: tuple[Anchor, ...] | None = None,
    ) -> Annotation:
        """A copy with new content, ``updated`` stamped now (unchanged content: self)."""
        new_anchors = self.anchors if anchors is None else anchors
        if (note, tags, status, new_anchors) == (self.note, self.tags, self.status, self.anchors):
            return self
        return replace(
            self, note=note, tags=tags, status=status, anchors=new_anchors, updated=utc_now()
        )


@dataclass(frozen=True, slots=True)
class AnnotationEdit:
    """What the editor modal returns: the new content, or ``delete=True``."""

    note: str
    tags: tuple[str, ...]
    status: Status
    delete: bool = False


@dataclass(frozen=True, slots=True)
class SaveResult:
    """Outcome of ``AnnotationStore.save``: ``message`` is one line for the status bar."""

    ok: bool
    message: str
    merged: bool = False


# ---------------------------------------------------------------------------
# Reading the file
# ---------------------------------------------------------------------------


class AnnotationFileError(Exception):
    """The file cannot be used; the message is one line naming the file (and line)."""


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed annotation file: the annotations and the unknown top-level keys."""

    annotations: tuple[Annotation, ...] = ()
    extra: Mapping[str, Any] = field(default_factory=dict)


class _Invalid(Exception):
    """A schema problem at a path of keys/indices inside the document."""

    def __init__(self, where: tuple[str | int, ...], problem: str) -> None:
        super().__init__(problem)
        self.where = where
        self.problem = problem


def parse_document(data: bytes, name: str) -> Document:
    """Parse the bytes of an annotation file; ``name`` is used in error messages.

    Raises AnnotationFileError with "NAME line N: problem" for undecodable bytes,
    invalid YAML, unsafe tags and schema problems. Only ``yaml.safe_load`` is used.
    """
    text = _decode(data, name)
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise AnnotationFileError(_yaml_message(exc, text, name)) from None
    except RecursionError:
        raise AnnotationFileError(f"{name}: nested too deeply to be an annotation file") from None
    try:
        return _document(loaded)
    except _Invalid as exc:
        line = _line_of(text, exc.where)
        where = f"{name} line {line}" if line else name
        raise AnnotationFileError(f"{where}: {exc.problem}") from None


def _decode(data: bytes, name: str) -> str:
    """UTF-8 text (a BOM is accepted), or an error naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        byte = data[exc.start]
        raise AnnotationFileError(
            f"{name} line {line}: not UTF-8 text (byte 0x{byte:02x})"
        ) from None


def _yaml_message(exc: yaml.YAMLError, text: str, name: str) -> str:
    """One line from a PyYAML error: file, line, problem."""
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        line = exc.problem_mark.line + 1
        problem = exc.problem or exc.context or "not valid YAML"
        if "constructor for the tag" in problem:
            tag = problem.split("'")[1] if "'" in problem else "?"
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            problem = f"the tag {tag} is not allowed in an annotation file (nothing was run)"
        return f"{name} line {line}: {problem}"
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        return f"{name} line {line}: {exc.reason} (character #x{exc.character:04x})"
    return f"{name}: not valid YAML ({str(exc).splitlines()[0]})"


def _document(loaded: object) -> Document:
    """Validate the loaded YAML as an annotation document."""
    if loaded is None:
        return Document()
    top = _mapping(loaded, ())
    fmt = top.get("format", FORMAT)
    if fmt != FORMAT:
        raise _Invalid(("format",), f"format is {fmt!r}, expected {FORMAT!r}")
    version = top.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _Invalid(("version",), f"version must be a whole number, got {version!r}")
    if version > VERSION:
        msg = f"version {version} is newer than this reader understands ({VERSION})"
        raise _Invalid(("version",), msg)
    items = top.get("annotations") or []
    if not isinstance(items, list):
        raise _Invalid(("annotations",), "annotations must be a list")
    annotations = tuple(_annotation(item, ("annotations", i)) for i, item in enumerate(items))
    _check_unique(annotations)
    extra = {k: v for k, v in top.items() if k not in ("format", "version", "annotations")}
    return Document(annotations, extra)


def _check_unique(annotations: Sequence[Annotation]) -> None:
    seen: set[str] = set()
    for i, ann in enumerate(annotations):
        if ann.id in seen:
            raise _Invalid(("annotations", i, "id"), f"duplicate annotation id {ann.id!r}")
        seen.add(ann.id)


def _mapping(value: object, where: tuple[str | int, ...]) -> dict[str, Any]:
    if not isinstance(value, dict):
        what = "the file" if not where else ".".join(str(w) for w in where)
        raise _Invalid(where, f"{what} must be a mapping of keys to values")
    for key in value:
        if not isinstance(key, str):
            raise _Invalid(where, f"keys must be text, got {key!r}")
    return cast(dict[str, Any], value)


_ANN_KEYS = ("id", "status", "tags", "note", "anchors", "created", "updated")
_ANCHOR_KEYS = ("source", "hash", "excerpt")


def _annotation(value: object, where: tuple[str | int, ...]) -> Annotation:
    item = _mapping(value, where)
    if "id" not in item or _scalar_text(item["id"]) in (None, ""):
        raise _Invalid(where, "annotation has no id")
    anchors = item.get("anchors")
    if not isinstance(anchors, list) or not anchors:
        raise _Invalid((*where, "anchors"), "annotation needs a list of anchors")
    status = item.get("status", "open")
    if status not in STATUSES:
        raise _Invalid((*where, "status"), f"status must be open or checked, got {status!r}")
    return Annotation(
        id=str(_scalar_text(item["id"])),
        anchors=tuple(_anchor(a, (*where, "anchors", i)) for i, a in enumerate(anchors)),
        note=_text_field(item, "note", where),
        tags=_tags(item.get("tags"), (*where, "tags")),
        status=status,
        created=_time_field(item, "created", where),
        updated=_time_field(item, "updated", where),
        extra={k: v for k, v in item.items() if k not in _ANN_KEYS},
    )


def _anchor(value: object, where: tuple[str | int, ...]) -> Anchor:
    item = _mapping(value, where)
    for key in ("source", "hash"):
        if _scalar_text(item.get(key)) in (None, ""):
            raise _Invalid(where, f"anchor has no {key}")
    return Anchor(
        source=str(_scalar_text(item["source"])),
        hash=str(_scalar_text(item["hash"])),
        excerpt=_text_field(item, "excerpt", where),
        extra={k: v for k, v in item.items() if k not in _ANCHOR_KEYS},
    )


def _scalar_text(value: object) -> str | None:
    """A scalar as text (hand-typed ids and hashes may load as numbers); None otherwise."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _text_field(item: Mapping[str, Any], key: str, where: tuple[str | int, ...]) -> str:
    value = item.get(key)
    if value is None:
        return ""
    text = _scalar_text(value)
    if text is None:
        raise _Invalid((*where, key), f"{key} must be text")
    return text


def _time_field(item: Mapping[str, Any], key: str, where: tuple[str | int, ...]) -> str:
    """A timestamp as ISO text (an unquoted hand-typed date loads as datetime/date)."""
    value = item.get(key)
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return _text_field(item, key, where)


def _tags(value: object, where: tuple[str | int, ...]) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return parse_tags(value)
    if not isinstance(value, list):
        raise _Invalid(where, "tags must be a list")
    texts = [_scalar_text(v) for v in value]
    if any(t is None for t in texts):
        raise _Invalid(where, "each tag must be text")
    return parse_tags(",".join(t for t in texts if t is not None))


def _line_of(text: str, where: tuple[str | int, ...]) -> int | None:
    """The 1-based line of the node at ``where`` (or its deepest existing parent)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if node is None:
        return None
    for step in where:
        child = _child(node, step)
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        items = cast(list[yaml.Node], node.value)
        return items[step] if step < len(items) else None
    if isinstance(node, yaml.MappingNode):
        pairs = cast(list[tuple[yaml.Node, yaml.Node]], node.value)
        for key, value in pairs:
            if getattr(key, "value", None) == step:
                return value
    return None


# ---------------------------------------------------------------------------
# Writing the file
# ---------------------------------------------------------------------------


class _FlowList(list[str]):
    """A list written in flow style on one line (tags: [a, b])."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper with literal blocks for multi-line text and indented lists."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


_ODD_BREAKS = frozenset("\x85\u2028\u2029")  # line breaks PyYAML only keeps when escaped


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    """Multi-line text as a literal block; odd line breaks force escaped double quotes."""
    style = '"' if _ODD_BREAKS.intersection(value) else "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _represent_flow(dumper: yaml.SafeDumper, value: _FlowList) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", list(value), flow_style=True)


_Dumper.add_representer(str, _represent_str)
_Dumper.add_representer(_FlowList, _represent_flow)


def document_data(doc: Document) -> JsonDict:
    """The document as plain data in the file's key order."""
    return {
        "format": FORMAT,
        "version": VERSION,
        **doc.extra,
        "annotations": [_annotation_data(a) for a in doc.annotations],
    }


def _annotation_data(ann: Annotation) -> JsonDict:
    extra = {k: v for k, v in ann.extra.items() if k not in _ANN_KEYS}
    return {
        "id": ann.id,
        "status": ann.status,
        "tags": _FlowList(ann.tags),
        "note": ann.note,
        "anchors": [_anchor_data(a) for a in ann.anchors],
        "created": ann.created,
        "updated": ann.updated,
        **extra,
    }


def _anchor_data(anchor: Anchor) -> JsonDict:
    extra = {k: v for k, v in anchor.extra.items() if k not in _ANCHOR_KEYS}
    return {"source": anchor.source, "hash": anchor.hash, "excerpt": anchor.excerpt, **extra}


def dump_document(doc: Document) -> bytes:
    """The file's bytes: header comment, then YAML with a stable key order, UTF-8."""
    body = yaml.dump(
        document_data(doc),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )
    return (HEADER + body).encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so that a crash leaves the old or the new file.

    Temporary file in the same directory, flush + fsync, ``os.replace``, fsync of
    the directory. The file keeps its permission bits (new files: 0o644).
    Raises OSError; the temporary file is removed on failure.
    """
    mode = path.stat().st_mode & 0o7777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


STALE_TEMP_SECONDS = 600


def sweep_stale_temps(path: Path, now: float | None = None) -> None:
    """Remove temporary files a killed save left next to ``path`` (and its .bak).

    Only ``.NAME.*.tmp`` files older than STALE_TEMP_SECONDS go, so a save in
    progress in another process is never disturbed. Errors are ignored.
    """
    limit = (time.time() if now is None else now) - STALE_TEMP_SECONDS
    for pattern in (f".{path.name}.*.tmp", f".{backup_path(path).name}.*.tmp"):
        for temp in path.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if temp.stat().st_mtime < limit:
                    temp.unlink()


def backup_path(path: Path) -> Path:
    """Where the previous version is kept: ``FILE.bak``."""
    return path.with_name(path.name + ".bak")


def recovered_path(path: Path) -> Path:
    """The side file used while ``path`` is broken: ``<stem>.recovered.yaml``."""
    return path.with_name(path.stem + ".recovered.yaml")


# ---------------------------------------------------------------------------
# Attaching annotations to groups
# ---------------------------------------------------------------------------

Location = tuple[int, int]  # (article index, sentence index)


@dataclass(frozen=True, slots=True)
class _SentenceIndex:
    """Per alignment: articles by file name, sentences by hash, normalised texts."""

    articles: Mapping[str, tuple[int, ...]]
    by_hash: Mapping[tuple[int, str], tuple[int, ...]]
    texts: Mapping[int, tuple[str, ...]]


def _index(alignment: Alignment) -> _SentenceIndex:
    names: dict[str, list[int]] = {}
    by_hash: dict[tuple[int, str], list[int]] = {}
    texts: dict[int, tuple[str, ...]] = {}
    for a, article in enumerate(alignment.articles):
        names.setdefault(article.source.name, []).append(a)
        texts[a] = tuple(normalise(s.text) for s in article.sentences)
        for s, norm in enumerate(texts[a]):
            by_hash.setdefault((a, _digest(norm)), []).append(s)
    return _SentenceIndex(
        {k: tuple(v) for k, v in names.items()},
        {k: tuple(v) for k, v in by_hash.items()},
        texts,
    )


def locate(
    alignment: Alignment, anchor: Anchor, index: _SentenceIndex | None = None
) -> Location | None:
    """Where an anchor's sentence is now: by hash, else by fuzzy excerpt; None if gone."""
    idx = index or _index(alignment)
    articles = idx.articles.get(anchor.source, ())
    for a in articles:
        found = idx.by_hash.get((a, anchor.hash))
        if found:
            return a, found[0]
    return _fuzzy_locate(idx, articles, anchor.excerpt)


def _fuzzy_locate(idx: _SentenceIndex, articles: Iterable[int], text: str) -> Location | None:
    """The best sentence whose start resembles the excerpt, above the threshold."""
    truncated = text.endswith("…")
    wanted = normalise(text.removesuffix("…"))
    if len(wanted) < FUZZY_MIN_CHARS:
        return None
    best: tuple[float, int, int] | None = None
    for a in articles:
        choices = [t[: len(wanted)] if truncated else t for t in idx.texts[a]]
        hit = process.extractOne(wanted, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is not None and (best is None or hit[1] > best[0]):
            best = (hit[1], a, hit[2])
    return None if best is None else (best[1], best[2])


def attach_one(
    alignment: Alignment, ann: Annotation, index: _SentenceIndex | None = None
) -> int | None:
    """The group holding most of the annotation's matched anchors, or None (detached)."""
    idx = index or _index(alignment)
    groups: list[int] = []
    for anchor in ann.anchors:
        loc = locate(alignment, anchor, idx)
        if loc is not None:
            groups.append(alignment.group_of(*loc))
    if not groups:
        return None
    counts = Counter(groups)
    top = max(counts.values())
    return next(g for g in groups if counts[g] == top)


# ---------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------


def _read_disk(path: Path) -> tuple[bytes | None, str | None]:
    """The file's bytes and their sha256 (the change check); (None, None) if there is no file.

    Only the content counts: a touch is not a change, and an edit within the
    same mtime tick on a coarse filesystem still is one.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None, None
    return data, hashlib.sha256(data).hexdigest()


def _os_message(exc: OSError, path: Path) -> str:
    reason = exc.strerror or type(exc).__name__
    return f"{reason}: {exc.filename or path}"


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
        self._index: _SentenceIndex | None = None
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
            data, disk = _read_disk(path)
            doc = Document() if data is None else parse_document(data, path.name)
        except OSError as exc:
            return f"{path.name}: cannot read it ({_os_message(exc, path)})"
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
        self._index = _index(alignment)
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
            reason = _os_message(exc, target)
            return SaveResult(False, f"not saved ({reason}); notes kept in memory, s retries")

    def _save_to(self, target: Path) -> SaveResult:
        path = target.resolve() if target.is_symlink() else target  # keep the link
        data, disk = _read_disk(path)
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
        idx = _index(alignment)
        return [_export_one(alignment, idx, a) for a in self.all()]


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


def _export_one(alignment: Alignment, idx: _SentenceIndex, ann: Annotation) -> JsonDict:
    group = attach_one(alignment, ann, idx)
    return {
        "id": ann.id,
        "group": group,
        "detached": group is None,
        "status": ann.status,
        "tags": list(ann.tags),
        "note": ann.note,
        "created": ann.created,
        "updated": ann.updated,
        "anchors": [_export_anchor(alignment, idx, a) for a in ann.anchors],
    }


def _export_anchor(alignment: Alignment, idx: _SentenceIndex, anchor: Anchor) -> JsonDict:
    loc = locate(alignment, anchor, idx)
    return {
        "source": anchor.source,
        "hash": anchor.hash,
        "excerpt": anchor.excerpt,
        "article": None if loc is None else alignment.articles[loc[0]].id,
        "sentence": None if loc is None else loc[1],
    }
