"""Writing files the user owns: atomically, and never over an existing file without force."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from matcher.errors import InputError, Problem, RefusedWrite


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def refuse_to_clobber(path: str | Path, *, force: bool) -> None:
    """RefusedWrite if `path` exists (or is a link, even to nowhere) and `force` is not given."""
    if (Path(path).exists() or Path(path).is_symlink()) and not force:
        raise _refused(path)


def _refused(path: str | Path) -> RefusedWrite:
    return RefusedWrite(f"{path} exists; not overwriting it (use --force to replace it)")


def write_atomically(path: str | Path, text: str, *, force: bool = False, inside: Path | None = None) -> None:
    """Write `text` to `path` so that a reader (or a crash) sees the old file or the new one,
    never half of either. Without `force` an existing file is left alone and RefusedWrite raised;
    the no-clobber check is the link itself, so two writers cannot both win. With `inside`, a
    path that is not directly in that folder (a name with `/` or `..`) is refused, not written.
    A folder that cannot be written (read-only, full) is an InputError and leaves no file behind."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if inside is not None and os.path.abspath(folder) != os.path.abspath(inside):
        raise InputError(Problem(str(target), f"is not inside {inside}; not writing it"))
    if not folder.is_dir():
        raise InputError(Problem(str(target), f"folder {folder} does not exist"))
    if target.is_dir():
        raise InputError(Problem(str(target), "is a folder; give a file name to write"))
    refuse_to_clobber(target, force=force)
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as error:
        raise InputError(Problem(str(target), f"cannot write: {error.strerror or error}")) from None
    try:
        # mkstemp makes the file private; give it the mode a plain open() would (or the old file's).
        os.chmod(temporary, target.stat().st_mode & 0o7777 if target.exists() else 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        if force:
            os.replace(temporary, target)
        else:
            try:
                os.link(temporary, target)
            except FileExistsError:
                raise _refused(target) from None
            os.unlink(temporary)
    except BaseException as error:
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(error, OSError):  # a full disk, a quota, a folder made read-only meanwhile
            raise InputError(Problem(str(target), f"cannot write: {error.strerror or error}")) from None
        raise
