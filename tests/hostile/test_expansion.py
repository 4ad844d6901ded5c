"""Content that asks for endless work (issue 12, item 8: a 1 MB sites.yaml with wildcard cuts took
57 s and 443 MB on every run before failing). The work is counted before it is done and refused
at once, in one line naming the file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.model.limits import MAX_ITEMS, MAX_PATTERN_LENGTH
from tests.hostile.conftest import Build, assert_refused, line_of, refused_by_commands, window

pytestmark = pytest.mark.usefixtures("cache", "qapp")


def site_entry(index: int, group: str, cuts: str) -> str:
    return (
        f"  - id: bomb-{index}-$side\n    name: Bomb $side\n    sides: [right, left]\n    group: {group}\n"
        f'    level: Everywhere\n    cuts: {cuts}\n    location: ["Here [JN]."]\n'
        '    contains: ["All [JN]."]\n'
    )


def add_sites(count: int, cuts: str, *, limit_bytes: int | None = None) -> Build:
    """``count`` more sites (or as many as fit in ``limit_bytes``) cutting ``cuts``; the problem is
    reported at the first site that passes the limit, found by its message."""

    def build(folder: Path) -> tuple[Path, int, str]:
        path = folder / "sites.yaml"
        text = path.read_text(encoding="utf-8").rstrip("\n") + "\n"
        group = re.search(r"^groups:\n  - id: (\S+)", text, re.MULTILINE)
        assert group is not None
        entries = []
        size = len(text)
        index = 0
        while (limit_bytes is None and index < count) or (limit_bytes is not None and size < limit_bytes):
            entries.append(site_entry(index, group.group(1), cuts))
            size += len(entries[-1])
            index += 1
        path.write_text(text + "".join(entries), encoding="utf-8")
        return path, 0, ""

    return build


def test_a_megabyte_of_wildcard_sites(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's own case: refused before the parser spends seconds on it."""
    path, _, _ = add_sites(0, '["*", "*-$side", "*a*"]', limit_bytes=990_000)(folder)
    where = f"{path}:"
    outcome = window(capsys, monkeypatch, folder, folder / "x.png")
    assert_refused(outcome, where + outcome.lines[0].split(":")[1], "too many entries")
    refused_by_commands(capsys, folder, where + outcome.lines[0].split(":")[1], "too many entries")


def test_wildcards_that_would_match_too_much(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file small enough to parse quickly, whose patterns would be compared with every pathway
    node millions of times: refused at the site where the count passes the limit."""
    path, _, _ = add_sites(200, '["*", "*-$side", "*a*"]')(folder)  # 200 x 2 x 3 x every node
    outcome = window(capsys, monkeypatch, folder, folder / "x.png")
    line = int(outcome.lines[0].split(":")[1])
    assert path.read_text(encoding="utf-8").splitlines()[line - 1].startswith("  - id: bomb-")
    assert_refused(outcome, f"{path}:{line}", "comparisons")
    refused_by_commands(capsys, folder, f"{path}:{line}", "comparisons")


def test_a_pattern_too_long(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path, _, _ = add_sites(1, '["' + "*a" * MAX_PATTERN_LENGTH + '"]')(folder)
    refused_by_commands(capsys, folder, f"{path}:{line_of(path, '  - id: bomb-0-')}", "pattern longer than")


def test_a_list_too_long(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = folder / "faq.yaml"
    path.write_text(
        "faq:\n" + '- {question: Why?, answer: ["Because [JN]."]}\n' * (MAX_ITEMS + 1), encoding="utf-8"
    )
    refused_by_commands(capsys, folder, f"{path}:2", f"list of {MAX_ITEMS + 1:,} items")


def test_muscle_groups_that_reach_every_segment(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Muscle groups each in all 30 segments: 30 lower motor neuron paths a side for each (3,000
    such groups took 23 s and 630 MB before the limit); 50 pass it."""
    path = folder / "anatomy.yaml"
    text = path.read_text(encoding="utf-8")
    segments = re.search(r"^segments: (\[[^\]]*\])", text, re.MULTILINE | re.DOTALL)
    spinal = re.search(r"\n  - id: [a-z-]+\n(    .*\n)*?    segments: \[[^\]]*\]\n(    .*\n)*", text)
    assert segments is not None
    assert spinal is not None
    entry = spinal.group(0).replace("\n  - id: ", "\n  - id: bomb{n}-", 1)
    entry = re.sub(r"segments: \[[^\]]*\]", "segments: " + " ".join(segments.group(1).split()), entry)
    end = spinal.end()
    path.write_text(
        text[:end]
        + "".join(entry.replace("{n}", str(n)).lstrip("\n") + "\n" for n in range(400))
        + text[end:],
        encoding="utf-8",
    )
    outcome = window(capsys, monkeypatch, folder, folder / "x.png")
    line = int(outcome.lines[0].split(":")[1])
    assert_refused(outcome, f"{path}:{line}", "segments in all")
    refused_by_commands(capsys, folder, f"{path}:{line}", "segments in all")
