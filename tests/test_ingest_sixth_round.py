"""ingest, sixth round (issue 20): general behaviours for unseen postings, found by counting which
drafted item made a verdict differ (tools/ingest_corpus.py --by-cause) on all six seen splits. Each
on a small posting written inline, none copied from the corpus."""

from __future__ import annotations

from datetime import date

from matcher.ingest import draft_posting
from matcher.loading import posting_from_yaml
from matcher.models import (
    AvailabilityCriterion,
    DegreeCriterion,
    LocationCriterion,
    Posting,
    ResearchExperienceCriterion,
    SkillsCriterion,
    Stage,
    TextCriterion,
)

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def texts(posting: Posting) -> list[str]:
    return [q.criterion.text for q in posting.required if isinstance(q.criterion, TextCriterion)]


def test_a_heading_naming_who_may_apply_opens_the_qualifications() -> None:
    text = "Summer Research Internship\n\nConditions to Apply\n\nMaster's students in physics or chemistry may apply.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)
    assert found.fields == ("physics", "chemistry")


def test_an_faq_question_answered_no_excludes_its_stage() -> None:
    text = (
        "Research Internship at the Example Institute\n\n"
        "Eligibility\n\n"
        "Bachelor's, Master's and PhD students in biology may apply.\n\n"
        "Can PhD students apply?\n\n"
        "Unfortunately, no. The internship prepares students for doctoral study.\n"
    )
    posting = drafted(text)
    (found,) = degrees(posting)
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS)
    assert not any(t.lower().startswith("unfortunately") for t in texts(posting))


def test_an_faq_answer_yes_excludes_nothing() -> None:
    text = (
        "Research Internship\n\nEligibility\n\nMaster's and PhD students may apply.\n\n"
        "Can PhD students apply? Yes, in any year.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS, Stage.PHD)


def test_students_sent_to_other_opportunities_are_excluded() -> None:
    text = (
        "Research Internship\n\nWho can apply\n\n"
        "- Bachelor's and Master's students may apply.\n"
        "- Current PhD students who want to collaborate with us should look at other opportunities.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS)


def test_a_phd_programme_one_may_join_later_is_no_ask() -> None:
    text = (
        "Research Internship\n\nEligibility\n\n"
        "- Master's students in any year may apply.\n"
        "- The internship suits those who are interested in joining the Example PhD Program later.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)


def test_research_experience_the_internship_gives_is_no_ask() -> None:
    text = (
        "Research Internship\n\nEligibility\n\n"
        "- Bachelor's students in their third year.\n"
        "- The internship is meant for those who need more research experience.\n"
    )
    posting = drafted(text)
    assert not [q for q in posting.required if isinstance(q.criterion, ResearchExperienceCriterion)]


def test_a_masters_programme_named_in_the_title_asks_for_a_masters() -> None:
    (found,) = degrees(drafted("# MScAC Internship\n\nToronto\n\nWe build language tools for scientists.\n"))
    assert found.stages == (Stage.MASTERS,)


def test_a_dataset_named_like_a_programme_is_no_degree() -> None:
    text = "# Vision Intern\n\n## Requirements\n\n- Experience training detectors on MSCOCO.\n"
    assert not degrees(drafted(text))


def test_a_boards_degree_label_in_spanish_is_the_degree_asked() -> None:
    text = (
        "# Research Intern\n\n**Resumen del puesto**\n\nMadrid\n\nTotalmente remoto\n\n"
        "Formación: Licenciatura / Máster\n\n## El puesto\n\nYou will work on ranking models.\n"
    )
    posting = drafted(text)
    (found,) = degrees(posting)
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS)
    assert "Remote" in posting.location


def test_a_boards_degree_label_in_french_is_the_degree_asked() -> None:
    text = "# Stage de recherche\n\nLyon\n\nNiveau d'études : Bac +5 / Master\n\nYou will study speech models.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)


def test_a_board_label_gives_way_to_the_pages_own_degree() -> None:
    text = (
        "# Research Intern\n\nFormación: Licenciatura / Máster\n\n## Requirements\n\n- Currently enrolled in a PhD programme.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_partial_telework_is_no_remote_place() -> None:
    text = "# Research Intern\n\nParis\n\nTélétravail partiel\n\n## Requirements\n\n- A master's student.\n"
    assert "Remote" not in drafted(text).location


def test_an_institution_qualified_by_a_nationality_is_a_place_of_study() -> None:
    text = (
        "Eligibility Requirements\n\n"
        "Eligible interns are graduate students enrolled in, or postdoctoral fellows working in, a Canadian "
        "participating institution, in any area of research.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.enrolled_in == ("Canada",)


def skills_of(quals) -> set[str]:
    return {t.lower() for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def test_a_sentence_that_turns_a_stage_away_asks_for_nothing_it_names() -> None:
    text = (
        "Research Internship\n\nEligibility\n\n"
        "- Master's students may apply.\n"
        "- PhD students should look at other opportunities, such as our Python workshops.\n"
    )
    assert not skills_of(drafted(text).required)


def test_recommendation_letters_are_an_application_step() -> None:
    text = (
        "Research Internship\n\nRequirements\n\n- Master's students may apply.\n"
        "- We accept recommendation letters from any professor who knows your work.\n"
    )
    assert not skills_of(drafted(text).required)


def test_we_prefer_run_into_a_paragraph_opens_the_preferred_list() -> None:
    text = (
        "Acme is a robotics company.Interns join projects. You have: Currently enrolled in a PhD program in "
        "robotics.Python We prefer: C++Experience with ROS\n"
    )
    posting = drafted(text)
    assert "python" in skills_of(posting.required)
    assert {"c++", "ros"} <= skills_of(posting.preferred)
    assert "c++" not in skills_of(posting.required)


def test_items_run_together_by_a_board_are_parted() -> None:
    text = (
        "Research Intern\n\nRequirements\n\nEnrolled in a PhD program.Experience with TransformersModel compression for robots\n"
    )
    assert "transformers" in skills_of(drafted(text).required)


def test_a_pay_line_naming_a_stage_is_no_degree() -> None:
    text = "# Research Intern\n\n## Requirements\n\n- A master's student in statistics.\n\n## Pay\n\nHourly PhD Pay: $60\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.MASTERS,)


def test_a_logo_in_capitals_is_the_employer_as_its_prose_names_it_not_the_office() -> None:
    text = (
        "ACME\n\nInternship- Engineering\n\nSpringfield - 12 Main St (HQ) Full time\n\n"
        "Acme Legal Group provides tools for lawyers and courts.\n\nQualifications:\n\n- Pursuing a degree in CS.\n"
    )
    assert drafted(text).organization == "Acme Legal Group"


def test_a_name_over_the_title_is_the_employer_even_when_written_once() -> None:
    text = "Acme\nResearch Scientist Intern (PhD)\nFound: January 9, 2026\nMinimum Qualifications:\n- Pursuing a PhD.\n"
    assert drafted(text).organization == "Acme"


def test_a_known_acronym_is_not_spelt_out_when_the_pages_pay_places_it_elsewhere() -> None:
    text = (
        "Frequently Asked Questions\n\nWho is eligible for the INL Summer Programme?\n\n"
        "- Undergraduate students in physics.\n\nStudents receive from INL an allowance of €600.\n"
    )
    assert drafted(text).organization == "INL"


def test_a_known_acronym_is_spelt_out_when_nothing_places_it_elsewhere() -> None:
    text = (
        "Summer Programme FAQ\n\nWho is eligible for the INL Summer Programme?\n\n"
        "- Undergraduate students in physics.\n\nINL pays $20 per hour.\n"
    )
    assert drafted(text).organization == "Idaho National Laboratory"


def test_a_centre_of_a_university_gives_the_university() -> None:
    text = (
        "# Ethics Internships\n\nCentre for Ethics\n\n"
        "Applications are invited for internships at the Centre for Ethics, University of Springfield.\n\n"
        "## Eligibility\n\n- Undergraduate students in philosophy.\n"
    )
    assert drafted(text).organization == "University of Springfield"


def test_the_site_name_a_page_gives_itself_is_the_employer() -> None:
    text = (
        '<html><head><meta property="og:site_name" content="Acme Robotics"><title>Careers</title></head>'
        "<body><h1>Research Intern</h1><h2>Requirements</h2><ul><li>PhD student in robotics.</li></ul></body></html>"
    )
    assert drafted(text).organization == "Acme Robotics"


def test_the_source_address_names_the_employer_the_page_writes() -> None:
    text = "Eligibility Requirements\n\nInterns are graduate students at a Canadian university. Contact Mapleco for details.\n"
    posting = posting_from_yaml(draft_posting(text, "https://www.mapleco.ca/eligibility").posting, "t.yaml")
    assert posting.organization == "Mapleco"


def test_a_source_address_the_page_never_writes_names_no_employer() -> None:
    text = "Eligibility Requirements\n\nInterns are graduate students at a Canadian university.\n"
    posting = posting_from_yaml(draft_posting(text, "https://mapleinternships.ca/eligibility").posting, "t.yaml")
    assert posting.organization == "(organisation not found: fill in)"


def test_remote_in_an_area_keeps_the_area() -> None:
    text = "# Research Intern\n\nAcme\n\nRemote (North America)\n\n## Requirements\n\n- A PhD student.\n"
    assert drafted(text).location == ("Remote (North America)",)


def test_a_place_the_candidate_must_be_in_said_in_prose_is_asked() -> None:
    text = (
        "Student Researcher, 2027\nAcme\n\n"
        "Taking part in this program requires you to be located in Germany for the duration of the engagement.\n\n"
        "- Currently pursuing a PhD degree in Computer Science.\n"
    )
    posting = drafted(text)
    places = [q.criterion for q in posting.required if isinstance(q.criterion, LocationCriterion)]
    assert [c.on_site for c in places] == [("Germany",)]


def test_a_place_the_employer_is_in_is_no_ask() -> None:
    text = "Student Researcher\nAcme\n\nOur lab is located in Germany.\n\n- Currently pursuing a PhD degree.\n"
    assert not [q for q in drafted(text).required if isinstance(q.criterion, LocationCriterion)]


def test_an_item_opening_with_its_degree_asks_for_it_on_a_page_without_headings() -> None:
    text = (
        "Master/PhD Internship - Machine Reading\n\n"
        "Acme Labs works on reading comprehension for its products.\n\n"
        "  • Master and/or Ph.D. in statistics with a strong interest in Deep Learning.\n"
        "  • Knowledge of PyTorch.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.fields == ("statistics",)


def test_a_programmes_name_opening_with_a_degree_asks_for_nothing() -> None:
    text = (
        "Winter Internship\n\nMSc in Interactive Media Design\n\n"
        "The programme is looking for undergraduate and postgraduate students to join our team.\n"
    )
    assert all(not f.fields for f in degrees(drafted(text)))


def test_research_experience_applying_one_field_to_another_names_both() -> None:
    text = (
        "# Research Intern\n\n## Requirements\n\n- Currently enrolled in a PhD programme.\n"
        "- Research experience in applying deep learning to medical imaging processing.\n"
    )
    (found,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, ResearchExperienceCriterion)]
    assert set(found.fields) == {"deep learning", "medical imaging"}


def test_available_over_a_window_asks_to_be_free_from_its_first_day() -> None:
    text = (
        "# Summer Internship\n\n## Requirements\n\n- Master's students.\n"
        "- Applicants are available for the whole 90 days between 1st July and 30th September 2027.\n"
    )
    (found,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, AvailabilityCriterion)]
    assert found.start == date(2027, 7, 1)


def skill_items(quals) -> list[SkillsCriterion]:
    return [q.criterion for q in quals if isinstance(q.criterion, SkillsCriterion)]


def test_a_list_of_several_of_a_kind_asks_for_two_of_its_items() -> None:
    text = (
        "# Research Intern\n\n## Requirements\n\n"
        "- Experience on multiple machine learning facets: statistics, data visualization, optimization.\n"
    )
    (found,) = skill_items(drafted(text).required)
    assert found.mode == "any" and found.min == 2
    assert {t.lower() for t in found.terms} == {"statistics", "data visualization", "optimization"}


def test_lists_a_semicolon_parts_are_each_asked() -> None:
    text = "# Research Intern\n\n## Requirements\n\n- Strong working knowledge of Python; Hadoop, SQL or Spark.\n"
    found = skill_items(drafted(text).required)
    assert [{t.lower() for t in f.terms} for f in found] == [{"python"}, {"hadoop", "sql", "spark"}]


def test_a_paragraph_after_a_qualifications_list_describes_the_role() -> None:
    text = (
        "<h1>Research Intern</h1><h3>Key Qualifications</h3><ul><li>Good coding skills in Python.</li></ul>"
        "<p>You will join a new team focused on robotics research. The role is much like an academic position: "
        "experimenting with new optimization methods.</p>"
    )
    assert skills_of(drafted(text).required) == {"python"}


def test_an_explicit_ask_in_a_paragraph_after_the_list_is_still_asked() -> None:
    text = (
        "<h1>Research Intern</h1><h3>Requirements</h3><ul><li>Good coding skills in Python.</li></ul>"
        "<p>The team studies wearables. Interns must be willing to relocate to Portland, Oregon for the internship.</p>"
    )
    assert [q for q in drafted(text).required if isinstance(q.criterion, LocationCriterion)]
