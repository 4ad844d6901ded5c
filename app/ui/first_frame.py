"""The window's first frame: the diagram painted straight from its SVG, before anything else loads.

A bare Qt program spends most of its start importing Qt. Neuraxis then also imports its model and
theme, reads the content and builds the diagram with its clickable sites, and every Qt class used
for the first time makes PySide create Python enums for it (the ``Qt`` namespace alone, about
18 ms). A plain start (the bundled content, no site or disease named on the command line) therefore
shows the window at once with :class:`DiagramPreview` where the diagram goes, painted with the
diagram view's fit; the content and the real diagram replace it on the event loop's next turn, and
the panels come on the turn after (:meth:`app.ui.main_window.MainWindow.build_panels`).

Only the few Qt classes the preview needs are touched here: no ``Qt`` namespace, no theme.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent

BACKDROP = "#ffffff"
"""The diagram view's backdrop (:class:`app.ui.svg_view.SvgView`)."""
FALLBACK_MS = 250
"""Go on after this long even if the window is never painted (started minimised, say)."""


def fitted(box: QRectF, width: float, height: float) -> QRectF:
    """Where a view of ``width`` x ``height`` shows the whole of ``box``: scaled to fit, centred
    (as :class:`QGraphicsView` fits and aligns its scene)."""
    if box.isEmpty() or width <= 0 or height <= 0:
        return QRectF()
    scale = min(width / box.width(), height / box.height())
    shown_w, shown_h = box.width() * scale, box.height() * scale
    return QRectF((width - shown_w) / 2, (height - shown_h) / 2, shown_w, shown_h)


def white_until_themed(window: QWidget) -> None:
    """The window's background as the theme will make it (white), so the column beside the preview
    does not flash grey first; the theme's style sheet, applied a turn later, says the same."""
    palette = window.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor(BACKDROP))
    window.setPalette(palette)


class DiagramPreview(QWidget):
    """The diagram as a picture, where the diagram view will be; ``then`` runs on the event loop's
    next turn after its first paint (or after :data:`FALLBACK_MS`), once."""

    def __init__(self, svg: Path, then: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagramPreview")
        self.setAccessibleName("Diagram of the motor pathway (loading)")
        self._renderer = QSvgRenderer(str(svg), self)
        self._then: Callable[[], None] | None = then
        QTimer.singleShot(FALLBACK_MS, self, self._go_on)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(BACKDROP))
        if self._renderer.isValid():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer.render(painter, fitted(self._renderer.viewBoxF(), self.width(), self.height()))
        painter.end()
        if self._then is not None:
            QTimer.singleShot(0, self, self._go_on)

    def _go_on(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()
