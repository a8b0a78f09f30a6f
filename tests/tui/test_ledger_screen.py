"""The claims ledger (m) and the other-passage key (o), at 80x24 and at 200x50.

They assert on what is drawn: column heads and row labels read back from the
rendered table, marks read from the rendered segments' styles.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot import NARROW, SIZES, WIDE, make_app, reader, settle, shown, status, styled
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Static
from tui_factory import ALPHA, BETA, CORRIDOR, GAMMA, Row, crossed, make_alignment, many, sample

from align import build, bundled_seeds
from align.model import Alignment
from tui.app import IdlibReadApp
from tui.claims import in_cell
from tui.screens.details import DetailsScreen
from tui.screens.ledger import LedgerScreen, wrapped
from tui.screens.reader import ReaderScreen

SAMPLE_GROUPS = [[(m.article, list(m.sentences)) for m in g.members] for g in sample().groups]


@pytest.fixture(scope="module")
def seeds() -> Alignment:
    return build([bundled_seeds()])


def table(app: IdlibReadApp) -> DataTable[object]:
    assert isinstance(app.screen, LedgerScreen)
    return app.screen.query_one(DataTable)


def title(app: IdlibReadApp) -> str:
    return shown(app.screen.query_one("#ledger-title"))


def cell_detail(app: IdlibReadApp) -> str:
    return str(app.screen.query_one("#ledger-cell", Static).content)


async def open_ledger(app: IdlibReadApp, pilot) -> DataTable[object]:  # type: ignore[no-untyped-def]
    await settle(pilot)
    await pilot.press("m")
    await settle(pilot)
    return table(app)


def visible_heads(grid: DataTable[object]) -> str:
    """The header row as drawn (only what fits in the widget)."""
    return "".join(seg.text for seg in grid.render_line(0))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("which", ["seeds", "crossed"])
async def test_every_outlet_has_a_visible_column(
    tmp_path: Path, size: tuple[int, int], which: str, seeds: Alignment
) -> None:
    alignment = seeds if which == "seeds" else crossed()
    app = make_app(alignment, tmp_path)
    async with app.run_test(size=size) as pilot:
        grid = await open_ledger(app, pilot)
        outlets = len(alignment.articles)
        assert len(grid.columns) == outlets + 1 and grid.row_count == len(alignment.ledger)
        assert grid.max_scroll_x == 0, "no outlet is off screen"
        heads = visible_heads(grid)
        positions = [heads.index(f" {n + 1} ") for n in range(outlets)]
        assert positions == sorted(positions) and heads.startswith(" quantity")
        legend = shown(app.screen.query_one("#ledger-outlets")).replace("\n", " ")
        for n, article in enumerate(alignment.articles):
            assert f"{n + 1} {article.label}" in legend


@pytest.mark.parametrize("size", SIZES)
async def test_each_figure_is_marked_on_its_own(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(crossed(), tmp_path)
    async with app.run_test(size=size) as pilot:
        grid = await open_ledger(app, pilot)
        daily = str(grid.get_cell_at(Coordinate(0, 1)))
        lines = daily.split("\n")  # two figures of one outlet, each on lines of its own
        assert lines[0].startswith("!nearl") and [x for x in lines if x.startswith("350")]
        reversed_runs = styled(grid, reverse=True)
        assert any(run.startswith("!nearl") for run in reversed_runs)
        assert not any("350" in run for run in reversed_runs)  # the cell is not all marked
        underlined = styled(grid, underline=True)
        assert any(run.startswith("~six") for run in underlined)
        assert str(grid.get_cell_at(Coordinate(0, 4))).startswith("six")  # agrees: plain
        assert str(grid.get_cell_at(Coordinate(0, 5))) == "·"  # Metro Post gives none
        labels = [" ".join(str(grid.get_cell_at(Coordinate(r, 0))).split()) for r in range(2)]
        assert labels == ["! talks duration", "! people killed"]
        key = shown(app.screen.query_one("#ledger-key"))
        assert "!59 conflict" in key and "~nearly 6 different precision" in key


async def test_row_labels_stay_when_scrolling_right(tmp_path: Path) -> None:
    app = make_app(many(12), tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        grid = await open_ledger(app, pilot)
        assert grid.max_scroll_x > 0  # twelve outlets do not fit in 80 columns
        assert " 12 " not in visible_heads(grid)
        await pilot.press(*["right"] * 12)
        await settle(pilot)
        assert grid.scroll_x > 0 and grid.cursor_coordinate == Coordinate(0, 12)
        assert visible_heads(grid).startswith(" quantity") and " 12 " in visible_heads(grid)
        row = "".join(seg.text for seg in grid.render_line(1))
        assert row.startswith(" ! people killed") and "!41" in row
        assert "Outlet Number 12" in cell_detail(app)


@pytest.mark.parametrize("size", SIZES)
async def test_enter_jumps_to_the_figures_passage(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(crossed(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await open_ledger(app, pilot)
        await pilot.press("down", "right", "right", "right")  # people killed, Coast Herald
        assert "“The flood killed 38 people, the mayor said.” (passage 3)" in cell_detail(app)
        assert "conflicts with At least 40 (1 Daily Record, passage 2)" in cell_detail(app)
        await pilot.press("enter")
        await settle(pilot)
        assert reader(app).current == 2
        await pilot.press("m", "down", "enter")  # the quantity's own column: its first passage
        await settle(pilot)
        assert reader(app).current == 1
        await pilot.press("m", "right", "right", "right", "right", "right", "enter")
        await settle(pilot)  # talks duration, Metro Post: nothing there
        assert isinstance(app.screen, LedgerScreen)
        assert any("gives no figure" in str(n.message) for n in app._notifications)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen) and reader(app).current == 1


@pytest.mark.parametrize("size", SIZES)
async def test_conflict_filter(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=size) as pilot:
        grid = await open_ledger(app, pilot)
        assert grid.row_count == 2 and "2 measured quantities, 3 outlets" in title(app)
        await pilot.press("f")
        await settle(pilot)
        assert grid.row_count == 1 and "conflicts only: 1 of 2 quantities" in title(app)
        assert str(grid.get_cell_at(Coordinate(0, 0))) == "! soldier killed"
        await pilot.press("f")
        await settle(pilot)
        assert grid.row_count == 2 and "conflicts only" not in title(app)


async def test_conflict_filter_without_conflicts_says_why(tmp_path: Path) -> None:
    groups = SAMPLE_GROUPS
    rows = [Row("corridor width", CORRIDOR, [(0, 1, "precision")])]
    alignment = make_alignment([ALPHA, BETA, GAMMA], groups, nums=CORRIDOR, rows=rows)
    app = make_app(alignment, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        grid = await open_ledger(app, pilot)
        await pilot.press("f")
        await settle(pilot)
        assert grid.row_count == 1 and "conflicts only" not in title(app)
        assert any("No quantity is in conflict" in str(n.message) for n in app._notifications)


async def test_empty_ledger(tmp_path: Path) -> None:
    app = make_app(make_alignment([ALPHA, BETA, GAMMA], SAMPLE_GROUPS), tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        grid = await open_ledger(app, pilot)
        assert grid.row_count == 0 and "No numeric claims" in cell_detail(app)
        await pilot.press("enter", "f")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen) and app.is_running


async def test_ledger_keys_in_footer_and_palette(tmp_path: Path) -> None:
    app = make_app(sample(), tmp_path)
    async with app.run_test(size=NARROW) as pilot:
        await open_ledger(app, pilot)
        footer = " ".join(shown(key) for key in app.screen.query("FooterKey"))
        assert "Jump" in footer and "Conflicts only" in footer and "Close" in footer
        await pilot.press("ctrl+p", *"conflicts only")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, LedgerScreen) and "conflicts only" in title(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_o_jumps_to_the_other_passage_and_back(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(crossed(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        screen = reader(app)
        await pilot.press("o")  # passage 1: its conflict sits in one passage
        await settle(pilot)
        assert screen.current == 0
        assert any(
            "No figure here is set against another passage" in str(n.message)
            for n in app._notifications
        )
        await pilot.press("j")
        await settle(pilot)
        assert "↔ o: passages 3, 4" in status(screen)
        await pilot.press("o")
        await settle(pilot)
        assert screen.current == 2 and "↔ o: passage 4" in status(screen)
        await pilot.press("o")
        await settle(pilot)
        assert screen.current == 3 and "↔ o: back to 2" in status(screen)
        await pilot.press("o")
        await settle(pilot)
        assert screen.current == 1 and "↔ o: passages 3, 4" in status(screen)


@pytest.mark.parametrize("size", SIZES)
async def test_details_name_each_counterpart(tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(crossed(), tmp_path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("j", "d")
        await settle(pilot)
        assert isinstance(app.screen, DetailsScreen)
        text = str(app.screen.query_one("#details-text", Static).content)
        assert "↔ conflicts with “38” · Coast Herald · passage 3 (o goes there)" in text
        assert "↔ conflicts with “38” · Metro Post · passage 3 (o goes there)" in text
        assert (
            "↔ differs in precision from “41” · Global News Network · passage 4 (o goes there)"
            in text
        )
        await pilot.press("escape", "k", "d")
        text = str(app.screen.query_one("#details-text", Static).content)
        assert "↔ conflicts with “more than six hours” · Northern Wire (AFP) · this passage" in text


async def test_cell_details_on_the_seeds(tmp_path: Path, seeds: Alignment) -> None:
    """A long sentence is shown around its figure, starting at a word."""
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        grid = await open_ledger(app, pilot)
        row = [m.label for m in seeds.ledger].index("talks duration")
        wapo = next(a for a, art in enumerate(seeds.articles) if "Washington" in art.label)
        grid.cursor_coordinate = Coordinate(row, wapo + 1)
        await settle(pilot)
        detail = cell_detail(app)
        assert detail.startswith("talks duration · The Washington Post\n!“…")
        assert "“…counterpart, Recep Tayyip Erdogan, was made after nearly six hours" in detail
        assert "conflicts with more than six hours (4 Moscow Times, passage " in detail


async def test_columns_follow_a_resize(tmp_path: Path) -> None:
    app = make_app(crossed(), tmp_path)
    async with app.run_test(size=WIDE) as pilot:
        grid = await open_ledger(app, pilot)
        await pilot.press("down", "right", "right")
        wide = grid.ordered_columns[1].get_render_width(grid)
        await pilot.resize_terminal(*NARROW)
        await settle(pilot)
        assert grid.ordered_columns[1].get_render_width(grid) < wide
        assert grid.max_scroll_x == 0 and grid.cursor_coordinate == Coordinate(1, 2)
        assert " 6 " in visible_heads(grid)


@pytest.mark.parametrize("size", SIZES)
async def test_every_figure_and_name_reads_in_full(
    tmp_path: Path, size: tuple[int, int], seeds: Alignment
) -> None:
    """No figure or quantity is cut at 80 columns: long ones wrap and their row grows."""
    app = make_app(seeds, tmp_path)
    async with app.run_test(size=size) as pilot:
        grid = await open_ledger(app, pilot)
        screen = app.screen
        assert isinstance(screen, LedgerScreen)
        widths = [column.width for column in grid.ordered_columns]
        for r, row in enumerate(screen.rows):
            cells = [grid.get_cell_at(Coordinate(r, c)) for c in range(len(widths))]
            lines = [str(cell).split("\n") for cell in cells]
            assert all(len(line) <= w for ls, w in zip(lines, widths, strict=True) for line in ls)
            assert grid.ordered_rows[r].height == max(len(ls) for ls in lines)
            assert " ".join(" ".join(lines[0]).split()).endswith(" ".join(row.label.split()))
            for c in range(1, len(widths)):
                said = "".join("".join(lines[c]).split())  # a long word may take two lines
                for claim in (row.claims[i] for i in in_cell(row, c - 1)):
                    assert "".join(claim.quantity.text.split()) in said, (said, claim)


def test_wrapped_breaks_at_spaces_and_keeps_hyphenated_words() -> None:
    assert wrapped("more than six hours", 9) == ["more than", "six hours"]
    assert wrapped("the M-4 highway", 5) == ["the", "M-4", "highw", "ay"]
    assert wrapped("!nearly six", 7, " ") == ["!nearly", " six"]
    assert wrapped("", 5) == [""]
