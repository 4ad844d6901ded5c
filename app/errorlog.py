"""The log of unexpected errors (``neuraxis-error.log`` in the cache folder): details for a bug
report, kept small. Qt-free, so the command line can use it too."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

MAX_LOG_BYTES = 256_000
"""When the log would grow past this, it becomes ``NAME.1`` (replacing an older one) and a new
log starts: at most about twice this on disk, however often the app fails."""
_FLAGS = (
    os.O_WRONLY
    | os.O_APPEND
    | os.O_CREAT
    | getattr(os, "O_NONBLOCK", 0)  # a named pipe put in its place does not hang the app
    | getattr(os, "O_NOFOLLOW", 0)  # nor does a link send the text elsewhere
    | getattr(os, "O_CLOEXEC", 0)
)


def append_error(log: Path, text: str) -> None:
    """Append ``text`` to ``log``, rotating it first if it would pass :data:`MAX_LOG_BYTES`.
    Raises :class:`OSError` if the log cannot be written (the caller says so instead)."""
    data = text.encode("utf-8", "backslashreplace")
    if len(data) > MAX_LOG_BYTES // 2:  # a traceback of a deep recursion: its two ends say enough
        data = data[: MAX_LOG_BYTES // 4] + b"\n[...]\n" + data[-MAX_LOG_BYTES // 4 :]
    log.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        info = log.lstat()
        if stat.S_ISREG(info.st_mode) and info.st_size + len(data) > MAX_LOG_BYTES:
            log.replace(log.with_name(log.name + ".1"))
    handle = os.open(log, _FLAGS, 0o600)
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise OSError(0, "the log is not a regular file", str(log))
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)
