"""What the user is looking at, and what the window may show of it: the one place that decides.

:class:`Selection` holds the lesion sites (or disease), the day since onset, the body region asked
about, the ordered stops that Page Down / Page Up step through, and what is hidden: nothing, the
findings (the class predicts them, then they are revealed region by region) or the lesion (the class
localises it from the findings). Every change returns a :class:`Change` saying what it touched.

:class:`Shown` is the selection as the views may show it. Views read only this: the subject's display
name, the sites they may highlight or name, the findings they may draw, whether explanatory texts may
appear. None of them decides on its own what is hidden. Qt-free: the window's
:class:`~app.ui.selection.SelectionModel` wraps a :class:`Selection` and emits its changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

import msgspec

from app.model.content import Content
from app.model.findings import Engine, Evidence, Finding, Findings, UnknownIdError
from app.model.sides import READING_ORDER

HIDDEN_SUBJECT = "Which lesion?"
"""Shown instead of the subject's name while the lesion is hidden."""


class Hide(StrEnum):
    NOTHING = "nothing"
    FINDINGS = "findings"
    """Predict, then reveal: the lesion is shown, its findings are revealed step by step."""
    LESION = "lesion"
    """Localise: the findings are shown, the lesion is revealed in one step."""


class Change(msgspec.Struct, frozen=True):
    """What a change touched, so a view can skip work that does not concern it."""

    sites: bool
    disease: bool
    day: bool = False
    probe: bool = False
    shown: bool = False
    """What may be shown changed (hidden or revealed) though the selection did not."""


EVERYTHING = Change(sites=True, disease=True, day=True, probe=True, shown=True)


@dataclass(frozen=True)
class Stop:
    """One place that stepping (Page Down / Page Up) goes to: by default each site in turn; a lesson's
    steps or a quiz's questions bring their own (``key`` lets their owner find its step again)."""

    sites: tuple[str, ...]
    disease: str | None = None
    day: int | None = None
    sets_day: bool = False
    """The stop sets the day since onset to ``day`` (None: established); otherwise the day is kept."""
    hide: Hide | None = None
    """What the stop hides (None: keep the current mode)."""
    key: str = ""


def subject_name(content: Content, sites: Iterable[str], disease: str | None) -> str:
    """The name of what is selected: the disease, else the sites joined by " + " ("" for nothing)."""
    if disease is not None:
        return content.diseases_by_id[disease].name
    return " + ".join(content.sites_by_id[s].name for s in sites)


@dataclass(frozen=True)
class Shown:
    """The selection as the views may show it."""

    subject: str
    """Display name for titles and headings ("" with nothing selected)."""
    sites: tuple[str, ...]
    """Sites a view may highlight or name (none while the lesion is hidden)."""
    disease: str | None
    disease_sites: tuple[str, ...]
    findings: Findings
    """The findings a view may draw: only the revealed regions; no lesion types before they are
    revealed; the cut pathway nodes (which tell the lesion and its type) only when nothing is hidden."""
    explained: bool
    """Texts that explain the lesion (what runs through the site, a disease's presentation) may show."""
    hide: Hide
    reveal_step: int
    reveal_steps: int
    """Steps to reveal everything: findings, one per affected region, then the lesion types, then the
    rest; the lesion, one."""
    revealed_regions: int
    total_regions: int
    answer: tuple[str, ...] = ()
    """The sites a student picked as the hidden lesion (find the lesion); never the lesion itself."""

    @property
    def hidden(self) -> bool:
        """Something is still hidden."""
        return self.hide is not Hide.NOTHING and self.reveal_step < self.reveal_steps

    def reveal_text(self) -> str:
        """The reveal counter ("revealed 2 of 6"), or "" when nothing is hidden."""
        if self.hide is Hide.NOTHING:
            return ""
        if self.hide is Hide.LESION:
            return "lesion hidden" if self.hidden else "lesion revealed"
        if self.revealed_regions < self.total_regions:
            return f"revealed {self.revealed_regions} of {self.total_regions}"
        return "all revealed" if not self.hidden else "regions revealed, lesion type hidden"


def reveal_order(findings: Findings) -> list[Finding]:
    """The affected regions in the order they are read out and revealed: by side, then region."""
    return [f for side in READING_ORDER for f in findings.for_side(side)]


def _without_types(finding: Finding) -> Finding:
    """The finding with its lesion types taken out (signs and sensory loss stay)."""
    evidence = tuple(Evidence(e.sign, "", e.via) for e in finding.evidence)
    return msgspec.structs.replace(finding, lesions=(), evidence=evidence)


class Selection:
    """The selection and what is hidden of it; Qt-free (see the module docstring)."""

    def __init__(self, content: Content, engine: Engine | None = None) -> None:
        self.content = content
        self.engine = engine or Engine(content)
        self.sites: tuple[str, ...] = ()
        self.disease: str | None = None
        self.day: int | None = None
        self.probe: tuple[str, str] | None = None
        self.probe_sites: tuple[str, ...] = ()
        self.hide: Hide = Hide.NOTHING
        self.reveal_step = 0
        self.stops: tuple[Stop, ...] = tuple(Stop((s.id,)) for s in content.sites)
        self._stop: int | None = None
        self._lent: list[tuple[object, tuple[Stop, ...], int | None]] = []
        """Who borrowed the stops (:meth:`lend_stops`), each with the stops and the stop shown before."""
        self.findings = self.engine.evaluate(())
        self._shown: Shown | None = None
        self.answer_size = 0
        """While a student answers (find the lesion), picks make up the answer, up to this many sites."""
        self.answer: tuple[str, ...] = ()

    # --- derived ---------------------------------------------------------------------------------
    @property
    def disease_sites(self) -> tuple[str, ...]:
        """Every site the chosen disease can involve (empty without a disease)."""
        return self.content.diseases_by_id[self.disease].sites if self.disease else ()

    @property
    def subject(self) -> str:
        return subject_name(self.content, self.sites, self.disease)

    @property
    def shown(self) -> Shown:
        if self._shown is None:
            self._shown = self._show()
        return self._shown

    def reveal_steps(self) -> int:
        if self.hide is Hide.LESION:
            return 1
        if self.hide is Hide.FINDINGS:
            return len(self.findings.findings) + 2
        return 0

    def _show(self) -> Shown:
        findings = self.findings
        ordered = reveal_order(findings)
        steps = self.reveal_steps()
        complete = self.reveal_step >= steps
        lesion_hidden = self.hide is Hide.LESION and not complete
        findings_hidden = self.hide is Hide.FINDINGS and not complete
        revealed = len(ordered)
        if findings_hidden:
            revealed = min(self.reveal_step, len(ordered))
            kept = {(f.region, f.side) for f in ordered[:revealed]}
            types_shown = self.reveal_step > len(ordered)
            shown_findings = tuple(
                f if types_shown else _without_types(f)
                for f in findings.findings
                if (f.region, f.side) in kept
            )
            findings = msgspec.structs.replace(
                findings,
                findings=shown_findings,
                lesions=findings.lesions if types_shown else (),
                cut=frozenset(),
            )
        elif lesion_hidden:
            findings = msgspec.structs.replace(findings, sites=(), cut=frozenset())
        return Shown(
            subject=HIDDEN_SUBJECT if lesion_hidden and self.sites else self.subject,
            sites=() if lesion_hidden else self.sites,
            disease=None if lesion_hidden else self.disease,
            disease_sites=() if lesion_hidden else self.disease_sites,
            findings=findings,
            explained=not findings_hidden,
            hide=self.hide,
            reveal_step=min(self.reveal_step, steps),
            reveal_steps=steps,
            revealed_regions=revealed,
            total_regions=len(ordered),
            answer=self.answer,
        )

    # --- changes ---------------------------------------------------------------------------------
    def select(self, site_id: str) -> Change | None:
        """Make ``site_id`` the only selected site (while answering: pick it for the answer)."""
        if self.answer_size:
            return self.toggle(site_id)
        return self._set((site_id,), None)

    def toggle(self, site_id: str) -> Change | None:
        """Add ``site_id`` to the selection, or remove it if it is selected (combined lesions). While
        a student answers, the same for the answer, the oldest pick giving way when it is full."""
        if self.answer_size:
            answer = tuple(s for s in self.answer if s != site_id)
            if len(answer) == len(self.answer):
                answer = (*answer, site_id)[-self.answer_size :]
            return self.set_answer(answer)
        sites = tuple(s for s in self.sites if s != site_id)
        if len(sites) == len(self.sites):
            sites += (site_id,)
        return self._set(sites, None)

    def set_sites(self, site_ids: Iterable[str]) -> Change | None:
        return self._set(tuple(dict.fromkeys(site_ids)), None)

    def choose_disease(self, disease_id: str | None) -> Change | None:
        """Show a disease: its typical sites become the selection."""
        if disease_id is None:
            return self._set(self.sites, None)
        disease = self.content.diseases_by_id.get(disease_id)
        if disease is None:
            raise UnknownIdError("disease", disease_id)
        return self._set(disease.typical, disease_id)

    def clear(self) -> Change | None:
        """Clear the selection (while answering: only the answer; the question stays)."""
        if self.answer_size:
            return self.set_answer(())
        return self._set((), None)

    def set_answering(self, size: int) -> Change | None:
        """Picks make up an answer of up to ``size`` sites (0: picks select again)."""
        self.answer_size = max(0, size)
        return self.set_answer(())

    def set_answer(self, site_ids: Iterable[str]) -> Change | None:
        answer = tuple(dict.fromkeys(site_ids))
        for site_id in answer:
            if site_id not in self.content.sites_by_id:
                raise UnknownIdError("site", site_id)
        if answer == self.answer:
            return None
        self.answer = answer
        self._shown = None
        return Change(sites=False, disease=False, shown=True)

    def set_day(self, day: int | None) -> Change | None:
        """Show the findings ``day`` days after onset (None: the established lesion)."""
        day = None if day is None else max(0, int(day))
        if day == self.day:
            return None
        self.day = day
        self.findings = self.engine.evaluate(self.sites, day, self.disease)
        self._shown = None
        return Change(sites=False, disease=False, day=True)

    def ask_region(self, region: str, side: str) -> Change | None:
        """Reverse look-up: which sites would weaken this region on this side?"""
        probe = (region, side)
        if probe == self.probe:
            return None
        self.probe, self.probe_sites = probe, self.engine.sites_weakening(region, side)
        return Change(sites=False, disease=False, probe=True)

    def light_up(self, site_ids: Iterable[str]) -> Change | None:
        """Light up sites as answers to a question about findings (reverse localisation), with
        no region asked about."""
        sites = tuple(dict.fromkeys(site_ids))
        if sites == self.probe_sites and self.probe is None:
            return None
        self.probe, self.probe_sites = None, sites
        return Change(sites=False, disease=False, probe=True)

    def set_hide(self, hide: Hide) -> Change | None:
        """Hide the findings or the lesion (from the start of the reveal), or nothing."""
        if hide == self.hide and self.reveal_step == 0:
            return None
        self.hide, self.reveal_step = hide, 0
        self._shown = None
        return Change(sites=False, disease=False, shown=True)

    def reveal_next(self) -> Change | None:
        """One more reveal step; None when nothing is left to reveal."""
        if not self.shown.hidden:
            return None
        self.reveal_step += 1
        self._shown = None
        return Change(sites=False, disease=False, shown=True)

    def reveal_all(self) -> Change | None:
        if not self.shown.hidden:
            return None
        self.reveal_step = self.reveal_steps()
        self._shown = None
        return Change(sites=False, disease=False, shown=True)

    def set_stops(self, stops: Iterable[Stop]) -> None:
        """What stepping goes through (a lesson's steps, a quiz's questions); all sites by default."""
        self.stops = tuple(stops) or self._all_sites()
        self._stop = None

    def lend_stops(self, owner: object, stops: Iterable[Stop]) -> None:
        """``owner`` (a lesson, a quiz, a case) steps through ``stops`` until it gives them back with
        :meth:`give_back_stops`; a lesson interrupted by a quiz then gets its steps back. Lending again
        to the same owner only changes its stops."""
        if not any(who is owner for who, _, _ in self._lent):
            self._lent.append((owner, self.stops, self.stop_index()))
            self.set_stops(stops)
        elif self._lent[-1][0] is owner:
            self.set_stops(stops)
        else:  # lent again while a later borrower holds them: it gives back these
            index = next(i for i, (who, _, _) in enumerate(self._lent) if who is owner)
            later = self._lent[index + 1][0]
            self._lent[index + 1] = (later, tuple(stops) or self._all_sites(), None)

    def give_back_stops(self, owner: object) -> int | None:
        """The stops from before ``owner`` borrowed them come back; returns the stop that was shown then
        (None if none was, or if a later borrower still holds the stops: it will get them back)."""
        index = next((i for i, (who, _, _) in enumerate(self._lent) if who is owner), None)
        if index is None:
            return None
        _, before, shown = self._lent.pop(index)
        if index < len(self._lent):  # a later borrower holds them: it will give back what owner had
            self._lent[index] = (self._lent[index][0], before, shown)
            return None
        self.stops, self._stop = before, shown
        return shown

    def _all_sites(self) -> tuple[Stop, ...]:
        return tuple(Stop((s.id,)) for s in self.content.sites)

    def stop_index(self) -> int | None:
        """The stop being shown: the last one stepped to while the selection still matches it, else the
        stop of the selection itself or of its last chosen site."""
        if self._stop is not None and self._stop < len(self.stops):
            stop = self.stops[self._stop]
            if (stop.sites, stop.disease) == (self.sites, self.disease):
                return self._stop
        matching = [
            i for i, stop in enumerate(self.stops) if (stop.sites, stop.disease) == (self.sites, self.disease)
        ]
        if matching:
            return matching[0]
        last = self.sites[-1] if self.sites else None
        return next((i for i, stop in enumerate(self.stops) if stop.sites == (last,)), None)

    def current_stop(self) -> Stop | None:
        index = self.stop_index()
        return None if index is None else self.stops[index]

    def step(self, delta: int) -> Change | None:
        """Go to the next (``+1``) or previous (``-1``) stop; from nothing, to the first or last."""
        index = self.stop_index()
        target = (0 if delta > 0 else len(self.stops) - 1) if index is None else index + delta
        if not 0 <= target < len(self.stops):
            return None
        return self.go_to(target)

    def go_to(self, index: int) -> Change:
        """Show stop ``index`` from the start of its reveal, with its day and hide mode if it sets them."""
        stop = self.stops[index]
        self._stop = index
        day_changed = stop.sets_day and stop.day != self.day
        if stop.sets_day:
            self.day = stop.day
        if stop.hide is not None:
            self.hide = stop.hide
        moved = self._set(stop.sites, stop.disease, force=day_changed)
        self.reveal_step = 0
        self._shown = None
        return Change(
            sites=bool(moved and moved.sites),
            disease=bool(moved and moved.disease),
            day=day_changed,
            probe=bool(moved and moved.probe),
            shown=True,
        )

    def advance(self, delta: int = 1) -> Change | None:
        """What a clicker's Page Down does: the next reveal step while something is hidden, else the
        next stop (Page Up always steps back)."""
        if delta > 0 and self.shown.hidden:
            return self.reveal_next()
        return self.step(delta)

    def _set(self, sites: tuple[str, ...], disease: str | None, *, force: bool = False) -> Change | None:
        change = Change(
            sites=sites != self.sites,
            disease=disease != self.disease,
            probe=self.probe is not None,
            shown=self.hide is not Hide.NOTHING,
        )
        if not (change.sites or change.disease or force):
            return None
        if change.sites or change.disease or force:
            self.findings = self.engine.evaluate(sites, self.day, disease)
        self.sites, self.disease = sites, disease
        self.probe, self.probe_sites = None, ()  # a new selection answers a new question
        self.reveal_step = 0  # a new lesion starts hidden again
        self.answer = ()  # and asks for a new answer
        self._shown = None
        return change
