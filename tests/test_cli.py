"""The command line: rank and explain in every format, exit statuses, pipes and colour."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import EXIT_INPUT, EXIT_SKIPPED, EXIT_USAGE, app
from matcher.folders import bundled_postings_dir, posting_files

from .conftest import PROFILES, ROOT

ME = str(PROFILES / "me.yaml")
TODAY = ["--today", "2026-11-23"]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner: CliRunner, *args: str, env: dict[str, str] | None = None):
    return runner.invoke(
        app, list(args), env={"NO_COLOR": None, "INTERN_MATCH_POSTINGS": None, "INTERN_MATCH_PROFILE": None, **(env or {})}
    )


def test_rank_json_has_the_documented_keys_and_ranks_tokyo_first(runner: CliRunner) -> None:
    result = invoke(runner, "rank", ME, "--format", "json", *TODAY)
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["profile"] == {"name": "Ada Example", "path": ME}
    assert document["skipped"] == []
    first = document["results"][0]
    assert first["id"] == "msr-cambridge-project-tokyo-ml-uq" and first["rank"] == 1
    for key in (
        "title",
        "organization",
        "location",
        "source",
        "deadline",
        "eligible",
        "score",
        "required",
        "preferred",
        "qualifications",
    ):
        assert key in first
    for q in first["qualifications"]:
        assert {"section", "kind", "quote", "verdict", "evidence", "similarity", "points"} <= q.keys()
    assert [r["rank"] for r in document["results"]] == list(range(1, 6))


def test_rank_jsonl_csv_and_tsv_parse_back_to_the_same_order(runner: CliRunner) -> None:
    ids = [r["id"] for r in json.loads(invoke(runner, "rank", ME, "-f", "json", *TODAY).stdout)["results"]]
    jsonl = invoke(runner, "rank", ME, "-f", "jsonl", *TODAY).stdout
    assert [json.loads(line)["id"] for line in jsonl.splitlines()] == ids
    for fmt, delimiter in (("csv", ","), ("tsv", "\t")):
        out = invoke(runner, "rank", ME, "-f", fmt, *TODAY).stdout
        rows = list(csv.DictReader(io.StringIO(out), delimiter=delimiter))
        assert [r["id"] for r in rows] == ids
        assert rows[0]["eligible"] == "yes" and float(rows[0]["score"]) > 0.9


def test_the_table_shows_ids_eligibility_and_reasons_without_colour_when_piped(runner: CliRunner) -> None:
    result = invoke(runner, "rank", ME, *TODAY, env={"COLUMNS": "160"})
    assert result.exit_code == 0, result.output
    assert "msr-cambridge-project-tokyo-ml-uq" in result.stdout
    assert "missing: on site: United States" in result.stdout
    assert "\x1b[" not in result.stdout


def test_top_and_eligible_only_filter_the_results(runner: CliRunner) -> None:
    one = json.loads(invoke(runner, "rank", ME, "-f", "json", "--top", "1", *TODAY).stdout)["results"]
    assert len(one) == 1
    eligible = json.loads(invoke(runner, "rank", ME, "-f", "json", "--eligible-only", *TODAY).stdout)["results"]
    assert eligible and all(r["eligible"] for r in eligible)


def test_explain_accounts_for_every_number_in_rank(runner: CliRunner) -> None:
    ranked = json.loads(invoke(runner, "rank", ME, "-f", "json", *TODAY).stdout)["results"]
    for row in ranked:
        result = invoke(runner, "explain", row["id"], ME, "-f", "json", *TODAY)
        assert result.exit_code == 0, result.output
        explained = json.loads(result.stdout)["result"]
        assert explained["score"] == row["score"]
        assert explained["qualifications"] == row["qualifications"]
        points = sum(q["points"] for q in explained["qualifications"]) + explained["topics"]["points"]
        assert points == pytest.approx(row["score"], abs=1e-3)
        met = sum(1 for q in explained["qualifications"] if q["section"] == "required" and q["verdict"] == "met")
        assert met == row["required"]["met"]


def test_explain_table_shows_quotes_evidence_and_the_sum(runner: CliRunner) -> None:
    result = invoke(runner, "explain", "msr-cambridge-project-tokyo-ml-uq", ME, *TODAY, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Ability to re-locate to the UK" in out
    assert "'NIPS 2024' -> NeurIPS (alias, 100)" in out
    assert "score = required 0.500 of 0.500" in out
    assert "eligible: no required qualification is unmet." in out


def test_explain_takes_a_posting_file_path(runner: CliRunner) -> None:
    path = str(posting_files(bundled_postings_dir())[0])
    assert invoke(runner, "explain", path, ME, *TODAY).exit_code == 0


def test_explain_unknown_id_suggests_the_closest_and_exits_2(runner: CliRunner) -> None:
    result = invoke(runner, "explain", "msr-cambridge-tokyo", ME)
    assert result.exit_code == EXIT_USAGE
    assert "no posting with id 'msr-cambridge-tokyo'; closest: msr-cambridge-project-tokyo-ml-uq" in result.stderr


def test_explain_finds_the_profile_from_the_environment_or_says_how_to_give_one(
    runner: CliRunner, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    ok = invoke(runner, "explain", "msr-cambridge-project-tokyo-ml-uq", env={"INTERN_MATCH_PROFILE": ME})
    assert ok.exit_code == 0, ok.output
    missing = invoke(runner, "explain", "msr-cambridge-project-tokyo-ml-uq")
    assert missing.exit_code == EXIT_USAGE
    assert "INTERN_MATCH_PROFILE" in missing.stderr and "./me.yaml" in missing.stderr


def test_a_broken_posting_is_skipped_named_on_stderr_and_exits_3(runner: CliRunner, tmp_path: Path) -> None:
    for path in posting_files(bundled_postings_dir()):
        (tmp_path / path.name).write_text(path.read_text())
    (tmp_path / "broken.yaml").write_text("title: T\norganization: O\nrequired:\n  - degre: {stage: phd}\n")
    result = invoke(runner, "rank", ME, "-f", "json", *TODAY, env={"INTERN_MATCH_POSTINGS": str(tmp_path)})
    assert result.exit_code == EXIT_SKIPPED
    document = json.loads(result.stdout)
    assert len(document["results"]) == 5
    assert document["skipped"][0]["path"].endswith("broken.yaml")
    assert "broken.yaml:4:5: required: unknown key 'degre'; did you mean 'degree'?" in result.stderr


def test_a_broken_profile_exits_1_with_a_positioned_message(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "me.yaml"
    bad.write_text("degree: {stage: phd\n  skills: [a\n")
    result = invoke(runner, "rank", str(bad))
    assert result.exit_code == EXIT_INPUT
    assert result.stderr.startswith(f"Error: {bad}:2:9: invalid YAML")
    assert "Traceback" not in result.output


def test_an_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, "rank", ME, "--format", "jsn")
    assert result.exit_code == EXIT_USAGE
    assert "did you mean 'json'?" in result.stderr


def test_the_profile_can_come_from_standard_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["rank", "-", "-f", "json", *TODAY], input=Path(ME).read_text())
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["profile"]["path"] == "-"


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["rank"],
        ["explain"],
        ["gaps"],
        ["shortlist"],
        ["venues"],
        ["ingest"],
        ["validate"],
        ["init"],
        ["profile"],
        ["profile", "show"],
    ],
)
def test_every_command_has_help(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def _installed(command: str) -> list[str]:
    exe = Path(sys.executable).parent / command
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "matcher"]


def test_as_a_real_process_from_another_directory_with_the_bundled_postings(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTERN_MATCH")}
    done = subprocess.run(
        [*_installed("intern-match"), "rank", ME, "-f", "json", *TODAY],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["results"]) == 5


def test_piped_into_head_ends_without_a_traceback(tmp_path: Path) -> None:
    # Many postings, so the writer is still writing when head has gone.
    source = Path(posting_files(bundled_postings_dir())[0]).read_text()
    for i in range(400):
        (tmp_path / f"p{i:03}.yaml").write_text(source.replace("id: ", f"id: p{i:03}-", 1))
    cmd = " ".join(_installed("intern-match"))
    done = subprocess.run(
        f"{cmd} rank {ME} --format tsv --postings {tmp_path} | head -3", shell=True, capture_output=True, text=True, timeout=120
    )
    assert len(done.stdout.splitlines()) == 3
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr


def test_python_dash_m_works() -> None:
    done = subprocess.run([sys.executable, "-m", "matcher", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("intern-match ")


def test_json_output_validates_against_the_published_schema(runner: CliRunner) -> None:
    import jsonschema

    schema = json.loads((ROOT / "docs" / "schema" / "output.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    for profile in sorted(PROFILES.glob("*.yaml")):
        document = json.loads(invoke(runner, "rank", str(profile), "-f", "json", *TODAY).stdout)
        jsonschema.validate(document, schema)
    explained = json.loads(invoke(runner, "explain", "msr-cambridge-project-tokyo-ml-uq", ME, "-f", "json").stdout)
    jsonschema.validate(explained, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**explained, "schema_version": 2}, schema)


def test_several_profiles_rank_against_the_same_postings_and_name_their_profile(runner: CliRunner) -> None:
    import jsonschema

    two = [str(PROFILES / "me.yaml"), str(PROFILES / "cv-phd-seattle.yaml")]
    document = json.loads(invoke(runner, "rank", *two, "-f", "json", *TODAY).stdout)
    jsonschema.validate(document, json.loads((ROOT / "docs" / "schema" / "output.schema.json").read_text()))
    assert [p["path"] for p in document["profiles"]] == two
    for path in two:
        alone = json.loads(invoke(runner, "rank", path, "-f", "json", *TODAY).stdout)["results"]
        together = [{k: v for k, v in r.items() if k != "profile"} for r in document["results"] if r["profile"] == path]
        assert together == alone
    tsv = invoke(runner, "rank", *two, "-f", "tsv", *TODAY).stdout.splitlines()
    assert tsv[0].startswith("profile\trank\tid") and len(tsv) == 11


def test_a_folder_of_profiles_ranks_the_same_in_one_process_or_several(runner: CliRunner) -> None:
    one = invoke(runner, "rank", str(PROFILES), "-f", "json", "--jobs", "1", *TODAY)
    two = invoke(runner, "rank", str(PROFILES), "-f", "json", "--jobs", "2", *TODAY)
    assert one.exit_code == 0, one.output
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["profiles"]) == len(list(PROFILES.glob("*.yaml"))) + len(list(PROFILES.glob("*.json")))
