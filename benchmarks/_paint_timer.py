"""Time a user action until every widget of a window has painted (for the in-process benchmarks).

The clock starts just before the action is delivered and stops when the event-loop pass that
delivered the *last* Paint event of *any* widget of the window returns. An event filter on the
application sees every Paint, but before the widget paints; stopping when the pass returns includes
the painting and the flush. The loop is drained pass by pass until three passes in a row paint
nothing. Also measured: the CPU time of the GUI thread over the same interval (a shared machine adds
waiting, not CPU time).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

PAINT = QEvent.Type.Paint
IDLE_PASSES = 3


class Timing(NamedTuple):
    ms: float  # wall time, action delivered -> the pass that delivered the last Paint returned
    cpu_ms: float  # CPU time of the GUI thread over the same interval


class PaintTimer(QObject):
    """Watches every Paint event of any widget of ``window`` (an application-wide event filter)."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__()
        self._app = app
        self._window = window
        self.painted: list[QWidget] = []  # the widgets painted since the last timing started
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == PAINT and isinstance(watched, QWidget) and watched.window() is self._window:
            self.painted.append(watched)
        return False

    def drain(self) -> float | None:
        """Process events until three passes in a row paint nothing. Returns when the last pass that
        painted returned (``time.perf_counter``), or None if nothing painted."""
        end, idle = None, 0
        while idle < IDLE_PASSES:
            before = len(self.painted)
            self._app.processEvents()
            now = time.perf_counter()
            if len(self.painted) > before:
                end, idle = now, 0
            else:
                idle += 1
        return end

    def time(self, action: Callable[[], object], pause: float = 0.0) -> Timing:
        """Drain the loop until idle, wait ``pause`` seconds (not counted), then time ``action`` until
        the window has painted. Asserts that something painted; ``painted`` then lists what did."""
        self.drain()
        if pause:
            time.sleep(pause)
        self.painted.clear()
        start, start_cpu = time.perf_counter(), time.thread_time()
        action()
        end = self.drain()
        cpu_ms = (time.thread_time() - start_cpu) * 1000
        assert end is not None, "the action painted nothing"
        return Timing((end - start) * 1000, cpu_ms)

    def painted_names(self) -> list[str]:
        """Names (object name, else class) of the widgets painted by the last timing, one per Paint."""
        return [w.objectName() or type(w).__name__ for w in self.painted]
