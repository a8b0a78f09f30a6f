"""An outlet a passage lacks: "not reported here", or "no match" and where it gives
one of the passage's figures or its nearest wording (``Group.closest``), in the engine,
the exports and the reader."""

from __future__ import annotations

from pathlib import Path

import pytest

from align import build, bundled_seeds
from align.export import to_dict, to_markdown
from align.model import Alignment, Closest, Group
from tui.render import absent

TEXTS = {
    "a.txt": "Harlow floods\n\nRiver water closed the old stone bridge on Monday morning. "
    "The mayor said repairs would take three weeks. Schools in the valley stayed open.\n",
    "b.txt": "Valley under water\n\nCommuters found the bridge shut as the river rose. "
    "Schools in the valley stayed open. Forecasters expect the rain to ease by Friday.\n",
    "c.txt": "Storm moves east\n\nForecasters expect the rain to ease by Friday. "
    "Farmers counted losses in the lower fields.\n",
}


def aligned(tmp_path: Path, texts: dict[str, str] = TEXTS) -> Alignment:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return build([str(tmp_path / name) for name in texts])


def group_of(alignment: Alignment, article: int, start: str) -> Group:
    sentences = alignment.articles[article].sentences
    index = next(s.index for s in sentences if s.text.startswith(start))
    return alignment.groups[alignment.group_of(article, index)]


def test_an_outlet_s_nearest_wording_is_named_and_one_sharing_nothing_is_not(
    tmp_path: Path,
) -> None:
    alignment = aligned(tmp_path)
    closed = group_of(alignment, 0, "River water closed")  # A's bridge, B's in other words
    shut = group_of(alignment, 1, "Commuters found the bridge shut")
    assert closed.id != shut.id  # the engine does not link them: too little in common
    assert closed.closest == (Closest(1, shut.id, "wording"),)  # C shares nothing
    assert shut.closest == (Closest(0, closed.id, "wording"),)
    rain = group_of(alignment, 1, "Forecasters expect")  # B and C alike, A has nothing
    assert {m.article for m in rain.members} == {1, 2} and rain.closest == ()
    assert absent(closed, 1) == f"no match · nearest: passage {shut.id + 1}"
    assert absent(closed, 2) == absent(rain, 0) == "not reported here"


def test_the_exports_say_where_the_nearest_wording_is(tmp_path: Path) -> None:
    alignment = aligned(tmp_path)
    closed = group_of(alignment, 0, "River water closed")
    shut = group_of(alignment, 1, "Commuters found the bridge shut")
    doc = to_dict(alignment)
    closest = [{"article": "b", "group": shut.id, "by": "wording"}]
    assert doc["groups"][closed.id]["closest"] == closest
    report = to_markdown(alignment)
    link = f"[passage {shut.id + 1}](#passage-{shut.id + 1})"
    assert f"- *B*: no match; has its nearest wording in {link}" in report


def test_an_outlet_giving_the_passage_s_figure_elsewhere_is_pointed_there(
    tmp_path: Path,
) -> None:
    """A toll one outlet states in a sentence the engine does not link: the same
    measured quantity (a ledger row) names the passage, before any wording does."""
    alignment = aligned(
        tmp_path,
        {
            "a.txt": "Bridge falls\n\nThe old stone bridge over the Harlow fell on Monday "
            "morning. Twelve people died in the collapse. Schools in the valley stayed open.\n",
            "b.txt": "Valley mourns\n\nSchools in the valley stayed open. Officials put the "
            "toll at 14 by the evening. Forecasters expect the rain to ease by Friday.\n",
        },
    )
    died = group_of(alignment, 0, "Twelve people died")
    toll = group_of(alignment, 1, "Officials put the toll")
    assert died.id != toll.id
    assert died.closest == (Closest(1, toll.id, "figure"),)
    assert absent(died, 1) == f"no match · figure in passage {toll.id + 1}"
    link = f"[passage {toll.id + 1}](#passage-{toll.id + 1})"
    assert f"- *B*: no match; gives one of its figures in {link}" in to_markdown(alignment)


def test_python_and_numpy_scoring_name_the_same_nearest_wordings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A small input is scored in plain Python, a large one with numpy (forced either
    way here): the seeds' groups and nearest wordings come out the same."""
    found = []
    for limit in (0, 10**12):
        monkeypatch.setattr("align.grouping.small.SMALL_PAIRS", limit)
        found.append([g.closest for g in build([bundled_seeds()]).groups])
    assert found[0] == found[1]
    assert sum(map(len, found[0])) > 20  # the seeds exercise it


def truce(tmp_path: Path, a_says: str, b_says: str) -> Alignment:
    """Two reports of one truce, alike but for the sentence each ends with."""
    shared = (
        "The two militias agreed on a truce in the hill district. "
        "Aid convoys are waiting at the river crossing."
    )
    return aligned(
        tmp_path,
        {
            "a.txt": f"Truce agreed\n\n{shared} {a_says}\n",
            "b.txt": f"Guns fall silent\n\n{shared} {b_says}\n",
        },
    )


def test_an_outlet_timing_the_event_otherwise_is_pointed_to_its_timing(tmp_path: Path) -> None:
    """One outlet says the truce starts at midnight, another at midnight on Sunday: the time
    of day and the weekday of one event's start are rows of their own in the ledger, but an
    outlet giving either gives the start, so its pane points there rather than saying
    the start is not reported."""
    alignment = truce(
        tmp_path,
        "The truce is expected to start at midnight on Sunday, a joint statement said.",
        "Under the accord the truce was set to go into effect at midnight.",
    )
    sunday = group_of(alignment, 0, "The truce is expected to start")
    midnight = group_of(alignment, 1, "Under the accord")
    assert sunday.id != midnight.id  # too little in common to be linked
    assert sunday.closest == (Closest(1, midnight.id, "figure"),)
    assert midnight.closest == (Closest(0, sunday.id, "figure"),)
    assert absent(sunday, 1) == f"no match · figure in passage {midnight.id + 1}"


def test_another_time_of_the_same_kind_is_no_pointer() -> None:
    """A real report's earlier quake ("Previously on October 22, a 6.1 magnitude
    earthquake ... at 7:39am") and another outlet's time of the story's quake (11:47
    pm) are rows the ledger keeps apart; only a row of another kind (a weekday, a
    date) times the same moment otherwise, so no pointer joins the two."""
    folder = Path(__file__).parent / "gold" / "real" / "nepal_jajarkot_quake"
    alignment = build([str(folder)])
    ids = [a.id for a in alignment.articles]
    earlier = group_of(alignment, ids.index("kashmiriyat"), "Previously on October 22")
    pointer = earlier.closest_in(ids.index("waradana"))
    assert pointer is None or pointer.by != "figure"


def test_an_outlet_timing_the_event_in_another_zone_is_pointed_to_it(tmp_path: Path) -> None:
    """ "23:00 GMT" and "02:00 local time": the ledger keeps times of two zones apart,
    but each outlet's pane points to the other's timing of the start."""
    alignment = truce(
        tmp_path,
        "The truce came into force at 23:00 GMT, a statement said.",
        "Under the accord the ceasefire took effect at 02:00 local time.",
    )
    gmt = group_of(alignment, 0, "The truce came into force")
    local = group_of(alignment, 1, "Under the accord")
    assert gmt.closest == (Closest(1, local.id, "figure"),)
    assert local.closest == (Closest(0, gmt.id, "figure"),)
