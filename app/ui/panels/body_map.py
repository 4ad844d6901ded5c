"""The body map: a front-view figure whose regions show what the selected lesion does there.

Each region on each side is filled by lesion type (pattern + colour + label in the key) and by
sensory loss (its own pattern and outline). Hovering a region lists its findings; clicking it (or
Enter on the focused region) asks the selection which lesion sites would weaken it, and the
answer is listed under the map, each site a link that selects it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPointF, QRect, QRectF, Qt, QUrl
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from app import paths
from app.model import ids
from app.model.content import Content
from app.model.findings import Finding
from app.model.geometry import load_geometry
from app.model.sides import SIDES
from app.model.state import EVERYTHING, Change
from app.ui import theme
from app.ui.panels.base import FollowingPanel
from app.ui.panels.overlay import PartsView
from app.ui.panels.overlay_style import Layer, lesion_layer, paint_layers, untyped_layer
from app.ui.panels.richtext import RichBrowser, esc
from app.ui.selection import SelectionModel

SITE_SCHEME = "site"
WIDE_RATIO = 0.95
"""At least this wide for its height: the answer goes beside the figure, under the key."""
MIN_ANSWER_PX = 150
MIN_WIDE_ANSWER_PX = 24
KEY_SWATCH_PX = 28
MIN_BESIDE_PX = 120
"""Under the key, the answer may be short (it says when it scrolls): the Body tab then fits the
height the other tabs have."""
MIN_PART = 44.0
"""Eye and tongue halves are small: their hit shapes grow to this many figure units."""
SENSORY_COLOURS = {ids.PAIN: "#d81b60", ids.VIBRATION: "#00838f"}
"""Pink and teal: visible on white, unlike the UMN / LMN / NMJ / muscle colours, not yellow or grey."""
PROMPT = (
    "<p><b>Click a body region</b> (or Tab to it and press Enter) to list the lesion sites that would "
    "weaken it.</p><p class='small'>Front view: the patient's right is on your left.</p>"
)


def _tile(modality: str, colour: QColor) -> QPixmap:
    pixmap = QPixmap(8, 8)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if modality == "pain-temperature":  # vertical strokes
        painter.fillRect(QRectF(3, 0, 1.4, 8), colour)
    else:  # small rings
        painter.setPen(QPen(colour, 1.0))
        painter.drawEllipse(QPointF(4, 4), 2.2, 2.2)
    painter.end()
    return pixmap


def sensory_layer(modality: str) -> Layer:
    colour = QColor(SENSORY_COLOURS[modality])
    outline = "dashes" if modality == "pain-temperature" else "beads"
    return Layer(colour.name(), QBrush(_tile(modality, colour)), outline)


def layers_swatch(layers: Sequence[Layer], width: int = 50, height: int = 32, ratio: float = 1.0) -> QPixmap:
    """A legend sample drawn exactly as the parts are (wide enough to show dashes and beads)."""
    pixmap = QPixmap(max(1, round(width * ratio)), max(1, round(height * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(theme.BACKGROUND))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def box(depth: float) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(QRectF(3, 3, width - 6, height - 6).adjusted(depth, depth, -depth, -depth), 4, 4)
        return path

    paint_layers(painter, box(0), layers, lambda n: box(7 * n))
    painter.end()
    return pixmap


def _floating_label(parent: QWidget, name: str, style: str) -> QLabel:
    """A label over other widgets (not in a layout), hidden until shown."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"background: {theme.BACKGROUND}; {style}")
    label.hide()
    return label


def _claim_wrapped_height(label: QLabel) -> None:
    """A wrapped key label in a narrow column needs more lines than its size hint allows for: it
    claims the height its width needs, or the grid squeezes the entries into each other. (Measured
    without the last claim: QLabel.heightForWidth never answers less than the minimum height, so a
    claim made at a narrow width would otherwise never shrink.)"""
    held = label.minimumHeight()
    if held:
        label.setMinimumHeight(0)
    need = label.heightForWidth(label.width())
    if need > 0 or held:
        label.setMinimumHeight(max(need, 0))


def region_name(content: Content, region: str, side: str) -> str:
    name = content.regions_by_id[region].name
    return f"{side.capitalize()} {name[:1].lower()}{name[1:]}"


def finding_lines(content: Content, finding: Finding) -> list[str]:
    """What the region shows, one line per lesion type and one for sensory loss."""
    lines = []
    for lesion in finding.lesions:
        signs = dict.fromkeys(e.sign for e in finding.evidence if e.lesion == lesion)
        names = ", ".join(content.signs_by_id[s].name for s in signs)
        short = content.lesion_types[lesion].short
        lines.append(f"{short} - {names}" if names else short)
    if not finding.lesions and finding.signs:  # revealed signs whose lesion type is still hidden
        lines.append(", ".join(content.signs_by_id[s].name for s in finding.signs))
    lost = [content.modalities[m].name for m in finding.sensory_loss]
    if lost:
        lines.append(" and ".join(lost).capitalize() + " lost")
    if finding.possible:
        lines.append("May be present: " + ", ".join(content.signs_by_id[s].name for s in finding.possible))
    return lines


class BodyMapView(PartsView):
    """The figure; parts are keyed ``REGION-SIDE`` (``hand-right``)."""

    def __init__(self, selection: SelectionModel, svg_path: Path, parent: QWidget | None = None) -> None:
        content = selection.content
        # Regions in body.yaml order (head to toe: the Tab order); validation guarantees the elements.
        parts = [
            (f"{region.id}-{side}", f"body-{region.id}-{side}", region_name(content, region.id, side))
            for side in ("right", "left")
            for region in content.regions
        ]
        geometry = load_geometry(svg_path, [element for _, element, _ in parts], paths.cache_dir())
        super().__init__(svg_path, geometry, parts, ("bodyMap", "Body map"), min_size=MIN_PART, parent=parent)
        self.selection = selection
        self._findings: dict[str, Finding] = {}

    def describe(self, key: str) -> str:
        name = self.items_by_key[key].name
        finding = self._findings.get(key)
        if finding is None:
            return f"{name}\nNo expected findings"
        return "\n".join([name, *finding_lines(self.selection.content, finding)])

    def show_findings(self) -> None:
        """Paint every region from the selection's findings (overlay items only)."""
        content = self.selection.content
        self._findings = {f"{f.region}-{f.side}": f for f in self.selection.shown.findings.findings}
        for key, item in self.items_by_key.items():
            finding = self._findings.get(key)
            layers: list[Layer] = []
            if finding is not None:
                layers += [lesion_layer(t, content.lesion_types[t].pattern) for t in finding.lesions]
                if finding.signs and not finding.lesions:
                    layers.append(untyped_layer())
                layers += [sensory_layer(m) for m in finding.sensory_loss]
            item.set_layers(layers)
        probe = self.selection.probe
        for key, item in self.items_by_key.items():
            item.set_flag("marked", probe is not None and key == "-".join(probe))
        summary = [
            f"{self.items_by_key[key].name}: {'; '.join(finding_lines(content, f))}"
            for key, f in self._findings.items()
            if key in self.items_by_key
        ]
        self.setAccessibleDescription(
            "Front view of the body. "
            + (". ".join(summary) if summary else "No region is affected.")
            + " Tab or arrow keys move between regions; Enter lists the lesions that would weaken one."
        )
        self.refresh_label()


class BodyMapPanel(FollowingPanel):
    FOLLOWS_PROBE = True

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "bodyMapPanel", "Body map", parent)
        content = selection.content
        self.view = BodyMapView(selection, content.drawings.body, self)
        self.view.activated.connect(self._ask)
        # A small figure has no room for its hover / focus label: it shows beside it, over the key.
        self.view.spill = True
        self._beside = _floating_label(self, "bodyMapLabel", f"border: 2px solid {theme.TEXT}; padding: 6px;")
        self.view.labelOutside.connect(self._show_beside)
        self.answer = RichBrowser(
            "bodyMapAnswer", "Lesion sites that would weaken the region asked about", self
        )
        self.answer.anchorClicked.connect(self._link_clicked)
        # Over the foot of the answer (not in the layout: showing it must not move the figure).
        self._more = _floating_label(
            self.answer.viewport(),
            "bodyMapMore",
            f"border-top: 1px solid {theme.MUTED_TEXT}; font-weight: bold;",
        )
        self._more.setText("\u25bc More below: scroll the list")
        self.answer.viewport().installEventFilter(self)
        bar = self.answer.verticalScrollBar()
        bar.rangeChanged.connect(self._show_more)
        bar.valueChanged.connect(self._show_more)
        self._show_more()

        self._key = self._build_key(content)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(4, 4, 4, 4)
        self._wide: bool | None = None
        self._figure_only = False
        self._arrange()
        self._sync()

    def _build_key(self, content: Content) -> QWidget:
        """The key: each lesion type's pattern, each lost modality's edge line, the untyped pattern."""
        key = QWidget(self)
        key.setObjectName("bodyMapKey")
        grid = QGridLayout(key)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(3)  # the Body tab fits a 1280x720 screen's window (90%: 648 px high)
        title = QLabel("Key", key)
        theme.make_heading(title)
        grid.addWidget(title, 0, 0, 1, 2)
        ratio = self.devicePixelRatioF()
        entries = [
            (info.short, [lesion_layer(info.id, info.pattern)]) for info in content.lesion_types.values()
        ]
        modalities = list(content.modalities)
        entries += [(f"{content.modalities[m].name} lost", [sensory_layer(m)]) for m in modalities]
        # signs with no lesion type of their own: a Horner syndrome, clumsiness, absent abdominal reflexes
        entries.append(("Other signs, no weakness", [untyped_layer()]))
        if modalities and content.lesion_types:  # both in one region: the pattern fills, the line edges
            first = next(iter(content.lesion_types.values()))
            both = [lesion_layer(first.id, first.pattern), sensory_layer(modalities[-1])]
            entries.append((f"{first.short} with sensory loss", both))
        for row, (text, layers) in enumerate(entries, start=1):
            swatch = QLabel(key)
            swatch.setPixmap(layers_swatch(layers, height=KEY_SWATCH_PX, ratio=ratio))
            label = QLabel(text, key)
            label.setTextFormat(Qt.TextFormat.PlainText)  # content text, shown as written: never markup
            label.setWordWrap(True)
            label.setAccessibleName(f"Key: {text}")
            label.installEventFilter(self)
            grid.addWidget(swatch, row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label, row, 1)
        grid.setRowStretch(len(entries) + 1, 1)
        grid.setColumnStretch(1, 1)
        return key

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._arrange()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.answer.viewport() and event.type() == QEvent.Type.Resize:
            self._show_more()
        elif isinstance(watched, QLabel) and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            _claim_wrapped_height(watched)
        elif isinstance(watched, QLabel) and event.type() == QEvent.Type.Hide:
            # Out of sight (another tab in front) it claims nothing: a claim made in a narrow column
            # (leaving presentation mode) would stay the tabs' minimum and shrink the signs above.
            watched.setMinimumHeight(0)
        return False

    def _arrange(self) -> None:
        """Landscape: figure | key above the answer. Portrait: figure | key, the answer below."""
        wide = self.width() >= WIDE_RATIO * self.height()
        if wide == self._wide:
            return
        self._wide = wide
        grid = self._grid
        for widget in (self.view, self._key, self.answer):
            grid.removeWidget(widget)
        if self._figure_only:
            grid.addWidget(self.view, 0, 0, 3, 2)
            return
        grid.addWidget(self.view, 0, 0, 2, 1)
        grid.addWidget(self._key, 0, 1)
        if wide:
            grid.addWidget(self.answer, 1, 1)
        else:
            grid.addWidget(self.answer, 2, 0, 1, 2)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(0, 0 if wide else 1)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 0 if wide else 1)
        self.answer.setMinimumHeight(MIN_WIDE_ANSWER_PX if wide else MIN_ANSWER_PX)

    def _show_beside(self, text: str, part: QRect) -> None:
        """The label of the hovered or focused region, beside the figure at the region's height."""
        if not text:
            self._beside.hide()
            return
        title, *lines = text.split("\n")
        self._beside.setText(f"<b>{esc(title)}</b>" + "".join(f"<br>{esc(line)}" for line in lines))
        left = self.view.geometry().right() + 4
        width = max(MIN_BESIDE_PX, self.width() - left - 4)
        if left + width > self.width():  # no room to the right: along the figure's right edge
            left = max(0, self.width() - width - 4)
        self._beside.setFixedWidth(width)
        self._beside.adjustSize()
        top = self.view.mapTo(self, part.topLeft()).y()
        top = max(0, min(top, self.height() - self._beside.height()))
        self._beside.move(left, top)
        self._beside.show()
        self._beside.raise_()

    def _show_more(self, *_: int) -> None:
        """Say so when the answer runs on below the box (the scroll bar alone is easy to miss)."""
        bar = self.answer.verticalScrollBar()
        port = self.answer.viewport().rect()
        height = self._more.sizeHint().height()
        self._more.setGeometry(0, port.height() - height, port.width(), height)
        # not in a box of a line or two: it would cover the only line shown (the scroll bar says it)
        self._more.setVisible(bar.value() < bar.maximum() and port.height() >= 3 * height)

    # --- public, for the main window and tests ----------------------------------------------------
    def set_figure_only(self, on: bool) -> None:
        """The figure alone, as large as the panel (presentation mode: the signs say the rest)."""
        self._figure_only = on
        self._key.setVisible(not on)
        self.answer.setVisible(not on)
        self._wide = None
        self._arrange()

    def answer_text(self) -> str:
        self._flush()
        return self.answer.toPlainText()

    # --- sync ---------------------------------------------------------------------------------------
    def _sync(self, change: Change = EVERYTHING) -> None:
        self.view.show_findings()
        self.answer.show_html(self._answer_html())

    def _answer_html(self) -> str:
        sel = self._selection
        if sel.probe is None:
            return PROMPT
        content = sel.content
        region, side = sel.probe
        name = region_name(content, region, side)
        if not sel.probe_sites:
            return f"<p><b>No lesion site in this app weakens the {esc(name.lower())}.</b></p>" + PROMPT
        chosen = set(sel.shown.sites)
        sites = [content.sites_by_id[s] for s in sel.probe_sites if s in content.sites_by_id]
        # Grouped by level, the links run on as text: a whole answer of 20-odd sites fits a small box.
        groups = []
        for group in content.site_groups:
            links = [
                f"<a href='{SITE_SCHEME}:{esc(site.id)}'>{esc(site.name)}</a>"
                + ("&nbsp;<b>(shown)</b>" if site.id in chosen else "")
                for site in sites
                if site.group == group.id
            ]
            if links:
                groups.append(f"<p><b>{esc(group.name)}:</b> {' &middot; '.join(links)}</p>")
        count = f"{len(sites)} site{'s' if len(sites) != 1 else ''}, outlined with dashes on the diagram"
        return (
            f"<p><b>Lesions that weaken the {esc(name.lower())}:</b> <span class='small'>{count}.</span></p>"
            + "".join(groups)
        )

    def _ask(self, key: str) -> None:
        region, side = key.rsplit("-", 1)
        if side in SIDES:
            self._selection.ask_region(region, side)

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() != SITE_SCHEME:
            return
        probe = self._selection.probe
        self._selection.select(url.path())
        if probe is not None:  # keep the question open, so the next answer is one click away
            self._selection.ask_region(*probe)
