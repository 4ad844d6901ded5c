"""``neuraxis localize [FILE] --json``: the sites that explain the findings printed by
``neuraxis findings ... --json`` (read from FILE or standard input), best first."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.commands.base import UsageError, load, positive, print_json

EXIT_OK = 0
MAX_INPUT = 5_000_000


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "localize", parents=parents, help="the sites that explain given findings (JSON of 'findings --json')"
    )
    parser.add_argument(
        "file", nargs="?", type=Path, metavar="FILE", help="JSON file (default: standard input)"
    )
    parser.add_argument("--count", metavar="K", type=positive, default=10, help="how many candidates (10)")
    parser.set_defaults(run=run)


def _read(path: Path | None) -> Any:
    try:
        text = sys.stdin.read(MAX_INPUT + 1) if path is None else path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UsageError(f"{path}: cannot read it ({error})") from None
    if len(text) > MAX_INPUT:
        raise UsageError(f"{path or 'standard input'}: larger than {MAX_INPUT} bytes")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UsageError(f"{path or 'standard input'}:{error.lineno}: invalid JSON ({error.msg})") from None


def run(args: argparse.Namespace) -> int:
    from app.model.findings import Engine
    from app.model.localize import FindingsInputError, Localizer, from_findings_json
    from app.model.quiz import QuizBank

    data = _read(args.file)
    bank = QuizBank(Engine(load(args)))
    try:
        ticked, everything, day = from_findings_json(bank, data)
    except FindingsInputError as error:
        raise UsageError(f"{args.file or 'standard input'}: {error}") from None
    candidates = Localizer(bank).candidates(ticked, day, everything=everything, limit=args.count)
    if args.json:
        print_json({"candidates": [c.to_json() for c in candidates]})
        return EXIT_OK
    names = bank.content.sites_by_id
    for rank, c in enumerate(candidates, 1):
        sites = " + ".join(names[s].name for s in c.sites)
        print(f"{rank}. {sites}: explains {len(c.explains)}, misses {len(c.missing)}, adds {len(c.extra)}")
    return EXIT_OK
