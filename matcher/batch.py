"""Ranking profiles against postings in several processes: one share of the work per process,
each a profile (when there are several) or a slice of the postings (for one profile and many)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from matcher.models import Posting, Profile, Standing, Verdict
from matcher.scoring import Scorer, ranked
from matcher.table import PostingSummary, QualificationTable

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

PARALLEL_MIN_POSTINGS = 4000
"""Below this many postings, one profile is ranked in one process: forking and gathering cost
more than half the scoring saves."""

_SHARED: tuple[Sequence[Posting], Sequence[Scorer], Sequence[QualificationTable]] | None = None
"""Set before the workers fork, so that each inherits the postings and scorers instead of
receiving a copy."""

Share = tuple[int, int, int]
"""(which profile or table, first posting or entry, the one after the last) of one worker's work."""
Row = tuple[int, bool, float, tuple[Verdict, ...], tuple[Verdict, ...], tuple[str, ...]]
"""A Standing with its posting given by position, so that workers do not send postings back."""


def _rank_share(share: Share) -> list[Row]:
    assert _SHARED is not None
    postings, scorers, _ = _SHARED
    which, start, stop = share
    scorer = scorers[which]
    rows = []
    for i in range(start, stop):
        s = scorer.standing(postings[i])
        rows.append((i, s.eligible, s.score, s.required, s.preferred, s.reasons))
    return rows


def _assess_share(share: Share) -> tuple[list[Verdict | str | None], list[float]]:
    assert _SHARED is not None
    _, scorers, tables = _SHARED
    which, start, stop = share
    return scorers[0].columns(tables[which]).part(start, stop, scorers[0])


def rank_profiles(postings: Sequence[Posting], profiles: Sequence[Profile], today: date, jobs: int = 1) -> list[list[Standing]]:
    """Each profile's ranking, in the order given. With `jobs` > 1, several profiles are shared
    out over forked worker processes, and so are the postings of one profile when there are
    many (where the platform can fork). The result is the same for any number of jobs."""
    global _SHARED
    scorers = [Scorer(p, today) for p in profiles]
    if len(profiles) > 1:
        shares = [(which, 0, len(postings)) for which in range(len(profiles))]
    else:
        parts = jobs if len(postings) >= PARALLEL_MIN_POSTINGS else 1
        shares = [(0, len(postings) * k // parts, len(postings) * (k + 1) // parts) for k in range(parts)]
    if jobs <= 1 or len(shares) <= 1:
        return [ranked([scorer.standing(p) for p in postings]) for scorer in scorers]
    import multiprocessing  # only here: most runs rank in one process, and start faster without it
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return [ranked([scorer.standing(p) for p in postings]) for scorer in scorers]
    fork = multiprocessing.get_context("fork")
    try:
        if len(profiles) == 1:
            _assess_tables(postings, scorers[0], len(shares), fork)
        _SHARED = (postings, scorers, ())
        with ProcessPoolExecutor(max_workers=min(jobs, len(shares)), mp_context=fork) as pool:
            done = list(pool.map(_rank_share, shares))
    finally:
        _SHARED = None
    rankings: list[list[Standing]] = [[] for _ in profiles]
    for (which, _, _), rows in zip(shares, done, strict=True):
        rankings[which] += [Standing(postings[i], e, s, r, p, why) for i, e, s, r, p, why in rows]
    return [ranked(r) for r in rankings]


def _assess_tables(postings: Sequence[Posting], scorer: Scorer, parts: int, fork: BaseContext) -> None:
    """Assess the tables the postings number into (see matcher.table), each split evenly over
    `parts` processes, into `scorer`: split by postings instead, each process would assess most
    of the table, since postings share its entries."""
    global _SHARED
    tables = list({id(p.table): p.table for p in postings if isinstance(p, PostingSummary) and p.table}.values())
    shares = [(which, len(t) * k // parts, len(t) * (k + 1) // parts) for which, t in enumerate(tables) for k in range(parts)]
    from concurrent.futures import ProcessPoolExecutor

    _SHARED = ((), [scorer], tables)
    with ProcessPoolExecutor(max_workers=parts, mp_context=fork) as pool:
        for (which, start, _), (verdicts, credits) in zip(shares, pool.map(_assess_share, shares), strict=True):
            scorer.columns(tables[which]).take(start, verdicts, credits)
