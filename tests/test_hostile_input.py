"""Hostile input (issue 21): postings come from the internet and profiles from other people, so
their text never drives a terminal or a spreadsheet, no write leaves its folder, the cache cannot
be used to run code, and nothing a file, stream or environment variable holds makes the tool
crash (exit 70) or drop data without a word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.display_text import has_unsafe, visible

from .conftest import PROFILES, ROOT

ME = str(PROFILES / "me.yaml")
TODAY = ["--today", "2026-11-23"]
EXIT_INTERNAL = 70


def run(*args: str, env: dict[str, str | None] | None = None, input: str | None = None):
    return CliRunner().invoke(
        app,
        list(args),
        input=input,
        env={"NO_COLOR": None, "INTERN_MATCH_POSTINGS": None, "INTERN_MATCH_PROFILE": None, **(env or {})},
    )


def run_process(*args: str, env: dict[str, str] | None = None, **options):
    """The installed entry point in a process of its own, for what CliRunner cannot show (closed
    streams, encodings, signals)."""
    return subprocess.run(
        [sys.executable, "-m", "matcher", *args],
        capture_output=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        **options,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


# ----------------------------------------------------------------------------- 1. terminal escapes

ESCAPES = r"\e[31mRED\e[0m \e]8;;https://evil.example\e\\link\e]8;;\e\\ \e]52;c;ZXZpbA==\a \b\b\rX \u202eevil\u202c \x9b2J"
"""Colour, an OSC 8 hyperlink, an OSC 52 clipboard write, BEL, backspaces, a carriage return, a
bidi override and a one-character C1 CSI, as YAML double-quoted escapes."""


@pytest.fixture
def hostile(tmp_path: Path) -> tuple[Path, Path]:
    """A postings folder and a profile whose every text field carries escapes and rich markup."""
    e = ESCAPES
    postings = tmp_path / "postings"
    write(
        postings / "evil.yaml",
        f"""\
        id: "evil{e}"
        title: "[bold]Title[/bold] {e}"
        organization: "Org {e}"
        team: "Team {e}"
        location: ["Place {e}"]
        source: "src {e}"
        topics: ["few-shot learning", "topic {e}"]
        required:
          - skills: {{any: ["skill {e}"]}}
            quote: "quote {e}"
            note: "note {e}"
          - "text {e}"
        preferred:
          - degree: {{stage: phd, fields: ["field {e}"]}}
        """,
    )
    bib = write(
        tmp_path / "profile" / "papers.bib",
        "@inproceedings{key\x1b[31m,\n  title = {Paper \x1b]52;c;eA==\x07},\n  year = {2024}\n}\n",
    )
    profile = write(
        tmp_path / "profile" / "evil.yaml",
        f"""\
        name: "[red]Name[/red] {e}"
        degree: {{stage: phd, field: "field {e}"}}
        skills: ["skill {e}", "PyTorch"]
        interests: ["interest {e}"]
        publications:
          - {{title: "title {e}", venue: "venue {e}", year: 2024}}
          - bibtex: {bib.name}
        """,
    )
    return postings, profile


def assert_inert(text: str) -> None:
    """No control character, escape sequence or bidi override: only printable text, tabs and line breaks."""
    assert not has_unsafe(text), [line for line in text.splitlines() if has_unsafe(line)][:3]


def test_visible_shows_each_control_character_as_its_escape() -> None:
    assert visible("a\x1b[31mb\x07\x08\r\u202e\x9b\td\n") == "a\\x1b[31mb\\x07\\x08\\x0d\\u202e\\x9b\td\n"
    assert visible(visible("\x1b")) == "\\x1b"  # idempotent: a message shown twice reads the same
    assert visible("Zürich · 東京 🚀") == "Zürich · 東京 🚀"


@pytest.mark.parametrize(
    "command",
    [
        ["rank", "{profile}", "-p", "{postings}"],
        ["rank", "{profile}", "-p", "{postings}", "-f", "csv"],
        ["rank", "{profile}", "-p", "{postings}", "-f", "tsv"],
        ["explain", "{postings}/evil.yaml", "{profile}"],
        ["gaps", "{profile}", "-p", "{postings}"],
        ["gaps", "{profile}", "-p", "{postings}", "-f", "tsv"],
        ["shortlist", "{postings}/evil.yaml", "{profile}"],
        ["shortlist", "{postings}/evil.yaml", "{profile}", "-f", "csv"],
        ["profile", "show", "{profile}"],
        ["venues", "venue \x1b[31m\u202e"],
        ["explain", "no-such-id\x1b]52;c;eA==\x07", "{profile}", "-p", "{postings}"],
    ],
)
def test_no_output_or_message_carries_a_control_sequence(hostile: tuple[Path, Path], command: list[str]) -> None:
    postings, profile = hostile
    args = [a.format(postings=postings, profile=profile) for a in command]
    result = run(*args, *([] if command[0] == "venues" else TODAY))
    assert result.exit_code in (0, 2), result.output
    assert_inert(result.output)
    assert "\\x1b[31m" in result.output or "\\x1b" in result.output


def test_even_with_colour_forced_untrusted_text_stays_inert(hostile: tuple[Path, Path]) -> None:
    postings, profile = hostile
    result = run("rank", str(profile), "-p", str(postings), *TODAY, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    assert result.exit_code == 0, result.output
    assert "\x1b]" not in result.output and "\x07" not in result.output and "\u202e" not in result.output
    assert "\x1b[31mRED" not in result.output


def test_rich_markup_in_untrusted_text_stays_text(hostile: tuple[Path, Path]) -> None:
    postings, profile = hostile
    ranked = run("rank", str(profile), "-p", str(postings), *TODAY)
    assert "[bold]Title[/bold]" in ranked.output and "[red]Name[/red]" in ranked.output
    listed = run("shortlist", str(postings / "evil.yaml"), str(profile), *TODAY)
    assert "[bold]Title[/bold]" in listed.output


def test_validate_messages_and_warnings_are_inert(tmp_path: Path, hostile: tuple[Path, Path]) -> None:
    _, profile = hostile
    bad = write(tmp_path / "bad.yaml", 'title: T\norganization: O\n"key\\e[31m\\u202e": 1\n')
    checked = run("validate", str(bad))
    assert checked.exit_code == 1 and "unknown key 'key\\x1b[31m\\u202e'" in checked.output
    assert_inert(checked.output)
    shown = run("profile", "show", str(profile), *TODAY)
    assert "warning:" in shown.output  # the BibTeX entry without a venue, by its (escaped) key
    assert_inert(shown.output)


def test_skipped_posting_names_and_errors_are_inert(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    write(folder / "bad\x1b[2J.yaml", 'title: "\\e[31m"\n')
    result = run("rank", ME, "-p", str(folder), *TODAY)
    assert result.exit_code == 3, result.output
    assert "bad\\x1b[2J.yaml" in result.output
    assert_inert(result.output)


def test_the_html_report_is_inert(tmp_path: Path, hostile: tuple[Path, Path]) -> None:
    postings, profile = hostile
    page = tmp_path / "report.html"
    result = run("rank", str(profile), "-p", str(postings), "--html", str(page), *TODAY)
    assert result.exit_code == 0, result.output
    assert_inert(page.read_text(encoding="utf-8"))


def test_an_ingested_draft_is_inert(tmp_path: Path) -> None:
    page = write(tmp_path / "p.txt", "Research Intern \x1b]52;c;eA==\x07 at Acme\nRequirements\n- PhD \u202eevil\n- zzz \x1b[2J\n")
    result = run("ingest", str(page))
    assert result.exit_code == 0, result.output
    assert_inert(result.output)


# ----------------------------------------------------------------------------- 2. CSV / TSV formulas


@pytest.fixture
def formulas(tmp_path: Path) -> tuple[Path, Path]:
    postings = tmp_path / "postings"
    write(
        postings / "f.yaml",
        """\
        id: "@SUM(1+1)"
        title: '=HYPERLINK("https://evil.example","click")'
        organization: "+cmd|' /C calc'!A0"
        location: ["-2+3"]
        source: "\\tTab"
        required: [{skills: {any: [PyTorch]}}]
        """,
    )
    profile = write(tmp_path / "p.yaml", "name: '=1+1'\ndegree: {stage: phd}\nskills: [PyTorch]\n")
    return postings, profile


@pytest.mark.parametrize("fmt", ["csv", "tsv"])
def test_cells_that_a_spreadsheet_would_run_are_quoted_as_text(formulas: tuple[Path, Path], fmt: str) -> None:
    import csv
    import io

    postings, profile = formulas
    result = run("rank", str(profile), "-p", str(postings), "-f", fmt, *TODAY)
    assert result.exit_code == 0, result.output
    row = next(csv.DictReader(io.StringIO(result.stdout), delimiter="," if fmt == "csv" else "\t"))
    assert row["id"] == "'@SUM(1+1)"
    assert row["title"] == """'=HYPERLINK("https://evil.example","click")"""
    assert row["organization"] == "'+cmd|' /C calc'!A0"
    assert row["location"] == "'-2+3"
    assert row["source"] in ("'\tTab", "Tab")  # TSV closes up white space first; then nothing is left to guard
    assert row["score"] == "1.0000" and row["rank"] == "1"  # numbers stay numbers


def test_a_profile_name_in_a_shortlist_csv_is_quoted_as_text(formulas: tuple[Path, Path]) -> None:
    postings, profile = formulas
    result = run("shortlist", str(postings / "f.yaml"), str(profile), "-f", "csv", *TODAY)
    assert result.exit_code == 0, result.output
    assert ",'=1+1," in result.stdout


def test_json_and_jsonl_keep_the_text_exact(formulas: tuple[Path, Path]) -> None:
    postings, profile = formulas
    document = json.loads(run("rank", str(profile), "-p", str(postings), "-f", "json", *TODAY).stdout)
    assert document["results"][0]["id"] == "@SUM(1+1)" and document["profile"]["name"] == "=1+1"
    line = json.loads(run("rank", str(profile), "-p", str(postings), "-f", "jsonl", *TODAY).stdout.splitlines()[0])
    assert line["title"].startswith("=HYPERLINK(")


# ----------------------------------------------------------------------------- 3. paths

ONE_LINE = str(ROOT / "tests" / "data" / "one-line-posting.txt")


@pytest.mark.parametrize("posting_id", ["../../escaped", "/tmp/absolute", "a/b", "..", ".hidden", "", "x" * 101, "naïve"])
def test_ingest_refuses_an_id_that_is_not_a_plain_name(tmp_path: Path, posting_id: str) -> None:
    out = tmp_path / "deep" / "out"
    out.mkdir(parents=True)
    result = run("ingest", ONE_LINE, "--out", str(out), "--id", posting_id)
    assert result.exit_code == 2, result.output
    assert "is not a posting id: use letters, digits" in result.output
    assert [p for p in tmp_path.rglob("*") if p.is_file()] == []


def test_ingest_writes_a_valid_id_inside_out_and_never_over_a_file_or_link(tmp_path: Path) -> None:
    result = run("ingest", ONE_LINE, "--out", str(tmp_path), "--id", "acme-2027.v1_a")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "acme-2027.v1_a.yaml").is_file()
    outside = tmp_path / "outside.txt"
    outside.write_text("mine")
    (tmp_path / "linked.yaml").symlink_to(outside)
    refused = run("ingest", ONE_LINE, "--out", str(tmp_path), "--id", "linked")
    assert refused.exit_code == 1 and "use --force" in refused.output
    forced = run("ingest", ONE_LINE, "--out", str(tmp_path), "--id", "linked", "--force")
    assert forced.exit_code == 0, forced.output
    assert outside.read_text() == "mine"  # the link was replaced, not written through


def test_write_atomically_refuses_a_path_outside_its_folder(tmp_path: Path) -> None:
    from matcher.errors import InputError
    from matcher.files import write_atomically

    (tmp_path / "out").mkdir()
    with pytest.raises(InputError, match="is not inside"):
        write_atomically(tmp_path / "out" / ".." / "x.yaml", "x", inside=tmp_path / "out")
    assert not (tmp_path / "x.yaml").exists()


def test_a_profile_reads_bibtex_only_from_its_own_folder(tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.bib", "@article{s, title={Secret}, journal={JMLR}, year={2024}}\n")
    folder = tmp_path / "profiles"
    write(folder / "sub" / "mine.bib", "@article{m, title={Mine}, journal={JMLR}, year={2024}}\n")
    for bib in ("../secret.bib", str(secret)):
        write(folder / "p.yaml", f"degree: {{stage: phd}}\npublications:\n  - bibtex: {bib}\n")
        refused = run("profile", "show", str(folder / "p.yaml"), "-f", "json", *TODAY)
        assert refused.exit_code == 1, refused.output
        assert "p.yaml:3:13: publications.bibtex: " in refused.output and "outside the profile's folder" in refused.output
        assert "Secret" not in refused.output
        allowed = run("profile", "show", str(folder / "p.yaml"), "-f", "json", *TODAY, env={"INTERN_MATCH_BIBTEX_ANYWHERE": "1"})
        assert allowed.exit_code == 0 and "Secret" in allowed.stdout
    (folder / "link.bib").symlink_to(secret)
    write(folder / "p.yaml", "degree: {stage: phd}\npublications:\n  - bibtex: link.bib\n  - bibtex: sub/mine.bib\n")
    linked = run("profile", "show", str(folder / "p.yaml"), "-f", "json", *TODAY)
    assert linked.exit_code == 1 and "'link.bib' is outside" in linked.output
    write(folder / "p.yaml", "degree: {stage: phd}\npublications:\n  - bibtex: sub/mine.bib\n")
    below = run("profile", "show", str(folder / "p.yaml"), "-f", "json", *TODAY)
    assert below.exit_code == 0 and "Mine" in below.stdout


def test_a_report_over_a_folder_is_refused_even_with_force(tmp_path: Path) -> None:
    folder = tmp_path / "report.html"
    folder.mkdir()
    result = run("rank", ME, "--html", str(folder), "--force", *TODAY)
    assert result.exit_code == 1, result.output
    assert "is a folder" in result.output


def test_a_folder_that_cannot_be_written_is_an_error_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)  # as a read-only folder does (root may write anyway)
    result = run("ingest", ONE_LINE, "--out", str(tmp_path))
    assert result.exit_code == 1, result.output
    assert "cannot write: Permission denied" in result.output
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_while_writing_a_report_is_an_error_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    import matcher.files

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(matcher.files.os, "fsync", full)
    result = run("init", str(tmp_path / "me.yaml"))
    assert result.exit_code == 1, result.output
    assert "cannot write: No space left on device" in result.output
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("text", ["", "   \n\n"])
def test_ingest_of_an_empty_file_says_so(tmp_path: Path, text: str) -> None:
    page = tmp_path / "empty.txt"
    page.write_text(text)
    result = run("ingest", str(page))
    assert result.exit_code == 1, result.output
    assert "there is no posting to draft" in result.output
