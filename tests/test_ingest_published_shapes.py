"""ingest on postings as they are really published (issue 20): one test per shape the issue saw
go wrong, each on a small posting written inline."""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from matcher.cli import app
from matcher.ingest import draft_posting
from matcher.ingest.degree_phrases import degree_qualification, stages_in
from matcher.ingest.sections import classify_heading
from matcher.loading import posting_from_yaml
from matcher.models import DegreeCriterion, Posting, SkillsCriterion
from matcher.written_dates import dates_in, resolve_year

from .conftest import drafted


def skills(quals) -> set[str]:
    return {t for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def stages(posting: Posting) -> set[str]:
    return {s.label for q in posting.required if isinstance(q.criterion, DegreeCriterion) for s in q.criterion.stages}


def test_items_under_ways_to_stand_out_from_the_crowd_are_preferred() -> None:
    posting = drafted(
        "Research Intern\nNVIDIA\nWhat we need to see:\n- Pursuing a PhD in computer science\n- Experience with PyTorch\n"
        "Ways to stand out from the crowd:\n- Experience with CUDA\n- Experience with JAX\n"
    )
    assert skills(posting.required) == {"PyTorch"}
    assert skills(posting.preferred) == {"CUDA", "JAX"}


def test_degree_alternatives_keep_every_stage() -> None:
    assert [s.label for s in stages_in("PhD or MS in computer science")] == ["masters", "phd"]
    assert [s.label for s in stages_in("BS/MS/PhD")] == ["bachelors", "masters", "phd"]
    assert [s.label for s in stages_in("Master's or PhD degree")] == ["masters", "phd"]
    assert [s.label for s in stages_in("Currently pursuing a PhD or Master's")] == ["masters", "phd"]
    assert [s.label for s in stages_in("final-year PhD student")] == ["phd"]
    assert [s.label for s in stages_in("undergraduate or graduate student")] == ["bachelors", "masters", "phd"]
    assert [s.label for s in stages_in("BSc and MSc students (PhD students cannot apply)")] == ["bachelors", "masters"]


def test_a_degree_alternative_with_a_condition_is_an_any_of() -> None:
    qualification = degree_qualification("Currently pursuing a Ph.D. in Computer Science, or Masters with industrial experience")
    assert qualification is not None and "any_of" in qualification
    main, other = qualification["any_of"]
    assert main["degree"]["stage"] == ["phd"] and main["degree"]["enrolled"] is True
    assert other["all_of"][0]["degree"]["stage"] == ["masters"]


def test_google_style_headings_and_an_organisation_only_in_the_page_title() -> None:
    html = (
        "<html><head><title>Student Researcher - Google - Zurich, Switzerland | jobs.example</title></head><body>"
        "<h1>Student Researcher</h1><h3>Minimum qualifications:</h3><ul><li>Currently enrolled in a PhD program in "
        "Computer Science or a related technical field.</li></ul><h3>Preferred qualifications:</h3><ul>"
        "<li>Experience with JAX.</li></ul><h3>About the job</h3><p>Research at Google is central to our products.</p>"
        "</body></html>"
    )
    posting = drafted(html)
    assert posting.organization == "Google" and not posting.id.startswith("organisation-not-found")
    assert stages(posting) == {"phd"}
    assert skills(posting.preferred) == {"JAX"}


def test_organisation_from_json_ld_first() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "JobPosting", "title": "ML Intern", '
        '"hiringOrganization": {"name": "Acme Robotics Inc."}, "jobLocation": {"address": {"addressLocality": '
        '"Palo Alto", "addressRegion": "CA", "addressCountry": "US"}}, "datePosted": "2026-10-01"}</script></head>'
        "<body><h1>ML Intern</h1><p>Join us.</p></body></html>"
    )
    posting = drafted(html)
    assert (posting.title, posting.organization, posting.location) == ("ML Intern", "Acme Robotics", ("Palo Alto, CA",))


def test_locations_are_split_normalised_and_remote_is_a_place() -> None:
    posting = drafted("Research Intern\nAcme\nLocation: Munich, Germany; Berlin, Germany | Zürich / Remote (US)\n")
    assert posting.location == ("Munich, Germany", "Berlin, Germany", "Zurich, Switzerland", "Remote (US)")


def test_in_writing_and_in_person_is_not_a_location() -> None:
    posting = drafted("Research Intern\nAcme\nLocation: London, UK\nRequirements:\n- Communicate well in writing and in person\n")
    assert posting.location == ("London, UK",)
    assert not any(q.kind == "location" for q in posting.required)


def test_a_hybrid_tag_and_a_start_date_are_kept() -> None:
    draft = draft_posting("Research Intern\nAcme\nLocation: Berlin, Germany\nHybrid\nStart date: June 1, 2027\n", "t")
    assert draft.work_mode == "hybrid"
    assert draft.posting["start"] == "2027-06-01"


def test_equal_opportunity_benefits_and_salary_text_are_not_qualifications() -> None:
    posting = drafted(
        "Research Intern\nAcme\nPreferred qualifications:\n- Experience with Rust\n"
        "Acme is an equal opportunity employer and values diversity.\nThe base pay range for this internship is "
        "$40 - $50 per hour.\n## Benefits\n- Free lunch and a gym\n"
    )
    assert [q.quote for q in posting.preferred] == ["Experience with Rust"]
    assert posting.pay is not None and posting.pay.per == "hour"


def test_or_a_related_technical_field_is_kept_on_the_degree() -> None:
    degree = degree_qualification("Currently enrolled in a PhD in Computer Science or a related technical field.")
    assert degree == {"degree": {"stage": ["phd"], "fields": ["computer science"], "related_fields": True, "enrolled": True}}


def test_enrolment_phrases() -> None:
    for sentence in ("Currently enrolled in a Master's program", "Returning to school after the internship as a PhD student",
                     "PhD students graduating in 2027 or later"):  # fmt: skip
        assert degree_qualification(sentence)["degree"]["enrolled"] is True  # type: ignore[index]


def test_items_under_unknown_headings_are_drafted_or_listed_never_dropped() -> None:
    text = "Research Intern\nAcme\n## Skills\n- Experience with PyTorch\n## You have\n- Python\n## Who you are\n- Curious\n"
    draft = draft_posting(text, "t")
    posting = posting_from_yaml(draft.posting, "t.yaml")
    assert skills(posting.required) == {"PyTorch", "Python"}
    assert {q.quote for q in posting.required} >= {"Experience with PyTorch", "Python", "Curious"}
    assert classify_heading("## Skills") == classify_heading("You have") == classify_heading("Who you are") == "required"


def test_every_line_is_placed_or_listed_with_its_line_number() -> None:
    text = "Research Intern\nAcme\n\n## Responsibilities\n- Build models\n## Requirements\n- PhD student in ML\n"
    draft = draft_posting(text, "t")
    assert draft.unplaced == ["line 5: Build models  [responsibilities]"]
    assert draft.summary == "placed 3 of 4 lines; 1 left for review (see the end of the draft)"


def test_ingest_says_on_stderr_how_many_lines_it_placed(tmp_path) -> None:
    source = tmp_path / "posting.txt"
    source.write_text("Research Intern\nAcme\n## About us\n- We build robots\n## Requirements\n- PhD student\n")
    result = CliRunner().invoke(app, ["ingest", str(source)])
    assert result.exit_code == 0, result.output
    assert "placed 3 of 4 lines; 1 left for review (see the end of the draft)" in result.stderr
    assert "#   - line 4: We build robots  [about]" in result.stdout


def test_deadlines_as_postings_write_them() -> None:
    def deadline(line: str, published: date | None = None) -> str | None:
        return draft_posting(f"Research Intern\nAcme\n{line}\n", "t", published=published).posting.get("deadline")

    assert deadline("Deadline: Jan 31st, 2027") == "2027-01-31"
    assert deadline("Deadline: 31/01/2027") == "2027-01-31"
    assert deadline("Apply by January 31", published=date(2026, 11, 2)) == "2027-01-31"
    assert deadline("Applications close on December 15th", published=date(2026, 11, 2)) == "2026-12-15"
    assert deadline("Please complete your application before July 28, 2023.") == "2023-07-28"
    assert deadline("Deadline: May") is None  # a month is not a day: left for the reviewer


def test_a_year_left_out_is_taken_from_context() -> None:
    (written,) = dates_in("Sunday 14 September")
    assert resolve_year(written, after=date(2014, 9, 2), before=None, years=[]) == date(2014, 9, 14)
    assert resolve_year(written, after=None, before=date(2015, 1, 5), years=[]) == date(2014, 9, 14)
    assert resolve_year(written, after=None, before=None, years=[]) is None
