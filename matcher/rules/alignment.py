"""A statement in line with something the posting names, as `text` qualifications ask it:
"Passionate about Astroscale's mission to make space safe, sustainable and secure", "Proposed
research aligned with an ongoing SuNLaMP project at NREL (PV, grid integration, CSP or energy
analysis)". Only a statement can show it, so an advisor reads the statement's sentences of intent
("I want to work on keeping orbits safe and sustainable", "I would propose a project extending
NREL's ongoing SuNLaMP project") for what is named: the mission's words after "mission to", or the
thing to be aligned with, up to its examples in brackets or after a colon (the thing named is
what is asked, as matcher.rules.text reads topics). Met, said inferred, when one sentence of intent
has at least half of those words; otherwise left to the word matching (a mission named without its
words, "our mission", cannot be read so; silence is not disinterest).
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.text import GENERIC_WORDS, fold
from matcher.models import Profile
from matcher.rules.base import TextReading, clip

_MISSION = re.compile(
    r"\b(?:passion\w*|committed|commitment|enthusias\w*|excited|share\w*|believ\w*|dedicat\w*|motivat\w*|care\w*)\b"
    r".*?\bmission (?:to|of)\b(?P<named>.+)"
)
_ALIGNED = re.compile(
    r"\b(?:propos\w*|research (?:plans?|interests?)|project ideas?)\b.*?\b(?:aligned|align\w*|in line|fit\w*|match\w*)"
    r"(?: (?:with|to)\b| (?=(?:the|its|our|their|your) ))(?P<named>.+)"
)
"""A proposal or interests in line with something named: "aligned with an ongoing project", "a proposal
that fits the lab's agenda"; not "proposals and fitting models", where nothing is named to fit."""
_INTENT = re.compile(
    r"\b(want\w*|wish\w*|hop(?:e|es|ing)|plan\w*|intend\w*|would (?:like|love)|propos\w*|aim\w*|passion\w*|"
    r"excited|keen|eager|goal\w*)\b"
)
"""A sentence saying what the student means to do, not what the student has done."""
_FILLER = frozenset("make makes making help helps bring build create enable ongoing world everyone".split())
"""Words of a mission or a project that say nothing of what it is about ("to make space safe")."""
_STEM = 5
"""Words sharing their first letters up to this many are one word ("sustainable", "sustainability")."""
_SENTENCE = re.compile(r"[.;!?\n]+")


def _words(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in fold(text).split() if w not in GENERIC_WORDS and w not in _FILLER and len(w) > 1))


def _found(word: str, have: set[str]) -> bool:
    return word in have or (len(word) >= _STEM and any(h[:_STEM] == word[:_STEM] and len(h) >= _STEM for h in have))


def judge_alignment(text: str, profile: Profile, today: date) -> TextReading | None:
    """Met when a sentence of intent in the statement speaks to what the text names; None for a
    text of another kind, or a statement that does not speak to it."""
    head = re.split(r"[:(]", text, maxsplit=1)[0]
    folded = fold(head)
    asked = _MISSION.search(folded) or _ALIGNED.search(folded)
    if asked is None:
        return None
    named = _words(asked.group("named"))
    if not named:
        return None
    kind = "a mission" if asked.re is _MISSION else "a proposal aligned with what the posting names"
    rule = f"{kind}, read as: {' '.join(named)}, in the statement's plans"
    for sentence in _SENTENCE.split(profile.statement or ""):
        folded_sentence = fold(sentence)
        if not _INTENT.search(folded_sentence):
            continue
        have = set(folded_sentence.split())
        found = [w for w in named if _found(w, have)]
        if 2 * len(found) >= len(named):
            said = f"'{clip(sentence.strip(), 80)}' ({len(found)} of {len(named)}: {', '.join(found)})"
            return TextReading(True, rule, f"inferred from the statement: {said}", "statement")
    return None
