"""A folder's postings as the cache keeps them for ranking: each posting's header, and its
qualifications as numbers into one table of the folder's distinct qualifications.

Postings repeat each other's asks, so 10,000 of them hold some 175,000 qualifications but far
fewer distinct ones; and reading tens of thousands of records back as objects costs more than
ranking them. So the table keeps each distinct qualification as plain values (tuples, strings,
numbers: pickle reads those at C speed), with what its assessment reads already worked out without
a profile (Rule.key: a skill list's terms split, a venue list's venues resolved).
A scorer assesses each entry once, from that key; a qualification is made an object again only
when its words are needed (a reason in the table, an explanation).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from datetime import date
from itertools import groupby
from typing import Any, TypeVar

from matcher.models import Criterion, Pay, Posting, Qualification, Stage
from matcher.rules import registry

T = TypeVar("T")

_RECORDS: tuple[type, ...] = (Qualification, Pay, Stage)
"""With the registered rules' criteria after them, the records an encoded value can be, by
number: part of the cache's format (the cache is keyed by the rules' fingerprint too)."""
_numbered: tuple[tuple[type, ...], tuple[type, ...], dict[type, int]] = ((), (), {})
"""(the registry's criterion_types they were made from, the records by number, their numbers)."""


def _record_types() -> tuple[tuple[type, ...], dict[type, int]]:
    """The numbered records, made again when the registry has changed since (it makes a new
    criterion_types tuple at each change)."""
    global _numbered
    if _numbered[0] is not registry.criterion_types:
        types = (*_RECORDS, *registry.criterion_types)
        _numbered = (registry.criterion_types, types, {t: i for i, t in enumerate(types)})
    return _numbered[1], _numbered[2]


def encode(value: Any) -> Any:
    """A record as plain, hashable values: (type number, field, ...); an enum as (type number,
    value); a tuple as a tuple of encoded values; anything else as itself. No tuple a record holds
    starts with a bare int (they hold strings and records), so `decode` can tell them apart."""
    if isinstance(value, enum.Enum):
        return (_record_types()[1][type(value)], value.value)
    if hasattr(value, "__dataclass_fields__"):
        return (_record_types()[1][type(value)], *(encode(getattr(value, f.name)) for f in fields(value)))
    if isinstance(value, tuple):
        return tuple(map(encode, value))
    return value


def decode(value: Any) -> Any:
    if type(value) is tuple and value:
        first = type(value[0])
        if first is int:  # a record
            return _record_types()[0][value[0]](*[decode(v) if type(v) is tuple else v for v in value[1:]])
        if first is tuple:  # records (any_of's options, a degree's stages)
            return tuple(map(decode, value))
    return value  # a tuple of strings is itself


Entry = tuple[float, Any, tuple[Any, ...] | None]
"""One distinct qualification: (weight, its assessment key, or None and the qualification encoded).
A key holds the criterion's fields too (Rule.criterion_of), so it is not kept twice."""


Run = tuple[str | None, int, int]
"""Entries next to each other with the same kind of assessment key: (kind, first, end)."""


class QualificationTable:
    """The distinct qualifications of a folder, by number."""

    def __init__(self, entries: list[Entry], runs: list[Run] | None = None) -> None:
        """`runs`: what runs() gives for these entries, when known (the cache keeps them)."""
        self.entries = entries
        self._decoded: dict[int, Qualification] = {}
        self._runs: list[Run] = runs or []

    def kinds(self) -> list[str | None]:
        """Each entry's kind of assessment key ("skills", ...; see Rule.key), or
        None for an entry without one."""
        return [key[0] if key is not None else None for _, key, _ in self.entries]

    def runs(self) -> list[Run]:
        """The entries as runs of one kind, in order. A table the cache keeps is in kind order,
        but for the entries of files edited since (cache_index.compact): a few runs."""
        if not self._runs or self._runs[-1][2] != len(self.entries):  # made once, again if entries were added
            self._runs, start = [], 0
            for kind, same in groupby(self.kinds()):
                end = start + len(list(same))
                self._runs.append((kind, start, end))
                start = end
        return self._runs

    def __len__(self) -> int:
        return len(self.entries)

    def qualification(self, number: int) -> Qualification:
        found = self._decoded.get(number)
        if found is None:
            weight, key, encoded = self.entries[number]
            if encoded is None:
                found = Qualification(registry.rule_of_kind(key[0]).criterion_of(key), weight=weight)
            else:
                found = decode(encoded)
            self._decoded[number] = found
        return found

    def qualifications(self, numbers: Iterable[int]) -> tuple[Qualification, ...]:
        return tuple(map(self.qualification, numbers))


class TableBuilder:
    """Numbers distinct qualifications as they are added: an equal entry gets the same number."""

    def __init__(self, entries: list[Entry] | None = None) -> None:
        self.entries: list[Entry] = list(entries or ())
        """Entries given here keep their numbers; only those added later are made one."""
        self._numbers: dict[Any, int] = {}
        self.share = Sharing()

    def add(self, entry: Entry) -> int:
        number = self._numbers.get(entry)
        if number is None:
            shared = self.share(entry)  # kept, rather than the entry given: an equal key
            number = self._numbers[shared] = len(self.entries)
            self.entries.append(shared)
        return number

    def add_all(self, entries: Iterable[Entry]) -> tuple[int, ...]:
        return tuple(map(self.add, entries))


class Sharing:
    """Equal strings and dates, and equal tuples and frozensets of strings, made one object, so
    that pickle writes each once and reads it back once (the terms of skill lists, the venues of
    venue lists, organisations, places, deadlines). Tuples that hold anything else are rebuilt
    from shared parts but not shared themselves: equal is not enough there, (1,) == (1.0,)."""

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def __call__(self, value: T) -> T:
        kind = type(value)
        if kind is str or kind is date:
            return self._seen.setdefault(value, value)  # type: ignore[no-any-return]
        if kind is not tuple and kind is not frozenset:
            return value
        parts = [self(v) for v in value]  # type: ignore[attr-defined]
        made = kind(parts)  # type: ignore[call-arg]
        if all(type(p) is str for p in parts):
            return self._seen.setdefault(made, made)  # type: ignore[no-any-return]
        return made  # type: ignore[no-any-return]


def entry(qualification: Qualification) -> Entry:
    """A qualification as a table entry; its quote and note are left out (only explanations show
    them, and those read the whole posting)."""
    bare = Qualification(qualification.criterion, weight=qualification.weight)
    key = registry.rule_for(bare.criterion).key(bare.criterion)
    return (bare.weight, key, None if key is not None else encode(bare))


Wording = tuple[tuple[str | None, ...], tuple[str | None, ...]]
"""A posting's own words, which the table leaves out: the quote of each qualification (required
first, then preferred) and each one's note, or () when none has a note. With its summary it makes
the whole posting (with_wording); the cache keeps it in a record of its own, read for JSON output
and explanations."""


def wording(posting: Posting) -> Wording:
    both = posting.required + posting.preferred
    notes = tuple(q.note for q in both)
    return tuple(q.quote for q in both), notes if any(n is not None for n in notes) else ()


def with_wording(posting: Posting, words: Wording) -> Posting:
    """A posting whose qualifications have no quotes or notes (PostingSummary.whole) with them
    back; ValueError when `words` is not for as many qualifications."""
    quotes, notes = words
    both = posting.required + posting.preferred
    if len(quotes) != len(both) or (notes and len(notes) != len(both)):
        raise ValueError("wording for another posting")
    notes = notes or (None,) * len(both)
    made = tuple(Qualification(q.criterion, quote, q.weight, note) for q, quote, note in zip(both, quotes, notes, strict=True))
    first = len(posting.required)
    return replace(posting, required=made[:first], preferred=made[first:])


Header = tuple[Any, ...]
"""A posting's own fields but its path and qualifications, in the order Posting declares them."""
Row = tuple[Header, tuple[Entry, ...], tuple[Entry, ...]]
"""A posting as a worker hands it to the cache: its header and its qualifications as entries."""
_HEADER_FIELDS = tuple(f.name for f in fields(Posting) if f.name not in ("path", "required", "preferred"))
_PAY = _HEADER_FIELDS.index("pay")  # the one record among them
_PATH = [f.name for f in fields(Posting)].index("path")


def row(posting: Posting) -> Row:
    header = tuple(getattr(posting, name) for name in _HEADER_FIELDS)
    header = (*header[:_PAY], encode(posting.pay), *header[_PAY + 1 :])
    return header, tuple(map(entry, posting.required)), tuple(map(entry, posting.preferred))


@dataclass(frozen=True, slots=True)
class PostingSummary(Posting):
    """A posting as ranking reads it from the cache: its header (`required` and `preferred` are
    empty) and its qualifications as numbers into `table`. `whole` makes it a Posting with its
    qualifications (without quotes and notes)."""

    table: QualificationTable | None = None
    required_numbers: tuple[int, ...] = ()
    preferred_numbers: tuple[int, ...] = ()

    def whole(self) -> Posting:
        assert self.table is not None
        values = {name: getattr(self, name) for name in (*_HEADER_FIELDS, "path")}
        return Posting(
            **values,
            required=self.table.qualifications(self.required_numbers),
            preferred=self.table.qualifications(self.preferred_numbers),
        )

    def __reduce__(self) -> tuple[Any, ...]:  # Record's pickles only a class's own slots
        return (_whole_summary, (self.whole(),))


def _whole_summary(posting: Posting) -> PostingSummary:
    return summaries([posting])[0]


def summary_of(
    header: Header, path: str, table: QualificationTable, required: tuple[int, ...], preferred: tuple[int, ...]
) -> PostingSummary:
    if header[_PAY] is not None:
        header = (*header[:_PAY], decode(header[_PAY]), *header[_PAY + 1 :])
    # Positionally, Posting's fields in order: tens of thousands are made on every ranking.
    return PostingSummary(*header[:_PATH], path, *header[_PATH:], (), (), table, required, preferred)  # type: ignore[call-arg]


def summaries(postings: Iterable[Posting]) -> list[PostingSummary]:
    """Postings summarised as the cache would (for postings read without it, and for tests)."""
    builder = TableBuilder()
    table = QualificationTable(builder.entries)  # filled as the postings are added
    out = []
    for p in postings:
        header, required, preferred = row(p)
        out.append(summary_of(header, p.path, table, builder.add_all(required), builder.add_all(preferred)))
    return out


class SharedQualifications:
    """Postings with their equal criteria (and equal qualifications) made one object.

    Postings repeat each other's asks ("PhD in machine learning", the same skill lists), so a
    folder of 10,000 holds far fewer distinct criteria than its 175,000 qualifications. Sharing
    them cuts the memory postings read without the cache take, and scoring finds an already
    judged criterion by identity (Scorer.assess)."""

    def __init__(self) -> None:
        self._criteria: dict[Criterion, Criterion] = {}
        self._qualifications: dict[Qualification, Qualification] = {}

    def __call__(self, outcome: T) -> T:
        if not isinstance(outcome, Posting):
            return outcome
        return replace(outcome, required=self._shared(outcome.required), preferred=self._shared(outcome.preferred))  # type: ignore[return-value]

    def _shared(self, qualifications: tuple[Qualification, ...]) -> tuple[Qualification, ...]:
        criteria, seen = self._criteria, self._qualifications
        out = []
        for q in qualifications:
            c = criteria.setdefault(q.criterion, q.criterion)
            if c is not q.criterion:
                q = replace(q, criterion=c)
            out.append(seen.setdefault(q, q))
        return tuple(out)
