"""Outlines of the lesion-site elements of the diagram, for hit-testing and highlights.

svgelements reads the SVG with transforms applied and each site element (a shape or a group
of shapes) is flattened into polygons in viewBox units. That parse costs hundreds of
milliseconds, so its result is cached as JSON keyed by the SHA-256 of the SVG and the ids
asked for: only the first start after the diagram changes pays for it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

import msgspec

from app.model.atomic import write_cache_replacing
from app.model.digest import new_digest
from app.model.errors import ContentError, Problem
from app.model.svgcheck import MAX_SVG_BYTES, scan_svg
from app.model.textfile import read_bytes

GEOMETRY_VERSION = 1
MAX_CACHE_BYTES = 20_000_000
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
    digest = new_digest(svg_bytes)
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


def _elements(svg_path: Path, data: bytes) -> list[object]:
    """Every element of the SVG, ``<use>`` expanded and transforms applied (svgelements). The bytes
    were scanned by :func:`scan_svg` first; whatever svgelements still cannot read is a problem
    of the file, never a crash."""
    import io

    from svgelements import SVG

    try:
        return list(SVG.parse(io.BytesIO(data), reify=True).elements())
    except Exception as error:  # noqa: BLE001 - a third-party parser reading an untrusted file
        raise ContentError(
            [Problem(svg_path, 1, f"the drawing cannot be read ({type(error).__name__}: {error})")]
        ) from None


def _site_geometry(svg_path: Path, line: int, element_id: str, element: object) -> SiteGeometry:
    from svgelements import Group

    shapes = list(element.select()) if isinstance(element, Group) else [element]
    outlines = [o for shape in shapes for o in _flatten(shape)]
    if not outlines:
        raise ContentError([Problem(svg_path, line, f"site element {element_id!r} has no drawable shape")])
    xs = [x for o in outlines for x, _ in o.points]
    ys = [y for o in outlines for _, y in o.points]
    if not all(math.isfinite(v) for v in (*xs, *ys)):
        raise ContentError(
            [Problem(svg_path, line, f"site element {element_id!r} has coordinates that are not numbers")]
        )
    return SiteGeometry(outlines, (min(xs), min(ys), max(xs), max(ys)))


def _outside(box: tuple[float, float, float, float], view_box: tuple[float, float, float, float]) -> bool:
    x, y, w, h = view_box
    return box[2] < x or box[0] > x + w or box[3] < y or box[1] > y + h


def parse_geometry(svg_path: Path, site_ids: Iterable[str], data: bytes | None = None) -> DiagramGeometry:
    """Read outlines with svgelements (slow); the SVG is safety-checked first. ``data`` is the
    file's content when already read (it is read once, so what is parsed is what was checked)."""
    data = read_bytes(svg_path, MAX_SVG_BYTES) if data is None else data
    scan = scan_svg(svg_path, data)
    assert scan.view_box is not None
    wanted = set(site_ids)
    sites: dict[str, SiteGeometry] = {}
    problems: list[Problem] = []
    found: set[str] = set()
    for element in _elements(svg_path, data):
        element_id = getattr(element, "id", None)
        if element_id not in wanted or element_id in found:
            continue
        found.add(element_id)
        line = scan.ids.get(element_id, 1)
        try:
            sites[element_id] = _site_geometry(svg_path, line, element_id, element)
        except ContentError as error:
            problems += error.problems
            continue
        if _outside(sites[element_id].bbox, scan.view_box):
            problems.append(Problem(svg_path, line, f"site element {element_id!r} lies outside the viewBox"))
    missing = sorted(wanted - found)
    problems += [Problem(svg_path, scan.ids.get(m, 1), f"no element with id {m!r}") for m in missing]
    if problems:
        raise ContentError(problems)
    return DiagramGeometry(GEOMETRY_VERSION, cache_key(data, wanted), scan.view_box, sites)


def load_geometry(svg_path: Path, site_ids: Iterable[str], cache_dir: Path | None) -> DiagramGeometry:
    """Site outlines from the cache when the SVG is unchanged, else parsed and cached."""
    wanted = sorted(set(site_ids))
    data = read_bytes(svg_path, MAX_SVG_BYTES)
    key = cache_key(data, wanted)
    prefix = f"geometry-{svg_path.stem}-"
    cache_file = cache_dir / f"{prefix}{key[:32]}.json" if cache_dir is not None else None
    if cache_file is not None:
        try:
            cached = msgspec.json.decode(read_bytes(cache_file, MAX_CACHE_BYTES), type=DiagramGeometry)
        except (ContentError, msgspec.DecodeError, msgspec.ValidationError):
            cached = None
        if cached is not None and cached.key == key:
            return cached
    geometry = parse_geometry(svg_path, wanted, data)
    if cache_file is not None:
        write_cache_replacing(cache_file, msgspec.json.encode(geometry), f"{prefix}*.json")
    return geometry
