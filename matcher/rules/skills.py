"""`skills`: any or all of a list of skills, or at least `min` of them.

Posting file: `skills: {any: [..]}` or `skills: {all: [..]}`, optionally `min: 2`; with `any`,
`examples_of: computer science` says the list gives examples of an area, so that any kind of that
area counts as well ("experience in one area of computer science, e.g. LLMs, computer vision").
Each wanted term is matched against the profile's skills, its degree field and the fields its
research shows (a role's topics, its papers' venue areas: said as inferred) through the term
catalogue (aliases, narrower terms, fuzzy spelling); compounds are split on both sides, so
"C/C++" asks for C and C++. `any` is met by one; `all` and `min` give partial credit for some.
A term named only by the profile's interests or by a job that was not research (its topics, title
or description: "regression tests for a lane-keeping camera") counts half, said inferred: an
advisor reads it as some exposure to the area, not as the skill (round 9, holdout8's j1686), so it
makes a qualification partial, never met, in a profile that lists skills. A tool is only shown by naming it (or a kind of it),
never by a topic, so "listed skills lacking an asked tool make it unmet" still holds.
A profile that lists no skills, and whose degree and research show fewer of those asked than needed,
is unknown: it has not said, which is not the same as not having them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import repeat
from operator import itemgetter
from typing import Any

from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import Judgement, Posting, Profile, SkillsCriterion, Verdict
from matcher.positioned import MAX_COUNT, ValueReader, value_mark
from matcher.rules.base import Assessment, Fill, Judges, Key, Memo, ReadQualification, Rule, clip, credit_of, fraction, judgement
from matcher.rules.evidence import degree_field_items, field_evidence, role_evidence

SkillsKey = tuple[str, tuple[str, ...], int, tuple[str, ...], str, int | None, str | None]
"""("skills", the terms with compounds split and the area they are examples of, how many must be
found; then the terms as written, mode, min and area, so that the criterion can be made again:
criterion_of)."""

SKILLS = frozenset({"skills"})


def skill_items(profile: Profile) -> list[str]:
    """What a skills qualification is matched against: skills (compounds split) and the field."""
    return term_catalogue().expand([*profile.skills, *degree_field_items(profile)])


def research_knowledge(profile: Profile) -> dict[str, str]:
    """Fields the profile's research shows it knows, beyond its skills list: term -> where from
    (a role's topics, its papers' venues: an ISCA paper shows computer architecture)."""
    return {e.term: e.source for e in field_evidence(profile) if e.research and e.source != "degree field"}


def exposure(profile: Profile) -> dict[str, str]:
    """Areas the profile has met without research in them: its interests and the jobs that were
    not research (their topics, title, description): term -> where from. Half of a skill."""
    terms = term_catalogue()
    # An interest is read whole ("AI ethics" is not an interest in AI), a job's words by mention.
    out = {terms.resolve(i).canonical or i: "interests" for i in profile.interests}
    for role in profile.experience:
        if not role.research:
            for e in role_evidence(role):
                out.setdefault(e.term, e.source)
    return out


def wanted_terms(c: SkillsCriterion) -> list[str]:
    """The terms looked for: compounds split, and the area the terms are examples of, if named
    (the `any` it goes with makes finding it as good as finding one of them)."""
    wanted = term_catalogue().expand(c.terms)
    return [*wanted, c.examples_of] if c.examples_of and c.examples_of not in wanted else wanted


def _needed(c: SkillsCriterion, wanted: Sequence[str]) -> int:
    # Counted after splitting compounds: "all of [C/C++, Python]" asks for C, C++ and Python.
    return min(c.min, len(wanted)) if c.min else (1 if c.mode == "any" else len(wanted))


EXPOSURE_WEIGHT = 0.5
"""What a term shown only by interests or a non-research job counts for, against 1 for a skill."""


def _assessment(found: int, exposed: int, needed: int) -> Assessment:
    done = found + EXPOSURE_WEIGHT * exposed
    verdict = fraction(found, needed) if found >= needed else fraction(done, needed + 1e-9)
    return verdict, credit_of(verdict, min(1.0, done / needed) if needed else 1.0)


def skills_asked(terms: Sequence[str]) -> str:
    return clip("/".join(terms), 40)


def _skills_label(terms: Sequence[str], verdict: Verdict, matched: Callable[[], str | None]) -> str:
    """What was found when met, else what is asked for."""
    if verdict is Verdict.MET and (found := matched()):
        return clip(found, 30)
    return skills_asked(terms)


class SkillsRule(Rule[SkillsCriterion]):
    criterion = SkillsCriterion
    reads = frozenset({"skills", "degree", "research", "publications"})

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self.inferred = research_knowledge(self.profile)
        """Items known from research, not listed as skills: term -> where from."""
        self.items = skill_items(self.profile)
        self.items += [t for t in self.inferred if t not in self.items]
        self.exposed = {t: source for t, source in exposure(self.profile).items() if t not in self.items}
        """Areas met only through interests or non-research jobs: term -> where from."""
        self._exposed_items = list(self.exposed)
        self._best: dict[str, TermMatch] = {}
        self._brushed: dict[str, TermMatch] = {}
        self.has: Memo[str, bool] = Memo(lambda term: self.best(term).found)
        """Term -> whether the profile has it (as `best` finds it), found on first lookup."""
        self.exposed_to: Memo[str, bool] = Memo(lambda term: not self.has[term] and self.brushed(term).found)
        """Term -> whether the profile has only met it (interests, non-research jobs)."""
        self._evidence: Memo[str, str] = Memo(
            lambda term: self._described(self.best(term), self.brushed(term) if self.exposed_to[term] else None)
        )
        """Term -> what the profile shows of it, in words: a folder's skills qualifications ask
        the same terms in many combinations, and each is described once."""
        self._assessed: Memo[tuple[int, int, int], Assessment] = Memo(
            lambda key: _assessment(*key) if self.profile.skills or key[0] >= key[2] else (Verdict.UNKNOWN, 0.0)
        )
        """(terms found, terms only met, terms needed) -> their assessment; unknown for fewer
        found than needed in a profile that lists no skills: one that has said nothing of its
        skills is not judged on its interests (holdout4's j1021), nor short of what its degree and
        research do not name (a statistics PhD listing nothing may well know machine learning:
        holdout10's j1995)."""

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> SkillsCriterion | None:
        m = reader.mapping(value, mark, what, ["any", "all", "min", "examples_of"])
        if m is None:
            return None
        modes = [k for k in ("any", "all") if k in m]
        if len(modes) != 1:
            reader.problem(f"{what}: give exactly one of 'any' or 'all'", m.mark)
            return None
        terms = reader.texts(m, modes[0], what)
        if not terms:
            reader.problem(f"{what}.{modes[0]}: list at least one skill", value_mark(m, modes[0]))
            return None
        examples_of = reader.text(m, "examples_of", what)
        if examples_of and modes[0] != "any":
            reader.problem(f"{what}.examples_of: goes with 'any' (examples of an area, one of which is asked)", m.mark)
            return None
        return SkillsCriterion(
            terms=terms,
            mode=modes[0],  # type: ignore[arg-type]
            min=reader.number(m, "min", what, integer=True, minimum=1, maximum=MAX_COUNT),
            examples_of=examples_of,
        )

    def best(self, term: str) -> TermMatch:
        """The profile item that matches one wanted term best."""
        found = self._best.get(term)
        if found is None:
            found = self._best[term] = term_catalogue().best_match(term, self.items)
        return found

    def brushed(self, term: str) -> TermMatch:
        """The interest or non-research job item that matches one wanted term best."""
        found = self._brushed.get(term)
        if found is None:
            found = self._brushed[term] = term_catalogue().best_match(term, self._exposed_items)
        return found

    def matched(self, wanted: Iterable[str]) -> str | None:
        """The profile items that matched the wanted terms, each once, as a judgement names them."""
        return ", ".join(dict.fromkeys(m.matched for m in map(self.best, wanted) if m.matched)) or None

    def judge(self, c: SkillsCriterion, posting: Posting | None) -> Judgement:
        wanted = wanted_terms(c)
        rule = f"{'any' if c.mode == 'any' else 'all'} of [{', '.join(c.terms)}]" + (f", at least {c.min}" if c.min else "")
        if c.examples_of:
            rule += f", or any other kind of {c.examples_of} (the list gives examples)"
        matches = [self.best(w) for w in wanted]
        found = [m for m in matches if m.found]
        brushed = {w for w in wanted if self.exposed_to[w]}
        verdict, credit = self._assessed[len(found), len(brushed), _needed(c, wanted)]
        evidence = "; ".join(map(self._evidence.__getitem__, wanted))
        if verdict is Verdict.UNKNOWN:
            shown = "only some" if found else "none"
            evidence = f"the profile lists no skills, and its degree and research name {shown} of these ({evidence})"
        return judgement(
            verdict,
            rule,
            evidence,
            credit=credit,
            matched=self.matched(wanted),
            similarity=min((m.similarity for m in found), default=None),
        )

    def _described(self, m: TermMatch, brushed: TermMatch | None = None) -> str:
        if brushed is not None:
            where = self.exposed.get(brushed.matched or "", "interests")
            return f"{m.wanted}: {brushed.describe()} (inferred, some exposure: {where})"
        if not m.found:
            return f"{m.wanted}: not in profile"
        source = self.inferred.get(m.matched or "")
        return f"{m.wanted}: {m.describe()}" + (
            f" (inferred: {source})" if source and m.matched not in self.profile.skills else ""
        )

    # --- the fast path -----------------------------------------------------------------------

    @classmethod
    def key(cls, c: SkillsCriterion) -> SkillsKey:
        wanted = wanted_terms(c)
        return ("skills", tuple(wanted), _needed(c, wanted), c.terms, c.mode, c.min, c.examples_of)

    @classmethod
    def criterion_of(cls, key: Key) -> SkillsCriterion:
        return SkillsCriterion(key[3], key[4], key[5], key[6])

    def assess_keys(self, keys: Sequence[Key]) -> Iterable[Assessment]:
        """A chain of maps, so that the loop runs in C: how many of each key's terms the profile
        has, and how many it has only met (memos by term), then the assessment of (found, met,
        needed) from a memo."""
        found = map(sum, map(map, repeat(self.has.__getitem__), map(itemgetter(1), keys)))
        met = map(sum, map(map, repeat(self.exposed_to.__getitem__), map(itemgetter(1), keys)))
        return map(self._assessed.__getitem__, zip(found, met, map(itemgetter(2), keys), strict=True))

    # --- words and gaps ------------------------------------------------------------------------

    @classmethod
    def label(cls, c: SkillsCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return _skills_label(c.terms, verdict, lambda: judgement().matched)

    @classmethod
    def unmet_label(cls, key: Key) -> str:
        return skills_asked(key[3])

    def key_label(self, key: Key, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return _skills_label(key[3], verdict, lambda: self.matched(key[1]))  # no judgement in words needed

    def fills(self, c: SkillsCriterion, j: Judgement) -> list[Fill]:
        terms = term_catalogue()
        missing = [t for t in terms.expand(c.terms) if not self.best(t).found]
        return [
            Fill("skills", t, ("skills", terms.resolve(t).canonical or fold(t)), True, _add_skill(t), SKILLS) for t in missing
        ]


def _add_skill(term: str) -> Callable[[Profile], Profile]:
    return lambda p: replace(p, skills=(*p.skills, term))
