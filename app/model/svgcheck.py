"""Safe first look at a diagram SVG: refuse dangerous or external content, list element ids.

An SVG may come from a teacher's download, so it is treated as untrusted: any DOCTYPE or
entity declaration is refused before an XML parser sees the file (entity-expansion bombs),
and so are scripts, embedded images and references to other files or the network (the app
works offline and never fetches anything). Element ids are collected with their line numbers
so that ``neuraxis validate`` can say where a problem is.
"""

from __future__ import annotations

import re
import xml.parsers.expat
from pathlib import Path

import msgspec

from app.model.errors import ContentError, Problem
from app.model.textfile import read_text

MAX_SVG_BYTES = 5_000_000
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_FORBIDDEN_ELEMENTS = {"script", "image", "foreignObject", "iframe", "audio", "video"}
_HREF_ATTRIBUTES = {"href", "xlink:href", "{http://www.w3.org/1999/xlink}href"}


class SvgScan(msgspec.Struct):
    path: Path
    ids: dict[str, int] = msgspec.field(default_factory=dict)
    """Element id -> line number."""
    site_classed: dict[str, int] = msgspec.field(default_factory=dict)
    """Ids of elements marked ``class="site"`` -> line number."""
    view_box: tuple[float, float, float, float] | None = None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


class _Reader:
    """Expat callbacks that collect ids and refuse what a teaching diagram must not contain."""

    def __init__(self, path: Path) -> None:
        self.scan = SvgScan(path)
        self.problems: list[Problem] = []
        self.parser = xml.parsers.expat.ParserCreate("UTF-8")
        self.parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.depth = 0

    def problem(self, message: str) -> None:
        self.problems.append(Problem(self.scan.path, self.parser.CurrentLineNumber, message))

    def root(self, name: str, attrs: dict[str, str]) -> None:
        if name.rsplit(":", 1)[-1] != "svg":
            self.problem(f"the root element is <{name}>, not <svg>")
        box = attrs.get("viewBox", "").replace(",", " ").split()
        try:
            x, y, w, h = (float(v) for v in box)
        except ValueError:
            self.problem('the <svg> element needs a viewBox="x y width height"')
        else:
            self.scan.view_box = (x, y, w, h)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == 1:
            self.root(name, attrs)
        local = name.rsplit(":", 1)[-1]
        if local in _FORBIDDEN_ELEMENTS:
            self.problem(f"<{local}> elements are not allowed in the diagram")
        for attr, value in attrs.items():
            if attr in _HREF_ATTRIBUTES and not value.startswith("#"):
                self.problem(f"reference to an outside resource ({value[:60]!r}) is not allowed")
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                self.problem("url() pointing outside the file is not allowed")
        element_id = attrs.get("id")
        if not element_id:
            return
        line = self.parser.CurrentLineNumber
        if element_id in self.scan.ids:
            self.problem(f"duplicate id {element_id!r} (first on line {self.scan.ids[element_id]})")
        else:
            self.scan.ids[element_id] = line
        if "site" in attrs.get("class", "").split():
            self.scan.site_classed[element_id] = line

    def end(self, _name: str) -> None:
        self.depth -= 1


def scan_svg(path: Path) -> SvgScan:
    """Check that ``path`` is a safe, self-contained SVG and list its ids; raise ContentError if not."""
    text = read_text(path, MAX_SVG_BYTES)
    declaration = _DECLARATION.search(text)
    if declaration:
        raise ContentError(
            [
                Problem(
                    path,
                    _line_of(text, declaration.start()),
                    f"SVG contains a {declaration.group(1).upper()} declaration; remove it "
                    "(declarations can expand into huge documents and are never needed here)",
                )
            ]
        )
    reader = _Reader(path)
    try:
        reader.parser.Parse(text.encode("utf-8"), True)  # noqa: FBT003 - expat's isfinal flag
    except xml.parsers.expat.ExpatError as error:
        message = xml.parsers.expat.errors.messages.get(error.code, str(error))
        raise ContentError([Problem(path, error.lineno, f"invalid SVG/XML: {message}")]) from None
    if reader.problems:
        raise ContentError(reader.problems)
    return reader.scan
