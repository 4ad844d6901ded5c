"""Day cursor latency: a real drag of the time course's day cursor (mouse events on the plot
widget's viewport), from each move to the plots AND the signs panel repainted. Median and p95 at
1920x1080 and at 3840x2160 (a HiDPI 4K screen, device pixel ratio 2). Target: p95 <= 16 ms.

The cursor is pressed, then moved day by day (every day up to day 60, then every third day) to
the horizon and back, and released. pyqtgraph drops mouse moves less than 10 ms apart, so the
moves are spaced 12 ms apart (not counted). The clock starts just before a move is delivered and
stops at the last Paint event that any visible scroll-area viewport (the plot, the signs text)
receives while the event loop drains. "signs changed" counts only the moves after which the
expected signs changed, so that the signs panel had to repaint too.

The panels are taken from the main window when it hosts a PlotsPanel; until then the script
builds a minimal window of a SignsPanel and a PlotsPanel side by side on one selection.

    python benchmarks/day_cursor.py [--site internal-capsule-left] [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import offscreen_env, percentile, run_child, summary

CHILD = """
import json, math, sys, time
sys.path.insert(0, {bench!r})
from _window import build_window
from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QTabWidget, QWidget
from app.ui.panels.plots_panel import PlotsPanel
from app.ui.panels.signs_panel import SignsPanel

app, window = build_window({w}, {h})
window.build_panels()
window.side.show_tab_named("course")  # the plots are built when their tab is first shown
for _ in range(3):
    app.processEvents()
plots = window.findChild(PlotsPanel)
host = "main window"
if plots is None:
    host = "minimal window (SignsPanel + PlotsPanel)"
    window.hide()
    pair = QWidget()
    signs = SignsPanel(window.selection)
    plots = PlotsPanel(window.selection)
    layout = QHBoxLayout(pair)
    layout.addWidget(signs, 1)
    layout.addWidget(plots, 1)
    ratio = app.devicePixelRatio() or 1.0
    pair.resize(round({w} / ratio), round({h} / ratio))
    pair.show()
    top = pair
else:
    top = window
    widget = plots
    while widget.parentWidget() is not None:  # bring every tab that holds the plots to the front
        parent = widget.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.indexOf(widget) >= 0:
            tabs.setCurrentWidget(widget)
        widget = parent
plots.show_plot("Time course")
for _ in range(10):
    app.processEvents()

selection = window.selection
selection.select({site!r})
painted = []
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            painted.append((time.perf_counter(), watched.parent().objectName()))
        return False
watch = Watch()
areas = [a for a in top.findChildren(QAbstractScrollArea) if a.isVisible()]
for area in areas:
    area.viewport().installEventFilter(watch)
course = plots.time_course
view, vb = course.widget, course.plot.vb
viewport = view.viewport()
horizon = selection.content.physiology.horizon_days

def drain():
    idle = 0
    while idle < 3:
        before = len(painted)
        app.processEvents()
        idle = idle + 1 if len(painted) == before else 0

def point(day):
    y = sum(vb.viewRange()[1]) / 2
    return view.mapFromScene(vb.mapViewToScene(QPointF(math.sqrt(day), y)))

days = list(range(0, 61)) + list(range(63, horizon + 1, 3))
latencies, changed = [], []
for _ in range({rounds}):
    selection.set_day(0)
    drain()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point(0))
    last = point(0)
    for day in days[1:] + days[::-1]:
        pos = point(day)
        if pos == last:
            continue
        last = pos
        drain()
        time.sleep(0.012)
        painted.clear()
        signs_before = [f.signs for f in selection.findings.findings]
        start = time.perf_counter()
        QTest.mouseMove(viewport, pos)
        drain()
        assert painted, day
        ms = (max(t for t, _ in painted) - start) * 1000
        latencies.append(ms)
        if [f.signs for f in selection.findings.findings] != signs_before:
            assert any(name == "signsText" for _, name in painted), ("signs not repainted", day)
            changed.append(ms)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, last)
    assert selection.day == 0, selection.day
print(json.dumps({{"latencies": latencies, "changed": changed, "host": host, "watched": len(areas)}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="internal-capsule-left")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    bench = str(Path(__file__).resolve().parent)
    print(f"day cursor latency ({args.site}): drag step -> plots and signs repainted, ms")
    target = 16.0
    for (w, h), scale in (((1920, 1080), "1"), ((3840, 2160), "2")):
        env = offscreen_env(QT_SCALE_FACTOR=scale)
        code = CHILD.format(bench=bench, w=w, h=h, rounds=args.rounds, site=args.site)
        data = json.loads(run_child(code, env, timeout=600).strip().splitlines()[-1])
        verdict = "OK" if percentile(data["latencies"], 0.95) <= target else "MISSED"
        print(f"  {w}x{h}, {data['host']} ({data['watched']} views)")
        print(f"    every step:    {summary(data['latencies'])}  target p95 <= {target:g}  {verdict}")
        if data["changed"]:
            print(f"    signs changed: {summary(data['changed'])}")


if __name__ == "__main__":
    main()
