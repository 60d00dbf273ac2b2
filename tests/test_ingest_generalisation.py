"""ingest on posting shapes beyond the tune split (issue 20, third round): the general rules the
drafter follows, each on a small posting written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.models import DegreeCriterion, Posting, PublicationsCriterion, SkillsCriterion

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def stages(posting: Posting) -> set[str]:
    return {s.label for d in degrees(posting) for s in d.stages}


def skills(quals) -> set[str]:
    return {t.lower() for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def test_a_degree_without_a_stage_is_any_stage() -> None:
    text = "# Intern Robotics\n\n## Your profile\n\n- You are pursuing a degree in Computer Science or a related field.\n"
    (degree,) = degrees(drafted(text))
    assert {s.label for s in degree.stages} == {"bachelors", "masters", "phd"}
    assert list(degree.fields) == ["computer science"] and degree.related_fields and degree.enrolled


def test_a_degree_without_a_stage_takes_the_stages_named_elsewhere() -> None:
    text = (
        "# Research Intern\n\n## Requirements\n\n- Enrolled in a Master's or PhD programme in physics.\n"
        "- Applicants must be registered students at a university.\n"
    )
    assert stages(drafted(text)) == {"masters", "phd"}
    assert stages(drafted("# PhD Research Intern\n\n## Requirements\n\n- Officially enrolled at your university.\n")) == {"phd"}


def test_a_preferred_degree_of_any_stage_is_text() -> None:
    text = "# Intern\n\n## Preferred qualifications\n\n- Currently enrolled in a full-time degree program.\n"
    posting = drafted(text)
    assert not any(isinstance(q.criterion, DegreeCriterion) for q in posting.preferred)
    assert len(posting.preferred) == 1


def test_an_advanced_degree_and_french_master_years() -> None:
    assert stages(drafted("# Intern\n\n## Requirements\n\n- Pursuing an advanced degree in statistics.\n")) == {"masters", "phd"}
    assert stages(drafted("# M1/M2 Internship in Machine Learning\n\nA project on verification.\n")) == {"masters"}
    assert stages(drafted("# Chip Intern\n\n## Requirements\n\n- Experience with the Apple M2 chip.\n")) == set()


def test_whom_a_programme_is_for_said_in_prose() -> None:
    text = "Summer Scholarships\n\nEach year we make 100 offers to promising undergraduates in the later years of study.\n"
    (degree,) = degrees(drafted(text))
    assert [s.label for s in degree.stages] == ["bachelors"] and not degree.fields
    described = "# Internship\n\n## Job description\n\nThis internship is meant for Master 1 students.\n"
    assert stages(drafted(described)) == {"masters"}


def test_an_audience_that_is_only_the_usual_one_asks_for_no_stage() -> None:
    text = (
        "# Research Internship\n\nThe internships are mainly aimed at undergraduates, but we also welcome "
        "professional engineers.\n"
    )
    assert stages(drafted(text)) == set()


def test_venues_the_team_publishes_at_are_not_asked() -> None:
    text = (
        "Research Intern\n\nOur researchers publish regularly at venues such as ACL, EMNLP and ICML.\n\n"
        "Candidates must be PhD students in NLP.\n"
    )
    posting = drafted(text)
    assert not any(isinstance(q.criterion, PublicationsCriterion) for q in posting.required + posting.preferred)


def test_the_title_is_the_heading_that_names_a_job_without_board_decorations() -> None:
    pitch = "## Why Acme?\n\nAcme is the best place to work, and we say so at length here.\n\n# Research Intern - Master's\n"
    assert drafted(pitch).title == "Research Intern - Master's"
    board = "# Urgent! Vision Internship (M/F) in Lyon | Acme | JobBoard\n\n## Vision Internship (M/F)\n\nText.\n"
    assert drafted(board).title == "Vision Internship (M/F)"
    assert drafted("München: Intern Perception (f/m/x)\nApply now\n").title == "Intern Perception (f/m/x)"


def test_a_page_title_naming_the_programme_over_a_section_heading() -> None:
    page = "<html><head><title>How to apply - Acme Summer Program</title></head><body><h2>Target</h2><p>Text.</p></body></html>"
    assert drafted(page).title == "Acme Summer Program"


def test_a_word_such_as_programming_does_not_make_a_line_the_title() -> None:
    text = "Training techniques for translation\n\nStrong programming skills are a requirement.\n"
    assert drafted(text).title == "Training techniques for translation"


def test_the_employer_from_a_byline_above_the_title_named_again_below() -> None:
    text = "Acme Daily · 1 month ago\nSummer Intern, PhD Scientist\nAcme Daily is a news organisation.\nNewspapers\n"
    assert drafted(text).organization == "Acme Daily"


def test_a_heading_over_a_paragraph_is_not_a_byline() -> None:
    page = (
        "<html><body><h1>2024 Internship at Acme Research Laboratory, Tokyo, Japan</h1><h2>Background</h2>"
        "<p>" + "Acme Research Laboratory does research on the Internet. " * 4 + "</p></body></html>"
    )
    assert drafted(page).organization == "Acme Research Laboratory"


def test_a_job_boards_name_is_never_the_employer() -> None:
    text = "# Urgent! Vision Internship (M/F) in Lyon | Acme | Expertini\n\n## Vision Internship (M/F)\n\nText.\n"
    assert drafted(text).organization == "Acme"


def test_the_employer_from_its_contact_address_as_the_page_writes_it() -> None:
    text = "# Globex Research Internship\n\nThe Globex programme places students in labs.\n\nQuestions? helpdesk@globex.ca\n"
    assert drafted(text).organization == "Globex"


def test_the_employer_from_an_authors_byline_a_subsidiary_or_a_name_with_its_initials() -> None:
    blog = "Science scholarships for students\nBy Jane Doe, ACMEO\n2 September 2014\n\nSome text about science.\n"
    assert drafted(blog).organization == "ACMEO"
    brand = "# Vision Intern\n\nThe Play brand belongs to Acme Interactive Entertainment, a wholly-owned subsidiary of Acme.\n"
    assert drafted(brand).organization == "Acme Interactive Entertainment"
    initials = "# Vision Intern\n\nThe NLP group of GLE (Globex Labs Europe, Grenoble) offers an internship.\n"
    assert drafted(initials).organization == "Globex Labs Europe"
    field = "# Vision Intern\n\nWork on Natural Language Processing (NLP) within Globex Labs Europe (GLE).\n"
    assert drafted(field).organization == "Globex Labs Europe"


def test_legal_entity_words_are_not_the_employers_name_but_a_continent_is() -> None:
    assert drafted("Summer Intern\n\nCompany: Initech Semiconductor Limited\n").organization == "Initech"
    assert drafted("Summer Intern\n\nCompany: Globex Research America\n").organization == "Globex Research America"


def test_an_acronym_opening_the_title_and_named_again() -> None:
    text = "ACMEU Excellence Summer Research Program\n\nEligibility: students of ACMEU partner schools.\n"
    assert drafted(text).organization == "ACMEU"


def test_a_degree_sentence_that_goes_on_to_ask_for_skills_gives_both() -> None:
    text = (
        "# Research Intern\n\n## Qualifications\n\n- Currently pursuing a PhD in Computer Science, with exposure to "
        "areas such as: transformers, mixture-of-experts.\n"
    )
    posting = drafted(text)
    assert stages(posting) == {"phd"}
    assert skills(posting.required) == {"transformers", "mixture-of-experts"}


def test_question_shaped_and_european_headings_open_their_sections() -> None:
    text = (
        "# Intern Perception\n\nWhat awaits you?\n- You will gain experience with Docker.\n\nWhat should you bring along?\n"
        "- You have strong knowledge of Python and Linux.\n\nWhat you'll gain\n- Experience with Kubernetes.\n"
    )
    posting = drafted(text)
    assert skills(posting.required) == {"python", "linux"}
