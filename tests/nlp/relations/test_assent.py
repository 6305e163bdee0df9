"""Assent to and objection against another's act or offer: "agreed to US mediation",
"objected to French mediation"."""

from __future__ import annotations

import pytest

from .helpers import check_case, relations

CASES = [
    ("agreed to: diplomacy", "Iran agreed to Russian mediation.", "IRN", "RUS", {"AGREE"}, False, False),
    ("agreed to: a title and a name", "Israeli Prime Minister Ehud Barak has agreed to US mediation.", "NER:ehud barak", "USA", {"AGREE"}, False, False),
    ("objected to: diplomacy", "Israel objected to French mediation.", "ISR", "FRA", {"REJECT"}, False, False),
    ("objected to: business", "Germany objected to Microsoft's proposal.", "DEU", "BIZ", {"REJECT"}, False, False),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_assent_and_objection(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_agreeing_to_an_act_of_no_named_party_relates_no_one(nlp):
    assert relations(nlp, "Hamas agreed to the talks.") == []
