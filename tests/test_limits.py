"""Input limits: what cannot be aligned within 500 MB is refused before the work,
in one line naming the file and the limit (exit status 2 on the command line)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from align import InputError, build, load_sources
from align.clean import clean
from align.ingest import MAX_BYTES
from align.pipeline import MAX_PAIRS, MAX_SENTENCES, build_from_sources

STORY = "The river rose by {n} metres overnight in the town of Wexley. Officials closed the bridge."


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_files_together_over_the_limit_are_refused_naming_the_file_that_passes_it(
    tmp_path: Path,
) -> None:
    for k in range(3):
        write(tmp_path, f"part{k}.txt", "x " * (MAX_BYTES // 5))  # 0.4 of the limit each
    with pytest.raises(InputError) as caught:
        load_sources([tmp_path])
    assert caught.value.path.endswith("part2.txt")
    assert "3 MiB" in str(caught.value)


def test_files_under_the_limit_are_read(tmp_path: Path) -> None:
    a = write(tmp_path, "a.txt", STORY.format(n=2))
    b = write(tmp_path, "b.txt", STORY.format(n=3))
    assert len(load_sources([a, b])) == 2


def test_too_many_sentence_pairs_are_refused_before_grouping(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    long = " ".join(f"Officials counted {k} boats on the river today." for k in range(40))
    a = write(tmp_path, "long.txt", long)
    b = write(tmp_path, "short.txt", STORY.format(n=2))
    monkeypatch.setattr("align.pipeline.MAX_PAIRS", 30)
    with pytest.raises(InputError) as caught:
        build([a, b])
    assert caught.value.path.endswith("long.txt")
    assert "30 pairs" in str(caught.value)
    monkeypatch.setattr("align.pipeline.MAX_PAIRS", MAX_PAIRS)
    assert len(build([a, b]).articles) == 2


def test_too_many_sentences_are_refused_before_grouping(tmp_path: Path) -> None:
    """Short distinct sentences fill memory fastest: a 3 MB article of 35,000 of them
    peaked at 515 MB. The limit is counted in sentences, after cleaning."""
    many = "\n\n".join(f"Boat {k} sank." for k in range(MAX_SENTENCES + 1))
    a = write(tmp_path, "many.txt", "Boats\n\n" + many)
    b = write(tmp_path, "short.txt", STORY.format(n=2))
    assert a.stat().st_size < MAX_BYTES
    with pytest.raises(InputError) as caught:
        build([a, b])
    assert caught.value.path.endswith("many.txt")
    assert f"the limit is {MAX_SENTENCES:,} in all" in str(caught.value)


def test_the_command_refuses_a_large_input_in_one_line(tmp_path: Path) -> None:
    big = write(tmp_path, "big.txt", "word " * (MAX_BYTES // 5 + 10))
    small = write(tmp_path, "small.txt", STORY.format(n=2))
    code = "import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))"
    proc = subprocess.run(
        [sys.executable, "-c", code, "export", str(small), str(big)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "big.txt" in lines[0] and "3 MiB" in lines[0], proc.stderr


def large_article(paragraphs: int) -> str:
    """An article of many distinct paragraphs (about 150 bytes each)."""
    body = "\n\n".join(
        f"Officials in district {n} said {n % 90 + 3} people were hurt on the road to town {n}."
        for n in range(paragraphs)
    )
    return "A long report\n\n" + body + "\n"


def test_cleaning_a_large_article_reports_progress_within_it() -> None:
    heard: list[float] = []
    clean(large_article(2_000), heard.append)
    assert len(heard) >= 5 and heard == sorted(heard) and heard[0] > 0 and heard[-1] < 1


def test_a_stop_raised_by_progress_stops_a_large_article_mid_way(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(large_article(6_000), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Short\n\nOfficials said 12 people were hurt.\n", encoding="utf-8")
    heard: list[tuple[str, float]] = []

    class Stop(Exception):
        pass

    def progress(stage: str, fraction: float) -> None:
        heard.append((stage, fraction))
        if len(heard) == 3:
            raise Stop

    with pytest.raises(Stop):
        build_from_sources(load_sources([big, small]), progress)
    # the third report came from inside the first (large) article's cleaning
    assert [stage for stage, _ in heard] == ["cleaning"] * 3 and heard[-1][1] < 0.5
