"""The command line with web addresses: export and the reader against a local server,
--list, --refresh, the cache when offline, and one-line errors before the screen opens."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from helpers_web import ARTICLES, WEB, Server, closed_port, serve

import tui.app
from align import Source
from tui.cli import main

GOOD = ["/courier/bridge", "/herald/bridge", "/wire/bridge"]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("IDLIB_READ_CACHE", str(folder))
    return folder


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Stands in for the screen: records what the reader would have opened with."""
    calls: list[dict[str, Any]] = []

    def fake(
        sources: Sequence[Source], path: Path, notices: Sequence[str] = (), engine: Any = None
    ) -> int:
        calls.append({"sources": list(sources), "notices": list(notices), "engine": engine})
        return 0

    monkeypatch.setattr(tui.app, "run_reader", fake)
    return calls


def export(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, Any, str]:
    code = main(["export", *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if code == 0 else None), err


def test_export_of_three_addresses_carries_url_author_date(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [server.url(p) for p in GOOD]
    code, doc, err = export(capsys, *urls)
    assert code == 0 and err == ""
    got = [(a["label"], a["url"], a["author"], a["date"], a["source"]) for a in doc["articles"]]
    want = [
        (ARTICLES[k]["site"], u, ARTICLES[k]["author"], ARTICLES[k]["date"], u)
        for k, u in zip(("courier", "herald", "wire"), urls, strict=True)
    ]
    assert got == want
    assert doc["articles"][1]["title"] == ARTICLES["herald"]["title"]
    shared = [g for g in doc["groups"] if len({m["article"] for m in g["members"]}) == 3]
    assert shared  # the three reports are aligned with each other


def test_offsets_point_into_the_extracted_text(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    from align.ingest import read_url

    urls = [server.url(p) for p in GOOD[:2]]
    _, doc, _ = export(capsys, *urls)
    raw = read_url(urls[0]).raw
    for sentence in doc["articles"][0]["sentences"]:
        assert raw[sentence["start"] : sentence["end"]].split() == sentence["text"].split()


def test_export_skips_a_failing_address_and_says_so(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [server.url(p) for p in [*GOOD[:2], "/report.pdf"]]
    code, doc, err = export(capsys, *urls)
    assert code == 0 and len(doc["articles"]) == 2
    assert err.strip().splitlines() == [
        f"idlib-read: warning: skipped {urls[2]}: not a web page or text (application/pdf)"
    ]
    assert "warnings" not in doc  # nothing new in the JSON format beyond url and author


def test_too_few_articles_left_is_one_line_per_failure_and_exit_2(
    server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    urls = [server.url(GOOD[0]), server.url("/gone"), server.url("/go/loop-a")]
    code, _, err = export(capsys, *urls)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 2 and "Traceback" not in err
    assert lines[0] == f"idlib-read: {urls[1]}: HTTP error 404 Not Found"
    assert lines[1].startswith(f"idlib-read: {urls[2]}: redirect loop")


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/gone", "HTTP error 404"),
        ("/report.pdf", "not a web page or text"),
        ("/js-app", "no article text found"),
        ("/huge", "page too large"),
        ("/go/loop-a", "redirect loop"),
    ],
)
def test_reader_reports_each_failure_before_the_screen_opens(
    server: Server,
    capsys: pytest.CaptureFixture[str],
    opened: list[dict[str, Any]],
    path: str,
    needle: str,
) -> None:
    code = main([server.url(GOOD[0]), server.url(path)])
    err = capsys.readouterr().err
    assert code == 2 and opened == []
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_reader_reports_unreachable_and_timeout_before_the_screen(
    server: Server,
    capsys: pytest.CaptureFixture[str],
    opened: list[dict[str, Any]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("align.fetch.TIMEOUT", 0.5)
    dead = f"http://127.0.0.1:{closed_port()}/story"
    code = main([dead, server.url("/slow")])
    lines = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and opened == [] and len(lines) == 2
    assert "cannot reach the host" in lines[0] and "timed out" in lines[1]


def test_reader_opens_with_the_rest_and_lists_what_failed(
    server: Server, capsys: pytest.CaptureFixture[str], opened: list[dict[str, Any]]
) -> None:
    urls = [server.url(p) for p in [*GOOD, "/photo.png"]]
    assert main(urls) == 0
    (call,) = opened
    assert [s.label for s in call["sources"]] == [ARTICLES[k]["site"] for k in ARTICLES]
    assert call["notices"] == [f"Not read: {urls[3]}: not a web page or text (image/png)"]


def test_list_file_mixes_with_paths_and_comments(
    server: Server,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    opened: list[dict[str, Any]],
) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(
        "# Vellmark bridge\n\n" + "\n".join(f"  {server.url(p)}  " for p in GOOD[1:]) + "\n",
        encoding="utf-8",
    )
    saved = str(WEB / "courier-legacy.html")
    assert main([saved, "--list", str(listing)]) == 0
    labels = [s.label for s in opened[0]["sources"]]
    assert labels == ["Northern Courier", "Vellmark Herald", "Continental Press"]


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("https://a.example/x\nnotes.txt\n", "line 2: not a web address: 'notes.txt'"),
        ("# nothing here\n\n", "no web addresses in the list"),
    ],
)
def test_bad_list_file_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, needle: str
) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text(content, encoding="utf-8")
    assert main(["export", "--list", str(listing)]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"idlib-read: {listing}: {needle}"


def test_missing_list_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "nope.txt" in err


def test_second_run_works_offline_and_refresh_fetches_again(
    capsys: pytest.CaptureFixture[str], cache: Path
) -> None:
    with serve() as running:
        urls = [running.url(p) for p in GOOD]
        code, first, _ = export(capsys, *urls)
        assert code == 0
    code, again, err = export(capsys, *urls)  # the server is stopped
    assert code == 0 and again == first and err == ""
    assert sorted(p.suffix for p in cache.iterdir()) == [".body"] * 3 + [".json"] * 3
    code, _, err = export(capsys, "--refresh", *urls)
    assert code == 2 and err.count("cannot reach the host") == 3


def test_text_files_never_load_the_extractor_or_the_fetcher(tmp_path: Path) -> None:
    import subprocess
    import sys

    for name, number in (("a.txt", 12), ("b.txt", 13)):
        (tmp_path / name).write_text(
            f"A headline\n\nThe council approved {number} new parks on Monday.\n", encoding="utf-8"
        )
    code = (
        "import io, contextlib, sys\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    assert main(['export', {str(tmp_path)!r}]) == 0\n"
        "loaded = {'trafilatura', 'lxml', 'align.fetch', 'align.extract'} & set(sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_progress_is_one_rewritten_line_on_a_terminal(
    server: Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    urls = [server.url(p) for p in GOOD[:2]]
    assert main(["export", *urls]) == 0
    shown = terminal.getvalue()
    assert shown.count("\r\x1b[2K") == 3 and shown.endswith("\r\x1b[2K")
    assert f"reading web page 1 of 2: {urls[0]}" in shown
    assert f"reading web page 2 of 2: {urls[1]}" in shown
    capsys.readouterr()


def test_escape_sequences_in_an_address_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    listing = tmp_path / "links.txt"
    listing.write_text("http://127.0.0.1:9/\x1b[2Jwiped\nhttp://127.0.0.1:9/\x07b\n")
    assert main(["export", "--list", str(listing)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 2 and "\x1b" not in err and "\x07" not in err
    assert lines[0].startswith("idlib-read: http://127.0.0.1:9/[2Jwiped: ")
