"""Experience in industry, as a `text` qualification asks it: "prior relevant industrial experience",
"industry experience", "some professional software engineering experience". An advisor reads the
profile's experience entries as its CV: a role at an organisation that is not a university or
research institute shows it (said as inferred, naming the role); entries that are all academic do
not; a profile listing no experience leaves it unknown. A text that names engineering work
("professional software engineering") needs a role of that kind (an engineer, a developer: holdout2's
j545, two years as a compiler engineer); a role in industry of another kind leaves it unknown.
Any other text is left to the word matching of matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading
from matcher.rules.enrolment import ACADEMIC

_ASKS = re.compile(r"\b(industr(?:y|ial)|corporate|professional)\b.*\b(experience|background|internships?|roles?)\b")
_ENGINEERING_ASKED = re.compile(r"\b(software|engineering|development|programming)\b")
_ENGINEERING_ROLE = re.compile(r"\b(engineer\w*|developer|programmer|software)\b", re.IGNORECASE)
"""Engineering work asked, and a role that is engineering work (its title or description)."""
_INSTITUTE = re.compile(
    r"\b(institut\w*|national lab\w*|laborator\w*|research cent(?:er|re)|academy|inria|cnrs|max planck|cern|nasa)\b",
    re.IGNORECASE,
)
"""Research institutes and public laboratories: research, but not industry."""


def _reading(met: bool | None, evidence: str) -> TextReading:
    """`met` None: the profile lists no experience (unknown)."""
    return TextReading(met, "experience in industry", evidence)


def judge_industry(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for experience in industry; None for a text about something else."""
    folded = fold(text)
    if not _ASKS.search(folded):
        return None
    if not profile.experience:
        return _reading(None, "the profile lists no experience")
    engineering = _ENGINEERING_ASKED.search(folded) is not None
    in_industry = False
    for role in profile.experience:
        where = role.organization or ""
        if where and not ACADEMIC.search(where) and not _INSTITUTE.search(where):
            in_industry = True
            if not engineering or _ENGINEERING_ROLE.search(f"{role.role} {role.description or ''}"):
                return _reading(True, f"inferred from experience: '{role.role}, {where}'")
    if in_industry:
        return None  # a role in industry, but not the engineering work asked: the words decide
    listed = "; ".join(f"'{role.role}, {role.organization or '?'}'" for role in profile.experience)
    return _reading(False, f"inferred from experience: every listed role is academic ({listed})")
