"""Corporate and regulatory news: fines, money given, deals cleared, summonses."""

from __future__ import annotations

import pytest

from .helpers import find, find_named, relations

pytestmark = pytest.mark.model


def _pairs(rels):
    return [(r.source.actor_id, r.category, r.target.actor_id, r.hypothetical) for r in rels]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a money entity, and an organisation entity ending in the amount
        ("The European Commission fined Google 2.4 billion euros on Tuesday.", "Google"),
        (
            "The European Commission fined Apple 1.8 billion euros for abusing its dominance.",
            "Apple",
        ),
    ],
)
def test_a_name_the_recogniser_took_into_an_amount_is_fined(nlp, text, name):
    rels = relations(nlp, text)
    assert [r for r in rels if r.category == "SANCTION" and r.target.text == name], _pairs(rels)


def test_a_model_number_stays_in_its_name(nlp):
    doc = nlp("Airbus A320 deliveries to China rose.")
    assert "Airbus" in [s.text for s in doc.spans["actors"]]


@pytest.mark.parametrize(
    "text",
    [
        "Germany blocked the sale of Leopard tanks to Saudi Arabia.",
        "The Pentagon approved a $2 billion sale of Patriot missiles to Taiwan.",
        "Ukraine used Bayraktar drones against Russian convoys.",
    ],
)
def test_a_weapon_systems_name_is_no_actor(nlp, text):
    names = [s.text for s in nlp(text).spans["actors"]]
    assert not {"Leopard", "Patriot", "Bayraktar"} & set(names), names


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The EU gave Ukraine 50 billion euros in aid.", "EU", "UKR"),
        ("Germany and France sent field hospitals to Turkey.", "DEU", "TUR"),
    ],
)
def test_aid_and_relief_given_are_aid(nlp, text, source, target):
    rels = relations(nlp, text)
    assert find(rels, source, target, categories={"AID"}), _pairs(rels)


@pytest.mark.parametrize(
    "text",
    [
        "The company lost 5 billion dollars last year.",
        "Britain's Competition and Markets Authority cleared Microsoft's acquisition of "
        "Activision.",  # a deal cleared is no attack
    ],
)
def test_no_aid_or_attack_without_one(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category in ("AID", "ASSAULT")], _pairs(rels)


def test_an_army_clearing_a_town_of_fighters_still_attacks_them(nlp):
    rels = relations(nlp, "The Iraqi army cleared the town of ISIL fighters.")
    assert find(rels, "IRQ", "ISIL", categories={"ASSAULT"}), _pairs(rels)


def test_the_purpose_of_a_summons_is_done(nlp):
    rels = relations(
        nlp, "Kenya summoned the British high commissioner to protest against the remarks."
    )
    hits = find(rels, "KEN", "GBR", categories={"ACCUSE"})
    assert hits and not any(r.hypothetical for r in hits), _pairs(rels)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # trade, arms, takeovers
        ("Iran bought drones from Russia.", "IRN", "RUS"),
        ("India bought Russian oil at a discount.", "IND", "RUS"),
        ("Microsoft acquired Activision for $69 billion.", "BIZ", "NER:activision"),
    ],
)
def test_a_purchase_is_business_between_the_two(nlp, text, source, target):
    rels = relations(nlp, text)
    hit = find_named(rels, source, target)
    assert hit and hit[0].category == "COOPERATE" and hit[0].mode == "economic", rels


def test_what_is_bought_alone_names_no_one(nlp):
    assert not relations(nlp, "The delay bought Ukraine time.")
