"""The intern-match command: parse arguments, load, score, formats. Nothing else lives here.

Exit statuses (documented in the README):
  0 success · 1 a file is missing or invalid, or a write refused · 2 usage error (unknown posting
  id, no profile) · 3 success, but some postings were skipped as invalid · 70 internal error
  (a bug) · 130 interrupted (Ctrl-C)
"""

# No `from __future__ import annotations` here: typer reads every command's parameters on every
# run, and compiling them from annotation strings cost three times as much (~6 ms a run). Names
# imported only for type checking are quoted instead.
import enum
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from matcher import __version__
from matcher.errors import InputError, InternMatchError, UsageError
from matcher.lifetime import keep_until_exit

if TYPE_CHECKING:
    from types import ModuleType

    from rich.console import Console

    from matcher.cache import PostingCache
    from matcher.loading import PostingSet
    from matcher.models import Match, Posting, Profile
    from matcher.output_formats import OutputFormat

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
EXIT_INTERRUPTED = 130

PROFILE_ENV = "INTERN_MATCH_PROFILE"
POSTINGS_ENV = "INTERN_MATCH_POSTINGS"
DEFAULT_PROFILE = "me.yaml"

app = typer.Typer(
    name="intern-match",
    help="Which research internships you fit, and why: rank postings against your profile and explain every verdict.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)


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


# ----------------------------------------------------------------------------- shared options

PostingsOption = Annotated[
    str | None,
    typer.Option(
        "--postings",
        "-p",
        envvar=POSTINGS_ENV,
        show_default="the bundled postings",
        help="Folder of posting YAML files, one posting file, or - for standard input.",
    ),
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
        help="Processes for parsing many changed posting files and for ranking several profiles (default: one per core).",
    ),
]
TableOrJsonOption = Annotated[str, typer.Option("--format", "-f", help="table or json.", case_sensitive=False)]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, json, jsonl, csv or tsv.", case_sensitive=False)]
PROGRESS_MIN_POSTINGS = 200
"""Fewer postings than this load too fast for a progress bar to help."""


def _terminal() -> "ModuleType":
    """matcher.terminal, imported only when a table is shown: commands whose output a script reads
    do not load rich (a third of a small command's start-up)."""
    from matcher import terminal

    return terminal


def _console(no_color: bool) -> "Console":
    """Standard output's console, built per command so NO_COLOR and COLUMNS take effect."""
    from rich.console import Console

    stream = sys.stdout
    width = None
    if not stream.isatty() and "COLUMNS" not in os.environ:
        width = 120  # rich would use 80 for a pipe; tables read better wider
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    # color_system=None drops every escape (bold too), not only colours: NO_COLOR means plain text.
    return Console(file=stream, color_system=None if plain else "auto", width=width, highlight=False, soft_wrap=False)


def _today(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--today: '{value}' is not a date; expected YYYY-MM-DD") from None


def _fail(error: InternMatchError) -> NoReturn:
    typer.echo(f"Error: {error}", err=True)
    raise typer.Exit(code=error.exit_code)


def _postings_source(postings: str | None) -> str:
    from matcher.loading import bundled_postings_dir

    return postings if postings else str(bundled_postings_dir())


def _load_profile(path: str, today: date) -> "Profile":
    """Load a profile and pass on, to stderr, what the loader skipped without failing."""
    from matcher.loading import load_profile

    profile = load_profile(path, today)
    for warning in profile.warnings:
        typer.echo(f"warning: {warning}", err=True)
    return profile


def _resolve_profile_path(profile: str | None) -> str:
    if profile:
        return profile
    if os.environ.get(PROFILE_ENV):
        return os.environ[PROFILE_ENV]
    if Path(DEFAULT_PROFILE).is_file():
        return DEFAULT_PROFILE
    raise UsageError(
        f"no profile given: pass PROFILE, set {PROFILE_ENV}=path/to/profile.yaml, or put a profile at ./{DEFAULT_PROFILE}"
    )


# ----------------------------------------------------------------------------- rank


@app.command()
def rank(
    profiles: Annotated[
        list[str],
        typer.Argument(
            help="Profile YAML or JSON Resume (.json), - for standard input; several files or a "
            "folder rank each profile against the same postings.",
            metavar="PROFILE...",
        ),
    ],
    postings: PostingsOption = None,
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the first N postings.")] = None,
    eligible_only: Annotated[bool, typer.Option("--eligible-only", help="Leave out postings you are not eligible for.")] = False,
    open_only: Annotated[bool, typer.Option("--open", help="Only postings whose deadline has not passed (see --today).")] = False,
    location: Annotated[
        str | None,
        typer.Option(
            "--location",
            "-l",
            help="Only postings at this place (city, region or country), in a region containing it, or remote.",
        ),
    ] = None,
    min_score: Annotated[
        float | None, typer.Option("--min-score", min=0, max=1, help="Only postings scoring at least this.")
    ] = None,
    sort: Annotated[
        str, typer.Option("--sort", help="score (eligible first, then score) or deadline (soonest first).")
    ] = "score",
    strict: Annotated[bool, typer.Option("--strict", help="Stop at an invalid posting (exit 1) instead of skipping it.")] = False,
    no_cache: NoCacheOption = False,
    jobs: JobsOption = None,
    output_format: FormatOption = "table",
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the table and every explanation to this HTML page.")
    ] = None,
    svg: Annotated[Path | None, typer.Option("--svg", help="Also write them to this SVG image.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --html/--svg file.")] = False,
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Rank postings for a profile: eligible first, then by score, with the reasons that mattered."""
    from matcher import output_formats as formats
    from matcher.batch import rank_profiles
    from matcher.loading import validation_targets
    from matcher.scoring import explain_all
    from matcher.selection import SortOrder, select

    try:
        fmt = _output_format(output_format)
        order = _choice("--sort", sort, SortOrder)
        when = _today(today)
        source = _postings_source(postings)
        if "-" in profiles and source == "-":
            raise UsageError("the profile and the postings cannot both come from standard input")
        paths = [p for p in profiles if p == "-"] + validation_targets(p for p in profiles if p != "-")
        if not paths:
            raise UsageError("no profile files found in " + ", ".join(profiles))
        candidates = [_load_profile(p, when) for p in paths]
        cache = None if no_cache else _posting_cache(jobs)
        loaded = _load_postings(source, strict=strict, use_cache=not no_cache, jobs=jobs, summaries=cache)
    except InternMatchError as error:
        _fail(error)

    ranked = [
        (
            candidate,
            select(
                matches,
                today=when,
                eligible_only=eligible_only,
                open_only=open_only,
                location=location,
                min_score=min_score,
                sort=order,
                top=top,
            ),
        )
        for candidate, matches in zip(
            candidates, rank_profiles(loaded.postings, candidates, when, jobs or os.cpu_count() or 1), strict=True
        )
    ]
    keep_until_exit(loaded, ranked, cache)
    for note in formats.skipped_notes(loaded.skipped):
        typer.echo(note, err=True)

    def explained() -> "Iterator[tuple[Profile, Iterator[Match]]]":
        """The shown postings with every qualification's explanation (JSON, JSONL, reports),
        made one at a time as they are consumed."""
        full = cache.full if cache else None
        return ((c, explain_all(shown, c, when, full)) for c, shown in ranked)

    several = len(ranked) > 1
    if fmt is formats.OutputFormat.JSON:
        explanations = [(c, list(matches)) for c, matches in explained()]
        document = (
            formats.rankings_document(explanations, loaded.skipped, when)
            if several
            else formats.ranking_document(*explanations[0], loaded.skipped, when)
        )
        _write(formats.to_json(document))
    elif fmt is formats.OutputFormat.TABLE and not any(m for _, m in ranked):
        typer.echo("No postings to show" + (" with these filters." if loaded.postings else "."), err=True)
    else:
        rows = (
            (
                ({"profile": c.path} if several else {}) | formats.match_dict(m, i)
                for c, matches in explained()
                for i, m in enumerate(matches, 1)
            )
            if fmt is formats.OutputFormat.JSONL
            else (
                (c.path, *formats.flat_values(m, i)) if several else formats.flat_values(m, i)
                for c, matches in ranked
                for i, m in enumerate(matches, 1)
            )
        )
        fields = ("profile", *formats.FLAT_FIELDS) if several else formats.FLAT_FIELDS
        _emit(fmt, rows, fields, lambda: _terminal().rankings_table(ranked), no_color)

    try:
        _write_report(
            lambda: [part for c, m in explained() for part in _terminal().report(list(m), c)],
            html=html,
            svg=svg,
            force=force,
            title=f"intern-match: internships for {', '.join(c.display_name for c, _ in ranked)}",
        )
    except InternMatchError as error:
        _fail(error)

    if loaded.skipped:
        raise typer.Exit(code=EXIT_SKIPPED)


def _write_report(parts: Callable[[], list[Any]], *, html: Path | None, svg: Path | None, force: bool, title: str) -> None:
    """A self-contained page or image of what a terminal would show, written atomically. The parts
    (every explanation) are built only when a report is asked for."""
    if html is None and svg is None:
        return
    from rich.console import Console

    from matcher import terminal
    from matcher.files import write_atomically

    for target in (html, svg):
        if target is not None and target.exists() and not force:
            from matcher.errors import RefusedWrite

            raise RefusedWrite(f"{target} exists; not overwriting it (use --force to replace it)")
    console = Console(record=True, width=120, file=open(os.devnull, "w"), color_system="truecolor")  # noqa: SIM115
    for part in parts():
        console.print(part)
    if html is not None:
        write_atomically(html, console.export_html(inline_styles=True, clear=False), force=force)
        typer.echo(f"wrote {html}", err=True)
    if svg is not None:
        write_atomically(svg, console.export_svg(title=title, clear=False, code_format=terminal.svg_format()), force=force)
        typer.echo(f"wrote {svg}", err=True)


def _choice(option: str, value: str, choices: type[enum.Enum]) -> Any:
    from matcher.positioned import did_you_mean

    names = [c.value for c in choices]  # type: ignore[attr-defined]
    if value.lower() not in names:
        raise UsageError(f"{option}: '{value}' is not one of {', '.join(names)}{did_you_mean(value, names)}")
    return choices(value.lower())


def _posting_cache(jobs: int | None = None) -> "PostingCache":
    from matcher.cache import PostingCache, default_cache_dir

    return PostingCache(default_cache_dir(), jobs=jobs or os.cpu_count() or 1)


def _load_postings(
    source: str, *, strict: bool, use_cache: bool = True, jobs: int | None = None, summaries: "PostingCache | None" = None
) -> "PostingSet":
    """Load postings through the cache (and parallel parsing for many changed files), with a
    progress bar on a terminal's stderr when there are many. With `summaries`, a folder's
    postings are read from that cache as summaries; `summaries.full` gives each one whole."""
    from functools import partial

    from matcher.cache import parse_files
    from matcher.loading import FolderReader, load_postings, paths_in

    workers = jobs or os.cpu_count() or 1

    def parse_all(folder: Path, names: list[str], progress: Callable[[int, int], None] | None) -> "list[Posting | InputError]":
        return parse_files(paths_in(folder, names), workers, progress)

    reader: FolderReader = parse_all
    if summaries is not None:
        reader = summaries.load_summaries
    elif use_cache:
        reader = _posting_cache(jobs).load
    load = partial(load_postings, source, strict=strict, read_folder=reader)
    if not sys.stderr.isatty():
        return load()
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("parsing postings", total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= PROGRESS_MIN_POSTINGS:
                progress.update(task, completed=done, total=total, visible=True)

        return load(on_progress=advance)


def _output_format(value: str, allowed: tuple[str, ...] | None = None) -> "OutputFormat":
    from matcher.output_formats import OutputFormat

    fmt: OutputFormat = _choice("--format", value, OutputFormat)
    if allowed and fmt.value not in allowed:
        raise UsageError(f"--format: '{value}' is not one of {', '.join(allowed)}")
    return fmt


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


def _write_lines(lines: Iterable[str]) -> None:
    sys.stdout.writelines(lines)
    sys.stdout.flush()


# ----------------------------------------------------------------------------- explain


def _find_posting(posting: str, postings: str | None) -> "Posting":
    """A posting by file path, `-`, or id in the postings folder (closest ids if unknown)."""
    from matcher.loading import load_posting

    if Path(posting).is_file() or posting == "-":
        return load_posting(posting)
    cache = _posting_cache()
    loaded = _load_postings(_postings_source(postings), strict=False, summaries=cache)
    by_id = {p.id: p for p in loaded.postings}
    if posting not in by_id:
        from rapidfuzz import process

        close = [hit[0] for hit in process.extract(posting, list(by_id), limit=3, score_cutoff=50)]
        hint = f"; closest: {', '.join(close)}" if close else ""
        raise UsageError(f"no posting with id '{posting}'{hint} (see `intern-match rank` for ids)")
    return cache.full(by_id[posting])


def complete_posting_id(incomplete: str) -> list[str]:
    """Shell completion for `explain`: the ids in $INTERN_MATCH_POSTINGS or the bundled postings."""
    from matcher.loading import load_postings

    try:
        loaded = load_postings(_postings_source(os.environ.get(POSTINGS_ENV)))
    except InternMatchError:
        return []
    return [p.id for p in loaded.postings if p.id.startswith(incomplete)]


@app.command()
def explain(
    posting: Annotated[
        str,
        typer.Argument(help="A posting id from the postings folder, or a posting file.", autocompletion=complete_posting_id),
    ],
    profile: Annotated[
        str | None,
        typer.Argument(help=f"Profile YAML file (default: ${PROFILE_ENV}, then ./{DEFAULT_PROFILE}).", show_default=False),
    ] = None,
    postings: PostingsOption = None,
    output_format: TableOrJsonOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """Explain one posting: every qualification, its verdict, the evidence and the points it gave."""
    from matcher import output_formats as formats
    from matcher.scoring import score_posting

    try:
        fmt = _output_format(output_format, ("table", "json"))
        when = _today(today)
        candidate = _load_profile(_resolve_profile_path(profile), when)
        chosen = _find_posting(posting, postings)
    except InternMatchError as error:
        _fail(error)

    match = score_posting(chosen, candidate, when)
    if fmt is formats.OutputFormat.JSON:
        document = {
            "schema_version": formats.SCHEMA_VERSION,
            "today": when.isoformat(),
            "profile": formats.profile_dict(candidate),
            "result": formats.match_dict(match, 1),
        }
        _write(formats.to_json(document))
    else:
        _console(no_color).print(_terminal().explanation(match, candidate))


# ----------------------------------------------------------------------------- gaps and shortlist


@app.command()
def gaps(
    profile: Annotated[str, typer.Argument(help="Profile YAML, JSON Resume (.json), or - for standard input.")],
    postings: PostingsOption = None,
    top: Annotated[int | None, typer.Option("--top", "-n", min=1, help="Show only the first N gaps.")] = None,
    output_format: FormatOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """What would open the most doors: unmet qualifications, ranked by what filling them would change.

    Ranked by the postings each would make eligible, then the score it would add; every figure
    is computed by re-scoring with the gap filled, so `rank` afterwards shows exactly that.
    """
    from matcher import output_formats as formats
    from matcher.gaps import find_gaps

    try:
        fmt = _output_format(output_format)
        when = _today(today)
        candidate = _load_profile(profile, when)
        loaded = _load_postings(_postings_source(postings), strict=False)
    except InternMatchError as error:
        _fail(error)
    for note in formats.skipped_notes(loaded.skipped):
        typer.echo(note, err=True)
    found = find_gaps(loaded.postings, candidate, when)[:top]
    if fmt is formats.OutputFormat.JSON:
        _write(formats.to_json(formats.gaps_document(candidate, found, when)))
    elif fmt is formats.OutputFormat.TABLE and not found:
        typer.echo("No gap would change an eligibility or a score.", err=True)
    else:
        rows = [
            formats.gaps_document(candidate, [g], when)["gaps"][0] | {"rank": i}
            if fmt is formats.OutputFormat.JSONL
            else formats.gap_row(g, i)
            for i, g in enumerate(found, 1)
        ]
        _emit(fmt, rows, formats.GAP_FIELDS, lambda: _terminal().gaps_table(found, candidate), no_color)
    if loaded.skipped:
        raise typer.Exit(code=EXIT_SKIPPED)


@app.command()
def shortlist(
    posting: Annotated[
        str, typer.Argument(help="A posting id from the postings folder, or a posting file.", autocompletion=complete_posting_id)
    ],
    profiles: Annotated[list[str], typer.Argument(help="Profile files, or folders of them (YAML and JSON Resume).")],
    postings: PostingsOption = None,
    output_format: FormatOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """The mirror of rank, for a mentor: candidates ordered for one posting.

    Same eligibility rules, scores and explanations as `rank` gives each candidate.
    """
    from matcher import output_formats as formats
    from matcher.loading import validation_targets
    from matcher.scoring import score_posting

    try:
        fmt = _output_format(output_format)
        when = _today(today)
        chosen = _find_posting(posting, postings)
        paths = validation_targets(profiles)
        if not paths:
            raise UsageError("no profile files found in " + ", ".join(profiles))
        candidates = [_load_profile(p, when) for p in paths]
    except InternMatchError as error:
        _fail(error)
    scored = [(c, score_posting(chosen, c, when)) for c in candidates]
    scored.sort(key=lambda pm: (not pm[1].eligible, -pm[1].score, pm[0].path))
    if fmt is formats.OutputFormat.JSON:
        _write(formats.to_json(formats.shortlist_document(chosen, scored, when)))
    else:
        rows = [
            formats.shortlist_dict(p, m, i) if fmt is formats.OutputFormat.JSONL else formats.shortlist_row(p, m, i)
            for i, (p, m) in enumerate(scored, 1)
        ]
        _emit(fmt, rows, formats.SHORTLIST_FIELDS, lambda: _terminal().shortlist_table(chosen, scored), no_color)


# ----------------------------------------------------------------------------- profile

profile_app = typer.Typer(help="Look at a profile the way intern-match reads it.", no_args_is_help=True)
app.add_typer(profile_app, name="profile")


@profile_app.command("show")
def profile_show(
    profile: Annotated[str, typer.Argument(help="Profile YAML, JSON Resume (.json), or - for standard input.")],
    output_format: TableOrJsonOption = "table",
    today: TodayOption = None,
    no_color: NoColorOption = False,
) -> None:
    """How intern-match reads a profile: stage, enrolment, research years, each paper's venue, canonical skills."""
    from matcher import output_formats as formats
    from matcher.profile_reading import read_profile

    try:
        fmt = _output_format(output_format, ("table", "json"))
        when = _today(today)
        candidate = _load_profile(profile, when)
    except InternMatchError as error:
        _fail(error)
    reading = read_profile(candidate, when)
    if fmt is formats.OutputFormat.JSON:
        _write(formats.to_json(formats.reading_dict(reading)))
    else:
        _console(no_color).print(_terminal().profile_reading(reading))


# ----------------------------------------------------------------------------- venues


@app.command()
def venues(
    queries: Annotated[
        list[str] | None,
        typer.Argument(
            help="Venue strings to resolve, as written on a CV; - reads one a line from standard input.", show_default=False
        ),
    ] = None,
    area: Annotated[str | None, typer.Option("--area", "-a", help="Only venues of this area (ml, cv, nlp, arch, ...).")] = None,
    output_format: FormatOption = "table",
    no_color: NoColorOption = False,
) -> None:
    """Show how venue strings resolve (venue, areas, how it matched, similarity), or list the catalogue."""
    from matcher import output_formats as formats
    from matcher.knowledge.venues import catalogue
    from matcher.positioned import did_you_mean

    try:
        fmt = _output_format(output_format)
        known = catalogue()
        if area is not None and area not in known.area_labels:
            raise UsageError(
                f"--area: unknown area '{area}'{did_you_mean(area, known.area_labels)} (known: {', '.join(known.area_labels)})"
            )
    except InternMatchError as error:
        _fail(error)

    texts = list(queries or [])
    if texts == ["-"]:
        texts = [line.strip() for line in sys.stdin if line.strip()]
    if texts:
        rows = [formats.resolution_dict(known.resolve(q)) for q in texts]
        if area is not None:
            rows = [r for r in rows if area in r["areas"]]
        fields: tuple[str, ...] = formats.RESOLUTION_FIELDS
        table = lambda: _terminal().resolutions_table(rows)  # noqa: E731
    else:
        rows = [formats.venue_dict(v) for v in known.venues if area is None or area in v.areas]
        fields = formats.VENUE_FIELDS
        table = lambda: _terminal().venues_table(rows, known.area_labels)  # noqa: E731
    _emit(fmt, rows, fields, table, no_color)


def _emit(fmt: "OutputFormat", rows: Iterable[dict | tuple], fields: tuple[str, ...], table, no_color: bool) -> None:  # type: ignore[type-arg]
    """One output contract for listing commands: a table, or rows as json, jsonl, csv or tsv.
    Rows are dicts, or tuples of the fields' values; they may be a generator: jsonl, csv and tsv
    are written as they come."""
    from matcher import output_formats as formats

    dicts = (row if isinstance(row, dict) else dict(zip(fields, row, strict=True)) for row in rows)
    if fmt is formats.OutputFormat.TABLE:
        _console(no_color).print(table())
    elif fmt is formats.OutputFormat.JSON:
        _write(formats.to_json(list(dicts)))
    elif fmt is formats.OutputFormat.JSONL:
        _write_lines(formats.jsonl_lines(dicts))
    else:
        _write_lines(formats.delimited_lines(rows, fields, "," if fmt is formats.OutputFormat.CSV else "\t"))


# ----------------------------------------------------------------------------- ingest


@app.command()
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
    from matcher import output_formats as formats
    from matcher.files import write_atomically
    from matcher.ingest import draft_posting
    from matcher.loading import read_text

    try:
        text = read_text(source)
        name = "standard input" if source == "-" else Path(source).name
        draft = draft_posting(text, name, posting_id)
        document = formats.draft_yaml(draft)
        typer.echo(draft.summary, err=True)
        if out is None:
            _write(document)
            return
        if not out.is_dir():
            raise UsageError(f"--out: {out} is not a folder")
        target = out / f"{draft.posting['id']}.yaml"
        write_atomically(target, document, force=force)
    except InternMatchError as error:
        _fail(error)
    typer.echo(f"wrote {target}: review it, then `intern-match validate {target}`", err=True)


# ----------------------------------------------------------------------------- validate and init


@app.command()
def validate(
    paths: Annotated[list[str], typer.Argument(help="Posting and profile files, or folders of them.")],
    output_format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Check posting and profile files and print every problem as file:line:col (exit 1 if any)."""
    from matcher import output_formats as formats
    from matcher.loading import check_files

    if output_format not in ("text", "json"):
        _fail(UsageError(f"--format: '{output_format}' is not one of text, json"))
    checked = check_files(paths)
    if not checked:
        _fail(UsageError("no YAML or JSON files found in " + ", ".join(paths)))
    problems = [p for c in checked for p in c.problems]
    if output_format == "json":
        _write(formats.to_json(formats.validation_document(checked)))
    else:
        for problem in problems:
            typer.echo(str(problem))
    bad = sum(1 for c in checked if c.problems)
    typer.echo(f"checked {len(checked)} file(s): {bad} with problems, {len(problems)} problem(s)", err=True)
    if problems:
        raise typer.Exit(code=EXIT_INPUT)


@app.command()
def init(
    path: Annotated[str, typer.Argument(help="Where to write the starter profile.")] = DEFAULT_PROFILE,
    force: Annotated[bool, typer.Option("--force", help="Replace the file if it exists.")] = False,
) -> None:
    """Write a commented starter profile to fill in (never over an existing file without --force)."""
    from importlib import resources

    from matcher.files import write_atomically

    text = resources.files("matcher").joinpath("starter_profile.yaml").read_text(encoding="utf-8")
    try:
        write_atomically(path, text, force=force)
    except InternMatchError as error:
        _fail(error)
    typer.echo(f"wrote {path}: fill it in, then run `intern-match rank {path}`", err=True)


# ----------------------------------------------------------------------------- entry point


EXIT_INTERNAL = 70
DEBUG_ENV = "INTERN_MATCH_DEBUG"


def main() -> None:
    """Run the app. Typer already ends Ctrl-C with 130 and a closed pipe quietly; this also
    covers an interrupt while modules load, and turns a bug into one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(EXIT_INTERRUPTED)
    except Exception as error:  # noqa: BLE001 - the last line of defence
        if os.environ.get(DEBUG_ENV):
            raise
        typer.echo(
            f"intern-match: internal error: {type(error).__name__}: {error}. This is a bug; "
            f"run again with {DEBUG_ENV}=1 for the traceback and report it.",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)
