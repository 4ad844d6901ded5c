"""Study > Localise: ticking findings in the tree (real clicks on the check boxes) lists the lesions
that explain them, best first, and lights them up on the diagram."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMenu, QPushButton
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.study.localise_panel import LocalisePanel
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1600, 900)


def open_localise(qtbot: QtBot, window: MainWindow) -> LocalisePanel:
    menu = window.findChild(QMenu, "studyMenu")
    assert menu is not None
    next(a for a in menu.actions() if a.text() == "Localise from findings").trigger()
    dock = window.findChild(QDockWidget, "localiseDock")
    assert dock is not None
    qtbot.waitExposed(dock)
    panel = dock.widget()
    assert isinstance(panel, LocalisePanel)
    return panel


def tick(qtbot: QtBot, panel: LocalisePanel, region: str, side: str, kind: str, item: str) -> None:
    """Expand the region and click the check box of one finding, as a user does."""
    tree_item = panel.item((region, side, kind, item))
    parent = tree_item.parent()
    assert parent is not None
    parent.setExpanded(True)
    panel.tree.scrollToItem(tree_item)
    QApplication.processEvents()
    rect = panel.tree.visualItemRect(tree_item)
    box = QPoint(rect.left() + 10, rect.center().y())
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=box)
    assert tree_item.checkState(0) == Qt.CheckState.Checked


def test_ticking_a_crossed_picture_finds_the_brainstem_lesion(qtbot: QtBot, window: MainWindow) -> None:
    panel = open_localise(qtbot, window)
    assert panel.list.count() == 0
    tick(qtbot, panel, "eye", "left", "sign", "eye-down-and-out")
    tick(qtbot, panel, "arm", "right", "sign", "spasticity")
    first = panel.list.item(0).text()
    assert first.startswith("1. Left midbrain: Weber syndrome: explains all 2")
    assert "adds:" in first
    assert window.diagram.item("weber-left").state & SiteState.PROBE, "the candidates light up"
    # A second lesion is only proposed after every single one.
    sizes = [len(c.sites) for c in panel.candidates if not c.missing]
    assert sizes == sorted(sizes)
    # Choosing a candidate lights up only its sites.
    panel.list.setCurrentRow(1)
    lit = {s for s in window.diagram.order if window.diagram.item(s).state & SiteState.PROBE}
    assert lit == set(panel.candidates[1].sites)
    clear = panel.findChild(QPushButton, "localiseClear")
    assert clear is not None
    qtbot.mouseClick(clear, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 0
    assert not any(window.diagram.item(s).state & SiteState.PROBE for s in window.diagram.order)
