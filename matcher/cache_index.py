"""The posting cache's index: what it holds of each posting file, the checks a read index
must pass before it is used, and its compaction (matcher.cache reads and writes it)."""

from __future__ import annotations

from itertools import chain

from matcher.cache_files import Stamp
from matcher.errors import InputError
from matcher.posting_table import Entry, QualificationTable

Summary = tuple[tuple, tuple[int, ...], tuple[int, ...]]
"""A posting as the index keeps it: its header and its qualifications' numbers in the table."""
IndexEntry = tuple[int, Stamp, "Summary | InputError", int, int]
"""One posting file in the index: (size, stamp, summary or error, where its record starts in
the details file, how long it is); (0, 0) for a posting without a record."""
Index = tuple[dict[str, IndexEntry], list[Entry]]
"""The index's entries by file name, and the table their summaries number into."""


def numbers_in_range(entries: dict[str, IndexEntry], size: int) -> bool:
    """Whether every summary's numbers point into the table: a damaged index is then rebuilt
    here, not found out later, by scoring, on every run until the cache is deleted."""
    kept = [e[2] for e in entries.values() if not isinstance(e[2], InputError)]
    numbers = list(chain.from_iterable(chain((k[1] for k in kept), (k[2] for k in kept))))
    return not numbers or (min(numbers) >= 0 and max(numbers) < size)


def runs_cover(runs: object, table: list[Entry]) -> bool:
    """Whether `runs` are runs (kind, first, end) that cover this table in order, each beginning
    and ending with an entry of its kind."""
    if not isinstance(runs, list):
        return False
    start = 0
    for run in runs:
        if not (isinstance(run, tuple) and len(run) == 3 and run[1] == start and start < run[2] <= len(table)):
            return False
        kind, first, end = run
        if any((key[0] if key is not None else None) != kind for key in (table[first][1], table[end - 1][1])):
            return False
        start = end
    return start == len(table)


MAX_RUNS = 64
"""Runs of one kind (table.QualificationTable.runs) past which the cache's table is put back in
kind order: one run per kind when ordered, and each edited file adds a few at the end."""


def compact(index: Index) -> Index:
    """The index with its table renumbered, in kind order, when more than half of it is no
    longer used (an edited file adds its qualifications to the table and leaves the old ones
    behind) or its entries of each kind are no longer next to each other (a table is built in the
    order postings ask, and scoring assesses it a run of one kind at a time)."""
    entries, table = index
    kept = [e[2] for e in entries.values() if not isinstance(e[2], InputError)]
    used = {n for _, required, preferred in kept for numbers in (required, preferred) for n in numbers}  # type: ignore[misc]
    as_kept = QualificationTable(table)
    if len(used) * 2 >= len(table) and len(as_kept.runs()) <= MAX_RUNS:
        return index
    kinds = [kind or "" for kind in as_kept.kinds()]
    order = sorted(sorted(used), key=kinds.__getitem__)  # by kind, then number
    del used, kinds
    number_of = [0] * len(table)  # old number -> new (a list: at 100,000 postings a dict would take ~50 MB more)
    for new, old in enumerate(order):
        number_of[old] = new
    renumbered = {}
    for name, (size, mtime, summary, offset, length) in entries.items():
        if not isinstance(summary, InputError):
            header, required, preferred = summary
            summary = (header, tuple(map(number_of.__getitem__, required)), tuple(map(number_of.__getitem__, preferred)))
        renumbered[name] = (size, mtime, summary, offset, length)
    return renumbered, [table[n] for n in order]
