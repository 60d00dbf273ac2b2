"""Calls open to more than degree students, read so that a draft does not assert a narrower degree
than the page asks. A wrong narrow stage turns eligible readers away without a word; a missing
one only leaves a review to do. So when the page's own words open the call to people no degree
stage describes (school leavers, a gap year, teachers, working professionals), the draft keeps
those words as a text ask, or as the other alternative beside the degree, for its reviewer."""

from __future__ import annotations

import re
from typing import Any

NO_STAGE_GROUP = re.compile(
    r"\b(?:(?:graduated|graduates?|graduating)\s+(?:from\s+)?(?:high|secondary)\s+school"
    r"|high[- ]school\s+(?:graduates?|students?|seniors?|leavers?)"
    r"|school[- ]leavers?|gap[- ]year|secondary[- ]school\s+(?:students?|pupils?|leavers?)|pre-?university\s+students?"
    r"|(?:open\s+to|welcome[sd]?)\s+(?:anyone|everyone|all\s+(?:ages|backgrounds|career\s+stages))"
    r"|no\s+(?:degree|formal\s+qualifications?)\s+(?:is\s+|are\s+)?(?:required|needed|necessary))",
    re.IGNORECASE,
)
"""People a degree stage does not describe, said in the sentence that says whom a call is for:
"students who have graduated from high school, are in their gap year, or are in the early stages of
their undergraduate studies" admits people with no degree stage at all."""

OTHER_GROUP = re.compile(
    r"\bstudents?\s*(?:and/or|and|or|/|&)\s*(?:school\s+|college\s+|university\s+)?(?P<group>teachers|"
    r"(?:working\s+)?professionals|practitioners|educators)\b",
    re.IGNORECASE,
)
"""A call for "students and teachers" (or "students/teachers", "students and working professionals"):
a teacher need not be studying, so the page's degree is one alternative, not the whole ask."""


def beyond_stages(qualification: dict[str, Any]) -> dict[str, Any]:
    """A degree ask whose own sentence also admits people with no degree stage, as a text ask: the
    sentence says who may apply, and no stage list says it without turning some of them away."""
    quote = qualification.get("quote", "")
    if "degree" not in qualification or not NO_STAGE_GROUP.search(quote):
        return qualification
    return {"text": quote, "quote": quote}


INVITING = re.compile(r"\b(?:appl(?:y|ying|icants?|ications?)|eligib\w*|open\s+to|invited|so\s+that|welcome[sd]?)\b", re.I)
"""A sentence that says whom the call is for, not prose that names students and teachers in passing."""


def other_group(texts: list[str]) -> str | None:
    """The first of a page's texts (its title first) that opens its call to students and a group
    that need not study (teachers, professionals), or None."""
    for index, text in enumerate(texts):
        if OTHER_GROUP.search(text) and (index == 0 or INVITING.search(text)):
            return text
    return None


def with_other_group(required: list[dict[str, Any]], sentence: str | None) -> list[dict[str, Any]]:
    """The degree ask as one alternative beside the group the page also admits: "students/teachers"
    asks a degree of students only. Left alone when the degree is already an alternative."""
    if sentence is None:
        return required
    match = OTHER_GROUP.search(sentence)
    if match is None:
        return required
    out: list[dict[str, Any]] = []
    for q in required:
        if "degree" in q:
            group = match.group("group").lower()
            quote = f"{q.get('quote', '')} ... {sentence}".strip(" .")
            q = {"any_of": [{"degree": q["degree"]}, {"text": f"{group} (the call is also open to {group})"}], "quote": quote}
        out.append(q)
    return out


BARE_ITEM_LENGTH = 70
"""Longest a list item naming only a degree is ("BE / BTech / BCA (II and III years only)"): a
longer one is a sentence, which may name a stage as an aside."""


def listed_alternatives(mentions: list[dict[str, Any]]) -> set[str]:
    """Stages named by a list of bare degree items ("Applicants should be studying in one of the
    following: - BSc (II year only) - MSc (I year only) - Integrated PhD ..."): each item is one
    option, so every stage any of them names is allowed, however few items name it. Needs three
    such items, so that a pair of sentences is not read as a list."""
    bare = [q for q in mentions if len(q.get("quote", "")) <= BARE_ITEM_LENGTH and not q.get("quote", "").rstrip().endswith(".")]
    if len(bare) < 3:
        return set()
    return {stage for q in bare for stage in q["degree"].get("stage", [])}
