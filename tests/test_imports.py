"""Profiles people already have: BibTeX files and JSON Resume documents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.errors import InputError
from matcher.importers import profile_from_json_resume
from matcher.loading import load_profile
from matcher.models import Stage
from matcher.scoring import rank

from .conftest import PROFILES, TODAY

BIB = """
@inproceedings{good2024,
  title = {A {Good} Paper},
  booktitle = {Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition},
  year = {2024},
  abbr = {CVPR}
}
@article{broken,
  title = {never closed
@inproceedings{nipsy, title={Old}, booktitle={Advances in Neural Information Processing Systems 30}, year=2017}
@misc{novenue, title={Notes}, year=2020}
"""


def test_bibtex_entries_become_publications_and_broken_ones_are_named(tmp_path: Path) -> None:
    (tmp_path / "papers.bib").write_text(BIB)
    (tmp_path / "me.yaml").write_text("degree: {stage: phd}\npublications:\n  - bibtex: papers.bib\n")
    profile = load_profile(str(tmp_path / "me.yaml"))
    assert [(p.title, p.venue, p.year) for p in profile.publications] == [
        ("A Good Paper", "CVPR", 2024),
        ("Old", "Advances in Neural Information Processing Systems 30", 2017),
        ("Notes", None, 2020),
    ]
    assert any("skipped entry 'broken'" in w for w in profile.warnings)
    assert any("entry 'novenue' names no venue" in w for w in profile.warnings)


def test_bibtex_warnings_reach_stderr_and_do_not_fail_the_run(tmp_path: Path) -> None:
    (tmp_path / "papers.bib").write_text(BIB)
    (tmp_path / "me.yaml").write_text("degree: {stage: phd}\npublications:\n  - bibtex: papers.bib\n")
    result = CliRunner().invoke(app, ["rank", str(tmp_path / "me.yaml"), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert "warning: " in result.stderr and "'broken'" in result.stderr
    json.loads(result.stdout)


def test_a_missing_bibtex_file_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text("degree: {stage: phd}\npublications:\n  - bibtex: nope.bib\n")
    with pytest.raises(InputError, match="nope.bib: no such file"):
        load_profile(str(tmp_path / "me.yaml"))


@pytest.mark.parametrize(
    ("study_type", "stage"),
    [
        ("Ph.D. candidate", Stage.PHD),
        ("PhD", Stage.PHD),
        ("Doctor of Philosophy", Stage.PHD),
        ("M.Sc.", Stage.MASTERS),
        ("Master of Science", Stage.MASTERS),
        ("MEng", Stage.MASTERS),
        ("BEng", Stage.BACHELORS),
        ("B.Sc.", Stage.BACHELORS),
        ("Bachelor", Stage.BACHELORS),
    ],
)
def test_json_resume_study_types_map_onto_the_four_stages(tmp_path: Path, study_type: str, stage: Stage) -> None:
    resume = {"basics": {"name": "X"}, "education": [{"studyType": study_type, "area": "CS", "startDate": "2024-09"}]}
    (tmp_path / "resume.json").write_text(json.dumps(resume))
    profile = load_profile(str(tmp_path / "resume.json"), TODAY)
    assert profile.degree.stage is stage and profile.degree.enrolled


def test_json_resume_mapping() -> None:
    document = json.loads((PROFILES / "jules-resume.json").read_text())
    data = profile_from_json_resume(document, TODAY)
    assert data["degree"] == {
        "stage": "Ph.D. candidate",
        "enrolled": True,
        "field": "Computer Vision",
        "institution": "University of Toronto",
        "expected_graduation": "2028-06",
    }
    assert data["location"] == {"current": "Toronto, Ontario, Canada"}
    assert [e["research"] for e in data["experience"]] == [True, True, False]
    assert data["publications"][0] == {
        "title": "Open-Vocabulary Video Segmentation with Sparse Prompts",
        "venue": "CVPR",
        "year": 2024,
    }
    assert data["skills"][:3] == ["PyTorch", "Python", "C++"]


def test_a_finished_degree_is_not_enrolled() -> None:
    data = profile_from_json_resume({"education": [{"studyType": "MSc", "endDate": "2020-06"}]}, TODAY)
    assert data["degree"]["enrolled"] is False


def test_bibtex_plus_yaml_and_json_resume_of_the_same_person_rank_identically(bundled) -> None:
    from_yaml = rank(bundled.values(), load_profile(str(PROFILES / "jules-bibtex.yaml"), TODAY), TODAY)
    from_resume = rank(bundled.values(), load_profile(str(PROFILES / "jules-resume.json"), TODAY), TODAY)
    assert [(m.posting.id, m.eligible, m.score) for m in from_yaml] == [(m.posting.id, m.eligible, m.score) for m in from_resume]


def test_invalid_json_is_positioned(tmp_path: Path) -> None:
    (tmp_path / "resume.json").write_text('{"basics": {"name": "X",}}')
    with pytest.raises(InputError, match=r"resume.json:1:25: invalid JSON"):
        load_profile(str(tmp_path / "resume.json"))


def test_profile_show_reports_venues_and_canonical_skills() -> None:
    result = CliRunner().invoke(
        app, ["profile", "show", str(PROFILES / "jules-bibtex.yaml"), "-f", "json", "--today", "2026-11-23"]
    )
    assert result.exit_code == 0, result.output
    reading = json.loads(result.stdout)
    assert reading["degree"]["stage"] == "phd" and reading["degree"]["enrolled"] is True
    assert reading["research_years"] == 3.6
    venues = [(p["written"], p["venue"], p["how"]) for p in reading["publications"]]
    assert venues[0] == ("CVPR", "CVPR", "exact")
    assert venues[1] == ("Advances in Neural Information Processing Systems", "NeurIPS", "exact")
    assert venues[2][1] is None  # a CVPR workshop is not CVPR
    skills = {s["written"]: s["canonical"] for s in reading["skills"]}
    assert skills["PyTorch"] == "pytorch" and skills["video segmentation"] is None


def test_profile_show_table_runs() -> None:
    result = CliRunner().invoke(app, ["profile", "show", str(PROFILES / "me.yaml")], env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "NIPS 2024" in result.stdout and "NeurIPS" in result.stdout
