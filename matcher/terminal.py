"""Matches -> what people read in a terminal: rich tables, explanations and reports.

Renderers return rich renderables and never print; cli.py decides where output goes. User text
is escaped before it meets rich markup, so a title with [brackets] stays intact, and every
console that shows these is a SafeConsole, so no character of it reaches a terminal or report as
a control sequence. The plain data these show comes from matcher.output_formats, as the JSON
output does.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from matcher import text_tables
from matcher.display_text import has_unsafe, visible
from matcher.models import Judgement, Match, Posting, Profile, Ranked, Verdict, group_members
from matcher.output_formats import iso_date
from matcher.tuning import PREFERRED_SHARE, REQUIRED_SHARE, TOPIC_SHARE

if TYPE_CHECKING:
    from matcher.fetch.run import FetchSummary
    from matcher.gaps import Gap
    from matcher.profile_reading import ProfileReading


PROGRESS_MIN_POSTINGS = 200
"""Fewer postings than this load too fast for a progress bar to help."""


class SafeConsole(Console):
    """A rich console that shows the text it renders, never obeys it: every control character,
    escape sequence and bidi override in a segment of text (not rich's own control segments) is
    shown as its escape (matcher.display_text). Done here, where every renderable becomes text,
    so no table or panel can forget a field; emoji codes such as `:smile:` stay text too."""

    def __init__(self, **options: Any) -> None:
        super().__init__(emoji=False, **options)

    def render(self, renderable: Any, options: ConsoleOptions | None = None) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and has_unsafe(segment.text):
                yield Segment(visible(segment.text), segment.style)
            else:
                yield segment


def console(no_color: bool) -> Console:
    """Standard output's console, built per command so NO_COLOR and COLUMNS take effect."""
    return _console_on(sys.stdout, no_color)


def error_console(no_color: bool) -> Console:
    """Standard error's console, for reports on what a command did (fetch's summary)."""
    return _console_on(sys.stderr, no_color)


def _console_on(stream: Any, no_color: bool) -> Console:
    width = None
    if not stream.isatty() and "COLUMNS" not in os.environ:
        width = 120  # rich would use 80 for a pipe; tables read better wider
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    # color_system=None drops every escape (bold too), not only colours: NO_COLOR means plain text.
    return SafeConsole(file=stream, color_system=None if plain else "auto", width=width, highlight=False, soft_wrap=False)


def outside_text(text: object, style: str = "") -> Text:
    """Outside text (a job board's) as a rich Text: never read as markup, and every character that
    could act on a terminal shown as its escape (matcher.display_text)."""
    return Text(visible(str(text)), style=style)


@contextmanager
def progress_bar(what: str, minimum: int = PROGRESS_MIN_POSTINGS) -> Iterator[Callable[[int, int], None] | None]:
    """A progress callback drawing a bar on a terminal's stderr once there are `minimum` things
    to do (many postings to parse; any source to fetch); None when stderr is not a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(what, total=None, visible=False)

        def advance(done: int, total: int) -> None:
            if total >= minimum:
                progress.update(task, completed=done, total=total, visible=True)

        yield advance


def rankings_report(
    explained: Callable[[], Iterable[tuple[Profile, Iterable[Match]]]],
    ranked: Sequence[tuple[Profile, Sequence[Any]]],
    *,
    html: Path | None,
    svg: Path | None,
    force: bool,
) -> list[Path]:
    """`rank --html/--svg`: the shown postings, each explained, for every profile ranked."""
    return write_report(
        lambda: [part for c, m in explained() for part in report(list(m), c)],
        html=html,
        svg=svg,
        force=force,
        title=f"intern-match: internships for {', '.join(c.display_name for c, _ in ranked)}",
    )


def write_report(parts: Callable[[], list[Any]], *, html: Path | None, svg: Path | None, force: bool, title: str) -> list[Path]:
    """A self-contained page or image of what a terminal would show, written atomically; the
    files written. The parts (every explanation) are built only when a report is asked for."""
    from matcher.files import refuse_to_clobber, write_atomically

    targets = [t for t in (html, svg) if t is not None]
    if not targets:
        return []
    for target in targets:
        refuse_to_clobber(target, force=force)
    recorder = SafeConsole(record=True, width=120, file=open(os.devnull, "w"), color_system="truecolor")  # noqa: SIM115
    for part in parts():
        recorder.print(part)
    if html is not None:
        write_atomically(html, recorder.export_html(inline_styles=True, clear=False), force=force)
    if svg is not None:
        write_atomically(svg, recorder.export_svg(title=title, clear=False, code_format=svg_format()), force=force)
    return targets


VERDICT_STYLE = {
    Verdict.MET: "green",
    Verdict.PARTIAL: "yellow",
    Verdict.UNKNOWN: "dim",
    Verdict.UNMET: "red",
}
VERDICT_MARK = {Verdict.MET: "✓ met", Verdict.PARTIAL: "~ partial", Verdict.UNKNOWN: "? unknown", Verdict.UNMET: "✗ unmet"}


def resolutions_table(rows: Sequence[dict[str, Any]]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title="How each venue string resolves", title_justify="left")
    for column in ("query", "venue", "name", "areas", "how", "sim"):
        table.add_column(column, justify="right" if column == "sim" else "left")
    for r in rows:
        venue = Text(r["venue"], style="green") if r["venue"] else Text(r["note"] or "unknown", style="yellow")
        table.add_row(
            Text(r["query"]), venue, Text(r["name"] or "-"), Text(", ".join(r["areas"]) or "-"), r["how"], str(r["similarity"])
        )
    return table


def venues_table(rows: Sequence[dict[str, Any]], area_labels: dict[str, str]) -> Table:
    table = Table(
        box=box.SIMPLE_HEAD,
        title=f"{len(rows)} venues",
        title_justify="left",
        caption="areas: " + ", ".join(f"{k} = {v}" for k, v in area_labels.items()),
    )
    for column in ("acronym", "name", "type", "areas"):
        table.add_column(column)
    for r in rows:
        table.add_row(Text(r["acronym"]), Text(r["name"]), r["type"], ", ".join(r["areas"]) or "-")
    return table


def _verdict_text(verdict: Verdict) -> Text:
    return Text(VERDICT_MARK[verdict], style=VERDICT_STYLE[verdict])


def ranking_table(matches: Sequence[Ranked], profile: Profile, today: date | None = None) -> Table:
    """The ranked table. Each posting stacks its id (whole, to copy into `explain`), title,
    organisation and location, and the reasons that mattered, so it reads at 80 columns too.
    A posting whose deadline is before `today` says so: it stays listed (unless --open)."""
    table = _table(text_tables.ranking_title(profile), text_tables.RANKING_COLUMNS)
    for i, m in enumerate(matches, 1):
        table.add_row(str(i), _stacked(text_tables.ranking_cell(m.posting, m.reasons, today)), *_match_cells(m))
    return table


def _table(title: str, columns: Sequence[text_tables.Column]) -> Table:
    """A table of text_tables' columns, as text_tables.table_lines sets them: a title, a header
    over a rule, a line between rows."""
    table = Table(title=escape(title), box=box.SIMPLE_HEAD, title_justify="left", show_lines=True)
    for column in columns:
        table.add_column(column.header, justify="right" if column.right else "left")
    return table


def _stacked(lines: Sequence[text_tables.Line]) -> Text:
    """A cell of text_tables' styled lines, as one Text."""
    cell = Text()
    for k, (line, style) in enumerate(lines):
        cell.append(f"\n{line}" if k else line, style=style or None)
    return cell


def rankings_table(ranked: Sequence[tuple[Profile, Sequence[Ranked]]], today: date | None = None) -> RenderableType:
    """One ranking table per profile."""
    return Group(*(ranking_table(m, c, today) for c, m in ranked))


def _match_cells(m: Ranked) -> tuple[Text, str, str, str]:
    """Eligible, required met, preferred met and score (text_tables.match_cells)."""
    (eligible, style), required, preferred, score = text_tables.match_cells(m)
    return Text(eligible, style=style), required, preferred, score


def explanation(match: Match, profile: Profile) -> RenderableType:
    """Every qualification, its verdict, evidence and points, and how they add up to the score."""
    p = match.posting
    head = Text()
    head.append(f"{p.title}\n", style="bold")
    head.append(f"{p.organization}" + (f" · {p.team}" if p.team else "") + "\n")
    head.append(f"id {p.id} · {'; '.join(p.location) or 'location not given'}")
    if p.deadline:
        head.append(f" · deadline {p.deadline.isoformat()}")
    if p.source:
        head.append(f" · source {p.source}")
    head.append(f"\nprofile: {profile.display_name} ({profile.path})")

    blocks: list[RenderableType] = []
    for i, r in enumerate(match.results, 1):
        points = f"{r.points:.3f} of {r.available:.3f} points" if r.judgement.verdict is not Verdict.UNKNOWN else "not counted"
        heading = Text(f"{i}. ", style="bold") + Text(f"{r.section} · {r.qualification.kind} · ")
        heading += _verdict_text(r.judgement.verdict) + Text(f" · {points}")
        blocks += [Text(""), heading, _judgement_block(r.judgement, r.qualification.quote, r.qualification.note, indent=3)]
        members = group_members(r.qualification.criterion)
        for k, (member, part) in enumerate(zip(members, r.judgement.parts, strict=True), 1):
            sub = Text(f"   {i}.{k} ", style="bold") + Text(f"{member.kind} · ") + _verdict_text(part.verdict)
            blocks += [sub, _judgement_block(part, member.quote, member.note, indent=8)]

    topics = Table(box=box.SIMPLE_HEAD, expand=True, title="topical fit", title_justify="left")
    topics.add_column("posting topic")
    topics.add_column("profile item", overflow="fold")
    topics.add_column("from")
    topics.add_column("how")
    topics.add_column("sim", justify="right")
    for t in match.topic_fit.matches:
        topics.add_row(Text(t.topic), Text(t.matched or "-"), Text(t.source or "-"), t.how, str(t.similarity))

    return Group(Panel(head, expand=True), *blocks, Text(""), topics, Text(score_sum(match)))


def _judgement_block(j: Judgement, quote: str | None, note: str | None, indent: int) -> RenderableType:
    """What the posting says, what the profile showed, the rule and the fuzzy score, aligned."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    if quote:
        grid.add_row("posting", Text(f"“{quote}”"))
    if note:
        grid.add_row("note", Text(note, style="dim"))
    grid.add_row("evidence", Text(j.evidence))
    grid.add_row("rule", Text(j.rule, style="dim"))
    if j.similarity is not None:
        grid.add_row("fuzzy", Text(f"{j.similarity} of 100", style="dim"))
    return Padding(grid, (0, 0, 0, indent))


def score_sum(match: Match) -> str:
    """The arithmetic from points to the score, in words."""
    parts = []
    for section in ("required", "preferred"):
        points = sum(r.points for r in match.results if r.section == section)
        available = sum(r.available for r in match.results if r.section == section)
        parts.append(f"{section} {points:.3f} of {available:.3f}")
    tf = match.topic_fit
    parts.append(f"topics {tf.points:.3f} of {tf.available:.3f} (fit {tf.fit:.2f})")
    lines = [
        f"score = {' + '.join(parts)} = {match.score:.4f}",
        f"shares: required {REQUIRED_SHARE}, preferred {PREFERRED_SHARE}, topics {TOPIC_SHARE}; "
        "unknown verdicts are not counted and a part with nothing to judge gives its share to the others.",
    ]
    unmet = [r for r in match.results if r.section == "required" and r.judgement.verdict is Verdict.UNMET]
    if match.eligible:
        lines.append("eligible: no required qualification is unmet.")
    else:
        lines.append(
            f"not eligible: {len(unmet)} required qualification(s) unmet ("
            + ", ".join(str(match.results.index(r) + 1) for r in unmet)
            + ")."
        )
    return "\n".join(lines)


def profile_reading(reading: ProfileReading) -> RenderableType:
    """`intern-match profile show`: what the matcher will compare, item by item."""
    p = reading.profile
    head = Text()
    head.append(f"{p.display_name}\n", style="bold")
    head.append(f"{p.degree.stage.title}, {'enrolled' if p.degree.enrolled else 'not enrolled'}")
    if reading.field:
        f = reading.field
        head.append(
            f" · field '{f.written}'"
            + (f" = {f.canonical} ({f.how}, {f.similarity})" if f.canonical else " (not in the catalogue; matched fuzzily)")
        )
    years = reading.research.years
    head.append(f"\nresearch: {'unknown' if years is None else f'{years:g} years'} ({reading.research.evidence})")
    if p.location:
        head.append(
            f"\nlocation: {p.location.current or '-'}; willing to relocate: {'yes' if p.location.willing_to_relocate else 'no'}"
            + (f"; prefers {', '.join(p.location.preferred)}" if p.location.preferred else "")
        )
    if p.availability:
        head.append(f"\navailable: {iso_date(p.availability.start) or '...'} to {iso_date(p.availability.end) or '...'}")

    papers = Table(box=box.SIMPLE_HEAD, title="publications", title_justify="left", expand=True)
    for column in ("venue as written", "resolves to", "areas", "how", "sim", "year", "title"):
        papers.add_column(column, justify="right" if column in ("sim", "year") else "left")
    for r in reading.publications:
        papers.add_row(
            Text(r.written or "-"),
            Text(r.venue or "unknown", style="green" if r.venue else "yellow"),
            ", ".join(r.areas) or "-",
            r.how,
            str(r.similarity),
            str(r.year or "-"),
            Text(r.title or "-"),
        )

    terms = Table(box=box.SIMPLE_HEAD, title="skills and interests", title_justify="left", expand=True)
    for column in ("as written", "kind", "reads as", "how", "sim"):
        terms.add_column(column, justify="right" if column == "sim" else "left")
    for kind, items in (("skill", reading.skills), ("interest", reading.interests)):
        for t in items:
            terms.add_row(
                Text(t.written),
                kind,
                Text(t.canonical or "(free text)", style="" if t.canonical else "dim"),
                t.how,
                str(t.similarity),
            )
    parts: list[RenderableType] = [Panel(head), papers, terms]
    parts += [Text(f"warning: {w}", style="yellow") for w in p.warnings]
    return Group(*parts)


def gaps_table(gaps: Sequence[Gap], profile: Profile) -> RenderableType:
    """The gaps as a list, each with what it would open (text_tables.gap_entry): words wrap at
    spaces at any width, and a posting id, ending a line of its own, is never split (a table's
    narrow columns would split it)."""
    parts: list[RenderableType] = [Text(text_tables.gaps_title(profile), style="bold")]
    for i, g in enumerate(gaps, 1):
        head, under = text_tables.gap_entry(g, i)
        parts += [Text("\n") + _pieces(head), Padding(Group(*map(_pieces, under)), (0, 0, 0, len(text_tables.GAP_INDENT)))]
    return Group(*parts)


def _pieces(line: Sequence[text_tables.Line]) -> Text:
    """A line of text_tables' styled pieces, as one Text."""
    return Text.assemble(*((piece, style or "") for piece, style in line))


def shortlist_table(posting: Posting, rows: text_tables.Shortlist) -> Table:
    """Candidates for one posting, best first: the ranked table's columns, a candidate's name,
    profile file and reasons where a posting's id and title are."""
    table = _table(text_tables.shortlist_title(posting), text_tables.SHORTLIST_COLUMNS)
    for i, (profile, m) in enumerate(rows, 1):
        table.add_row(str(i), _stacked(text_tables.candidate_cell(profile, m.reasons)), *_match_cells(m))
    return table


def report(matches: Sequence[Match], profile: Profile) -> list[RenderableType]:
    """The ranked table and every explanation, for `rank --html/--svg`."""
    parts: list[RenderableType] = [ranking_table(matches, profile)]
    for i, match in enumerate(matches, 1):
        parts += [Text(f"\n{i}. {match.posting.id}", style="bold"), explanation(match, profile)]
    return parts


def svg_format() -> str:
    """rich's SVG template, less the web fonts it loads from a CDN: a report to share makes no
    external requests (the local Fira Code, then any monospace font, are used instead)."""

    try:
        from rich._export_format import CONSOLE_SVG_FORMAT
    except ImportError:  # pragma: no cover - a rich without it: keep rich's own default
        from rich.console import CONSOLE_SVG_FORMAT
    return re.sub(r',?\s*url\("https?://[^"]*"\) format\("[^"]*"\)', "", CONSOLE_SVG_FORMAT)


# ----------------------------------------------------------------------------- fetch


FETCH_COUNTS = ("fetched", "internships", "new", "changed", "closed", "failed")


def fetch_summary(summary: FetchSummary) -> RenderableType:
    """Per source: fetched, internships, new, changed, closed, failed; then what needs a person
    (drafts set beside edited files, postings that failed, sources that could not be read).
    Everything a board wrote is outside text: rich.text.Text, control characters stripped."""
    title = f"fetch into {summary.folder}" + (" (dry run: nothing written)" if summary.dry_run else "")
    table = Table(box=box.SIMPLE_HEAD)
    table.add_column("source")
    for count in FETCH_COUNTS:
        table.add_column("kept" if count == "internships" and summary.all_roles else count, justify="right")
    notes: list[Text] = []
    for s in summary.sources:
        if s.error is not None:
            table.add_row(outside_text(s.source), "-", "-", "-", "-", "-", Text("source", style="red"))
            notes.append(outside_text(f"{s.source}: failed: {s.error}", "red"))
            continue
        failed = Text(str(s.failed), style="red" if s.failed else "")
        table.add_row(outside_text(s.source), *(str(getattr(s, c)) for c in FETCH_COUNTS[:-1]), failed)
        if s.duplicates:
            notes.append(outside_text(f"{s.source}: {s.duplicates} repeat(s) of postings already written, left out"))
        notes += [
            outside_text(f"{s.source}: {i}.yaml was edited by hand; the new draft is {i}.new.yaml", "yellow") for i in s.beside
        ]
        notes += [outside_text(f"{s.source}: not drafted: {p}", "red") for p in s.problems]
    return Group(outside_text(title), table, *notes)
