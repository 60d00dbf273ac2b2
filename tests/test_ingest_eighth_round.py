"""ingest, eighth round (issue 20): generalisation, and drafts that are safe when unsure. A wrong
narrow ask turns eligible readers away silently; a broader or textual one only leaves a review to
do. Each behaviour on a small posting written inline, none copied from the corpus."""

from __future__ import annotations

from datetime import date

from matcher.models import AnyOfCriterion, AvailabilityCriterion, DegreeCriterion, Posting, SkillsCriterion, Stage, TextCriterion

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def texts(posting: Posting) -> list[str]:
    return [q.criterion.text for q in posting.required if isinstance(q.criterion, TextCriterion)]


def test_a_call_open_to_school_leavers_asks_no_degree_stage() -> None:
    text = (
        "Summer Lab Programme\n\n"
        "The Summer Lab Programme is open to curious students who have graduated from secondary school, "
        "are taking a gap year, or are in the first years of their undergraduate studies.\n\n"
        "Participants spend four weeks in a research group.\n"
    )
    posting = drafted(text)
    assert degrees(posting) == []
    assert any("gap year" in t for t in texts(posting))


def test_a_degree_ask_in_a_requirements_list_that_admits_school_leavers_is_text() -> None:
    text = (
        "Young Researchers Camp\n\nEligibility\n\n"
        "- High school graduates and undergraduate students may apply\n"
        "- Applicants must be at least 17 years old\n"
    )
    posting = drafted(text)
    assert degrees(posting) == []
    assert any("High school graduates" in t for t in texts(posting))


def test_a_list_of_degree_options_allows_every_stage_it_names() -> None:
    text = (
        "Research Fellowship\n\nEligibility\n\n"
        "Applicants should be enrolled in one of the following:\n"
        "- BSc (second year only)\n"
        "- MSc (first year only)\n"
        "- MTech (first year only)\n"
        "- MEng (first year only)\n"
        "- Integrated PhD (first year only)\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)


def test_an_aside_in_prose_still_gives_way_to_the_majority() -> None:
    # sentences, not a list of options: the bachelor's is a condition on PhD students, no stage of its own
    text = (
        "PhD Research Intern\n\nRequirements\n\n"
        "- Currently enrolled in a PhD program in computer science.\n"
        "- PhD students holding a bachelor's degree in mathematics are welcome.\n"
        "- Enrolled in a PhD program at an accredited university.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_a_call_for_students_and_teachers_asks_the_degree_of_students_only() -> None:
    text = (
        "Summer Fellowships for Students and Teachers\n\n"
        "Applications are invited from students and teachers of all universities.\n\n"
        "Eligibility\n\n"
        "- Students must be enrolled in a Master's programme in physics\n"
    )
    posting = drafted(text)
    assert degrees(posting) == []
    (either,) = [q.criterion for q in posting.required if isinstance(q.criterion, AnyOfCriterion)]
    kinds = [type(o.criterion) for o in either.options]
    assert kinds == [DegreeCriterion, TextCriterion]


def skills(posting: Posting) -> set[str]:
    return {t.lower() for q in posting.required if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def test_what_the_role_gives_asks_for_nothing() -> None:
    text = (
        "Data Science Intern\n\n"
        "The intern joins our analytics team for the summer.\n\n"
        "### Why This Role\n\n"
        "The role gives hands-on experience with reinforcement learning and causal inference.\n"
    )  # a page with no requirements section: its prose is read for asks
    assert skills(drafted(text)) == set()


def test_a_grade_asked_in_subjects_is_text_not_skills() -> None:
    text = (
        "Visiting Students Programme\n\nEligibility\n\n"
        "- Applicants must have at least 60% marks in Physics and Chemistry in their last examination.\n"
        "- A minimum GPA of 3.2 in Computer Science courses.\n"
    )
    posting = drafted(text)
    assert skills(posting) == set()
    assert any("60% marks" in t for t in texts(posting))
    assert any("GPA of 3.2" in t for t in texts(posting))


def test_ph_d_written_with_a_space_is_one_word() -> None:
    text = (
        "Research Internship Programme\n\n"
        "1. Who may apply:\n"
        "   Students working towards a Master's or Ph. D. degree at a partner university.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS, Stage.PHD)


def test_a_start_window_in_prose_is_an_availability_ask() -> None:
    text = (
        "Visiting Researcher Programme\n\n"
        "Time frame:\n"
        "  Visitors will stay for three to five months, starting at some point between October 2027 and January 2028.\n"
    )
    (asked,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, AvailabilityCriterion)]
    assert (asked.start, asked.latest_start) == (date(2027, 10, 1), date(2028, 1, 31))  # a month: up to its last day


def test_a_section_label_is_no_title() -> None:
    text = (
        "# Structure of the Programme:\n\n"
        "## Summer Research Programme in Chemistry\n\n"
        "Participants spend five weeks in a laboratory.\n"
    )
    assert drafted(text).title == "Summer Research Programme in Chemistry"


def test_a_label_with_its_value_or_a_question_word_heading_is_no_title() -> None:
    text = (
        "## What the placement involves\n\n"
        "**Placement dates:** June 2, 2027 - August 20, 2027\n\n"
        "## Applied Robotics Intern, Summer 2027\n\n"
        "You will build grasping policies.\n"
    )
    assert drafted(text).title == "Applied Robotics Intern, Summer 2027"


def test_a_season_or_a_page_part_is_no_organisation() -> None:
    text = (
        "Summer Research Fellowship for Students 2027\n\n"
        "The Summer Research Fellowship for Students brings students to laboratories.\n\n"
        "Eligibility\n\n- Enrolled in a Master's programme\n"
    )
    assert drafted(text).organization != "Summer"
    page = (
        "<html><head><title>Young Scientists Camp - Additional Information</title></head><body>"
        "<h1>Young Scientists Camp</h1><p>The camp lasts three weeks.</p></body></html>"
    )
    assert drafted(page).organization != "Additional Information"


def test_the_employer_named_as_the_team_owner_or_where_we_work() -> None:
    text = (
        "Research Intern, Speech\n\n"
        "We are looking for interns to work on speech data. Join Fabrikam's Audio AI team as a PhD intern.\n\n"
        "Requirements\n\n- Currently enrolled in a PhD program\n"
    )
    assert drafted(text).organization == "Fabrikam"
    text = (
        "Research Intern, Vision\n\n"
        "At Contoso Robotics, we build warehouse robots. Interns work on grasping.\n\n"
        "Requirements\n\n- Currently enrolled in a PhD program\n"
    )
    assert drafted(text).organization == "Contoso Robotics"


def test_a_minimum_period_of_employment_is_an_availability_ask() -> None:
    text = (
        "Cooperative Research Internships\n\n"
        "- Internships are open to students in a doctoral programme.\n"
        "- The period of employment is at least three months, with pay.\n"
    )
    (asked,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, AvailabilityCriterion)]
    assert asked.weeks == 13
