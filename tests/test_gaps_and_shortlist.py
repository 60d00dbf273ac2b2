"""gaps (what to do next), shortlist (who fits a posting), and the shareable report."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from matcher.cli import app
from matcher.gaps import find_gaps
from matcher.loading import load_profile
from matcher.scoring import rank

from .conftest import PROFILES, TODAY

ME = str(PROFILES / "me.yaml")
DAY = ["--today", TODAY.isoformat()]


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"INTERN_MATCH_POSTINGS": None, "NO_COLOR": None})


def test_gaps_json_has_the_documented_shape() -> None:
    result = run("gaps", ME, "-f", "json", *DAY)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["profile"]["path"] == ME
    first = document["gaps"][0]
    assert {"rank", "kind", "item", "quick", "newly_eligible", "score_gain", "quotes"} <= first.keys()
    assert [g["rank"] for g in document["gaps"]] == list(range(1, len(document["gaps"]) + 1))


def test_the_same_skill_asked_by_several_postings_is_one_gap(bundled) -> None:
    profile = load_profile(str(PROFILES / "systems-phd-madison.yaml"))
    pytorch = [g for g in find_gaps(list(bundled.values()), profile, TODAY) if g.item.lower() == "pytorch"]
    assert len(pytorch) == 1
    assert set(pytorch[0].asked_by) == {"msft-azure-ai-roar-research-intern", "msr-cambridge-project-tokyo-ml-uq"}
    assert pytorch[0].quick and pytorch[0].kind == "skills"


def test_a_degree_gap_is_not_quick_and_names_what_it_would_open(bundled) -> None:
    profile = load_profile(str(PROFILES / "undergrad-london.yaml"))
    gaps = find_gaps(list(bundled.values()), profile, TODAY)
    degree = [g for g in gaps if g.kind == "degree"][0]
    assert not degree.quick and degree.item == "a PhD (enrolled)"
    assert "msft-azure-ai-roar-research-intern" in degree.newly_eligible


def test_adding_the_top_skill_and_ranking_again_shows_exactly_what_gaps_promised(tmp_path: Path) -> None:
    promised = json.loads(run("gaps", ME, "-f", "json", *DAY).stdout)["gaps"]
    top_skill = next(g for g in promised if g["kind"] == "skills")
    before = {r["id"]: r for r in json.loads(run("rank", ME, "-f", "json", *DAY).stdout)["results"]}

    data = yaml.safe_load(Path(ME).read_text())
    data["skills"].append(top_skill["item"])
    changed = tmp_path / "me.yaml"
    changed.write_text(yaml.safe_dump(data))
    after = {r["id"]: r for r in json.loads(run("rank", str(changed), "-f", "json", *DAY).stdout)["results"]}

    gains = {
        i: round(after[i]["score"] - before[i]["score"], 4)
        for i in before
        if before[i]["eligible"] and after[i]["score"] > before[i]["score"]
    }
    newly = sorted(i for i in before if after[i]["eligible"] and not before[i]["eligible"])
    assert gains == top_skill["score_gain"] and gains
    assert newly == top_skill["newly_eligible"]


def test_relocating_is_the_gap_that_opens_roar_for_me(bundled) -> None:
    gaps = find_gaps(list(bundled.values()), load_profile(ME), TODAY)
    assert gaps[0].item == "willing to relocate"
    assert gaps[0].newly_eligible == ("msft-azure-ai-roar-research-intern",)


# ----------------------------------------------------------------------------- shortlist


def test_shortlist_agrees_with_rank_pair_by_pair(bundled) -> None:
    for posting_id in bundled:
        document = json.loads(run("shortlist", posting_id, str(PROFILES), "-f", "json", *DAY).stdout)
        assert document["posting"]["id"] == posting_id
        for row in document["results"]:
            ranked = rank(bundled.values(), load_profile(row["profile"], TODAY), TODAY)
            same = next(m for m in ranked if m.posting.id == posting_id)
            assert (row["eligible"], row["score"]) == (same.eligible, same.score)
        order = [(not r["eligible"], -r["score"], r["profile"]) for r in document["results"]]
        assert order == sorted(order)


def test_shortlist_puts_the_architecture_student_first_for_the_hardware_posting() -> None:
    result = run("shortlist", "msr-ai-hardware-architecture-intern", str(PROFILES), "-f", "jsonl", *DAY)
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows[0]["name"] == "Dev Architect" and rows[0]["eligible"]
    assert all(not r["eligible"] for r in rows[1:])


# ----------------------------------------------------------------------------- the report


def write_report(tmp_path: Path) -> tuple[Path, Path]:
    html, svg = tmp_path / "report.html", tmp_path / "report.svg"
    result = run("rank", ME, "--html", str(html), "--svg", str(svg), "-f", "json", *DAY)
    assert result.exit_code == 0, result.output
    return html, svg


def test_the_report_holds_the_table_and_every_explanation_and_names_no_external_resource(tmp_path: Path) -> None:
    html, svg = write_report(tmp_path)
    page = html.read_text()
    for posting_id in ("msr-cambridge-project-tokyo-ml-uq", "msr-ai-hardware-architecture-intern"):
        assert page.count(posting_id) >= 2  # in the table and heading its explanation
    assert "re-locate" in page and "score = required" in page
    for text in (page, svg.read_text()):
        urls = set(re.findall(r"https?://[^\s\"')<>]+", text))
        assert urls <= {"http://www.w3.org/2000/svg", "https://www.textualize.io"}  # a namespace and a comment
        assert "url(http" not in text and 'src="http' not in text


def test_the_report_is_never_written_over_an_existing_file_without_force(tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_text("mine")
    refused = run("rank", ME, "--html", str(html), *DAY)
    assert refused.exit_code == 1 and "--force" in refused.stderr
    assert html.read_text() == "mine"
    assert run("rank", ME, "--html", str(html), "--force", *DAY).exit_code == 0
    assert "msr-cambridge-project-tokyo-ml-uq" in html.read_text()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (.ci/run installs Debian's chromium)")
def test_the_report_renders_in_a_real_headless_browser_with_the_network_cut_off(tmp_path: Path) -> None:
    html, _ = write_report(tmp_path)
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chrome'}",
        # Every host resolves nowhere: a page that needed the network would render without it.
        "--host-resolver-rules=MAP * ~NOTFOUND",
        "--proxy-server=127.0.0.1:9",
    ]
    dom = subprocess.run([CHROMIUM, *flags, "--dump-dom", html.as_uri()], capture_output=True, text=True, timeout=120)
    assert "msr-cambridge-project-tokyo-ml-uq" in dom.stdout
    assert "Internships for Ada Example" in dom.stdout
    shot = tmp_path / "shot.png"
    subprocess.run(
        [CHROMIUM, *flags, f"--screenshot={shot}", "--window-size=1200,900", html.as_uri()], capture_output=True, timeout=120
    )
    assert shot.stat().st_size > 10_000  # a rendered page, not a blank one


def test_a_scorer_derived_for_a_filled_gap_scores_exactly_like_a_fresh_one(bundled) -> None:
    """Scorer.changed reuses judgements a fill cannot affect; each Rule.reads must say so truly."""
    from matcher.scoring import Scorer

    from .conftest import posting_from

    # A field asked strictly, and the same field as a skill: a degree fill changes the skills verdict.
    strict = posting_from("""
        id: strict-field
        title: T
        organization: O
        topics: [robotics]
        required: [{degree: {stage: [phd], fields: [robotics]}}, {location: {on_site: [Paris]}}]
        preferred: [{skills: {any: [robotics]}}, {research_experience: {min_years: 9, fields: [robotics]}}]
    """)
    postings = [*bundled.values(), strict]
    for path in sorted(PROFILES.glob("*.yaml")):
        profile = load_profile(str(path), TODAY)
        base = Scorer(profile, TODAY)
        fills = {f.key: f for p in postings for r in base.score(p).results for f in base.fills(r.qualification, r.judgement)}
        assert fills or path.name == "arch-masters-toronto.yaml"
        for fill in fills.values():
            changed = fill.apply(profile)
            derived, fresh = base.changed(changed, fill.changes), Scorer(changed, TODAY)
            for p in postings:
                assert derived.score(p) == fresh.score(p), (path.name, fill.item, p.id)
