"""Skills and research fields: canonical names, aliases, broader terms, and matching between them."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate, chain
from operator import itemgetter

from rapidfuzz import fuzz, process

from matcher.knowledge import read_data_file, read_index_file
from matcher.knowledge.text import fold
from matcher.tuning import SHORT_TERM_LENGTH, TERM_FUZZY_CUTOFF

HOW_RANK = {"exact": 0, "alias": 1, "narrower": 2, "contains": 3, "fuzzy": 4, "none": 9}
"""Better ways of matching sort first."""

_COMPOUND_SEPARATORS = re.compile(r"\s*(?:/|,|;|\band\b|\bor\b|&)\s*")
_WORD = re.compile(r"[\w+#.-]*\w[+#]*")
_LONGEST_MENTION = 5
"""The most words a catalogue term has ("reinforcement learning from human feedback")."""


def _acronym(word: str) -> bool:
    """Written as an acronym: capitals (a plural's s aside) or with a digit: "ML", "GPUs", "gem5"."""
    core = word[:-1] if word.endswith("s") and len(word) > 2 else word
    return (core.isupper() and len(core) > 1) or any(ch.isdigit() for ch in word)


def qualified(a: str, b: str) -> bool:
    """One folded phrase is the other with words added ("eeg signal processing", "signal
    processing"): a narrower or another thing, not the same one written differently."""
    wa, wb = set(a.split()), set(b.split())
    return wa < wb or wb < wa


def known_apart(w: Resolution, h: Resolution) -> bool:
    """Both name catalogue terms, and different ones: "biosignal processing" is not a spelling
    of "signal processing", however alike the letters."""
    return w.canonical is not None and h.canonical is not None and w.canonical != h.canonical and w.how != "fuzzy" != h.how


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a written term is in the catalogue."""

    canonical: str | None
    how: str
    """exact | alias | fuzzy | none"""
    similarity: int


@dataclass(frozen=True, slots=True)
class TermMatch:
    """The best profile item for one term a posting asks for."""

    wanted: str
    matched: str | None
    """The profile item as written, or None."""
    how: str
    """exact | alias | narrower | contains | fuzzy | none"""
    similarity: int

    @property
    def found(self) -> bool:
        return self.matched is not None

    def describe(self) -> str:
        if self.matched is None:
            return f"no match for '{self.wanted}'"
        if self.how == "narrower":
            return f"'{self.matched}' is a kind of '{self.wanted}'"
        if self.how == "contains":
            return f"'{self.matched}' names '{self.wanted}'"
        if self.how == "exact":
            return f"'{self.matched}'"
        return f"'{self.matched}' ({self.how}, {self.similarity})"


class TermCatalogue:
    """The skills and fields catalogue (terms.yaml)."""

    def __init__(self, entries: dict[str, dict[str, list[str]]]) -> None:
        canonical_of: dict[str, str] = {}
        broader: dict[str, tuple[str, ...]] = {}
        for name, entry in entries.items():
            entry = entry or {}
            broader[name] = tuple(entry.get("broader") or ())
            canonical_of.setdefault(fold(name), name)
            for alias in entry.get("aliases") or ():
                canonical_of.setdefault(fold(str(alias)), name)
        self._made(canonical_of, broader)

    def _made(self, canonical_of: dict[str, str], broader: dict[str, tuple[str, ...]]) -> None:
        self.canonical_of = canonical_of
        """Every name and alias, folded -> the name it is."""
        self.broader = broader
        self._fuzzy_keys = [k for k in canonical_of if len(k) > SHORT_TERM_LENGTH]

    def to_index(self) -> dict:
        """Everything the constructor computes, as JSON-ready data (see from_index)."""
        return {"canonical_of": self.canonical_of, "broader": {k: list(v) for k, v in self.broader.items()}}

    @classmethod
    def from_index(cls, index: dict) -> TermCatalogue:
        catalogue = cls.__new__(cls)
        catalogue._made(dict(index["canonical_of"]), {k: tuple(v) for k, v in index["broader"].items()})
        return catalogue

    @lru_cache(maxsize=65536)  # noqa: B019 - one catalogue per process
    def resolve(self, text: str) -> Resolution:
        key = fold(text)
        name = self.canonical_of.get(key)
        if name is not None:
            return Resolution(name, "exact" if fold(name) == key else "alias", 100)
        if len(key) > SHORT_TERM_LENGTH:
            hit = process.extractOne(key, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=TERM_FUZZY_CUTOFF)
            if hit is not None and not qualified(key, hit[0]):
                return Resolution(self.canonical_of[hit[0]], "fuzzy", round(hit[1]))
        return Resolution(None, "none", 0)

    @lru_cache(maxsize=8192)  # noqa: B019
    def ancestors(self, canonical: str) -> frozenset[str]:
        """Every term `canonical` is (transitively) a kind of."""
        seen: set[str] = set()
        todo = list(self.broader.get(canonical, ()))
        while todo:
            term = todo.pop()
            if term not in seen:
                seen.add(term)
                todo.extend(self.broader.get(term, ()))
        return frozenset(seen)

    @lru_cache(maxsize=65536)  # noqa: B019
    def split(self, text: str) -> tuple[str, ...]:
        """ "C/C++" -> ("C", "C++"); kept whole unless every part is a known term ("TCP/IP").
        Parts come stripped of surrounding spaces."""
        if self.resolve(text).how in ("exact", "alias"):
            return (text.strip(),)
        parts = tuple(p.strip() for p in _COMPOUND_SEPARATORS.split(text) if p and p.strip())
        if len(parts) > 1 and all(self.resolve(p).canonical for p in parts):
            return parts
        return (text.strip(),)

    @lru_cache(maxsize=16384)  # noqa: B019
    def mentions(self, text: str) -> tuple[str, ...]:
        """The catalogue's terms a piece of prose names ("memory systems and cache coherence" ->
        memory systems, cache coherence), longest phrases first, in order, each once. A word of
        four letters or fewer counts only when written as an acronym ("ML", "GPUs"), so that
        "go" or "ray" in a sentence is not a skill."""
        words = _WORD.findall(text)
        folded = [fold(w) for w in words]
        found: dict[str, None] = {}
        at = 0
        while at < len(words):
            for size in range(min(_LONGEST_MENTION, len(words) - at), 0, -1):
                key = " ".join(folded[at : at + size])
                name = self.canonical_of.get(key)
                if name is None:
                    continue
                if size == 1 and len(key) <= SHORT_TERM_LENGTH and not _acronym(words[at]):
                    continue
                found.setdefault(name)
                at += size - 1
                break
            at += 1
        return tuple(found)

    def expand(self, items: Iterable[str]) -> list[str]:
        """Profile items with compounds split, in order, without duplicates."""
        return list(dict.fromkeys(chain.from_iterable(map(self.split, items))))

    def match_one(self, wanted: str, have: str) -> TermMatch:
        w, h = self.resolve(wanted), self.resolve(have)
        if w.canonical is not None and w.canonical == h.canonical:
            how = "exact" if fold(wanted) == fold(have) else ("fuzzy" if "fuzzy" in (w.how, h.how) else "alias")
            return TermMatch(wanted, have, how, min(w.similarity, h.similarity))
        if w.canonical is not None and h.canonical is not None and w.canonical in self.ancestors(h.canonical):
            return TermMatch(wanted, have, "narrower", min(w.similarity, h.similarity))
        fw, fh = fold(wanted), fold(have)
        if fw == fh:  # the same words, known to the catalogue or not ("Rocq", "Rocq")
            return TermMatch(wanted, have, "exact", 100)
        if " " in fw and f" {fw} " in f" {fh} ":
            # A multi-word term inside a longer phrase: "computer architecture" in a role title.
            return TermMatch(wanted, have, "contains", 100)
        if min(len(fw), len(fh)) > SHORT_TERM_LENGTH and not qualified(fw, fh) and not known_apart(w, h):
            score = round(fuzz.token_sort_ratio(fw, fh))
            if score >= TERM_FUZZY_CUTOFF:
                return TermMatch(wanted, have, "exact" if score == 100 else "fuzzy", score)
        return TermMatch(wanted, None, "none", 0)

    def best_match(self, wanted: str, have: Sequence[str]) -> TermMatch:
        """The item of `have` that matches `wanted` best (by HOW_RANK, then similarity; the
        first of equals), as match_one judges each."""
        candidates: Iterable[TermMatch]
        if len(have) >= MANY_ITEMS:
            candidates = (m for _, m in self.matches(wanted, self.indexed(have)))
        else:
            candidates = (self.match_one(wanted, item) for item in have)
        best = TermMatch(wanted, None, "none", 0)
        for candidate in candidates:
            if candidate.found and (HOW_RANK[candidate.how], -candidate.similarity) < (
                HOW_RANK[best.how],
                -best.similarity,
            ):
                best = candidate
        return best

    def indexed(self, items: Sequence[str]) -> ItemIndex:
        """An ItemIndex of these items, made once for as long as the same list is asked about."""
        found = _INDEXES.get(id(items))
        if found is None or found.items is not items or found.terms is not self:
            if len(_INDEXES) >= 64:  # profiles come and go in a long-lived process (tests)
                _INDEXES.clear()
            found = _INDEXES[id(items)] = ItemIndex(self, items)
        return found

    def matches(self, wanted: str, index: ItemIndex) -> list[tuple[int, TermMatch]]:
        """match_one(wanted, item) for every item of an index that matches, as (its place,
        the match), in the items' order. The same branches as match_one, taken in its order
        for each item, by lookups in the index and one rapidfuzz pass over the items that
        reach its fuzzy comparison."""
        w, fw = self.resolve(wanted), fold(wanted)
        out: dict[int, TermMatch] = {}
        items, resolved = index.items, index.resolved
        if w.canonical is not None:
            for i in index.by_canonical.get(w.canonical, ()):
                h = resolved[i]
                how = "exact" if fw == index.folded[i] else ("fuzzy" if "fuzzy" in (w.how, h.how) else "alias")
                out[i] = TermMatch(wanted, items[i], how, min(w.similarity, h.similarity))
            for i in index.by_broader.get(w.canonical, ()):
                if i not in out:
                    out[i] = TermMatch(wanted, items[i], "narrower", min(w.similarity, resolved[i].similarity))
        for i in index.by_folded.get(fw, ()):
            if i not in out:
                out[i] = TermMatch(wanted, items[i], "exact", 100)
        if " " in fw:  # the items containing it as whole words, found by str.find in all at once
            needle, spaced, starts = f" {fw} ", index.spaced, index.starts
            at = spaced.find(needle)
            while at >= 0:
                i = bisect_right(starts, at) - 1
                if i not in out:
                    out[i] = TermMatch(wanted, items[i], "contains", 100)
                at = spaced.find(needle, at + 1)
        if len(fw) > SHORT_TERM_LENGTH:
            # score_cutoff half a point low: match_one rounds the score before comparing it.
            hits = process.extract(
                fw, index.long_folded, scorer=fuzz.token_sort_ratio, score_cutoff=TERM_FUZZY_CUTOFF - 0.5, limit=None
            )
            for _, score, at in hits:
                i = index.long[at]
                if i in out or qualified(fw, index.folded[i]) or known_apart(w, resolved[i]):
                    continue
                if (rounded := round(score)) >= TERM_FUZZY_CUTOFF:
                    out[i] = TermMatch(wanted, items[i], "exact" if rounded == 100 else "fuzzy", rounded)
        return sorted(out.items(), key=_FIRST)


MANY_ITEMS = 64
"""Items past which best_match matches a term through an ItemIndex rather than item by item: a
profile may list thousands of skills, each compared with every term postings ask for."""
_FIRST = itemgetter(0)
_INDEXES: dict[int, ItemIndex] = {}
"""TermCatalogue.indexed's indexes, by the id of the list of items (each holds its list, so the
id is not reused while it is kept)."""


class ItemIndex:
    """A list of profile items as TermCatalogue.matches reads it: each item folded and resolved
    once, and the items by canonical term and by each broader term of it."""

    def __init__(self, terms: TermCatalogue, items: Sequence[str]) -> None:
        self.terms = terms
        self.items = items
        self.folded = [fold(item) for item in items]
        self.resolved = [terms.resolve(item) for item in items]
        self.by_folded: dict[str, list[int]] = defaultdict(list)
        for i, folded in enumerate(self.folded):
            self.by_folded[folded].append(i)
        self.by_canonical: dict[str, list[int]] = defaultdict(list)
        self.by_broader: dict[str, list[int]] = defaultdict(list)
        """Broader term -> the items whose canonical term is a kind of it."""
        for i, r in enumerate(self.resolved):
            if r.canonical is not None:
                self.by_canonical[r.canonical].append(i)
                for broader in terms.ancestors(r.canonical):
                    self.by_broader[broader].append(i)
        self.spaced = "\n".join(f" {f} " for f in self.folded)
        """Every item folded, between spaces, a line each (folded text has no line breaks)."""
        self.starts = list(accumulate((len(f) + 3 for f in self.folded[:-1]), initial=0))
        """Where each item's line starts in `spaced`."""
        self.long = [i for i, f in enumerate(self.folded) if len(f) > SHORT_TERM_LENGTH]
        """The items long enough to be compared fuzzily, by place."""
        self.long_folded = [self.folded[i] for i in self.long]
        self.multi_word = [i for i, f in enumerate(self.folded) if len(f.split()) > 1]
        """The items of several words, by place (topics compare phrases by their words)."""
        self.multi_word_folded = [self.folded[i] for i in self.multi_word]


INDEX_FILE = "terms.index.json"


@cache
def catalogue() -> TermCatalogue:
    index = read_index_file(INDEX_FILE)
    if index is not None:
        return TermCatalogue.from_index(index)
    return TermCatalogue(read_data_file("terms.yaml"))  # pragma: no cover - a checkout without the index
