"""A cache of validated content, so that start-up does not parse and cross-check YAML each time.

The key is a SHA-256 of the application version, the content folder's path and the bytes of
every content file (and of the diagram when it is checked): any edit, however small, misses the
cache and the content is loaded and validated in full. The cache is msgpack decoded into the
typed :class:`~app.model.content.Content` (msgspec), never pickle, so a damaged or foreign file
can only fail to decode, which again means a full load.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import msgspec

from app import __version__
from app.model.atomic import write_cache_replacing
from app.model.content import CONTENT_FILES, Content, svg_for

CACHE_FORMAT = 1
MAX_HASHED_BYTES = 5_000_000


def _encode(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    raise NotImplementedError(type(value))


def _decode(kind: type, value: Any) -> Any:
    if kind is Path:
        return Path(value)
    raise NotImplementedError(kind)


def content_key(directory: Path, svg: Path, *, check_svg: bool) -> str | None:
    """The cache key, or None when a file is missing or too large (the full load reports it)."""
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{directory.resolve()}|{check_svg}".encode())
    files = [directory / f"{name}.yaml" for name in CONTENT_FILES]
    if check_svg:
        files.append(svg)
    for path in files:
        try:
            if path.stat().st_size > MAX_HASHED_BYTES:
                return None
            digest.update(f"|{path.name}|".encode())
            digest.update(path.read_bytes())
        except OSError:
            return None
    return digest.hexdigest()


def load_content_cached(
    directory: Path, *, check_svg: bool = False, cache_dir: Path | None = None, svg: Path | None = None
) -> Content:
    """:func:`~app.model.loader.load_content`, from the cache when nothing changed since last time."""
    svg_path = svg if svg is not None else svg_for(directory)
    key = content_key(directory, svg_path, check_svg=check_svg) if cache_dir is not None else None
    cache_file = cache_dir / f"content-{key[:32]}.msgpack" if cache_dir is not None and key else None
    if cache_file is not None and cache_file.exists():
        try:
            return msgspec.msgpack.decode(cache_file.read_bytes(), type=Content, dec_hook=_decode)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError, NotImplementedError):
            pass
    from app.model.loader import load_content  # YAML and the checks are only needed on a miss

    content = load_content(directory, svg=svg, check_svg=check_svg)
    if cache_file is not None:
        write_cache_replacing(
            cache_file, msgspec.msgpack.encode(content, enc_hook=_encode), "content-*.msgpack"
        )
    return content
