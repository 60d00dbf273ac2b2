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
    """RefusedWrite if `path` exists and `force` is not given."""
    if Path(path).exists() and not force:
        raise RefusedWrite(f"{path} exists; not overwriting it (use --force to replace it)")


def write_atomically(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` so that a reader (or a crash) sees the old file or the new one,
    never half of either. Without `force` an existing file is left alone and RefusedWrite raised;
    the no-clobber check is the link itself, so two writers cannot both win."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(Problem(str(target), f"folder {folder} does not exist"))
    refuse_to_clobber(target, force=force)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
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
                raise RefusedWrite(f"{target} exists; not overwriting it (use --force to replace it)") from None
            os.unlink(temporary)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
