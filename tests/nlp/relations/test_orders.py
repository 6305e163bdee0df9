"""Orders: an order to another to act is a demand; an ordered act is the orderer's; an order to
one's own forces is command, no relation (``ordering_verbs``)."""

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
