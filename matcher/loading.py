"""Profile and posting files -> models, with every problem positioned at file:line:column.

The text is parsed and its values read by type in matcher.positioned; each qualification's kind
is read by its rule (matcher.rules). Folders of postings are read here too: a broken posting is
skipped and reported, and the others still rank.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

from matcher.errors import InputError, Problem
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
)
from matcher.positioned import (
    STDIN,
    ValueReader,
    items_of,
    parse_json,
    parse_yaml,
    parse_yaml_stream,
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
)


def load_profile(path: str, today: date | None = None) -> Profile:
    """Read and validate a profile: profile YAML (or the same as JSON), or a JSON Resume
    document (`resume.json`). `-` reads standard input."""
    text = read_text(path)
    if path.endswith(".json") or text.lstrip().startswith("{"):
        document = parse_json(text, path)
        if is_json_resume(document):
            return profile_from_yaml(profile_from_json_resume(document, today), path)
        return profile_from_yaml(document, path)
    return profile_from_yaml(parse_yaml(text, path), path)


def profile_from_yaml(document: Any, path: str) -> Profile:
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
            ["stage", "field", "enrolled", "year", "expected_graduation", "thesis"],
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
            year=reader.number(d, "year", "degree", integer=True, minimum=1),
            expected_graduation=reader.date(d, "expected_graduation", "degree", end=True),
            thesis=reader.text(d, "thesis", "degree"),
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
    warnings: list[str] = []
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
            # Relative to the profile's folder, so a profile and its papers.bib travel together.
            bib_path = str(Path(bib) if Path(bib).is_absolute() or path == STDIN else Path(path).parent / bib)
            try:
                imported = publications_from_bibtex(read_text(bib_path), bib_path)
            except InputError as error:
                reader.problems.extend(error.problems)
                continue
            warnings.extend(imported.warnings)
            publications.extend(Publication(title=e["title"], venue=e["venue"], year=e["year"]) for e in imported.publications)
            continue
        publications.append(
            Publication(
                title=reader.text(p, "title", "publications"),
                venue=reader.text(p, "venue", "publications"),
                year=reader.number(p, "year", "publications", integer=True, minimum=1900),
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

    profile = Profile(
        path=path,
        degree=degree,
        name=reader.text(top, "name", "profile"),
        research_experience_years=reader.number(top, "research_experience_years", "profile"),
        experience=tuple(experience),
        publications=tuple(publications),
        skills=reader.texts(top, "skills", "profile"),
        interests=reader.texts(top, "interests", "profile"),
        location=location,
        availability=availability,
        statement=reader.text(top, "statement", "profile"),
        warnings=tuple(warnings),
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
SOURCE_KEYS = ("board", "name", "board_id", "url", "fetched_at", "updated_at", "content_hash")  # fetch's `source` mapping


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
        duration_weeks=reader.number(top, "duration_weeks", "posting", integer=True, minimum=1),
        pay=pay,
        source=_source(reader, top),
        topics=reader.texts(top, "topics", "posting"),
        status=_status(reader, top),
        closed_on=reader.date(top, "closed_on", "posting"),
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
    weight = reader.number(m, "weight", where)
    if criterion is None:
        return None
    return Qualification(
        criterion=criterion,
        quote=reader.text(m, "quote", where),
        weight=1.0 if weight is None else float(weight),
        note=reader.text(m, "note", where),
    )


# ----------------------------------------------------------------------------- folders


@dataclass(frozen=True, slots=True)
class Skipped:
    """A posting file that could not be read; the others still rank."""

    path: str
    error: str


@dataclass(frozen=True, slots=True)
class PostingSet:
    postings: tuple[Posting, ...]
    skipped: tuple[Skipped, ...]


# In a folder `fetch` writes, neither is a posting: sources.yaml lists its sources and what it wrote;
# <id>.new.yaml is a draft set beside a file a person edited, for them to merge (it repeats the id).
FETCH_SOURCES_FILE = "sources.yaml"
NEW_DRAFT_SUFFIX = ".new.yaml"


def is_fetch_bookkeeping(name: str) -> bool:
    """Whether a file name in a postings folder is one of fetch's own files rather than a posting."""
    return name == FETCH_SOURCES_FILE or name.endswith(NEW_DRAFT_SUFFIX)


def validation_targets(paths: Iterable[str]) -> list[str]:
    """Files named, and the YAML and JSON files inside folders named (recursively, hidden ones and
    fetch's bookkeeping aside)."""
    files: list[str] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            files += sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix in (".yaml", ".yml", ".json")
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
                and not is_fetch_bookkeeping(p.name)
            )
        else:
            files.append(name)
    return files


def bundled_postings_dir() -> Path:
    return Path(str(resources.files("matcher.postings")))


def posting_names(folder: Path) -> list[str]:
    """The names of the folder's posting files, sorted. Read with scandir, as strings: for 10,000
    files, Path objects and a stat per file cost more than the rest of a cached load."""
    with os.scandir(folder) as entries:
        # A name with a posting suffix and more than dots before it (".yaml" is a hidden file's
        # whole name, as os.path.splitext has it, which costs more than the rest of this line).
        return sorted(
            e.name
            for e in entries
            if e.name.endswith((".yaml", ".yml"))
            and e.name.lstrip(".") not in ("yaml", "yml")
            and not is_fetch_bookkeeping(e.name)
            and e.is_file()
        )


def paths_in(folder: Path, names: list[str]) -> list[str]:
    """The names' paths in the folder, as strings (os.path.join per name costs 3 µs)."""
    prefix = os.path.join(folder, "")
    return [prefix + name for name in names]


def posting_files(folder: Path) -> list[Path]:
    """The folder's posting files, by name."""
    return [folder / name for name in posting_names(folder)]


FolderReader = Callable[[Path, list[str], Callable[[int, int], None] | None], "list[Posting | InputError]"]
"""Loads the named posting files of one folder, reporting progress (the cache and parallel
parsing plug in here)."""


def load_postings(
    source: str | Path,
    *,
    strict: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
    read_folder: FolderReader | None = None,
) -> PostingSet:
    """Every posting in a folder, one posting file, or standard input (`-`: a YAML stream of
    postings separated by `---`, or JSON lines). Broken postings are skipped and reported;
    with `strict`, the first one is an InputError instead."""
    candidates: list[Candidate]
    if str(source) == STDIN:
        candidates = _stdin_postings(read_text(STDIN))
    else:
        path = Path(source)
        if not path.exists():
            raise InputError(Problem(str(source), "no such folder or file"))
        if path.is_file():
            candidates = [(str(path), partial(load_posting, str(path)))]
        else:
            names = posting_names(path)
            paths = paths_in(path, names)
            if read_folder is not None:
                outcomes = read_folder(path, names, on_progress)
                on_progress = None  # the reader has reported the slow part
                candidates = list(zip(paths, outcomes, strict=True))
            else:
                candidates = [(p, partial(load_posting, p)) for p in paths]
    postings: list[Posting] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for done, (name, outcome) in enumerate(candidates, 1):
        if on_progress is not None:
            on_progress(done, len(candidates))
        try:
            if isinstance(outcome, InputError):
                raise outcome
            posting = outcome if isinstance(outcome, Posting) else outcome()
            if posting.id in seen:
                raise InputError(Problem(name, f"duplicate posting id '{posting.id}' (also in {seen[posting.id]})"))
        except InputError as error:
            if strict:
                raise
            skipped.append(Skipped(name, str(error)))
            continue
        seen[posting.id] = name
        postings.append(posting)
    return PostingSet(tuple(postings), tuple(skipped))


Candidate = tuple[str, "Posting | InputError | Callable[[], Posting]"]
"""A posting's name and the posting, its error, or what loads it (and may raise InputError)."""


def _stdin_postings(text: str) -> list[Candidate]:
    """Postings from standard input, each with its loader or its error."""
    if text.lstrip().startswith("{"):
        out: list[Candidate] = []
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            name = f"-:{number}"
            try:
                document = json.loads(line)
            except json.JSONDecodeError as error:
                out.append((name, InputError(Problem(STDIN, f"invalid JSON: {error.msg}", number, error.colno))))
                continue
            out.append((name, partial(posting_from_yaml, document, f"-:{number}", default_id=f"stdin-{number}")))
        return out
    documents, stream_error = parse_yaml_stream(text, STDIN)
    single = len(documents) == 1 and stream_error is None
    out = [
        (f"-#{i}", partial(posting_from_yaml, d, STDIN, default_id="stdin" if single else f"stdin-{i}"))
        for i, d in enumerate(documents, 1)
    ]
    if stream_error is not None:
        out.append((f"-#{len(documents) + 1}", stream_error))
    elif not documents:
        out.append(("-", InputError(Problem(STDIN, "no postings on standard input"))))
    return out
