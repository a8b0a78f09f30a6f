"""Extract: the article in a web page (main text, title, author, site, date).

The work is done by trafilatura, a maintained library made for it: it drops
navigation, related-article lists, cookie banners, share bars, comments and
footers, and reads the metadata from ``<meta>`` tags, JSON-LD and the page
itself. It is imported on the first page read, so reading text files never
pays for it (about 0.4 s and 60 MB of libraries).

The text handed on keeps one paragraph (or heading, or list item) per
block, blocks separated by a blank line, as cleaning and segmentation expect.
All offsets of a page's article refer to this extracted text.

One preparation is done before: text split into paragraphs by blank lines of
``<br><br>`` instead of ``<p>`` elements (older sites, often inside layout
tables) is wrapped into ``<p>`` elements, as browsers' reader modes do.
trafilatura finds no paragraphs in such a page and falls back to keeping the
whole page as one block (navigation and cookie notice included); wrapped, it
keeps the article and drops the rest (measured in tests/bench/bench_web.py).
"""

from __future__ import annotations

import itertools
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
    site: str | None = None  # the site's name ("The Daily Bugle")
    date: str | None = None  # ISO date of publication
    url: str | None = None  # the page's own address (canonical link), if it gives one


def extract(html: str, name: str, url: str | None = None) -> Extracted:
    """The article of an HTML page; ``name`` is the file or address, for the error message.

    A page whose main text cannot be found is an ``InputError``.
    """
    root = _parse(html, name)
    document = _bare_extraction(root, url)
    blocks = _body_blocks(document)
    if len(blocks) == 1 and _paragraphs(root) > 1:
        # trafilatura fell back to the page's whole text as one run (short pages):
        # its precise mode keeps the paragraphs apart and leaves bylines out
        precise = _bare_extraction(root, url, favor_precision=True)
        blocks = _body_blocks(precise) or blocks
        document = precise if precise is not None else document
    text = "\n\n".join(blocks)
    if not text:
        raise InputError(name, "no article text found in the page")
    page_url = _field(document, "url")
    return Extracted(
        text=text,
        title=_field(document, "title"),
        author=_field(document, "author"),
        site=_site_name(_field(document, "sitename"), page_url),
        date=_field(document, "date"),
        url=page_url,
    )


def outlet_from_host(url: str) -> str:
    """An outlet name from an address: its host without ``www.`` or port ("bugle.example")."""
    host = urllib.parse.urlsplit(url).hostname or url
    return host.removeprefix("www.")


def _site_name(site: str | None, url: str | None) -> str | None:
    """The site's name, or None when trafilatura only copied the address's host and port
    (idlib-read then shows the host itself, see ``outlet_from_host``)."""
    if site and url and site.lower() == urllib.parse.urlsplit(url).netloc.lower():
        return None
    return site


def _parse(html: str, name: str) -> Any:
    """The page as an lxml tree, ``<br><br>`` paragraphs wrapped (see the module's doc)."""
    import lxml.etree
    import lxml.html

    try:
        try:
            root = lxml.html.document_fromstring(html)
        except ValueError:  # text that still declares an encoding (<?xml ... encoding=...?>)
            parser = lxml.html.HTMLParser(encoding="utf-8")
            root = lxml.html.document_fromstring(html.encode("utf-8"), parser=parser)
    except lxml.etree.ParserError:
        raise InputError(name, "no article text found in the page") from None
    breaks_to_paragraphs(root)
    return root


def _body_blocks(document: Any) -> list[str]:
    body = getattr(document, "body", None)
    return list(_blocks(body)) if body is not None else []


def _paragraphs(root: Any) -> int:
    """How many paragraph elements with text the page has."""
    return sum(1 for p in root.iter("p") if "".join(p.itertext()).strip())


def _bare_extraction(root: Any, url: str | None, favor_precision: bool = False) -> Any:
    """trafilatura's document for the page, or None (the library is imported here)."""
    import copy

    import trafilatura

    return trafilatura.bare_extraction(
        copy.deepcopy(root),
        favor_precision=favor_precision,
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


# --- paragraphs made of line breaks ----------------------------------------------------

_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "ul",
    }
)  # fmt: skip


def breaks_to_paragraphs(root: Any) -> None:
    """Wrap runs of text separated by two or more ``<br>`` into ``<p>`` elements, in place.

    Only elements holding such a double break are touched; block elements among
    their children stay where they are, and a single ``<br>`` stays a line break.
    """
    for element in list(root.iter()):
        if isinstance(element.tag, str) and _has_double_break(element):
            _rewrap(element)


def _has_double_break(element: Any) -> bool:
    children = list(element)
    return any(
        a.tag == "br" and b.tag == "br" and not (a.tail or "").strip()
        for a, b in itertools.pairwise(children)
    )


def _rewrap(element: Any) -> None:
    """Replace ``element``'s content by paragraphs (and its block children, in order)."""
    from lxml.html import Element

    for group in _groups(_detach(element)):
        if len(group) == 1 and _is_block(group[0]):
            element.append(group[0])
        elif any(not isinstance(item, str) or item.strip() for item in group):
            paragraph = Element("p")
            for item in group:
                _append(paragraph, item)
            element.append(paragraph)


def _detach(element: Any) -> list[Any]:
    """``element``'s content as a flat list of strings and tail-less children; emptied."""
    items: list[Any] = [element.text] if element.text else []
    element.text = None
    for child in list(element):
        element.remove(child)
        tail, child.tail = child.tail, None
        items.append(child)
        if tail:
            items.append(tail)
    return items


def _groups(items: list[Any]) -> list[list[Any]]:
    """Split content at double breaks and around block elements."""
    groups: list[list[Any]] = [[]]
    breaks: list[Any] = []
    for item in items:
        if not isinstance(item, str) and item.tag == "br":
            breaks.append(item)
            continue
        if isinstance(item, str) and not item.strip() and breaks:
            continue  # spacing between breaks
        if len(breaks) >= 2:
            groups.append([])
        else:
            groups[-1].extend(breaks)  # a single break stays a line break
        breaks = []
        if _is_block(item):
            groups += [[item], []]
        else:
            groups[-1].append(item)
    return groups


def _is_block(item: Any) -> bool:
    return not isinstance(item, str) and item.tag in _BLOCK_TAGS


def _append(paragraph: Any, item: Any) -> None:
    """Add a string or an element at the end of ``paragraph``."""
    if not isinstance(item, str):
        paragraph.append(item)
    elif len(paragraph):
        last = paragraph[-1]
        last.tail = (last.tail or "") + item
    else:
        paragraph.text = (paragraph.text or "") + item
