"""The intern-match command: typer wiring only. Each command reads its options, loads its inputs
(matcher.inputs), calls the core, and hands the result to a renderer (matcher.output_formats for
data, matcher.terminal for people). One error handler, in `command`, turns every InternMatchError
into one line on stderr and its exit status (matcher.errors names them; the README lists them).
"""

# No `from __future__ import annotations` here: typer reads every command's parameters on every
# run, and compiling them from annotation strings costs more than evaluating them once as the
# module loads (docs/performance.md). Names imported only for type checking are quoted instead.
import functools
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from matcher import __version__
from matcher import inputs as load
from matcher.cli_options import (
    AllOption,
    AllRolesOption,
    DigestProfileOption,
    DigestSinceOption,
    DryRunOption,
    EligibleOnlyOption,
    ExplainProfileArgument,
    FetchOutOption,
    FetchSourcesArgument,
    FormatOption,
    GapsTopOption,
    HtmlOption,
    IncludeClosedOption,
    JobsOption,
    LocationOption,
    MinScoreOption,
    NewOption,
    NoCacheOption,
    NoColorOption,
    OpenOnlyOption,
    PostingArgument,
    PostingsOption,
    ProfileArgument,
    RankProfilesArgument,
    ReportForceOption,
    SinceOption,
    SortOption,
    StrictOption,
    SvgOption,
    TableOrJsonOption,
    TodayOption,
    TopOption,
    VenueQueriesArgument,
)
from matcher.display_text import visible
from matcher.errors import EXIT_INPUT, EXIT_INTERRUPTED, EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, InternMatchError, UsageError  # noqa: F401 - the statuses, named here for scripts and tests
from matcher.explained_json import ranking_json_bytes
from matcher.inputs import DEFAULT_PROFILE
from matcher.lifetime import keep_until_exit
from matcher.stdout import emit, write, write_bytes
from matcher.text_tables import gaps_listing, rankings_listing, shortlist_listing

if TYPE_CHECKING:
    from matcher.models import Match, Profile


F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="intern-match",
    help="Which research internships you fit, and why: rank postings against your profile and explain every verdict.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
profile_app = typer.Typer(help="Look at a profile the way intern-match reads it.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


def command(group: typer.Typer = app, name: str | None = None) -> Callable[[F], F]:
    """Registers a command with the one error handler: an InternMatchError becomes
    "Error: ..." on stderr and the error's exit status."""

    def register(function: F) -> F:
        @functools.wraps(function)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except InternMatchError as error:
                typer.echo(f"Error: {visible(str(error))}", err=True)  # messages quote files: shown, never obeyed
                raise typer.Exit(code=error.exit_code) from None

        group.command(name)(run)
        return function

    return register


def _version(value: bool) -> None:
    if value:
        typer.echo(f"intern-match {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Which research internships you fit, and why."""


# ----------------------------------------------------------------------------- what commands share


def _terminal() -> Any:
    """matcher.terminal, imported only when something is shown to a person: commands whose output
    a script reads do not load rich (a third of a small command's start-up)."""
    from matcher import terminal

    return terminal


def _profile(path: str, when: date) -> "Profile":
    """One profile, with what its loader passed over (a broken BibTeX entry) said on stderr."""
    from matcher.loading import load_profile

    return _warned([load_profile(path, when)])[0]


def _profiles(paths: Iterable[str], when: date) -> "list[Profile]":
    """Every profile of files and folders named (`-` for standard input), warnings on stderr."""
    return _warned(load.load_profiles(paths, when))


def _warned(profiles: "list[Profile]") -> "list[Profile]":
    for warning in (w for p in profiles for w in p.warnings):
        _warn(warning)
    return profiles


def _warn(message: str) -> None:
    """A warning on stderr; it may quote a file, so it is shown, never obeyed."""
    typer.echo(f"warning: {visible(message)}", err=True)


def _postings(sources: list[str], **how: Any) -> Any:
    """load.load_posting_folders with a progress bar on a terminal, and the skipped files said on stderr."""
    from matcher.output_formats import skipped_notes

    if sys.stderr.isatty():
        with _terminal().progress_bar("parsing postings") as advance:
            loaded = load.load_posting_folders(sources, on_progress=advance, on_warning=_warn, **how)
    else:
        loaded = load.load_posting_folders(sources, on_warning=_warn, **how)
    for note in skipped_notes(loaded.skipped):
        typer.echo(note, err=True)
    return loaded


def _unless_closed(postings: Any, include_closed: bool) -> list[Any]:
    """The postings not marked closed (all of them with --include-closed); how many were hidden is said on stderr."""
    from matcher.selection import without_closed

    kept, closed = (list(postings), 0) if include_closed else without_closed(postings)
    if closed:
        typer.echo(f"hid {closed} closed posting(s), gone from their board (--include-closed shows them)", err=True)
    return kept


# ----------------------------------------------------------------------------- rank


@command()
def rank(
    profiles: RankProfilesArgument,
    postings: PostingsOption = None,
    top: TopOption = None,
    eligible_only: EligibleOnlyOption = False,
    open_only: OpenOnlyOption = False,
    include_closed: IncludeClosedOption = False,
    since: SinceOption = None,
    location: LocationOption = None,
    min_score: MinScoreOption = None,
    sort: SortOption = "score",
    strict: StrictOption = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    output_format: FormatOption = "table",
    show_all: AllOption = False,
    html: HtmlOption = None,
    svg: SvgOption = None,
    force: ReportForceOption = False,
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Rank postings for a profile: eligible first, then by score, with the reasons that mattered."""
    from matcher import output_formats as formats
    from matcher.batch import rank_profiles
    from matcher.scoring import explain_all
    from matcher.selection import SortOrder, first_seen_since, select

    fmt = load.output_format(output_format)
    order = load.choice("--sort", sort, SortOrder)
    when = load.today(today)
    load.finite_option("--min-score", min_score)
    new_since = load.since(since)
    sources = load.postings_sources(postings)
    if "-" in profiles and "-" in sources:
        raise UsageError("the profile and the postings cannot both come from standard input")
    candidates = _profiles(profiles, when)
    cache = None if no_cache else load.posting_cache(jobs, _warn)
    loaded = _postings(sources, strict=strict, use_cache=not no_cache, jobs=jobs, summaries=cache)
    ranked_postings = _unless_closed(loaded.postings, include_closed)
    if new_since is not None:
        ranked_postings, older = first_seen_since(ranked_postings, new_since)
        typer.echo(f"{len(ranked_postings)} new posting(s); {older} first seen earlier or not fetched, left out", err=True)

    standings = rank_profiles(ranked_postings, candidates, when, load.workers(jobs))
    pick = functools.partial(
        select, today=when, eligible_only=eligible_only, open_only=open_only, location=location, min_score=min_score, sort=order
    )
    ranked = [(c, pick(matches, top=top)) for c, matches in zip(candidates, standings, strict=True)]
    keep_until_exit(loaded, ranked, cache)

    def explained() -> "Iterator[tuple[Profile, Iterator[Match]]]":
        """The shown postings with every qualification's explanation (the HTML and SVG reports),
        made one at a time as they are consumed."""
        full = cache.full if cache else None
        return ((c, explain_all(shown, c, when, full)) for c, shown in ranked)

    if fmt in (formats.OutputFormat.JSON, formats.OutputFormat.JSONL):
        write_bytes(ranking_json_bytes(ranked, loaded.skipped, when, cache, jsonl=fmt is formats.OutputFormat.JSONL, jobs=jobs))
    elif fmt is formats.OutputFormat.TABLE and not any(m for _, m in ranked):
        typer.echo("No postings to show" + (" with these filters." if loaded.postings else "."), err=True)
    else:
        rows, fields = formats.ranking_rows(ranked, when)
        listing = rankings_listing(ranked, lambda shown: _terminal().rankings_table(shown, when), top, when)
        emit(fmt, rows, fields, listing, no_color, show_all)

    if html is not None or svg is not None:  # rich is loaded only when a report is asked for
        for path in _terminal().rankings_report(explained, ranked, html=html, svg=svg, force=force):
            typer.echo(f"wrote {path}", err=True)
    if loaded.skipped:
        raise typer.Exit(code=EXIT_SKIPPED)


# ----------------------------------------------------------------------------- explain, gaps, shortlist


@command()
def explain(
    posting: PostingArgument,
    profile: ExplainProfileArgument = None,
    postings: PostingsOption = None,
    include_closed: IncludeClosedOption = False,
    output_format: TableOrJsonOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Explain one posting: every qualification, its verdict, the evidence and the points it gave."""
    from matcher import output_formats as formats
    from matcher.scoring import score_posting

    fmt = load.output_format(output_format, ("table", "json"))
    when = load.today(today)
    candidate = _profile(load.profile_path(profile), when)
    match = score_posting(load.find_posting(posting, postings, on_warning=_warn, include_closed=include_closed), candidate, when)
    if fmt is formats.OutputFormat.JSON:
        write(formats.to_json(formats.explanation_document(match, candidate, when)))
    else:
        _terminal().console(no_color).print(_terminal().explanation(match, candidate))


@command()
def gaps(
    profile: ProfileArgument,
    postings: PostingsOption = None,
    top: GapsTopOption = None,
    include_closed: IncludeClosedOption = False,
    output_format: FormatOption = "table",
    show_all: AllOption = False,
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """What would open the most doors: unmet qualifications, ranked by what filling them would change.

    Ranked by the postings each would make eligible, then the score it would add; every figure
    is computed by re-scoring with the gap filled, so `rank` afterwards shows exactly that.
    """
    from matcher import output_formats as formats
    from matcher.gaps import find_gaps

    fmt = load.output_format(output_format)
    when = load.today(today)
    candidate = _profile(profile, when)
    loaded = _postings(load.postings_sources(postings), strict=False)
    found = find_gaps(_unless_closed(loaded.postings, include_closed), candidate, when)[:top]
    if fmt is formats.OutputFormat.JSON:
        write(formats.to_json(formats.gaps_document(candidate, found, when)))
    elif fmt is formats.OutputFormat.TABLE and not found:
        typer.echo("No gap would change an eligibility or a score.", err=True)
    else:
        rows = [
            formats.gaps_document(candidate, [g], when)["gaps"][0] | {"rank": i}
            if fmt is formats.OutputFormat.JSONL
            else formats.gap_row(g, i)
            for i, g in enumerate(found, 1)
        ]
        listing = gaps_listing(found, candidate, lambda shown: _terminal().gaps_table(shown, candidate), top)
        emit(fmt, rows, formats.GAP_FIELDS, listing, no_color, show_all)
    if loaded.skipped:
        raise typer.Exit(code=EXIT_SKIPPED)


@command()
def shortlist(
    posting: PostingArgument,
    profiles: Annotated[list[str], typer.Argument(help="Profile files, or folders of them (YAML and JSON Resume).")],
    postings: PostingsOption = None,
    include_closed: IncludeClosedOption = False,
    output_format: FormatOption = "table",
    show_all: AllOption = False,
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The mirror of rank, for a mentor: candidates ordered for one posting.

    Same eligibility rules, scores and explanations as `rank` gives each candidate.
    """
    from matcher import output_formats as formats
    from matcher.scoring import score_posting

    fmt = load.output_format(output_format)
    when = load.today(today)
    chosen = load.find_posting(posting, postings, on_warning=_warn, include_closed=include_closed)
    candidates = _profiles(profiles, when)
    scored = [(c, score_posting(chosen, c, when)) for c in candidates]
    scored.sort(key=lambda pm: (not pm[1].eligible, -pm[1].score, pm[0].path))
    if fmt is formats.OutputFormat.JSON:
        write(formats.to_json(formats.shortlist_document(chosen, scored, when)))
    else:
        rows = [
            formats.shortlist_dict(p, m, i, today=when)
            if fmt is formats.OutputFormat.JSONL
            else formats.shortlist_row(p, m, i, today=when)
            for i, (p, m) in enumerate(scored, 1)
        ]
        listing = shortlist_listing(chosen, scored, lambda shown: _terminal().shortlist_table(chosen, shown))
        emit(fmt, rows, formats.SHORTLIST_FIELDS, listing, no_color, show_all)


# ----------------------------------------------------------------------------- profile, venues


@command(profile_app, "show")
def profile_show(
    profile: ProfileArgument,
    output_format: TableOrJsonOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """How intern-match reads a profile: stage, enrolment, research years, each paper's venue, canonical skills."""
    from matcher import output_formats as formats
    from matcher.profile_reading import read_profile

    fmt = load.output_format(output_format, ("table", "json"))
    when = load.today(today)
    reading = read_profile(_profile(profile, when), when)
    if fmt is formats.OutputFormat.JSON:
        write(formats.to_json(formats.reading_dict(reading)))
    else:
        _terminal().console(no_color).print(_terminal().profile_reading(reading))


@command()
def venues(
    queries: VenueQueriesArgument = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Only venues of this area (ml, cv, nlp, arch, ...).")] = None,
    output_format: FormatOption = "table",
    no_color: NoColorOption = False,
) -> None:
    """Show how venue strings resolve (venue, areas, how it matched, similarity), or list the catalogue."""
    from matcher import output_formats as formats
    from matcher.knowledge.venues import catalogue

    fmt = load.output_format(output_format)
    known = catalogue()
    area = load.venue_area(area, known.area_labels)
    if texts := load.venue_queries(queries):
        rows = [formats.resolution_dict(known.resolve(q)) for q in texts]
        if area is not None:
            rows = [r for r in rows if area in r["areas"]]
        fields: tuple[str, ...] = formats.RESOLUTION_FIELDS
        table = lambda: _terminal().resolutions_table(rows)  # noqa: E731
    else:
        rows = [formats.venue_dict(v) for v in known.venues if area is None or area in v.areas]
        fields = formats.VENUE_FIELDS
        table = lambda: _terminal().venues_table(rows, known.area_labels)  # noqa: E731
    emit(fmt, rows, fields, table, no_color)


# ----------------------------------------------------------------------------- ingest, validate, init


@command()
def ingest(
    source: Annotated[str, typer.Argument(help="A posting as published: HTML, markdown or plain text; - for standard input.")],
    posting_id: Annotated[str | None, typer.Option("--id", help="The posting id (default: from organisation and title).")] = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Write DIR/<id>.yaml instead of printing the draft.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace DIR/<id>.yaml if it exists.")] = False,
) -> None:
    """Draft a posting file from a posting as published (HTML, markdown or text), to review.

    Every drafted qualification quotes its sentence; application steps and what could not be
    placed are listed at the end as comments.
    """
    draft, document = load.ingest_draft(source, posting_id)
    typer.echo(draft.summary, err=True)
    if out is None:
        write(document)
        return
    target = load.write_draft(out, draft, document, force=force)
    typer.echo(f"wrote {target}: review it, then `intern-match validate {target}`", err=True)


@command()
def fetch(
    sources: FetchSourcesArgument = None,
    out: FetchOutOption = Path("fetched"),
    all_roles: AllRolesOption = False,
    dry_run: DryRunOption = False,
    new: NewOption = False,
    since: DigestSinceOption = None,
    profile: DigestProfileOption = None,
    output_format: FormatOption = "table",
    no_color: NoColorOption = False,
) -> None:
    """Pull postings from job boards and pages into posting files (DIR/<id>.yaml), and keep them fresh.

    Changed postings are drafted again (as <id>.new.yaml beside a file a person edited); those gone
    from their board are marked `status: closed`."""
    from matcher.fetch.run import fetch as fetch_postings

    digest_for = load.digest_request(new, since, profile, dry_run)
    with _terminal().progress_bar("fetching sources", minimum=1) as advance:
        summary = fetch_postings(sources or [], out, all_roles=all_roles, dry_run=dry_run, on_progress=advance)
    _terminal().error_console(no_color).print(_terminal().fetch_summary(summary))
    status = summary.exit_status
    if digest_for is not None:  # the digest is rank's, over the folder, for what is new
        first_seen, heading = load.digest_since(summary, since)
        typer.echo(heading, err=True)
        try:
            rank([digest_for], postings=[str(out)], since=first_seen, output_format=output_format, no_color=no_color)
        except typer.Exit as ranked:
            status = status or int(ranked.exit_code)
    raise typer.Exit(code=status)


@command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="Posting and profile files, or folders of them.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Check posting and profile files and print every problem as file:line:col (exit 1 if any)."""
    from matcher import output_formats as formats
    from matcher.validation import check_files

    if output_format not in ("text", "json"):
        raise UsageError(f"--format: '{output_format}' is not one of text, json")
    checked = check_files(paths)
    if not checked:
        raise UsageError("no YAML or JSON files found in " + ", ".join(paths))
    problems = [p for c in checked for p in c.problems]
    if output_format == "json":
        write(formats.to_json(formats.validation_document(checked)))
    else:
        for problem in problems:
            typer.echo(str(problem))
    bad = sum(1 for c in checked if c.problems)
    typer.echo(f"checked {len(checked)} file(s): {bad} with problems, {len(problems)} problem(s)", err=True)
    if problems:
        raise typer.Exit(code=EXIT_INPUT)


@command()
def init(
    path: Annotated[str, typer.Argument(help="Where to write the starter profile.")] = DEFAULT_PROFILE,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a commented starter profile to fill in (never over an existing file without --force)."""
    from importlib import resources

    from matcher.files import write_atomically

    text = resources.files("matcher").joinpath("starter_profile.yaml").read_text(encoding="utf-8")
    write_atomically(path, text, force=force)
    typer.echo(f"wrote {path}: fill it in, then run `intern-match rank {path}`", err=True)
