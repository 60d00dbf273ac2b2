"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import gc
import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from matcher import __version__

        print(f"intern-match {__version__}")
        return
    # A run builds hundreds of thousands of small immutable records and no reference cycles worth
    # collecting; the cycle collector would walk them again and again (measured: over a third of
    # a 10,000-posting run). A command is a short-lived process: its memory goes back at exit.
    gc.disable()
    try:
        from matcher.cli import main as run
    except KeyboardInterrupt:  # Ctrl-C while the CLI is still loading
        sys.exit(130)
    run()
