"""The UMN / LMN / NMJ / muscle comparison table, with the selected lesion's column(s) highlighted."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.model.state import Change
from app.ui import plain, theme
from app.ui.panels.base import Caption
from app.ui.panels.richtext import Cites, RichBrowser, badge, esc, strip_citations
from app.ui.panels.wrap_delegate import Cell, WrapDelegate
from app.ui.selection import SelectionModel

MARKER = "\u25bc"
"""Put before the header label of each highlighted column (the caption says why in words)."""
DISAGREE_MARK = "\u26a0 sources disagree"
HINT = (
    "<p>Select a row to read it with its sources. Rows marked <b>\u26a0 sources disagree</b> "
    "also explain where the sources differ.</p>"
)


class ComparisonPanel(QWidget):
    """Rows are features, columns lesion types; the columns of the selected lesion are highlighted."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("comparisonPanel")
        self.setAccessibleName("Comparison of lesion types")
        self._selection = selection
        content = selection.content
        self._columns = content.comparison_columns
        self._highlighted: tuple[str, ...] = ()
        self._rows_pending = False
        self._highlight_fill = QBrush(QColor(theme.PANEL_FILL))

        self._caption = Caption(self)
        self._caption.setObjectName("comparisonCaption")

        self._table = QTableWidget(2 * len(content.comparison), len(self._columns), self)
        self._table.setObjectName("comparisonTable")
        self._table.setAccessibleName("Comparison table: features by lesion type")
        self._build_table()  # rows are sized once the table has its width (_size_rows)

        self._detail = RichBrowser("comparisonDetail", "Selected row with sources", self)
        self._detail.add_swatches(content)
        self._detail.show_html(HINT)
        self._table.itemSelectionChanged.connect(self._show_row)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._caption)
        layout.addWidget(self._table, 3)
        layout.addWidget(self._detail, 1)

        selection.changed.connect(self._on_changed)
        self._sync()

    # --- public, for tests and the main window ------------------------------------------------
    def highlighted_columns(self) -> tuple[str, ...]:
        return self._highlighted

    def table(self) -> QTableWidget:
        return self._table

    def feature_row(self, feature: str) -> int:
        """The table row holding the cells of ``feature`` (the row above holds its name)."""
        names = [entry.feature for entry in self._selection.content.comparison]
        return names.index(feature) * 2 + 1

    def caption(self) -> str:
        return self._caption.text()

    def detail_text(self) -> str:
        return self._detail.toPlainText()

    # --- build once ---------------------------------------------------------------------------
    def _build_table(self) -> None:
        """Two table rows per feature: its name across the full width, then one cell per lesion type
        (so four columns share the width and a 420 px panel still reads without clipping)."""
        content = self._selection.content
        table = self._table
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setItemDelegate(WrapDelegate(table, self._cell))
        table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        table.verticalHeader().hide()
        header = LesionHeader(table)
        table.setHorizontalHeader(header)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # Rows are sized to their wrapped text when the width or font changes, not on every change
        # of a cell's fill (ResizeToContents would measure every cell on each selection).
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.sectionResized.connect(self._schedule_row_sizes)

        for col, lesion in enumerate(self._columns):
            info = content.lesion_types[lesion]
            icon = QIcon(theme.swatch(lesion, info.pattern, 22, self.devicePixelRatioF()))
            item = QTableWidgetItem(icon, info.short)
            item.setToolTip(plain.tooltip(info.name))
            table.setHorizontalHeaderItem(col, item)
            header.icons.append(icon)
            header.labels.append(info.short)
        disagree_fill = QBrush(QColor(theme.DISAGREEMENT_FILL))
        for number, entry in enumerate(content.comparison):
            row = number * 2
            title = QTableWidgetItem(entry.feature)
            bold = QFont(title.font())
            bold.setBold(True)
            title.setFont(bold)
            if entry.disagreement:
                title.setText(f"{entry.feature}   {DISAGREE_MARK}")
                title.setBackground(disagree_fill)
            table.setItem(row, 0, title)
            for col in range(1, len(self._columns)):
                table.setItem(row, col, QTableWidgetItem(""))  # under the span: never a missing item
            table.setSpan(row, 0, 1, len(self._columns))
            cells = {str(lesion): text for lesion, text in entry.cells.items()}
            for col, lesion in enumerate(self._columns):
                table.setItem(row + 1, col, QTableWidgetItem(strip_citations(cells.get(lesion, ""))))

    def _cell(self, index: QModelIndex | QPersistentModelIndex) -> Cell:
        item = self._table.itemFromIndex(index)
        if item is None:
            return Cell("")
        if index.row() % 2 and self._columns[index.column()] in self._highlighted:
            return Cell(item.text(), item.font().bold(), self._highlight_fill)
        return Cell(item.text(), item.font().bold(), item.background())

    def _schedule_row_sizes(self) -> None:
        if not self._rows_pending:
            self._rows_pending = True
            QTimer.singleShot(0, self, self._size_rows)  # cancelled if the panel goes first

    def _size_rows(self) -> None:
        self._rows_pending = False
        self._table.resizeRowsToContents()
        for lesion in self._highlighted:
            self._mark_column(lesion, on=True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._schedule_row_sizes()

    # --- sync ---------------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        if change.sites or change.shown:
            self._sync()

    def _sync(self) -> None:
        """Only the columns whose state changed are touched: header text, font and cell fills."""
        lesions = tuple(t for t in self._columns if t in self._selection.shown.findings.lesions)
        before = set(self._highlighted)
        self._highlighted = lesions
        for lesion in before.symmetric_difference(lesions):
            self._mark_column(lesion, on=lesion in lesions)
        caption = self._caption_text()
        if caption != self._caption.text():
            self._caption.setText(caption)

    def _mark_column(self, lesion: str, *, on: bool) -> None:
        # Header and cell fills are painted from the highlighted set: one repaint of each instead of
        # a dataChanged signal per item (and a table relayout) on every selection.
        header = self._table.horizontalHeader()
        assert isinstance(header, LesionHeader)
        column = self._columns.index(lesion)
        header.marked = header.marked | {column} if on else header.marked - {column}
        x, width = header.sectionViewportPosition(column), header.sectionSize(column)
        header.viewport().update(x, 0, width, header.viewport().height())  # that column only
        self._table.viewport().update(x, 0, width, self._table.viewport().height())

    def header_label(self, lesion: str) -> str:
        """The header text as drawn, with the marker when the column is highlighted."""
        header = self._table.horizontalHeader()
        assert isinstance(header, LesionHeader)
        return header.label(self._columns.index(lesion))

    def _caption_text(self) -> str:
        if not self._selection.shown.sites:
            return "Select a lesion site: the column of its lesion type will be highlighted."
        lesions = self._highlighted
        if not lesions and self._selection.shown.hidden:
            return "No column is highlighted while the findings are hidden."
        if not lesions:
            return "No column is highlighted: the selected lesion causes no motor signs on its own."
        types = self._selection.content.lesion_types
        shorts = " and ".join(types[t].short for t in lesions)
        kinds = " and ".join(_with_article(types[t].name.lower()) for t in lesions)
        if len(lesions) == 1:
            return f"\u25bc Highlighted: the {shorts} column, because the selection is {kinds}."
        return f"\u25bc Highlighted: the {shorts} columns, because the selection combines {kinds}."

    def _show_row(self) -> None:
        rows = self._table.selectionModel().selectedRows()
        if not rows:
            self._detail.show_html(HINT)
            return
        content = self._selection.content
        entry = content.comparison[rows[0].row() // 2]
        cites = Cites(content.references)
        texts = {str(lesion): text for lesion, text in entry.cells.items()}
        cells = "".join(
            f"<p>{badge(content, lesion)}: {cites.text(texts[lesion])}</p>"
            for lesion in self._columns
            if lesion in texts
        )
        self._detail.show_html(
            f"<h3>{esc(entry.feature)}</h3>{cells}{cites.disagreement(entry.disagreement)}{cites.references()}"
        )


class LesionHeader(QHeaderView):
    """Column headers that draw the highlighted lesion types themselves: fill, frame, bold, marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.marked: frozenset[int] = frozenset()
        self.labels: list[str] = []
        self.icons: list[QIcon] = []

    def label(self, column: int) -> str:
        text = self.labels[column] if column < len(self.labels) else ""
        return f"{MARKER} {text}" if column in self.marked else text

    def paintSection(self, painter: QPainter, rect: QRect, logicalIndex: int) -> None:
        if logicalIndex not in self.marked or logicalIndex >= len(self.labels):
            super().paintSection(painter, rect, logicalIndex)
            return
        painter.save()
        painter.fillRect(rect, QColor(theme.PANEL_FILL))
        painter.setPen(QPen(QColor(theme.ACCENT), 3))
        painter.drawRect(QRectF(rect).adjusted(1.5, 1.5, -1.5, -1.5))
        icon_size = self.iconSize().height() or 20
        inner = rect.adjusted(8, 0, -6, 0)
        self.icons[logicalIndex].paint(
            painter, inner.left(), inner.center().y() - icon_size // 2, icon_size, icon_size
        )
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(theme.TEXT))
        text_rect = inner.adjusted(icon_size + 6, 0, 0, 0)
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.label(logicalIndex)
        )
        painter.restore()


def _with_article(noun: str) -> str:
    return f"an {noun}" if noun[:1] in "aeiou" else f"a {noun}"
