"""Large buffers go back to the system when freed (Linux with glibc).

glibc serves allocations from 128 KiB up with ``mmap`` and returns them on ``free``, but the first
time such a buffer is freed it raises that threshold (up to 32 MiB) and serves later ones from the
heap, which keeps them after ``free``. A window that is resized, or draws pixmaps of many sizes,
then holds on to megabytes it no longer uses, and its resident memory swings by several megabytes
between two equal states (benchmarks/memory.py). Setting the threshold once keeps it fixed.
"""

from __future__ import annotations

import sys

M_MMAP_THRESHOLD = -3
THRESHOLD = 128 * 1024


def keep_large_buffers_returnable() -> bool:
    """Fix glibc's mmap threshold; False where there is no glibc (nothing to do elsewhere)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # ~2 ms, and only here

    try:
        return bool(ctypes.CDLL(None).mallopt(M_MMAP_THRESHOLD, THRESHOLD))
    except (OSError, AttributeError):  # musl and others have no mallopt
        return False
