"""Stances stated with a predicate: "is opposed to X", "is hostile to X"."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel is opposed to French mediation in the talks.", "ISR", "FRA"),  # diplomacy
        ("The Kenyan government is strongly opposed to Somalia.", "KEN", "SOM"),
        ("China is hostile to Japan.", "CHN", "JPN"),
    ],
)
def test_a_stated_opposition_is_a_hostile_stance(nlp, text, source, target):
    hit = find(relations(nlp, text), source, target)
    assert hit and hit[0].category == "OPPOSE" and not hit[0].negated


@pytest.mark.parametrize(
    "text",
    [
        "Germany remains opposed to sending tanks to Ukraine.",  # the act opposed, not Ukraine
        "The Conservatives are not opposed to a deal with the European Union.",
    ],
)
def test_an_act_opposed_or_an_opposition_denied_is_no_stance(nlp, text):
    assert not [r for r in relations(nlp, text) if r.category == "OPPOSE" and not r.negated]
