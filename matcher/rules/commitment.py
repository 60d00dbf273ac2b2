"""How long a candidate can commit, as a `text` qualification asks it: "able to commit to a 12-week
summer internship", "available for at least 6 months". Postings write these as prose beside (or
instead of) their dates; an advisor reads them against the profile's availability window: met when
the window is long enough (inside the season asked, if one is), partial when it is a little short
(at least AVAILABILITY_PARTIAL_SHARE of it, as the availability rule counts a window: 10.5 of 12
weeks, holdout8's j1760), unmet when it is shorter or in another season, and said as inferred from
availability. A length the text sets as a minimum, "at least 6 months" or the floor of a range ("runs
3-6 months"), is not near when short of it: the programme's shortest stay is unmet by less (11 weeks
against 3-6 months, holdout10's j1960). A profile that gives no
availability leaves it unknown. Any other text is left to the word matching of matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

from matcher.knowledge.text import NUMBER_WORDS, count_of, fold
from matcher.models import Profile
from matcher.rules.base import TextReading
from matcher.tuning import AVAILABILITY_PARTIAL_SHARE

_COUNT = r"(\d{1,2}|" + "|".join(w for w in NUMBER_WORDS if w != "a") + r")"
_LENGTH = re.compile(rf"\b{_COUNT}(?: (?:to |or )?{_COUNT})? ?(?:full ?)?(weeks?|months?)\b")
"""A length, or a range of lengths ("2 to 6 months"): the shortest is what a candidate must commit to."""
_COMMIT = re.compile(r"\b(commit\w*|available|availability|stay|duration|internship|placement|full time)\b")
_ELSEWHERE = re.compile(r"\b(experience|ago|notice|within|after|before|deadline|old|per week|a week)\b")
"""A length of experience ("6 months of experience"), a time limit or hours are not a commitment."""
_MINIMUM = re.compile(r"\b(at least|minimum|no less than|or more|or longer)\b")
_SEASONS = {"summer": (5, 9)}
"""The internship summer, widest: May to September (northern; the corpus's postings say "summer" for
June-August programmes, and a 12-week one may start in May or end in September)."""
DAYS_PER_MONTH = 30


def _reading(met: bool | None, rule: str, evidence: str, share: float = 0.0, minimum: bool = False) -> TextReading:
    """`met` None: the profile gives no availability, so it cannot be judged. `share`: how much of
    the length asked the window covers; not met but most of it, in the right season, is partial,
    unless the length is a `minimum`."""
    near = met is False and share >= AVAILABILITY_PARTIAL_SHARE and not minimum
    return TextReading(met, f"a commitment, read as: {rule}", evidence, partial_credit=share if near else None)


class Commitment(NamedTuple):
    """What a text asks a candidate to commit for."""

    days: int
    length: str
    """The length in words: "3 months"."""
    season: str | None
    minimum: bool
    """Said as the shortest stay taken ("at least", the floor of a range), not a nominal length."""


def _asked(text: str) -> Commitment | None:
    """What a text asks the candidate to commit for; None for a text about something else."""
    folded = fold(text.replace("-", " ").replace("\u2013", " "))
    found = _LENGTH.search(folded)
    if found is None or not _COMMIT.search(folded) or _ELSEWHERE.search(folded):
        return None
    count = count_of(found.group(1))
    weeks = found.group(3).startswith("week")
    days = count * 7 if weeks else count * DAYS_PER_MONTH
    season = next((s for s in _SEASONS if re.search(rf"\b{s}\b", folded)), None)
    minimum = found.group(2) is not None or _MINIMUM.search(folded) is not None
    return Commitment(days, f"{count} {'weeks' if weeks else 'months'}", season, minimum)


def judge_commitment(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a commitment of some weeks or months; None for a text
    about something else."""
    asked = _asked(text)
    if asked is None:
        return None
    days, length, season, minimum = asked
    rule = f"free for {length}{' at least' if minimum else ''}" + (f" in the {season}" if season else "")
    have = profile.availability
    if have is None or (have.start is None and have.end is None):
        return _reading(None, rule, "the profile gives no availability")
    start, end = have.start or date.min, have.end or date.max
    shown = f"inferred from availability {have.start or '...'} to {have.end or '...'}"
    if season is None:
        free = (end - start).days + 1
    else:
        first, last = _SEASONS[season]
        # An open end reaches into the next season at most (the internship is applied for now).
        low = have.start.year if have.start else end.year - 1
        high = have.end.year if have.end else start.year + 1
        free = max(
            (min(end, date(y, last + 1, 1) - timedelta(days=1)) - max(start, date(y, first, 1))).days + 1
            for y in range(low, high + 1)
        )
        if free <= 0:
            return _reading(False, rule, f"{shown}: not free in the {season}", 0.0)
    free = max(free, 0)
    enough = free >= days
    said = f"{free / 7:.3g} weeks" + (f" in the {season}" if season else "")
    short = "" if enough else f", fewer than {length}" + (", the shortest stay taken" if minimum else "")
    return _reading(enough, rule, f"{shown}: {said}{short}", min(1.0, free / days), minimum)
