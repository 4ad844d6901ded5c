"""Body-map regions drawn from cached pixmaps look as when drawn directly, at device pixel ratios 1 and 2
and at scales and offsets that are not whole pixels: the patterns land on the same pixels, and a
colour differs at most by the rounding of blending onto a transparent pixmap first (3 of 255)."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPicture, QPixmap, QTransform
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from app.model.content import Content
from app.ui import paint_cache
from app.ui.panels.body_map import BodyMapView
from app.ui.panels.overlay import PartItem
from app.ui.panels.overlay_style import paint_layers
from app.ui.panels.richtext import RichBrowser
from app.ui.selection import SelectionModel
from tests.gui.conftest import open_main_window

pytestmark = pytest.mark.gui

HINTS = QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
ROUNDING = 3
"""Largest difference of a colour channel (of 255): invisible, and no pattern or edge moves."""
PLACES = [QTransform(0.41, 0, 0, 0.41, 3.3, 7.7), QTransform(1.0, 0, 0, 1.0, 24.5, 9.25)]
"""Item to image transforms that keep every item inside the image: where a dashed cosmetic pen is
cut by the edge of the device, Qt restarts its dashes, which a cached drawing never needs."""


def drawn(ratio: float, transform: QTransform, draw: Callable[[QPainter], None]) -> QImage:
    image = QImage(round(1200 * ratio), round(1100 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(HINTS)
    painter.setTransform(transform)
    draw(painter)
    painter.end()
    return image


def difference(a: QImage, b: QImage, around: QRectF) -> int:
    """The largest difference of any colour channel between two opaque images of one size, in the
    part of them ``around`` covers (logical pixels)."""
    assert a.size() == b.size()
    ratio = a.devicePixelRatio()
    box = QRectF(around.adjusted(-12, -12, 12, 12))
    part = QRect(
        math.floor(box.left() * ratio),
        math.floor(box.top() * ratio),
        math.ceil(box.width() * ratio),
        math.ceil(box.height() * ratio),
    ).intersected(a.rect())
    out = a.copy(part)
    out.setDevicePixelRatio(1.0)
    other = b.copy(part)
    other.setDevicePixelRatio(1.0)
    painter = QPainter(out)
    painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Difference)
    painter.drawImage(0, 0, other)
    painter.end()
    rgb = out.convertToFormat(QImage.Format.Format_RGB888)  # kept alive while its bits are read
    bits, line, width = bytes(rgb.constBits()), rgb.bytesPerLine(), rgb.width() * 3
    return max(max(bits[y * line : y * line + width]) for y in range(rgb.height()))  # not the padding


@pytest.mark.parametrize("ratio", [1.0, 2.0])
@pytest.mark.parametrize("place", PLACES)
def test_body_map_regions_from_the_cache_match_direct_drawing(
    qtbot: QtBot, selection: SelectionModel, ratio: float, place: QTransform
) -> None:
    view = BodyMapView(selection, selection.content.drawings.body)
    qtbot.addWidget(view)
    selection.select("hemisection-c5-right")  # motor layers, both sensory rings
    view.show_findings()
    items = sorted((i for i in view.items_by_key.values() if i.layers), key=lambda i: -len(i.layers))[:3]
    assert {x.outline for item in items for x in item.layers} == {"solid", "dashes", "beads"}
    option = QStyleOptionGraphicsItem()
    for item in items:

        def direct_drawing(painter: QPainter, item: PartItem = item) -> None:
            paint_layers(painter, item.path(), item.layers, item.inset)

        def cached_drawing(painter: QPainter, item: PartItem = item) -> None:
            item.paint(painter, option, None)

        direct = drawn(ratio, place, direct_drawing)
        for _ in range(2):  # drawn into the cache, then blitted from it
            cached = drawn(ratio, place, cached_drawing)
            assert difference(cached, direct, place.mapRect(item.boundingRect())) <= ROUNDING, item.key


def test_the_cache_keeps_to_its_budget(qapp: object) -> None:
    paint_cache.clear()
    pixmap = QPixmap(512, 512)
    for n in range(paint_cache.BUDGET_BYTES // (512 * 512 * 4) + 20):
        painter = QPainter(pixmap)
        paint_cache.paint_cached(painter, QRectF(0, 0, 400, 400), ("budget", n), lambda p: None)
        painter.end()
    assert paint_cache._used[0] <= paint_cache.BUDGET_BYTES
    assert len(paint_cache._cache) < paint_cache.BUDGET_BYTES // (400 * 400 * 4) + 1
    paint_cache.clear()


def test_what_is_on_screen_after_clicks_is_a_full_repaint(qtbot: QtBot, content: Content) -> None:
    """A click repaints only what changed (body-map regions from the cache, the comparison table's
    changed columns, the diagram's changed sites), and the SVG views paint their whole viewport
    themselves (margins too): after each click and resize the window on screen (Qt's backing store)
    is exactly what painting every widget again gives."""
    window = open_main_window(qtbot, content, 1800, 1000)
    view = window.diagram
    for site in ["internal-capsule-left", "hemisection-c5-right", "muscle-left", "anterior-horn-c5-right"]:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.part_center(site))
        for _ in range(5):
            QApplication.processEvents()
        screen = window.screen().grabWindow(window.winId()).toImage()
        fresh = window.grab().toImage()
        assert screen.convertToFormat(fresh.format()) == fresh, site
    for size in [(1500, 700), (1000, 900), (1280, 720)]:  # the diagram with margins beside or above
        window.resize(*size)
        for _ in range(5):
            QApplication.processEvents()
        screen = window.screen().grabWindow(window.winId()).toImage()
        fresh = window.grab().toImage()
        assert screen.convertToFormat(fresh.format()) == fresh, size


def test_vector_output_is_drawn_directly(qtbot: QtBot, selection: SelectionModel) -> None:
    """Printing or exporting (a vector paint engine) keeps the regions vector: never a pixmap."""
    view = BodyMapView(selection, selection.content.drawings.body)
    qtbot.addWidget(view)
    selection.select("hemisection-c5-right")
    view.show_findings()
    paint_cache.clear()
    picture = QPicture()
    painter = QPainter(picture)
    for item in view.items_by_key.values():
        item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    assert not paint_cache._cache
    assert picture.size() > 0


def test_text_pages_stay_opaque_after_a_restyle(qtbot: QtBot) -> None:
    """The style sheet turns a page's automatic fill off when it polishes it (Qt then paints every
    panel behind the page first); the page turns it on again, also after a restyle."""
    browser = RichBrowser("page", "A page")
    qtbot.addWidget(browser)
    browser.show()
    qtbot.waitExposed(browser)
    assert browser.viewport().autoFillBackground()
    browser.setStyleSheet("QTextBrowser { border: 3px solid black; }")  # presentation mode restyles
    QApplication.processEvents()
    assert browser.viewport().autoFillBackground()
