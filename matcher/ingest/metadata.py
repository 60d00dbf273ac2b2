"""Who posts, what, where and for how much: title, organisation, places (split, normalised onto the
place catalogue, remote recognised), work mode and pay, from a page's JSON-LD, its facts lines
("Location: ...", "Company: ..."), the byline under its title, its page title and its prose."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from matcher.ingest.dates import dates_in
from matcher.ingest.sections import classify_heading
from matcher.ingest.source_lines import Page
from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold

UNKNOWN_ORGANIZATION = "(organisation not found: fill in)"


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


def normalise_place(written: str) -> str | None:
    """A place as postings write it for the place catalogue ("Zürich, Zürich, Switzerland" ->
    "Zurich, Switzerland"; "Edinburgh" -> "Edinburgh, UK"), "Remote" or "Remote (US)", or None
    when the text is not a place the catalogue or the city list knows."""
    text = re.sub(r"\(.*?\)|\+\d+", lambda m: m.group(0) if remote_words().search(written) else "", written).strip(" ,.:")
    if remote_words().search(text):
        region = re.search(
            r"\b(US|USA|UK|Canada|EU|Europe|[A-Z][a-z]+)\b", remote_words().sub("", text).replace("All locations", "")
        )
        country = gazetteer().region_of.get(fold(region.group(1))) if region else None
        return f"Remote ({'US' if country == 'united states' else region.group(1)})" if country and region else "Remote"
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts or len(parts[0].split()) > 4:
        return None
    city = vocabulary()["cities"].get(fold(parts[0]))
    regions = gazetteer().parse(", ".join(parts[1:])).regions if len(parts) > 1 else frozenset()
    if city is not None and (not regions or regions & gazetteer().parse(city).regions):
        return str(city)
    if len(parts) == 1 and gazetteer().is_region(parts[0]):
        name = gazetteer().region_of[fold(parts[0])]
        return "United States" if name == "united states" else parts[0] if parts[0][:1].isupper() else name.title()
    if len(parts) > 1 and regions and parts[0][:1].isupper() and not gazetteer().is_region(parts[0]):
        return f"{parts[0]}, {parts[-1]}"
    return None


def places_in(text: str) -> list[str]:
    """The places a location text lists, normalised, in order, without repeats."""
    found: list[str] = []
    for piece in PLACE_SEPARATORS.split(text):
        place = normalise_place(piece)
        if place is not None and place not in found:
            found.append(place)
    if not found:  # "Cambridge, UK, Redmond, WA" with commas only
        found = [p for p in (normalise_place(p) for p in gazetteer().join_parts(tuple(text.split(",")))) if p]
    return list(dict.fromkeys(found))


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


# ----------------------------------------------------------------------------- organisation

ORG_NOISE = re.compile(
    r"\s*(?:\b(?:inc|llc|ltd|limited|gmbh|s\.?a\.?r\.?l|s\.?a|corp|corporation|plc|ag|co|r&d|internships?|careers|jobs)\b\.?|"
    r"\.com|\.org)\s*$",
    re.IGNORECASE,
)
FACT_KEY = re.compile(r"^(company|employer|organi[sz]ation|hiring organi[sz]ation|institution)\s*:\s*(.+)$", re.IGNORECASE)
NOT_AN_ORGANISATION = re.compile(
    r"\b(posted|salary|remote|full-time|part-time|internship|deadline|hybrid|on site|in person|apply|no salary)\b|\d", re.I
)


def clean_organisation(written: str) -> str | None:
    """ "Qualcomm France S.A.R.L." -> "Qualcomm"; "Huawei Finland R&D" -> "Huawei"."""
    name = written.strip(" *_.|:-")
    for _ in range(4):
        stripped = ORG_NOISE.sub("", name).strip(" ,")
        words = stripped.split()
        if len(words) > 1 and (gazetteer().is_region(words[-1]) or fold(words[-1]) in vocabulary()["cities"]):
            stripped = " ".join(words[:-1])
        if stripped == name:
            break
        name = stripped
    return name if name and len(name.split()) <= 8 and name[:1].isupper() else None


NAME_WORDS = re.compile(r"(?:[A-Z0-9][\w&.'’-]*|of|for|the|and|de|&)(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|for|the|and|de|&))*")
"""A name as a byline writes it: capitalised words and their connectors ("Center for X", not
"Students: start your application here")."""


def _byline_organisation(lines: list[str], title_index: int) -> tuple[str, int] | None:
    """The organisation on the short lines under the title ("Meta · Bellevue, WA", "*Apple*")."""
    for index in range(title_index + 1, min(title_index + 5, len(lines))):
        first = re.split(r"\s+[·|•—–-]\s+|\s*\|\s*", lines[index])[0].strip(" *_")
        if (
            len(first.split()) > 5
            or NOT_AN_ORGANISATION.search(first)
            or classify_heading(first)
            or normalise_place(first)
            or dates_in(first)
            or not first[:1].isupper()
            or not NAME_WORDS.fullmatch(first)
        ):
            continue
        name = clean_organisation(first)
        if name:
            return name, index
    return None


HIRING = r"(?:hiring|looking for|seeking|recruiting|taking applications|accepting applications|offering)"
ORG_NAME = r"([A-Z][\w&.'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w&.'-]*){0,6})"
ORG_PATTERNS = (
    re.compile(rf"^##?\s*About\s+{ORG_NAME}\s*$"),
    re.compile(rf"^About\s+{ORG_NAME}\s*:?\s*$"),
    re.compile(rf"\bJoin\s+{ORG_NAME}\s+as\b"),
    re.compile(rf"\bat\s+{ORG_NAME}\s*$"),
    re.compile(rf"\b{ORG_NAME}\s+is\s+an?\s+equal\s+opportunity"),
    re.compile(rf"^[^.]{{0,80}}\bIntern\w*\b[^.]{{0,60}}?\bat\s+{ORG_NAME}"),
    re.compile(rf"^{ORG_NAME}(?:['’]s\s[^.]{{0,60}}?)?\s+(?:is|are)\s+(?:now\s+)?{HIRING}"),
    re.compile(rf"^{ORG_NAME}\s+(?:leads|invites|seeks|offers|wants to)\b"),
    re.compile(rf"\bWe,\s+{ORG_NAME},\s"),
)
"""Where prose names the employer: "About AI Impacts", "Join DoorDash as ...", "Research
Internship at Center for ...", "Acme is an equal opportunity employer", "Acme is hiring",
"Intel's Experience Insights Lab is taking applications", "Nokia Bell Labs leads in ...",
"We, the BMW Group, offer ..."."""
GENERIC_ABOUT = frozenset({"us", "the job", "the team", "the role", "you", "the company", "this role", "the position"})
NOT_AN_EMPLOYER_START = frozenset(
    {"our", "we", "this", "the", "you", "your", "each", "every", "applicants", "candidates", "interns", "students", "successful"}
)
"""First words of a sentence subject that is not a name ("Our team is looking for ...")."""


def _prose_name(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and fold(name) not in GENERIC_ABOUT and not (words[0] in NOT_AN_EMPLOYER_START and len(words) < 3)


def organisation_in(page: Page, lines: list[str], title_index: int | None) -> tuple[str, int | None]:
    for posting in page.job_postings:
        hiring = posting.get("hiringOrganization")
        name = hiring.get("name") if isinstance(hiring, dict) else hiring
        if isinstance(name, str) and clean_organisation(name):
            return clean_organisation(name) or name, None
    for index, line in enumerate(lines):
        fact = FACT_KEY.match(line)
        if fact or re.fullmatch(r"(company|employer)", line, re.IGNORECASE) and index + 1 < len(lines):
            name = clean_organisation(fact.group(2) if fact else lines[index + 1])
            if name:
                return name, index
    if title_index is not None:
        at = ORG_PATTERNS[3].search(lines[title_index])
        if at and clean_organisation(at.group(1)):
            return clean_organisation(at.group(1)) or "", title_index
        byline = _byline_organisation(lines, title_index)
        if byline:
            return byline
    for pattern in ORG_PATTERNS:
        for index, line in enumerate(lines):
            match = pattern.search(line)
            if match and _prose_name(match.group(1)) and clean_organisation(match.group(1)):
                return clean_organisation(match.group(1)) or "", index
    if page.title:
        parts = [p.strip() for p in re.split(r"\s+[-–|]\s+|\s+at\s+", page.title)]
        for part in parts[1:]:
            if (
                not normalise_place(part)
                and "." not in part
                and clean_organisation(part)
                and not NOT_AN_ORGANISATION.search(part)
            ):
                return clean_organisation(part) or part, None
    email = re.search(r"\b[\w.+-]+@(?:[\w-]+\.)*?([\w-]+)\.(?:com|org|ai|io|edu|ac\.uk|co\.uk|de|ch|fr)\b", "\n".join(lines))
    if email and email.group(1).lower() not in ("gmail", "outlook", "yahoo", "hotmail", "mail"):
        return email.group(1).capitalize(), None
    return UNKNOWN_ORGANIZATION, None


# ----------------------------------------------------------------------------- pay

PAY = re.compile(
    r"(?P<currency>USD|GBP|EUR|CAD|CHF|AUD)?\s*(?P<symbol>[$£€])\s?(?P<low>\d[\d,]*(?:\.\d+)?)\s*(?P<k>k)?"
    r"(?:\s*(?:-|–|to)\s*(?:USD|GBP|EUR|CAD)?\s*[$£€]?\s?(?P<high>\d[\d,]*(?:\.\d+)?)\s*(?P<k2>k)?)?"
    r"(?:\s*(?:/|per|an|a)\s*(?P<per>month|year|annum|hour|hr|week|mo|yr))?",
    re.IGNORECASE,
)
SYMBOL_CURRENCY = {"$": "USD", "£": "GBP", "€": "EUR"}


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
            currency = (match.group("currency") or SYMBOL_CURRENCY[match.group("symbol")]).upper()
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
