"""A profile of thousands of skills is matched through an index of its items rather than item by
item: the index must find, for every term and every item, exactly what match_one finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.knowledge.terms import HOW_RANK, MANY_ITEMS, TermMatch, catalogue
from matcher.rules.topics import _scored, _scored_in_bulk, topic_match
from matcher.tuning import TOPIC_CUTOFF

TERMS = catalogue()
NAMES = sorted(set(TERMS.canonical_of) | set(TERMS.canonical_of.values()))
WORDS = sorted({w for name in NAMES for w in name.split()})


def variants(name: str) -> list[str]:
    """A term as a CV might write it: as it is, capitalised, plural, misspelt, inside a phrase."""
    return [name, name.title(), name + "s", name[:-1] if len(name) > 5 else name, f"applied {name} research", name.upper()]


term = st.one_of(
    st.sampled_from(NAMES).flatmap(lambda n: st.sampled_from(variants(n))),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join),
    st.text("abcdefgh +#", min_size=1, max_size=12),
)


def best_item_by_item(wanted: str, have: list[str]) -> TermMatch:
    best = TermMatch(wanted, None, "none", 0)
    for item in have:
        m = TERMS.match_one(wanted, item)
        if m.found and (HOW_RANK[m.how], -m.similarity) < (HOW_RANK[best.how], -best.similarity):
            best = m
    return best


@settings(max_examples=150, deadline=None)
@given(wanted=term, have=st.lists(term, max_size=40, unique=True))
def test_the_index_finds_what_match_one_finds_item_by_item(wanted: str, have: list[str]) -> None:
    one_by_one = [(i, m) for i, item in enumerate(have) if (m := TERMS.match_one(wanted, item)).found]
    assert TERMS.matches(wanted, TERMS.indexed(have)) == one_by_one


@settings(max_examples=40, deadline=None)
@given(wanted=term, have=st.lists(term, min_size=MANY_ITEMS, max_size=MANY_ITEMS + 40, unique=True))
def test_best_match_over_many_items_is_the_best_item_by_item(wanted: str, have: list[str]) -> None:
    assert TERMS.best_match(wanted, have) == best_item_by_item(wanted, have)


@settings(max_examples=60, deadline=None)
@given(topic=term, texts=st.lists(term, max_size=40, unique=True))
def test_topics_over_many_items_score_as_item_by_item(topic: str, texts: list[str]) -> None:
    items = [(text, "skills") for text in texts]
    in_bulk = [s for s in _scored_in_bulk(topic, items, texts) if s[2] >= TOPIC_CUTOFF]
    assert in_bulk == [s for s in _scored(topic, items) if s[2] >= TOPIC_CUTOFF]


def test_a_profile_of_many_skills_finds_the_one_that_matches() -> None:
    items = [(f"made-up tool {n}", "skills") for n in range(2 * MANY_ITEMS)] + [("few-shot learning", "interests")]
    assert topic_match("few-shot learning", items).matched == "few-shot learning"
    assert TERMS.best_match("PyTorch", [*(f"tool {n}" for n in range(2 * MANY_ITEMS)), "pytorch"]).matched == "pytorch"
