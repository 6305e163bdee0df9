"""Event nouns with light verbs, and events and support received."""

from __future__ import annotations

import pytest

from .helpers import check_case, check_pair, family, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "event noun with possessor",
        "A series of precision U.S. airstrikes against al-Qaida "
        "operatives this week killed more than 20 militants.",
        "USA",
        "AQ",
        {"ASSAULT"},
        False,
        False,
    ),
    (
        "support received",
        "Syrian opposition forces liberated the town of Dabiq from ISIL control, aided by "
        "strong support from our ally Turkey.",
        "TUR",
        "SYR",
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "event noun with its own agent",
        "The United States condemns the ISIL attack and other terrorist attacks against "
        "the Iraqi people.",
        "USA",
        "ISIL",
        {"ACCUSE"},
        False,
        False,
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_construction(nlp, case):
    check_case(nlp, case)


# One construction per case: (sentence, source family, target family or None, category).
PAIR_CASES = [
    (
        "France continues to value the partnerships with its allies in the Gulf.",
        "FRA",
        "GEN",
        "COOPERATE",
    ),
    (
        "The United States will provide nearly $100 million in new assistance to the "
        "Syrian opposition.",
        "USA",
        "SYR",
        "AID",
    ),
    (
        "With support from 14 donor countries, the Syria Recovery Trust Fund is delivering "
        "over 20 projects.",
        "GEN",
        None,
        "SUPPORT",
    ),
    ("Washington imposed sanctions on Iranian officials.", "USA", "IRN", "SANCTION"),
    ("Qatar has close ties to Hamas.", "QAT", "HAMAS", "ALIGN"),
    (
        "Kurdish Peshmerga forces, with the help of US air strikes, drove ISIS out of Sinjar.",
        "USA",
        "KRG",
        "AID",
    ),
    (
        "Ankara summoned the US ambassador over Washington's support for Kurdish fighters.",
        "USA",
        "KURDS",
        "SUPPORT",
    ),
    (
        "Hezbollah receives financial and military support from Iran.",
        "IRN",
        "HEZBOLLAH",
        "SUPPORT",
    ),
    ("Saudi Arabia and Iran restored diplomatic relations.", "SAU", "IRN", "COOPERATE"),
    ("Egypt established diplomatic relations with Israel in 1980.", "EGY", "ISR", "COOPERATE"),
    ("Turkey has tense relations with Israel.", "TUR", "ISR", "OPPOSE"),
    ("Relations between Russia and the United States have soured.", "RUS", "USA", "OPPOSE"),
    (
        "The Coalition conducted strikes to enable the defeat of ISIL.",
        "COALITION",
        "ISIL",
        "ASSAULT",
    ),
]


@pytest.mark.parametrize(("text", "source", "target", "category"), PAIR_CASES)
def test_construction_gives_the_relation(nlp, text, source, target, category):
    check_pair(nlp, text, source, target, category)


def test_event_noun_agent_is_not_the_condemning_subject(nlp):
    text = "The United States condemns other recent terrorist attacks against the Iraqi people."
    rels = relations(nlp, text)
    assert not find(rels, "USA", "IRQ"), [(r.source.text, r.target.text) for r in rels]


def test_concern_over_actions(nlp):
    text = "The British government expressed concern over Russia's actions in Ukraine."
    assert find(relations(nlp, text), "GBR", "RUS", categories={"OPPOSE"})


@pytest.mark.parametrize(
    ("text", "category"),
    [
        (
            "The US will continue to take actions to deny any safe haven for al-Qaida in Syria.",
            "OPPOSE",
        ),
        ("Together the US will deliver ISIL a lasting defeat.", "ASSAULT"),
        ("The US will deliver a lasting defeat to ISIL.", "ASSAULT"),
        ("ISIL continues to pose a threat to the United States.", "THREATEN"),
    ],
)
def test_act_named_by_the_object_noun(nlp, text, category):
    rels = relations(nlp, text)
    assert any(r.category == category for r in rels), [(r.category, r.trigger.text) for r in rels]
    assert not any(r.category == "AID" for r in rels)  # "deliver" a defeat is no aid


@pytest.mark.parametrize(
    "text",
    [
        "The Kurdish outpost came under attack from ISIL fighters.",
        "Iraqi forces received fire from ISIL fighters near the hospital.",
    ],
)
def test_received_attack_comes_from_the_attacker(nlp, text):
    rels = relations(nlp, text)
    hit = [r for r in rels if r.category == "ASSAULT"]
    assert hit and family(hit[0].source.actor_id) == "ISIL", [
        (r.source.text, r.target.text) for r in rels
    ]


def test_received_fire_is_no_aid(nlp):
    rels = relations(nlp, "Iraqi forces received heavy fire from ISIL fighters.")
    assert find(rels, "ISIL", "IRQ", categories={"ASSAULT"})
    assert not find(rels, "ISIL", "IRQ", categories={"AID"})
    rels = relations(nlp, "The SDF received training from US advisers.")
    assert len(find(rels, "USA", "SDF", categories={"AID"})) == 1


def test_an_event_noun_argument_spans_its_actor_and_itself(nlp):
    text = (
        "Abu Jandal, an ISIL leader, was struck and killed by a coalition airstrike near Tabqa Dam."
    )
    hit = [r for r in relations(nlp, text) if r.category == "ASSAULT"]
    assert hit and hit[0].source.actor_id == "COALITION"
    assert hit[0].source.text == "coalition airstrike"


@pytest.mark.parametrize(
    ("text", "giver", "recipient"),
    [
        ("The European Union gave Ukraine humanitarian aid.", "EU", "UKR"),
        ("Saudi Arabia provided Egypt $5 billion in aid.", "SAU", "EGY"),
        ("The World Bank gave Kenya $300 million in loans.", "WORLD_BANK", "KEN"),
        ("The European Community gave the Ivory Coast 5.1 million dollars of aid.", None, "CIV"),
    ],
)
def test_the_recipient_between_a_giving_verb_and_its_object(nlp, text, giver, recipient):
    rels = [r for r in relations(nlp, text) if r.category == "AID"]
    assert [family(r.target.actor_id) for r in rels] == [recipient], [
        (r.source.text, r.target.text) for r in rels
    ]
    if giver is not None:
        assert family(rels[0].source.actor_id) == giver


def test_a_modifier_after_a_determiner_is_not_a_recipient(nlp):
    # "the Ukraine aid package" is a package for Ukraine, not Ukraine given something by
    # the subject of "approved" (no giving verb), and "US aid" is given by the US
    rels = relations(nlp, "US aid reached Ukraine in March.")
    assert not find(rels, "UKR", "USA")
    assert not [
        r
        for r in relations(nlp, "Congress approved the Ukraine aid package.")
        if family(r.source.actor_id) == "UKR"
    ]


@pytest.mark.parametrize(
    ("text", "mediators", "parties"),
    [
        # diplomacy, an active go-between
        ("Qatar and Egypt brokered a ceasefire between Israel and Islamic Jihad.",
         {"QAT", "EGY"}, {"ISR", "PIJ"}),
        ("Norway mediated talks between Colombia and Venezuela.", {"NOR"}, {"COL", "VEN"}),
        # the go-between's noun
        ("Egypt's mediation between Israel and Hamas collapsed on Friday.", {"EGY"},
         {"ISR", "HAMAS"}),
        # a truce brokered by: the parties are who agreed to it
        ("Sudan's army and the Rapid Support Forces agreed to a truce brokered by Saudi "
         "Arabia.", {"SAU"}, {"SDN"}),
    ],
)  # fmt: skip
def test_a_go_between_deals_with_each_party(nlp, text, mediators, parties):
    rels = relations(nlp, text)
    med = {
        (family(r.source.actor_id), family(r.target.actor_id))
        for r in rels
        if r.category == "CONSULT" and family(r.source.actor_id) in mediators
    }
    assert med == {(m, p) for m in mediators for p in parties}, med
    # the parties are not mediators of each other
    assert not any(
        family(r.source.actor_id) in parties and family(r.target.actor_id) in mediators
        for r in rels
    )


def test_a_frame_noun_carries_the_prepositions_of_its_kind(nlp):
    rels = relations(
        nlp, "Qatar launched a mediation effort between the Emirates and Saudi Arabia."
    )
    assert {
        family(r.target.actor_id) for r in find(rels, "QAT", "ARE") + find(rels, "QAT", "SAU")
    } == {"ARE", "SAU"}
    assert all(r.trigger.text == "mediation" for r in rels)
    # a frame noun with no event noun of its kind says nothing
    assert not relations(nlp, "Qatar launched a new effort between the Emirates and Saudi Arabia.")


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        (  # a deed draws condemnation from another: the other accuses the doer
            "The killing of the journalist by Saudi agents drew condemnation from Turkey.",
            "TUR",
            "SAU",
            "ACCUSE",
        ),
        (
            "Israel's strike on the consulate sparked condemnation from Iran.",
            "IRN",
            "ISR",
            "ACCUSE",
        ),
        ("The Hungarian government drew criticism from the European Union.", "EU", "HUN", "ACCUSE"),
        (
            "Kenya's peacekeeping mission won backing from the United States.",
            "USA",
            "KEN",
            "SUPPORT",
        ),
    ],
)
def test_a_reaction_drawn_from_another_is_theirs(nlp, text, source, target, category):
    hit = find(relations(nlp, text), source, target, categories={category})
    assert hit, [(r.source.actor_id, r.category, r.target.actor_id) for r in relations(nlp, text)]


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # the noun of a light verb names whose the act is
        ("The US imposition of tariffs on Canada drew a rebuke from Ottawa.", "USA", "CAN",
         "SANCTION"),
        ("The US imposition of tariffs on Canada drew a rebuke from Ottawa.", "CAN", "USA",
         "ACCUSE"),
        ("Russia's delivery of weapons to Syria angered Israel.", "RUS", "SYR", "AID"),
    ],
)  # fmt: skip
def test_the_noun_of_a_light_verb_names_the_doer(nlp, text, source, target, category):
    rels = relations(nlp, text)
    assert find(rels, source, target, categories={category}), [
        (r.source.actor_id, r.category, r.target.actor_id) for r in rels
    ]


def test_an_undone_imposition_names_no_doer(nlp):
    assert not relations(nlp, "The imposition of tariffs on Chinese steel hurt exporters.")


@pytest.mark.parametrize(
    ("text", "pairs"),
    [
        # military exercises held together are military cooperation
        ("Iran held joint naval drills with China.", {("IRN", "CHN")}),
        ("India and the United States conducted a joint military exercise.", {("IND", "USA")}),
        ("Russia and Belarus began military exercises near the Polish border.", {("RUS", "BLR")}),
    ],
)
def test_exercises_held_together(nlp, text, pairs):
    rels = relations(nlp, text)
    got = {(r.source.actor_id, r.target.actor_id) for r in rels if r.category == "COOPERATE"}
    assert pairs <= got, [(r.source.actor_id, r.category, r.target.actor_id) for r in rels]


@pytest.mark.parametrize(
    "text",
    [
        "China held military drills around Taiwan.",  # a place, no partner
        "The exercise of power by Hungary's government worried the EU.",
    ],
)
def test_exercises_with_no_partner(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "COOPERATE"]
