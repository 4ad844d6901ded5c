"""The cited text under each plot, all of it from content/physiology.yaml (and the sign names in
signs.yaml); the only words of our own are plain UI labels."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.model import ids
from app.model.content import Content
from app.model.curves import TraceChoice
from app.model.physiology_schema import Measure, ReflexTrace, ToneProfile
from app.ui.panels.richtext import Cites, esc


def _schematic(content: Content, cites: Cites) -> str:
    notes = " ".join(cites.text(p) for p in content.physiology.schematic)
    return f"<p class='small'><b>Schematic:</b> {notes}</p>"


def time_course(content: Content, measure: Measure) -> str:
    cites = Cites(content.references)
    return (
        _schematic(content, cites)
        + f"<h3>{esc(measure.name)}</h3>"
        + cites.paragraphs(measure.summary)
        + cites.disagreement(measure.disagreement)
        + cites.references()
    )


def tone(content: Content, profiles: Iterable[ToneProfile]) -> str:
    cites = Cites(content.references)
    parts = [_schematic(content, cites)]
    parts += [f"<h3>{esc(p.name)}</h3>{cites.paragraphs(p.summary)}" for p in profiles]
    return "".join(parts) + cites.references()


def reflex(
    content: Content,
    region: str | None,
    shown: Sequence[tuple[TraceChoice, ReflexTrace]],
    normal: ReflexTrace,
) -> str:
    """The caption under the reflex plot: each trace shown (with the reflexes it stands for when a
    region mixes a cut arc with released reflexes), then the normal response it is drawn against."""
    cites = Cites(content.references)
    parts = [_schematic(content, cites)]
    if region is None:
        parts.append(
            "<p><b>Select a lesion site</b> to compare the reflexes of a region with the normal response.</p>"
        )
    if len(shown) > 1:
        parts.append(cites.paragraphs(content.physiology.mixed_reflexes))
    clonus = content.signs_by_id[ids.CLONUS]
    for choice, trace in shown:
        if region is not None:
            which = f" ({esc(', '.join(choice.reflexes))})" if choice.reflexes else ""
            parts.append(f"<h3>{esc(region)}{which}: {esc(trace.name)}</h3>")
        parts.append(cites.paragraphs(trace.summary))
        if region is not None and trace.clonus_beats and not choice.clonus:
            parts.append(
                f"<p class='small'>Clonus beats are drawn only where \u201c{esc(clonus.name)}\u201d is among "
                "the expected signs; it is not expected in this region.</p>"
            )
    if all(normal.id != trace.id for _, trace in shown):
        parts.append(f"<h3>{esc(normal.name)}</h3>{cites.paragraphs(normal.summary)}")
    return "".join(parts) + cites.references()
