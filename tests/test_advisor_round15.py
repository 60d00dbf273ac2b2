"""What holdout14 (tests/judgements, scored once on round 14's rules) showed a careful advisor
reads and the rules did not. Asserted through the public scorer."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

PENULTIMATE = "text: You must be in your penultimate year of graduate study"


def test_the_penultimate_year_alone_excludes_a_student_in_the_final_year() -> None:
    final_year = "degree: {stage: phd, enrolled: true, expected_graduation: 2027-08}"
    assert judged(PENULTIMATE, final_year).verdict is Verdict.UNMET
    penultimate = "degree: {stage: phd, enrolled: true, expected_graduation: 2028-06}"
    assert judged(PENULTIMATE, penultimate).verdict is Verdict.MET


def test_penultimate_or_final_still_takes_both() -> None:
    ask = "text: In the penultimate or final year of the degree"
    final_year = "degree: {stage: phd, enrolled: true, expected_graduation: 2027-08}"
    assert judged(ask, final_year).verdict is Verdict.MET


def test_either_of_two_languages_is_enough() -> None:
    ask = "text: A working language of either English or Portuguese, able to write and collaborate in it"
    english = "degree: {stage: masters}\nstatement: I speak Kinyarwanda, English and French."
    j = judged(ask, english)
    assert j.verdict is Verdict.MET and "English or Portuguese" in j.rule
    both = "text: Fluent in English and Portuguese"
    assert judged(both, english).verdict is Verdict.UNMET


def test_where_the_statement_says_the_candidate_lives_meets_a_posting_there() -> None:
    lives = "degree: {stage: bachelors}\nstatement: I am a US citizen and live in College Park."
    j = judged("location: {on_site: [College Park, MD]}", lives)
    assert j.verdict is Verdict.MET and "live in College Park" in j.evidence


def test_ros_2_written_with_a_space_is_ros() -> None:
    ask = "skills: {any: [ROS 2]}"
    assert judged(ask, "degree: {stage: masters}\nskills: [ROS, C++]").verdict is Verdict.MET
