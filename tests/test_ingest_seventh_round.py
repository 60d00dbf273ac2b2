"""ingest, seventh round (issue 20): general behaviours aimed at postings nobody tuned to, each a
cause that recurs across the corpus's splits or a shape any posting may take. Each on a small
posting written inline, none copied from the corpus."""

from __future__ import annotations

from matcher.ingest import draft_posting
from matcher.models import DegreeCriterion, Posting, SkillsCriterion, Stage

from .conftest import drafted


def degrees(posting: Posting) -> list[DegreeCriterion]:
    return [q.criterion for q in posting.required if isinstance(q.criterion, DegreeCriterion)]


def skills(posting: Posting) -> set[str]:
    return {
        t.lower() for q in posting.required for t in getattr(q.criterion, "terms", ()) if isinstance(q.criterion, SkillsCriterion)
    }


def test_a_range_of_stages_allows_the_stages_between_its_ends() -> None:
    text = (
        "Research Intern, Robotics\n\nRequirements\n\n"
        "- Pursuing a degree (Bachelor's through PhD) in mechanical engineering or robotics\n"
        "- Experience with ROS\n"
    )
    (found,) = degrees(drafted(text))
    assert found.stages == (Stage.BACHELORS, Stage.MASTERS, Stage.PHD)


def test_or_a_field_of_that_kind_is_related_fields_not_a_field() -> None:
    text = (
        "Research Intern\n\nRequirements\n\n"
        "- Currently pursuing a PhD in physics, chemistry, or a similarly rigorous quantitative field\n"
    )
    (found,) = degrees(drafted(text))
    assert found.fields == ("physics", "chemistry")
    assert found.related_fields


def test_what_the_intern_will_gain_is_not_asked() -> None:
    text = (
        "Machine Learning Intern\n\n"
        "Students will be mentored to gain hands-on experience with computer vision methods.\n\n"
        "Interns will have the chance to learn Kubernetes on real clusters.\n"
    )
    draft = draft_posting(text, "inline.txt")
    posting = drafted(text)
    assert not skills(posting)
    # nothing silent: the sentences stay listed for the reviewer
    assert any("mentored to gain" in line for line in draft.unplaced)
    assert any("learn Kubernetes" in line for line in draft.unplaced)


def test_experience_the_candidate_brings_is_still_asked() -> None:
    text = "Machine Learning Intern\n\nStudents must have hands-on experience with computer vision methods.\n"
    assert "computer vision" in skills(drafted(text))
