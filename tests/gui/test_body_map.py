"""The body map, driven as a user would: real clicks and hovers at region positions, real keys,
and checks on the pixels students see."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QImage, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui import theme
from app.ui.panels.body_map import SENSORY_COLOURS, BodyMapPanel, BodyMapView
from app.ui.panels.overlay_style import inset_path
from app.ui.selection import SelectionModel

pytestmark = pytest.mark.gui

WIDTH, HEIGHT = 560, 640
FACE_ARM_LEG = {"face-lower-right", "arm-right", "hand-right", "trunk-right", "leg-right", "foot-right"}


@pytest.fixture
def panel(qtbot: QtBot, selection: SelectionModel) -> BodyMapPanel:
    widget = BodyMapPanel(selection)
    qtbot.addWidget(widget)
    widget.resize(WIDTH, HEIGHT)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def painted(view: BodyMapView) -> set[str]:
    return {key for key, item in view.items_by_key.items() if item.layers}


def inside(view: BodyMapView, key: str, image: QImage) -> list[int]:
    """The colours of a grid of pixels well inside a region (away from its neighbours' outlines)."""
    path = inset_path(view.items_by_key[key].path(), 6)
    rect = path.boundingRect()
    colours = []
    for i in range(1, 12):
        for j in range(1, 12):
            point = QPointF(rect.left() + rect.width() * i / 12, rect.top() + rect.height() * j / 12)
            if path.contains(point):
                pos = view.mapFromScene(point)
                colours.append(image.pixel(pos.x(), pos.y()))
    assert colours, key
    return colours


def grab(view: BodyMapView) -> QImage:
    QApplication.processEvents()
    return view.viewport().grab().toImage()


def shows_colour(view: BodyMapView, key: str, colour: str, image: QImage) -> bool:
    """Some pixel of the region is (nearly) ``colour``: a pattern or outline line is drawn there."""
    target = QColor(colour)
    path = view.items_by_key[key].path()
    rect = view.mapFromScene(path.boundingRect()).boundingRect()
    for x in range(rect.left(), rect.right(), 2):
        for y in range(rect.top(), rect.bottom(), 2):
            if not path.contains(view.mapToScene(x, y)):
                continue
            pixel = QColor(image.pixel(x, y))
            if (
                max(
                    abs(pixel.red() - target.red()),
                    abs(pixel.green() - target.green()),
                    abs(pixel.blue() - target.blue()),
                )
                < 30
            ):
                return True
    return False


def click(qtbot: QtBot, view: BodyMapView, key: str) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(key))


def test_every_region_and_side_is_on_the_map(panel: BodyMapPanel) -> None:
    regions = [r.id for r in panel.view.selection.content.regions]
    assert set(panel.view.items_by_key) == {f"{r}-{s}" for r in regions for s in ("left", "right")}
    assert panel.view.items_by_key["hand-right"].name == "Right hand"
    view = panel.view
    # the patient's right is on the viewer's left
    assert view.part_center("hand-right").x() < view.part_center("hand-left").x()


def test_internal_capsule_paints_the_opposite_face_arm_and_leg(qtbot: QtBot, panel: BodyMapPanel) -> None:
    view = panel.view
    before = grab(view)
    assert painted(view) == set()

    panel._selection.select("internal-capsule-left")

    assert FACE_ARM_LEG <= painted(view)
    assert "face-upper-right" not in painted(view), "the upper face has cortical input from both sides"
    assert not {k for k in painted(view) if k.endswith("-left")}
    after = grab(view)
    for key in FACE_ARM_LEG:
        assert inside(view, key, after) != inside(view, key, before), f"{key} looks the same"
    for key in FACE_ARM_LEG - {"trunk-right"}:
        assert shows_colour(view, key, theme.LESION_COLOURS["UMN"], after), key
    # the trunk has cortical supply from both sides: its only finding (absent abdominal reflexes)
    # carries no lesion type, so it is not drawn as upper motor neuron weakness
    assert not shows_colour(view, "trunk-right", theme.LESION_COLOURS["UMN"], after)
    for key in ["face-upper-right", *(k for k in view.items_by_key if k.endswith("-left"))]:
        assert inside(view, key, after) == inside(view, key, before), f"{key} was painted"


def test_anterior_horn_paints_only_that_arm(panel: BodyMapPanel) -> None:
    panel._selection.select("anterior-horn-c5-right")
    assert painted(panel.view) == {"arm-right"}
    assert shows_colour(panel.view, "arm-right", theme.LESION_COLOURS["LMN"], grab(panel.view))
    assert not shows_colour(panel.view, "arm-right", theme.LESION_COLOURS["UMN"], grab(panel.view))


def test_hovering_a_region_lists_its_findings(qtbot: QtBot, panel: BodyMapPanel) -> None:
    view = panel.view
    panel._selection.select("internal-capsule-left")
    qtbot.mouseMove(view.viewport(), view.part_center("hand-right"))
    qtbot.waitUntil(lambda: view.hovered == "hand-right")
    label = view.label_text
    assert label.startswith("Right hand\nUMN - Weakness")
    assert "Hoffmann sign" in label
    qtbot.mouseMove(view.viewport(), view.part_center("hand-left"))
    qtbot.waitUntil(lambda: view.hovered == "hand-left")
    assert view.label_text == "Left hand\nNo expected findings"
    assert panel._selection.sites == ("internal-capsule-left",), "hovering never selects"


def test_clicking_a_region_lists_the_lesions_that_weaken_it(qtbot: QtBot, panel: BodyMapPanel) -> None:
    view, selection = panel.view, panel._selection
    before = grab(view)
    assert "Click a body region" in panel.answer_text()

    click(qtbot, view, "face-upper-left")

    assert selection.probe == ("face-upper", "left")
    answer = panel.answer_text()
    assert answer.startswith("Lesions that weaken the left upper face:")
    assert selection.content.sites_by_id["facial-nerve-left"].name in answer
    assert selection.content.sites_by_id["internal-capsule-right"].name not in answer
    assert view.items_by_key["face-upper-left"].marked
    assert inside(view, "face-upper-left", grab(view)) != inside(view, "face-upper-left", before), "no marker"
    assert selection.sites == (), "asking is not selecting"


def test_clicking_a_listed_site_selects_it(qtbot: QtBot, panel: BodyMapPanel) -> None:
    selection = panel._selection
    click(qtbot, panel.view, "face-upper-left")
    name = selection.content.sites_by_id["facial-nerve-left"].name
    browser = panel.answer
    found = browser.document().find(name)
    assert not found.isNull()
    cursor = QTextCursor(browser.document())
    cursor.setPosition(found.selectionStart() + len(name) // 2)
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=browser.cursorRect(cursor).center())

    assert selection.sites == ("facial-nerve-left",)
    assert {"face-upper-left", "face-lower-left"} <= painted(panel.view)
    assert selection.probe == ("face-upper", "left"), "the question stays open for the next answer"
    assert f"{name} (shown)" in panel.answer_text().replace("\N{NO-BREAK SPACE}", " ")


def test_keyboard_moves_a_visible_focus_and_enter_asks(qtbot: QtBot, panel: BodyMapPanel) -> None:
    view = panel.view
    panel.activateWindow()
    qtbot.waitUntil(panel.isActiveWindow)
    panel.answer.setFocus()
    view.setFocus(Qt.FocusReason.TabFocusReason)
    assert view.hasFocus()
    before = grab(view)
    first = view.focused
    assert first == "face-upper-right"
    assert view.items_by_key[first].focused
    assert view.label_text.startswith("Right upper face")
    assert inside(view, "eye-right", before) is not None

    qtbot.keyClick(view, Qt.Key.Key_Right)  # across the midline: the patient's left
    assert view.focused == "face-upper-left"
    assert view.accessibleName() == "Body map: Left upper face. No expected findings"  # for screen readers
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.focused == "eye-left"
    assert grab(view) != before, "the focus ring is drawn"
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused == "face-lower-left"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert panel._selection.probe == ("face-lower", "left")
    assert "Lesions that weaken the left lower face:" in panel.answer_text()


def test_sensory_loss_of_a_hemisection(panel: BodyMapPanel) -> None:
    """Brown-Sequard at T6: the same leg is spastic and loses vibration; the other loses pain."""
    view = panel.view
    panel._selection.select("hemisection-t6-left")
    image = grab(view)
    assert shows_colour(view, "leg-left", theme.LESION_COLOURS["UMN"], image)
    assert shows_colour(view, "leg-left", SENSORY_COLOURS["vibration-proprioception"], image)
    assert not shows_colour(view, "leg-left", SENSORY_COLOURS["pain-temperature"], image)
    assert shows_colour(view, "leg-right", SENSORY_COLOURS["pain-temperature"], image)
    assert not shows_colour(view, "leg-right", theme.LESION_COLOURS["UMN"], image)
    assert not shows_colour(view, "leg-right", SENSORY_COLOURS["vibration-proprioception"], image)
    assert view.describe("leg-left") == (
        "Left leg\nUMN - Weakness, Spasticity (raised tone), Brisk tendon reflexes"
        "\nVibration and position sense lost"
    )
    assert view.describe("leg-right") == "Right leg\nPain and temperature lost"
    assert "Right leg: Pain and temperature lost" in view.accessibleDescription()


def test_selection_repaints_only_the_overlay(panel: BodyMapPanel) -> None:
    view = panel.view
    grab(view)
    backdrop = view._backdrop.cacheKey()
    panel._selection.select("internal-capsule-left")
    panel._selection.ask_region("hand", "right")
    grab(view)
    assert view._backdrop.cacheKey() == backdrop, "the SVG was rendered again"


def test_screen_readers_get_the_findings(panel: BodyMapPanel) -> None:
    view = panel.view
    assert "No region is affected" in view.accessibleDescription()
    panel._selection.select("anterior-horn-c5-right")
    assert "Right arm: LMN - Weakness" in view.accessibleDescription()
    assert panel.accessibleName() == "Body map"


def test_hidden_map_catches_up_when_shown(qtbot: QtBot, panel: BodyMapPanel) -> None:
    panel.hide()
    panel._selection.select("anterior-horn-c5-right")
    assert painted(panel.view) == set(), "a hidden panel does no work"
    panel.show()
    qtbot.waitExposed(panel)
    assert painted(panel.view) == {"arm-right"}


@pytest.mark.parametrize(("width", "height", "beside"), [(900, 600, True), (460, 700, False)])
def test_the_answer_goes_where_there_is_room(
    qtbot: QtBot, panel: BodyMapPanel, width: int, height: int, beside: bool
) -> None:
    panel.resize(width, height)

    def arranged() -> bool:
        view, answer = panel.view.geometry(), panel.answer.geometry()
        return answer.left() >= view.right() if beside else answer.top() >= view.bottom()

    qtbot.waitUntil(arranged, timeout=2000)  # landscape: beside the figure; portrait: under it
    assert panel.view.height() >= height // 2, "the figure keeps most of the height"
