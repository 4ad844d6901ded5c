"""Window polish (issue 13): the small defects a newcomer meets first, driven with real clicks and keys."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetrics,
    QFontMetricsF,
    QImage,
    QKeySequence,
    QPainterPath,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QMenu,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.model import ids
from app.model.content import Content
from app.ui import theme
from app.ui.diagram.items import NameLabel
from app.ui.find_site import FindPopup
from app.ui.label_place import naming_boxes
from app.ui.main_window import MainWindow
from app.ui.panels.body_map import SENSORY_COLOURS, BodyMapView
from app.ui.panels.overlay import InfoLabel
from app.ui.panels.wrap_delegate import _layout as wrap_layout
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui


def _some_child(parent: QWidget, name: str) -> QTextBrowser:
    found = parent.findChild(QTextBrowser, name)
    assert found is not None
    return found


def _click_text(qtbot: QtBot, browser: QTextBrowser, text: str) -> None:
    """Click in the middle of the first occurrence of ``text`` in a text browser."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} not shown"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + len(text) // 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    rect = browser.cursorRect(cursor)
    qtbot.mouseClick(
        browser.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
    )


def _first_visible_line(browser: QTextBrowser) -> str:
    cursor = browser.cursorForPosition(QPoint(4, 4))
    cursor.select(QTextCursor.SelectionType.LineUnderCursor)
    return cursor.selectedText().strip()


# --- 1. a sign's details open at their title -------------------------------------------------------


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 720)])
def test_about_a_sign_opens_at_its_title(qtbot: QtBot, content: Content, size: tuple[int, int]) -> None:
    main = open_main_window(qtbot, content, *size)
    main.selection.select("hemisection-t6-left")
    signs = _some_child(main, "signsText")
    _click_text(qtbot, signs, "Weakness")
    about = _some_child(main, "aboutSignText")
    qtbot.waitUntil(lambda: about.isVisible() and about.viewport().height() > 40)
    assert about.verticalScrollBar().value() == 0
    assert _first_visible_line(about) == "Weakness"


# --- 2. the window title names the product once -----------------------------------------------------


def test_window_title_names_the_product_once(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    view = main.diagram
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("hemisection-t6-left"))
    title = main.windowTitle()
    assert title.startswith("Left hemisection of the cord at T6")
    assert title.count("Neuraxis") == 1
    # Qt appends the application's display name only to a title that does not end with it
    assert title.endswith("Neuraxis")


# --- 3. Help > About names a tab that exists --------------------------------------------------------


def _read_modal(qtbot: QtBot, name: str, browser_name: str, open_it: Callable[[], None]) -> str:
    """Open a modal dialog with ``open_it``, read its text browser and close it."""
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog) or dialog.objectName() != name:
            QTimer.singleShot(20, read_and_close)
            return
        browser = dialog.findChild(QTextBrowser, browser_name)
        assert browser is not None
        seen.append(browser.toPlainText())
        dialog.reject()

    QTimer.singleShot(20, read_and_close)
    open_it()
    qtbot.waitUntil(lambda: bool(seen))
    return seen[0]


def _tab_titles(main: MainWindow) -> set[str]:
    tabs = main.side.tabs
    return {tabs.tabText(i) for i in range(tabs.count())}


def test_about_names_tabs_that_exist(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    about = next(a for a in main.findChildren(QAction) if a.text() == "About Neuraxis")
    text = _read_modal(qtbot, "aboutDialog", "aboutText", about.trigger)
    named = re.findall(r"the (\w+) tab", text)
    assert named, "the About text points to the tab with the sources"
    assert set(named) <= _tab_titles(main), named


# --- 4. F1 lists every shortcut the window has -------------------------------------------------------


def test_f1_lists_every_shortcut_of_the_window(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    extra = QAction("Do something new", main)
    extra.setShortcut(QKeySequence("Ctrl+Shift+J"))
    main.addAction(extra)  # as a helper installing new commands would
    main.diagram.setFocus()
    text = _read_modal(
        qtbot, "shortcutsDialog", "shortcutsText", lambda: qtbot.keyClick(main.diagram, Qt.Key.Key_F1)
    )
    lines = text.splitlines()
    # one table row per command: its keys, then what it does
    rows = {(lines[i], lines[i + 1]) for i in range(len(lines) - 1)}
    for key, what in (
        ("F9", "Sites list"),
        ("Ctrl+S", "Save picture of the window"),
        ("F11", "Full screen"),
        ("Ctrl+0", "Fit diagram"),
        ("N", "Next site"),
        ("F1", "Keyboard shortcuts"),
        ("Ctrl+Shift+J", "Do something new"),
    ):
        assert any(key in keys.split(", ") and what == told for keys, told in rows), (key, what, text)
    for action in main.findChildren(QAction):
        for shortcut in action.shortcuts():
            native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
            assert any(native in line for line in lines), (native, action.text())


def test_each_menu_of_the_menu_bar_has_its_own_alt_key(qtbot: QtBot, content: Content) -> None:
    """Selection and Study both answered Alt+S (the first press opened Selection, a second Study)."""
    main = open_main_window(qtbot, content, 1280, 720)
    titles = [a.text() for a in main.menuBar().actions() if a.menu() is not None]
    assert len(titles) >= 5
    keys = [title[title.index("&") + 1].lower() for title in titles if "&" in title]
    assert len(keys) == len(titles), titles
    assert len(set(keys)) == len(keys), titles


# --- 11. find a site or a disease by name -----------------------------------------------------------


def _open_find(qtbot: QtBot, main: MainWindow) -> FindPopup:
    main.diagram.setFocus()
    qtbot.keyClick(main.diagram, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    popup = main.find_popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.field.hasFocus()
    return popup


def test_ctrl_f_finds_a_site_as_you_type_and_enter_selects_it(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    popup = _open_find(qtbot, main)
    assert len(popup.shown_names()) == len(content.sites) + len(content.diseases)
    qtbot.keyClicks(popup.field, "caps")
    assert popup.shown_names() == ["Right internal capsule", "Left internal capsule"]
    qtbot.keyClick(popup.field, Qt.Key.Key_Down)
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert main.selection.sites == ("internal-capsule-left",)
    assert not popup.isVisible()
    assert main.side.signs.text().startswith("Left internal capsule")


def test_find_weber_radial_and_ctrl_enter_adds(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    popup = _open_find(qtbot, main)
    qtbot.keyClicks(popup.field, "weber")
    assert popup.shown_names() == ["Right midbrain: Weber syndrome", "Left midbrain: Weber syndrome"]
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert main.selection.sites == ("weber-right",)
    popup = _open_find(qtbot, main)
    assert popup.field.text() == ""  # a fresh search each time
    qtbot.keyClicks(popup.field, "radial left")
    assert popup.shown_names() == ["Left radial nerve"]
    qtbot.keyClick(popup.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert main.selection.sites == ("weber-right", "radial-nerve-left")


def test_find_a_misspelt_name(qtbot: QtBot, content: Content) -> None:
    """'webr' said 'Nothing is called "webr"'; the near names are offered, and the hint says so."""
    main = open_main_window(qtbot, content, 1280, 720)
    popup = _open_find(qtbot, main)
    qtbot.keyClicks(popup.field, "webr")
    assert popup.shown_names() == ["Right midbrain: Weber syndrome", "Left midbrain: Weber syndrome"]
    assert popup.hint.text().startswith("Nothing is called \u201cwebr\u201d; these are close.")
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert main.selection.sites == ("weber-right",)


def test_find_a_disease_and_click_it(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    popup = _open_find(qtbot, main)
    qtbot.keyClicks(popup.field, "myasthenia")
    names = popup.shown_names()
    assert names[0] == "Myasthenia gravis (disease)"
    rect = popup.matches.visualItemRect(popup.matches.item(0))
    qtbot.mouseClick(popup.matches.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.selection.disease == "myasthenia-gravis"
    assert not popup.isVisible()


def test_find_says_when_nothing_matches_and_escape_closes(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    main.selection.select("facial-nerve-left")
    popup = _open_find(qtbot, main)
    qtbot.keyClicks(popup.field, "zzz")
    assert popup.shown_names() == []
    assert "Nothing is called" in popup.hint.text()
    qtbot.keyClick(popup.field, Qt.Key.Key_Return)
    assert main.selection.sites == ("facial-nerve-left",)
    qtbot.keyClick(popup.field, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert main.selection.sites == ("facial-nerve-left",)


# --- 7. the answer to "which lesions weaken this region?" is whole, or says it scrolls -------------


def test_the_whole_answer_is_there_and_its_scrolling_is_said(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1920, 1080)
    main.selection.select("hemisection-t6-left")
    body = main.side.body
    view = body.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center("hand-left"))
    answer = body.answer_text()
    sites = main.selection.probe_sites
    assert len(sites) > 12
    assert answer.startswith("Lesions that weaken the left hand:")
    assert f"{len(sites)} sites, outlined with dashes on the diagram" in answer
    for site in sites:
        assert content.sites_by_id[site].name in answer, site
    more = body.findChild(QLabel, "bodyMapMore")
    assert more is not None
    bar = body.answer.verticalScrollBar()
    qtbot.waitUntil(lambda: more.isVisible() == (bar.value() < bar.maximum()))
    if bar.maximum() > 0:  # the box is too small for all of it: it says so until scrolled to the end
        assert more.isVisible()
        assert "More below" in more.text()
        geometry = view.geometry()
        bar.setValue(bar.maximum())
        assert not more.isVisible()
        assert view.geometry() == geometry, "the hint never moves the figure"


# --- 8. a region with motor and sensory findings shows both -----------------------------------------


def _near(pixel: int, colour: QColor, tolerance: int = 40) -> bool:
    seen = QColor(pixel)
    return (
        max(
            abs(seen.red() - colour.red()),
            abs(seen.green() - colour.green()),
            abs(seen.blue() - colour.blue()),
        )
        < tolerance
    )


def _pixels(view: BodyMapView, image: QImage, path: QPainterPath, without: QPainterPath | None) -> list[int]:
    rect = view.mapFromScene(path.boundingRect()).boundingRect()
    found = []
    for x in range(rect.left(), rect.right()):
        for y in range(rect.top(), rect.bottom()):
            point = view.mapToScene(x, y)
            if path.contains(point) and (without is None or not without.contains(point)):
                found.append(image.pixel(x, y))
    return found


@pytest.mark.parametrize("size", [(1920, 1080), (3840, 2160)])
def test_weakness_and_sensory_loss_both_show_in_one_region(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    main = open_main_window(qtbot, content, *size)
    qtbot.mouseClick(
        main.diagram.viewport(),
        Qt.MouseButton.LeftButton,
        pos=main.diagram.part_center("hemisection-t6-left"),
    )
    view = main.side.body.view
    item = view.items_by_key["leg-left"]  # weak (UMN) and without vibration sense
    assert len(item.layers) == 2
    QApplication.processEvents()
    image = view.viewport().grab().toImage()
    umn, teal = theme.lesion_colour("UMN"), QColor(SENSORY_COLOURS[ids.VIBRATION])
    core = _pixels(view, image, item.inset(3), None)  # inside the sensory line
    edge = _pixels(view, image, item.path(), item.inset(2))
    assert core
    assert any(_near(p, umn) for p in core), "the motor pattern fills the region"
    assert not any(_near(p, teal) for p in core), "no sensory pattern on top of it"
    assert sum(_near(p, teal) for p in edge) > 10, "the sensory loss runs along the edge"
    assert sum(_near(p, umn) for p in edge) > 10, "and the lesion type's band stays visible"


def test_the_key_shows_both_together(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1920, 1080)
    key = main.side.body.findChild(QWidget, "bodyMapKey")
    assert key is not None
    labels = [label.text() for label in key.findChildren(QLabel)]
    assert "UMN with sensory loss" in labels


# --- 6. opening a tab never moves the layout; 9. every tab title shows --------------------------------


def _click_tab(qtbot: QtBot, main: MainWindow, title: str) -> None:
    bar = main.side.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    qtbot.waitUntil(lambda: main.side.tabs.currentIndex() == index)
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_opening_any_tab_keeps_the_layout_still(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    main = open_main_window(qtbot, content, *size)
    main.selection.select("hemisection-t6-left")
    QApplication.processEvents()
    bar = main.side.tabs.tabBar()

    def layout() -> tuple[object, ...]:
        return (
            bar.mapTo(main, QPoint(0, 0)),
            main.splitter.sizes(),
            main.side.sizes(),
            main.side.top.sizes(),
        )

    before = layout()
    titles = [bar.tabText(i) for i in range(bar.count())]
    for title in (*titles[1:], titles[0]):
        _click_tab(qtbot, main, title)
        assert layout() == before, title


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720)])
def test_every_tab_title_shows_without_scroll_arrows(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    main = open_main_window(qtbot, content, *size)
    bar = main.side.tabs.tabBar()
    for index in range(bar.count()):
        _click_tab(qtbot, main, bar.tabText(index))
        shown = bar.rect()
        for tab in range(bar.count()):
            assert shown.contains(bar.tabRect(tab)), (bar.tabText(index), bar.tabText(tab))


@pytest.mark.parametrize(
    ("size", "sites"),
    [
        ((1280, 720), ("internal-capsule-left", "ventral-root-c5-right")),
        ((1024, 768), ("weber-left",)),
    ],
)
def test_the_compare_explanation_is_never_clipped(
    qtbot: QtBot, content: Content, size: tuple[int, int], sites: tuple[str, ...]
) -> None:
    main = open_main_window(qtbot, content, *size)
    main.selection.set_sites(sites)  # before the page is first shown: its text is set as it is built
    _click_tab(qtbot, main, "Compare")
    caption = main.side.comparison.findChild(QWidget, "comparisonCaption")
    assert caption is not None
    text = caption.text()  # type: ignore[attr-defined]
    assert text.endswith("a lower motor neuron lesion.")

    def fits() -> bool:
        needed = caption.fontMetrics().boundingRect(
            QRect(0, 0, caption.width() - 4, 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return needed.height() <= caption.height() - 4

    qtbot.waitUntil(fits)  # once laid out


@pytest.mark.parametrize(
    ("text", "width_of", "hyphenated"),
    [
        ("The muscle fibres themselves; neither", "themselv", True),  # a word wider than the cell
        ("The muscle fibres themselves; neither", "themselves;", False),  # breaks between words
        ("Brown-Sequard hemisection", "Brown-Sequ", False),  # after its own hyphen, not inside
    ],
)
def test_a_word_broken_in_a_narrow_cell_ends_its_line_with_a_hyphen(
    qapp: QApplication, text: str, width_of: str, hyphenated: bool
) -> None:
    """A cell breaks inside a word only when the word is wider than the cell, and then the line
    ends with a hyphen, so that the reader sees the word goes on."""
    font = QApplication.font()
    width = math.ceil(QFontMetricsF(font).horizontalAdvance(width_of)) + 1
    laid = wrap_layout(text, font, width)
    inside = [
        line
        for line in map(laid.layout.lineAt, range(laid.layout.lineCount()))
        if text[line.textStart() + line.textLength() - 1 : line.textStart() + line.textLength() + 1].isalnum()
        and line.textStart() + line.textLength() < len(text)
    ]
    assert len(laid.hyphens) == len(inside)
    assert bool(laid.hyphens) is hyphenated
    for line, spot in zip(inside, laid.hyphens, strict=True):
        assert spot.x() + QFontMetricsF(font).horizontalAdvance("-") <= width + 0.5, "the hyphen fits"
        assert spot.y() == pytest.approx(line.y() + line.ascent())


def _open_study(qtbot: QtBot, main: MainWindow, entry: str) -> QDockWidget:
    """Study > ``entry`` from the menu bar, as a student opens it; its dock once laid out."""
    menu = main.findChild(QMenu, "studyMenu")
    assert menu is not None
    next(action for action in menu.actions() if action.text() == entry).trigger()
    dock = next(d for d in main.findChildren(QDockWidget) if d.isVisible() and d.objectName() != "sitesDock")
    qtbot.waitExposed(dock)
    QApplication.processEvents()
    return dock


@pytest.mark.parametrize(
    ("size", "study"),
    [
        ((1024, 768), None),
        ((1280, 720), None),
        ((1280, 720), "Cases"),
        ((1280, 720), "Find the lesion"),
        ((1280, 720), "Review"),
    ],
)
def test_compare_cells_break_only_between_words(
    qtbot: QtBot, content: Content, size: tuple[int, int], study: str | None
) -> None:
    """ "themselves;" stays whole: the columns are wide enough for their longest word, also with a
    study dock open beside a 1280x720 window. (In a column narrower than four of the longest words
    a word breaks rather than a lesion type's column scrolling out of sight.)"""
    main = open_main_window(qtbot, content, *size)
    if study is not None:
        _open_study(qtbot, main, study)
    _click_tab(qtbot, main, "Compare")
    table = main.side.comparison.table()
    for column in range(table.columnCount()):
        for row in range(table.rowCount()):
            item = table.item(row, column)
            if item is None or table.columnSpan(row, column) == 0:
                continue
            # a feature's title spans the row
            spanned = range(column, column + table.columnSpan(row, column))
            room = sum(table.columnWidth(c) for c in spanned) - 2 * 6
            # where a line may break: at spaces, and after a hyphen ("Brown-|Sequard")
            for word in re.findall(r"[^\s-]+-?", item.text()):
                assert QFontMetrics(item.font()).horizontalAdvance(word) <= room, (word, size)


@pytest.mark.parametrize("study", ["Cases", "Review", "Find the lesion", "Localise from findings"])
def test_a_study_dock_leaves_the_diagram_and_the_column_room(
    qtbot: QtBot, content: Content, study: str
) -> None:
    """At 1280x720 a study dock opens at a quarter of the width, and the diagram and the column of
    panels share the rest as they share a window of that width: the column keeps what its tabs
    need, up to 55%."""
    main = open_main_window(qtbot, content, 1280, 720)
    _click_tab(qtbot, main, "Compare")
    dock = _open_study(qtbot, main, study)
    assert dock.width() <= 1280 // 4 + 1
    total = main.splitter.width()
    diagram, column = main.splitter.sizes()
    handle = main.splitter.handleWidth()
    assert column >= min(main.side.tabs_width_needed(), int(total * 0.55)) - handle, (diagram, column)
    assert diagram >= int(total * 0.45) - handle
    dock.close()  # and the window is shared out again
    QApplication.processEvents()
    assert main.splitter.width() > total
    assert main.splitter.sizes()[1] >= main.splitter.width() - int(main.splitter.width() * 0.55) - handle


def test_the_time_course_keeps_most_of_its_height_for_the_curves(qtbot: QtBot, content: Content) -> None:
    """At 1280x720 the Course tab's plot is small; its one-line legend takes no more than its
    line needs (Qt's default margins made it 45 px, the curves then had 61)."""
    from app.ui.panels.plots_panel import PlotsPanel

    main = open_main_window(qtbot, content, 1280, 720)
    main.selection.select("internal-capsule-left")
    _click_tab(qtbot, main, "Course")
    course = main.side.page("Course", PlotsPanel).time_course
    qtbot.waitUntil(lambda: course.plot.vb.sceneBoundingRect().height() > 0)
    legend = course.legend.boundingRect().height()
    line = max(item.geometry().height() for item in map(course.legend.layout.itemAt, range(2)))
    assert legend <= line + 4
    assert course.plot.vb.sceneBoundingRect().height() >= 75


# --- 5. the keyboard-focus label hides nothing it names ---------------------------------------------


def _on_screen(view: QGraphicsView, item: QGraphicsItem) -> QRectF:
    """Where an item is drawn in the view's viewport (labels ignore the zoom)."""
    return item.deviceTransform(view.viewportTransform()).mapRect(item.boundingRect())


def _scene_box(view: QGraphicsView, rect: QRectF) -> QRectF:
    return QRectF(view.mapFromScene(rect).boundingRect())


@pytest.mark.parametrize("size", [(1024, 768), (1280, 720), (1920, 1080)])
def test_diagram_focus_label_never_hides_its_site_or_its_printed_name(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    main = open_main_window(qtbot, content, *size)
    view = main.diagram
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)  # the keyboard drives the view: its focus ring and label show
    label = next(i for i in view.scene().items() if isinstance(i, NameLabel))
    seen = []
    while True:
        key = view.focused
        assert key is not None
        assert view.label_text == view.item(key).name
        shown = _on_screen(view, label).adjusted(2, 2, -2, -2)  # the painted box, inside its bounds
        site = _scene_box(view, view.item(key).path().boundingRect())
        assert QRectF(view.viewport().rect()).contains(shown), key
        assert not shown.intersects(site), f"the label of {key} covers it"
        # the drawing's words that name the site, next to it ("Corona radiata" beside the box)
        near = site.adjusted(-40, -40, 40, 40)
        own = [_scene_box(view, b) for b in naming_boxes(view.svg_path, view.item(key).name)]
        own = [w for w in own if w.intersects(near)]
        assert not any(shown.intersects(w) for w in own), f"the label of {key} covers its printed name"
        seen.append(key)
        if len(seen) == len(view.order):
            break
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert {"corona-radiata-right", "internal-capsule-left"} <= set(seen)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (3840, 2160)])
def test_body_map_focus_label_covers_no_part_of_the_figure(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    """Beside the region where the figure has room around it, else beside the figure (over the key)."""
    main = open_main_window(qtbot, content, *size)
    main.selection.select("internal-capsule-left")
    main.side.show_tab_named("body")
    body = main.side.body
    view = body.view
    qtbot.waitUntil(view.isVisible)
    view.setFocus(Qt.FocusReason.TabFocusReason)
    label = next(i for i in view.scene().items() if isinstance(i, InfoLabel))
    beside = body.findChild(QLabel, "bodyMapLabel")
    assert beside is not None
    parts = {k: _scene_box(view, item.path().boundingRect()) for k, item in view.items_by_key.items()}
    for _ in view.order:
        key = view.focused
        assert key is not None
        assert view.label_text.startswith(view.items_by_key[key].name)
        if label.isVisible():
            shown = _on_screen(view, label).adjusted(2, 2, -2, -2)
            covered = [k for k, box in parts.items() if shown.intersects(box)]
            assert not covered, (key, covered)
            assert not beside.isVisible()
        else:
            assert beside.isVisible(), key
            assert beside.text().startswith(f"<b>{view.items_by_key[key].name}</b>")
            assert not beside.geometry().intersects(view.geometry()), key
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    view.clearFocus()
    qtbot.waitUntil(lambda: not beside.isVisible() and not label.isVisible())


@pytest.mark.parametrize("size", [(1152, 648), (1280, 720)])
def test_sign_details_and_the_body_tab_fit_a_720p_screens_window(
    qtbot: QtBot, content: Content, size: tuple[int, int]
) -> None:
    """1152x648 is the window's own size on a 1280x720 projector (90% of the screen)."""
    main = open_main_window(qtbot, content, *size)
    main.selection.select("internal-capsule-left")
    QApplication.processEvents()
    before = (main.size(), main.side.sizes())
    _click_text(qtbot, _some_child(main, "signsText"), "Weakness")
    about = _some_child(main, "aboutSignText")
    qtbot.waitUntil(about.isVisible)
    QApplication.processEvents()
    assert (main.size(), main.side.sizes()) == before, "opening a sign's details moved the layout"
    _click_tab(qtbot, main, "Body")
    assert (main.size(), main.side.sizes()) == before, "the Body tab grew the window"
    assert main.minimumSizeHint().height() <= size[1]


def test_the_status_bar_tells_about_ctrl_f(qtbot: QtBot, content: Content) -> None:
    main = open_main_window(qtbot, content, 1280, 720)
    status = main.findChild(QLabel, "statusText")
    assert status is not None
    assert "Ctrl+F" in status.text()
