"""A student's plans, as `text` qualifications ask them: "interested in the possibility of
undertaking a PhD", "strong interest in a research career", "intends to apply to graduate school", "thinking of long-term
career goals in a scientific area".
A profile says its plans only in its statement ("I plan to apply to PhD programmes"), so the
statement is read sentence by sentence and the verdict says inferred; a student already in a PhD
has settled an interest in undertaking one. A profile whose statement says no plan is left to the
word matching of matcher.rules.text (unknown): silence is not disinterest.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold
from matcher.models import Profile, Stage
from matcher.rules.base import TextReading, clip

_GOAL = (
    r"(ph ?d|doctoral|doctorate|graduate (?:school|study|studies|programmes?|programs?)|research careers?|"
    r"careers? in (?:scientific |academic )?(?:research|academia|science)|academic careers?|scientific careers?|"
    r"career goals? in (?:a |an |the )?(?:scientific|science|research|academic) (?:area|field|discipline)s?)"
)
_PLAN = (
    r"(interest\w*|plan\w*|intend\w*|intent\w*|consider\w*|aspir\w*|aim\w*|hop(?:e|es|ing)|want\w*|"
    r"wish\w*|apply\w*|applying|seek\w*|going on|thinking)"
)
_PLANNED = re.compile(rf"\b{_PLAN}\b(?: \w+){{0,6}}? \b{_GOAL}\b")
"""A plan word, then what is planned within a few words: "interested in ... undertaking a PhD";
not "pursuing a PhD", which says what a student is now, and
not "a PhD student with an interest in recommender systems", which asks for a topic."""
_NOW = re.compile(r"\b(currently|current|enrolled|now)\b")
"""A text about what a student is now ("currently pursuing a PhD") is a degree, not a plan."""
_PHD = re.compile(r"\b(ph ?d|doctoral|doctorate)\b")
_SENTENCE = re.compile(r"[.;!?\n]+")


def _reading(rule: str, evidence: str) -> TextReading:
    """A plan the profile states (or a PhD already begun): met; a profile without one says nothing."""
    return TextReading(True, f"plans, read as: {rule}", evidence)


def judge_plans(text: str, profile: Profile, today: date) -> TextReading | None:
    """Met (a PlanVerdict) when the profile shows the plan a text asks about; None for a text
    about something else, or a profile that does not say."""
    folded = fold(text)
    planned = _PLANNED.search(folded)
    if planned is None or _NOW.search(folded):
        return None
    rule = f"a plan or interest: {planned.group(2)}"
    if _PHD.search(planned.group(2)) and profile.degree.stage is Stage.PHD and profile.degree.enrolled:
        return _reading(rule, "already enrolled in a PhD (degree.stage phd)")
    for sentence in _SENTENCE.split(profile.statement or ""):
        if _PLANNED.search(fold(sentence)):
            return _reading(rule, f"inferred from the statement: '{clip(sentence.strip(), 80)}'")
    return None
