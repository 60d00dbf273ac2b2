"""ingest, tenth round (issue 20): generalisation to ordinary job ads and university programmes
(stages written by level or by the kind of internship, acronyms that name a programme, preference
words inside one list's items). Drafts stay safe when unsure: a wrong narrow ask turns eligible
readers away silently, a broader or textual one only leaves a review to do. Each behaviour on a
small posting written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.models import DegreeCriterion, Posting, SkillsCriterion, Stage

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skill_terms(qualifications: tuple[object, ...] | list[object]) -> set[str]:
    return {t.lower() for q in qualifications if isinstance(c := getattr(q, "criterion", None), SkillsCriterion) for t in c.terms}


def test_graduate_level_students_are_masters_and_phd_students() -> None:
    text = (
        "Visiting Research Programme\n\nWho can apply\n\n"
        "For undergraduate-level students, the visit gives practice in research early on. "
        "For graduate-level students, the visit can count as part of the thesis work.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)


def test_a_masters_by_coursework_is_a_masters_stage() -> None:
    # Australian usage: a master's taught by courses ("by coursework") rather than by research
    text = (
        "Summer Research Scholarships\n\n"
        "Eligibility\n\n"
        "- Open to undergraduate and masters by coursework students enrolled in a coursework degree.\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS)


def test_coursework_in_subjects_still_names_no_stage() -> None:
    text = "Research Intern\n\nRequirements\n\n- PhD student in statistics.\n- Coursework in undergraduate probability.\n"
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.PHD,)
