"""What the judgement corpus (tests/judgements, round 9 of the rules, from holdout8's misses) showed a
careful advisor reads and the rules did not: a skill shown by research in its topic rather than
listed, some exposure to an area through interests or a job that was not research, a window a
little short of the weeks asked, and a programme's partner universities and graduation written as
text. Each is asserted through the public scorer, as a posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

# --- a skill shown by research in its topic ----------------------------------------------------

VLM = "skills: {any: [vision-language models, CLIP]}"


def test_research_on_vision_language_action_models_shows_vlm_experience_and_says_inferred() -> None:
    j = judged(
        VLM,
        "degree: {stage: phd}\nskills: [Python, PyTorch]\nexperience:\n"
        "  - {role: PhD researcher, research: true, topics: [vision-language-action models]}",
    )
    assert j.verdict is Verdict.MET and "inferred" in j.evidence and "vision-language-action" in j.evidence


def test_3d_reconstruction_is_3d_perception() -> None:
    j = judged("skills: {any: [3D perception, point cloud processing]}", "degree: {stage: phd}\nskills: [3D reconstruction]")
    assert j.verdict is Verdict.MET


def test_a_word_in_a_paper_title_is_not_a_topic_it_only_shares_a_word_with() -> None:
    # "learned alignment" in a burst-denoising paper is image alignment, not LLM alignment.
    j = judged(
        "skills: {any: [large language models]}",
        "degree: {stage: phd}\nskills: [PyTorch]\n"
        "publications:\n  - {title: Burst denoising with learned alignment, venue: ECCV}",
    )
    assert j.verdict is Verdict.UNMET


def test_a_topic_never_shows_a_named_tool() -> None:
    j = judged(
        "skills: {any: [CUDA]}",
        "degree: {stage: phd}\nskills: [Python]\ninterests: [high-performance computing]\nexperience:\n"
        "  - {role: PhD researcher, research: true, topics: [GPU kernels, high-performance computing]}",
    )
    assert j.verdict is Verdict.UNMET


# --- some exposure: interests and jobs that were not research ------------------------------------

DRIVING = "skills: {any: [autonomous driving]}"


def test_an_interest_in_the_area_is_partial_and_says_inferred_from_interests() -> None:
    j = judged(DRIVING, "degree: {stage: masters}\nskills: [Python]\ninterests: [autonomous driving]")
    assert j.verdict is Verdict.PARTIAL and "inferred" in j.evidence and "interests" in j.evidence


def test_a_non_research_job_in_a_kind_of_the_area_is_partial_and_names_the_job() -> None:
    j = judged(
        DRIVING,
        "degree: {stage: masters}\nskills: [Python]\nexperience:\n"
        "  - {role: Test engineering intern, research: false, description: regression tests for a lane-keeping camera}",
    )
    assert j.verdict is Verdict.PARTIAL and "Test engineering intern" in j.evidence


def test_a_profile_listing_no_skills_stays_unknown_whatever_its_interests() -> None:
    assert judged(DRIVING, "degree: {stage: phd}\ninterests: [autonomous driving]").verdict is Verdict.UNKNOWN


def test_listed_skills_without_the_area_and_no_exposure_stay_unmet() -> None:
    assert judged(DRIVING, "degree: {stage: masters}\nskills: [Python, SQL]").verdict is Verdict.UNMET


# --- a window a little short of the weeks asked --------------------------------------------------

COMMIT = "text: Able to work full-time for 12 weeks in the summer"


def test_a_summer_window_a_little_short_of_the_weeks_asked_is_partial() -> None:
    # 1 June - 14 August is about 10.5 of 12 weeks: at least the share the availability rule takes.
    j = judged(COMMIT, "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-08-14}")
    assert j.verdict is Verdict.PARTIAL and "inferred from availability" in j.evidence and 0 < j.credit < 1


def test_a_window_below_that_share_or_out_of_season_stays_unmet() -> None:
    # 9 of 12 weeks is below 80%: unmet, as the availability rule says it (the tuning part's convention).
    short = judged(COMMIT, "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-08-02}")
    assert short.verdict is Verdict.UNMET
    southern = judged(COMMIT, "degree: {stage: phd}\navailability: {start: 2027-11-15, end: 2028-02-28}")
    assert southern.verdict is Verdict.UNMET


def test_a_window_a_little_short_in_the_availability_rule_is_partial_too() -> None:
    j = judged(
        "availability: {start: 2027-06-01, weeks: 12}", "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-08-14}"
    )
    assert j.verdict is Verdict.PARTIAL


# --- years of a programme asked as completed ------------------------------------------------------

YEARS_DONE = "text: Has completed at least the second year of a Bachelor's in engineering"


def test_a_masters_student_has_completed_the_bachelors_years_asked() -> None:
    j = judged(YEARS_DONE, "degree: {stage: masters}")
    assert j.verdict is Verdict.MET and "inferred" in j.evidence


def test_a_bachelors_student_is_judged_by_the_year() -> None:
    assert judged(YEARS_DONE, "degree: {stage: bachelors, year: 1}").verdict is Verdict.UNMET
