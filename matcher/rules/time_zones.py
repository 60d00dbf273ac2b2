"""Where a candidate lives, as a `text` qualification asks it in time zones: "physically located in
the Central European or US Eastern time zone". A text that names time zones and says where the
candidate must be ("located", "based", "reside", "work from") is judged against the profile's current location through
the place hierarchy (knowledge/places.yaml, `time_zones`). Relocating does not count: such a posting
asks where the candidate works from. No current location, or one in no known zone, is left to the
word matching of matcher.rules.text (which says unknown).
"""

from __future__ import annotations

import re
from datetime import date

from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Profile
from matcher.rules.base import TextReading

_WHERE = re.compile(r"\b(located|based|resid\w*|live|living|work(ing)? from|within)\b")
"""A text asks where the candidate is ("located in CET"), not how they work ("across time zones")."""


def _reading(met: bool, rule: str, evidence: str) -> TextReading:
    return TextReading(met, f"a time zone, read as: {rule}", evidence, evidence)


def judge_time_zone(text: str, profile: Profile, today: date) -> TextReading | None:
    """The verdict on a text asking for a time zone; None for a text about something else, or
    when the profile's place cannot be put in a zone."""
    places = gazetteer()
    if not _WHERE.search(fold(text)):
        return None
    asked = places.zones_named(text)
    current = profile.location.current if profile.location else None
    if not asked or not current:
        return None
    zone = places.time_zone(places.parse(current))
    if zone is None:
        return None
    rule = f"located in the {' or '.join(asked)} time zone"
    return _reading(zone in asked, rule, f"lives in '{current}', in the {zone} time zone")
