"""Token normalisation shared by grouping and wording comparison.

Two outlets reporting the same fact rarely spell it the same way: "Erdoğan" and
"Erdogan", "cease-fire" and "ceasefire", "M-4" and "M4", "Syria's" and "Syria",
curly and straight quotes, and transliterated place names ("Ma'rat Masrin" vs
"Maaret Misrin"). This module turns sentence text into tokens that compare equal
across such variation, while keeping each token's local offsets into the
sentence text so that a difference found on normalised tokens can be
highlighted in the original wording.

Layers, from strict to loose:

* ``Token.norm``: casefolded, diacritics stripped, apostrophes/hyphens inside a
  word removed, possessive "'s" dropped, number words and digit groups unified.
* ``stem(norm)``: a light suffix stripper (plurals, -ed, -ing) for matching only.
* ``VariantMap``: spelling variants of proper names found across the *whole
  input* and mapped onto one canonical spelling (see ``variant_map``).

Everything here is pure, deterministic and linear in the input length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import NamedTuple

from rapidfuzz import fuzz

# A word: letters/digits, optionally joined by inner apostrophes or hyphens
# ("cease-fire", "Ma'rat", "M-4", "won't"). Numbers with digit groups or a
# decimal part come first so "3,200" and "00.01" stay one token.
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_JOINERS = "'’‘`´ʼ\\-‐‑"
_WORD = rf"[^\W_]+(?:[{_JOINERS}][^\W_]+)*"
_TOKEN_RE = re.compile(rf"(?:{_NUMBER})(?![^\W_])|{_WORD}")
_POSSESSIVE_RE = re.compile(r"['’‘`´ʼ]s$", re.IGNORECASE)
_JOINER_RE = re.compile(rf"[{_JOINERS}]")
_HYPHEN_RE = re.compile(r"[\-‐‑]")

NUMBER_WORDS: Mapping[str, str] = {
    "zero": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "sixty": "60",
    "seventy": "70",
    "eighty": "80",
    "ninety": "90",
    "hundred": "100",
    "dozen": "12",
}

# Function words: they carry no fact, so they neither make two sentences
# similar nor count as a wording difference on their own.
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each
    few for from further had has have having he her here hers herself him himself his how
    i if in into is it its itself just me more most my myself no nor not now of off on
    once only or other our ours ourselves out over own same she should so some such than
    that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with
    would you your yours yourself yourselves said says say told tell according
    """.split()  # noqa: SIM905 (a word list reads better as text)
)

_VOWELS = frozenset("aeiouy")


class Token(NamedTuple):
    """One word or number of a text, with local offsets into that text.

    An immutable named tuple rather than a frozen dataclass: every sentence is
    tokenised, and a tuple is built several times faster.
    """

    start: int
    end: int
    surface: str  # the text as written
    norm: str  # normalised form (see module docstring)

    @property
    def is_number(self) -> bool:
        """True for digits and number words ("59", "3,200", "thirteen")."""
        return self.norm[:1].isdigit()

    @property
    def is_stopword(self) -> bool:
        return self.norm in STOPWORDS

    @property
    def capitalised(self) -> bool:
        return self.surface[:1].isupper()


def fold(text: str) -> str:
    """Casefold and strip diacritics ("Erdoğan" -> "erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@lru_cache(maxsize=65536)
def normalise_word(surface: str) -> str:
    """The normalised form of one token's surface text (cached: words repeat)."""
    word = fold(_POSSESSIVE_RE.sub("", surface) or surface)
    if word[:1].isdigit():
        return word.replace(",", "")
    compound = _number_compound(word)
    if compound is not None:
        return compound
    word = _JOINER_RE.sub("", word)
    return NUMBER_WORDS.get(word, word)


def _number_compound(word: str) -> str | None:
    """ "thirty-seven" -> "37" (tens joined to units by a hyphen), else None."""
    parts = _HYPHEN_RE.split(word)
    if len(parts) != 2:
        return None
    tens, units = (NUMBER_WORDS.get(p, "") for p in parts)
    if (
        tens.isdigit()
        and units.isdigit()
        and len(tens) == 2
        and tens.endswith("0")
        and len(units) == 1
    ):
        return str(int(tens) + int(units))
    return None


@lru_cache(maxsize=8192)
def tokens(text: str) -> tuple[Token, ...]:
    """The words and numbers of ``text`` with local offsets (punctuation skipped).

    Cached: grouping and wording both read every sentence, often more than once.
    """
    return tuple(
        Token(m.start(), m.end(), m.group(), normalise_word(m.group()))
        for m in _TOKEN_RE.finditer(text)
    )


def word_parts(token: Token) -> tuple[str, ...]:
    """The normalised parts of a hyphenated word ("Turkish-Russian" -> turkish, russian)."""
    pieces = _HYPHEN_RE.split(token.surface)
    if len(pieces) == 1:
        return ()
    return tuple(part for part in map(normalise_word, pieces) if part)


@lru_cache(maxsize=65536)
def stem(norm: str) -> str:
    """A light stem for matching: drops plural and verb suffixes, not meaning.

    Deliberately crude and conservative (short words are left alone), so that
    "patrols"/"patrol", "killed"/"killing"/"kills", "agreed"/"agree" and
    "Syrian"/"Syria" meet.
    """
    if norm[:1].isdigit() or len(norm) <= 3:
        return norm
    word = norm
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and len(word) > 4 and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("ian") and len(word) > 5:
        word = word[:-1]  # Syrian/Syria, Russian/Russia
    if word.endswith("ing") and len(word) > 5:
        word = word[:-3]
    elif word.endswith("ed") and len(word) > 4:
        word = word[:-2]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


# British spellings and their American ones, for comparing wording: outlets' house
# styles spell one word two ways ("defence"/"defense", "centre"/"center",
# "honoured"/"honored", "organisation", "analyse", "dialogue", "programme",
# "travelled"), which is no rewording. Each ending is rewritten only after enough of
# the word that the other spelling is no other word ("hence", "four", "filled" and
# "hatred" stay as they are).
SPELLING_ENDINGS = (
    (re.compile(r"(?<=\w{3})enc(e|es|ed|ing)$"), r"ens\1"),  # defence, licences, commenced
    (
        re.compile(r"(?<=\w{3})our(s|ed|ing|ite|ites|able|ably|er|ers|ful|less|hood|hoods|al)?$"),
        r"or\1",
    ),  # colour, honoured, favourite, neighbourhood, behavioural
    (re.compile(r"(?<=\w{3})is(e|es|ed|ing|ings|ation|ations|er|ers|able)$"), r"iz\1"),  # organise
    (re.compile(r"(?<=\w{3})ys(e|es|ed|ing|er|ers)$"), r"yz\1"),  # analyse, paralysed
    (re.compile(r"(?<=\w{2})([tbg])re(s?)$"), r"\1er\2"),  # centre, kilometres, calibre
    (re.compile(r"(?<=\w{2})ogue(s?)$"), r"og\1"),  # dialogue, catalogue
    (re.compile(r"programme(s?)$"), r"program\1"),
    # travelled, cancelling, counsellor, fulfill: "ll" after a word of two vowels or more
    # ("filled"), in every form ("recall", "recalled")
    (re.compile(r"([aeiou][^aeiou\W]{1,3}[aeiou])ll(s|ed|ing|er|ers|or|ors)?$"), r"\1l\2"),
    (re.compile(r"dgement(s?)$"), r"dgment\1"),  # judgement
    (re.compile(r"^scept"), "skept"),  # sceptical
)
SPELLING_WORDS = {
    "grey": "gray",
    "greys": "grays",
    "tyre": "tire",
    "tyres": "tires",
    "ageing": "aging",
    "aluminium": "aluminum",
    "manoeuvre": "maneuver",
    "manoeuvres": "maneuvers",
    "jewellery": "jewelry",
    "mould": "mold",
    "plough": "plow",
    "practise": "practice",
    "enquiry": "inquiry",
    "enquiries": "inquiries",
}


@lru_cache(maxsize=65536)
def american(word: str) -> str:
    """A normalised word in American spelling (``SPELLING_WORDS``, ``SPELLING_ENDINGS``):
    "defence" -> "defense", "centres" -> "centers", "organised" -> "organized"; other
    words as they are."""
    if word in SPELLING_WORDS:
        return SPELLING_WORDS[word]
    for british, us in SPELLING_ENDINGS:
        changed = british.sub(us, word, count=1)
        if changed != word:
            return changed
    return word


def skeleton(norm: str) -> str:
    """First letter plus the following consonants, doubled letters collapsed.

    Transliterations of one name mostly differ in vowels and doubled letters
    (Masrin/Misrin, Marat/Maaret, Assad/Asad, Mohammed/Muhammad), so equal
    skeletons are the main evidence for a spelling variant.
    """
    out = [norm[:1]]
    for ch in norm[1:]:
        if ch not in _VOWELS and ch != out[-1]:
            out.append(ch)
    return "".join(out)


class VariantMap(NamedTuple):
    """Spelling variants found in one input, each mapped to a canonical spelling.

    ``names``: the input's names found in two documents or more (words of five
    letters or more never written in lower case), as normalised.
    """

    canonical: Mapping[str, str]
    names: frozenset[str] = frozenset()

    def __call__(self, norm: str) -> str:
        return self.canonical.get(norm, norm)


EMPTY_VARIANTS = VariantMap({})


# A text's candidate names (see ``_proper_names``), each once in order of first
# appearance: (normalised word, how often, whether it is ever written in lower case).
NameCounts = tuple[tuple[str, int, bool], ...]


def name_counts(words: Iterable[Token]) -> NameCounts:
    """The candidate names among ``words``: 5+ letters, counted, lower-case use noted."""
    found: dict[str, list[int]] = {}  # word -> [count, written in lower case]
    for token in words:
        norm = token.norm
        if len(norm) < 5 or not norm.isalpha():  # (letters only: never a number)
            continue
        entry = found.get(norm)
        if entry is None:
            entry = found[norm] = [0, 0]
        entry[0] += 1
        if not token.surface[:1].isupper():
            entry[1] = 1
    return tuple((norm, n, bool(low)) for norm, (n, low) in found.items())


@lru_cache(maxsize=8192)
def text_name_counts(text: str) -> NameCounts:
    """``name_counts`` of one text's tokens, cached: reprints repeat whole sentences."""
    return name_counts(tokens(text))


def _proper_names(
    documents: Sequence[Iterable[Token]],
) -> tuple[Counter[str], dict[str, set[int]]]:
    """Candidate names: words of 5+ letters that never appear in lower case."""
    return _tally_names([[name_counts(doc)] for doc in documents])


def _tally_names(
    documents: Sequence[Iterable[NameCounts]],
) -> tuple[Counter[str], dict[str, set[int]]]:
    """Candidate names over documents given as the ``NameCounts`` of their parts:
    each name's count, the documents it is found in; names ever in lower case dropped.

    Each part is read as its distinct names (a sentence's, counted once per
    text however often reprints repeat it), so the work follows distinct words.
    """
    counts: Counter[str] = Counter()
    seen_in: dict[str, set[int]] = {}
    lower: set[str] = set()
    for doc_index, parts in enumerate(documents):
        for part in parts:
            for norm, n, low in part:
                if low:
                    lower.add(norm)
                counts[norm] += n
                seen_in.setdefault(norm, set()).add(doc_index)
    for word in lower:
        del counts[word]
    return counts, seen_in


def _is_variant(a: str, b: str, docs_a: set[int], docs_b: set[int]) -> bool:
    """Whether two names look like spellings of one name.

    Conservative on purpose: same first letter, equal consonant skeleton, a
    reasonable character ratio, and never both used within the same document
    (an outlet that writes both spellings means two different names).
    """
    return (
        a[0] == b[0]
        and not docs_a & docs_b
        and skeleton(a) == skeleton(b)
        and similarity(a, b) >= 70
    )


def similarity(a: str, b: str) -> float:
    """Character similarity 0..100: 100 * 2 * LCS / (len a + len b), the Indel ratio."""
    return fuzz.ratio(a, b)


def variant_map(documents: Sequence[str]) -> VariantMap:
    """Find spelling variants of proper names across ``documents`` (see below)."""
    return variant_map_of_tokens([tokens(doc) for doc in documents])


def variant_map_of_tokens(documents: Sequence[Iterable[Token]]) -> VariantMap:
    """Find spelling variants of proper names across tokenised documents."""
    return _variants(*_proper_names(documents))


def variant_map_of_texts(documents: Sequence[Iterable[str]]) -> VariantMap:
    """Find spelling variants across documents given as their sentences' texts: the
    same map as ``variant_map_of_tokens`` of their tokens, each distinct text read once."""
    return _variants(*_tally_names([[text_name_counts(t) for t in doc] for doc in documents]))


def _variants(counts: Counter[str], seen_in: dict[str, set[int]]) -> VariantMap:
    """Spelling variants among candidate names (``_proper_names``).

    Only names with one skeleton can be variants, so names are bucketed by
    skeleton (linear time). Within a bucket each name is compared with the
    canonical names chosen so far (most frequent first, ties alphabetical), so
    chains A~B~C cannot merge A with an unlike C.
    """
    buckets: dict[str, list[str]] = {}
    for word in sorted(counts, key=lambda w: (-counts[w], w)):
        buckets.setdefault(skeleton(word), []).append(word)
    mapping: dict[str, str] = {}
    for words in buckets.values():
        mapping.update(_merge_bucket(words, seen_in))
    shared = frozenset(w for w in counts if len(seen_in[w]) > 1)
    return VariantMap(mapping, shared)


def _merge_bucket(words: Sequence[str], seen_in: Mapping[str, set[int]]) -> dict[str, str]:
    """Map each word of one skeleton bucket to the first canonical word it resembles."""
    canon_docs: dict[str, set[int]] = {}
    mapping: dict[str, str] = {}
    for word in words:
        target = next(
            (c for c in canon_docs if _is_variant(c, word, canon_docs[c], seen_in[word])),
            None,
        )
        if target is None:
            canon_docs[word] = set(seen_in[word])
        else:
            mapping[word] = target
            canon_docs[target] |= seen_in[word]
    return mapping


def match_key(token: Token, variants: VariantMap = EMPTY_VARIANTS) -> str:
    """The key two tokens must share to count as the same word."""
    return stem(variants(token.norm))


def content_keys(text: str, variants: VariantMap = EMPTY_VARIANTS) -> list[str]:
    """Match keys of the non-stopword tokens of ``text``, in order."""
    return [match_key(t, variants) for t in tokens(text) if not t.is_stopword]


def all_keys(texts: Iterable[str], variants: VariantMap = EMPTY_VARIANTS) -> set[str]:
    """The set of content keys over several texts."""
    return {k for text in texts for k in content_keys(text, variants)}
