"""A real HTTP server on 127.0.0.1 (ephemeral port, own thread) serving the saved news pages
of tests/fixtures/web and every kind of bad answer a web address can give."""

from __future__ import annotations

import gzip
import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

WEB = Path(__file__).resolve().parent / "fixtures" / "web"
ARTICLES: dict[str, dict[str, object]] = json.loads(
    (WEB / "articles.json").read_text(encoding="utf-8")
)

# path -> (status, headers, body); bodies are bytes
Route = tuple[int, dict[str, str], bytes]


def page(name: str) -> bytes:
    return (WEB / name).read_bytes()


def html_type(charset: str | None = None) -> dict[str, str]:
    return {"Content-Type": "text/html" + (f"; charset={charset}" if charset else "")}


JS_ONLY = (
    b"<!DOCTYPE html><html><head><title>Vellmark Today</title></head><body>"
    b'<div id="root"></div><noscript>You need to enable JavaScript to run this app.</noscript>'
    b'<script src="/static/js/main.4f2a.js"></script></body></html>'
)
BARE_ARTICLE = (  # an article page that names no site, author or date anywhere
    "<!DOCTYPE html><html><head><title>Ferry service resumes</title></head><body>"
    "<div class='menu'><a href='/'>Home</a> <a href='/news'>News</a></div><article>"
    "<h1>Ferry service resumes</h1>"
    + "".join(
        f"<p>The ferry between the two harbours ran again on day {n} after the storm, "
        f"carrying {n * 40} passengers according to the operator.</p>"
        for n in range(1, 7)
    )
    + "</article><footer>Contact the newsroom.</footer></body></html>"
).encode()
PLAIN_ARTICLE = (
    b"Bridge inspections ordered\n\n"
    b"The transport ministry ordered inspections of 120 bridges on Wednesday. "
    b"Engineers will start with the oldest crossings.\n"
)


def routes() -> dict[str, Route]:
    """Every address the test server answers, and how."""
    table: dict[str, Route] = {
        "/courier/bridge": (200, html_type("utf-8"), page("courier-modern.html")),
        "/courier/print/bridge": (200, html_type(), page("courier-legacy.html")),
        # the page declares ISO-8859-1 in a <meta> only; the header names no charset
        "/herald/bridge": (200, html_type(), page("herald-modern.html")),
        "/herald/m/bridge": (200, html_type("utf-8"), page("herald-legacy.html")),
        # the charset is named only in the Content-Type header
        "/wire/bridge": (200, html_type("iso-8859-15"), page("wire-modern.html")),
        "/wire/bridge-no-charset": (200, html_type(), page("wire-modern.html")),
        "/wire/syndicated/bridge": (200, html_type("utf-8"), page("wire-legacy.html")),
        "/gzip/courier": (
            200,
            {**html_type("utf-8"), "Content-Encoding": "gzip"},
            gzip.compress(page("courier-modern.html")),
        ),
        "/plain/inspections.txt": (
            200,
            {"Content-Type": "text/plain; charset=utf-8"},
            PLAIN_ARTICLE,
        ),
        "/js-app": (200, html_type("utf-8"), JS_ONLY),
        "/bare/ferry": (200, html_type("utf-8"), BARE_ARTICLE),
        "/report.pdf": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n%\xe2\xe3\n1 0 obj"),
        "/photo.png": (200, {"Content-Type": "image/png"}, b"\x89PNG\r\n\x1a\n\x00\x00"),
        "/untyped.pdf": (200, {}, b"%PDF-1.4\n1 0 obj\n<< >>\nendobj\n\x00\x01"),
        "/gone": (404, html_type(), b"<html><body><h1>Not found</h1></body></html>"),
        "/broken": (500, html_type(), b"<html><body>Internal error</body></html>"),
        # redirects: relative, absolute, chains, loops, to another scheme
        "/go/courier": (301, {"Location": "/courier/bridge"}, b""),
        "/go/chain-1": (302, {"Location": "/go/chain-2"}, b""),
        "/go/chain-2": (307, {"Location": "../herald/bridge"}, b""),
        "/go/loop-a": (302, {"Location": "/go/loop-b"}, b""),
        "/go/loop-b": (302, {"Location": "/go/loop-a"}, b""),
        "/go/ftp": (302, {"Location": "ftp://127.0.0.1/bridge.html"}, b""),
        "/go/nowhere": (302, {}, b""),
    }
    for n in range(8):  # a chain longer than any page needs
        table[f"/go/far-{n}"] = (302, {"Location": f"/go/far-{n + 1}"}, b"")
    table["/go/far-8"] = (200, html_type("utf-8"), page("wire-legacy.html"))
    return table


BIG = 9 * 1024 * 1024  # over the fetcher's 8 MiB limit


@dataclass
class Server:
    """The running server: its base address and the paths it was asked for."""

    base: str
    requests: list[str] = field(default_factory=list)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(http.server.BaseHTTPRequestHandler):
    table: ClassVar[dict[str, Route]] = {}
    log: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.log.append(self.path)
        if self.path == "/huge":
            return self._huge(with_length=True)
        if self.path == "/huge-streamed":
            return self._huge(with_length=False)
        if self.path == "/gzip-bomb":
            return self._bomb()
        if self.path == "/slow":
            time.sleep(3)
        if self.path == "/drip":
            return self._drip()
        status, headers, body = self.table.get(self.path, (404, {}, b"not here"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(OSError):  # the client may have left (a timeout test)
            self.wfile.write(body)

    def _huge(self, *, with_length: bool) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if with_length:
            self.send_header("Content-Length", str(BIG))
        self.end_headers()
        line = b"<p>" + b"Filler sentence about nothing at all. " * 25 + b"</p>\n"
        sent = 0
        try:
            while sent < BIG:
                self.wfile.write(line)
                sent += len(line)
        except OSError:
            pass  # the client gave up, as it should

    def _bomb(self) -> None:
        """64 MiB of spaces compressed to about 64 KiB."""
        body = gzip.compress(b"<html><body><p>" + b" " * (64 * 1024 * 1024), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(OSError):
            self.wfile.write(body)

    def _drip(self) -> None:
        """Headers at once, then a byte every half second for ever (well, 20 s)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        try:
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.5)
        except OSError:
            pass

    def log_message(self, format: str, *args: object) -> None:
        pass  # quiet tests


@contextmanager
def serve() -> Iterator[Server]:
    """Run the test server on 127.0.0.1 for the duration of the block."""
    handler = type("Handler", (_Handler,), {"table": routes(), "log": []})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    host, port = httpd.server_address[:2]
    server = Server(f"http://{host}:{port}")
    server.requests = handler.log
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def sentences(text: str) -> list[str]:
    """The sentences of an article paragraph, whitespace collapsed (good enough for tests)."""
    import re

    flat = " ".join(text.split())
    return [s for s in re.split(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])", flat) if s]
