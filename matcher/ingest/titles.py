"""The posting's title: the line near the top that names the job, without the decorations job
boards add to it ("Urgent! ...", "... | Acme | Board", "Munich: ...", a place after it that a
heading just below leaves out), or the page title's part that names the job."""

from __future__ import annotations

import re

from matcher.ingest.metadata import normalise_place
from matcher.ingest.sections import classify_heading
from matcher.ingest.source_lines import Page, SourceLine
from matcher.knowledge.text import fold

JOB_WORDS = re.compile(
    r"\b(intern(?:ship)?s?|student researchers?|researchers?|scientists?|engineers?|fellowships?|programmes?|programs?|"
    r"scholarships?|residency|traineeships?|placements?|positions?)\b",
    re.IGNORECASE,
)
"""Words a title names a job or a programme by ("Research Intern", "Summer Research Program")."""
TOP_LINES = 8
"""Where the title is looked for: boards put a banner or a short pitch above it."""
MAX_TITLE = 150


def _could_be_title(line: SourceLine) -> bool:
    text = line.text
    return (
        len(text) < MAX_TITLE
        and classify_heading(text) is None
        and not text.rstrip().endswith("?")  # "Why PlayStation?": a section of the pitch
        and not re.search(r"\b(apply|posted)\b|^by\s", text, re.IGNORECASE)
        and not SECTION_NAME.search(text.strip())
    )


SECTION_NAME = re.compile(
    r":$|:\s*(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d)"
    r"|^(?:what|why|how|who|where|when|which)\b|^-\s",
    re.IGNORECASE,
)
"""Lines that name a part of a page, not the posting: a label over what follows ("Structure of the
program:"), a label with its value ("Internship dates: June 1, 2026", "Time commitment: 520 hours"),
a question-word heading ("What the role actually involves") and a list item. "Munich: Intern ..."
stays a title (a name, not a number or date, after its colon)."""


def title_index(lines: list[SourceLine]) -> int | None:
    """The line that names the job: a heading naming a job; failing that, a short line naming one;
    failing that, the first heading that is not a section's, or the first line."""
    top = [(i, line) for i, line in enumerate(lines[:TOP_LINES]) if _could_be_title(line)]
    headings = [(i, line) for i, line in top if line.marked_heading]
    for index, line in headings:
        if JOB_WORDS.search(line.text):
            return index
    for index, line in top:
        if JOB_WORDS.search(line.text) and not re.search(r"[.!]\s*$", line.text):
            return index
    if headings:
        return headings[0][0]
    return 0 if lines and _could_be_title(lines[0]) else None


def page_title_part(page: Page) -> str | None:
    """The part of a page's <title> or front-matter title that names the job."""
    if not page.title:
        return None
    parts = [p.strip() for p in re.split(r"\s+[|–—-]\s+", page.title) if p.strip()]
    return next((p for p in parts if JOB_WORDS.search(p)), None)


def clean_title(text: str, lines: list[SourceLine], index: int | None) -> str:
    """A title without its board's decorations."""
    text = re.sub(r"^-\s+", "", text).split(" | ")[0].strip()
    text = re.sub(r"^[A-Z][a-z]+!\s+", "", text)  # "Urgent! ...", "New! ..."
    place_first = re.match(r"^([^:]{2,40}?)\s*(?::|\s[-–]\s)\s*(.+)$", text)
    if place_first and normalise_place(place_first.group(1)):  # "München: Intern ...", "Munich - Intern ..."
        text = place_first.group(2)
    if index is not None:  # "Hardware Intern in Cambridge" then "Hardware Intern": the plain one
        for line in lines[index + 1 : index + 4]:
            plain = line.text.strip()
            if len(plain) >= 8 and plain != text and fold(plain) in fold(text) and JOB_WORDS.search(plain):
                return plain
    return text[:MAX_TITLE]


def reads_as_prose(title: str) -> bool:
    """Whether a would-be title is a sentence or more of prose ("Acme is a technology company. We
    believe ..."): a title is a name, not a claim."""
    return len(title.split()) > 15 or bool(re.search(r"[.!?]\s+[A-Z]|\.$", title.strip()))


HIRED_AS = re.compile(
    r"\b(?:looking for|seeking|hiring|recruiting)\s+(?:an?\s+|one\s+)?"
    r"((?:[A-Z0-9][\w&/+-]*)(?:\s+(?:[A-Z0-9][\w&/+-]*|in|of|for|and|on|&))*)"
)
"""The job a hiring sentence names in capitals: "We are looking for a Research Engineering Intern to join"."""


def hired_as(lines: list[str]) -> str | None:
    """The job the page's first hiring sentence names, when it is written as a title ("... is looking
    for a Working Student in Computer Vision to join ..."): the page's title where it has none."""
    for line in lines[:TOP_LINES]:
        for match in HIRED_AS.finditer(line):
            name = re.sub(r"\s+(?:in|of|for|and|on|&)$", "", match.group(1))
            if JOB_WORDS.search(name) or re.search(r"\bStudent\b", name):
                return name
    return None
