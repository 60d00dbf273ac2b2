"""A posting's text as sentences: where a sentence ends (not at "e.g." or initials), and where the
items of a list run into one paragraph begin."""

from __future__ import annotations

import re

SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<![A-Z]\.[A-Z]\.)(?<!Ph\.D\.)(?<!\bPh\.)\s+(?=[A-Z(])")
"""A sentence ends at a stop before a capital, but not at "e.g." or "i.e." ("(e.g. Python, Java)"),
nor at initials ("U.S. Citizens", "Ph.D. Students", "Ph. D. degree")."""
ITEM_OPENERS = (
    "Experience|Expertise|Strong|Knowledge|Proficiency|Proficient|Ability|Able|Excellent|Deep|Solid|Familiarity|Familiar|"
    "Fluency|Fluent|Creative|Passionate|Demonstrable|Demonstrated|Hands-on|Publication|Publications|Currently|Good|"
    "In-depth|Domain|Understanding|Prior|Previous|Background|Track|Must|Enrolled|Pursuing|Master|Bachelor|PhD|Ph\\.D|Comfort|"
    "Self-motivated|Outstanding|Proven|Working|Written|Effective|Great"
)
"""How qualification items begin, for pages that run a list into one paragraph without bullets
("... machine learning (ML) Expertise in one or more ... Strong publication record ...": Apple's
"Key Qualifications" as job boards flatten them)."""
RUN_ON_ITEM = re.compile(rf"(?<=\s)(?=(?:{ITEM_OPENERS})\b)")
LINKING_WORDS = frozenset("a an the and or nor of in on for with to as by from at your their any through thru until".split())
"""A word after these continues the item ("Bachelor's, Master's, or PhD", "Bachelor's through PhD")."""
RUN_ON_LENGTH = 150
"""An item this long with no sentence ends may be several items run together."""
EXCEPTION_CLAUSE = re.compile(r"^(exceptional|outstanding)\b.*\bconsidered\b", re.IGNORECASE)


def sentences(text: str, run_on: bool = False) -> list[str]:
    """Sentences of an item; an "Exceptional Masters students ... considered" stays with the
    sentence before it, whose alternative it is. With `run_on`, a long sentence is also split
    where a new qualification item begins."""
    out: list[str] = []
    pieces = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    if run_on:
        pieces = [p for s in pieces for p in _run_on_items(s, brackets_only=len(s) <= RUN_ON_LENGTH)]
    for sentence in pieces:
        if out and EXCEPTION_CLAUSE.match(sentence):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return out


def _run_on_items(sentence: str, brackets_only: bool = False) -> list[str]:
    """Split where an item opener follows a word in lower case or a closing bracket ("(ML)
    Expertise", "C++ Knowledge"), not inside a name ("Natural Language Understanding"). A short
    sentence is split only after a closing bracket ("(Go, Rust, etc.) Excellent statistics skills"):
    a word in lower case before a capital ("pursuing PhD") is common inside one item."""
    items: list[str] = []
    last = 0
    shape = r".*\)$" if brackets_only else r"^[a-z]|.*[)+]$"
    for match in RUN_ON_ITEM.finditer(sentence):
        previous = sentence[: match.start()].split()[-1:] or [""]
        if re.match(shape, previous[0]) and previous[0].lower() not in LINKING_WORDS:
            items.append(sentence[last : match.start()].strip())
            last = match.start()
    items.append(sentence[last:].strip())
    return [item for item in items if item]
