"""Predict, then reveal, driven with the keys a teacher presses (from a focused panel, not only the
diagram): H hides the findings, Space and Page Down reveal region by region (signs and body map
together), then the lesion type, then everything; then Page Down steps on and the next lesion starts
hidden. The counter says how far the reveal is."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import Hide
from app.ui.main_window import MainWindow
from tests.gui.conftest import focus_signs, open_main_window, press
from tests.gui.test_main_window import run_app

pytestmark = pytest.mark.gui
Key = Qt.Key
SITE = "internal-capsule-left"


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1600, 900)


def counter(window: MainWindow) -> str:
    label = window.findChild(QLabel, "revealCounter")
    assert label is not None
    return label.text() if label.isVisible() else ""


def shown_regions(window: MainWindow) -> set[str]:
    """The body regions the body map draws with a lesion layer."""
    view = window.side.body.view
    return {key for key, item in view.items_by_key.items() if item.layers}


def test_h_hides_and_space_and_page_down_reveal_region_by_region(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select(SITE)
    window.side.show_tab_named("body")
    focus_signs(qtbot, window)
    total = len(window.selection.findings.findings)
    assert total >= 5
    press(qtbot, Key.Key_H)
    assert window.selection.shown.hide is Hide.FINDINGS
    assert f"revealed 0 of {total}" in window.side.signs.text().lower()
    assert f"revealed 0 of {total}" in counter(window)
    assert "Weakness" not in window.side.signs.text()
    assert shown_regions(window) == set()
    press(qtbot, Key.Key_Space)
    assert f"revealed 1 of {total}" in counter(window)
    assert "Weakness" in window.side.signs.text()
    assert len(shown_regions(window)) == 1, "the body map reveals with the signs"
    for step in range(2, total + 1):
        press(qtbot, Key.Key_PageDown)
        expected = f"revealed {step} of {total}" if step < total else "regions revealed, lesion type hidden"
        assert expected in counter(window)
        assert len(shown_regions(window)) == step
    assert "UMN" not in window.side.signs.text(), "the lesion type comes after the regions"
    press(qtbot, Key.Key_PageDown)
    assert "UMN" in window.side.signs.text()
    press(qtbot, Key.Key_Space)
    assert not window.selection.shown.hidden
    assert counter(window) == "<b>all revealed</b>"
    assert window.selection.sites == (SITE,)
    press(qtbot, Key.Key_PageDown)  # everything revealed: the clicker steps on
    assert window.selection.sites != (SITE,)
    assert window.selection.shown.hidden, "the next lesion starts hidden"
    press(qtbot, Key.Key_H)
    assert window.selection.shown.hide is Hide.NOTHING
    assert counter(window) == ""


def test_the_view_menu_hides_the_lesion(qtbot: QtBot, window: MainWindow) -> None:
    actions = {a.text().split("\t")[0]: a for a in window.actions()}
    window.selection.select(SITE)
    actions["Hide the lesion (localise it from the findings)"].trigger()
    assert window.selection.shown.subject == "Which lesion?"
    assert "internal capsule" not in window.windowTitle().lower()
    assert counter(window).startswith("<b>lesion hidden")
    focus_signs(qtbot, window)
    press(qtbot, Key.Key_Space)
    assert "Left internal capsule" in window.windowTitle()


def test_command_line_starts_with_the_findings_hidden(tmp_path: Path) -> None:
    shots = {}
    for hide in ("findings", None):
        out = tmp_path / f"{hide}.png"
        args = ["--screenshot", str(out), "--size", "1280x720", "--select", SITE, "--tab", "body"]
        result = run_app(*args, *(["--hide", hide] if hide else []))
        assert result.returncode == 0, result.stderr
        shots[hide] = QImage(str(out))
    assert shots["findings"] != shots[None]
    bad = run_app("--screenshot", str(tmp_path / "x.png"), "--hide", "everything")
    assert bad.returncode == 2
    assert "invalid choice" in bad.stderr
