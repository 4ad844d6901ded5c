"""The window's progress store, opened once when a study mode first needs it (Qt side).

A store that had to be moved aside is reported in the status bar; a store that cannot be opened or
written (a full disk...) leaves the study modes working without saving, and says so there too. No
message box: nothing here may stop the window (or a screenshot) waiting for a click."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.model.progress import Store


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
            import sqlite3  # (with the store: sqlite3 and json are not imported before studying)

            from app.model.progress import ProgressError, Store

            try:
                self._store = Store.open()
            except (ProgressError, sqlite3.Error, OSError) as error:
                self.problem = f"{error}. Progress will not be saved in this session."
                self._say(self.problem)
                return None
            for message in self._store.messages:
                self._say(message)
        return self._store

    def _say(self, message: str) -> None:
        bar = getattr(self._parent, "statusBar", None)
        if callable(bar):
            bar().showMessage(message, 30_000)

    def review(self, card: str, kind: str, rating: str) -> None:
        self._record("review", lambda store: store.review(card, kind, rating))

    def result(self, kind: str, item: str, level: int, *, correct: bool, credit: float) -> None:
        self._record("result", lambda store: store.result(kind, item, level, correct=correct, credit=credit))

    def _record(self, what: str, write: Callable[[Store], object]) -> None:
        store = self.store
        if store is None:
            return
        import sqlite3

        try:
            write(store)
        except (sqlite3.Error, OSError) as error:
            self._say(f"{store.path}: the {what} could not be saved ({error}).")
            return
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
