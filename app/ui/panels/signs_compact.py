"""The expected signs for a projector: every affected region at once, large. Regions of one side
that show the same lesion types and signs share a line ("Arm, hand, leg"); what may be present
follows, with the region it belongs to. Notes and sources stay in the full panel (the window's
normal mode), so the class reads only what is being taught."""

from __future__ import annotations

from app.model.content import Content
from app.model.describe import in_examination_order, signs_by_lesion
from app.model.findings import Finding
from app.model.sides import READING_ORDER
from app.model.state import Shown
from app.ui.panels.richtext import badge, esc


def _signs(content: Content, sign_ids: list[str]) -> str:
    return " &middot; ".join(esc(content.signs_by_id[s].name) for s in sign_ids)


def _body(content: Content, finding: Finding) -> str:
    lines = [
        f"<b>{esc(content.lesion_types[lesion].short)}:</b> {_signs(content, group)}"
        if lesion
        else _signs(content, group)
        for lesion, group in signs_by_lesion(content, finding)
    ]
    if finding.sensory_loss:
        names = " &middot; ".join(esc(content.modalities[m].name) for m in finding.sensory_loss)
        lines.append(f"<b>Sensation lost:</b> {names}")
    return "<br>".join(lines)


def _possible(content: Content, finding: Finding) -> str:
    items = [_signs(content, in_examination_order(content, finding.possible))] if finding.possible else []
    if finding.possible_sensory_loss:
        names = " &middot; ".join(esc(content.modalities[m].name) for m in finding.possible_sensory_loss)
        items.append(f"{names} lost")
    return " &middot; ".join(items)


def compact_html(content: Content, shown: Shown) -> str:
    findings = shown.findings
    typed = {f.lesions for f in findings.findings if f.lesions}
    common = next(iter(typed)) if len(typed) == 1 else ()
    # one lesion type (or set) for every typed region: said once at the top, not on every line
    parts = [f"<h3>{esc(shown.subject)}</h3>"]
    if common:
        parts.append(
            "<p>"
            + " &nbsp; ".join(
                f"{badge(content, t)} {esc(content.lesion_types[t].name.lower())}" for t in common
            )
            + "</p>"
        )
    if shown.hidden:
        parts.append(f"<p><b>{esc(shown.reveal_text().capitalize())}.</b></p>")
    if not findings.findings:
        parts.append(
            "<p><b>What would you expect to find?</b></p>"
            if shown.hidden
            else "<p><b>No motor signs are expected</b> from a lesion here alone.</p>"
        )
    for side in READING_ORDER:
        groups: dict[tuple[tuple[str, ...], str], list[Finding]] = {}
        for finding in findings.for_side(side):
            groups.setdefault((finding.lesions, _body(content, finding)), []).append(finding)
        if not groups:
            continue
        parts.append(f"<p style='margin-top: 8px'><u><b>{side.capitalize()} side</b></u></p>")
        rows = []
        for (lesions, body), members in groups.items():
            names = ", ".join(content.regions_by_id[f.region].name for f in members)
            names = names[:1].upper() + names[1:].lower()
            types = (
                "" if common or not lesions else " " + " ".join(badge(content, lesion) for lesion in lesions)
            )
            possible = {
                f.region: _possible(content, f) for f in members if f.possible or f.possible_sensory_loss
            }
            if len(set(possible.values())) == 1 and len(possible) == len(members):
                maybe = list(possible.values())[:1]  # the same for every region of the line: once
            else:
                maybe = [
                    text + (f" ({esc(content.regions_by_id[r].name.lower())})" if len(members) > 1 else "")
                    for r, text in possible.items()
                ]
            extra = f" <i>May be present:</i> {'; '.join(maybe)}" if maybe else ""
            rows.append(f"<p style='margin-top: 4px'><b>{esc(names)}</b>{types}: {body}{extra}</p>")
        parts += rows
    return "".join(parts)
