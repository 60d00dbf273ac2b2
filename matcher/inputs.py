"""What the commands load, and how their options are read: the profile or profiles, the postings
(through the cache, parsed in parallel when many changed), one posting by id or file, the day,
and choices such as --format. Errors are InternMatchErrors; nothing here prints."""

from __future__ import annotations

import enum
import math
import os
import sys
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from matcher.errors import InputError, UsageError
from matcher.positioned import STDIN, did_you_mean, parse_day, parse_moment

if TYPE_CHECKING:
    from matcher.cache import PostingCache
    from matcher.fetch.run import FetchSummary
    from matcher.folders import PostingSet
    from matcher.ingest import Draft
    from matcher.models import Posting, Profile
    from matcher.output_formats import OutputFormat

E = TypeVar("E", bound=enum.Enum)

PROFILE_ENV = "INTERN_MATCH_PROFILE"
POSTINGS_ENV = "INTERN_MATCH_POSTINGS"
DEFAULT_PROFILE = "me.yaml"

Progress = Callable[[int, int], None] | None
"""Told (files done, files in all) as a folder loads, for a progress bar."""
Warn = Callable[[str], None] | None
"""Told why the posting cache is not used or not written (the run goes on without it)."""


def today(value: str | None) -> date:
    """--today, or the system's date."""
    if value is None:
        return date.today()
    day = parse_day(value)
    if day is None:
        raise UsageError(f"--today: '{value}' is not a date; expected YYYY-MM-DD")
    return day


def since(value: str | None) -> datetime | None:
    """--since: a day (from its start, UTC) or an ISO 8601 moment."""
    if value is None:
        return None
    moment = parse_moment(value.strip())
    if moment is None:
        raise UsageError(f"--since: '{value}' is not a date; expected YYYY-MM-DD (or YYYY-MM-DDTHH:MM:SS+00:00)")
    return moment


def digest_request(new: bool, since_day: str | None, profile: str | None, dry_run: bool) -> str | None:
    """`fetch --new`: the profile to rank the new postings for (None without --new), its
    options checked before anything is fetched."""
    if not new:
        if since_day is not None or profile is not None:
            raise UsageError("--since and --profile choose fetch's digest: give them with --new")
        return None
    if dry_run:
        raise UsageError("--new ranks the postings fetch writes, and --dry-run writes none")
    since(since_day)
    return profile_path(profile)


def digest_since(summary: FetchSummary, since_day: str | None) -> tuple[str, str]:
    """`fetch --new`'s --since for rank, and the line that says what the digest holds. By default,
    the postings first seen after the previous fetch of the folder (sources.yaml's last_fetched):
    those this run wrote first, whose first_seen is this run's moment."""
    if since_day is not None:
        return since_day, f"new postings: first seen on or after {since_day}"
    assert summary.fetched_at is not None
    previous = summary.previous_fetch
    said = f"first seen since the previous fetch ({previous:%Y-%m-%d %H:%M} UTC)" if previous else "all (the first fetch)"
    return summary.fetched_at.isoformat(), f"new postings in {summary.folder}: {said}"


def finite_option(option: str, value: float | None) -> float | None:
    """A command-line number that is not NaN or infinite (a --min-score of nan would hide
    every posting without a word)."""
    if value is not None and not math.isfinite(value):
        raise UsageError(f"{option}: '{value}' is not a number between 0 and 1")
    return value


def choice(option: str, value: str, choices: type[E]) -> E:
    """One of an enum's values, named on the command line (case-insensitive)."""
    names = [c.value for c in choices]
    if value.lower() not in names:
        raise UsageError(f"{option}: '{value}' is not one of {', '.join(names)}{did_you_mean(value, names)}")
    return choices(value.lower())


def output_format(value: str, allowed: tuple[str, ...] | None = None) -> OutputFormat:
    """--format, among the formats a command offers (all of them unless `allowed`)."""
    from matcher.output_formats import OutputFormat

    fmt = choice("--format", value, OutputFormat)
    if allowed and fmt.value not in allowed:
        raise UsageError(f"--format: '{value}' is not one of {', '.join(allowed)}")
    return fmt


def venue_area(area: str | None, known: Collection[str]) -> str | None:
    """--area, one of the venue catalogue's areas."""
    if area is not None and area not in known:
        raise UsageError(f"--area: unknown area '{area}'{did_you_mean(area, known)} (known: {', '.join(known)})")
    return area


def venue_queries(given: list[str] | None) -> list[str]:
    """The venue strings named, or one a line from standard input for `-`."""
    texts = list(given or [])
    return [line.strip() for line in sys.stdin if line.strip()] if texts == [STDIN] else texts


def profile_path(given: str | None) -> str:
    """The profile named, else $INTERN_MATCH_PROFILE, else ./me.yaml."""
    if given:
        return given
    if os.environ.get(PROFILE_ENV):
        return os.environ[PROFILE_ENV]
    if Path(DEFAULT_PROFILE).is_file():
        return DEFAULT_PROFILE
    raise UsageError(
        f"no profile given: pass PROFILE, set {PROFILE_ENV}=path/to/profile.yaml, or put a profile at ./{DEFAULT_PROFILE}"
    )


def load_profiles(given: Iterable[str], when: date) -> list[Profile]:
    """Every profile named: files, folders of them, or `-` for standard input."""
    from matcher.folders import validation_targets
    from matcher.loading import load_profile

    given = list(given)
    paths = [p for p in given if p == STDIN] + validation_targets(p for p in given if p != STDIN)
    if not paths:
        raise UsageError("no profile files found in " + ", ".join(given))
    return [load_profile(p, when) for p in paths]


def postings_source(given: str | None) -> str:
    """The postings named, else the bundled ones."""
    from matcher.folders import bundled_postings_dir

    return given if given else str(bundled_postings_dir())


def postings_sources(given: list[str] | None) -> list[str]:
    """Every --postings named (each once, in order), else $INTERN_MATCH_POSTINGS, else the bundled ones."""
    if given:
        return list(dict.fromkeys(given))
    return [postings_source(os.environ.get(POSTINGS_ENV))]


def posting_cache(jobs: int | None = None, on_warning: Warn = None) -> PostingCache:
    from matcher.cache import PostingCache, default_cache_dir

    return PostingCache(default_cache_dir(), jobs=workers(jobs), on_warning=on_warning)


def workers(jobs: int | None) -> int:
    """Processes to use: as asked, else one per core."""
    return jobs or os.cpu_count() or 1


def load_postings(
    source: str,
    *,
    strict: bool,
    use_cache: bool = True,
    jobs: int | None = None,
    summaries: PostingCache | None = None,
    on_progress: Progress = None,
    on_warning: Warn = None,
) -> PostingSet:
    """Postings through the cache (and parallel parsing for many changed files). With
    `summaries`, a folder's postings are read from that cache as summaries; `summaries.full`
    gives each one whole."""
    from matcher.cache import parse_files
    from matcher.folders import FolderReader, load_postings, paths_in

    def parse_all(folder: Path, names: list[str], progress: Progress) -> list[Posting | InputError]:
        return parse_files(paths_in(folder, names), workers(jobs), progress)

    reader: FolderReader = parse_all
    if summaries is not None:
        reader = summaries.load_summaries
    elif use_cache:
        reader = posting_cache(jobs, on_warning).load
    return load_postings(source, strict=strict, read_folder=reader, on_progress=on_progress)


def load_posting_folders(sources: list[str], on_progress: Progress = None, **how: Any) -> PostingSet:
    """The postings of several folders (files, `-`) as one set, as `load_postings` reads each. An
    id already read from an earlier folder is skipped and reported, as a repeat within a folder is."""
    from matcher.folders import PostingSet, Skipped, duplicate_id

    sets = [load_postings(source, on_progress=on_progress, **how) for source in sources]
    if len(sets) == 1:
        return sets[0]
    postings: list[Posting] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for loaded in sets:
        skipped += loaded.skipped
        for posting in loaded.postings:
            if posting.id in seen:
                skipped.append(Skipped(posting.path, duplicate_id(posting.id, seen[posting.id])))
                continue
            seen[posting.id] = posting.path
            postings.append(posting)
    return PostingSet(tuple(postings), tuple(skipped))


def find_posting(
    posting: str, postings: list[str] | None, on_progress: Progress = None, on_warning: Warn = None, include_closed: bool = False
) -> Posting:
    """A posting by file path, `-`, or id in the postings folder (the closest ids if unknown). An
    id of a posting marked closed is refused unless `include_closed`, as `rank` hides it; a file
    named is used as it is."""
    from matcher.loading import load_posting

    if posting == STDIN or Path(posting).is_file():
        return load_posting(posting)
    cache = posting_cache(on_warning=on_warning)
    loaded = load_posting_folders(postings_sources(postings), on_progress, strict=False, summaries=cache)
    by_id = {p.id: p for p in loaded.postings}
    if posting not in by_id:
        from rapidfuzz import process

        close = [hit[0] for hit in process.extract(posting, list(by_id), limit=3, score_cutoff=50)]
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise UsageError(f"no posting with id '{posting}'{hint} (see `intern-match rank` for ids)")
    found = by_id[posting]
    if found.status == "closed" and not include_closed:
        gone = f" on {found.closed_on.isoformat()}" if found.closed_on else ""
        raise UsageError(f"posting '{posting}' is closed (gone from its board{gone}); --include-closed uses it")
    return cache.full(found)


def ingest_draft(source: str, posting_id: str | None) -> tuple[Draft, str]:
    """A posting as published (a file, or `-` for standard input) drafted, with its YAML to review."""
    from matcher.ingest import draft_posting, draft_yaml
    from matcher.positioned import read_text

    draft = draft_posting(read_text(source), "standard input" if source == STDIN else Path(source).name, posting_id)
    return draft, draft_yaml(draft)


def write_draft(out: Path, draft: Draft, document: str, *, force: bool) -> Path:
    """`ingest --out DIR`: DIR/<id>.yaml, written atomically, never over a file without `force`."""
    from matcher.files import write_atomically

    if not out.is_dir():
        raise UsageError(f"--out: {out} is not a folder")
    target = out / f"{draft.posting['id']}.yaml"
    write_atomically(target, document, force=force, inside=out)
    return target


def posting_ids(prefix: str) -> list[str]:
    """The ids in $INTERN_MATCH_POSTINGS (or the bundled postings) that start with `prefix`."""
    from matcher.errors import InternMatchError
    from matcher.folders import load_postings

    try:
        loaded = load_postings(postings_source(os.environ.get(POSTINGS_ENV)))
    except InternMatchError:
        return []
    return [p.id for p in loaded.postings if p.id.startswith(prefix)]
