"""YAML the program reads (the manifest, the annotation file): safe loading and
one-line problems that name the line.

Only ``yaml.safe_load`` is ever used: a tag such as ``!!python/object`` is
refused, and nothing in the text is run. Both readers say what is wrong the
same way, "line N: problem", and their callers put the file's name in front.
"""

from __future__ import annotations

from typing import cast

import yaml
from yaml.reader import ReaderError

Where = tuple[str | int, ...]  # a path of keys and indices into the document


class YamlProblem(Exception):
    """Text that is not YAML the program can use; ``line`` is 1-based, or None."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(f"line {line}: {problem}" if line else problem)
        self.line = line
        self.problem = problem


def safe_load(text: str) -> object:
    """``yaml.safe_load`` with every failure as a YamlProblem naming the line."""
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise _problem(exc, text) from None
    except RecursionError:
        raise YamlProblem(None, "nested too deeply") from None


def _problem(exc: yaml.YAMLError, text: str) -> YamlProblem:
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        if "constructor for the tag" in problem:
            tag = problem.split("'")[1] if "'" in problem else "?"
            tag = tag.replace("tag:yaml.org,2002:", "!!")
            problem = f"the tag {tag} is not allowed (nothing was run)"
        return YamlProblem(None if mark is None else mark.line + 1, problem)
    if isinstance(exc, ReaderError):
        line = text.count("\n", 0, exc.position) + 1
        return YamlProblem(line, f"{exc.reason} (character #x{exc.character:04x})")
    return YamlProblem(None, f"not valid YAML ({str(exc).splitlines()[0]})")


def line_of(text: str, where: Where) -> int | None:
    """The 1-based line of the node at ``where`` (or of its deepest existing parent)."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    if node is None:
        return None
    for step in where:
        child = _child(node, step)
        if child is None:
            break
        node = child
    return int(node.start_mark.line) + 1


def _child(node: yaml.Node, step: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.SequenceNode) and isinstance(step, int):
        items = cast(list[yaml.Node], node.value)
        return items[step] if step < len(items) else None
    if isinstance(node, yaml.MappingNode):
        pairs = cast(list[tuple[yaml.Node, yaml.Node]], node.value)
        for key, value in pairs:
            if getattr(key, "value", None) == step:
                return value
    return None
