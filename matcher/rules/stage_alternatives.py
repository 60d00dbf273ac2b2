"""A text whose ask depends on the student's degree stage.

Two shapes, read before any family of text judges the words:
- a condition on one stage: "If still a Bachelor's student, in the final year of the Bachelor's
  when the internship starts". A student at another stage is not asked (met, said so); one at that
  stage is judged on what follows the condition;
- an alternative per stage: "A Bachelor's student who has completed 3 years, or a Master's student
  who has completed 1 year, by 31 May 2027". A student is judged on the alternatives naming their
  stage (with a tail the alternatives share, ", by 31 May 2027"); one whose stage no alternative
  names is left to the whole text.
matcher.rules.text then judges the narrowed texts with its families, and a text met by any
alternative is met.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.models import Profile, Stage
from matcher.rules.base import TextReading

_STAGE_WORDS: tuple[tuple[Stage, re.Pattern[str]], ...] = (
    (Stage.BACHELORS, re.compile(r"\b(?:undergrad\w*|bachelor\w*|b\.?sc|b\.?s\.|b\.?tech|b\.?eng)", re.IGNORECASE)),
    (Stage.MASTERS, re.compile(r"\b(?:master\w*|m\.?sc|m\.?s\.|m\.?tech|m\.?eng)", re.IGNORECASE)),
    (Stage.PHD, re.compile(r"\b(?:ph\.?\s?d|doctora\w*)", re.IGNORECASE)),
)
_STAGE = "|".join(p.pattern.removeprefix(r"\b") for _, p in _STAGE_WORDS)
_CONDITION = re.compile(
    r"^\s*(?:if|when|for)\s+(?:you\s+are\s+|still\s+|currently\s+)*(?:an?\s+|the\s+)?(?:still\s+)?"
    rf"(?P<stage>{_STAGE})(?:'s)?(?:\s+(?:students?|degree|candidates?|level))?\s*[,:]\s*(?P<rest>\S.*)$",
    re.IGNORECASE,
)
"""A condition on one stage, at the start of the text."""
_ALTERNATIVES = re.compile(r",?\s+or\s+(?=(?:an?|the|if|in|for)\s)|;\s*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ByStage:
    """What a text asks of the profile's stage: nothing (`not_asked`, a reading saying so), or
    the parts of it that ask of that stage (`asks`)."""

    not_asked: TextReading | None = None
    asks: tuple[str, ...] = ()


def stages_named(text: str) -> set[Stage]:
    return {stage for stage, words in _STAGE_WORDS if words.search(text)}


def by_stage(text: str, profile: Profile) -> ByStage | None:
    """The text narrowed to the profile's stage, or None when it does not depend on the stage."""
    stage = profile.degree.stage
    condition = _CONDITION.match(text)
    if condition is not None:
        asked = min(stages_named(condition["stage"]))
        if asked is not stage:
            rule = f"stage alternatives, read as: asked of {asked.title} students only"
            return ByStage(not_asked=TextReading(True, rule, f"a {stage.title} student", stage.title))
        return ByStage(asks=(condition["rest"],))
    parts = [p.strip() for p in _ALTERNATIVES.split(text) if p.strip()]
    named = [stages_named(p) for p in parts]
    if len(parts) < 2 or not all(named) or len(set().union(*named)) < 2:
        return None
    # ", by 31 May 2027" after the last alternative is said of them all.
    tail = re.search(r",\s*([^,]+)$", parts[-1])
    shared = f", {tail[1]}" if tail and not stages_named(tail[1]) else ""
    mine = [p if p.endswith(shared) else p + shared for p, n in zip(parts, named, strict=True) if stage in n]
    return ByStage(asks=tuple(mine)) if mine else None
