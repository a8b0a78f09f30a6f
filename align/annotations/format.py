"""The annotation file: its data (``Annotation``, ``Anchor``), parsing and writing.

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
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any, Literal, cast

import yaml

from ..yamltext import YamlProblem, line_of, safe_load

FORMAT = "idlib-read/annotations"
VERSION = 1
DEFAULT_TAGS = ("conflict", "verified", "needs-source", "quote-drift")
HEADER = "# idlib-read annotations (format documented in the README, section Annotations)\n"

AnnotationStatus = Literal["open", "checked"]
STATUSES: tuple[AnnotationStatus, ...] = ("open", "checked")
JsonDict = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Anchor:
    """One sentence an annotation is about: file name, text hash, excerpt.

    ``extra`` holds keys from the file the reader does not know (kept on write).
    """

    source: str
    hash: str
    excerpt: str
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


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
    status: AnnotationStatus = "open"
    created: str = ""
    updated: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def new(
        cls,
        anchors: tuple[Anchor, ...],
        note: str,
        tags: tuple[str, ...] = (),
        status: AnnotationStatus = "open",
    ) -> Annotation:
        """A fresh annotation with a new id, created and updated now."""
        now = utc_now()
        return cls(new_id(), anchors, note, tags, status, now, now)

    def edited(
        self,
        note: str,
        tags: tuple[str, ...],
        status: AnnotationStatus,
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
    status: AnnotationStatus
    delete: bool = False


# -- Reading the file --------------------------------------------------


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
        loaded = safe_load(text)
    except YamlProblem as exc:
        where = f"{name} line {exc.line}" if exc.line else name
        raise AnnotationFileError(f"{where}: {exc.problem}") from None
    try:
        return _document(loaded)
    except _Invalid as exc:
        line = line_of(text, exc.where)
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


# -- Writing the file --------------------------------------------------


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
