"""Can the window open? Checked before Qt starts, because Qt aborts the whole process (a core
dump, exit code 134) when it cannot load a platform plugin or reach the display.

Qt-free on purpose: :func:`window_problem` finds the system libraries that Qt's libraries and
its xcb (X11) or Wayland platform plugin link to by reading their ELF dependencies, tries to
load each one (as the dynamic loader would), and connects to the display once, through libxcb
or libwayland-client. The answer is one plain line naming what is missing and the package that
brings it. :func:`qt_start_guard` is the safety net for whatever the check cannot foresee: it
turns Qt's fatal start-up message into the same kind of line and exit code 1 instead of an abort.
"""

from __future__ import annotations

import importlib.util
import os
import struct
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

EXIT_CANNOT_OPEN = 1


class Library(NamedTuple):
    soname: str
    debian: str
    fedora: str


QT_NEEDS = (
    # Qt's own libraries (QtCore, QtGui, QtDBus, QtWidgets, QtSvg), offscreen too.
    Library("libEGL.so.1", "libegl1", "libglvnd-egl"),
    Library("libGL.so.1", "libgl1", "libglvnd-glx"),
    Library("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    Library("libfreetype.so.6", "libfreetype6", "freetype"),
    Library("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    Library("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
    Library("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    Library("libX11.so.6", "libx11-6", "libX11"),
    Library("libz.so.1", "zlib1g", "zlib"),
    Library("libzstd.so.1", "libzstd1", "libzstd"),
    Library("libstdc++.so.6", "libstdc++6", "libstdc++"),
    Library("libgcc_s.so.1", "libgcc-s1", "libgcc"),
    Library("libm.so.6", "libc6", "glibc"),
    Library("libc.so.6", "libc6", "glibc"),
)
XCB_NEEDS = (
    # The xcb platform plugin (an X11 session, or XWayland).
    Library("libxcb.so.1", "libxcb1", "libxcb"),
    Library("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    Library("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    Library("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    Library("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    Library("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    Library("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    Library("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    Library("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    Library("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    Library("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    Library("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    Library("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    Library("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    Library("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    Library("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
)
WAYLAND_NEEDS = (
    # The Wayland platform plugin.
    Library("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    Library("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
)
LIBRARIES = QT_NEEDS + XCB_NEEDS + WAYLAND_NEEDS
"""Every system library the window needs on Linux, with the Debian/Ubuntu and Fedora packages."""
BY_SONAME = {library.soname: library for library in LIBRARIES}

QT_LIBRARIES = (
    "libQt6Core.so.6",
    "libQt6Gui.so.6",
    "libQt6DBus.so.6",
    "libQt6Widgets.so.6",
    "libQt6Svg.so.6",
)
XCB_FILES = ("plugins/platforms/libqxcb.so", "lib/libQt6XcbQpa.so.6")
WAYLAND_FILES = ("plugins/platforms/libqwayland.so", "lib/libQt6WaylandClient.so.6")
ALWAYS_THERE = ("ld-linux", "linux-vdso", "libpthread.so", "libdl.so", "librt.so")
"""Parts of the C library itself: if they were missing, Python could not run this check."""


def qt_dir() -> Path | None:
    """PySide6's Qt folder (``lib/``, ``plugins/``), found without importing PySide6."""
    frozen = getattr(sys, "_MEIPASS", None)
    roots = [Path(frozen) / "PySide6"] if frozen else []
    spec = importlib.util.find_spec("PySide6")
    roots += [Path(p) for p in (spec.submodule_search_locations or [])] if spec else []
    for root in roots:
        try:
            if (root / "Qt").is_dir():
                return root / "Qt"
        except OSError:  # a folder this user may not enter: the check falls back to the known list
            continue
    return None


def needed_libraries(path: Path) -> list[str]:
    """The DT_NEEDED entries (sonames) of a 64-bit little-endian ELF file; [] if it is not one.
    Reads only the headers, the dynamic section and its string table (a few kB of Qt's 10 MB)."""
    try:
        with path.open("rb") as stream:

            def read(offset: int, size: int) -> bytes:
                stream.seek(offset)
                return stream.read(size)

            header = read(0, 64)
            if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
                return []  # not ELFCLASS64 + ELFDATA2LSB
            shoff = struct.unpack_from("<Q", header, 0x28)[0]
            shentsize, shnum = struct.unpack_from("<HH", header, 0x3A)
            table = read(shoff, shentsize * shnum)
            sections = [struct.unpack_from("<IIQQQQII", table, i * shentsize) for i in range(shnum)]
            names: list[str] = []
            for _name, kind, _flags, _addr, offset, size, link, _info in sections:
                if kind != 6:  # SHT_DYNAMIC
                    continue
                strings = read(sections[link][4], sections[link][5])
                dynamic = read(offset, size)
                for entry in range(0, len(dynamic) - 15, 16):
                    tag, value = struct.unpack_from("<qQ", dynamic, entry)
                    if tag == 0:  # DT_NULL
                        break
                    if tag == 1:  # DT_NEEDED
                        names.append(strings[value : strings.index(b"\0", value)].decode("ascii", "replace"))
            return names
    except (OSError, struct.error, IndexError, ValueError):
        return []


def _system_dependencies(qt: Path | None, files: tuple[str, ...], fallback: tuple[str, ...]) -> list[str]:
    """System libraries the given Qt files link to (not Qt's own, not the C library's core)."""
    found: list[str] = []
    for name in files:
        for soname in needed_libraries(qt / name) if qt else []:
            ours = soname.startswith(("libQt6", "libicu")) or (
                qt is not None and (qt / "lib" / soname).exists()
            )
            if not ours and not soname.startswith(ALWAYS_THERE) and soname not in found:
                found.append(soname)
    return found or list(fallback)


def loadable(soname: str) -> bool:
    """Whether the dynamic loader finds ``soname`` (in a bundle: its own copy first)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / soname).exists():
        return True
    import ctypes  # here, not at the top: a screenshot or an offscreen start never needs it (2-3 ms)

    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def missing_message(missing: list[str]) -> str:
    """One line naming the missing libraries and the packages that bring them."""
    known = [BY_SONAME[s] for s in missing if s in BY_SONAME]
    debian = " ".join(dict.fromkeys(lib.debian for lib in known))
    fedora = " ".join(dict.fromkeys(lib.fedora for lib in known))
    line = f"neuraxis: the window cannot open: missing {', '.join(missing)}"
    if known:
        line += f"; install with: sudo apt install {debian} (Fedora: sudo dnf install {fedora})"
    return line


def _platforms(environ: Mapping[str, str]) -> list[str]:
    requested = environ.get("QT_QPA_PLATFORM", "")
    return [part.split(":")[0].strip() for part in requested.split(";") if part.strip()]


def _xcb_connects(display: str) -> bool:
    import ctypes

    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    failed = bool(xcb.xcb_connection_has_error(connection))
    xcb.xcb_disconnect(connection)
    return not failed


def _wayland_connects(display: str) -> bool:
    import ctypes

    wayland = ctypes.CDLL("libwayland-client.so.0")
    wayland.wl_display_connect.restype = ctypes.c_void_p
    wayland.wl_display_connect.argtypes = [ctypes.c_char_p]
    wayland.wl_display_disconnect.argtypes = [ctypes.c_void_p]
    connection = wayland.wl_display_connect(display.encode())
    if not connection:
        return False
    wayland.wl_display_disconnect(connection)
    return True


def qt_problem(qt: Path | None = None) -> str | None:
    """A missing library that any use of Qt's widgets needs (offscreen too), or None."""
    if not sys.platform.startswith("linux"):
        return None
    qt = qt or qt_dir()
    needed = _system_dependencies(
        qt, tuple(f"lib/{name}" for name in QT_LIBRARIES), tuple(lib.soname for lib in QT_NEEDS)
    )
    missing = [soname for soname in needed if not loadable(soname)]
    return missing_message(missing) if missing else None


def qt_import_problem(error: ImportError) -> str:
    """Why importing Qt failed, as one line: the system libraries it links to that cannot be
    loaded, with their packages (looked for only now: on a machine that has them, a screenshot or a
    handout pays nothing for the check); else the import error itself."""
    return qt_problem() or f"neuraxis: the window cannot open: Qt could not be loaded ({error})"


def _missing(qt: Path | None, files: tuple[str, ...], fallback: tuple[Library, ...]) -> str | None:
    needed = _system_dependencies(qt, files, tuple(lib.soname for lib in fallback))
    missing = [soname for soname in needed if not loadable(soname)]
    return missing_message(missing) if missing else None


def _wayland_problem(qt: Path | None, display: str) -> str | None:
    if not display:
        return "neuraxis: the window cannot open: Wayland was asked for, but WAYLAND_DISPLAY is not set"
    problem = _missing(qt, WAYLAND_FILES, WAYLAND_NEEDS)
    if problem is None and not _wayland_connects(display):
        problem = f"neuraxis: the window cannot open: cannot connect to the Wayland display {display!r}"
    return problem


def _xcb_problem(qt: Path | None, display: str) -> str | None:
    problem = _missing(qt, XCB_FILES, XCB_NEEDS)
    if problem is None and not _xcb_connects(display):
        problem = (
            f"neuraxis: the window cannot open: cannot connect to the X display {display!r} "
            "(is the desktop session running, and DISPLAY right?)"
        )
    return problem


def window_problem(environ: Mapping[str, str] | None = None, qt: Path | None = None) -> str | None:
    """Why the window cannot open on this Linux desktop, as one line; None when it can (or when
    Qt is asked for a platform this check does not know, such as offscreen or vnc).

    Like Qt: QT_QPA_PLATFORM names the platforms to try in turn; unset, it is Wayland first in a
    Wayland session, then xcb (X11 or XWayland)."""
    if not sys.platform.startswith("linux"):
        return None
    environ = os.environ if environ is None else environ
    platforms = _platforms(environ)
    wants_xcb = not platforms or "xcb" in platforms
    wants_wayland = any(p.startswith("wayland") for p in platforms) or (
        not platforms and environ.get("XDG_SESSION_TYPE") == "wayland"
    )
    if not (wants_xcb or wants_wayland):
        return None
    qt = qt or qt_dir()
    display, wayland_display = environ.get("DISPLAY", ""), environ.get("WAYLAND_DISPLAY", "")
    problem = qt_problem(qt)
    if problem is None and not display and not wayland_display:
        problem = (
            "neuraxis: the window cannot open: no display (DISPLAY and WAYLAND_DISPLAY are not set); "
            "run it on a desktop, or see --screenshot and the commands in: neuraxis --help"
        )
    if problem is not None:
        return problem
    if wants_wayland:
        problem = _wayland_problem(qt, wayland_display)
        if problem is None or not (wants_xcb and display):
            return problem
    return _xcb_problem(qt, display)


@contextmanager
def qt_start_guard() -> Iterator[None]:
    """While the QApplication is created: a fatal Qt message (no platform plugin could be
    loaded...) becomes one line on stderr and exit code 1, not an abort with a core dump. Qt's
    other messages of that moment are held back, and passed on if Qt did start."""
    from PySide6.QtCore import (
        QMessageLogContext,
        QtMsgType,
        qCritical,
        qDebug,
        qInfo,
        qInstallMessageHandler,
        qWarning,
    )

    held: list[tuple[QtMsgType, str]] = []

    def handler(kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if kind != QtMsgType.QtFatalMsg:
            held.append((kind, message))
            return
        lines = [
            line.strip() for _, text in [*held, (kind, message)] for line in text.splitlines() if line.strip()
        ]
        reason = next(
            (line for line in lines if "platform plugin" in line), lines[-1] if lines else "Qt stopped"
        )
        sys.stderr.write(f"neuraxis: the window cannot open: {reason}\n")
        sys.stderr.flush()
        os._exit(EXIT_CANNOT_OPEN)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        emit = {QtMsgType.QtDebugMsg: qDebug, QtMsgType.QtInfoMsg: qInfo, QtMsgType.QtWarningMsg: qWarning}
        for kind, message in held:
            emit.get(kind, qCritical)(message)
