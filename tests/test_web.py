"""Web pages: fetching from a real local server, charsets, limits, redirects, the cache,
and extraction of the article from saved pages (files) and fetched ones alike."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers_web import ARTICLES, WEB, Server, closed_port, sentences, serve

from align import InputError, Source, load_inputs, load_sources
from align.fetch import cache_dir, fetch, get_page, read_cached
from align.ingest import decode_html, read_url

# What the extractor must leave out of every test page (one sentence of each kind).
# Not listed: what stands inside the article's own text block and is kept (an
# in-text "Read more:" link line; on the legacy layout also the newsletter promo
# and "Story continues below advertisement"): tests/bench/bench_web.py counts them.
BOILERPLATE = [
    "We use cookies",  # cookie banner (modern)
    "uses cookies",  # cookie notice (legacy)
    "Subscribe today",  # top bar
    "Share on Facebook",  # share bar
    "Tweet",  # share bar (legacy)
    "Flood warnings issued",  # related links
    "How safe are our bridges",  # related links
    "Ten places to eat",  # most read
    "nobody listened to us",  # a reader's comment
    "Thoughts are with the families",  # a reader's comment
    "Comments are moderated",
    "All rights reserved",  # footer
    "privacy policy",  # footer
    "newsletter",  # footer / sidebar
    "enable JavaScript",  # noscript
    "You may also like",  # related links (legacy)
    "Popular now",  # most read (legacy)
    "writes about transport",  # author's bio box
    "Photograph:",  # caption credit (courier)
    "Rescue teams search",  # caption
    "lifted from the river by crane",  # caption (herald)
    "Emergency workers at the site",  # caption (wire)
]

PAGES = {
    "courier": ["/courier/bridge", "/courier/print/bridge"],
    "herald": ["/herald/bridge", "/herald/m/bridge"],
    "wire": ["/wire/bridge", "/wire/syndicated/bridge"],
}


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with serve() as running:
        yield running


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def read(server: Server, path: str, cache: Path, **kwargs: object) -> Source:
    return read_url(server.url(path), cache=cache, **kwargs)  # type: ignore[arg-type]


def failure(server: Server, path: str, cache: Path) -> InputError:
    url = server.url(path)
    with pytest.raises(InputError) as info:
        read_url(url, cache=cache)
    assert info.value.path == url and "\n" not in str(info.value)
    return info.value


def assert_article(source: Source, key: str) -> None:
    """Every sentence of the article is in the text; none of the page's boilerplate is."""
    article = ARTICLES[key]
    text = " ".join(source.raw.split())
    for paragraph in article["paragraphs"]:  # type: ignore[attr-defined]
        for sentence in sentences(paragraph):
            assert sentence in text, (source.path, sentence)
    for debris in BOILERPLATE:
        assert debris.lower() not in text.lower(), (source.path, debris)
    assert source.title == article["title"]
    assert source.author == article["author"]
    assert source.date == article["date"]
    assert source.label == article["site"]


# --- pages served over HTTP -------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(PAGES))
def test_every_layout_of_every_article_reads_as_the_article_alone(
    server: Server, cache: Path, key: str
) -> None:
    for path in PAGES[key]:
        source = read(server, path, cache)
        assert_article(source, key)
        assert source.url == server.url(path) and source.path == server.url(path)
        assert source.warnings == ()
        assert "\n\n" in source.raw  # paragraphs stay apart for segmentation


def test_charset_declared_only_in_a_meta_tag(server: Server, cache: Path) -> None:
    source = read(server, "/herald/bridge", cache)  # ISO-8859-1 in <meta>, cp1252 quotes
    assert "\u201cIt folded like paper,\u201d said Andr\u00e9 Lemaire" in source.raw
    assert "caf\u00e9" in source.raw and source.warnings == ()


def test_charset_named_only_in_the_content_type_header(server: Server, cache: Path) -> None:
    assert "\u20ac4.5 million" in read(server, "/wire/bridge", cache).raw
    # the same bytes without the header: no declaration anywhere, so a guess with a warning
    guessed = read(server, "/wire/bridge-no-charset", cache)
    assert "\u20ac4.5" not in guessed.raw and "\u00a44.5 million" in guessed.raw
    assert guessed.warnings and "not valid UTF-8" in guessed.warnings[0]


def test_gzip_page_is_inflated(server: Server, cache: Path) -> None:
    assert_article(read(server, "/gzip/courier", cache), "courier")


def test_a_page_that_names_no_site_is_shown_under_its_host(server: Server, cache: Path) -> None:
    source = read(server, "/bare/ferry", cache)
    assert source.label == "127.0.0.1" and source.title == "Ferry service resumes"
    assert source.author is None and source.date is None
    assert "carrying 240 passengers" in source.raw and "Home" not in source.raw


def test_plain_text_page_is_read_as_text(server: Server, cache: Path) -> None:
    source = read(server, "/plain/inspections.txt", cache)
    assert source.raw.startswith("Bridge inspections ordered\n\n")
    assert source.label == "127.0.0.1" and source.title is None


def test_redirects_are_followed_to_the_final_address(server: Server, cache: Path) -> None:
    source = read(server, "/go/courier", cache)
    assert_article(source, "courier")
    assert source.url == server.url("/courier/bridge") and source.path == server.url("/go/courier")
    chained = read(server, "/go/chain-1", cache)  # 302 then a relative 307
    assert chained.url == server.url("/herald/bridge")
    assert_article(chained, "herald")


@pytest.mark.parametrize(
    ("path", "needle"),
    [
        ("/go/loop-a", "redirect loop"),
        ("/go/far-0", "too many redirects"),
        ("/go/ftp", "only http and https"),
        ("/go/nowhere", "without a Location"),
        ("/gone", "HTTP error 404"),
        ("/broken", "HTTP error 500"),
        ("/report.pdf", "not a web page or text (application/pdf)"),
        ("/photo.png", "not a web page or text (image/png)"),
        ("/untyped.pdf", "not a web page or text"),
        ("/js-app", "no article text found"),
        ("/huge", "page too large"),
        ("/huge-streamed", "page too large"),
        ("/gzip-bomb", "page too large"),
    ],
)
def test_every_bad_answer_is_one_line_naming_the_address(
    server: Server, cache: Path, path: str, needle: str
) -> None:
    err = failure(server, path, cache)
    assert needle in err.problem
    assert not any(cache.glob("*.body")) or path == "/js-app"  # failures are not cached


def test_redirect_loop_names_the_chain(server: Server, cache: Path) -> None:
    problem = failure(server, "/go/loop-a", cache).problem
    assert "/go/loop-a -> " in problem and "/go/loop-b -> " in problem


def test_a_gzip_bomb_is_refused_without_inflating_it(server: Server) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match="page too large"):
        fetch(server.url("/gzip-bomb"), max_bytes=1024 * 1024)
    assert time.perf_counter() - start < 5


def test_unreachable_host(cache: Path) -> None:
    url = f"http://127.0.0.1:{closed_port()}/article"
    with pytest.raises(InputError, match="cannot reach the host") as info:
        read_url(url, cache=cache)
    assert info.value.path == url


def test_no_answer_in_time(server: Server) -> None:
    start = time.perf_counter()
    with pytest.raises(InputError, match="timed out"):
        fetch(server.url("/slow"), timeout=0.5)
    with pytest.raises(InputError, match="timed out"):
        fetch(server.url("/drip"), timeout=1.0)  # a byte now and then never ends the page
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    "url", ["ftp://example.com/a.html", "file:///etc/passwd", "http:///x", "http://[::1"]
)
def test_addresses_that_are_not_http_are_refused(url: str, cache: Path) -> None:
    with pytest.raises(InputError) as info:
        read_url(url, cache=cache)
    assert info.value.path == url


# --- several addresses at once, and the cache --------------------------------------------


def test_some_addresses_fail_the_rest_are_read(server: Server, cache: Path) -> None:
    inputs = [server.url(p) for p in ("/courier/bridge", "/gone", "/herald/bridge", "/go/ftp")]
    seen: list[tuple[int, int, str]] = []
    loaded = load_inputs(inputs, cache=cache, progress=lambda *a: seen.append(a))
    assert [s.label for s in loaded.sources] == ["Northern Courier", "Vellmark Herald"]
    assert [f.path for f in loaded.failures] == [inputs[1], inputs[3]]
    assert seen == [(n + 1, 4, url) for n, url in enumerate(inputs)]


def test_urls_files_and_folders_mix_in_the_order_given(
    server: Server, cache: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "b.txt").write_text("A headline\n\nThe bridge fell. Four died.\n", encoding="utf-8")
    url = server.url("/courier/bridge")
    loaded = load_inputs([url, str(folder), WEB / "herald-legacy.html", url], cache=cache)
    assert [s.name for s in loaded.sources] == [url, "b.txt", "herald-legacy.html"]
    assert loaded.failures == []


def test_cache_serves_pages_when_the_server_is_gone(cache: Path) -> None:
    with serve() as running:
        urls = [running.url(PAGES[key][0]) for key in sorted(PAGES)]
        first = load_inputs(urls, cache=cache).sources
        assert len(running.requests) == 3
    again = load_inputs(urls, cache=cache)  # the server is stopped: only the cache can answer
    assert again.failures == [] and again.sources == first
    refreshed = load_inputs(urls, cache=cache, refresh=True)  # --refresh really fetches
    assert refreshed.sources == [] and all("cannot reach" in f.problem for f in refreshed.failures)


def test_refresh_fetches_again_and_replaces_the_entry(server: Server, cache: Path) -> None:
    url = server.url("/courier/bridge")
    get_page(url, cache=cache)
    before = len(server.requests)
    assert get_page(url, cache=cache).from_cache
    assert not get_page(url, cache=cache, refresh=True).from_cache
    assert len(server.requests) == before + 1


def test_cache_entry_is_bytes_and_json_never_a_pickle(server: Server, cache: Path) -> None:
    url = server.url("/wire/bridge")
    page = get_page(url, cache=cache)
    bodies, sidecars = list(cache.glob("*.body")), list(cache.glob("*.json"))
    assert len(bodies) == len(sidecars) == 1 and not list(cache.glob(".*"))  # no temp files
    assert bodies[0].read_bytes() == page.body
    meta = json.loads(sidecars[0].read_text(encoding="utf-8"))
    assert meta["url"] == url and meta["charset"] == "iso-8859-15"
    assert meta["content_type"] == "text/html" and meta["size"] == len(page.body)


def test_a_damaged_cache_entry_is_fetched_again(server: Server, cache: Path) -> None:
    url = server.url("/herald/bridge")
    get_page(url, cache=cache)
    (body,) = cache.glob("*.body")
    body.write_bytes(b"<html>tampered</html>")
    assert read_cached(cache, url) is None  # the hash no longer matches
    (sidecar,) = cache.glob("*.json")
    sidecar.write_text("not json", encoding="utf-8")
    assert read_cached(cache, url) is None
    assert_article(read_url(url, cache=cache), "herald")


def test_cache_folder_follows_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("IDLIB_READ_CACHE", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "idlib-read"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    assert cache_dir() == tmp_path / ".cache" / "idlib-read"
    monkeypatch.setattr("sys.platform", "darwin")
    assert cache_dir() == tmp_path / "Library" / "Caches" / "idlib-read"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert cache_dir() == tmp_path / "local" / "idlib-read" / "Cache"
    monkeypatch.setenv("IDLIB_READ_CACHE", str(tmp_path / "mine"))
    assert cache_dir() == tmp_path / "mine"


def test_an_unwritable_cache_does_not_stop_reading(server: Server, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert_article(read_url(server.url("/courier/bridge"), cache=blocker / "cache"), "courier")


# --- saved pages (files) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("courier-modern.html", "courier"),
        ("courier-legacy.html", "courier"),
        ("herald-modern.html", "herald"),
        ("herald-legacy.html", "herald"),
        ("wire-legacy.html", "wire"),
    ],
)
def test_saved_pages_are_extracted_like_fetched_ones(name: str, key: str) -> None:
    (source,) = load_sources([WEB / name])
    assert_article(source, key)
    assert source.warnings == ()
    assert source.name == name and source.id == name.removesuffix(".html")


def test_saved_page_gives_its_own_address_when_it_has_one() -> None:
    (source,) = load_sources([WEB / "courier-modern.html"])
    assert source.url == "https://www.northern-courier.example/" + str(ARTICLES["courier"]["path"])


def test_manifest_wins_over_the_page(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_bytes((WEB / "courier-legacy.html").read_bytes())
    (tmp_path / "manifest.yaml").write_text(
        "articles:\n  - file: p.html\n    label: The Courier\n    date: 2024-04-17\n",
        encoding="utf-8",
    )
    (source,) = load_sources([tmp_path / "p.html"])
    assert (source.label, source.date, source.author) == ("The Courier", "2024-04-17", "Anna Kerr")


# --- decoding rules on pages of our own ----------------------------------------------


def test_header_charset_beats_the_meta_and_a_bom_beats_both() -> None:
    data = '<meta charset="utf-8"><p>caf\u00e9</p>'.encode("cp1252")
    assert "caf\u00e9" in decode_html(data, "p", "windows-1252")[0]
    bom = b"\xef\xbb\xbf" + '<meta charset="iso-8859-1"><p>caf\u00e9</p>'.encode()
    assert decode_html(bom, "p", "iso-8859-1") == (
        '<meta charset="iso-8859-1"><p>caf\u00e9</p>',
        (),
    )


def test_latin1_label_is_read_as_windows_1252_like_browsers_do() -> None:
    data = b"<meta http-equiv='Content-Type' content='text/html; charset=latin1'>\x93q\x94 \xe9"
    text, warnings = decode_html(data, "p")
    assert text.endswith("\u201cq\u201d \u00e9") and warnings == ()


def test_unknown_or_wrong_declarations_fall_back_with_a_warning() -> None:
    assert decode_html(b"<meta charset='klingon'><p>plain</p>", "p")[1] == ()
    text, warnings = decode_html("<p>\u00e9t\u00e9</p>".encode("latin-1"), "p", "utf-8")
    assert "\ufffd" in text and "not valid utf-8 as declared" in warnings[0]


# --- paragraphs made of <br><br> ------------------------------------------------------


def paragraphs_of(fragment: str) -> list[str]:
    import lxml.html

    from align.extract import breaks_to_paragraphs

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    breaks_to_paragraphs(root)
    return [lxml.html.tostring(child, encoding="unicode") for child in root.iter("p")]


def test_double_breaks_become_paragraphs_single_breaks_stay() -> None:
    html = (
        "First <b>bold</b> part.<br>same paragraph.<br><br>\n<br>Second, "
        '<a href="/x">link</a> inside.<br /> <br/>Third.'
    )
    assert paragraphs_of(html) == [
        "<p>First <b>bold</b> part.<br>same paragraph.</p>",
        '<p>Second, <a href="/x">link</a> inside.</p>',
        "<p>Third.</p>",
    ]


def test_blocks_among_the_breaks_keep_their_place() -> None:
    html = "One.<br><br><div><p>Inside a block.</p></div>Two.<br><br>Three."
    assert paragraphs_of(html) == [
        "<p>One.</p>",
        "<p>Inside a block.</p>",
        "<p>Two.</p>",
        "<p>Three.</p>",
    ]


def test_text_without_double_breaks_is_untouched() -> None:
    assert paragraphs_of("<p>Only<br>one paragraph.</p>") == ["<p>Only<br>one paragraph.</p>"]


def test_a_page_of_br_paragraphs_is_read_paragraph_by_paragraph(tmp_path: Path) -> None:
    body = "<br><br>\n".join(
        f"Paragraph {n} of the flood report says the river rose by {n} metres overnight."
        for n in range(1, 6)
    )
    page = (
        "<html><body><div class='nav'><a href='/'>Home</a> | <a href='/news'>News</a></div>"
        f"<table><tr><td><font size='2'>{body}</font></td></tr></table></body></html>"
    )
    (tmp_path / "old.html").write_text(page, encoding="utf-8")
    (source,) = load_sources([tmp_path / "old.html"])
    assert source.raw.split("\n\n") == [
        f"Paragraph {n} of the flood report says the river rose by {n} metres overnight."
        for n in range(1, 6)
    ]
