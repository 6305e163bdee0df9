"""Asking for an act asks it of whom the act concerns ("called for sanctions against X",
"demanded a truce with X", "demanded an admission by X"), and the verbs of seizure, complaint,
boycott and sharing ("confiscated weapons from X", "complained over X's raids", "boycott all
contact with X", "shared intelligence with X")."""

from __future__ import annotations

import pytest

from .helpers import check_case, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "called for sanctions: diplomacy",
        "Ukraine called for new sanctions against Russia.",
        "UKR",
        "RUS",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "demanded a truce: conflict",
        "Ethiopian rebels demanded a ceasefire with the Ethiopian government.",
        None,
        "ETH",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "demanded an apology: politics",
        "Seoul demanded an apology from Japan over the visit.",
        "KOR",
        "JPN",
        {"REQUEST"},
        False,
        False,
    ),
    (
        "confiscated from: courts",
        "Egyptian police confiscated weapons from Hamas smugglers in Sinai.",
        "EGY",
        None,
        {"COERCE"},
        False,
        False,
    ),
    (
        "complained over: diplomacy",
        "Pakistan complained to the United Nations over two Indian air raids on Kashmir.",
        "PAK",
        "IND",
        {"ACCUSE"},
        False,
        False,
    ),
    (
        "boycott contact: protest",
        "Palestinian leaders will boycott all contact with Israel.",
        "PALESTINIANS",
        "ISR",
        {"SANCTION"},
        False,
        True,
    ),
    (
        "shared intelligence: business and security",
        "Britain shared intelligence with France about the plot.",
        "GBR",
        "FRA",
        {"COOPERATE"},
        False,
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_requested_acts_and_verbs(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_asking_an_ally_for_support_is_no_request_against_it(nlp):
    rels = relations(nlp, "Iraqi forces requested immediate support from the United States.")
    assert not find(rels, "IRQ", "USA", categories={"REQUEST"})


@pytest.mark.model
def test_asking_for_an_act_that_concerns_nobody_names_nobody(nlp):
    rels = relations(nlp, "Brazil called for an end to the deforestation of the Amazon.")
    assert not [r for r in rels if r.category == "REQUEST"]


@pytest.mark.parametrize(
    "text",
    [
        # a state said to be right asks no act of anyone
        "Biden, who has said U.S. Steel should remain American-owned, blocked the deal.",
        "Macron said Germany should be more ambitious on defence.",
        "The minister said Iran must remain a partner of China.",
    ],
)
def test_a_copula_under_should_is_no_request(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "REQUEST"], relations(nlp, text)


def test_a_requesting_verb_still_asks_a_state_of_its_clause_subject(nlp):
    rels = relations(nlp, "The EU urged that Britain remain in the customs union.")
    assert find(rels, "EU", "GBR", categories={"REQUEST"})


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Mubarak's Egypt said the US must be ready to mediate between the parties.", "EGY", "USA"),
        ("Germany said Poland should be prepared to accept more refugees.", "DEU", "POL"),
        ("Brazil said Venezuela must be willing to hold free elections.", "BRA", "VEN"),
    ],
)
def test_a_copula_with_an_act_to_do_under_must_is_a_request(nlp, text, source, target):
    assert find(relations(nlp, text), source, target, categories={"REQUEST"}), relations(nlp, text)
