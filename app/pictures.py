"""Which picture formats the window and its plots can be saved in, named by the file's suffix.
Qt-free, so that the command line refuses a wrong name before Qt starts."""

from __future__ import annotations

from pathlib import Path

FORMATS = {
    ".png": "PNG",
    ".jpg": "JPEG",
    ".jpeg": "JPEG",
    ".bmp": "BMP",
    ".webp": "WEBP",
    ".tif": "TIFF",
    ".tiff": "TIFF",
}
"""Suffix -> Qt image format; a name without a suffix is saved as PNG."""


def picture_format(path: Path) -> str | None:
    """The format ``path``'s suffix names (PNG without one), or None for a suffix we cannot write."""
    suffix = path.suffix.lower()
    return FORMATS.get(suffix) if suffix else "PNG"


def unknown_format_message(path: Path) -> str:
    names = ", ".join(sorted(FORMATS))
    return f"cannot save a picture as {path.suffix!r}; name the file with one of: {names}"
