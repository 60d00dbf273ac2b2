"""What holdout12 (tests/judgements, scored once on round 12's rules) showed a careful advisor reads
and the rules did not: a standing asked of undergraduates only ("if an undergraduate, a senior")
does not apply to a graduate student. Asserted through the public scorer."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

SENIOR_IF_UNDERGRADUATE = "text: If an undergraduate, a senior (in the final years of the bachelor's)"


def test_a_standing_asked_of_undergraduates_only_does_not_apply_to_a_masters_student() -> None:
    j = judged(SENIOR_IF_UNDERGRADUATE, "degree: {stage: masters, enrolled: true}")
    assert j.verdict is Verdict.MET
    assert "undergraduates only" in j.rule


def test_it_still_applies_to_an_undergraduate() -> None:
    second_year = "degree: {stage: bachelors, enrolled: true, year: 2}"
    assert judged(SENIOR_IF_UNDERGRADUATE, second_year).verdict is Verdict.UNMET
    fourth_year = "degree: {stage: bachelors, enrolled: true, year: 4}"
    assert judged(SENIOR_IF_UNDERGRADUATE, fourth_year).verdict is Verdict.MET


def test_a_standing_asked_of_everyone_still_excludes_a_masters_student() -> None:
    j = judged("text: Undergraduates with junior or senior standing", "degree: {stage: masters, enrolled: true}")
    assert j.verdict is Verdict.UNMET


def test_a_senior_in_the_final_years_takes_the_last_two_years_of_a_bachelors() -> None:
    third_year = "degree: {stage: bachelors, enrolled: true, year: 3}"
    assert judged(SENIOR_IF_UNDERGRADUATE, third_year).verdict is Verdict.MET
    assert judged("text: Undergraduates with senior standing", third_year).verdict is Verdict.UNMET
