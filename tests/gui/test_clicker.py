"""Clicker keys work whatever has the focus: a panel clicked by the teacher, the day slider, a list, a
tab bar. Real key presses sent to the focused widget, as the window system would."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMenu, QSpinBox, QWidget
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import Hide
from app.ui.classroom.blank import BlankScreen
from app.ui.main_window import MainWindow
from app.ui.panels.plots_panel import PlotsPanel
from tests.gui.conftest import focus_signs, open_main_window, press

pytestmark = pytest.mark.gui
Key = Qt.Key


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1280, 720)


def stop_sites(window: MainWindow, index: int) -> tuple[str, ...]:
    return window.selection.state.stops[index].sites


def test_page_keys_and_n_p_step_from_a_focused_panel(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select(stop_sites(window, 3)[0])
    browser = focus_signs(qtbot, window)
    scroll = browser.verticalScrollBar()
    press(qtbot, Key.Key_PageDown)
    assert window.selection.sites == stop_sites(window, 4)
    assert scroll.value() == 0, "the clicker stepped; it did not scroll the panel"
    press(qtbot, Key.Key_N)
    assert window.selection.sites == stop_sites(window, 5)
    press(qtbot, Key.Key_PageUp)
    press(qtbot, Key.Key_P)
    assert window.selection.sites == stop_sites(window, 3)
    assert QApplication.focusWidget() is browser
    press(qtbot, Key.Key_Escape)
    assert window.selection.sites == ()


def test_the_panel_still_scrolls_with_the_wheel(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select("internal-capsule-left")
    browser = focus_signs(qtbot, window)
    scroll = browser.verticalScrollBar()
    assert scroll.maximum() > 0
    viewport = browser.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,  # noqa: FBT003 - Qt's signature
    )
    QApplication.sendEvent(viewport, wheel)
    assert scroll.value() > 0
    assert window.selection.sites == ("internal-capsule-left",)


def test_page_down_on_the_day_slider_steps_not_moves_the_day(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select(stop_sites(window, 0)[0])
    window.selection.set_day(10)
    window.side.show_tab_named("course")
    plots = window.side.page("Course", PlotsPanel)
    slider = plots.findChild(QWidget, "daySlider")
    assert slider is not None
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    press(qtbot, Key.Key_PageDown)
    assert window.selection.sites == stop_sites(window, 1)
    assert window.selection.day == 10
    press(qtbot, Key.Key_Right)  # other keys still reach the slider
    assert window.selection.day == 11


def test_letters_still_type_into_a_text_field(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select(stop_sites(window, 0)[0])
    field = QLineEdit(window.side.signs)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    for key in (Key.Key_N, Key.Key_P, Key.Key_B, Key.Key_H):
        press(qtbot, key)
    assert field.text() == "npbh"
    assert window.selection.sites == stop_sites(window, 0)
    assert window.selection.shown.hide is Hide.NOTHING
    press(qtbot, Key.Key_Escape)  # the field keeps its Escape while it has text
    assert window.selection.sites == stop_sites(window, 0)
    press(qtbot, Key.Key_PageDown)  # a clicker still steps
    assert window.selection.sites == stop_sites(window, 1)


def test_a_spin_box_and_an_editable_combo_box_keep_typed_letters(qtbot: QtBot, window: MainWindow) -> None:
    """A spin box (the day's) and a typed-in combo box take letters; a plain combo box does not.
    Both are recognised by their Qt class name (app/ui/classroom/keys.py)."""
    window.selection.select(stop_sites(window, 0)[0])
    spin = QSpinBox(window.side.signs)
    combo = QComboBox(window.side.signs)
    combo.addItems(["arm", "leg"])
    for widget in (spin, combo):
        widget.show()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        press(qtbot, Key.Key_N)
        stepped = widget is combo
        assert window.selection.sites == stop_sites(window, 1 if stepped else 0)
        window.selection.select(stop_sites(window, 0)[0])
    combo.setEditable(True)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    combo.clearEditText()
    press(qtbot, Key.Key_N)
    assert combo.currentText() == "n"
    assert window.selection.sites == stop_sites(window, 0)


@pytest.mark.parametrize(("key", "colour"), [(Key.Key_B, "#000000"), (Key.Key_W, "#ffffff")])
def test_b_and_w_blank_the_window_until_any_key(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, colour: str
) -> None:
    window.selection.select("internal-capsule-left")
    focus_signs(qtbot, window)
    press(qtbot, key)
    blank = window.findChild(BlankScreen)
    assert blank is not None
    assert blank.isVisible()
    QApplication.processEvents()
    image = window.grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 37)
        for y in range(0, image.height(), 29)
    }
    assert colours == {QColor(colour).name()}, "nothing of the window shows through"
    press(qtbot, Key.Key_PageDown)  # the key that ends the blank does nothing else
    assert not blank.isVisible()
    assert window.selection.sites == ("internal-capsule-left",)
    QApplication.processEvents()
    assert len({window.grab().toImage().pixelColor(x, 300).name() for x in range(0, 1280, 7)}) > 2


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_escape_closes_an_open_menu_first(qtbot: QtBot, window: MainWindow) -> None:
    window.selection.select("internal-capsule-left")
    menu_action = window.menuBar().actions()[1]
    menu = menu_action.menu()
    assert isinstance(menu, QMenu)
    window.menuBar().setActiveAction(menu_action)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    qtbot.keyClick(QApplication.activePopupWidget(), Key.Key_Escape)
    qtbot.waitUntil(lambda: not menu.isVisible())
    assert window.selection.sites == ("internal-capsule-left",)
