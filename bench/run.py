"""Benchmark intern-match against the floor, and print every target with PASS or MISS.

    python bench/run.py [--sizes 100,10000] [--repeat 5]

Times whole `intern-match rank` runs in fresh processes (median wall time and peak RSS via
/usr/bin/time), next to the floors they are judged against: Python's bare start-up, reading the
postings from the tool's own cache in the fastest way it can, and libyaml's C loader parsing the
same files. Posting folders come from bench/generate.py (made once, kept in bench/data). The
ranking is printed as TSV to /dev/null, as a script would consume it.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
PROFILE = ROOT / "profiles" / "me.yaml"
PYTHON = sys.executable
EXE = str(Path(PYTHON).parent / "intern-match")

LOAD_CACHE = """
import gc, sys
gc.disable()  # as the intern-match command does
from pathlib import Path
from matcher.cache import PostingCache
from matcher.folders import load_postings
load_postings(sys.argv[1], read_folder=PostingCache(Path(sys.argv[2])).load_summaries)
"""
"""The floor for warm runs: reading what `rank` reads from the cache (the postings' summaries)."""
PARSE_LIBYAML = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).glob("*.yaml")):
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
"""


def measure(command: list[str], env: dict[str, str] | None = None, prepare=None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of one run."""
    if prepare:
        prepare()
    with tempfile.NamedTemporaryFile("r") as report:
        timer = ["/usr/bin/time", "-o", report.name, "-f", "%e %M"] if os.path.exists("/usr/bin/time") else []
        # Byte-code is written and reused, as on a user's machine (some sandboxes disable it).
        base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run(
            [*timer, *command], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**base, **(env or {})}, check=False
        )
        text = report.read().split()
    return (float(text[-2]), int(text[-1])) if timer else (float("nan"), 0)


def median(command: list[str], repeat: int, **kwargs) -> tuple[float, int]:
    runs = [measure(command, **kwargs) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def paired(command: list[str], floor: list[str], repeat: int, **kwargs) -> tuple[float, int, float]:
    """Median time and peak RSS of `command`, and median time of its `floor`, run alternately:
    a machine whose speed drifts during the benchmark then moves both sides of a ratio alike."""
    runs, floors = [], []
    for _ in range(repeat):
        runs.append(measure(command, **kwargs))
        floors.append(measure(floor)[0])
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs), statistics.median(floors)


def touch_one(folder: Path) -> None:
    """A new modification time for one posting, as an edit would give it."""
    path = folder / "gen-000001.yaml"
    os.utime(path, ns=(time.time_ns(), time.time_ns()))


def ensure(size: int) -> Path:
    folder = DATA / str(size)
    if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != size:
        subprocess.run([PYTHON, str(ROOT / "bench" / "generate.py"), str(size)], check=True)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,10000")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    rows: list[tuple[str, str, str]] = []  # (what, measured, verdict)
    targets: list[tuple[str, bool]] = []
    runs: dict[int, tuple[float, float]] = {}  # size -> (cold, warm) medians

    bare, _ = median([PYTHON, "-c", "pass"], args.repeat)
    version, _ = median([EXE, "--version"], args.repeat)
    budget = 1.5 * bare + 0.060
    rows.append(("python -c pass", f"{bare:.3f} s", ""))
    rows.append(("intern-match --version", f"{version:.3f} s", f"target <= {budget:.3f} s (1.5x bare + 60 ms)"))
    targets.append(("start-up", version <= budget))

    for size in sizes:
        folder = ensure(size)
        cache = Path(tempfile.mkdtemp(prefix="im-bench-cache-"))
        env = {"INTERN_MATCH_CACHE_DIR": str(cache)}
        rank = [EXE, "rank", str(PROFILE), "--postings", str(folder), "--format", "tsv", "--today", "2026-11-23"]
        parse = [PYTHON, "-c", PARSE_LIBYAML, str(folder)]
        read = [PYTHON, "-c", LOAD_CACHE, str(folder), str(cache)]
        cold, cold_rss, libyaml = paired(
            rank, parse, args.repeat, env=env, prepare=lambda c=cache: shutil.rmtree(c, ignore_errors=True)
        )
        measure(rank, env=env)  # make sure the cache is written
        warm, warm_rss, floor = paired(rank, read, args.repeat, env=env)
        edited, _ = median(rank, args.repeat, env=env, prepare=lambda f=folder: touch_one(f))
        rows += [
            (f"{size:>7} postings: libyaml C loader parse", f"{libyaml:.2f} s", "floor for cold runs"),
            (f"{size:>7} postings: load own cache", f"{floor:.2f} s", "floor for warm runs"),
            (f"{size:>7} postings: rank, cold", f"{cold:.2f} s, {cold_rss / 1024:.0f} MB", f"{cold / libyaml:.2f}x libyaml"),
            (f"{size:>7} postings: rank, warm", f"{warm:.2f} s, {warm_rss / 1024:.0f} MB", f"{warm / floor:.2f}x floor"),
            (f"{size:>7} postings: rank, one file edited", f"{edited:.2f} s", "that file is parsed again, no other"),
        ]
        runs[size] = (cold, warm)
        if size == 10000:
            targets += [
                ("10k warm <= 0.5 s", warm <= 0.5),
                ("10k warm <= 2x floor", warm <= 2 * floor),
                ("10k cold <= 1.3x libyaml", cold <= 1.3 * libyaml),
            ]
        if size >= 100000:
            targets.append(("100k peak RSS <= 1 GB", max(cold_rss, warm_rss) <= 1024 * 1024))
        shutil.rmtree(cache, ignore_errors=True)

    if 10000 in runs and 100000 in runs:
        for i, kind in enumerate(("cold", "warm")):
            growth = runs[100000][i] / runs[10000][i]
            rows.append((f"100k / 10k postings, {kind}", f"{growth:.1f}x", "linear: 10x"))
            targets.append((f"{kind} time linear in postings (100k <= 1.2 x 10 x 10k)", growth <= 12))

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, median of {args.repeat} runs"
    )
    width = max(len(r[0]) for r in rows)
    for what, measured, note in rows:
        print(f"  {what:<{width}}  {measured:>18}  {note}")
    for name, ok in targets:
        print(f"{'PASS' if ok else 'MISS'}  {name}")
    return 0 if all(ok for _, ok in targets) else 1


if __name__ == "__main__":
    sys.exit(main())
