"""Folding text so that comparisons ignore case, accents and punctuation."""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from matcher.knowledge import read_data_file

_NOT_WORD = re.compile(r"[^a-z0-9+#]+")


NUMBER_WORDS = {
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "sixteen": 16, "twenty": 20,
}  # fmt: skip
"""Counts written as words in postings ("two years", "a year", "twelve weeks")."""


def count_of(word: str) -> int:
    """The count a word or numeral names: "3" and "three" are 3, "a" is 1."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+")


def sentences(text: str) -> list[str]:
    """A profile's prose cut into sentences, each keeping its closing mark: what the rules that read
    facts from a statement ("I can commute to Los Alamos") read one at a time."""
    return _SENTENCE_END.split(text) if text else []


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents, turn punctuation into spaces; keep `+` and `#` (C++, C#)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_WORD.sub(" ", ascii_only).strip()


GENERIC_WORDS = frozenset(
    """
    a an and are as at be by can e eg etc for from g have i in into is it its of on or our such
    that the their this to with within we you your will who which what they them than also
    ability able abilities demonstrable demonstrated demonstrate strong solid good excellent great advanced thorough
    experience experienced experiences knowledge understanding skill skills proficient proficiency
    effective efficient familiarity familiar expertise hands work working environment
    passion passionate interest interested desire willingness related relevant various
    including include etc preferred plus bonus desired required requirement candidate candidates
    """.split()
)
"""Words that say nothing about what a free-text qualification asks for ("ability", "strong")."""


@cache
def soft_skill_words() -> dict[str, str]:
    """Folded word -> the soft skill it shows ("teams" -> teamwork): knowledge/soft_skills.yaml."""
    data = read_data_file("soft_skills.yaml")
    return {word: skill for skill, words in data.items() if not skill.startswith("_") for word in words}


@cache
def soft_skill_framing() -> frozenset[str]:
    """Words that frame a soft skill ("mindset", "setting"): knowledge/soft_skills.yaml `_framing`."""
    return frozenset(read_data_file("soft_skills.yaml")["_framing"])


@cache
def communication_media() -> frozenset[str]:
    """Media communication is shown through ("papers", "blogs"): knowledge/soft_skills.yaml `_media`."""
    return frozenset(read_data_file("soft_skills.yaml")["_media"])
