"""The spinal cord in cross-section at one level: which tracts, horns and roots the selection cuts
there, what runs in each, and what a cut there does. Clicking a part selects the most specific
lesion site that cuts it at that level.

Parts are keyed ``PART-SIDE`` (``anterior-horn-left``) or ``anterior-commissure``; the SVG element
of a part is ``xs-`` + key, and its pathway node at segment ``c5`` is ``PART-c5-SIDE``
(``anterior-commissure-c5``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import paths
from app.model.content import Content, SiteInfo
from app.model.geometry import load_geometry
from app.model.ids import COMMISSURE, CORD_PARTS
from app.model.sides import opposite
from app.model.state import EVERYTHING, Change
from app.ui import theme
from app.ui.panels.base import FollowingPanel
from app.ui.panels.overlay import PartsView
from app.ui.panels.overlay_style import selected_layer
from app.ui.panels.richtext import Cites, RichBrowser, esc, strip_citations
from app.ui.selection import SelectionModel

DEFAULT_LEVELS = ("C5", "T6", "L4")
MIN_PART = 40.0
MIN_CAPTION_PX = 96
HINT = "<p>Point at a part to see what runs in it; click it to select a lesion there.</p>"

_NODE = re.compile(r"^(?P<part>" + "|".join(CORD_PARTS) + r")-(?P<seg>[a-z]\d{1,2})(?:-(?:left|right))?$")
_ID_LEVEL = re.compile(r"-(?P<seg>[ctls]\d{1,2})(?:-|$)")


def site_level(content: Content, site: SiteInfo) -> str | None:
    """The cord level a site is drawn at: named in its id (``hemisection-t6-left``), else the
    segment most of its cord nodes are at (the highest on a tie)."""
    segments = [s.upper() for s in content.anatomy.segments]
    named = _ID_LEVEL.search(site.id)
    if named and named.group("seg").upper() in segments:
        return named.group("seg").upper()
    found = [m.group("seg").upper() for n in site.nodes if (m := _NODE.match(n))]
    found = [s for s in found if s in segments]
    if not found:
        return None
    return min(set(found), key=lambda s: (-found.count(s), segments.index(s)))


def part_node(key: str, level: str) -> str:
    if key == COMMISSURE:
        return f"{COMMISSURE}-{level.lower()}"
    part, side = key.rsplit("-", 1)
    return f"{part}-{level.lower()}-{side}"


class CordTexts:
    """Names and cited texts of the cord parts, from content (anatomy.yaml, cord_parts)."""

    def __init__(self, content: Content) -> None:
        self._parts = {part.id: part for part in content.anatomy.cord_parts}

    def name(self, key: str) -> str:
        if key == COMMISSURE:
            return self._parts[COMMISSURE].name.capitalize()
        part, side = key.rsplit("-", 1)
        return f"{side.capitalize()} {self._parts[part].name}"

    def text(self, key: str, level: str, field: str) -> str:
        """``carries`` or ``if_cut`` for this part at ``level``, with its [KEY] citations."""
        part, side = (key, "") if key == COMMISSURE else key.rsplit("-", 1)
        other = opposite(side) if side else ""
        text: str = getattr(self._parts[part], field)
        return text.replace("$side", side).replace("$other", other).replace("$level", level)


class CrossSectionView(PartsView):
    def __init__(self, texts: CordTexts, svg_path: Path, parent: QWidget | None = None) -> None:
        keys = [f"{part}-{side}" for part in CORD_PARTS if part != COMMISSURE for side in ("right", "left")]
        keys.insert(keys.index("anterior-horn-left") + 1, COMMISSURE)
        geometry = load_geometry(svg_path, [f"xs-{k}" for k in keys], paths.cache_dir())
        self.texts = texts
        parts = [(k, f"xs-{k}", texts.name(k)) for k in keys]
        names = ("crossSection", "Spinal cord cross-section")
        super().__init__(svg_path, geometry, parts, names, min_size=MIN_PART, parent=parent)
        self.level = DEFAULT_LEVELS[0]
        self.cut: frozenset[str] = frozenset()

    def describe(self, key: str) -> str:
        carries = strip_citations(self.texts.text(key, self.level, "carries"))
        lines = [self.texts.name(key) + f" at {self.level}", carries]
        if key in self.cut:
            lines.append("Cut by the selection.")
        return "\n".join(lines)

    def show_cut(self, level: str, cut: Iterable[str]) -> None:
        """Highlight the parts whose node at ``level`` is in ``cut`` (overlay items only)."""
        nodes = frozenset(cut)
        self.level = level
        self.cut = frozenset(k for k in self.items_by_key if part_node(k, level) in nodes)
        for key, item in self.items_by_key.items():
            item.set_layers([selected_layer()] if key in self.cut else [])
        names = ", ".join(self.texts.name(k).lower() for k in self.order if k in self.cut)
        self.setAccessibleDescription(
            f"Cross-section of the spinal cord at {level}, dorsal side up, the patient's right on the left. "
            + (f"Cut here: {names}." if names else "Nothing is cut at this level.")
        )
        self.refresh_label()


class CrossSectionPanel(FollowingPanel):
    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "crossSectionPanel", "Spinal cord cross-section", parent)
        content = selection.content
        self._levels_of = {s.id: lvl for s in content.sites if (lvl := site_level(content, s))}
        self._segments = [s.upper() for s in content.anatomy.segments]
        levels = sorted({*DEFAULT_LEVELS, *self._levels_of.values()}, key=self._segments.index)
        self.texts = CordTexts(content)
        self.view = CrossSectionView(self.texts, content.drawings.cord, self)
        self.view.activated.connect(self._part_clicked)
        self.caption = RichBrowser("crossSectionCaption", "What the selection cuts at this level", self)
        self._note = ""

        row = QHBoxLayout()
        row.setSpacing(3)
        title = QLabel("Level:", self)
        theme.make_heading(title)
        row.addWidget(title)
        self.levels = QButtonGroup(self)
        self.level_buttons: dict[str, QPushButton] = {}
        for level in levels:
            button = QPushButton(level, self)
            button.setObjectName(f"level{level}")
            button.setAccessibleName(f"Show the cord at {level}")
            button.setCheckable(True)
            button.setMinimumHeight(36)
            button.setStyleSheet("padding: 6px 3px;")  # eleven levels fit the column at 1024x768
            button.clicked.connect(lambda _=False, lvl=level: self.set_level(lvl))
            self.levels.addButton(button)
            self.level_buttons[level] = button
            row.addWidget(button)
        row.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.view, 3)  # the drawing gets most of a short panel
        layout.addWidget(self.caption, 1)
        self.caption.setMinimumHeight(MIN_CAPTION_PX)
        self.set_level(self._level_of_selection() or DEFAULT_LEVELS[0])

    def _level_of_selection(self) -> str | None:
        """The cord level of the most recently chosen site that has one."""
        recent_first = reversed(self._selection.shown.sites)
        return next((self._levels_of[s] for s in recent_first if s in self._levels_of), None)

    # --- public -------------------------------------------------------------------------------------
    @property
    def level(self) -> str:
        return self.view.level

    def set_level(self, level: str) -> None:
        self._note = ""
        self.level_buttons[level].setChecked(True)
        self.view.level = level
        self._show()

    def caption_text(self) -> str:
        self._flush()
        return self.caption.toPlainText()

    # --- sync ---------------------------------------------------------------------------------------
    def _sync(self, change: Change = EVERYTHING) -> None:
        sel = self._selection
        if change.sites or change.shown:
            cut = sel.shown.findings.cut
            self._note = ""
            here = any(part_node(k, self.level) in cut for k in self.view.items_by_key)
            jump = self._level_of_selection()
            if jump and not here and jump != self.level:
                self.level_buttons[jump].setChecked(True)
                self.view.level = jump
        self._show()

    def _show(self) -> None:
        self.view.show_cut(self.level, self._selection.shown.findings.cut)
        self.caption.show_html(self._caption_html())

    def _caption_html(self) -> str:
        sel, level = self._selection, self.level
        head = f"<p><b>Cord at {level}</b> - dorsal side up; the patient's right is on your left.</p>"
        note = f"<p><b>{esc(self._note)}</b></p>" if self._note else ""
        cut = [k for k in self.view.order if k in self.view.cut]
        if cut:
            content = sel.content
            names = sel.shown.subject
            cites = Cites(content.references)
            effects = {k: cites.text(self.texts.text(k, level, "if_cut")) for k in cut}
            rows = "".join(f"<li><b>{esc(self.texts.name(k))}</b>: {effects[k]}</li>" for k in cut)
            listing = f"<p>Cut at {level} by <b>{esc(names)}</b>:</p><ul>{rows}</ul>"
            return f"{head}{note}{listing}{cites.references()}"
        cut_at = {m.group("seg").upper() for n in sel.shown.findings.cut if (m := _NODE.match(n))}
        elsewhere = [s for s in self._segments if s in cut_at]
        if elsewhere:
            body = f"<p>The selection cuts the cord at {esc(', '.join(elsewhere))}, not at {level}.</p>"
        elif sel.shown.sites:
            body = "<p>The selection does not cut the spinal cord.</p>"
        else:
            body = ""
        return f"{head}{note}{body}{HINT}"

    def _part_clicked(self, key: str) -> None:
        node = part_node(key, self.level)
        sites = [s for s in self._selection.content.sites if node in s.nodes]
        if not sites:
            self._note = (
                f"No lesion site in this app cuts the {self.texts.name(key).lower()} at {self.level}."
            )
            self.caption.show_html(self._caption_html())
            return
        self._selection.select(min(sites, key=lambda s: len(s.nodes)).id)
