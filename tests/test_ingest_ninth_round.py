"""ingest, ninth round (issue 20): generalisation to pages of shapes the drafter had seen little of
(intern categories in titles, employers named only in a page's frame, other languages, dated stays).
Drafts stay safe when unsure: a wrong narrow ask turns eligible readers away silently, a broader or
textual one only leaves a review to do. Each behaviour on a small posting written inline, none
copied from the corpus."""

from __future__ import annotations

from matcher.ingest import draft_posting
from matcher.models import DegreeCriterion, Posting, Stage, TextCriterion

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def test_a_graduate_intern_in_the_title_is_a_masters_or_phd_student() -> None:
    text = "Graduate Intern - Battery Materials Modelling\n\nThe team models electrolytes at scale.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS, Stage.PHD)
    assert not found.enrolled  # a category of intern, the page does not say enrolled


def test_a_graduate_category_after_the_intern_word_counts_too() -> None:
    text = "Intern, Graduate Summer - Grid Analytics\n\nYou will analyse load data.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS, Stage.PHD)


def test_a_graduate_scheme_or_a_new_grad_title_names_no_stage() -> None:
    for title in ("Graduate Scheme Internship - Finance", "New Grad Intern Conversion - Platform"):
        assert degrees(drafted(f"{title}\n\nYou will build internal tools.\n")) == [], title


def test_a_name_written_twice_in_a_byline_is_one_name() -> None:
    text = "# Research Intern\n\nAcmeSoft AcmeSoft · Engineering · Lyon, France\n\nYou will write compilers at AcmeSoft.\n"
    assert drafted(text).organization == "AcmeSoft"


def test_about_the_employer_run_into_its_paragraph_names_the_employer() -> None:
    # a page that lost its line breaks: the heading "About Zentrix" glued to the paragraph it heads
    text = (
        "Robotics Research Intern\n"
        "Location: Remote Duration: 12 weeks About Zentrix. Zentrix builds warehouse robots that learn on the job.\n"
    )
    assert drafted(text).organization == "Zentrix"


def test_a_website_the_page_gives_names_the_employer_it_writes() -> None:
    text = (
        "**Quarkline.IO**\n\n**Website:**\nquarkline.io\n\n**Program structure**\n\n"
        "**Duration:** 12 weeks\n\nYou will tune our schedulers.\n"
    )
    assert drafted(text).organization == "Quarkline"


def texts(posting: Posting) -> list[str]:
    return [q.criterion.text for q in posting.required if isinstance(q.criterion, TextCriterion)]


def test_when_applications_must_be_submitted_is_an_application_step() -> None:
    text = (
        "Summer Research Programme\n\nEligibility\n\n"
        "- Applicants should be proficient in English.\n"
        "- Applications must be submitted through the online portal by the end of March.\n"
    )
    draft = draft_posting(text, "test")
    assert any("must be submitted" in step for step in draft.application_steps)
    assert not any("submitted" in t for t in texts(drafted(text)))


def test_a_page_saying_when_it_will_call_for_applications_asks_nothing_by_it() -> None:
    text = (
        "Visiting Student Programme\n\nWe run visits for students twice a year. "
        "As plans are unsettled, nobody knows yet when the group will next call for applications.\n\n"
        "Applicants must have a Master's degree in statistics.\n"
    )
    posting = drafted(text)
    assert not any("call for applications" in t for t in texts(posting))
    (found,) = degrees(posting)
    assert found.stages == (Stage.MASTERS,)


def test_the_supervisors_degree_is_not_the_applicants() -> None:
    text = (
        "Visiting Student Internships\n\n"
        "Applicants are expected to be Master's students in mathematics. Applicants name two possible "
        "supervisors; supervisors are group members who hold a completed PhD.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)


def test_a_statement_of_interest_is_an_application_step() -> None:
    text = (
        "Research Internship\n\nRequirements\n\n"
        "- A Master's degree in physics.\n"
        "- A one-page statement of interest naming the group you would like to join.\n"
    )
    draft = draft_posting(text, "test")
    assert any("statement of interest" in step for step in draft.application_steps)
