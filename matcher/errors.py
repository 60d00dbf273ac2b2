"""One exception family for everything a user can get wrong; cli.py turns it into a message."""

from __future__ import annotations

from dataclasses import dataclass

from matcher.display_text import visible


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

    exit_code = 1

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

    exit_code = 2


class RefusedWrite(InternMatchError):
    """A write would replace a file the user has; it needs --force (exit status 1)."""
