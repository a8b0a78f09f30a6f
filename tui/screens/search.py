"""Search the text of all articles and jump to the passage of a hit."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from align.model import Alignment

from ..passages import SearchHit, search
from ..render import SEARCH_STYLE
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


class SearchScreen(Dialog[int]):
    """Type to search; Enter or a click on a result jumps to its passage."""

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
            yield Input(self.query_text, placeholder="words to find (Enter jumps to the first hit)")
            yield Static("", id="search-count")
            yield OptionList(id="search-results")
        yield Footer()

    @on(Input.Changed)
    def refresh_results(self, event: Input.Changed) -> None:
        self.hits = search(self.alignment, event.value)
        results = self.query_one(OptionList)
        results.clear_options()
        results.add_options(Option(hit_content(self.alignment, h)) for h in self.hits)
        count = f"{len(self.hits)} sentence(s)" + (" (first 200)" if len(self.hits) >= 200 else "")
        self.query_one("#search-count", Static).update(
            Content(count if event.value.strip() else "")
        )
        if self.hits:
            results.highlighted = 0

    @on(Input.Submitted)
    def jump_first(self) -> None:
        results = self.query_one(OptionList)
        if self.hits:
            self.dismiss(self.hits[results.highlighted or 0].group)

    @on(OptionList.OptionSelected)
    def jump_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index].group)

    def action_focus_results(self) -> None:
        self.query_one(OptionList).focus()
