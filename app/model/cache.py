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
from app.model.content import CONTENT_FILES, Content, drawings_for
from app.model.lessons import Lesson, lesson_files

CACHE_FORMAT = 2
"""Raise it whenever the shape of Content changes, so no entry of older code is decoded."""
MAX_HASHED_BYTES = 5_000_000


def _encode(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    raise NotImplementedError(type(value))


def _decode(kind: type, value: Any) -> Any:
    if kind is Path:
        return Path(value)
    raise NotImplementedError(kind)


def content_key(directory: Path, svg: Path | None = None, *, check_svg: bool) -> str | None:
    """The cache key, or None when a file is missing or too large (the full load reports it).
    It covers every file the load reads: the YAML files, and with ``check_svg`` the three drawings
    (whose paths count in any case: a folder that gains its own body.svg misses the cache)."""
    drawings = drawings_for(directory, diagram=svg)
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{directory.resolve()}|{check_svg}".encode())
    digest.update("|".join(str(p) for p in drawings.paths()).encode())
    files = [directory / f"{name}.yaml" for name in CONTENT_FILES]
    if check_svg:
        files += drawings.paths()
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
    key = content_key(directory, svg, check_svg=check_svg) if cache_dir is not None else None
    # The window (drawings checked) and the command line (not) keep separate entries, so that
    # switching between them never evicts the other's.
    kind = "checked" if check_svg else "plain"
    cache_file = cache_dir / f"content-{kind}-{key[:32]}.msgpack" if cache_dir is not None and key else None
    if cache_file is not None and cache_file.exists():
        try:
            return msgspec.msgpack.decode(cache_file.read_bytes(), type=Content, dec_hook=_decode)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError, NotImplementedError):
            pass
    from app.model.loader import load_content  # YAML and the checks are only needed on a miss

    content = load_content(directory, svg=svg, check_svg=check_svg)
    if cache_file is not None:
        write_cache_replacing(
            cache_file, msgspec.msgpack.encode(content, enc_hook=_encode), f"content-{kind}-*.msgpack"
        )
    return content


def load_lessons_cached(content: Content, cache_dir: Path | None) -> tuple[Lesson, ...]:
    """:func:`~app.model.lessons.load_lessons`, from the cache when neither the lessons nor the
    content changed (reading them imports PyYAML and parses every lesson: about 25 ms of start-up).
    Lessons with problems are never cached: the full load raises them again."""
    from app.model.lessons import load_lessons

    key = content_key(content.directory, check_svg=False) if cache_dir is not None else None
    cache_file = None
    if cache_dir is not None and key is not None:
        digest = hashlib.sha256(f"lessons|{key}".encode())
        try:
            for path in lesson_files(content.directory):
                if path.stat().st_size > MAX_HASHED_BYTES:
                    return load_lessons(content)
                digest.update(f"|{path.name}|".encode())
                digest.update(path.read_bytes())
        except OSError:
            return load_lessons(content)
        cache_file = cache_dir / f"lessons-{digest.hexdigest()[:32]}.msgpack"
        if cache_file.exists():
            try:
                return msgspec.msgpack.decode(
                    cache_file.read_bytes(), type=tuple[Lesson, ...], dec_hook=_decode
                )
            except (OSError, msgspec.DecodeError, msgspec.ValidationError, NotImplementedError):
                pass
    lessons = load_lessons(content)
    if cache_file is not None:
        write_cache_replacing(
            cache_file, msgspec.msgpack.encode(lessons, enc_hook=_encode), "lessons-*.msgpack"
        )
    return lessons
