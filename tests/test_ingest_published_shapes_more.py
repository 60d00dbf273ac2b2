"""ingest on postings as published (issue 20), continued: the shapes found on the tune split after
the first round of tuning, each on a small posting written inline."""

from __future__ import annotations

from matcher.ingest.degree_phrases import stages_in
from matcher.ingest.qualification_phrases import skills_in
from matcher.models import DegreeCriterion, Posting, SkillsCriterion

from .conftest import drafted


def skills(quals) -> set[str]:
    return {t for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def stages(posting: Posting) -> set[str]:
    return {s.label for q in posting.required if isinstance(q.criterion, DegreeCriterion) for s in q.criterion.stages}


def test_the_employer_named_as_the_subject_of_a_hiring_sentence() -> None:
    text = "# Systems Research Intern\n\nRemote · Full-time\n\nAcme Robotics is looking for an intern to build systems.\n"
    assert drafted(text).organization == "Acme Robotics"


def test_the_employer_named_by_a_possessive_lab_that_takes_applications() -> None:
    text = (
        "INTERN: Insights Lab\nPosted February 8, 2011\n\nAcme's Insights Lab (XIL) is taking applications for two internships.\n"
    )
    assert drafted(text).organization == "Acme"


def test_the_employer_leading_a_sentence_about_itself() -> None:
    text = "# Research Intern\n\nNokia Bell Labs leads in connectivity research.\n"
    assert drafted(text).organization == "Nokia Bell Labs"


def test_a_team_or_pronoun_is_not_the_employer() -> None:
    text = "# Research Intern\n\nOur team is looking for an intern.\n\nContact: jobs@acme.com\n"
    assert drafted(text).organization == "Acme"


def test_a_link_under_the_title_is_not_a_byline() -> None:
    text = "# Research Internship\n\n[Students: start your application here](#)\n\nContact: office@example-institute.org\n"
    assert "start your application" not in drafted(text).organization.lower()


def test_items_right_before_an_inline_preferred_heading_are_required() -> None:
    text = (
        "<h1>Applied Scientist Intern</h1><p>Acme</p>\n<h2>AI generated summary</h2><ul><li>A summary.</li></ul>\n"
        "<ul><li>Enrolled in a PhD or Master's degree in Computer Science</li>"
        "<li>Experience with Python or Java</li><li>Preferred qualifications:</li>"
        "<li>Experience with Scala</li></ul>"
    )
    posting = drafted(text)
    assert stages(posting) == {"masters", "phd"}
    assert skills(posting.required) == {"Python", "Java"}
    assert skills(posting.preferred) == {"Scala"}


def test_students_sent_elsewhere_instead_are_not_asked_for() -> None:
    assert stages_in("Experienced researchers or PhD students should ask about collaborating instead.") == []


def test_a_programme_named_in_the_title_asks_for_no_stage_beyond_the_body() -> None:
    text = "Graduate Student Research Program\n\nEligibility: Graduate students working toward PhD degrees in physics.\n"
    assert stages(drafted(text)) == {"phd"}


def test_a_category_after_or_similar_is_not_asked_beside_its_examples() -> None:
    assert skills_in("Experience in Python, Java, C++, or similar scripting and programming languages") == [
        "Python",
        "Java",
        "C++",
    ]
    assert skills_in("PyTorch or other deep learning frameworks") == ["PyTorch"]
    assert skills_in("Other skills: Python") == ["Python"]
