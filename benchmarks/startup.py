"""Start-up, whole process, as a ratio to a bare PySide6 program showing the same SVG.

Two figures, each the median over interleaved runs of the ratio Neuraxis / bare of one pair of runs
(machine noise hits both members of a pair alike):

* **complete window**: the wall time of the whole process ``neuraxis --screenshot x.png --size
  1280x720`` (every panel built, laid out and painted, the PNG written, the process gone), against a
  bare program that shows a ``QSvgWidget`` of ``assets/svg/neuraxis.svg`` at the same size, grabs
  it to a PNG and exits. Target <= 1.5.
* **first frame**: from the process start to the first Paint of the diagram in the window as a user
  starts it (``neuraxis --size WxH``: the command line's ``main``, offscreen; on a plain start the
  diagram's preview, see ``app/ui/first_frame.py``), against the bare program's first Paint of its
  ``QSvgWidget``. Target <= 1.2.

The parent notes ``time.perf_counter()`` just before starting each child; a child prints it when
the first Paint arrives (perf_counter is CLOCK_MONOTONIC on Linux, so the clocks agree). The app's
modules are byte-compiled first, as ``pip install`` does (these machines set
PYTHONDONTWRITEBYTECODE). The content cache is warm (one cold run first, reported apart).

    python benchmarks/startup.py [--runs 15] [--size 1280x720]
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from string import Template

from _common import ROOT, offscreen_env, summary

BARE_FIRST = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint {time.perf_counter():.6f}", flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv[:1])
widget = QSvgWidget($svg)
widget.resize($w, $h)
watch = FirstPaint()
widget.installEventFilter(watch)
widget.show()
sys.exit(app.exec())
"""

BARE_COMPLETE = """
import sys
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
widget = QSvgWidget($svg)
widget.resize($w, $h)
widget.show()
for _ in range(3):
    app.processEvents()
if not widget.grab().save($out):
    sys.exit(1)
"""

NEURAXIS_FIRST = """
import sys, time
from app.cli import parse

# What ``neuraxis --size WxH`` runs (app.cli.entry: parse, then launch.run), in its order: the
# command line is parsed before Qt is imported. (Importing Qt first would bill this program for
# PySide's import hook, which reads the source of every module imported after Qt, our command
# line's modules included: a cost the real program does not pay.)
args = parse(["--size", "${w}x${h}"])
from app.ui import launch
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    widget = None
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is self.widget:
            print(f"first-paint {time.perf_counter():.6f}", flush=True)
            QApplication.instance().exit(0)
        return False

def shown(window):  # the widget that shows the diagram: on a plain start, its preview
    watch.widget = window.diagram_surface()
    watch.widget.installEventFilter(watch)

# launch.run with on_shown added to watch the diagram's widget alone (a filter on the whole
# application sees every event of every object, in Python: it added some 28 ms before the first
# paint).
watch = FirstPaint()
code = launch.run(
    content_dir=args.content if hasattr(args, "content") else None,
    select=args.select,
    disease=args.disease,
    screenshot=None,
    size=args.size,
    on_shown=shown,
)
sys.exit(code)
"""


def first_paint_ms(code: str, env: dict[str, str]) -> float:
    """Milliseconds from starting the process to its first Paint."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    marks = dict(line.split() for line in result.stdout.splitlines() if line.startswith("first-paint"))
    if result.returncode != 0 or "first-paint" not in marks:
        raise RuntimeError(f"child failed ({result.returncode}):\n{result.stderr}")
    return (float(marks["first-paint"]) - start) * 1000


def whole_ms(argv: list[str], env: dict[str, str], out: Path) -> float:
    """Milliseconds from starting the process to its exit; it must have written ``out``."""
    out.unlink(missing_ok=True)
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=False)
    elapsed = (time.perf_counter() - start) * 1000
    if result.returncode != 0 or not out.is_file() or out.stat().st_size == 0:
        raise RuntimeError(f"{argv[:3]} failed ({result.returncode}):\n{result.stderr}")
    return elapsed


def neuraxis_command() -> list[str]:
    """The installed ``neuraxis`` script of this interpreter's environment, else ``python -m app``."""
    script = Path(sys.executable).with_name("neuraxis")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "app"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--size", default="1280x720")
    args = parser.parse_args()
    w, h = (int(v) for v in args.size.split("x"))
    svg = str(ROOT / "assets" / "svg" / "neuraxis.svg")
    compileall.compile_dir(str(ROOT / "app"), quiet=1)
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        env = offscreen_env(NEURAXIS_CACHE_DIR=str(tmp / "cache"))
        ours_out, bare_out = tmp / "neuraxis.png", tmp / "bare.png"
        ours_argv = [*neuraxis_command(), "--screenshot", str(ours_out), "--size", args.size]
        bare_argv = [
            sys.executable,
            "-c",
            Template(BARE_COMPLETE).substitute(svg=repr(svg), w=w, h=h, out=repr(str(bare_out))),
        ]
        first_ours = Template(NEURAXIS_FIRST).substitute(w=w, h=h)
        first_bare = Template(BARE_FIRST).substitute(svg=repr(svg), w=w, h=h)
        cold = whole_ms(ours_argv, env, ours_out)
        whole_ms(bare_argv, env, bare_out)  # warm the page cache for the bare program too
        bare_whole, ours_whole, bare_first, ours_first = [], [], [], []
        for _ in range(args.runs):  # interleaved pairs
            bare_whole.append(whole_ms(bare_argv, env, bare_out))
            ours_whole.append(whole_ms(ours_argv, env, ours_out))
            bare_first.append(first_paint_ms(first_bare, env))
            ours_first.append(first_paint_ms(first_ours, env))
        shutil.rmtree(tmp / "cache", ignore_errors=True)
    whole_ratio = statistics.median(o / b for o, b in zip(ours_whole, bare_whole, strict=True))
    first_ratio = statistics.median(o / b for o, b in zip(ours_first, bare_first, strict=True))
    print(f"start-up, whole process, {w}x{h}, offscreen, ms ({args.runs} interleaved pairs)")
    print(f"  complete window: bare QSvgWidget -> PNG  : {summary(bare_whole)}")
    print(f"                   neuraxis --screenshot   : {summary(ours_whole)}")
    print(
        f"                   median of ratios        : {whole_ratio:.2f}   target <= 1.5  "
        f"{'OK' if whole_ratio <= 1.5 else 'MISSED'}"
    )
    print(f"  first frame:     bare QSvgWidget         : {summary(bare_first)}")
    print(f"                   neuraxis window         : {summary(ours_first)}")
    print(
        f"                   median of ratios        : {first_ratio:.2f}   target <= 1.2  "
        f"{'OK' if first_ratio <= 1.2 else 'MISSED'}"
    )
    print(f"  neuraxis --screenshot, cold content cache: {cold:7.1f}")


if __name__ == "__main__":
    main()
