"""What the judgement corpus (tests/judgements, round 12 of the rules) showed a careful advisor reads
and the rules did not: the earth sciences under their department name and the natural sciences as a
field, class standing written as a year of a degree of some length, an English test's score against
a minimum, and a suburb in its city's metro area. Each is asserted through the public scorer, as a
posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

# --- fields: the earth sciences by their department's name, the natural sciences ---------------------


def test_meteorology_is_in_earth_and_planetary_science() -> None:
    asked = "degree: {stage: [bachelors], fields: [earth and planetary science], enrolled: true}"
    j = judged(asked, "degree: {stage: bachelors, field: meteorology, enrolled: true, year: 2}")
    assert j.verdict is Verdict.MET


def test_chemistry_and_biology_are_natural_sciences_and_computer_science_is_not() -> None:
    asked = "degree: {stage: [bachelors], fields: [natural sciences], enrolled: true}"
    for field in ("chemistry", "molecular biology", "astrophysics"):
        j = judged(asked, f"degree: {{stage: bachelors, field: {field}, enrolled: true, year: 2}}")
        assert j.verdict is Verdict.MET, field
    j = judged(asked, "degree: {stage: bachelors, field: computer science, enrolled: true, year: 2}")
    assert j.verdict is Verdict.UNMET


# --- a year of a degree of some length ---------------------------------------------------------------

THIRD_OF_FOUR = "text: In the third year of a four-year Bachelor's (or the second of a three-year one)"


def test_the_degrees_length_comes_from_the_year_and_the_expected_graduation() -> None:
    third = "degree: {stage: bachelors, enrolled: true, year: 3, expected_graduation: 2028-06}"
    j = judged(THIRD_OF_FOUR, third)
    assert j.verdict is Verdict.MET and "a 4-year degree" in j.evidence and "inferred" in j.evidence
    second_of_four = "degree: {stage: bachelors, enrolled: true, year: 2, expected_graduation: 2029-06}"
    assert judged(THIRD_OF_FOUR, second_of_four).verdict is Verdict.UNMET
    second_of_three = "degree: {stage: bachelors, enrolled: true, year: 2, expected_graduation: 2028-06}"
    assert judged(THIRD_OF_FOUR, second_of_three).verdict is Verdict.MET


def test_without_a_graduation_date_the_usual_length_where_the_student_studies_is_an_estimate() -> None:
    in_ohio = "degree: {stage: bachelors, enrolled: true, year: 3, institution_location: 'Columbus, OH'}"
    j = judged(THIRD_OF_FOUR, in_ohio)
    assert j.verdict is Verdict.MET and "estimated" in j.evidence
    # A UK bachelor's takes three years or four: a second-year is the second of three, or not.
    in_the_uk = "degree: {stage: bachelors, enrolled: true, year: 2, institution_location: 'Leeds, UK'}"
    assert judged(THIRD_OF_FOUR, in_the_uk).verdict is Verdict.UNKNOWN


def test_a_student_at_another_stage_is_not_in_a_year_of_the_bachelors() -> None:
    assert judged(THIRD_OF_FOUR, "degree: {stage: phd, enrolled: true, year: 3}").verdict is Verdict.UNMET


# --- years of a bachelor's completed --------------------------------------------------------------------

ONE_YEAR_DONE = "text: Has completed at least one full year of a Bachelor's degree programme at the time of application"


def test_years_done_when_applying_are_the_years_before_the_current_one() -> None:
    j = judged(ONE_YEAR_DONE, "degree: {stage: bachelors, year: 2}")
    assert j.verdict is Verdict.MET and "when applying" in j.rule
    assert judged(ONE_YEAR_DONE, "degree: {stage: bachelors, enrolled: true, year: 1}").verdict is Verdict.UNMET


def test_a_graduate_student_has_done_the_bachelors() -> None:
    assert judged(ONE_YEAR_DONE, "degree: {stage: masters, enrolled: true, year: 1}").verdict is Verdict.MET
    graduate_coursework = "text: At least one year of graduate coursework completed"
    assert judged(graduate_coursework, "degree: {stage: bachelors, enrolled: true, year: 4}").verdict is Verdict.UNMET


# --- English test scores against a minimum ---------------------------------------------------------------

TOEFL_OR_IELTS = "text: TOEFL iBT 90 or IELTS 6.5 minimum"


def test_a_score_on_the_test_asked_meets_its_minimum_by_the_number() -> None:
    j = judged(TOEFL_OR_IELTS, "degree: {stage: masters}\nstatement: I scored 104 on the TOEFL iBT in 2025.")
    assert j.verdict is Verdict.MET and "inferred from the statement: TOEFL iBT 104" in j.evidence
    low = "degree: {stage: masters}\nstatement: IELTS 6.0 overall."
    assert judged(TOEFL_OR_IELTS, low).verdict is Verdict.UNMET


def test_a_score_on_another_test_is_compared_through_its_cefr_level() -> None:
    asked = "text: A minimum TOEFL iBT score of 80"
    assert judged(asked, "degree: {stage: phd}\nstatement: IELTS 7.5").verdict is Verdict.MET  # C1 against B2
    same_level = judged(asked, "degree: {stage: phd}\nstatement: Duolingo English Test 105")  # B2 against B2
    assert same_level.verdict is Verdict.UNKNOWN and "too close to call" in same_level.evidence


def test_tests_named_without_a_minimum_are_met_by_any_score_and_years_are_not_scores() -> None:
    asked = "text: English proficiency (TOEFL or IELTS scores unless the last 8 years were English-medium)"
    assert judged(asked, "degree: {stage: bachelors}\nstatement: TOEFL 95").verdict is Verdict.MET
    j = judged(asked, "degree: {stage: bachelors}\nstatement: I will sit the IELTS in March.")
    assert j.verdict is Verdict.UNKNOWN


# --- metro areas from their own data file ------------------------------------------------------------------


def test_a_suburb_is_in_its_citys_metro_area_so_no_move_is_needed() -> None:
    stays_home = "degree: {stage: phd}\nlocation: {current: 'Philadelphia, PA', willing_to_relocate: false}"
    assert judged("location: {on_site: ['Bala Cynwyd, PA']}", stays_home).verdict is Verdict.MET
    in_maryland = "degree: {stage: phd}\nlocation: {current: 'Washington, DC', willing_to_relocate: false}"
    assert judged("location: {on_site: ['Bethesda, MD']}", in_maryland).verdict is Verdict.MET


def test_a_name_several_places_share_is_not_taken_for_a_suburb() -> None:
    from matcher.knowledge.places import gazetteer

    assert gazetteer().parse("Vienna, Austria").metro != "washington"  # Austria's Vienna is a metro area of its own
    assert gazetteer().parse("Vienna").regions == frozenset()


# --- a statement in line with a mission or a project the posting names ----------------------------------------

MISSION = "text: Passionate about Orbitline's mission to make space safe, sustainable and secure"


def test_a_sentence_of_intent_that_speaks_to_the_missions_words_meets_it() -> None:
    j = judged(MISSION, "degree: {stage: masters}\nstatement: I want to work on keeping orbits safe and sustainable in space.")
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence and "mission" in j.rule


def test_a_statement_about_something_else_or_a_mission_without_words_stays_unknown() -> None:
    other = "degree: {stage: masters}\nstatement: I want to build recommender systems."
    assert judged(MISSION, other).verdict is Verdict.UNKNOWN
    done_not_planned = "degree: {stage: masters}\nstatement: I studied space safety and sustainable orbits."
    assert judged(MISSION, done_not_planned).verdict is Verdict.UNKNOWN


def test_a_proposal_aligned_with_a_named_project_is_read_up_to_its_examples() -> None:
    asked = "text: Proposed research aligned with an ongoing HELIOS project at the lab (PV, grid integration or CSP)"
    proposes = "degree: {stage: phd}\nstatement: I would propose a project extending the lab's HELIOS perovskite project."
    assert judged(asked, proposes).verdict is Verdict.MET


# --- plans: career goals in science --------------------------------------------------------------------------------


def test_thinking_of_a_scientific_career_is_a_plan_a_phd_intention_shows() -> None:
    asked = "text: Thinking of long-term career goals in a scientific area"
    j = judged(asked, "degree: {stage: bachelors}\nstatement: I intend to do a PhD in chemistry and make a career in research.")
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence


# --- production ML pipelines are MLOps, not machine learning in general ------------------------------------------

PIPELINES = "text: Experience with production ML pipelines (dataset creation, labeling, training, metrics)"


def test_machine_learning_research_does_not_show_production_pipelines() -> None:
    thesis = "degree: {stage: masters, field: electrical engineering, thesis: Deep learning for 3D object detection}"
    assert judged(PIPELINES, thesis + "\nskills: [PyTorch, machine learning]").verdict is Verdict.UNKNOWN


def test_experiment_tracking_and_mlops_show_them() -> None:
    j = judged(PIPELINES, "degree: {stage: masters}\nskills: [MLflow, Python]")
    assert j.verdict is Verdict.MET and "mlops" in j.evidence


# --- wordings a fresh set will use: years of a stage, numbered years, floors, shared place names ---------------------

SECOND_OR_THIRD = "text: A second- or third-year undergraduate student"


def test_years_of_a_stage_are_read_against_the_year_and_the_stage() -> None:
    assert judged(SECOND_OR_THIRD, "degree: {stage: bachelors, enrolled: true, year: 3}").verdict is Verdict.MET
    assert judged(SECOND_OR_THIRD, "degree: {stage: bachelors, enrolled: true, year: 4}").verdict is Verdict.UNMET
    assert judged(SECOND_OR_THIRD, "degree: {stage: masters, enrolled: true, year: 1}").verdict is Verdict.UNMET
    in_their_years = "text: PhD students in their first to third year"
    assert judged(in_their_years, "degree: {stage: phd, enrolled: true, year: 2}").verdict is Verdict.MET


def test_a_numbered_year_of_a_degree_of_some_length() -> None:
    asked = "text: Currently in year 2 or 3 of a 4-year undergraduate degree"
    third = "degree: {stage: bachelors, enrolled: true, year: 3, expected_graduation: 2028-06}"
    assert judged(asked, third).verdict is Verdict.MET


def test_years_excluded_are_not_years_asked() -> None:
    excluded = "text: First-year PhD students are not eligible"
    assert judged(excluded, "degree: {stage: phd, enrolled: true, year: 1}").verdict is not Verdict.MET


def test_a_score_ending_a_sentence_is_read_and_a_research_career_is_a_plan() -> None:
    asked = "text: Minimum IELTS 7.0 (no band below 6.5) or equivalent"
    assert judged(asked, "degree: {stage: phd}\nstatement: My IELTS overall band is 7.5.").verdict is Verdict.MET
    career = "text: Interest in a career in scientific research"
    assert judged(career, "degree: {stage: bachelors}\nstatement: I plan to apply to PhD programmes.").verdict is Verdict.MET


def test_a_proposal_that_fits_an_agenda_is_read_without_with() -> None:
    asked = "text: A research proposal that fits the lab's agenda on climate risk"
    plans = "degree: {stage: phd}\nstatement: I plan to study climate risk in mortgage markets."
    assert judged(asked, plans).verdict is Verdict.MET


def test_a_shared_place_name_is_in_a_metro_area_when_its_region_is_written() -> None:
    from matcher.knowledge.places import gazetteer

    stays_in_boston = "degree: {stage: phd}\nlocation: {current: 'Boston, MA', willing_to_relocate: false}"
    assert judged("location: {on_site: ['Cambridge, MA']}", stays_in_boston).verdict is Verdict.MET
    assert gazetteer().parse("Cambridge, UK").metro not in (None, "boston")  # the English Cambridge, its own metro area
    assert gazetteer().parse("Vienna, VA").metro == "washington" and gazetteer().parse("Vienna, Austria").metro != "washington"


# --- class standing from the graduating year ---------------------------------------------------------------------------


def test_a_year_is_counted_back_from_the_graduation_where_the_programme_has_one_usual_length() -> None:
    in_ohio = "degree: {stage: bachelors, enrolled: true, expected_graduation: 2028-05, institution_location: 'Columbus, OH'}"
    j = judged("text: Junior standing", in_ohio)
    assert j.verdict is Verdict.MET and "estimated" in j.evidence and "expected_graduation 2028-05" in j.evidence
    # A UK bachelor's takes three years or four: the year cannot be counted back.
    in_leeds = "degree: {stage: bachelors, enrolled: true, expected_graduation: 2028-05, institution_location: 'Leeds, UK'}"
    assert judged("text: Junior standing", in_leeds).verdict is Verdict.UNKNOWN


def test_a_class_year_is_a_graduation_window() -> None:
    later = "degree: {stage: bachelors, enrolled: true, expected_graduation: 2030-05}"
    assert judged("text: Class of 2028", later).verdict is Verdict.UNMET


def test_proposals_and_model_fitting_name_nothing_to_be_aligned_with() -> None:
    asked = "text: Experience writing grant proposals and fitting statistical models"
    plans = "degree: {stage: phd}\nstatement: I want to build statistical models of climate."
    assert "proposal aligned" not in judged(asked, plans).rule


def test_a_company_suffix_is_not_an_english_test() -> None:
    asked = "text: Work authorisation in Singapore (sponsored by Acme Pte Ltd)"
    assert "English test" not in judged(asked, "degree: {stage: phd}\nstatement: TOEFL 100").rule


def test_toefl_and_ielts_are_compared_through_their_concordance_table() -> None:
    ielts_seven = "text: Minimum IELTS 7.0 (no band below 6.5) or equivalent"
    assert judged(ielts_seven, "degree: {stage: phd}\nstatement: TOEFL iBT 112.").verdict is Verdict.MET
    assert judged(ielts_seven, "degree: {stage: phd}\nstatement: TOEFL iBT 90.").verdict is Verdict.UNMET
    toefl_hundred = "text: TOEFL iBT 100 minimum"
    assert judged(toefl_hundred, "degree: {stage: phd}\nstatement: IELTS 7.5").verdict is Verdict.MET
    # IELTS 7.0 stands for TOEFL iBT 94 to 101: it may or may not reach 100.
    assert judged(toefl_hundred, "degree: {stage: phd}\nstatement: IELTS 7.0").verdict is Verdict.UNKNOWN


def test_years_of_a_stage_in_its_short_and_possessive_names() -> None:
    assert judged("text: A second-year undergrad", "degree: {stage: bachelors, enrolled: true, year: 2}").verdict is Verdict.MET
    asked = "text: Master's students in their first or second year"
    assert judged(asked, "degree: {stage: masters, enrolled: true, year: 1}").verdict is Verdict.MET
