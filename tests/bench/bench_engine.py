"""Engine benchmark: the figures the README reports.

    python tests/bench/bench_engine.py            # all figures
    python tests/bench/bench_engine.py --quick    # fewer repetitions, sizes 10 and 50

Measures (1) aligning the five seeds in process, (2) the whole
`idlib-read export` command, (3) how cost grows with 10, 50 and 100 synthetic
articles of ~50 sentences, per stage, with peak memory (each size in its own
process, peak resident set size), (4) precision/recall against the gold
alignments in tests/gold/ when the evaluator is present.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import write_corpus  # noqa: E402

from align import build, bundled_seeds, load_sources  # noqa: E402
from align.pipeline import build_from_sources, clear_caches  # noqa: E402


def time_seeds(repeat: int) -> float:
    """Median seconds to build the seeds' alignment in process (files read each time).

    The engine's per-sentence caches are cleared before every run, so no run
    profits from an earlier one: this is what one `build` costs a user.
    """
    build([bundled_seeds()])  # import-time work and first-use costs out of the way
    times = []
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        build([bundled_seeds()])
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def time_align(repeat: int) -> float:
    """Median seconds to align the already-loaded seeds (clean, segment, group, compare).

    Caches cleared before every run, as in ``time_seeds``; reading the files and
    the manifest is left out (``time_seeds`` includes it).
    """
    sources = load_sources([bundled_seeds()])
    build_from_sources(sources)
    times = []
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        build_from_sources(sources)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def time_first_build(repeat: int) -> float:
    """Median seconds of the very first build in a fresh process (imports excluded)."""
    code = (
        "import time, align\n"
        "t = time.perf_counter(); align.build([align.bundled_seeds()])\n"
        "print(time.perf_counter() - t)"
    )
    runs = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, capture_output=True, text=True
            ).stdout
        )
        for _ in range(repeat)
    ]
    return statistics.median(runs)


def time_export(repeat: int) -> float:
    """Median wall seconds of the whole `idlib-read export` command in a fresh process."""
    cmd = [sys.executable, "-m", "tui", "export"]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def stage_times(folder: str) -> dict[str, float]:
    """Run once in this process: seconds per stage (a stage lasts until the next starts)."""
    marks: list[tuple[str, float]] = [("ingest", time.perf_counter())]

    def progress(stage: str, fraction: float) -> None:
        if marks[-1][0] != stage:
            marks.append((stage, time.perf_counter()))

    alignment = build_from_sources(load_sources([folder]), progress)
    end = time.perf_counter()
    out: dict[str, float] = {}
    for (name, a), (_, b) in zip(marks, [*marks[1:], ("end", end)], strict=True):
        out[name] = out.get(name, 0.0) + (b - a)
    out["total"] = end - marks[0][1]
    out["groups"] = len(alignment.groups)
    out["sentences"] = sum(len(a.sentences) for a in alignment.articles)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def scaling(sizes: list[int]) -> list[dict[str, float]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder = Path(tmp) / f"n{n}"
            write_corpus(folder, n)
            proc = subprocess.run(
                [sys.executable, __file__, "--stages", str(folder)],
                check=True,
                capture_output=True,
                text=True,
            )
            row = json.loads(proc.stdout)
            row["articles"] = n
            rows.append(row)
    return rows


def gold_scores() -> list[str]:
    script = HERE / "gold_eval.py"
    if not script.exists():
        return ["(gold evaluator not present)"]
    proc = subprocess.run([sys.executable, str(script), "--all"], capture_output=True, text=True)
    return (proc.stdout or proc.stderr).strip().splitlines()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--stages", metavar="FOLDER", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stage_times(args.stages)))
        return
    repeat = 5 if args.quick else 20
    aligned = time_align(repeat)
    print(
        f"align the 5 seeds in process: {aligned * 1000:.1f} ms (median of {repeat}; target < 50)"
    )
    seeds = time_seeds(repeat)
    print(f"  the same, reading the files and manifest too: {seeds * 1000:.1f} ms")
    first = time_first_build(3 if args.quick else 7)
    print(f"  first build in a fresh process: {first * 1000:.1f} ms (median)")
    export = time_export(3 if args.quick else 7)
    print(f"whole `idlib-read export` run: {export:.3f} s (median; target < 0.5)")
    sizes = [10, 50] if args.quick else [10, 50, 100]
    print("\nscaling (synthetic articles of ~50 sentences; seconds per stage):")
    header = "articles sentences  ingest cleaning aligning comparing   total  peak RSS"
    print(header)
    for r in scaling(sizes):
        print(
            f"{r['articles']:8d} {r['sentences']:9.0f} {r.get('ingest', 0):7.3f} "
            f"{r.get('cleaning', 0):8.3f} {r.get('aligning', 0):8.3f} "
            f"{r.get('comparing', 0):9.3f} {r['total']:7.3f} {r['peak_rss_mb']:6.0f} MB"
        )
    print("\ngold alignment (precision / recall over cross-article sentence pairs):")
    for line in gold_scores():
        print("  " + line)


if __name__ == "__main__":
    main()
