"""Spoken languages, as `text` qualifications ask them: "Fluent in Dutch", "Proficient in written and
spoken English". A text that names a language (knowledge/languages.yaml) and a level of command
("fluent", "proficient", "native", "basic", CEFR levels) is read against the languages the
profile's statement names with their levels ("native German speaker, fluent English, basic Dutch
(A2)"), and says inferred. A language stated without a level counts as fluent (a statement written
in it, or "I work in English and German"); a profile naming languages but not the one asked does
not have it. A profile that names no language is left to the word matching (unknown).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, lru_cache

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading

FLUENT, BASIC = 2, 1
_LEVELS = {
    **dict.fromkeys(
        "fluent fluency fluently proficient proficiency native bilingual excellent c1 c2 mother tongue".split(), FLUENT
    ),
    **dict.fromkeys("basic beginner elementary some a1 a2 b1 b2 intermediate conversational working".split(), BASIC),
}
"""Words that say how well; CEFR B1-B2 and "working knowledge" are below what "fluent" asks."""
_NEAR = 3
"""How many words either side of a language's name its level may stand."""


def _reading(met: bool, rule: str, evidence: str) -> TextReading:
    return TextReading(met, f"languages: {rule}", f"inferred: {evidence}")


@cache
def language_of() -> dict[str, str]:
    """Folded name or alias -> the language."""
    out: dict[str, str] = {}
    for name, aliases in read_data_file("languages.yaml").items():
        for spelling in (name, *(aliases or ())):
            out[fold(spelling)] = name
    return out


def _named(text: str) -> dict[str, int | None]:
    """The languages a text names, each with the level written near it (None when none is)."""
    words = fold(text).split()
    names = language_of()
    out: dict[str, int | None] = {}
    for i in range(len(words)):
        for size in (2, 1):
            language = names.get(" ".join(words[i : i + size]))
            if language is None:
                continue
            # The level word nearest the name ("fluent English, basic Dutch": Dutch is basic).
            near = [(i - j, 0, words[j]) for j in range(max(0, i - _NEAR), i)]
            near += [(j - i - size + 1, 1, words[j]) for j in range(i + size, min(len(words), i + size + _NEAR))]
            levels = sorted((distance, after, _LEVELS[w]) for distance, after, w in near if w in _LEVELS)
            level = levels[0][2] if levels else None
            previous = out.get(language)
            out[language] = level if previous is None else max(previous, level or 0)
            break
    return out


@lru_cache(maxsize=64)
def stated_languages(profile: Profile) -> dict[str, int]:
    """Language -> level, from the statement; a language named without a level is fluent."""
    return {language: level or FLUENT for language, level in _named(profile.statement or "").items()}


def judge_languages(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for command of languages; None for a text about something
    else, or a profile whose statement names no language."""
    asked = _named(text)
    folded = fold(text)
    if not asked or not (any(level for level in asked.values()) or re.search(r"\b(speak|spoken|written|language)", folded)):
        return None
    have = stated_languages(profile)
    if not have:
        return None
    needed = {language: level or FLUENT for language, level in asked.items()}
    # "English or Portuguese", "either ... or": any one of them; otherwise every one named.
    names = "|".join(re.escape(fold(language)) for language in needed)
    either = len(needed) > 1 and re.search(rf"\b(?:{names})(?:,? (?:{names}))*,? or (?:{names})\b", folded) is not None
    joined = " or " if either else " and "
    rule = "command of " + joined.join(f"{'basic ' if n == BASIC else ''}{lang.title()}" for lang, n in needed.items())
    said = ", ".join(f"{'basic ' if n == BASIC else ''}{lang.title()}" for lang, n in have.items())
    held = [have.get(language, 0) >= level for language, level in needed.items()]
    met = any(held) if either else all(held)
    return _reading(met, rule, f"the statement names {said}")
