"""Hostile drawings: entity bombs, outside references, scripts, and SVGs that parse but would break
the renderers (issue 12, item 4: a ``<use>`` of itself or 10,000 nested groups crashed the window
with a RecursionError, a NaN viewBox drew nothing or crashed it, bad path data stopped it). Each
is refused by ``validate`` and by the window, in one line naming the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.model.svgcheck import MAX_DEPTH, MAX_SVG_BYTES
from tests.hostile.conftest import Build, assert_refused, cli, refused_by_commands, window

pytestmark = pytest.mark.usefixtures("cache", "qapp")
SITE = re.compile(r'<g id="([^"]+)" class="site"[^>]*>(.*?)</g>', re.DOTALL)


def edit_svg(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def root_line(path: Path) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index("<svg")].count("\n") + 1


def site_inner(folder: Path, new: str | None = None, *, wrap: str = "") -> tuple[Path, int, str]:
    """Replace the shapes of the diagram's first site by ``new`` (or wrap them in ``wrap`` levels);
    return the diagram, the line of the site element and its id."""
    path = folder / "neuraxis.svg"
    text = path.read_text(encoding="utf-8")
    match = SITE.search(text)
    assert match is not None
    inner = new if new is not None else match.group(2)
    if wrap:
        inner = wrap * MAX_DEPTH * 100 + inner + wrap.replace("<", "</") * MAX_DEPTH * 100
    path.write_text(text[: match.start(2)] + inner + text[match.end(2) :], encoding="utf-8")
    return path, text[: match.start()].count("\n") + 1, match.group(1)


def declaration(name: str, text: str) -> Build:
    def build(folder: Path) -> tuple[Path, int, str]:
        path = folder / name
        body = path.read_text(encoding="utf-8")
        head, rest = body.split("\n", 1)
        path.write_text(f"{head}\n{text}{rest}", encoding="utf-8")
        return path, 2, "declaration"

    return build


def at_root(name: str, view_box: str, message: str) -> Build:
    """The drawing's root element with ``view_box`` in place of its viewBox attribute."""

    def build(folder: Path) -> tuple[Path, int, str]:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        root = re.search(r"<svg[^>]*>", text)
        assert root is not None
        new_root = re.sub(r'viewBox="[^"]*"', view_box, root.group(0))
        path.write_text(text.replace(root.group(0), new_root, 1), encoding="utf-8")
        return path, root_line(path), message

    return build


def before_end(element: str, message: str) -> Build:
    def build(folder: Path) -> tuple[Path, int, str]:
        path = folder / "neuraxis.svg"
        return path, edit_svg(path, "</svg>", f"{element}\n</svg>"), message

    return build


def in_site(shapes: str, message: str, *, on_element: bool = False) -> Build:
    """The first site drawn with ``shapes``; the problem is on the shape's line (its first line
    after the site element) or, ``on_element``, on the site element's own line."""

    def build(folder: Path) -> tuple[Path, int, str]:
        path, line, site = site_inner(folder, f"\n      {shapes}\n    ")
        return path, line if on_element else line + 1, message.format(site=site)

    return build


def deep_groups(folder: Path) -> tuple[Path, int, str]:
    path, line, _ = site_inner(folder, wrap="<g>")  # the groups open on the site element's line
    return path, line, f"nested more than {MAX_DEPTH} deep"


def self_use(folder: Path) -> tuple[Path, int, str]:
    path, line, site = site_inner(folder)
    site_inner(folder, f'<use href="#{site}"/>')
    return path, line, "leads back to this element"


def mutual_use(folder: Path) -> tuple[Path, int, str]:
    path = folder / "neuraxis.svg"
    text = path.read_text(encoding="utf-8")
    first, second = list(SITE.finditer(text))[:2]
    text = (
        text[: first.start(2)]
        + f'<use href="#{second.group(1)}"/>'
        + text[first.end(2) : second.start(2)]
        + f'<use href="#{first.group(1)}"/>'
        + text[second.end(2) :]
    )
    path.write_text(text, encoding="utf-8")
    return path, text[: first.start()].count("\n") + 1, "leads back to this element"


def use_bomb(folder: Path) -> tuple[Path, int, str]:
    """Ten levels of ten uses each: 10**10 elements once expanded ("billion laughs" without entities)."""
    levels = ['<g id="lol0"><rect width="1" height="1"/></g>']
    levels += [f'<g id="lol{n}">' + f'<use href="#lol{n - 1}"/>' * 10 + "</g>" for n in range(1, 11)]
    path = folder / "neuraxis.svg"
    line = edit_svg(path, "</svg>", "<defs>\n" + "\n".join(levels) + "\n</defs>\n</svg>")
    return path, line + 6, "expand into more than"


def huge(folder: Path) -> tuple[Path, int, str]:
    path = folder / "neuraxis.svg"
    padding = "<!--" + "x" * (MAX_SVG_BYTES + 10) + "-->\n"
    edit_svg(path, "</svg>", padding + "</svg>")
    return path, 1, "file is too large"


def not_utf8(folder: Path) -> tuple[Path, int, str]:
    path = folder / "cord.svg"
    data = path.read_bytes()
    index = data.index(b"<svg")
    path.write_bytes(data[:index] + b"<!-- \xe9 -->\n" + data[index:])
    return path, data[:index].count(b"\n") + 1, "not valid UTF-8"


XXE = '<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'


def _laughs() -> str:
    entities = ['<!ENTITY lol "lol">']
    entities += [f'<!ENTITY lol{n} "' + f"&lol{n - 1 if n > 1 else ''};" * 10 + '">' for n in range(1, 10)]
    return "<!DOCTYPE svg [" + "".join(entities) + "]>\n"


LAUGHS = _laughs()

CASES: dict[str, Build] = {
    "external entity (XXE)": declaration("neuraxis.svg", XXE),
    "entity bomb (billion laughs)": declaration("body.svg", LAUGHS),
    "bare DOCTYPE": declaration("cord.svg", "<!DOCTYPE svg>\n"),
    "script": before_end("<script>alert(1)</script>", "<script> elements are not allowed"),
    "image from the network": before_end(
        '<image href="https://example.org/x.png" width="9" height="9"/>', "<image> elements"
    ),
    "link to a local file": before_end('<use href="file:///etc/passwd#x"/>', "outside resource"),
    "fill from the network": before_end(
        '<rect width="9" height="9" fill="url(https://example.org/p.svg#p)"/>', "url() pointing outside"
    ),
    "huge file": huge,
    "not UTF-8": not_utf8,
    "use of itself": self_use,
    "uses of each other": mutual_use,
    "use bomb": use_bomb,
    "10,000 nested groups": deep_groups,
    "NaN in path data": in_site(
        '<path d="M NaN,262 L 652,262 L 624,318 Z"/>', "'NaN' is not a finite number"
    ),
    "bad path data": in_site('<path d="M 700,zz L"/>', "path data (d) is not valid"),
    "truncated path data": in_site('<path d="M 700,262 L 652"/>', "path data (d) is not valid"),
    "overflowing coordinate": in_site(
        '<rect x="1e999" y="0" width="9" height="9"/>', "'1e999' is not a finite number"
    ),
    "NaN transform": in_site(
        '<rect width="9" height="9" transform="scale(nan)"/>', "'nan' is not a finite number"
    ),
    "odd points": in_site('<polygon points="1,2 3,4 5"/>', "not pairs of numbers"),
    "no shape": in_site(
        "<desc>nothing to click</desc>", "site element '{site}' has no drawable shape", on_element=True
    ),
    "site outside the drawing": in_site(
        '<rect x="-5000" y="-5000" width="9" height="9"/>', "lies outside the viewBox", on_element=True
    ),
    "viewBox 0 0 0 0": at_root("neuraxis.svg", 'viewBox="0 0 0 0"', "above zero"),
    "negative viewBox": at_root("neuraxis.svg", 'viewBox="0 0 -1150 -1080"', "above zero"),
    "NaN viewBox": at_root("neuraxis.svg", 'viewBox="0 0 NaN 1080"', "finite numbers"),
    "infinite viewBox": at_root("body.svg", 'viewBox="0 0 inf 1000"', "finite numbers"),
    "missing viewBox": at_root("cord.svg", "", "needs a viewBox"),
}


@pytest.mark.parametrize("case", CASES)
def test_refused_by_validate_and_the_window(
    case: str, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, line, message = CASES[case](folder)
    refused_by_commands(capsys, folder, f"{path}:{line}", message, yaml=False)
    assert_refused(window(capsys, monkeypatch, folder, folder / "shot.png"), f"{path}:{line}", message)
    assert not (folder / "shot.png").exists()


def test_the_query_commands_do_not_need_the_drawings(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """They never read the SVGs, so a broken drawing does not stop them (validate names it)."""
    CASES["use bomb"](folder)
    assert cli(capsys, "sites", "--content", str(folder)).code == 0
    assert cli(capsys, "validate", str(folder)).code == 1


@pytest.mark.parametrize("name", ["neuraxis.svg", "body.svg"])
def test_a_drawing_that_is_a_link_loop_is_refused_not_replaced(
    name: str, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 11: a looping neuraxis.svg link fell back silently to the bundled diagram."""
    path = folder / name
    path.unlink()
    path.symlink_to(name)
    refused_by_commands(capsys, folder, f"{path}:1", "symbolic link loop", yaml=False)
    assert_refused(window(capsys, monkeypatch, folder, folder / "shot.png"), f"{path}:1", "link loop")


def test_a_broken_link_to_a_drawing_is_refused(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "neuraxis.svg"
    path.unlink()
    path.symlink_to(folder / "gone.svg")
    refused_by_commands(capsys, folder, f"{path}:1", "file not found", yaml=False)


@pytest.mark.parametrize(
    ("data", "valid"),
    [
        ("", True),
        ("M0 0L1 1", True),
        ("m1,2 3,4z", True),
        ("M1-2-3-4", True),  # numbers need no separator before a sign
        ("M.5.5 1.5.5", True),
        ("M0 0H5V5Z M1 1 2 2", True),
        ("M0 0C1 1 2 2 3 3 4 4 5 5 6 6", True),
        ("M0 0A1 1 0 011 1", True),  # arc flags written without separators
        ("L1 1", False),
        ("M", False),
        ("M0", False),
        ("M0 0L1", False),
        ("M0 0Z 5", False),
        ("M0 0C1 1 2 2 3", False),
        ("M0 0 x", False),
        ("M0 0L1e 1", False),
        ("M0 0A1 1 0 2 1 1 1", False),  # a flag is 0 or 1
        ("M0\u00a00", False),  # SVG separators are ASCII
    ],
)
def test_path_data(data: str, valid: bool) -> None:
    from app.model.svgcheck import _valid_with_arcs, valid_path_data

    assert valid_path_data(data) is valid
    assert _valid_with_arcs(data) is valid, "the general reader agrees with the fast one"
