"""The release artefacts, built for real (slow: about a minute each on 2 cores).

- ``bash packaging/build.sh`` makes a one-folder bundle that runs from a folder outside the
  repository with a minimal environment: no Python on PATH, no display, no source tree.
- ``packaging/linux/install.sh`` installs that bundle for a user and ``uninstall.sh`` removes it.
- ``python -m build`` makes an sdist and a wheel that each install into a new environment and run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from app import __version__
from app.ui.about import COMPONENTS
from tests.test_desktop_files import APP_ID, validate_desktop_entry, validate_metainfo

ROOT = Path(__file__).resolve().parents[1]
MAX_BUNDLE_MB = 180
LINUX = sys.platform.startswith("linux")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not LINUX, reason="the bundle and its scripts are tested on Linux (docs/packaging.md)"
    ),
]


def minimal_environment(home: Path, **extra: str) -> dict[str, str]:
    """No Python and no display to lean on: PATH holds only an empty folder."""
    empty = home / "empty-bin"
    empty.mkdir(parents=True, exist_ok=True)
    return {"PATH": str(empty), "HOME": str(home), **extra}


def launch(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The bundle's launcher with ``args``, in ``home``, with the minimal environment."""
    return subprocess.run(
        [str(bundle / "neuraxis"), *args],
        cwd=home,
        env=minimal_environment(home),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def run(command: list[str], *, cwd: Path, env: dict[str, str] | None = None, timeout: int = 300) -> str:
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{command}: {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def source_output(*argv: str) -> str:
    """The same command answered by the source tree, to compare the bundle with."""
    return run([sys.executable, "-m", "app", *argv], cwd=ROOT)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Built from nothing (a new build environment), then moved out of the repository."""
    work = tmp_path_factory.mktemp("build")
    output = run(
        [
            "bash",
            str(ROOT / "packaging" / "build.sh"),
            "--dist",
            str(work / "dist"),
            "--work",
            str(work / "work"),
        ],
        cwd=work,
        timeout=900,
    )
    assert "== bundle: " in output
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "neuraxis"
    shutil.move(work / "dist" / "neuraxis", elsewhere)
    shutil.rmtree(work)
    return elsewhere


@pytest.fixture
def home(tmp_path: Path) -> Path:
    folder = tmp_path / "a home"
    folder.mkdir()
    return folder


def test_bundle_answers_like_the_source_tree(bundle: Path, home: Path) -> None:
    env = minimal_environment(home)
    launcher = str(bundle / "neuraxis")
    assert run([launcher, "--version"], cwd=home, env=env).strip() == f"neuraxis {__version__}"
    findings = run([launcher, "findings", "internal-capsule-left", "--json"], cwd=home, env=env)
    assert json.loads(findings) == json.loads(source_output("findings", "internal-capsule-left", "--json"))
    assert run([launcher, "validate"], cwd=home, env=env) == source_output("validate")
    assert run([launcher, "sites"], cwd=home, env=env) == source_output("sites")
    # the study commands: the cases, a quiz, and the progress store (SQLite) in the home's data folder
    assert json.loads(run([launcher, "cases", "--json"], cwd=home, env=env))
    quiz = json.loads(run([launcher, "quiz", "--json", "--count", "1", "--seed", "1"], cwd=home, env=env))
    assert len(quiz["questions"]) == 1
    assert "reviews" in json.loads(run([launcher, "progress", "--json"], cwd=home, env=env))


def test_bundle_renders_a_screenshot_offscreen(qapp: object, bundle: Path, home: Path) -> None:
    from PySide6.QtGui import QImage

    shot = home / "shot.png"
    result = launch(bundle, home, "--screenshot", str(shot), "--select", "internal-capsule-left")
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "no warnings either (locale, fonts, plugins)"
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1280, 720)
    grid = [
        image.pixelColor(image.width() * i // 16, image.height() * j // 16)
        for i in range(16)
        for j in range(16)
    ]
    assert len({c.rgb() for c in grid}) > 10, "not a blank image"
    # every picture format the app offers is in the bundle
    for name in ("shot.jpg", "shot.webp", "shot.tiff"):
        other = launch(bundle, home, "--screenshot", str(home / name))
        assert other.returncode == 0, other.stderr
        assert not QImage(str(home / name)).isNull(), name


def test_bundle_without_a_display_says_so_in_one_line(bundle: Path, home: Path) -> None:
    result = launch(bundle, home)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no display" in lines[0]


def test_bundle_is_trimmed(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size_mb = sum(p.stat().st_size for p in files) / 2**20
    assert size_mb <= MAX_BUNDLE_MB, f"{size_mb:.0f} MB"
    names = {p.relative_to(bundle).as_posix() for p in files}
    assert not [n for n in names if "/translations/" in n or "/qml/" in n]
    assert not [n for n in names if "Quick" in n or "Qml" in n or "VirtualKeyboard" in n or "Pdf" in n]
    assert not [n for n in names if "libgtk" in n or "libpango" in n or "libcairo" in n]
    data = bundle / "_internal" / "app" / "_data"
    assert (data / "content" / "sites.yaml").is_file(), "content under app/_data (app/paths.py)"
    assert (data / "assets" / "svg" / "neuraxis.svg").is_file()
    internal = bundle / "_internal"
    for component in COMPONENTS:  # Help > About reads the licences from this metadata
        prefix = component.distribution.lower().replace("-", "_") + "-"
        infos = [p for p in internal.glob("*.dist-info/METADATA") if p.parent.name.lower().startswith(prefix)]
        assert infos, prefix
    assert (internal / "licenses" / "LGPL-3.0.txt").is_file()
    assert (internal / "licenses" / "GPL-3.0.txt").is_file()
    assert (internal / "licenses" / "Neuraxis" / "LICENSE").is_file()
    platforms = {
        p.name for p in (bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()
    }
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so"} <= platforms


def test_install_and_uninstall_for_one_user(bundle: Path, home: Path) -> None:
    env = {"PATH": os.environ["PATH"], "HOME": str(home)}
    output = run(["bash", str(bundle / "install.sh")], cwd=home, env=env)
    data = home / ".local" / "share"
    assert f"installed in {data / 'neuraxis'}" in output
    entry = data / "applications" / f"{APP_ID}.desktop"
    validate_desktop_entry(entry)
    assert f'Exec="{data / "neuraxis" / "neuraxis"}"' in entry.read_text(encoding="utf-8")
    validate_metainfo(data / "metainfo" / f"{APP_ID}.metainfo.xml")
    for size in (16, 32, 48, 128, 256, 512):
        assert (data / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    link = home / ".local" / "bin" / "neuraxis"
    assert link.is_symlink()
    assert (
        run([str(link), "--version"], cwd=home, env=minimal_environment(home)).strip().endswith(__version__)
    )

    run(["bash", str(data / "neuraxis" / "uninstall.sh")], cwd=home, env=env)
    left = sorted(
        p.relative_to(home).as_posix()
        for p in home.rglob("*")
        if p.is_file() or p.is_symlink()
        if p.name not in {"mimeinfo.cache", "icon-theme.cache"}  # the desktop's own caches
    )
    assert left == [], left


def test_sdist_and_wheel_install_and_run(tmp_path: Path) -> None:
    tools = tmp_path / "tools"
    venv.create(tools, with_pip=True)
    run([str(tools / "bin" / "python"), "-m", "pip", "install", "--quiet", "build"], cwd=tmp_path)
    run(
        [str(tools / "bin" / "python"), "-m", "build", "--outdir", str(tmp_path / "out"), str(ROOT)],
        cwd=tmp_path,
    )
    artefacts = sorted((tmp_path / "out").iterdir(), key=lambda p: p.suffix)
    assert [p.suffix for p in artefacts] == [".gz", ".whl"], artefacts
    for artefact in artefacts:
        target = tmp_path / f"venv-{artefact.suffix.strip('.')}"
        venv.create(target, with_pip=True)
        run([str(target / "bin" / "python"), "-m", "pip", "install", "--quiet", str(artefact)], cwd=tmp_path)
        command = str(target / "bin" / "neuraxis")
        home = tmp_path / f"home-{artefact.suffix.strip('.')}"
        home.mkdir()
        env = {"PATH": "/usr/bin:/bin", "HOME": str(home)}
        assert run([command, "--version"], cwd=home, env=env).strip() == f"neuraxis {__version__}"
        assert run([command, "validate"], cwd=home, env=env) == source_output("validate")
        findings = run([command, "findings", "internal-capsule-left", "--json"], cwd=home, env=env)
        assert json.loads(findings)["sites"] == ["internal-capsule-left"]
        run([command, "--screenshot", str(home / "shot.png")], cwd=home, env=env)
        assert (home / "shot.png").read_bytes().startswith(b"\x89PNG")
