"""Find a lesion site or a disease by name, as the user types ("caps", "weber", "radial", "als").

Every word typed must begin a word of the name or of the id (so "caps" finds the internal capsules
and "med nerve" the median nerves); when nothing begins that way, a word may also sit inside one
("myel" finds myelopathy). When nothing matches even so, a word of four letters or more may be
misspelt ("webr" finds Weber, "radail" the radial nerves): those matches say they are only close.
Sites come before diseases, each in the order the content lists them.
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
CLOSE = 0.8
"""How alike a misspelt word and a word of a name must be (difflib's ratio: "webr"/"weber" 0.89)."""
MIN_CLOSE_LETTERS = 4
"""Shorter words must be spelt right ("als", "c5"): too many short words are alike."""


class Match(NamedTuple):
    kind: str
    """:data:`SITE` or :data:`DISEASE`."""
    id: str
    name: str
    close: bool = False
    """Found only as a near spelling of what was typed."""


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


def _near(query: list[str], words: list[str]) -> bool:
    """Each query word is inside a word or close to one (misspelt)."""
    return all(any(q in w or _close(q, w) for w in words) for q in query)


def _close(typed: str, word: str) -> bool:
    """``typed`` may be ``word`` (or how it begins) misspelt."""
    if len(typed) < MIN_CLOSE_LETTERS:
        return False
    from difflib import SequenceMatcher  # (here: the window imports this module at start-up)

    start = word[: len(typed) + 1]
    return max(SequenceMatcher(None, typed, w).ratio() for w in (word, start)) >= CLOSE


def find(content: Content, text: str) -> list[Match]:
    """What ``text`` names, best matches first; everything when ``text`` is blank."""
    query = _words(text)
    candidates = [Match(SITE, s.id, s.name) for s in content.sites]
    candidates += [Match(DISEASE, d.id, d.name) for d in content.diseases]
    if not query:
        return candidates
    words = [_words(m.name) + _words(m.id.replace("-", " ")) for m in candidates]
    scored = []
    for index, match in enumerate(candidates):
        score = _score(query, words[index])
        if score is not None:
            scored.append((score, index, match))
    if scored:
        return [match for _, _, match in sorted(scored)]
    # Near spellings only when nothing is spelt so (difflib is slow: not on every keystroke).
    return [m._replace(close=True) for m, w in zip(candidates, words, strict=True) if _near(query, w)]
