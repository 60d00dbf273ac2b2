"""Measure venue resolution on tests/data/venue_strings.tsv through `intern-match venues`.

Run from the repository root:  python tools/venue_accuracy.py
Prints the accuracy and every miss; exits 1 if it is below the target or if any workshop,
Findings paper or unknown string resolves to a main venue (a false resolution).
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "venue_strings.tsv"
TARGET = 0.97


@dataclass
class Report:
    total: int = 0
    correct: int = 0
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    false_resolutions: list[tuple[str, str]] = field(default_factory=list)
    """(query, venue) for strings that must resolve to nothing but did."""

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def read_table(path: Path = TABLE) -> list[tuple[str, str]]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return [(row["query"], row["expected"]) for row in csv.DictReader(lines, delimiter="\t")]


def measure(rows: list[tuple[str, str]]) -> Report:
    queries = "\n".join(q for q, _ in rows) + "\n"
    command = [sys.executable, "-m", "matcher", "venues", "-", "--format", "json"]
    done = subprocess.run(command, input=queries, capture_output=True, text=True, check=True, cwd=ROOT)
    report = Report()
    for (query, expected), answer in zip(rows, json.loads(done.stdout), strict=True):
        got = answer["venue"] or "-"
        report.total += 1
        if got == expected:
            report.correct += 1
        else:
            report.misses.append((query, expected, got))
            if expected == "-":
                report.false_resolutions.append((query, got))
    return report


def main() -> int:
    report = measure(read_table())
    for query, expected, got in report.misses:
        print(f"miss: {query!r}: expected {expected}, got {got}")
    print(
        f"venue accuracy: {report.correct}/{report.total} = {report.accuracy:.1%} (target {TARGET:.0%}); "
        f"false resolutions to a main venue: {len(report.false_resolutions)} (target 0)"
    )
    ok = report.accuracy >= TARGET and not report.false_resolutions
    print("PASS" if ok else "MISS")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
