"""Which study stop the selection is showing, exactly (not the nearest one); and giving the stops back."""

from __future__ import annotations

from app.model.state import Stop
from app.ui.selection import SelectionModel


def shown_stop(selection: SelectionModel) -> Stop | None:
    """The stop whose lesion (sites and disease) is the selection, or None: the selection's own
    fallback (the stop of its last site) would call a disease whose last site is a question's that
    question."""
    stop = selection.current_stop()
    if stop is None or (stop.sites, stop.disease) != (selection.sites, selection.disease):
        return None
    return stop


def give_back(selection: SelectionModel, owner: object, *, keep_selection: bool) -> None:
    """``owner`` (a quiz, a case, the review) is done with the stops it borrowed: what was there before
    comes back. Unless the selection is to stay (the student chose something else), the stop that was
    shown before comes back too (a lesson's step), else the selection is cleared."""
    shown = selection.give_back_stops(owner)
    if keep_selection:
        return
    if shown is not None and 0 <= shown < len(selection.state.stops):
        selection.go_to(shown)
    else:
        selection.clear()
