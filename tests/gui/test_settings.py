"""Remembered settings: typed values survive a restart; an unreadable file is moved aside, not lost."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app.ui.settings import FILE_NAME, Settings

pytestmark = pytest.mark.gui


def test_values_survive_a_restart(qapp: QApplication, tmp_path: Path) -> None:
    first = Settings(tmp_path)
    first.set("view/scale", 1.75)
    first.set("view/tab", "cord")
    first.set("view/present", value=True)
    first.set("window/geometry", b"\x01\x02\xff")
    assert first.save() == ""
    again = Settings(tmp_path)
    assert again.get("view/scale", 1.0) == 1.75
    assert again.get("view/tab", "") == "cord"
    assert again.get("view/present", False) is True
    assert again.get_bytes("window/geometry") == b"\x01\x02\xff"
    assert again.get("missing", 7) == 7
    assert again.problem == ""


def test_a_value_of_the_wrong_type_reads_as_the_default(qapp: QApplication, tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("[view]\nscale=huge\ncount=3\n", encoding="utf-8")
    settings = Settings(tmp_path)
    assert settings.get("view/scale", 1.0) == 1.0
    assert settings.get("view/count", 0) == 3


def test_an_unreadable_file_is_moved_aside(qapp: QApplication, tmp_path: Path) -> None:
    """Qt reads most garbage leniently; what it cannot read at all (here a folder where the file
    should be) is moved aside with a message naming it, and the app goes on with defaults."""
    broken = tmp_path / FILE_NAME
    broken.mkdir()
    (broken / "kept.txt").write_text("the user's data", encoding="utf-8")
    settings = Settings(tmp_path)
    assert str(broken) in settings.problem
    assert (tmp_path / (FILE_NAME + ".unreadable") / "kept.txt").read_text(
        encoding="utf-8"
    ) == "the user's data"
    assert settings.get("view/scale", 1.0) == 1.0
    settings.set("view/scale", 1.5)
    assert settings.save() == ""
    assert Settings(tmp_path).get("view/scale", 1.0) == 1.5
