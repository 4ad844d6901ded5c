"""The motor pathway as nodes and routes, generated from ``anatomy.yaml``.

Every muscle group on each side of the body becomes a :class:`Unit`: one *final common
path* per spinal segment (anterior horn -> ventral root -> plexus -> nerve) or one through a
cranial nerve nucleus, each with the *upper routes* that bring it cortical input. A spinal
upper route runs from the opposite hemisphere's motor cortex down the descending path,
crosses in the pyramidal decussation and descends the lateral corticospinal tract through
every level above its segment. A cranial upper route leaves the descending path at the
level of its nucleus; a group with ``bilateral_cortex`` gets one route from each hemisphere.

Node ids follow fixed patterns (``internal-capsule-left``, ``anterior-horn-c5-right``...),
listed in docs/content.md, so that a lesion site is simply a list of node ids or patterns.
"""

from __future__ import annotations

import msgspec

from app.model.schema import AnatomyFile, MuscleGroup, Reflex
from app.model.sensory import SensoryBuilder, SensoryUnit
from app.model.sides import SIDES, opposite


class FinalPath(msgspec.Struct, frozen=True):
    """One lower motor neuron path to a muscle group, with the upper routes feeding it."""

    segment: str | None
    nodes: tuple[str, ...]
    upper_routes: tuple[tuple[str, ...], ...]


class Unit(msgspec.Struct, frozen=True):
    """One muscle group on one side of the body."""

    group: str
    name: str
    region: str
    side: str
    paths: tuple[FinalPath, ...]
    junction: str
    muscle: str


class ReflexArc(msgspec.Struct, frozen=True):
    """A reflex on one side: its effector unit and which of that unit's paths carry it."""

    reflex: str
    name: str
    kind: str
    region: str
    side: str
    unit: Unit
    paths: tuple[FinalPath, ...]


class Pathway(msgspec.Struct, frozen=True):
    nodes: dict[str, str]
    """Every node id with a readable name."""
    units: tuple[Unit, ...]
    arcs: tuple[ReflexArc, ...]
    sensory: tuple[SensoryUnit, ...] = ()
    users: dict[str, frozenset[int]] = msgspec.field(default_factory=dict)
    """Node id -> indices (into ``units``) of the units whose paths or routes pass through it."""
    sensory_users: dict[str, frozenset[int]] = msgspec.field(default_factory=dict)
    """Node id -> indices (into ``sensory``) of the sensory units whose routes pass through it."""

    def __post_init__(self) -> None:
        if not self.users:
            motor = [
                {u.junction, u.muscle}.union(
                    *(p.nodes for p in u.paths), *(r for p in u.paths for r in p.upper_routes)
                )
                for u in self.units
            ]
            msgspec.structs.force_setattr(self, "users", _index(motor))
        if not self.sensory_users:
            sensory = [set().union(*unit.routes) for unit in self.sensory]
            msgspec.structs.force_setattr(self, "sensory_users", _index(sensory))

    def touched(self, cut: frozenset[str]) -> list[Unit]:
        """Only the units that some cut node belongs to (the rest cannot be affected)."""
        return [self.units[i] for i in _hits(self.users, cut)]

    def touched_sensory(self, cut: frozenset[str]) -> list[SensoryUnit]:
        return [self.sensory[i] for i in _hits(self.sensory_users, cut)]

    def units_through(self, nodes: frozenset[str]) -> tuple[list[Unit], list[Unit]]:
        """Units whose upper routes, and units whose final paths, pass through any of ``nodes``."""
        upper = [u for u in self.units if any(nodes.intersection(r) for p in u.paths for r in p.upper_routes)]
        lower = [
            u for u in self.units if any(nodes.intersection(p.nodes) for p in u.paths) or u.junction in nodes
        ]
        lower += [u for u in self.units if u.muscle in nodes and u not in lower]
        return upper, lower


def _index(node_sets: list[set[str]]) -> dict[str, frozenset[int]]:
    users: dict[str, set[int]] = {}
    for index, nodes in enumerate(node_sets):
        for node in nodes:
            users.setdefault(node, set()).add(index)
    return {node: frozenset(ids) for node, ids in users.items()}


def _hits(index: dict[str, frozenset[int]], cut: frozenset[str]) -> list[int]:
    found: set[int] = set()
    for node in cut:
        found |= index.get(node, frozenset())
    return sorted(found)


class _Builder:
    def __init__(self, anatomy: AnatomyFile) -> None:
        self.anatomy = anatomy
        self.nodes: dict[str, str] = {}
        self.nuclei = {n.id: n for n in anatomy.cranial_nuclei}
        self.names = {s.id: s.name for s in (*anatomy.nerves, *anatomy.plexuses, *anatomy.cortex_areas)}
        self.names.update({s.id: s.name for s in anatomy.descending_path})
        self.names.update({n.id: n.name for n in anatomy.cranial_nuclei})

    def node(self, node_id: str, name: str) -> str:
        self.nodes.setdefault(node_id, name)
        return node_id

    def descending(self, group: MuscleGroup, hemisphere: str, last: str | None = None) -> list[str]:
        assert group.cortex is not None
        route = [
            self.node(
                f"motor-cortex-{group.cortex}-{hemisphere}",
                f"Motor cortex, {self.names[group.cortex]} area ({hemisphere} hemisphere)",
            )
        ]
        for structure in self.anatomy.descending_path:
            route.append(self.node(f"{structure.id}-{hemisphere}", f"{structure.name} ({hemisphere})"))
            if structure.id == last:
                break
        return route

    def nerves(self, group: MuscleGroup, side: str) -> list[str]:
        return [self.node(f"{nerve}-{side}", f"{self.names[nerve]} ({side})") for nerve in group.nerves]

    def spinal_paths(self, group: MuscleGroup, side: str) -> tuple[FinalPath, ...]:
        order = self.anatomy.segments
        hemisphere = opposite(side)
        paths = []
        for segment in group.segments:
            seg = segment.lower()
            nodes = [
                self.node(f"anterior-horn-{seg}-{side}", f"Anterior horn {segment} ({side})"),
                self.node(f"ventral-root-{seg}-{side}", f"Ventral root {segment} ({side})"),
            ]
            if group.plexus:
                nodes.append(self.node(f"{group.plexus}-{side}", f"{self.names[group.plexus]} ({side})"))
            nodes += self.nerves(group, side)
            route = self.descending(group, hemisphere)
            bundle = group.bundle or ""  # checked by the loader: spinal groups have a bundle
            route.append(
                self.node(
                    f"pyramidal-decussation-{bundle}-from-{hemisphere}",
                    f"Pyramidal decussation, {bundle} fibres crossing from the {hemisphere}",
                )
            )
            for level in order[: order.index(segment) + 1]:
                route.append(
                    self.node(
                        f"lateral-corticospinal-{level.lower()}-{side}",
                        f"Lateral corticospinal tract at {level} ({side})",
                    )
                )
            paths.append(FinalPath(segment, tuple(nodes), (tuple(route),)))
        return tuple(paths)

    def cranial_paths(self, group: MuscleGroup, side: str) -> tuple[FinalPath, ...]:
        assert group.nucleus is not None
        nucleus = self.nuclei[group.nucleus]
        nodes = (self.node(f"{nucleus.id}-{side}", f"{nucleus.name} ({side})"), *self.nerves(group, side))
        hemispheres: tuple[str, ...] = SIDES if group.bilateral_cortex else (opposite(side),)
        if group.cortex is None:  # no corticobulbar route: such muscles have no UMN lesion
            hemispheres = ()
        routes = tuple(tuple(self.descending(group, h, last=nucleus.leaves_after)) for h in hemispheres)
        return (FinalPath(None, nodes, routes),)

    def unit(self, group: MuscleGroup, side: str) -> Unit:
        paths = self.cranial_paths(group, side) if group.nucleus else self.spinal_paths(group, side)
        return Unit(
            group=group.id,
            name=group.name,
            region=group.region,
            side=side,
            paths=paths,
            junction=self.node(
                f"neuromuscular-junction-{group.id}-{side}",
                f"Neuromuscular junctions of {group.name} ({side})",
            ),
            muscle=self.node(f"muscle-{group.id}-{side}", f"{group.name} muscle fibres ({side})"),
        )

    def arc(self, reflex: Reflex, unit: Unit) -> ReflexArc:
        wanted = set(reflex.segments)
        paths = tuple(p for p in unit.paths if p.segment is None or p.segment in wanted)
        return ReflexArc(reflex.id, reflex.name, reflex.kind, unit.region, unit.side, unit, paths)


def build_pathway(anatomy: AnatomyFile) -> Pathway:
    """Generate nodes, units and reflex arcs for both sides. ``anatomy`` must be cross-checked."""
    builder = _Builder(anatomy)
    units = tuple(builder.unit(group, side) for side in SIDES for group in anatomy.muscle_groups)
    by_key = {(u.group, u.side): u for u in units}
    arcs = tuple(builder.arc(r, by_key[(r.effector, side)]) for side in SIDES for r in anatomy.reflexes)
    sensory = SensoryBuilder(anatomy, builder.node, builder.names).units(SIDES)
    return Pathway(nodes=builder.nodes, units=units, arcs=arcs, sensory=sensory)
