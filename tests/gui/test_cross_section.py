"""The spinal cord cross-section, driven as a user would: real clicks on parts and level buttons,
real hovers and keys, and checks on the pixels and words students see."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui.panels.cross_section import CrossSectionPanel, CrossSectionView, site_level
from app.ui.panels.overlay_style import inset_path
from app.ui.selection import SelectionModel

pytestmark = pytest.mark.gui

LEFT_CORD = {
    "dorsal-column-left",
    "dorsal-horn-left",
    "lateral-corticospinal-left",
    "anterior-corticospinal-left",
    "spinothalamic-left",
    "anterior-horn-left",
}


def build(qtbot: QtBot, selection: SelectionModel) -> CrossSectionPanel:
    widget = CrossSectionPanel(selection)
    qtbot.addWidget(widget)
    widget.resize(560, 640)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def panel(qtbot: QtBot, selection: SelectionModel) -> CrossSectionPanel:
    return build(qtbot, selection)


def grab(view: CrossSectionView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def inside(view: CrossSectionView, key: str, image: QImage) -> list[int]:
    path = inset_path(view.items_by_key[key].path(), 4)
    rect = path.boundingRect()
    points = (
        QPointF(rect.left() + rect.width() * i / 10, rect.top() + rect.height() * j / 10)
        for i in range(1, 10)
        for j in range(1, 10)
    )
    colours = [image.pixel(view.mapFromScene(p)) for p in points if path.contains(p)]
    assert colours, key
    return colours


def click(qtbot: QtBot, view: CrossSectionView, key: str) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(key))


def choose_level(qtbot: QtBot, panel: CrossSectionPanel, level: str) -> None:
    button = panel.level_buttons[level]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())


def test_a_tract_lesion_highlights_only_that_tract(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    view = panel.view
    before = grab(view)
    panel._selection.select("lateral-corticospinal-c5-left")
    assert panel.level == "C5"
    assert view.cut == {"lateral-corticospinal-left"}
    after = grab(view)
    for key in view.items_by_key:
        changed = inside(view, key, after) != inside(view, key, before)
        assert changed == (key == "lateral-corticospinal-left"), key
    caption = panel.caption_text()
    assert "Cut at C5 by Left lateral corticospinal tract at C5" in caption
    effect = "Left lateral corticospinal tract: upper motor neuron signs below C5 on the left (the same side)"
    assert effect in caption
    assert "Cut here: left lateral corticospinal tract." in view.accessibleDescription()


def test_the_patients_right_is_on_the_viewers_left(panel: CrossSectionPanel) -> None:
    view = panel.view
    assert view.part_center("anterior-horn-right").x() < view.part_center("anterior-horn-left").x()
    assert view.part_center("dorsal-column-right").y() < view.part_center("anterior-horn-right").y(), (
        "dorsal up"
    )


def test_clicking_a_part_selects_the_most_specific_site(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    click(qtbot, panel.view, "anterior-horn-right")
    assert panel._selection.sites == ("anterior-horn-c5-right",)
    assert panel.view.cut == {"anterior-horn-right"}
    click(qtbot, panel.view, "lateral-corticospinal-left")
    assert panel._selection.sites == ("lateral-corticospinal-c5-left",)


def test_a_part_no_site_cuts_says_so(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    panel._selection.select("anterior-horn-c5-right")
    click(qtbot, panel.view, "dorsal-root-left")
    assert panel._selection.sites == ("anterior-horn-c5-right",)
    assert "No lesion site in this app cuts the left dorsal root and ganglion at C5." in panel.caption_text()


def test_clicking_the_anterior_corticospinal_tract(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    """The uncrossed tract beside the anterior median fissure: hovering says what runs in it, a click
    in the middle of the drawn tract selects the smallest lesion that cuts it and explains the cut."""
    view = panel.view
    key = "anterior-corticospinal-right"
    tract = view.items_by_key[key].path().boundingRect()
    assert tract.center().x() < view.items_by_key["anterior-corticospinal-left"].path().boundingRect().left()
    where = view.mapFromScene(tract.center())
    before = grab(view)

    qtbot.mouseMove(view.viewport(), where)
    qtbot.waitUntil(lambda: view.hovered == key)
    title, carries = view.label_text.split("\n")
    assert title == "Right anterior corticospinal tract at C5"
    assert carries.startswith("The small share of corticospinal fibres (roughly a tenth) from the right")
    assert "did not cross in the pyramidal decussation" in carries
    assert "[" not in carries, "no citation keys in the hover label"

    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert panel._selection.sites == ("hemisection-c5-right",), "the only site that cuts it at C5"
    assert key in view.cut
    changed = [k for k in view.items_by_key if inside(view, k, grab(view)) != inside(view, k, before)]
    assert key in changed, "the tract is drawn cut"
    caption = panel.caption_text()
    assert "Cut at C5 by Right hemisection of the cord at C5" in caption
    assert "Right anterior corticospinal tract: on its own little or no lasting weakness" in caption
    assert "the right trunk below C5 is weak too" in caption
    assert "BRD — teaching convention: Broadbent's law" in caption, "its sources are listed"
    assert "right anterior corticospinal tract" in view.accessibleDescription()

    choose_level(qtbot, panel, "L4")
    click(qtbot, view, "anterior-corticospinal-left")
    assert panel._selection.sites == ("hemisection-c5-right",), "no site cuts it at L4: nothing changes"
    note = "No lesion site in this app cuts the left anterior corticospinal tract at L4."
    assert note in panel.caption_text()


def test_level_buttons_switch_the_level(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    assert {"C5", "T6", "L4"} <= set(panel.level_buttons)
    panel._selection.select("lateral-corticospinal-c5-left")
    choose_level(qtbot, panel, "T6")
    assert panel.level == "T6"
    assert panel.level_buttons["T6"].isChecked()
    assert panel.view.cut == set(), "a tract cut at C5 is not drawn cut at T6"
    assert "The selection cuts the cord at C5, not at T6." in panel.caption_text()
    click(qtbot, panel.view, "lateral-corticospinal-right")
    assert panel._selection.sites == ("lateral-corticospinal-t6-right",)
    assert panel.level == "T6"
    choose_level(qtbot, panel, "L4")
    click(qtbot, panel.view, "anterior-horn-left")
    assert panel._selection.sites == ("anterior-horn-l4-left",)


def test_the_level_follows_a_new_selection(qtbot: QtBot, selection: SelectionModel) -> None:
    selection.select("hemisection-t6-left")
    panel = build(qtbot, selection)
    assert panel.level == "T6", "starts at the selected site's level"
    selection.select("anterior-horn-c5-left")
    assert panel.level == "C5"
    assert panel.view.cut == {"anterior-horn-left"}


def test_a_hemisection_cuts_the_whole_half(panel: CrossSectionPanel) -> None:
    panel._selection.select("hemisection-c5-left")
    assert panel.view.cut == LEFT_CORD
    caption = panel.caption_text()
    effect = "Left dorsal column: vibration and position sense lost below C5 on the left (the same side)"
    assert effect in caption
    assert "pain and temperature lost on the right side from a little below C5" in caption


def test_hover_says_what_runs_in_a_part(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    view = panel.view
    qtbot.mouseMove(view.viewport(), view.part_center("lateral-corticospinal-left"))
    qtbot.waitUntil(lambda: view.hovered == "lateral-corticospinal-left")
    assert view.label_text == (
        "Left lateral corticospinal tract at C5\n"
        "Descending motor fibres, already crossed, for the left side below this level."
    )
    qtbot.mouseMove(view.viewport(), view.part_center("spinothalamic-right"))
    qtbot.waitUntil(lambda: view.hovered == "spinothalamic-right")
    assert "from the left side of the body" in view.label_text
    assert panel._selection.sites == (), "hovering never selects"


def test_keyboard_focus_and_enter_select(qtbot: QtBot, panel: CrossSectionPanel) -> None:
    view = panel.view
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.caption.setFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.items_by_key[view.order[0]].focused
    while view.focused != "anterior-horn-right":
        before = view.focused
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        assert view.focused != before
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert panel._selection.sites == ("anterior-horn-c5-right",)
    start = view.part_center("anterior-horn-right")
    qtbot.keyClick(view, Qt.Key.Key_Right)  # to the nearest part on the viewer's right
    assert view.focused in {"anterior-commissure", "anterior-corticospinal-right", "anterior-horn-left"}
    assert view.part_center(view.focused).x() > start.x()


def test_site_levels(content: Content) -> None:
    sites = content.sites_by_id
    assert site_level(content, sites["anterior-horn-l4-left"]) == "L4"
    assert site_level(content, sites["ventral-root-l5-left"]) == "L5"
    assert site_level(content, sites["internal-capsule-left"]) is None
