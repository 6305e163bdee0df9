"""Who acts says what the act is (register ``role_senses``)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _rels(nlp, text):
    return [
        (r.source.actor_id, r.category, r.mode, r.target.actor_id) for r in nlp(text)._.relations
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan police fired tear gas at protesters in Nairobi.",
        "Georgian riot police fired water cannon at demonstrators in Tbilisi.",
        "Serbian police fired tear gas and rubber bullets at students in Belgrade.",
    ],
)
def test_crowd_control_by_police_is_repression(nlp, text):
    rels = _rels(nlp, text)
    assert any(c == "COERCE" and m == "repression" for _, c, m, _ in rels), rels
    assert not any(c == "ASSAULT" for _, c, _, _ in rels), rels


def test_police_shooting_protesters_dead_stays_an_assault(nlp):
    rels = _rels(nlp, "Kenyan police shot dead two protesters in Nairobi.")
    assert any(c == "ASSAULT" for _, c, _, _ in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "Algeria recalled its ambassador from France in protest over Paris's stance.",
        "China protested to Japan over the visit to the shrine.",
    ],
)
def test_a_states_protest_is_an_accusation(nlp, text):
    rels = _rels(nlp, text)
    assert any(c == "ACCUSE" and m == "protest" for _, c, m, _ in rels), rels
    assert not any(c == "PROTEST" for _, c, _, _ in rels), rels


def test_a_peoples_protest_stays_a_protest(nlp):
    rels = _rels(nlp, "Thousands of ethnic Turks protested against Sweden's decision.")
    assert not any(m == "protest" and c == "ACCUSE" for _, c, m, _ in rels), rels
