"""Grouping: statements attributed to different people are different statements.

Pinned through ``align.grouping``'s public functions (``speakers_of``,
``group_sentences``; the names from ``normalize.variant_map_of_tokens``) on
text written here and on the seeds.
"""

from __future__ import annotations

import time

import pytest
from helpers_align import make_article

from align import build, bundled_seeds
from align.grouping import group_sentences
from align.grouping.speakers import (
    attribution,
    office_holders,
    office_speakers,
    other_speakers,
    speakers_of,
)
from align.normalize import tokens, variant_map_of_tokens

NAMES = frozenset({"ortiz", "blake", "markovic", "alassad"})


def test_reported_speech_and_quotations_name_their_speaker() -> None:
    assert speakers_of("Mayor Ortiz said on Monday that the bridge will reopen.", NAMES) == {
        "ortiz"
    }
    assert speakers_of('"We will rebuild," Blake said.', NAMES) == {"blake"}
    assert speakers_of("“The wind is our enemy,” said Fire Chief Lena Marković.", NAMES) == {
        "markovic"
    }
    assert speakers_of('"The wind will not stop," fire chief Lena Markovic said.', NAMES) == {
        "markovic"
    }


def test_a_fact_with_its_source_and_unnamed_speakers_name_no_one() -> None:
    assert speakers_of("Seven cars derailed, said Cpl. Justin Dunn, of the patrol.", NAMES) == set()
    assert speakers_of("Survivors said that the ferry began to list.", NAMES) == set()
    assert speakers_of("Ortiz has said the city would not give up.", NAMES) == set()  # no "that"


def test_names_are_never_lower_case_and_in_two_articles() -> None:
    docs = [
        [*tokens("Ortiz said the survivors were safe."), *tokens("Blake spoke.")],
        [*tokens("Survivors thanked Ortiz."), *tokens("The survivors left.")],
    ]
    names = variant_map_of_tokens(docs).names
    assert "ortiz" in names
    assert "survivors" not in names  # written in lower case
    assert "blake" not in names  # one article only


def test_other_speakers() -> None:
    assert other_speakers(frozenset({"ortiz"}), frozenset({"blake"}))
    assert not other_speakers(frozenset({"alassad"}), frozenset({"assad"}))
    assert not other_speakers(frozenset(), frozenset({"blake"}))


def test_two_speakers_with_the_same_words_stay_apart() -> None:
    said = "said on Monday that the flood relief fund for the valley towns must double"
    a = make_article(
        "a",
        [[f"Mayor Ortiz {said}.", "Rain fell again on Sunday."]],
    )
    b = make_article(
        "b",
        [[f"Governor Blake {said}.", "Rain kept falling on Sunday."]],
    )
    c = make_article(
        "c",
        [["Blake met Ortiz on Monday.", f"Ortiz {said}."]],
    )
    groups = group_sentences([a, b, c])
    joined = {
        frozenset((m.article, s) for m in g for s in m.sentences) for g in groups if len(g) > 1
    }
    assert not any({(0, 0), (1, 0)} <= g for g in joined)  # Ortiz's and Blake's words
    assert any({(0, 0), (2, 1)} <= g for g in joined)  # Ortiz's, twice


def test_seed_statements_of_erdogan_and_putin_are_apart() -> None:
    alignment = build([bundled_seeds()])
    ids = {a.id: i for i, a in enumerate(alignment.articles)}
    erdogan = alignment.group_of(ids["upi"], 10)  # "Erdogan told reporters ... that"
    putin = alignment.group_of(ids["hill"], 8)  # "Putin said Thursday that ..."
    assert erdogan != putin
    assert alignment.group_of(ids["aljazeera"], 5) == putin
    assert alignment.group_of(ids["moscowtimes"], 5) == putin


def test_a_possessive_is_no_quotation() -> None:
    assert speakers_of("Turkey’s ally Ortiz said the talks went well.", NAMES) == set()
    assert speakers_of("“We will stay,” Blake said.", NAMES) == {"blake"}


def timed_attribution(text: str) -> float:
    started = time.perf_counter()
    attribution(text)
    return time.perf_counter() - started


@pytest.mark.parametrize(
    "chunk",
    [
        "A " * 50 + "said ",
        "Jane said " + "x " * 30 + "that ",
        "Officials, " + "word " * 40 + "said ",
    ],
    ids=["capitals", "reported-speech", "commas"],
)
def test_attribution_grows_linearly_in_a_sentence_of_junk(chunk: str) -> None:
    """A "sentence" without an end, a verb of saying every few hundred characters:
    each verb reads a bounded window, not all the text before and after it (before,
    a megabyte took 50 to 100 s, growing with the square of the size)."""
    small = timed_attribution(chunk * (50_000 // len(chunk)))
    big = timed_attribution(chunk * (500_000 // len(chunk)))
    assert big < 30 * max(small, 0.05)  # 10x the text: linear costs ~10x, quadratic ~100x


@pytest.mark.parametrize(
    ("sentence", "office"),
    [
        ('"We will answer," the Norwegian premier said.', [("norwegian", "premier")]),
        ('"We will answer," said the Norwegian premier.', [("norwegian", "premier")]),
        (
            '"It was hard," Iceland\'s foreign minister told reporters.',
            [("iceland", "foreign minister")],
        ),
        ('"It was hard," said Iceland\'s foreign minister.', [("iceland", "foreign minister")]),
        ('"We will answer," the Norwegian Premier said.', [("norwegian", "premier")]),
        ("The Norwegian premier said the talks were hard.", []),  # no quotation
        ('"It was hard," Olsen told reporters.', []),  # a name, read by named_speakers
    ],
)
def test_a_quotation_s_speaker_named_by_office(
    sentence: str, office: list[tuple[str, str]]
) -> None:
    assert office_speakers(sentence) == office


def test_the_holders_of_offices_as_the_texts_name_them() -> None:
    texts = [
        "The talks were in Oslo, the prime minister said.",
        "Norwegian Premier Ida Olsen met Icelandic Premier Jon Berg.",
        "Iceland's Foreign Minister Sara Lind joined them.",
        "Former Danish Premier Per Dahl, Danish Premier Eva Holm's predecessor, stayed away.",
        "Swedish Premier Nils Ek left; Swedish Premier Says Talks Must Go On.",
        "Kestrel President Omar al-Haddad spoke (former Harlow President Jan Berg said so).",
        "Harlow President Eva Lind took office.",
    ]
    texts.append("Norwegian Premier Ida Ölsen's visit ended.")  # one name, spelt two ways
    assert office_holders(texts) == {
        ("norwegian", "premier"): "olsen",
        ("icelandic", "premier"): "berg",
        ("iceland", "foreign minister"): "lind",
        ("danish", "premier"): "holm",  # a former holder holds it no more
        ("kestrel", "president"): "alhaddad",  # a name with a particle
        ("harlow", "president"): "lind",
    }  # two holders of one office (a headline's words among them) name no one


def test_a_long_hyphenated_token_is_read_in_time() -> None:
    started = time.perf_counter()
    office_holders(["x-" * 16_000, "Norwegian Premier Ida Olsen"])
    assert time.perf_counter() - started < 1
