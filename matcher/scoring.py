"""Judging postings for one profile and ranking them: the Scorer dispatches each qualification to
its rule (matcher.rules), keeps every judgement for reuse, and adds up a posting's score
(matcher.tally); postings read from the cache are ranked by the fast path (matcher.fast_path).

Pure functions: no I/O, no terminal. Every weight and threshold lives in matcher.tuning.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from itertools import groupby
from operator import attrgetter
from typing import Any, TypeVar

from matcher.fast_path import TableColumns
from matcher.models import (
    Criterion,
    Judgement,
    Match,
    Posting,
    Profile,
    Qualification,
    QualificationResult,
    Ranked,
    Section,
    Standing,
    TopicFit,
    Verdict,
)
from matcher.posting_table import PostingSummary, QualificationTable
from matcher.rules import Rule, rule_for, rule_of_kind
from matcher.rules.base import Assessment, Fill, Key
from matcher.rules.topics import READS as TOPICS_READS
from matcher.rules.topics import TopicFit as ProfileTopics
from matcher.tally import Judged, reasons, standing_of, sums, tally

R = TypeVar("R", bound=Ranked)

OPEN = (Verdict.UNMET, Verdict.PARTIAL)
"""The verdicts `gaps` looks for fills of."""


class Scorer:
    """Scores postings for one profile on one day.

    It holds one instance of each rule for the profile (each keeps what it derives from the
    profile) and every judgement made, so the cost grows with the number of distinct
    qualifications and strings, not with the number of postings.
    """

    def __init__(self, profile: Profile, today: date) -> None:
        self.profile = profile
        self.today = today
        self._rules: dict[type[Rule[Any]], Rule[Any]] = {}
        self._judgements: dict[object, Judgement] = {}
        self._assessed: dict[int, tuple[Criterion, Assessment]] = {}
        self._topics: ProfileTopics | None = None
        self._columns: dict[int, TableColumns] = {}

    def rule(self, rule: type[Rule[Any]]) -> Rule[Any]:
        """This profile's instance of a rule, made on first use."""
        found = self._rules.get(rule)
        if found is None:
            found = self._rules[rule] = rule(self)
        return found

    @property
    def topics(self) -> ProfileTopics:
        """This profile's topical fit (matcher.rules.topics)."""
        if self._topics is None:
            self._topics = ProfileTopics(self.profile)
        return self._topics

    def changed(self, profile: Profile, parts: frozenset[str]) -> Scorer:
        """A scorer for `profile`, which differs from this one's only in `parts` (Rule.reads'
        names): every rule instance and judgement that reads none of them is reused."""
        other = Scorer(profile, self.today)
        other._rules = {rule: r for rule, r in self._rules.items() if not (rule.reads & parts)}
        other._judgements = {key: j for key, j in self._judgements.items() if not (_reads(key) & parts)}
        other._assessed = {key: (c, a) for key, (c, a) in self._assessed.items() if not (rule_for(c).reads & parts)}
        if not (TOPICS_READS & parts):
            other._topics = self._topics
        return other

    def on_posting(self, c: Criterion) -> bool:
        """Whether a criterion's judgement depends on the posting (availability, alone or in a group)."""
        return rule_for(c).on_posting(c)

    def judge(self, qualification: Qualification, posting: Posting | None) -> Judgement:
        """How one qualification stands against the profile."""
        c = qualification.criterion
        rule = rule_for(c)
        key = (c, posting.start, posting.duration_weeks) if posting is not None and rule.on_posting(c) else c
        found = self._judgements.get(key)
        if found is None:
            found = self._judgements[key] = self.rule(rule).judge(c, posting)
        return found

    def assess(self, qualification: Qualification, posting: Posting | None) -> Assessment:
        """The verdict and credit `judge` gives, without building its explanation where the rule
        can assess from its key (Rule.key: skills, publications, degrees, most of the distinct
        qualifications)."""
        c = qualification.criterion
        # Postings share equal criteria (see posting_table.SharedQualifications), so one is found by
        # identity, which is much cheaper than hashing it. It is kept with its assessment, so
        # its id cannot be reused while this scorer lives.
        seen = self._assessed.get(id(c))
        if seen is not None and seen[0] is c:
            return seen[1]
        found: Assessment
        rule = rule_for(c)
        key = rule.key(c)
        if key is not None:
            found = next(iter(self.rule(rule).assess_keys([key])))
        else:
            j = self.judge(qualification, posting)
            found = (j.verdict, j.credit)
            if rule.on_posting(c):
                return found  # judge keeps it by the posting's dates too
        self._assessed[id(c)] = (c, found)
        return found

    def assess_keys(self, kind: str, keys: Sequence[Key]) -> Iterable[Assessment]:
        """`assess` of each of many criteria of one kind, from their keys, in order."""
        return self.rule(rule_of_kind(kind)).assess_keys(keys)

    def assess_all(self, qualifications: Iterable[Qualification], posting: Posting) -> list[Judged]:
        """(weight, verdict, credit) of each qualification, as `assess` gives them: the inner
        loop of ranking postings read without the cache, so an already assessed criterion is
        looked up here directly."""
        assessed = self._assessed
        out = []
        for q in qualifications:
            seen = assessed.get(id(q.criterion))
            if seen is not None and seen[0] is q.criterion:
                out.append((q.weight, *seen[1]))
            else:
                out.append((q.weight, *self.assess(q, posting)))
        return out

    def label(self, q: Qualification, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        """The few words naming a qualification in a reason (its rule's label)."""
        return rule_for(q.criterion).label(q.criterion, verdict, judgement)

    def fills(self, qualification: Qualification, judgement: Judgement) -> list[Fill]:
        """What would meet one open (unmet or partial) qualification, for `gaps` (its rule's fills)."""
        if judgement.verdict not in OPEN:
            return []
        return self.rule(rule_for(qualification.criterion)).fills(qualification.criterion, judgement)

    def columns(self, table: QualificationTable) -> TableColumns:
        """The entries of `table` (see matcher.posting_table) as assessed by this scorer, once each."""
        found = self._columns.get(id(table))
        if found is None or found.table is not table or len(found.verdicts) != len(table):
            found = self._columns[id(table)] = TableColumns(table, self)
        return found

    def score(self, posting: Posting) -> Match:
        """Judge every qualification and add up the score; see README "How scoring works"."""
        return _score(posting.whole() if isinstance(posting, PostingSummary) else posting, self)

    def standings(self, postings: Iterable[Posting]) -> list[Standing]:
        """The score, eligibility and reasons `score` gives each posting, in the order given,
        from assessments: only the one or two qualifications named as reasons are judged in
        words. Summaries of one table (from the cache) go as one batch over its columns."""
        out: list[Standing] = []
        for table, group in groupby(postings, key=lambda p: p.table if isinstance(p, PostingSummary) else None):
            if table is None:
                out += [standing_of(p, self) for p in group]
            else:
                out += self.columns(table).standings(list(group), self)  # type: ignore[arg-type]
        return out


def _reads(key: object) -> frozenset[str]:
    """The parts of a profile a kept judgement read (its key is a criterion, or (criterion, start, weeks))."""
    criterion = key[0] if isinstance(key, tuple) else key
    return rule_for(criterion).reads


def _score(posting: Posting, scorer: Scorer) -> Match:
    required = [(q, scorer.judge(q, posting)) for q in posting.required]
    preferred = [(q, scorer.judge(q, posting)) for q in posting.preferred]
    topics = [scorer.topics.match[t] for t in posting.topics]
    tallied = tally(
        sums([(q.weight, j.verdict, j.credit) for q, j in required]),
        sums([(q.weight, j.verdict, j.credit) for q, j in preferred]),
        sum(t.similarity for t in topics),
        len(topics),
    )
    sections: tuple[tuple[Section, list[tuple[Qualification, Judgement]]], ...] = (
        ("required", required),
        ("preferred", preferred),
    )
    results = tuple(
        QualificationResult(section, q, j, round(could * j.credit, 4), round(could, 4))
        for at, (section, judged) in enumerate(sections)
        for q, j in judged
        for could in (tallied.could(at, q.weight, j.verdict),)
    )
    fit, topic_available = tallied.fit, tallied.topic_available
    topic = TopicFit(round(fit, 4), tuple(topics), round(topic_available * fit, 4), round(topic_available, 4))
    eligible = not any(j.verdict is Verdict.UNMET for _, j in required)
    return Match(posting, eligible, tallied.score, results, topic, reasons=reasons(results, topic))


def score_posting(posting: Posting, profile: Profile, today: date) -> Match:
    """One posting judged against one profile (use `Scorer` or `rank` for many postings)."""
    return Scorer(profile, today).score(posting)


def rank(postings: Iterable[Posting], profile: Profile, today: date) -> list[Match]:
    """Eligible postings first, then by score, ties by posting id: the same input, the same order."""
    scorer = Scorer(profile, today)
    return ranked([scorer.score(p) for p in postings])


def standings(postings: Iterable[Posting], profile: Profile, today: date) -> list[Standing]:
    """The order and rows of `rank`, without the explanations: for many postings."""
    return ranked(Scorer(profile, today).standings(postings))


def explain_all(
    shown: Iterable[Standing], profile: Profile, today: date, full: Callable[[Posting], Posting] | None = None
) -> Iterator[Match]:
    """Standings made Matches, with every qualification's explanation, in the order given, one
    at a time; `full` gives the whole posting for one read as a summary (a PostingSummary)."""
    scorer = Scorer(profile, today)
    return (scorer.score(full(s.posting) if full else s.posting) for s in shown)


_SCORE = attrgetter("score")
_ELIGIBLE = attrgetter("eligible")
_POSTING_ID = attrgetter("posting.id")


def ranked(items: list[R]) -> list[R]:
    """Eligible first, then by score, ties by posting id: sorted a key at a time, the last key
    first (Python's sort is stable, also in reverse), as keys read in C cost a third of one
    key tuple made per item."""
    out = sorted(items, key=_POSTING_ID)
    out.sort(key=_SCORE, reverse=True)
    out.sort(key=_ELIGIBLE, reverse=True)
    return out
