"""`intern-match fetch` and what `rank` does with fetched postings, through the command line,
against a real local server (the boards' URLs replaced by INTERN_MATCH_*_URL)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from typer.testing import CliRunner

from matcher.cli import EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, app
from matcher.errors import EXIT_SOURCE_FAILED
from matcher.folders import bundled_postings_dir, load_postings

from .conftest import PROFILES
from .fetch_boards import greenhouse_board, greenhouse_job, thirty_roles

ME = str(PROFILES / "me.yaml")
BOARD = "/v1/boards/acme/jobs"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, server: HTTPServer, *args: str):
    base = server.url_for("").rstrip("/")
    env = {"NO_COLOR": "1", "COLUMNS": "120", "INTERN_MATCH_POSTINGS": None, "INTERN_MATCH_GREENHOUSE_URL": base}
    return runner.invoke(app, list(args), env=env)


def counts(stderr: str, source: str) -> list[str]:
    """The summary row of a source: fetched, internships, new, changed, closed, failed."""
    row = next(line for line in stderr.splitlines() if line.strip().startswith(source))
    return row.split()[1:]


def test_done_when_a_board_of_30_roles_gives_8_postings_kept_fresh(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The issue's "done when": 8 internships of 30 roles become 8 posting files that rank uses; a
    second fetch after one closes and one changes reports 1 closed, 1 changed, 0 new and keeps the
    person's edit; rank hides the closed one and says so."""
    out = tmp_path / "fetched"
    jobs = thirty_roles()
    httpserver.expect_oneshot_request(BOARD).respond_with_json(greenhouse_board(jobs))
    first = invoke(runner, httpserver, "fetch", "greenhouse:acme", "--out", str(out))
    assert first.exit_code == EXIT_OK, first.output
    assert counts(first.stderr, "greenhouse:acme") == ["30", "8", "8", "0", "0", "0"]
    ranked = invoke(runner, httpserver, "rank", ME, "--postings", str(out), "--format", "json")
    assert ranked.exit_code == EXIT_OK, ranked.output
    assert len(json.loads(ranked.stdout)["results"]) == 8

    by_title = {p.title: p for p in load_postings(out).postings}
    edited = out / f"{by_title[jobs[1]['title']].id}.yaml"
    edited.write_text(edited.read_text().replace("title:", "# I checked this one\ntitle:"))
    mine = edited.read_text()
    gone = jobs.pop(0)
    jobs[0] = greenhouse_job(2, jobs[0]["title"], extra="<p>Also: experience with JAX.</p>")
    httpserver.expect_oneshot_request(BOARD).respond_with_json(greenhouse_board(jobs))
    second = invoke(runner, httpserver, "fetch", "--out", str(out))  # the sources from sources.yaml
    assert second.exit_code == EXIT_OK, second.output
    assert counts(second.stderr, "greenhouse:acme") == ["29", "7", "0", "1", "1", "0"]
    said = " ".join(second.stderr.split())
    assert f"{edited.stem}.yaml was edited by hand; the new draft is {edited.stem}.new.yaml" in said
    assert edited.read_text() == mine
    assert "JAX" in edited.with_name(f"{edited.stem}.new.yaml").read_text()

    ranked = invoke(runner, httpserver, "rank", ME, "--postings", str(out), "--format", "json")
    assert ranked.exit_code == EXIT_OK, ranked.output
    shown = [r["title"] for r in json.loads(ranked.stdout)["results"]]
    assert len(shown) == 7 and gone["title"] not in shown
    assert "hid 1 closed posting(s)" in ranked.stderr
    everything = invoke(runner, httpserver, "rank", ME, "--postings", str(out), "--format", "json", "--include-closed")
    assert len(json.loads(everything.stdout)["results"]) == 8


def test_a_failing_source_exits_4_and_the_others_are_written(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request(BOARD).respond_with_json(greenhouse_board(thirty_roles()))
    httpserver.expect_request("/v1/boards/gone/jobs").respond_with_data("no such board", status=404)
    result = invoke(runner, httpserver, "fetch", "greenhouse:gone", "greenhouse:acme", "--out", str(tmp_path))
    assert result.exit_code == EXIT_SOURCE_FAILED, result.output
    said = " ".join(result.stderr.split())
    assert "greenhouse:gone: failed:" in said and "HTTP 404" in said
    assert counts(result.stderr, "greenhouse:acme")[:3] == ["30", "8", "8"]


def test_an_unknown_source_is_a_usage_error(runner: CliRunner, httpserver: HTTPServer, tmp_path: Path) -> None:
    result = invoke(runner, httpserver, "fetch", "workday:acme", "--out", str(tmp_path))
    assert result.exit_code == EXIT_USAGE
    assert "is not a source" in result.stderr


def test_board_text_reaches_the_terminal_without_markup_or_escapes(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    hostile = greenhouse_job(1, "Research Intern [bold red]x[/] \x1b[2J\x1b]0;pwned\x07")
    httpserver.expect_request(BOARD).respond_with_json(greenhouse_board([hostile]))
    assert invoke(runner, httpserver, "fetch", "greenhouse:acme", "--out", str(tmp_path)).exit_code == EXIT_OK
    result = invoke(runner, httpserver, "rank", ME, "--postings", str(tmp_path))
    assert result.exit_code == EXIT_OK, result.output
    assert "[bold red]x[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_rank_uses_every_postings_folder_and_reports_repeated_ids(
    runner: CliRunner, httpserver: HTTPServer, tmp_path: Path
) -> None:
    copy = tmp_path / "copy"
    shutil.copytree(bundled_postings_dir(), copy)
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new-one.yaml").write_text(
        "id: new-one\ntitle: Research Intern, Speech\norganization: Example\nrequired: [degree: {stage: phd}]\n"
    )
    result = invoke(
        runner, httpserver, "rank", ME, "-p", str(bundled_postings_dir()), "-p", str(extra), "-p", str(copy), "-f", "json"
    )
    assert result.exit_code == EXIT_SKIPPED, result.output
    ids = [r["id"] for r in json.loads(result.stdout)["results"]]
    assert "new-one" in ids and len(ids) == len(set(ids)) == 6
    assert result.stderr.count("duplicate posting id") == 5


def test_rank_marks_postings_past_their_deadline(runner: CliRunner, httpserver: HTTPServer) -> None:
    result = invoke(runner, httpserver, "rank", ME, "--today", "2026-11-23")
    assert result.exit_code == EXIT_OK, result.output
    assert "past deadline 2021-08-15" in result.stdout
