"""Modality: negation and hypothetical (purpose, denial, stopping, future)."""

from __future__ import annotations

import pytest

from .helpers import MILITIAS_LEAD, family, find, find_named, relations


def test_purpose_of_a_past_use_is_done(nlp):
    text = MILITIAS_LEAD + (
        "And they have used the cover of fighting ISIS to slaughter Sunni civilians in the "
        "liberation of other cities."
    )
    hit = [r for r in relations(nlp, text) if r.trigger.text == "slaughter"]
    assert hit and hit[0].source.text == "they" and family(hit[0].source.actor_id) == "SHIA"
    assert not hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "negated", "speaker"),
    [
        ("Iran denies arming the Houthis.", True, None),
        ("Iran has denied that it supplies weapons to the Houthis.", True, "IRN"),
        ("Iran did not deny arming the Houthis.", False, None),
    ],
)
def test_a_denial_negates_what_is_denied(nlp, text, negated, speaker):
    hit = find(relations(nlp, text), "IRN", "HOUTHIS", categories={"AID"})
    assert hit and hit[0].negated is negated
    if speaker is not None:
        assert hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == speaker


def test_not_hesitating_is_doing(nlp):
    text = "The US said it would not hesitate to strike Iran if attacked."
    hit = find(relations(nlp, text), "USA", "IRN", categories={"ASSAULT"})
    assert hit and not hit[0].negated and hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "category", "negated", "hypothetical"),
    [
        # cutting aid is an act of its own (CAMEO 162, PLOVER SANCTION), ending support no
        # longer supports
        ("The US has stopped arming the Syrian rebels.", "SANCTION", False, False),
        ("The US no longer supports the Syrian rebels.", "SUPPORT", True, False),
        ("The US ended its support for the Syrian rebels.", "SUPPORT", True, False),
        # a cut denied, or only asked for, leaves the act going on
        ("The US did not stop arming the Syrian rebels.", "AID", False, False),
        ("Russia urged the US to stop arming the Syrian rebels.", "AID", False, False),
    ],
)
def test_an_act_stopped_is_no_longer_and_one_asked_to_stop_goes_on(
    nlp, text, category, negated, hypothetical
):
    hit = [r for r in relations(nlp, text) if r.target.actor_id == "SYR.REB"]
    assert hit and family(hit[0].source.actor_id) == "USA"
    assert (hit[0].category, hit[0].negated, hit[0].hypothetical) == (
        category,
        negated,
        hypothetical,
    )


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("Hezbollah has deployed thousands of fighters to support the Assad government.", False),
        ("Hezbollah will deploy fighters to support the Assad government.", True),
    ],
)
def test_the_purpose_of_a_deployment_made_is_done(nlp, text, hypothetical):
    hit = find(relations(nlp, text), "HEZBOLLAH", "SYR", categories={"SUPPORT"})
    assert hit and hit[0].hypothetical is hypothetical


@pytest.mark.parametrize(
    ("text", "source", "target", "negated"),
    [
        ("The United States acted without consulting France.", "USA", "FRA", True),
        ("Hungary voted against sanctioning Russia.", "HUN", "RUS", True),
        ("Hungary voted for sanctioning Russia.", "HUN", "RUS", False),
    ],
)
def test_a_gerund_under_without_or_against_is_not_done(nlp, text, source, target, negated):
    hit = find(relations(nlp, text), source, target)
    assert hit and all(r.negated is negated for r in hit), [
        (r.category, r.negated) for r in relations(nlp, text)
    ]


@pytest.mark.parametrize(
    ("text", "source", "target", "negated"),
    [
        # defence
        ("The Pentagon denied reports that US troops were fighting alongside Kurdish "
         "forces in Syria.", "USA", "KURDS", True),
        # diplomacy
        ("Iran rejected claims that it had supplied drones to Russia.", "IRN", "RUS", True),
        # a claim confirmed, or not denied, stands
        ("The Pentagon confirmed reports that US troops were fighting alongside Kurdish "
         "forces in Syria.", "USA", "KURDS", False),
        ("Iran did not deny reports that it had supplied drones to Russia.", "IRN", "RUS", False),
    ],
)  # fmt: skip
def test_a_disputed_claim_is_denied(nlp, text, source, target, negated):
    hit = find(relations(nlp, text), source, target)
    assert hit and all(r.negated is negated for r in hit), [
        (r.category, r.negated) for r in relations(nlp, text)
    ]


@pytest.mark.parametrize(
    ("text", "source", "target", "hypothetical"),
    [
        # a speech act the speaker wishes to perform is performed by saying so
        ("I want to thank our ally Turkey for the close coordination.", "GEN", "TUR", False),
        ("We would like to congratulate the people of Chile on the vote.", "GEN", "CHL", False),
        ("I wish to condemn this attack by Hamas in the strongest terms.", "GEN", "HAMAS", False),
        # ... a third party's wish, or a wish to act, stays a wish
        ("Russia wants to condemn NATO at the summit.", "RUS", "NATO", True),
        ("I want to visit Kyiv next year.", "GEN", "UKR", True),
    ],
)
def test_a_performative_wish_is_done(nlp, text, source, target, hypothetical):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].hypothetical is hypothetical, relations(nlp, text)


@pytest.mark.parametrize(
    ("text", "source", "target", "hypothetical"),
    [
        ("The Senate voted to condemn Russia.", "USA", "RUS", False),
        ("The UN Security Council voted to impose sanctions on North Korea.", "UN", "PRK", False),
        ("Ghana decided to expel the Nigerian ambassador.", "GHA", "NGA", False),
        # a vote still to come, or one only expected, is not taken
        ("The Senate may vote to condemn Russia.", "USA", "RUS", True),
        ("The Senate is expected to vote to condemn Russia.", "USA", "RUS", True),
    ],
)
def test_a_vote_or_decision_taken_does_its_act(nlp, text, source, target, hypothetical):
    hit = find(relations(nlp, text), source, target)
    assert hit and all(r.hypothetical is hypothetical for r in hit)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Iran vowed revenge against Israel.", "IRN", "ISR"),
        ("Beijing vowed retaliation against Washington.", "CHN", "USA"),
        ("North Korea threatened retaliation against South Korea.", "PRK", "KOR"),
        ("Iran vowed an attack on Israel.", "IRN", "ISR"),
    ],
)
def test_a_harm_vowed_is_a_threat_not_an_assault(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert any(r.category == "THREATEN" and not r.hypothetical for r in hit), hit
    assert not [r for r in hit if r.category == "ASSAULT" and not r.hypothetical]


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # a helping act vowed reads as it is; a harm done stays an assault
        ("China pledged support for Pakistan.", "CHN", "PAK", "SUPPORT"),
        ("Israel carried out reprisals against Hamas.", "ISR", "HAMAS", "ASSAULT"),
    ],
)
def test_what_is_not_a_harm_vowed_is_read_as_it_is(nlp, text, source, target, category):
    hit = find(relations(nlp, text), source, target)
    assert [r for r in hit if r.category == category and not r.hypothetical]
    assert not [r for r in hit if r.category == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # diplomacy, the UN, politics: an act held back from is not done
        ("Brazil refrained from criticising the Venezuelan government.", "BRA", "VEN"),
        ("Brazil stopped short of condemning the Venezuelan government.", "BRA", "VEN"),
        ("India abstained from condemning Russia at the UN.", "IND", "RUS"),
    ],
)
def test_an_act_held_back_from_is_negated(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and all(r.negated for r in hit), relations(nlp, text)


def test_an_act_done_after_a_stop_is_not_held_back(nlp):
    hit = find(relations(nlp, "Brazil stopped its talks and condemned Venezuela."), "BRA", "VEN")
    assert hit and not any(r.negated for r in hit)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a finite verb joined to a bare one under "would not" is said outside the modal
        ("Zourabichvili said she would not step down and accused Georgian Dream of fraud.",
         "NER:zourabichvili", "GEO"),
        ("China will not recognise the vote and condemns Taiwan.", "CHN", "TWN"),
    ],
)  # fmt: skip
def test_a_finite_verb_after_a_modal_one_keeps_its_own_modality(nlp, text, source, target):
    rels = relations(nlp, text)
    hit = find_named(rels, source, target, category="ACCUSE")
    assert hit and not hit[0].negated and not hit[0].hypothetical, rels


def test_two_bare_verbs_under_would_not_share_it(nlp):
    hit = find(relations(nlp, "Russia will not attend the summit or meet Ukraine."), "RUS", "UKR")
    assert hit and hit[0].negated and hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # diplomacy, politics, business: the gerund a noun is about is a topic, not an act
        ("Georgia's government said it would suspend talks on joining the European Union.",
         "GEO", "EU"),
        ("Serbia opened a debate about recognising Kosovo.", "SRB", "XKX"),
        ("Boeing held talks about acquiring Spirit AeroSystems.", "BIZ", "NER:spirit aerosystems"),
    ],
)  # fmt: skip
def test_the_gerund_a_noun_is_about_is_hypothetical(nlp, text, source, target):
    rels = relations(nlp, text)
    hit = find_named(rels, source, target)
    assert hit and all(r.hypothetical for r in hit), rels
