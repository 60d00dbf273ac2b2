"""Whether a sentence outside the qualification lists asks for something, and what a sentence is
instead: an application step, what the intern will gain, a word about the employer, an FAQ's bare
answer."""

from __future__ import annotations

import re

import matcher.ingest.dates as dates
from matcher.ingest.degree_phrases import asks_for_a_degree
from matcher.ingest.preferences import PREFERRED_MARKERS
from matcher.ingest.qualification_phrases import available_weeks, requires_presence

APPLICATION_STEP = re.compile(
    r"\b(reference letters?|recommendation letters?|letters? of (recommendation|reference)|"
    r"recommendations? (?:does|do|must|should)|referees?|cover letter|transcripts?|curriculum vitae|résumé|resume|"
    r"submit|please include|your cv|a cv|attachment|statement of (motivation|purpose|interests?)|research proposal|"
    # "The application form is here and should be sent in to ...": how to apply, not what is asked
    r"application (?:form|portal|package|materials)|(?:should|must|can) be (?:sent|e-?mailed|uploaded)|"
    # "Applications must be submitted before 6 p.m. on April 19": when to apply, the deadline's sentence
    r"applications?\s+(?:must|should|need\s+to|are\s+to)\s+be\s+(?:submitted|received|filed|made|lodged))\b",
    re.IGNORECASE,
)
ASKING = re.compile(
    r"\b(experience (with|in)|expertise (with|in)|skills in|proficien\w*|knowledge of|familiarity with|background in|"
    r"you (have|are|should)|candidates? (should|must)|must (be|have)|should (be|have)|required|requirements?|"
    # "a call for X" asks for X; "we will next call for applications" only says when the page opens
    r"call for(?!\s+(?:applications|proposals|papers|submissions|nominations))|eligible|limited to|open to)\b",
    re.IGNORECASE,
)


ABOUT_US = re.compile(r"^(?:Our|We)\b(?!.*\b(?:expect|require|look|seek|want|need|prefer|ask|welcome)\w*)", re.IGNORECASE)
"""A sentence about the employer ("Our scientists have strong expertise in vision") asks for nothing,
unless it says what it wants ("We expect candidates to ...")."""


OFFERED = re.compile(
    r"^(?:Deepen|Gain|Grow|Develop|Expand|Broaden|Learn|Strengthen|Get)\b"
    # the intern as the one who gains: "Students will be mentored to gain hands-on experience with
    # medical imaging", "Interns will have the chance to learn X", "You will get exposure to Y"
    r"|^(?:the\s+|our\s+|all\s+|each\s+)?(?:interns?|students?|participants?|fellows?|trainees?|you)\s+"
    r"(?:will\s+|can\s+|may\s+|get\s+to\s+|are\s+able\s+to\s+)?(?:also\s+)?"
    r"(?:be\s+(?:mentored|trained|guided|supervised|coached)\s+(?:to|in|on)\s+|have\s+(?:the\s+)?(?:opportunity|chance)\s+to\s+)?"
    r"(?:gain|get|learn|acquire|deepen|broaden|receive|be\s+exposed\s+to|get\s+exposure\s+to)\b"
    # the role as the one that gives: "The role gives hands-on experience with X", "This programme offers exposure to Y"
    r"|^(?:the|this|our|each)\s+(?:role|internship|programme|program|position|project|fellowship)\s+(?:gives|offers|provides)\s+"
    r"(?:(?:you|interns?|students?)\s+)?(?:(?:hands-on|practical|real-world|valuable)\s+)?(?:experience|exposure|training)\b",
    re.IGNORECASE,
)
"""A sentence that says what the intern will gain ("Deepen your expertise in ...", "Students will be
mentored to gain experience with X") asks for nothing: the internship teaches X, it does not ask it."""


def asks(sentence: str, window: bool = False) -> bool:
    """Outside any qualifications section, whether a sentence reads as asking for something. With
    `window` (a page with no qualifications sections: nowhere else says when to be free), a start
    window ("starting at some point between December and March") is asked too."""
    if ABOUT_US.match(sentence) or OFFERED.match(sentence):
        return False
    return bool(
        asks_for_a_degree(sentence)
        or requires_presence(sentence)
        or available_weeks(sentence) is not None  # "The period of employment is at least two months"
        or ASKING.search(sentence)
        or PREFERRED_MARKERS.search(sentence)
        or window
        and dates.START_WINDOW.search(sentence)
    )


BARE_ANSWER = re.compile(r"\W*(?:(?:unfortunately|sorry|regrettably|of course|absolutely)\W+)?(?:yes|no)\W*", re.I)
"""An FAQ's answer alone, without its question: it asks for nothing itself."""
