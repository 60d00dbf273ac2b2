"""Skills a sentence asks for that no catalogue lists: the noun phrases of the list a cue opens
("experience with X, Y and Z", "familiarity with", "knowledge of", "proficiency in", "such as",
a list in brackets). Each item is kept when it reads as the name of a thing one can know or use: a
short run of words with no verb, pronoun or preposition, its determiners and vague qualifiers
("strong", "modern", "relevant") and its generic head ("technologies", "tools") taken off.
Catalogue terms are read by `qualification_phrases.skills_in`; this reads what it cannot."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from matcher.knowledge import read_data_file
from matcher.knowledge.text import fold

CUE = re.compile(
    r"\b(?:experience|expertise|exposure|proficiency|skills?|background|fluency)\s+"
    r"(?:(?:with|in|using|of|on)|\w+ing(?:\s+(?:and|or)\s+\w+ing)?)\s+|"
    r"\b(?:familiar(?:ity)?\s+with|knowledge\s+(?:of|in)|understanding\s+of|proficient\s+(?:in|with)|"
    r"(?:knows?|know-how\s+(?:in|of))|such\s+as|e\.g\.,?|including:?|like)\s+",
    re.IGNORECASE,
)
"""What opens a list of things asked for."""
CLAUSE_END = re.compile(
    r"[.;:!?]|\s[-–—]\s|\b(?:to|for|that|which|who|where|when|while|in order|is|are|would|will|as well as|at|from|across|"
    r"within|into|is a plus|a plus|preferred|is required|required|etc)\b",
    re.IGNORECASE,
)
"""Where the list ends: the clause goes on to say what the things are for."""
MARKS_ASKED = re.compile(
    r"\b(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)\s*(?:marks?|aggregate|score)?|marks|gpa|grade\s+point|cgpa|"
    r"(?:minimum|min\.?|average)\s+grades?|grades?\s+of\s+[A-D]\b)",
    re.IGNORECASE,
)
"""A grade asked in subjects ("more than 55% marks in Mathematics and Science", "a GPA of 3.5 in
Computer Science courses"): the subjects are where the grade was earned, not skills to have. The
sentence stays a text ask, for its reader, rather than a skill the gold would not ask."""
ITEM_SPLIT = re.compile(r"\s*(?:,|\band/or\b|\band\b|\bor\b|/|&|\(|\)|\bsuch as\b|\be\.g\.,?|\bincluding\b|\blike\b)\s*", re.I)
LEADING = re.compile(
    r"^(?:(?:a|an|the|some|any|one|more|of|other|strong|solid|good|deep|great|excellent|modern|relevant|advanced|basic|"
    r"common|popular|standard|related|various|several|similar|general|practical|hands-on|working|proven|demonstrated|"
    r"prior|previous|at|least|in|with|using|applied|current|emerging|new|latest|key|core|your)\s+)+",
    re.IGNORECASE,
)
GENERIC_HEAD = re.compile(
    r"\s+(?:technologies|technology|tools|tooling|frameworks?|environments?|techniques|methods|methodologies|concepts|"
    r"principles|strategies|approaches|libraries|stacks?|platforms|solutions|practices|skills|fundamentals)$",
    re.IGNORECASE,
)
"""A generic last word that a named thing does without ("big data technologies" -> big data); a
catalogue name keeps it ("distributed systems" is read by the catalogue, not here)."""


@cache
def not_skill_words() -> frozenset[str]:
    """Words no skill name holds: verbs, pronouns, prepositions and vague nouns (posting_vocabulary.yaml)."""
    return frozenset(fold(w) for w in read_data_file("posting_vocabulary.yaml")["not_skill_words"])


COLON_LIST = re.compile(r"(?:^|[:.]\s+)(?:[A-Z][\w-]*(?:\s+\([A-Z]+\))?(?:\s+(?:&|and|of)\s+|\s+)?){1,5}:\s+(?=[^,]+,)")
"""A list announced by an area's name in Title Case and a colon: "Recommender Systems: collaborative
filtering, content-based recommendation, ..." (not a sentence's "architecture: GPU, memory, ...")."""


def open_skills(sentence: str, known: Callable[[str], bool] = lambda name: False) -> list[str]:
    """Skill names the lists of a sentence give, as written, in order, without repeats. One phrase
    alone after a cue counts only when `known` knows it (spelt another way)."""
    found: list[str] = []
    for cue in [*CUE.finditer(sentence), *COLON_LIST.finditer(sentence)]:
        rest = sentence[cue.end() :]
        if cue.re is COLON_LIST:  # each item of a colon's list ends at its own clause end
            rest = rest.split(":")[0]
            items = [_clause(item) for item in re.split(r",", rest)]
            items = [part for item in items for part in ITEM_SPLIT.split(item)]
            span = rest
        else:
            span = _clause(rest)
            items = ITEM_SPLIT.split(span)
        examples = re.search(r"\b(?:such as|e\.g\.|like)\b|\bincluding\s*:|\(", span, re.IGNORECASE)
        names = [
            name
            for index, item in enumerate(items)
            if not (examples and index == 0 and len(items) > 1)  # "columnar databases such as ClickHouse": the examples
            and (name := _name(item))
        ]
        if len(names) < 2 and not examples and not all(known(n) for n in names):
            continue  # one phrase alone ("experience with larger codebases") is prose more often than a name
        found += [n for n in names if fold(n) not in (fold(f) for f in found)]
    return found


def _clause(text: str) -> str:
    end = CLAUSE_END.search(text)
    return text[: end.start()] if end else text


def _name(item: str) -> str | None:
    words = GENERIC_HEAD.sub("", LEADING.sub("", item.strip(" .,'\"`*"))).split()
    if not words or len(words) > 4 or not all(re.fullmatch(r"[A-Za-z][A-Za-z0-9+#.-]*", w) for w in words):
        return None
    if any(fold(w) in not_skill_words() for w in words) or (len(words) > 1 and words[0].lower().endswith("ing")):
        return None  # "writing papers", "the team": not a thing one knows
    if len(words) == 1 and not (words[0][:1].isupper() or re.search(r"[0-9+#]", words[0])):
        return None  # one lower-case word ("scripting", "tools", "latency") is a name only when written as one (Bazel)
    return " ".join(words)


def whole_item_skill(item: str) -> str | None:
    """A list item that is nothing but a name of two words or more ("Non-convex optimization",
    "Stochastic differential equations"): that name is the skill, not a catalogue term inside it."""
    if len(item) > 60 or re.search(r"[.;:!?()]", item.rstrip(". ")):
        return None
    name = _name(item)
    return name if name is not None and len(name.split()) >= 2 else None


EXAMPLES_OF_AREA = re.compile(
    r"\b(?:one|an?|any|at\s+least\s+one)\s+(?:or\s+more\s+)?(?:(?:sub-?)?(?:areas?|fields?|domains?|branch(?:es)?))\s+"
    r"(?:of|in|within)\s+(?P<area>[A-Za-z][\w/ -]{1,40}?)\s*(?:\(\s*|,\s*|:\s*)?(?:e\.g\.|eg\b|such\s+as|for\s+example|like\b)",
    re.IGNORECASE,
)
"""A list given as examples of an area: "experience in one area of computer science (e.g. LLMs,
NLU, computer vision)", "any field of machine learning, such as ...". The area is read only when
the sentence says one of its areas is asked ("one area of"), not on any "such as"."""


def examples_of(sentence: str, known: Callable[[str], str | None]) -> str | None:
    """The area whose examples a sentence lists, as `known` names it (the term catalogue's name),
    or None: an area the catalogue does not know could not be matched to a profile's skills."""
    match = EXAMPLES_OF_AREA.search(sentence)
    return known(match.group("area").strip()) if match else None


UNIT_BEFORE = re.compile(r"\b(?:School|Department|Faculty|College|Institute|Cent(?:er|re)|Division)\s+(?:of|for)$")
"""A unit named by its subject: "a selection board in the School of Computer Science"."""
PROGRAMME_AFTER = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:Program|Programme|Scholarships?|Fellowships?|Institute|University|Laboratory|Lab|"
    r"Cent(?:er|re)|School)\b"
)
"""What follows an acronym that names a programme or a body ("UQ Summer Research Scholarship
Program", "ML Residency Program"): the acronym is the name's (often the organisation's)."""


def in_a_name(phrase: str, before: list[str], after: list[str]) -> bool:
    """Whether a skill's words, between the words before and after them, are part of a unit's or a
    programme's name rather than an ask."""
    return bool(UNIT_BEFORE.search(" ".join(before))) or (phrase.isupper() and bool(PROGRAMME_AFTER.match(" ".join(after))))
