"""A simulated tendon-reflex response to one tap, for one affected region on the current day,
drawn against a faint normal response: normal, brisk (spread and clonus beats), reduced, absent."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from app.model import ids
from app.model.curves import TRACE_WINDOW_MS, TraceChoice, reflex_choices, reflex_trace, trace_times
from app.model.findings import Finding
from app.model.physiology_schema import ReflexTrace
from app.model.state import Change
from app.ui import theme
from app.ui.panels.plots import captions, style
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel


class ReflexView(QWidget):
    def __init__(self, selection: SelectionModel, fonts: style.Fonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reflexTrace")
        self._selection = selection
        content = selection.content
        self._traces = {t.id: t for t in content.physiology.reflex_traces}
        self._tendon_regions = {arc.region for arc in content.pathway.arcs if arc.kind == "tendon"}
        self.times = trace_times()

        self.region_box = QComboBox(self)
        self.region_box.setObjectName("reflexRegion")
        self.region_box.setAccessibleName("Region whose tendon reflex is shown")
        self.region_box.setMinimumHeight(32)
        self.region_box.setPlaceholderText("No affected region")
        label = QLabel("Region", self)
        label.setBuddy(self.region_box)

        self.widget, self.plot = style.new_plot("reflexPlot", "Simulated tendon reflex after a tap")
        self.legend = style.legend(fonts)
        self.legend.setParentItem(self.plot.vb)
        self.legend.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-8, 6))
        normal = self._traces[ids.TRACE_NORMAL]
        self.normal_curve = pg.PlotDataItem(
            self.times,
            reflex_trace(normal, self.times),
            pen=style.pen(theme.TEXT, Qt.PenStyle.DotLine, 3, 150),
        )
        self.curve = pg.PlotDataItem(pen=style.lesion_pen("UMN"))
        self.cut_curve = pg.PlotDataItem(pen=style.lesion_pen("LMN"))
        """Only when the region mixes both: its reflexes whose arc the lower motor neuron lesion cuts."""
        self.cut_curve.setVisible(False)
        self.plot.addItem(self.normal_curve)
        self.plot.addItem(self.cut_curve)
        self.plot.addItem(self.curve)
        self.tap = pg.InfiniteLine(
            0,
            angle=90,
            pen=style.pen(theme.TEXT, Qt.PenStyle.DashLine, 2),
            label="tap",
            labelOpts={"position": 0.92, "color": theme.TEXT, "anchors": [(0, 0.5), (0, 0.5)]},
        )
        self.plot.addItem(self.tap, ignoreBounds=True)
        top = max(max(reflex_trace(t, self.times)) for t in self._traces.values())
        self.plot.setXRange(*TRACE_WINDOW_MS, padding=0)
        self.plot.setYRange(-0.12 * top, top * 1.1, padding=0)

        self.caption = RichBrowser("reflexText", "About this reflex trace", self)
        style.lay_out(self, self.widget, self.caption, (label, self.region_box))

        self.choice: TraceChoice | None = None
        """The main trace: the only one, or the released (intact-arc) one when a region mixes both."""
        self.choices: tuple[TraceChoice, ...] = ()
        self._shown: tuple[object, ...] | None = None
        self.restyle(fonts)
        self.region_box.currentIndexChanged.connect(lambda _: self._show())

    def restyle(self, fonts: style.Fonts) -> None:
        style.style_plot(self.plot, fonts, "Time after the tap (ms)", "Response")
        self.legend.setLabelTextSize(f"{fonts.tick}px")
        self.tap.label.setFont(fonts.font(fonts.tick, bold=True))

    def sync(self, change: Change) -> None:
        if change.sites or change.disease or change.shown or self.region_box.count() == 0:
            self._fill_regions()
        self._show()

    def region(self) -> tuple[str, str] | None:
        data = self.region_box.currentData()
        return None if data is None else (data[0], data[1])

    # --- internals ----------------------------------------------------------------------------
    def _fill_regions(self) -> None:
        """Affected regions with tendon reflexes; keep the user's choice if it is still there, else
        start at the first region whose reflex is not normal (a capsule lesion weakens the lower face,
        but its jaw jerk stays normal because both hemispheres supply it)."""
        content = self._selection.content
        keep = self.region()
        self.region_box.blockSignals(True)
        self.region_box.clear()
        changed = -1
        for finding in self._selection.shown.findings.findings:
            if finding.lesions and finding.region in self._tendon_regions:
                name = content.regions_by_id[finding.region].name
                self.region_box.addItem(
                    f"{finding.side.capitalize()} {name.lower()}", (finding.region, finding.side)
                )
                if changed < 0 and reflex_choices(finding, self._selection.day)[-1].trace != ids.TRACE_NORMAL:
                    changed = self.region_box.count() - 1
        index = self.region_box.findData(keep) if keep is not None else changed
        self.region_box.setCurrentIndex(max(0, index) if self.region_box.count() else -1)
        self.region_box.setEnabled(self.region_box.count() > 0)
        self.region_box.blockSignals(False)

    def _finding(self) -> Finding | None:
        region = self.region()
        if region is None:
            return None
        return next(
            (f for f in self._selection.shown.findings.findings if (f.region, f.side) == region), None
        )

    def _show(self) -> None:
        finding = self._finding()
        choices = reflex_choices(finding, self._selection.day)
        label = self.region_box.currentText() if finding is not None else None
        key = (label, choices, finding.lesions if finding else ())
        self.choices, self.choice = choices, choices[-1]
        if key == self._shown:
            return
        self._shown = key
        mixed = len(choices) > 1
        self.legend.clear()
        normal = self._traces[ids.TRACE_NORMAL]
        self.legend.addItem(self.normal_curve, normal.name)
        self.cut_curve.setVisible(mixed)
        if mixed:
            cut = self._trace(choices[0].trace)
            self.cut_curve.setData(self.times, reflex_trace(cut, self.times))
            self.legend.addItem(self.cut_curve, f"{label}, arc cut: {cut.name.split(',')[0]}")
        trace = self._trace(self.choice.trace)
        lesion = "LMN" if self.choice.trace == ids.TRACE_ABSENT else (finding.lesions[0] if finding else "")
        self.curve.setData(self.times, reflex_trace(trace, self.times, clonus=self.choice.clonus))
        self.curve.setPen(style.lesion_pen("UMN" if mixed else lesion) if lesion else style.pen(theme.TEXT))
        self.curve.setVisible(finding is not None)
        if finding is not None:
            arc = ", arc intact" if mixed else ""
            self.legend.addItem(self.curve, f"{label}{arc}: {trace.name.split(',')[0]}")
        shown = [(choice, self._trace(choice.trace)) for choice in choices]
        self.caption.show_html(captions.reflex(self._selection.content, label, shown, normal))

    def trace(self) -> ReflexTrace:
        """The trace shown for the chosen region."""
        return self._trace(self.choice.trace if self.choice else ids.TRACE_NORMAL)

    def _trace(self, trace_id: str) -> ReflexTrace:
        return self._traces[trace_id]
