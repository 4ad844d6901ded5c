"""How the process uses memory: the allocator setting (Linux, glibc) and the collector paused during
start-up only."""

from __future__ import annotations

import gc
import platform
import sys

import pytest

from app.ui.memory import keep_large_buffers_returnable, no_collection_during_start_up


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc only")
def test_the_mmap_threshold_is_fixed_on_glibc() -> None:
    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    assert keep_large_buffers_returnable() is True
    assert keep_large_buffers_returnable() is True  # again: harmless


def test_the_collector_is_paused_during_start_up_and_runs_again_after_a_failure() -> None:
    seen: list[bool] = []

    @no_collection_during_start_up
    def start() -> int:
        seen.append(gc.isenabled())
        raise RuntimeError("start-up failed")

    with pytest.raises(RuntimeError):
        start()
    assert seen == [False]
    assert gc.isenabled()
