"""The state a protest or a restriction is in ("demonstrated in Serbia", "a curfew in
Lebanon"), easing a restriction as a concession, and property destroyed as coercion of its
owner."""

from __future__ import annotations

import pytest

from .helpers import check_case, family, relations

CASES = [
    # (id, text, source family, target family, categories, negated, hypothetical)
    (
        "protest in a state",
        "Hundreds of Kurds demonstrated in Germany on Saturday.",
        "KURDS",
        "DEU",
        {"PROTEST"},
        False,
        False,
    ),
    (
        "protest noun in a state",
        "Students held a rally in Iran.",
        "GEN",
        "IRN",
        {"PROTEST"},
        False,
        False,
    ),
    (
        "curfew imposed in a state",
        "Israel imposed a curfew in Lebanon.",
        "ISR",
        "LBN",
        {"COERCE"},
        False,
        False,
    ),
    (
        "martial law across a state",
        "Thailand's army declared martial law across Thailand.",
        "THA",
        "THA",
        {"COERCE"},
        False,
        False,
    ),
    (
        "curfew lifted: a concession",
        "Serbia lifted a night curfew in Montenegro.",
        "SRB",
        "MNE",
        {"CONCEDE"},
        False,
        False,
    ),
    (
        "state of emergency lifted (frame noun)",
        "The Sudanese government lifted the state of emergency in Sudan.",
        "SDN",
        "SDN",
        {"CONCEDE"},
        False,
        False,
    ),
    (
        "sanctions eased: a concession",
        "The United States eased sanctions on Cuba.",
        "USA",
        "CUB",
        {"CONCEDE"},
        False,
        False,
    ),
    (
        "a blockade lifted stays a retreat",
        "The Israeli army lifted a blockade on Palestinian lorries.",
        "ISR",
        "PALESTINIANS",
        {"RETREAT"},
        False,
        False,
    ),
    (
        "homes demolished: their owners coerced",
        "Israeli army bulldozers demolished Palestinian homes.",
        "ISR",
        "PALESTINIANS",
        {"COERCE"},
        False,
        False,
    ),
    (
        "shops torched",
        "Serb nationalists torched Albanian shops.",
        "SRB",
        "ALB",
        {"COERCE"},
        False,
        False,
    ),
    (
        "an organisation outlawed",
        "Egypt outlawed the Muslim Brotherhood.",
        "EGY",
        "MUSLIM_BROTHERHOOD",
        {"COERCE"},
        False,
        False,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_locus_easing_and_property(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "place"),
    [
        # a named target wins over the state the protest is in
        ("Iranians protested in Britain against the Iranian government.", "GBR"),
        # a military strike or a battle "in" a state is not aimed at it
        ("US aircraft conducted strikes in Syria.", "SYR"),
        ("Kurdish fighters fought in Syria.", "SYR"),
    ],
)
def test_the_state_an_act_is_in_is_no_target_otherwise(nlp, text, place):
    rels = relations(nlp, text)
    assert not [r for r in rels if family(r.target.actor_id) == place], [
        (r.source.actor_id, r.category, r.target.actor_id) for r in rels
    ]


@pytest.mark.model
def test_property_of_no_named_owner_gives_no_relation(nlp):
    assert relations(nlp, "The company demolished its old factory.") == []
