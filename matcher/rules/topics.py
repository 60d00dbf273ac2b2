"""Topical fit: how well the profile speaks to a posting's `topics` (the team's research areas).

Not a qualification: it orders postings whose qualifications are met equally. Each topic is
compared with the profile's field, interests, skills, its research roles' topics and the areas of
its papers' venues through the term catalogue; a topic met only through a narrower term counts at
NARROWER_TOPIC_FACTOR, and two multi-word phrases may match by their shared words ("overlap").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from rapidfuzz import fuzz, process

from matcher.knowledge.terms import MANY_ITEMS
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import Profile, TopicMatch
from matcher.rules.base import Memo
from matcher.rules.evidence import degree_field_items
from matcher.tuning import NARROWER_TOPIC_FACTOR, TOPIC_CUTOFF

READS = frozenset({"degree", "interests", "skills", "publications", "research"})
"""The parts of a profile topical fit reads (as Rule.reads)."""


def topic_items(profile: Profile) -> list[tuple[str, str]]:
    """(item, where in the profile) that topical fit compares with a posting's topics."""
    venues = venue_catalogue()
    terms = term_catalogue()
    items: list[tuple[str, str]] = [(f, "field") for f in degree_field_items(profile)]
    items += [(i, "interests") for i in profile.interests]
    items += [(s, "skills") for s in terms.expand(profile.skills)]
    # The topics of the student's own research roles are what an advisor reads as its area first.
    items += [(t, f"research role '{e.role}'") for e in profile.experience if e.research for t in e.topics]
    for pub in profile.publications:
        venue = venues.resolve(pub.venue).venue if pub.venue else None
        for area in venue.areas if venue else ():
            for label in terms.expand([venues.area_label(area)]):
                items.append((label, f"publications ({venue.acronym})"))  # type: ignore[union-attr]
    return list(dict.fromkeys(items))


def topic_match(topic: str, items: Sequence[tuple[str, str]], texts: Sequence[str] | None = None) -> TopicMatch:
    """The profile item that speaks best to one posting topic. `texts`: the items' texts, kept
    by a caller that asks about many topics (TopicFit), so that they are indexed once."""
    best = TopicMatch(topic, None, None, 0)
    if len(items) >= MANY_ITEMS:
        scored: Iterable[tuple[str, str, int, str]] = _scored_in_bulk(topic, items, texts or [i for i, _ in items])
    else:
        scored = _scored(topic, items)
    for item, source, score, how in scored:
        if score < TOPIC_CUTOFF:
            continue
        if how == "narrower":
            score = round(score * NARROWER_TOPIC_FACTOR)
        if score > best.similarity:
            best = TopicMatch(topic, item, source, score, how)
    return best


def _scored(topic: str, items: Sequence[tuple[str, str]]) -> Iterator[tuple[str, str, int, str]]:
    """(item, source, similarity, how) of each item: its term match, else the overlap of two
    multi-word phrases' words."""
    terms = term_catalogue()
    for item, source in items:
        m = terms.match_one(topic, item)
        score, how = (m.similarity, m.how) if m.found else (0, "none")
        if not score and len(fold(topic).split()) > 1 and len(fold(item).split()) > 1:
            score, how = round(fuzz.token_set_ratio(fold(topic), fold(item))), "overlap"
        yield item, source, score, how


def _scored_in_bulk(topic: str, items: Sequence[tuple[str, str]], texts: Sequence[str]) -> list[tuple[str, str, int, str]]:
    """_scored's items that could reach TOPIC_CUTOFF, in order, for a profile of many items: the
    term matches through an index of the items (TermCatalogue.matches), the overlaps in one
    rapidfuzz pass."""
    terms = term_catalogue()
    index = terms.indexed(texts)
    found = {i: (m.similarity, m.how) for i, m in terms.matches(topic, index)}
    if len(fold(topic).split()) > 1:
        # score_cutoff half a point low: _scored rounds the score before it is compared.
        phrases = index.multi_word_folded
        hits = process.extract(fold(topic), phrases, scorer=fuzz.token_set_ratio, score_cutoff=TOPIC_CUTOFF - 0.5, limit=None)
        overlaps = ((index.multi_word[at], round(score)) for _, score, at in hits)
        found.update((i, (score, "overlap")) for i, score in overlaps if i not in found)
    return [(items[i][0], items[i][1], score, how) for i, (score, how) in sorted(found.items())]


class TopicFit:
    """One profile's topical fit, each topic matched once however many postings name it."""

    def __init__(self, profile: Profile) -> None:
        self.items = topic_items(profile)
        self.texts = [item for item, _ in self.items]
        self.match: Memo[str, TopicMatch] = Memo(lambda topic: topic_match(topic, self.items, self.texts))
        """Posting topic -> the profile item that speaks best to it."""
        self.similarity: Memo[str, int] = Memo(lambda topic: self.match[topic].similarity)
        """Posting topic -> that item's similarity (a dict, so that many are looked up in C)."""

    def spoken(self, topics: Iterable[str]) -> list[str]:
        """The posting topics the profile speaks to, in order."""
        return [t for t in topics if self.match[t].matched]
