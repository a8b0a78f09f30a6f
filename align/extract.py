"""Extract: the article in a web page (main text, title, author, site, date).

The work is done by trafilatura, a maintained library made for it: it drops
navigation, related-article lists, cookie banners, share bars, comments and
footers, and reads the metadata from ``<meta>`` tags, JSON-LD and the page
itself. It is imported on the first page read, so reading text files never
pays for it (about 0.4 s and 60 MB of libraries).

The text handed on keeps one paragraph (or heading, or list item) per
block, blocks separated by a blank line, as cleaning and segmentation expect.
All offsets of a page's article refer to this extracted text.
"""

from __future__ import annotations

import logging
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import InputError

# trafilatura and the libraries it calls log their doubts; silent unless the host app logs
for _logger in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_logger).addHandler(logging.NullHandler())


@dataclass(frozen=True, slots=True)
class Extracted:
    """What a page holds: the article's text and metadata (None when the page does not say)."""

    text: str
    title: str | None = None
    author: str | None = None
    site: str | None = None  # the site's name ("The Daily Bugle"), or its host
    date: str | None = None  # ISO date of publication
    url: str | None = None  # the page's own address (canonical link), if it gives one


def extract(html: str, name: str, url: str | None = None) -> Extracted:
    """The article of an HTML page; ``name`` is the file or address, for the error message.

    A page whose main text cannot be found is an ``InputError``.
    """
    document = _bare_extraction(html, url)
    body = getattr(document, "body", None)
    text = "\n\n".join(_blocks(body)) if body is not None else ""
    if not text:
        raise InputError(name, "no article text found in the page")
    return Extracted(
        text=text,
        title=_field(document, "title"),
        author=_field(document, "author"),
        site=_field(document, "sitename") or _field(document, "hostname"),
        date=_field(document, "date"),
        url=_field(document, "url"),
    )


def outlet_from_host(url: str) -> str:
    """An outlet name from an address: its host without ``www.`` ("bugle.example")."""
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _bare_extraction(html: str, url: str | None) -> Any:
    """trafilatura's document for the page, or None (the library is imported here)."""
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,  # old sites lay pages out in tables; articles rarely need them
        include_images=False,
        include_links=False,
        deduplicate=False,
        prune_xpath="//noscript",  # "please enable JavaScript" is never the article
        # the publication date as the page states it, not a guess from any date in its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


# trafilatura's output tree: these hold blocks; every other element is one block
_CONTAINERS = frozenset({"body", "div", "list", "table", "row", "section", "article"})
_BREAK = "\ue000"  # stands for a <br> while the block's spacing is collapsed


def _blocks(element: Any) -> Iterator[str]:
    """The text of each paragraph, heading, list item or quotation, in order.

    Spacing inside a block is collapsed (a paragraph wrapped over several lines of
    HTML is one paragraph); a ``<br>`` stays a line break.
    """
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or processing instruction
        if child.tag in _CONTAINERS:
            yield from _blocks(child)
            continue
        for lb in child.iter("lb"):
            lb.tail = _BREAK + (lb.tail or "")
        lines = (" ".join(line.split()) for line in "".join(child.itertext()).split(_BREAK))
        text = "\n".join(line for line in lines if line)
        if text:
            yield text


def _field(document: Any, key: str) -> str | None:
    value = getattr(document, key, None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
