"""`availability`: free for the internship's dates.

Posting file: `availability: {start: 2027-05, weeks: 12}`; either may be left to the posting's own
`start` and `duration_weeks`. `latest_start: 2027-07` says the start may be moved up to then
("starting in May, June or July"; a month means up to its last day): the profile is judged from
the start that suits it best.
Met when the profile's availability covers the whole period, partial for most of it
(AVAILABILITY_PARTIAL_SHARE), unmet for less, or when the profile is free only LATE_START_WEEKS or
more after the start. When the posting gives a length but no start, the profile's window is judged
by its length. A profile with no `availability` field is judged from the window its statement
gives ("summer 2027 (May through August)", "free from 1 June to 31 August"), said inferred.
Unknown when the profile gives no availability, or the posting neither a start nor a length.
The only kind judged per posting, since it reads the posting's dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import lru_cache, partial
from itertools import pairwise
from typing import Any

from matcher.knowledge.text import sentences
from matcher.models import Availability, AvailabilityCriterion, Judgement, Posting, Profile, Verdict
from matcher.positioned import MAX_WEEKS, ValueReader
from matcher.rules.base import Fill, ReadQualification, Rule, judgement
from matcher.tuning import AVAILABILITY_PARTIAL_SHARE, LATE_START_WEEKS
from matcher.written_dates import RANGE, WrittenDate, dates_in, years_in


def covered(share: float) -> Verdict:
    if share >= 1.0:
        return Verdict.MET
    return Verdict.PARTIAL if share >= AVAILABILITY_PARTIAL_SHARE else Verdict.UNMET


class AvailabilityRule(Rule[AvailabilityCriterion]):
    criterion = AvailabilityCriterion
    reads = frozenset({"availability", "statement"})
    per_posting = True

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> AvailabilityCriterion | None:
        m = reader.mapping(value, mark, what, ["start", "weeks", "latest_start"])
        if m is None:
            return None
        return AvailabilityCriterion(
            start=reader.date(m, "start", what),
            weeks=reader.number(m, "weeks", what, integer=True, minimum=1, maximum=MAX_WEEKS),
            latest_start=reader.date(m, "latest_start", what, end=True),
        )

    def judge(self, c: AvailabilityCriterion, posting: Posting | None) -> Judgement:
        start = c.start or (posting.start if posting else None)
        weeks = c.weeks or (posting.duration_weeks if posting else None)
        rule = f"available from {start or 'the start'}" + (f" for {weeks} weeks" if weeks else "")
        have, said = self.profile.availability, ""
        if have is None:
            window = stated_window(self.profile.statement or "", self.today)
            if window is None:
                return judgement(Verdict.UNKNOWN, rule, "the profile gives no availability")
            have, said = window[0], f" (inferred from the statement: '{window[1]}')"
        if start is None:
            return self._length_only(rule, weeks, have, said)
        if c.latest_start is not None:
            rule += f" (or a start up to {c.latest_start})"
            if have.start is not None:
                start = min(max(start, have.start), max(start, c.latest_start))
        end = start + timedelta(weeks=weeks or 1)
        free_from = have.start or date.min
        free_to = have.end or date.max
        overlap = (min(end, free_to) - max(start, free_from)).days
        needed = (end - start).days
        shown = f"available {have.start or '...'} to {have.end or '...'}{said}"
        if overlap <= 0:
            return judgement(Verdict.UNMET, rule, shown, matched=shown)
        late = (free_from - start).days // 7
        if late >= LATE_START_WEEKS:
            return judgement(Verdict.UNMET, rule, f"{shown}: free only {late} weeks after it starts", matched=shown)
        share = min(1.0, overlap / needed)
        return judgement(covered(share), rule, f"{shown}: covers {share:.0%} of it", credit=share, matched=shown)

    @staticmethod
    def _length_only(rule: str, weeks: int | None, have: Availability, said: str) -> Judgement:
        """No start date: the profile's window judged by its length alone."""
        if not weeks or have.start is None or have.end is None:
            return judgement(Verdict.UNKNOWN, rule, "the posting gives no start date")
        free = (have.end - have.start).days + 1
        shown = f"available {have.start} to {have.end} ({free // 7} weeks){said}; the posting gives no start date"
        share = min(1.0, free / (weeks * 7))
        return judgement(
            covered(share),
            rule,
            f"{shown}: {share:.0%} of the weeks asked",
            credit=share,
            matched=f"available {have.start} to {have.end}",
        )

    @classmethod
    def label(cls, c: AvailabilityCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return "availability"

    def fills(self, c: AvailabilityCriterion, j: Judgement) -> list[Fill]:
        start = c.start or self.today
        weeks = c.weeks or 12
        return [
            Fill(
                "availability",
                f"available from {start.isoformat()} for {weeks} weeks",
                ("availability", start, weeks),
                False,
                partial(_available, start=start, weeks=weeks),
                frozenset({"availability"}),
            )
        ]


def _available(p: Profile, start: date, weeks: int) -> Profile:
    return replace(p, availability=Availability(start, start + timedelta(weeks=weeks)))


_FREE = re.compile(r"\b(?:available|free|summer|spend|intern\w*|start\w*|from)\b", re.IGNORECASE)
_NOT_FREE = re.compile(r"\b(?:not|unavailable|except|busy|cannot|can't)\b|n't\b", re.IGNORECASE)


@lru_cache(maxsize=64)  # asked once per posting, of the same statement
def stated_window(statement: str, today: date) -> tuple[Availability, str] | None:
    """The first window of dates a statement says the candidate is free for ("I want to spend
    summer 2027 (May through August) ..."), with the words it was read from; a month means all of
    it, and a date with no year falls in the first year it has not yet passed."""
    for sentence in sentences(statement):
        if not _FREE.search(sentence) or _NOT_FREE.search(sentence):
            continue
        for first, last in pairwise(dates_in(sentence)):
            if RANGE.fullmatch(sentence[first.end : last.start]):
                window = _dated(first, last, years_in(sentence), today)
                if window is not None:
                    return window, sentence[first.start : last.end]
    return None


def _dated(first: WrittenDate, last: WrittenDate, years: list[int], today: date) -> Availability | None:
    wraps = last.month < first.month  # "November to February" ends in the next year
    if first.year is not None:
        year = first.year
    elif last.year is not None:
        year = last.year - wraps
    elif years:
        year = years[0]
    else:
        year = today.year if (first.month, first.day or 1) >= (today.month, today.day) else today.year + 1
    end_year = last.year or year + wraps
    start = first.on(year)
    try:
        end = date(end_year, last.month, last.day or calendar.monthrange(end_year, last.month)[1])
    except ValueError:
        return None
    return None if start is None or end < start else Availability(start, end)
