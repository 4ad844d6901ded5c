"""How the process uses memory: large buffers go back to the system when freed, and the garbage
collector neither runs during start-up nor scans again what start-up built.

glibc serves allocations from 128 KiB up with ``mmap`` and returns them on ``free``, but the first
time such a buffer is freed it raises that threshold (up to 32 MiB) and serves later ones from the
heap, which keeps them after ``free``. A window that is resized, or draws pixmaps of many sizes,
then holds on to megabytes it no longer uses, and its resident memory swings by several megabytes
between two equal states (benchmarks/memory.py). Setting the threshold once keeps it fixed.

Start-up allocates much and frees little: about 90 collections ran before the window was complete
(15-30 ms), and each full collection afterwards (the one at exit too, ~20 ms) scanned everything
start-up built, which lives as long as the process.
"""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from typing import ParamSpec, TypeVar

M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024
P = ParamSpec("P")
R = TypeVar("R")


def keep_large_buffers_returnable() -> bool:
    """Fix glibc's mmap threshold; False where there is no glibc (nothing to do elsewhere)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # ~2 ms, and only here

    try:
        return bool(ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False


def no_collection_during_start_up(start: Callable[P, R]) -> Callable[P, R]:
    """Run ``start`` with the collector paused until :func:`start_up_done` (or until it returns)."""

    @functools.wraps(start)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        gc.disable()
        try:
            return start(*args, **kwargs)
        finally:
            gc.enable()

    return paused


def start_up_done() -> None:
    """The window is complete: what exists now is kept for good, and the collector runs again."""
    gc.freeze()
    gc.enable()
