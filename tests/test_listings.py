"""Listings of every length (rank's and shortlist's tables, the gaps list): a terminal shows the
first screenful and says how to see the rest; a pipe, or --all, gets every row as fixed-width
text that reads as the terminal's listing does. And what is not shown is not explained."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
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


def gaps_of(listing: str) -> list[int]:
    return [int(m.group(1)) for m in re.finditer(r"^(\d+)\. ", listing, re.MULTILINE)]


def stripped(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.splitlines())


def reads_as_drawn(*args: str, same: Callable[[str], str] = stripped) -> str:
    """The listing piped, having checked it is plain text that reads as a terminal draws it."""
    piped, drawn = run(*args), run(*args, env=TERMINAL)
    assert same(piped) == same(drawn)
    assert "\x1b[" not in piped and not any(line.endswith(" ") for line in piped.splitlines())
    return piped


def from_header(table: str) -> str:
    """A table from its header on (rich wraps a title longer than the table; text does not)."""
    lines = stripped(table).splitlines()
    return "\n".join(lines[next(i for i, line in enumerate(lines) if line.lstrip().startswith("#   ")) :])


@pytest.fixture(scope="module")
def many_postings(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("postings")
    for path in sorted(POSTINGS.glob("*.yaml")):
        for copy in range(COPIES):
            text = path.read_text(encoding="utf-8").replace(f"id: {path.stem}", f"id: {path.stem}-{copy}")
            (folder / f"{path.stem}-{copy}.yaml").write_text(text, encoding="utf-8")
    return str(folder)


CONSONANTS = "bdfgklmnprstvz"


def made_up_skill(n: int) -> str:
    """A skill no profile has and no catalogue knows, different for each n below 196."""
    c = CONSONANTS
    return f"{c[n % 14]}a{c[n // 14]}o{c[n * 3 % 14]}i{c[n * 5 % 14]}u".capitalize()


def write_posting(folder: Path, posting_id: str, skill: str) -> None:
    (folder / f"{posting_id}.yaml").write_text(
        f"id: {posting_id}\ntitle: Intern\norganization: Org\nlocation: [London, UK]\n"
        f'preferred:\n  - skills: {{any: ["{skill}"]}}\n    quote: "experience with {skill}"\n',
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def many_gaps(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Postings each asking a skill of its own: a gap each, more than a screenful."""
    folder = tmp_path_factory.mktemp("gaps")
    for n in range(SCREENFUL + 5):
        write_posting(folder, f"asks-{n:02}", made_up_skill(n))
    return str(folder)


@pytest.fixture(scope="module")
def many_candidates(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("candidates")
    for n in range(SCREENFUL + 3):
        shutil.copy(ME, folder / f"candidate-{n:02}.yaml")
    return str(folder)


SHORTLIST = ("shortlist", "msr-cambridge-project-tokyo-ml-uq")


@pytest.mark.parametrize(
    "profile", sorted(str(p) for p in PROFILES.iterdir() if p.suffix in (".yaml", ".json")) + [str(PROFILES)], ids=Path
)
def test_a_piped_table_reads_as_the_terminal_draws_it(profile: str) -> None:
    reads_as_drawn("rank", profile, "-p", str(POSTINGS))


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


# ----------------------------------------------------------------------------- shortlist


def test_a_piped_shortlist_reads_as_the_terminal_draws_it() -> None:
    piped = reads_as_drawn("shortlist", "msr-ai-hardware-architecture-intern", str(PROFILES), same=from_header)
    title = "Candidates for Research Intern, AI Hardware and Computer Architecture (msr-ai-hardware-architecture-intern)"
    assert piped.startswith(title + "\n")  # whole: a pipe has no width (rich wraps it to the table's)


def test_a_shortlist_on_a_terminal_shows_the_first_screenful_and_says_how_to_see_the_rest(many_candidates: str) -> None:
    shown = run(*SHORTLIST, many_candidates, env=TERMINAL)
    assert rows_of(shown) == list(range(1, SCREENFUL + 1))
    assert f"showing {SCREENFUL} of {SCREENFUL + 3} — --all" in shown


def test_a_piped_shortlist_or_all_lists_every_candidate(many_candidates: str) -> None:
    every = list(range(1, SCREENFUL + 4))
    assert rows_of(run(*SHORTLIST, many_candidates)) == every
    on_terminal = run(*SHORTLIST, many_candidates, "--all", env=TERMINAL)
    assert rows_of(on_terminal) == every and "showing" not in on_terminal


def test_a_shortlists_columns_line_up_under_their_headers(many_candidates: str) -> None:
    lines = run(*SHORTLIST, many_candidates).splitlines()
    header = next(line for line in lines if line.lstrip().startswith("#"))
    rows = [line for line in lines if re.match(r" +\d+   ", line)]
    assert len(rows) == SCREENFUL + 3
    for row in rows:
        assert row.index(row.split()[0]) + len(row.split()[0]) == header.index("#") + 1  # numbers set right
        assert row[header.index("candidate · why") :].startswith("Ada Example")
        assert row[header.index("eligible") :].split()[0] in ("yes", "no")
        assert len(row) == len(header)  # the score ends where its header does
        assert re.fullmatch(r"\d\.\d\d", row[-len("score") :].strip())


# ----------------------------------------------------------------------------- gaps


@pytest.mark.parametrize("profile", sorted(str(p) for p in PROFILES.iterdir() if p.suffix == ".yaml"), ids=Path)
def test_a_piped_gaps_list_reads_as_the_terminal_draws_it(profile: str) -> None:
    reads_as_drawn("gaps", profile, "-p", str(POSTINGS))


def test_gaps_on_a_terminal_show_the_first_screenful_and_say_how_to_see_the_rest(many_gaps: str) -> None:
    shown = run("gaps", ME, "-p", many_gaps, env=TERMINAL)
    assert gaps_of(shown) == list(range(1, SCREENFUL + 1))
    assert f"showing {SCREENFUL} of {SCREENFUL + 5} — --top N or --all" in shown


def test_gaps_top_n_on_a_terminal_shows_n_gaps_and_no_footer(many_gaps: str) -> None:
    shown = run("gaps", ME, "-p", many_gaps, "--top", "28", env=TERMINAL)
    assert gaps_of(shown) == list(range(1, 29)) and "showing" not in shown


def test_piped_gaps_or_all_list_every_gap(many_gaps: str) -> None:
    every = list(range(1, len(json.loads(run("gaps", ME, "-p", many_gaps, "-f", "json"))["gaps"]) + 1))
    assert len(every) == SCREENFUL + 5
    assert gaps_of(run("gaps", ME, "-p", many_gaps)) == every
    on_terminal = run("gaps", ME, "-p", many_gaps, "--all", env=TERMINAL)
    assert gaps_of(on_terminal) == every and "showing" not in on_terminal


def test_a_piped_gap_sets_what_it_opens_under_its_heading(many_gaps: str) -> None:
    first = json.loads(run("gaps", ME, "-p", many_gaps, "-f", "json"))["gaps"][0]
    assert first["score_gain"] and not first["newly_eligible"]
    assert run("gaps", ME, "-p", many_gaps, "--top", "1").splitlines() == [
        "What would open the most doors for Ada Example",
        "",
        f"1. {first['item']}  skills · quick · asked by {len(first['asked_by'])} posting(s)",
        *[f"   score +{gain:.3f}: {posting}" for posting, gain in first["score_gain"].items()],
        *[f"   “{quote}”" for quote in first["quotes"][:2]],
    ]


def test_gaps_in_colour_on_a_terminal_with_all_unless_told_not_to(many_gaps: str) -> None:
    colour = {"TTY_COMPATIBLE": "1", "NO_COLOR": None}
    coloured = run("gaps", ME, "-p", many_gaps, "--all", env=colour)
    assert "\x1b[1m1. \x1b[0m" in coloured and "\x1b[2;3m“experience with" in coloured
    assert "\x1b[" not in run("gaps", ME, "-p", many_gaps, "--all", "--no-color", env=colour)


def test_a_long_posting_id_is_never_split_piped_or_with_all(tmp_path: Path) -> None:
    long_id = "a-posting-whose-id-is-much-longer-than-any-column-would-be-" + "x" * 60
    write_posting(tmp_path, long_id, made_up_skill(1))
    for env in (None, TERMINAL):
        listed = run("gaps", ME, "-p", str(tmp_path), "--all", env={"COLUMNS": "60", **(env or PIPE)})
        assert f"   score +1.000: {long_id}\n" in listed


def test_untrusted_text_in_a_listing_is_shown_never_obeyed(tmp_path: Path) -> None:
    write_posting(tmp_path, "evil", "Evil\\e[31mRED\\u202e")
    (tmp_path / "profiles").mkdir()
    profile = tmp_path / "profiles" / "evil-name.yaml"
    profile.write_text(Path(ME).read_text(encoding="utf-8").replace("name: Ada Example", 'name: "Ada\\e]52;c;eA==\\a"'))
    colour = {"TTY_COMPATIBLE": "1", "NO_COLOR": None}
    for env in (PIPE, colour):
        gaps = run("gaps", str(profile), "-p", str(tmp_path), "--all", env=env)
        listed = run("shortlist", "evil", str(profile), "-p", str(tmp_path), "--all", env=env)
        assert "Evil\\x1b[31mRED\\u202e" in gaps and "Ada\\x1b]52;c;eA==\\x07" in gaps + listed
        for text in (gaps, listed):
            assert "\x1b[31mRED" not in text and "\u202e" not in text and "\x1b]" not in text and "\x07" not in text


def test_all_changes_only_the_table(many_gaps: str, many_candidates: str) -> None:
    for command in (("gaps", ME, "-p", many_gaps), (*SHORTLIST, many_candidates)):
        for fmt in ("json", "jsonl", "csv", "tsv"):
            assert run(*command, "-f", fmt, "--all") == run(*command, "-f", fmt)
