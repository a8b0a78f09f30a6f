"""The paraphrase-signal benchmark (tests/bench/paraphrase_eval.py): its measures.

The candidates' figures are reported in PARAPHRASE.md, not pinned here; these
tests pin how pairs are proposed and counted, on small matrices and texts of
their own, and that the benchmark runs with only the lexical signals (no
model package installed).
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

import paraphrase_eval as pe


def test_mutual_best_keeps_only_pairs_that_choose_each_other() -> None:
    rows = [(0, 0), (0, 1), (0, 2)]
    cols = [(1, 0), (1, 1)]
    sim = np.array(
        [
            [0.9, 0.1],  # row 0 and col 0 choose each other
            [0.8, 0.2],  # row 1's best is col 0, which prefers row 0
            [0.0, 0.7],  # row 2 and col 1 choose each other
        ]
    )
    assert pe.mutual_best(rows, cols, sim) == {
        ((0, 0), (1, 0)): pytest.approx(0.9),
        ((0, 2), (1, 1)): pytest.approx(0.7),
    }


def test_mutual_best_orders_each_pair_and_drops_zero_similarity() -> None:
    # the later article as rows: pairs still come out (earlier, later)
    got = pe.mutual_best([(3, 5)], [(1, 2), (1, 4)], np.array([[0.0, 0.4]]))
    assert got == {((1, 4), (3, 5)): pytest.approx(0.4)}
    assert pe.mutual_best([(0, 0)], [(1, 0)], np.array([[0.0]])) == {}
    assert pe.mutual_best([], [(1, 0)], np.zeros((0, 1))) == {}


def test_threshold_is_the_lowest_reaching_the_target_precision() -> None:
    scored = [(0.9, True), (0.8, True), (0.7, False), (0.6, True), (0.5, False), (0.4, False)]
    # precision at 0.9: 1/1, 0.8: 2/2, 0.7: 2/3, 0.6: 3/4, 0.5: 3/5
    assert pe.threshold_for(scored, 0.75) == pytest.approx(0.6)
    assert pe.threshold_for(scored, 0.9) == pytest.approx(0.8)
    assert pe.threshold_for([(0.5, False)], 0.9) is None


def test_threshold_takes_all_pairs_tied_at_a_value_together() -> None:
    # at 0.5 two pairs tie: one true, one false; precision 2/3 there, not 2/2
    scored = [(0.8, True), (0.5, True), (0.5, False)]
    assert pe.threshold_for(scored, 0.9) == pytest.approx(0.8)


def test_reachable_counts_a_matching_not_every_gold_pair() -> None:
    # a passage of two sentences against one: one sentence's best match is one
    # sentence, so at most one of the two pairs can be a mutual best pair
    two_to_one = [((0, 0), (1, 0)), ((0, 1), (1, 0))]
    assert pe.reachable(two_to_one) == 1
    two_to_two = [((0, 0), (1, 0)), ((0, 0), (1, 1)), ((0, 1), (1, 0)), ((0, 1), (1, 1))]
    assert pe.reachable(two_to_two) == 2
    # different article pairs are matched apart
    assert pe.reachable([((0, 0), (1, 0)), ((0, 0), (2, 0))]) == 2


def test_morph_key_meets_derived_words_and_leaves_short_ones() -> None:
    key = pe.morph_key
    assert key("displacement") == key("displac")  # "displaced" as the engine stems it
    assert key("violation") == key("violat")
    assert key("reportedly") == "report"
    assert key("nation") == "nation"  # stem would be too short
    assert key("family") == "family"
    assert key("2020") == "2020"


def test_lexical_vectors_weigh_rare_words_over_common_ones() -> None:
    texts = [
        "The council approved the new budget for the harbour.",
        "The council rejected the harbour plan.",
        "Councillors approved the new budget on Monday.",
    ]
    v = pe.lexical_vectors(texts)
    assert v.shape[0] == 3
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0)
    sim = v @ v.T
    assert sim[0, 2] > sim[0, 1]  # "approved the new budget" beats "council ... harbour"


def test_synonyms_met_in_one_set_only_are_left_out_on_that_set() -> None:
    only_mine = next(w for w, origins in pe.SYNONYMS.items() if origins == {"mine"})
    keys = {pe.morph_key(k) for word in only_mine for k in pe.content_keys(word)}
    assert not keys & pe.synonym_map("mine").keys()
    mapping = pe.synonym_map("seeds")
    assert len({mapping[k] for k in keys}) == 1  # one key for the whole group elsewhere


def test_synonyms_join_words_in_lexical_vectors() -> None:
    key = pe.with_synonyms("some other set")
    texts = ["Inspectors fined the company twice.", "Regulators penalised the operator."]
    plain = pe.lexical_vectors(texts)
    joined = pe.lexical_vectors(texts, key)
    assert float(plain[0] @ plain[1]) == 0.0
    assert float(joined[0] @ joined[1]) > 0.5


def test_tally_counts_found_missed_and_false_pairs() -> None:
    seeds = next(g for g in pe.all_golds() if g.kind == "seeds")
    miss = min(seeds.misses)
    kept = min(seeds.expected & seeds.engine)
    false = next(
        ((a, s), (b, t))
        for a in range(len(seeds.sentences))
        for b in range(a + 1, len(seeds.sentences))
        for s in seeds.sentences[a]
        for t in seeds.sentences[b]
        if ((a, s), (b, t)) not in seeds.expected | seeds.engine
    )
    proposals = {seeds.name: {miss: 0.9, kept: 0.8, false: 0.3}}
    row = pe.tally([seeds], proposals, 0.5)
    assert (row.found, row.misses_found) == (2, 1)
    assert (row.ok, row.misses_ok, row.false, row.new_false) == (2, 1, 0, 0)
    low = pe.tally([seeds], proposals, 0.2)
    assert (low.false, low.new_false) == (1, 1)
    assert row.f1_with > row.f1_engine  # one more gold pair, no false one


def test_runs_with_the_lexical_signals_only(capsys: pytest.CaptureFixture[str]) -> None:
    assert pe.main(["--only", "lexical", "--only", "lexical+syn", "--pairs", "lexical"]) == 0
    out = capsys.readouterr().out
    assert "(engine)        seeds" in out
    assert "lexical+syn     real" in out
    assert "threshold" in out


def test_unknown_candidate_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        pe.main(["--only", "nonesuch"])
    assert stop.value.code == 2
    assert "unknown candidate 'nonesuch'" in capsys.readouterr().err


def test_missing_model_packages_are_skipped(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    model = next(c for c in pe.CANDIDATES if c.load is not None)
    monkeypatch.setattr(model, "files", lambda: False)  # absent here, whatever is installed
    assert pe.main(["--only", model.name]) == 0
    assert f"skipped {model.name}: not installed" in capsys.readouterr().out


def test_minilm_tokenizer_is_found_only_where_it_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "none.json"
    monkeypatch.setenv(pe.TOKENIZER_ENV, str(missing))
    assert not pe.has_minilm_tokenizer()
    with pytest.raises(FileNotFoundError, match=r"none\.json"):
        pe.minilm_tokenizer()
    present = tmp_path / "tokenizer.json"
    present.write_text("{}", encoding="utf-8")
    monkeypatch.setenv(pe.TOKENIZER_ENV, str(present))
    assert pe.has_minilm_tokenizer()
    assert pe.minilm_tokenizer() == present
