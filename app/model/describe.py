"""Findings in words, the same way wherever they are read: the signs panel, the command line, and
(later) handouts. A region's signs are grouped by the lesion type that causes them when a region
has more than one (UMN and LMN in the same limb); what may be present is listed apart."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.model.findings import LESION_ORDER, Finding, Findings
from app.model.sides import READING_ORDER

if TYPE_CHECKING:
    from app.model.content import Content


def signs_by_lesion(content: Content, finding: Finding) -> list[tuple[str | None, list[str]]]:
    """``(lesion type or None, sign ids)`` groups in examination order. With UMN and LMN in the same
    region, the signs both cause come first (None), then each type's own; otherwise one group."""
    order = in_examination_order(content, finding.signs)
    if not ("UMN" in finding.lesions and "LMN" in finding.lesions):
        return [(None, order)] if order else []
    causes: dict[str, set[str]] = {}
    for evidence in finding.evidence:
        causes.setdefault(evidence.sign, set()).add(evidence.lesion)
    groups: list[tuple[str | None, list[str]]] = []
    shared = [s for s in order if causes.get(s) not in ({"UMN"}, {"LMN"})]
    if shared:
        groups.append((None, shared))
    for lesion in ("UMN", "LMN"):
        own = [s for s in order if causes.get(s) == {lesion}]
        if own:
            groups.append((lesion, own))
    return groups


def in_examination_order(content: Content, sign_ids: tuple[str, ...] | list[str]) -> list[str]:
    """Signs sorted by examination domain (power, speech, tone, reflexes...), as signs.yaml lists them."""
    domains = {d.id: i for i, d in enumerate(content.domains)}
    return sorted(sign_ids, key=lambda s: domains.get(content.signs_by_id[s].domain, len(domains)))


def region_label(content: Content, finding: Finding) -> str:
    return content.regions_by_id[finding.region].name


def describe(content: Content, findings: Findings, subject: str) -> str:
    """Findings as readable text: by side, then region, signs grouped by lesion type."""
    lines = [f"Lesion: {subject}"]
    if findings.chronic:
        lines.append("A chronic disease: the signs of the established disease")
    elif findings.day is not None:
        lines.append(f"Day {findings.day} after onset")
    if not findings.findings:
        lines.append("  No findings.")
    signs = content.signs_by_id
    for side in READING_ORDER:
        rows = findings.for_side(side)
        if rows:
            lines.append(f"{side.title()} side of the body:")
        for finding in rows:
            kinds = " + ".join(t for t in LESION_ORDER if t in finding.lesions)
            lines.append(f"  {region_label(content, finding)}" + (f" ({kinds})" if kinds else ""))
            for lesion, group in signs_by_lesion(content, finding):
                label = f"{content.lesion_types[lesion].short}: " if lesion else ""
                lines.append(f"      {label}{', '.join(signs[s].name for s in group)}")
            if finding.sensory_loss:
                lost = ", ".join(content.modalities[m].name.lower() for m in finding.sensory_loss)
                lines.append(f"      Sensation lost: {lost}")
            maybe = [signs[s].name for s in finding.possible]
            maybe += [f"{content.modalities[m].name.lower()} lost" for m in finding.possible_sensory_loss]
            if maybe:
                lines.append(f"      May be present: {', '.join(maybe)}")
    return "\n".join(lines)
