"""An age limit, as a `text` qualification asks it: "under age 32 at the start of the internship",
"at least 18 years of age", "aged 18 to 30". International organisations and some governments'
programmes set them; an advisor reads them against the age the student gives ("I am 28", "28 years
old"). A profile has no field for it, so the age is read from the statement, and the verdict says it
is estimated: the statement gives an age now, and by the start of the internship summer the student
may be a year older. The verdict holds only when it holds for both ages; otherwise, or when the
statement gives no age, it is unknown. Any other text is left to the word matching of
matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date
from typing import NamedTuple

from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading
from matcher.rules.graduation import internship_summer_end

_AGE = r"(1[4-9]|[2-9]\d)"
_UNDER = re.compile(
    rf"\b(?:under|below|younger than|less than|not older than|not over|up to|at most|maximum) (?:the )?(?:age (?:of )?)?{_AGE}\b"
)
_AT_LEAST = re.compile(rf"\b(?:at least|minimum(?: age)?(?: of)?|over|older than) (?:the )?(?:age (?:of )?)?{_AGE}\b")
_RANGE = re.compile(rf"\b(?:aged|ages|between) {_AGE} (?:to|and|through) {_AGE}\b")
_OR_OLDER = re.compile(rf"\b{_AGE} (?:years (?:of age )?)?or (?:older|over|above)\b")
_ABOUT_AGE = re.compile(r"\b(age|aged|ages|years old|years of age)\b")
"""A number is an age only beside a word of age: "under 32" alone could be anything."""
_STATED_AGE = re.compile(
    rf"\b(?:I am|I'm|I\u2019m|aged|age) {_AGE}\b(?! (?:months|weeks|days|percent))|\b{_AGE}[ -]years?[ -]old\b", re.IGNORECASE
)
"""An age the statement gives: "I am 28", "I'm 24 and ...", "28 years old"."""


class AgeLimit(NamedTuple):
    youngest: int | None
    """The lowest age taken, or None."""
    oldest: int | None
    """The highest age taken (one under an "under N"), or None."""

    def words(self) -> str:
        if self.youngest is not None and self.oldest is not None:
            return f"aged {self.youngest} to {self.oldest}"
        return f"aged {self.oldest} or younger" if self.oldest is not None else f"aged {self.youngest} or older"

    def takes(self, age: int) -> bool:
        return (self.youngest is None or age >= self.youngest) and (self.oldest is None or age <= self.oldest)


def age_limit(text: str) -> AgeLimit | None:
    """The ages a text takes; None for a text that sets no age limit."""
    folded = fold(text)
    if not _ABOUT_AGE.search(folded):
        return None
    if found := _RANGE.search(folded):
        return AgeLimit(int(found.group(1)), int(found.group(2)))
    under, at_least = _UNDER.search(folded), _AT_LEAST.search(folded) or _OR_OLDER.search(folded)
    if under is None and at_least is None:
        return None
    # "under 32" takes 31 at most; "not older than 32" and "up to 32" take 32.
    inclusive = under is not None and re.search(r"\b(not older|not over|up to|at most|maximum)\b", under.group(0))
    oldest = None if under is None else int(under.group(1)) - (0 if inclusive else 1)
    youngest = (
        None if at_least is None else int(at_least.group(1)) + (1 if at_least.group(0).startswith(("over", "older")) else 0)
    )
    return AgeLimit(youngest, oldest)


def stated_age(profile: Profile) -> tuple[int, str] | None:
    """The age the statement gives, and its words."""
    found = _STATED_AGE.search(profile.statement or "")
    if found is None:
        return None
    return int(found.group(1) or found.group(2)), found.group(0)


def judge_age(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text setting an age limit; None for a text about something else."""
    limit = age_limit(text)
    if limit is None:
        return None
    rule = f"an age limit, read as: {limit.words()} at the start of the internship"
    stated = stated_age(profile)
    if stated is None:
        return TextReading(None, rule, "the profile gives no age")
    age, words = stated
    # The statement's age is now's; by the internship summer's start the student may be a year older.
    start = date(internship_summer_end(today).year, 6, 1)
    oldest = age + (1 if start > today else 0)
    ages = f"{age}" if oldest == age else f"{age}-{oldest}"
    evidence = f"estimated from the statement ('{words}'): {ages} at the start"
    takes = {limit.takes(age), limit.takes(oldest)}
    if len(takes) > 1:
        return TextReading(None, rule, f"too close to call: {evidence}")
    return TextReading(takes.pop(), rule, evidence, f"age {ages}")
