"""Threats with a condition ("threatened to X unless Y ...": the threat is made against Y) and
the "to" clause of a predicate adjective ("is prepared to lift the ban on X")."""

from __future__ import annotations

import pytest

from .helpers import check_case, find, relations

CASES = [
    # (construction, sentence, source family, target family, categories, negated, hypothetical)
    (
        "threat unless: protest",
        "Farmers' unions in India threatened to block the highways unless the Indian "
        "government withdrew the laws.",
        None,
        "IND",
        {"THREATEN"},
        False,
        False,
    ),
    (
        "threat if: diplomacy",
        "China threatened to cancel the trade talks if Taiwan hosted the delegation.",
        "CHN",
        "TWN",
        {"THREATEN"},
        False,
        False,
    ),
    (
        "threat if: business",
        "Russia threatened to cut gas supplies if Ukraine refused to pay its debts.",
        "RUS",
        "UKR",
        {"THREATEN"},
        False,
        False,
    ),
    (
        "threat against an actor's goods",
        "France threatened to impose tariffs on American products.",
        "FRA",
        "USA",
        {"THREATEN"},
        False,
        False,
    ),
    (
        "prepared to",
        "Turkey said it is prepared to lift the embargo on Armenia.",
        "TUR",
        "ARM",
        {"CONCEDE"},  # easing a sanction is a concession (``eased_as``)
        False,
        True,
    ),
    (
        "willing to",
        "Japan is willing to send aid to the Indonesian government after the earthquake.",
        "JPN",
        "IDN",
        {"AID"},
        False,
        True,
    ),
]


@pytest.mark.model
@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_conditions_and_predicate_adjectives(nlp, case):
    check_case(nlp, case)


@pytest.mark.model
def test_a_conditional_without_a_threat_names_no_target(nlp):
    # a plain conditional statement is not a threat against the condition's subject
    rels = relations(nlp, "Egypt will host the summit if Jordan agrees to attend.")
    assert not find(rels, "EGY", "JOR", categories={"THREATEN"})


@pytest.mark.model
def test_the_place_inside_a_condition_is_not_threatened(nlp):
    rels = relations(
        nlp, "Iran threatened to close the strait unless Britain released the tanker in Gibraltar."
    )
    assert find(rels, "IRN", "GBR", categories={"THREATEN"})
    assert not [r for r in rels if r.category == "THREATEN" and "Gibraltar" in r.target.text]


@pytest.mark.parametrize(
    "case",
    [
        # (construction, sentence, source, target, categories, negated, hypothetical)
        (  # a failure to act negates the act: diplomacy, labour, conflict
            "failed to",
            "Greece and Turkey failed to agree on a ceasefire.",
            "GRC",
            "TUR",
            {"AGREE"},
            True,
            False,
        ),
        (
            "failed to reach",
            "Serbia and Kosovo failed to reach a deal.",
            "SRB",
            "XKX",
            {"AGREE"},
            True,
            False,
        ),
        (  # an agreement reached or struck is an agreement
            "reached a deal",
            "Serbia reached a deal with Kosovo on Friday.",
            "SRB",
            "XKX",
            {"AGREE"},
            False,
            False,
        ),
        (
            "struck a deal",
            "Egypt struck a deal with Qatar on gas supplies.",
            "EGY",
            "QAT",
            {"AGREE"},
            False,
            False,
        ),
        (  # an until-clause still to come is a condition
            "until, present",
            "The EU will keep its sanctions until Russia withdraws from Ukraine.",
            "RUS",
            "UKR",
            {"RETREAT"},
            False,
            True,
        ),
    ],
    ids=lambda c: c[0],
)
def test_failures_deals_and_conditions(nlp, case):
    check_case(nlp, case)


def test_a_past_until_clause_happened(nlp):
    rels = relations(nlp, "Russian troops fought until Ukrainian forces drove them out of Kherson.")
    hits = find(rels, "UKR", "RUS", categories={"ASSAULT"})
    assert hits and not any(r.hypothetical for r in hits), rels


@pytest.mark.parametrize(
    ("text", "source", "target", "hypothetical"),
    [
        # made to act, in the past: done, by the one made to act
        ("The remarks prompted Mexico to recall its ambassador from Peru.", "MEX", "PER", False),
        ("The attack led Iran to accuse Israel of terrorism.", "IRN", "ISR", False),
        # asked, or to be made: still to come
        ("The EU urged Russia to withdraw from Ukraine.", "RUS", "UKR", True),
        ("Sanctions will force Russia to withdraw from Ukraine.", "RUS", "UKR", True),
    ],
)
def test_an_act_someone_was_made_to_do_is_done(nlp, text, source, target, hypothetical):
    rels = relations(nlp, text)
    hits = find(rels, source, target)
    assert hits and all(r.hypothetical == hypothetical for r in hits), rels


@pytest.mark.parametrize(
    "text",
    [
        "Georgian police failed to disperse the protesters.",
        "Turkey refused to attack the Kurds.",
    ],
)
def test_an_act_failed_or_refused_is_not_done_and_not_to_come(nlp, text):
    rels = [r for r in relations(nlp, text) if r.category in ("COERCE", "ASSAULT")]
    assert rels and all(r.negated and not r.hypothetical for r in rels), rels
