"""What the window remembers between runs (size, splitters, last tab, text scale...), in one place.

Qt's QSettings stores it in the user's configuration folder (on Linux ``~/.config/Neuraxis``, honouring
``XDG_CONFIG_HOME``; ``NEURAXIS_CONFIG_DIR`` overrides it, e.g. for tests) and replaces the file as a
whole when it writes. A settings file that cannot be read is moved aside, never deleted, and the app
starts with defaults and says so once (:attr:`Settings.problem`).
"""

from __future__ import annotations

import math
import os
import stat
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QSettings, QStandardPaths

T = TypeVar("T", int, float, str, bool)
FILE_NAME = "neuraxis.ini"


def config_dir() -> Path:
    override = os.environ.get("NEURAXIS_CONFIG_DIR")
    if override:
        return Path(override)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(location) / "Neuraxis"


class Settings:
    """Typed access to the remembered settings; a value of the wrong type reads as its default."""

    def __init__(self, directory: Path | None = None) -> None:
        self.path = (directory or config_dir()) / FILE_NAME
        self._memory: dict[str, object] | None = None
        """The settings of this run only, when there is no file to keep them in."""
        self.problem = ""
        """A message for the user when the file could not be read (and was moved aside)."""
        if not _plain_or_missing(self.path):  # a pipe would hang Qt's read, /dev/zero never end
            self._set_aside()
            return
        self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qt.status() != QSettings.Status.NoError:
            self._set_aside()

    def _set_aside(self) -> None:
        aside = self.path.with_name(self.path.name + ".unreadable")
        try:
            self.path.replace(aside)
            self.problem = f"{self.path}: the settings could not be read; they were moved to {aside.name}."
        except OSError as error:
            self.problem = f"{self.path}: the settings could not be read ({error.strerror or error})."
        # Still a pipe or a device (it could not be moved): defaults, kept in memory for this run.
        # Never a QSettings on a device: it saves by replacing the file, and as root that would
        # turn /dev/null itself into a regular file.
        if _plain_or_missing(self.path):
            self._qt = QSettings(str(self.path), QSettings.Format.IniFormat)
        else:
            self._memory = {}

    def _value(self, key: str, default: object) -> object:
        if self._memory is not None:
            return self._memory.get(key, default)
        return self._qt.value(key, default)

    def get(self, key: str, default: T) -> T:
        value = self._value(key, default)
        kind = type(default)
        if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
            return value
        if isinstance(value, str):  # INI files store everything as text
            try:
                if kind is bool:
                    return kind(value.strip().lower() in ("true", "1", "yes"))
                if kind is float and not math.isfinite(float(value)):  # "nan", "inf", "1e999"
                    return default
                return kind(value)
            except ValueError:
                return default
        return default

    def get_bytes(self, key: str) -> bytes:
        value = self._value(key, b"")
        return bytes(value) if isinstance(value, bytes | bytearray) else b""

    def set(self, key: str, value: int | float | str | bool | bytes) -> None:
        if self._memory is not None:
            self._memory[key] = value
        else:
            self._qt.setValue(key, value)

    def save(self) -> str:
        """Write now; returns "" or a message naming the file when it could not be written."""
        if self._memory is not None:
            return f"{self.path}: the settings could not be saved (it is not a regular file)."
        self._qt.sync()
        if self._qt.status() != QSettings.Status.NoError:
            return f"{self.path}: the settings could not be saved."
        return ""


def _plain_or_missing(path: Path) -> bool:
    """Whether ``path`` (links followed) is a regular file, or nothing at all."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except FileNotFoundError:  # (a broken link too: nothing to read)
        return True
    except OSError:  # a link loop, a folder closed to us
        return False
