"""What to do next: which unmet qualifications, if the candidate met them, would change the most.

Every figure is computed by re-scoring: a gap is filled in a copy of the profile (a skill added,
research years raised, a paper at the venue added, ...) and every posting is ranked again, so
adding the top suggested skill to the profile and running `rank` shows exactly the change
promised here. Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import partial

from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import (
    AllOfCriterion,
    AnyOfCriterion,
    Availability,
    AvailabilityCriterion,
    DegreeCriterion,
    Judgement,
    LocationCriterion,
    Posting,
    Profile,
    ProfileLocation,
    Publication,
    PublicationsCriterion,
    Qualification,
    ResearchExperienceCriterion,
    SkillsCriterion,
    Verdict,
    group_members,
)
from matcher.scoring import Scorer, research_years

OPEN = (Verdict.UNMET, Verdict.PARTIAL)
SKILLS = frozenset({"skills"})
DEGREE = frozenset({"degree"})


@dataclass(frozen=True, slots=True)
class Fill:
    """One way to close a gap: what to add to the profile, as a function of the profile."""

    kind: str
    item: str
    key: tuple[object, ...]
    """Equivalent fills share a key: the same skill asked by five postings is one gap."""
    quick: bool
    apply: Callable[[Profile], Profile]
    changes: frozenset[str]
    """The parts of the profile `apply` changes (the names of scoring.DEPENDS_ON)."""


@dataclass(frozen=True, slots=True)
class Gap:
    kind: str
    item: str
    quick: bool
    newly_eligible: tuple[str, ...]
    """Postings not eligible now that would be."""
    score_gain: dict[str, float]
    """Posting id -> score gained, for postings eligible now whose score would rise."""
    asked_by: tuple[str, ...]
    """Postings whose qualifications name this gap."""
    quotes: tuple[str, ...] = field(default=())


def _add_skill(term: str) -> Callable[[Profile], Profile]:
    return lambda p: replace(p, skills=(*p.skills, term))


def fills_for(q: Qualification, j: Judgement, scorer: Scorer, today: date) -> list[Fill]:
    """The fills that would close one open (unmet or partial) qualification."""
    if j.verdict not in OPEN:
        return []
    c = q.criterion
    profile = scorer.profile
    match c:
        case SkillsCriterion():
            missing = [t for t in term_catalogue().expand(c.terms) if not scorer.best_skill(t).found]
            return [
                Fill("skills", t, ("skills", term_catalogue().resolve(t).canonical or fold(t)), True, _add_skill(t), SKILLS)
                for t in missing
            ]
        case DegreeCriterion():
            out: list[Fill] = []
            stage = profile.degree.stage
            if stage not in c.stages:
                above = [s for s in sorted(c.stages) if s > stage]
                target = above[0] if above else max(c.stages)
                out.append(
                    Fill(
                        "degree",
                        f"a {target.title} (enrolled)",
                        ("degree", target),
                        False,
                        partial(_with_degree, stage=target, enrolled=True),
                        DEGREE,
                    )
                )
            elif c.enrolled and not profile.degree.enrolled:
                out.append(
                    Fill(
                        "degree",
                        "current enrolment",
                        ("enrolled",),
                        False,
                        partial(_with_degree, enrolled=True),
                        DEGREE,
                    )
                )
            elif c.fields and not c.related_fields:
                name = c.fields[0]
                out.append(
                    Fill(
                        "degree",
                        f"a degree in {name}",
                        ("field", fold(name)),
                        False,
                        partial(_with_degree, field=name),
                        DEGREE,
                    )
                )
            return out
        case ResearchExperienceCriterion():
            needed = c.min_years or 0.5
            have = research_years(profile, today).years or 0.0
            years = max(needed, have)
            subject = c.fields[0] if c.fields else None
            label = f"{years:g}+ years of research" + (f" in {subject}" if subject else "")

            def more_research(p: Profile, years: float = years, subject: str | None = subject) -> Profile:
                interests = (*p.interests, subject) if subject else p.interests
                return replace(p, research_experience_years=years, interests=interests)

            research_key = ("research", years, fold(subject or ""))
            return [Fill("research_experience", label, research_key, False, more_research, frozenset({"research", "interests"}))]
        case PublicationsCriterion():
            venue = c.venues[0] if c.venues else _venue_of_area(c.areas[0]) if c.areas else "any venue"
            counted = sum(1 for _ in _counted(j))
            more = max(1, c.min - counted)
            year = max(c.since or 0, today.year)
            label = f"{more} paper{'s' if more > 1 else ''} at {venue}"

            def add_papers(p: Profile, venue: str = venue, more: int = more, year: int = year) -> Profile:
                papers = tuple(Publication(title=f"(a paper at {venue})", venue=venue, year=year) for _ in range(more))
                return replace(p, publications=(*p.publications, *papers))

            papers_key = ("publications", fold(venue), more)
            return [Fill("publications", label, papers_key, False, add_papers, frozenset({"publications"}))]
        case LocationCriterion():
            return [
                Fill(
                    "location",
                    "willing to relocate",
                    ("relocate",),
                    False,
                    lambda p: replace(p, location=replace(p.location or ProfileLocation(), willing_to_relocate=True)),
                    frozenset({"location"}),
                )
            ]
        case AvailabilityCriterion():
            start = c.start or today
            weeks = c.weeks or 12
            return [
                Fill(
                    "availability",
                    f"available from {start.isoformat()} for {weeks} weeks",
                    ("availability", start, weeks),
                    False,
                    partial(_available, start=start, weeks=weeks),
                    frozenset({"availability"}),
                )
            ]
        case AnyOfCriterion() | AllOfCriterion():
            return [f for m, part in zip(group_members(c), j.parts, strict=True) for f in fills_for(m, part, scorer, today)]
    return []  # text: the tool cannot say what would meet it


def _with_degree(p: Profile, **change: object) -> Profile:
    return replace(p, degree=replace(p.degree, **change))  # type: ignore[arg-type]


def _available(p: Profile, start: date, weeks: int) -> Profile:
    return replace(p, availability=Availability(start, start + timedelta(weeks=weeks)))


def _counted(j: Judgement) -> Iterable[int]:
    """The papers a publications judgement counted (its evidence starts "N counted")."""
    head = j.evidence.split(" ", 1)[0]
    return range(int(head)) if head.isdigit() else ()


def _venue_of_area(area: str) -> str:
    """A well-known venue of an area, to name the gap ("a paper at NeurIPS" for ml)."""
    return venue_catalogue().exemplars.get(area, area)


def find_gaps(postings: Sequence[Posting], profile: Profile, today: date) -> list[Gap]:
    """Gaps that would change something, most newly eligible postings first, then most gained."""
    scorer = Scorer(profile, today)
    before = {m.posting.id: m for m in (scorer.score(p) for p in postings)}
    fills: dict[tuple[object, ...], tuple[Fill, list[str], list[str]]] = {}
    for match in before.values():
        for result in match.results:
            for fill in fills_for(result.qualification, result.judgement, scorer, today):
                entry = fills.setdefault(fill.key, (fill, [], []))
                if match.posting.id not in entry[1]:
                    entry[1].append(match.posting.id)
                if result.qualification.quote and result.qualification.quote not in entry[2]:
                    entry[2].append(result.qualification.quote)
    gaps = []
    for fill, asked_by, quotes in fills.values():
        filled = scorer.changed(fill.apply(profile), fill.changes)
        after = {p.id: filled.score(p) for p in postings}
        newly = tuple(sorted(i for i, m in after.items() if m.eligible and not before[i].eligible))
        gains = {
            i: round(m.score - before[i].score, 4)
            for i, m in sorted(after.items())
            if before[i].eligible and m.score > before[i].score
        }
        if newly or gains:
            gaps.append(Gap(fill.kind, fill.item, fill.quick, newly, gains, tuple(asked_by), tuple(quotes)))
    return sorted(gaps, key=lambda g: (-len(g.newly_eligible), -round(sum(g.score_gain.values()), 4), not g.quick, g.item))
