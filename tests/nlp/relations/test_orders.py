"""Orders and prevention: an order to another to act is a demand; an ordered act is the
orderer's; an order to one's own forces is command, no relation (``ordering_verbs``); a
prevented act is not done (``preventing_verbs``)."""

from __future__ import annotations

import pytest

from .helpers import check_case, family, relations

CASES = [
    ("court order", "An Argentine judge has ordered former president Carlos Menem to appear.", "ARG", "NER:carlos menem", {"REQUEST"}, False, False),
    ("diplomacy", "The UN ordered Israel to halt construction.", "UN", "ISR", {"REQUEST"}, False, False),
    ("an ordered act is the orderer's", "Obama ordered airstrikes against ISIL.", "PER", "ISIL", {"ASSAULT"}, False, False),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_orders(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_an_ordered_attack_is_no_demand_of_its_target(nlp):
    rels = relations(nlp, "Obama ordered airstrikes against ISIL.")
    assert not [r for r in rels if r.category == "REQUEST"]


@pytest.mark.model
def test_an_order_to_ones_own_forces_is_no_relation(nlp):
    rels = relations(nlp, "Putin ordered Russian troops to withdraw from the border.")
    assert not [r for r in rels if family(r.target.actor_id) == "RUS"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Hungary vetoed an EU aid package for Ukraine.", "AID"),  # diplomacy
        ("The United States blocked Nvidia from selling advanced chips to Chinese firms.", "AID"),
        ("Turkey blocked Sweden from joining NATO.", "COOPERATE"),  # alliances
    ],
)
def test_a_prevented_act_is_not_done(nlp, text, category):
    rels = [r for r in relations(nlp, text) if r.category == category]
    assert rels and all(r.negated for r in rels), [
        (r.source.actor_id, r.category, r.target.actor_id, r.negated) for r in rels
    ]


@pytest.mark.model
def test_an_act_the_preventer_did_not_block_stays_done(nlp):
    rels = relations(nlp, "Hungary did not veto the EU aid package for Ukraine.")
    aid = [r for r in rels if r.category == "AID"]
    assert aid and not any(r.negated for r in aid)


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "The European Union called for a ceasefire between Israel and Hamas.",  # diplomacy
        "The UN urged talks between India and Pakistan.",
        "Egypt proposed a truce between Israel and Hamas.",
    ],
)
def test_an_event_asked_for_is_not_done(nlp, text):
    rels = [r for r in relations(nlp, text) if r.category in ("RETREAT", "CONSULT")]
    assert rels and all(r.hypothetical for r in rels)


@pytest.mark.model
def test_an_event_brokered_is_done(nlp):
    rels = relations(nlp, "Egypt brokered a truce between Israel and Hamas.")
    truce = [r for r in rels if r.category == "RETREAT"]
    assert truce and not any(r.hypothetical for r in truce)


CALLS = [
    ("protest", "Protesters called for the removal of President Hosni Mubarak.", "GEN", "NER:hosni mubarak", {"REQUEST"}, False, False),
    ("politics", "South Korean lawmakers called for the impeachment of President Yoon Suk Yeol.", "KOR", "PER", {"REQUEST"}, False, False),
    ("labour", "The miners demanded the resignation of Labour Minister Dragan Milovanovic.", "GEN", "NER:dragan milovanovic", {"REQUEST"}, False, False),
    ("a protest noun's call", "Thousands of Egyptians held a demonstration calling for the removal of President Hosni Mubarak.", "EGY", "NER:hosni mubarak", {"PROTEST"}, False, False),
]  # fmt: skip


@pytest.mark.model
@pytest.mark.parametrize("case", CALLS, ids=[c[0] for c in CALLS])
def test_a_call_for_someones_removal_is_made_of_them(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_call_for_someones_release_is_not_made_of_them(nlp):
    rels = relations(nlp, "Rights groups called for the release of jailed Reuters journalists.")
    assert not [r for r in rels if family(r.target.actor_id) == "MEDIA"]


@pytest.mark.model
def test_a_name_parsed_as_an_adverbial_is_the_object(nlp):
    rels = relations(nlp, "Kenyan President William Ruto met Ethiopian Prime Minister Abiy Ahmed.")
    assert [(r.source.actor_id, r.category, r.target.actor_id) for r in rels] == [
        ("PER.WILLIAM_RUTO", "CONSULT", "PER.ABIY_AHMED")
    ]
    assert relations(nlp, "Iran attacked Saturday.") == []  # a date is no object
