"""Tables of every length: a terminal shows the first screenful and says how to see the rest; a
pipe, or --all, gets every row as fixed-width text that reads as the terminal's table does.
And what is not shown is not explained."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from matcher import explained_json
from matcher.cli import app
from matcher.models import Standing
from matcher.text_tables import SCREENFUL, Column, table_lines

from .conftest import PROFILES, ROOT

ME = str(PROFILES / "me.yaml")
DAY = ["--today", "2026-11-23"]
POSTINGS = ROOT / "postings"
COPIES = 6  # of each bundled posting: 30 postings, more than a screenful
TERMINAL = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1", "COLUMNS": "300"}
PIPE = {"TTY_COMPATIBLE": None, "FORCE_COLOR": None, "NO_COLOR": None}


def run(*args: str, env: dict[str, str | None] | None = None) -> str:
    result = CliRunner().invoke(app, [*args, *DAY], env={"INTERN_MATCH_POSTINGS": None, **(env or PIPE)})
    assert result.exit_code == 0, result.output
    return result.stdout


def rows_of(table: str) -> list[int]:
    return [int(m.group(1)) for m in re.finditer(r"^ +(\d+)   ", table, re.MULTILINE)]


def stripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines())


@pytest.fixture(scope="module")
def many_postings(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("postings")
    for path in sorted(POSTINGS.glob("*.yaml")):
        for copy in range(COPIES):
            text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: {path.stem}-{copy}")
            (folder / f"{path.stem}-{copy}.yaml").write_text(text, encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(
    "profile", sorted(str(p) for p in PROFILES.iterdir() if p.suffix in (".yaml", ".json")) + [str(PROFILES)], ids=Path
)
def test_a_piped_table_reads_as_the_terminal_draws_it(profile: str) -> None:
    piped = run("rank", profile, "-p", str(POSTINGS))
    drawn = run("rank", profile, "-p", str(POSTINGS), env=TERMINAL)
    assert stripped(piped) == stripped(drawn)
    assert "\x1b[" not in piped and not any(line.endswith(" ") for line in piped.splitlines())


def test_a_terminal_shows_the_first_screenful_and_says_how_to_see_the_rest(many_postings: str) -> None:
    shown = run("rank", ME, "-p", many_postings, env=TERMINAL)
    assert rows_of(shown) == list(range(1, SCREENFUL + 1))
    assert f"showing {SCREENFUL} of {5 * COPIES} — --top N or --all" in shown


def test_top_n_on_a_terminal_shows_n_rows_and_no_footer(many_postings: str) -> None:
    shown = run("rank", ME, "-p", many_postings, "--top", "28", env=TERMINAL)
    assert rows_of(shown) == list(range(1, 29))
    assert "showing" not in shown


def test_all_and_a_pipe_give_every_row_as_text(many_postings: str) -> None:
    every = list(range(1, 5 * COPIES + 1))
    assert rows_of(run("rank", ME, "-p", many_postings)) == every
    on_terminal = run("rank", ME, "-p", many_postings, "--all", env=TERMINAL)
    assert rows_of(on_terminal) == every and "showing" not in on_terminal


def test_all_on_a_terminal_is_in_colour_unless_told_not_to(many_postings: str) -> None:
    coloured = run("rank", ME, "-p", many_postings, "--all", env={"TTY_COMPATIBLE": "1", "NO_COLOR": None})
    assert "\x1b[32myes\x1b[0m" in coloured and "\x1b[1mmsr-" in coloured
    assert "\x1b[" not in run(
        "rank", ME, "-p", many_postings, "--all", "--no-color", env={"TTY_COMPATIBLE": "1", "NO_COLOR": None}
    )


def test_a_text_table_sets_numbers_right_stacks_lines_and_pads_no_line_end() -> None:
    columns = (Column("#", right=True), Column("what"), Column("score", right=True))
    rows = [["1", [("first", "bold"), ("second line", "dim")], "0.50"], ["10", "x\ny", "1.00"]]
    assert (
        "".join(table_lines("Title", columns, rows, colour=False))
        == (
            "Title\n\n"
            "   #   what          score\n"
            " " + "─" * 26 + "\n"  # under the header and the spaces either side of it
            "   1   first          0.50\n"
            "       second line\n"
            "\n"
            "  10   x              1.00\n"
            "       y\n"
            "\n"
        )
    )


@pytest.mark.parametrize(
    ("filters", "explained"), [(("--top", "2"), 2), (("--eligible-only",), 3 * COPIES), (("--min-score", "0.99"), 0)]
)
def test_only_the_postings_shown_are_explained(
    many_postings: str, monkeypatch: pytest.MonkeyPatch, filters: tuple[str, ...], explained: int
) -> None:
    calls = []
    result = explained_json.ResultWriter.result

    def spied(self: explained_json.ResultWriter, standing: Standing, *args: Any) -> Any:
        calls.append(standing.posting.id)
        return result(self, standing, *args)

    monkeypatch.setattr(explained_json.ResultWriter, "result", spied)
    for fmt in ("json", "jsonl"):
        calls.clear()
        results = run("rank", ME, "-p", many_postings, "-f", fmt, *filters)
        assert len(calls) == explained, fmt
        assert len(re.findall(r'"rank": ?\d', results)) == explained
