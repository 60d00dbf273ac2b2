"""A posting's score and reasons from its qualifications' verdicts and credits: the arithmetic a
Match (every explanation) and a Standing (a ranking row) share, so that the two cannot disagree.
See README "How scoring works". Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from matcher.models import Judgement, Posting, Qualification, QualificationResult, Standing, TopicFit, Verdict
from matcher.rules.registry import rule_for
from matcher.tuning import PREFERRED_SHARE, REQUIRED_SHARE, TOPIC_SHARE

if TYPE_CHECKING:
    from matcher.scoring import Scorer


def label_of(q: Qualification, j: Judgement) -> str:
    """The few words naming a judged qualification in a reason (its rule's label)."""
    return rule_for(q.criterion).label(q.criterion, j.verdict, lambda: j)


Judged = tuple[float, Verdict, float]
"""(weight, verdict, credit) of one qualification."""


class Tally(NamedTuple):
    """A posting's score from its qualifications' verdicts and credits: the arithmetic shared by
    a Match and a Standing, so that the two cannot disagree. (A named tuple: one is made for every
    posting ranked, and it is the cheapest immutable record to make.)"""

    per_weight: tuple[float, float]
    """What a judged required (then preferred) qualification could give per unit of weight."""
    earned: float
    """Unrounded; points are rounded only for display."""
    fit: float
    topic_available: float
    score: float
    """The posting's score: what was earned, at most 1, rounded."""

    def could(self, section: int, weight: float, verdict: Verdict) -> float:
        """What a qualification could give if met (0 when unknown); unrounded."""
        return 0.0 if verdict is Verdict.UNKNOWN else self.per_weight[section] * weight


def sums(judged: Sequence[Judged]) -> complex:
    """The weight of a section's judged qualifications (not unknown) and their weighted credit,
    summed in order as one complex number: the weight is its real part, the credit its imaginary
    part. Python adds the parts apart, as two sums would, at the cost of one; the fast path
    sums table columns of the same numbers (fast_path.TableColumns.sums_of)."""
    unknown = Verdict.UNKNOWN
    return sum([complex(0.0 if v is unknown else w, w * c) for w, v, c in judged])


def tally(required: complex, preferred: complex, similarity: int, topics: int) -> Tally:
    """From the sums of each section, and the similarities of the posting's topics summed."""
    required_weight, preferred_weight = required.real, preferred.real
    required_share = REQUIRED_SHARE if required_weight > 0 else 0.0
    preferred_share = PREFERRED_SHARE if preferred_weight > 0 else 0.0
    topic_share = TOPIC_SHARE if topics else 0.0
    total_share = (required_share + preferred_share + topic_share) or 1.0
    per_required = required_share / total_share / required_weight if required_weight else 0.0
    per_preferred = preferred_share / total_share / preferred_weight if preferred_weight else 0.0
    fit = similarity / (100 * topics) if topics else 0.0
    topic_available = topic_share / total_share
    earned = per_required * required.imag + per_preferred * preferred.imag + topic_available * fit
    return Tally((per_required, per_preferred), earned, fit, topic_available, round(min(1.0, earned), 4))


def standing_reasons(
    required: tuple[Verdict, ...],
    preferred: tuple[Verdict, ...],
    tally: Tally,
    spoken_topics: Callable[[], Sequence[str]],
    weights_and_credits: tuple[Sequence[int], Sequence[float], Sequence[float]],
    label: Callable[[int, Verdict], str],
) -> tuple[str, ...]:
    """A Standing's reasons from its posting's verdicts and tally. Qualifications are numbered
    required first; the i-th one's weight and credit are `weights[numbers[i]]` and
    `credits[numbers[i]]` (from `weights_and_credits`: columns of a table, or of the posting
    itself), asked only of the one or two named as reasons and of the candidates for that, as is
    `label` (its rule's label)."""
    numbers, weights, credits = weights_and_credits
    first, both = len(required), required + preferred

    def worth(i: int) -> tuple[float, float]:
        number = numbers[i]
        could = tally.could(i >= first, weights[number], both[i])
        return round(could * credits[number], 4), round(could, 4)

    picks = reason_picks(required, preferred, worth=worth, spoken_topics=spoken_topics)
    return tuple([pick if isinstance(pick, str) else pick[0] + label(pick[1], both[pick[1]]) for pick in picks])


def standing_of(posting: Posting, scorer: Scorer) -> Standing:
    """A posting's Standing from its qualifications' assessments: only the one or two named as
    reasons are judged in words."""
    required = scorer.assess_all(posting.required, posting)
    preferred = scorer.assess_all(posting.preferred, posting)
    topics = [scorer.topics.match[t] for t in posting.topics]
    judged = required + preferred
    qualifications = posting.required + posting.preferred

    def label(i: int, verdict: Verdict) -> str:
        q = qualifications[i]
        return scorer.label(q, verdict, lambda: scorer.judge(q, posting))

    required_verdicts, preferred_verdicts = tuple(v for _, v, _ in required), tuple(v for _, v, _ in preferred)
    tallied = tally(sums(required), sums(preferred), sum(t.similarity for t in topics), len(topics))
    reasons = standing_reasons(
        required_verdicts,
        preferred_verdicts,
        tallied,
        lambda: [t.topic for t in topics if t.matched],
        (range(len(judged)), [w for w, _, _ in judged], [c for _, _, c in judged]),
        label,
    )
    eligible = Verdict.UNMET not in required_verdicts
    return Standing(posting, eligible, tallied.score, required_verdicts, preferred_verdicts, reasons)


MISSING = "missing: "
"""How a reason naming an unmet required qualification begins."""

Pick = str | tuple[str, int]
"""A reason: finished text, or (prefix, index of the qualification whose short label follows)."""


def reasons(results: Sequence[QualificationResult], topic_fit: TopicFit) -> tuple[str, ...]:
    """The one or two things that mattered most: what is missing, or what earned the most."""
    picks = reason_picks(
        [r.judgement.verdict for r in results if r.section == "required"],
        [r.judgement.verdict for r in results if r.section == "preferred"],
        worth=lambda i: (results[i].points, results[i].available),
        spoken_topics=lambda: [t.topic for t in topic_fit.matches if t.matched],
    )
    return tuple(
        pick if isinstance(pick, str) else pick[0] + label_of(results[pick[1]].qualification, results[pick[1]].judgement)
        for pick in picks
    )


def reason_picks(
    required: Sequence[Verdict],
    preferred: Sequence[Verdict],
    *,
    worth: Callable[[int], tuple[float, float]],
    spoken_topics: Callable[[], Sequence[str]],
) -> list[Pick]:
    """Qualifications are numbered required first, then preferred; `worth` gives one's (rounded)
    points and what it could have given; `spoken_topics`, the posting topics the profile speaks
    to (asked for only when fewer than two qualifications are picked). Ties go to the earlier
    qualification."""
    unmet = [i for i, v in enumerate(required) if v is Verdict.UNMET]
    if unmet:
        if len(unmet) > 1:
            unmet = [i for _, i in sorted([(-worth(i)[1], i) for i in unmet])]
        return [(MISSING, i) for i in unmet[:2]]
    first = len(required)
    earning = (Verdict.MET, Verdict.PARTIAL)  # the others earn no points
    gains = []
    for i, v in enumerate(preferred, first):
        if v in earning and (points := worth(i)[0]) > 0:
            gains.append((-points, i))
    gains.sort()
    out: list[Pick] = [("+ ", i) for _, i in gains[:2]]
    if len(out) < 2:
        misses = [i for i, v in enumerate(required) if v is Verdict.PARTIAL]
        misses += [i for i, v in enumerate(preferred, first) if v is Verdict.UNMET]
        missed = sorted((-(available - points), i) for i in misses for points, available in (worth(i),))
        out += [("- ", i) for _, i in missed[: 2 - len(out)]]
    if len(out) < 2 and (spoken := spoken_topics()):
        out.append(f"topics: {', '.join(spoken[:2])}")
    return out
