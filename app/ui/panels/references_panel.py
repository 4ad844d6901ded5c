"""Every reference the content may cite, with its address as plain text (static, offline)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.model.content import Content
from app.ui.panels.base import StaticPage
from app.ui.panels.richtext import reference_item
from app.ui.selection import SelectionModel

INTRO = (
    "<p>Sources behind the content. Addresses are shown so that you can look a source up later; "
    "Neuraxis itself never opens the network.</p>"
)


def references_html(content: Content) -> str:
    items = "".join(reference_item(ref) for ref in content.references.values())
    return f"<h2>References</h2>{INTRO}<ol>{items}</ol>"


class ReferencesPanel(StaticPage):
    """The full reference list; built once, it does not follow the selection."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(
            ("referencesPanel", "References"),
            ("referencesText", "List of references"),
            references_html(selection.content),
            parent,
        )
