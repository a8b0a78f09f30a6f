"""Fetch: web pages by address, with limits, and an on-disk cache.

Network input is untrusted, so every fetch is bounded:

* a **timeout** on connecting and on each read, and a deadline for the whole
  page (``timeout`` seconds for all of it, redirects included);
* a **size limit** counted on the bytes the page *decodes* to: a gzip or
  deflate body is inflated here, piece by piece, and refused as soon as it
  passes the limit (a small "gzip bomb" never fills memory);
* **redirects** are followed by hand, only to ``http``/``https`` addresses, at
  most ``MAX_REDIRECTS`` of them; an address met twice is a redirect loop;
* only HTML and plain text are accepted (a PDF or an image is refused).

Every refusal is an ``InputError`` naming the address and the problem.

The cache keeps each fetched page in the user's cache folder (see
``cache_dir``) as two files named by a hash of the address: the body bytes as
received (decompressed) and a small JSON sidecar (final address, content type,
charset, time of fetch, size, SHA-256 of the body). Both are written to a
temporary file and renamed into place, the sidecar last, so a crash leaves
either a whole entry or none. Nothing in the cache is ever unpickled or run:
a sidecar that is not the expected JSON, or a body whose hash differs, is
treated as missing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import http.client
import json
import os
import socket
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from .model import InputError

TIMEOUT = 20.0  # seconds for one page, redirects included
MAX_BYTES = 8 * 1024 * 1024  # decoded size; news pages are well under 2 MB
MAX_REDIRECTS = 5
CHUNK = 64 * 1024
USER_AGENT = "idlib-read (+https://pypi.org/project/idlib-read/)"
ACCEPTED_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
CACHE_ENV = "IDLIB_READ_CACHE"
SCHEMES = ("http", "https")


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched page: its body as bytes and what the server said about it."""

    url: str  # the address as given
    final_url: str  # after redirects
    body: bytes  # decompressed
    content_type: str  # "text/html", "text/plain", ...
    charset: str | None  # from the Content-Type header, if it named one
    fetched: str  # ISO 8601 time of the fetch, UTC
    from_cache: bool = False


def get_page(
    url: str,
    *,
    refresh: bool = False,
    cache: Path | None = None,
    timeout: float | None = None,
    max_bytes: int | None = None,
) -> Page:
    """The page at ``url``: from the cache unless ``refresh``, else fetched and cached.

    ``cache`` defaults to ``cache_dir()``, ``timeout`` to ``TIMEOUT`` and
    ``max_bytes`` to ``MAX_BYTES``; a cache that cannot be written is not an
    error (the page is still returned).
    """
    folder = cache_dir() if cache is None else cache
    if not refresh:
        cached = read_cached(folder, url)
        if cached is not None:
            return cached
    page = fetch(url, timeout=timeout or TIMEOUT, max_bytes=max_bytes or MAX_BYTES)
    with contextlib.suppress(OSError):  # reading works without a cache; next run refetches
        write_cached(folder, page)
    return page


# --- fetching ---------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand every redirect back as a response, so ``fetch`` follows it by its own rules."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirects())


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES) -> Page:
    """Fetch ``url`` over the network (no cache), following redirects by the rules above."""
    check_address(url, url)
    deadline = time.monotonic() + timeout
    seen = [url]
    current = url
    while True:
        response = _open(url, current, deadline)
        with response:
            target = _redirect_target(url, current, response)
            if target is None:
                return _page(url, current, response, deadline, max_bytes)
        if target in seen:
            chain = " -> ".join([*seen[seen.index(target) :], target])
            raise InputError(url, f"redirect loop ({chain})")
        if len(seen) > MAX_REDIRECTS:
            raise InputError(url, f"too many redirects (more than {MAX_REDIRECTS})")
        seen.append(target)
        current = target


def check_address(given: str, url: str) -> None:
    """Refuse addresses that are not ``http(s)://host...``."""
    try:
        parts = urllib.parse.urlsplit(url)
        host = parts.hostname
    except ValueError as exc:  # e.g. "http://[::1": an unclosed IPv6 host
        raise InputError(given, f"not a valid web address ({exc})") from None
    if parts.scheme.lower() not in SCHEMES:
        raise InputError(given, f"only http and https addresses are read, not {url!r}")
    if not host:
        raise InputError(given, f"no host in the address {url!r}")


def _open(given: str, url: str, deadline: float) -> http.client.HTTPResponse:
    """Send the request; connection problems and error statuses become InputErrors."""
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        },
    )
    try:
        response = _OPENER.open(request, timeout=_left(given, deadline))
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            return exc  # type: ignore[return-value]  # a redirect: HTTPError is a response
        exc.close()
        raise InputError(given, f"HTTP error {exc.code} {exc.reason}".rstrip()) from None
    except urllib.error.URLError as exc:
        raise InputError(given, _unreachable(exc.reason, deadline)) from None
    except TimeoutError as exc:
        raise InputError(given, _unreachable(exc, deadline)) from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(given, f"cannot fetch the page ({type(exc).__name__}: {exc})") from None
    return response  # type: ignore[no-any-return]


def _unreachable(reason: object, deadline: float) -> str:
    if isinstance(reason, TimeoutError) or time.monotonic() >= deadline:
        return "timed out (no answer in time)"
    if isinstance(reason, socket.gaierror):
        return "cannot reach the host (name not found)"
    if isinstance(reason, OSError) and reason.strerror:
        return f"cannot reach the host ({reason.strerror.lower()})"
    return f"cannot reach the host ({reason})"


def _left(given: str, deadline: float) -> float:
    """Seconds left before the deadline; a timeout error once there are none."""
    left = deadline - time.monotonic()
    if left <= 0:
        raise InputError(given, "timed out (no answer in time)")
    return left


def _redirect_target(given: str, current: str, response: http.client.HTTPResponse) -> str | None:
    """The absolute address a 3xx response sends us to, or None for a final response."""
    if _status(response) not in (301, 302, 303, 307, 308):
        return None
    location = response.headers.get("Location")
    if not location:
        raise InputError(given, f"HTTP {_status(response)} redirect without a Location")
    target = urllib.parse.urljoin(current, location.strip())
    check_address(given, target)
    return urllib.parse.urldefrag(target).url


def _status(response: http.client.HTTPResponse) -> int:
    status = getattr(response, "status", None) or getattr(response, "code", 0)
    return int(status or 0)


def _page(
    given: str,
    final: str,
    response: http.client.HTTPResponse,
    deadline: float,
    max_bytes: int,
) -> Page:
    """Read and check a final (non-redirect) response."""
    if not 200 <= _status(response) < 300:
        raise InputError(given, f"HTTP status {_status(response)} {response.reason}".rstrip())
    headers: Message = response.headers
    content_type = headers.get_content_type() if headers.get("Content-Type") else ""
    if content_type and content_type not in ACCEPTED_TYPES:
        raise InputError(given, f"not a web page or text ({content_type})")
    encoding = headers.get("Content-Encoding", "")
    declared = headers.get("Content-Length", "")
    if not encoding and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(given, f"page too large (over {max_bytes:,} bytes)")
    body = _read_body(given, response, encoding, deadline, max_bytes)
    content_type = content_type or _sniff(given, body)
    charset = headers.get_content_charset() if headers.get("Content-Type") else None
    return Page(given, final, body, content_type, charset, _now())


def _read_body(
    given: str, response: http.client.HTTPResponse, encoding: str, deadline: float, limit: int
) -> bytes:
    """The body, inflated if compressed, refused once its decoded size passes ``limit``."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in ("gzip", "x-gzip", "deflate"):
        inflate = zlib.decompressobj(wbits=47)  # gzip or zlib header, detected
    else:
        raise InputError(given, f"unsupported content encoding {encoding!r}")
    parts: list[bytes] = []
    size = 0
    while True:
        _left(given, deadline)  # each read waits at most the socket timeout set at open
        try:
            chunk = response.read1(CHUNK)
        except TimeoutError:
            raise InputError(given, "timed out (no answer in time)") from None
        except (OSError, http.client.HTTPException) as exc:
            raise InputError(given, f"the connection broke ({type(exc).__name__})") from None
        if not chunk:
            break
        for piece in _inflate(given, inflate, chunk, limit - size):
            size += len(piece)
            if size > limit:
                raise InputError(given, f"page too large (over {limit:,} bytes)")
            parts.append(piece)
    return b"".join(parts)


def _inflate(given: str, inflate: zlib._Decompress | None, chunk: bytes, room: int) -> list[bytes]:
    """``chunk`` decoded, never producing much more than ``room + 1`` bytes at once."""
    if inflate is None:
        return [chunk]
    out: list[bytes] = []
    data = chunk
    try:
        while data:
            piece = inflate.decompress(data, max(1, room + 1))
            out.append(piece)
            room -= len(piece)
            if room < 0:
                break
            data = inflate.unconsumed_tail
    except zlib.error as exc:
        raise InputError(given, f"corrupt compressed page ({exc})") from None
    return out


def _sniff(given: str, body: bytes) -> str:
    """A content type for a response that named none: HTML, text, or a refusal."""
    head = body[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    if b"\x00" in body[:4096] or head.startswith((b"%pdf", b"\x89png", b"gif8", b"\xff\xd8")):
        raise InputError(given, "not a web page or text (binary content)")
    return "text/plain"


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


# --- the cache --------------------------------------------------------------------


def cache_dir() -> Path:
    """Where fetched pages are kept: ``$IDLIB_READ_CACHE`` if set, else the platform's
    user cache folder (``%LOCALAPPDATA%\\idlib-read\\Cache`` on Windows,
    ``~/Library/Caches/idlib-read`` on macOS, ``$XDG_CACHE_HOME/idlib-read`` or
    ``~/.cache/idlib-read`` elsewhere)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "idlib-read" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "idlib-read"
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    base_dir = Path(xdg) if os.path.isabs(xdg) else Path.home() / ".cache"
    return base_dir / "idlib-read"


def _entry(folder: Path, url: str) -> tuple[Path, Path]:
    key = hashlib.sha256(url.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return folder / f"{key}.body", folder / f"{key}.json"


def read_cached(folder: Path, url: str) -> Page | None:
    """The cached page for ``url``, or None when there is no whole, valid entry."""
    body_path, meta_path = _entry(folder, url)
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        body = body_path.read_bytes()
    except (OSError, ValueError):
        return None
    if not _valid_meta(meta, url) or hashlib.sha256(body).hexdigest() != meta["sha256"]:
        return None
    return Page(
        url,
        meta["final_url"],
        body,
        meta["content_type"],
        meta["charset"],
        meta["fetched"],
        from_cache=True,
    )


def _valid_meta(meta: object, url: str) -> bool:
    if not isinstance(meta, dict) or meta.get("url") != url:
        return False
    texts = ("final_url", "content_type", "fetched", "sha256")
    return all(isinstance(meta.get(k), str) for k in texts) and (
        meta.get("charset") is None or isinstance(meta.get("charset"), str)
    )


def write_cached(folder: Path, page: Page) -> None:
    """Store ``page``: the body, then its sidecar, each written atomically."""
    folder.mkdir(parents=True, exist_ok=True)
    body_path, meta_path = _entry(folder, page.url)
    meta = {
        "url": page.url,
        "final_url": page.final_url,
        "content_type": page.content_type,
        "charset": page.charset,
        "fetched": page.fetched,
        "size": len(page.body),
        "sha256": hashlib.sha256(page.body).hexdigest(),
    }
    _write_atomic(body_path, page.body)
    _write_atomic(meta_path, (json.dumps(meta, indent=1) + "\n").encode("utf-8"))


def _write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, sync it, rename it over ``path``."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
