"""Presentation mode for a lecture hall, measured: at 1280x720 the panel body text is at least a
26 px font and the diagram's labels at least 20 px; the diagram, the body map and every affected
region of a capsule lesion show at once, without scrolling; F5 goes in and out; the text scale
(Ctrl+Shift+Plus / Minus) is remembered between runs."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QTextBrowser
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.model.state import Hide
from app.ui import theme
from app.ui.classroom.install import start_classroom
from app.ui.classroom.presentation import DIAGRAM_LABEL_UNITS, Presentation, fitted_scale
from app.ui.main_window import MainWindow
from app.ui.panels.body_map import SENSORY_COLOURS
from app.ui.settings import Settings
from tests.gui.conftest import open_main_window
from tests.gui.test_main_window import run_app

pytestmark = pytest.mark.gui
SITE = "internal-capsule-left"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[None]:
    """Each test remembers its text scale in its own folder; the look is put back after."""
    monkeypatch.setenv("NEURAXIS_CONFIG_DIR", str(tmp_path / "config"))
    yield
    theme.apply(qapp)


def presentation(window: MainWindow) -> Presentation:
    found = window.findChild(Presentation)
    assert found is not None
    return found


def present(qtbot: QtBot, content: Content, size: QSize) -> MainWindow:
    """The window at a projector's size in presentation mode (sized, not full screen: the offscreen
    screen is not a projector)."""
    window = open_main_window(qtbot, content, size.width(), size.height())
    window.selection.select(SITE)
    presentation(window).enter(size, full_screen=False)
    window.resize(size)
    qtbot.waitUntil(window.side.tabs.isHidden)
    for _ in range(3):
        QApplication.processEvents()
    return window


def signs_browser(window: MainWindow) -> QTextBrowser:
    browser = window.side.signs.findChild(QTextBrowser, "signsText")
    assert browser is not None
    return browser


def inside(outer: QRect, inner: QRect) -> bool:
    return outer.contains(inner.topLeft()) and outer.contains(inner.bottomRight())


@pytest.mark.parametrize("size", [QSize(1280, 720), QSize(1024, 768)])
def test_diagram_body_map_and_every_affected_region_at_once(
    qtbot: QtBot, content: Content, size: QSize
) -> None:
    window = present(qtbot, content, size)
    browser = signs_browser(window)
    assert browser.verticalScrollBar().maximum() == 0, "the signs fit without scrolling"
    text = window.side.signs.text()
    for finding in window.selection.findings.findings:
        assert content.regions_by_id[finding.region].name.lower() in text.lower()
    # the body map is in view, every affected region inside its visible figure
    body = window.side.body.view
    assert body.isVisible()
    assert body.width() >= 0.12 * size.width()
    port = body.viewport().rect()
    for finding in window.selection.findings.findings:
        item = body.part(f"{finding.region}-{finding.side}")
        assert inside(port, body.mapFromScene(item.path().boundingRect()).boundingRect())
    # the diagram shows the selected site
    diagram = window.diagram
    site = diagram.mapFromScene(diagram.item(SITE).path().boundingRect()).boundingRect()
    assert inside(diagram.viewport().rect(), site)
    assert not window.menuBar().isVisible()
    assert not diagram.horizontalScrollBar().isVisible()
    # the patient's sides stay named in the zoomed diagram's bottom corners
    right, left = presentation(window).sides
    assert right.isVisible()
    assert left.isVisible()
    assert "right" in right.text()
    assert right.geometry().right() < left.geometry().left()
    assert inside(diagram.geometry().translated(-diagram.x(), -diagram.y()), left.geometry())


def test_text_sizes_meet_the_targets_at_1280x720(qtbot: QtBot, content: Content) -> None:
    window = present(qtbot, content, QSize(1280, 720))
    browser = signs_browser(window)
    assert browser.font().pixelSize() >= 26
    assert browser.document().defaultFont().pixelSize() >= 26
    # what the document draws: the font of a sign's words and the height of its line
    found = browser.document().find("Weakness")
    assert not found.isNull()
    font = found.charFormat().font()
    size = font.pixelSize() if font.pixelSize() > 0 else browser.document().defaultFont().pixelSize()
    assert size >= 26
    line = found.block().layout().lineForTextPosition(found.positionInBlock())
    assert line.height() >= 26
    diagram_label_px = DIAGRAM_LABEL_UNITS * window.diagram.transform().m11()
    assert diagram_label_px >= 20
    assert window.side.tabs.isHidden()
    assert theme.projector()
    assert theme.line_weight() == 2 * theme.device_ratio(), "the projector profile: lines twice as heavy"
    assert window.diagram.label_text == ""  # nothing hovered; the name label would be as large


def test_f5_goes_in_and_out_from_a_focused_panel(qtbot: QtBot, content: Content) -> None:
    window = open_main_window(qtbot, content, 1280, 720)
    window.selection.select(SITE)
    browser = signs_browser(window)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser)
    before = browser.font().pixelSize()
    qtbot.keyClick(browser, Qt.Key.Key_F5)
    mode = presentation(window)
    assert mode.on
    action = next(a for a in window.actions() if a.text() == "Presentation mode")
    assert action.isChecked()
    assert window.isFullScreen()
    assert not window.menuBar().isVisible()
    assert browser.font().pixelSize() > before
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_T)  # the other panels, one key away
    assert window.side.tabs.isVisible()
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    assert not mode.on
    assert not action.isChecked()
    assert not window.isFullScreen()
    assert window.menuBar().isVisible()
    assert window.side.tabs.isVisible()
    assert browser.font().pixelSize() == before
    assert window.diagram.zoom == 1.0
    assert not any(label.isVisible() for label in mode.sides)


def test_text_scale_keys_are_remembered_between_runs(qtbot: QtBot, content: Content) -> None:
    window = open_main_window(qtbot, content, 1280, 720)
    browser = signs_browser(window)
    assert browser.font().pixelSize() == theme.BASE_FONT_PX
    window.diagram.setFocus()
    for _ in range(3):
        qtbot.keyClick(
            window.diagram,
            Qt.Key.Key_Plus,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    assert presentation(window).scale == pytest.approx(1.3)
    assert browser.font().pixelSize() == round(theme.BASE_FONT_PX * 1.3)
    assert window.diagram.zoom == 1.0, "the text keys scale text, not the diagram"
    qtbot.keyClick(
        window.diagram,
        Qt.Key.Key_Minus,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert Settings().get("view/textScale", 1.0) == pytest.approx(1.2)
    window.close()
    again = open_main_window(qtbot, content, 1280, 720)
    assert signs_browser(again).font().pixelSize() == round(theme.BASE_FONT_PX * 1.2)
    theme.apply(QApplication.instance(), theme.MAX_SCALE - 0.05)  # type: ignore[arg-type]
    presentation(again).change_scale(+1)
    presentation(again).change_scale(+1)
    assert presentation(again).scale == theme.MAX_SCALE


def test_leaving_presentation_gives_the_window_back_its_size_and_proportions(
    qtbot: QtBot, content: Content
) -> None:
    """Without a window manager to put it back (offscreen here, a kiosk session or Xvfb), the window
    kept the full screen's size; and the signs came back a third shorter, the tabs below them laid
    out for the tall body figure of presentation mode."""
    window = open_main_window(qtbot, content, 1600, 900)
    window.selection.select(SITE)
    qtbot.wait(50)
    size, signs = window.size(), window.side.top.height()
    browser = signs_browser(window)
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(30, 30))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is browser)
    qtbot.keyClick(browser, Qt.Key.Key_F5)
    qtbot.waitUntil(window.isFullScreen)
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.wait(50)
    assert window.size() == size
    assert window.side.top.height() >= 0.85 * signs, (window.side.top.height(), signs)


def test_the_view_menu_twice_brings_the_signs_back_as_tall_as_before(qtbot: QtBot, content: Content) -> None:
    """View > Presentation mode, twice. On the way out the body map's key was laid out in the narrow
    column of presentation mode; its wrapped labels kept the height they claimed there (a word per
    line) once the map went back behind the Compare tab, and the tabs, as tall as their tallest
    page needs, pushed the signs up: 268 px instead of 430 at 1600x900."""
    window = open_main_window(qtbot, content, 1600, 900)
    window.selection.select(SITE)
    qtbot.wait(50)
    assert not window.side.body_beside_signs
    signs, tabs = window.side.signs.height(), window.side.tabs.height()
    action = next(a for a in window.actions() if a.text() == "Presentation mode")
    action.trigger()
    qtbot.waitUntil(window.isFullScreen)
    qtbot.wait(50)  # the class looks at it a while: every layout of presentation mode settles
    action.trigger()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    qtbot.wait(50)
    assert abs(window.side.signs.height() - signs) <= 2, (window.side.signs.height(), signs)
    assert abs(window.side.tabs.height() - tabs) <= 2, (window.side.tabs.height(), tabs)
    window.side.show_tab_named("body")  # and the key reads as before: no entry squeezed into the next
    qtbot.waitUntil(window.side.body.isVisible)
    labels = [
        label
        for label in window.side.body.findChildren(QLabel)
        if label.accessibleName().startswith("Key: ") and label.isVisible()
    ]
    assert labels
    for above, below in pairwise(labels):
        assert above.geometry().bottom() < below.geometry().top(), (above.text(), below.text())


def test_command_line_screenshot_in_presentation_mode(tmp_path: Path) -> None:
    out = tmp_path / "present.png"
    normal = tmp_path / "normal.png"
    base = ["--size", "1280x720", "--select", SITE]
    assert run_app("--screenshot", str(out), "--present", *base).returncode == 0
    assert run_app("--screenshot", str(normal), *base).returncode == 0
    shot, plain = QImage(str(out)), QImage(str(normal))
    assert (shot.width(), shot.height()) == (1280, 720)
    assert shot != plain


def test_hidden_findings_stay_hidden_in_the_compact_signs(qtbot: QtBot, content: Content) -> None:
    window = present(qtbot, content, QSize(1280, 720))
    window.selection.set_hide(Hide.FINDINGS)
    signs = {s.name for s in content.signs} | {t.short for t in content.lesion_types.values()}
    text = window.side.signs.text()
    assert [name for name in signs if name in text] == []
    assert "Revealed 0 of 7" in text
    window.selection.reveal_next()
    assert "Weakness" in window.side.signs.text()
    assert "UMN" not in window.side.signs.text()


def contrast(one: str, two: str) -> float:
    """WCAG contrast ratio of two colours."""

    def luminance(name: str) -> float:
        colour = QColor(name)
        channels = [colour.redF(), colour.greenF(), colour.blueF()]
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(one), luminance(two)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colours_that_carry_meaning_survive_a_washed_out_projector() -> None:
    """No meaning in yellow or light grey: text at least WCAG AA (4.5:1) on the white background,
    marks and borders in the projector profile at least 3:1."""
    for text in (theme.TEXT, theme.MUTED_TEXT, theme.ACCENT):
        assert contrast(text, theme.BACKGROUND) >= 4.5, text
    marks = [theme.SELECTED, theme.FOCUS, theme.DISEASE_SITE, theme.PROBE, theme.PROJECTOR_BORDER]
    marks += list(theme.LESION_COLOURS.values()) + list(SENSORY_COLOURS.values())
    for mark in marks:
        assert contrast(mark, theme.BACKGROUND) >= 3.0, mark


def test_present_on_the_command_line_opens_full_screen(qtbot: QtBot, content: Content) -> None:
    """``neuraxis --present`` without a screenshot: the window is shown at its size, then goes full
    screen in presentation mode on the event loop's next turn (what launch.run does)."""
    window = open_main_window(qtbot, content, 1280, 720)
    start_classroom(window, hide=None, present=True)
    mode = presentation(window)
    assert not mode.on, "not before the window is shown"
    qtbot.waitUntil(lambda: mode.on)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible()
    mode.leave()
    assert not window.isFullScreen()


def test_the_fitted_scale() -> None:
    assert round(theme.BASE_FONT_PX * fitted_scale(QSize(1280, 720))) >= 26
    assert fitted_scale(QSize(1024, 768)) < fitted_scale(QSize(1280, 720)), "the narrower screen limits"
    assert fitted_scale(QSize(1920, 1080)) == pytest.approx(2.45)
    # a 4K screen at 200 %: body text kept within the 64 device pixels Qt caches glyphs up to
    assert theme.BASE_FONT_PX * fitted_scale(QSize(1920, 1080), 2.0) * 2.0 <= 64
    assert fitted_scale(QSize(640, 360)) == theme.MIN_SCALE
    assert fitted_scale(QSize(5000, 3000)) == theme.MAX_SCALE
