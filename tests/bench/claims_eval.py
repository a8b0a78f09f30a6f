"""Score the claims ledger against hand-made gold relations between outlets' figures.

    python tests/bench/claims_eval.py                 # every gold with a `claims` list
    python tests/bench/claims_eval.py --gold FILE -v  # one gold, with its errors listed

A gold file (the format of tests/gold/seeds.yaml and tests/gold/real/*.yaml)
names its articles and lists ``claims``: pairs of figures in two outlets, each
located by a verbatim ``context`` and the ``figure`` inside it, with the
relation a careful reader judges (conflict, precision, same, unrelated).

The engine's relation for a pair is the one the ledger gives the two claims
that overlap the gold figures (``none`` when the ledger does not pair them).
Per relation R (conflict, precision): recall = gold R pairs the engine calls R;
precision = engine R pairs the gold calls R, over the engine R pairs the gold
judges (a pair the gold does not list is unjudged: the golds list the pairs
their authors checked, not every pair of figures, and unjudged pairs are
listed with -v for a person to look at). ``unrelated flagged`` counts gold
``unrelated`` pairs the engine shows as a divergence.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from align import Alignment, Claim, build

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
RELATIONS = ("conflict", "precision")

Span = tuple[int, int, int]  # article index, raw start, raw end


@dataclass(frozen=True)
class Result:
    name: str
    gold: Counter[str]  # relation -> gold pairs
    found: Counter[str]  # relation -> engine pairs the gold judges
    unjudged: Counter[str]  # relation -> engine pairs the gold does not list
    hits: Counter[str]  # relation -> pairs both call so
    unrelated_flagged: int
    errors: tuple[str, ...]

    def scores(self, relation: str) -> tuple[float, float]:
        p = self.hits[relation] / self.found[relation] if self.found[relation] else 1.0
        r = self.hits[relation] / self.gold[relation] if self.gold[relation] else 1.0
        return p, r


def locate(alignment: Alignment, keys: dict[str, int], side: dict[str, Any]) -> Span:
    """The raw span of a gold figure: its context found in the article, the figure in it."""
    a = keys[side["article"]]
    raw = alignment.articles[a].source.raw
    at = raw.index(side["context"])
    start = at + side["context"].index(side["figure"])
    return a, start, start + len(side["figure"])


def raw_span(alignment: Alignment, claim: Claim) -> Span:
    """A claim's figure as (article, raw start, raw end)."""
    q = claim.quantity
    sentence = alignment.articles[claim.article].sentences[claim.sentence]
    return (claim.article, *sentence.raw_span(q.start, q.end))


def engine_pairs(alignment: Alignment) -> dict[tuple[Span, Span], str]:
    """Every pair the ledger relates, keyed by the two claims' raw spans."""
    out: dict[tuple[Span, Span], str] = {}
    for row in alignment.ledger:
        for i, x in enumerate(row.claims):
            for j, relation in row.related(i):
                y = row.claims[j]
                sx, sy = raw_span(alignment, x), raw_span(alignment, y)
                out[(sx, sy)] = out[(sy, sx)] = relation
    return out


def overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def relation_of(pairs: dict[tuple[Span, Span], str], a: Span, b: Span) -> tuple[str, tuple]:
    for (x, y), relation in pairs.items():
        if overlaps(x, a) and overlaps(y, b):
            return relation, (x, y)
    return "none", ()


def score(path: Path) -> Result:
    gold = yaml.safe_load(path.read_text(encoding="utf-8"))
    folder = (path.parent / gold["folder"]).resolve()
    names = list(gold["articles"].items())
    alignment = build([folder / name for _, name in names])
    keys = {key: i for i, (key, _) in enumerate(names)}
    pairs = engine_pairs(alignment)
    gold_count: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    matched: set[tuple] = set()
    found: Counter[str] = Counter()
    errors: list[str] = []
    flagged = 0
    for entry in gold.get("claims", []):
        a = locate(alignment, keys, entry["a"])
        b = locate(alignment, keys, entry["b"])
        want = entry["relation"]
        got, pair = relation_of(pairs, a, b)
        matched.add(pair)
        gold_count[want] += 1
        if got in RELATIONS:
            found[got] += 1
        if want in RELATIONS and got == want:
            hits[want] += 1
        if want == "unrelated" and got in RELATIONS:
            flagged += 1
        if got != want and (want in RELATIONS or got in RELATIONS):
            errors.append(
                f"{want:>9} gold, {got:>9} engine: {entry['a']['figure']!r} "
                f"({entry['a']['article']}) vs {entry['b']['figure']!r} ({entry['b']['article']})"
                f" — {entry.get('what', '')}"
            )
    unjudged: Counter[str] = Counter()
    labels = [a.label for a in alignment.articles]
    seen: set[frozenset[Span]] = set()
    for (x, y), relation in pairs.items():
        if relation in RELATIONS and frozenset((x, y)) not in seen:
            seen.add(frozenset((x, y)))
            if (x, y) not in matched and (y, x) not in matched:
                unjudged[relation] += 1
                raw_x = alignment.articles[x[0]].source.raw[x[1] : x[2]]
                raw_y = alignment.articles[y[0]].source.raw[y[1] : y[2]]
                errors.append(
                    f"{'unlisted':>9} gold, {relation:>9} engine: {raw_x!r} ({labels[x[0]]}) "
                    f"vs {raw_y!r} ({labels[y[0]]})"
                )
    return Result(path.stem, gold_count, found, unjudged, hits, flagged, tuple(errors))


def all_golds() -> list[Path]:
    paths = [GOLD_DIR / "seeds.yaml", *sorted((GOLD_DIR / "real").glob("*.yaml"))]
    return [p for p in paths if "claims" in yaml.safe_load(p.read_text(encoding="utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    print(
        "| set | conflicts: P / R (gold; judged, unjudged found) "
        "| precision pairs: P / R (gold; judged, unjudged found) | unrelated flagged |"
    )
    print("|---|---|---|---|")
    for path in args.gold or all_golds():
        r = score(path)
        cells = []
        for relation in RELATIONS:
            p, rec = r.scores(relation)
            counts = f"{r.gold[relation]}; {r.found[relation]}, {r.unjudged[relation]}"
            cells.append(f"{p:.2f} / {rec:.2f} ({counts})")
        flagged = f"{r.unrelated_flagged} of {r.gold['unrelated']}"
        print(f"| {r.name} | {cells[0]} | {cells[1]} | {flagged} |")
        if args.verbose:
            for e in r.errors:
                print("   ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
