"""A cache of parsed postings, so a folder that has not changed is not parsed again.

One cache file per postings folder, under the user cache directory (platformdirs), holding for
each posting file its size, modification time and either the parsed Posting or its error. A
file whose size or mtime changed is parsed again; nothing else is. A cache written by another
version of the tool, for another folder, or that fails to load in any way is ignored and
rebuilt, never trusted. Writes replace the whole file atomically, so concurrent runs can only
ever see a complete cache. The cache lives in the user's own cache folder and is read with
pickle; it is theirs alone, like any application cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

from matcher import __version__
from matcher.errors import InputError
from matcher.loading import load_posting
from matcher.models import Posting

CACHE_FORMAT = 1
"""Bumped when what the cache holds changes shape; an older cache is then rebuilt."""
PARALLEL_MIN_FILES = 256
"""Below this many files to parse, starting worker processes costs more than it saves."""
CACHE_DIR_ENV = "INTERN_MATCH_CACHE_DIR"

Outcome = Posting | InputError


def default_cache_dir() -> Path:
    if os.environ.get(CACHE_DIR_ENV):
        return Path(os.environ[CACHE_DIR_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("intern-match", appauthor=False))


def _load_one(path: str) -> Outcome:
    try:
        return load_posting(path)
    except InputError as error:
        return InputError(str(error))  # the message only: it pickles and prints the same


Progress = Callable[[int, int], None] | None
"""Told (files parsed so far, files to parse) as parsing goes, for a progress bar."""


def parse_files(paths: list[str], jobs: int = 1, on_progress: Progress = None) -> list[Outcome]:
    """Each posting file loaded, in `jobs` processes when there are many: YAML parsing is the
    cold cost, and it parallelises perfectly."""
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            outcomes = pool.map(_load_one, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8))))
            return _reporting(outcomes, len(paths), on_progress)
    return _reporting((_load_one(p) for p in paths), len(paths), on_progress)


def _reporting(outcomes: Iterable[Outcome], total: int, on_progress: Progress) -> list[Outcome]:
    done: list[Outcome] = []
    for outcome in outcomes:
        done.append(outcome)
        if on_progress is not None and (len(done) % 50 == 0 or len(done) == total):
            on_progress(len(done), total)
    return done


@dataclass(frozen=True, slots=True)
class CacheStats:
    """What the last load did, for tests and the benchmark."""

    reused: int
    parsed: int
    written: bool


class PostingCache:
    def __init__(self, directory: Path, jobs: int = 1) -> None:
        self.directory = directory
        self.jobs = jobs
        self.last = CacheStats(0, 0, False)

    def file_for(self, folder: Path) -> Path:
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
        return self.directory / f"postings-{key}.pickle"

    def _read(self, folder: Path) -> dict[str, tuple[int, int, Outcome]]:
        try:
            with open(self.file_for(folder), "rb") as handle:
                data = pickle.load(handle)  # noqa: S301 - the user's own cache, see the module docstring
            if (data.get("format"), data.get("tool"), data.get("folder")) != (CACHE_FORMAT, __version__, str(folder.resolve())):
                return {}
            entries = data["entries"]
            return entries if isinstance(entries, dict) else {}
        except Exception:  # noqa: BLE001 - missing, truncated, corrupt or foreign: rebuild
            return {}

    def _write(self, folder: Path, entries: dict[str, tuple[int, int, Outcome]]) -> bool:
        data = {"format": CACHE_FORMAT, "tool": __version__, "folder": str(folder.resolve()), "entries": entries}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=".postings-", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.file_for(folder))
            return True
        except OSError:
            return False  # a cache that cannot be written only costs speed next time

    def load(self, files: list[Path], on_progress: Progress = None) -> list[Outcome]:
        """Outcomes for the files of one folder, parsing only what changed since the cache."""
        if not files:
            return []
        folder = files[0].parent
        cached = self._read(folder)
        stats = {str(f): os.stat(f) for f in files}
        fresh: dict[str, tuple[int, int, Outcome]] = {}
        stale: list[str] = []
        for name, st in stats.items():
            hit = cached.get(os.path.basename(name))
            if hit is not None and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
                fresh[name] = hit
            else:
                stale.append(name)
        for name, outcome in zip(stale, parse_files(stale, self.jobs, on_progress), strict=True):
            fresh[name] = (stats[name].st_size, stats[name].st_mtime_ns, outcome)
        written = False
        if stale or len(cached) != len(fresh):
            written = self._write(folder, {os.path.basename(n): entry for n, entry in fresh.items()})
        self.last = CacheStats(reused=len(files) - len(stale), parsed=len(stale), written=written)
        return [_at(fresh[str(f)][2], str(f)) for f in files]


def _at(outcome: Outcome, path: str) -> Outcome:
    """A cached posting read through another path (another working folder) says where it is now."""
    if isinstance(outcome, Posting) and outcome.path != path:
        return replace(outcome, path=path)
    return outcome
