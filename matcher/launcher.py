"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import errno
import gc
import io
import os
import signal
import sys

EXIT_TERMINATED = 143
"""Ended by SIGTERM (128 + 15, as a shell reports it), after cleaning up as for Ctrl-C."""

_KEPT: list[object] | None = None
"""While `main` runs: what commands handed to keep_until_exit."""


def keep_until_exit(*objects: object) -> None:
    """Keep a command's large results until the process ends, so that they are not freed one by
    one when the command returns (tens of milliseconds for 10,000 postings): `main` ends the
    process without freeing anything (see _leave). Outside `main` (tests, library use), a no-op."""
    if _KEPT is not None:
        _KEPT.append(objects)


def main() -> None:
    global _KEPT
    if sys.argv[1:] == ["--version"]:
        from matcher import __version__

        print(f"intern-match {__version__}")
        return
    # A run builds hundreds of thousands of small immutable records and no reference cycles worth
    # collecting; the cycle collector would walk them again and again (measured: over a third of
    # a 10,000-posting run). A command is a short-lived process: its memory goes back at exit.
    gc.disable()
    _KEPT = []
    _usable_streams()
    # SIGTERM (a timeout, a service manager) ends the run as Ctrl-C does: through every `finally`
    # and clean-up on the way out (temporary cache files, worker processes), not on the spot.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        from matcher.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the CLI is still loading
        sys.exit(130)
    try:
        run()
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(EXIT_TERMINATED)


class _ClosedOutput(io.TextIOBase):
    """Standard output when the process was started without one (`>&-`): writing to it is an
    error the CLI reports (exit 1), as writing to a full disk is, rather than a crash."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _usable_streams() -> None:
    """Standard streams that can always be used. A closed standard input reads as empty, a closed
    standard error discards messages (there is nowhere to report them), and a closed standard
    output fails each write. Text the stream's encoding cannot hold (PYTHONIOENCODING=ascii, a lone
    surrogate from a JSON file) is written as backslash escapes instead of ending the run."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the whole process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")


def _leave(code: object) -> None:
    """Flush and end the process without tearing the interpreter down: freeing a large run's
    records one by one takes tens of milliseconds, and the OS takes the memory back at once.
    Nothing is left to run at exit: worker pools are shut down where they are used."""
    if code is not None and not isinstance(code, int):  # as sys.exit("message") does
        print(code, file=sys.stderr)
        code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BrokenPipeError:  # the reader has gone
            pass
        except (OSError, ValueError):  # a full disk, or the stream was closed: the output is lost
            code = code or 1
    os._exit(code or 0)
