"""Overlay items drawn above the (cached) SVG: one per lesion site, plus the hover label.

The SVG itself is rendered once into a device-coordinate cache; selection, hover and focus
only repaint these light overlay items, never the SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import Flag, auto

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from app.model.geometry import SiteGeometry
from app.ui import plain, theme
from app.ui.paint_cache import update_in_views

HIT_MARGIN = 8.0
"""Extra diagram units around each site that still count as a hit (generous click targets)."""


class SiteState(Flag):
    NONE = 0
    HOVERED = auto()
    FOCUSED = auto()
    SELECTED = auto()
    DISEASE = auto()
    PROBE = auto()
    """An answer to "which sites would weaken this body region?" (reverse look-up)."""
    ANSWER = auto()
    """A site the student picked as the hidden lesion (find the lesion)."""


def outline_path(geometry: SiteGeometry) -> QPainterPath:
    """The site's drawable outline: closed shapes as polygons, open strokes widened to their stroke."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for outline in geometry.outlines:
        if outline.closed:
            _trace(path, outline.points)
            path.closeSubpath()
        else:
            line = QPainterPath()
            _trace(line, outline.points)
            stroker = QPainterPathStroker()
            stroker.setWidth(max(outline.stroke, 6.0))
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            path.addPath(stroker.createStroke(line))
    return path


def _trace(path: QPainterPath, points: Sequence[tuple[float, float]]) -> None:
    """``path.addPolygon`` of the points, without making a QPointF of each (a third of the time:
    the diagram's 85 outlines have about 5,600 points)."""
    each = iter(points)
    path.moveTo(*next(each))
    line_to = path.lineTo
    for x, y in each:
        line_to(x, y)


def _pen(colour: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(colour), width * theme.line_weight(), style)
    pen.setCosmetic(True)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return pen


def paint_label_box(painter: QPainter, rect: QRectF) -> None:
    """The white, rounded, outlined box behind a hover label (the diagram's and the overlays')."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.TEXT), 2))
    painter.setBrush(QColor(theme.BACKGROUND))
    painter.drawRoundedRect(rect, 5, 5)


class SiteItem(QGraphicsPathItem):
    """A lesion site's outline; invisible until hovered, focused, selected or part of a disease."""

    def __init__(self, site_id: str, name: str, geometry: SiteGeometry) -> None:
        super().__init__(outline_path(geometry))
        self.site_id = site_id
        self.name = name
        self.state = SiteState.NONE
        self._hit: QPainterPath | None = None
        self._bounds = (
            self.path()
            .boundingRect()
            .adjusted(-HIT_MARGIN - 4, -HIT_MARGIN - 4, HIT_MARGIN + 4, HIT_MARGIN + 4)
        )
        self.setZValue(10)
        self.setAcceptHoverEvents(False)
        self.setToolTip(plain.tooltip(name))

    def shape(self) -> QPainterPath:
        """The outline widened by :data:`HIT_MARGIN`; the path union is slow, so it is made on the
        first hit test of this site rather than for every site at start-up."""
        if self._hit is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(2 * HIT_MARGIN)
            self._hit = (self.path() | stroker.createStroke(self.path())).simplified()
        return self._hit

    def boundingRect(self) -> QRectF:
        return self._bounds

    def set_state(self, flag: SiteState, on: bool) -> None:
        new = self.state | flag if on else self.state & ~flag
        if new != self.state:
            self.state = new
            self.setZValue(20 if new & (SiteState.SELECTED | SiteState.FOCUSED) else 10)
            update_in_views(self)  # painted in the window's next pass, with the panels

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        state = self.state
        if state == SiteState.NONE:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = self.path()
        if state & SiteState.SELECTED:
            fill = QColor(theme.SELECTED)
            fill.setAlpha(70)
            painter.fillPath(path, fill)
            hatch = QBrush(QColor(theme.SELECTED), Qt.BrushStyle.BDiagPattern)
            hatch.setTransform(theme.pattern_transform(painter))
            painter.fillPath(path, hatch)
            painter.strokePath(path, _pen(theme.BACKGROUND, 7))
            painter.strokePath(path, _pen(theme.SELECTED, 4))
        elif state & SiteState.PROBE:
            fill = QColor(theme.PROBE)
            fill.setAlpha(60)
            painter.fillPath(path, fill)
            painter.strokePath(path, _pen(theme.BACKGROUND, 7))
            painter.strokePath(path, _pen(theme.PROBE, 4, Qt.PenStyle.DashDotLine))
        elif state & SiteState.ANSWER:
            fill = QColor(theme.ANSWER)
            fill.setAlpha(70)
            painter.fillPath(path, fill)
            cross = QBrush(QColor(theme.ANSWER), Qt.BrushStyle.DiagCrossPattern)
            cross.setTransform(painter.worldTransform().inverted()[0])
            painter.fillPath(path, cross)
            painter.strokePath(path, _pen(theme.BACKGROUND, 7))
            painter.strokePath(path, _pen(theme.ANSWER, 4, Qt.PenStyle.DashLine))
        elif state & SiteState.DISEASE:
            painter.strokePath(path, _pen(theme.BACKGROUND, 6))
            painter.strokePath(path, _pen(theme.DISEASE_SITE, 3.5, Qt.PenStyle.DotLine))
        if state & SiteState.HOVERED and not state & SiteState.SELECTED:
            fill = QColor(theme.HOVER)
            fill.setAlpha(35)
            painter.fillPath(path, fill)
            painter.strokePath(path, _pen(theme.HOVER, 3, Qt.PenStyle.DashLine))
        if state & SiteState.FOCUSED:
            ring = path.boundingRect().adjusted(-HIT_MARGIN, -HIT_MARGIN, HIT_MARGIN, HIT_MARGIN)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(_pen(theme.BACKGROUND, 7))
            painter.drawRoundedRect(ring, 6, 6)
            painter.setPen(_pen(theme.FOCUS, 3.5, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(ring, 6, 6)


class NameLabel(QGraphicsItem):
    """The hovered or focused site's name, drawn at a fixed screen size beside the site."""

    PADDING = 7.0

    def __init__(self, font: QFont) -> None:
        super().__init__()
        self._font = font
        self._text = ""
        self._rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(100)
        self.hide()

    def show_text(self, text: str, anchor: QPointF, max_width: float = 1e6) -> None:
        """One line, or a few wrapped at ``max_width`` (screen pixels) for a long name."""
        self.prepareGeometryChange()
        self._font.setPixelSize(theme.px(theme.BASE_FONT_PX + 2))  # follows the text scale
        self._text = text
        metrics = QFontMetricsF(self._font)
        wrap = max(1.0, max_width - 2 * self.PADDING)
        box = metrics.boundingRect(QRectF(0, 0, wrap, 1e5), Qt.TextFlag.TextWordWrap, text)
        width, height = box.width() + 2 * self.PADDING, box.height() + 2 * self.PADDING
        self._rect = QRectF(0, -height, width, height)
        self.setPos(anchor)
        self.show()

    @property
    def text(self) -> str:
        return self._text if self.isVisible() else ""

    def size(self) -> QSizeF:
        """On screen (the label ignores the view's zoom)."""
        return self.boundingRect().size()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_label_box(painter, self._rect)
        painter.setFont(self._font)
        painter.drawText(self._rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._text)
