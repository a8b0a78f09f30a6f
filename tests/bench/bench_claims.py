"""Benchmark the claims: extracting every figure and comparing them across the story.

    python tests/bench/bench_claims.py                # 100 articles x 50 sentences
    python tests/bench/bench_claims.py --articles 200 --repeat 5

Articles are the synthetic set of ``synth.py`` (seed sentences shuffled, figures
nudged), cleaned and segmented before timing. The figure is the best of
``--repeat`` runs of ``figures.read_figures`` (each distinct sentence read once)
plus ``ledger.build_ledger`` over the whole set. Also times the
whole ``idlib-read export`` of the seeds, and hostile input: a 10,000-digit
number and an article of 100,000 figures.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import write_corpus

from align import load_sources
from align.figures import read_figures
from align.ledger import build_ledger
from align.model import Article
from align.pipeline import prepare


def claims_time(articles: list[Article], repeat: int) -> tuple[float, int, int]:
    """Best cold time to extract and compare every claim; claims and ledger rows."""
    best, claims, rows = float("inf"), 0, 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        read = read_figures(articles)
        ledger = build_ledger(read, lambda article, sentence: article * 10_000 + sentence)
        best = min(best, time.perf_counter() - t0)
        claims = sum(len(c) for c in ledger.claims.values())
        rows = len(ledger.rows)
    return best, claims, rows


def export_time(repeat: int) -> float:
    """Median wall time of the whole ``idlib-read export`` of the seeds, each in a new
    process (after one run that byte-compiles the modules)."""
    command = [sys.executable, "-m", "tui.cli", "export"]
    subprocess.run(command, check=True, capture_output=True)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def hostile(folder: Path) -> list[tuple[str, float, int]]:
    """Time to read and compare a 10,000-digit number and 100,000 figures in one article."""
    cases = {
        "10,000-digit number": "Officials counted " + "7" * 10_000 + " soldiers killed.",
        "100,000 figures": " ".join(f"{i} soldiers were killed." for i in range(100_000)),
    }
    out = []
    other = folder / "other.txt"
    other.write_text("Report\n\nOfficials said 12 soldiers were killed.\n", encoding="utf-8")
    for name, body in cases.items():
        path = folder / "hostile.txt"
        path.write_text("Report\n\n" + body + "\n", encoding="utf-8")
        articles = [prepare(s) for s in load_sources([path, other])]
        t0 = time.perf_counter()  # unread sentences: the ledger reads up to its cap
        ledger = build_ledger(articles, lambda article, sentence: sentence)
        out.append((name, time.perf_counter() - t0, sum(len(c) for c in ledger.claims.values())))
    return out


def main() -> None:
    # Measure what an installed copy does: pip byte-compiles the modules it
    # installs, so each run reads the compiled code. Some machines set
    # PYTHONDONTWRITEBYTECODE, which would make every run in an editable checkout
    # compile the engine from source again (about 0.2 s of the seeds' export).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--sentences", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp) / "set", args.articles, args.sentences)
        articles = [prepare(s) for s in load_sources(paths)]
        seconds, claims, rows = claims_time(articles, args.repeat)
        sentences = sum(len(a.sentences) for a in articles)
        print(
            f"claims of {args.articles} articles ({sentences} sentences): {seconds:.3f} s "
            f"({claims} claims, {rows} ledger rows)"
        )
        print(f"whole `idlib-read export` of the seeds, median: {export_time(args.repeat):.3f} s")
        for name, secs, found in hostile(Path(tmp)):
            print(f"hostile input, {name}: {secs:.3f} s ({found} claims read)")


if __name__ == "__main__":
    main()
