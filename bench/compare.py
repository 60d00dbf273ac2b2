"""Two installs of intern-match compared on one posting folder: whole warm and cold runs, taken in
turn (A B A B ...), so that the machine's drift moves both alike.

    python bench/compare.py FOLDER EXE_A EXE_B [WARM_RUNS [FORMAT [COLD_RUNS]]]

EXE_A and EXE_B are `intern-match` executables (e.g. two virtual environments with editable
installs of two commits); FOLDER a posting folder (bench/generate.py makes one); FORMAT the
output format (tsv by default); COLD_RUNS of each side (a third of WARM_RUNS, at least 2, by
default; 0 for none). Prints each median, fastest run, and B/A.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "me.yaml"


def run(exe: str, folder: str, cache: str, fmt: str = "tsv") -> float:
    env = {**os.environ, "INTERN_MATCH_CACHE_DIR": cache}
    command = [exe, "rank", str(PROFILE), "-p", folder, "-f", fmt, "--today", "2026-11-23"]
    start = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    return time.perf_counter() - start


def main() -> None:
    folder, a, b = sys.argv[1:4]
    warm_runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    fmt = sys.argv[5] if len(sys.argv) > 5 else "tsv"
    cold_runs = int(sys.argv[6]) if len(sys.argv) > 6 else max(2, warm_runs // 3)
    times: dict[str, list[float]] = {"A warm": [], "B warm": [], "A cold": [], "B cold": []}
    with tempfile.TemporaryDirectory() as scratch:
        caches = {"A": f"{scratch}/a", "B": f"{scratch}/b"}
        exes = {"A": a, "B": b}
        for side in "AB":
            run(exes[side], folder, caches[side], fmt)  # fill each cache once
        for _ in range(warm_runs):
            for side in "AB":
                times[f"{side} warm"].append(run(exes[side], folder, caches[side], fmt))
        for _ in range(cold_runs):
            for side in "AB":
                shutil.rmtree(caches[side], ignore_errors=True)
                times[f"{side} cold"].append(run(exes[side], folder, caches[side], fmt))
    times = {name: values for name, values in times.items() if values}
    for name, values in times.items():
        print(f"{name}: median {statistics.median(values):.3f} s, fastest {min(values):.3f} s ({len(values)} runs)")
    for kind in ("warm", "cold")[: 2 if cold_runs else 1]:
        print(f"{kind} B/A: {statistics.median(times[f'B {kind}']) / statistics.median(times[f'A {kind}']):.3f}")


if __name__ == "__main__":
    main()
