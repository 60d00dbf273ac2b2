"""JSON and JSON lines as the standard library's encoder wrote them before orjson took over:
the same text for every command on the bundled postings and example profiles, the same values
line by line in JSONL, UTF-8 characters as they are."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.output_formats import json_chunks, jsonl_lines, to_json

from .conftest import PROFILES, ROOT

TODAY = ["--today", "2026-11-23"]
EXAMPLES = sorted(str(p) for p in PROFILES.iterdir() if p.suffix in (".yaml", ".json"))
POSTINGS = str(ROOT / "postings")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, *TODAY], env={"NO_COLOR": None, "INTERN_MATCH_POSTINGS": POSTINGS})
    assert result.exit_code == 0, result.output
    return result.stdout


def as_the_old_encoder_wrote_it(text: str) -> str:
    return json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("profile", [*EXAMPLES, str(PROFILES)], ids=lambda p: Path(p).name)
def test_rank_json_is_byte_for_byte_what_json_dumps_wrote(profile: str) -> None:
    out = run("rank", profile, "-f", "json")
    assert out == as_the_old_encoder_wrote_it(out)


@pytest.mark.parametrize(
    "args",
    [
        ("explain", "msr-cambridge-project-tokyo-ml-uq", str(PROFILES / "me.yaml")),
        ("gaps", str(PROFILES / "me.yaml")),
        ("shortlist", "msr-ai-hardware-architecture-intern", str(PROFILES)),
        ("profile", "show", str(PROFILES / "jules-bibtex.yaml")),
    ],
    ids=lambda a: a[0],
)
def test_every_other_json_document_is_byte_for_byte_what_json_dumps_wrote(args: tuple[str, ...]) -> None:
    out = run(*args, "-f", "json")
    assert out == as_the_old_encoder_wrote_it(out)


@pytest.mark.parametrize("profile", [*EXAMPLES, str(PROFILES)], ids=lambda p: Path(p).name)
def test_rank_jsonl_holds_the_json_results_value_for_value_one_a_line(profile: str) -> None:
    results = json.loads(run("rank", profile, "-f", "json"))["results"]
    lines = run("rank", profile, "-f", "jsonl").splitlines()
    assert [json.loads(line) for line in lines] == results


def test_non_ascii_text_is_written_as_utf8_characters_not_escapes() -> None:
    document = {"title": "Praktikum für Maschinelles Lernen · Zürich", "items": iter([{"city": "Montréal"}])}
    text = to_json(document)
    assert "für" in text and "Montréal" in text and "\\u" not in text
    assert b"".join(jsonl_lines([{"city": "Montréal"}])) == '{"city":"Montréal"}\n'.encode()


def test_an_iterator_in_a_document_is_written_as_the_list_it_yields() -> None:
    nested = {"a": 1, "results": [{"x": [1, 2], "y": {"z": None}}, {"x": [], "y": {}}], "skipped": []}
    streamed = {**nested, "results": iter(nested["results"])}
    expected = json.dumps(nested, ensure_ascii=False, indent=2) + "\n"
    assert b"".join(json_chunks(streamed)).decode() == expected
    assert to_json({"results": iter([])}) == '{\n  "results": []\n}\n'
    assert to_json([]) == "[]\n" and to_json({}) == "{}\n"


@pytest.mark.parametrize("value", [0.1 + 0.2, 1 / 3, 0.0001, 1e-05, 2.5e-7, 123456.789, 1e16, -0.0])
def test_floats_read_back_as_the_same_number(value: float) -> None:
    # Floats below 1e-4 are written 1e-5 where json.dumps wrote 1e-05: the same number.
    assert json.loads(to_json({"score": value}))["score"] == value
