"""How the matcher reads a profile (`intern-match profile show`): each skill, interest and paper's
venue as the catalogues resolve it, and the research years, so a user can fix surprises before
ranking. Pure functions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import Profile
from matcher.rules.research_experience import ResearchYears, research_years


@dataclass(frozen=True, slots=True)
class ReadTerm:
    written: str
    canonical: str | None
    how: str
    similarity: int


@dataclass(frozen=True, slots=True)
class ReadPublication:
    title: str | None
    year: int | None
    written: str | None
    venue: str | None
    areas: tuple[str, ...]
    how: str
    similarity: int


@dataclass(frozen=True, slots=True)
class ProfileReading:
    """How the matcher reads a profile, so a user can fix surprises before ranking."""

    profile: Profile
    field: ReadTerm | None
    research: ResearchYears
    publications: tuple[ReadPublication, ...]
    skills: tuple[ReadTerm, ...]
    interests: tuple[ReadTerm, ...]


def read_profile(profile: Profile, today: date) -> ProfileReading:
    terms = term_catalogue()
    venues = venue_catalogue()

    def term(text: str) -> ReadTerm:
        r = terms.resolve(text)
        return ReadTerm(text, r.canonical, r.how, r.similarity)

    publications = []
    for pub in profile.publications:
        r = venues.resolve(pub.venue) if pub.venue else None
        venue = r.venue if r else None
        publications.append(
            ReadPublication(
                pub.title,
                pub.year,
                pub.venue,
                venue.acronym if venue else None,
                venue.areas if venue else (),
                r.how if r else "none",
                r.similarity if r else 0,
            )
        )
    return ProfileReading(
        profile=profile,
        field=term(profile.degree.field) if profile.degree.field else None,
        research=research_years(profile, today),
        publications=tuple(publications),
        skills=tuple(term(s) for s in terms.expand(profile.skills)),
        interests=tuple(term(i) for i in profile.interests),
    )
