"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import gc
import os
import sys

from matcher import lifetime


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from matcher import __version__

        print(f"intern-match {__version__}")
        return
    # A run builds hundreds of thousands of small immutable records and no reference cycles worth
    # collecting; the cycle collector would walk them again and again (measured: over a third of
    # a 10,000-posting run). A command is a short-lived process: its memory goes back at exit.
    gc.disable()
    lifetime.keep_for_the_process()
    try:
        from matcher.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the CLI is still loading
        sys.exit(130)
    try:
        run()
    except SystemExit as done:
        _leave(done.code)
    _leave(0)


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
        except (BrokenPipeError, ValueError):  # the reader has gone, or the stream was closed
            pass
    os._exit(code or 0)
