"""`publications`: papers at listed venues, or at venues of listed areas.

Posting file: `publications: {venues: [CVPR, NeurIPS], areas: [ml, cv], min: 1, since: 2020}`.
Met when at least `min` of the profile's papers (since `since`, if given) are at a listed venue
or at a venue of a listed area; partial for fewer. Venue names are normalised through the venue
catalogue on both sides ("NIPS 2023" is NeurIPS); a venue the catalogue does not know counts
when its text is the same. A paper counts for an area when its venue's area is that field or a
kind of it (a CVPR paper is in area `ml`, computer vision being part of machine learning). With
neither venues nor areas, any paper counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import lru_cache
from operator import add, itemgetter, not_
from typing import Any, NamedTuple

from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import VenueResolution
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import Judgement, Posting, Profile, Publication, PublicationsCriterion, Verdict
from matcher.positioned import MAX_COUNT, YEARS, ValueReader, did_you_mean, value_mark
from matcher.rules.base import Assessment, Fill, Judges, Key, Memo, ReadQualification, Rule, credit_of, fraction, judgement
from matcher.rules.evidence import terms_of

PublicationsKey = tuple[str, frozenset[str], frozenset[str], int | None, int, tuple[str, ...], tuple[str, ...]]
"""("publications", the venues as venue_key gives them, the areas as a set, since, min; then the
venues and areas as written, so that the criterion can be made again: criterion_of)."""

PublicationsReach = tuple[frozenset[str], frozenset[str], int | None, bool, int]
"""What an assessment reads: the venue keys and areas listed (or only those a profile's papers
have: no other can count), since, whether none is listed (then any paper counts), and min."""

_UNKNOWN_VENUE = "\0"


@lru_cache(maxsize=65536)
def venue_key(written: str) -> str:
    """A venue a posting lists, as its acronym, or as its folded text when the catalogue does
    not know it (a paper at an unknown venue counts when its text is the same)."""
    resolved = venue_catalogue().resolve(written)
    return resolved.venue.acronym if resolved.venue else _UNKNOWN_VENUE + fold(resolved.query)


class ReadPaper(NamedTuple):
    """A profile's paper as this rule reads it."""

    publication: Publication
    resolved: VenueResolution | None
    keys: frozenset[str]
    """What a posting's venue list must hold for this paper to count (see venue_key)."""
    areas: frozenset[str]

    @classmethod
    def of(cls, pub: Publication) -> ReadPaper:
        resolved = venue_catalogue().resolve(pub.venue) if pub.venue else None
        venue = resolved.venue if resolved else None
        keys = {venue.acronym} if venue else set()
        if pub.venue:
            keys.add(_UNKNOWN_VENUE + fold(pub.venue))
        return cls(pub, resolved, frozenset(keys), broader_areas(venue.areas) if venue else frozenset())


@lru_cache(maxsize=256)
def broader_areas(areas: tuple[str, ...]) -> frozenset[str]:
    """A venue's areas and every area whose field they are a kind of: a paper at CVPR (computer
    vision) is a machine-learning paper too, as the term hierarchy has it."""
    catalogue, terms = venue_catalogue(), term_catalogue()
    fields = {t for area in areas for t in terms_of(catalogue.area_label(area))}
    above = fields | {a for f in fields for a in terms.ancestors(f)}
    return frozenset(areas) | {area for area, label in catalogue.area_labels.items() if any(t in above for t in terms_of(label))}


def _reach(key: Key) -> PublicationsReach:
    _, venues, areas, since, wanted, *_ = key
    return venues, areas, since, not (venues or areas), wanted


def counted_papers(reach: PublicationsReach, papers: Sequence[ReadPaper]) -> list[ReadPaper]:
    """The profile's papers that count: at a listed venue or area (any, if none is listed),
    since the year asked for."""
    venues, areas, since, none_listed, _ = reach
    counted = []
    for read in papers:
        year = read.publication.year
        if since and year and year < since:
            continue
        if none_listed or not venues.isdisjoint(read.keys) or not read.areas.isdisjoint(areas):
            counted.append(read)
    return counted


def _assess(reach: PublicationsReach, papers: Sequence[ReadPaper], silent: bool = False) -> Assessment:
    if not papers:
        return (Verdict.UNKNOWN if silent else Verdict.UNMET), 0.0
    n, wanted = len(counted_papers(reach, papers)), reach[4]
    verdict = fraction(n, wanted)
    return verdict, credit_of(verdict, min(1.0, n / wanted))


def research_silent(profile: Profile) -> bool:
    """The profile says nothing of its research or progress (no papers, roles, research years, or
    year in the programme): no papers listed is then silence, not a record of none. A first-year
    who lists skills and no papers has said "none yet"."""
    return (
        not profile.publications
        and not profile.experience
        and profile.research_experience_years is None
        and profile.degree.year is None
    )


def papers_asked(venues: Sequence[str], areas: Sequence[str]) -> str:
    listed = ", ".join(venues[:3]) + ("…" if len(venues) > 3 else "")
    return f"paper at {listed or ', '.join(areas) or 'any venue'}"


def _paper_shown(read: ReadPaper) -> tuple[str, str, int]:
    """A counted paper in words (its venue as written, the venue it was read as and how, its
    year), the venue's acronym and the similarity of that reading."""
    pub, resolved = read.publication, read.resolved
    venue = resolved.venue if resolved else None
    name = venue.acronym if venue else (pub.venue or "a paper")
    how = f" ({resolved.how}, {resolved.similarity})" if resolved and resolved.how not in ("exact",) and venue else ""
    text = (
        f"'{pub.venue}'"
        + (f" -> {name}{how}" if venue and venue.acronym != pub.venue else "")
        + (f" {pub.year}" if pub.year else "")
    )
    return text, name, resolved.similarity if resolved and venue else 100


class PublicationsRule(Rule[PublicationsCriterion]):
    criterion = PublicationsCriterion
    reads = frozenset({"publications", "research"})

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self.papers = tuple(ReadPaper.of(pub) for pub in self.profile.publications)
        self.silent = research_silent(self.profile)
        self._assessed: Memo[PublicationsReach, Assessment] = Memo(lambda reach: _assess(reach, self.papers, self.silent))
        """A PublicationsReach -> its assessment."""
        self._shown = {id(read): _paper_shown(read) for read in self.papers}
        """Each paper as an explanation names it: made once, for the many qualifications it counts for."""

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> PublicationsCriterion | None:
        m = reader.mapping(value if value is not None else {}, mark, what, ["venues", "areas", "min", "since"])
        if m is None:
            return None
        known_areas = venue_catalogue().area_labels
        areas = reader.texts(m, "areas", what)
        for area in areas:
            if area not in known_areas:
                reader.problem(
                    f"{what}.areas: unknown area '{area}'{did_you_mean(area, known_areas)} (known: {', '.join(known_areas)})",
                    value_mark(m, "areas"),
                )
        minimum = reader.number(m, "min", what, integer=True, minimum=1, maximum=MAX_COUNT)
        return PublicationsCriterion(
            venues=reader.texts(m, "venues", what),
            areas=areas,
            min=1 if minimum is None else minimum,
            since=reader.number(m, "since", what, integer=True, minimum=YEARS[0], maximum=YEARS[1]),
        )

    def judge(self, c: PublicationsCriterion, posting: Posting | None) -> Judgement:
        parts = []
        if c.venues:
            parts.append(f"venue in [{', '.join(c.venues)}]")
        if c.areas:
            parts.append(f"area in [{', '.join(c.areas)}]")
        rule = f">= {c.min} paper(s)" + (f" at {' or '.join(parts)}" if parts else "") + (f" since {c.since}" if c.since else "")
        reach = _reach(self.key(c))
        verdict, credit = _assess(reach, self.papers, self.silent)
        if not self.papers:
            if self.silent:
                return judgement(
                    verdict, rule, "the profile says nothing of its research: no papers, roles, research years or year"
                )
            return judgement(verdict, rule, "the profile lists no publications")
        shown = [self._shown[id(read)] for read in counted_papers(reach, self.papers)]
        counted = [text for text, _, _ in shown]
        acronyms = [name for _, name, _ in shown]
        similarities = [similarity for _, _, similarity in shown]
        evidence = (
            (f"{len(counted)} counted: " + "; ".join(counted))
            if counted
            else (f"none of {len(self.papers)} paper(s) at a listed venue or area")
        )
        return judgement(
            verdict,
            rule,
            evidence,
            credit=credit,
            matched=", ".join(dict.fromkeys(acronyms)) or None,
            similarity=min(similarities) if similarities else None,
        )

    # --- the fast path -----------------------------------------------------------------------

    @classmethod
    def key(cls, c: PublicationsCriterion) -> PublicationsKey:
        return ("publications", frozenset(map(venue_key, c.venues)), frozenset(c.areas), c.since, c.min, c.venues, c.areas)

    @classmethod
    def criterion_of(cls, key: Key) -> PublicationsCriterion:
        return PublicationsCriterion(key[5], key[6], key[4], key[3])

    def assess_keys(self, keys: Sequence[Key]) -> Iterable[Assessment]:
        """A chain of maps, so that the loop runs in C: each key's PublicationsReach, narrowed to
        the venues and areas the profile's papers have, looked up in a memo."""
        venues = frozenset().union(*(p.keys for p in self.papers))
        areas = frozenset().union(*(p.areas for p in self.papers))
        listed_venues, listed_areas = list(map(itemgetter(1), keys)), list(map(itemgetter(2), keys))
        none_listed = map(not_, map(add, map(len, listed_venues), map(len, listed_areas)))
        reach = zip(
            map(venues.intersection, listed_venues),
            map(areas.intersection, listed_areas),
            map(itemgetter(3), keys),  # since
            none_listed,
            map(itemgetter(4), keys),  # min
            strict=True,
        )
        return map(self._assessed.__getitem__, reach)

    # --- words and gaps ------------------------------------------------------------------------

    @classmethod
    def label(cls, c: PublicationsCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        if verdict in (Verdict.MET, Verdict.PARTIAL) and (j := judgement()).matched:
            n = j.evidence.split(" ", 1)[0]
            return f"{n} paper{'s' if n != '1' else ''} at {j.matched}"
        return papers_asked(c.venues, c.areas)

    @classmethod
    def unmet_label(cls, key: Key) -> str:
        return papers_asked(key[5], key[6])

    def fills(self, c: PublicationsCriterion, j: Judgement) -> list[Fill]:
        catalogue = venue_catalogue()
        venue = c.venues[0] if c.venues else catalogue.exemplars.get(c.areas[0], c.areas[0]) if c.areas else "any venue"
        counted = len(counted_papers(_reach(self.key(c)), self.papers))
        more = max(1, c.min - counted)
        year = max(c.since or 0, self.today.year)
        label = f"{more} paper{'s' if more > 1 else ''} at {venue}"

        def add_papers(p: Profile, venue: str = venue, more: int = more, year: int = year) -> Profile:
            papers = tuple(Publication(title=f"(a paper at {venue})", venue=venue, year=year) for _ in range(more))
            return replace(p, publications=(*p.publications, *papers))

        return [Fill("publications", label, ("publications", fold(venue), more), False, add_papers, frozenset({"publications"}))]
