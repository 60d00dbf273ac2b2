"""ingest, fourth round (issue 20): general rules for posting shapes the held-out sets showed the
drafter reading badly, each on a small posting written inline, none copied from the corpus."""

from __future__ import annotations

from datetime import date

from matcher.ingest import draft_posting
from matcher.models import (
    AvailabilityCriterion,
    DegreeCriterion,
    Posting,
    PublicationsCriterion,
    ResearchExperienceCriterion,
    SkillsCriterion,
)

from .conftest import drafted


def degree(posting: Posting) -> DegreeCriterion:
    (found,) = [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]
    return found


def skills(quals) -> set[str]:
    return {t.lower() for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def test_items_a_board_ran_together_are_parted_again() -> None:
    text = (
        "Research Intern (PhD)\nAcme - Springfield\n\n"
        "We hire interns every summer.We are looking for people with the following qualifications:Currently "
        "enrolled in a PhD in areas such as Geology, Hydrology or a related fieldDomain expertise in one or more "
        "of the following areas: Recommender Systems, Reinforcement Learning.\n"
    )
    posting = drafted(text)
    assert set(degree(posting).fields) == {"geology", "hydrology"}
    assert {"recommender systems", "reinforcement learning"} <= skills(posting.required)


def test_a_heading_right_under_qualifications_introduces_the_list() -> None:
    text = (
        "# Research Intern\n\n## Qualifications\n\n**Qualities that will help you thrive in this role are:**\n\n"
        "* Currently enrolled in a PhD program in Robotics or another related, quantitative field.\n"
        "* Familiarity with relevant languages (e.g. Python, Java, C++, etc.).\n"
    )
    posting = drafted(text)
    assert degree(posting).fields == ("robotics",) and degree(posting).related_fields
    assert skills(posting.required) == {"python", "java", "c++"}


def test_a_deadline_said_in_prose() -> None:
    text = "Summer Research Programme\n\nApplications for Summer 2027 are open until March 3, 2027.\n"
    assert draft_posting(text, "test").posting["deadline"] == "2027-03-03"


def test_a_start_no_later_than_is_no_deadline() -> None:
    text = "Research Intern\n\nYou must be available to start no later than 1st June 2027.\n"
    assert "deadline" not in draft_posting(text, "test").posting


def test_a_short_deadline_is_read_as_the_first_day_after_the_posting() -> None:
    text = "Research Internships, Summer 2027 - Deadline 2/8\n\nWe are hiring research interns.\n"
    posting = draft_posting(text, "test", published=date(2027, 1, 20)).posting
    assert posting["deadline"] == "2027-02-08"  # 8 February, not 2 August: the sooner one after 20 January
    assert "deadline" not in draft_posting(text, "test").posting  # undated, "2/8" could be either


def test_a_comma_list_of_cities_and_remote_regions() -> None:
    text = "# Research Intern\n\n### Available Locations: Austin, Remote US, London, Remote UK\n\nWe build networks.\n"
    assert draft_posting(text, "test").posting["location"] == ["Austin, TX", "Remote (US)", "London, UK", "Remote (UK)"]


def test_a_remote_place_written_with_a_dash_and_no_country_beside_its_city() -> None:
    assert drafted("Research Intern\nLocation: Remote - UK\n\nWe build networks.\n").location == ("Remote (UK)",)
    assert drafted("Research Intern\nAcme · London · United Kingdom\n\nWe build networks.\n").location == ("London, UK",)


def test_places_said_in_prose_and_cities_of_research_labs() -> None:
    text = "Research Intern\n\nWe are looking for a team member located in one of the following areas: Canada, or UK.\n"
    assert drafted(text).location == ("Canada", "United Kingdom")
    assert drafted("Research Intern\nAcme - Los Gatos\n\nWe build networks.\n").location == ("Los Gatos, CA",)


def test_an_acronym_in_the_employer_is_spelt_out_as_the_page_spells_it() -> None:
    text = (
        "Research Internship\n\nThe Kestrel Institute for Applied Vision (KIAV) studies vision.\n\n"
        "The KIAV Center is looking for master's students to collaborate with us.\n"
    )
    assert drafted(text).organization == "Kestrel Institute for Applied Vision"


def test_an_employer_glued_to_its_place_and_one_opening_the_title() -> None:
    posting = drafted("ML Engineer (Intern)\n\nKestrelBoston, MA\n\nAt Kestrel we build models.\n")
    assert (posting.organization, posting.location) == ("Kestrel", ("Boston, MA",))
    titled = "Kestrel Research Scientist Internships, Summer 2027\n\nKestrel hires interns each summer.\n"
    assert drafted(titled).organization == "Kestrel"


def test_an_employer_named_in_its_diversity_statement() -> None:
    text = "Summer Internship\n\nWe host students.\n\nThe Kestrel Society values diversity and promotes equality.\n"
    assert drafted(text).organization == "Kestrel Society"


def asked_skills(sentence: str) -> set[str]:
    posting = drafted(f"# Research Intern\n\n## Requirements\n\n- {sentence}\n")
    return skills(posting.required)


def test_skills_in_a_sentence_the_catalogue_does_not_know_are_read_from_its_lists() -> None:
    assert asked_skills("Experience with technologies such as Docker, Kubernetes, Salt.") >= {"docker", "salt"}
    assert asked_skills("Familiarity with cloud computing environments and big data technologies.") == {
        "cloud computing",
        "big data",
    }
    # names no catalogue knows, all of them asked, are text since the fifth round (test_ingest_fifth_round.py)
    assert asked_skills("Experience developing and implementing bot detection or fraud prevention strategies.") == {
        "bot detection",
        "fraud prevention",
    }
    assert asked_skills("Experience with columnar databases such as Quokkabase.") == {"quokkabase"}  # the example


def test_prose_that_names_no_thing_is_not_a_skill() -> None:
    assert asked_skills("Strong collaboration and communication skills, and you help the engineers around you grow.") == set()
    assert asked_skills("Experience with larger codebases.") == set()  # one phrase alone: prose, kept as text
    assert asked_skills("Experience implementing algorithms with code and tools.") == set()


def test_a_known_skill_spelt_with_other_spaces_and_two_lists_of_alternatives() -> None:
    assert asked_skills("Experience in data annotation, crowd sourcing or design of experiments.") == {
        "data annotation",
        "crowdsourcing",
        "design of experiments",
    }
    posting = drafted("# Intern\n\n## Requirements\n\n- Experience with Java, C++, or other languages, and Python or R.\n")
    groups = [set(q.criterion.terms) for q in posting.required if isinstance(q.criterion, SkillsCriterion)]
    assert groups == [{"Java", "C++"}, {"Python", "R"}]


def test_a_category_before_including_is_not_asked() -> None:
    assert asked_skills("Experience with general purpose programming languages, including: C++, Java.") == {"c++", "java"}


def stages_of(posting: Posting) -> set[str]:
    return {s.label for s in degree(posting).stages}


def test_a_stage_not_yet_begun_or_only_planned_is_not_asked() -> None:
    text = "# Summer Internship\n\n## Eligibility\n\n- Applicants have not begun their PhD by the time of the internship.\n"
    assert stages_of(drafted(text)) == {"bachelors", "masters"}
    planned = (
        "# Summer Internship\n\n## Eligibility\n\n- You are enrolled in a Bachelor's or Master's programme.\n"
        "- You plan to pursue PhD studies.\n"
    )
    assert stages_of(drafted(planned)) == {"bachelors", "masters"}


def test_whom_the_prose_says_it_seeks_gives_the_stages() -> None:
    text = (
        "# Research Internship\n\nThe Kestrel Center is looking for students at the master's or PhD level.\n\n"
        "## Requirements\n\n- Be enrolled in a university and have permission to travel.\n"
    )
    assert stages_of(drafted(text)) == {"masters", "phd"}
    unasked = (
        "# Winter Internship\n\n## Job Summary\n\nKestrel is looking for undergraduate & postgraduate students in "
        "the areas of digital content and metaverse.\n\n## Requirements\n\n- Experience with Unreal Engine.\n"
    )
    assert stages_of(drafted(unasked)) == {"bachelors", "masters", "phd"}


def test_an_item_that_is_only_a_name_is_that_skill() -> None:
    assert asked_skills("Non-convex optimization") == {"non-convex optimization"}
    assert asked_skills("Stochastic differential equations") == {"stochastic differential equations"}
    assert asked_skills("Reading scientific articles") == set()  # a doing, not a thing
    assert asked_skills("Problem-solving mindset") == set()


def test_a_plain_including_adds_and_e_g_offers_a_choice() -> None:
    assert asked_skills("Strong proficiency with PyTorch, including distributed training.") == {
        "pytorch",
        "distributed training",
    }
    posting = drafted("# Intern\n\n## Requirements\n\n- Familiarity with deep learning libraries (e.g., PyTorch, JAX).\n")
    (group,) = [q.criterion for q in posting.required if isinstance(q.criterion, SkillsCriterion)]
    assert group.mode == "any"


def test_one_skill_and_a_choice_of_others_and_items_run_on_after_a_bracket() -> None:
    text = (
        "# Intern\n\n## Key Qualifications\n\n"
        "- Fluency in Python and at least one lower level language (Go, Rust, C++, etc.) Excellent statistics skills\n"
    )
    groups = [
        (q.criterion.mode, set(q.criterion.terms)) for q in drafted(text).required if isinstance(q.criterion, SkillsCriterion)
    ]
    assert groups == [("all", {"Python"}), ("any", {"Go", "Rust", "C++"}), ("all", {"statistics"})]


def test_initials_end_no_sentence() -> None:
    text = "# Intern\n\n## Eligibility\n\n- U.S. Citizens or Permanent Residents. Enrolled in a PhD program.\n"
    quotes = [q.quote for q in drafted(text).required]
    assert quotes[0].startswith("U.S. Citizens")


def availability(text: str) -> list[AvailabilityCriterion]:
    return [q.criterion for q in drafted(text).required if isinstance(q.criterion, AvailabilityCriterion)]


def test_a_minimum_time_free_to_work_is_availability() -> None:
    prose = "# Intern\n\nWe are looking for students who can commit to a minimum of 6 months.\n\n## Requirements\n\n- Python\n"
    assert [a.weeks for a in availability(prose)] == [26]
    listed = "# Intern\n\n## Requirements\n\n- Available for the whole 90 days between July and September.\n"
    assert [a.weeks for a in availability(listed)] == [13]
    start = "# Intern\n\n## Requirements\n\n- You must be available to start no later than 1st June 2027.\n"
    assert [a.start for a in availability(start)] == [date(2027, 6, 1)]


def test_a_length_without_a_minimum_or_hedged_describes_the_internship() -> None:
    assert availability("# Intern\n\n## Requirements\n\n- Able to commit to working for 12 weeks during Summer 2027\n") == []
    hedged = "# Intern\n\n## Requirements\n\n- Able to commit to at least 4 months (depends on proficiency)\n"
    assert availability(hedged) == []


def test_places_on_the_line_a_locations_note_announces_and_in_a_must_work_in() -> None:
    text = (
        "Research Intern\n\nYou can share your preferred working location from the following:\n"
        "Munich, Germany; Berlin, Germany.\n\nWe build models.\n"
    )
    assert drafted(text).location == ("Munich, Germany", "Berlin, Germany")
    assert drafted("Research Intern\n\nReview starts in May. Interns must work in Portland, OR.\n").location == ("Portland, OR",)


def test_a_site_is_not_a_place_and_a_place_ending_the_title() -> None:
    assert drafted("# Research Intern\n\n- Location: Head office, Tokyo\n\nWe build models.\n").location == ("Tokyo, Japan",)
    assert drafted("Hardware Intern in Cambridge\n\nWe build chips.\n").location == ("Cambridge, UK",)


def test_a_research_track_record_and_a_clause_of_preference() -> None:
    text = (
        "# Researcher Intern\n\n## Required\n\n- Strong research track record in one or more areas of computer vision "
        "and computer graphics, with preference for candidates who have publications at venues such as CVPR.\n"
    )
    posting = drafted(text)
    (research,) = [q.criterion for q in posting.required if isinstance(q.criterion, ResearchExperienceCriterion)]
    assert set(research.fields) == {"computer vision", "computer graphics"}
    assert not [q for q in posting.required if isinstance(q.criterion, PublicationsCriterion)]
    assert [q.criterion.venues for q in posting.preferred if isinstance(q.criterion, PublicationsCriterion)] == [("CVPR",)]


def test_a_list_an_area_in_title_case_announces_with_a_colon() -> None:
    sentence = "Recommender Systems: collaborative filtering, content-based recommendation, and session modelling."
    assert asked_skills(sentence) >= {"collaborative filtering", "content-based recommendation", "session modelling"}
    assert asked_skills("Chip-level architecture: scalable interconnects, faster crossbars, and wide buses.") == set()


def test_a_clause_after_a_semicolon_that_is_a_plus_is_preferred() -> None:
    posting = drafted("# Intern\n\n## Requirements\n\n- Experience with C/C++; Java a plus\n")
    assert (skills(posting.required), skills(posting.preferred)) == ({"c", "c++"}, {"java"})


def test_one_phrase_alone_counts_when_it_is_a_known_name_spelt_another_way() -> None:
    assert asked_skills("Experience with crowd sourcing.") == {"crowdsourcing"}


def test_fields_given_as_examples_admit_related_fields() -> None:
    text = (
        "# Graduate Programme\n\n## Eligibility\n\n- Graduate students working toward PhD degrees in areas aligned "
        "with the mission, including geology.\n"
    )
    found = degree(drafted(text))
    assert (found.fields, found.related_fields) == (("geology",), True)


def test_a_posting_without_headings_asks_in_more_words_but_not_about_its_own_team() -> None:
    text = (
        "PhD Machine Learning Engineer, Intern\nKestrel\n- A deep understanding of computer science, gained through a "
        "PhD in Geology or a closely related field, expecting to graduate in 2027.\n"
        "- Expertise in areas of machine learning such as supervised learning and reinforcement learning.\n"
        "- Our scientists have strong expertise in computer vision and robotics.\n"
    )
    posting = drafted(text)
    assert degree(posting).fields == ("geology",)
    assert skills(posting.required) == {"supervised learning", "reinforcement learning"}


def test_fields_named_as_the_degree_focus() -> None:
    text = (
        "# Research Internship\n\n## Requirements\n\n- The successful candidate should be enrolled in a graduate program, "
        "at the Master or PhD level, with a focus on Geology, Hydrology, and (ideally) Glaciology.\n"
    )
    assert degree(drafted(text)).fields == ("geology", "hydrology")


def test_cities_where_prose_says_the_sites_are_and_a_city_in_the_title() -> None:
    text = (
        "Research Internship\n\nThe Center is home to many experts. Its headquarters and several teams are in central "
        "Tokyo, and other teams are spread across Japan in places such as Sendai and Kyoto.\n"
    )
    assert drafted(text).location == ("Tokyo, Japan", "Sendai, Japan", "Kyoto, Japan")
    assert drafted("Computation and Cognition Tübingen Summer Internship\n\nWe host students.\n").location == (
        "Tübingen, Germany",
    )


def test_what_the_intern_will_gain_asks_for_nothing() -> None:
    text = "Research Intern\nKestrel\n- Deepen your expertise in multimodal deep learning.\n- Expertise in Rust and Go.\n"
    assert skills(drafted(text).required) == {"rust", "go"}
