"""Dates as people write them ("Jan 31st, 2027", "31/01/2027", "January 31", "Sunday 14
September", "May - August 2026", "June 3 to August 9"), with the year taken from context when
the text leaves it out. A small parser of our own: offline, deterministic, and tested on these
shapes (tests/test_ingest_published_shapes.py); a general date library guesses too freely for
deadlines. Postings' deadlines and starts (matcher.ingest.dates) and a statement's window of free
dates (matcher.rules.availability) are read with it."""

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


RANGE = re.compile(r"\s*(?:-|–|—|to|through|until|till)\s*", re.IGNORECASE)
"""What joins the two ends of a range: "May - August", "June 3 to August 9"."""
