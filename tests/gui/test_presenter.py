"""The presenter view: the teacher's notes, the next step, what is hidden and a timer, in a second
window that follows the same selection; the clicker works from it; the class's window never shows
the notes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.lessons import load_lessons
from app.ui.classroom.install import show_presenter
from app.ui.classroom.lesson import LessonRunner
from app.ui.classroom.presenter import PresenterView
from app.ui.main_window import MainWindow
from tests.gui.conftest import open_main_window
from tests.gui.texts import leaks, window_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1280, 720)


def class_texts(window: MainWindow) -> dict[str, str]:
    """What the main window shows (the presenter view is its child, on the teacher's screen)."""
    return {key: text for key, text in window_texts(window).items() if "PresenterView" not in key}


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_presenter_view_follows_the_lesson_and_the_reveal(
    qtbot: QtBot, window: MainWindow, content: Content
) -> None:
    runner = window.findChild(LessonRunner)
    assert runner is not None
    face = next(x for x in load_lessons(content) if x.id == "face-and-brainstem")
    baseline = window_texts(window)
    action = next(a for a in window.actions() if a.text() == "Presenter view")
    action.trigger()
    view = window.findChild(PresenterView)
    assert view is not None
    assert view.isVisible()
    assert view.isWindow()
    assert "No notes" in view.text()
    runner.start(face, 3)  # a find-the-lesion step
    text = view.text()
    assert "Step 3 of 7" in text
    assert "Hidden from the class: the lesion (lesion hidden)" in text
    assert "Left midbrain: Weber syndrome" in text, "the teacher sees what the class localises"
    assert "crossed syndrome" in text  # the step's notes
    assert "Next (4):" in text
    assert "Millard-Gubler" in text
    names = {"Left midbrain: Weber syndrome", "Weber", "midbrain"}
    assert leaks(class_texts(window), baseline, names) == [], "the class's window names nothing"
    assert "crossed syndrome" not in " ".join(class_texts(window).values()), "nor shows the notes"
    # the clicker, pressed while the teacher's window has the focus
    view.activateWindow()
    view.notes.setFocus()
    qtbot.waitUntil(view.notes.hasFocus)
    qtbot.keyClick(view.notes, Qt.Key.Key_PageDown)
    assert "lesion revealed" in view.text()
    qtbot.keyClick(view.notes, Qt.Key.Key_PageDown)
    assert "Step 4 of 7" in view.text()
    assert runner.index() == 3
    assert show_presenter(window, runner) is view, "one presenter view"
    assert view.text().splitlines()[0].count(":") == 1  # the timer, mm:ss
    runner.start(face, 7)
    assert "This step's panel: Compare" in view.text()
