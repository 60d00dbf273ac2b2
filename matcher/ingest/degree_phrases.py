"""Degree requirements as postings write them: stages with alternatives ("PhD or MS", "BS/MS/PhD",
"Bachelor's, Master's, or PhD", "graduate students"), exclusions ("PhD students cannot apply"),
fields with "or a related field", enrolment ("currently pursuing", "returning to school",
"graduating in 2027 or later"), and alternatives with conditions ("a PhD, or Masters with
industrial experience"; "exceptional Masters students with research experience")."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from matcher.ingest.open_calls import listed_alternatives
from matcher.ingest.stage_lists import listed_with_another, stages_between
from matcher.knowledge import read_data_file
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.models import Stage

_NOT_LETTER_BEFORE = r"(?<![A-Za-z])"
_NOT_LETTER_AFTER = r"(?![A-Za-z])"
STAGE_PHRASES: tuple[tuple[str, tuple[Stage, ...]], ...] = (
    (
        r"post-?graduates?|graduate\s+(?:students?|degrees?|programs?|studies)|graduate[\s-]+level|grad\s+students?|advanced\s+degrees?",
        (Stage.MASTERS, Stage.PHD),
    ),
    # "graduate" alone as one of a list of levels ("undergraduate, graduate, and doctoral"): the
    # graduate stages the list does not name otherwise (read in stages_in)
    (r"graduate(?=\s*(?:,|/|\)|\s(?:and|or)\s))", (Stage.MASTERS, Stage.PHD)),
    (r"ph\.?\s?d\.?s?|doctoral|doctorate|d\.?\s?phil", (Stage.PHD,)),
    (r"post-?docs?|postdoctoral", (Stage.POSTDOC,)),
    # "MScAC", "MScCS": a master's programme's name is its degree's abbreviation and a letter or two
    (r"master['’]?s?|m\.\s?sc\.?|msc(?:[a-z]{1,2})?|m\.s\.|ms|mba|m\.?\s?eng|mphil|m\.?\s?tech|mres|m[12]", (Stage.MASTERS,)),
    (r"bachelor['’]?s?|b\.\s?sc\.?|bsc|b\.s\.|bs|b\.?\s?eng|b\.?\s?tech|undergraduates?|undergrad", (Stage.BACHELORS,)),
)
"""How postings write each stage (tried in this order). "Graduate students" and "an advanced degree"
are Masters and PhD (US usage); "undergraduate" is a Bachelors student; "M1/M2" are the two years of
a French master's."""
STAGE_WORD = re.compile(
    "|".join(f"{_NOT_LETTER_BEFORE}(?P<s{i}>{pattern}){_NOT_LETTER_AFTER}" for i, (pattern, _) in enumerate(STAGE_PHRASES)),
    re.IGNORECASE,
)
AMBIGUOUS_ABBREVIATIONS = frozenset({"ms", "bs", "mba", "m1", "m2"})
"""Stage abbreviations that are other words too ("MS Office", "Apple M2"): a stage only beside
degree words."""
DEGREE_CONTEXT = re.compile(
    r"\b(degree|program|programme|pursuing|enrolled|enrol|student|students|candidate|candidacy|studies|study|course|"
    r"graduat\w*|major|diploma|qualification)\b",
    re.IGNORECASE,
)
EXCLUDED_AFTER = re.compile(
    r"^[^.;,()]{0,25}?\b(cannot|can't|can not|may not|are not|is not|not)\s+(apply|eligible|accepted|considered)|"
    r"^[^.;,]{0,15}?\b(ineligible|excluded)|"
    # "PhD students ... should ask about collaborating instead", "... should look at other opportunities"
    r"^[^.;]{0,80}?\bshould\b[^.;]{0,60}?\b(?:instead|(?:other|another|different|alternative)\s+"
    r"(?:opportunit(?:y|ies)|programs?|programmes?|options?|positions?|calls?))\b",
    re.IGNORECASE,
)
EXCLUDED_BEFORE = re.compile(
    r"\b(not open to|no|excluding|except)\s+(current\s+)?$|"
    r"\b(?:(?:have|has)\s+not\s+(?:yet\s+)?(?:begun|started|entered)|(?:plans?|planning|intends?|intending|wish(?:es)?)\s+to\s+"
    r"(?:pursue|start|begin|apply\s+for|enter)|before\s+(?:starting|beginning|entering)|"
    r"interest(?:ed|s)?\s+in\s+(?:joining|pursuing|starting|entering|applying\s+(?:to|for)))\s+"
    r"(?:(?:a|an|the|their|your|his|her)\s+)?(?:[A-Z][\w-]*\s+)?$",
    re.IGNORECASE,
)
"""A stage that is excluded, or only a plan, just before it is named: "no PhD students", "have not
begun their PhD", "you plan to pursue PhD studies", "interested in joining the Acme PhD Program
later", "a strong interest in pursuing a PhD" (asks for no PhD now; a capitalised name may stand
between)."""


NOT_ABOUT_THE_DEGREE = re.compile(
    r"\b(gpa|grade point average|curriculum|alumni|pay|salary|hourly|wages?|compensation)\b"
    # "coursework in statistics" names subjects; "masters by coursework", "a coursework degree" is a stage
    r"|(?<!\bby\s)\bcoursework\b(?!\s+(?:degrees?|masters?|programs?|programmes?|study|studies|students?))"
    r"|\b(?:supervisors?|advis[eo]rs?|mentors?|hosts?)\b[^.;]{0,40}?\bwho\s+(?:hold|have)\b",
    re.IGNORECASE,
)
"""Sentences naming a stage for something else: "a minimum undergraduate or graduate GPA of 3.0",
"Hourly PhD Pay $60" (a pay scale by stage), "supervisors are researchers who hold a PhD" (the
supervisor's degree, not the applicant's)."""


def stages_in(text: str) -> list[Stage]:
    """The stages a sentence allows, in order of seniority, leaving out the ones it excludes.
    "Graduate students" means Masters and PhD unless the sentence names which ("graduate
    students working toward PhD degrees")."""
    allowed: set[Stage] = set()
    excluded: set[Stage] = set()
    if NOT_ABOUT_THE_DEGREE.search(text):
        return []
    context = bool(DEGREE_CONTEXT.search(text))
    matches = list(STAGE_WORD.finditer(text))
    spans = [(m.start(), m.end(), STAGE_PHRASES[_group_of(m)][1]) for m in matches]
    named = {stage for m in matches if _group_of(m) in (2, 4) for stage in STAGE_PHRASES[_group_of(m)][1]}
    for match in matches:
        index = _group_of(match)
        if index == 0 and named:
            continue
        word = fold(match.group(0)).replace(" ", "")
        if word in AMBIGUOUS_ABBREVIATIONS and not context and len(matches) == 1:
            continue
        if index == 1 and not listed_with_another(text, (match.start(), match.end()), spans):
            continue  # "a recent graduate, or ...": the verb or noun, not a level in a list
        # a bare "graduate" beside "doctoral" in a list of levels is the master's
        stages = tuple(s for s in STAGE_PHRASES[index][1] if s not in named) if index == 1 else STAGE_PHRASES[index][1]
        if EXCLUDED_AFTER.search(text[match.end() :]) or EXCLUDED_BEFORE.search(text[: match.start()]):
            excluded.update(stages)
        else:
            allowed.update(stages)
    allowed |= stages_between(text, spans)
    return sorted(allowed - excluded)


def turns_away(text: str) -> bool:
    """Whether a sentence only excludes stages ("PhD students cannot apply", "Current PhD students
    should look at other opportunities, such as workshops"): the exclusion is read with the other
    degree mentions (stages_in), and what it names besides is no ask."""
    matches = list(STAGE_WORD.finditer(text))
    return bool(matches) and not stages_in(text) and all(EXCLUDED_AFTER.search(text[m.end() :]) for m in matches)


def _group_of(match: re.Match[str]) -> int:
    """Which of STAGE_PHRASES a match is."""
    return next(i for i, group in enumerate(match.groupdict().values()) if group is not None)


ENROLMENT = re.compile(
    r"\b(currently|pursuing|enrolled|enrolment|enrollment|returning to|return to (school|a degree|your|their)|"
    r"graduating|students?|candidate for|candidacy|working toward|in the process of obtaining|final[- ]year|"
    r"penultimate|attending)\b",
    re.IGNORECASE,
)
"""Words saying the candidate must be studying now (or go back to it after the internship)."""
RELATED = re.compile(
    r",?\s*\b(?:or|and/or)\s+(?:in\s+)?(?:an?\s+|another\s+|other\s+|any\s+)?(?:closely\s+|similarly\s+)?"
    r"(?:related|similar|equivalent|relevant|comparable|allied)\b[^,;.]*"
    # "or a similarly unforgiving quantitative field", "or another quantitative discipline": any field
    # of that kind, not a field named "similarly unforgiving quantitative field"
    r"|,?\s*\bor\s+(?:an?|another|any|other|some)\s+(?:similarly\s+)?(?:[\w-]+\s+){0,2}(?:fields?|disciplines?|areas?|majors?|subjects?)\b"
    r"|,?\s*\b(?:or\s+)?(?:a\s+)?related\s+(?:technical\s+|quantitative\s+|scientific\s+)?(?:fields?|areas?|disciplines?|majors?)\b",
    re.IGNORECASE,
)
FIELDS_END = re.compile(
    r"[.;!?]\s|[.;!?]$|\(|\s[-–—]\s|\b(?:at|from|with|who|graduating|where|while|as well as|in the|for the|by|before|"
    r"and in|and be|and have|and are|and an?|(?:may|can|are|is)\s+(?:apply|eligible|welcome|invited|encouraged))\b",
    re.IGNORECASE,
)
FIELD_LEAD = re.compile(
    r"^(?:the\s+)?(?:(?:fields?|areas?|disciplines?|domains?|subjects?)\s+(?:of|such as|like|including)\s+|"
    r"(?:areas?|fields?)\s+(?:aligned with[^,]*,\s*)?including\s+)",
    re.IGNORECASE,
)
VAGUE_FIELD = re.compile(
    r"^(a|an|any)\s+(relevant|related|technical|quantitative|stem|scientific|[\w/]+-related|engineering)\b", re.IGNORECASE
)
"""A field named by kind, its examples in brackets after it: "an AV-related field (e.g. computer vision,
robotics)" asks for a field like the examples, not for "av"."""
FIELD_KIND_THEN_EXAMPLES = re.compile(
    r"^(?:an?|any)\s+(?:[\w-]+\s+){0,2}(?:fields?|disciplines?|areas?|subjects?)\b[^,;.()]{0,60}?,?\s+"
    r"(?:such\s+as|including|e\.g\.,?|like)\s+(.+)$",
    re.IGNORECASE,
)
"""A field named by its kind, then its examples: "a field related to deep learning, such as computer
science, biomedical engineering"."""
DEGREE_THEN_IN = re.compile(
    r"^\)?(?:\s*(?:degrees?|programs?|programmes?|students?|studies|candidates?|courses?|level|major|candidacy|or equivalent))*"
    r"\s+(?:in|of)\s+(?!(?:the\s+)?(?:process|final|penultimate|their|your|order)\b|(?:the\s+)?(?:\w+\s+)?(?:stages?|years?)\b)",
    re.IGNORECASE,
)
"""The fields follow the stage and its degree words: "PhD degree in", "MSc or PhD studies in",
"an advanced degree (PhD) in"."""
FOCUS = re.compile(
    r"\b(?:with\s+an?\s+(?:focus|specialization|specialisation|major|concentration)\s+(?:on|in)|focusing\s+on|"
    r"speciali[sz]ing\s+in|majoring\s+in|"
    r"(?:that|which)\s+(?:relies|draws|builds|is\s+based|focuses)\s+(?:heavily\s+|mainly\s+|largely\s+|primarily\s+)?on\s+"
    r"(?:(?:methods|concepts|techniques|tools|ideas)\s+(?:(?:or|and)\s+(?:methods|concepts|techniques|tools|ideas)\s+)?(?:from|of|in)\s+)?)\s*",
    re.IGNORECASE,
)
"""Fields named as the degree's focus: "a graduate program, at the Master or PhD level, with a focus
on Deep Learning, NLP", "a PhD that relies heavily on methods or concepts from statistics, physics"."""
NOT_A_FIELD = frozenset({"etc", "other", "others", "similar", "equivalent", "a", "an", "the", "other etc", "relevant"})


def _field_name(written: str) -> str:
    """A field as a careful human writes it: as the posting names it, in lower case, except that an
    abbreviation the term catalogue knows is spelt out ("ML" -> machine learning, "Math" -> mathematics)."""
    resolved = term_catalogue().resolve(written)
    if resolved.canonical and resolved.how in ("exact", "alias") and (resolved.how == "exact" or len(written) <= 5):
        return resolved.canonical
    return " ".join(fold(written).split()) if "+" not in written else " ".join(written.lower().split())


def fields_in(text: str) -> tuple[list[str], bool]:
    """Fields a degree sentence names after its (last) stage, and whether it says "or related"."""
    mentions = list(STAGE_WORD.finditer(text))
    unstaged = None if mentions else re.search(r"\b(?:degree|program|programme|studies)\b", text, re.IGNORECASE)
    start = mentions[-1].end() if mentions else unstaged.start() if unstaged else 0
    after = DEGREE_THEN_IN.match(text[start:]) or FOCUS.search(text[start:])
    if not after:
        return [], bool(RELATED.search(text))
    tail = text[start + after.end() :]
    kind = FIELD_KIND_THEN_EXAMPLES.match(tail)
    if kind:  # "a PhD in a field related to vision, such as physics, ...": the examples, and fields like them
        tail = kind.group(1)
    vague = None if kind else VAGUE_FIELD.match(tail)
    if vague:  # "a relevant technology field at a top university (e.g. Computer Science, EE, other etc.)"
        example = re.search(r"\((?:e\.g\.?|i\.e\.?|such as|including)?,?\s*([^)]*)\)", tail)
        return (_field_list(example.group(1)) if example else [], True)
    lead = FIELD_LEAD.match(tail)
    examples = bool(lead and re.search(r"\b(?:including|such as|like)\b", lead.group(0), re.IGNORECASE))
    tail = FIELD_LEAD.sub("", tail)
    related = RELATED.search(tail)
    if related:
        tail = tail[: related.start()]
    end = FIELDS_END.search(tail)
    if end:
        tail = tail[: end.start()]
    # fields given as examples ("areas aligned with the mission, including physics") admit others like them
    return _field_list(tail), bool(related) or bool(RELATED.search(text)) or examples or bool(kind)


def _field_list(written: str) -> list[str]:
    fields: list[str] = []
    for piece in re.split(r",|;|\band/\s*or\b|\bor\b", written):
        piece = piece.strip(" .:'\"")
        parts = [piece]
        if term_catalogue().resolve(piece).how not in ("exact", "alias"):
            parts = [p.strip() for p in re.split(r"\band\b|/|&", piece)]
        for part in parts:
            part = re.sub(r"^(?:and|a|an|the|other|in)\s+", "", part.strip(" .")).strip()
            if part and fold(part) not in NOT_A_FIELD and len(part.split()) <= 5 and not re.search(r"\d", part):
                fields.append(_field_name(part))
    return list(dict.fromkeys(_shared_head(fields)))


MODIFIER = re.compile(r"[a-z]+(?:al|ic|ar|ive|il|ary)")
SHARED_HEAD = re.compile(r"\s(engineering|sciences?|studies|mathematics)$")
"""Heads a list of fields may write once, on its last item: "mechanical, electrical, chemical engineering"."""


def _shared_head(fields: list[str]) -> list[str]:
    """ "mechanical, electrical, chemical engineering" -> each with the head the last item gives them:
    a one-word adjective ("-al", "-ic", "-ar", "-ive", "civil") the catalogue does not know as a field
    is a modifier waiting for its noun; "biostatistics, health sciences" is two fields."""
    head = SHARED_HEAD.search(fields[-1]) if fields else None
    if head is None:
        return fields
    return [
        f"{f} {head.group(1)}" if MODIFIER.fullmatch(f) and term_catalogue().resolve(f).how not in ("exact", "alias") else f
        for f in fields
    ]


EXCEPTIONAL = re.compile(
    r"exceptional\s+(?P<stage>[^.]*?)\s+(?:students?|candidates?)?\s*(?P<with>with\s+[^.]*?)?\s*(?:will|may|can|are)\s+(?:also\s+)?be\s+considered",
    re.IGNORECASE,
)
OR_STAGE_WITH = re.compile(
    r",?\s+or\s+(?:an?\s+)?(?P<stage>[^,;.]{0,30}?)\s+(?:students?\s+|degree\s+)?with\s+(?P<condition>[^.;]+)", re.IGNORECASE
)


ANY_DEGREE = re.compile(
    r"\b(?:pursuing|enrolled|registered|studying|working towards?)\b[^.;]{0,40}?"
    r"\b(?:degree|university|college|academic institution|institution of higher education)\b|"
    r"\b(?:registered|enrolled)\s+(?:university\s+)?students?\b",
    re.IGNORECASE,
)
"""A degree asked for without its stage: "pursuing a degree in Computer Science", "officially enrolled
at your university", "registered students at a university"."""
ANY_STAGE = "any_stage"
"""Set on a degree drafted from ANY_DEGREE: every stage, unless another degree of the posting names
its stages (drafting._title_and_any_stage). Not a key of the posting format; drafting removes it."""


NOT_BEGUN = re.compile(
    r"\b(?:have|has)\s+not\s+(?:yet\s+)?(?:begun|started|entered)\s+(?:(?:a|an|the|their|your|his|her)\s+)?(\S+(?:\s+\S+)?)",
    re.IGNORECASE,
)
"""Open to those who "have not begun their PhD": every stage before it."""


def degree_qualification(text: str, enrolment_from_text: bool = True) -> dict[str, Any] | None:
    """The degree qualification a sentence asks for, or None when it names no stage in a degree sense
    and asks for no degree of any stage."""
    stages = stages_in(text)
    not_begun = NOT_BEGUN.search(text)
    if not stages and not_begun and (later := stages_in(not_begun.group(1))):
        below = [s for s in (Stage.BACHELORS, Stage.MASTERS, Stage.PHD) if s < min(later)]
        return {"degree": {"stage": [s.label for s in below]}} if below else None
    if not stages:
        if not ANY_DEGREE.search(text) or NOT_ABOUT_THE_DEGREE.search(text) or EXCLUDED_AFTER.search(text):
            return None
        degree = _degree(text, [Stage.BACHELORS, Stage.MASTERS, Stage.PHD], enrolment_from_text)
        return {"degree": {**degree, "enrolled": True}, ANY_STAGE: True}
    exceptional = EXCEPTIONAL.search(text)
    alternative = OR_STAGE_WITH.search(text)
    if exceptional and stages_in(exceptional.group("stage")):
        main_text = text[: exceptional.start()]
        other = stages_in(exceptional.group("stage"))
        condition = exceptional.group("with") or ""
    elif alternative and stages_in(alternative.group("stage")) and stages_in(text[: alternative.start()]):
        main_text = text[: alternative.start()]
        other = stages_in(alternative.group("stage"))
        condition = alternative.group("condition")
    else:
        return {"degree": _degree(text, stages, enrolment_from_text)}
    main = _degree(main_text, stages_in(main_text) or stages, enrolment_from_text)
    second: dict[str, Any] = {"stage": [s.label for s in other]}
    if main.get("enrolled"):
        second["enrolled"] = True
    option: dict[str, Any] = {"degree": second}
    if condition:
        wanted: dict[str, Any] = (
            {"research_experience": {}} if re.search(r"\bresearch\b", condition, re.I) else {"text": condition.strip(" ,")}
        )
        option = {"all_of": [option, wanted]}
    return {"any_of": [{"degree": main}, option]}


def _degree(text: str, stages: list[Stage], enrolment_from_text: bool) -> dict[str, Any]:
    degree: dict[str, Any] = {"stage": [s.label for s in stages]}
    fields, related = fields_in(text)
    if fields:
        degree["fields"] = fields
    if related:
        degree["related_fields"] = True
    if enrolment_from_text and ENROLMENT.search(text) and not RECENTLY_DONE.search(text):
        degree["enrolled"] = True
    return degree


RECENTLY_DONE = re.compile(
    r"\bor\s+(?:have\s+)?(?:recently|just)\s+(?:completed|graduated|finished|obtained|earned|received)\b|"
    r"\bor\s+(?:a\s+)?recent\s+(?:graduate|graduation)\b",
    re.IGNORECASE,
)
"""Studying "or recently completed" the degree: a graduate may apply too, so enrolment is not asked."""


AUDIENCE = re.compile(
    r"\b(?:for|to|at)\s+(?:[\w'’-]+\s+){0,3}?(?:(?:post-?|under)?graduates|undergrads|"
    r"(?:ph\.?\s?d\.?|doctoral|master['’]?s?|m[12]|bachelor['’]?s?|graduate|undergraduate)(?:\s+[12])?\s+(?:students|candidates))\b",
    re.IGNORECASE,
)
"""Who a programme is for, said in prose: "offers to promising undergraduates", "an initiative for
international undergraduates", "meant for Master 1 students"."""
HEDGED = re.compile(r"\b(mainly|mostly|primarily|typically|usually|especially|particularly|not limited to|also)\b", re.I)
"""An audience that is only the usual one ("mainly aimed at undergraduates, ... also interested in
professional engineers") asks for no stage."""


_ANY_STAGE_WORD = "|".join(f"(?:{pattern})" for pattern, _ in STAGE_PHRASES)
DEGREE_ITEM = re.compile(
    rf"^\W*(?:an?\s+)?(?:{_ANY_STAGE_WORD}){_NOT_LETTER_AFTER}"
    rf"(?:\s*(?:/|,|\bor\b|\band/or\b|\band\b)\s*(?:{_ANY_STAGE_WORD}){_NOT_LETTER_AFTER})*"
    r"(?:\s+(?:degrees?|diplomas?))?\s+(?:in|of)\s+\S",
    re.IGNORECASE,
)
"""An item that opens with the degree it asks for: "Master and/or Ph.D. in machine learning", "PhD
in CS or a related field" (on a page whose lists have no heading; "PhD students in our lab ..." and
"The MSc in Design is a taught programme" are not one)."""


def _programme_name(rest: str) -> bool:
    """Whether what follows "MSc in" is a programme's name in Title Case to the end ("MSc in Innovative
    Multimedia Entertainment" as a page's subtitle), not an ask ("PhD in machine learning.")."""
    words = [w for w in re.findall(r"[\w'’-]+", rest) if w.lower() not in ("and", "of", "for", "in", "the")]
    return bool(words) and all(w[:1].isupper() for w in words) and not rest.rstrip().endswith(".")


def asks_for_a_degree(text: str) -> bool:
    """Whether a sentence outside the qualifications asks for a degree (not "our PhD researchers")."""
    if not stages_in(text):
        return bool(ANY_DEGREE.search(text)) and not NOT_ABOUT_THE_DEGREE.search(text)
    item = DEGREE_ITEM.search(text)
    if item and not _programme_name(text[item.end() - 1 :]):
        return True
    return bool(
        re.search(
            r"\b(enrolled|pursuing|program|programme|must|should|candidates?|eligible|open to|limited to|gained through|"
            r"expect\w* to graduate|graduating|holding|completed|(?:may|can)\s+apply|"
            r"(?:welcome|invited|encouraged)\s+to\s+apply)\b",
            text,
            re.I,
        )
        or AUDIENCE.search(text)
        and not HEDGED.search(text)
    )


NEGATIVE_ANSWER = re.compile(r"^\W*(?:(?:unfortunately|sorry|regrettably)\W+)?no\b(?!\s+(?:later|more|less|earlier)\b)", re.I)
"""An FAQ's answer that says no ("No.", "Unfortunately, no.", "Sorry, no: ..."), not "No later than"."""


def stages_answered_no(texts: list[str]) -> frozenset[Stage]:
    """Stages an FAQ turns away: a question naming them ("Can PhD students apply?") answered no, on
    the same line or the next ("Unfortunately, no."). The question asks whether a group may apply;
    its answer excludes that group whatever the rest of the page allows."""
    excluded: set[Stage] = set()
    for index, text in enumerate(texts):
        question, mark, answer = text.partition("?")
        if not mark:
            continue
        answer = answer.strip() or (texts[index + 1] if index + 1 < len(texts) else "")
        if NEGATIVE_ANSWER.search(answer) and re.search(r"\b(apply|eligible|accepted|qualify)\b", question, re.I):
            excluded.update(stages_in(question.rsplit(". ", 1)[-1]))
    return frozenset(excluded)


def _without(qualification: dict[str, Any], excluded: frozenset[Stage]) -> dict[str, Any] | None:
    """A degree mention without the excluded stages; None when it named only those."""
    degree = qualification.get("degree")
    if not degree or not degree["stage"]:
        return qualification
    kept = [label for label in degree["stage"] if Stage[label.upper()] not in excluded]
    return {**qualification, "degree": {**degree, "stage": kept}} if kept else None


OUTSIDE = "_outside_qualifications"
"""Marks a degree the prose says outside the qualifications sections of a page that has them."""


def one_degree(required: list[dict[str, Any]], excluded: frozenset[Stage] = frozenset()) -> list[dict[str, Any]]:
    """A posting asks for one degree; the several degree items a page gives are mentions of it, and
    as separate required items each would have to hold, so that "PhD students holding a bachelor's
    degree" or "students who have not finished their Bachelor's must ..." beside "enrolled in a
    Master's or PhD" would demand contradictory stages. They become one item, where the first was:
    when the qualifications ask for a degree, a degree said in the prose around them ("a paid way
    for graduate students to have impact") is description and gives way; a stage stays when at least
    half the mentions name it (a stage only a minority names is a condition on one group, or an
    aside); fields, places of study and enrolment are what any mention asks. Stages the page turns
    away elsewhere (`excluded`, an FAQ's "no") are no mention's, and a mention naming only those
    does not count."""
    if excluded:
        required = [q for q in (_without(q, excluded) for q in required) if q is not None]
    asked = [q for q in required if "degree" in q and not q.get(OUTSIDE)]
    mentions = asked or [q for q in required if "degree" in q]
    out: list[dict[str, Any]] = []
    for q in required:
        if "degree" not in q:
            out.append(q)
        elif q is mentions[0]:
            out.append(merged_degree(mentions))
    return out


def merged_degree(mentions: list[dict[str, Any]]) -> dict[str, Any]:
    if len(mentions) == 1:
        return {k: v for k, v in mentions[0].items() if k != OUTSIDE}
    degrees = [q["degree"] for q in mentions]
    listed = listed_alternatives(mentions)  # a list of degree options: each item's stage is allowed
    most = [s.label for s in Stage if 2 * sum(s.label in d["stage"] for d in degrees) >= len(degrees) or s.label in listed]
    merged: dict[str, Any] = {"stage": most}
    for key in ("fields", "enrolled_in", "enrolled_at"):
        values = list(dict.fromkeys(v for d in degrees for v in d.get(key, [])))
        if values:
            merged[key] = values
    for key in ("related_fields", "enrolled"):
        if any(d.get(key) for d in degrees):
            merged[key] = True
    quotes = list(dict.fromkeys(q["quote"] for q in mentions if q.get("quote")))
    return {"degree": merged, "quote": " ... ".join(quotes)} if quotes else {"degree": merged}


@cache
def _board_vocabulary() -> tuple[frozenset[str], dict[str, Stage]]:
    """A board's degree labels and their stage words, in several languages (posting_vocabulary.yaml)."""
    vocabulary = read_data_file("posting_vocabulary.yaml")
    labels = frozenset(fold(label) for label in vocabulary["board_education_labels"])
    words = {fold(word): Stage[stage.upper()] for stage, listed in vocabulary["board_stage_words"].items() for word in listed}
    return labels, words


def board_degree(lines: list[str]) -> tuple[dict[str, Any], int] | None:
    """The degree a board's label says a posting is for ("Formación: Licenciatura / Máster",
    "Niveau d'études : Bac +5"), and its line: metadata, like a title's stage, read when the page
    asks for no degree itself. Every value must be a stage word, so a label over prose is no such line."""
    labels, words = _board_vocabulary()
    for index, line in enumerate(lines):
        label, colon, value = line.partition(":")
        if not colon or fold(label.strip(" *_-")) not in labels or len(value) > 80:
            continue
        written = re.split(r"\s*(?:/|,|·|\||\bo\b|\bou\b|\bor\b)\s*", value.strip(" *_"))  # "o", "ou": Spanish, French "or"
        parts = [fold(p).strip(" .") for p in written if p.strip()]
        stages = [words.get(p) for p in parts]
        if parts and all(stages):
            return {"degree": {"stage": [s.label for s in sorted(set(filter(None, stages)))]}, "quote": line.strip(" *_")}, index
    return None
