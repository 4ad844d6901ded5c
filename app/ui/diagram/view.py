"""The clickable neuraxis diagram: the SVG, with an overlay item per lesion site.

Mouse: hover shows a site's name, click selects it, Ctrl+click adds or removes it.
Keyboard: Tab / arrows move a visible focus along the neuraxis, Enter or Space selects
(Ctrl adds), Page Down / Page Up select the next / previous site directly (presentation
clickers send these), Escape clears. Ctrl+wheel and the zoom slots zoom.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFocusEvent,
    QFont,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from app.model.geometry import DiagramGeometry
from app.ui import theme
from app.ui.diagram.items import NameLabel, SiteItem, SiteState
from app.ui.selection import Change, SelectionModel

NAVIGATION_KEYS = frozenset(
    {
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Home,
        Qt.Key.Key_End,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Space,
    }
)
ZOOM_STEP = 1.25
MAX_ZOOM = 8.0


class DiagramView(QGraphicsView):
    hoveredChanged = Signal(str)
    """The name of the site under the pointer or keyboard focus ("" when none)."""

    def __init__(
        self,
        selection: SelectionModel,
        svg_path: Path,
        geometry: DiagramGeometry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.selection = selection
        self.setObjectName("diagram")
        self.setAccessibleName("Neuraxis diagram")
        self.setAccessibleDescription(
            "Lesion sites along the motor pathway. Arrow keys or Tab move between sites, Enter selects, "
            "Control+Enter adds to the selection, Escape clears. The Sites list mirrors this diagram."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(Qt.GlobalColor.white)

        x, y, w, h = geometry.view_box
        self._scene = QGraphicsScene(QRectF(x, y, w, h), self)
        self.setScene(self._scene)
        self._renderer = QSvgRenderer(str(svg_path), self)
        self._backdrop = QPixmap()
        self._backdrop_key: tuple[object, ...] = ()

        content = selection.content
        self._items: dict[str, SiteItem] = {}
        for site in content.sites:
            item = SiteItem(site.id, site.name, geometry.sites[site.id])
            self._scene.addItem(item)
            self._items[site.id] = item
        self._order = [site.id for site in content.sites]
        label_font = QFont(theme.FONT_FAMILY)
        label_font.setPixelSize(theme.BASE_FONT_PX + 2)
        label_font.setBold(True)
        self._label = NameLabel(label_font)
        self._scene.addItem(self._label)

        self._keyboard = False
        self._hovered: str | None = None
        self._focused: str | None = None
        self._zoom = 1.0
        selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))

    # --- queries used by the window and by tests ---------------------------------------------
    def item(self, site_id: str) -> SiteItem:
        return self._items[site_id]

    def site_center(self, site_id: str) -> QPoint:
        """Viewport position of a point inside the site (for clicking it)."""
        path = self._items[site_id].path()
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
            if path.contains(point) and self.site_at(pos) == site_id:
                return pos
        return self.mapFromScene(center)

    def site_at(self, pos: QPoint) -> str | None:
        for item in self.items(pos):
            if isinstance(item, SiteItem):
                return item.site_id
        return None

    @property
    def focused_site(self) -> str | None:
        return self._focused

    @property
    def hovered_site(self) -> str | None:
        return self._hovered

    @property
    def label_text(self) -> str:
        return self._label.text

    @property
    def zoom(self) -> float:
        return self._zoom

    # --- the SVG, rendered once per view geometry ----------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """Blit the diagram from a viewport-sized pixmap, re-rendered only when zoom, scroll or size
        change: selection and hover then cost a blit, not an SVG render (~15 ms at 1080p).
        (QGraphicsSvgItem's DeviceCoordinateCache re-rendered on every repaint here.)"""
        viewport = self.viewport()
        ratio = viewport.devicePixelRatioF()
        transform = self.viewportTransform()
        key = (transform, viewport.width(), viewport.height(), ratio)
        if key != self._backdrop_key:
            pixmap = QPixmap(round(viewport.width() * ratio), round(viewport.height() * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.white)
            render = QPainter(pixmap)
            render.setRenderHints(
                QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
            )
            render.setTransform(transform)
            self._renderer.render(render, self.sceneRect())
            render.end()
            self._backdrop, self._backdrop_key = pixmap, key
        painter.save()
        painter.resetTransform()
        painter.drawPixmap(0, 0, self._backdrop)
        painter.restore()

    # --- selection sync ------------------------------------------------------------------------
    def _sync(self, change: Change) -> None:
        selected = set(self.selection.sites)
        disease = set(self.selection.disease_sites)
        for site_id, item in self._items.items():
            item.set_state(SiteState.SELECTED, site_id in selected)
            item.set_state(SiteState.DISEASE, site_id in disease)

    # --- hover and focus ----------------------------------------------------------------------
    def _set_hovered(self, site_id: str | None) -> None:
        if site_id == self._hovered:
            return
        if self._hovered:
            self._items[self._hovered].set_state(SiteState.HOVERED, False)
        self._hovered = site_id
        if site_id:
            self._items[site_id].set_state(SiteState.HOVERED, True)
        self._update_label()

    def _focus_visible(self) -> bool:
        """The focus ring shows only while the keyboard drives the diagram (like CSS :focus-visible):
        a mouse click should not leave a ring and a name label over the diagram."""
        return self._keyboard and self.hasFocus()

    def _set_focused(self, site_id: str | None) -> None:
        if self._focused:
            self._items[self._focused].set_state(SiteState.FOCUSED, False)
        self._focused = site_id
        if site_id and self._focus_visible():
            item = self._items[site_id]
            item.set_state(SiteState.FOCUSED, True)
            self.ensureVisible(item.path().boundingRect(), 40, 40)
        self._update_label()

    def _update_label(self) -> None:
        site_id = self._hovered or (self._focused if self._focus_visible() else None)
        if site_id is None:
            self._label.hide()
            self.hoveredChanged.emit("")
            return
        item = self._items[site_id]
        rect = item.path().boundingRect()
        name = item.name
        self._label.show_text(name, QPointF(rect.left(), rect.top() - 6))
        self._keep_label_inside()
        self.hoveredChanged.emit(name)

    def _keep_label_inside(self) -> None:
        """Shift the label so that it stays fully inside the visible part of the diagram."""
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        scale = self.transform().m11() or 1.0
        box = self._label.boundingRect()
        width, height = box.width() / scale, box.height() / scale
        pos = self._label.pos()
        x = min(max(pos.x(), visible.left() + 4 / scale), visible.right() - width - 4 / scale)
        y = max(pos.y(), visible.top() + height + 4 / scale)
        self._label.setPos(QPointF(x, y))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hovered(self.site_at(event.position().toPoint()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: object) -> None:
        self._set_hovered(None)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason):
            self._keyboard = True
        elif reason == Qt.FocusReason.MouseFocusReason:
            self._keyboard = False
        if self._focused is None:
            self._set_focused(self.selection.sites[-1] if self.selection.sites else self._order[0])
        else:
            self._set_focused(self._focused)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self._focused:
            self._items[self._focused].set_state(SiteState.FOCUSED, False)
        self._update_label()

    # --- mouse selection ----------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            site_id = self.site_at(event.position().toPoint())
            self._keyboard = False
            if site_id is not None:
                self._set_focused(site_id)  # arrow keys go on from the clicked site
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.selection.toggle(site_id)
                else:
                    self.selection.select(site_id)
                event.accept()
                return
        super().mousePressEvent(event)

    # --- keyboard -----------------------------------------------------------------------------
    def _step(self, site_id: str | None, delta: int) -> str | None:
        if site_id is None:
            return self._order[0 if delta > 0 else -1]
        index = self._order.index(site_id) + delta
        return self._order[index] if 0 <= index < len(self._order) else None

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 - Qt's signature
        if self.hasFocus():
            self._keyboard = True
            target = self._step(self._focused, 1 if next else -1)
            if target is not None:
                self._set_focused(target)
                return True
        return super().focusNextPrevChild(next)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NAVIGATION_KEYS and not self._keyboard:
            self._keyboard = True
            self._set_focused(self._focused)
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Left) and not ctrl:
            delta = 1 if key in (Qt.Key.Key_Down, Qt.Key.Key_Right) else -1
            self._set_focused(self._step(self._focused, delta) or self._focused)
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._set_focused(self._order[0 if key == Qt.Key.Key_Home else -1])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self._focused:
            (self.selection.toggle if ctrl else self.selection.select)(self._focused)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            current = self.selection.sites[-1] if self.selection.sites else None
            target = self._step(current, 1 if key == Qt.Key.Key_PageDown else -1)
            if target is not None:
                self.selection.select(target)
                self._set_focused(target)
        elif key == Qt.Key.Key_Escape:
            self.selection.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    # --- zoom ---------------------------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
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
        """Zoom relative to the fit-to-window scale (1.0 shows the whole diagram)."""
        self._zoom = min(max(zoom, 1.0), MAX_ZOOM)
        self._apply_transform()

    def _apply_transform(self) -> None:
        rect = self.sceneRect()
        view = self.viewport().rect()
        if rect.isEmpty() or view.isEmpty():
            return
        fit = min(view.width() / rect.width(), view.height() / rect.height())
        self.resetTransform()
        self.scale(fit * self._zoom, fit * self._zoom)
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
            if self._zoom > 1.0
            else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.setHorizontalScrollBarPolicy(policy)
        self.setVerticalScrollBarPolicy(policy)
        if self._label.isVisible():
            self._keep_label_inside()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_transform()
