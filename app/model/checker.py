"""Collecting located problems while content files are cross-checked.

A :class:`Checker` knows every parsed file (:class:`~app.model.sources.Sources`) and turns a path of
keys into the file and line a teacher should look at. The checks in :mod:`app.model.checks` call
its helpers; every problem is collected, so all of them can be fixed in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.model.content import CITATION, citations
from app.model.errors import Problem
from app.model.sources import Sources

Keys = Sequence[str | int]


class Checker:
    def __init__(self, sources: Sources) -> None:
        self.sources = sources
        self.problems: list[Problem] = []
        self.reference_ids = {r.id for r in sources.references.parsed.references}

    def error(self, file: str, keys: Keys, message: str, near: str = "") -> None:
        """A problem in ``NAME.yaml`` at the node reached by ``keys`` (or the first line from there
        that contains ``near``)."""
        source = self.sources.by_name(file)
        line = source.line(*keys)
        if near:
            line = source.line_containing(line, near)
        self.problems.append(Problem(source.path, line, message))

    def unique(self, file: str, list_key: str, ids: Iterable[str], what: str) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(ids):
            if item in seen:
                first = self.sources.by_name(file).line(list_key, seen[item])
                self.error(file, (list_key, index), f"duplicate {what} id {item!r} (first on line {first})")
            else:
                seen[item] = index

    def known(self, file: str, keys: Keys, value: str | None, valid: Iterable[str], what: str) -> None:
        if value is not None and value not in valid:
            options = ", ".join(sorted(valid))
            self.error(file, keys, f"unknown {what} {value!r}; expected one of: {options}")

    def cited(self, file: str, keys: Keys, paragraphs: Sequence[str], what: str) -> None:
        """Every paragraph cites at least one known reference, in well-formed brackets."""
        for index, paragraph in enumerate(paragraphs):
            where = (*keys, index)
            keys_cited = citations(paragraph)
            if not keys_cited:
                self.error(file, where, f"{what} cites no reference; end it with a citation such as [JN]")
            for key in keys_cited:
                if key not in self.reference_ids:
                    self.error(file, where, f"unknown reference [{key}]; add it to references.yaml", near=key)
            stripped = CITATION.sub("", paragraph)
            if "[" in stripped or "]" in stripped:
                self.error(
                    file, where, f"malformed citation in {what}; write citations as [KEY] or [KEY, KEY]"
                )

    def refs(self, file: str, keys: Keys, refs: Sequence[str], owner: str = "") -> None:
        """A ``refs: [...]`` list: every key known, and (with ``owner``) at least one."""
        for index, key in enumerate(refs):
            if key not in self.reference_ids:
                self.error(file, (*keys, index), f"unknown reference {key!r}; add it to references.yaml")
        if owner and not refs:
            self.error(file, keys[:-1], f"{owner} cites no reference (refs: [...])")
