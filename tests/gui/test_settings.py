"""Remembered settings: typed values survive a restart; an unreadable file is moved aside, not lost."""

from __future__ import annotations

import os
import stat
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


@pytest.mark.parametrize("kind", ["pipe", "device"])
def test_a_settings_file_that_is_a_pipe_or_a_device_is_never_read(
    qapp: QApplication, tmp_path: Path, kind: str
) -> None:
    """Qt's read would wait for a writer forever (a pipe) or never end (/dev/zero)."""
    path = tmp_path / FILE_NAME
    if kind == "pipe":
        os.mkfifo(path)
    else:
        path.symlink_to("/dev/zero")
    settings = Settings(tmp_path)
    assert str(path) in settings.problem
    assert settings.get("view/scale", 1.0) == 1.0
    settings.set("view/scale", 1.5)
    assert settings.save() == ""
    assert Settings(tmp_path).get("view/scale", 1.0) == 1.5


def test_a_settings_file_that_cannot_be_moved_aside(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    os.mkfifo(tmp_path / FILE_NAME)

    def refuse(self: Path, target: Path) -> Path:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "replace", refuse)
    settings = Settings(tmp_path)
    assert "Permission denied" in settings.problem
    assert settings.get("view/scale", 1.0) == 1.0
    settings.set("view/scale", 1.5)
    assert settings.get("view/scale", 1.0) == 1.5, "kept for this run"
    assert str(tmp_path / FILE_NAME) in settings.save()  # it returns: nothing waits on the pipe
    del settings
    # nothing was saved through a stand-in device: as root Qt's save replaced /dev/null with a file
    assert stat.S_ISCHR(Path(os.devnull).stat().st_mode)


def test_numbers_that_are_not_finite_read_as_the_default(qapp: QApplication, tmp_path: Path) -> None:
    (tmp_path / FILE_NAME).write_text("[view]\nscale=nan\nzoom=inf\nsize=1e999\n", encoding="utf-8")
    settings = Settings(tmp_path)
    for key in ("view/scale", "view/zoom", "view/size"):
        assert settings.get(key, 1.0) == 1.0
