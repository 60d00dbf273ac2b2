"""Profile and posting files -> models, with every problem positioned at file:line:column.

The text is parsed and its values read by type in matcher.positioned; each qualification's kind
is read by its rule (matcher.rules). Folders and standard input of postings are matcher.folders.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from matcher.errors import InputError
from matcher.importers import is_json_resume, profile_from_json_resume, publications_from_bibtex
from matcher.knowledge.places import gazetteer
from matcher.models import (
    Availability,
    Degree,
    Experience,
    Pay,
    Posting,
    Profile,
    ProfileLocation,
    Publication,
    Qualification,
    Stage,
    TextCriterion,
    WorkAuthorization,
)
from matcher.positioned import (
    MAX_WEEKS,
    MAX_WEIGHT,
    MAX_YEARS_OF_RESEARCH,
    STDIN,
    YEARS,
    ValueReader,
    items_of,
    parse_json,
    parse_yaml,
    read_stages,
    read_text,
    type_name,
    value_mark,
)
from matcher.rules import kinds, rule_of_kind

QUALIFICATION_COMMON = ("quote", "weight", "note")


# ----------------------------------------------------------------------------- profile


PROFILE_KEYS = (
    "name",
    "degree",
    "research_experience_years",
    "experience",
    "publications",
    "skills",
    "interests",
    "location",
    "availability",
    "statement",
    "work_authorization",
)


def load_profile(path: str, today: date | None = None) -> Profile:
    """Read and validate a profile: profile YAML (or the same as JSON), or a JSON Resume
    document (`resume.json`). `-` reads standard input."""
    text = read_text(path)
    if path.endswith(".json") or text.lstrip().startswith("{"):
        document = parse_json(text, path)
        if is_json_resume(document):
            return profile_from_resume(document, path, today)
        return profile_from_yaml(document, path)
    return profile_from_yaml(parse_yaml(text, path), path)


def profile_from_resume(document: dict[str, Any], path: str, today: date | None = None) -> Profile:
    """A JSON Resume read as a profile, with what it left out as warnings naming the field."""
    left_out: list[str] = []
    data = profile_from_json_resume(document, today, left_out)
    return profile_from_yaml(data, path, warnings=[f"{path}: {w}" for w in left_out])


BIBTEX_ANYWHERE_ENV = "INTERN_MATCH_BIBTEX_ANYWHERE"
"""Set to 1 to let a profile's `bibtex:` name a file outside the profile's folder."""


def _bibtex_path(bib: str, profile_path: str) -> str | None:
    """Where a profile's `bibtex:` file is: relative to the profile's folder, so a profile and its
    papers.bib travel together (the working folder for standard input). None when it is outside
    that folder, after following links: a profile is often someone else's file (a mentor
    shortlists many), and must not make the tool read, and echo in warnings, any file on the
    machine."""
    folder = Path.cwd() if profile_path == STDIN else Path(profile_path).parent
    candidate = Path(bib) if Path(bib).is_absolute() else folder / bib
    if os.environ.get(BIBTEX_ANYWHERE_ENV) == "1":
        return str(candidate)
    try:
        inside = candidate.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a symlink loop: read_text reports it
        inside = True
    return str(candidate) if inside else None


def profile_from_yaml(document: Any, path: str, warnings: Iterable[str] = ()) -> Profile:
    """A profile from its parsed document; `warnings` are kept with it, after the loader's own."""
    reader = ValueReader(path)
    top = reader.mapping(document, getattr(document, "mark", None), "profile", PROFILE_KEYS, ["degree"])
    if top is None:
        raise InputError(reader.problems)

    degree = Degree(stage=Stage.PHD)
    d = (
        reader.mapping(
            top.get("degree"),
            value_mark(top, "degree"),
            "degree",
            ["stage", "field", "enrolled", "year", "expected_graduation", "thesis", "institution", "institution_location"],
            ["stage"],
        )
        if "degree" in top
        else None
    )
    if d is not None:
        stages = read_stages(reader, d, "stage", "degree") if d.get("stage") is not None else ()
        if len(stages) > 1:
            reader.problem("degree.stage: a profile has one degree stage", value_mark(d, "stage"))
        enrolled = reader.boolean(d, "enrolled", "degree")
        degree = Degree(
            stage=stages[0] if stages else Stage.PHD,
            field=reader.text(d, "field", "degree"),
            enrolled=True if enrolled is None else enrolled,
            year=reader.number(d, "year", "degree", integer=True, minimum=1, maximum=20),
            expected_graduation=reader.date(d, "expected_graduation", "degree", end=True),
            thesis=reader.text(d, "thesis", "degree"),
            institution=reader.text(d, "institution", "degree"),
            institution_location=reader.text(d, "institution_location", "degree"),
        )

    experience: list[Experience] = []
    for item, mark in items_of(top.get("experience"), value_mark(top, "experience")) if top.get("experience") is not None else []:
        e = reader.mapping(
            item, mark, "experience", ["role", "organization", "start", "end", "research", "description", "topics"], ["role"]
        )
        if e is None:
            continue
        end = reader.date(e, "end", "experience", end=True, present_ok=True)
        research = reader.boolean(e, "research", "experience")
        experience.append(
            Experience(
                role=reader.text(e, "role", "experience") or "",
                organization=reader.text(e, "organization", "experience"),
                start=reader.date(e, "start", "experience"),
                end=None if end in (None, "present") else end,
                research=bool(research),
                description=reader.text(e, "description", "experience"),
                topics=reader.texts(e, "topics", "experience"),
            )
        )

    publications: list[Publication] = []
    notes: list[str] = []
    for item, mark in (
        items_of(top.get("publications"), value_mark(top, "publications")) if top.get("publications") is not None else []
    ):
        p = reader.mapping(item, mark, "publications", ["title", "venue", "year", "bibtex"])
        if p is None:
            continue
        if "bibtex" in p:
            bib = reader.text(p, "bibtex", "publications")
            if bib is None:
                continue
            bib_path = _bibtex_path(bib, path)
            if bib_path is None:
                reader.problem(
                    f"publications.bibtex: '{bib}' is outside the profile's folder; a profile reads BibTeX "
                    f"only from its own folder or below (set {BIBTEX_ANYWHERE_ENV}=1 to allow any path)",
                    value_mark(p, "bibtex"),
                )
                continue
            try:
                imported = publications_from_bibtex(read_text(bib_path), bib_path)
            except InputError as error:
                reader.problems.extend(error.problems)
                continue
            notes.extend(imported.warnings)
            publications.extend(Publication(title=e["title"], venue=e["venue"], year=e["year"]) for e in imported.publications)
            continue
        publications.append(
            Publication(
                title=reader.text(p, "title", "publications"),
                venue=reader.text(p, "venue", "publications"),
                year=reader.number(p, "year", "publications", integer=True, minimum=YEARS[0], maximum=YEARS[1]),
            )
        )

    location = None
    if top.get("location") is not None:
        loc = reader.mapping(
            top["location"], value_mark(top, "location"), "location", ["current", "willing_to_relocate", "preferred"]
        )
        if loc is not None:
            willing = reader.boolean(loc, "willing_to_relocate", "location")
            location = ProfileLocation(
                current=reader.text(loc, "current", "location"),
                willing_to_relocate=True if willing is None else willing,
                preferred=gazetteer().join_parts(reader.texts(loc, "preferred", "location")),
            )

    availability = None
    if top.get("availability") is not None:
        a = reader.mapping(top["availability"], value_mark(top, "availability"), "availability", ["start", "end"])
        if a is not None:
            availability = Availability(
                start=reader.date(a, "start", "availability"),
                end=reader.date(a, "end", "availability", end=True),
            )
            if availability.start and availability.end and availability.end < availability.start:
                reader.problem("availability: end is before start", value_mark(a, "end"))

    work_authorization = None
    if top.get("work_authorization") is not None:
        w = reader.mapping(
            top["work_authorization"],
            value_mark(top, "work_authorization"),
            "work_authorization",
            ["citizen_of", "permanent_resident_of", "authorized_in"],
        )
        if w is not None:
            work_authorization = WorkAuthorization(
                citizen_of=reader.texts(w, "citizen_of", "work_authorization"),
                permanent_resident_of=reader.texts(w, "permanent_resident_of", "work_authorization"),
                authorized_in=reader.texts(w, "authorized_in", "work_authorization"),
            )

    profile = Profile(
        path=path,
        degree=degree,
        name=reader.text(top, "name", "profile"),
        research_experience_years=reader.number(top, "research_experience_years", "profile", maximum=MAX_YEARS_OF_RESEARCH),
        experience=tuple(experience),
        publications=tuple(publications),
        skills=reader.texts(top, "skills", "profile"),
        interests=reader.texts(top, "interests", "profile"),
        location=location,
        availability=availability,
        statement=reader.text(top, "statement", "profile"),
        work_authorization=work_authorization,
        warnings=(*notes, *warnings),
    )
    if reader.problems:
        raise InputError(reader.problems)
    return profile


# ----------------------------------------------------------------------------- posting


POSTING_KEYS = (
    "id",
    "title",
    "organization",
    "team",
    "location",
    "deadline",
    "start",
    "duration_weeks",
    "pay",
    "source",
    "topics",
    "status",
    "closed_on",
    "required",
    "preferred",
)
POSTING_STATUSES = ("open", "closed")
SOURCE_KEYS = (
    "board",
    "name",
    "board_id",
    "url",
    "first_seen",
    "fetched_at",
    "updated_at",
    "content_hash",
)  # fetch's `source` mapping


def load_posting(path: str) -> Posting:
    """Read and validate one posting file; its id defaults to the file name without .yaml."""
    return posting_from_yaml(parse_yaml(read_text(path), path), path)


def posting_from_yaml(document: Any, path: str, default_id: str | None = None) -> Posting:
    reader = ValueReader(path)
    top = reader.mapping(document, getattr(document, "mark", None), "posting", POSTING_KEYS, ["title", "organization"])
    if top is None:
        raise InputError(reader.problems)
    pay = None
    if top.get("pay") is not None:
        p = reader.mapping(top["pay"], value_mark(top, "pay"), "pay", ["min", "max", "currency", "per"])
        if p is not None:
            pay = Pay(
                min=reader.number(p, "min", "pay"),
                max=reader.number(p, "max", "pay"),
                currency=reader.text(p, "currency", "pay"),
                per=reader.text(p, "per", "pay"),
            )
    sections: dict[str, tuple[Qualification, ...]] = {}
    for section in ("required", "preferred"):
        value = top.get(section)
        found: list[Qualification] = []
        if value is not None:
            if not isinstance(value, list):
                reader.problem(f"{section}: expected a list of qualifications, got {type_name(value)}", value_mark(top, section))
            else:
                for item, mark in items_of(value, value_mark(top, section)):
                    qualification = _qualification(reader, item, mark, section)
                    if qualification is not None:
                        found.append(qualification)
        sections[section] = tuple(found)

    stem = default_id or Path(path).name.removesuffix(".yaml").removesuffix(".yml")
    posting = Posting(
        id=reader.text(top, "id", "posting") or stem,
        title=reader.text(top, "title", "posting") or "",
        organization=reader.text(top, "organization", "posting") or "",
        path=path,
        location=gazetteer().join_parts(reader.texts(top, "location", "posting")),
        team=reader.text(top, "team", "posting"),
        deadline=reader.date(top, "deadline", "posting", end=True),
        start=reader.date(top, "start", "posting"),
        duration_weeks=reader.number(top, "duration_weeks", "posting", integer=True, minimum=1, maximum=MAX_WEEKS),
        pay=pay,
        source=_source(reader, top),
        topics=reader.texts(top, "topics", "posting"),
        status=_status(reader, top),
        closed_on=reader.date(top, "closed_on", "posting"),
        first_seen=_first_seen(reader, top),
        required=sections["required"],
        preferred=sections["preferred"],
    )
    if reader.problems:
        raise InputError(reader.problems)
    return posting


def _source(reader: ValueReader, top: Any) -> str | None:
    """`source`: a URL or file name, or the mapping `fetch` writes, read as its URL (else board:name/id)."""
    if not isinstance(top.get("source"), dict):
        return reader.text(top, "source", "posting")
    s = reader.mapping(top["source"], value_mark(top, "source"), "source", SOURCE_KEYS)
    values = {key: reader.text(s, key, "source") for key in SOURCE_KEYS} if s is not None else {}
    where = ":".join(v for v in (values.get("board"), values.get("name")) if v)
    return values.get("url") or "/".join(v for v in (where, values.get("board_id")) if v) or None


def _first_seen(reader: ValueReader, top: Any) -> datetime | None:
    """`source.first_seen`: when fetch first wrote the posting (only in fetch's `source` mapping)."""
    source = top.get("source")
    return reader.moment(source, "first_seen", "source") if isinstance(source, dict) else None


def _status(reader: ValueReader, top: Any) -> str | None:
    if (status := reader.text(top, "status", "posting")) not in (None, *POSTING_STATUSES):
        reader.problem(f"status: '{status}' is not one of {', '.join(POSTING_STATUSES)}", value_mark(top, "status"))
    return None if status == "open" else status


def _qualification(reader: ValueReader, value: Any, mark: Any, where: str) -> Qualification | None:
    if isinstance(value, str):
        # A bare sentence is a text qualification quoting itself.
        return Qualification(TextCriterion(value.strip()), quote=value.strip())
    known = kinds()
    m = reader.mapping(value, mark, where, known + QUALIFICATION_COMMON)
    if m is None:
        return None
    named = [k for k in m if k in known]
    if len(named) != 1:
        if not named and not any(k not in QUALIFICATION_COMMON for k in m):
            reader.problem(f"{where}: a qualification needs one kind key ({', '.join(known)})", m.mark)
        elif len(named) > 1:
            reader.problem(
                f"{where}: one kind key per qualification, found {', '.join(named)}; wrap alternatives in any_of or all_of",
                m.mark,
            )
        return None
    kind = named[0]
    criterion = rule_of_kind(kind).read(reader, m.get(kind), value_mark(m, kind), f"{where}.{kind}", _qualification)
    weight = reader.number(m, "weight", where, maximum=MAX_WEIGHT)
    if criterion is None:
        return None
    return Qualification(
        criterion=criterion,
        quote=reader.text(m, "quote", where),
        weight=1.0 if weight is None else float(weight),
        note=reader.text(m, "note", where),
    )
