"""What the judgement corpus (tests/judgements, round 11 of the rules) showed a careful advisor reads
and the rules did not: a range of years up to the final one, a graduation month read to its end,
class standing (sophomore, junior), membership of an international organisation, an age limit, the
floor of a range of months as a minimum, and causal inference as statistics rather than machine
learning. Each is asserted through the public scorer, as a posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict
from matcher.scoring import score_posting

from .conftest import TODAY, judged, posting_from, profile_from

# --- years of the programme, up to the final one -------------------------------------------------

SECOND_TO_FINAL = "text: Advanced PhD student, typically between the second and the final year"


def test_a_range_up_to_the_final_year_is_met_by_any_year_in_it_not_the_final_year_alone() -> None:
    third_year = "degree: {stage: phd, enrolled: true, year: 3, expected_graduation: 2028-12}"
    j = judged(SECOND_TO_FINAL, third_year)
    assert j.verdict is Verdict.MET and "degree.year 3" in j.evidence


def test_a_first_year_is_not_yet_in_the_range() -> None:
    assert judged(SECOND_TO_FINAL, "degree: {stage: phd, enrolled: true, year: 1}").verdict is Verdict.UNMET


def test_a_graduation_month_counts_to_its_last_day() -> None:
    final_year = "text: In the final year of the PhD"
    j = judged(final_year, "degree: {stage: phd, enrolled: true, expected_graduation: 2027-12}")
    assert j.verdict is Verdict.MET and "inferred from expected_graduation 2027-12" in j.evidence
    window = "text: Graduating between January 2028 and June 2028"
    assert judged(window, "degree: {stage: masters, enrolled: true, expected_graduation: 2028-06}").verdict is Verdict.MET


# --- class standing ---------------------------------------------------------------------------------

SOPHOMORE_OR_JUNIOR = "text: Undergraduates of sophomore or junior status only (graduate students of any year)"
RISING = "text: Rising sophomore, junior or senior undergraduate, or a graduate or doctoral student"


def test_sophomore_standing_is_the_second_year_of_a_bachelors() -> None:
    j = judged(SOPHOMORE_OR_JUNIOR, "degree: {stage: bachelors, enrolled: true, year: 2}")
    assert j.verdict is Verdict.MET and "degree.year 2" in j.evidence and "sophomore or junior" in j.rule
    assert judged(SOPHOMORE_OR_JUNIOR, "degree: {stage: bachelors, enrolled: true, year: 4}").verdict is Verdict.UNMET


def test_a_rising_standing_is_the_year_before_it() -> None:
    assert judged(RISING, "degree: {stage: bachelors, enrolled: true, year: 1}").verdict is Verdict.MET
    assert judged(RISING, "degree: {stage: bachelors, enrolled: true, year: 4}").verdict is Verdict.UNMET


def test_a_graduate_student_meets_a_class_standing_that_takes_graduate_students() -> None:
    assert judged(RISING, "degree: {stage: phd, enrolled: true, year: 2}").verdict is Verdict.MET
    only_undergraduates = "text: Sophomore or junior undergraduates"
    assert judged(only_undergraduates, "degree: {stage: masters, enrolled: true, year: 1}").verdict is Verdict.UNMET


def test_a_senior_phd_student_is_not_class_standing() -> None:
    j = judged("text: A senior PhD student", "degree: {stage: phd, enrolled: true, year: 4}")
    assert j.verdict is Verdict.MET and "year 3 or later" in j.rule


# --- causal inference is statistics, not machine learning ---------------------------------------------

ML_AND_STATISTICS = "skills: {all: [machine learning, statistics]}"


def test_causal_inference_shows_statistics_but_not_machine_learning() -> None:
    j = judged(ML_AND_STATISTICS, "degree: {stage: phd}\nskills: [econometrics, causal inference]")
    assert j.verdict is Verdict.PARTIAL and "machine learning: not in profile" in j.evidence


def test_causal_machine_learning_shows_both() -> None:
    assert judged(ML_AND_STATISTICS, "degree: {stage: phd}\nskills: [causal machine learning]").verdict is Verdict.MET


# --- the floor of a range of months is a minimum --------------------------------------------------------

ELEVEN_WEEKS = "degree: {stage: phd}\navailability: {start: 2027-06-15, end: 2027-08-31}"


def test_a_window_short_of_the_floor_of_a_range_is_unmet_not_partial() -> None:
    j = judged("text: Our intern program runs 3-6 months, depending on your availability", ELEVEN_WEEKS)
    assert j.verdict is Verdict.UNMET and "inferred from availability" in j.evidence and "3 months at least" in j.rule


def test_a_window_short_of_a_stated_minimum_is_unmet() -> None:
    assert judged("text: Available for at least 3 months", ELEVEN_WEEKS).verdict is Verdict.UNMET


def test_a_window_a_little_short_of_a_nominal_length_stays_partial() -> None:
    j = judged("text: Able to commit to a 12-week internship", ELEVEN_WEEKS)
    assert j.verdict is Verdict.PARTIAL and j.credit > 0


# --- nationality of an international organisation's member country ----------------------------------

IMF_NATIONAL = "text: Must be a national of an IMF member country"


def test_a_citizen_of_a_member_country_meets_it_from_the_organisations_member_list() -> None:
    j = judged(IMF_NATIONAL, "degree: {stage: phd}\nwork_authorization: {citizen_of: [Brazil]}")
    assert j.verdict is Verdict.MET and "Brazil" in j.evidence and "International Monetary Fund" in j.rule


def test_a_citizen_of_a_country_outside_it_does_not() -> None:
    j = judged(IMF_NATIONAL, "degree: {stage: phd}\nwork_authorization: {citizen_of: [Cuba]}")
    assert j.verdict is Verdict.UNMET and "not a member" in j.evidence


def test_an_organisation_named_in_words_after_member_state_is_read_too() -> None:
    text = "text: Citizens of a member state of the United Nations"
    assert judged(text, "degree: {stage: phd}\nwork_authorization: {citizen_of: [Kenya]}").verdict is Verdict.MET


def test_a_nationality_said_in_the_statement_is_inferred() -> None:
    j = judged(IMF_NATIONAL, "degree: {stage: phd}\nstatement: I am 28 and a Brazilian national.")
    assert j.verdict is Verdict.MET and "inferred from the statement" in j.evidence


def test_a_profile_without_a_nationality_is_unknown() -> None:
    j = judged(IMF_NATIONAL, "degree: {stage: phd}\nwork_authorization: {authorized_in: [United States]}")
    assert j.verdict is Verdict.UNKNOWN and "no nationality" in j.evidence


def test_a_nationality_stated_as_national_answers_a_citizenship_asked() -> None:
    j = judged("text: Must be a US citizen", "degree: {stage: phd}\nstatement: I am a Brazilian national.")
    assert j.verdict is Verdict.UNMET and "inferred from the statement: citizen in brazil" in j.evidence


# --- an age limit, against the age the statement gives -------------------------------------------------

UNDER_32 = "text: Under age 32 at the start of the internship"


def test_an_age_the_statement_gives_meets_a_limit_and_says_estimated() -> None:
    j = judged(UNDER_32, "degree: {stage: phd}\nstatement: I am 28 and a Brazilian national.")
    assert j.verdict is Verdict.MET and "estimated from the statement ('I am 28')" in j.evidence


def test_an_age_over_the_limit_is_unmet_and_one_that_may_reach_it_is_too_close_to_call() -> None:
    assert judged(UNDER_32, "degree: {stage: phd}\nstatement: I'm 33 years old.").verdict is Verdict.UNMET
    j = judged(UNDER_32, "degree: {stage: phd}\nstatement: I am 31.")
    assert j.verdict is Verdict.UNKNOWN and "too close to call" in j.evidence


def test_a_lowest_age_and_a_range_are_read_too() -> None:
    profile = "degree: {stage: masters}\nstatement: I am 24, a Masters student."
    assert judged("text: Applicants must be at least 18 years of age", profile).verdict is Verdict.MET
    assert judged("text: Aged 26 to 30", profile).verdict is Verdict.UNMET


def test_no_age_given_is_unknown_never_unmet() -> None:
    j = judged(UNDER_32, "degree: {stage: phd}\nstatement: I study monetary policy.")
    assert j.verdict is Verdict.UNKNOWN and "no age" in j.evidence


# --- a profile that lists no skills ------------------------------------------------------------------------


def test_a_profile_listing_no_skills_is_unknown_on_what_its_degree_does_not_show() -> None:
    j = judged(ML_AND_STATISTICS, "degree: {stage: phd, field: statistics, year: 2}")
    assert j.verdict is Verdict.UNKNOWN and "lists no skills" in j.evidence and "only some" in j.evidence


def test_a_profile_listing_no_skills_is_met_when_its_degree_shows_them_all() -> None:
    j = judged("skills: {all: [statistics]}", "degree: {stage: phd, field: statistics, year: 2}")
    assert j.verdict is Verdict.MET


# --- code the candidate can share ----------------------------------------------------------------------------

SHARE_CODE = "text: Code you can share (a link)"


def test_code_on_github_in_the_statement_is_code_to_share_and_says_inferred() -> None:
    j = judged(SHARE_CODE, "degree: {stage: masters}\nstatement: I like clean data. My analysis notebooks are on GitHub.")
    assert j.verdict is Verdict.MET and "inferred from the statement: 'My analysis notebooks are on GitHub'" in j.evidence


def test_open_source_work_in_an_experience_entry_shows_open_source_contributions() -> None:
    profile = (
        "degree: {stage: phd}\nexperience:\n"
        "  - {role: Maintainer, organization: QUIC project, start: 2024-01, description: maintains an open-source QUIC library}"
    )
    assert judged("text: A track record of open-source contributions", profile).verdict is Verdict.MET


def test_a_github_tool_is_not_shared_code_and_saying_nothing_is_unknown() -> None:
    assert judged(SHARE_CODE, "degree: {stage: phd}\nstatement: I set up GitHub Actions for our lab.").verdict is Verdict.UNKNOWN
    assert judged(SHARE_CODE, "degree: {stage: phd}\nskills: [Python]").verdict is Verdict.UNKNOWN


# --- professional experience of a kind ---------------------------------------------------------------------

PROFESSIONAL_SE = "text: Some professional software engineering experience"


def _with_role(role: str, organization: str, description: str) -> str:
    return (
        "degree: {stage: phd}\nexperience:\n"
        f"  - {{role: {role}, organization: {organization}, start: 2023-07, end: 2025-08, description: {description}}}"
    )


def test_an_engineering_role_in_industry_is_professional_software_engineering_experience() -> None:
    j = judged(PROFESSIONAL_SE, _with_role("Compiler engineer", "Example Toolchains Ltd", "LLVM backend work"))
    assert j.verdict is Verdict.MET and "inferred from experience: 'Compiler engineer, Example Toolchains Ltd'" in j.evidence


def test_a_role_in_industry_of_another_kind_leaves_it_unknown_and_academic_roles_do_not_show_it() -> None:
    assert judged(PROFESSIONAL_SE, _with_role("Sales associate", "Example Retail Ltd", "store sales")).verdict is Verdict.UNKNOWN
    assert judged(PROFESSIONAL_SE, _with_role("Research assistant", "University of Cambridge", "proofs")).verdict is Verdict.UNMET


def test_years_of_graduate_study_done_stay_done_in_a_profile_not_enrolled() -> None:
    text = "text: Minimum of one year of graduate coursework completed (MA/MS/PhD)"
    j = judged(text, "degree: {stage: phd, enrolled: false, year: 3}")
    assert j.verdict is Verdict.MET and "degree.year 3" in j.evidence


# --- dense retrieval is representation learning; a topic before its examples ----------------------------------

REPRESENTATIONS = (
    "text: Interest in representation learning (contrastive learning, dense and sparse representations, cross-lingual alignment)"
)


def test_dense_retrieval_research_is_representation_learning_for_search() -> None:
    profile = (
        "degree: {stage: phd}\nexperience:\n"
        "  - {role: PhD researcher, organization: University of Amsterdam, start: 2023-09, research: true,\n"
        "     topics: [dense retrieval]}"
    )
    j = judged(REPRESENTATIONS, profile)
    assert j.verdict is Verdict.MET and "representation learning" in j.evidence and "role 'PhD researcher' topics" in j.evidence


def test_embeddings_are_representation_learning() -> None:
    j = judged(
        "text: 'Interested in representation learning: contrastive, dense and sparse vectors'",
        "degree: {stage: masters}\nskills: [embeddings]",
    )
    assert j.verdict is Verdict.MET


def test_the_examples_in_brackets_do_not_each_have_to_be_shown_but_the_topic_does() -> None:
    assert judged(REPRESENTATIONS, "degree: {stage: phd}\nskills: [multilingual NLP]").verdict is not Verdict.MET


# --- an institution asked, against where a profile naming none studies ------------------------------------------

AT_TORONTO = "degree: {stage: [masters], enrolled: true, enrolled_at: [University of Toronto]}"


def _living_in(city: str) -> str:
    return f"degree: {{stage: masters, enrolled: true}}\nlocation: {{current: '{city}'}}"


def test_a_student_living_far_from_the_city_an_institution_is_named_after_is_not_enrolled_there() -> None:
    j = judged(AT_TORONTO, _living_in("Montreal, QC, Canada"))
    assert j.verdict is Verdict.UNMET and "inferred" in j.evidence and "Montreal" in j.evidence


def test_a_student_living_in_that_city_or_an_institution_naming_no_city_stays_unknown() -> None:
    assert judged(AT_TORONTO, _living_in("Toronto, ON")).verdict is Verdict.UNKNOWN
    georgia_tech = "degree: {stage: [masters], enrolled: true, enrolled_at: [Georgia Institute of Technology]}"
    assert judged(georgia_tech, _living_in("Montreal, QC, Canada")).verdict is Verdict.UNKNOWN


# --- a state's short name in another country -----------------------------------------------------------------------


def test_perth_wa_australia_is_not_in_washington_state() -> None:
    us_based = "degree: {stage: [bachelors], enrolled: true, enrolled_in: [United States]}"
    perth = (
        "degree: {stage: bachelors, enrolled: true, institution: Curtin University, institution_location: 'Perth, WA, Australia'}"
    )
    j = judged(us_based, perth)
    assert j.verdict is Verdict.UNMET and "not in United States" in j.evidence
    seattle = "degree: {stage: bachelors, enrolled: true, institution: UW, institution_location: 'Seattle, WA'}"
    assert judged(us_based, seattle).verdict is Verdict.MET


# --- a recent graduation -------------------------------------------------------------------------------------------

RECENT = "text: Graduated with a bachelor's or master's degree within a year before the programme starts"


def test_a_phd_student_in_year_three_finished_the_earlier_degree_too_long_ago() -> None:
    j = judged(RECENT, "degree: {stage: phd, enrolled: true, year: 3}")
    assert j.verdict is Verdict.UNMET and "inferred from degree.year 3" in j.evidence


def test_a_first_year_phd_student_is_too_close_to_call() -> None:
    j = judged(RECENT, "degree: {stage: phd, enrolled: true, year: 1}")
    assert j.verdict is Verdict.UNKNOWN and "too close to call" in j.evidence


def test_a_graduate_is_read_from_the_graduation_date() -> None:
    assert judged(RECENT, "degree: {stage: masters, enrolled: false, expected_graduation: 2026-09}").verdict is Verdict.MET
    assert judged(RECENT, "degree: {stage: masters, enrolled: false, expected_graduation: 2024-06}").verdict is Verdict.UNMET


# --- retrieval-augmented question answering ------------------------------------------------------------------------


def test_a_paper_on_retrieval_augmented_question_answering_shows_retrieval_said_inferred() -> None:
    profile = (
        "degree: {stage: phd}\npublications:\n  - {title: Retrieval-augmented question answering over tables, venue: ACL 2025}"
    )
    j = judged("skills: {any: [information retrieval]}", profile)
    assert j.verdict is Verdict.MET and "inferred: paper title" in j.evidence


# --- a venue's areas -----------------------------------------------------------------------------------------------


def test_a_web_and_social_media_paper_is_not_search_research() -> None:
    profile = (
        "degree: {stage: phd}\npublications:\n  - {title: Exposure on Mastodon, venue: ICWSM 2026}\nskills: [R, survey methods]"
    )
    j = judged("skills: {any: [information retrieval, search]}", profile)
    assert j.verdict is Verdict.UNMET


# --- topical fit reads the student's research topics ------------------------------------------------------------------


def test_the_topics_of_a_research_role_count_towards_topical_fit() -> None:
    posting = posting_from("title: T\norganization: O\ntopics: [late interaction]\n")
    role = "  - {role: Research assistant, organization: IISc, start: 2025-08, research: true, topics: [late interaction]}"
    with_role = profile_from(f"degree: {{stage: masters}}\nexperience:\n{role}\n")
    without = profile_from("degree: {stage: masters}\n")
    assert score_posting(posting, with_role, TODAY).score > score_posting(posting, without, TODAY).score


# --- reproducible research --------------------------------------------------------------------------------------------


def test_git_and_a_workflow_manager_are_reproducible_data_science_tools() -> None:
    j = judged(
        "text: Experience with reproducible data science tools and practices",
        "degree: {stage: masters}\nskills: [Git, Snakemake]",
    )
    assert j.verdict is Verdict.MET and "reproducible research" in j.evidence


def test_junior_and_senior_researchers_are_not_class_standing() -> None:
    j = judged("text: Enjoys working with junior and senior researchers", "degree: {stage: phd, enrolled: true, year: 2}")
    assert "standing" not in j.rule
