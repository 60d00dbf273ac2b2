"""fetch, put together: list every source (several at once), keep the internships, draft each
new or changed posting through ingest, write it (or set it beside a file a person edited), mark
the postings gone from their board closed, and return what happened per source. Prints nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from matcher.errors import EXIT_OK, EXIT_SKIPPED, EXIT_SOURCE_FAILED, InternMatchError, UsageError
from matcher.fetch.boards import Source, list_jobs, parse_source
from matcher.fetch.client import BoardClient, FetchFailed
from matcher.fetch.folder import PostingFolder, Written
from matcher.fetch.jobs import BoardJob, content_hash, identity, one_line, posting_id, posting_text
from matcher.fetch.roles import is_internship
from matcher.positioned import parse_moment

SOURCES_AT_ONCE = 4
"""Sources listed in parallel; requests to any one host are limited by the client as well."""

Progress = Callable[[int, int], None] | None
"""Told (sources listed, sources in all) as the boards answer, for a progress bar."""


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """What one source gave, and what fetch did with it."""

    source: str
    fetched: int = 0
    """Jobs the source listed."""
    internships: int = 0
    """Of those, the ones kept: internships (every role with --all-roles)."""
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    closed: int = 0
    """Postings fetch wrote before that the board no longer lists, marked closed now."""
    duplicates: int = 0
    """Kept jobs that repeat a posting already written (same URL, or organisation, title and places)."""
    failed: int = 0
    """Kept jobs that could not be drafted (the reasons are in `problems`)."""
    error: str | None = None
    """Why the whole source could not be read; nothing of it was changed."""
    beside: tuple[str, ...] = ()
    """Ids whose posting file a person had edited: the new draft is `<id>.new.yaml` beside it."""
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FetchSummary:
    folder: Path
    sources: tuple[SourceSummary, ...]
    all_roles: bool = False
    dry_run: bool = False
    fetched_at: datetime | None = None
    """This run's moment: the `first_seen` of the postings it wrote first."""
    previous_fetch: datetime | None = None
    """When fetch last wrote the folder before this run (sources.yaml's last_fetched); None the first time."""

    @property
    def failed_sources(self) -> list[SourceSummary]:
        return [s for s in self.sources if s.error is not None]

    @property
    def exit_status(self) -> int:
        """4 when a source could not be read, 3 when a posting could not be drafted, else 0."""
        if self.failed_sources:
            return EXIT_SOURCE_FAILED
        return EXIT_SKIPPED if any(s.failed for s in self.sources) else EXIT_OK


def fetch(
    given: Sequence[str],
    folder: Path,
    *,
    all_roles: bool = False,
    dry_run: bool = False,
    client: BoardClient | None = None,
    now: datetime | None = None,
    on_progress: Progress = None,
) -> FetchSummary:
    """Fetch every source given (else every source the folder's sources.yaml remembers) into
    `folder`. A source that fails is reported in its summary; the others complete."""
    if not folder.exists() and not dry_run:
        folder.mkdir(parents=True)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"--out: {folder} is not a folder")
    state = PostingFolder(folder, dry_run=dry_run)
    names = list(given) or state.sources
    if not names:
        raise UsageError(f"no SOURCE given, and {folder} has no sources.yaml to refresh from")
    parsed = [parse_source(n) for n in names]
    wrong = [p for p in parsed if isinstance(p, str)]
    if wrong:
        raise UsageError("; ".join(wrong))
    sources = list(dict.fromkeys(p for p in parsed if isinstance(p, Source)))
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    previous = parse_moment(state.last_fetched) if state.last_fetched else None
    if previous is not None and moment <= previous:  # two runs in one second: each its own moment, so a digest tells them apart
        moment = previous + timedelta(seconds=1)
    wanted: Callable[[BoardJob], bool] = (lambda job: True) if all_roles else is_internship

    own_client = client is None
    http = client or BoardClient()
    try:
        listings = _list_all(http, sources, wanted, on_progress)
    finally:
        if own_client:
            http.__exit__(None, None, None)
    summaries = [_update(state, s, listings[s], wanted, moment) for s in sources]
    for s in sources:
        state.remember(str(s))
    state.last_fetched = moment.isoformat()
    state.save()
    return FetchSummary(
        folder,
        tuple(summaries),
        all_roles=all_roles,
        dry_run=dry_run,
        fetched_at=moment,
        previous_fetch=previous,
    )


def _list_all(
    client: BoardClient, sources: list[Source], wanted: Callable[[BoardJob], bool], on_progress: Progress
) -> dict[Source, list[BoardJob] | FetchFailed]:
    """Each source's jobs, or why it could not be read."""
    done: dict[Source, list[BoardJob] | FetchFailed] = {}

    def one(source: Source) -> list[BoardJob] | FetchFailed:
        try:
            return list_jobs(client, source, wanted)
        except FetchFailed as error:
            return error

    with ThreadPoolExecutor(max_workers=SOURCES_AT_ONCE) as pool:
        for source, outcome in zip(sources, pool.map(one, sources), strict=True):
            done[source] = outcome
            if on_progress is not None:
                on_progress(len(done), len(sources))
    return done


@dataclass
class _Tally:
    counts: dict[str, int] = field(default_factory=dict)
    beside: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def fail(self, job: BoardJob, why: object) -> None:
        self.add("failed")
        self.problems.append(f"{job.board_id}: {one_line(why, 300)}")


def _update(
    state: PostingFolder,
    source: Source,
    listed: list[BoardJob] | FetchFailed,
    wanted: Callable[[BoardJob], bool],
    now: datetime,
) -> SourceSummary:
    """The folder brought up to date with one source's jobs. A page fetched before that now
    answers 404 or 410 has been taken down: its posting is closed, as a board's gone job is."""
    if isinstance(listed, FetchFailed):
        if not (source.board == "page" and listed.gone and state.of_source(str(source))):
            return SourceSummary(str(source), error=one_line(listed, 500))
        listed = []
    kept = [job for job in listed if not source.is_board or wanted(job)]
    tally = _Tally()
    for job in kept:
        if job.problem is not None:  # listed, but its text could not be fetched: left as it was
            tally.fail(job, job.problem)
            continue
        try:
            tally.add(_update_one(state, str(source), job, now, tally))
        except InternMatchError as error:
            tally.fail(job, error)
    if source.is_board or source.board == "page":
        on_board = {job.board_id for job in listed}
        for entry in state.of_source(str(source)):
            if entry.status == "open" and entry.board_id not in on_board:
                state.close(entry, now.date())
                tally.add("closed")
    c = tally.counts.get
    return SourceSummary(
        str(source),
        fetched=len(listed),
        internships=len(kept),
        new=c("new", 0),
        changed=c("changed", 0),
        unchanged=c("unchanged", 0),
        closed=c("closed", 0),
        duplicates=c("duplicates", 0),
        failed=c("failed", 0),
        beside=tuple(tally.beside),
        problems=tuple(tally.problems),
    )


def _update_one(state: PostingFolder, source: str, job: BoardJob, now: datetime, tally: _Tally) -> str:
    """Writes what one job needs and says which count it adds to."""
    text = posting_text(job)
    content = content_hash(text)
    entry = state.find(source, job.board_id)
    if entry is None:
        if state.duplicate_of(source, job.board_id, job.url, identity(job)) is not None:
            return "duplicates"
        entry = Written(
            state.free_id(posting_id(job)), source, job.board_id, job.url, identity(job), content, "", first_seen=now.isoformat()
        )
        state.write_posting(entry, draft_document(job, entry, text, now), text)
        return "new"
    if state.is_missing(entry):  # removed by a person or lost: written again
        entry = replace(entry, content_hash=content)
        state.write_posting(entry, draft_document(job, entry, text, now), text)
        return "new"
    if entry.content_hash == content:
        if entry.status == "open":
            return "unchanged"
        state.reopen(entry)
        return "changed"
    document = draft_document(job, replace(entry, content_hash=content), text, now)
    if state.is_edited(entry):
        if entry.status != "open":
            state.reopen(entry)
        state.write_beside(state.written[entry.id], document, text, content)
        tally.beside.append(entry.id)
    else:
        state.write_posting(replace(entry, content_hash=content, url=job.url, identity=identity(job)), document, text)
    return "changed"


def draft_document(job: BoardJob, entry: Written, text: str, now: datetime) -> str:
    """The posting file for a job (`entry`: its id, the hash of `text`, when it was first seen):
    drafted by ingest from its text, with what the board states plainly (title, organisation,
    places, team, deadline) taken from the board, and a structured `source`. InputError if the
    draft would not load as a posting."""
    from matcher.ingest import draft_posting, draft_yaml
    from matcher.loading import POSTING_KEYS, posting_from_yaml
    from matcher.positioned import parse_yaml

    posting_id = entry.id
    draft = draft_posting(text, job.url or job.name, posting_id)
    stated: dict[str, Any] = {"title": job.title, "organization": job.organization, "team": job.team}
    if job.locations:
        stated["location"] = list(job.locations)
    if job.deadline and _is_date(job.deadline):
        stated["deadline"] = job.deadline
    stated["source"] = {
        "board": job.board,
        "name": job.name,
        "board_id": job.board_id,
        "url": job.url,
        "first_seen": entry.first_seen,
        "fetched_at": now.isoformat(),
        "updated_at": job.updated_at,
        "content_hash": entry.content_hash,
    }
    posting = draft.posting | {k: v for k, v in stated.items() if v}
    posting["source"] = {k: v for k, v in posting["source"].items() if v}
    draft.posting.clear()
    draft.posting.update({k: posting[k] for k in POSTING_KEYS if k in posting} | posting)
    document = draft_yaml(draft)
    name = f"{posting_id}.yaml"
    posting_from_yaml(parse_yaml(document, name), name)
    return document


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
