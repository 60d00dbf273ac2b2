"""Stage words read together rather than one by one: a range names only its two ends ("Bachelor's
through PhD"), and a list of levels gives a bare "graduate" its meaning ("undergraduate, graduate,
and doctoral"). Works on the spans degree_phrases finds, so it knows no stage word itself."""

from __future__ import annotations

import re

from matcher.models import Stage

Span = tuple[int, int, tuple[Stage, ...]]
"""Where a stage word stands in a text (start, end) and the stages it names."""

LIST_GAP = re.compile(r"[\s,/()]*(?:(?:and|or)\b[\s,/()]*)?", re.IGNORECASE)
"""Between two items of a list of levels: "undergraduate, graduate, and doctoral"."""
STAGE_RANGE = re.compile(r"\s*(?:through|thru|to|until|up\s+to|[-–—])\s*", re.IGNORECASE)
"""Between the two ends of a range of stages: "Bachelor's through PhD", "from BS to PhD"."""


def listed_with_another(text: str, where: tuple[int, int], spans: list[Span]) -> bool:
    """Whether a stage word stands in a list with another, nothing but commas and "and"/"or" between:
    "a recent graduate, or ..." names no level, "undergraduate, graduate" does."""
    start, end = where
    for other_start, other_end, _ in spans:
        if (other_start, other_end) == where:
            continue
        gap = text[other_end:start] if other_end <= start else text[end:other_start]
        if LIST_GAP.fullmatch(gap):
            return True
    return False


def stages_between(text: str, spans: list[Span]) -> set[Stage]:
    """The stages a range spans ("Pursuing a degree (Bachelor's through PhD)" allows a master's too):
    a range names its two ends only, and every stage between them is meant."""
    spanned: set[Stage] = set()
    for first, second in zip(spans, spans[1:], strict=False):
        if STAGE_RANGE.fullmatch(text[first[1] : second[0]]):
            ends = [*first[2], *second[2]]
            spanned.update(Stage(value) for value in range(min(ends), max(ends) + 1))
    return spanned
