"""Partner or member institutions, as `text` qualifications ask for them: "students of our partner
universities (LUMS, NUST)", "enrolled at an institution that has signed an MOU with NII", "not a
student of an EPFL partner university (CMU, Johns Hopkins, ..., NTU)". Postings write these as
prose when the list is long or kept elsewhere.

The list is read from the text when it names one (in brackets, after a colon, or after "a
student of"); the profile's institution is `degree.institution`, else a current role at a
university (matcher.rules.enrolment, said inferred). Met or unmet when both are known: a text that
excludes the list ("not a student of", "other than") is met by a student elsewhere. A partner rule
whose list the text does not give is unknown, never unmet: being at an institution the tool cannot
see on a list says nothing. So is one where the profile names no institution.
"""

from __future__ import annotations

import re
from datetime import date

from matcher.models import Profile
from matcher.rules.base import TextReading
from matcher.rules.enrolment import institution, same_institution

_INSTITUTION = r"(?:universit(?:y|ies)|institutions?|colleges?|schools?|institutes?)"
_PARTNERSHIP = re.compile(
    rf"\b(?:partner(?:ing|ed)?|member|participating|consortium|affiliated)\b(?:[\w\s'-]{{0,20}}?)\b{_INSTITUTION}"
    r"|\b(?:mou|memorandum of understanding|exchange agreement)\b",
    re.IGNORECASE,
)
"""A text about a programme's partner or member institutions."""
_STUDENT_OF = re.compile(r"\b(?:students?|enrolled|studying)\s+(?:at|of|from)\s+", re.IGNORECASE)
_INSTITUTION_NAME = re.compile(rf"^[A-Z]{{2,6}}$|\b(?i:{_INSTITUTION}|tech)\b")
"""What only an institution's name looks like: an initialism (MIT) or a name with "University"."""
_EXCLUDES = re.compile(
    r"\b(?:not|never)\s+(?:be\s+|been\s+)?(?:an?\s+|currently\s+)?(?:students?|enrolled|studying|from|at)\b"
    r"|\bnon[- ]?(?:partner|member)\b|\b(?:other than|except|excluding)\b|\b(?:ineligible|not eligible)\b",
    re.IGNORECASE,
)
"""A text that excludes the institutions it names, rather than asking for one of them."""
_SEPARATORS = re.compile(r"\s*(?:,|;|/|\band\b|\bor\b)\s*")
_NAME = re.compile(r"^(?:the\s+)?[A-Z][\w.&'’ -]*$")
MAX_NAME_WORDS = 6
"""An item of a list longer than this is prose, not an institution's name."""


def _names(written: str) -> list[str]:
    """The institutions of a written list, or none when an item is not a name ("our partner universities")."""
    items = [re.sub(r"^the\s+", "", n.strip(" .'\"…")) for n in _SEPARATORS.split(written)]
    items = [n for n in items if n and n not in {"...", "etc"}]
    if items and all(_NAME.match(n) and len(n.split()) <= MAX_NAME_WORDS for n in items):
        return list(dict.fromkeys(items))
    return []


def listed_institutions(text: str) -> list[str]:
    """The institutions a text names as the list: in brackets or after a colon first, else after
    "a student of"; none when it names none."""
    text = text.replace("...", ",").replace("…", ",")  # "CMU, MIT, ..., NTU": the list goes on
    for bracketed in re.findall(r"\(([^)]*)\)", text):
        if names := _names(bracketed):
            return names
    if ":" in text and (names := _names(text.split(":", 1)[1])):
        return names
    for match in _STUDENT_OF.finditer(text):
        if names := _names(re.split(r"[.;()]", text[match.end() :])[0]):
            return names
    return []


def judge_partners(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text about partner or member institutions; None for a text about
    something else."""
    named = listed_institutions(text)
    excludes = bool(_EXCLUDES.search(text))
    # Without a word of partnership, only a list that excludes names that are clearly institutions
    # ("not a student of CMU, MIT, ..., NTU"): "students of Physics, Chemistry" names fields.
    listed = bool(named) and excludes and all(_INSTITUTION_NAME.search(n) for n in named)
    if not _PARTNERSHIP.search(text) and not listed:
        return None
    rule = f"{'not ' if excludes else ''}a student of the partner institutions"
    if not named:
        return TextReading(None, f"{rule} (not listed)", "the text does not list the institutions")
    shown = ", ".join(named)
    rule += f" [{shown}]"
    found = institution(profile)
    if found is None:
        return TextReading(None, rule, "the profile does not say where it studies")
    hit = next((name for name in named if same_institution(name, found.value)), None)
    how = "" if not found.inferred else f"{found.source}; "  # the source says "inferred from ..."
    said = f"{how}studies at '{found.value}'" + (f", which is {hit}" if hit else ", not one of them")
    return TextReading((hit is None) if excludes else (hit is not None), rule, said, found.value)
