"""Years of study completed, as a `text` qualification asks them: "at least one year of graduate
coursework", "one full year of a Bachelor's degree programme at the time of application", "a
Master's student who has completed 1 year by 31 May". Read against the stage (a graduate student
has done the bachelor's; an undergraduate no graduate study) and the year of the programme (by
the internship, a student in year N has done N; when applying, N - 1), said estimated or inferred
as the year was found. A profile not enrolled keeps the years it did.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import count_of, fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading
from matcher.rules.graduation import graduation_reading, year_in_programme

_COMPLETED = re.compile(
    r"\b(?:at least )?(one|two|three|1|2|3) (?:full )?(?:academic )?years? (?:of|in) (?:a |an |the |your )?(?:"
    r"(graduate|doctoral|phd|masters?) (?:level )?(?:coursework|study|studies|school|program|programme|research)"
    r"|(bachelor s|bachelors?|undergraduate|university|college) (?:level |degree )?"
    r"(?:coursework|study|studies|program|programme|degree)?)\b"
)
"""Years of study done: of a graduate programme ("one year of graduate coursework") or of a first
degree ("one full year of a Bachelor's degree programme", which any later stage has done)."""
_COMPLETED_AS = re.compile(
    r"\b(?:(bachelor s|bachelors?|undergraduate)|graduate|master s|masters?|phd|doctoral) (?:degree )?(?:student|candidate)s? "
    r"(?:who (?:has|have) |having )?(?:already |successfully )*completed (?:at least )?(one|two|three|four|1|2|3|4) "
    r"(?:full )?(?:academic )?years?\b"
)
"""The same said of a student: "a Master's student who has completed 1 year (of the programme)"."""
_AT_APPLICATION = re.compile(r"\b(?:at the time of|by the time of|when|upon) (?:the |your )?(?:application|applying|you apply)\b")
"""Years done when applying, not by the internship: a student applying in year N has done N - 1."""


def judge_years_done(text: str, profile: Profile, today: date) -> TextReading | None:
    """A text asking for years of study completed ("at least one year of graduate coursework",
    "one full year of a Bachelor's at the time of application", "a Master's student who has
    completed 1 year"), against the stage and the year of the programme."""
    folded = fold(text)
    completed = _COMPLETED.search(folded)
    if completed is not None:
        needed, of_bachelors = count_of(completed.group(1)), completed.group(3) is not None
    elif said_of_student := _COMPLETED_AS.search(folded):
        needed, of_bachelors = count_of(said_of_student.group(2)), said_of_student.group(1) is not None
    else:
        return None
    asked = Stage.BACHELORS if of_bachelors else Stage.MASTERS
    stage = profile.degree.stage
    if (stage > Stage.BACHELORS) != (asked > Stage.BACHELORS):
        # A graduate student has done the bachelor's; an undergraduate has done no graduate study.
        rule = f"{needed}+ year(s) of {'a bachelor' if of_bachelors else 'graduate study'} done"
        return graduation_reading(stage > asked, rule, f"a {stage.title} student", False)
    found = year_in_programme(profile, today)
    if found is None:
        return None
    year, shown, inferred = found
    # By the internship (the summer after this academic year) a student in year N has done N; by
    # an application made during this academic year, N - 1.
    at_application = _AT_APPLICATION.search(folded) is not None
    done = year - 1 if at_application and profile.degree.enrolled else year
    when = "when applying" if at_application else "by the internship"
    return graduation_reading(done >= needed, f"{needed}+ year(s) of the programme done {when}", shown, inferred)
