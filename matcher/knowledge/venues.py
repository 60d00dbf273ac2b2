"""Publication venues: resolving how researchers write them ("NIPS 2023", "Proc. of the IEEE/CVF
Conference on Computer Vision and Pattern Recognition", "ISCA '24") to one catalogue entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold
from matcher.tuning import VENUE_FUZZY_CUTOFF


@dataclass(frozen=True, slots=True)
class Venue:
    acronym: str
    name: str
    areas: tuple[str, ...]
    type: str
    dblp: str | None = None


@dataclass(frozen=True, slots=True)
class VenueResolution:
    query: str
    venue: Venue | None
    how: str
    """alias | exact | name | fuzzy | none (workshops, Findings, demos: none on purpose)"""
    similarity: int


# Papers at these are not papers at the main venue, whatever else the string says.
_SATELLITE = re.compile(
    r"\b(workshops?|findings|tutorials?|demos?|demonstrations?|doctoral consortium|"
    r"student research|posters? session|extended abstracts?|companion|adjunct|"
    r"late breaking|challenge|industry track|short papers? track)\b"
)
_YEAR = re.compile(r"(?:\b|')(?:19|20)\d\d\b|'\d\d\b")
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b")
_VOLUME = re.compile(r"\(\s*\d+\s*\)|\bvol(?:ume)?\.?\s*\d+\b|\b\d+\b")
_PROCEEDINGS = re.compile(r"^(?:in\s+)?(?:proc(?:eedings)?\.?\s+(?:of\s+)?(?:the\s+)?)", re.IGNORECASE)
# Words that say nothing about which venue it is; dropped before comparing full names.
_FILLER = frozenset(
    "the of on in and for proceedings proc conference conf international intl annual ieee acm "
    "cvf usenix sig symposium meeting".split()
)


def _core(text: str) -> str:
    return " ".join(w for w in fold(text).split() if w not in _FILLER)


def _clean(text: str) -> str:
    """Strip years, ordinals, volume numbers and 'Proceedings of the'."""
    text = _PROCEEDINGS.sub("", text.strip().strip("\"'“”‘’"))
    text = _YEAR.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    text = _VOLUME.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(" ,.-:'")


class VenueCatalogue:
    def __init__(self, data: dict) -> None:
        self.area_labels: dict[str, str] = dict(data["areas"])
        self.venues: list[Venue] = []
        self._by_acronym: dict[str, tuple[Venue, str]] = {}
        self._by_core: dict[str, Venue] = {}
        for row in data["venues"]:
            venue = Venue(
                acronym=row["acronym"],
                name=row["name"],
                areas=tuple(row.get("areas") or ()),
                type=row.get("type") or "conference",
                dblp=row.get("dblp"),
            )
            self.venues.append(venue)
            self._by_acronym.setdefault(fold(venue.acronym), (venue, "exact"))
            for alias in row.get("aliases") or ():
                self._by_acronym.setdefault(fold(str(alias)), (venue, "alias"))
            for name in (venue.name, *(row.get("names") or ())):
                core = _core(_clean(name))
                if core:
                    self._by_core.setdefault(core, venue)
        self._cores = list(self._by_core)

    def get(self, acronym: str) -> Venue | None:
        hit = self._by_acronym.get(fold(acronym))
        return hit[0] if hit else None

    @lru_cache(maxsize=65536)  # noqa: B019 - one catalogue per process
    def resolve(self, query: str) -> VenueResolution:
        folded = fold(query)
        if not folded or _SATELLITE.search(folded):
            return VenueResolution(query, None, "none", 0)
        for candidate in (folded, fold(_clean(query))):
            hit = self._by_acronym.get(candidate)
            if hit is not None:
                venue, how = hit
                return VenueResolution(query, venue, how, 100)
        core = _core(_clean(query))
        if not core:
            return VenueResolution(query, None, "none", 0)
        venue = self._by_core.get(core)
        if venue is not None:
            return VenueResolution(query, venue, "name", 100)
        # Full names only: a short string never fuzzy-matches a long name by accident.
        if len(core) >= 12:
            best = process.extractOne(
                core, self._cores, scorer=fuzz.token_sort_ratio, score_cutoff=VENUE_FUZZY_CUTOFF
            )
            if best is not None:
                return VenueResolution(query, self._by_core[best[0]], "fuzzy", round(best[1]))
        return VenueResolution(query, None, "none", 0)

    def area_label(self, area: str) -> str:
        return self.area_labels.get(area, area)


@cache
def catalogue() -> VenueCatalogue:
    return VenueCatalogue(read_data_file("venues.yaml"))
