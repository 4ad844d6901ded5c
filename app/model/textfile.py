"""Reading a user-supplied text file with a size cap, every failure turned into a located problem."""

from __future__ import annotations

from pathlib import Path

from app.model.errors import ContentError, Problem


def read_text(path: Path, max_bytes: int) -> str:
    """Read a UTF-8 text file, turning every failure into a located problem."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ContentError(
                [Problem(path, 1, f"file is too large ({size:,} bytes; the limit is {max_bytes:,})")]
            )
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ContentError([Problem(path, 1, "file not found")]) from None
    except IsADirectoryError:
        raise ContentError([Problem(path, 1, "expected a file, found a folder")]) from None
    except OSError as error:
        raise ContentError([Problem(path, 1, f"cannot read file: {error.strerror or error}")]) from None
    if len(raw) > max_bytes:
        raise ContentError([Problem(path, 1, f"file is too large (the limit is {max_bytes:,} bytes)")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ContentError([Problem(path, line, "file is not valid UTF-8 text; save it as UTF-8")]) from None
