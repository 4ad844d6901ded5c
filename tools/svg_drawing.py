"""Shared helpers for drawing the SVGs with QPainterPath boolean operations."""

from __future__ import annotations

import math
import sys

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF


def f(v: float) -> str:
    v = round(v, 1)
    if abs(v - round(v)) < 1e-9:
        return str(int(round(v)))
    return f"{v:.1f}"


def rect(x0, y0, x1, y1) -> QPainterPath:
    p = QPainterPath()
    p.addRect(QRectF(x0, y0, x1 - x0, y1 - y0))
    return p


def ellipse(cx, cy, rx, ry) -> QPainterPath:
    p = QPainterPath()
    p.addEllipse(QPointF(cx, cy), rx, ry)
    return p


def poly(points) -> QPainterPath:
    p = QPainterPath()
    p.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    p.closeSubpath()
    return p


def bez(start, *segs) -> QPainterPath:
    """start point, then segments: (x,y) line or ((c1),(c2),(end)) cubic."""
    p = QPainterPath(QPointF(*start))
    for s in segs:
        if isinstance(s[0], (int, float)):
            p.lineTo(QPointF(*s))
        else:
            c1, c2, e = s
            p.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*e))
    p.closeSubpath()
    return p


def mirror_pts(points, mid):
    return [(2 * mid - x, y) for x, y in points]


def mirror(path: QPainterPath, mid: float) -> QPainterPath:
    from PySide6.QtGui import QTransform

    t = QTransform(-1, 0, 0, 1, 2 * mid, 0)
    return t.map(path)


def grow(path: QPainterPath, by: float) -> QPainterPath:
    s = QPainterPathStroker()
    s.setWidth(2 * by)
    return (path | s.createStroke(path)).simplified()


def _rdp(points, eps):
    if len(points) < 3:
        return points
    (x0, y0), (x1, y1) = points[0], points[-1]
    dx, dy = x1 - x0, y1 - y0
    norm = math.hypot(dx, dy) or 1e-9
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        d = (
            abs(dy * x - dx * y + x1 * y0 - y1 * x0) / norm
            if math.hypot(dx, dy) > 1e-9
            else math.hypot(x - x0, y - y0)
        )
        if d > best:
            best, index = d, i
    if best > eps:
        return _rdp(points[: index + 1], eps)[:-1] + _rdp(points[index:], eps)
    return [points[0], points[-1]]


def d_of(path: QPainterPath, eps: float = 0.25) -> str:
    """Polygons of a (flattened) path as an SVG d string."""
    out = []
    for polygon in path.simplified().toFillPolygons():
        pts = [(p.x(), p.y()) for p in polygon]
        if len(pts) > 1 and pts[0] == pts[-1]:
            pts = pts[:-1]
        # split the ring at its leftmost point so RDP keeps corners
        pts = _rdp(pts + [pts[0]], eps)[:-1]
        if len(pts) < 3:
            continue
        out.append("M " + " L ".join(f"{f(x)},{f(y)}" for x, y in pts) + " Z")
    return " ".join(out)


def area(path: QPainterPath) -> float:
    total = 0.0
    for polygon in path.simplified().toFillPolygons():
        pts = [(p.x(), p.y()) for p in polygon]
        a = 0.0
        for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
            a += x0 * y1 - x1 * y0
        total += abs(a) / 2
    return total


def check_overlaps(shapes: dict[str, QPainterPath]) -> None:
    """Print each shape's size and area to stderr, and any two shapes that overlap (clickable
    parts must not, or a click could mean either)."""
    keys = list(shapes)
    width = max(map(len, keys), default=0)
    for i, a in enumerate(keys):
        r = shapes[a].boundingRect()
        print(
            f"{a:{width}s} {r.width():6.1f} x {r.height():6.1f}  area {area(shapes[a]):8.0f}", file=sys.stderr
        )
        for b in keys[i + 1 :]:
            overlap = area(shapes[a] & shapes[b])
            if overlap > 1.0:
                print(f"  OVERLAP {a} / {b}: {overlap:.1f}", file=sys.stderr)


def shape(d: str, fill: str, stroke: str, width: float, extra: str = "") -> str:
    """An outlined SVG path element."""
    return f'<path d="{d}" fill="{fill}" stroke="{stroke}" stroke-width="{f(width)}" stroke-linejoin="round"{extra}/>'
