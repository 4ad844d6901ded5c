"""The "Site" panel: where the selected site is, what passes through it (written and derived)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.model.content import Content, SiteInfo
from app.model.pathway import Unit
from app.model.sides import READING_ORDER
from app.model.state import EVERYTHING, Change
from app.ui.panels.base import FollowingPanel
from app.ui.panels.richtext import Cites, RichBrowser, esc, section
from app.ui.selection import SelectionModel

HIDDEN = "<p><b>What runs through this site is hidden until the findings are revealed.</b></p>"
PROMPT = (
    "<h2>Site</h2><p>Select a lesion site on the diagram or in the list of sites to read where it is, "
    "what runs through it and what else a lesion there can cause.</p>"
)


def fibre_summary(content: Content, units: Iterable[Unit], sides_joiner: str = "; ") -> str:
    """``right lower face, arm and hand; left upper face``: regions grouped by side, in body order."""
    present = {(u.side, u.region) for u in units}
    parts = []
    for side in READING_ORDER:
        names = [r.name.lower() for r in content.regions if (side, r.id) in present]
        if names:
            listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
            parts.append(f"{side} {listed}")
    return sides_joiner.join(parts)


class SiteDetailsPanel(FollowingPanel):
    """Details of the most recently selected site; any other selected sites are listed by name."""

    def __init__(self, selection: SelectionModel, parent: QWidget | None = None) -> None:
        super().__init__(selection, "siteDetailsPanel", "Site details", parent)
        self._browser = RichBrowser("siteDetailsText", "Details of the selected site", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._browser)
        self._sync()

    def text(self) -> str:
        self._flush()
        return self._browser.toPlainText()

    def _sync(self, change: Change = EVERYTHING) -> None:
        sites = self._selection.shown.sites
        self._browser.show_html(self._render(sites[-1]) if sites else PROMPT)

    def _render(self, site_id: str) -> str:
        sel = self._selection
        content = sel.content
        site = content.sites_by_id[site_id]
        cites = Cites(content.references)
        parts = [f"<h2>{esc(site.name)}</h2>", f"<p><b>Level:</b> {esc(site.level)}</p>"]
        others = [content.sites_by_id[s] for s in sel.shown.sites if s != site_id]
        if others:
            listed = "".join(
                f"<li>{esc(o.name)} <span class='small'>({esc(o.level)})</span></li>" for o in others
            )
            owner = f" ({esc(content.diseases_by_id[sel.shown.disease].name)})" if sel.shown.disease else ""
            parts.append(f"<p>Also selected{owner}:</p><ul>{listed}</ul>")
        if not sel.shown.explained:
            parts += [section("Where it is", cites.paragraphs(site.location)), HIDDEN, cites.references()]
            return "".join(parts)
        parts += [
            section("Where it is", cites.paragraphs(site.location)),
            section("What passes through it", cites.paragraphs(site.contains) + self._derived(site)),
            section("Associated features", cites.paragraphs(site.associated)),
            cites.disagreement(site.disagreement),
            cites.references(),
        ]
        return "".join(parts)

    def _derived(self, site: SiteInfo) -> str:
        """What the pathway says runs through the site's nodes, and where that shows no sign."""
        content = self._selection.content
        upper, lower = content.pathway.units_through(site.nodes)
        items = []
        if upper:
            items.append(
                f"<li><b>Upper motor neuron fibres for:</b> {esc(fibre_summary(content, upper))}</li>"
            )
        if lower:
            items.append(
                f"<li><b>Lower motor neuron fibres for:</b> {esc(fibre_summary(content, lower))}</li>"
            )
        if not items:
            return ""
        note = ""
        if self._selection.shown.sites == (site.id,):
            affected = {(f.side, f.region) for f in self._selection.shown.findings.findings}
            spared = [u for u in upper if (u.side, u.region) not in affected]
            if spared:
                note = (
                    f"<p class='small'>No sign is expected in the "
                    f"{esc(fibre_summary(content, spared, ' or the '))}: "
                    "those muscles also receive fibres by another route, which a lesion here spares.</p>"
                )
        return f"<p class='muted'>From the pathway model:</p><ul>{''.join(items)}</ul>{note}"
