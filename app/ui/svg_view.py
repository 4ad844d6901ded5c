"""A view of one SVG (diagram, body map, cord section) with light overlay items on top.

The SVG is rendered into a viewport-sized pixmap once per view geometry (zoom, scroll, size)
and blitted in drawBackground, so hover and selection only repaint their overlay items.
(QGraphicsSvgItem's DeviceCoordinateCache re-rendered the SVG on every repaint here, ~15 ms
at 1080p.) The scene is the SVG's viewBox; the view fits it, times an optional zoom.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPixmap, QResizeEvent, QWheelEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

ZOOM_STEP = 1.25
MAX_ZOOM = 8.0
MAX_WHEEL_STEPS = 10
"""More wheel steps in one event than it takes to go from fit to :data:`MAX_ZOOM`."""
WHOLE_SCENE_AREA = 4.0
"""The backdrop covers the whole scene while that is at most this many viewports in area."""


class SvgView(QGraphicsView):
    def __init__(
        self, svg_path: Path, view_box: tuple[float, float, float, float], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.white)
        # A viewport made here, so that Python knows its type (see app/ui/viewport.py; the one
        # QGraphicsView makes has no name to find it by).
        self.setViewport(QWidget())
        # drawBackground covers the whole viewport: the widgets behind it need not paint there first
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMouseTracking(True)
        x, y, w, h = view_box
        self.setScene(QGraphicsScene(QRectF(x, y, w, h), self))
        self.svg_path = svg_path
        self._renderer = QSvgRenderer(str(svg_path), self)
        self._backdrop = QPixmap()
        self._backdrop_key: tuple[object, ...] = ()
        self._zoom = 1.0
        self.scroll_bars = True
        """Show scroll bars when zoomed in (presentation mode frames the view itself instead)."""

    # --- the SVG backdrop ----------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Blit the SVG, rendered once per scale: the whole scene when it is not much larger than the
        viewport (scrolling and re-centring, as presentation mode does on every step, only move the
        blit), else just the viewport (deep zoom)."""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        transform = self.viewportTransform()
        scale = transform.m11()
        scene = self.sceneRect()
        width, height = scene.width() * scale, scene.height() * scale
        whole = width * height <= WHOLE_SCENE_AREA * max(1, viewport.width() * viewport.height())
        key: tuple[object, ...] = (
            (scale, ratio, "whole") if whole else (transform, viewport.width(), viewport.height(), ratio)
        )
        if key != self._backdrop_key:
            size = (width, height) if whole else (viewport.width(), viewport.height())
            pixmap = QPixmap(round(size[0] * ratio), round(size[1] * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.white)
            render = QPainter(pixmap)
            render.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
            )
            if whole:
                render.scale(scale, scale)
                render.translate(-scene.left(), -scene.top())
            else:
                render.setTransform(transform)
            self._renderer.render(render, scene)
            render.end()
            self._backdrop, self._backdrop_key = pixmap, key
        painter.save()
        painter.resetTransform()
        origin = self.mapFromScene(scene.topLeft()) if whole else QPoint(0, 0)
        drawn = self._backdrop.deviceIndependentSize()
        covered = QRect(origin.x(), origin.y(), int(drawn.width()), int(drawn.height()))  # whole pixels
        if not covered.contains(viewport.rect()):  # the viewport is opaque: its margins too
            painter.fillRect(viewport.rect(), self.backgroundBrush())
        painter.drawPixmap(origin, self._backdrop)
        painter.restore()

    # --- finding points on items (clicks, tests) ------------------------------------------------
    def point_inside(self, item: QGraphicsItem, path: QPainterPath) -> QPoint:
        """A viewport position inside ``path`` where ``item`` is the topmost item (for clicking it)."""
        rect = path.boundingRect()
        center = rect.center()
        steps = 12
        candidates = sorted(
            (
                QPointF(rect.left() + rect.width() * i / steps, rect.top() + rect.height() * j / steps)
                for i in range(1, steps)
                for j in range(1, steps)
            ),
            key=lambda p: (p.x() - center.x()) ** 2 + (p.y() - center.y()) ** 2,
        )
        for point in [center, *candidates]:
            pos = self.mapFromScene(point)
            topmost = next((hit for hit in self.items(pos) if type(hit) is type(item)), None)
            if path.contains(point) and topmost is item:
                return pos
        return self.mapFromScene(center)

    # --- zoom -------------------------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._zoom

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            # One event may carry any delta (up to 2**31): bounded, or the power overflows.
            steps = max(-MAX_WHEEL_STEPS, min(MAX_WHEEL_STEPS, event.angleDelta().y() / 120))
            if steps:
                self.set_zoom(self._zoom * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    def zoom_in(self) -> None:
        self.set_zoom(self._zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._zoom / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def set_zoom(self, zoom: float) -> None:
        """Zoom relative to the fit-to-window scale (1.0 shows the whole SVG)."""
        self._zoom = min(max(zoom, 1.0), MAX_ZOOM)
        self._apply_transform()

    def _apply_transform(self) -> None:
        # The scroll bars first: fitting while they still took room left the whole drawing
        # smaller than its view, and shifted, until the next resize.
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if self._zoom > 1.0 and self.scroll_bars
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        fit = min(view.width() / rect.width(), view.height() / rect.height())
        self.resetTransform()
        self.scale(fit * self._zoom, fit * self._zoom)
        self.transform_changed()

    def transform_changed(self) -> None:
        """Called after the view's scale changed (subclasses keep labels inside the view)."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_transform()
