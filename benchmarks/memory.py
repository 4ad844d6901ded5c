"""Memory growth over 2,000 selections (real clicks through the diagram). Target <= 5 MB.

Resident set size is read from /proc/self/status after a warm-up of 200 selections (caches,
fonts, lazily built resources) and again after 2,000 more.

    python benchmarks/memory.py [--selections 2000]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from _common import offscreen_env, run_child

CHILD = """
import gc, json, sys
sys.path.insert(0, {bench!r})
from _window import build_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

app, window = build_window(1920, 1080)
view = window.diagram
sites = [s.id for s in window.content.sites]
positions = {{s: view.part_center(s) for s in sites}}
diseases = [d.id for d in window.content.diseases]

def select(i):
    if i % 10 == 9:
        window.selection.choose_disease(diseases[i % len(diseases)])
    else:
        site = sites[i % len(sites)]
        modifier = Qt.KeyboardModifier.ControlModifier if i % 7 == 3 else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, positions[site])
    app.processEvents()

for i in range(200):
    select(i)
gc.collect()
before = rss_kb()
for i in range({n}):
    select(i)
gc.collect()
app.processEvents()
after = rss_kb()
print(json.dumps({{"before_kb": before, "after_kb": after}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--selections", type=int, default=2000)
    args = parser.parse_args()
    bench = str(Path(__file__).resolve().parent)
    out = run_child(CHILD.format(bench=bench, n=args.selections), offscreen_env(), timeout=900)
    data = json.loads(out.strip().splitlines()[-1])
    growth = (data["after_kb"] - data["before_kb"]) / 1024
    print(f"memory over {args.selections} selections (after 200 warm-up), RSS")
    print(
        f"  before {data['before_kb'] / 1024:.1f} MB  after {data['after_kb'] / 1024:.1f} MB  "
        f"growth {growth:+.2f} MB"
    )
    print(f"  target growth <= 5 MB  {'OK' if growth <= 5 else 'MISSED'}")


if __name__ == "__main__":
    main()
