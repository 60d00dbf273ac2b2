"""Who posts: the employer a student would name, from a page's JSON-LD, its facts lines
("Company: ..."), its title line ("... at Acme"), the byline near its title, its prose ("About
Acme", "Acme is hiring", "Within Acme Research (AR)"), its page title, the domain of its contact
address, or an acronym its title opens with. Names of job boards are never the employer."""

from __future__ import annotations

import re

from matcher.ingest.dates import dates_in
from matcher.ingest.metadata import normalise_place, vocabulary
from matcher.ingest.sections import classify_heading
from matcher.ingest.source_lines import Page
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold

UNKNOWN_ORGANIZATION = "(organisation not found: fill in)"

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
