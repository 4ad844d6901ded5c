"""Write files so that a reader never sees half of one: temporary file, then rename."""

from __future__ import annotations

import os
from pathlib import Path


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, flush it to disk, then rename it into
    place. On any failure the old file (if any) is left untouched and the error is raised."""
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
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
