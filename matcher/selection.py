"""Choosing and ordering ranked matches for display: filters and sort orders. Pure functions."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import TypeVar

from matcher.knowledge.places import gazetteer
from matcher.models import Posting, Ranked

R = TypeVar("R", bound=Ranked)
P = TypeVar("P", bound=Posting)


class SortOrder(enum.StrEnum):
    SCORE = "score"
    """Eligible first, then by score, ties by id (the ranking itself)."""
    DEADLINE = "deadline"
    """Soonest deadline first, postings without one last; ties by score, then id."""


def is_open(match: Ranked, today: date) -> bool:
    """The deadline has not passed (a posting without a deadline counts as open)."""
    deadline = match.posting.deadline
    return deadline is None or deadline >= today


def posting_status(posting: Posting, today: date) -> str:
    """`closed` (fetch found it gone from its board), `past` (its deadline has passed) or `open`."""
    if posting.status == "closed":
        return "closed"
    return "past" if posting.deadline is not None and posting.deadline < today else "open"


def without_closed(postings: Sequence[P]) -> tuple[list[P], int]:
    """The postings not marked `status: closed` (fetch marks those gone from their board), and
    how many were left out."""
    kept = [p for p in postings if p.status != "closed"]
    return kept, len(postings) - len(kept)


def first_seen_since(postings: Sequence[P], since: datetime) -> tuple[list[P], int]:
    """The postings fetch first wrote at or after `since` (a digest of what is new), and how many
    were left out. A posting without `source.first_seen` (written by hand, or by a fetch older
    than the digest) is never new."""
    kept = [p for p in postings if p.first_seen is not None and p.first_seen >= since]
    return kept, len(postings) - len(kept)


def is_at(match: Ranked, place: str) -> bool:
    """The posting is at `place` (city, region or country), in its metro area (Redmond for
    "Seattle"), in a region containing it (a US-wide posting for "Seattle"), or remote where
    `place` is (remote anywhere, or "Remote (US)" for "Seattle"). `--location remote` keeps
    remote postings only. Postings that give no location are left out: a filter keeps what is
    known to be there."""
    places = gazetteer()
    wanted = places.parse(place)
    for written in match.posting.location:
        here = places.parse(written)
        if wanted.remote:
            if here.remote and places.similarity(here, wanted):
                return True
        elif places.similarity(here, wanted) or places.similarity(wanted, here):
            return True
    return False


def select(
    matches: Iterable[R],
    *,
    today: date,
    eligible_only: bool = False,
    open_only: bool = False,
    location: str | None = None,
    min_score: float | None = None,
    sort: SortOrder = SortOrder.SCORE,
    top: int | None = None,
) -> list[R]:
    """The matches that pass every filter given, in `sort` order, the first `top` of them.
    `matches` come in ranking order (scoring.ranked), which SortOrder.SCORE keeps."""
    filtered = eligible_only or open_only or location is not None or min_score is not None
    chosen = (
        [
            m
            for m in matches
            if (not eligible_only or m.eligible)
            and (not open_only or is_open(m, today))
            and (location is None or is_at(m, location))
            and (min_score is None or m.score >= min_score)
        ]
        if filtered
        else list(matches)
    )
    if sort is SortOrder.DEADLINE:
        chosen.sort(key=lambda m: (m.posting.deadline is None, m.posting.deadline or date.max, -m.score, m.posting.id))
    return chosen[:top] if top is not None else chosen
