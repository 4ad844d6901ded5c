"""What the subcommands share: the usage error (one line, exit 2), loading content, printing JSON."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.model.content import Content


class UsageError(Exception):
    """A mistake in the command line (unknown id, bad size...): one line, exit 2."""


def load(args: argparse.Namespace) -> Content:
    """The content for a query command, from the cache when nothing changed."""
    from app import paths
    from app.model.cache import load_content_cached

    directory: Path | None = getattr(args, "content", None)
    return load_content_cached(directory or paths.content_dir(), cache_dir=paths.cache_dir())


def print_json(data: Any) -> None:
    import json  # (here: the window's command line imports this module, and json costs ~2 ms)

    json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{value} is outside 1..1000")
    return value
