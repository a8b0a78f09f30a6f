"""Wording and quotation divergences inside one group."""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from helpers_align import make_article, one_per_paragraph

from align import Alignment, build, bundled_seeds
from align.model import Article, Divergence, Member
from align.wording import quotations, reference, wording_divergences


def pair(
    a: str, b: str, score_a: float = 0.9, score_b: float = 0.8, shift: int = 0
) -> tuple[list[Article], list[Member]]:
    """Two one-sentence articles in one group; the first is the reference."""
    arts = [
        make_article("hill", [[a]], label="The Hill"),
        make_article("post", [[b]], label="The Post", shift=shift),
    ]
    return arts, [Member(0, (0,), score_a), Member(1, (0,), score_b)]


def divs(a: str, b: str, **kw: float) -> tuple[Divergence, ...]:
    arts, members = pair(a, b, **kw)
    return wording_divergences(arts, 0, members)


def located(articles: Sequence[Article], d: Divergence) -> str:
    return articles[d.article].source.raw[d.start : d.end]


def test_identical_members_have_no_divergence() -> None:
    s = "Turkey and Russia agreed to a ceasefire in Idlib on Thursday."
    assert divs(s, s) == ()


def test_case_diacritics_hyphens_quotes_are_not_differences() -> None:
    a = "Erdoğan's cease-fire will hold, he said of the “safe zone” near Ma'rat Masrin."
    b = 'ERDOGAN’S ceasefire will hold, he said of the "safe zone" near Maaret Misrin.'
    assert divs(a, b) == ()


def test_reworded_phrase_is_marked_on_the_other_member() -> None:
    a = "Both leaders accepted a military cease-fire in Idlib after a six-hour meeting."
    b = "Both leaders agreed on the ceasefire in Idlib after a six-hour meeting."
    arts, members = pair(a, b)
    found = wording_divergences(arts, 0, members)
    assert [d.kind for d in found] == ["wording"]
    (d,) = found
    assert d.article == 1 and d.sentence == 0
    assert d.text == "agreed"
    assert located(arts, d) == d.text
    assert d.detail == 'worded "agreed" where The Hill has "accepted a military"'


def test_added_words_are_marked_with_their_own_detail() -> None:
    a = "The corridor will run along the M4 highway."
    b = "The corridor will run along the strategic M4 highway."
    (d,) = divs(a, b)
    assert d.text == "strategic"
    assert "not in The Hill's wording" in d.detail


def test_reference_is_the_best_scored_member() -> None:
    members = [Member(0, (0,), 0.4), Member(1, (0,), 0.7), Member(2, (0,), 0.7)]
    assert reference(members).article == 1
    a = "The corridor will run along the M4 highway."
    b = "The corridor will run along the strategic M4 highway."
    found = divs(a, b, score_a=0.5, score_b=0.9)
    assert [(d.article, d.text) for d in found] == []  # the Post is the reference: Hill omits


def test_function_word_and_order_changes_are_ignored() -> None:
    assert (
        divs(
            "Russia and Turkey agreed on a ceasefire.", "Turkey and Russia agreed on the ceasefire."
        )
        == ()
    )


def test_number_differences_are_left_to_the_number_comparison() -> None:
    assert (
        divs("Since February, 59 soldiers were killed.", "Since February, 58 soldiers were killed.")
        == ()
    )


def test_paraphrases_too_different_get_no_word_marks() -> None:
    a = "Putin said he hoped the deal would end civilian suffering in the region."
    b = "The Kremlin released a statement welcoming the agreement late on Thursday."
    assert divs(a, b) == ()


def test_offsets_go_through_the_origin_map() -> None:
    a = "Both leaders accepted a military cease-fire in Idlib."
    b = "Both leaders agreed on a cease-fire in Idlib."
    arts, members = pair(a, b, shift=17)
    (d,) = wording_divergences(arts, 0, members)
    assert d.start >= 17
    assert located(arts, d) == d.text == "agreed"


def test_multi_sentence_member_marks_the_right_sentence() -> None:
    hill = one_per_paragraph(
        "hill", ["The levee at Marrow Creek broke and the governor ordered an evacuation."]
    )
    post = make_article(
        "post",
        [["The levee at Marrow Creek collapsed.", "And the governor ordered an evacuation."]],
        label="The Post",
    )
    members = [Member(0, (0,), 0.9), Member(1, (0, 1), 0.8)]
    found = wording_divergences([hill, post], 0, members)
    assert [(d.sentence, d.text) for d in found] == [(0, "collapsed")]


def test_group_of_one_has_nothing() -> None:
    arts, members = pair("A sentence.", "Another.")
    assert wording_divergences(arts, 0, members[:1]) == ()


# ---------------------------------------------------------------- quotations


def test_reworded_quotation_is_drift_on_both_sides() -> None:
    a = '"Erdoğan is unable to tell the Turks why he is sending his army to Syria," Assad said.'
    b = '"Erdogan cannot tell the Turks why he is sending his army to Syria," said al-Assad.'
    arts, members = pair(a, b)
    found = [d for d in wording_divergences(arts, 0, members) if d.kind == "quote"]
    assert sorted(d.article for d in found) == [0, 1]
    for d in found:
        assert located(arts, d) == d.text
        assert d.text.startswith("Erdo") and d.text.endswith("Syria")
    post = next(d for d in found if d.article == 1)
    assert post.detail == 'quotation reworded: "cannot" vs "is unable to" (The Hill)'


def test_heavily_reworded_quotation_quotes_both_versions() -> None:
    a = '"We will find out who allowed this boat to leave overloaded," the governor said.'
    b = '"Whoever let this overloaded boat leave will be held to account," the governor said.'
    arts, members = pair(a, b)
    post = [d for d in wording_divergences(arts, 0, members) if d.article == 1]
    assert [d.kind for d in post] == ["quote"]
    assert post[0].detail == (
        'quotation reworded: "Whoever let this overloaded boat leave will be held to account"'
        ' vs "We will find out who allowed this boat to leave overloaded" (The Hill)'
    )


def test_identical_quotation_is_not_drift() -> None:
    a = "Erdogan said Turkey would not “remain silent” if attacks continued."
    b = 'Erdogan added that Turkey will not "remain silent," in the face of attacks.'
    assert [d for d in divs(a, b) if d.kind == "quote"] == []


def test_unrelated_quotations_are_not_drift() -> None:
    a = '"We have always solved our problems by working together," Putin said.'
    b = '"The object is to avoid the humanitarian crisis getting worse," Erdogan said.'
    assert [d for d in divs(a, b) if d.kind == "quote"] == []


def test_quotation_styles() -> None:
    sentence = one_per_paragraph(
        "x", ["He said ‘‘we need to talk’’ and ''we will see'' and «nous verrons bien» then."]
    ).sentences[0]
    from align.normalize import EMPTY_VARIANTS

    texts = [q.text for q in quotations(sentence, EMPTY_VARIANTS)]
    assert texts == ["we need to talk", "we will see", "nous verrons bien"]


def test_wording_marks_do_not_overlap_drifting_quotes() -> None:
    a = 'Assad said: "Erdogan is unable to tell the Turks why he sends his army."'
    b = 'Assad said: "Erdogan cannot tell the Turks why he sends his army."'
    found = divs(a, b)
    assert {d.kind for d in found} == {"quote"}


def test_pathological_sentences_are_bounded() -> None:
    huge = " ".join(f"w{i % 500} “q{i % 7}”" for i in range(40_000))
    arts, members = pair(huge, huge[::-1])
    started = time.perf_counter()
    wording_divergences(arts, 0, members)
    assert time.perf_counter() - started < 10


# ---------------------------------------------------------------- seeds


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def seed_divergences(al: Alignment, needle: str) -> tuple[Divergence, ...]:
    for g in al.groups:
        texts = [s.text for _, ss in al.passages(g) for s in ss]
        if any(needle in t for t in texts):
            return wording_divergences(al.articles, g.id, g.members)
    raise AssertionError(needle)


def test_seed_assad_quote_drift(seeds: Alignment) -> None:
    found = seed_divergences(seeds, "is unable to tell the Turks")
    quotes = [d for d in found if d.kind == "quote"]
    assert len(quotes) == 2
    assert any("cannot" in d.detail for d in quotes)


def test_seed_remain_silent_is_not_drift(seeds: Alignment) -> None:
    found = seed_divergences(seeds, "remain silent")
    assert not [d for d in found if d.kind == "quote" and "remain silent" in d.text]


def test_seed_divergences_point_at_their_text(seeds: Alignment) -> None:
    for g in seeds.groups:
        for d in wording_divergences(seeds.articles, g.id, g.members):
            sentence = seeds.articles[d.article].sentences[d.sentence]
            i, j = sentence.local_span(d.start, d.end)
            assert sentence.text[i:j] == d.text
            assert sentence.start <= d.start < d.end <= sentence.end
