"""Outlines of the lesion-site elements of the diagram, for hit-testing and highlights.

svgelements reads the SVG with transforms applied and each site element (a shape or a group
of shapes) is flattened into polygons in viewBox units. That parse costs hundreds of
milliseconds, so its result is cached as JSON keyed by the SHA-256 of the SVG and the ids
asked for: only the first start after the diagram changes pays for it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import msgspec

from app.model.atomic import write_cache_replacing
from app.model.errors import ContentError, Problem
from app.model.svgcheck import scan_svg

GEOMETRY_VERSION = 1
CURVE_STEPS = 16


class Outline(msgspec.Struct, frozen=True):
    """One flattened shape: a polygon if ``closed``, else a polyline to be stroked ``stroke`` wide."""

    points: list[tuple[float, float]]
    closed: bool
    filled: bool
    stroke: float


class SiteGeometry(msgspec.Struct, frozen=True):
    outlines: list[Outline]
    bbox: tuple[float, float, float, float]


class DiagramGeometry(msgspec.Struct, frozen=True):
    version: int
    key: str
    view_box: tuple[float, float, float, float]
    sites: dict[str, SiteGeometry]


def cache_key(svg_bytes: bytes, site_ids: Iterable[str]) -> str:
    digest = hashlib.sha256(svg_bytes)
    digest.update("\n".join(sorted(site_ids)).encode())
    digest.update(f"v{GEOMETRY_VERSION}".encode())
    return digest.hexdigest()


def _flatten(shape: object) -> list[Outline]:
    from svgelements import Close, Line, Move, Path, Shape

    if not isinstance(shape, Shape):
        return []
    path = Path(shape)
    outlines: list[Outline] = []
    filled = shape.fill is not None and shape.fill.value is not None and shape.fill.alpha != 0
    stroke = (
        float(shape.stroke_width or 0) if shape.stroke is not None and shape.stroke.value is not None else 0.0
    )
    points: list[tuple[float, float]] = []
    closed = False

    def finish() -> None:
        if len(points) >= 2:
            outlines.append(Outline(list(points), closed, filled, stroke))

    for segment in path:
        if isinstance(segment, Move):
            finish()
            points, closed = [(float(segment.end.x), float(segment.end.y))], False
        elif isinstance(segment, Close):
            closed = True
        elif isinstance(segment, Line):
            points.append((float(segment.end.x), float(segment.end.y)))
        else:
            for step in range(1, CURVE_STEPS + 1):
                point = segment.point(step / CURVE_STEPS)
                points.append((float(point.x), float(point.y)))
    finish()
    return [
        o if o.closed or not o.filled else Outline(o.points, closed=True, filled=True, stroke=o.stroke)
        for o in outlines
    ]


def parse_geometry(svg_path: Path, site_ids: Iterable[str]) -> DiagramGeometry:
    """Read outlines with svgelements (slow); the SVG is safety-checked first."""
    from svgelements import SVG, Group

    scan = scan_svg(svg_path)
    wanted = set(site_ids)
    svg = SVG.parse(str(svg_path), reify=True)
    sites: dict[str, SiteGeometry] = {}
    for element in svg.elements():
        element_id = getattr(element, "id", None)
        if element_id not in wanted or element_id in sites:
            continue
        shapes = list(element.select()) if isinstance(element, Group) else [element]
        outlines = [o for shape in shapes for o in _flatten(shape)]
        if not outlines:
            line = scan.ids.get(element_id, 1)
            raise ContentError(
                [Problem(svg_path, line, f"site element {element_id!r} has no drawable shape")]
            )
        xs = [x for o in outlines for x, _ in o.points]
        ys = [y for o in outlines for _, y in o.points]
        sites[element_id] = SiteGeometry(outlines, (min(xs), min(ys), max(xs), max(ys)))
    missing = sorted(wanted - sites.keys())
    if missing:
        raise ContentError([Problem(svg_path, 1, f"no element with id {m!r}") for m in missing])
    assert scan.view_box is not None
    return DiagramGeometry(GEOMETRY_VERSION, cache_key(svg_path.read_bytes(), wanted), scan.view_box, sites)


def load_geometry(svg_path: Path, site_ids: Iterable[str], cache_dir: Path | None) -> DiagramGeometry:
    """Site outlines from the cache when the SVG is unchanged, else parsed and cached."""
    wanted = sorted(set(site_ids))
    key = cache_key(svg_path.read_bytes(), wanted)
    prefix = f"geometry-{svg_path.stem}-"
    cache_file = cache_dir / f"{prefix}{key[:32]}.json" if cache_dir is not None else None
    if cache_file is not None and cache_file.exists():
        try:
            cached = msgspec.json.decode(cache_file.read_bytes(), type=DiagramGeometry)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            cached = None
        if cached is not None and cached.key == key:
            return cached
    geometry = parse_geometry(svg_path, wanted)
    if cache_file is not None:
        write_cache_replacing(cache_file, msgspec.json.encode(geometry), f"{prefix}*.json")
    return geometry
