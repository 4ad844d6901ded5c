"""Finding the window's menus by title (the classroom, the search and the study tools each add to
menus the window made, or make them)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow


def top_menu(window: QMainWindow, title: str, *, make: bool = True) -> QMenu | None:
    """The window's menu called ``title`` ("View": its "&" ignored), added at the end of the menu
    bar if it has none (None instead when ``make`` is false)."""
    bar = window.menuBar()
    for action in bar.actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and menu.title().replace("&", "") == title:
            return menu
    return bar.addMenu(f"&{title}") if make else None
