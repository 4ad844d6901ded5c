"""A cache of validated content, so that start-up does not parse and cross-check YAML each time.

The key is a BLAKE2b hash of the application version, the content folder's path and the bytes of
every content file (and of the diagram when it is checked): any edit, however small, misses the
cache and the content is loaded and validated in full. The cache is msgpack decoded into the
typed :class:`~app.model.content.Content` (msgspec), never pickle, so a damaged or foreign file
can only fail to decode, which again means a full load.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import msgspec

from app import __version__
from app.model.atomic import write_cache_replacing
from app.model.content import CONTENT_FILES, Content, drawings_for
from app.model.digest import new_digest
from app.model.errors import ContentError
from app.model.lessons import Lesson, lesson_files
from app.model.textfile import read_bytes

CACHE_FORMAT = 3
"""Raise it whenever the shape of Content changes, so no entry of older code is decoded."""
MAX_HASHED_BYTES = 5_000_000
MAX_ENTRY_BYTES = 64_000_000
"""A cache entry larger than this is not ours (the bundled content's is about a megabyte)."""


def _encode(value: Any) -> Any:
    if isinstance(value, Path):
        return os.fsencode(value)  # the file system's bytes: a name need not be valid UTF-8
    raise NotImplementedError(type(value))


def _decode(kind: type, value: Any) -> Any:
    if kind is Path and isinstance(value, bytes | str):
        return Path(os.fsdecode(value))
    raise NotImplementedError(kind)


def content_key(directory: Path, svg: Path | None = None, *, check_svg: bool) -> str | None:
    """The cache key, or None when a file is missing or too large (the full load reports it).
    It covers every file the load reads: the YAML files, and with ``check_svg`` the three drawings
    (whose paths count in any case: a folder that gains its own body.svg misses the cache)."""
    try:
        drawings = drawings_for(directory, diagram=svg)
        # Paths as the bytes the file system knows (a name need not be valid UTF-8).
        folder = os.fsencode(directory.resolve())
        drawing_paths = b"|".join(os.fsencode(p) for p in drawings.paths())
    except (OSError, RuntimeError):  # unreadable folder, link loop: the full load says which
        return None
    digest = new_digest(f"{CACHE_FORMAT}|{__version__}|".encode() + folder + f"|{check_svg}".encode())
    digest.update(drawing_paths)
    files = [directory / f"{name}.yaml" for name in CONTENT_FILES]
    if check_svg:
        files += drawings.paths()
    for path in files:
        try:  # only regular files, read with a cap: never a pipe or /dev/zero
            data = read_bytes(path, MAX_HASHED_BYTES)
        except ContentError:
            return None
        digest.update(f"|{path.name}|".encode())
        digest.update(data)
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
    if cache_file is not None:
        try:
            data = read_bytes(cache_file, MAX_ENTRY_BYTES)
            return msgspec.msgpack.decode(data, type=Content, dec_hook=_decode)
        except (ContentError, msgspec.DecodeError, msgspec.ValidationError, NotImplementedError):
            pass  # no entry, or not one we can use: load in full
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
        digest = new_digest(f"lessons|{key}".encode())
        try:  # only regular files, read with a cap (as for the content): never a pipe or /dev/zero
            for path in lesson_files(content.directory):
                digest.update(f"|{path.name}|".encode())
                digest.update(read_bytes(path, MAX_HASHED_BYTES))
        except (OSError, ContentError):
            return load_lessons(content)  # which names the file that is wrong
        cache_file = cache_dir / f"lessons-{digest.hexdigest()[:32]}.msgpack"
        try:
            return msgspec.msgpack.decode(
                read_bytes(cache_file, MAX_ENTRY_BYTES), type=tuple[Lesson, ...], dec_hook=_decode
            )
        except (ContentError, msgspec.DecodeError, msgspec.ValidationError, NotImplementedError):
            pass  # no entry, or not one we can use
    lessons = load_lessons(content)
    if cache_file is not None:
        write_cache_replacing(
            cache_file, msgspec.msgpack.encode(lessons, enc_hook=_encode), "lessons-*.msgpack"
        )
    return lessons
