"""The linked panels, driven as a user would: real widgets offscreen, real clicks and keys."""

from __future__ import annotations

import dataclasses
import re
from typing import TypeVar

import pytest
from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QPushButton,
    QTableWidget,
    QTextBrowser,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.model.content import Content, SiteInfo
from app.ui import theme
from app.ui.panels.comparison_panel import ComparisonPanel
from app.ui.panels.details_panel import SiteDetailsPanel
from app.ui.panels.diseases_panel import DiseasesPanel
from app.ui.panels.faq_panel import FaqPanel
from app.ui.panels.references_panel import ReferencesPanel
from app.ui.panels.signs_panel import SignsPanel
from app.ui.panels.sites_tree import SitesTree
from app.ui.selection import SelectionModel

pytestmark = pytest.mark.gui

WIDTH, HEIGHT = 460, 700


def _plain(text: str) -> str:
    """Shown text with the badge images dropped and spacing normalised."""
    return re.sub(r"[ \N{NO-BREAK SPACE}]+", " ", text.replace("\N{OBJECT REPLACEMENT CHARACTER}", ""))


def _show(qtbot: QtBot, widget: QWidget, width: int = WIDTH) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, HEIGHT)
    widget.show()
    qtbot.waitExposed(widget)


T = TypeVar("T")
W = TypeVar("W", bound=QObject)


def _some(value: T | None) -> T:
    assert value is not None
    return value


def _child(parent: QWidget, kind: type[W], name: str) -> W:
    return _some(parent.findChild(kind, name))


def _click(
    qtbot: QtBot, widget: QWidget, pos: QPoint, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, modifier, pos)


def _key(
    qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(widget, key, modifier)


def _sites(selection: SelectionModel) -> tuple[str, ...]:
    return selection.sites


def _click_text(qtbot: QtBot, browser: QTextBrowser, text: str) -> None:
    """Click in the middle of the first occurrence of ``text`` in a text browser."""
    found = browser.document().find(text)
    assert not found.isNull(), f"{text!r} not shown"
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + len(text) // 2)
    browser.ensureCursorVisible()
    browser.setTextCursor(cursor)
    rect = browser.cursorRect(cursor)
    _click(qtbot, browser.viewport(), rect.center())


def _hrefs(widget: QWidget) -> list[str]:
    return [h for b in widget.findChildren(QTextBrowser) for h in re.findall(r'href="([^"]*)"', b.toHtml())]


# --- Expected signs -----------------------------------------------------------------------------


def test_signs_prompt_when_nothing_is_selected(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    text = panel.text()
    assert "Click a lesion site" in text
    assert "Ctrl+click" in text
    assert "Escape" in text
    assert "Lesion types" in text  # the key: label and pattern, never colour alone
    assert "neuromuscular junction disorder" in text
    html = _child(panel, QTextBrowser, "signsText").toHtml()
    for lesion in ("UMN", "LMN", "NMJ", "muscle"):
        assert f'src="swatch:{lesion}"' in html


def test_signs_of_internal_capsule_spare_the_upper_face(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("internal-capsule-left")
    text = panel.text()
    assert text.startswith("Left internal capsule")
    assert "Right side of the body" in text
    assert "Left side of the body" not in text
    assert "Lower face" in text
    assert "Upper face" not in text
    assert "Brisk tendon reflexes" in text
    assert "Extensor plantar response (Babinski sign)" in text
    assert "Muscle wasting" not in text
    assert "upper motor neuron lesion" in text


def test_signs_of_anterior_horn_are_lower_motor_neuron(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("anterior-horn-c5-right")
    text = panel.text()
    assert "LMN lower motor neuron lesion" in _plain(text)
    for sign in ("Muscle wasting", "Fasciculations", "Hypotonia (flaccid tone)", "Denervation on EMG"):
        assert sign in text
    assert "Brisk tendon reflexes" not in text
    assert "Hand" not in text  # C5 supplies the arm only
    assert 'src="swatch:LMN"' in _child(panel, QTextBrowser, "signsText").toHtml()


def test_combined_sites_show_mixed_signs_in_one_arm(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("motor-cortex-face-arm-left")
    selection.toggle("anterior-horn-c5-right")
    text = panel.text()
    assert text.startswith("Left motor cortex: face and arm + Right anterior horn at C5")
    arm = _plain(text[text.index("\nArm") : text.index("\nHand")])
    umn = next(line for line in arm.splitlines() if line.startswith("UMN:"))
    lmn = next(line for line in arm.splitlines() if line.startswith("LMN:"))
    assert "Brisk tendon reflexes" in umn
    assert "Spasticity (raised tone)" in umn
    assert "Reduced or absent tendon reflexes" in lmn
    assert "Muscle wasting" in lmn
    assert "Weakness" not in umn + lmn  # both cause it: listed once, before the two lines
    _click_text(qtbot, _child(panel, QTextBrowser, "signsText"), "Reduced or absent tendon reflexes")
    assert "Right arm: Biceps jerk, Brachioradialis (supinator) jerk" in _plain(panel.about_text())


def test_signs_say_so_when_a_lesion_has_no_motor_findings(qtbot: QtBot, content: Content) -> None:
    silent = SiteInfo(
        "silent", "A silent site", "left", "cerebrum", "nowhere", frozenset({"no-node"}), (), ()
    )
    selection = SelectionModel(dataclasses.replace(content, sites=(*content.sites, silent)))
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("silent")
    assert "No motor signs are expected" in panel.text()


def test_clicking_a_sign_shows_what_it_is(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("internal-capsule-left")
    assert panel.about_text() == ""
    _click_text(qtbot, _child(panel, QTextBrowser, "signsText"), "Brisk tendon reflexes")
    about = panel.about_text()
    assert about.startswith("Brisk tendon reflexes")
    sign = selection.content.signs_by_id["hyperreflexia"]
    assert sign.summary[0].split("[")[0].strip()[:40] in about
    assert "References" in about
    assert "In this lesion" in about
    assert "Right arm: Biceps jerk, Brachioradialis (supinator) jerk, Triceps jerk" in _plain(about)
    assert _sites(selection) == ("internal-capsule-left",)  # a sign link never changes the selection


def test_sign_links_work_from_the_keyboard(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("anterior-horn-c5-right")
    browser = _child(panel, QTextBrowser, "signsText")
    browser.setFocus()
    _key(qtbot, browser, Qt.Key.Key_Tab)  # the first link: the first sign of the first region
    _key(qtbot, browser, Qt.Key.Key_Return)
    assert panel.about_text().startswith("Weakness")
    hide = _child(panel, QPushButton, "hideAboutSign")
    qtbot.waitUntil(lambda: hide.height() > 20)  # laid out, as before any real click
    _click(qtbot, hide, hide.rect().center())
    assert panel.about_text() == ""


def test_disease_heading_names_the_disease(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.choose_disease("myasthenia-gravis")
    text = panel.text()
    assert text.startswith("Myasthenia gravis")
    assert "Fatigable, fluctuating weakness" in text
    assert "Left side of the body" in text
    assert "Right side of the body" in text


# --- Comparison table -----------------------------------------------------------------------------


def _headers(panel: ComparisonPanel) -> list[str]:
    return [panel.header_label(lesion) for lesion in ("UMN", "LMN", "NMJ", "muscle")]


def _column(panel: ComparisonPanel, lesion: str) -> int:
    return ["UMN", "LMN", "NMJ", "Muscle"].index(lesion)


def _painted(table: QTableWidget, row: int, column: int) -> QColor:
    """The colour the user sees near the top-left corner of a cell, inside its padding."""
    rect = table.visualRect(table.model().index(row, column))
    image = table.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    return image.pixelColor(round((rect.left() + 3) * ratio), round((rect.top() + 3) * ratio))


def _header_fill(table: QTableWidget, column: int) -> QColor:
    header = table.horizontalHeader()
    image = header.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) - 6
    return image.pixelColor(round(x * ratio), round(header.height() / 2 * ratio))


def test_comparison_highlights_the_lesion_type(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = ComparisonPanel(selection)
    _show(qtbot, panel)
    table = panel.table()
    assert panel.highlighted_columns() == ()
    assert _headers(panel) == ["UMN", "LMN", "NMJ", "Muscle"]  # none marked
    row = panel.feature_row("Where the lesion is")

    selection.select("neuromuscular-junction-left")
    assert panel.highlighted_columns() == ("NMJ",)
    nmj, umn = _column(panel, "NMJ"), _column(panel, "UMN")
    assert panel.header_label("NMJ") == "\u25bc NMJ"
    assert panel.header_label("UMN") == "UMN"
    assert _header_fill(table, nmj) == QColor(theme.PANEL_FILL)
    assert _header_fill(table, umn) != QColor(theme.PANEL_FILL)
    assert _painted(table, row, nmj) == QColor(theme.PANEL_FILL)
    assert _painted(table, row, umn) != QColor(theme.PANEL_FILL)
    assert "NMJ column" in panel.caption()
    assert "neuromuscular junction disorder" in panel.caption()

    selection.select("motor-cortex-face-arm-left")
    selection.toggle("anterior-horn-c5-right")
    assert panel.highlighted_columns() == ("UMN", "LMN")
    assert panel.header_label("UMN") == "\u25bc UMN"
    assert panel.header_label("NMJ") == "NMJ"
    assert _header_fill(table, umn) == QColor(theme.PANEL_FILL)
    assert _painted(table, row, nmj) != QColor(theme.PANEL_FILL)
    assert _painted(table, row, umn) == QColor(theme.PANEL_FILL)
    assert "UMN and LMN columns" in panel.caption()

    selection.clear()
    assert panel.highlighted_columns() == ()
    assert all("\u25bc" not in text for text in _headers(panel))


def _marked_pixels(view: QAbstractItemView, index: QModelIndex, colour: str) -> int:
    """How many pixels of ``colour`` the view shows along the left edge of the cell at ``index``."""
    rect = view.visualRect(index)
    image = view.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    x = round((rect.left() + 1) * ratio)
    rows = range(round(rect.top() * ratio), round(rect.bottom() * ratio))
    return sum(image.pixelColor(x, y) == QColor(colour) for y in rows)


def test_a_clicked_comparison_row_is_outlined_cell_by_cell(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = ComparisonPanel(selection)
    _show(qtbot, panel)
    table = panel.table()
    row = panel.feature_row("Tone")
    cell = _some(table.item(row, 1))
    table.scrollToItem(cell)
    cells = [table.model().index(row, column) for column in range(table.columnCount())]
    assert not any(_marked_pixels(table, index, theme.ACCENT) for index in cells)
    _click(qtbot, table.viewport(), table.visualItemRect(cell).center())
    height = table.visualItemRect(cell).height()
    for index in cells:  # a solid outline down the whole edge
        assert _marked_pixels(table, index, theme.ACCENT) >= height - 2
    assert not _marked_pixels(table, table.model().index(row + 1, 1), theme.ACCENT)


def test_comparison_row_with_disagreement_explains_it(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = ComparisonPanel(selection)
    _show(qtbot, panel)
    table = panel.table()
    title = _some(table.item(panel.feature_row("Plantar response") - 1, 0))
    assert "sources disagree" in title.text()
    assert "sources disagree" not in _some(table.item(panel.feature_row("Tone") - 1, 0)).text()
    assert "Select a row" in panel.detail_text()

    cell = _some(table.item(panel.feature_row("Plantar response"), 0))
    table.scrollToItem(cell)
    _click(qtbot, table.viewport(), table.visualItemRect(cell).center())
    detail = panel.detail_text()
    assert detail.startswith("Plantar response")
    assert "Sources disagree" in detail
    assert "Neuraxis therefore shows no Babinski sign" in detail
    assert "teaching convention" in detail  # [TC] is listed as a convention, not a source


# --- Diseases -----------------------------------------------------------------------------------


def _texts(panel: DiseasesPanel) -> list[str]:
    widget = panel.list_widget()
    return [_some(widget.item(i)).text() for i in range(widget.count())]


def test_the_keyboard_s_place_in_the_disease_list_is_ringed_while_it_has_the_focus(
    qtbot: QtBot, selection: SelectionModel
) -> None:
    panel = DiseasesPanel(selection)
    _show(qtbot, panel)
    widget = panel.list_widget()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    _key(qtbot, widget, Qt.Key.Key_Down)
    _key(qtbot, widget, Qt.Key.Key_Down)
    current = widget.currentIndex()
    assert current.row() >= 1
    assert not widget.selectionModel().isSelected(current)  # moving only looks; Enter picks
    ringed = _marked_pixels(widget, current, theme.FOCUS)
    height = widget.visualRect(current).height()
    assert 4 <= ringed < height - 2  # dashed
    assert not _marked_pixels(widget, widget.model().index(0, 0), theme.FOCUS)
    widget.clearFocus()
    qtbot.waitUntil(lambda: not widget.hasFocus())
    assert not _marked_pixels(widget, current, theme.FOCUS)


def test_disease_list_follows_the_sites(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = DiseasesPanel(selection)
    _show(qtbot, panel)
    assert len(_texts(panel)) == len(selection.content.diseases)  # nothing selected: all
    selection.select("internal-capsule-left")
    texts = _texts(panel)
    assert any(t.startswith("Ischaemic stroke") for t in texts)
    assert not any("Myasthenia" in t for t in texts)
    box = _child(panel, QCheckBox, "showAllDiseases")
    _click(qtbot, box, QPoint(40, box.height() // 2))  # on its label
    assert box.isChecked()
    texts = _texts(panel)
    assert len(texts) == len(selection.content.diseases)
    assert any(t.startswith("\u25cf Ischaemic stroke") for t in texts)


def test_clicking_a_disease_chooses_it(qtbot: QtBot, selection: SelectionModel) -> None:
    diseases = DiseasesPanel(selection)
    signs = SignsPanel(selection)
    _show(qtbot, diseases)
    _show(qtbot, signs)
    widget = diseases.list_widget()
    item = diseases.item_for("als")
    assert item is not None
    _click(qtbot, widget.viewport(), widget.visualItemRect(item).center())
    assert selection.disease == "als"
    assert "anterior-horn-c5-right" in selection.sites
    assert signs.text().startswith("Amyotrophic lateral sclerosis (ALS)")
    assert item.isSelected()
    assert item.text().startswith("\u2714 ")
    details = diseases.details_text()
    assert details.startswith("Amyotrophic lateral sclerosis (ALS)")
    for part in (
        "Key features",
        "Sources disagree",
        "Typical presentation",
        "Sites it can involve",
        "References",
    ):
        assert part in details
    assert "Right lateral corticospinal tract at C5" in details  # can involve, though not typical
    assert "Right side: " in details


def test_enter_or_space_on_a_disease_chooses_it(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = DiseasesPanel(selection)
    _show(qtbot, panel)
    widget = panel.list_widget()
    widget.setFocus()
    widget.setCurrentRow(0)
    assert selection.disease is None  # moving the focus alone chooses nothing
    _key(qtbot, widget, Qt.Key.Key_Down)
    assert selection.disease is None
    _key(qtbot, widget, Qt.Key.Key_Return)
    assert selection.disease == selection.content.diseases[1].id
    _key(qtbot, widget, Qt.Key.Key_Down)
    _key(qtbot, widget, Qt.Key.Key_Space)
    assert selection.disease == selection.content.diseases[2].id
    assert widget.count() == len(selection.content.diseases)  # stepping through keeps the list


# --- Sites tree -----------------------------------------------------------------------------------


def _click_site(
    qtbot: QtBot,
    tree: SitesTree,
    site_id: str,
    modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    item = tree.item_for(site_id)
    tree.scrollToItem(item)
    pos = tree.visualItemRect(item).center()
    _click(qtbot, tree.viewport(), pos, modifier)


def test_sites_tree_click_selects_and_ctrl_click_combines(qtbot: QtBot, selection: SelectionModel) -> None:
    tree = SitesTree(selection)
    _show(qtbot, tree)
    groups = [_some(tree.topLevelItem(i)).text(0) for i in range(tree.topLevelItemCount())]
    assert groups == [g.name for g in selection.content.site_groups]

    _click_site(qtbot, tree, "internal-capsule-left")
    assert _sites(selection) == ("internal-capsule-left",)
    _click_site(qtbot, tree, "anterior-horn-c5-right", Qt.KeyboardModifier.ControlModifier)
    assert _sites(selection) == ("internal-capsule-left", "anterior-horn-c5-right")
    assert tree.selected_sites() == ("internal-capsule-left", "anterior-horn-c5-right")
    assert tree.item_for("anterior-horn-c5-right").text(0) == "\u2714 Right anterior horn at C5"

    _click_site(qtbot, tree, "internal-capsule-left", Qt.KeyboardModifier.ControlModifier)
    assert _sites(selection) == ("anterior-horn-c5-right",)
    assert tree.item_for("internal-capsule-left").text(0) == "Left internal capsule"
    _click_site(qtbot, tree, "muscle-left")
    assert _sites(selection) == ("muscle-left",)
    assert tree.selected_sites() == ("muscle-left",)


def test_sites_tree_keyboard(qtbot: QtBot, selection: SelectionModel) -> None:
    tree = SitesTree(selection)
    _show(qtbot, tree)
    tree.setFocus()
    tree.setCurrentItem(tree.item_for("motor-cortex-face-arm-right"))
    _key(qtbot, tree, Qt.Key.Key_Down)
    assert _sites(selection) == ()  # arrows move the focus only
    _key(qtbot, tree, Qt.Key.Key_Return)
    assert _sites(selection) == ("motor-cortex-face-arm-left",)
    _key(qtbot, tree, Qt.Key.Key_Down)
    _key(qtbot, tree, Qt.Key.Key_Space)
    assert _sites(selection) == ("motor-cortex-face-arm-left", "motor-cortex-leg-right")
    _key(qtbot, tree, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert tree.selected_sites() == selection.sites


def test_sites_tree_marks_the_sites_of_a_disease(qtbot: QtBot, selection: SelectionModel) -> None:
    tree = SitesTree(selection)
    _show(qtbot, tree)
    selection.choose_disease("als")
    assert (
        tree.item_for("motor-cortex-leg-left").text(0)
        == "\u2714 Left motor cortex: leg\u00a0\u00a0\u2022\u00a0disease"
    )
    involved = tree.item_for("lateral-corticospinal-c5-left")
    assert involved.text(0) == "Left lateral corticospinal tract at C5\u00a0\u00a0\u2022\u00a0disease"
    assert not involved.isSelected()
    assert tree.item_for("internal-capsule-left").text(0) == "Left internal capsule"
    selection.clear()
    assert tree.item_for("motor-cortex-leg-left").text(0) == "Left motor cortex: leg"
    assert tree.selected_sites() == ()


# --- Site details ---------------------------------------------------------------------------------


def test_site_details_derive_the_fibres(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SiteDetailsPanel(selection)
    _show(qtbot, panel)
    assert "Select a lesion site" in panel.text()
    selection.select("internal-capsule-left")
    text = panel.text()
    assert text.startswith("Left internal capsule")
    for heading in ("Where it is", "What passes through it", "Associated features", "References"):
        assert heading in text
    assert (
        "Upper motor neuron fibres for: right upper face, lower face, tongue, "
        "throat (speech and swallowing), arm, hand, trunk, saddle area, leg and foot; "
        "left upper face, lower face" in text
    )
    assert "No sign is expected in the right upper face" in text, "bilateral supply is explained"
    assert "Lower motor neuron fibres" not in text

    selection.toggle("anterior-horn-c5-right")
    text = panel.text()
    assert text.startswith("Right anterior horn at C5")  # the most recently added, in full
    assert "Also selected:" in text
    assert "Left internal capsule" in text
    assert "Lower motor neuron fibres for: right arm" in text


def test_site_details_show_disagreement(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SiteDetailsPanel(selection)
    _show(qtbot, panel)
    selection.select("pyramidal-decussation")
    assert "Sources disagree" in panel.text()


# --- Static pages and links -----------------------------------------------------------------------


def test_faq_and_references(qtbot: QtBot, content: Content, selection: SelectionModel) -> None:
    faq, refs = FaqPanel(selection), ReferencesPanel(selection)
    _show(qtbot, faq)
    _show(qtbot, refs)
    assert content.faq[0].question in faq.text()
    assert "Common misconception" in faq.text()
    assert "seed" not in faq.text().lower()
    refs_text = refs.text()
    assert "https://jnnp.bmj.com/highwire/markup/207437/expansion" in refs_text  # shown as text
    assert "teaching convention" in refs_text
    assert refs_text.count("Address: ") == sum(1 for r in content.references.values() if r.url)
    # what a reference replaced is for maintainers, not for students
    assert any(r.history for r in content.references.values())
    assert "Replaces" not in refs_text
    assert ".." not in refs_text
    assert "?." not in refs_text
    assert "docs/" not in refs_text


def test_citation_links_scroll_within_the_page(qtbot: QtBot, selection: SelectionModel) -> None:
    faq = FaqPanel(selection)
    _show(qtbot, faq)
    browser = faq.browser()
    assert browser.verticalScrollBar().value() == 0
    _click_text(qtbot, browser, "SPU")
    assert browser.verticalScrollBar().value() > 0
    assert browser.source().isEmpty()


def test_no_panel_links_to_the_network(qtbot: QtBot, selection: SelectionModel) -> None:
    panels: list[QWidget] = [
        SignsPanel(selection),
        ComparisonPanel(selection),
        DiseasesPanel(selection),
        SiteDetailsPanel(selection),
        FaqPanel(selection),
        ReferencesPanel(selection),
    ]
    for panel in panels:
        _show(qtbot, panel)
    selection.choose_disease("als")
    comparison = panels[1]
    assert isinstance(comparison, ComparisonPanel)
    comparison.table().selectRow(comparison.feature_row("EMG and nerve conduction"))
    hrefs = [h for panel in panels for h in _hrefs(panel)]
    assert any(h.startswith("#ref-") for h in hrefs)
    assert all(h.startswith(("#ref-", "sign:")) for h in hrefs), sorted(set(hrefs))
    for browser in (b for panel in panels for b in panel.findChildren(QTextBrowser)):
        assert not browser.openLinks()
        assert not browser.openExternalLinks()


@pytest.mark.parametrize("width", [420])
def test_panels_need_no_horizontal_scrolling(qtbot: QtBot, selection: SelectionModel, width: int) -> None:
    panels: list[QWidget] = [
        SignsPanel(selection),
        ComparisonPanel(selection),
        DiseasesPanel(selection),
        SiteDetailsPanel(selection),
        SitesTree(selection),
        FaqPanel(selection),
        ReferencesPanel(selection),
    ]
    for panel in panels:
        _show(qtbot, panel, width)
        assert panel.objectName()
        assert panel.accessibleName()
    selection.choose_disease("als")
    QApplication.processEvents()
    for panel in panels:
        scrolled = [*panel.findChildren(QWidget), panel]
        for widget in scrolled:
            bar = getattr(widget, "horizontalScrollBar", None)
            if bar is not None:
                assert bar().maximum() == 0, f"{panel.objectName()}/{widget.objectName()} scrolls sideways"


def test_many_selections_do_not_grow_the_widgets(qtbot: QtBot, selection: SelectionModel) -> None:
    panels: list[QWidget] = [
        SignsPanel(selection),
        ComparisonPanel(selection),
        DiseasesPanel(selection),
        SiteDetailsPanel(selection),
        SitesTree(selection),
    ]
    for panel in panels:
        _show(qtbot, panel)
    sites = [s.id for s in selection.content.sites]

    def census() -> list[int]:
        return [len(p.findChildren(QObject)) for p in panels]

    selection.select(sites[0])
    before = census()
    for i in range(300):
        selection.select(sites[i % len(sites)])
        if i % 7 == 0:
            selection.toggle(sites[(i * 3) % len(sites)])
        if i % 11 == 0:
            selection.choose_disease(selection.content.diseases[i % len(selection.content.diseases)].id)
    selection.select(sites[0])
    QApplication.processEvents()
    assert census() == before


def test_hidden_panels_catch_up_when_shown(qtbot: QtBot, selection: SelectionModel) -> None:
    panels: list[SignsPanel | SiteDetailsPanel | DiseasesPanel] = [
        SignsPanel(selection),
        SiteDetailsPanel(selection),
        DiseasesPanel(selection),
    ]
    for panel in panels:
        _show(qtbot, panel)
        panel.hide()
    selection.choose_disease("bell-palsy")
    names = ("signsText", "siteDetailsText", "diseaseDetails")
    browsers = [_child(p, QTextBrowser, name) for p, name in zip(panels, names, strict=True)]
    assert all("Bell" not in b.toPlainText() and "facial" not in b.toPlainText() for b in browsers)
    for panel in panels:
        panel.show()
    assert browsers[0].toPlainText().startswith("Bell palsy")
    assert browsers[1].toPlainText().startswith("Right facial nerve")
    assert browsers[2].toPlainText().startswith("Bell palsy")


def test_unchanged_selection_leaves_the_pages_alone(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SiteDetailsPanel(selection)
    _show(qtbot, panel)
    selection.select("internal-capsule-left")
    browser = _child(panel, QTextBrowser, "siteDetailsText")
    browser.verticalScrollBar().setValue(40)
    selection.select("internal-capsule-left")  # no change: no signal, no redraw
    selection.choose_disease("stroke")  # same sites, now from a disease: the text is the same
    assert browser.verticalScrollBar().value() == 40


def test_signs_follow_the_day_since_onset(qtbot: QtBot, selection: SelectionModel) -> None:
    panel = SignsPanel(selection)
    _show(qtbot, panel)
    selection.select("internal-capsule-left")
    assert panel.day_text().startswith("Established lesion")
    assert "Spasticity (raised tone)" in panel.text()
    back = _child(panel, QPushButton, "showEstablished")
    assert not back.isVisible()
    selection.set_day(3)
    text = panel.text()
    assert panel.day_text() == "Day 3 after onset"
    assert "Hypotonia (flaccid tone)" in text
    assert "Spasticity (raised tone)" not in text
    assert back.isVisible()
    qtbot.waitUntil(lambda: back.height() > 20)
    _click(qtbot, back, back.rect().center())
    assert selection.day is None
    assert not back.isVisible()
    assert "Spasticity (raised tone)" in panel.text()
