"""The one shared selection, for the window: a Qt signal around the Qt-free
:class:`~app.model.state.Selection`, which decides what is selected and what may be shown.

Every view takes the model in its constructor, connects to :attr:`SelectionModel.changed` and
redraws from the model's properties (what it shows, from :attr:`SelectionModel.shown`); views change
the selection only through the model's methods. No view ever calls another view.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from app.model.content import Content
from app.model.findings import Findings
from app.model.state import Change, Hide, Selection, Shown, Stop


class SelectionModel(QObject):
    changed = Signal(object)
    """Emitted with a :class:`~app.model.state.Change` after the selection or what is shown changed."""

    def __init__(self, content: Content, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = Selection(content)

    def _emit(self, change: Change | None) -> None:
        if change is not None:
            self.changed.emit(change)

    # --- state (see app.model.state.Selection) ------------------------------------------------------
    @property
    def content(self) -> Content:
        return self.state.content

    @property
    def sites(self) -> tuple[str, ...]:
        """Selected lesion sites, in the order they were chosen (the truth, hidden or not)."""
        return self.state.sites

    @property
    def disease(self) -> str | None:
        return self.state.disease

    @property
    def day(self) -> int | None:
        """Days since onset; None means an established (chronic) lesion."""
        return self.state.day

    @property
    def findings(self) -> Findings:
        """The findings of the selected sites on the current day (the truth, hidden or not)."""
        return self.state.findings

    @property
    def probe(self) -> tuple[str, str] | None:
        """A (region, side) the user asked about: which lesion sites would weaken it?"""
        return self.state.probe

    @property
    def probe_sites(self) -> tuple[str, ...]:
        return self.state.probe_sites

    @property
    def shown(self) -> Shown:
        """What the views may show of the selection: everything they draw comes from here."""
        return self.state.shown

    # --- changes -------------------------------------------------------------------------------------
    def select(self, site_id: str) -> None:
        self._emit(self.state.select(site_id))

    def toggle(self, site_id: str) -> None:
        self._emit(self.state.toggle(site_id))

    def set_sites(self, site_ids: Iterable[str]) -> None:
        self._emit(self.state.set_sites(site_ids))

    def choose_disease(self, disease_id: str | None) -> None:
        self._emit(self.state.choose_disease(disease_id))

    def clear(self) -> None:
        self._emit(self.state.clear())

    def set_answering(self, size: int) -> None:
        """Picks (clicks, Enter, the sites list) make up an answer of up to ``size`` sites; 0 ends it."""
        self._emit(self.state.set_answering(size))

    def set_answer(self, site_ids: Iterable[str]) -> None:
        self._emit(self.state.set_answer(site_ids))

    def set_day(self, day: int | None) -> None:
        self._emit(self.state.set_day(day))

    def ask_region(self, region: str, side: str) -> None:
        self._emit(self.state.ask_region(region, side))

    def light_up(self, site_ids: Iterable[str]) -> None:
        """Light up sites that answer a question about findings (reverse localisation)."""
        self._emit(self.state.light_up(site_ids))

    def set_hide(self, hide: Hide) -> None:
        self._emit(self.state.set_hide(hide))

    def reveal_next(self) -> None:
        self._emit(self.state.reveal_next())

    def reveal_all(self) -> None:
        self._emit(self.state.reveal_all())

    def set_stops(self, stops: Iterable[Stop]) -> None:
        self.state.set_stops(stops)

    def lend_stops(self, owner: object, stops: Iterable[Stop]) -> None:
        """See :meth:`Selection.lend_stops` (a lesson, a quiz, a case steps through its own stops)."""
        self.state.lend_stops(owner, stops)

    def give_back_stops(self, owner: object) -> int | None:
        return self.state.give_back_stops(owner)

    def current_stop(self) -> Stop | None:
        return self.state.current_stop()

    def go_to(self, index: int) -> None:
        """Show stop ``index`` (a lesson's step, a quiz's question) from the start of its reveal."""
        self._emit(self.state.go_to(index))

    def step(self, delta: int) -> None:
        """The next or previous stop (all sites by default)."""
        self._emit(self.state.step(delta))

    def advance(self, delta: int = 1) -> None:
        """A clicker's Page Down / Page Up: reveal what is hidden, else step."""
        self._emit(self.state.advance(delta))
