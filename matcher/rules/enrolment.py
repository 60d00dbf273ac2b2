"""Where a student is enrolled: the part of the `degree` rule that judges programmes open only to
students of some places ("enrolled at a university in the EMEA region") or of some institutions
("students of our partner universities").

Posting file: `degree: {enrolled_in: [EMEA], enrolled_at: [LUMS, ...]}` (either or both).
The profile says where it studies with `degree.institution` and `degree.institution_location`.
When it does not, the institution is read from a current role at a university (a PhD researcher
at Northeastern University studies there), else from the statement ("a BSc student at the
University of Leeds") and the place from the profile's current location, else
from the city the institution's name names ("Boston University"), and the verdict says it was
inferred. A profile naming no institution, studying or living in a city
far from the one an institution asked is named after ("University of Toronto", against Montreal), is
not enrolled there, said inferred. When nothing says where the student studies, the verdict is
unknown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from matcher.knowledge import read_data_file
from matcher.knowledge.places import Place, gazetteer
from matcher.knowledge.text import fold, sentences
from matcher.models import Experience, Profile
from matcher.tuning import INSTITUTION_FUZZY_CUTOFF

STUDENT_ROLE = re.compile(r"\b(ph\.?d|doctoral|graduate|master'?s?|m\.?sc|student)\b", re.IGNORECASE)
ACADEMIC = re.compile(r"\b(universit\w*|college|institute of technology|polytechnic|school of|eth|epfl)\b", re.IGNORECASE)
_CAPITALISED = r"(?!I\b)[A-Z][\w'&-]*"
_STUDYING_AT = re.compile(rf"\b(?:at|in)\s+(?:the\s+)?(?P<name>{_CAPITALISED}(?:\s+(?:{_CAPITALISED}|of|and|for|de|del|di))*)")
"""A student "at the University of Leeds" in a statement: the capitalised name after "at"."""
MINOR_WORDS = frozenset({"of", "and", "the", "for", "at", "in", "de", "di", "du"})


@dataclass(frozen=True, slots=True)
class Stated:
    """A fact about the profile and where it comes from."""

    value: str
    source: str
    """How it was found, in words: "degree.institution", or what it was inferred from."""
    inferred: bool


@lru_cache(maxsize=64)
def current_study_role(profile: Profile) -> Experience | None:
    """A current role that says the profile is studying now ("Doctoral researcher" at ETH
    Zurich, no end date)."""
    for role in profile.experience:
        if role.end is None and STUDENT_ROLE.search(role.role) and ACADEMIC.search(role.organization or ""):
            return role
    return None


def current_study(profile: Profile) -> str | None:
    """current_study_role in words; None if there is none."""
    role = current_study_role(profile)
    return None if role is None else f"'{role.role}, {role.organization}' (no end date)"


@lru_cache(maxsize=64)
def institution(profile: Profile) -> Stated | None:
    """The institution the profile studies at: stated, else a current role at a university."""
    if profile.degree.institution:
        return Stated(profile.degree.institution, "degree.institution", False)
    # A current role as a student first; else any current role at a university.
    at_university = (e for e in profile.experience if e.end is None and ACADEMIC.search(e.organization or ""))
    role = current_study_role(profile) or next(at_university, None)
    if role is not None:
        return Stated(role.organization or "", f"inferred from the current role '{role.role}, {role.organization}'", True)
    for sentence in sentences(profile.statement or ""):
        for found in _STUDYING_AT.finditer(sentence):
            name = re.sub(r"(?:\s+(?:of|and|for|de|del|di))+$", "", found["name"])
            if ACADEMIC.search(name) and STUDENT_ROLE.search(sentence[: found.start()]):
                return Stated(name, f"inferred from the statement: '... at {name}'", True)
    return None


@lru_cache(maxsize=64)
def study_place(profile: Profile) -> Stated | None:
    """Where the profile studies: stated, else where it lives now, else the city its institution's
    name names ("Boston University" is in Boston)."""
    if profile.degree.institution_location:
        return Stated(profile.degree.institution_location, "degree.institution_location", False)
    current = profile.location.current if profile.location else None
    if current:
        return Stated(current, f"inferred from the current location '{current}'", True)
    named = institution(profile)
    city = institution_place(named.value) if named is not None else None
    if named is not None and city is not None:
        return Stated(city.written, f"inferred from the institution's name '{named.value}'", True)
    return None


def acronym(name: str) -> str:
    return "".join(word[0] for word in fold(name).split() if word not in MINOR_WORDS)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """A short name, folded -> the full name, folded (knowledge/institution_aliases.yaml)."""
    return {fold(short): fold(full) for short, full in read_data_file("institution_aliases.yaml").items()}


def same_institution(a: str, b: str) -> bool:
    """ "LUMS" is "Lahore University of Management Sciences"; "MIT" is not "MIT World Peace University";
    "Georgia Tech" is "Georgia Institute of Technology" (by the aliases)."""
    aliases = _aliases()
    fa, fb = (aliases.get(fold(name), fold(name)) for name in (a, b))
    if fa == fb or acronym(fa) == fb.replace(" ", "") or acronym(fb) == fa.replace(" ", ""):
        return True
    return fuzz.ratio(fa, fb) >= INSTITUTION_FUZZY_CUTOFF


def institution_place(name: str) -> Place | None:
    """The city an institution's name names, when the gazetteer knows it: "University of Toronto" is
    in Toronto, "ETH Zurich" in Zurich; None for a name naming no known city ("Georgia Institute of
    Technology" names a state, not where in it)."""
    places = gazetteer()
    words = [w for w in name.replace(",", " ").split() if not ACADEMIC.search(w) and fold(w) not in MINOR_WORDS]
    for size in range(len(words), 0, -1):
        for at in range(len(words) - size + 1):
            place = places.parse(" ".join(words[at : at + size]))
            if place.metro is not None:
                return place
    return None


def _far_from_institutions(profile: Profile, institutions: tuple[str, ...]) -> tuple[bool | None, str]:
    """A profile naming no institution, studying (or living) in a city far from every institution
    asked, whose names name their cities: not enrolled there, said inferred (a Masters student in
    Montreal is not at the University of Toronto); otherwise it cannot tell."""
    unknown = None, f"the profile does not say where it studies (asked: {', '.join(institutions)})"
    where = study_place(profile)
    if where is None:
        return unknown
    places = gazetteer()
    have = places.parse(where.value)
    named = [institution_place(name) for name in institutions]
    if have.metro is None or any(p is None or places.similarity(p, have) > 0 for p in named):
        return unknown
    how = "" if not where.inferred else f" ({where.source})"
    return False, f"studies in '{where.value}'{how}, far from {', '.join(institutions)}: inferred not enrolled there"


def enrolment_finding(profile: Profile, places: tuple[str, ...], institutions: tuple[str, ...]) -> tuple[bool | None, str]:
    """(True: enrolled where asked, False: elsewhere, None: cannot tell; the evidence in words)."""
    said: list[str] = []
    if institutions:
        found = institution(profile)
        if found is None:
            return _far_from_institutions(profile, institutions)
        hit = next((name for name in institutions if same_institution(name, found.value)), None)
        how = "" if not found.inferred else f" ({found.source})"
        if hit is None:
            return False, f"studies at '{found.value}'{how}, not at {', '.join(institutions)}"
        said.append(f"studies at '{found.value}'{how}, which is {hit}")
    if places:
        where = study_place(profile)
        if where is None:
            return None, f"the profile does not say where it studies (asked: {', '.join(places)})"
        places_known = gazetteer()
        have = places_known.parse(where.value)
        hit = next((p for p in places if places_known.similarity(places_known.parse(p), have) > 0), None)
        how = "" if not where.inferred else f" ({where.source})"
        if hit is None:
            if not (have.regions or have.areas):
                return None, f"studies in '{where.value}'{how}: a place not known to be in or out of {', '.join(places)}"
            return False, f"studies in '{where.value}'{how}, not in {', '.join(places)}"
        said.append(f"studies in '{where.value}'{how}, in {hit}")
    return True, "; ".join(said)
