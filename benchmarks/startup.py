"""Start-up: process start to the first painted frame of the diagram, as a ratio to a bare
PySide6 window that shows the same SVG. Target (issue "Lesion explorer core"): ratio <= 1.5.

Each run is a fresh process. The parent notes time.perf_counter() just before starting it; the
child notes it when the diagram's viewport receives its first Paint event (perf_counter is
CLOCK_MONOTONIC on Linux, so the two clocks agree). Offscreen platform, same window size.
The app's modules are byte-compiled first, as `pip install` does: with PYTHONDONTWRITEBYTECODE
set (as on the development machines) a source checkout would recompile them at every start.
The time until the whole window (panels and menus) is built is printed too.

    python benchmarks/startup.py [--runs 9] [--size 1920x1080]
"""

from __future__ import annotations

import argparse
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from string import Template

from _common import ROOT, offscreen_env, summary

FIRST_PAINT_FILTER = """
import time, sys
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.perf_counter():.6f}", flush=True)
            QApplication.instance().exit(0)
        return False
"""

BARE = (
    FIRST_PAINT_FILTER
    + """
from PySide6.QtCore import QRectF, Qt
from PySide6.QtSvgWidgets import QGraphicsSvgItem
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView
app = QApplication(sys.argv[:1])
view = QGraphicsView()
scene = QGraphicsScene(view)
item = QGraphicsSvgItem($svg)
scene.addItem(item)
view.setScene(scene)
view.resize($w, $h)
view.show()
view.fitInView(item, Qt.AspectRatioMode.KeepAspectRatio)
watch = FirstPaint()
view.viewport().installEventFilter(watch)
sys.exit(app.exec())
"""
)

NEURAXIS = """
import time, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser
import app.cli
from app.ui import launch

class Watch(QObject):
    window = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            if watched is self.window.diagram.viewport():
                print(f"first-paint {time.perf_counter():.6f}", flush=True)
                watched.removeEventFilter(self)
                QTimer.singleShot(0, self.watch_panels)  # queued after the window's own build step
            else:
                print(f"complete {time.perf_counter():.6f}", flush=True)
                QApplication.instance().exit(0)
        return False
    def watch_panels(self):
        self.window.side.signs.findChild(QTextBrowser).viewport().installEventFilter(self)

def shown(window):
    watch.window = window
    window.diagram.viewport().installEventFilter(watch)

watch = Watch()
code = launch.run(content_dir=None, select=[], disease=None, screenshot=None, size=($w, $h), on_shown=shown)
sys.exit(code)
"""


def first_frame_ms(code: str, env: dict[str, str]) -> tuple[float, float]:
    """Milliseconds from process start to the first frame, and to the complete window."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    marks = dict(
        line.split() for line in result.stdout.splitlines() if line.startswith(("first-paint", "complete"))
    )
    if result.returncode != 0 or "first-paint" not in marks:
        raise RuntimeError(f"child failed ({result.returncode}):\n{result.stderr}")
    first = (float(marks["first-paint"]) - start) * 1000
    return first, (float(marks.get("complete", marks["first-paint"])) - start) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    svg = str(ROOT / "assets" / "svg" / "neuraxis.svg")
    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    with tempfile.TemporaryDirectory() as cache:
        env = offscreen_env(NEURAXIS_CACHE_DIR=cache)
        cold, _ = first_frame_ms(Template(NEURAXIS).substitute(w=w, h=h), env)
        bare, ours, complete = [], [], []
        for _ in range(args.runs):  # interleaved, so machine noise hits both alike
            bare.append(first_frame_ms(Template(BARE).substitute(svg=repr(svg), w=w, h=h), env)[0])
            first, whole = first_frame_ms(Template(NEURAXIS).substitute(w=w, h=h), env)
            ours.append(first)
            complete.append(whole)
    ratio = statistics.median(ours) / statistics.median(bare)
    print(f"start-up to first painted frame, {w}x{h}, offscreen, ms")
    print(f"  bare PySide6 + same SVG : {summary(bare)}")
    print(f"  neuraxis (warm cache)   : {summary(ours)}")
    print(f"  neuraxis, whole window  : {summary(complete)}  (panels and menus built and painted)")
    print(f"  neuraxis (cold cache)   : {cold:7.1f}  (first start after the content or SVG changed)")
    print(f"  ratio of medians        : {ratio:.2f}   target <= 1.5  {'OK' if ratio <= 1.5 else 'MISSED'}")


if __name__ == "__main__":
    main()
