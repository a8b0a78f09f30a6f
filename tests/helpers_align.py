"""Hand-built articles for the grouping and wording tests.

Builds ``Article`` objects straight from paragraphs of sentences (no cleaning
or segmentation involved), so grouping and wording are tested on exactly the
sentences the test names. ``shift`` offsets the raw text by a prefix that is
not part of any sentence, to check that raw offsets go through ``origin``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from align.model import Article, Dropped, Sentence, Source

Paragraphs = Sequence[Sequence[str]]


def make_article(
    name: str,
    paragraphs: Paragraphs,
    label: str | None = None,
    *,
    title: str | None = None,
    prefix: str = "",
    path: str | None = None,
) -> Article:
    """An article built straight from paragraphs of sentences: the one factory of the tests.

        Its raw text is ``prefix`` then the paragraphs (a blank line between them,
        sentences joined by spaces). The prefix is not part of any sentence (raw offsets
        then differ from the sentences' own, as after cleaning) and is recorded as
        debris dropped. ``name`` is also the article's id; ``label`` defaults to the name in
    title case; ``path`` (as the reader shows it) to the name.
    """
    raw = prefix
    sentences: list[Sentence] = []
    for p, paragraph in enumerate(paragraphs):
        if p:
            raw += "\n\n"
        for k, text in enumerate(paragraph):
            if k:
                raw += " "
            start = len(raw)
            raw += text
            origin = tuple(range(start, start + len(text)))
            sentences.append(Sentence(len(sentences), text, start, len(raw), p, origin))
    dropped = (Dropped(0, len(prefix), prefix, "site navigation"),) if prefix else ()
    source = Source(path or name, name, raw, name, label or name.title(), title)
    return Article(source=source, sentences=tuple(sentences), dropped=dropped, title=title or name)


def one_per_paragraph(name: str, sentences: Sequence[str], label: str | None = None) -> Article:
    return make_article(name, [[s] for s in sentences], label)


def fact_sentence(fact: int, rng: random.Random, drop: bool) -> str:
    """A sentence of fact ``fact``: its own distinctive words plus common ones."""
    words = [f"f{fact}w{j}" for j in range(6)]
    if drop:
        del words[rng.randrange(len(words))]
    common = COMMON.split()
    mixed = words[:3] + common[: rng.randrange(2, 6)] + words[3:]
    return " ".join(mixed).capitalize() + "."


COMMON = "the minister said city on monday"


def filler_sentence(article: int, k: int) -> str:
    """A sentence only one article carries: its own words plus the story's
    background words, which (as in real reports) recur all through the articles.
    """
    return f"Only a{article}s{k}x a{article}s{k}y {COMMON} a{article}s{k}z."


def synthetic_articles(
    n_articles: int, n_facts: int, per_article: int, fillers: int, seed: int
) -> tuple[list[Article], dict[tuple[str, int], int]]:
    """Articles made of shuffled subsets of shared facts plus unique fillers.

    Returns the articles and the truth: (article name, sentence index) -> fact
    number (fillers are absent from the map).
    """
    rng = random.Random(seed)
    articles, truth = [], {}
    for a in range(n_articles):
        facts = rng.sample(range(n_facts), k=min(per_article, n_facts))
        items: list[tuple[str, int | None]] = [
            (fact_sentence(f, rng, rng.random() < 0.5), f) for f in facts
        ]
        items += [(filler_sentence(a, k), None) for k in range(fillers)]
        rng.shuffle(items)
        name = f"art{a:03d}"
        for i, (_, fact) in enumerate(items):
            if fact is not None:
                truth[(name, i)] = fact
        articles.append(one_per_paragraph(name, [text for text, _ in items]))
    return articles, truth
