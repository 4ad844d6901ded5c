"""Study docks open narrow beside a small window (:data:`app.ui.study.install.STUDY_DOCK_SHARE`):
a choice box there may be narrower than its longest choice."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

LEAST_CHARACTERS = 16


def narrow_choices(box: QComboBox) -> None:
    """As narrow as :data:`LEAST_CHARACTERS` characters (a longer choice is elided in the box);
    its list still opens as wide as its longest choice."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(LEAST_CHARACTERS)
