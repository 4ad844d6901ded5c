"""The findings engine: which body regions a set of lesion sites affects, how, and with what signs.

Nothing here is written per site. A site is a set of pathway nodes; the engine cuts them and
asks, for every muscle group on each side (a :class:`~app.model.pathway.Unit`):

* **LMN** when any of its final common paths (nucleus or anterior horn, root, plexus, nerve)
  is cut;
* **UMN** when, for a final path that is still intact, *every* upper route feeding it is cut
  (so the upper face, fed from both hemispheres, survives a one-sided lesion);
* **NMJ** / **muscle** when its junction or muscle node is cut.

Reflex arcs are *interrupted* when the final path carrying them is cut and *released* when
the arc is intact but its cortical control is cut. Signs then follow from the rules in
``signs.yaml`` (lesion types present in a region, reflex states, and the day since onset).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from app.model.pathway import FinalPath, ReflexArc, Unit
from app.model.sensory import MODALITIES
from app.model.sides import SIDES, opposite

if TYPE_CHECKING:
    from app.model.content import Content
    from app.model.schema import Sign, SignRule

LESION_ORDER = ("UMN", "LMN", "NMJ", "muscle")


class UnknownIdError(KeyError):
    """A site or disease id that the content does not define."""

    def __init__(self, kind: str, item: str) -> None:
        super().__init__(item)
        self.kind = kind
        self.item = item

    def __str__(self) -> str:
        return f"unknown {self.kind} id {self.item!r}"


class Evidence(msgspec.Struct, frozen=True):
    """Why a sign is expected: the lesion type and the muscles or reflexes that show it."""

    sign: str
    lesion: str
    via: tuple[str, ...]


class Finding(msgspec.Struct, frozen=True):
    """What one body region on one side shows: motor lesions and signs, and sensory loss."""

    region: str
    side: str
    lesions: tuple[str, ...]
    signs: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()
    sensory_loss: tuple[str, ...] = ()
    sensory_evidence: tuple[Evidence, ...] = ()
    """Per modality lost: the skin fields that lost it (``lesion`` is "sensory")."""

    def to_json(self) -> dict[str, Any]:
        return {
            "region": self.region,
            "side": self.side,
            "lesions": list(self.lesions),
            "signs": list(self.signs),
            "sensory_loss": list(self.sensory_loss),
            "evidence": [
                {"sign": e.sign, "lesion": e.lesion, "via": list(e.via)}
                for e in (*self.evidence, *self.sensory_evidence)
            ],
        }


class Findings(msgspec.Struct, frozen=True):
    sites: tuple[str, ...]
    findings: tuple[Finding, ...]
    day: int | None = None
    lesions: tuple[str, ...] = ()
    cut: frozenset[str] = frozenset()
    """The pathway nodes the sites cut together."""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sites": list(self.sites)}
        if self.day is not None:
            data["day"] = self.day
        data["findings"] = [f.to_json() for f in self.findings]
        return data

    def for_side(self, side: str) -> list[Finding]:
        return [f for f in self.findings if f.side == side]


def _upper_cut(path: FinalPath, cut: frozenset[str]) -> bool:
    """Every upper route feeding this path is cut (a path without upper routes never is)."""
    return bool(path.upper_routes) and all(not cut.isdisjoint(route) for route in path.upper_routes)


class _UnitState(msgspec.Struct, frozen=True):
    unit: Unit
    lesions: frozenset[str]


def _unit_state(unit: Unit, cut: frozenset[str]) -> _UnitState:
    intact = [p for p in unit.paths if cut.isdisjoint(p.nodes)]
    lesions = set()
    if len(intact) < len(unit.paths):
        lesions.add("LMN")
    if any(_upper_cut(p, cut) for p in intact):
        lesions.add("UMN")
    if unit.junction in cut:
        lesions.add("NMJ")
    if unit.muscle in cut:
        lesions.add("muscle")
    return _UnitState(unit, frozenset(lesions))


def _arc_state(arc: ReflexArc, cut: frozenset[str]) -> str | None:
    if any(not cut.isdisjoint(p.nodes) for p in arc.paths):
        return "interrupted"
    if any(_upper_cut(p, cut) for p in arc.paths):
        return "released"
    return None


def _rule_active(rule: SignRule, day: int | None) -> bool:
    if day is None:
        return rule.until_day is None
    return (rule.from_day or 0) <= day and (rule.until_day is None or day < rule.until_day)


def _apply(
    sign: Sign,
    region: str,
    states: Sequence[_UnitState],
    arcs: Sequence[tuple[ReflexArc, str]],
    day: int | None,
    *,
    other_side: frozenset[str] = frozenset(),
) -> list[Evidence]:
    """Evidence for ``sign`` in one region on one side; ``other_side`` holds the lesion types the
    same region has on the other side (for one-sided rules such as tongue deviation)."""
    found: list[Evidence] = []
    for rule in sign.rules:
        if (rule.regions and region not in rule.regions) or not _rule_active(rule, day):
            continue
        if rule.one_sided and rule.lesion in other_side:
            continue
        if rule.lesion is not None:
            via = tuple(
                s.unit.name
                for s in states
                if rule.lesion in s.lesions and (not rule.groups or s.unit.group in rule.groups)
            )
            if via:
                found.append(Evidence(sign.id, rule.lesion, via))
        elif rule.reflex is not None:
            cond = rule.reflex
            via = tuple(
                arc.name
                for arc, state in arcs
                if state == cond.state
                and (cond.kind is None or arc.kind == cond.kind)
                and (cond.id is None or arc.reflex == cond.id)
            )
            if via:
                found.append(Evidence(sign.id, "UMN" if cond.state == "released" else "LMN", via))
    return found


def _cut_by(content: Content, sites: tuple[str, ...]) -> frozenset[str]:
    cut: set[str] = set()
    for site_id in sites:
        site = content.sites_by_id.get(site_id)
        if site is None:
            raise UnknownIdError("site", site_id)
        cut |= site.nodes
    return frozenset(cut)


def evaluate(content: Content, site_ids: Iterable[str], day: int | None = None) -> Findings:
    """Findings of the given lesion sites together; ``day=None`` means an established lesion."""
    sites = tuple(dict.fromkeys(site_ids))
    return evaluate_nodes(content, _cut_by(content, sites), sites, day)


def lesion_types(content: Content, site_ids: Iterable[str]) -> tuple[str, ...]:
    """Only the lesion types the sites produce together (no signs): cheap enough for validation."""
    cut = _cut_by(content, tuple(site_ids))
    present: set[str] = set()
    for unit in content.pathway.touched(cut):
        present |= _unit_state(unit, cut).lesions
    return tuple(t for t in LESION_ORDER if t in present)


def evaluate_nodes(
    content: Content, cut: frozenset[str], sites: tuple[str, ...] = (), day: int | None = None
) -> Findings:
    """Findings of an arbitrary set of cut pathway nodes."""
    pathway = content.pathway
    touched = pathway.touched(cut)
    states: dict[tuple[str, str], list[_UnitState]] = {}
    for unit in touched:
        state = _unit_state(unit, cut)
        if state.lesions:
            states.setdefault((unit.region, unit.side), []).append(state)
    arcs: dict[tuple[str, str], list[tuple[ReflexArc, str]]] = {}
    touched_keys = {(unit.group, unit.side) for unit in touched}
    for arc in pathway.arcs:
        if (arc.unit.group, arc.unit.side) not in touched_keys:
            continue
        arc_state = _arc_state(arc, cut)
        if arc_state is not None:
            arcs.setdefault((arc.region, arc.side), []).append((arc, arc_state))

    lost: dict[tuple[str, str], dict[str, list[str]]] = {}
    for sensory in pathway.touched_sensory(cut):
        if any(not cut.isdisjoint(route) for route in sensory.routes):
            fields = lost.setdefault((sensory.region, sensory.side), {}).setdefault(sensory.modality, [])
            fields.append(sensory.name)

    findings = []
    all_lesions: set[str] = set()
    for region in content.regions:
        for side in SIDES:
            region_states = states.get((region.id, side), [])
            sensory_lost = lost.get((region.id, side), {})
            if not region_states and not sensory_lost:
                continue
            present = set().union(*(s.lesions for s in region_states))
            all_lesions |= present
            other = frozenset().union(*(s.lesions for s in states.get((region.id, opposite(side)), [])))
            evidence: list[Evidence] = []
            for sign in content.signs:
                place_arcs = arcs.get((region.id, side), [])
                evidence += _apply(sign, region.id, region_states, place_arcs, day, other_side=other)
            modalities = tuple(m for m in MODALITIES if m in sensory_lost)
            findings.append(
                Finding(
                    region=region.id,
                    side=side,
                    lesions=tuple(t for t in LESION_ORDER if t in present),
                    signs=tuple(dict.fromkeys(e.sign for e in evidence)),
                    evidence=tuple(evidence),
                    sensory_loss=modalities,
                    sensory_evidence=tuple(
                        Evidence(m, "sensory", tuple(sensory_lost[m])) for m in modalities
                    ),
                )
            )
    return Findings(
        sites=sites,
        findings=tuple(findings),
        day=day,
        lesions=tuple(t for t in LESION_ORDER if t in all_lesions),
        cut=cut,
    )


class Engine:
    """The findings engine for one content, with what is worth computing once per content: the
    reverse index of which sites weaken which region (built on its first use)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._weakened_by: dict[tuple[str, str], tuple[str, ...]] | None = None

    def evaluate(self, site_ids: Iterable[str], day: int | None = None) -> Findings:
        return evaluate(self.content, site_ids, day)

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
