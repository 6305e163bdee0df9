"""Trade between states: restricted, taxed or cut it is a sanction on the partner, eased a
concession; the partner after "exports to", "imports from", "goods from" is a party."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


def _pairs(rels):
    return [(r.source.actor_id, r.category, r.target.actor_id, r.negated) for r in rels]


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        ("China banned exports of gallium to the United States.", "CHN", "USA", "SANCTION"),
        ("India restricted rice exports to Bangladesh.", "IND", "BGD", "SANCTION"),
        ("Russia halted gas deliveries to Poland and Bulgaria.", "RUS", "POL", "SANCTION"),
        ("The United States imposed tariffs on steel from China.", "USA", "CHN", "SANCTION"),
        (
            "The EU slapped duties on electric vehicles imported from China.",
            "EU",
            "CHN",
            "SANCTION",
        ),
        ("Canada retaliated with tariffs on American goods.", "CAN", "USA", "SANCTION"),
        # supplies, sales and purchases are trade too
        ("Russia cut gas supplies to Moldova.", "RUS", "MDA", "SANCTION"),
        ("The United States suspended arms sales to Turkey.", "USA", "TUR", "SANCTION"),
        ("China halted soybean purchases from the United States.", "CHN", "USA", "SANCTION"),
        # eased: a concession to the partner
        ("Japan lifted its ban on beef imports from the United States.", "JPN", "USA", "CONCEDE"),
        ("China eased its restrictions on Australian wine.", "CHN", "AUS", "CONCEDE"),
    ],
)
def test_trade_restricted_or_eased(nlp, text, source, target, category):
    rels = relations(nlp, text)
    hit = find(rels, source, target, categories={category})
    assert hit and not hit[0].negated, _pairs(rels)
    assert not find(rels, source, target, categories={"COOPERATE"}), _pairs(rels)


def test_a_lifting_not_done_is_negated_and_said_once(nlp):
    rels = relations(nlp, "The EU did not lift its sanctions on Russia.")
    hits = find(rels, "EU", "RUS", categories={"CONCEDE"})
    assert len(hits) == 1 and hits[0].negated, _pairs(rels)


@pytest.mark.parametrize(
    "text",
    [
        "Refugees from Syria crossed into Turkey.",  # people from a state: a place
        "The storm hit Florida on Sunday.",
        "A shipment of grain arrived in Beirut.",
    ],
)
def test_no_trade_relation_without_trade(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category in ("SANCTION", "COOPERATE", "CONCEDE")], _pairs(rels)


def test_supplies_raised_are_trade_of_the_supplier(nlp):
    # a commodity's acronym before the noun is no actor ("LNG supplies")
    rels = relations(nlp, "Germany increased LNG supplies to Ukraine.")
    assert find(rels, "DEU", "UKR", categories={"COOPERATE"}), _pairs(rels)
    assert all(r.source.actor_id == "DEU" for r in rels), _pairs(rels)


def test_arms_sales_are_military_aid(nlp):
    rels = relations(nlp, "The US announced new arms sales to Taiwan.")
    assert [r for r in rels if r.category == "AID" and r.mode == "military"], _pairs(rels)


def test_trade_a_restriction_is_on_is_no_trade(nlp):
    rels = relations(
        nlp, "The United States imposed tariffs on steel imports from Canada and Mexico."
    )
    assert find(rels, "USA", "CAN", categories={"SANCTION"}), _pairs(rels)
    assert not [r for r in rels if r.category == "COOPERATE"], _pairs(rels)


def test_partner_of_coordinated_goods(nlp):
    # the small model hangs "to the United States" on "germanium"
    rels = relations(nlp, "China banned exports of gallium and germanium to the United States.")
    assert find(rels, "CHN", "USA", categories={"SANCTION"}), _pairs(rels)


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # an act approved or authorised is the approver's: arms sales, sanctions, aid
        ("The State Department approved a sale of missiles to Taiwan.", "USA", "TWN", "AID"),
        ("Washington approved the sale of F-16 fighter jets to Turkey.", "USA", "TUR", "AID"),
        ("The EU approved 50 billion euros in aid to Ukraine.", "EU", "UKR", "AID"),
    ],
)
def test_an_act_approved_is_the_approvers(nlp, text, source, target, category):
    assert find(relations(nlp, text), source, target, categories={category})


def test_approving_another_party_s_act_is_not_doing_it(nlp):
    # the opposite: a ceasefire between two others stays theirs
    rels = relations(nlp, "The UN approved the ceasefire between Israel and Hamas.")
    assert not [r for r in rels if r.source.actor_id == "UN"]
