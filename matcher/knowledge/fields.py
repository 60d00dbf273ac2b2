"""Degree fields an advisor treats as related (related_fields.yaml) or partly related
(loosely_related_fields.yaml), for "a degree in X or a related field"."""

from __future__ import annotations

from functools import cache

from matcher.knowledge import read_data_file
from matcher.knowledge.terms import catalogue as term_catalogue

LOOSELY = "loosely_related_fields.yaml"


@cache
def related_fields(file: str = "related_fields.yaml") -> dict[str, frozenset[str]]:
    """Field -> the fields related to it, both ways round (relatedness is mutual)."""
    related: dict[str, set[str]] = {}
    for field, neighbours in read_data_file(file).items():
        for other in neighbours:
            related.setdefault(field, set()).add(other)
            related.setdefault(other, set()).add(field)
    return {field: frozenset(others) for field, others in related.items()}


def related_to(named: str, term: str, file: str = "related_fields.yaml") -> str | None:
    """The field through which `term` (a profile's field, as a catalogue term) is related to
    `named` (a posting's field): the term itself or one of its broader fields; None if unrelated.
    `file` says which relation: related (met), or loosely related (loosely_related_fields.yaml,
    partial)."""
    terms = term_catalogue()
    canonical = terms.resolve(named).canonical or named
    neighbours = related_fields(file).get(canonical, frozenset())
    for candidate in (term, *sorted(terms.ancestors(term))):
        if candidate in neighbours:
            return candidate
    return None
