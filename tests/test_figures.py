"""Number extraction and comparison (align.numbers) on hand-written sentences."""

from __future__ import annotations

import math
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align.figures import MAX_CLAIMS, comparable, extract, relate
from align.figures.scope import BACK
from align.model import Quantity, Scope


def only(text: str) -> Quantity:
    """The single quantity of a sentence."""
    found = extract(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


def find(text: str, written: str) -> Quantity:
    """The quantity written exactly so in the sentence."""
    hits = [q for q in extract(text) if q.text == written]
    assert len(hits) == 1, [q.text for q in extract(text)]
    return hits[0]


def rel(a: str, b: str) -> str | None:
    """How the figures of two sentences relate; None when they measure different things."""
    x, y = only(a), only(b)
    return relate(x, y) if comparable(x, y) else None


# ---------------------------------------------------------------- counts


@pytest.mark.parametrize(
    ("sentence", "low", "high", "counted"),
    [
        ("Officials said 59 Turkish soldiers have been killed.", 59, 59, "turkish soldier"),
        ("The storm destroyed 3,217 homes in the valley.", 3217, 3217, "home"),
        ("The storm destroyed 3,200 homes in the valley.", 3151, 3298, "home"),  # round: -49, +98
        ("Thirteen people were injured on the bridge.", 13, 13, "people"),
        ("Rescuers found seven children under the rubble.", 7, 7, "child"),
        ("The ministry counted twenty-one new cases.", 21, 21, "case"),
        ("Farmers lost a dozen cows to the flood.", 12, 12, "cow"),
        ("The library lent two dozen laptops.", 24, 24, "laptop"),
        ("The airline carried 2.5 passengers per seat.", 2.5, 2.5, "passenger"),
        ("The town has 4 bakeries and a mill.", 4, 4, "bakery"),
        ("Police arrested 14 protesters outside the court.", 14, 14, "protester"),
        ("Volunteers planted 40 young oak trees.", 40, 40, "tree"),
        ("The factory employs 310 women.", 310, 310, "woman"),
    ],
)
def test_exact_counts(sentence: str, low: float, high: float, counted: str) -> None:
    q = only(sentence)
    assert (q.kind, q.low, q.high, q.counted, q.precise, q.hedge) == (
        "count",
        low,
        high,
        counted,
        True,
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        ("The region hosts 3.6 million migrants.", "3.6 million", 3.551e6, 3.649e6),
        ("About 1 million voters stayed home.", "About 1 million", 0.51e6, 1.49e6),
        ("The club has 80K members.", "80K", 79510, 80490),
        ("One million tourists came.", "One million", 0.51e6, 1.49e6),
        ("A million bees escaped.", "A million", 0.51e6, 1.49e6),
        ("The fund reached two billion dollars.", "two billion dollars", 1.51e9, 2.49e9),
    ],
)
def test_scaled_numbers_keep_their_stated_precision(
    sentence: str, written: str, low: float, high: float
) -> None:
    q = find(sentence, written)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("sentence", "written", "hedge", "low", "high"),
    [
        ("More than 300 civilians fled.", "More than 300", "more than", 300, math.inf),
        ("Over 40 shops closed.", "Over 40", "over", 40, math.inf),
        ("At least 15 miners were trapped.", "At least 15", "at least", 15, math.inf),
        ("Nearly 200 houses burned.", "Nearly 200", "nearly", 180, 200),
        ("Almost 50 ships waited.", "Almost 50", "almost", 45, 50),
        ("About 180 passengers boarded.", "About 180", "about", 167.4, 192.6),
        ("Around 20 bikes were stolen.", "Around 20", "around", 18.6, 21.4),
        ("Roughly 90 farms flooded.", "Roughly 90", "roughly", 83.7, 96.3),
        ("Some 300 families left.", "Some 300", "some", 279, 321),
        ("Approximately 10 tents stood.", "Approximately 10", "approximately", 9.3, 10.7),
        ("Up to 70 buses will run.", "Up to 70", "up to", 0, 70),
        ("As many as 30 pupils fell ill.", "As many as 30", "as many as", 0, 30),
        ("Fewer than 12 boats returned.", "Fewer than 12", "fewer than", 0, 12),
        ("It may carry a maximum of 120 passengers.", "a maximum of 120", "a maximum of", 0, 120),
        ("Licensed for no more than 120 people.", "no more than 120", "no more than", 0, 120),
        ("They sold 500 or more tickets.", "500 or more", "or more", 500, math.inf),
        ("More than a dozen lorries crashed.", "More than a dozen", "more than", 12, math.inf),
    ],
)
def test_hedges(sentence: str, written: str, hedge: str, low: float, high: float) -> None:
    q = find(sentence, written)
    assert q.hedge == hedge
    assert not q.precise
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        ("Dozens of sheep drowned.", "Dozens", 24, 199),
        ("Hundreds of workers marched.", "Hundreds", 200, 999),
        ("Thousands of fans sang.", "Thousands", 2000, 9999),
        ("Hundreds of thousands of people fled.", "Hundreds of thousands", 2e5, 999999),
        ("Tens of thousands of ducks migrated.", "Tens of thousands", 2e4, 99999),
        ("Several villages were cut off.", "Several", 3, 9),
        ("Several hundred nurses struck.", "Several hundred", 300, 900),
        ("A few thousand runners started.", "A few thousand", 2000, 5000),
    ],
)
def test_vague_amounts(sentence: str, written: str, low: float, high: float) -> None:
    q = find(sentence, written)
    assert (q.low, q.high, q.precise) == (low, high, False)


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high", "kind"),
    [
        ("Between 50 and 60 people were killed.", "Between 50 and 60", 50, 60, "count"),
        ("It injured 200-300 workers.", "200-300", 200, 300, "count"),
        ("Ten to twelve ministers came.", "Ten to twelve", 10, 12, "count"),
        (
            "Between 2 and 3 million people fled.",
            "Between 2 and 3 million",
            1.51e6,
            3.49e6,
            "count",
        ),
        ("The fire burned for 5 to 6 hours.", "5 to 6 hours", 4.51, 6.49, "duration"),
        ("Floods covered 4-6 km of coast.", "4-6 km", 3.51, 6.49, "length"),
        # each end read as a count (it read 510 to 2,490), round ones with their slack
        ("Fire destroyed 1,000-2,000 homes.", "1,000-2,000", 510, 2490, "count"),
        ("380,000 to 585,000 people died.", "380,000 to 585,000", 375100, 585980, "count"),
    ],
)
def test_ranges(sentence: str, written: str, low: float, high: float, kind: str) -> None:
    q = find(sentence, written)
    assert (q.kind, q.precise) == (kind, False)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


def test_not_ranges() -> None:
    assert [q.text for q in extract("Prices rose from 5 to 10 dollars.")] == ["5", "10 dollars"]
    assert [q.unit for q in extract("It ran in 2019-2020.")] == ["year", "year"]
    assert [q.text for q in extract("Exports fell 9 to 4 ships.")] == ["9", "4"]
    assert rel("Between 50 and 60 people died.", "55 people died.") == "precision"
    assert rel("Between 50 and 60 people died.", "70 people died.") == "conflict"


def test_counted_skips_adjectives_and_of() -> None:
    assert only("Dozens of Turkish soldiers were hurt.").counted == "turkish soldier"
    assert only("It killed 40 displaced Syrians.").counted == "people"
    assert only("They saw 12 Turkish observation posts.").counted == "turkish post"
    assert only("It is home to thousands of rebel fighters and families.").counted == "fighter"
    assert only("They hurt at least 20 other people.").counted == "people"
    assert only("Police found 8 stolen cars.").counted == "car"


def test_counted_stops_at_verbs_and_function_words() -> None:
    assert only("Officials said 59 Turkish soldiers have been killed.").counted == "turkish soldier"
    assert only("The strike killed at least 15 civilians gathered outside.").counted == "civilian"
    assert find("Among them, two killed Thursday were medics.", "two").counted == ""
    assert only("We counted 31 on the shore.").counted == ""


def test_counted_number_of_phrase() -> None:
    q = only("The rise took the number of injured miners in the shaft to 23.")
    assert q.counted == "miner"
    after = only("The blast brought to 23 the number of miners killed since May.")
    assert (after.counted, after.role) == ("miner", "killed")


def test_death_toll_counts_deaths() -> None:
    toll = only("The death toll rose to 2,300 by night.")
    assert (toll.counted, toll.role) == ("people", "killed")
    fatalities = only("Officials reported 2,100 fatalities.")
    assert comparable(toll, fatalities) and relate(toll, fatalities) == "conflict"
    # a toll a possessive owns counts that owner's dead, not people in general
    army = find("The Norwegian army's death toll since May stood at 57.", "57")
    assert army.counted == "norwegian soldier"  # an armed force's dead are its soldiers
    assert not comparable(army, find("Over 80 civilians have been killed since May 20.", "Over 80"))
    soldiers = only("Since May, 58 Norwegian soldiers have been killed.")
    assert relate(army, soldiers) == "conflict"
    ours = only("Norway's military death toll since May stood at 57.")
    assert (ours.counted, ours.role) == ("norway soldier", "killed")
    regime = only("The regime's death toll rose to 12.")
    assert regime.counted == "regime"
    # a toll far before its figure still says what happened to them
    far = "Monitors say the death toll from a strike near the Halden camp has risen to 15 guards."
    assert (only(far).counted, only(far).role) == ("guard", "killed")
    # only for the figure the toll reaches, in its clause (a review)
    for text in (
        "The death toll at the care home has risen and staff say 30 residents are isolated.",
        "The death toll at the border crossing led guards to turn back 60 migrants on Sunday.",
    ):
        assert extract(text)[0].role == "", text
    # a headline's or an item's toll with no article before it (a summary's bullet)
    for text in ("Toll from market strike rises to 16", "* Toll rises to 16 after the raid"):
        assert (only(text).counted, only(text).role) == ("people", "killed"), text
    assert only("Toll Brothers sold 16 homes.").role == ""
    for text in (  # found in review: a toll road's, a toll's workers
        "Toll road traffic fell to 60,000 on the first day.",
        "Toll workers on strike number 2,000, the union said.",
    ):
        assert only(text).role == "", text


def test_a_tally_reaches_its_words_past_a_date_not_past_a_count() -> None:
    since = find("The number of miners killed since May 3 rose to 23 on Friday.", "23")
    assert (since.counted, since.role) == ("miner", "killed")
    toll = find("The Norwegian army's death toll since May 3 stood at 57.", "57")
    assert (toll.counted, toll.role) == ("norwegian soldier", "killed")
    past = find("Five miners died and the number rose to 23.", "23")
    assert past.counted != "miner"  # no tally's words here: "miners" counts the five
    abbreviated = find("It brought the number of miners killed since Feb. 3 to 23.", "23")
    assert (abbreviated.counted, abbreviated.role) == ("miner", "killed")  # "Feb." ends nothing
    # found in review: past a date, only a tally of the figure's own clause, and a role
    # only in a tally ("the gunman killed on Sunday was 45": an age)
    rescued = "The death toll was revised on Tuesday, and by Friday 40 had been rescued."
    assert find(rescued, "40").role == "rescued"
    assert find("The gunman killed on Sunday was 45.", "45").role == ""
    named = find("Among those killed on Friday were 12 soldiers.", "12")
    assert named.role == "killed"  # a list of those it names: their day is passed too
    protesters = find("The army's death toll among protesters rose to 700.", "700")
    assert "soldier" not in protesters.counted  # the army killed them


def test_a_long_tally_keeps_its_noun_and_its_role() -> None:
    """A translation's long tally lost both, so its 60 met no other soldiers' toll; and
    "the number of dead" counted "rose"."""
    long = only(
        "The number of the Norwegian soldiers who were killed in the valley since the "
        "beginning of last February rose to 60."
    )
    assert (long.counted, long.role) == ("norwegian soldier", "killed")
    dead = only("The number of dead rose to 60.")
    assert (dead.counted, dead.role) == ("", "killed")
    # a review: dead animals are no people, nor is another clause's tally the figure's
    assert only("The number of dead cattle in the flooded valley rose to 600.").counted == "cattle"
    riot = (
        "The number of players in the squad was cut, while during the riot that followed "
        "the match 300 were injured."
    )
    assert find(riot, "300").counted == ""
    assert only("The number of dead and wounded rose to 60.").role == "killed"


def test_a_pictograph_between_a_count_and_its_noun_is_passed_over() -> None:
    flagged = only("Reminder: 34 🇳🇴 soldiers were killed ✅")
    assert (flagged.counted, flagged.role) == ("soldier", "killed")
    assert only("Clocks go back at 02:00 GMT−1.").text == "02:00 GMT−1"  # a minus sign stays
    assert not [q for q in extract("Latest ▪ Dead 34 ▪ Rescued 120") if q.counted]  # cells


def test_a_total_listing_one_attack_among_its_parts_is_no_attack_s_count() -> None:
    listed = "Some sixty soldiers have been killed, including 34 in a single air strike."
    total = find(listed, "Some sixty")
    strike = only("Thirty-four soldiers were killed in an air strike.")
    assert not comparable(total, strike)
    assert relate(total, only("Fifty-nine soldiers have been killed.")) == "precision"
    # a list closed by a comma leaves the scope after it to the total
    since = find("300 civilians, including 100 children, have died since May.", "300")
    assert since.scope.anchor == "may"
    # a kind of people the attack killed shares the total's attack, year and place
    kinds = find("Gunmen killed 30 people, including 12 children in the attack.", "30")
    assert kinds.scope.text == "in the attack"
    flood = find("A flood killed 79 people, including 12 children in 2029.", "79")
    assert flood.scope.kind == "dated"


def test_a_country_that_lost_them_says_whose_they_were() -> None:
    # "Ukraine has lost 13 soldiers" counts Ukrainian soldiers: it meets them, and
    # not soldiers of no stated side (often the other side's)
    lost = only("Ukraine has lost 13 soldiers since the start of the month.")
    assert (lost.counted, lost.role) == ("ukraine soldier", "killed")
    assert (
        rel(
            "Ukraine has lost 13 soldiers since the start of the month.",
            "Twelve Ukrainian soldiers have been killed since the start of the month.",
        )
        == "conflict"
    )
    assert rel("Kestrel has lost 13 soldiers.", "Ukrainian drones killed 30 soldiers.") is None
    assert rel("Turkey lost 9 soldiers.", "Nine Turkmen soldiers were killed.") is None
    for sentence in ("Officials have lost 3 soldiers.", "It has lost 5 soldiers."):
        assert only(sentence).counted == "soldier"  # a plural or a pronoun: no owner


def test_others_count_what_the_count_before_them_counts() -> None:
    two, five = extract("Two firefighters died and five others were hurt in the blaze.")
    assert (two.counted, five.counted, five.role) == ("firefighter", "firefighter", "injured")
    _, others = extract("More than 2,000 houses collapsed and 9,000 others were damaged.")
    assert (others.counted, others.role) == ("house", "damaged")
    # people stay people: a count with a role and no noun already counts people
    _, several = extract("The strike killed 15 people and wounded several others.")
    assert (several.counted, several.role) == ("", "injured")
    # the others are the same event's: "several" had no day and met another's "two"
    _, _, others = extract("A raid on Thursday killed 15 people, and wounded several others.")
    assert others.scope.anchor == "thursday"
    assert not comparable(others, only("Two guards were wounded in a raid at the post."))
    earlier = "33 guards were killed on Thursday, while 20 others died in earlier clashes."
    assert find(earlier, "20").scope.kind == ""  # the same harm: more, not the same day's


def test_a_bare_count_after_and_counts_what_the_count_before_it_does() -> None:
    """ "one Turkish soldier was killed and two were wounded": two Turkish soldiers, not
    any two people (who met another attack's "several" wounded as a conflict)."""
    _, two = extract("One Kestrel soldier was killed and two were wounded at the post.")
    assert (two.counted, two.role) == ("kestrel soldier", "injured")
    # a part of them with the same harm is no more of them
    assert extract("The strike killed 15 people and 3 were children.")[1].counted == ""
    fled = "Since May, 300 guards were killed, among them 10 boys, and 9,000 were displaced."
    assert find(fled, "9,000").counted == ""  # no more of the boys
    hurt = "Nine guards, including four boys, were killed and at least 20 were injured."
    assert find(hurt, "at least 20").counted == "guard"  # the guards', not the boys'


def test_a_share_with_its_own_attack_counts_what_the_total_counts() -> None:
    """ "Kestrel has lost 59 guards since May, 34 of them in a single air strike": the
    strike's 34 guards, met by another outlet's 33 in one strike; a share with no time
    or attack of its own is still compared with nothing."""
    text = "Since May, Kestrel has lost 59 guards, 34 of them in a single air strike."
    strike = find(text, "34")
    assert (strike.counted, strike.role) == ("kestrel guard", "killed")
    assert relate(strike, only("33 Kestrel guards were killed in an air strike.")) == "conflict"
    assert find("59 guards were killed, 34 of them Kestrel's.", "34").counted == ""
    # a review: a share larger than the toll, of no toll, or with a verb of its own
    for text, share in (
        ("Two guards were killed as rebels attacked villages, 14 of them on Tuesday.", "14"),
        ("Orla scored 30 goals in 40 games this season, 12 of them in March.", "12"),
        ("Police arrested 300 people on Saturday, 40 of whom were charged on Sunday.", "40"),
    ):
        assert find(text, share).counted == "", text
    # a share after a sentence's opening "Of the 59 ...," counts them too
    fronted = "Of the 59 Kestrel guards killed since May, 34 died in a single air strike."
    assert find(fronted, "34").counted == "kestrel guard"
    assert find("Of the 300 people evacuated, 20 were children.", "20").role == ""


def test_synonyms_and_plurals() -> None:
    assert only("The army sent 300 troops.").counted == "soldier"
    assert only("Storms hit 5 cities.").counted == "city"
    assert only("Police closed 6 churches.").counted == "church"
    assert only("Rescuers saved 96 people.").counted == "people"


def test_a_count_after_a_time_is_not_listed_with_it() -> None:
    """ "ended at noon, and four civilians were killed": the count's role is its own
    verb's, not the time's ("end")."""
    assert find("The talks ended at noon, and four civilians were killed.", "four").role == (
        "killed"
    )
    # a figure listed after another keeps its own place
    listed = "By Saturday morning, 105 people were confirmed dead in Jajarkot."
    assert find(listed, "105").scope.place == "jajarkot"
    # a year before a count still dates it
    assert find("Between 2014 and 2016, 150 people died in crashes.", "150").scope.kind == "dated"


def test_an_offset_after_gmt_is_the_time_s_zone_not_a_count() -> None:
    """ "22:10 GMT+3" is a time three hours ahead of GMT: the "3" counts nothing, and
    the time is not compared with one in GMT; a count after a time is its own."""
    text = "The talks ended at 22:10 GMT+3, and four civilians were killed."
    assert [(q.text, q.kind, q.counted, q.role) for q in extract(text)] == [
        ("22:10 GMT+3", "time", "utc+3", "end"),
        ("four", "count", "civilian", "killed"),
    ]
    assert only("The curfew starts at 21:30 UTC-05:30 tonight.").counted == "utc-5:30"
    assert only("The curfew starts at 21:30 GMT+0 tonight.").counted == "utc"
    assert only("The curfew starts at 21:30 GMT +3.").counted == "utc+3"
    spaced = "The blast struck at 09:30 GMT - 3 people died."
    assert [(q.text, q.counted) for q in extract(spaced)] == [("09:30 GMT", "utc"), ("3", "people")]
    assert rel("The curfew starts at 21:30 GMT+3.", "The curfew starts at 21:30 GMT.") is None


def test_a_one_on_one_meeting_is_a_part_of_the_talks_and_counts_nothing() -> None:
    """ "a one-on-one meeting which lasted about two hours" times a part of the talks,
    not the talks ("five hours"); it meets another outlet's one-on-one, and its "one"s
    are no counts."""
    part = "The mayors first held a one-on-one meeting which lasted about two hours."
    assert only(part).event == "one-on-one"
    assert rel(part, "The talks between the mayors lasted five hours.") is None
    assert rel(part, "The mayors first spent three hours one-on-one.") == "conflict"
    inserted = only("The talks, which included a one-on-one meeting, lasted five hours.")
    assert inserted.event == "talks"  # the talks lasted, not the one-on-one
    # even where it may have been all of them, it is not set against the talks
    whole = "The mayors held a one-on-one meeting of two hours, while aides met elsewhere."
    assert rel(whole, "The summit talks lasted four hours.") is None
    assert only("One-to-one talks took an hour.").text == "an hour"


def test_a_price_traded_at_is_not_a_time() -> None:
    """ "trading at 6.12", "at 6.13 per dollar": a price; "left at 6.12" is a time."""
    assert find("The peso was trading at 6.12 on Friday.", "6.12").kind == "count"
    assert find("The peso closed at 6.13 per dollar.", "6.13").kind == "count"
    assert find("The ferry left at 6.12 on Friday.", "6.12").kind == "time"
    assert find("The vote closed at 00.01 on Friday.", "00.01").kind == "time"
    assert find("Polls closed at 10.00 on Thursday.", "10.00").kind == "time"
    assert find("The curfew runs from 9.30 to 5.30.", "9.30").kind == "time"
    assert (
        find("After the quake the rand weakened to 16.25 to the dollar.", "16.25").kind == "count"
    )
    assert find("The index closed at 19.45 points.", "19.45").kind == "count"
    # a value's change "to" a dotted figure is no time (an invented markets page: "a
    # slide that had taken it to 6.17 on Thursday" was the ceasefire's time, 06:17)
    assert find("The lira slid to 6.17 on Thursday.", "6.17").kind == "count"
    assert find("The lira had a slide that had taken it to 6.17 on Thursday.", "6.17").kind == (
        "count"
    )
    pound = "The pound, up from a low last week, rose sharply to 1.27 as polls closed."
    assert find(pound, "1.27").kind == "count"
    assert find("The curfew runs from 9.30 to 5.30.", "5.30").kind == "time"
    assert find("The truce was moved to 00.01 on Friday.", "00.01").kind == "time"
    # a time moved to another (a review)
    for moved in (
        "Kick-off was moved to 5.30 on Sunday.",
        "The library is open 9.30 to 5.30.",
        "The deadline slipped to 5.30 on Friday.",
        "Organisers pushed it back to 5.30 on Sunday.",
    ):
        assert find(moved, "5.30").kind == "time", moved
    for value in ("The pound slipped to 1.27 after the vote.", "The euro fell back to 1.27."):
        assert find(value, "1.27").kind == "count", value


def test_numbers_in_european_notation() -> None:
    """A translation keeps its dots and commas: "380.000 deaths" had been read as 380,
    and "3,6 million" not at all. English decimals and lists stay as they were."""
    assert only("The war has caused more than 380.000 deaths.").low == 380_000
    assert only("Some 2.500 people marched.").low > 2000
    assert only("The city has 1.234.567 inhabitants.").low == 1_234_567
    assert only("The barge carried 1.234,5 tonnes of grain.").low == 1234.5
    refugees = only("The country hosts some 3,6 million refugees.")
    assert 3.3e6 < refugees.low < 3.6e6 < refugees.high < 3.9e6
    # English decimals: before a scale word, a unit, a measure, after a currency sign
    assert only("The fund holds 1.125 million euros.").low > 1e6
    assert only("The road is 2.125 km long.").low < 3
    assert only("The index rose by 3.250 points.").low < 4
    assert only("The ticket cost $1.500.").low < 2
    assert only("A dose of 0.500 milligrams.").low < 1
    assert only("The tank holds 3.785 gallons.").low < 4
    # a count's noun after an adjective, or its role alone
    assert only("Some 1.200 Turkish soldiers were deployed.").low > 1000
    assert only("There were 2.000 injured.").low > 1000
    # a scale word in a headline's capitals stops the search for the noun
    assert only("Turkey Hosts 1.250 Million Syrians").low < 2e6
    # a list of pages, not a decimal comma
    assert "3,6" not in [q.text for q in extract("The report's pages 3,6 and 9 list 12 deaths.")]


def test_m_glued_to_a_number_before_a_name_s_word_and_a_plural_is_millions() -> None:
    """ "home to 3.6m Valdenian refugees" had been 3.6 metres."""
    for text in ("Kestrel is home to 3.6m Valdenian refugees.", "Some 2m displaced people."):
        assert extract(text)[0].low > 3e5, text
    for text in (
        "A 3.6m Roman wall stands.",
        "The 100m Olympic finals were held.",
        "The town has 4m Roman walls.",  # a review
        "Crews laid 10m Italian tiles.",
    ):
        assert extract(text)[0].kind == "length", text
    for text in ("About 3m Kestrel farmers lost crops.", "Some 4m Valden commuters"):
        assert extract(text)[0].low > 1e6, text  # people by their word (a third review)
    for text in ("Some 2m reinforced barriers stand.", "About 3m stacked containers."):
        assert extract(text)[0].kind == "length", text  # things (a fourth review)


def test_lakh_and_crore_are_scales() -> None:
    """Indian English: "10 lakh" is a million, "2 crore" twenty million."""
    assert only("The floods displaced more than 10 lakh people.").low == 1_000_000
    assert only("Some 2 crore people live in the basin.").low > 1.5e7
    assert (
        rel(
            "The floods displaced more than 10 lakh people.",
            "Nearly a million people were displaced by the floods.",
        )
        == "conflict"
    )


def test_thousand_and_a_remainder_is_one_number() -> None:
    """ "3 thousand 138" (machine-translated "3 bin 138") is 3,138, exactly."""
    q = only("Officials counted 3 thousand 138 damaged houses.")
    assert (q.low, q.high, q.counted) == (3138.0, 3138.0, "house")
    assert find("Some 4 thousand, 300 of them children, fled.", "Some 4 thousand").high < 5000


def test_warplanes_and_jets_are_planes() -> None:
    """Outlets name one downing with different words for the aircraft: "three
    warplanes" and "several jets" differ in precision, "four jets" and "two planes"
    conflict; helicopters stay apart, and "aircraft" may count them too."""
    downed, shot = "The navy downed three enemy warplanes.", "The navy shot down several jets."
    assert rel(downed, shot) == "precision"
    assert rel("Rebels said they hit four jets.", "Rebels hit two planes.") == "conflict"
    assert rel("Rebels said they hit four helicopters.", "Rebels hit two planes.") is None
    assert rel("Rebels said they hit ten aircraft.", "Rebels hit seven warplanes.") is None


# ---------------------------------------------------------------- not counts


@pytest.mark.parametrize(
    "sentence",
    [
        "Raja, a 65-year-old farmer, spoke.",
        "The widow, aged 71, stayed.",
        "The men, aged 24, 31 and 45, were held.",
        "Children aged between 5 and 12 came.",
        "He is 80 years old.",
        "For the first time, the river froze.",
        "It was the 12th attempt.",
        "Trucks use the M4 and the M-4 highway.",
        "The Su-24 jet and COVID-19 were discussed.",
        "He spoke on Russia 24 news channel.",
        "One of the main routes was closed.",
        "No one was hurt.",
        "The two leaders met.",
        "See https://example.com/2020/03/05/story-a69535 for more.",
        "The code MINIFYHTML0a316fda0cc9602d66ff01d0ecef806311 appeared.",
        "Resolution 2254 was cited.",
        "The Boeing 737 MAX was grounded.",
        "It grew in the 1990s.",
    ],
)
def test_not_counts(sentence: str) -> None:
    assert [q for q in extract(sentence) if q.kind == "count"] == []


def test_years_are_dates_not_counts() -> None:
    for sentence, year in [
        ("Records began in 1850.", 1850),
        ("They broke the 2018 cease-fire.", 2018),
        ("The crisis began in 2015.", 2015),
        ("Since 1999 the dam has held.", 1999),
    ]:
        q = only(sentence)
        assert (q.kind, q.unit, q.low) == ("date", "year", year)


def test_ages_do_not_hide_other_counts() -> None:
    found = extract("Pupils aged 5 to 12 and 30 teachers came.")
    assert [(q.text, q.counted) for q in found] == [("30", "teacher")]
    # an age in words, and "at the age of" (a review: "aged sixty five" read five killed)
    for age in (
        "A man aged sixty five was killed in the crash.",
        "A man aged sixty-five was killed in the crash.",
        "She died at the age of eighty four.",
        "She died at the age of 84.",
    ):
        assert extract(age) == (), age
    heat = "Forty people aged over sixty five died in the heatwave."
    assert [(q.text, q.role) for q in extract(heat)] == [("Forty", "killed")]
    wave = "Patients aged 80 or over, around 300 in all, died in the first wave."
    assert find(wave, "around 300").role == "killed"  # a count after an age (a review)


def test_percent_and_money_count_only_after_of_or_in() -> None:
    assert only("70 per cent remain closed.").counted == ""
    assert only("It won 40% of the vote.").counted == "vote"
    assert only("They sent $5 million in aid.").counted == "aid"
    assert only("It took 30 seconds of shaking.").kind == "duration"
    assert extract("It happened a second time.") == ()


def test_title_case_headline_keeps_its_figure() -> None:
    q = only("Turkey Says 59 Soldiers Killed In Idlib")
    assert (q.text, q.counted) == ("59", "soldier")


def test_a_year_with_a_hedge_is_a_count() -> None:
    q = only("More than 2000 ducks landed.")
    assert (q.kind, q.low) == ("count", 2000)


def test_list_markers_are_skipped() -> None:
    assert extract("1. The first point") == ()
    assert [q.text for q in extract("The rules (2) apply to 5 ports.")] == ["5"]


# ---------------------------------------------------------------- units


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high", "counted"),
    [
        ("A corridor about 4 miles wide.", "about 4 miles wide", 5.6488, 7.2260, "corridor width"),
        ("The wall is 3 km long.", "3 km long", 2.51, 3.49, "length"),
        ("It stopped some 3 km from the port.", "some 3 km", 2.51, 3.49, "distance"),
        ("roughly 3 kilometres from the port", "roughly 3 kilometres", 2.51, 3.49, "distance"),
        ("A 12-km-wide buffer zone.", "12-km-wide", 11.51, 12.49, "zone width"),
        ("The trench was 200 metres deep.", "200 metres deep", 0.19951, 0.20049, "depth"),
    ],
)
def test_lengths_in_km(sentence: str, written: str, low: float, high: float, counted: str) -> None:
    q = find(sentence, written)
    assert (q.kind, q.unit, q.counted) == ("length", "km", counted)
    assert q.low == pytest.approx(low, rel=1e-3)
    assert q.high == pytest.approx(high, rel=1e-3)


def test_both_sides_extent_is_one_total_width() -> None:
    text = "The zone would extend 6 km (3.7 miles) to the north and 6 km south of the road."
    q = only(text)
    assert q.text == "6 km (3.7 miles) to the north and 6 km south"
    assert (q.kind, q.counted, q.hedge) == ("length", "width", None)
    assert 11 < q.low < 12 < q.high < 13


def test_each_side_and_east_west() -> None:
    a = only("A buffer of 10 km on each side of the border.")
    assert (a.text, a.counted) == ("10 km on each side", "width")
    assert a.low == pytest.approx(19.02)
    b = only("Troops pulled back 5 miles to the east and 5 miles to the west of the river.")
    assert b.low == pytest.approx(2 * 4.51 * 1.609344)


def test_a_depth_on_each_side_a_few_words_on_is_a_width() -> None:
    """ "a corridor six kilometres deep is to be created on each side" and "a
    six-kilometre-deep corridor north and south of the highway" were one side's depth
    ("north depth"), never set against a total width (invented pages)."""
    verb = only("A corridor six kilometres deep is to be created on each side of the road.")
    noun = only("They agreed a six-kilometre-deep corridor north and south of the road.")
    for q in (verb, noun):
        assert (q.counted, q.low) == ("corridor width", pytest.approx(11.02)), q.text
    # a length, another clause's sides, or trees along it: no width
    for kept in (
        "The road is 6 km long with trees on each side.",
        "The lake is 6 km deep, with villages on either side.",
        "The wall is 6 km deep and has towers on each side.",
        # a hole's depth, the two parties, a width before its sides (a review)
        "A trench 6 km deep was dug on each side of the road.",
        "A crater 6 km deep was found after both sides exchanged fire.",
        "A 6-km-wide corridor north and south of the road was agreed.",
    ):
        assert only(kept).low == pytest.approx(5.51), kept


def test_opposite_directions_only() -> None:
    found = extract("Camps lie 6 km to the north and 8 km to the east.")
    assert [q.text for q in found] == ["6 km", "8 km"]


def test_parenthesised_conversion_is_one_quantity() -> None:
    q = only("The road runs 10 km (6.2 miles) inland.")
    assert q.text == "10 km (6.2 miles)"


def test_a_hyphenated_modifier_is_read_part_by_part_unless_it_holds_a_function_word() -> None:
    """ "face-to-face talks" counts talks; "Turkish-backed fighters" keeps "Turkish" (a
    review found 51 Turkish-backed fighters set against 70 Russian-backed ones), and a
    dash typed as a hyphen after a plural ends its phrase."""
    assert only("Some 51 Turkish-backed fighters were killed.").counted == "turkish fighter"
    assert not comparable(
        only("Some 51 Turkish-backed fighters were killed."),
        only("Some 70 Russian-backed fighters were killed."),
    )
    civilians = extract("At least 40 civilians-including 12 children-were killed.")
    assert [q.counted for q in civilians] == ["civilian", "child"]
    assert only("34 soldiers-the highest toll in years-died.").counted == "soldier"
    assert find("after five hours of face-to-face talks", "five hours").counted == "talks"


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high", "counted"),
    [
        ("After a six-hour meeting they left.", "six-hour", 5.51, 6.49, "talks"),
        ("after nearly six hours of talks", "nearly six hours", 5.4, 6.0, "talks"),
        ("after more than six hours of talks", "more than six hours", 6.0, math.inf, "talks"),
        # a modifier of hyphenated words is one word, whatever it holds ("to")
        (
            "after a ceasefire and five hours of face-to-face talks",
            "five hours",
            4.51,
            5.49,
            "talks",
        ),
        ("They have a week to agree.", "a week", 0.51 * 168, 1.49 * 168, ""),
        ("a nine-year civil war", "nine-year", 8.51 * 8766, 9.49 * 8766, "war"),
        ("three days of national mourning", "three days", 2.51 * 24, 3.49 * 24, "mourning"),
        ("The vote took 90 minutes.", "90 minutes", 89.51 / 60, 90.49 / 60, ""),
        ("half an hour later", "half an hour", 0.451, 0.549, ""),
    ],
)
def test_durations_in_hours(
    sentence: str, written: str, low: float, high: float, counted: str
) -> None:
    q = find(sentence, written)
    assert (q.kind, q.unit, q.counted) == ("duration", "h", counted)
    assert q.low == pytest.approx(low)
    assert q.high == pytest.approx(high)


def test_fractions_are_percent_of_what_follows() -> None:
    found = extract("Nearly half of the residents left and two-thirds of the farms closed.")
    assert [(q.text, q.kind, q.counted) for q in found] == [
        ("Nearly half", "percent", "resident"),
        ("two-thirds", "percent", "farm"),
    ]
    assert (found[0].low, found[0].high) == (45, 50)
    assert found[1].low == pytest.approx(66.667, rel=1e-4)
    third = only("A third of the shops closed.")
    assert relate(third, only("33% of the shops closed.")) == "precision"
    assert relate(third, only("40% of the shops closed.")) == "conflict"
    assert [q.kind for q in extract("a quarter of an hour later")] == ["duration"]


def test_ratios_are_percent() -> None:
    found = extract("Only 3 out of 10 schools reopened and roughly one in five adults smoke.")
    assert [(q.text, q.kind, q.counted) for q in found] == [
        ("3 out of 10", "percent", "school"),
        ("roughly one in five", "percent", "adult"),
    ]
    assert found[0].low == 30
    assert relate(only("One in five adults smoke."), only("20% of adults smoke.")) == "precision"
    assert [q.unit for q in extract("He scored 2 in 2019.")] == ["", "year"]


def test_half_a_million() -> None:
    q = only("Half a million people voted.")
    assert (q.low, q.high) == (pytest.approx(451_000), pytest.approx(549_000))
    assert relate(q, only("500,000 people voted.")) == "same"  # both round to 10^5
    assert relate(q, only("500,017 people voted.")) == "precision"


def test_compound_durations() -> None:
    both = only("He spoke for 2 hours and 30 minutes.")
    assert (both.text, both.kind) == ("2 hours and 30 minutes", "duration")
    assert both.low == pytest.approx(2.5, abs=0.01)
    half = only("The talks lasted two and a half hours.")
    assert (half.text, relate(both, half)) == ("two and a half hours", "precision")
    assert relate(half, only("The talks lasted three hours.")) == "precision"
    assert relate(half, only("The talks lasted four hours.")) == "conflict"


def test_m_suffix_is_million_before_people_else_metres() -> None:
    assert only("More than 1.5m people voted.").kind == "count"
    assert only("They built a 1.5m wall.").kind == "length"


def test_lengths_without_dimension_take_no_noun() -> None:
    assert only("The troops withdrew 30 km (19 miles) from the border.").counted == "distance"
    assert only("The zone stretches 20 kilometres deep.").counted == "depth"


def test_money_and_percent() -> None:
    assert (only("It cost $5m.").unit, only("It cost $5m.").low) == ("USD", 4.51e6)
    euro = only("A loan of €3 billion was agreed.")
    assert (euro.kind, euro.unit, euro.text) == ("money", "EUR", "€3 billion")
    lira = only("Bread costs 7 lira now.")
    assert (lira.unit, lira.text) == ("TRY", "7 lira")
    usd = only("Aid of US$12.5 million arrived.")
    assert (usd.text, usd.unit) == ("US$12.5 million", "USD")
    code = only("Aid of USD 5 million arrived.")
    assert (code.text, code.unit, code.low) == ("USD 5 million", "USD", 4.51e6)
    assert only("We try 5 times.").kind == "count"
    pct = only("Turnout was 40% in the north.")
    assert (pct.kind, pct.unit) == ("percent", "%")
    assert only("Turnout was 40 per cent.").text == "40 per cent"
    assert relate(only("Turnout hit 40 percent."), only("Turnout hit 41%.")) == "conflict"


# ---------------------------------------------------------------- times and dates


@pytest.mark.parametrize(
    ("sentence", "written", "minutes"),
    [
        ("At 0001 tonight the truce starts.", "0001", 1),
        ("At 00.01 tonight the truce starts.", "00.01", 1),
        ("It starts at 00:01.", "00:01", 1),
        ("It begins a minute after midnight.", "a minute after midnight", 1),
        ("It ends ten minutes before midnight.", "ten minutes before midnight", 1430),
        ("The vote closes at 3 p.m. sharp.", "3 p.m.", 900),
        ("The vote closes at 11:30 a.m.", "11:30 a.m.", 690),
        ("Shops open at 9am.", "9am", 540),
        ("The train left the rails at 3 am on Sunday.", "3 am", 180),  # "am" after "at"
        ("Shops open by 9 AM.", "9 AM", 540),
        ("Lunch is at noon.", "noon", 720),
        ("The ship left at 0600 GMT.", "0600 GMT", 360),
        ("Trains stop at 2300 hours.", "2300 hours", 1380),
        ("The truce takes effect at 01h00.", "01h00", 60),  # as the French write it
    ],
)
def test_times_of_day(sentence: str, written: str, minutes: float) -> None:
    q = find(sentence, written)
    assert (q.kind, q.unit, q.low, q.high) == ("time", "min", minutes, minutes)


def test_a_day_in_words_is_a_date_only_before_of_a_month() -> None:
    assert find("Patrols begin on the twenty-first of March.", "twenty-first of March").low == (
        find("Patrols begin on March 21.", "March 21").low
    )
    assert [q.kind for q in extract("It was the first March without snow.")] == []
    assert "date" not in [q.kind for q in extract("The second of March's rallies drew crowds.")]
    assert "date" not in [q.kind for q in extract("He named the first of the 12 soldiers.")]


def test_a_length_of_time_written_in_french_is_no_time_of_day() -> None:
    for length in (
        "The talks lasted 6h30 in all.",
        "The talks lasted about 6h30.",
        "The talks in the Kremlin took 6h30, officials said.",
        "She won the marathon in 2h01.",
    ):
        assert "time" not in [q.kind for q in extract(length)], length
    assert find("The truce began at 20h30.", "20h30").low == 20 * 60 + 30
    # with its zone it is a time too, and in brackets the same moment in that zone
    assert find("The talks ended 21h01 GMT.", "21h01 GMT").low == 21 * 60 + 1
    both = extract("The truce holds from 00h01 (21h01 GMT) on Friday.")
    assert [(q.text, q.kind) for q in both][:1] == [("00h01 (21h01 GMT)", "time")]


def test_am_that_may_be_the_verb_is_no_time() -> None:
    assert "time" not in [q.kind for q in extract("Of the twelve seats, 3 am told are empty.")]
    assert "time" not in [q.kind for q in extract("Two of the 5 AM stations went silent.")]
    assert find("The blast hit at 3 AM Sunday.", "3 AM").kind == "time"
    assert find("The blast hit 3 AM Sunday, killing 12.", "3 AM").kind == "time"


def test_midnight_and_time_hedges() -> None:
    assert (only("It starts at midnight.").low, only("It starts at midnight.").high) == (0, 1)
    after = only("A storm struck shortly after 6 a.m.")
    assert (after.text, after.low, after.high) == ("shortly after 6 a.m.", 360, 420)
    morning = only("A storm hit a little after six in the morning.")
    assert relate(after, morning) == "same"


def test_time_zones_keep_times_apart() -> None:
    gmt = only("The truce began at 1200 GMT.")
    assert gmt.counted == "utc"
    assert rel("The truce began at 1200 GMT.", "The truce began at 12:00 UTC.") == "same"
    assert rel("The truce began at 1200 GMT.", "The truce began at 15:00 local time.") is None
    assert rel("The truce began at 1200 GMT.", "The truce began at 15:00 GMT.") == "conflict"


def test_a_zone_named_by_its_place_keeps_a_time_apart() -> None:
    """ "2am UAE time" and "10pm UK time" are both midnight in Syria."""
    uae = only("The truce took effect at 2am UAE time.")
    assert (uae.text, uae.counted) == ("2am UAE time", "uae time")
    assert (
        rel("The truce took effect at 2am UAE time.", "The truce took effect at midnight.") is None
    )
    assert (
        rel("The truce took effect at 2am UAE time.", "The truce took effect at 10pm UK time.")
        is None
    )
    assert (
        rel("The truce began at midnight Kestrel time.", "The truce began at 00:01 Kestrel time.")
        == "precision"
    )
    assert only("The truce began at midnight Kestrel Time.").counted == "kestrel time"
    # "local time" is a bare time's; a name after a time is no zone without "time"
    assert only("The truce began at 00:01 local time.").counted == ""
    assert only("At 3pm Putin met Erdogan for the first time.").counted == ""


def test_a_time_in_a_named_zone_meets_only_times_in_that_zone() -> None:
    """ "9:01am AEDT" is a minute past midnight in Syria: set against local times it
    made every outlet's midnight a conflict. A zone after "pm" counts too."""
    sydney = "The ceasefire started at 9:01am AEDT today."
    assert only(sydney).counted == "aedt"
    assert rel(sydney, "The ceasefire started at one minute past midnight.") is None
    assert rel(sydney, "The ceasefire started at 9:01 a.m. AEDT.") == "same"
    assert rel(sydney, "The ceasefire started at 10:01 a.m. AEDT.") == "conflict"
    assert only("The truce began at 10.01pm GMT.").counted == "utc"
    assert only("The truce began at nine pm ET.").counted == "et"
    assert only("The truce began at 2001 EST.").counted == "est"
    # in lower case such words are words ("et cetera"), and a capital opens a sentence
    assert only("The talks ended at 6 pm, et cetera.").counted == ""
    assert only("They met at 3 pm. West of the city, fighting went on.").counted == ""


def test_decimal_is_not_a_time() -> None:
    q = only("The fund holds 3.6 million euros.")
    assert q.kind == "money"
    assert only("Inflation was 3.50 percent.").kind == "percent"


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Patrols begin March 15.", "March 15"),
        ("Patrols begin on 15 March.", "15 March"),
        ("Patrols begin March 15, 2020.", "March 15, 2020"),
        ("Patrols begin Mar. 15 along the road.", "Mar. 15"),
        ("Patrols begin March 15th.", "March 15th"),
        ("Patrols begin on the 15th of March.", "15th of March"),
        ("Patrols begin the next 15 of March.", "15 of March"),  # a translation's words
        ("Patrols begin on the fifteenth of March.", "fifteenth of March"),  # as said
        ("Patrols begin on March fifteenth.", "March fifteenth"),
        ("Patrols begin on March the fifteenth.", "March the fifteenth"),
        ("Patrols begin on March the 15th.", "March the 15th"),
        ("Kestrel, 15 mar (EFE).- Patrols begin.", "15 mar"),  # a wire's dateline
        ("Patrols begin 15 mar. along the road.", "15 mar."),
    ],
)
def test_dates(sentence: str, written: str) -> None:
    q = find(sentence, written)
    assert (q.kind, q.unit, q.low) == ("date", "day", 3 * 31 + 15)


@pytest.mark.parametrize(
    ("sentence", "written", "low", "high"),
    [
        ("One hundred and five people died.", "One hundred and five", 105, 105),
        ("The fire hit two hundred fifty homes.", "two hundred fifty", 250, 250),
        ("Two hundred thousand people fled.", "Two hundred thousand", 151_000, 249_000),
        (
            "Two hundred and fifty thousand fled.",
            "Two hundred and fifty thousand",
            249_510,
            250_490,
        ),
        (
            "Its hosts three point six million refugees.",
            "three point six million",
            3_551_000,
            3_649_000,
        ),
        ("In two thousand and twelve ten people died.", "two thousand and twelve", 2012, 2012),
        ("A hundred and five people died.", "A hundred and five", 105, 105),  # a review
        ("Five hundred and twenty one guards died.", "Five hundred and twenty one", 521, 521),
        (
            "One million two hundred thousand people fled.",
            "One million two hundred thousand",
            1_151_000,
            1_249_000,
        ),
        # tens and ones apart, as transcripts write them (a set of invented pages:
        # "fifty nine Turkish soldiers" was 50 and 9, "twenty seven people" 20 and 7)
        ("Yes, fifty nine Turkish soldiers died.", "fifty nine", 59, 59),
        ("and twenty seven people had died.", "twenty seven", 27, 27),
        ("They talked for twenty four hours.", "twenty four hours", 23.51, 24.49),
    ],
)
def test_number_words_of_several_parts_are_one_figure(
    sentence: str, written: str, low: float, high: float
) -> None:
    """As a speaker or a translation says them: "one hundred and five" was 100 and 5, and
    "three point six million" three and six million, which met 3.6 million as conflicts."""
    q = find(sentence, written)
    assert (q.low, q.high) == pytest.approx((low, high))


def test_number_words_stop_where_the_number_does() -> None:
    texts = [q.text for q in extract("It killed one hundred soldiers and five tanks.")]
    assert texts == ["one hundred", "five"]
    between = only("Between two thousand and three thousand people fled.")
    assert (between.low, between.high) == (1510, 3490)
    assert only("Between two hundred and three hundred people fled.").high == 349
    assert [q.text for q in extract("He was two point blank shots away.")] == ["two"]
    # twenty of them, each five years old
    assert extract("Twenty five-year-olds were hurt.")[0].text == "Twenty"
    assert rel(
        "Turkey hosts three point six million Syrian refugees.",
        "Turkey hosts about 3.6 million Syrian refugees.",
    ) in ("same", "precision")


def test_a_month_and_its_day_in_words_are_one_date() -> None:
    """ "February twenty-seventh", as a speaker or a translation says it, was a count of
    20 "seventh"s; an ordinal starting a compound is no day."""
    said = extract("The strike on February twenty-seventh killed thirty-four soldiers.")
    assert [(q.text, q.kind, q.low) for q in said] == [
        ("February twenty-seventh", "date", 2 * 31 + 27),
        ("thirty-four", "count", 34),
    ]
    assert only("Ballots close on October thirty-first.").low == 10 * 31 + 31
    assert extract("In March first-time buyers paid 30 more.")[0].text == "30"
    assert [q.kind for q in extract("By June twenty ships had sailed.")] == ["count"]
    assert [q.kind for q in extract("In March the 15 guards left.")] == ["count"]
    # a review: "the first time", "the twenty-first century" are no days
    assert "date" not in [q.kind for q in extract("In March the first time 30 voters came.")]
    assert "date" not in [q.kind for q in extract("By January twenty-first century hopes faded.")]
    # a date said so opens its day: "On February twenty-seventh, 33 ..."
    for text in (
        "On February twenty-seventh, 33 guards died.",
        "On March the tenth, 33 guards died.",
    ):
        assert find(text, "33").scope.kind == "incident", text
    # "since February third" opens the same period as "since Feb. 3"
    for text in (
        "Since February third, 58 medics have been killed.",
        "Since the third of February, 58 medics have been killed.",
    ):
        q = find(text, "58")
        assert (q.scope.kind, q.scope.anchor) == ("period", "feb"), text
    assert find("Since March 34 medics have been killed.", "34").scope.anchor == "mar"


def test_a_month_in_lower_case_is_a_date_only_as_an_abbreviation_after_its_day() -> None:
    assert only("Kestrel, 3 dec (EFE).- Talks ended.").kind == "date"
    # "may" after a number is the verb; a month in full must be capitalised
    assert [(q.text, q.kind) for q in extract("They expect 5 may die.")] == [("5", "count")]
    assert [q.kind for q in extract("The 5 march organisers met.")] == ["count"]
    assert [q.kind for q in extract("Patrols begin mar 15.")] == ["count"]


def test_a_date_after_its_weekday_is_one_figure() -> None:
    """ "on Saturday, March 14": the weekday names the date's day. Read apart, the date
    had lost its event and phase to the comma, and was compared with nothing."""
    patrols = only("Joint patrols are to start on Saturday, March 14.")
    assert (patrols.text, patrols.event, patrols.role) == ("Saturday, March 14", "patrols", "start")
    assert (
        rel(
            "Joint patrols are to start on Saturday, March 14.",
            "Joint patrols will begin on March 15.",
        )
        == "conflict"
    )
    assert only("The talks on Thursday 5 March 2020 ended late.").text == "Thursday 5 March 2020"
    # a weekday before anything else stays a weekday, and a count's day
    toll = extract("On Thursday, 15 people were killed.")
    assert [(q.text, q.unit) for q in toll] == [("Thursday", "weekday"), ("15", "")]
    assert toll[1].scope.anchor == "thursday"


def test_weekdays_and_midnight() -> None:
    thu = only("It starts at midnight on Thursday.")
    fri = only("It starts at midnight Friday.")
    assert (thu.text, thu.unit, thu.counted, thu.low, thu.high) == (
        "midnight on Thursday",
        "weekday",
        "midnight",
        3,
        4,
    )
    assert relate(thu, fri) == "precision"
    assert relate(only("Talks were on Thursday."), only("Talks were on Friday.")) == "conflict"
    assert not comparable(only("Talks were on Thursday."), thu)
    assert only("Friday at midnight the guns fell silent.").low == 4
    sunday, monday = only("at midnight on Sunday"), only("at midnight Monday")
    assert (relate(sunday, monday), relate(monday, sunday)) == ("precision", "precision")
    assert relate(only("on Sunday"), only("on Monday")) == "conflict"


def test_month_words_need_a_day_and_a_capital() -> None:
    assert extract("Protesters march 5 miles.")[0].kind == "length"
    assert extract("They may march in May.") == ()


# ---------------------------------------------------------------- relate


def test_must_hold_relations() -> None:
    assert rel("59 Turkish soldiers died.", "58 Turkish soldiers died.") == "conflict"
    wide = only("A security corridor about 4 miles wide will be set up.")
    both = only("The corridor would extend 6 km (3.7 miles) to the north and 6 km south.")
    assert relate(wide, both) == "conflict"
    assert relate(find("At 0001 tonight it starts.", "0001"), only("At 00.01 tonight.")) == "same"
    assert relate(only("At 00.01 tonight."), only("It starts a minute after midnight.")) == "same"
    march = [only("Patrols start March 15."), only("from March 15"), only("as of March 15")]
    assert {relate(march[0], m) for m in march} == {"same"}
    assert rel("More than 300 civilians died.", "more than 300 civilians were killed") == "same"


def test_million_readings_are_compatible() -> None:
    one = only("1 million Syrians fled.")
    almost = only("almost one million Syrians fled.")
    nearly = only("Nearly a million Syrians fled.")
    assert relate(one, almost) == "precision"
    assert relate(one, nearly) == "precision"
    assert relate(almost, nearly) == "same"
    assert relate(one, only("3.6 million Syrians fled.")) == "conflict"


def test_dozen_vs_at_least_15_is_precision() -> None:
    killed = "more than a dozen civilians were killed"
    assert rel(killed, "at least 15 civilians were killed") == "precision"
    assert rel(killed, "at least 15 civilians were injured") is None
    assert rel("more than a dozen civilians", "at least 15 civilians") is None  # doing what?


def test_six_hours_variants_and_hedges_that_exclude_the_figure() -> None:
    six = find("after a six-hour meeting", "six-hour")
    nearly = only("after nearly six hours of talks")
    more = only("after more than six hours of talks")
    lasted = only("a meeting that lasted six hours")
    assert relate(six, nearly) == "precision"
    assert relate(six, more) == "precision"
    assert relate(nearly, more) == "conflict"  # [5.4, 6) and (6, inf) never meet
    assert relate(six, lasted) == "same"
    assert relate(six, only("after seven hours of talks")) == "conflict"


def test_conversions_agree_with_rounding() -> None:
    assert rel("The road is 6 km long.", "The road is 3.7 miles long.") == "precision"
    assert rel("The road is 6 km long.", "The road is 7 km long.") == "conflict"
    assert rel("It is 6 km away.", "It is 7 km away.") is None  # a distance from what?


def test_not_comparable() -> None:
    assert rel("7 children died.", "13 civilians died.") is None
    assert rel("59 Turkish soldiers", "3,200 Syrian soldiers") is None
    assert rel("59 Turkish soldiers were killed.", "58 Turkish soldiers died.") == "conflict"
    assert rel("59 Turkish soldiers were killed.", "58 Turkish soldiers were hurt.") is None
    assert rel("59 Turkish soldiers were killed.", "58 soldiers were killed.") is None
    assert rel("It is 6 km wide.", "It lasted 6 hours.") is None
    assert rel("Patrols start March 15.", "It started in 2015.") is None
    assert rel("Hundreds of thousands have fled.", "Thousands have fled.") is None


def pair(a: str, wa: str, b: str, wb: str) -> str | None:
    """How two written figures of two sentences relate; None when not comparable."""
    x, y = find(a, wa), find(b, wb)
    return relate(x, y) if comparable(x, y) else None


def test_a_count_split_by_place_is_a_part_of_the_whole() -> None:
    split = "Four villagers drowned in the river and two drowned in the well."
    whole = "Six villagers drowned after the storm."
    assert find(split, "Four").scope.kind == "part"
    assert find(split, "Four").scope.anchor == "river"
    assert find(split, "two").scope.anchor == "well"
    assert pair(split, "Four", whole, "Six") is None  # a part is not the toll
    assert pair(split, "two", whole, "Six") is None
    # the same part in another outlet is compared
    other = "At least three drowned in the river and one in the well, police said."
    assert pair(split, "Four", other, "At least three") == "precision"
    assert pair(split, "two", other, "one") == "conflict"
    # one place alone, or two roles, split nothing
    assert find("Five climbers died on the ridge.", "Five").scope.kind == ""
    mixed = "Five climbers died on the ridge and nine were hurt in the camp."
    assert find(mixed, "Five").scope.kind == ""
    assert rel("Five climbers died on the ridge.", "Six climbers died.") == "conflict"


def test_a_named_hospital_counts_its_own_patients() -> None:
    one = "St. Mary's Hospital admitted 12 patients from the fire."
    all_ = "Hospitals admitted more than 30 patients from the fire."
    assert find(one, "12").scope.kind == "part"
    assert pair(one, "12", all_, "more than 30") is None
    same = "St. Mary's Hospital said it treated 14 patients."
    assert pair(one, "12", same, "14") == "conflict"
    # a capitalised word at the start is not a name: the count is the whole
    assert find("Hospital staff treated 40 patients.", "40").scope.kind == ""
    assert rel("Hospital staff treated 40 patients.", "Doctors treated 41 patients.") == "conflict"


def test_a_figure_given_as_an_earlier_report_meets_only_earlier_ones() -> None:
    early = "In the first hours after the flood, officials put the toll at around 40; it doubled."
    later = "The flood killed 85 people."
    assert find(early, "around 40").scope.kind == "earlier"
    assert pair(early, "around 40", later, "85") is None
    update = "The toll rose to 85 from the previously reported 40."
    assert find(update, "40").scope.kind == "earlier"
    assert only("30 deaths were initially reported.").scope.kind == "earlier"
    assert only("At first 30 deaths were reported.").scope.kind == "earlier"
    # an early report named in another clause, after "but", does not date the newer figure
    newer = "Early reports spoke of a few deaths, but officials now say 85 people died."
    assert find(newer, "85").scope.kind == ""
    assert pair(newer, "85", later, "85") == "same"
    # "in the early hours" is when it happened, not an earlier report
    assert find("In the early hours, 85 people died.", "85").scope.kind != "earlier"
    # "earlier" before a verb of reporting, or opening the sentence
    revised = "Officials had earlier put the toll at 175, but later revised it down to 125."
    assert find(revised, "175").scope.kind == "earlier"
    assert pair(revised, "175", later, "85") is None
    assert only("Earlier, officials put the toll as high as 174.").scope.kind == "earlier"
    # "Earlier," dates an event without a verb of reporting (found by a review)
    strike = find("Earlier, an air strike killed 22 people in Kestrel.", "22")
    assert strike.scope.kind != "earlier"
    assert (
        rel(
            "Earlier, an air strike killed 22 people in Kestrel.",
            "The toll from the air strike was initially put at 29.",
        )
        is None
    )
    # "earlier on Thursday" dates an event; "earlier said" is a wire's "said today"
    assert find("Earlier on Thursday 15 people were killed.", "15").scope.kind != "earlier"
    assert only("The ministry earlier said 59 soldiers had died.").scope.kind == ""


def test_dozens_has_no_firm_upper_bound_below_hundreds() -> None:
    assert rel("Dozens of people were injured.", "141 people were injured.") == "precision"
    assert rel("Dozens of people were injured.", "Over 160 people were injured.") == "precision"
    assert rel("Dozens of people were injured.", "205 people were injured.") == "conflict"
    assert rel("Dozens of people were injured.", "Twenty people were injured.") == "conflict"
    assert rel("Dozens of people were injured.", "30 people were injured.") == "precision"


def test_a_duration_takes_only_an_event_named_next_to_it() -> None:
    talks = "After a meeting in Moscow that lasted six hours, they agreed."
    assert rel(talks, "They met for nearly five hours of talks.") == "conflict"
    # the crash is another clause's: two days and several days of what?
    closed = "After the crash, the line was closed for two days."
    assert rel(closed, "Service on the line will stop for several days.") is None
    assert only(closed).event == ""


@pytest.mark.parametrize(
    "sentence",
    [
        "Speaking after the meeting, which lasted nearly six hours, the minister left.",
        "The summit, which lasted nearly six hours, ended late.",
        "Talks that took nearly six hours ended late.",
    ],
)
def test_a_relative_clause_gives_its_duration_to_the_noun_before_it(sentence: str) -> None:
    assert only(sentence).event == "talks"
    assert rel(sentence, "They met for more than six hours.") == "conflict"


def test_partitive_with_a_total_counts_the_part_and_sizes_the_whole() -> None:
    said = "Seven of the bus's nine wagons derailed in the storm."
    assert (find(said, "Seven").counted, find(said, "Seven").role) == ("wagon", "derailed")
    assert pair(said, "Seven", "Seven wagons derailed.", "Seven") == "same"
    assert pair(said, "Seven", "Eight wagons derailed.", "Eight") == "conflict"
    # the total is the size of the whole, not what derailed
    assert pair(said, "nine", "Eight wagons derailed.", "Eight") is None
    assert pair(said, "nine", "The train had nine wagons.", "nine") == "same"
    # with no number after "of", a share is still compared with nothing
    assert extract("Four of the injured were flown out.")[0].role == ""


def test_a_verb_after_a_list_of_counts_is_every_items() -> None:
    listed = "Nine wagons and two engines derailed near the bridge."
    assert find(listed, "Nine").role == find(listed, "two").role == "derailed"
    # a count that opens its own clause keeps its own verb
    both = "Four people died and at least 150 were injured."
    assert (find(both, "Four").role, find(both, "at least 150").role) == ("killed", "injured")


def test_off_the_tracks_is_derailed() -> None:
    assert only("Six cars of the freight train went off the tracks.").role == "derailed"
    assert only("Six coaches jumped the tracks at dawn.").role == "derailed"
    assert rel("Six cars went off the tracks.", "Five cars derailed.") == "conflict"
    assert only("The train had six cars.").role == ""


def test_a_with_clause_is_the_day_of_the_clause_it_goes_with() -> None:
    text = "Fighting went on on Thursday, with shelling killing at least 15 villagers."
    assert find(text, "at least 15").scope.anchor == "thursday"
    period = "Hundreds have died since the flood, with 20,000 people displaced."
    assert find(period, "20,000").scope.kind == ""  # a period is not carried over


def test_a_count_of_an_attack_named_with_its_day_is_that_day_s() -> None:
    """ "an attack on Monday against a hamlet ..., who said it killed 12": the day of
    the attack named before the count, right after its noun, with no count between."""
    text = (
        "Villagers blamed the militia for an attack on Monday against a hamlet near the "
        "dam, whose elders said it killed at least 12 herders and wounded several others."
    )
    assert find(text, "at least 12").scope.anchor == "monday"
    assert find(text, "Monday").scope.kind == ""  # a day is not its own scope
    # a count stands between, but "others" are more of the same attack's
    assert find(text, "several").scope.anchor == "monday"
    between = text.replace("several others", "six guards")
    assert find(between, "six").scope.kind == ""
    monday = find("Nine herders were killed on Monday.", "Nine")
    tuesday = "Villagers said an attack on Tuesday against the dam killed 12 herders."
    assert not comparable(monday, find(tuesday, "12"))
    assert find("An attack on the dam killed 12 herders.", "12").scope.anchor == "one attack"
    raid = "Aid groups said a raid on Monday against the hamlet displaced 3,000 people."
    assert find(raid, "3,000").scope.anchor == "monday"
    # what followed the attack is not its count
    arrests = "Following the attack on Monday, police arrested 12 suspects."
    assert find(arrests, "12").scope.kind == ""


def test_a_figure_of_years_ago_is_an_earlier_event_s() -> None:
    """ "Six years ago, 144 people died when a ferry sank": a figure of another event,
    dated, so not set against the story's toll; days or weeks ago may be the story's."""
    earlier = "Six years ago, 144 people died when a bus fell into the gorge."
    assert find(earlier, "144").scope.kind == "dated"
    assert not comparable(find(earlier, "144"), only("At least 131 people died."))
    two = find("Two decades ago, 300 people drowned.", "300")
    assert not comparable(two, find("A decade ago, 300 people drowned.", "300"))
    assert find("A week ago, 40 people died in the fire.", "40").scope.kind == ""
    # not past a semicolon, nor from inside a clause about something else
    both = "Six years ago, 144 people died when a bus fell; this time at least 130 died."
    assert find(both, "at least 130").scope.kind == ""
    moved = "Residents who moved here 10 years ago said 30 houses were swept away."
    assert find(moved, "30").scope.kind == ""
    in_year = "In 2012, 144 people died when a bus fell into the gorge."
    assert find(in_year, "144").scope == Scope("dated", "2012", "In 2012")
    for later in (
        "Six years ago, 144 people died there, while this time at least 130 died.",
        "Two years ago inspectors warned of the bus, and on Monday at least 130 died.",
    ):
        assert find(later, "at least 130").scope.kind != "dated", later
    for hedged in (
        "About six years ago, 150 people drowned.",
        "It was six years ago that 150 people drowned.",
        "The lake was calm, and six years ago 150 people drowned.",
    ):
        assert find(hedged, "150").scope.anchor == "six years ago", hedged


def test_a_part_of_a_year_dates_the_figure_to_that_year() -> None:
    """ "Already in summer 2029, around 400,000 had fled" is a count of that part of the
    year, not set against a count since the offensive began; "in the 2029 offensive"
    names no part of a year, and which of its figures the year dates is not read."""
    for text in (
        "Already in summer 2029, around 400,000 people had fled from the valley.",
        "In the autumn of 2029, around 400,000 people fled.",
        "In late 2029, around 400,000 people fled.",
        "In mid-2029, around 400,000 people fled.",
    ):
        scope = find(text, "around 400,000").scope
        assert scope.kind == "dated" and scope.anchor.endswith("2029"), text
        since = find("Since 1 December 2029, some 950,000 people have fled.", "some 950,000")
        assert not comparable(find(text, "around 400,000"), since), text
    offensive = find("In the 2029 offensive, 400,000 people fled.", "400,000")
    assert offensive.scope.kind == ""
    # found in review: a part of a year is not the whole year, a decade is no year
    summer = find("In summer 2029, 14 people drowned.", "14")
    assert not comparable(summer, find("In 2029, 30 people drowned.", "30"))
    assert find("In the early 2000s, 200 people died in floods.", "200").scope.kind == ""


def test_a_year_before_a_when_clause_dates_its_figure() -> None:
    """ "its worst accident in 1992, when a gas blast killed 263 workers": 1992's toll,
    not set against the story's (a real gold's false pair)."""
    worst = "Its previous worst accident came in 1992, when a gas blast killed 263 workers."
    scope = find(worst, "263").scope
    assert (scope.kind, scope.anchor) == ("dated", "1992")
    assert not comparable(find(worst, "263"), only("The blast killed at least 201 workers."))
    since = find("It was the deadliest quake since 2015, when nearly 9,000 died.", "nearly 9,000")
    assert (since.scope.kind, since.scope.anchor) == ("dated", "2015")


def test_the_still_trapped_and_those_of_unknown_fate_are_missing() -> None:
    texts = (
        "Rescuers raced to reach more than 200 miners trapped underground.",
        "Officials said an estimated 120 miners were still underground.",
        "The fate of up to 150 other miners remained unclear.",
        "Hundreds of miners remain trapped.",
    )
    found = [next(q for q in extract(t) if q.counted) for t in texts]
    assert [q.role for q in found] == ["missing"] * 4
    assert relate(found[0], found[1]) == "conflict" and comparable(found[1], found[2])
    assert only("Some 787 people were inside the mine at the time.").role == ""
    # found in review: a trap set by someone, things trapped, the trapped who were saved,
    # and the safe still aboard or inside
    quake = "The quake trapped thousands under rubble, and at least 1,200 people were killed."
    assert find(quake, "at least 1,200").role == "killed"
    assert only("The 12 boys trapped in the cave were all rescued.").role == "rescued"
    for text in (
        "About 500 soldiers trapped rebel fighters.",
        "Floodwaters trapped 40 cars.",
        "101 hostages are still inside the compound.",
    ):
        assert only(text).role == "", text
    assert only("The ferry docked with all 450 passengers still aboard.").role == "aboard"


def test_one_person_after_a_verb_is_a_scene_not_a_figure() -> None:
    """ "comforted two crying women" against "said one elderly woman" was a real gold's
    false conflict; a clause's subject, a toll's part and a role keep their count."""
    two = find("He also comforted two crying women.", "two")
    one = find('"We heard nothing," said one elderly woman.', "one")
    assert not comparable(two, one)
    assert find("Rescuers found seven children under the rubble.", "seven").counted == "child"
    eight = only("Eight workers were fixing potholes on the span.")
    seven = only("At least seven workers were pouring concrete.")
    assert comparable(eight, seven) and relate(eight, seven) == "precision"
    part = "Thirteen people were killed, including seven children."
    assert find(part, "seven").counted == "child"
    assert find("The hospital accepted nine patients.", "nine").counted == "patient"
    assert find("Police arrested two men.", "two").counted == "man"


def test_an_opening_since_phrase_with_its_own_month_scopes_the_figure() -> None:
    push = "Since the government push began in December, nearly 300 civilians have died."
    assert find(push, "nearly 300").scope.anchor == "dec"  # its December is the push's
    this_year = find("Since January 1, 612 civilians have died.", "612")
    assert not comparable(find(push, "nearly 300"), this_year)


def test_a_year_that_starts_a_period_does_not_date_the_figure() -> None:
    since = find(
        "Close to a million fled since the offensive resumed in December 2029.",
        "Close to a million",
    )
    assert since.scope.kind == "period"
    dated = find("Some 400,000 people fled in 2029.", "Some 400,000")
    assert not comparable(since, dated)  # a period's count against one year's
    dated_first = find("Some 1,500 died in 2029 since the fighting began.", "Some 1,500")
    assert dated_first.scope.kind == "dated"
    worst = "It was the deadliest quake since 2025 when nearly 9,000 people were killed."
    assert find(worst, "nearly 9,000").scope.kind == "dated"  # the year of its own quake
    war = find("The war has killed more than 380,000 people since 2011.", "more than 380,000")
    assert war.scope.kind == "period"


def test_a_participle_clause_after_another_years_event_is_that_event_s() -> None:
    """ "A plane crashed near the lake last year, killing 22": the toll of the event the
    clause before it dates to another year, not set against the story's toll."""
    crash = "A Selo Air plane crashed near the lake last year, killing 22 passengers."
    assert find(crash, "22").scope == Scope("dated", "last year", "last year")
    assert not comparable(find(crash, "22"), only("At least 25 people were killed."))
    sank = "A ferry capsized on the lake in 2019, leaving 40 dead and injuring 12."
    assert [find(sank, n).scope.kind for n in ("40", "12")] == ["dated", "dated"]
    # a day or a period before the participle is not carried over: it may be the story's
    for story in (
        "A ferry capsized on Sunday, killing 144 people.",
        "Floods hit the valley this year, killing 30 people.",
        "Last year the plane crashed, but this year a bus overturned, killing 12 people.",
        # the year of a clause or a word of its own, or beside the story's day (review)
        "The storm hit the island last year and returned on Tuesday, killing 22 people.",
        "The plane crashed near the airport, which opened last year, killing 72 people.",
        "Airstrikes resumed on towns shelled in 2019, killing 15 people.",
        "The quake struck the district that was hit hardest in 2015, killing 157 people.",
    ):
        figure = story.split("killing ")[1].split()[0]
        assert find(story, figure).scope.kind != "dated", story


def test_a_count_an_attack_makes_is_that_attack_s() -> None:
    """ "when a rocket strike blamed on the rebels killed at least 12 guards": one
    attack's toll, not set against a month's; plural strikes are not one attack."""
    one = (
        "Prices fell after May 2, when a rocket strike blamed on rebels killed at least 12 guards."
    )
    month = "Since the start of May, 30 guards have been killed."
    assert find(one, "at least 12").scope.anchor == "one attack"
    assert not comparable(find(one, "at least 12"), only(month))
    assert find(one, "May 2").scope.kind == ""  # a date is no attack's part
    plural = only("Rocket strikes killed at least 12 guards.")
    assert plural.scope.kind == "" and comparable(plural, only(month))
    dated = "Officials cited the May 2 rocket strike that killed 12 guards."
    assert find(dated, "12").scope.anchor == "one attack"
    campaign = "The offensive, backed by an air strike campaign, has killed 900 people."
    assert find(campaign, "900").scope.kind == ""  # a campaign is many attacks
    # an accident is the story's own, not one of several attacks
    assert only("A derailment near the junction killed at least 12 guards.").scope.kind == ""


def test_the_attack_named_or_one_day_is_no_period_s_count() -> None:
    """ "The Balyun strike, which killed 33 ... in a single night" met "59 ... since the
    start of February" as a conflict: the strike and the night are one attack's and
    one day's."""
    month = only("Since the start of May, 59 guards have been killed.")
    for text in (
        "The Halden strike, which killed 33 guards, changed everything.",
        "The attack killed 33 guards.",
        "33 guards were killed in a single night.",
        "In one day, 33 guards were killed.",
    ):
        assert not comparable(find(text, "33"), month), text
    # a day or a year named in the sentence is the day's (a review)
    for text, anchor in (
        ("Yesterday, in a single night, 33 guards were killed.", ""),
        ("On Thursday, in a single night, 33 guards were killed.", "thursday"),
        ("In 2019, 33 guards died in a single day.", "2019"),
        ("33 guards were killed in a single day on May 27.", "may 27"),
        # the clause's own first, and none past a semicolon (a second review)
        ("On Friday, the minister said 33 homes burned in a single day last week.", "recent week"),
        (
            "In 2015, 40 guards died in a single day; this year, 33 died in a single day.",
            "this year",
        ),
    ):
        assert find(text, "33").scope.anchor == anchor, text
    # the attack that killed them "in a single night" is that attack
    night = "The Halden strike, which killed 33 guards in a single night, changed everything."
    assert find(night, "33").scope.anchor == "one attack"
    # "the shelling" or "the bombing" may be many attacks; "a day of protests" is no scope
    assert only("The shelling killed 300 guards.").scope.kind == ""
    assert find("33 guards were killed in a day of protests.", "33").scope.kind == ""
    assert comparable(
        only("33 guards were killed in a single night."), find("In one day, 34 guards died.", "34")
    )


def test_the_time_of_a_saying_gives_way_to_the_figure_s_own() -> None:
    """ "The board admitted last week that 12 miners died on 3 May": the day is the
    deaths', "last week" the admission's; with no time of its own, the figure keeps
    the saying's ("said on Tuesday that 12 died")."""
    admitted = "The board admitted last week that 12 miners died on 3 May."
    assert find(admitted, "12").scope.anchor == "may 3"
    said = "The board said on Tuesday that 12 miners died."
    assert find(said, "12").scope.anchor == "tuesday"
    # a day in a later "that ..." or a relative clause is not the figure's
    later = "The board said on Tuesday that 12 homes burned and that schools reopen on Friday."
    assert find(later, "12").scope.anchor == "tuesday"
    fire = "Police said on Monday that 12 people died in the fire that broke out on Saturday."
    assert find(fire, "12").scope.anchor == "monday"


def test_on_the_town_of_names_a_place_and_on_alone_does_not() -> None:
    hit = find("Nine villagers were killed in shelling on the town of Halden on Monday.", "Nine")
    assert hit.scope.place == "halden"
    assert find("Nine villagers were killed on Monday.", "Nine").scope.place == ""


def test_a_clause_about_a_place_counts_there() -> None:
    """ "the worst-hit district of Halden, where 105 people were killed": Halden's toll."""
    for text, place in (
        ("The minister visited the worst-hit district of Halden, where 105 people died.", "halden"),
        ("The quake hit hardest in Orla West district, where 105 people died.", "orla west"),
        ("The leaders met on Monday, where 105 people were hurt.", ""),  # a day is no place
        ("The strike hit Halden, where 105 people died.", ""),  # no preposition: unsure
        ("The minister spoke in Halden, where he said 105 people died.", ""),  # the speaker's
    ):
        assert find(text, "105").scope.place == place, text


def test_a_place_after_its_particle_is_named() -> None:
    """ "in the al-Hamdaniyah district" names Hamdaniyah, as "in the Hamdaniyah
    district" does; a prefix glued to a word is no particle of a place."""
    for text in (
        "Shelling killed six civilians in the al-Hamdaniyah district on Thursday.",
        "Shelling killed six civilians in the Hamdaniyah district on Thursday.",
        "Shelling killed six civilians in al-Hamdaniyah on Thursday.",
    ):
        assert find(text, "six").scope.place == "hamdaniyah", text
    assert find("Six were killed in a re-run of the vote on Thursday.", "Six").scope.place == ""
    for prefixed in ("in pro-Turkish areas", "in non-NATO Ukraine", "in anti-Assad towns"):
        assert find(f"Six were killed {prefixed} on Thursday.", "Six").scope.place == ""


def test_a_time_between_two_events_is_no_duration_of_either() -> None:
    assert not comparable(
        find("The deal comes a week after 34 miners died in the blast.", "a week"),
        only("Ministers have seven days to agree the terms of the deal."),
    )


def test_depth_on_both_sides_is_a_width() -> None:
    zone = only("A zone six km deep to the north and six km deep to the south of the road.")
    assert (zone.counted, zone.low, zone.high) == ("zone width", 11.02, 12.98)


def test_driven_from_their_homes_is_displaced() -> None:
    assert only("The floods have driven 20,000 people from their homes.").role == "displaced"
    assert only("The war forced 300,000 residents out of their homes.").role == "displaced"
    assert rel("The floods drove 20,000 from their homes.", "20,000 people fled.") == "same"
    assert only("Twelve people returned to their homes.").role == ""


def test_a_round_tally_may_be_cut_as_well_as_rounded() -> None:
    assert rel("1,800 people were injured.", "1,881 people were injured.") == "precision"
    assert rel("1,800 people were injured.", "1,712 people were injured.") == "conflict"
    assert rel("1,800 people were injured.", "1,905 people were injured.") == "conflict"
    # one significant digit stays symmetric: a million is not 1.9 million
    assert rel("1,000,000 people fled.", "1,900,000 people fled.") == "conflict"
    assert rel("Half a million people fled.", "500,000 people fled.") == "same"


def test_places_spelled_two_ways_are_one_place() -> None:
    a = "Floods killed 40 people in Rukum West."
    assert rel(a, "Floods killed 41 people in West Rukum.") == "conflict"
    assert rel(a, "Floods killed 41 people in Rukam West.") == "conflict"
    assert rel(a, "Floods killed 41 people in Jajarkot.") is None
    # compass words alone do not make two places one
    assert rel("Floods killed 40 people in West Bengal.", a) is None


def test_an_opening_place_clause_places_the_figure() -> None:
    said = "In the nearby Rukum West district, 37 lives were lost."
    assert only(said).scope.place == "rukum west"
    assert rel(said, "Floods killed 41 people in Jajarkot.") is None
    # a name that is the event's ("the Jajarkot earthquake") is not where a toll counts
    toll = "The death toll in the Jajarkot earthquake reached 157."
    assert only(toll).scope.place == ""


# ---------------------------------------------------------------- properties

_WORDS = st.sampled_from(
    [
        "more than",
        "about",
        "nearly",
        "a dozen",
        "dozens of",
        "12",
        "3,200",
        "3.6 million",
        "six-hour",
        "km",
        "miles",
        "wide",
        "to the north and",
        "south",
        "(3.7 miles)",
        "midnight",
        "on",
        "Thursday",
        "March",
        "15",
        "00.01",
        "0001",
        "at",
        "p.m.",
        "$",
        "%",
        "soldiers",
        "M-4",
        "65-year-old",
        "2018",
        "a",
        "minute",
        "after",
        "each side",
        "of",
        "hundreds",
        "thousands",
        ",",
        ".",
        "-",
    ]
)
_TEXTS = st.one_of(
    st.text(max_size=200),
    st.lists(_WORDS, max_size=30).map(" ".join),
    st.lists(_WORDS, max_size=30).map("".join),
)


@settings(max_examples=300, deadline=None)
@given(_TEXTS)
def test_extract_never_raises_and_offsets_hold(text: str) -> None:
    previous_end = 0
    for q in extract(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert q.low <= q.high
        assert q.start >= previous_end
        previous_end = q.end


@settings(max_examples=200, deadline=None)
@given(_TEXTS, _TEXTS)
def test_relate_is_symmetric(a: str, b: str) -> None:
    for qa in extract(a):
        for qb in extract(b):
            assert relate(qa, qb) == relate(qb, qa)
        assert relate(qa, qa) in ("same", None)


def timed(text: str, repeat: int = 3) -> tuple[float, int]:
    """Best-of-``repeat`` CPU seconds to extract from ``text``, and how many figures."""
    best, found = float("inf"), 0
    for _ in range(repeat):
        t0 = time.process_time()
        found = len(extract(text))
        best = min(best, time.process_time() - t0)
    return best, found


def test_time_grows_linearly() -> None:
    words = "the talks in the capital went on and on without any result today " * 30
    chunk = words + "About 40 soldiers and 3,200 civilians at 00.01 on March 15, 6 km wide. "
    reps = 100_000 // len(chunk)
    small, n_small = timed(chunk * reps)
    big, n_big = timed(chunk * reps * 10)
    assert n_big == 10 * n_small < MAX_CLAIMS
    # 10x the text: linear work costs ~10x, quadratic ~100x. The 30x bound leaves
    # room for a busy CI machine without letting quadratic growth through.
    assert big < 30 * max(small, 0.05)


@pytest.mark.parametrize(
    "hostile",
    [
        "7" * 1_000_000,
        "1 " * 500_000,
        "12 soldiers, " * 80_000,
        "x" * 1_000_000,
        "\x00[b]" * 150_000,
    ],
    ids=["digits", "numbers", "counts", "letters", "markup"],
)
def test_megabyte_lines_are_bounded(hostile: str) -> None:
    seconds, found = timed(hostile, repeat=1)
    assert found <= MAX_CLAIMS
    assert seconds < 20


def test_control_characters_and_markup() -> None:
    found = extract("\x00[b]12 soldiers\x1b[31m" * 1000)
    assert len(found) == 1000
    assert {q.counted for q in found} == {"soldier"}


@settings(max_examples=200, deadline=None)
@given(_TEXTS)
def test_bounds_are_floats(text: str) -> None:
    for q in extract(text):
        assert type(q.low) is float and type(q.high) is float


def test_space_grouped_thousands_are_one_number() -> None:
    (comma, _year) = extract("The war has killed more than 380,000 people since 2011.")
    spaced = extract("The war has killed more than 380 000 people.")[-1]
    assert spaced.text == "more than 380 000" and spaced.low == 380_000
    assert relate(comma, spaced) == "same"
    # a year cannot lead a group: two numbers, not "2011 300"
    assert [q.text for q in extract("In 2011 300 people died.")] == ["2011", "300"]
    # nor can a group run into more digits: a day before its year was "1 202" and "0"
    assert [q.text for q in extract("On March 1 2020 two jets were downed.")] == [
        "March 1 2020",
        "two",
    ]


# ---------------------------------------------------------------- what a figure measures


def test_open_and_closed_bounds_from_hedges() -> None:
    more = only("More than 40 miners were trapped.")
    least = only("At least 40 miners were trapped.")
    nearly = only("Nearly 40 miners were trapped.")
    under = only("Under 40 miners were trapped.")
    upto = only("Up to 40 miners were trapped.")
    assert (more.low, more.low_open, more.high_open) == (40, True, False)
    assert (least.low, least.low_open) == (40, False)
    assert (nearly.high, nearly.high_open) == (40, True)
    assert (under.low, under.high, under.high_open) == (0, 40, True)
    assert (upto.high, upto.high_open) == (40, False)
    assert relate(more, under) == "conflict"  # (40, inf) and [0, 40) only touch
    assert relate(least, upto) == "precision"  # [40, inf) and [0, 40] share 40
    assert relate(more, least) == "precision"


def test_roles_tell_killed_from_injured_and_displaced() -> None:
    sentence = "The raid killed 12 villagers and wounded 30 others, while 5,000 fled."
    killed, wounded, fled = extract(sentence)
    assert (killed.role, wounded.role, fled.role) == ("killed", "injured", "displaced")
    assert find("Officials said 23 were hurt in the blast.", "23").role == "injured"
    assert find("About 1,200 residents were evacuated on Tuesday.", "About 1,200").role == (
        "evacuated"
    )
    listed = extract("Fire killed 5 firefighters and 3 residents.")
    assert [q.role for q in listed] == ["killed", "killed"]
    # a translation's noun for it: "the displacement of nearly 950 000 persons"
    moved = "The offensive caused the displacement of nearly 950 000 persons, the agency said."
    assert only(moved).role == "displaced"
    inner = extract("More than 90 miners, including 12 rescuers, have died since Monday.")
    assert [(q.counted, q.role) for q in inner[:2]] == [("miner", "killed"), ("rescuer", "killed")]
    assert inner[0].scope.text == inner[1].scope.text == "since Monday"


def test_a_verb_of_the_next_figure_is_not_taken() -> None:
    planes, soldiers = extract("It downed three warplanes and killed dozens of soldiers.")
    assert (planes.role, soldiers.role) == ("", "killed")


def test_deaths_of_an_illness_are_not_a_war_s_or_a_disaster_s_toll() -> None:
    """A live blog of 5 March 2020 gives Italy's coronavirus toll beside Idlib's."""
    virus = only("Kestrel's coronavirus death toll rises to 148.")
    assert virus.role != "killed"
    assert (
        rel("Kestrel's coronavirus death toll rises to 148.", "Hundreds of civilians were killed.")
        is None
    )
    assert rel("The virus has killed 148 people.", "Covid-19 has killed 150 people.") == "conflict"
    assert only("Cholera killed 40 people in the camps.").role == virus.role
    assert only("More than 3,200 people have died of the virus.").role == virus.role
    # an illness named further off is another matter (found by a review)
    quake = "The quake killed 300 people, and aid groups fear a cholera outbreak in the camps."
    assert find(quake, "300").role == "killed"
    assert only("The strike killed 15 people.").role == "killed"
    # nor is the toll the illness's deaths raise
    raised = "The ministry says the virus has killed 15 more people, raising the toll to 107."
    assert find(raised, "107").role == virus.role
    beside = "Cholera killed 4 children, and a strike killed 12 guards."
    assert find(beside, "12").role == "killed"  # another harm beside them


def test_a_verb_after_but_is_another_subject_s() -> None:
    """ "More than 300 were taken to hospitals, but many died": the 300 were not killed."""
    taken = only("More than 300 were taken to hospitals, but many died on the way.")
    assert taken.role == ""
    assert (
        rel(
            "More than 300 were taken to hospitals, but many died on the way.",
            "The crush killed 125 people.",
        )
        is None
    )
    # an aside between commas is no clause of its own (found by a review)
    assert only("At least 40 people, though some reports say more, were killed.").role == "killed"
    assert only("At least 125 people, but possibly more, were killed.").role == "killed"


def test_scopes_periods_and_incidents() -> None:
    since = only("Since the beginning of March, 14 medics have been killed.")
    assert (since.scope.kind, since.scope.anchor) == ("period", "mar")
    assert since.scope.text == "Since the beginning of March"
    abbreviated = find("Since Mar. 2, 15 medics have been killed.", "15")
    assert abbreviated.scope.anchor == "mar"
    recent = only("Dozens of medics have been killed in recent weeks.")
    assert (recent.scope.kind, recent.scope.anchor) == ("period", "recent week")
    one_raid = only("Nine medics were killed in a single air strike.")
    assert one_raid.scope.kind == "incident"
    for dated_raid in ("in the 3 May air strike", "in the May 3 strike", "in the 3rd May raid"):
        raid = find(f"Nine medics were killed {dated_raid}.", "Nine")  # that day's attack
        assert (raid.scope.kind, raid.scope.anchor) == ("incident", "may 3"), dated_raid
    day = find("Four medics were killed on Tuesday, officials said.", "Four")
    assert (day.scope.kind, day.scope.anchor) == ("incident", "tuesday")
    plain = only("Some 30 medics were killed.")
    assert plain.scope.kind == ""


def test_a_period_since_a_day_written_before_its_month() -> None:
    """ "since 3 February" is the period "since Feb. 3" is; without it, a toll since
    then met one strike's toll as a conflict. The sentence's full stop is not the
    month's abbreviation dot."""
    for text in (
        "58 medics have been killed since 3 February.",
        "58 medics have been killed since the 3rd of February.",
        "58 medics have been killed since the 3 of February.",
        "Since 3 February, 58 medics have been killed.",
    ):
        q = find(text, "58")
        assert (q.scope.kind, q.scope.anchor) == ("period", "feb"), text
    assert find("58 medics have been killed since 3 February.", "58").scope.text == (
        "since 3 February"
    )
    strike = only("34 medics were killed in a single air strike.")
    assert not comparable(find("58 medics have been killed since 3 February.", "58"), strike)
    # a weekday before the date: the period is the date's ("since Thursday" alone is a day's)
    dated = find("Since Thursday, March 5, 34 people have been killed.", "34")
    assert (dated.scope.kind, dated.scope.anchor) == ("period", "mar")
    assert find("Since Thursday, 34 people have been killed.", "34").scope.anchor == "thursday"
    # its year without a comma is the period's, not the count's date (a review)
    for text in (
        "Since March 1 2026 59 guards have died.",
        "Since 1 March 2026 59 guards have died.",
    ):
        q = find(text, "59")
        assert (q.scope.kind, q.scope.anchor) == ("period", "mar"), text
    # after "since 1 March" a number is the sentence's count, not the month's day
    since = extract("Since 1 March 34 soldiers have been killed in Idlib.")
    assert [(q.text, q.scope.anchor) for q in since] == [("1 March", ""), ("34", "mar")]
    # a day alone, or a number before another word, opens no period
    assert find("58 medics have been killed since 3 patrols left.", "58").scope.kind == ""


def test_an_aside_after_a_count_does_not_hide_its_verb() -> None:
    for text in (
        "Nearly 40,000 people - most of them women and children - have been forced from"
        " their homes.",
        "Nearly 40,000 people — most of them children — have fled their homes.",
        "Some 300 residents (most of them farmers) were evacuated.",
    ):
        assert only(text).role in ("displaced", "evacuated"), text
    assert only("The 59 medics - killed in March - were buried.").role == "killed"
    counted = "Nearly 300 civilians - more than 100 of them children - have been killed."
    assert find(counted, "Nearly 300").role == "killed"  # the aside's own figure is passed
    own = "The 120 passengers - 3 were killed - were taken to hospital."
    assert find(own, "120").role == ""  # the aside's verb is its own figure's
    assert only("Twelve people - a record - attended the hearing.").role == ""
    # the figure's verb does not follow the aside: a later verb is someone else's
    crowd = "Around 300 people - many of them in tears - buried the medics who died there."
    assert only(crowd).role == ""


def test_a_period_named_earlier_is_a_scope_of_its_own() -> None:
    for text in (
        "At least 470 medics have been killed in that time, the agency said.",
        "More than 300 medics were killed over the same period.",
        "Since then, 40 medics have died.",
    ):
        scope = next(q for q in extract(text) if q.kind == "count").scope
        assert scope.kind == "period" and scope.anchor not in ("", "mar"), text
    assert only("At the same time, 12 medics were injured.").scope.kind == ""
    # "has since": since then, not the day an outlet gives one strike
    since = find("The navy has since sunk three patrol boats.", "three")
    assert (since.scope.kind, since.scope.anchor) == ("period", BACK)
    march = only("The militia has since March killed 400 civilians.")
    assert (march.scope.kind, march.scope.anchor) == ("period", "mar")
    assert pair(
        "The navy has since sunk three patrol boats.", "three",
        "The navy sank two patrol boats on Sunday.", "two",
    ) is None  # fmt: skip


def test_one_day_s_count_is_a_part_of_a_vague_total_above_it() -> None:
    several = "The navy has sunk several patrol boats."
    assert pair(several, "several", "The navy sank two patrol boats on Sunday.", "two") is None
    # below it, or with no day, they still conflict
    assert pair(several, "several", "The navy sank 12 patrol boats on Sunday.", "12") == (
        "conflict"
    )
    assert pair(several, "several", "The navy sank two patrol boats.", "two") == "conflict"


def test_a_live_page_s_correction_is_an_earlier_report() -> None:
    fixed = "Correction: earlier we reported that 33 miners died in Monday's blast; it was 34."
    assert find(fixed, "33").scope.kind == "earlier"
    assert pair(fixed, "33", "The blast killed 34 miners on Monday.", "34") is None
    assert only("We previously reported 12 injured.").scope.kind == "earlier"
    # another's announcement is no correction of the page's own (a review)
    assert only("Earlier they announced 20 new trams.").scope.kind != "earlier"
    # the day of the figure is not an earlier report's, where no report is named
    assert find("Earlier on Monday 33 miners died.", "33").scope.kind != "earlier"


def test_a_span_of_fighting_is_a_period() -> None:
    month = find("The army lost nearly 60 soldiers in a month of fighting.", "nearly 60")
    assert (month.scope.kind, month.scope.anchor) == ("period", "1 month span")
    strike = "34 soldiers died in one air strike."
    assert (
        pair("The army lost nearly 60 soldiers in a month of fighting.", "nearly 60", strike, "34")
        is None
    )
    # the same span is compared, written in words or digits; another span is not (a
    # third review: "in three months of fighting" against "in a year of fighting")
    weeks = "The army lost 35 soldiers over four weeks of fighting."
    assert pair("It lost 30 soldiers in 4 weeks of fighting.", "30", weeks, "35") == "conflict"
    year = "The war killed 1,800 soldiers in a year of fighting."
    assert (
        pair("The war killed 1,000 soldiers in three months of fighting.", "1,000", year, "1,800")
        is None
    )
    # a day of it is the day's; hours are no span (a second review), nor years of age
    day = find("Police arrested 120 people in a day of protests on Saturday.", "120")
    assert (day.scope.kind, day.scope.anchor) == ("incident", "saturday")
    footage = find("It reviewed 1,000 hours of footage and arrested 12 people.", "12")
    assert footage.scope.kind == ""
    age = find("The clinic vaccinated 3,000 children over 5 years of age on Monday.", "3,000")
    assert age.scope.anchor == "monday"


def test_an_opening_scope_covers_the_sentence() -> None:
    toll, displaced = extract(
        "Since last June, 80 people have been killed, while 9,000 have been displaced."
    )
    assert toll.scope.anchor == displaced.scope.anchor == "jun"


def test_sources() -> None:
    said = only("Nine medics were killed, the health ministry said.")
    assert said.source == "the health ministry"
    according = only("According to the UN refugee agency, 9,000 people fled.")
    assert according.source == "the UN refugee agency"
    assert only("Nine medics were killed.").source == ""


def test_events_and_phases_of_times_and_dates() -> None:
    start = only("The truce will begin at midnight.")
    assert (start.event, start.role) == ("ceasefire", "start")
    hyphen = only("The cease-fire takes effect from 06:00.")
    assert (hyphen.event, hyphen.role) == ("ceasefire", "start")
    talks = only("The summit lasted three hours.")
    assert (talks.kind, talks.event) == ("duration", "talks")
    no_event = only("He arrived on Thursday.")
    assert no_event.event == "" and not comparable(no_event, no_event)
    sank = only("The barge sank at around 2pm, officials said.")
    assert rel("The barge sank at around 2pm.", "The barge capsized at 2.05 pm.") == "precision"
    assert sank.event == "sinking"
    # the event's own verb names the phase, however far the date stands after it
    far = only("Both armies will begin joint patrols along the old river road on June 2.")
    assert (far.event, far.role) == ("patrols", "start")
    smoke = only("Smoke from the wildfire hung over the city on June 2.")
    assert smoke.role == ""  # "from" before the event is no start
    commence = only("On June 2, joint patrols will commence along the river road.")
    assert (commence.event, commence.role) == ("patrols", "start")
    item = only("3. On June 2, joint patrols will commence along the river road.")
    assert (item.event, item.role) == ("patrols", "start")  # a statement's numbered article
    agreed = "On June 2, the sides agreed that joint patrols will commence on June 9."
    assert find(agreed, "June 2").role == ""  # the verb has a date of its own
    topic = find("Talks on the truce, which commenced on June 2, ended on June 4.", "June 2")
    assert (topic.event, topic.role) == ("talks", "start")  # the truce is what they discussed


def test_a_cessation_of_hostilities_and_silent_guns_are_a_ceasefire() -> None:
    for text in (
        "A cessation of hostilities will begin at midnight.",
        "The guns are to fall silent at midnight.",
        "The weapons will be silent from 00:00 on Friday.",
    ):
        q = extract(text)[0]
        assert q.event == "ceasefire", text
    # a lull is no ceasefire's time, nor a factory's silence or a cessation of work (a review)
    assert find("The guns were silent for three hours on Friday.", "three hours").event == ""
    for text in (
        "The cessation of work began at 6 a.m. on Monday.",
        "The cessation of all flights began at midnight.",
        "The arms factory fell silent at 5 p.m. as workers walked out.",
        "The weapons factory fell silent at 5 p.m. as staff walked out.",
    ):
        assert extract(text)[0].event == "", text
    assert only("A cessation of all hostilities began at midnight.").event == "ceasefire"


def test_the_event_of_an_attribution_after_a_figure_is_not_the_figure_s() -> None:
    """ "..., Putin said after talks with Erdogan": the talks are when it was said. The
    ceasefire's start had been read as the talks' start, a false conflict with the day
    the talks began."""
    text = (
        "The sides agreed on a truce in the valley from midnight on June 6, "
        "President Anna Berg said after talks with Olaf Lind on Thursday."
    )
    assert (find(text, "June 6").event, find(text, "June 6").role) == ("ceasefire", "start")
    assert find(text, "midnight").event == "ceasefire"
    began = only("Anna Berg and Olaf Lind began their talks on June 5.")
    assert not comparable(find(text, "June 6"), began)
    # a figure inside the attribution still takes its event
    said = "Patrols will start soon, Anna Berg said after a meeting that lasted six hours."
    assert find(said, "six hours").event == "talks"
    timed = find("The meeting began at 14:00 on Thursday, the ministry said.", "14:00")
    assert (timed.event, timed.role) == ("talks", "start")
    # an attribution set in commas hides nothing after it (a review)
    assert only("At midnight, officials said, the ceasefire took effect.").event == "ceasefire"
    strike = "The trains stopped at 6 a.m., the union said, as the strike began."
    assert find(strike, "6 a.m.").event == "attack"


def test_what_came_into_force_at_a_time_is_what_the_time_starts() -> None:
    """ "The truce, agreed ... after eight hours of talks, came into force at midnight":
    the truce's start, not the talks' (a false conflict with the talks' 1 pm)."""
    truce = (
        "The truce, agreed in Valden on Thursday after nearly eight hours of talks, "
        "came into force at midnight."
    )
    start = find(truce, "midnight")
    assert (start.event, start.role) == ("ceasefire", "start")
    assert not comparable(start, find("The talks began at 1 pm.", "1 pm"))
    deal = find("The deal, reached after talks, entered into force at 00:01.", "00:01")
    assert (deal.event, deal.role) == ("agreement", "start")
    # what names no event starts none of the talks (a review)
    curfew = "The curfew, announced after talks with opposition leaders, came into force at 8 pm."
    assert find(curfew, "8 pm").event == ""
    which = find("The talks, which began at noon, ended at 6 pm.", "noon")
    assert (which.event, which.role) == ("talks", "start")


def test_a_span_in_which_something_starts_is_no_duration_of_it() -> None:
    assert find("Joint patrols will start in ten days, on the 15th.", "ten days").event == ""
    assert find("The truce expires in 30 days.", "30 days").event == ""
    assert find("The talks lasted six hours.", "six hours").event == "talks"


def test_counts_with_an_aside_of_shares_a_possessive_or_a_border() -> None:
    un = (
        "Since 1 December 2029, more than 900,000 people, 60 per cent of them children, "
        "have been displaced in the valley."
    )
    assert find(un, "more than 900,000").role == "displaced"
    whom = find("Some 40 people, 12 of whom were children, were injured.", "Some 40")
    assert whom.role == "injured"
    tears = find("About 300 people, many of them in tears, buried the victims.", "About 300")
    assert tears.role == ""
    border = "Nearly one million civilians have been forced towards our borders since May."
    assert find(border, "Nearly one million").role == "displaced"
    family = find("He fled the town with his six children.", "six")
    assert family.role == ""  # one man's children, not a count of the displaced
    # a verb after the possessive still says what befell them (a review)
    bus = "The driver and his 30 passengers were killed when the bus plunged into the gorge."
    assert find(bus, "30").role == "killed"
    crossing = find("Some 5,000 trucks were forced to the border crossing.", "Some 5,000")
    assert crossing.role == ""


def test_an_event_s_word_that_qualifies_a_noun_names_no_event() -> None:
    """ "a war monitor said the first hours were calm": the monitor is no war's time."""
    calm = "The truce took hold at midnight, and a war monitor said the first hours were calm."
    assert find(calm, "midnight").event == "ceasefire"
    clash = "Clashes broke out around 6 a.m. near Valden, a war monitor said."
    assert find(clash, "around 6 a.m.").event == ""
    voting = only("The election monitors said voting ended at 8 p.m.")  # a review
    assert (voting.event, voting.role) == ("election", "end")
    assert find("The attack began at 6 a.m. on Friday.", "6 a.m.").event == "attack"


def test_a_duration_reaches_its_event_past_the_names_after_it() -> None:
    names = "The meeting between Anna Berg and Olaf Lind lasted about five hours."
    assert find(names, "about five hours").event == "talks"
    assert find("Anna Berg and Olaf Lind lasted about five hours.", "about five hours").event == ""


def test_what_begins_is_the_verb_s_subject_past_an_aside() -> None:
    aside = "The truce, announced after talks in Orla between the two leaders, begins at 1am."
    assert (find(aside, "1am").event, find(aside, "1am").role) == ("ceasefire", "start")
    which = find("The talks, which began at noon, ended with a truce.", "noon")
    assert which.event == "talks"  # a relative clause's subject is "which": the talks


def test_what_takes_effect_is_a_truce_or_a_deal_not_the_talks_beside_it() -> None:
    after = "Orla and Kestrel agreed to a truce, to take effect at 1 a.m. on Friday, after talks."
    assert (find(after, "1 a.m.").event, find(after, "1 a.m.").role) == ("ceasefire", "start")
    deal = "The deal comes into force at midnight, following talks in Halden that lasted hours."
    assert find(deal, "midnight").event == "agreement"
    # talks that begin at a time keep it; with nothing that takes effect, the nearest event
    both = "The talks began at 2 p.m. and the truce took effect at midnight."
    assert [find(both, t).event for t in ("2 p.m.", "midnight")] == ["talks", "ceasefire"]
    assert only("The talks took effect at noon.").event == "talks"
    # "effect" that is no taking effect (review)
    for text in (
        "Peace talks resumed at 9 a.m. to little effect, and the truce held.",
        "A rocket attack at 4 a.m. had little effect on the truce.",
    ):
        assert only(text).event != "ceasefire", text


def test_a_truce_that_takes_hold_at_a_time_starts_then() -> None:
    """ "due to take hold at 6 a.m." named no phase, so it met no other start time."""
    truce = find("The truce was due to take hold at 6 a.m. on Friday.", "6 a.m.")
    assert (truce.event, truce.role) == ("ceasefire", "start")
    assert rel("The truce was due to take hold at 6 a.m.", "The truce begins at midnight.") == (
        "conflict"
    )
    # what takes hold after the truce is something else; talks put on hold do not start
    calm = only("A fragile calm took hold in Kestrel at 6 a.m. after the ceasefire.")
    assert calm.role == ""
    assert only("The talks were put on hold at 6 p.m.").role == ""
    assert only("The fire took hold at 3 a.m.").role == ""
    for other in (  # a review: something else takes hold
        "Despite the ceasefire, chaos took hold at 3 a.m.",
        "The ceasefire collapsed, and fighting took hold at 6 a.m.",
    ):
        assert only(other).role == "", other
    assert only("The truce appeared to take hold at 6 a.m.").role == "start"


def test_a_time_set_before_the_main_clause_names_that_clause_s_moment() -> None:
    fronted = only("At 06:00, the truce will be put in place, officials said.")
    assert (fronted.event, fronted.role) == ("ceasefire", "start")
    quoted = only('"At 23:00, the curfew ends," the mayor said.')
    assert quoted.role == "end"
    # "from" there belongs to another phrase: the time names no phase
    gathered = only("At 3 pm, marchers came from across the city.")
    assert gathered.role == ""
    # a time inside the sentence keeps its own clause
    inner = only("The talks, which opened at 10:00, ended with a truce that took effect later.")
    assert inner.role != "start"


def test_compound_durations_are_one_figure() -> None:
    q = only("The hearing lasted 3 hours 20 minutes.")
    assert q.text == "3 hours 20 minutes" and 3.32 < q.low <= q.high < 3.35
    days = only("The strike lasted two and a half days.")
    assert days.text == "two and a half days" and 58 < days.low <= days.high < 62


def test_am_and_pm_on_clock_times() -> None:
    assert only("The blast came at 11:45 pm.").low == 23 * 60 + 45
    assert only("The blast came at 11:45 am.").low == 11 * 60 + 45
    assert only("The blast came at 11.45pm.").low == 23 * 60 + 45
    assert only("It came at 9 p.m.").low == 21 * 60


def test_speeds_and_areas() -> None:
    mph = only("The train was doing 45 mph.")
    kmh = only("The train was doing about 72 km/h.")
    assert (mph.kind, mph.unit, kmh.kind) == ("speed", "km/h", "speed")
    assert relate(mph, kmh) == "precision"
    limit = only("The line has a speed limit of 60 mph.")
    assert limit.counted == "speed limit" and not comparable(mph, limit)
    assert only("It went 30 miles per hour.").kind == "speed"
    area = only("The fire burned 300 hectares.")
    assert (area.kind, area.unit, area.low < 3 < area.high) == ("area", "km2", True)
    square = only("The zone covers 40 square miles.")
    assert square.kind == "area" and 102 < square.low < square.high < 105


def test_widths_either_side_and_conversions() -> None:
    both = only("The zone runs 6 km north and south of the road.")
    assert both.counted == "width" and 11 < both.low < both.high < 13
    either = only("Troops pulled back two miles either side of the river.")
    assert either.counted == "width" and 4.8 < either.low < either.high < 8.1  # 2 x [1.51, 2.49] mi
    converted = only("A 20-kilometre (12-mile) buffer zone was agreed.")
    assert converted.text == "20-kilometre (12-mile)"


def test_iso_date_line_is_a_date_not_a_count() -> None:
    found = extract("2020-03-05 Turkey and Russia agree a truce")
    assert [(q.kind, q.unit, q.low) for q in found] == [("date", "day", 3 * 31 + 5)]


def test_a_dotted_date_is_day_month_year() -> None:
    """A ministry's "15.03.2020" is 15 March (Europe and Turkey put the day first)."""
    patrols = only("Joint patrols will start on 15.03.2020 along the river road.")
    assert (patrols.kind, patrols.low, patrols.event, patrols.role) == (
        "date", 3 * 31 + 15, "patrols", "start",
    )  # fmt: skip
    assert rel(
        "Joint patrols will start on 15.03.2020.", "Joint patrols will start on March 16."
    ) == "conflict"  # fmt: skip
    assert not [q for q in extract("The score was 3.45.2020 at the close.") if q.kind == "date"]
    assert not [q for q in extract("It was 31.02.2024 then.") if q.kind == "date"]  # no such day


def test_people_in_general_and_demonyms() -> None:
    assert only("Nearly a million Syrians have fled.").counted == "people"
    assert only("Turkey Says 59 Soldiers Died").counted == "soldier"
    assert rel("About 1,200 residents were evacuated.", "Roughly 3,000 people were evacuated.") == (
        "conflict"
    )
    assert rel("2,500 people live there.", "900 people work there.") is None


def test_a_part_of_a_group_is_compared_with_nothing() -> None:
    part = find("Of them, 78 of the injured remained in hospital.", "78")
    assert (part.counted, part.role) == ("", "")
    assert not comparable(part, only("About 150 people were injured."))
    assert only("Dozens of soldiers were killed.").role == "killed"  # vague, not a part
    # a later figure is no total of the part: "them" closes the group
    them = extract("Officials said 33 of them died in one strike.")[0]
    assert (them.text, them.counted, them.role) == ("33", "", "")
    assert not comparable(them, only("At least 34 soldiers were killed in one strike."))
    # "several of which", "several of Kestrel's posts": a share, vague or not
    total, several = extract("Kestrel has 12 Kestrel outposts, several of which are surrounded.")
    assert total.counted == "kestrel outpost" and (several.counted, several.role) == ("", "")
    share = only("Several of Kestrel's outposts remain surrounded.")
    assert (share.counted, share.role) == ("", "") and not comparable(share, total)


def test_a_share_introduced_by_including_is_compared_with_nothing() -> None:
    """ "59 soldiers, including 34 killed in one strike": 34 of the soldiers, not people
    in general, so it must not meet another outlet's 33 civilians killed."""
    text = "Turkey has lost 59 soldiers this month, including 34 killed in an air strike."
    share = find(text, "34")
    assert (share.counted, share.role) == ("", "")
    assert not comparable(share, only("At least 33 civilians were killed in an air strike."))
    day = find("Officials said 300 people were killed, including 100 on Thursday.", "100")
    assert (day.counted, day.role) == ("", "")  # not 100 people killed, set against 120
    named = find("The strikes killed 300 civilians, including 100 children.", "100")
    assert (named.counted, named.role) == ("child", "killed")  # a noun of its own: kept
    assert find(text, "59").role == "killed"


def test_a_time_with_its_conversion_is_one_time() -> None:
    found = extract("The ceasefire came into effect at 00:01 local time (21:01 GMT) on Friday.")
    assert [q.text for q in found] == ["00:01 local time (21:01 GMT)", "Friday"]
    assert found[0].low == 1 and found[0].role == "start"


def test_soldiers_lost_were_killed() -> None:
    assert only("Turkey lost 33 soldiers in one air strike.").role == "killed"


def test_martyred_is_killed() -> None:
    """Turkish and Arab outlets' word for soldiers and civilians killed."""
    found = only("33 Turkish soldiers were martyred in an airstrike.")
    assert (found.counted, found.role) == ("turkish soldier", "killed")


def test_the_past_n_hours_is_a_period_of_that_length() -> None:
    day = extract("In the past 24 hours, 40 people died.")
    assert [q.kind for q in day] == ["duration", "count"]
    assert day[1].scope.kind == "period"
    two_days = extract("Over the past 48 hours, 90 people died.")[1]
    assert two_days.scope.anchor != day[1].scope.anchor  # not one period
    assert not comparable(day[1], two_days)
    weeks = only("In recent weeks, 40 people died.")
    assert weeks.scope.anchor == only("Over the past weeks, 41 people died.").scope.anchor


def test_what_a_named_place_has_it_hosts() -> None:
    has = find("Kestrel already has more than 3 million displaced Orlans.", "more than 3 million")
    assert has.role == "hosted"  # not displaced there: not met by a count of the displaced
    own = find("After the floods Kestrel has 2 million displaced people.", "2 million")
    assert own.role == "displaced"  # its own people, displaced there
    assert only("Officials have 2,000 displaced people in camps.").role == "displaced"
    assert only("It has 40 soldiers killed.").role == "killed"
    assert only("Kestrel has lost 59 soldiers.").role == "killed"
    assert only("The Kestrel had about 200 people on board.").role == "aboard"


def test_lives_count_the_dead_or_the_saved() -> None:
    loss = only("The quake led to the loss of at least 129 lives.")
    assert (loss.counted, loss.role) == ("people", "killed")
    assert relate(loss, only("At least 157 people were killed.")) == "precision"
    assert only("Rescuers saved 40 lives.").role == "rescued"


def test_a_figure_changed_from_is_an_earlier_report() -> None:
    """ "rose from 34 to 36": the text's figure is 36, the 34 one it replaces."""
    old, new = extract("The toll in the mine rose from 34 to 36 miners overnight.")
    assert (old.scope.kind, new.scope.kind) == ("earlier", "incident")
    assert (new.counted, new.role, old.role) == ("miner", "killed", "killed")
    owned = extract("Turkey's military death toll rose from 34 to 36 soldiers.")[1]
    assert (owned.counted, owned.role) == ("turkey soldier", "killed")
    other = only("Some 36 miners were killed.")
    assert comparable(new, other) and relate(new, other) == "precision"
    assert not comparable(old, only("34 miners were killed."))
    revised = extract("Police revised the number of missing from 12 down to 9.")
    assert revised[0].scope.kind == "earlier"
    assert (revised[1].role, revised[1].scope.kind) == ("missing", "")
    up = extract("The toll rose to 59, up from 58 a day earlier.")
    assert (up[0].scope.kind, up[1].scope.kind, up[1].role) == ("", "earlier", "killed")
    assert [q.scope.kind for q in extract("The toll went up from 34 to 36.")] == ["earlier", ""]
    assert [q.scope.kind for q in extract("The toll rose to 36 from 34.")] == ["", "earlier"]
    overnight = extract("The death toll climbed from 33 to 34 overnight.")[1]
    assert (overnight.counted, overnight.role) == ("people", "killed")
    # another year's figure stays that year's; another subject's verb changes no span
    last_year = find("Floods killed 41 people this monsoon, up from 34 in 2022.", "34")
    assert last_year.scope.kind == "dated"
    dead = extract("The army raised the toll to 45 from 38 dead.")  # (a third review)
    assert [q.scope.kind for q in dead] == ["", "earlier"]
    villages = extract("Officials raised the number of evacuees to 3,000 from 12 villages.")
    assert [q.scope.kind for q in villages] == ["", ""]  # (a second review)
    span = "The river rose and officials evacuated from 300 to 400 families."
    assert [q.scope.kind for q in extract(span)] == ["", ""]
    # spans are no changes: "from 6 to 8 people were injured", "ranged from 20 to 25"
    assert [q.scope.kind for q in extract("From 6 to 8 people were injured.")] == ["", ""]
    assert [q.scope.kind for q in extract("Crowds ranged from 200 to 300 people.")] == ["", ""]


def test_passengers_on_board_are_not_everyone_on_board() -> None:
    """Crew sail too: 95 passengers and 101 people on board are both true."""
    assert (
        rel("The ferry carried 95 passengers on board.", "There were 101 people on board.") is None
    )
    more = rel("The ferry had 105 passengers on board.", "There were 101 people on board.")
    assert more == "conflict"
    # a small craft's crew may outnumber its passengers (a second review)
    assert rel("The helicopter had three passengers aboard.", "Five people were on board.") is None
    # no crew is twice the passengers (a review: "a bus carrying 30 passengers")
    bus = rel("The bus had 30 passengers on board.", "There were 80 people on board the bus.")
    assert bus == "conflict"
    assert (
        rel("The ferry had 95 passengers on board.", "It had 97 passengers aboard.") == "conflict"
    )
    assert rel("Four passengers were killed.", "Five people died in the crash.") == "conflict"


def test_bodies_recovered_are_not_bodies_identified() -> None:
    """Recovery teams find bodies before experts name them: two counts, each rising."""
    recovered = "Divers have recovered 25 bodies from the lake so far."
    identified = "So far 13 bodies have been identified by relatives."
    assert (only(recovered).role, only(identified).role) == ("recovered", "identified")
    assert rel(recovered, identified) is None
    assert only("Soldiers collected 31 bodies from the ravine.").role == "recovered"
    # only bodies are recovered or identified so: the living and suspects are not (a review)
    assert only("Seven people were recovered from the rubble alive.").role == ""
    assert only("Police have identified five people suspected of looting.").role == ""
    assert only("Forensic teams have identified seven people among the dead.").role == "killed"
    assert only("Forensic experts have identified 20 victims.").role == "identified"
    # victims who recovered are the living (a third review): after its count, a body's
    # role is a passive's
    assert only("Doctors said 14 victims had recovered from their injuries.").role != "recovered"
    assert only("So far 13 bodies have been identified.").role == "identified"
    # bodies recovered or identified, with no verb between, are the passive's
    assert only("Divers said 44 bodies recovered so far were taken to Orla.").role == "recovered"
    assert only("Three victims recovered in hospital.").role != "recovered"
    # found in review: bodies that act on an object are no bodies recovered
    assert only("Two state bodies identified safety failures at the mine.").role == ""
    assert only("The 40 bodies recovered their shape after thawing.").role == ""
    assert (
        rel("Divers have recovered 25 bodies so far.", "Crews retrieved 27 bodies overnight.")
        == "conflict"
    )


def test_a_toll_without_death_counts_deaths() -> None:
    its = extract("The strike killed 36 soldiers, bringing its toll since February to 59.")[1]
    assert (its.role, its.scope.kind) == ("killed", "period")
    assert extract("The toll rose to 40 on Friday.")[0].role == "killed"
    assert only("The toll road cost 5 dollars.").kind == "money"


def test_an_age_set_off_by_commas_after_a_name_is_not_a_count() -> None:
    assert extract("Putin, 67, hosted the talks.") == ()
    smith = extract("John Smith, 45, of Dallas, was among 12 injured.")
    assert [q.text for q in smith] == ["12"]
    # after a month or a weekday the number is the figure
    assert extract("Since February, 59 soldiers have died.")[0].text == "59"
    assert [q.text for q in extract("On Thursday, 15, not 16, died.")][1:] == ["15", "16"]


def test_a_match_s_score_is_no_count() -> None:
    assert extract("Fans rushed the pitch after Kestrel lost 3-2 to Harlow.") == ()
    assert extract("After their 2-1 home defeat, fans left.") == ()
    assert extract("Harlow won 10-0 in the final.") == ()
    assert extract("The match ended 3-2.") == ()
    # a range after a verb of the match stays a range (found by a review)
    assert only("The party won 40-45% of the vote.").text == "40-45%"
    assert only("They hope to win 60-70 seats.").text == "60-70"
    # a range with a dash stays a range; a dash alone is no score
    assert only("Between 3-4 people were killed.").high == 4
    assert only("Some 20-30 people were hurt.").low == 20


def test_a_drop_capital_lost_from_a_hedge_keeps_the_hedge() -> None:
    """A page that draws its first letter apart leaves "t least 125 people were killed":
    read as "At least", not as exactly 125 (set against "at least 127" as a conflict)."""
    assert (
        only("t least 125 people were killed.").hedge,
        rel("t least 125 people were killed.", "At least 127 people were killed."),
    ) == ("at least", "precision")
    assert only("ore than 40 people died.").low_open
    # one word alone may be another word: "early" is no "nearly"
    assert find("early 2020 floods killed 40 people.", "40").hedge is None
    assert only("The toll is t least 125 people.").hedge is None  # only at the start


def test_the_children_of_a_parent_are_not_a_count() -> None:
    assert extract("Ahmed, 34, a father of three, fled in January.") == ()
    mother = extract("Among the dead was a mother of four and 12 other villagers.")
    assert [q.text for q in mother] == ["12"]
    assert extract("Father-of-three Jan Berg, 35, died in the crash.") == ()
    killed = extract("The mother of three children killed in the strike spoke.")
    assert [q.text for q in killed] == ["three"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll could rise to 150, officials said.",
        "Aid groups warned the number may reach 2 million if the fighting goes on.",
        "The death toll is expected to climb above 300.",
        "Officials said the toll will rise to 40 or more.",
        "As many as 2,000 more could be displaced.",
        "Officials expect the toll to climb to 300.",
        "The number of the displaced could eventually reach 300,000.",
    ],
)
def test_a_forecast_is_not_a_figure_of_the_story(sentence: str) -> None:
    assert extract(sentence) == ()


@pytest.mark.parametrize(
    ("sentence", "figure"),
    [
        ("The toll rose to 150 on Monday.", "150"),
        ("Some 150 people may have died, officials said.", "Some 150"),
        ("Up to 70 buses will run on Friday.", "Up to 70"),
        ("Joint patrols will begin on March 15.", "March 15"),
        ("The toll reached 59, and more could die, medics said.", "59"),
        ("At least 40 died on 1 May when a bomb struck a rally, police said.", "At least 40"),
        ("At least 300 people could not escape the fire.", "At least 300"),
        ("Some 200 may be dead, officials said.", "Some 200"),
        ("Aid will reach 40,000 people this week.", "40,000"),
        ("The death toll would climb to 1,100 by the end of the week.", "1,100"),
        ("By dawn, rescuers could reach 40 trapped miners.", "40"),
        ("The number of monitors will rise to 500 by May.", "500"),
    ],
)
def test_what_happened_or_is_planned_stays_a_figure(sentence: str, figure: str) -> None:
    assert extract(sentence)[0].text == figure


def test_a_count_from_one_attack_is_not_the_day_s_count() -> None:
    strike = extract("Six people died in a Russian air strike on a village on Thursday.")[0]
    day = extract("At least 15 civilians were killed in air strikes on Thursday.")[0]
    assert strike.scope.kind == day.scope.kind == "incident"
    assert not comparable(strike, day)
    other = only("Seven people were killed in the attack.")
    assert comparable(strike, other) and relate(strike, other) == "conflict"
    assert comparable(strike, only("Six people were killed."))


def test_a_count_of_one_day_is_not_a_period_total() -> None:
    day = find("At least 14 rangers were killed on Aug. 3, officials said.", "At least 14")
    assert (day.scope.kind, day.scope.anchor) == ("incident", "aug 3")
    assert find("Twelve rangers were killed on 3 August.", "Twelve").scope.anchor == "aug 3"
    month = only("In all, 40 rangers have died since the start of August.")
    assert not comparable(day, month)
    # the day and an attack are one event ("Aug." does not end the clause)
    ambush = find("At least 14 rangers died on Aug. 3 in an ambush near the dam.", "At least 14")
    assert ambush.scope.anchor == "one attack"
    attack = only("Twelve rangers died in a single ambush.")
    assert relate(ambush, attack) == "conflict" and comparable(day, attack)


def test_a_date_is_not_scoped_by_its_own_words() -> None:
    # "on March 15" is the figure, not the day it covers: March 15 meets March 16
    assert rel("The truce will begin on March 15.", "The truce will begin on March 16.") == (
        "conflict"
    )


def test_one_attack_after_the_figure_outweighs_a_period_before_it() -> None:
    """ "Last week, when 34 were killed in an air strike": the count of that attack,
    compared with another outlet's count of one attack, not with the week's toll."""
    week = only("The fighting peaked last week when 14 rangers were killed in an ambush.")
    attack = only("Twelve rangers died in a single ambush near the dam.")
    assert week.scope.anchor == attack.scope.anchor == "one attack"
    assert comparable(week, attack) and relate(week, attack) == "conflict"
    # a period after the figure stays its scope; the attack after that is another count's
    month = extract("At least 30 rangers were killed in May, including 12 in one ambush.")[0]
    assert month.scope.kind == "period"
    assert only("Last week, 14 rangers were killed.").scope.kind == "period"


def test_an_attack_is_no_place_that_splits_a_toll_into_parts() -> None:
    """ "Died in a single air strike in Idlib ..., and lost 59 in the province": the
    attack says what killed them, not a part of the toll by place."""
    found = extract(
        "Twelve rangers died in a single ambush near the dam on May 3, "
        "and the park has lost at least 30 rangers in the province this year."
    )
    assert found[0].scope.anchor == "one attack"
    assert all(q.scope.kind != "part" for q in found)
    parts = extract("Two people died on the train and one died in the truck.")
    assert [q.scope.kind for q in parts] == ["part", "part"]


def test_a_verb_right_after_an_event_noun_does_not_name_the_event() -> None:
    """ "The truce agreed in Moscow took effect at 00:01": the truce's start, not the
    agreement's, so it meets another outlet's "the ceasefire begins at midnight"."""
    start = extract("The truce agreed in Vienna on Monday took effect at 00:01 on Tuesday.")
    time_ = next(q for q in start if q.kind == "time")
    assert (time_.event, time_.role) == ("ceasefire", "start")
    other = only("The ceasefire begins at midnight.")
    assert comparable(time_, other) and relate(time_, other) == "precision"
    # the verb alone still names its event
    assert only("The two sides agreed at noon to stop firing.").event == "agreement"


def test_a_time_in_brackets_after_another_is_its_conversion() -> None:
    """ "midnight local time (2200 GMT)": one moment written twice, one figure."""
    found = extract("The truce began at midnight local time (2200 GMT) on Tuesday.")
    assert [q.text for q in found if q.kind == "time"] == ["midnight"]
    found = extract("The truce began at 00:01 on Tuesday (2201 GMT).")
    assert [q.text for q in found if q.kind == "time"] == ["00:01"]
    # a bracketed time far from any other is a figure of its own
    found = extract("The blast was heard across the valley by everyone (0300 GMT).")
    assert [q.text for q in found if q.kind == "time"] == ["0300 GMT"]


def test_a_day_opening_the_words_after_a_colon_is_the_scope_of_its_figures() -> None:
    text = (
        "It was the second attack on the town in a week: on 25 February, strikes on two "
        "schools killed 21 civilians, including nine children."
    )
    assert find(text, "21").scope.anchor == find(text, "nine").scope.anchor == "feb 25"
    stopped = "It was a long week: on 25 February the camp was hit; 21 civilians died on the road."
    assert find(stopped, "21").scope.anchor != "feb 25"
    far = "The week began: " + "the talks went on and on, " * 3 + "and 21 civilians died."
    assert find(far, "21").scope == find("21 civilians died.", "21").scope


def test_a_span_of_days_is_a_period_and_its_days_are_no_count() -> None:
    """A UN report's "Between 1 and 27 February, ... 275 civilians" read "Between 1 and
    27" as a count, and the 275 met tolls since December as a conflict."""
    for text, anchor in (
        ("Between 1 and 27 February, the deaths of 275 guards were verified.", "feb 1-feb 27"),
        ("From 1 to 4 March, at least 30 guards were killed.", "mar 1-mar 4"),
        ("Between February 1 and 27, 275 guards died.", "feb 1-feb 27"),
        ("From 28 February to 4 March 2020, 40 guards died.", "feb 28-mar 4"),
    ):
        count = [q for q in extract(text) if q.kind == "count"]
        assert [(q.scope.kind, q.scope.anchor) for q in count] == [("period", anchor)], text
    since = only("More than 300 guards have died since December.")
    assert not comparable(
        find("From 1 to 4 March, at least 30 guards were killed.", "at least 30"), since
    )
    # a range of people is a count, whatever day follows
    assert find("Between 5 and 10 guards died on 27 February.", "Between 5 and 10").kind == "count"


def test_a_day_heading_a_timeline_entry_is_the_day_of_its_figures() -> None:
    """A timeline's "March 1, 2020: ... downs two Syrian jets" met "has since downed
    three" as a conflict: the two are one day's."""
    for text, anchor in (
        ('March 1, 2020: Kestrel launches "Operation Spring" and downs two jets.', "mar 1"),
        ("- 27 Feb - Strikes kill 34 soldiers near the town.", "feb 27"),
        ("5 March: The leaders meet for six hours.", "mar 5"),
        ("March 1 2020 – Kestrel downs two jets.", "mar 1"),
    ):
        figure = extract(text)[-1]
        assert (figure.scope.kind, figure.scope.anchor) == ("incident", anchor), text
    # a span of days heads its entry as a period (a review)
    for text, anchor in (
        ("May 27 – Jun 5: 59 guards were killed in the valley.", "may 27-jun 5"),
        ("March 3-5: the festival drew 20,000 visitors.", "mar 3-mar 5"),
    ):
        assert extract(text)[-1].scope == Scope("period", anchor, text.split(":")[0] + ":"), text
    assert find("- 27 Feb - 12 guards die.", "12").scope.anchor == "feb 27"
    # a colon with minutes glued to it is a clock's; a date inside the sentence heads nothing
    assert find("Kestrel said March 1: two jets were downed.", "two").scope.kind == ""
    assert [q.kind for q in extract("On March 1: Kestrel downs two jets.")] == ["date", "count"]


def test_a_count_listed_under_another_keeps_its_place() -> None:
    text = (
        "On Tuesday, an air strike on the town of Halden killed seven civilians, "
        "including three children."
    )
    assert find(text, "seven").scope.place == find(text, "three").scope.place == "halden"


def test_a_place_after_of_is_read_only_as_the_town_of_a_name() -> None:
    text = "Nine civilians were killed on Tuesday in shelling of the town of Halden."
    assert find(text, "Nine").scope.place == "halden"
    assert find("Nine of Halden's residents were killed on Tuesday.", "Nine").scope.place == ""


def test_a_count_over_several_places_is_a_total_of_them() -> None:
    text = "Thirteen people were killed in shelling of several towns in Orla province."
    assert find(text, "Thirteen").scope.place == "several places in orla"
    assert find("Shelling killed 20 people across many villages.", "20").scope.place == (
        "several places"
    )


def test_seats_are_no_count_of_who_was_aboard() -> None:
    assert find("The 52-seater aircraft crashed near Halden.", "52").counted == "seat"
    assert find("A 12-point plan was agreed.", "12").counted == "plan"


def test_a_share_of_a_total_takes_the_verb_before_it() -> None:
    text = "The plane went down on Sunday, killing at least 48 of the 52 people aboard."
    assert find(text, "at least 48").role == "killed"
    assert find("Seven of the train's eight cars derailed.", "Seven").role == "derailed"


def test_review_cases_of_places_shares_seats_and_colons() -> None:
    # found in review
    escaped = "A flight attendant was killed after 66 of the 72 people aboard escaped."
    assert find(escaped, "66").role != "killed"
    assert find("The party won a 12-seat majority.", "12").counted != "seat"
    across = (
        "Strikes killed seven people in Halden, and 40 people have died across the province "
        "since February."
    )
    assert find(across, "40").scope.place != "halden"
    guards = "Twelve guards of the city of Kano were killed in Maiduguri."
    assert find(guards, "Twelve").scope.place == "maiduguri"
    quoted = 'He said on Thursday: "Yesterday we lost two soldiers, and in all 59 have died."'
    assert find(quoted, "59").scope.text != "Yesterday"


def test_a_question_claims_no_figure() -> None:
    """A reporter's question in a briefing ("that's 4 p.m. here?") met the ceasefire's
    midnight as a conflict; a question asserts nothing. Only the question: a statement
    before it keeps its figures (a review)."""
    asked = extract("QUESTION: But the truce starts at midnight their time – that's 4 p.m. here?")
    assert [q.text for q in asked] == ["midnight"]
    assert extract('He asked: "Did 34 soldiers die on Thursday?"') == ()
    for text, kept in (
        ("At least 33 guards were killed, the ministry said, but who ordered it?", "At least 33"),
        ("33 guards were killed (or was it 34?)", "33"),
        ("Reporters asked whether 34 guards had died.", "34"),
    ):
        assert [q.text for q in extract(text)] == [kept], text


@pytest.mark.parametrize(
    ("sentence", "written", "anchor"),
    [
        (
            "As of 3am on Saturday, the flood had killed 92 people in Orla.",
            "92",
            "180 min saturday",
        ),
        (
            "By Friday mid-morning, at least 100 bodies had been recovered.",
            "at least 100",
            "friday morning",
        ),
        (
            "At least 100 bodies had been recovered by Friday evening, police said.",
            "At least 100",
            "evening friday",
        ),
        ("As of March 5, nearly 950,000 people had fled the province.", "nearly 950,000", "mar 5"),
        # a moment in the sentence's first clause, past its first words
        (
            "As per reports as of 3am on Saturday, the valley was worst hit, with 92 deaths.",
            "92",
            "180 min saturday",
        ),
        # found in review: a perfect tense far before "by", or before a clause that
        # may rise; "to" and the month May between
        ("The death toll had risen to more than 100 by Saturday.", "more than 100", "saturday"),
        ("Rescuers had recovered 44 bodies from the May 3 landslide by Friday.", "44", "friday"),
        ("Some 300 survivors had been airlifted to Kathmandu by Friday evening.", "Some 300",
         "evening friday"),
        ("By Friday, the number of confirmed dead, which could still rise, had reached 44.",
         "44", "friday"),
        ("Rescuers have pulled the bodies of 44 miners from the flooded shaft at Hwange by "
         "Friday.", "44", "friday"),
        # early or late in a day, its end, and the day's own count
        ("As of early Friday, 44 bodies had been recovered.", "44", "early friday"),
        ("By late Sunday night, more than 2,500 troops had arrived.", "more than 2,500",
         "late night sunday"),
        ("By the end of Thursday, rescuers had pulled 12 people alive from the rubble.", "12",
         "end thursday"),
        ("By Friday's count, 44 bodies were recovered from the lake.", "44", "friday"),
        ("By Tuesday’s tally the storm left 16 people dead.", "16", "tuesday"),
    ],
)  # fmt: skip
def test_a_count_taken_at_a_moment_has_that_moment(
    sentence: str, written: str, anchor: str
) -> None:
    scope = find(sentence, written).scope
    assert (scope.kind, scope.anchor) == ("moment", anchor)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        (
            "Their husbands are among the eleven men cut off by Monday's rockfall.",
            "eleven",
        ),  # whose
        (
            "The ceasefire takes effect by midnight, with 59 soldiers killed so far.",
            "59",
        ),  # deadline
        ("Rescuers said 44 bodies were found by divers.", "44"),
        # no day named, or a deadline at a day's end, or a day's thing that is no count
        ("By the end of the week, 44 bodies had been recovered.", "44"),
        ("As of late, 44 bodies had been recovered.", "44"),
        ("The 12 crews must finish by the end of Thursday.", "12"),
        ("Hit by Monday's storm, 300 homes had lost power.", "300"),
        # found in review: deadlines, forecasts and agents near a perfect tense
        ("Crews will have restored power to 300 homes by Friday.", "300"),
        ("The firm said it would have rehoused 12 families by Friday.", "12"),
        ("Crews have cleared 40 roads and must reopen 12 more by the end of Thursday.", "12"),
        ("Officials have said 40 schools will reopen by early Monday.", "40"),
        ("Some 300 homes had been flooded by late Sunday storms.", "Some 300"),
        ("By Friday's estimate, the company will hire 300 workers.", "300"),
        ("By Friday's toll road, 12 trucks had passed.", "12"),
    ],
)
def test_by_an_agent_or_a_deadline_is_no_moment(sentence: str, written: str) -> None:
    assert find(sentence, written).scope.kind != "moment"


def test_the_date_or_time_of_a_moment_is_still_a_figure_and_has_no_moment() -> None:
    """ "joint patrols as of March 15" dates the patrols' start: the date stays a claim,
    and a weekday beside it takes no moment as its scope."""
    text = "They agreed on Thursday to run joint patrols as of March 15."
    assert find(text, "March 15").role == "start"
    assert find(text, "Thursday").scope.kind != "moment"
    assert find("The truce is in force as of midnight tonight.", "midnight").role == "start"


@pytest.mark.parametrize(
    ("row", "written", "counted", "role"),
    [
        ("Homes destroyed by the flood: 1,240", "1,240", "home", "destroyed"),
        ("Guards killed since 1 May: 59", "59", "guard", "killed"),
        ("People living in the valley: 3.5 million", "3.5 million", "people", "population"),
        ("- Ambulances sent to the coast: about 400", "about 400", "ambulance", "deployed"),
        ("Bodies recovered: 44", "44", "body", "recovered"),
    ],
)
def test_a_row_s_value_counts_what_its_label_names(
    row: str, written: str, counted: str, role: str
) -> None:
    """A table's or a list's row, "label: value" (a table's cells as cleaning joins
    them): the value counts what the label names, as "59 guards killed since 1 May"."""
    q = find(row, written)
    assert (q.counted, q.role) == (counted, role)
    assert row[q.start : q.end] == written


@pytest.mark.parametrize(
    ("row", "written", "counted", "role"),
    [
        ("59: guards killed in the valley since early May", "59", "guard", "killed"),
        ("- 1,240: homes destroyed by the flood", "1,240", "home", "destroyed"),
        ("16: civilians killed in the strike on a market on Thursday (final toll)", "16",
         "civilian", "killed"),
        ("1,200: Homes destroyed", "1,200", "home", "destroyed"),  # a review
        ("60: Residents evacuated", "60", "resident", "evacuated"),
        ("40: Gunmen killed", "40", "gunmen", "killed"),  # plurals with no "s" (a review)
        ("12: Policemen injured", "12", "policemen", "injured"),
        ("59: soldiers killed after the truce", "59", "soldier", "killed"),  # a review
    ],
)  # fmt: skip
def test_a_row_with_its_value_first_counts_what_its_label_names(
    row: str, written: str, counted: str, role: str
) -> None:
    """ "59: guards killed since early May", a "by the numbers" list's row, read as if it
    had no colon; the figures of its label keep their places in the row."""
    q = find(row, written)
    assert (q.counted, q.role) == (counted, role)
    assert row[q.start : q.end] == written


def test_a_row_with_its_value_first_keeps_its_label_s_scope_and_figures() -> None:
    since = find("59: guards killed in the valley since early May", "59").scope
    assert (since.kind, since.anchor) == ("period", "may")
    text = "16: civilians killed in the strike on a market on Thursday"
    assert find(text, "16").scope.kind == "incident"
    strike = find(text, "Thursday")
    assert text[strike.start : strike.end] == "Thursday"
    # a row that names nothing counts nothing
    for text, written in (
        ("59: that is what he said", "59"),
        ("3: the number of times they met", "3"),
        ("2029: a year of floods", "2029"),
        # a live page's minute or a list's number before a headline (a review)
        ("71: Protesters arrested as police clear the square.", "71"),
        ("2: Hospitals evacuated in the flood zone", "2"),
        ("12: Mayor arrested over bribes", "12"),  # one mayor: an item's number
        ("8: Children died", "8"),
    ):
        assert all(q.counted == q.role == "" for q in extract(text) if q.text == written), text
    # such a number meets no count of what its headline says befell someone (a review)
    item = extract("12: Mayor arrested over bribes in port city")[0]
    assert not comparable(item, find("Police arrested 30 people in the port.", "30"))


def test_a_row_keeps_its_label_s_period_and_other_rows_stay_as_written() -> None:
    since = find("Guards killed since 1 May: 59", "59")
    assert (since.scope.kind, since.scope.anchor) == ("period", "may")
    assert find("Guards killed since 1 May: 59", "1 May").kind == "date"
    for text, written in (("He said: 34.", "34"), ("Years of war: 9", "9")):
        assert find(text, written).counted == ""  # a saying or a label that names no thing
    # found in review: labels whose number or date is not read, attributes, sayings
    for text, written in (
        ("Round 1: 68", "68"),
        ("Flight 370 passengers: 239", "239"),
        ("Deaths, 2019: 412", "412"),
        ("Age: 34", "34"),
        ("Temperature (C): 34", "34"),
        ("Asked how many homes were lost, she replied: 40", "40"),
        ("How many were injured? Answer: 40", "40"),
    ):
        assert find(text, written).counted == "", text
    # a value that names its own thing keeps it
    assert find("Toll so far: 59 guards", "59").counted == "guard"


def test_a_count_whose_noun_was_said_before_it_has_no_role() -> None:
    """ "the last three" at its clause's end counts what was said before (an invented
    page: "died in the last three", months, met "losing two", drones, as people killed);
    a verb after it still says what befell them."""
    assert find("Most of them died in the last three.", "three").role == ""
    assert find("Of the 40, most died in the first two, officials said.", "two").role == ""
    assert find("The last three were killed on Sunday.", "three").role == "killed"
    assert find("The strike killed three.", "three").role == "killed"
    # a verb's object (a review)
    assert find("The avalanche killed the last three.", "three").role == "killed"
    assert find("The last two, both children, were killed.", "two").role == "killed"


def test_counts_two_places_host_are_not_compared() -> None:
    """The host named before its verb, or before a clause on it, is the count's place: an
    invented page set Lebanon's 1.5 million Syrian refugees against Turkey's 3.6 million."""
    lebanon = "Lebanon, which by government estimates hosts about 1.5 million Syrian refugees."
    turkey = "Turkey already hosts around 3.6 million Syrian refugees."
    assert only(lebanon).scope.place == "lebanon" and only(turkey).scope.place == "turkey"
    assert rel(lebanon, turkey) is None
    assert rel("Turkey hosts 3.6 million Syrian refugees.", turkey) in ("same", "precision")
    assert rel("It hosts 1.5 million Syrian refugees.", turkey) == "conflict"  # no host named
    # after an auxiliary, "alone", or an aside (a review)
    for poland in (
        "Poland alone hosts 1.5 million refugees.",
        "Poland is hosting 1.5 million refugees.",
        "Poland has hosted 1.5 million refugees.",
        "Poland, a country of 38 million, hosts 1.5 million refugees.",
    ):
        assert find(poland, "1.5 million").scope.place == "poland", poland
    assert only("South Sudan hosts about 300,000 refugees.").scope.place == "south sudan"


def test_the_first_days_of_a_month_are_a_period_of_their_own() -> None:
    """ "in the first three days of March" had no scope, and so met one day's count ("on
    Sunday alone", an invented page) as a conflict: it is a span of that month."""
    first = find(
        "Rebels say they shot down at least six drones in the first three days of March.",
        "at least six",
    )
    assert first.scope.text == "in the first three days of March"
    sunday = find("Three drones were shot down on Sunday alone.", "Three")
    again = find(
        "At least six drones were shot down in the first three days of March.", "At least six"
    )
    week = find("In the first week of March, 40 drones were shot down.", "40")
    assert not comparable(first, sunday) and not comparable(first, week)
    assert comparable(first, again)
    # one span in words or digits; another year's is another span (a review)
    digits = find("In the first 3 days of March, 14 drones were shot down.", "14")
    year = find("In the first three days of March 2019, 15 drones were shot down.", "15")
    assert comparable(first, digits) and not comparable(first, year)


def test_an_hour_and_a_half_is_one_duration() -> None:
    """ "about an hour and a half" was read as about an hour (an invented page)."""
    q = find("The talks lasted about an hour and a half.", "about an hour and a half")
    assert (q.low, q.high) == pytest.approx((1.255, 1.745))
    assert only("They waited two days and a half.").low == pytest.approx(54.12)
    assert only("Two and a half hours of talks ended.").low == pytest.approx(2.451)
    # "a half-day session" is another thing
    assert extract("They met for an hour and a half-day talks followed.")[0].text == "an hour"
    # a spoken fraction is no exact figure: "a week and a half" meets "nine days" as
    # another precision, not a conflict (a review)
    assert rel("The strike lasted a week and a half.", "The strike lasted nine days.") == (
        "precision"
    )


def test_a_page_s_reading_time_and_a_temperature_are_no_figures() -> None:
    """ "6 min read" met another page's "4 min read" as the reading's duration; "minus 7
    degrees Celsius" was a count of degrees killed, beside the children who died of cold."""
    for line in ("Friday 6 March 2029 · Issue #212 · 6 min read", "Why it matters (4 min read)"):
        assert [q.kind for q in extract(line)] in ([], ["date"]), line
    assert [q.text for q in extract("A 5-minute read on the floods.")] == []
    cold = "Temperatures fell to minus 7 degrees Celsius, and two children died of cold."
    assert [q.text for q in extract(cold)] == ["two"]
    assert [q.text for q in extract("It was 40°C in the camp, and 3 people died.")] == ["3"]
    ranged = "Temperatures of 38-41 degrees were recorded and 200 people died."
    assert [q.text for q in extract(ranged)] == ["200"]
    assert only("The talks lasted 45 minutes.").kind == "duration"


def test_an_army_s_tally_of_enemies_neutralized_is_its_own() -> None:
    """ "Turkish forces have neutralized 3,138 regime soldiers since the operation began"
    (a statement of Thursday) met "had "neutralised" 2,212 ... since 27 February" (of 1
    March) as soldiers of no role and no period: a false conflict on invented pages."""
    thursday = find(
        "The ministry said on Thursday that since the operation began, Turkish forces have "
        "neutralized 3,138 regime soldiers.",
        "3,138",
    )
    march = find(
        'Turkish forces had "neutralised" 2,212 regime soldiers since 27 February.', "2,212"
    )
    assert (thursday.role, march.role) == ("neutralized", "neutralized")
    assert thursday.scope.anchor == "operation" and not comparable(thursday, march)
    killed = only("Since the offensive began, 40 soldiers have been killed.")
    assert killed.scope.anchor == "offensive" and killed.role == "killed"
    # the fighting's escalation is another time than its start (a review)
    began = only("Since the fighting began, 150 civilians have been killed.")
    escalated = only("Since the fighting escalated, 120 civilians have been killed.")
    assert not comparable(began, escalated)
    # what opens a reported clause stops at the next clause (a review)
    two = "Officials said that since January 300 homes were burgled; the force has 1,200 officers."
    assert find(two, "1,200").scope.text == ""
    # a word quoted as a word is no verb in scare quotes
    assert find('The report used the word "killed" 12 times.', "12").role == ""


def test_an_aside_between_dashes_is_passed_over() -> None:
    """ "Nearly 1 million people -- more than half of them children -- have been displaced
    since December" (a cable page's typed dashes) lost its role, and with dashes its
    period: the figure was in no ledger row."""
    for dash in ("--", "—"):
        q = find(
            f"Nearly 1 million people {dash} more than half of them children {dash} have been "
            "displaced since December.",
            "Nearly 1 million",
        )
        assert (q.role, q.scope.text) == ("displaced", "since December"), dash
    # one dash before the sentence's last words ends its clause, and an aside's own
    # period is not the figure's (a review)
    assert find("Some 40 people died — the worst toll since 2015.", "Some 40").scope.text == ""
    raids = "Last week, 12 people were arrested — the most since January — in raids."
    assert find(raids, "12").scope.text == "Last week"
