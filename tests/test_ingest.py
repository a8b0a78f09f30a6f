"""Ingest: reading files and folders, decoding, HTML, manifests, and every input error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from align import InputError, Source, bundled_seeds, load_sources
from align.ingest import MAX_BYTES, is_url, readable, slug

PROSE = "A headline\n\nThe council approved 12 new parks on Monday. Work starts in May.\n"


def write(folder: Path, name: str, text: str = PROSE) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def one(path: Path) -> Source:
    (source,) = load_sources([path])
    return source


def error(paths: list[Path | str]) -> InputError:
    with pytest.raises(InputError) as info:
        load_sources(paths)
    assert "\n" not in str(info.value)
    return info.value


# --- files and folders ---------------------------------------------------------------


def test_reads_txt_and_md_with_derived_metadata(tmp_path: Path) -> None:
    a = one(write(tmp_path, "the_hill-report.txt"))
    b = one(write(tmp_path, "Reuters Wire.md"))
    assert a.raw == PROSE and a.name == "the_hill-report.txt" and a.path.endswith(a.name)
    assert (a.id, a.label, a.title, a.date) == ("the-hill-report", "The Hill Report", None, None)
    assert (b.id, b.label) == ("reuters-wire", "Reuters Wire")


def test_folder_reads_article_files_sorted_by_name_not_recursively(tmp_path: Path) -> None:
    for name in ("b.md", "a.txt", "c.html", ".hidden.txt", "notes.pdf", "data.json"):
        write(tmp_path, name, PAGE if name.endswith("html") else PROSE)
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.txt")
    assert [s.name for s in load_sources([tmp_path])] == ["a.txt", "b.md", "c.html"]


def test_a_file_given_twice_is_named(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt")
    err = error([a, str(a)])
    assert err.path == str(a) and "given twice" in err.problem
    assert str(a.resolve()) in err.problem


def test_a_file_also_reached_through_its_folder_or_a_link_is_named(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt")
    write(tmp_path, "b.txt")
    err = error([a, tmp_path])
    assert "given twice" in err.problem and str(a) in err.problem
    link = tmp_path / "elsewhere"
    link.mkdir()
    (link / "same.txt").symlink_to(a)
    err = error([link / "same.txt", a])
    assert err.path == str(a) and str(a.resolve()) in err.problem
    assert str(link / "same.txt") in err.problem


@pytest.mark.parametrize(
    "name", ["manifest.yaml", "notes.yml", "data.json", "report.pdf", "README"]
)
def test_a_named_file_that_is_not_an_article_is_refused(tmp_path: Path, name: str) -> None:
    other = write(tmp_path, name, "articles:\n  - file: a.txt\n")
    err = error([write(tmp_path, "a.txt"), other])
    assert err.path == str(other) and "not an article" in err.problem


@pytest.mark.parametrize("name", ["a.TXT", "b.text", "c.Markdown", "d.md", "e.HTM"])
def test_article_suffixes_in_any_case_are_read(tmp_path: Path, name: str) -> None:
    html = "<html><body><h1>A headline</h1><p>The council approved 12 parks.</p></body></html>"
    text = html if name.lower().endswith(".htm") else PROSE
    assert one(write(tmp_path, name, text)).name == name


def test_clashing_ids_get_suffixes(tmp_path: Path) -> None:
    for name in ("a-b.txt", "a_b.txt", "A B.md"):
        write(tmp_path, name)
    assert [s.id for s in load_sources([tmp_path])] == ["a-b", "a-b-2", "a-b-3"]


def test_slug_and_label_of_odd_names() -> None:
    assert slug("!!!") == "article"
    assert slug("000_36539eb3ef88613a") == "000-36539eb3ef88613a"
    assert readable("BBC_News") == "BBC News"
    assert readable("new_york_times") == "New York Times"
    assert readable("france24") == "France24"
    assert readable("002_a643edde7f0e09fd") == "002 a643edde7f0e09fd"  # a hash stays


def test_bundled_seeds_folder_has_a_manifest_and_five_articles() -> None:
    folder = bundled_seeds()
    assert (folder / "manifest.yaml").is_file()
    sources = load_sources([folder])
    assert [s.id for s in sources] == ["hill", "upi", "wapo", "moscowtimes", "aljazeera"]
    assert all(s.title and s.date == "2020-03-05" and not s.warnings for s in sources)


# --- decoding ------------------------------------------------------------------------


def test_utf8_bom_is_removed_and_offsets_start_after_it(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfCaf\xc3\xa9 opens. It is new.")
    source = one(path)
    assert source.raw == "Café opens. It is new." and source.warnings == ()


def test_crlf_is_kept_exactly(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Title\r\n\r\nFirst line.\r\nSecond line.\r\n")
    assert one(path).raw == "Title\r\n\r\nFirst line.\r\nSecond line.\r\n"


def test_cp1252_is_decoded_with_a_warning_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(b"The caf\xe9 said \x93we are open\x94 on Monday.")
    source = one(path)
    assert source.raw == "The café said “we are open” on Monday."
    assert len(source.warnings) == 1 and "legacy.txt" in source.warnings[0]
    assert "cp1252" in source.warnings[0]


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Odd byte \x81 here, and caf\xe9.")
    source = one(path)
    assert source.raw == "Odd byte \x81 here, and café."
    assert "latin-1" in source.warnings[0] and "odd.txt" in source.warnings[0]


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("Wide text. It works.".encode("utf-16"))
    assert one(path).raw == "Wide text. It works."


# --- HTML ----------------------------------------------------------------------------

PAGE = """<!DOCTYPE html><html><head><title>Ignored</title>
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><h1>Floods &amp; storms</h1><div>First   paragraph of the report
spans lines and says the river rose by two metres overnight.</div>
<p>Second &quot;quoted&quot; paragraph about the rescue.<br>After a break, more.</p>
<noscript>enable js</noscript></body></html>"""


def test_html_article_is_extracted_as_paragraphs_of_text(tmp_path: Path) -> None:
    for name in ("page.html", "page.htm"):
        source = one(write(tmp_path, name, PAGE))
        assert source.raw == (
            "Floods & storms\n\nFirst paragraph of the report spans lines and says the river "
            'rose by two metres overnight.\n\nSecond "quoted" paragraph about the rescue.\n'
            "After a break, more."
        )
        assert source.title == "Floods & storms"


def test_html_is_recognised_by_content_too(tmp_path: Path) -> None:
    raw = one(write(tmp_path, "saved.txt", "\n  " + PAGE)).raw
    assert "color" not in raw and "not text" not in raw and "Floods & storms" in raw
    assert "enable js" not in raw


def test_what_counts_as_a_web_address() -> None:
    assert is_url("https://example.com/a") and is_url("HTTP://x.org") and is_url("ftp://x/y")
    assert not is_url("notes/https.txt") and not is_url("C:\\news\\a.html")
    assert not is_url(Path("http://x")) and not is_url("1://x") and not is_url("://x")


# --- errors --------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    err = error([tmp_path / "nope.txt"])
    assert err.path.endswith("nope.txt") and "no such file" in err.problem


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path, "notes.pdf", "%PDF")
    write(tmp_path, ".hidden.txt")
    err = error([tmp_path])
    assert err.path == str(tmp_path) and "no .txt, .md or .html" in err.problem


def test_nul_bytes_mean_binary(tmp_path: Path) -> None:
    path = tmp_path / "bin.txt"
    path.write_bytes(b"abc\x00def")
    err = error([path])
    assert err.path.endswith("bin.txt") and "binary" in err.problem


@pytest.mark.parametrize("content", ["", "   \n\t\r\n  ", "\ufeff"])
def test_empty_or_blank_file(tmp_path: Path, content: str) -> None:
    path = write(tmp_path, "empty.txt", content)
    err = error([path])
    assert err.path.endswith("empty.txt") and "empty" in err.problem


def test_html_without_an_article_is_an_error(tmp_path: Path) -> None:
    err = error([write(tmp_path, "blank.html", "<html><script>x()</script></html>")])
    assert err.path.endswith("blank.html") and "no article text" in err.problem


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "secret.txt")

    def denied(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    err = error([path])
    assert err.path.endswith("secret.txt") and "permission denied" in err.problem


# --- manifest ------------------------------------------------------------------------

MANIFEST = """version: 1
articles:
  - file: a.txt
    id: wire
    label: The Wire
    title: Parks approved
    date: 2021-06-14
  - file: gone.txt
    id: gone
"""


def test_manifest_supplies_metadata_and_others_are_derived(tmp_path: Path) -> None:
    write(tmp_path, "manifest.yaml", MANIFEST)
    write(tmp_path, "a.txt")
    write(tmp_path, "b_side.txt")
    a, b = load_sources([tmp_path])
    assert (a.id, a.label, a.title, a.date) == ("wire", "The Wire", "Parks approved", "2021-06-14")
    assert (b.id, b.label, b.title) == ("b-side", "B Side", None)


def test_manifest_applies_to_a_file_given_alone(tmp_path: Path) -> None:
    write(tmp_path, "manifest.yaml", MANIFEST)
    assert one(write(tmp_path, "a.txt")).label == "The Wire"


def test_manifest_ids_that_clash_are_suffixed(tmp_path: Path) -> None:
    write(tmp_path, "manifest.yaml", "articles:\n  - file: a.txt\n    id: b\n")
    write(tmp_path, "a.txt")
    write(tmp_path, "b.txt")
    assert [s.id for s in load_sources([tmp_path])] == ["b", "b-2"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("articles:\n  - file: a.txt\n    label: [unclosed\n", "line 4"),
        ("articles:\n  - file: a.txt\n\tid: tab\n", "line 3"),
        ("version: 1\narticles: a.txt\n", "line 2"),
        ("- just\n- a list\n", "line 1"),
        ("articles:\n  - file: a.txt\n  - label: no file\n", "line 3"),
        ("articles:\n  - file: a.txt\n  - file: a.txt\n", "line 3"),
        ("articles:\n  - file: a.txt\n    title: {a: 1}\n", "line 2"),
    ],
)
def test_invalid_manifest_names_the_manifest_and_the_line(
    tmp_path: Path, text: str, line: str
) -> None:
    write(tmp_path, "manifest.yaml", text)
    write(tmp_path, "a.txt")
    err = error([tmp_path])
    assert err.path.endswith("manifest.yaml") and line in err.problem


def test_manifest_is_never_loaded_unsafely(tmp_path: Path) -> None:
    write(tmp_path, "manifest.yaml", 'articles: !!python/object/apply:os.system ["echo pwned"]\n')
    write(tmp_path, "a.txt")
    err = error([tmp_path])
    assert err.path.endswith("manifest.yaml") and "line 1" in err.problem


def test_a_fifo_is_refused_not_read_forever(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        load_sources([fifo])


def test_a_huge_file_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no time or disk spent
    with pytest.raises(InputError, match="too large"):
        load_sources([huge])
