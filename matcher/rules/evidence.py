"""What in a profile speaks to a field or a topic: the evidence several rules read.

One home for "where does the matcher look", so that the degree, research, skills and topic rules
read the same evidence the same way. A careful advisor reads more than a profile's stated field:
its thesis, what its research roles were about, where its papers appeared (ISCA is computer
architecture), their titles, its skills and interests. Each item keeps where it came from, so an
explanation can say what a verdict was inferred from.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz

from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import Experience, Profile
from matcher.tuning import UNKNOWN_FIELD_CUTOFF

ROOT_FIELDS = frozenset({"computer science", "electrical engineering", "computer engineering", "mathematics", "physics"})
"""Fields so broad that sharing only them says nothing: architecture and theory are both
computer science, yet research in one is no evidence of research in the other."""


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """One thing in a profile that names a field or topic."""

    term: str
    """The catalogue's term for it ("computer architecture"), or the text as written when the
    catalogue does not know it."""
    source: str
    """Where in the profile: "degree field", "thesis", "role 'PhD researcher'", "paper at ISCA"."""
    stated: bool
    """Said outright as a field (degree field, a role's topics, interests), not inferred from
    what the profile says it did (papers' venues and titles, descriptions, skills)."""
    research: bool
    """Evidence of research done (not a skill or an interest): only research evidence can show a
    candidate's research is in another field."""


def degree_field_items(profile: Profile) -> list[str]:
    """The degree's field, if the profile gives one."""
    return [profile.degree.field] if profile.degree.field else []


def terms_of(text: str) -> tuple[str, ...]:
    """The catalogue's terms a piece of text is or names: "ML" -> machine learning; "machine
    learning for healthcare" -> machine learning, healthcare."""
    terms = term_catalogue()
    resolved = terms.resolve(text)
    if resolved.canonical is not None and resolved.how in ("exact", "alias"):
        return (resolved.canonical,)
    return terms.mentions(text)


def role_evidence(role: Experience) -> list[FieldEvidence]:
    """What one role says about its own field: its topics (stated), title and description."""
    label = f"role '{role.role}'"
    out = [FieldEvidence(t, f"{label} topics", True, role.research) for topic in role.topics for t in terms_of(topic) or (topic,)]
    out += [FieldEvidence(t, label, False, role.research) for t in term_catalogue().mentions(role.role)]
    if role.description:
        out += [
            FieldEvidence(t, f"{label} description", False, role.research) for t in term_catalogue().mentions(role.description)
        ]
    return out


@lru_cache(maxsize=8)
def field_evidence(profile: Profile) -> tuple[FieldEvidence, ...]:
    """Everything in a profile that names a field, stated first, each (term, source) once. Read
    once per profile: the degree, research, skills and text rules all judge from it."""
    out: list[FieldEvidence] = []
    if profile.degree.field:
        out += [FieldEvidence(t, "degree field", True, True) for t in terms_of(profile.degree.field) or (profile.degree.field,)]
    if profile.degree.thesis:
        out += [FieldEvidence(t, "thesis", False, True) for t in term_catalogue().mentions(profile.degree.thesis)]
    for role in profile.experience:
        if role.research:
            out += role_evidence(role)
    venues, terms = venue_catalogue(), term_catalogue()
    for pub in profile.publications:
        venue = venues.resolve(pub.venue).venue if pub.venue else None
        for area in venue.areas if venue else ():
            for t in terms_of(venues.area_label(area)):
                out.append(FieldEvidence(t, f"paper at {venue.acronym}", False, True))  # type: ignore[union-attr]
        if pub.title:
            out += [FieldEvidence(t, "paper title", False, True) for t in terms.mentions(pub.title)]
    out += [FieldEvidence(t, "interests", True, False) for i in profile.interests for t in terms_of(i) or (i,)]
    out += [FieldEvidence(t, "skills", False, False) for s in profile.skills for t in terms_of(s)]
    return tuple({(e.term, e.source): e for e in out}.values())


def supports(field: str, term: str) -> bool:
    """Whether evidence of `term` is evidence of `field`: the same term, or a kind of it."""
    terms = term_catalogue()
    wanted = terms.resolve(field)
    if wanted.canonical is None:
        # A field the catalogue does not know ("EEG signal processing") is supported only by
        # evidence naming it: a broader field it contains ("signal processing") is not evidence.
        return fold(field) in fold(term) or fuzz.ratio(fold(field), fold(term)) >= UNKNOWN_FIELD_CUTOFF
    return term == wanted.canonical or wanted.canonical in terms.ancestors(term)


def related_terms(field: str, term: str) -> bool:
    """Whether two terms share a field narrower than the broad roots (ROOT_FIELDS), or one is a
    kind of the other: research in one does not contradict the other."""
    terms = term_catalogue()
    wanted = terms.resolve(field).canonical
    if wanted is None or wanted == term:
        return True
    mine, theirs = terms.ancestors(term) | {term}, terms.ancestors(wanted) | {wanted}
    return bool((mine & theirs) - ROOT_FIELDS)


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


@dataclass(frozen=True, slots=True)
class FieldFinding:
    """What a profile's evidence says about the fields a posting names."""

    outcome: str
    """supported (evidence in a named field or below it) | related (research in a neighbouring
    field) | contradicted (research only in unrelated fields) | silent (nothing either way)."""
    wanted: str | None
    """The posting's field the evidence speaks to."""
    items: tuple[FieldEvidence, ...]
    """The evidence used."""

    @property
    def inferred(self) -> bool:
        """Supported only by what the profile did (papers, descriptions), not by a field it states."""
        return not any(e.stated for e in self.items)

    def describe(self) -> str:
        """ "field 'computer architecture' (inferred: papers at ISCA, MICRO; role 'PhD researcher')"."""
        sources = list(dict.fromkeys(e.source for e in self.items))
        papers = [s.removeprefix("paper at ") for s in sources if s.startswith("paper at ")]
        shown = ([f"paper{'s' if len(papers) > 1 else ''} at {', '.join(papers)}"] if papers else []) + [
            s for s in sources if not s.startswith("paper at ")
        ]
        terms = ", ".join(dict.fromkeys(e.term for e in self.items))
        how = "inferred" if self.inferred else "stated"
        return f"'{terms}' ({how}: {'; '.join(shown[:4])}{'; ...' if len(shown) > 4 else ''})"


def find_field(fields: Sequence[str], evidence: Sequence[FieldEvidence]) -> FieldFinding:
    """Whether the evidence puts the profile in one of `fields`: support wins (stated evidence
    first); without support, research only in unrelated fields contradicts it; otherwise the
    profile is silent on it."""
    for stated in (True, False):
        for field in fields:
            found = tuple(e for e in evidence if e.stated is stated and supports(field, e.term))
            if found:
                return FieldFinding("supported", field, found)
    research = [e for e in evidence if e.research and term_catalogue().resolve(e.term).canonical is not None]
    near = tuple(e for e in research for f in fields if related_terms(f, e.term))
    if near:
        return FieldFinding("related", fields[0], near)
    if any(e.term not in ROOT_FIELDS for e in research):
        return FieldFinding("contradicted", None, tuple(e for e in research if e.term not in ROOT_FIELDS))
    return FieldFinding("silent", None, ())
