"""Fixed multi-word patterns ("in support of", "at war with")."""

from __future__ import annotations

from .helpers import find, relations


def test_pattern_inside_a_participle_of_an_event_noun(nlp):
    text = (
        "Coalition military forces conducted 11 strikes coordinated with and in support of "
        "the government of Iraq."
    )
    hit = find(relations(nlp, text), "COALITION", "IRQ", categories={"SUPPORT"})
    assert hit and hit[0].target.actor_id == "IRQ.GOV"
