"""Projector-friendly pyqtgraph plots: white background, black axes, thick lines, large text, no
grid, no pan or zoom, and a context menu that keeps pyqtgraph's own "Export..." (PNG, SVG)."""

from __future__ import annotations

import importlib
import math
from dataclasses import dataclass
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QGuiApplication, QPainter, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QSplitter, QVBoxLayout, QWidget

from app.ui import plain, theme

LINE_WIDTH = 4.0
STRONG_WIDTH = 5.5
FAINT_ALPHA = 130
PLOT_MIN_PX = 140
CAPTION_MIN_PX = 60
"""Small enough that the Course tab fits the room the other tabs have at 1280x720: opening it must
not push the expected signs up (the plot grows with the window; its caption can be dragged)."""
SAMPLE_WIDTH = 52
LEGEND_MARGINS = (9, 1, 9, 1)
"""Legend samples long enough to show a dash-dot pattern (pyqtgraph's own are 20 px)."""
LESION_STYLES = {
    "UMN": Qt.PenStyle.SolidLine,
    "LMN": Qt.PenStyle.DashLine,
    "NMJ": Qt.PenStyle.DotLine,
    "muscle": Qt.PenStyle.DashDotLine,
}
"""Never colour alone: each lesion type has its own line style as well as its colour."""


@dataclass(frozen=True)
class Fonts:
    """Text sizes for the plots, scaled with the panel's font (never below 16 px)."""

    tick: int
    label: int

    @classmethod
    def for_px(cls, base_px: int) -> Fonts:
        tick = max(16, base_px)
        return cls(tick=tick, label=tick + 1)

    def font(self, px: int, *, bold: bool = False) -> QFont:
        font = QFont(theme.FONT_FAMILY)
        font.setPixelSize(px)
        font.setBold(bold)
        return font


def pen(
    colour: str, style: Qt.PenStyle = Qt.PenStyle.SolidLine, width: float = LINE_WIDTH, alpha: int = 255
) -> QPen:
    qcolour = QColor(colour)
    qcolour.setAlpha(alpha)
    out = QPen(qcolour)
    out.setWidthF(width * ratio())
    out.setStyle(style)
    out.setCosmetic(True)
    out.setCapStyle(Qt.PenCapStyle.FlatCap)
    out.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return out


def ratio() -> float:
    """Device pixels per logical pixel. pyqtgraph's pens are cosmetic (the same width at any zoom),
    which Qt counts in device pixels: without this a 4 px line is 2 px thin on a HiDPI 4K screen."""
    app = QGuiApplication.instance()
    return app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0


def lesion_pen(lesion: str, *, faint: bool = False, width: float = LINE_WIDTH) -> QPen:
    return pen(
        theme.LESION_COLOURS.get(lesion, theme.TEXT),
        LESION_STYLES.get(lesion, Qt.PenStyle.SolidLine),
        width,
        FAINT_ALPHA if faint else 255,
    )


class WideSample(pg.ItemSample):  # type: ignore[misc]  # pyqtgraph has no type information
    """A legend sample wide enough to tell solid, dashed, dotted and dash-dot apart; clicking it
    does not hide the curve (a stray click in a lecture must not change the picture)."""

    def __init__(self, item: Any) -> None:
        super().__init__(item)
        self.setFixedWidth(SAMPLE_WIDTH)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, SAMPLE_WIDTH, 20)

    def paint(self, painter: QPainter, *args: object) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pg.mkPen(self.item.opts["pen"]))
        painter.drawLine(QPointF(2, 11), QPointF(SAMPLE_WIDTH - 2, 11))

    def mouseClickEvent(self, event: Any) -> None:
        event.ignore()


class ClassroomViewBox(pg.ViewBox):  # type: ignore[misc]
    """No pan, no zoom, no view options: a left click or drag reports where it happened (the time
    course uses it to move the day cursor anywhere), a right click shows only "Export..."."""

    picked = Signal(float)

    def __init__(self) -> None:
        super().__init__(enableMenu=True)
        self.setMouseEnabled(x=False, y=False)
        self._menu = QMenu()

    def getMenu(self, event: Any) -> QMenu:
        return self._menu

    def getContextMenus(self, event: Any) -> list[Any]:
        return []

    def mouseClickEvent(self, event: Any) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.picked.emit(float(self.mapSceneToView(event.scenePos()).x()))
            return
        super().mouseClickEvent(event)

    def mouseDragEvent(self, event: Any, axis: int | None = None) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            event.accept()
            self.picked.emit(float(self.mapSceneToView(event.scenePos()).x()))
        else:
            event.ignore()

    def wheelEvent(self, event: Any, axis: int | None = None) -> None:
        event.ignore()


def new_plot(object_name: str, accessible_name: str) -> tuple[Any, Any]:
    """A GraphicsLayoutWidget with one classroom PlotItem (returned as the pair)."""
    widget = pg.GraphicsLayoutWidget()
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible_name)
    widget.setBackground(theme.BACKGROUND)
    widget.setAntialiasing(True)
    widget.setMinimumHeight(PLOT_MIN_PX)
    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    plot = pg.PlotItem(viewBox=ClassroomViewBox())
    plot.setMenuEnabled(False, enableViewBoxMenu=None)  # the view box keeps its menu: "Export..."
    plot.hideButtons()
    plot.showGrid(x=False, y=False)
    widget.ci.setContentsMargins(2, 2, 18, 2)  # room for the last tick label on the right
    widget.addItem(plot, row=1, col=0)  # row 0: room for a legend above the plot
    return widget, plot


def lay_out(
    owner: QWidget, plot_widget: QWidget, caption: QWidget, chooser: tuple[QLabel, QWidget] | None
) -> None:
    """A plot page: an optional labelled chooser row on top, then the plot above its caption."""
    split = _caption_split(plot_widget, caption, owner)
    layout = QVBoxLayout(owner)
    layout.setContentsMargins(0, 4, 0, 0)
    if chooser is not None:
        row = QHBoxLayout()
        row.addWidget(chooser[0])
        row.addWidget(chooser[1], 1)
        layout.addLayout(row)
    layout.addWidget(split, 1)


def _caption_split(plot_widget: QWidget, caption: QWidget, parent: QWidget) -> QSplitter:
    """The plot above its caption; the plot gets about two thirds of the height until the user drags."""
    split = QSplitter(Qt.Orientation.Vertical, parent)
    split.setChildrenCollapsible(False)
    split.addWidget(plot_widget)
    split.addWidget(caption)
    split.setStretchFactor(0, 3)
    split.setStretchFactor(1, 2)
    split.setSizes([680, 320])
    caption.setMinimumHeight(CAPTION_MIN_PX)
    return split


def style_plot(plot: Any, fonts: Fonts, x_label: str, y_label: str) -> None:
    """Black axes, large tick text and axis labels (in the app's font family). The labels are HTML:
    text from the content goes through :func:`app.ui.plain.html_text` first."""
    for name, text in (("bottom", x_label), ("left", y_label)):
        axis = plot.getAxis(name)
        axis.setPen(pen(theme.TEXT, width=2))
        axis.setTextPen(pen(theme.TEXT, width=1))
        axis.setTickFont(fonts.font(fonts.tick))
        axis.setStyle(
            tickLength=-8,
            tickTextOffset=6,
            autoExpandTextSpace=True,
            hideOverlappingLabels=False,
            maxTickLevel=0,
        )
        style = {"font-size": f"{fonts.label}px", "color": theme.TEXT, "font-family": theme.FONT_FAMILY}
        axis.setLabel(text, **style)
    for name in ("top", "right"):
        plot.showAxis(name, False)


def set_ticks(axis: Any, ticks: list[tuple[float, str]], fonts: Fonts) -> None:
    """Named ticks on ``axis``, with the room for their text reserved at once. (Left to itself,
    pyqtgraph measures the tick text while painting and then lays the plot out again: the first
    frame of a plot would show its axis cramped, and one more paint would be needed to fix it.)"""
    axis.setTicks([ticks, []])
    metrics = QFontMetricsF(fonts.font(fonts.tick))
    box = QRectF(0, 0, 100, 100)  # as pyqtgraph measures a tick's text
    rects = [metrics.boundingRect(box, Qt.AlignmentFlag.AlignCenter, text) for _, text in ticks]
    if axis.orientation in ("left", "right"):
        room = {"tickTextWidth": math.ceil(max((r.width() for r in rects), default=0))}
    else:
        room = {"tickTextHeight": math.ceil(max((r.height() for r in rects), default=0))}
    axis.setStyle(autoExpandTextSpace=False, **room)


class PlainLegend(pg.LegendItem):  # type: ignore[misc]
    """A legend whose names are shown as written (pyqtgraph's labels are HTML)."""

    def addItem(self, item: Any, name: str) -> None:
        super().addItem(item, plain.html_text(name))


def legend(fonts: Fonts, columns: int = 1) -> Any:
    item = PlainLegend(
        labelTextSize=f"{fonts.tick}px",
        labelTextColor=theme.TEXT,
        pen=pen("#5c5c5c", width=1.5),
        brush=QColor(255, 255, 255, 235),
        colCount=columns,
        sampleType=WideSample,
        horSpacing=8,
        verSpacing=-4,
    )
    # Qt's default 9 px all round made a one-line legend 45 px tall: a quarter of a 1280x720
    # window's plot. The text's own line keeps it clear of the frame.
    item.layout.setContentsMargins(*LEGEND_MARGINS)
    return item


def _svg_close_path_fix() -> None:
    """Keep pyqtgraph's SVG export working with Qt >= 6.10, whose SVG generator closes paths with a
    bare "Z" that pyqtgraph 0.14's coordinate fix-up cannot parse (pyqtgraph issue #3485: every
    export raised ValueError). The "Z"s are lifted out before the fix-up and put back after it."""
    module = importlib.import_module("pyqtgraph.exporters.SVGExporter")
    original = getattr(module, "correctCoordinates", None)
    if original is None:  # a pyqtgraph that no longer has it: nothing to fix
        return
    if getattr(original, "closes_paths", False):
        return

    def correct(node: Any, defs: Any, item: Any, options: Any) -> Any:
        lifted: list[tuple[Any, set[int]]] = []
        for path in node.getElementsByTagName("path"):
            tokens = path.getAttribute("d").split()
            if not any(t in CLOSE for t in tokens):
                continue
            coords: list[str] = []
            closes: set[int] = set()
            for token in tokens:
                if token in CLOSE:
                    closes.add(len(coords) - 1)
                else:
                    coords.append(token)
            path.setAttribute("d", " ".join(coords))
            lifted.append((path, closes))
        result = original(node, defs, item, options)
        for path, closes in lifted:
            out: list[str] = []
            for index, token in enumerate(path.getAttribute("d").split()):
                out.append(token)
                if index in closes:
                    out.append("Z")
            path.setAttribute("d", " ".join(out))
        return result

    correct.closes_paths = True  # type: ignore[attr-defined]
    setattr(module, "correctCoordinates", correct)  # noqa: B010 - mypy cannot see the attribute


CLOSE = frozenset({"Z", "z"})
_svg_close_path_fix()
