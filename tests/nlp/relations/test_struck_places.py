"""Towns and cities acted on are actors of type ``place`` ("shelled Aleppo", "attacks on
Kharkiv", "a curfew in Cizre"); fought in, fled to or retaken, they stay places."""

from __future__ import annotations

import pytest

from .helpers import check_pair, relations

STRUCK = [
    # (text, source family, place actor id, category)
    ("Russian missiles struck Kharkiv overnight.", "RUS", "NER:kharkiv", "ASSAULT"),
    ("The Syrian army besieged Homs for two years.", "SYR", "NER:homs", "ASSAULT"),
    # the small model reads "Aleppo" as a work of art here: the gazetteer still knows it
    ("Syrian government forces shelled Aleppo for a third day.", "SYR", "NER:aleppo", "ASSAULT"),
    (
        "We call for an end to the Asad regime's attacks on Aleppo and Daraya.",
        "SYR",
        "NER:darayya",
        "ASSAULT",
    ),
    ("Israeli tanks fired four shells at Jericho.", "ISR", "NER:jericho", "ASSAULT"),
    (
        "Turkish authorities imposed a curfew in Cizre after the protests.",
        "TUR",
        "NER:cizre",
        "COERCE",
    ),
    # "the town of X" stands where its name would; a capital under a curfew is the city, not
    # the government imposing it
    ("Turkish police imposed a curfew in the town of Cizre.", "TUR", "NER:cizre", "COERCE"),
    ("The Algerian government imposed a curfew in Algiers.", "DZA", "NER:algiers", "COERCE"),
]


@pytest.mark.parametrize(("text", "source", "place", "category"), STRUCK)
def test_struck_place_is_a_target(nlp, text, source, place, category) -> None:
    check_pair(nlp, text, source, place, category)
    doc = nlp(text)
    types = {s._.actor.actor_id: s._.actor.actor_type for s in doc.spans["actors"]}
    assert types[place] == "place"


LEFT_PLACES = [
    "Heavy fighting raged in Aleppo on Sunday.",
    "ISIL fighters fled to Raqqa after the battle.",
    "Iraqi forces recaptured Ramadi from ISIL in December.",
    "Thousands of people demonstrated in Paris against the pension reform.",
    "The coalition conducted strikes near Raqqah.",
    "The minister flew to Aleppo for talks.",
]


@pytest.mark.parametrize("text", LEFT_PLACES)
def test_places_not_acted_on_stay_places(nlp, text) -> None:
    doc = nlp(text)
    assert not [s for s in doc.spans["actors"] if s._.actor.actor_type == "place"]
    assert not [r for r in relations(nlp, text) if r.target.actor_id.startswith("NER:")]


def test_company_named_like_a_town_is_no_place(nlp) -> None:
    # "Nokia" is a Finnish town of 36,000, but no city's own name of the size an
    # organisation reading needs
    doc = nlp("Samsung attacked Nokia in a lawsuit.")
    assert all(s._.actor.actor_type != "place" for s in doc.spans["actors"])
