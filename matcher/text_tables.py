"""Listings for people as fixed-width text: every row of a long listing (`rank`'s and
`shortlist`'s tables, `gaps`' list), at a cost linear in its rows, for a pipe or `--all` (rich
lays out and measures every cell of every row, which a listing of 10,000 postings cannot afford;
docs/performance.md). On a terminal a listing shows its first screenful, drawn by rich, and a
footer saying how to see the rest (`Listing`; matcher.stdout.show_listing).

The columns, cells and layout are those of matcher.terminal's rich tables (a title, a header
over a rule, a blank line after each row) and of its gaps list, and terminal.py builds its
cells, columns and titles from the ones here, so a piped listing reads as a terminal's does.
Nothing is wrapped (a pipe has no width) and widths count characters, not terminal cells.
Colour, on a terminal, is plain SGR escapes. Renderers return lines and never print; no rich is
imported, so piped listings start faster too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, TypeVar

from matcher.display_text import visible
from matcher.models import Ranked

if TYPE_CHECKING:
    from matcher.gaps import Gap
    from matcher.models import Posting, Profile

T = TypeVar("T")

SCREENFUL = 25
"""Rows a terminal shows by default: more scroll away unread (and rich's cost grows with rows)."""
TOP_HINT = "--top N or --all"
"""The footer's hint for a command that takes --top."""

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


def one_listing(
    rows: Sequence[T],
    rich: Callable[[Sequence[T]], Any],
    lines: Callable[[bool], Iterable[str]],
    hint: str = "--all",
    top: int | None = None,
) -> Listing:
    """A listing of one table or list: `rich` draws the rows given for a terminal, `lines` every
    row as text."""
    return Listing([len(rows)], lambda n: rich(rows[:n]), lines, hint, top or SCREENFUL)


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
RANKING_COLUMNS = (Column("#", right=True), Column("posting · why"), *MATCH_COLUMNS)
SHORTLIST_COLUMNS = (Column("#", right=True), Column("candidate · why"), *MATCH_COLUMNS)


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
    for profile, matches in ranked:
        rows = (_row(str(i), ranking_cell(m.posting, m.reasons, today), *match_cells(m)) for i, m in enumerate(matches, 1))
        yield from table_lines(ranking_title(profile), RANKING_COLUMNS, rows, colour)


def rankings_listing(ranked: Ranking, rich: Callable[[Ranking], Any], top: int | None, today: date | None = None) -> Listing:
    """`rank`'s tables: `rich` draws a ranking for a terminal (matcher.terminal.rankings_table)."""
    return Listing(
        [len(m) for _, m in ranked],
        lambda n: rich([(p, m[:n]) for p, m in ranked]),
        lambda colour: rankings_lines(ranked, colour, today),
        TOP_HINT,
        top or SCREENFUL,
    )


Shortlist = Sequence[tuple["Profile", Ranked]]
"""Each candidate and its match to one posting, best first."""


def shortlist_title(posting: Posting) -> str:
    return f"Candidates for {posting.title} ({posting.id})"


def candidate_cell(profile: Profile, reasons: Sequence[str]) -> list[Line]:
    """A candidate's stacked cell: name, profile file and the reasons that mattered."""
    return [(profile.display_name, "bold"), (profile.path, "dim"), *[(r, reason_style(r)) for r in reasons]]


def shortlist_lines(posting: Posting, scored: Shortlist, colour: bool) -> Iterator[str]:
    """Every row of `shortlist`'s table."""
    rows = (_row(str(i), candidate_cell(p, m.reasons), *match_cells(m)) for i, (p, m) in enumerate(scored, 1))
    return table_lines(shortlist_title(posting), SHORTLIST_COLUMNS, rows, colour)


def shortlist_listing(posting: Posting, scored: Shortlist, rich: Callable[[Shortlist], Any]) -> Listing:
    """`shortlist`'s table: `rich` draws candidates' rows for a terminal (terminal.shortlist_table)."""
    return one_listing(scored, rich, lambda colour: shortlist_lines(posting, scored, colour))


# ----------------------------------------------------------------------------- the gaps list

GAP_INDENT = "   "
"""Before each line under a gap's heading."""
QUOTE_LENGTH = 90
"""Characters of a posting's words a gap quotes, at the most."""


def gaps_title(profile: Profile) -> str:
    return f"What would open the most doors for {profile.display_name}"


def gap_entry(gap: Gap, number: int) -> tuple[list[Line], list[list[Line]]]:
    """A gap as the list shows it, each line as its styled pieces: a heading (number, item, kind,
    quick, how many postings ask) and the lines set under it: each posting it would make
    eligible, the score it would add to others, and up to two quotes of the postings' words.
    A posting id ends its line, so no table column narrows it and it is never split."""
    about = f"  {gap.kind} · {'quick' if gap.quick else 'not quick'} · asked by {len(gap.asked_by)} posting(s)"
    head = [(f"{number}. ", "bold"), (gap.item, "bold"), (about, "dim")]
    under = [[("would make eligible: ", ""), (p, "green")] for p in gap.newly_eligible]
    under += [[(f"score +{gain:.3f}: ", ""), (p, "")] for p, gain in gap.score_gain.items()]
    under += [[(f"“{_clipped(q)}”", "dim italic")] for q in gap.quotes[:2]]
    return head, under


def _clipped(text: str) -> str:
    return text if len(text) < QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


def gaps_lines(gaps: Sequence[Gap], profile: Profile, colour: bool) -> Iterator[str]:
    """Every gap of `gaps`' list, as terminal.gaps_table prints it with nothing to wrap: the
    title, then each gap's heading after a blank line and its lines indented under it."""
    paint = _painted if colour else _plain
    yield paint((visible(gaps_title(profile)), "bold")) + "\n"
    for number, gap in enumerate(gaps, 1):
        head, under = gap_entry(gap, number)
        yield "\n" + _pieces(head, paint, "") + "\n"
        yield from (_pieces(line, paint, GAP_INDENT) + "\n" for line in under)


def _pieces(line: Sequence[Line], paint: Callable[[Line], str], indent: str) -> str:
    """A line of styled pieces, made safe to print; a line break inside one starts a line at the
    same indent (as rich pads them)."""
    text = "".join(paint((visible(piece), style)) for piece, style in line)
    return "\n".join((indent + part).rstrip() for part in text.split("\n"))


def gaps_listing(gaps: Sequence[Gap], profile: Profile, rich: Callable[[Sequence[Gap]], Any], top: int | None) -> Listing:
    """`gaps`' list: `rich` draws gaps for a terminal (terminal.gaps_table)."""
    return one_listing(gaps, rich, lambda colour: gaps_lines(gaps, profile, colour), TOP_HINT, top)
