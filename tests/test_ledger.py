"""Comparing figures across outlets, wherever they sit in the story (align.ledger)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
import yaml
from helpers_align import make_article
from hypothesis import given, settings
from hypothesis import strategies as st

from align import build, bundled_seeds
from align.figures import STEP_SENTENCES, extract, read_figures
from align.ledger import Ledger, build_ledger, pair_many, pair_outlets
from align.model import Article, Claim, Divergence, Relation, Sentence, Source

INVENTED = Path(__file__).parent / "gold" / "invented"


def article(label: str, *texts: str, prefix: str = "Headline\n\n") -> Article:
    """An article whose sentences sit after ``prefix`` in the raw text, one per paragraph."""
    return make_article(
        label.lower(), [[t] for t in texts], label, prefix=prefix, path=f"{label}.txt"
    )


def ledger(*articles: Article, group: int = 0) -> Ledger:
    """The ledger of articles whose sentences all sit in one passage."""
    return build_ledger(list(articles), lambda article, sentence: group)


def apart(*articles: Article) -> Ledger:
    """The ledger of articles whose every sentence is a passage of its own."""
    return build_ledger(list(articles), lambda article, sentence: article * 100 + sentence)


def marks(*articles: Article) -> list[Divergence]:
    """Number divergences of one passage holding every sentence."""
    return list(ledger(*articles).divergences.get(0, ()))


def all_marks(found: Ledger) -> list[Divergence]:
    return [d for group in sorted(found.divergences) for d in found.divergences[group]]


def on(divergences: list[Divergence], index: int) -> list[tuple[str, str | None]]:
    return [(d.text, d.relation) for d in divergences if d.article == index]


# ---------------------------------------------------------------- the cases


def test_hedges_that_exclude_the_figure_conflict() -> None:
    found = marks(
        article("A", "They agreed after a six-hour meeting in the capital."),
        article("B", "It came after nearly six hours of talks."),
        article("C", "After more than six hours of talks, they agreed."),
    )
    assert on(found, 0) == [("six-hour", "precision")]
    assert on(found, 1) == [("nearly six hours", "conflict")]
    assert on(found, 2) == [("more than six hours", "conflict")]


def test_figures_are_compared_across_passages() -> None:
    found = apart(
        article("A", "The ferry sank at dawn.", "Officials said 41 passengers drowned."),
        article("B", "At least 45 passengers died when the ferry sank.", "Divers went down."),
    )
    (a,) = found.divergences[1]
    (b,) = found.divergences[100]
    assert (a.text, a.relation, b.text, b.relation) == ("41", "conflict", "At least 45", "conflict")
    assert [(c.article, c.group, c.quantity.text) for c in a.against] == [(1, 100, "At least 45")]
    assert "passage 101" in a.detail and "passage 2" in b.detail
    (row,) = [m for m in found.rows if len(m.claims) == 2]
    assert row.worst == "conflict" and row.label == "passenger killed"


def test_injured_is_not_compared_with_killed() -> None:
    found = marks(
        article("A", "Airstrikes killed more than a dozen civilians and injured at least 20."),
        article("B", "The strikes killed at least 15 people, including children."),
    )
    assert on(found, 0) == [("more than a dozen", "precision")]
    assert on(found, 1) == [("at least 15", "precision")]


def test_a_running_total_is_not_set_against_one_incident() -> None:
    found = marks(
        article("A", "Since the beginning of February, 59 soldiers have been killed."),
        article("B", "On Monday, 33 soldiers were killed in one air strike."),
        article("C", "Since Feb. 3, 58 soldiers have been killed."),
    )
    assert on(found, 0) == [("59", "conflict")]
    assert on(found, 1) == []
    assert on(found, 2) == [("58", "conflict")]


def test_a_toll_in_that_time_takes_the_period_named_before_it() -> None:
    found = apart(
        *read_figures(
            [
                article(
                    "A",
                    "Nearly a million people have fled since December.",
                    "At least 470 civilians have been killed in that time, the UN said.",
                ),
                article("B", "In February alone, 169 civilians were killed."),
                article("C", "Some 300 civilians have been killed since December."),
            ]
        )
    )
    marked = [(d.text, d.relation) for d in all_marks(found)]
    assert marked == [("At least 470", "conflict"), ("Some 300", "conflict")]  # not 169
    after_a_day = apart(
        *read_figures(
            [
                article("A", "A truce took effect on March 6.", "Since then, 12 civilians died."),
                article("B", "Ten civilians have died since the truce took effect."),
            ]
        )
    )  # "then" is a day, no period: which period is meant is unknown, so no scope
    assert [d.text for d in all_marks(after_a_day)] == ["12", "Ten"]
    # ... but it is no one day's count: "has since sunk three" against "two on Sunday"
    since = [article("A", "The navy struck on Friday.", "It has since sunk three patrol boats.")]
    sunday = article("B", "The navy sank two patrol boats on Sunday.")
    assert all_marks(apart(*read_figures([*since, sunday]))) == []
    last_year = read_figures(
        [article("A", "Strikes grew in February.", "30 died over the same period last year.")]
    )
    assert last_year[0].sentences[1].figures[0].scope.kind == "dated"


def test_a_toll_with_a_place_is_still_set_against_one_naming_none() -> None:
    # "in Idlib" may be the whole story's place: a toll that names it is compared
    # with one that does not, even beside a count for another place (a rule that
    # made such figures parts hid this conflict, see README "Numeric claims")
    found = apart(
        article(
            "A",
            "Thirty-three Turkish soldiers were killed in Syria's Idlib province "
            "and two Turkish soldiers in Hatay.",
        ),
        article("B", "An air strike killed 34 Turkish soldiers, the ministry said."),
    )
    marked = [(d.text, d.relation) for d in all_marks(found)]
    assert marked == [("Thirty-three", "conflict"), ("34", "conflict")]


def test_a_country_that_lost_soldiers_is_compared_with_its_soldiers_only() -> None:
    found = apart(
        article("A", "Turkey has lost 59 soldiers since the beginning of February."),
        article("B", "Since the beginning of February, 58 Turkish soldiers have been killed."),
        article("C", "Turkish drones killed dozens of soldiers, a monitor said."),
    )
    marked = [(d.text, d.relation) for d in all_marks(found)]
    assert marked == [("59", "conflict"), ("58", "conflict")]


def test_a_count_of_its_own_people_is_compared_when_the_owner_is_named() -> None:
    found = apart(
        article("A", "Valeria says 59 of its border guards were killed in March."),
        article("B", "In March, 58 Valerian border guards were killed, officials said."),
        article("C", "Several of Valeria's border posts remain surrounded."),
        article("D", "The ministry said 12 of its border guards were killed in March."),
    )
    marked = [(d.text, d.relation) for d in all_marks(found)]
    assert marked == [("59", "conflict"), ("58", "conflict")]  # a share or no owner: nothing


def test_whose_people_a_count_of_its_own_counts_is_the_name_that_opens_the_sentence() -> None:
    found = apart(
        article("A", "Ukraine said Russian forces killed 15 of its soldiers on Monday."),
        article("B", "Russia said 40 of its soldiers died on Monday."),
        article("C", "South Korea said two of its soldiers were wounded."),
        article("D", "North Korea said five of its soldiers were wounded."),
    )
    assert all_marks(found) == []
    # an owner is a name of a few words: a run of capitals (a headline, a table, junk)
    # is none, and its words are never carried into what a count counts (a count
    # named by 8,000 words was compared word by word with every other count)
    caps = " ".join(["Alpha", "Bravo", "Charlie", "Delta", "Echo"] * 3)
    assert [q.counted for q in extract(f"{caps} said 15 of its soldiers were killed.")] == [""]
    # the name that says the count, right before it; a number word opens no name
    later = (
        "Thirty-four Valerian soldiers were killed on Monday, and Valeria says 59 of its"
        " troops have died since February."
    )
    counts = [q.counted for q in extract(later) if q.kind == "count"]
    assert counts == ["valerian soldier", "valeria soldier"]
    lost = apart(article("A", later), article("B", "Valeria has lost 58 soldiers since February."))
    assert [(d.text, d.relation) for d in all_marks(lost)] == [
        ("59", "conflict"),
        ("58", "conflict"),
    ]


def test_soldiers_of_no_stated_side_are_not_compared_when_two_sides_lose_soldiers() -> None:
    found = apart(
        article(
            "A", "At least 40 Valerian soldiers were killed. Valeria killed 120 Moravian soldiers."
        ),
        article("B", "Forty Valerian soldiers died. About 120 Moravian soldiers were killed."),
        article("C", "According to the ministry, 38 soldiers were killed."),
        article("D", "Monitors said dozens of soldiers died in the fighting."),
    )
    assert {d.text for d in all_marks(found)} <= {"At least 40", "Forty", "120", "About 120"}
    named_once = apart(  # a side one outlet names among the dead splits nothing
        article("A", "Twelve miners were killed on Monday. Three Chinese miners died."),
        article("B", "Fifteen miners were killed on Monday. Two Afghan miners died."),
    )
    assert ("Twelve", "conflict") in [(d.text, d.relation) for d in all_marks(named_once)]
    one_side = apart(
        article("A", "Six soldiers were killed in the blast."),
        article("B", "Seven soldiers died in the blast, officials said."),
    )
    assert [(d.text, d.relation) for d in all_marks(one_side)] == [
        ("Six", "conflict"),
        ("Seven", "conflict"),
    ]


def test_others_wounded_beside_soldiers_are_soldiers_not_people() -> None:
    # "six others" are soldiers: not set against civilians wounded elsewhere
    found = apart(
        article("A", "Two soldiers were killed and six others wounded in the attack."),
        article("B", "The strike killed 15 people and wounded several others."),
    )
    assert all_marks(found) == []


def test_distances_of_two_named_places_from_one_city_are_not_compared() -> None:
    found = apart(
        article(
            "A",
            "The flood reached Harwick, where the old bridge crosses the river "
            "about 15 km east of Dorchester.",
        ),
        article(
            "B",
            "Rescuers worked through the night in the village of Lymbury, "
            "about 30 km east of Dorchester.",
        ),
    )
    assert all_marks(found) == []


def test_a_run_of_capitals_is_no_place_and_places_are_compared_in_linear_time() -> None:
    # two places were compared word by word, every word against every word: a
    # "place" of 1,000 capitalised words in 30 KB took 15 s
    def seconds(words: int) -> float:
        run = " ".join(f"Dor{'abcdefghij'[i % 10]}{i}" for i in range(words))
        texts = [f"{n} villagers were killed in {run}." for n in (12, 15)]
        start = time.perf_counter()
        apart(article("A", texts[0]), article("B", texts[1].replace("Dor", "Wes")))
        return time.perf_counter() - start

    assert extract("Nine were killed in Alpha Bravo Charlie Delta Echo.")[0].scope.place == ""
    small = max(seconds(200), seconds(200), 0.02)  # the first run also warms the caches
    assert seconds(2000) < 30 * small  # tenfold input: ~10x, not 100x


def test_the_place_a_distance_locates_is_its_nearest_name_of_a_few_words() -> None:
    hit = next(
        q
        for q in extract("Alpha Bravo Charlie Delta Echo Foxtrot lies 30 km south of Dorchester.")
        if q.kind == "length"
    )
    assert hit.scope.place == "charlie delta echo foxtrot"


def test_a_source_is_not_the_place_a_distance_locates() -> None:
    for a, b in [
        (
            "The USGS said the epicentre was 71 km southwest of Dorchester.",
            "Police said it struck 56 km southwest of Dorchester.",
        ),
        (
            "Wessex's institute put the epicentre 71 km southwest of Dorchester.",
            "Rescuers said it struck 56 km southwest of Dorchester.",
        ),
    ]:
        found = apart(article("A", a), article("B", b))
        assert {d.text for d in all_marks(found)} == {"71 km", "56 km"}


def test_a_distance_naming_no_place_or_the_same_place_is_still_compared() -> None:
    found = apart(
        article("A", "The derailment happened in Harwick, Dorset, about 84 km west of Dorchester."),
        article("B", "Harwick is a market town about 100 km west of Dorchester."),
        article("C", "The crash occurred about 100 km west of Dorchester."),
    )
    marked = [(d.text, d.relation) for d in all_marks(found)]
    assert marked == [
        ("about 84 km", "conflict"),
        ("about 100 km", "conflict"),
        ("about 100 km", "conflict"),
    ]


def test_one_attack_named_with_its_side_is_set_against_attacks_not_totals() -> None:
    strike = (
        "The talks came a week after 36 border guards were killed in a Valerian army drone strike."
    )
    found = apart(
        article("A", strike),
        article("B", "Thirty-four border guards died in a drone strike on March 3."),
        article("C", "More than 60 border guards were killed in March."),
        article("D", "Since the start of March, 59 border guards have been killed."),
    )
    rows = [sorted(c.quantity.text for c in row.claims) for row in found.rows]
    assert ["36", "Thirty-four"] in rows and ["59", "More than 60"] in rows
    assert {d.text for d in all_marks(found)} == {"36", "Thirty-four", "59", "More than 60"}
    week = next(q for q in extract(strike) if q.text == "a week")
    assert week.scope.kind == ""  # an attack scopes its toll, not the talks' "a week"


def test_tolls_of_attacks_on_named_places_are_compared_only_for_one_place() -> None:
    found = apart(
        article("A", "On Tuesday, an air strike on the town of Halden killed nine civilians."),
        article(
            "B",
            "A missile strike near the village of Orla, about 8 km north of the capital, "
            "killed at least 15 civilians, the rescue service said.",
        ),
        article("C", "Rescuers said a strike on Wednesday had killed 11 civilians in Port Ellis."),
    )
    assert all_marks(found) == []
    same = apart(
        article("A", "On Tuesday, an air strike on the town of Halden killed nine civilians."),
        article(
            "D", "An air strike on Halden killed at least 12 civilians on Tuesday, officials said."
        ),
    )
    assert [(d.text, d.relation) for d in all_marks(same)] == [
        ("nine", "conflict"),
        ("at least 12", "conflict"),
    ]


def test_an_attack_on_a_target_names_no_place() -> None:
    # "on" names what was hit: a building or a commander is no place to tell tolls apart
    found = apart(
        article("A", "The attack on the Crocus concert hall killed 137 people, officials said."),
        article("B", "The attack in Krasnogorsk, just outside the capital, killed 133 people."),
    )
    assert [(d.text, d.relation) for d in all_marks(found)] == [
        ("137", "conflict"),
        ("133", "conflict"),
    ]
    later = extract("A day after the strike in Odesa killed 12, drones killed 7 people.")
    assert [(q.text, q.scope.place) for q in later if q.kind == "count"] == [
        ("12", "odesa"),
        ("7", ""),  # another attack's count: the first one's place is not its place
    ]


def test_different_periods_are_not_compared() -> None:
    found = marks(
        article("A", "Hundreds of civilians have been killed in recent weeks."),
        article("B", "Some 250 civilians have been killed since December."),
    )
    assert found == []


def test_speed_is_not_a_speed_limit() -> None:
    found = marks(
        article("A", "The train was travelling at 45 mph when it left the rails."),
        article("B", "The line has a speed limit of 60 mph."),
    )
    assert found == []
    converted = marks(
        article("A", "The train was travelling at 45 mph."),
        article("B", "The train was going about 72 km/h."),
    )
    assert {d.relation for d in converted} == {"precision"}
    conflict = marks(
        article("A", "The train was travelling at 45 mph."),
        article("B", "The train was travelling at about 90 km/h."),
    )
    assert {d.relation for d in conflict} == {"conflict"}


def test_counts_with_a_role_and_no_noun_are_compared() -> None:
    found = marks(
        article("A", "Officials said 23 were injured."),
        article("B", "At least 31 people were injured."),
        article("C", "More than two dozen were injured."),
    )
    assert on(found, 0) == [("23", "conflict")]
    assert on(found, 1) == [("At least 31", "conflict")]
    assert on(found, 2) == [("More than two dozen", "conflict")]


def test_residents_and_people_evacuated_are_one_quantity() -> None:
    found = marks(
        article("A", "About 1,200 residents were evacuated."),
        article("B", "Roughly 3,000 people were evacuated from the town."),
    )
    assert {d.relation for d in found} == {"conflict"}


def test_dates_of_different_events_are_not_compared() -> None:
    found = marks(
        article("A", "The leaders met on Thursday.", "The truce begins at midnight on Friday."),
        article("B", "The talks were held Wednesday.", "The truce starts at 00:01 on Saturday."),
    )
    assert [d.text for d in found] == ["midnight on Friday", "00:01"] or all(
        d.text not in ("Thursday", "Wednesday") for d in found
    )


def test_weekday_midnight_ambiguity_is_precision() -> None:
    found = marks(
        article("A", "The truce starts at midnight on Thursday."),
        article("B", "The truce starts at midnight Friday."),
    )
    assert {d.relation for d in found} == {"precision"}


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


def test_a_figure_is_used_once_per_other_outlet() -> None:
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
    assert a_marks[0].detail == "conflict: 59 vs 58 (B), dozens (C, precision) — house destroyed"
    assert [(d.text, d.relation) for d in found if d.article == 2] == [("dozens", "precision")]


def test_length_details_show_km() -> None:
    found = marks(
        article("A", "The pipeline is 1,200 km long."),
        article("B", "The pipeline is about 900 miles long."),
    )
    assert found[0].detail == (
        "conflict: 1,200 km long (1200 km) vs about 900 miles long (B, 1347-1550 km) — length"
    )


def test_a_group_of_one_has_claims_but_no_marks() -> None:
    found = ledger(article("A", "Police detained 12 protesters on March 3."), group=7)
    assert found.divergences == {}
    assert [(c.group, c.quantity.text) for c in found.claims[7]] == [(7, "12"), (7, "March 3")]


# ---------------------------------------------------------------- offsets and order


def test_claims_carry_raw_offsets_in_reading_order() -> None:
    a = article("A", "Nothing here.", "Crews saved 96 people and 3 dogs.", prefix="X" * 37)
    b = article("B", "Rescuers saved 96 people.")
    claims = ledger(a, b, group=2).claims[2]
    assert [(c.article, c.sentence, c.quantity.text) for c in claims] == [
        (0, 1, "96"),
        (0, 1, "3"),
        (1, 0, "96"),
    ]
    for c in claims:
        art, q = (a, b)[c.article], c.quantity
        start, end = art.sentences[c.sentence].raw_span(q.start, q.end)
        assert (
            art.source.raw[start:end] == art.sentences[c.sentence].text[q.start : q.end] == q.text
        )


def test_divergence_offsets_point_at_their_text() -> None:
    a = article("A", "Intro.", "Rain flooded 300 homes, then 12 schools.", prefix="## ")
    b = article("B", "Rain flooded 310 homes and 12 schools.", prefix="\n" * 11)
    divergences = marks(a, b)
    assert [(d.article, d.text) for d in divergences] == [(0, "300"), (1, "310")]
    for d in divergences:
        art = (a, b)[d.article]
        sentence = art.sentences[d.sentence]
        assert sentence.text[d.start : d.end] == d.text
        start, end = sentence.raw_span(d.start, d.end)
        assert art.source.raw[start:end] == d.text
        assert sentence.start <= start < end <= sentence.end


def test_origin_map_with_gaps() -> None:
    text = "Guards saw 40 boats."
    origin = tuple(range(100, 111)) + tuple(range(150, 159))  # cleaning removed 39 chars
    raw = "_" * 100 + text[:11] + "=" * 39 + text[11:]
    source = Source("g.txt", "g.txt", raw, "g", "G")
    art = Article(source, (Sentence(0, text, 100, 159, 0, origin),), (), "G")
    (claim,) = ledger(art).claims[0]
    assert art.sentences[0].raw_span(claim.quantity.start, claim.quantity.end) == (150, 152)
    assert raw[150:152] == "40"


def test_figures_are_read_once_and_compared_as_carried() -> None:
    a = article("A", "Officials counted 70 injured miners.", "Officials counted 70 injured miners.")
    b = article("B", "Officials counted 75 injured miners.")
    read = read_figures([a, b])
    first, again = read[0].sentences
    assert first.figures == extract(first.text) != ()
    assert again.figures is first.figures  # one reading per distinct text
    assert a.sentences[0].figures is None  # the input is left as it was
    assert ledger(*read) == ledger(a, b)  # unread sentences are read when compared
    blank = [x._replace(sentences=tuple(s._replace(figures=()) for s in x.sentences)) for x in read]
    assert ledger(*blank).rows == ()  # what is compared is what the sentences carry


def test_deterministic_and_order_independent() -> None:
    a = article("A", "Officials counted 70 injured miners.")
    b = article("B", "Officials counted 75 injured miners.")
    c = article("C", "Officials counted about 70 injured miners.")
    first, again = ledger(a, b, c), ledger(a, b, c)
    assert first == again
    keys = [(d.article, d.sentence, d.start) for d in first.divergences[0]]
    assert keys == sorted(keys)
    reordered = ledger(c, a, b)
    assert sorted(d.text for d in reordered.divergences[0]) == sorted(
        d.text for d in first.divergences[0]
    )


# ---------------------------------------------------------------- on whole articles


@pytest.mark.parametrize("story", ["ferry", "wildfire", "mine"])
def test_invented_reports_have_no_false_conflicts(story: str) -> None:
    """Invented reports of one event agree on every figure they share."""
    gold = yaml.safe_load((INVENTED / f"{story}.yaml").read_text(encoding="utf-8"))
    alignment = build([INVENTED / name for name in gold["articles"].values()])
    for g in alignment.groups:
        assert [d for d in g.divergences if d.relation == "conflict"] == []
        for c in g.claims:
            art, q = alignment.articles[c.article], c.quantity
            start, end = art.sentences[c.sentence].raw_span(q.start, q.end)
            assert art.source.raw[start:end] == q.text


def test_seed_figures_that_agree_are_never_marked() -> None:
    """On the bundled articles: agreeing times, dates and counts, and non-claims, stay quiet."""
    alignment = build([bundled_seeds()])
    quiet = ("March 15", "0001", "00.01", "more than 300", "2018", "Thursday", "Wednesday")
    for g in alignment.groups:
        divergences = [d for d in g.divergences if d.kind == "number"]
        assert not [d for d in divergences if d.text in quiet or "Russia" in d.text]
        assert not [d for d in divergences if "midnight" in d.text and d.relation == "conflict"]
        assert not [c for c in g.claims if "24" in c.quantity.text]
        assert not [c for c in g.claims if c.quantity.text in ("65", "4", "M4")]


def test_seed_ledger_rows() -> None:
    """The seeds' measured quantities: one row each, whatever the wording or passage."""
    alignment = build([bundled_seeds()])
    rows = {m.label: m for m in alignment.ledger if len(m.articles) > 1}
    assert rows["turkish soldier killed"].worst == "conflict"
    assert rows["corridor width"].worst == "conflict"
    assert rows["talks duration"].worst == "conflict"
    displaced = rows["people displaced"]
    assert len(displaced.articles) >= 3 and displaced.worst == "precision"
    killed = rows["civilian killed · Thursday"]  # UPI's "overnight" in its Thursday article
    assert {c.quantity.text for c in killed.claims} == {"more than a dozen", "at least 15"}
    injured = [m for m in alignment.ledger if m.label.startswith("people injured")]
    assert injured and all(m.worst is None for m in injured)  # "at least 20" stands alone


_PIECES = st.sampled_from(
    [
        "59 Turkish soldiers were killed",
        "58 Turkish soldiers died",
        "dozens of soldiers",
        "about 4 miles wide",
        "6 km to the north and 6 km south",
        "At 00.01 the truce began",
        "the truce begins at midnight on Thursday",
        "midnight Friday",
        "March 15",
        "more than 300 civilians",
        "at least 15 civilians",
        "nearly six hours of talks",
        "a six-hour meeting",
        "since February",
        "in one attack",
        "and",
        "the",
        ",",
        "in 2018",
    ]
)
_SENTENCES = st.lists(_PIECES, min_size=1, max_size=8).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(_SENTENCES, min_size=1, max_size=3), min_size=1, max_size=4))
def test_any_story_gives_consistent_marks(texts: list[list[str]]) -> None:
    arts = [article(f"Outlet {i}", *ts) for i, ts in enumerate(texts)]
    found = apart(*arts)
    claims = [c for group in found.claims.values() for c in group]
    assert len(claims) == sum(len(extract(s.text)) for a in arts for s in a.sentences)
    divergences = all_marks(found)
    for item in (*divergences, *claims):
        text, span = (
            (item.text, (item.start, item.end))
            if isinstance(item, Divergence)
            else (item.quantity.text, (item.quantity.start, item.quantity.end))
        )
        start, end = arts[item.article].sentences[item.sentence].raw_span(*span)
        assert arts[item.article].source.raw[start:end] == text
    for d in divergences:
        assert d.relation in ("conflict", "precision")
        assert d.against and all(c.article != d.article for c in d.against)
        assert isinstance(d.against[0], Claim)
    marked = {d.article for d in divergences}
    assert len(marked) != 1  # a disagreement is always marked on both sides
    in_rows = [c for m in found.rows for c in m.claims]
    assert len(in_rows) == len(set(in_rows))  # a claim is in one row at most


# ---------------------------------------------------------------- hostile input


def test_a_huge_number_is_not_a_figure() -> None:
    found = ledger(
        article("A", "Officials counted " + "7" * 10_000 + " soldiers killed."),
        article("B", "Officials counted 12 soldiers killed."),
    )
    assert [c.quantity.text for c in found.claims[0]] == ["12"]


def test_an_article_of_100000_figures_is_compared_in_part_with_a_warning() -> None:
    many = article("A", *(f"{i} soldiers were killed." for i in range(100_000)))
    found = ledger(many, article("B", "Officials said 12 soldiers were killed."))
    in_a = [c for c in found.claims[0] if c.article == 0]
    assert len(in_a) == 2000
    assert found.warnings == ("A.txt: more than 2,000 figures; only the first 2,000 are compared",)


def test_a_headline_figure_restating_a_hedged_one_takes_its_hedge() -> None:
    found = marks(
        article("A", "115 killed as train derails", "At least 115 people were killed."),
        article("B", "Officials said 119 people were killed."),
    )
    assert [(d.article, d.text, d.relation) for d in found] == [
        (0, "At least 115", "precision"),
        (1, "119", "precision"),
    ]


def test_every_claim_of_a_reading_shares_its_relations() -> None:
    found = ledger(
        article("A", "The strike killed 59 soldiers."),
        article("B", "The strike killed 59 soldiers."),
        article("C", "The strike killed 59 soldiers."),
        article("D", "The strike killed 58 soldiers."),
    )
    (row,) = found.rows
    texts = [c.quantity.text for c in row.claims]
    assert texts == ["59", "59", "59", "58"]
    assert row.related(1) == ((0, "same"), (2, "same"), (3, "conflict"))
    assert row.related(3) == ((0, "conflict"), (1, "conflict"), (2, "conflict"))
    assert len(row.pairings) < 6  # one per two readings, not per two outlets


# a relation and the order its pairs are made in (a vague figure's agreement last)
RELATIONS: tuple[tuple[Relation, int] | None, ...] = (
    ("same", 0),
    ("precision", 1),
    ("conflict", 2),
    ("precision", 4),
    ("conflict", 5),
    None,
)


@settings(max_examples=60, deadline=None)
@given(
    table=st.lists(st.sampled_from(RELATIONS), min_size=36, max_size=36),
    distances=st.lists(st.sampled_from([0.0, 0.1, 0.5]), min_size=36, max_size=36),
    outlets=st.lists(st.lists(st.integers(0, 5), min_size=1, max_size=7), min_size=2, max_size=9),
)
def test_pairing_many_outlets_at_once_pairs_as_one_pair_at_a_time(
    table: list[tuple[Relation, int] | None], distances: list[float], outlets: list[list[int]]
) -> None:
    """``pair_many`` (every two outlets at once, by readings) gives each two outlets
    the pairs ``pair_outlets`` gives them, in its order: ties of relation and
    distance go by reading order, and a claim is paired once."""
    reading_of = [r for readings in outlets for r in readings]  # claim -> its reading
    claims, start = [], 0
    for readings in outlets:
        claims.append(list(range(start, start + len(readings))))
        start += len(readings)

    def judge(i: int, j: int) -> tuple[Relation, int, float] | None:
        cell = reading_of[i] * 6 + reading_of[j]
        found = table[cell]
        return None if found is None else (*found, distances[cell])

    many = pair_many(claims, judge, reading_of)
    assert set(many) == {(x, y) for x in range(len(claims)) for y in range(x + 1, len(claims))}
    for (x, y), pairs in many.items():
        assert pairs == pair_outlets(claims[x], claims[y], judge)


def test_outlets_past_the_claim_limit_are_paired_one_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("align.ledger.MANY_CLAIMS", 2)
    claims = [[0, 1], [2, 3, 4], [5, 6]]
    many = pair_many(claims, lambda i, j: ("same", 0, 0.0), list(range(7)))
    assert set(many) == {(0, 2)}


def test_reading_figures_reports_progress_and_can_be_stopped() -> None:
    class Stop(Exception):
        pass

    many = make_article("many", [[f"Crews moved {k} people from the coast." for k in range(1200)]])
    heard: list[float] = []
    read_figures([many], heard.append)
    assert len(heard) == 1200 // STEP_SENTENCES and heard == sorted(heard) and heard[-1] < 1

    def stop(fraction: float) -> None:
        raise Stop

    with pytest.raises(Stop):  # the reader's quit: the engine stops at the next report
        read_figures([many], stop)


def test_rows_that_would_read_alike_say_their_scope() -> None:
    one = article("Ledger", "More than 300 civilians have been killed since the offensive began.")
    two = article("Courier", "More than 300 civilians have been killed since last December.")
    rows = ledger(one, two).rows
    labels = sorted(row.label for row in rows)
    assert len(rows) == 2, "two scopes the engine cannot equate: not compared"
    assert labels[0] != labels[1], "the reader must see why they are two rows"
    assert any("since the offensive" in label for label in labels)
    assert any(label.endswith("since last December") for label in labels)
    assert "since last December" in labels[0] + labels[1]  # as written, no full stop
    three = article("Herald", "Seven soldiers were wounded on Tuesday.")
    assert all("·" not in row.label for row in ledger(one, three).rows), (
        "a label no other row shares stays short"
    )


def test_rows_that_would_read_alike_say_their_place() -> None:
    one = article("Ledger", "On Tuesday, a strike on the town of Halden killed nine civilians.")
    two = article("Courier", "On Tuesday, a strike near the village of Orla killed 15 civilians.")
    labels = sorted(row.label for row in ledger(one, two).rows if row.kind == "count")
    assert labels == ["civilian killed · Tuesday · Halden", "civilian killed · Tuesday · Orla"]


def test_an_outlet_that_restates_a_time_in_one_sentence_gives_one_row() -> None:
    found = apart(
        article("A", "At 00:01 tonight, as in, from midnight, the truce will be put in place."),
        article("B", "The truce will begin a minute after midnight."),
        article("C", "The truce will begin at midnight."),
    )
    starts = [row for row in found.rows if row.label.startswith("ceasefire start")]
    assert len(starts) == 1 and len(starts[0].claims) == 4
    assert all(d.relation != "conflict" for d in all_marks(found))


def test_two_figures_of_one_measure_that_disagree_in_a_sentence_stay_apart() -> None:
    found = apart(
        article("A", "The truce will begin at 06:00, or at 09:00 in the north."),
        article("B", "The truce will begin at 06:00."),
    )
    row = next(r for r in found.rows if r.label.startswith("ceasefire start"))
    assert [c.quantity.text for c in row.claims] == ["06:00", "06:00"]


def test_many_readings_of_one_measure_are_paired_in_bounded_time() -> None:
    # each of an outlet's claims of one measure was paired with each of another's:
    # 1,620 distinct times of a ceasefire in each of three 76 KB articles took 17 s
    def seconds(lines: int) -> float:
        texts = []
        for k in range(2):
            rng = random.Random(k)
            texts.append(
                [
                    f"The ceasefire took effect at {rng.randrange(24):02d}:"
                    f"{rng.randrange(60):02d} GMT+{rng.randrange(1, 12)}."
                    for _ in range(lines)
                ]
            )
        start = time.perf_counter()
        apart(article("A", *texts[0]), article("B", *texts[1]))
        return time.perf_counter() - start

    small = max(seconds(100), seconds(100), 0.02)  # the first run also warms the caches
    assert seconds(2000) < 50 * small  # twentyfold input: ~20x (it was ~100x)


def dated(art: Article, day: str) -> Article:
    return art._replace(source=art.source._replace(date=day))


def test_an_overnight_toll_is_the_articles_day_not_another_weekdays() -> None:
    night = article("A", "Air strikes overnight killed more than a dozen civilians in the north.")
    other_day = article("B", "On Wednesday, an air strike killed seven civilians, officials said.")
    same_day = article("C", "At least 15 civilians were killed on Thursday, officials said.")
    # 8 May 2031 is a Thursday: the night before it is Thursday's toll
    assert all_marks(apart(dated(night, "2031-05-08"), other_day)) == []
    assert [
        (d.text, d.relation) for d in all_marks(apart(dated(night, "2031-05-08"), same_day))
    ] == [
        ("more than a dozen", "precision"),
        ("At least 15", "precision"),
    ]
    # undated, "overnight" may be any day's: compared as before
    assert [d.relation for d in all_marks(apart(night, other_day))] == ["conflict", "conflict"]


def test_a_total_over_several_places_is_not_set_against_one_towns_toll() -> None:
    total = article(
        "A", "Thirteen people were killed on Tuesday in shelling of several towns in Orla province."
    )
    town = article("B", "Nine civilians were killed on Tuesday in shelling of the town of Halden.")
    other_total = article(
        "C", "Eleven people were killed on Tuesday in attacks on several towns in Orla province."
    )
    no_place = article("D", "Twelve people were killed on Tuesday, the rescue service said.")
    assert all_marks(apart(total, town)) == []
    assert [d.relation for d in all_marks(apart(total, other_total))] == ["conflict", "conflict"]
    assert [d.relation for d in all_marks(apart(total, no_place))] == ["conflict", "conflict"]


def test_one_kind_of_people_in_a_breakdown_is_not_set_against_a_total() -> None:
    total = article("A", "There were 52 people on board the Orla Air flight, officials said.")
    listed = article("B", "The Orla Air flight was carrying 48 passengers and four crew members.")
    passengers = article("C", "The Orla Air flight had 47 passengers aboard, officials said.")
    assert all_marks(apart(total, listed)) == []
    assert [d.relation for d in all_marks(apart(listed, passengers))] == ["conflict", "conflict"]
    killed = article("D", "On Tuesday 33 soldiers and two civilians were killed in Halden.")
    people = article("E", "On Tuesday 35 people were killed in Halden, officials said.")
    assert all_marks(apart(killed, people)) == []
    # a count beside one under 1% of it stands for the whole
    home = article(
        "F", "The valley is home to thousands of fighters and more than 3 million civilians."
    )
    population = article("G", "The valley is home to some 3.5 million people.")
    assert [d.relation for d in all_marks(apart(home, population))] == ["precision", "precision"]


def test_review_cases_of_breakdowns_places_and_shares() -> None:
    # found in review: a part meets a general count it agrees with, and two breakdowns'
    # people meet each other
    listed = article("A", "On Tuesday an air strike killed 33 soldiers and two civilians in Orla.")
    other = article(
        "B",
        "Two people were also killed in the attack, officials said.",
        "Five civilians were killed in Halden on Wednesday.",
    )
    assert all_marks(apart(listed, other)) == []
    people = article("C", "The strike killed 20 people and three soldiers, officials said.")
    civilians = article("D", "The strike killed 25 civilians and three soldiers, officials said.")
    assert "conflict" in {d.relation for d in all_marks(apart(people, civilians))}
    # a town's toll where shells hit many of its areas is the town's
    town = article(
        "E", "Twelve people were killed in Halden as shelling hit several areas of the town."
    )
    other_town = article(
        "F", "Twenty people were killed in Orla when shells hit many neighbourhoods."
    )
    assert all_marks(apart(town, other_town)) == []


def test_a_vague_figure_does_not_hide_an_outlet_s_conflicting_one() -> None:
    a = article("A", "Since February, 59 Orla soldiers have been killed.")
    b = article(
        "B",
        "The fighting killed dozens of Orla soldiers.",
        "Since February, 60 Orla soldiers have been killed.",
    )
    found = {(d.text, d.relation) for d in all_marks(apart(a, b))}
    assert ("59", "conflict") in found and ("60", "conflict") in found
    # a vague figure's own conflict comes last: "dozens" meets the 41, not the 18
    d = article("D", "Dozens of people were killed.")
    e = article("E", "The toll rose to 41.", "Some 18 people were killed on the bridge.")
    assert "conflict" not in {d.relation for d in all_marks(apart(d, e))}
    # found in review: a round figure is no vague one, and a part far from the whole
    # pairs after a vague figure's agreement
    whole = article("F", "One million people have fled.", "Near the border, 600,000 have fled.")
    some = article("G", "Some 950,000 people have fled.")
    assert "conflict" not in {d.relation for d in all_marks(apart(whole, some))}
    stations = article(
        "H", "Dozens of stations opened late.", "In the capital, 14 stations opened late."
    )
    forty = article("I", "40 stations opened late.")
    assert "conflict" not in {d.relation for d in all_marks(apart(stations, forty))}
    # a figure that agrees closely still pairs before a conflict
    c = article("C", "Since February, nearly 60 Orla soldiers have been killed.", "It lost 34.")
    assert "conflict" not in {d.relation for d in all_marks(apart(a, c)) if d.text == "59"}


def test_the_day_of_an_attack_is_compared_by_its_toll() -> None:
    a = article("A", "Tension rose after 34 Orla soldiers were killed in an air strike on Feb. 27.")
    b = article("B", "Thirty-four Orla soldiers were killed in an air strike on February 28.")
    found = [(d.text, d.relation) for d in all_marks(apart(a, b)) if d.relation == "conflict"]
    assert found == [("Feb. 27", "conflict"), ("February 28", "conflict")]
    # a day that opens the sentence with the toll right after it is the attack's
    fronted = article("H", "On February 28, 34 Orla soldiers were killed in an air strike.")
    found = [(d.text, d.relation) for d in all_marks(apart(a, fronted)) if d.relation == "conflict"]
    assert found == [("Feb. 27", "conflict"), ("February 28", "conflict")]
    buried = article("I", "On March 2, 34 Orla soldiers killed in the air strike were buried.")
    assert not [d for d in all_marks(apart(a, buried)) if d.relation == "conflict"]
    # another toll is another attack, a small toll may be another attack's, a day with
    # no toll meets no other day, and a day said of something else is not the attack's
    for other in (
        "Thirty-three Orla soldiers were killed in an air strike on February 28.",
        "An air strike killed two Orla soldiers on February 28.",
        "An air strike hit the town on February 28.",
        "On Feb. 28, the ministry said 34 Orla soldiers had been killed in the air strike.",
        "The 34 Orla soldiers killed in the air strike were buried on Feb. 28.",
        "Orla retaliated on Feb. 28 after 34 Orla soldiers were killed in an air strike.",
    ):
        c = article("C", other)
        assert not [d for d in all_marks(apart(a, c)) if "Feb" in d.text], other
    # two attacks of one story, each killing twelve
    bus = article("F", "A bombing at a bus station in Orla on Feb. 10 killed 12 people.")
    market = article("G", "A bombing at the Halden market on March 3 killed 12 people.")
    assert not [d for d in all_marks(apart(bus, market)) if d.text in ("Feb. 10", "March 3")]
    small = article("D", "Two Orla soldiers were killed in an air strike on Feb. 27.")
    assert (
        all_marks(apart(small, article("E", "An air strike killed two Orla soldiers on March 2.")))
        == []
    )


def test_an_undated_article_takes_the_date_the_others_carry() -> None:
    story = article("A", "Dozens of people were killed when the Orla Air plane crashed.")
    past = article("B", "In May, 22 people died when another Orla Air plane crashed near Halden.")
    other = article("C", "Orla Air said the plane was 15 years old, officials said.")
    # B has no date; most of the others are of 15 January 2031: May is another event's
    one_day = [dated(story, "2031-01-15"), past, dated(other, "2031-01-15")]
    assert all_marks(build_ledger(one_day, lambda a, s: a * 100 + s)) == []
    # the date most of them carry, not the first one given
    most = [
        dated(story, "2031-05-20"),
        past,
        dated(other, "2031-01-15"),
        dated(other, "2031-01-15"),
    ]
    assert all_marks(build_ledger(most, lambda a, s: a * 100 + s)) == []
    # its own date wins: of 20 May 2031, "In May" is its story's month
    own = [dated(story, "2031-01-15"), dated(past, "2031-05-20")]
    assert [d.relation for d in all_marks(apart(*own))] == ["conflict", "conflict"]
    # "overnight" in an undated article is the others' day
    night = article("D", "Air strikes overnight killed more than a dozen civilians in the north.")
    other_day = article("E", "On Wednesday, an air strike killed seven civilians, officials said.")
    assert all_marks(apart(night, dated(other_day, "2031-05-08"))) == []


def test_a_toll_with_no_place_is_not_set_against_two_incidents_tolls() -> None:
    aleppo = article(
        "A", "Shelling killed six civilians in the Hamdaniyah district of Aleppo on Tuesday."
    )
    town = article("B", "An air strike killed 15 civilians near the town of Halden on Tuesday.")
    unplaced = article("C", "Air strikes on Tuesday killed 14 civilians, activists said.")
    also = article("D", "Eleven civilians were killed in air strikes on Tuesday.")
    found = all_marks(apart(aleppo, town, unplaced, also))
    # each incident keeps its row, the tolls with no place theirs; the four are one
    # family of rows, where a reader looks for an outlet's figure
    found_ledger = apart(aleppo, town, unplaced, also)
    rows = found_ledger.rows
    assert sorted(len(r.claims) for r in rows if r.label.startswith("civilian killed")) == [1, 1, 2]
    assert [len(family) for family in found_ledger.families] == [4]
    # C and D may count either incident: set against neither, but against each other
    assert sorted((d.text, d.relation) for d in found) == [
        ("14", "conflict"),
        ("Eleven", "conflict"),
    ]
    # with one incident named, a toll with no place meets it
    assert [d.relation for d in all_marks(apart(town, unplaced))] == ["conflict", "conflict"]
    # one place named in two ways (the town, the district around it), the later count
    # higher: one incident, as the outlets naming both show
    town_in = article(
        "E", "The train left the rails near Halden in Orla district on Tuesday, killing 97 people."
    )
    district = article("F", "At least 142 people were killed in Orla district on Tuesday.")
    total = article("G", "Rescuers said at least 120 people were killed on Tuesday.")
    assert {d.text for d in all_marks(apart(town_in, district, total))} >= {"at least 120"}
    # an outlet naming another place that shares a word ("Maarat al-Numan") does not
    # name Maarat Misrin: the two incidents stay two
    road = article(
        "J",
        "Shelling killed six civilians in the Hamdaniyah district of Aleppo on Tuesday.",
        "Troops had taken Maarat al-Numan in January.",
    )
    west = article("K", "An air strike killed 15 civilians near Maarat Misrin on Tuesday.")
    assert [d.text for d in all_marks(apart(road, west, unplaced))] == []
    # one place spelled two ways, in one passage: one incident, so the toll with no
    # place meets both (review)
    kyiv = article("L", "A missile strike killed 15 people in Kyiv on Tuesday, the mayor said.")
    kiev = article("M", "A missile strike killed 12 people in Kiev on Tuesday, the mayor said.")
    bare = article("N", "A missile strike killed nine people on Tuesday, the mayor said.")
    assert {d.text for d in all_marks(ledger(kyiv, kiev, bare))} == {"15", "12", "nine"}
    # two towns in one passage are still two towns (review)
    binnish = article("O", "Air strikes killed 15 civilians in the town of Binnish on Tuesday.")
    sarmin = article("P", "Air strikes killed nine civilians in the town of Sarmin on Tuesday.")
    bare2 = article("Q", "Air strikes killed 12 civilians on Tuesday, activists said.")
    assert all_marks(ledger(binnish, sarmin, bare2)) == []
    # an outlet that gives two places' tolls shows two incidents
    both = article(
        "H", "On Tuesday the quake killed 92 people in Jajarkot and 86 people in Rukum West."
    )
    nation = article("I", "At least 140 people were killed on Tuesday across the country.")
    assert all_marks(apart(both, nation)) == []


def test_a_month_long_before_the_article_dates_another_event() -> None:
    story = article("A", "Dozens of people were killed when the Orla Air plane crashed.")
    past = article("B", "In May, 22 people died when another Orla Air plane crashed near Halden.")
    recent = article("C", "In December, 22 people died in a crash near Halden, officials said.")
    # 15 January 2031: May is another event's month; December, the month before, may be the story's
    day = "2031-01-15"
    assert all_marks(apart(dated(story, day), dated(past, day))) == []
    assert [d.relation for d in all_marks(apart(dated(story, day), dated(recent, day)))] == [
        "conflict",
        "conflict",
    ]
    # undated, a month may be the story's own: compared as before
    assert [d.relation for d in all_marks(apart(story, past))] == ["conflict", "conflict"]
    # a month inside the sentence may start the story's period
    began = article("D", "The offensive began in May and has killed 22 people, officials said.")
    assert [d.relation for d in all_marks(apart(dated(story, day), dated(began, day)))] == [
        "conflict",
        "conflict",
    ]


def test_counts_taken_at_different_moments_are_not_compared() -> None:
    """A toll that rises is counted at moments: "as of 3am on Saturday" and "by Friday
    mid-morning" meet no count of another moment; a count with no moment stated is
    still compared with them."""
    early = article("A", "As of 3am on Saturday, the flood had killed 92 people in Orla.")
    later = article("B", "As of 6pm on Saturday, the flood had killed 105 people in Orla.")
    same = article("C", "As of 3am on Saturday, the flood had killed 95 people in Orla.")
    plain = article("D", "The flood killed 105 people in Orla, police said.")
    assert all_marks(apart(early, later)) == []
    assert [d.relation for d in all_marks(apart(early, same))] == ["conflict", "conflict"]
    assert [d.relation for d in all_marks(apart(early, plain))] == ["conflict", "conflict"]
    found = article("E", "At least 100 bodies had been recovered by Friday mid-morning.")
    night = article(
        "F", "Divers stopped after dark on Thursday, by which time some 44 bodies had been found."
    )
    assert all_marks(apart(found, night)) == []


def test_counts_early_late_and_at_the_end_of_a_day_or_by_its_count_are_its_moments() -> None:
    """ "As of early Friday", "by the end of Thursday" and "by Friday's count" time a
    count as "as of 3am on Saturday" does: they meet no count of another moment, and
    two counts of one moment are compared."""
    early = article("A", "As of early Friday, 44 bodies had been recovered from the lake.")
    end = article("B", "By the end of Thursday, 31 bodies had been recovered from the lake.")
    count = article("C", "By Friday's count, 50 bodies had been recovered from the lake.")
    later = article("D", "By Saturday, 100 bodies had been recovered from the lake.")
    same = article("E", "As of Friday, 47 bodies had been recovered from the lake.")
    for one, other in ((early, end), (early, later), (end, count), (count, later)):
        assert all_marks(apart(one, other)) == [], (one.source.id, other.source.id)
    assert [d.relation for d in all_marks(apart(count, same))] == ["conflict", "conflict"]
    # found in review: a deadline, a forecast and an agent are no moments
    for one, other in (
        ("Crews will have restored power to 300 homes by Friday.",
         "Crews will have restored power to 450 homes by Friday evening."),
        ("Officials have said 40 schools will reopen by early Monday.",
         "Officials have said 55 schools will reopen by Monday."),
        ("Some 300 homes had been flooded by late Sunday storms.",
         "By Monday, 350 homes had been flooded."),
    ):  # fmt: skip
        found = all_marks(apart(article("A", one), article("B", other)))
        assert [d.relation for d in found] == ["conflict", "conflict"], one


def test_a_count_as_of_the_pages_own_day_keeps_its_moment() -> None:
    """Found in review: "as of Thursday" on a page of Friday 9 May 2031 had lost its
    moment as the page's own day ("As of Friday") and met Thursday's count."""
    thursday = article("A", "As of Thursday, 136 people had died in the floods.")
    friday = article("B", "As of Friday, 150 people had died in the floods.")
    assert all_marks(apart(dated(thursday, "2031-05-09"), dated(friday, "2031-05-09"))) == []
    # the day it times a count is no start of the floods
    assert all(
        d.kind != "number" or d.text != "Thursday" for d in all_marks(apart(thursday, friday))
    )


def test_one_moment_worded_two_ways_is_one_moment() -> None:
    for a, b in (
        ("As of Friday 5pm", "As of 5 p.m. on Friday"),
        ("As of noon on Saturday", "As of midday Saturday"),
        ("As of Friday at 6 pm", "As of 18:00 on Friday"),
    ):
        one = article("A", f"{a}, 58 people had died in the floods.")
        other = article("B", f"{b}, 71 people had died in the floods.")
        assert [d.relation for d in all_marks(apart(one, other))] == ["conflict", "conflict"], a


def test_a_deadline_by_a_day_is_no_moment() -> None:
    """Found in review: "must leave by Friday" and "by Saturday" are deadlines, not the
    moments two counts were taken at."""
    one = article("A", "Residents of 1,200 homes must leave by Friday, officials said.")
    other = article("B", "Residents of 900 homes must leave by Saturday, officials said.")
    assert [d.relation for d in all_marks(apart(one, other))] == ["conflict", "conflict"]


def test_totals_since_a_day_on_pages_days_apart_are_not_compared() -> None:
    """A total "since February" runs to its page's day: 59 on a page of 5 March and 61
    on one of 16 March are two days' totals. Pages a day apart (a time zone, a morning
    edition) are still compared, and a closed period ("in February") never meets one
    that runs on."""
    early = article("A", "Since the beginning of February, 59 soldiers have been killed.")
    late = article("B", "Since the beginning of February, 61 soldiers have been killed.")
    month = article("C", "In February, 61 soldiers were killed in the fighting.")
    assert all_marks(apart(dated(early, "2031-05-08"), dated(late, "2031-05-19"))) == []
    relations = all_marks(apart(dated(early, "2031-05-08"), dated(late, "2031-05-09")))
    assert [d.relation for d in relations] == ["conflict", "conflict"]
    assert all_marks(apart(dated(early, "2031-05-08"), dated(month, "2031-05-08"))) == []
    # no page dated: the story's one day, compared as before
    assert [d.relation for d in all_marks(apart(early, late))] == ["conflict", "conflict"]


def test_last_thursday_is_another_weeks_thursday() -> None:
    """ "Last Thursday, 22 were killed" is a day of another week than "On Thursday, 24
    were killed": not compared. Two pages' "last Thursday" still are."""
    last = article("A", "Last Thursday, 22 civilians were killed across the province.")
    this = article("B", "On Thursday, 24 civilians were killed across the province.")
    again = article("C", "Some 25 civilians were killed across the province last Thursday.")
    assert all_marks(apart(last, this)) == []
    assert [d.relation for d in all_marks(apart(last, again))] == ["conflict", "conflict"]


def test_a_total_since_then_or_since_a_year_or_of_an_undated_page_is_still_compared() -> None:
    """Found in review: "since then" may be any period, a total since 2011 hardly moves
    in days, and a page whose date is not read may be of any day."""
    then = article("A", "The floods began in February. Since then, 58 people have died.")
    since = article("B", "Since February, 71 people have died in the floods.")
    day = "2031-03-05"
    marks = all_marks(apart(dated(then, day), dated(since, day)))
    assert [d.relation for d in marks] == ["conflict", "conflict"]
    war = article("C", "Since 2011, the war has killed 380,000 people.")
    other = article("D", "Since 2011, the war has killed 500,000 people.")
    marks = all_marks(apart(dated(war, "2031-03-05"), dated(other, "2031-03-09")))
    assert [d.relation for d in marks] == ["conflict", "conflict"]
    marks = all_marks(apart(dated(since, "5 March 2031"), dated(then, day)))
    assert [d.relation for d in marks] == ["conflict", "conflict"]


def test_a_window_back_from_the_page_or_a_calendar_month_is_that_pages() -> None:
    """Found in review: "over the past 24 hours" on two days are two windows, and "this
    month" on 31 May and 1 June two months."""
    one = article("A", "Over the past 24 hours, 12 people were killed in the storms.")
    two = article("B", "Over the past 24 hours, 19 people were killed in the storms.")
    assert all_marks(apart(dated(one, "2031-05-06"), dated(two, "2031-05-07"))) == []
    marks = all_marks(apart(dated(one, "2031-05-06"), dated(two, "2031-05-06")))
    assert [d.relation for d in marks] == ["conflict", "conflict"]
    may = article("C", "This month, 58 people have died in the storms.")
    june = article("D", "This month, 71 people have died in the storms.")
    assert all_marks(apart(dated(may, "2031-05-31"), dated(june, "2031-06-01"))) == []


def test_attacks_named_by_their_days_are_two_attacks() -> None:
    """Found in review: "in the 3 May attack" and "in the 10 May attack" are two."""
    one = article("A", "Nine people were killed in the 3 May attack on the market.")
    other = article("B", "Twelve people were killed in the 10 May attack on the market.")
    same = article("C", "Eleven people were killed in the May 3 attack on the market.")
    assert all_marks(apart(one, other)) == []
    assert [d.relation for d in all_marks(apart(one, same))] == ["conflict", "conflict"]
