"""`research_experience`: years of research, optionally in named fields.

Posting file: `research_experience: {min_years: 1, fields: [..], related_fields: true}`.

Years: `research_experience_years` when the profile states it; else the research roles of
`experience`, overlapping roles merged (a PhD and a concurrent lab role are not counted twice),
ongoing ones to today; else, for a PhD student in year N with no research roles listed, an
estimated N-1 to N years (shown as estimated). A stated 0 beside listed research roles
contradicts itself: unknown. Met at `min_years` or more, partial down to PARTIAL_YEARS_SHARE of
it, unmet below.

Fields: judged as a careful advisor would, from everything the profile says (matcher.rules.
evidence): its degree field, thesis, research roles' topics, titles and descriptions, its papers'
venues and titles, its interests and skills. Evidence in a named field or below it in the term
hierarchy meets it (LLM research is deep-learning research; ISCA papers are computer
architecture), and the explanation says when that was inferred and from what. Research only in
unrelated fields leaves it unmet; when nothing supports or contradicts, it is unknown, not unmet.
Years asked in a field count only the roles in that field (a role that names no field counts
when the rest of the profile puts the research there).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from typing import Any, NamedTuple

from matcher.knowledge.text import fold
from matcher.models import Experience, Judgement, Posting, Profile, ResearchExperienceCriterion, Stage, Verdict
from matcher.positioned import MAX_YEARS_OF_RESEARCH, ValueReader
from matcher.rules.base import Fill, Judges, ReadQualification, Rule, judgement
from matcher.rules.evidence import FieldFinding, field_evidence, find_field, role_evidence, supports
from matcher.tuning import PARTIAL_YEARS_SHARE

RESEARCH_PARTS = frozenset({"research", "degree", "publications", "skills", "interests"})
"""What the rule reads: years from `research` (stated years and experience) and the degree's
year; the field from everything field_evidence reads."""


class ResearchYears(NamedTuple):
    years: float | None
    """None when the profile says nothing about research experience (or contradicts itself);
    the lower end when estimated."""
    evidence: str
    estimated_to: float | None = None
    """The upper end of an estimate (a PhD student's year); None when not estimated."""


def merged_years(roles: Iterable[Experience], today: date) -> float:
    """Years covered by the roles' intervals, overlaps counted once (ongoing roles end today)."""
    spans = sorted((r.start, r.end or today) for r in roles if r.start is not None and (r.end or today) > r.start)
    days, reach = 0, date.min
    for start, end in spans:
        if end > reach:
            days += (end - max(start, reach)).days
            reach = end
    return round(days / 365.25, 1)


def _roles_named(roles: list[Experience]) -> str:
    return "; ".join(r.role + (f" at {r.organization}" if r.organization else "") for r in roles)


def research_years(profile: Profile, today: date, roles: list[Experience] | None = None) -> ResearchYears:
    """Stated years, or the research roles' merged years, or a PhD student's estimate (see the
    module docstring). `roles`: only these research roles (years in a field)."""
    every_role = [e for e in profile.experience if e.research]
    counted = every_role if roles is None else roles
    listed = merged_years(counted, today)
    if profile.research_experience_years is not None:
        stated = float(profile.research_experience_years)
        if stated == 0 and merged_years(every_role, today) > 0:
            return ResearchYears(None, f"research_experience_years: 0, yet it lists research roles ({_roles_named(every_role)})")
        return ResearchYears(stated, f"research_experience_years: {stated:g}")
    if counted:
        overlap = " (overlapping roles counted once)" if listed < sum(merged_years([r], today) for r in counted) else ""
        return ResearchYears(listed, f"{listed:g} years from {len(counted)} research role(s){overlap}: {_roles_named(counted)}")
    if every_role:
        return ResearchYears(0.0, "none of its research roles is in that field")
    degree = profile.degree
    if degree.stage is Stage.PHD and degree.year:
        low = float(degree.year - 1)
        return ResearchYears(
            low, f"estimated {low:g}-{degree.year} years: a PhD student in year {degree.year}", float(degree.year)
        )
    if profile.experience:
        return ResearchYears(0.0, "no experience entry has research: true")
    return ResearchYears(None, "the profile states no research experience")


class ResearchExperienceRule(Rule[ResearchExperienceCriterion]):
    criterion = ResearchExperienceCriterion
    reads = RESEARCH_PARTS

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self.research = research_years(self.profile, self.today)
        self.evidence = field_evidence(self.profile)
        self._findings: dict[tuple[str, ...], FieldFinding] = {}

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> ResearchExperienceCriterion | None:
        m = reader.mapping(value if value is not None else {}, mark, what, ["min_years", "fields", "related_fields"])
        if m is None:
            return None
        years = reader.number(m, "min_years", what, maximum=MAX_YEARS_OF_RESEARCH)
        return ResearchExperienceCriterion(
            min_years=None if years is None else float(years),
            fields=reader.texts(m, "fields", what),
            related_fields=bool(reader.boolean(m, "related_fields", what)),
        )

    def finding(self, fields: tuple[str, ...]) -> FieldFinding:
        """What the profile's evidence says about these fields, found once per field list."""
        found = self._findings.get(fields)
        if found is None:
            found = self._findings[fields] = find_field(fields, self.evidence)
        return found

    def years_in(self, fields: tuple[str, ...], finding: FieldFinding) -> ResearchYears:
        """Research years in these fields: the roles whose own evidence is in one of them, and
        the roles that name no field when the rest of the profile puts the research there."""
        roles = [e for e in self.profile.experience if e.research]
        if not roles or finding.outcome != "supported":
            return self.research
        kept = []
        for role in roles:
            own = [e.term for e in role_evidence(role)]
            if any(supports(f, t) for f in fields for t in own) or not own:
                kept.append(role)
        return research_years(self.profile, self.today, kept)

    def judge(self, c: ResearchExperienceCriterion, posting: Posting | None) -> Judgement:
        rule = f"research years >= {c.min_years:g}" if c.min_years is not None else "some research experience"
        if c.fields:
            rule += f" in [{', '.join(c.fields)}]" + (" or related" if c.related_fields else "")
        finding = self.finding(c.fields) if c.fields else None
        stated = self.years_in(c.fields, finding) if finding else self.research
        if stated.years is None:
            return judgement(Verdict.UNKNOWN, rule, stated.evidence)
        needed = c.min_years or 0.0
        top = stated.estimated_to if stated.estimated_to is not None else stated.years
        if top <= 0:
            return judgement(Verdict.UNMET, rule, stated.evidence)
        if stated.years >= needed and (needed or stated.years > 0):
            verdict, credit = Verdict.MET, 1.0
        else:  # an estimate reaching the threshold only at its top is partial
            verdict = Verdict.PARTIAL if top >= needed or top >= PARTIAL_YEARS_SHARE * needed else Verdict.UNMET
            credit = min(1.0, top / needed) if needed else 0.5
        evidence = stated.evidence
        matched = f"{stated.years:g}" + (f"-{top:g}" if stated.estimated_to is not None else "") + " years"
        if finding is not None:
            verdict, credit, evidence = self._in_fields(c, finding, verdict, credit, evidence)
        return judgement(verdict, rule, evidence, credit=credit, matched=matched, similarity=None)

    def _in_fields(
        self, c: ResearchExperienceCriterion, finding: FieldFinding, verdict: Verdict, credit: float, evidence: str
    ) -> tuple[Verdict, float, str]:
        """The years' verdict, given what the evidence says of the fields asked."""
        match finding.outcome:
            case "supported":
                return verdict, credit, f"{evidence}; field {finding.describe()} is '{finding.wanted}'"
            case "related" if c.related_fields:
                return verdict, credit, f"{evidence}; research in a related field {finding.describe()}"
            case "related":  # near the fields named is not in them, unless the posting accepts related fields
                return (
                    Verdict.UNMET,
                    0.0,
                    f"{evidence}; its research is in {finding.describe()}, near but not in the fields named",
                )
            case "contradicted":
                return Verdict.UNMET, 0.0, f"{evidence}; its research is in {finding.describe()}, none of the fields named"
        return Verdict.UNKNOWN, 0.0, f"{evidence}; nothing in the profile says which field its research is in"

    @classmethod
    def label(cls, c: ResearchExperienceCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        label = f"{c.min_years:g}+ yr research" if c.min_years else "research experience"
        return label + (f" in {c.fields[0]}" if c.fields else "")

    def fills(self, c: ResearchExperienceCriterion, j: Judgement) -> list[Fill]:
        """A research role of the posting's own length in its first field, ongoing: the years a
        posting wrote ("2+ years"), never a figure of the profile's."""
        needed = c.min_years or 0.5
        subject = c.fields[0] if c.fields else None
        label = f"{needed:g}+ years of research" + (f" in {subject}" if subject else "")
        start = date.fromordinal(self.today.toordinal() - round(needed * 365.25) - 1)
        role = Experience(
            f"research in {subject}" if subject else "research", None, start, None, True, topics=(subject,) if subject else ()
        )

        def more_research(p: Profile, role: Experience = role, needed: float = needed) -> Profile:
            stated = p.research_experience_years
            return replace(
                p, experience=(*p.experience, role), research_experience_years=None if stated is None else max(stated, needed)
            )

        key = ("research", needed, fold(subject or ""))
        return [Fill("research_experience", label, key, False, more_research, frozenset({"research"}))]
