"""Facts: a sentence that carries two facts also joins the other fact's passage.

Pinned through the public surface: ``align.facts.clauses``/``clause_of``, the
pipeline's ``Alignment`` (``Member.role``/``span``, ``groups_of``), on text
written here and on the seeds.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pytest

from align import Alignment, build, bundled_seeds
from align.facts import clause_of, clauses
from align.figures import extract
from align.model import Source
from align.pipeline import build_from_sources


def parts(text: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text)]


# ---------------------------------------------------------------- clauses


def test_a_comma_before_a_conjunction_opens_a_clause() -> None:
    text = "Prices rose 5 percent in May, while wages fell 2 percent."
    assert parts(text) == ["Prices rose 5 percent in May", "wages fell 2 percent"]


def test_and_opens_a_clause_only_between_two_verbs() -> None:
    two = "Nearly 900 homes were flooded and dozens of roads have been closed."
    assert parts(two) == ["Nearly 900 homes were flooded", "dozens of roads have been closed"]
    one = "The mayor and the governor have visited the shelters."
    assert parts(one) == ["The mayor and the governor have visited the shelters"]


def test_as_well_as_and_including_do_not_cut() -> None:
    text = "More than 2,500 troops arrived, as well as 300 police officers, including divers."
    assert len(clauses(text)) == 1


def test_semicolon_and_dash_cut() -> None:
    assert parts("Six died; 20 were hurt.") == ["Six died", "20 were hurt"]
    assert parts("Six died \u2014 20 were hurt.") == ["Six died", "20 were hurt"]


def test_clause_of_a_figure() -> None:
    text = "More than 40 people were killed, with about 12,000 residents displaced."
    at = text.index("12,000")
    span = clause_of(text, at, at + 6)
    assert span is not None and text[span[0] : span[1]] == "about 12,000 residents displaced"
    assert clause_of("About 12,000 residents were displaced.", 6, 12) is None  # one clause


# ---------------------------------------------------------------- own text


def sources(texts: dict[str, str]) -> list[Source]:
    return [
        Source(path=f"{k}.txt", name=f"{k}.txt", raw=v, id=k, label=k.title())
        for k, v in texts.items()
    ]


FLOOD = {
    "north": (
        "Floodwaters swept through the river town of Marlow on Tuesday.\n\n"
        "More than 40 people were killed in the flood, with about 12,000 residents "
        "displaced from their homes.\n\n"
        "The mayor declared an emergency and asked for army help.\n"
    ),
    "south": (
        "A flood hit the town of Marlow on Tuesday after heavy rain.\n\n"
        "At least 41 people died when the river burst its banks and flooded the town.\n\n"
        "Nearly 12,000 residents were displaced from their homes to shelters on higher "
        "ground.\n\nSchools stayed closed.\n"
    ),
    "east": (
        "The flood in Marlow killed 43 people, officials said.\n\n"
        "About 12,000 residents were displaced by the water and moved to school gyms.\n\n"
        "The mayor declared a state of emergency.\n"
    ),
}


def also_of(alignment: Alignment) -> list[tuple[str, int, str, tuple[str, ...]]]:
    """Each "also" member as (outlet id, sentence, its clause, the group's home outlets)."""
    out = []
    for group in alignment.groups:
        homes = tuple(sorted(alignment.articles[m.article].id for m in group.homes))
        for m in group.members:
            if m.role == "also":
                assert m.span is not None
                text = alignment.articles[m.article].sentences[m.sentences[0]].text
                out.append(
                    (alignment.articles[m.article].id, m.sentences[0], text[slice(*m.span)], homes)
                )
    return sorted(out)


def check_invariants(alignment: Alignment) -> None:
    """One home per sentence; at most one member per article and group; an "also"
    member has one sentence and a clause, in a group its article has no home in."""
    homes = [(m.article, s) for g in alignment.groups for m in g.homes for s in m.sentences]
    assert len(homes) == len(set(homes))
    assert set(homes) == {
        (a, s.index) for a, art in enumerate(alignment.articles) for s in art.sentences
    }
    for g in alignment.groups:
        articles = [m.article for m in g.members]
        assert articles == sorted(set(articles))
        for m in g.members:
            if m.role == "also":
                assert len(m.sentences) == 1 and m.span is not None
                assert (
                    0
                    <= m.span[0]
                    < m.span[1]
                    <= len(alignment.articles[m.article].sentences[m.sentences[0]].text)
                )
                assert g.id in alignment.groups_of(m.article, m.sentences[0])[1:]
                assert alignment.group_of(m.article, m.sentences[0]) != g.id
            else:
                assert m.span is None


def test_a_sentence_with_two_facts_joins_both_passages() -> None:
    alignment = build_from_sources(sources(FLOOD))
    check_invariants(alignment)
    assert also_of(alignment) == [
        ("north", 1, "More than 40 people were killed in the flood", ("east", "south"))
    ]
    home = alignment.group_of(0, 1)
    also = alignment.groups_of(0, 1)
    assert also[0] == home and len(also) == 2
    home_outlets = {alignment.articles[m.article].id for m in alignment.groups[home].members}
    assert home_outlets == {"north", "south", "east"}  # the displacement passage


def test_no_also_when_an_outlet_of_the_passage_lacks_the_figure() -> None:
    texts = dict(FLOOD)
    texts["east"] = texts["east"].replace(
        "killed 43 people, officials said", "killed people when the river burst its banks"
    )
    alignment = build_from_sources(sources(texts))
    check_invariants(alignment)
    deaths = alignment.group_of(2, 0)  # East's toll, now with no figure, sits with South's
    assert {m.article for m in alignment.groups[deaths].members} == {1, 2}
    assert also_of(alignment) == []


def test_no_also_for_a_figure_three_times_another() -> None:
    texts = {k: v.replace("More than 40 people", "More than 400 people") for k, v in FLOOD.items()}
    alignment = build_from_sources(sources(texts))
    check_invariants(alignment)
    assert also_of(alignment) == []


def test_no_also_for_a_sentence_of_one_clause() -> None:
    texts = dict(FLOOD)
    texts["north"] = texts["north"].replace(
        ", with about 12,000 residents displaced from their homes", ""
    )
    alignment = build_from_sources(sources(texts))
    check_invariants(alignment)
    assert also_of(alignment) == []


def test_no_also_for_a_figure_narrowed_to_a_place() -> None:
    """ "40 killed in Brenton alone" is part of a toll the others give whole."""
    texts = dict(FLOOD)
    texts["north"] = texts["north"].replace("killed in the flood", "killed in Brenton alone")
    alignment = build_from_sources(sources(texts))
    check_invariants(alignment)
    assert also_of(alignment) == []


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_also_members_follow_content_not_input_order(order: Sequence[int]) -> None:
    items = list(FLOOD.items())
    alignment = build_from_sources(sources(dict(items[i] for i in order)))
    assert also_of(alignment) == also_of(build_from_sources(sources(FLOOD)))


# ---------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def test_seed_displacement_clauses_join_the_toll_passage(seeds: Alignment) -> None:
    check_invariants(seeds)
    found = {(outlet, clause) for outlet, _, clause, _ in also_of(seeds)}
    assert (
        "moscowtimes",
        "Nearly a million civilians have fled their homes due to the violence",
    ) in found
    assert ("wapo", "hundreds of thousands have fled their homes and headed toward Turkey") in found
    toll = next(h for o, _, _, h in also_of(seeds) if o == "moscowtimes")
    assert set(toll) == {"hill", "aljazeera"}


def test_seed_also_members_are_deterministic(seeds: Alignment) -> None:
    assert also_of(build([bundled_seeds()])) == also_of(seeds)


def test_seed_also_members_follow_content_not_file_order(seeds: Alignment) -> None:
    files = sorted(p for p in Path(bundled_seeds()).glob("*.txt"))
    again = build([str(p) for p in reversed(files)])
    assert also_of(again) == also_of(seeds)


def test_clauses_of_a_long_sentence_are_found_once_in_linear_time() -> None:
    """A "sentence" of thousands of clauses joined by "and", each with a figure:
    before, each figure's clause cut the whole sentence again, and each "and"
    looked back over every separator (a 10 KB pair of them took 4 s, 40 KB minutes)."""

    def clause_of_every_figure(text: str) -> float:
        clauses.cache_clear()
        started = time.perf_counter()
        for q in extract(text):
            clause_of(text, q.start, q.end)
        return time.perf_counter() - started

    def sentence(n: int) -> str:
        return "Troops " + "".join(f"and {i} troops were killed " for i in range(n))

    small = clause_of_every_figure(sentence(200))
    big = clause_of_every_figure(sentence(2000))
    assert big < 30 * max(small, 0.05)  # 10x the text: linear costs ~10x, quadratic ~100x
