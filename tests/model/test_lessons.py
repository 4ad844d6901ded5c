"""Lessons: the bundled ones are complete and sourced; broken lesson files are reported as
FILE:LINE: message by ``neuraxis validate`` (exit 1); ``neuraxis lessons`` lists them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import cli, paths
from app.cli import main
from app.model.content import Content
from app.model.errors import ContentError
from app.model.lessons import TABS, load_lessons
from app.model.loader import load_content
from app.model.state import Hide, Selection


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(paths.content_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first ``old`` and return its 1-based line."""
    text = path.read_text(encoding="utf-8")
    index = text.index(old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text.count("\n", 0, index) + 1


def test_the_bundled_lessons_are_complete_and_sourced(content: Content) -> None:
    lessons = {lesson.id: lesson for lesson in load_lessons(content)}
    assert {"umn-vs-lmn", "face-and-brainstem", "cord-syndromes", "time-course"} <= set(lessons)
    for lesson in lessons.values():
        assert 6 <= len(lesson.steps) <= 12, lesson.id
        assert lesson.audience
        for step in lesson.steps:
            assert step.prompt
            assert step.sources
            assert step.notes


def test_tabs_are_the_command_line_tabs() -> None:
    assert TABS == cli.TABS


def test_a_lesson_walks_reveals_then_steps(content: Content) -> None:
    lesson = next(x for x in load_lessons(content) if x.id == "time-course")
    selection = Selection(content)
    selection.set_stops(lesson.stops(content))
    selection.go_to(0)
    assert selection.sites == ("transection-t6",)
    assert selection.day == 1
    assert selection.shown.hide is Hide.FINDINGS
    steps = selection.shown.reveal_steps
    for _ in range(steps):
        selection.advance(1)
    assert selection.stop_index() == 0
    assert not selection.shown.hidden
    selection.advance(1)
    assert selection.stop_index() == 1
    assert selection.day == 14
    assert selection.shown.hidden, "the next step starts hidden again"
    selection.advance(-1)
    assert (selection.stop_index(), selection.day) == (0, 1)


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "sites: [internal-capsule-left]",
            "sites: [internal-capsule-middle]",
            "unknown site 'internal-capsule-middle'",
        ),
        ("    tab: compare\n", "    tab: comparison\n", "unknown tab 'comparison'"),
        ("sources: [SPU, SCd]", "sources: [SPU, NOPE]", "unknown source 'NOPE'"),
        ("sites: [radial-nerve-left]", "disease: no-such-disease", "unknown disease 'no-such-disease'"),
        ("    prompt: The muscle itself.", "    promt: The muscle itself.", "unknown field 'promt'"),
        ("sites: [muscle-left]", "sites: []", "a step shows sites or a disease"),
        ("[HM, DP].", "[HM, NOPE2].", "unknown source 'NOPE2' cited in the notes"),
    ],
)
def test_a_broken_lesson_is_file_line_and_exit_1(
    workdir: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, message: str
) -> None:
    path = workdir / "lessons" / "umn-vs-lmn.yaml"
    line = edit(path, old, new)
    assert main(["validate", str(workdir)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    where, _, text = err[0].partition(": ")
    assert where.startswith(f"{path}:")
    assert abs(int(where.rsplit(":", 1)[1]) - line) <= 1, (err, line)
    assert message in text
    with pytest.raises(ContentError):
        load_lessons(load_content(workdir))


def test_a_missing_prompt_names_the_step(workdir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = workdir / "lessons" / "cord-syndromes.yaml"
    step = edit(path, "  - sites: [posterior-columns-t6]", "  - sites: [posterior-columns-t6]")
    edit(
        path,
        "    prompt: Only the posterior columns. Is the patient weak? What does the Romberg test show?\n",
        "",
    )
    assert main(["validate", str(workdir)]) == 1
    assert capsys.readouterr().err.strip() == f"{path}:{step}: object missing required field 'prompt'"


def test_lessons_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lessons", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {
        "id": "umn-vs-lmn",
        "title": "Upper versus lower motor neuron, from cortex to muscle",
        "steps": 8,
    } in data
    assert all(set(item) == {"id", "title", "steps"} for item in data)
    assert main(["lessons"]) == 0
    assert "time-course" in capsys.readouterr().out
