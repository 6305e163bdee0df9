"""Modality: negation and hypothetical (purpose, denial, stopping, future)."""

from __future__ import annotations

import pytest

from .helpers import MILITIAS_LEAD, family, find, relations


def test_purpose_of_a_past_use_is_done(nlp):
    text = MILITIAS_LEAD + (
        "And they have used the cover of fighting ISIS to slaughter Sunni civilians in the "
        "liberation of other cities."
    )
    hit = [r for r in relations(nlp, text) if r.trigger.text == "slaughter"]
    assert hit and hit[0].source.text == "they" and family(hit[0].source.actor_id) == "SHIA"
    assert not hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "negated", "speaker"),
    [
        ("Iran denies arming the Houthis.", True, None),
        ("Iran has denied that it supplies weapons to the Houthis.", True, "IRN"),
        ("Iran did not deny arming the Houthis.", False, None),
    ],
)
def test_a_denial_negates_what_is_denied(nlp, text, negated, speaker):
    hit = find(relations(nlp, text), "IRN", "HOUTHIS", categories={"AID"})
    assert hit and hit[0].negated is negated
    if speaker is not None:
        assert hit[0].attributed_to is not None and hit[0].attributed_to.actor_id == speaker


def test_not_hesitating_is_doing(nlp):
    text = "The US said it would not hesitate to strike Iran if attacked."
    hit = find(relations(nlp, text), "USA", "IRN", categories={"ASSAULT"})
    assert hit and not hit[0].negated and hit[0].hypothetical


@pytest.mark.parametrize(
    ("text", "negated", "hypothetical"),
    [
        ("The US has stopped arming the Syrian rebels.", True, False),
        ("The US no longer supports the Syrian rebels.", True, False),
        ("The US ended its support for the Syrian rebels.", True, False),
        ("The US did not stop arming the Syrian rebels.", False, False),
        # asked to stop, the act goes on
        ("Russia urged the US to stop arming the Syrian rebels.", False, False),
    ],
)
def test_an_act_stopped_is_no_longer_and_one_asked_to_stop_goes_on(
    nlp, text, negated, hypothetical
):
    hit = [r for r in relations(nlp, text) if r.target.actor_id == "SYR.REB"]
    assert hit and family(hit[0].source.actor_id) == "USA"
    assert (hit[0].negated, hit[0].hypothetical) == (negated, hypothetical)


@pytest.mark.parametrize(
    ("text", "hypothetical"),
    [
        ("Hezbollah has deployed thousands of fighters to support the Assad government.", False),
        ("Hezbollah will deploy fighters to support the Assad government.", True),
    ],
)
def test_the_purpose_of_a_deployment_made_is_done(nlp, text, hypothetical):
    hit = find(relations(nlp, text), "HEZBOLLAH", "SYR", categories={"SUPPORT"})
    assert hit and hit[0].hypothetical is hypothetical
