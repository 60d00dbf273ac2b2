"""Required or preferred: the words that make an item preferred wherever it stands, a preference
clause inside a required sentence, and whom the page would like best beside what it requires."""

from __future__ import annotations

import re
from typing import Any

PREFERRED_MARKERS = re.compile(
    r"\b(is a plus|are a plus|an? (?:big |strong |great |huge )?plus|is preferred|are preferred|preferred|desired|desirable|"
    r"nice to have|not required|not mandatory|is a bonus|bonus|would be great|ideally|(?:a |strong )?advantage|advantageous|"
    r"we also appreciate)\b"
    # "Recommended coursework: ...", "Go is highly recommended"; not "must be recommended by a professor"
    r"|^\W*recommended\b|\b(?:is|are)\s+(?:highly\s+|strongly\s+)?recommended\b",
    re.IGNORECASE,
)
"""Words that make one item preferred wherever it stands ("Experience with Rust is a plus",
"Desired class level: ...", "Bonus experience: ...", "Recommended coursework: ...")."""
PREFERENCE_CLAUSE = re.compile(
    r",?\s+(?:with\s+(?:a\s+)?preference\s+(?:for|given\s+to)|and\s+preferably|preferably|ideally)\s+", re.I
)
IDEAL_CANDIDATE = re.compile(r"\b(?:the|an|our)\s+ideal\s+(?:candidate|applicant|intern)s?\b", re.I)
"""Whom the page would like best: an ask where the page asks nothing else, a preference beside what it
says is required."""
REQUIRED_SAID = re.compile(
    r"\b(?:is|are)\s+(?:required|mandatory|essential|a must)\b|\bmust\s+(?:have|be|hold)\b|\bminimum\s+qualifications?\b", re.I
)
"""A page saying in so many words that something is required."""


def preference_clause(sentence: str) -> tuple[str, str | None]:
    """ "A research track record in vision, with preference for candidates who have publications at
    CVPR", "C/C++; Java a plus": what is asked, and what is only preferred."""
    clause = PREFERENCE_CLAUSE.search(sentence)
    if clause is not None and clause.start() >= 20:
        return sentence[: clause.start()], sentence[clause.end() :]
    head, _, tail = sentence.rpartition(";")  # "Distributed computing and C/C++; Java a plus"
    if head and PREFERRED_MARKERS.search(tail) and not PREFERRED_MARKERS.search(head):
        return head, tail.strip()
    return sentence, None


def degree_alternatives(quals: list[dict[str, Any]]) -> bool:
    """ "MS or PhD (PhD preferred)": the degree with its alternatives stays required."""
    return any(len(q.get("degree", {}).get("stage", [])) > 1 or "any_of" in q for q in quals)
