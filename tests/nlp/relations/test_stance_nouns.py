"""Stance nouns ("allies", "proxy", "backers") and the "regarded as" reading."""

from __future__ import annotations

import pytest

from .helpers import check_case, check_pair, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "proxy",
        "The Shia militias, known as Popular Mobilization Forces, are seen as an Iranian proxy.",
        "IRN",
        "PMF",  # the text defines the militias as the PMF: one actor (issue 15)
        {"SUPPORT"},
        False,
        False,
    ),
    (
        "stance noun, mutual",
        "The United States and Iran are enemies.",
        "USA",
        "IRN",
        {"OPPOSE"},
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
        "The Syrian regime and its Russian backers have bombed hospitals.",
        "RUS",
        "SYR",
        "SUPPORT",
    ),
    ("Iran's allies include Hezbollah and the Houthis.", "HOUTHIS", "IRN", "ALIGN"),
    ("Jabhat al-Nusra was the Syrian branch of al-Qaeda.", "AQ", "AQ", "ALIGN"),
    ("The Qassam Brigades, the armed wing of Hamas, fired rockets.", "HAMAS", "HAMAS", "ALIGN"),
    ("The YPG, which Turkey regards as a terrorist group, joined the SDF.", "TUR", "SDF", "ACCUSE"),
    ("Turkey considers the YPG a terrorist organisation.", "TUR", "SDF", "ACCUSE"),
    ("The PKK is designated as a terrorist organization by Turkey.", "TUR", "PKK", "ACCUSE"),
    ("Turkey regards the YPG as an enemy.", "TUR", "SDF", "OPPOSE"),
    ("Iran sees Hezbollah as a key ally.", "IRN", "HEZBOLLAH", "ALIGN"),
]


@pytest.mark.parametrize(("text", "source", "target", "category"), PAIR_CASES)
def test_construction_gives_the_relation(nlp, text, source, target, category):
    check_pair(nlp, text, source, target, category)


def test_affiliation_keeps_the_descriptive_demonym_out(nlp):
    rels = relations(nlp, "Jabhat al-Nusra was the Syrian branch of al-Qaeda.")
    assert not any(r.target.actor_id == "SYR" for r in rels)


def test_among_the_supporters(nlp):
    text = "Poland has been among Ukraine's staunchest supporters."
    assert find(relations(nlp, text), "POL", "UKR", categories={"SUPPORT"})


def test_an_apposition_to_a_named_group_is_part_of_it_not_its_partner(nlp):
    text = (
        "We are grateful for the support provided by our Coalition partners, especially the Turks."
    )
    rels = relations(nlp, text)
    assert not find(rels, "TUR", "COALITION") and not find(rels, "COALITION", "TUR")


def test_demonym_partners_are_the_demonyms_actor(nlp):
    doc = nlp("Petty Officer Keating was advising and assisting our Kurdish partners.")
    ids = {s.text: s._.actor.actor_id for s in doc.spans["actors"]}
    assert ids.get("Kurdish partners") == "KURDS"
    assert "our" not in ids  # "our" is not what it qualifies
    alone = nlp("The Coalition will continue to strike ISIL targets in support of our partners.")
    hit = [r for r in alone._.relations if r.target.actor_id == "GEN.PARTNERS"]
    assert hit and hit[0].category == "SUPPORT"


@pytest.mark.parametrize(
    ("text", "demonym"),
    [
        ("Samsung sued its American rival Apple Inc. over patents.", "USA"),
        ("Veldhoven Semiconductors sued its Chinese rival Huaxin Micro.", "CHN"),
        ("Airbus beat its American rival Boeing to the contract.", "USA"),
    ],
)
def test_a_demonym_on_a_possessed_rival_describes_the_rival(nlp, text, demonym):
    # the rival is the owner's, not the rival's own country's
    assert not [r for r in relations(nlp, text) if r.target.actor_id == demonym]


def test_a_demonym_on_an_unowned_ally_is_the_allys_partner(nlp):
    # the opposite: "a Russian ally" is Russia's ally
    assert find(relations(nlp, "Iran, a Russian ally, condemned the strikes."), "IRN", "RUS")
