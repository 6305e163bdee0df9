"""Place resolution: countries first, then the likely city given the document's countries."""

from __future__ import annotations

import pytest

from allegiance.errors import LexiconError
from allegiance.geo import Gazetteer, document_countries, find_place_mentions, resolve_places


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.load()


def _resolved(text, countries, gz):
    return [(m.text, p.name, p.country) for m, p in resolve_places(text, countries, gazetteer=gz)]


@pytest.mark.parametrize(
    ("text", "countries", "expected"),
    [
        # courts / politics / protest / diplomacy / business, other regions than the dev sets
        ("The court in Nairobi ruled against the government.", {"KEN": 2}, ("Nairobi", "KEN")),
        ("Protesters gathered outside parliament in Yerevan.", {"ARM": 1}, ("Yerevan", "ARM")),
        ("The ministers met in Paris on Monday.", {"FRA": 1}, ("Paris", "FRA")),
        ("The company opened a plant near Monterrey.", {"MEX": 1}, ("Monterrey", "MEX")),
        # an alternate name: Raqqa is GeoNames' Ar Raqqah
        ("Coalition aircraft struck ISIL near Raqqa.", {"SYR": 2}, ("Raqqa", "SYR")),
    ],
)
def test_city_resolves_in_the_documents_country(text, countries, expected, gz):
    found = _resolved(text, countries, gz)
    assert [(w, c) for w, _, c in found] == [expected]


def test_a_following_country_or_state_says_which_city(gz):
    # business / diplomacy / military: "City, Country" and "Town, State" qualify the name
    assert _resolved("The ministers met in Rome, Italy, on Tuesday.", {"USA": 9}, gz)[0] == (
        "Rome",
        "Rome",
        "ITA",
    )
    found = _resolved("Spc. Lee Booker, of Cibolo, Texas, died Jan. 7.", {"JOR": 1}, gz)
    assert found[0][2] == "USA"
    assert _resolved("Talks opened in Paris, Texas.", {"FRA": 2}, gz)[0][2] == "USA"
    # a country after a comma may open the next clause: the city still resolves
    found = _resolved("With a friendly government in Baghdad, Iran sent troops.", {"IRQ": 2}, gz)
    assert found[0] == ("Baghdad", "Baghdad", "IRQ")


def test_document_country_picks_among_cities_of_one_name(gz):
    # Paris, Texas exists; a French document means Paris, France, and vice versa is harder
    assert _resolved("They met in Paris.", {"FRA": 1}, gz)[0][2] == "FRA"
    assert _resolved("The march reached London.", {"CAN": 3}, gz)[0][2] == "CAN"


def test_country_names_and_aliases_resolve_to_countries(gz):
    found = resolve_places("Troops in the U.S. and Britain were put on alert.", {}, gazetteer=gz)
    assert [(p.country, p.feature) for _, p in found] == [("USA", "country"), ("GBR", "country")]
    assert all(p.lat is not None and 0 < p.confidence <= 1 for _, p in found)


@pytest.mark.parametrize(
    "text",
    [
        "Col. Davis said the talks went well.",  # a surname after a title
        "U.S. Central Command said the strike killed two.",  # part of an organisation name
        "Police arrested three men.",  # a Polish town's name is an English word
        "Workers at the Mosul Dam were evacuated.",  # part of a facility's name
        "Near Ayn Isa, one strike destroyed a repeater station.",  # a longer unknown name
        "Capt. Jeff Davis spoke first. Later, Davis said the talks went well.",  # a surname
        "Ships of the 5th Fleet sailed through the Gulf of Aden.",  # inside longer names
        "North of the river, the army advanced.",  # a direction
    ],
)
def test_words_that_are_not_places_here_are_not_resolved(text, gz):
    assert _resolved(text, {"USA": 1, "IRQ": 1, "SYR": 1}, gz) == []


def test_a_small_foreign_town_needs_a_locative_word_or_a_document_country(gz):
    # Of is a Turkish town; "Hope" an American one: neither is a place in these sentences
    assert _resolved("Leaders of Hope", {"IRQ": 1}, gz) == []
    assert find_place_mentions("It was said.", gazetteer=gz) == []


def test_every_place_has_a_confidence_and_ambiguity_lowers_it(gz):
    ((_, sure),) = resolve_places("Fighting near Mosul.", {"IRQ": 3}, gazetteer=gz)
    ((_, unsure),) = resolve_places("Fighting near Palmyra.", {"SYR": 1, "USA": 1}, gazetteer=gz)
    assert sure.confidence > unsure.confidence > 0


def test_document_countries_count_actors_and_named_countries(gz):
    counts = document_countries(["IRQ", None, "IRQ"], "Refugees fled to Turkey.", gazetteer=gz)
    assert counts == {"IRQ": 1.0, "TUR": 1.0}
    # a country named as the scene weighs more than one named as a speaker
    counts = document_countries([], "Fighting in Syria. Turkey said no.", gazetteer=gz)
    assert counts["SYR"] > counts["TUR"] > 0


def test_user_file_adds_aliases_and_bad_files_name_the_problem(tmp_path):
    user = tmp_path / "places.yaml"
    user.write_text("country_aliases:\n  Rojava: SYR\n", encoding="utf-8")
    gz = Gazetteer.load([user])
    assert [p.country for _, p in resolve_places("Clashes in Rojava.", {}, gazetteer=gz)] == ["SYR"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("country_aliases:\n  Atlantis: XXX\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="XXX"):
        Gazetteer.load([bad])
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("cities: {}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown section"):
        Gazetteer.load([unknown])


@pytest.mark.model
def test_spacy_entities_become_place_mentions(nlp, gz):
    from allegiance.geo import place_mentions_from_doc

    doc = nlp("Iraqi forces advanced on Mosul from the south.")
    found = resolve_places(
        doc.text, {"IRQ": 1}, gazetteer=gz, mentions=place_mentions_from_doc(doc)
    )
    assert [p.name for _, p in found] == ["Mosul"]
