"""Who posts, what, where and for how much: title, organisation, places (split, normalised onto the
place catalogue, remote recognised), work mode and pay, from a page's JSON-LD, its facts lines
("Location: ...", "Company: ..."), the byline under its title, its page title and its prose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold


@dataclass
class Metadata:
    """What the draft says about the posting, and which lines (indices into the page's lines) said it."""

    fields: dict[str, Any] = field(default_factory=dict)
    used: set[int] = field(default_factory=set)
    work_mode: str | None = None
    """remote | hybrid | None (on site or not said): the posting format keeps only "Remote" as a place."""


@cache
def vocabulary() -> dict[str, Any]:
    return read_data_file("posting_vocabulary.yaml")


def _words_pattern(key: str) -> re.Pattern[str]:
    words = sorted(vocabulary()[key], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


@cache
def remote_words() -> re.Pattern[str]:
    return _words_pattern("remote_words")


@cache
def hybrid_words() -> re.Pattern[str]:
    return _words_pattern("hybrid_words")


# ----------------------------------------------------------------------------- places

PLACE_SEPARATORS = re.compile(r"\s*(?:;|\||/|\bor\b|·|•|\band\b|\s[-–—]\s)\s*")
"""Between places in a list: "Munich, Germany; Berlin, Germany", "Berkeley/San Francisco"."""


REMOTE_DASH = re.compile(r"\bRemote\s+[-–—]\s+([A-Z][\w.]+)\b|\b([A-Z]{2,3})\s+[-–—]\s+Remote\b")
"""A remote place written with a dash ("Remote - UK", "US - Remote"), read as "Remote (UK)"."""


def _area_written(written: str) -> str:
    """An area as the posting format writes it: EMEA, APAC in capitals (`place_display`), else in Title Case."""
    display = vocabulary()["place_display"]
    return str(
        display.get(fold(written)) or (written if written.isupper() else " ".join(w.capitalize() for w in written.split()))
    )


def normalise_place(written: str) -> str | None:
    """A place as postings write it for the place catalogue ("Zürich, Zürich, Switzerland" ->
    "Zurich, Switzerland"; "Edinburgh" -> "Edinburgh, UK"), "Remote" or "Remote (US)", or None
    when the text is not a place the catalogue or the city list knows."""
    text = re.sub(r"\(.*?\)|\+\d+", lambda m: m.group(0) if remote_words().search(written) else "", written).strip(" ,.:")
    if remote_words().search(text):
        region = re.search(
            r"\b(US|USA|UK|Canada|[A-Z]{2,5}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b",
            remote_words().sub("", text).replace("All locations", ""),
        )
        # a country ("Remote (US)") or an area the gazetteer knows ("Remote (North America)", "Remote - EMEA")
        country = gazetteer().region_of.get(fold(region.group(1))) if region else None
        area = gazetteer().area_of.get(fold(region.group(1))) if region and not country else None
        if region and area:
            return f"Remote ({_area_written(region.group(1))})"
        return f"Remote ({'US' if country == 'united states' else region.group(1)})" if country and region else "Remote"
    parts = [p.strip() for p in text.split(",") if p.strip() and fold(p.strip()) not in gazetteer().unplaced]
    if not parts or len(parts[0].split()) > 4:
        return None
    city = vocabulary()["cities"].get(fold(parts[0])) or _gazetteer_city(parts[0])
    regions = gazetteer().parse(", ".join(parts[1:])).regions if len(parts) > 1 else frozenset()
    if city is not None and (not regions or regions & gazetteer().parse(city).regions):
        return str(city)
    if len(parts) == 1 and gazetteer().is_region(parts[0]):
        name = gazetteer().region_of[fold(parts[0])]
        if name == "united states" or (fold(parts[0]) != name and len(parts[0]) <= 3):
            return name.title()  # "UK" alone is the country: "United Kingdom"
        return parts[0] if parts[0][:1].isupper() else name.title()
    if len(parts) > 1 and regions and parts[0][:1].isupper() and not gazetteer().is_region(parts[0]):
        named = gazetteer().region_of.get(fold(parts[1]), "")
        written = vocabulary()["region_written"].get(named)  # "Staines-upon-Thames, United Kingdom" -> ", UK"
        return f"{parts[0]}, {written or (parts[1] if parts[1][:1].isupper() else named.title())}"
    return None


def _gazetteer_city(written: str) -> str | None:
    """A city places.yaml knows, written as postings write it: "Sunnyvale" -> "Sunnyvale, CA" (a
    state or province by its two-letter code), "Lyon" -> "Lyon, France"."""
    known = gazetteer().cities.get(fold(written))
    if known is None or not written[:1].isupper():
        return None
    region = known[0]
    if region in gazetteer().within:
        code = next((a for a, r in gazetteer().region_of.items() if r == region and len(a) == 2 and a.isalpha()), None)
        return f"{written}, {code.upper()}" if code else f"{written}, {region.title()}"
    return f"{written}, {vocabulary()['region_written'].get(region) or region.title()}"


def places_in(text: str) -> list[str]:
    """The places a location text lists, normalised, in order, without repeats."""
    found: list[str] = []
    text = REMOTE_DASH.sub(lambda m: f"Remote ({m.group(1) or m.group(2)})", text)
    for piece in PLACE_SEPARATORS.split(text):
        items = gazetteer().join_parts(tuple(p.strip() for p in piece.split(",") if p.strip()))
        # "Austin, Remote US, London, Remote UK": a comma list of places, not one place
        # "San Jose, Austin, Seattle": cities each known alone are a list too, not a city and its region
        cities = [normalise_place(item) for item in items if not gazetteer().is_region(item)] if len(items) > 1 else []
        listed = (
            [normalise_place(item) for item in items]
            if remote_words().search(piece) and len(items) > 1
            else cities
            if sum(c is not None for c in cities) >= 2
            else []
        )
        candidates: list[str | None] = [p for p in listed if p] or [normalise_place(piece)]
        for place in candidates:
            if place is not None and place not in found:
                found.append(place)
    if any(p.startswith("Remote (") for p in found):  # "Remote (UK)" says where; "UK" beside it says no more
        found = [p for p in found if not gazetteer().is_region(p)]
    if not found:  # "Cambridge, UK, Redmond, WA" with commas only
        found = [p for p in (normalise_place(p) for p in gazetteer().join_parts(tuple(text.split(",")))) if p]
    return list(dict.fromkeys(found))


def without_country_repeats(places: list[str]) -> list[str]:
    """A country listed beside a city in it says nothing more ("London · United Kingdom")."""
    cities = [gazetteer().parse(p) for p in places if "," in p and not p.startswith("Remote")]
    return [
        p for p in places if not (gazetteer().is_region(p) and any(gazetteer().region_of[fold(p)] in c.regions for c in cities))
    ]


PROSE_PLACES = re.compile(
    r"\b(?:based|located|offices?|sites?|(?:must|will)\s+work)\s+in\s+"
    r"(?:one of the following (?:areas|locations|countries|places)\s*:\s*)?"
    r"(?:the\s+)?([A-Z][^.;:!?()]{1,120})",
)
"""Places said in prose: "located in one of the following areas: United States, Canada, or UK",
"offices in Tokyo, Kyoto and Nagoya", "Interns must work in Portland, OR"."""


def prose_places(line: str) -> list[str]:
    return [p for m in PROSE_PLACES.finditer(line) for p in places_in(m.group(1)) if p != "Remote"]


SITES_SAID = re.compile(
    r"\b(?:headquarters|teams?|offices?|labs?|laboratories|sites?|campus(?:es)?)\b[^.]{0,40}?\b(?:are|is|located|based|spread)\b",
    re.IGNORECASE,
)
"""A sentence saying where the employer's sites are: "teams are spread across Japan in places such as
Sendai, Nagoya and Kyoto"."""


def cities_named(text: str) -> list[str]:
    """The cities of the city list (posting_vocabulary.yaml) a text names, as the list writes them."""
    folded = fold(text)
    found = [
        (m.start(), str(place))
        for name, place in vocabulary()["cities"].items()
        for m in re.finditer(rf"\b{re.escape(name)}\b", folded)
    ]
    return list(dict.fromkeys(place for _, place in sorted(found)))


def site_places(line: str) -> list[str]:
    """Cities named in sentences that say where the employer's sites are."""
    return [c for sentence in re.split(r"(?<=[.!?])\s+", line) if SITES_SAID.search(sentence) for c in cities_named(sentence)]


def _json_ld_places(posting: dict[str, Any]) -> list[str]:
    located = posting.get("jobLocation") or []
    places = []
    for item in located if isinstance(located, list) else [located]:
        address = item.get("address", {}) if isinstance(item, dict) else {}
        if isinstance(address, str):
            places += places_in(address)
            continue
        city, region, country = (str(address.get(k) or "") for k in ("addressLocality", "addressRegion", "addressCountry"))
        country = gazetteer().country(country) if len(country) == 2 else country
        local = region if country in ("united states", "canada", "US", "CA") and region else country
        place = normalise_place(f"{city}, {local}" if city else local)
        if place:
            places.append(place)
    if str(posting.get("jobLocationType", "")).upper() == "TELECOMMUTE":
        places.append("Remote")
    return list(dict.fromkeys(places))


# ----------------------------------------------------------------------------- pay

PAY = re.compile(
    r"(?P<currency>USD|GBP|EUR|CAD|CHF|AUD|SGD|HKD|NZD)?\s*(?<![A-Za-z])(?P<prefix>S|A|C|HK|NZ|US|CA|AU)?(?P<symbol>[$£€])"
    r"\s?(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k)?"
    r"(?:\s*(?:-|–|to)\s*(?:USD|GBP|EUR|CAD|SGD|HKD|NZD|AUD)?\s*(?:S|A|C|HK|NZ|US|CA|AU)?[$£€]?\s?(?P<high>\d[\d,]*(?:\.\d+)?)\s*(?P<k2>k)?)?"
    r"(?:\s*(?:/|per|an|a)\s*(?P<per>month|year|annum|hour|hr|week|mo|yr))?",
    re.IGNORECASE,
)
SYMBOL_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR"}
DOLLAR_PREFIX = {"S": "SGD", "A": "AUD", "AU": "AUD", "C": "CAD", "CA": "CAD", "HK": "HKD", "NZ": "NZD", "US": "USD"}
"""Dollars other than the US's, by the letters written before the sign: "S$1,000" is Singapore's,
"A$", "C$", "HK$", "NZ$" Australia's, Canada's, Hong Kong's and New Zealand's."""


def pay_in(lines: list[str]) -> tuple[dict[str, Any], set[int]] | None:
    """Pay: the lowest and highest amounts a posting gives in one unit (per hour, month or year;
    guessed from the size when unsaid), and the lines it came from."""
    found: list[tuple[float, float, str, str]] = []
    used: set[int] = set()
    for index, line in enumerate(lines):
        for match in PAY.finditer(line):
            low = float(match.group("low").replace(",", "")) * (1000 if match.group("k") else 1)
            high_text = match.group("high")
            high = (
                float(high_text.replace(",", "")) * (1000 if match.group("k2") or match.group("k") else 1) if high_text else low
            )
            per = (match.group("per") or "").lower()
            per = {"hr": "hour", "mo": "month", "yr": "year", "annum": "year"}.get(per, per)
            per = per or ("hour" if high < 300 else "month" if high < 20000 else "year")
            prefixed = DOLLAR_PREFIX.get(match.group("prefix") or "") if match.group("symbol") == "$" else None
            currency = (match.group("currency") or prefixed or SYMBOL_CURRENCY[match.group("symbol")]).upper()
            found.append((low, high, per, currency))
            used.add(index)
    if not found:
        return None
    per, currency = found[0][2], found[0][3]
    same = [f for f in found if f[2] == per]
    pay: dict[str, Any] = {"min": _number(min(f[0] for f in same)), "max": _number(max(f[1] for f in same))}
    return {**pay, "currency": currency, "per": per}, used


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def json_ld_pay(posting: dict[str, Any]) -> dict[str, Any] | None:
    salary = posting.get("baseSalary")
    if not isinstance(salary, dict):
        return None
    value = salary.get("value", {})
    value = value if isinstance(value, dict) else {"value": value}
    low, high = value.get("minValue", value.get("value")), value.get("maxValue", value.get("value"))
    if low is None:
        return None
    per = str(value.get("unitText", "YEAR")).lower()
    return {"min": _number(float(low)), "max": _number(float(high or low)), "currency": salary.get("currency"), "per": per}
