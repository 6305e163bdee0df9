"""Commitments: an act announced under a verb of threat or promise is read as the threat or
the promise (``allegiance.nlp.relations.selection.commitment``)."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy: a threat of force is a verbal conflict, done; the attack is not
        ("Turkey threatened to attack the Kurdish militias in northern Syria.", "TUR", "KURDS",
         "THREATEN"),
        # politics, sanctions
        ("The United States threatened to expel Russian diplomats.", "USA", "RUS", "THREATEN"),
        # protest and armed groups, with a condition on the act, not on the threat
        ("Hamas threatened to fire rockets at Israel if the raids continue.", "HAMAS", "ISR",
         "THREATEN"),
        # business and loans: a promise of aid is an agreement, made
        ("China has promised to provide loans to Pakistan for the new port.", "CHN", "PAK",
         "AGREE"),
        # parliament: agreeing to back a government
        ("The Kurdish parties agreed to back the Iraqi government in the budget vote.", "KURDS",
         "IRQ", "AGREE"),
    ],
)  # fmt: skip
def test_a_threat_or_promise_of_an_act_is_made(nlp, text, source, target, category):
    rels = find(relations(nlp, text), source, target)
    made = [r for r in rels if r.category == category]
    assert [r.hypothetical for r in made] == [False], rels
    assert made[0].trigger.text.lower().startswith(("threat", "promis", "agree"))
    # the act announced stays, hypothetical, and less sure than the threat or promise made
    acts = [r for r in rels if r.category != category]
    assert acts and all(r.hypothetical and r.confidence < made[0].confidence for r in acts)


def test_agreeing_to_strike_is_no_agreement_with_the_target(nlp):
    rels = find(relations(nlp, "NATO allies agreed to strike ISIL positions in Syria."),
                "NATO", "ISIL")  # fmt: skip
    assert rels and all(r.category == "ASSAULT" and r.hypothetical for r in rels)


def test_a_wish_to_attack_stays_a_hypothetical_attack(nlp):
    rels = find(relations(nlp, "Turkey wants to attack the Kurdish militias."), "TUR", "KURDS")
    assert rels and all(r.category == "ASSAULT" and r.hypothetical for r in rels)


def test_a_denied_threat_is_negated_and_read_once(nlp):
    text = "Iran did not threaten to attack Saudi Arabia, the minister said."
    rels = find(relations(nlp, text), "IRN", "SAU", categories={"THREATEN"})
    assert [r.negated for r in rels] == [True]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # diplomacy, an election campaign, trade: "threatened X against Y" is a threat to Y
        ("The Kremlin threatened further action against Ukraine.", "RUS", "UKR"),
        ("China threatened countermeasures against the United States over the tariffs.",
         "CHN", "USA"),
        ("Russia threatened retaliation against NATO over the deployment.", "RUS", "NATO"),
    ],
)  # fmt: skip
def test_a_preposition_on_the_object_of_a_trigger_verb_is_the_verbs_act(nlp, text, source, target):
    rels = [r for r in find(relations(nlp, text), source, target) if not r.hypothetical]
    assert [r.category for r in rels] == ["THREATEN"], rels
    assert rels[0].trigger.text == "threatened"


def test_a_preposition_on_a_plain_verb_stays_a_stance(nlp):
    rels = find(relations(nlp, "Iraqi forces maintained their positions against ISIL near Mosul."),
                "IRQ", "ISIL")  # fmt: skip
    assert [r.category for r in rels] == ["OPPOSE"]
