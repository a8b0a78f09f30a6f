"""The whole engine in one call: paths in, Alignment out."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path

from .clean import clean, page_date, signed_date
from .compare import compare_group
from .facts import also_members, clauses
from .figures import read_figures
from .figures.scope import is_day
from .grouping import group_passages
from .grouping.corpus import Ref
from .ingest import load_sources
from .ledger import build_ledger
from .model import (
    Alignment,
    Article,
    Claim,
    Closest,
    Group,
    InputError,
    Measured,
    Member,
    Source,
)
from .normalize import normalise_word, stem, text_name_counts, tokens
from .segment import segment
from .wording import input_holders

# Told the stage and how far it is (0..1), between steps that each take well
# under a second; it may raise to stop the work (the reader does, to quit).
Progress = Callable[[str, float], None]


def _quiet(stage: str, fraction: float) -> None:
    """Default progress callback: says nothing."""


def _within(progress: Progress, i: int, count: int, fraction: float) -> None:
    """Cleaning's progress while article ``i`` of ``count`` is ``fraction`` done."""
    progress("cleaning", (i + fraction) / count)


def prepare(source: Source, step: Callable[[float], None] = lambda fraction: None) -> Article:
    """Clean and segment one source (``step``: the fraction done, now and then)."""
    cleaned = clean(source.raw, step)
    sentences = segment(cleaned, lambda fraction: step(0.8 + 0.2 * fraction))
    if not sentences:
        raise InputError(source.path, "no article text left after cleaning")
    title = source.title or cleaned.headline or sentences[0].text
    if source.date is None:  # a plain text copy may carry its date on a line of its own,
        # above its first paragraph, or above the second (a standfirst may stand over it),
        # or labelled "Published" above the fourth (a byline may stand over it too)
        breaks: list[int] = []
        at = cleaned.text.find("\n\n")
        while at >= 0 and len(breaks) < 3:
            breaks.append(at)
            at = cleaned.text.find("\n\n", at + 2)
        if not breaks:
            date = page_date(cleaned.dropped, len(source.raw))
        else:
            first, second = cleaned.origin[breaks[0]], cleaned.origin[breaks[0] + 2]
            fourth = cleaned.origin[breaks[2] + 2] if len(breaks) == 3 else None
            date = page_date(cleaned.dropped, first, second, fourth)
        if date is None:  # lines of a page's furniture kept above the story: a date line
            # there that is signed as the page's, above any related item's
            story = next((x.start for x in sentences if is_prose(x.text)), -1)
            related = (d.start for d in cleaned.dropped if d.reason == "related link")
            above = min(story, next(related, story))
            date = signed_date(source.raw, cleaned.dropped, above) if above >= 0 else None
        source = source._replace(date=date)
    return Article(source=source, sentences=sentences, dropped=cleaned.dropped, title=title)


def is_prose(text: str) -> bool:
    """A sentence of a story, not a page's furniture: ``PROSE_WORDS`` words or more,
    ending as a sentence does."""
    return len(text.split()) >= PROSE_WORDS and text.rstrip("\"”’')").endswith((".", "!", "?"))


PROSE_WORDS = 12


def require_two(sources: Sequence[Source]) -> None:
    """Comparison needs at least two articles: a one-line InputError otherwise."""
    if len(sources) < 2:
        where = sources[0].path if sources else "input"
        raise InputError(where, f"need at least two articles to compare, got {len(sources)}")


# Pairs of sentences from different articles that grouping may score: its
# time and memory grow with them (200 articles of 50 sentences: 99.5 million,
# about 420 MB; see README).
MAX_PAIRS = 100_000_000
# Sentences in all: grouping keeps about 14 KB per sentence (35,000 short distinct
# sentences in one 3 MB article peaked at 515 MB; 20,000 at 355 MB).
MAX_SENTENCES = 25_000


def require_bounded(articles: Sequence[Article]) -> None:
    """Refuse, before grouping starts, an input with more than ``MAX_SENTENCES``
    sentences or ``MAX_PAIRS`` sentence pairs, naming the longest article."""
    counts = [len(a.sentences) for a in articles]
    total = sum(counts)
    pairs = sum(c * (total - c) for c in counts)
    biggest = max(articles, key=lambda a: len(a.sentences))
    if total > MAX_SENTENCES:
        raise InputError(
            biggest.source.path,
            f"too many sentences: {total:,} in {len(articles)} articles, "
            f"{len(biggest.sentences):,} in this one (the limit is {MAX_SENTENCES:,} in all)",
        )
    if pairs > MAX_PAIRS:
        raise InputError(
            biggest.source.path,
            f"too many sentences to compare: {total:,} in {len(articles)} articles "
            f"(the limit is {MAX_PAIRS:,} pairs of sentences across articles)",
        )


def build_from_sources(sources: Sequence[Source], progress: Progress = _quiet) -> Alignment:
    """Clean, segment, align and compare already-loaded sources."""
    require_two(sources)
    articles: list[Article] = []
    for i, source in enumerate(sources):
        articles.append(prepare(source, partial(_within, progress, i, len(sources))))
    require_bounded(articles)
    articles = read_figures(articles, lambda fraction: progress("reading figures", fraction))
    progress("aligning", 0.0)
    drafts, matches = group_passages(articles, lambda fraction: progress("aligning", fraction))
    home = {
        (m.article, s): gid
        for gid, members in enumerate(drafts)
        for m in members
        for s in m.sentences
    }
    progress("comparing figures", 0.0)
    ledger = build_ledger(articles, lambda article, sentence: home[(article, sentence)])
    passages = also_members(articles, drafts, ledger.rows)
    closest = closest_groups(matches, home, passages, ledger.rows, ledger.families)
    holders = input_holders(articles)
    groups: list[Group] = []
    for gid, (members, joined) in enumerate(zip(drafts, passages, strict=True)):
        progress("comparing", gid / max(1, len(drafts)))
        numbers = ledger.divergences.get(gid, ())
        divergences = compare_group(articles, gid, members, numbers, holders)
        claims = ledger.claims.get(gid, ())
        groups.append(Group(gid, joined, divergences, claims, closest.get(gid, ())))
    progress("done", 1.0)
    warnings = (*(w for s in sources for w in s.warnings), *ledger.warnings)
    return Alignment(tuple(articles), tuple(groups), warnings, ledger.rows)


def closest_groups(
    matches: Sequence[tuple[float, Ref, Ref]],
    home: dict[Ref, int],
    passages: Sequence[Sequence[Member]],
    rows: Sequence[Measured],
    families: Sequence[Sequence[Claim]] = (),
) -> dict[int, tuple[Closest, ...]]:
    """For each group, the outlets it lacks that give one of its figures' quantities
    elsewhere (a ledger row), or whose sentence best matching one of its members sits
    in another group: group -> its ``Closest``, by article.

    Grouping links a pair only on strong evidence, so an outlet without a member
    may still report the fact in other words or in a sentence about two facts.
    Where it gives the same measured quantity (its first claim of the row, in
    reading order), else its nearest wording (the best match, highest cosine
    first, then reading order), is where a reader checks before taking the fact
    as not reported there.
    """
    present = [{m.article for m in members} for members in passages]
    found: dict[tuple[int, int], Closest] = {}
    # The row itself first, then its event's rows of other sorts: an outlet that gives
    # the ceasefire's start as "midnight" gives the "midnight Friday" of another.
    for row in rows:
        point_to(found, present, row.claims, _first_claims(row.claims))
    for apart in families:  # rows kept apart for want of a place: one measure all the same
        point_to(found, present, apart, _first_claims(apart))
    for family in timings(rows):
        for sort, others in elsewhere(family).items():
            for row in family[sort]:
                point_to(found, present, row.claims, others)
    best: dict[tuple[int, int], tuple[float, Ref, int]] = {}
    for cosine, mine, theirs in matches:
        key = (home[mine], theirs[0])
        if theirs[0] in present[key[0]] or key in found:
            continue  # the outlet has a member here, or gives one of its figures elsewhere
        known = best.get(key)
        if known is None or (-cosine, theirs) < (-known[0], known[1]):
            best[key] = (cosine, theirs, home[theirs])
    found.update({key: Closest(key[1], there, "wording") for key, (_, _, there) in best.items()})
    out: dict[int, list[Closest]] = defaultdict(list)
    for (group, _), closest in sorted(found.items()):
        out[group].append(closest)
    return {group: tuple(pointers) for group, pointers in out.items()}


Sort = tuple[str, str, str]  # a time or date row's kind, unit and zone


def timings(rows: Sequence[Measured]) -> list[dict[Sort, list[Measured]]]:
    """The ledger's time and date rows by the event and phase they time ("ceasefire",
    "start"), each event's by sort: its time of day, weekday, date, or time in another
    zone. Two rows of one sort are kept apart by the ledger for a reason (another day,
    another quake), so only rows of other sorts time the same moment otherwise."""
    events: dict[tuple[str, str], dict[Sort, list[Measured]]] = defaultdict(dict)
    for row in rows:
        q = row.claims[0].quantity
        if row.kind in ("time", "date") and q.event:
            # a time in another zone is another sort, unless a day dates it (another quake)
            dated = any(
                is_day(c.quantity.scope) or c.quantity.scope.kind == "dated" for c in row.claims
            )
            sort = (row.kind, row.unit, "" if dated else q.counted)
            events[(q.event, q.role)].setdefault(sort, []).append(row)
    return [family for family in events.values() if len(family) > 1]


Place = tuple[int, int, int]  # a claim's sentence, start and group: reading order


def elsewhere(family: dict[Sort, list[Measured]]) -> dict[Sort, dict[int, Place]]:
    """For each sort of an event's rows, each article's first claim in the other sorts.
    Read in one pass: each article's first claim of all, and its first in another sort
    than that one's (an event may be timed in a hundred zones)."""
    first: dict[int, tuple[Place, Sort]] = {}
    second: dict[int, Place] = {}
    for sort, rows in family.items():
        for article, place in _first_claims(c for r in rows for c in r.claims).items():
            held = first.get(article)
            if held is None or place < held[0]:
                if held is not None:
                    second[article] = held[0]
                first[article] = (place, sort)
            elif article not in second or place < second[article]:
                second[article] = place
    out: dict[Sort, dict[int, Place]] = {}
    for sort in family:
        others = {a: p for a, (p, s) in first.items() if s != sort}
        others.update({a: second[a] for a, (_, s) in first.items() if s == sort and a in second})
        out[sort] = others
    return out


def _first_claims(claims: Iterable[Claim]) -> dict[int, Place]:
    """Each article's first claim among ``claims`` in reading order, as (sentence,
    start, group)."""
    first: dict[int, Place] = {}
    for c in claims:
        place = (c.sentence, c.quantity.start, c.group)
        if c.article not in first or place < first[c.article]:
            first[c.article] = place
    return first


def point_to(
    found: dict[tuple[int, int], Closest],
    present: Sequence[set[int]],
    claims: Sequence[Claim],
    first: dict[int, Place],
) -> None:
    """Point each group of ``claims`` (a row's), for each article it lacks, to the group
    of that article's claim in ``first``, unless a pointer is there already."""
    for group in dict.fromkeys(c.group for c in claims):
        for article in first.keys() - present[group]:
            found.setdefault((group, article), Closest(article, first[article][2], "figure"))


def clear_caches() -> None:
    """Forget the per-sentence caches (tokens, stems, names).

    They only save repeated work; clearing them frees memory after a large
    input and lets benchmarks measure a cold run in one process.
    """
    for cached in (tokens, normalise_word, stem, text_name_counts, clauses):
        cached.cache_clear()


def build(paths: Sequence[str | Path], progress: Progress = _quiet) -> Alignment:
    """Load the given files or directories and align them."""
    return build_from_sources(load_sources(paths), progress)
