"""Who says it: a statement's speaker, and the attribution that names a fact's source."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from itertools import takewhile

from ..normalize import normalise_word

# Who a statement is attributed to, when the sentence gives it as a statement:
# reported speech ("Putin said Thursday that ...", "Erdogan told reporters ...
# that ...") or a quotation's attribution ('"...," Erdogan said', '"...," said
# Fire Chief Lena Marković': the last word). Two clusters whose statements are
# attributed to different people never merge: "Erdogan told reporters ... that
# the Syrian regime is the main reason for civilian suffering" is not "Putin said
# ... that the agreement will end civilian suffering", however many words they
# share. Only names count (``VariantMap.names``: "Survivors said" names no one), and a
# fact reported with its source ("Seven cars derailed, said Cpl. Justin Dunn")
# is not a statement: outlets cite different sources for one fact.
_VERBS = ("said", "says", "told", "added", "warned")
_NAME = re.compile(r"(?:[a-z]{1,3}-)?[A-Z][\w’'-]+")  # "Putin", "al-Assad"
_THAT = re.compile(r"[^.;\"“”]{0,80}?\bthat\b")  # "... that": reported speech
_AFTER = re.compile(r"\s+(?:[A-Z][\w’'-]*\.?\s+)*((?:[a-z]{1,3}-)?[A-Z][\w’'-]+)")
_QUOTES = '"”’'
# Attribution (``attribution``): verbs of saying, how far a trailing one may reach
# and how far into the sentence a leading one may stand.
_SAYING = re.compile(r"\b(?:said|says|told|added|confirmed|reported|tweeted|wrote|stated)\b")
_ACCORDING = re.compile(r"\baccording to\b[^,;]*")
_THAT_AFTER = re.compile(r"(?:\s+[\w.'’-]+){0,6}?\s+that\b")
_TAIL_WORDS = 4
_CLAUSE = re.compile(
    r"\b(?:that|is|are|was|were|will|would|has|have|had|could|can|though|but|while)\b"
)
_LEAD_WORDS = 16
_LEAD_SHORT = 4
_REACH = 120  # characters before a verb read for its speaker
# Characters around a verb of saying that ``attribution`` reads: more than any sentence
# of prose needs, and a bound on the work where a "sentence" is a megabyte of junk
# (every verb would otherwise read all the text before and after it).
_WINDOW = 1000


def attribution(text: str) -> list[tuple[int, int]]:
    """Spans of the sentence that say where its facts come from, not what they are.

    * A trailing attribution: a verb of saying after a comma, followed by a name
      or the end of the sentence ("..., said Cpl. Justin Dunn, public information
      officer with the Missouri State Highway Patrol", "..., the patrol said."):
      from that comma to the end.
    * A leading one: a verb of saying after a few words or a name (``_leads``),
      followed by what was said ("Highway patrol officials said investigators ...", "Corporal
      Justin Dunn, a spokesman for the Missouri State Highway Patrol, told
      reporters on the scene that ..."): from the start to the verb (to "that").
    * "according to ...": to the end of its clause.
    """
    out: list[tuple[int, int]] = []
    for m in _ACCORDING.finditer(text):
        out.append((m.start(), m.end()))
    for m in _SAYING.finditer(text):
        start, end = m.start(), m.end()
        after = text[end : end + _WINDOW].lstrip(" \u201d\"'")
        comma = text.rfind(",", max(0, start - _WINDOW), start)
        if 0 <= comma < _WINDOW and len(text[:comma].split()) < 2:
            comma = -1  # "Elsewhere, Erdogan said ...": an opening word, not a fact
        quoted = comma >= 0 and text[comma + 1 : comma + 2] in _QUOTES + "\u201d"
        reach = _TAIL_WORDS * (2 if quoted else 1)  # '"...," X told the Y News Agency.'
        short = len(after.split(None, reach)) <= reach and not _CLAUSE.search(after)
        if comma >= 0 and after[:1] in ",;":  # '"...," Erdogan said, though he added'
            out.append((comma, end))
        elif comma >= 0 and (not after.strip(" .") or short or after[:1].isupper()):
            more = _CLAUSE.search(text, end, end + _WINDOW) if after[:1].isupper() else None
            out.append((comma, more.start() if more else len(text)))
        elif start < _WINDOW and _leads(text[:start].split()):
            that = _THAT_AFTER.match(text, end)
            out.append((0, that.end() if that else end))
    return out


def _leads(words: Sequence[str]) -> bool:
    """Whether the words before a verb of saying read as who says it: a few words
    ("Police officials"), or a name or title among the first ``_LEAD_WORDS``
    ("Corporal Justin Dunn, a spokesman for the ... Patrol")."""
    if any(_SAYING.fullmatch(w.strip(",")) or any(q in w for q in '"“”') for w in words):
        return False  # a quotation or another verb of saying: what was said, not who
    if len(words) <= _LEAD_SHORT:
        return True
    return len(words) <= _LEAD_WORDS and any(w[:1].isupper() for w in words[1:])


def speakers_of(text: str, names: Container[str]) -> frozenset[str]:
    """The normalised names a sentence attributes a statement to, of those in
    ``names`` (``named_speakers``)."""
    return frozenset(n for n in named_speakers(text) if n in names)


def named_speakers(text: str) -> frozenset[str]:
    """The normalised capitalised words a sentence attributes a statement to: each
    verb of saying (``_VERBS``, as a whole word) is read with the words around it."""
    found = []
    for verb in _VERBS:
        start = text.find(verb)
        while start >= 0:
            end = start + len(verb)
            if _whole_word(text, start, end):
                found += _speaker_at(text, start, end)
            start = text.find(verb, end)
    return frozenset(map(normalise_word, found))


def _whole_word(text: str, start: int, end: int) -> bool:
    return (start == 0 or not text[start - 1].isalnum()) and (
        end == len(text) or not text[end].isalnum()
    )


def _speaker_at(text: str, start: int, end: int) -> list[str]:
    """The name a verb of saying at ``text[start:end]`` attributes its statement to, if
    any: "Putin said ... that", '"...," Erdogan said', '"...," fire chief Lena
    Markovic said' (at most four words after the quotation), '"...," said Fire
    Chief Lena Marković' (the last of the capitalised words after the verb)."""
    before = text[max(0, start - _REACH) : start]
    words = before.split()
    if words and words[-1] in ("has", "had"):
        words.pop()
    name = words[-1] if words and _NAME.fullmatch(words[-1]) else None
    if name and _THAT.match(text, end):
        return [name]
    quote = max(before.rfind(q) for q in _QUOTES)
    closing = quote >= 0 and before[quote + 1 : quote + 2].isspace()  # not "Turkey’s"
    if closing and name and len(before[quote + 1 :].split()) <= 5:
        return [name]
    if before.rstrip().rstrip(",").rstrip()[-1:] in tuple(_QUOTES):
        after = _AFTER.match(text, end)
        return [after.group(1)] if after else []
    return []


def other_speakers(x: frozenset[str], y: frozenset[str]) -> bool:
    """Whether both sides name speakers and none of one is one of the other's
    ("alassad" and "assad" are one; "erdogan" and "putin" are two)."""
    if not x or not y:
        return False
    return not any(a.endswith(b) or b.endswith(a) for a in x for b in y)


# A speaker named by office: '"...," the Turkish president said', '"...," said Russia's
# foreign minister'. An article that names the office's holder ("Turkish President Recep
# Tayyip Erdogan") names the speaker. The office's adjective is a capitalised word
# ("Turkish", "Russia's") of at most 31 characters, read from a word's start.
_OFFICE = (
    r"(?:(?:prime|foreign|defen[cs]e|interior)\s+minister|president|premier|minister|chancellor"
    r"|spokes(?:man|woman|person)|leader)"
)
_OFFICES = frozenset({"president", "premier", "minister", "chancellor", "leader", "spokesman"})
_ADJECTIVE = r"(?<![\w-])([A-Z][\w-]{0,30}?)(?:['’]s)?\s+"
_ROLE_BEFORE = re.compile(rf"{_ADJECTIVE}((?i:{_OFFICE}))\s*,?\s*$")
_ROLE_AFTER = re.compile(rf"\s+(?:the\s+)?{_ADJECTIVE}((?i:{_OFFICE}))\b")
# the holder's name: up to four words that open with a capital of any script ("Ölsen"),
# maybe after a particle ("al-Assad")
_NAME_WORD = r"(?:[a-z]{1,3}-)?[^\W\d_a-z][\w’'-]*"
_HOLDER = rf"\s+((?:{_NAME_WORD}\s+){{0,3}}{_NAME_WORD})"
_NAME_START = re.compile(r"(?:[a-z]{1,3}-)?[^\W\d_a-z]")
_FORMER = frozenset({"former", "ex", "late", "then", "acting", "previous"})  # the word before
_BEFORE = 12  # characters read for that word
Office = tuple[str, str]  # ("turkish", "president")


def office_speakers(text: str) -> list[Office]:
    """The offices a sentence attributes a quotation to ("Turkish", "president"): the
    words before a verb of saying that closes a quotation, or after one ("said the
    Turkish president", "said Russia's foreign minister")."""
    found = []
    for m in _SAYING.finditer(text):
        before = text[max(0, m.start() - _REACH) : m.start()]
        if not any(q in before for q in _QUOTES):
            continue
        role = _ROLE_BEFORE.search(before) or _ROLE_AFTER.match(text, m.end())
        if role:
            found.append((role.group(1).lower(), " ".join(role.group(2).lower().split())))
    return found


_HOLDERS = re.compile(rf"{_ADJECTIVE}((?i:{_OFFICE})){_HOLDER}")


def office_holders(texts: Iterable[str]) -> dict[Office, str]:
    """The surname the texts give each office's holder, normalised ("Turkish President
    Recep Tayyip Erdoğan": ("turkish", "president") -> "erdogan"). A former holder
    ("former Ukrainian President Viktor Yanukovych") holds it no more, and an office
    the texts give two holders (or a headline's "Russian President Says Ukraine Must
    Withdraw" beside "Russian President Vladimir Putin") names no one. One pass over
    the input: a speaker named by office looks its holder up here."""
    found: dict[Office, set[str]] = {}
    for text in texts:
        for m in _HOLDERS.finditer(text):
            before = text[max(0, m.start() - _BEFORE) : m.start()].lower().split()[-1:]
            if not before or before[0].strip("(\"“‘'[-") not in _FORMER:
                office = (m.group(1).lower(), " ".join(m.group(2).lower().split()))
                name = list(takewhile(_name_word, m.group(3).split()))
                if name:  # "Ölsen" too: a capital of any script
                    surname = name[-1].removesuffix("'s").removesuffix("’s")
                    found.setdefault(office, set()).add(normalise_word(surname))
    return {office: next(iter(names)) for office, names in found.items() if len(names) == 1}


def office_words(names: Iterable[str]) -> frozenset[str]:
    """``names`` without the words of an office ('"...," the Turkish President said'
    gives "President", which names no one)."""
    return frozenset(n for n in names if n not in _OFFICES)


def _name_word(word: str) -> bool:
    """A word of a name: capitalised ("Erdoğan"), maybe after a particle ("al-Assad")."""
    return word[:1].isupper() or _NAME_START.match(word) is not None
