"""Benchmark intern-match in every output format against its floors, and print every figure
next to its target, with PASS or MISS.

    python bench/run.py [--sizes 1000,10000[,100000]] [--repeat 3] [--cold-repeat 3]

Times whole `intern-match rank` runs in fresh processes (median wall time and peak RSS via
/usr/bin/time), in each format (table --all, json, jsonl, csv, tsv) written to /dev/null as a
script or a pager would read it, warm (from the cache) and cold (no cache), next to the floors
they are judged against: Python's bare start-up, reading the postings from the tool's own cache
the fastest way it can (warm), and libyaml's C loader parsing the same files (cold). Runs that
are compared are made in turn (A B A B), so a machine whose speed drifts moves both alike. Also
a profile with 10,000 skills against 10,000 postings, and a JSON run that makes the results the
cache keeps for a profile (the first after a change of profile, day or code; the warm JSON and
JSONL figures are runs that read them back). Posting folders and that profile come
from bench/generate.py (made once, kept in bench/data).
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
FORMATS = ("table", "json", "jsonl", "csv", "tsv")
MANY_SKILLS = 10000
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


def settled_without(cache: Path) -> None:
    """No cache, and nothing the last run wrote still waiting to reach the disk: a cold run is
    timed on its own work, not on write-back the run before it left to the kernel."""
    shutil.rmtree(cache, ignore_errors=True)
    os.sync()


def touch_one(folder: Path) -> None:
    """A new modification time for one posting, as an edit would give it."""
    path = folder / "gen-000001.yaml"
    os.utime(path, ns=(time.time_ns(), time.time_ns()))


def forget_results(cache: Path) -> None:
    """The JSON and JSONL results the cache keeps for the last profile removed (the postings kept)."""
    for kept in cache.glob("*-results-*"):
        kept.unlink()


def ensure(size: int) -> Path:
    folder = DATA / str(size)
    if not folder.is_dir() or len(list(folder.glob("*.yaml"))) != size:
        subprocess.run([PYTHON, str(ROOT / "bench" / "generate.py"), str(size)], check=True)
    return folder


def rank_command(folder: Path, fmt: str, profile: Path = PROFILE) -> list[str]:
    more = ["--all"] if fmt == "table" else []
    return [EXE, "rank", str(profile), "--postings", str(folder), "--format", fmt, *more, "--today", "2026-11-23"]


def in_turn(commands: dict[str, list[str]], repeat: int, **kwargs) -> dict[str, tuple[float, int]]:
    """Median time and peak RSS of each command, run in turn `repeat` times."""
    runs: dict[str, list[tuple[float, int]]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            runs[name].append(measure(command, **kwargs))
    return {name: (statistics.median(r[0] for r in got), max(r[1] for r in got)) for name, got in runs.items()}


class Report:
    """Rows of (what, measured, target, PASS/MISS or nothing), printed as one table."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []
        self.misses = 0

    def info(self, what: str, measured: str, note: str = "") -> None:
        self.rows.append((what, measured, note, ""))

    def check(self, what: str, measured: str, target: str, ok: bool) -> None:
        self.rows.append((what, measured, target, "PASS" if ok else "MISS"))
        self.misses += not ok

    def print(self, header: str) -> None:
        print(header)
        widths = [max(len(r[i]) for r in self.rows) for i in range(3)]
        for what, measured, target, verdict in self.rows:
            print(f"  {what:<{widths[0]}}  {measured:>{widths[1]}}  {target:<{widths[2]}}  {verdict}".rstrip())


def mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each warm measurement (median)")
    parser.add_argument(
        "--cold-repeat", type=int, default=3, help="runs of each cold one at 10,000 postings (median; one at 100,000)"
    )
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    report = Report()
    warm_at: dict[int, dict[str, float]] = {}

    bare, _ = median([PYTHON, "-c", "pass"], args.repeat)
    version, _ = median([EXE, "--version"], args.repeat)
    budget = 1.5 * bare + 0.060
    report.info("python -c pass", f"{bare:.3f} s")
    report.check("intern-match --version", f"{version:.3f} s", f"<= {budget:.3f} s (1.5x bare + 60 ms)", version <= budget)

    for size in sizes:
        folder = ensure(size)
        cache = Path(tempfile.mkdtemp(prefix="im-bench-cache-"))
        env = {"INTERN_MATCH_CACHE_DIR": str(cache)}
        label = f"{size:>7,}"
        # Cold: each format run with no cache, in turn with libyaml parsing the same files.
        cold_repeat = 1 if size >= 100000 else args.cold_repeat if size >= 10000 else args.repeat
        parse = [PYTHON, "-c", PARSE_LIBYAML, str(folder)]
        cold = {fmt: [] for fmt in FORMATS}
        parses: list[float] = []
        measure(parse)  # the files in the OS's page cache, as for every cold run after it
        for _ in range(cold_repeat):
            for fmt in FORMATS:
                cold[fmt].append(measure(rank_command(folder, fmt), env=env, prepare=lambda c=cache: settled_without(c)))
                parses.append(measure(parse)[0])
        libyaml = statistics.median(parses)
        report.info(f"{label} postings: libyaml C loader parse", f"{libyaml:.2f} s", "floor for cold runs")
        for fmt in FORMATS:
            took, rss = statistics.median(r[0] for r in cold[fmt]), max(r[1] for r in cold[fmt])
            measured = f"{took:.2f} s, {mb(rss)}"
            if size >= 10000:
                report.check(
                    f"{label} postings: {fmt}, cold", measured, f"<= 1.3x libyaml ({took / libyaml:.2f}x)", took <= 1.3 * libyaml
                )
            else:
                report.info(f"{label} postings: {fmt}, cold", measured, f"{took / libyaml:.2f}x libyaml")
            if size >= 100000:
                report.check(f"{label} postings: {fmt}, cold, peak memory", mb(rss), "<= 1 GB", rss <= 1024 * 1024)

        # Warm: every format and the floor (reading the cache) in turn.
        measure(rank_command(folder, "tsv"), env=env)  # the cache is written
        for fmt in ("json", "jsonl"):  # and the results these keep (timed apart: "results made")
            measure(rank_command(folder, fmt), env=env)
        commands = {fmt: rank_command(folder, fmt) for fmt in FORMATS} | {
            "floor": [PYTHON, "-c", LOAD_CACHE, str(folder), str(cache)]
        }
        warm = in_turn(commands, args.repeat, env=env)
        floor, tsv = warm["floor"][0], warm["tsv"][0]
        warm_at[size] = {fmt: warm[fmt][0] for fmt in FORMATS}
        report.info(f"{label} postings: load own cache", f"{floor:.2f} s", "floor for warm runs")
        for fmt in FORMATS:
            took, rss = warm[fmt]
            measured = f"{took:.2f} s, {mb(rss)}"
            if size == 10000:
                target = f"<= 1 s and <= 2x tsv ({took / tsv:.2f}x)"
                report.check(f"{label} postings: {fmt}, warm", measured, target, took <= 1.0 and took <= 2 * tsv)
            else:
                report.info(f"{label} postings: {fmt}, warm", measured, f"{took / tsv:.2f}x tsv")
            if size >= 100000:
                report.check(f"{label} postings: {fmt}, warm, peak memory", mb(rss), "<= 1 GB", rss <= 1024 * 1024)
        if size == 10000:
            report.check(
                f"{label} postings: tsv, warm, against its floor",
                f"{tsv:.2f} s",
                f"<= 0.5 s and <= 2x floor ({tsv / floor:.2f}x)",
                tsv <= 0.5 and tsv <= 2 * floor,
            )
        # JSON and JSONL read back the results a profile's last run wrote (kept in the cache:
        # matcher/kept_results.py); the first run with a profile, a day or a code change judges
        # and writes them. Timed here with the kept results removed.
        made, made_kb = median(rank_command(folder, "json"), 1, env=env, prepare=lambda c=cache: forget_results(c))
        report.info(
            f"{label} postings: json, warm, results made",
            f"{made:.2f} s, {made_kb // 1024} MB",
            f"{made / tsv:.2f}x tsv: first run with a profile",
        )
        edited, _ = median(rank_command(folder, "tsv"), args.repeat, env=env, prepare=lambda f=folder: touch_one(f))
        report.info(f"{label} postings: tsv, one file edited", f"{edited:.2f} s", "that file is parsed again, no other")

        if size == 10000:
            profile = DATA / f"profile-{MANY_SKILLS}-skills.yaml"
            if not profile.exists():
                subprocess.run(
                    [PYTHON, str(ROOT / "bench" / "generate.py"), "--skills", str(MANY_SKILLS), str(profile)], check=True
                )
            many, _ = median(rank_command(folder, "tsv", profile), args.repeat, env=env)
            report.check(f"{label} postings: a {MANY_SKILLS:,}-skill profile, tsv, warm", f"{many:.2f} s", "<= 3 s", many <= 3.0)
        shutil.rmtree(cache, ignore_errors=True)

    if 10000 in warm_at and 100000 in warm_at:
        for fmt in FORMATS:
            growth = warm_at[100000][fmt] / warm_at[10000][fmt]
            report.check(f"100k / 10k postings: {fmt}, warm", f"{growth:.1f}x", "<= 20x (2x linear)", growth <= 20)

    report.print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"median of {args.repeat} runs warm, of {args.cold_repeat} cold at 10,000 postings, 1 cold at 100,000"
    )
    return 1 if report.misses else 0


if __name__ == "__main__":
    sys.exit(main())
