"""Pictures for the Anki deck: the diagram with a card's sites marked and the body map of its
findings, rendered offscreen from the same views the window shows."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.model.cards import StudyCard
from app.model.content import Content
from app.model.geometry import load_geometry

SIZE = (520, 560)


def _png(widget: QWidget) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def render_images(content: Content, cards: Iterable[StudyCard]) -> dict[str, tuple[bytes, bytes]]:
    """Card id -> (diagram PNG, body map PNG). Needs a QApplication."""
    from app.ui.diagram.view import DiagramView
    from app.ui.panels.body_map import BodyMapPanel
    from app.ui.selection import SelectionModel

    assert QApplication.instance() is not None
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    selection = SelectionModel(content)
    diagram = DiagramView(selection, content.drawings.diagram, geometry)
    body = BodyMapPanel(selection)
    for widget in (diagram, body):
        widget.resize(*SIZE)
        widget.show()
    images: dict[str, tuple[bytes, bytes]] = {}
    try:
        for card in cards:
            selection.set_day(card.day)
            if card.kind == "disease" and card.disease is not None:
                selection.choose_disease(card.disease)
            else:
                selection.set_sites(card.sites)
            QApplication.processEvents()
            images[card.id] = (_png(diagram), _png(body.view))
    finally:
        for widget in (diagram, body):
            widget.close()
            widget.deleteLater()
        selection.deleteLater()
    return images
