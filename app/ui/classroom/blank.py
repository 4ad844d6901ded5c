"""B and W blank the screen to black or white until any key or click, as presentation software does."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

COLOURS = {"black": "#000000", "white": "#ffffff"}


class BlankScreen(QWidget):
    """A plain sheet over the whole window (menus included), following the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("blankScreen")
        self.setAccessibleName("Blank screen")
        self.colour = "black"
        self.setCursor(Qt.CursorShape.BlankCursor)
        window.installEventFilter(self)
        self.hide()

    def blank(self, colour: str) -> None:
        self.colour = colour
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.parentWidget() and self.isVisible():
            self.setGeometry(self.parentWidget().rect())  # type: ignore[union-attr]
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(COLOURS[self.colour]))
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()
