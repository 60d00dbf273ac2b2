"""The world's university and research cities (knowledge/metro_areas.yaml): a city alone places a
profile or a posting in its country and the areas around it, the spellings people write name one
metro area, and a name several places share is placed only by a region written beside it."""

from __future__ import annotations

import pytest

from matcher.knowledge import read_data_file
from matcher.knowledge.places import gazetteer
from matcher.knowledge.text import fold
from matcher.models import Verdict
from matcher.rules.enrolment import institution_place

from .conftest import judged

# --- a city alone is in its country, and its country in its areas ---------------------------------------


@pytest.mark.parametrize(
    ("city", "country", "area"),
    [
        # Europe
        ("Leeds", "united kingdom", "europe"),
        ("Lyon", "france", "european union"),
        ("Kraków", "poland", "european union"),
        ("Delft", "netherlands", "european union"),
        ("Trondheim", "norway", "european economic area"),
        ("Lausanne", "switzerland", "europe"),
        # Africa
        ("Nairobi", "kenya", "africa"),
        ("Kigali", "rwanda", "emea"),
        ("Cape Town", "south africa", "africa"),
        # Asia and the Middle East
        ("Bengaluru", "india", "south asia"),
        ("Daejeon", "south korea", "east asia"),
        ("Hsinchu", "taiwan", "east asia"),
        ("Thuwal", "saudi arabia", "middle east"),
        # the Americas
        ("Curitiba", "brazil", "latin america"),
        ("Bogotá", "colombia", "latin america"),
        ("Montréal", "canada", "north america"),
        ("Ann Arbor", "united states", "north america"),
        ("Urbana-Champaign", "united states", "north america"),
        # Oceania
        ("Auckland", "new zealand", "oceania"),
        ("Brisbane", "australia", "apac"),
    ],
)
def test_a_research_city_alone_is_in_its_country_and_its_area(city: str, country: str, area: str) -> None:
    place = gazetteer().parse(city)
    assert country in place.regions and area in place.areas and place.metro is not None


def test_every_un_member_states_capital_is_known() -> None:
    """Each country of places.yaml has at least one city in metro_areas.yaml (its capital, at least),
    except the city-states whose city and country share a name (Singapore, Luxembourg, ...), which a
    place names as the country."""
    places = gazetteer()
    countries = {c for by_area in read_data_file("places.yaml")["countries"].values() for c in by_area}
    with_a_city = {region for region, _ in places.cities.values()} | {
        region for by_region in places.shared_names.values() for region in by_region
    }
    with_a_city |= {places.within.get(r, r) for r in set(with_a_city)}
    city_states = {"singapore", "hong kong", "monaco", "san marino", "djibouti"}
    assert countries - with_a_city - city_states == set()


# --- the spellings people write are one metro area ---------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Bengaluru", "Bangalore"),
        ("Mumbai", "Bombay"),
        ("München", "Munich"),
        ("Zürich", "Zurich"),
        ("Kraków", "Krakow"),
        ("Montréal", "Montreal"),
        ("Köln", "Cologne"),
        ("Den Haag", "The Hague"),
        ("Wrocław", "Wroclaw"),
        ("Ho Chi Minh City", "Saigon"),
    ],
)
def test_two_spellings_of_a_city_are_one_metro_area(one: str, other: str) -> None:
    places = gazetteer()
    a, b = places.parse(one), places.parse(other)
    assert a.metro is not None and a.metro == b.metro
    assert places.similarity(a, b) == 100


def test_a_research_campus_outside_its_city_is_a_commute_from_it() -> None:
    places = gazetteer()
    assert places.similarity(places.parse("Meyrin, Switzerland"), places.parse("Geneva")) == 100  # CERN
    assert places.similarity(places.parse("Harwell"), places.parse("Oxford, UK")) == 100
    assert places.similarity(places.parse("Leeds"), places.parse("London, UK")) == 0


# --- names several places share ------------------------------------------------------------------------------


def test_cambridge_alone_is_nowhere_and_with_its_region_is_in_it() -> None:
    places = gazetteer()
    assert places.parse("Cambridge").regions == frozenset()
    uk, ma = places.parse("Cambridge, UK"), places.parse("Cambridge, MA")
    assert "united kingdom" in uk.regions and "united states" in ma.regions
    assert uk.metro is not None and uk.metro != ma.metro
    assert places.similarity(uk, ma) == 0
    assert places.parse("Cambridge, England").metro == uk.metro


def test_london_ontario_is_not_london_uk() -> None:
    places = gazetteer()
    ontario, uk = places.parse("London, Ontario"), places.parse("London, UK")
    assert "canada" in ontario.regions and "united kingdom" not in ontario.regions
    assert ontario.metro is not None and ontario.metro != uk.metro
    assert places.similarity(ontario, uk) == 0


def test_perth_in_western_australia_is_not_in_washington_state() -> None:
    place = gazetteer().parse("Perth, WA, Australia")
    assert "australia" in place.regions and "washington" not in place.regions and "united states" not in place.regions


@pytest.mark.parametrize(
    ("written", "country", "not_country"),
    [
        ("Perth, Scotland", "united kingdom", "australia"),
        ("Hyderabad, Pakistan", "pakistan", "india"),
        ("Durham, UK", "united kingdom", "united states"),
        ("Victoria, BC", "canada", "australia"),
        ("Richmond, BC", "canada", "united kingdom"),
        ("Kingston, Jamaica", "jamaica", "canada"),
        ("Córdoba, Argentina", "argentina", "spain"),
        ("Santiago, Spain", "spain", "chile"),
        ("Newcastle, Australia", "australia", "united kingdom"),
    ],
)
def test_the_other_places_of_a_shared_name_are_read_with_their_region(written: str, country: str, not_country: str) -> None:
    place = gazetteer().parse(written)
    assert country in place.regions and not_country not in place.regions and place.metro is not None


@pytest.mark.parametrize(
    "name", ["Cambridge", "Birmingham", "Newcastle", "Athens", "Kingston", "Richmond", "Victoria", "Córdoba"]
)
def test_a_name_no_one_place_dominates_is_not_placed_alone(name: str) -> None:
    place = gazetteer().parse(name)
    assert place.regions == frozenset() and place.metro is None


def test_a_region_inside_the_citys_country_agrees_with_it_and_another_region_does_not() -> None:
    places = gazetteer()
    assert places.parse("Leeds, England").metro == places.parse("Leeds").metro
    assert places.parse("Munich, Bavaria").metro == places.parse("Munich").metro
    assert places.parse("Seattle, Oregon").metro is None
    assert places.parse("Paris, Texas").metro is None and "france" not in places.parse("Paris, Texas").regions


# --- the rules read them --------------------------------------------------------------------------------------


def test_a_student_at_a_university_named_after_a_city_is_placed_in_its_country() -> None:
    leeds = institution_place("University of Leeds")
    assert leeds is not None and "united kingdom" in leeds.regions
    assert institution_place("York University") is None  # Toronto's, not York's in England


def test_a_profile_living_in_a_research_city_is_in_its_country() -> None:
    in_leeds = "degree: {stage: phd, institution_location: Leeds}"
    assert judged("degree: {stage: [phd], enrolled_in: [United Kingdom]}", in_leeds).verdict is Verdict.MET
    assert judged("degree: {stage: [phd], enrolled_in: [EU]}", in_leeds).verdict is Verdict.UNMET
    staying = "degree: {stage: phd}\nlocation: {current: Nairobi, willing_to_relocate: false}"
    assert judged("location: {on_site: [Kenya]}", staying).verdict is Verdict.MET
    assert judged("location: {on_site: ['London, UK']}", staying).verdict is Verdict.UNMET


# --- the data ------------------------------------------------------------------------------------------------


def test_no_city_is_listed_in_two_metro_areas() -> None:
    seen: dict[str, str] = {}
    for metro, by_region in read_data_file("metro_areas.yaml")["metro_areas"].items():
        for cities in by_region.values():
            for city in cities:
                assert seen.setdefault(fold(city), metro) == metro, f"{city} in {seen[fold(city)]} and {metro}"


def test_every_shared_name_leads_to_a_listed_metro_area() -> None:
    data = read_data_file("metro_areas.yaml")
    for name, by_region in data["shared_names"].items():
        for region, metro in by_region.items():
            assert metro in data["metro_areas"], f"{name}, {region}: {metro}"
