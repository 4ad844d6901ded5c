"""The command line around hostile input and hostile output (issue 12, items 10 and 14): a size the
window cannot honour, a picture name whose suffix is not PNG, a device or a full disk to write to,
``validate --content DIR``."""

from __future__ import annotations

import os
import resource
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from app import paths
from tests.hostile.conftest import assert_refused, cli, copy_content, full_device, line_of, window

pytestmark = pytest.mark.usefixtures("cache", "qapp")
BUNDLED = paths.content_dir()


def test_validate_takes_content_like_the_other_commands(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 12, item 14: ``validate --content DIR`` was refused ("unrecognized arguments")."""
    outcome = cli(capsys, "validate", "--content", str(folder))
    assert (outcome.code, outcome.err) == (0, ""), outcome.err
    assert outcome.out.startswith("OK:")
    faq = folder / "faq.yaml"
    faq.write_text(faq.read_text(encoding="utf-8").replace("faq:", "faq: [", 1), encoding="utf-8")
    first = cli(capsys, "validate", "--content", str(folder))
    where = f"{faq}:{first.err.removeprefix(f'{faq}:').split(':')[0]}"
    assert_refused(first, where, "invalid YAML")
    assert_refused(cli(capsys, "--content", str(folder), "validate"), where, "invalid YAML")
    outcome = cli(capsys, "validate", str(BUNDLED), "--content", str(folder))
    assert_refused(outcome, "neuraxis: error", "give the content folder once", code=2)


@pytest.mark.parametrize("size", [(320, 240), (8192, 240)])
def test_a_size_the_window_cannot_take_is_refused(
    size: tuple[int, int], tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """It was silently enlarged (320x240 gave 395x640) and the command said it succeeded."""
    shot = tmp_path / "small.png"
    outcome = window(capsys, monkeypatch, BUNDLED, shot, size=size)
    assert outcome.code == 2
    assert outcome.lines == [outcome.lines[0]]
    assert outcome.lines[0].startswith(f"neuraxis: error: --size {size[0]}x{size[1]} is smaller than")
    assert not shot.exists()


def test_the_size_and_the_format_asked_for_are_what_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--screenshot out.jpg`` wrote PNG data under a .jpg name."""
    shot = tmp_path / "out.jpg"
    outcome = window(capsys, monkeypatch, BUNDLED, shot, size=(1100, 700))
    assert (outcome.code, outcome.err) == (0, "")
    assert shot.read_bytes()[:3] == b"\xff\xd8\xff", "JPEG data"
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1100, 700)


@pytest.mark.parametrize("name", ["out.gif", "out.txt", "out.svg"])
def test_a_format_that_cannot_be_written_is_refused_first(
    name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = cli(capsys, "--screenshot", str(tmp_path / name))
    assert outcome.code == 2
    assert "cannot save a picture as" in outcome.err
    assert outcome.seconds < 0.5
    assert not (tmp_path / name).exists()


def test_a_device_that_is_full_is_reported_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--screenshot /dev/full`` exited 0 (and as root replaced the device with a file)."""
    device = full_device(tmp_path)
    outcome = window(capsys, monkeypatch, BUNDLED, device)
    assert outcome.code == 1
    assert outcome.lines == [f"{device}:1: could not write the screenshot: No space left on device"]
    assert stat.S_ISCHR(device.stat().st_mode), "still the device"


@contextmanager
def disk_full_after(size: int) -> Iterator[None]:
    """Writing a file past ``size`` bytes fails (EFBIG), as on a full disk; Python ignores SIGXFSZ."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (size, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def test_a_full_disk_keeps_the_old_picture(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk leaked "libpng error" and could leave half a file."""
    shot = tmp_path / "pictures" / "shot.png"
    shot.parent.mkdir()
    shot.write_bytes(b"the picture saved yesterday")
    with disk_full_after(20_000):
        outcome = window(capsys, monkeypatch, BUNDLED, shot)
    assert outcome.code == 1
    assert outcome.lines == [f"{shot}:1: could not write the screenshot: File too large"]
    assert shot.read_bytes() == b"the picture saved yesterday"
    assert [p.name for p in shot.parent.iterdir()] == ["shot.png"], "no temporary file left"


def test_a_link_is_written_through_and_permissions_are_kept(qapp: object, tmp_path: Path) -> None:
    from app.ui.files import save_image

    target = tmp_path / "real.png"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.png"
    link.symlink_to(target)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    assert save_image(image, link) is None
    assert link.is_symlink()
    assert target.read_bytes().startswith(b"\x89PNG")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert save_image(image, tmp_path) is not None, "a folder is refused"
    name = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.png"))
    assert save_image(image, name) is None
    names = [os.fsencode(p.name) for p in tmp_path.iterdir()]
    assert b"caf\xe9.png" in names, "the name written as given, byte for byte"


def test_validate_names_a_geometry_problem_in_a_copied_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``validate`` now computes the site outlines the window needs (and caches them as it does)."""
    folder = copy_content(tmp_path / "content")
    svg = folder / "neuraxis.svg"
    text = svg.read_text(encoding="utf-8")
    site = text.index('class="site"')
    inner_start = text.index(">", site) + 1
    inner_end = text.index("</g>", inner_start)
    svg.write_text(text[:inner_start] + "<desc>no shape</desc>" + text[inner_end:], encoding="utf-8")
    element = text[: text.index('class="site"')].rsplit("<g", 1)[1]
    line = line_of(svg, "<g" + element)
    assert_refused(cli(capsys, "validate", str(folder)), f"{svg}:{line}", "has no drawable shape")


# --- the handout (main's classroom work, after issue 12): the same promises as the screenshot ------


def test_a_handout_named_other_than_pdf_is_refused_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It wrote PDF data under a .jpg name."""
    out = tmp_path / "handout.jpg"
    outcome = cli(capsys, "handout", "internal-capsule-left", "--out", str(out))
    assert outcome.code == 2
    assert "a handout is a PDF" in outcome.err
    assert not out.exists()


def test_a_handout_to_a_full_device_is_reported_and_the_device_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """As root it replaced the device with a file and said it wrote it."""
    device = tmp_path / "full.pdf"
    if os.geteuid() == 0:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    else:
        pytest.skip("needs a device named .pdf: only root can make one")
    outcome = cli(capsys, "handout", "internal-capsule-left", "--out", str(device))
    assert outcome.code == 1
    assert outcome.lines == [f"{device}:1: could not write the handout: No space left on device"]
    assert stat.S_ISCHR(device.stat().st_mode), "still the device"


def test_the_window_refuses_a_handout_name_that_is_not_pdf(qapp: object, tmp_path: Path) -> None:
    from app.model.cache import load_content_cached
    from app.ui.handout import PDF_ONLY, selection_page, write_handout

    content = load_content_cached(BUNDLED, check_svg=True, cache_dir=None)
    page = selection_page(content, ("internal-capsule-left",), None, None)
    assert write_handout(content, [page], tmp_path / "handout.png").error == PDF_ONLY
    assert not (tmp_path / "handout.png").exists()
    assert write_handout(content, [page], tmp_path / "handout.PDF").error is None
    assert (tmp_path / "handout.PDF").read_bytes().startswith(b"%PDF")
