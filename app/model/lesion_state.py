"""What a set of cut pathway nodes does to one muscle group, one reflex arc, one function.

For a muscle group on one side (a :class:`~app.model.pathway.Unit`):

* **LMN** when a final common path (nucleus or anterior horn, root, plexus, nerve) is cut. A path
  cut only where neurons are lost *in part* (``partial``: the cell bodies in a degenerative disease)
  is weakened but still conducts: its reflex arc works and cortical input still reaches it;
* **UMN** when, for a final path that still conducts, *every* upper route feeding it is cut (so the
  upper face and the trunk, fed from both hemispheres, survive a one-sided lesion);
* **NMJ** / **muscle** when its junction or muscle node is cut.

Each lesion type remembers *where* it arises (``brain`` or ``cord`` for UMN; ``cell``, ``root``,
``plexus`` or ``nerve`` for LMN), for rules such as "fasciculations: at the cell body".

A reflex arc is *interrupted* when a path carrying it is cut, *weakened* when its neurons are lost
in part, *released* when it conducts but its cortical control is cut, and *partly released* when
its main (crossed) upper route is cut while another still feeds it (a reflex with input from both
hemispheres).
"""

from __future__ import annotations

from collections.abc import Mapping

import msgspec

from app.model.pathway import FinalPath, ReflexArc, Unit

WHERE_OTHER = "other"
OVERLAP_LOSS = 2
"""Segments a group whose segments overlap must lose before it shows (anatomy.yaml: segments_overlap)."""


class UnitState(msgspec.Struct, frozen=True):
    unit: Unit
    lesions: frozenset[str]
    where: dict[str, frozenset[str]]
    """Lesion type -> where along the pathway it arises."""


class ArcState(msgspec.Struct, frozen=True):
    arc: ReflexArc
    state: str
    where: frozenset[str]


def _where(nodes: set[str], where_of: Mapping[str, str]) -> frozenset[str]:
    return frozenset(where_of.get(node, WHERE_OTHER) for node in nodes)


def _routes_cut(path: FinalPath, cut: frozenset[str]) -> list[tuple[str, ...]]:
    return [route for route in path.upper_routes if not cut.isdisjoint(route)]


def _all_routes_cut(path: FinalPath, cut: frozenset[str]) -> bool:
    """Every upper route feeding this path is cut (a path without upper routes never is)."""
    return bool(path.upper_routes) and len(_routes_cut(path, cut)) == len(path.upper_routes)


def _blocked(path: FinalPath, cut: frozenset[str], partial: frozenset[str]) -> bool:
    """The path no longer conducts: cut somewhere that is not a partial loss."""
    return not (cut.intersection(path.nodes) <= partial)


def unit_state(
    unit: Unit, cut: frozenset[str], partial: frozenset[str], where_of: Mapping[str, str]
) -> UnitState:
    lesions: set[str] = set()
    where: dict[str, frozenset[str]] = {}
    lmn_hit = set().union(*(cut.intersection(p.nodes) for p in unit.paths))
    if unit.segments_overlap and sum(not cut.isdisjoint(p.nodes) for p in unit.paths) < OVERLAP_LOSS:
        lmn_hit = set()  # one segment lost: the others make up for it
    if lmn_hit:
        lesions.add("LMN")
        where["LMN"] = _where(lmn_hit, where_of)
    conducting = [p for p in unit.paths if not _blocked(p, cut, partial)]
    released = [p for p in conducting if _all_routes_cut(p, cut)]
    if released:
        lesions.add("UMN")
        route_hits = {node for p in released for route in p.upper_routes for node in cut.intersection(route)}
        where["UMN"] = _where(route_hits, where_of)
    if unit.junction in cut:
        lesions.add("NMJ")
    if unit.muscle in cut:
        lesions.add("muscle")
    return UnitState(unit, frozenset(lesions), where)


def arc_state(
    arc: ReflexArc, cut: frozenset[str], partial: frozenset[str], where_of: Mapping[str, str]
) -> ArcState | None:
    hit = set().union(*(cut.intersection(p.nodes) for p in arc.paths))
    if any(_blocked(p, cut, partial) for p in arc.paths):
        return ArcState(arc, "interrupted", _where(hit, where_of))
    released = [p for p in arc.paths if _all_routes_cut(p, cut)]
    if released:
        route_hits = {node for p in released for route in p.upper_routes for node in cut.intersection(route)}
        return ArcState(arc, "released", _where(route_hits, where_of))
    if hit:
        return ArcState(arc, "weakened", _where(hit, where_of))
    # Only the main (crossed) route cut, another route still intact: superficial reflexes such as the
    # abdominal ones depend on the crossed route and are lost; an uncrossed route alone matters little.
    main = {node for p in arc.paths if p.upper_routes for node in cut.intersection(p.upper_routes[0])}
    if main:
        return ArcState(arc, "partly-released", _where(main, where_of))
    return None
