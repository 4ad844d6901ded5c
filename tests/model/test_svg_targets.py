"""The click-target check of the diagram: sites big enough and far enough apart."""

from __future__ import annotations

from pathlib import Path

from app import paths
from app.model.geometry import parse_geometry
from app.model.svgcheck import scan_svg
from app.model.svgtargets import MIN_GAP, MIN_TARGET, target_problems

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
    'viewBox="0 0 400 300" width="400" height="300">\n'
)


def check(tmp_path: Path, body: str) -> list[str]:
    """Write an SVG with ``body`` inside, then run the check on every class="site" element."""
    svg = tmp_path / "diagram.svg"
    svg.write_text(HEAD + body + "</svg>\n", encoding="utf-8")
    scan = scan_svg(svg)
    geometry = parse_geometry(svg, scan.site_classed)
    return [str(p) for p in target_problems(svg, geometry, scan.ids)]


def test_constants() -> None:
    assert (MIN_TARGET, MIN_GAP) == (40.0, 6.0)


def test_sites_big_enough_and_apart_pass(tmp_path: Path) -> None:
    body = (
        '  <rect id="a" class="site" x="10" y="10" width="40" height="40"/>\n'
        '  <rect id="b" class="site" x="56" y="10" width="60" height="40"/>\n'
        # a group of two far-apart shapes: each is a target of its own, each big enough
        '  <g id="c" class="site">\n'
        '    <circle cx="30" cy="150" r="20"/>\n'
        '    <circle cx="300" cy="150" r="25"/>\n'
        "  </g>\n"
        # two halves that touch make one 40 x 40 target
        '  <g id="d" class="site">\n'
        '    <rect x="200" y="10" width="20" height="40"/>\n'
        '    <rect x="220" y="10" width="20" height="40"/>\n'
        "  </g>\n"
        # an open stroked line counts as wide as its stroke
        '  <path id="e" class="site" d="M 100,250 L 180,250" fill="none" stroke="#000" stroke-width="40"/>\n'
    )
    assert check(tmp_path, body) == []


def test_too_small_site(tmp_path: Path) -> None:
    body = (
        '  <rect id="big" class="site" x="10" y="10" width="80" height="60"/>\n'
        '  <rect id="weber-left" class="site" x="200" y="10" width="32" height="18"/>\n'
    )
    found = check(tmp_path, body)
    assert found == [
        (
            f"{tmp_path / 'diagram.svg'}:4: site 'weber-left' is 32 x 18 units; "
            "make it at least 40 x 40 so it can be clicked"
        )
    ]


def test_too_small_part_of_a_group(tmp_path: Path) -> None:
    body = (
        '  <g id="nmj" class="site">\n'
        '    <circle cx="50" cy="50" r="25"/>\n'
        '    <circle cx="250" cy="50" r="15"/>\n'
        "  </g>\n"
    )
    found = check(tmp_path, body)
    assert len(found) == 1
    assert found[0].startswith(f"{tmp_path / 'diagram.svg'}:3: site 'nmj' has a part at x 235, y 35")
    assert "30 x 30 units" in found[0]


def test_thin_open_line_is_too_small(tmp_path: Path) -> None:
    body = '  <path id="line" class="site" d="M 10,50 L 200,50" fill="none" stroke="#000" stroke-width="3"/>'
    found = check(tmp_path, body)
    assert len(found) == 1
    assert "site 'line' is 196 x 6 units" in found[0]


def test_two_sites_too_close(tmp_path: Path) -> None:
    body = (
        '  <rect id="left-one" class="site" x="10" y="10" width="50" height="50"/>\n'
        '  <rect id="right-one" class="site" x="63" y="10" width="50" height="50"/>\n'
        '  <rect id="far" class="site" x="200" y="10" width="50" height="50"/>\n'
    )
    found = check(tmp_path, body)
    assert found == [
        (
            f"{tmp_path / 'diagram.svg'}:4: sites 'left-one' and 'right-one' are only 3 units apart; "
            "keep at least 6 units between them so a click finds the right one"
        )
    ]


def test_overlapping_sites_and_a_close_part_of_a_group(tmp_path: Path) -> None:
    body = (
        '  <g id="group" class="site">\n'
        '    <rect x="10" y="10" width="50" height="50"/>\n'
        '    <rect x="200" y="200" width="50" height="50"/>\n'
        "  </g>\n"
        # far from the group's first shape, but overlapping its second one
        '  <rect id="box" class="site" x="230" y="180" width="60" height="40"/>\n'
    )
    found = check(tmp_path, body)
    assert found == [
        (
            f"{tmp_path / 'diagram.svg'}:7: sites 'group' and 'box' touch or overlap; "
            "keep at least 6 units between them so a click finds the right one"
        )
    ]


def test_diagonal_neighbours_are_apart(tmp_path: Path) -> None:
    """Boxes apart on one axis are apart, even if they overlap on the other (bbox semantics)."""
    body = (
        '  <rect id="a" class="site" x="10" y="10" width="50" height="50"/>\n'
        '  <rect id="b" class="site" x="30" y="66" width="50" height="50"/>\n'
    )
    assert check(tmp_path, body) == []


def test_bundled_diagram_passes() -> None:
    svg = paths.svg_dir() / "neuraxis.svg"
    scan = scan_svg(svg)
    assert len(scan.site_classed) > 50
    geometry = parse_geometry(svg, scan.site_classed)
    assert target_problems(svg, geometry, scan.ids) == []
