"""The main screen: one pane per article, the current passage lined up across them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from textual import on
from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.events import Key, Resize
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static

from align.annotations import Annotation, AnnotationEdit, AnnotationStore
from align.model import Alignment, Group
from align.text import shorten

from ..claims import Trail, follow, trail_note
from ..passages import (
    FILTER_LABELS,
    FILTERS,
    SEARCH_LIMIT,
    FilterName,
    filtered,
    nearest,
    next_divergent,
    reach,
    step,
    step_hit,
    summary,
)
from ..render import legend
from ..widgets.article_pane import ArticlePane
from ..widgets.article_text import ArticleText
from ..widgets.stacked_view import StackedView
from ..widgets.status_line import Status, StatusLine
from .annotate import AnnotateScreen, detached_passage
from .annotate import passage_content as annotation_passage
from .annotations_list import AnnotationListScreen, list_entries
from .details import DetailsScreen
from .help import HelpScreen, key_name
from .ledger import LedgerScreen
from .notice import NoticeScreen
from .original import OriginalScreen
from .search import Found, SearchScreen

MAX_PANES = 9  # keys 1..9 toggle them; further outlets appear in the stacked layout
MIN_COLUMN = 30  # narrower columns are unreadable: switch to the stacked layout

PaletteEntry = tuple[str, str, str]


Note = tuple[str, bool, str]  # the status line's note on annotations: text, failed, short text


def opening_note(store: AnnotationStore | None) -> Note:
    """The status line's annotation note at start: a load problem, or how many notes."""
    if store is None:
        return ("", False, "")
    if store.load_error:
        return (store.status_message or store.load_error, True, UNREADABLE)
    if store.folder_problem:
        return (store.folder_problem, True, "⚠ notes folder missing")
    count = len(store.all())
    if not count:
        return ("", False, "")
    return (f"{count} note(s) in {store.path.name}", False, f"{count} notes")


def save_note(store: AnnotationStore | None, message: str, failed: bool) -> Note:
    """The note after a save or change; a file that could not be read stays in it."""
    if store is not None and store.load_error:
        return (f"{store.status_message} ({message})", True, UNREADABLE)
    short = "⚠ notes not saved" if failed else message.split(" (")[0].split(" to ")[0]
    return (message, failed, short)


UNREADABLE = "⚠ notes file unreadable"


class ReaderScreen(Screen[None]):
    """Reads an Alignment passage by passage; all navigation keys live here.

    The stylesheet (for the reader and its dialogs) is loaded with this screen,
    not with the app, so the loading view's first frame does not wait for it.

    ``current`` is the current passage's group id: whatever sets it (a key, a
    click, search, the ledger, the list of notes), :meth:`watch_current` shows
    it and lines the panes up.
    """

    current: reactive[int] = reactive(0, always_update=True, init=False)

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
        self.filter_name: FilterName = "all"
        self.ids = filtered(alignment.groups, "all")
        self.hidden: set[int] = set()
        self.forced_stacked: bool | None = None
        self.context = False
        self.annotated: set[int] = store.annotated_groups() if store else set()
        self.saved = opening_note(store)
        self.ready = False  # True once the first passage is shown
        self.all_panes: list[ArticlePane] = []
        self.trail: Trail | None = None  # where the o key has led
        self.found: Found | None = None  # the last search, and the hit shown

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
            note = f"{detached} annotation(s) no longer match a passage: press A to see them."
            self.notify(note, severity="warning", timeout=6)
        self._apply_layout()
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

    def _apply_layout(self) -> bool:
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
        if self._apply_layout():
            self.show_current()  # the panes line up again when they have their new sizes

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
                self.alignment, self.group, self.shown_articles(), self.context
            )
            return
        first = self.screenful()
        for pane in self.panes():
            pane.show(self.group, first)
        self.line_up()
        if any(pane.partial for pane in self.panes()):
            self.call_after_refresh(self.fill_panes)

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

    def status(self) -> Status:
        """What the status line should say now."""
        ids = self.ids
        position = ids.index(self.current) + 1 if self.current in ids else 0
        return Status(
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
        )

    def update_status(self) -> None:
        self.query_one(StatusLine).show(self.status())

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
        self.filter_name, self.ids = name, ids
        self.notify(f"Showing {FILTER_LABELS[name]} ({len(ids)}).", timeout=2)
        self.go(nearest(ids, self.home), chosen=False)

    @on(ArticleText.Selected)
    def select_sentence(self, event: ArticleText.Selected) -> None:
        self.jump(self.alignment.group_of(event.article, event.sentence))

    # layout keys

    def action_toggle_layout(self) -> None:
        self.forced_stacked = not self.stacked
        self._apply_layout()
        self.show_current()

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
        self.show_current()

    def action_toggle_pane(self, number: int) -> None:
        article = number - 1
        if article >= len(self.alignment.articles):
            return
        label = shorten(self.alignment.articles[article].label, 60)
        if article in self.hidden:
            self.hidden.discard(article)
            self.notify(f"Showing {label}.", timeout=2, markup=False)
        elif len(self.shown_articles()) > 1:
            self.hidden.add(article)
            self.notify(f"Hid {label} (press {number} to show it again).", timeout=2, markup=False)
        else:
            self.notify("At least one outlet stays shown.", timeout=3)
            return
        self._apply_layout()
        self.show_current()

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

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide keys that cannot apply (context outside the stacked layout, absent panes)
        and dim Diff when nothing diverges; :meth:`on_key` says why when one is pressed."""
        if self.unavailable(action, parameters) is None:
            return True
        return None if action == "divergent" else False

    def on_key(self, event: Key) -> None:
        """A key whose action cannot run now says why instead of doing nothing."""
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding)
            if event.key in (k.strip() for k in binding.key.split(",")):
                _, name, parameters = parse_action(binding.action)
                reason = self.unavailable(name, parameters)
                if reason is not None:
                    self.notify(reason, timeout=4)

    async def run_from_palette(self, action: str) -> None:
        """Run an action picked in the command palette, or say why it cannot run now."""
        _, name, parameters = parse_action(action)
        reason = self.unavailable(name, parameters)
        if reason is not None:
            self.notify(reason, timeout=4)
        else:
            await self.run_action(action)

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
            self.filter_name, self.ids = "all", filtered(self.alignment.groups, "all")
        self.go(group_id)

    def action_search(self) -> None:
        """Search (the last query typed again), then go to the hit chosen."""
        query = self.found.query if self.found else ""
        self.app.push_screen(SearchScreen(self.alignment, query), self.searched)

    def searched(self, found: Found | None) -> None:
        if found is not None:
            self.found = found
            self.show_hit(wrapped=False)

    def action_match(self, delta: int) -> None:
        """Go to the next (or previous) passage with a hit of the last search."""
        if self.found is None or not self.found.hits:
            return
        index, wrapped = step_hit(self.found.hits, self.found.index, delta)
        if index == self.found.index:
            self.notify("Every hit of this search is in this passage.", timeout=3)
            return
        self.found = Found(self.found.query, self.found.hits, index)
        self.show_hit(wrapped)

    def show_hit(self, wrapped: bool) -> None:
        """Go to the passage of the chosen hit, and say which hit of how many it is."""
        assert self.found is not None
        found, hit = self.found, self.found.hit
        label = shorten(self.alignment.articles[hit.article].label, 40)
        where = " (wrapped around)" if wrapped else ""
        count = f"{len(found.hits)}+" if len(found.hits) >= SEARCH_LIMIT else str(len(found.hits))
        self.notify(
            f"Hit {found.index + 1} of {count} for “{shorten(found.query, 40)}”: "
            f"{label}, passage {hit.group + 1}{where}. ] next, [ previous.",
            timeout=3,
            markup=False,
        )
        self.jump(hit.group)

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

    # annotations: the store (align.annotations) autosaves after every change

    def annotations_changed(self, message: str, failed: bool) -> None:
        """Refresh the marks and the status line after the store changed or saved."""
        self.saved = save_note(self.store, message, failed)
        self.annotated = self.store.annotated_groups() if self.store else set()
        for pane in self.all_panes:
            pane.refresh_marks(self.annotated)
        self.update_status()

    def action_annotate(self) -> None:
        if self.store is None:
            self.notify("Annotations are unavailable here.", severity="warning", timeout=3)
            return
        group, existing = self.group, self.store.for_group(self.current)
        screen = AnnotateScreen(
            f"Passage {group.id + 1}",
            annotation_passage(self.alignment, group),
            existing,
            suggestions=self.store.suggestions(),
        )
        self.app.push_screen(screen, partial(self._edited, group, existing))

    def _edited(
        self, group: Group, existing: Annotation | None, edit: AnnotationEdit | None
    ) -> None:
        if edit is None or self.store is None:
            return
        result = self.store.apply_edit(group, edit, existing)
        self.annotations_changed(result.message, not result.ok)

    def action_annotations(self) -> None:
        if self.store is None:
            self.action_annotate()
        else:
            entries = list_entries(self.store, self.alignment)
            self.app.push_screen(AnnotationListScreen(entries), self._listed)

    def _listed(self, ann_id: str | None) -> None:
        """Jump to an attached annotation's passage; open a detached one to read or delete."""
        if ann_id is None or self.store is None:
            return
        group = self.store.group_of(ann_id)
        if group is not None:
            self.jump(group)
            return
        annotation = self.store.get(ann_id)
        if annotation is not None:
            screen = AnnotateScreen("Detached annotation", detached_passage(annotation), annotation)
            self.app.push_screen(screen, partial(self._detached_edited, annotation))

    def _detached_edited(self, annotation: Annotation, edit: AnnotationEdit | None) -> None:
        """Save the editor's result for a detached annotation: its note, tags and status
        change (it has no passage to re-anchor to), or it is deleted."""
        if edit is None or self.store is None:
            return
        result = self.store.apply_edit(None, edit, annotation)
        self.annotations_changed(result.message, not result.ok)

    def action_save(self) -> None:
        if self.store is None:
            return
        result = self.store.save()
        self.annotations_changed(result.message, not result.ok)
        if self.store.load_error:  # the problem with the file is said again, not replaced
            self.warn_unreadable(f"Now: {result.message}.")
            return
        self.notify(result.message, severity="information" if result.ok else "error", markup=False)

    def warn_unreadable(self, now: str = "") -> None:
        """Say that the annotation file could not be read, in a dialog that stays until closed."""
        message = self.store.status_message if self.store else None
        if message:
            text = f"{message}.\n\n{now}".strip()
            self.app.push_screen(NoticeScreen("Your annotation file could not be read", text))

    def unsaved(self) -> bool:
        """Try to save pending notes; True if some could not be saved."""
        if self.store is None or not self.store.dirty:
            return False
        result = self.store.save()
        self.annotations_changed(result.message, not result.ok)
        return not result.ok
