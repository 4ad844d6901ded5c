#!/usr/bin/env python3
"""Render the study modes as a student sees them, for docs/img (optional; the app never needs it).

Usage:
    python tools/study_screenshots.py [--out docs/img]

Writes quiz-feedback.png (find the lesion after a miss, with a hint), case.png (a clinical case, its
history), localise.png (reverse localisation with two findings ticked) and review.png (a review card
with its answer shown), each from the real window at 1600x900, offscreen, with a throw-away progress
store and settings folder.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["NEURAXIS_DATA_DIR"] = tempfile.mkdtemp(prefix="neuraxis-shots-data-")
os.environ["NEURAXIS_CONFIG_DIR"] = tempfile.mkdtemp(prefix="neuraxis-shots-config-")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app import paths
from app.model.geometry import load_geometry
from app.model.loader import load_content
from app.ui import theme
from app.ui.main_window import MainWindow
from app.ui.study import install


def window_at(content: object) -> MainWindow:
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())  # type: ignore[attr-defined]
    window = MainWindow(content, geometry)  # type: ignore[arg-type]
    window.resize(1600, 900)
    window.show()
    window.build_panels()
    for _ in range(3):
        QApplication.processEvents()
    return window


def click_site(window: MainWindow, site: str) -> None:
    view = window.diagram
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(site))


def settle_and_save(window: MainWindow, path: Path) -> None:
    for _ in range(3):
        QApplication.processEvents()
    window.grab().save(str(path))
    print(path)
    window.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("docs/img"))
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    theme.apply(app)
    content = load_content()

    window = window_at(content)
    quiz = install.open_find_lesion(window, level=2, seed=1)
    question = quiz.bank.question(2, ("hemisection-c5-right",), None)
    assert quiz.session is not None
    quiz.session.questions[0] = question
    window.selection.set_stops(quiz.session.stops())
    window.selection.go_to(0)
    quiz.hint()
    click_site(window, "lateral-corticospinal-c5-right")
    quiz.check()
    settle_and_save(window, args.out / "quiz-feedback.png")

    window = window_at(content)
    install.open_cases(window, "wallenberg-syndrome")
    settle_and_save(window, args.out / "case.png")

    window = window_at(content)
    localise = install.open_localise(window)
    for atom in (("eye", "left", "sign", "eye-down-and-out"), ("arm", "right", "sign", "spasticity")):
        localise.item(atom).setCheckState(0, Qt.CheckState.Checked)
    settle_and_save(window, args.out / "localise.png")

    window = window_at(content)
    review = install.open_review(window)
    review.queue.insert(0, "syndrome:weber-left")
    review._show_card()
    QTest.mouseClick(review.show_button, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    settle_and_save(window, args.out / "review.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
