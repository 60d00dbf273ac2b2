"""Regenerate README.md from tools/README.template.md with real output of the commands it shows.

Run from the repository root after changing output or the benchmark:
    python bench/run.py > /tmp/bench.txt; python tools/make_readme.py /tmp/bench.txt
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
EXE = str(Path(sys.executable).parent / "intern-match")
# TTY_COMPATIBLE: the examples show what a terminal shows (tables drawn by rich, a screenful).
ENV = {**os.environ, "COLUMNS": "100", "NO_COLOR": "1", "TTY_COMPATIBLE": "1", "INTERN_MATCH_POSTINGS": ""}
DAY = ["--today", "2026-11-23"]


def run(*args: str, stderr: bool = False) -> str:
    done = subprocess.run(list(args), capture_output=True, text=True, cwd=ROOT, env=ENV)
    text = done.stderr if stderr else done.stdout
    return "\n".join(line.rstrip() for line in text.rstrip().splitlines())


def main() -> None:
    bench_lines = Path(sys.argv[1]).read_text().splitlines()
    explain = run(EXE, "explain", "msr-cambridge-project-tokyo-ml-uq", "profiles/me.yaml", *DAY).splitlines()
    second = next(i for i, line in enumerate(explain) if line.startswith("2. "))
    topical = next(i for i, line in enumerate(explain) if line.startswith("topical fit"))
    broken = ROOT / "broken.yaml"
    broken.write_text("degree: {stage: phd\n  skills: [a\n")
    try:
        error = run(EXE, "rank", "broken.yaml", stderr=True)
    finally:
        broken.unlink()
    rows = [ln for ln in (ROOT / "tests/data/venue_strings.tsv").read_text().splitlines() if ln and not ln.startswith("#")]
    values = {
        "RANK": run(EXE, "rank", "profiles/me.yaml", *DAY),
        "EXPLAIN": "\n".join(explain[:second] + ["  ..."] + explain[topical:]),
        "GAPS": run(EXE, "gaps", "profiles/me.yaml", "--top", "3", *DAY),
        "SHORTLIST": "\n".join(
            "\t".join(line.split("\t")[:5])
            for line in run(EXE, "shortlist", "msr-ai-hardware-architecture-intern", "profiles", "-f", "tsv", *DAY).splitlines()[
                :5
            ]
        ),
        "VENUES": run(
            EXE,
            "venues",
            "NIPS 2023",
            "Proc. of the IEEE/CVF Conference on Computer Vision and Pattern Recognition",
            "CVPR Workshops",
            "ISCA '24",
        )
        + "\n\n$ python tools/venue_accuracy.py\n"
        + run(sys.executable, "tools/venue_accuracy.py"),
        "PROFILE": run(EXE, "profile", "show", "profiles/jules-bibtex.yaml", *DAY),
        "INGEST": "\n".join(run(EXE, "ingest", "tests/data/seeds/003_da17db3fbc547264.txt").splitlines()[:24]),
        "AGREEMENT": run(sys.executable, "tools/ingest_agreement.py"),
        "ERROR": error,
        "BENCH": "\n".join(bench_lines[1:]),
        "BENCH_MACHINE": bench_lines[0].removeprefix("machine: "),
        "TERM_COUNT": str(len(yaml.safe_load((ROOT / "matcher/knowledge/terms.yaml").read_text()))),
        "VENUE_COUNT": str(len(rows) - 1),
    }
    # {{ and }} in the template are literal braces (a URL's {TOKEN}), not placeholders.
    text = (ROOT / "tools" / "README.template.md").read_text().replace("{{", "\0").replace("}}", "\1")
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    leftover = re.findall(r"\{[A-Z_]+\}", text)
    assert not leftover, leftover
    text = text.replace("\0", "{").replace("\1", "}")
    (ROOT / "README.md").write_text(text)
    print(f"wrote README.md ({len(text.splitlines())} lines)")


if __name__ == "__main__":
    main()
