"""A cache of parsed postings, so a folder that has not changed is not parsed again.

Two files per postings folder, under the user cache directory (platformdirs). The index holds,
for each posting file, its size, its stamp (see below) and either its summary (its header, and its
qualifications as numbers into the folder's table of distinct qualifications: see
matcher.posting_table) or its error, and that table; ranking reads only this. The details file
holds each full posting as a record of its own, which the index locates, so that `explain` reads
one record and a cold run never holds every full posting in memory. A file whose size or stamp
changed is parsed again; nothing else is. A cache written by another version of the tool, by
other judgement code or catalogues (matcher.fingerprint), for another folder, or that fails to
load in any way is ignored and rebuilt, never trusted; a record that is missing, damaged or names
another file version is parsed again. Writes replace each file atomically (the details first), so
concurrent runs only ever see whole files.

The cache is read with pickle, which runs code a crafted file names; so it is read only from a
folder and files that no one but the user can write (owned by them, not writable by group or
others; see matcher.cache_files), and is made so: folders 0700, files 0600. A cache folder that is
not safe is not used at all: the run parses every posting, with a warning saying why. A file is
known by its size, modification time, change time and inode: restoring an old modification time
(`touch -r`, a copy with `cp -p`) changes the change time, and an editor's atomic save the inode.
The cache is an optimisation: one that cannot be written (a full disk, a read-only folder) is a
warning, and an interrupted write leaves no temporary file behind.
"""

from __future__ import annotations

import os
import pickle
import stat
import weakref
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO, TypeVar

from matcher import __version__
from matcher.cache_files import CacheFile, Stamp, open_private, stamp, stat_or_none, unsafe_reason
from matcher.cache_index import MAX_RUNS, Index, IndexEntry, compact, numbers_in_range, runs_cover  # noqa: F401 - MAX_RUNS: tests read it here
from matcher.errors import InputError
from matcher.fingerprint import judgement_fingerprint
from matcher.folders import paths_in
from matcher.loading import load_posting
from matcher.models import Posting
from matcher.posting_table import (
    PostingSummary,
    QualificationTable,
    Row,
    Run,
    SharedQualifications,
    TableBuilder,
    Wording,
    row,
    summary_of,
    with_wording,
    wording,
)
from matcher.workers import bounded_jobs, process_pool

CACHE_FORMAT = 12
"""Bumped when what the cache holds changes shape; an older cache is then rebuilt. (7: the table
in kind order; 8: with its runs of one kind; 9, on two branches at once: files known by their
stamp, not mtime alone (issue 21), and postings' status and closed_on (issue 23); 10: both, one
above either 9, so neither branch's cache is read as the other's; 11: postings' first_seen, for
the digest; 12: a details record holds a posting's quotes and notes, not the whole posting.)"""
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


Parsed = tuple[Row, Wording] | InputError
"""A posting's summary row and its wording (quotes and notes), or its error: what a worker sends back."""


def _parse_one(path: str) -> Parsed:
    outcome = _load_one(path)
    if isinstance(outcome, InputError):
        return outcome
    return row(outcome), wording(outcome)


Progress = Callable[[int, int], None] | None
"""Told (files parsed so far, files to parse) as parsing goes, for a progress bar."""


def parse_files(paths: list[str], jobs: int = 1, on_progress: Progress = None) -> list[Outcome]:
    """Each posting file loaded, in `jobs` processes when there are many: YAML parsing is the
    cold cost, and it parallelises perfectly."""
    shared = SharedQualifications()
    return [shared(o) for o in _reporting(_parallel(_load_one, paths, jobs), len(paths), on_progress)]


def _parallel(parse: Callable[[str], T], paths: list[str], jobs: int) -> Iterator[T]:
    jobs = bounded_jobs(jobs)
    if jobs > 1 and len(paths) >= PARALLEL_MIN_FILES:
        with process_pool(jobs) as pool:
            yield from pool.map(parse, paths, chunksize=max(1, min(64, len(paths) // (jobs * 8))))
    else:
        yield from map(parse, paths)


def _reporting(outcomes: Iterable[T], total: int, on_progress: Progress) -> Iterator[T]:
    """The outcomes as they come, with progress reported."""
    for done, outcome in enumerate(outcomes, 1):
        yield outcome
        if on_progress is not None and (done % 50 == 0 or done == total):
            on_progress(done, total)


@dataclass(frozen=True, slots=True)
class CacheStats:
    """What the last load did, for tests and the benchmark."""

    reused: int
    parsed: int
    written: bool


class PostingCache:
    def __init__(self, directory: Path, jobs: int = 1, on_warning: Callable[[str], None] | None = None) -> None:
        self.directory = directory
        self.jobs = jobs
        self.on_warning = on_warning
        """Told, once a run, why the cache is not used or not written (the run goes on without it)."""
        self._safe: bool | None = None
        self._warned = False
        self.last = CacheStats(0, 0, False)
        self._summarised: dict[str, tuple[Path, str, IndexEntry]] = {}
        """Path of each summary handed out -> (its folder, its file name, its index entry)."""
        self._tables: dict[int, tuple[QualificationTable, Path, bytes]] = {}
        """Each table handed out, by its id(): (the table, its folder, its table id)."""
        self._details: dict[Path, BinaryIO | None] = {}
        self._prefixes: dict[Path, str] = {}
        """Each folder's details file as `full` reads it, opened once: a ranking's JSON asks
        for the whole of thousands of postings."""

    def _warn(self, message: str) -> None:
        if self.on_warning is not None and not self._warned:
            self._warned = True
            self.on_warning(message)

    def usable(self) -> bool:
        """Whether the cache folder is safe to read and write, making it (0700) if it is missing.
        Its parent folders are the user's own (their home or XDG_CACHE_HOME), or were set by them."""
        if self._safe is None:
            try:
                self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
                st = os.stat(self.directory)
                why = "is not a folder" if not stat.S_ISDIR(st.st_mode) else unsafe_reason(st)
            except OSError as error:
                why = f"cannot be made ({error.strerror or error})"
            if why is not None:
                self._warn(f"not using the posting cache: {self.directory} {why}; every posting is parsed")
            self._safe = why is None
        return self._safe

    def _open_trusted(self, path: Path) -> BinaryIO | None:
        """A cache file opened for reading if it is the user's alone (checked on the open file, so
        it cannot be swapped between the check and the read), else None."""
        if not self.usable():
            return None
        handle, why = open_private(path)
        if why is not None:
            self._warn(f"not reading the posting cache file {path}: it {why}")
        return handle

    def file_for(self, folder: Path, kind: str = "postings") -> Path:
        # A short, stable name for the folder. Not a cryptographic hash: hashlib loads OpenSSL, a
        # few ms of every run, and two folders sharing a name only cost each other their cache
        # (each file names the folder it is for, and is ignored for another).
        resolved = str(folder.resolve()).encode()
        key = f"{zlib.crc32(resolved):08x}{zlib.adler32(resolved):08x}"
        return self.directory / f"{kind}-{key}.pickle"

    def load(self, folder: Path, names: list[str], on_progress: Progress = None) -> list[Outcome]:
        """Outcomes for the named files of one folder, parsing only what changed since the cache."""
        outcomes = self.load_summaries(folder, names, on_progress)
        if not names:
            return outcomes
        details = self._open_details(folder)
        try:  # the files were checked a moment ago, by load_summaries
            return [self._full(o, details, checked=True) if isinstance(o, Posting) else o for o in outcomes]
        finally:
            if details is not None:
                details.close()

    def load_summaries(self, folder: Path, names: list[str], on_progress: Progress = None) -> list[Outcome]:
        """As `load`, but each posting as a table.PostingSummary, which is all ranking needs and
        much faster to read; `full` gives the whole posting back."""
        if not names:
            return []
        self._close_details()  # this load may write the details file again
        (cached, entries), runs, table_id = self._read_index(folder)
        read = entries
        paths = paths_in(folder, names)
        stats = dict(zip(names, map(stat_or_none, paths), strict=True))
        fresh: dict[str, IndexEntry] = {}
        stale: list[str] = []
        for name, st in stats.items():
            hit = cached.get(name)
            if st is None:  # gone since the folder was listed, or a link to nowhere: its error, uncached
                fresh[name] = (0, (0, 0, 0), _unreadable(os.path.join(folder, name)), 0, 0)
            elif hit is not None and hit[0] == st.st_size and hit[1] == stamp(st):
                fresh[name] = hit
            else:
                stale.append(name)
        written = False
        if stale:
            (fresh, entries), table_id, written = self._parse_and_write(
                folder, (fresh, entries), stale, stats, on_progress, table_id
            )
        elif len(cached) != len([n for n in names if stats[n] is not None]):
            remaining = ({n: e for n, e in fresh.items() if stats[n] is not None}, entries)
            index = compact(remaining)  # written renumbered if so; this run goes on with the table as read
            written = self._write_index(folder, index, table_id if index is remaining else _new_table_id())
        self.last = CacheStats(reused=len(names) - len(stale), parsed=len(stale), written=written)
        table = QualificationTable(entries, runs if entries is read else None)  # runs of the table as read
        self._tables[id(table)] = (table, folder, table_id)
        outcomes: list[Outcome] = []
        summarised = self._summarised
        for name, path in zip(names, paths, strict=True):
            found = fresh[name]
            kept = found[2]
            if isinstance(kept, InputError):
                outcomes.append(kept)
                continue
            outcomes.append(summary_of(kept[0], path, table, kept[1], kept[2]))
            summarised[path] = (folder, name, found)
        return outcomes

    def table_of(self, table: QualificationTable) -> tuple[Path, bytes] | None:
        """The folder and id of a table `load_summaries` handed out (see _new_table_id)."""
        found = self._tables.get(id(table))
        return (found[1], found[2]) if found is not None and found[0] is table else None

    def open_kept(self, folder: Path, kind: str) -> BinaryIO | None:
        """Another file the cache keeps for a folder (matcher.explained_json's templates), opened
        for reading when it is there and trusted. Its contents are the caller's to check: the
        `header` it was written with, at least."""
        return self._open_trusted(self.file_for(folder, kind))

    def new_kept(self, kind: str) -> CacheFile:
        """Such a file being written, as the run goes; `put_kept` puts it in place whole."""
        return CacheFile(self.directory if self.usable() else None, f".{kind}-")

    def put_kept(self, out: CacheFile, folder: Path, kind: str) -> bool:
        """A kept file written by `new_kept` put in place, or not at all (with a warning)."""
        if out.commit(self.file_for(folder, kind)):
            return True
        self._warn_unwritten(out)
        return False

    def full(self, posting: Posting) -> Posting:
        """The whole posting (with its quotes and notes) for a summary from `load_summaries`;
        any other posting as it is. Reads its one record from the details file, or parses the
        file again when the record is missing, damaged or older than the file."""
        where = self._summarised.get(posting.path)
        if where is None:
            return posting
        return self._full(posting, self._details_of(where[0]), checked=False)

    def _details_of(self, folder: Path) -> BinaryIO | None:
        """The folder's details file, opened on first use and kept open."""
        if folder not in self._details:
            details = self._details[folder] = self._open_details(folder)
            if details is not None:
                weakref.finalize(self, details.close)
        return self._details[folder]

    def _close_details(self) -> None:
        for details in self._details.values():
            if details is not None:
                details.close()
        self._details.clear()

    def _open_details(self, folder: Path) -> BinaryIO | None:
        return self._open_trusted(self.file_for(folder, "details"))  # None: each posting is parsed again

    def _full(self, posting: Posting, details: BinaryIO | None, *, checked: bool) -> Posting:
        where = self._summarised.get(posting.path)
        if where is None:
            return posting
        folder, name, (size, mtime, *_) = where
        path = folder / name
        try:
            if not checked:
                st = os.stat(path)
                checked = (st.st_size, stamp(st)) == (size, mtime)
            words = self._record(details, where) if checked else None
            if words is not None and isinstance(posting, PostingSummary):
                whole = with_wording(posting.whole(), words)
                return whole if whole.path == str(path) else replace(whole, path=str(path))
        except Exception:  # noqa: BLE001, S110 - missing, stale or damaged: parse the file again
            pass
        return load_posting(str(path))

    def identity(self, posting: Posting) -> tuple[str, str, int, Stamp] | None:
        """A summary's path as `full` gives it, and the name, size and modification time of the
        file version the summary was read from: what anything kept for the posting is checked
        against. None for a posting not read as a summary."""
        where = self._summarised.get(posting.path)
        if where is None:
            return None
        folder, name, (size, mtime, *_) = where
        return self._prefix(folder) + name, name, size, mtime

    def _prefix(self, folder: Path) -> str:
        prefix = self._prefixes.get(folder)
        if prefix is None:  # str(folder / name), made once per folder (pathlib costs most per name)
            prefix = self._prefixes[folder] = str(folder / "_")[:-1]
        return prefix

    def wording(self, posting: Posting) -> tuple[str, Wording] | None:
        """A summary's path as `full` gives it and its quotes and notes, from the details file
        (the record of the file version the summary was read from); None when there is none, or
        it is missing or damaged (then `full` parses the file again)."""
        where = self._summarised.get(posting.path)
        if where is None or not isinstance(posting, PostingSummary):
            return None
        folder = where[0]
        try:
            words = self._record(self._details_of(folder), where)
        except Exception:  # noqa: BLE001 - damaged
            return None
        if words is None or len(words[0]) != len(posting.required_numbers) + len(posting.preferred_numbers):
            return None
        return self._prefix(folder) + where[1], words

    @staticmethod
    def _record(details: BinaryIO | None, where: tuple[Path, str, IndexEntry]) -> Wording | None:
        """A posting's record in the details file, if it is there and for the file version given."""
        _, name, (size, mtime, _, offset, length) = where
        if details is None or not length:
            return None
        record = pickle.loads(os.pread(details.fileno(), length, offset))  # noqa: S301 - see the module docstring
        return record[3] if record[:3] == (name, size, mtime) else None

    def _parse_and_write(
        self,
        folder: Path,
        reused: Index,
        stale: list[str],
        stats: dict[str, os.stat_result | None],
        on_progress: Progress,
        table_id: bytes,
    ) -> tuple[Index, bytes, bool]:
        """Parse the stale files and write both cache files. Each full posting goes to the new
        details file as it arrives, so memory holds summaries, never every full posting; the
        reused postings' records are copied over from the old details file, and their numbers
        into the table stay as they were (see cache_index.compact), as does the table's id
        (`table_id`, the one read) unless the table is renumbered."""
        entries: dict[str, IndexEntry] = {}
        table = TableBuilder(reused[1])
        header = cache_header(folder)
        details = self.file_for(folder, "details")
        out = CacheFile(self.directory if self.usable() else None, ".details-")
        try:  # however this ends (an error, Ctrl-C, SIGTERM), no temporary file is left behind
            out.write(pickle.dumps(header, protocol=pickle.HIGHEST_PROTOCOL))
            old = self._open_details(folder)
            for name, (size, mtime, outcome, offset, length) in reused[0].items():
                record = b""
                if old is not None and length:
                    old.seek(offset)
                    record = old.read(length)
                entries[name] = (
                    (size, mtime, outcome, out.position, len(record))
                    if len(record) == length > 0
                    else (size, mtime, outcome, 0, 0)
                )
                out.write(record)
            if old is not None:
                old.close()
            parsed = _parallel(_parse_one, paths_in(folder, stale), self.jobs)
            for name, result in zip(stale, _reporting(parsed, len(stale), on_progress), strict=True):
                st = stats[name]
                assert st is not None  # only files that could be stat'ed are stale
                size, mtime = st.st_size, stamp(st)
                if isinstance(result, InputError):
                    entries[name] = (size, mtime, result, 0, 0)
                    continue
                record = pickle.dumps((name, size, mtime, result[1]), protocol=pickle.HIGHEST_PROTOCOL)
                own, required, preferred = table.share(result[0][0]), result[0][1], result[0][2]
                entries[name] = (
                    size,
                    mtime,
                    (own, table.add_all(required), table.add_all(preferred)),
                    out.position,
                    len(record),
                )
                out.write(record)
        except BaseException:
            out.discard()
            raise
        built = (entries, table.entries)
        index = compact(built)
        table_id = table_id if index is built and reused[1] else _new_table_id()
        del table, built  # the builder's dictionaries of what it has numbered and shared: not needed to write
        if not out.commit(details):  # the details first: no index names records not yet there
            self._warn_unwritten(out)
            return ({name: (*e[:3], 0, 0) for name, e in index[0].items()}, index[1]), table_id, False
        return index, table_id, self._write_index(folder, index, table_id)

    def _read_index(self, folder: Path) -> tuple[Index, list[Run] | None, bytes]:
        """The index, its table's runs of one kind (table.QualificationTable.runs) and the table's id."""
        handle = self._open_trusted(self.file_for(folder))
        if handle is None:
            return ({}, []), None, _new_table_id()
        try:
            with handle:
                data = pickle.load(handle)  # noqa: S301 - the user's own cache, see the module docstring
            if {key: data.get(key) for key in _HEADER_KEYS} != cache_header(folder):
                return ({}, []), None, _new_table_id()
            entries, table, runs, table_id = data["entries"], data["table"], data["runs"], data["table_id"]
            if (
                isinstance(entries, dict)
                and isinstance(table, list)
                and isinstance(table_id, bytes)
                and runs_cover(runs, table)
                and numbers_in_range(entries, len(table))
            ):
                return (entries, table), runs, table_id
        except Exception:  # noqa: BLE001, S110 - missing, truncated, corrupt or foreign: rebuild
            pass
        return ({}, []), None, _new_table_id()

    def _write_index(self, folder: Path, index: Index, table_id: bytes) -> bool:
        entries, table = index
        data = {
            **cache_header(folder),
            "entries": entries,
            "table": table,
            "table_id": table_id,
            "runs": QualificationTable(table).runs(),
        }
        out = CacheFile(self.directory if self.usable() else None, ".postings-")
        try:
            pickle.dump(data, out, protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException:
            out.discard()
            raise
        if out.commit(self.file_for(folder)):
            return True
        self._warn_unwritten(out)
        return False

    def _warn_unwritten(self, out: CacheFile) -> None:
        if out.error is not None:
            self._warn(
                f"could not write the posting cache in {self.directory} ({out.error.strerror or out.error}); "
                "this run is unaffected, the next parses again what it cannot reuse"
            )


def _new_table_id() -> bytes:
    """The id of a table made or renumbered: what is kept by entry number (the templates of
    matcher.explained_json) names the table it numbers, and is used only with that table. A table
    keeps its id while entries are only added to it."""
    return os.urandom(16)


def _unreadable(path: str) -> InputError:
    """The error of a posting file that could not be stat'ed, in the words loading uses."""
    outcome = _load_one(path)
    return outcome if isinstance(outcome, InputError) else InputError(f"{path}: changed while it was read; run again")


_HEADER_KEYS = ("format", "tool", "judgement", "folder")


def cache_header(folder: Path) -> dict[str, object]:
    """What a cache file must say to be used: written in this format, by this version of the
    tool, with this judgement code and these catalogues (matcher.fingerprint), for this folder."""
    return {"format": CACHE_FORMAT, "tool": __version__, "judgement": judgement_fingerprint(), "folder": str(folder.resolve())}
