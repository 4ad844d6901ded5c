"""The pathway as nodes and routes, generated from ``anatomy.yaml``.

Every muscle group on each side of the body becomes a :class:`Unit`: one *final common
path* per spinal segment (anterior horn -> ventral root -> plexus -> nerve) or one through a
cranial nerve nucleus, each with the *upper routes* that bring it cortical input. A spinal
upper route runs from the opposite hemisphere's motor cortex down the descending path,
crosses in the pyramidal decussation and descends the lateral corticospinal tract through
every level above its segment; a spinal group with ``bilateral_cortex`` (the trunk) also has an
uncrossed route from the hemisphere of its own side, down the anterior corticospinal tract. A
cranial upper route leaves the descending path at the level of its nucleus; a cranial group with
``bilateral_cortex`` gets one route from each hemisphere.

Skin fields become sensory units (:mod:`app.model.sensory`) and ``functions`` (the sympathetic
path to the eye, the cerebellar path of a limb) become :class:`FunctionUnit` s with one written
route per side (:mod:`app.model.routes`).

Node ids follow fixed patterns (``internal-capsule-left``, ``anterior-horn-c5-right``...),
listed in docs/content.md, so that a lesion site is simply a list of node ids or patterns.
"""

# No `from __future__ import annotations` here: msgspec builds its decoders from these classes'
# annotations, and string annotations cost it about 4 ms of every start-up to evaluate.

import msgspec

from app.model.routes import Nodes
from app.model.schema import AnatomyFile, MuscleGroup, Reflex
from app.model.sensory import SensoryBuilder, SensoryUnit
from app.model.sides import SIDES, opposite

BRAIN, CORD, CELL, ROOT, PLEXUS, NERVE = "brain", "cord", "cell", "root", "plexus", "nerve"


class FinalPath(msgspec.Struct, frozen=True):
    """One lower motor neuron path to a muscle group, with the upper routes feeding it."""

    segment: str | None
    nodes: tuple[str, ...]
    upper_routes: tuple[tuple[str, ...], ...]
    """The main route first (from the opposite hemisphere, crossed), then any other (the uncrossed
    route of a muscle group with input from both hemispheres)."""


class Unit(msgspec.Struct, frozen=True):
    """One muscle group on one side of the body."""

    group: str
    name: str
    region: str
    side: str
    paths: tuple[FinalPath, ...]
    junction: str
    muscle: str
    segments_overlap: bool = False
    """Losing one segment's path goes unnoticed (anatomy.yaml muscle_groups: segments_overlap)."""


class ReflexArc(msgspec.Struct, frozen=True):
    """A reflex on one side: its effector unit and which of that unit's paths carry it."""

    reflex: str
    name: str
    kind: str
    region: str
    side: str
    unit: Unit
    paths: tuple[FinalPath, ...]


class FunctionUnit(msgspec.Struct, frozen=True):
    """A function on one side (anatomy.yaml ``functions``): lost when its route is cut anywhere."""

    function: str
    name: str
    regions: tuple[str, ...]
    side: str
    route: tuple[str, ...]


class Pathway(msgspec.Struct, frozen=True):
    nodes: dict[str, str]
    """Every node id with a readable name."""
    units: tuple[Unit, ...]
    arcs: tuple[ReflexArc, ...]
    sensory: tuple[SensoryUnit, ...] = ()
    functions: tuple[FunctionUnit, ...] = ()
    where: dict[str, str] = msgspec.field(default_factory=dict)
    """Motor node id -> where a lesion there arises: brain, cord, cell, root, plexus or nerve."""
    unknown: dict[str, str] = msgspec.field(default_factory=dict)
    """Written route nodes that name no structure (reported by validation) -> their template."""
    users: dict[str, frozenset[int]] = msgspec.field(default_factory=dict)
    """Node id -> indices (into ``units``) of the units whose paths or routes pass through it."""
    sensory_users: dict[str, frozenset[int]] = msgspec.field(default_factory=dict)
    """Node id -> indices (into ``sensory``) of the sensory units whose routes pass through it."""
    function_users: dict[str, frozenset[int]] = msgspec.field(default_factory=dict)

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
        if not self.function_users:
            functions = [set(unit.route) for unit in self.functions]
            msgspec.structs.force_setattr(self, "function_users", _index(functions))

    def touched(self, cut: frozenset[str]) -> list[Unit]:
        """Only the units that some cut node belongs to (the rest cannot be affected)."""
        return [self.units[i] for i in _hits(self.users, cut)]

    def touched_sensory(self, cut: frozenset[str]) -> list[SensoryUnit]:
        return [self.sensory[i] for i in _hits(self.sensory_users, cut)]

    def touched_functions(self, cut: frozenset[str]) -> list[FunctionUnit]:
        return [self.functions[i] for i in _hits(self.function_users, cut)]

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


def catalogue(anatomy: AnatomyFile) -> dict[str, str]:
    """Names of every named structure, by id: what written routes may pass through."""
    names = {s.id: s.name for s in (*anatomy.structures, *anatomy.nerves, *anatomy.plexuses)}
    names |= {s.id: s.name for s in (*anatomy.cortex_areas, *anatomy.descending_path)}
    names |= {n.id: n.name for n in anatomy.cranial_nuclei}
    return names


class _Builder:
    def __init__(self, anatomy: AnatomyFile, nodes: Nodes) -> None:
        self.anatomy = anatomy
        self.nodes = nodes
        self.node = nodes.node
        self.nuclei = {n.id: n for n in anatomy.cranial_nuclei}
        self.names = nodes.catalogue

    def descending(self, group: MuscleGroup, hemisphere: str, last: str | None = None) -> list[str]:
        assert group.cortex is not None
        route = [
            self.node(
                f"motor-cortex-{group.cortex}-{hemisphere}",
                f"Motor cortex, {self.names[group.cortex]} area ({hemisphere} hemisphere)",
                BRAIN,
            )
        ]
        for structure in self.anatomy.descending_path:
            route.append(self.node(f"{structure.id}-{hemisphere}", f"{structure.name} ({hemisphere})", BRAIN))
            if structure.id == last:
                break
        return route

    def nerves(self, group: MuscleGroup, side: str) -> list[str]:
        return [
            self.node(f"{nerve}-{side}", f"{self.names[nerve]} ({side})", NERVE) for nerve in group.nerves
        ]

    def tract(self, tract: str, name: str, segment: str, side: str) -> list[str]:
        """A descending tract on ``side`` through every level down to ``segment``."""
        order = self.anatomy.segments
        return [
            self.node(f"{tract}-{level.lower()}-{side}", f"{name} at {level} ({side})", CORD)
            for level in order[: order.index(segment) + 1]
        ]

    def spinal_paths(self, group: MuscleGroup, side: str) -> tuple[FinalPath, ...]:
        hemisphere = opposite(side)
        paths = []
        for segment in group.segments:
            seg = segment.lower()
            nodes = [
                self.node(f"anterior-horn-{seg}-{side}", f"Anterior horn {segment} ({side})", CELL),
                self.node(f"ventral-root-{seg}-{side}", f"Ventral root {segment} ({side})", ROOT),
            ]
            if group.plexus:
                plexus = self.names[group.plexus]
                nodes.append(self.node(f"{group.plexus}-{side}", f"{plexus} ({side})", PLEXUS))
            nodes += self.nerves(group, side)
            crossed = self.descending(group, hemisphere)
            bundle = group.bundle or ""  # checked by the loader: spinal groups have a bundle
            crossed.append(
                self.node(
                    f"pyramidal-decussation-{bundle}-from-{hemisphere}",
                    f"Pyramidal decussation, {bundle} fibres crossing from the {hemisphere}",
                    BRAIN,
                )
            )
            crossed += self.tract("lateral-corticospinal", "Lateral corticospinal tract", segment, side)
            routes = [tuple(crossed)]
            if group.bilateral_cortex:  # axial muscles: the uncrossed fibres of their own hemisphere
                uncrossed = self.descending(group, side)
                uncrossed += self.tract(
                    "anterior-corticospinal", "Anterior corticospinal tract", segment, side
                )
                routes.append(tuple(uncrossed))
            paths.append(FinalPath(segment, tuple(nodes), tuple(routes)))
        return tuple(paths)

    def cranial_paths(self, group: MuscleGroup, side: str) -> tuple[FinalPath, ...]:
        assert group.nucleus is not None
        nucleus = self.nuclei[group.nucleus]
        nodes = (
            self.node(f"{nucleus.id}-{side}", f"{nucleus.name} ({side})", CELL),
            *self.nerves(group, side),
        )
        # the opposite hemisphere's route first: it is the main one (see FinalPath.upper_routes)
        hemispheres: tuple[str, ...] = (opposite(side), side) if group.bilateral_cortex else (opposite(side),)
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
            segments_overlap=group.segments_overlap,
        )

    def arc(self, reflex: Reflex, unit: Unit) -> ReflexArc:
        wanted = set(reflex.segments)
        paths = tuple(p for p in unit.paths if p.segment is None or p.segment in wanted)
        return ReflexArc(reflex.id, reflex.name, reflex.kind, unit.region, unit.side, unit, paths)


def build_pathway(anatomy: AnatomyFile) -> Pathway:
    """Generate nodes, units, reflex arcs, sensory units and functions for both sides. ``anatomy``
    must be cross-checked."""
    nodes = Nodes(catalogue(anatomy))
    builder = _Builder(anatomy, nodes)
    units = tuple(builder.unit(group, side) for side in SIDES for group in anatomy.muscle_groups)
    by_key = {(u.group, u.side): u for u in units}
    arcs = tuple(builder.arc(r, by_key[(r.effector, side)]) for side in SIDES for r in anatomy.reflexes)
    sensory = SensoryBuilder(anatomy, nodes).units(SIDES)
    functions = tuple(
        FunctionUnit(f.id, f.name, tuple(f.regions), side, nodes.route(f.route, side, anatomy.segments))
        for side in SIDES
        for f in anatomy.functions
    )
    return Pathway(
        nodes=nodes.names,
        units=units,
        arcs=arcs,
        sensory=sensory,
        functions=functions,
        where=nodes.where,
        unknown=nodes.unknown,
    )
