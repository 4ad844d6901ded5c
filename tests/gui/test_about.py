"""Help > About: the version and the licence of every bundled component, from package metadata."""

from __future__ import annotations

import re
from html import escape
from importlib import metadata

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QTextBrowser
from pytestqt.qtbot import QtBot

from app import __version__
from app.model.content import Content
from app.ui import about
from app.ui.main_window import MainWindow
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui

EXPECTED = {
    # distribution: what its own metadata says (checked against the installed packages here)
    "PySide6-Essentials": "LGPL-3.0-only",
    "shiboken6": "LGPL-3.0-only",
    "pyqtgraph": "MIT",
    "svgelements": "MIT",
    "PyYAML": "MIT",
    "msgspec": "BSD-3-Clause",
    "numpy": "BSD-3-Clause",
}


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1280, 720)


def test_every_dependency_is_listed() -> None:
    requires = [r for r in metadata.requires("neuraxis") or [] if "extra ==" not in r]
    runtime = {m.group(0).lower() for r in requires if (m := re.match(r"[A-Za-z0-9._-]+", r))}
    assert "pyside6-essentials" in runtime
    listed = {c.distribution.lower() for c in about.COMPONENTS}
    assert runtime <= listed, runtime - listed


def test_licences_come_from_the_installed_metadata() -> None:
    for distribution, licence in EXPECTED.items():
        version, named = about.licence(distribution)
        assert version == metadata.version(distribution)
        assert named.startswith(licence), (distribution, named)
    assert about.licence("no-such-distribution") == ("", "not installed")


def test_help_about_shows_version_licences_and_the_lgpl_notice(qtbot: QtBot, window: MainWindow) -> None:
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != "aboutDialog":
            QTimer.singleShot(20, read_and_close)
            return
        browser = dialog.findChild(QTextBrowser, "aboutText")
        assert browser is not None
        seen.append(browser.toHtml())
        assert browser.verticalScrollBar().maximum() < browser.height() * 4, "readable, not a long ribbon"
        dialog.accept()

    action = next(a for a in window.findChildren(QAction) if a.text() == "About Neuraxis")
    QTimer.singleShot(20, read_and_close)
    action.trigger()
    qtbot.waitUntil(lambda: bool(seen))
    text = seen[0]
    assert f"Neuraxis {__version__}" in text
    assert "MIT licence" in text
    for component in about.COMPONENTS:
        version, named = about.licence(component.distribution)
        assert component.name in text
        assert version in text
        assert escape(named) in text
    assert "GNU Lesser General Public License version 3" in text
    assert "used under LGPL-3.0-only" in text
