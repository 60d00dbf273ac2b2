"""The posting cache's files on disk: trusted only when they are the user's alone, written whole
or not at all (see matcher.cache for why: the cache is read with pickle)."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import BinaryIO


def unsafe_reason(st: os.stat_result) -> str | None:
    """Why a cache folder or file with this status must not be trusted, or None: pickle runs
    code, so only the user may be able to write what is read."""
    if hasattr(os, "getuid") and st.st_uid != os.getuid():
        return "is owned by another user"
    if st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "is writable by other users"
    return None


Stamp = tuple[int, int, int]
"""What tells one version of a file from another without reading it: (mtime_ns, ctime_ns, inode)."""


def stamp(st: os.stat_result) -> Stamp:
    return st.st_mtime_ns, st.st_ctime_ns, st.st_ino


def open_private(path: Path) -> tuple[BinaryIO | None, str | None]:
    """A cache file opened for reading if it is the user's alone, checked on the open file (so it
    cannot be swapped between the check and the read) and without following a link; else None,
    with why it is not trusted (None too when it is only missing or unreadable)."""
    try:
        handle = open(path, "rb", opener=_no_follow)  # noqa: SIM115 - the callers close it
    except OSError:
        return None, None
    st = os.fstat(handle.fileno())
    why = "is not a file" if not stat.S_ISREG(st.st_mode) else unsafe_reason(st)
    if why is not None:
        handle.close()
        return None, why
    return handle, None


def _no_follow(path: str, flags: int) -> int:
    """Open a cache file without following a symbolic link in its last component."""
    return os.open(path, flags | getattr(os, "O_NOFOLLOW", 0))


def stat_or_none(path: str) -> os.stat_result | None:
    try:
        return os.stat(path)
    except OSError:  # deleted since the folder was listed, a dangling link or a link loop
        return None


class CacheFile:
    """A cache file being written: a private temporary file in the cache folder (mkstemp makes it
    0600), put in place whole by `commit` or removed by `discard`. A write that fails (a full
    disk) is remembered in `error`, not raised: the cache is an optimisation. With no folder
    (the cache is not used), only `position` is kept."""

    def __init__(self, directory: Path | None, prefix: str) -> None:
        self.position = 0
        """Bytes written so far: where the next record starts."""
        self.error: OSError | None = None
        self._out: BinaryIO | None = None
        self._temporary = ""
        if directory is not None:
            try:
                handle, self._temporary = tempfile.mkstemp(dir=directory, prefix=prefix, suffix=".tmp")
                self._out = os.fdopen(handle, "wb")
            except OSError as error:
                self.error = error
                self.discard()

    def write(self, data: bytes) -> None:
        if self._out is not None:
            try:
                self._out.write(data)
            except OSError as error:
                self.error = error
                self.discard()
        self.position += len(data)

    def discard(self) -> None:
        out, self._out = self._out, None
        if out is not None:
            try:
                out.close()
            except OSError:
                pass  # a full disk refusing the last bytes: the file goes anyway
        if self._temporary:
            try:
                os.unlink(self._temporary)
            except OSError:
                pass
            self._temporary = ""

    def commit(self, target: Path) -> bool:
        """Put the file in place at `target`; False (and nothing left behind) if it cannot be."""
        out, self._out = self._out, None
        if out is None:
            self.discard()
            return False
        try:
            out.close()
            os.replace(self._temporary, target)
        except OSError as error:
            self.error = error
            self.discard()
            return False
        self._temporary = ""
        return True
