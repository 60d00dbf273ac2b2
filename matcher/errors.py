"""One exception family for everything a user can get wrong; cli.py turns it into a message."""

from __future__ import annotations

from dataclasses import dataclass

from matcher.display_text import visible

# The exit statuses, documented in the README.
EXIT_OK = 0
EXIT_INPUT = 1
"""A file is missing or invalid, or a write was refused."""
EXIT_USAGE = 2
"""The command line asks for something that does not exist (an unknown posting id, no profile)."""
EXIT_SKIPPED = 3
"""Success, but some postings were skipped as invalid."""
EXIT_SOURCE_FAILED = 4
"""fetch: a source could not be read (the others were fetched and written)."""
EXIT_INTERNAL = 70
"""A bug: reported in one line, with how to get the traceback."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C)."""
EXIT_TERMINATED = 143
"""Ended by SIGTERM (128 + 15, as a shell reports it), after cleaning up as for Ctrl-C."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in one file, positioned where YAML allows."""

    path: str
    """The file as the user named it (`-` for standard input)."""
    message: str
    """What is wrong and what was expected."""
    line: int | None = None
    """1-based line, when known."""
    column: int | None = None
    """1-based column, when known."""

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return visible(f"{where}: {self.message}")  # a message quotes the file: shown, never obeyed


class InternMatchError(Exception):
    """Base of every error intern-match reports to its user."""

    exit_code = EXIT_INPUT

    def __str__(self) -> str:
        # Messages quote files, folders and arguments; wherever they are printed, they are inert.
        return visible(super().__str__())


class InputError(InternMatchError):
    """A file is missing, unreadable or not in the documented format (exit status 1)."""

    def __init__(self, problems: list[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(path="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems = problems
        super().__init__("\n".join(str(p).removeprefix(": ") for p in problems))


class UsageError(InternMatchError):
    """The command line asks for something that does not exist (exit status 2)."""

    exit_code = EXIT_USAGE


class RefusedWrite(InternMatchError):
    """A write would replace a file the user has; it needs --force (exit status 1)."""
