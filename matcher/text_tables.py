"""Tables for people as fixed-width text: every row of a long listing, at a cost linear in its
rows, for a pipe or `--all` (rich lays out and measures every cell of every row, which a listing
of 10,000 postings cannot afford; docs/performance.md).

The columns, cells and layout are those of matcher.terminal's rich tables (a title, a header
over a rule, a blank line after each row), and terminal.py builds its cells from the ones here,
so a piped table reads as a terminal's does. Nothing is wrapped (a pipe has no width) and widths
count characters, not terminal cells. Colour, on a terminal, is plain SGR escapes.
Renderers return lines and never print; no rich is imported, so piped tables start faster too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from matcher.display_text import visible
from matcher.models import Ranked

if TYPE_CHECKING:
    from matcher.models import Posting, Profile

SCREENFUL = 25
"""Rows a terminal shows by default: more scroll away unread (and rich's cost grows with rows)."""

Line = tuple[str, str]
"""One line of a cell: its text and its style ("", "bold", "dim", "green", ...)."""
Cell = str | Line | list[Line]
"""A cell: a string, a styled line, or lines stacked."""

_SGR = {"bold": "1", "dim": "2", "italic": "3", "green": "32", "red": "31", "yellow": "33"}


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    right: bool = False
    """Whether values are set to the right (numbers)."""


@dataclass(frozen=True, slots=True)
class Listing:
    """A table (or one per profile) for people, made the way where it goes needs it: on a
    terminal, `rich(n)` gives the first n rows of each as a rich renderable; in a pipe or with
    `--all`, `lines(colour)` gives every row as text lines."""

    counts: Sequence[int]
    """Rows of each table."""
    rich: Callable[[int], Any]
    lines: Callable[[bool], Iterable[str]]
    hint: str = "--all"
    """How to see every row, for the footer under a screenful."""
    screenful: int = SCREENFUL
    """Rows of each table a terminal shows (a --top N given shows N)."""

    def footer(self) -> str | None:
        """ "showing 25 of 10,000 — --all" when a terminal does not show every row."""
        count, shown = sum(self.counts), sum(min(c, self.screenful) for c in self.counts)
        return None if shown == count else f"showing {shown:,} of {count:,} — {self.hint}"


def table_lines(title: str, columns: Sequence[Column], rows: Iterable[Sequence[Cell]], colour: bool) -> Iterator[str]:
    """A table's lines (each ending with a line break), as matcher.terminal's SIMPLE_HEAD tables
    with lines between rows print them, less trailing spaces."""
    stacked = [list(map(_stacked, row)) for row in rows]
    widths = [
        max(len(column.header), max((len(text) for row in stacked for text, _ in row[i]), default=0))
        for i, column in enumerate(columns)
    ]
    yield visible(title) + "\n\n"
    yield _row_line([(c.header, "bold") for c in columns], columns, widths, _painted if colour else _plain)
    yield " " + "─" * (sum(widths) + 3 * len(columns) - 1) + "\n"
    if colour:
        for row in stacked:
            for k in range(max(map(len, row))):
                yield _row_line([cell[k] if k < len(cell) else ("", "") for cell in row], columns, widths, _painted)
            yield "\n"
        return
    # Without colour a line is one str.format of its cells' texts, set by a template of the widths.
    template = "  " + "   ".join(f"{{:{'>' if c.right else '<'}{w}}}" for c, w in zip(columns, widths, strict=True))
    for row in stacked:
        for k in range(max(map(len, row))):
            yield template.format(*[cell[k][0] if k < len(cell) else "" for cell in row]).rstrip() + "\n"
        yield "\n"


def _stacked(cell: Cell) -> list[Line]:
    """A cell's lines, each made safe to print: untrusted text never carries control sequences
    (matcher.display_text)."""
    lines: list[Line] = cell if isinstance(cell, list) else [(cell, "")] if isinstance(cell, str) else [cell]
    # A line break inside a value starts a line, as in rich.
    return [(visible(part), style) for text, style in lines for part in text.split("\n")]


def _row_line(cells: Sequence[Line], columns: Sequence[Column], widths: Sequence[int], paint: Callable[[Line], str]) -> str:
    parts = [
        " " * (width - len(line[0])) + paint(line) if column.right else paint(line) + " " * (width - len(line[0]))
        for line, column, width in zip(cells, columns, widths, strict=True)
    ]
    return ("  " + "   ".join(parts)).rstrip() + "\n"


def _plain(line: Line) -> str:
    return line[0]


def _painted(line: Line) -> str:
    text, style = line
    if not style or not text:
        return text
    return f"\x1b[{';'.join(_SGR[s] for s in style.split())}m{text}\x1b[0m"


# ----------------------------------------------------------------------------- the listings' cells


def _row(*cells: Cell) -> list[Cell]:
    return list(cells)


def reason_style(reason: str) -> str:
    """What is missing in red, what earned points in green, the rest in yellow."""
    return "red" if reason.startswith("missing") else "green" if reason.startswith("+") else "yellow"


def match_cells(m: Ranked) -> tuple[Line, str, str, str]:
    """Eligible, required met, preferred met and score: the same columns wherever a match is listed."""
    required_met, required, preferred_met, preferred = m.met_and_totals()
    return (
        ("yes", "green") if m.eligible else ("no", "red"),
        f"{required_met}/{required}",
        f"{preferred_met}/{preferred}",
        f"{m.score:.2f}",
    )


MATCH_COLUMNS = (Column("eligible"), Column("req", right=True), Column("pref", right=True), Column("score", right=True))


def ranking_cell(posting: Posting, reasons: Sequence[str], today: date | None = None) -> list[Line]:
    """A ranked posting's stacked cell: its id (whole, to copy into `explain`), title,
    organisation and location, past deadline or closed, and the reasons that mattered."""
    where = "; ".join(posting.location) or "location not given"
    marks = ""
    if today is not None and posting.deadline is not None and posting.deadline < today:
        marks += f" · past deadline {posting.deadline.isoformat()}"
    if posting.status == "closed":
        marks += " · closed" + (f" {posting.closed_on.isoformat()}" if posting.closed_on else "")
    return [
        (posting.id, "bold"),
        (posting.title, ""),
        (f"{posting.organization} · {where}{marks}", "dim"),
        *[(r, reason_style(r)) for r in reasons],
    ]


def ranking_title(profile: Profile) -> str:
    return f"Internships for {profile.display_name}"


Ranking = Sequence[tuple["Profile", Sequence[Ranked]]]
"""Each profile and its ranked postings."""


def rankings_lines(ranked: Ranking, colour: bool, today: date | None = None) -> Iterator[str]:
    """Every row of one ranking table per profile."""
    columns = (Column("#", right=True), Column("posting · why"), *MATCH_COLUMNS)
    for profile, matches in ranked:
        rows = (_row(str(i), ranking_cell(m.posting, m.reasons, today), *match_cells(m)) for i, m in enumerate(matches, 1))
        yield from table_lines(ranking_title(profile), columns, rows, colour)


def rankings_listing(ranked: Ranking, rich: Callable[[Ranking], Any], top: int | None, today: date | None = None) -> Listing:
    """`rank`'s tables: `rich` draws a ranking for a terminal (matcher.terminal.rankings_table)."""
    return Listing(
        [len(m) for _, m in ranked],
        lambda n: rich([(p, m[:n]) for p, m in ranked]),
        lambda colour: rankings_lines(ranked, colour, today),
        "--top N or --all",
        top or SCREENFUL,
    )
