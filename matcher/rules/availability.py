"""`availability`: free for the internship's dates.

Posting file: `availability: {start: 2027-05, weeks: 12}`; either may be left to the posting's own
`start` and `duration_weeks`. `latest_start: 2027-07` says the start may be moved up to then
("starting in May, June or July"): the profile is judged from the start that suits it best.
Met when the profile's availability covers the whole period, partial for most of it
(AVAILABILITY_PARTIAL_SHARE), unmet for less, or when the profile is free only LATE_START_WEEKS or
more after the start. When the posting gives a length but no start, the profile's window is judged
by its length. Unknown when the profile gives no availability, or the posting neither a start nor
a length. The only kind judged per posting, since it reads the posting's dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from matcher.models import Availability, AvailabilityCriterion, Judgement, Posting, Profile, Verdict
from matcher.positioned import MAX_WEEKS, ValueReader
from matcher.rules.base import Fill, ReadQualification, Rule, judgement
from matcher.tuning import AVAILABILITY_PARTIAL_SHARE, LATE_START_WEEKS


def covered(share: float) -> Verdict:
    if share >= 1.0:
        return Verdict.MET
    return Verdict.PARTIAL if share >= AVAILABILITY_PARTIAL_SHARE else Verdict.UNMET


class AvailabilityRule(Rule[AvailabilityCriterion]):
    criterion = AvailabilityCriterion
    reads = frozenset({"availability"})
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
            latest_start=reader.date(m, "latest_start", what),
        )

    def judge(self, c: AvailabilityCriterion, posting: Posting | None) -> Judgement:
        start = c.start or (posting.start if posting else None)
        weeks = c.weeks or (posting.duration_weeks if posting else None)
        rule = f"available from {start or 'the start'}" + (f" for {weeks} weeks" if weeks else "")
        have = self.profile.availability
        if have is None:
            return judgement(Verdict.UNKNOWN, rule, "the profile gives no availability")
        if start is None:
            return self._length_only(rule, weeks, have)
        if c.latest_start is not None:
            rule += f" (or a start up to {c.latest_start})"
            if have.start is not None:
                start = min(max(start, have.start), max(start, c.latest_start))
        end = start + timedelta(weeks=weeks or 1)
        free_from = have.start or date.min
        free_to = have.end or date.max
        overlap = (min(end, free_to) - max(start, free_from)).days
        needed = (end - start).days
        shown = f"available {have.start or '...'} to {have.end or '...'}"
        if overlap <= 0:
            return judgement(Verdict.UNMET, rule, shown, matched=shown)
        late = (free_from - start).days // 7
        if late >= LATE_START_WEEKS:
            return judgement(Verdict.UNMET, rule, f"{shown}: free only {late} weeks after it starts", matched=shown)
        share = min(1.0, overlap / needed)
        return judgement(covered(share), rule, f"{shown}: covers {share:.0%} of it", credit=share, matched=shown)

    @staticmethod
    def _length_only(rule: str, weeks: int | None, have: Availability) -> Judgement:
        """No start date: the profile's window judged by its length alone."""
        if not weeks or have.start is None or have.end is None:
            return judgement(Verdict.UNKNOWN, rule, "the posting gives no start date")
        free = (have.end - have.start).days + 1
        shown = f"available {have.start} to {have.end} ({free // 7} weeks); the posting gives no start date"
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
