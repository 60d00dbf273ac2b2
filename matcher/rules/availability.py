"""`availability`: free for the internship's dates.

Posting file: `availability: {start: 2027-05, weeks: 12}`; either may be left to the posting's own
`start` and `duration_weeks`. Met when the profile's availability covers the whole period,
partial for part of it, unmet for none; unknown when the posting gives no start or the profile
no availability. The only kind judged per posting, since it reads the posting's dates.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from functools import partial
from typing import Any

from matcher.models import Availability, AvailabilityCriterion, Judgement, Posting, Profile, Verdict
from matcher.positioned import MAX_WEEKS, ValueReader
from matcher.rules.base import Fill, ReadQualification, Rule, fraction, judgement


class AvailabilityRule(Rule[AvailabilityCriterion]):
    criterion = AvailabilityCriterion
    reads = frozenset({"availability"})
    per_posting = True

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> AvailabilityCriterion | None:
        m = reader.mapping(value, mark, what, ["start", "weeks"])
        if m is None:
            return None
        return AvailabilityCriterion(
            start=reader.date(m, "start", what),
            weeks=reader.number(m, "weeks", what, integer=True, minimum=1, maximum=MAX_WEEKS),
        )

    def judge(self, c: AvailabilityCriterion, posting: Posting | None) -> Judgement:
        start = c.start or (posting.start if posting else None)
        weeks = c.weeks or (posting.duration_weeks if posting else None)
        rule = f"available from {start or 'the start'}" + (f" for {weeks} weeks" if weeks else "")
        if start is None:
            return judgement(Verdict.UNKNOWN, rule, "the posting gives no start date")
        have = self.profile.availability
        if have is None:
            return judgement(Verdict.UNKNOWN, rule, "the profile gives no availability")
        end = start + timedelta(weeks=weeks or 1)
        free_from = have.start or date.min
        free_to = have.end or date.max
        overlap = (min(end, free_to) - max(start, free_from)).days
        needed = (end - start).days
        shown = f"available {have.start or '...'} to {have.end or '...'}"
        if overlap <= 0:
            return judgement(Verdict.UNMET, rule, shown, matched=shown)
        share = min(1.0, overlap / needed)
        return judgement(fraction(share, 1.0), rule, f"{shown}: covers {share:.0%} of it", credit=share, matched=shown)

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
