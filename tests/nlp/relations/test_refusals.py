"""Refusing cooperation is a rejection, an act of its own; refusing a hostile act is only not
doing it."""

from __future__ import annotations

import pytest

from .helpers import find, relations


@pytest.mark.parametrize(
    ("text", "source", "target", "mode"),
    [
        # diplomacy
        (
            "Israeli President Moshe Katsav has refused to meet Jordan's King Abdullah II.",
            "NER:moshe katsav",
            "PER",
            "talks",
        ),
        # politics
        (
            # recognising a government is support (actor_as): refusing it rejects support
            "Beijing has refused to recognize the new government of Taiwan.",
            "CHN",
            "TWN",
            "support",
        ),
        # security: a concession refused
        (
            "The Israeli government is refusing to lift the curfew on Palestinians.",
            "ISR",
            "PALESTINIANS",
            "concession",
        ),
        # aid
        (
            "The Turkish government has refused to commit to any direct assistance to the "
            "United States.",
            "TUR",
            "USA",
            "aid",
        ),
    ],
)
def test_refused_cooperation_is_a_rejection(nlp, text, source, target, mode):
    hit = find(relations(nlp, text), source, target)
    assert hit, relations(nlp, text)
    rel = hit[0]
    assert (rel.category, rel.mode) == ("REJECT", mode)
    assert not rel.negated and not rel.hypothetical and not rel.symmetric
    assert rel.trigger.text.startswith("refus")


def test_a_refused_attack_is_only_not_done(nlp):
    # must not fire: refusing a hostile act is no rejection of its target
    rels = relations(nlp, "Turkey refused to attack the Kurds.")
    assert not [r for r in rels if r.category == "REJECT"]
    hit = find(rels, "TUR", "KURDS")
    assert hit and hit[0].category == "ASSAULT" and hit[0].negated


def test_refusing_to_halt_aid_rejects_nothing(nlp):
    # the aid goes on: no rejection of Ukraine, and no cut either
    rels = relations(nlp, "Germany refused to halt military aid to Ukraine.")
    assert not [r for r in rels if r.category in ("REJECT", "SANCTION")]
    hit = find(rels, "DEU", "UKR")
    assert hit and hit[0].category == "AID" and not hit[0].negated


def test_a_refusal_that_may_come_is_hypothetical(nlp):
    rels = relations(nlp, "Israel may refuse to meet Jordan's King Abdullah II.")
    hit = find(rels, "ISR", "PER")
    assert hit and hit[0].category == "REJECT" and hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # conflict: a charge denied after a comma is rejected by its denier, and the charge
        # itself stays a fact that was made
        (
            "Kinshasa accused Rwanda of sending troops to support the advance, a charge Kigali "
            "has repeatedly denied.",
            "RWA",
            "COD",
        ),
        # diplomacy: the claim of a speaker
        ("Moscow said Ukrainian drones struck a refinery, a claim Kyiv denied.", "UKR", "RUS"),
        # business
        (
            "The European Commission accused Google of abusing its dominance, an allegation "
            "Google denies.",
            "BIZ",
            "EU",
        ),
    ],
)
def test_a_claim_denied_after_a_comma_is_rejected_by_the_denier(nlp, text, source, target):
    rels = relations(nlp, text)
    hit = find(rels, source, target)
    assert hit and hit[0].category == "REJECT" and not hit[0].negated, rels
    assert all(not r.negated and r.attributed_to is None for r in rels), rels


def test_a_claim_without_its_maker_is_rejected_by_no_one(nlp):
    # must not fire: nobody is said to make the claim, so the denial answers no actor
    rels = relations(nlp, "Ukrainian drones struck a refinery, a claim Kyiv denied.")
    assert not [r for r in rels if r.category == "REJECT"], rels


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy, conflict, politics: answering a joint act offered answers its other party
        ("Iran rejected talks with the United States.", "IRN", "USA", "REJECT"),
        (
            "Burhan agreed to keep the crossing open but rejected any negotiations with the "
            "Rapid Support Forces.",
            None,
            "SDN",
            "REJECT",
        ),
        ("Hamas welcomed the agreement with Fatah.", "HAMAS", "FATAH", "SUPPORT"),
    ],
)
def test_answering_a_joint_act_answers_its_other_party(nlp, text, source, target, category):
    rels = relations(nlp, text)
    hits = [r for r in rels if r.target.actor_id.split(".")[0] == target]
    if source is not None:
        hits = find(rels, source, target)
    assert [r.category for r in hits] == [category], rels


def test_a_verb_with_its_own_complement_shares_no_object(nlp):
    # must not fire: "agreed to keep the crossing open" does not agree to the talks rejected
    text = "Burhan agreed to keep the crossing open but rejected any negotiations with the RSF."
    assert not [r for r in relations(nlp, text) if r.category == "AGREE"]
    # while a bare conjoined verb still shares its object
    rels = relations(nlp, "Iran is arming and training the Houthis.")
    assert len(find(rels, "IRN", "HOUTHIS", categories={"AID"})) == 2, rels


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a charge ending in a clause under the accusation: its maker is the accuser
        ("Niger's junta accused France of plotting to attack Niamey, a claim Paris rejected.",
         "FRA", "NER"),
        ("Moscow accused Kyiv of planning to strike Crimea, a charge Ukraine denied.", "UKR",
         "RUS"),
    ],
)  # fmt: skip
def test_a_denied_charge_reaches_its_accuser_through_nested_clauses(nlp, text, source, target):
    hit = [r for r in find(relations(nlp, text), source, target) if r.category == "REJECT"]
    assert hit, relations(nlp, text)
