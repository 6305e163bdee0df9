"""A stated intent to act is a promise (a cooperative act) or a threat (a hostile one); taking
back what served the other is a sanction; the state a withdrawal leaves is a party to it."""

from __future__ import annotations

import pytest

from .helpers import family, find, relations


@pytest.mark.parametrize(
    ("text", "source", "target", "category", "trigger"),
    [
        # diplomacy: an intent word with an adjective ("is willing to")
        (
            "Syria says it is willing to withdraw its troops from Lebanon.",
            "SYR",
            "LBN",
            "AGREE",
            "willing",
        ),
        # business / trade: a plan to harm
        ("Greece plans to impose restrictions on Turkey.", "GRC", "TUR", "THREATEN", "plans"),
        # aid, announced in a speech verb's clause with "will"
        ("Turkey said it will send humanitarian aid to Syria.", "TUR", "SYR", "AGREE", "said"),
        # protest / politics: a boycott announced
        (
            "Nigeria announced that it will withdraw its peacekeepers from Chad.",
            "NGA",
            "TCD",
            "THREATEN",
            "announced",
        ),
        # ending a tie is the opposite of the tie: a threat
        (
            "The United States said it would halt all aid to Egypt.",
            "USA",
            "EGY",
            "THREATEN",
            "said",
        ),
        # a part of the source speaks for it
        (
            "Norway is willing to send aid to Saudi Arabia, Norway's foreign minister said.",
            "NOR",
            "SAU",
            "AGREE",
            "willing",
        ),
        # conflict: a vow
        ("Iran vowed to punish Israel.", "IRN", "ISR", "THREATEN", "vowed"),
        # diplomacy: talks take no side, an intent to hold them is a promise
        ("Mexico intends to negotiate with the United States.", "MEX", "USA", "AGREE", "intends"),
        ("Turkey is ready to mediate between Russia and Ukraine.", "TUR", "UKR", "AGREE", "ready"),
    ],
)
def test_stated_intent_is_a_promise_or_a_threat(nlp, text, source, target, category, trigger):
    rels = relations(nlp, text)
    made = [r for r in find(rels, source, target) if r.mode == "intent"]
    assert made, rels
    rel = made[0]
    assert rel.category == category and rel.trigger.text == trigger
    assert not rel.negated and not rel.hypothetical
    # the act itself stays, less sure than the intent
    acts = [r for r in find(rels, source, target) if r.mode != "intent"]
    assert acts and all(a.confidence < rel.confidence for a in acts)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        # a prediction about another actor is no intent of the speaker's
        ("Obama said Iran will attack Israel.", "ISR"),
        # an act one says one will not do is no promise
        ("The United States said it would not meet Iran's demands.", "IRN"),
        # the one who seeks (to join the SDF) is not the source of the SDF's fight
        ("Many Arab citizens are seeking to join the SDF's fight against ISIL.", "ISIL"),
        # "could" is a possibility, not an intent
        ("Turkey said it could send aid to Syria.", "SYR"),
        # a plan imputed by another is their charge, no intent stated
        ("The prime minister of India said Pakistan plans to attack India.", "IND"),
    ],
)
def test_no_intent_without_the_source_stating_its_own(nlp, text, target):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.mode == "intent" and family(r.target.actor_id) == target]


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy: a recalled ambassador is a sanction
        ("Washington withdrew its ambassador from Venezuela.", "USA", "VEN", "SANCTION"),
        # peacekeeping
        ("The UN withdrew its observers from Georgia last year.", "UN", "GEO", "SANCTION"),
        # a withdrawal of troops is a retreat, the state left its party
        ("Russia withdrew its troops from Georgia in 2008.", "RUS", "GEO", "RETREAT"),
        # business
        ("Google withdrew from China in 2010.", "BIZ", "CHN", "RETREAT"),
        # other verbs of withdrawal
        ("The IAEA pulled its inspectors from Iran.", "IAEA", "IRN", "SANCTION"),
        ("Russia pulled its troops from Moldova.", "RUS", "MDA", "RETREAT"),
        # aid withdrawn is aid cut
        ("The EU withdrew aid to Hungary.", "EU", "HUN", "SANCTION"),
        # an envoy withdrawn from where it is posted
        ("Algeria recalled its ambassador to France.", "DZA", "FRA", "SANCTION"),
        ("Sweden recalled its ambassador to Iraq after the protests.", "SWE", "IRQ", "SANCTION"),
        ("Mali recalled its ambassador to Algeria in protest.", "MLI", "DZA", "SANCTION"),
    ],
)
def test_a_withdrawal_from_a_state(nlp, text, source, target, category):
    rels = relations(nlp, text)
    hit = find(rels, source, target)
    assert hit and hit[0].category == category, rels


@pytest.mark.parametrize(
    "text",
    [
        # a capital or a city left stays a place
        "US troops withdrew from Kabul.",
        "The army withdrew from Mosul.",
        # fleeing is no withdrawal of the one who flees from a state
        "Refugees fled from Syria to Turkey.",
    ],
)
def test_a_place_left_is_no_party(nlp, text):
    rels = relations(nlp, text)
    assert not [r for r in rels if r.category == "RETREAT"], rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # courts / business: a lawsuit withdrawn is no accusation made
        ("Apple withdrew its lawsuit against Samsung.", "NER:apple", "BIZ"),
        # politics: support withdrawn is support ended
        ("Turkey withdrew its support for the coalition against ISIL.", "TUR", "COALITION"),
    ],
)
def test_what_is_withdrawn_is_no_longer_done(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and all(r.negated for r in hit), hit


@pytest.mark.parametrize(
    "text",
    [
        "Argentine President Javier Milei had no plans to meet Chinese President Xi Jinping.",
        "The Kenyan government has no intention of negotiating with the rebels.",
        "Seoul has no plans to send weapons to Ukraine.",
    ],
)
def test_an_act_under_a_noun_denied_by_no_is_negated(nlp, text):
    rels = relations(nlp, text)
    assert rels and all(r.negated for r in rels), [(r.category, r.negated) for r in rels]


def test_a_recollection_is_no_recall_of_an_envoy(nlp):
    # the visit is one (a consultation); remembering it withdraws nothing
    rels = relations(nlp, "President Ruto recalled his visit to China with pride.")
    assert not [r for r in rels if r.category == "SANCTION"], rels
