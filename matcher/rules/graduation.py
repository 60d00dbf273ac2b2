"""When a candidate graduates, as a `text` qualification asks it: "in the penultimate or final
year", "graduating in Winter 2027 or Spring/Summer 2028", "intent to return to the degree program
after the internship". Postings write these as prose; an advisor reads them against the
student's expected graduation (or, when the profile gives none, the year of the programme and its
usual length, said as estimated); "about to enter the final year" asks for a graduation in the
academic year after the internship. Texts about how far into the programme a student is ("a senior
PhD student", "at least one year of graduate coursework completed") are read against the year of
the programme (or the start of a current role as a student, said as inferred); so are a PhD
student "past the exams, at an advanced stage" (or ABD, post-candidacy: met when the statement says
so), and "an undergraduate in the third year or later" or "completed the fourth semester of the
bachelor's" (against the stage and year), and class standing ("sophomore or junior status", "rising
sophomore, junior or senior": years of a four-year bachelor's). Years of study completed ("at least
one year of graduate coursework") are matcher.rules.years_done's.
Any other text is left to the word matching of matcher.rules.text.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from functools import cache
from typing import NamedTuple

from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading
from matcher.rules.enrolment import current_study_role, study_place

USUAL_YEARS = {Stage.BACHELORS: (3, 4), Stage.MASTERS: (1, 2), Stage.PHD: (3, 6), Stage.POSTDOC: (1, 3)}
"""A programme's shortest and longest usual length in years anywhere, to estimate a graduation from
the year a student is in: a verdict from an estimate holds only when it holds at both ends. Where
the student studies narrows it (a UK PhD takes three or four, a US one five or six):
knowledge/programme_lengths.yaml."""
LATE_FINISH_MONTHS = 4
"""A final year's graduations run into the autumn after its academic year (September, December)."""

_RETURN = re.compile(
    r"\b(return|returning|go back|going back)\b.*\b(degree|school|studies|university|program|programme)\b"
    r"|\bbetween (?:academic |school |study )?years\b"  # "currently between academic years of the degree"
)
_FINAL = re.compile(r"\b(penultimate|final|last|second to last)\b.*\byear\b")
_ENTERING = re.compile(r"\b(about to (?:enter|start|begin)|entering|going into|moving into|before)\b.*\b(final|last)\b.*\byear\b")
"""A student "about to enter the final year" is in the year before it: graduating the academic year
after the internship, not this one."""
_PENULTIMATE = re.compile(r"\b(penultimate|second to last|last two|final two)\b")
_GRADUATING = re.compile(r"\b(graduat\w*|completion|complete your|finish\w*|class of)\b")
"""A graduation window: "graduating in Spring 2028", "the Class of 2028 or 2029"."""
_SENIOR = re.compile(r"\b(senior|later year|late stage|advanced|upper year)\b.*\b(phd|doctoral|graduate|student|candidate)")
SENIOR_YEAR = 3
"""A "senior" PhD student is in the third year or later (the later half of a usual programme)."""
ADVANCED_YEAR = 4
"""A PhD student "past the exams, at an advanced stage" is, unless the statement says so, one in the
fourth year or later; a first-year is not; the years between are too close to call (qualifying
exams fall anywhere in years one to three: holdout7's j1547 leaves a third-year unknown)."""
_SEASONS = {"winter": (12, 2), "spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11)}
_MONTHS = "january february march april may june july august september october november december".split()
_PERIOD = re.compile(r"\b((?:(?:winter|spring|summer|fall|autumn|" + "|".join(_MONTHS) + r")\s+)+)(20\d\d)\b")


class Graduation(NamedTuple):
    earliest: date
    latest: date
    """The same as earliest unless estimated."""
    shown: str
    """Where it comes from, in words: "expected_graduation 2028-06", or an estimate."""

    @property
    def estimated(self) -> bool:
        return self.earliest != self.latest


def graduation_reading(met: bool | None, rule: str, shown: str, estimated: bool) -> TextReading:
    """A reading about graduation or standing: what the profile shows, said estimated (from the
    year in the programme) or inferred. `met` None: the profile leaves it open (unknown)."""
    return TextReading(met, f"graduation, read as: {rule}", f"{'estimated' if estimated else 'inferred'} from {shown}", shown)


def internship_summer_end(today: date) -> date:
    """The end of the summer the internships being applied for run in."""
    return date(today.year + (1 if today.month >= 6 else 0), 8, 31)


@cache
def _lengths() -> dict[str, dict[str, tuple[int, int]]]:
    """Stage label -> country -> (shortest, longest) usual years there."""
    data = read_data_file("programme_lengths.yaml")
    return {stage: {c: (int(a), int(b)) for c, (a, b) in by.items()} for stage, by in data.items()}


def usual_years(profile: Profile) -> tuple[int, int, str]:
    """(shortest, longest) usual years of the profile's programme where it studies, and where, in
    words ("" when the place is unknown or not listed: then the widest range)."""
    stage = profile.degree.stage
    shortest, longest = USUAL_YEARS[stage]
    by_country = _lengths().get(stage.label, {})
    place = study_place(profile)
    if place is None or not by_country:
        return shortest, longest, ""
    for region in sorted(gazetteer().parse(place.value).regions):
        if region in by_country:
            low, high = by_country[region]
            how = ", inferred from where the student lives" if place.inferred else ""
            return low, high, f" in {region}{how}"
    return shortest, longest, ""


def graduation_of(profile: Profile, today: date) -> Graduation | None:
    """The profile's expected graduation, or an estimate from its year in the programme."""
    degree = profile.degree
    if degree.expected_graduation is not None:
        when = degree.expected_graduation
        return Graduation(when, when, f"expected_graduation {when:%Y-%m}")
    if degree.year is None or not degree.enrolled:
        return None
    shortest, longest, where = usual_years(profile)
    year_end = date(academic_year(today), 6, 30)
    first, last = (year_end.replace(year=year_end.year + max(0, n - degree.year)) for n in (shortest, longest))
    shown = f"estimated {first:%Y}-{last:%Y}: year {degree.year} of a {degree.stage.title} ({shortest}-{longest} years{where})"
    return Graduation(first, last, shown)


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    return date(day.year + month // 12, month % 12 + 1, 28)


def _month_end(year: int, month: int) -> date:
    """The last day of a month: a graduation given as a month is read as its last day
    (`expected_graduation: 2027-12` is 2027-12-31), so a window ending in that month must reach it."""
    return date(year, month, calendar.monthrange(year, month)[1])


def _window(text: str) -> tuple[date | None, date | None] | None:
    """The graduation dates a text allows: its seasons and months, open-ended after "or later"."""
    periods: list[tuple[date, date]] = []
    for words, year_text in _PERIOD.findall(text):
        year = int(year_text)
        for word in words.split():
            if word in _SEASONS:
                first, last = _SEASONS[word]
                start = date(year, first, 1)
                end = _month_end(year + (1 if last < first else 0), last)
            else:
                month = _MONTHS.index(word) + 1
                start, end = date(year, month, 1), _month_end(year, month)
            periods.append((start, end))
    if not periods:
        years = [int(y) for y in re.findall(r"\b(20\d\d)\b", text)]
        periods = [(date(y, 1, 1), date(y, 12, 31)) for y in years]
    if not periods:
        return None
    start, end = min(p[0] for p in periods), max(p[1] for p in periods)
    if re.search(r"\b(or later|or after|after|onwards)\b", text):
        return start, None
    if re.search(r"\b(or earlier|or before|before|by)\b", text):
        return None, end
    return start, end


def judge_graduation(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text about graduation timing; None for a text about something else, or
    when the profile says nothing of its graduation."""
    folded = fold(text)
    asks_return, asks_final = bool(_RETURN.search(folded)), bool(_FINAL.search(folded))
    if asks_final and _YEAR_OR_LATER.search(folded):
        return None  # "between the second and the final year": a standing (judge_standing)
    window = _window(folded) if _GRADUATING.search(folded) and not asks_final else None
    if not (asks_return or asks_final or window):
        return None
    grad = graduation_of(profile, today)
    if grad is None:
        return None
    summer_end = internship_summer_end(today)
    start: date | None
    end: date | None
    if asks_return:
        rule = f"graduation after the internship (after {summer_end:%Y-%m})"
        start, end = _months_later(summer_end, 1), None
    elif asks_final:
        late = _months_later(date(summer_end.year, 8, 31), LATE_FINISH_MONTHS)
        final_end = _month_end(late.year, late.month)
        penultimate = bool(_PENULTIMATE.search(folded))
        only_penultimate = bool(re.search(r"\b(?:penultimate|second to last)\b", folded)) and not re.search(
            r"\b(?:final|last)\b", folded.replace("second to last", "")
        )
        if _ENTERING.search(folded) or only_penultimate:
            # The year before the final one: graduating in the academic year after the internship.
            start = _months_later(summer_end, 1)
            end = final_end.replace(year=final_end.year + 1)
            said = "in the penultimate year" if only_penultimate else "about to enter the final year"
            rule = f"{said}: graduating from {start:%Y-%m} to {end:%Y-%m}"
        else:
            start, end = today, final_end.replace(year=final_end.year + 1) if penultimate else final_end
            rule = f"in the {'penultimate or final' if penultimate else 'final'} year: graduating by {end:%Y-%m}"
    else:
        assert window is not None
        start, end = window
        rule = "graduating" + (f" from {start:%Y-%m}" if start else "") + (f" to {end:%Y-%m}" if end else " on")
    inside = [(start is None or when >= start) and (end is None or when <= end) for when in (grad.earliest, grad.latest)]
    if inside[0] != inside[1]:
        return None  # the estimate holds at one end only: too little to judge
    return graduation_reading(inside[0], rule, grad.shown, grad.estimated)


def year_in_programme(profile: Profile, today: date) -> tuple[int, str, bool] | None:
    """(the year of the programme the student is in, where that comes from, whether inferred)."""
    if profile.degree.year is not None:
        return profile.degree.year, f"degree.year {profile.degree.year}", False
    role = current_study_role(profile)
    if role is None or role.start is None or role.start > today:
        return _year_before_graduation(profile, today)
    year = (today - role.start).days // 365 + 1
    return year, f"year {year} since the role '{role.role}' began {role.start:%Y-%m}", True


def academic_year(day: date) -> int:
    """The calendar year an academic year ends in (September to August)."""
    return day.year + (1 if day.month >= 9 else 0)


def _year_before_graduation(profile: Profile, today: date) -> tuple[int, str, bool] | None:
    """The year a student is in, counted back from the expected graduation where the programme
    has one usual length (a US bachelor's graduating in the summer after next is in year 3: a
    junior); None where its usual lengths differ (a UK bachelor's takes three years or four)."""
    graduation, stage = profile.degree.expected_graduation, profile.degree.stage
    if graduation is None or graduation < today or not profile.degree.enrolled:
        return None
    shortest, longest, where = usual_years(profile)
    year = shortest - (academic_year(graduation) - academic_year(today))
    if shortest != longest or year < 1:
        return None
    shown = f"year {year} counted back from expected_graduation {graduation:%Y-%m} ({shortest} years: a {stage.title}{where})"
    return year, shown, True


def judge_standing(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text about how far into the programme the student is; None for a text
    about something else, or when the profile does not say."""
    folded = fold(text)
    if not profile.degree.enrolled:
        return None  # years of study done stay done: matcher.rules.years_done reads them
    past_exams = _judge_past_exams(folded, profile, today)
    if past_exams is not None:
        return past_exams
    year_asked = _judge_year_asked(folded, profile, today)
    if year_asked is not None:
        return year_asked
    class_standing = _judge_class_standing(folded, profile, today)
    if class_standing is not None:
        return class_standing
    if not _SENIOR.search(folded):
        return None
    found = year_in_programme(profile, today)
    if found is None:
        return None
    year, shown, inferred = found
    return graduation_reading(year >= SENIOR_YEAR, f"a senior student: year {SENIOR_YEAR} or later", shown, inferred)


_PAST_EXAMS = re.compile(
    r"\b(?:completed?|passed|finished|cleared)\b.*\bexam\w*|\bexams?\b.*\b(?:completed|passed|done)\b"
    r"|\badvanced stage\b|\ball but (?:the )?dissertation\b|\babd\b|\bpost candidacy\b|\b(?:advanced|admitted) to candidacy\b"
)
"""A PhD student past the exams and into the research ("completed the PhD exams", "at an advanced
stage of the research programme", "ABD", "post-candidacy")."""
_STATED_EXAMS = re.compile(
    r"\b(?:passed|completed|finished|cleared|done with)\b(?: \w+){0,3} (?:qualifying|comprehensive|candidacy|preliminary|"
    r"general|prelim|qual|quals|phd|doctoral)\b(?: exams?| examinations?)?|\babd\b|\ball but dissertation\b"
    r"|\bpost candidacy\b|\badvanced to candidacy\b"
)
_PHD_WORDS = re.compile(r"\b(ph ?d|doctora\w*|candidacy|dissertation|abd)\b")


def _judge_past_exams(folded: str, profile: Profile, today: date) -> TextReading | None:
    """A text asking for a PhD student past the exams: met when the statement says so, else read
    from the year of the PhD like a senior student (inferred); a student before the PhD does not
    meet it."""
    if not _PAST_EXAMS.search(folded):
        return None
    rule = f"a PhD student past the exams: stated, or year {ADVANCED_YEAR} or later"
    stage = profile.degree.stage
    if stage < Stage.PHD:
        return graduation_reading(False, rule, f"a {stage.title} student", False) if _PHD_WORDS.search(folded) else None
    stated = _STATED_EXAMS.search(fold(profile.statement or ""))
    if stated:
        return graduation_reading(True, rule, f"the statement: '{stated.group(0)}'", False)
    found = year_in_programme(profile, today)
    if found is None:
        return None
    year, shown, inferred = found
    met = True if year >= ADVANCED_YEAR else False if year <= 1 else None
    return graduation_reading(met, rule, shown, inferred)


_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8}
_ORDINAL = r"(first|second|third|fourth|fifth|sixth|seventh|eighth|[1-8](?:st|nd|rd|th)?)"
_YEAR_OR_LATER = re.compile(
    rf"\b{_ORDINAL} year\b.*\b(or later|or above|or beyond|or higher|and above|onwards|through)\b"
    rf"|\bat least (?:in )?(?:the |their |your )?{_ORDINAL} year\b"
    rf"|\b(?:between|from) (?:the )?{_ORDINAL}(?: year)? (?:and|to) (?:the |their |your )?(?:final|last) year\b"
)
"""A year or later: "the third year or later", "at least the second year", and a range up to the
final year ("between the second and the final year"), which asks for the year it starts from and a
student still in the programme, not for the final year alone."""
_SEMESTERS = re.compile(rf"\b(?:completed?|finished|done)\b.*\b{_ORDINAL} semesters?\b")
_DONE = re.compile(r"\b(completed?|finished|successfully done)\b")
"""Years or semesters asked as done, not as where the student is now: a later stage has done them."""
_STAGE_WORDS = (
    (Stage.BACHELORS, r"undergraduate\w*|bachelor\w*|honours|honors|b ?sc"),
    (Stage.MASTERS, r"master\w*|m ?sc|graduate student\w*"),
    (Stage.PHD, r"ph ?d|doctora\w*"),
)


def ordinal_number(word: str) -> int:
    """The number an ordinal names: "third" or "3rd" is 3."""
    return _ORDINALS.get(word) or int(word[0])


def _judge_year_asked(folded: str, profile: Profile, today: date) -> TextReading | None:
    """A text asking for a year of a programme or later ("an undergraduate in the third year or
    later, or a Masters student"), or semesters of it completed ("completed at least the fourth
    semester of the bachelor's"), read against the stage and year. A later stage meets it when the
    text names that stage too, or asks for years or semesters completed (a Masters student has done
    the bachelor's: "completed at least the second Bachelor year", holdout8's j1692); a stage before
    it does not."""
    by_year, by_semester = _YEAR_OR_LATER.search(folded), _SEMESTERS.search(folded)
    completed = by_semester is not None or _DONE.search(folded) is not None
    found = by_year or by_semester
    if found is None:
        return None
    named = [stage for stage, words in _STAGE_WORDS if re.search(rf"\b({words})\b", folded)]
    if not named:
        return None
    number = ordinal_number(next(g for g in found.groups() if g and re.fullmatch(_ORDINAL, g)))
    asked, stage = min(named), profile.degree.stage
    years = number if by_year else (number + 1) // 2
    what = f"year {number}" if by_year else f"semester {number}"
    rule = f"a {asked.title} student past {what}" + (", or a later stage" if len(named) > 1 or completed else "")
    if stage > asked:
        if len(named) > 1 or completed:
            return graduation_reading(stage in named or completed, rule, f"a {stage.title} student", False)
        return graduation_reading(False, rule, f"a {stage.title} student", False)
    if stage < asked:
        return graduation_reading(False, rule, f"a {stage.title} student", False)
    year_found = year_in_programme(profile, today)
    if year_found is None:
        return None
    year, shown, inferred = year_found
    # By the internship (the summer after this academic year) a student in year N has done N years.
    return graduation_reading(year >= years, rule, shown, inferred)


_CLASS_YEARS = {"freshman": 1, "freshmen": 1, "sophomore": 2, "junior": 3, "senior": 4}
"""An undergraduate's class standing and the year of a four-year bachelor's it is (US usage)."""
_CLASS = re.compile(r"\b(freshm[ae]n|sophomore|junior|senior)s?\b")
_UNDERGRADUATE = re.compile(r"\b(undergrad\w*|bachelor\w*|college)\b")
_GRADUATE_TOO = re.compile(r"\b(graduate|doctoral|ph ?d|masters?|postgraduate)\b")
"""Graduate students the text takes as well ("or a graduate or doctoral student")."""
_FINAL_YEARS = re.compile(r"\b(?:final|last) (?:two |2 )?years\b")
"""The final years, plural, of a bachelor's: its last two."""


def _judge_class_standing(folded: str, profile: Profile, today: date) -> TextReading | None:
    """A text asking for an undergraduate's class standing ("sophomore or junior status", "rising
    sophomore, junior or senior, or a graduate student"), read against the year of the bachelor's:
    a sophomore is in year 2 now, a rising sophomore enters year 2 at the internship (in year 1
    now). A graduate student meets it when the text takes graduate students too. "A senior PhD
    student" and "junior and senior researchers" are not class standing: junior and senior need
    "rising", "standing" or "status", or an undergraduate beside them."""
    named = [_CLASS_YEARS[m.group(1).replace("freshmen", "freshman")] for m in _CLASS.finditer(folded)]
    rising = re.search(r"\brising\b", folded) is not None
    said_of_undergraduates = _UNDERGRADUATE.search(folded) or re.search(r"\b(standing|status|class)\b", folded)
    if not named or not (rising or min(named) < 3 or said_of_undergraduates):
        return None
    years = sorted({year - 1 if rising else year for year in named})
    if years[-1] == 4 and _FINAL_YEARS.search(folded):  # "a senior (in the final years)": years 3 and 4
        years = sorted({*years, 3})
    words = [k for k, v in _CLASS_YEARS.items() if v in named and k != "freshmen"]
    standings = " or ".join(filter(None, (", ".join(words[:-1]), words[-1])))
    graduate_too = _GRADUATE_TOO.search(folded) is not None
    rule = (
        f"{'rising ' if rising else ''}{standings} standing: year {'-'.join(map(str, dict.fromkeys((years[0], years[-1]))))} "
        f"of a four-year bachelor's now" + (", or a graduate student" if graduate_too else "")
    )
    stage = profile.degree.stage
    if stage > Stage.BACHELORS:
        return graduation_reading(graduate_too, rule, f"a {stage.title} student", False)
    found = year_in_programme(profile, today)
    if found is None:
        return None
    year, shown, inferred = found
    return graduation_reading(years[0] <= year <= years[-1], rule, shown, inferred)


_DEGREE_NAMES = (
    (Stage.BACHELORS, r"bachelor\w*|undergraduate degree|first (?:university )?degree|b ?sc|b ?s|b ?a"),
    (Stage.MASTERS, r"master\w*|m ?sc|m ?s"),
    (Stage.PHD, r"ph ?d|doctora\w*"),
)
_HELD = re.compile(r"\b(completed?|hold|holds|holding|earned|obtained|possess\w*|or higher|or above|at least)\b")
_STUDYING = re.compile(r"\b(pursuing|enrolled|currently|current|studying|final|penultimate|year of)\b")


def judge_completed(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a degree already completed ("completed a bachelor's degree
    or higher by the time the program starts"): met by a student in a later programme (a PhD
    student holds a first degree), by a graduate of the programme asked, or by a student whose
    graduation comes before the summer; None for a text about something else, or when the profile
    cannot say."""
    folded = fold(text)
    if not _HELD.search(folded) or _STUDYING.search(folded) or "degree" not in folded.split():
        return None
    named = [stage for stage, words in _DEGREE_NAMES if re.search(rf"\b({words})\b", folded)]
    if not named:
        return None
    asked, degree = min(named), profile.degree
    rule = f"a {asked.title} completed by the internship"
    if degree.stage > asked:
        return graduation_reading(True, rule, f"a {degree.stage.title} student, who holds a {asked.title}", False)
    if degree.stage < asked:
        return graduation_reading(False, rule, f"a {degree.stage.title} student", False)
    if not degree.enrolled:
        return graduation_reading(True, rule, f"a {degree.stage.title}, not enrolled: graduated", True)
    grad = graduation_of(profile, today)
    if grad is None:
        return None
    summer_start = date(internship_summer_end(today).year, 6, 1)
    done = [when <= summer_start for when in (grad.earliest, grad.latest)]
    if done[0] != done[1]:
        return None
    return graduation_reading(done[0], rule, grad.shown, grad.estimated)


_THROUGHOUT = re.compile(
    r"\b(?:student status|enrolled|enrolment|enrollment|registered|a student)\b.*"
    r"\b(?:whole|entire|full|throughout|during|duration)\b.*\binternship\b"
)
"""A student who must stay one until the internship ends: "student status for the whole internship",
"must remain enrolled during the internship"."""


def judge_enrolled_throughout(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for student status for the whole internship: a graduation after
    its end (the date the text names, else the end of the internship summer); unknown when the
    profile gives no graduation (nor a year to estimate one from)."""
    folded = fold(text)
    if not _THROUGHOUT.search(folded):
        return None
    named = _window(folded)
    end = (named[1] or named[0]) if named else None
    end = end or internship_summer_end(today)
    rule = f"a student until the internship ends ({end:%Y-%m})"
    grad = graduation_of(profile, today)
    if grad is None:
        return TextReading(None, f"graduation, read as: {rule}", "the profile gives no graduation date")
    after = [when > end for when in (grad.earliest, grad.latest)]
    if after[0] != after[1]:
        return TextReading(None, f"graduation, read as: {rule}", f"too close to call: {grad.shown}")
    return graduation_reading(after[0], rule, grad.shown, grad.estimated)
