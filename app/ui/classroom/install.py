"""Puts the classroom aids into a window: the clicker keys, and their entries in the View menu."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMenu

from app import paths
from app.model.cache import load_lessons_cached
from app.model.errors import ContentError
from app.model.lessons import Lesson
from app.model.state import Hide
from app.ui.classroom.keys import ClickerKeys
from app.ui.classroom.lesson import LessonRunner
from app.ui.classroom.presentation import Presentation
from app.ui.classroom.presenter import PresenterView

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def view_menu(window: MainWindow) -> QMenu:
    """The window's View menu (made if the window has none)."""
    from app.ui.menu_bar import top_menu

    menu = top_menu(window, "View")
    assert menu is not None
    return menu


def _action(
    window: MainWindow, text: str, slot: Callable[[], None], key: str = "", label: str = ""
) -> QAction:
    """An action; ``key`` is a real shortcut, ``label`` a key shown in the menu that the clicker
    filter handles (Space, Page Down: a shortcut would take them from buttons and lists)."""
    action = QAction(f"{text}\t{label}" if label else text, window)
    if key:
        action.setShortcut(QKeySequence(key))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def install_classroom(window: MainWindow) -> ClickerKeys:
    selection = window.selection
    keys = ClickerKeys(window, selection, window.diagram)
    menu = view_menu(window).addMenu("&Classroom")
    hide = _action(window, "Hide findings (predict, then reveal)", keys.toggle_hide_findings, "H")
    hide.setCheckable(True)
    lesion = _action(
        window,
        "Hide the lesion (localise it from the findings)",
        lambda: selection.set_hide(Hide.NOTHING if selection.shown.hide is Hide.LESION else Hide.LESION),
    )
    lesion.setCheckable(True)

    counter = QLabel()
    counter.setObjectName("revealCounter")
    counter.setAccessibleName("Reveal progress")
    window.statusBar().addPermanentWidget(counter)

    def follow(*_: object) -> None:
        shown = selection.shown
        hide.setChecked(shown.hide is Hide.FINDINGS)
        lesion.setChecked(shown.hide is Hide.LESION)
        for action in (hide, lesion):  # a question waiting for an answer has its own Solution button
            action.setEnabled(not selection.state.answer_size)
        text = shown.reveal_text()
        if shown.hidden and shown.subject:
            # a question waiting for an answer: revealing it counts as asking for the solution
            then = "Space or Page Down reveals the next"
            if selection.state.answer_size:
                then = "Page Down shows the solution"
            text += f" — {then}"
        counter.setText(f"<b>{text}</b>" if text else "")
        counter.setVisible(bool(text))

    selection.changed.connect(follow)
    follow()
    menu.addAction(hide)
    menu.addAction(lesion)
    menu.addAction(_action(window, "Reveal the next step", selection.reveal_next, label="Space"))
    menu.addAction(_action(window, "Reveal everything", selection.reveal_all))
    menu.addSeparator()
    menu.addAction(_action(window, "Next step", lambda: selection.advance(1), label="Page Down"))
    menu.addAction(_action(window, "Previous step", lambda: selection.advance(-1), label="Page Up"))
    menu.addSeparator()
    menu.addAction(_action(window, "Black screen", lambda: keys.blank.blank("black"), "B"))
    menu.addAction(_action(window, "White screen", lambda: keys.blank.blank("white"), "W"))
    menu.addSeparator()
    menu.addAction(
        _action(
            window, "Pen (then R, G, B, K colours; E erases; Ctrl+Z undoes)", keys.pen.toggle_pen, label="D"
        )
    )
    menu.addAction(_action(window, "Laser pointer", keys.pen.toggle_laser, label="L"))
    _install_presentation(window)
    _install_lessons(window, menu)
    return keys


def _install_lessons(window: MainWindow, classroom: QMenu) -> None:
    runner = LessonRunner(window)
    lessons = window.lessons
    if lessons is None:  # (launch reads them with the content; a test's window may not have them)
        try:
            lessons = load_lessons_cached(window.content, paths.cache_dir())
        except ContentError:  # the window is not opened on broken lessons (launch)
            lessons = ()
    menu = classroom.addMenu("&Lessons")
    for lesson in lessons:
        menu.addAction(_action(window, lesson.title, partial(runner.start, lesson)))
    menu.addSeparator()
    end = _action(window, "End the lesson", runner.end)
    menu.addAction(end)
    menu.setEnabled(bool(lessons))
    view_menu(window).addAction(
        _action(window, "Presenter view", lambda: _ignore(show_presenter(window, runner)))
    )
    file_menu = next(
        (a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "File"), None
    )
    if isinstance(file_menu, QMenu):
        export = _action(window, "Export handout (PDF)...", lambda: _ignore(export_handout(window, runner)))
        teacher = _action(
            window,
            "Export teacher's handout (PDF)...",
            lambda: _ignore(export_handout(window, runner, teacher=True)),
        )
        first = file_menu.actions()
        before = first[1] if len(first) > 1 else None
        file_menu.insertActions(before, [export, teacher])  # type: ignore[arg-type]


def _ignore(_: object) -> None:
    """For a menu action whose slot returns something."""


def show_presenter(window: MainWindow, runner: LessonRunner) -> PresenterView:
    """Open (or bring back) the presenter view; the clicker keys work from it too."""
    view = window.findChild(PresenterView)
    if view is None:
        view = PresenterView(window, runner)
        view.setParent(window, view.windowFlags())  # closes with the main window
        keys = window.findChild(ClickerKeys)
        if keys is not None:
            keys.add_window(view)
    view.show()
    view.raise_()
    return view


def _install_presentation(window: MainWindow) -> None:
    presentation = Presentation(window)
    view = view_menu(window)
    view.addSeparator()
    present = _action(window, "Presentation mode", presentation.toggle, "F5")
    present.setCheckable(True)
    view.addAction(present)
    window.addAction(_action(window, "Show the other panels (presentation)", presentation.toggle_tabs, "T"))
    bigger = _action(window, "Larger text", lambda: presentation.change_scale(+1))
    bigger.setShortcuts([QKeySequence("Ctrl+Shift++"), QKeySequence("Ctrl+Shift+=")])
    smaller = _action(window, "Smaller text", lambda: presentation.change_scale(-1))
    smaller.setShortcuts([QKeySequence("Ctrl+Shift+-"), QKeySequence("Ctrl+_")])
    view.addAction(bigger)
    view.addAction(smaller)
    present.triggered.connect(lambda *_: present.setChecked(presentation.on))  # after the toggle
    presentation.changed.connect(present.setChecked)


def start_classroom(
    window: MainWindow,
    *,
    hide: str | None,
    present: bool,
    size: tuple[int, int] | None = None,
    lesson: tuple[Lesson, int] | None = None,
) -> None:
    """What the command line asks for at start: a lesson on a step, findings or lesson hidden,
    presentation mode (for a screenshot of ``size`` device pixels: fitted to that size, not made
    full screen)."""
    window.build_panels()
    if lesson is not None:
        runner = window.findChild(LessonRunner)
        assert runner is not None
        runner.start(*lesson)
    if hide is not None:
        window.selection.set_hide(Hide(hide))
    if present:
        presentation = window.findChild(Presentation)
        assert presentation is not None
        if size is None:  # once the window is shown (full screen replaces its first size)
            QTimer.singleShot(0, presentation, presentation.enter)
        else:
            ratio = QApplication.instance().devicePixelRatio()  # type: ignore[union-attr]
            logical = QSize(round(size[0] / ratio), round(size[1] / ratio))
            presentation.enter(logical, full_screen=False)


def export_handout(
    window: MainWindow, runner: LessonRunner, path: str = "", *, teacher: bool = False
) -> str | None:
    """File > Export handout: the running lesson (a page per step), else the selection; asks where
    unless ``path`` is given. Returns the error shown to the user, or None. The teacher's handout
    (``teacher``) is the running lesson's, each step with its notes for the teacher."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.ui.handout import lesson_pages, selection_page, write_handout

    selection = window.selection
    if teacher and runner.lesson is None:
        QMessageBox.information(
            window,
            "Export teacher's handout",
            "Start a lesson first (View > Classroom > Lessons): the teacher's handout gives each of its "
            "steps with the notes for the teacher.",
        )
        return "no lesson"
    if runner.lesson is None and not selection.sites:
        QMessageBox.information(window, "Export handout", "Select a lesion site or start a lesson first.")
        return "nothing to export"
    if not path:
        kind = "teacher-handout" if teacher else "handout"
        name = f"{runner.lesson.id if runner.lesson else 'neuraxis'}-{kind}.pdf"
        title = "Export teacher's handout" if teacher else "Export handout"
        path, _ = QFileDialog.getSaveFileName(window, title, name, "PDF document (*.pdf)")
        if not path:
            return None
    content = selection.content
    if runner.lesson is not None:
        pages = lesson_pages(content, runner.lesson, teacher=teacher)
    else:
        pages = [selection_page(content, selection.sites, selection.disease, selection.day)]
    error = write_handout(content, pages, Path(path)).error
    if error is not None:
        QMessageBox.warning(window, "Not saved", f"{path}: the handout could not be written ({error}).")
    return error
