"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import gc
import os
import sys

from matcher import lifetime
from matcher.errors import EXIT_INTERNAL, EXIT_INTERRUPTED


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
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get(DEBUG_ENV):
            raise
        print(
            f"intern-match: internal error: {type(error).__name__}: {error}. This is a bug; "
            f"run again with {DEBUG_ENV}=1 for the traceback and report it.",
            file=sys.stderr,
        )
        sys.exit(EXIT_INTERNAL)


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
        except (BrokenPipeError, ValueError):  # the reader has gone, or the stream was closed
            pass
    os._exit(code or 0)
