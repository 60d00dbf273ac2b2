"""A year of a degree of some length, as a `text` qualification asks it: "in the third year of a
four-year Bachelor's (or the second of a three-year one)", "the final-but-one year of a three-year
degree". An advisor reads it against the year the student is in and how long the student's own
degree runs: the year plus the academic years left before the expected graduation (a third-year
graduating in the summer after next is in a four-year degree), or, without a graduation date, the
usual length where the student studies (knowledge/programme_lengths.yaml), said estimated, and
left unknown when the usual lengths there disagree on the answer.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading
from matcher.rules.graduation import usual_years, year_in_programme

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_LENGTHS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6}
_YEAR_OF_LENGTH = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th))(?: year)? of (?:a |an |the |their |your )?"
    r"(two|three|four|five|six|[2-6]) year\b"
)
""""third year of a four-year", "the second of a three-year one": the year asked and the degree's length."""
_STAGE_NAMES = (
    (Stage.BACHELORS, r"bachelor\w*|undergraduate\w*|b ?sc|b ?eng|b ?a|honours|honors"),
    (Stage.MASTERS, r"master\w*|m ?sc|m ?eng"),
    (Stage.PHD, r"ph ?d|doctora\w*"),
)


def _academic_year(day: date) -> int:
    """The calendar year an academic year ends in (September to August)."""
    return day.year + (1 if day.month >= 9 else 0)


def _degree_length(profile: Profile, year: int, today: date) -> tuple[int, int, str, bool]:
    """(shortest, longest) length of the student's degree in years, where it comes from, and
    whether it is an estimate: the year plus the academic years left before the expected
    graduation, else the usual lengths where the student studies."""
    graduation = profile.degree.expected_graduation
    if graduation is not None and graduation >= today:
        length = year + _academic_year(graduation) - _academic_year(today)
        return length, length, f"and expected_graduation {graduation:%Y-%m}: a {length}-year degree", False
    shortest, longest, where = usual_years(profile)
    return shortest, longest, f"and the usual {shortest}-{longest} years of a {profile.degree.stage.title}{where}", True


def judge_year_of_degree(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a year of a degree of some length; None for a text about
    something else, or when the profile gives no year of its programme."""
    folded = fold(text)
    asked = [(_ORDINALS.get(n) or int(n[0]), _LENGTHS[m]) for n, m in _YEAR_OF_LENGTH.findall(folded)]
    if not asked:
        return None
    shown_asked = " or ".join(f"year {n} of a {m}-year degree" for n, m in asked)
    named = [stage for stage, words in _STAGE_NAMES if re.search(rf"\b({words})\b", folded)]
    rule = f"degree year, read as: {shown_asked}" + (f" ({named[0].title})" if named else "")
    stage = profile.degree.stage
    if named and stage not in named:
        return TextReading(False, rule, f"inferred from the stage: a {stage.title} student", stage.title)
    found = year_in_programme(profile, today) if profile.degree.enrolled else None
    if found is None:
        return None
    year, shown, inferred = found
    shortest, longest, length_shown, estimated = _degree_length(profile, year, today)
    at_ends = [any(year == n and length == m for n, m in asked) for length in (shortest, longest)]
    evidence = f"{shown} {length_shown}"
    if at_ends[0] != at_ends[1]:
        return TextReading(None, rule, f"too close to call: {evidence}")
    how = "estimated" if estimated else "inferred"
    return TextReading(at_ends[0], rule, f"{how} from {evidence}", shown)
