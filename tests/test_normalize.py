"""Token normalisation: folding, joining, numbers, stems and spelling variants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from align.normalize import (
    american,
    content_keys,
    fold,
    match_key,
    similarity,
    skeleton,
    stem,
    tokens,
    variant_map,
    variant_map_of_texts,
    variant_map_of_tokens,
    word_parts,
)


def norms(text: str) -> list[str]:
    return [t.norm for t in tokens(text)]


def test_fold_strips_case_and_diacritics() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert fold("Ngarái ÉLAN") == "ngarai elan"


def test_hyphens_apostrophes_and_possessives() -> None:
    assert norms("cease-fire M-4 Ma’rat Ma'rat") == ["ceasefire", "m4", "marat", "marat"]
    assert norms("Syria’s Idlib's") == ["syria", "idlib"]
    assert norms("won't") == ["wont"]


def test_quote_marks_and_dashes_are_not_words() -> None:
    assert norms("“remain silent,” — ‘‘we’’ «non»") == ["remain", "silent", "we", "non"]


def test_numbers_and_number_words() -> None:
    assert norms("3,200 soldiers, 00.01 and 3.7 miles") == [
        "3200",
        "soldiers",
        "00.01",
        "and",
        "3.7",
        "miles",
    ]
    assert norms("thirteen people, a dozen") == ["13", "people", "a", "12"]
    assert norms("Thirty-seven houses, twenty-one, one-third") == ["37", "houses", "21", "onethird"]
    assert tokens("59 killed")[0].is_number
    assert not tokens("M4")[0].is_number


def test_tokens_are_cached_and_identical() -> None:
    assert tokens("Idlib ceasefire holds") is tokens("Idlib ceasefire holds")


def test_offsets_point_at_the_surface() -> None:
    text = "  Erdoğan’s “cease-fire” at 3,200.\x00[b]"
    for t in tokens(text):
        assert text[t.start : t.end] == t.surface


def test_word_parts() -> None:
    (token,) = tokens("Turkish-Russian")
    assert token.norm == "turkishrussian"
    assert word_parts(token) == ("turkish", "russian")
    assert word_parts(tokens("patrols")[0]) == ()


def test_stem_meets_inflections_but_keeps_short_words() -> None:
    assert stem("patrols") == stem("patrol")
    assert stem("killed") == stem("killing") == stem("kills")
    assert stem("agreed") == stem("agree") == stem("agrees")
    assert stem("countries") == stem("country")
    assert stem("syrian") == stem("syria")
    assert stem("bus") == "bus" and stem("news") == "news" and stem("is") == "is"
    assert stem("3200") == "3200"


@pytest.mark.parametrize(
    ("british", "us"),
    [
        ("defence", "defense"),
        ("licences", "licenses"),
        ("colours", "colors"),
        ("honoured", "honored"),
        ("favourite", "favorite"),
        ("honourable", "honorable"),
        ("neighbourhood", "neighborhood"),
        ("behavioural", "behavioral"),
        ("organising", "organizing"),
        ("organisations", "organizations"),
        ("organisers", "organizers"),
        ("recognisable", "recognizable"),
        ("analysed", "analyzed"),
        ("centres", "centers"),
        ("kilometres", "kilometers"),
        ("theatre", "theater"),
        ("calibre", "caliber"),
        ("dialogue", "dialog"),
        ("programme", "program"),
        ("travelled", "traveled"),
        ("travellers", "travelers"),
        ("cancelling", "canceling"),
        ("counsellor", "counselor"),
        ("sceptical", "skeptical"),
        ("judgement", "judgment"),
        ("grey", "gray"),
        ("ageing", "aging"),
        ("fulfil", "fulfill"),
        ("enrolled", "enroled"),
    ],
)
def test_american_spelling_meets_the_british_one(british: str, us: str) -> None:
    assert stem(american(british)) == stem(american(us))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("hatred", "haters"),
        ("filled", "filed"),  # "ll" after a word of one vowel is the word's own
        ("tilled", "tiled"),
        ("hamstring", "hamster"),
        ("danielle", "daniel"),
        ("hence", "hens"),  # too short to be rewritten
        ("analysis", "analyses"),
        ("four", "for"),
        ("prise", "prize"),
        ("scored", "scoured"),
    ],
)
def test_american_spelling_keeps_other_words_apart(one: str, other: str) -> None:
    assert stem(american(one)) != stem(american(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("commences", "commenced"),
        ("sentence", "sentenced"),
        ("uprising", "uprisings"),
        ("recall", "recalled"),
        ("install", "installs"),
    ],
)
def test_american_spelling_keeps_a_word_s_forms_together(one: str, other: str) -> None:
    assert stem(american(one)) == stem(american(other))


def test_american_spelling_leaves_words_without_a_british_ending_alone() -> None:
    for word in ("patrol", "syria", "crisis", "hour", "your", "killed", "called", "rogue"):
        assert american(word) == word


def test_skeleton() -> None:
    assert skeleton("masrin") == skeleton("misrin") == "msrn"
    assert skeleton("marat") == skeleton("maaret")
    assert skeleton("assad") == skeleton("asad")


def test_variants_merge_transliterations_across_documents() -> None:
    docs = [
        "Airstrikes near Ma’rat Masrin. Saraqeb fell. Mohammed spoke.",
        "Strikes outside Maaret Misrin. Saraqib fell. Muhammad spoke.",
    ]
    variants = variant_map(docs)
    assert variants("marat") == variants("maaret")
    assert variants("masrin") == variants("misrin")
    assert variants("saraqeb") == variants("saraqib")
    assert variants("mohammed") == variants("muhammad")
    assert match_key(tokens("Misrin")[0], variants) == match_key(tokens("Masrin")[0], variants)


def test_variants_leave_different_words_alone() -> None:
    docs = [
        "The petrol price rose. Austria voted. Mr Patel said Lagos.",
        "The patrol left. Australia voted. Mr Putin said Lagos.",
    ]
    variants = variant_map(docs)
    for a, b in [("petrol", "patrol"), ("austria", "australia"), ("patel", "putin")]:
        assert variants(a) != variants(b), (a, b)


def test_variants_not_merged_when_one_document_uses_both() -> None:
    """An outlet writing both spellings means two names (Marin and Maren here)."""
    docs = ["Marin met Maren in Lyon.", "Marin was there."]
    variants = variant_map(docs)
    assert variants("marin") != variants("maren")


def test_variants_need_capitalised_words_of_five_letters() -> None:
    docs = ["the masrin rules and Asad", "the misrin rules and Assad"]
    variants = variant_map(docs)
    assert variants("masrin") != variants("misrin")  # never capitalised
    assert variants("asad") != variants("assad")  # too short


def test_no_chaining_through_a_middle_spelling() -> None:
    """Karaman~Karamana and Karamana~Karemena, but Karaman is unlike Karemena."""
    docs = ["Karaman is far. Karaman again.", "Karamana is far.", "Karemena is far."]
    variants = variant_map(docs)
    assert variants("karamana") == "karaman"
    assert variants("karemena") == "karemena"


def test_variants_of_texts_repeated_across_documents() -> None:
    """Sentences given as texts, reprinted by several outlets: a reprint counts for
    each outlet that prints it, and an outlet printing both spellings keeps them apart."""
    wire = "Troops left Maaret Misrin on Friday."
    docs = [
        [wire, "Officials in Maaret spoke."],
        [wire],
        ["Residents fled Marat Masrin."],
        ["Masrin and Misrin are two villages."],
    ]
    variants = variant_map_of_texts(docs)
    assert variants("marat") == variants("maaret") == "maaret"  # 3 prints against 1
    assert variants("masrin") != variants("misrin")  # written side by side in one document
    assert variants.names == {"troops", "friday", "maaret", "misrin", "masrin"}  # 2+ documents


@given(
    st.lists(
        st.lists(st.sampled_from(["Marat Masrin.", "Maaret Misrin", "marat ok", "Assad 12"])),
        max_size=5,
    )
)
def test_variants_of_texts_equal_those_of_their_tokens(docs: list[list[str]]) -> None:
    """Each distinct text is read once; the map is the one all the tokens give."""
    by_tokens = variant_map_of_tokens([[t for text in doc for t in tokens(text)] for doc in docs])
    by_texts = variant_map_of_texts(docs)
    assert by_texts.canonical == by_tokens.canonical
    assert by_texts.names == by_tokens.names


def test_content_keys_drop_stopwords() -> None:
    assert content_keys("The two countries agreed on the patrols") == [
        "2",
        "country",
        "agre",
        "patrol",
    ]


@given(st.text(max_size=300))
def test_tokens_never_crash_and_offsets_hold(text: str) -> None:
    for t in tokens(text):
        assert text[t.start : t.end] == t.surface
        assert t.norm == t.norm.casefold() or t.norm.isdigit()
    variant_map([text, text[::-1]])


def test_word_parts_split_at_every_hyphen_character() -> None:
    for hyphen in "-‐‑":
        (token,) = tokens(f"six{hyphen}hour")
        assert word_parts(token) == ("6", "hour")
    assert word_parts(tokens("cease—fire")[0]) == ()  # a dash is not a hyphen


def test_similarity_is_the_indel_ratio_of_names() -> None:
    assert similarity("masrin", "misrin") == pytest.approx(100 * 10 / 12)
    assert similarity("", "") == 100.0
    assert similarity("abc", "") == 0.0
    assert similarity("marat", "maaret") >= 70


def test_fold_strips_diacritics_and_case() -> None:
    assert fold("Erdoğan") == "erdogan"
    assert fold("MARAT") == "marat"
    assert fold("Ṣanʿāʾ Straße") == "sanʿaʾ strasse"
