"""ingest, fifth round (issue 20): general behaviours for unseen postings, found by counting which
drafted item made a verdict differ (tools/ingest_corpus.py --by-cause). Each on a small posting
written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.ingest import draft_posting
from matcher.loading import posting_from_yaml
from matcher.models import DegreeCriterion, Posting, SkillsCriterion, Stage, TextCriterion


def drafted(text: str) -> Posting:
    return posting_from_yaml(draft_posting(text, "test").posting, "t.yaml")


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skills(quals) -> set[str]:
    return {t.lower() for q in quals if isinstance(q.criterion, SkillsCriterion) for t in q.criterion.terms}


def texts(quals) -> list[str]:
    return [q.criterion.text for q in quals if isinstance(q.criterion, TextCriterion)]


def test_lines_wrapped_inside_a_sentence_are_joined() -> None:
    text = (
        "Summer research programme at the Example Institute\n"
        "The programme is open to advanced graduate students in computer\n"
        "science at universities in Canada.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.fields == ("computer science",)


def test_a_short_line_is_not_joined_to_an_address_after_it() -> None:
    text = "Research Intern, 2027\nAcme\nsomeboard.example\n\nYou must be enrolled in a PhD program.\n"
    assert drafted(text).organization == "Acme"


def test_several_degree_mentions_become_one_ask_of_the_stages_most_name() -> None:
    text = (
        "Research Internship\n\n## Requirements\n\n"
        "- You must be enrolled in a Bachelor's or Master's programme.\n"
        "- Students who have not yet finished their Bachelor's degree must have completed two years of study.\n"
        "- Master's students in any field may apply.\n"
    )
    (found,) = degrees(drafted(text))
    assert set(found.stages) == {Stage.BACHELORS, Stage.MASTERS}


def test_a_stage_only_a_minority_of_mentions_names_is_no_ask() -> None:
    text = (
        "Research attachment programme\n\n"
        "The programme gives PhD students a year of research at our institutes.\n"
        "Under the programme, PhD students from overseas universities spend one to two years with us.\n"
        "PhD students holding a bachelor's degree with honours may be nominated.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_a_degree_in_the_prose_around_the_qualifications_gives_way_to_theirs() -> None:
    text = (
        "PhD Residency\n\nOur residency is a paid way for graduate students to have impact.\n\n"
        "## Qualifications\n\n- Currently enrolled in a PhD program in a technical field\n- Proficiency in Python\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)


def test_a_heading_word_inside_a_sentence_opens_no_section() -> None:
    for sentence in ("Returning students send their forms to the Education Office by May.", "If You Have questions, call us."):
        text = f"Research Programme\n\nOur lab studies robots.\n{sentence}\nOur projects use Python and C++ daily.\n"
        assert not skills(drafted(text).required), sentence
