"""The three pictures stay in step: the neuraxis diagram, the body map and the cord section.
Each test clicks one of them (real clicks through its viewport, in the real main window) and
checks what the others show."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui.diagram.items import SiteState
from app.ui.main_window import MainWindow
from app.ui.panels.cross_section import CrossSectionPanel
from app.ui.panels.diseases_panel import DiseasesPanel
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot: QtBot, content: Content) -> MainWindow:
    main = open_main_window(qtbot, content, 1920, 1080)  # wide enough for the body map beside the signs
    qtbot.waitUntil(lambda: main.side.body_beside_signs)
    return main


def click(qtbot: QtBot, view: QAbstractScrollArea, pos: QPoint) -> None:
    """A left click at a viewport position, as a user makes it."""
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def cord(window: MainWindow, qtbot: QtBot) -> CrossSectionPanel:
    window.side.show_tab_named("cord")
    panel = window.side.page("Cord", CrossSectionPanel)
    qtbot.waitExposed(panel)
    return panel


def painted(window: MainWindow) -> set[str]:
    """Body map parts that show a lesion type or a sensory loss."""
    return {key for key, item in window.side.body.view.items_by_key.items() if item.layers}


def test_clicking_the_diagram_updates_body_map_and_cord(qtbot: QtBot, window: MainWindow) -> None:
    view = window.diagram
    click(qtbot, view, view.part_center("hemisection-t6-left"))
    assert window.selection.sites == ("hemisection-t6-left",)
    below = ("trunk", "saddle", "leg", "foot")
    assert painted(window) == {f"{r}-{s}" for r in below for s in ("left", "right")}
    section = cord(window, qtbot)
    assert section.level == "T6", "the section jumps to the level of the lesion"
    parts = (
        "lateral-corticospinal",
        "anterior-corticospinal",
        "anterior-horn",
        "dorsal-horn",
        "dorsal-column",
        "spinothalamic",
    )
    assert section.view.cut == {f"{part}-left" for part in parts}


def test_clicking_the_cord_section_selects_a_site_everywhere(qtbot: QtBot, window: MainWindow) -> None:
    section = cord(window, qtbot)
    section.set_level("C5")
    view = section.view
    click(qtbot, view, view.part_center("anterior-horn-right"))
    assert window.selection.sites == ("anterior-horn-c5-right",)
    assert window.diagram.item("anterior-horn-c5-right").state & SiteState.SELECTED
    assert painted(window) == {"arm-right"}
    assert window.side.signs.text().startswith("Right anterior horn at C5")


def test_clicking_the_body_map_highlights_the_sites_on_the_diagram(qtbot: QtBot, window: MainWindow) -> None:
    body = window.side.body.view
    click(qtbot, body, body.part_center("face-upper-left"))
    assert window.selection.probe == ("face-upper", "left")
    answers = set(window.selection.probe_sites)
    expected = ("facial-nerve", "millard-gubler", "neuromuscular-junction")
    assert answers == {f"{site}-left" for site in expected}
    for site_id, item in ((s, window.diagram.item(s)) for s in window.content.sites_by_id):
        assert bool(item.state & SiteState.PROBE) == (site_id in answers), site_id
    assert "Left facial nerve" in window.side.body.answer_text()
    answer = window.side.body.answer_text().lower()
    assert "internal capsule" not in answer, "one hemisphere spares the forehead"

    view = window.diagram  # a new selection answers a new question: the highlights go
    click(qtbot, view, view.part_center("internal-capsule-right"))
    assert window.selection.probe is None
    assert not window.diagram.item("facial-nerve-left").state & SiteState.PROBE


def test_choosing_a_disease_shows_it_in_all_three(qtbot: QtBot, window: MainWindow) -> None:
    window.side.show_tab_named("diseases")
    diseases = window.side.page("Diseases", DiseasesPanel)
    diseases._show_all.setChecked(True)
    listing = diseases.list_widget()
    item = diseases.item_for("b12-deficiency")
    assert item is not None
    listing.scrollToItem(item)
    click(qtbot, listing, listing.visualItemRect(item).center())
    assert window.selection.disease == "b12-deficiency"
    for site in window.content.diseases_by_id["b12-deficiency"].typical:
        assert window.diagram.item(site).state & SiteState.SELECTED, site
    assert {"leg-left", "leg-right", "foot-left", "foot-right"} <= painted(window)
    section = cord(window, qtbot)
    assert section.level == "C5", "the highest level the disease reaches"
    assert section.view.cut == {"lateral-corticospinal-left", "lateral-corticospinal-right"}
    section.set_level("T6")
    assert {"dorsal-column-left", "dorsal-column-right"} <= section.view.cut
    foot = window.side.signs.text().split("\nFoot", 1)[1]
    assert "Extensor plantar response" in foot, "the Babinski sign with ..."
    assert "Reduced or absent tendon reflexes" in foot, "... absent ankle jerks"
