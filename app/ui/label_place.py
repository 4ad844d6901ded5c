"""Where a hover or focus label goes: near its part, never over it, and over as little of the
drawing's own words and parts as the view allows.

A few spots are tried around the part (above, below, beside; optionally the view's corners); each is
scored by what it would cover - the part itself most of all, then the printed labels of the drawing,
then other parts - and the least covering spot wins, the nearest among equals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QFontMetricsF

from app.model.svgtext import drawn_texts
from app.ui import theme

GAP = 8.0
MARGIN = 4.0
COVERS_TARGET = 1000.0
COVERS_OWN_TEXT = 200.0
"""The printed words that name the part, next to it (as "Corona radiata")."""
OWN_TEXT_PX = 60.0
SIDE_WORDS = frozenset({"right", "left", "the", "and", "both", "sides"})
_WORD = re.compile(r"[a-z0-9]+")
COVERS_TEXT = 3.0
EACH = 1500.0
"""Covering one more thing costs as much as this many square pixels of it: a label over the small,
many parts of a face costs more than one over a leg."""
NEARNESS = 3.0
"""Per pixel of distance: decides between spots that cover about the same."""


def text_boxes(svg_path: Path) -> tuple[QRectF, ...]:
    """The boxes of the drawing's printed words, in viewBox (scene) units."""
    return tuple(box for box, _ in _measured(svg_path))


def naming_boxes(svg_path: Path, name: str) -> tuple[QRectF, ...]:
    """The printed words that share a word with ``name`` ("Corona", "radiata" for "Right corona
    radiata"): where the drawing names the part itself."""
    words = {w for w in _WORD.findall(name.lower()) if len(w) > 2 and w not in SIDE_WORDS}
    return tuple(box for box, text in _measured(svg_path) if words & set(_WORD.findall(text.lower())))


@cache
def _measured(svg_path: Path) -> tuple[tuple[QRectF, str], ...]:
    boxes = []
    for text in drawn_texts(svg_path):
        font = QFont(text.family.split(",")[0].strip().strip("'\"") or theme.FONT_FAMILY)
        font.setPixelSize(100)
        font.setBold(text.bold)
        metrics = QFontMetricsF(font)
        scale = text.size / 100
        width = metrics.horizontalAdvance(text.text) * scale
        shift = {"middle": width / 2, "end": width}.get(text.anchor, 0.0)
        top = text.y - metrics.ascent() * scale
        box = QRectF(text.x - shift, top, width, (metrics.ascent() + metrics.descent()) * scale)
        boxes.append((box, text.text))
    return tuple(boxes)


def _overlap(a: QRectF, b: QRectF) -> float:
    both = a.intersected(b)
    return max(0.0, both.width()) * max(0.0, both.height())


def _candidates(size: QSizeF, target: QRectF, view: QRectF, corners: bool) -> Iterable[QPointF]:
    w, h = size.width(), size.height()
    above, below = target.top() - GAP - h, target.bottom() + GAP
    middle = target.center().y() - h / 2
    for x in (target.left(), target.right() - w, target.center().x() - w / 2, target.left() - w / 2):
        yield QPointF(x, above)
        yield QPointF(x, below)
    for y in (middle, target.top(), target.bottom() - h, above, below):
        yield QPointF(target.right() + GAP, y)
        yield QPointF(target.left() - GAP - w, y)
    inner = view.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    for x in (target.left(), target.right() - w, target.center().x() - w / 2):  # straight up or down
        yield QPointF(x, inner.top())
        yield QPointF(x, inner.bottom() - h)
    if corners:
        for x in (inner.left(), inner.right() - w):
            for y in (inner.top(), inner.bottom() - h):
                yield QPointF(x, y)


def best_spot(
    size: QSizeF,
    target: QRectF,
    view: QRectF,
    obstacles: Sequence[tuple[QRectF, float]],
    *,
    corners: bool = False,
    nearness: float = NEARNESS,
    naming: Sequence[QRectF] = (),
) -> QPointF:
    """The top-left corner (view pixels) for a label of ``size`` about ``target``, inside ``view``;
    ``obstacles`` are ``(box, weight)`` pairs it should not cover, ``naming`` the printed words that
    name the part (avoided most, when near it). With ``corners`` the view's corners are tried too (a
    small figure with room around it)."""
    inner = view.adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN)
    near = target.adjusted(-OWN_TEXT_PX, -OWN_TEXT_PX, OWN_TEXT_PX, OWN_TEXT_PX)
    own = [box for box in naming if box.intersects(near)]
    best: tuple[float, QPointF] | None = None
    for spot in _candidates(size, target, view, corners):
        x = min(max(spot.x(), inner.left()), inner.right() - size.width())
        y = min(max(spot.y(), inner.top()), inner.bottom() - size.height())
        box = QRectF(QPointF(x, y), size)
        cost = COVERS_TARGET * _overlap(box, target)
        cost += sum(
            weight * (_overlap(box, other) + EACH) for other, weight in obstacles if box.intersects(other)
        )
        cost += sum(COVERS_OWN_TEXT * _overlap(box, text) for text in own)
        distance = (box.center() - target.center()).manhattanLength()
        cost += nearness * distance
        if best is None or cost < best[0]:
            best = (cost, QPointF(x, y))
    assert best is not None
    return best[1]
