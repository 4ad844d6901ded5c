"""Where a drawing's own words are: the ``<text>`` elements of an SVG, with the attributes that say
how big and where (inherited from their groups). The views keep their hover and focus labels off
them, so a label never hides the name printed on the drawing.

Only untransformed text is read (the bundled drawings place every label in viewBox units); a text
under a ``transform`` is skipped rather than guessed at. A file with a DOCTYPE or an entity is not
read at all (the same rule as the content checks).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET

INHERITED = ("font-size", "text-anchor", "font-weight", "font-family")
DEFAULT_SIZE = 16.0


class DrawnText(NamedTuple):
    text: str
    x: float
    y: float
    """The baseline, in viewBox units."""
    size: float
    anchor: str
    """``start``, ``middle`` or ``end``."""
    bold: bool
    family: str


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _number(value: str | None, default: float) -> float:
    try:
        return float((value or "").removesuffix("px"))
    except ValueError:
        return default


def drawn_texts(svg_path: Path) -> list[DrawnText]:
    """Every readable ``<text>`` of the drawing, in document order; [] if it cannot be read."""
    try:
        data = svg_path.read_bytes()
    except OSError:
        return []
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return []
    import xml.etree.ElementTree as ET  # (when a label is first placed, not at start-up)

    try:
        root = ET.fromstring(data)  # noqa: S314 - no DOCTYPE, so no entity expansion
    except ET.ParseError:
        return []
    found: list[DrawnText] = []

    def walk(element: ET.Element, inherited: dict[str, str], transformed: bool) -> None:
        attrs = {**inherited, **{k: v for k, v in element.attrib.items() if k in INHERITED}}
        transformed = transformed or "transform" in element.attrib
        if _local(element.tag) == "text":
            text = "".join(element.itertext()).strip()
            if text and not transformed:
                found.append(
                    DrawnText(
                        text,
                        _number(element.get("x"), 0.0),
                        _number(element.get("y"), 0.0),
                        _number(attrs.get("font-size"), DEFAULT_SIZE),
                        attrs.get("text-anchor", "start"),
                        attrs.get("font-weight", "normal") in ("bold", "bolder", "700", "800", "900"),
                        attrs.get("font-family", ""),
                    )
                )
            return
        for child in element:
            walk(child, attrs, transformed)

    walk(root, {}, transformed=False)
    return found
