"""Expected signs of the selected lesion, side by side and region by region, with their evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.model.content import Content
from app.model.describe import in_examination_order, signs_by_lesion
from app.model.findings import Finding
from app.model.sides import READING_ORDER
from app.model.state import EVERYTHING, Change
from app.ui import theme
from app.ui.panels.base import Caption, FollowingPanel
from app.ui.panels.richtext import Cites, RichBrowser, badge, esc
from app.ui.panels.signs_compact import compact_html
from app.ui.selection import SelectionModel

SIGN_SCHEME = "sign"
MODALITY_SCHEME = "modality"
ABOUT_MIN_PX = 40
ROW_FILL = "#eef3fa"
"""Every other region row is shaded, so a row can be followed across on a projector."""
PROMPT = (
    "<h2>Expected signs</h2>"
    "<p>Click a lesion site on the pathway diagram (or in the list of sites) to see the signs "
    "a lesion there causes.</p>"
    "<p><b>Ctrl+click</b> a second site to combine lesions, as in a disease that strikes "
    "several places at once.</p>"
    "<p>Press <b>Escape</b> to clear the selection.</p>"
)


class SignsPanel(FollowingPanel):
    """The "Expected signs" panel: what each affected body region shows, told by side, region and domain."""

    FOLLOWS_DAY = True

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "signsPanel", "Expected signs", parent)
        content = selection.content
        self._domain_names = {d.id: d.name for d in content.domains}

        self._browser = RichBrowser("signsText", "Expected signs of the selected lesion", self)
        self._browser.add_swatches(content)
        self._browser.anchorClicked.connect(self._link_clicked)

        self._about = QWidget()
        self._about.setObjectName("aboutSign")
        title = QLabel("About this sign", self._about)
        theme.make_heading(title)
        hide = QPushButton("Hide", self._about)
        hide.setObjectName("hideAboutSign")
        hide.setAccessibleName("Hide the sign description")
        hide.clicked.connect(self._hide_about)
        self._about_text = RichBrowser("aboutSignText", "About this sign", self._about)
        self._about_text.setMinimumHeight(ABOUT_MIN_PX)  # opening it must not push the tabs down
        top = QHBoxLayout()
        top.addWidget(title, 1)
        top.addWidget(hide)
        about_layout = QVBoxLayout(self._about)
        about_layout.setContentsMargins(0, 0, 0, 0)
        about_layout.addLayout(top)
        about_layout.addWidget(self._about_text)
        self._about.hide()

        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self._browser)
        split.addWidget(self._about)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # The day line is a paint-only caption, so that moving the day cursor re-renders the page of
        # signs only when the signs themselves change (at the days the rules switch).
        self._when = Caption(self, lines=1, bold=True)
        self._when.setObjectName("signsDay")
        self._established = QPushButton("Show the established lesion", self)
        self._established.setObjectName("showEstablished")
        self._established.clicked.connect(lambda: self._selection.set_day(None))
        self._established.hide()
        when = QHBoxLayout()
        when.addWidget(self._when, 1)
        when.addWidget(self._established)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(when)
        layout.addWidget(split, 1)

        self._compact = False
        self._sync()

    # --- public, for tests and the main window ------------------------------------------------
    def text(self) -> str:
        self._flush()
        return self._browser.toPlainText()

    def set_compact(self, compact: bool) -> None:
        """Projector form (presentation mode): every region at once, notes and sources left out."""
        self._compact = compact
        self._sync()

    def about_text(self) -> str:
        return self._about_text.toPlainText() if self._about.isVisibleTo(self) else ""

    def show_sign(self, sign_id: str) -> None:
        """Show one sign's summary, with its sources, in the "About this sign" area."""
        sign = self._selection.content.signs_by_id.get(sign_id)
        if sign is None:
            return
        cites = Cites(self._selection.content.references)
        domain = self._domain_names.get(sign.domain, "")
        body = (
            f"<h2>{esc(sign.name)}</h2><p class='muted'>{esc(domain)}</p>"
            f"{cites.paragraphs(sign.summary)}{self._where(sign_id)}"
        )
        self._show_about(body + cites.references())

    def _show_about(self, html: str) -> None:
        """Open the "About this sign" area at the top of ``html``; shown first, so the page is laid
        out at its real width and opens at its title (laid out hidden, it opened scrolled down)."""
        self._about.show()
        self._about_text.show_html(html)
        self._about_text.verticalScrollBar().setValue(0)

    # --- sync ---------------------------------------------------------------------------------
    def _sync(self, change: Change = EVERYTHING) -> None:
        day = self._selection.day
        if self._selection.findings.chronic:
            self._when.setText("Chronic disease: its established signs")
            self._when.setToolTip("The signs of a chronic disease do not follow the day since onset")
        elif day is None:
            self._when.setText("Established lesion")
            self._when.setToolTip("Signs months after onset; the Course tab steps through the first weeks")
        else:
            self._when.setText(f"Day {day} after onset")
        self._established.setVisible(day is not None and not self._selection.findings.chronic)
        self._when.setVisible(not (self._compact and day is None))  # a projector says only what changed
        self._browser.show_html(self._render())

    def day_text(self) -> str:
        return self._when.text()

    def _render(self) -> str:
        content = self._selection.content
        shown = self._selection.shown
        if not shown.subject:
            return PROMPT + _key(content)
        if self._compact:
            return compact_html(content, shown)
        parts = [f"<h2>{esc(shown.subject)}</h2>"]
        if shown.disease:
            names = ", ".join(content.sites_by_id[s].name for s in shown.sites)
            parts.append(f"<p class='small'>Typical sites: {esc(names)}</p>")
        if shown.hidden:
            parts.append(f"<p class='muted'><b>{esc(shown.reveal_text().capitalize())}.</b></p>")
        findings = shown.findings
        if not findings.findings and shown.hidden:
            parts.append("<p><b>The expected signs are hidden.</b> What would you expect to find?</p>")
        elif not findings.findings:
            parts.append("<p><b>No motor signs are expected</b> from a lesion here alone.</p>")
        elif findings.lesions:
            kinds = " &nbsp; ".join(
                f"{badge(content, t)} <span class='muted'>{esc(content.lesion_types[t].name.lower())}</span>"
                for t in findings.lesions
            )
            parts.append(f"<p>{kinds}</p>")
        cites = Cites(content.references)
        for side in READING_ORDER:
            regions = findings.for_side(side)
            if regions:
                rows = "".join(self._region(f, cites, shaded=i % 2 == 1) for i, f in enumerate(regions))
                parts.append(
                    f"<h3>{side.capitalize()} side of the body</h3>"
                    f"<table width='100%' cellspacing='0' cellpadding='6'>{rows}</table>"
                )
        if findings.chronic:
            parts.append(
                "<p class='small'>A chronic disease: these are the signs of the established disease, "
                "whatever the day since onset.</p>"
            )
        if findings.findings:
            parts.append(
                "<p class='small'>Click a sign to see what it is and which muscles or reflexes show it. "
                "<i>May be present</i>: signs some patients show and others do not.</p>"
            )
        return "".join(parts) + cites.references("Sources of the notes")

    def _region(self, finding: Finding, cites: Cites, *, shaded: bool) -> str:
        """One table row: the region and its lesion type(s), then its signs in examination order.
        In a mixed UMN + LMN region each sign is filed under the lesion that causes it."""
        content = self._selection.content
        name = content.regions_by_id[finding.region].name
        fill = f" style='background-color: {ROW_FILL}'" if shaded else ""
        # One badge per line: Qt may break a line between a swatch image and its label.
        stacked = "<br>".join(badge(content, lesion) for lesion in finding.lesions)
        if not stacked and not finding.signs:
            stacked = "<span class='muted'>sensory only</span>" if finding.sensory_loss else ""
        head = f"<td width='30%' valign='top'><b>{esc(name)}</b><br>{stacked}</td>"
        lines = [
            f"<b>{esc(content.lesion_types[lesion].short)}:</b> {self._signs(group)}"
            if lesion
            else self._signs(group)
            for lesion, group in signs_by_lesion(content, finding)
        ]
        if finding.sensory_loss:
            lines.append(f"<b>Sensation lost:</b> {self._modalities(finding.sensory_loss)}")
        maybe = [self._signs(in_examination_order(content, finding.possible))] if finding.possible else []
        if finding.possible_sensory_loss:
            maybe.append(f"{self._modalities(finding.possible_sensory_loss)} lost")
        if maybe:
            lines.append(f"<span class='maybe'><i>May be present:</i> {' &middot; '.join(maybe)}</span>")
            notes = dict.fromkeys(e.note for e in finding.possible_evidence if e.note)
            lines += [f"<span class='small'>{cites.text(note)}</span>" for note in notes]
        body = "<br>".join(lines) or "No signs listed for this region."
        return f"<tr{fill}>{head}<td valign='top'>{body}</td></tr>"

    def _modalities(self, modalities: tuple[str, ...]) -> str:
        names = self._selection.content.modalities
        return " &middot; ".join(
            f"<a href='{MODALITY_SCHEME}:{m}'>{esc(names[m].name)}</a>" for m in modalities
        )

    def _signs(self, sign_ids: list[str]) -> str:
        signs = self._selection.content.signs_by_id
        return " &middot; ".join(
            f"<a href='{SIGN_SCHEME}:{sign_id}'>{esc(signs[sign_id].name)}</a>" for sign_id in sign_ids
        )

    def _where(self, sign_id: str) -> str:
        """Where the sign is expected in the current selection, with the muscles or reflexes."""
        content = self._selection.content
        rows = []
        for finding in self._selection.shown.findings.findings:
            via = [v for e in finding.evidence if e.sign == sign_id for v in e.via]
            if via:
                region = content.regions_by_id[finding.region].name
                rows.append(
                    f"<li><b>{esc(finding.side.capitalize())} {esc(region.lower())}:</b> "
                    f"{esc(', '.join(dict.fromkeys(via)))}</li>"
                )
        return f"<h3>In this lesion</h3><ul>{''.join(rows)}</ul>" if rows else ""

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == SIGN_SCHEME:
            self.show_sign(url.path())
        elif url.scheme() == MODALITY_SCHEME:
            self.show_modality(url.path())

    def show_modality(self, modality_id: str) -> None:
        """What a sensory modality is, which tract carries it, and where this lesion loses it."""
        content = self._selection.content
        modality = content.modalities.get(modality_id)
        if modality is None:
            return
        cites = Cites(content.references)
        rows = [
            f"<li><b>{esc(f.side.capitalize())} {esc(content.regions_by_id[f.region].name.lower())}:</b> "
            f"{esc(', '.join(v for e in f.sensory_evidence if e.sign == modality_id for v in e.via))}</li>"
            for f in self._selection.shown.findings.findings
            if modality_id in f.sensory_loss
        ]
        where = f"<h3>Lost in this lesion</h3><ul>{''.join(rows)}</ul>" if rows else ""
        body = (
            f"<h2>{esc(modality.name)}</h2><p class='muted'>{esc(modality.tract)}</p>"
            f"{cites.paragraphs(modality.summary)}{where}"
        )
        self._show_about(body + cites.references())

    def _hide_about(self) -> None:
        self._about.hide()
        self._browser.setFocus()


def _key(content: Content) -> str:
    """The key to the lesion types: label and pattern, never colour alone."""
    rows = "".join(
        f"<li>{badge(content, info.id)} &nbsp;{esc(info.name.lower())}</li>"
        for info in content.lesion_types.values()
    )
    return f"<h3>Lesion types</h3><ul style='list-style-type: none'>{rows}</ul>"
