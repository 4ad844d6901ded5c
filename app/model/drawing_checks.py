"""The drawings against the content: every site has its element in the diagram (and nothing else is
marked as a site), every body region its two halves on the body map, every cord part its element in
the cross-section. Each SVG is first checked for safety by :func:`~app.model.svgcheck.scan_svg`."""

from __future__ import annotations

from collections.abc import Sequence

from app.model.checker import Checker
from app.model.content import Drawings, SiteInfo
from app.model.errors import ContentError, Problem
from app.model.expand import site_entry_index
from app.model.ids import CORD_PARTS
from app.model.svgcheck import SvgScan, scan_svg


def _scan(c: Checker, path_name: str, drawings: Drawings) -> SvgScan | None:
    try:
        return scan_svg(getattr(drawings, path_name))
    except ContentError as error:
        c.problems += error.problems
        return None


def check_drawings(c: Checker, drawings: Drawings, sites: Sequence[SiteInfo]) -> None:
    diagram = _scan(c, "diagram", drawings)
    if diagram is not None:
        _check_diagram(c, diagram, sites)
    body = _scan(c, "body", drawings)
    if body is not None:
        for index, region in enumerate(c.sources.body.parsed.regions):
            for side in ("right", "left"):
                if f"body-{region.id}-{side}" not in body.ids:
                    c.error(
                        "body", ("regions", index), f"{body.path.name} has no element body-{region.id}-{side}"
                    )
    cord = _scan(c, "cord", drawings)
    if cord is not None:
        _check_cord(c, cord)


def _check_cord(c: Checker, scan: SvgScan) -> None:
    """Every cord part drawn, and every drawn part (``xs-PART-SIDE`` or ``xs-PART``) a cord part:
    a click on an element without one would select and explain nothing."""
    parts = c.sources.anatomy.parsed.cord_parts
    for index, part in enumerate(parts):
        if part.id not in CORD_PARTS:
            c.error(
                "anatomy",
                ("cord_parts", index, "id"),
                f"the Cord panel does not show cord part {part.id!r}: it draws only the parts named "
                "in CORD_PARTS (app/model/ids.py)",
            )
        sided = {f"xs-{part.id}-right", f"xs-{part.id}-left"}
        if f"xs-{part.id}" not in scan.ids and not sided <= scan.ids.keys():
            c.error(
                "anatomy",
                ("cord_parts", index),
                f"{scan.path.name} has no element xs-{part.id}(-right/-left)",
            )
    known = {part.id for part in parts}
    for element_id, line in scan.ids.items():
        if not element_id.startswith("xs-"):
            continue
        part_id = element_id.removeprefix("xs-")
        if part_id not in known:
            part_id = part_id.removesuffix("-right").removesuffix("-left")
        if part_id not in known:
            c.problems.append(
                Problem(
                    scan.path,
                    line,
                    f"element {element_id!r} draws the cord part {part_id!r}, which anatomy.yaml "
                    "cord_parts does not have; add it there (or rename the element deco-...)",
                )
            )


def _check_diagram(c: Checker, scan: SvgScan, sites: Sequence[SiteInfo]) -> None:
    entry = site_entry_index(c.sources.sites.parsed)
    for info in sites:
        if info.id not in scan.ids:
            c.error(
                "sites",
                ("sites", entry[info.id], "id"),
                f"site {info.id!r} has no element with id={info.id!r} in {scan.path.name}",
            )
    known = {site.id for site in sites}
    if known <= scan.ids.keys():
        _check_targets(c, scan, known)
    for element_id, line in scan.site_classed.items():
        if element_id not in known:
            c.problems.append(
                Problem(
                    scan.path,
                    line,
                    f'element {element_id!r} is marked class="site" but sites.yaml has no such site',
                )
            )


def _check_targets(c: Checker, scan: SvgScan, site_ids: set[str]) -> None:
    """Every site big enough to click and far enough from its neighbours (:mod:`app.model.svgtargets`)."""
    from app.model.geometry import parse_geometry
    from app.model.svgtargets import target_problems

    try:
        geometry = parse_geometry(scan.path, site_ids)
    except ContentError as error:
        c.problems += error.problems
        return
    c.problems += target_problems(scan.path, geometry, scan.ids)


def scan_problems(drawings: Drawings) -> list[Problem]:
    """Only the safety scan of every drawing (when the YAML itself could not be read)."""
    problems: list[Problem] = []
    for path in (drawings.diagram, drawings.body, drawings.cord):
        try:
            scan_svg(path)
        except ContentError as error:
            problems += error.problems
    return problems
