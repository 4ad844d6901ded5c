"""Memory soak: 10,000 random actions on the real window, resident set size every 1,000.
Target: from step 1,000 to the last step RSS grows at most 10 MB.

The actions, drawn with a fixed seed: real clicks on diagram sites (some with Ctrl, combining
lesions), diseases, days since onset (and back to the established lesion), tabs brought to the
front (the Course tab's plots included), body-map regions asked about (a real click on the region
when the body map is in view), and window resizes among four sizes. The event loop is drained
after each action, so every view repaints as a user would see it. RSS is read from
/proc/self/status in one state each time (the window back at its first size, the Compare tab in
front: a larger window holds larger buffers), after a garbage collection.

    python benchmarks/memory.py [--steps 10000] [--every 1000] [--seed 12]
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

from _common import offscreen_env, run_child

CHILD = """
import gc, json, random, sys
sys.path.insert(0, {bench!r})
from _window import build_window
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

def rss_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])

app, window = build_window(1600, 900)
side = window.build_panels()
for _ in range(5):
    app.processEvents()
rng = random.Random({seed})
view = window.diagram
selection = window.selection
content = window.content
sites = [s.id for s in content.sites]
diseases = [d.id for d in content.diseases]
regions = [(r.id, side_) for r in content.regions for side_ in ("left", "right")]
tabs = [side.tabs.tabText(i) for i in range(side.tabs.count())] + ["Body"]
sizes = [(1600, 900), (1280, 720), (1920, 1080), (1100, 800)]
horizon = content.physiology.horizon_days
CTRL, NONE = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton

def click_site():
    modifier = CTRL if rng.random() < 0.25 else NONE
    QTest.mouseClick(view.viewport(), LEFT, modifier, view.part_center(rng.choice(sites)))

def probe():
    region, side_ = rng.choice(regions)
    body = side.body.view
    if body.isVisible():
        QTest.mouseClick(body.viewport(), LEFT, NONE, body.part_center(f"{{region}}-{{side_}}"))
    else:
        selection.ask_region(region, side_)

ACTIONS = [
    (40, click_site),
    (10, lambda: selection.choose_disease(rng.choice(diseases))),
    (15, lambda: selection.set_day(None if rng.random() < 0.2 else rng.randrange(0, horizon + 1))),
    (10, lambda: side.show_tab_named(rng.choice(tabs))),
    (15, probe),
    (5, lambda: selection.clear()),
    (5, lambda: window.resize(*rng.choice(sizes))),
]
weights = [w for w, _ in ACTIONS]
samples = []
for step in range(1, {steps} + 1):
    rng.choices(ACTIONS, weights)[0][1]()
    for _ in range(2):
        app.processEvents()
    if step % {every} == 0:  # measured in one state: the first size, the Compare tab in front
        window.resize(*sizes[0])
        side.show_tab_named("Compare")
        for _ in range(5):
            app.processEvents()
        gc.collect()
        samples.append((step, rss_kb()))
        print(f"step {{step}}: {{samples[-1][1] / 1024:.1f}} MB", file=sys.stderr, flush=True)
print(json.dumps({{"samples": samples}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=10_000)
    parser.add_argument("--every", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    bench = str(Path(__file__).resolve().parent)
    code = CHILD.format(bench=bench, steps=args.steps, every=args.every, seed=args.seed)
    out = run_child(code, offscreen_env(), timeout=3600)
    samples = json.loads(out.strip().splitlines()[-1])["samples"]
    print(f"memory soak: {args.steps} random actions (seed {args.seed}), RSS every {args.every}")
    for step, kb in samples:
        print(f"  step {step:6d}: {kb / 1024:7.1f} MB")
    first, last = samples[0], samples[-1]
    growth = (last[1] - first[1]) / 1024
    print(
        f"  growth from step {first[0]} to step {last[0]}: {growth:+.1f} MB   target <= 10 MB  "
        f"{'OK' if growth <= 10 else 'MISSED'}"
    )
    steps, sizes = [x for x, _ in samples], [kb / 1024 for _, kb in samples]
    if len(samples) > 2:
        slope = statistics.linear_regression(steps, sizes).slope * 1000
        print(
            f"  trend (least squares): {slope:+.2f} MB per 1,000 steps; highest sample - first: "
            f"{max(sizes) - sizes[0]:+.1f} MB"
        )


if __name__ == "__main__":
    main()
