"""The study cards: every site, syndrome, disease and clinical case, with the findings on the front
and the lesion on the back (Qt-free). Card ids are stable (``site:weber-left``), so progress and an
exported Anki deck follow a card through content edits."""

from __future__ import annotations

from dataclasses import dataclass

from app.model.cases import Case
from app.model.content import Content
from app.model.describe import describe
from app.model.findings import Engine
from app.model.quiz import atoms, is_crossed
from app.model.state import HIDDEN_SUBJECT

KINDS = ("site", "syndrome", "disease", "case")


@dataclass(frozen=True)
class StudyCard:
    id: str
    kind: str
    front: str
    """The findings (what the student sees first)."""
    back: str
    """The lesion."""
    sites: tuple[str, ...]
    group: str
    lesions: tuple[str, ...]
    disease: str | None = None
    """The disease whose process the findings follow (disease and case cards)."""
    day: int | None = None


def _front(
    content: Content, engine: Engine, sites: tuple[str, ...], day: int | None, disease: str | None
) -> str:
    findings = engine.evaluate(sites, day, disease)
    lines = describe(content, findings, HIDDEN_SUBJECT).splitlines()
    return "\n".join(lines[1:]).strip()  # without "Lesion: Which lesion?"


def build_cards(content: Content, cases: tuple[Case, ...] = ()) -> list[StudyCard]:
    engine = Engine(content)
    cards: list[StudyCard] = []
    sites: tuple[str, ...]
    for site in content.sites:
        sites = (site.id,)
        findings = engine.evaluate(sites)
        kind = "syndrome" if is_crossed(atoms(findings)) else "site"
        front = _front(content, engine, sites, None, None)
        cards.append(
            StudyCard(f"{kind}:{site.id}", kind, front, site.name, sites, site.group, findings.lesions)
        )
    for disease in content.diseases:
        sites = tuple(disease.typical)
        front = _front(content, engine, sites, None, disease.id)
        group = content.sites_by_id[sites[0]].group if sites else ""
        lesions = tuple(disease.lesions)
        cards.append(
            StudyCard(
                f"disease:{disease.id}", "disease", front, disease.name, sites, group, lesions, disease.id
            )
        )
    for case in cases:
        sites = tuple(case.answer.sites)
        history = "\n".join(case.history)
        names = " + ".join(content.sites_by_id[s].name for s in sites)
        back = f"{names} ({content.diseases_by_id[case.disease].name})"
        group = content.sites_by_id[sites[0]].group
        lesions = engine.evaluate(sites, case.answer.day, case.disease).lesions
        cards.append(
            StudyCard(
                f"case:{case.id}",
                "case",
                f"{case.title}\n\n{history}",
                back,
                sites,
                group,
                lesions,
                case.disease,
                case.answer.day,
            )
        )
    return cards
