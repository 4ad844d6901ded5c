"""The allocator setting that lets freed large buffers go back to the system (Linux, glibc)."""

from __future__ import annotations

import sys

import pytest

from app.ui.allocator import keep_large_buffers_returnable


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_the_mmap_threshold_is_fixed_on_glibc() -> None:
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    assert keep_large_buffers_returnable() is True
    assert keep_large_buffers_returnable() is True  # again: harmless
