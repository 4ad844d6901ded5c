"""The Linux desktop integration files pass their validators, agree with each other and with the
app, and the icons render to every size and container the bundles need."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__

ROOT = Path(__file__).resolve().parents[1]
LINUX = ROOT / "packaging" / "linux"
APP_ID = "io.github.neuraxis.Neuraxis"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = LINUX / f"{APP_ID}.svg"


def validate_desktop_entry(path: Path) -> None:
    """desktop-file-validate (Debian package desktop-file-utils): no error, warning or hint."""
    if shutil.which("desktop-file-validate") is None:
        pytest.skip("needs desktop-file-validate (Debian package desktop-file-utils; .ci/run installs it)")
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout


def validate_metainfo(path: Path) -> None:
    """appstreamcli validate --no-net (Debian package appstream): no error or warning (the
    pedantic remark about upper case in the reverse-DNS id is Flathub's own convention)."""
    if shutil.which("appstreamcli") is None:
        pytest.skip("needs appstreamcli (Debian package appstream; .ci/run installs it)")
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", "--no-color", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    issues = [line for line in result.stdout.splitlines() if line[:2] in {"E:", "W:", "I:"}]
    assert issues == [], result.stdout


def test_desktop_entry_is_valid() -> None:
    validate_desktop_entry(DESKTOP)


def test_metainfo_is_valid() -> None:
    validate_metainfo(METAINFO)


def test_desktop_entry_and_metainfo_agree_with_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Icon"] == APP_ID
    assert desktop["Exec"] == "neuraxis", "install.sh rewrites this line to the installed launcher"
    assert desktop["TryExec"] == "neuraxis"

    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("metadata_license") == "MIT"
    assert root.findtext("project_license") == "MIT"
    assert root.find("content_rating") is not None
    releases = root.findall("releases/release")
    assert releases, "release notes"
    assert releases[0].get("version") == __version__, "the newest release is the app's version"
    assert releases[0].find("description") is not None
    for image in root.iterfind("screenshots/screenshot/image"):
        name = (image.text or "").rsplit("/", 1)[-1]
        assert (ROOT / "docs" / "img" / name).is_file(), f"the screenshot {name} is in docs/img"
    assert [c.text for c in root.iterfind("categories/category")] == [
        c for c in desktop["Categories"].split(";") if c
    ]


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("icons")
    result = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return out


@pytest.mark.parametrize("size", [16, 22, 24, 32, 48, 64, 128, 256, 512])
def test_icon_png_for_every_size(qapp: object, icons: Path, size: int) -> None:
    from PySide6.QtGui import QImage

    image = QImage(str(icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"))
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()
    corner, centre = image.pixelColor(0, 0), image.pixelColor(size // 2, size // 2)
    assert corner.alpha() == 0, "rounded corners are transparent"
    assert centre.alpha() == 255
    colours = {image.pixelColor(x, y).rgb() for x in range(size) for y in range(0, size, max(1, size // 32))}
    assert len(colours) > 8, "a drawing, not a blank square"


@pytest.mark.parametrize(("name", "sizes"), [("neuraxis.ico", 7), ("neuraxis.icns", 6)])
def test_windows_and_macos_icons_are_read_back_by_qt(
    qapp: object, icons: Path, name: str, sizes: int
) -> None:
    from PySide6.QtGui import QImageReader

    reader = QImageReader(str(icons / name))
    assert reader.canRead(), reader.errorString()
    assert reader.imageCount() >= sizes
    largest = max((reader.jumpToImage(i) and reader.read().width()) or 0 for i in range(reader.imageCount()))
    assert largest >= 256


def test_the_icon_is_a_plain_svg() -> None:
    text = ICON.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.get("viewBox") == "0 0 512 512"
    assert "<image" not in text, "no embedded bitmaps"
    assert "http" not in text.replace("http://www.w3.org/2000/svg", ""), "nothing fetched"
