"""Who posts: the employer a student would name, from a page's JSON-LD, its facts lines
("Company: ..."), its title line ("... at Acme"), the byline near its title, its prose ("About
Acme", "Acme is hiring", "Within Acme Research (AR)"), its page title, the domain of its contact
address, or an acronym its title opens with. Names of job boards are never the employer."""

from __future__ import annotations

import re

from matcher.ingest.dates import dates_in
from matcher.ingest.metadata import json_ld_pay, normalise_place, pay_in, places_in, vocabulary
from matcher.ingest.sections import classify_heading
from matcher.ingest.source_lines import Page
from matcher.knowledge.places import gazetteer
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold

UNKNOWN_ORGANIZATION = "(organisation not found: fill in)"

ORG_NOISE = re.compile(
    r"\s*(?:\b(?:inc|llc|ltd|limited|gmbh|s\.?a\.?r\.?l|s\.?a|corp|corporation|plc|ag|co|r&d|internships?|careers|jobs|"
    r"technologies|semiconductor|holdings|incorporated)\b\.?|"
    r"\.com|\.org)\s*$",
    re.IGNORECASE,
)
FACT_KEY = re.compile(r"^(company|employer|organi[sz]ation|hiring organi[sz]ation|institution)\s*:\s*(.+)$", re.IGNORECASE)
NOT_AN_ORGANISATION = re.compile(
    r"\b(posted|salary|remote|full-time|part-time|internships?|intern|deadline|hybrid|on site|in person|apply|no salary|"
    r"programs?|programmes?)\b|\d"
    # a degree ("PhD Intern - ..." opens a title with its stage) and a page's navigation ("Lab Home |
    # Phone", "Main Menu") are no one's name
    r"|^(?:ph\.?d|msc|bsc|m\.?s|b\.?s|masters?|bachelors?|graduate|undergraduate|students?)$|\b(?:home|menu|phone|log\s?in|sign\s?in|search|skip\s+to)\b"
    # a season ("Summer Research Fellowship" opens with no employer) and a page's part ("... -
    # Additional Information") are no one's name: "not found" asks the reviewer, a wrong name misleads
    r"|^(?:summer|winter|spring|fall|autumn|annual)$|^(?:(?:additional|general|further|more|key|important)\s+)?"
    r"(?:information|info|details|overview|faqs?)$",
    re.I,
)


CONTINENTS = frozenset({"america", "europe", "asia", "africa", "emea", "apac", "pacific", "americas"})
"""Kept at the end of a name ("Samsung Research America", "Acme Labs Europe"): a research centre's
name, where a country ends a subsidiary's ("Huawei Finland" is Huawei)."""
RESEARCH_UNIT = frozenset({"research", "institute", "laboratory", "laboratories", "lab", "labs", "center", "centre"})
"""A country after these is part of a research centre's name too ("Acme Research Institute USA",
"Acme Medical Research USA"): the centre is its own organisation, not a branch office."""


def clean_organisation(written: str) -> str | None:
    """ "Qualcomm France S.A.R.L." -> "Qualcomm"; "Huawei Finland R&D" -> "Huawei"."""
    name = written.strip(" *_.|:-")
    doubled = re.fullmatch(r"(.+?)\s+\1", name)  # "Oracle Oracle": a logo's text read out before the name
    name = doubled.group(1) if doubled else name
    for _ in range(4):
        stripped = ORG_NOISE.sub("", name).strip(" ,")
        words = stripped.split()
        last = fold(words[-1]) if words else ""
        kept = last in CONTINENTS or fold(words[-2]) in RESEARCH_UNIT if len(words) > 1 else True
        if not kept and (gazetteer().is_region(words[-1]) or last in vocabulary()["cities"]):
            stripped = " ".join(words[:-1])
        if stripped == name:
            break
        name = stripped
    return name if name and len(name.split()) <= 8 and name[:1].isupper() else None


NAME_WORDS = re.compile(r"(?:[A-Z0-9][\w&.'’-]*|of|for|the|and|de|&)(?:\s+(?:[A-Z0-9][\w&.'’-]*|of|for|the|and|de|&))*")
"""A name as a byline writes it: capitalised words and their connectors ("Center for X", not
"Students: start your application here")."""


def _recurs(name: str, lines: list[str], index: int) -> bool:
    """Whether a name is written again on another line: an employer's name is repeated in its own
    posting; a section heading ("Background") or a board's tag ("Newspapers") is not."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return any(pattern.search(line) for i, line in enumerate(lines) if i != index)


def _byline_organisation(lines: list[str], title_index: int) -> tuple[str, int] | None:
    """The organisation on the short lines by the title ("Meta · Bellevue, WA", "*Apple*", "Acme ·
    1 month ago" above it): the line right under the title, or a line the posting names again
    elsewhere that is not a heading over a paragraph ("Background")."""
    found: list[tuple[str, int]] = []
    for index in [*range(title_index + 1, min(title_index + 5, len(lines))), *range(title_index - 1, title_index - 3, -1)]:
        if index < 0:
            continue
        line = re.sub(r"^[-•*]\s+", "", lines[index].strip())  # a byline kept as a list item by a job alert
        placed = re.fullmatch(r"(.+?)\s+\(([^()]+)\)\s*", line)
        if placed and normalise_place(placed.group(2)):  # "Acme Labs (Boston, MA)": the employer, then its place
            line = placed.group(1)
        glued = glued_byline(line)
        first = glued[0] if glued else re.split(r"\s+[·|•—–-]\s+|\s*\|\s*", line)[0].strip(" *_")
        masthead = index == 0 == title_index - 1 and len(first.split()) <= 3  # a logo's name over the title
        if (
            index != title_index + 1
            and not masthead
            and (index + 1 < len(lines) and len(lines[index + 1]) > 120 or not _recurs(first, lines, index))
            or len(first.split()) > 5
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
            found.append((name, index))
    # a team's name may stand right under the title ("Human Interaction Research", then "Acme" twice),
    # or an office ("Arlington - 1801 S Bell"): the name the page repeats is the employer's, a line of
    # its own twice, else a word of its prose (a logo in capitals, "ACME", is "Acme ..." below)
    repeated = [(name, index) for name, index in found if sum(line.strip(" *_") == name for line in lines) > 1]
    named_again = [(name, index) for name, index in found if _recurs_folded(name, lines, index)]
    chosen = repeated or named_again or found
    return (_as_written(*chosen[0], lines), chosen[0][1]) if chosen else None


def _recurs_folded(name: str, lines: list[str], index: int) -> bool:
    """Whether a name is written again on another line, in any case ("BLOOMBERG" over "Bloomberg Law")."""
    pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    return any(pattern.search(line) for i, line in enumerate(lines) if i != index)


def _as_written(name: str, index: int, lines: list[str]) -> str:
    """A logo's name in capitals as the page's prose writes it, with the words that follow it where a
    sentence opens on it ("BLOOMBERG" over "Bloomberg Industry Group provides ..."): the employer's
    full name, as its own prose gives it."""
    if not name.isupper() or len(name) < 4:
        return name
    for i, line in enumerate(lines):
        opening = re.match(rf"(?:The\s+)?((?i:{re.escape(name)})(?:\s+[A-Z][\w&.'-]*){{0,3}})\s+[a-z]", line)
        if i != index and opening and opening.group(1)[:1].isupper() and not opening.group(1).isupper():
            return clean_organisation(opening.group(1)) or name
    return name


EMPLOYER_KIND = (
    r"(?:company|firm|start-?up|laboratory|lab|institute|organi[sz]ation|cent(?:er|re)|university|non-?profit|foundation)"
)
"""What a page says its employer is: "Acme Inc is a technology company", "Acme is a non-profit research lab"."""
HIRING = r"(?:hiring|looking for|seeking|recruiting|taking applications|accepting applications|offering)"
ORG_NAME = r"([A-Z][\w&.'-]*(?:\s+(?:of\s+|for\s+|the\s+)?[A-Z][\w&.'-]*){0,6})"
ORG_NAME_AND = r"([A-Z][\w&.'-]*(?:\s+(?:of\s+|for\s+|the\s+|and\s+)?[A-Z][\w&.'-]*){0,6})"
"""A name spelt out before its acronym may join words with "and" ("School of Physical and
Mathematical Sciences (SPMS)"); elsewhere "and" ends a name ("Acme and Beta are hiring")."""
ORG_PATTERNS = (
    re.compile(rf"^##?\s*About\s+{ORG_NAME}\s*$"),
    re.compile(rf"^About\s+{ORG_NAME}\s*:?\s*$"),
    re.compile(rf"\bJoin\s+{ORG_NAME}\s+as\b"),
    re.compile(rf"\bat\s+{ORG_NAME}\s*$"),
    re.compile(rf"\b{ORG_NAME}\s+is\s+an?\s+equal\s+opportunity"),
    re.compile(rf"^(?:The\s+)?{ORG_NAME}\s+(?:values\s+diversity|is\s+committed\s+to\s+(?:diversity|equal))"),
    re.compile(rf"^[^.]{{0,80}}\b[Ii]ntern\w*\b[^.]{{0,60}}?\bat\s+{ORG_NAME}"),
    re.compile(rf"^{ORG_NAME}(?:['’]s\s[^.]{{0,60}}?)?\s+(?:is|are)\s+(?:now\s+)?{HIRING}"),
    re.compile(rf"^{ORG_NAME}\s+\([A-Z]{{2,6}}\)\s+(?:is|are)\s+(?:now\s+)?{HIRING}"),
    re.compile(rf"^{ORG_NAME}\s+is\s+an?\s+(?:[\w-]+\s+){{0,4}}?{EMPLOYER_KIND}\b"),
    re.compile(rf"^{ORG_NAME}\s+(?:leads|invites|seeks|offers|wants to|sets out to|aims to)\b"),
    re.compile(rf"\bWe,\s+(?:the\s+)?{ORG_NAME},\s"),
    re.compile(rf"^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){{0,3}},\s+{ORG_NAME}\s*$"),
    re.compile(rf"\b{ORG_NAME},?\s+(?:is\s+)?an?\s+(?:wholly[- ]owned\s+)?subsidiary\s+of\b"),
    re.compile(rf"\b(?:[Ww]ithin|[Aa]t|[Jj]oin|[Ff]rom)\s+{ORG_NAME}\s+\(([A-Z]{{2,6}})\)"),
    re.compile(rf"\b([A-Z]{{2,6}})\s+\({ORG_NAME}[,;)]"),
    # the employer as the team's owner or the place "we" work: "Join Acme's AI team as ...", "At Acme, we ..."
    re.compile(rf"\bJoin\s+{ORG_NAME}['’]s\s+(?:[\w/&-]+\s+){{0,3}}?(?:team|group|lab)\b"),
    re.compile(rf"^At\s+{ORG_NAME},?\s+(?:we|our)\b"),
    # "About Acme" run into its paragraph where a page lost its line breaks ("... About Acme. Acme builds"):
    # the heading's name said again as the paragraph's first word
    re.compile(r"About\s+([A-Z][\w&.'-]*?(?:\s+[A-Z][\w&.'-]*?){0,3}?)[.:]?\s*\1(?=\s|['’])"),
)
"""Where prose names the employer: "About AI Impacts", "Join DoorDash as ...", "Research
Internship at Center for ...", "Acme is an equal opportunity employer", "Acme is hiring",
"Intel's Experience Insights Lab is taking applications", "This is a full-time internship at Acme in Paris",
"The Acme Institute (AI) is taking applications",
"Acme Inc is a technology company", "Nokia Bell Labs leads in ...",
"We, the BMW Group, offer ...", an author's byline "By Jane Doe, Acme", "Acme, a wholly-owned
subsidiary of ...", "The Acme Society values diversity", "Within Acme Interactive Entertainment
(AIE), ...", "the group of AIE (Acme Interactive Entertainment, Paris)" (a name with its initials)."""
GENERIC_ABOUT = frozenset({"us", "the job", "the team", "the role", "you", "the company", "this role", "the position"})
NOT_AN_EMPLOYER_START = frozenset(
    {"our", "we", "this", "the", "you", "your", "each", "every", "applicants", "candidates", "interns", "students", "successful"}
)
"""First words of a sentence subject that is not a name ("Our team is looking for ...")."""


def _prose_name(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and fold(name) not in GENERIC_ABOUT and not (words[0] in NOT_AN_EMPLOYER_START and len(words) < 3)


def job_board(name: str) -> bool:
    """Whether a name is a job board's or aggregator's (posting_vocabulary.yaml), not an employer's."""
    return fold(name).replace(" ", "") in {fold(b).replace(" ", "") for b in vocabulary()["job_boards"]}


def _employer(written: str) -> str | None:
    written = re.sub(r"['’]s?$", "", written)  # "at Acme's headquarters": the name, not its possessive
    name = clean_organisation(re.sub(r"^The\s+(?=\S+\s+\S)", "", written))  # "The Acme Institute"; "The Verge" stays
    return None if name is None or job_board(name) or NOT_AN_ORGANISATION.search(name) else name


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _title_line_organisation(line: str) -> str | None:
    """ "Internship at Acme Lab, Tokyo, Japan", "Vision Intern in Lyon | Acme | JobBoard"."""
    tail = re.match(r"^(.*\bat\s+[^,]+),\s*(.+)$", line)
    if tail and places_in(tail.group(2)):
        line = tail.group(1)
    at = ORG_PATTERNS[3].search(line)
    if at and (name := _employer(at.group(1))):
        return name
    for part in [p.strip() for p in line.split(" | ")][1:]:
        if not normalise_place(part) and (name := _employer(part)):
            return name
    return None


def organisation_in(page: Page, lines: list[str], title_index: int | None, source: str = "") -> tuple[str, int | None]:
    """The employer, and the line that named it (None when it came from outside the lines); an
    acronym in the name is spelt out when the page spells it out ("The AIP Center" on a page that
    writes "The RIKEN Center for Advanced Intelligence Project (AIP)")."""
    name, index = _organisation(page, lines, title_index)
    acronyms = _acronyms(page, lines)
    if name == UNKNOWN_ORGANIZATION:
        known = (
            _known_acronym_written(lines, acronyms)
            or _source_domain_written(source, lines)
            or next(filter(None, (_source_domain_written(site, lines) for site in _websites_given(lines))), None)
        )
        return (known, None) if known else (name, index)
    for acronym in re.findall(r"\b[A-Z][A-Za-z]*[A-Z]\b", name):
        long_form = spelt_out(acronym, lines)
        if long_form and fold(acronym) not in fold(long_form):
            return _university_of_unit(long_form, lines, acronyms) or long_form, index
    name = _parent(acronyms.get(name, name), lines)
    return _university_of_unit(name, lines, acronyms) or name, index


UNIT = re.compile(r"^(?:The\s+)?(?:Graduate\s+)?(?:School|Faculty|Department|Division)\s+(?:of|for)\b")
"""A university's unit: "School of Physical and Mathematical Sciences", "Department of Physics"."""


def _university_of_unit(name: str, lines: list[str], acronyms: dict[str, str]) -> str | None:
    """The university a school or department belongs to, when the page names one (in full, or by
    an acronym of `organisation_acronyms`: "Students already at NTU ..."): a student names the
    university, not its school."""
    if not UNIT.match(name):
        return None
    text = "\n".join(lines)
    for acronym, full in acronyms.items():
        if re.search(r"\b(?:University|Institute)\b", full) and re.search(rf"(?<![\w@.]){re.escape(acronym)}(?!\w)", text):
            return full
    written = re.search(UNIVERSITY, text)
    return written.group(0).strip(" .") if written else None


def _source_domain_written(source: str, lines: list[str]) -> str | None:
    """The employer named by the address the posting was fetched from (https://careers.acme.com/...
    -> "Acme"), as the page writes that name; never a job board's address, and never a name the
    page does not write (a domain alone is often no name: "acmeinternships")."""
    host = re.match(r"https?://([^/:]+)", source)
    if not host:
        return None
    labels = host.group(1).lower().split(".")
    labels = labels[:-2] if len(labels) > 2 and len(labels[-1]) == 2 and labels[-2] in ("co", "ac", "com", "org") else labels[:-1]
    domain = labels[-1] if labels else ""
    if len(domain) < 3 or job_board(domain):
        return None
    # the name as written, alone or as its own address ("Acme.AI" over a website acme.ai)
    written = re.search(rf"(?<![\w@./-]){re.escape(domain)}(?=(?:\.[A-Za-z]{{2,3}})?(?![\w.-]))", "\n".join(lines), re.I)
    return _employer(written.group(0)) if written and written.group(0)[:1].isupper() else None


WEBSITE_LABEL = re.compile(r"^\W*(?:website|web\s?site|homepage|home\s+page|company\s+website)\W*$", re.IGNORECASE)
WEBSITE = re.compile(
    r"^\W*(?:(?:website|web\s?site|homepage)\W+)?((?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6})/?\W*$", re.I
)


def _websites_given(lines: list[str]) -> list[str]:
    """The employer's own website as a page gives it: "Website: acme.ai", or a label with its value on
    the next line. A board's page names the employer this way where its own address is the board's."""
    found = []
    for index, line in enumerate(lines):
        labelled = re.match(r"^\W*(?:website|web\s?site|homepage)\b", line, re.I)
        value = lines[index + 1] if WEBSITE_LABEL.match(line) and index + 1 < len(lines) else line if labelled else ""
        site = WEBSITE.match(value)
        if site:
            host = site.group(1)
            found.append(host if host.startswith("http") else f"https://{host}")
    return found


UNIVERSITY = (
    r"(?:[A-Z][\w'’.-]*\s+)*(?:University|Universit[éä]t?|College|Institute\s+of\s+Technology)(?:\s+of(?:\s+[A-Z][\w'’.-]*)+)?"
)
"""A university's name: "University of Toronto", "Carnegie Mellon University", "Imperial College London"."""


def _parent(name: str, lines: list[str]) -> str:
    """The university a unit belongs to, when the page writes them together ("the Centre for Ethics,
    University of Toronto", "the Acme Lab at the University of X"): a student names the university,
    not its centre or lab."""
    if re.search(r"\b(?:University|Universit[éä]t?|College)\b", name):
        return name
    for line in lines:
        written = re.search(rf"{re.escape(name)}\s*(?:,|\bat\b|\bof\b)\s*(?:the\s+)?({UNIVERSITY})", line)
        if written:
            return written.group(1).strip(" .")
    return name


def _acronyms(page: Page, lines: list[str]) -> dict[str, str]:
    """Research employers known by their full name, by the acronym pages write for them
    (posting_vocabulary.yaml `organisation_acronyms`), leaving out those the page's own pay places
    elsewhere: an acronym names several organisations, and a page paying in euros is no US lab's."""
    paid = {p.get("currency") for posting in page.job_postings if isinstance(p := json_ld_pay(posting), dict)}
    written = pay_in(lines)
    paid |= {written[0].get("currency")} if written else set()
    paid.discard(None)
    return {
        acronym: entry["name"]
        for acronym, entry in vocabulary()["organisation_acronyms"].items()
        if not paid or entry["pays_in"] in paid
    }


def _known_acronym_written(lines: list[str], acronyms: dict[str, str]) -> str | None:
    """The full name of a known acronym the page writes twice or more, as the acronym or in full
    ("DIPC cannot host students ... DIPC offers projects"): the employer a page names only that way; the acronym as
    written when the page's pay shows it names another organisation than the known one."""
    text = "\n".join(lines)
    table = vocabulary()["organisation_acronyms"]
    # the acronym or the full name: "PNNL's steward ... at the Pacific Northwest National Laboratory"
    counts = {
        acronym: len(re.findall(rf"(?<![\w@.]){re.escape(acronym)}(?![\w.])", text))
        + (text.count(acronyms[acronym]) if acronym in acronyms else 0)
        for acronym in table
    }
    best = max(counts, key=lambda a: counts[a], default=None)
    return acronyms.get(best, best) if best is not None and counts[best] >= 2 else None


def spelt_out(acronym: str, lines: list[str]) -> str | None:
    """The name a page gives an acronym: "Long Form Name (LFN)", where the acronym's capitals are
    initials of the name in order (RIKEN Center for Advanced Intelligence Project (AIP))."""
    for line in lines:
        # "Acme Medical Research USA, Inc. (AMRU)": the legal form may stand between name and acronym
        for match in re.finditer(
            rf"{ORG_NAME_AND}(?:,?\s+(?:Inc|LLC|Ltd|GmbH|Corp|Co|AG|S\.?A)\.?,?)?\s+\({re.escape(acronym)}\)", line
        ):
            words = re.sub(r"^The\s+", "", match.group(1)).split()
            initials = iter(w[0] for w in words if w[:1].isupper())
            if len(words) > 1 and all(letter in initials for letter in re.sub(r"[^A-Z]", "", acronym)):
                return " ".join(words)
    return None


def glued_byline(line: str) -> tuple[str, str] | None:
    """A byline whose name and place lost the space between them: "AcmeNew York, NY" -> ("Acme",
    "New York, NY"); the place is all that follows, so "Google DeepMind · London" is no such line."""
    if len(line) > 80:
        return None
    for match in re.finditer(r"(?<=[a-z])(?=[A-Z])", line):
        head, tail = line[: match.start()].strip(), line[match.start() :]
        if (
            re.fullmatch(r"[A-Z][\w&.' -]*", head)
            and re.fullmatch(r"[A-Z][A-Za-z. ]+(?:, [A-Z][A-Za-z. ]+)?", tail)
            and normalise_place(tail)
        ):
            return head, tail
    return None


def _organisation(page: Page, lines: list[str], title_index: int | None) -> tuple[str, int | None]:
    for posting in page.job_postings:
        hiring = posting.get("hiringOrganization")
        name = hiring.get("name") if isinstance(hiring, dict) else hiring
        if isinstance(name, str) and clean_organisation(name):
            return clean_organisation(name) or name, None
    for index, line in enumerate(lines):
        fact = FACT_KEY.match(line)
        if fact or re.fullmatch(r"(company|employer)", line, re.IGNORECASE) and index + 1 < len(lines):
            name = _employer(fact.group(2) if fact else lines[index + 1])
            if name:
                return name, index
    if title_index is not None:
        named = _title_line_organisation(lines[title_index])
        if named:
            return named, title_index
        byline = _byline_organisation(lines, title_index)
        if byline and not job_board(byline[0]):
            return byline
    for pattern in ORG_PATTERNS:
        for index, match in ((i, m) for i, line in enumerate(lines) for m in pattern.finditer(line)):
            acronym_first = pattern.groups == 2 and match.group(1).isupper() and len(match.group(1)) <= 6
            written = match.group(2 if acronym_first else 1)
            if not _prose_name(written) or not (name := _employer(written)):
                continue
            acronym = match.group(1 if acronym_first else 2) if pattern.groups == 2 else None
            if acronym and (_initials(name).upper() != acronym or term_catalogue().resolve(name).canonical):
                continue  # "Natural Language Processing (NLP)" is a field, not an employer
            return name, index
    if page.site_name and (name := _employer(page.site_name)):  # the name the site gives itself
        return name, None
    if page.title:
        parts = [p.strip() for p in re.split(r"\s+[-–|]\s+|\s+at\s+", page.title)]
        for part in parts[1:]:
            # "Machine Learning Intern - Software Development Jobs | Board": a board's category, no employer
            if re.search(r"\bjobs\b", part, re.IGNORECASE):
                continue
            if not normalise_place(part) and "." not in part and (name := _employer(part)):
                return name, None
    text = "\n".join(lines)
    for email in re.finditer(r"\b[\w.+-]+@(?:[\w-]+\.)*?([\w-]+)\.(?:(?:ac|co|com|or|ne|gov|edu)\.)?[a-z]{2,6}\b", text):
        domain = email.group(1)
        if domain.lower() not in ("gmail", "outlook", "yahoo", "hotmail", "mail", "email", "example") and not job_board(domain):
            written = re.search(rf"(?<![\w@.-]){re.escape(domain)}(?![\w-])", text, re.IGNORECASE)  # "Mitacs" for mitacs.ca
            return (written.group(0) if written and written.group(0)[:1].isupper() else domain.capitalize()), None
    if title_index is not None:  # "EPFL Summer Research Program": an acronym the page names again
        lead = re.match(r"^([A-Z]{3,6})\b", lines[title_index])
        if lead and _recurs(lead.group(1), lines, title_index) and not term_catalogue().resolve(lead.group(1)).canonical:
            return lead.group(1), title_index
        named = _title_lead(lines, title_index)
        if named:
            return named, title_index
    return UNKNOWN_ORGANIZATION, None


def _title_lead(lines: list[str], title_index: int) -> str | None:
    """ "Acme Research Scientist Internships, Summer 2027": the capitalised words before the job
    words open the title, when the page names them again and they are no field, place or stage."""
    lead = re.match(
        r"^((?:[A-Z][\w&*'-]*\s+){1,3}?)(?=(?:Research|Applied|Machine|Data|Software|PhD|Student|Summer|Intern)\w*\b)",
        lines[title_index],
    )
    if not lead:
        return None
    name = lead.group(1).strip()
    if not _recurs(name, lines, title_index) or term_catalogue().resolve(name).canonical or normalise_place(name):
        return None
    return _employer(name)
