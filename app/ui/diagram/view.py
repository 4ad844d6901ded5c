"""The clickable neuraxis diagram: the SVG, with an overlay item per lesion site.

Mouse: hover shows a site's name, click selects it, Ctrl+click adds or removes it.
Keyboard: Tab / arrows move a visible focus along the neuraxis, Home / End to its ends, Enter or
Space selects (Ctrl adds), Page Down / Page Up advance the selection (presentation clickers send
these), Escape clears. Ctrl+wheel and the zoom slots zoom. What is highlighted comes from the
selection's :attr:`~app.ui.selection.SelectionModel.shown` (nothing while the lesion is hidden).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QWidget

from app.model.geometry import DiagramGeometry
from app.model.state import Change
from app.ui import theme
from app.ui.diagram.items import NameLabel, SiteItem, SiteState
from app.ui.label_place import COVERS_TEXT, best_spot, naming_boxes, text_boxes
from app.ui.pickable_view import PickableView
from app.ui.selection import SelectionModel

STATES = {"hovered": SiteState.HOVERED, "focused": SiteState.FOCUSED}
LABEL_WRAP_PX = 260
NEARNESS = 60.0
"""A long site name wraps onto a second line rather than run across the diagram's labels."""


class DiagramView(PickableView):
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
        for site in selection.content.sites:
            self.add_part(site.id, SiteItem(site.id, site.name, geometry.sites[site.id]))
        label_font = QFont(theme.FONT_FAMILY)
        label_font.setPixelSize(theme.BASE_FONT_PX + 2)
        label_font.setBold(True)
        self._label = NameLabel(label_font)
        self.scene().addItem(self._label)
        self._marks: dict[SiteState, frozenset[str]] = {}
        selection.changed.connect(self._sync)
        self._sync(Change(sites=True, disease=True))

    # --- queries used by the window and by tests ---------------------------------------------
    def item(self, site_id: str) -> SiteItem:
        item = self.parts[site_id]
        assert isinstance(item, SiteItem)
        return item

    @property
    def label_text(self) -> str:
        return self._label.text

    # --- selection sync ------------------------------------------------------------------------
    def _sync(self, change: Change) -> None:
        if not (change.sites or change.disease or change.probe or change.shown):
            return  # the day since onset does not change the diagram
        shown = self.selection.shown
        marks = {
            SiteState.SELECTED: frozenset(shown.sites),
            SiteState.DISEASE: frozenset(shown.disease_sites),
            SiteState.PROBE: frozenset(self.selection.probe_sites),
            SiteState.ANSWER: frozenset(shown.answer),
        }
        for flag, sites in marks.items():  # only the sites whose marks change are touched
            before = self._marks.get(flag, frozenset())
            for site_id in sites.symmetric_difference(before):
                self.item(site_id).set_state(flag, site_id in sites)
        self._marks = marks

    # --- the parts ------------------------------------------------------------------------------
    def mark(self, key: str, state: str, on: bool) -> None:
        self.item(key).set_state(STATES[state], on)

    def show_label(self, key: str | None) -> None:
        if key is None:
            self._label.hide()
            self.hoveredChanged.emit("")
            return
        item = self.item(key)
        width = max(LABEL_WRAP_PX, 0.4 * self.viewport().width())
        self._label.show_text(item.name, QPointF(), width)
        self._place_label(key)
        self.hoveredChanged.emit(item.name)

    def _place_label(self, key: str) -> None:
        """Near the site, inside the view, off the site and the diagram's printed names."""

        def on_screen(rect: QRectF) -> QRectF:
            return QRectF(self.mapFromScene(rect).boundingRect())

        obstacles = [(on_screen(box), COVERS_TEXT) for box in text_boxes(self.svg_path)]
        obstacles += [(on_screen(self.parts[k].path().boundingRect()), 0.25) for k in self.order if k != key]
        size = self._label.size()
        target = on_screen(self.item(key).path().boundingRect()).adjusted(-6, -6, 6, 6)  # and its ring
        # near its site even in a crowded diagram: covering a neighbour's word beats a label far away
        naming = [on_screen(box) for box in naming_boxes(self.svg_path, self.item(key).name)]
        spot = best_spot(
            size, target, QRectF(self.viewport().rect()), obstacles, nearness=NEARNESS, naming=naming
        )
        # the label's position is its bottom-left corner
        self._label.setPos(self.mapToScene(QPoint(round(spot.x()), round(spot.y() + size.height()))))

    def neighbour(self, key: str, dx: int, dy: int) -> str:
        """Along the neuraxis: down or right to the next site, up or left to the previous one."""
        index = self.order.index(key) + (1 if dx + dy > 0 else -1)
        return self.order[index] if 0 <= index < len(self.order) else key

    def pick(self, key: str, modifiers: Qt.KeyboardModifier) -> None:
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self.selection.toggle(key)
        else:
            self.selection.select(key)

    def focus_start(self) -> str | None:
        shown = self.selection.shown.sites  # never the hidden lesion
        return shown[-1] if shown else self.order[0]

    # --- keys beyond moving and picking ----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self._use_keyboard()
            self.set_focused(self.order[0 if key == Qt.Key.Key_Home else -1])
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._use_keyboard()
            self.selection.advance(1 if key == Qt.Key.Key_PageDown else -1)
            if self.selection.shown.sites:
                self.set_focused(self.selection.shown.sites[-1])
        elif key == Qt.Key.Key_Escape:
            self.selection.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
