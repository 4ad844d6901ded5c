"""Tone against stretch velocity: normal, spastic (clasp-knife catch and give), flaccid and rigid
(velocity-independent, shown for contrast), with the profile the selection shows emphasised."""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from app.model import ids
from app.model.curves import catch_point, give_level, tone_curve, tone_profiles_for
from app.model.state import Change
from app.ui import plain, theme
from app.ui.panels.plots import captions, style
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel

STYLES = {
    ids.TONE_NORMAL: (theme.TEXT, Qt.PenStyle.SolidLine),
    ids.TONE_SPASTIC: (theme.LESION_COLOURS["UMN"], Qt.PenStyle.SolidLine),
    ids.TONE_FLACCID: (theme.LESION_COLOURS["LMN"], Qt.PenStyle.DashLine),
    ids.TONE_RIGID: (theme.DISEASE_SITE, Qt.PenStyle.DashDotLine),
}
OTHER_STYLES = ((theme.LESION_COLOURS["NMJ"], Qt.PenStyle.DotLine),)
"""For tone profiles content adds beyond the four the code names."""
CONTRAST = ids.TONE_RIGID
"""Always described: the velocity-independent contrast to spasticity."""
SAMPLES = 300
LEGEND_LAYOUTS = ((2, False), (4, True), (2, True), (1, True))
"""(columns, short names) from roomiest to narrowest; two rows at most until the very narrowest."""
HEADROOM = 1.15
"""The y axis reaches this times the highest curve (room for the "catch" label)."""


class ToneView(QWidget):
    def __init__(self, selection: SelectionModel, fonts: style.Fonts, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toneVelocity")
        self._selection = selection
        physiology = selection.content.physiology
        self._profiles = {p.id: p for p in physiology.tone_profiles}
        catches = [p.catch_velocity for p in physiology.tone_profiles if p.catch_velocity]
        self.top_velocity = 2 * max(catches) if catches else 6.0
        self.velocities = [self.top_velocity * i / SAMPLES for i in range(SAMPLES + 1)]

        self.widget, self.plot = style.new_plot("tonePlot", "Resistance to stretch against stretch velocity")
        self.legend = style.legend(fonts, columns=2)
        self.widget.addItem(self.legend, row=0, col=0)  # above the plot: it never hides a curve
        self.curves: dict[str, Any] = {}
        top = 0.0
        for index, profile in enumerate(physiology.tone_profiles):
            values = tone_curve(profile, self.velocities)
            top = max(top, *values)
            curve = pg.PlotDataItem(self.velocities, values, pen=self._pen(profile.id, index, None))
            self.curves[profile.id] = curve
            self.plot.addItem(curve)
            self.legend.addItem(curve, profile.name)
        self.annotations: list[Any] = []
        for profile in physiology.tone_profiles:
            point = catch_point(profile)
            if point is not None:
                colour = STYLES.get(profile.id, (theme.TEXT,))[0]
                for text, (x, y), anchor in (
                    ("catch", (point[0] * 1.03, point[1]), (0, 0.3)),
                    ("gives way", (point[0] * 1.06, (point[1] + give_level(profile)) / 2), (0, 0.5)),
                ):
                    item = pg.TextItem(text, color=colour, anchor=anchor)
                    item.setPos(x, y)
                    self.plot.addItem(item)
                    self.annotations.append(item)
        self.plot.setXRange(0, self.top_velocity, padding=0.02)
        self.plot.setYRange(0, top * HEADROOM, padding=0)

        self.caption = RichBrowser("toneText", "About tone and stretch velocity", self)
        style.lay_out(self, self.widget, self.caption, None)
        self.emphasised: tuple[str, ...] | None = None
        self._legend_widths: dict[tuple[int, bool], float] = {}
        self.restyle(fonts)
        self.widget.installEventFilter(self)

    def restyle(self, fonts: style.Fonts) -> None:
        style.style_plot(self.plot, fonts, "Speed of the passive stretch", "Resistance")
        bottom = [(self.top_velocity * 0.04, "slow"), (self.top_velocity * 0.96, "fast")]
        style.set_ticks(self.plot.getAxis("bottom"), bottom, fonts)
        style.set_ticks(self.plot.getAxis("left"), [(0, "none")], fonts)
        self.legend.setLabelTextSize(f"{fonts.tick}px")
        self._legend_widths.clear()
        for layout in LEGEND_LAYOUTS:
            self._set_legend(*layout)
            self._legend_widths[layout] = self.legend.layout.preferredWidth()
        self._fit_legend(self.widget.width())
        for item in self.annotations:
            item.setFont(fonts.font(fonts.tick, bold=True))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Before the plot lays itself out at its new width, so the legend's new size counts.
        if watched is self.widget and event.type() == QEvent.Type.Resize:
            assert isinstance(event, QResizeEvent)
            self._fit_legend(event.size().width())
        return False

    def _fit_legend(self, width: int) -> None:
        """The roomiest legend layout that fits the plot's width: the legend never widens the plot, and
        on a narrow plot it keeps to the short names (the caption below gives the full ones)."""
        room = width - 24
        fits = [layout for layout in LEGEND_LAYOUTS if self._legend_widths.get(layout, 0) <= room]
        self._set_legend(*(fits[0] if fits else LEGEND_LAYOUTS[-1]))

    def _set_legend(self, columns: int, short: bool) -> None:
        for (_, label), profile in zip(self.legend.items, self._profiles.values(), strict=True):
            text = profile.name.split(" (")[0] if short else profile.name
            if label.text != plain.html_text(text):
                label.setText(plain.html_text(text))
        if self.legend.columnCount != columns:
            self.legend.setColumnCount(columns)
        self.legend.updateSize()
        self.legend.updateGeometry()  # the plot's layout must forget the old legend's size

    def sync(self, change: Change) -> None:
        emphasised = tone_profiles_for(self._selection.shown.findings.findings)
        if emphasised == self.emphasised:
            return
        self.emphasised = emphasised
        for index, profile_id in enumerate(self.curves):
            curve = self.curves[profile_id]
            curve.setPen(self._pen(profile_id, index, emphasised))
            curve.setZValue(2 if profile_id in emphasised else 1)
        profiles = [self._profiles[p] for p in dict.fromkeys((*emphasised, CONTRAST))]
        self.caption.show_html(captions.tone(self._selection.content, profiles))

    def _pen(self, profile_id: str, index: int, emphasised: tuple[str, ...] | None) -> Any:
        colour, line = STYLES.get(profile_id, OTHER_STYLES[index % len(OTHER_STYLES)])
        if not emphasised:
            return style.pen(colour, line)
        if profile_id in emphasised:
            return style.pen(colour, line, style.STRONG_WIDTH)
        return style.pen(colour, line, style.LINE_WIDTH - 1, style.FAINT_ALPHA)
