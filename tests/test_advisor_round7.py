"""What the judgement corpus (tests/judgements, round 7 of the rules) showed a careful advisor reads
and the rules did not: the European Union is not Europe, students from abroad, grade thresholds,
stated plans, where in a programme a student stands, related degree fields, and skills a statement
names. Each is asserted through the public scorer, as a posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

# --- the European Union is not Europe ------------------------------------------------------


def test_uk_or_eu_students_exclude_a_swiss_citizen_but_take_a_german_one() -> None:
    asked = "text: UK or EU student"
    assert judged(asked, "degree: {stage: bachelors}\nstatement: Swiss citizen.").verdict is Verdict.UNMET
    assert judged(asked, "degree: {stage: bachelors}\nstatement: EU citizen (Irish).").verdict is Verdict.MET
    assert judged(asked, "degree: {stage: bachelors}\nstatement: German citizen.").verdict is Verdict.MET


# --- students from abroad --------------------------------------------------------------------

ABROAD = "text: International student at an overseas (non-Singapore) university"


def test_a_student_at_a_university_in_the_host_country_is_not_from_overseas() -> None:
    profile = "degree: {stage: masters, institution: NUS, institution_location: Singapore}\nstatement: Singapore citizen."
    j = judged(ABROAD, profile)
    assert j.verdict is Verdict.UNMET and "Singapore" in j.evidence


def test_a_student_at_a_university_abroad_is_an_international_student_from_overseas() -> None:
    profile = "degree: {stage: bachelors, institution_location: 'Columbus, OH'}\nstatement: US citizen."
    j = judged(ABROAD, profile)
    assert j.verdict is Verdict.MET and "Columbus" in j.evidence


def test_where_the_student_lives_stands_in_for_the_university_and_is_said_inferred() -> None:
    j = judged(ABROAD, "degree: {stage: masters}\nlocation: {current: 'Zurich, Switzerland'}")
    assert j.verdict is Verdict.MET and "inferred" in j.evidence


def test_a_citizen_of_the_host_country_studying_abroad_is_not_an_international_student() -> None:
    profile = "degree: {stage: masters, institution_location: 'Boston, MA'}\nstatement: Singaporean citizen."
    assert judged(ABROAD, profile).verdict is Verdict.UNMET


def test_nothing_saying_where_the_student_studies_leaves_it_unknown() -> None:
    assert judged(ABROAD, "degree: {stage: masters}").verdict is Verdict.UNKNOWN


# --- grade thresholds ----------------------------------------------------------------------


def test_a_gpa_well_above_a_classs_equivalent_meets_it_and_is_said_inferred() -> None:
    asked = "text: Aiming to achieve a strong 2:1 or first class degree"
    j = judged(asked, "degree: {stage: bachelors}\nstatement: GPA 3.92/4.0.")
    assert j.verdict is Verdict.MET and "inferred" in j.evidence and "3.92" in j.evidence


def test_a_class_meets_the_same_or_a_lower_class_and_not_a_higher_one() -> None:
    profile = "degree: {stage: masters}\nstatement: BSc with Second-Class (Upper) Honours."
    assert judged("text: Second-Class (Upper) Honours or equivalent", profile).verdict is Verdict.MET
    assert judged("text: A first class degree", profile).verdict is Verdict.UNMET


def test_a_gpa_below_the_threshold_is_unmet_and_one_too_close_to_call_is_unknown() -> None:
    assert judged("text: GPA of 3.5 or higher", "degree: {stage: bachelors}\nstatement: GPA 3.1/4.0").verdict is Verdict.UNMET
    assert judged("text: A 2:1 or equivalent", "degree: {stage: bachelors}\nstatement: GPA 3.2/4.0").verdict is Verdict.UNKNOWN


def test_a_profile_stating_no_grade_is_unknown_on_a_grade() -> None:
    assert judged("text: A 2:1 or equivalent", "degree: {stage: bachelors}\nstatement: I like maths.").verdict is Verdict.UNKNOWN


# --- stated plans ----------------------------------------------------------------------------


def test_a_plan_to_apply_to_phd_programmes_meets_an_interest_in_a_phd_and_is_said_inferred() -> None:
    profile = "degree: {stage: bachelors}\nstatement: GPA 3.9. I plan to apply to PhD programmes in applied probability."
    j = judged("text: Interested in the possibility of undertaking a PhD", profile)
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence
    assert judged("text: Strong interest in a research career", profile).verdict is Verdict.MET


def test_a_phd_student_has_settled_an_interest_in_a_phd() -> None:
    j = judged("text: Interested in pursuing a PhD", "degree: {stage: phd, enrolled: true}")
    assert j.verdict is Verdict.MET and "already enrolled in a PhD" in j.evidence


def test_a_statement_silent_on_plans_is_unknown_not_unmet() -> None:
    profile = "degree: {stage: masters}\nstatement: Singapore citizen, fluent in English."
    assert judged("text: Strong interest in a research career", profile).verdict is Verdict.UNKNOWN


def test_an_interest_in_a_topic_is_not_a_plan() -> None:
    profile = "degree: {stage: bachelors}\nstatement: I plan to apply to PhD programmes."
    j = judged("text: A PhD student with an interest in recommender systems", profile)
    assert "plans" not in j.rule


# --- where in a programme a student stands ------------------------------------------------------


def test_about_to_enter_the_final_year_is_the_year_before_it() -> None:
    asked = "text: About to enter the final year of undergraduate study"
    third_of_four = "degree: {stage: bachelors, enrolled: true, year: 3, expected_graduation: 2028-05}"
    assert judged(asked, third_of_four).verdict is Verdict.MET
    final = "degree: {stage: bachelors, enrolled: true, year: 4, expected_graduation: 2027-05}"
    assert judged(asked, final).verdict is Verdict.UNMET


def test_a_phds_year_is_read_against_the_usual_length_where_the_student_studies() -> None:
    asked = "text: In the penultimate or final year of the PhD"
    swiss = "degree: {stage: phd, enrolled: true, year: 2, institution_location: 'Zurich, Switzerland'}"
    j = judged(asked, swiss)
    assert j.verdict is Verdict.UNMET and "switzerland" in j.evidence and "estimated" in j.evidence
    british = "degree: {stage: phd, enrolled: true, year: 3, institution_location: 'Edinburgh, UK'}"
    assert judged(asked, british).verdict is Verdict.MET
    # Nowhere said: the widest range, and year 2 may or may not be the penultimate year.
    assert judged(asked, "degree: {stage: phd, enrolled: true, year: 2}").verdict is Verdict.UNKNOWN


# --- related degree fields -----------------------------------------------------------------------


def test_a_computational_neighbour_of_a_named_field_is_partial_when_related_fields_are_taken() -> None:
    asked = "degree: {stage: [masters], fields: [computer science, machine learning], related_fields: true}"
    j = judged(asked, "degree: {stage: masters, field: computational chemistry}")
    assert j.verdict is Verdict.PARTIAL and "partly related" in j.evidence


def test_a_partly_related_field_is_unmet_when_the_posting_takes_only_the_fields_it_names() -> None:
    asked = "degree: {stage: [masters], fields: [computer science, machine learning]}"
    assert judged(asked, "degree: {stage: masters, field: computational chemistry}").verdict is Verdict.UNMET


def test_economics_is_partly_related_to_mathematics_but_not_to_computer_science() -> None:
    maths = "degree: {stage: [phd], fields: [mathematics, physics], related_fields: true}"
    assert judged(maths, "degree: {stage: phd, field: economics}").verdict is Verdict.PARTIAL
    computing = "degree: {stage: [phd], fields: [computer science, robotics], related_fields: true}"
    assert judged(computing, "degree: {stage: phd, field: economics}").verdict is Verdict.UNMET


# --- venues the catalogue lacked ------------------------------------------------------------------


def test_a_quantum_computing_venue_is_known_and_meets_a_posting_naming_it() -> None:
    asked = "publications: {venues: [QIP, TQC, IEEE QCE], min: 1}"
    profile = "degree: {stage: phd}\npublications:\n  - {title: Distributed QEC, venue: IEEE QCE 2024, year: 2024}"
    assert judged(asked, profile).verdict is Verdict.MET


def test_siggraph_asia_is_a_graphics_venue_of_its_own() -> None:
    asked = "publications: {areas: [graphics], min: 1}"
    profile = "degree: {stage: phd}\npublications:\n  - {title: Neural shading, venue: SIGGRAPH Asia 2025, year: 2025}"
    j = judged(asked, profile)
    assert j.verdict is Verdict.MET and "SIGGRAPH Asia" in j.evidence


# --- a degree already completed ---------------------------------------------------------------------

COMPLETED = "text: Completed a bachelor's degree or higher by the time the program starts"


def test_a_student_in_a_later_programme_holds_the_first_degree() -> None:
    j = judged(COMPLETED, "degree: {stage: phd, enrolled: true, year: 4}")
    assert j.verdict is Verdict.MET and "holds a Bachelors" in j.evidence


def test_a_bachelors_student_graduating_after_the_summer_has_not_completed_it() -> None:
    j = judged(COMPLETED, "degree: {stage: bachelors, enrolled: true, year: 3, expected_graduation: 2028-05}")
    assert j.verdict is Verdict.UNMET
    graduating = "degree: {stage: bachelors, enrolled: true, year: 4, expected_graduation: 2027-05}"
    assert judged(COMPLETED, graduating).verdict is Verdict.MET


# --- level words -----------------------------------------------------------------------------------


def test_a_level_word_is_not_a_topic_to_find() -> None:
    # "advanced" says how well, not what: statistics, the one topic the profile shows of the two.
    j = judged("text: Advanced understanding of statistics and algorithms", "degree: {stage: phd}\nskills: [statistics, R]")
    assert j.verdict is Verdict.MET and "statistics" in j.evidence
