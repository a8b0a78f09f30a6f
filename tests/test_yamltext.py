"""The YAML reader both the manifest and the annotation file use."""

from __future__ import annotations

import pytest

from align.yamltext import YamlProblem, line_of, safe_load

TEXT = "top: 1\nitems:\n  - name: a\n  - name: b\n    size: {x: 1}\n"


def test_line_of_follows_keys_and_indices() -> None:
    assert line_of(TEXT, ("items",)) == 3
    assert line_of(TEXT, ("items", 1)) == 4
    assert line_of(TEXT, ("items", 1, "size")) == 5
    assert line_of(TEXT, ("items", 7, "size")) == 3  # the deepest node that exists
    assert line_of("", ("items",)) is None
    assert line_of("a: [unclosed\n", ("a",)) is None


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("a: 1\nb: [unclosed\n", 3, "expected"),
        ("a: !!python/object/apply:os.system ['true']\n", 1, "not allowed (nothing was run)"),
        ("a: 1\nb: \x00\n", 2, "#x0000"),
        ("a: 1\n\tb: 2\n", 2, ""),
    ],
)
def test_a_problem_names_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(YamlProblem) as caught:
        safe_load(text)
    assert caught.value.line == line and words in caught.value.problem
    assert str(caught.value).startswith(f"line {line}: ")


def test_deep_nesting_is_a_problem_not_a_crash() -> None:
    with pytest.raises(YamlProblem, match="nest"):  # "nested too deeply" or libyaml's own limit
        safe_load("[" * 100_000)
