"""Qt-free subcommands that live in their own modules; :func:`register` adds them to the parser."""

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
