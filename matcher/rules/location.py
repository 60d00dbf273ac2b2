"""`location`: working on site in one of the posting's places.

Posting file: `location: {on_site: [Cambridge, UK]}`.
Met when the profile lives in one of the places or prefers it (city, region or country, through
the place gazetteer), or is willing to relocate; unmet when it is elsewhere and will not move;
unknown when the profile gives no location.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from matcher.knowledge.places import gazetteer
from matcher.models import Judgement, LocationCriterion, Posting, ProfileLocation, Verdict
from matcher.positioned import ValueReader
from matcher.rules.base import Fill, ReadQualification, Rule, judgement


class LocationRule(Rule[LocationCriterion]):
    criterion = LocationCriterion
    reads = frozenset({"location"})

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
        if loc is None:
            return judgement(Verdict.UNKNOWN, rule, "the profile gives no location")
        places = gazetteer()
        wanted = [places.parse(p) for p in c.on_site]
        for label, items in (("lives in", [loc.current] if loc.current else []), ("prefers", list(loc.preferred))):
            for item in items:
                have = places.parse(item)
                for place in wanted:
                    score = places.similarity(place, have)
                    if score:
                        return judgement(Verdict.MET, rule, f"{label} {item} ({place.written})", matched=item, similarity=score)
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
