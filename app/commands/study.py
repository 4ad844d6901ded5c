"""``neuraxis review`` and ``neuraxis progress``: spaced repetition and the progress store, without
the window (Qt-free)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.commands.base import UsageError, load, print_json

EXIT_OK, EXIT_PROBLEMS = 0, 1


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    from app.model.ratings import RATINGS  # (not the store: it imports sqlite3 and FSRS)

    review = sub.add_parser(
        "review", parents=parents, help="spaced repetition: the cards due, or record a review"
    )
    review.add_argument("--card", metavar="ID", help="the card reviewed (see: neuraxis review --json)")
    review.add_argument("--rating", choices=tuple(RATINGS), help="how well it was recalled")
    review.set_defaults(run=run_review)
    progress = sub.add_parser(
        "progress", parents=parents, help="what has been studied; move it between machines"
    )
    group = progress.add_mutually_exclusive_group()
    group.add_argument("--export", metavar="FILE", type=Path, help="write the progress to FILE (JSON)")
    group.add_argument("--import", dest="import_", metavar="FILE", type=Path, help="merge progress from FILE")
    progress.set_defaults(run=run_progress)


def _store() -> Any:
    from app.model.progress import ProgressError, Store

    try:
        store = Store.open()
    except ProgressError as error:
        raise UsageError(str(error)) from None
    for message in store.messages:
        print(f"neuraxis: {message}", file=sys.stderr)
    return store


def _deck(args: argparse.Namespace) -> list[Any]:
    from app.model.cards import build_cards
    from app.model.cases import load_cases

    content = load(args)
    return build_cards(content, load_cases(content))


def run_review(args: argparse.Namespace) -> int:
    from app.model.progress import due_cards

    if (args.card is None) != (args.rating is None):
        raise UsageError("give both --card ID and --rating again|hard|good|easy, or neither")
    cards = {card.id: card for card in _deck(args)}
    store = _store()
    try:
        if args.card is not None:
            card = cards.get(args.card)
            if card is None:
                raise UsageError(f"unknown card {args.card!r} (see: neuraxis review --json)")
            due = store.review(card.id, card.kind, args.rating)
            print(f"{card.id}: {args.rating}; next review {due.strftime('%Y-%m-%d %H:%M')} UTC")
            return EXIT_OK
        due, counts = due_cards(store, [(c.id, c.kind) for c in cards.values()])
    finally:
        store.close()
    if args.json:
        listed = [{"card": c, "kind": cards[c].kind, "front": cards[c].front} for c in due]
        print_json({"due": listed, "counts": counts})
    else:
        print(f"{counts['due']} due, {counts['new']} new, {counts['learned']} learned")
        for card_id in due:
            print(f"  {card_id}")
    return EXIT_OK


def run_progress(args: argparse.Namespace) -> int:
    from app.model.atomic import write_atomically
    from app.model.progress import ProgressError, read_export

    store = _store()
    try:
        if args.export is not None:
            data = json.dumps(store.export(), indent=1, ensure_ascii=False).encode("utf-8")
            try:
                write_atomically(args.export, data)
            except OSError as error:
                print(
                    f"neuraxis: {args.export}: cannot write the export ({error.strerror or error})",
                    file=sys.stderr,
                )
                return EXIT_PROBLEMS
            print(f"progress written to {args.export}")
            return EXIT_OK
        if args.import_ is not None:
            try:
                reviews, results = store.merge(read_export(args.import_))
            except ProgressError as error:
                raise UsageError(
                    str(error) if str(args.import_) in str(error) else f"{args.import_}: {error}"
                ) from None
            print(f"merged {reviews} new reviews and {results} new results from {args.import_}")
            return EXIT_OK
        summary = store.summary()
    finally:
        store.close()
    if args.json:
        print_json(summary)
    else:
        quiz = summary["quiz"]
        print(f"{summary['reviews']} reviews of {summary['cards']} cards, {summary['due']} due")
        print(f"quiz: {quiz['correct']} of {quiz['answered']} correct")
    return EXIT_OK
