"""A first JSON or JSONL run's results written by two processes: the later half by a forked worker
into an unlinked temporary file, the earlier half here at the same time, then the worker's read
back in order. A run that makes its results judges each distinct qualification in words once
(matcher.explained_json), the larger part of its cost and all on one CPU; this puts the second
CPU to work on it. The output is the same bytes, and the results are kept as one writer keeps them.

Only for a run that makes its results (none kept for its profile yet), of a size where the fork
pays for itself and below one where the worker's copy of the ranking would cost more memory than
the time it saves (docs/performance.md)."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from typing import IO, TYPE_CHECKING

from matcher.json_output import Encoded, item_text
from matcher.models import Standing
from matcher.posting_table import PostingSummary
from matcher.workers import available_cpus, bounded_jobs, process_pool

if TYPE_CHECKING:
    from matcher.explained_json import ResultWriter

SPLIT_FROM = 2_000
SPLIT_UP_TO = 50_000
"""Results a run must show for its later half to be written by a second process."""

_SHARED: tuple[Callable[[], ResultWriter], date, bool, Sequence[Standing], int, IO[bytes]] | None = None
"""Set before the worker forks, so that it inherits what it writes from instead of a copy."""


def worth_splitting(writer: ResultWriter, shown: Sequence[Standing], jobs: int | None) -> bool:
    """Whether `writer` (one profile's, keeping its results) will make most of these results,
    they are enough for a second process to be worth starting, and `jobs` (None: one per CPU)
    allows one."""
    import multiprocessing

    enough = SPLIT_FROM <= len(shown) <= SPLIT_UP_TO and bounded_jobs(jobs or available_cpus()) >= 2
    if not enough or writer.cache is None:
        return False
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    first = shown[0].posting
    return isinstance(first, PostingSummary) and writer.nothing_kept_for(first)


def write_in_two(
    writer: ResultWriter, shown: Sequence[Standing], today: date, another: Callable[[], ResultWriter]
) -> Iterator[Encoded | dict]:
    """The results of `shown` in order, the later half written meanwhile by a forked worker, with
    a writer `another` makes there (one that keeps nothing); if the worker fails, written here
    after all."""
    global _SHARED
    import multiprocessing

    assert writer.cache is not None
    half = len(shown) // 2
    # What the worker inherits must hold nothing unwritten: it flushes its standard streams as it
    # ends, and would write a copy of what is waiting in them.
    sys.stdout.flush()
    sys.stderr.flush()
    getattr(sys.stdout, "buffer", sys.stdout).flush()
    with tempfile.TemporaryFile() as later:
        written: list[tuple[int, int | None]] | None = None
        _SHARED = (another, today, writer.compact, shown, half, later)
        try:
            with process_pool(1, mp_context=multiprocessing.get_context("fork")) as pool:
                worker = pool.submit(_write_later_half)
                writer.expect(shown[:half])
                for rank, standing in enumerate(shown[:half], 1):
                    yield writer.result(standing, rank, {}, today)
                try:
                    written = worker.result()
                except Exception:  # noqa: BLE001 - the worker failed: its half is written here
                    written = None
        finally:
            _SHARED = None
        if written is None:
            writer.expect(shown[half:], first_rank=half + 1)
            for rank, standing in enumerate(shown[half:], half + 1):
                yield writer.result(standing, rank, {}, today)
            return
        later.seek(0)
        for standing, (length, rest_at) in zip(shown[half:], written, strict=True):
            text = later.read(length)
            if rest_at is not None:
                writer.keep_written(standing.posting, text[rest_at:])
            yield Encoded(text)


def _write_later_half() -> list[tuple[int, int | None]]:
    """In the worker: the later half's results written to the shared temporary file, each as the
    output writes it; for each, its length and where the part kept (all after its rank) starts."""
    assert _SHARED is not None
    another, today, compact, shown, half, out = _SHARED
    writer = another()
    writer.expect(shown[half:], first_rank=half + 1)
    written: list[tuple[int, int | None]] = []
    for rank, standing in enumerate(shown[half:], half + 1):
        item = writer.result(standing, rank, {}, today)
        text = item_text(item, compact=compact)
        out.write(text)
        keepable = isinstance(item, Encoded) and len(item.parts) == 3
        written.append((len(text), len(item.parts[0]) + len(item.parts[1]) if keepable else None))  # type: ignore[union-attr]
    out.flush()
    return written
