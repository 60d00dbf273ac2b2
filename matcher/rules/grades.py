"""Grade thresholds, as `text` qualifications ask them: "a 2:1 or equivalent", "Second-Class (Upper)
Honours", "aiming for a strong 2:1 or first class degree", "GPA of 3.5 or higher". A profile states
its grade only in words ("GPA 3.92/4.0", "First-class BEng"), so the statement is read and the
verdict says inferred.

UK degree classes and US grade point averages are compared through knowledge/grades.yaml: each
class has the range of GPAs (on 4.0) counted as equivalent to it. A GPA at or above the top of the
range asked meets it, one below its bottom does not, one inside it is too close to call; a GPA on
another scale ("8.7/10") is scaled to 4.0 first. A rank asked as a share of the class ("among the
top 20%") is met by a rank the statement gives within it ("top 10% of my cohort"). A profile that states no grade is left to the
word matching of matcher.rules.text (unknown): an advisor does not guess grades.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from matcher.knowledge import read_data_file
from matcher.knowledge.places import names_in
from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading

GPA_SCALE = 4.0
_GRADE_WORDS = re.compile(r"\b(class|honours|honors|gpa|cgpa|grade point average|2 1|2 2)\b")
_GPA = re.compile(r"\b(?:c?gpa|grade point average)\b\D{0,25}?(\d(?:\.\d{1,2})?)(?:\s*(?:/|out of)\s*(\d+(?:\.\d+)?))?")
_GPA_AFTER = re.compile(r"\b(\d\.\d{1,2})(?:\s*(?:/|out of)\s*(\d+(?:\.\d+)?))?\s+(?:c?gpa|grade point average)\b")


class Grade(NamedTuple):
    low: float
    high: float
    """The GPA range (on 4.0) the grade stands for: one point for a GPA, a class's range."""
    shown: str
    rank: int | None = None
    """A degree class's place, best first (0 is a first); None for a GPA."""


def _reading(met: bool, rule: str, evidence: str) -> TextReading:
    return TextReading(met, f"grades: {rule}", f"inferred: {evidence}")


@cache
def _classes() -> dict[str, Grade]:
    """Folded name -> the class it names, with the lowest and highest GPA counted as equivalent."""
    out: dict[str, Grade] = {}
    for rank, (name, entry) in enumerate(read_data_file("grades.yaml").items()):
        low, high = entry["gpa"]
        for written in entry["names"]:
            out[fold(written)] = Grade(float(low), float(high), name, rank)
    return out


def grades_in(text: str) -> list[Grade]:
    """The grades a text names: degree classes and GPAs, in no particular order."""
    folded = fold(text)
    if not _GRADE_WORDS.search(folded):
        return []
    classes = _classes()
    found = [classes[n] for n in names_in(text, {k: k for k in classes})]
    lowered = text.casefold()
    for pattern in (_GPA, _GPA_AFTER):
        for value, scale in pattern.findall(lowered):
            gpa = float(value) * GPA_SCALE / float(scale) if scale and float(scale) > 0 else float(value)
            if 0 < gpa <= GPA_SCALE:
                found.append(Grade(gpa, gpa, f"GPA {value}" + (f"/{scale}" if scale else "")))
    return found


_TOP_SHARE = re.compile(r"\btop (\d{1,2}) ?(?:%|percent|per cent)", re.IGNORECASE)
"""A rank in the class as a share: "among the top 20% of students in their programme"."""


def _judge_rank(text: str, profile: Profile) -> TextReading | None:
    """A text asking for a rank in the class ("top 20%"), against the rank the statement gives
    ("top 10% of my cohort"); None when either does not give one."""
    asked = _TOP_SHARE.search(text)
    have = _TOP_SHARE.search(profile.statement or "")
    if asked is None or have is None:
        return None
    met = int(have[1]) <= int(asked[1])
    return _reading(met, f"a rank in the top {asked[1]}% of the class", f"the statement gives the top {have[1]}%")


def judge_grade(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a grade or a rank in the class; None for a text about
    something else, a profile stating no grade, or a grade too close to the one asked to call."""
    rank = _judge_rank(text, profile)
    if rank is not None:
        return rank
    asked = grades_in(text)
    if not asked:
        return None
    have = grades_in(profile.statement or "")
    if not have:
        return None
    wanted = min(asked, key=lambda g: g.low)  # alternatives ("a 2:1 or first"): the lowest accepted
    best = max(have, key=lambda g: g.low)
    rule = f"at least {wanted.shown} (a GPA of {wanted.low:g}-{wanted.high:g} on {GPA_SCALE:g})"
    if best.rank is not None and wanted.rank is not None:  # two classes: the same or a better one
        return _reading(best.rank <= wanted.rank, f"at least {wanted.shown}", f"the statement gives {best.shown}")
    if best.low >= wanted.high:
        return _reading(True, rule, f"the statement gives {best.shown}")
    if best.high < wanted.low:
        return _reading(False, rule, f"the statement gives {best.shown}")
    return None
