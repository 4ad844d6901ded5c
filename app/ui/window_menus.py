"""The main window's menus and their shortcuts: File, View, Selection and Help, then what the
classroom, the study tools and the remembered window state add. Built after the first frame
(:meth:`app.ui.main_window.MainWindow.build_panels`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def window_action(
    window: MainWindow, text: str, slot: Callable[[], object], *keys: QKeySequence.StandardKey | str
) -> QAction:
    """An action of the window (its shortcuts work wherever the focus is in the window)."""
    action = QAction(text, window)
    if keys:
        action.setShortcuts([QKeySequence(k) for k in keys])
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    # Imported here, after the first frame: the classroom and the search take ~16 ms to import.
    from app.ui.classroom.install import install_classroom
    from app.ui.find_site import install_find
    from app.ui.menu_bar import top_menu
    from app.ui.remember import install_remember
    from app.ui.study.install import install_study

    keys = QKeySequence.StandardKey
    file_menu = top_menu(window, "File")
    assert file_menu is not None
    file_menu.addAction(
        window_action(window, "Save picture of the window...", window.save_picture, keys.Save)
    )
    file_menu.addSeparator()
    file_menu.addAction(window_action(window, "Quit", window.close, keys.Quit))

    diagram = window.diagram
    view = top_menu(window, "View")
    assert view is not None
    view.addAction(window_action(window, "Zoom in", diagram.zoom_in, keys.ZoomIn, "Ctrl+="))
    view.addAction(window_action(window, "Zoom out", diagram.zoom_out, keys.ZoomOut))
    view.addAction(window_action(window, "Fit diagram", diagram.reset_zoom, "Ctrl+0"))
    view.addSeparator()
    sites = window.sites_dock.toggleViewAction()
    sites.setText("Sites list")
    sites.setShortcut(QKeySequence("F9"))
    view.addAction(sites)
    full = window_action(window, "Full screen", window.toggle_full_screen, "F11")
    full.setCheckable(True)
    view.addAction(full)
    window.full_screen_action = full

    selection = window.selection
    select = top_menu(window, "Selection")
    assert select is not None
    select.addAction(window_action(window, "Next site", lambda: selection.advance(1), "N"))
    select.addAction(window_action(window, "Previous site", lambda: selection.advance(-1), "P"))
    select.addAction(window_action(window, "Clear", selection.clear))
    window.find_popup = install_find(window)

    help_menu = top_menu(window, "Help")
    assert help_menu is not None
    help_menu.addAction(window_action(window, "Keyboard shortcuts", window.show_shortcuts, "F1"))
    help_menu.addAction(window_action(window, "About Neuraxis", window.show_about))
    install_classroom(window)
    install_study(window)
    install_remember(window)
