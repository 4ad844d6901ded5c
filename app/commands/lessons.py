"""``neuraxis lessons [--json]``: the lessons of the content folder (Qt-free)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    sub.add_parser("lessons", parents=parents, help="list the lessons (content/lessons/*.yaml)")


def run(args: argparse.Namespace, content: Any) -> int:
    from app.model.lessons import load_lessons

    lessons = load_lessons(content)
    if args.json:
        data = [{"id": lesson.id, "title": lesson.title, "steps": len(lesson.steps)} for lesson in lessons]
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    width = max((len(lesson.id) for lesson in lessons), default=0)
    for lesson in lessons:
        print(f"{lesson.id:<{width}}  {lesson.title} ({len(lesson.steps)} steps)")
    return 0
