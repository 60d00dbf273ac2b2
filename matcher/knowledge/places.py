"""Places: "Cambridge, UK" is "Cambridge, England, United Kingdom" and is not "Cambridge, MA"."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold
from matcher.tuning import PLACE_FUZZY_CUTOFF

REMOTE = "remote"


@dataclass(frozen=True, slots=True)
class Place:
    written: str
    city: str | None
    """Folded city name; None for a region-only place such as "UK"."""
    regions: frozenset[str]
    """Canonical regions named or implied (a state implies its country)."""

    @property
    def remote(self) -> bool:
        return self.city == REMOTE


class Gazetteer:
    def __init__(self, data: dict) -> None:
        self.region_of: dict[str, str] = {}
        self.within: dict[str, str] = {}
        for name, entry in data["regions"].items():
            entry = entry or {}
            self.region_of[fold(name)] = name
            for alias in entry.get("aliases") or ():
                self.region_of.setdefault(fold(str(alias)), name)
            if entry.get("within"):
                self.within[name] = entry["within"]
        self.country_codes: dict[str, str] = {k.upper(): v for k, v in (data.get("country_codes") or {}).items()}
        self._parsed: dict[str, Place] = {}
        """Place text -> its Place: postings name the same few places again and again."""

    def country(self, code: str) -> str:
        """The country an ISO code names ("CA" -> "canada"), or the code as given."""
        return self.country_codes.get(code.strip().upper(), code)

    def parse(self, written: str) -> Place:
        found = self._parsed.get(written)
        if found is None:
            found = self._parsed[written] = self._parse(written)
        return found

    def _parse(self, written: str) -> Place:
        parts = [fold(p) for p in written.split(",") if fold(p)]
        regions: set[str] = set()
        city: str | None = None
        for index, part in enumerate(parts):
            region = self.region_of.get(part)
            # The first part is a city unless it is the only part and names a region ("UK").
            if region is not None and (index > 0 or len(parts) == 1):
                regions.add(region)
                while region in self.within:
                    region = self.within[region]
                    regions.add(region)
            elif city is None:
                city = part
        return Place(written, city, frozenset(regions))

    def is_region(self, text: str) -> bool:
        return fold(text) in self.region_of

    def join_parts(self, items: tuple[str, ...]) -> tuple[str, ...]:
        """YAML reads `[Cambridge, UK, Redmond, WA]` as four items; people mean two places.
        A region-only item that follows a place is joined to it: ("Cambridge, UK", "Redmond, WA")."""
        places: list[str] = []
        for item in items:
            if places and self.is_region(item) and not self.is_region(places[-1].split(",")[0]):
                places[-1] = f"{places[-1]}, {item}"
            else:
                places.append(item)
        return tuple(places)

    def similarity(self, wanted: Place, have: Place) -> int:
        """0..100: how well `have` (where the candidate is) meets `wanted` (where the job is)."""
        if wanted.remote:
            return 100
        if wanted.regions and have.regions and not (wanted.regions & have.regions):
            return 0
        if wanted.city is None:
            return 100 if wanted.regions and wanted.regions <= have.regions else 0
        if have.city is None:
            return 0
        score = round(fuzz.ratio(wanted.city, have.city))
        return score if score >= PLACE_FUZZY_CUTOFF else 0


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(read_data_file("places.yaml"))
