"""Ranking many profiles against the same postings, in several processes when asked."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from datetime import date

from matcher.models import Posting, Profile, Standing, Verdict
from matcher.scoring import standings

_SHARED: tuple[Sequence[Posting], date] | None = None
"""The postings, set before the workers fork so that each inherits them instead of receiving a copy."""


Row = tuple[int, bool, float, tuple[Verdict, ...], tuple[Verdict, ...], tuple[str, ...]]
"""A Standing with its posting given by position, so that workers do not send postings back."""


def _rank_one(profile: Profile) -> list[Row]:
    assert _SHARED is not None
    postings, today = _SHARED
    position = {id(p): i for i, p in enumerate(postings)}
    return [
        (position[id(s.posting)], s.eligible, s.score, s.required, s.preferred, s.reasons)
        for s in standings(postings, profile, today)
    ]


def rank_profiles(postings: Sequence[Posting], profiles: Sequence[Profile], today: date, jobs: int = 1) -> list[list[Standing]]:
    """Each profile's ranking, in the order given. With `jobs` > 1 and several profiles, the
    profiles are shared out over forked worker processes (where the platform can fork)."""
    global _SHARED
    if jobs <= 1 or len(profiles) <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [standings(postings, p, today) for p in profiles]
    _SHARED = (postings, today)
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(profiles)), mp_context=multiprocessing.get_context("fork")) as pool:
            return [
                [Standing(postings[i], e, s, r, p, why) for i, e, s, r, p, why in rows] for rows in pool.map(_rank_one, profiles)
            ]
    finally:
        _SHARED = None
