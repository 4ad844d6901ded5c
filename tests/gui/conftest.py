"""Fixtures for the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QTextBrowser
from pytestqt.qtbot import QtBot

from app import paths
from app.model.content import Content
from app.model.geometry import load_geometry
from app.ui import theme
from app.ui.main_window import MainWindow


@pytest.fixture(autouse=True, scope="module")
def _themed(qapp: QApplication) -> Iterator[None]:
    """The app's real font and style sheet, so sizes and wrapping are what students see; put back
    after each module."""
    font, sheet = qapp.font(), qapp.styleSheet()
    theme.apply(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def open_main_window(qtbot: QtBot, content: Content, width: int, height: int) -> MainWindow:
    """The real main window at a size, shown, with its column of panels built (just after the first
    frame, as at start-up)."""
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    main = MainWindow(content, geometry)
    qtbot.addWidget(main)
    main.resize(width, height)
    main.show()
    qtbot.waitExposed(main)
    qtbot.waitUntil(lambda: main._side is not None)
    return main


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed with the keyboard (or a clicker): it goes to whatever widget has the focus."""
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, key, modifier)


def focus_signs(qtbot: QtBot, window: MainWindow) -> QTextBrowser:
    """The teacher clicks into the expected signs (to scroll them): the focus is there."""
    browser = window.side.signs.findChild(QTextBrowser, "signsText")
    assert browser is not None
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser)
    return browser


def dialog_after(run: object) -> tuple[int, list[str]]:
    """Start the window (``run``), read and close every message box it shows; the exit code and
    what the boxes said."""
    seen: list[str] = []

    def read_and_close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, read_and_close)
            return
        seen.append(f"{box.text()}\n{box.informativeText()}")
        box.accept()

    QTimer.singleShot(20, read_and_close)
    code = run()  # type: ignore[operator]
    return code, seen


def yaml_copy(target: Path) -> Path:
    """A copy of the bundled content's YAML files in ``target`` (drawings stay the bundled ones)."""
    target.mkdir()
    for source in paths.content_dir().glob("*.yaml"):
        (target / source.name).write_text(source.read_text())
    return target
