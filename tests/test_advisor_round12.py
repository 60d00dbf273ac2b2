"""What the judgement corpus (tests/judgements, round 12 of the rules) showed a careful advisor reads
and the rules did not: the earth sciences under their department name and the natural sciences as a
field, class standing written as a year of a degree of some length, an English test's score against
a minimum, and a suburb in its city's metro area. Each is asserted through the public scorer, as a
posting file and a profile would say it."""

from __future__ import annotations

from matcher.models import Verdict

from .conftest import judged

# --- fields: the earth sciences by their department's name, the natural sciences ---------------------


def test_meteorology_is_in_earth_and_planetary_science() -> None:
    asked = "degree: {stage: [bachelors], fields: [earth and planetary science], enrolled: true}"
    j = judged(asked, "degree: {stage: bachelors, field: meteorology, enrolled: true, year: 2}")
    assert j.verdict is Verdict.MET


def test_chemistry_and_biology_are_natural_sciences_and_computer_science_is_not() -> None:
    asked = "degree: {stage: [bachelors], fields: [natural sciences], enrolled: true}"
    for field in ("chemistry", "molecular biology", "astrophysics"):
        j = judged(asked, f"degree: {{stage: bachelors, field: {field}, enrolled: true, year: 2}}")
        assert j.verdict is Verdict.MET, field
    j = judged(asked, "degree: {stage: bachelors, field: computer science, enrolled: true, year: 2}")
    assert j.verdict is Verdict.UNMET
