"""Ingest: turn the paths and web addresses the user gave into decoded ``Source`` records.

What is read:

* web addresses (``http://``, ``https://``): fetched, or taken from the cache,
  by ``align.fetch``; an HTML page's article is extracted by ``align.extract``;
* files given by name, when their suffix says they are articles (``ARTICLE_SUFFIXES``:
  ``.txt``/``.text``, ``.md``/``.markdown``, ``.html``/``.htm``); any other file
  (a manifest, notes, a PDF) is refused with an error naming it. ``.html``/``.htm``
  files, and files that start like an HTML document, have their article extracted
  the same way as web pages (main text, title, author, site name, date);
* directories: their article files, sorted by name, not recursively; hidden
  files and other suffixes are ignored;
* a file given twice (by the same name, another name of it, or also through its
  directory) is refused with an error naming the duplicate and the first mention;
  a web address given twice is read once.

Decoding: a web page or HTML file in the charset its server or its ``<meta>``
declares (``decode_html``); otherwise UTF-8, with a leading byte-order mark
removed (offsets everywhere are into the decoded text without it); UTF-16
with a byte-order mark; any other bytes are decoded as cp1252, else latin-1,
with a warning naming the file. The decoded text is kept exactly (no newline normalisation), so raw
offsets point into what the file says.

Metadata: a ``manifest.yaml`` next to the file (format: ``seeds/manifest.yaml``,
read with ``yaml.safe_load`` only) supplies id, label, title and date; without
an entry the id is a slug of the file name and the label a readable form of
it. Ids are made unique within one run with ``-2``, ``-3`` suffixes.

Every problem the user can fix is an ``InputError`` naming the file.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import stat
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .model import InputError, Source
from .yamltext import YamlProblem, line_of, safe_load

ARTICLE_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown", ".html", ".htm"})
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


class Meta(NamedTuple):
    """What a manifest says about one file (all optional)."""

    id: str | None = None
    label: str | None = None
    title: str | None = None
    date: str | None = None


Progress = Callable[[int, int, str], None]  # (number of the address, how many, address)


def _quiet(number: int, total: int, url: str) -> None:
    """Default progress callback: says nothing."""


class Loaded(NamedTuple):
    """What ``load_inputs`` read, and the addresses it could not read (with why)."""

    sources: list[Source]
    failures: list[InputError]


def load_sources(paths: Sequence[str | Path], *, refresh: bool = False) -> list[Source]:
    """Read every article named by ``paths`` (files, directories or web addresses), in order.

    Any input that cannot be read is an ``InputError``.
    """
    loaded = load_inputs(paths, refresh=refresh)
    if loaded.failures:
        raise loaded.failures[0]
    return loaded.sources


def load_inputs(
    inputs: Sequence[str | Path],
    *,
    refresh: bool = False,
    cache: Path | None = None,
    progress: Progress = _quiet,
) -> Loaded:
    """Read files, directories and web addresses, in the order given.

    A file or folder that cannot be read raises an ``InputError`` (the user can
    fix it); a web address that cannot be read is listed in ``failures`` and
    the others are read. ``refresh`` fetches pages again instead of taking
    them from the cache (``cache`` defaults to ``align.fetch.cache_dir()``).
    """
    urls = list(dict.fromkeys(str(i) for i in inputs if is_url(i)))
    manifests: dict[Path, dict[str, Meta]] = {}
    sources: list[Source] = []
    failures: list[InputError] = []
    seen_files: dict[Path, Path] = {}
    done_urls: set[str] = set()
    total = 0
    for given in inputs:
        if is_url(given):
            url = str(given)
            if url in done_urls:
                continue
            done_urls.add(url)
            progress(len(done_urls), len(urls), url)
            try:
                page = read_url(url, refresh=refresh, cache=cache)
            except InputError as error:
                failures.append(error)
                continue
            total = _count(total, len(page.raw.encode("utf-8")), url)
            sources.append(page)
            continue
        for file in _unique(_article_files([given]), seen_files):
            total = _count(total, _size(file), str(file))
            meta = _manifest_for(file.parent, manifests).get(file.name, Meta())
            sources.append(_read_source(file, meta))
    return Loaded(_unique_ids(sources), failures)


def is_url(given: str | Path) -> bool:
    """Whether an input is a web address (``scheme://...``, given as text) rather than a path.

    Any scheme counts, so ``ftp://...`` is refused by the fetcher with a clear
    message instead of being looked for as a file.
    """
    if not isinstance(given, str):
        return False
    scheme, sep, _ = given.partition("://")
    return bool(sep) and scheme.isascii() and scheme.isalpha() and len(scheme) > 1


def read_url(url: str, *, refresh: bool = False, cache: Path | None = None) -> Source:
    """The article at a web address (fetched, or from the cache unless ``refresh``)."""
    from .extract import outlet_from_host
    from .fetch import get_page

    page = get_page(url, refresh=refresh, cache=cache)
    if page.content_type != "text/plain":
        text, warnings = decode_html(page.body, url, page.charset)
        return _page_source(text, url, Meta(), warnings, name=url, url=page.final_url)
    if b"\x00" in page.body:
        raise InputError(url, "not a web page or text (binary content)")
    text, warnings = decode_html(page.body, url, page.charset, sniff_meta=False)
    if not text.strip():
        raise InputError(url, "empty page (no text)")
    label = outlet_from_host(page.final_url)
    return Source(
        path=url,
        name=url,
        raw=text,
        id=slug(label),
        label=label,
        warnings=warnings,
        url=page.final_url,
    )


# --- finding files ---------------------------------------------------------------


def _article_files(paths: Sequence[str | Path]) -> Iterator[Path]:
    """The files to read, in the order given, directories expanded."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from _directory_articles(path)
        elif path.exists():
            _check_article_name(path)
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


def _check_article_name(file: Path) -> None:
    """A file named by the user must have an article's suffix: a manifest is not a report."""
    suffix = file.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        kind = f"a {suffix} file" if suffix else "a file without a suffix"
        raise InputError(str(file), f"not an article ({kind}); articles are .txt, .md or .html")


def _unique(files: Iterator[Path], seen: dict[Path, Path]) -> Iterator[Path]:
    """The files in order; a file met twice (by resolved path, ``seen`` remembers them
    across inputs) is an InputError naming both."""
    for file in files:
        key = file.resolve()
        if key in seen:
            first = seen[key]
            also = "" if str(first) in (str(file), str(key)) else f", also as {first}"
            raise InputError(str(file), f"given twice ({key}{also}); name each article once")
        seen[key] = file
        yield file


# --- reading and decoding ---------------------------------------------------------


def _read_source(file: Path, meta: Meta) -> Source:
    """Read, decode and (for HTML) extract one file's article as a Source."""
    data = _read_bytes(file)
    if _is_html(file, data):
        text, warnings = decode_html(data, str(file))
        return _page_source(text, str(file), meta, warnings, name=file.name, stem=file.stem)
    text, warnings = decode(data, str(file))
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


def _page_source(
    html: str,
    given: str,
    meta: Meta,
    warnings: tuple[str, ...],
    *,
    name: str,
    stem: str | None = None,
    url: str | None = None,
) -> Source:
    """A Source from a web page: its extracted article; the manifest (if any) wins over the
    page's own metadata, and the outlet is the site's name, else the host of the page's
    address (for a saved page, the address it declares), else the file name."""
    from .extract import extract, outlet_from_host  # trafilatura is loaded only for pages

    found = extract(html, given, url)
    page_url = url or found.url
    label = meta.label or found.site
    if not label:  # the host the page is from (or says it is from), else the file name
        label = outlet_from_host(page_url) if page_url else readable(stem or given)
    return Source(
        path=given,
        name=name,
        raw=found.text,
        id=meta.id or slug(stem if stem is not None else label),
        label=label,
        title=meta.title or found.title,
        date=meta.date or found.date,
        warnings=warnings,
        url=page_url,
        author=found.author,
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


def _count(total: int, size: int, name: str) -> int:
    """The input read so far plus one more article; an InputError past ``MAX_BYTES``."""
    total += size
    if total > MAX_BYTES:
        raise InputError(
            name, f"too large: {total:,} bytes with this file (the limit is {_LIMIT} in all)"
        )
    return total


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

_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_BROWSER_LATIN = frozenset({"iso8859-1", "ascii"})  # charsets browsers read as windows-1252


def decode_html(
    data: bytes, name: str, declared: str | None = None, *, sniff_meta: bool = True
) -> tuple[str, tuple[str, ...]]:
    """Decode a web page as a browser would: a byte-order mark, else the charset the server
    ``declared`` (Content-Type header), else the one the page declares in a ``<meta>`` in
    its first 4 KB (unless not ``sniff_meta``), else as ``decode`` does (UTF-8, then a
    fallback with a warning).

    ISO-8859-1 and ASCII labels are read as windows-1252, as browsers do.
    """
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data, name)
    found = _META_CHARSET.search(data[:4096]) if sniff_meta else None
    for label in (declared, found.group(1).decode("ascii") if found else None):
        if label:
            decoded = _decode_as(data, label, name)
            if decoded is not None:
                return decoded
    return decode(data, name)


def _decode_as(data: bytes, label: str, name: str) -> tuple[str, tuple[str, ...]] | None:
    """``data`` in the declared charset; None when Python does not know the label."""
    try:
        encoding = codecs.lookup(label).name
    except LookupError:
        return None
    if encoding in _BROWSER_LATIN:
        encoding = "cp1252"
    for candidate in (encoding, "iso8859-1") if encoding == "cp1252" else (encoding,):
        try:
            return data.decode(candidate), ()
        except UnicodeDecodeError:
            continue
    text = data.decode(encoding, errors="replace")
    return text, (f"{name}: not valid {label} as declared; undecodable bytes replaced",)


def _is_html(file: Path, data: bytes) -> bool:
    """An .html/.htm file, or one that starts like an HTML document."""
    if file.suffix.lower() in HTML_SUFFIXES:
        return True
    head = data[:300].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<!doctype html", b"<html"))


# --- metadata --------------------------------------------------------------------


def slug(stem: str) -> str:
    """A short, lowercase, dash-separated id from a file name."""
    text = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return text[:40].rstrip("-") or "article"


HASH = re.compile(r"(?=[a-f]*\d)[0-9a-f]{8,}")  # hex digits, one a digit at least


def readable(stem: str) -> str:
    """A label from a file name: separators become spaces; in an all-lowercase name, words
    are capitalised, but not a hash ("a643edde7f0e09fd")."""
    words = [w for w in re.split(r"[\s_\-.]+", stem) if w]
    if stem == stem.lower():
        words = [w if HASH.fullmatch(w) else w[:1].upper() + w[1:] for w in words]
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
        out.append(source if new_id == source.id else source._replace(id=new_id))
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
        data = safe_load(text)
    except YamlProblem as exc:
        raise InputError(str(path), f"invalid YAML, {exc}") from None
    return _manifest_entries(data, text, str(path))


def _manifest_entries(data: object, text: str, path: str) -> dict[str, Meta]:
    """Validate the parsed manifest and index its entries by file name."""
    if not isinstance(data, Mapping) or not isinstance(data.get("articles"), list):
        line = line_of(text, ("articles",)) or 1
        raise InputError(path, f"line {line}: expected a mapping with an 'articles' list")
    entries: dict[str, Meta] = {}
    for n, entry in enumerate(data["articles"]):
        try:
            name, meta = _manifest_entry(entry, f"article entry {n + 1}")
            if name in entries:
                raise ValueError(f"file {name!r} is listed twice")
        except ValueError as exc:  # only now is the entry's line looked up: it costs a parse
            line = line_of(text, ("articles", n)) or 1
            raise InputError(path, f"line {line}: {exc}") from None
        entries[name] = meta
    return entries


def _manifest_entry(entry: object, where: str) -> tuple[str, Meta]:
    """One ``articles`` entry: its file name and metadata (ValueError says what is wrong)."""
    if not isinstance(entry, Mapping) or not isinstance(entry.get("file"), str):
        raise ValueError(f"{where} needs a 'file' name")
    values: dict[str, str | None] = {}
    for key in MANIFEST_FIELDS:
        value = entry.get(key)
        if isinstance(value, dt.date):
            value = value.isoformat()
        if value is not None and not isinstance(value, str | int | float):
            raise ValueError(f"{where}: {key!r} must be text")
        values[key] = None if value is None else str(value).strip() or None
    return str(entry["file"]), Meta(**values)
