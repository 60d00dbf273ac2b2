"""Which jobs are internships: what the board says of the role (employment type "Intern",
commitment "Internship", experience level "Internship"), else words in its title."""

from __future__ import annotations

import re

from matcher.fetch.jobs import BoardJob

INTERNSHIP_WORDS = re.compile(
    r"\b(interns?|internships?|student researchers?|research residen(t|cy)|phd residen(t|cy)|ai residen(t|cy)|"
    r"co-?op|working student|werkstudent(in)?|stagiaire|praktikum|praktikant(in)?|trainee|"
    r"summer (student|associate|analyst|researcher)|placement (student|year))\b",
    re.IGNORECASE,
)
"""Whole words, so "International" and "Internal" are not internships."""


def is_internship(job: BoardJob) -> bool:
    return bool(INTERNSHIP_WORDS.search(job.employment) or INTERNSHIP_WORDS.search(job.title or ""))
