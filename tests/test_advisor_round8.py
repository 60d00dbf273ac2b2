"""What the judgement corpus (tests/judgements, round 8 of the rules, from holdout7's misses) showed a
careful advisor reads and the rules did not: a commitment of some weeks asked in prose, how far into
a PhD or a bachelor's a student is in other words, communicating through papers, soft skills said
otherwise, a programme the student already took part in, and a skill shown by research in it. Each
is asserted through the public scorer, as a posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Judgement, Verdict
from matcher.scoring import score_posting

from .conftest import TODAY, posting_from, profile_from


def judged(qualification: str, profile: str) -> Judgement:
    posting = posting_from(f"title: T\norganization: O\nrequired:\n  - {qualification}\n")
    return score_posting(posting, profile_from(profile), TODAY).results[0].judgement


# --- a commitment of some weeks, asked in prose ----------------------------------------------

COMMIT = "text: Able to commit to a 12-week summer internship"


def test_a_summer_window_longer_than_asked_meets_a_commitment_and_says_inferred() -> None:
    j = judged(COMMIT, "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-09-15}")
    assert j.verdict is Verdict.MET and "inferred from availability" in j.evidence


def test_a_window_too_short_or_in_another_season_does_not_meet_it() -> None:
    short = judged(COMMIT, "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-07-31}")
    assert short.verdict is Verdict.UNMET and "fewer than 12 weeks" in short.evidence
    southern = judged(COMMIT, "degree: {stage: bachelors}\navailability: {start: 2027-11-15, end: 2028-02-28}")
    assert southern.verdict is Verdict.UNMET and "not free in the summer" in southern.evidence


def test_a_commitment_without_a_season_is_judged_by_the_windows_length() -> None:
    asked = "text: Available for at least 6 months"
    assert judged(asked, "degree: {stage: masters}\navailability: {start: 2027-02-01, end: 2027-08-31}").verdict is Verdict.MET
    assert judged(asked, "degree: {stage: masters}\navailability: {start: 2027-06-01, end: 2027-08-31}").verdict is Verdict.UNMET


def test_no_availability_leaves_a_commitment_unknown_and_experience_is_not_a_commitment() -> None:
    assert judged(COMMIT, "degree: {stage: phd}\nstatement: Happy to do a summer internship.").verdict is Verdict.UNKNOWN
    j = judged("text: 6 months of industry experience", "degree: {stage: phd}\navailability: {start: 2027-01-01}")
    assert "commitment" not in j.rule
