"""The Qt-free commands must answer in well under a second: wall time of each, whole process.

python benchmarks/cli_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

from _common import offscreen_env

COMMANDS = (
    ["sites", "--json"],
    ["diseases", "--json"],
    ["findings", "internal-capsule-left", "anterior-horn-c5-right", "--json"],
    ["findings", "--disease", "als", "--json"],
    ["validate"],
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = offscreen_env()
    print("command-line answers, wall time per process, ms")
    for argv in COMMANDS:
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "app", *argv], env=env, capture_output=True, check=True)
            times.append((time.perf_counter() - start) * 1000)
        print(
            f"  neuraxis {' '.join(argv):<58} median {statistics.median(times):6.0f}  max {max(times):6.0f}"
        )


if __name__ == "__main__":
    main()
