"""Attribution: who claims a relation."""

from __future__ import annotations

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
