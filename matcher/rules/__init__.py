"""The rules: one module per kind of qualification, each the one home of how its kind is read,
judged, explained and turned into a gap (see matcher.rules.base.Rule). This module registers the
bundled kinds, in the order posting files and FORMATS.md list them."""

from matcher.rules.availability import AvailabilityRule
from matcher.rules.base import Rule
from matcher.rules.degree import DegreeRule
from matcher.rules.groups import AllOfRule, AnyOfRule
from matcher.rules.location import LocationRule
from matcher.rules.publications import PublicationsRule
from matcher.rules.registry import kind_of, kinds, register, rule_for, rule_of_kind, unregister
from matcher.rules.research_experience import ResearchExperienceRule
from matcher.rules.skills import SkillsRule
from matcher.rules.text import TextRule

for _rule in (
    DegreeRule,
    ResearchExperienceRule,
    PublicationsRule,
    SkillsRule,
    LocationRule,
    AvailabilityRule,
    TextRule,
    AnyOfRule,
    AllOfRule,
):
    register(_rule)

__all__ = ["Rule", "kind_of", "kinds", "register", "rule_for", "rule_of_kind", "unregister"]
