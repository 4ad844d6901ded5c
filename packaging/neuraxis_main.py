"""Entry point of the frozen bundle: the same ``entry`` as the ``neuraxis`` command."""

import os

from app.cli import entry


def _utf8_locale() -> None:
    """What CPython does for the ``python`` command (PEP 538) and a frozen program does not: under
    the C locale, use C.UTF-8 for text, so Qt does not warn about the locale on every start."""
    if os.environ.get("LC_ALL"):
        return
    if (os.environ.get("LC_CTYPE") or os.environ.get("LANG") or "C") in {"C", "POSIX"}:
        os.environ["LC_CTYPE"] = "C.UTF-8"


if __name__ == "__main__":
    _utf8_locale()
    entry()
