"""Safe YAML loading that remembers where every key and list item came from.

Content is written by teachers, so a mistake must be reported as ``FILE:LINE: message``.
PyYAML's safe loader is used (libyaml's C parser when available) with these additions:
mappings and sequences remember their line numbers, duplicate keys are errors (PyYAML
silently keeps the last one), and anchors/aliases are refused, which also defeats
"billion laughs" alias bombs that parse fast but explode when walked. Numbers must be finite
(no ``.inf`` or ``.nan``) and of sensible length, and nesting is bounded.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import yaml

from app.model.errors import ContentError, Problem
from app.model.textfile import read_text

MAX_CONTENT_BYTES = 1_000_000
"""Largest content file accepted. The bundled files are a few tens of kilobytes."""
MAX_ENTRIES = 50_000
"""Most lines and commas in a content file (the bundled files have a few thousand): parsing costs
a few microseconds per value, and a megabyte of ``[a,a,a,...]`` would take seconds to refuse."""

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineDict(dict[str, Any]):
    """A mapping from YAML that knows its own line and the line of each key."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    """A sequence from YAML that knows its own line and the line of each item."""

    line: int = 1

    def __init__(self) -> None:
        super().__init__()
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


MAX_DEPTH = 40
"""Deepest nesting of lists and mappings accepted (the bundled files nest about 6 deep); deeper
documents are refused before they can exhaust Python's recursion limit."""


class _Loader(_Base):  # type: ignore[misc,valid-type]
    depth = 0

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        if node in self.constructed_objects or node in self.recursive_objects:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                "anchors and aliases (& and *) are not allowed in content files; write the text out",
                node.start_mark,
            )
        if self.depth >= MAX_DEPTH:
            raise yaml.constructor.ConstructorError(
                None, None, f"lists and mappings are nested more than {MAX_DEPTH} deep", node.start_mark
            )
        self.depth += 1
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as error:  # e.g. a date 2024-13-45
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read this value ({error})", node.start_mark
            ) from None
        finally:
            self.depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    data = LineDict()
    data.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(
                None, None, "merge keys (<<) are not allowed in content files", key_node.start_mark
            )
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise yaml.constructor.ConstructorError(
                None, None, f"keys must be text, not {key!r}; put the key in quotes", key_node.start_mark
            )
        if key in data:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"duplicate key {key!r} (first on line {data.key_lines[key]})",
                key_node.start_mark,
            )
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_lines[key] = key_node.start_mark.line + 1
    return data


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    data = LineList()
    data.line = node.start_mark.line + 1
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.item_lines.append(child.start_mark.line + 1)
    return data


MAX_DIGITS = 30
"""Longest number accepted, in characters (Python refuses to read integers of thousands of digits)."""


def _construct_int(loader: _Loader, node: yaml.ScalarNode) -> int:
    if len(str(node.value)) > MAX_DIGITS:
        raise yaml.constructor.ConstructorError(
            None, None, f"number too long (more than {MAX_DIGITS} characters)", node.start_mark
        )
    value: int = loader.construct_yaml_int(node)
    return value


def _construct_float(loader: _Loader, node: yaml.ScalarNode) -> float:
    value: float = loader.construct_yaml_float(node)
    if not math.isfinite(value):
        raise yaml.constructor.ConstructorError(
            None,
            None,
            f"{node.value!r} is not a finite number; write a plain number (.inf and .nan are not allowed)",
            node.start_mark,
        )
    return value


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
_Loader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load_yaml(path: Path, max_bytes: int = MAX_CONTENT_BYTES) -> Any:
    """Load one YAML document safely; raise :class:`ContentError` with file and line on any failure."""
    text = read_text(path, max_bytes)
    _check_entries(path, text)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 1
        message = error.problem or error.context or "invalid YAML"
        if error.context and error.problem:
            message = f"{error.problem} ({error.context})"
        raise ContentError([Problem(path, line, f"invalid YAML: {message}")]) from None
    except yaml.YAMLError as error:
        raise ContentError([Problem(path, 1, f"invalid YAML: {error}")]) from None
    except RecursionError:  # the pure-Python parser, without libyaml, recurses while composing
        raise ContentError([Problem(path, 1, "invalid YAML: nested too deeply")]) from None


_SEPARATOR = re.compile(r"[,\n]")


def _check_entries(path: Path, text: str) -> None:
    """Refuse a file with more than :data:`MAX_ENTRIES` lines and commas, at the line where it
    passes the limit, before the parser spends seconds on it."""
    if text.count(",") + text.count("\n") <= MAX_ENTRIES:
        return
    for count, match in enumerate(_SEPARATOR.finditer(text), start=1):
        if count > MAX_ENTRIES:
            line = text.count("\n", 0, match.start()) + 1
            raise ContentError(
                [Problem(path, line, f"too many entries: more than {MAX_ENTRIES:,} lines and commas")]
            )


_PATH_TOKEN = re.compile(r"\.([^.\[]+)|\[(\d+)\]")


def line_at(data: Any, path: str) -> int:
    """Line of the deepest node reachable along a msgspec error path such as ``$.sites[3].refs``."""
    line = data.line if isinstance(data, LineDict | LineList) else 1
    node = data
    for key, index in _PATH_TOKEN.findall(path.removeprefix("$")):
        if key and isinstance(node, LineDict) and key in node:
            line = node.line_of(key)
            node = node[key]
        elif index and isinstance(node, LineList) and int(index) < len(node):
            line = node.line_of(int(index))
            node = node[int(index)]
        else:
            break
    return line
