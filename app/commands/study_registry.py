"""The study subcommands (quiz, cases, localize, review, progress, export-anki), registered in one call."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    """Add every subcommand here; each sets ``run`` to the function that carries it out."""
    from app.commands import anki, cases, localize, quiz, study

    quiz.register(sub, parents)
    cases.register(sub, parents)
    localize.register(sub, parents)
    study.register(sub, parents)
    anki.register(sub, parents)
