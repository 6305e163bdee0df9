"""Co-listing: actors listed together are not related by the list (allegiance_colisting)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _pairs(nlp, text):
    return {(r.source.text, r.target.text, r.category) for r in nlp(text)._.relations}


@pytest.mark.parametrize(
    ("sentence", "a", "b"),
    [
        ("The firm's clients included Russia, Ukraine and Kazakhstan.", "Russia", "Kazakhstan"),
        ("Its allies include France and Britain.", "France", "Britain"),  # diplomacy
    ],
)
def test_a_list_is_no_tie_between_its_members(nlp, sentence, a, b):
    assert not {p for p in _pairs(nlp, sentence) if {p[0], p[1]} == {a, b}}


@pytest.mark.parametrize(
    ("sentence", "a", "b", "category"),
    [
        ("Russia and Syria are allies.", "Russia", "Syria", "ALIGN"),  # predicated of the list
        ("Russia and Ukraine clashed near Donetsk.", "Russia", "Ukraine", "ASSAULT"),  # mutual verb
        ("Ethiopia and Eritrea signed a peace deal on Sunday.", "Ethiopia", "Eritrea", "AGREE"),
        ("Israel and Lebanon renewed negotiations today.", "Israel", "Lebanon", "CONSULT"),
        (
            "Qatar hosted talks between the United States and the Taliban.",
            "United States",
            "Taliban",
            "CONSULT",
        ),
    ],
)
def test_mutual_acts_of_a_list_stay(nlp, sentence, a, b, category):
    assert any({p[0], p[1]} == {a, b} and p[2] == category for p in _pairs(nlp, sentence))


def test_each_member_of_a_listed_subject_keeps_its_target(nlp):
    assert {("Russia", "Iran", "SUPPORT"), ("China", "Iran", "SUPPORT")} <= _pairs(
        nlp, "Russia and China support Iran."
    )
