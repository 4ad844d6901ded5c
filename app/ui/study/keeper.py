"""The window's progress store, opened once when a study mode first needs it (Qt side).

A store that had to be moved aside is reported once in a message box; a store that cannot be opened
at all leaves the study modes working without saving, and says so."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.model.progress import ProgressError, Store


class ProgressKeeper(QObject):
    changed = Signal()
    """A review or a result was recorded (the due count, the chart may change)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._parent = parent
        self._store: Store | None = None
        self.problem = ""

    @property
    def store(self) -> Store | None:
        if self._store is None and not self.problem:
            try:
                self._store = Store.open()
            except ProgressError as error:
                self.problem = f"{error}. Progress will not be saved in this session."
                QMessageBox.warning(self._parent, "Progress not saved", self.problem)
                return None
            for message in self._store.messages:
                QMessageBox.warning(self._parent, "Progress store moved aside", message)
        return self._store

    def review(self, card: str, kind: str, rating: str) -> None:
        store = self.store
        if store is not None:
            store.review(card, kind, rating)
            self.changed.emit()

    def result(self, kind: str, item: str, level: int, *, correct: bool, credit: float) -> None:
        store = self.store
        if store is not None:
            store.result(kind, item, level, correct=correct, credit=credit)
            self.changed.emit()

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


def keeper_of(window: QWidget) -> ProgressKeeper:
    """The window's keeper (made on first use)."""
    found = window.findChild(ProgressKeeper, "progressKeeper")
    if found is None:
        found = ProgressKeeper(window)
        found.setObjectName("progressKeeper")
    return found
