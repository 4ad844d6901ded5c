"""How overlay parts are drawn (body map, cord cross-section): layers of colour AND pattern AND
outline style, so that no state is told by colour alone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPainterPathStroker, QPen

from app.ui import theme

PATTERN_SCALE = 2.0
"""Hatching drawn at twice Qt's 8 px tile: 2 px lines that survive a projector."""
TINT_ALPHA = 55
LABEL_MAX_PX = 340.0


class Layer(NamedTuple):
    """One thing a part shows: a tinted pattern fill and an outline (solid, dashes or beads)."""

    colour: str
    brush: QBrush
    outline: str = "solid"


def lesion_layer(lesion: str, pattern: str) -> Layer:
    colour = theme.lesion_colour(lesion)
    return Layer(colour.name(), theme.pattern_brush(pattern, colour))


def untyped_layer() -> Layer:
    """A region with signs but no lesion type (a Horner syndrome, clumsiness, absent abdominal
    reflexes; or signs revealed while the lesion type is still hidden): near-black vertical lines,
    a pattern no lesion type uses."""
    colour = QColor(theme.TEXT)
    return Layer(colour.name(), QBrush(colour, Qt.BrushStyle.VerPattern))


def selected_layer() -> Layer:
    colour = QColor(theme.SELECTED)
    return Layer(colour.name(), QBrush(colour, Qt.BrushStyle.BDiagPattern))


def cosmetic_pen(colour: str | QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    # the device pixel ratio only: these bands are 5-10 px already, and twice that (the projector
    # profile) covers the small figure a projector layout has room for
    pen = QPen(QColor(colour), width * theme.device_ratio(), style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def inset_path(path: QPainterPath, depth: float) -> QPainterPath:
    """``path`` shrunk by ``depth`` (where sensory loss draws its line, inside the motor outline)."""
    stroker = QPainterPathStroker()
    stroker.setWidth(2 * depth)
    return (path - stroker.createStroke(path)).simplified()


def paint_layers(
    painter: QPainter, path: QPainterPath, layers: Sequence[Layer], inset: Callable[[int], QPainterPath]
) -> None:
    """Fill ``path`` with the lesion types' patterns (screen-sized; with none, the sensory ones), then
    the outlines: lesion types a solid band inside the edge, each sensory loss a dashed or beaded line
    on its own ``inset(n)`` ring."""
    if not layers:
        return
    scale = theme.pattern_transform(painter, PATTERN_SCALE, weighted=False)
    # A region with a lesion type is filled by it alone; its sensory loss is told by the line along
    # its edge (a sensory pattern on top would hide the motor one). Sensory loss alone fills too.
    fills = [layer for layer in layers if layer.outline == "solid"] or list(layers)
    tint = QColor(fills[0].colour)
    tint.setAlpha(TINT_ALPHA)
    painter.fillPath(path, tint)
    for layer in fills:
        brush = QBrush(layer.brush)
        brush.setTransform(scale)
        painter.fillPath(path, brush)
    lines = [layer for layer in layers if layer.outline != "solid"]
    for depth, layer in enumerate(lines, start=1):
        ring = inset(depth)
        painter.strokePath(ring, cosmetic_pen(theme.BACKGROUND, 8))
        pen = cosmetic_pen(layer.colour, 5)
        if layer.outline == "beads":
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setDashPattern([0.01, 2.0])
        else:
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            pen.setDashPattern([2.4, 1.2])
        painter.strokePath(ring, pen)
    # The lesion types' bands last: in a small figure the sensory line's white edge would cover them.
    painter.save()
    painter.setClipPath(path, Qt.ClipOperation.IntersectClip)  # outlines stay inside: neighbours touch
    for index, layer in enumerate(layer for layer in layers if layer.outline == "solid"):
        painter.strokePath(path, cosmetic_pen(layer.colour, 10 if index == 0 else 5))
    painter.restore()
