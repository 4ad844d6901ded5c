"""The clickable neuraxis diagram: the SVG, with an overlay item per lesion site.

Mouse: hover shows a site's name, click selects it, Ctrl+click adds or removes it.
Keyboard: Tab / arrows move a visible focus along the neuraxis, Enter or Space selects
(Ctrl adds), Page Down / Page Up select the next / previous site directly (presentation
clickers send these), Escape clears. Ctrl+wheel and the zoom slots zoom.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QWidget

from app.model.geometry import DiagramGeometry
from app.model.state import Change
from app.ui import theme
from app.ui.diagram.items import NameLabel, SiteItem, SiteState
from app.ui.selection import SelectionModel
from app.ui.svg_view import SvgView

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


class DiagramView(SvgView):
    hoveredChanged = Signal(str)
    """The name of the site under the pointer or keyboard focus ("" when none)."""

    def __init__(
        self,
        selection: SelectionModel,
        svg_path: Path,
        geometry: DiagramGeometry,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(svg_path, geometry.view_box, parent)
        self.selection = selection
        self.setObjectName("diagram")
        self.setAccessibleName("Neuraxis diagram")
        self.setAccessibleDescription(
            "Lesion sites along the motor pathway. Arrow keys or Tab move between sites, Enter selects, "
            "Control+Enter adds to the selection, Escape clears. The Sites list (F9) mirrors this diagram."
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        scene = self.scene()

        content = selection.content
        self._items: dict[str, SiteItem] = {}
        for site in content.sites:
            item = SiteItem(site.id, site.name, geometry.sites[site.id])
            scene.addItem(item)
            self._items[site.id] = item
        self._order = [site.id for site in content.sites]
        label_font = QFont(theme.FONT_FAMILY)
        label_font.setPixelSize(theme.BASE_FONT_PX + 2)
        label_font.setBold(True)
        self._label = NameLabel(label_font)
        scene.addItem(self._label)

        self._keyboard = False
        self._hovered: str | None = None
        self._focused: str | None = None
        selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))

    # --- queries used by the window and by tests ---------------------------------------------
    def item(self, site_id: str) -> SiteItem:
        return self._items[site_id]

    def site_center(self, site_id: str) -> QPoint:
        """Viewport position of a point inside the site (for clicking it)."""
        item = self._items[site_id]
        return self.point_inside(item, item.path())

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

    # --- selection sync ------------------------------------------------------------------------
    def _sync(self, change: Change) -> None:
        if not (change.sites or change.disease or change.probe or change.shown):
            return  # the day since onset does not change the diagram
        shown = self.selection.shown
        selected = set(shown.sites)
        disease = set(shown.disease_sites)
        probe = set(self.selection.probe_sites)
        for site_id, item in self._items.items():
            item.set_state(SiteState.SELECTED, site_id in selected)
            item.set_state(SiteState.DISEASE, site_id in disease)
            item.set_state(SiteState.PROBE, site_id in probe)

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
            shown = self.selection.shown.sites  # never the hidden lesion
            self._set_focused(shown[-1] if shown else self._order[0])
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
            self.selection.advance(1 if key == Qt.Key.Key_PageDown else -1)
            shown = self.selection.shown.sites
            if shown:
                self._set_focused(shown[-1])
        elif key == Qt.Key.Key_Escape:
            self.selection.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def transform_changed(self) -> None:
        if self._label.isVisible():
            self._keep_label_inside()
