"""Ranking profiles against postings in several processes: one share of the work per process,
each a profile (when there are several) or a slice of the postings (for one profile and many)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from matcher.models import Posting, Profile, Standing, Verdict
from matcher.scoring import Scorer, ranked, standings

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PARALLEL_MIN_POSTINGS = 4000
"""Below this many postings, one profile is ranked in one process: forking and gathering cost
more than half the scoring saves."""

_SHARED: tuple[Sequence[Posting], Sequence[Scorer]] | None = None
"""Set before the workers fork, so that each inherits the postings and scorers instead of
receiving a copy."""

Share = tuple[int, int, int]
"""(which profile, first posting, the posting after the last) of one worker's work."""
Row = tuple[int, bool, float, tuple[Verdict, ...], tuple[Verdict, ...], tuple[str, ...]]
"""A Standing with its posting given by position, so that workers do not send postings back."""


def _rank_share(share: Share) -> list[Row]:
    assert _SHARED is not None
    postings, scorers = _SHARED
    which, start, stop = share
    standings = scorers[which].standings(postings[start:stop])
    return [(i, s.eligible, s.score, s.required, s.preferred, s.reasons) for i, s in enumerate(standings, start)]


def rank_profiles(postings: Sequence[Posting], profiles: Sequence[Profile], today: date, jobs: int = 1) -> list[list[Standing]]:
    """Each profile's ranking, in the order given. With `jobs` > 1, several profiles are shared
    out over forked worker processes, and so are the postings of one profile when there are
    many (where the platform can fork). The result is the same for any number of jobs."""
    if len(profiles) > 1:
        shares = [(which, 0, len(postings)) for which in range(len(profiles))]
    else:
        parts = jobs if len(postings) >= PARALLEL_MIN_POSTINGS else 1
        shares = [(0, len(postings) * k // parts, len(postings) * (k + 1) // parts) for k in range(parts)]
    if jobs > 1 and len(shares) > 1:
        import multiprocessing  # only here: most runs rank in one process, and start faster without it

        if "fork" in multiprocessing.get_all_start_methods():
            scorers = [Scorer(p, today) for p in profiles]
            if len(profiles) == 1:
                scorers[0].prepare(postings)
            return _forked(postings, scorers, shares, jobs, multiprocessing.get_context("fork"))
    return [standings(postings, p, today) for p in profiles]


def _forked(
    postings: Sequence[Posting], scorers: list[Scorer], shares: list[Share], jobs: int, fork: BaseContext
) -> list[list[Standing]]:
    from concurrent.futures import ProcessPoolExecutor

    global _SHARED
    _SHARED = (postings, scorers)
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(shares)), mp_context=fork) as pool:
            done = list(pool.map(_rank_share, shares))
    finally:
        _SHARED = None
    rankings: list[list[Standing]] = [[] for _ in scorers]
    for (which, _, _), rows in zip(shares, done, strict=True):
        rankings[which] += [Standing(postings[i], e, s, r, p, why) for i, e, s, r, p, why in rows]
    return [ranked(r) for r in rankings]
