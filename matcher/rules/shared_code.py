"""Code the candidate has shared, as a `text` qualification asks it: "code you can share (a link)",
"a GitHub profile", "a track record of open-source contributions". An advisor reads it from what the
student says of public code: "my analysis notebooks are on GitHub", "I maintain part of an
open-source QUIC implementation". The profile has no field for links, so its statement and its
experience entries' descriptions are read, and the verdict says inferred, quoting the words. A
profile that says nothing of public code is left to the word matching of matcher.rules.text
(unknown): not saying so is not having none.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading, clip

_ASKS = re.compile(
    r"\b(?:code|software|notebooks?|repositor(?:y|ies)|projects?)\b.*\b(?:share|shared|sharing|links?|publicly available)\b"
    r"|\bopen source\b|\bgithub\b|\bgitlab\b"
)
"""Asking for shared code; "open source" is "open-source" folded."""
_PUBLIC = r"github|gitlab|open source|public repositor(?:y|ies)|released (?:the |our |my )?code|pypi|hugging ?face hub"
_SHOWN = re.compile(rf"[^.;!?]*\b(?:{_PUBLIC})\b[^.;!?]*", re.IGNORECASE)
"""A sentence saying the student's code is public."""
_TOOLS = re.compile(r"\b(?:github|gitlab) (?:actions|ci|copilot|pages)\b")
"""GitHub's tools are not code shared on it."""


def judge_shared_code(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for code the candidate can share; None for a text about
    something else, or a profile that says nothing of public code."""
    folded = fold(text)
    if not _ASKS.search(folded):
        return None
    sources = [("statement", profile.statement or "")]
    sources += [(f"experience '{role.role}'", role.description or "") for role in profile.experience]
    for where, words in sources:
        for found in _SHOWN.finditer(words.replace("open-source", "open source")):
            sentence = found.group(0).strip()
            if not _TOOLS.search(fold(sentence)):
                return TextReading(
                    True,
                    "shared code: public code the profile names",
                    f"inferred from the {where}: '{clip(sentence, 80)}'",
                    where,
                )
    return None
