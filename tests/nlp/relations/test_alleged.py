"""Alleged acts: what someone is accused of is the accuser's charge, trusted less than an act
the text reports (``allegiance.nlp.relations.attribution.alleged``)."""

from __future__ import annotations

import pytest

from .helpers import find, relations

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("charge", "plain", "accuser", "source", "target"),
    [
        # diplomacy: arms to a proxy
        ("The United States accused Iran of arming the Houthi rebels in Yemen.",
         "Iran arms the Houthi rebels in Yemen.", "USA", "IRN", "HOUTHIS"),
        # war and courts: an attack on civilians
        ("Ukraine accused Russia of attacking civilians in Kharkiv.",
         "Russia attacked civilians in Kharkiv.", "UKR", "RUS", "GEN"),
        # politics: support for militants
        ("India has accused Pakistan of supporting the militants who attacked Mumbai.",
         "Pakistan supported the militants who attacked Mumbai.", "IND", "PAK", "GEN"),
    ],
)  # fmt: skip
def test_an_alleged_act_is_less_sure_than_the_accusation_and_the_plain_report(
    nlp, charge, plain, accuser, source, target
):
    rels = relations(nlp, charge)
    accusation = find(rels, accuser, source, categories={"ACCUSE"})
    act = find(rels, source, target)
    reported = find(relations(nlp, plain), source, target)
    assert accusation and act and reported, [
        (r.source.text, r.category, r.target.text) for r in rels
    ]
    assert act[0].attributed_to is not None
    assert act[0].confidence < 0.5 <= accusation[0].confidence
    assert act[0].confidence < reported[0].confidence


def test_an_act_beside_an_accusation_is_not_alleged(nlp):
    rels = relations(nlp, "The senator accused China of hacking, and Russia attacked Ukraine.")
    attack = find(rels, "RUS", "UKR", categories={"ASSAULT"})
    assert attack and attack[0].confidence >= 0.7
