"""What a command's large results are kept for: until the process ends, so that they are not
freed one by one when the command returns (see docs/performance.md). The console script
(matcher.launcher) turns this on; in tests and library use it is off and keeps nothing."""

from __future__ import annotations

_kept: list[object] | None = None


def keep_for_the_process() -> None:
    """From now on, keep_until_exit keeps what it is given (the launcher ends the process
    without freeing anything)."""
    global _kept
    _kept = []


def keep_until_exit(*objects: object) -> None:
    """Keep a command's large results until the process ends; a no-op unless turned on."""
    if _kept is not None:
        _kept.append(objects)
