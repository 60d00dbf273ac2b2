"""A year of a degree of some length, as a `text` qualification asks it: "in the third year of a
four-year Bachelor's (or the second of a three-year one)", "year 2 or 3 of a 4-year degree"; and
years of a stage, "second- or third-year undergraduates" (against the stage and the year alone).
An advisor reads the first against the year the student is in and how long the student's own
degree runs: the year plus the academic years left before the expected graduation (a third-year
graduating in the summer after next is in a four-year degree), or, without a graduation date, the
usual length where the student studies (knowledge/programme_lengths.yaml), said estimated, and
left unknown when the usual lengths there disagree on the answer.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import count_of, fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading
from matcher.rules.graduation import academic_year, ordinal_number, usual_years, year_in_programme

_YEAR_OF_LENGTH = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th))(?: year)? of (?:a |an |the |their |your )?"
    r"(two|three|four|five|six|[2-6]) year\b"
)
""""third year of a four-year", "the second of a three-year one": the year asked and the degree's length."""
_NUMBERED_YEAR_OF_LENGTH = re.compile(
    r"\byears? ([1-6])(?: (?:or|and) ([1-6]))? of (?:a |an |the |their |your )?(two|three|four|five|six|[2-6]) year\b"
)
""""year 2 or 3 of a 4-year degree"."""
_ORDINAL = r"(?:first|second|third|fourth|fifth|sixth|[1-6](?:st|nd|rd|th))"
_STAGE_WORDS = r"(undergrad\w*|bachelor\w*|b ?sc|b ?eng|master\w*|m ?sc|ph ?d|doctora\w*)"
_YEARS_AT_STAGE = re.compile(
    rf"\b({_ORDINAL}(?:(?: year)?,? (?:or|and|to|through) (?:the )?{_ORDINAL})*) years? (?:of (?:a |an |the |their )?)?"
    rf"{_STAGE_WORDS}"
    rf"|\b{_STAGE_WORDS}\w*(?: s)? (?:students? |candidates? )?in (?:their|the|your) "
    rf"({_ORDINAL}(?:,? (?:or|and|to) {_ORDINAL})*) years?\b"
)
"""Years of a stage: "second- or third-year undergraduates", "PhD students in their first or second
year", "first- to third-year PhD students"."""
_DONE_OR_FLOOR = re.compile(r"\b(completed?|finished|done|passed|later|above|onwards|beyond|higher)\b")
_NOT_THESE_YEARS = re.compile(r"\b(not|ineligible|excluded|except|final|last|penultimate)\b")
"""Years asked as done ("completed the first year") or as a floor ("the third year or later"), or
beside a final year, are read by matcher.rules.graduation; years excluded ("first-year students
are not eligible") are not asked."""
_STAGE_NAMES = (
    (Stage.BACHELORS, r"bachelor\w*|undergrad\w*|b ?sc|b ?eng|b ?a|honours|honors"),
    (Stage.MASTERS, r"master\w*|m ?sc|m ?eng"),
    (Stage.PHD, r"ph ?d|doctora\w*"),
)


def _degree_length(profile: Profile, year: int, today: date) -> tuple[int, int, str, bool]:
    """(shortest, longest) length of the student's degree in years, where it comes from, and
    whether it is an estimate: the year plus the academic years left before the expected
    graduation, else the usual lengths where the student studies."""
    graduation = profile.degree.expected_graduation
    if graduation is not None and graduation >= today:
        length = year + academic_year(graduation) - academic_year(today)
        return length, length, f"and expected_graduation {graduation:%Y-%m}: a {length}-year degree", False
    shortest, longest, where = usual_years(profile)
    return shortest, longest, f"and the usual {shortest}-{longest} years of a {profile.degree.stage.title}{where}", True


def _stage_of(word: str) -> Stage | None:
    """The stage a word names ("undergrads", "BEng"); None for a word no stage is named by."""
    return next((stage for stage, words in _STAGE_NAMES if re.fullmatch(rf"(?:{words})\w*", word)), None)


def judge_year_of_degree(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a year of a degree of some length, or for years of a stage
    ("second- or third-year undergraduates"); None for a text about something else, or when the
    profile gives no year of its programme."""
    folded = fold(text)
    asked = [(ordinal_number(n), count_of(m)) for n, m in _YEAR_OF_LENGTH.findall(folded)]
    for first, second, length in _NUMBERED_YEAR_OF_LENGTH.findall(folded):
        asked += [(int(n), count_of(length)) for n in (first, second) if n]
    if not asked:
        return _judge_years_at_stage(folded, profile, today)
    if _DONE_OR_FLOOR.search(folded):
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


def _judge_years_at_stage(folded: str, profile: Profile, today: date) -> TextReading | None:
    """Years of a stage ("first- or second-year PhD students"), against the stage and the year: a
    stage the text names besides ("or a Masters student") is taken whole; one it does not name is
    not asked."""
    found = _YEARS_AT_STAGE.search(folded)
    if found is None or _DONE_OR_FLOOR.search(folded) or _NOT_THESE_YEARS.search(folded):
        return None
    listed, stage_word = (found.group(1), found.group(2)) if found.group(1) else (found.group(4), found.group(3))
    numbers = [ordinal_number(w) for w in re.findall(_ORDINAL, listed)]
    years = set(range(min(numbers), max(numbers) + 1)) if re.search(r"\b(?:to|through)\b", listed) else set(numbers)
    asked_stage = _stage_of(stage_word)
    if asked_stage is None:
        return None
    named = {stage for stage, words in _STAGE_NAMES if re.search(rf"\b({words})\b", folded)} | {asked_stage}
    shown_years = " or ".join(map(str, sorted(years)))
    rule = f"degree year, read as: year {shown_years} of a {asked_stage.title}" + (
        ", or another stage named" if len(named) > 1 else ""
    )
    stage = profile.degree.stage
    if stage is not asked_stage:
        return TextReading(stage in named, rule, f"inferred from the stage: a {stage.title} student", stage.title)
    year_found = year_in_programme(profile, today) if profile.degree.enrolled else None
    if year_found is None:
        return None
    year, shown, inferred = year_found
    return TextReading(year in years, rule, f"inferred from {shown}", shown)
