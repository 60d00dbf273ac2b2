"""Matches -> what scripts read: JSON documents, JSON lines, CSV and TSV rows (and posting drafts).

Renderers return objects or strings and never print; cli.py decides where output goes. What
people read in a terminal (rich tables and panels) is in matcher.terminal, so that the commands
scripts run do not import rich.
"""

from __future__ import annotations

import csv
import enum
import io
import itertools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, Any

from matcher.display_text import has_unsafe, visible
from matcher.json_output import Encoded, json_chunks, jsonl_lines, to_json  # noqa: F401 - the JSON of these documents
from matcher.models import Judgement, Match, Posting, Profile, QualificationResult, Ranked, Verdict, group_members
from matcher.selection import posting_status

if TYPE_CHECKING:  # only named in annotations: importing them would slow every command's start
    from matcher.folders import Skipped
    from matcher.gaps import Gap
    from matcher.knowledge.venues import Venue, VenueResolution
    from matcher.profile_reading import ProfileReading
    from matcher.validation import Checked

SCHEMA_VERSION = 1
"""Bumped only when a key of the JSON output changes meaning; adding keys does not bump it."""


class OutputFormat(enum.StrEnum):
    TABLE = "table"
    JSON = "json"
    JSONL = "jsonl"
    CSV = "csv"
    TSV = "tsv"


# ----------------------------------------------------------------------------- plain data


def iso_date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def judgement_dict(j: Judgement) -> dict[str, Any]:
    data: dict[str, Any] = {
        "verdict": j.verdict._value_,  # the member's value (`.value` is a descriptor written in Python)
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
        "deadline": iso_date(posting.deadline),
        "start": iso_date(posting.start),
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


def match_dict(match: Match, rank: int, *, today: date) -> dict[str, Any]:
    """One result, with at least the keys of FORMATS.md; `status` as of `today`."""
    topic = match.topic_fit
    return {
        "rank": rank,
        **posting_dict(match.posting),
        "status": posting_status(match.posting, today),
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


def ranking_document(profile: Profile, matches: Iterable[Match], skipped: Sequence[Skipped], today: date) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "profile": profile_dict(profile),
        "results": (match_dict(m, i, today=today) for i, m in enumerate(matches, 1)),  # streamed: json_chunks
        "skipped": [skipped_dict(s) for s in skipped],
    }


def explanation_document(match: Match, profile: Profile, today: date) -> dict[str, Any]:
    """One posting explained for one profile (`explain --format json`)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "profile": profile_dict(profile),
        "result": match_dict(match, 1, today=today),
    }


def ranking_json(
    profiles: Sequence[Profile], results: Iterable[dict[str, Any] | Encoded], skipped: Sequence[Skipped], today: date
) -> dict[str, Any]:
    """`rank --format json`: one profile's ranking, or several profiles' (each result naming its
    profile), with `results` as matcher.explained_json makes them, streamed by json_chunks."""
    several = len(profiles) > 1
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        **({"profiles": [profile_dict(p) for p in profiles]} if several else {"profile": profile_dict(profiles[0])}),
        "results": iter(results),
        "skipped": [skipped_dict(s) for s in skipped],
    }


def ranking_rows(
    ranked: Sequence[tuple[Profile, Sequence[Ranked]]], today: date
) -> tuple[Iterable[tuple[Any, ...]], tuple[str, ...]]:
    """`rank`'s flat rows (CSV, TSV, tables) and their fields. With several profiles each row
    names its profile."""
    several = len(ranked) > 1
    rows = (
        (*((c.path,) if several else ()), *flat_values(m, i, today=today))
        for c, matches in ranked
        for i, m in enumerate(matches, 1)
    )
    return rows, (("profile", *FLAT_FIELDS) if several else FLAT_FIELDS)


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
    "status",
)
"""Only ever added to, at the end: scripts read these columns by position too."""


def flat_values(match: Ranked, rank: int, *, today: date) -> tuple[Any, ...]:
    """A ranking row's values, in FLAT_FIELDS order; `status` as of `today`."""
    posting = match.posting
    return (
        rank,
        posting.id,
        posting.title,
        posting.organization,
        "; ".join(posting.location),
        iso_date(posting.deadline) or "",
        "yes" if match.eligible else "no",
        f"{match.score:.4f}",
        *match.met_and_totals(),
        "; ".join(match.reasons),
        posting.source or "",
        posting_status(posting, today),
    )


def flat_row(match: Ranked, rank: int, *, today: date) -> dict[str, Any]:
    return dict(zip(FLAT_FIELDS, flat_values(match, rank, today=today), strict=True))


DELIMITED_BLOCK = 256
"""Rows written at a time as CSV or TSV: few enough that output streams, enough that checking
and writing a block costs little per row (tens of thousands of rows are written in a run)."""


def delimited_lines(rows: Iterable[dict[str, Any] | tuple[Any, ...]], fields: Sequence[str], delimiter: str) -> Iterator[str]:
    """CSV (quoted as needed) or TSV (tabs and newlines inside values become spaces), as text of
    a header line and then of up to DELIMITED_BLOCK lines at a time. A row is a dict, or a tuple
    of the fields' values in order, each a string or a number (flat_values). A dict's lists are
    joined with "; " and its None is left empty. Every text cell is made safe for a spreadsheet
    and a terminal (spreadsheet_cell); a block is checked as a whole first, as most need nothing."""

    def cell(value: Any) -> Any:
        return "; ".join(value) if isinstance(value, list) else ("" if value is None else value)

    def values_of(row: dict[str, Any] | tuple[Any, ...]) -> Sequence[Any]:
        return row if isinstance(row, tuple) else [cell(row.get(f)) for f in fields]

    rows = iter(rows)
    if delimiter == "\t":
        yield "\t".join(fields) + "\n"
        tabs = len(fields) - 1
        while block := [values_of(row) for row in itertools.islice(rows, DELIMITED_BLOCK)]:
            text = "".join(["\t".join(map(str, values)) + "\n" for values in block])
            if not _plain_tsv(text, tabs, len(block)):
                # a value holds a control character, a tab, a line break or spaces to close up
                text = "".join(
                    ["\t".join([spreadsheet_cell(" ".join(str(v).split())) for v in values]) + "\n" for values in block]
                )
            else:  # plain: each value starts the text, or follows a tab or a line break
                text = _guard_plain_tsv(text)
            yield text
        return
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    yield out.getvalue()
    while block := [values_of(row) for row in itertools.islice(rows, DELIMITED_BLOCK)]:
        out.seek(0)
        out.truncate()
        # spreadsheet_cell inline, less visible(): tens of thousands of values, rarely any unsafe
        writer.writerows(
            [["'" + v if isinstance(v, str) and v.startswith(FORMULA_STARTS) else v for v in values] for values in block]
        )
        if has_unsafe(out.getvalue()):
            out.seek(0)
            out.truncate()
            writer.writerows([[spreadsheet_cell(v) for v in values] for values in block])
        yield out.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection")."""


def spreadsheet_cell(value: Any) -> Any:
    """A CSV or TSV cell that a spreadsheet shows as text and a terminal cannot act on: a cell
    beginning with = + - @ tab or carriage return gets a leading single quote, as OWASP
    recommends (`=HYPERLINK(...)` is written `'=HYPERLINK(...)`), and control characters are
    shown as escapes (matcher.display_text). Numbers (ranks, scores, counts) are left as they are."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _guard_plain_tsv(text: str) -> str:
    """Plain TSV lines (see _plain_tsv) with a quote before each value that begins like a formula.
    A tab, carriage return or control character cannot begin a value of plain TSV."""
    for start in ("=", "+", "-", "@"):
        if start in text:
            text = text.replace("\t" + start, "\t'" + start).replace("\n" + start, "\n'" + start)
            if text.startswith(start):
                text = "'" + text
    return text


def _plain_tsv(text: str, tabs: int, lines: int) -> bool:
    """Whether no value in these TSV lines needs its white space closed up: each line's only tabs
    are the `tabs` separators, its only line break ends it, and it has no other white space than
    single spaces inside values. Checked on the UTF-8 bytes, where these scans cost least (no byte
    of a multi-byte character is ASCII)."""
    try:
        data = text.encode()
    except UnicodeEncodeError:  # a lone surrogate: visible() escapes it
        return False
    if data.count(b"\t") != tabs * lines or data.count(b"\n") != lines or data[:1] == b" ":
        return False
    rest = data.translate(None, _PRINTABLE_ASCII)  # control characters and non-ASCII ones: few
    if rest and not rest.decode().isprintable():  # a carriage return, a no-break space, ...
        return False
    separated = data.translate(_LINE_BREAK_AS_TAB)  # each value now ends at a tab
    return b"  " not in separated and b" \t" not in separated and b"\t " not in separated


_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"
_LINE_BREAK_AS_TAB = bytes.maketrans(b"\n", b"\t")


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


def reading_dict(reading: ProfileReading) -> dict[str, Any]:
    p = reading.profile
    return {
        "schema_version": SCHEMA_VERSION,
        "profile": profile_dict(p),
        "degree": {
            "stage": p.degree.stage.label,
            "enrolled": p.degree.enrolled,
            "year": p.degree.year,
            "expected_graduation": iso_date(p.degree.expected_graduation),
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
        else {"start": iso_date(p.availability.start), "end": iso_date(p.availability.end)},
        "warnings": list(p.warnings),
    }


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


def shortlist_document(posting: Posting, rows: Sequence[tuple[Profile, Match]], today: date) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "today": today.isoformat(),
        "posting": posting_dict(posting),
        "results": [shortlist_dict(p, m, i, today=today) for i, (p, m) in enumerate(rows, 1)],
    }


def shortlist_dict(profile: Profile, match: Match, rank: int, *, today: date) -> dict[str, Any]:
    result = match_dict(match, rank, today=today)
    keep = ("eligible", "score", "required", "preferred", "reasons", "qualifications", "topics")
    return {"rank": rank, "profile": profile.path, "name": profile.name, **{k: result[k] for k in keep}}


SHORTLIST_FIELDS = ("rank", "profile", "name", *FLAT_FIELDS[FLAT_FIELDS.index("eligible") : FLAT_FIELDS.index("reasons") + 1])
"""A candidate's row: who, then the same verdict columns a ranking row has."""


def shortlist_row(profile: Profile, match: Match, rank: int, *, today: date) -> dict[str, Any]:
    flat = flat_row(match, rank, today=today)
    return {"rank": rank, "profile": profile.path, "name": profile.name or "", **{k: flat[k] for k in SHORTLIST_FIELDS[3:]}}


def skipped_notes(skipped: Sequence[Skipped]) -> list[str]:
    return [visible(f"warning: skipped {s.path}:\n  " + s.error.replace("\n", "\n  ")) for s in skipped]
