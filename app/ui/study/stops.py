"""Which study stop the selection is showing, exactly (not the nearest one)."""

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
