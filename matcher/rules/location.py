"""`location`: working on site in one of the posting's places.

Posting file: `location: {on_site: [Cambridge, UK]}`.
Met when the profile lives in one of the places or prefers it (city, region or country, through
the place gazetteer), or is willing to relocate; unmet when it is elsewhere and will not move;
unknown when the profile gives no location. A profile with no `location` field is judged from
what its statement says of moving, said inferred: "happy to move anywhere in the US" meets a
posting in the US (and leaves one elsewhere unknown); "I cannot relocate away from Edinburgh"
meets one in Edinburgh and misses one elsewhere; "I live in College Park" meets a posting
there. One who will not relocate but whose statement says it can commute to the posting's place
("the train to Glasgow takes under an hour and I can commute") meets it, said inferred.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from matcher.knowledge.places import Place, gazetteer
from matcher.knowledge.text import sentences
from matcher.models import Judgement, LocationCriterion, Posting, ProfileLocation, Verdict
from matcher.positioned import ValueReader
from matcher.rules.base import Fill, ReadQualification, Rule, judgement


class LocationRule(Rule[LocationCriterion]):
    criterion = LocationCriterion
    reads = frozenset({"location", "statement"})

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> LocationCriterion | None:
        m = reader.mapping(value, mark, what, ["on_site"], ["on_site"])
        if m is None:
            return None
        return LocationCriterion(on_site=gazetteer().join_parts(reader.texts(m, "on_site", what)))

    def judge(self, c: LocationCriterion, posting: Posting | None) -> Judgement:
        rule = f"on site in {' or '.join(c.on_site)}: lives there, prefers it, or will relocate"
        loc = self.profile.location
        places = gazetteer()
        wanted = [places.parse(p) for p in c.on_site]
        if loc is None:
            statement = self.profile.statement or ""
            return _judge_stated(rule, wanted, stated_relocation(statement), statement)
        for label, items in (("lives in", [loc.current] if loc.current else []), ("prefers", list(loc.preferred))):
            for item in items:
                have = places.parse(item)
                for place in wanted:
                    score = places.similarity(place, have)
                    if score:
                        return judgement(Verdict.MET, rule, f"{label} {item} ({place.written})", matched=item, similarity=score)
        commute = _commutable(self.profile.statement or "", wanted) if not loc.willing_to_relocate else None
        if commute is not None:
            return judgement(Verdict.MET, rule, f"in {loc.current or 'an unstated place'}; {commute}", matched="statement")
        if loc.willing_to_relocate:
            return judgement(
                Verdict.MET,
                rule,
                "willing to relocate" + (f" from {loc.current}" if loc.current else ""),
                matched="willing_to_relocate: true",
                similarity=None,
            )
        return judgement(
            Verdict.UNMET,
            rule,
            f"in {loc.current or 'an unstated place'} and not willing to relocate",
            matched="willing_to_relocate: false",
        )

    @classmethod
    def label(cls, c: LocationCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return f"on site: {', '.join(c.on_site)}"

    def fills(self, c: LocationCriterion, j: Judgement) -> list[Fill]:
        return [
            Fill(
                "location",
                "willing to relocate",
                ("relocate",),
                False,
                lambda p: replace(p, location=replace(p.location or ProfileLocation(), willing_to_relocate=True)),
                frozenset({"location"}),
            )
        ]


# The verbs in any case; a place as capitalised words ("the US", "Edinburgh", "New York").
_PLACE = r"(?:the\s+)?(?P<place>[A-Z][\w.]*(?:,?\s+[A-Z][\w.]*)*)"
_WILL_MOVE = re.compile(
    r"\b(?:(?i:willing|happy|glad|open|able|ready|keen|free)\s+(?i:to)|(?i:can|could))\s+(?i:relocate|move)\b"
    rf"(?:\s+(?i:anywhere))?(?:\s+(?i:in|within|to|across)\s+{_PLACE})?"
)
_WONT_MOVE = re.compile(
    r"\b(?i:cannot|can't|can not|won't|will not|unable to|not able to|not willing to|do not want to|don't want to)\s+"
    rf"(?i:relocate|move)\b(?:\s+(?i:away\s+)?(?i:from)\s+{_PLACE})?"
)


def _commutable(statement: str, wanted: list[Place]) -> str | None:
    """What the statement says of commuting to one of the wanted places ("I can commute within New
    Mexico: the bus to Los Alamos takes two hours"), or None."""
    places = gazetteer()
    for sentence in sentences(statement):
        if not re.search(r"(?i)\bcommut", sentence) or re.search(r"(?i)\b(?:cannot|can't|not)\s+commut", sentence):
            continue
        named = [m["place"] for m in re.finditer(rf"\b(?i:to|within|into)\s+{_PLACE}", sentence)]
        for name in named:
            there = places.parse(name)
            hit = next((p for p in wanted if places.similarity(p, there) > 0), None)
            if hit is not None:
                return f"inferred from the statement: can commute to {name} ({hit.written})"
    return None


@dataclass(frozen=True, slots=True)
class StatedRelocation:
    willing: bool
    place: str | None
    """Where: the area a willing candidate would move within, or the home an unwilling one stays in."""
    words: str


@lru_cache(maxsize=64)  # asked once per posting, of the same statement
def stated_relocation(statement: str) -> StatedRelocation | None:
    """What a statement says of moving for the internship, if anything."""
    if found := _WONT_MOVE.search(statement):
        return StatedRelocation(False, found["place"], found[0])
    if found := _WILL_MOVE.search(statement):
        return StatedRelocation(True, found["place"], found[0])
    return None


_LIVES = re.compile(
    rf"\b(?i:(?:i|and|who)\s+(?:live|lives)\s+in|(?:i|and|who)\s+(?:live|lives)\s+and\s+study\s+in|living\s+in|"
    rf"(?:am|i'm)\s+based\s+in)\s+{_PLACE}"
)
"""Where a statement says the candidate lives: "a US citizen living in College Park"."""


def _judge_stated(rule: str, wanted: list[Place], stated: StatedRelocation | None, statement: str) -> Judgement:
    places = gazetteer()
    for lives in _LIVES.finditer(statement):
        home = places.parse(lives["place"])
        hit = next((p for p in wanted if places.similarity(p, home) > 0), None)
        if hit is not None:
            return judgement(Verdict.MET, rule, f"inferred from the statement: '{lives[0]}' ({hit.written})", matched="statement")
    if stated is None:
        return judgement(Verdict.UNKNOWN, rule, "the profile gives no location")
    said = f"inferred from the statement: '{stated.words}'"
    if stated.place is None:
        verdict = Verdict.MET if stated.willing else Verdict.UNKNOWN
        return judgement(verdict, rule, said, matched="statement" if stated.willing else None)
    places = gazetteer()
    there = places.parse(stated.place)
    if not (there.regions or there.areas or there.metro):
        return judgement(Verdict.UNKNOWN, rule, f"{said}: a place not known to the gazetteer")
    hit = next((p for p in wanted if places.similarity(p, there) > 0), None)
    if hit is not None:
        return judgement(Verdict.MET, rule, f"{said} ({hit.written})", matched="statement")
    if stated.willing:
        return judgement(Verdict.UNKNOWN, rule, f"{said}; the posting is not there")
    return judgement(Verdict.UNMET, rule, f"{said}; the posting is elsewhere", matched="statement")
