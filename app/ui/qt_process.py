"""What the process sets before Qt starts: the same for the window, its screenshots and the
benchmarks that build the window in process.

Qt's GUI module splits large blits and fills (a diagram backdrop, a panel's background) into jobs
for a thread pool of its own. A click hands it about 28 such jobs, and on the two-core machines
this project is measured on, waking the pool's threads and waiting for them costs more than it
saves: with the pool off, a click at 1920x1080 took median 4.8 ms / p95 8.6 ms instead of 5.9 / 11.1,
at 3840x2160 6.4 / 11.3 instead of 7.4 / 14.3, and a presentation step at 4K 8.9-9.3 / 15.7-16.2
instead of 10.8-12.3 / 19.1-22.5 (benchmarks/selection_latency.py and presentation_latency.py, the
same hour, 2026-12-05). ``QT_NO_GUI_THREADPOOL`` is read when Qt first wants the pool; a value the
user set is kept.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from app.ui.memory import keep_large_buffers_returnable

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

NO_GUI_THREAD_POOL = "QT_NO_GUI_THREADPOOL"
STYLE = "Fusion"
"""The widget style: the same look on every platform."""
STYLED_PROPERTY = "nxStyled"
"""Set on the application once it runs in :data:`STYLE` (see :func:`app.ui.theme.apply`)."""


def prepare_process(*, fix_memory_threshold: bool = True) -> None:
    """Call before the QApplication exists (and before anything paints). Without
    ``fix_memory_threshold``, glibc's threshold (:mod:`app.ui.memory`, which loads ctypes: about
    2 ms) is left to the caller: launch fixes it once the window's first frame is up, and a
    screenshot, which paints once and exits, never needs it."""
    if fix_memory_threshold:
        keep_large_buffers_returnable()
    os.environ.setdefault(NO_GUI_THREAD_POOL, "1")


def styled_application(argv: list[str]) -> QApplication:
    """A new application, started in :data:`STYLE` by Qt's own ``-style`` argument. Setting the style
    afterwards, or asking which it is, hands Python the ``QStyle``, and PySide then creates Python's
    copy of its eleven enums (hundreds of members: about 5 ms of start-up)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication([*(argv[:1] or ["neuraxis"]), "-style", STYLE])
    app.setProperty(STYLED_PROPERTY, True)
    return app
