"""A ranking's results in JSON, every qualification explained, written from the cache's table of
distinct qualifications: the text that `match_dict` of a full Match gives, encoded by orjson,
without making a Match, a QualificationResult or a dict per qualification.

Postings repeat each other's asks (10,000 postings ask 175,000 qualifications, 80,000 of them
distinct), and a qualification's verdict and words depend only on its table entry and the
profile. So each entry is judged once and its JSON made once, as a template with a gap for each
value that belongs to the posting asking it (section, quote, points, available, note); a posting's
qualifications are then its entries' templates with those values put in. Its score, eligibility,
reasons and counts are its Standing's (the fast path's, held equal to a full Match's by the
property tests); its points come from the same tally (matcher.tally) a Match's do.

A posting that cannot be written so is written as before, from a full Match (match_dict): one
read without the cache, one asking a qualification judged with each posting (availability), one
whose quotes and notes cannot be read from the cache, or one with text orjson refuses (a lone
surrogate: json_output escapes it).

With one profile, the results written are kept by the cache (a file per folder and format) and
read back, all but their rank, by the next run with the same profile, day and code: a warm run
writes a posting's result from one read, and holds no template (KeptResults).
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date
from itertools import chain, repeat
from operator import itemgetter
from typing import TYPE_CHECKING, Any

import orjson

from matcher.cache import cache_header
from matcher.json_output import ITEM_MARGIN, Encoded, json_chunks, jsonl_lines
from matcher.kept_results import KeptResults
from matcher.models import Criterion, Judgement, Posting, Profile, Standing, Verdict, group_members
from matcher.output_formats import judgement_dict, match_dict, posting_dict, ranking_json
from matcher.posting_table import PostingSummary, QualificationTable, Wording, decode
from matcher.rules import rule_for, rule_of_kind
from matcher.rules.base import Key, Memo
from matcher.scoring import Scorer
from matcher.selection import posting_status
from matcher.tally import tally
from matcher.two_writers import worth_splitting, write_in_two

if TYPE_CHECKING:
    from matcher.cache import PostingCache
    from matcher.folders import Skipped

_GAP = orjson.Fragment(b"\x00")
"""Where a posting's own value goes in a template: orjson writes a fragment as it is, and never
writes a NUL byte itself (control characters in strings are escaped), so templates split there."""

Template = tuple[bytes, bytes, bytes, bytes, bytes, bytes]
"""An entry's JSON around its gaps: up to its quote in the required section, the same in the
preferred section, from the quote to the points, from the available points to the note, the
rest, and from the available points on with no note and a separator after it (JSON or JSONL's)."""


class ResultWriter:
    """One profile's results as JSON: compact (a JSONL line each), or indented as a ranking
    document's results are (json_output: an item of a top-level array)."""

    def __init__(self, scorer: Scorer, cache: PostingCache | None, *, compact: bool, keep: bool = False) -> None:
        """`cache`: where the postings were read from (their quotes and notes are read from it);
        `keep`: whether to read the results written for this profile in an earlier run from it,
        and keep those written here in it (KeptResults; `finish` puts them in place)."""
        self.scorer = scorer
        self.cache = cache
        self.keep = keep and cache is not None
        self.compact = compact
        self._kind = "jsonl-results" if compact else "json-results"
        self._option = 0 if compact else orjson.OPT_INDENT_2
        margin = b"" if compact else ITEM_MARGIN
        self._margin = margin
        self._rank_head = self._indented(orjson.dumps({"rank": _GAP}, option=self._option)).split(b"\x00")[0]
        """What a result without a lead (one profile's) starts with, up to its rank."""
        self._kept: dict[int, tuple[QualificationTable, KeptResults | None]] = {}
        """The results kept for each table's folder, by the table's id (the table is kept with them)."""
        self._upcoming: Sequence[Standing] = ()
        """The results to be written, in order (`expect`), and which of them is being written."""
        self._at = 0
        self._first_rank = 1
        self._items = (b"[", b",", b"]") if compact else (b"[" + margin + b"    ", b"," + margin + b"    ", margin + b"  ]")
        self._qualification_margin = margin + b"    "
        self._tables: dict[int, tuple[QualificationTable, _Entries]] = {}
        """Each table's entries as written so far, by the table's id (the table is kept with them)."""
        self._text: Memo[str | None, bytes] = Memo(orjson.dumps)
        """A quote or note (or None) as JSON."""
        self._points: Memo[float, Memo[tuple[float, float] | None, bytes]] = Memo(self._points_by_worth)
        """What a section's judged weight gives per unit (Tally.per_weight) -> an entry's
        (weight, credit) -> its points and available points as JSON."""
        self._line_end = b"\n" if compact else b""
        self._around: dict[tuple[bytes, bytes, bytes, bytes], tuple[bytes, bytes, bytes, bytes, bytes]] = {}
        """A template's parts around its judgement, by what orjson wrote there (_template)."""
        self._sums: dict[complex, complex] = {}
        self._worths: dict[tuple[float, float], tuple[float, float]] = {}
        self._sections = (orjson.dumps("required"), orjson.dumps("preferred"))
        self._topics: Memo[str, tuple[dict[str, Any], int]] = Memo(self._topic)
        """A posting topic -> its match as a result shows it, and its similarity."""
        between = orjson.dumps({"points": _GAP, "available": _GAP}, option=self._option)
        self._available_key = between.replace(b"\n", self._qualification_margin).split(b"\x00")[1]
        """What is written between a qualification's points and its available points."""

    def result(self, standing: Standing, rank: int, lead: dict[str, Any], today: date) -> Encoded | dict[str, Any]:
        """One result: read back from the results kept, or written here, when it can be; else
        the dict match_dict gives."""
        posting, cache = standing.posting, self.cache
        if isinstance(posting, PostingSummary) and cache is not None:
            kept = self._kept_for(posting) if self.keep and not lead else None
            identity = cache.identity(posting) if kept is not None else None
            if kept is not None and identity is not None:
                rest = kept.read(identity)
                if rest is not None:
                    kept.add(identity, rest, made=False)
                    return Encoded(self._rank_head, str(rank).encode(), rest)
            words = cache.wording(posting)
            if words is not None:
                self._at = rank - self._first_rank
                try:
                    written = self._written(standing, posting, lead, today, *words)
                except orjson.JSONEncodeError:
                    written = None
                self._done_with(posting)
                if written is not None:
                    head, rest = written
                    if kept is not None and identity is not None:
                        kept.add(identity, rest, made=True)
                    return Encoded(head, str(rank).encode(), rest)
        whole = cache.full(posting) if cache is not None else posting
        return lead | match_dict(self.scorer.score(whole), rank, today=today)

    def expect(self, shown: Sequence[Standing], first_rank: int = 1) -> None:
        """The results this writer will be asked for, in order, the first of them at `first_rank`:
        a template is let go after the last of them that uses it, so that memory holds the
        templates still to be used, not all."""
        self._upcoming, self._first_rank = shown, first_rank

    def _count_uses(self, table: QualificationTable) -> Counter[int] | None:
        """How often each entry of `table` is asked by the results still to be written."""
        if not self._upcoming:
            return None
        asking = (
            s.posting.required_numbers + s.posting.preferred_numbers
            for s in self._upcoming[self._at :]
            if isinstance(s.posting, PostingSummary) and s.posting.table is table
        )
        return Counter(chain.from_iterable(asking))

    def _done_with(self, posting: PostingSummary) -> None:
        """A posting's result is written: the templates it was the last to use are let go (made
        again should a result not counted ask for one)."""
        found = self._tables.get(id(posting.table))
        if found is None or found[0] is not posting.table or found[1].uses is None:
            return
        entries = found[1]
        uses, templates = entries.uses, entries.templates
        assert uses is not None
        for n in posting.required_numbers + posting.preferred_numbers:
            left = uses.get(n, 1) - 1
            if left > 0:
                uses[n] = left
            else:
                uses.pop(n, None)
                if templates[n]:
                    templates[n] = False

    def _indented(self, text: bytes) -> bytes:
        """orjson's text of an item of the results array, its line breaks indented for its place."""
        return text if self.compact else text.replace(b"\n", self._margin)

    def _written(
        self, standing: Standing, posting: PostingSummary, lead: dict[str, Any], today: date, path: str, words: Wording
    ) -> tuple[bytes, bytes] | None:
        """A result as JSON: its text up to its rank, and from after its rank to its end."""
        required, preferred = posting.required_numbers, posting.preferred_numbers
        made = self._templates_for(posting)
        if made is None:
            return None
        templates, entries = made
        sums, worth = entries.sums.__getitem__, entries.worth.__getitem__
        topics = list(map(self._topics.__getitem__, posting.topics))
        tallied = tally(sum(map(sums, required)), sum(map(sums, preferred)), sum(map(_SIMILARITY, topics)), len(topics))
        fit, topic_available = tallied.fit, tallied.topic_available
        header = {
            **lead,
            "rank": _GAP,
            **posting_dict(posting),
            "status": posting_status(posting, today),
            "eligible": standing.eligible,
            "score": standing.score,
            "required": _counts(standing.required),
            "preferred": _counts(standing.preferred),
            "reasons": list(standing.reasons),
            "qualifications": _GAP,
            "topics": {
                "fit": round(fit, 4),
                "points": round(topic_available * fit, 4),
                "available": round(topic_available, 4),
                "matches": list(map(_SHOWN, topics)),
            },
        }
        header["path"] = path
        head, before, after = self._indented(orjson.dumps(header, option=self._option)).split(b"\x00")
        count = len(templates)
        if not count:
            return head, b"".join((before, b"[]", after, self._line_end))
        # Each qualification: its template's parts with the posting's values between them (each
        # text and each points figure made once, then looked up), and a separator after it.
        first = len(required)
        start, separator, end = self._items
        quotes, notes = words
        per_weight = tallied.per_weight
        points = [
            *map(self._points[per_weight[0]].__getitem__, map(worth, required)),
            *map(self._points[per_weight[1]].__getitem__, map(worth, preferred)),
        ]
        texts = self._text.__getitem__
        heads = [*map(_REQUIRED_HEAD, templates[:first]), *map(_PREFERRED_HEAD, templates[first:])]
        if notes:
            qualifications = zip(
                heads,
                map(texts, quotes),
                map(_TO_POINTS, templates),
                points,
                map(_TO_NOTE, templates),
                map(texts, notes),
                map(_REST, templates),
                chain(repeat(separator, count - 1), (end,)),
                strict=True,
            )
        else:  # most postings: a note-less template's end, and the separator, as one part
            qualifications = zip(  # type: ignore[assignment]
                heads,
                map(texts, quotes),
                map(_TO_POINTS, templates),
                points,
                chain(
                    map(_UNNOTED_REST, templates[:-1]), (templates[-1][_TO_NOTE_AT] + b"null" + templates[-1][_REST_AT] + end,)
                ),
                strict=True,
            )
        return head, b"".join(chain((before, start), chain.from_iterable(qualifications), (after, self._line_end)))

    def _points_by_worth(self, per_weight: float) -> Memo[tuple[float, float] | None, bytes]:
        def points(worth: tuple[float, float] | None) -> bytes:
            """As _score rounds them (Tally.could: an unknown verdict could give nothing)."""
            could = 0.0 if worth is None else per_weight * worth[0]
            credit = 0.0 if worth is None else worth[1]
            return orjson.dumps(round(could * credit, 4)) + self._available_key + orjson.dumps(round(could, 4))

        return Memo(points)

    def _topic(self, topic: str) -> tuple[dict[str, Any], int]:
        t = self.scorer.topics.match[topic]
        return {
            "topic": t.topic,
            "matched": t.matched,
            "source": t.source,
            "how": t.how,
            "similarity": t.similarity,
        }, t.similarity

    def _templates_for(self, posting: PostingSummary) -> tuple[list[Template], _Entries] | None:
        """The templates of a posting's entries, made where missing; None when one of them cannot be."""
        table = posting.table
        assert table is not None
        found = self._tables.get(id(table))
        if found is None or found[0] is not table:
            found = self._tables[id(table)] = (table, _Entries())
            found[1].uses = self._count_uses(table)
        entries = found[1]
        if len(entries.templates) < len(table):  # new, or entries added since (a posting parsed again)
            entries.grow(len(table))
        templates = entries.templates
        numbers = posting.required_numbers + posting.preferred_numbers
        out = list(map(templates.__getitem__, numbers))
        if False in out:  # not made yet (a template is a tuple, never equal to False)
            for i, n in enumerate(numbers):
                made = templates[n]
                if made is False:
                    made = templates[n] = self._template(entries, n, *table.entries[n])
                out[i] = made
        if None in out:
            return None
        return out, entries  # type: ignore[return-value]

    def _kept_for(self, posting: PostingSummary) -> KeptResults | None:
        """The results kept for the folder of a posting's table (read on first use); None when
        the cache cannot say which folder that is."""
        table = posting.table
        assert table is not None  # a summary's, from the cache
        found = self._kept.get(id(table))
        if found is None or found[0] is not table:
            where = self.cache.table_of(table) if self.cache is not None else None
            kept = None
            if where is not None and self.cache is not None:
                folder, table_id = where
                stamp = {**cache_header(folder), "table_id": table_id, "today": self.scorer.today.isoformat()}
                kept = KeptResults(self.cache, folder, self._kind, stamp, self.scorer.profile)
            self._kept[id(table)] = (table, kept)
            return kept
        return found[1]

    def nothing_kept_for(self, posting: PostingSummary) -> bool:
        """Whether this writer keeps results, and none were kept for the folder of this posting (a
        first run with this profile, day and code: every result will be made)."""
        kept = self._kept_for(posting) if self.keep else None
        return kept is not None and kept.empty

    def keep_written(self, posting: Posting, rest: bytes) -> None:
        """Keep a result written elsewhere (matcher.two_writers), all after its rank, as if made here."""
        summary = isinstance(posting, PostingSummary) and self.keep and self.cache is not None
        kept = self._kept_for(posting) if summary else None  # type: ignore[arg-type]
        identity = self.cache.identity(posting) if kept is not None and self.cache is not None else None
        if kept is not None and identity is not None:
            kept.add(identity, rest, made=True)

    def finish(self, *, completed: bool) -> None:
        """Put the results kept in this run in place for the next, if it `completed` and made some;
        else leave the earlier ones as they were."""
        for _, kept in self._kept.values():
            if kept is not None:
                kept.finish(completed=completed)

    def _template(self, entries: _Entries, number: int, weight: float, key: Key | None, encoded: Any) -> Template | None:
        """An entry's template (from the table entry: weight, key, encoded qualification), or None
        when it cannot be made (judged with each posting, or text orjson refuses). The entry is
        judged as Scorer.judge judges its qualification, without making the qualification: each
        entry is judged once, and most of a folder's entries are made only here."""
        criterion: Criterion = rule_of_kind(key[0]).criterion_of(key) if key is not None else decode(encoded).criterion
        rule = rule_for(criterion)
        if rule.on_posting(criterion):
            return None  # judged with each posting
        j: Judgement = self.scorer.rule(rule).judge(criterion, None)
        unknown = j.verdict is Verdict.UNKNOWN
        # A folder's entries have a few weights and credits between them: each pair is one
        # object, shared by every entry that has it (a template's other parts are shared below).
        sums, worth = complex(0.0 if unknown else weight, weight * j.credit), (weight, j.credit)
        entries.sums[number] = self._sums.setdefault(sums, sums)
        entries.worth[number] = None if unknown else self._worths.setdefault(worth, worth)
        data: dict[str, Any] = {
            "section": _GAP,
            "kind": criterion.kind,
            "quote": _GAP,
            **judgement_dict(j),
            "points": _GAP,
            "available": _GAP,
            "weight": weight,
            "note": _GAP,
        }
        if j.parts:
            members = group_members(criterion)
            data["parts"] = [
                {"kind": member.kind, "quote": member.quote, **judgement_dict(part)}
                for member, part in zip(members, j.parts, strict=True)
            ]
        try:
            text = orjson.dumps(data, option=self._option)
        except orjson.JSONEncodeError:
            return None
        if not self.compact:
            text = text.replace(b"\n", self._qualification_margin)
        to_section, to_quote, to_points, _, to_note, rest = text.split(b"\x00")
        # The parts around the judgement are shared by many entries (they differ by kind, and by
        # a group's members): made and kept once each.
        around = self._around.get((to_section, to_quote, to_note, rest))
        if around is None:
            heads = [to_section + section + to_quote for section in self._sections]
            around = (heads[0], heads[1], to_note, rest, to_note + b"null" + rest + self._items[1])
            self._around[to_section, to_quote, to_note, rest] = around
        required_head, preferred_head, to_note, rest, unnoted = around
        return required_head, preferred_head, to_points, to_note, rest, unnoted


class _Entries:
    """What a writer made of a table's entries, by entry number."""

    __slots__ = ("templates", "sums", "worth", "uses")

    def __init__(self) -> None:
        self.uses: Counter[int] | None = None
        """How often each entry is asked by the results still to be written (None: not counted)."""
        self.templates: list[Template | None | bool] = []
        """Its template, None when it cannot be made, False until it is made."""
        self.sums: list[complex] = []
        """As tally.sums adds a judged qualification: (weight if judged) + (weight x credit)j."""
        self.worth: list[tuple[float, float] | None] = []
        """(weight, credit), or None when unknown (it could give nothing)."""

    def grow(self, size: int) -> None:
        more = size - len(self.templates)
        self.templates += [False] * more
        self.sums += [0j] * more
        self.worth += [None] * more


_TO_NOTE_AT, _REST_AT = 3, 4
_REQUIRED_HEAD, _PREFERRED_HEAD, _TO_POINTS, _TO_NOTE, _REST, _UNNOTED_REST = (itemgetter(i) for i in range(6))  # of a template
_SHOWN, _SIMILARITY = itemgetter(0), itemgetter(1)  # of a topic as _topic gives it


def _counts(verdicts: tuple[Verdict, ...]) -> dict[str, int]:
    return {"met": verdicts.count(Verdict.MET), "total": len(verdicts), "unknown": verdicts.count(Verdict.UNKNOWN)}


def ranking_json_bytes(
    ranked: Sequence[tuple[Profile, Sequence[Standing]]],
    skipped: Sequence[Skipped],
    today: date,
    cache: PostingCache | None,
    *,
    jsonl: bool,
    jobs: int | None = None,
) -> Iterator[bytes]:
    """`rank --format json` or `--format jsonl`, as UTF-8 text in parts, written as they are made
    (`jobs`: the processes it may use, one per CPU if not given)."""
    results = explained_results(ranked, today, cache, compact=jsonl, jobs=jobs)
    if jsonl:
        return jsonl_lines(results)
    return json_chunks(ranking_json([profile for profile, _ in ranked], results, skipped, today))


def explained_results(
    ranked: Sequence[tuple[Profile, Sequence[Standing]]],
    today: date,
    cache: PostingCache | None,
    *,
    compact: bool,
    jobs: int | None = None,
) -> Iterator[Encoded | dict[str, Any]]:
    """`rank`'s results in JSON (compact: JSONL lines), one at a time, as they are consumed;
    with several profiles each result names its profile first. With one profile, the results
    are kept in the cache for the next run (KeptResults)."""
    several = len(ranked) > 1
    for profile, shown in ranked:
        writer = ResultWriter(Scorer(profile, today), cache, compact=compact, keep=not several)
        writer.expect(shown)
        lead = {"profile": profile.path} if several else {}
        completed = False
        try:
            if not several and worth_splitting(writer, shown, jobs):
                another = functools.partial(ResultWriter, Scorer(profile, today), cache, compact=compact)
                yield from write_in_two(writer, shown, today, another)
            else:
                for rank, standing in enumerate(shown, 1):
                    yield writer.result(standing, rank, lead, today)
            completed = True
        finally:  # also when the output stops early (a closed pipe, Ctrl-C): nothing half-kept
            writer.finish(completed=completed)
