"""Results a run wrote in JSON or JSONL, kept by the posting cache for the next run with the same
profile, day, format and code (matcher.explained_json writes them; this reads and keeps them)."""

from __future__ import annotations

import os
import pickle
import struct
from typing import TYPE_CHECKING, BinaryIO

if TYPE_CHECKING:
    from pathlib import Path

    from matcher.cache import PostingCache
    from matcher.cache_files import CacheFile, Stamp
    from matcher.models import Profile

Identity = tuple[str, str, int, "Stamp"]
"""A posting as its result is kept for: its path as written, file name, size and stamp (PostingCache.identity)."""

_FOOTER = struct.Struct("<Q")
"""The end of a kept-results file: where its index starts."""


class KeptResults:
    """The results written in one run for one folder's postings, kept by the cache for the next
    run with the same profile, day, format and code (the stamp), each without its rank: the next
    run reads a posting's result back (its path, size and modification time checked) instead of
    judging and writing it again.

    A file: the stamp and the profile (pickled), the results one after another, their index
    (pickled: file name -> path, size, modification time, offset, length), and where the index
    starts. A run that reads every result it writes from the file leaves it as it is; one that
    makes any writes a new file as it goes (the results read before the first one made are copied
    over then), put in place when the run completes."""

    def __init__(self, cache: PostingCache, folder: Path, kind: str, stamp: dict[str, object], profile: Profile) -> None:
        self.cache, self.folder, self.kind = cache, folder, kind
        self._stamp, self._profile = stamp, profile
        self._index: dict[str, tuple[str, int, Stamp, int, int]] = {}
        """The earlier run's results, by file name."""
        self._file: BinaryIO | None = None
        self._read_before: list[Identity] = []
        """Identities of the results read back, in order, while no result has been made."""
        self._new: CacheFile | None = None
        self._new_index: dict[str, tuple[str, int, Stamp, int, int]] = {}
        self._open()

    def _open(self) -> None:
        handle = self.cache.open_kept(self.folder, self.kind)
        if handle is None:
            return
        try:
            # The user's own cache (matcher.cache): a file of theirs, checked as the posting cache's are.
            if pickle.load(handle) == self._stamp and pickle.load(handle) == self._profile:  # noqa: S301
                handle.seek(-_FOOTER.size, os.SEEK_END)
                (at,) = _FOOTER.unpack(handle.read(_FOOTER.size))
                handle.seek(at)
                index = pickle.load(handle)  # noqa: S301
                if isinstance(index, dict):
                    self._index, self._file, handle = index, handle, None
        except Exception:  # noqa: BLE001, S110 - truncated or damaged: every result is made again
            pass
        finally:
            if handle is not None:
                handle.close()

    @property
    def empty(self) -> bool:
        """Whether no earlier run's results were found (none kept, or for another stamp)."""
        return not self._index

    def read(self, identity: Identity) -> bytes | None:
        """A posting's result as kept (all after its rank), if it was kept for this version of its file."""
        path, name, size, mtime = identity
        found = self._index.get(name)
        if found is None or self._file is None or found[:3] != (path, size, mtime):
            return None
        try:
            rest = os.pread(self._file.fileno(), found[4], found[3])
        except OSError:
            return None
        return rest if len(rest) == found[4] else None

    def add(self, identity: Identity, rest: bytes, *, made: bool) -> None:
        """A result written in this run: `made` here, or read back."""
        if self._new is None:
            if not made:
                self._read_before.append(identity)
                return
            self._new = self.cache.new_kept(self.kind)
            pickle.dump(self._stamp, self._new, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(self._profile, self._new, protocol=pickle.HIGHEST_PROTOCOL)
            for earlier in self._read_before:
                copied = self.read(earlier)
                if copied is not None:
                    self._append(earlier, copied)
            self._read_before = []
        self._append(identity, rest)

    def _append(self, identity: Identity, rest: bytes) -> None:
        assert self._new is not None
        path, name, size, mtime = identity
        self._new_index[name] = (path, size, mtime, self._new.position, len(rest))
        self._new.write(rest)

    def finish(self, *, completed: bool) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        new, self._new = self._new, None
        if new is None:
            return
        if not completed:
            new.discard()
            return
        at = new.position
        pickle.dump(self._new_index, new, protocol=pickle.HIGHEST_PROTOCOL)
        new.write(_FOOTER.pack(at))
        self.cache.put_kept(new, self.folder, self.kind)
