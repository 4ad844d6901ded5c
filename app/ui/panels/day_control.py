"""A compact control for the day since onset: a slider, a spin box and an "Established" toggle, kept
in step with the shared selection model both ways. Self-contained: put one wherever it is useful
(above the plots, in the signs panel header); every copy follows the same model."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractSpinBox, QCheckBox, QHBoxLayout, QLabel, QSlider, QSpinBox, QWidget

from app.model.state import Change
from app.ui import theme
from app.ui.selection import SelectionModel

MIN_TARGET_PX = 32
"""Every part is at least this tall: comfortably above the 24 px minimum click target."""
WEEK = 7
SLIDER_STYLE = f"""
QSlider {{ min-height: {MIN_TARGET_PX}px; }}
QSlider::groove:horizontal {{ height: 8px; background: #d6d6d6; border: 1px solid #5c5c5c;
    border-radius: 4px; }}
QSlider::sub-page:horizontal {{ background: {theme.ACCENT}; border-radius: 4px; }}
QSlider::handle:horizontal {{ width: 24px; margin: -9px 0; border-radius: 12px;
    background: #ffffff; border: 3px solid {theme.TEXT}; }}
QSlider::handle:horizontal:focus {{ border-color: {theme.FOCUS}; background: {theme.PANEL_FILL}; }}
QSlider:focus {{ border: 2px solid {theme.FOCUS}; border-radius: 4px; }}
"""


class DayControl(QWidget):
    """Day since onset: 0..horizon on a slider and a spin box, or "Established" (day None)."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayControl")
        self.setAccessibleName("Day since onset")
        self._selection = selection
        horizon = selection.content.physiology.horizon_days

        label = QLabel("Day", self)
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("daySlider")
        self.slider.setAccessibleName("Day since onset")
        self.slider.setRange(0, horizon)
        self.slider.setSingleStep(1)
        self.slider.setPageStep(WEEK)
        self.slider.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.slider.setStyleSheet(SLIDER_STYLE)
        self.slider.setToolTip("Drag, or use the arrow keys (Page Up / Page Down: a week)")

        self.spin = QSpinBox(self)
        self.spin.setObjectName("daySpin")
        self.spin.setAccessibleName("Day since onset, typed")
        self.spin.setRange(0, horizon)
        self.spin.setKeyboardTracking(False)  # typing "60" sets day 60 on Enter, not day 6 first
        self.spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        self.spin.setMinimumHeight(MIN_TARGET_PX)
        self.spin.setMinimumWidth(4 * theme.BASE_FONT_PX)
        self.spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        label.setBuddy(self.spin)

        self.established = QCheckBox("Established", self)
        self.established.setObjectName("dayEstablished")
        self.established.setAccessibleName("Established lesion (no particular day)")
        self.established.setToolTip("Show the signs of an established, long-standing lesion")
        self.established.setMinimumHeight(MIN_TARGET_PX)
        self.established.setStyleSheet(
            "QCheckBox::indicator { width: 22px; height: 22px; }"
            f"QCheckBox:focus {{ border: 2px solid {theme.FOCUS}; border-radius: 4px; }}"
        )

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(label)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.spin)
        layout.addWidget(self.established)
        self.setTabOrder(self.slider, self.spin)
        self.setTabOrder(self.spin, self.established)

        self.slider.valueChanged.connect(self._set_day)
        self.spin.valueChanged.connect(self._set_day)
        self.established.toggled.connect(self._toggle_established)
        selection.changed.connect(self._on_changed)
        self._sync()

    def day(self) -> int | None:
        """What the control shows (None: established)."""
        return None if self.established.isChecked() else self.spin.value()

    def _set_day(self, day: int) -> None:
        self._selection.set_day(day)
        self._sync()  # also when the model already had this day (Established was ticked)

    def _toggle_established(self, checked: bool) -> None:
        self._selection.set_day(None if checked else self.spin.value())
        self._sync()

    def _on_changed(self, change: Change) -> None:
        if change.day:
            self._sync()

    def _sync(self) -> None:
        """Show the model's day; signals are blocked so that showing it never sets it again."""
        day = self._selection.day
        shown = self.slider.maximum() if day is None else day
        for widget in (self.slider, self.spin, self.established):
            widget.blockSignals(True)
        self.slider.setValue(shown)
        self.spin.setValue(shown)
        self.established.setChecked(day is None)
        for widget in (self.slider, self.spin, self.established):
            widget.blockSignals(False)
