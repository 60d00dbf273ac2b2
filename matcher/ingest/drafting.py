"""A draft posting file from a posting as published, and an account of every line: placed in the
draft (a qualification with its quote, an application step, or a fact such as the deadline), or
listed for the reviewer with its line number. Pure: text in, draft out."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from matcher.errors import InputError, Problem
from matcher.ingest.asking_sentences import APPLICATION_STEP, BARE_ANSWER, asks
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
from matcher.ingest.draft_file import Draft, checked_posting_id, slug
from matcher.ingest.open_calls import beyond_stages, other_group, with_other_group
from matcher.ingest.page_facts import facts_of
from matcher.ingest.preferences import (
    IDEAL_CANDIDATE,
    PREFERRED_MARKERS,
    REQUIRED_SAID,
    degree_alternatives,
    preference_clause,
)
from matcher.ingest.qualification_phrases import (
    available_weeks,
    experience_instead,
    qualifications_from,
    requires_presence,
    skills_in,
    waived,
)
from matcher.ingest.sections import NO_HEADING, QUALIFICATION_SECTIONS, UNKNOWN, Piece, pieces_of
from matcher.ingest.sentences import sentences
from matcher.ingest.source_lines import Page, read_page
from matcher.ingest.title_stages import final_internship_stages, title_stages
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import Stage
from matcher.written_dates import years_in


def draft_posting(text: str, source: str, posting_id: str | None = None, published: date | None = None) -> Draft:
    """A draft posting (the FORMATS.md mapping) from a published posting's text. `published` is the
    posting's own date when known (it dates a deadline written without a year)."""
    if posting_id is not None:
        checked_posting_id(posting_id)
    page = read_page(text)
    if not page.lines:
        raise InputError(Problem(source, "holds no text; there is no posting to draft"))
    facts = facts_of(page, published, source)
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
            head, rather = preference_clause(sentence) if piece.section != "preferred" else (sentence, None)
            quals = [beyond_stages(q) for q in waived(qualifications_from(head, places, year), instead)]
            quals = [q for q in quals if "text" not in q or all(r.get("text") != q["text"] for r in required)]  # said twice
            if sectioned and not in_section:  # prose about the programme, beside its own list of asks
                quals = [{**q, OUTSIDE: True} if "degree" in q else q for q in quals]
            marked = PREFERRED_MARKERS.search(head) or (said_required and IDEAL_CANDIDATE.search(head))
            moved = piece.section != "preferred" and marked and not degree_alternatives(quals)
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
    years = years_in("\n".join(line.text for line in page.lines))
    return max(years) if years else None


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
    if title_degree is None and (category := title_stages(title)):  # "Graduate Intern - ...": a category, not enrolment
        title_degree = {"degree": {"stage": [stage.label for stage in category]}}
    quote = title
    if title_degree is None:  # "stage de fin d'études", in the title or a sentence offering it
        quote = next((s for s in [title] + [s for p in pieces for s in sentences(p.text)] if final_internship_stages(s)), "")
        if quote:
            title_degree = {"degree": {"stage": [s.label for s in final_internship_stages(quote)], "enrolled": True}}
    if not named and not any("any_of" in q for q in required) and title_degree:
        named = title_degree["degree"]["stage"]
        if not any("degree" in q for q in required):
            required.insert(0, {**title_degree, "quote": quote})
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


def _topics(text: str, limit: int = 6) -> list[str]:
    """The research areas the posting talks about most: catalogue fields and skills it names."""
    counts: dict[str, int] = {}
    for term in skills_in(text):
        canonical = term_catalogue().resolve(term).canonical
        if canonical and canonical not in ("python", "c", "c++", "programming"):
            counts[canonical] = counts.get(canonical, 0) + 1
    return [t for t, _ in sorted(counts.items(), key=lambda kv: -kv[1])][:limit]
