"""What in a profile speaks to a field or a topic: the items several rules match against.

One home for "where does the matcher look", so that the degree, research, skills and topic rules
read the same evidence the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.models import Profile


def degree_field_items(profile: Profile) -> list[str]:
    """The degree's field, if the profile gives one."""
    return [profile.degree.field] if profile.degree.field else []


def research_field_items(profile: Profile) -> list[str]:
    """What a research field is matched with: the degree's field, research roles, interests."""
    return degree_field_items(profile) + [e.role for e in profile.experience if e.research] + list(profile.interests)


def best_match(wanted: Sequence[str], have: Sequence[str]) -> TermMatch | None:
    """The best match of any wanted term among the items a profile has, or None."""
    terms = term_catalogue()
    return best_of(terms.best_match(field, have) for field in wanted)


def best_of(matches: Iterable[TermMatch | None]) -> TermMatch | None:
    """The most similar match found, the first of equals."""
    best: TermMatch | None = None
    for m in matches:
        if m is not None and m.found and (best is None or m.similarity > best.similarity):
            best = m
    return best
