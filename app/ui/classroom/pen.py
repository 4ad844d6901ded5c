"""A pen and a laser dot over the window, as screen-annotation tools do (ZoomIt, gromit-mpx).

D toggles the pen: drawing with the mouse over the window never selects a site; R, G, B, K choose red,
green, blue or black while the pen is on; E erases everything; Ctrl+Z takes back the last stroke.
Strokes belong to the step: they clear when the selection moves on. L toggles a large laser dot
that follows the pointer. (P stays "previous", as clickers and the Selection menu have it.)
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QApplication, QWidget

from app.model.state import Change
from app.ui.selection import SelectionModel

PEN_COLOURS = {
    Qt.Key.Key_R: "#d50000",
    Qt.Key.Key_G: "#1b7a1b",
    Qt.Key.Key_B: "#0b3fd6",
    Qt.Key.Key_K: "#111111",
}
PEN_WIDTH = 6.0
LASER_RADIUS = 14.0
LASER_COLOUR = "#ff1744"


class PenOverlay(QWidget):
    """A transparent sheet over the whole window: it takes the mouse only while the pen is on."""

    def __init__(self, window: QWidget, selection: SelectionModel) -> None:
        super().__init__(window)
        self.setObjectName("penOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)
        self.setStyleSheet("background: transparent;")
        self.drawing = False
        self.laser = False
        self.colour = PEN_COLOURS[Qt.Key.Key_R]
        self.strokes: list[tuple[str, QPolygonF]] = []
        self._laser_at: QPointF | None = None
        self._set_mouse(taken=False)
        window.installEventFilter(self)
        selection.changed.connect(self._on_changed)
        self.setGeometry(window.rect())
        self.hide()  # shown only while there is something to draw: a sheet over the whole window
        # would take part in every repaint beneath it

    # --- keys (asked by the clicker filter) -----------------------------------------------------------
    def command(self, key: int, modifiers: Qt.KeyboardModifier) -> Callable[[], None] | None:
        if modifiers == Qt.KeyboardModifier.ControlModifier:
            return self.undo if key == Qt.Key.Key_Z and self.strokes else None
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return None
        if self.drawing and key in PEN_COLOURS:
            return lambda: self.set_colour(PEN_COLOURS[Qt.Key(key)])
        commands: dict[int, Callable[[], None]] = {
            Qt.Key.Key_D: self.toggle_pen,
            Qt.Key.Key_L: self.toggle_laser,
        }
        if self.strokes:
            commands[Qt.Key.Key_E] = self.erase
        return commands.get(key)

    def _show_if_needed(self) -> None:
        needed = self.drawing or self.laser or bool(self.strokes)
        if needed and not self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
            self.show()
            self.raise_()
        elif not needed and self.isVisible():
            self.hide()

    def toggle_pen(self) -> None:
        self.drawing = not self.drawing
        self._set_mouse(taken=self.drawing)
        self._show_if_needed()
        self.raise_()
        self.setCursor(Qt.CursorShape.CrossCursor if self.drawing else Qt.CursorShape.ArrowCursor)

    def toggle_laser(self) -> None:
        self.laser = not self.laser
        app = QApplication.instance()
        assert app is not None
        if self.laser:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
            self._laser_at = None
        self._show_if_needed()
        self.raise_()
        self.update()

    def set_colour(self, colour: str) -> None:
        self.colour = colour

    def undo(self) -> None:
        if self.strokes:
            self.strokes.pop()
            self.update()
            self._show_if_needed()

    def erase(self) -> None:
        if self.strokes:
            self.strokes.clear()
            self.update()
            self._show_if_needed()

    @property
    def laser_at(self) -> QPointF | None:
        return self._laser_at if self.laser else None

    # --- events -------------------------------------------------------------------------------------------
    def _set_mouse(self, *, taken: bool) -> None:
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not taken)

    def _on_changed(self, change: Change) -> None:
        if change.sites or change.disease or change.day:  # a new step: its own strokes
            self.erase()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self.parentWidget():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        elif kind == QEvent.Type.MouseMove and self.laser and isinstance(event, QMouseEvent):
            self._laser_at = QPointF(self.mapFromGlobal(event.globalPosition().toPoint()))
            self.update()
        return False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.drawing and event.button() == Qt.MouseButton.LeftButton:
            self.strokes.append((self.colour, QPolygonF([event.position()])))
            self.update()
        event.accept()  # drawing never reaches the diagram below

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.drawing and self.strokes and event.buttons() & Qt.MouseButton.LeftButton:
            self.strokes[-1][1].append(event.position())
            self.update()
        if self.laser:
            self._laser_at = event.position()
            self.update()
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for colour, line in self.strokes:
            pen = QPen(QColor(colour), PEN_WIDTH)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            if line.size() == 1:
                painter.drawPoint(line.at(0))
            else:
                painter.drawPolyline(line)
        if self.laser_at is not None:
            glow = QColor(LASER_COLOUR)
            glow.setAlpha(90)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(glow)
            painter.drawEllipse(self.laser_at, LASER_RADIUS * 1.6, LASER_RADIUS * 1.6)
            painter.setBrush(QColor(LASER_COLOUR))
            painter.drawEllipse(self.laser_at, LASER_RADIUS, LASER_RADIUS)
        painter.end()

    def point(self, widget: QWidget, pos: QPoint) -> QPoint:
        """``pos`` in ``widget`` as a point of this sheet (for tests that draw over a widget)."""
        return self.mapFromGlobal(widget.mapToGlobal(pos))
