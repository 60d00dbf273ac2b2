"""`research_experience`: years of research, optionally in named fields.

Posting file: `research_experience: {min_years: 1, fields: [..], related_fields: true}`.
The profile's years are `research_experience_years` when stated, else the research roles of
`experience` summed (to today if ongoing). Met at `min_years` or more, partial below; unknown when
the profile says nothing about research. With `fields`, the profile's degree field, research
roles and interests must match one (or the posting accepts a related field: then partial).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import Judgement, Posting, Profile, ResearchExperienceCriterion, Verdict
from matcher.positioned import ValueReader
from matcher.rules.base import Fill, Judges, Memo, ReadQualification, Rule, fraction, judgement
from matcher.rules.evidence import best_of, research_field_items
from matcher.tuning import RELATED_FIELD_CREDIT


class ResearchYears(NamedTuple):
    years: float | None
    """None when the profile says nothing about research experience."""
    evidence: str


def research_years(profile: Profile, today: date) -> ResearchYears:
    """Stated years, or the sum of the research roles in `experience` (to `today` if ongoing)."""
    if profile.research_experience_years is not None:
        years = float(profile.research_experience_years)
        return ResearchYears(years, f"research_experience_years: {years:g}")
    roles = [e for e in profile.experience if e.research]
    if not roles:
        if profile.experience:
            return ResearchYears(0.0, "no experience entry has research: true")
        return ResearchYears(None, "the profile states no research experience")
    total_days = 0
    named = []
    for role in roles:
        start = role.start
        end = role.end or today
        if start is not None and end > start:
            total_days += (end - start).days
        named.append(role.role + (f" at {role.organization}" if role.organization else ""))
    years = round(total_days / 365.25, 1)
    return ResearchYears(years, f"{years:g} years from {len(roles)} research role(s): {'; '.join(named)}")


class ResearchExperienceRule(Rule[ResearchExperienceCriterion]):
    criterion = ResearchExperienceCriterion
    reads = frozenset({"research", "degree", "interests"})

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self.research = research_years(self.profile, self.today)
        self._fields: dict[tuple[str, ...], TermMatch | None] = {}
        self._field: Memo[str, TermMatch] = Memo(
            lambda field: term_catalogue().best_match(field, research_field_items(self.profile))
        )
        """One field a posting names -> the best of the profile's field, research roles and interests."""

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> ResearchExperienceCriterion | None:
        m = reader.mapping(value if value is not None else {}, mark, what, ["min_years", "fields", "related_fields"])
        if m is None:
            return None
        years = reader.number(m, "min_years", what)
        return ResearchExperienceCriterion(
            min_years=None if years is None else float(years),
            fields=reader.texts(m, "fields", what),
            related_fields=bool(reader.boolean(m, "related_fields", what)),
        )

    def field_match(self, fields: tuple[str, ...]) -> TermMatch | None:
        """The best of the profile's field, research roles and interests against these fields."""
        if fields not in self._fields:  # each field matched once, however many lists name it
            self._fields[fields] = best_of(map(self._field.__getitem__, fields))
        return self._fields[fields]

    def judge(self, c: ResearchExperienceCriterion, posting: Posting | None) -> Judgement:
        rule = f"research years >= {c.min_years:g}" if c.min_years is not None else "some research experience"
        if c.fields:
            rule += f" in [{', '.join(c.fields)}]" + (" or related" if c.related_fields else "")
        stated = self.research
        if stated.years is None:
            return judgement(Verdict.UNKNOWN, rule, stated.evidence)
        needed = c.min_years if c.min_years else 0.0
        if stated.years <= 0:
            return judgement(Verdict.UNMET, rule, stated.evidence, similarity=None)
        verdict = fraction(stated.years, needed) if needed else Verdict.MET
        credit = min(1.0, stated.years / needed) if needed else 1.0
        evidence = stated.evidence
        similarity = None
        matched = f"{stated.years:g} years"
        if c.fields:
            hit = self.field_match(c.fields)
            if hit is None and c.related_fields:
                evidence += "; its field is none of those named; the posting accepts a related field, which is not judged"
                if verdict is Verdict.MET:
                    verdict, credit = Verdict.PARTIAL, RELATED_FIELD_CREDIT
            elif hit is None:
                evidence += "; in none of the fields named"
                verdict, credit = Verdict.UNMET, 0.0
            else:
                evidence += f"; field {hit.describe()} for '{hit.wanted}'"
                similarity = hit.similarity
        return judgement(verdict, rule, evidence, credit=credit, matched=matched, similarity=similarity)

    @classmethod
    def label(cls, c: ResearchExperienceCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        label = f"{c.min_years:g}+ yr research" if c.min_years else "research experience"
        return label + (f" in {c.fields[0]}" if c.fields else "")

    def fills(self, c: ResearchExperienceCriterion, j: Judgement) -> list[Fill]:
        needed = c.min_years or 0.5
        years = max(needed, self.research.years or 0.0)
        subject = c.fields[0] if c.fields else None
        label = f"{years:g}+ years of research" + (f" in {subject}" if subject else "")

        def more_research(p: Profile, years: float = years, subject: str | None = subject) -> Profile:
            interests = (*p.interests, subject) if subject else p.interests
            return replace(p, research_experience_years=years, interests=interests)

        key = ("research", years, fold(subject or ""))
        return [Fill("research_experience", label, key, False, more_research, frozenset({"research", "interests"}))]
