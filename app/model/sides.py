"""The two sides of the body, and which is the other one."""

from __future__ import annotations

SIDES = ("left", "right")
"""The order the pathway is built in."""
READING_ORDER = ("right", "left")
"""The order findings are read out and revealed: the patient's right first, as the diagram shows it
on the viewer's left."""


def opposite(side: str) -> str:
    return "right" if side == "left" else "left"
