"""Reverse localisation: from findings the student ticks to the sites that explain them.

Candidates are every single site and every two sites together, each with what it explains, what it
misses and what it adds. They are ranked as a neurologist reasons: first those that explain every
ticked finding, a single lesion before any combination (one lesion is always the first hypothesis),
then the fewest findings added that were not ticked. Qt-free.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from app.model.quiz import Atom, QuizBank

TICKABLE = ("sign", "sensory")
"""The kinds of finding a student ticks: a sign, or a sensory modality lost, in a region on a side."""


class FindingsInputError(ValueError):
    """The findings given cannot be read (not the JSON of ``neuraxis findings --json``, unknown ids)."""


@dataclass(frozen=True)
class Candidate:
    sites: tuple[str, ...]
    explains: frozenset[Atom]
    missing: frozenset[Atom]
    extra: frozenset[Atom]
    other: int = 0
    """Differences in what is not ticked (lesion types, possible signs), to break ties."""

    def to_json(self) -> dict[str, Any]:
        return {
            "sites": list(self.sites),
            "explains": atoms_json(self.explains),
            "missing": atoms_json(self.missing),
            "extra": atoms_json(self.extra),
        }


def atoms_json(atoms: Iterable[Atom]) -> list[dict[str, str]]:
    return [
        {"region": r, "side": s, ("sign" if k == "sign" else "sensory_loss"): i}
        for r, s, k, i in sorted(atoms)
    ]


def tickable(facts: Iterable[Atom]) -> frozenset[Atom]:
    return frozenset(a for a in facts if a[2] in TICKABLE)


def from_findings_json(bank: QuizBank, data: Any) -> tuple[frozenset[Atom], frozenset[Atom], int | None]:
    """The ticked findings (signs and sensory loss), every fact given, and the day, from the JSON of
    ``neuraxis findings --json``; raise :class:`FindingsInputError` saying what is wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("findings"), list):
        raise FindingsInputError(
            'expected the JSON of "neuraxis findings ... --json" (an object with "findings")'
        )
    day = data.get("day")
    if day is not None and (not isinstance(day, int) or isinstance(day, bool) or day < 0):
        raise FindingsInputError(f"the day must be a whole number, not {day!r}")
    content = bank.content
    kinds = {
        "lesions": "lesion",
        "signs": "sign",
        "sensory_loss": "sensory",
        "possible": "possible",
        "possible_sensory_loss": "possible-sensory",
        "possible_lesions": "possible-lesion",
    }
    facts: set[Atom] = set()
    for index, finding in enumerate(data["findings"]):
        if not isinstance(finding, Mapping):
            raise FindingsInputError(f"finding {index + 1} is not an object")
        region, side = finding.get("region"), finding.get("side")
        if region not in content.regions_by_id:
            raise FindingsInputError(f"finding {index + 1}: unknown region {region!r}")
        if side not in ("left", "right"):
            raise FindingsInputError(f"finding {index + 1}: side must be left or right, not {side!r}")
        for key, kind in kinds.items():
            items = finding.get(key, [])
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise FindingsInputError(f"finding {index + 1}: {key} must be a list of ids")
            for item in items:
                known = content.modalities if "sensory" in kind else content.signs_by_id
                if kind in ("sign", "sensory", "possible", "possible-sensory") and item not in known:
                    raise FindingsInputError(f"finding {index + 1}: unknown {key} id {item!r}")
                facts.add((region, side, kind, item))
    return tickable(facts), frozenset(facts), day


class Localizer:
    def __init__(self, bank: QuizBank) -> None:
        self.bank = bank
        self.order = [s.id for s in bank.content.sites]

    def candidates(
        self,
        ticked: frozenset[Atom],
        day: int | None = None,
        *,
        everything: frozenset[Atom] | None = None,
        limit: int = 10,
    ) -> list[Candidate]:
        """The best ``limit`` explanations of ``ticked``, best first (see the module docstring). Two
        sites are considered together when each explains a ticked finding the other does not."""
        if not ticked:
            return []
        singles = [self._candidate((s,), ticked, day, everything) for s in self.order]
        useful = [c for c in singles if c.explains]
        pairs = [
            self._candidate(a.sites + b.sites, ticked, day, everything)
            for a, b in combinations(useful, 2)
            if a.explains - b.explains and b.explains - a.explains
        ]
        rank = {site: index for index, site in enumerate(self.order)}
        found = [c for c in (*singles, *pairs) if c.explains]
        found.sort(
            key=lambda c: (
                len(c.missing),
                len(c.sites),
                len(c.extra),
                c.other,
                [rank[s] for s in c.sites],
            )
        )
        return found[:limit]

    def _candidate(
        self,
        sites: tuple[str, ...],
        ticked: frozenset[Atom],
        day: int | None,
        everything: frozenset[Atom] | None,
    ) -> Candidate:
        facts = self.bank.facts(sites, day)
        shown = tickable(facts)
        other = len(facts ^ everything) if everything is not None else 0
        return Candidate(sites, ticked & shown, ticked - shown, shown - ticked, other)

    def options(self) -> dict[tuple[str, str], list[Atom]]:
        """What can be ticked, per region and side: every sign and sensory loss some single site
        gives there, in content order."""
        found: set[Atom] = set()
        for site in self.order:
            found |= tickable(self.bank.facts((site,)))
        signs = {s.id: i for i, s in enumerate(self.bank.content.signs)}
        rank = {**signs, **{m: len(signs) + i for i, m in enumerate(self.bank.content.modalities)}}
        options: dict[tuple[str, str], list[Atom]] = {}
        for region in self.bank.content.regions:
            for side in ("right", "left"):
                here = [a for a in found if a[0] == region.id and a[1] == side]
                if here:
                    options[(region.id, side)] = sorted(here, key=lambda a: (a[2], rank.get(a[3], 0)))
        return options
