"""Adding a kind of qualification is one module subclassing Rule, one `register` line, its tests
and its FORMATS.md entry: shown here with a small extra kind, `languages`, registered by a test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar

import pytest

from matcher.errors import InputError
from matcher.knowledge.text import fold
from matcher.models import Judgement, Posting, Record, Verdict
from matcher.positioned import ValueReader
from matcher.posting_table import summaries
from matcher.rules import kinds, register, rule_for, unregister
from matcher.rules.base import ReadQualification, Rule, judgement
from matcher.scoring import Scorer

from .conftest import TODAY, posting_from, profile_from


@dataclass(frozen=True, slots=True)
class LanguagesCriterion(Record):
    kind: ClassVar[str] = "languages"

    spoken: tuple[str, ...]


class LanguagesRule(Rule[LanguagesCriterion]):
    """`languages: [French, German]`: met when the profile's skills name one of them."""

    criterion = LanguagesCriterion
    reads = frozenset({"skills"})

    @classmethod
    def read(cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification) -> Any:
        m = reader.mapping({"spoken": value}, mark, what, ["spoken"], ["spoken"])
        return LanguagesCriterion(reader.texts(m, "spoken", what)) if m is not None else None

    def judge(self, c: LanguagesCriterion, posting: Posting | None) -> Judgement:
        have = {fold(s) for s in self.profile.skills}
        spoken = [language for language in c.spoken if fold(language) in have]
        rule = f"speaks one of [{', '.join(c.spoken)}]"
        if spoken:
            return judgement(Verdict.MET, rule, f"skills name {spoken[0]}", matched=spoken[0], similarity=100)
        return judgement(Verdict.UNMET, rule, "no skill names one of them")

    @classmethod
    def label(cls, c: LanguagesCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return "/".join(c.spoken)


@pytest.fixture
def languages() -> Iterator[None]:
    register(LanguagesRule)
    yield
    unregister("languages")


POSTING = """
    id: lyon-lab
    title: Research Intern
    organization: O
    required:
      - degree: {stage: phd}
      - languages: [French, German]
"""


def test_a_registered_kind_is_read_judged_explained_and_ranked(languages: None) -> None:
    assert "languages" in kinds()
    posting = posting_from(POSTING)
    assert posting.required[1].kind == "languages"
    assert rule_for(posting.required[1].criterion) is LanguagesRule

    speaks = Scorer(profile_from("degree: {stage: phd}\nskills: [Python, French]"), TODAY)
    silent = Scorer(profile_from("degree: {stage: phd}\nskills: [Python]"), TODAY)
    met, unmet = speaks.score(posting), silent.score(posting)
    assert met.eligible and met.results[1].judgement.evidence == "skills name French"
    assert not unmet.eligible and unmet.reasons == ("missing: French/German",)
    # The fast path (postings as the cache keeps them) gives the same row as the full judgement.
    [summary] = summaries([posting])
    assert speaks.standings([summary])[0].score == met.score
    assert silent.standings([summary])[0].reasons == unmet.reasons


def test_an_unregistered_kind_is_an_unknown_key_with_a_hint() -> None:
    with pytest.raises(InputError, match="unknown key 'languages'"):
        posting_from(POSTING)


def test_a_kind_cannot_be_registered_twice(languages: None) -> None:
    class Other(LanguagesRule):
        pass

    with pytest.raises(ValueError, match="'languages' is registered already"):
        register(Other)
