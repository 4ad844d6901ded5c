"""The window remembers its size and place, the split between diagram and panels, and the last tab
of the panels, through :mod:`app.ui.settings`. A settings file that could not be read is reported in
the status bar (it was moved aside). Screenshots neither read nor write them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject

from app.ui.settings import Settings

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

GEOMETRY, SPLITTER, TAB = "window/geometry", "window/splitter", "window/tab"


def restore_geometry(window: MainWindow) -> bool:
    """Put the window where it was last closed; False when nothing is remembered."""
    settings = Settings()
    window.setProperty("settingsProblem", settings.problem)  # shown once the status bar is there
    data = settings.get_bytes(GEOMETRY)
    return bool(data) and window.restoreGeometry(QByteArray(data))


class _Remember(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close:
            save(self.window)
        return False


def install_remember(window: MainWindow) -> None:
    """Restore the splitter and the last tab now (the panels exist), and save all on close."""
    if not window.isVisible():
        return  # panels built before the window shows are for a screenshot, which remembers nothing
    settings = Settings()
    problem = settings.problem or window.property("settingsProblem")
    if problem:
        window.statusBar().showMessage(str(problem), 15_000)
    splitter = settings.get_bytes(SPLITTER)
    if splitter and window.splitter.restoreState(QByteArray(splitter)):
        window.splitter.setProperty("userResized", True)
    tabs = window.side.tabs
    index = settings.get(TAB, -1)
    if 0 <= index < tabs.count():
        tabs.setCurrentIndex(index)
    window.installEventFilter(_Remember(window))


def save(window: MainWindow) -> str:
    """Save what the window remembers; "" or a message naming the file."""
    settings = Settings()
    settings.set(GEOMETRY, bytes(window.saveGeometry().data()))
    if window.splitter.property("userResized"):
        settings.set(SPLITTER, bytes(window.splitter.saveState().data()))
    settings.set(TAB, window.side.tabs.currentIndex())
    return settings.save()
