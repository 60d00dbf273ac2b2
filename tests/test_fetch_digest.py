"""What fetch's folder tells the other commands: the digest of postings new since a fetch
(`fetch --new`, `rank --since`), closed postings left out of gaps, explain and shortlist, and
each posting's status in rank's machine-readable output. Against a real local server."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from matcher.cli import EXIT_OK, EXIT_USAGE
from matcher.folders import load_postings

from .fetch_boards import greenhouse_board, greenhouse_job, thirty_roles
from .test_fetch_cli import BOARD, ME, invoke


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def fetched_twice(runner: CliRunner, server: HTTPServer, out: Path) -> list[dict]:
    """A first fetch of the 30-role board, then a second after the first internship left it and
    a new one joined; the jobs of the second."""
    jobs = thirty_roles()
    server.expect_oneshot_request(BOARD).respond_with_json(greenhouse_board(jobs))
    assert invoke(runner, server, "fetch", "greenhouse:acme", "--out", str(out)).exit_code == EXIT_OK
    later = [*jobs[1:], greenhouse_job(40, "Research Intern, Speech Recognition")]
    server.expect_oneshot_request(BOARD).respond_with_json(greenhouse_board(later))
    return later


def first_seen_of(out: Path) -> dict[str, str]:
    return {p.title: p.first_seen.isoformat() for p in load_postings(out).postings if p.first_seen}


# ----------------------------------------------------------------------------- the digest


def test_first_seen_is_written_once_and_kept_through_later_drafts(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    out = tmp_path / "fetched"
    jobs = fetched_twice(runner, httpserver, out)
    before = first_seen_of(out)
    assert len(before) == 8
    jobs[0] = greenhouse_job(2, jobs[0]["title"], extra="<p>Also: JAX.</p>")  # changed: drafted again
    httpserver.expect_oneshot_request(BOARD).respond_with_json(greenhouse_board(jobs))
    assert invoke(runner, httpserver, "fetch", "--out", str(out)).exit_code == EXIT_OK
    after = first_seen_of(out)
    assert {t: after[t] for t in before} == before, "a posting drafted again keeps when it was first seen"
    assert after["Research Intern, Speech Recognition"] > before[jobs[0]["title"]]
    state = yaml.safe_load((out / "sources.yaml").read_text())
    assert state["last_fetched"] >= after["Research Intern, Speech Recognition"]


def test_fetch_new_ranks_only_what_this_fetch_saw_first(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    out = tmp_path / "fetched"
    fetched_twice(runner, httpserver, out)
    result = invoke(runner, httpserver, "fetch", "--out", str(out), "--new", "--profile", ME, "--format", "json")
    assert result.exit_code == EXIT_OK, result.output
    shown = [r["title"] for r in json.loads(result.stdout)["results"]]
    assert shown == ["Research Intern, Speech Recognition"]
    said = " ".join(result.stderr.split())
    assert "new postings in" in said and "first seen since the previous fetch" in said
    assert "1 new posting(s); 7 first seen earlier or not fetched, left out" in said
    assert "hid 1 closed posting(s)" in said


def test_the_first_fetch_of_a_folder_is_all_new(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(BOARD).respond_with_json(greenhouse_board(thirty_roles()))
    result = invoke(runner, httpserver, "fetch", "greenhouse:acme", "-o", str(tmp_path), "--new", "--profile", ME, "-f", "jsonl")
    assert result.exit_code == EXIT_OK, result.output
    assert len(result.stdout.splitlines()) == 8
    assert "all (the first fetch)" in " ".join(result.stderr.split())


def test_rank_since_a_day_lists_postings_first_seen_on_or_after_it_never_hand_written_ones(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    out = tmp_path / "fetched"
    fetched_twice(runner, httpserver, out)
    (out / "mine.yaml").write_text("id: mine\ntitle: Research Intern, Speech\norganization: Example\n")
    today = first_seen_of(out)["Research Intern, Computer Vision"][:10]
    result = invoke(runner, httpserver, "rank", ME, "-p", str(out), "--since", today, "-f", "json")
    assert result.exit_code == EXIT_OK, result.output
    ids = [r["id"] for r in json.loads(result.stdout)["results"]]
    assert len(ids) == 8 and "mine" not in ids
    tomorrow = invoke(runner, httpserver, "rank", ME, "-p", str(out), "--since", "2999-01-01", "-f", "json")
    assert json.loads(tomorrow.stdout)["results"] == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["rank", ME, "--since", "yesterday"], "--since: 'yesterday' is not a date"),
        (["fetch", "greenhouse:acme", "--since", "2026-12-01"], "give them with --new"),
        (["fetch", "greenhouse:acme", "--new", "--dry-run", "--profile", ME], "--dry-run writes none"),
        (["fetch", "greenhouse:acme", "--new", "--profile", ME, "--since", "2026-13-40"], "is not a date"),
    ],
)
def test_digest_options_are_checked_before_anything_is_fetched(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path, args: list[str], message: str
) -> None:
    result = invoke(runner, httpserver, *args, "--out" if args[0] == "fetch" else "-p", str(tmp_path))
    assert result.exit_code == EXIT_USAGE, result.output
    assert message in result.stderr
    assert not httpserver.log


# ----------------------------------------------------------------------------- closed postings elsewhere


def test_gaps_explain_and_shortlist_leave_closed_postings_out(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    out = tmp_path / "fetched"
    fetched_twice(runner, httpserver, out)
    assert invoke(runner, httpserver, "fetch", "--out", str(out)).exit_code == EXIT_OK
    (closed,) = [p for p in load_postings(out).postings if p.status == "closed"]

    gaps = invoke(runner, httpserver, "gaps", ME, "-p", str(out), "-f", "json")
    assert gaps.exit_code == EXIT_OK, gaps.output
    assert "hid 1 closed posting(s)" in gaps.stderr
    assert closed.id not in gaps.stdout
    assert "hid" not in invoke(runner, httpserver, "gaps", ME, "-p", str(out), "--include-closed").stderr

    for command in (["explain", closed.id, ME], ["shortlist", closed.id, ME]):
        refused = invoke(runner, httpserver, *command, "-p", str(out))
        assert refused.exit_code == EXIT_USAGE, refused.output
        assert f"posting '{closed.id}' is closed (gone from its board on " in refused.stderr
        assert "--include-closed" in refused.stderr
        shown = invoke(runner, httpserver, *command, "-p", str(out), "--include-closed", "-f", "json")
        assert shown.exit_code == EXIT_OK, shown.output
    named = invoke(runner, httpserver, "explain", str(out / f"{closed.id}.yaml"), ME)
    assert named.exit_code == EXIT_OK, "a file named is used as it is"


# ----------------------------------------------------------------------------- status in rank's output


def test_rank_output_carries_each_postings_status(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    out = tmp_path / "fetched"
    fetched_twice(runner, httpserver, out)
    assert invoke(runner, httpserver, "fetch", "--out", str(out)).exit_code == EXIT_OK
    (out / "old.yaml").write_text("id: old\ntitle: Research Intern, Speech\norganization: Example\ndeadline: 2020-01-31\n")
    common = ["rank", ME, "-p", str(out), "--include-closed", "--today", "2026-12-10"]

    results = json.loads(invoke(runner, httpserver, *common, "-f", "json").stdout)["results"]
    status = {r["id"]: r["status"] for r in results}
    assert sorted(status.values()).count("open") == 8 and status["old"] == "past"
    assert list(status.values()).count("closed") == 1
    jsonl = [json.loads(line) for line in invoke(runner, httpserver, *common, "-f", "jsonl").stdout.splitlines()]
    assert {r["id"]: r["status"] for r in jsonl} == status
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        rows = list(csv.reader(io.StringIO(invoke(runner, httpserver, *common, "-f", fmt).stdout), delimiter=delimiter))
        assert rows[0][-2:] == ["source", "status"], "added at the end; the columns before keep their places"
        assert {r[1]: r[-1] for r in rows[1:]} == status
