"""What the body map and the cord cross-section share: an SVG view whose clickable parts are light
overlay items (the SVG is rendered once by :class:`SvgView`) drawn as layers - colour AND pattern AND
outline style. Hover shows :meth:`PartsView.describe` in a label; a click, or Enter / Space on the
keyboard focus (moved by Tab in order and by arrow keys to the nearest part), emits ``activated``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsTextItem,
    QStyleOptionGraphicsItem,
    QWidget,
)

from app.model.geometry import DiagramGeometry
from app.ui import plain, theme
from app.ui.diagram.items import outline_path, paint_label_box
from app.ui.label_place import COVERS_TEXT, best_spot, text_boxes
from app.ui.paint_cache import new_token, paint_cached, update_in_views
from app.ui.panels.overlay_style import (
    LABEL_MAX_PX,
    Layer,
    cosmetic_pen,
    inset_path,
    paint_layers,
)
from app.ui.pickable_view import PickableView

COVERS_FINDING = 4.0
LABEL_MIN_PX = 170.0
"""A label may cover a part that shows nothing sooner than one that shows a finding."""


class PartItem(QGraphicsPathItem):
    """One clickable part (a body region, a cord tract): invisible until it has layers, is hovered,
    focused or marked. Small parts get a wider hit shape, up to ``min_size`` scene units."""

    def __init__(
        self, key: str, name: str, path: QPainterPath, min_size: float = 0.0, inset_step: float = 12.0
    ) -> None:
        super().__init__(path)
        self._insets: dict[int, QPainterPath] = {}
        self._inset_step = inset_step
        self.key = key
        self.name = name
        self.layers: tuple[Layer, ...] = ()
        self._token = new_token()
        self._look: tuple[object, ...] = ()
        self.hovered = self.focused = self.marked = False
        rect = path.boundingRect()
        margin = max(0.0, (min_size - min(rect.width(), rect.height())) / 2)
        stroker = QPainterPathStroker()
        stroker.setWidth(2 * margin)
        self._hit = (path | stroker.createStroke(path)).simplified() if margin else path
        self._bounds = self._hit.boundingRect().adjusted(-24, -24, 24, 24)
        self.setZValue(10 + 1000 / max(1.0, rect.width() * rect.height()))  # small parts on top

    def shape(self) -> QPainterPath:
        return self._hit

    def boundingRect(self) -> QRectF:
        return self._bounds

    def inset(self, depth: int) -> QPainterPath:
        if depth not in self._insets:
            self._insets[depth] = inset_path(self.path(), depth * self._inset_step)
        return self._insets[depth]

    def set_layers(self, layers: Iterable[Layer]) -> None:
        layers = tuple(layers)
        if [(x.colour, x.outline) for x in layers] != [(x.colour, x.outline) for x in self.layers]:
            self.layers = layers
            self._look = (self._token, *((x.colour, x.outline, x.brush.style()) for x in layers))
            update_in_views(self)  # this item only: the SVG backdrop is not rendered again

    def set_flag(self, name: str, on: bool) -> None:
        if getattr(self, name) != on:
            setattr(self, name, on)
            update_in_views(self)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = self.path()
        if self.layers:  # drawn once per look and scale, then blitted (app.ui.paint_cache)
            layers = self.layers
            paint_cached(
                painter, path.boundingRect(), self._look, lambda p: paint_layers(p, path, layers, self.inset)
            )
        if self.hovered:
            fill = QColor(theme.HOVER)
            fill.setAlpha(30)
            painter.fillPath(path, fill)
            painter.strokePath(path, cosmetic_pen(theme.HOVER, 3, Qt.PenStyle.DashLine))
        if self.marked:
            self._paint_mark(painter, path)
        if self.focused:
            pad = 6 / max(painter.worldTransform().m11(), 1e-6)
            ring = QPainterPath()
            ring.addRoundedRect(path.boundingRect().adjusted(-pad, -pad, pad, pad), 2 * pad, 2 * pad)
            painter.strokePath(ring, cosmetic_pen(theme.BACKGROUND, 7))
            painter.strokePath(ring, cosmetic_pen(theme.FOCUS, 3.5, Qt.PenStyle.DashLine))

    def _paint_mark(self, painter: QPainter, path: QPainterPath) -> None:
        """The part the user asked about: a black outline and a "?" pin (shape, not colour)."""
        painter.strokePath(path, cosmetic_pen(theme.TEXT, 3))
        centre = painter.worldTransform().map(path.boundingRect().center())
        painter.save()
        painter.resetTransform()
        painter.setPen(cosmetic_pen(theme.BACKGROUND, 3))
        painter.setBrush(QColor(theme.TEXT))
        painter.drawEllipse(centre, 12, 12)
        font = QFont(theme.FONT_FAMILY)
        font.setPixelSize(18)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.BACKGROUND))
        painter.drawText(QRectF(centre.x() - 12, centre.y() - 12, 24, 24), Qt.AlignmentFlag.AlignCenter, "?")
        painter.restore()


class InfoLabel(QGraphicsTextItem):
    """A few lines about the hovered or focused part, at a fixed screen size, the first line bold."""

    def __init__(self) -> None:
        super().__init__()
        font = QFont(theme.FONT_FAMILY)
        font.setPixelSize(theme.BASE_FONT_PX)
        self.setFont(font)
        self.setDefaultTextColor(QColor(theme.TEXT))
        self.document().setDocumentMargin(8)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        self.setZValue(10_000)
        self._text = ""
        self.hide()

    @property
    def text(self) -> str:
        return self._text if self.isVisible() else ""

    def text_shown(self) -> str:
        """The text last given, visible or not."""
        return self._text

    def show_text(self, text: str, max_width: float) -> None:
        self._text = text
        font = self.font()
        font.setPixelSize(theme.px(theme.BASE_FONT_PX))  # follows the text scale
        self.setFont(font)
        title, *lines = text.split("\n")
        self.setTextWidth(-1)
        self.setHtml(
            f"<div><b>{plain.escape(title)}</b></div>"
            + "".join(f"<div>{plain.escape(x)}</div>" for x in lines)
        )
        if self.boundingRect().width() > max_width:
            self.setTextWidth(max_width)
        self.show()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        paint_label_box(painter, self.boundingRect().adjusted(1, 1, -1, -1))
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt allows no widget


class PartsView(PickableView):
    """An SVG with one :class:`PartItem` per ``(key, element id, name)``; subclasses say what a part
    means (:meth:`describe`) and the owner reacts to :attr:`activated`."""

    activated = Signal(str)
    """A part was clicked, or Enter / Space was pressed on it: its key."""
    labelOutside = Signal(str, QRect)
    """With :attr:`spill`: the label's text and the part's place in the viewport ("" to hide it)."""

    def __init__(
        self,
        svg_path: Path,
        geometry: DiagramGeometry,
        parts: Sequence[tuple[str, str, str]],
        names: tuple[str, str],
        *,
        min_size: float = 0.0,
        parent: QWidget | None = None,
    ) -> None:
        """``names``: the object name and the accessible name of the view."""
        super().__init__(svg_path, geometry.view_box, parent)
        self.setObjectName(names[0])
        self._name = names[1]
        self.setAccessibleName(names[1])
        self.items_by_key: dict[str, PartItem] = {}
        """The parts, typed (the same items as :attr:`parts`)."""
        for key, element_id, name in parts:
            item = PartItem(key, name, outline_path(geometry.sites[element_id]), min_size)
            self.add_part(key, item)
            self.items_by_key[key] = item
        self._label = InfoLabel()
        self.scene().addItem(self._label)
        self.spill = False
        """When True and the label would cover other parts, :attr:`labelOutside` asks the owner to
        show it beside the view instead (a small figure has no room of its own)."""
        self._outside = ""

    def part(self, key: str) -> PartItem:
        return self.items_by_key[key]

    # --- for owners and tests --------------------------------------------------------------------
    def describe(self, key: str) -> str:
        """The label of a part: its name, then lines about it."""
        return self.part(key).name

    @property
    def label_text(self) -> str:
        return self._label.text or self._outside

    # --- the parts -----------------------------------------------------------------------------------
    def mark(self, key: str, state: str, on: bool) -> None:
        self.part(key).set_flag(state, on)

    def set_focused(self, key: str | None) -> None:
        super().set_focused(key)
        # screen readers cannot see the items: the view's name says which part has the focus
        visible = key is not None and self.focus_visible()
        self.setAccessibleName(
            f"{self._name}: {self.describe(key)}".replace("\n", ". ") if key and visible else self._name
        )

    def show_label(self, key: str | None) -> None:
        if self._outside:
            self._outside = ""
            self.labelOutside.emit("", QRect())
        if key is None:
            self._label.hide()
            return
        view = self.viewport().rect()
        # at most about half the view wide, so that it can stand beside the drawing, not over it
        width = min(LABEL_MAX_PX, max(LABEL_MIN_PX, view.width() * 0.45), view.width() - 12.0)
        self._label.show_text(self.describe(key), width)
        self._place_label(self.part(key))

    def _place_label(self, item: PartItem) -> None:
        """Near the part, off it, the drawing's printed words and the parts that show findings."""

        def on_screen(rect: QRectF) -> QRectF:
            return QRectF(self.mapFromScene(rect).boundingRect())

        obstacles = [(on_screen(box), COVERS_TEXT) for box in text_boxes(self.svg_path)]
        obstacles += [
            (on_screen(other.path().boundingRect()), COVERS_FINDING if other.layers else 1.0)
            for other in self.items_by_key.values()
            if other is not item
        ]
        size = self._label.boundingRect().size()
        target = on_screen(item.path().boundingRect()).adjusted(-6, -6, 6, 6)  # and its focus ring
        spot = best_spot(size, target, QRectF(self.viewport().rect()), obstacles, corners=True)
        box = QRectF(spot, size).adjusted(2, 2, -2, -2)
        parts = [rect for rect, weight in obstacles if weight != COVERS_TEXT]
        if self.spill and any(box.intersects(rect) for rect in parts):
            self._label.hide()
            self._outside = self._label.text_shown()
            self.labelOutside.emit(self._outside, target.toRect())
            return
        self._label.setPos(self.mapToScene(QPoint(round(spot.x()), round(spot.y()))))

    def neighbour(self, key: str, dx: int, dy: int) -> str:
        """The closest part whose centre lies in the arrow's direction (sideways distance counts double)."""
        here = self.parts[key].path().boundingRect().center()
        scores = []
        for other, item in self.parts.items():
            step = item.path().boundingRect().center() - here
            ahead, side = step.x() * dx + step.y() * dy, abs(step.x() * dy) + abs(step.y() * dx)
            if ahead > 1:
                scores.append((ahead + 2 * side, other))
        return min(scores)[1] if scores else key

    def pick(self, key: str, modifiers: Qt.KeyboardModifier) -> None:
        self.activated.emit(key)
