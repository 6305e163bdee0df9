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
            "Beijing has refused to recognize the new government of Taiwan.",
            "CHN",
            "TWN",
            "concession",
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
