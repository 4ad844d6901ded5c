"""Start the GUI (or render it offscreen to a PNG) with friendly errors and no tracebacks."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, NamedTuple

from app import paths
from app.ui.memory import keep_large_buffers_returnable, no_collection_during_start_up
from app.ui.qt_process import prepare_process, styled_application

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.model.content import Content
    from app.model.geometry import DiagramGeometry
    from app.model.lessons import Lesson
    from app.ui.main_window import MainWindow

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3
HD_HEIGHT = 1080
LOG_NAME = "neuraxis-error.log"


def _prepare_environment(screenshot: Path | None, size: tuple[int, int] | None) -> None:
    """Offscreen rendering for screenshots; above 1080 lines, render as a HiDPI screen would
    (a 3840x2160 shot is a 1920x1080 window at device pixel ratio 2), so text keeps its size.
    Freed large buffers go back to the system (:mod:`app.ui.memory`) in a window: see
    :func:`_start` and :func:`_start_quickly`."""
    prepare_process(fix_memory_threshold=False)
    if screenshot is None:
        return
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if size is not None and size[1] > HD_HEIGHT:
        os.environ["QT_SCALE_FACTOR"] = f"{size[1] / HD_HEIGHT:g}"


PLATFORM_NOISE = ("This plugin does not support propagateSizeHints",)
"""Messages of Qt's offscreen platform plugin that say nothing to the user."""


def _quiet_platform_noise() -> None:
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if not message.startswith(PLATFORM_NOISE):
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def _report(lines: Sequence[str], *, title: str, to_stderr: bool) -> None:
    if to_stderr:
        for line in lines:
            print(line, file=sys.stderr)
        return
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, title)
    shown = list(lines[:12])
    if len(lines) > len(shown):
        shown.append(f"... and {len(lines) - len(shown)} more (run: neuraxis validate)")
    box.setInformativeText("\n".join(shown))
    box.exec()


def _log(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> str:
    """Write the traceback to the error log (rotated, see :mod:`app.errorlog`); say where."""
    import traceback

    from app.errorlog import append_error

    log = paths.cache_dir() / LOG_NAME
    try:
        append_error(log, "".join(traceback.format_exception(kind, error, tb)))
    except OSError:
        return "Details could not be written to a log file."
    return f"Details were written to {log}."


def _install_excepthook(to_stderr: bool) -> None:
    """Unexpected errors: a plain message for the user, the traceback to a log file."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        _report(
            [f"Neuraxis hit an unexpected problem ({kind.__name__}: {error}).", _log(kind, error, tb)],
            title="Something went wrong",
            to_stderr=to_stderr,
        )

    sys.excepthook = hook


@no_collection_during_start_up  # until the window is complete (MainWindow.build_panels)
def run(
    *,
    content_dir: Path | None,
    select: Sequence[str],
    disease: str | None,
    screenshot: Path | None,
    size: tuple[int, int] | None,
    tab: str | None = None,
    day: int | None = None,
    hide: str | None = None,
    present: bool = False,
    lesson: tuple[str, int] | None = None,
    on_shown: Callable[[MainWindow], None] | None = None,
) -> int:
    """Open the window (or save a screenshot); ``on_shown`` is called as soon as the window is shown
    (on a plain start, while it shows the diagram's preview: the start-up benchmark watches
    :meth:`MainWindow.diagram_surface` for the first painted frame)."""
    _prepare_environment(screenshot, size)
    asked = Asked(select, disease, tab, day, hide, present, lesson)
    headless = screenshot is not None
    # Read first (Qt-free) for a screenshot, another content folder or named content: before PySide
    # is imported, whose import hook reads the source of every module imported after it.
    read_first = headless or content_dir is not None or asked.names_content()
    read = _Read.before_qt(content_dir) if read_first else None
    from app import platform_check

    # a window is checked before Qt starts (Qt would abort with a core dump); offscreen, a missing
    # library only makes the import fail, and is named then
    problem = None if headless else platform_check.window_problem()
    if problem is None:
        try:
            from PySide6.QtWidgets import QApplication
        except ImportError as error:
            problem = platform_check.qt_import_problem(error)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_PROBLEMS

    app = QApplication.instance()
    if app is None:
        with platform_check.qt_start_guard():
            app = styled_application(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Neuraxis")
    app.setOrganizationName("Neuraxis")
    app.setApplicationDisplayName("Neuraxis")
    app.setDesktopFileName("io.github.neuraxis.Neuraxis")  # packaging/linux: the window's icon on Wayland
    _install_excepthook(headless)
    if headless:
        _quiet_platform_noise()
    try:
        if read is not None:
            loaded = read.result()
            return _start(app, loaded, asked=asked, screenshot=screenshot, size=size, on_shown=on_shown)
        return _start_quickly(app, asked, size, on_shown)
    except Exception as error:  # noqa: BLE001 (every start-up failure gets a message, never a traceback)
        return _failure(error, headless=headless)


class Asked(NamedTuple):
    """What the command line asks the window to open on."""

    select: Sequence[str]
    disease: str | None
    tab: str | None
    day: int | None
    hide: str | None
    present: bool
    lesson: tuple[str, int] | None

    def names_content(self) -> bool:
        """Names a site, disease or lesson, which must be checked against the content first."""
        return bool(self.select) or self.disease is not None or self.lesson is not None


def _failure(error: Exception, *, headless: bool) -> int:
    """Report a failure to start (a dialog, or stderr for a screenshot); the exit code."""
    from app.model.errors import ContentError

    if isinstance(error, ContentError):
        _report([str(p) for p in error.problems], title="The content could not be loaded", to_stderr=headless)
        return EXIT_PROBLEMS
    if os.environ.get("NEURAXIS_DEBUG"):
        raise error
    _report(
        [
            f"Neuraxis could not start ({type(error).__name__}: {error}).",
            _log(type(error), error, error.__traceback__),
        ],
        title="Neuraxis could not start",
        to_stderr=headless,
    )
    return EXIT_INTERNAL


def _apply_theme(app: QApplication) -> None:
    from app.ui import theme

    themed = (theme.text_scale(), theme.projector(), app.styleSheet()) == (1.0, False, theme.style_sheet())
    if not themed:  # (re-theming an application already at the default look re-polishes every widget)
        theme.apply(app)


class Loaded(NamedTuple):
    """The content, the diagram's site outlines and the lessons."""

    content: Content
    geometry: DiagramGeometry
    lessons: list[Lesson]


def _read(content_dir: Path | None) -> Loaded:
    """The content, the diagram's site outlines and the lessons, through the cache."""
    from app.model.cache import load_content_cached, load_lessons_cached
    from app.model.geometry import load_geometry

    cache = paths.cache_dir()
    content = load_content_cached(content_dir or paths.content_dir(), check_svg=True, cache_dir=cache)
    geometry = load_geometry(content.drawings.diagram, [s.id for s in content.sites], cache)
    return Loaded(content, geometry, list(load_lessons_cached(content, cache)))


class _Read(NamedTuple):
    """What reading the content gave before Qt started: the content, or the error to report once
    there is an application to report it with (a dialog, unless headless)."""

    loaded: Loaded | None
    error: Exception | None

    @classmethod
    def before_qt(cls, content_dir: Path | None) -> _Read:
        try:
            return cls(_read(content_dir), None)
        except Exception as error:  # noqa: BLE001 (re-raised by result(), where run() reports it)
            return cls(None, error)

    def result(self) -> Loaded:
        if self.error is not None:
            raise self.error
        assert self.loaded is not None
        return self.loaded


def _start_quickly(
    app: QApplication,
    asked: Asked,
    size: tuple[int, int] | None,
    on_shown: Callable[[MainWindow], None] | None,
) -> int:
    """A plain start: the window shows a preview of the bundled diagram at once (app.ui.first_frame)
    and reads the content on the event loop's next turn. A failure then is reported over it."""
    from app.ui.main_window import MainWindow

    window = MainWindow()

    def rest() -> None:
        keep_large_buffers_returnable()  # after the first frame: it loads ctypes
        try:
            _apply_theme(app)
            content, geometry, lessons = _read(None)
            window.attach(content, geometry, lessons)
            _open_as_asked(window, lessons, asked, None)
            _say_if_size_not_kept(window, size)
        except Exception as error:  # noqa: BLE001 (reported over the window, as before it showed)
            code = _failure(error, headless=False)
            window.hide()  # (not close: closing the last window posts a quit the caller's loop would get)
            window.deleteLater()
            app.exit(code)

    window.preview(paths.drawing(paths.content_dir(), "diagram"), rest)
    window.show_default(size)
    if on_shown is not None:
        on_shown(window)
    return app.exec()


def _start(
    app: QApplication,
    loaded: Loaded,
    *,
    asked: Asked,
    screenshot: Path | None,
    size: tuple[int, int] | None,
    on_shown: Callable[[MainWindow], None] | None,
) -> int:
    """The whole window on content read before Qt started: for a screenshot, another content
    folder, or a site, disease or lesson named on the command line (checked before any window
    shows)."""
    if screenshot is None:
        keep_large_buffers_returnable()  # a window, which runs on (a screenshot paints once)
    _apply_theme(app)
    content, geometry, lessons = loaded
    problem = _unknown_id(content, lessons, asked.select, asked.disease, asked.lesson)
    if problem:
        _report([f"neuraxis: error: {problem}"], title="Unknown id", to_stderr=True)
        return EXIT_USAGE

    from app.ui.main_window import MainWindow

    window = MainWindow(content, geometry, lessons=lessons)
    _open_as_asked(window, lessons, asked, (size or (1280, 720)) if screenshot else None)
    if screenshot is not None:
        return _save_screenshot(app, window, screenshot, size or (1280, 720))
    window.show_default(size)
    _say_if_size_not_kept(window, size)
    if on_shown is not None:
        on_shown(window)
    return app.exec()


def _say_if_size_not_kept(window: MainWindow, size: tuple[int, int] | None) -> None:
    """A window ``--size`` that the window cannot keep (below its smallest, or beyond the screen)
    is said on stderr and in the status bar once the panels are built (they set the smallest)."""
    if size is None:
        return
    from PySide6.QtCore import QCoreApplication, QTimer

    def check() -> None:
        window.build_panels()
        QCoreApplication.sendPostedEvents()  # the pages shown and laid out: the smallest size applied
        got = (window.width(), window.height())
        if got == size:
            return
        why = (
            "smaller than the window can be drawn"
            if got[0] > size[0] or got[1] > size[1]
            else "larger than the screen"
        )
        message = f"--size {size[0]}x{size[1]} is {why}; the window is {got[0]}x{got[1]}"
        print(f"neuraxis: {message}", file=sys.stderr)
        window.statusBar().showMessage(message, 20_000)

    QTimer.singleShot(0, window, check)


def _open_as_asked(
    window: MainWindow, lessons: Sequence[Lesson], asked: Asked, shot: tuple[int, int] | None
) -> None:
    """The disease, sites, day, lesson, tab and classroom modes asked for on the command line."""
    if asked.disease is not None:
        window.selection.choose_disease(asked.disease)
    if asked.select:
        window.selection.set_sites(asked.select)
    if asked.day is not None:
        window.selection.set_day(asked.day)
    lesson = next((x for x in lessons if asked.lesson and x.id == asked.lesson[0]), None)
    if lesson is not None or asked.hide is not None or asked.present:
        from app.ui.classroom.install import start_classroom

        opened = (lesson, asked.lesson[1]) if lesson is not None and asked.lesson else None
        start_classroom(window, hide=asked.hide, present=asked.present, size=shot, lesson=opened)
    if asked.tab is not None:
        window.side.show_tab_named(asked.tab)


def _unknown_id(
    content: Content,
    lessons: Sequence[Lesson],
    select: Sequence[str],
    disease: str | None,
    lesson: tuple[str, int] | None,
) -> str:
    """What the command line names that the content lacks ("" when all is known)."""
    unknown = [s for s in select if s not in content.sites_by_id]
    if disease is not None and disease not in content.diseases_by_id:
        unknown.append(disease)
    if unknown:
        return f"unknown id {unknown[0]!r} (see: neuraxis sites, neuraxis diseases)"
    if lesson is not None:
        found = next((x for x in lessons if x.id == lesson[0]), None)
        if found is None:
            return f"unknown lesson {lesson[0]!r} (see: neuraxis lessons)"
        if not 1 <= lesson[1] <= len(found.steps):
            return f"lesson {found.id!r} has steps 1 to {len(found.steps)}, not {lesson[1]}"
    return ""


def _save_screenshot(app: QApplication, window: MainWindow, path: Path, size: tuple[int, int]) -> int:
    """Render the window at exactly ``size`` device pixels and save it in the format the name asks
    for; a size smaller than the window can be drawn is refused, never silently enlarged."""
    from PySide6.QtCore import Qt

    from app.ui.files import save_image
    from app.ui.panels.richtext import finish_layouts

    ratio = app.devicePixelRatio() or 1.0
    logical = (round(size[0] / ratio), round(size[1] / ratio))
    window.resize(*logical)
    window.build_panels()
    # Laid out and polished as on screen, but painted once, by grab(): a window shown for real paints
    # itself into a backing store nobody sees, and even one that is not shown on screen painted
    # itself twice while its layouts settled (the plots reserve their tick text before they paint,
    # so nothing needs a paint to find its size: see app/ui/panels/plots/style.set_ticks).
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.setUpdatesEnabled(False)
    window.show()
    for _ in range(3):
        app.processEvents()
    finish_layouts(window)  # every text in full, so its scroll bar has its final size
    app.processEvents()  # (the scroll bars take the sizes)
    window.setUpdatesEnabled(True)
    if (window.width(), window.height()) != logical:
        # The window kept the size its layout needs: that, where larger, is the smallest possible.
        least = (max(size[0], round(window.width() * ratio)), max(size[1], round(window.height() * ratio)))
        print(
            f"neuraxis: error: --size {size[0]}x{size[1]} is smaller than the window can be drawn; "
            f"the smallest is {least[0]}x{least[1]}",
            file=sys.stderr,
        )
        window.close()
        return EXIT_USAGE
    image = window.grab().toImage()
    if (image.width(), image.height()) != size:  # a fractional scale factor rounds a pixel off
        image = image.scaled(*size, mode=Qt.TransformationMode.SmoothTransformation)
    error = save_image(image, path)
    window.close()
    if error is not None:
        print(f"{path}:1: could not write the screenshot: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK
