"""Trade measures, warrants, recalled envoys and traded accusations: lexicon families of
business, legal and diplomatic reporting."""

from __future__ import annotations

import pytest

from .helpers import check_case, relations

CASES = [
    ("tariffs on a state's goods", "The US imposed tariffs on Chinese steel.", "USA", "CHN", {"SANCTION"}, False, False),
    ("duties on a state's goods", "China imposed anti-dumping duties on Australian wine.", "CHN", "AUS", {"SANCTION"}, False, False),
    ("an arrest warrant", "The ICC issued an arrest warrant for Putin.", "ICC", "PER", {"COERCE"}, False, False),
    ("an envoy recalled from a capital", "South Korea recalled its ambassador from Tokyo.", "KOR", "JPN", {"SANCTION"}, False, False),
    ("traded accusations", "Pakistan and Afghanistan traded accusations over the attacks.", "PAK", "AFG", {"ACCUSE"}, False, False),
    ("traded fire", "India and Pakistan traded fire across the border.", "IND", "PAK", {"ASSAULT"}, False, False),
    ("aid prohibited: a sanction", "The United States prohibited all aid to Albanian rebels.", "USA", "ALB", {"SANCTION"}, False, False),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_measures(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_finite_verb_is_no_part_of_an_actor_phrase(nlp):
    doc = nlp("Russia deployed troops to the border.")
    assert "Russia deployed troops" not in {s.text for s in doc.spans["actors"]}


@pytest.mark.model
def test_duty_as_service_is_no_measure(nlp):
    assert relations(nlp, "Kenyan officers were on duty in Nairobi.") == []
