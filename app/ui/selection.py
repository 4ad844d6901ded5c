"""The one shared selection: which lesion sites (or which disease) the user is looking at, on
which day after onset, and which body region is being asked about.

Every view takes the model in its constructor, connects to :attr:`SelectionModel.changed`
and redraws from the model's properties; views change the selection only through the
model's methods. No view ever calls another view.
"""

from __future__ import annotations

from collections.abc import Iterable

import msgspec
from PySide6.QtCore import QObject, Signal

from app.model.content import Content
from app.model.findings import Engine, Findings, UnknownIdError


class Change(msgspec.Struct, frozen=True):
    """What a change touched, so a view can skip work that does not concern it."""

    sites: bool
    disease: bool
    day: bool = False
    probe: bool = False


class SelectionModel(QObject):
    changed = Signal(object)
    """Emitted with a :class:`Change` after the selection changed; read the properties."""

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._engine = Engine(content)
        self._sites: tuple[str, ...] = ()
        self._disease: str | None = None
        self._day: int | None = None
        self._probe: tuple[str, str] | None = None
        self._probe_sites: tuple[str, ...] = ()
        self._findings = self._engine.evaluate(())

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
    def day(self) -> int | None:
        """Days since onset; None means an established (chronic) lesion."""
        return self._day

    @property
    def findings(self) -> Findings:
        """Findings of the selected sites together on the current day, computed once per change."""
        return self._findings

    @property
    def probe(self) -> tuple[str, str] | None:
        """A (region, side) the user asked about: which lesion sites would weaken it?"""
        return self._probe

    @property
    def probe_sites(self) -> tuple[str, ...]:
        """The answer to :attr:`probe`: every site whose lesion weakens that region on that side."""
        return self._probe_sites

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

    def set_day(self, day: int | None) -> None:
        """Show the findings ``day`` days after onset (None: the established lesion)."""
        day = None if day is None else max(0, int(day))
        if day == self._day:
            return
        self._day = day
        self._findings = self._engine.evaluate(self._sites, day)
        self.changed.emit(Change(sites=False, disease=False, day=True))

    def ask_region(self, region: str, side: str) -> None:
        """Reverse look-up: which sites would weaken this region on this side?"""
        probe = (region, side)
        if probe == self._probe:
            return
        self._probe, self._probe_sites = probe, self._engine.sites_weakening(region, side)
        self.changed.emit(Change(sites=False, disease=False, probe=True))

    def clear_probe(self) -> None:
        if self._probe is not None:
            self._probe, self._probe_sites = None, ()
            self.changed.emit(Change(sites=False, disease=False, probe=True))

    def _set(self, sites: tuple[str, ...], disease: str | None) -> None:
        probe = self._probe is not None
        change = Change(sites=sites != self._sites, disease=disease != self._disease, probe=probe)
        if not (change.sites or change.disease):
            return
        findings = self._engine.evaluate(sites, self._day) if change.sites else self._findings
        self._sites, self._disease, self._findings = sites, disease, findings
        self._probe, self._probe_sites = None, ()  # a new selection answers a new question
        self.changed.emit(change)
