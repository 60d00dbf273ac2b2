"""YAML and JSON text read with the position of every value, and typed reading of those values
with every problem collected: what loading profiles and postings, and each rule reading its own
qualification kind, build on.

YAML is parsed by libyaml's C loader when PyYAML has it, always with a safe loader: tags such as
`!!python/object` are refused, never executed. Dates stay text until `ValueReader.date` checks
them, so "2021-02-30" is reported, not turned into a crash.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

import yaml
from rapidfuzz import fuzz, process

from matcher.display_text import visible
from matcher.errors import InputError, Problem
from matcher.knowledge import SAFE_LOADER
from matcher.knowledge.degrees import STAGE_ALIASES, parse_stage
from matcher.models import Stage

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


def parse_json(text: str, path: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(Problem(path, f"invalid JSON: {error.msg}", error.lineno, error.colno)) from None
    except RecursionError:
        raise InputError(Problem(path, TOO_DEEP)) from None


# ----------------------------------------------------------------------------- typed reading


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    hit = process.extractOne(str(word), list(choices), scorer=fuzz.ratio, score_cutoff=60)
    return f"; did you mean '{hit[0]}'?" if hit else ""


def type_name(value: Any) -> str:
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


class ValueReader:
    """Reads one file's values by type, collecting every problem before reporting."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, message: str, mark: Any = None) -> None:
        self.problems.append(Problem(self.path, message, *_position(mark)))

    def mapping(self, value: Any, mark: Any, what: str, allowed: Iterable[str], required: Iterable[str] = ()) -> YMap | None:
        if not isinstance(value, dict):
            self.problem(f"{what}: expected a mapping (key: value lines), got {type_name(value)}", mark)
            return None
        allowed = tuple(allowed)
        for key in value:
            if key not in allowed:
                hint = did_you_mean(str(key), allowed) or f" (expected one of: {', '.join(allowed)})"
                self.problem(f"{what}: unknown key '{key}'{hint}", key_mark(value, key))
        for key in required:
            if value.get(key) in (None, ""):
                where = key_mark(value, key) if key in value else getattr(value, "mark", mark)
                self.problem(f"{what}: '{key}' is required", where)
        return value if isinstance(value, YMap) else _as_ymap(value, mark)

    def text(self, m: YMap, key: str, what: str) -> str | None:
        value = m.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or isinstance(value, (dict, list)):
            self.problem(f"{what}.{key}: expected text, got {type_name(value)}", value_mark(m, key))
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
            self.problem(f"{what}.{key}: {len(items):,} items; at most {MAX_LIST_ITEMS:,} are read", value_mark(m, key))
            return ()
        marks = getattr(value, "item_marks", None) or [value_mark(m, key)] * len(items)
        out: list[str] = []
        for item, mark in zip(items, marks, strict=False):
            if isinstance(item, (dict, list)) or isinstance(item, bool) or item is None:
                self.problem(f"{what}.{key}: each item must be text, got {type_name(item)}", mark)
            elif str(item).strip():
                out.append(sys.intern(str(item).strip()))
        return tuple(out)

    def boolean(self, m: YMap, key: str, what: str) -> bool | None:
        value = m.get(key)
        if value is None:
            return None
        if not isinstance(value, bool):
            self.problem(f"{what}.{key}: expected true or false, got {type_name(value)}", value_mark(m, key))
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
            self.problem(f"{what}.{key}: expected {expected}, got {type_name(value)}{_number_hint(value)}", value_mark(m, key))
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(f"{what}.{key}: expected a finite number, got {value}", value_mark(m, key))
            return None
        if value < minimum:
            self.problem(f"{what}.{key}: must be {minimum} or more, got {value}", value_mark(m, key))
            return None
        if maximum is not None and value > maximum:
            self.problem(f"{what}.{key}: must be {maximum:g} or less, got {value:g}", value_mark(m, key))
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
            self.problem(f"{what}.{key}: '{text}' is outside the years {YEARS[0]} to {YEARS[1]}", value_mark(m, key))
            return None
        if parsed is None or isinstance(value, (bool, dict, list)):
            allowed = "YYYY-MM-DD, YYYY-MM" + (" or present" if present_ok else "")
            self.problem(f"{what}.{key}: '{text}' is not a date; expected {allowed}", value_mark(m, key))
            return None
        return parsed

    def moment(self, m: dict[Any, Any], key: str, what: str) -> datetime | None:
        """A moment from an ISO 8601 date and time (YYYY-MM-DDTHH:MM:SS+00:00) or a day, in UTC."""
        value = m.get(key)
        if value is None:
            return None
        parsed = None if isinstance(value, (bool, dict, list)) else parse_moment(str(value).strip())
        if parsed is None:
            self.problem(
                f"{what}.{key}: '{value}' is not a date and time; expected YYYY-MM-DDTHH:MM:SS+00:00", value_mark(m, key)
            )
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


def parse_moment(text: str) -> datetime | None:
    """A moment written as a day (its start, UTC) or an ISO 8601 date and time (UTC when it gives
    no offset), as UTC; None for anything else, or outside the years dates may have."""
    day = parse_day(text)
    if day is not None:
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9:.]+(Z|[+-][0-9]{2}:?[0-9]{2})?", text):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if not YEARS[0] <= moment.year <= YEARS[1]:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


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


def key_mark(m: Any, key: Any) -> Any:
    return getattr(m, "key_marks", {}).get(key, getattr(m, "mark", None))


def value_mark(m: Any, key: Any) -> Any:
    return getattr(m, "value_marks", {}).get(key, getattr(m, "mark", None))


def _as_ymap(value: dict[Any, Any], mark: Any) -> YMap:
    m = YMap(value)
    m.mark, m.key_marks, m.value_marks = mark, {}, {}
    return m


def items_of(value: Any, mark: Any) -> list[tuple[Any, Any]]:
    """Items of a list with their positions; a single value is a list of one."""
    if isinstance(value, list):
        marks = getattr(value, "item_marks", None) or [mark] * len(value)
        return list(zip(value, marks, strict=False))
    return [(value, mark)]


def read_stages(reader: ValueReader, m: YMap, key: str, what: str) -> tuple[Stage, ...]:
    stages: list[Stage] = []
    for item, mark in items_of(m.get(key), value_mark(m, key)):
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
