"""What the judgement corpus (tests/judgements, round 8 of the rules, from holdout7's misses) showed a
careful advisor reads and the rules did not: a commitment of some weeks asked in prose, how far into
a PhD or a bachelor's a student is in other words, communicating through papers, soft skills said
otherwise, a programme the student already took part in, and a skill shown by research in it. Each
is asserted through the public scorer, as a posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

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


def test_a_range_of_lengths_asks_for_its_shortest() -> None:
    profile = "degree: {stage: phd}\navailability: {start: 2027-06-01, end: 2027-09-03}"
    for text in ("Able to stay for 2 to 6 months (60 to 180 days)", "A stay of 2-6 months", "Able to stay two or three months"):
        j = judged(f"text: {text}", profile)
        assert j.verdict is Verdict.MET and "free for 2 months" in j.rule, (text, j.rule)


def test_no_availability_leaves_a_commitment_unknown_and_experience_is_not_a_commitment() -> None:
    assert judged(COMMIT, "degree: {stage: phd}\nstatement: Happy to do a summer internship.").verdict is Verdict.UNKNOWN
    j = judged("text: 6 months of industry experience", "degree: {stage: phd}\navailability: {start: 2027-01-01}")
    assert "commitment" not in j.rule


# --- a PhD student past the exams, at an advanced stage ---------------------------------------

EXAMS = "text: Has completed the PhD exams and is at an advanced stage of the research programme"


def test_a_statement_saying_the_exams_were_passed_meets_it() -> None:
    j = judged(EXAMS, "degree: {stage: phd, year: 2}\nstatement: I passed my comprehensive exams in 2025.")
    assert j.verdict is Verdict.MET and "comprehensive exams" in j.evidence


def test_without_a_statement_the_year_of_the_phd_decides_and_the_middle_years_stay_open() -> None:
    assert judged(EXAMS, "degree: {stage: phd, year: 5}").verdict is Verdict.MET
    assert "inferred" in judged(EXAMS, "degree: {stage: phd, year: 5}").evidence
    assert judged(EXAMS, "degree: {stage: phd, year: 3}").verdict is Verdict.UNKNOWN
    assert judged(EXAMS, "degree: {stage: phd, year: 1}").verdict is Verdict.UNMET
    assert judged(EXAMS, "degree: {stage: masters, year: 2}").verdict is Verdict.UNMET


def test_abd_and_post_candidacy_are_the_same_standing() -> None:
    assert judged("text: ABD (all but dissertation) PhD candidates", "degree: {stage: phd, year: 4}").verdict is Verdict.MET
    post = "text: PhD candidate (post-candidacy)"
    assert judged(post, "degree: {stage: phd, year: 2}\nstatement: Advanced to candidacy in May.").verdict is Verdict.MET
    assert judged(post, "degree: {stage: phd}").verdict is Verdict.UNKNOWN


# --- a year of the bachelor's or later -------------------------------------------------------

THIRD_YEAR = "text: An undergraduate in the third year or later (including honours), or a Masters student"


def test_a_year_or_later_is_read_from_the_stage_and_the_year() -> None:
    assert judged(THIRD_YEAR, "degree: {stage: bachelors, year: 3}").verdict is Verdict.MET
    assert judged(THIRD_YEAR, "degree: {stage: bachelors, year: 2}").verdict is Verdict.UNMET
    assert judged(THIRD_YEAR, "degree: {stage: masters, year: 1}").verdict is Verdict.MET
    assert judged(THIRD_YEAR, "degree: {stage: phd, year: 3}").verdict is Verdict.UNMET
    assert judged(THIRD_YEAR, "degree: {stage: bachelors}").verdict is Verdict.UNKNOWN


def test_semesters_completed_are_two_a_year_and_a_later_stage_has_done_them() -> None:
    asked = "text: Completed at least the fourth semester of the bachelor's studies before the start"
    assert judged(asked, "degree: {stage: bachelors, year: 3}").verdict is Verdict.MET
    assert judged(asked, "degree: {stage: bachelors, year: 1}").verdict is Verdict.UNMET
    assert judged(asked, "degree: {stage: masters, year: 1}").verdict is Verdict.MET


# --- a programme the student already took part in ---------------------------------------------

BEFORE = "text: Has not taken part in a Pawsey Summer Internship before"


def test_a_statement_or_an_internship_there_says_the_student_took_part_before() -> None:
    said = judged(BEFORE, "degree: {stage: bachelors}\nstatement: I took part in the Pawsey Summer Internship in 2025.")
    assert said.verdict is Verdict.UNMET and "took part" in said.evidence
    role = "experience:\n  - {role: Summer intern, organization: Pawsey Supercomputing Centre, start: 2025-11, end: 2026-02}"
    shown = judged(BEFORE, f"degree: {{stage: bachelors}}\n{role}")
    assert shown.verdict is Verdict.UNMET and "inferred" in shown.evidence


def test_silence_about_the_programme_is_unknown_not_met_by_its_words() -> None:
    j = judged(BEFORE, "degree: {stage: bachelors}\nstatement: I want a summer internship in HPC.")
    assert j.verdict is Verdict.UNKNOWN


def test_a_text_about_prior_knowledge_is_not_about_a_programme() -> None:
    j = judged("text: No prior experience with Python needed", "degree: {stage: bachelors}\nskills: [Python]")
    assert "taking part" not in j.rule


# --- communication through papers, and soft skills in other words --------------------------------

PAPER = "publications:\n  - {title: Who still speaks TLS 1.0?, venue: IMC 2025, year: 2025}"


def test_communicating_through_papers_or_blogs_is_shown_by_publications_named_as_inferred() -> None:
    asked = "text: Able to communicate research ideas clearly through papers, pre-prints, standards documents or blogs"
    j = judged(asked, f"degree: {{stage: phd}}\n{PAPER}")
    assert j.verdict is Verdict.MET and "inferred" in j.evidence and "TLS 1.0" in j.evidence
    assert judged(asked, "degree: {stage: phd}").verdict is Verdict.UNKNOWN


def test_papers_do_not_show_communication_a_text_asks_for_without_a_medium() -> None:
    assert judged("text: Excellent verbal communication skills", f"degree: {{stage: phd}}\n{PAPER}").verdict is Verdict.UNKNOWN


def test_a_collaborative_mindset_is_shown_by_liking_to_work_in_teams() -> None:
    asked = "text: A collaborative mindset in a research setting"
    j = judged(asked, "degree: {stage: masters}\nstatement: I like working in small teams.")
    assert j.verdict is Verdict.MET and "teamwork" in j.evidence
    assert judged(asked, "degree: {stage: masters}\nstatement: I build haptic devices.").verdict is Verdict.UNKNOWN


# --- degree fields: the physical sciences of the Earth -----------------------------------------


def test_physical_oceanography_is_a_physical_science() -> None:
    asked = "degree: {stage: [phd], fields: [computer science, physical sciences], related_fields: true}"
    j = judged(asked, "degree: {stage: phd, field: physical oceanography, year: 3}")
    assert j.verdict is Verdict.MET


# --- experience in industry, read from the experience entries -----------------------------------

INDUSTRY = "text: Prior relevant industrial experience"


def test_a_role_at_a_company_shows_industrial_experience_and_says_inferred() -> None:
    role = "experience:\n  - {role: Firmware engineer, organization: Example Motors, start: 2019-01, end: 2024-06}"
    j = judged(INDUSTRY, f"degree: {{stage: masters}}\n{role}")
    assert j.verdict is Verdict.MET and "inferred" in j.evidence and "Example Motors" in j.evidence


def test_only_academic_roles_do_not_and_no_roles_leave_it_unknown() -> None:
    role = "experience:\n  - {role: Research intern, organization: Université de Rennes HCI lab, start: 2026-05, end: 2026-08}"
    assert judged(INDUSTRY, f"degree: {{stage: masters}}\n{role}").verdict is Verdict.UNMET
    assert judged(INDUSTRY, "degree: {stage: masters}").verdict is Verdict.UNKNOWN
