"""Reading the shape of a plotted curve in tests."""

from __future__ import annotations

from collections.abc import Sequence


def peaks(values: Sequence[float], minimum: float = 0.05) -> int:
    """How many local maxima rise above ``minimum`` (a brisk trace with clonus has several)."""
    return sum(
        1
        for i in range(1, len(values) - 1)
        if values[i] > minimum and values[i - 1] < values[i] >= values[i + 1]
    )
