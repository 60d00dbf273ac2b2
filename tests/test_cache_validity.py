"""A cache is used only by the judgement code and catalogues that wrote it: after an edit to
either, a warm run gives exactly what a run without the cache gives (matcher.fingerprint).

Each test runs a copy of the package, edits the copy, and ranks the same folder warm and with
--no-cache; the edit is one that changes a verdict through what the cache keeps (a posting's
venue resolved, a skill list's count), so a stale cache would show the old verdict."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT

POSTING = """\
title: Research Intern
organization: Frob Labs
required:
  - publications: {venues: [Frobnication Symposium]}
preferred:
  - skills: {any: [Python, Rust]}
"""
PROFILE = """\
degree: {stage: phd, field: computer science}
skills: [Python]
publications:
  - {title: A paper, venue: FROBS, year: 2025}
"""


@pytest.fixture
def copy(tmp_path: Path) -> dict[str, Path]:
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "matcher", package / "matcher", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "postings").mkdir()
    (tmp_path / "postings" / "frob.yaml").write_text(POSTING)
    (tmp_path / "me.yaml").write_text(PROFILE)
    return {"package": package, "root": tmp_path}


def rank(copy: dict[str, Path], *extra: str) -> dict[str, str]:
    """The copy's folder ranked with the copy of the package: its one ranking row (TSV, which a
    warm run makes from the cache's table alone)."""
    header, row = run(copy, "-f", "tsv", *extra).splitlines()
    return dict(zip(header.split("\t"), row.split("\t"), strict=True))


def explained(copy: dict[str, Path], *extra: str) -> str:
    """Its JSONL line: every qualification explained (from templates a warm run keeps in the cache)."""
    return run(copy, "-f", "jsonl", *extra)


def run(copy: dict[str, Path], *extra: str) -> str:
    root = copy["root"]
    env = {**os.environ, "PYTHONPATH": str(copy["package"]), "INTERN_MATCH_CACHE_DIR": str(root / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "matcher", "rank", str(root / "me.yaml"), "-p", str(root / "postings"), *extra],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_a_catalogue_edit_reaches_a_warm_run(copy: dict[str, Path]) -> None:
    before = rank(copy)
    assert (before["eligible"], before["required_met"]) == ("no", "0")  # neither name is a venue it knows
    index_path = copy["package"] / "matcher" / "knowledge" / "venues.index.json"
    index = json.loads(index_path.read_text())
    index["venues"].append(["FROBS", "Frobnication Symposium", ["ml"], "conference", None])
    number = len(index["venues"]) - 1
    index["acronyms"]["frobs"] = [number, "exact"]
    index["names"]["frobnication symposium"] = number
    index_path.write_text(json.dumps(index))

    warm = rank(copy)
    assert warm == rank(copy, "--no-cache")
    assert (warm["eligible"], warm["required_met"]) == ("yes", "1")


def test_a_rule_change_reaches_a_warm_run(copy: dict[str, Path]) -> None:
    before, explained_before = rank(copy), explained(copy)
    assert before["preferred_met"] == "1"  # any one of Python, Rust
    rule = copy["package"] / "matcher" / "rules" / "skills.py"
    code = rule.read_text()
    assert '(1 if c.mode == "any" else len(wanted))' in code
    rule.write_text(code.replace('(1 if c.mode == "any" else len(wanted))', '(2 if c.mode == "any" else len(wanted))'))

    warm = rank(copy)
    assert warm == rank(copy, "--no-cache")
    assert warm["preferred_met"] == "0" and warm["score"] < before["score"]  # the edited rule wants two of them
    assert explained(copy) == explained(copy, "--no-cache") != explained_before
