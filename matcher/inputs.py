"""What the commands load, and how their options are read: the profile or profiles, the postings
(through the cache, parsed in parallel when many changed), one posting by id or file, the day,
and choices such as --format. Errors are InternMatchErrors; nothing here prints."""

from __future__ import annotations

import enum
import math
import os
import sys
from collections.abc import Callable, Collection, Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from matcher.errors import InputError, UsageError
from matcher.positioned import STDIN, did_you_mean, parse_day

if TYPE_CHECKING:
    from matcher.cache import PostingCache
    from matcher.folders import PostingSet
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


def find_posting(posting: str, postings: list[str] | None, on_progress: Progress = None, on_warning: Warn = None) -> Posting:
    """A posting by file path, `-`, or id in the postings folder (the closest ids if unknown)."""
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
    return cache.full(by_id[posting])


def posting_ids(prefix: str) -> list[str]:
    """The ids in $INTERN_MATCH_POSTINGS (or the bundled postings) that start with `prefix`."""
    from matcher.errors import InternMatchError
    from matcher.folders import load_postings

    try:
        loaded = load_postings(postings_source(os.environ.get(POSTINGS_ENV)))
    except InternMatchError:
        return []
    return [p.id for p in loaded.postings if p.id.startswith(prefix)]
