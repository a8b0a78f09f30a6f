"""Engine benchmark: the figures the README reports.

    python tests/bench/bench_engine.py            # all figures
    python tests/bench/bench_engine.py --quick    # fewer repetitions, sizes 10 and 50
    python tests/bench/bench_engine.py --junk     # only the inputs built to be costly

Measures (1) aligning the five seeds in process, (2) the whole
`idlib-read export` of the seeds as a ratio to `python -c "import numpy,
rapidfuzz, yaml"`, measured side by side, where its time goes (the interpreter,
the libraries, the engine's import and its cleaning patterns, the work) and what
it imports, (3) the
whole export of 100 synthetic articles of 50 sentences (time and peak memory),
(4) how cost grows with 10, 50, 100 and 200 synthetic articles and a
wire-reprint set, per stage, each size in its own process, (5) a single 3 MB
and 16 MB article beside the seeds (time and peak memory, or the refusal),
(6) inputs built to be costly: junk that once made the work grow with the
square of its size, and the input that needs the most memory within the limits,
(7) precision/recall against the gold alignments in tests/gold/.

Every command runs in a fresh process; peak memory is that process's peak
resident set size (measured by a small parent, ``--measure``). The machine's
speed (a loop of additions) is printed at the start and the end: on a shared
machine wall times swing with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from synth import (  # noqa: E402
    write_adversarial,
    write_corpus,
    write_distinct,
    write_large,
    write_wire,
)

from align import bundled_seeds, load_sources  # noqa: E402
from align.pipeline import build_from_sources, clear_caches  # noqa: E402

EXPORT = [sys.executable, "-m", "tui", "export"]
# The command a user types: the installed script (no ``runpy``, about 5 ms less
# than ``-m``), when this environment has one.
SCRIPT = Path(sys.executable).with_name("idlib-read")
USER_EXPORT = [str(SCRIPT), "export"] if SCRIPT.exists() else EXPORT
IMPORTS = [sys.executable, "-c", "import numpy, rapidfuzz, yaml"]
# The parts of the seeds' export, each a command of its own (``export_parts``).
PARTS = {
    "the interpreter": [sys.executable, "-c", "pass"],
    "rapidfuzz and yaml": [sys.executable, "-c", "import rapidfuzz, yaml"],
    "and the engine": [sys.executable, "-c", "import align.export, align.pipeline, tui.cli"],
}


def time_align(repeat: int) -> float:
    """Median seconds to align the already-loaded seeds (caches cleared before each run)."""
    sources = load_sources([bundled_seeds()])
    build_from_sources(sources)
    times = []
    for _ in range(repeat):
        clear_caches()
        t0 = time.perf_counter()
        build_from_sources(sources)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def measure(cmd: list[str]) -> dict[str, Any]:
    """Wall seconds, exit status, first stderr line and peak memory (MB) of one command.

    Run through ``--measure`` so the command is the only child of a fresh
    process, whose children's peak resident set size is then the command's.
    """
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", *cmd], check=True, capture_output=True, text=True
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def run_measured(cmd: list[str]) -> None:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    first = (proc.stderr.strip().splitlines() or [""])[0]
    print(json.dumps({"wall": wall, "code": proc.returncode, "stderr": first, "peak_mb": peak}))


def side_by_side(repeat: int) -> tuple[float, float, float]:
    """Median wall seconds of the seeds' ``idlib-read export`` and of importing numpy,
    rapidfuzz and yaml, run alternately so both see the same machine load, and the
    median of the ratios of each pair of runs (steadier when the load drifts)."""
    exports, imports = [], []
    for _ in range(repeat):
        exports.append(_wall(USER_EXPORT))
        imports.append(_wall(IMPORTS))
    ratios = [e / i for e, i in zip(exports, imports, strict=True)]
    return statistics.median(exports), statistics.median(imports), statistics.median(ratios)


def export_parts(repeat: int, export: float, imports: float) -> list[str]:
    """Where the seeds' export spends its time: median wall seconds of starting the
    interpreter, of importing what the engine uses, and of importing the engine too;
    the rest is the work. Compiling the cleaning patterns is timed in this process
    (the engine is imported already: every pattern is compiled afresh)."""
    import re

    import align.clean

    walls: dict[str, list[float]] = {name: [] for name in PARTS}
    for _ in range(repeat):
        for name, cmd in PARTS.items():
            walls[name].append(_wall(cmd))
    start, libraries, engine = (statistics.median(w) for w in walls.values())
    patterns = [p for p in vars(align.clean).values() if isinstance(p, re.Pattern)]
    compiled = []
    for _ in range(repeat):
        re.purge()
        t0 = time.perf_counter()
        for pattern in patterns:
            re.compile(pattern.pattern, pattern.flags)
        compiled.append(time.perf_counter() - t0)
    compile_ = statistics.median(compiled)
    ms = 1000
    return [
        f"the export's parts (medians of {repeat}): interpreter {start * ms:.0f} ms, "
        f"rapidfuzz and yaml {(libraries - start) * ms:.0f} ms, the engine's import "
        f"{(engine - libraries) * ms:.0f} ms (of which compiling the {len(patterns)} "
        f"cleaning patterns {compile_ * ms:.0f} ms), the work {(export - engine) * ms:.0f} ms",
        f"without compiling the cleaning patterns the export would be "
        f"{(export - compile_) / imports:.2f}x the imports",
    ]


def machine_speed() -> float:
    """Seconds for ten million additions in a loop: how fast this machine runs Python
    in this minute (a shared machine's figures swing with it)."""
    t0 = time.perf_counter()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.perf_counter() - t0


def _wall(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - t0


def import_profile(top: int = 6) -> list[str]:
    """The export's slowest imports (cumulative, from ``python -X importtime``)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "export"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        parts = line.split("|")
        if len(parts) == 3 and parts[1].strip().isdigit():
            rows.append((int(parts[1]), parts[2].rstrip()))
    total = sum(c for c, name in rows if not name.startswith("  "))  # top level: one space
    shown = [f"all imports: {total / 1000:.0f} ms"]
    for cumulative, name in sorted(rows, reverse=True)[:top]:
        shown.append(f"{cumulative / 1000:6.1f} ms {name.strip()}")
    return shown


def stage_times(folder: str) -> dict[str, float]:
    """Run once in this process: wall seconds per stage, and peak memory."""
    from align.export import to_json
    from align.facts import also_members
    from align.figures import read_figures
    from align.grouping import group_sentences
    from align.ledger import build_ledger
    from align.model import Alignment, Divergence, Group
    from align.pipeline import prepare, require_bounded, require_two
    from align.wording import input_holders, wording_divergences

    out: dict[str, float] = {}
    cpu = time.process_time()

    def timed(name: str, work: Callable[[], Any]) -> Any:
        t0 = time.perf_counter()
        result = work()
        out[name] = time.perf_counter() - t0
        return result

    sources = timed("ingest", lambda: load_sources([folder]))
    require_two(sources)
    articles = timed("clean/segment", lambda: [prepare(s) for s in sources])
    require_bounded(articles)
    articles = timed("figures", lambda: read_figures(articles))
    drafts = timed("grouping", lambda: group_sentences(articles))
    home = {(m.article, s): g for g, ms in enumerate(drafts) for m in ms for s in m.sentences}
    ledger = timed("numbers", lambda: build_ledger(articles, lambda a, s: home[(a, s)]))
    passages = timed("facts", lambda: also_members(articles, drafts, ledger.rows))

    def compare_wording() -> list[tuple[Divergence, ...]]:
        holders = input_holders(articles)  # read once per input, as the pipeline does
        return [wording_divergences(articles, g, m, holders) for g, m in enumerate(drafts)]

    wording = timed("wording", compare_wording)
    groups = [
        Group(
            g,
            passages[g],
            tuple(
                sorted(
                    (*ledger.divergences.get(g, ()), *w),
                    key=lambda d: (d.article, d.sentence, d.start),
                )
            ),
            ledger.claims.get(g, ()),
        )
        for g, (m, w) in enumerate(zip(drafts, wording, strict=True))
    ]
    alignment = Alignment(tuple(articles), tuple(groups), (), ledger.rows)
    timed("export", lambda: to_json(alignment))
    out["total"] = sum(out.values())
    out["cpu"] = time.process_time() - cpu  # all threads (BLAS may use two)
    out["sentences"] = sum(len(a.sentences) for a in articles)
    out["largest group"] = max(len(m) for m in drafts)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


STAGES = ["clean/segment", "figures", "grouping", "numbers", "facts", "wording", "export"]


def scaling(tmp: Path, sizes: list[int], wire: bool) -> list[dict[str, Any]]:
    cases: list[tuple[str, Path]] = []
    for n in sizes:
        write_corpus(tmp / f"n{n}", n)
        cases.append((str(n), tmp / f"n{n}"))
    if wire:
        write_wire(tmp / "wire")
        cases.append(("wire 50+10", tmp / "wire"))
    rows = []
    for name, folder in cases:
        proc = subprocess.run(
            [sys.executable, __file__, "--stages", str(folder)],
            check=True,
            capture_output=True,
            text=True,
        )
        row = json.loads(proc.stdout)
        row["name"] = name
        rows.append(row)
    return rows


def gold_scores() -> list[str]:
    script = HERE / "gold_eval.py"
    proc = subprocess.run([sys.executable, str(script), "--all"], capture_output=True, text=True)
    return (proc.stdout or proc.stderr).strip().splitlines()


def junk(tmp: Path) -> None:
    """Inputs built to be costly (whole export; time, peak memory, exit status)."""
    print("\njunk that once grew with the square of its size (1 MB per article):")
    for name, paths in write_adversarial(tmp / "junk", 1_000_000).items():
        r = measure([*EXPORT, *map(str, paths)])
        print(f"  {name}: {r['wall']:.2f} s, peak {r['peak_mb']:.0f} MB, exit {r['code']}")
    r = measure([*EXPORT, *map(str, write_distinct(tmp / "distinct", 2_600_000))])
    print(
        f"  2.6 MB of 24,000 distinct short sentences: {r['wall']:.2f} s, "
        f"peak {r['peak_mb']:.0f} MB, exit {r['code']} (target < 500 MB)"
    )


def main() -> None:
    # Measure what an installed copy does: pip byte-compiles the modules it
    # installs, so each run reads the compiled code. Some machines set
    # PYTHONDONTWRITEBYTECODE, which would make every run in an editable checkout
    # compile the engine from source again (about 0.2 s of the seeds' export).
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--junk", action="store_true", help="only the costly inputs")
    parser.add_argument("--stages", metavar="FOLDER", help=argparse.SUPPRESS)
    parser.add_argument("--measure", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stages:
        print(json.dumps(stage_times(args.stages)))
        return
    if args.measure:
        run_measured(args.measure)
        return
    if args.junk:
        with tempfile.TemporaryDirectory() as name:
            junk(Path(name))
        return
    repeat = 5 if args.quick else 15
    print(f"machine speed: ten million additions in {machine_speed():.2f} s")
    print(f"align the 5 seeds in process: {time_align(repeat) * 1000:.1f} ms (median of {repeat})")
    export, imports, ratio = side_by_side(5 if args.quick else 21)
    command = "idlib-read export" if USER_EXPORT is not EXPORT else "python -m tui export"
    print(
        f"seeds: whole `{command}` {export * 1000:.0f} ms, "
        f"`python -c 'import numpy, rapidfuzz, yaml'` {imports * 1000:.0f} ms: "
        f"ratio of the medians {export / imports:.2f}, median of the paired runs' ratios "
        f"{ratio:.2f} (target: at most 1.5)"
    )
    for line in [*export_parts(5 if args.quick else 11, export, imports), *import_profile()]:
        print("  " + line)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        write_corpus(tmp / "x100", 100)
        runs = [measure([*EXPORT, str(tmp / "x100")]) for _ in range(1 if args.quick else 3)]
        best = min(runs, key=lambda r: r["wall"])
        print(
            f"100 x 50 whole export: {statistics.median(r['wall'] for r in runs):.2f} s "
            f"(best {best['wall']:.2f} s), peak {max(r['peak_mb'] for r in runs):.0f} MB "
            "(target < 3 s, < 300 MB)"
        )
        sizes = [10, 50] if args.quick else [10, 50, 100, 200]
        print("\nscaling (synthetic articles of ~50 sentences; seconds per stage, one run):")
        print(
            f"{'articles':>10} {'sentences':>9} {'largest':>7} "
            + " ".join(f"{s:>13}" for s in STAGES)
            + "   total    CPU  peak RSS"
        )
        for r in scaling(tmp, sizes, wire=not args.quick):
            print(
                f"{r['name']:>10} {r['sentences']:9.0f} {r['largest group']:7.0f} "
                + " ".join(f"{r[s]:13.3f}" for s in STAGES)
                + f" {r['total']:7.2f} {r['cpu']:6.2f} {r['peak_rss_mb']:6.0f} MB"
            )
        print("\na single large article beside the seeds (whole export):")
        for mb in (3, 16):  # MB of 10**6 bytes
            path = write_large(tmp / f"large{mb}" / f"large_{mb}MB.txt", mb * 1e6 / 2**20)
            r = measure([*EXPORT, str(bundled_seeds()), str(path)])
            outcome = "served" if r["code"] == 0 else f"refused (exit {r['code']}): {r['stderr']}"
            print(f"  {mb} MB: {r['wall']:.2f} s, peak {r['peak_mb']:.0f} MB, {outcome}")
        if not args.quick:
            junk(tmp)
    print(f"\nmachine speed: ten million additions in {machine_speed():.2f} s")
    print("\ngold alignment (precision / recall over cross-article sentence pairs):")
    for line in gold_scores():
        print("  " + line)


if __name__ == "__main__":
    main()
