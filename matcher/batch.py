"""Ranking several profiles against the same postings in several processes, a profile per
process. One profile is ranked in one process: sharing its postings over forked workers was
measured to gain nothing (docs/performance.md) on 10,000 and 100,000 postings (a worker pays a page fault for each page
of the parent it touches, and the assessment of the table comes first, in the parent)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from matcher.models import Posting, Profile, Standing, Verdict
from matcher.scoring import Scorer, ranked, standings
from matcher.workers import bounded_jobs, process_pool

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

_SHARED: tuple[Sequence[Posting], Sequence[Scorer]] | None = None
"""Set before the workers fork, so that each inherits the postings and scorers instead of
receiving a copy."""

Row = tuple[int, bool, float, tuple[Verdict, ...], tuple[Verdict, ...], tuple[str, ...]]
"""A Standing with its posting given by position, so that workers do not send postings back."""


def _rank_profile(which: int) -> list[Row]:
    assert _SHARED is not None
    postings, scorers = _SHARED
    standings = scorers[which].standings(postings)
    return [(i, s.eligible, s.score, s.required, s.preferred, s.reasons) for i, s in enumerate(standings)]


def rank_profiles(postings: Sequence[Posting], profiles: Sequence[Profile], today: date, jobs: int = 1) -> list[list[Standing]]:
    """Each profile's ranking, in the order given. With `jobs` > 1 and several profiles, the
    profiles are shared out over forked worker processes (where the platform can fork). The
    result is the same for any number of jobs."""
    if bounded_jobs(jobs) > 1 and len(profiles) > 1:
        import multiprocessing  # only here: most runs rank in one process, and start faster without it

        if "fork" in multiprocessing.get_all_start_methods():
            scorers = [Scorer(p, today) for p in profiles]
            return _forked(postings, scorers, jobs, multiprocessing.get_context("fork"))
    return [standings(postings, p, today) for p in profiles]


def _forked(postings: Sequence[Posting], scorers: list[Scorer], jobs: int, fork: BaseContext) -> list[list[Standing]]:
    global _SHARED
    _SHARED = (postings, scorers)
    try:
        with process_pool(min(bounded_jobs(jobs), len(scorers)), mp_context=fork) as pool:
            done = list(pool.map(_rank_profile, range(len(scorers))))
    finally:
        _SHARED = None
    return [ranked([Standing(postings[i], e, s, r, p, why) for i, e, s, r, p, why in rows]) for rows in done]
