"""A lesson in the window, driven with the clicker from a focused panel: the step counter and prompt
on screen, Page Down through the reveals and on to the next step with its own tab; the teacher's notes
never on the class's screen. And the command line: --lesson ID --step N, bad ids, broken files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QTextBrowser
from pytestqt.qtbot import QtBot

from app import paths
from app.model.content import Content
from app.model.lessons import Lesson, load_lessons
from app.ui.classroom.lesson import LessonRunner
from app.ui.main_window import MainWindow
from tests.gui.conftest import focus_signs, open_main_window, press
from tests.gui.test_main_window import run_app
from tests.gui.texts import window_texts

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1600, 900)


def lesson(content: Content, lesson_id: str) -> Lesson:
    return next(x for x in load_lessons(content) if x.id == lesson_id)


def runner(window: MainWindow) -> LessonRunner:
    found = window.findChild(LessonRunner)
    assert found is not None
    return found


def test_page_down_walks_the_reveals_then_the_next_step(
    qtbot: QtBot, window: MainWindow, content: Content
) -> None:
    umn = lesson(content, "umn-vs-lmn")
    run = runner(window)
    run.start(umn)
    assert run.text().startswith("<b>Step 1 of 8</b>")
    assert "internal capsule" in run.text()
    assert window.side.tabs.tabText(window.side.tabs.currentIndex()) == "Compare"
    browser = window.side.signs.findChild(QTextBrowser, "signsText")
    assert browser is not None
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser)
    reveals = window.selection.shown.reveal_steps
    assert reveals > 2
    for _ in range(reveals):
        press(qtbot, Qt.Key.Key_PageDown)
        assert "Step 1 of 8" in run.text()
    assert not window.selection.shown.hidden
    press(qtbot, Qt.Key.Key_PageDown)
    assert "Step 2 of 8" in run.text()
    assert window.selection.sites == tuple(umn.steps[1].sites)
    assert window.selection.shown.hidden
    texts = " ".join(window_texts(window).values())
    for step in umn.steps:
        for note in step.notes:
            assert note[:40] not in texts, "the notes are for the teacher only"
    run.end()
    assert run.text() == ""
    assert window.selection.state.stops[0].key == ""


def test_the_lessons_are_in_the_view_menu(window: MainWindow, content: Content) -> None:
    titles = {a.text() for a in window.actions()}
    for item in load_lessons(content):
        assert item.title in titles
    action = next(a for a in window.actions() if a.text() == lesson(content, "time-course").title)
    action.trigger()
    assert "Step 1 of 6" in runner(window).text()
    assert window.selection.day == 1


def test_command_line_opens_a_lesson_on_a_step(tmp_path: Path) -> None:
    out = tmp_path / "step.png"
    result = run_app(
        "--screenshot", str(out), "--size", "1280x720", "--lesson", "cord-syndromes", "--step", "3"
    )
    assert result.returncode == 0, result.stderr
    assert QImage(str(out)).width() == 1280
    for argv, message in (
        (["--lesson", "no-such-lesson"], "unknown lesson 'no-such-lesson'"),
        (["--lesson", "cord-syndromes", "--step", "99"], "has steps 1 to 7, not 99"),
    ):
        bad = run_app("--screenshot", str(tmp_path / "x.png"), *argv)
        assert bad.returncode == 2
        assert bad.stderr.strip().splitlines()[-1].startswith("neuraxis: error:")
        assert message in bad.stderr
        assert "Traceback" not in bad.stderr


def test_the_app_refuses_to_start_on_a_broken_lesson(tmp_path: Path) -> None:
    broken = tmp_path / "content"
    shutil.copytree(paths.content_dir(), broken)
    path = broken / "lessons" / "time-course.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("tab: course", "tab: courses", 1), encoding="utf-8"
    )
    result = run_app("--content", str(broken), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{path}:")
    assert "unknown tab 'courses'" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_in_presentation_the_prompt_leaves_the_signs_their_height(qtbot: QtBot, content: Content) -> None:
    """The step's prompt sits above the diagram, so every region of a capsule lesion still shows."""
    from PySide6.QtCore import QSize

    from app.ui import theme
    from app.ui.classroom.presentation import Presentation

    window = open_main_window(qtbot, content, 1280, 720)
    run = runner(window)
    run.start(lesson(content, "umn-vs-lmn"))
    mode = window.findChild(Presentation)
    assert mode is not None
    mode.enter(QSize(1280, 720), full_screen=False)
    try:
        window.resize(1280, 720)
        window.selection.reveal_all()
        qtbot.waitUntil(lambda: window.diagram.viewportMargins().top() > 0)
        bar = run.bar.geometry()
        assert run.bar.parentWidget() is window.diagram
        assert window.diagram.viewport().geometry().top() >= bar.bottom()
        assert run.prompt.height() >= run.prompt.heightForWidth(run.prompt.width()), "the prompt is not cut"
        browser = window.side.signs.findChild(QTextBrowser, "signsText")
        assert browser is not None
        QApplication.processEvents()
        assert browser.verticalScrollBar().maximum() == 0
    finally:
        mode.leave()
        theme.apply(QApplication.instance())  # type: ignore[arg-type]


def test_a_quiz_during_a_lesson_gives_its_steps_back(
    qtbot: QtBot, window: MainWindow, content: Content
) -> None:
    """Ending a quiz reset the stops to every site: the lesson it interrupted said "Page Down goes on
    with the lesson" and Page Down went to the next site instead."""
    from tests.gui.test_find_lesion import open_quiz

    run = runner(window)
    run.start(lesson(content, "umn-vs-lmn"), step=2)
    assert "Step 2 of 8" in run.text()
    quiz = open_quiz(qtbot, window)
    quiz.start(1, seed=3)
    assert run.index() == -1, "the quiz's questions are the stops now"
    dock = quiz.parentWidget()
    assert dock is not None
    dock.close()
    qtbot.waitUntil(lambda: "Step 2 of 8" in run.text())
    focus_signs(qtbot, window)
    for _ in range(window.selection.shown.reveal_steps + 1):
        press(qtbot, Qt.Key.Key_PageDown)
    assert "Step 3 of 8" in run.text()
