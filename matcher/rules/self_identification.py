"""Belonging to a group a programme is open to, as a `text` qualification asks it: "self-identifies
as having a disability", "first-generation college students", "veterans". Only the candidate can
say so, so the statement is read for it (knowledge/self_identification.yaml): met when it says so
in the candidate's own words ("I am dyslexic and count myself as disabled"), said inferred and
quoted; otherwise unknown, never unmet: not saying so is not being outside the group.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold, sentences
from matcher.models import Profile
from matcher.rules.base import TextReading, clip

_ABOUT_THE_CANDIDATE = re.compile(
    r"\b(?:self identif\w*|identif(?:y|ies|ying) as|who (?:is|are|have|has)|(?:students?|applicants?|candidates?|people) "
    r"(?:with|from|who)|members? of|belong\w*|open to|for)\b"
)
"""An ask about who the candidate is, not a skill ("accessibility for people with disabilities"
is caught too, so a skill-like ask also names the group in its subject: see `_SKILL_LIKE`)."""
_SKILL_LIKE = re.compile(
    r"\b(?:experience|knowledge|familiar\w*|skills?|expertise|interest\w* in|designing|design for|research (?:on|in|with)|"
    r"working with|accessib\w*)\b"
)
_NEGATED = re.compile(r"\b(?:not|never|no)\s+(?:\w+\s+){0,2}$")


@cache
def _groups() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    data = read_data_file("self_identification.yaml")
    return {group: (tuple(entry["asks"]), tuple(entry["shown"])) for group, entry in data.items()}


def _named(words: tuple[str, ...], folded: str) -> re.Match[str] | None:
    return re.search(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", folded)


def judge_self_identification(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking that the candidate belong to a group; None for a text about
    something else."""
    folded = fold(text)
    if not _ABOUT_THE_CANDIDATE.search(folded) or _SKILL_LIKE.search(folded):
        return None
    for group, (asks, shown) in _groups().items():
        if not _named(asks, folded):
            continue
        rule = f"self-identification, read as: {group}, as the candidate says of themselves"
        for sentence in sentences(profile.statement or ""):
            said = fold(sentence)
            found = _named(shown, said)
            if found and not _NEGATED.search(said[: found.start()]):
                return TextReading(True, rule, f"inferred from the statement: '{clip(sentence.strip(), 80)}'", "statement")
        return TextReading(None, rule, "the statement does not say")
    return None
