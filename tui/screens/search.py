"""Search the text of all articles and jump to the passage of a hit."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from align.model import Alignment
from align.text import counted, shorten

from ..passages import SEARCH_LIMIT, SearchHit, search, step_hit
from ..render import SEARCH_STYLE, Matches
from ..safe import plain, sanitize
from .modal import Dialog

SNIPPET = 50  # characters of context either side of a match


def hit_content(alignment: Alignment, hit: SearchHit) -> Content:
    """ "Outlet · …words around the match…" with the match highlighted."""
    text = alignment.articles[hit.article].sentences[hit.sentence].text
    lo, hi = max(0, hit.start - SNIPPET), min(len(text), hit.end + SNIPPET)
    snippet = Content(sanitize(text[lo:hi]).replace("\n", " "))
    snippet = snippet.stylize(SEARCH_STYLE, hit.start - lo, hit.end - lo)
    before = "…" if lo > 0 else ""
    after = "…" if hi < len(text) else ""
    label = plain(alignment.articles[hit.article].label, "bold")
    return Content.assemble(label, f" · passage {hit.group + 1}: {before}", snippet, after)


@dataclass(frozen=True, slots=True)
class Found:
    """What a search found and which hit the user chose (the reader steps on from it)."""

    query: str
    hits: tuple[SearchHit, ...]
    index: int

    @property
    def hit(self) -> SearchHit:
        return self.hits[self.index]


class SearchScreen(Dialog[Found]):
    """Type to search; Enter or a click on a result jumps to its passage.

    The reader then steps through the other hits' passages with ] and [.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "focus_results", "Results", show=False)
    ]

    def __init__(self, alignment: Alignment, query: str = "") -> None:
        super().__init__()
        self.alignment = alignment
        self.query_text = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            title = Content.styled("Search all articles", "bold") + Content.styled(
                "  (case, accents and hyphens ignored: m4 finds M-4)", "dim"
            )
            yield Static(title, classes="dialog-title")
            yield Input(
                self.query_text,
                placeholder="words to find · Enter: go there · ] [: next, previous hit",
            )
            yield Static("", id="search-count")
            yield OptionList(id="search-results")
        yield Footer()

    @on(Input.Changed)
    def refresh_results(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.hits = search(self.alignment, event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_content(self.alignment, h)) for h in self.hits)
        first = f" (first {SEARCH_LIMIT})" if len(self.hits) >= SEARCH_LIMIT else ""
        count = f"{counted(len(self.hits), 'sentence')}{first}"
        self.query_one("#search-count", Static).update(
            Content(count if event.value.strip() else "")
        )
        if self.hits:
            results.highlighted = 0

    @on(Input.Submitted)
    def jump_highlighted(self) -> None:
        if self.hits:
            self.choose(self.query_one(OptionList).highlighted or 0)

    @on(OptionList.OptionSelected)
    def jump_selected(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option_index)

    def choose(self, index: int) -> None:
        self.dismiss(Found(self.query_text.strip(), tuple(self.hits), index))

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()


class SearchActions(Screen[None]):
    """The reader's search keys: / asks, ] and [ step through the passages with a hit.

    ``found`` is the last search and the hit shown; mixed into the reader,
    whose ``jump`` goes to a hit's passage.
    """

    found: Found | None = None
    matched: Matches = MappingProxyType({})  # the hits' spans, marked
    alignment: Alignment  # what the reader provides

    def jump(self, group_id: int | None) -> None:
        raise NotImplementedError

    def mark_matches(self) -> None:
        """Mark ``matched`` wherever the text is shown (the reader's panes)."""
        raise NotImplementedError

    def action_search(self) -> None:
        """Search (the last query typed again), then go to the hit chosen."""
        query = self.found.query if self.found else ""
        self.app.push_screen(SearchScreen(self.alignment, query), self.searched)

    def searched(self, found: Found | None) -> None:
        if found is not None:
            self.found = found
            self.matched = {(h.article, h.sentence): (h.start, h.end) for h in found.hits}
            self.mark_matches()
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
