"""The process is set up before Qt starts as the window's is (app.ui.qt_process): checked in a fresh
interpreter, as the window runs, by looking at its threads after it painted large pictures."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAINT_LARGE = """
import os, sys
{prepare}
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPixmap, QRegion
app = QGuiApplication(sys.argv[:1])
target = QImage(3000, 3000, QImage.Format.Format_ARGB32_Premultiplied)
backdrop = QPixmap(2500, 2500)
backdrop.fill(Qt.GlobalColor.white)
painter = QPainter(target)
# as a widget repaints what changed: clipped to the changed region, a large backdrop blitted
painter.setClipRegion(QRegion(QRect(0, 0, 2000, 1000)) | QRegion(QRect(500, 900, 2000, 1500)))
for _ in range(3):
    painter.drawPixmap(QPoint(0, 0), backdrop)
painter.end()
tasks = os.listdir("/proc/self/task")
print(sorted(open(f"/proc/self/task/{{t}}/comm").read().strip() for t in tasks))
"""


def threads_after_painting(prepare: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "QT_NO_GUI_THREADPOOL"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    result = subprocess.run(
        [sys.executable, "-c", PAINT_LARGE.format(prepare=prepare)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="threads are listed from /proc (Linux)")
def test_large_paints_stay_on_the_gui_thread() -> None:
    """Qt hands large blits and fills to a thread pool of its own; on two cores that cost a click about
    a millisecond at 1080p and two at 4K. Without the app's set-up the pool's threads appear (so this
    test can tell), with it they do not."""
    assert "Thread (pooled)" in threads_after_painting("")
    assert "Thread (pooled)" not in threads_after_painting(
        "from app.ui.qt_process import prepare_process; prepare_process()"
    )
