"""Broken content and diagrams: every problem is reported as FILE:LINE: message, never a traceback."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from app import paths
from app.cli import main
from app.model.errors import ContentError
from app.model.loader import load_content


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A private copy of the bundled content with its own copy of the diagram."""
    target = tmp_path / "content"
    shutil.copytree(paths.content_dir(), target)
    shutil.copy(paths.svg_dir() / "neuraxis.svg", target / "neuraxis.svg")
    return target


def edit(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace text and return the 1-based line where the first replacement happened."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return text.count("\n", 0, index) + 1


def problems(directory: Path) -> list[str]:
    with pytest.raises(ContentError) as info:
        load_content(directory, check_svg=True)
    return [str(p) for p in info.value.problems]


def test_copy_of_bundled_content_is_valid(workdir: Path) -> None:
    assert load_content(workdir, check_svg=True).sites


def test_malformed_yaml_names_file_and_line(workdir: Path) -> None:
    line = edit(workdir / "sites.yaml", "    group: brainstem\n", "    group: [brainstem\n")
    found = problems(workdir)
    assert len(found) == 1
    assert re.match(rf"^{re.escape(str(workdir / 'sites.yaml'))}:{line + 1}: invalid YAML", found[0]), found


def test_unknown_reference_in_text(workdir: Path) -> None:
    line = edit(workdir / "diseases.yaml", "[AFP]", "[NOPE]")
    assert (
        f"{workdir / 'diseases.yaml'}:{line}: unknown reference [NOPE]; add it to references.yaml"
        in problems(workdir)
    )


def test_uncited_paragraph(workdir: Path) -> None:
    edit(workdir / "signs.yaml", "first [MGm].", "first.")
    text = (workdir / "signs.yaml").read_text()
    line = text[: text.index("- Strength falls with repeated")].count("\n") + 1  # where the paragraph starts
    found = problems(workdir)
    assert any(
        p.startswith(f"{workdir / 'signs.yaml'}:{line}:") and "cites no reference" in p for p in found
    ), found


def test_duplicate_site_id(workdir: Path) -> None:
    first = edit(workdir / "sites.yaml", "  - id: tibial-nerve-$side\n", "  - id: radial-nerve-$side\n")
    found = problems(workdir)
    assert any(f"sites.yaml:{first}: duplicate site id 'radial-nerve-right'" in p for p in found), found


def test_unknown_pathway_node(workdir: Path) -> None:
    line = edit(workdir / "sites.yaml", "cuts: [internal-capsule-$side]", "cuts: [internal-capsul-$side]")
    found = problems(workdir)
    assert (
        f"{workdir / 'sites.yaml'}:{line}: 'internal-capsul-right' matches no pathway node "
        "(see docs/content.md)" in found
    )


def test_unknown_field_and_wrong_type(workdir: Path) -> None:
    line = edit(workdir / "references.yaml", "  - id: JN\n", "  - id: JN\n    titel: typo\n")
    found = problems(workdir)
    assert len(found) == 1
    assert found[0].startswith(f"{workdir / 'references.yaml'}:{line + 1}: unknown field 'titel'"), found


def test_disease_site_pattern_that_matches_nothing(workdir: Path) -> None:
    line = edit(workdir / "diseases.yaml", "sites: [facial-nerve-*]", "sites: [facial-nerv-*]")
    found = problems(workdir)
    assert any(
        p.startswith(f"{workdir / 'diseases.yaml'}:{line}: 'facial-nerv-*' matches no site id") for p in found
    )


def test_declared_lesion_types_must_follow_from_sites(workdir: Path) -> None:
    line = edit(workdir / "diseases.yaml", "    lesions: [NMJ]\n", "    lesions: [LMN]\n")
    found = problems(workdir)
    assert (
        f"{workdir / 'diseases.yaml'}:{line}: "
        "'myasthenia-gravis' declares lesions LMN but its sites give: NMJ" in found
    )


def test_site_missing_from_svg(workdir: Path) -> None:
    edit(workdir / "neuraxis.svg", 'id="radial-nerve-left"', 'id="deco-radial-nerve-left"')
    text = (workdir / "sites.yaml").read_text()
    line = text[: text.index("  - id: radial-nerve-$side")].count("\n") + 1
    found = problems(workdir)
    assert (
        f"{workdir / 'sites.yaml'}:{line}: "
        "site 'radial-nerve-left' has no element with id='radial-nerve-left' in neuraxis.svg" in found
    )


def test_validate_refuses_a_site_too_small_to_click(workdir: Path) -> None:
    svg = workdir / "neuraxis.svg"
    line = edit(svg, 'id="spinal-roots"', 'id="spinal-roots"')
    edit(svg, 'width="150" height="52"', 'width="150" height="30"')
    assert problems(workdir) == [
        f"{svg}:{line}: site 'spinal-roots' is 150 x 30 units; make it at least 40 x 40 so it can be clicked"
    ]


@pytest.mark.parametrize(
    "declaration",
    ['<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n', '<!ENTITY lol "lol">\n', "<!doctype svg>\n"],
)
def test_svg_with_doctype_or_entity_is_refused(workdir: Path, declaration: str) -> None:
    svg = workdir / "neuraxis.svg"
    text = svg.read_text()
    head, rest = text.split("\n", 1) if text.startswith("<?xml") else ("", text)
    svg.write_text(f"{head}\n{declaration}{rest}" if head else declaration + rest)
    line = 2 if head else 1
    found = problems(workdir)
    assert len(found) == 1
    assert found[0].startswith(f"{svg}:{line}: SVG contains a "), found


def test_svg_with_external_reference_is_refused(workdir: Path) -> None:
    line = edit(
        workdir / "neuraxis.svg",
        "</svg>",
        '<image href="https://example.org/x.png" width="1" height="1"/></svg>',
    )
    found = problems(workdir)
    assert any(p.startswith(f"{workdir / 'neuraxis.svg'}:{line}:") and "not allowed" in p for p in found), (
        found
    )


def test_alias_bomb_is_refused_quickly(workdir: Path) -> None:
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        bomb += (
            f"{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"
        )
    (workdir / "faq.yaml").write_text(bomb)
    found = problems(workdir)
    expected = (
        f"{workdir / 'faq.yaml'}:1: invalid YAML: "
        "anchors and aliases (& and *) are not allowed in content files; write the text out"
    )
    assert found == [expected]


def test_huge_file_is_refused(workdir: Path) -> None:
    with (workdir / "faq.yaml").open("a") as stream:
        stream.write("#" + "x" * 1_100_000 + "\n")
    found = problems(workdir)
    assert len(found) == 1
    assert found[0].startswith(f"{workdir / 'faq.yaml'}:1: file is too large"), found


def test_not_utf8_names_the_line(workdir: Path) -> None:
    path = workdir / "body.yaml"
    data = path.read_bytes().replace(b"Upper face", b"Upper f\xe2ce", 1)
    path.write_bytes(data)
    line = data[: data.index(b"\xe2ce")].count(b"\n") + 1
    assert problems(workdir) == [f"{path}:{line}: file is not valid UTF-8 text; save it as UTF-8"]


def test_unreadable_file(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """(tests/hostile/test_files.py takes the permission away for real.)"""
    target = workdir / "signs.yaml"
    real_open = os.open

    def refuse(path: Path, *args: int) -> int:
        if Path(path) == target:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args)

    monkeypatch.setattr(os, "open", refuse)
    assert problems(workdir) == [f"{target}:1: cannot read file: Permission denied"]


def test_missing_file_and_folder_in_place_of_file(workdir: Path) -> None:
    (workdir / "faq.yaml").unlink()
    (workdir / "comparison.yaml").unlink()
    (workdir / "comparison.yaml").mkdir()
    found = problems(workdir)
    assert f"{workdir / 'faq.yaml'}:1: file not found" in found
    assert f"{workdir / 'comparison.yaml'}:1: expected a file, found a folder" in found


def test_validate_command_prints_one_line_per_problem(
    workdir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(workdir / "diseases.yaml", "[AFP]", "[NOPE]", count=2)
    assert main(["validate", str(workdir)]) == 1
    captured = capsys.readouterr()
    lines = captured.err.strip().splitlines()
    assert len(lines) == 2
    assert all(re.match(r"^.+\.yaml:\d+: ", line) for line in lines), lines
    assert "Traceback" not in captured.err


def test_duplicate_yaml_key(workdir: Path) -> None:
    line = edit(workdir / "body.yaml", "    name: Upper face\n", "    name: Upper face\n    name: Again\n")
    assert problems(workdir) == [
        f"{workdir / 'body.yaml'}:{line + 1}: invalid YAML: duplicate key 'name' (first on line {line})"
    ]


def test_a_region_missing_from_the_body_map_is_reported(workdir: Path) -> None:
    line = edit(workdir / "body.yaml", "  - id: tongue\n", "  - id: elbow\n    name: Elbow\n  - id: tongue\n")
    found = problems(workdir)
    assert f"{workdir / 'body.yaml'}:{line}: body.svg has no element body-elbow-right" in found


def test_an_id_the_code_needs_is_required(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without the sign 'clonus' the reflex plot cannot choose its trace: validate refuses the folder,
    naming the file, the line of the signs list and the code that needs it."""
    text = (workdir / "signs.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: clonus\n")
    end = text.index("  - id: babinski\n")
    (workdir / "signs.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[: text.index("\nsigns:\n") + 1].count("\n") + 1
    assert main(["validate", str(workdir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    need = "it is needed by the reflex and tone plots (app.model.curves)"
    assert err == [f"{workdir / 'signs.yaml'}:{line}: the sign 'clonus' is missing; {need}"]


@pytest.mark.parametrize(
    ("file", "key", "item", "what"),
    [
        ("physiology.yaml", "reflex_traces", "  - id: reduced\n", "reflex trace 'reduced'"),
        ("physiology.yaml", "tone_profiles", "  - id: rigid\n", "tone profile 'rigid'"),
        ("anatomy.yaml", "cord_parts", "  - id: dorsal-horn\n", "cord part 'dorsal-horn'"),
    ],
)
def test_every_declared_need_is_checked(workdir: Path, file: str, key: str, item: str, what: str) -> None:
    path = workdir / file
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(item, item.replace("id: ", "id: renamed-")), encoding="utf-8")
    line = text[: text.index(f"\n{key}:\n") + 1].count("\n") + 1
    found = [p for p in problems(workdir) if "is missing" in p]
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line}: the {what} is missing; "), found


def test_a_folder_may_bring_its_own_body_map_and_cord(workdir: Path) -> None:
    """body.svg and cord.svg are overridden like neuraxis.svg, and checked like it."""
    assert load_content(workdir, check_svg=True).drawings.body == paths.svg_dir() / "body.svg"
    own = workdir / "body.svg"
    shutil.copy(paths.svg_dir() / "body.svg", own)
    line = edit(own, 'id="body-hand-left"', 'id="body-hnd-left"')
    assert f"{workdir / 'body.yaml'}:" in "\n".join(found := problems(workdir)), found
    assert any("body.svg has no element body-hand-left" in p for p in found), found
    (own).write_text((own).read_text().replace('id="body-hnd-left"', 'id="body-hand-left"'))
    content = load_content(workdir, check_svg=True)
    assert content.drawings.body == own
    assert content.drawings.cord == paths.svg_dir() / "cord.svg"
    assert line > 1


def _cord_part_entry(text: str, part: str) -> tuple[int, int]:
    """Where the entry of ``part`` starts and ends in anatomy.yaml's text."""
    start = text.index(f"  - id: {part}\n", text.index("\ncord_parts:\n"))
    return start, text.index("  - id: ", start + 1)


def test_a_drawn_cord_part_without_an_entry_is_reported(workdir: Path) -> None:
    """cord.svg draws the anterior corticospinal tracts: without their cord part a click on them
    would explain nothing, so validate names each drawn element at its line in cord.svg."""
    anatomy = workdir / "anatomy.yaml"
    text = anatomy.read_text(encoding="utf-8")
    start, end = _cord_part_entry(text, "anterior-corticospinal")
    anatomy.write_text(text[:start] + text[end:], encoding="utf-8")
    cord = paths.svg_dir() / "cord.svg"
    lines = cord.read_text(encoding="utf-8").splitlines()
    found = problems(workdir)
    for side in ("right", "left"):
        element = f"xs-anterior-corticospinal-{side}"
        line = next(i for i, x in enumerate(lines, 1) if f'id="{element}"' in x)
        expected = (
            f"{cord}:{line}: element {element!r} draws the cord part 'anterior-corticospinal', "
            "which anatomy.yaml cord_parts does not have; add it there (or rename the element deco-...)"
        )
        assert expected in found, found


def test_a_cord_of_its_own_may_not_draw_unknown_parts(workdir: Path) -> None:
    own = workdir / "cord.svg"
    shutil.copy(paths.svg_dir() / "cord.svg", own)
    part = '  <g id="xs-rubrospinal-left" class="part"><path d="M 10,10 L 60,10 L 60,60 Z"/></g>\n</svg>'
    line = edit(own, "</svg>", part)
    found = problems(workdir)
    start = f"{own}:{line}: element 'xs-rubrospinal-left' draws the cord part 'rubrospinal', which"
    assert any(p.startswith(start) for p in found), found


def test_a_cord_part_the_panel_does_not_show_is_reported(workdir: Path) -> None:
    """Drawn and described, but unknown to the Cord panel: it would not be clickable."""
    own = workdir / "cord.svg"
    shutil.copy(paths.svg_dir() / "cord.svg", own)
    shape = '<path d="M {x},10 L {end},10 L {end},60 Z"/>'
    tracts = "".join(
        f'  <g id="xs-rubrospinal-{side}" class="part">{shape.format(x=x, end=x + 50)}</g>\n'
        for side, x in (("right", 10), ("left", 900))
    )
    edit(own, "</svg>", tracts + "</svg>")
    anatomy = workdir / "anatomy.yaml"
    entry = (
        "  - id: rubrospinal\n    name: rubrospinal tract\n    carries: Fibres from the red nucleus [TC].\n"
        "    if_cut: nothing lasting [TC].\n"
    )
    line = edit(anatomy, "  - id: spinothalamic\n", entry + "  - id: spinothalamic\n")
    found = problems(workdir)
    expected = (
        f"{anatomy}:{line}: the Cord panel does not show cord part 'rubrospinal': it draws only the parts "
        "named in CORD_PARTS (app/model/ids.py)"
    )
    assert found == [expected], found


# --- References must be checkable (check_references) --------------------------------------------


def _reference_line(path: Path, key: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(f"  - id: {key}\n")].count("\n") + 1


def test_a_source_without_a_stable_identifier_is_refused(workdir: Path) -> None:
    path = workdir / "references.yaml"
    line = _reference_line(path, "LH")
    edit(path, "    doi: 10.1161/01.str.26.9.1548\n", "")
    expected = (
        f"{path}:{line}: reference 'LH' has no stable identifier; "
        "add doi, pmid, nbk or the full url of the page"
    )
    assert problems(workdir) == [expected]


@pytest.mark.parametrize(
    "address",
    [
        "https://hospitalhandbook.ucsf.edu/",
        "https://hospitalhandbook.ucsf.edu",
        "hospitalhandbook.ucsf.edu/node/981",
        "https://hospital[handbook.ucsf.edu/node/981",  # urlsplit raised ValueError: internal error
    ],
)
def test_a_home_page_or_partial_address_is_refused(workdir: Path, address: str) -> None:
    path = workdir / "references.yaml"
    line = edit(path, "url: https://hospitalhandbook.ucsf.edu/node/981\n", f"url: {address}\n")
    expected = (
        f"{path}:{line}: reference 'UC' has url {address!r}, which is not the full address of a page; "
        "give http(s)://host/path of the exact page, not a site's home page"
    )
    assert problems(workdir) == [expected]


def test_a_source_without_year_is_refused(workdir: Path) -> None:
    path = workdir / "references.yaml"
    line = _reference_line(path, "KO")
    edit(
        path,
        "    venue: Korean Journal of Neurotrauma 14(2):47-54\n    year: 2018\n",
        "    venue: Korean Journal of Neurotrauma 14(2):47-54\n",
    )
    found = problems(workdir)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:{line}: reference 'KO' has no year; "), found


def test_a_convention_needs_no_authors_venue_year_or_identifier(workdir: Path) -> None:
    path = workdir / "references.yaml"
    edit(path, "    venue: Standard bedside teaching for which no source was seen\n", "")
    assert load_content(workdir, check_svg=True).references["TC"].kind == "convention"


def test_every_bundled_source_is_checkable() -> None:
    content = load_content()
    for ref in content.references.values():
        if ref.kind == "source":
            assert ref.authors, ref.id
            assert ref.venue, ref.id
            assert ref.year, ref.id
            assert ref.doi or ref.pmid or ref.nbk or ref.url.startswith(("http://", "https://")), ref.id
