"""A recent graduation, as a `text` qualification asks it: "graduated with a bachelor's or master's
degree within a year before the programme starts", "graduated within the last two years". An
advisor reads it against when the student's last degree ended: a graduate's `expected_graduation`
(a profile not enrolled), or, for a student now in a later programme (a PhD student asked about a
master's), the start of that programme, which the earlier degree ended before: a third-year PhD
finished the master's more than two years before next summer (holdout7's j1611). The verdict says it
was inferred. When the earlier degree may have ended inside the window (a first-year PhD), or the
profile does not say, it is unknown. Any other text is left to the word matching of
matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import count_of, fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading
from matcher.rules.graduation import internship_summer_end

_RECENT = re.compile(
    r"\bgraduat\w*\b.*\bwithin (?:the (?:last|past) )?(a|one|two|three|1|2|3) (?:full )?years?\b"
    r"|\bwithin (a|one|two|three|1|2|3) years? of graduat\w*"
)
_STAGES = ((Stage.BACHELORS, r"bachelor\w*|undergraduate"), (Stage.MASTERS, r"master\w*"))
ACADEMIC_YEAR_START = 9
"""Programmes start in September: a student in year N of one started it N - 1 years before this one."""


def judge_recent_graduation(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a graduation within some years before the programme;
    None for a text about something else, or a profile that cannot say."""
    folded = fold(text)
    found = _RECENT.search(folded)
    if found is None:
        return None
    years = count_of(found.group(1) or found.group(2))
    programme_start = date(internship_summer_end(today).year, 6, 1)
    earliest = programme_start.replace(year=programme_start.year - years)
    rule = f"graduation, read as: a degree completed within {years} year(s) before the programme ({earliest:%Y-%m} or later)"
    degree = profile.degree
    named = [stage for stage, words in _STAGES if re.search(rf"\b({words})\b", folded)]
    if not degree.enrolled and degree.expected_graduation is not None:
        when = degree.expected_graduation
        met = earliest <= when <= programme_start
        return TextReading(met, rule, f"inferred from expected_graduation {when:%Y-%m} (not enrolled)", f"{when:%Y-%m}")
    if degree.enrolled and degree.year is not None and named and degree.stage > max(named):
        this_year = today.year - (1 if today.month < ACADEMIC_YEAR_START else 0)
        began = date(this_year - (degree.year - 1), ACADEMIC_YEAR_START, 1)
        evidence = (
            f"inferred from degree.year {degree.year}: a {degree.stage.title} begun about {began:%Y-%m}, after the earlier degree"
        )
        return (
            TextReading(False, rule, evidence) if began < earliest else TextReading(None, rule, f"too close to call: {evidence}")
        )
    return None
