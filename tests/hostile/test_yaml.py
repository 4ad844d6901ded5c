"""Hostile YAML: bombs, tags, numbers that are not numbers, work without end. Each is refused in one
line naming the file and line, by ``validate``, the Qt-free commands and the window, quickly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.model.yamlload import MAX_CONTENT_BYTES, MAX_DEPTH
from tests.hostile.conftest import Build, assert_refused, cli, refused_by_commands, window

pytestmark = pytest.mark.usefixtures("cache", "qapp")


def replace_re(path: Path, pattern: str, new: str) -> int:
    """Replace the first match of ``pattern`` with ``new``; return the line it was on."""
    text = path.read_text(encoding="utf-8")
    match = re.search(pattern, text, re.MULTILINE)
    assert match is not None, pattern
    path.write_text(text[: match.start()] + new + text[match.end() :], encoding="utf-8")
    return text.count("\n", 0, match.start()) + 1


def whole_file(name: str, text: str, line: int, message: str) -> Build:
    def build(folder: Path) -> tuple[Path, int, str]:
        (folder / name).write_text(text, encoding="utf-8")
        return folder / name, line, message

    return build


ALIAS_BOMB = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{c}: &{c} [{', '.join([f'*{chr(ord(c) - 1)}'] * 9)}]\n" for c in "bcdefghi"
)


def physiology(pattern: str, new: str, message: str) -> Build:
    def build(folder: Path) -> tuple[Path, int, str]:
        path = folder / "physiology.yaml"
        return path, replace_re(path, pattern, new), message

    return build


def axis_upside_down(folder: Path) -> tuple[Path, int, str]:
    path = folder / "physiology.yaml"
    text = path.read_text(encoding="utf-8")
    minimum = re.search(r"^    minimum: (\S+)$", text, re.MULTILINE)
    assert minimum is not None
    line = replace_re(path, r"^    maximum: \S+$", f"    maximum: {float(minimum.group(1)) - 1}")
    return path, line, "maximum must be above minimum"


def not_utf8(folder: Path) -> tuple[Path, int, str]:
    path = folder / "signs.yaml"
    data = path.read_bytes()
    index = data.index(b"name:", 200)
    path.write_bytes(data[:index] + b"\xff" + data[index:])
    return path, data[:index].count(b"\n") + 1, "not valid UTF-8"


def huge(folder: Path) -> tuple[Path, int, str]:
    path = folder / "faq.yaml"
    with path.open("a", encoding="utf-8") as stream:
        stream.write(("# padding " + "x" * 90 + "\n") * (MAX_CONTENT_BYTES // 100 + 1))
    return path, 1, "file is too large"


def rule_day(folder: Path) -> tuple[Path, int, str]:
    path = folder / "signs.yaml"
    return path, replace_re(path, r"from_day: \d+$", "from_day: 100000"), "<= 3650"


CASES: dict[str, Build] = {
    "alias bomb": whole_file("faq.yaml", ALIAS_BOMB, 1, "anchors and aliases"),
    "merge key": whole_file("faq.yaml", "base: {a: 1}\nfaq:\n  <<: {b: 2}\n", 3, "merge keys"),
    "python tag": whole_file(
        "faq.yaml", 'faq: !!python/object/apply:os.system ["echo owned"]\n', 1, "could not determine"
    ),
    "deep flow nesting": whole_file("faq.yaml", "faq: " + "[" * 900 + "]" * 900 + "\n", 1, "nested"),
    "deep block nesting": whole_file(
        "faq.yaml",
        "faq:\n" + "".join(" " * (i + 1) + "-\n" for i in range(900)),
        MAX_DEPTH + 1,
        "nested more than",
    ),
    "huge integer": whole_file("faq.yaml", "faq: " + "9" * 5000 + "\n", 1, "number too long"),
    "impossible date": whole_file(
        "faq.yaml", "faq:\n  - question: 2024-13-45\n", 2, "cannot read this value"
    ),
    "flow list of half a million items": whole_file(
        "faq.yaml", "faq: [" + "a," * 450_000 + "a]\n", 1, "too many entries"
    ),
    "duplicate key": whole_file("faq.yaml", "faq: []\nfaq: []\n", 2, "duplicate key"),
    "not UTF-8": not_utf8,
    "huge file": huge,
    # Issue 12, item 1: numbers must be finite and within range.
    "infinite axis": physiology(r"^    maximum: \S+$", "    maximum: .inf", "not a finite number"),
    "NaN value": physiology(r"points: \[\[0, [^\]]+\]", "points: [[0, .nan]", "not a finite number"),
    "infinite amplitude": physiology(r"amplitude: \S+", "amplitude: .inf", "not a finite number"),
    "overflowing number": physiology(r"amplitude: \S+", "amplitude: 1.0e+999", "not a finite number"),
    "axis beyond bounds": physiology(r"^    maximum: \S+$", "    maximum: 1.0e+300", "<= 1000000"),
    "negative amplitude": physiology(r"amplitude: \S+", "amplitude: -1", ">= 0"),
    "catch at zero velocity": physiology(r"catch_velocity: \S+", "catch_velocity: 0", "> 0"),
    "day beyond ten years": physiology(r"points: \[\[0, ", "points: [[99999, ", "<= 3650"),
    "axis upside down": axis_upside_down,
    "rule day beyond ten years": rule_day,
}


@pytest.mark.parametrize("case", CASES)
def test_refused_by_every_command(
    case: str, folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path, line, message = CASES[case](folder)
    refused_by_commands(capsys, folder, f"{path}:{line}", message)
    assert_refused(window(capsys, monkeypatch, folder, folder / "shot.png"), f"{path}:{line}", message)
    assert not (folder / "shot.png").exists()


def test_python_tag_runs_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "owned"
    (folder / "faq.yaml").write_text(f'faq: !!python/object/apply:os.system ["touch {marker}"]\n')
    assert cli(capsys, "validate", str(folder)).code == 1
    assert cli(capsys, "sites", "--content", str(folder)).code == 1
    assert window(capsys, monkeypatch, folder, tmp_path / "shot.png").code == 1
    assert not marker.exists()


def test_the_course_tab_draws_the_extreme_values_allowed(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """What validation lets through the plots can draw (issue 12: an infinite axis crashed the
    process with exit 139 in the Course tab)."""
    path = folder / "physiology.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^    minimum: \S+$", "    minimum: -1000000", text, flags=re.MULTILINE)
    text = re.sub(r"^    maximum: \S+$", "    maximum: 1000000", text, flags=re.MULTILINE)
    text = re.sub(r"amplitude: \S+", "amplitude: 10", text)
    text = re.sub(r"baseline: \S+", "baseline: 100", text)
    text = re.sub(r"slope: \S+", "slope: 100", text)
    text = re.sub(r"catch_velocity: \S+", "catch_velocity: 100", text)
    path.write_text(text, encoding="utf-8")
    assert cli(capsys, "validate", str(folder)).code == 0
    shot = tmp_path / "course.png"
    outcome = window(capsys, monkeypatch, folder, shot, tab="course", select=["internal-capsule-left"])
    assert outcome.code == 0, outcome.err
    assert shot.stat().st_size > 0
