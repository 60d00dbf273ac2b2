"""Scoring: each qualification kind and verdict, the score's arithmetic, and the seeds judged right."""

from __future__ import annotations

import textwrap

import pytest

from matcher.loading import load_profile
from matcher.models import Judgement, Verdict
from matcher.posting_table import summaries
from matcher.rules.research_experience import research_years
from matcher.scoring import rank, score_posting, standings
from matcher.tuning import PREFERRED_SHARE, RELATED_FIELD_CREDIT, REQUIRED_SHARE, TOPIC_SHARE

from .conftest import PROFILES, TODAY, posting_from, profile_from

BASE_PROFILE = """
    degree: {stage: phd, field: machine learning}
    research_experience_years: 2
    publications:
      - {title: A, venue: NIPS 2023, year: 2023}
      - {title: B, venue: Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition, year: 2021}
    skills: [PyTorch, C/C++, few-shot learning, distributed systems]
    interests: [assistive technology]
    location: {current: "Cambridge, UK", willing_to_relocate: false}
    availability: {start: 2027-05, end: 2027-09}
    statement: I enjoy explaining research to broad audiences.
"""


def judged(qualification: str, profile: str = BASE_PROFILE) -> Judgement:
    """The judgement of one required qualification against a profile."""
    posting = posting_from(
        "title: T\norganization: O\nrequired:\n"
        + textwrap.indent(textwrap.dedent(qualification).strip(), "  - ").replace("  - ", "  - ", 1)
        + "\n"
    )
    return score_posting(posting, profile_from(profile), TODAY).results[0].judgement


CASES = [
    # degree
    ("degree: {stage: [phd]}", Verdict.MET),
    ("degree: {stage: [masters]}", Verdict.UNMET),
    ("degree: {stage: [phd], fields: [ML]}", Verdict.MET),  # alias
    ("degree: {stage: [phd], fields: [computer science]}", Verdict.MET),  # ML is within CS
    ("degree: {stage: [phd], fields: [chemistry], related_fields: true}", Verdict.UNMET),  # ML is not related to it
    ("degree: {stage: [phd], fields: [statistics], related_fields: true}", Verdict.MET),  # an advisor's related field
    ("degree: {stage: [phd], fields: [statistics]}", Verdict.UNMET),  # related, but the posting did not say so
    ("degree: {stage: [phd], fields: [chemistry]}", Verdict.UNMET),
    # research_experience
    ("research_experience: {min_years: 1}", Verdict.MET),
    ("research_experience: {min_years: 4}", Verdict.PARTIAL),
    ("research_experience: {}", Verdict.MET),
    # publications
    ("publications: {venues: [NeurIPS]}", Verdict.MET),
    ("publications: {venues: [NeurIPS, CVPR], min: 3}", Verdict.PARTIAL),
    ("publications: {venues: [ACL]}", Verdict.UNMET),
    ("publications: {areas: [cv]}", Verdict.MET),
    ("publications: {venues: [CVPR], since: 2022}", Verdict.UNMET),
    # skills
    ("skills: {any: [pytorch, JAX]}", Verdict.MET),
    ("skills: {all: [C++, Python]}", Verdict.PARTIAL),
    ("skills: {all: [Rust]}", Verdict.UNMET),
    ("skills: {any: [computer systems]}", Verdict.MET),  # distributed systems is a kind of it
    ("skills: {any: [C/C++]}", Verdict.MET),
    # location
    ("location: {on_site: [UK]}", Verdict.MET),
    ("location: {on_site: ['Cambridge, MA']}", Verdict.UNMET),
    # availability
    ("availability: {start: 2027-06, weeks: 12}", Verdict.MET),
    ("availability: {start: 2027-07-15, weeks: 12}", Verdict.PARTIAL),  # free for 92% of it
    ("availability: {start: 2027-08, weeks: 12}", Verdict.UNMET),  # free for 71% of it: too short
    ("availability: {start: 2028-01, weeks: 12}", Verdict.UNMET),
    # text
    ("text: Effective communication of research", Verdict.MET),
    ("text: Passion for quantum chemistry", Verdict.UNKNOWN),
    # groups
    ("any_of: [{degree: {stage: [masters]}}, {skills: {any: [PyTorch]}}]", Verdict.MET),
    ("all_of: [{degree: {stage: [phd]}}, {skills: {any: [Rust]}}]", Verdict.UNMET),
    ("all_of: [{degree: {stage: [phd]}}, {text: quantum chemistry}]", Verdict.UNKNOWN),
]


@pytest.mark.parametrize(("qualification", "verdict"), CASES, ids=[c[0] for c in CASES])
def test_each_kind_gives_the_expected_verdict(qualification: str, verdict: Verdict) -> None:
    j = judged(qualification)
    assert j.verdict is verdict, j.evidence
    assert j.evidence and j.rule


@pytest.mark.parametrize(
    ("qualification", "credit"),
    [
        ("publications: {venues: [NeurIPS, CVPR], min: 3}", 0.6667),  # 2 of 3 papers
        ("skills: {all: [C++, Python]}", 0.5),  # 1 of 2 skills
        ("skills: {all: [C++, Python, Rust, JAX], min: 3}", 0.3333),  # 1 of the 3 asked for
        ("publications: {venues: [NeurIPS, CVPR, ICML], min: 4}", 0.5),  # 2 of 4
    ],
)
def test_a_partial_verdict_earns_the_share_done(qualification: str, credit: float) -> None:
    j = judged(qualification)
    assert (j.verdict, j.credit) == (Verdict.PARTIAL, credit)


def test_a_field_the_catalogues_do_not_know_is_partly_related() -> None:
    """ "Or a related field" and a field no catalogue knows: relatedness cannot be judged."""
    profile = BASE_PROFILE.replace("field: machine learning", "field: ornithology")
    j = judged("degree: {stage: [phd], fields: [chemistry], related_fields: true}", profile)
    assert (j.verdict, j.credit) == (Verdict.PARTIAL, RELATED_FIELD_CREDIT)
    assert "cannot be judged" in j.evidence


def test_evidence_names_the_profile_item_the_normal_form_and_the_score() -> None:
    j = judged("publications: {venues: [NeurIPS]}")
    assert "'NIPS 2023' -> NeurIPS (alias, 100)" in j.evidence
    assert j.matched == "NeurIPS" and j.similarity == 100
    skills = judged("skills: {any: [pytorch]}")
    assert skills.matched == "PyTorch" and "alias" not in skills.evidence


def test_a_typo_matches_fuzzily_with_its_score() -> None:
    j = judged("skills: {any: [Pytorhc]}")
    assert j.verdict is Verdict.MET and j.similarity is not None and 85 <= j.similarity < 100
    assert "fuzzy" in j.evidence


def test_short_names_never_match_fuzzily() -> None:
    assert judged("skills: {any: [R]}").verdict is Verdict.UNMET
    assert judged("skills: {any: [Go]}").verdict is Verdict.UNMET


def test_missing_profile_sections_are_unknown_not_unmet() -> None:
    bare = "degree: {stage: phd}"
    assert judged("location: {on_site: [UK]}", bare).verdict is Verdict.UNKNOWN
    assert judged("availability: {start: 2027-06, weeks: 12}", bare).verdict is Verdict.UNKNOWN
    assert judged("research_experience: {min_years: 1}", bare).verdict is Verdict.UNKNOWN
    assert judged("degree: {stage: [phd], fields: [ML]}", bare).verdict is Verdict.UNKNOWN


def test_willing_to_relocate_meets_any_location() -> None:
    j = judged("location: {on_site: ['Redmond, WA']}", "degree: {stage: phd}\nlocation: {current: Paris}")
    assert j.verdict is Verdict.MET and "willing to relocate" in j.evidence


def test_research_years_are_derived_from_research_roles() -> None:
    profile = profile_from("""
        degree: {stage: phd}
        experience:
          - {role: RA, start: 2024-11, end: present, research: true}
          - {role: Engineer, start: 2020-01, end: 2023-01, research: false}
    """)
    # 2024-11-01 to 2026-11-23 is 752 days: 2.06 years, shown to one decimal.
    assert research_years(profile, TODAY).years == 2.1


def two_postings(topics_a: str, topics_b: str) -> list:
    body = """
        organization: O
        required: [{degree: {stage: [phd]}}]
        preferred: [{skills: {any: [PyTorch]}}]
    """
    return [
        posting_from(f"id: a\ntitle: A\ntopics: {topics_a}\n" + textwrap.dedent(body)),
        posting_from(f"id: b\ntitle: B\ntopics: {topics_b}\n" + textwrap.dedent(body)),
    ]


def test_topical_fit_orders_postings_that_meet_the_same_qualifications() -> None:
    profile = profile_from("""
        degree: {stage: phd, field: medical image analysis}
        publications: [{venue: MICCAI 2024}]
        skills: [PyTorch]
    """)
    general, health = two_postings("[machine learning, robotics]", "[healthcare, medical imaging]")
    ranked = rank([general, health], profile, TODAY)
    assert [m.posting.id for m in ranked] == ["b", "a"]
    assert ranked[0].topic_fit.fit > ranked[1].topic_fit.fit


def test_ties_break_by_posting_id() -> None:
    profile = profile_from("degree: {stage: phd}\nskills: [PyTorch]")
    a, b = two_postings("[robotics]", "[robotics]")
    assert [m.posting.id for m in rank([b, a], profile, TODAY)] == ["a", "b"]


def test_an_unknown_text_qualification_neither_rewards_nor_punishes() -> None:
    profile = profile_from("degree: {stage: phd}\nskills: [PyTorch]")
    plain = posting_from(
        "title: T\norganization: O\nrequired: [{degree: {stage: [phd]}}]\npreferred: [{skills: {any: [PyTorch]}}]"
    )
    with_text = posting_from(
        "title: T\norganization: O\n"
        "required: [{degree: {stage: [phd]}}, {text: Passion for quantum chemistry}]\n"
        "preferred: [{skills: {any: [PyTorch]}}]"
    )
    assert score_posting(with_text, profile, TODAY).score == score_posting(plain, profile, TODAY).score
    assert score_posting(with_text, profile, TODAY).eligible


def test_points_add_up_to_the_score_and_shares_are_renormalised(bundled) -> None:
    profile = load_profile(str(PROFILES / "me.yaml"))
    for posting in bundled.values():
        match = score_posting(posting, profile, TODAY)
        assert 0 <= match.score <= 1
        total = sum(r.points for r in match.results) + match.topic_fit.points
        assert total == pytest.approx(match.score, abs=1e-3)
        available = sum(r.available for r in match.results) + match.topic_fit.available
        assert available == pytest.approx(1.0, abs=1e-3)
    assert REQUIRED_SHARE + PREFERRED_SHARE + TOPIC_SHARE == pytest.approx(1.0)


def test_eligible_means_no_required_qualification_is_unmet(bundled) -> None:
    for path in PROFILES.glob("*.yaml"):
        for match in rank(bundled.values(), load_profile(str(path)), TODAY):
            unmet = [r for r in match.results if r.section == "required" and r.judgement.verdict is Verdict.UNMET]
            assert match.eligible == (not unmet)


# ----------------------------------------------------------------------------- the seeds, judged right


def eligible_ids(bundled, profile_name: str) -> list[str]:
    profile = load_profile(str(PROFILES / profile_name))
    return [m.posting.id for m in rank(bundled.values(), profile, TODAY) if m.eligible]


def test_an_undergraduate_is_eligible_for_none_of_the_five(bundled) -> None:
    assert eligible_ids(bundled, "undergrad-london.yaml") == []


def test_a_computer_architecture_masters_student_is_eligible_only_where_masters_are_admitted(bundled) -> None:
    assert eligible_ids(bundled, "arch-masters-toronto.yaml") == ["msr-ai-hardware-architecture-intern"]


def test_a_few_shot_uncertainty_phd_in_the_uk_ranks_project_tokyo_first(bundled) -> None:
    assert eligible_ids(bundled, "me.yaml")[0] == "msr-cambridge-project-tokyo-ml-uq"


def test_a_healthcare_imaging_phd_sees_the_healthcare_posting_first(bundled) -> None:
    assert eligible_ids(bundled, "health-imaging-phd.yaml")[0] == "msr-health-futures-multimodal-healthcare"


def test_a_systems_phd_ranks_the_systems_posting_first(bundled) -> None:
    assert eligible_ids(bundled, "systems-phd-madison.yaml")[0] == "msr-ai-systems-research-intern"


def test_phd_only_postings_reject_masters_students(bundled) -> None:
    ids = eligible_ids(bundled, "nlp-masters-montreal.yaml")
    for phd_only in (
        "msft-azure-ai-roar-research-intern",
        "msr-ai-systems-research-intern",
        "msr-health-futures-multimodal-healthcare",
    ):
        assert phd_only not in ids


def test_a_candidate_who_will_not_relocate_is_ineligible_where_the_job_is_elsewhere(bundled) -> None:
    profile = load_profile(str(PROFILES / "me.yaml"))
    roar = score_posting(bundled["msft-azure-ai-roar-research-intern"], profile, TODAY)
    assert not roar.eligible
    assert roar.reasons == ("missing: on site: United States",)


def test_cvpr_workshop_papers_do_not_count_as_cvpr(bundled) -> None:
    profile = profile_from("degree: {stage: phd}\npublications: [{venue: CVPR Workshops 2023}]")
    j = judged("publications: {venues: [CVPR]}", "degree: {stage: phd}\npublications: [{venue: CVPR Workshops 2023}]")
    assert j.verdict is Verdict.UNMET
    assert profile.publications[0].venue == "CVPR Workshops 2023"


def test_availability_inside_any_of_is_judged_against_each_postings_own_dates() -> None:
    profile = profile_from(BASE_PROFILE)  # free from May to September 2027
    asks = "required:\n  - any_of:\n      - availability: {}\n      - degree: {stage: [masters]}\n"
    summer = posting_from("id: summer\ntitle: T\norganization: O\nstart: 2027-06-01\nduration_weeks: 12\n" + asks)
    winter = posting_from("id: winter\ntitle: T\norganization: O\nstart: 2028-01-10\nduration_weeks: 12\n" + asks)
    for ranking in (rank([summer, winter], profile, TODAY), standings([summer, winter], profile, TODAY)):
        assert {r.posting.id: r.eligible for r in ranking} == {"summer": True, "winter": False}
    quick = standings(summaries([winter, summer]), profile, TODAY)
    assert {r.posting.id: r.eligible for r in quick} == {"summer": True, "winter": False}


def test_missing_reasons_name_the_heaviest_unmet_required_first_however_the_posting_is_read() -> None:
    profile = profile_from(BASE_PROFILE)  # has none of these skills
    posting = posting_from(
        "id: p\ntitle: T\norganization: O\nrequired:\n"
        "  - {skills: {any: [Fortran]}, weight: 1}\n"
        "  - {skills: {any: [COBOL]}, weight: 3}\n"
        "  - {skills: {any: [Haskell]}, weight: 2}\n"
        "  - {skills: {any: [Erlang]}, weight: 2}\n"
    )
    in_order = posting_from(  # weights never rising: the posting's own order is the order to name them in
        "id: q\ntitle: T\norganization: O\nrequired:\n"
        "  - {skills: {any: [COBOL]}, weight: 3}\n"
        "  - {skills: {any: [Haskell]}, weight: 2}\n"
        "  - {skills: {any: [Erlang]}, weight: 2}\n"
    )
    rising = posting_from(
        "id: r\ntitle: T\norganization: O\nrequired:\n"
        "  - {skills: {any: [Fortran]}, weight: 1}\n"
        "  - {skills: {any: [COBOL]}, weight: 3}\n"
    )
    expected = {
        "p": ("missing: COBOL", "missing: Haskell"),
        "q": ("missing: COBOL", "missing: Haskell"),
        "r": ("missing: COBOL", "missing: Fortran"),
    }
    postings = [posting, in_order, rising]
    for ranking in (
        rank(postings, profile, TODAY),
        standings(postings, profile, TODAY),
        standings(summaries(postings), profile, TODAY),
    ):
        assert {r.posting.id: r.reasons for r in ranking} == expected
