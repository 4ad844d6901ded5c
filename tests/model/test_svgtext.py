"""Reading where a drawing's own words are (no Qt)."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.model.svgtext import drawn_texts


def test_the_diagram_names_corona_radiata_and_internal_capsule() -> None:
    texts = {t.text: t for t in drawn_texts(paths.svg_dir() / "neuraxis.svg")}
    assert {"Corona", "radiata", "Internal", "capsule"} <= texts.keys()
    corona = texts["Corona"]
    assert corona.anchor == "middle"
    assert corona.size == 22
    assert corona.family == "DejaVu Sans"  # inherited from its group
    assert texts["Patient's right"].bold


def test_transformed_or_unsafe_text_is_not_guessed(tmp_path: Path) -> None:
    svg = tmp_path / "x.svg"
    svg.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><g font-size="30"><text x="1" y="2">Kept</text></g>'
        '<g transform="scale(2)"><text x="1" y="2">Moved</text></g></svg>'
    )
    assert [(t.text, t.size) for t in drawn_texts(svg)] == [("Kept", 30.0)]
    svg.write_text('<!DOCTYPE svg [<!ENTITY a "b">]><svg><text>&a;</text></svg>')
    assert drawn_texts(svg) == []
    assert drawn_texts(tmp_path / "missing.svg") == []
