"""Where the bundled content and diagram live: one place that works from a source checkout,
an installed wheel (data under ``app/_data``) and a PyInstaller bundle (``sys._MEIPASS``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_root() -> Path:
    """The folder holding ``content/`` and ``assets/``."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "app" / "_data"
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent


def content_dir() -> Path:
    return data_root() / "content"


def svg_dir() -> Path:
    return data_root() / "assets" / "svg"


DRAWING_NAMES = {"diagram": "neuraxis.svg", "body": "body.svg", "cord": "cord.svg"}
"""The drawings, by role: the neuraxis diagram, the body map and the cord cross-section."""


def drawing(directory: Path, role: str) -> Path:
    """The drawing for ``role`` used with the content folder ``directory``: its own file where it
    has one (a link counts, even a broken one, so that a broken link is reported rather than
    silently replaced), else the bundled one."""
    own = directory / DRAWING_NAMES[role]
    return own if own.exists() or own.is_symlink() else svg_dir() / DRAWING_NAMES[role]


def cache_dir() -> Path:
    """Per-user cache folder (``NEURAXIS_CACHE_DIR`` overrides it); only ever holds data that can
    be rebuilt from content/ and assets/, so deleting it is always safe."""
    override = os.environ.get("NEURAXIS_CACHE_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "Neuraxis"
