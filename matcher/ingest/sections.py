"""Which section each line of a posting is in: required or preferred qualifications, or one of the
sections that ask for nothing (responsibilities, about, benefits, compensation, equal opportunity,
how to apply, facts). Headings are recognised in their many variants (posting_headings.yaml),
whatever their case, punctuation or markup, on their own line or run into a paragraph."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from matcher.ingest.source_lines import SourceLine
from matcher.knowledge import read_data_file

QUALIFICATION_SECTIONS = ("required", "preferred")
UNKNOWN = "unknown"
"""Under a heading no family names: read sentence by sentence for what is asked."""
NO_HEADING = "none"
"""Before any heading."""


@dataclass(frozen=True, slots=True)
class HeadingFamily:
    name: str
    phrases: frozenset[str]
    words: re.Pattern[str] | None


@cache
def heading_families() -> tuple[HeadingFamily, ...]:
    """The families of posting_headings.yaml, in the order their `words` are tried."""
    families = []
    for name, entry in read_data_file("posting_headings.yaml").items():
        words = [re.escape(w) for w in sorted(entry.get("words") or (), key=len, reverse=True)]
        pattern = re.compile(r"\b(?:" + "|".join(words) + ")") if words else None
        families.append(HeadingFamily(name, frozenset(map(heading_key, entry.get("phrases") or ())), pattern))
    return tuple(families)


def heading_key(text: str) -> str:
    """A heading as compared: lower case, no markup, no closing colon, "’" as "'"."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"[#*_`>|]+", " ", text)
    text = re.sub(r"^\s*(?:-\s+)?(?:\d+[.)]\s*)?", "", text)
    text = re.sub(r"[\s:.!?–—-]+$", "", text)
    return " ".join(text.split())


def classify_heading(text: str) -> str | None:
    """The family a heading names ("preferred", "required", "benefits", ...), or None."""
    key = heading_key(text)
    if not key or len(key) > 120:
        return None
    for family in heading_families():
        if key in family.phrases:
            return family.name
    for family in heading_families():
        if family.words is not None and family.words.search(key):
            return family.name
    return None


MAX_HEADING_WORDS = 12


def section_of_heading(line: SourceLine | str) -> str | None:
    """The section a line opens if it is a heading, else None. A heading in markup opens a section
    even when no family names it (UNKNOWN); a plain line is a heading only when it is short and is,
    or ends with a colon after, words a family names."""
    text = line.text if isinstance(line, SourceLine) else line
    marked = isinstance(line, SourceLine) and line.marked_heading
    if text.startswith("- ") and not text.rstrip().endswith(":"):
        return None
    words = heading_key(text).split()
    if not words or len(words) > MAX_HEADING_WORDS or (not marked and re.search(r"[.;]\s*$", text)):
        return None
    family = classify_heading(text)
    if marked:
        return family or UNKNOWN
    exact = any(heading_key(text) in f.phrases for f in heading_families())
    if exact or (family is not None and text.rstrip().endswith(":") and len(words) <= MAX_HEADING_WORDS):
        return family
    return None


@dataclass(frozen=True, slots=True)
class Piece:
    """One item of the posting in its section: a line, a bullet, or a bullet run into a line."""

    number: int
    """The source line it is on."""
    text: str
    section: str
    """required | preferred | a non-qualification family | unknown | none"""
    bullet: bool = False
    """Whether it is a list item (a bullet, or a bullet run into a line), not a paragraph."""


BOILERPLATE = {
    "equal_opportunity": re.compile(
        r"equal (employment )?opportunity|without regard to (race|age|sex)|reasonable accommodation|"
        r"consideration for employment|protected (veteran|characteristic)",
        re.IGNORECASE,
    ),
    "compensation": re.compile(
        r"base pay range|pay range|salary range|eligible for benefits|benefits and other compensation", re.I
    ),
}
"""Paragraphs that are their section wherever they stand (an EEO line at the end of a list)."""

RUN_ON_BULLET = re.compile(r"\s+[*•▪◦·]\s+|\s*•\s*")


def split_run_on(text: str) -> list[str]:
    """ "Requirements: * PhD student * Python * ..." -> the bullets, one a piece."""
    pieces = RUN_ON_BULLET.split(text)
    return [p.strip() for p in pieces if p.strip()] if len(pieces) > 2 else [text]


@cache
def _inline_headings() -> re.Pattern[str]:
    """Headings of two words or more, longest first, as they may be run into a paragraph."""
    phrases = sorted(
        (p for f in heading_families() for p in f.phrases if f.name != "facts"),
        key=len,
        reverse=True,
    )
    body = "|".join(re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]") for p in phrases)
    return re.compile(rf"(?:^|(?<=\s))({body})(?:\s*:\s*|\s+(?=(?-i:[A-Z*]))|$)", re.I)


LEAD_IN = re.compile(
    r"\b(?:the )?following (?:qualifications|requirements|skills|criteria)\s*:\s*(?=\S)|\bqualifications are\s*:\s*(?=\S)", re.I
)
"""A sentence that introduces the list run on after it: "We are looking for people with the
following qualifications: Currently enrolled ..."."""


ITEM_CANNOT_END = re.compile(
    r"\b(?:the|a|an|of|to|for|in|at|on|with|by|from|and|or|our|your|their|its|this|that|if|when|unless|whether)$", re.I
)
"""No item ends on a determiner, preposition or conjunction: in "send transcripts to the Education
Program Office" the capitalised "Education" is a name's first word, and in "If You Have a BS
Degree" "You Have" is a clause, not a heading run into the text."""


def _split_inline(text: str) -> list[str]:
    """A paragraph with headings run into it ("... or similar. Preferred qualifications: * ...",
    "... skills Key Qualifications Preferred Qualifications Plus: ...") -> its parts. A heading
    counts where a sentence ended before it, a colon follows it, or it is written in Title Case."""
    parts: list[str] = []
    lead_in = LEAD_IN.search(text)
    if lead_in:  # the lead-in is said; what follows it is the list it announces
        parts += [text[: lead_in.end()].strip(), "Requirements:"]
        text = text[lead_in.end() :]
    last = 0
    for match in _inline_headings().finditer(text):
        before = text[: match.start()].rstrip()
        title_case = all(w[:1].isupper() for w in match.group(1).split() if w.lower() not in ("and", "to", "the", "of"))
        single = len(match.group(1).split()) == 1
        if ITEM_CANNOT_END.search(before):
            continue  # "to the Education Program Office", "If You Have a BS degree": words of a sentence
        if single and not (title_case and re.search(r"[a-z]$", before) and re.match(r"\s+[A-Z]", text[match.end(1) :])):
            continue  # one word ("Preferred", "Description") is a heading only between run-on items
        if before and not re.search(r"[.!?:)]$", before) and not match.group(0).rstrip().endswith(":") and not title_case:
            continue
        parts += [text[last : match.start()].strip(), match.group(1) + ":"]
        last = match.end()
    parts.append(text[last:].strip())
    return [p for p in parts if p]


INLINE_HEAD = re.compile(r"^(?:-\s*)?([A-Za-z][A-Za-z'’ &/]{1,50}?)\s*:\s+(.+)$")


def pieces_of(lines: list[SourceLine]) -> list[Piece]:
    """Every item of the posting in its section; headings decide sections and are not items."""
    pieces: list[Piece] = []
    section = NO_HEADING
    heading_only = False  # no item since the last heading
    for line in lines:
        fragments = [f for bullet in split_run_on(line.text) for f in _split_inline(bullet)]
        for index, fragment in enumerate(fragments):
            probe = line if len(fragments) == 1 else SourceLine(line.number, fragment, index == 0 and line.marked_heading)
            opened = section_of_heading(probe)
            if opened is not None:
                if not (heading_only and section in QUALIFICATION_SECTIONS and _sub_heading(fragment, opened)):
                    section = opened
                heading_only = True
                continue
            heading_only = False
            inline = INLINE_HEAD.match(fragment)
            family = classify_heading(inline.group(1)) if inline else None
            own = section
            if inline and family in QUALIFICATION_SECTIONS:
                fragment = inline.group(2)
                own = family
                # a bullet labelled with its own content ("- Preferred: exams complete", nested under a
                # required item) is that item's section only; a label in a run-on paragraph ("...
                # Preferred qualifications: * ...", "Plus: Experience in ...") opens a section
                if not (len(fragments) == 1 and line.text.startswith("- ")):
                    section = family
            boilerplate = next((name for name, pattern in BOILERPLATE.items() if pattern.search(fragment)), None)
            if boilerplate and section in (*QUALIFICATION_SECTIONS, NO_HEADING, UNKNOWN):
                section = own = boilerplate
            text = re.sub(r"^-\s*", "", fragment).strip()
            if text:
                pieces.append(Piece(line.number, text, own, fragment.startswith("- ") or len(fragments) > 1))
    return _required_before_preferred(pieces)


def _sub_heading(text: str, opened: str) -> bool:
    """A heading right under a qualifications heading that only a word of another family names
    introduces that list ("Qualifications" / "Qualities that will help you thrive in this role are:"),
    it does not close it."""
    return opened not in QUALIFICATION_SECTIONS and not any(heading_key(text) in f.phrases for f in heading_families())


UNHEADED_ASKING = ("about", NO_HEADING, UNKNOWN)
"""Sections whose items just before a "Preferred qualifications" heading are the required list that
lost its own heading (Amazon's "Basic qualifications" dropped by a board, or run on after a summary)."""


def _required_before_preferred(pieces: list[Piece]) -> list[Piece]:
    """The run of adjacent lines right before a preferred section opens, when no heading of their own
    gave them a qualification section, is what is required: "- Enrolled in a PhD ... - Preferred
    qualifications: - Publications ..."."""
    out = list(pieces)
    for index, piece in enumerate(out):
        if piece.section != "preferred" or (index and out[index - 1].section == "preferred"):
            continue
        line = piece.number - 1  # the heading's line
        back = index - 1
        while back >= 0 and out[back].section in UNHEADED_ASKING and line - out[back].number <= 1:
            line = out[back].number
            out[back] = Piece(out[back].number, out[back].text, "required", out[back].bullet)
            back -= 1
    return out
