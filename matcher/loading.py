"""Profile and posting files -> models, with every problem positioned at file:line:column.

YAML is parsed by libyaml's C loader when PyYAML has it, always with a safe loader: tags such as
`!!python/object` are refused, never executed. Dates stay text until this module checks them,
so "2021-02-30" is reported, not turned into a crash.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import partial
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from matcher.display_text import visible
from matcher.errors import InputError, Problem, UsageError
from matcher.imports import is_json_resume, profile_from_json_resume, publications_from_bibtex
from matcher.knowledge import SAFE_LOADER
from matcher.knowledge.degrees import STAGE_ALIASES, parse_stage
from matcher.knowledge.places import gazetteer
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import (
    AllOfCriterion,
    AnyOfCriterion,
    Availability,
    AvailabilityCriterion,
    Criterion,
    Degree,
    DegreeCriterion,
    Experience,
    LocationCriterion,
    Pay,
    Posting,
    Profile,
    ProfileLocation,
    Publication,
    PublicationsCriterion,
    Qualification,
    ResearchExperienceCriterion,
    SkillsCriterion,
    Stage,
    TextCriterion,
)

MAX_FILE_BYTES = 10 * 1024 * 1024
"""Profiles and postings are a few KB; a file this large is a mistake, not a posting."""
MAX_LIST_ITEMS = 10_000
"""Items a list may hold (skills, topics, qualifications, any YAML list). A real profile lists
tens of skills; a list this long is an attack on the time ranking takes, and is refused."""
YEARS = (1900, 2999)
"""The years a date or a year may be in: wider than any internship, narrow enough that adding
a posting's weeks to a date can never leave the calendar."""
MAX_WEEKS = 520
"""An internship of ten years is a mistake; a million weeks would overflow the calendar."""
MAX_WEIGHT = 1000.0
"""A qualification's weight: larger ones would only make sums of weights overflow."""
MAX_YEARS_OF_RESEARCH = 100.0
MAX_COUNT = 1000
"""A count asked for (publications, skills of a list): far above any posting's."""

STDIN = "-"

QUALIFICATION_KINDS = (
    "degree",
    "research_experience",
    "publications",
    "skills",
    "location",
    "availability",
    "text",
    "any_of",
    "all_of",
)
QUALIFICATION_COMMON = ("quote", "weight", "note")


# ----------------------------------------------------------------------------- YAML with positions


class YMap(dict[Any, Any]):
    """A mapping that remembers where its keys and values stand in the file."""

    mark: Any = None
    key_marks: dict[Any, Any]
    value_marks: dict[Any, Any]


class YList(list[Any]):
    mark: Any = None
    item_marks: list[Any]


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _PositionedLoader(SAFE_LOADER):  # type: ignore[misc, valid-type]
    """The safe loader, keeping positions and leaving dates as text."""


_NUMBER_TAGS = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
_PositionedLoader.yaml_implicit_resolvers = {  # type: ignore[attr-defined]
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp" and tag not in _NUMBER_TAGS]
    for first, resolvers in SAFE_LOADER.yaml_implicit_resolvers.items()  # type: ignore[attr-defined]
}
# Numbers as people write them in decimal. YAML 1.1 also reads `012` as octal 10, `1:30` as
# sexagesimal 90 and `0x1f` as hex: a year, a duration or a title written so would silently
# become another number; here they stay text (and a number expected there says so).
_PositionedLoader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$"), list("-+0123456789"))
_PositionedLoader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(
        r"^(?:[-+]?[0-9][0-9_]*\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
    ),
    list("-+0123456789."),
)


def _construct_map(loader: Any, node: yaml.MappingNode) -> Any:
    data = YMap()
    data.mark, data.key_marks, data.value_marks = node.start_mark, {}, {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text, not a list or mapping", key_node.start_mark
            ) from None
        if key in data:
            raise _DuplicateKey(None, None, f"duplicate key '{key}'", key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.key_marks[key] = key_node.start_mark
        data.value_marks[key] = value_node.start_mark


def _construct_seq(loader: Any, node: yaml.SequenceNode) -> Any:
    if len(node.value) > MAX_LIST_ITEMS:
        raise yaml.constructor.ConstructorError(
            None, None, f"a list of {len(node.value):,} items; at most {MAX_LIST_ITEMS:,} are read", node.start_mark
        )
    data = YList()
    data.mark, data.item_marks = node.start_mark, [child.start_mark for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=True) for child in node.value)


_PositionedLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_PositionedLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def read_text(path: str) -> str:
    """A file's text (`-` for standard input), refusing what cannot be a profile or posting."""
    try:
        if path == STDIN:
            raw = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                raw = handle.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(Problem(path, "no such file")) from None
    except IsADirectoryError:
        raise InputError(Problem(path, "is a folder; expected a YAML file")) from None
    except OSError as error:
        raise InputError(Problem(path, f"cannot read: {error.strerror or error}")) from None
    if len(raw) > MAX_FILE_BYTES:
        raise InputError(Problem(path, f"larger than {MAX_FILE_BYTES // 2**20} MB; not a profile or posting"))
    if b"\x00" in raw:
        raise InputError(Problem(path, "a binary file; expected YAML text"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise InputError(
            Problem(path, f"not UTF-8 text (byte 0x{raw[error.start]:02x}); save the file as UTF-8", line, column)
        ) from None


TOO_DEEP = "nested too deeply to be a profile or posting"


def parse_yaml(text: str, path: str) -> Any:
    """One YAML document, positioned; a syntax error becomes an InputError at its line:column."""
    documents, error = parse_yaml_stream(text, path)
    if error is not None:
        raise error
    if not documents:
        raise InputError(Problem(path, "is empty; expected a YAML mapping"))
    if len(documents) > 1:
        raise InputError(Problem(path, "holds several YAML documents (---); expected one"))
    return documents[0]


def parse_yaml_stream(text: str, path: str) -> tuple[list[Any], InputError | None]:
    """Every document of a YAML stream (`---` between them), and the error that ended it early."""
    documents: list[Any] = []
    try:
        for document in yaml.load_all(text, Loader=_PositionedLoader):  # noqa: S506 - safe loader
            if document is not None:
                documents.append(document)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = error.problem or error.context or "invalid YAML"
        if _char_at(text, mark) == "\t":
            message += " (a tab: YAML indents with spaces, not tabs)"
        elif "could not determine a constructor" in message:
            message = f"tag {message.split('tag ', 1)[-1]} is not allowed; use plain YAML values"
        elif message.startswith(("duplicate", "a list of")):  # our own messages, already plain
            pass
        elif "maximum nesting depth" in message:  # libyaml's own limit (PyYAML >= 6.0.4), met before ours
            message = TOO_DEEP
        elif error.context and error.problem:
            message = f"invalid YAML: {error.problem} ({error.context})"
        else:
            message = f"invalid YAML: {message}"
        return documents, InputError(Problem(path, message, *_position(mark)))
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, such as a control character
        where = text[: error.position]
        line, column = where.count("\n") + 1, error.position - (where.rfind("\n") + 1) + 1
        shown = visible(chr(error.character)) if isinstance(error.character, int) else repr(error.character)
        message = f"character {shown} is not allowed in YAML; remove it, or write it as an escape inside double quotes"
        return documents, InputError(Problem(path, message, line, column))
    except yaml.YAMLError as error:
        return documents, InputError(Problem(path, f"invalid YAML: {error}"))
    except RecursionError:
        return documents, InputError(Problem(path, TOO_DEEP))
    return documents, None


def _char_at(text: str, mark: Any) -> str:
    lines = text.splitlines()
    if mark is None or mark.line >= len(lines) or mark.column >= len(lines[mark.line]):
        return ""
    return lines[mark.line][mark.column]


def _position(mark: Any) -> tuple[int | None, int | None]:
    if mark is None:
        return None, None
    return mark.line + 1, mark.column + 1


# ----------------------------------------------------------------------------- typed reading


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    hit = process.extractOne(str(word), list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return f"; did you mean '{hit[0]}'?" if hit else ""


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()}; YAML reads unquoted yes, no, on and off so: quote text such as 'NO')"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    return f"text ('{value}')"


class _Reader:
    """Reads one file's values by type, collecting every problem before reporting."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, message: str, mark: Any = None) -> None:
        self.problems.append(Problem(self.path, message, *_position(mark)))

    def mapping(self, value: Any, mark: Any, what: str, allowed: Iterable[str], required: Iterable[str] = ()) -> YMap | None:
        if not isinstance(value, dict):
            self.problem(f"{what}: expected a mapping (key: value lines), got {_type_name(value)}", mark)
            return None
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f" (expected one of: {', '.join(allowed)})"
                self.problem(f"{what}: unknown key '{key}'{hint}", _key_mark(value, key))
        for key in required:
            if value.get(key) in (None, ""):
                where = _key_mark(value, key) if key in value else getattr(value, "mark", mark)
                self.problem(f"{what}: '{key}' is required", where)
        return value if isinstance(value, YMap) else _as_ymap(value, mark)

    def text(self, m: YMap, key: str, what: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.problem(f"{what}.{key}: expected text, got {_type_name(value)}", _value_mark(m, key))
            return None
        text = str(value).strip()
        return sys.intern(text) if text else None  # shared across postings, in memory and in the cache

    def texts(self, m: YMap, key: str, what: str) -> tuple[str, ...]:
        """A list of text; a single value means a list of one."""
        value = m.get(key)
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        if len(items) > MAX_LIST_ITEMS:
            self.problem(f"{what}.{key}: {len(items):,} items; at most {MAX_LIST_ITEMS:,} are read", _value_mark(m, key))
            return ()
        marks = getattr(value, "item_marks", None) or [_value_mark(m, key)] * len(items)
        out: list[str] = []
        for item, mark in zip(items, marks, strict=False):
            if isinstance(item, (dict, list)) or isinstance(item, bool) or item is None:
                self.problem(f"{what}.{key}: each item must be text, got {_type_name(item)}", mark)
            elif str(item).strip():
                out.append(sys.intern(str(item).strip()))
        return tuple(out)

    def boolean(self, m: YMap, key: str, what: str) -> bool | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(f"{what}.{key}: expected true or false, got {_type_name(value)}", _value_mark(m, key))
            return None
        return value

    def number(
        self, m: YMap, key: str, what: str, *, integer: bool = False, minimum: float = 0, maximum: float | None = None
    ) -> Any:
        """A number in [minimum, maximum]; never NaN or infinite (they would rank first, or
        nowhere, and are not JSON)."""
        value = m.get(key)
        if value is None:
            return None
        ok = isinstance(value, int) if integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok:
            expected = "a whole number" if integer else "a number"
            self.problem(f"{what}.{key}: expected {expected}, got {_type_name(value)}{_number_hint(value)}", _value_mark(m, key))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(f"{what}.{key}: expected a finite number, got {value}", _value_mark(m, key))
            return None
        if value < minimum:
            self.problem(f"{what}.{key}: must be {minimum} or more, got {value}", _value_mark(m, key))
            return None
        if maximum is not None and value > maximum:
            self.problem(f"{what}.{key}: must be {maximum:g} or less, got {value:g}", _value_mark(m, key))
            return None
        return value

    def date(self, m: YMap, key: str, what: str, *, end: bool = False, present_ok: bool = False) -> Any:
        """A date from YYYY-MM-DD or YYYY-MM (an end date of YYYY-MM means that month's last day)."""
        value = m.get(key)
        if value is None:
            return None
        text = str(value).strip()
        if present_ok and text.lower() == "present":
            return "present"
        parsed = parse_date(text, end=end)
        if parsed is not None and not YEARS[0] <= parsed.year <= YEARS[1]:
            self.problem(f"{what}.{key}: '{text}' is outside the years {YEARS[0]} to {YEARS[1]}", _value_mark(m, key))
            return None
        if parsed is None or isinstance(value, (bool, dict, list)):
            allowed = "YYYY-MM-DD, YYYY-MM" + (" or present" if present_ok else "")
            self.problem(f"{what}.{key}: '{text}' is not a date; expected {allowed}", _value_mark(m, key))
            return None
        return parsed


_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?")
"""YYYY-MM-DD or YYYY-MM in ASCII digits (int() alone would take other scripts' digits, and signs)."""


def parse_date(text: str, *, end: bool = False) -> date | None:
    found = _DATE.fullmatch(text)
    if found is None:
        return None
    year, month, day = found.groups()
    try:
        if day is not None:
            return date(int(year), int(month), int(day))
        if not end:
            return date(int(year), int(month), 1)
        if int(month) == 12:  # the month's last day, without asking for a 13th month
            return date(int(year), 12, 31)
        return date.fromordinal(date(int(year), int(month) + 1, 1).toordinal() - 1)
    except ValueError:
        return None


def parse_day(text: str) -> date | None:
    """A day written YYYY-MM-DD, and nothing else: `20210815` and ISO weeks (`2021-W33-1`),
    which date.fromisoformat also takes, are refused as ambiguous on a command line."""
    return parse_date(text) if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text) else None


def finite_option(option: str, value: float | None) -> float | None:
    """A command-line number that is not NaN or infinite (a --min-score of nan would hide
    every posting without a word)."""
    if value is not None and not math.isfinite(value):
        raise UsageError(f"{option}: '{value}' is not a number between 0 and 1")
    return value


def _number_hint(value: Any) -> str:
    """Why text that looks like a number was read as text."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if re.fullmatch(r"[-+]?0[0-9_]+", text):
        return "; write it without the leading zero"
    if re.fullmatch(r"[-+]?[0-9]+(?::[0-9]+)+", text):
        return "; write it as one number, not as hours:minutes"
    try:
        float(text)
    except ValueError:
        return ""
    return "; YAML reads a number with an exponent only with a dot and a sign, as 1.0e+6"


def _key_mark(m: Any, key: Any) -> Any:
    return getattr(m, "key_marks", {}).get(key, getattr(m, "mark", None))


def _value_mark(m: Any, key: Any) -> Any:
    return getattr(m, "value_marks", {}).get(key, getattr(m, "mark", None))


def _as_ymap(value: dict[Any, Any], mark: Any) -> YMap:
    m = YMap(value)
    m.mark, m.key_marks, m.value_marks = mark, {}, {}
    return m


def _items(value: Any, mark: Any) -> list[tuple[Any, Any]]:
    """Items of a list with their positions; a single value is a list of one."""
    if isinstance(value, list):
        marks = getattr(value, "item_marks", None) or [mark] * len(value)
        return list(zip(value, marks, strict=False))
    return [(value, mark)]


def _stages(reader: _Reader, m: YMap, key: str, what: str) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    for item, mark in _items(m.get(key), _value_mark(m, key)):
        stage = parse_stage(str(item)) if item is not None else None
        if stage is None:
            reader.problem(
                f"{what}.{key}: '{item}' is not a degree stage{did_you_mean(str(item), STAGE_ALIASES)}"
                " (expected bachelors, masters, phd or postdoc)",
                mark,
            )
        elif stage not in stages:
            stages.append(stage)
    return tuple(stages)


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
            return _profile_from_resume(document, path, today)
        return profile_from_yaml(document, path)
    return profile_from_yaml(parse_yaml(text, path), path)


def _profile_from_resume(document: dict[str, Any], path: str, today: date | None = None) -> Profile:
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


def parse_json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(Problem(path, f"invalid JSON: {error.msg}", error.lineno, error.colno)) from None
    except RecursionError:
        raise InputError(Problem(path, TOO_DEEP)) from None


def profile_from_yaml(document: Any, path: str, warnings: Iterable[str] = ()) -> Profile:
    """A profile from its parsed document; `warnings` are kept with it, after the loader's own."""
    reader = _Reader(path)
    top = reader.mapping(document, getattr(document, "mark", None), "profile", PROFILE_KEYS, ["degree"])
    if top is None:
        raise InputError(reader.problems)

    degree = Degree(stage=Stage.PHD)
    d = (
        reader.mapping(
            top.get("degree"),
            _value_mark(top, "degree"),
            "degree",
            ["stage", "field", "enrolled", "year", "expected_graduation", "thesis"],
            ["stage"],
        )
        if "degree" in top
        else None
    )
    if d is not None:
        stages = _stages(reader, d, "stage", "degree") if d.get("stage") is not None else ()
        if len(stages) > 1:
            reader.problem("degree.stage: a profile has one degree stage", _value_mark(d, "stage"))
        enrolled = reader.boolean(d, "enrolled", "degree")
        degree = Degree(
            stage=stages[0] if stages else Stage.PHD,
            field=reader.text(d, "field", "degree"),
            enrolled=True if enrolled is None else enrolled,
            year=reader.number(d, "year", "degree", integer=True, minimum=1, maximum=20),
            expected_graduation=reader.date(d, "expected_graduation", "degree", end=True),
            thesis=reader.text(d, "thesis", "degree"),
        )

    experience: list[Experience] = []
    for item, mark in _items(top.get("experience"), _value_mark(top, "experience")) if top.get("experience") is not None else []:
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
        _items(top.get("publications"), _value_mark(top, "publications")) if top.get("publications") is not None else []
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
                    _value_mark(p, "bibtex"),
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
            top["location"], _value_mark(top, "location"), "location", ["current", "willing_to_relocate", "preferred"]
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
        a = reader.mapping(top["availability"], _value_mark(top, "availability"), "availability", ["start", "end"])
        if a is not None:
            availability = Availability(
                start=reader.date(a, "start", "availability"),
                end=reader.date(a, "end", "availability", end=True),
            )
            if availability.start and availability.end and availability.end < availability.start:
                reader.problem("availability: end is before start", _value_mark(a, "end"))

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
    "required",
    "preferred",
)


def load_posting(path: str) -> Posting:
    """Read and validate one posting file; its id defaults to the file name without .yaml."""
    return posting_from_yaml(parse_yaml(read_text(path), path), path)


def posting_from_yaml(document: Any, path: str, default_id: str | None = None) -> Posting:
    reader = _Reader(path)
    top = reader.mapping(document, getattr(document, "mark", None), "posting", POSTING_KEYS, ["title", "organization"])
    if top is None:
        raise InputError(reader.problems)
    pay = None
    if top.get("pay") is not None:
        p = reader.mapping(top["pay"], _value_mark(top, "pay"), "pay", ["min", "max", "currency", "per"])
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
                reader.problem(
                    f"{section}: expected a list of qualifications, got {_type_name(value)}", _value_mark(top, section)
                )
            else:
                for item, mark in _items(value, _value_mark(top, section)):
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
        source=reader.text(top, "source", "posting"),
        topics=reader.texts(top, "topics", "posting"),
        required=sections["required"],
        preferred=sections["preferred"],
    )
    if reader.problems:
        raise InputError(reader.problems)
    return posting


def _qualification(reader: _Reader, value: Any, mark: Any, where: str) -> Qualification | None:
    if isinstance(value, str):
        # A bare sentence is a text qualification quoting itself.
        return Qualification(TextCriterion(value.strip()), quote=value.strip())
    m = reader.mapping(value, mark, where, QUALIFICATION_KINDS + QUALIFICATION_COMMON)
    if m is None:
        return None
    kinds = [k for k in m if k in QUALIFICATION_KINDS]
    if len(kinds) != 1:
        if not kinds and not any(k not in QUALIFICATION_COMMON for k in m):
            reader.problem(f"{where}: a qualification needs one kind key ({', '.join(QUALIFICATION_KINDS)})", m.mark)
        elif len(kinds) > 1:
            reader.problem(
                f"{where}: one kind key per qualification, found {', '.join(kinds)}; wrap alternatives in any_of or all_of",
                m.mark,
            )
        return None
    kind = kinds[0]
    criterion = _CRITERIA[kind](reader, m.get(kind), _value_mark(m, kind), f"{where}.{kind}")
    weight = reader.number(m, "weight", where, maximum=MAX_WEIGHT)
    if criterion is None:
        return None
    return Qualification(
        criterion=criterion,
        quote=reader.text(m, "quote", where),
        weight=1.0 if weight is None else float(weight),
        note=reader.text(m, "note", where),
    )


def _degree(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value, mark, what, ["stage", "fields", "enrolled", "related_fields"], ["stage"])
    if m is None:
        return None
    return DegreeCriterion(
        stages=_stages(reader, m, "stage", what) if m.get("stage") is not None else (),
        fields=reader.texts(m, "fields", what),
        enrolled=reader.boolean(m, "enrolled", what),
        related_fields=bool(reader.boolean(m, "related_fields", what)),
    )


def _research(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value if value is not None else {}, mark, what, ["min_years", "fields", "related_fields"])
    if m is None:
        return None
    years = reader.number(m, "min_years", what, maximum=MAX_YEARS_OF_RESEARCH)
    return ResearchExperienceCriterion(
        min_years=None if years is None else float(years),
        fields=reader.texts(m, "fields", what),
        related_fields=bool(reader.boolean(m, "related_fields", what)),
    )


def _publications(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value if value is not None else {}, mark, what, ["venues", "areas", "min", "since"])
    if m is None:
        return None
    known_areas = venue_catalogue().area_labels
    areas = reader.texts(m, "areas", what)
    for area in areas:
        if area not in known_areas:
            reader.problem(
                f"{what}.areas: unknown area '{area}'{did_you_mean(area, known_areas)} (known: {', '.join(known_areas)})",
                _value_mark(m, "areas"),
            )
    minimum = reader.number(m, "min", what, integer=True, minimum=1, maximum=MAX_COUNT)
    return PublicationsCriterion(
        venues=reader.texts(m, "venues", what),
        areas=areas,
        min=1 if minimum is None else minimum,
        since=reader.number(m, "since", what, integer=True, minimum=YEARS[0], maximum=YEARS[1]),
    )


def _skills(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value, mark, what, ["any", "all", "min"])
    if m is None:
        return None
    modes = [k for k in ("any", "all") if k in m]
    if len(modes) != 1:
        reader.problem(f"{what}: give exactly one of 'any' or 'all'", m.mark)
        return None
    terms = reader.texts(m, modes[0], what)
    if not terms:
        reader.problem(f"{what}.{modes[0]}: list at least one skill", _value_mark(m, modes[0]))
        return None
    return SkillsCriterion(
        terms=terms,
        mode=modes[0],  # type: ignore[arg-type]
        min=reader.number(m, "min", what, integer=True, minimum=1, maximum=MAX_COUNT),
    )


def _location(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value, mark, what, ["on_site"], ["on_site"])
    if m is None:
        return None
    return LocationCriterion(on_site=gazetteer().join_parts(reader.texts(m, "on_site", what)))


def _availability(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    m = reader.mapping(value, mark, what, ["start", "weeks"])
    if m is None:
        return None
    return AvailabilityCriterion(
        start=reader.date(m, "start", what),
        weeks=reader.number(m, "weeks", what, integer=True, minimum=1, maximum=MAX_WEEKS),
    )


def _text(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
    if not isinstance(value, str) or not value.strip():
        reader.problem(f"{what}: expected the qualification as text, got {_type_name(value)}", mark)
        return None
    return TextCriterion(value.strip())


def _group(kind: str) -> Callable[[_Reader, Any, Any, str], Criterion | None]:
    def read(reader: _Reader, value: Any, mark: Any, what: str) -> Criterion | None:
        if not isinstance(value, list) or not value:
            reader.problem(f"{what}: expected a list of qualifications, got {_type_name(value)}", mark)
            return None
        parts = [_qualification(reader, item, item_mark, what) for item, item_mark in _items(value, mark)]
        if any(p is None for p in parts):
            return None
        members = tuple(p for p in parts if p is not None)
        return AnyOfCriterion(members) if kind == "any_of" else AllOfCriterion(members)

    return read


_CRITERIA: dict[str, Callable[[_Reader, Any, Any, str], Criterion | None]] = {
    "degree": _degree,
    "research_experience": _research,
    "publications": _publications,
    "skills": _skills,
    "location": _location,
    "availability": _availability,
    "text": _text,
    "any_of": _group("any_of"),
    "all_of": _group("all_of"),
}


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


@dataclass(frozen=True, slots=True)
class Checked:
    """One file as `intern-match validate` sees it."""

    path: str
    kind: str
    """profile | posting | unreadable"""
    problems: tuple[Problem, ...]
    posting_id: str | None = None


def check_file(path: str) -> Checked:
    """What a file is and every problem in it: a profile has `degree`; anything else is a posting."""
    kind = "unreadable"
    try:
        text = read_text(path)
        if path.endswith(".json") or text.lstrip().startswith("{"):
            document = parse_json(text, path)
            if is_json_resume(document):
                kind = "profile"
                _profile_from_resume(document, path)
                return Checked(path, kind, ())
        else:
            document = parse_yaml(text, path)
        if isinstance(document, dict) and "degree" in document:
            kind = "profile"
            profile_from_yaml(document, path)
            return Checked(path, kind, ())
        kind = "posting"
        return Checked(path, kind, (), posting_from_yaml(document, path).id)
    except InputError as error:
        return Checked(path, kind, tuple(error.problems))


def check_files(paths: Iterable[str]) -> list[Checked]:
    """Every file checked, and a posting id used twice reported on the second file."""
    checked = [check_file(p) for p in validation_targets(paths)]
    first: dict[str, str] = {}
    out = []
    for c in checked:
        if c.posting_id is not None and c.posting_id in first:
            c = Checked(
                c.path,
                c.kind,
                (Problem(c.path, f"duplicate posting id '{c.posting_id}' (also in {first[c.posting_id]})"),),
                c.posting_id,
            )
        elif c.posting_id is not None:
            first[c.posting_id] = c.path
        out.append(c)
    return out


def validation_targets(paths: Iterable[str]) -> list[str]:
    """Files named, and the YAML and JSON files inside folders named (recursively, hidden ones aside)."""
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
            if e.name.endswith((".yaml", ".yml")) and e.name.lstrip(".") not in ("yaml", "yml") and _may_be_file(e)
        )


def _may_be_file(entry: os.DirEntry[str]) -> bool:
    """Whether a folder entry is a file, or a link that cannot be followed (a loop, no permission):
    kept, so that reading it reports why, rather than the posting vanishing without a word."""
    try:
        return entry.is_file()
    except OSError:
        return True


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
        if not path.is_dir():  # a file, or a FIFO or device (`-p <(...)`): read as one posting file
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
