"""ingest, fifth round (issue 20): general behaviours for unseen postings, found by counting which
drafted item made a verdict differ (tools/ingest_corpus.py --by-cause). Each on a small posting
written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.models import DegreeCriterion, Posting, PublicationsCriterion, SkillsCriterion, Stage, TextCriterion

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skills(quals) -> set[str]:
    return {t.lower() for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def texts(quals) -> list[str]:
    return [q.criterion.text for q in quals if isinstance(q.criterion, TextCriterion)]


def test_lines_wrapped_inside_a_sentence_are_joined() -> None:
    text = (
        "Summer research programme at the Example Institute\n"
        "The programme is open to advanced graduate students in computer\n"
        "science at universities in Canada.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.fields == ("computer science",)


def test_a_short_line_is_not_joined_to_an_address_after_it() -> None:
    text = "Research Intern, 2027\nAcme\nsomeboard.example\n\nYou must be enrolled in a PhD program.\n"
    assert drafted(text).organization == "Acme"


def test_several_degree_mentions_become_one_ask_of_the_stages_most_name() -> None:
    text = (
        "Research Internship\n\n## Requirements\n\n"
        "- You must be enrolled in a Bachelor's or Master's programme.\n"
        "- Students who have not yet finished their Bachelor's degree must have completed two years of study.\n"
        "- Master's students in any field may apply.\n"
    )
    (found,) = degrees(drafted(text))
    assert set(found.stages) == {Stage.BACHELORS, Stage.MASTERS}


def test_a_stage_only_a_minority_of_mentions_names_is_no_ask() -> None:
    text = (
        "Research attachment programme\n\n"
        "The programme gives PhD students a year of research at our institutes.\n"
        "Under the programme, PhD students from overseas universities spend one to two years with us.\n"
        "PhD students holding a bachelor's degree with honours may be nominated.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_a_degree_in_the_prose_around_the_qualifications_gives_way_to_theirs() -> None:
    text = (
        "PhD Residency\n\nOur residency is a paid way for graduate students to have impact.\n\n"
        "## Qualifications\n\n- Currently enrolled in a PhD program in a technical field\n- Proficiency in Python\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_a_heading_word_inside_a_sentence_opens_no_section() -> None:
    for sentence in ("Returning students send their forms to the Education Office by May.", "If You Have questions, call us."):
        text = f"Research Programme\n\nOur lab studies robots.\n{sentence}\nOur projects use Python and C++ daily.\n"
        assert not skills(drafted(text).required), sentence


def test_the_ideal_candidate_is_preferred_beside_what_is_said_to_be_required() -> None:
    text = (
        "Research Internship\n\nAcme is looking for an intern to study sensor fusion. The ideal candidate has a strong "
        "background in Bayesian methods and graph theory. Proficiency in Rust is required.\n"
    )
    posting = drafted(text)
    assert skills(posting.required) == {"rust"}
    assert "bayesian methods" in skills(posting.preferred)


def test_the_ideal_candidate_is_asked_when_nothing_else_is() -> None:
    text = "Research Internship\n\nAcme studies sensors. The ideal candidate has experience with Rust and Haskell.\n"
    assert {"rust", "haskell"} <= skills(drafted(text).required)


def test_what_follows_ideally_is_preferred_and_the_rest_required() -> None:
    text = "Research Intern\n\n## Qualifications\n\n- Experience with Rust, ideally with embedded Haskell projects\n"
    posting = drafted(text)
    assert "rust" in skills(posting.required) and "haskell" not in skills(posting.required)


def test_one_or_more_of_the_following_is_one_list_of_alternatives() -> None:
    text = (
        "Research Intern\n\n## Qualifications\n\n- A background in one or more of the following areas: "
        "Bayesian methods, graph theory, and optimization, shown by publications or equivalent experience\n"
    )
    (item,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, SkillsCriterion)]
    assert item.mode == "any" and {t.lower() for t in item.terms} >= {"bayesian methods", "optimization"}


def test_students_encouraged_to_apply_are_whom_the_posting_asks_for() -> None:
    text = "Research Internship\n\nAcme studies sensors. Senior PhD students in physics are encouraged to apply.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_fields_sharing_one_head_noun_each_take_it() -> None:
    text = "Intern\n\n## Qualifications\n\n- PhD student in mechanical, electrical, chemical engineering, or related areas\n"
    (found,) = degrees(drafted(text))
    assert set(found.fields) == {"mechanical engineering", "electrical engineering", "chemical engineering"}
    text = "Research Intern\n\n## Qualifications\n\n- PhD student in biostatistics, health sciences\n"
    assert set(degrees(drafted(text))[0].fields) == {"biostatistics", "health sciences"}


def test_a_field_named_by_kind_takes_its_examples() -> None:
    text = (
        "Intern\n\n## Qualifications\n\n"
        "- Enrollment in a PhD program in an AV-related field (e.g. computer vision, robotics) with publications\n"
    )
    (found,) = degrees(drafted(text))
    assert set(found.fields) == {"computer vision", "robotics"} and found.related_fields


def test_multiple_publications_are_two() -> None:
    text = "Intern\n\n## Qualifications\n\n- Multiple research publications in top conferences or journals\n"
    (item,) = [q.criterion for q in drafted(text).required if isinstance(q.criterion, PublicationsCriterion)]
    assert item.min == 2


def test_a_bullet_labelled_preferred_is_preferred_alone() -> None:
    text = (
        "# Residency\n\n### Qualifications\n\n"
        "* Currently enrolled in a PhD program in a technical field\n"
        "  * Preferred: qualifying exams are complete\n"
        "* Proficiency in Haskell\n"
        "* Experience with Rust\n"
    )
    posting = drafted(text)
    assert skills(posting.required) == {"haskell", "rust"}
    assert texts(posting.preferred) == ["qualifying exams are complete"]


def test_studying_or_recently_graduated_asks_no_enrolment() -> None:
    text = "Intern\n\n## Qualifications\n\n- Currently enrolled in, or recently completed, a PhD program in physics\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,) and not found.enrolled


def test_the_employer_a_page_says_it_is() -> None:
    text = "Acme Inc is a technology company. We build cameras.\nWe are looking for a Research Intern to join us.\n"
    assert drafted(text).organization == "Acme"
    text = "Research Intern\n\nThe Example Computing Institute (ECI) is taking applications for its summer programme.\n"
    assert drafted(text).organization == "Example Computing Institute"


def test_the_name_repeated_by_the_title_is_the_employer_not_the_team() -> None:
    text = "Vision Intern\n\nPerception Research\n\nPosted on 10/27/2025\n\nAcme Robotics\n\nAcme Robotics\n\nWe build robots.\n"
    assert drafted(text).organization == "Acme Robotics"


def test_a_research_employer_known_by_its_full_name_is_spelt_out() -> None:
    text = "Internship - Estimation\n\nMERL is looking for an intern to work on estimation.\n"
    assert drafted(text).organization == "Mitsubishi Electric Research Laboratories"
    text = "# Conditions\n\nStudents must be enrolled. ORNL cannot host students this year. ORNL offers remote projects.\n"
    assert drafted(text).organization == "Oak Ridge National Laboratory"


def test_a_comma_list_of_cities_without_states_is_a_list_of_places() -> None:
    text = "# Research Intern\n\n* Location: Sunnyvale, Austin, Seattle\n\n## Qualifications\n\n* PhD student\n"
    assert drafted(text).location == ("Sunnyvale, CA", "Austin, TX", "Seattle, WA")


def test_a_line_that_is_only_a_place_in_the_header_places_the_posting() -> None:
    header = "Vision Intern\n\nPerception Research\n\nPosted on 10/27/2025\n\nAcme\n\nPay\n\n$45/hr\n\n+ Bonus\n\n"
    text = header + "Mountain View, CA, USA\n\nHybrid\n\n" + "We build robots that help people at home and at work. " * 3 + "\n"
    assert drafted(text).location == ("Mountain View, CA",)


def test_names_no_catalogue_knows_all_asked_are_drafted_as_text() -> None:
    text = "Intern\n\n## Qualifications\n\n- Proficiency with frobnicated pipelines and glimmer-native codebases.\n- Python\n"
    posting = drafted(text)
    assert skills(posting.required) == {"python"}
    assert texts(posting.required) == ["Proficiency with frobnicated pipelines and glimmer-native codebases."]
    text = "Intern\n\n## Qualifications\n\n- Experience with frobnicated pipelines or glimmer-native codebases.\n"
    assert skills(drafted(text).required)  # offered as a choice: a profile needs only one
