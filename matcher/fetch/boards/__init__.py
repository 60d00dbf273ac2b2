"""The boards fetch reads, one module each, and the registry that turns a SOURCE argument into
one. Each board module offers `list_jobs(client, name, wanted)`: every job the board lists, with
its text for the jobs `wanted` says to keep (a board that needs a request per job's text fetches
only those), and `URL_ENV`, the environment variable that replaces its scheme and host."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from matcher.fetch.boards import ashby, greenhouse, lever, pages, smartrecruiters

if TYPE_CHECKING:
    from matcher.fetch.client import BoardClient
    from matcher.fetch.jobs import BoardJob

Wanted = Callable[["BoardJob"], bool]
ListJobs = Callable[["BoardClient", str, Wanted], "list[BoardJob]"]


BOARDS: dict[str, ListJobs] = {
    "greenhouse": greenhouse.list_jobs,
    "lever": lever.list_jobs,
    "lever-eu": lever.list_eu_jobs,
    "ashby": ashby.list_jobs,
    "smartrecruiters": smartrecruiters.list_jobs,
}
SAVED_FILE_SUFFIXES = (".html", ".htm", ".txt", ".md")


@dataclass(frozen=True, slots=True)
class Source:
    """A SOURCE as given: a board and its name, a page's URL or a saved file."""

    board: str
    """A key of BOARDS, or page, or file."""
    name: str

    def __str__(self) -> str:
        return self.name if self.board in ("page", "file") else f"{self.board}:{self.name}"

    @property
    def is_board(self) -> bool:
        """A whole board (filtered to internships, its gone postings closed), not one posting."""
        return self.board in BOARDS


def parse_source(text: str) -> Source | str:
    """The Source a SOURCE argument names, or what is wrong with it (in words)."""
    text = text.strip()
    if text.startswith(("https://", "http://")):
        return Source("page", text)
    board, colon, name = text.partition(":")
    if colon and board.lower() in BOARDS:
        if not name or any(c in name for c in "/?#\\ ") or name in (".", ".."):
            return f"'{text}': expected {board.lower()}:NAME, the board's name as in its job links"
        return Source(board.lower(), name)
    if Path(text).suffix.lower() in SAVED_FILE_SUFFIXES:
        return Source("file", text)
    kinds = ", ".join(f"{b}:NAME" for b in BOARDS)
    return f"'{text}' is not a source: expected {kinds}, an https:// page, or a saved .html/.txt/.md file"


def list_jobs(client: BoardClient, source: Source, wanted: Wanted) -> list[BoardJob]:
    """Every job of a source (one for a page or a file); FetchFailed when it cannot be read."""
    if source.board == "page":
        return [pages.page_job(client, source.name)]
    if source.board == "file":
        return [pages.file_job(source.name)]
    return BOARDS[source.board](client, source.name, wanted)
