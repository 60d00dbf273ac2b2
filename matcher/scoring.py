"""The match rules: each qualification judged against a profile, and a posting's score from them.

Pure functions: no I/O, no terminal. Every weight and threshold lives in matcher.tuning.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache, partial
from itertools import chain, compress, groupby, islice, repeat
from operator import add, attrgetter, eq, is_, is_not, itemgetter, mul, not_
from typing import Any, NamedTuple, TypeVar

from rapidfuzz import fuzz, process

from matcher.knowledge.places import gazetteer
from matcher.knowledge.terms import TermMatch
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import GENERIC_WORDS, fold
from matcher.knowledge.venues import VenueResolution
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import (
    KIND_OF,
    AllOfCriterion,
    AnyOfCriterion,
    AvailabilityCriterion,
    Criterion,
    DegreeCriterion,
    Judgement,
    LocationCriterion,
    Match,
    Posting,
    Profile,
    Publication,
    PublicationsCriterion,
    Qualification,
    QualificationResult,
    Ranked,
    ResearchExperienceCriterion,
    Section,
    SkillsCriterion,
    Stage,
    Standing,
    TextCriterion,
    TopicFit,
    TopicMatch,
    Verdict,
    group_members,
)
from matcher.table import PostingSummary, QualificationTable
from matcher.tuning import (
    NARROWER_TOPIC_FACTOR,
    PREFERRED_SHARE,
    RELATED_FIELD_CREDIT,
    REQUIRED_SHARE,
    SHORT_TERM_LENGTH,
    TEXT_MET_COVERAGE,
    TEXT_WORD_CUTOFF,
    TOPIC_CUTOFF,
    TOPIC_SHARE,
)

R = TypeVar("R", bound=Ranked)
K = TypeVar("K")
V = TypeVar("V")

ANY_OF_ORDER = {Verdict.MET: 3, Verdict.UNKNOWN: 2, Verdict.PARTIAL: 1, Verdict.UNMET: 0}
"""any_of takes the best alternative in this order: an alternative the tool cannot judge may be
met, so a partial one does not settle it (three-valued OR)."""
ALL_OF_ORDER = {Verdict.MET: 3, Verdict.PARTIAL: 2, Verdict.UNKNOWN: 1, Verdict.UNMET: 0}
"""all_of takes the worst member in this order: one unmet member settles it; otherwise one the
tool cannot judge leaves it unknown (three-valued AND)."""


def _judgement(
    verdict: Verdict,
    rule: str,
    evidence: str,
    *,
    credit: float = 0.0,
    matched: str | None = None,
    similarity: int | None = None,
    parts: tuple[Judgement, ...] = (),
) -> Judgement:
    """A judgement; `credit` counts only for partial verdicts (met is 1, unmet and unknown 0)."""
    return Judgement(verdict, _credit(verdict, credit), rule, evidence, matched, similarity, parts)


def _credit(verdict: Verdict, credit: float) -> float:
    if verdict is Verdict.MET:
        return 1.0
    return round(credit, 4) if verdict is Verdict.PARTIAL else 0.0


Assessment = tuple[Verdict, float]
"""A judgement's verdict and credit alone: what a score needs, without the words of an explanation."""


def _fraction(done: float, needed: float) -> Verdict:
    if done >= needed:
        return Verdict.MET
    return Verdict.PARTIAL if done > 0 else Verdict.UNMET


# ----------------------------------------------------------------------------- profile facts


# Records only scoring makes are named tuples where nothing needs a dataclass: defining a
# dataclass costs most of a millisecond at every start of the command.
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


def _profile_field_items(profile: Profile) -> list[str]:
    return [profile.degree.field] if profile.degree.field else []


def _research_field_items(profile: Profile) -> list[str]:
    """What a research field is matched with: the degree's field, research roles, interests."""
    return _profile_field_items(profile) + [e.role for e in profile.experience if e.research] + list(profile.interests)


@dataclass(frozen=True, slots=True)
class ReadTerm:
    written: str
    canonical: str | None
    how: str
    similarity: int


@dataclass(frozen=True, slots=True)
class ReadPublication:
    title: str | None
    year: int | None
    written: str | None
    venue: str | None
    areas: tuple[str, ...]
    how: str
    similarity: int


@dataclass(frozen=True, slots=True)
class ProfileReading:
    """How the matcher reads a profile, so a user can fix surprises before ranking."""

    profile: Profile
    field: ReadTerm | None
    research: ResearchYears
    publications: tuple[ReadPublication, ...]
    skills: tuple[ReadTerm, ...]
    interests: tuple[ReadTerm, ...]


def read_profile(profile: Profile, today: date) -> ProfileReading:
    terms = term_catalogue()
    venues = venue_catalogue()

    def term(text: str) -> ReadTerm:
        r = terms.resolve(text)
        return ReadTerm(text, r.canonical, r.how, r.similarity)

    publications = []
    for pub in profile.publications:
        r = venues.resolve(pub.venue) if pub.venue else None
        venue = r.venue if r else None
        publications.append(
            ReadPublication(
                pub.title,
                pub.year,
                pub.venue,
                venue.acronym if venue else None,
                venue.areas if venue else (),
                r.how if r else "none",
                r.similarity if r else 0,
            )
        )
    return ProfileReading(
        profile=profile,
        field=term(profile.degree.field) if profile.degree.field else None,
        research=research_years(profile, today),
        publications=tuple(publications),
        skills=tuple(term(s) for s in terms.expand(profile.skills)),
        interests=tuple(term(i) for i in profile.interests),
    )


# ----------------------------------------------------------------------------- judges


class Scorer:
    """Scores postings for one profile on one day.

    What it derives from the profile (skills split into terms, its words, its topic items) and
    every judgement it makes are computed once and reused for every posting, so the cost grows
    with the number of distinct qualifications and strings, not with the number of postings.
    """

    def __init__(self, profile: Profile, today: date) -> None:
        self.profile = profile
        self.today = today
        self.skill_items = skill_items(profile)
        self.words = _ProfileWords(profile)
        self.topic_items = topic_items(profile)
        self._judgements: dict[object, Judgement] = {}
        self._assessed: dict[int, tuple[Criterion, Assessment]] = {}
        self.has_skill: _Memo[str, bool] = _Memo(lambda term: self.best_skill(term).found)
        """Term -> whether the profile has it (as best_skill finds it), found on first lookup."""
        self.topic_similarity: _Memo[str, int] = _Memo(lambda topic: self.topic(topic).similarity)
        """Posting topic -> the similarity of the profile item that speaks best to it."""
        self._skills: dict[str, TermMatch] = {}
        self._topics: dict[str, TopicMatch] = {}
        self._fields: dict[str, TermMatch | None] = {}
        self._publications: tuple[_ReadPublication, ...] | None = None
        self._columns: dict[int, _Columns] = {}
        self._skills_assessed: _Memo[tuple[int, int], Assessment] = _Memo(lambda pair: _skills_assessment(*pair))
        """(terms found, terms needed) -> their assessment."""
        self._publications_assessed: _Memo[PublicationsReach, Assessment] = _Memo(
            lambda reach: _assess_publications(reach, self.read_publications())
        )
        """A PublicationsReach -> its assessment."""
        self._fields_matched: dict[tuple[str, ...], TermMatch | None] = {}
        self._research_fields: dict[tuple[str, ...], TermMatch | None] = {}
        self._research_field: _Memo[str, TermMatch] = _Memo(
            lambda field: term_catalogue().best_match(field, _research_field_items(self.profile))
        )
        """One field a posting names -> the best of the profile's field, research roles and interests."""
        self.research = research_years(profile, today)

    def changed(self, profile: Profile, parts: frozenset[str]) -> Scorer:
        """A scorer for `profile`, which differs from this one's only in `parts` (see DEPENDS_ON):
        every judgement that depends on none of them is reused, not made again."""
        other = Scorer(profile, self.today)
        other._judgements = {key: j for key, j in self._judgements.items() if not (_depends_on(key) & parts)}
        other._assessed = {key: (c, a) for key, (c, a) in self._assessed.items() if not (_depends_on(c) & parts)}
        if not (DEPENDS_ON["skill_items"] & parts):
            other._skills = dict(self._skills)
        if not (DEPENDS_ON["topics"] & parts):
            other._topics = dict(self._topics)
        return other

    def judge(self, qualification: Qualification, posting: Posting) -> Judgement:
        """How one qualification stands against the profile."""
        c = qualification.criterion
        key = _key(c, posting)
        found = self._judgements.get(key)
        if found is None:
            found = self._judgements[key] = self._judge(c, posting)
        return found

    def assess(self, qualification: Qualification, posting: Posting) -> Assessment:
        """The verdict and credit `judge` gives, without building its explanation where that is
        the costly part (skills, publications and degrees: most of the distinct qualifications)."""
        c = qualification.criterion
        # Postings share equal criteria (see cache.SharedQualifications), so one is found by
        # identity, which is much cheaper than hashing it. It is kept with its assessment, so
        # its id cannot be reused while this scorer lives.
        seen = self._assessed.get(id(c))
        if seen is not None and seen[0] is c:
            return seen[1]
        found: Assessment
        key = assessment_key(c)
        if key is not None:
            found = self.assess_key(key)
        else:
            j = self.judge(qualification, posting)
            found = (j.verdict, j.credit)
            if _depends_on_posting(c):
                return found  # judge keeps it by the posting's dates too
        self._assessed[id(c)] = (c, found)
        return found

    def assess_key(self, key: AssessmentKey) -> Assessment:
        """The verdict and credit of a criterion with this assessment_key."""
        return next(iter(self.assess_keys(key[0], [key])))

    def assess_keys(self, kind: str, keys: Sequence[Any]) -> Iterable[Assessment]:
        """assess_key of each of many keys of one kind, in order. Skills and publications (most
        of a table) are a chain of maps, so that the loops run in C; what decides each verdict is
        looked up in a memo: for skills, how many of the terms the profile has and how many are
        needed; for publications, their PublicationsReach."""
        if kind == "skills":
            found = map(sum, map(map, repeat(self.has_skill.__getitem__), map(itemgetter(1), keys)))
            return map(self._skills_assessed.__getitem__, zip(found, map(itemgetter(2), keys), strict=True))
        if kind == "publications":
            venues, areas = self._publication_venues_and_areas()
            listed_venues, listed_areas = list(map(itemgetter(1), keys)), list(map(itemgetter(2), keys))
            none_listed = map(not_, map(add, map(len, listed_venues), map(len, listed_areas)))
            reach = zip(
                map(venues.intersection, listed_venues),
                map(areas.intersection, listed_areas),
                map(itemgetter(3), keys),  # since
                none_listed,
                map(itemgetter(4), keys),  # min
                strict=True,
            )
            return map(self._publications_assessed.__getitem__, reach)
        return (DEGREE_OUTCOMES[_degree_outcome(key, self.profile, self)[0]] for key in keys)

    def _publication_venues_and_areas(self) -> tuple[frozenset[str], frozenset[str]]:
        """Every venue key and area of the profile's papers: all of a listed venue list that can
        matter to them."""
        publications = self.read_publications()
        return frozenset().union(*(p.keys for p in publications)), frozenset().union(*(p.areas for p in publications))

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

    def columns(self, table: QualificationTable) -> _Columns:
        """The entries of `table` (see matcher.table) as assessed by this scorer, once each."""
        found = self._columns.get(id(table))
        if found is None or found.table is not table or len(found.verdicts) != len(table):
            found = self._columns[id(table)] = _Columns(table, self)
        return found

    def field_match(self, field: str) -> TermMatch | None:
        """The profile's degree field against one field a posting names."""
        if field not in self._fields:
            self._fields[field] = _field_match([field], _profile_field_items(self.profile))
        return self._fields[field]

    def research_field_match(self, fields: tuple[str, ...]) -> TermMatch | None:
        """The best of the profile's field, research roles and interests against these fields."""
        if fields not in self._research_fields:  # each field matched once, however many lists name it
            self._research_fields[fields] = _best_of(map(self._research_field.__getitem__, fields))
        return self._research_fields[fields]

    def fields_match(self, fields: tuple[str, ...]) -> TermMatch | None:
        """The best of the profile's degree field against any of these fields."""
        if fields not in self._fields_matched:
            self._fields_matched[fields] = _best_of(self.field_match(f) for f in fields)
        return self._fields_matched[fields]

    def read_publications(self) -> tuple[_ReadPublication, ...]:
        if self._publications is None:
            self._publications = tuple(_ReadPublication.of(pub) for pub in self.profile.publications)
        return self._publications

    def best_skill(self, term: str) -> TermMatch:
        found = self._skills.get(term)
        if found is None:
            found = self._skills[term] = term_catalogue().best_match(term, self.skill_items)
        return found

    def topic(self, topic: str) -> TopicMatch:
        found = self._topics.get(topic)
        if found is None:
            found = self._topics[topic] = _topic_match(topic, self.topic_items)
        return found

    def _judge(self, c: Criterion, posting: Posting) -> Judgement:
        profile = self.profile
        match c:
            case DegreeCriterion():
                return _judge_degree(c, profile, self)
            case ResearchExperienceCriterion():
                return _judge_research(c, self)
            case PublicationsCriterion():
                return _judge_publications(c, self.read_publications())
            case SkillsCriterion():
                return _judge_skills(c, self)
            case LocationCriterion():
                return _judge_location(c, profile)
            case AvailabilityCriterion():
                return _judge_availability(c, profile, posting)
            case TextCriterion():
                return _judge_text(c, self.words)
            case AnyOfCriterion():
                return _any_of(tuple(self.judge(q, posting) for q in c.options))
            case AllOfCriterion():
                return _all_of(tuple(self.judge(q, posting) for q in c.members))
        raise AssertionError(f"unhandled criterion {c!r}")  # pragma: no cover - the match is exhaustive

    def score(self, posting: Posting) -> Match:
        """Judge every qualification and add up the score; see README "How scoring works"."""
        return _score(posting.whole() if isinstance(posting, PostingSummary) else posting, self)

    def standing(self, posting: Posting) -> Standing:
        """The score, eligibility and reasons `score` gives, from assessments: only the one or
        two qualifications named as reasons are judged in words."""
        return self.standings([posting])[0]

    def standings(self, postings: Iterable[Posting]) -> list[Standing]:
        """`standing` of each posting, in the order given: summaries of one table (from the
        cache) as one batch over its columns."""
        out: list[Standing] = []
        for table, group in groupby(postings, key=lambda p: p.table if isinstance(p, PostingSummary) else None):
            if table is None:
                out += [_standing_of(p, self) for p in group]
            else:
                out += self.columns(table).standings(list(group), self)  # type: ignore[arg-type]
        return out

    def spoken_topics(self, topics: Iterable[str]) -> list[str]:
        """The posting topics the profile speaks to, in order."""
        return [t for t in topics if self.topic(t).matched]


_PER_POSTING = "per posting"
"""In _Columns.verdicts: an entry judged with each posting (availability), not once."""


class _Columns:
    """A table's entries assessed for one scorer, as columns by entry number, so that a posting
    summary's sums are taken over its numbers at C speed. Every entry is assessed, a kind at a
    time (Scorer.assess_keys, over the table's runs of that kind), when the columns are made: a
    table the cache keeps has at most half its entries unused (cache._compact), and leaving those
    out would cost as much as it saves. A posting with an entry that depends on it
    (availability) is scored as a whole posting."""

    __slots__ = ("table", "verdicts", "weights", "one_weight", "credits", "sums_of", "labels", "missing_labels", "per_posting")

    def __init__(self, table: QualificationTable, scorer: Scorer) -> None:
        self.table = table
        self.labels: dict[tuple[int, str], str] = {}
        self.missing_labels: dict[int, str] = {}
        """Entry number -> the reason naming it when unmet and required: "missing: " and its
        short_label (made by _add_missing_labels)."""
        self.per_posting: set[int] = set()
        """The entries judged with each posting (availability), not once: _PER_POSTING in verdicts."""
        entries, runs = table.entries, table.runs()
        runs_of: defaultdict[str | None, list[tuple[int, int]]] = defaultdict(list)
        for kind, first, end in runs:
            runs_of[kind].append((first, end))
        assessed_of: dict[str | None, Iterator[tuple[Verdict | str, float]]] = {}
        for kind, spans in runs_of.items():
            if kind is None:
                assessed_of[kind] = iter([self._assess_in_full(n, scorer) for first, end in spans for n in range(first, end)])
            else:
                keys = list(chain.from_iterable(map(_KEY, entries[first:end]) for first, end in spans))
                assessed_of[kind] = iter(list(scorer.assess_keys(kind, keys)))
        assessed = list(chain.from_iterable(islice(assessed_of[kind], end - first) for kind, first, end in runs))
        self.weights = weights = list(map(itemgetter(0), entries))
        self.one_weight = not weights or weights.count(weights[0]) == len(weights)
        """Whether every entry weighs the same (as when no posting sets a weight)."""
        self.verdicts: list[Verdict | str] = list(map(itemgetter(0), assessed))
        self.credits: list[float] = list(map(itemgetter(1), assessed))
        # As _sums adds them: the weight if judged (not unknown; _PER_POSTING is never summed), weight x credit
        judged_weights = map(mul, weights, map(is_not, self.verdicts, repeat(Verdict.UNKNOWN)))
        self.sums_of: list[complex] = list(map(complex, judged_weights, map(mul, weights, self.credits)))

    def _assess_in_full(self, number: int, scorer: Scorer) -> tuple[Verdict | str, float]:
        """An entry without an assessment key, from its qualification; one that depends on the
        posting (availability) is marked _PER_POSTING, with no credit."""
        q = self.table.qualification(number)
        if _depends_on_posting(q.criterion):
            self.per_posting.add(number)
            return _PER_POSTING, 0.0
        return scorer.assess(q, None)  # type: ignore[arg-type]  # judged without a posting

    def standings(self, summaries: Sequence[PostingSummary], scorer: Scorer) -> list[Standing]:
        """Each summary's Standing, in order. One holding an entry judged per posting is
        scored as a whole posting; the others, column by column (_quick_standings)."""
        per_posting = self.per_posting
        whole = per_posting and {
            i for i, s in enumerate(summaries) if not per_posting.isdisjoint(s.required_numbers + s.preferred_numbers)
        }
        if not whole:
            return self._quick_standings(summaries, scorer)
        quick = iter(self._quick_standings([s for i, s in enumerate(summaries) if i not in whole], scorer))
        return [_standing_of(s.whole(), scorer) if i in whole else next(quick) for i, s in enumerate(summaries)]

    def _quick_standings(self, summaries: Sequence[PostingSummary], scorer: Scorer) -> list[Standing]:
        """The inner loop of ranking tens of thousands of postings, made a chain of maps over
        all of them at once, so that most of it runs in C: each posting's verdicts and sums
        are looked up in the columns by its numbers, then its tally, reasons and Standing.

        Most postings of a large folder miss something required. Their reasons are
        _reason_picks' first rule (the unmet required qualifications that could have given
        most, ties in the posting's order), which needs no sorting when their weights never
        rise in the posting's order: then they are its first two unmet ones, picked here for all
        postings at once. The others go through _reasons."""
        required = list(map(_REQUIRED_NUMBERS, summaries))
        preferred = list(map(_PREFERRED_NUMBERS, summaries))
        topics = list(map(_TOPICS, summaries))

        def looked_up(column: Sequence[Any] | Mapping[Any, Any], numbers: Iterable[Sequence[Any]]) -> Iterator[Iterator[Any]]:
            return map(map, repeat(column.__getitem__), numbers)

        def sums(numbers: list[tuple[int, ...]]) -> Iterator[complex]:  # as _sums gives them
            return map(sum, looked_up(self.sums_of, numbers))

        required_verdicts = list(map(tuple, looked_up(self.verdicts, required)))
        preferred_verdicts = list(map(tuple, looked_up(self.verdicts, preferred)))
        similarity = map(sum, looked_up(scorer.topic_similarity, topics))  # a dict, by topic
        tallies = list(map(_tally, sums(required), sums(preferred), similarity, map(len, topics)))
        unmet = list(map(list, map(compress, required, map(map, repeat(is_), required_verdicts, repeat(_UNMET)))))
        if self.one_weight:  # then no weights rise
            in_order: Iterable[bool] = repeat(True, len(unmet))
        else:
            unmet_weights = list(map(list, looked_up(self.weights, unmet)))
            in_order = map(eq, unmet_weights, map(_FALLING, unmet_weights))
        named = list(map(_FIRST_TWO, unmet))
        self._add_missing_labels(chain.from_iterable(named), scorer)
        reasons = list(map(tuple, looked_up(self.missing_labels, named)))
        for i in [i for i, (missing, ordered) in enumerate(zip(unmet, in_order, strict=True)) if not (missing and ordered)]:
            s, numbers = summaries[i], required[i] + preferred[i]
            reasons[i] = _reasons(
                required_verdicts[i],
                preferred_verdicts[i],
                tallies[i],
                partial(scorer.spoken_topics, s.topics),
                (numbers, self.weights, self.credits),
                partial(self._label, numbers, s, scorer),
            )
        # Positionally: posting, eligible, score, required, preferred, reasons
        eligible = map(not_, unmet)
        return list(map(Standing, summaries, eligible, map(_SCORE, tallies), required_verdicts, preferred_verdicts, reasons))

    def _label(self, numbers: tuple[int, ...], posting: Posting, scorer: Scorer, i: int, verdict: Verdict) -> str:
        """The short_label of a posting's i-th qualification."""
        return self._label_of(numbers[i], verdict, posting, scorer)

    def _label_of(self, number: int, verdict: Verdict, posting: Posting, scorer: Scorer) -> str:
        """The short_label of an entry with this verdict, kept by entry and verdict."""
        found = self.labels.get((number, verdict._value_))  # an enum's own hash is slow Python
        if found is None:
            found = self.labels[(number, verdict._value_)] = self._label_made(number, verdict, posting, scorer)
        return found

    def _label_made(self, number: int, verdict: Verdict, posting: Posting | None, scorer: Scorer) -> str:
        key = self.table.entries[number][1]
        if key is not None and verdict is Verdict.UNMET:
            return _unmet_label(key)
        if key is None:
            q = self.table.qualification(number)
            return short_label(q.criterion, verdict, lambda: scorer.judge(q, posting))  # type: ignore[arg-type]
        if key[0] == "skills":  # short_label's, from the key: no judgement in words
            return _skills_label(key[3], verdict, lambda: _skills_matched(key[1], scorer))  # type: ignore[index]
        c = criterion_of(key)  # cheaper than the qualification, which the judgement does not need
        return short_label(c, verdict, lambda: scorer.judge(Qualification(c), posting))  # type: ignore[arg-type]

    def _add_missing_labels(self, numbers: Iterable[int], scorer: Scorer) -> None:
        """missing_labels for these entries, those not made yet. (An entry judged with each
        posting is never named here: see standings. So no posting is needed.)"""
        labels, entries, unmet = self.missing_labels, self.table.entries, Verdict.UNMET
        for number in set(numbers).difference(labels):
            key = entries[number][1]
            labels[number] = MISSING + (_unmet_label(key) if key is not None else self._label_made(number, unmet, None, scorer))


_KEY = itemgetter(1)  # of a table entry
_UNMET = repeat(Verdict.UNMET)
_FALLING = partial(sorted, reverse=True)
_FIRST_TWO = itemgetter(slice(2))
_REQUIRED_NUMBERS = attrgetter("required_numbers")
_PREFERRED_NUMBERS = attrgetter("preferred_numbers")
_TOPICS = attrgetter("topics")
_SCORE = attrgetter("score")
_ELIGIBLE = attrgetter("eligible")
_POSTING_ID = attrgetter("posting.id")


class _Memo(dict[K, V]):
    """A value by its key, made on first lookup: a dict, so that a map can look many up in C."""

    def __init__(self, make: Callable[[K], V]) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: K) -> V:
        value = self[key] = self.make(key)
        return value


def _key(c: Criterion, posting: Posting) -> object:
    return (c, posting.start, posting.duration_weeks) if _depends_on_posting(c) else c


def _depends_on_posting(c: Criterion) -> bool:
    """Only availability depends on the posting (its start and duration), in a group or alone."""
    return isinstance(c, AvailabilityCriterion) or any(_depends_on_posting(q.criterion) for q in group_members(c))


DEPENDS_ON: dict[object, frozenset[str]] = {
    DegreeCriterion: frozenset({"degree"}),
    ResearchExperienceCriterion: frozenset({"research", "degree", "interests"}),
    PublicationsCriterion: frozenset({"publications"}),
    SkillsCriterion: frozenset({"skills", "degree"}),
    LocationCriterion: frozenset({"location"}),
    AvailabilityCriterion: frozenset({"availability"}),
    TextCriterion: frozenset({"skills", "interests", "statement"}),
    "skill_items": frozenset({"skills", "degree"}),
    "topics": frozenset({"degree", "interests", "skills", "publications"}),
}
"""The parts of a profile each kind of judgement reads. Keep in step with the judges below:
Scorer.changed reuses a judgement only when none of its parts changed."""
EVERYTHING = frozenset({"degree", "research", "publications", "skills", "interests", "location", "availability", "statement"})


def _depends_on(key: object) -> frozenset[str]:
    criterion = key[0] if isinstance(key, tuple) else key
    return DEPENDS_ON.get(type(criterion), EVERYTHING)  # any_of/all_of: made again from their members


def _any_of(parts: tuple[Judgement, ...]) -> Judgement:
    best = max(parts, key=lambda j: (ANY_OF_ORDER[j.verdict], j.credit))
    return _judgement(
        best.verdict,
        f"any of {len(parts)} alternatives (best counts)",
        f"alternative {parts.index(best) + 1}: {best.evidence}",
        credit=best.credit,
        matched=best.matched,
        similarity=best.similarity,
        parts=parts,
    )


def _all_of(parts: tuple[Judgement, ...]) -> Judgement:
    worst = min(parts, key=lambda j: ALL_OF_ORDER[j.verdict])
    judged = [j.credit for j in parts if j.verdict is not Verdict.UNKNOWN]
    return _judgement(
        worst.verdict,
        f"all of {len(parts)} (the worst counts)",
        "; ".join(j.evidence for j in parts),
        credit=sum(judged) / len(judged) if judged else 0.0,
        matched=worst.matched,
        similarity=worst.similarity,
        parts=parts,
    )


def _stages_text(stages: Sequence[Stage]) -> str:
    return " or ".join(s.title for s in stages)


def _field_match(wanted: Sequence[str], have: Sequence[str]) -> TermMatch | None:
    terms = term_catalogue()
    return _best_of(terms.best_match(field, have) for field in wanted)


def _best_of(matches: Iterable[TermMatch | None]) -> TermMatch | None:
    """The most similar match found, the first of equals."""
    best: TermMatch | None = None
    for m in matches:
        if m is not None and m.found and (best is None or m.similarity > best.similarity):
            best = m
    return best


DegreeKey = tuple[str, tuple[int, ...], tuple[str, ...], bool | None, bool]
"""("degree", the stages as numbers, the fields, enrolled, related_fields)."""


def _degree_key(c: DegreeCriterion) -> DegreeKey:
    return ("degree", tuple(map(int, c.stages)), c.fields, c.enrolled, c.related_fields)


DEGREE_OUTCOMES: dict[str, Assessment] = {
    "other stage": (Verdict.UNMET, 0.0),
    "not enrolled": (Verdict.UNMET, 0.0),
    "any field": (Verdict.MET, 1.0),
    "no field given": (Verdict.UNKNOWN, 0.0),
    "field named": (Verdict.MET, 1.0),
    "related field": (Verdict.PARTIAL, round(RELATED_FIELD_CREDIT, 4)),
    "other field": (Verdict.UNMET, 0.0),
}
"""How each outcome of the degree rule (_degree_outcome) is judged."""


def _degree_outcome(key: DegreeKey, profile: Profile, scorer: Scorer) -> tuple[str, TermMatch | None]:
    """The degree rule: which outcome the profile's degree meets, and the field match if any."""
    _, stages, fields, enrolled, related = key
    degree = profile.degree
    if degree.stage not in stages:
        return "other stage", None
    if enrolled and not degree.enrolled:
        return "not enrolled", None
    if not fields:
        return "any field", None
    if not degree.field:
        return "no field given", None
    hit = scorer.fields_match(fields)
    if hit is None:
        return ("related field" if related else "other field"), None
    return "field named", hit


def _judge_degree(c: DegreeCriterion, profile: Profile, scorer: Scorer) -> Judgement:
    degree = profile.degree
    rule = f"stage in [{', '.join(s.label for s in c.stages)}]"
    if c.fields:
        rule += f"; field in [{', '.join(c.fields)}]" + (" or related" if c.related_fields else "")
    if c.enrolled:
        rule += "; currently enrolled"
    stage = degree.stage.title
    outcome, hit = _degree_outcome(_degree_key(c), profile, scorer)
    verdict, credit = DEGREE_OUTCOMES[outcome]
    matched: str | None
    similarity: int | None
    match outcome:
        case "other stage":
            evidence, matched, similarity = (
                f"profile stage is {stage}, posting asks for {_stages_text(c.stages)}",
                degree.stage.label,
                None,
            )
        case "not enrolled":
            evidence, matched, similarity = f"{stage}, but the profile says enrolled: false", "enrolled: false", None
        case "any field":
            evidence, matched, similarity = f"{stage}" + (", enrolled" if c.enrolled else ""), degree.stage.label, 100
        case "no field given":
            evidence, matched, similarity = f"{stage}; the profile gives no field to compare", degree.stage.label, None
        case "related field":
            evidence = (
                f"{stage}; field '{degree.field}' is none of those named; "
                "the posting accepts a related field, which is not judged"
            )
            matched, similarity = degree.field, 0
        case "other field":
            evidence, matched, similarity = f"{stage}; field '{degree.field}' is none of those named", degree.field, 0
        case _:
            assert hit is not None
            evidence, matched, similarity = f"{stage}; field {hit.describe()} for '{hit.wanted}'", degree.field, hit.similarity
    return _judgement(verdict, rule, evidence, credit=credit, matched=matched, similarity=similarity)


def _judge_research(c: ResearchExperienceCriterion, scorer: Scorer) -> Judgement:
    rule = f"research years >= {c.min_years:g}" if c.min_years is not None else "some research experience"
    if c.fields:
        rule += f" in [{', '.join(c.fields)}]" + (" or related" if c.related_fields else "")
    stated = scorer.research
    if stated.years is None:
        return _judgement(Verdict.UNKNOWN, rule, stated.evidence)
    needed = c.min_years if c.min_years else 0.0
    if stated.years <= 0:
        return _judgement(Verdict.UNMET, rule, stated.evidence, similarity=None)
    verdict = _fraction(stated.years, needed) if needed else Verdict.MET
    credit = min(1.0, stated.years / needed) if needed else 1.0
    evidence = stated.evidence
    similarity = None
    matched = f"{stated.years:g} years"
    if c.fields:
        hit = scorer.research_field_match(c.fields)
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
    return _judgement(verdict, rule, evidence, credit=credit, matched=matched, similarity=similarity)


class _ReadPublication(NamedTuple):
    publication: Publication
    resolved: VenueResolution | None
    keys: frozenset[str]
    """What a posting's venue list must hold for this paper to count (see _venue_key)."""
    areas: frozenset[str]

    @classmethod
    def of(cls, pub: Publication) -> _ReadPublication:
        resolved = venue_catalogue().resolve(pub.venue) if pub.venue else None
        venue = resolved.venue if resolved else None
        keys = {venue.acronym} if venue else set()
        if pub.venue:
            keys.add(_UNKNOWN_VENUE + fold(pub.venue))
        return cls(pub, resolved, frozenset(keys), frozenset(venue.areas) if venue else frozenset())


_UNKNOWN_VENUE = "\0"


@lru_cache(maxsize=65536)
def _venue_key(written: str) -> str:
    """A venue a posting lists, as its acronym, or as its folded text when the catalogue does
    not know it (a paper at an unknown venue counts when its text is the same)."""
    resolved = venue_catalogue().resolve(written)
    return resolved.venue.acronym if resolved.venue else _UNKNOWN_VENUE + fold(resolved.query)


PublicationsKey = tuple[str, frozenset[str], frozenset[str], int | None, int, tuple[str, ...], tuple[str, ...]]
"""("publications", the venues as _venue_key gives them, the areas as a set, since, min; then the
venues and areas as written, so that the criterion can be made again: criterion_of)."""


def _publications_key(c: PublicationsCriterion) -> PublicationsKey:
    return ("publications", frozenset(map(_venue_key, c.venues)), frozenset(c.areas), c.since, c.min, c.venues, c.areas)


PublicationsReach = tuple[frozenset[str], frozenset[str], int | None, bool, int]
"""What a publications criterion's assessment reads: the venue keys and areas it lists (or only
those a profile's papers have: no other can count), since, whether none is listed (then any
paper counts), and min."""


def _reach(key: PublicationsKey) -> PublicationsReach:
    _, venues, areas, since, wanted, *_ = key
    return venues, areas, since, not (venues or areas), wanted


def _counted_publications(reach: PublicationsReach, publications: Sequence[_ReadPublication]) -> list[_ReadPublication]:
    """The profile's papers that count: at a listed venue or area (any, if none is listed),
    since the year asked for."""
    venues, areas, since, none_listed, _ = reach
    counted = []
    for read in publications:
        year = read.publication.year
        if since and year and year < since:
            continue
        if none_listed or not venues.isdisjoint(read.keys) or not read.areas.isdisjoint(areas):
            counted.append(read)
    return counted


def _assess_publications(reach: PublicationsReach, publications: Sequence[_ReadPublication]) -> Assessment:
    if not publications:
        return Verdict.UNMET, 0.0
    n, wanted = len(_counted_publications(reach, publications)), reach[4]
    verdict = _fraction(n, wanted)
    return verdict, _credit(verdict, min(1.0, n / wanted))


def _judge_publications(c: PublicationsCriterion, publications: Sequence[_ReadPublication]) -> Judgement:
    parts = []
    if c.venues:
        parts.append(f"venue in [{', '.join(c.venues)}]")
    if c.areas:
        parts.append(f"area in [{', '.join(c.areas)}]")
    rule = f">= {c.min} paper(s)" + (f" at {' or '.join(parts)}" if parts else "") + (f" since {c.since}" if c.since else "")
    reach = _reach(_publications_key(c))
    verdict, credit = _assess_publications(reach, publications)
    if not publications:
        return _judgement(verdict, rule, "the profile lists no publications")
    counted: list[str] = []
    acronyms: list[str] = []
    similarities: list[int] = []
    for read in _counted_publications(reach, publications):
        pub, resolved = read.publication, read.resolved
        venue = resolved.venue if resolved else None
        name = venue.acronym if venue else (pub.venue or "a paper")
        how = f" ({resolved.how}, {resolved.similarity})" if resolved and resolved.how not in ("exact",) and venue else ""
        counted.append(
            f"'{pub.venue}'"
            + (f" -> {name}{how}" if venue and venue.acronym != pub.venue else "")
            + (f" {pub.year}" if pub.year else "")
        )
        acronyms.append(name)
        similarities.append(resolved.similarity if resolved and venue else 100)
    evidence = (
        (f"{len(counted)} counted: " + "; ".join(counted))
        if counted
        else (f"none of {len(publications)} paper(s) at a listed venue or area")
    )
    return _judgement(
        verdict,
        rule,
        evidence,
        credit=credit,
        matched=", ".join(dict.fromkeys(acronyms)) or None,
        similarity=min(similarities) if similarities else None,
    )


def skill_items(profile: Profile) -> list[str]:
    """What a skills qualification is matched against: skills (compounds split) and the field."""
    return term_catalogue().expand([*profile.skills, *_profile_field_items(profile)])


def _skills_needed(c: SkillsCriterion, wanted: Sequence[str]) -> int:
    # Counted after splitting compounds: "all of [C/C++, Python]" asks for C, C++ and Python.
    return min(c.min, len(wanted)) if c.min else (1 if c.mode == "any" else len(wanted))


def _skills_assessment(found: int, needed: int) -> Assessment:
    verdict = _fraction(found, needed)
    return verdict, _credit(verdict, min(1.0, found / needed) if needed else 1.0)


SkillsKey = tuple[str, tuple[str, ...], int, tuple[str, ...], str, int | None]
"""("skills", the terms with compounds split, how many must be found; then the terms as written,
mode and min, so that the criterion can be made again: criterion_of)."""


def _skills_key(c: SkillsCriterion) -> SkillsKey:
    wanted = term_catalogue().expand(c.terms)
    return ("skills", tuple(wanted), _skills_needed(c, wanted), c.terms, c.mode, c.min)


AssessmentKey = SkillsKey | PublicationsKey | DegreeKey
"""What a criterion's assessment reads of it, worked out without a profile (see matcher.table)."""


def assessment_key(c: Criterion) -> AssessmentKey | None:
    """For skills, publications and degrees (most of the distinct qualifications), what their
    assessment reads, so that it is found once and kept (in the cache) rather than for every
    profile; None for the other kinds, which are judged in full."""
    if isinstance(c, SkillsCriterion):
        return _skills_key(c)
    if isinstance(c, PublicationsCriterion):
        return _publications_key(c)
    if isinstance(c, DegreeCriterion):
        return _degree_key(c)
    return None


def criterion_of(key: AssessmentKey) -> Criterion:
    """The criterion an assessment_key was made from."""
    if key[0] == "skills":
        return SkillsCriterion(key[3], key[4], key[5])  # type: ignore[arg-type, misc]
    if key[0] == "publications":
        return PublicationsCriterion(key[5], key[6], key[4], key[3])  # type: ignore[arg-type, misc]
    return DegreeCriterion(tuple(map(Stage, key[1])), key[2], key[3], key[4])  # type: ignore[arg-type, misc]


def _judge_skills(c: SkillsCriterion, scorer: Scorer) -> Judgement:
    wanted = term_catalogue().expand(c.terms)
    rule = f"{'any' if c.mode == 'any' else 'all'} of [{', '.join(c.terms)}]" + (f", at least {c.min}" if c.min else "")
    matches = [scorer.best_skill(w) for w in wanted]
    found = [m for m in matches if m.found]
    verdict, credit = _skills_assessment(len(found), _skills_needed(c, wanted))
    evidence = "; ".join(f"{m.wanted}: {m.describe()}" if m.found else f"{m.wanted}: not in profile" for m in matches)
    return _judgement(
        verdict,
        rule,
        evidence,
        credit=credit,
        matched=_skills_matched(wanted, scorer),
        similarity=min((m.similarity for m in found), default=None),
    )


def _skills_matched(wanted: Iterable[str], scorer: Scorer) -> str | None:
    """The profile items that matched the wanted terms, each once, as a judgement names them."""
    return ", ".join(dict.fromkeys(m.matched for m in map(scorer.best_skill, wanted) if m.matched)) or None


def _judge_location(c: LocationCriterion, profile: Profile) -> Judgement:
    rule = f"on site in {' or '.join(c.on_site)}: lives there, prefers it, or will relocate"
    loc = profile.location
    if loc is None:
        return _judgement(Verdict.UNKNOWN, rule, "the profile gives no location")
    places = gazetteer()
    wanted = [places.parse(p) for p in c.on_site]
    for label, items in (("lives in", [loc.current] if loc.current else []), ("prefers", list(loc.preferred))):
        for item in items:
            have = places.parse(item)
            for place in wanted:
                score = places.similarity(place, have)
                if score:
                    return _judgement(Verdict.MET, rule, f"{label} {item} ({place.written})", matched=item, similarity=score)
    if loc.willing_to_relocate:
        return _judgement(
            Verdict.MET,
            rule,
            "willing to relocate" + (f" from {loc.current}" if loc.current else ""),
            matched="willing_to_relocate: true",
            similarity=None,
        )
    return _judgement(
        Verdict.UNMET,
        rule,
        f"in {loc.current or 'an unstated place'} and not willing to relocate",
        matched="willing_to_relocate: false",
    )


def _judge_availability(c: AvailabilityCriterion, profile: Profile, posting: Posting) -> Judgement:
    start = c.start or posting.start
    weeks = c.weeks or posting.duration_weeks
    rule = f"available from {start or 'the start'}" + (f" for {weeks} weeks" if weeks else "")
    if start is None:
        return _judgement(Verdict.UNKNOWN, rule, "the posting gives no start date")
    have = profile.availability
    if have is None:
        return _judgement(Verdict.UNKNOWN, rule, "the profile gives no availability")
    end = start + timedelta(weeks=weeks or 1)
    free_from = have.start or date.min
    free_to = have.end or date.max
    overlap = (min(end, free_to) - max(start, free_from)).days
    needed = (end - start).days
    shown = f"available {have.start or '...'} to {have.end or '...'}"
    if overlap <= 0:
        return _judgement(Verdict.UNMET, rule, shown, matched=shown)
    share = min(1.0, overlap / needed)
    return _judgement(_fraction(share, 1.0), rule, f"{shown}: covers {share:.0%} of it", credit=share, matched=shown)


class _Word(NamedTuple):
    word: str
    source: str
    item: str


class _ProfileWords:
    """The profile's words that text qualifications are compared with, indexed once."""

    def __init__(self, profile: Profile) -> None:
        self.by_word: dict[str, _Word] = {}
        for source, items in (
            ("skills", profile.skills),
            ("interests", profile.interests),
            ("statement", [profile.statement] if profile.statement else []),
        ):
            for item in items:
                for word in fold(item).split():
                    if word not in GENERIC_WORDS:
                        self.by_word.setdefault(word, _Word(word, source, item))
        self.fuzzy_keys = [k for k in self.by_word if len(k) > SHORT_TERM_LENGTH]


def content_words(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in fold(text).split() if w not in GENERIC_WORDS and len(w) > 1))


def _judge_text(c: TextCriterion, words: _ProfileWords) -> Judgement:
    rule = "text: its content words found in skills, interests or statement"
    wanted = content_words(c.text)
    by_word, fuzzy_keys = words.by_word, words.fuzzy_keys
    if not wanted or not by_word:
        return _judgement(Verdict.UNKNOWN, rule, "nothing in the profile speaks to it")
    found: list[str] = []
    items: list[str] = []
    for word in wanted:
        hit = by_word.get(word)
        score = 100
        if hit is None and len(word) > SHORT_TERM_LENGTH:
            best = process.extractOne(word, fuzzy_keys, scorer=fuzz.ratio, score_cutoff=TEXT_WORD_CUTOFF)
            if best is not None:
                hit, score = by_word[best[0]], round(best[1])
        if hit is not None:
            shown = hit.source if hit.source == "statement" else f"{hit.source} '{_clip(hit.item)}'"
            found.append(f"'{word}' ~ {shown}" + (f" ({score})" if score < 100 else ""))
            items.append(hit.source if hit.source == "statement" else hit.item)
    if not found:
        return _judgement(Verdict.UNKNOWN, rule, "nothing in the profile speaks to it")
    coverage = len(found) / len(wanted)
    evidence = f"{len(found)} of {len(wanted)} words: " + "; ".join(found)
    if coverage < TEXT_MET_COVERAGE:
        # Too little to judge. Unknown, not partial: weak evidence must not cost points that
        # no evidence at all would not (adding a skill never lowers a score).
        return _judgement(
            Verdict.UNKNOWN,
            rule,
            f"too little to judge ({coverage:.0%} < {TEXT_MET_COVERAGE:.0%}): {evidence}",
            similarity=round(coverage * 100),
        )
    return _judgement(
        Verdict.MET, rule, evidence, matched=", ".join(dict.fromkeys(_clip(i) for i in items)), similarity=round(coverage * 100)
    )


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


# ----------------------------------------------------------------------------- topics


def topic_items(profile: Profile) -> list[tuple[str, str]]:
    """(item, where in the profile) that topical fit compares with a posting's topics."""
    venues = venue_catalogue()
    terms = term_catalogue()
    items: list[tuple[str, str]] = [(f, "field") for f in _profile_field_items(profile)]
    items += [(i, "interests") for i in profile.interests]
    items += [(s, "skills") for s in terms.expand(profile.skills)]
    for pub in profile.publications:
        venue = venues.resolve(pub.venue).venue if pub.venue else None
        for area in venue.areas if venue else ():
            for label in terms.expand([venues.area_label(area)]):
                items.append((label, f"publications ({venue.acronym})"))  # type: ignore[union-attr]
    return list(dict.fromkeys(items))


def _topic_match(topic: str, items: Sequence[tuple[str, str]]) -> TopicMatch:
    """The profile item that speaks best to one posting topic."""
    terms = term_catalogue()
    best = TopicMatch(topic, None, None, 0)
    for item, source in items:
        m = terms.match_one(topic, item)
        score, how = (m.similarity, m.how) if m.found else (0, "none")
        if not score and len(fold(topic).split()) > 1 and len(fold(item).split()) > 1:
            score, how = round(fuzz.token_set_ratio(fold(topic), fold(item))), "overlap"
        if score < TOPIC_CUTOFF:
            continue
        if how == "narrower":
            score = round(score * NARROWER_TOPIC_FACTOR)
        if score > best.similarity:
            best = TopicMatch(topic, item, source, score, how)
    return best


# ----------------------------------------------------------------------------- a posting's score


def score_posting(posting: Posting, profile: Profile, today: date) -> Match:
    """One posting judged against one profile (use `Scorer` or `rank` for many postings)."""
    return Scorer(profile, today).score(posting)


Judged = tuple[float, Verdict, float]
"""(weight, verdict, credit) of one qualification."""


class _Tally(NamedTuple):
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


def _sums(judged: Sequence[Judged]) -> complex:
    """The weight of a section's judged qualifications (not unknown) and their weighted credit,
    summed in order as one complex number: the weight is its real part, the credit its imaginary
    part. Python adds the parts apart, as two sums would, at the cost of one; Scorer.standing
    sums table columns of the same numbers (_Columns.sums_of)."""
    unknown = Verdict.UNKNOWN
    return sum([complex(0.0 if v is unknown else w, w * c) for w, v, c in judged])


def _tally(required: complex, preferred: complex, similarity: int, topics: int) -> _Tally:
    """From the _sums of each section, and the similarities of the posting's topics summed."""
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
    return _Tally((per_required, per_preferred), earned, fit, topic_available, round(min(1.0, earned), 4))


def _score(posting: Posting, scorer: Scorer) -> Match:
    required = [(q, scorer.judge(q, posting)) for q in posting.required]
    preferred = [(q, scorer.judge(q, posting)) for q in posting.preferred]
    topics = [scorer.topic(t) for t in posting.topics]
    tally = _tally(
        _sums([(q.weight, j.verdict, j.credit) for q, j in required]),
        _sums([(q.weight, j.verdict, j.credit) for q, j in preferred]),
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
        for could in (tally.could(at, q.weight, j.verdict),)
    )
    fit, topic_available = tally.fit, tally.topic_available
    topic = TopicFit(round(fit, 4), tuple(topics), round(topic_available * fit, 4), round(topic_available, 4))
    eligible = not any(j.verdict is Verdict.UNMET for _, j in required)
    return Match(posting, eligible, tally.score, results, topic, reasons=reasons(results, topic))


def _reasons(
    required: tuple[Verdict, ...],
    preferred: tuple[Verdict, ...],
    tally: _Tally,
    spoken_topics: Callable[[], Sequence[str]],
    weights_and_credits: tuple[Sequence[int], Sequence[float], Sequence[float]],
    label: Callable[[int, Verdict], str],
) -> tuple[str, ...]:
    """A Standing's reasons from its posting's verdicts and tally. Qualifications are numbered
    required first; the i-th one's weight and credit are `weights[numbers[i]]` and
    `credits[numbers[i]]` (from `weights_and_credits`: columns of a table, or of the posting
    itself), asked only of the one or two named as reasons and of the candidates for that, as is
    `label` (its short_label)."""
    numbers, weights, credits = weights_and_credits
    first, both = len(required), required + preferred

    def worth(i: int) -> tuple[float, float]:
        number = numbers[i]
        could = tally.could(i >= first, weights[number], both[i])
        return round(could * credits[number], 4), round(could, 4)

    picks = _reason_picks(required, preferred, worth=worth, spoken_topics=spoken_topics)
    return tuple([pick if isinstance(pick, str) else pick[0] + label(pick[1], both[pick[1]]) for pick in picks])


def _standing_of(posting: Posting, scorer: Scorer) -> Standing:
    required = scorer.assess_all(posting.required, posting)
    preferred = scorer.assess_all(posting.preferred, posting)
    topics = [scorer.topic(t) for t in posting.topics]
    judged = required + preferred
    qualifications = posting.required + posting.preferred

    def label(i: int, verdict: Verdict) -> str:
        q = qualifications[i]
        return short_label(q.criterion, verdict, lambda: scorer.judge(q, posting))

    required_verdicts, preferred_verdicts = tuple(v for _, v, _ in required), tuple(v for _, v, _ in preferred)
    tally = _tally(_sums(required), _sums(preferred), sum(t.similarity for t in topics), len(topics))
    reasons = _reasons(
        required_verdicts,
        preferred_verdicts,
        tally,
        lambda: [t.topic for t in topics if t.matched],
        (range(len(judged)), [w for w, _, _ in judged], [c for _, _, c in judged]),
        label,
    )
    eligible = Verdict.UNMET not in required_verdicts
    return Standing(posting, eligible, tally.score, required_verdicts, preferred_verdicts, reasons)


def rank(postings: Iterable[Posting], profile: Profile, today: date) -> list[Match]:
    """Eligible postings first, then by score, ties by posting id: the same input, the same order."""
    scorer = Scorer(profile, today)
    return ranked([scorer.score(p) for p in postings])


def standings(postings: Iterable[Posting], profile: Profile, today: date) -> list[Standing]:
    """The order and rows of `rank`, without the explanations: for many postings."""
    scorer = Scorer(profile, today)
    return ranked(scorer.standings(postings))


def explain_all(
    shown: Iterable[Standing], profile: Profile, today: date, full: Callable[[Posting], Posting] | None = None
) -> Iterator[Match]:
    """Standings made Matches, with every qualification's explanation, in the order given, one
    at a time; `full` gives the whole posting for one read as a summary (a table.PostingSummary)."""
    scorer = Scorer(profile, today)
    return (scorer.score(full(s.posting) if full else s.posting) for s in shown)


def ranked(items: list[R]) -> list[R]:
    """Eligible first, then by score, ties by posting id: sorted a key at a time, the last key
    first (Python's sort is stable, also in reverse), as keys read in C cost a third of one
    key tuple made per item."""
    out = sorted(items, key=_POSTING_ID)
    out.sort(key=_SCORE, reverse=True)
    out.sort(key=_ELIGIBLE, reverse=True)
    return out


# ----------------------------------------------------------------------------- reasons


def short_label(c: Criterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
    """A few words naming what a qualification is about, for the table's reasons column.
    `judgement` is asked for only where the words depend on it (what matched, which parts)."""
    match c:
        case DegreeCriterion():
            return f"{_stages_text(c.stages)}" + (" enrolment" if c.enrolled else "")
        case ResearchExperienceCriterion():
            label = f"{c.min_years:g}+ yr research" if c.min_years else "research experience"
            return label + (f" in {c.fields[0]}" if c.fields else "")
        case PublicationsCriterion():
            if verdict in (Verdict.MET, Verdict.PARTIAL) and (j := judgement()).matched:
                n = j.evidence.split(" ", 1)[0]
                return f"{n} paper{'s' if n != '1' else ''} at {j.matched}"
            return _papers_asked(c.venues, c.areas)
        case SkillsCriterion():
            return _skills_label(c.terms, verdict, lambda: judgement().matched)
        case LocationCriterion():
            return f"on site: {', '.join(c.on_site)}"
        case AvailabilityCriterion():
            return "availability"
        case TextCriterion():
            return _clip(c.text, 40)
        case AnyOfCriterion() | AllOfCriterion():
            pairs = list(zip(group_members(c), judgement().parts, strict=True))
            if isinstance(c, AnyOfCriterion):
                return " or ".join(_label_of(o, p) for o, p in pairs)
            if verdict is Verdict.UNMET:  # name only what is missing
                pairs = [(m, p) for m, p in pairs if p.verdict is Verdict.UNMET]
            return " + ".join(_label_of(m, p) for m, p in pairs)
    return KIND_OF[type(c)]  # pragma: no cover


def _papers_asked(venues: Sequence[str], areas: Sequence[str]) -> str:
    listed = ", ".join(venues[:3]) + ("…" if len(venues) > 3 else "")
    return f"paper at {listed or ', '.join(areas) or 'any venue'}"


def _skills_label(terms: Sequence[str], verdict: Verdict, matched: Callable[[], str | None]) -> str:
    """What was found when met, else what is asked for."""
    if verdict is Verdict.MET and (found := matched()):
        return _clip(found, 30)
    return _skills_asked(terms)


def _skills_asked(terms: Sequence[str]) -> str:
    return _clip("/".join(terms), 40)


def _unmet_label(key: AssessmentKey) -> str:
    """short_label of an unmet criterion with this assessment_key, from the key: its words then
    name what is asked for, which needs no judgement (and mostly, no criterion)."""
    if key[0] == "skills":
        return _skills_asked(key[3])  # type: ignore[arg-type]
    if key[0] == "publications":
        return _papers_asked(key[5], key[6])  # type: ignore[arg-type, misc]
    return short_label(criterion_of(key), Verdict.UNMET, _no_judgement)


def _no_judgement() -> Judgement:
    raise AssertionError("an unmet criterion's words need no judgement")  # pragma: no cover


def _label_of(q: Qualification, j: Judgement) -> str:
    return short_label(q.criterion, j.verdict, lambda: j)


MISSING = "missing: "
"""How a reason naming an unmet required qualification begins."""

Pick = str | tuple[str, int]
"""A reason: finished text, or (prefix, index of the qualification whose short label follows)."""


def reasons(results: Sequence[QualificationResult], topic_fit: TopicFit) -> tuple[str, ...]:
    """The one or two things that mattered most: what is missing, or what earned the most."""
    picks = _reason_picks(
        [r.judgement.verdict for r in results if r.section == "required"],
        [r.judgement.verdict for r in results if r.section == "preferred"],
        worth=lambda i: (results[i].points, results[i].available),
        spoken_topics=lambda: [t.topic for t in topic_fit.matches if t.matched],
    )
    return tuple(
        pick if isinstance(pick, str) else pick[0] + _label_of(results[pick[1]].qualification, results[pick[1]].judgement)
        for pick in picks
    )


def _reason_picks(
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
