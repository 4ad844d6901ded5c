"""``neuraxis export-anki FILE.apkg``: every study card as an Anki note, with the diagram and body
map as pictures (rendered offscreen; ``--no-images`` skips them)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.commands.base import load

EXIT_OK, EXIT_PROBLEMS = 0, 1


def register(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("export-anki", parents=parents[:1], help="write the study cards as an Anki deck")
    parser.add_argument("target", type=Path, metavar="FILE.apkg", help="the deck to write")
    parser.add_argument("--no-images", action="store_true", help="text only (faster)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from app.model.anki import write_deck
    from app.model.cards import build_cards
    from app.model.cases import load_cases

    content = load(args)
    cards = build_cards(content, load_cases(content))
    images = None
    if not args.no_images:
        images = _images(content, cards)
    try:
        count = write_deck(args.target, cards, images)
    except OSError as error:
        print(f"neuraxis: {args.target}: cannot write the deck ({error.strerror or error})", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"{count} notes written to {args.target}")
    return EXIT_OK


def _images(content: Any, cards: Any) -> Any:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui import theme
    from app.ui.launch import _quiet_platform_noise
    from app.ui.study.anki_images import render_images

    _quiet_platform_noise()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    return render_images(content, cards)
