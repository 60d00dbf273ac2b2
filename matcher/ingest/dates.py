"""Where a posting says its deadline, start and length ("applications close on ...", "starting in
May, June or July", "12 weeks"), read with the date parser of matcher.written_dates."""

from __future__ import annotations

import re
from datetime import date

from matcher.written_dates import _MONTH, RANGE, WrittenDate, dates_in, resolve_year, years_in

DEADLINE_CUE = re.compile(
    r"deadline|apply (?:by|before)|applications? (?:close|closes|are due|due|must be)|close[sd]? (?:on|at)|closing date|"
    r"applications?\b[^.]{0,40}\b(?:by|before)\b|submit\w*\b[^.]{0,40}\b(?:by|before)\b|last date|accepting applications until|"
    r"applications?\b[^.]{0,40}\b(?:open|accepted|received|considered)\s+(?:until|through|till)\b|"
    r"(?:submit\w*|apply|send)\b[^.]{0,40}\bno later than",
    re.IGNORECASE,
)
"""Where a deadline is said, in a field or in prose ("Applications for Summer 2024 are open until
January 26, 2024", "apply no later than 3 March"; not "available to start no later than 1 June")."""
SHORT_DATE = re.compile(r"^\W{0,3}([01]?\d)/([0-3]?\d)\b(?!/)")
"""A day written with two numbers and no year, right after the cue: "Deadline 2/8"."""
START_CUE = re.compile(
    r"\bstart\w*|\bbegin\w*|\bcommenc\w*|\bruns? from|\bcohort|\bfrom\s+(?=[A-Z][a-z]+\.?\s+\d)|\bsummer internship\b[^.]*\bfrom",
    re.IGNORECASE,
)


def deadline_in(lines: list[str], published: date | None, start: date | None, years: list[int]) -> tuple[date, int] | None:
    """The application deadline and the index of its line: the first dated day after a deadline
    cue ("Deadline:", "apply by", "applications close on"). A month alone is not a deadline."""
    for index, line in enumerate(lines):
        cue = DEADLINE_CUE.search(line)
        if not cue:
            continue
        for written in dates_in(line[cue.start() :]):
            if written.day is None:
                continue
            when = resolve_year(written, published, start, years)
            if when is not None:
                return when, index
        short = _short_date(line[cue.end() :], published)
        if short is not None:
            return short, index
    return None


def _short_date(text: str, published: date | None) -> date | None:
    """ "2/8" after a deadline cue: month/day or day/month, whichever comes first on or after the
    posting's date (a deadline follows its posting); with no posting date, only a reading both
    orders agree on."""
    match = SHORT_DATE.match(text)
    if match is None:
        return None
    a, b = int(match.group(1)), int(match.group(2))
    if published is None and a != b:
        return None
    readings = [resolve_year(WrittenDate(None, m, d, 0, 0), published, None, []) for m, d in ((a, b), (b, a)) if 1 <= m <= 12]
    dated = sorted(r for r in readings if r is not None and (published is None or r >= published))
    return dated[0] if dated else None


def start_in(lines: list[str], published: date | None, years: list[int]) -> tuple[date, int, date | None] | None:
    """When the internship starts, the index of its line, and its end when written as a range
    ("May 18 - August 7, 2026"; "starting in May, June or July 2026": the earliest)."""
    for index, line in enumerate(lines):
        cue = START_CUE.search(line)
        found = dates_in(line[cue.start() :] if cue else line)
        ranged = _first_range(line, found)
        if not cue and ranged is None:
            continue
        if not found:
            continue
        first = found[0]
        year = first.year or next((d.year for d in found if d.year), None)
        if year is None:
            year = _year_near(line, years, published)
        if year is None:
            continue
        begins = first.on(year)
        ends = None
        if ranged is not None:
            ends = ranged.on(ranged.year or year)
        if begins is not None:
            return begins, index, ends
    return None


def _first_range(line: str, found: list[WrittenDate]) -> WrittenDate | None:
    """The end of "<date> - <date>" when the first two dates of a line are written as a range."""
    if len(found) >= 2 and RANGE.fullmatch(line[found[0].end : found[1].start]):
        return found[1]
    return None


def _year_near(line: str, years: list[int], published: date | None) -> int | None:
    own = years_in(line)
    if own:
        return own[0]
    if published is not None:
        return published.year
    return max(set(years), key=years.count) if years else None


WEEKS = re.compile(r"\b(\d{1,2})\s*(?:\+|(?:-|–|to)\s*\d{1,2})?[- ]?(?:weeks?|wks?)\b", re.IGNORECASE)


def weeks_in(lines: list[str]) -> tuple[int, int] | None:
    """How many weeks the internship lasts (the least of a range) and the index of its line."""
    for index, line in enumerate(lines):
        match = WEEKS.search(line)
        if match and not re.search(r"parental|leave|vacation|notice", line, re.IGNORECASE):
            return int(match.group(1)), index
    return None


_ANY_MONTH = _MONTH.format("month").replace("?P<month>", "?:")
_MONTH_YEAR = rf"{_ANY_MONTH}(?:,?\s+(?:19|20)\d\d)?"
START_WINDOW = re.compile(
    rf"\bstart\w*(?:\s+dates?)?\s+(?:[a-z]+\s+){{0,3}}?"
    rf"(?:in\s+(?P<either>{_MONTH_YEAR}(?:\s*,\s*{_MONTH_YEAR})*,?\s+or\s+{_MONTH_YEAR})|"
    rf"between\s+(?P<between>{_MONTH_YEAR}\s+and\s+{_MONTH_YEAR}))\b",
    re.IGNORECASE,
)
"""A start that may fall in any of some months: "starting in May, June or July", "start between May
and July 2027", "starting at some point between December and March" (up to three words between).
Not "from May to August" nor "May - August": those are the internship's period."""


def start_window(text: str, year: int | None) -> tuple[str, str] | None:
    """The first and last month ("2027-05", "2027-07") a sentence lets the internship start in; the
    year as written there, else `year` (the posting's); None without a year or on other shapes."""
    match = START_WINDOW.search(text)
    if match is None:
        return None
    months = dates_in(match.group("either") or match.group("between"))
    first, last = months[0], months[-1]
    first_year = first.year or (last.year and last.year - (last.month < first.month)) or year
    if len(months) < 2 or first_year is None or any(m.day is not None for m in months):
        return None
    last_year = last.year or first_year + (last.month < first.month)  # "November or January": the next year's
    if (last_year, last.month) <= (first_year, first.month):
        return None
    return f"{first_year}-{first.month:02d}", f"{last_year}-{last.month:02d}"
