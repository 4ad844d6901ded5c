"""Find the lesion: questions generated from the engine's findings, and answers graded by comparing
findings, never by comparing site ids.

A question is the findings of a hidden lesion (one site, or two together at level 3, on a given day
at level 4). Its ``accepted`` answers are every set of sites of the level's size whose findings equal
the question's: a corona radiata lesion that looks exactly like an internal capsule lesion is as right
as the one the question was drawn from. A wrong answer earns partial credit, the share of the
question's findings it reproduces, with the reasons read from the difference (the other side, another
level, upper for lower motor neuron, a crossed sign missed).

Qt-free; deterministic for a given seed.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Iterator
from itertools import combinations
from typing import Any

import msgspec

from app.model.findings import Engine, Findings
from app.model.sides import opposite

LEVELS = {
    1: "Single sites, from cortex to muscle",
    2: "Crossed brainstem and cord syndromes",
    3: "Two lesions together (ALS-like)",
    4: "The day since onset matters (spinal shock)",
}
LEVEL_SIZE = {1: 1, 2: 1, 3: 2, 4: 1}
LEVEL_PAIRS = 3
ALMOST = 0.9
"""The credit of an answer with the same signs whose possible findings differ."""
"""How many sites an answer of each level has."""
LESION_WORDS = {"UMN": "upper motor neuron", "LMN": "lower motor neuron", "NMJ": "neuromuscular junction"}

Atom = tuple[str, str, str, str]
"""One finding: (region, side, kind, item), kind one of lesion, sign, sensory, possible..."""


def atoms(findings: Findings, *, possible: bool = True) -> frozenset[Atom]:
    """The findings as a set of facts; two answers are equivalent when these are equal. Without
    ``possible``, only what is certainly present (signs, sensory loss, lesion types)."""
    found: set[Atom] = set()
    for f in findings.findings:
        kinds: list[tuple[str, Iterable[str]]] = [
            ("lesion", f.lesions),
            ("sign", f.signs),
            ("sensory", f.sensory_loss),
        ]
        if possible:
            kinds += [
                ("possible", f.possible),
                ("possible-sensory", f.possible_sensory_loss),
                ("possible-lesion", f.possible_lesions),
            ]
        found.update((f.region, f.side, kind, item) for kind, items in kinds for item in items)
    return frozenset(found)


def _places(facts: Iterable[Atom]) -> frozenset[tuple[str, str]]:
    return frozenset((region, side) for region, side, _, _ in facts)


def _mirror(facts: Iterable[Atom]) -> frozenset[Atom]:
    return frozenset((region, opposite(side), kind, item) for region, side, kind, item in facts)


def is_crossed(facts: frozenset[Atom]) -> bool:
    """Findings on both sides that are not the mirror of each other (Weber, Brown-Sequard...)."""
    return len({side for _, side, _, _ in facts}) == 2 and _mirror(facts) != facts


class Question(msgspec.Struct, frozen=True):
    id: str
    level: int
    day: int | None
    sites: tuple[str, ...]
    """The lesion the question was drawn from (one of ``accepted``)."""
    findings: Findings
    accepted: tuple[tuple[str, ...], ...]
    disease: str | None = None
    """The disease whose process the findings follow (clinical cases); None for a plain lesion."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "day": self.day,
            "findings": [f.to_json() for f in self.findings.findings],
            "accepted": [list(a) for a in self.accepted],
        }


class Grade(msgspec.Struct, frozen=True, kw_only=True):
    correct: bool
    credit: float
    """1.0 when correct, else the share of the question's findings the answer reproduces (0..1)."""
    reasons: tuple[str, ...]
    found: int
    """Sites of the closest accepted answer that the answer named ("N of M sites found")."""
    of: int
    solution: tuple[str, ...]
    """The accepted answer closest to the one given."""

    def summary(self) -> str:
        if self.correct:
            return "Correct: the findings are the same."
        return (
            f"Not quite ({round(self.credit * 100)}% of the findings): {self.found} of {self.of} sites found."
        )


def question_id(level: int, sites: Iterable[str], day: int | None) -> str:
    key = f"{level}:{'+'.join(sorted(sites))}@{day}"
    return f"L{level}-{hashlib.sha256(key.encode()).hexdigest()[:8]}"


class QuizBank:
    """Questions and grading for one content; caches the findings of single sites."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.content = engine.content
        self._single: dict[tuple[tuple[str, ...], int | None, str | None], frozenset[Atom]] = {}
        self._combined: dict[tuple[tuple[str, ...], int | None, str | None], frozenset[Atom]] = {}
        self._pools: dict[int, list[tuple[tuple[str, ...], int | None]]] = {}

    # --- findings ------------------------------------------------------------------------------
    def facts(
        self, sites: Iterable[str], day: int | None = None, disease: str | None = None
    ) -> frozenset[Atom]:
        """The findings of ``sites`` together (with a disease's process when given), cached."""
        key = (tuple(sorted(sites)), day, disease)
        cache = self._single if len(key[0]) == 1 else self._combined
        if key not in cache:
            cache[key] = atoms(self.engine.evaluate(key[0], day, disease))
        return cache[key]

    def accepted(self, facts: frozenset[Atom], size: int, day: int | None) -> tuple[tuple[str, ...], ...]:
        """Every set of ``size`` sites whose findings on ``day`` equal ``facts``. A site can only be
        part of such a set if the places it affects alone are among those of ``facts`` (a second
        lesion never takes a place's findings away), which keeps the search to a few sites."""
        places = _places(facts)
        order = [s.id for s in self.content.sites]
        if size == 1:
            return tuple((s,) for s in order if self.facts((s,), day) == facts)
        fitting = [s for s in order if _places(self.facts((s,), day)) <= places]
        return tuple(c for c in combinations(fitting, size) if self.facts(c, day) == facts)

    # --- the questions of each level -----------------------------------------------------------
    def days(self) -> tuple[int, ...]:
        """One day in each span where the day-dependent sign rules give the same answer."""
        bounds = {0}
        for sign in self.content.signs:
            for rule in sign.rules:
                bounds.update(d for d in (rule.from_day, rule.until_day) if d is not None)
        return tuple(sorted(bounds))

    def pool(self, level: int) -> list[tuple[tuple[str, ...], int | None]]:
        """The candidate questions of a level, as (sites, day), in content order (found cheaply from
        single sites; :meth:`questions` keeps those that are valid and distinct)."""
        if level not in LEVELS:
            raise ValueError(f"unknown level {level} (levels: {', '.join(map(str, LEVELS))})")
        if level not in self._pools:
            self._pools[level] = list(self._candidates(level))
        return self._pools[level]

    def _valid(self, level: int, sites: tuple[str, ...], day: int | None) -> bool:
        """The question shows something, and two lesions look like no single one."""
        facts = self.facts(sites, day)
        if not facts:
            return False
        if level == LEVEL_PAIRS:
            return all(self.facts((s,), day) != facts for s in (x.id for x in self.content.sites))
        return True

    def _candidates(self, level: int) -> Iterator[tuple[tuple[str, ...], int | None]]:
        sites = [s.id for s in self.content.sites]
        if level in (1, 2):
            for site in sites:
                if is_crossed(self.facts((site,))) == (level == 2):
                    yield (site,), None
        elif level == 4:
            for site in sites:
                established = self.facts((site,))
                for day in self.days():
                    if self.facts((site,), day) != established:
                        yield (site,), day
        else:
            yield from (((a, b), None) for a, b in dict.fromkeys(self._pairs(sites)))

    def _pairs(self, sites: list[str]) -> Iterator[tuple[str, str]]:
        """Two lesions that meet in one region, one upper motor neuron and one lower (or junction, or
        muscle), as in ALS, whose findings together are those of no single site."""
        motor = {s: {(r, side, i) for r, side, k, i in self.facts((s,)) if k == "lesion"} for s in sites}
        upper = {s: {(r, side) for r, side, t in motor[s] if t == "UMN"} for s in sites}
        lower = {s: {(r, side) for r, side, t in motor[s] if t != "UMN"} for s in sites}
        order = {s: i for i, s in enumerate(sites)}
        for a in (s for s in sites if upper[s]):
            for b in (s for s in sites if lower[s]):
                if a == b or not upper[a] & lower[b]:
                    continue
                yield (a, b) if order[a] < order[b] else (b, a)

    def question(self, level: int, sites: tuple[str, ...], day: int | None) -> Question:
        findings = self.engine.evaluate(sites, day)
        accepted = self.accepted(atoms(findings), LEVEL_SIZE[level], day)
        return Question(question_id(level, sites, day), level, day, sites, findings, accepted)

    def questions(self, level: int | None, count: int, seed: int) -> list[Question]:
        """``count`` questions of ``level`` (every level in turn when None), the same for the same
        seed; no two with the same findings while the level has others left."""
        rng = random.Random(seed)  # noqa: S311 (a quiz, not a secret)
        levels = [level] if level is not None else list(LEVELS)
        decks: dict[int, list[tuple[tuple[str, ...], int | None]]] = {lv: [] for lv in levels}
        seen: dict[int, set[tuple[frozenset[Atom], int | None]]] = {lv: set() for lv in levels}
        picked: list[Question] = []
        for index in range(count):
            lv = levels[index % len(levels)]
            while True:
                if not decks[lv]:
                    decks[lv] = rng.sample(self.pool(lv), len(self.pool(lv)))
                    seen[lv].clear()
                sites, day = decks[lv].pop()
                key = (self.facts(sites, day), day)
                if key not in seen[lv] and self._valid(lv, sites, day):
                    seen[lv].add(key)
                    break
            picked.append(self.question(lv, sites, day))
        return picked

    # --- grading -------------------------------------------------------------------------------
    def grade(self, question: Question, answer: Iterable[str]) -> Grade:
        answer = tuple(dict.fromkeys(answer))
        wanted = atoms(question.findings)
        got = self.facts(answer, question.day, question.disease) if answer else frozenset()
        best = max(question.accepted or (question.sites,), key=lambda a: len(set(a) & set(answer)))
        found = len(set(best) & set(answer))
        if answer and got == wanted:
            return Grade(
                correct=True, credit=1.0, reasons=(), found=len(best), of=len(best), solution=tuple(answer)
            )
        certain = atoms(question.findings, possible=False)
        given = frozenset(a for a in got if a[2] in ("lesion", "sign", "sensory"))
        union = certain | given
        credit = len(certain & given) / len(union) if union else 0.0
        reasons = self.reasons(certain, given)
        if answer and certain == given:  # the same signs: only what may be present differs
            credit = ALMOST
            possible = ", ".join(sorted({self._item_name(item) for _, _, _, item in wanted ^ got}))
            reasons = [
                f"Almost: the same signs, but a lesion there would make other findings possible ({possible})."
            ]
        return Grade(
            correct=False,
            credit=round(credit, 2),
            reasons=tuple(reasons),
            found=found,
            of=len(best),
            solution=best,
        )

    def reasons(self, wanted: frozenset[Atom], got: frozenset[Atom]) -> list[str]:
        """Why an answer's findings differ from the question's, as a neurologist would say it."""
        if not got:
            return ["No site chosen: click the site (or sites) that explain the findings, then Check."]
        reasons = []
        want_places, got_places = _places(wanted), _places(got)
        want_regions = {r for r, _ in want_places}
        got_regions = {r for r, _ in got_places}
        if _mirror(got) == wanted or (_places(_mirror(got)) == want_places and got_places != want_places):
            reasons.append("Right level, wrong side: your answer gives these findings on the other side.")
        elif {s for _, s in got_places} == {s for _, s in want_places} and got_regions != want_regions:
            missing = self._names(want_regions - got_regions)
            extra = self._names(got_regions - want_regions)
            detail = "; ".join(
                part
                for part in (f"it misses {missing}" if missing else "", f"adds {extra}" if extra else "")
                if part
            )
            reasons.append(f"Right side, wrong level: {detail}." if detail else "Right side, wrong level.")
        for region, side in sorted(want_places & got_places):
            want_types = {i for r, s, k, i in wanted if (r, s, k) == (region, side, "lesion")}
            got_types = {i for r, s, k, i in got if (r, s, k) == (region, side, "lesion")}
            if ("UMN" in want_types) != ("UMN" in got_types) and ("LMN" in want_types) != (
                "LMN" in got_types
            ):
                shown = " + ".join(sorted(want_types)) or "no motor lesion"
                reasons.append(
                    f"UMN/LMN confusion: the {side} {self._names([region])} shows {shown}, "
                    f"your answer gives {' + '.join(sorted(got_types)) or 'none'}."
                )
                break
        want_sides = {s for _, s in want_places}
        if is_crossed(wanted) and len({s for _, s in got_places}) < len(want_sides):
            reasons.append(
                "A crossed sign missed: the findings are on both sides of the body, your answer explains one."
            )
        mirrored = len(_mirror(got) & wanted)
        if not reasons and mirrored > len(got & wanted):
            reasons.append(
                f"Wrong side: on the other side your answer would explain {mirrored} of the "
                f"{len(wanted)} findings."
            )
        if got < wanted:
            reasons.append(
                f"Part of the picture: your answer explains {len(got)} of the {len(wanted)} findings and "
                "adds none that are not there; something else explains the rest."
            )
        if not reasons:
            shared = len(wanted & got)
            reasons.append(f"Different findings: {shared} of {len(wanted)} of the question's findings match.")
        return reasons

    def _item_name(self, item: str) -> str:
        """A sign, sensory modality or lesion type in words."""
        content = self.content
        if item in content.signs_by_id:
            return content.signs_by_id[item].name.lower()
        if item in content.modalities:
            return f"{content.modalities[item].name} lost"
        return item

    def _names(self, regions: Iterable[str]) -> str:
        by_id = self.content.regions_by_id
        ordered = [r.id for r in self.content.regions if r.id in set(regions)]
        return ", ".join(by_id[r].name.lower() for r in ordered)

    # --- hints ---------------------------------------------------------------------------------
    def hints(self, question: Question) -> list[str]:
        """Hints one at a time: the side, the level, the lesion type."""
        sites = [self.content.sites_by_id[s] for s in question.sites]
        sides = sorted({s.side for s in sites}, key=["right", "left", "midline"].index)
        side_text = " and ".join("both sides or the midline" if s == "midline" else f"the {s}" for s in sides)
        groups = {g.id: g.name for g in self.content.site_groups}
        levels = "; ".join(f"{groups[s.group].lower()} ({s.level})" for s in sites)
        types = " and ".join(LESION_WORDS.get(t, t) for t in question.findings.lesions) or "no weakness"
        return [
            f"Side: the lesion is on {side_text}.",
            f"Level: {levels}.",
            f"Lesion type: {types}.",
        ]
