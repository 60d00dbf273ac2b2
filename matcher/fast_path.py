"""The fast path: a folder's table of distinct qualifications (matcher.posting_table) assessed
for one profile as columns by entry number, so that tens of thousands of postings are ranked as
chains of maps that run in C.

It holds no rule of its own. Each entry is assessed by its rule, from the profile-free key the
rule made for it (Rule.key, Rule.assess_keys); an entry without a key is judged in full by its
rule; the words of reasons come from the rules' labels; and a posting's score and reasons from
matcher.tally, as for a posting judged in full. The property tests hold the two paths equal.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import partial
from itertools import chain, compress, islice, repeat
from operator import attrgetter, eq, is_, is_not, itemgetter, mul, not_
from typing import TYPE_CHECKING, Any

from matcher.models import Posting, Qualification, Standing, Verdict
from matcher.posting_table import PostingSummary, QualificationTable
from matcher.rules.registry import rule_of_kind
from matcher.tally import MISSING, standing_of, standing_reasons, tally

if TYPE_CHECKING:
    from matcher.scoring import Scorer

_PER_POSTING = "per posting"
"""In TableColumns.verdicts: an entry judged with each posting (availability), not once."""


class TableColumns:
    """A table's entries assessed for one scorer, as columns by entry number, so that a posting
    summary's sums are taken over its numbers at C speed. Every entry is assessed, a kind at a
    time (Scorer.assess_keys, over the table's runs of that kind), when the columns are made: a
    table the cache keeps has at most half its entries unused (cache_index.compact), and leaving those
    out would cost as much as it saves. A posting with an entry that depends on it
    (availability) is scored as a whole posting."""

    __slots__ = ("table", "verdicts", "weights", "one_weight", "credits", "sums_of", "labels", "missing_labels", "per_posting")

    def __init__(self, table: QualificationTable, scorer: Scorer) -> None:
        self.table = table
        self.labels: dict[tuple[int, str], str] = {}
        self.missing_labels: dict[int, str] = {}
        """Entry number -> the reason naming it when unmet and required: "missing: " and its
        label (made by _add_missing_labels)."""
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
        # As tally.sums adds them: the weight if judged (not unknown; _PER_POSTING is never summed), weight x credit
        judged_weights = map(mul, weights, map(is_not, self.verdicts, repeat(Verdict.UNKNOWN)))
        self.sums_of: list[complex] = list(map(complex, judged_weights, map(mul, weights, self.credits)))

    def _assess_in_full(self, number: int, scorer: Scorer) -> tuple[Verdict | str, float]:
        """An entry without an assessment key, from its qualification; one that depends on the
        posting (availability) is marked _PER_POSTING, with no credit."""
        q = self.table.qualification(number)
        if scorer.on_posting(q.criterion):
            self.per_posting.add(number)
            return _PER_POSTING, 0.0
        return scorer.assess(q, None)  # judged without a posting

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
        return [standing_of(s.whole(), scorer) if i in whole else next(quick) for i, s in enumerate(summaries)]

    def _quick_standings(self, summaries: Sequence[PostingSummary], scorer: Scorer) -> list[Standing]:
        """The inner loop of ranking tens of thousands of postings, made a chain of maps over
        all of them at once, so that most of it runs in C: each posting's verdicts and sums
        are looked up in the columns by its numbers, then its tally, reasons and Standing.

        Most postings of a large folder miss something required. Their reasons are
        reason_picks' first rule (the unmet required qualifications that could have given
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
        similarity = map(sum, looked_up(scorer.topics.similarity, topics))  # a dict, by topic
        tallies = list(map(tally, sums(required), sums(preferred), similarity, map(len, topics)))
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
            reasons[i] = standing_reasons(
                required_verdicts[i],
                preferred_verdicts[i],
                tallies[i],
                partial(scorer.topics.spoken, s.topics),
                (numbers, self.weights, self.credits),
                partial(self._label, numbers, s, scorer),
            )
        # Positionally: posting, eligible, score, required, preferred, reasons
        eligible = map(not_, unmet)
        return list(map(Standing, summaries, eligible, map(_SCORE, tallies), required_verdicts, preferred_verdicts, reasons))

    def _label(self, numbers: tuple[int, ...], posting: Posting, scorer: Scorer, i: int, verdict: Verdict) -> str:
        """The label of a posting's i-th qualification."""
        return self._label_of(numbers[i], verdict, posting, scorer)

    def _label_of(self, number: int, verdict: Verdict, posting: Posting, scorer: Scorer) -> str:
        """The label of an entry with this verdict, kept by entry and verdict."""
        found = self.labels.get((number, verdict._value_))  # an enum's own hash is slow Python
        if found is None:
            found = self.labels[(number, verdict._value_)] = self._label_made(number, verdict, posting, scorer)
        return found

    def _label_made(self, number: int, verdict: Verdict, posting: Posting | None, scorer: Scorer) -> str:
        key = self.table.entries[number][1]
        if key is not None and verdict is Verdict.UNMET:
            return rule_of_kind(key[0]).unmet_label(key)
        if key is None:
            q = self.table.qualification(number)
            return scorer.label(q, verdict, lambda: scorer.judge(q, posting))
        rule = scorer.rule(rule_of_kind(key[0]))
        # The criterion alone, cheaper than the qualification, which the judgement does not need.
        return rule.key_label(key, verdict, lambda: scorer.judge(Qualification(rule.criterion_of(key)), posting))

    def _add_missing_labels(self, numbers: Iterable[int], scorer: Scorer) -> None:
        """missing_labels for these entries, those not made yet. (An entry judged with each
        posting is never named here: see standings. So no posting is needed.)"""
        labels, entries, unmet = self.missing_labels, self.table.entries, Verdict.UNMET
        for number in set(numbers).difference(labels):
            key = entries[number][1]
            label = rule_of_kind(key[0]).unmet_label(key) if key is not None else self._label_made(number, unmet, None, scorer)
            labels[number] = MISSING + label


_KEY = itemgetter(1)  # of a table entry
_UNMET = repeat(Verdict.UNMET)
_FALLING = partial(sorted, reverse=True)
_FIRST_TWO = itemgetter(slice(2))
_REQUIRED_NUMBERS = attrgetter("required_numbers")
_PREFERRED_NUMBERS = attrgetter("preferred_numbers")
_TOPICS = attrgetter("topics")
_SCORE = attrgetter("score")
