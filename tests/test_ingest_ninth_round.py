"""ingest, ninth round (issue 20): generalisation to pages of shapes the drafter had seen little of
(intern categories in titles, employers named only in a page's frame, other languages, dated stays).
Drafts stay safe when unsure: a wrong narrow ask turns eligible readers away silently, a broader or
textual one only leaves a review to do. Each behaviour on a small posting written inline, none
copied from the corpus."""

from __future__ import annotations

from matcher.models import DegreeCriterion, Posting, Stage

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
