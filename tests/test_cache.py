"""The posting cache: reused when nothing changed, partly rebuilt when something did, never trusted
when it is corrupt or stale, bypassed with --no-cache, and safe under concurrent runs."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cache import CACHE_FORMAT, MAX_RUNS, PARALLEL_MIN_FILES, PostingCache, parse_files
from matcher.cli import app
from matcher.folders import bundled_postings_dir, load_postings, posting_files
from matcher.models import Posting, Qualification
from matcher.posting_table import PostingSummary, QualificationTable, summaries

from .conftest import PROFILES, ROOT


def copy_postings(folder: Path, copies: int = 1) -> list[Path]:
    sources = posting_files(bundled_postings_dir())
    for n in range(copies):
        for path in sources:
            text = path.read_text().replace("id: ", f"id: c{n}-", 1)
            (folder / f"c{n}-{path.name}").write_text(text)
    return sorted(folder.glob("*.yaml"))


def load(folder: Path, cache: PostingCache):
    return load_postings(folder, read_folder=cache.load)


def test_a_warm_cache_parses_nothing_and_gives_the_same_postings(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    copy_postings(folder)
    cache = PostingCache(tmp_path / "cache")
    first = load(folder, cache)
    assert (cache.last.parsed, cache.last.written) == (5, True)
    second = load(folder, cache)
    assert (cache.last.reused, cache.last.parsed, cache.last.written) == (5, 0, False)
    assert second == first == load_postings(folder)


def test_editing_one_posting_reads_only_that_file(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    files = copy_postings(folder, copies=4)
    cache = PostingCache(tmp_path / "cache")
    load(folder, cache)
    files[3].write_text(files[3].read_text().replace("title: ", "title: Edited ", 1))
    edited = load(folder, cache)
    assert (cache.last.reused, cache.last.parsed) == (19, 1)
    assert any(p.title.startswith("Edited ") for p in edited.postings)


def test_a_deleted_or_broken_file_is_noticed(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    files = copy_postings(folder)
    cache = PostingCache(tmp_path / "cache")
    load(folder, cache)
    files[0].unlink()
    files[1].write_text("title: [\n")
    result = load(folder, cache)
    assert len(result.postings) == 3
    assert [s.path for s in result.skipped] == [str(files[1])]
    assert "invalid YAML" in result.skipped[0].error


@pytest.mark.parametrize("damage", ["garbage", "truncated", "other-version", "other-folder", "runs-of-another-table"])
def test_a_corrupt_or_stale_cache_is_rebuilt_not_trusted(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    copy_postings(folder)
    cache = PostingCache(tmp_path / "cache")
    expected = load(folder, cache)
    cache_file = cache.file_for(folder)
    if damage == "garbage":
        cache_file.write_bytes(b"not a pickle at all")
    elif damage == "truncated":
        cache_file.write_bytes(cache_file.read_bytes()[:200])
    elif damage == "runs-of-another-table":  # they would have scoring read entries as the wrong kind
        data = pickle.loads(cache_file.read_bytes())
        data["runs"] = [("skills", 0, len(data["table"]))]
        cache_file.write_bytes(pickle.dumps(data))
    else:
        data = pickle.loads(cache_file.read_bytes())
        data["tool" if damage == "other-version" else "folder"] = "something else"
        cache_file.write_bytes(pickle.dumps(data))
    assert load(folder, cache) == expected
    assert (cache.last.parsed, cache.last.written) == (5, True)
    assert pickle.loads(cache_file.read_bytes())["format"] == CACHE_FORMAT


def test_no_cache_neither_reads_nor_writes_it(tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    env = {"INTERN_MATCH_CACHE_DIR": str(cache_dir), "INTERN_MATCH_POSTINGS": None}
    me = str(PROFILES / "me.yaml")
    assert CliRunner().invoke(app, ["rank", me, "--no-cache", "-f", "json"], env=env).exit_code == 0
    assert not cache_dir.exists()
    assert CliRunner().invoke(app, ["rank", me, "-f", "json"], env=env).exit_code == 0
    assert len(list(cache_dir.glob("postings-*.pickle"))) == 1


def test_parallel_parsing_gives_the_same_postings_as_one_process(tmp_path: Path) -> None:
    files = [str(f) for f in copy_postings(tmp_path, copies=PARALLEL_MIN_FILES // 5 + 1)]
    assert len(files) >= PARALLEL_MIN_FILES
    assert parse_files(files, jobs=2) == parse_files(files, jobs=1)


def test_concurrent_runs_leave_a_whole_cache(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    copy_postings(folder, copies=60)
    cache_dir = tmp_path / "cache"
    code = (
        "import sys; from pathlib import Path; from matcher.cache import PostingCache; "
        "from matcher.folders import load_postings; "
        f"r = load_postings({str(folder)!r}, read_folder=PostingCache(Path({str(cache_dir)!r})).load); "
        "print(len(r.postings))"
    )
    runs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=ROOT) for _ in range(4)]
    assert [r.communicate(timeout=120)[0].strip() for r in runs] == ["300"] * 4
    written = PostingCache(cache_dir)
    expected = [written.file_for(folder, "details").name, written.file_for(folder).name]
    assert sorted(p.name for p in cache_dir.iterdir()) == expected  # no temp files left
    cache = PostingCache(cache_dir)
    assert len(load(folder, cache).postings) == 300
    assert cache.last.parsed == 0  # the cache one of them wrote is whole and fresh
    assert os.access(cache.file_for(folder), os.R_OK)


def test_summaries_keep_all_but_quotes_and_notes_and_full_gives_those_back(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    copy_postings(folder)
    load(folder, PostingCache(tmp_path / "cache"))  # written
    cache = PostingCache(tmp_path / "cache")
    summaries = load_postings(folder, read_folder=cache.load_summaries).postings
    whole = load_postings(folder).postings
    assert cache.last.parsed == 0
    assert all(isinstance(s, PostingSummary) and not s.required and not s.preferred for s in summaries)

    def bare(p: Posting) -> Posting:
        return replace(
            p,
            required=tuple(Qualification(q.criterion, weight=q.weight) for q in p.required),
            preferred=tuple(Qualification(q.criterion, weight=q.weight) for q in p.preferred),
        )

    assert [s.whole() for s in summaries] == [bare(p) for p in whole]
    assert [cache.full(s) for s in summaries] == list(whole)


@pytest.mark.parametrize("damage", ["deleted", "garbage", "edited"])
def test_a_missing_or_stale_detail_is_parsed_again(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    files = copy_postings(folder)
    cache = PostingCache(tmp_path / "cache")
    summaries = load_postings(folder, read_folder=cache.load_summaries).postings
    details = cache.file_for(folder, "details")
    if damage == "edited":  # the file changed after it was ranked: explain what it says now
        files[0].write_text(files[0].read_text().replace("quote: ", "quote: Now ", 1))
    else:
        details.unlink() if damage == "deleted" else details.write_bytes(b"garbage")
        cache = PostingCache(tmp_path / "cache")
        summaries = load_postings(folder, read_folder=cache.load_summaries).postings
    assert [cache.full(s) for s in summaries] == list(load_postings(folder).postings)


def test_ranking_reads_summaries_and_explanations_whole_postings(tmp_path: Path) -> None:
    env = {"INTERN_MATCH_CACHE_DIR": str(tmp_path / "cache"), "INTERN_MATCH_POSTINGS": None}
    me = str(PROFILES / "me.yaml")
    runner = CliRunner()
    cold = runner.invoke(app, ["rank", me, "-f", "json"], env=env)
    warm = runner.invoke(app, ["rank", me, "-f", "json"], env=env)
    uncached = runner.invoke(app, ["rank", me, "-f", "json", "--no-cache"], env=env)
    assert cold.exit_code == warm.exit_code == uncached.exit_code == 0
    assert cold.stdout == warm.stdout == uncached.stdout
    assert '"quote": "Currently pursuing a PhD' in warm.stdout


def test_a_cache_that_cannot_be_written_only_costs_speed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    env = {"INTERN_MATCH_CACHE_DIR": str(blocker / "cache"), "INTERN_MATCH_POSTINGS": None}
    me = str(PROFILES / "me.yaml")
    runner = CliRunner()
    cached = runner.invoke(app, ["rank", me, "-f", "json"], env=env)
    uncached = runner.invoke(app, ["rank", me, "-f", "json", "--no-cache"], env=env)
    assert cached.exit_code == uncached.exit_code == 0
    assert cached.stdout == uncached.stdout
    assert not (blocker / "cache").exists()


def test_edits_add_to_the_table_until_half_is_unused_then_it_is_renumbered(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    folder.mkdir()
    sources = posting_files(bundled_postings_dir())
    cache = PostingCache(tmp_path / "cache")

    def write(weight: int | None, files: list[Path]) -> None:
        """The bundled postings, every qualification given this weight (a new table entry)."""
        for path in files:
            text = path.read_text()
            (folder / path.name).write_text(text.replace("    quote: ", f"    weight: {weight}\n    quote: ") if weight else text)

    def table_size() -> int:
        return len(pickle.loads(cache.file_for(folder).read_bytes())["table"])

    def as_summarised() -> list[Posting]:
        summarised = [s.whole() for s in load_postings(folder, read_folder=cache.load_summaries).postings]
        assert summarised == [
            replace(p, required=bare(p.required), preferred=bare(p.preferred)) for p in load_postings(folder).postings
        ]
        return summarised

    write(None, sources)
    as_summarised()
    size = table_size()
    write(2, sources[:1])
    as_summarised()
    assert size < table_size() < 2 * size  # the edited file's qualifications added, the rest kept
    write(3, sources)
    as_summarised()
    assert table_size() == size  # all of the old ones out of use: the table renumbered


def test_the_cached_table_keeps_each_kind_of_entry_together_as_scoring_reads_them(tmp_path: Path) -> None:
    folder = tmp_path / "postings"
    subprocess.run([sys.executable, str(ROOT / "bench" / "generate.py"), "120", str(folder)], check=True, capture_output=True)
    cache = PostingCache(tmp_path / "cache")
    as_parsed = load_postings(folder).postings
    assert len(summaries(as_parsed)[0].table.runs()) > MAX_RUNS  # as built: in the order the postings ask

    load(folder, cache)
    index = pickle.loads(cache.file_for(folder).read_bytes())
    table = QualificationTable(index["table"])
    kinds = set(table.kinds())
    assert [kind for kind, _, _ in table.runs()] == sorted(kinds, key=lambda k: k or "")  # one run per kind
    assert index["runs"] == table.runs()  # kept, so that a ranking need not find them again
    assert [s.whole() for s in load_postings(folder, read_folder=cache.load_summaries).postings] == [
        replace(p, required=bare(p.required), preferred=bare(p.preferred)) for p in as_parsed
    ]


def bare(qualifications: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
    return tuple(Qualification(q.criterion, weight=q.weight) for q in qualifications)


def test_equal_strings_dates_and_tuples_of_strings_are_kept_once_but_not_equal_numbers() -> None:
    from datetime import date

    from matcher.posting_table import Sharing

    share = Sharing()
    first = share(("NeurIPS", date(2027, 1, 15), ("PyTorch", "JAX"), (1,)))
    again = share(("".join(["Neur", "IPS"]), date(2027, 1, 15), ("PyTorch", "".join(["J", "AX"])), (1.0,)))
    assert again[0] is first[0] and again[1] is first[1] and again[2] is first[2]  # one object each: pickled once
    assert again[3] == (1.0,) and type(again[3][0]) is float  # equal to (1,), but not the same value
