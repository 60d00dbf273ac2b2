"""Scripting: filters, standard input, validate, init, atomic writes, completion, signals, colour."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, app
from matcher.errors import RefusedWrite
from matcher.files import write_atomically
from matcher.folders import bundled_postings_dir, posting_files

from .conftest import PROFILES, ROOT

ME = str(PROFILES / "me.yaml")
CLEAN_ENV = {"NO_COLOR": None, "INTERN_MATCH_POSTINGS": None, "INTERN_MATCH_PROFILE": None}


def run(*args: str, stdin: str | None = None, env: dict | None = None):
    return CliRunner().invoke(app, list(args), input=stdin, env={**CLEAN_ENV, **(env or {})})


def ids(result) -> list[str]:
    assert result.exit_code in (EXIT_OK, EXIT_SKIPPED), result.output
    return [r["id"] for r in json.loads(result.stdout)["results"]]


def test_open_keeps_postings_whose_deadline_has_not_passed() -> None:
    before = ids(run("rank", ME, "-f", "json", "--open", "--today", "2021-08-15"))
    after = ids(run("rank", ME, "-f", "json", "--open", "--today", "2021-08-16"))
    assert "msr-cambridge-project-tokyo-ml-uq" in before
    assert "msr-cambridge-project-tokyo-ml-uq" not in after
    assert len(after) == 4  # the others give no deadline and stay


def test_location_keeps_postings_there() -> None:
    assert set(ids(run("rank", ME, "-f", "json", "--location", "UK"))) == {
        "msr-cambridge-project-tokyo-ml-uq",
        "msr-health-futures-multimodal-healthcare",
    }
    # A posting anywhere in the United States may be in Redmond: it stays; Cambridge, UK does not.
    assert ids(run("rank", ME, "-f", "json", "--location", "Redmond, Washington")) == [
        "msft-azure-ai-roar-research-intern",
        "msr-ai-hardware-architecture-intern",
    ]


def test_min_score_and_sort_by_deadline() -> None:
    document = json.loads(run("rank", ME, "-f", "json", "--min-score", "0.6").stdout)
    assert document["results"] and all(r["score"] >= 0.6 for r in document["results"])
    by_deadline = ids(run("rank", ME, "-f", "json", "--sort", "deadline"))
    assert by_deadline[0] == "msr-cambridge-project-tokyo-ml-uq"  # the only one with a deadline


def posting_folder(tmp_path: Path, broken: bool) -> Path:
    for path in posting_files(bundled_postings_dir()):
        (tmp_path / path.name).write_text(path.read_text())
    if broken:
        (tmp_path / "zz.yaml").write_text("title: [\n")
    return tmp_path


def test_strict_makes_an_invalid_posting_fatal(tmp_path: Path) -> None:
    folder = str(posting_folder(tmp_path, broken=True))
    assert run("rank", ME, "-p", folder).exit_code == EXIT_SKIPPED
    strict = run("rank", ME, "-p", folder, "--strict")
    assert strict.exit_code == EXIT_INPUT
    assert "zz.yaml:2:1: invalid YAML" in strict.stderr


def test_postings_on_standard_input_as_a_yaml_stream() -> None:
    stream = "id: a\ntitle: A\norganization: O\n---\nid: b\ntitle: B\norganization: O\nrequired: [{degree: {stage: [masters]}}]\n"
    result = run("rank", ME, "-p", "-", "-f", "json", stdin=stream)
    document = json.loads(result.stdout)
    assert [(r["id"], r["eligible"]) for r in document["results"]] == [("a", True), ("b", False)]


def test_postings_on_standard_input_as_json_lines_with_a_bad_line_skipped() -> None:
    lines = '{"id": "a", "title": "A", "organization": "O"}\n{"title": 1\n{"title": "B", "organization": "O"}\n'
    result = run("rank", ME, "-p", "-", "-f", "json", stdin=lines)
    assert result.exit_code == EXIT_SKIPPED
    document = json.loads(result.stdout)
    assert sorted(r["id"] for r in document["results"]) == ["a", "stdin-3"]
    assert "-:2:" in document["skipped"][0]["error"]


def test_the_profile_and_postings_cannot_both_be_standard_input() -> None:
    result = run("rank", "-", "-p", "-", stdin="")
    assert result.exit_code == 2 and "cannot both come from standard input" in result.stderr


# ----------------------------------------------------------------------------- validate


def test_validate_passes_the_bundled_files() -> None:
    result = run("validate", str(bundled_postings_dir()), str(PROFILES))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert "0 with problems" in result.stderr


def test_validate_prints_every_problem_with_its_position_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("id: same\ntitle: A\norganization: O\nrequired:\n  - degre: {stage: phd}\n")
    (tmp_path / "b.yaml").write_text("id: same\ntitle: B\norganization: O\n")
    (tmp_path / "c.yaml").write_text("id: same\ntitle: C\norganization: O\n")
    (tmp_path / "me.yaml").write_text("degree: {stage: phd}\nskils: [x]\n")
    result = run("validate", str(tmp_path))
    assert result.exit_code == EXIT_INPUT
    lines = result.stdout.replace(str(tmp_path) + "/", "").splitlines()
    assert lines == [
        "a.yaml:5:5: required: unknown key 'degre'; did you mean 'degree'?",
        "c.yaml: duplicate posting id 'same' (also in b.yaml)",
        "me.yaml:2:1: profile: unknown key 'skils'; did you mean 'skills'?",
    ]


def test_validate_json_lists_each_file_with_its_kind(tmp_path: Path) -> None:
    (tmp_path / "me.yaml").write_text("degree: {stage: phd}\n")
    document = json.loads(run("validate", str(tmp_path), "-f", "json").stdout)
    assert document["files"] == [{"path": str(tmp_path / "me.yaml"), "kind": "profile", "ok": True, "problems": []}]


# ----------------------------------------------------------------------------- init and writes


def test_init_writes_a_starter_profile_that_loads_and_never_overwrites(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    assert run("init", str(target)).exit_code == 0
    assert run("validate", str(target)).exit_code == 0
    target.write_text("degree: {stage: masters}\n# mine\n")
    refused = run("init", str(target))
    assert refused.exit_code == EXIT_INPUT and "--force" in refused.stderr
    assert target.read_text() == "degree: {stage: masters}\n# mine\n"
    assert run("init", str(target), "--force").exit_code == 0
    assert "Your intern-match profile" in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["me.yaml"]  # no temporary files left


def test_refusing_to_clobber_is_enforced_by_the_write_itself(tmp_path: Path) -> None:
    target = tmp_path / "x.yaml"
    target.write_text("old")
    with pytest.raises(RefusedWrite):
        write_atomically(target, "new")
    assert target.read_text() == "old"


def test_a_write_killed_midway_leaves_the_old_file_intact(tmp_path: Path) -> None:
    target = tmp_path / "me.yaml"
    target.write_text("degree: {stage: phd}\n")
    # The child dies (SIGKILL) after writing the new text but before it is renamed into place.
    child = (
        "import os, signal, sys\n"
        "from matcher.files import write_atomically\n"
        "os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        f"write_atomically({str(target)!r}, 'x' * 5_000_000, force=True)\n"
    )
    done = subprocess.run([sys.executable, "-c", child], cwd=ROOT, timeout=60)
    assert done.returncode == -signal.SIGKILL
    assert target.read_text() == "degree: {stage: phd}\n"


# ----------------------------------------------------------------------------- shell behaviour


def _exe() -> list[str]:
    exe = Path(sys.executable).parent / "intern-match"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "matcher"]


def test_shell_completion_offers_posting_ids() -> None:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("INTERN_MATCH")},
        "_INTERN_MATCH_COMPLETE": "complete_bash",
        "COMP_WORDS": "intern-match explain msr-ai",
        "COMP_CWORD": "2",
    }
    done = subprocess.run(_exe(), capture_output=True, text=True, env=env, timeout=60)
    assert done.stdout.split() == ["msr-ai-hardware-architecture-intern", "msr-ai-systems-research-intern"]


def test_ctrl_c_ends_with_130_and_no_traceback() -> None:
    # `rank -` waits for the profile on standard input: interrupt it there.
    child = subprocess.Popen(
        [*_exe(), "rank", "-"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.5)
    child.send_signal(signal.SIGINT)
    out, err = child.communicate(timeout=30)
    assert child.returncode == EXIT_INTERRUPTED
    assert "Traceback" not in err


def test_no_color_and_no_color_env_give_plain_text_even_on_a_terminal() -> None:
    forced = {"FORCE_COLOR": "1", "TTY_COMPATIBLE": "1"}
    coloured = run("rank", ME, env={**forced, "COLUMNS": "120"})
    assert "\x1b[" in coloured.stdout  # a terminal gets colour...
    assert "\x1b[" not in run("rank", ME, "--no-color", env={**forced, "COLUMNS": "120"}).stdout
    assert "\x1b[" not in run("rank", ME, env={**forced, "NO_COLOR": "1", "COLUMNS": "120"}).stdout


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("plain words, é and ü", "plain words, é and ü"),
        ("a\ttab", "a tab"),
        ("two\nlines\r\n", "two lines"),
        ("  spaced   out ", "spaced out"),
        ("no\u00a0break", "no break"),
        ("carriage\rreturn", "carriage return"),
        ("form\x0cfeed", "form feed"),
        ("line\u2028separator", "line separator"),
        (" leading", "leading"),
        ("trailing ", "trailing"),
        ("", ""),
    ],
)
def test_a_tsv_cell_never_holds_a_tab_a_line_break_or_loose_spaces(value: str, cell: str) -> None:
    from matcher.output_formats import delimited_lines

    lines = list(delimited_lines([{"a": "x", "b": value, "c": None}], ("a", "b", "c"), "\t"))
    assert lines == ["a\tb\tc\n", f"x\t{cell}\t\n"]


def test_rows_are_written_in_blocks_and_one_loose_value_is_closed_up_without_touching_the_others() -> None:
    import csv
    import io

    from matcher.output_formats import DELIMITED_BLOCK, delimited_lines

    count = DELIMITED_BLOCK * 2 + 3
    rows = [(n, f"posting {n}", "") for n in range(count)]
    rows[DELIMITED_BLOCK + 5] = (DELIMITED_BLOCK + 5, "two\nlines  and\ta tab ", "")
    tsv = "".join(delimited_lines(rows, ("n", "title", "note"), "\t")).split("\n")
    assert len(tsv) == count + 2 and tsv[-1] == ""  # a header, a line per row, a final line break
    assert tsv[1] == "0\tposting 0\t" and tsv[-2] == f"{count - 1}\tposting {count - 1}\t"
    assert tsv[DELIMITED_BLOCK + 6] == f"{DELIMITED_BLOCK + 5}\ttwo lines and a tab\t"
    assert tsv[DELIMITED_BLOCK + 7] == f"{DELIMITED_BLOCK + 6}\tposting {DELIMITED_BLOCK + 6}\t"
    parsed = list(csv.reader(io.StringIO("".join(delimited_lines(rows, ("n", "title", "note"), ",")))))
    assert parsed[0] == ["n", "title", "note"] and len(parsed) == count + 1
    assert parsed[DELIMITED_BLOCK + 6] == [str(DELIMITED_BLOCK + 5), "two\nlines  and\ta tab ", ""]  # CSV quotes, keeps
