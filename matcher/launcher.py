"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import errno
import gc
import io
import os
import signal
import sys

from matcher import lifetime
from matcher.display_text import visible
from matcher.errors import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_TERMINATED


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from matcher import __version__

        print(f"intern-match {__version__}")
        return
    # A run builds hundreds of thousands of small immutable records and no reference cycles worth
    # collecting; the cycle collector would walk them again and again (docs/performance.md). A
    # command is a short-lived process: its memory goes back at exit.
    gc.disable()
    lifetime.keep_for_the_process()
    _usable_streams()
    # SIGTERM (a timeout, a service manager) ends the run as Ctrl-C does: through every `finally`
    # and clean-up on the way out (temporary cache files, worker processes), not on the spot.
    signal.signal(signal.SIGTERM, _terminated)
    try:
        _run()
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


DEBUG_ENV = "INTERN_MATCH_DEBUG"


def _run() -> None:
    """Run the command line. Typer already ends Ctrl-C with 130 and a closed pipe quietly; this
    also covers an interrupt while modules load, and turns a bug into one line, not a traceback
    (exit 70)."""
    try:
        from matcher.cli import app

        app()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except OSError as error:  # output that cannot be written: a full disk, a closed stream
        _report_lost_output(error)
        sys.exit(EXIT_INPUT)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"intern-match: internal error: {type(error).__name__}: {visible(str(error))}. This is a bug; "
            f"run again with {DEBUG_ENV}=1 for the traceback and report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


def _report_lost_output(error: OSError) -> None:
    """An operating system error no command turned into an InternMatchError: the output stream
    (a full disk, a closed stream) when it names no file."""
    what = "write the output" if error.filename is None else f"use {visible(str(error.filename))}"
    try:
        print(f"intern-match: cannot {what}: {error.strerror or error}", file=sys.stderr)
    except (OSError, ValueError):
        pass  # standard error is gone too


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
    records one by one is slow, and the OS takes the memory back at once.
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
