"""What to do next: which unmet qualifications, if the candidate met them, would change the most.

Every figure is computed by re-scoring: a gap is filled in a copy of the profile (a skill added,
research years raised, a paper at the venue added, ...) and every posting is ranked again, so
adding the top suggested skill to the profile and running `rank` shows exactly the change
promised here. Each rule says what would meet its kind (Rule.fills). Pure functions, no I/O.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from matcher.models import Posting, Profile
from matcher.rules.base import Fill
from matcher.scoring import Scorer


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
    """Postings whose qualifications name this gap, then any other posting filling it changes:
    every posting in newly_eligible and score_gain is here."""
    quotes: tuple[str, ...] = field(default=())


def find_gaps(postings: Sequence[Posting], profile: Profile, today: date) -> list[Gap]:
    """Gaps that would change something, most newly eligible postings first, then most gained."""
    scorer = Scorer(profile, today)
    before = {m.posting.id: m for m in (scorer.score(p) for p in postings)}
    fills: dict[tuple[object, ...], tuple[Fill, list[str], list[str]]] = {}
    for match in before.values():
        for result in match.results:
            for fill in scorer.fills(result.qualification, result.judgement):
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
            changed = [i for i in (*newly, *gains) if i not in asked_by]  # what re-scoring shows it changes too
            gaps.append(Gap(fill.kind, fill.item, fill.quick, newly, gains, (*asked_by, *changed), tuple(quotes)))
    return sorted(gaps, key=lambda g: (-len(g.newly_eligible), -round(sum(g.score_gain.values()), 4), not g.quick, g.item))
