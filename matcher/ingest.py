"""Drafting a posting file from a posting as published: HTML, markdown (with or without front
matter) or plain text. Offline and deterministic; every drafted qualification quotes the sentence
it came from, and what could not be placed is returned for the reviewer. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from html.parser import HTMLParser
from typing import Any

from matcher.errors import InputError, Problem, UsageError
from matcher.knowledge.degrees import parse_stage
from matcher.knowledge.places import gazetteer
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import catalogue as venue_catalogue
from matcher.models import Stage

# ----------------------------------------------------------------------------- vocabulary

REQUIRED_HEADINGS = (
    "required qualifications",
    "minimum qualifications",
    "basic qualifications",
    "required",
    "requirements",
    "what we need to see",
    "qualifications",
    "must have",
    "must haves",
    "who you are",
    "you have",
    "what you need",
    "what you'll need",
    "other requirements",
    "eligibility",
    "candidate profile",
    "what we're looking for",
    "who we're looking for",
    "minimum requirements",
    "key qualifications",
    "your profile",
    "requirements and qualifications",
    "qualifications and requirements",
    "skills and qualifications",
    "about you",
)
PREFERRED_HEADINGS = (
    "preferred qualifications",
    "preferred",
    "nice to have",
    "nice to haves",
    "desired",
    "desired qualifications",
    "bonus",
    "bonus points",
    "ways to stand out",
    "pluses",
    "plus",
    "additional qualifications",
    "it would be great if",
)
OTHER_HEADINGS = (
    "responsibilities",
    "job responsibility",
    "job responsibilities",
    "what you'll do",
    "about",
    "about the team",
    "about us",
    "benefits",
    "perks",
    "the role",
    "overview",
    "description",
    "research in cambridge",
    "how to apply",
    "industry",
    "employment type",
    "job functions",
    "seniority level",
    "job function",
    "industries",
)
PREFERRED_MARKERS = re.compile(
    r"\b(is a plus|are a plus|a strong plus|strong plus|is preferred|are preferred|preferred|desired|"
    r"desirable|nice to have|not required|is a bonus|bonus|would be great|ideally)\b",
    re.IGNORECASE,
)
APPLICATION_STEP = re.compile(
    r"\b(reference letters?|letters? of (recommendation|reference)|cover letter|transcripts?|"
    r"curriculum vitae|résumé|resume|submit|please include|your cv|a cv|attachment)\b",
    re.IGNORECASE,
)
RELOCATION = re.compile(r"\b(re-?locate|relocation|physically located|on-?site|in[- ]person|based in)\b", re.IGNORECASE)
OR_GROUP = re.compile(r"\b(or|any of|one of|such as|e\.g\.|for example|etc)\b|(?<!\bC)/(?!C\+\+)", re.IGNORECASE)
"""Words that make a list of skills alternatives; "/" too, except in C/C++."""
YEARS = re.compile(r"\b(\d+(?:\.\d+)?|one|two|three|four|five)\+?\s*(?:or more\s*)?years?\b(?:\s+of)?", re.IGNORECASE)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
STAGE_WORDS = re.compile(
    r"\b(ph\.?\s?d\.?|doctoral|doctorate|master'?s?|m\.?sc\.?|m\.?s\.|bachelor'?s?|b\.?sc\.?|b\.?s\.|"
    r"undergraduate|graduate students?|postdoc(?:toral)?)\b",
    re.IGNORECASE,
)
ENROLLED = re.compile(
    r"\b(currently (enrolled|pursuing)|enrolled in|pursuing|returning to school|current(ly)? (a )?student)\b", re.IGNORECASE
)
EXCEPTION = re.compile(r"exceptional\s+(master'?s?|bachelor'?s?|undergraduate)[^.]*considered", re.IGNORECASE)
MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
MONTH = r"(january|february|march|april|may|june|july|august|september|october|november|december)"
SKILL_STOPWORDS = frozenset(
    {
        "programming",
        "communication",
        "communication skills",
        "team player",
        "programming skills",
        "software development",
        "collaboration",
        "coding",
        "math",
        "maths",
        "cloud",
        "or",
        "ai",
        "ml",
        "dl",
        "cs",
        "os",
        "ee",
        "ce",
        "ir",
        "pl",
        "cv",
        "assembly",
        "go",
        "r",
        "c#",
        "graduate",
        "search engines",
        "spark",
        "ray",
        "node",
        "teamwork",
        "experimentation",
        "search",
        "detection",
        "architecture",
        "systems",
        "security",
        "planning",
        "control",
        "simulation",
        "audio",
        "testing",
        "storage",
        "containers",
        "shell",
        "networks",
        "networking",
        "alignment",
        "captioning",
        "summarisation",
        "tracking",
        "manipulation",
        "segmentation",
    }
)
"""Catalogue aliases too common in prose to be read as a skill on their own."""


# ----------------------------------------------------------------------------- text from markup


class _TextExtractor(HTMLParser):
    """HTML -> lines: block elements and <br> end lines, list items become "- " bullets,
    headings "## ", and scripts, styles, buttons and icons are dropped."""

    BLOCKS = {
        "p",
        "div",
        "section",
        "article",
        "ul",
        "ol",
        "table",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "footer",
        "blockquote",
        "dl",
        "dt",
        "dd",
        "br",
        "hr",
        "li",
    }
    SKIP = {"script", "style", "button", "icon", "svg", "noscript", "head", "img"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.skipping += tag not in ("img", "br")
            return
        if tag in self.BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("- ")
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b"):
            self.parts.append("\n## " if tag not in ("strong", "b") else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - (tag not in ("img", "br")))
        elif tag in self.BLOCKS or tag in ("strong", "b"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_lines(markup: str) -> list[str]:
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return _clean_lines("".join(parser.parts).split("\n"))


def _clean_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        line = " ".join(line.replace("\xa0", " ").split())
        if line and line != "##":
            out.append(line)
    return out


_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")


def markdown_to_lines(text: str) -> tuple[list[str], dict[str, str]]:
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                meta[key.strip().lower()] = value.strip().strip("\"'")
        text = text[match.end() :]
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    lines: list[str] = []
    for line in html_to_lines(text.replace("\n", "<br>")):  # markdown may hold raw HTML blocks
        heading = re.match(r"^#{1,6}\s+(.*)", line)
        lines.append(f"## {heading.group(1)}" if heading else re.sub(r"^[*+]\s+", "- ", line))
    return lines, meta


def detect_format(text: str) -> str:
    head = text[:4000].lower()
    if re.search(r"<(li|ul|br|p|div|section|strong|h[1-6])\b", head) and not text.lstrip().startswith("---"):
        return "html"
    if text.lstrip().startswith("---") or re.search(r"^#{1,6} |^\* |\]\(", text, re.MULTILINE):
        return "markdown"
    return "text"


def split_run_on(line: str) -> list[str]:
    """ "Requirements: * PhD student * Python * ..." -> the bullets, one a line."""
    pieces = re.split(r"\s+[*•▪·]\s+|\s*•\s*", line)
    return [p.strip() for p in pieces if p.strip()] if len(pieces) > 2 else [line]


# ----------------------------------------------------------------------------- sections


def _heading_of(line: str) -> str | None:
    """The section a line opens ("required", "preferred", "other"), if it is a heading. A marked
    heading ("## About the job") that names no qualifications section opens an "other" one."""
    text = re.sub(r"^#+\s*", "", line).strip().rstrip(":").strip().lower().replace("’", "'")
    text = re.sub(r"^(the )", "", text)
    if len(text) > 60:
        return None
    for section, names in (("preferred", PREFERRED_HEADINGS), ("required", REQUIRED_HEADINGS), ("other", OTHER_HEADINGS)):
        if text in names:
            return section
    return "other" if line.startswith("## ") and len(text) <= 40 else None


@dataclass
class Item:
    text: str
    section: str
    """required | preferred | none (outside any qualifications section)"""


BOILERPLATE = re.compile(
    r"equal opportunity employer|base pay range|benefits|accommodation|consideration for employment|"
    r"this list contains only|eligible for benefits",
    re.IGNORECASE,
)
LONG_PROSE = 300
"""A paragraph this long is description, not a bullet: it ends a qualifications section."""


def sectioned_items(lines: list[str]) -> list[Item]:
    items: list[Item] = []
    section = "none"
    for raw in lines:
        if BOILERPLATE.search(raw) or len(raw) > LONG_PROSE:
            section = "none" if section != "none" else section
        for line in split_run_on(raw):
            inline = re.match(r"^(##\s*)?([A-Za-z' ]{3,40}):\s+(.+)$", line)
            heading = _heading_of(line)
            if heading is not None:
                section = heading
                continue
            if inline and _heading_of(inline.group(2)) in ("required", "preferred"):
                section = _heading_of(inline.group(2)) or section
                line = inline.group(3)
            text = re.sub(r"^(##\s*|-\s*)", "", line).strip()
            if text:
                items.append(Item(text, section))
    return items


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text) if s.strip()]


# ----------------------------------------------------------------------------- qualifications


def _stages_in(text: str) -> list[Stage]:
    found: list[Stage] = []
    for word in STAGE_WORDS.findall(text):
        token = re.sub(r"[^a-z]", "", word.lower())
        stage = parse_stage(token) or {"graduatestudent": Stage.MASTERS, "graduatestudents": Stage.MASTERS}.get(token)
        if stage is not None and stage not in found:
            found.append(stage)
    return found


def _fields_after(text: str, keyword: str) -> tuple[list[str], bool]:
    """Fields named after `keyword` ("... program in CV, NLP, or a related field")."""
    match = re.search(rf"{keyword}\W+(?:[\w-]+\W+){{0,5}}?in\s+(.+?)(?:[.;]|$)", text, re.IGNORECASE)
    if not match:
        return [], False
    tail = match.group(match.lastindex or 1)
    # "in conducting research in the fields of X and Y": the fields follow the last "in".
    tail = re.split(r"\bin\s+(?:the\s+)?(?:fields?|areas?)\s+of\s+|\bresearch in\s+", tail)[-1]
    tail = re.sub(r"^(?:the\s+)?(?:fields?|areas?)\s+of\s+", "", tail)
    related = bool(re.search(r"\b(closely )?related (field|area|discipline)s?\b", tail, re.IGNORECASE))
    tail = re.split(
        r",?\s*\bor\s+(a\s+)?(closely\s+)?related\b|\bas demonstrated\b|\bthrough\b|\bwith\b|\bwho\b",
        tail,
        flags=re.IGNORECASE,
    )[0]
    parts = [p.strip(" ,") for p in re.split(r",|\bor\b|\band\b|/", tail) if p and p.strip(" ,")]
    terms = term_catalogue()
    fields = [terms.resolve(p).canonical or p.lower() for p in parts if len(p) < 40 and terms.resolve(p).canonical]
    return list(dict.fromkeys(fields)), related


def venues_in(text: str) -> list[str]:
    """Venues a sentence names: acronyms (NeurIPS, ICML) and full names of three words or more,
    written with capitals, so "machine learning" in prose is not the journal Machine Learning."""
    catalogue = venue_catalogue()
    found: list[str] = []
    for piece in re.split(r"[,;()/]|\be\.g\.|\bsuch as\b|\band\b|\bor\b|\betc\b", text):
        whole = piece.strip(" .:")
        named = [whole] if len(whole.split()) >= 3 and whole[:1].isupper() else []
        words = re.findall(r"\b[A-Z][A-Za-z]{2,}\b", piece)
        for candidate in named + words:
            resolved = catalogue.resolve(candidate)
            acronym = resolved.venue.acronym if resolved.venue is not None else ""
            if (
                candidate in words
                and sum(ch.isupper() for ch in candidate) < 2
                and not (sum(ch.isupper() for ch in acronym) >= 2 and not acronym.isupper())
            ):
                continue  # "Health", "Science": a capitalised word names a venue only if it is NeurIPS-like
            if resolved.venue is not None and resolved.how in ("exact", "alias") and resolved.venue.acronym not in found:
                if resolved.venue.type != "preprint" and resolved.venue.acronym.upper() != "AI":
                    found.append(resolved.venue.acronym)
    return found


def skills_in(text: str) -> list[str]:
    """Catalogue skills named in a sentence, longest phrases first, by exact name or alias."""
    terms = term_catalogue()
    # "/" and punctuation separate tokens that no phrase may span: "few-shot learning/meta-learning"
    # gives "few-shot learning" and "meta-learning"; "C/C++" gives "C" and "C++".
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9+#\-]*|[/,;:()]", text)
    found: list[tuple[int, str]] = []
    canonicals: set[str] = set()
    used: set[int] = set()
    for size in (4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            words = tokens[start : start + size]
            if used & span or any(not w[0].isalpha() for w in words):
                continue
            phrase = " ".join(words)
            resolved = terms.resolve(phrase)
            known = resolved.how in ("exact", "alias") and resolved.canonical is not None
            if not known or fold(phrase) in SKILL_STOPWORDS or (len(fold(phrase)) < 2 and phrase not in ("C", "R")):
                continue
            if resolved.canonical not in canonicals:
                canonicals.add(resolved.canonical)  # type: ignore[arg-type]
                found.append((start, phrase))
            used |= span
    return [phrase for _, phrase in sorted(found)]


def qualifications_from(text: str, places: list[str]) -> list[dict[str, Any]]:
    """Qualifications one requirement sentence asks for; a text qualification when nothing else."""
    quals: list[dict[str, Any]] = []
    stages = _stages_in(text)
    if stages and re.search(r"\b(program|degree|pursuing|enrolled|student|candidate|ph\.?d|master)", text, re.IGNORECASE):
        degree: dict[str, Any] = {"stage": [s.label for s in sorted(stages)]}
        fields, related = _fields_after(text, r"(program|degree|pursuing|ph\.?d\.?)")
        if fields:
            degree["fields"] = fields
        if related:
            degree["related_fields"] = True
        if ENROLLED.search(text) or "enrolled" in text.lower():
            degree["enrolled"] = True
        exception = EXCEPTION.search(text)
        if exception and len(stages) > 1:
            main = {**degree, "stage": [sorted(stages)[-1].label]}
            other: dict[str, Any] = {"stage": [s.label for s in sorted(stages)[:-1]]}
            if degree.get("enrolled"):
                other["enrolled"] = True
            alternative: dict[str, Any] = {"degree": other}
            if "research" in exception.group(0).lower():
                alternative = {"all_of": [{"degree": other}, {"research_experience": {}}]}
            quals.append({"any_of": [{"degree": main}, alternative]})
        else:
            quals.append({"degree": degree})
    if (
        re.search(
            r"research experience|experience (in )?conducting research|research (or|and) engineering|conducting research",
            text,
            re.IGNORECASE,
        )
        and not stages
    ):
        research: dict[str, Any] = {}
        years = YEARS.search(text)
        if years:
            value = years.group(1).lower()
            research["min_years"] = float(NUMBER_WORDS.get(value, value))
        fields, _ = _fields_after(text, "experience")
        if fields:
            research["fields"] = fields
        quals.append({"research_experience": research})
    venues = venues_in(text)
    if venues:
        quals.append({"publications": {"venues": venues, "min": 1}})
    elif re.search(r"\b(publications?|papers?|published)\b", text, re.IGNORECASE) and re.search(
        r"\b(track record|publish|publications? in|papers? (at|in)|writing papers|authored)\b", text, re.IGNORECASE
    ):
        areas = _areas_in(text)
        quals.append({"publications": {"areas": areas, "min": 1} if areas else {"min": 1}})
    if RELOCATION.search(text):
        named = _places_in(text) or list(places)
        if named:
            quals.append({"location": {"on_site": named}})
    if not quals:
        skills = skills_in(text)
        if skills:
            mode = "any" if OR_GROUP.search(text) and len(skills) > 1 or re.search(r"such as|e\.g\.|etc", text) else "all"
            quals.append({"skills": {mode: skills}})
    if not quals:
        quals.append({"text": text})
    for q in quals:
        q["quote"] = text
    return quals


def _areas_in(text: str) -> list[str]:
    """Publication areas a sentence names in words ("within machine learning and/or healthcare")."""
    catalogue = venue_catalogue()
    terms = term_catalogue()
    found = []
    for area, label in catalogue.area_labels.items():
        for word in terms.expand([label]):
            canonical = terms.resolve(word).canonical or word
            spellings = {canonical, word} | {a for a, c in terms.canonical_of.items() if c == canonical and len(a) > 3}
            if any(re.search(rf"\b{re.escape(s)}\b", fold(text)) for s in spellings) and area not in found:
                found.append(area)
    return found


def _places_in(text: str) -> list[str]:
    places = gazetteer()
    found = []
    for match in re.finditer(r"\b(?:to|in|at) (?:the )?([A-Z][A-Za-z. ]+(?:, [A-Z][A-Za-z. ]+)*)", text):
        candidate = match.group(1).strip(" .")
        parsed = places.parse(candidate)
        if parsed.regions:
            found.append(candidate)
    return found


# ----------------------------------------------------------------------------- metadata


def _date_in(text: str) -> date | None:
    iso = re.search(r"\b(20\d\d)-(\d\d)-(\d\d)\b", text)
    if iso:
        return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    dmy = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}\s+(20\d\d)\b", text, re.IGNORECASE)
    if dmy:
        return date(int(dmy.group(3)), MONTHS[dmy.group(2).lower()], int(dmy.group(1)))
    mdy = re.search(rf"\b{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(20\d\d)\b", text, re.IGNORECASE)
    if mdy:
        return date(int(mdy.group(3)), MONTHS[mdy.group(1).lower()], int(mdy.group(2)))
    return None


UNKNOWN_ORGANIZATION = "(organisation not found: fill in)"


def _metadata(lines: list[str], meta: dict[str, str], text: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    joined = "\n".join(lines)
    title = (
        meta.get("title")
        or next((ln[3:] for ln in lines if ln.startswith("## ") and len(ln) < 100), None)
        or next((ln for ln in lines[:5] if len(ln) < 100 and "intern" in ln.lower()), None)
    )
    if title is None:
        named = re.search(r"\b(Research Intern|[A-Z][A-Za-z]+ Intern)\b(?: in ([^.,]{3,60}))?", joined)
        title = (named.group(1) + (f", {named.group(2)}" if named.group(2) else "")) if named else lines[0][:100]
    out["title"] = title
    org = (
        re.search(r"\b([A-Z][A-Za-z&.]+(?: [A-Z][A-Za-z&.]+){0,3}) is an equal opportunity employer", joined)
        or re.search(r"\bInternships? at ([A-Z][A-Za-z&.]+(?: [A-Z][A-Za-z&.]+){0,2})", joined)
        or re.search(r"^[^.\n]{0,80}\bIntern\b[^.\n]*? at ([A-Z][A-Za-z&.-]+(?: [A-Z][A-Za-z&.-]+){0,3})", joined)
        or re.search(
            r"\bat (Microsoft Research|Google DeepMind|Google Research|Meta|Microsoft|Google|Apple|Amazon|NVIDIA|IBM Research)\b",
            joined,
        )
    )
    out["organization"] = (
        org.group(1) if org else (lines[1] if len(lines) > 2 and len(lines[1].split()) <= 4 else UNKNOWN_ORGANIZATION)
    )
    places: list[str] = []
    located = re.search(r"^\s*Location:\s*(.+)$", joined, re.IGNORECASE | re.MULTILINE)
    if located:
        places = [located.group(1).strip()]
    else:
        for line in lines[:6]:
            # "Google DeepMind · London, UK · Mountain View, CA, USA": the parts that are places.
            parts = [p.strip() for p in re.split(r"\s+[·|•]\s+", line)]
            found = [p for p in parts if len(p) < 60 and gazetteer().parse(p).city and gazetteer().parse(p).regions]
            if found:
                places = found
                break
        if not places:  # "Research Intern at Acme (Zurich, Switzerland)"
            head = " ".join(lines[:3])[:400]
            for candidate in re.findall(r"\(([^()]{3,60})\)", head):
                parsed = gazetteer().parse(candidate)
                if parsed.city and parsed.regions:
                    places.append(candidate)
        if not places:
            labs = re.findall(r"\b([A-Z][a-z]+) lab\b", joined)
            places = [lab for lab in dict.fromkeys(labs) if lab not in ("Research",)]
    if places:
        out["location"] = places
    deadline_line = next((ln for ln in lines if re.search(r"deadline|apply by|applications close", ln, re.IGNORECASE)), None)
    if deadline_line and _date_in(deadline_line):
        out["deadline"] = _date_in(deadline_line).isoformat()  # type: ignore[union-attr]
    start = re.search(rf"start(?:ing)?(?: date)?:?\s*{MONTH}\b(?:/\w+)?\s*(20\d\d)", joined, re.IGNORECASE)
    if start:
        out["start"] = f"{start.group(2)}-{MONTHS[start.group(1).lower()]:02d}"
    weeks = re.search(r"\b(\d{1,2})[- ]weeks?\b", joined, re.IGNORECASE)
    if weeks:
        out["duration_weeks"] = int(weeks.group(1))
    pay = re.search(
        r"\b(USD|GBP|EUR|CAD)?\s*[$£€](\d[\d,]*)\s*(?:-|–|to)\s*[$£€]?(\d[\d,]*)\s*(?:per|/)\s*(month|year|hour|week)",
        joined,
        re.IGNORECASE,
    )
    if pay:
        currency = pay.group(1) or {"$": "USD", "£": "GBP", "€": "EUR"}.get(joined[pay.start(2) - 1], None)
        out["pay"] = {
            "min": int(pay.group(2).replace(",", "")),
            "max": int(pay.group(3).replace(",", "")),
            "currency": currency.upper() if currency else None,
            "per": pay.group(4).lower(),
        }
    return out


def _topics(text: str, limit: int = 6) -> list[str]:
    """The research areas the posting talks about most: catalogue fields and skills it names."""
    counts: dict[str, int] = {}
    for term in skills_in(text):
        canonical = term_catalogue().resolve(term).canonical
        if canonical and canonical not in ("python", "c", "c++", "programming"):
            counts[canonical] = counts.get(canonical, 0) + 1
    return [t for t, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:limit]


# ----------------------------------------------------------------------------- the draft


@dataclass
class Draft:
    posting: dict[str, Any]
    unplaced: list[str] = field(default_factory=list)
    """Lines of the source the tool could not place: the reviewer's checklist."""
    application_steps: list[str] = field(default_factory=list)


ASKING = re.compile(
    r"\b(experience (with|in)|skills in|proficien\w*|knowledge of|familiarity with|background in)\b", re.IGNORECASE
)


def _asks(sentence: str) -> bool:
    """Outside any qualifications section, whether a sentence reads as asking for something."""
    return bool(
        _stages_in(sentence)
        and re.search(r"enrolled|pursuing|program", sentence, re.IGNORECASE)
        or venues_in(sentence)
        or ASKING.search(sentence)
        or (re.search(r"\b(required|must|need(ed)?)\b", sentence, re.IGNORECASE) and skills_in(sentence))
        or PREFERRED_MARKERS.search(sentence)
    )


POSTING_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
"""What `ingest --id` accepts, since the id names the file written (docs/FORMATS.md): ASCII
letters, digits, `.`, `_` and `-`, beginning with a letter or digit, at most 100 characters; so
no `/`, no `..` on its own, nothing absolute, nothing hidden."""


def checked_posting_id(posting_id: str) -> str:
    """`posting_id` if it is a safe file name (POSTING_ID), else a UsageError saying why."""
    if not POSTING_ID.fullmatch(posting_id):
        raise UsageError(
            f"--id: '{posting_id}' is not a posting id: use letters, digits, '.', '_' and '-', "
            "beginning with a letter or digit (at most 100 characters)"
        )
    return posting_id


def slug(text: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", fold(text))).strip("-")[:60] or "posting"


def draft_posting(text: str, source: str, posting_id: str | None = None) -> Draft:
    """A draft posting (the FORMATS.md mapping) from a published posting's text."""
    if posting_id is not None:
        checked_posting_id(posting_id)
    kind = detect_format(text)
    meta: dict[str, str] = {}
    if kind == "html":
        lines = html_to_lines(text)
    elif kind == "markdown":
        lines, meta = markdown_to_lines(text)
    else:
        lines = _clean_lines(text.splitlines())
    if not lines:
        raise InputError(Problem(source, "holds no text; there is no posting to draft"))
    posting: dict[str, Any] = {"id": "", **_metadata(lines, meta, text)}
    posting["id"] = posting_id or slug(f"{posting.get('organization', '')} {posting['title']}")
    posting["source"] = source
    items = sectioned_items(lines)
    places = posting.get("location", [])
    required: list[dict[str, Any]] = []
    preferred: list[dict[str, Any]] = []
    draft = Draft(posting)
    placed = any(i.section in ("required", "preferred") for i in items)
    for item in items:
        if item.section in ("other",) or (item.section == "none" and placed):
            # Under a heading the tool does not know ("Who you are"), what reads as an ask is
            # listed for the reviewer rather than dropped; "About us" prose is not.
            if item.section == "none" or any(_asks(s) for s in sentences(item.text)):
                draft.unplaced.append(item.text)
            continue
        candidates = [item.text] if item.section != "none" else [s for s in sentences(item.text) if _asks(s)]
        for sentence in candidates:
            if APPLICATION_STEP.search(sentence) and not _stages_in(sentence):
                draft.application_steps.append(sentence)
                continue
            quals = qualifications_from(sentence, places)
            target = preferred if item.section == "preferred" or PREFERRED_MARKERS.search(sentence) else required
            target.extend(quals)
        if item.section == "none" and not candidates:
            draft.unplaced.append(item.text)
    asked = " ".join(i.text for i in items if i.section in ("required", "preferred")) or text
    topics = _topics(f"{posting['title']}. {asked}")
    if topics:
        posting["topics"] = topics
    posting["required"] = required
    posting["preferred"] = preferred
    return draft
