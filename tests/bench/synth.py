"""Synthetic article sets for scaling benchmarks, generated from the seeds.

Each synthetic article mixes paragraphs from two or three seed articles,
shuffles their order, rewords some numbers (59 -> 61, "six" -> "seven") and
pads with sentences from other seeds until it has about ``sentences``
sentences. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from align import bundled_seeds, load_sources
from align.pipeline import prepare

_NUMBER = re.compile(r"\b\d+\b")
_WORDS = {"six": "seven", "two": "three", "three": "four", "nine": "ten", "dozen": "score"}


def _reword_numbers(text: str, rng: random.Random) -> str:
    def bump(m: re.Match[str]) -> str:
        n = int(m.group())
        return str(n + rng.choice((-2, -1, 1, 2))) if rng.random() < 0.3 and n > 2 else m.group()

    text = _NUMBER.sub(bump, text)
    for old, new in _WORDS.items():
        if rng.random() < 0.3:
            text = re.sub(rf"\b{old}\b", new, text)
    return text


def seed_sentences() -> list[list[str]]:
    """The cleaned sentences of each bundled seed article."""
    return [[s.text for s in prepare(src).sentences] for src in load_sources([bundled_seeds()])]


def write_corpus(folder: Path, articles: int, sentences: int = 50, seed: int = 7) -> list[Path]:
    """Write ``articles`` synthetic articles of about ``sentences`` sentences into ``folder``."""
    rng = random.Random(seed)
    pools = seed_sentences()
    everything = [s for pool in pools for s in pool]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(articles):
        mix = rng.sample(pools, k=rng.choice((2, 3)))
        body = [s for pool in mix for s in pool]
        while len(body) < sentences:
            body.append(rng.choice(everything))
        rng.shuffle(body)
        body = [_reword_numbers(s, rng) for s in body[:sentences]]
        paras = ["\n".join(body[j : j + 3]).replace("\n", " ") for j in range(0, len(body), 3)]
        path = folder / f"synthetic_{i:03d}.txt"
        path.write_text(f"Synthetic report {i}\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _edit(sentence: str, rng: random.Random) -> str:
    """A copy editor's touch: drop a word, or swap two neighbouring words, now and then."""
    words = sentence.split()
    if len(words) > 6 and rng.random() < 0.25:
        del words[rng.randrange(1, len(words) - 1)]
    if len(words) > 6 and rng.random() < 0.1:
        k = rng.randrange(1, len(words) - 2)
        words[k], words[k + 1] = words[k + 1], words[k]
    return " ".join(words)


def write_wire(folder: Path, copies: int = 50, others: int = 10, seed: int = 7) -> list[Path]:
    """A wire story reprinted ``copies`` times with small edits, plus ``others`` own reports.

    The wire story is one seed's sentences; each reprint drops a sentence now
    and then, edits a few words and nudges figures. The independent reports
    are ``write_corpus`` articles.
    """
    rng = random.Random(seed)
    wire = max(seed_sentences(), key=len)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(copies):
        body = [_reword_numbers(_edit(s, rng), rng) for s in wire if rng.random() > 0.05]
        path = folder / f"reprint_{i:03d}.txt"
        path.write_text(f"Wire reprint {i}\n\n" + "\n\n".join(body) + "\n", encoding="utf-8")
        paths.append(path)
    return paths + write_corpus(folder, others, seed=seed)


def write_large(path: Path, megabytes: float, seed: int = 7) -> Path:
    """One article of about ``megabytes`` MiB: seed sentences drawn at random, figures nudged."""
    rng = random.Random(seed)
    everything = [s for pool in seed_sentences() for s in pool]
    size = int(megabytes * 1024 * 1024)
    parts, written = [f"Large report of {megabytes:g} MiB\n\n"], 0
    while written < size:
        para = " ".join(_reword_numbers(rng.choice(everything), rng) for _ in range(3)) + "\n\n"
        parts.append(para)
        written += len(para.encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")
    return path


# Junk that once made the engine's work grow with the square of its size: each
# recipe is a fragment repeated on one line (one "sentence"), in one article or
# in two that repeat it alike. Written to ``size`` bytes per article.
ADVERSARIAL: dict[str, tuple[Callable[[int], str], int]] = {
    "'6 km ' on one line": (lambda i: "6 km ", 1),
    "'00:01 ' on one line": (lambda i: "00:01 ", 1),
    "'according to the army; '": (lambda i: "according to the army; ", 1),
    "'A A ... said ' (a verb every 100 characters)": (lambda i: "A " * 50 + "said ", 1),
    "'Updated ' lines of 240 characters": (lambda i: "Updated " * 30 + "\n", 1),
    "two articles of 'troops moved north '": (lambda i: "troops moved north ", 2),
    "two articles of 'and N troops were killed '": (lambda i: f"and {i} troops were killed ", 2),
    "two articles of 'N soldiers killed, '": (lambda i: f"{i} soldiers killed, ", 2),
}


def write_adversarial(folder: Path, size: int) -> dict[str, list[Path]]:
    """Each ``ADVERSARIAL`` recipe as its article(s) of ``size`` bytes, beside a short
    article when it has one: recipe -> the files to align together."""
    folder.mkdir(parents=True, exist_ok=True)
    short = folder / "short.txt"
    short.write_text("Another headline\n\nThe council met on Monday. It approved the plan.\n")
    out: dict[str, list[Path]] = {}
    for n, (name, (fragment, articles)) in enumerate(ADVERSARIAL.items()):
        paths = []
        for k in range(articles):
            parts, written, i = [f"Headline {n} {k}\n\n"], 0, 0
            while written < size:
                parts.append(fragment(i + k))
                written += len(parts[-1])
                i += 1
            path = folder / f"junk{n}_{k}.txt"
            path.write_text("".join(parts) + "\n", encoding="utf-8")
            paths.append(path)
        out[name] = paths if articles > 1 else [*paths, short]
    return out


def write_distinct(folder: Path, size: int, seed: int = 7) -> list[Path]:
    """The most memory an accepted input has needed: an article of ``size`` bytes of
    short distinct sentences (14 to 18 words from 20,000 made-up ones), beside one
    of a 24th of that size: about 24,000 sentences at 2.6 MB, near both limits."""
    rng = random.Random(seed)
    words = [
        "".join(
            rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(rng.randint(2, 4))
        )
        for _ in range(20_000)
    ]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k, target in enumerate((size, size // 24)):
        parts, written = [f"Distinct sentences {k}\n\n"], 0
        while written < target:
            sentence = " ".join(rng.choice(words) for _ in range(rng.randint(14, 18)))
            parts.append(sentence.capitalize() + ". ")
            written += len(parts[-1])
        path = folder / f"distinct{k}.txt"
        path.write_text("".join(parts) + "\n", encoding="utf-8")
        paths.append(path)
    return paths
