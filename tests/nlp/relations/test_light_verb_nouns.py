"""Light verbs with the event nouns of diplomatic, legal, business and protest reporting:
"granted asylum to X", "lodged a protest with X", "issued an ultimatum to X", "staged rallies
against X", "opened an investigation against X", "paid compensation to X"."""

from __future__ import annotations

import pytest

from .helpers import check_case, relations

CASES = [
    # (family, sentence, source family, target family, categories, negated, hypothetical)
    (
        "asylum: diplomacy",
        "Ecuador granted asylum to the Nicaraguan opposition leaders on Monday.",
        "ECU",
        "NIC",
        {"AID"},
        False,
        False,
    ),
    (
        "asylum: courts",
        "A Canadian court has granted refugee asylum to three Iranian dissidents.",
        "CAN",
        "IRN",
        {"AID"},
        False,
        False,
    ),
    (
        "protest lodged",
        "China lodged a formal protest with Japan over the visit to the shrine.",
        "CHN",
        "JPN",
        {"ACCUSE"},
        False,
        False,
    ),
    (
        "complaint filed",
        "Brazil filed a complaint against Canada at the World Trade Organization.",
        "BRA",
        "CAN",
        {"ACCUSE"},
        False,
        False,
    ),
    (
        "ultimatum issued",
        "Russia issued an ultimatum to Ukraine to withdraw its troops.",
        "RUS",
        "UKR",
        {"THREATEN"},
        False,
        False,
    ),
    (
        "rally staged",
        "Opposition supporters of Hamas staged rallies against Israel in Gaza.",
        "HAMAS",
        "ISR",
        {"PROTEST"},
        False,
        False,
    ),
    (
        "riots",
        "Kurdish riots against the Turkish government spread to three cities.",
        "KURDS",
        "TUR",
        {"PROTEST"},
        False,
        False,
    ),
    (
        "investigation opened",
        "Italian prosecutors opened an investigation against Google over tax.",
        "ITA",
        None,
        {"ACCUSE"},
        False,
        False,
    ),
    (
        "compensation paid",
        "Germany paid compensation to Namibia for the colonial-era killings.",
        "DEU",
        "NAM",
        {"AID"},
        False,
        False,
    ),
    (
        "welcome given",
        "Egypt gave a warm welcome to Sudan's new prime minister.",
        "EGY",
        "SDN",
        {"CONSULT"},
        False,
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_light_verb_nouns(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_rally_against_a_law_is_no_relation_with_the_rallying_country(nlp):
    # the object of "against" is no actor: no PROTEST, and no relation with the place
    rels = relations(nlp, "Thousands of workers in France staged a rally against the pension law.")
    assert not [r for r in rels if r.category == "PROTEST"]


@pytest.mark.model
def test_a_grant_received_is_not_given_by_the_recipient(nlp):
    # "received a grant from X": X aids the subject, never the other way round
    rels = relations(nlp, "Kenya received a grant from Japan for the new port.")
    assert not [
        r for r in rels if (r.source.actor_id or "").startswith("KEN") and r.category == "AID"
    ]
