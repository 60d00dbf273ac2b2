"""Judged like a careful advisor (issue 19): a requirement worded as a field or topic is met by
evidence in that field or below it, wherever the profile gives it; inferred and estimated
verdicts say so; what nothing speaks to is unknown, not unmet. Each test is one of the issue's
cases."""

from __future__ import annotations

from datetime import date

from typer.testing import CliRunner

from matcher.cli import app
from matcher.gaps import find_gaps
from matcher.models import Judgement, Verdict
from matcher.scoring import score_posting

from .conftest import TODAY, posting_from, profile_from

ARCH_PHD = """
    degree: {stage: phd, field: electrical and computer engineering, year: 4}
    research_experience_years: 3.5
    publications:
      - {title: Near-memory processing for sparse tensors, venue: ISCA 2025, year: 2025}
      - {title: Prefetching for graph analytics, venue: MICRO 2024, year: 2024}
"""


def judged(qualification: str, profile: str, today: date = TODAY) -> Judgement:
    posting = posting_from(f"title: T\norganization: O\nrequired:\n  - {qualification}\n")
    return score_posting(posting, profile_from(profile), today).results[0].judgement


def test_architecture_papers_are_research_experience_in_architecture_and_the_explanation_says_inferred() -> None:
    j = judged("research_experience: {min_years: 2, fields: [computer architecture]}", ARCH_PHD)
    assert j.verdict is Verdict.MET
    assert "inferred" in j.evidence and "ISCA" in j.evidence and "MICRO" in j.evidence


def test_nlp_papers_are_machine_learning_publications() -> None:
    profile = """
        degree: {stage: phd, field: linguistics}
        publications: [{title: A, venue: ACL 2024, year: 2024}, {title: B, venue: EMNLP 2025, year: 2025}]
    """
    j = judged("publications: {areas: [ml], min: 2}", profile)
    assert j.verdict is Verdict.MET and "2 counted" in j.evidence


def test_research_on_large_language_models_is_research_in_deep_learning() -> None:
    profile = """
        degree: {stage: phd, field: computer science}
        experience:
          - {role: PhD researcher, start: 2023-09, end: present, research: true, topics: [large language models]}
    """
    j = judged("research_experience: {min_years: 2, fields: [deep learning]}", profile)
    assert j.verdict is Verdict.MET and "large language models" in j.evidence


def test_a_hybrid_degree_is_a_kind_of_the_field_it_names() -> None:
    profile = "degree: {stage: phd, field: machine learning for healthcare}"
    j = judged("degree: {stage: [phd], fields: [computer science, electrical engineering], related_fields: true}", profile)
    assert j.verdict is Verdict.MET


def test_a_related_field_is_met_and_says_so() -> None:
    j = judged(
        "degree: {stage: [phd], fields: [computer science], related_fields: true}", "degree: {stage: phd, field: statistics}"
    )
    assert (j.verdict, j.credit) == (Verdict.MET, 1.0) and "related to 'computer science'" in j.evidence


def test_overlapping_research_roles_are_counted_once() -> None:
    profile = """
        degree: {stage: phd, field: machine learning}
        experience:
          - {role: PhD researcher, start: 2024-09, end: present, research: true}
          - {role: Part-time research assistant, start: 2025-01, end: 2026-06, research: true}
    """
    j = judged("research_experience: {min_years: 3}", profile, date(2026, 9, 1))
    assert j.verdict is Verdict.PARTIAL and j.matched == "2 years" and "overlapping roles counted once" in j.evidence


def test_a_phd_student_without_listed_roles_has_estimated_years() -> None:
    j = judged("research_experience: {min_years: 2}", "degree: {stage: phd, field: computer science, year: 3}")
    assert j.verdict is Verdict.MET and j.evidence.startswith("estimated 2-3 years") and j.matched == "2-3 years"


def test_nothing_for_or_against_a_field_is_unknown_and_research_elsewhere_is_unmet() -> None:
    silent = "degree: {stage: phd}\nresearch_experience_years: 3"
    theory = silent + "\npublications: [{title: Faster matchings, venue: STOC 2025, year: 2025}]"
    asked = "research_experience: {min_years: 1, fields: [computer architecture]}"
    assert judged(asked, silent).verdict is Verdict.UNKNOWN
    elsewhere = judged(asked, theory)
    assert elsewhere.verdict is Verdict.UNMET and "theory of computation" in elsewhere.evidence


def test_a_stated_zero_beside_listed_research_roles_is_unknown() -> None:
    profile = """
        degree: {stage: phd}
        research_experience_years: 0
        experience: [{role: Research assistant, start: 2023-01, end: 2025-01, research: true}]
    """
    assert judged("research_experience: {min_years: 1}", profile).verdict is Verdict.UNKNOWN


def test_seattle_is_a_commute_from_redmond_for_a_candidate_who_will_not_move() -> None:
    profile = 'degree: {stage: phd}\nlocation: {current: "Seattle, WA", willing_to_relocate: false}'
    assert judged("location: {on_site: [Redmond, WA]}", profile).verdict is Verdict.MET
    assert judged("location: {on_site: [London, UK]}", profile).verdict is Verdict.UNMET


def test_location_filters_follow_the_place_hierarchy(tmp_path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    places = {
        "us": "United States",
        "multi": "US, multiple locations",
        "remote-us": "Remote (US)",
        "redmond": "Redmond, WA",
        "remote-uk": "Remote (UK)",
        "london": "London, UK",
    }
    for name, where in places.items():
        (folder / f"{name}.yaml").write_text(f"title: T\norganization: O\nlocation: ['{where}']\n")
    profile = tmp_path / "me.yml"
    profile.write_text("degree: {stage: phd}\n")

    def kept(place: str) -> set[str]:
        result = CliRunner().invoke(app, ["rank", str(profile), "-p", str(folder), "-l", place, "-f", "tsv", "--no-cache"])
        assert result.exit_code == 0, result.output
        return {line.split("\t")[1] for line in result.stdout.splitlines()[1:]}

    assert kept("Seattle") == {"us", "multi", "remote-us", "redmond"}
    assert kept("remote") == {"remote-us", "remote-uk"}


def test_gaps_name_the_posting_own_threshold_and_every_posting_they_change() -> None:
    posting = posting_from("""
        id: arch
        title: T
        organization: O
        required: [{research_experience: {min_years: 3, fields: [computer architecture]}}]
    """)
    profile = profile_from("degree: {stage: phd}\nresearch_experience_years: 3.6\npublications: [{title: X, venue: STOC 2024}]")
    [gap] = [g for g in find_gaps([posting], profile, TODAY) if g.kind == "research_experience"]
    assert gap.item == "3+ years of research in computer architecture"
    assert set(gap.newly_eligible) | set(gap.score_gain) <= set(gap.asked_by)


def test_gaps_on_a_narrow_terminal_wrap_at_words_and_never_split_an_id() -> None:
    from .conftest import PROFILES

    result = CliRunner().invoke(
        app,
        ["gaps", str(PROFILES / "me.yaml"), "--today", TODAY.isoformat()],
        env={"COLUMNS": "60", "TTY_COMPATIBLE": "1", "NO_COLOR": "1", "INTERN_MATCH_POSTINGS": None},
    )  # a terminal (TTY_COMPATIBLE): a pipe has no width, and its lines are not wrapped
    assert result.exit_code == 0, result.output
    ids = {"msft-azure-ai-roar-research-intern", "msr-health-futures-multimodal-healthcare"}
    assert all(any(i in line for line in result.stdout.splitlines()) for i in ids)
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 60
