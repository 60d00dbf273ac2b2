"""Invariants, checked on generated input with Hypothesis."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
import yaml
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

from matcher import batch
from matcher.errors import InputError
from matcher.folders import load_postings
from matcher.loading import parse_yaml, posting_from_yaml, profile_from_yaml
from matcher.models import Posting, Profile, Qualification, Ranked, Verdict
from matcher.output_formats import ranking_document, to_json
from matcher.posting_table import summaries
from matcher.scoring import rank, score_posting, standings

from .conftest import ROOT, TODAY

KEYS = [
    "id",
    "title",
    "organization",
    "location",
    "deadline",
    "start",
    "duration_weeks",
    "pay",
    "topics",
    "required",
    "preferred",
    "degree",
    "stage",
    "field",
    "fields",
    "enrolled",
    "skills",
    "any",
    "all",
    "min",
    "on_site",
    "publications",
    "venues",
    "areas",
    "venue",
    "year",
    "text",
    "any_of",
    "all_of",
    "quote",
    "weight",
    "research_experience",
    "min_years",
    "location",
    "current",
    "experience",
    "research",
    "availability",
    "weeks",
    "interests",
    "name",
    "statement",
    "role",
]
scalars = (
    st.none() | st.booleans() | st.integers(-5, 3000) | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=12)
)
yaml_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=6), children, max_size=5)
    ),
    max_leaves=25,
)
QUICK = settings(max_examples=60, deadline=None)


@QUICK
@given(yaml_values)
def test_any_yaml_shaped_input_gives_a_result_or_a_clear_error(value: object) -> None:
    for build in (posting_from_yaml, profile_from_yaml):
        try:
            assert isinstance(build(value, "h.yaml"), (Posting, Profile))
        except InputError as error:
            assert str(error)


@QUICK
@given(st.dictionaries(st.sampled_from(KEYS), yaml_values, max_size=6))
def test_yaml_text_with_the_real_keys_never_gives_a_traceback(value: dict) -> None:
    value = {"title": "T", "organization": "O", **value}
    try:
        posting_from_yaml(parse_yaml(yaml.safe_dump(value), "h.yaml"), "h.yaml")
    except InputError as error:
        assert "h.yaml" in str(error)


SKILLS = [
    "PyTorch",
    "pytorch",
    "C/C++",
    "Python",
    "JAX",
    "few-shot learning",
    "meta-learning",
    "uncertainty quantification",
    "calibration",
    "video recognition",
    "distributed systems",
    "operating systems",
    "memory systems",
    "computer security",
    "machine learning",
    "GitHub",
    "multimodal learning",
    "medical imaging",
    "large language models",
    "Verilog",
    "open source",
    "communication",
    "teamwork",
    "assistive technology",
]
VENUES = ["NeurIPS 2023", "CVPR", "ICML", "ISCA '24", "MICCAI 2022", "OSDI", "ACL", "CVPR Workshops", "arXiv", "Nature"]
profiles = st.fixed_dictionaries(
    {
        "degree": st.fixed_dictionaries(
            {
                "stage": st.sampled_from(["bachelors", "masters", "phd", "postdoc"]),
                "field": st.sampled_from(["machine learning", "computer science", "computer architecture", "biology"]),
                "enrolled": st.booleans(),
            }
        )
    },
    optional={
        "research_experience_years": st.floats(0, 10),
        "skills": st.lists(st.sampled_from(SKILLS), max_size=6, unique=True),
        "interests": st.lists(st.sampled_from(SKILLS), max_size=3),
        "publications": st.lists(
            st.fixed_dictionaries({"venue": st.sampled_from(VENUES), "year": st.integers(2015, 2026)}), max_size=4
        ),
        "location": st.fixed_dictionaries(
            {
                "current": st.sampled_from(["Cambridge, UK", "Seattle, WA", "Toronto, ON, Canada"]),
                "willing_to_relocate": st.booleans(),
            }
        ),
        "statement": st.sampled_from(["I like collaborative research and clear communication.", "Hello."]),
    },
)


@QUICK
@given(profiles)
def test_scores_stay_in_range_and_points_add_up(bundled, data: dict) -> None:
    profile = profile_from_yaml(data, "p.yaml")
    for match in rank(bundled.values(), profile, TODAY):
        assert 0.0 <= match.score <= 1.0
        total = sum(r.points for r in match.results) + match.topic_fit.points
        assert abs(total - match.score) < 1e-3


@QUICK
@given(profiles, st.sampled_from(SKILLS))
@example(
    {
        "degree": {"stage": "phd", "field": "machine learning", "enrolled": True},
        "skills": ["PyTorch", "video recognition", "GitHub"],
    },
    "assistive technology",
)
@example({"degree": {"stage": "phd", "field": "computer science", "enrolled": True}, "skills": ["Go"]}, "distributed systems")
def test_adding_a_skill_never_lowers_a_score(bundled, data: dict, skill: str) -> None:
    """To a profile that lists skills: one that lists none is unknown on skills, not unmet."""
    assume(data.get("skills"))
    before = profile_from_yaml(data, "p.yaml")
    after = profile_from_yaml({**data, "skills": [*data.get("skills", []), skill]}, "p.yaml")
    for posting in bundled.values():
        assert score_posting(posting, after, TODAY).score >= score_posting(posting, before, TODAY).score


@QUICK
@given(profiles, st.randoms(use_true_random=False))
def test_reordering_postings_never_changes_the_ranking_or_the_json(bundled, data: dict, random) -> None:
    profile = profile_from_yaml(data, "p.yaml")
    postings = list(bundled.values())
    shuffled = postings[:]
    random.shuffle(shuffled)
    first = to_json(ranking_document(profile, rank(postings, profile, TODAY), (), TODAY))
    second = to_json(ranking_document(profile, rank(shuffled, profile, TODAY), (), TODAY))
    assert first == second


def test_ties_rank_the_same_way_every_time() -> None:
    profile = profile_from_yaml({"degree": {"stage": "phd"}}, "p.yaml")
    twins = [posting_from_yaml({"id": i, "title": "T", "organization": "O"}, f"{i}.yaml") for i in "cab"]
    assert [m.posting.id for m in rank(twins, profile, date(2026, 1, 1))] == ["a", "b", "c"]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Posting]:
    """Postings from the benchmark's generator: every kind of qualification, many combinations."""
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "120", str(folder)], check=True, capture_output=True)
    return list(load_postings(folder).postings)


def row(ranked: Ranked) -> tuple[object, ...]:
    counts = [ranked.count(s, v) for s in ("required", "preferred") for v in (None, *Verdict)]
    return (ranked.posting.id, ranked.eligible, ranked.score, ranked.reasons, counts)


@QUICK
@given(profiles)
def test_standings_rank_and_say_exactly_what_full_matches_do(bundled, generated: list[Posting], data: dict) -> None:
    profile = profile_from_yaml(data, "p.yaml")
    postings = [*bundled.values(), *generated]
    full = rank(postings, profile, TODAY)
    from_table = standings(summaries(postings), profile, TODAY)
    from_objects = standings(postings, profile, TODAY)
    assert [row(s) for s in from_table] == [row(s) for s in from_objects] == [row(m) for m in full]


@pytest.mark.parametrize("read", ["whole", "summarised"])
def test_several_profiles_rank_the_same_in_worker_processes_as_in_one(bundled, generated: list[Posting], read: str) -> None:
    postings = [*bundled.values(), *generated]
    if read == "summarised":  # as from the cache: numbers into one table, shared by the workers
        postings = summaries(postings)
    profiles = [
        profile_from_yaml({"degree": {"stage": "phd", "field": "machine learning"}, "skills": SKILLS[:8]}, "p.yaml"),
        profile_from_yaml({"degree": {"stage": "masters", "field": "computer science"}, "skills": SKILLS[8:14]}, "q.yaml"),
    ]
    alone = batch.rank_profiles(postings, profiles, TODAY, jobs=1)
    shared = batch.rank_profiles(postings, profiles, TODAY, jobs=3)
    assert [[row(s) for s in r] for r in shared] == [[row(s) for s in r] for r in alone]
    assert all(a.posting is b.posting for r, q in zip(shared, alone, strict=True) for a, b in zip(r, q, strict=True))
    assert [row(s) for s in alone[0]] != [row(s) for s in alone[1]]  # two rankings, not one twice


def test_a_summary_gives_back_its_posting_but_quotes_and_notes(bundled, generated: list[Posting]) -> None:
    postings = [*bundled.values(), *generated]

    def bare(qualifications: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
        return tuple(Qualification(q.criterion, weight=q.weight) for q in qualifications)

    wholes = [s.whole() for s in summaries(postings)]
    assert wholes == [replace(p, required=bare(p.required), preferred=bare(p.preferred)) for p in postings]
    assert len({id(s.table) for s in summaries(postings)}) == 1
