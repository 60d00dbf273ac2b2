"""A cache of parsed postings, so a folder that has not changed is not parsed again.

Two files per postings folder, under the user cache directory (platformdirs). The index holds,
for each posting file, its size, modification time and either its summary (the posting without
the quotes and notes that only explanations show) or its error; ranking reads only this. The
details file holds each full posting, pickled on its own, and is read only when explanations
are asked for. A file whose size or mtime changed is parsed again; nothing else is. A cache
written by another version of the tool, for another folder, or that fails to load in any way is
ignored and rebuilt, never trusted; a detail that is missing or older than its file is parsed
again. Writes replace each file atomically, so concurrent runs can only ever see whole files.
The cache lives in the user's own cache folder and is read with pickle; it is theirs alone,
like any application cache.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from matcher import __version__
from matcher.errors import InputError
from matcher.loading import load_posting
from matcher.models import Criterion, Posting, Qualification

CACHE_FORMAT = 3
"""Bumped when what the cache holds changes shape; an older cache is then rebuilt."""
PARALLEL_MIN_FILES = 256
"""Below this many files to parse, starting worker processes costs more than it saves."""
CACHE_DIR_ENV = "INTERN_MATCH_CACHE_DIR"

Outcome = Posting | InputError
T = TypeVar("T")


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


Parsed = tuple[Posting, bytes] | InputError
"""A posting's summary and the full posting pickled, or its error: what a worker sends back.
Pickled in the worker, the full postings cost the parent process bytes, not objects."""


def _parse_one(path: str) -> Parsed:
    outcome = _load_one(path)
    if isinstance(outcome, InputError):
        return outcome
    return summary(outcome), pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)


def summary(posting: Posting) -> Posting:
    """The posting without what only explanations show (quotes, notes): all that ranking reads."""

    def bare(qualifications: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
        return tuple(Qualification(q.criterion, weight=q.weight) for q in qualifications)

    return replace(posting, required=bare(posting.required), preferred=bare(posting.preferred))


Progress = Callable[[int, int], None] | None
"""Told (files parsed so far, files to parse) as parsing goes, for a progress bar."""


def parse_files(paths: list[str], jobs: int = 1, on_progress: Progress = None) -> list[Outcome]:
    """Each posting file loaded, in `jobs` processes when there are many: YAML parsing is the
    cold cost, and it parallelises perfectly."""
    return _reporting(_parallel(_load_one, paths, jobs), len(paths), on_progress)


def _parallel(parse: Callable[[str], T], paths: list[str], jobs: int) -> Iterator[T]:
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            yield from pool.map(parse, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8))))
    else:
        yield from map(parse, paths)


class SharedQualifications:
    """Postings with their equal criteria (and equal qualifications) made one object.

    Postings repeat each other's asks ("PhD in machine learning", the same skill lists), so a
    folder of 10,000 holds far fewer distinct criteria than its 175,000 qualifications. Sharing
    them cuts the memory postings take and, since pickle writes a shared object once, the
    cache's size and load time (0.57 -> 0.23 s for 10,000 postings); scoring also finds an
    already judged criterion by identity (Scorer.assess)."""

    def __init__(self) -> None:
        self._criteria: dict[Criterion, Criterion] = {}
        self._qualifications: dict[Qualification, Qualification] = {}

    def __call__(self, outcome: T) -> T:
        if isinstance(outcome, tuple):  # a Parsed summary and its pickled posting
            return (self(outcome[0]), outcome[1])  # type: ignore[return-value]
        if not isinstance(outcome, Posting):
            return outcome
        return replace(outcome, required=self._shared(outcome.required), preferred=self._shared(outcome.preferred))  # type: ignore[return-value]

    def _shared(self, qualifications: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
        criteria, seen = self._criteria, self._qualifications
        out = []
        for q in qualifications:
            c = criteria.setdefault(q.criterion, q.criterion)
            if c is not q.criterion:
                q = replace(q, criterion=c)
            out.append(seen.setdefault(q, q))
        return tuple(out)


def _reporting(outcomes: Iterable[T], total: int, on_progress: Progress) -> list[T]:
    done: list[T] = []
    shared = SharedQualifications()
    for outcome in outcomes:
        done.append(shared(outcome))
        if on_progress is not None and (len(done) % 50 == 0 or len(done) == total):
            on_progress(len(done), total)
    return done


@dataclass(frozen=True, slots=True)
class CacheStats:
    """What the last load did, for tests and the benchmark."""

    reused: int
    parsed: int
    written: bool


Entry = tuple[int, int, Outcome]
"""(size, mtime_ns, summary or error) of one posting file in the index."""
Detail = tuple[int, int, bytes]
"""(size, mtime_ns, the full posting pickled) in the details file."""


class PostingCache:
    def __init__(self, directory: Path, jobs: int = 1) -> None:
        self.directory = directory
        self.jobs = jobs
        self.last = CacheStats(0, 0, False)
        self._summarised: dict[str, tuple[Path, str]] = {}
        """Path of each summary handed out -> (its folder, its file name)."""
        self._details: dict[Path, dict[str, Detail]] = {}

    def file_for(self, folder: Path, kind: str = "postings") -> Path:
        key = hashlib.sha256(str(folder.resolve()).encode()).hexdigest()[:16]
        return self.directory / f"{kind}-{key}.pickle"

    def load(self, files: list[Path], on_progress: Progress = None) -> list[Outcome]:
        """Outcomes for the files of one folder, parsing only what changed since the cache."""
        return [self.full(o) if isinstance(o, Posting) else o for o in self.load_summaries(files, on_progress)]

    def load_summaries(self, files: list[Path], on_progress: Progress = None) -> list[Outcome]:
        """As `load`, but each posting as its summary (see `summary`), which is all ranking
        needs and much faster to read; `full` gives the whole posting back."""
        if not files:
            return []
        folder = files[0].parent
        cached: dict[str, Entry] = self._read(folder, "postings")
        stats = {f.name: os.stat(f) for f in files}
        fresh: dict[str, Entry] = {}
        stale: list[str] = []
        for name, st in stats.items():
            hit = cached.get(name)
            if hit is not None and hit[0] == st.st_size and hit[1] == st.st_mtime_ns:
                fresh[name] = hit
            else:
                stale.append(name)
        parsed = _reporting(_parallel(_parse_one, [str(folder / n) for n in stale], self.jobs), len(stale), on_progress)
        written = False
        if stale:
            details: dict[str, Detail] = {n: d for n, d in self._read(folder, "details").items() if n in stats}
            for name, outcome in zip(stale, parsed, strict=True):
                size, mtime = stats[name].st_size, stats[name].st_mtime_ns
                if isinstance(outcome, InputError):
                    fresh[name] = (size, mtime, outcome)
                    details.pop(name, None)
                else:
                    fresh[name] = (size, mtime, outcome[0])
                    details[name] = (size, mtime, outcome[1])
            self._details[folder] = details
            # The details first: an index is never newer than the details it was written with.
            written = self._write(folder, "details", details)
        if stale or len(cached) != len(fresh):
            written = self._write(folder, "postings", fresh) or written
        self.last = CacheStats(reused=len(files) - len(stale), parsed=len(stale), written=written)
        outcomes = [_at(fresh[f.name][2], str(f)) for f in files]
        for f, ready in zip(files, outcomes, strict=True):
            if isinstance(ready, Posting):
                self._summarised[ready.path] = (folder, f.name)
        return outcomes

    def full(self, posting: Posting) -> Posting:
        """The whole posting (with its quotes and notes) for a summary from `load_summaries`;
        any other posting as it is."""
        where = self._summarised.get(posting.path)
        if where is None:
            return posting
        folder, name = where
        if folder not in self._details:
            self._details[folder] = self._read(folder, "details")
        detail = self._details[folder].get(name)
        path = folder / name
        try:
            st = os.stat(path)
            if detail is not None and (detail[0], detail[1]) == (st.st_size, st.st_mtime_ns):
                return _at(pickle.loads(detail[2]), str(path))  # type: ignore[return-value]  # noqa: S301 - see module docstring
        except Exception:  # noqa: BLE001, S110 - missing, stale or corrupt: parse the file again
            pass
        return load_posting(str(path))

    def _read(self, folder: Path, kind: str) -> dict[str, Any]:
        try:
            with open(self.file_for(folder, kind), "rb") as handle:
                data = pickle.load(handle)  # noqa: S301 - the user's own cache, see the module docstring
            if (data.get("format"), data.get("tool"), data.get("folder")) != (CACHE_FORMAT, __version__, str(folder.resolve())):
                return {}
            entries = data["entries"]
            return entries if isinstance(entries, dict) else {}
        except Exception:  # noqa: BLE001 - missing, truncated, corrupt or foreign: rebuild
            return {}

    def _write(self, folder: Path, kind: str, entries: dict[str, Any]) -> bool:
        data = {"format": CACHE_FORMAT, "tool": __version__, "folder": str(folder.resolve()), "entries": entries}
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.directory, prefix=f".{kind}-", suffix=".tmp")
            with os.fdopen(handle, "wb") as out:
                pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.file_for(folder, kind))
            return True
        except OSError:
            return False  # a cache that cannot be written only costs speed next time


def _at(outcome: Outcome, path: str) -> Outcome:
    """A cached posting read through another path (another working folder) says where it is now."""
    if isinstance(outcome, Posting) and outcome.path != path:
        return replace(outcome, path=path)
    return outcome
