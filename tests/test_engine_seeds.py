"""End-to-end behaviour of the engine on the bundled articles.

These are the issue's examples, checked through the public API only; the
stage modules have their own unit tests on hand-made text.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from align import Alignment, Group, build, bundled_seeds

DEBRIS = [
    "80K",
    "MINIFYHTML",
    "a69535",
    "Getty",
    "quot;",
    "http",
    "Original url",
    "Related article",
    "BySommer",
    "With reports by",
    "Photo by",
    "TASS**",
    "](#)",
]


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def article(al: Alignment, article_id: str) -> int:
    return next(i for i, a in enumerate(al.articles) if a.id == article_id)


def sentence_with(al: Alignment, article_id: str, pattern: str) -> tuple[int, int]:
    a = article(al, article_id)
    hits = [s.index for s in al.articles[a].sentences if re.search(pattern, s.text)]
    assert len(hits) == 1, (article_id, pattern, hits)
    return a, hits[0]


def group_with(al: Alignment, article_id: str, pattern: str) -> Group:
    a, s = sentence_with(al, article_id, pattern)
    return al.groups[al.group_of(a, s)]


def number_divergences(group: Group, article: int) -> list[tuple[str, str | None]]:
    return [
        (d.text, d.relation)
        for d in group.divergences
        if d.kind == "number" and d.article == article
    ]


def test_no_debris_reaches_sentences_or_divergences(seeds: Alignment) -> None:
    texts = [s.text for a in seeds.articles for s in a.sentences]
    texts += [d.text + " " + d.detail for g in seeds.groups for d in g.divergences]
    for needle in DEBRIS:
        assert not [t for t in texts if needle in t], needle


def test_hover_card_run_is_removed(seeds: Alignment) -> None:
    a, s = sentence_with(seeds, "hill", r"both accepted")
    assert "Vladimir Putin both accepted" in seeds.articles[a].sentences[s].text


def test_59_vs_58_soldiers_is_a_conflict(seeds: Alignment) -> None:
    group = group_with(seeds, "wapo", r"58 Turkish soldiers")
    hill, _ = sentence_with(seeds, "hill", r"59 Turkish soldiers")
    wapo = article(seeds, "wapo")
    assert group.member_for(hill) is not None
    assert ("58", "conflict") in number_divergences(group, wapo)
    assert any(t.startswith("59") and r == "conflict" for t, r in number_divergences(group, hill))


def test_corridor_width_is_a_conflict(seeds: Alignment) -> None:
    group = group_with(seeds, "upi", r"about 4 miles wide")
    aj = article(seeds, "aljazeera")
    upi = article(seeds, "upi")
    assert group.member_for(aj) is not None
    upi_marks = number_divergences(group, upi)
    assert any("4 miles" in t and r == "conflict" for t, r in upi_marks), upi_marks
    aj_marks = number_divergences(group, aj)
    assert any("6 km" in t and r == "conflict" for t, r in aj_marks), aj_marks


def test_0001_and_00_01_are_the_same_time(seeds: Alignment) -> None:
    group = group_with(seeds, "hill", r"At 0001 tonight")
    aj = article(seeds, "aljazeera")
    assert group.member_for(aj) is not None
    times = [d for d in group.divergences if d.kind == "number" and re.search(r"0\.?01", d.text)]
    assert times == []


def test_march_15_agrees_and_is_not_flagged(seeds: Alignment) -> None:
    carriers = 0
    for a in seeds.articles:
        carriers += any("March 15" in s.text for s in a.sentences)
    assert carriers == 4
    flagged = [d for g in seeds.groups for d in g.divergences if "March 15" in d.text]
    assert flagged == []


def test_every_sentence_has_exactly_one_home_group(seeds: Alignment) -> None:
    seen = [(m.article, s) for g in seeds.groups for m in g.homes for s in m.sentences]
    assert len(seen) == len(set(seen))
    assert len(seen) == sum(len(a.sentences) for a in seeds.articles)
    for g in seeds.groups:
        arts = [m.article for m in g.members]
        assert len(arts) == len(set(arts))


def test_divergence_offsets_point_at_their_text(seeds: Alignment) -> None:
    for g in seeds.groups:
        for d in g.divergences:
            raw = seeds.articles[d.article].source.raw
            sentence = seeds.articles[d.article].sentences[d.sentence]
            assert sentence.text[d.start : d.end] == d.text
            start, end = sentence.raw_span(d.start, d.end)
            assert sentence.start <= start < end <= sentence.end
            if len(raw[start:end]) == len(d.text):  # cleaning rewrote nothing inside
                assert raw[start:end] == d.text


def test_deterministic(seeds: Alignment) -> None:
    again = build([bundled_seeds()])
    assert [g.members for g in again.groups] == [g.members for g in seeds.groups]
    assert [g.divergences for g in again.groups] == [g.divergences for g in seeds.groups]


def test_the_seeds_read_alike_without_their_manifest(tmp_path: Path, seeds: Alignment) -> None:
    """As plain files with no manifest, the seeds give their own dates (a date line:
    "March 05, 2020", "date 2020-03-05"), the others take the date most of them carry,
    and every figure is compared as with the manifest's dates."""
    for path in bundled_seeds().glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    bare = build([tmp_path])
    assert [a.source.date for a in bare.articles] == [None, None, None, *["2020-03-05"] * 2]
    assert [a.source.label for a in bare.articles][2] == "002 a643edde7f0e09fd"

    def readings(al: Alignment) -> list[tuple[str, tuple[str, ...], tuple[object, ...]]]:
        return [
            (row.label, tuple(c.quantity.text for c in row.claims), row.relations)
            for row in al.ledger
        ]

    assert readings(bare) == readings(seeds)
    assert "civilian killed · Thursday" in [row.label for row in bare.ledger]
