"""The rules by kind: which rule judges a criterion, and the kinds a posting file may name.

Holds no rule itself (matcher.rules registers the bundled ones), so that any_of / all_of can look
their members' rules up here without an import cycle. Adding a kind: one module subclassing
Rule, one `register` line in matcher/rules/__init__.py, its tests and its FORMATS.md entry.
"""

from __future__ import annotations

from matcher.rules.base import Rule

_BY_KIND: dict[str, type[Rule]] = {}
_BY_CRITERION: dict[type, type[Rule]] = {}

criterion_types: tuple[type, ...] = ()
"""The criterion records of the registered rules, in the order they were registered (the
posting cache numbers records by it: matcher.posting_table)."""


def register(rule: type[Rule]) -> type[Rule]:
    """Adds a rule; a posting file may then name its kind. Returns the rule (usable as a decorator)."""
    global criterion_types
    if rule.kind in _BY_KIND and _BY_KIND[rule.kind] is not rule:
        raise ValueError(f"a rule for '{rule.kind}' is registered already")
    _BY_KIND[rule.kind] = rule
    _BY_CRITERION[rule.criterion] = rule
    criterion_types = tuple(_BY_CRITERION)
    return rule


def unregister(kind: str) -> None:
    """Removes a rule added with `register` (for tests of an extra kind)."""
    global criterion_types
    rule = _BY_KIND.pop(kind)
    del _BY_CRITERION[rule.criterion]
    criterion_types = tuple(_BY_CRITERION)


def rule_for(criterion: object) -> type[Rule]:
    """The rule that judges a criterion."""
    return _BY_CRITERION[type(criterion)]


def rule_of_kind(kind: str) -> type[Rule]:
    return _BY_KIND[kind]


def kinds() -> tuple[str, ...]:
    """Every kind a posting file may name, in the order registered."""
    return tuple(_BY_KIND)


def kind_of(criterion: object) -> str:
    return _BY_CRITERION[type(criterion)].kind
