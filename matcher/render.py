"""Matches -> what people and scripts read: rich tables and panels, JSON, CSV and TSV.

Renderers return objects or strings and never print; cli.py decides where output goes.
User text is escaped before it meets rich markup, so a title with [brackets] stays intact.
"""

from __future__ import annotations

import csv
import enum
import io
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Group, RenderableType
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from matcher.models import Judgement, Match, Posting, Profile, QualificationResult, Ranked, Verdict, group_members
from matcher.tuning import PREFERRED_SHARE, REQUIRED_SHARE, TOPIC_SHARE

if TYPE_CHECKING:  # only named in annotations: importing them would slow every command's start
    from matcher.gaps import Gap
    from matcher.ingest import Draft
    from matcher.knowledge.venues import Venue, VenueResolution
    from matcher.loading import Checked, Skipped
    from matcher.scoring import ProfileReading

SCHEMA_VERSION = 1
"""Bumped only when a key of the JSON output changes meaning; adding keys does not bump it."""


class OutputFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


VERDICT_STYLE = {
    Verdict.MET: "green",
    Verdict.PARTIAL: "yellow",
    Verdict.UNKNOWN: "dim",
    Verdict.UNMET: "red",
}
VERDICT_MARK = {Verdict.MET: "✓ met", Verdict.PARTIAL: "~ partial", Verdict.UNKNOWN: "? unknown", Verdict.UNMET: "✗ unmet"}


# ----------------------------------------------------------------------------- plain data


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def judgement_dict(j: Judgement) -> dict[str, Any]:
    data: dict[str, Any] = {
        "verdict": j.verdict.value,
        "credit": j.credit,
        "rule": j.rule,
        "evidence": j.evidence,
        "matched": j.matched,
        "similarity": j.similarity,
    }
    return data


def qualification_dict(result: QualificationResult) -> dict[str, Any]:
    q, j = result.qualification, result.judgement
    data: dict[str, Any] = {
        "section": result.section,
        "kind": q.kind,
        "quote": q.quote,
        **judgement_dict(j),
        "points": result.points,
        "available": result.available,
        "weight": q.weight,
        "note": q.note,
    }
    if j.parts:
        members = group_members(q.criterion)
        data["parts"] = [
            {"kind": member.kind, "quote": member.quote, **judgement_dict(part)}
            for member, part in zip(members, j.parts, strict=True)
        ]
    return data


def posting_dict(posting: Posting) -> dict[str, Any]:
    return {
        "id": posting.id,
        "title": posting.title,
        "organization": posting.organization,
        "team": posting.team,
        "location": list(posting.location),
        "source": posting.source,
        "deadline": _iso(posting.deadline),
        "start": _iso(posting.start),
        "duration_weeks": posting.duration_weeks,
        "pay": None
        if posting.pay is None
        else {
            "min": posting.pay.min,
            "max": posting.pay.max,
            "currency": posting.pay.currency,
            "per": posting.pay.per,
        },
        "path": posting.path,
    }


def match_dict(match: Match, rank: int) -> dict[str, Any]:
    """One result, with at least the keys of FORMATS.md."""
    topic = match.topic_fit
    return {
        "rank": rank,
        **posting_dict(match.posting),
        "eligible": match.eligible,
        "score": match.score,
        "required": {
            "met": match.count("required", Verdict.MET),
            "total": match.count("required"),
            "unknown": match.count("required", Verdict.UNKNOWN),
        },
        "preferred": {
            "met": match.count("preferred", Verdict.MET),
            "total": match.count("preferred"),
            "unknown": match.count("preferred", Verdict.UNKNOWN),
        },
        "reasons": list(match.reasons),
        "qualifications": [qualification_dict(r) for r in match.results],
        "topics": {
            "fit": topic.fit,
            "points": topic.points,
            "available": topic.available,
            "matches": [
                {"topic": t.topic, "matched": t.matched, "source": t.source, "how": t.how, "similarity": t.similarity}
                for t in topic.matches
            ],
        },
    }


def profile_dict(profile: Profile) -> dict[str, Any]:
    return {"name": profile.name, "path": profile.path}


def skipped_dict(skipped: Skipped) -> dict[str, str]:
    return {"path": skipped.path, "error": skipped.error}


def ranking_document(profile: Profile, matches: Sequence[Match], skipped: Sequence[Skipped], today: date) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "profile": profile_dict(profile),
        "results": [match_dict(m, i) for i, m in enumerate(matches, 1)],
        "skipped": [skipped_dict(s) for s in skipped],
    }


def rankings_document(
    ranked: Sequence[tuple[Profile, Sequence[Match]]], skipped: Sequence[Skipped], today: date
) -> dict[str, Any]:
    """Several profiles ranked against the same postings: every result names its profile."""
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "profiles": [profile_dict(p) for p, _ in ranked],
        "results": [{"profile": p.path, **match_dict(m, i)} for p, matches in ranked for i, m in enumerate(matches, 1)],
        "skipped": [skipped_dict(s) for s in skipped],
    }


def to_json(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """One JSON object per line, made as rows come: tens of thousands stream, not pile up."""
    for row in rows:
        yield json.dumps(row, ensure_ascii=False) + "\n"


FLAT_FIELDS = (
    "rank",
    "id",
    "title",
    "organization",
    "location",
    "deadline",
    "eligible",
    "score",
    "required_met",
    "required_total",
    "preferred_met",
    "preferred_total",
    "reasons",
    "source",
)


def flat_row(match: Ranked, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "id": match.posting.id,
        "title": match.posting.title,
        "organization": match.posting.organization,
        "location": "; ".join(match.posting.location),
        "deadline": _iso(match.posting.deadline) or "",
        "eligible": "yes" if match.eligible else "no",
        "score": f"{match.score:.4f}",
        "required_met": match.count("required", Verdict.MET),
        "required_total": match.count("required"),
        "preferred_met": match.count("preferred", Verdict.MET),
        "preferred_total": match.count("preferred"),
        "reasons": "; ".join(match.reasons),
        "source": match.posting.source or "",
    }


def delimited_lines(rows: Iterable[dict[str, Any]], fields: Sequence[str], delimiter: str) -> Iterator[str]:
    """CSV (quoted as needed) or TSV (tabs and newlines inside values become spaces), a line at a
    time. Lists are joined with "; " and None is left empty."""

    def cell(value: Any) -> Any:
        return "; ".join(value) if isinstance(value, list) else ("" if value is None else value)

    if delimiter == "\t":
        yield "\t".join(fields) + "\n"
        for row in rows:
            yield "\t".join([" ".join(str(cell(row.get(f))).split()) for f in fields]) + "\n"
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for values in itertools.chain([fields], ([cell(row.get(f)) for f in fields] for row in rows)):
        writer.writerow(values)
        yield out.getvalue()
        out.seek(0)
        out.truncate()


RESOLUTION_FIELDS = ("query", "venue", "name", "areas", "how", "similarity", "note")
VENUE_FIELDS = ("acronym", "name", "type", "areas", "dblp")


def resolution_dict(resolution: VenueResolution) -> dict[str, Any]:
    venue = resolution.venue
    return {
        "query": resolution.query,
        "venue": venue.acronym if venue else None,
        "name": venue.name if venue else None,
        "areas": list(venue.areas) if venue else [],
        "how": resolution.how,
        "similarity": resolution.similarity,
        "note": resolution.note,
    }


def venue_dict(venue: Venue) -> dict[str, Any]:
    return {"acronym": venue.acronym, "name": venue.name, "type": venue.type, "areas": list(venue.areas), "dblp": venue.dblp}


# ----------------------------------------------------------------------------- rich


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


def ranking_table(matches: Sequence[Ranked], profile: Profile) -> Table:
    """The ranked table. Each posting stacks its id (whole, to copy into `explain`), title,
    organisation and location, and the reasons that mattered, so it reads at 80 columns too."""
    table = Table(
        title=f"Internships for {escape(profile.display_name)}",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_lines=True,
    )
    table.add_column("#", justify="right")
    table.add_column("posting · why")
    table.add_column("eligible")
    table.add_column("req", justify="right")
    table.add_column("pref", justify="right")
    table.add_column("score", justify="right")
    for i, m in enumerate(matches, 1):
        p = m.posting
        cell = Text(p.id, style="bold")
        cell.append(f"\n{p.title}")
        cell.append(f"\n{p.organization} · {'; '.join(p.location) or 'location not given'}", style="dim")
        table.add_row(str(i), _with_reasons(cell, m.reasons), *_match_cells(m))
    return table


def _with_reasons(cell: Text, reasons: Sequence[str]) -> Text:
    """The reasons under a cell: what is missing in red, what earned points in green."""
    for reason in reasons:
        style = "red" if reason.startswith("missing") else "green" if reason.startswith("+") else "yellow"
        cell.append(f"\n{reason}", style=style)
    return cell


def _match_cells(m: Ranked) -> tuple[Text, str, str, str]:
    """Eligible, required met, preferred met and score: the same columns wherever a match is listed."""
    return (
        Text("yes", style="green") if m.eligible else Text("no", style="red"),
        f"{m.count('required', Verdict.MET)}/{m.count('required')}",
        f"{m.count('preferred', Verdict.MET)}/{m.count('preferred')}",
        f"{m.score:.2f}",
    )


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


def reading_dict(reading: ProfileReading) -> dict[str, Any]:
    p = reading.profile
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": profile_dict(p),
        "degree": {
            "stage": p.degree.stage.label,
            "enrolled": p.degree.enrolled,
            "year": p.degree.year,
            "expected_graduation": _iso(p.degree.expected_graduation),
            "field": None if reading.field is None else asdict(reading.field),
        },
        "research_years": reading.research.years,
        "research_evidence": reading.research.evidence,
        "publications": [asdict(r) | {"areas": list(r.areas)} for r in reading.publications],
        "skills": [asdict(t) for t in reading.skills],
        "interests": [asdict(t) for t in reading.interests],
        "location": None
        if p.location is None
        else {
            "current": p.location.current,
            "willing_to_relocate": p.location.willing_to_relocate,
            "preferred": list(p.location.preferred),
        },
        "availability": None
        if p.availability is None
        else {"start": _iso(p.availability.start), "end": _iso(p.availability.end)},
        "warnings": list(p.warnings),
    }


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
        head.append(f"\navailable: {_iso(p.availability.start) or '...'} to {_iso(p.availability.end) or '...'}")

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


def validation_document(checked: Sequence[Checked]) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "files": [
            {
                "path": c.path,
                "kind": c.kind,
                "ok": not c.problems,
                "problems": [{"line": p.line, "column": p.column, "message": p.message} for p in c.problems],
            }
            for c in checked
        ],
    }


# ----------------------------------------------------------------------------- gaps and shortlist


def gaps_document(profile: Profile, gaps: Sequence[Gap], today: date) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "profile": profile_dict(profile),
        "gaps": [
            {
                "rank": i,
                "kind": g.kind,
                "item": g.item,
                "quick": g.quick,
                "newly_eligible": list(g.newly_eligible),
                "score_gain": g.score_gain,
                "asked_by": list(g.asked_by),
                "quotes": list(g.quotes),
            }
            for i, g in enumerate(gaps, 1)
        ],
    }


GAP_FIELDS = ("rank", "kind", "item", "quick", "newly_eligible", "score_gain", "asked_by")


def gap_row(gap: Gap, rank: int) -> dict[str, Any]:
    return {
        "rank": rank,
        "kind": gap.kind,
        "item": gap.item,
        "quick": "yes" if gap.quick else "no",
        "newly_eligible": "; ".join(gap.newly_eligible),
        "score_gain": "; ".join(f"{k} +{v:.3f}" for k, v in gap.score_gain.items()),
        "asked_by": "; ".join(gap.asked_by),
    }


def gaps_table(gaps: Sequence[Gap], profile: Profile) -> Table:
    table = Table(
        title=f"What would open the most doors for {escape(profile.display_name)}",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_lines=True,
        expand=True,
    )
    table.add_column("#", justify="right")
    table.add_column("gap", ratio=3)
    table.add_column("quick")
    table.add_column("would make eligible", overflow="fold", ratio=2)
    table.add_column("score gained", overflow="fold", ratio=2)
    for i, g in enumerate(gaps, 1):
        what = Text(g.item, style="bold")
        what.append(f"\n{g.kind} · asked by {len(g.asked_by)} posting(s)", style="dim")
        for quote in g.quotes[:2]:
            what.append(f"\n“{quote if len(quote) < 90 else quote[:89] + '…'}”", style="dim italic")
        table.add_row(
            str(i),
            what,
            Text("yes", style="green") if g.quick else Text("no"),
            Text("\n".join(g.newly_eligible) or "-", style="green"),
            Text("\n".join(f"{k} +{v:.3f}" for k, v in g.score_gain.items()) or "-"),
        )
    return table


def shortlist_document(posting: Posting, rows: Sequence[tuple[Profile, Match]], today: date) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "posting": posting_dict(posting),
        "results": [shortlist_dict(p, m, i) for i, (p, m) in enumerate(rows, 1)],
    }


def shortlist_dict(profile: Profile, match: Match, rank: int) -> dict[str, Any]:
    result = match_dict(match, rank)
    keep = ("eligible", "score", "required", "preferred", "reasons", "qualifications", "topics")
    return {"rank": rank, "profile": profile.path, "name": profile.name, **{k: result[k] for k in keep}}


SHORTLIST_FIELDS = ("rank", "profile", "name", *FLAT_FIELDS[FLAT_FIELDS.index("eligible") : FLAT_FIELDS.index("reasons") + 1])
"""A candidate's row: who, then the same verdict columns a ranking row has."""


def shortlist_row(profile: Profile, match: Match, rank: int) -> dict[str, Any]:
    flat = flat_row(match, rank)
    return {"rank": rank, "profile": profile.path, "name": profile.name or "", **{k: flat[k] for k in SHORTLIST_FIELDS[3:]}}


def shortlist_table(posting: Posting, rows: Sequence[tuple[Profile, Match]]) -> Table:
    table = Table(
        title=f"Candidates for {escape(posting.title)} ({escape(posting.id)})",
        box=box.SIMPLE_HEAD,
        title_justify="left",
        show_lines=True,
    )
    for column in ("#", "candidate · why", "eligible", "req", "pref", "score"):
        table.add_column(column, justify="right" if column in ("#", "req", "pref", "score") else "left")
    for i, (profile, m) in enumerate(rows, 1):
        cell = Text(profile.display_name, style="bold")
        cell.append(f"\n{profile.path}", style="dim")
        table.add_row(str(i), _with_reasons(cell, m.reasons), *_match_cells(m))
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
    import re

    try:
        from rich._export_format import CONSOLE_SVG_FORMAT
    except ImportError:  # pragma: no cover - a rich without it: keep rich's own default
        from rich.console import CONSOLE_SVG_FORMAT
    return re.sub(r',?\s*url\("https?://[^"]*"\) format\("[^"]*"\)', "", CONSOLE_SVG_FORMAT)


def draft_yaml(draft: Draft) -> str:
    """A drafted posting as YAML for a person to review, with what was not placed as comments."""
    import yaml

    from matcher.knowledge import SAFE_DUMPER

    head = (
        f"# Drafted by `intern-match ingest` from {draft.posting.get('source')}. Review it before use:\n"
        "# check each qualification against its quote, and required against preferred.\n"
    )
    body = yaml.dump(draft.posting, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    tail = ""
    if draft.application_steps:
        tail += "\n# Application steps (not qualifications):\n" + "".join(f"#   - {s}\n" for s in draft.application_steps)
    if draft.unplaced:
        tail += "\n# Not placed; add anything here that is a qualification:\n" + "".join(
            f"#   - {line[:200]}\n" for line in draft.unplaced
        )
    return head + body + tail


def skipped_notes(skipped: Sequence[Skipped]) -> list[str]:
    return [f"warning: skipped {s.path}:\n  " + s.error.replace("\n", "\n  ") for s in skipped]
