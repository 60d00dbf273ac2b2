"""ingest, tenth round (issue 20): generalisation to ordinary job ads and university programmes
(stages written by level or by the kind of internship, acronyms that name a programme, preference
words inside one list's items). Drafts stay safe when unsure: a wrong narrow ask turns eligible
readers away silently, a broader or textual one only leaves a review to do. Each behaviour on a
small posting written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.models import DegreeCriterion, Posting, SkillsCriterion, Stage

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skill_terms(qualifications: tuple[object, ...] | list[object]) -> set[str]:
    return {t.lower() for q in qualifications if isinstance(c := getattr(q, "criterion", None), SkillsCriterion) for t in c.terms}


def test_graduate_level_students_are_masters_and_phd_students() -> None:
    text = (
        "Visiting Research Programme\n\nWho can apply\n\n"
        "For undergraduate-level students, the visit gives practice in research early on. "
        "For graduate-level students, the visit can count as part of the thesis work.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)


def test_a_final_internship_of_a_degree_is_a_masters_student_enrolled() -> None:
    # French: the "stage de fin d'études" is the last internship of a master's or engineering degree
    text = "Stage de fin d'études - Vision par ordinateur\n\nVous rejoindrez l'équipe de recherche à Lyon.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)
    assert found.enrolled


def test_the_kind_of_internship_read_in_a_sentence_when_the_title_is_plain() -> None:
    text = "Research Internship\n\nOffre de projet de fin d'études en apprentissage statistique, à Nantes.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)


def test_a_degree_asked_elsewhere_is_not_replaced_by_the_kind_of_internship() -> None:
    text = "Stage de fin d'études - Robotique\n\nProfil\n\n- Currently enrolled in a PhD programme in robotics.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_an_acronym_naming_a_programme_is_not_a_skill() -> None:
    # "HPC" is a catalogue term; here it names the programme (often the organisation's acronym)
    text = (
        "HPC Summer Research Program 2027\n\nEligibility\n\n- Open to undergraduate students.\n"
        "- The HPC Summer Research Program is offered by several schools during the summer vacation.\n"
    )
    posting = drafted(text)
    assert skill_terms(posting.required) == set()
    (found,) = degrees(posting)
    assert found.stages == (Stage.BACHELORS,)


def test_the_same_acronym_asked_as_a_skill_stays_a_skill() -> None:
    text = "Research Intern\n\nRequirements\n\n- Experience with NLP and ML, e.g. PyTorch.\n"
    assert skill_terms(drafted(text).required)


def test_a_masters_by_coursework_is_a_masters_stage() -> None:
    # Australian usage: a master's taught by courses ("by coursework") rather than by research
    text = (
        "Summer Research Scholarships\n\n"
        "Eligibility\n\n"
        "- Open to undergraduate and masters by coursework students enrolled in a coursework degree.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS)


def test_coursework_in_subjects_still_names_no_stage() -> None:
    text = "Research Intern\n\nRequirements\n\n- PhD student in statistics.\n- Coursework in undergraduate probability.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_an_interest_in_pursuing_a_phd_asks_for_no_phd() -> None:
    text = (
        "Summer Scholars\n\nEligibility\n\n"
        "- Applicants must be undergraduate students at a European university.\n"
        "- Applicants should have a strong interest in pursuing a PhD.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS,)


def test_a_recommended_item_in_a_requirements_list_is_preferred() -> None:
    text = (
        "Software Engineer Intern - Storage\n\nRequirements\n\n"
        "- Required coursework: operating systems and compilers\n"
        "- Recommended coursework: distributed systems, computer networks, databases\n"
    )
    posting = drafted(text)
    assert "distributed systems" in skill_terms(posting.preferred)
    assert "distributed systems" not in skill_terms(posting.required)
    assert "operating systems" in skill_terms(posting.required)


def test_being_recommended_by_someone_stays_required() -> None:
    text = "Visiting Student\n\nRequirements\n\n- Applicants must be recommended by their home university.\n"
    posting = drafted(text)
    assert posting.required and not posting.preferred


def test_a_byline_with_its_place_in_brackets_names_employer_and_place() -> None:
    # job-alert copy keeps the byline as a list item: "- Employer (City, ST)"
    text = "Summer Intern PhD Student\n- Zentrix Labs (Boston, MA)\n\nAbout the role\n\nYou will model fluids.\n"
    posting = drafted(text)
    assert posting.organization == "Zentrix Labs"
    assert posting.location == ("Boston, MA",)


def test_a_bracket_that_is_no_place_leaves_the_byline_unread() -> None:
    text = "Summer Intern PhD Student\nZentrix Labs (Biology)\n\nAbout the role\n\nYou will model fluids.\n"
    assert drafted(text).organization != "Zentrix Labs"


def test_ordinary_names_of_software_practice_are_skills() -> None:
    text = (
        "Software Engineer Intern - Query Engine\n\nRequirements\n\n"
        "- Knowledge of data structures and algorithms\n"
        "- Systems programming skills including multi-threading and concurrency\n"
    )
    assert {"data structures", "multi-threading", "concurrency"} <= skill_terms(drafted(text).required)
