"""Publication venues: resolving how researchers write them ("NIPS 2023", "Proc. of the IEEE/CVF
Conference on Computer Vision and Pattern Recognition", "ISCA '24") to one catalogue entry."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from rapidfuzz import fuzz, process

from matcher.knowledge import read_data_file, read_index_file
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
    """exact (acronym or full name) | alias | fuzzy | none"""
    similarity: int
    note: str | None = None
    """Why a string that names a venue resolves to none: it is a workshop, Findings paper, ..."""


# Papers at these are not papers at the main venue, whatever else the string says.
_SATELLITE = re.compile(
    r"\b(workshops?|arxiv|biorxiv|medrxiv|preprint|findings|tutorials?|demos?|demonstrations?|doctoral consortium|"
    r"student research|posters? session|extended abstracts?|companion|adjunct|"
    r"late breaking|challenge|industry track|short papers? track|datasets and benchmarks)\b"
)
_YEAR = re.compile(r"(?:\b|')(?:19|20)\d\d\b|'\d\d\b")
_ORDINAL = re.compile(
    r"\b\d+(?:st|nd|rd|th)\b|\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy)[- ]?)?(?:first|second|third|"
    r"fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|"
    r"sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|fortieth|fiftieth|sixtieth)\b",
    re.IGNORECASE,
)
_PART_SEPARATOR = re.compile(r"\s+[–—-]\s+|:\s+")
_VOLUME = re.compile(r"\(\s*\d+\s*\)|\bvol(?:ume)?\.?\s*\d+\b|\b\d+\b")
_PROCEEDINGS = re.compile(r"^(?:in\s+)?(?:proc(?:eedings)?\.?\s+(?:of\s+)?(?:the\s+)?)?", re.IGNORECASE)
_PARENTHESES = re.compile(r"\([^)]*\)")
_PUBLISHERS = re.compile(r"^(?:(?:ieee|acm|usenix|cvf|ieee/cvf|ieee/acm|acm/ieee)\s+)+", re.IGNORECASE)
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
    text = _PARENTHESES.sub(" ", text)
    text = _YEAR.sub(" ", text)
    text = _ORDINAL.sub(" ", text)
    text = _VOLUME.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip(" ,.-:'")


class VenueCatalogue:
    """The venues and the indexes that resolve names to them.

    Built from venues.yaml (the readable source), or loaded from venues.index.json, which
    tools/build_venues.py writes beside it with every name already folded, so that a run does
    not fold 700 venues' names again (docs/performance.md).
    """

    def __init__(self, data: dict) -> None:
        self.area_labels: dict[str, str] = dict(data["areas"])
        self.exemplars: dict[str, str] = dict(data.get("exemplars") or {})
        """A well-known venue of each area, to name one where a posting asks by area."""
        self.venues: list[Venue] = []
        self._by_acronym: dict[str, tuple[Venue, str]] = {}
        self._by_name: dict[str, Venue] = {}
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
                self._by_name.setdefault(fold(_clean(name)), venue)
                core = _core(_clean(name))
                if core:
                    self._by_core.setdefault(core, venue)
        self._cores = list(self._by_core)

    def to_index(self) -> dict:
        """Everything the constructor computes, as JSON-ready data (see from_index)."""
        position = {id(v): i for i, v in enumerate(self.venues)}
        return {
            "areas": self.area_labels,
            "exemplars": self.exemplars,
            "venues": [[v.acronym, v.name, list(v.areas), v.type, v.dblp] for v in self.venues],
            "acronyms": {k: [position[id(v)], how] for k, (v, how) in self._by_acronym.items()},
            "names": {k: position[id(v)] for k, v in self._by_name.items()},
            "cores": {k: position[id(v)] for k, v in self._by_core.items()},
        }

    @classmethod
    def from_index(cls, index: dict) -> VenueCatalogue:
        catalogue = cls.__new__(cls)
        catalogue.area_labels = dict(index["areas"])
        catalogue.exemplars = dict(index["exemplars"])
        catalogue.venues = [Venue(a, n, tuple(areas), t, d) for a, n, areas, t, d in index["venues"]]
        venues = catalogue.venues
        catalogue._by_acronym = {k: (venues[i], how) for k, (i, how) in index["acronyms"].items()}
        catalogue._by_name = {k: venues[i] for k, i in index["names"].items()}
        catalogue._by_core = {k: venues[i] for k, i in index["cores"].items()}
        catalogue._cores = list(catalogue._by_core)
        return catalogue

    def get(self, acronym: str) -> Venue | None:
        hit = self._by_acronym.get(fold(acronym))
        return hit[0] if hit else None

    @lru_cache(maxsize=65536)  # noqa: B019 - one catalogue per process
    def resolve(self, query: str) -> VenueResolution:
        """Acronym or alias, then full name, then fuzzy full name, each tried on the whole string
        and then on its parts ("Computer Vision – ECCV 2022"), before the next, looser way."""
        folded = fold(query)
        if not folded:
            return VenueResolution(query, None, "none", 0)
        satellite = _SATELLITE.search(folded)
        if satellite:
            return VenueResolution(query, None, "none", 0, f"{satellite.group(1)}: not the main venue")
        parts = [p for p in _PART_SEPARATOR.split(query) if p.strip()]
        candidates = [query, *parts] if len(parts) > 1 else [query]
        for way in (self._by_acronym_of, self._by_name_of, self._by_fuzzy_name_of):
            for candidate in candidates:
                found = way(candidate)
                if found is not None:
                    venue, how, similarity = found
                    return VenueResolution(query, venue, how, similarity)
        return VenueResolution(query, None, "none", 0)

    def _by_acronym_of(self, text: str) -> tuple[Venue, str, int] | None:
        cleaned = _clean(text)
        for candidate in (fold(text), fold(cleaned), fold(_PUBLISHERS.sub("", cleaned))):
            hit = self._by_acronym.get(candidate)
            if hit is not None:
                return hit[0], hit[1], 100
        return None

    def _by_name_of(self, text: str) -> tuple[Venue, str, int] | None:
        cleaned = _clean(text)
        venue = self._by_name.get(fold(cleaned)) or self._by_core.get(_core(cleaned))
        return (venue, "exact", 100) if venue is not None else None

    def _by_fuzzy_name_of(self, text: str) -> tuple[Venue, str, int] | None:
        core = _core(_clean(text))
        if len(core) < 12:  # a short string never fuzzy-matches a long name by accident
            return None
        best = process.extractOne(core, self._cores, scorer=fuzz.token_sort_ratio, score_cutoff=VENUE_FUZZY_CUTOFF)
        return (self._by_core[best[0]], "fuzzy", round(best[1])) if best is not None else None

    def area_label(self, area: str) -> str:
        return self.area_labels.get(area, area)


INDEX_FILE = "venues.index.json"


@cache
def catalogue() -> VenueCatalogue:
    index = read_index_file(INDEX_FILE)
    if index is not None:
        return VenueCatalogue.from_index(index)
    return VenueCatalogue(read_data_file("venues.yaml"))  # pragma: no cover - a checkout without the index
