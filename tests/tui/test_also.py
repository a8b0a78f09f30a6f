"""The reader shows a sentence that joins a passage by a clause (an "also" member).

On the seeds, The Moscow Times' "Nearly a million civilians have fled their
homes due to the violence and dozens of Turkish soldiers have been killed"
lives in the soldiers' passage and joins the displacement toll's passage by its
first clause: there its pane lines the sentence up, marks the clause, and does
not say the outlet left the fact out.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import (
    WIDE,
    Drawn,
    current,
    make_app,
    reader,
    sentences,
    settle,
    shown,
    stacked_text,
    styled,
)

from align import Alignment, build, bundled_seeds

CLAUSE = "Nearly a million civilians have fled their homes due to the violence"


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def toll(seeds: Alignment) -> tuple[int, int, int]:
    """(the toll passage, The Moscow Times' article, its sentence that joins by a clause)."""
    mt = next(i for i, a in enumerate(seeds.articles) if a.id == "moscowtimes")
    for group in seeds.groups:
        member = group.member_for(mt)
        if member is not None and member.role == "also":
            return group.id, mt, member.sentences[0]
    raise AssertionError("no also member of The Moscow Times")


def clause_runs(view: Drawn) -> str:
    return " ".join(styled(view, bold=True, italic=True))


async def test_pane_lines_up_the_sentence_and_marks_the_clause(
    seeds: Alignment, tmp_path: Path
) -> None:
    gid, mt, sentence = toll(seeds)
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        screen = reader(app)
        if screen.stacked:
            await pilot.press("l")
            await settle(pilot)
        screen.go(gid)
        await settle(pilot)
        pane = next(p for p in screen.panes() if p.article == mt)
        assert current(screen)[mt] == [sentence]
        assert clause_runs(sentences(screen)[(mt, sentence)]) == CLAUSE
        assert "not reported here" not in shown(pane.text)
        home = seeds.group_of(mt, sentence)
        screen.go(home)
        await settle(pilot)
        assert sentence in current(screen)[mt]
        # at home the whole sentence is the passage's: no clause is marked
        assert clause_runs(sentences(screen)[(mt, sentence)]) == ""


async def test_stacked_view_shows_the_clause_marked(seeds: Alignment, tmp_path: Path) -> None:
    gid, mt, _ = toll(seeds)
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(pilot)
        screen = reader(app)
        if not screen.stacked:
            await pilot.press("l")
            await settle(pilot)
        screen.go(gid)
        await settle(pilot)
        text = stacked_text(screen)
        label = seeds.articles[mt].label
        assert f"{label}  — not reported here" not in shown(text)
        marked = " ".join(styled(text, bold=True, italic=True))
        assert CLAUSE in marked and "dozens of Turkish soldiers" not in marked
        assert "dozens of Turkish soldiers" in shown(text).replace("\n", " ")
