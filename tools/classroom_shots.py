"""Renders the classroom pictures of the README (docs/img/): presentation mode at 1280x720, a
predict-then-reveal sequence, and a handout page (needs pdftoppm from poppler-utils).

    python tools/classroom_shots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("NEURAXIS_CONFIG_DIR", tempfile.mkdtemp(prefix="neuraxis-shots-"))

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from app import paths
from app.model.cache import load_content_cached
from app.model.geometry import load_geometry
from app.model.state import Hide
from app.ui import theme
from app.ui.classroom.presentation import Presentation
from app.ui.main_window import MainWindow

SITE = "internal-capsule-left"
SIZE = QSize(1280, 720)


def main(out: Path) -> None:
    app = QApplication(sys.argv[:1])
    theme.apply(app)
    content = load_content_cached(paths.content_dir(), cache_dir=paths.cache_dir())
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    window = MainWindow(content, geometry)
    window.resize(SIZE)
    window.show()
    window.build_panels()
    window.selection.select(SITE)
    presentation = window.findChild(Presentation)
    assert presentation is not None
    presentation.enter(SIZE, full_screen=False)
    window.resize(SIZE)

    def shot(name: str) -> None:
        for _ in range(4):
            app.processEvents()
        window.grab().toImage().save(str(out / name))
        print(out / name)

    shot("presentation.png")
    window.selection.set_hide(Hide.FINDINGS)
    shot("reveal-1-hidden.png")
    for _ in range(3):
        window.selection.reveal_next()
    shot("reveal-2-three-regions.png")
    window.selection.reveal_all()
    shot("reveal-3-all.png")
    window.close()
    pdf = out / "handout.pdf"
    subprocess.run(
        [sys.executable, "-m", "app", "handout", "--lesson", "umn-vs-lmn", "--out", str(pdf)], check=True
    )
    subprocess.run(
        ["pdftoppm", "-r", "80", "-f", "1", "-l", "1", "-png", "-singlefile", str(pdf), str(out / "handout")],
        check=True,
    )
    pdf.unlink()
    print(out / "handout.png")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "docs" / "img")
