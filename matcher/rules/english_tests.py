"""English test scores, as `text` qualifications ask them: "TOEFL iBT 90 or IELTS 6.5 minimum",
"English proficiency (TOEFL or IELTS scores unless English is the first language)". A profile
states its score only in words ("scored 104 on the TOEFL iBT", "IELTS 7.5"), so the statement is
read and the verdict says inferred.

Each test's names, score scale and CEFR levels are in knowledge/english_tests.yaml. A score on the
test asked meets its minimum when at or above it; a score on another test is compared through the
two tests' concordance table where there is one (TOEFL iBT and IELTS), else through the CEFR: a
level above the minimum's meets it, one below does not, the same level is too close to call
(unknown). A text naming tests without a minimum is met by any score stated. A profile that
states no score is left to the languages family and the word matching (a native speaker, say).
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from typing import NamedTuple

from matcher.knowledge import read_data_file
from matcher.models import Profile
from matcher.rules.base import TextReading

_NEAR = 40
"""How many characters from a test's name its score may stand ("a minimum score of 100 on the TOEFL")."""
_NUMBER = re.compile(r"(?<!\d)(?<!\d\.)\d{1,3}(?:\.\d)?(?!\d|\.\d)(?!\s*(?:years?|months?|weeks?|days?|hours?|%))")
"""A score, perhaps ending a sentence ("IELTS 7.5."): not a count of years ("the last 8 years were
English-medium") nor a percentage."""


class EnglishTest(NamedTuple):
    name: str
    """As it is written in a verdict: "TOEFL iBT"."""
    low: float
    high: float
    """The score scale: a number outside it is not this test's score."""
    cefr: tuple[float, ...]
    """The lowest score of CEFR B1, B2, C1 and C2 on this test."""

    def level(self, score: float) -> int:
        """The CEFR level of a score: 0 below B1, 1 for B1, ... 4 for C2."""
        return sum(score >= floor for floor in self.cefr)


class Score(NamedTuple):
    test: EnglishTest
    value: float | None
    """None: the test is named without a score."""

    @property
    def shown(self) -> str:
        return self.test.name + (f" {self.value:g}" if self.value is not None else "")


@cache
def _tests() -> tuple[re.Pattern[str], dict[str, EnglishTest]]:
    """A pattern finding any test's name, and each name (lower case) -> its test."""
    by_name: dict[str, EnglishTest] = {}
    for entry in read_data_file("english_tests.yaml").values():
        low, high = entry["scale"]
        test = EnglishTest(entry["shown"], float(low), float(high), tuple(float(f) for f in entry["cefr"]))
        for written in entry["names"]:
            by_name[written] = test
    names = sorted(by_name, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b"), by_name


def scores_in(text: str) -> list[Score]:
    """The English tests a text names, each with the score nearest its name that lies on its scale."""
    pattern, by_name = _tests()
    lowered = text.casefold()
    found = list(pattern.finditer(lowered))
    out: list[Score] = []
    for i, match in enumerate(found):
        test = by_name[match.group(1)]
        # Look only between this name and its neighbours: "TOEFL 90 or IELTS 6.5" gives each its own.
        before_start = max(found[i - 1].end() if i else 0, match.start() - _NEAR)
        after_end = min(found[i + 1].start() if i + 1 < len(found) else len(lowered), match.end() + _NEAR)
        near = [(match.start() - m.end(), m.group()) for m in _NUMBER.finditer(lowered, before_start, match.start())]
        near += [(m.start() - match.end(), m.group()) for m in _NUMBER.finditer(lowered, match.end(), after_end)]
        on_scale = sorted((d, float(v)) for d, v in near if test.low <= float(v) <= test.high)
        out.append(Score(test, on_scale[0][1] if on_scale else None))
    return out


@cache
def _concordances() -> dict[tuple[str, str], tuple[tuple[float, float], ...]]:
    """(test, other test) -> the lowest score on the test for each score on the other, ascending."""
    out: dict[tuple[str, str], tuple[tuple[float, float], ...]] = {}
    for entry in read_data_file("english_tests.yaml").values():
        for other, rows in (entry.get("concordance") or {}).items():
            out[entry["shown"], other] = tuple((float(a), float(b)) for a, b in rows)
    return out


def _by_concordance(have: Score, asked: Score) -> bool | None:
    """A score against a minimum on another test through their concordance table; None when the
    table does not decide (or there is none)."""
    assert have.value is not None and asked.value is not None
    forward = _concordances().get((have.test.name, asked.test.name))
    if forward is not None:  # a TOEFL score is one IELTS band
        bands = [other for floor, other in forward if have.value >= floor]
        return bool(bands) and bands[-1] >= asked.value
    backward = _concordances().get((asked.test.name, have.test.name))
    if backward is None:
        return None
    # An IELTS band is a range of TOEFL scores: it meets a TOEFL minimum when all of it does.
    low = max((floor for floor, other in backward if other <= have.value), default=asked.test.low)
    high = min((floor - 1 for floor, other in backward if other > have.value), default=asked.test.high)
    return True if low >= asked.value else False if high < asked.value else None


def _meets(have: Score, asked: Score) -> bool | None:
    """Whether a stated score meets a minimum: on the same test by the number, on another by
    their concordance table, else by the CEFR level (None when both are in the same level)."""
    assert have.value is not None and asked.value is not None
    if have.test == asked.test:
        return have.value >= asked.value
    concordant = _by_concordance(have, asked)
    if concordant is not None or {(have.test.name, asked.test.name), (asked.test.name, have.test.name)} & set(_concordances()):
        return concordant
    mine, needed = have.test.level(have.value), asked.test.level(asked.value)
    return None if mine == needed else mine > needed


def judge_english_test(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for an English test score; None for a text naming no test, or
    a profile stating no score."""
    asked = scores_in(text)
    if not asked:
        return None
    have = [s for s in scores_in(profile.statement or "") if s.value is not None]
    if not have:
        return None
    said = f"inferred from the statement: {', '.join(s.shown for s in have)}"
    minimums = [s for s in asked if s.value is not None]
    if not minimums:
        return TextReading(True, f"English test, read as: a score on {' or '.join(s.shown for s in asked)}", said)
    rule = f"English test, read as: at least {' or '.join(s.shown for s in minimums)} (across tests: a concordance or CEFR)"
    # A score on a test the text names is read against that test's own minimum: the other tests
    # are its equivalents, and the CEFR is coarser than either.
    same_test = [(h, m) for h in have for m in minimums if h.test == m.test]
    verdicts = [_meets(h, m) for h, m in same_test or [(h, m) for h in have for m in minimums]]
    if any(v is True for v in verdicts):
        return TextReading(True, rule, said)
    if all(v is False for v in verdicts):
        return TextReading(False, rule, said)
    return TextReading(None, rule, f"too close to call between the two tests: {said}")
