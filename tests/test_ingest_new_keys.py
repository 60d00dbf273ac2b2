"""ingest drafts the keys docs/FORMATS.md "Extensions" added to postings: `degree.enrolled_in` and
`enrolled_at` (where the students must study), `availability.latest_start` (a start window) and
`skills.examples_of` (a list of examples of an area); and time zones and citizenship are drafted
as `text`. Each test is a specification: a short posting written here, the qualification drafted."""

from __future__ import annotations

from typing import Any

from matcher.ingest import draft_posting


def posting(*required: str, before: str = "") -> dict[str, Any]:
    """The draft of a posting whose requirements are `required`, with `before` as its prose."""
    items = "".join(f"- {item}\n" for item in required)
    text = f"# Research Intern\n\nAcme Research, Zurich, Switzerland\n\n{before}\n\n## Minimum qualifications\n\n{items}"
    return draft_posting(text, "test").posting


def asked(draft: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The required qualifications with `key`, without their quotes."""
    return [{k: v for k, v in q.items() if k != "quote"} for q in draft["required"] if key in q]


def test_a_phd_in_the_emea_region_is_enrolled_in_emea() -> None:
    draft = posting("Currently enrolled in a PhD in Computer Science or a related technical field in the EMEA region.")
    assert asked(draft, "degree") == [
        {
            "degree": {
                "stage": ["phd"],
                "fields": ["computer science"],
                "related_fields": True,
                "enrolled": True,
                "enrolled_in": ["EMEA"],
            }
        }
    ]


def test_students_at_a_university_in_a_country_or_of_an_area() -> None:
    canada = posting("PhD students at a university in Canada.")
    assert asked(canada, "degree") == [{"degree": {"stage": ["phd"], "enrolled": True, "enrolled_in": ["Canada"]}}]
    europe = posting("Enrolled at a European university.", "Master's or PhD in machine learning.")
    assert asked(europe, "degree")[0]["degree"]["enrolled_in"] == ["Europe"]
    based = posting("Applicants must be US-based students, actively enrolled in undergraduate or graduate programs.")
    assert asked(based, "degree")[0]["degree"]["enrolled_in"] == ["United States"]


def test_a_place_the_gazetteer_cannot_place_is_not_drafted() -> None:
    draft = posting("PhD students at a university in Atlantis or Canada.", "Students at a university in the Zurich area.")
    assert all("enrolled_in" not in q["degree"] for q in asked(draft, "degree"))
    assert asked(posting("Students at a university in Canada."), "degree")[0]["degree"]["enrolled_in"] == ["Canada"]


def test_students_of_named_partner_universities_are_enrolled_at_them() -> None:
    draft = posting("Open to students of our partner universities: LUMS, NUST and FAST.")
    assert asked(draft, "degree") == [
        {"degree": {"stage": ["bachelors", "masters", "phd"], "enrolled": True, "enrolled_at": ["LUMS", "NUST", "FAST"]}}
    ]
    assert not asked(draft, "publications")  # FAST is a university here, not the storage conference


def test_a_start_in_one_of_some_months_is_a_start_window() -> None:
    draft = posting(
        "Able to complete a 13-17 week full-time internship starting in May, June or July.",
        before="Summer 2027 internship program.",
    )
    assert asked(draft, "availability") == [{"availability": {"start": "2027-05", "latest_start": "2027-07", "weeks": 13}}]


def test_a_start_between_two_months() -> None:
    draft = posting("You can start between May and July 2027.", "The program starts in summer.")
    assert asked(draft, "availability") == [{"availability": {"start": "2027-05", "latest_start": "2027-07"}}]
    period = posting("Available from May to August 2027 for a minimum of 12 weeks.")  # a period, not a window
    assert all("latest_start" not in q["availability"] for q in asked(period, "availability"))


def test_a_list_of_examples_of_an_area_says_so() -> None:
    draft = posting("Experience in one area of computer science (e.g. LLMs, computer vision, deep learning).")
    (skills,) = asked(draft, "skills")
    assert skills["skills"]["examples_of"] == "computer science"
    assert {s.lower() for s in skills["skills"]["any"]} >= {"llms", "computer vision", "deep learning"}
    plain = posting("Experience with deep learning frameworks such as PyTorch or JAX.")
    assert all("examples_of" not in q["skills"] for q in asked(plain, "skills"))


def test_a_time_zone_is_text_not_a_location() -> None:
    sentence = "You must be located in a time zone within 3 hours of CET."
    draft = posting(sentence)
    assert asked(draft, "text") == [{"text": sentence}]
    assert not asked(draft, "location")


def test_citizenship_is_kept_as_text_beside_the_degree() -> None:
    sentence = "PhD students who are US citizens or permanent residents."
    draft = posting(sentence)
    assert asked(draft, "degree")[0]["degree"]["stage"] == ["phd"]
    assert asked(draft, "text") == [{"text": sentence}]
    relocated = posting("US citizens willing to relocate to Zurich.")
    assert asked(relocated, "text") and not asked(relocated, "location")
