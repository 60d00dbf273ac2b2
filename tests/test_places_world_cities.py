"""The world's university and research cities (knowledge/metro_areas.yaml): a city alone places a
profile or a posting in its country and the areas around it, the spellings people write name one
metro area, and a name several places share is placed only by a region written beside it."""

from __future__ import annotations

from matcher.knowledge.places import gazetteer


def test_a_region_inside_the_citys_country_agrees_with_it_and_another_region_does_not() -> None:
    places = gazetteer()
    assert places.parse("London, England").metro == places.parse("London").metro == "london"
    assert places.parse("Munich, Bavaria").metro == places.parse("Munich").metro
    assert places.parse("Seattle, Oregon").metro is None
