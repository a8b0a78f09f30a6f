"""Anchors: which sentences an annotation is about, and where they are now.

Anchors, not group numbers. Group numbers change whenever the engine or an
article changes, so an annotation names the sentences it is about: per sentence,
the article's file name (``Source.name``), a hash of the normalised sentence text
(NFKC, casefold, diacritics stripped, quotes and dashes unified, control
characters dropped, whitespace collapsed; sha256, first 16 hex digits) and a
short excerpt. ``attach`` finds each anchor by hash in the articles with that
file name; when the hash is gone (the sentence was edited) it fuzzy-matches the
excerpt against that article's sentences (rapidfuzz ratio >= FUZZY_THRESHOLD,
excerpts of at least FUZZY_MIN_CHARS characters only). The annotation goes to
the group holding most of its matched anchors (ties: the earliest anchor's
group). An annotation nothing matches any more is *detached*: it stays in the
file and in ``detached()``, and is never dropped. Anchors are refreshed only
when the reader edits the annotation (``apply_edit``), never silently on load.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..model import Alignment, Group
from ..text import CONTROL_CODES, shorten
from .format import Anchor, Annotation, JsonDict

HASH_CHARS = 16
EXCERPT_CHARS = 80
FUZZY_THRESHOLD = 85.0  # rapidfuzz ratio (0..100) an edited sentence must reach
FUZZY_MIN_CHARS = 20  # shorter excerpts are too ambiguous to match fuzzily

_UNIFIED = {
    **dict.fromkeys("‘’‚‛′`´", "'"),
    **dict.fromkeys("“”„‟″«»", '"'),
    **dict.fromkeys("‐‑‒–—―−⁃﹘﹣－", "-"),
}


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each character: combining
    marks and format characters (soft hyphen) vanish, control characters become
    spaces, quotes and dashes are unified; others map to themselves. Cached, so
    folding long texts runs at C speed."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        category = unicodedata.category(char)
        if unicodedata.combining(char) or category == "Cf":
            folded = ""
        else:
            folded = " " if code in CONTROL_CODES else _UNIFIED.get(char, char)
        self[code] = folded
        return folded


_FOLD = _FoldTable()
_CONTROLS = dict.fromkeys(CONTROL_CODES, " ")


def anchor_text(text: str) -> str:
    """Text reduced to what identifies a sentence across re-scrapes and small edits.

    NFKC, casefold, diacritics stripped, quotes and dashes unified, control
    characters dropped, whitespace collapsed. Linear in the length of the text.
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(unicodedata.normalize("NFD", folded).translate(_FOLD).split())


def sentence_hash(text: str) -> str:
    """The anchor hash of a sentence: sha256 of its normalised text, first 16 hex digits."""
    return _digest(anchor_text(text))


def _digest(normalised: str) -> str:
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_CHARS]


def excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    """A short, readable, single-line start of a sentence ("…" when cut), control
    characters read as spaces."""
    return shorten(text.translate(_CONTROLS), limit)


def anchors_for(alignment: Alignment, group: Group) -> tuple[Anchor, ...]:
    """Anchors for every sentence of every member of ``group``, in member order."""
    out: list[Anchor] = []
    for member, sentences in alignment.passages(group):
        name = alignment.articles[member.article].source.name
        out.extend(Anchor(name, sentence_hash(s.text), excerpt(s.text)) for s in sentences)
    return tuple(out)


Location = tuple[int, int]  # (article index, sentence index)


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """Per alignment: articles by file name, sentences by hash, normalised texts."""

    articles: Mapping[str, tuple[int, ...]]
    by_hash: Mapping[tuple[int, str], tuple[int, ...]]
    texts: Mapping[int, tuple[str, ...]]


def sentence_index(alignment: Alignment) -> SentenceIndex:
    names: dict[str, list[int]] = {}
    by_hash: dict[tuple[int, str], list[int]] = {}
    texts: dict[int, tuple[str, ...]] = {}
    for a, article in enumerate(alignment.articles):
        names.setdefault(article.source.name, []).append(a)
        texts[a] = tuple(anchor_text(s.text) for s in article.sentences)
        for s, norm in enumerate(texts[a]):
            by_hash.setdefault((a, _digest(norm)), []).append(s)
    return SentenceIndex(
        {k: tuple(v) for k, v in names.items()},
        {k: tuple(v) for k, v in by_hash.items()},
        texts,
    )


def locate(
    alignment: Alignment, anchor: Anchor, index: SentenceIndex | None = None
) -> Location | None:
    """Where an anchor's sentence is now: by hash, else by fuzzy excerpt; None if gone."""
    idx = index or sentence_index(alignment)
    articles = idx.articles.get(anchor.source, ())
    for a in articles:
        found = idx.by_hash.get((a, anchor.hash))
        if found:
            return a, found[0]
    return _fuzzy_locate(idx, articles, anchor.excerpt)


def _fuzzy_locate(idx: SentenceIndex, articles: Iterable[int], text: str) -> Location | None:
    """The best sentence whose start resembles the excerpt, above the threshold.

    Only an edited sentence comes here, so rapidfuzz is imported on first use:
    opening a file of annotations does not load it."""
    from rapidfuzz import fuzz, process

    truncated = text.endswith("…")
    wanted = anchor_text(text.removesuffix("…"))
    if len(wanted) < FUZZY_MIN_CHARS:
        return None
    best: tuple[float, int, int] | None = None
    for a in articles:
        choices = [t[: len(wanted)] if truncated else t for t in idx.texts[a]]
        hit = process.extractOne(wanted, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        if hit is not None and (best is None or hit[1] > best[0]):
            best = (hit[1], a, hit[2])
    return None if best is None else (best[1], best[2])


def attach_one(
    alignment: Alignment, ann: Annotation, index: SentenceIndex | None = None
) -> int | None:
    """The group holding most of the annotation's matched anchors, or None (detached)."""
    idx = index or sentence_index(alignment)
    groups: list[int] = []
    for anchor in ann.anchors:
        loc = locate(alignment, anchor, idx)
        if loc is not None:
            groups.append(alignment.group_of(*loc))
    if not groups:
        return None
    counts = Counter(groups)
    top = max(counts.values())
    return next(g for g in groups if counts[g] == top)


def export_annotation(alignment: Alignment, idx: SentenceIndex, ann: Annotation) -> JsonDict:
    group = attach_one(alignment, ann, idx)
    return {
        "id": ann.id,
        "group": group,
        "detached": group is None,
        "status": ann.status,
        "tags": list(ann.tags),
        "note": ann.note,
        "created": ann.created,
        "updated": ann.updated,
        "anchors": [_export_anchor(alignment, idx, a) for a in ann.anchors],
    }


def _export_anchor(alignment: Alignment, idx: SentenceIndex, anchor: Anchor) -> JsonDict:
    loc = locate(alignment, anchor, idx)
    return {
        "source": anchor.source,
        "hash": anchor.hash,
        "excerpt": anchor.excerpt,
        "article": None if loc is None else alignment.articles[loc[0]].id,
        "sentence": None if loc is None else loc[1],
    }
