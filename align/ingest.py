"""Ingest: turn the paths the user gave into decoded ``Source`` records.

What is read:

* files given by name, whatever their suffix (``.html``/``.htm`` files, and
  files that start like an HTML document, are reduced to text first);
* directories: their ``.txt``, ``.md``, ``.html`` and ``.htm`` files, sorted by
  name, not recursively; hidden files and other suffixes are ignored;
* a path given twice (or a file also reached through its directory) is read
  once: duplicates are dropped silently, first occurrence wins.

Decoding: UTF-8, with a leading byte-order mark removed (offsets everywhere
are into the decoded text without it); UTF-16 with a byte-order mark; any
other bytes are decoded as cp1252, else latin-1, with a warning naming the
file. The decoded text is kept exactly (no newline normalisation), so raw
offsets point into what the file says.

Metadata: a ``manifest.yaml`` next to the file (format: ``seeds/manifest.yaml``,
read with ``yaml.safe_load`` only) supplies id, label, title and date; without
an entry the id is a slug of the file name and the label a readable form of
it. Ids are made unique within one run with ``-2``, ``-3`` suffixes.

Every problem the user can fix is an ``InputError`` naming the file.
"""

from __future__ import annotations

import datetime as dt
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import yaml

from .model import InputError, Source

ARTICLE_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
MANIFEST = "manifest.yaml"
MANIFEST_FIELDS = ("id", "label", "title", "date")


def bundled_seeds() -> Path:
    """The bundled articles: ``align/seeds`` in a wheel, ``<repo>/seeds`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "seeds", here.parent / "seeds"):
        if (candidate / "manifest.yaml").is_file():
            return candidate
    raise InputError(str(here / "seeds"), "the bundled articles are missing from this installation")


@dataclass(frozen=True, slots=True)
class Meta:
    """What a manifest says about one file (all optional)."""

    id: str | None = None
    label: str | None = None
    title: str | None = None
    date: str | None = None


def load_sources(paths: Sequence[str | Path]) -> list[Source]:
    """Read every article named by ``paths`` (files or directories), in order."""
    manifests: dict[Path, dict[str, Meta]] = {}
    sources: list[Source] = []
    total = 0
    for file in _unique(_article_files(paths)):
        total += _size(file)
        if total > MAX_BYTES:
            raise InputError(
                str(file),
                f"too large: {total:,} bytes with this file (the limit is {_LIMIT} in all)",
            )
        meta = _manifest_for(file.parent, manifests).get(file.name, Meta())
        sources.append(_read_source(file, meta))
    return _unique_ids(sources)


# --- finding files ---------------------------------------------------------------


def _article_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """The files to read, in the order given, directories expanded."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _directory_articles(path)
        elif path.exists():
            yield path
        else:
            raise InputError(str(given), "no such file or directory")


def _directory_articles(folder: Path) -> list[Path]:
    """A directory's article files, sorted by name; an error when there are none."""
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise InputError(str(folder), f"cannot list the folder ({_reason(exc)})") from exc
    files = sorted(
        (p for p in entries if _is_article_name(p.name) and p.is_file()), key=lambda p: p.name
    )
    if not files:
        raise InputError(str(folder), "no .txt, .md or .html articles in this folder")
    return files


def _is_article_name(name: str) -> bool:
    return not name.startswith(".") and Path(name).suffix.lower() in ARTICLE_SUFFIXES


def _unique(files: Iterator[Path]) -> Iterator[Path]:
    """Drop files already seen (compared by resolved path)."""
    seen: set[Path] = set()
    for file in files:
        key = file.resolve()
        if key not in seen:
            seen.add(key)
            yield file


# --- reading and decoding ---------------------------------------------------------


def _read_source(file: Path, meta: Meta) -> Source:
    """Read, decode and (for HTML) reduce one file to a Source."""
    data = _read_bytes(file)
    text, warnings = decode(data, str(file))
    if _is_html(file, text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(str(file), "empty file (no text)")
    return Source(
        path=str(file),
        name=file.name,
        raw=text,
        id=meta.id or slug(file.stem),
        label=meta.label or readable(file.stem),
        title=meta.title,
        date=meta.date,
        warnings=warnings,
    )


# All files together: beyond this, aligning could take more than 500 MB of
# memory (a 3 MiB article beside the seeds peaks near 400 MB; see README).
MAX_BYTES = 3 * 1024 * 1024
_LIMIT = "3 MiB"


def _size(file: Path) -> int:
    try:
        return file.stat().st_size
    except OSError:
        return 0  # reading it reports the problem


def _read_bytes(file: Path) -> bytes:
    """The file's bytes; a FIFO, device or huge file is refused instead of read forever."""
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputError(str(file), "not a regular file (a pipe, device or socket?)")
        if info.st_size > MAX_BYTES:
            raise InputError(
                str(file), f"too large: {info.st_size:,} bytes (the limit is {_LIMIT})"
            )
        data = file.read_bytes()
    except OSError as exc:
        raise InputError(str(file), f"cannot read the file ({_reason(exc)})") from exc
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(file), "binary file (contains NUL bytes), not an article")
    return data


def _reason(exc: OSError) -> str:
    return (exc.strerror or type(exc).__name__).lower()


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """Decode bytes: UTF-8 (BOM removed), UTF-16 with BOM, else cp1252/latin-1 with a warning."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16").lstrip("\ufeff"), ()
        except UnicodeDecodeError as exc:
            raise InputError(name, "binary file (not valid UTF-16 text)") from exc
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, (f"{name}: not valid UTF-8, decoded as {encoding}",)
    raise AssertionError("latin-1 decodes any bytes")  # pragma: no cover


# --- HTML ------------------------------------------------------------------------

SKIPPED_TAGS = frozenset(
    {"script", "style", "noscript", "template", "title", "svg", "iframe", "object", "canvas"}
)
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
        "tr", "ul",
    }
)  # fmt: skip


class _TextCollector(HTMLParser):
    """Collects the visible text of an HTML page; blocks become paragraph breaks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping += 1
        else:
            self.handle_startendtag(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self.parts.append("\n\n")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """Visible text of an HTML document: paragraphs separated by blank lines, entities decoded."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    paragraphs = (_tidy(p) for p in re.split(r"\n\n", "".join(collector.parts)))
    return "\n\n".join(p for p in paragraphs if p)


def _tidy(paragraph: str) -> str:
    """A paragraph's lines without repeated or surrounding spaces, blank lines removed."""
    lines = (re.sub(r" {2,}", " ", line).strip() for line in paragraph.split("\n"))
    return "\n".join(line for line in lines if line)


def _is_html(file: Path, text: str) -> bool:
    if file.suffix.lower() in HTML_SUFFIXES:
        return True
    head = text[:200].lstrip().lower()
    return head.startswith(("<!doctype html", "<html"))


# --- metadata --------------------------------------------------------------------


def slug(stem: str) -> str:
    """A short, lowercase, dash-separated id from a file name."""
    text = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return text[:40].rstrip("-") or "article"


def readable(stem: str) -> str:
    """A label from a file name: separators become spaces; all-lowercase words are capitalised."""
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    if stem == stem.lower():
        words = [w[:1].upper() + w[1:] for w in words]
    return " ".join(words) or stem


def _unique_ids(sources: list[Source]) -> list[Source]:
    """Suffix clashing ids with -2, -3, ... in reading order."""
    taken: set[str] = set()
    out: list[Source] = []
    for source in sources:
        new_id, n = source.id, 1
        while new_id in taken:
            n += 1
            new_id = f"{source.id}-{n}"
        taken.add(new_id)
        out.append(source if new_id == source.id else replace(source, id=new_id))
    return out


def _manifest_for(folder: Path, cache: dict[Path, dict[str, Meta]]) -> dict[str, Meta]:
    """The metadata of a folder's manifest.yaml (empty when there is none), read once per run."""
    key = folder.resolve()
    if key not in cache:
        path = folder / MANIFEST
        cache[key] = read_manifest(path) if path.is_file() else {}
    return cache[key]


def read_manifest(path: Path) -> dict[str, Meta]:
    """Parse a manifest: file name -> Meta. Any problem is an InputError naming the line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the manifest ({exc})") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(str(path), _yaml_problem(exc)) from exc
    return _manifest_entries(data, text, str(path))


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """One line: what YAML complained about and where."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    where = f"line {mark.line + 1}: " if mark is not None else ""
    return f"invalid YAML, {where}{problem}"


def _manifest_entries(data: object, text: str, path: str) -> dict[str, Meta]:
    """Validate the parsed manifest and index its entries by file name."""
    if not isinstance(data, Mapping) or not isinstance(data.get("articles"), list):
        line = _line_of(text, r"^articles\s*:") or 1
        raise InputError(path, f"line {line}: expected a mapping with an 'articles' list")
    entries: dict[str, Meta] = {}
    for n, entry in enumerate(data["articles"]):
        line = _entry_line(text, n)
        name, meta = _manifest_entry(entry, f"line {line}: article entry {n + 1}", path)
        if name in entries:
            raise InputError(path, f"line {line}: file {name!r} is listed twice")
        entries[name] = meta
    return entries


def _manifest_entry(entry: object, where: str, path: str) -> tuple[str, Meta]:
    """One ``articles`` entry: its file name and metadata."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("file"), str):
        raise InputError(path, f"{where} needs a 'file' name")
    values: dict[str, str | None] = {}
    for key in MANIFEST_FIELDS:
        value = entry.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is not None and not isinstance(value, str | int | float):
            raise InputError(path, f"{where}: {key!r} must be text")
        values[key] = None if value is None else str(value).strip() or None
    return str(entry["file"]), Meta(**values)


def _line_of(text: str, pattern: str) -> int | None:
    """1-based number of the first line matching ``pattern``."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.search(pattern, line):
            return number
    return None


def _entry_line(text: str, n: int) -> int:
    """1-based line where the n-th list item after ``articles:`` starts (best effort)."""
    start = _line_of(text, r"^articles\s*:") or 1
    items = [
        number
        for number, line in enumerate(text.splitlines(), 1)
        if number > start and re.match(r"\s*-\s", line)
    ]
    return items[n] if n < len(items) else start
