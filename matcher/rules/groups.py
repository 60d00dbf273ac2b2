"""`any_of` and `all_of`: alternatives and conjunctions of other qualifications.

Posting file: `any_of: [<qualification>, ...]` (at least one alternative is met: "a PhD, or an
exceptional Masters student with research experience") and `all_of: [...]` (every member is
met; used inside any_of). Three-valued: any_of takes the best alternative, where one the tool
cannot judge may yet be met, so it ranks above a partial one; all_of takes the worst member,
where one unmet member settles it and otherwise one unknown member leaves it unknown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matcher.models import AllOfCriterion, AnyOfCriterion, Judgement, Posting, Qualification, Verdict, group_members
from matcher.positioned import ValueReader, items_of, type_name
from matcher.rules.base import Fill, ReadQualification, Rule, judgement
from matcher.rules.registry import rule_for

ANY_OF_ORDER = {Verdict.MET: 3, Verdict.UNKNOWN: 2, Verdict.PARTIAL: 1, Verdict.UNMET: 0}
"""any_of takes the best alternative in this order (three-valued OR)."""
ALL_OF_ORDER = {Verdict.MET: 3, Verdict.PARTIAL: 2, Verdict.UNKNOWN: 1, Verdict.UNMET: 0}
"""all_of takes the worst member in this order (three-valued AND)."""


def _member_label(q: Qualification, j: Judgement) -> str:
    return rule_for(q.criterion).label(q.criterion, j.verdict, lambda: j)


class _GroupRule(Rule[Any]):
    @classmethod
    def read(cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification) -> Any:
        """A list of qualifications of any kind, each read by its own rule."""
        if not isinstance(value, list) or not value:
            reader.problem(f"{what}: expected a list of qualifications, got {type_name(value)}", mark)
            return None
        parts = [read_qualification(reader, item, item_mark, what) for item, item_mark in items_of(value, mark)]
        if any(p is None for p in parts):
            return None
        return cls.criterion(tuple(p for p in parts if p is not None))

    @classmethod
    def on_posting(cls, c: Any) -> bool:
        return any(rule_for(q.criterion).on_posting(q.criterion) for q in group_members(c))

    def fills(self, c: Any, j: Judgement) -> list[Fill]:
        members = group_members(c)
        return [f for m, part in zip(members, j.parts, strict=True) for f in self.judges.fills(m, part)]


class AnyOfRule(_GroupRule):
    criterion = AnyOfCriterion

    def judge(self, c: AnyOfCriterion, posting: Posting | None) -> Judgement:
        parts = tuple(self.judges.judge(q, posting) for q in c.options)
        best = max(parts, key=lambda j: (ANY_OF_ORDER[j.verdict], j.credit))
        return judgement(
            best.verdict,
            f"any of {len(parts)} alternatives (best counts)",
            f"alternative {parts.index(best) + 1}: {best.evidence}",
            credit=best.credit,
            matched=best.matched,
            similarity=best.similarity,
            parts=parts,
        )

    @classmethod
    def label(cls, c: AnyOfCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return " or ".join(_member_label(o, p) for o, p in zip(c.options, judgement().parts, strict=True))


class AllOfRule(_GroupRule):
    criterion = AllOfCriterion

    def judge(self, c: AllOfCriterion, posting: Posting | None) -> Judgement:
        parts = tuple(self.judges.judge(q, posting) for q in c.members)
        worst = min(parts, key=lambda j: ALL_OF_ORDER[j.verdict])
        judged = [j.credit for j in parts if j.verdict is not Verdict.UNKNOWN]
        return judgement(
            worst.verdict,
            f"all of {len(parts)} (the worst counts)",
            "; ".join(j.evidence for j in parts),
            credit=sum(judged) / len(judged) if judged else 0.0,
            matched=worst.matched,
            similarity=worst.similarity,
            parts=parts,
        )

    @classmethod
    def label(cls, c: AllOfCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        pairs = list(zip(c.members, judgement().parts, strict=True))
        if verdict is Verdict.UNMET:  # name only what is missing
            pairs = [(m, p) for m, p in pairs if p.verdict is Verdict.UNMET]
        return " + ".join(_member_label(m, p) for m, p in pairs)
