"""Safe first look at a diagram SVG: refuse dangerous or external content, list element ids.

An SVG may come from a teacher's download, so it is treated as untrusted: any DOCTYPE or
entity declaration is refused before an XML parser sees the file (entity-expansion bombs),
and so are scripts, embedded images and references to other files or the network (the app
works offline and never fetches anything). Element ids are collected with their line numbers
so that ``neuraxis validate`` can say where a problem is.

What would break the renderers is refused here too, each with its line: a viewBox that is empty,
negative or not finite, numbers that are not finite, path data that is not path data, elements
nested too deep, and ``<use>`` elements that refer to themselves or expand into a huge document.
"""

from __future__ import annotations

import math
import re
import xml.parsers.expat
from pathlib import Path

import msgspec

from app.model.errors import ContentError, Problem
from app.model.textfile import decode_text, read_text

MAX_SVG_BYTES = 5_000_000
_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_FORBIDDEN_ELEMENTS = {"script", "image", "foreignObject", "iframe", "audio", "video"}
_HREF_ATTRIBUTES = {"href", "xlink:href", "{http://www.w3.org/1999/xlink}href"}
MAX_DEPTH = 100
"""Deepest nesting of elements (also through ``<use>``); drawings nest a handful of levels."""
MAX_EXPANDED = 100_000
"""Most elements a drawing may stand for once every ``<use>`` is expanded."""
_NOT_GEOMETRY = {"id", "class", "font-family", "aria-label", "lang", "xml:lang", *_HREF_ATTRIBUTES}
"""Attributes that hold names or text rather than numbers."""
_NON_FINITE = re.compile(r"(?<![\w-])(nan|inf|infinity)(?![\w-])", re.IGNORECASE)
# SVG numbers and separators are ASCII (re.ASCII: no other script's digits or spaces).
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?", re.ASCII)
_SEPARATOR = re.compile(r"[\s,]*", re.ASCII)
_SEPARATORS = re.compile(r"[\s,]+", re.ASCII)
_MARK = "\x01"
_PATH_SHAPE = re.compile(
    "(?:[Mm](?:NN)+(?:[LlTtMm](?:NN)+|[HhVv]N+|[Cc](?:N{6})+|[SsQq](?:N{4})+|[Zz])*)?".replace("N", _MARK)
)
"""Path data without arcs, each number a mark: a move, then commands with whole argument groups."""
_ARITY = {"m": 2, "l": 2, "h": 1, "v": 1, "c": 6, "s": 4, "q": 4, "t": 2, "a": 7, "z": 0}
"""How many numbers each path command takes (repeated for implicit repeats)."""


def _may_overflow(number: str) -> bool:
    return len(number) > 300 or "e" in number or "E" in number


def valid_path_data(data: str) -> bool:
    """Whether ``data`` is well-formed SVG path data: a move first, then commands each with a
    whole number of argument groups (arc flags may be written without separators)."""
    if "a" in data or "A" in data or _MARK in data:  # (XML text never holds the mark)
        return _valid_with_arcs(data)
    # Without arcs the numbers can be told apart by one regex: each becomes one mark (a control
    # character, never in XML text), the separators go, and what is left has a fixed shape.
    compact = _SEPARATORS.sub("", _NUMBER.sub(_MARK, data))
    return _PATH_SHAPE.fullmatch(compact) is not None


def _valid_with_arcs(data: str) -> bool:
    """:func:`valid_path_data` for data with arcs, whose flags need not be separated."""
    pos, command, count = 0, "", 0
    while True:
        pos = _SEPARATOR.match(data, pos).end()  # type: ignore[union-attr] # always matches
        if pos >= len(data):
            break
        char = data[pos]
        if char.lower() in _ARITY:
            arity = _ARITY[command.lower()] if command else 0
            if (not command and char not in "Mm") or (command and (count % arity if arity else count)):
                return False
            if command and arity and not count:
                return False
            command, count, pos = char, 0, pos + 1
            continue
        if not command or command in "Zz":
            return False
        if command in "Aa" and count % 7 in (3, 4):  # a flag: one 0 or 1
            if char not in "01":
                return False
            pos += 1
        else:
            number = _NUMBER.match(data, pos)
            if number is None:
                return False
            pos = number.end()
        count += 1
    arity = _ARITY[command.lower()] if command else 0
    return not command or (count % arity == 0 and count > 0 if arity else count == 0)


class _Element:
    """One element as far as ``<use>`` expansion is concerned."""

    __slots__ = ("children", "line", "target")

    def __init__(self, line: int, target: str | None) -> None:
        self.line = line
        self.target = target
        self.children: list[_Element] = []


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
        self.stack: list[_Element] = [_Element(1, None)]
        self.by_id: dict[str, _Element] = {}

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
            return
        if not all(math.isfinite(v) for v in (x, y, w, h)):
            self.problem("the viewBox must be four finite numbers")
        elif w <= 0 or h <= 0:
            self.problem("the viewBox width and height must be above zero")
        else:
            self.scan.view_box = (x, y, w, h)

    def start(self, name: str, attrs: dict[str, str]) -> None:
        self.depth += 1
        if self.depth == MAX_DEPTH + 1:
            self.problem(f"elements are nested more than {MAX_DEPTH} deep")
        if self.depth == 1:
            self.root(name, attrs)
        local = name.rsplit(":", 1)[-1]
        target = None
        if local in _FORBIDDEN_ELEMENTS:  # said once: what it refers to does not matter
            self.problem(f"<{local}> elements are not allowed in the diagram")
        else:
            target = self.references(local, attrs)
            if all(self.finite(attr, value) for attr, value in attrs.items() if attr not in _NOT_GEOMETRY):
                self.shape(local, attrs)
        element = _Element(self.parser.CurrentLineNumber, target)
        self.stack[-1].children.append(element)
        self.stack.append(element)
        element_id = attrs.get("id")
        if not element_id:
            return
        self.by_id.setdefault(element_id, element)
        line = self.parser.CurrentLineNumber
        if element_id in self.scan.ids:
            self.problem(f"duplicate id {element_id!r} (first on line {self.scan.ids[element_id]})")
        else:
            self.scan.ids[element_id] = line
        if "site" in attrs.get("class", "").split():
            self.scan.site_classed[element_id] = line

    def references(self, local: str, attrs: dict[str, str]) -> str | None:
        """Refuse references outside the file; the id a ``<use>`` refers to."""
        target: str | None = None
        for attr, value in attrs.items():
            if attr in _HREF_ATTRIBUTES:
                if not value.startswith("#"):
                    self.problem(f"reference to an outside resource ({value[:60]!r}) is not allowed")
                elif local == "use":
                    target = value[1:]
            if "url(" in value and "url(#" not in value.replace(" ", ""):
                self.problem("url() pointing outside the file is not allowed")
        return target

    def shape(self, local: str, attrs: dict[str, str]) -> None:
        """Path data and point lists that the renderers would silently cut short."""
        if local == "path" and not valid_path_data(attrs.get("d", "")):
            self.problem("the path data (d) is not valid; redraw or re-save the path")
        if local in ("polygon", "polyline") and len(_NUMBER.findall(attrs.get("points", ""))) % 2:
            self.problem("the points of this shape are not pairs of numbers")

    def end(self, _name: str) -> None:
        self.depth -= 1
        self.stack.pop()

    def finite(self, attr: str, value: str) -> bool:
        """Whether every number in a geometry attribute is finite (``NaN``, ``inf`` and ``1e999``
        are not); if not, say so. The root's viewBox is checked on its own."""
        if attr == "viewBox" and self.depth == 1:
            return True
        bad = _NON_FINITE.search(value)
        if bad is None and ("e" in value or "E" in value or len(value) > 300):  # else nothing overflows
            bad = next(
                (
                    n
                    for n in _NUMBER.finditer(value)
                    if _may_overflow(n[0]) and not math.isfinite(float(n[0]))
                ),
                None,
            )
        if bad is not None:
            self.problem(f"{attr}: {bad[0]!r} is not a finite number")
        return bad is None

    def check_uses(self) -> None:
        """No ``<use>`` refers to itself or to an element containing it (directly or through other
        ``<use>``), and expanding them all stays within :data:`MAX_EXPANDED` elements and
        :data:`MAX_DEPTH` levels. Walked without recursion: a chain of uses may be long."""
        size: dict[int, int] = {}
        depth: dict[int, int] = {}
        on_path: set[int] = set()
        todo: list[tuple[_Element, bool]] = [(self.stack[0], False)]
        while todo:
            element, done = todo.pop()
            key = id(element)
            linked = self.by_id.get(element.target) if element.target else None
            parts = [*element.children, *([linked] if linked is not None else [])]
            if done:
                on_path.discard(key)
                size[key] = 1 + sum(size.get(id(p), 0) for p in parts)
                depth[key] = 1 + max((depth.get(id(p), 0) for p in parts), default=0)
                if size[key] > MAX_EXPANDED or depth[key] > MAX_DEPTH:
                    self.problems.append(
                        Problem(
                            self.scan.path,
                            element.line,
                            f"<use> elements expand into more than {MAX_EXPANDED:,} elements "
                            f"or {MAX_DEPTH} levels; draw the shapes out",
                        )
                    )
                    return
                continue
            if key in size:
                continue
            on_path.add(key)
            todo.append((element, True))
            for part in parts:
                if id(part) in on_path:
                    self.problems.append(
                        Problem(
                            self.scan.path,
                            element.line,
                            f"<use> refers to {element.target!r}, which leads back to this element: "
                            "it would never end",
                        )
                    )
                    return
                if id(part) not in size:
                    todo.append((part, False))


def scan_svg(path: Path, data: bytes | None = None) -> SvgScan:
    """Check that ``path`` (or ``data``, its bytes already read) is a safe, self-contained SVG and
    list its ids; raise ContentError if not."""
    text = read_text(path, MAX_SVG_BYTES) if data is None else decode_text(path, data)
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
    if not reader.problems:
        reader.check_uses()
    if reader.problems:
        raise ContentError(reader.problems)
    return reader.scan
