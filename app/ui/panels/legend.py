"""A static key to the four lesion types (pattern swatch + label), built once as plain widgets."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app.model.content import Content
from app.ui import theme

SWATCH_PX = 22
COLUMNS = 2


class LesionLegend(QWidget):
    """Two columns of ``[pattern] UMN - upper motor neuron lesion``; the label never relies on colour."""

    def __init__(self, content: Content, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lesionLegend")
        self.setAccessibleName("Key to lesion types")
        grid = QGridLayout(self)
        grid.setContentsMargins(4, 2, 4, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(4)
        for number, info in enumerate(content.lesion_types.values()):
            row, col = divmod(number, COLUMNS)
            swatch = QLabel(self)
            swatch.setPixmap(theme.swatch(info.id, info.pattern, SWATCH_PX, self.devicePixelRatioF()))
            swatch.setAccessibleName(f"{info.short} pattern")
            text = QLabel(f"<b>{info.short}</b> {info.name.lower()}", self)
            text.setWordWrap(True)
            swatch.setBuddy(text)
            grid.addWidget(swatch, row, col * 2)
            grid.addWidget(text, row, col * 2 + 1)
            grid.setColumnStretch(col * 2 + 1, 1)

    def text(self) -> str:
        return " | ".join(label.text() for label in self.findChildren(QLabel) if label.text())
