"""Citizenship and the right to work, as `text` qualifications ask them: "U.S. citizenship",
"US citizen or permanent resident", "authorised to work in the United States", "eligible to work in
Switzerland", "UK or EU students". Each asks for a standing in a country (or an area such as the EU): citizenship, then
permanent residence, then the right to work, each higher one including those below it.

The profile says its standing with `work_authorization: {citizen_of: [..], permanent_resident_of:
[..], authorized_in: [..]}`; when it does not, its statement is read ("I am a US permanent
resident", "French and EU citizen", "a Brazilian national") and the verdict says inferred. A profile
that says nothing of it is left to the word matching of matcher.rules.text (unknown).

The nationality of an international organisation's member country ("a national of an IMF member
country") is read against the organisation's members (knowledge/member_countries.yaml): met or
unmet by the profile's citizenships, unknown when it gives none.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from matcher.knowledge import read_data_file
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


def _levels(folded: str) -> list[int]:
    """The standings a text speaks of: "citizenship", "permanent residents", "UK nationals"."""
    levels = [level for level, pattern in _ASKS if pattern.search(folded)]
    for before, people in _PEOPLE_OF.findall(folded):
        if gazetteer().nations_named(before.split()[-1]):  # the nation stands right before them
            levels.append(2 if people.startswith("national") else 0)
    return levels


def asked(text: str) -> tuple[int, list[str]] | None:
    """(the lowest standing the text accepts, the countries or areas it names); None when it asks
    for none."""
    levels = _levels(fold(text))
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
            level = max(_levels(fold(sentence)))  # "a Brazilian national" states citizenship
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


_MEMBERS = r"member (?:country|countries|state|states|nation|nations)"
_NAME_BEFORE = re.compile(rf"\b(?:national|citizen)s?\b.*?\b(?P<name>[\w ]+?) {_MEMBERS}\b")
_NAME_AFTER = re.compile(rf"\b(?:national|citizen)s?\b.*\b{_MEMBERS} of (?:the )?(?P<name>[\w ]+)")
"""Nationality of an organisation's members: "a national of an IMF member country", "citizens of a
member state of the United Nations"; the organisation's name ends just before "member" or starts
just after "of"."""


@lru_cache(maxsize=1)
def _organisations() -> dict[str, tuple[str, frozenset[str]]]:
    """Folded name or alias -> (the organisation's name, its members' names folded, with their
    other names), from knowledge/member_countries.yaml."""
    data = read_data_file("member_countries.yaml")
    other_names = {fold(name): [fold(o) for o in others] for name, others in data.pop("other_names").items()}
    members: dict[str, frozenset[str]] = {}
    for name, entry in data.items():
        listed = [fold(m) for m in entry.get("members", [])]
        if "members_of" in entry:
            left_out = {fold(m) for m in entry.get("except", [])}
            listed = [m for m in members[entry["members_of"]] if m not in left_out] + [fold(m) for m in entry.get("also", [])]
        members[name] = frozenset(listed + [o for m in listed for o in other_names.get(m, [])])
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for name, entry in data.items():
        for alias in [name, *entry.get("aliases", [])]:
            out[fold(alias)] = (name, members[name])
    return out


def _organisation_named(text: str) -> tuple[str, frozenset[str]] | None:
    known = _organisations()
    before, after = _NAME_BEFORE.search(text), _NAME_AFTER.search(text)
    spans: list[str] = []
    if before is not None:
        words = before.group("name").split()
        spans += [" ".join(words[i:]) for i in range(len(words))]
    if after is not None:
        words = after.group("name").split()
        spans += [" ".join(words[:i]) for i in range(len(words), 0, -1)]
    return next((known[span] for span in spans if span in known), None)


def judge_membership(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for the nationality of an international organisation's member
    country ("a national of an IMF member country"): met by a citizenship of one of its members
    (knowledge/member_countries.yaml), unmet when every citizenship the profile gives is of another
    country, unknown when it gives none. None for a text about something else or an organisation
    not listed."""
    named = _organisation_named(fold(text))
    if named is None:
        return None
    organisation, members = named
    rule = (
        f"citizenship or work authorisation: a national of a member country of {organisation} (knowledge/member_countries.yaml)"
    )
    have, inferred = standings(profile)
    citizenships = [place for place, standing in have.items() if standing == len(STANDINGS) - 1]
    if not citizenships:
        return TextReading(None, rule, "the profile gives no nationality")
    how = "inferred from the statement: " if inferred else "work_authorization: "
    for place in citizenships:
        if place in members:
            return TextReading(True, rule, f"{how}citizen of {place.title()}, a member", place.title())
    return TextReading(False, rule, f"{how}citizen of {', '.join(p.title() for p in citizenships)}, not a member")
