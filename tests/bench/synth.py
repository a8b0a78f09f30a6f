"""Synthetic article sets for scaling benchmarks, generated from the seeds.

Each synthetic article mixes paragraphs from two or three seed articles,
shuffles their order, rewords some numbers (59 -> 61, "six" -> "seven") and
pads with sentences from other seeds until it has about ``sentences``
sentences. Deterministic for a given ``seed``.
"""

from __future__ import annotations

import random
import re
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
