"""Overlay parts drawn from pixmaps (body map, cord section): what a part draws in one look, at one
scale and device pixel ratio, is rendered once into a pixmap and then only blitted.

A click repaints the items whose state changed and every item whose bounds overlap them (body-map
regions touch their neighbours). Drawn directly, each body-map region costs a tint, a pattern fill per
layer, clipped outline strokes and dashed rings: some ten painter calls, ~0.4 ms per region at 1080p.
From the cache it is one ``drawPixmap``. A state shown before (clicking back and forth between
sites) is not drawn again either.

The pixmap is placed on the view's device pixel grid, and its origin on a multiple of
:data:`ALIGN` logical pixels: the fill patterns are anchored at the viewport's origin (their brush
transform undoes the item's transform), and every pattern period divides :data:`ALIGN`, so a
cached pattern lands exactly where a direct one would. The cache is one LRU with a budget in
bytes, shared by every view. (The diagram's sites are drawn directly: they do not overlap, a click
draws one, and at 4K their large pixmaps pushed the body map's out of the budget.)
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Hashable
from itertools import count

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPaintEngine, QPainter, QPixmap, QTransform
from PySide6.QtWidgets import QGraphicsItem

ALIGN = 16
"""Logical pixels: the period of the body-map patterns (8 px tiles drawn at PATTERN_SCALE 2)."""
PAD = 8.0
"""Logical pixels around an item's bounds: room for cosmetic pens drawn on its edge."""
BUDGET_BYTES = 8 * 1024 * 1024
"""At device pixel ratio 1; times the ratio squared above it (the same drawings, four times the
pixels at 4K), so a step through every site in presentation mode at 4K still fits."""
MAX_PIXELS = 256 * 1024
"""Device pixels: an item larger than this on screen (a deep zoom) is drawn directly."""

_tokens = count()
_cache: OrderedDict[Hashable, QPixmap] = OrderedDict()
_used = [0]


def new_token() -> int:
    """A key part unique to one item for the life of the process (``id()`` may be reused)."""
    return next(_tokens)


def paint_cached(painter: QPainter, bounds: QRectF, key: Hashable, draw: Callable[[QPainter], None]) -> None:
    """Draw what ``draw(painter)`` draws inside ``bounds`` (item coordinates), from the cache when
    ``key`` (the item's token and everything its drawing depends on) was drawn at this scale."""
    world = painter.worldTransform()
    device = painter.device()
    engine = painter.paintEngine()
    if (
        world.type().value > QTransform.TransformationType.TxScale.value  # never so in these views
        or device is None
        or engine is None
        or engine.type() != QPaintEngine.Type.Raster  # PDF, SVG: keep the drawing vector
    ):
        draw(painter)
        return
    ratio = device.devicePixelRatioF()
    box = world.mapRect(bounds)
    x0 = math.floor((box.left() - PAD) / ALIGN) * ALIGN
    y0 = math.floor((box.top() - PAD) / ALIGN) * ALIGN
    width = math.ceil((box.right() + PAD - x0) * ratio)
    height = math.ceil((box.bottom() + PAD - y0) * ratio)
    off_grid = (x0 * ratio) % 1 or (y0 * ratio) % 1  # a fractional ratio: no whole device pixel
    if width <= 0 or height <= 0 or width * height > MAX_PIXELS or off_grid:
        draw(painter)
        return
    local = world * QTransform.fromTranslate(-x0, -y0)
    hints = painter.renderHints()
    full = (key, local.m11(), local.m22(), local.dx(), local.dy(), ratio, width, height, hints)
    pixmap = _cache.get(full)
    if pixmap is None:
        pixmap = QPixmap(width, height)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        render = QPainter(pixmap)
        render.setRenderHints(hints)
        render.setTransform(local)
        draw(render)
        render.end()
        _store(full, pixmap, width * height * 4, BUDGET_BYTES * max(1.0, ratio) ** 2)
    else:
        _cache.move_to_end(full)
    painter.save()
    painter.resetTransform()
    painter.drawPixmap(QPointF(x0, y0), pixmap)
    painter.restore()


def update_in_views(item: QGraphicsItem) -> None:
    """Repaint ``item`` in the next paint of the window, with the other widgets a change repaints.

    ``QGraphicsItem.update`` defers to the scene, which later repaints its views and flushes the
    window at once: with two scenes (diagram, body map) and text panels, a click then cost two paint
    passes of the window. Marking the viewport area dirty directly lets one pass paint it all.
    """
    scene = item.scene()
    views = scene.views() if scene is not None else []
    if not views:
        item.update()
        return
    bounds = item.sceneBoundingRect()
    for view in views:
        view.viewport().update(view.mapFromScene(bounds).boundingRect().adjusted(-2, -2, 2, 2))


def _store(key: Hashable, pixmap: QPixmap, size: int, budget: float) -> None:
    _cache[key] = pixmap
    _used[0] += size
    while _used[0] > budget and len(_cache) > 1:
        _, old = _cache.popitem(last=False)
        _used[0] -= old.width() * old.height() * 4


def clear() -> None:
    """Forget every cached drawing (tests; a change of theme)."""
    _cache.clear()
    _used[0] = 0
