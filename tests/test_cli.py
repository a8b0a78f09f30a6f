"""The command line: error cases, export formats, and what gets imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from align import bundled_seeds
from tui.cli import main

PLAIN = "A headline\n\nThe council approved 12 new parks on Monday. Work starts in May.\n"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real console entry point in a fresh interpreter."""
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def two_articles(tmp_path: Path) -> list[str]:
    a = tmp_path / "a.txt"
    b = tmp_path / "b.txt"
    a.write_text(PLAIN, encoding="utf-8")
    b.write_text(PLAIN.replace("12", "13"), encoding="utf-8")
    return [str(a), str(b)]


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    for needle in needles:
        assert needle in lines[0]


def test_missing_file(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    missing = str(tmp_path / "nope.txt")
    assert_one_line_error(run_cli("export", a, missing), "nope.txt")


def test_empty_file(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert_one_line_error(run_cli("export", a, str(empty)), "empty.txt", "empty")


def test_binary_file(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"abc\x00def")
    assert_one_line_error(run_cli("export", a, str(binary)), "bin.txt")


def test_directory_without_articles(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    (empty_dir / "notes.pdf").write_bytes(b"%PDF")
    assert_one_line_error(run_cli("export", a, str(empty_dir)), "nothing")


def test_fewer_than_two_articles(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    assert_one_line_error(run_cli("export", a), "a.txt", "two")


def test_reader_reports_input_errors_before_the_screen(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    proc = run_cli(a)  # one article: rejected before Textual starts
    assert_one_line_error(proc, "two")


def test_usage_error_is_one_line(tmp_path: Path) -> None:
    proc = run_cli("export", "--format", "xml")
    assert_one_line_error(proc, "--format")


def test_non_utf8_is_read_with_a_warning(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Erdo\xf0an met Putin for 6 hours.\n".encode("latin-1"))
    proc = run_cli("export", a, str(latin))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert any("latin.txt" in w for w in doc.get("warnings", []))


def test_export_json_shape_on_seeds() -> None:
    proc = run_cli("export")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["format"] == "idlib-read/alignment"
    assert doc["version"] == 2
    assert len(doc["articles"]) == 5
    ids = {a["id"] for a in doc["articles"]}
    seen: set[tuple[str, int]] = set()
    for group in doc["groups"]:
        assert {"id", "members", "divergences"} <= group.keys()
        for m in group["members"]:
            assert m["article"] in ids
            seen.add((m["article"], m["sentence"]))
        for d in group["divergences"]:
            assert d["kind"] in {"number", "wording", "quote"}
            assert {"article", "sentence", "start", "end", "text", "detail"} <= d.keys()
    total = sum(len(a["sentences"]) for a in doc["articles"])
    assert len(seen) == total  # every sentence is in a group


def test_export_offsets_point_into_the_source_file() -> None:
    doc = json.loads(run_cli("export").stdout)
    for art in doc["articles"]:
        raw = Path(art["source"]).read_text(encoding="utf-8-sig")
        for d in art["dropped"]:
            assert raw[d["start"] : d["end"]] == d["text"]
        for s in art["sentences"]:
            assert raw[s["start"] : s["end"]].startswith(s["text"][:1])


def test_export_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# idlib-read alignment report")
    assert "The Washington Post" in out
    assert "Numeric claims" in out


def assert_no_ui_imports(body: str) -> None:
    """Run ``body`` in a fresh interpreter, then check Textual and Rich were never imported."""
    check = "\nbad = [m for m in ('textual', 'rich') if m in sys.modules]\nassert not bad, bad\n"
    proc = subprocess.run(
        [sys.executable, "-c", "import sys\n" + body + check], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_export_does_not_import_textual() -> None:
    assert_no_ui_imports(
        "import io, contextlib\n"
        "from tui.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    assert main(['export']) == 0\n"
    )


def test_align_imports_neither_textual_nor_rich() -> None:
    assert_no_ui_imports(
        "import pkgutil, importlib, align\n"
        "for m in pkgutil.iter_modules(align.__path__):\n"
        "    importlib.import_module('align.' + m.name)\n"
    )


def test_help_and_version() -> None:
    proc = run_cli("--help")
    assert proc.returncode == 0 and "export" in proc.stdout
    proc = run_cli("--version")
    assert proc.returncode == 0 and proc.stdout.startswith("idlib-read ")
    proc = run_cli("export", "--help")
    assert proc.returncode == 0 and "--format" in proc.stdout


def test_export_with_broken_annotations_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nannotations: [\n", encoding="utf-8")
    before = bad.read_bytes()
    proc = run_cli("export", "--annotations", str(bad))
    assert_one_line_error(proc, "bad.yaml", "line")
    assert proc.stderr.count("bad.yaml") == 1
    assert bad.read_bytes() == before


def test_export_includes_annotations(tmp_path: Path) -> None:
    from align import build, bundled_seeds
    from align.annotations import Annotation, AnnotationStore

    path = tmp_path / "notes.yaml"
    alignment = build([bundled_seeds()])
    store = AnnotationStore.open(path)
    group = alignment.groups[0]
    anchors = store.anchors_for(alignment, group)
    store.upsert(Annotation.new(anchors, note="Check the start time", tags=("conflict",)))
    assert store.save().ok
    doc = json.loads(run_cli("export", "--annotations", str(path)).stdout)
    assert [a["note"] for a in doc["annotations"]] == ["Check the start time"]
    assert doc["annotations"][0]["group"] == group.id
    md = run_cli("export", "--format", "markdown", "--annotations", str(path)).stdout
    assert "Check the start time" in md


def test_export_warns_on_stderr_for_fallback_decoding(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Erdo\xf0an met Putin for 6 hours.\n".encode("latin-1"))
    proc = run_cli("export", "--format", "markdown", a, str(latin))
    assert proc.returncode == 0
    assert "warning" in proc.stderr and "latin.txt" in proc.stderr


def test_export_missing_annotations_file_is_an_error(tmp_path: Path) -> None:
    proc = run_cli("export", "--annotations", str(tmp_path / "typo.yaml"))
    assert_one_line_error(proc, "typo.yaml", "no such")


def test_markdown_export_carries_no_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "esc"
    folder.mkdir()
    (folder / "evil\x1b[31mred\x1b]0;pwned\x07.txt").write_text(PLAIN, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN.replace("12", "13"), encoding="utf-8")
    proc = run_cli("export", "--format", "markdown", str(folder))
    assert proc.returncode == 0, proc.stderr
    assert not any(ord(c) < 32 and c not in "\n" for c in proc.stdout)


def test_file_names_that_are_not_utf8_still_give_valid_json(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(PLAIN, encoding="utf-8")
    (folder / "plain.txt").write_text(PLAIN.replace("12", "13"), encoding="utf-8")
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "export", str(folder)],
        capture_output=True,
        timeout=60,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:strict"},
    )
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout.decode("utf-8"))
    assert any("\ufffd" in a["source"] for a in doc["articles"])


def test_a_manifest_named_as_an_article_is_refused(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    manifest = str(bundled_seeds() / "manifest.yaml")
    for command in (("export",), ()):
        assert_one_line_error(run_cli(*command, manifest, a), "manifest.yaml", "not an article")


def test_the_same_file_twice_names_the_duplicate(tmp_path: Path) -> None:
    a, _ = two_articles(tmp_path)
    proc = run_cli("export", a, a)
    assert_one_line_error(proc, "a.txt", "given twice", str(Path(a).resolve()))
    assert "at least two" not in proc.stderr


def test_export_of_a_few_articles_does_not_import_numpy() -> None:
    """A small input is grouped in plain Python (align.grouping.small): numpy's import, a
    quarter of the seeds' export, is left out."""
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import contextlib, io, sys\n"
            "from tui.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    assert main(['export']) == 0\n"
            "assert 'numpy' not in sys.modules\n",
        ],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
