"""Segment: sentence boundaries on hand-made text and the seeds, offsets, and speed."""

from __future__ import annotations

import string
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from align import Sentence, Source
from align.clean import clean
from align.segment import quote_spans, segment


def check_sentences(raw: str, sentences: tuple[Sentence, ...]) -> None:
    """Offsets are exact, sentences are ordered and disjoint, and none is empty."""
    replaced = {d.start for d in clean(raw).dropped if d.replacement}
    previous_end, previous_paragraph = 0, 0
    for i, s in enumerate(sentences):
        assert s.index == i and s.text == s.text.strip() and s.text
        assert any(c.isalnum() for c in s.text)
        assert len(s.origin) == len(s.text)
        assert s.start == s.origin[0] and s.end == s.origin[-1] + 1
        assert s.start >= previous_end and s.paragraph >= previous_paragraph
        for ch, at in zip(s.text, s.origin, strict=True):
            assert ch == raw[at] or (ch.isspace() and raw[at].isspace()) or at in replaced
        previous_end, previous_paragraph = s.end, s.paragraph


def split(raw: str) -> list[str]:
    sentences = segment(clean(raw))
    check_sentences(raw, sentences)
    return [s.text for s in sentences]


# --- abbreviations and numbers ------------------------------------------------------


def test_abbreviations_titles_months_and_initials_do_not_split() -> None:
    raw = (
        "Since Feb. 3, 58 soldiers died. Mr. Smith and Gen. Lee met in St. Louis on Sept. 9. "
        "J. R. Smith spoke to Dr. Ng at No. 10 Main St. on Monday."
    )
    assert split(raw) == [
        "Since Feb. 3, 58 soldiers died.",
        "Mr. Smith and Gen. Lee met in St. Louis on Sept. 9.",
        "J. R. Smith spoke to Dr. Ng at No. 10 Main St. on Monday.",
    ]


def test_dotted_acronyms_split_only_before_a_sentence_opener() -> None:
    raw = "The U.S. Army left at 6 a.m. Monday. Talks ended in the U.S. The next day, rain fell."
    assert split(raw) == [
        "The U.S. Army left at 6 a.m. Monday.",
        "Talks ended in the U.S.",
        "The next day, rain fell.",
    ]


def test_a_time_glued_to_its_am_or_pm_reads_as_one_spaced() -> None:
    """ "1:30a.m." as a scrape writes it: its "a.m." no more ends the sentence than in
    "1:30 a.m.", and a sentence opener after it still starts the next."""
    raw = (
        "The ship hit the pier around 1:30a.m. Tuesday, after losing power. "
        "At 6p.m. The search ended."
    )
    assert split(raw) == [
        "The ship hit the pier around 1:30a.m. Tuesday, after losing power.",
        "At 6p.m.",
        "The search ended.",
    ]


def test_lowercase_no_is_a_word_not_an_abbreviation() -> None:
    assert split("He said no. The talks ended.") == ["He said no.", "The talks ended."]


def test_decimals_times_and_thousands_do_not_split() -> None:
    raw = "At 00.01 tonight 3.6 million people and 3,200 troops waited. It was 6.30 p.m. exactly."
    assert split(raw) == [
        "At 00.01 tonight 3.6 million people and 3,200 troops waited.",
        "It was 6.30 p.m. exactly.",
    ]


def test_other_terminals() -> None:
    assert split("Why? Because it rained! He paused… Then he left. Done") == [
        "Why?",
        "Because it rained!",
        "He paused…",
        "Then he left.",
        "Done",
    ]


# --- quotations ---------------------------------------------------------------------


def test_quotation_with_its_attribution_is_one_unit() -> None:
    raw = '"We will hold. We always do," Lee said. He left the hall.'
    assert split(raw) == ['"We will hold. We always do," Lee said.', "He left the hall."]


def test_curly_quotation_of_several_sentences_is_one_unit() -> None:
    raw = "“We have sent units. Our priority is calm. It starts tonight.” The talks ended."
    assert split(raw) == [
        "“We have sent units. Our priority is calm. It starts tonight.”",
        "The talks ended.",
    ]


def test_short_attribution_after_a_closed_quotation_joins_it() -> None:
    raw = "“We have always worked together.” Putin said. “Today was no different.”"
    assert split(raw) == [
        "“We have always worked together.” Putin said.",
        "“Today was no different.”",
    ]


def test_long_sentence_after_a_quotation_is_not_an_attribution() -> None:
    raw = "“We won.” The minister then said that the deal would be signed on Friday in Rome."
    assert len(split(raw)) == 2


def test_doubled_single_quotes_are_quotation_marks() -> None:
    raw = "‘‘We need to talk. Now,’’ Putin told him. It won’t matter. Then he left."
    assert split(raw) == [
        "‘‘We need to talk. Now,’’ Putin told him.",
        "It won’t matter.",
        "Then he left.",
    ]


def test_single_quotes_are_quotations_but_apostrophes_are_not() -> None:
    raw = "He said: ‘It is done. We go home.’ Then he left. The soldiers’ families won’t wait."
    assert split(raw) == [
        "He said: ‘It is done. We go home.’",
        "Then he left.",
        "The soldiers’ families won’t wait.",
    ]
    assert len(split("He said: 'It is done. We go home.' Then he left.")) == 2


def test_nested_quotations_are_merged() -> None:
    raw = "“He told me ‘Go now.’ Then he left. I stayed,” she said. The end came."
    assert split(raw) == [
        "“He told me ‘Go now.’ Then he left. I stayed,” she said.",
        "The end came.",
    ]


def test_bare_list_number_joins_the_next_sentence() -> None:
    assert split("He listed them. 2. Build roads. (3) Fix bridges.") == [
        "He listed them.",
        "2. Build roads.",
        "(3) Fix bridges.",
    ]


def test_unbalanced_quote_cannot_swallow_the_article() -> None:
    raw = '"This quote never closes. ' + "Another sentence follows here. " * 200
    assert len(split(raw)) > 150


def test_quote_spans_pair_left_to_right() -> None:
    text = 'He said "a. b" and “c. d” then "e.'
    assert [text[a:b] for a, b in quote_spans(text, 0, len(text))] == ['"a. b"', "“c. d”"]


# --- machine-translation artefacts --------------------------------------------------------


def test_period_before_a_lowercase_word_does_not_split() -> None:
    raw = "The worst crisis in the Nine years of Syria. civil war. Most fled."
    assert split(raw) == ["The worst crisis in the Nine years of Syria. civil war.", "Most fled."]


def test_a_period_fused_to_the_next_sentence_splits() -> None:
    raw = "Crews reached the valley on Monday.Rescuers said the road was open. It rained!Then sun."
    assert split(raw) == [
        "Crews reached the valley on Monday.",
        "Rescuers said the road was open.",
        "It rained!Then sun.",  # only a period is read as fused
    ]


def test_a_period_inside_a_name_or_number_does_not_split() -> None:
    raw = "The U.S.Navy ship left port 3.Five crews and Mr.Lee stayed on the quay.Later, rain."
    assert split(raw) == [
        "The U.S.Navy ship left port 3.Five crews and Mr.Lee stayed on the quay.",
        "Later, rain.",
    ]


def test_doubled_ascii_quotes_are_quotation_marks() -> None:
    raw = "``We are ready. Send help,'' the mayor said. Then the rain came."
    assert split(raw) == ["``We are ready. Send help,'' the mayor said.", "Then the rain came."]


def test_stray_periods_never_make_a_sentence() -> None:
    # cleaning drops a repeated full stop; a paragraph of stops alone is no sentence
    assert split("It repelled the army. . Then it left. .") == [
        "It repelled the army.",
        "Then it left.",
    ]
    assert split("It repelled the army. .\n\n. .\n\nNext one.") == [
        "It repelled the army.",
        "Next one.",
    ]


# --- paragraphs and offsets ---------------------------------------------------------------


def test_paragraph_without_terminal_punctuation_is_one_sentence() -> None:
    assert split("Body one. Body two.\n\nA list of things with no full stop") == [
        "Body one.",
        "Body two.",
        "A list of things with no full stop",
    ]


def test_paragraph_index_counts_cleaned_paragraphs() -> None:
    raw = "Short title\n\nA one. A two.\n\n<https://example.org/x>\n\nB one.\r\n\r\nC one."
    sentences = segment(clean(raw))
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("A one.", 0),
        ("A two.", 0),
        ("B one.", 1),
        ("C one.", 2),
    ]


def test_offsets_point_into_the_raw_text_around_dropped_debris() -> None:
    raw = (
        "Mayor Ana TorresAna Lucia TorresTorres says x MORE backed the plan.\r\n"
        "It\xa0passed 7-2.\r\n\r\nThe [vote](https://x.org) was \x1b[1mfinal\x1b[0m."
    )
    sentences = segment(clean(raw))
    assert [s.text for s in sentences] == [
        "Mayor Ana Torres backed the plan.",
        "It passed 7-2.",
        "The vote was final.",
    ]
    first = sentences[0]
    assert raw[first.start : first.end] == raw[: raw.index(" plan.") + 6]
    assert first.raw_span(0, 16) == (0, 16)
    assert raw[slice(*first.raw_span(17, 23))] == "backed"
    last = sentences[2]
    i = last.text.index("final")
    assert raw[slice(*last.raw_span(i, i + 5))] == "final"


# --- the seeds ----------------------------------------------------------------------------


def seed_texts(seed_sources: dict[str, Source], key: str) -> list[str]:
    raw = seed_sources[key].raw
    sentences = segment(clean(raw))
    check_sentences(raw, sentences)
    return [s.text for s in sentences]


def test_seed_sentence_counts(seed_sources: dict[str, Source]) -> None:
    counts = {key: len(seed_texts(seed_sources, key)) for key in seed_sources}
    assert counts == {"hill": 12, "upi": 15, "wapo": 21, "moscowtimes": 21, "aljazeera": 26}


def test_seed_units(seed_sources: dict[str, Source]) -> None:
    wapo = seed_texts(seed_sources, "wapo")
    assert any(t.startswith("Since Feb. 3, 58 Turkish soldiers") for t in wapo)
    assert any(t.startswith("‘‘We need") and t.endswith("on Thursday.") for t in wapo)
    upi = seed_texts(seed_sources, "upi")
    assert "“Considering all the recent developments" in upi[-4]
    assert upi[-4].endswith("Erdogan said.")
    assert upi[-3].startswith("“We have deployed") and upi[-3].endswith("after midnight.”")
    aj = seed_texts(seed_sources, "aljazeera")
    assert any("Nine years of Syria. civil war." in t for t in aj)
    assert any(t.endswith("repel the Syrian army.") for t in aj)  # the stray "." dropped
    assert any(t.startswith('"At 00.01 tonight') and t.endswith("in Moscow.") for t in aj)
    hill = seed_texts(seed_sources, "hill")
    assert hill[2].startswith('"At 0001 tonight') and hill[2].endswith("in Moscow.")


def test_seed_sentences_start_like_sentences(seed_sources: dict[str, Source]) -> None:
    for key in seed_sources:
        for text in seed_texts(seed_sources, key):
            assert text[0].isupper() or text[0] in '"“‘', (key, text)


# --- properties and speed -------------------------------------------------------------------

TRICKY = string.ascii_letters + string.digits + " .,;:!?'\"()[]*&/-—…\n\r\t\xa0“”‘’«»"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=TRICKY, max_size=300))
def test_sentences_are_exact_ordered_and_cover_every_word(raw: str) -> None:
    cleaned = clean(raw)
    sentences = segment(cleaned)
    check_sentences(raw, sentences)
    words = "".join(c for s in sentences for c in s.text if c.isalnum())
    assert words == "".join(c for c in cleaned.text if c.isalnum())


@pytest.mark.parametrize(
    "unit",
    [
        "The council met on Monday. It approved 12 parks, said Mr. Smith. ",
        '"Open quote never closed. And more text follows. ',
        "Stray. periods. everywhere. and. more. ",
        "No punctuation at all in this long run of words ",
    ],
)
def test_one_megabyte_paragraph_segments_quickly(unit: str) -> None:
    text = unit * (1_000_000 // len(unit))
    cleaned = clean(text)
    started = time.process_time()
    sentences = segment(cleaned)
    elapsed = time.process_time() - started
    # Linear work takes ~0.5 s of CPU here; a quadratic splitter would take minutes.
    # The margin keeps a busy two-core CI machine from failing a correct splitter.
    assert sentences and elapsed < 3.0, elapsed
