"""Are the lesion sites of the diagram big enough, and far enough apart, to be clicked?

Works on the outlines already read by :mod:`app.model.geometry` (no Qt, no second SVG parse).
Each site is split into its *targets*: the pieces of a site that touch or lie closer than
:data:`MIN_GAP` to each other form one target (a box drawn in two halves is one target), while
pieces far apart are separate targets (the neuromuscular junctions of the face, arm and leg are
three). Measured on the targets' bounding boxes in diagram (viewBox) units:

* every target is at least :data:`MIN_TARGET` wide and tall;
* targets of different sites are at least :data:`MIN_GAP` apart: their boxes are separated by
  at least that much horizontally or vertically.

An open line (a stroked path, not a filled shape) counts as wide as the app makes its click
shape: its stroke, at least :data:`MIN_LINE_WIDTH`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from pathlib import Path

from app.model.errors import Problem
from app.model.geometry import DiagramGeometry, Outline

MIN_TARGET = 40.0
"""Smallest width and height of a site's click target, in diagram units."""
MIN_GAP = 6.0
"""Smallest distance between the click targets of two different sites, in diagram units."""
MIN_LINE_WIDTH = 6.0
"""An open stroked line is clickable this wide at least (as in the app's hit shapes)."""
_EPSILON = 1e-6

Box = tuple[float, float, float, float]
"""x0, y0, x1, y1"""


def _outline_box(outline: Outline) -> Box:
    xs = [x for x, _ in outline.points]
    ys = [y for _, y in outline.points]
    pad = 0.0 if outline.closed else max(outline.stroke, MIN_LINE_WIDTH) / 2
    return (min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad)


def box_gap(a: Box, b: Box) -> float:
    """How far apart two boxes are: the larger of the horizontal and vertical gaps, negative
    when they overlap on both axes."""
    return max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3])


def _union(boxes: list[Box]) -> Box:
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def site_targets(outlines: list[Outline]) -> list[Box]:
    """The click targets of one site: boxes of its outlines, merged where they touch or lie
    closer than :data:`MIN_GAP` (repeated until no two targets are that close)."""
    targets = [_outline_box(o) for o in outlines if o.points]
    merged = True
    while merged:
        merged = False
        for i, j in itertools.combinations(range(len(targets)), 2):
            if box_gap(targets[i], targets[j]) < MIN_GAP - _EPSILON:
                targets[i] = _union([targets[i], targets[j]])
                del targets[j]
                merged = True
                break
    return sorted(targets, key=lambda b: (b[1], b[0]))


def _units(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 0.05 else f"{value:.1f}"


def target_problems(svg_path: Path, geometry: DiagramGeometry, lines: Mapping[str, int]) -> list[Problem]:
    """Sites too small to click or too close to another site, each at its element's line in
    ``svg_path`` (``lines``: element id -> line, as :func:`app.model.svgcheck.scan_svg` gives)."""
    problems: list[Problem] = []
    order = sorted(geometry.sites, key=lambda s: (lines.get(s, 1), s))
    targets = {site: site_targets(geometry.sites[site].outlines) for site in order}
    for site in order:
        several = len(targets[site]) > 1
        for box in targets[site]:
            width, height = box[2] - box[0], box[3] - box[1]
            if min(width, height) >= MIN_TARGET - _EPSILON:
                continue
            size = f"{_units(width)} x {_units(height)} units"
            where = f"is {size}"
            if several:
                where = f"has a part at x {_units(box[0])}, y {_units(box[1])} that is {size}"
            problems.append(
                Problem(
                    svg_path,
                    lines.get(site, 1),
                    f"site {site!r} {where}; make it at least {MIN_TARGET:g} x {MIN_TARGET:g} "
                    "so it can be clicked",
                )
            )
    for first, second in itertools.combinations(order, 2):
        gaps = [box_gap(a, b) for a in targets[first] for b in targets[second]]
        if not gaps:
            continue
        gap = min(gaps)
        if gap >= MIN_GAP - _EPSILON:
            continue
        how = "touch or overlap" if gap <= 0 else f"are only {_units(gap)} units apart"
        problems.append(
            Problem(
                svg_path,
                lines.get(second, 1),
                f"sites {first!r} and {second!r} {how}; keep at least {MIN_GAP:g} units between them "
                "so a click finds the right one",
            )
        )
    return problems
