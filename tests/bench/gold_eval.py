"""Score the engine's alignment against hand-made gold alignments.

    python tests/bench/gold_eval.py                  # the seeds' gold
    python tests/bench/gold_eval.py --gold FILE -v   # another gold, with errors listed
    python tests/bench/gold_eval.py --all            # every gold under tests/gold/
    python tests/bench/gold_eval.py --all --reversed # each article's paragraphs in reverse order

A gold file (YAML) names its articles (``folder`` relative to the file,
``articles``: key -> file name) and lists ``groups`` of passages that report
the same fact; a passage is an excerpt of the article's raw text, or a list of
excerpts for a passage of several sentences. Excerpts are resolved at
evaluation time to the sentences whose raw span overlaps them, so the gold
does not depend on how cleaning and segmentation cut the text. ``ignore``
names debris whose pairs are scored neither way.

Scores are over cross-article sentence pairs ((a, i), (b, j)) with a != b:
precision = share of the pairs the engine puts in one group that the gold also
groups; recall = share of the gold's pairs the engine groups. A sentence that
joins a group with a clause (an "also" member) pairs with every other member of
that group, as a home member does; a gold sentence with two facts is listed in
the group of each.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

import yaml

from align import Alignment, Article, build

GOLD_DIR = Path(__file__).resolve().parent.parent / "gold"
SEEDS_GOLD = GOLD_DIR / "seeds.yaml"

SentenceRef = tuple[int, int]  # (article index, sentence index)
Pair = tuple[SentenceRef, SentenceRef]  # ordered: first < second


@dataclass(frozen=True)
class Gold:
    """A gold file resolved against one alignment's sentences."""

    pairs: frozenset[Pair]
    ignored: frozenset[SentenceRef]
    groups: int


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_pos: int
    false_pos: tuple[Pair, ...]
    false_neg: tuple[Pair, ...]


def load(path: Path) -> dict[str, Any]:
    """The gold file as plain data."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "groups" not in data:
        raise SystemExit(f"{path}: not a gold file (no groups)")
    return data


def article_paths(path: Path, data: Mapping[str, Any]) -> dict[str, Path]:
    """Gold article key -> file path."""
    folder = (path.parent / data.get("folder", ".")).resolve()
    return {key: folder / name for key, name in data["articles"].items()}


def locate(raw: str, excerpt: str) -> tuple[int, int]:
    """Raw span of ``excerpt`` in ``raw``; whitespace runs may differ."""
    at = raw.find(excerpt)
    if at >= 0:
        return at, at + len(excerpt)
    pattern = r"\s+".join(re.escape(w) for w in excerpt.split())
    match = re.search(pattern, raw)
    if match is None:
        raise SystemExit(f"gold excerpt not found: {excerpt!r}")
    return match.start(), match.end()


def occurrences(raw: str, excerpt: str) -> list[tuple[int, int]]:
    """Every raw span of ``excerpt`` (whitespace runs may differ), in order."""
    pattern = r"\s+".join(re.escape(w) for w in excerpt.split())
    found = [(m.start(), m.end()) for m in re.finditer(pattern, raw)]
    if not found:
        raise SystemExit(f"gold excerpt not found: {excerpt!r}")
    return found


def resolve(article: Article, excerpt: str) -> list[int]:
    """Indices of the sentences whose raw span overlaps the excerpt.

    An excerpt over a paragraph break is located paragraph by paragraph, so
    reordered paragraphs resolve. A page may repeat a paragraph (a photo caption
    printed twice): each paragraph of the excerpt then takes the first copy that
    no earlier paragraph of the excerpt took, and a paragraph inside the excerpt
    (one with a break before or after it) takes a copy that is a whole paragraph
    of the page where the excerpt breaks, not a phrase inside a longer line.
    """
    raw = article.source.raw
    parts = [p for p in re.split(r"\n\s*\n", excerpt) if p.strip()]
    taken: list[tuple[int, int]] = []
    out: list[int] = []
    for k, part in enumerate(parts):
        found = occurrences(raw, part)

        def fits(span: tuple[int, int], k: int = k) -> bool:
            start, end = span
            if any(start < e and s < end for s, e in taken):
                return False
            before = k == 0 or raw[:start].rstrip(" \t").endswith("\n") or start == 0
            after = k == len(parts) - 1 or raw[end:].lstrip(" \t")[:1] in ("\n", "")
            return before and after

        start, end = next((span for span in found if fits(span)), found[0])
        taken.append((start, end))
        out += [s.index for s in article.sentences if s.start < end and start < s.end]
    return sorted(set(out))


def as_list(value: str | Sequence[str]) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


def refs(
    alignment: Alignment, index: Mapping[str, int], passages: Mapping[str, Any]
) -> set[SentenceRef]:
    """The sentences named by one group's (or the ignore list's) excerpts."""
    out: set[SentenceRef] = set()
    for key, value in passages.items():
        if key == "name":
            continue
        a = index[key]
        for excerpt in as_list(value):
            out.update((a, s) for s in resolve(alignment.articles[a], excerpt))
    return out


def cross_pairs(members: Iterable[SentenceRef]) -> set[Pair]:
    """All pairs of sentences from different articles, ordered."""
    return {(x, y) for x, y in combinations(sorted(set(members)), 2) if x[0] != y[0]}


def resolve_gold(alignment: Alignment, path: Path, data: Mapping[str, Any]) -> Gold:
    """Turn excerpts into sentence pairs for this alignment."""
    names = {Path(a.source.path).name: i for i, a in enumerate(alignment.articles)}
    index = {key: names[p.name] for key, p in article_paths(path, data).items()}
    pairs: set[Pair] = set()
    for group in data["groups"]:
        pairs |= cross_pairs(refs(alignment, index, group))
    ignored = refs(alignment, index, data.get("ignore") or {})
    return Gold(frozenset(pairs), frozenset(ignored), len(data["groups"]))


def predicted_pairs(alignment: Alignment) -> set[Pair]:
    """Cross-article sentence pairs the engine puts in one group."""
    out: set[Pair] = set()
    for group in alignment.groups:
        out |= cross_pairs((m.article, s) for m in group.members for s in m.sentences)
    return out


def score(alignment: Alignment, gold: Gold) -> Scores:
    """Precision, recall and F1 of the alignment against the gold."""
    predicted = {
        p
        for p in predicted_pairs(alignment)
        if p[0] not in gold.ignored and p[1] not in gold.ignored
    }
    expected = {p for p in gold.pairs if p[0] not in gold.ignored and p[1] not in gold.ignored}
    tp = len(predicted & expected)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(expected) if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        precision,
        recall,
        f1,
        tp,
        tuple(sorted(predicted - expected)),
        tuple(sorted(expected - predicted)),
    )


def reverse_paragraphs(text: str) -> str:
    """The text with its paragraphs (runs separated by blank lines) in reverse order."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join(reversed(paragraphs)) + "\n"


def evaluate(path: Path = SEEDS_GOLD, reversed_: bool = False) -> tuple[Alignment, Scores]:
    """Build the gold's articles and score the alignment (``reversed_``: each article's
    paragraphs in reverse order, written to a temporary folder under the same names)."""
    data = load(path)
    paths = sorted(article_paths(path, data).values())
    if not reversed_:
        alignment = build([str(p) for p in paths])
        return alignment, score(alignment, resolve_gold(alignment, path, data))
    with tempfile.TemporaryDirectory() as tmp:
        moved = []
        for p in paths:
            target = Path(tmp) / p.name
            target.write_text(reverse_paragraphs(p.read_text(encoding="utf-8")), encoding="utf-8")
            moved.append(str(target))
        alignment = build(moved)
        return alignment, score(alignment, resolve_gold(alignment, path, data))


@dataclass(frozen=True)
class Absences:
    """What the panes of outlets without a member say, against the gold: "not reported
    here" lines and how many are wrong (the gold pairs one of the passage's sentences
    with one of that outlet's); "no match" lines (``Group.closest``), how many of
    those outlets do report the fact, and how often the named passage holds it."""

    not_reported: int
    wrong: int
    no_match: int
    reported: int
    pointed: int

    def line(self) -> str:
        return (
            f"  outlets without a member: 'not reported here' {self.not_reported} "
            f"(wrong {self.wrong}, {self.wrong / max(1, self.not_reported):.0%}); "
            f"'no match' {self.no_match} (reported there {self.reported}; "
            f"the passage named holds it {self.pointed})"
        )


def absences(alignment: Alignment, gold: Gold) -> Absences:
    """Score every absent outlet's line in every passage (see ``Absences``)."""
    partners: dict[SentenceRef, set[SentenceRef]] = {}
    for x, y in gold.pairs:
        partners.setdefault(x, set()).add(y)
        partners.setdefault(y, set()).add(x)
    counts = [0, 0, 0, 0, 0]
    for group in alignment.groups:
        present = {m.article for m in group.members}
        mine = [(m.article, s) for m in group.members for s in m.sentences]
        for article in range(len(alignment.articles)):
            if article in present:
                continue
            theirs = {r for x in mine for r in partners.get(x, ()) if r[0] == article}
            closest = group.closest_in(article)
            if closest is None:
                counts[0] += 1
                counts[1] += bool(theirs)
                continue
            counts[2] += 1
            counts[3] += bool(theirs)
            member = alignment.groups[closest.group].member_for(article)
            counts[4] += bool(member and any((article, s) in theirs for s in member.sentences))
    return Absences(*counts)


def single_outlet(alignment: Alignment) -> int:
    """Passages that hold one outlet's sentence(s) only."""
    return sum(group.is_single for group in alignment.groups)


def describe(alignment: Alignment, ref: SentenceRef) -> str:
    article = alignment.articles[ref[0]]
    text = article.sentences[ref[1]].text
    return f"{article.id}#{ref[1]} {text[:110]!r}"


def shown(path: Path) -> str:
    """The path relative to the repository when inside it."""
    root = GOLD_DIR.parent.parent
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def report(path: Path, verbose: bool, reversed_: bool = False) -> str:
    """The figures for one gold file, and its errors when verbose."""
    alignment, s = evaluate(path, reversed_)
    lines = [
        f"{shown(path)}{' (reversed)' if reversed_ else ''}: "
        f"precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"(true pairs {s.true_pos}, false pos {len(s.false_pos)}, false neg {len(s.false_neg)}; "
        f"single-outlet passages {single_outlet(alignment)} of {len(alignment.groups)})"
    ]
    lines.append(absences(alignment, resolve_gold(alignment, path, load(path))).line())
    if verbose:
        for title, pairs in (("false positives", s.false_pos), ("false negatives", s.false_neg)):
            lines.append(f"  {title}:")
            for x, y in pairs:
                lines.append(f"    {describe(alignment, x)}\n      <> {describe(alignment, y)}")
    return "\n".join(lines)


def all_golds() -> list[Path]:
    """The seeds' gold and the invented sets' (the ones with floors in tests/test_gold.py)."""
    return [SEEDS_GOLD, *sorted((GOLD_DIR / "invented").glob("*.yaml"))]


def real_golds() -> list[Path]:
    """The real-article sets (tests/gold/real): scored by ``--all``, with no floors."""
    return sorted((GOLD_DIR / "real").glob("*.yaml"))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, action="append", help="gold YAML file (repeatable)")
    parser.add_argument("--all", action="store_true", help="every gold file under tests/gold/")
    parser.add_argument(
        "--reversed", action="store_true", help="each article's paragraphs in reverse order"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="list false pos/neg")
    args = parser.parse_args(argv)
    golds = [*all_golds(), *real_golds()] if args.all else (args.gold or [SEEDS_GOLD])
    for gold in golds:
        print(report(gold.resolve(), args.verbose, args.reversed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
