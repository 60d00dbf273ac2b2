"""`text`: a qualification in the posting's own words ("Effective communication skills").

Posting file: `text: "..."`, or a bare sentence in a qualification list.
A text about when the candidate graduates ("in the penultimate or final year", "returning to
school after the internship") is judged against the profile's expected graduation by
matcher.rules.graduation, and says it was inferred; one asking for a year of a degree of some
length ("the third year of a four-year Bachelor's") by matcher.rules.degree_year. A text asking for soft skills ("strong written
and verbal communication skills") is met when the profile's words show each one ("a clear
writer"), by knowledge/soft_skills.yaml. A text asking for a time zone is judged against where the
profile lives (matcher.rules.time_zones); one asking for citizenship or the right to work against
the profile's work_authorization or statement (matcher.rules.authorisation; the nationality of an
organisation's member country through knowledge/member_countries.yaml); one setting an age limit
against the age the statement gives (matcher.rules.age, said estimated); one asking for a degree
completed within some years before the programme against when the last degree ended
(matcher.rules.recent_graduation); one asking for code the
candidate can share ("code you can share", "open-source contributions") against what the statement
and experience say of public code (matcher.rules.shared_code); one asking for
international students from overseas universities against where the profile studies
(matcher.rules.international); one asking for a grade ("a 2:1 or equivalent") against the grade
the statement gives (matcher.rules.grades); one asking for a plan ("interested in undertaking a
PhD") against the statement's plans (matcher.rules.plans); one asking for a statement in line with a
mission or a project the posting names against the statement's sentences of intent
(matcher.rules.alignment); one asking for a commitment of some
weeks or months against the availability window (matcher.rules.commitment); one asking that the
candidate not have been in the programme before against the statement and experience
(matcher.rules.participation); one asking for experience in industry against the experience
entries (matcher.rules.industry); one asking for
command of a language against the languages the statement names (matcher.rules.languages); one
asking for an English test score against the score the statement gives (matcher.rules.english_tests);
one asking for years of study completed against the year of the programme (matcher.rules.years_done);
one asking that the candidate belong to a group only they can name ("self-identifies as having a
disability") against the statement, unknown when it is silent (matcher.rules.self_identification);
one asking for the home institution's approval or a referee, likewise (matcher.rules.endorsements).
A text whose ask depends on the degree stage ("If still a Bachelor's student, in the final year";
"a Bachelor's student who has completed 3 years, or a Master's student who has completed 1") is
first narrowed to the profile's stage (matcher.rules.stage_alternatives).
A text naming fields or topics is met by the profile's evidence in all of them, or one of a list
of alternatives (matcher.rules.evidence); a topic followed by examples of it, in brackets or after a
colon ("representation learning (contrastive, dense and sparse ...)"), asks for the topic.
Otherwise its content words are looked up in the profile's skills, interests and statement
(exactly, or fuzzily for longer words). Met when at least TEXT_MET_COVERAGE of them are found;
otherwise unknown, never partial or unmet: free text is judged only when the profile clearly
speaks to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

from matcher.knowledge.terms import catalogue as term_catalogue
from matcher.knowledge.text import GENERIC_WORDS, communication_media, fold, soft_skill_framing, soft_skill_words
from matcher.models import Judgement, Posting, Profile, TextCriterion, Verdict
from matcher.positioned import ValueReader, type_name
from matcher.rules.age import judge_age
from matcher.rules.alignment import judge_alignment
from matcher.rules.authorisation import judge_authorisation, judge_membership
from matcher.rules.base import Judges, ReadQualification, Rule, TextReading, clip, judgement
from matcher.rules.commitment import judge_commitment
from matcher.rules.degree_year import judge_year_of_degree
from matcher.rules.endorsements import judge_endorsement
from matcher.rules.english_tests import judge_english_test
from matcher.rules.evidence import field_evidence, supports
from matcher.rules.grades import judge_grade
from matcher.rules.graduation import judge_completed, judge_enrolled_throughout, judge_graduation, judge_standing
from matcher.rules.industry import judge_industry
from matcher.rules.international import judge_international
from matcher.rules.languages import judge_languages
from matcher.rules.participation import judge_participation
from matcher.rules.partners import judge_partners
from matcher.rules.plans import judge_plans
from matcher.rules.recent_graduation import judge_recent_graduation
from matcher.rules.self_identification import judge_self_identification
from matcher.rules.shared_code import judge_shared_code
from matcher.rules.stage_alternatives import by_stage
from matcher.rules.time_zones import judge_time_zone
from matcher.rules.years_done import judge_years_done
from matcher.tuning import SHORT_TERM_LENGTH, TEXT_MET_COVERAGE, TEXT_WORD_CUTOFF

RULE = "text: its content words found in skills, interests or statement"

_FAMILIES: tuple[Callable[[str, Profile, date], TextReading | None], ...] = (
    judge_enrolled_throughout,
    judge_graduation,
    judge_standing,
    judge_years_done,
    judge_year_of_degree,
    judge_completed,
    judge_recent_graduation,
    judge_authorisation,
    judge_membership,
    judge_age,
    judge_shared_code,
    judge_self_identification,
    judge_endorsement,
    judge_international,
    judge_partners,
    judge_grade,
    judge_plans,
    judge_alignment,
    judge_english_test,
    judge_languages,
    judge_participation,
    judge_industry,
    judge_commitment,
    judge_time_zone,
)
"""The families of text a module of its own reads, asked in this order: the first that reads a
text judges it (each gives None for a text not of its kind)."""


class _Word(NamedTuple):
    word: str
    source: str
    item: str


class ProfileWords:
    """The profile's words that text qualifications are compared with, indexed once."""

    def __init__(self, profile: Profile) -> None:
        self.by_word: dict[str, _Word] = {}
        self.soft_skills: dict[str, _Word] = {}
        """Soft skill -> the first word of the profile's that shows it."""
        skill_of = soft_skill_words()
        for source, items in (
            ("skills", profile.skills),
            ("interests", profile.interests),
            ("statement", [profile.statement] if profile.statement else []),
        ):
            for item in items:
                # A technical skill's name shows no soft skill: "scikit-learn" is no wish to learn.
                technical = source == "skills" and bool(term_catalogue().mentions(item))
                for word in fold(item).split():
                    if word not in GENERIC_WORDS:
                        self.by_word.setdefault(word, _Word(word, source, item))
                        if word in skill_of and not technical:
                            self.soft_skills.setdefault(skill_of[word], _Word(word, source, item))
        self.fuzzy_keys = [k for k in self.by_word if len(k) > SHORT_TERM_LENGTH]


def content_words(text: str) -> list[str]:
    return list(dict.fromkeys(w for w in fold(text).split() if w not in GENERIC_WORDS and len(w) > 1))


class TextRule(Rule[TextCriterion]):
    criterion = TextCriterion
    reads = frozenset(
        {
            "skills",
            "interests",
            "statement",
            "degree",
            "research",
            "publications",
            "location",
            "work_authorization",
            "availability",
        }
    )

    def __init__(self, judges: Judges) -> None:
        super().__init__(judges)
        self.words = ProfileWords(self.profile)
        self.evidence = field_evidence(self.profile)

    @classmethod
    def read(
        cls, reader: ValueReader, value: Any, mark: Any, what: str, read_qualification: ReadQualification
    ) -> TextCriterion | None:
        if not isinstance(value, str) or not value.strip():
            reader.problem(f"{what}: expected the qualification as text, got {type_name(value)}", mark)
            return None
        return TextCriterion(value.strip())

    def judge(self, c: TextCriterion, posting: Posting | None) -> Judgement:
        reading = self._family_reading(c.text)
        if reading is not None:
            rule, credit = f"text about {reading.rule}", reading.partial_credit or 0.0
            return judgement(reading.verdict, rule, reading.evidence, credit=credit, matched=reading.matched)
        topics = self._topics(c.text)
        if topics is not None:
            return topics
        soft = self._soft_skills(c.text)
        if soft is not None:
            return soft
        wanted = content_words(c.text)
        by_word, fuzzy_keys = self.words.by_word, self.words.fuzzy_keys
        if not wanted or not by_word:
            return judgement(Verdict.UNKNOWN, RULE, "nothing in the profile speaks to it")
        found: list[str] = []
        items: list[str] = []
        for word in wanted:
            hit = by_word.get(word)
            score = 100
            if hit is None and len(word) > SHORT_TERM_LENGTH:
                best = process.extractOne(word, fuzzy_keys, scorer=fuzz.ratio, score_cutoff=TEXT_WORD_CUTOFF)
                if best is not None:
                    hit, score = by_word[best[0]], round(best[1])
            if hit is not None:
                shown = hit.source if hit.source == "statement" else f"{hit.source} '{clip(hit.item)}'"
                found.append(f"'{word}' ~ {shown}" + (f" ({score})" if score < 100 else ""))
                items.append(hit.source if hit.source == "statement" else hit.item)
        if not found:
            return judgement(Verdict.UNKNOWN, RULE, "nothing in the profile speaks to it")
        coverage = len(found) / len(wanted)
        evidence = f"{len(found)} of {len(wanted)} words: " + "; ".join(found)
        if coverage < TEXT_MET_COVERAGE:
            # Too little to judge. Unknown, not partial: weak evidence must not cost points that
            # no evidence at all would not (adding a skill never lowers a score).
            return judgement(
                Verdict.UNKNOWN,
                RULE,
                f"too little to judge ({coverage:.0%} < {TEXT_MET_COVERAGE:.0%}): {evidence}",
                similarity=round(coverage * 100),
            )
        matched = ", ".join(dict.fromkeys(clip(i) for i in items))
        return judgement(Verdict.MET, RULE, evidence, matched=matched, similarity=round(coverage * 100))

    def _family_reading(self, text: str) -> TextReading | None:
        """The reading of the first family that reads the text; a text that depends on the degree
        stage is narrowed to the profile's first (matcher.rules.stage_alternatives), and met when
        any alternative for that stage is."""
        narrowed = by_stage(text, self.profile)
        if narrowed is not None and narrowed.not_asked is not None:
            return narrowed.not_asked
        if narrowed is not None:
            readings = [r for r in map(self._first_family, narrowed.asks) if r is not None]
            best = next((r for r in readings if r.met), None) or next((r for r in readings if r.met is None), None)
            if best is not None or (readings and len(readings) == len(narrowed.asks)):
                return best or readings[0]
        return self._first_family(text)

    def _first_family(self, text: str) -> TextReading | None:
        for read in _FAMILIES:
            reading = read(text, self.profile, self.today)
            if reading is not None:
                return reading
        return None

    def _topics(self, text: str) -> Judgement | None:
        """A text naming fields or topics ("interest in cybersecurity, privacy or formal methods"),
        met when the profile's evidence is in all of them (one, for a list of alternatives),
        through the term hierarchy; None when it names none or too few are met, for the words."""
        # "Interest in representation learning (contrastive learning, dense and sparse
        # representations, ...)" names its topic before the bracket or colon and examples of it
        # after: the topic is what is asked.
        head = re.split(r"[:(]", text, maxsplit=1)[0]
        named = (term_catalogue().mentions(head) if head != text else ()) or term_catalogue().mentions(text)
        if not named:
            return None
        spoken = {t: [e for e in self.evidence if supports(t, e.term)] for t in named}
        found = [t for t in named if spoken[t]]
        alternatives = " or " in f" {fold(text)} "
        if not found or (len(found) < len(named) and not alternatives):
            return None
        used = [e for t in found for e in spoken[t]]
        how = "stated" if any(e.stated for e in used) else "inferred"
        sources = "; ".join(dict.fromkeys(e.source for e in used))
        evidence = f"names {', '.join(named)}; the profile is in {', '.join(found)} ({how}: {sources})"
        return judgement(Verdict.MET, "text: the fields it names, in the profile's evidence", evidence, matched=", ".join(found))

    def _soft_skills(self, text: str) -> Judgement | None:
        """A text about soft skills, met when the profile's words show each one it names; None
        when it is about something else, or one is not shown (then its words decide). A text is
        about soft skills when they are most of its words, or when it names two or more and no
        field or skill of the term catalogue ("self-motivated, works a problem through from start
        to finish and shares blockers with the team"). Communication "through papers, pre-prints
        or blogs" is shown by the profile's papers."""
        skill_of = soft_skill_words()
        words = [w for w in content_words(text) if w not in soft_skill_framing()]
        asked = list(dict.fromkeys(skill_of[w] for w in words if w in skill_of))
        media = [w for w in words if w in communication_media()]
        through_media = "communication" in asked and bool(media)
        mostly = 2 * sum(w in skill_of for w in words) >= len(words)
        only_soft = len(asked) >= 2 and not term_catalogue().mentions(text)
        if not asked or not (mostly or only_soft or through_media):
            return None
        shown: dict[str, str | None] = {}
        items: list[str] = []
        for skill in asked:
            word = self.words.soft_skills.get(skill)
            if skill == "communication" and through_media and self.profile.publications:
                papers = [
                    f"'{clip(p.title or 'untitled', 50)}'" + (f" ({p.venue})" if p.venue else "")
                    for p in self.profile.publications
                ]
                shown[skill] = f"{', '.join(media)} asked; publications {'; '.join(papers[:3])}"
                items.append("publications")
            elif word is not None:
                shown[skill] = f"{word.source} '{clip(word.item)}'"
                items.append(word.item)
            else:
                return None
        said = "; ".join(f"{skill} ~ {how}" for skill, how in shown.items())
        return judgement(
            Verdict.MET,
            "text: the soft skills it names, shown in the profile's words (knowledge/soft_skills.yaml)",
            f"asks for {', '.join(asked)}; inferred from the profile: {said}",
            matched=", ".join(dict.fromkeys(items)),
        )

    @classmethod
    def label(cls, c: TextCriterion, verdict: Verdict, judgement: Callable[[], Judgement]) -> str:
        return clip(c.text, 40)
