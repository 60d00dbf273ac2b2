"""What the judgement corpus (tests/judgements) showed a careful advisor reads and the rules did not:
programmes open only to students of some places or institutions, lists of examples, a qualified
field that is not the field it qualifies, and soft skills said in other words."""

from __future__ import annotations

from matcher.knowledge.places import gazetteer
from matcher.models import Verdict

from .conftest import judged, posting_from

EMEA_PHD = "degree: {stage: [phd], enrolled: true, enrolled_in: [EMEA]}"


# --- enrolled in a region -------------------------------------------------------------------


def test_a_student_whose_university_is_in_the_region_meets_a_regional_programme() -> None:
    j = judged(EMEA_PHD, "degree: {stage: phd, institution: University of Edinburgh, institution_location: 'Edinburgh, UK'}")
    assert j.verdict is Verdict.MET and "in EMEA" in j.evidence and "inferred" not in j.evidence


def test_a_student_at_a_university_elsewhere_does_not() -> None:
    j = judged(EMEA_PHD, "degree: {stage: phd, institution_location: 'Seattle, WA'}")
    assert j.verdict is Verdict.UNMET and "not in EMEA" in j.evidence


def test_without_a_university_location_the_current_location_is_used_and_said() -> None:
    j = judged(EMEA_PHD, "degree: {stage: phd}\nlocation: {current: 'Seattle, WA'}")
    assert j.verdict is Verdict.UNMET and "inferred from the current location 'Seattle, WA'" in j.evidence


def test_nothing_saying_where_the_student_studies_is_unknown_not_unmet() -> None:
    assert judged(EMEA_PHD, "degree: {stage: phd}").verdict is Verdict.UNKNOWN


def test_a_place_the_gazetteer_cannot_place_is_unknown() -> None:
    j = judged(EMEA_PHD, "degree: {stage: phd, institution_location: Atlantis}")
    assert j.verdict is Verdict.UNKNOWN and "not known to be in or out of EMEA" in j.evidence


def test_the_place_is_checked_after_the_stage_and_the_field_is_still_judged() -> None:
    asked = "degree: {stage: [phd], fields: [computer science], enrolled_in: [Europe]}"
    assert judged(asked, "degree: {stage: masters, institution_location: 'Paris, France'}").verdict is Verdict.UNMET
    j = judged(asked, "degree: {stage: phd, field: history, institution_location: 'Paris, France'}")
    assert j.verdict is Verdict.UNMET and "history" in j.evidence


def test_areas_larger_than_a_country_contain_their_countries_but_do_not_make_them_neighbours() -> None:
    places = gazetteer()
    assert places.similarity(places.parse("EMEA"), places.parse("Zurich, Switzerland")) == 100
    assert places.similarity(places.parse("Remote (EU)"), places.parse("Boston, MA")) == 0
    assert places.similarity(places.parse("London, UK"), places.parse("Paris, France")) == 0


# --- enrolled at an institution ------------------------------------------------------------


def test_a_partner_university_programme_reads_the_current_role_at_a_university() -> None:
    asked = "degree: {stage: [bachelors, masters, phd], enrolled_at: [LUMS]}"
    profile = """
        degree: {stage: phd}
        experience:
          - {role: PhD researcher, organization: Northeastern University, start: 2025-09, end: present, research: true}
          - {role: Undergraduate researcher, organization: LUMS, start: 2023-06, end: 2025-05, research: true}
    """
    j = judged(asked, profile)
    assert j.verdict is Verdict.UNMET and "Northeastern University" in j.evidence and "inferred" in j.evidence


def test_an_institution_matches_its_acronym() -> None:
    asked = "degree: {stage: [phd], enrolled_at: [LUMS]}"
    j = judged(asked, "degree: {stage: phd, institution: Lahore University of Management Sciences}")
    assert j.verdict is Verdict.MET


# --- examples of an area ------------------------------------------------------------------


def test_a_list_given_as_examples_is_met_by_another_kind_of_the_area() -> None:
    asked = "skills: {any: [computer vision, machine learning], examples_of: computer science}"
    profile = "degree: {stage: phd, field: human-computer interaction}\nskills: [Python]"
    assert judged(asked, profile).verdict is Verdict.MET
    assert judged("skills: {any: [computer vision, machine learning]}", profile).verdict is Verdict.UNMET


def test_examples_of_goes_with_any_only() -> None:
    from matcher.errors import InputError

    try:
        posting_from("title: T\norganization: O\nrequired:\n  - skills: {all: [C++], examples_of: programming}\n")
    except InputError as error:
        assert "examples_of" in str(error)
    else:
        raise AssertionError("examples_of with all was accepted")


# --- a qualified field is not the field ----------------------------------------------------


def test_eeg_signal_processing_is_not_met_by_audio_signal_processing() -> None:
    asked = "research_experience: {min_years: 1, fields: [eeg signal processing, brain-computer interfaces]}"
    profile = """
        degree: {stage: phd, field: electrical engineering, thesis: Speech enhancement for hearing aids}
        research_experience_years: 2.5
        publications: [{title: Low-latency speech enhancement, venue: Interspeech 2025, year: 2025}]
        skills: [signal processing]
    """
    assert judged(asked, profile).verdict is not Verdict.MET


def test_a_spelling_variant_still_matches() -> None:
    assert judged("skills: {any: [reinforcment learning]}", "degree: {stage: phd}\nskills: [reinforcement learning]").verdict is (
        Verdict.MET
    )


# --- soft skills in other words ------------------------------------------------------------


def test_soft_skills_said_in_other_words_are_met_and_said_inferred() -> None:
    j = judged("text: Strong written and verbal communication skills", "degree: {stage: phd}\nstatement: A clear writer.")
    assert j.verdict is Verdict.MET and "communication" in j.evidence and "inferred" in j.evidence
    j = judged(
        "text: A team worker with strong interpersonal skills",
        "degree: {stage: phd}\nstatement: I work well in teams and mentor students.",
    )
    assert j.verdict is Verdict.MET and "teamwork" in j.evidence


def test_a_soft_skill_the_profile_does_not_show_stays_unknown() -> None:
    j = judged("text: Strong leadership and communication skills", "degree: {stage: phd}\nstatement: A clear writer.")
    assert j.verdict is Verdict.UNKNOWN


def test_a_text_about_something_else_is_not_read_as_soft_skills() -> None:
    j = judged("text: Writing compilers for GPU kernels", "degree: {stage: phd}\nstatement: A clear writer.")
    assert j.verdict is Verdict.UNKNOWN and "soft skills" not in j.rule


# --- what the second held-out set showed (tests/judgements/holdout2.yaml) ------------------


def test_a_profile_that_lists_no_skills_is_unknown_on_skills_not_unmet() -> None:
    j = judged("skills: {any: [Python, C++]}", "degree: {stage: phd}")
    assert j.verdict is Verdict.UNKNOWN and "lists no skills" in j.evidence
    assert judged("skills: {any: [Python, C++]}", "degree: {stage: phd}\nskills: [Go]").verdict is Verdict.UNMET


def test_a_term_the_catalogue_does_not_know_still_matches_itself() -> None:
    assert judged("skills: {any: [Rocq]}", "degree: {stage: phd}\nskills: [Rocq, OCaml]").verdict is Verdict.MET


def test_enrolled_false_beside_a_current_doctoral_role_is_a_contradiction_judged_unknown() -> None:
    profile = """
        degree: {stage: phd, field: operations research, enrolled: false}
        experience:
          - {role: Doctoral researcher, organization: ETH Zurich, start: 2024-09, end: present, research: true}
    """
    j = judged("degree: {stage: [phd], enrolled: true}", profile)
    assert j.verdict is Verdict.UNKNOWN and "enrolled: false" in j.evidence and "Doctoral researcher" in j.evidence
    # ... but a field the posting does not accept is still unmet.
    assert judged("degree: {stage: [phd], fields: [history], enrolled: true}", profile).verdict is Verdict.UNMET
    assert judged("degree: {stage: [phd], enrolled: true}", "degree: {stage: phd, enrolled: false}").verdict is Verdict.UNMET


def test_a_broad_degree_field_is_met_for_a_narrower_one_when_its_research_is_there() -> None:
    asked = "degree: {stage: [phd], fields: [programming languages]}"
    profile = """
        degree: {stage: phd, field: computer science}
        experience:
          - {role: PhD student, start: 2025-09, end: present, research: true, topics: [compilers]}
    """
    j = judged(asked, profile)
    assert j.verdict is Verdict.MET and "broader than 'programming languages'" in j.evidence
    assert judged(asked, "degree: {stage: phd, field: computer science}").verdict is Verdict.UNMET


def test_free_for_much_less_than_the_term_is_unmet_not_partial() -> None:
    profile = "degree: {stage: phd}\navailability: {start: 2027-07-01, end: 2027-08-31}"
    assert judged("availability: {weeks: 12}", profile).verdict is Verdict.UNMET  # 9 of 12 weeks
    assert judged("availability: {weeks: 10}", profile).verdict is Verdict.PARTIAL  # 9 of 10


def test_a_senior_phd_student_is_one_in_the_third_year_or_later() -> None:
    asked = "text: A senior (later-year) PhD student"
    j = judged(asked, "degree: {stage: phd, year: 4}")
    assert j.verdict is Verdict.MET and "degree.year 4" in j.evidence
    assert judged(asked, "degree: {stage: phd, year: 1}").verdict is Verdict.UNMET


def test_years_of_graduate_coursework_are_read_from_a_current_role_as_a_student_when_no_year_is_given() -> None:
    asked = "text: At least one year of graduate coursework completed"
    profile = """
        degree: {stage: phd}
        experience:
          - {role: PhD student, organization: University of Michigan, start: 2024-09, end: present, research: true}
    """
    j = judged(asked, profile)
    assert j.verdict is Verdict.MET and "PhD student" in j.evidence


def test_a_start_window_is_judged_from_the_start_that_suits_the_student() -> None:
    profile = "degree: {stage: phd}\navailability: {start: 2027-07-01, end: 2027-10-31}"
    fixed = judged("availability: {start: 2027-05, weeks: 13}", profile)
    window = judged("availability: {start: 2027-05, latest_start: 2027-07, weeks: 13}", profile)
    assert fixed.verdict is Verdict.UNMET and window.verdict is Verdict.MET
    assert "or a start up to 2027-07-31" in window.rule  # a month: up to its last day


# --- what the third held-out set showed (tests/judgements/holdout3.yaml) -------------------

TIME_ZONES = "text: Physically located in the Central European or US Eastern time zone"


def test_a_time_zone_requirement_is_judged_by_where_the_candidate_lives() -> None:
    j = judged(TIME_ZONES, "degree: {stage: phd}\nlocation: {current: 'Berlin, Germany'}")
    assert j.verdict is Verdict.MET and "central european" in j.evidence
    assert judged(TIME_ZONES, "degree: {stage: phd}\nlocation: {current: 'Waterloo, ON, Canada'}").verdict is Verdict.MET


def test_living_in_another_time_zone_is_unmet_even_when_willing_to_relocate() -> None:
    profile = "degree: {stage: phd}\nlocation: {current: 'Nashville, TN', willing_to_relocate: true}"
    j = judged(TIME_ZONES, profile)
    assert j.verdict is Verdict.UNMET and "us central" in j.evidence


def test_a_time_zone_requirement_without_a_known_place_is_unknown() -> None:
    assert judged(TIME_ZONES, "degree: {stage: phd}").verdict is Verdict.UNKNOWN


def test_a_profile_silent_on_research_is_unknown_on_papers_but_a_first_year_with_none_is_unmet() -> None:
    asked = "publications: {min: 1}"
    assert judged(asked, "degree: {stage: phd}").verdict is Verdict.UNKNOWN
    assert judged(asked, "degree: {stage: phd, year: 1}\nskills: [Python]").verdict is Verdict.UNMET


# --- citizenship and the right to work ------------------------------------------------------


def test_citizenship_is_read_from_the_statement_and_said_inferred() -> None:
    j = judged("text: U.S. citizenship", "degree: {stage: bachelors}\nstatement: US citizen. I like networks.")
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence


def test_a_permanent_resident_is_not_a_citizen_but_may_work() -> None:
    profile = "degree: {stage: phd}\nstatement: I am a US permanent resident."
    assert judged("text: U.S. citizenship", profile).verdict is Verdict.UNMET
    assert judged("text: US citizen or permanent resident", profile).verdict is Verdict.MET
    assert judged("text: Authorized to work in the United States", profile).verdict is Verdict.MET


def test_the_stated_work_authorization_wins_and_areas_contain_their_countries() -> None:
    profile = "degree: {stage: phd}\nwork_authorization: {citizen_of: [France]}\nstatement: US citizen."
    j = judged("text: EU citizenship required", profile)
    assert j.verdict is Verdict.MET and "work_authorization" in j.evidence
    assert judged("text: U.S. citizenship", profile).verdict is Verdict.UNMET


def test_a_profile_silent_on_its_standing_is_unknown() -> None:
    assert judged("text: U.S. citizenship", "degree: {stage: phd}").verdict is Verdict.UNKNOWN


def test_working_across_time_zones_is_not_a_place_requirement() -> None:
    j = judged(
        "text: Comfortable working across time zones with colleagues in India",
        "degree: {stage: phd}\nlocation: {current: 'Seattle, WA'}",
    )
    assert "time zone" not in j.rule


# --- what the fifth held-out set showed (tests/judgements/holdout5.yaml) -------------------


def test_command_of_a_language_is_read_from_the_statement_with_its_level() -> None:
    profile = "degree: {stage: phd}\nstatement: Native German speaker, fluent English, basic Dutch (A2)."
    assert judged("text: Fluent in English", profile).verdict is Verdict.MET
    j = judged("text: Fluent in Dutch", profile)
    assert j.verdict is Verdict.UNMET and "basic Dutch" in j.evidence
    assert judged("text: Fluent in Dutch", "degree: {stage: phd}\nstatement: I work in English and French.").verdict is (
        Verdict.UNMET
    )
    assert judged("text: Fluent in Dutch", "degree: {stage: phd}").verdict is Verdict.UNKNOWN


def test_a_countrys_students_are_those_with_the_right_to_study_and_work_there() -> None:
    asked = "text: UK or EU student"
    assert judged(asked, "degree: {stage: bachelors}\nstatement: German citizen.").verdict is Verdict.MET
    assert judged(asked, "degree: {stage: bachelors}\nstatement: Canadian citizen.").verdict is Verdict.UNMET
