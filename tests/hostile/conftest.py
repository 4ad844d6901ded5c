"""Helpers for the hostile-content suite: a private content folder to damage, the commands run as
a user would (``neuraxis validate``, the Qt-free commands, the window's start-up), and the one
promise checked every time: one line ``FILE:LINE: message``, the right exit code, no traceback,
well under a second."""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from app import paths
from app.cli import main

ROOT = Path(__file__).resolve().parents[2]
FAST = 1.0
"""Seconds of CPU time: every refusal costs well within this (most a few tens of milliseconds).
CPU time, not the clock: a busy machine must not fail the suite, while work without end still
does. A refusal that waits without working (a pipe) is caught by :data:`HUNG` instead."""
HUNG = 10.0
"""Seconds on the clock after which a refusal counts as hung, however little CPU it used."""
NOBODY = 65534
COMMANDS: tuple[tuple[str, ...], ...] = (
    ("validate", "{dir}"),
    ("findings", "internal-capsule-left", "--content", "{dir}"),
)
"""``validate`` and a Qt-free query (``sites``, ``diseases`` and ``findings`` load content the same
way, through the cache); the drawings are only read by ``validate`` (and the window)."""


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    """CPU seconds the command took (see :data:`FAST`)."""
    clock: float = 0.0

    @property
    def lines(self) -> list[str]:
        return self.err.strip().splitlines()


def copy_content(target: Path) -> Path:
    """A private copy of the bundled content, with its own copies of the three drawings."""
    shutil.copytree(paths.content_dir(), target)
    for name in ("neuraxis.svg", "body.svg", "cord.svg"):
        shutil.copy(paths.svg_dir() / name, target / name)
    return target


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return copy_content(tmp_path / "content")


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder of the test's own (so that a refusal is never served from a cache)."""
    path = tmp_path / "cache"
    path.mkdir()
    monkeypatch.setenv("NEURAXIS_CACHE_DIR", str(path))
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> Outcome:
    """A command run in this process, as ``neuraxis ARGV``."""
    start, cpu = time.perf_counter(), time.process_time()
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse's own usage errors
        code = stop.code if isinstance(stop.code, int) else 2
    seconds, clock = time.process_time() - cpu, time.perf_counter() - start
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err, seconds, clock)


def window(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    directory: Path,
    shot: Path,
    **options: object,
) -> Outcome:
    """The window started in this process with ``--screenshot`` (messages on stderr), its exception
    hook put back afterwards (the theme is the module's, see :func:`themed`)."""
    from app.ui import launch

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    start, cpu = time.perf_counter(), time.process_time()
    try:
        code = launch.run(
            content_dir=directory,
            select=list(options.pop("select", [])),  # type: ignore[call-overload]
            disease=None,
            screenshot=shot,
            size=options.pop("size", None),  # type: ignore[arg-type]
            tab=options.pop("tab", None),  # type: ignore[arg-type]
        )
    finally:
        seconds, clock = time.process_time() - cpu, time.perf_counter() - start
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err, seconds, clock)


@pytest.fixture(autouse=True, scope="module")
def themed(request: pytest.FixtureRequest) -> Iterator[None]:
    """The window's theme, applied once per module and put back after it (``launch.run`` leaves an
    application it finds themed as it is: re-theming re-polishes every widget alive)."""
    from PySide6.QtWidgets import QApplication

    from app.ui import theme

    qapp = request.getfixturevalue("qapp")
    assert isinstance(qapp, QApplication)
    font, sheet = qapp.font(), qapp.styleSheet()
    theme.apply(qapp)
    yield
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def assert_refused(outcome: Outcome, where: str, message: str, code: int = 1) -> None:
    """One line ``where: ...message...`` (``where`` is ``FILE:LINE``), the exit code, quickly."""
    assert outcome.code == code, outcome
    assert len(outcome.lines) == 1, outcome.err
    assert outcome.lines[0].startswith(f"{where}: "), outcome.err
    assert message in outcome.lines[0], outcome.err
    assert "Traceback" not in outcome.err
    assert outcome.seconds < FAST, f"{outcome.seconds:.2f} s of CPU time"
    assert outcome.clock < HUNG, f"{outcome.clock:.2f} s"


def refused_by_commands(
    capsys: pytest.CaptureFixture[str], directory: Path, where: str, message: str, *, yaml: bool = True
) -> None:
    """``validate`` refuses, and so do the Qt-free queries when the problem is in the YAML (they do
    not read the drawings)."""
    for command in COMMANDS if yaml else COMMANDS[:1]:
        outcome = cli(capsys, *(part.format(dir=directory) for part in command))
        assert_refused(outcome, where, message)


def line_of(path: Path, needle: str) -> int:
    text = path.read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` and return its line."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    line = text[: text.index(old)].count("\n") + 1
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return line


# --- permissions that count even for root --------------------------------------------------------


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder every user may enter (pytest's own are closed to all but their owner), for
    tests that run part of their work as another user."""
    path = Path(tempfile.mkdtemp(prefix="neuraxis-hostile-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        for root, dirs, _files in os.walk(path):
            for name in dirs:
                (Path(root) / name).chmod(stat.S_IRWXU)
        shutil.rmtree(path, ignore_errors=True)


@contextmanager
def as_other_user() -> Iterator[None]:
    """Root may read and write anything: as root, the body runs as 'nobody' (effective ids, put
    back after), so that a file's permissions count as they do for a user. Otherwise it runs as is
    (the test's own chmod applies to its owner)."""
    if os.geteuid() != 0:
        yield
        return
    # Modules imported lazily, loaded now: this Python may live where only root can read, and
    # svgelements retries a failed numpy import on every point it computes.
    import ctypes  # noqa: F401
    import importlib

    for module in ("numpy", "svgelements", "xml.parsers.expat", "xml.etree.ElementTree"):
        importlib.import_module(module)
    os.setegid(NOBODY)
    os.seteuid(NOBODY)
    try:
        yield
    finally:
        os.seteuid(0)
        os.setegid(0)


def full_device(tmp_path: Path) -> Path:
    """A device that is always full: /dev/full, or as root a private node of it (a test must never
    risk replacing the system's own /dev/full, which root could)."""
    if os.geteuid() != 0:
        return Path("/dev/full")
    node = tmp_path / "full"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    return node


Build = Callable[[Path], tuple[Path, int, str]]
"""A hostile case: damages a content folder and returns (file, line, what the message says)."""
