"""fetch against a real local HTTP server serving boards in their documented shapes: paging,
escaped HTML, retries, failures, and the folder kept fresh across runs. No test touches the internet."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from matcher.fetch.boards import Source, parse_source
from matcher.fetch.client import USER_AGENT, BoardClient, FetchFailed, retry_after
from matcher.fetch.jobs import BoardJob
from matcher.fetch.roles import is_internship
from matcher.fetch.run import FetchSummary, SourceSummary, fetch
from matcher.folders import load_postings
from matcher.loading import load_posting

from .fetch_boards import (
    JSON_LD_PAGE,
    ashby_board,
    greenhouse_board,
    greenhouse_job,
    lever_posting,
    smartrecruiters_details,
    smartrecruiters_page,
    thirty_roles,
)

NOW = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 12, 10, 9, 0, tzinfo=UTC)
GREENHOUSE = "/v1/boards/acme/jobs"


class Waits:
    """The backoff clock: records the waits instead of sleeping."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def waits() -> Waits:
    return Waits()


@pytest.fixture
def client(waits: Waits):
    with BoardClient(sleep=waits, timeout=0.5) as made:
        yield made


@pytest.fixture
def boards(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> HTTPServer:
    """Every board's API replaced by the local server, as INTERN_MATCH_*_URL allows."""
    base = httpserver.url_for("").rstrip("/")
    for board in ("GREENHOUSE", "LEVER", "LEVER_EU", "ASHBY", "SMARTRECRUITERS"):
        monkeypatch.setenv(f"INTERN_MATCH_{board}_URL", base)
    return httpserver


def only(summary: FetchSummary) -> SourceSummary:
    assert len(summary.sources) == 1, summary
    return summary.sources[0]


def posting_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.glob("*.yaml") if p.name != "sources.yaml")


# ----------------------------------------------------------------------------- sources and roles


def test_a_source_names_a_board_a_page_or_a_saved_file() -> None:
    assert parse_source("greenhouse:acme") == Source("greenhouse", "acme")
    assert parse_source("lever-eu:example") == Source("lever-eu", "example")
    assert parse_source("https://example.org/jobs/1") == Source("page", "https://example.org/jobs/1")
    assert parse_source("saved/posting.html") == Source("file", "saved/posting.html")
    assert "is not a source" in str(parse_source("workday:acme"))
    assert "expected greenhouse:NAME" in str(parse_source("greenhouse:../etc"))


@pytest.mark.parametrize(
    ("title", "employment", "internship"),
    [
        ("Research Intern, Vision", "", True),
        ("Student Researcher", "", True),
        ("PhD Residency", "", True),
        ("Co-op, Compilers", "", True),
        ("Machine Learning Engineer", "Intern", True),
        ("Speech Scientist", "Internship", True),
        ("International Tax Manager", "Full-time", False),
        ("Internal Communications Lead", "", False),
        ("Senior Software Engineer", "Full-time", False),
    ],
)
def test_internships_are_told_by_what_the_board_says_or_the_title(title: str, employment: str, internship: bool) -> None:
    assert is_internship(BoardJob.cleaned("lever", "x", "1", title=title, employment=employment)) is internship


def test_board_text_is_bounded_and_loses_control_characters() -> None:
    job = BoardJob.cleaned("lever", "x", "1", title="Intern\x1b[2J\nof doom" + "x" * 1000, body="a\x00b\x1b]0;owned\x07c\nd")
    assert job.title is not None and "\x1b" not in job.title and "\n" not in job.title and len(job.title) <= 300
    assert job.body == "ab]0;ownedc\nd"


# ----------------------------------------------------------------------------- the HTTP client


def test_the_client_names_the_tool_and_its_version(boards: HTTPServer, client: BoardClient) -> None:
    boards.expect_request("/ua", headers={"User-Agent": USER_AGENT}).respond_with_json({"ok": True})
    assert client.json(boards.url_for("/ua")) == {"ok": True}
    assert USER_AGENT.startswith("intern-match/")


def test_a_429_is_retried_after_the_wait_the_server_asks_for(boards: HTTPServer, client: BoardClient, waits: Waits) -> None:
    boards.expect_oneshot_request("/busy").respond_with_data("slow down", status=429, headers={"Retry-After": "7"})
    boards.expect_request("/busy").respond_with_json([1, 2])
    assert client.json(boards.url_for("/busy")) == [1, 2]
    assert waits.waits == [7.0]


def test_a_500_is_retried_with_growing_backoff_then_fails(boards: HTTPServer, client: BoardClient, waits: Waits) -> None:
    boards.expect_request("/broken").respond_with_data("oops", status=500)
    with pytest.raises(FetchFailed, match=r"HTTP 500 after 4 attempts"):
        client.json(boards.url_for("/broken"))
    assert waits.waits == [1.0, 2.0, 4.0]


def test_a_404_is_not_retried(boards: HTTPServer, client: BoardClient, waits: Waits) -> None:
    boards.expect_request("/missing").respond_with_data("no", status=404)
    with pytest.raises(FetchFailed, match="HTTP 404"):
        client.json(boards.url_for("/missing"))
    assert waits.waits == []


def test_a_server_that_does_not_answer_in_time_fails(boards: HTTPServer, waits: Waits) -> None:
    def slow(request: Request) -> Response:
        time.sleep(0.6)
        return Response("{}", content_type="application/json")

    boards.expect_request("/slow").respond_with_handler(slow)
    with BoardClient(sleep=waits, timeout=0.2, attempts=2) as client, pytest.raises(FetchFailed, match="timed out"):
        client.json(boards.url_for("/slow"))


def test_a_huge_answer_is_refused(boards: HTTPServer, client: BoardClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("matcher.fetch.client.MAX_RESPONSE_BYTES", 1000)
    boards.expect_request("/huge").respond_with_data("x" * 5000)
    with pytest.raises(FetchFailed, match="larger than"):
        client.text(boards.url_for("/huge"))


def test_retry_after_reads_seconds_and_dates_and_is_capped() -> None:
    assert retry_after("3", default=1) == 3
    assert retry_after(None, default=1.5) == 1.5
    assert retry_after("Wed, 03 Dec 2026 09:00:30 GMT", default=1, now=NOW) == 30
    assert retry_after("86400", default=1) == 60
    assert retry_after("soon", default=2) == 2


# ----------------------------------------------------------------------------- the boards


def test_greenhouse_internships_become_posting_files_that_load(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE, query_string={"content": "true"}).respond_with_json(greenhouse_board(thirty_roles()))
    summary = only(fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW))
    assert (summary.fetched, summary.internships, summary.new, summary.failed) == (30, 8, 8, 0)
    assert len(posting_files(tmp_path)) == 8
    loaded = load_postings(tmp_path)
    assert not loaded.skipped and len(loaded.postings) == 8
    vision = next(p for p in loaded.postings if p.title == "Research Intern, Computer Vision")
    assert (vision.organization, vision.location, vision.source) == (
        "Acme AI",
        ("London, UK",),
        "https://boards.greenhouse.io/acme/jobs/4000001",
    )
    assert vision.required, "the escaped HTML was unescaped and read through the parser"
    written = yaml.safe_load((tmp_path / f"{vision.id}.yaml").read_text())
    assert written["source"]["board"] == "greenhouse" and written["source"]["board_id"] == "4000001"
    assert written["source"]["content_hash"].startswith("sha256:")
    assert written["source"]["fetched_at"] == "2026-12-03T09:00:00+00:00"
    assert (tmp_path / "raw" / f"{vision.id}.txt").read_text().startswith("---\ntitle: Research Intern, Computer Vision")


def test_all_roles_keeps_every_role(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board(thirty_roles()))
    summary = only(fetch(["greenhouse:acme"], tmp_path, client=client, all_roles=True, now=NOW))
    assert (summary.internships, summary.new) == (30, 30)


def test_lever_is_read_page_by_page(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    first = [lever_posting(i, f"Engineer {i}") for i in range(99)] + [lever_posting(99, "Robotics Intern", "Intern")]
    boards.expect_request("/v0/postings/example", query_string={"mode": "json", "skip": "0", "limit": "100"}).respond_with_json(
        first
    )
    second = [lever_posting(100, "Research Scientist", "Internship"), lever_posting(101, "Designer")]
    boards.expect_request("/v0/postings/example", query_string={"mode": "json", "skip": "100", "limit": "100"}).respond_with_json(
        second
    )
    summary = only(fetch(["lever:example"], tmp_path, client=client, now=NOW))
    assert (summary.fetched, summary.internships, summary.new) == (102, 2, 2)
    robotics = load_posting(str(tmp_path / next(n for n in posting_files(tmp_path) if "robotics" in n)))
    assert robotics.location == ("Zurich, Switzerland",) and robotics.required


def test_lever_eu_has_its_own_host(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request("/v0/postings/example").respond_with_json([lever_posting(1, "Intern, Vision", "Intern")])
    assert only(fetch(["lever-eu:example"], tmp_path, client=client, now=NOW)).new == 1


def test_ashby_leaves_unlisted_jobs_out(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request("/posting-api/job-board/example", query_string={"includeCompensation": "true"}).respond_with_json(
        ashby_board()
    )
    summary = only(fetch(["ashby:example"], tmp_path, client=client, now=NOW))
    assert (summary.fetched, summary.internships, summary.new) == (2, 1, 1)
    (posting,) = load_postings(tmp_path).postings
    assert posting.location == ("San Francisco, CA", "New York, NY")


def test_smartrecruiters_pages_and_fetches_details_only_for_internships(
    boards: HTTPServer, client: BoardClient, tmp_path: Path
) -> None:
    path = "/v1/companies/Example/postings"
    boards.expect_request(path, query_string={"limit": "100", "offset": "0"}).respond_with_json(smartrecruiters_page(0, 130))
    boards.expect_request(path, query_string={"limit": "100", "offset": "100"}).respond_with_json(smartrecruiters_page(100, 130))
    for number in range(0, 130, 3):
        boards.expect_request(f"{path}/{744000000 + number}").respond_with_json(smartrecruiters_details(number))
    summary = only(fetch(["smartrecruiters:Example"], tmp_path, client=client, now=NOW))
    assert (summary.fetched, summary.internships, summary.new, summary.failed) == (130, 44, 44, 0)
    detail_requests = [r for r, _ in boards.log if r.path.startswith(f"{path}/")]
    assert len(detail_requests) == 44
    posting = load_posting(str(tmp_path / posting_files(tmp_path)[0]))
    assert (
        posting.organization == "Example GmbH"
        and posting.source
        and posting.source.startswith("https://jobs.smartrecruiters.com/")
    )


def test_one_failing_smartrecruiters_details_request_fails_only_that_posting(
    boards: HTTPServer, client: BoardClient, tmp_path: Path
) -> None:
    path = "/v1/companies/Example/postings"
    boards.expect_request(path, query_string={"limit": "100", "offset": "0"}).respond_with_json(smartrecruiters_page(0, 9))
    boards.expect_request(f"{path}/744000003").respond_with_data("oops", status=500)
    for number in (0, 6):
        boards.expect_request(f"{path}/{744000000 + number}").respond_with_json(smartrecruiters_details(number))
    summary = only(fetch(["smartrecruiters:Example"], tmp_path, client=client, now=NOW))
    assert (summary.error, summary.fetched, summary.internships, summary.new, summary.failed) == (None, 9, 3, 2, 1)
    (problem,) = summary.problems
    assert problem.startswith("744000003: its details could not be fetched:") and "HTTP 500" in problem
    assert len(posting_files(tmp_path)) == 2
    assert fetch(["smartrecruiters:Example"], tmp_path, client=client, now=LATER).exit_status == 3, "a failed posting is exit 3"


def test_a_posting_page_taken_down_is_closed_not_a_failed_source(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    page = boards.url_for("/careers/graph-intern")
    boards.expect_oneshot_request("/careers/graph-intern").respond_with_data(JSON_LD_PAGE, content_type="text/html")
    fetch([page], tmp_path, client=client, now=NOW)
    boards.expect_oneshot_request("/careers/graph-intern").respond_with_data("gone", status=404)
    first = fetch([], tmp_path, client=client, now=LATER)
    assert (only(first).error, only(first).closed, first.exit_status) == (None, 1, 0)
    boards.expect_oneshot_request("/careers/graph-intern").respond_with_data("gone", status=410)
    again = fetch([], tmp_path, client=client, now=LATER)
    assert (only(again).error, only(again).closed, again.exit_status) == (None, 0, 0), "closed once"
    (posting,) = load_postings(tmp_path).postings
    assert (posting.status, posting.closed_on and posting.closed_on.isoformat()) == ("closed", "2026-12-10")
    boards.expect_oneshot_request("/never-seen").respond_with_data("no", status=404)
    never = only(fetch([boards.url_for("/never-seen")], tmp_path, client=client, now=LATER))
    assert never.error is not None and "HTTP 404" in never.error, "a page never fetched that is not there is a failure"


def test_a_page_with_json_ld_gives_its_job_posting(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request("/careers/graph-intern").respond_with_data(JSON_LD_PAGE, content_type="text/html")
    summary = only(fetch([boards.url_for("/careers/graph-intern")], tmp_path, client=client, now=NOW))
    assert summary.new == 1
    (posting,) = load_postings(tmp_path).postings
    assert (posting.title, posting.organization, posting.location) == (
        "Research Intern, Graph Learning",
        "Graph Labs",
        ("Paris, France",),
    )
    assert posting.deadline is not None and posting.deadline.isoformat() == "2027-01-31"
    assert posting.required


def test_a_saved_file_is_one_posting(client: BoardClient, tmp_path: Path) -> None:
    saved = tmp_path / "saved.md"
    saved.write_text("# Research Intern, Speech\n\n## Requirements\n- PhD student in speech recognition\n")
    out = tmp_path / "out"
    out.mkdir()
    assert only(fetch([str(saved)], out, client=client, now=NOW)).new == 1


def test_an_empty_board_gives_no_postings(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board([]))
    summary = only(fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW))
    assert (summary.fetched, summary.new, summary.error) == (0, 0, None)


def test_one_failing_source_is_reported_and_the_others_complete(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board(thirty_roles()))
    boards.expect_request("/posting-api/job-board/broken").respond_with_data("down", status=500)
    summary = fetch(["ashby:broken", "greenhouse:acme"], tmp_path, client=client, now=NOW)
    broken, acme = summary.sources
    assert broken.error is not None and "HTTP 500" in broken.error
    assert acme.new == 8
    assert [s.source for s in summary.failed_sources] == ["ashby:broken"]
    assert yaml.safe_load((tmp_path / "sources.yaml").read_text())["sources"] == ["ashby:broken", "greenhouse:acme"]


# ----------------------------------------------------------------------------- kept fresh


def test_a_second_run_leaves_unchanged_postings_alone(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board(thirty_roles()))
    fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    before = {n: (tmp_path / n).stat().st_mtime_ns for n in posting_files(tmp_path)}
    summary = only(fetch([], tmp_path, client=client, now=LATER))  # the sources from sources.yaml
    assert (summary.new, summary.changed, summary.unchanged, summary.closed) == (0, 0, 8, 0)
    assert {n: (tmp_path / n).stat().st_mtime_ns for n in posting_files(tmp_path)} == before


def test_postings_gone_from_the_board_are_closed_not_deleted(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    jobs = thirty_roles()
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs[1:]))
    summary = only(fetch([], tmp_path, client=client, now=LATER))
    assert (summary.closed, summary.new, summary.changed) == (1, 0, 0)
    assert len(posting_files(tmp_path)) == 8
    closed = [p for p in load_postings(tmp_path).postings if p.status == "closed"]
    assert [(p.title, p.closed_on.isoformat() if p.closed_on else None) for p in closed] == [
        ("Research Intern, Computer Vision", "2026-12-10")
    ]
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    again = only(fetch([], tmp_path, client=client, now=LATER))
    assert (again.closed, again.changed) == (0, 1), "a posting back on its board is open again"
    assert not [p for p in load_postings(tmp_path).postings if p.status == "closed"]


def test_a_changed_posting_is_drafted_again(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    jobs = thirty_roles()
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    jobs[1] = greenhouse_job(2, jobs[1]["title"], extra="<ul><li>Experience with JAX</li></ul>")
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    summary = only(fetch([], tmp_path, client=client, now=LATER))
    assert (summary.changed, summary.unchanged, summary.beside) == (1, 7, ())
    changed = next(p for p in load_postings(tmp_path).postings if p.title == jobs[1]["title"])
    assert "JAX" in (tmp_path / f"{changed.id}.yaml").read_text()


def test_a_hand_edited_posting_keeps_the_edit_and_gets_a_new_draft_beside_it(
    boards: HTTPServer, client: BoardClient, tmp_path: Path
) -> None:
    jobs = thirty_roles()
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    edited = next(p for p in load_postings(tmp_path).postings if p.title == jobs[0]["title"])
    path = tmp_path / f"{edited.id}.yaml"
    path.write_text(path.read_text().replace("preferred:", "# checked by hand\npreferred:"))
    mine = path.read_text()
    jobs[0] = greenhouse_job(1, jobs[0]["title"], extra="<p>New: we also want JAX.</p>")
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    summary = only(fetch([], tmp_path, client=client, now=LATER))
    assert (summary.changed, summary.beside) == (1, (edited.id,))
    assert path.read_text() == mine
    assert "JAX" in (tmp_path / f"{edited.id}.new.yaml").read_text()
    assert len(load_postings(tmp_path).postings) == 8, "the .new.yaml draft is not read as a posting"
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    assert only(fetch([], tmp_path, client=client, now=LATER)).changed == 0, "the same draft is not made twice"


def test_a_closed_edited_posting_keeps_the_edit(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    jobs = thirty_roles()
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs))
    fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    gone = next(p for p in load_postings(tmp_path).postings if p.title == jobs[0]["title"])
    path = tmp_path / f"{gone.id}.yaml"
    path.write_text(path.read_text() + "# my notes: ask about the start date\n")
    boards.expect_oneshot_request(GREENHOUSE).respond_with_json(greenhouse_board(jobs[1:]))
    assert only(fetch([], tmp_path, client=client, now=LATER)).closed == 1
    text = path.read_text()
    assert "# my notes: ask about the start date" in text and "status: closed" in text
    assert load_posting(str(path)).status == "closed"


def test_duplicates_are_written_once(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    same = greenhouse_job(1, "Research Intern, Vision")
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board([same, greenhouse_job(2, "Research Intern, Vision")]))
    boards.expect_request("/v1/boards/acme-eu/jobs").respond_with_json(greenhouse_board([same]))
    summary = fetch(["greenhouse:acme", "greenhouse:acme-eu"], tmp_path, client=client, now=NOW)
    assert [(s.new, s.duplicates) for s in summary.sources] == [(1, 1), (0, 1)]
    assert len(posting_files(tmp_path)) == 1


def test_a_dry_run_writes_nothing(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board(thirty_roles()))
    summary = only(fetch(["greenhouse:acme"], tmp_path, client=client, dry_run=True, now=NOW))
    assert summary.new == 8
    assert list(tmp_path.iterdir()) == []


def test_no_more_than_four_requests_at_once_reach_one_host(
    client: BoardClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    path = "/v1/companies/Example/postings"
    in_flight, most, lock = [0], [0], threading.Lock()

    def details(request: Request) -> Response:
        with lock:
            in_flight[0] += 1
            most[0] = max(most[0], in_flight[0])
        time.sleep(0.05)
        with lock:
            in_flight[0] -= 1
        number = int(request.path.rsplit("/", 1)[1]) - 744000000
        return Response(json.dumps(smartrecruiters_details(number)), content_type="application/json")

    server = HTTPServer(threaded=True)  # the shared fixture's server answers one request at a time
    server.start()
    try:
        monkeypatch.setenv("INTERN_MATCH_SMARTRECRUITERS_URL", server.url_for("").rstrip("/"))
        server.expect_request(path, query_string={"limit": "100", "offset": "0"}).respond_with_json(smartrecruiters_page(0, 60))
        server.expect_request(re.compile(rf"{path}/\d+")).respond_with_handler(details)
        assert only(fetch(["smartrecruiters:Example"], tmp_path, client=client, now=NOW)).new == 20
    finally:
        server.stop()
    assert 1 < most[0] <= 4


def test_each_run_has_its_own_moment_even_within_one_second(boards: HTTPServer, client: BoardClient, tmp_path: Path) -> None:
    boards.expect_request(GREENHOUSE).respond_with_json(greenhouse_board(thirty_roles()))
    first = fetch(["greenhouse:acme"], tmp_path, client=client, now=NOW)
    second = fetch([], tmp_path, client=client, now=NOW)
    assert (first.previous_fetch, first.fetched_at) == (None, NOW)
    assert second.previous_fetch == NOW and second.fetched_at is not None and second.fetched_at > NOW
    assert {p.first_seen for p in load_postings(tmp_path).postings} == {NOW}
