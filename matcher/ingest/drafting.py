"""A draft posting file from a posting as published, and an account of every line: placed in the
draft (a qualification with its quote, an application step, or a fact such as the deadline), or
listed for the reviewer with its line number. Pure: text in, draft out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import matcher.ingest.dates as dates
import matcher.ingest.metadata as metadata
import matcher.ingest.organisation as organisation
import matcher.ingest.page_places as page_places
import matcher.ingest.titles as titles
from matcher.display_text import visible
from matcher.errors import InputError, Problem, UsageError
from matcher.ingest.degree_phrases import (
    ANY_STAGE,
    HEDGED,
    OUTSIDE,
    asks_for_a_degree,
    board_degree,
    degree_qualification,
    one_degree,
    stages_answered_no,
    stages_in,
    turns_away,
)
from matcher.ingest.open_calls import beyond_stages, other_group, with_other_group
from matcher.ingest.qualification_phrases import (
    available_weeks,
    experience_instead,
    qualifications_from,
    requires_presence,
    skills_in,
    waived,
)
from matcher.ingest.sections import NO_HEADING, QUALIFICATION_SECTIONS, UNKNOWN, Piece, pieces_of
from matcher.ingest.source_lines import Page, read_page
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import Stage

PREFERRED_MARKERS = re.compile(
    r"\b(is a plus|are a plus|an? (?:big |strong |great |huge )?plus|is preferred|are preferred|preferred|desired|desirable|"
    r"nice to have|not required|not mandatory|is a bonus|bonus|would be great|ideally|(?:a |strong )?advantage|advantageous|"
    r"we also appreciate)\b",
    re.IGNORECASE,
)
"""Words that make one item preferred wherever it stands ("Experience with Rust is a plus")."""
APPLICATION_STEP = re.compile(
    r"\b(reference letters?|recommendation letters?|letters? of (recommendation|reference)|"
    r"recommendations? (?:does|do|must|should)|referees?|cover letter|transcripts?|curriculum vitae|résumé|resume|"
    r"submit|please include|your cv|a cv|attachment|statement of (motivation|purpose)|research proposal|"
    # "The application form is here and should be sent in to ...": how to apply, not what is asked
    r"application (?:form|portal|package|materials)|(?:should|must|can) be (?:sent|e-?mailed|uploaded))\b",
    re.IGNORECASE,
)
ASKING = re.compile(
    r"\b(experience (with|in)|expertise (with|in)|skills in|proficien\w*|knowledge of|familiarity with|background in|"
    r"you (have|are|should)|candidates? (should|must)|must (be|have)|should (be|have)|required|requirements?|call for|"
    r"eligible|limited to|open to)\b",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])(?<!\be\.g\.)(?<!\bi\.e\.)(?<![A-Z]\.[A-Z]\.)(?<!Ph\.D\.)(?<!\bPh\.)\s+(?=[A-Z(])")
"""A sentence ends at a stop before a capital, but not at "e.g." or "i.e." ("(e.g. Python, Java)"),
nor at initials ("U.S. Citizens", "Ph.D. Students", "Ph. D. degree")."""
ITEM_OPENERS = (
    "Experience|Expertise|Strong|Knowledge|Proficiency|Proficient|Ability|Able|Excellent|Deep|Solid|Familiarity|Familiar|"
    "Fluency|Fluent|Creative|Passionate|Demonstrable|Demonstrated|Hands-on|Publication|Publications|Currently|Good|"
    "In-depth|Domain|Understanding|Prior|Previous|Background|Track|Must|Enrolled|Pursuing|Master|Bachelor|PhD|Ph\\.D|Comfort|"
    "Self-motivated|Outstanding|Proven|Working|Written|Effective|Great"
)
"""How qualification items begin, for pages that run a list into one paragraph without bullets
("... machine learning (ML) Expertise in one or more ... Strong publication record ...": Apple's
"Key Qualifications" as job boards flatten them)."""
RUN_ON_ITEM = re.compile(rf"(?<=\s)(?=(?:{ITEM_OPENERS})\b)")
LINKING_WORDS = frozenset("a an the and or nor of in on for with to as by from at your their any through thru until".split())
"""A word after these continues the item ("Bachelor's, Master's, or PhD", "Bachelor's through PhD")."""
RUN_ON_LENGTH = 150
"""An item this long with no sentence ends may be several items run together."""
EXCEPTION_CLAUSE = re.compile(r"^(exceptional|outstanding)\b.*\bconsidered\b", re.IGNORECASE)


@dataclass
class Draft:
    """A drafted posting and the reviewer's account of the source."""

    posting: dict[str, Any]
    unplaced: list[str] = field(default_factory=list)
    """Lines of the source not placed in the draft, as "line N: text [section]": the checklist."""
    application_steps: list[str] = field(default_factory=list)
    lines_total: int = 0
    """Lines of the posting's text (headings aside: they only decide sections)."""
    lines_placed: int = 0
    work_mode: str | None = None
    """remote | hybrid | None; "Remote" is also a place in `location`."""

    @property
    def summary(self) -> str:
        """What stderr says: "placed 23 of 27 lines; 4 left for review (see the end of the draft)"."""
        left = self.lines_total - self.lines_placed
        tail = f"; {left} left for review (see the end of the draft)" if left else "; nothing left for review"
        return f"placed {self.lines_placed} of {self.lines_total} lines{tail}"


def sentences(text: str, run_on: bool = False) -> list[str]:
    """Sentences of an item; an "Exceptional Masters students ... considered" stays with the
    sentence before it, whose alternative it is. With `run_on`, a long sentence is also split
    where a new qualification item begins."""
    out: list[str] = []
    pieces = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    if run_on:
        pieces = [p for s in pieces for p in _run_on_items(s, brackets_only=len(s) <= RUN_ON_LENGTH)]
    for sentence in pieces:
        if out and EXCEPTION_CLAUSE.match(sentence):
            out[-1] = f"{out[-1]} {sentence}"
        else:
            out.append(sentence)
    return out


def _run_on_items(sentence: str, brackets_only: bool = False) -> list[str]:
    """Split where an item opener follows a word in lower case or a closing bracket ("(ML)
    Expertise", "C++ Knowledge"), not inside a name ("Natural Language Understanding"). A short
    sentence is split only after a closing bracket ("(Go, Rust, etc.) Excellent statistics skills"):
    a word in lower case before a capital ("pursuing PhD") is common inside one item."""
    items: list[str] = []
    last = 0
    shape = r".*\)$" if brackets_only else r"^[a-z]|.*[)+]$"
    for match in RUN_ON_ITEM.finditer(sentence):
        previous = sentence[: match.start()].split()[-1:] or [""]
        if re.match(shape, previous[0]) and previous[0].lower() not in LINKING_WORDS:
            items.append(sentence[last : match.start()].strip())
            last = match.start()
    items.append(sentence[last:].strip())
    return [item for item in items if item]


ABOUT_US = re.compile(r"^(?:Our|We)\b(?!.*\b(?:expect|require|look|seek|want|need|prefer|ask|welcome)\w*)", re.IGNORECASE)
"""A sentence about the employer ("Our scientists have strong expertise in vision") asks for nothing,
unless it says what it wants ("We expect candidates to ...")."""


OFFERED = re.compile(
    r"^(?:Deepen|Gain|Grow|Develop|Expand|Broaden|Learn|Strengthen|Get)\b"
    # the intern as the one who gains: "Students will be mentored to gain hands-on experience with
    # medical imaging", "Interns will have the chance to learn X", "You will get exposure to Y"
    r"|^(?:the\s+|our\s+|all\s+|each\s+)?(?:interns?|students?|participants?|fellows?|trainees?|you)\s+"
    r"(?:will\s+|can\s+|may\s+|get\s+to\s+|are\s+able\s+to\s+)?(?:also\s+)?"
    r"(?:be\s+(?:mentored|trained|guided|supervised|coached)\s+(?:to|in|on)\s+|have\s+(?:the\s+)?(?:opportunity|chance)\s+to\s+)?"
    r"(?:gain|get|learn|acquire|deepen|broaden|receive|be\s+exposed\s+to|get\s+exposure\s+to)\b"
    # the role as the one that gives: "The role gives hands-on experience with X", "This programme offers exposure to Y"
    r"|^(?:the|this|our|each)\s+(?:role|internship|programme|program|position|project|fellowship)\s+(?:gives|offers|provides)\s+"
    r"(?:(?:you|interns?|students?)\s+)?(?:(?:hands-on|practical|real-world|valuable)\s+)?(?:experience|exposure|training)\b",
    re.IGNORECASE,
)
"""A sentence that says what the intern will gain ("Deepen your expertise in ...", "Students will be
mentored to gain experience with X") asks for nothing: the internship teaches X, it does not ask it."""


def asks(sentence: str, window: bool = False) -> bool:
    """Outside any qualifications section, whether a sentence reads as asking for something. With
    `window` (a page with no qualifications sections: nowhere else says when to be free), a start
    window ("starting at some point between December and March") is asked too."""
    if ABOUT_US.match(sentence) or OFFERED.match(sentence):
        return False
    return bool(
        asks_for_a_degree(sentence)
        or requires_presence(sentence)
        or available_weeks(sentence) is not None  # "The period of employment is at least two months"
        or ASKING.search(sentence)
        or PREFERRED_MARKERS.search(sentence)
        or window
        and dates.START_WINDOW.search(sentence)
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


def draft_posting(text: str, source: str, posting_id: str | None = None, published: date | None = None) -> Draft:
    """A draft posting (the FORMATS.md mapping) from a published posting's text. `published` is the
    posting's own date when known (it dates a deadline written without a year)."""
    if posting_id is not None:
        checked_posting_id(posting_id)
    page = read_page(text)
    if not page.lines:
        raise InputError(Problem(source, "holds no text; there is no posting to draft"))
    facts = _metadata(page, published, source)
    posting: dict[str, Any] = {"id": "", **facts.fields}
    posting["id"] = posting_id or slug(f"{posting.get('organization', '')} {posting['title']}")
    posting["source"] = source
    draft = Draft(posting, work_mode=facts.work_mode)
    pieces = pieces_of(page.lines)
    used_numbers = {page.lines[i].number for i in facts.used}
    required, preferred = _qualifications(pieces, posting.get("location", []), draft, used_numbers, page)
    _title_and_any_stage(required, posting["title"], pieces)
    board = board_degree([line.text for line in page.lines])
    if board and not any("degree" in q or "any_of" in q for q in required):
        required.insert(0, board[0])  # the board's own label is the only place the page says whom it is for
    required = one_degree(required, stages_answered_no([p.text for p in pieces]))
    required = with_other_group(required, other_group([posting["title"]] + [s for p in pieces for s in sentences(p.text)]))
    for index, qualification in enumerate(preferred):  # a degree of any stage preferred narrows nothing
        qualification.pop(OUTSIDE, None)
        if qualification.pop(ANY_STAGE, False):
            preferred[index] = {"text": qualification["quote"], "quote": qualification["quote"]}
    asked = " ".join(p.text for p in pieces if p.section in QUALIFICATION_SECTIONS) or text
    topics = _topics(f"{posting['title']}. {asked}")
    if topics:
        posting["topics"] = topics
    posting["required"] = required
    posting["preferred"] = preferred
    return draft


def _qualifications(
    pieces: list[Piece], places: list[str], draft: Draft, used_numbers: set[int], page: Page
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Required and preferred qualifications from the pieces; accounts every piece in the draft."""
    required: list[dict[str, Any]] = []
    preferred: list[dict[str, Any]] = []
    sectioned = any(p.section in QUALIFICATION_SECTIONS for p in pieces)
    # "The ideal candidate has ..." beside "Python is required": the ideal is preferred
    said_required = any(REQUIRED_SAID.search(s) and not IDEAL_CANDIDATE.search(s) for p in pieces for s in sentences(p.text))
    year = _posting_year(draft.posting, page)
    if not sectioned and page.job_postings:
        pieces = pieces + _json_ld_pieces(page.job_postings[0])
    previous: Piece | None = None
    for piece in pieces:
        # a paragraph of prose right after a section's list ("You will join a new team ... The role is
        # much like ...") is the role's description: only its sentences that ask in so many words
        # ("Interns must be willing to relocate") are asks
        after_list = (
            previous is not None and previous.bullet and previous.section == piece.section and not piece.bullet
        ) and len(sentences(piece.text)) > 1
        previous = piece
        in_section = piece.section in QUALIFICATION_SECTIONS and not after_list
        # the title line asks for nothing ("... Graduate Student Research Program" names a
        # programme); a title's stage is read in draft_posting when nothing else asks for a degree
        loose = piece.section in (NO_HEADING, UNKNOWN) and fold(piece.text) != fold(draft.posting["title"])
        # a programme described under "About" or "Job description" may say whom it is for there
        # ("This internship is meant for Master 1 students"): read for a degree only
        # likewise a duty list a cut or flattened page runs on into the asks ("- Prepare manuscripts ...
        # - Actively pursuing a PhD in ..."): an item that asks for a degree in so many words is one
        described = piece.section == "about" and not sectioned or piece.section == "responsibilities" and piece.bullet
        candidates = sentences(piece.text, run_on=in_section) if in_section or loose or described or after_list else []
        placed = False
        instead = experience_instead(candidates)  # "Whatever your background, consider applying if you have ..."
        for sentence in candidates:
            if instead and sentence == instead[0]:
                placed = True
                continue
            # outside the qualifications, a sentence is read when it asks for a degree or for a
            # minimum time free to work ("students who can commit to a minimum of 6 months")
            said = asks_for_a_degree(sentence) or available_weeks(sentence) is not None or requires_presence(sentence)
            if described and not said:
                continue
            if not in_section and not (asks(sentence, not sectioned) if not sectioned or after_list else said):
                continue
            if BARE_ANSWER.fullmatch(sentence):  # an FAQ's "Yes!" or "Unfortunately, no.": its question is read
                placed = True
                continue
            if APPLICATION_STEP.search(sentence) and not stages_in(sentence):
                draft.application_steps.append(sentence)
                placed = True
                continue
            if turns_away(sentence):  # "PhD students ... should look at other opportunities, such as ...": asks nothing
                placed = True
                continue
            head, rather = _preference_clause(sentence) if piece.section != "preferred" else (sentence, None)
            quals = [beyond_stages(q) for q in waived(qualifications_from(head, places, year), instead)]
            quals = [q for q in quals if "text" not in q or all(r.get("text") != q["text"] for r in required)]  # said twice
            if sectioned and not in_section:  # prose about the programme, beside its own list of asks
                quals = [{**q, OUTSIDE: True} if "degree" in q else q for q in quals]
            marked = PREFERRED_MARKERS.search(head) or (said_required and IDEAL_CANDIDATE.search(head))
            moved = piece.section != "preferred" and marked and not _degree_alternatives(quals)
            (preferred if piece.section == "preferred" or moved else required).extend(quals)
            preferred.extend(qualifications_from(rather, places, year) if rather else [])
            placed = True
        if piece.number == 0:
            continue  # from JSON-LD, not a line of the page
        draft.lines_total += 1
        if placed or piece.number in used_numbers:
            draft.lines_placed += 1
        else:
            tag = "" if piece.section in (NO_HEADING, UNKNOWN) else f"  [{piece.section.replace('_', ' ')}]"
            draft.unplaced.append(f"line {piece.number}: {piece.text}{tag}")
    return required, preferred


def _posting_year(posting: dict[str, Any], page: Page) -> int | None:
    """The year the internship is in, for a start window written without one: the drafted start's,
    else the latest year the page names (a page names past years too: "since 2019")."""
    if posting.get("start"):
        return int(str(posting["start"])[:4])
    years = dates.years_in("\n".join(line.text for line in page.lines))
    return max(years) if years else None


BARE_ANSWER = re.compile(r"\W*(?:(?:unfortunately|sorry|regrettably|of course|absolutely)\W+)?(?:yes|no)\W*", re.I)
"""An FAQ's answer alone, without its question: it asks for nothing itself."""


PREFERENCE_CLAUSE = re.compile(
    r",?\s+(?:with\s+(?:a\s+)?preference\s+(?:for|given\s+to)|and\s+preferably|preferably|ideally)\s+", re.I
)
IDEAL_CANDIDATE = re.compile(r"\b(?:the|an|our)\s+ideal\s+(?:candidate|applicant|intern)s?\b", re.I)
"""Whom the page would like best: an ask where the page asks nothing else, a preference beside what it
says is required."""
REQUIRED_SAID = re.compile(
    r"\b(?:is|are)\s+(?:required|mandatory|essential|a must)\b|\bmust\s+(?:have|be|hold)\b|\bminimum\s+qualifications?\b", re.I
)
"""A page saying in so many words that something is required."""


def _preference_clause(sentence: str) -> tuple[str, str | None]:
    """ "A research track record in vision, with preference for candidates who have publications at
    CVPR", "C/C++; Java a plus": what is asked, and what is only preferred."""
    clause = PREFERENCE_CLAUSE.search(sentence)
    if clause is not None and clause.start() >= 20:
        return sentence[: clause.start()], sentence[clause.end() :]
    head, _, tail = sentence.rpartition(";")  # "Distributed computing and C/C++; Java a plus"
    if head and PREFERRED_MARKERS.search(tail) and not PREFERRED_MARKERS.search(head):
        return head, tail.strip()
    return sentence, None


WHOM_SOUGHT = re.compile(
    r"\b(looking for|seeking|searching for|recruit\w*|invites?|welcomes?|open to|(?:encouraged|invited) to apply)\b",
    re.IGNORECASE,
)


def _title_and_any_stage(required: list[dict[str, Any]], title: str, pieces: list[Piece]) -> None:
    """A degree "of any stage" ("pursuing a degree in CS") takes the stages the posting names
    elsewhere: in another degree item, or else in its title ("PhD Research Intern"), or else where
    its prose says whom it seeks ("is looking for students at the master's or PhD level"), unless
    hedged ("mainly aimed at"). With no degree item at all, the title's stage, or else that prose,
    is what is asked."""
    named = [s for q in required if "degree" in q and not q.get(ANY_STAGE) for s in q["degree"]["stage"]]
    title_degree = degree_qualification(title, enrolment_from_text=False) if stages_in(title) else None
    if not named and not any("any_of" in q for q in required) and title_degree:
        named = title_degree["degree"]["stage"]
        if not any("degree" in q for q in required):
            required.insert(0, {**title_degree, "quote": title})
    sought = next(
        (s for p in pieces for s in sentences(p.text) if WHOM_SOUGHT.search(s) and stages_in(s) and not HEDGED.search(s)), ""
    )
    if not named and any(q.get(ANY_STAGE) for q in required):
        named = [stage.label for stage in stages_in(sought)]
    whom = degree_qualification(sought) if sought else None
    if whom and not any("degree" in q or "any_of" in q or q.get("quote") == sought for q in required):
        required.insert(0, beyond_stages({**whom, "quote": sought}))  # the only place the page says whom it is for
    for qualification in required:
        if qualification.pop(ANY_STAGE, False) and named:
            qualification["degree"]["stage"] = [s.label for s in Stage if s.label in named]


def _degree_alternatives(quals: list[dict[str, Any]]) -> bool:
    """ "MS or PhD (PhD preferred)": the degree with its alternatives stays required."""
    return any(len(q.get("degree", {}).get("stage", [])) > 1 or "any_of" in q for q in quals)


def _json_ld_pieces(posting: dict[str, Any]) -> list[Piece]:
    """JSON-LD qualification texts, read when the body has no qualifications section."""
    pieces = []
    for key in ("educationRequirements", "experienceRequirements", "qualifications", "skills"):
        values = posting.get(key)
        for value in values if isinstance(values, list) else [values] if values else []:
            value = value.get("credentialCategory") or value.get("description") if isinstance(value, dict) else value
            if isinstance(value, str) and value.strip():
                pieces.append(Piece(0, value.strip(), "required"))
    return pieces


def _metadata(page: Page, published: date | None, source: str = "") -> metadata.Metadata:
    lines = [line.text for line in page.lines]
    found = metadata.Metadata()
    ld = page.job_postings[0] if page.job_postings else {}
    title_index = titles.title_index(page.lines)
    title = ld.get("title") or page.front_matter.get("title")
    if title_index is not None and not title and not titles.JOB_WORDS.search(lines[title_index]):
        title = titles.page_title_part(page)  # "How to apply - Swiss Summer Program" over a heading "Target"
    if not title and title_index is not None:
        title = titles.clean_title(lines[title_index], page.lines, title_index)
        found.used.add(title_index)
    elif title and title_index is not None and fold(lines[title_index]) == fold(str(title)):
        found.used.add(title_index)
    title = str(title or titles.page_title_part(page) or (page.title or (lines[0] if lines else "posting")).split(" | ")[0])
    if titles.reads_as_prose(title):  # a page that opens on prose: the job its hiring sentence names
        title = titles.hired_as(lines) or title
    found.fields["title"] = titles.clean_title(title, [], None)
    employer, org_index = organisation.organisation_in(page, lines, title_index, source)
    found.fields["organization"] = employer
    if org_index is not None:
        found.used.add(org_index)
    places = page_places.places_of(page, lines, title_index, found)
    if places:
        found.fields["location"] = places
    _dates(page, lines, ld, published, found)
    pay = metadata.json_ld_pay(ld) if ld else None
    written = metadata.pay_in(lines)
    if written:
        found.used |= written[1]
    if pay or written:
        found.fields["pay"] = pay or written[0]  # type: ignore[index]
    return found


POSTED = re.compile(r"\b(posted|published|date posted)\b", re.IGNORECASE)


def _dates(page: Page, lines: list[str], ld: dict[str, Any], published: date | None, found: metadata.Metadata) -> None:
    years = dates.years_in("\n".join(lines))
    if published is None and ld.get("datePosted"):
        published = _iso(str(ld["datePosted"]))
    for index, line in enumerate(lines[:12]):
        if POSTED.search(line) and (written := dates.dates_in(line)) and written[0].year:
            published = published or written[0].on(written[0].year or 0)
            found.used.add(index)
    start = dates.start_in(lines, published, years)
    if start is not None:
        found.fields["start"] = start[0].isoformat()[:7] if not _day_written(lines[start[1]]) else start[0].isoformat()
        found.used.add(start[1])
    deadline = dates.deadline_in(lines, published, start[0] if start else None, years)
    if deadline is not None:
        found.fields["deadline"] = deadline[0].isoformat()
        found.used.add(deadline[1])
    elif ld.get("validThrough") and (through := _iso(str(ld["validThrough"]))):
        found.fields["deadline"] = through.isoformat()
    weeks = dates.weeks_in(lines)
    if weeks is not None:
        found.fields["duration_weeks"] = weeks[0]
        found.used.add(weeks[1])
    elif start is not None and start[2] is not None and start[2] > start[0]:
        found.fields["duration_weeks"] = round((start[2] - start[0]).days / 7)


def _day_written(line: str) -> bool:
    return any(d.day is not None for d in dates.dates_in(line))


def _iso(text: str) -> date | None:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def _topics(text: str, limit: int = 6) -> list[str]:
    """The research areas the posting talks about most: catalogue fields and skills it names."""
    counts: dict[str, int] = {}
    for term in skills_in(text):
        canonical = term_catalogue().resolve(term).canonical
        if canonical and canonical not in ("python", "c", "c++", "programming"):
            counts[canonical] = counts.get(canonical, 0) + 1
    return [t for t, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:limit]


def draft_yaml(draft: Draft) -> str:
    """A drafted posting as YAML for a person to review, with what was not placed as comments."""
    import yaml

    from matcher.knowledge import SAFE_DUMPER

    source = draft.posting.get("source")
    origin = (source.get("url") or source.get("name")) if isinstance(source, dict) else source  # fetch's source is a mapping
    head = (
        f"# Drafted by `intern-match ingest` from {origin}. Review it before use:\n"
        "# check each qualification against its quote, and required against preferred.\n"
    )
    body = yaml.dump(draft.posting, Dumper=SAFE_DUMPER, sort_keys=False, allow_unicode=True, width=100, default_flow_style=None)
    tail = ""
    if draft.application_steps:
        tail += "\n# Application steps (not qualifications):\n" + "".join(f"#   - {s}\n" for s in draft.application_steps)
    if draft.unplaced:
        tail += "\n# Not placed; add anything here that is a qualification:\n" + "".join(
            f"#   - {line[:200]}\n" for line in draft.unplaced
        )
    return visible(head + body + tail)  # YAML leaves bidi overrides raw; in "..." their escape reads the same
