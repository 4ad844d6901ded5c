"""The window against hostile input (issue 12, items 6, 7, 9 and 13): every start-up failure in a
dialog, a text zoom that stays readable and comes back, content text never taken for markup, an
error log that does not grow without end, and a test run that leaves no cache folder behind."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.errorlog import MAX_LOG_BYTES, append_error
from app.model.cache import load_content_cached
from app.model.content import Content
from app.ui import launch
from app.ui.panels.body_map import BodyMapPanel
from app.ui.panels.richtext import MIN_SMALL_PX, RichBrowser
from app.ui.selection import SelectionModel
from tests.gui.conftest import dialog_after, open_main_window
from tests.hostile.conftest import ROOT, copy_content

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("cache")]


def start(directory: Path | None) -> int:
    return launch.run(content_dir=directory, select=[], disease=None, screenshot=None, size=None)


# --- item 6: a dialog for every start-up failure ----------------------------------------------------


def test_an_unexpected_start_up_failure_opens_a_dialog_and_is_logged(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch, cache: Path
) -> None:
    """An SVG that broke the geometry went only to stderr (RecursionError, exit 3): the window the
    user started from a menu just did not appear."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)

    def broken(*_args: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr("app.model.geometry.parse_geometry", broken)
    code, seen = dialog_after(lambda: start(None))
    assert code == 3
    assert len(seen) == 1
    assert seen[0].startswith("Neuraxis could not start")
    assert "RecursionError: maximum recursion depth exceeded" in seen[0]
    log = cache / launch.LOG_NAME
    assert f"Details were written to {log}." in seen[0]
    assert "Traceback" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("drawing", [False, True], ids=["YAML", "SVG"])
def test_hostile_content_opens_a_dialog_naming_file_and_line(
    drawing: bool, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    folder = copy_content(tmp_path / "content")
    if drawing:
        path = folder / "neuraxis.svg"
        path.write_text(path.read_text().replace('viewBox="', 'viewBox="0 0 NaN 1 " data-was="', 1))
    else:
        path = folder / "physiology.yaml"
        path.write_text(path.read_text().replace("amplitude:", "amplitude: .inf #", 1))
    code, seen = dialog_after(lambda: start(folder))
    assert code == 1
    assert seen[0].startswith("The content could not be loaded")
    assert f"{path}:" in seen[0]
    assert "finite" in seen[0]


# --- item 7: Ctrl+wheel on a text panel ------------------------------------------------------------


def wheel(widget: QWidget, delta: int) -> None:
    center = QPointF(widget.rect().center())
    event = QWheelEvent(
        center,
        widget.mapToGlobal(center),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,  # noqa: FBT003 - Qt's signature
    )
    QApplication.sendEvent(widget, event)


def test_ctrl_wheel_keeps_text_readable_and_ctrl_0_restores_it(qtbot: QtBot, content: Content) -> None:
    """One event with a huge delta set the text to 1 pt, Qt then warned "Point size <= 0" on every
    event (a warning fails this test), and Ctrl+0 did not bring it back."""
    window = open_main_window(qtbot, content, 1280, 720)
    browser = window.findChild(RichBrowser, "signsText")
    assert browser is not None
    normal = browser.fontInfo().pixelSize()
    wheel(browser.viewport(), -(2**31))
    assert browser.fontInfo().pixelSize() >= MIN_SMALL_PX
    wheel(browser.viewport(), 2**31 - 1)
    assert normal < browser.fontInfo().pixelSize() <= 3.2 * normal
    for _ in range(5):
        wheel(browser.viewport(), 120)
    assert browser.fontInfo().pixelSize() <= 3.2 * normal
    assert browser.hasFocus()
    zoom = window.diagram.zoom
    qtbot.keyClick(browser, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert browser.fontInfo().pixelSize() == normal
    assert browser.text_zoom == 0
    assert window.diagram.zoom == zoom


def test_a_huge_ctrl_wheel_on_the_diagram(qtbot: QtBot, content: Content) -> None:
    """The zoom factor was raised to the number of wheel steps: 2**31 / 120 of them overflowed."""
    window = open_main_window(qtbot, content, 1280, 720)
    view = window.diagram
    wheel(view.viewport(), 2**31 - 1)
    big = view.zoom
    wheel(view.viewport(), -(2**31))
    assert big > 1.0
    assert view.zoom == 1.0


# --- item 9: content text is never markup -----------------------------------------------------------


def test_the_body_map_key_shows_content_text_as_written(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lesion type's ``short`` was rendered as rich text: an ``<img>`` in it loaded a local file."""
    probe = tmp_path / "probe.png"
    image = QImage(40, 400, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(probe))
    folder = copy_content(tmp_path / "content")
    body = folder / "body.yaml"
    text = body.read_text(encoding="utf-8")
    short = f'short: "<img src=\\"{probe.as_uri()}\\"><b>UMN</b>"'
    body.write_text(text.replace("short: UMN", short, 1), encoding="utf-8")
    content = load_content_cached(folder, cache_dir=None)
    monkeypatch.setattr(paths, "svg_dir", paths.svg_dir)
    panel = BodyMapPanel(SelectionModel(content))
    qtbot.addWidget(panel)
    labels = [w for w in panel.findChildren(QLabel) if w.accessibleName().startswith("Key: <img")]
    assert labels, "the lesion type's own entry (and the one pairing it with sensory loss)"
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert "<b>UMN</b>" in label.text()
        assert label.sizeHint().height() < 200, "the 400 px image was not loaded"


# --- item 13: logs and test folders that do not pile up ---------------------------------------------


def test_the_error_log_is_rotated(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every unexpected error appended its traceback to neuraxis-error.log, without end."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    log = cache / launch.LOG_NAME
    log.write_text("x" * (10 * MAX_LOG_BYTES))
    launch._install_excepthook(to_stderr=True)
    error = ValueError("a bug" + "!" * 20_000)
    for _ in range(50):
        sys.excepthook(ValueError, error, None)
    sizes = [p.stat().st_size for p in cache.glob(launch.LOG_NAME + "*")]
    assert len(sizes) == 2
    assert all(size <= MAX_LOG_BYTES for size in sizes)
    assert "a bug" in log.read_text()


def test_the_error_log_never_writes_through_a_pipe_or_a_link(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.log"
    os.mkfifo(pipe)
    with pytest.raises(OSError, match=r"No such device|not a regular file"):
        append_error(pipe, "text")  # opened for writing without a reader, it would wait forever
    target = tmp_path / "elsewhere"
    link = tmp_path / "link.log"
    link.symlink_to(target)
    with pytest.raises(OSError, match="symbolic links"):
        append_error(link, "text")
    assert not target.exists()


def test_a_test_run_leaves_no_cache_folder_behind(tmp_path: Path) -> None:
    """Every run left a /tmp/neuraxis-test-cache-* folder."""
    env = {k: v for k, v in os.environ.items() if k not in ("NEURAXIS_CACHE_DIR", "NEURAXIS_CONFIG_DIR")}
    env["TMPDIR"] = str(tmp_path)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/model/test_state.py::test_stops_can_be_a_lesson",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not list(tmp_path.glob("neuraxis-test-*"))


def test_names_from_the_content_are_never_markup_anywhere(qtbot: QtBot, tmp_path: Path) -> None:
    """The same for the diagram's tooltips, the status bar, and the plots' legends and axis labels
    (pyqtgraph's labels are HTML): names with markup in them show as written."""
    from PySide6.QtWidgets import QGraphicsTextItem

    from app.ui.diagram.items import SiteItem
    from app.ui.panels.plots_panel import PlotsPanel

    folder = copy_content(tmp_path / "content")
    edits = {
        "body.yaml": ("short: UMN", 'short: "<b>UMN</b>"'),
        "sites.yaml": ('name: "$Side internal capsule"', 'name: "<i>$Side</i> internal capsule"'),
        "physiology.yaml": ("axis: Tone", 'axis: "<u>Tone</u>"'),
        "physiology.yaml ": ("name: Spastic (UMN)", 'name: "<s>Spastic</s> (UMN)"'),
    }
    for name, (old, new) in edits.items():
        path = folder / name.strip()
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    content = load_content_cached(folder, cache_dir=None)
    window = open_main_window(qtbot, content, 1280, 720)
    window.selection.set_sites(["internal-capsule-left"])

    [site] = [
        i
        for i in window.diagram.scene().items()
        if isinstance(i, SiteItem) and i.site_id == "internal-capsule-left"
    ]
    assert site.toolTip() == "<p>&lt;i&gt;Left&lt;/i&gt; internal capsule</p>", "shown literally"
    window._show_hover(content.sites_by_id["internal-capsule-left"].name)
    status = window.findChild(QLabel, "statusText")
    assert status is not None
    assert status.textFormat() == Qt.TextFormat.PlainText
    assert status.text().startswith("<i>Left</i> internal capsule")

    window.side.show_tab_named("course")
    plots = window.side.page("Course", PlotsPanel)
    scene = plots.time_course.widget.scene()
    shown = [i.toPlainText().strip() for i in scene.items() if isinstance(i, QGraphicsTextItem)]
    assert "<b>UMN</b>" in shown, "the legend shows the name as written"
    assert "<u>Tone</u>" in shown, "so does the axis label"
    assert "Days since onset (early days stretched) \u00b7 schematic" in shown, "the app's own markup kept"
    plots.tabs.setCurrentIndex(1)
    tone = [i.toPlainText() for i in plots.tone.widget.scene().items() if isinstance(i, QGraphicsTextItem)]
    assert any(text.startswith("<s>Spastic</s>") for text in tone), tone


def test_the_find_field_repeats_what_was_typed_as_typed(qtbot: QtBot, content: Content) -> None:
    """Ctrl+F says "Nothing is called ..." with the words typed: never taken for markup."""
    window = open_main_window(qtbot, content, 1280, 720)
    window.diagram.setFocus()
    qtbot.keyClick(window.diagram, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    popup = window.find_popup
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClicks(popup.field, "<b>zzz</b>")
    assert popup.hint.textFormat() == Qt.TextFormat.PlainText
    assert "\u201c<b>zzz</b>\u201d" in popup.hint.text()
