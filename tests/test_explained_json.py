"""A ranking's JSON and JSONL written from the cache's table (matcher.explained_json) are, byte for
byte, what a full Match written by match_dict gives (`--no-cache` writes them so): on the bundled
postings with every example profile, on generated postings, with several profiles, and on the
postings it hands back to match_dict (availability, judged with each posting; text orjson refuses)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.explained_json import ResultWriter

from .conftest import PROFILES, ROOT

TODAY = ["--today", "2026-11-23"]
EXAMPLES = sorted(str(p) for p in PROFILES.iterdir() if p.suffix in (".yaml", ".json"))
POSTINGS = str(ROOT / "postings")


def rank(*args: str) -> bytes:
    result = CliRunner().invoke(app, ["rank", *args, *TODAY], env={"NO_COLOR": None})
    assert result.exit_code in (0, 3), result.output  # 3: some files skipped
    return result.stdout_bytes


def both_ways(*args: str) -> tuple[bytes, bytes]:
    """The output from the cache's table (the cache filled first), and as full Matches give it."""
    rank(*args)
    return rank(*args), rank(*args, "--no-cache")


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("generated")
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "300", str(folder)], check=True, capture_output=True)
    return str(folder)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("profile", EXAMPLES, ids=lambda p: Path(p).name)
def test_the_bundled_postings_are_written_as_full_matches_are(profile: str, fmt: str) -> None:
    from_table, from_matches = both_ways(profile, "-p", POSTINGS, "-f", fmt)
    assert from_table == from_matches


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_generated_postings_and_several_profiles_are_written_as_full_matches_are(generated: str, fmt: str) -> None:
    for profiles in ([str(PROFILES / "me.yaml")], EXAMPLES[:3]):
        from_table, from_matches = both_ways(*profiles, "-p", generated, "-f", fmt)
        assert from_table == from_matches
        assert len(from_table) > 100_000


def test_top_and_filters_cut_before_anything_is_explained(generated: str) -> None:
    args = (str(PROFILES / "me.yaml"), "-p", generated, "--top", "7", "--eligible-only")
    from_table, from_matches = both_ways(*args, "-f", "jsonl")
    assert from_table == from_matches and len(from_table.splitlines()) <= 7


POSTING = """\
id: {id}
title: Research Intern
organization: Lab
location: [Cambridge, UK]
start: 2027-06-01
duration_weeks: 12
topics: [machine learning]
required:
  - skills: {{any: [Python]}}
    quote: "{quote}"
    note: a note
  - any_of:
      - degree: {{stage: [phd], enrolled: true}}
      - all_of:
          - degree: {{stage: [masters]}}
          - research_experience: {{min_years: 1}}
    quote: PhD, or a Masters with research
preferred:
{preferred}
"""


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_postings_written_from_full_matches_among_the_others_are_written_the_same(tmp_path: Path, fmt: str) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    plain = "  - skills: {all: [PyTorch, CUDA]}\n    quote: GPUs"
    available = "  - availability: {start: 2027-06, weeks: 12}\n    quote: Summer"
    (folder / "a.yaml").write_text(POSTING.format(id="a", quote="Python", preferred=plain))
    (folder / "b.yaml").write_text(POSTING.format(id="b", quote="Python", preferred=available))
    (folder / "c.yaml").write_text("id: c\ntitle: Nothing asked\norganization: Lab\n")
    (folder / "e.yaml").write_text(POSTING.format(id="e", quote="Python, again", preferred="  []"))
    from_table, from_matches = both_ways(str(PROFILES / "me.yaml"), "-p", str(folder), "-f", fmt)
    assert from_table == from_matches and b'"note": "a note"' in from_table.replace(b'":"', b'": "')
    # A lone surrogate (a JSON profile's skill, quoted by a judgement), which orjson refuses: escaped, as before.
    profile = tmp_path / "p.json"
    profile.write_text('{"degree": {"stage": "phd"}, "skills": ["Python \\ud800", "PyTorch"]}')
    from_table, from_matches = both_ways(str(profile), "-p", str(folder), "-f", fmt)
    assert from_table == from_matches and b"\\ud800" in from_table


def test_postings_read_from_the_cache_are_written_from_its_table(generated: str, tmp_path: Path) -> None:
    from matcher.cache import PostingCache
    from matcher.explained_json import explained_results
    from matcher.folders import load_postings
    from matcher.json_output import Encoded
    from matcher.loading import load_profile
    from matcher.scoring import standings

    from .conftest import TODAY as DAY

    cache = PostingCache(tmp_path)
    postings = load_postings(generated, read_folder=cache.load_summaries).postings
    profile = load_profile(str(PROFILES / "me.yaml"))
    ranked = [(profile, standings(postings, profile, DAY))]
    results = list(explained_results(ranked, DAY, cache, compact=True))
    assert len(results) == len(postings) and all(isinstance(r, Encoded) for r in results)


def test_results_kept_for_a_profile_are_used_only_for_that_profile_on_that_day(generated: str, tmp_path: Path) -> None:
    profile = tmp_path / "p.yaml"
    first = (PROFILES / "me.yaml").read_text()
    profile.write_text(first)
    rank(str(profile), "-p", generated, "-f", "jsonl")  # the results written and kept
    profile.write_text(first.replace("PyTorch", "Haskell"))  # the same file, another profile
    from_table, from_matches = both_ways(str(profile), "-p", generated, "-f", "jsonl")
    assert from_table == from_matches
    later = ["rank", str(profile), "-p", generated, "-f", "jsonl", "--today", "2027-03-01"]
    from_table, from_matches = (CliRunner().invoke(app, args).stdout_bytes for args in (later, [*later, "--no-cache"]))
    assert from_table == from_matches


@pytest.fixture()
def own_folder(generated: str, tmp_path: Path) -> Path:
    """A copy of the generated postings that a test may edit."""
    folder = tmp_path / "postings"
    shutil.copytree(generated, folder)
    return folder


def kept_files(fmt: str) -> list[Path]:
    return sorted(Path(os.environ["INTERN_MATCH_CACHE_DIR"]).glob(f"{fmt}-results-*.pickle"))


def judging_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, a result that is not read back from the kept ones cannot be written."""

    def no_judging(*args: object, **kwargs: object) -> None:
        raise AssertionError("a result was judged and written again")

    monkeypatch.setattr(ResultWriter, "_written", no_judging)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_warm_run_reads_every_result_back_and_judges_nothing(
    own_folder: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = (str(PROFILES / "me.yaml"), "-p", str(own_folder), "-f", fmt)
    first = rank(*args)
    judging_fails(monkeypatch)
    assert rank(*args) == first  # every result read back, each with its own rank
    assert rank(*args, "--top", "5") == rank(*args, "--no-cache", "--top", "5")


def test_an_edited_posting_is_judged_again_and_the_others_are_read_back(own_folder: Path) -> None:
    args = (str(PROFILES / "me.yaml"), "-p", str(own_folder), "-f", "jsonl")
    rank(*args)
    edited = own_folder / "gen-000007.yaml"
    edited.write_text(edited.read_text().replace("title:", "title: Edited", 1))
    from_table, from_matches = both_ways(*args)
    assert from_table == from_matches and b"Edited" in from_table


def test_a_damaged_kept_file_is_made_again(own_folder: Path) -> None:
    args = (str(PROFILES / "me.yaml"), "-p", str(own_folder), "-f", "jsonl")
    first = rank(*args)
    for kept in kept_files("jsonl"):
        kept.write_bytes(kept.read_bytes()[: kept.stat().st_size // 2])
    assert rank(*args) == first == rank(*args, "--no-cache")


def test_a_run_that_stops_early_keeps_nothing_half_written(own_folder: Path) -> None:
    from matcher.cache import PostingCache
    from matcher.explained_json import explained_results
    from matcher.folders import load_postings
    from matcher.loading import load_profile
    from matcher.scoring import standings

    from .conftest import TODAY as DAY

    cache = PostingCache(own_folder.parent / "cache")
    postings = load_postings(str(own_folder), read_folder=cache.load_summaries).postings
    profile = load_profile(str(PROFILES / "me.yaml"))
    results = explained_results([(profile, standings(postings, profile, DAY))], DAY, cache, compact=True)
    next(results), next(results)
    results.close()  # the reader has gone (a closed pipe)
    assert list((own_folder.parent / "cache").glob("*results*")) == []
    list(explained_results([(profile, standings(postings, profile, DAY))], DAY, cache, compact=True))
    assert len(list((own_folder.parent / "cache").glob("jsonl-results-*.pickle"))) == 1


def test_a_template_is_let_go_after_the_last_result_that_uses_it(generated: str, tmp_path: Path) -> None:
    from matcher.cache import PostingCache
    from matcher.folders import load_postings
    from matcher.loading import load_profile
    from matcher.scoring import Scorer, standings

    from .conftest import TODAY as DAY

    cache = PostingCache(tmp_path)
    postings = load_postings(generated, read_folder=cache.load_summaries).postings
    profile = load_profile(str(PROFILES / "me.yaml"))
    shown = standings(postings, profile, DAY)
    writer = ResultWriter(Scorer(profile, DAY), cache, compact=True)
    writer.expect(shown)
    half = len(shown) // 2
    for rank, standing in enumerate(shown[:half], 1):
        writer.result(standing, rank, {}, DAY)
    ((_, entries),) = writer._tables.values()
    held = {n for n, t in enumerate(entries.templates) if t}
    still_asked = {n for s in shown[half:] for n in s.posting.required_numbers + s.posting.preferred_numbers}
    assert held and held <= still_asked  # only templates a later result asks for are held
    for rank, standing in enumerate(shown[half:], half + 1):
        writer.result(standing, rank, {}, DAY)
    assert not any(entries.templates)  # all let go once the last result is written


def test_output_interrupted_while_written_leaves_no_kept_file_half_written(own_folder: Path, monkeypatch) -> None:
    import io

    from matcher.cache import PostingCache
    from matcher.explained_json import ranking_json_bytes
    from matcher.folders import load_postings
    from matcher.loading import load_profile
    from matcher.scoring import standings
    from matcher.stdout import write_bytes

    from .conftest import TODAY as DAY

    class Interrupted(io.BytesIO):
        def writelines(self, chunks) -> None:  # type: ignore[override]
            for n, chunk in enumerate(chunks):
                if n == 50:
                    raise KeyboardInterrupt
                self.write(chunk)

    class Stdout(io.StringIO):
        buffer = Interrupted()

    monkeypatch.setattr(sys, "stdout", Stdout())
    cache_folder = own_folder.parent / "cache"
    cache = PostingCache(cache_folder)
    postings = load_postings(str(own_folder), read_folder=cache.load_summaries).postings
    profile = load_profile(str(PROFILES / "me.yaml"))
    ranked = [(profile, standings(postings, profile, DAY))]
    try:
        write_bytes(ranking_json_bytes(ranked, [], DAY, cache, jsonl=False))
    except KeyboardInterrupt:
        # Looked at while the interrupt is handled, its frames alive: as the launcher ends the
        # process then, without freeing anything.
        left = [p.name for p in cache_folder.iterdir() if "results" in p.name]
    else:
        pytest.fail("the interrupt was lost")
    assert left == []


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_first_run_written_by_two_processes_is_the_same_bytes_and_keeps_every_result(
    own_folder: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from matcher import two_writers

    if two_writers.available_cpus() < 2:
        pytest.skip("one CPU: a run is written by one process")
    split: list[int] = []
    write_in_two = two_writers.write_in_two

    def counted(writer, shown, today, another):  # type: ignore[no-untyped-def]
        split.append(len(shown))
        return write_in_two(writer, shown, today, another)

    monkeypatch.setattr(two_writers, "SPLIT_FROM", 10)
    monkeypatch.setattr("matcher.explained_json.write_in_two", counted)
    args = (str(PROFILES / "me.yaml"), "-p", str(own_folder), "-f", fmt)
    first = rank(*args)
    assert split == [300]  # the later half was written by a second process
    assert first == rank(*args, "--no-cache")
    judging_fails(monkeypatch)
    assert rank(*args) == first  # and every result, both halves', was kept and read back


def test_a_writer_of_the_later_results_judges_each_of_their_entries_once(generated: str, tmp_path: Path, monkeypatch) -> None:
    from matcher.cache import PostingCache
    from matcher.folders import load_postings
    from matcher.loading import load_profile
    from matcher.scoring import Scorer, standings

    from .conftest import TODAY as DAY

    cache = PostingCache(tmp_path)
    postings = load_postings(generated, read_folder=cache.load_summaries).postings
    profile = load_profile(str(PROFILES / "me.yaml"))
    shown = standings(postings, profile, DAY)
    made: list[int] = []
    template = ResultWriter._template

    def counted(self, entries, n, *entry):  # type: ignore[no-untyped-def]
        made.append(n)
        return template(self, entries, n, *entry)

    monkeypatch.setattr(ResultWriter, "_template", counted)
    half = len(shown) // 2
    writer = ResultWriter(Scorer(profile, DAY), cache, compact=True)
    writer.expect(shown[half:], first_rank=half + 1)  # as matcher.two_writers' worker writes its half
    for rank, standing in enumerate(shown[half:], half + 1):
        writer.result(standing, rank, {}, DAY)
    asked = {n for s in shown[half:] for n in s.posting.required_numbers + s.posting.preferred_numbers}
    assert sorted(made) == sorted(asked)  # none let go before its last use, and made again
