"""The "on the side of" patterns: fighting, negotiating or speaking for another actor."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        ("Russia fought on the side of the Syrian government.", "RUS", "SYR"),  # war
        ("Turkey stands on the same side as Azerbaijan in the dispute.", "TUR", "AZE"),
        ("Iran intervened on the side of Hezbollah in Syria.", "IRN", "HEZBOLLAH"),
    ],
)
def test_on_the_side_of_is_alignment(nlp, sentence, source, target):
    found = {
        (r.source.actor_id.split(".")[0], r.target.actor_id.split(".")[0], r.category)
        for r in nlp(sentence)._.relations
    }
    assert (source, target, "ALIGN") in found


def test_on_the_side_of_a_road_is_no_actor(nlp):
    assert not nlp("Troops parked on the side of the road near the border.")._.relations


def test_speaking_on_behalf_of_ones_own_body_is_no_alignment(nlp):
    # a speaker acts for their own organisation: no tie between them ("on behalf of" is no pattern)
    text = "On behalf of the Department of Defense, I convey my condolences to the families."
    assert "ALIGN" not in {r.category for r in nlp(text)._.relations}
