"""The time course of a lesion: one measure (tone, reflexes, bulk, denervation) against days since
onset, a curve per lesion type, and a draggable day cursor bound to the selection's day.

Days run on a square-root scale, so the first weeks (shock, the first signs of denervation) get
room of their own while the axis still reaches the horizon; the ticks are labelled in days."""

from __future__ import annotations

import math
from typing import Any

import pyqtgraph as pg
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.model.curves import value_at
from app.model.findings import LESION_ORDER
from app.model.physiology_schema import Curve, Measure
from app.model.state import Change
from app.ui import plain, theme
from app.ui.panels.plots import captions, style
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel

DAY_TICKS = (0, 1, 3, 7, 14, 28, 60, 90, 180, 365, 730, 1825, 3650)
SAMPLES = 120
"""Points per curve, evenly spaced on screen (on the square-root day axis), plus every keyframe:
few enough that a thick antialiased curve redraws quickly where the cursor passes over it."""
ESTABLISHED = "established"
X_LABEL = "Days since onset (early days stretched) \N{MIDDLE DOT} <i>schematic</i>"
"""The axis says "schematic" too, so that an exported picture says it."""


def day_to_x(day: float) -> float:
    return math.sqrt(max(0.0, day))


def x_to_day(x: float, horizon: int) -> int:
    return min(horizon, max(0, round(max(0.0, x) ** 2)))


class TimeCourseView(QWidget):
    """Measure selector, plot and cited caption. Dragging the cursor (or clicking or dragging
    anywhere in the plot) sets the selection's day, in whole days."""

    def __init__(self, selection: SelectionModel, fonts: style.Fonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeCourse")
        self._selection = selection
        content = selection.content
        self._horizon = content.physiology.horizon_days
        right = day_to_x(self._horizon)
        self._sample_days = [min(self._horizon, (right * i / SAMPLES) ** 2) for i in range(SAMPLES + 1)]
        self._measures = {m.id: m for m in content.physiology.measures}
        self._names: dict[str, str] = {t.id: t.short for t in content.lesion_types.values()}

        self.measure_box = QComboBox(self)
        self.measure_box.setObjectName("measureChoice")
        self.measure_box.setAccessibleName("Measure shown over time")
        for measure in content.physiology.measures:
            self.measure_box.addItem(measure.name, measure.id)
        self.measure_box.setMinimumHeight(32)
        label = QLabel("Measure", self)
        label.setBuddy(self.measure_box)

        self.widget, self.plot = style.new_plot("timeCoursePlot", "Time course of the lesion, schematic")
        self.legend = style.legend(fonts, columns=len(LESION_ORDER))
        self.widget.addItem(self.legend, row=0, col=0)
        self.curves: dict[str, Any] = {}
        for lesion in LESION_ORDER:
            curve = pg.PlotDataItem(pen=style.lesion_pen(lesion), name=self._names.get(lesion, lesion))
            self.curves[lesion] = curve
            self.plot.addItem(curve)
        self.day_cursor = pg.InfiniteLine(
            angle=90,
            movable=True,
            pen=style.pen(theme.TEXT, width=3),
            hoverPen=style.pen(theme.SELECTED, width=4),
            bounds=[0, day_to_x(self._horizon)],
            label=ESTABLISHED,
            labelOpts={
                "position": 0.9,
                "color": theme.TEXT,
                "fill": (255, 255, 255, 235),
                "border": style.pen(theme.TEXT, width=1.5),
            },
        )
        self.day_cursor.addMarker("<|>", position=0.06, size=22)
        self.day_cursor.setZValue(10)
        self.plot.addItem(self.day_cursor, ignoreBounds=True)

        self.caption = RichBrowser("timeCourseText", "About this time course", self)
        style.lay_out(self, self.widget, self.caption, (label, self.measure_box))

        self.restyle(fonts)
        self._lesions: tuple[str, ...] | None = None
        self.day_cursor.sigDragged.connect(lambda line: self._pick(line.value()))
        self.plot.vb.picked.connect(self._pick)
        self.measure_box.currentIndexChanged.connect(self._show_measure)
        self._show_measure()

    # --- public -------------------------------------------------------------------------------
    def measure(self) -> Measure:
        return self._measures[self.measure_box.currentData()]

    def shown_lesions(self) -> tuple[str, ...]:
        return tuple(lesion for lesion, curve in self.curves.items() if curve.isVisible())

    def restyle(self, fonts: style.Fonts) -> None:
        self._fonts = fonts
        style.style_plot(self.plot, fonts, X_LABEL, plain.html_text(self.measure().axis))
        style.set_ticks(self.plot.getAxis("left"), _value_ticks(self.measure()), fonts)
        self.legend.setLabelTextSize(f"{fonts.tick}px")
        self.day_cursor.label.setFont(fonts.font(fonts.tick, bold=True))
        ticks = [(day_to_x(d), str(d)) for d in DAY_TICKS if d < self._horizon * 0.8]
        ticks.append((day_to_x(self._horizon), str(self._horizon)))
        style.set_ticks(self.plot.getAxis("bottom"), ticks, fonts)
        self.plot.setXRange(0, day_to_x(self._horizon), padding=0.035)

    def sync(self, change: Change) -> None:
        if change.sites or change.disease or change.shown or self._lesions is None:
            self._show_lesions(self._selection.shown.findings.lesions)
        if change.day or change.sites or change.disease or change.shown:
            self._show_day(self._selection.day)

    # --- internals ----------------------------------------------------------------------------
    def _pick(self, x: float) -> None:
        day = x_to_day(x, self._horizon)
        if day == self._selection.day:
            self._show_day(day)  # snap back to the whole day
        else:
            self._selection.set_day(day)  # the change brings the cursor (snapped) through sync()

    def _show_day(self, day: int | None) -> None:
        """Move the cursor and relabel it, each only if needed (the label follows the line)."""
        x = day_to_x(self._horizon if day is None else day)
        text = ESTABLISHED if day is None else f"day {day}"
        label = self.day_cursor.label
        moved = self.day_cursor.value() != x
        if label.format != text:
            label.format = text
            if not moved:
                label.valueChanged()
        if moved:
            self.day_cursor.setValue(x)

    def _show_lesions(self, lesions: tuple[str, ...]) -> None:
        faint = not lesions
        self._lesions = lesions
        self.legend.clear()
        for lesion, curve in self.curves.items():
            shown = faint or lesion in lesions
            curve.setVisible(shown)
            curve.setPen(style.lesion_pen(lesion, faint=faint))
            if shown:
                self.legend.addItem(curve, self._names.get(lesion, lesion))

    def _show_measure(self) -> None:
        measure = self.measure()
        by_lesion: dict[str, Curve] = {c.lesion: c for c in measure.curves}
        for lesion, curve in self.curves.items():
            source = by_lesion.get(lesion)
            if source is None:
                curve.setData([], [])
                continue
            days = sorted({*self._sample_days, *(d for d, _ in source.points if 0 <= d <= self._horizon)})
            curve.setData([day_to_x(d) for d in days], [value_at(source, d) for d in days])
        span = measure.maximum - measure.minimum
        self.plot.setYRange(measure.minimum, measure.maximum, padding=0.06 if span else 0.5)
        style.set_ticks(self.plot.getAxis("left"), _value_ticks(measure), self._fonts)
        self.plot.getAxis("left").setLabel(plain.html_text(measure.axis))
        self.caption.show_html(captions.time_course(self._selection.content, measure))
        if self._lesions is None:
            self._show_lesions(self._selection.shown.findings.lesions)
            self._show_day(self._selection.day)


def _value_ticks(measure: Measure) -> list[tuple[float, str]]:
    """The content's named ticks; with fewer than three, plain numbers fill in between."""
    named = sorted((value, name) for name, value in measure.ticks.items())
    if len(named) >= 3:
        return named
    span = measure.maximum - measure.minimum
    step = next((s for s in (0.5, 1, 2, 5, 10, 20, 25, 50, 100) if span / s <= 5), span or 1)
    first = math.ceil(measure.minimum / step) * step
    numbers = [first + i * step for i in range(int((measure.maximum - first) / step) + 1)]
    gap = step * 0.6
    ticks = named + [(n, f"{n:g}") for n in numbers if all(abs(n - v) >= gap for v, _ in named)]
    return sorted(ticks)
