"""What one requirement sentence asks for: a degree, research experience, publications (venues or
areas), a place to work in, skills; or, when none of these, the sentence itself as a text
qualification. Every qualification keeps the sentence as its quote."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from matcher.ingest.dates import dates_in, start_window
from matcher.ingest.degree_phrases import degree_qualification, stages_in
from matcher.ingest.enrolment_phrases import study_institutions, with_enrolment
from matcher.ingest.skill_phrases import MARKS_ASKED, examples_of, in_a_name, open_skills, whole_item_skill
from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import fold
from matcher.knowledge.venues import catalogue as venue_catalogue

SKILL_STOPWORDS = frozenset(
    """
    programming communication teamwork collaboration coding math maths cloud or ai ml dl cs os ee ce ir pl cv go r
    assembly graduate search spark ray node experimentation detection architecture systems security planning control
    simulation audio testing storage containers shell networks networking alignment captioning summarisation tracking
    manipulation segmentation health algorithms
    """.split()
) | {"communication skills", "team player", "programming skills", "software development", "search engines", "c#"}
"""Catalogue aliases too common in prose to be read as a skill on their own ("algorithms" is what
every method is, not the field of theory of computation)."""
LANGUAGES_IN_LISTS = frozenset({"go", "r", "c#", "assembly", "shell", "spark", "ray"})
"""Stop-words that are a language or tool when written capitalised in a list ("Java, Go, or Python")."""
EXAMPLES_FOLLOW = re.compile(
    r"^(?:,\s*)?(?:\(|e\.g\b|eg\b|such as|i\.e\b|for example|like\b|in particular|including\s*:)", re.IGNORECASE
)
"""After a category ("programming languages such as ...", "languages, including: ..."), the examples
are what is asked; a plain "including" adds to what comes before it ("PyTorch, including
distributed training")."""
OR_GROUP = re.compile(
    r"\b(or|any of|one of|one or more|at least one|such as|for example|etc)\b|\be\.g\.|(?<!\bC)/(?!C\+\+)", re.IGNORECASE
)
"""Words that make a list of skills alternatives; "/" too, except in C/C++ ("e.g." ends in a stop, so
no word boundary follows it)."""


@cache
def extra_skills() -> dict[str, str]:
    """Skill names postings use that the term catalogue does not list: folded -> as written."""
    return {fold(name): name for name in read_data_file("posting_vocabulary.yaml")["extra_skills"]}


def skills_in(text: str) -> list[str]:
    """Skills a sentence names, longest phrases first: catalogue terms by name or alias, and the
    skill names of posting_vocabulary.yaml; a category followed by its examples gives the examples."""
    terms = term_catalogue()
    tokens = re.findall(r"[A-Za-z][A-Za-z0-9+#\-]*(?:\.[A-Za-z]+)?|\(|[/,;:)]|e\.g\.", text)
    found: list[tuple[int, str]] = []
    canonicals: set[str] = set()
    used: set[int] = set()
    for size in (4, 3, 2, 1):
        for start in range(len(tokens) - size + 1):
            span = set(range(start, start + size))
            words = tokens[start : start + size]
            if used & span or any(not w[0].isalpha() or w == "e.g." for w in words):
                continue
            phrase = " ".join(words)
            resolved = terms.resolve(phrase)
            known = resolved.canonical if resolved.how in ("exact", "alias") else extra_skills().get(fold(phrase))
            if known is None or len(fold(phrase)) < 2 and phrase not in ("C", "R"):
                continue
            if fold(phrase) in SKILL_STOPWORDS and not _written_in_a_list(tokens, start, size):
                continue
            if in_a_name(phrase, tokens[max(0, start - 2) : start], tokens[start + size : start + size + 5]):
                used |= span  # "the School of Computer Science", "the UQ Summer Research Program": no ask
                continue
            before = " ".join(tokens[max(0, start - 3) : start]).lower()
            if re.search(r"\b(?:similar|other)\b[^/,;:()]*$", before) and start >= 2:
                used |= span  # "Python, Java, or similar programming languages": the examples are asked
                continue
            following = " ".join(tokens[start + size : start + size + 3])
            if EXAMPLES_FOLLOW.match(following) or re.match(r"^\w+ (?:such as|e\.g\.|\()", following):
                used |= span  # "one area of Computer Science (e.g., ...)": the category is not asked
                continue
            if known not in canonicals:
                canonicals.add(known)
                found.append((start, phrase))
            used |= span
    return [phrase for _, phrase in sorted(found)]


def _written_in_a_list(tokens: list[str], start: int, size: int) -> bool:
    word = " ".join(tokens[start : start + size])
    neighbours = {tokens[i].lower() for i in (start - 1, start + size) if 0 <= i < len(tokens)}
    return fold(word) in LANGUAGES_IN_LISTS and word[:1].isupper() and bool(neighbours & {",", "(", ")", "/", "or", "and"})


PUBLICATION_CONTEXT = re.compile(r"\b(publish\w*|publications?|papers?|conferences?|journals?|venues?|proceedings)\b", re.I)


def venues_in(text: str) -> list[str]:
    """Venues a sentence names: acronyms written as acronyms (NeurIPS, ICML, CVPR, not "models" or
    "media"), and full names of three words or more where the sentence speaks of publishing."""
    catalogue = venue_catalogue()
    found: list[str] = []
    speaks_of_papers = bool(PUBLICATION_CONTEXT.search(text))
    for piece in re.split(r"[,;()/]|\be\.g\.|\bsuch as\b|\band\b|\bor\b|\betc\b", text):
        whole = piece.strip(" .:")
        candidates = [whole] if speaks_of_papers and len(whole.split()) >= 3 and whole[:1].isupper() else []
        candidates += re.findall(r"\b[A-Za-z][A-Za-z0-9-]{1,}\b", piece)
        for candidate in candidates:
            resolved = catalogue.resolve(candidate)
            venue = resolved.venue
            if venue is None or resolved.how not in ("exact", "alias") or venue.type == "preprint" or stages_in(candidate):
                continue
            full_name = candidate == whole and len(candidate.split()) >= 3
            acronym_like = sum(ch.isupper() for ch in candidate) >= 2 and candidate.isalnum() and len(candidate) >= 3
            if not (full_name or acronym_like):
                continue  # "Models", "Media", "Science", "web": ordinary words, not MoDELS, MedIA, Science, WWW
            if venue.acronym.upper() != "AI" and venue.acronym not in found:
                found.append(venue.acronym)
    return found


AREAS_BEFORE_VENUES = re.compile(
    r"((?:[\w/-]+(?:\s*,\s*|\s+and\s+|\s+or\s+|\s*/\s*|\s+)){1,6})(?:conferences?|venues?|journals?|workshops?)\b", re.I
)
AREAS_AFTER_VENUES = re.compile(
    r"(?:conferences?|venues?|journals?)\s+(?:within|in|on)\s+((?:[\w/-]+(?:\s*,\s*|\s+and/or\s+|\s+and\s+|\s+or\s+|\s+)?){1,8})",
    re.I,
)
"""Areas named as the kind of venue: "top-tier AI and systems conferences", "conferences or
journals within machine learning and/or healthcare" (not "publications in machine learning")."""


def areas_in(text: str) -> list[str]:
    """Publication areas named as the kind of venue ("top-tier AI and systems conferences")."""
    spans = [m.group(1) for m in [*AREAS_BEFORE_VENUES.finditer(text), *AREAS_AFTER_VENUES.finditer(text)]]
    written = " ".join(fold(span) for span in spans)
    return [
        area
        for area, spellings in _area_spellings().items()
        if any(re.search(rf"\b{re.escape(s)}\b", written) for s in spellings)
    ]


@cache
def _area_spellings() -> dict[str, frozenset[str]]:
    """Each publication area's names: its label's terms and their aliases ("ml", "machine learning")."""
    terms = term_catalogue()
    spellings: dict[str, frozenset[str]] = {}
    for area, label in venue_catalogue().area_labels.items():
        names = {fold(area)}
        for word in terms.expand([label]):
            canonical = terms.resolve(word).canonical or word
            names |= {fold(canonical), fold(word)} | {a for a, c in terms.canonical_of.items() if c == canonical}
        spellings[area] = frozenset(n for n in names if n)
    return spellings


RESEARCH_EXPERIENCE = re.compile(
    r"\bresearch experience|experience (?:in |with )?(?:conducting |doing )?research\b|experience as an? researcher|"
    r"conducting research|research (?:or|and) engineering experience|previous research|prior research|research track record",
    re.I,
)
SEEKING_EXPERIENCE = re.compile(
    r"\b(?:need|needs|lack|lacks|seek|seeking|want|wants|wish|hope)\s+(?:to\s+(?:gain|get|build)\s+)?(?:more\s+|some\s+|their\s+first\s+)?"
    r"research\s+experience|\b(?:gain|get|build)\s+(?:more\s+|some\s+|first\s+)?research\s+experience",
    re.I,
)
"""Research experience as what the internship gives ("meant for those who need more research
experience", "a chance to gain research experience"): no ask."""
YEARS = re.compile(r"\b(\d+(?:\.\d+)?|one|two|three|four|five)\+?\s*(?:or more\s*)?years?\b(?:\s+of)?", re.IGNORECASE)
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
PUBLISHING = re.compile(
    r"\b(track record|publish\w*|publications? (?:in|at|record)|papers? (?:at|in)|writing papers|authored|"
    r"first-author|publication record|publication\(s\))",
    re.I,
)
ON_SITE = re.compile(
    r"\b(re-?locate|relocation|physically located|on-?site|located in|based in|be in the office|work from (?:our|the) office)\b",
    re.IGNORECASE,
)
"""Asking to work at a place. "In person" alone is not ("communicate in writing and in person")."""
PRESENCE_REQUIRED = re.compile(
    r"\b(?:requires?|must|need\s+to|needs\s+to|have\s+to|has\s+to|will\s+need\s+to)\b[^.;]{0,40}?"
    r"\b(?:be\s+(?:physically\s+)?(?:located|based)\s+in|relocate\s+to|live\s+in|reside\s+in)\s+[A-Z]",
)
"""A place the candidate must be in, said in prose outside any list ("Taking part requires you to be
located in Germany"): an ask wherever it stands."""


def requires_presence(text: str) -> bool:
    """Whether a sentence asks the candidate to be at a place (read outside the qualifications too)."""
    return bool(PRESENCE_REQUIRED.search(text))


AVAILABLE_FOR = re.compile(
    r"\b(?:availab\w*|commit\w*|able to (?:work|complete|stay)|(?:period|length|duration) of (?:the )?(?:employment|"
    r"internship|placement|stay|appointment|visit))\b[^.;]{0,60}?"
    r"(?:(?:minimum of|at least|no less than|the whole|the full)\s+(\d+|(?:two|three|four|five|six|eight|ten|twelve)(?=\s))\s*"
    r"(weeks?|months?|days)\b|"
    r"(\d+)\s*(weeks?|months?|days)\s+(?:minimum|at least)\b|(\d+)\s*[-–]\s*\d+\s*(weeks?|months?)\b)",
    re.IGNORECASE,
)
"""A minimum time a candidate must be free to work: "can commit to a minimum of 6 months", "for 6
months minimum", "a full-time internship of 13-17 weeks" (the shorter end), "available for the
whole 90 days". A length said without a minimum ("to work for 12 weeks during the summer") or
hedged ("depends on proficiency") describes the internship; it stays a text to read. "The period of
employment is at least two months" is a minimum too."""
WEEKS_IN = {"week": 1.0, "month": 52 / 12, "day": 1 / 7}
COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "eight": 8, "ten": 10, "twelve": 12}


def available_weeks(text: str) -> int | None:
    """The weeks of availability a sentence asks for, or None."""
    match = AVAILABLE_FOR.search(text)
    if match is None or re.search(r"\bdepend", text, re.IGNORECASE):
        return None
    number, unit = [g for g in match.groups() if g is not None][:2]
    count = int(number) if number.isdigit() else COUNT_WORDS[number.lower()]  # "at least three months"
    return round(count * WEEKS_IN[unit.lower().rstrip("s")])


AVAILABLE_TO_START = re.compile(r"\bavailab\w*\s+to\s+start\s+(?:no\s+later\s+than|by|before|on)\s+", re.IGNORECASE)


AVAILABLE_BETWEEN = re.compile(r"\bavailab\w*\s+(?:[\w-]+\s+){0,5}?(?:between|from)\s+", re.IGNORECASE)
"""Available over a window: "available for the whole 90 days between 1st July and 30th September
2025" asks to be free from its first day."""


def available_from(text: str) -> str | None:
    """The day by which a candidate must be free to start, when written with its year: "be
    available to start no later than 1st June 2027" -> "2027-06-01"; "available ... between 1st July
    and 30th September 2025" -> "2025-07-01" (the first day takes the window's year)."""
    cue = AVAILABLE_TO_START.search(text)
    if not cue and (window := AVAILABLE_BETWEEN.search(text)):
        written = dates_in(text[window.end() :])[:2]
        if len(written) == 2 and written[0].day and written[0].month and (year := written[0].year or written[1].year):
            day = written[0].on(year)
            return day.isoformat() if day else None
    written = dates_in(text[cue.end() :]) if cue else []
    if not written or written[0].year is None or written[0].day is None:
        return None
    day = written[0].on(written[0].year)
    return day.isoformat() if day else None


DEGREE_AND_SKILLS = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:have|has|having|possess|with)\s+(?:at\s+least\s+)?(?:[\w+-]+\s+){0,4}?"
    r"(?:experience|exposure|knowledge|familiarity|background|skills|proficiency)\b",
    re.IGNORECASE,
)
"""Where a degree sentence goes on to ask for skills: "..., and have at least 1 year of experience
with ...", "..., with exposure to areas such as: ..."."""


@cache
def _residence_words() -> re.Pattern[str]:
    """posting_vocabulary.yaml's residence_words, as one pattern."""
    words = sorted(read_data_file("posting_vocabulary.yaml")["residence_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


PUBLICATION_COUNT = re.compile(
    r"\b(?:(?P<number>\d|one|two|three|four|five)\s+(?:or\s+more\s+)?|(?P<several>multiple|several|many)\s+)"
    r"(?:(?:\w+[- ])?(?:\w+\s+)?)?(?:publications|papers)\b",
    re.IGNORECASE,
)
"""How many papers are asked: "two first-author papers", "multiple research publications" (two or more)."""


def publications_asked(text: str) -> int:
    """The least number of papers a sentence asks for: the number it writes, 2 for "multiple" or
    "several", else 1."""
    count = PUBLICATION_COUNT.search(text)
    if count is None:
        return 1
    if count.group("several"):
        return 2
    value = count.group("number").lower()
    return int(NUMBER_WORDS.get(value, value))


STUDYING_OUTSIDE = re.compile(
    r"\b(?:currently\s+)?(?:studying|study|enrolled|based)\s+(?:at\s+(?:a|an)\s+\w+\s+)?outside\s+(?:of\s+)?(?:the\s+)?"
    r"(?P<place>[A-Z]\w*(?:\s+[A-Z]\w*)*)"
)
"""Where the candidate must not study ("currently studying outside Singapore"): an ask of its own
beside the degree, kept as text since no posting key says "not in"."""


def qualifications_from(text: str, places: list[str], year: int | None = None) -> list[dict[str, Any]]:
    """Qualifications one requirement sentence asks for; a text qualification when nothing else.
    `year` is the posting's, for a start window written without one ("starting in May or June")."""
    quals: list[dict[str, Any]] = []
    degree = with_enrolment(text, degree_qualification(text))
    if degree:
        quals.append(degree)
    if RESEARCH_EXPERIENCE.search(text) and not degree and not SEEKING_EXPERIENCE.search(text):
        research: dict[str, Any] = {}
        years = YEARS.search(text)
        if years and re.search(r"years?\s+(?:of\s+)?(?:\w+\s+){0,2}research", text, re.I):
            value = years.group(1).lower()
            research["min_years"] = float(NUMBER_WORDS.get(value, value))
        fields = _research_fields(text)
        if fields:
            research["fields"] = fields
        quals.append({"research_experience": research})
    venues = venues_in(text) if not study_institutions(text) else []  # "LUMS, NUST and FAST" are universities
    least = publications_asked(text)
    if venues:
        quals.append({"publications": {"venues": venues, "min": least}})
    elif re.search(r"\b(publications?|papers?|published)\b", text, re.I) and PUBLISHING.search(text):
        areas = areas_in(text)
        quals.append({"publications": {"areas": areas, "min": least} if areas else {"min": least}})
    weeks, start, window = available_weeks(text), available_from(text), start_window(text, year)
    latest = None
    if window is not None and start is None:  # a day to be free by says more than a window of months
        start, latest = window
    if weeks is not None or start is not None:
        asked = (("start", start), ("latest_start", latest), ("weeks", weeks))
        quals.append({"availability": {k: v for k, v in asked if v is not None}})
    residence = _residence_words().search(text)
    if ON_SITE.search(text) and not residence:  # "located in a time zone near CET" names no workplace
        named = places_named_in(text) or list(places)
        if named:
            quals.append({"location": {"on_site": named}})
    if residence:  # the text rule reads time zones and citizenship; a sentence asking more keeps them too
        quals.append({"text": text})
    outside = STUDYING_OUTSIDE.search(text) if degree else None
    if outside:  # "a full-time PhD student, currently studying outside Singapore": no key says "not in"
        quals.append({"text": f"studying outside {outside.group('place')}"})
    asked_too = DEGREE_AND_SKILLS.search(text) if degree else None
    if (not quals or asked_too) and not MARKS_ASKED.search(text):  # "a PhD in CS and 1 year with EEG": skills too
        tail = text[asked_too.start() :] if asked_too else text
        whole = whole_item_skill(tail) if not quals else None
        groups = [{"all": [whole]}] if whole else [g for part in _alternative_groups(tail) if (g := _skills_group(part))]
        quals += [{"skills": group} for group in groups]
    if not quals:
        quals.append({"text": text})
    for qualification in quals:
        qualification["quote"] = text
    return quals


def _alternative_groups(text: str) -> list[str]:
    """ "Java, C++, or other languages, and Python or similar scripting languages": two lists of
    alternatives, each asked (", and" between two parts that each offer a choice, unless a lead-in
    offers the whole list as one: "one or more of the following: A, B, and C"); "Python and at
    least one lower level language (Go, Rust)": one skill, and a choice."""
    if ";" in text:  # "Python; Hadoop, SQL, Spark or similar": lists a semicolon parts are each asked
        pieces = [p.strip() for p in text.split(";") if p.strip()]
        if len(pieces) > 1 and all(skills_in(p) for p in pieces):
            return [g for p in pieces for g in _alternative_groups(p)]
    parts = re.split(r",\s+and\s+", text)
    one_list = re.search(r"\b(?:one or more|any|at least one|one)\s+of\s+the\s+following\b", parts[0], re.I)
    if len(parts) == 2 and not one_list and all(re.search(r"\bor\b", p) and skills_in(p) for p in parts):
        return parts
    choice = re.search(
        r"\s+and\s+(?=(?:at\s+least\s+)?(?:one|any)\s+(?:of\s+)?)", text
    )  # "Python and at least one of (Go, Rust)"
    if choice and skills_in(text[: choice.start()]) and skills_in(text[choice.end() :]):
        return [text[: choice.start()], text[choice.end() :]]
    return [text]


def _skills_group(text: str) -> dict[str, Any] | None:
    skills = skills_in(text)
    named = _uncatalogued(open_skills(text, known=lambda name: _compact(name) in _spellings()), skills)
    spelt_known = any(_compact(name) in _spellings() for name in named)  # "crowd sourcing" is crowdsourcing
    if not skills and not spelt_known and not OR_GROUP.search(text):
        # only names no catalogue knows, each of them asked: the drafter cannot tell a skill from a
        # phrase ("AI-native engineering"), and a profile would have to match every one; as text the
        # verdict is unknown, not a wrong "unmet"
        return None
    skills += named
    if not skills:
        return None
    several = SEVERAL_OF.search(text)
    if several:  # "experience on multiple ML facets: A, B, C": any two of the list; its lead names the kind
        listed = [k for k in skills if fold(k) not in fold(text[: several.end()])] or skills
        if len(listed) > 2:
            return {"any": listed, "min": 2}
    area = examples_of(text, _catalogue_name)
    if area is not None and fold(area) not in (fold(s) for s in skills):  # "one area of CS (e.g. ...)": any kind of CS
        return {"any": skills, "examples_of": area}
    return {"any" if OR_GROUP.search(text) and len(skills) > 1 else "all": skills}


SEVERAL_OF = re.compile(
    r"\b(?:multiple|several|two or more|at least two)\b[^:.;]{0,60}?(?::|\bof the following\b|\bsuch as\b)", re.I
)
"""A list introduced as several of its kind ("multiple machine learning facets:", "several of the
following"): at least two of the items, not all of them."""


def _catalogue_name(written: str) -> str | None:
    """The term catalogue's name of an area written by name or alias, else None."""
    resolved = term_catalogue().resolve(written)
    return resolved.canonical if resolved.how in ("exact", "alias") else None


def _compact(name: str) -> str:
    return re.sub(r"[\s-]+", "", fold(name))


@cache
def _spellings() -> dict[str, str]:
    """Known skill names by their letters alone, so "crowd sourcing" and "multi-modal" are read as
    the names the catalogue and posting_vocabulary.yaml spell "crowdsourcing" and "multimodal"."""
    catalogue = term_catalogue()
    spellings = {_compact(alias): canonical for alias, canonical in catalogue.canonical_of.items()}
    return {**spellings, **{_compact(n): n for n in extra_skills().values()}}


def _uncatalogued(named: list[str], known: list[str]) -> list[str]:
    """Skills a list names that `skills_in` did not read: a name the catalogue knows as written was
    read there (or left out on purpose, as a stop-word or a category before its examples); a known
    name spelt with other spaces or hyphens ("crowd sourcing") is given as known."""
    terms = term_catalogue()
    taken = {fold(k) for k in known} | {fold(terms.resolve(k).canonical or k) for k in known}
    out: list[str] = []
    for name in named:
        if terms.resolve(name).how in ("exact", "alias") or fold(name) in extra_skills():
            continue
        spelt = _spellings().get(_compact(name))
        if spelt is not None:
            name = spelt
        elif any(fold(name) in fold(k) for k in known) or any(2 * len(t.split()) > len(name.split()) for t in skills_in(name)):
            continue  # "machine learning models": the catalogue's term, most of the name, is what is asked
        if fold(name) not in taken:
            taken.add(fold(name))
            out.append(name)
    return out


def _research_fields(text: str) -> list[str]:
    """ "research experience in computer vision or robotics", "a research track record in one or more
    areas of vision and graphics" -> the fields, as catalogue names."""
    match = re.search(r"research\s+(?:experience\s+|track record\s+)?(?:in|on|with)\s+(.+?)(?:[.;]|, with\b|$)", text, re.I)
    if not match:
        return []
    lead = r"^(?:at least one of |one or more (?:of )?)?(?:the )?(?:following )?(?:fields?|areas?)(?: of)?\W*"
    tail = re.sub(lead, "", match.group(1))
    # "applying machine learning / deep learning to medical imaging processing": what is applied, and
    # to what, are each a field; a gerund before them and a generic last word ("processing") are not
    parts = [p.strip(" ,") for p in re.split(r",|\bor\b|\band\b|/|:|\bto\b|\bfor\b", tail) if p.strip(" ,")]
    parts = [re.sub(r"^(?:\w+ing)\s+(?=\w)", "", p) if not _field_term(p) else p for p in parts]
    return list(dict.fromkeys(c for p in parts if len(p) < 40 and (c := _field_term(p) or _field_term(p.rsplit(" ", 1)[0]))))


def _field_term(written: str) -> str | None:
    return term_catalogue().resolve(written).canonical if written.strip() else None


def places_named_in(text: str) -> list[str]:
    """Places a sentence names after "to", "in" or "at" that the place catalogue knows."""
    found = []
    for match in re.finditer(r"\b(?:to|in|at) (?:the )?([A-Z][A-Za-z. ]+(?:, [A-Z][A-Za-z. ]+)*)", text):
        candidate = match.group(1).strip(" .")
        candidate = re.sub(r"\s+(?:area|region|office|for|during)\b.*$", "", candidate)
        if gazetteer().parse(candidate).regions:
            found.append(candidate)
    return found


EXPERIENCE_INSTEAD = re.compile(
    r"(?:whatever|regardless\s+of)\s+your\s+(?:background|degree|studies)[^.]*?\b(?:consider\s+applying|apply|we\s+(?:encourage|welcome)\s+you)"
    r"[^.]*?\bif\s+you\s+have\s+(?P<instead>[^.]+)",
    re.IGNORECASE,
)
"""A degree the page waives for something else, said right after it: "Pursuing advanced degrees in
ML (MS/PhD). Whatever your background, consider applying if you have strongly relevant experience"."""


def experience_instead(sentences: list[str]) -> tuple[str, str] | None:
    """The sentence of an item that waives its degree, and what it takes instead."""
    for sentence in sentences:
        found = EXPERIENCE_INSTEAD.search(sentence)
        if found:
            return sentence, found.group("instead").strip(" ,")
    return None


def waived(quals: list[dict[str, Any]], instead: tuple[str, str] | None) -> list[dict[str, Any]]:
    """Degree asks an item waives as either the degree or what it takes instead (any_of)."""
    if instead is None:
        return quals
    return [
        {"any_of": [{"degree": q["degree"]}, {"text": instead[1]}], "quote": f"{q.get('quote', '')} {instead[0]}".strip()}
        if "degree" in q
        else q
        for q in quals
    ]
