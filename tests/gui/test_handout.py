"""PDF handouts: a page per lesson step (or one for a selection) with the drawings, the expected signs
in words, the prompt and the sources, as real text; clear errors and nothing half-written."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths
from app.cli import main
from app.model.content import Content
from app.model.lessons import load_lessons
from app.ui.classroom.install import export_handout
from app.ui.classroom.lesson import LessonRunner
from app.ui.handout import MARGIN_PT, _Block, _slices
from tests.gui.conftest import dialog_after, open_main_window
from tests.gui.test_main_window import run_app

pytestmark = pytest.mark.gui


def pages(pdf: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def pdf_text(pdf: Path, page: int | None = None) -> str:
    """The PDF's text (one page's, or all) as a reader extracts it (poppler's pdftotext; .ci/run
    installs it)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the handout back")
    only = ["-f", str(page), "-l", str(page)] if page is not None else []
    text = subprocess.run([tool, *only, str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.replace("\ufb02", "fl").replace("\ufb01", "fi")  # DejaVu's ligatures, as glyphs


def test_a_lesson_handout_has_a_page_per_step_with_its_words(tmp_path: Path, content: Content) -> None:
    out = tmp_path / "umn.pdf"
    result = run_app("handout", "--lesson", "umn-vs-lmn", "--out", str(out))
    assert result.returncode == 0, result.stderr
    lesson = next(x for x in load_lessons(content) if x.id == "umn-vs-lmn")
    assert out.read_bytes().startswith(b"%PDF")
    assert pages(out) == len(lesson.steps)
    text = pdf_text(out)
    assert "step 1 of 8" in text
    assert "Right side of the body" in text
    assert "Brisk tendon reflexes" in text
    assert "(UMN lesion)" in text
    assert "Pure motor stroke as the most" in text  # the step's source, cited on its page
    assert "Patient's right" in text, "the diagram is drawn as vectors, its labels as text"
    assert not list(tmp_path.glob(".*")), "no temporary file left behind"


def test_the_teachers_copy_of_a_lesson_has_each_steps_notes(tmp_path: Path, content: Content) -> None:
    """``--teacher``: every page says it is the teacher's copy and gives the step's notes (with the
    sources they cite); the class's handout of the same lesson has none of them."""
    lesson = next(x for x in load_lessons(content) if x.id == "umn-vs-lmn")
    teacher, students = tmp_path / "teacher.pdf", tmp_path / "class.pdf"
    result = run_app("handout", "--lesson", lesson.id, "--teacher", "--out", str(teacher))
    assert result.returncode == 0, result.stderr
    assert run_app("handout", "--lesson", lesson.id, "--out", str(students)).returncode == 0
    assert pages(teacher) == len(lesson.steps)
    text, class_text = pdf_text(teacher), pdf_text(students)
    assert text.count("(teacher's copy)") == len(lesson.steps)
    assert text.count("Notes for the teacher") == len(lesson.steps)
    assert "Ask for a show of hands on the side first" in " ".join(text.split())  # step 1's note
    assert "Notes for the teacher" not in class_text
    assert "show of hands" not in class_text
    assert "teacher's copy" not in class_text


def test_the_teachers_copy_needs_a_lesson(tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    result = run_app("handout", "internal-capsule-left", "--teacher", "--out", str(out))
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "neuraxis: error: --teacher adds a lesson's notes for the teacher: give --lesson ID with it"
    )
    assert not out.exists()


def test_a_selection_handout_on_letter_paper(tmp_path: Path) -> None:
    out = tmp_path / "hemi.pdf"
    result = run_app("handout", "hemisection-c5-left", "--out", str(out), "--paper", "letter")
    assert result.returncode == 0, result.stderr
    assert pages(out) == 2, "letter paper is shorter than A4: the sources run on to a second sheet"
    assert re.search(rb"/MediaBox\s*\[\s*0 0 612(\.0+)? 792(\.0+)?\s*\]", out.read_bytes())
    text = pdf_text(out)
    assert "Left hemisection of the cord at C5" in text
    assert "Left side of the body" in text
    assert "pain and temperature" in text.lower()
    assert " ".join(pdf_text(out, page=2).split()).startswith(
        "Left hemisection of the cord at C5 (Brown-Sequard) (continued)"
    )


def text_bottoms(pdf: Path) -> list[tuple[float, float]]:
    """Each page's height and the lowest edge of its text, in points (pdftotext -bbox)."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is needed to read the handout back")
    boxes = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    found = []
    for page in boxes.split("<page ")[1:]:
        height = re.match(r'width="[\d.]+" height="([\d.]+)"', page)
        assert height is not None, page[:80]
        found.append((float(height.group(1)), max(map(float, re.findall(r'yMax="([\d.]+)"', page)))))
    return found


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_words_too_long_for_their_page_run_on_at_a_legible_size(
    tmp_path: Path, content: Content, paper: str
) -> None:
    """ALS strikes nearly every region on both sides and cites twenty sources: rather than shrink
    them all onto one sheet (to about a fifth of their size), the words continue on sheets of their
    own, each titled as continued, and no sheet ends on a heading or runs into its bottom margin."""
    out = tmp_path / "als.pdf"
    result = run_app("handout", "--disease", "als", "--out", str(out), "--paper", paper)
    assert result.returncode == 0, result.stderr
    sheets = pages(out)
    assert sheets > 1
    assert result.stdout.strip() == f"wrote {out} ({sheets} pages)"
    name = content.diseases_by_id["als"].name
    for sheet in range(1, sheets + 1):
        words = pdf_text(out, page=sheet)
        title = name if sheet == 1 else f"{name} (continued)"
        assert " ".join(words.split()).startswith(title), sheet
        last = [line for line in words.splitlines() if line.strip()][-1]
        assert last not in {"Right side of the body", "Left side of the body", "Sources"}, sheet
    text = " ".join(pdf_text(out).split())
    assert "Left side of the body" in text
    # each side's line once: no line at a cut is also drawn, clipped away, on the other sheet
    assert text.count("Lower face (UMN lesion) \u2014 Weakness, Brisk jaw jerk") == 2
    assert text.count("Tongue (UMN, LMN lesion)") == 2
    for sheet, (height, lowest) in enumerate(text_bottoms(out), start=1):
        assert height - lowest >= MARGIN_PT, f"sheet {sheet}: text {height - lowest:.0f} pt from the edge"
    assert all(f"{key} \u2014" in text for key in content.diseases_by_id["als"].cites), "every source"


def test_a_page_is_cut_above_a_block_that_does_not_fit_and_never_after_a_heading() -> None:
    blocks = [_Block(0, 10, heading=False), _Block(10, 20, heading=True), _Block(20, 30, heading=False)]
    assert _slices(blocks, 30, first=25, then=100) == [(0, 10), (10, 30)]  # the heading goes on
    blocks[1] = _Block(10, 20, heading=False)
    assert _slices(blocks, 30, first=25, then=100) == [(0, 20), (20, 30)]
    assert _slices(blocks, 30, first=25, then=5) == [(0, 20), (20, 30)]  # taller than a page: alone
    assert _slices(blocks, 30, first=40, then=5) == [(0, 30)]


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["--lesson", "nope"], 2, "unknown lesson 'nope'"),
        (["no-such-site"], 2, "unknown id 'no-such-site'"),
        (["--disease", "nope"], 2, "unknown id 'nope'"),
        ([], 2, "give one of"),
        (["internal-capsule-left", "--lesson", "umn-vs-lmn"], 2, "give one of"),
        (["internal-capsule-left", "--day", "-3"], 2, "day -3 is outside 0..3650"),
    ],
)
def test_bad_ids_are_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], code: int, message: str
) -> None:
    out = tmp_path / "x.pdf"
    assert main(["handout", *argv, "--out", str(out)]) == code
    err = capsys.readouterr().err
    assert err.strip().startswith("neuraxis: error:")
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_an_unwritable_path_is_one_line_and_leaves_the_old_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "x.pdf"
    result = run_app("handout", "internal-capsule-left", "--out", str(missing))
    assert result.returncode == 1
    assert (
        result.stderr.strip()
        == f"{missing}:1: could not write the handout: the path is in a folder that does not exist"
    )
    locked = tmp_path / "locked"
    locked.mkdir()
    old = locked / "old.pdf"
    old.write_bytes(b"the user's file")
    locked.chmod(0o500)
    try:
        result = run_app("handout", "internal-capsule-left", "--out", str(old))
        if result.returncode == 0:  # running as root: permissions do not stop the write
            assert old.read_bytes().startswith(b"%PDF")
        else:
            assert result.returncode == 1
            assert result.stderr.startswith(f"{old}:1: could not write the handout")
            assert old.read_bytes() == b"the user's file"
    finally:
        locked.chmod(0o700)


def test_broken_content_is_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "content"
    shutil.copytree(paths.content_dir(), broken)
    (broken / "faq.yaml").write_text("faq: [", encoding="utf-8")
    argv = ["handout", "--content", str(broken), "internal-capsule-left", "--out", str(tmp_path / "x.pdf")]
    assert main(argv) == 1
    assert capsys.readouterr().err.startswith(f"{broken / 'faq.yaml'}:")
    assert not (tmp_path / "x.pdf").exists()


def test_file_menu_exports_the_running_lesson(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_main_window(qtbot, content, 1280, 720)
    runner = window.findChild(LessonRunner)
    assert runner is not None
    assert any(a.text() == "Export handout (PDF)..." for a in window.actions())
    runner.start(next(x for x in load_lessons(content) if x.id == "time-course"))
    out = tmp_path / "course.pdf"
    assert export_handout(window, runner, str(out)) is None
    assert pages(out) >= 6  # a page per step (a long one runs on)
    assert all(f"step {n} of 6" in pdf_text(out) for n in range(1, 7))
    assert any(a.text() == "Export teacher's handout (PDF)..." for a in window.actions())
    notes = tmp_path / "course-teacher.pdf"
    assert export_handout(window, runner, str(notes), teacher=True) is None
    assert pages(notes) >= 6
    assert "Notes for the teacher" in pdf_text(notes)
    assert "Notes for the teacher" not in pdf_text(out)


def test_the_teachers_handout_without_a_lesson_says_to_start_one(qtbot: QtBot, content: Content) -> None:
    window = open_main_window(qtbot, content, 1280, 720)
    window.selection.select("internal-capsule-left")
    action = next(a for a in window.actions() if a.text() == "Export teacher's handout (PDF)...")
    _, seen = dialog_after(action.trigger)
    assert len(seen) == 1
    assert seen[0].startswith("Start a lesson first")
