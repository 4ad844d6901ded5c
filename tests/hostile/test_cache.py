"""A cache folder the app cannot use as it would like (issue 12, item 3): read-only with an old
entry (``internal error: PermissionError``), an old entry that is a folder (``IsADirectoryError``),
an entry that is a pipe or a folder. The cache is only a cache: the commands and the window work
without it, quietly. And the window and the command line keep their own entries (item 12)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app import paths
from app.model import cache as cache_module
from app.model.cache import load_content_cached
from app.model.geometry import load_geometry
from tests.hostile.conftest import as_other_user, cli, copy_content

pytestmark = pytest.mark.usefixtures("qapp")


def use_cache(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Path:
    monkeypatch.setenv("NEURAXIS_CACHE_DIR", str(folder))
    return folder


def window_loads(content: Path) -> None:
    """What the window reads at start-up, through the cache, as ``launch.run`` does (the rest of the
    window never touches the cache; tests/hostile/test_window.py starts the real thing)."""
    loaded = load_content_cached(content, check_svg=True, cache_dir=paths.cache_dir())
    load_geometry(loaded.drawings.diagram, [s.id for s in loaded.sites], paths.cache_dir())


def test_a_read_only_cache_folder_with_old_entries(
    shared_tmp: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(shared_tmp / "content")
    cache = use_cache(monkeypatch, shared_tmp / "cache")
    cache.mkdir()
    for old in ("content-plain-0123.msgpack", "content-checked-0123.msgpack", "geometry-neuraxis-0123.json"):
        (cache / old).write_bytes(b"an entry of an older version")
    cache.chmod(0o555)
    with as_other_user():
        for argv in (["sites", "--content", str(content)], ["validate", "--content", str(content)]):
            outcome = cli(capsys, *argv)
            assert (outcome.code, outcome.err) == (0, ""), argv
        for _ in range(2):
            window_loads(content)
    assert sorted(p.name for p in cache.iterdir())[0] == "content-checked-0123.msgpack", "nothing removed"


def test_old_entries_that_are_folders_or_pipes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(tmp_path / "content")
    cache = use_cache(monkeypatch, tmp_path / "cache")
    cache.mkdir()
    (cache / "content-plain-0123.msgpack").mkdir()
    (cache / "content-checked-0123.msgpack").mkdir()
    os.mkfifo(cache / "geometry-neuraxis-0123.json")
    for _ in range(2):  # written, then read back
        outcome = cli(capsys, "sites", "--content", str(content))
        assert (outcome.code, outcome.err) == (0, "")
        window_loads(content)
    assert (cache / "content-plain-0123.msgpack").is_dir(), "a folder is not ours to remove"


def test_the_entry_itself_is_a_folder_or_a_pipe(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    key = cache_module.content_key(content, check_svg=False)
    assert key is not None
    (tmp_path / f"content-plain-{key[:32]}.msgpack").mkdir()
    assert load_content_cached(content, cache_dir=tmp_path).sites
    sites = [s.id for s in load_content_cached(content, cache_dir=tmp_path).sites]
    svg = content / "neuraxis.svg"
    geometry = load_geometry(svg, sites, tmp_path)
    (entry,) = tmp_path.glob("geometry-*.json")
    entry.unlink()
    os.mkfifo(entry)
    assert load_geometry(svg, sites, tmp_path) == geometry  # not stuck reading the pipe


def test_a_cache_path_that_is_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    content = copy_content(tmp_path / "content")
    use_cache(monkeypatch, tmp_path / "cache").write_text("not a folder")
    outcome = cli(capsys, "findings", "internal-capsule-left", "--content", str(content))
    assert (outcome.code, outcome.err) == (0, "")
    window_loads(content)


def test_a_huge_entry_is_not_read(tmp_path: Path) -> None:
    content = copy_content(tmp_path / "content")
    key = cache_module.content_key(content, check_svg=False)
    assert key is not None
    entry = tmp_path / f"content-plain-{key[:32]}.msgpack"
    entry.symlink_to("/dev/zero")
    assert load_content_cached(content, cache_dir=tmp_path).sites


def test_the_window_and_the_command_line_keep_their_own_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12, item 12: each wrote its entry and deleted the other's, so that every switch between
    the window and the command line cost a full load. After one load each, both are hits."""
    content = copy_content(tmp_path / "content")
    for check_svg in (True, False):
        load_content_cached(content, check_svg=check_svg, cache_dir=tmp_path)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the content was loaded again: the cache entry was evicted")

    monkeypatch.setattr("app.model.loader.load_content", refuse)
    for check_svg in (True, False, True, False):
        assert load_content_cached(content, check_svg=check_svg, cache_dir=tmp_path).sites


def test_the_bundled_content_is_read_from_the_cache_it_wrote(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same through the public entry points: the data commands, then the window's load."""
    directory = paths.content_dir()
    cache = paths.cache_dir()
    load_content_cached(directory, check_svg=False, cache_dir=cache)
    load_content_cached(directory, check_svg=True, cache_dir=cache)
    monkeypatch.setattr("app.model.loader.load_content", lambda *a, **k: pytest.fail("loaded again"))
    assert load_content_cached(directory, check_svg=False, cache_dir=cache).sites
    assert load_content_cached(directory, check_svg=True, cache_dir=cache).sites


def test_a_cache_entry_that_is_a_link_is_replaced_not_followed(tmp_path: Path) -> None:
    """Whoever can put a link in the cache folder must not make the app overwrite the file it
    points to (a file the user named, a screenshot, is written through a link on purpose)."""
    content = copy_content(tmp_path / "content")
    key = cache_module.content_key(content, check_svg=False)
    assert key is not None
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    entry = tmp_path / f"content-plain-{key[:32]}.msgpack"
    entry.symlink_to(victim)
    assert load_content_cached(content, cache_dir=tmp_path).sites
    assert victim.read_text() == "precious"
    assert not entry.is_symlink()
    assert load_content_cached(content, cache_dir=tmp_path).sites
