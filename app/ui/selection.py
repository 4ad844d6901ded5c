"""The one shared selection: which lesion sites (or which disease) the user is looking at.

Every view takes the model in its constructor, connects to :attr:`SelectionModel.changed`
and redraws from the model's properties; views change the selection only through the
model's methods. No view ever calls another view.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from PySide6.QtCore import QObject, Signal

from app.model.content import Content
from app.model.findings import Findings, UnknownIdError, evaluate


class Change(msgspec.Struct, frozen=True):
    """What a change touched, so a view can skip work that does not concern it."""

    sites: bool
    disease: bool


class SelectionModel(QObject):
    changed = Signal(object)
    """Emitted with a :class:`Change` after the selection changed; read the properties."""

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._sites: tuple[str, ...] = ()
        self._disease: str | None = None
        self._findings = evaluate(content, ())

    # --- state -------------------------------------------------------------------------------
    @property
    def content(self) -> Content:
        return self._content

    @property
    def sites(self) -> tuple[str, ...]:
        """Selected lesion sites, in the order they were chosen."""
        return self._sites

    @property
    def disease(self) -> str | None:
        """The chosen disease, if the sites come from one."""
        return self._disease

    @property
    def disease_sites(self) -> tuple[str, ...]:
        """Every site the chosen disease can involve (empty without a disease)."""
        return self._content.diseases_by_id[self._disease].sites if self._disease else ()

    @property
    def findings(self) -> Findings:
        """Findings of the selected sites together, computed once per change."""
        return self._findings

    # --- changes -----------------------------------------------------------------------------
    def select(self, site_id: str) -> None:
        """Make ``site_id`` the only selected site."""
        self._set((site_id,), None)

    def toggle(self, site_id: str) -> None:
        """Add ``site_id`` to the selection, or remove it if it is selected (combined lesions)."""
        sites = tuple(s for s in self._sites if s != site_id)
        if len(sites) == len(self._sites):
            sites += (site_id,)
        self._set(sites, None)

    def set_sites(self, site_ids: Iterable[str]) -> None:
        self._set(tuple(dict.fromkeys(site_ids)), None)

    def choose_disease(self, disease_id: str | None) -> None:
        """Show a disease: its typical sites become the selection."""
        if disease_id is None:
            self._set(self._sites, None)
            return
        disease = self._content.diseases_by_id.get(disease_id)
        if disease is None:
            raise UnknownIdError("disease", disease_id)
        self._set(disease.typical, disease_id)

    def clear(self) -> None:
        self._set((), None)

    def _set(self, sites: tuple[str, ...], disease: str | None) -> None:
        change = Change(sites=sites != self._sites, disease=disease != self._disease)
        if not (change.sites or change.disease):
            return
        findings = evaluate(self._content, sites) if change.sites else self._findings
        self._sites, self._disease, self._findings = sites, disease, findings
        self.changed.emit(change)
