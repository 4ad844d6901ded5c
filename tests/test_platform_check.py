"""When the window cannot open (no display, a missing xcb library, an unknown Qt platform), the
command says so in one plain line and exits with 1: no traceback, no abort, no core dump. The
commands run in a subprocess with a stripped environment, as on a fresh machine or over ssh."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import platform_check

ROOT = Path(__file__).resolve().parents[1]
LINUX = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the checks are for Linux desktops")


def bare_environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """What a login over ssh, or a cron job, would have: no DISPLAY, no Qt settings."""
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", **extra}


def neuraxis(tmp_path: Path, *argv: str, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *argv],
        cwd=tmp_path,
        env=bare_environment(tmp_path, **extra),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def assert_one_plain_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("neuraxis: the window cannot open: ")
    return lines[0]


def missing_xcb_libraries() -> list[str]:
    """Checked here with the dynamic loader directly, not with the code under test."""
    missing = []
    for library in platform_check.XCB_NEEDS:
        try:
            ctypes.CDLL(library.soname)
        except OSError:
            missing.append(library.soname)
    return missing


def free_display_number() -> int:
    return next(n for n in range(73, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())


@LINUX
def test_no_display_is_one_line(tmp_path: Path) -> None:
    line = assert_one_plain_line(neuraxis(tmp_path))
    assert "no display" in line
    assert "DISPLAY" in line


@LINUX
def test_commands_and_screenshots_need_no_display(tmp_path: Path) -> None:
    findings = neuraxis(tmp_path, "findings", "internal-capsule-left", "--json")
    assert findings.returncode == 0, findings.stderr
    assert json.loads(findings.stdout)["sites"] == ["internal-capsule-left"]
    validate = neuraxis(tmp_path, "validate")
    assert validate.returncode == 0, validate.stderr
    assert validate.stdout.startswith("OK: ")
    shot = tmp_path / "shot.png"
    result = neuraxis(tmp_path, "--screenshot", str(shot), "--select", "weber-left")
    assert result.returncode == 0, result.stderr
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@LINUX
def test_unreachable_display_or_missing_library_is_one_line(tmp_path: Path) -> None:
    """With DISPLAY set but nothing there: the libraries this machine lacks are named with their
    packages (the libraries come first, as Qt needs them before it connects); with none missing,
    the display that cannot be reached."""
    display = f":{free_display_number()}"
    line = assert_one_plain_line(neuraxis(tmp_path, DISPLAY=display))
    missing = missing_xcb_libraries()
    if missing:
        for soname in missing:
            assert soname in line
            assert platform_check.BY_SONAME[soname].debian in line
        assert "sudo apt install" in line
    else:
        assert f"cannot connect to the X display {display!r}" in line


@LINUX
@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb (Debian package xvfb)")
def test_on_a_real_x_server_the_window_opens_or_the_missing_library_is_named(tmp_path: Path) -> None:
    """The issue's case: a running X server, and the xcb libraries this machine has."""
    number = free_display_number()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
    try:
        deadline = time.monotonic() + 20
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.1)
        environment = bare_environment(tmp_path, DISPLAY=f":{number}")
        window = subprocess.Popen(
            [sys.executable, "-m", "app", "--select", "weber-left"],
            cwd=tmp_path,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            out, err = window.communicate(timeout=8)
        except subprocess.TimeoutExpired:
            window.terminate()
            out, err = window.communicate(timeout=20)
            assert not missing_xcb_libraries()
            assert "Traceback" not in err
        else:
            result = subprocess.CompletedProcess(window.args, window.returncode, out, err)
            line = assert_one_plain_line(result)
            missing = missing_xcb_libraries()
            assert missing, f"the window should have opened: {line}"
            assert all(soname in line for soname in missing)
    finally:
        server.terminate()
        server.wait(timeout=20)


@LINUX
def test_a_platform_qt_cannot_load_is_one_line_not_an_abort(tmp_path: Path) -> None:
    """Whatever the check cannot foresee, Qt's fatal message becomes one line and exit code 1."""
    result = neuraxis(tmp_path, QT_QPA_PLATFORM="no-such-platform")
    line = assert_one_plain_line(result)
    assert "no-such-platform" in line


@LINUX
@pytest.mark.parametrize(
    "command", [["--screenshot", "shot.png"], ["handout", "weber-left", "--out", "h.pdf"]]
)
def test_a_broken_library_qt_links_to_is_named_for_a_screenshot_or_a_handout(
    tmp_path: Path, command: list[str]
) -> None:
    """No display needed, but Qt's own libraries must load: a libEGL the loader finds but cannot
    load is named with its package, in one line, and nothing is written."""
    broken = tmp_path / "lib"
    broken.mkdir()
    (broken / "libEGL.so.1").write_bytes(b"")
    line = assert_one_plain_line(neuraxis(tmp_path, *command, LD_LIBRARY_PATH=str(broken)))
    assert "missing libEGL.so.1" in line
    assert "libegl1" in line
    assert not (tmp_path / command[-1]).exists()


def test_missing_message_names_the_packages() -> None:
    line = platform_check.missing_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-randr.so.0"])
    assert "missing libxcb-icccm.so.4, libxcb-keysyms.so.1, libxcb-randr.so.0" in line
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1 libxcb-randr0" in line
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms libxcb" in line
    assert "\n" not in line
    assert platform_check.missing_message(["libnew.so.9"]).endswith("missing libnew.so.9")


def test_other_platforms_are_left_to_qt() -> None:
    assert platform_check.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert platform_check.window_problem({"QT_QPA_PLATFORM": "vnc", "DISPLAY": ":1"}) is None


@LINUX
def test_wayland_without_a_display_is_named() -> None:
    problem = platform_check.window_problem({"QT_QPA_PLATFORM": "wayland"})
    assert problem is not None
    assert "DISPLAY" in problem


# --- the table of libraries and packages against what Qt really links to -----------------------------


def qt_files() -> list[Path]:
    qt = platform_check.qt_dir()
    assert qt is not None, "PySide6's Qt folder"
    names = [f"lib/{n}" for n in platform_check.QT_LIBRARIES]
    names += [*platform_check.XCB_FILES, *platform_check.WAYLAND_FILES]
    return [qt / name for name in names]


@LINUX
def test_the_elf_reader_agrees_with_the_dynamic_loader() -> None:
    for path in qt_files():
        needed = platform_check.needed_libraries(path)
        assert needed, path
        listed = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=True).stdout
        resolved = {line.split()[0].rsplit("/", 1)[-1] for line in listed.splitlines() if line.strip()}
        assert set(needed) <= resolved, (path, set(needed) - resolved)


@LINUX
def test_every_library_qt_links_to_has_its_packages_listed() -> None:
    """A new PySide6 that links to another system library fails here until it is in the table
    (and so in the README and the one-line message)."""
    for path in qt_files():
        for soname in platform_check.needed_libraries(path):
            if soname.startswith(("libQt6", "libicu", *platform_check.ALWAYS_THERE)):
                continue
            assert soname in platform_check.BY_SONAME, f"{path.name} needs {soname}"


def test_readme_lists_every_package_the_window_needs() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for library in platform_check.LIBRARIES:
        assert library.debian in readme, library
        assert library.fedora in readme, library


def test_the_offscreen_test_suite_has_nothing_to_report() -> None:
    assert os.environ.get("QT_QPA_PLATFORM") == "offscreen", "tests/conftest.py sets it"
    assert platform_check.window_problem() is None
    assert platform_check.qt_problem() is None
