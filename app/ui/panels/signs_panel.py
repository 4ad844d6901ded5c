"""Expected signs of the selected lesion, side by side and region by region, with their evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from app.model.findings import Finding
from app.ui import theme
from app.ui.panels.legend import LesionLegend
from app.ui.panels.richtext import Cites, RichBrowser, badges, esc
from app.ui.selection import Change, SelectionModel

SIGN_SCHEME = "sign"
SIDE_ORDER = ("right", "left")
PROMPT = (
    "<h2>Expected signs</h2>"
    "<p>Click a lesion site on the pathway diagram (or in the list of sites) to see the signs "
    "a lesion there causes.</p>"
    "<p><b>Ctrl+click</b> a second site to combine lesions, as in a disease that strikes "
    "several places at once.</p>"
    "<p>Press <b>Escape</b> to clear the selection.</p>"
)


class SignsPanel(QWidget):
    """The "Expected signs" panel: what each affected body region shows, told by side, region and domain."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signsPanel")
        self.setAccessibleName("Expected signs")
        self._selection = selection
        self._stale = False
        content = selection.content
        self._domain_order = {d.id: i for i, d in enumerate(content.domains)}
        self._domain_names = {d.id: d.name for d in content.domains}

        self._browser = RichBrowser("signsText", "Expected signs of the selected lesion", self)
        self._browser.add_swatches(content)
        self._browser.anchorClicked.connect(self._link_clicked)

        self._about = QWidget()
        self._about.setObjectName("aboutSign")
        title = QLabel("About this sign", self._about)
        title.setFont(theme.heading_font())
        hide = QPushButton("Hide", self._about)
        hide.setObjectName("hideAboutSign")
        hide.setAccessibleName("Hide the sign description")
        hide.clicked.connect(self._hide_about)
        self._about_text = RichBrowser("aboutSignText", "About this sign", self._about)
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(split, 1)
        layout.addWidget(LesionLegend(content, self))

        selection.changed.connect(self._on_changed)
        self._sync()

    # --- public, for tests and the main window ------------------------------------------------
    def text(self) -> str:
        self._flush()
        return self._browser.toPlainText()

    def about_text(self) -> str:
        return self._about_text.toPlainText() if self._about.isVisibleTo(self) else ""

    def show_sign(self, sign_id: str) -> None:
        """Show one sign's summary, with its sources, in the "About this sign" area."""
        sign = self._selection.content.signs_by_id.get(sign_id)
        if sign is None:
            return
        cites = Cites(self._selection.content.references)
        domain = self._domain_names.get(sign.domain, "")
        body = f"<h2>{esc(sign.name)}</h2><p class='muted'>{esc(domain)}</p>{cites.paragraphs(sign.summary)}"
        self._about_text.show_html(body + cites.references())
        self._about.show()

    # --- sync ---------------------------------------------------------------------------------
    def _on_changed(self, change: Change) -> None:
        self._stale = True
        if self.isVisible():
            self._flush()

    def showEvent(self, event: QShowEvent) -> None:
        """A panel in a hidden tab catches up when it is shown, not on every click."""
        self._flush()
        super().showEvent(event)

    def _flush(self) -> None:
        if self._stale:
            self._stale = False
            self._sync()

    def _sync(self) -> None:
        self._browser.show_html(self._render())

    def _render(self) -> str:
        sel = self._selection
        if not sel.sites:
            return PROMPT
        content = sel.content
        names = [content.sites_by_id[s].name for s in sel.sites]
        if sel.disease:
            parts = [
                f"<h2>{esc(content.diseases_by_id[sel.disease].name)}</h2>",
                f"<p class='small'>Typical sites: {esc(', '.join(names))}</p>",
            ]
        else:
            parts = [f"<h2>{esc(' + '.join(names))}</h2>"]
        findings = sel.findings
        if not findings.findings:
            parts.append("<p><b>No motor signs are expected</b> from a lesion here alone.</p>")
        else:
            parts.append(f"<p>Lesion type: {badges(content, findings.lesions)}</p>")
        for side in SIDE_ORDER:
            regions = findings.for_side(side)
            if regions:
                parts.append(f"<h3>{side.capitalize()} side of the body</h3>")
                parts.extend(self._region(f) for f in regions)
        return "".join(parts)

    def _region(self, finding: Finding) -> str:
        content = self._selection.content
        name = content.regions_by_id[finding.region].name
        head = f"<p style='margin-top: 12px'><b>{esc(name)}</b> &nbsp; {badges(content, finding.lesions)}</p>"
        mixed = "UMN" in finding.lesions and "LMN" in finding.lesions
        if mixed:
            head += (
                "<p><b>Mixed UMN + LMN:</b> upper and lower motor neuron signs together in one "
                "region; each sign says which lesion causes it.</p>"
            )
        if not finding.signs:
            return head + "<p class='muted'>No signs listed for this region.</p>"
        signs = sorted(
            finding.signs,
            key=lambda s: self._domain_order.get(content.signs_by_id[s].domain, len(self._domain_order)),
        )
        seen: dict[tuple[str, ...], str] = {}
        items = "".join(self._sign(finding, sign_id, seen, mixed=mixed) for sign_id in signs)
        return f"{head}<ul style='margin-top: 0px'>{items}</ul>"

    def _sign(self, finding: Finding, sign_id: str, seen: dict[tuple[str, ...], str], *, mixed: bool) -> str:
        """One sign with its evidence; evidence already listed in this region is not repeated."""
        content = self._selection.content
        sign = content.signs_by_id[sign_id]
        domain = self._domain_names.get(sign.domain, sign.domain)
        evidence = [e for e in finding.evidence if e.sign == sign_id]
        if mixed:
            via = "<br>".join(
                f"<b>{esc(content.lesion_types[e.lesion].short)}:</b> {_via(e.via, sign.name, seen)}"
                for e in evidence
            )
        else:
            via = _via(tuple(dict.fromkeys(v for e in evidence for v in e.via)), sign.name, seen)
        return (
            f"<li><span class='muted'>{esc(domain)}:</span> "
            f"<a href='{SIGN_SCHEME}:{sign_id}'>{esc(sign.name)}</a>"
            f"<br><span class='small'>{via}</span></li>"
        )

    def _link_clicked(self, url: QUrl) -> None:
        if url.scheme() == SIGN_SCHEME:
            self.show_sign(url.path())

    def _hide_about(self) -> None:
        self._about.hide()
        self._browser.setFocus()


def _via(via: tuple[str, ...], sign_name: str, seen: dict[tuple[str, ...], str]) -> str:
    if via in seen:
        return f"as for {esc(seen[via])}"
    seen[via] = sign_name.lower()
    return esc(", ".join(via))
