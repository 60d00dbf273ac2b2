"""Students from abroad, as `text` qualifications ask for them: "international students from
overseas universities", "an overseas (non-Singapore) university", "from outside the UK". The host
country is the one the text names after "non-" or "outside"; a text that names none is left unknown
(a text criterion is judged once for every posting that words it so, whatever their countries).

"From an overseas university" asks where the student studies: `degree.institution_location`, else
where the profile lives (said inferred, as matcher.rules.enrolment reads it). "International"
asks that the student is not a citizen of the host country: a citizenship the profile states
(`work_authorization` or its statement, matcher.rules.authorisation) settles it, and without one a
student studying abroad is taken as international, said inferred. A profile that does not say
where it studies is left to the word matching of matcher.rules.text (unknown).
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.authorisation import standings
from matcher.rules.base import TextReading
from matcher.rules.enrolment import study_place

_OVERSEAS = re.compile(r"\b(overseas|foreign|international|non \w+) (universit\w*|institutions?|colleges?|schools?)\b")
_INTERNATIONAL = re.compile(r"\binternational (students?|applicants?|candidates?)\b")
_NON = re.compile(r"\b(?:non|outside(?: of)?(?: the)?) (\w+(?: \w+)?)")
CITIZEN = 2
"""authorisation.STANDINGS' index of citizenship."""


def _reading(met: bool, rule: str, evidence: str, inferred: bool) -> TextReading:
    return TextReading(met, f"students from abroad: {rule}", ("inferred: " if inferred else "") + evidence)


def _host(text: str) -> list[str]:
    """The countries a student must come from outside of: "non-Singapore", "outside the UK"."""
    places = gazetteer()
    return [n for words in _NON.findall(fold(text)) for n in places.nations_named(words)]


def judge_international(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a student from abroad; None for a text about something
    else, one that names no host country, or a profile that does not say where it studies."""
    folded = fold(text)
    overseas, international = _OVERSEAS.search(folded), _INTERNATIONAL.search(folded)
    if not (overseas or international):
        return None
    hosts = _host(text)
    where = study_place(profile)
    if not hosts or where is None:
        return None
    places = gazetteer()
    studies_in = places.parse(where.value).regions
    if not studies_in:
        return None
    host = " or ".join(hosts)
    rule = f"a student from outside {host}"
    said = f"studies in '{where.value}' ({where.source})"
    inferred = where.inferred
    if any(h in studies_in for h in hosts):
        return _reading(False, rule, said, inferred)
    if international:
        have, from_statement = standings(profile)
        citizen_of = [p for p, level in have.items() if level >= CITIZEN and any(places.within_nation(p, h) for h in hosts)]
        if citizen_of:
            return _reading(False, rule, f"{said}; a citizen of {citizen_of[0]}", inferred or from_statement)
        if not have:
            # Studying abroad, with no citizenship said: an international student, as inferred.
            return _reading(True, rule, f"{said}; no citizenship of {host} stated", True)
        said += f"; a citizen of {', '.join(p for p, level in have.items() if level >= CITIZEN) or 'elsewhere'}"
        inferred = inferred or from_statement
    return _reading(True, rule, said, inferred)
