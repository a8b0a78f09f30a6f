"""Comparing figures across the members of one group (align.claims)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from align import build, bundled_seeds
from align.claims import number_divergences
from align.model import Article, Divergence, Member, Sentence, Source
from align.numbers import extract

INVENTED = Path(__file__).parent / "gold" / "invented"


def article(label: str, *texts: str, prefix: str = "Headline\n\n") -> Article:
    """An article whose sentences sit after ``prefix`` in the raw text, one per paragraph."""
    raw = prefix
    sentences: list[Sentence] = []
    for i, text in enumerate(texts):
        start = len(raw)
        origin = tuple(range(start, start + len(text)))
        sentences.append(Sentence(i, text, start, start + len(text), i, origin))
        raw += text + "\n\n"
    source = Source(f"{label}.txt", f"{label}.txt", raw, label.lower(), label)
    return Article(source, tuple(sentences), (), label)


def group(*articles: Article) -> tuple[list[Article], list[Member]]:
    """One group holding every sentence of every article."""
    members = [Member(i, tuple(range(len(a.sentences))), 1.0) for i, a in enumerate(articles)]
    return list(articles), members


def marks(*articles: Article) -> list[Divergence]:
    arts, members = group(*articles)
    return list(number_divergences(arts, 0, members)[0])


def on(divergences: list[Divergence], index: int) -> list[tuple[str, str | None]]:
    return [(d.text, d.relation) for d in divergences if d.article == index]


# ---------------------------------------------------------------- the cases


def test_59_vs_58_conflict_on_both_sides() -> None:
    found = marks(
        article("Daily", "Since early February, 59 Turkish soldiers have been killed."),
        article("Post", "Since Feb. 3, 58 Turkish soldiers have been killed by airstrikes."),
    )
    assert on(found, 0) == [("59", "conflict")]
    assert on(found, 1) == [("58", "conflict")]
    assert found[0].detail == "59 vs 58 (Post) turkish soldier: conflict"
    assert found[1].detail == "58 vs 59 (Daily) turkish soldier: conflict"


def test_corridor_width_conflict() -> None:
    found = marks(
        article("Wire", "A security corridor about 4 miles wide will be established."),
        article(
            "Reprint",
            "The safe corridor would extend 6 km (3.7 miles) to the north and 6 km south "
            "of the M4 motorway.",
        ),
    )
    assert on(found, 0) == [("about 4 miles wide", "conflict")]
    assert on(found, 1) == [("6 km (3.7 miles) to the north and 6 km south", "conflict")]
    assert "(Reprint, 11-13 km)" in found[0].detail
    assert "corridor width: conflict" in found[0].detail


def test_same_time_written_three_ways_is_not_marked() -> None:
    found = marks(
        article("A", '"At 0001 tonight, as in, from midnight, the truce holds," he said.'),
        article("B", '"At 00.01 tonight, as from midnight, the truce holds," he said.'),
        article("C", "The truce will begin tonight a minute after midnight."),
    )
    assert found == []


def test_march_15_variants_agree() -> None:
    found = marks(
        article("A", "Joint patrols start March 15 along the road."),
        article("B", "Forces will launch joint patrols from March 15."),
        article("C", "They agreed to conduct joint patrols as of March 15."),
    )
    assert found == []


def test_equal_hedged_counts_agree() -> None:
    found = marks(
        article("A", "More than 300 civilians have died since the offensive."),
        article("B", "Since December, more than 300 civilians have been killed."),
    )
    assert found == []


def test_million_readings_are_never_a_conflict() -> None:
    found = marks(
        article("A", "1 million Syrians were displaced to the border."),
        article("B", "Almost one million Syrians have been displaced to the border."),
    )
    assert {d.relation for d in found} == {"precision"}


def test_dozen_vs_at_least_15_is_precision() -> None:
    found = marks(
        article("A", "Airstrikes killed more than a dozen civilians overnight."),
        article("B", "Air strikes killed at least 15 civilians gathered outside a town."),
    )
    assert on(found, 0) == [("more than a dozen", "precision")]
    assert on(found, 1) == [("at least 15", "precision")]


def test_meeting_lengths_are_precision() -> None:
    found = marks(
        article("A", "They agreed after a six-hour meeting in the capital."),
        article("B", "It came after nearly six hours of talks."),
        article("C", "After more than six hours of talks, they agreed."),
    )
    assert {d.relation for d in found} == {"precision"}
    assert len(found) == 3


def test_background_numbers_are_not_claims_to_compare() -> None:
    arts, members = group(
        article("A", "Moscow cited the 2018 cease-fire, a 65-year-old said on Russia 24."),
        article("B", "For the first time in the nine-year civil war the M4 road closed."),
    )
    divergences, claims = number_divergences(arts, 0, members)
    assert divergences == ()
    assert [(c.quantity.kind, c.quantity.unit) for c in claims] == [
        ("date", "year"),
        ("duration", "h"),
    ]


# ---------------------------------------------------------------- pairing


def test_children_are_not_compared_with_civilians() -> None:
    found = marks(
        article("A", "The raid killed 7 children and 20 civilians."),
        article("B", "The raid killed 13 civilians, officials said."),
    )
    assert on(found, 0) == [("20", "conflict")]
    assert on(found, 1) == [("13", "conflict")]


def test_best_match_avoids_crossing_pairs() -> None:
    found = marks(
        article("A", "Rebels freed 40 hostages and later 45 hostages."),
        article("B", "Rebels freed 45 hostages and later 41 hostages."),
    )
    assert on(found, 0) == [("40", "conflict")]
    assert on(found, 1) == [("41", "conflict")]


def test_a_figure_is_used_once_per_other_member() -> None:
    found = marks(
        article("A", "Police detained 12 protesters."),
        article("B", "Police detained 14 protesters and later 15 protesters."),
    )
    assert on(found, 0) == [("12", "conflict")]
    assert on(found, 1) == [("14", "conflict")]


def test_several_outlets_merge_into_one_mark() -> None:
    found = marks(
        article("A", "The storm destroyed 59 houses."),
        article("B", "The storm destroyed 58 houses."),
        article("C", "The storm destroyed dozens of houses."),
    )
    a_marks = [d for d in found if d.article == 0]
    assert len(a_marks) == 1
    assert a_marks[0].relation == "conflict"
    assert a_marks[0].detail == "59 vs 58 (B), dozens (C, precision) house: conflict"
    c_marks = [d for d in found if d.article == 2]
    assert [(d.text, d.relation) for d in c_marks] == [("dozens", "precision")]


def test_length_details_show_km() -> None:
    found = marks(
        article("A", "The pipeline is 1,200 km long."),
        article("B", "The pipeline is about 900 miles long."),
    )
    assert found[0].detail == (
        "1,200 km long (1200 km) vs about 900 miles long (B, 1304-1593 km) length: conflict"
    )
    open_ended = marks(
        article("A", "Shells fell more than 3 km away."),
        article("B", "Shells fell 1 km away."),
    )
    assert "(from 3 km)" in open_ended[0].detail


def test_weekday_midnight_ambiguity_is_precision() -> None:
    found = marks(
        article("A", "The truce starts at midnight on Thursday."),
        article("B", "The truce starts at midnight Friday."),
    )
    assert {d.relation for d in found} == {"precision"}


def test_a_group_of_one_has_claims_but_no_marks() -> None:
    arts, members = group(article("A", "Police detained 12 protesters on March 3."))
    divergences, claims = number_divergences(arts, 7, members)
    assert divergences == ()
    assert [(c.group, c.quantity.text) for c in claims] == [(7, "12"), (7, "March 3")]


# ---------------------------------------------------------------- offsets and order


def test_claims_carry_raw_offsets_in_reading_order() -> None:
    a = article("A", "Nothing here.", "Crews saved 96 people and 3 dogs.", prefix="X" * 37)
    b = article("B", "Rescuers saved 96 people.")
    arts, members = group(a, b)
    _, claims = number_divergences(arts, 2, members)
    assert [(c.article, c.sentence, c.quantity.text) for c in claims] == [
        (0, 1, "96"),
        (0, 1, "3"),
        (1, 0, "96"),
    ]
    for c in claims:
        raw = arts[c.article].source.raw
        assert raw[c.start : c.end] == c.quantity.text


def test_divergence_offsets_point_at_their_text() -> None:
    a = article("A", "Intro.", "Rain flooded 300 homes, then 12 schools.", prefix="## ")
    b = article("B", "Rain flooded 310 homes and 12 schools.", prefix="\n" * 11)
    arts, members = group(a, b)
    divergences, _ = number_divergences(arts, 0, members)
    assert [(d.article, d.text) for d in divergences] == [(0, "300"), (1, "310")]
    for d in divergences:
        assert arts[d.article].source.raw[d.start : d.end] == d.text
        sentence = arts[d.article].sentences[d.sentence]
        assert sentence.start <= d.start < d.end <= sentence.end


def test_origin_map_with_gaps() -> None:
    text = "Guards saw 40 boats."
    origin = tuple(range(100, 111)) + tuple(range(150, 159))  # cleaning removed 39 chars
    raw = "_" * 100 + text[:11] + "=" * 39 + text[11:]
    source = Source("g.txt", "g.txt", raw, "g", "G")
    art = Article(source, (Sentence(0, text, 100, 159, 0, origin),), (), "G")
    _, claims = number_divergences([art], 0, [Member(0, (0,), 1.0)])
    assert (claims[0].start, claims[0].end) == (150, 152)
    assert raw[150:152] == "40"


def test_deterministic_and_member_order_independent() -> None:
    a = article("A", "Officials counted 70 injured miners.")
    b = article("B", "Officials counted 75 injured miners.")
    c = article("C", "Officials counted about 70 injured miners.")
    arts, members = group(a, b, c)
    first = number_divergences(arts, 0, members)
    again = number_divergences(arts, 0, members)
    assert first == again
    keys = [(d.article, d.sentence, d.start) for d in first[0]]
    assert keys == sorted(keys)


# ---------------------------------------------------------------- on whole articles


def test_invented_reports_have_no_false_conflicts() -> None:
    """Three invented reports of one accident agree on every figure they share."""
    alignment = build([INVENTED])
    for g in alignment.groups:
        divergences, claims = number_divergences(alignment.articles, g.id, g.members)
        assert [d for d in divergences if d.relation == "conflict"] == []
        for c in claims:
            assert alignment.articles[c.article].source.raw[c.start : c.end] == c.quantity.text


def test_seed_figures_that_agree_are_never_marked() -> None:
    """On the bundled articles: agreeing times, dates and counts, and non-claims, stay quiet."""
    alignment = build([bundled_seeds()])
    quiet = ("March 15", "0001", "00.01", "more than 300", "2018")
    for g in alignment.groups:
        divergences, claims = number_divergences(alignment.articles, g.id, g.members)
        assert not [d for d in divergences if d.text in quiet or "Russia" in d.text]
        assert not [d for d in divergences if "midnight" in d.text and d.relation == "conflict"]
        assert not [c for c in claims if "24" in c.quantity.text]
        assert not [c for c in claims if c.quantity.text in ("65", "4", "M4")]


_PIECES = st.sampled_from(
    [
        "59 Turkish soldiers",
        "58 Turkish soldiers",
        "dozens of soldiers",
        "about 4 miles wide",
        "6 km to the north and 6 km south",
        "At 00.01",
        "at midnight on Thursday",
        "midnight Friday",
        "March 15",
        "more than 300 civilians",
        "at least 15 civilians",
        "nearly six hours of talks",
        "a six-hour meeting",
        "and",
        "the",
        ",",
        "in 2018",
    ]
)
_SENTENCES = st.lists(_PIECES, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=3), min_size=1, max_size=4))
def test_any_group_gives_consistent_marks(texts: list[list[str]]) -> None:
    arts, members = group(*(article(f"Outlet {i}", *ts) for i, ts in enumerate(texts)))
    divergences, claims = number_divergences(arts, 0, members)
    assert len(claims) == sum(len(extract(s.text)) for a in arts for s in a.sentences)
    for item in (*divergences, *claims):
        text = item.text if isinstance(item, Divergence) else item.quantity.text
        assert arts[item.article].source.raw[item.start : item.end] == text
    assert {d.relation for d in divergences} <= {"conflict", "precision"}
    marked = {d.article for d in divergences}
    assert len(marked) != 1  # a disagreement is always marked on both sides
    keys = [(d.article, d.sentence, d.start) for d in divergences]
    assert keys == sorted(keys) and len(keys) == len(set(keys))
