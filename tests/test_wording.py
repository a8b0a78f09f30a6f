"""Wording and quotation divergences inside one group.

Every sentence here is invented for the test (a flood, a levee, a trade
summit ...), so the rules are checked on text the seeds never show.
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import pytest
from helpers_align import make_article, one_per_paragraph
from hypothesis import given, settings
from hypothesis import strategies as st

from align import Alignment, build, bundled_seeds
from align.model import Article, Divergence, Member, Sentence
from align.normalize import EMPTY_VARIANTS, Token
from align.wording import (
    MAX_RUNS,
    Keyed,
    Quote,
    Word,
    content_before,
    diff,
    passage_words,
    quotations,
    shared_parts,
    wording_divergences,
)

LABELS = ["The Hill", "The Post", "The Times", "The Sun"]


def group(*texts: str, shift: int = 0) -> tuple[list[Article], list[Member]]:
    """One-sentence articles, all in one group, labelled from ``LABELS``."""
    arts = [
        make_article(f"a{k}", [[t]], label=LABELS[k], prefix="#" * shift if k else "")
        for k, t in enumerate(texts)
    ]
    return arts, [Member(k, (0,), 0.8) for k in range(len(texts))]


def divs(*texts: str) -> tuple[Divergence, ...]:
    arts, members = group(*texts)
    return wording_divergences(arts, 0, members)


def wording(*texts: str) -> list[tuple[int, str, str]]:
    """(article, marked text, detail) of the wording marks."""
    return [(d.article, d.text, d.detail) for d in divs(*texts) if d.kind == "wording"]


def quotes(*texts: str) -> list[Divergence]:
    return [d for d in divs(*texts) if d.kind == "quote"]


def located(articles: Sequence[Article], d: Divergence) -> str:
    """The raw text a divergence's local span comes from."""
    start, end = articles[d.article].sentences[d.sentence].raw_span(d.start, d.end)
    return articles[d.article].source.raw[start:end]


# ---------------------------------------------------------------- not differences


def test_identical_members_have_no_divergence() -> None:
    s = "The harbour authority closed the northern pier to ferries on Tuesday."
    assert divs(s, s) == ()


def test_case_diacritics_hyphens_quotes_are_not_differences() -> None:
    a = "Müller's stop-gap plan will hold, he said of the “safe zone” near Ma'arat Qasr."
    b = 'MULLER’S stopgap plan will hold, he said of the "safe zone" near Maarat Qasr.'
    assert divs(a, b) == ()


def test_british_and_american_spellings_are_not_rewording() -> None:
    a = "The defence ministry said the convoy travelled to the town centre to organise aid."
    b = "The defense ministry said the convoy traveled to the town center to organize aid."
    assert divs(a, b) == ()
    c = "The security ministry said the convoy traveled to the town center to organize aid."
    assert (0, "defence", 'reworded: "defence" where The Post has "security"') in wording(a, c)


def test_a_word_the_spelling_rules_must_not_fold_is_still_a_rewording() -> None:
    a = "“Hatred will not win in this valley,” the mayor said on Friday."
    b = "“Haters will not win in this valley,” the mayor said on Friday."
    assert [d.kind for d in divs(a, b)] == ["quote", "quote"]


def test_function_word_changes_are_not_marked() -> None:
    a = "Canada, Mexico agree to lower steel tariffs at the Ottawa summit."
    b = "Canada and Mexico agree on lowering the steel tariffs at an Ottawa summit."
    assert divs(a, b) == ()


def test_reordered_names_are_not_marked() -> None:
    a = "Canada and Mexico agreed to lower steel tariffs at the Ottawa summit."
    b = "Mexico and Canada agreed to lower steel tariffs at the Ottawa summit."
    assert divs(a, b) == ()


def test_number_differences_are_left_to_the_number_comparison() -> None:
    a = "Since Monday, 59 residents were evacuated from the valley by boat."
    b = "Since Monday, fifty-eight residents were evacuated from the valley by boat."
    assert divs(a, b) == ()


def test_words_qualified_by_a_number_are_not_marked() -> None:
    a = "The ministers signed the pact after a four-hour session in Ottawa."
    b = "The ministers signed the pact after a session in Ottawa of four hours."
    assert wording(a, b) == []


def test_frame_words_are_not_marked() -> None:
    a = "Hundreds of residents fled their homes in the town of Selby on Sunday night."
    b = "Hundreds of residents fled their homes in Selby on Sunday."
    assert divs(a, b) == ()
    c = "The mayor told reporters the levee would be rebuilt."
    d = "The mayor said the levee would be rebuilt."
    assert divs(c, d) == ()


# ---------------------------------------------------------------- close paraphrases


def test_swapped_word_in_parallel_sentences_is_marked_on_both_sides() -> None:
    a = "Both ministers accepted a binding tariff cut in Ottawa after a long session."
    b = "Both ministers announced a binding tariff cut in Ottawa after a long session."
    assert wording(a, b) == [
        (0, "accepted", 'reworded: "accepted" where The Post has "announced"'),
        (1, "announced", 'reworded: "announced" where The Hill has "accepted"'),
    ]


def test_content_words_added_in_parallel_wording_are_marked() -> None:
    a = "The governor accused the contractor of hiring thieves for the levee repairs."
    b = (
        "The governor accused the contractor of hiring unlicensed foreign crews "
        "for the levee repairs."
    )
    assert wording(a, b) == [
        (0, "thieves", 'reworded: "thieves" where The Post has "unlicensed foreign crews"'),
        (
            1,
            "unlicensed foreign crews",
            'reworded: "unlicensed foreign crews" where The Hill has "thieves"',
        ),
    ]


def test_an_added_word_is_marked_on_the_longer_side_only() -> None:
    a = "The relief convoy will travel along the coastal A9 road to Port Selby."
    b = "The relief convoy will travel along the narrow coastal A9 road to Port Selby."
    assert wording(a, b) == [(1, "narrow", 'added: "narrow" (not in The Hill\'s version)')]


def test_a_dropped_negation_is_a_difference() -> None:
    a = "The mayor said the town would not rebuild the flooded school this year."
    b = "The mayor said the town would rebuild the flooded school this year."
    assert wording(a, b) == [(0, "not", 'added: "not" (not in The Post\'s version)')]


def test_up_to_max_runs_swaps_are_marked() -> None:
    a = (
        "Engineers from the county repaired the eastern levee, reopened the river road, "
        "inspected two bridges and cleared the drainage canal near Alder Farm."
    )
    b = (
        "Engineers from the county patched the eastern levee, reopened the valley road, "
        "checked two bridges and cleared the drainage canal near Alder Farm."
    )
    assert MAX_RUNS == 3
    assert [(art, text) for art, text, _ in wording(a, b) if art == 0] == [
        (0, "repaired"),
        (0, "river"),
        (0, "inspected"),
    ]


def test_more_changed_runs_than_max_runs_is_not_a_close_paraphrase() -> None:
    a = (
        "Engineers from the county repaired the eastern levee, reopened the river road, "
        "inspected two bridges and cleared the drainage canal near Alder Farm."
    )
    b = (
        "Engineers from the county patched the eastern levee, reopened the valley road, "
        "checked two bridges and dredged the drainage canal near Alder Farm."
    )
    assert wording(a, b) == []


def test_a_run_next_to_numbers_only_is_not_anchored() -> None:
    a = "Rescuers 12 boats pulled from the flooded Selby harbour on Monday morning after the storm."
    b = "Divers 12 boats lifted from the flooded Selby harbour on Monday morning after the storm."
    assert [(art, text) for art, text, _ in wording(a, b)] == [(0, "pulled"), (1, "lifted")]


def test_a_number_compound_keeps_the_word_it_qualifies() -> None:
    a = "The ministers ended a six-hour session in Ottawa with a joint statement."
    b = "The ministers ended a six-hour summit in Ottawa with a joint statement."
    assert [text for _, text, _ in wording(a, b)] == ["session", "summit"]


# ---------------------------------------------------------------- not parallel


def test_loose_paraphrases_are_not_word_diffed() -> None:
    a = "The regional council approved the new flood barrier for the river on Monday."
    b = "On Monday, after a long debate, councillors voted through a flood wall plan."
    assert divs(a, b) == ()


def test_same_facts_in_another_structure_are_not_word_diffed() -> None:
    a = "Canada and Mexico have agreed to a tariff cut on steel to start on Friday."
    b = "Canada and Mexico agreed on Friday to a tariff cut on Mexican steel from January."
    assert divs(a, b) == ()


def test_a_sentence_matching_one_clause_of_a_long_one_is_not_word_diffed() -> None:
    a = "The levee at Marrow Creek broke on Sunday night."
    b = (
        "The levee at Marrow Creek gave way on Sunday night, flooding three villages, "
        "cutting the railway to Selby and forcing the county to open emergency shelters."
    )
    assert divs(a, b) == ()


def test_a_word_moved_across_the_sentence_means_another_structure() -> None:
    arts, members = group(
        "Canada and Mexico agreed to a tariff cut on steel that starts on Friday.",
        "Canada and Mexico agreed on Friday to a tariff cut on steel that starts soon.",
    )
    mine, theirs = (passage_words(arts, m, EMPTY_VARIANTS) for m in members)
    d = diff(mine, theirs)
    assert min(d.mine, d.theirs) >= 0.6 and len(d.runs) <= MAX_RUNS
    assert d.jump == 4 and not d.close  # Friday jumps tariff, cut, steel, starts


def test_neighbouring_names_swapped_is_a_short_jump() -> None:
    arts, members = group(
        "Canada and Mexico agreed to a tariff cut on steel.",
        "Mexico and Canada agreed to a tariff cut on steel.",
    )
    mine, theirs = (passage_words(arts, m, EMPTY_VARIANTS) for m in members)
    assert diff(mine, theirs).jump == 1


def test_parallelism_is_required_of_both_sides() -> None:
    short = "Ministers signed the steel pact in Ottawa."
    long = "Ministers signed the steel pact in Ottawa, ending a dispute over quotas and subsidies."
    arts, members = group(short, long)
    mine, theirs = (passage_words(arts, m, EMPTY_VARIANTS) for m in members)
    d = diff(mine, theirs)
    assert d.mine == 1.0 and d.theirs == pytest.approx(5 / 9)
    assert not d.close and not d.flipped().close
    assert divs(short, long) == ()


# ---------------------------------------------------------------- closest partner


def test_each_member_is_compared_with_its_closest_wording() -> None:
    a = "Both ministers accepted a binding tariff cut in Ottawa after a long session."
    b = "Both ministers announced a binding tariff cut in Ottawa after a long session."
    c = "After a long session in Ottawa, the two governments settled on lower tariffs."
    found = wording(a, b, c)
    assert [(art, text) for art, text, _ in found] == [(0, "accepted"), (1, "announced")]
    assert "The Post" in found[0][2] and "The Hill" in found[1][2]


def test_a_member_with_an_identical_twin_is_not_marked() -> None:
    a = "Both ministers accepted a binding tariff cut in Ottawa after a long session."
    c = "Both ministers announced a binding tariff cut in Ottawa after a long session."
    found = wording(a, a, c)
    assert [(art, text) for art, text, _ in found] == [(2, "announced")]
    assert "The Hill" in found[0][2]


# ---------------------------------------------------------------- placement


def test_offsets_go_through_the_origin_map() -> None:
    a = "Both ministers accepted a binding tariff cut in Ottawa."
    b = "Both ministers announced a binding tariff cut in Ottawa."
    arts, members = group(a, b, shift=17)
    found = wording_divergences(arts, 0, members)
    post = [d for d in found if d.article == 1]
    assert len(post) == 1
    start, _ = arts[1].sentences[post[0].sentence].raw_span(post[0].start, post[0].end)
    assert start >= 17
    assert located(arts, post[0]) == post[0].text == "announced"


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
    assert [(d.article, d.sentence, d.text) for d in found] == [
        (0, 0, "broke"),
        (1, 0, "collapsed"),
    ]


def test_details_stay_on_one_line() -> None:
    a = "Both ministers quickly\naccepted a binding tariff cut in Ottawa after a long session."
    b = "Both ministers formally announced a binding tariff cut in Ottawa after a long session."
    c = '"We will\nsoon rebuild the harbour wall by spring," the mayor said.'
    e = '"We shall rebuild the harbour wall by spring," the mayor said.'
    found = [*divs(a, b), *divs(c, e)]
    assert {d.kind for d in found} == {"wording", "quote"}
    assert "\n" in found[0].text
    assert [d.detail for d in found if d.article == 1] == [
        'reworded: "formally announced" where The Hill has "quickly accepted"',
        'quotation reworded: "shall" vs "will soon" (The Hill)',
    ]


def test_group_of_one_has_nothing() -> None:
    arts, members = group("A sentence.", "Another.")
    assert wording_divergences(arts, 0, members[:1]) == ()


# ---------------------------------------------------------------- quotations


def test_reworded_quotation_is_drift_on_both_sides() -> None:
    a = "“Müller is unable to tell the voters why he is closing the harbour,” Vance said."
    b = '"Muller cannot tell the voters why he is closing the harbour," said Vance.'
    arts, members = group(a, b)
    found = [d for d in wording_divergences(arts, 0, members) if d.kind == "quote"]
    assert sorted(d.article for d in found) == [0, 1]
    for d in found:
        assert located(arts, d) == d.text
        assert d.text.startswith("M") and d.text.endswith("harbour")
    post = next(d for d in found if d.article == 1)
    assert post.detail == 'quotation reworded: "cannot" vs "is unable to" (The Hill)'


def test_identical_quotation_in_other_quote_marks_and_spelling_is_not_drift() -> None:
    a = "“Müller will not stay silent,” the mayor warned on Friday."
    b = 'The mayor warned on Friday: "MULLER will not stay silent."'
    assert quotes(a, b) == []


def test_identical_quotation_with_a_transliterated_name_is_not_drift() -> None:
    a = "“Shelling hit Kafr Masrin again tonight,” the medic said."
    b = '"Shelling hit Kafr Misrin again tonight," the medic said.'
    assert divs(a, b) == ()


def test_quoting_less_of_a_quotation_is_not_drift() -> None:
    a = 'The mayor said the town would "never again build on the flood plain of the Alder."'
    b = 'The mayor vowed to "never again build on the flood plain."'
    assert quotes(a, b) == []


def test_reworded_part_of_a_longer_quotation_marks_the_shared_part() -> None:
    a = (
        '"We will never again build on the flood plain of the Alder, whatever it costs '
        'the town," she said.'
    )
    b = 'She promised to "never again put houses on the flood plain of the Alder."'
    arts, members = group(a, b)
    found = {d.article: d for d in wording_divergences(arts, 0, members) if d.kind == "quote"}
    assert found[0].text == "never again build on the flood plain of the Alder"
    assert found[1].text == "never again put houses on the flood plain of the Alder"
    assert found[1].detail == 'quotation reworded: "put houses" vs "build" (The Hill)'
    assert located(arts, found[0]) == found[0].text


def test_a_multi_sentence_quotation_is_compared_sentence_by_sentence() -> None:
    a = '"We sent extra crews to the coast. Our priority is the harbour. The pier reopens at noon."'
    b = '"The pier will reopen from midday," the harbour master told reporters.'
    found = {d.article: d for d in quotes(a, b)}
    assert found[0].text == "The pier reopens at noon"
    assert found[1].text == "The pier will reopen from midday"


def test_heavily_reworded_quotation_quotes_both_versions() -> None:
    a = '"We will find out who allowed this boat to leave overloaded," the governor said.'
    b = '"Whoever let this overloaded boat leave will be held to account," the governor said.'
    post = [d for d in divs(a, b) if d.article == 1]
    assert [d.kind for d in post] == ["quote"]
    assert post[0].detail == (
        'quotation reworded: "Whoever let this overloaded boat leave will be held to account"'
        ' vs "We will find out who allowed this boat to leave overloaded" (The Hill)'
    )


def test_unrelated_quotations_are_not_drift() -> None:
    a = '"We have always solved our problems by working together," the premier said.'
    b = '"The object is to keep the harbour crisis from getting worse," the mayor said.'
    assert quotes(a, b) == []


def test_two_remarks_on_one_topic_are_not_one_quotation() -> None:
    a = '"The harbour will stay closed until the storm passes," the mayor said.'
    b = '"We need a new harbour wall before the next storm," the engineer said.'
    assert quotes(a, b) == []


def test_two_remarks_sharing_a_phrase_are_not_one_quotation() -> None:
    # The part around "working together" overlaps well, but two words are what
    # two remarks on one topic share; the whole quotations share little else.
    a = '"We will work together to bring the harvest in before the rain," he said.'
    b = '"We have always solved our problems by working together," the premier said.'
    assert quotes(a, b) == []
    # Most of a short quotation's words, or three, still make one quotation.
    e = '"The dam burst at night," the mayor said.'
    f = '"The dam gave way at night while everyone slept in the city below," the mayor said.'
    assert {q.article for q in quotes(e, f)} == {0, 1}
    c = '"We will find out who allowed this boat to leave overloaded," the governor said.'
    d = '"Whoever let this overloaded boat leave will be held to account," the governor said.'
    assert {q.article for q in quotes(c, d)} == {0, 1}


def test_quotations_naming_different_parties_are_two_statements() -> None:
    """Two sides' parallel statements: "Norway reserves the right ..." and "Iceland
    reserves the right ...". Each names a party the other does not, so they are not
    one quotation reworded; a name in two forms ("Norwegian", "Norway") still is one."""
    a = '"Norway reserves the right to answer any breach of the accord," Olsen told Iceland.'
    b = '"Iceland reserves the right to answer any breach of the accord," a source told Norway.'
    assert quotes(a, b) == []
    c = '"The Norwegian fleet will answer any breach," Olsen told Iceland and Norway.'
    d = '"Norway\'s fleet will answer every breach," the Norwegian Olsen told Iceland.'
    assert {q.article for q in quotes(c, d)} == {0, 1}
    # a day or a month is no party: a quotation's day changed is a rewording
    e = '"We will end the search on Sunday and lift the wreck," Olsen said on Monday.'
    f = '"We will end the search on Monday and lift the wreck," Olsen said on Sunday.'
    assert {q.article for q in quotes(e, f)} == {0, 1}


def test_quotations_of_two_named_speakers_are_two_statements() -> None:
    """A premier's and a spokesman's hopes worded alike are two statements; the same
    speaker's two wordings are one quotation reworded."""
    a = '"We hope these accords will serve as a solid basis for ending the fighting," Olsen said.'
    b = (
        '"We hope these accords will be a good basis for ending the fighting," '
        "spokesman Per Berg told reporters."
    )
    assert quotes(a, b) == []
    c = '"We hope these accords will be a good basis for ending the fighting," Olsen said.'
    assert {q.article for q in quotes(a, c)} == {0, 1}


def test_quotations_of_two_office_holders_are_two_statements() -> None:
    """'"...," the Norwegian premier said' is Olsen's where an article of the input
    writes "Norwegian Premier Ida Olsen" (hers or another's); "Icelandic Premier Jon
    Berg" said the other. The same office holder's two wordings are one quotation."""
    said = {
        "olsen": '"We have not always agreed with Iceland, but we found common ground," '
        "the Norwegian premier said.",
        "berg": '"We do not always agree with Norway, but we found common ground," '
        "the Icelandic premier said.",
    }
    intro = "Norwegian Premier Ida Olsen met Icelandic Premier Jon Berg in Oslo."
    arts = [
        make_article("a0", [[intro], [said["olsen"]]], label="The Hill"),
        make_article("a1", [["The two met in Oslo."], [said["berg"]]], label="The Post"),
    ]
    members = [Member(0, (1,), 0.8), Member(1, (1,), 0.8)]
    assert [d for d in wording_divergences(arts, 0, members) if d.kind == "quote"] == []
    capital = {k: v.replace("premier said", "Premier said") for k, v in said.items()}
    arts = [
        make_article("a0", [[intro], [capital["olsen"]]], label="The Hill"),
        make_article("a1", [["The two met in Oslo."], [capital["berg"]]], label="The Post"),
    ]
    assert [d for d in wording_divergences(arts, 0, members) if d.kind == "quote"] == []
    again = said["olsen"].replace("have not always agreed", "did not always agree")
    arts[1] = make_article("a1", [["The two met in Oslo."], [again]], label="The Post")
    found = [d for d in wording_divergences(arts, 0, members) if d.kind == "quote"]
    assert {d.article for d in found} == {0, 1}


def test_quotation_styles() -> None:
    sentence = one_per_paragraph(
        "x", ["He said ‘‘we need to talk’’ and ''we will see'' and «nous verrons bien» then."]
    ).sentences[0]
    texts = [q.text for q in quotations(sentence, EMPTY_VARIANTS)]
    assert texts == ["we need to talk", "we will see", "nous verrons bien"]


def test_quotation_sentences_do_not_split_after_initials_or_titles() -> None:
    sentence = one_per_paragraph(
        "x", ['"The U.S. Army and Mr. Vance sent crews. The pier reopens at noon."']
    ).sentences[0]
    texts = [q.text for q in quotations(sentence, EMPTY_VARIANTS)]
    assert texts == ["The U.S. Army and Mr. Vance sent crews", "The pier reopens at noon"]


def test_shared_parts_widen_a_reworded_ending_on_both_sides() -> None:
    s = one_per_paragraph(
        "x", ['"At noon the pier will be put in place" and "at noon the pier will be rebuilt"']
    ).sentences[0]
    qa, qb = quotations(s, EMPTY_VARIANTS)
    pa, pb = shared_parts(qa, qb)
    assert (pa.text, pb.text) == (qa.text, qb.text)


def test_wording_marks_do_not_overlap_drifting_quotes() -> None:
    a = 'Vance said: "Muller is unable to tell the voters why he closes the harbour."'
    b = 'Vance said: "Muller cannot tell the voters why he closes the harbour."'
    assert {d.kind for d in divs(a, b)} == {"quote"}


# ---------------------------------------------------------------- bounds and properties


def test_pathological_sentences_are_bounded() -> None:
    huge = " ".join(f"w{i % 500} “q{i % 7}”" for i in range(40_000))
    arts, members = group(huge, huge[::-1], huge[1:])
    started = time.perf_counter()
    wording_divergences(arts, 0, members)
    assert time.perf_counter() - started < 10


def test_office_holders_are_read_once_for_all_quotations() -> None:
    # each quotation by office looked its holder up in the whole input (two articles of
    # 3,000 such quotations took 82 s); the input's holders are now read once
    def seconds(n: int) -> float:
        texts = [
            f'"We agree on point {i} of the plan," the Norwegian premier said.' for i in range(n)
        ]
        arts = [make_article(f"a{k}", [[t] for t in texts]) for k in range(2)]
        members = [Member(k, (i,), 0.8) for k in range(2) for i in range(0, n, 50)]
        started = time.perf_counter()
        wording_divergences(arts, 0, members)
        return time.perf_counter() - started

    assert seconds(4000) < 8 * max(seconds(1000), 0.01)


VOCAB = "levee pier harbour mayor closed opened storm Alder Selby not the a of and 12".split()  # noqa: SIM905
words = st.lists(st.sampled_from(VOCAB), min_size=1, max_size=14)
sentences = words.map(lambda ws: " ".join(ws).capitalize() + ".")


@st.composite
def variants(draw: st.DrawFn) -> list[str]:
    """Two to four members worded from one base: a word swapped, added or
    dropped, and sometimes a stretch in quotation marks, so marks do occur."""
    base = draw(st.lists(st.sampled_from(VOCAB), min_size=3, max_size=14))
    out = []
    for _ in range(draw(st.integers(2, 4))):
        ws = list(base)
        for _ in range(draw(st.integers(0, 2))):
            i = draw(st.integers(0, len(ws) - 1))
            op = draw(st.sampled_from(["swap", "add", "drop"]))
            if op == "drop" and len(ws) > 1:
                del ws[i]
            else:
                ws[i : i + (op == "swap")] = [draw(st.sampled_from(VOCAB))]
        if draw(st.booleans()):
            ws = ["“", *ws[:-1], "”", ws[-1]]
        out.append(" ".join(ws).capitalize() + ".")
    return out


@settings(max_examples=200, deadline=None)
@given(texts=variants())
def test_marks_point_at_their_text_and_are_deterministic(texts: list[str]) -> None:
    arts, members = group(*texts)
    found = wording_divergences(arts, 0, members)
    assert found == wording_divergences(arts, 0, members)
    order = sorted(found, key=lambda d: (d.article, d.sentence, d.start, d.kind, d.end))
    assert list(found) == order
    for d in found:
        assert located(arts, d) == d.text and d.text
        assert arts[d.article].sentences[d.sentence].text[d.start : d.end] == d.text
        assert "\n" not in d.detail
        other = d.detail.rsplit("(", 1)[-1] if d.kind == "quote" else d.detail
        assert any(label in other for label in LABELS if label != arts[d.article].label)
    marks = [(d.article, d.sentence, d.start, d.end) for d in found]
    assert len(marks) == len(set(marks))  # one mark per place


@settings(max_examples=100, deadline=None)
@given(text=sentences)
def test_identical_members_are_never_marked(text: str) -> None:
    assert divs(text, text, text) == ()


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
            assert sentence.text[d.start : d.end] == d.text
            start, end = sentence.raw_span(d.start, d.end)
            assert sentence.start <= start < end <= sentence.end


# ---------------------------------------------------------------- many members

WIRE = (
    "The ministry said the old bridge would reopen on Monday after repairs to its damaged pillars."
)


def reprints(*edited: str, copies: int = 8, wire: str = WIRE) -> tuple[list[Article], list[Member]]:
    """``copies`` word-for-word reprints of ``wire``, then the edited versions."""
    texts = [wire] * copies + list(edited)
    arts = [make_article(f"r{k}", [[t]], label=f"Paper {k}") for k, t in enumerate(texts)]
    return arts, [Member(k, (0,), 0.8) for k in range(len(texts))]


def test_many_reprints_mark_only_the_reworded_copies() -> None:
    """A group larger than the wordings each member is diffed with still marks
    each rewording once, against the wording closest to it."""
    edits = [
        WIRE.replace("damaged", "cracked"),
        WIRE.replace("old ", ""),
        WIRE.replace("Monday", "Tuesday"),
        WIRE.replace("ministry", "transport ministry"),
        WIRE.replace("repairs to ", "repairs of "),
        WIRE.replace("reopen", "open again"),
    ]
    arts, members = reprints(*edits)
    marks = [
        (d.article, d.text, d.detail)
        for d in wording_divergences(arts, 0, members)
        if d.kind == "wording"
    ]
    assert marks == [
        (8, "cracked", 'reworded: "cracked" where Paper 0 has "damaged"'),
        (11, "transport", 'added: "transport" (not in Paper 0\'s version)'),
        (13, "open", 'reworded: "open" where Paper 0 has "reopen"'),
    ]


def test_a_reprint_is_compared_with_the_copy_that_shares_its_edit() -> None:
    """Two papers print "cracked"; one of them also adds "transport": its mark
    names the paper with the same "cracked" (one stretch apart), not the wire.
    The other is closest to that one (all its words matched), so is not marked."""
    cracked = WIRE.replace("damaged", "cracked")
    both = cracked.replace("ministry", "transport ministry")
    others = [WIRE.replace(w, "") for w in ("old ", "Monday ", "damaged ", "its ")]
    arts, members = reprints(*others, cracked, both)
    marks = {
        d.article: d.detail
        for d in wording_divergences(arts, 0, members)
        if d.kind == "wording" and d.article >= 12
    }
    assert marks == {13: 'added: "transport" (not in Paper 12\'s version)'}


def test_many_reprints_of_one_quotation_mark_the_reworded_one() -> None:
    quote = 'The minister said: "We will rebuild the bridge within a year and open it to traffic."'
    changed = quote.replace("rebuild the bridge", "repair the crossing")
    arts, members = reprints(changed, copies=12, wire=quote)
    drift = [
        (d.article, d.detail) for d in wording_divergences(arts, 0, members) if d.kind == "quote"
    ]
    assert drift[0] == (
        0,
        'quotation reworded: "rebuild" vs "repair"; "bridge" vs "crossing" (Paper 12)',
    )
    assert drift[-1] == (
        12,
        'quotation reworded: "repair" vs "rebuild"; "crossing" vs "bridge" (Paper 0)',
    )
    assert [a for a, _ in drift] == list(range(13))


def test_texts_read_once_give_each_member_its_own_words_and_quotations() -> None:
    """A sentence text keyed once (``known``) gives every member that prints it the
    words and quotations it would get alone, placed in its own sentence."""
    text = '"The pier reopens at noon," the harbour master said on Friday.'
    arts, members = group(text, text, "The harbour master said the pier reopens at noon.")
    known_words: dict[str, Keyed] = {}
    known_quotes: dict[str, list[Quote]] = {}
    for m in members:
        alone = passage_words(arts, m, EMPTY_VARIANTS)
        shared = passage_words(arts, m, EMPTY_VARIANTS, known_words)
        assert shared == alone
        assert all(w.sentence is arts[m.article].sentences[0] for w in shared)
        sentence = arts[m.article].sentences[0]
        assert quotations(sentence, EMPTY_VARIANTS, known_quotes) == quotations(
            sentence, EMPTY_VARIANTS
        )
    assert len(known_words) == 2 and len(known_quotes) == 2


@given(st.lists(st.booleans(), max_size=30), st.integers(0, 30), st.integers(0, 30))
def test_content_before_counts_the_content_words_of_a_slice(
    minors: list[bool], i: int, j: int
) -> None:
    sentence = Sentence(0, "w", 0, 1, 0, (0,))
    token = Token(0, 1, "w", "w")
    words = [Word(sentence, token, "w", minor) for minor in minors]
    i, j = sorted((min(i, len(words)), min(j, len(words))))
    before = content_before(words)
    assert before[j] - before[i] == sum(not w.minor for w in words[i:j])
