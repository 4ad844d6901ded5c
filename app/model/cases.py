"""Clinical cases (``content/cases/*.yaml``), checked against the engine.

A case is what a teacher writes: a history, the examination findings as they would write them
(region, side, signs, sensory loss; the localising ones marked ``significant``), the answer (the
lesion sites, the day since onset, the disease) and a discussion citing the references. Because
findings are derived, the written findings must be exactly what the engine derives from the answer:
:func:`load_cases` runs it and reports the first difference as ``FILE:LINE``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import msgspec

from app.model.content import Content, citations
from app.model.errors import ContentError, Problem
from app.model.findings import evaluate
from app.model.quiz import LEVELS
from app.model.schema import Id, Paragraphs, Side, Strict, Text
from app.model.sources import Source, parse_file

CASES_FOLDER = "cases"
MAX_CASES = 500


class CaseFinding(Strict, kw_only=True, frozen=True):
    region: Id
    side: Side
    signs: list[Id] = msgspec.field(default_factory=list)
    sensory_loss: list[Id] = msgspec.field(default_factory=list)
    significant: bool = False
    """A finding that localises: the student should pick it out."""


class CaseAnswer(Strict, kw_only=True, frozen=True):
    sites: Annotated[list[Id], msgspec.Meta(min_length=1)]
    day: Annotated[int, msgspec.Meta(ge=0, le=3650)] | None = None
    """Days since onset (none: the established lesion)."""


class Case(Strict, kw_only=True, frozen=True):
    id: Id
    title: Text
    level: int
    disease: Id
    history: Annotated[Paragraphs, msgspec.Meta(min_length=1)]
    findings: Annotated[list[CaseFinding], msgspec.Meta(min_length=1)]
    answer: CaseAnswer
    discussion: Annotated[Paragraphs, msgspec.Meta(min_length=1)]


def case_files(content: Content) -> list[Path]:
    folder = content.directory / CASES_FOLDER
    return sorted(folder.glob("*.yaml"))[:MAX_CASES] if folder.is_dir() else []


def load_cases(content: Content) -> tuple[Case, ...]:
    """Every case of the content, checked; raise :class:`ContentError` with every problem found."""
    problems: list[Problem] = []
    sources = [s for s in (parse_file(p, Case, problems) for p in case_files(content)) if s is not None]
    seen: dict[str, Path] = {}
    for source in sources:
        case = source.parsed
        if case.id in seen:
            problems.append(
                Problem(source.path, source.line("id"), f"case id {case.id!r} is also in {seen[case.id]}")
            )
        seen.setdefault(case.id, source.path)
        found = _check_ids(content, source)
        if not found:
            found = _check_findings(content, source)
        problems += found
    if problems:
        raise ContentError(problems)
    return tuple(s.parsed for s in sources)


def _check_ids(content: Content, source: Source[Case]) -> list[Problem]:
    case, path = source.parsed, source.path
    problems: list[Problem] = []

    def bad(keys: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(path, source.line(*keys), message))

    if case.level not in LEVELS:
        bad(("level",), f"unknown level {case.level}; expected one of: {', '.join(map(str, LEVELS))}")
    if case.disease not in content.diseases_by_id:
        bad(("disease",), f"unknown disease {case.disease!r} (see: neuraxis diseases)")
    for index, site in enumerate(case.answer.sites):
        if site not in content.sites_by_id:
            bad(("answer", "sites", index), f"unknown site {site!r} (see: neuraxis sites)")
    problems += _check_finding_ids(content, source)
    if not any(f.significant for f in case.findings):
        bad(("findings",), "mark at least one finding 'significant: true' (the ones that localise)")
    for index, paragraph in enumerate(case.discussion):
        keys_cited = citations(paragraph)
        if not keys_cited:
            bad(
                ("discussion", index),
                "the discussion cites no reference; end it with a citation such as [JN]",
            )
        for key in keys_cited:
            if key not in content.references:
                bad(("discussion", index), f"unknown reference [{key}]; add it to references.yaml")
    return problems


def _check_finding_ids(content: Content, source: Source[Case]) -> list[Problem]:
    problems: list[Problem] = []

    def bad(keys: tuple[str | int, ...], message: str) -> None:
        problems.append(Problem(source.path, source.line(*keys), message))

    places: set[tuple[str, str]] = set()
    for index, finding in enumerate(source.parsed.findings):
        keys: tuple[str | int, ...] = ("findings", index)
        if finding.region not in content.regions_by_id:
            bad((*keys, "region"), f"unknown region {finding.region!r}")
        if (finding.region, finding.side) in places:
            bad(keys, f"the {finding.side} {finding.region} is written twice; write it once")
        places.add((finding.region, finding.side))
        for n, sign in enumerate(finding.signs):
            if sign not in content.signs_by_id:
                bad((*keys, "signs", n), f"unknown sign {sign!r}")
        for n, modality in enumerate(finding.sensory_loss):
            if modality not in content.modalities:
                bad((*keys, "sensory_loss", n), f"unknown sensory modality {modality!r}")
    return problems


def engine_findings(content: Content, case: Case) -> dict[tuple[str, str], tuple[set[str], set[str]]]:
    """What the engine derives from the case's answer: per (region, side), signs and sensory loss."""
    findings = evaluate(content, case.answer.sites, case.answer.day, case.disease)
    return {
        (f.region, f.side): (set(f.signs), set(f.sensory_loss))
        for f in findings.findings
        if f.signs or f.sensory_loss
    }


def _check_findings(content: Content, source: Source[Case]) -> list[Problem]:
    """The first difference between the written findings and the engine's, or nothing."""
    case, path = source.parsed, source.path
    derived = engine_findings(content, case)
    for index, finding in enumerate(case.findings):
        place = (finding.region, finding.side)
        signs, sensory = derived.get(place, (set(), set()))
        written_signs, written_sensory = set(finding.signs), set(finding.sensory_loss)
        where = f"the {finding.side} {finding.region}"
        if written_signs != signs:
            return [
                Problem(
                    path, source.line("findings", index, "signs"), f"{where}: {_diff(written_signs, signs)}"
                )
            ]
        if written_sensory != sensory:
            line = source.line("findings", index, "sensory_loss")
            return [Problem(path, line, f"{where}: sensory loss {_diff(written_sensory, sensory)}")]
    written = {(f.region, f.side) for f in case.findings}
    for (region, side), (signs, sensory) in derived.items():
        if (region, side) not in written:
            found = ", ".join(sorted(signs | sensory))
            message = (
                f"the engine also finds the {side} {region} affected ({found}); write it in the findings"
            )
            return [Problem(path, source.line("findings"), message)]
    return []


def _diff(written: set[str], derived: set[str]) -> str:
    parts = []
    if missing := sorted(derived - written):
        parts.append(f"the engine also finds {', '.join(missing)}")
    if extra := sorted(written - derived):
        parts.append(f"the engine does not find {', '.join(extra)}")
    return "written findings differ from the engine's: " + "; ".join(parts)
