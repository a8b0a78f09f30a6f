"""The main screen: one pane per article, the current passage lined up across them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Resize
from textual.reactive import var
from textual.widgets import Footer, Static

from align.annotations import AnnotationStore
from align.model import Alignment, Group
from align.text import counted, shorten

from ..claims import Trail, follow, trail_note
from ..passages import (
    FILTER_LABELS,
    FILTERS,
    FilterName,
    filtered,
    nearest,
    next_divergent,
    reach,
    step,
    summary,
)
from ..render import legend
from ..widgets.article_pane import ArticlePane
from ..widgets.article_text import ArticleText
from ..widgets.stacked_view import StackedView
from ..widgets.status_line import Status, StatusLine
from .details import DetailsScreen
from .explained_keys import ExplainedKeys
from .help import HelpScreen, key_name
from .ledger import LedgerScreen
from .original import OriginalScreen
from .reader_notes import NotesActions, opening_note
from .search import SearchActions

MAX_PANES = 9  # keys 1..9 toggle them; further outlets appear in the stacked layout
MIN_COLUMN = 30  # narrower columns are unreadable: switch to the stacked layout

PaletteEntry = tuple[str, str, str]


class ReaderScreen(NotesActions, SearchActions, ExplainedKeys):
    """Reads an Alignment passage by passage; all navigation keys live here.

    What is shown is said by reactives, and only their watchers draw:
    ``current`` (the current passage's group id: whatever sets it, a key, a
    click, search, the ledger or the list of notes, :meth:`watch_current`
    shows it and lines the panes up), ``filter_name`` (which passages the keys
    step through), ``hidden`` (outlets whose panes are hidden),
    ``forced_stacked`` (the layout the user chose, or None for the one the
    width allows) and ``context`` (the stacked layout's sentences around).
    Annotations (``annotated``, ``saved``) and search are mixed in from
    ``reader_notes`` and ``search``; keys that cannot apply say why
    (``explained_keys``).
    """

    # vars, not reactives: a reactive repaints the whole screen when it is set,
    # where the watchers redraw only what changed (a j is the rows of two passages)
    current: var[int] = var(0, always_update=True, init=False)
    filter_name: var[FilterName] = var("all", init=False)
    hidden: var[frozenset[int]] = var(frozenset(), init=False)
    forced_stacked: var[bool | None] = var(None, init=False)
    context: var[bool] = var(False, init=False)
    DIMMED = frozenset({"divergent"})  # Diff is dimmed, not hidden, when nothing diverges

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Next", tooltip="Go to the next passage"),
        Binding("k,up", "move(-1)", "Prev", show=False, tooltip="Go to the previous passage"),
        Binding("g,home", "edge(0)", "First", show=False, tooltip="Go to the first passage"),
        Binding("G,end", "edge(1)", "Last", show=False, tooltip="Go to the last passage"),
        Binding("n", "divergent(1)", "Diff", tooltip="Next passage with a divergence"),
        Binding(
            "N",
            "divergent(0)",
            "Prev diff",
            show=False,
            tooltip="Previous passage with a divergence",
        ),
        Binding("slash", "search", "Find", tooltip="Search the text of all articles and jump"),
        Binding(
            "right_square_bracket",
            "match(1)",
            "Hit",
            key_display="]",
            tooltip="Go to the next passage with a hit of the last search",
        ),
        Binding(
            "left_square_bracket",
            "match(-1)",
            "Prev hit",
            key_display="[",
            show=False,
            tooltip="Go to the previous passage with a hit of the last search",
        ),
        Binding("f", "cycle_filter", "Filter", tooltip="Cycle: all, divergent, numbers, single"),
        Binding("m", "ledger", "Ledger", tooltip="Claims ledger: measured quantities by outlet"),
        Binding("d", "details", "Details", tooltip="Every divergence of this passage, explained"),
        Binding(
            "o",
            "other",
            "Other passage",
            show=False,
            tooltip="Go to the passage holding a figure set against one here (again: next, back)",
        ),
        Binding(
            "r", "original", "Original", show=False, tooltip="The original text around this passage"
        ),
        Binding("a", "annotate", "Note", show=False, tooltip="Annotate this passage"),
        Binding("A", "annotations", "Notes", show=False, tooltip="List annotations and jump"),
        Binding("s", "save", "Save", show=False, tooltip="Save annotations now"),
        Binding("l", "toggle_layout", "Layout", show=False, tooltip="Side by side or stacked"),
        Binding(
            "c",
            "toggle_context",
            "Context",
            show=False,
            tooltip="Stacked layout: the sentences around",
        ),
        Binding(
            "space,pagedown", "page(1)", "Page down", show=False, tooltip="Scroll the text down"
        ),
        Binding("b,pageup", "page(-1)", "Page up", show=False, tooltip="Scroll the text up"),
        *(
            Binding(str(n), f"toggle_pane({n})", f"Pane {n}", show=False, tooltip="Hide or show")
            for n in range(1, MAX_PANES + 1)
        ),
        Binding("question_mark", "help", "Help", tooltip="Keys and what the highlights mean"),
    ]

    def __init__(self, alignment: Alignment, store: AnnotationStore | None = None) -> None:
        super().__init__()
        self.alignment = alignment
        self.store = store
        self.home = 0  # the passage the user chose; filters look for the nearest to it
        self.ids = filtered(alignment.groups, "all")  # the passages filter_name lets through
        annotated = frozenset(store.annotated_groups() if store else ())
        self.set_reactive(ReaderScreen.annotated, annotated)
        self.set_reactive(ReaderScreen.saved, opening_note(store))
        self.ready = False  # True once the first passage is shown
        self.all_panes: list[ArticlePane] = []
        self.trail: Trail | None = None  # where the o key has led

    # composition and layout

    def compose(self) -> ComposeResult:
        reaches = reach(self.alignment)
        count = min(MAX_PANES, len(self.alignment.articles))
        self.all_panes = [
            ArticlePane(self.alignment, a, reaches[a], self.annotated) for a in range(count)
        ]
        with Horizontal(id="panes"):
            yield from self.all_panes
        yield StackedView(id="stacked")
        yield Static(legend(), id="legend")
        yield StatusLine(id="status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        # The engine's results, the modules and these widgets live as long as the
        # app: moving them out of the collector's reach keeps its full passes (100+
        # ms over all of them) from landing on the first passage or on a keypress.
        # Again after the first frame, for what drawing it made.
        gc.freeze()
        detached = len(self.store.detached()) if self.store else 0
        if detached:
            lost = counted(detached, "annotation")
            verb = "matches" if detached == 1 else "match"
            note = f"{lost} no longer {verb} a passage: press A to see them."
            self.notify(note, severity="warning", timeout=6)
        self.apply_layout()
        self.go(self.ids[0] if self.ids else 0)
        self.ready = True
        if self.store is not None and self.store.load_error:
            self.call_after_refresh(self.warn_unreadable)  # over the first passage
        self.call_after_refresh(gc.freeze)

    def on_unmount(self) -> None:
        """Hand the frozen objects back to the collector (tests open many apps in one process)."""
        gc.unfreeze()

    @property
    def group(self) -> Group:
        return self.alignment.groups[self.current]

    @property
    def stacked(self) -> bool:
        return self.has_class("-stacked")

    def shown_articles(self) -> list[int]:
        """Articles not hidden by the user, in order."""
        return [a for a in range(len(self.alignment.articles)) if a not in self.hidden]

    def panes(self) -> Iterator[ArticlePane]:
        """The panes currently displayed."""
        return (p for p in self.all_panes if p.article not in self.hidden)

    def apply_layout(self) -> bool:
        """Pick side-by-side or stacked for the current width; True if it changed."""
        columns = max(1, sum(1 for _ in self.panes()))
        stacked = self.size.width < columns * MIN_COLUMN
        if self.forced_stacked is not None:
            stacked = self.forced_stacked
        changed = stacked != self.stacked
        self.set_class(stacked, "-stacked")
        for pane in self.all_panes:
            pane.set_class(pane.article in self.hidden, "-hidden")
        return changed

    def on_resize(self, event: Resize) -> None:
        for pane in self.all_panes:
            pane.text.fit()
        if self.apply_layout():
            self.show_current()  # the panes line up again when they have their new sizes

    def watch_hidden(self) -> None:
        self.apply_layout()
        self.show_current()

    def watch_forced_stacked(self) -> None:
        self.apply_layout()
        self.show_current()

    def watch_context(self) -> None:
        self.show_current()

    def watch_filter_name(self, name: FilterName) -> None:
        self.ids = filtered(self.alignment.groups, name)

    # showing the current passage

    def go(self, group_id: int, *, chosen: bool = True) -> None:
        """Make ``group_id`` the current passage (shown by :meth:`watch_current`).

        ``chosen`` is False when a filter moved there: cycling back to "all"
        then returns to the passage the user had chosen, not a neighbour of it.
        """
        if not self.alignment.groups:
            return
        target = max(0, min(group_id, len(self.alignment.groups) - 1))
        if chosen:
            self.home = target
        self.current = target

    def watch_current(self) -> None:
        """The one place a new current passage is shown and the panes lined up."""
        self.show_current()

    def show_current(self) -> None:
        """Redraw whichever layout is active for the current passage."""
        if not self.all_panes:  # not composed yet
            return
        self.update_status()  # first, so its repaint joins the panes' in one frame
        if self.stacked:
            self.query_one(StackedView).show(
                self.alignment, self.group, self.shown_articles(), self.context, self.matched
            )
            return
        first = self.screenful()
        for pane in self.panes():
            pane.show(self.group, first)
        self.line_up()
        if any(pane.partial for pane in self.panes()):
            self.call_after_refresh(self.fill_panes)

    def mark_matches(self) -> None:
        """Mark what the last search matched: in the panes' text, and in the stacked
        layout's passage (which marks it as it shows each passage)."""
        for pane in self.all_panes:
            pane.mark_found(self.matched)
        if self.stacked:
            self.show_current()

    def screenful(self) -> tuple[int, int]:
        """(width, rows) no pane's text exceeds: what a pane's first window must fill."""
        columns = max(1, sum(1 for _ in self.panes()))
        size = self.size if self.size.area else self.app.size
        return (size.width // columns, size.height)

    def fill_panes(self) -> None:
        """Once the first screenful is on screen, lay out the rest of the panes' windows."""
        filled = [pane.fill() for pane in list(self.panes())]
        if any(filled):
            self.line_up()

    @on(ArticleText.Relaid)
    def line_up(self) -> None:
        """Scroll every pane so the current passage (or its gap line) sits on one row.

        The row is a third of the way down, or higher when a passage is too near
        the top of its article to come down that far. Each pane knows its rows
        as soon as it has a width, so this scrolls before the next frame; a pane
        without one yet (before the first layout) says so when it has one
        (``ArticleText.Relaid``), and the panes are lined up again.
        """
        if self.stacked:
            return
        panes = list(self.panes())
        ys = [pane.anchor_row() for pane in panes]
        if not panes or None in ys:
            return
        rows = [y for y in ys if y is not None]
        row = min([panes[0].body.scrollable_content_region.height // 3, *rows])
        for pane, y in zip(panes, rows, strict=True):
            pane.body.scroll_to(y=y - row, animate=False, immediate=True)

    def update_status(self) -> None:
        """Say on the status line where the reader is and what this passage holds."""
        if not self.all_panes:  # not composed yet
            return
        ids = self.ids
        position = ids.index(self.current) + 1 if self.current in ids else 0
        status = Status(
            position=position,
            shown=len(ids),
            filter_label=FILTER_LABELS[self.filter_name],
            outlets=len(self.group.members),
            of_outlets=len(self.alignment.articles),
            divergences=summary(self.group),
            annotated=self.current in self.annotated,
            saved=self.saved[0],
            save_failed=self.saved[1],
            number=self.current + 1,
            short_divergences=summary(self.group, short=True),
            short_saved=self.saved[2],
            note=trail_note(self.group, self.trail),
            short_note=trail_note(self.group, self.trail, short=True),
        )
        self.query_one(StatusLine).show(status)

    # navigation

    def action_move(self, delta: int) -> None:
        target = step(self.ids, self.current, delta)
        if target == self.current:
            self.app.bell()
        self.go(target)

    def action_edge(self, last: int) -> None:
        if self.ids:
            self.go(self.ids[-1] if last else self.ids[0])

    def action_divergent(self, forward: int) -> None:
        target = next_divergent(self.alignment.groups, self.ids, self.current, bool(forward))
        if target is None:
            where = "after" if forward else "before"
            self.notify(f"No passage with a divergence {where} this one.", timeout=3)
            return
        self.go(target)

    def action_cycle_filter(self) -> None:
        at = FILTERS.index(self.filter_name)
        for name in (*FILTERS[at + 1 :], *FILTERS[:at]):
            ids = filtered(self.alignment.groups, name)
            if ids:
                break
            self.notify(f"No {FILTER_LABELS[name]}: skipped.", timeout=3)
        self.filter_name = name
        self.notify(f"Showing {FILTER_LABELS[name]} ({len(ids)}).", timeout=2)
        self.go(nearest(self.ids, self.home), chosen=False)

    @on(ArticleText.Selected)
    def select_sentence(self, event: ArticleText.Selected) -> None:
        self.jump(self.alignment.group_of(event.article, event.sentence))

    # layout keys

    def action_toggle_layout(self) -> None:
        self.forced_stacked = not self.stacked

    def action_page(self, direction: int) -> None:
        """Scroll the text by most of a screen: every pane together, or the stack."""
        if self.stacked:
            stack = self.query_one(StackedView)
            stack.scroll_relative(y=direction * max(1, stack.size.height - 2), animate=False)
            return
        for pane in self.panes():
            step = max(1, pane.body.size.height - 2)
            pane.body.scroll_relative(y=direction * step, animate=False)

    def action_toggle_context(self) -> None:
        self.context = not self.context

    def action_toggle_pane(self, number: int) -> None:
        article = number - 1
        if article >= len(self.alignment.articles):
            return
        label = shorten(self.alignment.articles[article].label, 60)
        if article in self.hidden:
            self.hidden = self.hidden - {article}
            self.notify(f"Showing {label}.", timeout=2, markup=False)
        elif len(self.shown_articles()) > 1:
            self.hidden = self.hidden | {article}
            self.notify(f"Hid {label} (press {number} to show it again).", timeout=2, markup=False)
        else:
            self.notify("At least one outlet stays shown.", timeout=3)

    def unavailable(self, action: str, parameters: tuple[object, ...]) -> str | None:
        """Why ``action`` cannot run now (said when its key is pressed), or None."""
        if action == "toggle_context" and not self.stacked:
            return "c shows the sentences around a passage in the stacked layout: press l first."
        if action == "toggle_pane":
            count = len(self.alignment.articles)
            keys = min(MAX_PANES, count)
            if int(str(parameters[0])) > keys:
                return (
                    f"No pane {parameters[0]}: {count} outlets, keys 1–{keys} hide and show them."
                )
        if action == "match" and self.found is None:
            return "No search yet: press / to search, then ] and [ go to the next and previous hit."
        if action == "match" and self.found is not None and not self.found.hits:
            return "The last search found nothing: press / to search again."
        if action == "divergent" and not any(g.divergences for g in self.alignment.groups):
            return "No passage has a divergence: the outlets agree throughout."
        return None

    def palette(self) -> list[PaletteEntry]:
        """(title, help, action) for the command palette: every key's action."""
        entries: list[PaletteEntry] = []
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            title = f"{binding.description}: {binding.tooltip}"
            keys = f"key: {key_name(binding)}"
            if binding.action.startswith("toggle_pane("):
                number = int(binding.action[len("toggle_pane(") : -1])
                if number > len(self.alignment.articles):
                    continue
                label = shorten(self.alignment.articles[number - 1].label, 40)
                title = f"Hide or show pane {number}: {label}"
            entries.append((title, keys, binding.action))
        return entries

    # dialogs

    def jump(self, group_id: int | None) -> None:
        """Go to a passage picked in a dialog or clicked, clearing a filter that would hide it."""
        if group_id is None:
            return
        if group_id not in self.ids:
            self.filter_name = "all"
        self.go(group_id)

    def action_ledger(self) -> None:
        self.app.push_screen(LedgerScreen(self.alignment), self.jump)

    def action_other(self) -> None:
        """Jump to the passage holding a counterpart of a figure here (again: the next one,
        then back); the status line says where it leads."""
        self.trail = follow(self.group, self.trail)
        if self.trail is None:
            self.notify("No figure here is set against another passage.", timeout=3)
            return
        self.jump(self.trail.current)

    def action_details(self) -> None:
        self.app.push_screen(DetailsScreen(self.alignment, self.group))

    def action_original(self) -> None:
        self.app.push_screen(OriginalScreen(self.alignment, self.group))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen([b for b in self.BINDINGS if isinstance(b, Binding)]))
