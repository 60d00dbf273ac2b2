"""`degree`: the degree stage a posting accepts, the fields it names, and current enrolment.

Posting file: `degree: {stage: [phd, masters], fields: [..], enrolled: true, related_fields: true,
enrolled_in: [EMEA], enrolled_at: [..]}`.
Met when the profile's stage is listed, its field matches one of `fields` (if any are named) and
it is enrolled (if asked). A field matches when it is one named or a kind of one (machine learning
is computer science), or names one ("machine learning for healthcare"). When the posting adds
"or a related field", a field an advisor counts as related (knowledge/related_fields.yaml:
statistics for computer science) is met too, one an advisor calls partly related
(knowledge/loosely_related_fields.yaml: computational chemistry for computer science) is partial, a
field known to be unrelated is unmet, and one the catalogues do not know is partial. A profile
without a field is judged by the fields its papers and research name (inferred, and said so), and
is unknown when nothing names one. Programmes open only to students of some places or
institutions are judged in rules/enrolment.py.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from matcher.knowledge.fields import LOOSELY, related_to
from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import DegreeCriterion, Judgement, Posting, Profile, Stage, Verdict
from matcher.positioned import ValueReader, read_stages
from matcher.rules.base import Assessment, Fill, Judges, Key, Memo, ReadQualification, Rule, judgement
from matcher.rules.enrolment import current_study, enrolment_finding
from matcher.rules.evidence import FieldFinding, best_match, best_of, field_evidence, find_field, terms_of
from matcher.tuning import RELATED_FIELD_CREDIT

DegreeKey = tuple[str, tuple[int, ...], tuple[str, ...], bool | None, bool, tuple[str, ...], tuple[str, ...]]
"""("degree", the stages as numbers, the fields, enrolled, related_fields, enrolled_in, enrolled_at)."""

OUTCOMES: dict[str, Assessment] = {
    "other stage": (Verdict.UNMET, 0.0),
    "not enrolled": (Verdict.UNMET, 0.0),
    "enrolment contradicted": (Verdict.UNKNOWN, 0.0),
    "enrolled elsewhere": (Verdict.UNMET, 0.0),
    "enrolment place unknown": (Verdict.UNKNOWN, 0.0),
    "any field": (Verdict.MET, 1.0),
    "no field given": (Verdict.UNKNOWN, 0.0),
    "field inferred": (Verdict.MET, 1.0),
    "field named": (Verdict.MET, 1.0),
    "related field": (Verdict.MET, 1.0),
    "loosely related field": (Verdict.PARTIAL, round(RELATED_FIELD_CREDIT, 4)),
    "specialised by research": (Verdict.MET, 1.0),
    "relatedness unknown": (Verdict.PARTIAL, round(RELATED_FIELD_CREDIT, 4)),
    "other field": (Verdict.UNMET, 0.0),
}
"""How each outcome of the rule (DegreeRule.outcome) is judged."""

DEGREE = frozenset({"degree"})
DEGREE_PARTS = frozenset({"degree", "research", "publications", "skills", "interests", "location"})
"""The degree's own fields, and what a field is inferred from when the profile gives none."""


def stages_text(stages: Sequence[Stage]) -> str:
    return " or ".join(s.title for s in stages)


class DegreeRule(Rule[DegreeCriterion]):
    criterion = DegreeCriterion
    reads = DEGREE_PARTS

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self._field: dict[str, TermMatch | None] = {}
        self._fields: dict[tuple[str, ...], TermMatch | None] = {}
        self._findings: dict[tuple[str, ...], FieldFinding] = {}
        self._related: dict[tuple[tuple[str, ...], str], tuple[str, str, str] | None] = {}
        self._specialised: Memo[str, bool] = Memo(self._specialised_in)
        """Field -> whether the profile's broader field is specialised in it by its research."""
        self._enrolment: dict[tuple[tuple[str, ...], tuple[str, ...]], tuple[bool | None, str]] = {}
        self._assessed: Memo[Key, Assessment] = Memo(lambda key: OUTCOMES[self.outcome(key)[0]])

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> DegreeCriterion | None:
        m = reader.mapping(
            value, mark, what, ["stage", "fields", "enrolled", "related_fields", "enrolled_in", "enrolled_at"], ["stage"]
        )
        if m is None:
            return None
        return DegreeCriterion(
            stages=read_stages(reader, m, "stage", what) if m.get("stage") is not None else (),
            fields=reader.texts(m, "fields", what),
            enrolled=reader.boolean(m, "enrolled", what),
            related_fields=bool(reader.boolean(m, "related_fields", what)),
            enrolled_in=reader.texts(m, "enrolled_in", what),
            enrolled_at=reader.texts(m, "enrolled_at", what),
        )

    # --- judging ---------------------------------------------------------------------------

    def fields_match(self, fields: tuple[str, ...]) -> TermMatch | None:
        """The best of the profile's degree field against any of these fields."""
        if fields not in self._fields:
            self._fields[fields] = best_of(self._field_match(f) for f in fields)
        return self._fields[fields]

    def _field_match(self, field: str) -> TermMatch | None:
        if field not in self._field:
            field_text = self.profile.degree.field or ""
            self._field[field] = best_match([field], [field_text, *terms_of(field_text)])
        return self._field[field]

    def inferred(self, fields: tuple[str, ...]) -> FieldFinding:
        """For a profile without a field: what its papers and research say of these fields."""
        if fields not in self._findings:
            self._findings[fields] = find_field(fields, [e for e in field_evidence(self.profile) if e.research])
        return self._findings[fields]

    def specialised(self, fields: tuple[str, ...]) -> bool:
        """The profile's field is broader than one named (a computer science degree, a posting
        for programming languages) and its research is in that one."""
        return any(self._specialised[f] for f in fields)

    def _specialised_in(self, field: str) -> bool:
        terms = term_catalogue()
        canonical = terms.resolve(field).canonical
        own = set(terms_of(self.profile.degree.field or ""))
        return bool(canonical and own & terms.ancestors(canonical)) and self.inferred((field,)).outcome == "supported"

    def related(self, fields: tuple[str, ...], file: str = "related_fields.yaml") -> tuple[str, str, str] | None:
        """(the profile's field as a term, the field it is related through, the posting's field),
        or None when none of its terms is related to any field named; `file` says which relation
        (knowledge.fields: related, or loosely related)."""
        if (fields, file) not in self._related:
            own = terms_of(self.profile.degree.field or "")
            self._related[fields, file] = next(
                ((term, via, named) for named in fields for term in own if (via := related_to(named, term, file)) is not None),
                None,
            )
        return self._related[fields, file]

    def enrolment(self, places: tuple[str, ...], institutions: tuple[str, ...]) -> tuple[bool | None, str]:
        if (places, institutions) not in self._enrolment:
            self._enrolment[places, institutions] = enrolment_finding(self.profile, places, institutions)
        return self._enrolment[places, institutions]

    def outcome(self, key: Key) -> tuple[str, TermMatch | None]:
        """Which outcome (OUTCOMES) the profile's degree meets, and the field match if any."""
        _, stages, fields, enrolled, related, places, institutions = key
        degree = self.profile.degree
        if degree.stage not in stages:
            return "other stage", None
        contradicted = bool(enrolled and not degree.enrolled)
        if contradicted and not current_study(self.profile):
            return "not enrolled", None
        where = self.enrolment(places, institutions)[0] if places or institutions else True
        if where is False:
            return "enrolled elsewhere", None
        outcome, hit = self.field_outcome(fields, related)
        if OUTCOMES[outcome][0] is Verdict.MET and (contradicted or where is None):
            # The field is met; what is left cannot be told, so the words say both.
            return ("enrolment contradicted" if contradicted else "enrolment place unknown"), hit
        return outcome, hit

    def field_outcome(self, fields: tuple[str, ...], related: bool) -> tuple[str, TermMatch | None]:
        degree = self.profile.degree
        if not fields:
            return "any field", None
        if not degree.field:
            return ("field inferred" if self.inferred(fields).outcome == "supported" else "no field given"), None
        hit = self.fields_match(fields)
        if hit is not None:
            return "field named", hit
        if self.specialised(fields):
            return "specialised by research", None
        if not related:
            return "other field", None
        if self.related(fields) is not None:
            return "related field", None
        if self.related(fields, LOOSELY) is not None:
            return "loosely related field", None
        return ("other field" if terms_of(degree.field) else "relatedness unknown"), None

    def judge(self, c: DegreeCriterion, posting: Posting | None) -> Judgement:
        degree = self.profile.degree
        rule = f"stage in [{', '.join(s.label for s in c.stages)}]"
        if c.fields:
            rule += f"; field in [{', '.join(c.fields)}]" + (" or related" if c.related_fields else "")
        if c.enrolled:
            rule += "; currently enrolled"
        if c.enrolled_in:
            rule += f"; enrolled in [{', '.join(c.enrolled_in)}]"
        if c.enrolled_at:
            rule += f"; enrolled at [{', '.join(c.enrolled_at)}]"
        stage = degree.stage.title
        outcome, hit = self.outcome(self.key(c))
        where = self.enrolment(c.enrolled_in, c.enrolled_at)[1] if c.enrolled_in or c.enrolled_at else ""
        verdict, credit = OUTCOMES[outcome]
        if outcome in ("enrolment place unknown", "enrolment contradicted"):  # the field is met; the words say why
            if outcome == "enrolment contradicted":
                where = f"the profile says enrolled: false, but lists a current role as a student: {current_study(self.profile)}"
            outcome = self.field_outcome(c.fields, c.related_fields)[0]
        matched: str | None
        similarity: int | None
        match outcome:
            case "other stage":
                evidence, matched, similarity = (
                    f"profile stage is {stage}, posting asks for {stages_text(c.stages)}",
                    degree.stage.label,
                    None,
                )
            case "not enrolled":
                evidence, matched, similarity = f"{stage}, but the profile says enrolled: false", "enrolled: false", None
            case "enrolled elsewhere":
                evidence, matched, similarity, where = f"{stage}; {where}", degree.stage.label, None, ""
            case "any field":
                evidence, matched, similarity = (
                    f"{stage}" + (", enrolled" if c.enrolled and degree.enrolled else ""),
                    degree.stage.label,
                    100,
                )
            case "no field given":
                evidence = f"{stage}; the profile gives no field, and nothing in it names one to compare"
                matched, similarity = degree.stage.label, None
            case "field inferred":
                finding = self.inferred(c.fields)
                evidence = f"{stage}; no field given; field {finding.describe()} is a kind of '{finding.wanted}'"
                matched, similarity = degree.stage.label, None
            case "specialised by research":
                finding = self.inferred(tuple(f for f in c.fields if self._specialised[f]))
                evidence = (
                    f"{stage}; field '{degree.field}' is broader than '{finding.wanted}', and its research is in it: "
                    f"{finding.describe()}"
                )
                matched, similarity = degree.field, None
            case "related field":
                term, via, named = self.related(c.fields) or ("", "", "")
                through = f" (as '{term}' is {via})" if via != term else ""
                evidence = (
                    f"{stage}; field '{degree.field}' is related to '{named}'{through}, and the posting accepts a related field"
                )
                matched, similarity = degree.field, None
            case "loosely related field":
                term, via, named = self.related(c.fields, LOOSELY) or ("", "", "")
                through = f" (as '{term}' is {via})" if via != term else ""
                evidence = (
                    f"{stage}; field '{degree.field}' is partly related to '{named}'{through}: it shares the methods, "
                    "not the subject (knowledge/loosely_related_fields.yaml)"
                )
                matched, similarity = degree.field, None
            case "relatedness unknown":
                evidence = (
                    f"{stage}; field '{degree.field}' is none of those named, and not one the catalogues know; "
                    "the posting accepts a related field, which cannot be judged"
                )
                matched, similarity = degree.field, 0
            case "other field":
                related = ", nor related to them" if c.related_fields else ""
                evidence = f"{stage}; field '{degree.field}' is none of those named{related}"
                matched, similarity = degree.field, 0
            case _:
                assert hit is not None
                evidence = f"{stage}; field {hit.describe()} for '{hit.wanted}'"
                matched, similarity = degree.field, hit.similarity
        if where:
            evidence += f"; {where}"
        return judgement(verdict, rule, evidence, credit=credit, matched=matched, similarity=similarity)

    # --- the fast path -----------------------------------------------------------------------

    @classmethod
    def key(cls, c: DegreeCriterion) -> DegreeKey:
        return ("degree", tuple(map(int, c.stages)), c.fields, c.enrolled, c.related_fields, c.enrolled_in, c.enrolled_at)

    @classmethod
    def criterion_of(cls, key: Key) -> DegreeCriterion:
        _, stages, fields, enrolled, related, places, institutions = key
        return DegreeCriterion(tuple(map(Stage, stages)), fields, enrolled, related, places, institutions)

    def assess_keys(self, keys: Sequence[Key]) -> Iterable[Assessment]:
        """Each key's assessment, from a memo by key: a folder repeats few degree asks."""
        return map(self._assessed.__getitem__, keys)

    # --- words and gaps ------------------------------------------------------------------------

    @classmethod
    def label(cls, c: DegreeCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        where = " in " + ", ".join(c.enrolled_in) if c.enrolled_in else ""
        at = " at " + ", ".join(c.enrolled_at) if c.enrolled_at else ""
        return stages_text(c.stages) + (" enrolment" if c.enrolled or where or at else "") + where + at

    def fills(self, c: DegreeCriterion, j: Judgement) -> list[Fill]:
        stage = self.profile.degree.stage
        if stage not in c.stages:
            above = [s for s in sorted(c.stages) if s > stage]
            target = above[0] if above else max(c.stages)
            change = partial(_with_degree, stage=target, enrolled=True)
            return [Fill("degree", f"a {target.title} (enrolled)", ("degree", target), False, change, DEGREE)]
        if c.enrolled and not self.profile.degree.enrolled:
            return [Fill("degree", "current enrolment", ("enrolled",), False, partial(_with_degree, enrolled=True), DEGREE)]
        if c.fields and not c.related_fields:
            name = c.fields[0]
            change = partial(_with_degree, field=name)
            return [Fill("degree", f"a degree in {name}", ("field", fold(name)), False, change, DEGREE)]
        return []


def _with_degree(p: Profile, **change: object) -> Profile:
    return replace(p, degree=replace(p.degree, **change))  # type: ignore[arg-type]
