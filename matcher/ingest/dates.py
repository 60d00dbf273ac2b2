"""Dates as postings write them ("Jan 31st, 2027", "31/01/2027", "January 31", "Sunday 14
September", "May - August 2026", "June 3 to August 9"), with the year taken from context when
the page leaves it out. A small parser of our own: offline, deterministic, and tested on these
shapes (tests/test_ingest_published_shapes.py); a general date library guesses too freely for deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTH_NAMES = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4, "may": 5,
    "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9,
    "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<{0}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<{0}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{0}>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"

DATE_SHAPES = (
    re.compile(rf"\b{_YEAR.format('y')}-(?P<m>\d\d)-(?P<d>\d\d)\b"),
    re.compile(r"\b(?P<a>[0-3]?\d)[/.](?P<b>[0-3]?\d)[/.](?P<y>(?:19|20)\d\d)\b"),
    re.compile(rf"\b{_WEEKDAY}{_DAY.format('d')}\s+(?:of\s+)?{_MONTH.format('m')}(?:,?\s+{_YEAR.format('y')})?\b", re.I),
    re.compile(rf"\b{_WEEKDAY}{_MONTH.format('m')}\s+{_DAY.format('d')}(?!\d|:)(?:,?\s+{_YEAR.format('y')})?\b", re.I),
    re.compile(rf"\b{_MONTH.format('m')}(?:,?\s+{_YEAR.format('y')})?\b", re.I),
)
"""ISO; day/month/year with slashes (month first when the day could not be a month); "31 January
(2027)"; "January 31(st)(, 2027)"; "January (2027)" (a month, for starts)."""


@dataclass(frozen=True, slots=True)
class WrittenDate:
    """A date found in text, as precise as it was written."""

    year: int | None
    month: int
    day: int | None
    start: int
    """Where it starts in the text."""
    end: int

    def on(self, year: int) -> date | None:
        try:
            return date(year, self.month, self.day or 1)
        except ValueError:
            return None


def dates_in(text: str) -> list[WrittenDate]:
    """Every date written in a text, left to right; a longer reading wins over a shorter one."""
    found: list[WrittenDate] = []
    taken: list[tuple[int, int]] = []
    for shape in DATE_SHAPES:
        for match in shape.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            parsed = _read(match)
            if parsed is not None:
                found.append(parsed)
                taken.append((match.start(), match.end()))
    return sorted(found, key=lambda d: d.start)


def _read(match: re.Match[str]) -> WrittenDate | None:
    groups = match.groupdict()
    year = int(groups["y"]) if groups.get("y") else None
    day: int | None
    if "a" in groups:  # 31/01/2027 or 11/21/2025
        first, second = int(groups["a"]), int(groups["b"])
        day, month = (second, first) if second > 12 else (first, second)
    else:
        month_text = str(groups["m"]).lower().rstrip(".")
        month = int(month_text) if month_text.isdigit() else MONTH_NAMES.get(month_text, 0)
        day = int(groups["d"]) if groups.get("d") else None
        after = match.string[match.end() : match.end() + 12]
        if (
            groups.get("d") is None
            and month_text == "may"
            and year is None
            and (match.group(0)[0] == "m" or re.match(r"\s+(?!or\b|and\b|to\b|through\b)[a-z]", after))
        ):
            return None  # "may consider", "May include": the verb, not the month
    if not 1 <= month <= 12 or day is not None and not 1 <= day <= 31:
        return None
    return WrittenDate(year, month, day, match.start(), match.end())


def years_in(text: str) -> list[int]:
    return [int(y) for y in re.findall(r"(?<![\d/-])((?:19|20)\d\d)(?![\d/-])", text)]


def resolve_year(written: WrittenDate, after: date | None, before: date | None, years: list[int]) -> date | None:
    """A date without a year, dated from its context: the first such day on or after `after` (the
    posting's own date), else the last one before `before` (a start the page dates), else in the
    year the page names most. None when nothing dates it."""
    if written.year is not None:
        return written.on(written.year)
    if after is not None:
        for year in (after.year, after.year + 1):
            candidate = written.on(year)
            if candidate is not None and candidate >= after:
                return candidate
    if before is not None:
        for year in (before.year, before.year - 1):
            candidate = written.on(year)
            if candidate is not None and candidate < before:
                return candidate
    if years:
        return written.on(max(set(years), key=years.count))
    return None


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
RANGE = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*", re.IGNORECASE)


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
