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
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE} | options
    return subprocess.run([sys.executable, "-m", "matcher", *args], timeout=120, env={**os.environ, **(env or {})}, **streams)


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
    page = write(
        tmp_path / "p.txt", "Research Intern \x1b]52;c;eA==\x07 at Acme\nRequirements\n- PhD \u202eevil\n- zzz \x1b[2J\n"
    )
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


# ----------------------------------------------------------------------------- 4, 7, 9. the cache


def postings_folder(tmp_path: Path) -> Path:
    from matcher.folders import bundled_postings_dir, posting_files

    folder = tmp_path / "postings"
    folder.mkdir()
    for path in posting_files(bundled_postings_dir()):
        (folder / path.name).write_text(path.read_text())
    return folder


def cached_load(folder: Path, cache_dir: Path, warnings: list[str] | None = None):
    from matcher.cache import PostingCache
    from matcher.folders import load_postings

    cache = PostingCache(cache_dir, on_warning=(warnings.append if warnings is not None else None))
    return load_postings(folder, read_folder=cache.load), cache


def debris(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.tmp")]


def test_a_new_cache_folder_is_private_and_so_are_its_files(tmp_path: Path) -> None:
    cache_dir = tmp_path / "made" / "cache"
    cached_load(postings_folder(tmp_path), cache_dir)
    assert cache_dir.stat().st_mode & 0o777 == 0o700
    files = list(cache_dir.iterdir())
    assert len(files) == 2 and all(f.stat().st_mode & 0o777 == 0o600 for f in files)


class _Planted:
    """A pickle that, loaded, would create a marker file: what an attacker would leave."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


@pytest.mark.parametrize("unsafe", ["world-writable folder", "group-writable file", "folder of another user"])
def test_a_cache_others_could_write_is_not_read_and_the_run_goes_on_without_it(tmp_path: Path, monkeypatch, unsafe: str) -> None:
    from matcher.cache import PostingCache

    folder = postings_folder(tmp_path)
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir(mode=0o700)
    marker = tmp_path / "pwned"
    index = PostingCache(cache_dir).file_for(folder)
    index.write_bytes(pickle_dumps(_Planted(marker)))
    index.chmod(0o600)
    if unsafe == "world-writable folder":
        cache_dir.chmod(0o777)
    elif unsafe == "group-writable file":
        index.chmod(0o660)
    else:
        real = os.getuid()
        monkeypatch.setattr(os, "getuid", lambda: real + 1)
    warnings: list[str] = []
    loaded, cache = cached_load(folder, cache_dir, warnings)
    assert not marker.exists()
    assert len(loaded.postings) == 5 and cache.last.parsed == 5
    assert len(warnings) == 1 and ("writable by other users" in warnings[0] or "owned by another user" in warnings[0])


def pickle_dumps(value: object) -> bytes:
    import pickle

    return pickle.dumps(value)


def test_an_unsafe_cache_folder_is_a_warning_on_the_command_line(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    cache_dir.chmod(0o777)
    result = run("rank", ME, "-p", str(postings_folder(tmp_path)), *TODAY, env={"INTERN_MATCH_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.output
    assert f"warning: not using the posting cache: {cache_dir} is writable by other users" in result.output
    assert list(cache_dir.iterdir()) == []


def test_a_full_cache_disk_is_a_warning_and_leaves_no_temporary_file(tmp_path: Path, monkeypatch) -> None:
    import matcher.cache

    def full(fd: int, mode: str):
        os.close(fd)
        return open("/dev/full", mode)  # noqa: SIM115 - every write fails with ENOSPC

    monkeypatch.setattr(matcher.cache.os, "fdopen", full)
    cache_dir = tmp_path / "cache"
    result = run("rank", ME, "-p", str(postings_folder(tmp_path)), *TODAY, env={"INTERN_MATCH_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.output
    assert "warning: could not write the posting cache" in result.output and "No space left on device" in result.output
    assert list(cache_dir.iterdir()) == []


@pytest.mark.parametrize("ending", [KeyboardInterrupt, SystemExit])
def test_an_interrupted_cache_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch, ending: type[BaseException]) -> None:
    import matcher.cache

    parsed: list[str] = []
    real = matcher.cache._parse_one

    def interrupted(path: str):
        parsed.append(path)
        if len(parsed) == 3:
            raise ending()  # Ctrl-C, or SIGTERM as the launcher turns it into SystemExit
        return real(path)

    monkeypatch.setattr(matcher.cache, "_parse_one", interrupted)
    cache_dir = tmp_path / "cache"
    with pytest.raises(ending):
        cached_load(postings_folder(tmp_path), cache_dir)
    assert debris(cache_dir) == []


def test_sigterm_ends_the_run_through_its_clean_up() -> None:
    from matcher.launcher import EXIT_TERMINATED, _terminated

    with pytest.raises(SystemExit) as ended:
        _terminated(15, None)
    assert ended.value.code == EXIT_TERMINATED == 143


def _block_forever(_: int) -> None:
    import threading

    threading.Event().wait()


def test_workers_are_ended_when_the_work_ends_early() -> None:
    import multiprocessing

    from matcher.workers import process_pool

    with pytest.raises(RuntimeError), process_pool(2) as pool:
        pool.submit(_block_forever, 1)
        pool.submit(_block_forever, 2)
        raise RuntimeError("interrupted")
    assert multiprocessing.active_children() == []


def test_jobs_are_bounded_by_the_cpus() -> None:
    from matcher.workers import available_cpus, bounded_jobs

    assert bounded_jobs(100_000) == available_cpus() and bounded_jobs(0) == 1
    result = run("rank", ME, str(PROFILES / "cv-phd-seattle.yaml"), "--jobs", "100000", "-f", "json", *TODAY)
    assert result.exit_code == 0, result.output


def test_index_entries_pointing_outside_the_table_are_a_cache_miss(tmp_path: Path) -> None:
    import pickle

    from matcher.cache import PostingCache

    folder, cache_dir = postings_folder(tmp_path), tmp_path / "cache"
    before, _ = cached_load(folder, cache_dir)
    index = PostingCache(cache_dir).file_for(folder)
    data = pickle.loads(index.read_bytes())
    name = next(iter(data["entries"]))
    size, mtime, (header, required, preferred), offset, length = data["entries"][name]
    data["entries"][name] = (size, mtime, (header, (len(data["table"]) + 5,), preferred), offset, length)
    index.write_bytes(pickle.dumps(data))
    after, cache = cached_load(folder, cache_dir)
    assert cache.last.parsed == 5
    assert [p.id for p in after.postings] == [p.id for p in before.postings]
    result = run("rank", ME, "-p", str(folder), *TODAY, env={"INTERN_MATCH_CACHE_DIR": str(cache_dir)})
    assert result.exit_code == 0, result.output


def test_a_posting_changed_with_the_same_size_and_mtime_is_read_again(tmp_path: Path) -> None:
    folder, cache_dir = postings_folder(tmp_path), tmp_path / "cache"
    path = folder / "msr-ai-systems-research-intern.yaml"
    text = path.read_text()
    assert "title: Research Intern" in text
    cached_load(folder, cache_dir)
    before = path.stat()
    path.write_text(text.replace("title: Research Intern", "title: Changed! Intern", 1))  # same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as `touch -r` or `cp -p` leave it
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    loaded, cache = cached_load(folder, cache_dir)
    assert cache.last.parsed == 1
    assert any(p.title.startswith("Changed! Intern") for p in loaded.postings)


def test_a_file_deleted_between_listing_and_reading_is_skipped_with_its_reason(tmp_path: Path, monkeypatch) -> None:
    import matcher.folders

    folder, cache_dir = postings_folder(tmp_path), tmp_path / "cache"
    listed = matcher.folders.posting_names

    def listed_then_deleted(where: Path) -> list[str]:
        names = listed(where)
        (where / names[0]).unlink()
        return names

    monkeypatch.setattr(matcher.folders, "posting_names", listed_then_deleted)
    for extra in ([], ["--no-cache"]):
        result = run("rank", ME, "-p", str(folder), *extra, *TODAY, env={"INTERN_MATCH_CACHE_DIR": str(cache_dir)})
        assert result.exit_code == 3, result.output
        assert "no such file" in result.output
        (folder / "dummy.yaml").write_text("title: T\norganization: O\n")  # something left to delete next time


# ----------------------------------------------------------------------------- crashes: streams and the environment


def _close(fd: int):
    return lambda: os.close(fd)


def test_a_closed_standard_output_is_an_error_not_a_crash() -> None:
    result = run_process("rank", ME, *TODAY, stdout=subprocess.PIPE, preexec_fn=_close(1))
    assert result.returncode == 1, result.stderr
    assert b"cannot write the output: standard output is closed" in result.stderr


def test_a_closed_standard_error_does_not_stop_the_run() -> None:
    result = run_process("rank", ME, "-f", "json", *TODAY, preexec_fn=_close(2))
    assert result.returncode == 0
    assert json.loads(result.stdout)["results"]


def test_a_closed_standard_input_reads_as_empty() -> None:
    result = run_process("rank", "-", *TODAY, preexec_fn=_close(0))
    assert result.returncode == 1, result.stderr
    assert b"-: is empty" in result.stderr


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_writing_to_a_full_device_is_an_error_not_a_crash(fmt: str) -> None:
    with open("/dev/full", "w") as full:
        result = run_process("rank", ME, "-f", fmt, *TODAY, stdout=full)
    assert result.returncode == 1, result.stderr
    assert b"cannot write the output: No space left on device" in result.stderr


def test_an_ascii_terminal_gets_escapes_not_a_crash(tmp_path: Path) -> None:
    result = run_process("rank", ME, *TODAY, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0, result.stderr
    assert b"Microsoft Research \\xb7 Cambridge" in result.stdout


def test_a_lone_surrogate_in_a_json_profile_is_written_as_an_escape(tmp_path: Path) -> None:
    profile = write(tmp_path / "p.json", '{"name": "A \\ud800", "degree": {"stage": "phd"}}')
    result = run_process("rank", str(profile), "-f", "json", *TODAY)
    assert result.returncode == 0, result.stderr
    assert b"A \\\\ud800" in result.stdout or b"A \\ud800" in result.stdout


def test_a_home_folder_that_does_not_exist_costs_only_the_cache() -> None:
    env = {"HOME": "/dev/null/nonexistent", "INTERN_MATCH_CACHE_DIR": "", "XDG_CACHE_HOME": ""}
    result = run_process("rank", ME, "-f", "json", *TODAY, env=env)
    assert result.returncode == 0, result.stderr
    assert b"warning: not using the posting cache" in result.stderr
    assert json.loads(result.stdout)["results"]


def test_a_symlink_loop_in_the_postings_folder_is_skipped_with_its_reason(tmp_path: Path) -> None:
    folder = postings_folder(tmp_path)
    (folder / "loop.yaml").symlink_to(folder / "loop.yaml")
    for extra in ([], ["--no-cache"]):
        result = run("rank", ME, "-p", str(folder), *extra, *TODAY)
        assert result.exit_code == 3, result.output
        assert "loop.yaml: cannot read: Too many levels of symbolic links" in result.output


def test_postings_from_a_device_or_a_fifo_are_read_as_one_file(tmp_path: Path) -> None:
    import threading

    zero = run("rank", ME, "-p", "/dev/zero", *TODAY)
    assert zero.exit_code == 3 and "/dev/zero: larger than 10 MB" in zero.output
    fifo = tmp_path / "postings.fifo"
    os.mkfifo(fifo)
    posting = (ROOT / "postings" / "msr-ai-systems-research-intern.yaml").read_text()
    writer = threading.Thread(target=lambda: fifo.write_text(posting))
    writer.start()
    result = run("rank", ME, "-p", str(fifo), "-f", "json", *TODAY)
    writer.join()
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)["results"]] == ["msr-ai-systems-research-intern"]


# ----------------------------------------------------------------------------- 5. numbers and dates


POSTING_HEAD = "title: T\norganization: O\n"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            "required:\n  - skills: {any: [PyTorch]}\n    weight: .nan\n",
            "5:13: required.weight: expected a finite number, got nan",
        ),
        (
            "required:\n  - skills: {any: [PyTorch]}\n    weight: .inf\n",
            "5:13: required.weight: expected a finite number, got inf",
        ),
        (
            "required:\n  - skills: {any: [PyTorch]}\n    weight: -.inf\n",
            "5:13: required.weight: expected a finite number, got -inf",
        ),
        (
            "required:\n  - research_experience: {min_years: .nan}\n",
            "required.research_experience.min_years: expected a finite number",
        ),
        ("pay: {min: .inf, max: 2}\n", "3:12: pay.min: expected a finite number, got inf"),
        ("required:\n  - skills: {any: [PyTorch]}\n    weight: 1.0e+308\n", "required.weight: must be 1000 or less"),
        ("start: 9999-12-01\n", "3:8: posting.start: '9999-12-01' is outside the years 1900 to 2999"),
        ("deadline: 9999-12\n", "posting.deadline: '9999-12' is outside the years 1900 to 2999"),
        ("required:\n  - availability: {start: 2027-05, weeks: 1000000}\n", "availability.weeks: must be 520 or less"),
        (
            "duration_weeks: 012\n",
            "posting.duration_weeks: expected a whole number, got text ('012'); write it without the leading zero",
        ),
        ("duration_weeks: 1:30\n", "got text ('1:30'); write it as one number, not as hours:minutes"),
        ("duration_weeks: 1e6\n", "got text ('1e6'); YAML reads a number with an exponent only with a dot and a sign"),
        (
            "required:\n  - research_experience: {min_years: 1.0e308}\n",
            "got text ('1.0e308'); YAML reads a number with an exponent",
        ),
        (
            "location: [Oslo, NO]\n",
            "posting.location: each item must be text, got true/false (false; YAML reads unquoted yes, no",
        ),
    ],
)
def test_numbers_and_dates_out_of_reason_are_positioned_errors(tmp_path: Path, body: str, message: str) -> None:
    path = write(tmp_path / "p.yaml", POSTING_HEAD + body)
    checked = run("validate", str(path))
    assert checked.exit_code == 1, checked.output
    assert message in checked.output
    ranked = run("rank", ME, "-p", str(path), "-f", "json", *TODAY)
    assert ranked.exit_code == 3 and json.loads(ranked.stdout)["results"] == []


def test_a_december_deadline_is_the_last_day_of_the_year(tmp_path: Path) -> None:
    from matcher.loading import load_posting

    assert str(load_posting(str(write(tmp_path / "p.yaml", POSTING_HEAD + "deadline: 2998-12\n"))).deadline) == "2998-12-31"


def test_a_title_written_like_an_old_yaml_number_stays_as_written(tmp_path: Path) -> None:
    from matcher.loading import load_posting

    posting = load_posting(str(write(tmp_path / "p.yaml", "title: 1:30\norganization: 012\nteam: 0x1f\n")))
    assert (posting.title, posting.organization, posting.team) == ("1:30", "012", "0x1f")


def test_json_output_never_holds_nan_and_a_json_posting_with_nan_is_refused(tmp_path: Path) -> None:
    line = json.dumps({"title": "T", "organization": "O", "required": [{"skills": {"any": ["x"]}, "weight": float("nan")}]})
    result = run("rank", ME, "-p", "-", "-f", "json", *TODAY, input=line + "\n")
    assert result.exit_code == 3, result.output
    assert "expected a finite number, got nan" in result.output
    assert "NaN" not in result.stdout and json.loads(result.stdout)["results"] == []


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_min_score_must_be_a_number(value: str) -> None:
    result = run("rank", ME, "--min-score", value, *TODAY)
    assert result.exit_code == 2, result.output
    assert "--min-score" in result.output


@pytest.mark.parametrize("value", ["20210815", "2021-W33-1", "2021-W33", "2021-8-15", "٢٠٢١-٠٨-١٥"])
def test_today_is_a_plain_iso_day(value: str) -> None:
    result = run("rank", ME, "--today", value)
    assert result.exit_code == 2, result.output
    assert f"--today: '{value}' is not a date; expected YYYY-MM-DD" in result.output


def test_a_control_character_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("title: T\norganization: O\x1b[31m\n")
    result = run("validate", str(path))
    assert result.exit_code == 1
    assert "p.yaml:2:16: character \\x1b is not allowed in YAML" in result.output


# ----------------------------------------------------------------------------- scale


def test_a_profile_with_more_than_10000_skills_is_refused_with_the_limit(tmp_path: Path) -> None:
    skills = "".join(f"  - skill {n}\n" for n in range(10_001))
    path = write(tmp_path / "p.yaml", "degree: {stage: phd}\nskills:\n" + skills)
    result = run("rank", str(path), *TODAY)
    assert result.exit_code == 1, result.output
    assert "p.yaml:3:3: a list of 10,001 items; at most 10,000 are read" in result.output
    as_json = tmp_path / "p.json"
    as_json.write_text(json.dumps({"degree": {"stage": "phd"}, "skills": [f"s{n}" for n in range(10_001)]}))
    result = run("rank", str(as_json), *TODAY)
    assert result.exit_code == 1 and "profile.skills: 10,001 items; at most 10,000 are read" in result.output


def test_a_profile_with_10000_skills_is_read(tmp_path: Path) -> None:
    from matcher.loading import load_profile

    skills = "".join(f"  - skill {n}\n" for n in range(10_000))
    assert len(load_profile(str(write(tmp_path / "p.yaml", "degree: {stage: phd}\nskills:\n" + skills))).skills) == 10_000


# ----------------------------------------------------------------------------- 8. silent drops


def bibtex(tmp_path: Path, text: str):
    from matcher.importers import publications_from_bibtex

    return publications_from_bibtex(textwrap.dedent(text), "papers.bib")


def test_a_crossref_paper_takes_its_volume_s_title_as_venue_and_the_volume_is_not_a_paper(tmp_path: Path) -> None:
    imported = bibtex(
        tmp_path,
        """\
        @proceedings{cvpr24, title = {IEEE/CVF Conference on Computer Vision and Pattern Recognition}, year = {2024}}
        @inproceedings{a, title = {A}, crossref = {cvpr24}}
        @proceedings{lonely, title = {Proceedings of Something}, year = {2020}}
        @inproceedings{b, title = {B}, crossref = {missing}, booktitle = {ICML}, year = {2023}}
        """,
    )
    assert imported.publications == [
        {"title": "A", "venue": "IEEE/CVF Conference on Computer Vision and Pattern Recognition", "year": 2024},
        {"title": "B", "venue": "ICML", "year": 2023},
    ]
    assert any("entry 'lonely' is a @proceedings volume, not a paper; not counted" in w for w in imported.warnings)
    assert any("entry 'b' has crossref 'missing', which is not in the file" in w for w in imported.warnings)


def test_bibtex_concatenations_latex_spaces_and_odd_years_are_read_or_named(tmp_path: Path) -> None:
    from matcher.knowledge.venues import catalogue

    imported = bibtex(
        tmp_path,
        """\
        @inproceedings{b, title = {B}, booktitle = cvpr # " 2024", year = 2024}
        @inproceedings{c, title = {C}, booktitle = {Proc.\\ of NeurIPS}, year = {9e25}}
        """,
    )
    venues = [p["venue"] for p in imported.publications]
    assert venues == ["cvpr 2024", "Proc. of NeurIPS"]
    assert [catalogue().resolve(v).venue.acronym for v in venues] == ["CVPR", "NeurIPS"]  # type: ignore[union-attr]
    assert imported.publications[1]["year"] is None
    assert any("entry 'c' has year '9e25', not a year from 1900 to 2999" in w for w in imported.warnings)


def test_a_bibtex_file_without_entries_and_a_duplicate_key_are_named(tmp_path: Path) -> None:
    assert bibtex(tmp_path, "this is not bibtex at all\n").warnings == [
        "papers.bib: no BibTeX entries found; no publications read from it"
    ]
    duplicate = bibtex(tmp_path, "@article{k, title={A}, journal={JMLR}}\n\n@article{k, title={B}, journal={JMLR}}\n")
    assert duplicate.warnings == ["papers.bib:3: skipped entry 'k': its key is already used by the entry at line 1"]


@pytest.mark.parametrize(
    ("resume", "warning"),
    [
        ({"basics": {"name": ["x"]}}, "JSON Resume basics.name: expected text, got a list; left out"),
        ({"basics": {"location": "Cambridge"}}, "JSON Resume basics.location: expected an object, got str; left out"),
        ({"basics": "me", "education": [{"studyType": "PhD"}]}, "JSON Resume basics: expected an object, got str; left out"),
        ({"work": "lots"}, "JSON Resume work: expected a list, got str; left out"),
        (
            {"education": [{"studyType": "PhD"}], "work": [7, {"position": {"a": 1}}]},
            "JSON Resume work[0]: expected an object, got int",
        ),
        (
            {"education": [{"studyType": "PhD"}], "skills": [{"name": "Python", "keywords": "torch"}]},
            "skills[0].keywords: expected a list",
        ),
        (
            {"education": [{"studyType": "PhD"}], "skills": [{"name": "Python", "keywords": [["deep"]]}]},
            "skills[0].keywords[0]: expected text",
        ),
    ],
)
def test_json_resume_fields_of_the_wrong_type_are_left_out_with_a_warning(tmp_path: Path, resume: dict, warning: str) -> None:
    path = tmp_path / "resume.json"
    path.write_text(json.dumps({"education": [{"studyType": "PhD"}], **resume}))
    result = run("profile", "show", str(path), "-f", "json", *TODAY)
    assert result.exit_code == 0, result.output
    assert warning in result.output


def test_a_json_resume_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text('{"education": [{"studyType": "PhD"}], "skills": ' + "[" * 100_000 + "]" * 100_000 + "}")
    result = run("rank", str(path), *TODAY)
    assert result.exit_code == 1, result.output
    assert "nested too deeply" in result.output


def test_ingest_lists_asks_under_an_unknown_heading_for_review(tmp_path: Path) -> None:
    page = write(
        tmp_path / "p.md",
        """\
        # Research Intern at Acme

        ## Requirements
        - Currently pursuing a PhD in machine learning.

        ## Things we love
        - Experience with Rust and distributed systems.

        ## About us
        - We are a friendly team.
        """,
    )
    result = run("ingest", str(page))
    assert result.exit_code == 0, result.output
    assert "#   - line 7: Experience with Rust and distributed systems." in result.stdout
    # Since issue 20 every line not placed is listed with its line number and section, prose too.
    assert "#   - line 10: We are a friendly team.  [about]" in result.stdout


def test_plain_and_untidy_tsv_blocks_guard_the_same_cells() -> None:
    from matcher.output_formats import delimited_lines

    fields = ("a", "b", "c")
    rows = [("=1", "+ two", "x-y"), ("-3", "@4", "5"), ("ok", "", "=")]
    plain = "".join(delimited_lines(rows, fields, "\t")).splitlines()[1:]
    untidy = "".join(delimited_lines([*rows, ("a\tb", "c  d", "\x1b")], fields, "\t")).splitlines()[1:]
    assert plain == untidy[:3] == ["'=1\t'+ two\tx-y", "'-3\t'@4\t5", "ok\t\t'="]
    assert untidy[3] == "a b\tc d\t\\x1b"
