"""The records the component writes."""

from __future__ import annotations

from allegiance.schema import CATEGORIES


def test_every_relation_carries_evidence_and_valid_fields(nlp):
    text = "Iran backs Hezbollah and Hamas, while Israel fights Hamas."
    doc = nlp(text)
    assert doc._.relations
    for r in doc._.relations:
        assert text[r.sentence.start : r.sentence.end] == r.sentence.text
        assert text[r.trigger.start : r.trigger.end] == r.trigger.text
        assert text[r.source.start : r.source.end] == r.source.text
        assert r.category in CATEGORIES
