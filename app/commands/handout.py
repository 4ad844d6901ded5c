"""``neuraxis handout (--lesson ID [--teacher] | SITE... | --disease ID) --out FILE.pdf
[--paper a4|letter]``: a PDF handout, one page per lesson step or one page for a selection (needs Qt,
run offscreen); ``--teacher`` adds each step's notes for the teacher."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
MAX_DAY = 3650


def add_parser(sub: Any, parents: list[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "handout", parents=parents, help="a PDF handout of a lesson (a page per step), sites or a disease"
    )
    parser.add_argument("ids", nargs="*", metavar="SITE", help="lesion site ids, combined on one page")
    parser.add_argument("--lesson", metavar="ID", help="one page per step of this lesson")
    parser.add_argument(
        "--teacher", action="store_true", help="the teacher's copy of a lesson: each step with its notes"
    )
    parser.add_argument("--disease", metavar="ID", help="the typical sites of this disease")
    parser.add_argument("--day", metavar="N", type=int, help="signs N days after onset (sites or disease)")
    parser.add_argument("--out", metavar="FILE.pdf", type=_pdf, required=True, help="the PDF to write")
    parser.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default a4)")


def _pdf(text: str) -> Path:
    """A name ending in .pdf (checked before Qt starts; the same words as the window's)."""
    path = Path(text)
    if path.suffix.lower() != ".pdf":
        raise argparse.ArgumentTypeError("a handout is a PDF: name the file with .pdf at the end")
    return path


def _usage(message: str) -> int:
    print(f"neuraxis: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _wrongly_asked(args: argparse.Namespace) -> str | None:
    """What is wrong with the options, before anything is read."""
    if sum([bool(args.lesson), bool(args.ids), bool(args.disease)]) != 1:
        return "give one of: --lesson ID, site ids, --disease ID"
    if args.teacher and not args.lesson:
        return "--teacher adds a lesson's notes for the teacher: give --lesson ID with it"
    if args.day is not None and not 0 <= args.day <= MAX_DAY:
        return f"day {args.day} is outside 0..{MAX_DAY}"
    return None


def run(args: argparse.Namespace, content: Any) -> int:
    from app.model.lessons import load_lessons

    wrong = _wrongly_asked(args)
    if wrong is not None:
        return _usage(wrong)
    out: Path = args.out
    if out.is_dir() or not out.parent.is_dir():
        what = "is a folder" if out.is_dir() else "is in a folder that does not exist"
        print(f"{out}:1: could not write the handout: the path {what}", file=sys.stderr)
        return EXIT_PROBLEMS
    lessons = load_lessons(content)
    pages_of: Any
    if args.lesson:
        lesson = next((x for x in lessons if x.id == args.lesson), None)
        if lesson is None:
            return _usage(f"unknown lesson {args.lesson!r} (see: neuraxis lessons)")
        pages_of = ("lesson", (lesson, args.teacher))
    else:
        unknown = [s for s in args.ids if s not in content.sites_by_id]
        if args.disease and args.disease not in content.diseases_by_id:
            unknown.append(args.disease)
        if unknown:
            return _usage(f"unknown id {unknown[0]!r} (see: neuraxis sites, neuraxis diseases)")
        sites = tuple(content.diseases_by_id[args.disease].typical) if args.disease else tuple(args.ids)
        pages_of = ("selection", (sites, args.disease, args.day))
    return _write(content, pages_of, out, args.paper)


def _write(content: Any, pages_of: Any, out: Path, paper: str) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app import platform_check

    try:
        from PySide6.QtGui import QGuiApplication

        from app.ui.handout import lesson_pages, selection_page, write_handout
    except ImportError as missing:  # a library Qt links to: named now (see platform_check)
        print(platform_check.qt_import_problem(missing), file=sys.stderr)
        return EXIT_PROBLEMS

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    kind, what = pages_of
    if kind == "lesson":
        lesson, teacher = what
        pages = lesson_pages(content, lesson, teacher=teacher)
    else:
        pages = [selection_page(content, *what)]
    written = write_handout(content, pages, out, paper)
    del app
    if written.error is not None:
        print(f"{out}:1: could not write the handout: {written.error}", file=sys.stderr)
        return EXIT_PROBLEMS
    print(f"wrote {out} ({written.sheets} page{'s' if written.sheets != 1 else ''})")
    return EXIT_OK
