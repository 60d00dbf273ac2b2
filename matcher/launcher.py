"""The console script. `--version` is answered before the CLI (typer, rich) is imported: it is
the one command whose whole cost is start-up, and scripts call it to check the tool is there."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] == ["--version"]:
        from matcher import __version__

        print(f"intern-match {__version__}")
        return
    from matcher.cli import main as run

    run()
