"""The stage a job title names by the intern's category rather than by a degree word: US national
laboratories and universities file interns as "Undergraduate Intern" or "Graduate Intern" ("Graduate
Intern - Machine Learning", "Intern, R&D Graduate Year Round", "R&D Grad"), and a graduate intern is a
master's or PhD student. Read only in a title that names an intern, so "Graduate Scheme" or "a recent
graduate" elsewhere on the page names no stage. A kind of internship that falls at a point of a
degree ("stage de fin d'études": the last internship of a master's) names the stage, enrolled, in
the title or in a sentence offering it."""

from __future__ import annotations

import re
from functools import cache

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold
from matcher.models import Stage

INTERN_WORD = re.compile(r"\b(?:interns?|internships?|co-?op)\b", re.IGNORECASE)
GRADUATE_CATEGORY = re.compile(
    # "new grad", "recent graduate", "undergraduate", "postgraduate": someone who has finished, or
    # another stage; "graduate scheme/programme": a UK job for people who have finished a first degree
    r"(?<![\w-])(?<!new\s)(?<!recent\s)grad(?:uate)?\b(?!\s+(?:scheme|programmes?|programs?|schools?|trainee|roles?|jobs?)\b)",
    re.IGNORECASE,
)


def title_stages(title: str) -> list[Stage]:
    """The stages an intern's category in a title names: a graduate intern is a master's or PhD
    student; no stage otherwise (degree words in a title are read by degree_phrases)."""
    if INTERN_WORD.search(title) and GRADUATE_CATEGORY.search(title):
        return [Stage.MASTERS, Stage.PHD]
    return []


@cache
def _final_internship_words() -> tuple[tuple[str, Stage], ...]:
    """Kinds of internship that fall at one point of a degree (posting_vocabulary.yaml), folded."""
    listed = read_data_file("posting_vocabulary.yaml")["final_internship_words"]
    return tuple((fold(word), Stage[stage.upper()]) for stage, words in listed.items() for word in words)


def final_internship_stages(text: str) -> list[Stage]:
    """The stage a kind of internship names ("stage de fin d'études": a master's student, enrolled,
    since it is the degree's own last internship); none when the text names no such kind."""
    folded = fold(text).replace("’", "'")
    return sorted({stage for word, stage in _final_internship_words() if word in folded})
