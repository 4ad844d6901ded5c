"""The Study menu: find the lesion (and, later, cases, localisation and review), in docks beside the
diagram. The window calls :func:`install_study` once, after its own menus are built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.study.cases_panel import CasesPanel
    from app.ui.study.find_lesion import FindLesionPanel
    from app.ui.study.localise_panel import LocalisePanel

STUDY_DOCKS = ("findLesionDock", "casesDock", "localiseDock")


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
    cases = QAction("Cases", window)
    cases.setObjectName("casesAction")
    cases.triggered.connect(lambda: open_cases(window))
    window.addAction(cases)
    menu.addAction(cases)
    localise = QAction("Localise from findings", window)
    localise.setObjectName("localiseAction")
    localise.triggered.connect(lambda: open_localise(window))
    window.addAction(localise)
    menu.addAction(localise)


def open_find_lesion(window: MainWindow, level: int = 1, seed: int | None = None) -> FindLesionPanel:
    """Show the find-the-lesion dock and start a round (a new one if it was already open)."""
    from app.ui.study.find_lesion import FindLesionPanel

    _close_others(window, "findLesionDock")
    dock = window.findChild(QDockWidget, "findLesionDock")
    if dock is None:
        panel = FindLesionPanel(window.selection)
        dock = _dock(window, "findLesionDock", "Find the lesion", panel, panel.stop)
    found = dock.widget()
    assert isinstance(found, FindLesionPanel)
    dock.show()
    dock.raise_()
    found.start(level, seed)
    return found


def _dock(
    window: MainWindow, name: str, title: str, panel: QWidget, on_close: Callable[[], None]
) -> QDockWidget:
    """A study dock beside the diagram (made once); closing it ends what it was doing."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(panel)
    dock.setFeatures(
        QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
    )
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    dock.visibilityChanged.connect(lambda visible: None if visible else on_close())
    return dock


def _close_others(window: MainWindow, keep: str) -> None:
    """Only one study mode at a time: they share the selection's answer."""
    for name in STUDY_DOCKS:
        dock = window.findChild(QDockWidget, name)
        if name != keep and dock is not None and dock.isVisible():
            dock.close()


def open_cases(window: MainWindow, case_id: str | None = None) -> CasesPanel:
    """Show the cases dock on a case (the first one unless given)."""
    from app.ui.study.cases_panel import CasesPanel

    _close_others(window, "casesDock")
    dock = window.findChild(QDockWidget, "casesDock")
    if dock is None:
        panel = CasesPanel(window.selection)
        dock = _dock(window, "casesDock", "Clinical case", panel, panel.close_case)
    found = dock.widget()
    assert isinstance(found, CasesPanel)
    dock.show()
    dock.raise_()
    if found.cases:
        found.open_case(case_id or found.cases[0].id)
    return found


def open_localise(window: MainWindow) -> LocalisePanel:
    """Show the reverse-localisation dock."""
    from app.ui.study.localise_panel import LocalisePanel

    _close_others(window, "localiseDock")
    dock = window.findChild(QDockWidget, "localiseDock")
    if dock is None:
        panel = LocalisePanel(window.selection)
        dock = _dock(window, "localiseDock", "Localise from findings", panel, panel.stop)
    found = dock.widget()
    assert isinstance(found, LocalisePanel)
    dock.show()
    dock.raise_()
    return found
