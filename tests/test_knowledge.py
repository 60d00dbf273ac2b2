"""The catalogues: venues, skills and fields, places; and the venue accuracy target."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matcher.cli import app
from matcher.knowledge.places import gazetteer
from matcher.knowledge.terms import catalogue as terms
from matcher.knowledge.venues import catalogue as venues

from .conftest import ROOT, load_tool


def test_venue_accuracy_meets_its_target_with_no_false_resolution() -> None:
    tool = load_tool("venue_accuracy")
    rows = tool.read_table()
    assert len(rows) >= 150
    report = tool.measure(rows)
    assert report.false_resolutions == []
    assert report.accuracy >= tool.TARGET, report.misses


def test_the_catalogue_covers_the_areas_the_postings_need() -> None:
    catalogue = venues()
    assert len(catalogue.venues) >= 300
    by_area = {area: [v for v in catalogue.venues if area in v.areas] for area in catalogue.area_labels}
    for area in (
        "ml",
        "cv",
        "nlp",
        "speech",
        "robotics",
        "systems",
        "arch",
        "security",
        "db",
        "hci",
        "graphics",
        "theory",
        "health",
    ):
        assert by_area[area], area
    assert {"MICCAI", "MIDL", "ML4H", "CHIL"} <= {v.acronym for v in by_area["health"]}


@pytest.mark.parametrize(
    ("query", "how"), [("NIPS", "alias"), ("NeurIPS", "exact"), ("Advances in Neural Information Processing Systems 35", "exact")]
)
def test_how_a_venue_matched_is_reported(query: str, how: str) -> None:
    resolution = venues().resolve(query)
    assert resolution.venue is not None and resolution.venue.acronym == "NeurIPS"
    assert resolution.how == how and resolution.similarity == 100


def test_a_misspelt_full_name_resolves_fuzzily_with_its_score() -> None:
    resolution = venues().resolve("International Conference on Machine Learnng")
    assert resolution.venue is not None and resolution.venue.acronym == "ICML"
    assert resolution.how == "fuzzy" and 90 <= resolution.similarity < 100


def test_venues_command_prints_one_object_per_query() -> None:
    result = CliRunner().invoke(app, ["venues", "NIPS 2023", "CVPR Workshops", "-f", "json"])
    assert result.exit_code == 0, result.output
    answers = json.loads(result.stdout)
    assert answers[0] == {
        "query": "NIPS 2023",
        "venue": "NeurIPS",
        "name": "Conference on Neural Information Processing Systems",
        "areas": ["ml"],
        "how": "alias",
        "similarity": 100,
        "note": None,
    }
    assert answers[1]["venue"] is None and answers[1]["how"] == "none"
    assert answers[1]["note"] == "workshops: not the main venue"


def test_venues_command_lists_an_area() -> None:
    result = CliRunner().invoke(app, ["venues", "--area", "arch", "-f", "jsonl"])
    acronyms = {json.loads(line)["acronym"] for line in result.stdout.splitlines()}
    assert {"ISCA", "MICRO", "HPCA", "ASPLOS"} <= acronyms and "CVPR" not in acronyms
    bad = CliRunner().invoke(app, ["venues", "--area", "archh"])
    assert bad.exit_code == 2 and "did you mean 'arch'?" in bad.stderr


# ----------------------------------------------------------------------------- skills and fields


def test_aliases_resolve_to_one_canonical_name() -> None:
    for written, canonical in [
        ("torch", "pytorch"),
        ("k8s", "kubernetes"),
        ("JS", "javascript"),
        ("DL", "deep learning"),
        ("NLP", "natural language processing"),
    ]:
        assert terms().resolve(written).canonical == canonical


def test_compounds_split_only_when_every_part_is_known() -> None:
    assert terms().split("C/C++") == ("C", "C++")
    assert terms().split("Python/Java") == ("Python", "Java")
    assert terms().split("TCP/IP") == ("TCP/IP",)


def test_a_narrower_term_meets_a_broader_one_but_not_the_reverse() -> None:
    assert terms().match_one("computer systems", "distributed systems").how == "narrower"
    assert not terms().match_one("distributed systems", "computer systems").found


def test_short_terms_never_match_fuzzily() -> None:
    assert not terms().match_one("R", "Rust").found
    assert not terms().match_one("C", "CCS").found
    assert not terms().match_one("Go", "Git").found


def test_the_skills_catalogue_is_a_data_file_with_hundreds_of_entries() -> None:
    path = Path(ROOT / "matcher" / "knowledge" / "terms.yaml")
    assert path.is_file()
    assert len(terms().broader) >= 250


# ----------------------------------------------------------------------------- places


@pytest.mark.parametrize(
    ("wanted", "have", "matches"),
    [
        ("Cambridge, UK", "Cambridge, England, United Kingdom", True),
        ("Cambridge, UK", "Cambridge, MA", False),
        ("UK", "Edinburgh, Scotland", True),
        ("Redmond, WA", "Redmond, Washington, USA", True),
        ("Vancouver, BC, Canada", "Vancouver, WA", False),
        ("United States", "Seattle, WA", True),
        ("Zurich", "Zürich, Switzerland", True),
        ("Remote", "Anywhere", True),
    ],
)
def test_places_match_by_city_and_agreeing_regions(wanted: str, have: str, matches: bool) -> None:
    places = gazetteer()
    assert bool(places.similarity(places.parse(wanted), places.parse(have))) is matches


def test_no_spelling_names_two_different_terms() -> None:
    from matcher.knowledge import read_data_file
    from matcher.knowledge.text import fold

    owner: dict[str, str] = {}
    for name, entry in read_data_file("terms.yaml").items():
        for spelling in [name, *((entry or {}).get("aliases") or [])]:
            key = fold(str(spelling))
            assert owner.setdefault(key, name) == name, f"'{spelling}' names both {owner[key]} and {name}"


@pytest.mark.parametrize("module", ["terms", "venues"])
def test_each_catalogue_loads_from_its_shipped_index_exactly_as_its_yaml_builds_it(module: str) -> None:
    import importlib
    import json

    from matcher.knowledge import read_data_file

    catalogues = importlib.import_module(f"matcher.knowledge.{module}")
    loaded = catalogues.catalogue()  # from the index
    from_yaml = type(loaded)(read_data_file(f"{module}.yaml"))
    shipped = json.loads((ROOT / "matcher" / "knowledge" / catalogues.INDEX_FILE).read_text())
    assert json.loads(json.dumps(from_yaml.to_index())) == shipped, "run python tools/build_indexes.py"
    assert vars(loaded) == vars(from_yaml)


def test_a_yaml_list_split_at_its_commas_is_joined_back_into_places() -> None:
    from matcher.knowledge.places import gazetteer

    join = gazetteer().join_parts
    assert join(("Cambridge", "UK", "Redmond", "WA")) == ("Cambridge, UK", "Redmond, WA")
    assert join(("New York", "NY", "London", "UK")) == ("New York, NY", "London, UK")  # a city and a state
    assert join(("New York", "Canada")) == ("New York", "Canada")
    assert join(("United States", "Canada")) == ("United States", "Canada")
