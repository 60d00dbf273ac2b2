"""What holdout12 and holdout13 (tests/judgements, each scored once on the rules before it) showed a
careful advisor reads and the rules did not (rounds 13 and 14 of the rules): a standing asked of
undergraduates only does not apply to a graduate student; facts a profile gives only in its
statement; places in any country; a text whose ask depends on the degree stage; groups, approvals
and referees only the candidate can name. Asserted through the public scorer."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

SENIOR_IF_UNDERGRADUATE = "text: If an undergraduate, a senior (in the final years of the bachelor's)"


def test_a_standing_asked_of_undergraduates_only_does_not_apply_to_a_masters_student() -> None:
    j = judged(SENIOR_IF_UNDERGRADUATE, "degree: {stage: masters, enrolled: true}")
    assert j.verdict is Verdict.MET
    assert "asked of Bachelors students only" in j.rule


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


# Facts a profile gives only in its statement (holdout12: a bioengineering PhD whose statement gives
# her summer and her willingness to move, and no fields for either).

STATEMENT_ONLY = """degree: {stage: phd, enrolled: true, institution: Boston University}
statement: >
  I want to spend summer 2027 (May through August) at a small biotech company, and I am happy to
  move anywhere in the US for it."""


def test_availability_is_read_from_the_statement_when_no_field_gives_it() -> None:
    j = judged("availability: {start: 2027-05, latest_start: 2027-06, weeks: 12}", STATEMENT_ONLY)
    assert j.verdict is Verdict.MET
    assert "inferred from the statement: 'May through August'" in j.evidence


def test_a_window_the_statement_rules_out_is_not_read_as_free() -> None:
    busy = "degree: {stage: phd}\nstatement: I am not available from June to August."
    assert judged("availability: {start: 2027-06, weeks: 12}", busy).verdict is Verdict.UNKNOWN


def test_a_latest_start_month_runs_to_its_last_day() -> None:
    free_mid_may = "degree: {stage: bachelors}\navailability: {start: 2027-05-17, end: 2027-08-20}"
    j = judged("availability: {start: 2027-04, latest_start: 2027-05, weeks: 12}", free_mid_may)
    assert j.verdict is Verdict.MET


def test_willingness_to_move_within_a_country_is_read_from_the_statement() -> None:
    assert judged("location: {on_site: [United States]}", STATEMENT_ONLY).verdict is Verdict.MET
    elsewhere = judged("location: {on_site: [Zurich, Switzerland]}", STATEMENT_ONLY)
    assert elsewhere.verdict is Verdict.UNKNOWN
    assert "anywhere in the US" in elsewhere.evidence


def test_a_statement_refusing_to_leave_a_city_misses_postings_elsewhere() -> None:
    staying = "degree: {stage: phd}\nstatement: I cannot relocate away from Edinburgh in 2027."
    assert judged("location: {on_site: [Edinburgh, UK]}", staying).verdict is Verdict.MET
    assert judged("location: {on_site: [London, UK]}", staying).verdict is Verdict.UNMET


def test_where_a_student_studies_is_inferred_from_a_city_the_institution_is_named_after() -> None:
    j = judged("degree: {stage: [phd], enrolled: true, enrolled_in: [United States]}", STATEMENT_ONLY)
    assert j.verdict is Verdict.MET
    assert "inferred from the institution's name 'Boston University'" in j.evidence


# Soft skills shown in a statement's own words (holdout12).


def test_several_soft_skills_with_nothing_technical_are_judged_as_soft_skills() -> None:
    owner = """degree: {stage: phd}
statement: I like owning a problem from the first failing test to the merged patch, and I post blockers
  early at our group's stand-ups."""
    ask = "text: Self-motivated; works a problem from start to finish, autonomously, sharing blockers with the team"
    j = judged(ask, owner)
    assert j.verdict is Verdict.MET
    assert "independence" in j.evidence and "teamwork" in j.evidence


def test_a_wish_to_learn_is_shown_by_teaching_oneself_not_by_a_library_name() -> None:
    ask = "text: A strong desire to learn, shown through personal projects or self-directed learning"
    self_taught = "degree: {stage: masters}\nstatement: I taught myself exploitation from CTF write-ups."
    assert judged(ask, self_taught).verdict is Verdict.MET
    library_only = "degree: {stage: masters}\nskills: [scikit-learn, self-supervised learning]"
    assert judged(ask, library_only).verdict is Verdict.UNKNOWN


# A text whose ask depends on the degree stage (holdout13).

STAGE_ALTERNATIVES = (
    "text: A Bachelor's student who has completed 3 years of the programme, or a Master's student who has "
    "completed 1 year, by 31 May 2027"
)


def test_a_condition_on_another_stage_does_not_ask_anything_of_the_student() -> None:
    ask = "text: If still a Bachelor's student, in the final year of the Bachelor's when the internship starts"
    j = judged(ask, "degree: {stage: phd, enrolled: true, year: 3}")
    assert j.verdict is Verdict.MET
    assert "asked of Bachelors students only" in j.rule
    second_year = judged(ask, "degree: {stage: bachelors, enrolled: true, year: 2, expected_graduation: 2029-06}")
    assert second_year.verdict is Verdict.UNMET


def test_a_student_is_judged_on_the_alternative_for_their_stage() -> None:
    masters_second_year = "degree: {stage: masters, enrolled: true, year: 2}"
    assert judged(STAGE_ALTERNATIVES, masters_second_year).verdict is Verdict.MET
    bachelors_second_year = "degree: {stage: bachelors, enrolled: true, year: 2, expected_graduation: 2029-06}"
    assert judged(STAGE_ALTERNATIVES, bachelors_second_year).verdict is Verdict.UNMET


def test_years_completed_said_of_a_student_are_read_against_the_year_of_the_programme() -> None:
    ask = "text: A Master's student who has completed 1 year of the programme"
    assert judged(ask, "degree: {stage: masters, enrolled: true, year: 1}").verdict is Verdict.MET
    assert judged(ask, "degree: {stage: bachelors, enrolled: true, year: 3}").verdict is Verdict.UNMET


def test_between_academic_years_asks_for_a_student_returning_after_the_summer() -> None:
    ask = "text: Currently between academic years of the current degree programme"
    continuing = "degree: {stage: bachelors, enrolled: true, expected_graduation: 2028-06}"
    assert judged(ask, continuing).verdict is Verdict.MET
    finishing = "degree: {stage: bachelors, enrolled: true, expected_graduation: 2027-06}"
    assert judged(ask, finishing).verdict is Verdict.UNMET


def test_belonging_to_a_group_is_taken_from_the_candidates_own_words_and_never_denied() -> None:
    ask = "text: Self-identifies as having a disability (broadly defined)"
    says_so = "degree: {stage: bachelors}\nstatement: I am dyslexic and have ADHD, and I count myself as disabled."
    j = judged(ask, says_so)
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence
    silent = "degree: {stage: bachelors}\nstatement: I build accessible apps."
    assert judged(ask, silent).verdict is Verdict.UNKNOWN
    skill = "text: Experience designing for people with disabilities"
    assert "self-identification" not in judged(skill, says_so).rule


def test_an_engineering_discipline_outside_computing_is_another_field_not_an_unknown_one() -> None:
    ask = "degree: {stage: [bachelors], fields: [computer science], related_fields: true}"
    mechanical = judged(ask, "degree: {stage: bachelors, field: mechanical engineering}")
    assert mechanical.verdict is Verdict.UNMET
    science = "degree: {stage: [bachelors], fields: [physics], related_fields: true}"
    assert judged(science, "degree: {stage: bachelors, field: aerospace engineering}").verdict is Verdict.PARTIAL


def test_a_student_placed_in_any_country_is_known_to_be_in_or_out_of_the_one_asked() -> None:
    ask = "degree: {stage: [bachelors, masters], enrolled: true, enrolled_in: [India]}"
    nairobi = "degree: {stage: bachelors, enrolled: true}\nlocation: {current: 'Nairobi, Kenya'}"
    assert judged(ask, nairobi).verdict is Verdict.UNMET
    in_africa = "degree: {stage: [bachelors], enrolled: true, enrolled_in: [Africa]}"
    assert judged(in_africa, nairobi).verdict is Verdict.MET


def test_a_commute_the_statement_vouches_for_meets_a_place_the_candidate_will_not_move_to() -> None:
    commuter = """degree: {stage: phd}
location: {current: "Edinburgh, UK", willing_to_relocate: false}
statement: I cannot move away from Edinburgh, but the train to Glasgow takes under an hour and I can commute."""
    j = judged("location: {on_site: [Glasgow, UK]}", commuter)
    assert j.verdict is Verdict.MET and "commute" in j.evidence
    assert judged("location: {on_site: [London, UK]}", commuter).verdict is Verdict.UNMET
