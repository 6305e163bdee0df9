"""Attribution: who claims a relation."""

from __future__ import annotations

import pytest

from .helpers import family, find, relations


def test_the_accused_does_what_it_is_accused_of_in_the_accusers_words(nlp):
    text = "Rebels accused the Syrian government of using chemical weapons against civilians."
    rels = relations(nlp, text)
    assert find(rels, "GEN", "SYR", categories={"ACCUSE"})
    hit = [r for r in rels if r.target.actor_id == "GEN.CIVILIANS"]
    assert hit and all(r.source.actor_id == "SYR.GOV" for r in hit)  # not the rebels
    assert all(r.attributed_to is not None and r.attributed_to.text == "Rebels" for r in hit)
    assert any(r.source.text == "chemical weapons" for r in hit)


def test_a_passive_accusation_is_the_accusers_claim(nlp):
    by = relations(nlp, "Pakistan has been accused by India of supporting the Taliban.")
    hit = find(by, "PAK", "TALIBAN", categories={"SUPPORT"})
    assert hit and hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == "IND"
    unsaid = relations(nlp, "Pakistan has long been accused of supporting the Taliban.")
    hit = find(unsaid, "PAK", "TALIBAN", categories={"SUPPORT"})
    assert hit and hit[0].attributed_to is None  # not Pakistan's own claim


def test_attribution_to_speaker_of_reported_claim(nlp):
    rels = relations(nlp, "Russia said that Turkey attacked Syria.")
    hit = find(rels, "TUR", "SYR", categories={"ASSAULT"})
    assert hit and hit[0].attributed_to is not None
    assert family(hit[0].attributed_to.actor_id) == "RUS"


def test_a_future_reply_is_no_quote(nlp):
    doc = nlp("If Iran attacks Israel, the US will respond.")
    assert not doc._.quotes
    hit = find(doc._.relations, "IRN", "ISR", categories={"ASSAULT"})
    assert hit and hit[0].hypothetical and hit[0].attributed_to is None


@pytest.mark.parametrize(
    ("text", "source", "target", "category", "speaker"),
    [
        # conflict, party politics, business: a relative clause said by someone
        ("The M23, which Kinshasa says is backed by Rwanda, seized the airport.", "RWA", "M23",
         "SUPPORT", "COD"),
        ("The Houthis, which Riyadh says are armed by Iran, fired missiles.", "IRN",
         "HOUTHIS", "AID", "SAU"),
        ("Hamas, which Israel alleges is funded by Qatar, rejected the offer.", "QAT", "HAMAS",
         "AID", "ISR"),
    ],
)  # fmt: skip
def test_a_relative_clause_through_a_verb_of_saying_is_the_speakers_claim(
    nlp, text, source, target, category, speaker
):
    hit = find(relations(nlp, text), source, target)
    assert [r.category for r in hit] == [category], relations(nlp, text)
    assert family(hit[0].attributed_to.actor_id) == speaker


def test_a_relative_clause_of_saying_is_not_the_speakers_act(nlp):
    # "which Kinshasa says ...": Kinshasa says something of the M23; it does nothing to it
    rels = relations(nlp, "The M23, which Kinshasa says is backed by Rwanda, seized the airport.")
    assert not find(rels, "COD", "M23")
