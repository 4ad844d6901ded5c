"""How well a card was recalled, as FSRS rates it (Qt-free, and light: the command line offers
these as choices without importing the progress store)."""

from __future__ import annotations

RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}
