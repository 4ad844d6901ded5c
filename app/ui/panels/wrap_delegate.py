"""An item painter that never clips text: it wraps at word boundaries, and inside a word only when
the word is wider than the cell (narrow columns on a 420 px panel), with a hyphen at the end of the
line so that the reader sees the word goes on. Selection is shown as a thick outline (plus an
optional fill), so a cell's own background (a highlighted column) stays visible.

The view tells the delegate what a cell holds through a ``lookup`` callback instead of
``QModelIndex.data()``: in PySide6 6.12 on CPython 3.11, ``data()`` of an unset role returns None
without a reference, which eventually aborts the interpreter.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from app.ui import theme

PAD = 6
OUTLINE = 3
MAX_CACHED = 4000

Index = QModelIndex | QPersistentModelIndex
LayoutKey = tuple[str, int, int, bool]
HYPHEN = "-"


class Cell(NamedTuple):
    text: str
    bold: bool = False
    fill: QBrush | None = None


class Laid(NamedTuple):
    layout: QTextLayout
    height: float
    hyphens: tuple[QPointF, ...]
    """Where a line broken inside a word gets its hyphen (its baseline, after its text)."""


def _inside_word(text: str, at: int) -> bool:
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


def _layout(text: str, font: QFont, width: float) -> Laid:
    """``text`` wrapped at ``width``; a line that must break inside a word is laid out again a
    hyphen's width shorter, and the hyphen is drawn after it (Qt breaks there without one)."""
    layout = QTextLayout(text, font)
    wrap = QTextOption()
    wrap.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(wrap)
    hyphens = []
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(max(1.0, width))
        if _inside_word(text, line.textStart() + line.textLength()):
            line.setLineWidth(max(1.0, width - QFontMetricsF(font).horizontalAdvance(HYPHEN)))
            if _inside_word(text, line.textStart() + line.textLength()):
                hyphens.append(QPointF(line.naturalTextWidth(), height + line.ascent()))
        line.setPosition(QPointF(0, height))
        height += line.height()
    layout.endLayout()
    return Laid(layout, height, tuple(hyphens))


class WrapDelegate(QStyledItemDelegate):
    def __init__(
        self,
        view: QAbstractItemView,
        lookup: Callable[[Index], Cell],
        *,
        selected_fill: str | None = None,
        width_of: Callable[[Index, int], int] | None = None,
    ) -> None:
        """``width_of(index, rect_width)`` gives the text width where the view does not (trees)."""
        super().__init__(view)
        self._view = view
        self._lookup = lookup
        self._selected_fill = QColor(selected_fill) if selected_fill else None
        self._width_of = width_of
        self._layouts: dict[LayoutKey, Laid] = {}

    def _laid_out(self, cell: Cell, font: QFont, width: int) -> Laid:
        """Cached per text, width and font: repainting a highlighted column re-shapes nothing."""
        key = (cell.text, width, font.pixelSize(), cell.bold)
        found = self._layouts.get(key)
        if found is None:
            if len(self._layouts) >= MAX_CACHED:
                self._layouts.clear()
            if cell.bold:
                font = QFont(font)
                font.setBold(True)
            found = self._layouts[key] = _layout(cell.text, font, width - 2 * PAD)
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        cell = self._lookup(index)
        selected, focused = self._marks(index)
        painter.save()
        if selected and self._selected_fill is not None:
            painter.fillRect(rect, self._selected_fill)
        elif cell.fill is not None and cell.fill.style() != Qt.BrushStyle.NoBrush:
            painter.fillRect(rect, cell.fill)
        else:
            painter.fillRect(rect, QColor(theme.BACKGROUND))
        laid = self._laid_out(cell, option.font, rect.width())
        painter.setPen(QColor(theme.TEXT))
        origin = QPointF(rect.left() + PAD, rect.top() + PAD)
        laid.layout.draw(painter, origin)
        if laid.hyphens:
            painter.setFont(laid.layout.font())
            for spot in laid.hyphens:
                painter.drawText(origin + spot, HYPHEN)
        if selected:
            painter.setPen(QPen(QColor(theme.ACCENT), OUTLINE))
            half = OUTLINE / 2
            painter.drawRect(QRectF(rect).adjusted(half, half, -half, -half))
        elif focused:
            painter.setPen(QPen(QColor(theme.FOCUS), 2, Qt.PenStyle.DashLine))
            painter.drawRect(QRectF(rect).adjusted(1, 1, -1, -1))
        painter.restore()

    def _marks(self, index: Index) -> tuple[bool, bool]:
        """(selected, has the focus), as the view marks the cell in ``option.state``: asked of the
        view, because reading ``option.state`` makes PySide create Python's copy of every enum of
        ``QStyle`` (eleven, hundreds of members: about 5 ms of start-up)."""
        view = self._view
        selection = view.selectionModel()
        selected = selection is not None and selection.isSelected(index)
        return selected, view.hasFocus() and view.currentIndex() == index

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = option.rect.width()
        if self._width_of is not None:
            width = self._width_of(index, width)
        height = self._laid_out(self._lookup(index), option.font, width if width > 0 else 200).height
        return QSize(max(width, 1), round(height) + 2 * PAD)
