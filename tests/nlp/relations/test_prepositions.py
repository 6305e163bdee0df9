"""Prepositional relations ("alongside", "against") and weapons standing for their user."""

from __future__ import annotations

import pytest

from .helpers import check_case, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "noun with light verb",
        "Coalition military forces conducted 23 strikes using attack and "
        "fighter aircraft against ISIL targets.",
        "COALITION",
        "ISIL",
        {"ASSAULT", "OPPOSE"},
        False,
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_construction(nlp, case):
    check_case(nlp, case)


def test_pattern_on_a_plain_noun_is_not_the_clause_subjects(nlp):
    text = (
        "The coalition's airstrikes delivered 24 munitions against ISIL targets, which "
        "include three tactical units and five supply routes in support of SDF operations."
    )
    rels = relations(nlp, text)
    assert not find(rels, "ISIL", "SDF", categories={"SUPPORT"})


def test_weapons_used_against_a_target_stand_for_their_user(nlp):
    text = (
        "Coalition military forces conducted 11 strikes using attack, fighter, and remotely "
        "piloted aircraft as well as rocket artillery against ISIL targets."
    )
    rels = [r for r in relations(nlp, text) if r.target.actor_id == "ISIL"]
    by_source = {r.source.text: r.source.actor_id for r in rels}
    assert by_source.get("Coalition military forces") == "COALITION"
    assert by_source.get("rocket artillery") == "COALITION"
    assert by_source.get("attack, fighter, and remotely piloted aircraft") == "COALITION"
    used = relations(
        nlp, "Abu Jandal was involved in the use of IEDs and chemical weapons against the SDF."
    )
    assert {r.source.text for r in used if r.target.actor_id == "SDF"} >= {
        "IEDs",
        "chemical weapons",
    }


def test_weapons_of_a_named_actor_are_not_split_off(nlp):
    # a plain noun that is no weapon, and an actor's own name, give no extra relation
    rels = relations(
        nlp, "Coalition forces conducted strikes using intelligence from Iraqi forces against ISIL."
    )
    assert all(r.source.text in ("Coalition forces",) for r in rels if r.target.actor_id == "ISIL")


def test_involved_in_the_use_of_weapons_against(nlp):
    text = "Abu Jandal was involved in the use of suicide vehicles and chemical weapons against the SDF."
    rels = relations(nlp, text)
    assert any(r.source.text == "Abu Jandal" and r.target.actor_id == "SDF" for r in rels)


@pytest.mark.parametrize(
    "text",
    [
        "The company was ranked alongside Google in the survey of employers.",  # business
        "Macron stood alongside Zelensky at a press conference in Paris.",  # diplomacy
        "China was listed alongside Russia as a threat in the report.",  # policy
        "The German chancellor appeared alongside the Polish president.",
    ],
)
def test_alongside_after_a_verb_of_no_joint_action_relates_no_one(nlp, text):
    rels = nlp(text)._.relations
    assert not [r for r in rels if r.category == "COOPERATE"], [
        (r.source.actor_id, r.category, r.target.actor_id) for r in rels
    ]


@pytest.mark.parametrize(
    "text",
    [
        "US advisers served alongside Iraqi troops in Mosul.",
        "Ukrainian troops operate alongside Polish volunteers near Kharkiv.",
        "Kurdish fighters fought alongside US special forces.",
    ],
)
def test_alongside_after_a_verb_of_joint_action_is_cooperation(nlp, text):
    rels = nlp(text)._.relations
    assert [r for r in rels if r.category == "COOPERATE"], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # protest policing, war, a strike with drones
        ("Kenyan police used live ammunition against demonstrators.", "KEN", "GEN"),
        ("Syria's army used chemical weapons against civilians.", "SYR", "GEN"),
        ("Israel used drones against Hezbollah in Lebanon.", "ISR", "HEZBOLLAH"),
    ],
)
def test_a_weapon_used_against_someone_is_an_attack(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "ASSAULT", relations(nlp, text)


def test_other_means_used_against_someone_stay_a_stance(nlp):
    rels = relations(nlp, "The EU used diplomatic pressure against Hungary.")
    assert not [r for r in rels if r.category == "ASSAULT"], rels


@pytest.mark.parametrize(
    "text",
    [
        # campaigns, business, courts: acting "alongside" with no armed side is no military act
        "Rahul Gandhi campaigned alongside Tejashwi Yadav in Bihar.",
        "Google worked alongside Samsung on the new phone.",
        "Amnesty International campaigned alongside Human Rights Watch.",
    ],
)
def test_acting_alongside_with_no_armed_side_is_civil_cooperation(nlp, text):
    rels = [r for r in relations(nlp, text) if r.category == "COOPERATE"]
    assert rels and all(r.mode != "military" for r in rels), relations(nlp, text)


def test_serving_alongside_troops_stays_military(nlp):
    rels = relations(nlp, "US advisers served alongside Iraqi troops.")
    assert [r.mode for r in rels if r.category == "COOPERATE"] == ["military"]
