"""Citizenship and the right to work, as `text` qualifications ask them: "U.S. citizenship",
"US citizen or permanent resident", "authorised to work in the United States", "eligible to work in
Switzerland", "UK or EU students". Each asks for a standing in a country (or an area such as the EU): citizenship, then
permanent residence, then the right to work, each higher one including those below it.

The profile says its standing with `work_authorization: {citizen_of: [..], permanent_resident_of:
[..], authorized_in: [..]}`; when it does not, its statement is read ("I am a US permanent
resident", "French and EU citizen") and the verdict says inferred. A profile that says nothing of
it is left to the word matching of matcher.rules.text (unknown).
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading

STANDINGS = ("authorised to work", "permanent resident", "citizen")
"""From lowest to highest: each includes those below it."""
_ASKS = (
    (2, re.compile(r"\bcitizen(s|ship)?\b")),
    (1, re.compile(r"\bpermanent resid\w*|\bgreen card")),
    (0, re.compile(r"\b(authori[sz]\w* to work|work authori[sz]ation|eligible to work|right to work|work permit)\b")),
)
_SENTENCE = re.compile(r"[.;!?\n]+")
_PEOPLE_OF = re.compile(r"((?:\w+ ){1,4})(students?|applicants?|candidates?|nationals?)\b")
"""A country's people: "UK or EU students" asks for the right to study and work there (students'
fee status), "UK nationals" for citizenship."""


def _reading(met: bool, rule: str, evidence: str, inferred: bool) -> TextReading:
    how = "inferred from the statement: " if inferred else "work_authorization: "
    return TextReading(met, f"citizenship or work authorisation: {rule}", how + evidence)


def asked(text: str) -> tuple[int, list[str]] | None:
    """(the lowest standing the text accepts, the countries or areas it names); None when it asks
    for none."""
    folded = fold(text)
    levels = [level for level, pattern in _ASKS if pattern.search(folded)]
    for before, people in _PEOPLE_OF.findall(folded):
        if gazetteer().nations_named(before.split()[-1]):  # the nation stands right before them
            levels.append(2 if people.startswith("national") else 0)
    nations = gazetteer().nations_named(text) if levels else []
    return (min(levels), nations) if nations else None


@lru_cache(maxsize=64)
def standings(profile: Profile) -> tuple[dict[str, int], bool]:
    """Country or area -> the profile's highest standing there, and whether read from its statement."""
    stated = profile.work_authorization
    if stated is not None:
        out: dict[str, int] = {}
        places = gazetteer()
        for level, names in enumerate((stated.authorized_in, stated.permanent_resident_of, stated.citizen_of)):
            for name in names:
                for nation in places.nations_named(name) or [fold(name)]:
                    out[nation] = max(out.get(nation, -1), level)
        return out, False
    out = {}
    for sentence in _SENTENCE.split(profile.statement or ""):
        found = asked(sentence)
        if found is not None:
            level = max(level for level, pattern in _ASKS if pattern.search(fold(sentence)))
            for nation in found[1]:
                out[nation] = max(out.get(nation, -1), level)
    return out, True


def judge_authorisation(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for citizenship or the right to work; None for a text about
    something else, or a profile that says nothing of its standing."""
    wanted = asked(text)
    if wanted is None:
        return None
    level, nations = wanted
    have, inferred = standings(profile)
    if not have:
        return None
    places = gazetteer()
    rule = f"{' or '.join(STANDINGS[level:][::-1])} in {' or '.join(nations)}"
    for nation in nations:
        for place, standing in have.items():
            if places.within_nation(place, nation) and standing >= level:
                return _reading(True, rule, f"{STANDINGS[standing]} in {place}", inferred)
    said = "; ".join(f"{STANDINGS[s]} in {p}" for p, s in have.items())
    return _reading(False, rule, said, inferred)
