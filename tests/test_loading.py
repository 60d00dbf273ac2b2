"""Loading: the bundled files load, and every kind of bad file gets one clear, positioned message."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from matcher.errors import InputError
from matcher.folders import bundled_postings_dir, load_postings, posting_files
from matcher.loading import load_posting, load_profile
from matcher.models import AnyOfCriterion, DegreeCriterion, Stage, TextCriterion

from .conftest import PROFILES, posting_from, profile_from

SEEDS = [
    "000_b7b7d45e150a0e1d.txt",
    "001_0e2a1ae42663e512.txt",
    "002_32c9aab317663294.txt",
    "003_da17db3fbc547264.txt",
    "004_8f5d918842053b5c.txt",
]


@pytest.mark.parametrize("path", posting_files(bundled_postings_dir()), ids=lambda p: p.name)
def test_every_bundled_posting_loads_with_quotes_and_a_source(path: Path) -> None:
    posting = load_posting(str(path))
    assert posting.id == path.stem
    assert posting.source in SEEDS
    for q in posting.required + posting.preferred:
        assert q.quote, f"{posting.id}: every curated qualification quotes the posting"


def test_every_seed_is_curated_exactly_once(bundled) -> None:
    assert sorted(p.source for p in bundled.values()) == SEEDS


@pytest.mark.parametrize("path", sorted([*PROFILES.glob("*.yaml"), *PROFILES.glob("*.json")]), ids=lambda p: p.name)
def test_every_example_profile_loads(path: Path) -> None:
    profile = load_profile(str(path))
    assert profile.degree.stage in Stage


def test_at_least_six_example_profiles_and_me_yaml() -> None:
    names = {p.name for p in PROFILES.glob("*.yaml")}
    assert "me.yaml" in names and len(names) >= 7


def test_the_masters_exception_is_encoded_as_an_alternative(bundled) -> None:
    tokyo = bundled["msr-cambridge-project-tokyo-ml-uq"]
    first = tokyo.required[0].criterion
    assert isinstance(first, AnyOfCriterion)
    stages = [o.criterion.stages for o in first.options if isinstance(o.criterion, DegreeCriterion)]
    assert stages == [(Stage.PHD,)]
    assert "Exceptional Masters" in (tokyo.required[0].quote or "")


def test_single_values_are_lists_of_one_and_stage_aliases_map_to_four_stages() -> None:
    profile = profile_from("""
        degree: {stage: M.Sc., field: CS}
        skills: PyTorch
        interests: vision
    """)
    assert profile.degree.stage is Stage.MASTERS
    assert profile.skills == ("PyTorch",) and profile.interests == ("vision",)
    for written, stage in [
        ("Ph.D.", Stage.PHD),
        ("doctorate", Stage.PHD),
        ("BEng", Stage.BACHELORS),
        ("MPhil", Stage.MASTERS),
        ("post-doc", Stage.POSTDOC),
    ]:
        assert profile_from(f"degree: {{stage: {written}}}").degree.stage is stage


def test_places_that_yaml_splits_are_joined_back() -> None:
    profile = profile_from("""
        degree: {stage: phd}
        location: {current: Cambridge, preferred: [Cambridge, UK, Redmond, WA]}
    """)
    assert profile.location is not None
    assert profile.location.preferred == ("Cambridge, UK", "Redmond, WA")


def test_a_bare_sentence_in_a_posting_is_a_text_qualification() -> None:
    posting = posting_from("""
        title: T
        organization: O
        preferred: ["Strong communication skills"]
    """)
    assert posting.preferred[0].criterion == TextCriterion("Strong communication skills")
    assert posting.id == "posting"  # defaults to the file name


def message_for(tmp_path: Path, name: str, content: str | bytes, loader=load_profile) -> str:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        loader(str(path))
    return str(caught.value).replace(str(tmp_path) + "/", "")


BAD_PROFILES = [
    ("bad-yaml", "degree: {stage: phd\n  skills: [a\n", "bad-yaml.yaml:2:9: invalid YAML: did not find expected ',' or '}'"),
    ("tabs", "degree:\n\tstage: phd\n", "tabs.yaml:2:1: "),
    ("empty", "", "is empty; expected a YAML mapping"),
    ("blank", "   \n\n", "is empty; expected a YAML mapping"),
    ("a-list", "- degree: phd\n", "profile: expected a mapping (key: value lines), got a list"),
    (
        "misspelt-key",
        "degree: {stage: phd}\nskils: [python]\n",
        "misspelt-key.yaml:2:1: profile: unknown key 'skils'; did you mean 'skills'?",
    ),
    ("missing-degree", "name: Ada\n", "profile: 'degree' is required"),
    (
        "wrong-type",
        "degree: {stage: phd}\nresearch_experience_years: lots\n",
        "wrong-type.yaml:2:28: profile.research_experience_years: expected a number, got text ('lots')",
    ),
    ("negative-years", "degree: {stage: phd}\nresearch_experience_years: -1\n", "must be 0 or more, got -1"),
    ("bad-stage", "degree: {stage: phdd}\n", "degree.stage: 'phdd' is not a degree stage; did you mean 'phd'?"),
    (
        "bad-date",
        "degree: {stage: phd}\navailability: {start: 2021-02-30}\n",
        "bad-date.yaml:2:23: availability.start: '2021-02-30' is not a date; expected YYYY-MM-DD, YYYY-MM",
    ),
    ("duplicate-key", "degree: {stage: phd}\nskills: [a]\nskills: [b]\n", "duplicate-key.yaml:3:1: duplicate key 'skills'"),
    ("python-tag", "degree: !!python/object/apply:os.system ['echo hacked']\n", "is not allowed; use plain YAML values"),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_PROFILES, ids=[b[0] for b in BAD_PROFILES])
def test_bad_profiles_give_one_clear_positioned_message(tmp_path: Path, name: str, content: str, expected: str) -> None:
    message = message_for(tmp_path, f"{name}.yaml", content)
    assert expected in message
    assert "Traceback" not in message


def test_tabs_are_explained(tmp_path: Path) -> None:
    assert "YAML indents with spaces, not tabs" in message_for(tmp_path, "t.yaml", "degree:\n\tstage: phd\n")


def test_every_problem_in_a_file_is_reported_together(tmp_path: Path) -> None:
    message = message_for(tmp_path, "many.yaml", "degree: {stage: phd}\nskils: []\nintrests: []\n")
    assert "'skils'" in message and "'intrests'" in message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"degree: {stage: phd}\nname: \xff\xfe\n", "many.yaml:2:7: not UTF-8 text (byte 0xff)"),
        (b"\x00\x01\x02binary", "a binary file; expected YAML text"),
    ],
)
def test_undecodable_files_are_refused(tmp_path: Path, content: bytes, expected: str) -> None:
    assert expected in message_for(tmp_path, "many.yaml", content)


def test_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_profile(str(tmp_path / "nope.yaml"))


BAD_POSTINGS = [
    (
        "misspelt-kind",
        """
        title: T
        organization: O
        required:
          - degre: {stage: phd}
     """,
        "bad.yaml:5:5: required: unknown key 'degre'; did you mean 'degree'?",
    ),
    (
        "two-kinds",
        """
        title: T
        organization: O
        required:
          - {degree: {stage: phd}, skills: {any: [x]}}
     """,
        "one kind key per qualification, found degree, skills",
    ),
    ("missing-title", "organization: O\n", "posting: 'title' is required"),
    (
        "skills-without-list",
        """
        title: T
        organization: O
        preferred:
          - skills: {some: [x]}
     """,
        "preferred.skills: unknown key 'some'",
    ),
    (
        "unknown-area",
        """
        title: T
        organization: O
        required:
          - publications: {areas: [mll]}
     """,
        "unknown area 'mll'; did you mean 'ml'?",
    ),
    (
        "required-not-a-list",
        "title: T\norganization: O\nrequired: {degree: {stage: phd}}\n",
        "required: expected a list of qualifications, got a mapping",
    ),
]


@pytest.mark.parametrize(("name", "content", "expected"), BAD_POSTINGS, ids=[b[0] for b in BAD_POSTINGS])
def test_bad_postings_give_one_clear_positioned_message(tmp_path: Path, name: str, content: str, expected: str) -> None:
    assert expected in message_for(tmp_path, "bad.yaml", content, loader=load_posting)


def test_a_folder_with_one_broken_posting_loads_the_rest_and_names_the_broken_one(tmp_path: Path) -> None:
    for path in posting_files(bundled_postings_dir()):
        (tmp_path / path.name).write_text(path.read_text())
    (tmp_path / "zz-broken.yaml").write_text("title: [unclosed\n")
    loaded = load_postings(tmp_path)
    assert len(loaded.postings) == 5
    assert [s.path for s in loaded.skipped] == [str(tmp_path / "zz-broken.yaml")]
    assert "zz-broken.yaml:2:1: invalid YAML" in loaded.skipped[0].error


def test_a_duplicate_posting_id_is_skipped_and_names_the_first(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: same\ntitle: A\norganization: O\n")
    (tmp_path / "b.yaml").write_text("id: same\ntitle: B\norganization: O\n")
    loaded = load_postings(tmp_path)
    assert [p.title for p in loaded.postings] == ["A"]
    assert "duplicate posting id 'same' (also in" in loaded.skipped[0].error


def test_a_folders_posting_files_are_its_yaml_files_by_name(tmp_path: Path) -> None:
    from matcher.folders import posting_names

    for name in ("b.yaml", "a.yml", ".hidden.yaml", ".yaml", "..yml", "c.YAML", "notes.txt", "yaml"):
        (tmp_path / name).write_text("id: x\n")
    (tmp_path / "folder.yaml").mkdir()
    assert posting_names(tmp_path) == [".hidden.yaml", "a.yml", "b.yaml"]
