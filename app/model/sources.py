"""Reading the content files: each ``NAME.yaml`` parsed with line numbers and converted to its
typed schema (:mod:`app.model.schema`), or a located problem saying why it could not be.

A :class:`Source` keeps both forms of one file: the raw YAML (which remembers the line of every key
and item, for messages) and the typed structure the checks and the model read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, Generic, TypeVar

import msgspec

from app.model import schema
from app.model.content import CONTENT_FILES
from app.model.errors import ContentError, Problem
from app.model.physiology_schema import PhysiologyFile
from app.model.textfile import read_text
from app.model.yamlload import MAX_CONTENT_BYTES, LineDict, LineList, line_at, load_yaml

T = TypeVar("T")


@dataclass(frozen=True)
class Source(Generic[T]):
    """One parsed file: where it is, its raw YAML (with line numbers) and its typed form."""

    path: Path
    raw: Any
    parsed: T

    def line(self, *keys: str | int) -> int:
        """The line of the deepest node reachable along ``keys`` (dict keys and list indexes)."""
        node, line = self.raw, getattr(self.raw, "line", 1)
        for key in keys:
            in_dict = isinstance(key, str) and isinstance(node, LineDict) and key in node
            in_list = isinstance(key, int) and isinstance(node, LineList) and key < len(node)
            if in_dict or in_list:
                line, node = node.line_of(key), node[key]
            else:
                break
        return line

    def line_containing(self, start: int, needle: str, reach: int = 40) -> int:
        """The first line at or after ``start`` that contains ``needle`` (a multi-line paragraph's
        citation is reported where it is written, not where the paragraph begins)."""
        lines = self._lines
        for number in range(start, min(start + reach, len(lines)) + 1):
            if needle in lines[number - 1]:
                return number
        return start

    @cached_property
    def _lines(self) -> list[str]:
        """The file's lines, read once (a file with many problems is not read once per problem)."""
        try:
            return read_text(self.path, MAX_CONTENT_BYTES).splitlines()
        except ContentError:
            return []


@dataclass(frozen=True)
class Sources:
    """Every content file, parsed and typed: what the cross-checks and the model are built from."""

    references: Source[schema.ReferencesFile]
    body: Source[schema.BodyFile]
    anatomy: Source[schema.AnatomyFile]
    signs: Source[schema.SignsFile]
    sites: Source[schema.SitesFile]
    diseases: Source[schema.DiseasesFile]
    comparison: Source[schema.ComparisonFile]
    faq: Source[schema.FaqFile]
    physiology: Source[PhysiologyFile]

    def by_name(self, name: str) -> Source[Any]:
        """The source of ``NAME.yaml`` (for messages that name a file by its stem)."""
        source: Source[Any] = getattr(self, name)
        return source


SCHEMAS: dict[str, type[Any]] = {
    "references": schema.ReferencesFile,
    "body": schema.BodyFile,
    "anatomy": schema.AnatomyFile,
    "signs": schema.SignsFile,
    "sites": schema.SitesFile,
    "diseases": schema.DiseasesFile,
    "comparison": schema.ComparisonFile,
    "faq": schema.FaqFile,
    "physiology": PhysiologyFile,
}
"""The schema each content file (``NAME.yaml``) must follow, in the order they are read."""


def parse_file(path: Path, kind: type[T], problems: list[Problem]) -> Source[T] | None:
    """Read one YAML file and convert it to ``kind``; on failure add the problem and return None."""
    try:
        raw = load_yaml(path)
    except ContentError as error:
        problems += error.problems
        return None
    if raw is None:
        problems.append(Problem(path, 1, "file is empty"))
        return None
    try:
        parsed = msgspec.convert(raw, kind)
    except msgspec.ValidationError as error:
        message, _, where = str(error).partition(" - at `")
        where = where.rstrip("`")
        unknown = re.match(r"Object contains unknown field `([^`]+)`", message)
        if unknown:
            where += f".{unknown.group(1)}"
        problems.append(Problem(path, line_at(raw, where), friendly(message, where)))
        return None
    return Source(path, raw, parsed)


def friendly(message: str, where: str) -> str:
    """msgspec's validation message in words a teacher understands."""
    field = where.rsplit(".", 1)[-1] if "." in where else ""
    message = message.replace("`", "'")
    if message.startswith("Object contains unknown field"):
        return message.replace("Object contains unknown field", "unknown field") + " (check the spelling)"
    if "length >= 1" in message:
        return f"{field or 'value'} must not be empty"
    if field and not field.endswith("]"):
        return f"{field}: {message[0].lower()}{message[1:]}"
    return message[0].lower() + message[1:]


def read_sources(directory: Path) -> Sources:
    """Every content file of ``directory``, parsed; raise :class:`ContentError` listing every file
    that cannot be read or does not fit its schema."""
    problems: list[Problem] = []
    parsed = {name: parse_file(directory / f"{name}.yaml", kind, problems) for name, kind in SCHEMAS.items()}
    assert tuple(parsed) == CONTENT_FILES
    if problems:
        raise ContentError(problems)
    return Sources(**{name: source for name, source in parsed.items() if source is not None})
