"""Bad input, tried on purpose: every file in tests/data/bad gets its expected message, never a
traceback, and nothing in it is executed."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from matcher.errors import InputError
from matcher.folders import load_postings
from matcher.loading import load_posting

from .conftest import ROOT

BAD = ROOT / "tests" / "data" / "bad"

EXPECTED: dict[str, str | re.Pattern[str]] = {
    "invalid-yaml.yaml": "invalid-yaml.yaml:5:1: invalid YAML: did not find expected ',' or '}'",
    "tabs.yaml": "tabs.yaml:4:1: found character that cannot start any token (a tab: YAML indents with spaces, not tabs)",
    "wrong-type.yaml": "wrong-type.yaml:3:17: posting.duration_weeks: expected a whole number, got text ('twelve')",
    "unknown-key.yaml": "unknown-key.yaml:3:1: posting: unknown key 'salary' (expected one of: id, title,",
    "misspelt-key.yaml": "misspelt-key.yaml:2:1: posting: unknown key 'organisation'; did you mean 'organization'?",
    "misspelt-kind.yaml": "misspelt-kind.yaml:4:5: required: unknown key 'degre'; did you mean 'degree'?",
    "empty.yaml": "empty.yaml: is empty; expected a YAML mapping",
    "whitespace.yaml": "whitespace.yaml: is empty; expected a YAML mapping",
    "list-not-mapping.yaml": "list-not-mapping.yaml:1:1: posting: expected a mapping (key: value lines), got a list",
    "impossible-date.yaml": (
        "impossible-date.yaml:3:11: posting.deadline: '2021-02-30' is not a date; expected YYYY-MM-DD, YYYY-MM"
    ),
    "negative-years.yaml": "negative-years.yaml:4:38: required.research_experience.min_years: must be 0 or more, got -1",
    "not-utf8.yaml": "not-utf8.yaml:2:18: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    "binary.yaml": "binary.yaml: a binary file; expected YAML text",
    # Python's recursion limit or libyaml's own nesting limit (PyYAML >= 6.0.4), whichever is met first
    "deep-nesting.yaml": re.compile(r"deep-nesting\.yaml(:\d+:\d+)?: nested too deeply to be a profile or posting"),
    "billion-laughs.yaml": "billion-laughs.yaml:9:5: posting.topics: each item must be text, got a list",
    "python-tag.yaml": "python-tag.yaml:1:8: tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
}
"""Each bad file and the message it must give. duplicate-id-*.yaml are loaded as a folder below."""


def test_every_file_in_the_corpus_has_an_expectation() -> None:
    on_disk = {p.name for p in BAD.iterdir()} - {"duplicate-id-1.yaml", "duplicate-id-2.yaml"}
    assert on_disk == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_file_gives_its_message(name: str) -> None:
    with pytest.raises(InputError) as caught:
        load_posting(str(BAD / name))
    message, expected = str(caught.value).replace(str(BAD) + "/", ""), EXPECTED[name]
    if isinstance(expected, re.Pattern):
        assert expected.search(message), message
    else:
        assert expected in message


def test_a_python_tag_is_refused_not_executed(tmp_path: Path) -> None:
    marker = Path("/tmp/intern-match-pwned")
    marker.unlink(missing_ok=True)
    with pytest.raises(InputError):
        load_posting(str(BAD / "python-tag.yaml"))
    assert not marker.exists()


def test_duplicate_ids_across_files_skip_the_second() -> None:
    loaded = load_postings(BAD)
    assert [p.title for p in loaded.postings] == ["A"]
    assert any("duplicate posting id 'twin'" in s.error for s in loaded.skipped)
    assert len(loaded.skipped) == len(EXPECTED) + 1


def test_a_50_mb_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with open(big, "w") as out:
        out.write("title: T\norganization: O\ntopics:\n")
        out.write("  - a topic written many times over\n" * 1_500_000)
    assert big.stat().st_size > 50 * 2**20
    with pytest.raises(InputError, match="larger than 10 MB; not a profile or posting"):
        load_posting(str(big))


def test_the_corpus_through_validate_and_rank_gives_no_traceback() -> None:
    exe = [sys.executable, "-m", "matcher"]
    validate = subprocess.run([*exe, "validate", str(BAD)], capture_output=True, text=True, timeout=120)
    assert validate.returncode == 1
    assert "Traceback" not in validate.stderr + validate.stdout
    assert len(validate.stdout.splitlines()) >= len(EXPECTED)
    rank = subprocess.run(
        [*exe, "rank", str(ROOT / "profiles" / "me.yaml"), "-p", str(BAD), "-f", "json"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert rank.returncode == 3 and "Traceback" not in rank.stderr
