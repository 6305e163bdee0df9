"""A definite noun of an act ("the measures", "the move") answered in the next sentence stands
for the one doer of the act just reported."""

from __future__ import annotations

import pytest

from .helpers import family, find, relations


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        # diplomacy, business, conflict
        (
            "The EU imposed new sanctions on Belarus on Tuesday. Minsk condemned the measures "
            "as economic terrorism.",
            "BLR",
            "EU",
            "ACCUSE",
        ),
        (
            "The European Commission fined Google 2.4 billion euros on Wednesday. Google "
            "rejected the decision.",
            "BIZ",
            "EU",
            "REJECT",
        ),
        (
            "Turkey shelled Kurdish positions in northern Syria. Washington criticised the move.",
            "USA",
            "TUR",
            "ACCUSE",
        ),
    ],
)
def test_an_act_answered_in_the_next_sentence_reaches_its_doer(nlp, text, source, target, category):
    hit = find(relations(nlp, text), source, target)
    assert [r.category for r in hit] == [category], relations(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # must not fire: two doers, a sentence between, a noun naming its own maker
        "Russia and Ukraine exchanged fire overnight. The UN condemned the attacks.",
        "South Korea and Japan agreed to resume defence talks. Russia denounced the move.",
        "Turkey shelled Kurdish positions. The weather was cold. Washington criticised the move.",
        "Turkey shelled Kurdish positions. Washington criticised the decision by Iraq.",
    ],
)
def test_an_unclear_act_reaches_no_doer(nlp, text):
    rels = relations(nlp, text)
    answers = {"condemned", "denounced", "criticised"}
    # (the decision by Iraq is Iraq's: the phrase names its maker)
    wrong = {"RUS", "UKR", "TUR", "KOR", "JPN"}
    assert not [r for r in rels if r.trigger.text in answers and family(r.target.actor_id) in wrong]
