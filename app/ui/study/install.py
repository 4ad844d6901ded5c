"""The Study menu: find the lesion (and, later, cases, localisation and review), in docks beside the
diagram. The window calls :func:`install_study` once, after its own menus are built."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.study.find_lesion import FindLesionPanel


def study_menu(window: MainWindow) -> QMenu:
    """The Study menu, made before the Help menu the first time it is asked for."""
    existing = window.findChild(QMenu, "studyMenu")
    if existing is not None:
        return existing
    bar = window.menuBar()
    menu = QMenu("&Study", bar)
    menu.setObjectName("studyMenu")
    help_action = next((a for a in bar.actions() if a.text().replace("&", "") == "Help"), None)
    if help_action is not None:
        bar.insertMenu(help_action, menu)
    else:
        bar.addMenu(menu)
    return menu


def install_study(window: MainWindow) -> None:
    menu = study_menu(window)
    action = QAction("Find the lesion", window)
    action.setObjectName("findLesionAction")
    action.setShortcut(QKeySequence("Ctrl+L"))
    action.triggered.connect(lambda: open_find_lesion(window))
    window.addAction(action)
    menu.addAction(action)


def open_find_lesion(window: MainWindow, level: int = 1, seed: int | None = None) -> FindLesionPanel:
    """Show the find-the-lesion dock and start a round (a new one if it was already open)."""
    from app.ui.study.find_lesion import FindLesionPanel

    dock = window.findChild(QDockWidget, "findLesionDock")
    if dock is None:
        dock = QDockWidget("Find the lesion", window)
        dock.setObjectName("findLesionDock")
        panel = FindLesionPanel(window.selection)
        dock.setWidget(panel)
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        dock.visibilityChanged.connect(lambda visible: None if visible else panel.stop())
    found = dock.widget()
    assert isinstance(found, FindLesionPanel)
    dock.show()
    dock.raise_()
    found.start(level, seed)
    return found
