"""Golden export: the groups and the wording and quotation divergences a user sees.

The export JSON of the seeds, of each invented gold set (tests/gold/invented)
and of ten synthetic articles (tests/bench/synth.py: groups of up to ten
members, where comparing against one reference and comparing all pairs could
part ways) is reduced to its groups (members) and its ``wording`` and ``quote``
divergences and compared with the saved copy in tests/golden/. Numeric claims
and ``number`` divergences are left out: they have their own tests, and
rewriting them must not touch this file.

After an intended change, rewrite the saved copies and review the diff:

    python tests/test_golden.py
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))

from synth import write_corpus

from align import build, bundled_seeds
from align.export import to_dict

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
KINDS = ("wording", "quote")
SYNTHETIC = 10  # articles in the synthetic set


def inputs(tmp: Path | None = None) -> dict[str, list[Path]]:
    """Name -> the article paths of each pinned set, in a fixed order.

    The synthetic set is written into ``tmp`` (left out without one).
    """
    sets = {"seeds": [bundled_seeds()]}
    if tmp is not None:
        sets["synthetic"] = write_corpus(tmp / "synthetic", SYNTHETIC)
    for gold in sorted((HERE / "gold" / "invented").glob("*.yaml")):
        data = yaml.safe_load(gold.read_text(encoding="utf-8"))
        folder = (gold.parent / data.get("folder", ".")).resolve()
        sets[gold.stem] = [folder / name for name in data["articles"].values()]
    return sets


def pinned(paths: list[Path]) -> list[dict[str, Any]]:
    """The groups of an export, each with its members and its non-numeric divergences."""
    doc = to_dict(build(paths))
    return [
        {
            "members": [_member(m) for m in g["members"]],
            "divergences": [
                {k: d[k] for k in ("kind", "article", "sentence", "start", "end", "text", "detail")}
                for d in g["divergences"]
                if d["kind"] in KINDS
            ],
        }
        for g in doc["groups"]
    ]


def _member(m: dict[str, Any]) -> str:
    """ "article:sentence", and for a sentence that only joins with a clause its raw span."""
    name = f"{m['article']}:{m['sentence']}"
    return f"{name} also {m['span'][0]}-{m['span'][1]}" if m.get("role") == "also" else name


def _file(name: str) -> Path:
    return GOLDEN / f"{name}.json"


@pytest.mark.parametrize("name", [*sorted(inputs()), "synthetic"])
def test_export_matches_the_golden_copy(name: str, tmp_path: Path) -> None:
    saved = json.loads(_file(name).read_text(encoding="utf-8"))
    assert pinned(inputs(tmp_path)[name]) == saved


def test_golden_copies_hold_wording_and_quote_divergences() -> None:
    """The pinned sets exercise both kinds (a golden with none would pin little)."""
    kinds = {
        d["kind"]
        for name in [*inputs(), "synthetic"]
        for g in json.loads(_file(name).read_text(encoding="utf-8"))
        for d in g["divergences"]
    }
    assert kinds == set(KINDS)


def write() -> None:
    GOLDEN.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        _write_all(inputs(Path(tmp)))


def _write_all(sets: dict[str, list[Path]]) -> None:
    for name, paths in sets.items():
        text = json.dumps(pinned(paths), ensure_ascii=False, indent=1) + "\n"
        _file(name).write_text(text, encoding="utf-8")
        print(f"wrote {_file(name)}", file=sys.stderr)


if __name__ == "__main__":
    write()
