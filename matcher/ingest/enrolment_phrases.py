"""Where a programme's students must study, as postings write it: places ("enrolled in a PhD ... in
the EMEA region", "students at a university in Canada", "enrolled at a European university",
"US-based students") and named institutions ("students of our partner universities: LUMS, NUST").
Read only on these clear shapes, and a place only when the gazetteer knows every name of it: an
`enrolled_in` the tool cannot place judges nobody, so a doubtful one is better left as prose."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from matcher.ingest.degree_phrases import ANY_STAGE
from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Stage

_NAME = r"[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+or\s+|\s+and\s+|\s*/\s*)(?:the\s+)?{_NAME})*"
_INSTITUTION = r"(?i:universit(?:y|ies)|institutions?|colleges?|schools?)"
PLACE_SHAPES = (
    # "a university in Canada", "institutions located in the EU or the UK"
    re.compile(rf"\b{_INSTITUTION}\s+(?:(?:located|based)\s+)?in\s+(?:the\s+)?(?P<place>{_NAMES})"),
    # "a PhD in Computer Science ... in the EMEA region"
    re.compile(rf"\bin\s+the\s+(?P<place>{_NAMES})\s+region\b"),
    # "enrolled at a European university", "students of Canadian universities", "enrolled in, or
    # working in, a Canadian participating institution" (lower-case words may qualify the institution)
    re.compile(
        rf"\b(?:at|of|from|in),?\s+(?:an?\s+|the\s+)?(?:accredited\s+)?(?P<place>{_NAME})\s+(?:[a-z][\w-]*\s+){{0,2}}?{_INSTITUTION}"
    ),
    # "US-based students"
    re.compile(r"\b(?P<place>[A-Z][\w.]*)-based\s+(?:students?|candidates?|applicants?)\b"),
)
"""Where a place of study is named. Case matters but for the institution's word: a place is written
with a capital ("in Canada or the US and have ..." stops before "and have")."""
STUDYING = re.compile(r"\b(?:students?|enrolled|enrol(?:l)?ment|pursuing|studying|attending|registered)\b", re.IGNORECASE)
"""A place is a place of study only where the sentence speaks of studying."""

INSTITUTION_LIST = re.compile(
    rf"\b(?:students?|enrolled|attending)\s+(?:at|of|from|in)\s+(?:one\s+of\s+)?(?:our|the(?:\s+following)?)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_INSTITUTION}\s*(?::\s*(?P<listed>[^.;()]+)|\((?P<bracketed>[^)]+)\))"
)
"""Institutions listed after the students they are for: "students of our partner universities:
LUMS, NUST and FAST", "students at one of the following institutions (ETH, EPFL)"."""
NAMED_INSTITUTION = re.compile(
    r"\b(?:students?|enrolled)\s+(?:at|of|from)\s+(?:the\s+)?"
    r"(?P<name>(?:[A-Z][\w.&'’-]*\s+)*(?:University|Institute|College)(?:\s+(?:of|for)\s+(?:[A-Z][\w.&'’-]*\s*)+)?)"
)
"""One institution named after its students: "students of the University of Toronto", "enrolled at
Carnegie Mellon University"."""


@cache
def _display_names() -> dict[str, str]:
    """How a place's canonical name is written in a posting file (posting_vocabulary.yaml): "emea" -> EMEA."""
    return dict(read_data_file("posting_vocabulary.yaml")["place_display"])


def _displayed(canonical: str) -> str:
    return _display_names().get(canonical) or " ".join(w.capitalize() for w in canonical.split())


def study_places(text: str) -> list[str]:
    """The places a sentence says its students must study in, as the posting format writes them
    (EMEA, Europe, Canada); none unless every name in the phrase is a place the gazetteer knows."""
    if not STUDYING.search(text):
        return []
    nations = gazetteer().nation_of
    found: list[str] = []
    for shape in PLACE_SHAPES:
        for match in shape.finditer(text):
            # "a UK-based university": the place is what is before "-based"
            names = [re.sub(r"-based$", "", n.strip(" .")) for n in re.split(r",|\bor\b|\band\b|/", match.group("place"))]
            names = [re.sub(r"^the\s+", "", n) for n in names if n]
            placed = [nations.get(fold(n)) for n in names]
            if names and all(placed):
                found += [_displayed(p) for p in placed if p]
    return list(dict.fromkeys(found))


def study_institutions(text: str) -> list[str]:
    """The institutions a sentence says its students must study at, as written."""
    listed = INSTITUTION_LIST.search(text)
    if listed:
        written = listed.group("listed") or listed.group("bracketed") or ""
        names = [n.strip(" .'\"") for n in re.split(r",|\band\b|\bor\b|/", written)]
        names = [n for n in names if n]
        if names and all(n[:1].isupper() and len(n.split()) <= 6 for n in names):
            return list(dict.fromkeys(names))
    named = NAMED_INSTITUTION.search(text)
    if named and len(named.group("name").split()) >= 2:
        return [named.group("name").strip()]
    return []


def with_enrolment(text: str, degree: dict[str, Any] | None) -> dict[str, Any] | None:
    """The degree qualification a sentence asks for (`degree`, from degree_phrases) with where its
    students must study; a degree of any stage when the sentence names students of some place or
    institution but no stage ("students at a university in Canada")."""
    places, institutions = study_places(text), study_institutions(text)
    if not places and not institutions:
        return degree
    if degree is None:
        stages = [Stage.BACHELORS.label, Stage.MASTERS.label, Stage.PHD.label]
        degree = {"degree": {"stage": stages, "enrolled": True}, ANY_STAGE: True}
    elif "degree" not in degree:
        return degree  # alternatives ("a PhD, or Masters with ..."): which one the place is for is not clear
    where = degree["degree"]
    if places:
        where["enrolled_in"] = places
    if institutions:
        where["enrolled_at"] = institutions
    where.setdefault("enrolled", True)  # students of a place or institution are studying now
    return degree
