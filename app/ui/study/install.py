"""The Study menu: find the lesion (and, later, cases, localisation and review), in docks beside the
diagram. The window calls :func:`install_study` once, after its own menus are built."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QWidget

from app.ui.menu_bar import top_menu

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow
    from app.ui.study.cases_panel import CasesPanel
    from app.ui.study.find_lesion import FindLesionPanel
    from app.ui.study.localise_panel import LocalisePanel
    from app.ui.study.progress_panel import ProgressPanel
    from app.ui.study.review_panel import ReviewPanel

P = TypeVar("P", bound=QWidget)
STUDY_DOCKS = ("findLesionDock", "casesDock", "localiseDock", "reviewDock")
STUDY_DOCK_WIDTH = 420
STUDY_DOCK_SHARE = 0.25
"""A study dock opens :data:`STUDY_DOCK_WIDTH` wide (or as wide as its panel asks), but at most
this share of the window's width (its text wraps): in a small window the diagram and the column
of panels keep room to be read."""


def study_menu(window: MainWindow) -> QMenu:
    """The Study menu (the window's frame makes it), else made before the Help menu."""
    existing = window.findChild(QMenu, "studyMenu")
    if existing is not None:
        return existing
    bar = window.menuBar()
    menu = QMenu("S&tudy", bar)  # Alt+T: Alt+S is the Selection menu
    menu.setObjectName("studyMenu")
    help_menu = top_menu(window, "Help", make=False)
    if help_menu is not None:
        bar.insertMenu(help_menu.menuAction(), menu)
    else:
        bar.addMenu(menu)
    return menu


def install_study(window: MainWindow) -> None:
    menu = study_menu(window)
    _install_due_count(window)
    _install_anki_export(window)
    entries = (
        ("Find the lesion", "findLesionAction", "Ctrl+L", lambda: open_find_lesion(window)),
        ("Cases", "casesAction", "", lambda: open_cases(window)),
        ("Review", "reviewAction", "Ctrl+R", lambda: open_review(window)),
        ("Progress", "progressAction", "", lambda: open_progress(window)),
        ("Localise from findings", "localiseAction", "", lambda: open_localise(window)),
    )
    for text, name, shortcut, opener in entries:
        action = QAction(text, window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(opener)
        window.addAction(action)  # the keys work whatever has focus, and F1 lists them
        menu.addAction(action)


def open_find_lesion(window: MainWindow, level: int = 1, seed: int | None = None) -> FindLesionPanel:
    """Show the find-the-lesion dock and start a round (a new one if it was already open)."""
    from app.ui.study.find_lesion import FindLesionPanel
    from app.ui.study.keeper import keeper_of

    found = _open_dock(
        window,
        ("findLesionDock", "Find the lesion"),
        FindLesionPanel,
        lambda: FindLesionPanel(window.selection, keeper_of(window)),
        lambda panel: panel.stop,
    )
    found.start(level, seed)
    return found


def _open_dock(
    window: MainWindow,
    dock_name: tuple[str, str],
    kind: type[P],
    make: Callable[[], P],
    ends: Callable[[P], Callable[[], None]],
) -> P:
    """The study dock ``dock_name`` (object name, title) alone open and in front, made by ``make``
    the first time (closing it calls ``ends(panel)``); its panel."""
    name, title = dock_name
    _close_others(window, name)
    dock = window.findChild(QDockWidget, name)
    made = dock is None
    if dock is None:
        panel = make()
        dock = _dock(window, name, title, panel, ends(panel))
    found = dock.widget()
    assert isinstance(found, kind)
    dock.show()
    dock.raise_()
    if made:
        wanted = max(dock.sizeHint().width(), STUDY_DOCK_WIDTH)
        width = min(wanted, int(window.width() * STUDY_DOCK_SHARE))
        window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
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
    dock.installEventFilter(_OnClose(dock, on_close))
    return dock


class _OnClose(QObject):
    """Calls back when the dock is closed (its close button, or another study mode opening); not when
    it is merely hidden with a minimised window or behind another dock."""

    def __init__(self, dock: QDockWidget, on_close: Callable[[], None]) -> None:
        super().__init__(dock)
        self._on_close = on_close

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._on_close()
        return False


def _close_others(window: MainWindow, keep: str) -> None:
    """Only one study mode at a time: they share the selection's answer."""
    for name in STUDY_DOCKS:
        dock = window.findChild(QDockWidget, name)
        if name != keep and dock is not None and dock.isVisible():
            dock.close()


def open_cases(window: MainWindow, case_id: str | None = None) -> CasesPanel:
    """Show the cases dock on a case (the first one unless given)."""
    from app.ui.study.cases_panel import CasesPanel
    from app.ui.study.keeper import keeper_of

    found = _open_dock(
        window,
        ("casesDock", "Clinical case"),
        CasesPanel,
        lambda: CasesPanel(window.selection, keeper_of(window)),
        lambda panel: panel.close_case,
    )
    if found.cases:
        found.open_case(case_id or found.cases[0].id)
    return found


def open_localise(window: MainWindow) -> LocalisePanel:
    """Show the reverse-localisation dock."""
    from app.ui.study.localise_panel import LocalisePanel

    return _open_dock(
        window,
        ("localiseDock", "Localise from findings"),
        LocalisePanel,
        lambda: LocalisePanel(window.selection),
        lambda panel: panel.stop,
    )


def open_review(window: MainWindow) -> ReviewPanel:
    """Show the review dock and start a session."""
    from app.ui.study.keeper import keeper_of
    from app.ui.study.review_panel import ReviewPanel

    found = _open_dock(
        window,
        ("reviewDock", "Review"),
        ReviewPanel,
        lambda: ReviewPanel(window.selection, keeper_of(window)),
        lambda panel: panel.stop,
    )
    found.start()
    return found


def _install_due_count(window: MainWindow) -> None:
    """ "Review: N due" in the status bar, kept up to date as reviews are recorded (not in a
    screenshot, whose panels are built before the window shows: it opens no store)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QLabel

    from app.ui.study.keeper import keeper_of

    label = QLabel(window)
    label.setObjectName("dueCount")
    window.statusBar().addPermanentWidget(label)
    keeper = keeper_of(window)

    def update() -> None:
        import sqlite3

        store = keeper.store
        try:
            due = store.summary()["due"] if store is not None else 0
        except sqlite3.Error:
            due = 0
        label.setText(f"Review: {due} due")
        label.setToolTip("Cards due for review (Study > Review, Ctrl+R)")

    keeper.changed.connect(update)
    if window.isVisible():
        QTimer.singleShot(0, label, update)


def _install_anki_export(window: MainWindow) -> None:
    """File > Export Anki deck..., just above Quit."""
    file_menu = top_menu(window, "File", make=False)
    action = QAction("Export Anki deck...", window)
    action.setObjectName("exportAnkiAction")
    action.triggered.connect(lambda: export_anki(window))
    window.addAction(action)
    if isinstance(file_menu, QMenu):
        quit_action = next((a for a in file_menu.actions() if a.text() == "Quit"), None)
        if quit_action is not None:
            file_menu.insertAction(quit_action, action)
        else:
            file_menu.addAction(action)


def export_anki(window: MainWindow, target: str | None = None) -> str:
    """Ask where (unless given), then write every study card as an Anki deck; returns a message."""
    from pathlib import Path

    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from app.model.anki import write_deck
    from app.model.cards import build_cards
    from app.model.cases import load_cases
    from app.model.errors import ContentError
    from app.ui.study.anki_images import render_images

    if target is None:
        target, _ = QFileDialog.getSaveFileName(
            window, "Export Anki deck", "neuraxis.apkg", "Anki deck (*.apkg)"
        )
        if not target:
            return ""
    content = window.content
    try:
        cases = load_cases(content)
    except ContentError:
        cases = ()
    cards = build_cards(content, cases)
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        count = write_deck(Path(target), cards, render_images(content, cards))
        message = f"{count} cards written to {target}."
    except OSError as error:
        message = f"{target}: could not write the deck ({error.strerror or error})."
        QMessageBox.warning(window, "Not exported", message)
    finally:
        QGuiApplication.restoreOverrideCursor()
    window.statusBar().showMessage(message, 10_000)
    return message


def open_progress(window: MainWindow) -> ProgressPanel:
    """Show the progress dock (it does not take the selection, so other study docks stay)."""
    from app.ui.study.keeper import keeper_of
    from app.ui.study.progress_panel import ProgressPanel

    dock = window.findChild(QDockWidget, "progressDock")
    if dock is None:
        panel = ProgressPanel(keeper_of(window))
        dock = QDockWidget("Progress", window)
        dock.setObjectName("progressDock")
        dock.setWidget(panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    found = dock.widget()
    assert isinstance(found, ProgressPanel)
    dock.show()
    dock.raise_()
    found.refresh()
    return found
