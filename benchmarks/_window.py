"""Build the real main window in this process (for the in-process benchmarks)."""

from __future__ import annotations

import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The window restores the user's remembered tab and splitter: a benchmark must not depend on them
# (a window left on the Course tab repaints its plots on every click, doubling a click's cost).
os.environ.setdefault("NEURAXIS_CONFIG_DIR", tempfile.mkdtemp(prefix="neuraxis-bench-config-"))

from PySide6.QtWidgets import QApplication

from app import paths
from app.model.cache import load_content_cached
from app.model.geometry import load_geometry
from app.ui import theme
from app.ui.main_window import MainWindow
from app.ui.qt_process import prepare_process


def build_window(width: int, height: int) -> tuple[QApplication, MainWindow]:
    """A shown window of ``width`` x ``height`` device pixels (HiDPI above 1080 lines, like a 4K screen)."""
    prepare_process()  # as launch.run does
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    content = load_content_cached(paths.content_dir(), check_svg=True, cache_dir=paths.cache_dir())
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    window = MainWindow(content, geometry)
    ratio = app.devicePixelRatio() or 1.0
    window.resize(round(width / ratio), round(height / ratio))
    window.show()
    for _ in range(5):
        app.processEvents()
    return app, window
