"""Escaping content text for Qt's rich text (app.ui.plain), without the ``html`` module."""

from __future__ import annotations

import html

import pytest

from app.ui import plain
from tests.gui.test_main_window import run_python

SAMPLES = [
    "",
    "plain words",
    "<img src='file:///etc/passwd'>",
    "a \"quoted\" <b>bold</b> & 'single'",
    "&amp; already escaped &lt;",
    "Brown-S\u00e9quard \u2014 \u00bd C5 < T6 > L4",
    "<<>>&&\"\"''",
]


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("quote", [True, False])
def test_escape_is_what_the_html_module_gives(text: str, quote: bool) -> None:
    assert plain.escape(text, quote=quote) == html.escape(text, quote=quote)


def test_a_screenshot_never_imports_the_html_module(tmp_path: object) -> None:
    """Its table of named entities costs about 1 ms of every start, and nothing on screen needs it."""
    code = (
        "import sys\n"
        "from app import cli\n"
        "import app.ui.launch as launch\n"
        "save = launch._save_screenshot\n"
        "def check(*args):\n"
        "    code = save(*args)\n"
        "    print('html' in sys.modules)\n"
        "    return code\n"
        "launch._save_screenshot = check\n"
        "sys.exit(cli.main(sys.argv[1:]))\n"
    )
    shot = f"{tmp_path}/shot.png"
    argv = ["--screenshot", shot, "--size", "1280x720", "--select", "weber-left", "--tab", "compare"]
    result = run_python("-c", code, *argv)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
