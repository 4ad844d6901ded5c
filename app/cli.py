"""Command line: the GUI, offscreen screenshots, and Qt-free queries of the content.

``neuraxis`` opens the window; ``neuraxis sites|diseases|findings|validate`` answer from the
model alone and never import Qt, so they start fast and run on machines without a display.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:
    from app.model.content import Content

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
TABS = ("body", "compare", "course", "cord", "diseases", "site", "faq", "sources")
"""The tabs of the lower panel, as named on the command line (``--tab``)."""


from app.commands.base import UsageError  # noqa: E402 (shared with app.commands)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1280x720, not {text!r}") from None
    if not (320 <= width <= 8192 and 240 <= height <= 8192):
        raise argparse.ArgumentTypeError(f"size {text} is outside 320x240 .. 8192x8192")
    return width, height


def _picture(text: str) -> Path:
    from app.pictures import picture_format, unknown_format_message

    path = Path(text)
    if picture_format(path) is None:
        raise argparse.ArgumentTypeError(unknown_format_message(path))
    return path


def _day(text: str) -> int:
    try:
        day = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the day must be a whole number, not {text!r}") from None
    if not 0 <= day <= 3650:
        raise argparse.ArgumentTypeError(f"day {day} is outside 0..3650")
    return day


COMMANDS_NAMED = (
    "sites",
    "diseases",
    "findings",
    "lessons",
    "handout",
    "validate",
    "quiz",
    "cases",
    "localize",
    "review",
    "progress",
    "export-anki",
)
"""Every subcommand (tests/model/test_cli.py checks this against the parser)."""


def _add_content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="use the content in DIR instead of the bundled one",
    )


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--select", metavar="ID", action="append", default=[], help="preselect a site (repeatable)"
    )
    parser.add_argument("--disease", metavar="ID", help="preselect a disease and show its typical sites")
    parser.add_argument(
        "--screenshot",
        metavar="FILE.png",
        type=_picture,
        help="render the window offscreen, save it (PNG, or JPEG etc. as the name says) and exit",
    )
    parser.add_argument(
        "--tab",
        choices=TABS,
        help="open the window on this tab of the lower panel (handy with --screenshot)",
    )
    parser.add_argument("--size", metavar="WxH", type=_size, default=None, help="window size, e.g. 1280x720")
    parser.add_argument(
        "--day", metavar="N", type=_day, help="open on day N after onset (default: established)"
    )
    parser.add_argument(
        "--hide",
        choices=("findings", "lesion"),
        help="predict, then reveal: hide the findings (or the lesion) until revealed (Space, Page Down)",
    )
    parser.add_argument("--present", action="store_true", help="start in presentation mode (F5)")
    parser.add_argument("--lesson", metavar="ID", help="open on a lesson (see: neuraxis lessons)")
    parser.add_argument("--step", metavar="N", type=int, default=1, help="the lesson's step to open on")


def build_parser(*, commands: bool = True) -> argparse.ArgumentParser:
    """The command line; without ``commands``, only the window's options (see :func:`parse`).

    The window's parser is a single parser with neither ``--help`` nor ``--version``: every
    argparse parser looks up the translations of its headings when it is made, so the window's
    start pays for one parser instead of four (a command line asking for help or the version
    falls through to the full parser)."""
    if not commands:
        window = _Parser(prog="neuraxis", add_help=False)
        _add_content_option(window)
        _add_window_options(window)
        window.set_defaults(command=None)
        return window
    content = _Parser(add_help=False)
    _add_content_option(content)
    output = _Parser(add_help=False)
    output.add_argument("--json", action="store_true", help="print JSON instead of text")

    parser = _Parser(
        prog="neuraxis",
        description="Click a point on the motor pathway and see what a lesion there does.",
        parents=[content],
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    _add_window_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.add_parser("sites", parents=[content, output], help="list the lesion sites")
    sub.add_parser("diseases", parents=[content, output], help="list the diseases")
    findings = sub.add_parser(
        "findings",
        parents=[content, output],
        help="expected findings of one or more sites together, or a disease",
    )
    findings.add_argument("ids", nargs="*", metavar="ID", help="lesion site ids, combined")
    findings.add_argument("--disease", metavar="ID", help="use the typical sites of this disease")
    findings.add_argument(
        "--day", metavar="N", type=_day, help="signs N days after onset (default: the established lesion)"
    )
    from app.commands import handout as handout_command
    from app.commands import lessons as lessons_command

    lessons_command.add_parser(sub, [content, output])
    handout_command.add_parser(sub, [content])
    validate = sub.add_parser(
        "validate",
        parents=[content],
        help="check content and diagram; print FILE:LINE: message per problem",
    )
    validate.add_argument("directory", nargs="?", type=Path, metavar="DIR", help="content folder to check")
    from app.commands.study_registry import register

    register(sub, [content, output])
    return parser


def _version() -> str:
    from app import __version__

    return __version__


def _content_dir(args: argparse.Namespace) -> Path | None:
    directory: Path | None = getattr(args, "content", None)
    return directory


def _load(directory: Path | None, *, check_svg: bool = False) -> Content:
    """Content for the query commands, from the cache when nothing changed."""
    from app import paths
    from app.model.cache import load_content_cached

    return load_content_cached(
        directory or paths.content_dir(), check_svg=check_svg, cache_dir=paths.cache_dir()
    )


def _print_json(data: Any) -> None:
    import json

    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _cmd_sites(args: argparse.Namespace) -> int:
    content = _load(_content_dir(args))
    if args.json:
        _print_json(
            [
                {"id": s.id, "name": s.name, "side": s.side, "group": s.group, "level": s.level}
                for s in content.sites
            ]
        )
        return EXIT_OK
    width = max(len(s.id) for s in content.sites)
    for group in content.site_groups:
        print(group.name)
        for site in (s for s in content.sites if s.group == group.id):
            print(f"  {site.id:<{width}}  {site.name}")
    return EXIT_OK


def _cmd_diseases(args: argparse.Namespace) -> int:
    content = _load(_content_dir(args))
    if args.json:
        _print_json(
            [
                {
                    "id": d.id,
                    "name": d.name,
                    "lesions": list(d.lesions),
                    "sites": list(d.sites),
                    "typical": list(d.typical),
                }
                for d in content.diseases
            ]
        )
        return EXIT_OK
    width = max(len(d.id) for d in content.diseases)
    for disease in content.diseases:
        print(f"{disease.id:<{width}}  {disease.name} ({', '.join(disease.lesions)})")
    return EXIT_OK


def _cmd_findings(args: argparse.Namespace) -> int:
    from app.model.findings import UnknownIdError, evaluate

    content = _load(_content_dir(args))
    ids = list(args.ids)
    if args.disease:
        disease = content.diseases_by_id.get(args.disease)
        if disease is None:
            raise UsageError(f"unknown disease id {args.disease!r} (see: neuraxis diseases)")
        ids += [s for s in disease.typical if s not in ids]
    if not ids:
        raise UsageError("give one or more site ids, or --disease ID (see: neuraxis sites)")
    try:
        findings = evaluate(content, ids, args.day, args.disease)
    except UnknownIdError as error:
        raise UsageError(f"unknown site id {error.item!r} (see: neuraxis sites)") from None
    if args.json:
        data = findings.to_json()
        if args.disease:
            data = {"disease": args.disease, **data}
        _print_json(data)
    else:
        from app.model.describe import describe
        from app.model.state import subject_name

        print(describe(content, findings, subject_name(content, findings.sites, args.disease)))
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace) -> int:
    from app import paths
    from app.model.cases import load_cases
    from app.model.geometry import load_geometry
    from app.model.lessons import load_lessons
    from app.model.loader import load_content

    directory = _content_dir(args)
    if args.directory is not None and directory is not None and args.directory != directory:
        raise UsageError("give the content folder once: either validate DIR or validate --content DIR")
    content = load_content(args.directory or directory, check_svg=True)  # always in full
    # The site outlines the window clicks and highlights (cached by the diagram's hash, as the
    # window caches them): a drawing that passes the scan but cannot be outlined is refused here.
    load_geometry(content.drawings.diagram, [s.id for s in content.sites], paths.cache_dir())
    lessons = load_lessons(content)
    cases = load_cases(content)  # each checked against the engine
    counts = (
        f"{len(content.sites)} sites, {len(content.diseases)} diseases, {len(content.references)} references"
        f", {len(lessons)} lessons, {len(cases)} cases"
    )
    print(f"OK: {counts}")
    return EXIT_OK


def _cmd_gui(args: argparse.Namespace) -> int:
    from app.ui.launch import run

    return run(
        content_dir=_content_dir(args),
        select=args.select,
        disease=args.disease,
        screenshot=args.screenshot,
        tab=args.tab,
        size=args.size,
        day=args.day,
        hide=args.hide,
        present=args.present,
        lesson=(args.lesson, args.step) if args.lesson else None,
    )


def _cmd_lessons(args: argparse.Namespace) -> int:
    from app.commands import lessons as lessons_command

    return lessons_command.run(args, _load(_content_dir(args)))


def _cmd_handout(args: argparse.Namespace) -> int:
    from app.commands import handout as handout_command

    return handout_command.run(args, _load(_content_dir(args), check_svg=True))


COMMANDS = {
    "sites": _cmd_sites,
    "diseases": _cmd_diseases,
    "findings": _cmd_findings,
    "validate": _cmd_validate,
    "lessons": _cmd_lessons,
    # The handout draws the drawings: they are checked as the window checks them.
    "handout": _cmd_handout,
    None: _cmd_gui,
}


def parse(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The parsed command line. The full parser (the subcommands' dozen parsers; about 15 ms, half
    of it argparse looking up translations of every help text) is built only when the command line
    names a command or asks for help or the version, or when the window's options alone do not
    account for every argument (so a mistyped command still gets the full parser's message)."""
    given = list(sys.argv[1:] if argv is None else argv)
    if not any(a in COMMANDS_NAMED or a in {"-h", "--help", "--version"} for a in given):
        args, rest = build_parser(commands=False).parse_known_args(given)
        if not rest:
            return args
    return build_parser().parse_args(given)


def main(argv: Sequence[str] | None = None) -> int:
    return _run(parse(argv))


def entry() -> NoReturn:
    """The ``neuraxis`` command (and ``python -m app``, and the bundle): :func:`main`, then exit.

    A screenshot process leaves as soon as its picture is written, without the interpreter's
    clean-up: freeing the window's few hundred widgets and their wrappers one by one took about
    20 ms and changed nothing on disk (screenshots write no settings, and every file this program
    writes is complete when its writer returns)."""
    args = parse()
    code = _run(args)
    if getattr(args, "screenshot", None) is not None:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    sys.exit(code)


def _run(args: argparse.Namespace) -> int:
    try:
        return (getattr(args, "run", None) or COMMANDS[args.command])(args)
    except UsageError as error:
        print(f"neuraxis: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:
        from app.model.errors import ContentError  # (not before: the window's first frame needs no model)

        if isinstance(error, ContentError):
            for problem in error.problems:
                print(problem, file=sys.stderr)
            return EXIT_PROBLEMS
        if os.environ.get("NEURAXIS_DEBUG"):
            raise
        print(f"neuraxis: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        print("Set NEURAXIS_DEBUG=1 to see the details and please report it.", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":
    entry()
