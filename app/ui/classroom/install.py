"""Puts the classroom aids into a window: the clicker keys, and their entries in the View menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu

from app.model.state import Hide
from app.ui.classroom.keys import ClickerKeys

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def view_menu(window: MainWindow) -> QMenu:
    """The window's View menu (made if the window has none)."""
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == "View":
            return menu
    return window.menuBar().addMenu("&View")


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
        text = shown.reveal_text()
        if shown.hidden and shown.subject:
            text += " — Space or Page Down reveals the next"
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
    return keys


def start_classroom(window: MainWindow, *, hide: str | None, present: bool = False) -> None:  # noqa: ARG001 - next commit
    """What the command line asks for at start: findings or lesion hidden, presentation mode."""
    window.build_panels()
    if hide is not None:
        window.selection.set_hide(Hide(hide))
