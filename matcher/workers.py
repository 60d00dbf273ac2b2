"""Worker processes, bounded and never left behind: parsing many posting files and ranking several
profiles share these two rules."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing.context import BaseContext


def available_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def bounded_jobs(jobs: int) -> int:
    """`--jobs` as processes to start: at least one, at most one per available CPU. More would
    only compete for the same CPUs, and `--jobs 100000` would exhaust the machine's processes."""
    return max(1, min(jobs, available_cpus()))


def _leave_interrupts_to_the_parent() -> None:
    """In a worker: Ctrl-C reaches every process of the terminal's group; the parent ends the
    workers itself (process_pool), so a worker neither prints a traceback nor stops half-way."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def process_pool(workers: int, mp_context: BaseContext | None = None) -> Iterator[ProcessPoolExecutor]:
    """A process pool that, when the work ends early (an error, Ctrl-C, SIGTERM), cancels what is
    queued and ends its workers at once, rather than waiting for them or leaving them blocked
    on a queue no one reads."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor  # only here: most runs use no workers

    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp_context, initializer=_leave_interrupts_to_the_parent)
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        # The pool's manager thread may still be starting a worker as this runs, so end workers
        # until none is left (bounded: a worker that will not end is left to the OS at exit).
        deadline = time.monotonic() + 10
        while (children := multiprocessing.active_children()) and time.monotonic() < deadline:
            for child in children:
                child.terminate()
            for child in children:
                child.join(timeout=1)
            time.sleep(0.05)
        raise
    pool.shutdown(wait=True)
