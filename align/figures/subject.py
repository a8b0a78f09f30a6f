"""What a figure measures: the counted noun, what happened to it, and its event.

* ``counted`` is the normalised head noun after the figure ("59 Turkish
  soldiers" -> "turkish soldier": capitalised modifiers are kept because they
  tell Turkish from Syrian soldiers; lower-case adjectives are dropped).
* ``role`` is what happened to what is counted ("killed", "injured",
  "displaced", "evacuated", ...), from a verb or noun next to the figure:
  right before it ("killed at least 15"), after it in its clause ("59
  soldiers have been killed"), or inherited from the figure it is listed with
  ("killed 5 soldiers and 3 civilians", "300 civilians, including 100
  children, died").
* ``event`` is what a time, date or duration belongs to ("ceasefire",
  "talks"), and for times and dates the phase of it named ("start", "end").

Verbs are read from word lists around the figure, not parsed: a word that
says a role sits within a few words of the figure in news prose.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import NamedTuple

from .lexicon import (
    BODY_NOUNS,
    BODY_ROLES,
    CLAUSE_ENDS,
    DETERMINERS,
    DIMENSIONS,
    EVENT_OF,
    FUNCTION,
    IRREGULAR,
    MEASURE_VERBS,
    MONTHS,
    OPPOSITE,
    PHASE_OF,
    RELATIVE_DAYS,
    ROLE_NOUNS,
    ROLE_OF,
    SAY_VERBS,
    SENTENCE_ENDS,
    SKIPPABLE,
    SYNONYMS,
    WEEKDAYS,
)
from .tokens import Hit, Stream, is_list_marker, possessive_form


def singular(word: str) -> str:
    """A simple English singular: children -> child, cities -> city, talks kept."""
    if word in IRREGULAR:
        return IRREGULAR[word]
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    return word[:-1] if word.endswith("s") else word


def plural(word: str) -> bool:
    """Looks like a plural noun: after a figure, the first one ends the phrase."""
    if word in IRREGULAR:
        return IRREGULAR[word] != word or word == "people"
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def noun(word: str) -> str:
    """Normalised head noun: lower case, singular, common synonyms merged."""
    single = singular(word.lower())
    return SYNONYMS.get(single, single)


def counted(s: Stream, j: int, kind: str) -> str:
    """Normalised head of what a figure counts, from the words after it.

    A percent only counts what follows "of" ("40% of the vote"), money what
    follows "of"/"in" ("$5m in aid"): words right after them are verbs or
    time phrases far more often than nouns.
    """
    if kind == "percent" and s.low(j) != "of":
        return ""
    if kind == "money":
        return noun_phrase(s, j + 1) if s.low(j) in ("of", "in") else ""
    head = noun_phrase(s, j)
    if head == "" and kind == "count":
        if s.low(j) == "the" and s.low(j + 1) in ("number", "tally") and s.low(j + 2) == "of":
            return noun_phrase(s, j + 2)  # "brought to 59 the number of soldiers killed"
        return number_of_before(s, j)
    return head


NUMBER_WORDS = ("number", "total", "tally", "toll")


def noun_phrase(s: Stream, j: int) -> str:
    """ "Turkish soldiers have" -> "turkish soldier"; "of the rebel fighters" -> "fighter"."""
    if s.low(j) == "of":
        j += 1 + int(s.low(j + 1) in DETERMINERS)
    elif s.low(j) == "-" and s.glued(j) and s.glued(j + 1):
        if s.low(j + 1) == "seater":
            return "seat"  # "a 72-seater aircraft": its seats, not who was aboard
        j += 1  # "a 12-point plan"
    words = phrase_words(s, j)
    if not words:
        return ""
    head = words[-1]
    if s.low(head).endswith("ed") or noun(s.low(head)) in SKIPPABLE:
        return ""
    mods = [s.low(k) for k in words[:-1] if s.capital(k)]
    if is_demonym(s, head):
        return "people"  # "1 million Syrians", "two Russians"
    return " ".join([*mods, noun(s.low(head))])


def is_demonym(s: Stream, k: int) -> bool:
    """ "Syrians", "Afghans", "Iraqis", "Turks": a capitalised plural for people, not a
    word of a title-case headline ("59 Soldiers Died")."""
    word = s.low(k)
    if not (s.capital(k) and plural(word)) or s.capital(k + 1):
        return False
    return word.endswith(("ans", "ese", "is", "ks", "ots", "its"))


def phrase_words(s: Stream, j: int) -> list[int]:
    """Up to four words after a figure, stopping at punctuation or a function word."""
    words: list[int] = []
    k = j
    while k < len(s.toks) and len(words) < 4 and s.kind(k) == "word":
        t = s.low(k)
        if t in FUNCTION and t not in SKIPPABLE:
            break
        if words and t.endswith("ed") and not s.glued(k):
            break
        if t in WEEKDAYS or t in RELATIVE_DAYS or (t in MONTHS and s.capital(k)):
            break  # "34 overnight", "59 on Thursday": a time, not what is counted
        k = compound_end(s, k)  # "face-to-face talks": one word, whatever it holds
        t = s.low(k)
        if t not in SKIPPABLE:
            words.append(k)
        if plural(t):
            break
        k = s.skip_hyphen(k + 1)
    return words


def compound_end(s: Stream, k: int) -> int:
    """The last part of words joined by hyphens around a function word at ``k``
    ("face-to-face", "one-on-one", "state-of-the-art"), else ``k``. Other compounds are
    read part by part ("Turkish-backed fighters" keeps "Turkish"), and a plural before
    a dash typed as a hyphen ends its phrase ("40 civilians-including 12 children")."""
    end = k
    while s.skip_hyphen(end + 1) > end + 1 and s.kind(end + 2) == "word":
        end += 2
    inner = [s.low(j) for j in range(k + 2, end, 2)]
    return end if not plural(s.low(k)) and any(w in FUNCTION for w in inner) else k


def number_of_before(s: Stream, j: int) -> str:
    """ "the number of Turkish soldiers killed ... to 59": the head of that phrase.

    "the death toll rose to 2,300" and "its toll rose to 59" count deaths.
    """
    for k in range(j - 2, max(s.count_floor, j - TALLY_REACH) - 1, -1):
        tally = is_tally(s, k)
        # "the death toll", "its toll"; "Toll rises to 16" opening a headline or an item
        toll = s.low(k) == "toll" and (
            s.low(k - 1) in TOLL_BEFORE
            or ((k == 0 or s.low(k - 1) in ITEM_MARKS) and s.low(k + 1) in TOLL_AFTER)
        )
        far = k < s.floor or j - k > TALLY_NEAR  # past a date or far: only in its clause
        if (tally or toll) and far and clause_ends_between(s, k, j):
            return ""  # not "the toll ..., and 40", "the number of players ..., while 300"
        if tally:  # "the number of dead (rose)": people, whom its role says; not "dead
            # cattle", "injured miners", nor "dead and wounded" (the two)
            after = s.low(k + 3)
            dead = s.low(k + 2) in HARMED and (after in TALLY_VERBS or s.kind(k + 3) != "word")
            return "" if dead else noun_phrase(s, k + 1)
        if toll:
            return toll_owner(s, k) or "death"  # "its toll rose to 59": a toll counts deaths
    return ""


# Words from a tally to its figure: "The number of the Turkish soldiers who were killed
# in Idlib since the beginning of last February rose to 60"
TALLY_REACH = 24
TALLY_NEAR = 16  # words within which a tally may reach past a comma
HARMED = frozenset({"dead", "killed", "wounded", "injured", "missing", "displaced"})
TALLY_VERBS = frozenset(
    {"rose", "rises", "risen", "stood", "stands", "reached", "reaches", "climbed", "climbs"}
    | {"jumped", "went", "passed", "topped", "hit", "was", "is", "has", "had", "increased"}
)


def clause_ends_between(s: Stream, k: int, j: int) -> bool:
    """Whether a clause ends between tokens ``k`` and ``j``."""
    return any(s.low(m) in CLAUSE_ENDS or s.low(m) in ("and", "but") for m in range(k + 1, j))


ARMED = frozenset({"military", "army"})  # a toll of theirs counts soldiers
TOLL_BEFORE = frozenset({"death", "the", "its", "their"})
# "Toll" opening a headline or an item: "Toll rises to 16", "Toll from camp strike
# rises" (not "Toll road traffic fell to 60,000", "Toll workers number 2,000")
TOLL_AFTER = TALLY_VERBS | {"from", "in", "at", "after"}
ITEM_MARKS = frozenset({"*", "-", "•", "·", "–"})


def toll_owner(s: Stream, k: int) -> str:
    """Whose dead a toll at token k counts, where a possessive says so ("the regime's
    toll": "regime"), else "": not people in general. An armed force's toll counts its
    soldiers: "the Turkish military's death toll" and "Turkey's military death toll"
    are "turkish soldier" and "turkey soldier"."""
    j = k - 1 - int(s.low(k - 1) == "death")
    victims = s.low(k + 1) in ("among", "of")  # "the military's death toll among protesters"
    armed = s.low(j) in ARMED and not possessive_form(s, j) and not victims
    j -= int(armed)  # "Turkey's military death toll"
    if j < 0 or not possessive_form(s, j) or s.kind(j) != "word":
        return ""
    mods: list[str] = []
    for m in range(j - 1, max(-1, j - 3), -1):
        if not s.capital(m) or s.low(m) in FUNCTION:
            break
        mods.insert(0, s.low(m))
    if armed or (s.low(j) in ARMED and not victims):
        return " ".join([*mods, "soldier"] if mods else [s.low(j), "soldier"])
    return " ".join([*mods, noun(s.low(j))])


def loser(s: Stream, first: int) -> str:
    """The name before "lost" right before a count ("Turkey has lost 59 soldiers"), in
    lower case: whose they were; "" for a pronoun or a plural ("Officials said ...")."""
    k = first - 1
    if s.low(k) != "lost":
        return ""
    k -= 1 + int(s.low(k - 1) in ("has", "have", "had"))
    word = s.low(k)
    if k < 0 or not s.capital(k) or word in FUNCTION or plural(word):
        return ""
    return word


def others_of(s: Stream, hit: Hit) -> bool:
    """A count of "others" ("two soldiers were killed and six others wounded"): more
    of what the count before it in the sentence counts."""
    return s.low(hit.end) == "others"


def noun_before(s: Stream, first: int) -> str:
    """The noun a measure applies to when it directly precedes it ("a corridor 4 km wide")."""
    k = first - 1
    if k < s.floor or s.kind(k) != "word" or not is_noun_like(s, k):
        return ""
    if plural(s.low(k)):
        return ""  # "the zone stretches 20 km deep": a verb, most likely
    return noun(s.low(k))


def noun_after(s: Stream, j: int) -> str:
    """ "a 12-km-wide buffer zone": the head noun after the dimension word (not the
    compass point after it: "a six-kilometre-deep corridor north and south of ...")."""
    words = phrase_words(s, j)
    while words and s.low(words[-1]) in OPPOSITE:
        words.pop()
    return noun(s.low(words[-1])) if words and is_noun_like(s, words[-1]) else ""


def is_noun_like(s: Stream, k: int) -> bool:
    t = s.low(k)
    if t in FUNCTION or t in WEEKDAYS or t in MONTHS or t in DIMENSIONS:
        return False
    return not t.endswith(("ed", "ing", "ly")) and t not in MEASURE_VERBS


# ---------------------------------------------------------------- role

ROLE_BEFORE = 3  # words between a role verb and the figure after it ("killed at least 15")
PASSIVE = frozenset({"been", "be", "being", "was", "were", "is", "are"})
BODIES = frozenset({"bodies", "corpses"})  # "44 bodies recovered (so far)": a passive's
# Words after a verb that begin no object of it ("recovered from the lake", "so far").
NO_OBJECT = frozenset(
    {"from", "in", "at", "on", "near", "since", "so", "by", "after", "before", "during"}
    | {"overnight", "yesterday", "today", "and", "were", "was", "had", "have", "has", "as"}
    | {"until", "there", "last", "this", "far", "alive", "dead", "inside", "along", "off"}
)
ROLE_AFTER = 10  # words after a figure in which its verb may stand ("have been killed")
CLAUSE_OPENS = frozenset({"but", "while", "whereas", "although", "though"})  # after a comma
ROLE_FAR = 10  # "the number of soldiers killed since February (rose) to 59"
LIST_WORDS = frozenset({"and", "or", ",", "including", "among", "of", "whom", "them"})


def role_nouns(hit: Hit) -> tuple[str, str]:
    """A counted noun that names its role ("59 deaths"): (people, killed); else (counted, "")."""
    head = hit.counted.rsplit(" ", 1)[-1]
    if head in ROLE_NOUNS:
        return ROLE_NOUNS[head]
    return hit.counted, ""


class Figures(NamedTuple):
    """A sentence's figures in token terms, with where figures and counts start."""

    hits: list[Hit]
    starts: frozenset[int]
    objects: frozenset[int]  # where counts start: a verb right before one is its own


def figures_of(hits: list[Hit]) -> Figures:
    starts = frozenset(h.first for h in hits)
    return Figures(hits, starts, frozenset(h.first for h in hits if h.kind == "count"))


def role_of(s: Stream, found: Figures, n: int, inherited: str) -> str:
    """What happened to what figure ``n`` counts, or "" when the sentence does not say.

    ``inherited`` is the role of the figure this one is listed with, if any.
    """
    hit = found.hits[n]
    # in a tally or a list of those it names, a time or date before the figure is their
    # span, not a count of its own, and its words are passed over: "the number of soldiers
    # killed since Feb. 3 rose to 59", "Killed on Sunday were 45 soldiers" (not "the gunman
    # killed on Sunday was 45"; and only the dates within reach: a sentence may list
    # thousands)
    dated: set[int] = set()
    k = n - 1
    reach = hit.first - ROLE_FAR
    tallied = any(s.low(m) in NUMBER_WORDS for m in range(max(0, reach - 6), hit.first))
    listed = s.low(hit.first - 1) in ("were", "numbered")  # "Killed on Sunday were 45"
    spans = tallied or listed
    while spans and k >= 0 and found.hits[k].kind in ("time", "date") and found.hits[k].end > reach:
        dated.update(range(found.hits[k].first, found.hits[k].end))
        k -= 1
    floor = found.hits[k].end if k >= 0 else 0

    def back(limit: int) -> list[int]:
        reach = range(hit.first - 1, max(floor, hit.first - limit) - 1, -1)
        return [k for k in reach if k not in dated]

    skip = frozenset() if hit.counted.rsplit(" ", 1)[-1] in BODY_NOUNS else BODY_ROLES
    # a tally's role is said anywhere in it ("The number of the soldiers who were killed
    # in Idlib since ... rose to 60")
    opens = (m for m in range(hit.first - 2, hit.first - TALLY_REACH, -1) if is_tally(s, m))
    tally = next(opens, hit.first)
    if hit.first - tally > TALLY_NEAR and clause_ends_between(s, tally, hit.first):
        tally = hit.first  # another clause's tally: "The number of players was cut, while ..."
    far = max(ROLE_FAR, hit.first - tally)
    # one person's own: "fled the town with his six children" counts nothing of the story,
    # unless a verb after it says what befell them ("his 30 passengers were killed")
    if s.low(hit.first - 1) in ("his", "her", "my"):
        return role_after(s, hit.end, found, skip)
    if elided(s, hit):
        return ""
    return (
        role_in(s, back(ROLE_BEFORE), skip=skip)
        or fate_unknown(s, hit.first)
        or inherited
        or role_after(s, hit.end, found, skip)
        or role_in(s, back(far), far=True, skip=skip)
        or death_toll_before(s, hit.first)
    )


def elided(s: Stream, hit: Hit) -> bool:
    """A count whose noun was said before it, as an order's after a preposition ("died
    in the last three", "over the first two."): nothing of it follows in its clause, so
    what it counts is not known here, nor what befell them (a page's "three" months had
    met "two" drones as people killed). A verb's object keeps its role ("the avalanche
    killed the last three")."""
    ordered = s.low(hit.first - 1) in ORDER_WORDS and s.low(hit.first - 2) == "the"
    after = s.low(hit.end)
    ends = after in SENTENCE_ENDS or after in CLAUSE_ENDS or not after
    return ordered and ends and s.low(hit.first - 3) in ORDER_PREPOSITIONS


ORDER_WORDS = frozenset({"last", "first", "past", "next", "previous"})
ORDER_PREPOSITIONS = frozenset({"in", "over", "during", "within", "for", "of"})


def fate_unknown(s: Stream, first: int) -> str:
    """ "missing" for a count whose fate is unknown: "the fate of an estimated 120 miners
    remained unclear", "the fate of up to 150 others is unknown"."""
    k = first - 1
    while k > 0 and s.low(k) in FATE_HEDGES:
        k -= 1
    if not (s.low(k) == "of" and s.low(k - 1) == "fate"):
        return ""
    ahead = s.lows[first : first + ROLE_AFTER]
    return "missing" if UNKNOWN & set(ahead) else ""


def death_toll_before(s: Stream, first: int) -> str:
    """ "killed" for a count a death toll in its clause rises to ("the death toll from
    an air strike near the town has risen to 15 civilians"), else "": the count
    completes the toll ("to", "at", "reached" before it), in the toll's own clause (not
    "The death toll has risen and staff say 30 residents remain ...")."""
    k = first - 1
    while k > 0 and s.low(k) in SHARE_HEDGES:
        k -= 1
    if s.low(k) not in TOLL_REACHES:
        return ""
    for k in range(first - 1, max(-1, first - TALLY_REACH), -1):
        if s.low(k) in CLAUSE_ENDS or s.low(k) in SENTENCE_ENDS or s.low(k) in ("and", "but"):
            return ""
        if s.low(k) == "toll" and s.low(k - 1) == "death":
            return "killed"
    return ""


def is_tally(s: Stream, k: int) -> bool:
    """ "number of", "total of", "tally of", "toll of" at token k."""
    return s.low(k) in NUMBER_WORDS and s.low(k + 1) == "of"


SHARE_HEDGES = frozenset({"at", "least", "more", "than", "some", "about", "nearly", "almost"})
FATE_HEDGES = SHARE_HEDGES | {"an", "estimated", "up", "to", "another"}  # "the fate of up to"
UNKNOWN = frozenset({"unclear", "unknown", "uncertain"})
TOLL_REACHES = frozenset({"to", "at", "reached", "reaches", "hit", "passed", "topped"})


def verb_before(s: Stream, first: int) -> str:
    """The role of the verb right before the figure at ``first``, past its hedge ("killing
    at least 68"), or ""."""
    k = first - 1
    while k > 0 and s.low(k) in SHARE_HEDGES:
        k -= 1
    return ROLE_OF.get(s.low(k), "") if k >= 0 else ""


def role_in(
    s: Stream, positions: Iterable[int], far: bool = False, skip: frozenset[str] = frozenset()
) -> str:
    """The first role word at ``positions`` (walking back from the figure).

    Right before a figure only a verb that governs it counts ("killed at least
    15"), not one across a list ("119 were killed and more than 150 injured"):
    "and", "or" and commas stop the walk. Further back (``far``) the walk
    stops at the clause's end.
    """
    for k in positions:
        word = s.low(k)
        if word in SCARE_QUOTES and scare_quoted(s, k - 1):
            continue  # a verb in scare quotes: had "neutralised" 2,212
        if word in SENTENCE_ENDS or word in CLAUSE_ENDS:
            return ""
        if not far and word in ("and", "or", "but", "while", "whereas"):
            return ""
        lives_in = word == "live" and s.low(k + 1) == "in"
        if word in ROLE_OF and ROLE_OF[word] not in skip and not lives_in:
            return ROLE_OF[word]
        if word == "home" and s.low(k + 1) == "to":
            return "population"
    return ""


def scare_quoted(s: Stream, k: int) -> bool:
    """Token k is a role's verb alone in quotation marks, not a word named as a word
    ("the word "killed" 12 times")."""
    named = s.low(k - 2) in NAMING
    return s.low(k) in ROLE_OF and s.low(k - 1) in SCARE_QUOTES and not named


SCARE_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
NAMING = frozenset({"word", "term", "phrase", "film", "song", "book", "title", "headline"})


def object_after(s: Stream, k: int) -> bool:
    """Token k may begin an object of the verb before it ("bodies identified safety
    failures", "recovered their shape"): a word that is no preposition or adverb."""
    return s.kind(k) == "word" and s.low(k) not in NO_OBJECT


def role_after(s: Stream, j: int, found: Figures, skip: frozenset[str] = frozenset()) -> str:
    """A role word after the figure, before the next figure; a list in commas is skipped.

    A role word right before another count is that count's ("downed three
    warplanes and killed dozens").

    "More than 300 civilians, including more than 100 children, have died":
    the words between "including" and the next comma belong to the inner figure.
    """
    k, seen, stop = j, 0, s.count
    aside = range(0)  # an aside right after the figure or its noun
    while k < stop and seen < ROLE_AFTER:
        word = s.low(k)
        if word in ("including", "among") and s.low(k - 1) == ",":
            k = next_comma(s, k)
            continue
        # "900,000 people, 60 per cent of them children, have been displaced": the
        # figure's verb follows the aside
        if word == "," and seen <= 1 and (after := share_aside_end(s, k)):
            k = after
            continue
        if seen <= 1 and word in ASIDE_OPENS and aside_end(s, k) > k + 1:
            aside = range(k, aside_end(s, k))
            if s.low(aside.stop) in AUXILIARIES or s.low(aside.stop) in ROLE_OF:
                seen -= len(aside)  # "... people - most of them women - have been forced from
                # their homes": its words do not count, the figure's verb follows it
            else:
                stop = aside.stop  # "300 people - many in tears - buried the victims who died":
                # no verb of the figure's after it; one in it still counts ("59 soldiers -
                # killed in February -")
        if k in found.starts and s.low(k - 1) in ("and", "or") and listed(found, k):
            k = next(h.end for h in found.hits if h.first == k)  # "8 cars and 2 engines derailed"
            continue
        if k in aside and k in found.starts:
            k, seen = aside.stop, seen + aside.stop - k  # an aside's own figure, and its verb,
            continue  # are its own: "300 - 100 of them children - died", "120 - 3 were killed -"
        if (word in SENTENCE_ENDS and k not in aside) or k in found.starts:
            return ""
        if word in CLAUSE_OPENS and s.low(k - 1) == "," and k not in aside:
            after = next_comma(s, k)  # ", but possibly more, were killed": an aside
            if s.low(after - 1) == "," and s.low(after) in AUXILIARIES | ROLE_OF.keys():
                k, seen = after, seen + after - k
                continue
            return ""  # "300 were taken to hospitals, but many died": another subject's verb
        # a body's role after it is a passive's ("25 bodies have been recovered", "44 bodies
        # recovered"): victims who "had recovered from their injuries" are the living
        passive = (
            ROLE_OF.get(word) not in BODY_ROLES
            or s.low(k - 1) in PASSIVE
            or (s.low(k - 1) in BODIES and not object_after(s, k + 1))
        )
        if word in ROLE_OF and ROLE_OF[word] not in skip and passive:
            # "downed three warplanes and killed dozens": that verb is the next figure's
            return "" if k + 1 in found.objects else ROLE_OF[word]
        if off_track(s, k):
            return "derailed"
        if from_homes(s, k) or to_border(s, k):
            return "displaced"
        if still_trapped(s, k):
            return "missing"  # "200 miners trapped underground", "120 still underground"
        k += 1
        seen += 1
    return ""


def listed(found: Figures, k: int) -> bool:
    """Is the count starting at token k one more item of a list ("and two locomotives"),
    not a clause of its own ("and 150 were injured")? A count with a noun is an item."""
    hit = next(h for h in found.hits if h.first == k)
    return hit.kind == "count" and bool(hit.counted)


def from_homes(s: Stream, k: int) -> bool:
    """ "driven ... from their homes", "forced out of their homes": displaced, said
    without a role word."""
    return (
        s.low(k) in ("home", "homes")
        and s.low(k - 1) in ("their", "his", "her")
        and s.low(k - 2) in ("from", "of")
    )


STILL_THERE = frozenset({"underground", "unaccounted", "buried", "trapped"})
TRAPPED_HOW = frozenset({"underground", "below", "beneath"})


def still_trapped(s: Stream, k: int) -> bool:
    """Token k says those counted are still trapped: "still underground", "still trapped",
    "remain trapped", "trapped underground" (not "trapped 40 cars", nor "the boys trapped in
    the cave were rescued", nor "passengers still aboard": safe)."""
    word = s.low(k)
    if word == "still" and s.low(k + 1) in STILL_THERE:
        return True
    remain = s.low(k - 1) in ("remain", "remains", "remained", "still")
    return word == "trapped" and (remain or s.low(k + 1) in TRAPPED_HOW)


def to_border(s: Stream, k: int) -> bool:
    """ "forced towards our borders", "driven to the Turkish border": displaced, said
    without a role word (not "forced to the border crossing")."""
    if s.low(k) not in ("border", "borders"):
        return False
    if s.kind(k + 1) == "word" and s.low(k + 1) not in FUNCTION | {"since"}:
        return False
    j = k - 1 - int(s.capital(k - 1))  # past a country's word: "the Turkish border"
    j -= int(s.low(j) in ("the", "our", "its", "their"))
    return j < k - 1 and s.low(j) in ("towards", "toward", "to") and s.low(j - 1) in PUSHED


PUSHED = frozenset({"forced", "driven", "pushed"})


def off_track(s: Stream, k: int) -> bool:
    """ "went off the tracks", "jumped the tracks", "left the track", "rolled off track":
    derailed, said in three words."""
    if s.low(k) not in ("track", "tracks", "rails"):
        return False
    return s.low(k - 1) == "off" or (
        s.low(k - 1) == "the" and s.low(k - 2) in ("off", "jumped", "left", "leaving")
    )


ASIDE_OPENS = {"-": "-", "–": "–", "—": "—", "(": ")"}  # an aside's mark and its closing one
AUXILIARIES = frozenset({"have", "has", "had", "were", "was", "are", "is", "been", "be", "will"})


def aside_end(s: Stream, k: int) -> int:
    """The token after the aside that opens at token k ("- most of them women and children
    -", "(mostly women)") when it closes within ``ROLE_AFTER`` words, else k + 1."""
    closing = ASIDE_OPENS[s.low(k)]
    for m in range(k + 1, min(s.count, k + 1 + ROLE_AFTER)):
        if s.low(m) == closing:
            return m + 1
        if s.low(m) in (".", ";"):
            break
    return k + 1


def share_aside_end(s: Stream, k: int) -> int:
    """The token after an aside in commas, opening at the comma at token k, that tells
    what share of the figure is whom ("60 per cent of them children", "most of whom were
    women") where the figure's verb follows it, else 0."""
    after = next_comma(s, k + 1)
    inner = s.lows[k + 1 : after - 1]
    share = any(a == "of" and b in ("them", "whom") for a, b in pairwise(inner))
    verb = s.low(after) in AUXILIARIES or s.low(after) in ROLE_OF
    return after if share and s.low(after - 1) == "," and verb else 0


def next_comma(s: Stream, k: int) -> int:
    """The token after the next comma within ``ROLE_AFTER`` words (else after those)."""
    limit = min(s.count, k + ROLE_AFTER)
    while k < limit and s.low(k) != ",":
        k += 1
    return k + 1


def listed_with(s: Stream, hits: list[Hit], n: int) -> int:
    """Index of the figure that figure ``n`` is listed with, or -1.

    "killed 5 soldiers and 3 civilians", "300 civilians, including 100
    children": the previous figure ends within two words of this one, and only
    list words stand between.
    """
    if n == 0:
        return -1
    if s.low(hits[n].first - 1) in ("including", "among"):
        return n - 1
    between = s.lows[hits[n - 1].end : hits[n].first]
    tail = 0
    while tail < len(between) and between[-1 - tail] in LIST_WORDS:
        tail += 1
    noun_words = between[: len(between) - tail]
    if tail == 0 or len(noun_words) > 5:
        return -1
    if any(w in CLAUSE_ENDS or w in SENTENCE_ENDS or w in ROLE_OF for w in noun_words):
        return -1
    return n - 1


# ---------------------------------------------------------------- event

EVENT_WINDOW = 20  # words either side of a time, date or duration read for its event
PHASE_WINDOW = 4  # words between a phase word and its time ("will begin at midnight")
CLAUSE_COST = 6  # an event word across a clause boundary counts as this many words further
# A duration's event stands in its clause within this many words ("a meeting that lasted
# six hours"); further off it is another event's ("a crash ... service blocked for days").
DURATION_WINDOW = 8


def event_word(s: Stream, k: int) -> str:
    """The event token k names ("cease-fire" is read at its "fire"; a verb right after
    an event's noun, as in "the truce agreed on Thursday", names none). A one-on-one
    meeting is an event of its own: often a part of the talks ("first spent three
    hours one-on-one before the delegations joined"), and where it was all of them,
    a relation missed costs less than a false conflict."""
    word = s.low(k)
    if word == "fire" and "cease" in (s.low(k - 1), s.low(k - 2)):
        return "ceasefire"
    if word == "cessation" and s.low(k + 1) == "of":  # "a cessation of (all) hostilities"
        what = s.low(k + 2 + int(s.low(k + 2) == "all"))
        return "ceasefire" if what in HOSTILITIES else ""  # (not "of all flights")
    if word == "silent" and timed_after(s, k) and guns_before(s, k):
        return "ceasefire"  # "the guns will fall silent at midnight" (not "silent for hours")
    if word in ("war", "conflict") and s.low(k + 1) in MONITORS:
        return ""  # "a war monitor said ...": the monitor, not the war
    if word.endswith("ed") and k > 0 and event_word(s, k - 1):
        return ""  # "the truce agreed in Moscow": the truce, which the verb qualifies
    if (word == "one" and s.one_on_one(k)) or (EVENT_OF.get(word) and s.one_on_one(k - 1)):
        return "one-on-one"
    event = EVENT_OF.get(word, "")
    if event and s.low(k + 1) in NOT_EVENTS:
        return ""  # "attack helicopters", "war crimes": who or what, not the event
    if event and event != "talks" and talks_about(s, k):
        return ""  # "talks on the ceasefire, which began on March 5": the talks began
    return event


def talks_about(s: Stream, k: int) -> bool:
    """Token k is what talks are about: "talks on the ceasefire", "negotiations over a
    truce"."""
    j = k - 1 - int(s.low(k - 1) in ("the", "a", "an"))
    return s.low(j) in ("on", "about", "over") and EVENT_OF.get(s.low(j - 1)) == "talks"


def event_of(s: Stream, hit: Hit) -> tuple[str, str]:
    """The event a time, date or duration belongs to, and the phase it names.

    The nearest event word wins ("a six-hour meeting", "the cease-fire will
    begin at midnight"), a word in another clause counting as ``CLAUSE_COST``
    words further ("a ceasefire that will begin at midnight, after a meeting");
    a phase word in the figure's clause ("begin", "from", "take effect",
    "until") says which moment of the event a time or date names.
    """
    if hit.kind == "duration" and hit.counted:
        head = hit.counted.rsplit(" ", 1)[-1]
        if EVENT_OF.get(head):
            return EVENT_OF[head], ""
    if hit.kind == "duration" and lead_time(s, hit.first):
        return "", ""  # "patrols will start in ten days": when, not how long
    if hit.kind == "duration" and (lasted := relative_event(s, hit.first)):
        return lasted, ""
    event, phase, best, at = "", "", EVENT_WINDOW * 2, -1
    effect = False  # "to take effect at 1 a.m.": only a ceasefire or a deal takes effect
    in_force: tuple[int, str, int] | None = None  # the nearest such event: cost, event, token
    said = attribution(s, hit.end)
    for k, steps, crossed in window(s, hit.first, hit.end, EVENT_WINDOW):
        if hit.kind == "duration" and (crossed or steps >= DURATION_WINDOW):
            continue  # "six hours of talks": a duration's event is named next to it
        if k in said:
            continue  # "..., Putin said after talks": when it was said, not the figure's event
        found = event_word(s, k)
        if found == "one-on-one" and crossed:
            continue  # "The talks, which included a one-on-one meeting, lasted six hours"
        cost = steps + CLAUSE_COST * crossed
        if found and cost < best:
            event, best, at = found, cost, k
        if found in TAKES_EFFECT and (in_force is None or cost < in_force[0]):
            in_force = (cost, found, k)
        near = steps < PHASE_WINDOW and not crossed
        if not phase and near and s.low(k) in PHASE_OF and hit.kind != "duration":
            phase = PHASE_OF[s.low(k)]
        effect = effect or (near and takes_effect(s, k))
    if effect and event not in TAKES_EFFECT and in_force is not None:
        _, event, at = in_force  # "a ceasefire ..., to take effect at 1 a.m., after talks"
    subject = starting_subject(s, hit.first)
    of = next((m for m in (subject - 1, subject - 2) if subject > 1 and s.low(m) == "of"), 0)
    subject = of - 1 if of > 0 else subject  # "A cessation of (all) hostilities will begin"
    if subject >= 0 and event_word(s, subject) in TAKES_EFFECT:
        # "The truce, announced after talks in Moscow, begins at 1am": the truce begins
        event, at = event_word(s, subject), subject
    elif subject >= 0 and named_thing(s, subject):
        event, at = "", -1  # "The curfew, announced after talks, came into force at 8 pm"
    if s.seq(hit.first - 2, ("as", "of")) or (not phase and took_hold(s, at, hit.first)):
        phase = "start"
    if not phase and at >= 0 and hit.kind != "duration":
        # "will begin joint patrols along the road on March 15": the event's own verb (not
        # a preposition: "smoke from the wildfire ... on August 12" names no start)
        before = s.lows[max(0, at - 2) : at]
        phase = next((PHASE_OF[w] for w in before if w in PHASE_OF and w not in FUNCTION), "")
    if not phase and hit.kind != "duration" and fronted(s, hit.first):
        phase = main_clause_phase(s, hit.end)
    return event, phase


GUNS = frozenset({"guns", "weapons"})
HOSTILITIES = frozenset({"hostilities", "fighting", "military", "armed", "fire"})
# Words between guns and their falling silent: "the guns will fall silent", "the weapons
# are to be silent" (not "the weapons factory fell silent")
FALL_SILENT = frozenset(
    {"will", "would", "are", "were", "to", "be", "fell", "fall", "falls", "fallen", "have"}
    | {"has", "had", "went", "go", "must", "should", "finally", "largely", "mostly"}
)


def guns_before(s: Stream, k: int) -> bool:
    """Guns or weapons whose verb runs to "silent" at token k."""
    j = k - 1
    while j >= max(0, k - 4) and s.low(j) in FALL_SILENT:
        j -= 1
    return j < k - 1 and s.low(j) in GUNS


MONITORS = frozenset({"monitor", "monitors", "monitoring"})
# Nouns an event's word may qualify, which are no event ("a war monitor", "attack helicopters")
NOT_EVENTS = frozenset(
    {"correspondent", "correspondents", "reporter", "reporters", "crimes", "criminal"}
    | {"criminals", "helicopter", "helicopters", "jets"}
    | {"planes", "aircraft", "drone", "drones", "dog", "dogs", "victims", "survivors"}
)
ATTRIBUTION_WORDS = 8  # words between a comma and its saying verb ("..., Russian
# President Vladimir Putin said after talks")


def attribution(s: Stream, end: int) -> range:
    """The words after the saying verb of an attribution after a figure (ending at token
    ``end``), to the clause's end: ", Putin said after talks with Erdogan" (after
    "said"); none where the clause ends at the verb (", officials said, the ceasefire
    took effect": the ceasefire is the figure's)."""
    for c in range(end, min(s.count, end + EVENT_WINDOW)):
        if s.low(c) in SENTENCE_ENDS:
            break
        if s.low(c) != ",":
            continue
        for j in range(c + 1, min(s.count, c + 1 + ATTRIBUTION_WORDS)):
            if s.low(j) in SAY_VERBS:
                ends = (m for m in range(j + 1, s.count) if s.low(m) in CLAUSE_ENDS)
                return range(j + 1, next(ends, s.count))
            if s.low(j) in CLAUSE_ENDS:
                break
    return range(0)


def timed_after(s: Stream, k: int) -> bool:
    """A time or a day follows token k: "silent at midnight", "from 00:00", "as of Friday"."""
    return s.low(k + 1) in ("at", "from") or s.seq(k + 1, ("as", "of"))


def lead_time(s: Stream, first: int) -> bool:
    """A span "in" which something starts or is due ("will start in ten days", "due to
    resume in two weeks"): a time until it, not its duration."""
    verb = s.low(first - 2)
    return s.low(first - 1) == "in" and (verb in STARTING or verb in LEAD_VERBS)


LEAD_VERBS = frozenset({"resume", "resumes", "due", "expire", "expires", "end", "ends"})
LASTED = frozenset({"lasted", "lasting", "lasts", "last", "took", "taking"})
TAKES_EFFECT = frozenset({"ceasefire", "agreement"})
TAKE = frozenset({"take", "takes", "took", "taken", "taking", "into", "in"})


def takes_effect(s: Stream, k: int) -> bool:
    """Does token k say that something takes effect: "take effect", "came into force",
    "in effect", "effective" (not "to little effect", "had little effect on")?"""
    word = s.low(k)
    return word == "effective" or (word in ("effect", "force") and s.low(k - 1) in TAKE)


def took_hold(s: Stream, at: int, first: int) -> bool:
    """Does a ceasefire or a deal named at token ``at`` "take hold" right before the
    figure at ``first`` ("The truce was due to take hold at 6 a.m.")? What takes hold
    after it is something else ("Calm took hold at 6 a.m. after the ceasefire")."""
    k = first - 1 - int(s.low(first - 1) in ("at", "on", "from", "by"))
    if s.low(k) != "hold" or s.low(k - 1) not in TAKE or s.low(k - 1) in ("in", "into"):
        return False
    if not (0 <= at < k - 1 and event_word(s, at) in TAKES_EFFECT):
        return False
    # the truce is what takes hold: only its verb's words between ("was due to take
    # hold"), not "Despite the ceasefire, chaos took hold"
    return all(s.low(j) in HOLD_WORDS for j in range(at + 1, k - 1))


HOLD_WORDS = frozenset(
    {"was", "is", "were", "will", "would", "has", "had", "have", "been", "be", "to", "due"}
    | {"expected", "set", "appeared", "appears", "seemed", "seems", "finally", "not", "yet"}
    | {"largely", "mostly", "slowly", "began", "begins", "failed", "fails", "never"}
)


RELATIVE = frozenset({",", "which", "that"})


def relative_event(s: Stream, first: int) -> str:
    """The event a relative clause gives a duration to: "the meeting, which lasted
    nearly six hours", "talks that took five hours", "a meeting lasting six hours"."""
    if s.low(first - 1) not in LASTED:
        return ""
    k = first - 2
    while k >= first - 4 and s.low(k) in RELATIVE:
        k -= 1
    found = event_word(s, k)
    if not found and s.capital(k):
        # "The meeting between Vladimir Putin and Recep Tayyip Erdogan lasted": past the
        # names that follow the event's noun
        j = k
        while j > k - 12 and (s.capital(j) or s.low(j) in NAME_LINKS):
            j -= 1
        found = event_word(s, j) if s.low(j + 1) in NAME_LINKS else ""
    if s.low(k + 1) == "," and (not found or found == "one-on-one"):
        # "The talks, which included a one-on-one meeting, lasted": what the inserted
        # clause follows lasted
        opening = next((j for j in range(k - 1, max(-1, k - 16), -1) if s.low(j) == ","), -1)
        return event_word(s, opening - 1) if opening > 0 else ""
    return found


NAME_LINKS = frozenset({"between", "and", "of", "with"})  # "talks between X and Y"
# A time set before its sentence's main clause ("At 0001 tonight, the ceasefire will be put
# in place") names the moment of that clause's verb, however far off it stands.
FRONTING = frozenset({"at", "from", "on", "by", "as"})
OPENING_MARKS = frozenset({'"', "“", "‘", "'", "(", "«", "—", "–"})


STARTING = frozenset({"begins", "began", "starts", "started", "begin", "start"})


def named_thing(s: Stream, k: int) -> bool:
    """Token k is the head of a noun phrase that names no event ("the curfew", "the
    tariffs"), not a pronoun ("The talks, which began at noon") or a phrase's last word
    ("The truce agreed in Vienna on Monday took effect")."""
    return (
        s.kind(k) == "word"
        and s.low(k - 1) in DETERMINERS  # a noun phrase's head: "the curfew"
        and s.low(k) not in FUNCTION
        and not event_word(s, k)
    )


# Verbs of taking effect: "came into force", "entered into force", "took effect"
INTO_FORCE = frozenset(
    {"came", "come", "comes", "coming", "entered", "enters", "enter", "went", "goes", "go"}
    | {"took", "take", "takes", "taking", "taken"}
)


def starting_subject(s: Stream, first: int) -> int:
    """The subject's noun of a verb of starting right before the figure at ``first``
    ("begins at 1am", "came into force at midnight"), past an aside in commas between
    them ("The truce, agreed after talks in Moscow, came into force at midnight"), or -1.
    A relative clause's subject is its pronoun, which names no event ("The talks, which
    began at noon": the talks')."""
    k = first - 1 - int(s.low(first - 1) in ("at", "on", "from"))
    if s.low(k) in ("force", "effect") and s.low(k - 1) in TAKE:  # "came into force at"
        k -= 1 + int(s.low(k - 1) in ("into", "in"))
        if s.low(k) not in INTO_FORCE:
            return -1
    elif s.low(k) not in STARTING:
        return -1
    k -= 1 + int(s.low(k - 1) in ("will", "would", "to", "should"))
    if s.low(k) == ",":  # an aside: back to its opening comma
        k = next((j for j in range(k - 1, max(-1, k - 30), -1) if s.low(j) == ","), -1) - 1
    return k if k >= 0 and s.kind(k) == "word" else -1


def fronted(s: Stream, first: int) -> bool:
    """The figure opens its sentence after a preposition ("At 0001 tonight, ..."), or a
    list's item ("3. On 15 March, patrols will commence ...")."""
    start = 2 if is_list_marker(s, 0) else 0
    if first - start > 4:
        return False
    before = [w for w in s.lows[start:first] if w not in OPENING_MARKS]
    return 1 <= len(before) <= 2 and all(w in FRONTING or w == "of" for w in before)


def main_clause_phase(s: Stream, end: int) -> str:
    """The phase named by a verb or noun of the sentence after a fronted time: the
    prepositions "from" and "until" belong to other phrases there, and are not read,
    nor a verb with a time of its own ("On 15 March, the sides agreed that patrols will
    commence on 20 March": 15 March starts nothing)."""
    for k in range(end, s.count):
        word = s.low(k)
        if word in SENTENCE_ENDS:
            break
        if word not in ("from", "until") and word in PHASE_OF:
            own_time = any(s.kind(m) == "num" for m in range(k + 1, k + 4))
            return "" if own_time else PHASE_OF[word]
    return ""


def window(s: Stream, first: int, end: int, size: int) -> list[tuple[int, int, int]]:
    """Tokens within ``size`` of a figure, up to the sentence's end or a semicolon:
    (position, words away, clause boundaries crossed), nearest first on each side."""
    out: list[tuple[int, int, int]] = []
    for ks in (
        range(first - 1, max(0, first - size) - 1, -1),
        range(end, min(s.count, end + size)),
    ):
        crossed = 0
        for steps, k in enumerate(ks):
            word = s.low(k)
            if word in SENTENCE_ENDS:
                break
            if word in CLAUSE_ENDS:
                crossed += 1
            out.append((k, steps, crossed))
    return out
