"""ingest, seventh round (issue 20): general behaviours aimed at postings nobody tuned to, each a
cause that recurs across the corpus's splits or a shape any posting may take. Each on a small
posting written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.ingest import draft_posting
from matcher.models import DegreeCriterion, Posting, SkillsCriterion, Stage

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skills(posting: Posting) -> set[str]:
    return {
        t.lower() for q in posting.required for t in getattr(q.criterion, "terms", ()) if isinstance(q.criterion, SkillsCriterion)
    }


def test_a_range_of_stages_allows_the_stages_between_its_ends() -> None:
    text = (
        "Research Intern, Robotics\n\nRequirements\n\n"
        "- Pursuing a degree (Bachelor's through PhD) in mechanical engineering or robotics\n"
        "- Experience with ROS\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)


def test_or_a_field_of_that_kind_is_related_fields_not_a_field() -> None:
    text = (
        "Research Intern\n\nRequirements\n\n"
        "- Currently pursuing a PhD in physics, chemistry, or a similarly rigorous quantitative field\n"
    )
    (found,) = degrees(drafted(text))
    assert found.fields == ("physics", "chemistry")
    assert found.related_fields


def test_what_the_intern_will_gain_is_not_asked() -> None:
    text = (
        "Machine Learning Intern\n\n"
        "Students will be mentored to gain hands-on experience with computer vision methods.\n\n"
        "Interns will have the chance to learn Kubernetes on real clusters.\n"
    )
    draft = draft_posting(text, "inline.txt")
    posting = drafted(text)
    assert not skills(posting)
    # nothing silent: the sentences stay listed for the reviewer
    assert any("mentored to gain" in line for line in draft.unplaced)
    assert any("learn Kubernetes" in line for line in draft.unplaced)


def test_experience_the_candidate_brings_is_still_asked() -> None:
    text = "Machine Learning Intern\n\nStudents must have hands-on experience with computer vision methods.\n"
    assert "computer vision" in skills(drafted(text))


def organisation(text: str, source: str = "inline.txt") -> str:
    return str(draft_posting(text, source).posting["organization"])


def test_an_internship_at_a_name_in_lower_case_prose_names_the_employer() -> None:
    text = (
        "# Research Intern - Interpretability\n\n"
        "This is a full-time internship at Quorvex in Lisbon. You will study feature attribution.\n\n"
        "## Requirements\n\n- Python\n"
    )
    assert organisation(text) == "Quorvex"


def test_a_name_spelt_out_before_its_legal_form_and_acronym_is_the_employer() -> None:
    text = (
        "Imaging Research Intern\n\n"
        "Veltrona Imaging Research USA, Inc. (VIRU) is proud to announce its summer programme.\n\n"
        "VIRU is looking for an intern to join its reconstruction team.\n"
    )
    # the acronym spelt out, and the country a research centre's name ends with kept
    assert organisation(text) == "Veltrona Imaging Research USA"


def test_a_degree_or_a_navigation_line_is_no_employer() -> None:
    assert (
        organisation("Research Intern, Vision\nLab Home | Phone\nThe lab studies vision.\nRequirements\n- Python\n") != "Lab Home"
    )
    text = (
        "PhD Intern - Machine Learning Performance Analyst\nOverview\nThe group studies cluster scheduling with PhD students.\n"
    )
    assert organisation(text) != "PhD"
    text = (
        "Graduate Research Assistant Program\n"
        "The Graduate Research Assistant Program is a year-round programme. Graduate students apply.\n"
    )
    assert organisation(text) != "Graduate"


def test_a_job_boards_category_in_the_page_title_is_no_employer() -> None:
    html = (
        "<html><head><title>Machine Learning Intern - Data Engineering Jobs | Learn4Good</title></head>"
        "<body><h1>Machine Learning Intern</h1><p>You will build models.</p></body></html>"
    )
    assert organisation(html, "inline.html") not in ("Data Engineering", "Learn4Good")


def test_a_known_laboratory_written_once_in_full_and_once_by_acronym_is_the_employer() -> None:
    text = (
        "PhD Intern - Machine Learning Performance Analyst\n"
        "Overview\n"
        "The directorate is PNNL's steward for computing research.\n"
        "Interns use technologies available at the Pacific Northwest National Laboratory, and work with scientists.\n"
    )
    assert organisation(text) == "Pacific Northwest National Laboratory"


def test_students_at_levels_listed_who_may_apply_is_a_degree_ask() -> None:
    text = (
        "Paid Internships at the Example Centre\n\n"
        "Students at every level (undergraduate, graduate, and doctoral) in Chemistry and Physics may apply "
        "for paid internships at the Example Centre.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)
    assert found.fields == ("chemistry", "physics")


def test_graduate_alone_outside_a_list_of_levels_is_no_stage() -> None:
    from matcher.ingest.degree_phrases import stages_in

    assert stages_in("Applicants may be a recent graduate, or a student in their final year.") == []


def test_how_to_send_the_application_and_a_schools_name_ask_nothing() -> None:
    text = (
        "Research Internship\n\n"
        "The application form is here and should be sent in electronically to the office.\n\n"
        "A selection board in the School of Computer Science will pick the candidates.\n"
    )
    draft = draft_posting(text, "inline.txt")
    posting = drafted(text)
    assert not skills(posting)
    assert not any("application form" in str(q.criterion) for q in posting.required)
    assert any("application form" in step for step in draft.application_steps)


def test_a_degree_drawing_on_fields_names_them_and_a_countrys_universities_are_where_to_study() -> None:
    text = (
        "Doctoral Internship Scheme\n\n"
        "To be eligible, applicants must:\n\n"
        "- Be a current doctoral student enrolled at a Canada-based university\n"
        "- Be studying for a PhD that draws mainly on methods from physics, chemistry and/ or biology\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)
    assert set(found.fields) == {"physics", "chemistry", "biology"}
    assert [place.lower() for place in found.enrolled_in] == ["canada"]


def preferred_skills(posting: Posting) -> set[str]:
    return {
        t.lower()
        for q in posting.preferred
        for t in getattr(q.criterion, "terms", ())
        if isinstance(q.criterion, SkillsCriterion)
    }


def test_a_preferred_heading_in_a_start_ups_words_opens_the_preferred_list() -> None:
    for heading in ("Impress us more…", "What would set you apart", "Great to have"):
        text = (
            "# Data Science Intern\n\n### Requirements\n\n- Experience with Python.\n\n"
            f"### {heading}\n\n- Experience with Kubernetes.\n"
        )
        posting = drafted(text)
        assert "kubernetes" in preferred_skills(posting), heading
        assert "kubernetes" not in skills(posting), heading


def test_a_page_opening_on_prose_takes_its_title_from_the_job_its_hiring_sentence_names() -> None:
    text = (
        "Quorvex is a robotics company. We believe robots should be safe for everyone and we build them.\n"
        "We are looking for a Perception Research Intern to join our Lisbon team.\n\n"
        "Requirements\n\n- Experience with PyTorch\n"
    )
    assert draft_posting(text, "inline.txt").posting["title"] == "Perception Research Intern"


def test_a_title_line_is_kept_when_the_page_has_one() -> None:
    text = "Perception Research Intern (Summer 2027)\nWe are looking for a Vision Engineer to join us.\n"
    assert draft_posting(text, "inline.txt").posting["title"] == "Perception Research Intern (Summer 2027)"


def test_dollars_marked_with_their_country_are_that_countrys_currency() -> None:
    text = "Research Internship\n\nEach intern receives a living allowance of S$1,200 per month.\n"
    pay = draft_posting(text, "inline.txt").posting["pay"]
    assert (pay["min"], pay["currency"], pay["per"]) == (1200, "SGD", "month")


def test_a_schools_page_names_the_university_it_belongs_to() -> None:
    text = (
        "Summer Internship\n\n"
        "The School of Earth and Ocean Sciences (SEOS) runs a research internship for visiting students.\n\n"
        "SEOS is looking for students. Students already at the University of Exampleton should apply internally.\n"
    )
    assert organisation(text) == "University of Exampleton"
    text = (
        "Summer Internship\n\n"
        "The School of Earth and Ocean Sciences (SEOS) runs a research internship for visiting students.\n\n"
        "SEOS is looking for students. Students already at NUS should look at their department's pages.\n"
    )
    assert organisation(text) == "National University of Singapore"


def test_a_degree_item_run_on_into_a_duty_list_is_asked() -> None:
    text = (
        "# Imaging Research Intern\n\n## Responsibilities\n\n"
        "- Design and validate segmentation models for retinal scans.\n"
        "- Actively pursuing a PhD in a field related to imaging, such as optics, biomedical engineering, "
        "or a related discipline.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)
    assert found.fields == ("optics", "biomedical engineering")
    assert found.related_fields


def test_a_degree_waived_for_experience_is_either() -> None:
    from matcher.models import AnyOfCriterion, TextCriterion

    text = (
        "Research Intern\n\nRequirements\n\n- Experience with PyTorch.\n"
        "- Pursuing advanced degrees in robotics (MS/PhD). Whatever your background, consider applying if you "
        "have strongly relevant experience.\n"
    )
    posting = drafted(text)
    assert not degrees(posting)
    (either,) = [q.criterion for q in posting.required if isinstance(q.criterion, AnyOfCriterion)]
    kinds = {type(option.criterion) for option in either.options}
    assert kinds == {DegreeCriterion, TextCriterion}


def test_a_minimum_time_in_words_and_a_place_not_to_study_in_are_asked() -> None:
    from matcher.models import AvailabilityCriterion, TextCriterion

    text = (
        "Research Internship\n\nEligibility\n\n"
        "- The applicant must be a full-time Masters student, currently studying outside Norway.\n"
        "- The applicant must be able to commit to an internship of at least three months.\n"
    )
    posting = drafted(text)
    criteria = [q.criterion for q in posting.required]
    assert [c.weeks for c in criteria if isinstance(c, AvailabilityCriterion)] == [13]
    assert [c.text for c in criteria if isinstance(c, TextCriterion)] == ["studying outside Norway"]


def test_a_place_on_its_own_line_just_above_the_title_is_the_postings_place() -> None:
    text = (
        "Eindhoven, Netherlands\n6 days ago\nMachine learning internship: explain models by visualization\n"
        "Introduction\n\nThe team builds metrology software for wafers and wants to explain its models better.\n"
    )
    assert draft_posting(text, "inline.txt").posting["location"] == ["Eindhoven, Netherlands"]


def test_common_names_of_ml_practice_are_read_as_skills() -> None:
    text = (
        "Research Intern\n\nPreferred qualifications\n\n"
        "- Experience with fine-tuning, model deployment and MLOps.\n- Knowledge of graph theory.\n"
    )
    assert {"fine-tuning", "model deployment", "mlops", "graph theory"} <= preferred_skills(drafted(text))
