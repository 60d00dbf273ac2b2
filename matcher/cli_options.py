"""The options and arguments of the commands: those several commands share, defined once so that
every command spells and documents them the same way, and the longer ones of a single command,
so that cli.py stays wiring."""

# Evaluated annotations, as in cli.py: typer reads these on every run.
from pathlib import Path
from typing import Annotated

import typer

from matcher import inputs as load
from matcher.inputs import DEFAULT_PROFILE, POSTINGS_ENV, PROFILE_ENV

PostingsOption = Annotated[
    list[str] | None,
    typer.Option(
        "--postings",
        "-p",
        show_default=f"${POSTINGS_ENV}, else the bundled postings",
        help="Folder of posting YAML files, one posting file, or - for standard input; give it again to use several "
        "folders (an id already read from an earlier one is skipped and reported).",
    ),
]
"""Repeatable. Read without typer's envvar, which would split a folder's name at its spaces: see
inputs.postings_sources."""
IncludeClosedOption = Annotated[
    bool, typer.Option("--include-closed", help="Also use postings marked `status: closed` (fetch: gone from their board).")
]
TodayOption = Annotated[
    str | None,
    typer.Option("--today", metavar="YYYY-MM-DD", help="Take this as today's date (for ongoing research roles)."),
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colour, even on a terminal (NO_COLOR works too).")]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help="Read every posting file again; neither use nor update the cache.")
]
JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help=(
            "Processes for parsing many changed posting files, ranking several profiles and writing a first "
            "JSON run (default: one per core)."
        ),
    ),
]
TableOrJsonOption = Annotated[str, typer.Option("--format", "-f", help="table or json.", case_sensitive=False)]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl, csv or tsv.", case_sensitive=False)]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Every row, also on a terminal (which shows the first screenful otherwise, and says how many rows there are).",
    ),
]
ProfileArgument = Annotated[str, typer.Argument(help="Profile YAML, JSON Resume (.json), or - for standard input.")]
ExplainProfileArgument = Annotated[
    str | None,
    typer.Argument(help=f"Profile YAML file (default: ${PROFILE_ENV}, then ./{DEFAULT_PROFILE}).", show_default=False),
]
RankProfilesArgument = Annotated[
    list[str],
    typer.Argument(
        help="Profile YAML or JSON Resume (.json), - for standard input; several files or a "
        "folder rank each profile against the same postings.",
        metavar="PROFILE...",
    ),
]
VenueQueriesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="Venue strings to resolve, as written on a CV; - reads one a line from standard input.", show_default=False
    ),
]


def complete_posting_id(incomplete: str) -> list[str]:
    """Shell completion for a posting argument: the ids in $INTERN_MATCH_POSTINGS or the bundled postings."""
    return load.posting_ids(incomplete)


PostingArgument = Annotated[
    str, typer.Argument(help="A posting id from the postings folder, or a posting file.", autocompletion=complete_posting_id)
]


# --- rank's filters and reports
TopOption = Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the first N postings.")]
GapsTopOption = Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the first N gaps.")]
EligibleOnlyOption = Annotated[bool, typer.Option("--eligible-only", help="Leave out postings you are not eligible for.")]
OpenOnlyOption = Annotated[bool, typer.Option("--open", help="Only postings whose deadline has not passed (see --today).")]
LocationOption = Annotated[
    str | None,
    typer.Option(
        "--location", "-l", help="Only postings at this place (city, region or country), in a region containing it, or remote."
    ),
]
MinScoreOption = Annotated[float | None, typer.Option("--min-score", min=0, max=1, help="Only postings scoring at least this.")]
SortOption = Annotated[str, typer.Option("--sort", help="score (eligible first, then score) or deadline (soonest first).")]
StrictOption = Annotated[bool, typer.Option("--strict", help="Stop at an invalid posting (exit 1) instead of skipping it.")]
HtmlOption = Annotated[Path | None, typer.Option("--html", help="Also write the table and every explanation to this HTML page.")]
SvgOption = Annotated[Path | None, typer.Option("--svg", help="Also write them to this SVG image.")]
SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="A digest: only postings fetch first wrote on or after this day (YYYY-MM-DD, UTC; or an ISO 8601 "
        "moment). Postings written by hand are never new.",
        show_default=False,
    ),
]
ReportForceOption = Annotated[bool, typer.Option("--force", help="Replace an existing --html/--svg file.")]


# --- fetch
FetchSourcesArgument = Annotated[
    list[str] | None,
    typer.Argument(
        help="greenhouse:TOKEN, lever:SITE, lever-eu:SITE, ashby:NAME, smartrecruiters:COMPANY, an https:// posting page, "
        "or a saved .html/.txt/.md file. None: refresh every source DIR/sources.yaml remembers.",
        metavar="[SOURCE]...",
        show_default=False,
    ),
]
FetchOutOption = Annotated[Path, typer.Option("--out", "-o", help="The folder of posting files to write and keep fresh.")]
AllRolesOption = Annotated[bool, typer.Option("--all-roles", help="Keep every role, not only internships.")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Fetch and report, but write nothing.")]
NewOption = Annotated[
    bool,
    typer.Option(
        "--new",
        help="Then rank, for --profile, the postings first seen since the previous fetch of DIR (a digest; see --since).",
    ),
]
DigestSinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        metavar="DATE",
        help="With --new: the postings first seen on or after this day (YYYY-MM-DD, UTC) instead.",
        show_default=False,
    ),
]
DigestProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help=f"With --new: the profile to rank for (default: ${load.PROFILE_ENV}, then ./{load.DEFAULT_PROFILE}).",
        show_default=False,
    ),
]
