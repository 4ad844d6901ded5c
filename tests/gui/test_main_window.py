"""The whole window, driven like a user: real clicks at real diagram positions, real keys."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui import launch
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.panels.details_panel import SiteDetailsPanel
from app.ui.panels.diseases_panel import DiseasesPanel
from app.ui.panels.sites_tree import SitesTree
from app.ui.side_panels import LazyPage
from tests.gui.conftest import dialog_after, open_main_window, yaml_copy

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    return open_main_window(qtbot, content, 1280, 720)


def click_site(qtbot: QtBot, window: MainWindow, site_id: str, *, ctrl: bool = False) -> None:
    view = window.diagram
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.part_center(site_id))


def show_tab(window: MainWindow, title: str) -> QWidget:
    for index in range(window.side.tabs.count()):
        if window.side.tabs.tabText(index) == title:
            window.side.tabs.setCurrentIndex(index)
            page = window.side.tabs.widget(index)
            assert page is not None
            return page
    raise AssertionError(title)


def sites_list(window: MainWindow) -> SitesTree:
    page = window.show_sites_list()
    assert isinstance(page, LazyPage)
    return page.panel(SitesTree)


def region_pixels(window: MainWindow, site_id: str) -> QImage:
    view = window.diagram
    rect = view.mapFromScene(view.item(site_id).path().boundingRect()).boundingRect()
    return view.viewport().grab(rect.adjusted(-6, -6, 6, 6)).toImage()


def test_clicking_a_site_updates_every_panel(qtbot: QtBot, window: MainWindow) -> None:
    before_pixels = region_pixels(window, "internal-capsule-left")
    assert "Click a lesion site" in window.side.signs.text()
    assert window.side.comparison.highlighted_columns() == ()

    click_site(qtbot, window, "internal-capsule-left")

    assert window.selection.sites == ("internal-capsule-left",)
    assert window.windowTitle() == "Left internal capsule \u2014 Neuraxis"
    assert region_pixels(window, "internal-capsule-left") != before_pixels, "the diagram shows the selection"
    signs = window.side.signs.text()
    assert signs.startswith("Left internal capsule")
    assert "Right side of the body" in signs
    assert "Left side of the body" not in signs
    assert window.side.comparison.header_label("UMN") == "\u25bc UMN"
    show_tab(window, "Diseases")
    assert "stroke" in window.side.page("Diseases", DiseasesPanel).shown_diseases()
    assert "bell-palsy" not in window.side.page("Diseases", DiseasesPanel).shown_diseases()
    show_tab(window, "Site")
    details = window.side.page("Site", SiteDetailsPanel).text()
    assert details.startswith("Left internal capsule")
    assert "Posterior limb of the internal capsule" in details
    assert sites_list(window).selected_sites() == ("internal-capsule-left",)

    click_site(qtbot, window, "facial-nerve-right")
    assert window.selection.sites == ("facial-nerve-right",)
    assert window.side.signs.text().startswith("Right facial nerve")
    assert "Upper face" in window.side.signs.text()
    assert window.side.comparison.header_label("LMN") == "\u25bc LMN"
    assert window.side.comparison.header_label("UMN") == "UMN"
    assert sites_list(window).selected_sites() == ("facial-nerve-right",)
    show_tab(window, "Diseases")
    assert "bell-palsy" in window.side.page("Diseases", DiseasesPanel).shown_diseases()


def test_ctrl_click_combines_sites_and_escape_clears(qtbot: QtBot, window: MainWindow) -> None:
    click_site(qtbot, window, "motor-cortex-face-arm-left")
    click_site(qtbot, window, "anterior-horn-c5-right", ctrl=True)
    assert window.selection.sites == ("motor-cortex-face-arm-left", "anterior-horn-c5-right")
    assert window.side.comparison.highlighted_columns() == ("UMN", "LMN")
    arm = window.side.signs.text().split("\nArm", 1)[1]
    assert "UMN:" in arm
    assert "LMN:" in arm

    click_site(qtbot, window, "motor-cortex-face-arm-left", ctrl=True)  # Ctrl+click again removes it
    assert window.selection.sites == ("anterior-horn-c5-right",)

    qtbot.keyClick(window.diagram, Qt.Key.Key_Escape)
    assert window.selection.sites == ()
    assert "Click a lesion site" in window.side.signs.text()
    assert window.windowTitle() == "Neuraxis"


def test_keyboard_moves_a_visible_focus_along_the_neuraxis(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    order = [s.id for s in window.content.sites]
    window.side.signs.setFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.focused == order[0]
    assert view.item(order[0]).state & SiteState.FOCUSED
    assert view.label_text == window.content.sites_by_id[order[0]].name

    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.focused == order[1]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused == order[2]
    assert view.hasFocus(), "Tab steps through the sites before leaving the diagram"
    assert window.selection.sites == ()

    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.selection.sites == (order[2],)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    assert window.selection.sites == (order[2], order[3])

    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.focused == order[-1]
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert not view.hasFocus(), "Tab leaves the diagram after the last site"


def test_mouse_click_shows_no_focus_ring(qtbot: QtBot, window: MainWindow) -> None:
    click_site(qtbot, window, "basis-pontis-left")
    view = window.diagram
    assert not view.item("basis-pontis-left").state & SiteState.FOCUSED
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the keyboard takes over from the clicked site
    order = [s.id for s in window.content.sites]
    after = order[order.index("basis-pontis-left") + 1]
    assert view.focused == after
    assert view.item(after).state & SiteState.FOCUSED


def test_page_keys_step_the_selection_like_a_presenter_clicker(qtbot: QtBot, window: MainWindow) -> None:
    order = [s.id for s in window.content.sites]
    view = window.diagram
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert window.selection.sites == (order[0],)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert window.selection.sites == (order[2],)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)
    assert window.selection.sites == (order[1],)
    assert window.side.signs.text().startswith(window.content.sites_by_id[order[1]].name)


def test_hover_highlights_a_site_and_shows_its_name(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    qtbot.mouseMove(view.viewport(), view.part_center("radial-nerve-left"))
    qtbot.waitUntil(lambda: view.hovered == "radial-nerve-left")
    assert view.label_text == "Left radial nerve"
    assert view.item("radial-nerve-left").state & SiteState.HOVERED
    assert "Left radial nerve" in window.statusBar().findChild(QWidget, "statusText").text()  # type: ignore[union-attr]
    qtbot.mouseMove(view.viewport(), QPoint(3, 3))  # white margin, no site
    qtbot.waitUntil(lambda: view.hovered is None)
    assert view.label_text == ""
    assert window.selection.sites == (), "hovering never selects"


def test_zoom_with_keys_and_ctrl_wheel(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom > 1.2
    scale_in = view.transform().m11()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == pytest.approx(1.0)
    assert view.transform().m11() < scale_in
    center = QPointF(view.viewport().rect().center())
    wheel = QWheelEvent(
        center,
        view.viewport().mapToGlobal(center),
        QPoint(0, 0),
        QPoint(0, 240),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,  # noqa: FBT003 - Qt's signature
    )
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.zoom == pytest.approx(1.25**2)
    click_site(qtbot, window, view.focused or "internal-capsule-right")  # zoomed sites stay clickable
    assert window.selection.sites
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom == 1.0


def test_choosing_a_disease_highlights_all_its_sites(qtbot: QtBot, window: MainWindow) -> None:
    panel = show_tab(window, "Diseases")
    diseases = window.side.page("Diseases", DiseasesPanel)
    qtbot.waitExposed(panel)
    listing = diseases.list_widget()
    item = diseases.item_for("als")
    assert item is not None
    listing.scrollToItem(item)
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center())
    assert window.selection.disease == "als"
    view = window.diagram
    for site_id in window.content.diseases_by_id["als"].sites:
        state = view.item(site_id).state
        assert state & (SiteState.SELECTED | SiteState.DISEASE), site_id
    assert view.item("lateral-corticospinal-t6-left").state & SiteState.DISEASE
    assert not view.item("lateral-corticospinal-t6-left").state & SiteState.SELECTED
    assert not view.item("facial-nerve-left").state
    assert window.side.signs.text().startswith("Amyotrophic lateral sclerosis (ALS)")
    assert "Amyotrophic lateral sclerosis" in diseases.details_text()
    click_site(qtbot, window, "facial-nerve-left")  # a plain click leaves the disease
    assert window.selection.disease is None
    assert not view.item("lateral-corticospinal-t6-left").state


def test_sites_tree_mirrors_the_diagram(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.sites_dock.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F9)  # View > Sites list
    assert window.sites_dock.isVisible()
    tree = sites_list(window)
    qtbot.waitExposed(tree)
    item = tree.item_for("medullary-pyramid-right")
    tree.scrollToItem(item)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(item).center())
    assert window.selection.sites == ("medullary-pyramid-right",)
    assert window.diagram.item("medullary-pyramid-right").state & SiteState.SELECTED
    assert window.side.signs.text().startswith("Right medullary pyramid")


def test_all_tabs_fit_at_projector_size(window: MainWindow) -> None:
    bar = window.side.tabs.tabBar()
    assert bar.sizeHint().width() <= window.side.tabs.width(), "no tab scroll arrows at 1280x720"


def test_body_map_is_a_tab_on_a_small_screen_and_beside_the_signs_on_a_large_one(
    qtbot: QtBot, window: MainWindow
) -> None:
    side = window.side
    assert not side.body_beside_signs, "at 1280x720 the signs keep their width"
    assert side.tabs.tabText(0) == "Body"
    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: side.body_beside_signs)
    assert side.tabs.tabText(0) != "Body"
    assert side.body.isVisible()
    assert side.body.x() < side.signs.x(), "the body map sits left of the signs"
    window.side.signs.setFocus()
    click_site(qtbot, window, "internal-capsule-left")
    assert "right arm" in side.body.view.accessibleDescription().lower()


# --- the command line around the window --------------------------------------------------------------


def run_app(*argv: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    return run_python("-m", "app", *argv, timeout=timeout)


def run_python(*argv: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    """A fresh Python process in the repository (``-c CODE``, ``-m app``...), as the command runs."""
    return subprocess.run(
        [sys.executable, *argv], cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.parametrize("size", [(1280, 720), (3840, 2160)])
def test_screenshot_renders_the_window_offscreen(tmp_path: Path, size: tuple[int, int]) -> None:
    out = tmp_path / "shot.png"
    result = run_app(
        "--screenshot", str(out), "--size", f"{size[0]}x{size[1]}", "--select", "internal-capsule-left"
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    grid = [
        image.pixelColor(image.width() * i // 20, image.height() * j // 20)
        for i in range(1, 20)
        for j in range(1, 20)
    ]
    assert sum(c.lightness() > 240 for c in grid) > len(grid) // 2, "a white, projector-friendly window"
    assert len({c.rgb() for c in grid}) > 10, "not a blank image"


AT_THE_PICTURE = """
import sys
from PySide6.QtWidgets import QApplication, QTextEdit, QWidget
from app import cli
from app.ui.main_window import MainWindow
from app.ui.panels.base import Caption

def grab(window, *args):  # what the picture shows, and what the window settles on
    texts = [text for text in window.findChildren(QTextEdit) if text.isVisible()]
    shown = [text.verticalScrollBar().maximum() for text in texts]
    for caption in window.findChildren(Caption):
        if caption.isVisible() and caption.hasHeightForWidth():
            print("caption", caption.objectName(), caption.height(), caption.heightForWidth(caption.width()))
    picture = QWidget.grab(window, *args)
    for text, painted in zip(texts, shown):
        text.document().size()
        QApplication.processEvents()
        print("bar", text.objectName(), painted, text.verticalScrollBar().maximum())
    return picture

MainWindow.grab = grab
sys.exit(cli.main(sys.argv[1:]))
"""


def _at_the_picture(tmp_path: Path, *argv: str) -> dict[tuple[str, str], tuple[int, int]]:
    """Run ``neuraxis --screenshot`` (a fresh process, as the command runs) and read what its
    picture shows against what the window settles on: (kind, widget) -> (shown, settled)."""
    result = run_python("-c", AT_THE_PICTURE, "--screenshot", str(tmp_path / "shot.png"), *argv)
    assert result.returncode == 0, result.stderr
    rows = (line.split() for line in result.stdout.splitlines())
    return {(kind, name): (int(shown), int(settled)) for kind, name, shown, settled in rows}


def test_a_screenshot_shows_every_text_laid_out_in_full(tmp_path: Path) -> None:
    """Qt lays a long text out in steps, on a timer, and its scroll bar follows each step: the
    picture is taken once every text is laid out. (A screenshot of the disease's details caught
    them half laid out: a longer scroll-bar handle than the window settles on. A fresh process, as
    the command runs, shows it; a busy machine can hide it, the timer having fired anyway.)"""
    seen = _at_the_picture(tmp_path, "--size", "1920x1080", "--tab", "diseases", "--disease", "als")
    bars = {name: values for (kind, name), values in seen.items() if kind == "bar"}
    assert bars["diseaseDetails"][1] > 0, "the disease's details are long enough to scroll"
    for name, (shown, settled) in bars.items():
        assert shown == settled, (
            f"{name}: the picture's scroll bar ends at {shown}, the window's at {settled}"
        )


@pytest.mark.parametrize("size", ["1024x768", "1280x720"])
def test_a_screenshot_shows_every_caption_whole(tmp_path: Path, size: str) -> None:
    """A caption is as tall as its wrapped text at the width it ends up with. (At 1024x768 the
    comparison's three-line explanation of a Weber lesion lost its last line: its height was
    worked out at the width it had before the column was laid out.)"""
    seen = _at_the_picture(tmp_path, "--size", size, "--tab", "compare", "--select", "weber-left")
    captions = {name: values for (kind, name), values in seen.items() if kind == "caption"}
    assert "comparisonCaption" in captions
    for name, (height, needed) in captions.items():
        assert height >= needed, f"{name}: {height} px tall, its text needs {needed}"


def test_screenshot_keeps_an_existing_file_if_writing_fails(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-file.png"
    folder.mkdir()
    result = run_app("--screenshot", str(folder), "--size", "1280x720")
    assert result.returncode == 1
    assert f"{folder}:1: could not write the screenshot" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_content_is_reported_on_stderr_with_screenshot(tmp_path: Path) -> None:
    broken = yaml_copy(tmp_path / "content")
    faq = broken / "faq.yaml"
    faq.write_text(faq.read_text().replace("faq:", "faq: [", 1))
    result = run_app("--content", str(broken), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 1
    assert result.stderr.startswith(f"{faq}:"), result.stderr
    assert "invalid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_unknown_preselected_site_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_app("--screenshot", str(tmp_path / "x.png"), "--select", "no-such-site")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1].startswith("neuraxis: error: unknown id 'no-such-site'")
    assert "Traceback" not in result.stderr


def test_broken_content_opens_a_dialog_naming_file_and_line(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = yaml_copy(tmp_path / "content")
    sites = broken / "sites.yaml"
    sites.write_text(sites.read_text().replace("cuts: [radial-nerve-$side]", "cuts: [radial-nerv-$side]"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; restored after
    code, seen = dialog_after(
        lambda: launch.run(content_dir=broken, select=[], disease=None, screenshot=None, size=None)
    )
    assert code == 1
    assert seen, "a dialog was shown"
    assert seen[0].startswith("The content could not be loaded")
    assert f"{sites}:" in seen[0]
    assert "'radial-nerv-right' matches no pathway node" in seen[0]


def test_body_tab_key_entries_never_overlap_at_720p(qtbot: QtBot, window: MainWindow) -> None:
    """At 1280x720 the outer layout squeezed the key's wrapped labels into each other."""
    window.build_panels()
    show_tab(window, "Body")
    qtbot.wait(30)
    key = window.findChild(QWidget, "bodyMapKey")
    assert key is not None
    assert key.isVisible()
    labels = sorted(
        (w for w in key.findChildren(QLabel) if w.accessibleName().startswith("Key: ")),
        key=lambda w: w.y(),
    )
    assert len(labels) >= 6
    for above, below in itertools.pairwise(labels):
        assert above.height() >= above.heightForWidth(above.width()), above.text()
        assert above.geometry().bottom() < below.geometry().top(), (above.text(), below.text())
    last = labels[-1]
    assert last.height() >= last.heightForWidth(last.width()), last.text()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_command_line_tabs_are_the_window_tabs(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    """--tab NAME offers exactly the tabs the window has (the body map is one, or sits beside the signs)."""
    from app.cli import TABS

    window = open_main_window(qtbot, content, *size)
    tabs = window.side.tabs
    titles = {tabs.tabText(i).lower() for i in range(tabs.count())} | {"body"}
    assert titles == set(TABS)
    for name in TABS:
        page = window.side.show_tab_named(name)
        assert page.isVisibleTo(window)


def test_day_on_the_command_line_opens_the_window_on_that_day(qtbot: QtBot) -> None:
    seen: list[tuple[int | None, str]] = []

    def shown(window: MainWindow) -> None:
        seen.append((window.selection.day, window.side.signs.day_text() + "\n" + window.side.signs.text()))
        QTimer.singleShot(0, window.close)

    code = launch.run(
        content_dir=None,
        select=["radial-nerve-left"],
        disease=None,
        screenshot=None,
        size=(1280, 720),
        day=0,
        on_shown=shown,
    )
    assert code == 0
    [(day, text)] = seen
    assert day == 0
    assert text.startswith("Day 0 after onset")
    assert "Muscle wasting" not in text, "no wasting on the day a nerve is cut"


@pytest.mark.parametrize("select", [[], ["radial-nerve-left"]])  # a plain start, and one naming a site
def test_a_window_size_it_cannot_keep_is_said_not_silently_changed(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, select: list[str]
) -> None:
    """--size 320x240: the window cannot be that small; it opens at its smallest and says so."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run() installs its own; restored after
    seen: list[tuple[tuple[int, int], str]] = []

    def shown(window: MainWindow) -> None:
        tries = iter(range(150))  # 3 s, then look at whatever is there

        def look() -> None:
            message = window.statusBar().currentMessage()
            if not message and next(tries, None) is not None:
                QTimer.singleShot(20, look)
                return
            seen.append(((window.width(), window.height()), message))
            window.close()

        QTimer.singleShot(0, look)

    code = launch.run(
        content_dir=None, select=select, disease=None, screenshot=None, size=(320, 240), on_shown=shown
    )
    assert code == 0
    [(got, message)] = seen
    assert got[0] >= 320
    assert got[1] > 240, "the window cannot be 240 high"
    expected = f"--size 320x240 is smaller than the window can be drawn; the window is {got[0]}x{got[1]}"
    assert message == expected
    assert f"neuraxis: {expected}" in capsys.readouterr().err


def test_a_window_size_it_can_keep_is_kept_without_a_word(
    qtbot: QtBot, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    seen: list[tuple[int, int]] = []

    def record(window: MainWindow) -> None:
        seen.append((window.width(), window.height()))
        window.close()

    def shown(window: MainWindow) -> None:
        def look() -> None:
            if window._side is None:
                QTimer.singleShot(20, look)
                return
            QTimer.singleShot(100, lambda: record(window))

        QTimer.singleShot(0, look)

    assert (
        launch.run(
            content_dir=None, select=[], disease=None, screenshot=None, size=(1400, 800), on_shown=shown
        )
        == 0
    )
    assert seen == [(1400, 800)]
    assert "--size" not in capsys.readouterr().err
