"""Problems found in content files, each pinned to a file and a line."""

from __future__ import annotations

from pathlib import Path

import msgspec


class Problem(msgspec.Struct, frozen=True, order=True):
    """One thing wrong with the content, as ``FILE:LINE: message``."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class ContentError(Exception):
    """Raised when content cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(set(problems))
        super().__init__("\n".join(str(p) for p in self.problems))
