"""Export: the JSON document's claims ledger and the Markdown report a fact-checker forwards."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from align import Alignment, build, bundled_seeds
from align.export import to_dict, to_json, to_markdown, valid_text


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def test_quantities_list_every_claim_once_with_its_relations(seeds: Alignment) -> None:
    doc = to_dict(seeds)
    claims = [(c["article"], c["start"]) for q in doc["quantities"] for c in q["claims"]]
    assert len(claims) == len(set(claims))
    soldiers = next(
        q
        for q in doc["quantities"]
        if q["label"] == "turkish soldier killed" and any(c["text"] == "59" for c in q["claims"])
    )
    assert soldiers["kind"] == "count"
    texts = {c["text"] for c in soldiers["claims"]}
    assert {"59", "58"} <= texts
    relations = {r["relation"] for r in soldiers["relations"]}
    assert "conflict" in relations
    for r in soldiers["relations"]:
        assert soldiers["claims"][r["a"]]["article"] != soldiers["claims"][r["b"]]["article"]
    more = next(
        c for q in doc["quantities"] for c in q["claims"] if c["text"] == "more than six hours"
    )
    assert (more["low"], more["high"], more["low_open"], more["hedge"]) == (
        6.0,
        None,
        True,
        "more than",
    )


def test_number_divergences_say_what_they_are_set_against(seeds: Alignment) -> None:
    doc = json.loads(to_json(seeds))
    ids = {a["id"] for a in doc["articles"]}
    numbers = [d for g in doc["groups"] for d in g["divergences"] if d["kind"] == "number"]
    assert numbers
    for d in numbers:
        assert d["with"] and all(
            w["article"] in ids and w["article"] != d["article"] for w in d["with"]
        )
    wapo = next(d for d in numbers if d["text"] == "58")
    assert {w["text"] for w in wapo["with"]} >= {"59"}


def test_report_opens_with_the_disagreements(seeds: Alignment) -> None:
    report = to_markdown(seeds)
    summary = report[report.index("## Disagreements") : report.index("## Passages")]
    conflicts = summary[: summary.index("### Different precision")]
    lines = [line for line in conflicts.splitlines() if line.startswith("- ")]
    assert all(line.startswith("- conflict: ") for line in lines)
    soldiers = [line for line in lines if "turkish soldier killed" in line]
    assert len(soldiers) == 1  # listed once, not once from each side
    assert "**58**≠" in soldiers[0] and "59" in soldiers[0]
    assert re.search(r"\[passage \d+\]\(#passage-\d+\)", soldiers[0])
    assert "### Reworded quotations" in summary


def test_report_marks_conflict_and_precision_differently(seeds: Alignment) -> None:
    report = to_markdown(seeds)
    assert "**nearly six hours**≠" in report
    assert "`six-hour`≈" in report
    anchors = set(re.findall(r"\(#(passage-\d+)\)", report))
    headings = {f"passage-{n}" for n in re.findall(r"^### Passage (\d+)$", report, re.M)}
    assert anchors <= headings  # every link lands on a passage heading


def test_report_escapes_article_text_in_figures(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Storm\n\nThe storm [Reuters] destroyed 59 houses on Monday.\n", encoding="utf-8")
    b.write_text(
        "Storm\n\nThe storm destroyed 52 houses on Monday, <b>officials</b> said.\n", "utf-8"
    )
    report = to_markdown(build([a, b]))
    assert "\\[Reuters\\]" in report and "\\<b\\>" in report
    assert "**59**≠" in report and "**52**≠" in report


def test_report_marks_a_reworded_quotation_without_doubling_its_quote_marks(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(
        "Storm\n\n“The storm cannot stop us from rebuilding the harbour,” the mayor said.\n",
        encoding="utf-8",
    )
    b.write_text(
        "Storm\n\n“The storm is unable to stop us from rebuilding the harbour,” the mayor said.\n",
        encoding="utf-8",
    )
    report = to_markdown(build([a, b]))
    assert "“_The storm cannot stop us" in report and "harbour_,”" in report
    assert "“_“" not in report
    c = tmp_path / "c.txt"
    c.write_text(
        "Storm\n\n« The storm cannot stop us from rebuilding the harbour », the mayor said.\n",
        encoding="utf-8",
    )
    report = to_markdown(build([c, b]))
    assert "« _The storm cannot stop us" in report and "« _“" not in report


def test_report_says_who_disagrees_with_whom(seeds: Alignment) -> None:
    report = to_markdown(seeds)
    summary = report[report.index("## Disagreements") : report.index("### Different precision")]
    pairs = [line for line in summary.splitlines() if line.startswith("  - ")]
    # one line for the two readings, though The Hill dates its 59 "Since the beginning
    # of February" and Al Jazeera "from the beginning of February"
    assert (
        "  - 58 (The Washington Post) ≠ 59 (The Hill, Al Jazeera (machine-translated "
        "reprint))" in pairs
    )
    assert len(pairs) == len(set(pairs))


def test_report_names_with_a_figure_only_the_outlets_its_pairing_stands_for(
    tmp_path: Path,
) -> None:
    texts = {
        "a": "More than a million people have fled their homes since December, the UN said.",
        "b": "Nearly a million people have fled their homes since the offensive began, "
        "the UN said.",
        "c": "Nearly a million people have fled their homes, the UN said.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Flight\n\nFighting goes on.\n\n{text}\n", "utf-8")
    report = to_markdown(build([tmp_path / f"{name}.txt" for name in texts]))
    pairs = [line for line in report.splitlines() if line.startswith("  - ")]
    # B's figure is dated to another period: it is set against nothing, though worded as C's
    assert "  - More than a million (A) ≠ Nearly a million (C)" in pairs
    assert not any("(B" in line or ", B" in line for line in pairs)


def test_report_names_every_wording_of_a_reading_in_its_pairing(tmp_path: Path) -> None:
    """Outlets that give one figure in other words ("nearly one million", "nearly a
    million") are one reading: the pairing that stands for them names them all."""
    texts = {
        "a": "More than a million people have fled their homes since December.",
        "b": "Nearly a million people have fled their homes since December.",
        "c": "Nearly one million people have fled their homes since December.",
        "d": "Nearly a million people have fled their homes since December, the UN said.",
    }
    for name, text in texts.items():
        (tmp_path / f"{name}.txt").write_text(f"Flight\n\nFighting goes on.\n\n{text}\n", "utf-8")
    report = to_markdown(build([tmp_path / f"{name}.txt" for name in texts]))
    pairs = [line for line in report.splitlines() if line.startswith("  - ")]
    assert len(pairs) == 1, pairs
    assert "Nearly a million (B, D) / Nearly one million (C)" in pairs[0] or (
        "Nearly one million (C) / Nearly a million (B, D)" in pairs[0]
    ), pairs


def test_report_leaves_out_a_disagreement_another_line_says_in_full() -> None:
    """On the Amtrak gold, AP gives "dozens" in two readings (one with Columbia's, one
    alone): "dozens (AP) ≈ at least 50 (...)" had stood beside the line that already
    names AP, Columbia and both outlets of "at least 50"."""
    report = to_markdown(build([Path(__file__).parent / "gold" / "real" / "amtrak_mendon"]))
    summary = report[report.index("## Disagreements") : report.index("## Passages")]
    dozens = [
        line
        for line in summary.splitlines()
        if line.startswith("  - dozens") and "≈ at least 50" in line
    ]
    assert len(dozens) == 1, dozens
    assert all(
        name in dozens[0] for name in ("Columbia", "travel.classifieds4w.com", "OK Positive")
    )


def test_json_has_one_article_passage_or_quantity_per_line(seeds: Alignment) -> None:
    text = to_json(seeds)
    assert json.loads(text) == to_dict(seeds)
    lines = text.splitlines()
    assert lines[0] == "{" and lines[-1] == "}"
    items = [json.loads(line.strip().rstrip(",")) for line in lines if line.startswith("    {")]
    doc = to_dict(seeds)
    assert len(items) == len(doc["articles"]) + len(doc["groups"]) + len(doc["quantities"])


def test_json_of_a_file_name_that_is_not_utf8_still_encodes() -> None:
    assert valid_text("plain ✓ text") == "plain ✓ text"
    assert valid_text("bad\udcff name").encode("utf-8") == "bad\ufffd name".encode()


def test_an_also_member_names_its_role_and_its_clause_in_raw_offsets(seeds: Alignment) -> None:
    doc = to_dict(seeds)
    raw = {a.id: a.source.raw for a in seeds.articles}
    also = [m for g in doc["groups"] for m in g["members"] if m.get("role") == "also"]
    assert also
    for m in also:
        start, end = m["span"]
        sentence = next(a for a in doc["articles"] if a["id"] == m["article"])["sentences"][
            m["sentence"]
        ]
        assert sentence["start"] <= start < end <= sentence["end"]
    moscow = next(m for m in also if m["article"] == "moscowtimes")
    start, end = moscow["span"]
    assert raw["moscowtimes"][start:end].startswith("Nearly a million civilians have fled")
    homes = [m for g in doc["groups"] for m in g["members"] if "role" not in m]
    assert all("span" not in m for m in homes)
    claims = [(c["article"], c["start"]) for g in doc["groups"] for c in g["claims"]]
    assert len(claims) == len(set(claims))  # a claim sits in its home group only


def test_report_shows_an_also_member_by_its_clause(seeds: Alignment) -> None:
    report = to_markdown(seeds)
    assert "(a clause of its sentence in [passage " in report
    line = next(x for x in report.splitlines() if "(a clause of" in x and "Moscow" in x)
    assert "Nearly a million civilians have fled their homes due to the violence" in line
    assert "dozens of Turkish soldiers" not in line


def test_markdown_names_single_outlets_as_their_labels_are_written(seeds: Alignment) -> None:
    report = to_markdown(seeds)
    singles = [line for line in report.splitlines() if line.startswith("Only ")]
    assert singles, "the seeds have passages only one outlet reports"
    labels = {a.label for a in seeds.articles}
    for line in singles:
        assert line[len("Only ") :] in labels, line  # "Only UPI", never "Only upi"


def test_markdown_says_what_an_outlet_missing_from_a_passage_means(seeds: Alignment) -> None:
    # a reader of the report must not have to guess that an unlisted outlet is the
    # reader's "not reported here", nor that "no match" is a place to check first
    legend = next(line for line in to_markdown(seeds).splitlines() if "Marks in" in line)
    assert '"not reported here"' in legend and "*no match*" in legend
