"""Grouping: N-way passage alignment, on hand-made articles, properties and the seeds."""

from __future__ import annotations

import random
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import numpy as np
import pytest
from helpers_align import make_article, one_per_paragraph, synthetic_articles
from hypothesis import given, settings
from hypothesis import strategies as st

from align import build, bundled_seeds, load_sources
from align.figures import extract, read_figures
from align.grouping import group_sentences
from align.grouping.corpus import build_corpus, claim_features, far_apart, figure
from align.grouping.order import reading_order
from align.grouping.similarity import candidate_links, form_similarity, phrase_score, sparse_dot
from align.grouping.speakers import attribution
from align.grouping.thresholds import CONTEXT_LINK_MIN, SUPPORT_MIN
from align.model import Article, Member

Groups = list[tuple[Member, ...]]


def named_groups(articles: Sequence[Article], groups: Groups) -> set[frozenset[tuple[str, int]]]:
    """Groups as sets of (article name, sentence index): independent of article order."""
    return {
        frozenset((articles[m.article].source.name, s) for m in g for s in m.sentences)
        for g in groups
    }


def named_pairs(articles: Sequence[Article], groups: Groups) -> set[frozenset[str]]:
    """Cross-article pairs of sentence *texts* grouped together."""
    out = set()
    for g in groups:
        texts = [(m.article, articles[m.article].sentences[s].text) for m in g for s in m.sentences]
        for a, x in texts:
            for b, y in texts:
                if a < b:
                    out.add(frozenset((x, y)))
    return out


def check_invariants(articles: Sequence[Article], groups: Groups) -> None:
    """Partition, one passage per article, adjacent ascending sentences, scores in range.

    A passage may cross a paragraph break (see ``test_continuation_with_a_figure_crosses``).
    """
    seen = [(m.article, s) for g in groups for m in g for s in m.sentences]
    assert len(seen) == len(set(seen))
    assert set(seen) == {(a, s.index) for a, art in enumerate(articles) for s in art.sentences}
    for g in groups:
        assert [m.article for m in g] == sorted({m.article for m in g})
        for m in g:
            assert list(m.sentences) == list(range(m.sentences[0], m.sentences[-1] + 1))
            assert 1 <= len(m.sentences) <= 3
            assert 0.0 <= m.score <= 1.0
        if len(g) == 1:
            assert g[0].score == 1.0


def grouped_both_ways(
    stories: Sequence[Sequence[Sequence[str]]],
) -> Iterator[tuple[bool, list[Article], Groups]]:
    """Each story (its paragraphs of sentences) as an article named "a", "b", ...,
    grouped as given and with every article's paragraphs in reverse order (checked):
    (reversed or not, the articles, their groups)."""
    for flip in (False, True):
        articles = [
            make_article(name, paragraphs[::-1] if flip else paragraphs)
            for name, paragraphs in zip("abcdefgh", stories, strict=False)
        ]
        groups = group_sentences(articles)
        check_invariants(articles, groups)
        yield flip, articles, groups


# ---------------------------------------------------------------- hand-made cases

HILL = [
    "Turkey and Russia agreed to a ceasefire in Idlib on Thursday.",
    "Since the beginning of February, 59 Turkish soldiers have been killed.",
    "Putin and Erdogan met for six hours in Moscow.",
    "Syrian airstrikes hit a market near Maaret Misrin, killing 15 civilians.",
]
POST = [
    "Putin and Erdogan held talks in Moscow that lasted nearly six hours.",
    "The Kremlin offered no comment on the refugee camps near the border.",
    "Russia and Turkey agreed on Thursday to a ceasefire in Idlib.",
    "Since Feb. 3, 58 Turkish soldiers have been killed, the ministry said.",
    "Airstrikes near Ma'rat Masrin killed at least 15 civilians at a market.",
]


def test_reordered_articles_pair_the_same_facts() -> None:
    arts = [one_per_paragraph("hill", HILL), one_per_paragraph("post", POST)]
    groups = group_sentences(arts)
    check_invariants(arts, groups)
    pairs = {tuple((m.article, m.sentences) for m in g) for g in groups if len(g) == 2}
    assert pairs == {
        ((0, (0,)), (1, (2,))),
        ((0, (1,)), (1, (3,))),
        ((0, (2,)), (1, (0,))),
        ((0, (3,)), (1, (4,))),
    }
    assert ((1, (1,), 1.0),) in [
        tuple((m.article, m.sentences, m.score) for m in g) for g in groups
    ]


def test_common_words_alone_do_not_link() -> None:
    """Sentences sharing only what every article repeats stay apart."""
    a = one_per_paragraph(
        "a",
        [
            "Putin and Erdogan agreed on Idlib.",
            "Putin and Erdogan discussed the grain corridor and fertiliser exports.",
            "Erdogan and Putin spoke about Idlib.",
        ],
    )
    b = one_per_paragraph(
        "b",
        [
            "Erdogan and Putin agreed on Idlib.",
            "Putin and Erdogan praised the new nuclear power plant at Akkuyu.",
        ],
    )
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    linked = {(g[0].sentences, g[1].sentences) for g in groups if len(g) == 2}
    assert ((1,), (1,)) not in linked


FLOOD = (
    [
        "Floodwater broke through the levee at Marlow early on Sunday.",
        "Port Harlow, the largest fishing harbour on the northern coast, has seen its catch"
        " fall for three years.",
        "Rescue crews evacuated about 400 residents by boat overnight.",
        "The regional governor declared a state of emergency in the valley.",
    ],
    [
        "The levee at Marlow gave way before dawn on Sunday, flooding the lower town.",
        "Some 400 people were taken out by rescue crews in boats during the night.",
        "A state of emergency was declared by the governor for the whole valley.",
        "Fishermen in Port Harlow, the largest fishing harbour on the northern coast, tied up"
        " their boats as the river rose.",
    ],
    [
        "Marlow's levee failed on Sunday morning after days of rain.",
        "Nearly 400 residents were evacuated overnight, the fire service said.",
        "The governor has declared a state of emergency.",
    ],
)


def test_a_shared_phrase_counts_as_one_word() -> None:
    """Two sentences that share an epithet ("Port Harlow, the largest fishing harbour
    on the northern coast") and little else score as if the phrase were one word;
    words shared out of order, or one at a time, keep their whole cosine."""
    articles = [one_per_paragraph(name, texts) for name, texts in zip("abc", FLOOD, strict=True)]
    corpus = build_corpus(articles, arrays=False)

    def scores(x: tuple[int, int], y: tuple[int, int]) -> tuple[float, float]:
        a, b = corpus.row(x), corpus.row(y)
        cosine = round(sparse_dot(corpus.vectors[a], corpus.vectors[b]), 5)
        return cosine, phrase_score(corpus, a, b, cosine)

    cosine, phrase = scores((0, 1), (1, 3))
    assert cosine > 0.3 and phrase < 0.04  # the epithet was nearly all they shared
    cosine, phrase = scores((0, 3), (2, 2))  # "declared a state of emergency": one phrase
    assert phrase < cosine
    cosine, phrase = scores((0, 2), (2, 1))  # "400", "residents", "evacuated": no run
    assert phrase == cosine > 0.12


def test_a_quotation_both_give_word_for_word_keeps_its_weight() -> None:
    """A quotation two outlets give word for word, each in a sentence of its own
    words, is one statement: its run of words is no catch-phrase."""
    a = one_per_paragraph(
        "a",
        [
            "Floodwater broke through the levee at Marlow early on Sunday.",
            '"We will not leave a single family without shelter this winter," the mayor'
            " said at the start of a council meeting, adding that crews worked all night.",
        ],
    )
    b = one_per_paragraph(
        "b",
        [
            "The levee at Marlow gave way before dawn on Sunday.",
            "The mayor promised help. “We will not leave a single family without shelter"
            " this winter, and the state will pay for it,” she told reporters.",
        ],
    )
    corpus = build_corpus([a, b], arrays=False)
    x, y = corpus.row((0, 1)), corpus.row((1, 1))
    cosine = round(sparse_dot(corpus.vectors[x], corpus.vectors[y]), 5)
    assert phrase_score(corpus, x, y, cosine) == cosine
    found = named_groups([a, b], group_sentences([a, b]))
    assert frozenset({("a", 1), ("b", 1)}) in found


@pytest.mark.parametrize(
    "marks",
    [("‘‘", "’’"), ("‘", "’"), ("«", "»")],  # a print style's, a British paper's, a translation's
)
def test_a_quotation_in_any_marks_with_its_speaker_s_words_is_one_statement(
    marks: tuple[str, str],
) -> None:
    """The same quotation in "‘‘...’’" and in straight quotes, each followed by "the mayor
    told the council" (its words shared too), stood in two passages: the run went past
    the quotation, and those marks were not read as a quotation's."""
    opens, closes = marks
    said = "We need to discuss everything so that nothing like this ever happens again"
    a = one_per_paragraph("a", [f"{opens}{said},{closes} the mayor told the council on Monday."])
    b = one_per_paragraph("b", [f'"{said}," the mayor told the council.'])
    corpus = build_corpus([a, b], arrays=False)
    x, y = corpus.row((0, 0)), corpus.row((1, 0))
    cosine = round(sparse_dot(corpus.vectors[x], corpus.vectors[y]), 5)
    assert phrase_score(corpus, x, y, cosine) == cosine
    assert frozenset({("a", 0), ("b", 0)}) in named_groups([a, b], group_sentences([a, b]))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (  # an epithet in scare quotes: no one says it
            'Port Harlow, "the largest fishing harbour on the northern coast", has seen its'
            " catch fall for three years.",
            'Fishermen in the town, "the largest fishing harbour on the northern coast",'
            " tied up their boats as the river rose.",
        ),
        (  # a title in quotes
            'The fund was set up under the "Harlow Coastal Flood Relief Act", the mayor said.',
            'Fishermen said the "Harlow Coastal Flood Relief Act" came too late for them.',
        ),
        (  # a quotation's closing mark alone: the rest of the sentence is not quoted
            'Nobody will help us," a fisherman in the largest fishing harbour on the northern'
            " coast told reporters.",
            'It is the worst year we have had," said a trader in the largest fishing harbour'
            " on the northern coast.",
        ),
    ],
)
def test_quoted_words_that_are_no_one_s_statement_count_as_a_phrase(
    first: str, second: str
) -> None:
    a, b = one_per_paragraph("a", [first]), one_per_paragraph("b", [second])
    corpus = build_corpus([a, b], arrays=False)
    x, y = corpus.row((0, 0)), corpus.row((1, 0))
    cosine = round(sparse_dot(corpus.vectors[x], corpus.vectors[y]), 5)
    assert phrase_score(corpus, x, y, cosine) < cosine


def test_a_shared_catch_phrase_alone_does_not_link() -> None:
    """Sentences whose only common ground is one phrase (an epithet of the place)
    stay apart; the facts the outlets share around them are still grouped."""
    articles = [one_per_paragraph(name, texts) for name, texts in zip("abc", FLOOD, strict=True)]
    groups = group_sentences(articles)
    check_invariants(articles, groups)
    found = named_groups(articles, groups)
    assert frozenset({("a", 1)}) in found and frozenset({("b", 3)}) in found
    assert frozenset({("a", 2), ("b", 1), ("c", 1)}) in found
    assert frozenset({("a", 3), ("b", 2), ("c", 2)}) in found
    assert frozenset({("a", 0), ("b", 0), ("c", 0)}) in found


def test_split_sentence_joins_one_member() -> None:
    """One outlet's two adjacent sentences match another's single sentence."""
    a = one_per_paragraph(
        "a",
        [
            "The governor ordered an evacuation of Port Ilse after the Marrow Creek levee broke.",
            "Schools will stay closed until Friday.",
        ],
    )
    b = make_article(
        "b",
        [
            [
                "The levee at Marrow Creek broke on Tuesday night.",
                "The governor then ordered an evacuation of Port Ilse.",
            ],
            ["Classes in the district are cancelled until Friday."],
        ],
    )
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    members = {g[1].sentences for g in groups if len(g) == 2 and g[0].sentences == (0,)}
    assert members == {(0, 1)}


def keys(text: str) -> tuple[str, ...]:
    """The claim features of a sentence's figures."""
    return claim_features(extract(text))


def test_claim_features_name_what_is_measured_not_generic_figures() -> None:
    """A figure about the same thing links in other units; weekdays and years do not."""
    miles = keys("A bus lane about 5 miles long will be built.")
    km = keys("The new lane will be 8 km long.")
    assert miles == km != ()
    assert keys("Talks lasted a week.") == keys("It lasted seven days.")
    assert keys("Talks lasted a week.") != keys("Talks lasted six hours.")
    assert keys("At 00.01 it starts.") == keys("At 0001 it starts.")
    assert keys("The vote is on March 15.") == keys("On 15 March they vote.")
    for generic in (
        "It starts at midnight.",
        "They met on Friday.",
        "In 2019 it rained.",
        "She counted two.",
    ):
        assert keys(generic) == (), generic


def test_far_apart_figures_are_two_facts() -> None:
    (one,) = extract("with 1 million Syrians displaced to the border")
    (three,) = extract("Turkey already hosts more than 3 million displaced Syrians")
    (soldiers_59,) = extract("59 Turkish soldiers have been killed")
    (soldiers_58,) = extract("58 Turkish soldiers have been killed")
    assert far_apart(one, three) and far_apart(three, one)
    assert not far_apart(soldiers_59, soldiers_58)
    assert not far_apart(one, soldiers_59)  # not the same thing


def test_lexically_close_sentences_with_far_apart_figures_stay_apart() -> None:
    """Many shared words, but 1 million vs 3 million displaced: different facts."""
    a = one_per_paragraph(
        "a", ["Fighting near the border has displaced 1 million Syrians, aid groups said."]
    )
    b = one_per_paragraph(
        "b", ["Turkey says it already hosts 3 million displaced Syrians near the border."]
    )
    c = one_per_paragraph(
        "c", ["Fighting near the border displaced 1 million Syrians, aid groups said."]
    )
    groups = group_sentences([a, b, c])
    check_invariants([a, b, c], groups)
    shapes = [tuple(m.article for m in g) for g in groups]
    assert (0, 2) in shapes and (1,) in shapes


FLOOD_A = [
    "Floodwater closed the Marrow bridge on Monday, police said.",
    "Engineers will inspect the piers before traffic returns.",
    "The mayor promised grants for flooded shops in Kell Street.",
]
FLOOD_B = [
    "Police shut the Marrow bridge on Monday because of floodwater.",
    "Cars must wait until engineers finish structural checks of the piers.",
    "Flooded shops in Kell Street will get grants, the mayor promised.",
]


def test_weak_pair_between_aligned_neighbours_links() -> None:
    """A paraphrase sharing one rare word links when the sentences around it are aligned."""
    a, b = one_per_paragraph("a", FLOOD_A), one_per_paragraph("b", FLOOD_B)
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    assert ((0, (1,)), (1, (1,))) in [tuple((m.article, m.sentences) for m in g) for g in groups]


def test_weak_pair_out_of_context_stays_apart() -> None:
    """The same weak pair, moved away from its aligned neighbours, is not enough."""
    moved = [FLOOD_B[0], FLOOD_B[2], "A choir sang at the town hall.", FLOOD_B[1]]
    a, b = one_per_paragraph("a", FLOOD_A), one_per_paragraph("b", moved)
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    assert ((0, (1,)),) in [tuple((m.article, m.sentences) for m in g) for g in groups]


def test_weak_pair_in_longer_paragraphs_links_in_either_paragraph_order() -> None:
    """The same weak pair inside paragraphs of two sentences: its context backs it
    whichever order the paragraphs come in (the sentence that touches a paragraph
    break changes with the order, the story around it does not)."""
    a_paragraphs = [[FLOOD_A[0], FLOOD_A[1]], [FLOOD_A[2]]]
    b_paragraphs = [[FLOOD_B[0]], [FLOOD_B[1], FLOOD_B[2]]]
    for flip, articles, groups in grouped_both_ways([a_paragraphs, b_paragraphs]):
        assert frozenset({FLOOD_A[1], FLOOD_B[1]}) in named_pairs(articles, groups), flip


# Three reports of a blackout, each with its headline as a line of its own (as
# when a page's title is not at the top, or its paragraphs come reversed): each
# lead is closer to the other outlets' headlines than to their leads.
STORM = [
    [
        [
            "Storm Elin left 30,000 homes in Harlow without power overnight, the grid operator"
            " Nordnet said."
        ],
        ["Crews worked through the night to restore the lines."],
        ["Storm Elin blackout: 30,000 Harlow homes without power"],
    ],
    [
        [
            "About 30,000 Harlow homes were without power overnight after Storm Elin, according"
            " to Nordnet."
        ],
        ["Schools in Harlow will stay shut on Tuesday."],
        ["Storm Elin blackout leaves 30,000 Harlow homes without power"],
    ],
    [
        [
            "Nordnet said power was cut overnight to some 30,000 homes around Harlow when Storm"
            " Elin made landfall."
        ],
        ["The ferry to Skerra was cancelled."],
        ["Blackout: 30,000 Harlow homes without power as Storm Elin hits"],
    ],
]


def test_a_twin_at_home_does_not_hide_the_match() -> None:
    """Each lead's best match in the other outlets is their headline, which groups with
    its own headline and so can never join the lead: the leads, each other's best
    among the sentences still free, are grouped too, in either paragraph order."""
    for flip, articles, groups in grouped_both_ways(STORM):
        found = {
            frozenset((articles[m.article].sentences[s].text) for m in g for s in m.sentences)
            for g in groups
        }
        assert frozenset(p[0][0] for p in STORM) in found, flip
        assert frozenset(p[2][0] for p in STORM) in found, flip


# Three reports of a port strike's end. The governor's criticism (a) shares with
# b's sentence on her earlier cooperation only her full name and title and the
# story's background ("the port authority"); b's own account of the criticism is
# the counterpart, though its best match in a is the radio quote beside it.
PORT = (
    [
        "The port authority and the dockworkers' union signed a deal on Friday to end the"
        " strike at Varna.",
        "The strike had kept cargo ships waiting outside Varna for three weeks.",
        "Union-backed Regional Governor Mira Castell attacked the port authority over the deal,"
        " saying it was selling out the harbour.",
        '"The authority cannot explain why it gave away the night shifts," Castell said on'
        " Radio Nord.",
        "Work at the port will resume on Monday morning.",
    ],
    [
        "Dockworkers and the port authority agreed on Friday to end the Varna strike.",
        "Until the strike, Regional Governor Mira Castell had worked closely with the port"
        " authority.",
        "Castell, who spoke to Radio Nord on Friday, accused the authority of selling out the"
        " harbour.",
        '"The authority cannot explain why it handed over the night shifts," said Castell.',
        "Ships have waited outside Varna for three weeks.",
    ],
    [
        "The Varna port strike ended on Friday with a deal between the union and the port"
        " authority.",
        "Cargo ships had been held outside Varna for three weeks by the strike.",
        "Loading will start again on Monday.",
    ],
)


@pytest.mark.parametrize("numpy", [False, True])
def test_sharing_only_the_protagonists_names_is_not_a_fact(
    numpy: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two sentences whose common ground besides the story's background is a name
    with its title ("Regional Governor Mira Castell") stay apart, however rare the
    name; the sentence that reports the same criticism becomes the counterpart
    although a better match (the quote beside it) is taken: a match that cannot
    link does not stand in the way of the next best. Scored with numpy and without."""
    monkeypatch.setattr("align.grouping.small.SMALL_PAIRS", 0 if numpy else 10**12)
    articles = [one_per_paragraph(name, texts) for name, texts in zip("abc", PORT, strict=True)]
    groups = group_sentences(articles)
    check_invariants(articles, groups)
    pairs = named_pairs(articles, groups)
    assert frozenset({PORT[0][2], PORT[1][1]}) not in pairs
    assert frozenset({PORT[0][2], PORT[1][2]}) in pairs
    assert frozenset({PORT[0][3], PORT[1][3]}) in pairs


# Two reports of a rail strike's end with their paragraphs reversed: the headline
# is a line of the text, beside the lead. Each lead's best match in the other
# report is its headline, grouped with the other headline, and the two leads
# share little but the story's names.
RAIL = [
    [
        ["Crews worked through the night to clear the line."],
        ["Nordrail and the drivers' union agreed on Monday to end the rail strike in Harlow."],
        ["Nordrail, union agree to end Harlow rail strike"],
    ],
    [
        ["Commuters in Harlow had faced two weeks without trains."],
        ["Trains will run in Harlow again from Tuesday, after the drivers settled with Nordrail."],
        ["Nordrail and union agree to end Harlow rail strike"],
    ],
]


def test_leads_beside_grouped_headlines_pair_in_either_order() -> None:
    """The leads, each other's best among the sentences still free but below a
    link's strength, pair with the backing of the headlines beside them, whichever
    order the paragraphs come in; the unrelated sentences beside them stay apart."""
    for flip, articles, groups in grouped_both_ways(RAIL):
        pairs = named_pairs(articles, groups)
        assert frozenset({RAIL[0][1][0], RAIL[1][1][0]}) in pairs, flip
        assert frozenset({RAIL[0][2][0], RAIL[1][2][0]}) in pairs, flip
        assert frozenset({RAIL[0][0][0], RAIL[1][0][0]}) not in pairs, flip


def test_the_same_number_in_figures_of_different_kinds_is_not_a_shared_fact() -> None:
    """Figures "4,000 households" and "4,000 hectares" share the digits, not the fact: neither
    a link nor a vote rests on them; the same count of the same kind still links."""
    power = "Power was cut to 4,000 households as a precaution, the utility said."
    fire = "The Marrow fire has burned more than 4,000 hectares, officials said."
    again = "About 4,000 households lost power as a precaution."
    a = one_per_paragraph("a", [power, "Schools in Marrow are closed on Friday."])
    b = one_per_paragraph("b", [fire, "A choir sang at the town hall."])
    c = one_per_paragraph("c", [again, "The fire crossed the Marrow road."])
    for articles in ([a, b], [a, b, c]):
        groups = group_sentences(articles)
        check_invariants(articles, groups)
        pairs = named_pairs(articles, groups)
        assert frozenset({power, fire}) not in pairs
        assert frozenset({again, fire}) not in pairs
    assert frozenset({power, again}) in pairs


def test_attribution_finds_who_says_it_not_what_is_said() -> None:
    """Trailing ("..., said Sgt. ...", "..., the agency said."), leading ("Officials
    said ...", "X, a spokesman for Y, told reporters that ...") and "according to"."""
    cases = {
        "Nine died, said Sgt. Mara Olsen, press officer with the county police.": [
            ", said Sgt. Mara Olsen, press officer with the county police."
        ],
        "Nine died, the agency said in a statement.": [", the agency said in a statement."],
        "Police officials said investigators were at the scene.": ["Police officials said"],
        "Mara Olsen, a spokeswoman for the police, told reporters that nine died.": [
            "Mara Olsen, a spokeswoman for the police, told reporters that"
        ],
        "Nine carriages derailed, according to investigators.": ["according to investigators."],
        "Elsewhere, the mayor said the bridge would reopen.": ["Elsewhere, the mayor said"],
        "Nine carriages derailed near Kell on Monday.": [],
        '"The houses fell at once," Ana Pirc told the official Kell News Agency.': [
            '," Ana Pirc told the official Kell News Agency.'
        ],
        "Elsewhere, the mayor said the bridge holds.": ["Elsewhere, the mayor said"],
        '"We are safe," Olsen said, though she added that nine died.': ['," Olsen said'],
    }
    for text, expected in cases.items():
        assert [text[a:b] for a, b in attribution(text)] == expected, text


def test_two_facts_from_one_spokesman_are_not_one_fact() -> None:
    """Two outlets quote the same officer on two facts: her name and title in both
    are not a fact in common; the same fact from her still links."""
    carriages = (
        "Nine carriages left the rails near Kell, said Sgt. Mara Olsen, press officer with"
        " the Wexford County Police."
    )
    killed = "Two passengers were killed, Wexford County Police spokeswoman Sgt. Mara Olsen said."
    a = one_per_paragraph("a", [carriages, "Both victims were travelling in the front carriage."])
    b = one_per_paragraph("b", [killed, "The express had nine carriages, all of which derailed."])
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    assert frozenset({carriages, killed}) not in named_pairs([a, b], groups)
    same = (
        "All nine carriages of the express came off the rails near Kell, Sgt. Mara Olsen of"
        " the Wexford County Police said."
    )
    c = one_per_paragraph("c", [same])
    groups = group_sentences([a, c])
    assert frozenset({carriages, same}) in named_pairs([a, c], groups)


def test_one_shared_word_is_not_a_fact_in_common() -> None:
    """Two quotations that share one rare word ("thoughts", "thought") and nothing
    else do not pair, however high their cosine; the bridge's collapse still does."""
    mourning = '"My thoughts are with them," Dalen said.'
    survivor = '"I thought I was dead," Pirc said.'
    a = one_per_paragraph(
        "a",
        [
            "The Kell bridge collapsed on Monday.",
            "Traffic was diverted to the ring road.",
            mourning,
        ],
    )
    b = one_per_paragraph(
        "b", [survivor, "Divers searched the river.", "A bridge in Kell collapsed on Monday."]
    )
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    pairs = named_pairs([a, b], groups)
    assert frozenset({mourning, survivor}) not in pairs
    assert frozenset({a.sentences[0].text, b.sentences[2].text}) in pairs


def test_small_bare_numbers_are_not_a_fact_in_common() -> None:
    """Small numbers in no figure ("B1/2/3", "platforms 2/3") are everywhere in a
    report: sharing them is not sharing a fact; the same small count of the same
    thing still links ("four coaches" and "four coaches")."""
    coaches = "The damaged coaches were B1/2/3 and S4."
    platforms = "Passengers were moved to platforms 2/3 at Kell."
    a = one_per_paragraph("a", [coaches, "The Kell line reopened on Friday."])
    b = one_per_paragraph("b", [platforms, "Services on the Kell line resumed on Friday."])
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    assert frozenset({coaches, platforms}) not in named_pairs([a, b], groups)
    four = ["Four coaches overturned near Kell.", "Near Kell, four coaches overturned at dawn."]
    c, d = one_per_paragraph("c", four[:1]), one_per_paragraph("d", four[1:])
    assert frozenset(four) in named_pairs([c, d], group_sentences([c, d]))


def test_continuation_with_a_figure_crosses_a_paragraph_break() -> None:
    """One sentence per paragraph: the next sentence joins when it measures the same
    thing as the other outlet's passage; a scene-setting sentence does not."""
    a = one_per_paragraph(
        "a",
        [
            "A bus lane about 5 miles long will be built along Harbour Road, the council said.",
            "Shops on Kell Street reopened after the flood.",
        ],
    )
    b = one_per_paragraph(
        "b",
        [
            "Harbour Road was quiet on Tuesday morning.",
            "The council approved a bus lane for Harbour Road on Tuesday.",
            "It will run 8 km long, from the port to the old mill.",
        ],
    )
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    shapes = [tuple((m.article, m.sentences) for m in g) for g in groups]
    assert ((0, (0,)), (1, (1, 2))) in shapes
    assert ((1, (0,)),) in shapes


def test_no_group_holds_two_passages_of_one_article() -> None:
    a = one_per_paragraph(
        "a", ["Rebels seized the airport at Kandor.", "The airport at Kandor fell."]
    )
    b = one_per_paragraph("b", ["The Kandor airport was seized by rebels."])
    groups = group_sentences([a, b])
    check_invariants([a, b], groups)
    assert sum(len(g) == 2 for g in groups) == 1


def test_reading_order_follows_consensus_and_keeps_singles_in_context() -> None:
    arts = [one_per_paragraph("hill", HILL), one_per_paragraph("post", POST)]
    groups = group_sentences(arts)
    firsts = [[(m.article, m.sentences[0]) for m in g] for g in groups]
    # The Post's unique sentence 1 follows the group holding its sentence 0.
    single = firsts.index([(1, 1)])
    assert (1, 0) in firsts[single - 1]
    # Multi-member groups appear in order of median relative position.
    multi = [g for g in firsts if len(g) > 1]
    assert multi[0] == [(0, 0), (1, 2)] or multi[0] == [(0, 2), (1, 0)]


def test_reading_order_is_a_permutation() -> None:
    arts = [one_per_paragraph("hill", HILL), one_per_paragraph("post", POST)]
    groups = group_sentences(arts)
    assert sorted(reading_order(arts, groups), key=repr) == sorted(groups, key=repr)


def test_empty_and_tiny_inputs() -> None:
    assert group_sentences([]) == []
    a = one_per_paragraph("a", ["Only one sentence here."])
    assert group_sentences([a]) == [(Member(0, (0,), 1.0),)]
    empty = make_article("e", [])
    groups = group_sentences([a, empty, a])
    check_invariants([a, empty, a], groups)


def test_degenerate_sentences() -> None:
    """Punctuation-only, stopword-only and huge sentences do not break grouping."""
    huge = " ".join(f"word{i % 997}" for i in range(50_000)) + "."
    a = one_per_paragraph("a", ["...", "It is what it is.", huge, "\x00\x1b[31m[b]x[/b]"])
    b = one_per_paragraph("b", ["—", "It is what it is.", huge])
    started = time.perf_counter()
    groups = group_sentences([a, b])
    assert time.perf_counter() - started < 5
    check_invariants([a, b], groups)


# ---------------------------------------------------------------- synthetic truth


def truth_pairs(
    articles: Sequence[Article], truth: dict[tuple[str, int], int]
) -> set[frozenset[tuple[str, int]]]:
    by_fact: dict[int, list[tuple[str, int]]] = {}
    for ref, fact in truth.items():
        by_fact.setdefault(fact, []).append(ref)
    return {frozenset((x, y)) for refs in by_fact.values() for x in refs for y in refs if x < y}


def found_pairs(articles: Sequence[Article], groups: Groups) -> set[frozenset[tuple[str, int]]]:
    out = set()
    for g in named_groups(articles, groups):
        refs = sorted(g)
        out |= {frozenset((x, y)) for x in refs for y in refs if x[0] < y[0]}
    return out


def test_synthetic_facts_are_aligned_exactly() -> None:
    articles, truth = synthetic_articles(6, 12, 8, 4, seed=3)
    groups = group_sentences(articles)
    check_invariants(articles, groups)
    assert found_pairs(articles, groups) == truth_pairs(articles, truth)


@settings(max_examples=25, deadline=None)
@given(
    n_articles=st.integers(2, 5),
    n_facts=st.integers(1, 8),
    fillers=st.integers(2, 4),
    seed=st.integers(0, 10_000),
)
def test_properties_on_synthetic_articles(
    n_articles: int, n_facts: int, fillers: int, seed: int
) -> None:
    articles, truth = synthetic_articles(n_articles, n_facts, max(1, n_facts - 1), fillers, seed)
    groups = group_sentences(articles)
    check_invariants(articles, groups)
    assert found_pairs(articles, groups) == truth_pairs(articles, truth)
    # Deterministic.
    assert group_sentences(articles) == groups
    # Article order does not matter (same groups up to relabelling).
    shuffled = list(articles)
    random.Random(seed).shuffle(shuffled)
    assert named_groups(shuffled, group_sentences(shuffled)) == named_groups(articles, groups)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000))
def test_shuffled_paragraphs_align_the_same_pairs(seed: int) -> None:
    articles, _ = synthetic_articles(3, 6, 5, 2, seed)
    before = named_pairs(articles, group_sentences(articles))
    rng = random.Random(seed)
    texts = [s.text for s in articles[0].sentences]
    rng.shuffle(texts)
    moved = [one_per_paragraph(articles[0].source.name, texts), *articles[1:]]
    assert named_pairs(moved, group_sentences(moved)) == before


def test_thirty_articles_align_fast() -> None:
    articles, truth = synthetic_articles(30, 60, 40, 10, seed=11)
    started = time.perf_counter()
    groups = group_sentences(articles)
    elapsed = time.perf_counter() - started
    check_invariants(articles, groups)
    assert elapsed < 5.0, elapsed
    found, expected = found_pairs(articles, groups), truth_pairs(articles, truth)
    assert len(found & expected) / len(expected) > 0.95
    assert len(found & expected) / len(found) > 0.95


# ---------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds_groups() -> tuple[list[Article], Groups]:
    alignment = build([bundled_seeds()])
    articles = list(alignment.articles)
    return articles, group_sentences(articles)


def test_seed_invariants(seeds_groups: tuple[list[Article], Groups]) -> None:
    articles, groups = seeds_groups
    check_invariants(articles, groups)
    assert sum(len(g) > 1 for g in groups) >= 12


def test_seed_soldiers_killed_are_grouped(seeds_groups: tuple[list[Article], Groups]) -> None:
    articles, groups = seeds_groups
    for g in groups:
        texts = [articles[m.article].sentences[s].text for m in g for s in m.sentences]
        if any("58 Turkish soldiers" in t for t in texts):
            assert any("59 Turkish soldiers have been killed" in t for t in texts)
            return
    pytest.fail("the WaPo sentence on 58 soldiers is in no group")


def test_reading_order_is_linear_in_unshared_sentences() -> None:
    """20,000 one-outlet passages: a walk back per passage would take minutes (review)."""
    n = 20_000
    big = one_per_paragraph("big", [f"Sentence number {i} stands alone." for i in range(n)])
    small = one_per_paragraph("small", ["Nothing shared here."])
    groups = [(Member(0, (i,), 1.0),) for i in range(n)] + [(Member(1, (0,), 1.0),)]
    started = time.perf_counter()
    ordered = reading_order([big, small], groups)
    assert time.perf_counter() - started < 2.0
    assert len(ordered) == len(groups) and set(ordered) == set(groups)


def test_a_long_article_beside_a_short_one_groups_in_linear_time() -> None:
    """A row meets only other articles' rows: the long article's own sentences, which
    share words with each other, are never scored against each other."""

    def timed(n: int) -> float:
        long = one_per_paragraph(
            "long",
            [f"Officials in district {i} said people were hurt near town {i}." for i in range(n)],
        )
        short = one_per_paragraph("short", ["Officials said people were hurt."])
        started = time.process_time()
        group_sentences(read_figures([long, short], lambda fraction: None))
        return time.process_time() - started

    timed(100)  # caches and first imports out of the measure
    small, big = timed(500), timed(4_000)
    # 8x the sentences: linear work costs ~8x, quadratic ~64x
    assert big < 20 * max(small, 0.05)


# ---------------------------------------------------------------- scoring


def reprinted(seed: int) -> list[Article]:
    """Synthetic articles, some sentences reprinted word for word in other articles."""
    articles, _ = synthetic_articles(6, 12, 8, 3, seed=seed)
    pool = [s.text for a in articles for s in a.sentences]
    rng = random.Random(seed)
    return [
        one_per_paragraph(a.source.id, [*(s.text for s in a.sentences), *rng.sample(pool, 3)])
        for a in articles
    ]


@pytest.mark.parametrize(("budget", "dense"), [(1_000_000, 256), (7, 256), (7, 2), (50, 0)])
def test_scores_are_exact_cosines_however_split(
    monkeypatch: pytest.MonkeyPatch, budget: int, dense: int
) -> None:
    """Each sentence's scores are the dot products of its vector with every sentence
    (reprinted sentences share one form, scored once), however the work is
    chunked or split dense/sparse."""
    monkeypatch.setattr("align.grouping.similarity.EXPAND_BUDGET", budget)
    monkeypatch.setattr("align.grouping.corpus.DENSE_MAX", dense)
    corpus = build_corpus(reprinted(3))
    form = np.asarray(corpus.form)
    assert len(set(corpus.form)) < len(corpus.refs)  # some texts repeat
    sims, _ = form_similarity(corpus, np.unique(form[::3]))
    at = {f: k for k, f in enumerate(np.unique(form[::3]).tolist())}
    for i in range(0, len(corpus.refs), 3):
        a = corpus.vectors[i]
        expected = [sum(w * b.get(f, 0.0) for f, w in a.items()) for b in corpus.vectors]
        got = sims[at[corpus.form[i]]][form]
        assert np.allclose(got, expected, atol=2e-5)


@pytest.mark.parametrize("cells", [2_000_000, 50, 1])
def test_links_are_the_mutual_best_matches_of_rows(
    monkeypatch: pytest.MonkeyPatch, cells: int
) -> None:
    """Scoring each distinct text once gives what scoring every sentence would: a
    sentence's best match in another article is its highest cosine there (ties
    all kept, at least ``CONTEXT_LINK_MIN``, partly outside the background), a
    link joins two sentences that are each other's best, a vote is a best match
    reaching ``SUPPORT_MIN``; however many forms are scored at once."""
    monkeypatch.setattr("align.grouping.similarity.BLOCK_CELLS", cells)
    corpus = build_corpus(reprinted(5))
    forms = corpus.form
    sims, distinct = form_similarity(corpus, np.arange(max(forms) + 1))
    owner = [r[0] for r in corpus.refs]
    best: set[tuple[int, int]] = set()
    for i in range(len(owner)):
        for rows in corpus.rows:
            if owner[rows[0]] == owner[i]:
                continue
            top = max(sims[forms[i], forms[j]] for j in rows)
            best |= {
                (i, j)
                for j in rows
                if sims[forms[i], forms[j]] == top
                and top >= CONTEXT_LINK_MIN
                and distinct[forms[i], forms[j]]
            }
    mutual = {frozenset(p) for p in best if p[::-1] in best}
    votes = {p for p in best if sims[forms[p[0]], forms[p[1]]] >= SUPPORT_MIN}
    ranked, (_, a, b), _ = candidate_links(corpus)
    links = [tuple(p) for p in ranked.strong.tolist()] + [(k.a, k.b) for k in ranked.weak]
    assert len(links) == len(mutual) and {frozenset(p) for p in links} == mutual
    assert set(zip(a.tolist(), b.tolist(), strict=True)) == votes
    assert len(votes) > len(mutual) > 10  # the test sees both kinds


def test_a_figure_relates_as_the_quantity_it_comes_from() -> None:
    """Far-apart checks compare each distinct figure once: offsets and wording do not count."""
    quantities = [
        q for a in build([bundled_seeds()]).articles for s in a.sentences for q in extract(s.text)
    ]
    for a in quantities[:60]:
        for b in quantities[:60]:
            assert far_apart(figure(a), figure(b)) == far_apart(a, b)


# ---------------------------------------------------------------- small inputs


def _gold_articles() -> dict[str, list[Article]]:
    """The seeds and the invented and real gold sets, prepared."""
    import yaml

    from align.pipeline import prepare

    here = Path(__file__).resolve().parent / "gold"
    sets: dict[str, list[Path]] = {"seeds": [bundled_seeds()]}
    for gold in sorted((here / "invented").glob("*.yaml")) + sorted((here / "real").glob("*.yaml")):
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        folder = (gold.parent / data.get("folder", ".")).resolve()
        named = data.get("articles")
        sets[gold.stem] = (
            [folder / n for n in named.values()] if isinstance(named, dict) else [folder]
        )
    return {name: [prepare(s) for s in load_sources(paths)] for name, paths in sets.items()}


def test_small_inputs_group_alike_in_python_and_with_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    """align.grouping.small scores a small input without numpy; forced either way, the seeds,
    every gold set, synthetic articles and reprinted sentences give the same groups."""
    sets = _gold_articles()
    sets["synthetic"] = synthetic_articles(5, 20, 12, 4, seed=11)[0]
    sets["reprinted"] = reprinted(5)
    for name, articles in sets.items():
        found = []
        for limit in (0, 10**12):
            monkeypatch.setattr("align.grouping.small.SMALL_PAIRS", limit)
            found.append(group_sentences(articles))
        assert found[0] == found[1], name


def test_only_small_inputs_are_scored_in_python() -> None:
    from align.grouping.small import SMALL_PAIRS, is_small

    assert is_small([20, 20, 25, 15, 15])  # the seeds' size
    assert not is_small([50] * 10)
    assert is_small([SMALL_PAIRS // 2, 1]) and not is_small([SMALL_PAIRS // 2 + 1, 1])


BRIDGE = [
    [
        [
            "The council approved the Harlow bridge repair plan on Monday, after floods"
            " damaged nearly 300 homes in the valley."
        ],
        ["Work will start in May."],
        ["The mayor welcomed the vote."],
    ],
    [
        ["The council approved the Harlow bridge repair plan on Monday."],
        ["Repairs are due to begin in May."],
        ["The mayor said the vote was good news."],
    ],
    [
        ["Harlow's council approved a plan to repair the bridge on Monday."],
        ["Crews will begin work in May."],
        ["Traffic will be diverted."],
    ],
    [
        ["On Monday the council approved the repair plan for the Harlow bridge."],
        ["The work starts in May."],
        ["Buses will use the ring road."],
    ],
    [
        ["Floods damaged nearly 300 homes in the valley last month, officials said."],
        ["Insurers expect large claims."],
        ["The river has since fallen."],
    ],
]


def outlets_with(groups: Groups, article: int, sentence: int) -> set[int]:
    """The articles of the group holding ``sentence`` of ``article``."""
    home = next(
        g for g in groups if any(m.article == article and sentence in m.sentences for m in g)
    )
    return {m.article for m in home}


def test_a_lead_with_a_second_fact_brings_no_sentence_on_it_into_the_first_facts_passage() -> None:
    """Outlet a's lead gives the vote and, in passing, the floods; outlet e writes only of
    the floods. e's sentence matches a's lead alone among the four leads on the vote, so
    it does not join their passage (before, it did, as e's version of the vote)."""
    for flip, _, groups in grouped_both_ways(BRIDGE):
        lead = 2 if flip else 0  # the first paragraph's sentence, read in either order
        assert 4 not in outlets_with(groups, 1, lead), flip  # the vote's passage
        assert outlets_with(groups, 4, lead) <= {0, 4}, flip  # the floods: a's lead at most


def test_reprints_of_a_lead_with_a_second_fact_are_one_text_for_the_bridge_rule() -> None:
    """Papers b and f reprint outlet a word for word (the wire copy): three copies of
    a's lead, which gives the vote and, in passing, the floods. g writes only of the
    floods. Three copies are one text, so g and the copies are a pair, not a passage
    of four that the vote's leads (c, d, e) could join through the copies alone:
    g is never e's version of the vote (before, each copy counted as a second
    member that g matched, and g sat in the vote's passage)."""
    stories = [BRIDGE[0], BRIDGE[0], *BRIDGE[1:4], BRIDGE[0], BRIDGE[4]]  # b and f copy a
    for flip, _, groups in grouped_both_ways(stories):
        lead = 2 if flip else 0
        assert {0, 1, 5} <= outlets_with(groups, 0, lead), flip  # the copies stay together
        assert outlets_with(groups, 2, lead) >= {2, 3, 4}, flip  # the vote's three leads
        assert 6 not in outlets_with(groups, 2, lead), flip  # and never g's floods
