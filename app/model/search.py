"""Find a lesion site or a disease by name, as the user types ("caps", "weber", "radial", "als").

Every word typed must begin a word of the name or of the id (so "caps" finds the internal capsules
and "med nerve" the median nerves); when nothing begins that way, a word may also sit inside one
("myel" finds myelopathy). Sites come before diseases, each in the order the content lists them.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from app.model.content import Content

SITE = "site"
DISEASE = "disease"
_WORD = re.compile(r"[a-z0-9]+")


class Match(NamedTuple):
    kind: str
    """:data:`SITE` or :data:`DISEASE`."""
    id: str
    name: str


def _words(text: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return _WORD.findall(plain)


def _score(query: list[str], words: list[str]) -> int | None:
    """0 when every query word begins a word, 1 when each is at least inside one, else None."""
    if all(any(w.startswith(q) for w in words) for q in query):
        return 0
    if all(any(q in w for w in words) for q in query):
        return 1
    return None


def find(content: Content, text: str) -> list[Match]:
    """What ``text`` names, best matches first; everything when ``text`` is blank."""
    query = _words(text)
    candidates = [Match(SITE, s.id, s.name) for s in content.sites]
    candidates += [Match(DISEASE, d.id, d.name) for d in content.diseases]
    if not query:
        return candidates
    scored = []
    for index, match in enumerate(candidates):
        score = _score(query, _words(match.name) + _words(match.id.replace("-", " ")))
        if score is not None:
            scored.append((score, index, match))
    return [match for _, _, match in sorted(scored)]
