"""ingest: from a posting as published (HTML, markdown, plain text) to a draft posting file."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from matcher.cli import app
from matcher.ingest import detect_format, draft_posting
from matcher.loading import posting_from_yaml
from matcher.models import AnyOfCriterion, PublicationsCriterion, SkillsCriterion

from .conftest import ROOT, load_tool

SEEDS = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))


def test_drafts_of_the_five_seeds_agree_with_the_curated_postings() -> None:
    tool = load_tool("ingest_agreement")
    rows = tool.measure()
    assert len(rows) == 5
    assert all(r.stages_ok for r in rows), rows
    assert sum(r.venue_f1 for r in rows) / len(rows) >= tool.VENUE_F1_TARGET
    assert all(r.deadline_ok for r in rows)


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_every_draft_is_a_valid_posting_whose_qualifications_quote_the_source(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    draft = draft_posting(text, seed.name)
    posting = posting_from_yaml(draft.posting, "draft.yaml")
    assert posting.source == seed.name
    source_words = set(re.findall(r"\w+", text))
    for q in posting.required + posting.preferred:
        assert q.quote and set(re.findall(r"\w+", q.quote)) <= source_words, q.quote
    assert draft_posting(text, seed.name) == draft  # deterministic


def test_the_seed_formats_are_recognised() -> None:
    assert [detect_format(s.read_text()) for s in SEEDS] == ["markdown", "html", "text", "text", "text"]


def quals(text: str):
    posting = posting_from_yaml(draft_posting(text, "test").posting, "t.yaml")
    return posting


def test_a_run_on_paragraph_with_star_bullets() -> None:
    posting = quals(
        "ML Research Intern\nAcme AI\nRequirements: * Currently enrolled in a PhD program in "
        "machine learning * Publications at NeurIPS or ICML * Experience with PyTorch or JAX"
    )
    kinds = [q.kind for q in posting.required]
    assert kinds == ["degree", "publications", "skills"]
    skills = posting.required[2].criterion
    assert isinstance(skills, SkillsCriterion) and skills.mode == "any" and set(skills.terms) == {"PyTorch", "JAX"}


def test_preferred_marked_only_inline_and_headings_missing() -> None:
    posting = quals(
        "Research Intern at Acme. You are pursuing a Masters or PhD in computer science. "
        "\nExperience with Rust is a plus.\nKubernetes experience is preferred.\n"
        "Strong Python skills."
    )
    assert [q.kind for q in posting.preferred] == ["skills", "skills"]
    assert {t for q in posting.preferred for t in q.criterion.terms} == {"Rust", "Kubernetes"}  # type: ignore[union-attr]


def test_html_with_br_bullets_and_a_requirements_list_of_documents() -> None:
    html = (
        "<div><strong>Basic Qualifications</strong><br>- PhD student in robotics<br>"
        "- Publications at ICRA, IROS or CoRL<br><strong>Requirements</strong><ul><li>A CV and cover letter</li>"
        "<li>Two reference letters</li></ul><strong>Nice to have</strong><ul><li>Experience with ROS</li></ul></div>"
    )
    draft = draft_posting(html, "test.html")
    posting = posting_from_yaml(draft.posting, "t.yaml")
    assert [q.kind for q in posting.required] == ["degree", "publications"]
    assert set(posting.required[1].criterion.venues) == {"ICRA", "IROS", "CoRL"}  # type: ignore[union-attr]
    assert [q.kind for q in posting.preferred] == ["skills"]
    assert draft.application_steps == ["A CV and cover letter", "Two reference letters"]


def test_an_exceptional_masters_clause_becomes_an_alternative() -> None:
    posting = quals(
        "Required\nCurrently pursuing a PhD in machine learning. Exceptional Masters students with "
        "research experience will be considered."
    )
    first = posting.required[0].criterion
    assert isinstance(first, AnyOfCriterion)


def test_a_venue_in_prose_is_not_mistaken_for_a_field() -> None:
    posting = quals("Required\nCurrently enrolled in a PhD program in machine learning or computer science.")
    assert not any(isinstance(q.criterion, PublicationsCriterion) for q in posting.required)


def test_ingest_prints_yaml_that_loads_and_lists_what_it_could_not_place() -> None:
    result = CliRunner().invoke(app, ["ingest", str(SEEDS[3])])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Drafted by `intern-match ingest`")
    document = yaml.safe_load(result.stdout)
    assert document["deadline"] == "2021-08-15" and document["duration_weeks"] == 12
    assert "# Not placed; add anything here that is a qualification:" in result.stdout


def test_ingest_out_writes_once_and_refuses_to_overwrite(tmp_path: Path) -> None:
    args = ["ingest", str(SEEDS[3]), "--out", str(tmp_path), "--id", "tokyo"]
    assert CliRunner().invoke(app, args).exit_code == 0
    target = tmp_path / "tokyo.yaml"
    target.write_text("# edited by hand\n" + target.read_text())
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert target.read_text().startswith("# edited by hand")
    assert CliRunner().invoke(app, [*args, "--force"]).exit_code == 0
    assert not target.read_text().startswith("# edited by hand")


def test_ingest_pipes_into_rank() -> None:
    exe = [sys.executable, "-m", "matcher"]
    ingest = subprocess.run([*exe, "ingest", str(SEEDS[3])], capture_output=True, text=True, check=True)
    ranked = subprocess.run(
        [*exe, "rank", str(ROOT / "profiles" / "me.yaml"), "--postings", "-", "-f", "tsv"],
        input=ingest.stdout,
        capture_output=True,
        text=True,
    )
    assert ranked.returncode == 0, ranked.stderr
    rows = ranked.stdout.splitlines()
    assert len(rows) == 2 and "\tyes\t" in rows[1]


def test_a_markdown_posting_with_other_headings_and_a_dotted_byline() -> None:
    text = (ROOT / "tests" / "data" / "google-style-posting.md").read_text()
    draft = draft_posting(text, "google-style-posting.md")
    posting = posting_from_yaml(draft.posting, "t.yaml")
    assert posting.organization == "Google DeepMind"
    assert posting.location == ("London, UK", "Mountain View, CA")  # normalised onto the place catalogue
    assert posting.deadline is not None and posting.deadline.isoformat() == "2027-03-01"
    assert [q.kind for q in posting.required] == ["degree", "skills", "research_experience", "publications"]
    assert [q.kind for q in posting.preferred] == ["skills", "research_experience", "skills"]
    assert not any("About the job" in (q.quote or "") for q in posting.required + posting.preferred)


def test_a_posting_with_no_line_breaks_and_no_headings() -> None:
    text = (ROOT / "tests" / "data" / "one-line-posting.txt").read_text()
    assert "\n" not in text.strip()
    draft = draft_posting(text, "one-line-posting.txt")
    posting = posting_from_yaml(draft.posting, "t.yaml")
    assert (posting.organization, posting.location) == ("Acme Labs", ("Zurich, Switzerland",))
    assert [q.kind for q in posting.required] == ["degree", "publications", "skills"]
    assert posting.required[0].criterion.fields == ("computer vision",)  # type: ignore[union-attr]
    assert [q.criterion.terms for q in posting.preferred] == [("JAX",)]  # type: ignore[union-attr]
    assert not any("cover letter" in (q.quote or "") for q in posting.required + posting.preferred)
