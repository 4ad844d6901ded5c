"""Write files so that a reader never sees half of one: temporary file, then rename."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path


def _umask_mode() -> int:
    """The mode a new file gets from ``open()`` under the current umask (mkstemp would give 0600)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def write_atomically(target: Path, data: bytes, *, follow_link: bool = False) -> None:
    """Write ``data`` to a temporary file beside ``target``, flush it to disk, then rename it into
    place. On any failure the old file (if any) is left untouched and the error is raised.

    A link is replaced by the file, or with ``follow_link`` (a file the user named) followed: the
    file it points to is replaced, the link kept. An existing target that is not a regular file (a
    device such as ``/dev/full``, a pipe, a folder) is refused with an :class:`OSError`, never
    replaced by a file. A replaced file keeps its permissions."""
    if follow_link and target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        info = target.stat() if follow_link else target.lstat()
    except FileNotFoundError:
        mode = _umask_mode()
    else:
        if stat.S_ISLNK(info.st_mode):
            mode = _umask_mode()
        elif stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "it is a folder", str(target))
        elif not stat.S_ISREG(info.st_mode):
            raise OSError(0, "it is not a regular file (a device or a pipe)", str(target))
        else:
            mode = stat.S_IMODE(info.st_mode)
    target.parent.mkdir(parents=True, exist_ok=True)
    import tempfile  # (with shutil, bz2, lzma and random: 4 ms of a start that writes nothing)

    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):  # a file system without modes (FAT) keeps its default
            Path(temp).chmod(mode)
        Path(temp).replace(target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def write_cache(target: Path, data: bytes) -> None:
    """Like :func:`write_atomically` for caches: a failure to write is silently ignored."""
    try:
        write_atomically(target, data)
    except OSError:
        return


def write_cache_replacing(target: Path, data: bytes, stale: str) -> None:
    """Write a cache file and delete its predecessors (files in the same folder matching the
    glob ``stale``), so that a cache folder does not grow with every edit of the content.
    A cache that cannot be written or cleaned (a read-only folder, an old entry that is a folder)
    is left as it is: it is only a cache."""
    write_cache(target, data)
    try:
        for old in target.parent.glob(stale):
            if old != target and (old.is_symlink() or not old.is_dir()):
                old.unlink(missing_ok=True)
    except OSError:
        return


def write_user_file(target: Path, data: bytes) -> None:
    """Write a file the user asked for: atomically (:func:`write_atomically`), or, when ``target``
    is a device or a pipe (``/dev/stdout``, ``/dev/full``), straight into it. Every failure is
    raised as :class:`OSError` with a readable ``strerror``."""
    try:
        info = target.stat()
    except OSError:
        info = None
    if info is None or stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode):
        write_atomically(target, data, follow_link=True)
        return
    handle = os.open(target, os.O_WRONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        os.set_blocking(handle, True)
        view = memoryview(data)
        while view:
            view = view[os.write(handle, view) :]
    finally:
        os.close(handle)
