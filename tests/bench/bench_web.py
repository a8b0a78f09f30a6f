"""Web benchmark: extraction quality per test page, and the cost of reading pages.

    .venv/bin/pip install readability-lxml      # the alternative extractor (not a dependency)
    python tests/bench/bench_web.py             # both tables
    python tests/bench/bench_web.py --repeat 3  # fewer timing runs

(1) For each saved page of tests/fixtures/web: the share of the article's
sentences an extractor keeps, and the share of the page's other sentences
(boilerplate: cookie banner, navigation, share bar, captions, related links,
comments, footer, ...) it drops, for trafilatura as idlib-read calls it
(``align.extract``), trafilatura on the page as it is, readability-lxml, and
all visible text of the page (what a reduction without an extractor keeps).
The article's sentences are those of tests/fixtures/web/articles.json;
boilerplate is every other sentence of three words or more in the page's
visible text (the headline counts as neither).

(2) The whole ``idlib-read export`` command, median wall time, on five web
pages from the cache (a local server filled the cache, then stopped), on the
same five pages saved as .html files, and on their extracted text as .txt files.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from helpers_web import ARTICLES, WEB, sentences, serve  # noqa: E402

import align.extract  # noqa: E402
from align.extract import extract  # noqa: E402
from align.ingest import decode_html, load_sources  # noqa: E402

PAGES = {  # saved page -> (article, charset its server names)
    "courier-modern.html": ("courier", None),
    "courier-legacy.html": ("courier", None),
    "herald-modern.html": ("herald", None),
    "herald-legacy.html": ("herald", None),
    "wire-modern.html": ("wire", "iso-8859-15"),
    "wire-legacy.html": ("wire", None),
}
# five pages for the timing, with the address the test server gives each
TIMED = {
    "courier-modern.html": "/courier/bridge",
    "courier-legacy.html": "/courier/print/bridge",
    "herald-modern.html": "/herald/bridge",
    "herald-legacy.html": "/herald/m/bridge",
    "wire-legacy.html": "/wire/syndicated/bridge",
}
SKIPPED = frozenset({"script", "style", "noscript", "template", "title", "head"})
BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
        "li", "main", "nav", "ol", "p", "section", "table", "td", "th", "tr", "ul", "button",
    }
)  # fmt: skip


class _Visible(HTMLParser):
    """Visible text of a page, one string per block."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = [""]
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.blocks.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.blocks.append("")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.blocks[-1] += data


def visible_text(html: str) -> str:
    parser = _Visible()
    parser.feed(html)
    parser.close()
    return "\n\n".join(" ".join(b.split()) for b in parser.blocks if b.strip())


def norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def units(page: str, key: str) -> tuple[list[str], list[str]]:
    """The article's sentences and the page's boilerplate sentences."""
    article = ARTICLES[key]
    wanted = [s for p in article["paragraphs"] for s in sentences(str(p))]
    known = {norm(s) for s in wanted} | {norm(str(article["title"]))}
    boiler: list[str] = []
    for block in visible_text(page).split("\n\n"):
        for sentence in sentences(block):
            short = len(sentence.split()) < 3
            if short or any(norm(sentence) in k for k in known) or sentence in boiler:
                continue
            boiler.append(sentence)
    return wanted, boiler


def readability_text(html: str) -> str:
    from readability import Document  # type: ignore[import-untyped]

    return visible_text(Document(html).summary(html_partial=True))


def trafilatura_alone(html: str) -> str:
    """trafilatura without idlib-read's one preparation (<br><br> paragraphs wrapped)."""
    saved = align.extract.breaks_to_paragraphs
    align.extract.breaks_to_paragraphs = lambda root: None
    try:
        return extract(html, "page").text
    finally:
        align.extract.breaks_to_paragraphs = saved


EXTRACTORS: dict[str, Callable[[str], str]] = {
    "trafilatura (as idlib-read calls it)": lambda html: extract(html, "page").text,
    "trafilatura without <br> wrapping": trafilatura_alone,
    "readability-lxml": readability_text,
    "all visible text": visible_text,
}


def quality() -> None:
    names = list(EXTRACTORS)
    print("| page | article / boilerplate sentences | " + " | ".join(names) + " |")
    print("|---|---|" + "---|" * len(names))
    for name, (key, charset) in PAGES.items():
        page, _ = decode_html((WEB / name).read_bytes(), name, charset)
        wanted, boiler = units(page, key)
        cells = []
        for extractor in EXTRACTORS.values():
            try:
                got = norm(extractor(page))
            except Exception as exc:  # an extractor that gives up keeps nothing
                got = ""
                print(f"  ({name}: {type(exc).__name__}: {exc})", file=sys.stderr)
            kept = sum(norm(s) in got for s in wanted) / len(wanted)
            dropped = sum(norm(s) not in got for s in boiler) / len(boiler)
            cells.append(f"{kept:.0%} kept / {dropped:.0%} dropped")
        print(f"| {name} | {len(wanted)} / {len(boiler)} | " + " | ".join(cells) + " |")


def export_once(args: list[str], env: dict[str, str]) -> float:
    """Wall time of one `idlib-read export` process on ``args``."""
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", code, "export", *args], env=env, capture_output=True
    )
    if proc.returncode != 0:
        raise SystemExit(proc.stderr.decode())
    return time.perf_counter() - start


def timing(repeat: int) -> None:
    """The three input sets timed in turn, ``repeat`` rounds (so load on the machine
    falls on all three alike); medians."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        env = {**os.environ, "IDLIB_READ_CACHE": str(folder / "cache")}
        with serve() as server:
            urls = [server.url(path) for path in TIMED.values()]
            export_once(urls, env)  # fills the cache; the server stops after this
        html_files = [str(WEB / name) for name in TIMED]
        txt_files = []
        for source in load_sources(html_files):
            path = folder / (Path(source.name).stem + ".txt")
            path.write_text(source.raw, encoding="utf-8")
            txt_files.append(str(path))
        rows = {
            "five cached web pages (server stopped)": urls,
            "five saved .html files": html_files,
            "five .txt files (their extracted text)": txt_files,
        }
        times: dict[str, list[float]] = {label: [] for label in rows}
        for _ in range(repeat):
            for label, args in rows.items():
                times[label].append(export_once(args, env))
    print("| `idlib-read export` on | median wall time |")
    print("|---|---|")
    for label, measured in times.items():
        print(f"| {label} | {statistics.median(measured):.2f} s |")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import trafilatura"], check=True)
    bare = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    print(f"\nimporting trafilatura: {bare - (time.perf_counter() - start):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="timing runs per figure")
    args = parser.parse_args()
    quality()
    print()
    timing(args.repeat)


if __name__ == "__main__":
    main()
