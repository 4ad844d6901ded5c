"""A plain start shows the diagram at once (a preview painted from the SVG), then the whole window;
what goes wrong after the first frame is still a dialog and an exit code, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from app import paths
from app.ui import launch
from app.ui.first_frame import DiagramPreview, fitted
from app.ui.main_window import MainWindow
from tests.gui.conftest import dialog_after, yaml_copy

pytestmark = pytest.mark.gui


def ink_box(image: QImage) -> tuple[int, int, int, int]:
    """The bounding box (left, top, right, bottom) of the pixels that are not white."""
    xs, ys = [], []
    step = 2
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            if QColor(image.pixel(x, y)).lightness() < 245:
                xs.append(x)
                ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def test_a_plain_start_paints_the_diagram_first_then_builds_the_window(
    qtbot: QtBot, qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; restored after
    seen: dict[str, object] = {}

    def shown(window: MainWindow) -> None:
        preview = window.diagram_surface()
        seen["preview"] = type(preview).__name__
        preview_size = preview.size()
        seen["preview_at"] = (preview.mapTo(window, QPoint(0, 0)).y(), preview.height())
        seen["preview_image"] = preview.grab().toImage()  # what the first frame shows
        seen["content_then"] = hasattr(window, "selection")

        def attached() -> None:
            if not hasattr(window, "diagram"):  # the content and the real view come a turn later
                QTimer.singleShot(0, attached)
                return
            viewport = window.diagram.viewport()
            seen["same_size"] = viewport.size() == preview_size
            seen["view_image"] = viewport.grab().toImage()  # before the menus arrive
            complete()

        def complete() -> None:
            if window._side is None:  # the panels come a turn after the content
                QTimer.singleShot(20, complete)
                return
            viewport = window.diagram.viewport()
            seen["view_at"] = (viewport.mapTo(window, QPoint(0, 0)).y(), viewport.height())
            seen["surface"] = window.diagram_surface() is viewport
            seen["tabs"] = window.side.tabs.count()
            seen["title"] = window.windowTitle()
            window.close()

        QTimer.singleShot(0, attached)

    code = launch.run(
        content_dir=None, select=[], disease=None, screenshot=None, size=(1280, 720), on_shown=shown
    )
    assert code == 0
    assert seen["preview"] == DiagramPreview.__name__
    assert seen["content_then"] is False, "the first frame comes before the content is read"
    assert seen["surface"] is True
    assert seen["tabs"] == 8
    assert seen["title"] == "Neuraxis"
    preview_image, view_image = seen["preview_image"], seen["view_image"]
    assert isinstance(preview_image, QImage)
    assert isinstance(view_image, QImage)
    # The menu bar is in the first frame: when the menus and panels come, the diagram stays where it
    # was (it moved down by the menu bar's height; a pixel or two is the font, themed after the frame).
    preview_at, view_at = seen["preview_at"], seen["view_at"]
    assert isinstance(preview_at, tuple)
    assert isinstance(view_at, tuple)
    assert preview_at[0] > 0, "below the menu bar"
    assert abs(view_at[0] - preview_at[0]) <= 3
    assert abs(view_at[1] - preview_at[1]) <= 3
    # The preview draws the diagram where the real view then draws it.
    left, top, right, bottom = ink_box(preview_image)
    assert right - left > preview_image.width() / 3
    assert bottom - top > preview_image.height() * 0.8
    assert seen["same_size"] is True
    for ours, theirs in zip(ink_box(preview_image), ink_box(view_image), strict=True):
        assert abs(ours - theirs) <= 4


@pytest.mark.parametrize("select", [[], ["radial-nerve-left"]])  # a plain start, and one naming a site
def test_a_window_keeps_large_buffers_returnable_and_a_screenshot_leaves_malloc_alone(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, select: list[str]
) -> None:
    """The window fixes glibc's threshold (app.ui.memory) once, and on a plain start only after its
    first frame (it loads ctypes); a screenshot, which paints once and exits, never does."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; restored after
    calls: list[bool] = []

    def fix_threshold() -> bool:
        calls.append(True)
        return True

    monkeypatch.setattr(launch, "keep_large_buffers_returnable", fix_threshold)
    at_first_frame: list[int] = []

    def shown(window: MainWindow) -> None:
        at_first_frame.append(len(calls))

        def close_once_read() -> None:  # (a plain start reads the content after the first frame)
            if not hasattr(window, "diagram"):
                QTimer.singleShot(10, close_once_read)
                return
            window.close()

        QTimer.singleShot(0, close_once_read)

    code = launch.run(
        content_dir=None, select=select, disease=None, screenshot=None, size=(1280, 720), on_shown=shown
    )
    assert code == 0
    assert calls == [True]
    assert at_first_frame == ([0] if not select else [1])
    calls.clear()
    shot = tmp_path / "shot.png"
    code = launch.run(content_dir=None, select=select, disease=None, screenshot=shot, size=(1280, 720))
    assert code == 0
    assert shot.stat().st_size > 0
    assert calls == []


def test_the_preview_fits_and_centres_like_the_view() -> None:
    box = QRectF(0, 0, 1150, 1130)
    tall = fitted(box, 500, 900)
    assert tall.width() == pytest.approx(500)
    assert tall.top() == pytest.approx((900 - 1130 * 500 / 1150) / 2)
    wide = fitted(box, 1600, 565)
    assert wide.height() == pytest.approx(565)
    assert wide.left() == pytest.approx((1600 - 575) / 2)
    assert fitted(box, 0, 500).isEmpty()


def test_broken_content_after_the_first_frame_is_a_dialog_and_exit_1(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bundled content itself broken (a plain start reads it after the first frame)."""
    broken = yaml_copy(tmp_path / "content")
    signs = broken / "signs.yaml"
    signs.write_text(signs.read_text() + "\n  - {id: [unclosed\n")
    monkeypatch.setattr(paths, "content_dir", lambda: broken)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    previews: list[bool] = []
    windows: list[MainWindow] = []

    def shown(window: MainWindow) -> None:
        previews.append(isinstance(window.diagram_surface(), DiagramPreview))
        windows.append(window)

    code, seen = dialog_after(
        lambda: launch.run(
            content_dir=None, select=[], disease=None, screenshot=None, size=(1280, 720), on_shown=shown
        )
    )
    assert code == 1
    assert previews == [True]
    assert seen, "a dialog was shown"
    assert seen[0].startswith("The content could not be loaded")
    assert f"{signs}:" in seen[0]
    assert "Traceback" not in seen[0]
    assert not isValid(windows[0]) or not windows[0].isVisible(), "the window went with the message"
