"""Fixtures for the GUI tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication
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
