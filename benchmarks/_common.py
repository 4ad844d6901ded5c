"""Helpers shared by the benchmark scripts (not a test: they print figures)."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def offscreen_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    # Not the user's remembered window (size, tab, splitter): a fresh folder per run.
    env.setdefault("NEURAXIS_CONFIG_DIR", tempfile.mkdtemp(prefix="neuraxis-bench-config-"))
    env.update(extra)
    return env


def run_child(code: str, env: dict[str, str], timeout: float = 120) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"child failed ({result.returncode}):\n{result.stderr}")
    return result.stdout


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summary(values: list[float]) -> str:
    return (
        f"median {statistics.median(values):7.1f}  p95 {percentile(values, 0.95):7.1f}  "
        f"min {min(values):7.1f}  max {max(values):7.1f}  (n={len(values)})"
    )
