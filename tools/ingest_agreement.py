"""How well `intern-match ingest` drafts the five source postings, against the curated files.

Run from the repository root:  python tools/ingest_agreement.py
For each seed in tests/data/seeds it compares the draft with postings/<curated>.yaml (the one whose
`source` names the seed): degree stages, venues (F1), required and preferred skills (F1 over
canonical names), and the deadline. Exits 1 unless venue F1 >= 0.95 and every seed's degree
stages are right.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.folders import bundled_postings_dir, load_postings  # noqa: E402
from matcher.ingest import draft_posting  # noqa: E402
from matcher.knowledge.terms import catalogue as terms  # noqa: E402
from matcher.knowledge.venues import catalogue as venues  # noqa: E402
from matcher.loading import posting_from_yaml  # noqa: E402
from matcher.models import (  # noqa: E402
    AllOfCriterion,
    AnyOfCriterion,
    DegreeCriterion,
    Posting,
    PublicationsCriterion,
    Qualification,
    SkillsCriterion,
)

SEEDS = ROOT / "tests" / "data" / "seeds"
VENUE_F1_TARGET = 0.95


def leaves(quals: tuple[Qualification, ...]):
    for q in quals:
        c = q.criterion
        if isinstance(c, (AnyOfCriterion, AllOfCriterion)):
            yield from leaves(c.options if isinstance(c, AnyOfCriterion) else c.members)
        else:
            yield c


def stages(p: Posting) -> set[str]:
    return {s.label for c in leaves(p.required) if isinstance(c, DegreeCriterion) for s in c.stages}


def venue_set(p: Posting) -> set[str]:
    out = set()
    for c in leaves(p.required + p.preferred):
        if isinstance(c, PublicationsCriterion):
            out |= {(venues().resolve(v).venue.acronym if venues().resolve(v).venue else v) for v in c.venues}
            out |= {f"area:{a}" for a in c.areas}
    return out


def skill_set(quals: tuple[Qualification, ...]) -> set[str]:
    return {
        terms().resolve(t).canonical or t.lower()
        for c in leaves(quals)
        if isinstance(c, SkillsCriterion)
        for t in terms().expand(c.terms)
    }


def f1(got: set[str], want: set[str]) -> float:
    if not got and not want:
        return 1.0
    hits = len(got & want)
    return 0.0 if not hits else 2 * hits / (len(got) + len(want))


@dataclass
class Row:
    seed: str
    stages_ok: bool
    venue_f1: float
    required_skills_f1: float
    preferred_skills_f1: float
    deadline_ok: bool


def measure() -> list[Row]:
    curated = {p.source: p for p in load_postings(bundled_postings_dir()).postings}
    rows = []
    for seed in sorted(SEEDS.glob("*.txt")):
        draft = posting_from_yaml(draft_posting(seed.read_text(encoding="utf-8"), seed.name).posting, "draft.yaml")
        want = curated[seed.name]
        rows.append(
            Row(
                seed.name,
                stages(draft) == stages(want),
                f1(venue_set(draft), venue_set(want)),
                f1(skill_set(draft.required), skill_set(want.required)),
                f1(skill_set(draft.preferred), skill_set(want.preferred)),
                draft.deadline == want.deadline,
            )
        )
    return rows


def main() -> int:
    rows = measure()
    print(f"{'seed':<28} {'stages':>6} {'venues F1':>9} {'req skills F1':>13} {'pref skills F1':>14} {'deadline':>8}")
    for r in rows:
        print(
            f"{r.seed:<28} {'ok' if r.stages_ok else 'WRONG':>6} {r.venue_f1:>9.2f} {r.required_skills_f1:>13.2f} "
            f"{r.preferred_skills_f1:>14.2f} {'ok' if r.deadline_ok else 'WRONG':>8}"
        )
    mean = lambda xs: sum(xs) / len(xs)  # noqa: E731
    venue = mean([r.venue_f1 for r in rows])
    print(
        f"{'mean':<28} {sum(r.stages_ok for r in rows)}/{len(rows):<4} {venue:>9.2f} "
        f"{mean([r.required_skills_f1 for r in rows]):>13.2f} {mean([r.preferred_skills_f1 for r in rows]):>14.2f} "
        f"{sum(r.deadline_ok for r in rows)}/{len(rows)}"
    )
    ok = venue >= VENUE_F1_TARGET and all(r.stages_ok for r in rows)
    print(f"target: venue F1 >= {VENUE_F1_TARGET} and degree stages right on every seed: {'PASS' if ok else 'MISS'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
