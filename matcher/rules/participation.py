"""Whether the candidate has been in a programme before, as a `text` qualification asks it: "has not
taken part in a Pawsey Summer Internship before", "former interns may not apply". The programme is
the text's own name for it (its capitalised words that are not the ordinary words of a programme's
name); an advisor reads the profile for it: a statement saying the student took part, or an
internship at an organisation of that name, does not meet it. Nothing in the profile about it is
unknown, never met: a profile need not list everything. Any other text is left to the word matching
of matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold, sentences
from matcher.models import Profile
from matcher.rules.base import TextReading

_NOT_BEFORE = re.compile(
    r"\b(?:not|never)\b(?: \w+){0,3} (?:taken part|take part|participated|participate|been|interned|attended)\b"
    r"|\bformer (?:\w+ )?(?:interns|participants|fellows)\b.*\b(?:not|ineligible)\b"
)
_PROGRAMME = re.compile(r"\b(internship|intern|interns|program|programme|fellowship|school|cohort|participants)\b")
"""A text about having been in a programme names one ("no prior experience of Python" does not)."""
_COMMON = frozenset(
    "has have had not never no former only students student applicants who the a an in of at and or "
    "summer winter spring autumn fall internship internships intern interns program programme programs "
    "programmes fellowship fellows participants research school before previously".split()
)
"""Words a programme's name shares with any other (a name made only of these names nothing)."""
_TOOK_PART = re.compile(r"\b(took part|participated|was (?:a|an)|interned|attended|alumn\w*|completed)\b")
_INTERN_ROLE = re.compile(r"\b(intern|interns|internship|fellow|participant|summer student)\b")


def _reading(met: bool | None, rule: str, evidence: str) -> TextReading:
    """`met` None: the profile says nothing of it (unknown)."""
    return TextReading(met, f"taking part before: {rule}", evidence)


def _name(text: str) -> str | None:
    """The programme's name in the text: its capitalised words past the first, bar common ones."""
    words = re.findall(r"[A-Za-z][\w&-]*", text)[1:]
    named = [w for w in words if w[0].isupper() and fold(w) not in _COMMON]
    return " ".join(named) if named else None


def judge_participation(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking that the candidate not have been in a programme before; None
    for a text about something else, or one that names no programme."""
    folded = fold(text)
    if not (_NOT_BEFORE.search(folded) and _PROGRAMME.search(folded)):
        return None
    name = _name(text)
    if name is None:
        return None
    rule = f"not in the {name} programme before"
    key = fold(name)
    for sentence in sentences(profile.statement or ""):
        folded = fold(sentence)
        if key in folded and _TOOK_PART.search(folded):
            return _reading(False, rule, f"the statement: '{sentence.strip()}'")
    for role in profile.experience:
        if key in fold(role.organization or "") and _INTERN_ROLE.search(fold(role.role)):
            return _reading(False, rule, f"inferred from experience: '{role.role}, {role.organization}'")
    return _reading(None, rule, f"nothing in the profile about the {name} programme")
