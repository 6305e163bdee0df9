"""Freeing: a captor who frees its captives releases them; freeing them from someone acts on
that someone, not on them (``prep_first``)."""

from __future__ import annotations

import pytest

from .helpers import find, relations


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Hamas freed three Israeli hostages.", "HAMAS", "ISR"),
        ("Iran freed the British tourist.", "IRN", "GBR"),
        ("The rebels released two Kenyan engineers.", "GEN", "KEN"),
    ],
)
def test_a_captor_freeing_its_captives_releases_them(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert [r for r in hit if r.category == "RETREAT" and not r.hypothetical], hit


@pytest.mark.parametrize(
    ("text", "freed", "enemy"),
    [
        ("Kurdish forces freed hundreds of Yazidis from ISIS.", "YAZIDIS", "ISIL"),
        ("Iraqi forces freed the town from ISIS.", None, "ISIL"),
    ],
)
def test_freeing_from_someone_acts_on_that_someone(nlp, text, freed, enemy):
    rels = relations(nlp, text)
    assert [r for r in rels if r.target.actor_id == enemy and r.category == "ASSAULT"]
    assert not [r for r in rels if freed is not None and r.target.actor_id == freed]
