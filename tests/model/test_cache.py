"""The validated-content cache: same answers as a full load, and never stale."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import paths
from app.model import cache as cache_module
from app.model.cache import load_content_cached, load_lessons_cached
from app.model.errors import ContentError
from app.model.findings import evaluate
from app.model.lessons import load_lessons
from app.model.loader import load_content


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(paths.content_dir(), target)
    return target


def test_cached_content_equals_a_full_load(workdir: Path, tmp_path: Path) -> None:
    fresh = load_content(workdir)
    first = load_content_cached(workdir, cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").glob("content-*.msgpack"))
    second = load_content_cached(workdir, cache_dir=tmp_path / "cache")
    assert first == fresh
    assert second == fresh
    for site in ("internal-capsule-left", "anterior-horn-c5-right", "neuromuscular-junction-left"):
        assert evaluate(second, [site]) == evaluate(fresh, [site])


def test_a_hit_does_not_parse_yaml(workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_content_cached(workdir, cache_dir=tmp_path)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the content was parsed again")

    monkeypatch.setattr("app.model.loader.load_content", refuse)
    assert load_content_cached(workdir, cache_dir=tmp_path).sites


def test_any_edit_misses_the_cache(workdir: Path, tmp_path: Path) -> None:
    before = load_content_cached(workdir, cache_dir=tmp_path)
    path = workdir / "diseases.yaml"
    path.write_text(path.read_text().replace("name: Bell palsy", "name: Bell's palsy"))
    after = load_content_cached(workdir, cache_dir=tmp_path)
    assert before.diseases_by_id["bell-palsy"].name == "Bell palsy"
    assert after.diseases_by_id["bell-palsy"].name == "Bell's palsy"


def test_broken_content_is_reported_not_cached(workdir: Path, tmp_path: Path) -> None:
    (workdir / "faq.yaml").write_text("faq: [\n")
    with pytest.raises(ContentError):
        load_content_cached(workdir, cache_dir=tmp_path)
    assert not list(tmp_path.glob("content-*"))


def test_damaged_cache_file_falls_back_to_a_full_load(workdir: Path, tmp_path: Path) -> None:
    load_content_cached(workdir, cache_dir=tmp_path)
    (cache_file,) = tmp_path.glob("content-*.msgpack")
    cache_file.write_bytes(b"\x93not msgpack at all")
    assert load_content_cached(workdir, cache_dir=tmp_path) == load_content(workdir)


def test_key_covers_version_and_files(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    svg = paths.svg_dir() / "neuraxis.svg"
    key = cache_module.content_key(workdir, svg, check_svg=True)
    assert key == cache_module.content_key(workdir, svg, check_svg=True)
    assert key != cache_module.content_key(workdir, svg, check_svg=False)
    monkeypatch.setattr(cache_module, "__version__", "99.0")
    assert key != cache_module.content_key(workdir, svg, check_svg=True)
    (workdir / "faq.yaml").unlink()
    assert cache_module.content_key(workdir, svg, check_svg=True) is None


def test_a_new_cache_file_replaces_the_old_one(workdir: Path, tmp_path: Path) -> None:
    load_content_cached(workdir, cache_dir=tmp_path)
    path = workdir / "faq.yaml"
    path.write_text(path.read_text() + "\n# edited\n")
    load_content_cached(workdir, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("content-*.msgpack"))) == 1


def test_key_covers_the_body_map_and_cord_drawings(workdir: Path, tmp_path: Path) -> None:
    """The window loads with the drawings checked: an edit of a folder's own body.svg that breaks it
    misses the cache and is reported, instead of starting from the stale entry."""
    shutil.copy(paths.svg_dir() / "body.svg", workdir / "body.svg")
    shutil.copy(paths.svg_dir() / "cord.svg", workdir / "cord.svg")
    assert load_content_cached(workdir, check_svg=True, cache_dir=tmp_path).sites
    for name, element in (("body.svg", "body-hand-left"), ("cord.svg", "xs-dorsal-column-left")):
        path = workdir / name
        good = path.read_text()
        path.write_text(good.replace(f'id="{element}"', 'id="renamed"'))
        with pytest.raises(ContentError, match=element.removesuffix("-left")):
            load_content_cached(workdir, check_svg=True, cache_dir=tmp_path)
        path.write_text(good)


def test_the_window_and_the_command_line_keep_their_own_entries(workdir: Path, tmp_path: Path) -> None:
    load_content_cached(workdir, check_svg=True, cache_dir=tmp_path)
    load_content_cached(workdir, check_svg=False, cache_dir=tmp_path)
    assert len(list(tmp_path.glob("content-checked-*.msgpack"))) == 1
    assert len(list(tmp_path.glob("content-plain-*.msgpack"))) == 1


def test_cached_lessons_equal_a_full_load_and_a_hit_parses_nothing(
    workdir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = load_content(workdir)
    fresh = load_lessons(content)
    assert fresh
    assert load_lessons_cached(content, tmp_path) == fresh
    assert list(tmp_path.glob("lessons-*.msgpack"))

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the lessons were parsed again")

    monkeypatch.setattr("app.model.lessons.load_lessons", refuse)
    assert load_lessons_cached(content, tmp_path) == fresh


def test_an_edited_lesson_misses_the_cache_and_a_broken_one_is_not_cached(
    workdir: Path, tmp_path: Path
) -> None:
    content = load_content(workdir)
    first = load_lessons_cached(content, tmp_path)
    path = sorted((workdir / "lessons").glob("*.yaml"))[0]
    lesson = next(x for x in first if x.path.name == path.name)
    path.write_text(path.read_text().replace(f"title: {lesson.title}", "title: Edited title", 1))
    edited = load_lessons_cached(content, tmp_path)
    assert "Edited title" in [x.title for x in edited]
    assert len(list(tmp_path.glob("lessons-*.msgpack"))) == 1  # the old entry replaced
    path.write_text("id: [\n")
    with pytest.raises(ContentError):
        load_lessons_cached(content, tmp_path)
    assert len(list(tmp_path.glob("lessons-*.msgpack"))) == 1
