"""The findings engine: which body regions a set of lesion sites affects, how, and with what signs.

Nothing here is written per site or per disease. A site is a set of pathway nodes (and the nodes a
lesion there may also reach); the engine cuts them and reads, for every muscle group, reflex arc,
skin field and function on each side, what was lost (:mod:`app.model.lesion_state`). Signs follow
from the rules in ``signs.yaml`` (:mod:`app.model.rules`), which may depend on where the lesion
arises, on the day since onset and on the disease process: a degenerative disease loses neurons in
part, so a wasted limb keeps its reflex arc and, with an upper motor neuron lesion too, brisk
reflexes; a chronic disease shows its established signs whatever the day.

What the nodes a lesion *may* reach add (``may_cut`` in sites.yaml), and the signs of rules marked
``possible``, are listed apart, as what may be present.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import msgspec

from app.model.lesion_state import ArcState, UnitState, arc_state, unit_state
from app.model.pathway import CELL
from app.model.rules import EXPECTED, Context, Evidence, Place, active_rules, evidence_of
from app.model.sensory import MODALITIES
from app.model.sides import SIDES, opposite

if TYPE_CHECKING:
    from app.model.content import Content

LESION_ORDER = ("UMN", "LMN", "NMJ", "muscle")
__all__ = ["LESION_ORDER", "Engine", "Evidence", "Finding", "Findings", "UnknownIdError", "evaluate"]


class UnknownIdError(KeyError):
    """A site or disease id that the content does not define."""

    def __init__(self, kind: str, item: str) -> None:
        super().__init__(item)
        self.kind = kind
        self.item = item

    def __str__(self) -> str:
        return f"unknown {self.kind} id {self.item!r}"


class Finding(msgspec.Struct, frozen=True):
    """What one body region on one side shows: motor lesions and signs, and sensory loss; and what
    may be present besides (signs, sensory loss, lesion types)."""

    region: str
    side: str
    lesions: tuple[str, ...]
    signs: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    sensory_loss: tuple[str, ...] = ()
    sensory_evidence: tuple[Evidence, ...] = ()
    """Per modality lost: the skin fields that lost it (``lesion`` is "sensory")."""
    possible: tuple[str, ...] = ()
    """Signs that may be present (never one of ``signs``)."""
    possible_evidence: tuple[Evidence, ...] = ()
    possible_sensory_loss: tuple[str, ...] = ()
    possible_lesions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        def listed(items: Iterable[Evidence]) -> list[dict[str, Any]]:
            return [{"sign": e.sign, "lesion": e.lesion, "via": list(e.via)} for e in items]

        return {
            "region": self.region,
            "side": self.side,
            "lesions": list(self.lesions),
            "signs": list(self.signs),
            "possible": list(self.possible),
            "sensory_loss": list(self.sensory_loss),
            "possible_sensory_loss": list(self.possible_sensory_loss),
            "possible_lesions": list(self.possible_lesions),
            "evidence": listed((*self.evidence, *self.sensory_evidence)),
            "possible_evidence": listed(self.possible_evidence),
        }


class Findings(msgspec.Struct, frozen=True):
    sites: tuple[str, ...]
    findings: tuple[Finding, ...]
    day: int | None = None
    lesions: tuple[str, ...] = ()
    cut: frozenset[str] = frozenset()
    """The pathway nodes the sites cut together."""
    process: str = ""
    chronic: bool = False
    """The disease is chronic: its established signs are shown whatever the day."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sites": list(self.sites)}
        if self.day is not None:
            data["day"] = self.day
        data["findings"] = [f.to_json() for f in self.findings]
        return data

    def for_side(self, side: str) -> list[Finding]:
        return [f for f in self.findings if f.side == side]


def _order(items: Iterable[str], order: Iterable[str]) -> tuple[str, ...]:
    present = set(items)
    return tuple(item for item in order if item in present)


def _findings(
    content: Content, cut: frozenset[str], partial: frozenset[str], context: Context
) -> list[Finding]:
    """The findings of cut nodes: every region and side with a lesion, a sign or sensory loss."""
    pathway = content.pathway
    where = pathway.where
    spared = set(content.processes[context.process].spares)
    touched = [unit for unit in pathway.touched(cut) if unit.group not in spared]
    states: dict[tuple[str, str], list[UnitState]] = {}
    for unit in touched:
        state = unit_state(unit, cut, partial, where)
        if state.lesions:
            states.setdefault((unit.region, unit.side), []).append(state)
    arcs: dict[tuple[str, str], list[ArcState]] = {}
    touched_keys = {(unit.group, unit.side) for unit in touched}
    for arc in pathway.arcs:
        if (arc.unit.group, arc.unit.side) in touched_keys and (
            arc_found := arc_state(arc, cut, partial, where)
        ):
            arcs.setdefault((arc.region, arc.side), []).append(arc_found)
    lost: dict[tuple[str, str], dict[str, list[str]]] = {}
    for sensory in pathway.touched_sensory(cut):
        if any(not cut.isdisjoint(route) for route in sensory.routes):
            lost.setdefault((sensory.region, sensory.side), {}).setdefault(sensory.modality, []).append(
                sensory.name
            )
    functions: dict[tuple[str, str], dict[str, str]] = {}
    for function in pathway.touched_functions(cut):
        for region in function.regions:
            functions.setdefault((region, function.side), {})[function.function] = function.name

    rules = active_rules(content.signs, context)
    findings = []
    for region_id in (r.id for r in content.regions):
        for side in SIDES:
            key = (region_id, side)
            other = frozenset().union(*(s.lesions for s in states.get((region_id, opposite(side)), [])))
            place = Place(
                region_id,
                states.get(key, []),
                arcs.get(key, []),
                lost.get(key, {}),
                functions.get(key, {}),
                other,
            )
            if not (place.states or place.sensory or place.functions or place.arcs):
                continue
            found = [e for sign, applying in rules for e in evidence_of(sign, applying, place)]
            expected = [e for e in found if e.certainty == EXPECTED]
            signs = tuple(dict.fromkeys(e.sign for e in expected))
            possible = [e for e in found if e.certainty != EXPECTED and e.sign not in signs]
            present = {t for s in place.states for t in s.lesions}
            # A lesion type that shows no expected sign here is only possibly apparent (the face in
            # the Lambert-Eaton syndrome, one half of the sphincters after a hemisection).
            shown = {e.lesion for e in expected}
            lesions = _order(present & shown, LESION_ORDER)
            modalities = _order(place.sensory, MODALITIES)
            if not (lesions or signs or modalities or possible):
                continue
            findings.append(
                Finding(
                    region=region_id,
                    side=side,
                    lesions=lesions,
                    signs=signs,
                    evidence=tuple(expected),
                    sensory_loss=modalities,
                    sensory_evidence=tuple(
                        Evidence(m, "sensory", tuple(place.sensory[m])) for m in modalities
                    ),
                    possible=tuple(dict.fromkeys(e.sign for e in possible)),
                    possible_evidence=tuple(possible),
                    possible_lesions=_order(present - shown, LESION_ORDER),
                )
            )
    return findings


def _with_possible(content: Content, certain: list[Finding], reach: list[Finding]) -> list[Finding]:
    """The certain findings, with what the nodes a lesion may reach add listed as possible."""
    base = {(f.region, f.side): f for f in certain}
    merged = []
    for wider in reach:
        found = base.get((wider.region, wider.side)) or Finding(wider.region, wider.side, (), ())
        signs = set(found.signs)
        extra = [e for e in (*wider.evidence, *wider.possible_evidence) if e.sign not in signs]
        merged.append(
            msgspec.structs.replace(
                found,
                possible=tuple(dict.fromkeys((*found.possible, *(e.sign for e in extra)))),
                possible_evidence=tuple(dict.fromkeys((*found.possible_evidence, *extra))),
                possible_sensory_loss=tuple(m for m in wider.sensory_loss if m not in found.sensory_loss),
                possible_lesions=_order(
                    {*found.possible_lesions, *wider.lesions, *wider.possible_lesions} - set(found.lesions),
                    LESION_ORDER,
                ),
            )
        )
    known = {(f.region, f.side) for f in merged}
    merged += [f for f in certain if (f.region, f.side) not in known]
    regions = {region.id: index for index, region in enumerate(content.regions)}
    return sorted(merged, key=lambda f: (regions[f.region], SIDES.index(f.side)))


def _sites(
    content: Content, site_ids: Iterable[str]
) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """The sites (deduplicated, in order), the nodes they cut, the nodes they may also reach."""
    sites = tuple(dict.fromkeys(site_ids))
    cut: set[str] = set()
    reach: set[str] = set()
    for site_id in sites:
        site = content.sites_by_id.get(site_id)
        if site is None:
            raise UnknownIdError("site", site_id)
        cut |= site.nodes
        reach |= site.variable
    return sites, frozenset(cut), frozenset(reach - cut)


def evaluate(
    content: Content, site_ids: Iterable[str], day: int | None = None, disease: str | None = None
) -> Findings:
    """Findings of the given lesion sites together; ``day=None`` means an established lesion. With a
    disease, its process and course apply (a site alone is a lesion of the default process)."""
    sites, cut, reach = _sites(content, site_ids)
    process, chronic = content.default_process, False
    if disease is not None:
        info = content.diseases_by_id.get(disease)
        if info is None:
            raise UnknownIdError("disease", disease)
        process, chronic = info.process, info.course == "chronic"
    partial: frozenset[str] = frozenset()
    if content.processes[process].partial_loss:
        partial = frozenset(node for node in cut | reach if content.pathway.where.get(node) == CELL)
    context = Context(day=None if chronic else day, process=process)
    findings = _findings(content, cut, partial, context)
    if reach:
        findings = _with_possible(content, findings, _findings(content, cut | reach, partial, context))
    return Findings(
        sites=sites,
        findings=tuple(findings),
        day=day,
        lesions=_order({t for f in findings for t in f.lesions}, LESION_ORDER),
        cut=cut,
        process=process,
        chronic=chronic,
    )


def lesion_types(content: Content, site_ids: Iterable[str]) -> tuple[str, ...]:
    """Only the lesion types the sites produce together (no signs): cheap enough for validation."""
    _, cut, _ = _sites(content, site_ids)
    present: set[str] = set()
    for unit in content.pathway.touched(cut):
        present |= unit_state(unit, cut, frozenset(), content.pathway.where).lesions
    return _order(present, LESION_ORDER)


class Engine:
    """The findings engine for one content, with what is worth computing once per content: the
    reverse index of which sites weaken which region (built on its first use)."""

    REMEMBERED = 256
    """Findings kept for the selections seen last (a student clicks back and forth; a day cursor is
    dragged to and fro; a teacher steps through every site with Page Down, and back): findings are
    frozen, so a selection seen before is not evaluated again. More than there are sites: with 64, a
    second pass through the 77 sites found none of them kept (evaluating one takes about 1.4 ms of
    a click's 5)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._weakened_by: dict[tuple[str, str], tuple[str, ...]] | None = None
        self._recent: OrderedDict[tuple[tuple[str, ...], int | None, str | None], Findings] = OrderedDict()

    def evaluate(
        self, site_ids: Iterable[str], day: int | None = None, disease: str | None = None
    ) -> Findings:
        key = (tuple(site_ids), day, disease)
        found = self._recent.get(key)
        if found is None:
            found = self._recent[key] = evaluate(self.content, key[0], day, disease)
            if len(self._recent) > self.REMEMBERED:
                self._recent.popitem(last=False)
        else:
            self._recent.move_to_end(key)
        return found

    def lesion_types(self, site_ids: Iterable[str]) -> tuple[str, ...]:
        return lesion_types(self.content, site_ids)

    def sites_weakening(self, region: str, side: str) -> tuple[str, ...]:
        """Reverse look-up: every single site whose lesion weakens ``region`` on ``side``, in
        neuraxis order."""
        if self._weakened_by is None:
            index: dict[tuple[str, str], list[str]] = {}
            for site in self.content.sites:
                for finding in evaluate(self.content, [site.id]).findings:
                    if finding.lesions:
                        index.setdefault((finding.region, finding.side), []).append(site.id)
            self._weakened_by = {key: tuple(value) for key, value in index.items()}
        return self._weakened_by.get((region, side), ())
