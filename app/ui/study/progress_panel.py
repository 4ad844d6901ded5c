"""Study > Progress: what was studied (reviews, cards due, quiz and case accuracy per level), a small
chart of the quiz accuracy per level over time, and moving progress between machines (export to a
file, import that merges). pyqtgraph is imported only when this panel is built."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.model.atomic import write_atomically
from app.model.progress import ProgressError, read_export
from app.model.quiz import LEVELS
from app.ui import theme
from app.ui.study.keeper import ProgressKeeper

MIN_SPAN_S = 3600.0
"""The time axis shows at least this much (seconds), so its ticks are times of day, not seconds."""
LEVEL_STYLES = {
    1: ("#1f4e9c", Qt.PenStyle.SolidLine),
    2: ("#a64500", Qt.PenStyle.DashLine),
    3: ("#6a3d9a", Qt.PenStyle.DotLine),
    4: ("#1b6e38", Qt.PenStyle.DashDotLine),
}
"""Never colour alone: each level has its own line style too."""


class ProgressPanel(QWidget):
    def __init__(self, keeper: ProgressKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("progressPanel")
        self.setAccessibleName("Progress")
        self.keeper = keeper
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("progressSummary")
        self.summary_label.setWordWrap(True)
        self.plot = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem()})
        self.plot.setObjectName("progressChart")
        self.plot.setAccessibleName("Quiz accuracy per level, after each answer")
        self.plot.setMouseEnabled(x=False, y=False)
        self.plot.setYRange(0, 100)
        self.plot.setLabel("left", "correct so far (%)")
        self.plot.setLabel("bottom", "when answered")
        for side in ("left", "bottom"):
            axis = self.plot.getAxis(side)
            axis.setPen(pg.mkPen(theme.TEXT, width=2))
            axis.setTextPen(pg.mkPen(theme.TEXT))
        self.plot.addLegend(offset=(10, 10), labelTextColor=theme.TEXT)
        self.message = QLabel(self)
        self.message.setObjectName("progressMessage")
        self.message.setWordWrap(True)
        export = QPushButton("Export progress...", self)
        export.setObjectName("progressExport")
        export.clicked.connect(lambda: self.export_to())  # noqa: PLW0108 (clicked passes a bool)
        import_ = QPushButton("Import progress...", self)
        import_.setObjectName("progressImport")
        import_.clicked.connect(lambda: self.import_from())  # noqa: PLW0108 (clicked passes a bool)
        row = QHBoxLayout()
        row.addWidget(export)
        row.addWidget(import_)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.plot, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        keeper.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        store = self.keeper.store
        if store is None:
            self.summary_label.setText(self.keeper.problem)
            return
        summary = store.summary()
        lines = [f"{summary['reviews']} reviews of {summary['cards']} cards; {summary['due']} due now."]
        for kind, title in (("quiz", "Find the lesion"), ("cases", "Cases")):
            part = summary[kind]
            by_level = ", ".join(
                f"level {level}: {v['correct']} of {v['answered']}"
                for level, v in sorted(part["by_level"].items())
            )
            lines.append(
                f"{title}: {part['correct']} of {part['answered']} correct"
                + (f" ({by_level})" if by_level else "")
            )
        self.summary_label.setText("\n".join(lines))
        self.plot.clear()
        self.curves: dict[int, list[float]] = {}
        times: list[float] = []
        for level, points in sorted(store.accuracy("quiz").items()):
            colour, style = LEVEL_STYLES.get(level, (theme.TEXT, Qt.PenStyle.SolidLine))
            pen = QPen(QColor(colour), 3, style)
            pen.setCosmetic(True)
            values = [100 * share for _, share in points]
            self.curves[level] = values
            when = [datetime.fromisoformat(at).timestamp() for at, _ in points]
            times += when
            self.plot.plot(
                when,
                values,
                pen=pen,
                symbol="o",
                symbolSize=7,
                symbolBrush=colour,
                name=f"Level {level}: {LEVELS.get(level, '')}",
            )
        self._time_range(times)

    def _time_range(self, times: list[float]) -> None:
        """At least an hour wide: the answers of a first session lie seconds apart, and the time axis
        then counted seconds to three decimals ("55.750")."""
        if not times:
            return
        low, high = min(times), max(times)
        if high - low < MIN_SPAN_S:
            middle = (low + high) / 2
            self.plot.setXRange(middle - MIN_SPAN_S / 2, middle + MIN_SPAN_S / 2, padding=0.05)
        else:
            self.plot.enableAutoRange(axis="x")

    def export_to(self, target: str | None = None) -> str:
        store = self.keeper.store
        if store is None:
            return ""
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self, "Export progress", "neuraxis-progress.json", "JSON (*.json)"
            )
            if not target:
                return ""
        try:
            write_atomically(Path(target), json.dumps(store.export(), indent=1).encode("utf-8"))
            text = f"Progress written to {target}."
        except OSError as error:
            text = f"{target}: could not write it ({error.strerror or error}); nothing was changed."
        self.message.setText(text)
        return text

    def import_from(self, source: str | None = None) -> str:
        store = self.keeper.store
        if store is None:
            return ""
        if source is None:
            source, _ = QFileDialog.getOpenFileName(self, "Import progress", "", "JSON (*.json)")
            if not source:
                return ""
        try:
            reviews, results = store.merge(read_export(Path(source)))
            text = f"Merged {reviews} new reviews and {results} new results from {source}."
        except ProgressError as error:
            text = str(error) if source in str(error) else f"{source}: {error}"
        self.message.setText(text)
        self.keeper.changed.emit()
        return text
