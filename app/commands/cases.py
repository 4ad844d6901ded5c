"""``neuraxis cases``: the clinical cases of the content (each checked against the engine)."""

from __future__ import annotations

import argparse
from typing import Any

from app.commands.base import UsageError, load, print_json

EXIT_OK = 0


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("cases", parents=parents, help="list the clinical cases, or show one")
    parser.add_argument("case", nargs="?", metavar="ID", help="show this case in full")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.model.cases import load_cases

    cases = load_cases(load(args))
    if args.case is not None:
        return _show(args, cases)
    if args.json:
        print_json([{"id": c.id, "title": c.title, "level": c.level} for c in cases])
        return EXIT_OK
    width = max((len(c.id) for c in cases), default=0)
    for case in cases:
        print(f"{case.id:<{width}}  level {case.level}  {case.title}")
    return EXIT_OK


def _show(args: argparse.Namespace, cases: Any) -> int:
    case = next((c for c in cases if c.id == args.case), None)
    if case is None:
        raise UsageError(f"unknown case {args.case!r} (see: neuraxis cases)")
    if args.json:
        import msgspec

        print_json(msgspec.to_builtins(case))
        return EXIT_OK
    print(f"{case.title} (level {case.level})\n")
    print("\n\n".join(case.history))
    print("\nExamination:")
    for finding in case.findings:
        lost = f"; sensation lost: {', '.join(finding.sensory_loss)}" if finding.sensory_loss else ""
        mark = " *" if finding.significant else ""
        print(f"  {finding.side} {finding.region}: {', '.join(finding.signs)}{lost}{mark}")
    day = "" if case.answer.day is None else f", day {case.answer.day}"
    print(f"\nAnswer: {' + '.join(case.answer.sites)} ({case.disease}{day})\n")
    print("\n\n".join(case.discussion))
    return EXIT_OK
