"""Code sizes of the engine and the reader: the figures issue 12 asks for.

    python tests/bench/code_sizes.py                # the working tree
    python tests/bench/code_sizes.py --rev 3a89139  # a commit (read with git show)

Prints the largest modules (lines), the largest classes (methods, lines), and the
length of every function and method in lines: median, 90th percentile, longest.
"""

from __future__ import annotations

import argparse
import ast
import statistics
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("align", "tui")
FUNCTION = (ast.FunctionDef, ast.AsyncFunctionDef)


def sources(rev: str | None) -> dict[str, str]:
    """Path -> text of every Python file of the packages (at ``rev``, or on disk)."""
    if rev is None:
        return {
            str(p.relative_to(ROOT)): p.read_text(encoding="utf-8")
            for pkg in PACKAGES
            for p in sorted((ROOT / pkg).rglob("*.py"))
        }
    listed = subprocess.run(
        ["git", "ls-tree", "-r", "--name-only", rev, *PACKAGES],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return {
        path: subprocess.run(
            ["git", "show", f"{rev}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
        for path in listed
        if path.endswith(".py")
    }


def measure(files: dict[str, str]) -> dict[str, object]:
    modules = sorted(((len(t.splitlines()), p) for p, t in files.items()), reverse=True)
    classes: list[tuple[int, int, str]] = []
    functions: list[tuple[int, str]] = []
    for path, text in files.items():
        for node in ast.walk(ast.parse(text)):
            lines = (
                (node.end_lineno or node.lineno) - node.lineno + 1 if hasattr(node, "lineno") else 0
            )
            if isinstance(node, ast.ClassDef):
                methods = [n for n in node.body if isinstance(n, FUNCTION)]
                classes.append((len(methods), lines, f"{path}:{node.name}"))
            elif isinstance(node, FUNCTION):
                functions.append((lines, f"{path}:{node.name}"))
    lengths = sorted(n for n, _ in functions)
    return {
        "modules": modules,
        "classes": sorted(classes, reverse=True),
        "functions": sorted(functions, reverse=True),
        "median": statistics.median(lengths),
        "p90": lengths[int(0.9 * (len(lengths) - 1))],
        "count": len(lengths),
        "total": sum(n for n, _ in modules),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rev", help="a git commit (default: the working tree)")
    parser.add_argument("--top", type=int, default=8)
    args = parser.parse_args()
    m = measure(sources(args.rev))
    print(f"{m['total']} lines in {len(m['modules'])} modules; {m['count']} functions")
    print("largest modules (lines):")
    for n, p in m["modules"][: args.top]:
        print(f"  {n:5}  {p}")
    print("largest classes (methods, lines):")
    for k, n, p in m["classes"][: args.top]:
        print(f"  {k:3} {n:5}  {p}")
    print(f"function length in lines: median {m['median']}, 90th percentile {m['p90']}")
    print("longest functions:")
    for n, p in m["functions"][: args.top]:
        print(f"  {n:5}  {p}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
