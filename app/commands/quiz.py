"""``neuraxis quiz``: find-the-lesion questions from the engine, the same for the same seed."""

from __future__ import annotations

import argparse
import random
from typing import Any

from app.commands.base import UsageError, load, positive, print_json

EXIT_OK = 0


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "quiz", parents=parents, help="find-the-lesion questions with every accepted answer"
    )
    parser.add_argument(
        "--level", metavar="N", type=int, help="1 single sites, 2 crossed, 3 two lesions, 4 by day"
    )
    parser.add_argument("--count", metavar="K", type=positive, default=10, help="how many questions (10)")
    parser.add_argument("--seed", metavar="S", type=int, help="the same seed gives the same questions")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.model.findings import Engine
    from app.model.quiz import LEVELS, QuizBank

    if args.level is not None and args.level not in LEVELS:
        raise UsageError(f"unknown level {args.level} (levels: {', '.join(map(str, LEVELS))})")
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    content = load(args)
    bank = QuizBank(Engine(content))
    questions = bank.questions(args.level, args.count, seed)
    if args.json:
        print_json({"seed": seed, "questions": [q.to_json() for q in questions]})
        return EXIT_OK
    from app.model.describe import describe
    from app.model.state import HIDDEN_SUBJECT

    print(f"Seed {seed} (neuraxis quiz --seed {seed} gives these questions again)\n")
    for number, question in enumerate(questions, 1):
        day = "" if question.day is None else f", day {question.day} after onset"
        print(f"Question {number} ({question.id}, level {question.level}: {LEVELS[question.level]}{day})")
        print(describe(content, question.findings, HIDDEN_SUBJECT))
        answers = " | ".join(" + ".join(a) for a in question.accepted)
        print(f"  Answer: {answers}\n")
    return EXIT_OK
