"""The window remembers its size, the split between diagram and panels and the last tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import paths
from app.model.content import Content
from app.model.geometry import load_geometry
from app.ui.main_window import MainWindow
from app.ui.settings import FILE_NAME

pytestmark = pytest.mark.gui


def fresh(qtbot: QtBot, content: Content) -> MainWindow:
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    window = MainWindow(content, geometry)
    qtbot.addWidget(window)
    window.show_default()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window._side is not None)
    return window


def test_size_split_and_tab_survive_a_restart(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEURAXIS_CONFIG_DIR", str(tmp_path))
    first = fresh(qtbot, content)
    default = (first.width(), first.height())
    first.resize(first.width() - 37, first.height() - 23)
    QApplication.processEvents()
    closed_at = (first.width(), first.height())
    assert closed_at != default
    tabs = first.side.tabs
    tabs.setCurrentIndex(tabs.count() - 1)
    first.splitter.setSizes([300, first.splitter.width() - 300])
    first.splitter.setProperty("userResized", True)  # noqa: FBT003 (Qt property)
    sizes = first.splitter.sizes()
    first.close()
    assert (tmp_path / FILE_NAME).exists()
    second = fresh(qtbot, content)
    assert (second.width(), second.height()) == closed_at
    assert second.side.tabs.currentIndex() == tabs.count() - 1
    assert second.splitter.sizes()[0] == sizes[0]


def test_an_unreadable_settings_file_is_reported_and_moved_aside(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEURAXIS_CONFIG_DIR", str(tmp_path))
    (tmp_path / FILE_NAME).write_bytes(b"[window\ngeometry=1")  # Qt cannot parse the section
    window = fresh(qtbot, content)
    message = window.statusBar().currentMessage()
    assert FILE_NAME in message
    assert "moved to" in message
    assert (tmp_path / f"{FILE_NAME}.unreadable").read_bytes() == b"[window\ngeometry=1"
    assert window.isVisible()
