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
    """Folded city name; None for a region-only place such as "UK", or a remote one."""
    regions: frozenset[str]
    """Canonical regions named or implied (a state implies its country, a known city its state)."""
    metro: str | None = None
    """The metro area of a known city: two cities of one metro are a commute apart."""
    remote: bool = False
    """Work from anywhere, or anywhere in `regions` ("Remote (US)")."""
    areas: frozenset[str] = frozenset()
    """Areas larger than a country named or implied ("EMEA"; London is in Europe, so in EMEA).
    Kept apart from `regions`: two places in Europe are not for that reason near each other."""


class Gazetteer:
    """The place hierarchy: city -> metro area -> state or region -> country, and remote work
    (anywhere, or anywhere in a country)."""

    def __init__(self, data: dict, metro_areas: dict | None = None) -> None:
        self.region_of: dict[str, str] = {}
        self.within: dict[str, str] = {}
        for name, entry in data["regions"].items():
            entry = entry or {}
            self.region_of[fold(name)] = name
            for alias in entry.get("aliases") or ():
                self.region_of.setdefault(fold(str(alias)), name)
            if entry.get("within"):
                self.within[name] = entry["within"]
        area_of_country: dict[str, str] = {}
        """Every other country -> the area it lies in (places.yaml `countries`)."""
        for area, countries in (data.get("countries") or {}).items():
            for country, aliases in countries.items():
                self.region_of.setdefault(fold(country), country)
                for alias in aliases or ():
                    self.region_of.setdefault(fold(str(alias)), country)
                area_of_country[country] = area
        self.area_of: dict[str, str] = {}
        """Folded name or alias -> the area ("eu" -> "europe")."""
        self.areas_containing: dict[str, set[str]] = {}
        """A country or an area -> every area that includes it, however far up."""
        for name, entry in (data.get("areas") or {}).items():
            self.area_of[fold(name)] = name
            for alias in entry.get("aliases") or ():
                self.area_of.setdefault(fold(str(alias)), name)
            for part in entry.get("includes") or ():
                self.areas_containing.setdefault(part, set()).add(name)
        for country, area in area_of_country.items():
            self.areas_containing.setdefault(country, set()).add(area)
        # Close upwards: a country in Europe is in EMEA. Areas nest a few levels deep, so a pass
        # that adds nothing ends it.
        changed = True
        while changed:
            changed = False
            for containing in self.areas_containing.values():
                above = {up for area in tuple(containing) for up in self.areas_containing.get(area, ())} - containing
                if above:
                    containing |= above
                    changed = True
        self.zone_of_region: dict[str, str] = {}
        """A country, state or province -> the time zone it is in (knowledge/places.yaml)."""
        self.zone_of_alias: dict[str, str] = {}
        for zone, entry in (data.get("time_zones") or {}).items():
            self.zone_of_alias[fold(zone)] = zone
            for alias in entry.get("aliases") or ():
                self.zone_of_alias.setdefault(fold(str(alias)), zone)
            for region in entry.get("places") or ():
                self.zone_of_region[region] = zone
        self.nation_of: dict[str, str] = {fold(k): v for k, v in (data.get("demonyms") or {}).items()}
        """Folded name, alias or demonym of a country or an area -> its canonical name."""
        for folded, region in self.region_of.items():
            if region not in self.within and len(folded) > 1:  # countries only: "or" is Oregon
                self.nation_of.setdefault(folded, region)
        for folded, area in self.area_of.items():
            self.nation_of.setdefault(folded, area)
        self.cities: dict[str, tuple[str, str]] = {}
        """Folded city -> (its region, its metro area): knowledge/metro_areas.yaml."""
        known_regions = set(self.region_of.values())
        for metro, by_region in (metro_areas or {}).get("metro_areas", {}).items():
            for region, cities in by_region.items():
                if region not in known_regions:
                    raise ValueError(f"metro_areas.yaml: {metro}: {region!r} is not a region of places.yaml")
                for city in cities:
                    self.cities.setdefault(fold(city), (region, metro))
        self.shared_names: dict[str, dict[str, str]] = {
            fold(name): dict(by_region) for name, by_region in (metro_areas or {}).get("shared_names", {}).items()
        }
        """Folded name several places share -> region -> the metro area of the one there: read only
        with that region written beside the name."""
        for name, by_region in self.shared_names.items():
            if not set(by_region) <= known_regions:
                raise ValueError(
                    f"metro_areas.yaml: shared name {name}: {sorted(set(by_region) - known_regions)} not in places.yaml"
                )
        self.unplaced = frozenset(fold(w) for w in data.get("unplaced") or ())
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

    def _with_containing(self, region: str) -> set[str]:
        out = {region}
        while region in self.within:
            region = self.within[region]
            out.add(region)
        return out

    def _agrees(self, region: str, written: set[str]) -> bool:
        """Every region written beside a city is the city's region, one containing it, or one
        inside it: "Leeds, England" and "Munich, Bavaria" agree with cities listed by country;
        "London, Ontario" does not agree with London, UK, nor "Seattle, Oregon" with Seattle."""
        return all(r in self._with_containing(region) or region in self._with_containing(r) for r in written)

    def _parse(self, written: str) -> Place:
        folded = fold(written)
        remote = REMOTE in folded.split()
        if remote:  # "Remote (US)", "US - Remote": what is left names where
            written_parts = [p for p in written.replace("(", ",").replace(")", ",").replace(" - ", ",").split(",")]
        else:
            written_parts = written.split(",")
        parts = [p for p in (fold(w).replace(REMOTE, "").strip() for w in written_parts) if p and p not in self.unplaced]
        regions: set[str] = set()
        areas: set[str] = set()
        city: str | None = None
        countries = {self.region_of.get(p) for p in parts} - set(self.within) - {None}
        for index, part in enumerate(parts):
            area = self.area_of.get(part)
            if area is not None and self.region_of.get(part) is None:
                areas |= {area, *self.areas_containing.get(area, ())}
                continue
            region = self.region_of.get(part)
            if region is not None and countries and region in self.within and not countries & self._with_containing(region):
                continue  # a state's short name in another country's place: "Perth, WA, Australia" is not in Washington
            # The first part is a city unless it is the only part, a country ("US, multiple
            # locations"), or a remote place's ("Remote (US)"): "Washington, DC" is a city.
            if region is not None and (index > 0 or len(parts) == 1 or remote or region not in self.within):
                regions |= self._with_containing(region)
            elif city is None and not remote:
                city = part
        metro = None
        known = self.cities.get(city) if city else None
        if known is not None and not self._agrees(known[0], regions):
            known = None  # "London, Ontario" is not London, UK: it may be the other London (shared_names)
        if known is None and city in self.shared_names:
            known = next(((r, m) for r, m in self.shared_names[city].items() if r in regions), None)
        if known is not None and self._agrees(known[0], regions):
            regions |= self._with_containing(known[0])
            metro = known[1]
        for region in regions:
            areas |= self.areas_containing.get(region, set())
        return Place(written, city, frozenset(regions), metro, remote, frozenset(areas))

    def time_zone(self, place: Place) -> str | None:
        """The time zone a place is in: its state's or province's, else its country's."""
        for sub_national in (True, False):
            for region in sorted(place.regions):
                if (region in self.within) is sub_national and region in self.zone_of_region:
                    return self.zone_of_region[region]
        return None

    def nations_named(self, text: str) -> list[str]:
        """The countries and areas a text names, by name, alias or demonym ("U.S.", "Swiss", "EU")."""
        return names_in(text, self.nation_of)

    def within_nation(self, place: str, nation: str) -> bool:
        """`place` (a country or an area) is `nation` or inside it (France is in the EU)."""
        return place == nation or nation in self.areas_containing.get(place, ())

    def zones_named(self, text: str) -> list[str]:
        """The time zones a text names ("Central European or Eastern Standard time"), in order."""
        return names_in(text, self.zone_of_alias)

    def _city_in(self, place: str, region: str) -> bool:
        """`place` is a bare known city inside `region`: "New York" is a state and a city, and
        before "NY" it is the city (not before "Canada")."""
        known = self.cities.get(fold(place)) if "," not in place else None
        return known is not None and self.region_of[fold(region)] in self._with_containing(known[0])

    def is_region(self, text: str) -> bool:
        return fold(text) in self.region_of

    def join_parts(self, items: tuple[str, ...]) -> tuple[str, ...]:
        """YAML reads `[Cambridge, UK, Redmond, WA]` as four items; people mean two places.
        A region-only item that follows a place is joined to it: ("Cambridge, UK", "Redmond, WA")."""
        places: list[str] = []
        for item in items:
            last = places[-1].split(",")[0] if places else ""
            if places and self.is_region(item) and (not self.is_region(last) or self._city_in(places[-1], item)):
                places[-1] = f"{places[-1]}, {item}"
            else:
                places.append(item)
        return tuple(places)

    def similarity(self, wanted: Place, have: Place) -> int:
        """0..100: how well `have` (where the candidate is) meets `wanted` (where the job is):
        the same city or metro area, inside the job's region, or a remote job open where the
        candidate is."""
        if wanted.regions and have.regions and not (wanted.regions & have.regions):
            return 0
        if wanted.areas and have.areas and not (wanted.areas <= have.areas):
            return 0
        if wanted.remote:
            return 100 if not wanted.regions or not have.regions or wanted.regions <= have.regions else 0
        if wanted.city is None:
            named = wanted.regions or wanted.areas
            return 100 if named and wanted.regions <= have.regions and wanted.areas <= have.areas else 0
        if have.city is None:
            return 0
        if wanted.metro is not None and wanted.metro == have.metro:
            return 100
        score = round(fuzz.ratio(wanted.city, have.city))
        return score if score >= PLACE_FUZZY_CUTOFF else 0


def names_in(text: str, names: dict[str, str]) -> list[str]:
    """What the names a text contains stand for, in the text's order, each once: `names` maps a
    folded name of up to four words to what it names. Longest first, and a word is read once:
    "Latin America" is not America, "US Eastern" is not "ET"."""
    words = fold(text).split()
    found: dict[int, str] = {}
    used: set[int] = set()
    for size in (4, 3, 2, 1):
        for i in range(len(words) - size + 1):
            named = names.get(" ".join(words[i : i + size]))
            if named is not None and not used & set(range(i, i + size)):
                found[i] = named
                used |= set(range(i, i + size))
    return list(dict.fromkeys(found[i] for i in sorted(found)))


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer(read_data_file("places.yaml"), read_data_file("metro_areas.yaml"))
