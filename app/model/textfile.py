"""Reading a user-supplied file safely: only a regular file, never more than a size cap, every
failure turned into a located problem.

A content folder may hold anything a file system can: a named pipe (opening it would wait for a
writer forever), a link to ``/dev/zero`` (reading it would never end), a folder, a link loop, a
file the user may not read. The file is opened without blocking, checked on the open handle (so
it cannot be swapped between the check and the read) and read with a cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from app.model.errors import ContentError, Problem

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a named pipe opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse(path: Path, message: str) -> ContentError:
    return ContentError([Problem(path, 1, message)])


def _open_error(path: Path, error: OSError) -> ContentError:
    if error.errno == errno.ENOENT:
        return _refuse(path, "file not found")
    if error.errno == errno.EISDIR or isinstance(error, IsADirectoryError):
        return _refuse(path, "expected a file, found a folder")
    if error.errno == errno.ELOOP:
        return _refuse(path, "cannot read file: a symbolic link loop (the link points back to itself)")
    return _refuse(path, f"cannot read file: {error.strerror or error}")


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path`` (links followed), at most ``max_bytes`` of them;
    raise :class:`ContentError` naming the file for anything else."""
    try:
        handle = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        raise _open_error(path, error) from None
    except ValueError:  # a NUL byte in the name
        raise _refuse(path, "cannot read file: the name is not valid") from None
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise _refuse(path, "expected a file, found a folder")
        for test, kind in _KINDS:
            if test(info.st_mode):
                raise _refuse(path, f"expected a plain file, found {kind}")
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(path, "expected a plain file")
        if info.st_size > max_bytes:
            raise _refuse(path, f"file is too large ({info.st_size:,} bytes; the limit is {max_bytes:,})")
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(handle, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise _refuse(path, f"cannot read file: {error.strerror or error}") from None
    finally:
        os.close(handle)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew while being read
        raise _refuse(path, f"file is too large (the limit is {max_bytes:,} bytes)")
    return data


def read_text(path: Path, max_bytes: int) -> str:
    """Read a UTF-8 text file (see :func:`read_bytes`), turning every failure into a located problem."""
    return decode_text(path, read_bytes(path, max_bytes))


def decode_text(path: Path, raw: bytes) -> str:
    """``raw`` (the bytes of ``path``) as UTF-8 text, or a problem naming the line that is not."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError([Problem(path, line, "file is not valid UTF-8 text; save it as UTF-8")]) from None


def check_folder(path: Path, what: str = "content folder") -> None:
    """Raise :class:`ContentError` (one line naming ``path``) unless it is a folder whose files can
    be opened: not missing, not a file, not a link loop, not closed to this user."""
    try:
        info = path.stat()
    except OSError as error:
        if error.errno == errno.ENOENT:
            raise _refuse(path, f"{what} not found") from None
        if error.errno == errno.ELOOP:
            raise _refuse(path, f"{what} is a symbolic link loop (the link points back to itself)") from None
        raise _refuse(path, f"cannot open the {what}: {error.strerror or error}") from None
    except ValueError:
        raise _refuse(path, f"cannot open the {what}: the name is not valid") from None
    if not stat.S_ISDIR(info.st_mode):
        raise _refuse(path, f"expected a {what}, found a file")
    effective = os.access in os.supports_effective_ids
    if not os.access(path, os.R_OK | os.X_OK, effective_ids=effective):
        raise _refuse(path, f"cannot open the {what}: permission denied")
