"""``neuraxis cases``: the clinical cases of the content (each checked against the engine)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.base import load, print_json

EXIT_OK = 0


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("cases", parents=parents, help="list the clinical cases")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.model.cases import load_cases

    cases = load_cases(load(args))
    if args.json:
        print_json([{"id": c.id, "title": c.title, "level": c.level} for c in cases])
        return EXIT_OK
    width = max((len(c.id) for c in cases), default=0)
    for case in cases:
        print(f"{case.id:<{width}}  level {case.level}  {case.title}")
    return EXIT_OK
