"""Experience in industry, as a `text` qualification asks it: "prior relevant industrial experience",
"industry experience". An advisor reads the profile's experience entries as its CV: a role at an
organisation that is not a university or research institute shows it (said as inferred, naming
the role); entries that are all academic do not; a profile listing no experience leaves it unknown.
Any other text is left to the word matching of matcher.rules.text.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading
from matcher.rules.enrolment import ACADEMIC

_ASKS = re.compile(r"\b(industr(?:y|ial)|corporate)\b.*\b(experience|background|internships?|roles?)\b")
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
    if not _ASKS.search(fold(text)):
        return None
    if not profile.experience:
        return _reading(None, "the profile lists no experience")
    for role in profile.experience:
        where = role.organization or ""
        if where and not ACADEMIC.search(where) and not _INSTITUTE.search(where):
            return _reading(True, f"inferred from experience: '{role.role}, {where}'")
    listed = "; ".join(f"'{role.role}, {role.organization or '?'}'" for role in profile.experience)
    return _reading(False, f"inferred from experience: every listed role is academic ({listed})")
