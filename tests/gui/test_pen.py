"""The pen and the laser, with real keys from a focused panel and a real mouse drag over the diagram:
drawing never selects a site, colours, undo and erase, strokes clear on the next step; the laser dot
follows the pointer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui.classroom.pen import LASER_COLOUR, PEN_COLOURS, PenOverlay
from app.ui.main_window import MainWindow
from tests.gui.conftest import open_main_window, press

pytestmark = pytest.mark.gui
SITE = "internal-capsule-left"


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    main = open_main_window(qtbot, content, 1280, 720)
    main.selection.select(SITE)
    browser = main.side.signs.findChild(QTextBrowser, "signsText")
    assert browser is not None
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser)
    return main


def pen(window: MainWindow) -> PenOverlay:
    found = window.findChild(PenOverlay)
    assert found is not None
    return found


def drag_over_site(qtbot: QtBot, window: MainWindow, site: str) -> None:
    """A stroke from a site of the diagram to 60 px right of it, as a teacher would draw."""
    overlay = pen(window)
    start = overlay.point(window.diagram.viewport(), window.diagram.part_center(site))
    qtbot.mousePress(overlay, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 7):
        qtbot.mouseMove(overlay, start + QPoint(10 * step, 3 * step))
    qtbot.mouseRelease(overlay, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 18))


def test_drawing_marks_the_window_and_selects_nothing(qtbot: QtBot, window: MainWindow) -> None:
    overlay = pen(window)
    press(qtbot, Qt.Key.Key_D)
    assert overlay.drawing
    drag_over_site(qtbot, window, "weber-right")
    assert window.selection.sites == (SITE,), "drawing over a site does not select it"
    assert len(overlay.strokes) == 1
    assert overlay.strokes[0][1].size() >= 5
    QApplication.processEvents()
    start = overlay.point(window.diagram.viewport(), window.diagram.part_center("weber-right"))
    image = window.grab().toImage()
    assert image.pixelColor(start + QPoint(30, 9)).name() == QColor(PEN_COLOURS[Qt.Key.Key_R]).name()
    press(qtbot, Qt.Key.Key_G)  # green, not a step nor a blank screen
    drag_over_site(qtbot, window, "weber-left")
    assert overlay.strokes[-1][0] == PEN_COLOURS[Qt.Key.Key_G]
    press(qtbot, Qt.Key.Key_B)
    assert overlay.colour == PEN_COLOURS[Qt.Key.Key_B]
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(overlay.strokes) == 1
    press(qtbot, Qt.Key.Key_E)
    assert overlay.strokes == []
    drag_over_site(qtbot, window, "weber-left")
    press(qtbot, Qt.Key.Key_PageDown)  # the next step: its own, clean sheet
    assert window.selection.sites != (SITE,)
    assert overlay.strokes == []
    press(qtbot, Qt.Key.Key_D)
    assert not overlay.drawing
    view = window.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(SITE))
    assert window.selection.sites == (SITE,), "with the pen off, clicks reach the diagram again"


def test_the_laser_dot_follows_the_pointer(qtbot: QtBot, window: MainWindow) -> None:
    overlay = pen(window)
    press(qtbot, Qt.Key.Key_L)
    assert overlay.laser
    viewport = window.diagram.viewport()
    qtbot.mouseMove(viewport, QPoint(200, 300))
    at = overlay.laser_at
    assert at is not None
    assert at.toPoint() == overlay.point(viewport, QPoint(200, 300))
    QApplication.processEvents()
    image = window.grab().toImage()
    assert image.pixelColor(at.toPoint()).name() == QColor(LASER_COLOUR).name()
    press(qtbot, Qt.Key.Key_L)
    assert overlay.laser_at is None
